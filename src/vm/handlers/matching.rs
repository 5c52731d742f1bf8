//! Structural pattern matching (PEP 634): MATCH_CLASS, MATCH_KEYS,
//! MATCH_MAPPING, MATCH_SEQUENCE and GET_LEN, with the helpers of
//! CPython's `Python/ceval.c` they call (`_PyEval_MatchClass`,
//! `_PyEval_MatchKeys`).
//!
//! Everything else a `match` statement does (comparing literals, binding
//! captures, unpacking sequences, guards) is ordinary bytecode.

use crate::objects::bool_::new_bool;
use crate::objects::int::new_int;
use crate::objects::set::{SET_TYPE, empty_set_of, set_obj};
use crate::objects::str::{StrObject, str_value};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::typeobject::{TypeObject, as_type, flags};
use crate::objects::{Obj, PyResult, Vm, object_type};
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// GET_LEN: `(obj -- obj, len)`.
#[inline(always)]
pub fn get_len(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let obj = r.peek(1).clone();
    let n = st.vm.len(&obj)?;
    drop(obj);
    r.push(new_int(n as i64));
    r.skip(0);
    Ok(Control::Next)
}

/// MATCH_MAPPING: `(subject -- subject, res)`: whether the subject's type
/// has `Py_TPFLAGS_MAPPING` (dict, mappingproxy and their subclasses).
#[inline(always)]
pub fn match_mapping(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let m = r.peek(1).class().has_flag(flags::MAPPING);
    r.push(new_bool(m));
    r.skip(0);
    Ok(Control::Next)
}

/// MATCH_SEQUENCE: `(subject -- subject, res)`: whether the subject's type
/// has `Py_TPFLAGS_SEQUENCE` (list, tuple, range and their subclasses;
/// never str, bytes or bytearray).
#[inline(always)]
pub fn match_sequence(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let m = r.peek(1).class().has_flag(flags::SEQUENCE);
    r.push(new_bool(m));
    r.skip(0);
    Ok(Control::Next)
}

/// MATCH_KEYS: `(subject, keys -- subject, keys, values_or_none)`: the
/// values of `keys` in the mapping, or None if one is missing.
#[inline(always)]
pub fn match_keys(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let keys = r.peek(1).clone();
    let subject = r.peek(2).clone();
    let res = match_keys_values(st.vm, &subject, &keys)?;
    r.push(res);
    r.skip(0);
    Ok(Control::Next)
}

/// MATCH_CLASS n: `(subject, type, names -- attrs)`: a tuple of the `n`
/// positional sub-pattern attributes then the named ones when the subject
/// is an instance of the class, None when it is not.
#[inline(always)]
pub fn match_class(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let names = r.pop();
    let cls = r.pop();
    let subject = r.pop();
    let attrs = match_class_attrs(st.vm, &subject, &cls, r.oparg as usize, &names)?;
    r.push(attrs.unwrap_or_else(Obj::none));
    r.skip(0);
    Ok(Control::Next)
}

/// `_PyEval_MatchKeys`: `map.get(key, sentinel)` for each key (so a
/// `__missing__` is never called), failing on a duplicate key.
fn match_keys_values(vm: &mut Vm, map: &Obj, keys: &Obj) -> PyResult<Obj> {
    let Some(keys) = tuple_items(keys) else {
        return Err(vm.system_error("MATCH_KEYS expects a tuple of keys"));
    };
    if keys.is_empty() {
        return Ok(new_tuple(Vec::new()));
    }
    let get_name = vm.intern("get");
    let (get, unbound) = vm.get_method(map, &get_name)?;
    let seen = empty_set_of(&SET_TYPE);
    let object = object_type::OBJECT_TYPE.as_obj();
    let dummy = vm.call(&object, &[], None)?;
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        if set_obj(&seen).contains(vm, key)? {
            let shown = vm.repr_string(key)?;
            return Err(vm.value_error(format!("mapping pattern checks duplicate key ({shown})")));
        }
        set_obj(&seen).add(vm, key.clone())?;
        let value = if unbound {
            vm.call(&get, &[map.clone(), key.clone(), dummy.clone()], None)?
        } else {
            vm.call(&get, &[key.clone(), dummy.clone()], None)?
        };
        if value.is(&dummy) {
            return Ok(Obj::none());
        }
        values.push(value);
    }
    Ok(new_tuple(values))
}

/// `_PyEval_MatchClass`: None when the subject is not an instance of
/// `cls`; otherwise the attributes the sub-patterns match, positional ones
/// named by `cls.__match_args__` (or the subject itself, for the builtins
/// that match themselves), then `kwargs` (a tuple of names).
fn match_class_attrs(
    vm: &mut Vm,
    subject: &Obj,
    cls: &Obj,
    nargs: usize,
    kwargs: &Obj,
) -> PyResult<Option<Obj>> {
    let Some(ty) = as_type(cls) else {
        return Err(vm.type_error("called match pattern must be a class"));
    };
    let Some(kwargs) = tuple_items(kwargs) else {
        return Err(vm.system_error("MATCH_CLASS expects a tuple of names"));
    };
    if !vm.isinstance(subject, cls)? {
        return Ok(None);
    }
    let mut seen: Vec<Obj> = Vec::new();
    let mut attrs = Vec::with_capacity(nargs + kwargs.len());
    if nargs > 0 {
        let key = vm.intern("__match_args__");
        let (match_args, match_self) = match vm.getattr_opt(cls, &key)? {
            Some(m) => {
                if !std::ptr::eq(m.class(), &crate::objects::tuple::TUPLE_TYPE) {
                    return Err(vm.type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        ty.tp_name,
                        m.class().tp_name
                    )));
                }
                (tuple_items(&m).unwrap_or(&[]).to_vec(), false)
            }
            None => (Vec::new(), ty.has_flag(flags::MATCH_SELF)),
        };
        let allowed = if match_self { 1 } else { match_args.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.type_error(format!(
                "{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)",
                ty.tp_name
            )));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for name in &match_args[..nargs] {
                if name.downcast_exact::<StrObject>().is_none() {
                    return Err(vm.type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        name.class().tp_name
                    )));
                }
                match match_class_attr(vm, subject, ty, name, &mut seen)? {
                    Some(a) => attrs.push(a),
                    None => return Ok(None),
                }
            }
        }
    }
    for name in kwargs {
        match match_class_attr(vm, subject, ty, name, &mut seen)? {
            Some(a) => attrs.push(a),
            None => return Ok(None),
        }
    }
    Ok(Some(new_tuple(attrs)))
}

/// `match_class_attr`: the attribute `name` of the subject (None when it
/// has none), refusing a name two sub-patterns ask for.
fn match_class_attr(
    vm: &mut Vm,
    subject: &Obj,
    ty: &TypeObject,
    name: &Obj,
    seen: &mut Vec<Obj>,
) -> PyResult<Option<Obj>> {
    let text = str_value(name);
    if seen.iter().any(|s| str_value(s) == text) {
        let shown = vm.repr_string(name)?;
        return Err(vm.type_error(format!(
            "{}() got multiple sub-patterns for attribute {shown}",
            ty.tp_name
        )));
    }
    seen.push(name.clone());
    vm.getattr_opt(subject, name)
}
