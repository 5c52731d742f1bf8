//! Slots and methods of `dict`.

use super::{DictObject, dict_obj, is_dict, new_dict, new_dict_of_type, views};
use crate::objects::args;
use crate::objects::str::str_value;
use crate::objects::typeobject::{CompareOp, MethodDef, as_type};
use crate::objects::{Obj, PyResult, Vm, bool_, int};

pub fn dict_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let d = dict_obj(a);
    if d.is_empty() {
        return Ok(vm.new_str("{}"));
    }
    if !vm.repr_enter(a) {
        return Ok(vm.new_str("{...}"));
    }
    let result = (|| {
        let mut out = String::from("{");
        let mut first = true;
        for (k, v) in d.items() {
            if !first {
                out.push_str(", ");
            }
            first = false;
            let kr = vm.repr(&k)?;
            out.push_str(str_value(&kr));
            out.push_str(": ");
            let vr = vm.repr(&v)?;
            out.push_str(str_value(&vr));
        }
        out.push('}');
        Ok(out)
    })();
    vm.repr_leave(a);
    Ok(vm.new_string(result?))
}

pub fn dict_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_dict(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::not_implemented());
    }
    let eq = dict_equal(vm, dict_obj(a), dict_obj(b))?;
    Ok(bool_::new_bool(eq == (op == CompareOp::Eq)))
}

/// CPython's `dict_equal`: same size, and every key of `a` maps to an equal
/// value in `b`.
fn dict_equal(vm: &mut Vm, a: &DictObject, b: &DictObject) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (k, v) in a.items() {
        match b.get(vm, &k)? {
            None => return Ok(false),
            Some(bv) => {
                if !vm.rich_compare_bool(&v, &bv, CompareOp::Eq)? {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

pub fn dict_subscript(vm: &mut Vm, a: &Obj, key: &Obj) -> PyResult<Obj> {
    match dict_obj(a).get(vm, key)? {
        Some(v) => Ok(v),
        None => {
            if !a.is_small_int()
                && !std::ptr::eq(a.class(), &super::DICT_TYPE)
                && let Some(missing) = vm.lookup_special(a, "__missing__")
            {
                return vm.call(&missing, std::slice::from_ref(key), None);
            }
            Err(vm.key_error(key.clone()))
        }
    }
}

pub fn dict_ass_subscript(vm: &mut Vm, a: &Obj, key: &Obj, value: Option<Obj>) -> PyResult<()> {
    let d = dict_obj(a);
    match value {
        Some(v) => d.set(vm, key.clone(), v),
        None => match d.remove(vm, key)? {
            Some(_) => Ok(()),
            None => Err(vm.key_error(key.clone())),
        },
    }
}

pub fn dict_iter(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(views::new_dict_iter(
        vm,
        a.clone(),
        views::ViewKind::Keys,
        false,
    ))
}

pub fn dict_or(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_dict(a) || !is_dict(b) {
        return Ok(Obj::not_implemented());
    }
    let out = new_dict();
    merge(vm, &out, a)?;
    merge(vm, &out, b)?;
    Ok(out)
}

pub fn dict_ior(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    update_from(vm, a, b)?;
    Ok(a.clone())
}

pub fn dict_new(_: &mut Vm, cls: &Obj, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    let ty = as_type(cls).expect("dict_new called with a non-type");
    Ok(new_dict_of_type(ty))
}

pub fn dict_init(vm: &mut Vm, this: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    let (pos, kwvalues, names) = args::split(a, kw);
    args::check_positional_count(vm, "dict", pos.len(), 0, 1)?;
    if let Some(src) = pos.first() {
        update_from(vm, this, src)?;
    }
    let d = dict_obj(this);
    for (k, v) in names.iter().zip(kwvalues) {
        d.set(vm, k.clone(), v.clone())?;
    }
    Ok(())
}

/// Copies every item of the dict `src` into `dst` (CPython's `dict_merge`).
pub fn merge(vm: &mut Vm, dst: &Obj, src: &Obj) -> PyResult<()> {
    let items = dict_obj(src).items();
    let d = dict_obj(dst);
    for (k, v) in items {
        d.set(vm, k, v)?;
    }
    Ok(())
}

/// `PyDict_Update`: a dict, or any mapping through its `keys()` (an
/// object without `keys` raises AttributeError, which DICT_UPDATE turns
/// into "'X' object is not a mapping").
pub fn merge_mapping(vm: &mut Vm, dst: &Obj, src: &Obj) -> PyResult<()> {
    if is_dict(src) {
        return merge(vm, dst, src);
    }
    let keys_attr = vm.ids.keys.clone();
    let keys = vm.getattr(src, &keys_attr)?;
    let ks = vm.call(&keys, &[], None)?;
    let ks = vm.collect(&ks)?;
    for k in ks {
        let v = vm.getitem(src, &k)?;
        dict_obj(dst).set(vm, k, v)?;
    }
    Ok(())
}

/// `d.update(other)`: a dict, a mapping with `keys()`, or an iterable of
/// pairs (CPython's `dict_update_arg`).
pub fn update_from(vm: &mut Vm, dst: &Obj, src: &Obj) -> PyResult<()> {
    if is_dict(src) {
        return merge(vm, dst, src);
    }
    let keys_attr = vm.intern("keys");
    if let Some(keys) = vm.getattr_opt(src, &keys_attr)? {
        let ks = vm.call(&keys, &[], None)?;
        let ks = vm.collect(&ks)?;
        for k in ks {
            let v = vm.getitem(src, &k)?;
            dict_obj(dst).set(vm, k, v)?;
        }
        return Ok(());
    }
    update_from_pairs(vm, dst, src)
}

/// Fills `dst` from an iterable of key/value pairs (`PyDict_MergeFromSeq2`).
pub fn update_from_pairs(vm: &mut Vm, dst: &Obj, src: &Obj) -> PyResult<()> {
    let it = vm.get_iter(src)?;
    let mut i = 0usize;
    while let Some(item) = vm.iter_next(&it)? {
        let pair = match vm.get_iter(&item) {
            Ok(p) => vm.collect(&p)?,
            Err(e) => {
                // `PySequence_Fast(item, "object is not iterable")`, then
                // `_PyErr_FormatNote` says which element.
                if e.value()
                    .class()
                    .is_subtype(&crate::objects::exceptions::TYPE_ERROR)
                {
                    let err = vm.type_error("object is not iterable");
                    vm.add_note_to(
                        &err,
                        &format!(
                            "Cannot convert dictionary update sequence element #{i} to a sequence"
                        ),
                    );
                    return Err(err);
                }
                return Err(e);
            }
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        let (k, v) = (
            pair.next().unwrap_or_else(Obj::none),
            pair.next().unwrap_or_else(Obj::none),
        );
        dict_obj(dst).set(vm, k, v)?;
        i += 1;
    }
    Ok(())
}

fn this(a: &[Obj]) -> &DictObject {
    dict_obj(&a[0])
}

fn dict_get(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "get", &a[1..], kw, 1, 2)?;
    match this(a).get(vm, &rest[0])? {
        Some(v) => Ok(v),
        None => Ok(rest.get(1).cloned().unwrap_or_else(Obj::none)),
    }
}

fn dict_setdefault(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "setdefault", &a[1..], kw, 1, 2)?;
    let d = this(a);
    if let Some(v) = d.get(vm, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or_else(Obj::none);
    d.set(vm, rest[0].clone(), default.clone())?;
    Ok(default)
}

fn dict_pop(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "pop", &a[1..], kw, 1, 2)?;
    let found = if this(a).is_empty() {
        None
    } else {
        this(a).remove(vm, &rest[0])?
    };
    match found {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(rest[0].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "dict.popitem", &a[1..], kw)?;
    let e = this(a).table.borrow_mut().pop_last();
    match e {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.new_exception_msg(
            &crate::objects::exceptions::KEY_ERROR,
            "popitem(): dictionary is empty",
        )),
    }
}

fn dict_update(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (pos, kwvalues, names) = args::split(&a[1..], kw);
    args::check_positional_count(vm, "update", pos.len(), 0, 1)?;
    if let Some(src) = pos.first() {
        update_from(vm, &a[0], src)?;
    }
    for (k, v) in names.iter().zip(kwvalues) {
        this(a).set(vm, k.clone(), v.clone())?;
    }
    Ok(Obj::none())
}

fn dict_clear(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "dict.clear", &a[1..], kw)?;
    this(a).clear();
    Ok(Obj::none())
}

fn dict_copy(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "dict.copy", &a[1..], kw)?;
    let out = new_dict();
    merge(vm, &out, &a[0])?;
    Ok(out)
}

fn dict_fromkeys(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "fromkeys", &a[1..], kw, 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or_else(Obj::none);
    let out = vm.call(&a[0], &[], None)?;
    let keys = vm.collect(&rest[0])?;
    for k in keys {
        vm.setitem(&out, &k, value.clone())?;
    }
    Ok(out)
}

fn dict_keys(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "dict.keys", &a[1..], kw)?;
    Ok(views::new_view(a[0].clone(), views::ViewKind::Keys))
}

