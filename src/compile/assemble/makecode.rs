//! The code object itself (`makecode` in `Python/assemble.c`, with the
//! string interning `_PyCode_New` does in `Objects/codeobject.c`:
//! names, local names and identifier-like string constants are interned,
//! which is also what marshal records).

use super::emit;
use super::finalize::Finished;
use super::localsplus::compute_localsplus_info;
use crate::compile::consts::ConstPool;
use crate::compile::unit::CodeUnitMetadata;
use crate::objects::code::{CodeObject, CodeParts, code_obj};
use crate::objects::set::{FROZENSET_TYPE, empty_set_of, set_obj};
use crate::objects::slice::{SliceObject, new_slice};
use crate::objects::str::{STR_TYPE, str_value};
use crate::objects::tuple::{TUPLE_TYPE, new_tuple, tuple_items};
use crate::objects::{Obj, PyResult, Vm};

/// Constants nested deeper than this keep their strings as they are
/// (interning only affects identity, and marshal's `interned` flag).
const MAX_INTERN_DEPTH: usize = 200;

/// `all_name_chars`: ASCII letters, digits and underscores only.
fn all_name_chars(s: &str) -> bool {
    s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

/// `intern_constants` for one constant: identifier-like exact strings
/// become the interned object, inside tuples, frozensets and slices too.
/// Returns the constant to use (a new container only if something
/// changed).
fn intern_constant(vm: &mut Vm, o: &Obj, depth: usize) -> PyResult<Obj> {
    if depth > MAX_INTERN_DEPTH {
        return Ok(o.clone());
    }
    let class = o.class();
    if std::ptr::eq(class, &STR_TYPE) {
        if all_name_chars(str_value(o)) {
            return Ok(vm.intern_obj(o.clone()));
        }
    } else if std::ptr::eq(class, &TUPLE_TYPE) {
        let items = tuple_items(o).unwrap_or(&[]).to_vec();
        let mut changed = false;
        let mut new_items = Vec::with_capacity(items.len());
        for item in &items {
            let n = intern_constant(vm, item, depth + 1)?;
            changed |= !n.is(item);
            new_items.push(n);
        }
        if changed {
            return Ok(new_tuple(new_items));
        }
    } else if std::ptr::eq(class, &FROZENSET_TYPE) {
        let items: Vec<Obj> = set_obj(o).entries().into_iter().map(|(k, _)| k).collect();
        let mut changed = false;
        let mut new_items = Vec::with_capacity(items.len());
        for item in &items {
            let n = intern_constant(vm, item, depth + 1)?;
            changed |= !n.is(item);
            new_items.push(n);
        }
        if changed {
            let s = empty_set_of(&FROZENSET_TYPE);
            for item in new_items {
                set_obj(&s).add(vm, item)?;
            }
            return Ok(s);
        }
    } else if let Some(sl) = o.downcast_exact::<SliceObject>() {
        let parts = [sl.start.clone(), sl.stop.clone(), sl.step.clone()];
        let mut changed = false;
        let mut new_parts = Vec::with_capacity(3);
        for p in &parts {
            let n = intern_constant(vm, p, depth + 1)?;
            changed |= !n.is(p);
            new_parts.push(n);
        }
        if changed {
            let [a, b, c]: [Obj; 3] = new_parts.try_into().unwrap_or_else(|_| parts.clone());
            return Ok(new_slice(a, b, c));
        }
    }
    Ok(o.clone())
}

/// `makecode` (with `assemble_emit` before it): the code object, checked
/// by the verifier the eval loop relies on.
pub(crate) fn make_code_object(
    vm: &mut Vm,
    umd: &CodeUnitMetadata,
    consts: ConstPool,
    finished: Finished,
    flags: u32,
    filename: Obj,
) -> PyResult<Obj> {
    let Finished {
        instrs,
        stackdepth,
        nlocalsplus,
    } = finished;
    let assembled = emit::assemble(instrs, umd.firstlineno).map_err(|msg| vm.system_error(msg))?;
    let (localsplusnames, localspluskinds) =
        compute_localsplus_info(umd, nlocalsplus, flags).map_err(|e| super::cfg::raise(vm, e))?;

    let names: Vec<Obj> = umd.names.names().iter().map(|n| vm.intern(n)).collect();
    let localsplusnames: Vec<Obj> = localsplusnames.iter().map(|n| vm.intern(n)).collect();
    let mut const_items = Vec::with_capacity(consts.len());
    for c in consts.items() {
        const_items.push(intern_constant(vm, c, 0)?);
    }
    let qualname = if umd.qualname.is_empty() {
        &umd.name
    } else {
        &umd.qualname
    };
    let parts = CodeParts {
        argcount: umd.posonlyargcount + umd.argcount,
        posonlyargcount: umd.posonlyargcount,
        kwonlyargcount: umd.kwonlyargcount,
        stacksize: u32::try_from(stackdepth).unwrap_or(0),
        flags,
        firstlineno: umd.firstlineno,
        code: assembled.code,
        consts: new_tuple(const_items),
        names: new_tuple(names),
        localsplusnames: new_tuple(localsplusnames),
        localspluskinds,
        filename: vm.intern_obj(filename),
        name: vm.intern(&umd.name),
        qualname: vm.intern(qualname),
        linetable: assembled.linetable,
        exceptiontable: assembled.exceptiontable,
    };
    let code = CodeObject::create(parts).map_err(|e| {
        vm.system_error(format!(
            "pyrs: the compiler built a bad code object: {}",
            e.0
        ))
    })?;
    if let Err(msg) = crate::vm::verify::verify(code_obj(&code)) {
        return Err(vm.system_error(format!(
            "pyrs: the compiler built code the verifier rejects in '{}': {msg}",
            umd.qualname
        )));
    }
    Ok(code)
}
