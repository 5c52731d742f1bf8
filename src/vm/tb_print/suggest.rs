//! "Did you mean" for NameError, AttributeError and ImportError:
//! `traceback._compute_suggestion_error` and `_get_safe___dir__`. The
//! closest name is chosen by `_suggestions._generate_suggestions`, which is
//! CPython's C `_Py_CalculateSuggestions`, ported in
//! [`crate::vm::suggestions`].

use crate::objects::dict::DictObject;
use crate::objects::exceptions::{ATTRIBUTE_ERROR, IMPORT_ERROR, TYPE_ERROR};
use crate::objects::module::module_dict;
use crate::objects::str::{is_str, str_value};
use crate::objects::traceback::{FrameObject, TracebackObject};
use crate::objects::{Obj, Vm};
use crate::vm::suggestions::calculate_suggestion;

/// `_compute_suggestion_error(exc_value, tb, wrong_name)`: the name to
/// suggest instead of `wrong_name`, if one is close enough.
pub fn compute_suggestion_error(
    vm: &mut Vm,
    exc_value: &Obj,
    tb: Option<&Obj>,
    wrong_name: &Obj,
) -> Option<String> {
    if !is_str(wrong_name) {
        return None;
    }
    let wrong = str_value(wrong_name).to_string();
    let ty = exc_value.class();
    let candidates: Vec<String> = if ty.is_subtype(&ATTRIBUTE_ERROR) {
        let obj = vm
            .getattr_str(exc_value, "obj")
            .unwrap_or_else(|_| Obj::none());
        let d = safe_dir(vm, &obj)?;
        let mut hide_underscored = !wrong.starts_with('_');
        if hide_underscored
            && let Some(frame) = last_frame(tb)
            && let Some(s) = local(vm, &frame, "self")
            && s.is(&obj)
        {
            hide_underscored = false;
        }
        if hide_underscored {
            d.into_iter().filter(|x| !x.starts_with('_')).collect()
        } else {
            d
        }
    } else if ty.is_subtype(&IMPORT_ERROR) {
        let name = vm.getattr_str(exc_value, "name").ok()?;
        let module = imported_module(vm, &name)?;
        let d = safe_dir(vm, &module)?;
        if wrong.starts_with('_') {
            d
        } else {
            d.into_iter().filter(|x| !x.starts_with('_')).collect()
        }
    } else {
        // NameError: the names the most recent frame can see.
        let frame = last_frame(tb)?;
        let f = frame.downcast::<FrameObject>()?;
        let mut d = Vec::new();
        let locals = f.locals.get();
        for mapping in [
            locals.clone(),
            Some(f.globals.clone()),
            Some(f.builtins.clone()),
        ]
        .into_iter()
        .flatten()
        {
            for k in mapping_keys(vm, &mapping)? {
                if is_str(&k) {
                    d.push(str_value(&k).to_string());
                }
            }
        }
        // In a method, an attribute of the instance by that name wins.
        if let Some(s) = local(vm, &frame, "self")
            && let Ok(Some(_)) = vm.getattr_opt(&s, wrong_name)
        {
            return Some(format!("self.{wrong}"));
        }
        d
    };
    let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
    calculate_suggestion(&refs, &wrong).map(str::to_string)
}

/// `_get_safe___dir__(obj)`: `obj.__dir__()` (or `type(obj).__dir__(obj)`
/// when that raises TypeError, as for a class), its str items sorted.
fn safe_dir(vm: &mut Vm, obj: &Obj) -> Option<Vec<String>> {
    let listed = match vm
        .getattr_str(obj, "__dir__")
        .and_then(|m| vm.call(&m, &[], None))
    {
        Ok(d) => d,
        Err(e) if e.value().class().is_subtype(&TYPE_ERROR) => {
            let name = vm.intern("__dir__");
            let f = vm.type_lookup(obj.class(), &name)?;
            vm.call(&f, std::slice::from_ref(obj), None).ok()?
        }
        Err(_) => return None,
    };
    let items = vm.collect(&listed).ok()?;
    let mut names: Vec<String> = items
        .iter()
        .filter(|x| is_str(x))
        .map(|x| str_value(x).to_string())
        .collect();
    names.sort();
    Some(names)
}

/// The frame of the last entry of a traceback.
fn last_frame(tb: Option<&Obj>) -> Option<Obj> {
    let mut cur = tb?.clone();
    loop {
        let t = cur.downcast::<TracebackObject>()?;
        match t.next.get() {
            Some(n) => cur = n,
            None => return Some(t.frame.clone()),
        }
    }
}

/// `frame.f_locals[name]`, when bound.
fn local(vm: &mut Vm, frame: &Obj, name: &str) -> Option<Obj> {
    let locals = frame.downcast::<FrameObject>()?.locals.get()?;
    let key = vm.intern(name);
    locals.downcast::<DictObject>()?.get_str(&key)
}

/// `list(mapping)`: a dict's keys (a module stands for its dict).
fn mapping_keys(vm: &mut Vm, o: &Obj) -> Option<Vec<Obj>> {
    if let Some(d) = o.downcast::<DictObject>() {
        return Some(d.keys());
    }
    if let Some(d) = module_dict(o).and_then(|d| d.downcast::<DictObject>()) {
        return Some(d.keys());
    }
    vm.collect(o).ok()
}

/// `__import__(name)` for a module already imported: the top-level
/// package of `sys.modules[name]`. Nothing is imported here.
fn imported_module(vm: &mut Vm, name: &Obj) -> Option<Obj> {
    if !is_str(name) {
        return None;
    }
    let full = str_value(name).to_string();
    let modules = vm.modules.clone();
    let modules = modules.downcast::<DictObject>()?;
    modules.get_str(&vm.new_str(&full))?;
    let top = full.split('.').next().unwrap_or(&full).to_string();
    modules.get_str(&vm.new_str(&top))
}
