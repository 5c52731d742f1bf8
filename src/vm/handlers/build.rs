//! Building containers, strings, functions and templates, and unpacking.

use crate::objects::dict::{dict_obj, is_dict};
use crate::objects::exceptions::{ATTRIBUTE_ERROR, KEY_ERROR, TYPE_ERROR};
use crate::objects::function::new_function;
use crate::objects::list::{ListObject, new_list};
use crate::objects::set::{SET_TYPE, empty_set_of, set_obj, update_from};
use crate::objects::slice::new_slice;
use crate::objects::str::{StrObject, str_value};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::{Obj, PyErr, PyResult, Vm, exceptions, template};
use crate::vm::handlers::caches;
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// Pops `n` values (bottom first); NULLs become the `<NULL>` sentinel.
#[inline(always)]
fn pop_values(r: &mut Regs, n: usize) -> Vec<Obj> {
    r.pop_n(n)
        .into_iter()
        .map(|s| s.unwrap_or_else(crate::vm::null_value))
        .collect()
}

#[inline(always)]
pub fn build_tuple(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let items = pop_values(r, r.oparg as usize);
    r.push(new_tuple(items));
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn build_list(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let items = pop_values(r, r.oparg as usize);
    r.push(new_list(items));
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn build_set(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let items = pop_values(r, r.oparg as usize);
    let s = empty_set_of(&SET_TYPE);
    for it in items {
        set_obj(&s).add(st.vm, it)?;
    }
    r.push(s);
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn build_map(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let n = r.oparg as usize;
    let items = pop_values(r, 2 * n);
    let d = crate::objects::dict::new_dict_with_capacity(n);
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        dict_obj(&d).set(st.vm, k, v)?;
    }
    r.push(d);
    r.skip(0);
    Ok(Control::Next)
}

/// BUILD_SLICE: `(start, stop[, step] -- slice)`.
#[inline(always)]
pub fn build_slice(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let step = if r.oparg == 3 { r.pop() } else { Obj::none() };
    let stop = r.pop();
    let start = r.pop();
    r.push(new_slice(start, stop, step));
    r.skip(0);
    Ok(Control::Next)
}

/// BUILD_STRING: concatenates `oparg` strings (f-string pieces).
#[inline(always)]
pub fn build_string(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let items = pop_values(r, r.oparg as usize);
    let mut out = String::new();
    for it in &items {
        match it.downcast::<StrObject>() {
            Some(s) => out.push_str(s.as_str()),
            None => {
                return Err(st
                    .vm
                    .system_error("BUILD_STRING: a piece is not a str")
                    .into());
            }
        }
    }
    r.push(st.vm.new_string(out));
    r.skip(0);
    Ok(Control::Next)
}

/// LIST_APPEND i: `list.append(v)` for the list `i` below the top.
#[inline(always)]
pub fn list_append(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    match r.peek(r.oparg as usize).downcast::<ListObject>() {
        Some(l) => l.push(v),
        None => return Err(st.vm.system_error("LIST_APPEND: not a list").into()),
    }
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn set_add(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let s = r.peek(r.oparg as usize).clone();
    if !crate::objects::set::is_any_set(&s) {
        return Err(st.vm.system_error("SET_ADD: not a set").into());
    }
    set_obj(&s).add(st.vm, v)?;
    r.skip(0);
    Ok(Control::Next)
}

/// MAP_ADD i: `(dict, ..., key, value --)`.
#[inline(always)]
pub fn map_add(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let value = r.pop();
    let key = r.pop();
    let d = r.peek(r.oparg as usize).clone();
    if !is_dict(&d) {
        return Err(st.vm.system_error("MAP_ADD: not a dict").into());
    }
    dict_obj(&d).set(st.vm, key, value)?;
    r.skip(0);
    Ok(Control::Next)
}

/// LIST_EXTEND i: `[*a, *b]`.
#[inline(always)]
pub fn list_extend(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let iterable = r.pop();
    let l = r.peek(r.oparg as usize).clone();
    if l.downcast::<ListObject>().is_none() {
        return Err(st.vm.system_error("LIST_EXTEND: not a list").into());
    }
    if let Err(e) = crate::objects::list::list_extend_with(st.vm, &l, &iterable) {
        return Err(star_error(st.vm, e, &iterable).into());
    }
    r.skip(0);
    Ok(Control::Next)
}

/// "Value after * must be an iterable, not int".
fn star_error(vm: &mut Vm, e: PyErr, iterable: &Obj) -> PyErr {
    let t = iterable.class();
    if e.value().class().is_subtype(&TYPE_ERROR)
        && t.slots.tp_iter.get().is_none()
        && t.slots.mp_subscript.get().is_none()
    {
        return vm.type_error(format!(
            "Value after * must be an iterable, not {}",
            t.name()
        ));
    }
    e
}

#[inline(always)]
pub fn set_update(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let iterable = r.pop();
    let s = r.peek(r.oparg as usize).clone();
    if !crate::objects::set::is_any_set(&s) {
        return Err(st.vm.system_error("SET_UPDATE: not a set").into());
    }
    update_from(st.vm, &s, &iterable)?;
    r.skip(0);
    Ok(Control::Next)
}

/// DICT_UPDATE i: `{**a}`.
#[inline(always)]
pub fn dict_update(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let update = r.pop();
    let d = r.peek(r.oparg as usize).clone();
    if let Err(e) = crate::objects::dict::methods::merge_mapping(st.vm, &d, &update) {
        if e.value().class().is_subtype(&ATTRIBUTE_ERROR) {
            return Err(st
                .vm
                .type_error(format!(
                    "'{}' object is not a mapping",
                    update.class().name()
                ))
                .into());
        }
        return Err(e.into());
    }
    r.skip(0);
    Ok(Control::Next)
}

/// `_PyObject_FunctionStr`: "module.qualname()" for error messages.
pub(crate) fn function_str(vm: &mut Vm, f: &Obj) -> String {
    let q = vm.ids.__qualname__.clone();
    let qualname = match vm.getattr_opt(f, &q) {
        Ok(Some(n)) => str_value(&n).to_string(),
        _ => return vm.str_string(f).unwrap_or_default(),
    };
    let m = vm.ids.__module__.clone();
    match vm.getattr_opt(f, &m) {
        Ok(Some(module)) if !module.is_none() && str_value(&module) != "builtins" => {
            format!("{}.{}()", str_value(&module), qualname)
        }
        _ => format!("{qualname}()"),
    }
}

/// DICT_MERGE i: `f(**a, **b)`; duplicate keys are errors.
#[inline(always)]
pub fn dict_merge(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let update = r.pop();
    let i = r.oparg as usize;
    let d = r.peek(i).clone();
    let callable = r.peek(i + 3).clone();
    if let Err(e) = merge_kwargs(st.vm, &d, &update) {
        return Err(format_kwargs_error(st.vm, e, &callable, &update).into());
    }
    r.skip(0);
    Ok(Control::Next)
}

/// `_PyDict_MergeEx(dict, update, 2)`: like update, but a key already
/// present raises KeyError(key).
fn merge_kwargs(vm: &mut Vm, d: &Obj, update: &Obj) -> PyResult<()> {
    let items: Vec<(Obj, Obj)> = if is_dict(update) {
        dict_obj(update).items()
    } else {
        let keys_name = vm.ids.keys.clone();
        let keys = vm.getattr(update, &keys_name)?;
        let keys = vm.call(&keys, &[], None)?;
        let keys = vm.collect(&keys)?;
        let mut v = Vec::with_capacity(keys.len());
        for k in keys {
            let val = vm.getitem(update, &k)?;
            v.push((k, val));
        }
        v
    };
    let dd = dict_obj(d);
    for (k, v) in items {
        if dd.get(vm, &k)?.is_some() {
            return Err(vm.key_error(k));
        }
        dd.set(vm, k, v)?;
    }
    Ok(())
}

/// `_PyEval_FormatKwargsError`.
fn format_kwargs_error(vm: &mut Vm, e: PyErr, func: &Obj, kwargs: &Obj) -> PyErr {
    let t = e.value().class();
    if t.is_subtype(&ATTRIBUTE_ERROR) {
        let fs = function_str(vm, func);
        return vm.type_error(format!(
            "{fs} argument after ** must be a mapping, not {}",
            kwargs.class().name()
        ));
    }
    if t.is_subtype(&KEY_ERROR) {
        let args = exceptions::exc_args(e.value());
        if args.len() == 1 {
            let fs = function_str(vm, func);
            let key = &args[0];
            if key.downcast::<StrObject>().is_none() {
                return vm.type_error(format!("{fs} keywords must be strings"));
            }
            return vm.type_error(format!(
                "{fs} got multiple values for keyword argument '{}'",
                str_value(key)
            ));
        }
    }
    e
}

/// `unpack_iterable`: the values of `v`, exactly `before` + (a starred list
/// when `after` is Some) + `after` of them.
fn unpack(vm: &mut Vm, v: &Obj, before: usize, after: Option<usize>) -> PyResult<Vec<Obj>> {
    let t = v.class();
    if t.slots.tp_iter.get().is_none() && t.slots.mp_subscript.get().is_none() {
        return Err(vm.type_error(format!("cannot unpack non-iterable {} object", t.name())));
    }
    let it = vm.get_iter(v)?;
    let mut out = Vec::with_capacity(before + after.unwrap_or(0));
    for i in 0..before {
        match vm.iter_next(&it)? {
            Some(x) => out.push(x),
            None => {
                let msg = match after {
                    None => format!("not enough values to unpack (expected {before}, got {i})"),
                    Some(a) => format!(
                        "not enough values to unpack (expected at least {}, got {i})",
                        before + a
                    ),
                };
                return Err(vm.value_error(msg));
            }
        }
    }
    match after {
        None => {
            if vm.iter_next(&it)?.is_some() {
                let is_exact = (tuple_items(v).is_some()
                    && std::ptr::eq(t, &crate::objects::tuple::TUPLE_TYPE))
                    || std::ptr::eq(t, &crate::objects::list::LIST_TYPE)
                    || std::ptr::eq(t, &crate::objects::dict::DICT_TYPE);
                let msg = if is_exact {
                    let n = vm.len(v)?;
                    format!("too many values to unpack (expected {before}, got {n})")
                } else {
                    format!("too many values to unpack (expected {before})")
                };
                return Err(vm.value_error(msg));
            }
        }
        Some(a) => {
            let mut rest = Vec::new();
            while let Some(x) = vm.iter_next(&it)? {
                rest.push(x);
            }
            if rest.len() < a {
                return Err(vm.value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + a,
                    before + rest.len()
                )));
            }
            let tail = rest.split_off(rest.len() - a);
            out.push(new_list(rest));
            out.extend(tail);
        }
    }
    Ok(out)
}

/// UNPACK_SEQUENCE n: pushes the items so the first is on top.
#[inline(always)]
pub fn unpack_sequence(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let n = r.oparg as usize;
    let fast = match tuple_items(&v) {
        Some(items)
            if items.len() == n && std::ptr::eq(v.class(), &crate::objects::tuple::TUPLE_TYPE) =>
        {
            Some(items.to_vec())
        }
        _ => None,
    };
    let items = match fast {
        Some(items) => items,
        None => unpack(st.vm, &v, n, None)?,
    };
    for x in items.into_iter().rev() {
        r.push(x);
    }
    r.skip(caches::UNPACK_SEQUENCE);
    Ok(Control::Next)
}

/// UNPACK_EX: `a, *b, c = v` (low byte: names before, high byte: after).
#[inline(always)]
pub fn unpack_ex(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let before = (r.oparg & 0xff) as usize;
    let after = (r.oparg >> 8) as usize;
    let items = unpack(st.vm, &v, before, Some(after))?;
    for x in items.into_iter().rev() {
        r.push(x);
    }
    r.skip(0);
    Ok(Control::Next)
}

/// MAKE_FUNCTION: `(codeobj -- func)`.
#[inline(always)]
pub fn make_function(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let code = r.pop();
    if code
        .downcast::<crate::objects::code::CodeObject>()
        .is_none()
    {
        return Err(st
            .vm
            .system_error("MAKE_FUNCTION expects a code object")
            .into());
    }
    let globals = r.frame().globals.clone();
    let f = new_function(st.vm, code, globals);
    r.push(f);
    r.skip(0);
    Ok(Control::Next)
}

/// SET_FUNCTION_ATTRIBUTE: `(attr, func -- func)`.
#[inline(always)]
pub fn set_function_attribute(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let func = r.pop();
    let attr = r.pop();
    let Some(f) = func.downcast::<crate::objects::function::FunctionObject>() else {
        return Err(st
            .vm
            .system_error("SET_FUNCTION_ATTRIBUTE expects a function")
            .into());
    };
    match r.oparg {
        1 => f.defaults.set(Some(attr)),
        2 => f.kwdefaults.set(Some(attr)),
        4 => f.annotations.set(Some(attr)),
        8 => f.closure.set(Some(attr)),
        16 => f.annotate.set(Some(attr)),
        other => {
            return Err(st
                .vm
                .system_error(format!("SET_FUNCTION_ATTRIBUTE: bad oparg {other}"))
                .into());
        }
    }
    r.push(func);
    r.skip(0);
    Ok(Control::Next)
}

/// BUILD_TEMPLATE: `(strings, interpolations -- template)`.
#[inline(always)]
pub fn build_template(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let interpolations = r.pop();
    let strings = r.pop();
    let t = template::new_template(st.vm, strings, interpolations)?;
    r.push(t);
    r.skip(0);
    Ok(Control::Next)
}

/// BUILD_INTERPOLATION: `(value, str, format if oparg & 1 -- interpolation)`;
/// `oparg >> 2` is the conversion.
#[inline(always)]
pub fn build_interpolation(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let format = if r.oparg & 1 != 0 {
        Some(r.pop())
    } else {
        None
    };
    let expression = r.pop();
    let value = r.pop();
    let i = template::new_interpolation(st.vm, value, expression, r.oparg >> 2, format)?;
    r.push(i);
    r.skip(0);
    Ok(Control::Next)
}