fn dict_values(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "dict.values", &a[1..], kw)?;
    Ok(views::new_view(a[0].clone(), views::ViewKind::Values))
}

fn dict_items(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "dict.items", &a[1..], kw)?;
    Ok(views::new_view(a[0].clone(), views::ViewKind::Items))
}

fn dict_contains_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let k = args::one_arg(vm, "dict.__contains__", &a[1..], kw)?;
    let hash = vm.hash(k)?;
    Ok(bool_::new_bool(this(a).lookup(vm, k, hash)?.is_some()))
}

fn dict_getitem_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let k = args::one_arg(vm, "dict.__getitem__", &a[1..], kw)?;
    dict_subscript(vm, &a[0], k)
}

fn dict_reversed(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "dict.__reversed__", &a[1..], kw)?;
    Ok(views::new_dict_iter(
        vm,
        a[0].clone(),
        views::ViewKind::Keys,
        true,
    ))
}

fn dict_sizeof(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "dict.__sizeof__", &a[1..], kw)?;
    Ok(int::new_usize(
        48 + 24 * this(a).table.borrow().entries_len(),
    ))
}

pub static DICT_METHODS: &[MethodDef] = &[
    MethodDef::class("__class_getitem__", crate::objects::typing::class_getitem),
    MethodDef::new("keys", dict_keys),
    MethodDef::new("values", dict_values),
    MethodDef::new("items", dict_items),
    MethodDef::new("get", dict_get),
    MethodDef::new("setdefault", dict_setdefault),
    MethodDef::new("pop", dict_pop),
    MethodDef::new("popitem", dict_popitem),
    MethodDef::new("update", dict_update),
    MethodDef::new("clear", dict_clear),
    MethodDef::new("copy", dict_copy),
    MethodDef::class("fromkeys", dict_fromkeys),
    MethodDef::new("__contains__", dict_contains_method),
    MethodDef::new("__getitem__", dict_getitem_method),
    MethodDef::new("__reversed__", dict_reversed),
    MethodDef::new("__sizeof__", dict_sizeof),
];
