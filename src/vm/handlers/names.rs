//! Names in namespaces: LOAD_NAME and friends (module and class bodies),
//! globals, and the minimal imports of native modules.

use crate::objects::dict::{DICT_TYPE, dict_obj, is_dict};
use crate::objects::exceptions::{self, KEY_ERROR, NAME_ERROR};
use crate::objects::str::str_value;
use crate::objects::{Obj, PyErr, PyResult};
use crate::vm::handlers::caches;
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// NameError "name 'x' is not defined", with `name` recorded.
#[cold]
pub(crate) fn name_error(st: &mut EvalState, name: &Obj) -> PyErr {
    let err = st.vm.new_exception_msg(
        &NAME_ERROR,
        format!("name '{}' is not defined", str_value(name)),
    );
    exceptions::set_name_error_name(&err, name);
    err
}

/// `PyMapping_GetOptionalItem`: `mapping[name]`, None if absent (KeyError).
pub(crate) fn mapping_lookup(
    st: &mut EvalState,
    mapping: &Obj,
    name: &Obj,
) -> PyResult<Option<Obj>> {
    if std::ptr::eq(mapping.class(), &DICT_TYPE) {
        return Ok(dict_obj(mapping).get_str(name));
    }
    match st.vm.getitem(mapping, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.value().class().is_subtype(&KEY_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Globals then builtins (`_PyEval_LoadGlobalStackRef`).
#[inline(always)]
fn load_global_value(st: &mut EvalState, r: &Regs, name: &Obj) -> PyResult<Obj> {
    let f = r.frame();
    if let Some(v) = dict_obj(&f.globals).get_str(name) {
        return Ok(v);
    }
    let builtins = f.builtins.clone();
    match mapping_lookup(st, &builtins, name)? {
        Some(v) => Ok(v),
        None => Err(name_error(st, name)),
    }
}

#[inline(always)]
pub fn load_global(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let name = r.name((r.oparg >> 1) as usize).clone();
    let v = load_global_value(st, r, &name)?;
    r.push(v);
    if r.oparg & 1 != 0 {
        r.push_slot(None);
    }
    r.skip(caches::LOAD_GLOBAL);
    Ok(Control::Next)
}

#[inline(always)]
pub fn store_global(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let name = r.name(r.oparg as usize).clone();
    let globals = r.frame().globals.clone();
    dict_obj(&globals).set(st.vm, name, v)?;
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn delete_global(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let name = r.name(r.oparg as usize).clone();
    let globals = r.frame().globals.clone();
    if dict_obj(&globals).remove(st.vm, &name)?.is_none() {
        return Err(name_error(st, &name).into());
    }
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn load_name(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let name = r.name(r.oparg as usize).clone();
    let Some(locals) = r.frame().locals.clone() else {
        return Err(st.vm.system_error("no locals found").into());
    };
    let v = match mapping_lookup(st, &locals, &name)? {
        Some(v) => v,
        None => load_global_value(st, r, &name)?,
    };
    r.push(v);
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn store_name(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let name = r.name(r.oparg as usize).clone();
    let Some(locals) = r.frame().locals.clone() else {
        let shown = st.vm.repr_string(&name)?;
        return Err(st
            .vm
            .system_error(format!("no locals found when storing {shown}"))
            .into());
    };
    if is_dict(&locals) {
        dict_obj(&locals).set(st.vm, name, v)?;
    } else {
        st.vm.setitem(&locals, &name, v)?;
    }
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn delete_name(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let name = r.name(r.oparg as usize).clone();
    let Some(locals) = r.frame().locals.clone() else {
        let shown = st.vm.repr_string(&name)?;
        return Err(st
            .vm
            .system_error(format!("no locals when deleting {shown}"))
            .into());
    };
    if st.vm.delitem(&locals, &name).is_err() {
        return Err(name_error(st, &name).into());
    }
    r.skip(0);
    Ok(Control::Next)
}

/// LOAD_FROM_DICT_OR_GLOBALS: a name in the given mapping, else globals
/// and builtins (annotation scopes of classes).
#[inline(always)]
pub fn load_from_dict_or_globals(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let mapping = r.pop();
    let name = r.name(r.oparg as usize).clone();
    let v = match mapping_lookup(st, &mapping, &name)? {
        Some(v) => v,
        None => load_global_value(st, r, &name)?,
    };
    r.push(v);
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn load_locals(st: &mut EvalState, r: &mut Regs) -> OpResult {
    match r.frame().locals.clone() {
        Some(l) => {
            r.push(l);
            r.skip(0);
            Ok(Control::Next)
        }
        None => Err(st.vm.system_error("no locals found").into()),
    }
}

/// SETUP_ANNOTATIONS: makes sure `__annotations__` exists in the locals.
#[inline(always)]
pub fn setup_annotations(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let Some(locals) = r.frame().locals.clone() else {
        return Err(st
            .vm
            .system_error("no locals found when setting up annotations")
            .into());
    };
    let key = st.vm.ids.__annotations__.clone();
    if mapping_lookup(st, &locals, &key)?.is_none() {
        let d = st.vm.new_dict();
        st.vm.setitem(&locals, &key, d)?;
    }
    r.skip(0);
    Ok(Control::Next)
}

/// IMPORT_NAME: `(level, fromlist -- module)` (`import_name` in ceval):
/// `__import__` with the frame's globals.
#[inline(always)]
pub fn import_name(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let fromlist = r.pop();
    let level = r.pop();
    let name = r.name(r.oparg as usize).clone();
    let level = st.vm.to_i64(&level)?;
    let globals = r.frame().globals.clone();
    let m = st
        .vm
        .import_module_level(&name, Some(&globals), &fromlist, level)?;
    r.push(m);
    r.skip(0);
    Ok(Control::Next)
}

/// IMPORT_FROM: an attribute of the module on the stack (`import_from`).
#[inline(always)]
pub fn import_from(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let name = r.name(r.oparg as usize).clone();
    let module = r.peek(1).clone();
    let v = st.vm.import_from(&module, &name)?;
    r.push(v);
    r.skip(0);
    Ok(Control::Next)
}
