//! `cls.__annotate__` and `cls.__annotations__` (PEP 649/749): a class body
//! stores its compiler-generated annotate function as `__annotate_func__`;
//! `__annotations__` calls it once and caches the dict as
//! `__annotations_cache__` in the class dictionary (CPython's
//! `type_get_annotate`, `type_get_annotations` and their setters).
//!
//! Builtin types have neither attribute.

use crate::objects::dict::{dict_obj, is_dict};
use crate::objects::exceptions::ATTRIBUTE_ERROR;
use crate::objects::int::new_int;
use crate::objects::typeobject::{TypeObject, as_type, flags};
use crate::objects::{Obj, PyResult, Vm};

fn ty(o: &Obj) -> &TypeObject {
    as_type(o).expect("type getset on a non-type")
}

/// The AttributeError a builtin type gives for `attr`.
fn missing(vm: &mut Vm, t: &TypeObject, attr: &str) -> crate::objects::PyErr {
    vm.new_exception_msg(
        &ATTRIBUTE_ERROR,
        format!("type object '{}' has no attribute '{attr}'", t.name()),
    )
}

/// `value.__get__(None, cls)` when `value` is a descriptor, else `value`.
fn bind_to_class(vm: &mut Vm, value: Obj, cls: &Obj) -> PyResult<Obj> {
    match value.class().slots.tp_descr_get.get() {
        Some(get) => get(vm, &value, None, Some(cls)),
        None => Ok(value),
    }
}

/// `type_get_annotate`: `__annotate__` (set explicitly) or
/// `__annotate_func__` from the class dict; None (and remembered as
/// `__annotate_func__`) when the class has neither.
pub fn get_annotate(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let t = ty(o);
    if !t.is_heap_type() {
        return Err(missing(vm, t, "__annotate__"));
    }
    let dict = vm.type_dict(t).clone();
    let d = dict_obj(&dict);
    let found = d
        .get_str(&vm.ids.__annotate__)
        .or_else(|| d.get_str(&vm.intern("__annotate_func__")));
    match found {
        Some(a) => bind_to_class(vm, a, o),
        None => {
            d.set_str(vm.intern("__annotate_func__"), Obj::none());
            Ok(Obj::none())
        }
    }
}

/// `type_set_annotate`.
pub fn set_annotate(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    let t = ty(o);
    let Some(value) = value else {
        return Err(vm.type_error("cannot delete __annotate__ attribute"));
    };
    if t.has_flag(flags::IMMUTABLETYPE) || !t.is_heap_type() {
        return Err(vm.type_error(format!(
            "cannot set '__annotate__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    if !value.is_none() && !vm.is_callable(&value) {
        return Err(vm.type_error("__annotate__ must be callable or None"));
    }
    let dict = vm.type_dict(t).clone();
    let d = dict_obj(&dict);
    let clear = !value.is_none();
    d.set_str(vm.intern("__annotate_func__"), value);
    if clear {
        let cache = vm.intern("__annotations_cache__");
        d.remove(vm, &cache)?;
    }
    Ok(())
}

/// `type_get_annotations`: `__annotations__` from the class dict (as
/// `from __future__ import annotations` leaves it), else the cached dict,
/// else `__annotate__(1)`, cached.
pub fn get_annotations(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let t = ty(o);
    if !t.is_heap_type() {
        return Err(missing(vm, t, "__annotations__"));
    }
    let dict = vm.type_dict(t).clone();
    let d = dict_obj(&dict);
    let found = d
        .get_str(&vm.ids.__annotations__)
        .or_else(|| d.get_str(&vm.intern("__annotations_cache__")));
    if let Some(a) = found {
        return bind_to_class(vm, a, o);
    }
    let annotate = vm.getattr(o, &vm.ids.__annotate__.clone())?;
    let ann = if vm.is_callable(&annotate) {
        let a = vm.call(&annotate, &[new_int(1)], None)?;
        if !is_dict(&a) {
            return Err(vm.type_error(format!(
                "__annotate__ returned non-dict of type '{}'",
                a.class().name()
            )));
        }
        a
    } else {
        vm.new_dict()
    };
    d.set_str(vm.intern("__annotations_cache__"), ann.clone());
    Ok(ann)
}

/// `type_set_annotations`: stores (or removes) the cached dict and forgets
/// the annotate function.
pub fn set_annotations(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    let t = ty(o);
    if t.has_flag(flags::IMMUTABLETYPE) || !t.is_heap_type() {
        return Err(vm.type_error(format!(
            "cannot set '__annotations__' attribute of immutable type '{}'",
            t.name()
        )));
    }
    let dict = vm.type_dict(t).clone();
    let d = dict_obj(&dict);
    let cache = vm.intern("__annotations_cache__");
    match value {
        Some(v) => d.set(vm, cache, v)?,
        None => {
            if d.remove(vm, &cache)?.is_none() {
                return Err(vm.new_exception_msg(&ATTRIBUTE_ERROR, "__annotations__"));
            }
        }
    }
    let func = vm.intern("__annotate_func__");
    d.remove(vm, &func)?;
    let annotate = vm.ids.__annotate__.clone();
    d.remove(vm, &annotate)?;
    Ok(())
}
