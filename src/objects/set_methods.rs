//! Operators, methods and iteration of `set` and `frozenset`, following
//! CPython's algorithms (which side is iterated decides the result's order).

use std::cell::Cell;

use super::{
    FROZENSET_TYPE, SET_TYPE, SetObject, empty_set_of, is_any_set, merge_set, result_type, set_obj,
    update_from,
};
use crate::objects::args;
use crate::objects::dict::{DICT_TYPE, dict_obj};
use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::typeobject::{CompareOp, MethodDef, TypeObject, as_type};
use crate::objects::{Obj, PyResult, Vm, bool_, exceptions, int, object_type};

pub fn set_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let s = set_obj(a);
    let name = a.class().name().into_owned();
    if s.is_empty() {
        return Ok(vm.new_string(format!("{name}()")));
    }
    if !vm.repr_enter(a) {
        return Ok(vm.new_string(format!("{name}(...)")));
    }
    let keys: Vec<Obj> = s.entries().into_iter().map(|(k, _)| k).collect();
    let list = vm.new_list(keys);
    let r = vm.repr(&list);
    vm.repr_leave(a);
    let r = r?;
    let inner = str_value(&r);
    let body = &inner[1..inner.len() - 1];
    let text = if std::ptr::eq(a.class(), &SET_TYPE) {
        format!("{{{body}}}")
    } else {
        format!("{name}({{{body}}})")
    };
    Ok(vm.new_string(text))
}

/// `a <= b` for sets: every element of `a` is in `b`.
fn is_subset(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    if set_obj(a).len() > set_obj(b).len() {
        return Ok(false);
    }
    for (k, h) in set_obj(a).entries() {
        if !set_obj(b).contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn set_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_any_set(b) {
        return Ok(Obj::not_implemented());
    }
    let (la, lb) = (set_obj(a).len(), set_obj(b).len());
    let r = match op {
        CompareOp::Eq => la == lb && is_subset(vm, a, b)?,
        CompareOp::Ne => !(la == lb && is_subset(vm, a, b)?),
        CompareOp::Le => is_subset(vm, a, b)?,
        CompareOp::Ge => is_subset(vm, b, a)?,
        CompareOp::Lt => la < lb && is_subset(vm, a, b)?,
        CompareOp::Gt => la > lb && is_subset(vm, b, a)?,
    };
    Ok(bool_::new_bool(r))
}

pub fn frozenset_hash(_: &mut Vm, a: &Obj) -> PyResult<i64> {
    Ok(set_obj(a).table.borrow().frozenset_hash())
}

/// A copy of `a` as a plain set or frozenset (`make_new_set_basetype`).
fn copy_basetype(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let r = empty_set_of(result_type(a));
    merge_set(vm, &r, a)?;
    Ok(r)
}

/// `set_intersection`.
fn intersection(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<Obj> {
    if so.is(other) {
        return copy_basetype(vm, so);
    }
    let result = empty_set_of(result_type(so));
    if is_any_set(other) {
        let (big, small) = if set_obj(other).len() > set_obj(so).len() {
            (other, so)
        } else {
            (so, other)
        };
        for (k, h) in set_obj(small).entries() {
            if set_obj(big).contains_hashed(vm, &k, h)? {
                set_obj(&result).add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.iter_next(&it)? {
        let h = vm.hash(&k)?;
        if set_obj(so).contains_hashed(vm, &k, h)? {
            set_obj(&result).add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// `set_difference_update_internal`.
fn difference_update(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<()> {
    if so.is(other) {
        set_obj(so).clear();
        return Ok(());
    }
    if is_any_set(other) {
        let other = if set_obj(other).len() >> 3 > set_obj(so).len() {
            intersection(vm, so, other)?
        } else {
            other.clone()
        };
        for (k, h) in set_obj(&other).entries() {
            set_obj(so).discard_hashed(vm, &k, h)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.iter_next(&it)? {
        set_obj(so).discard(vm, &k)?;
    }
    Ok(())
}

/// `set_difference`.
fn difference(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<Obj> {
    let other_size = if is_any_set(other) {
        set_obj(other).len()
    } else if std::ptr::eq(other.class(), &DICT_TYPE) {
        dict_obj(other).len()
    } else {
        let r = copy_basetype(vm, so)?;
        difference_update(vm, &r, other)?;
        return Ok(r);
    };
    if set_obj(so).len() >> 2 > other_size {
        let r = copy_basetype(vm, so)?;
        difference_update(vm, &r, other)?;
        return Ok(r);
    }
    let result = empty_set_of(result_type(so));
    let is_dict = std::ptr::eq(other.class(), &DICT_TYPE);
    for (k, h) in set_obj(so).entries() {
        let present = if is_dict {
            dict_obj(other).get_hashed(vm, &k, h)?.is_some()
        } else {
            set_obj(other).contains_hashed(vm, &k, h)?
        };
        if !present {
            set_obj(&result).add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update`.
fn symmetric_difference_update(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<()> {
    if so.is(other) {
        set_obj(so).clear();
        return Ok(());
    }
    let entries: Vec<(Obj, i64)> = if std::ptr::eq(other.class(), &DICT_TYPE) {
        dict_obj(other)
            .table
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.hash))
            .collect()
    } else if is_any_set(other) {
        set_obj(other).entries()
    } else {
        let tmp = empty_set_of(result_type(so));
        update_from(vm, &tmp, other)?;
        set_obj(&tmp).entries()
    };
    for (k, h) in entries {
        if !set_obj(so).discard_hashed(vm, &k, h)? {
            set_obj(so).add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference`.
fn symmetric_difference(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<Obj> {
    let otherset = empty_set_of(result_type(so));
    update_from(vm, &otherset, other)?;
    symmetric_difference_update(vm, &otherset, so)?;
    Ok(otherset)
}

/// `set_union` with one argument.
fn union(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<Obj> {
    let r = copy_basetype(vm, so)?;
    if !so.is(other) {
        update_from(vm, &r, other)?;
    }
    Ok(r)
}

macro_rules! binop {
    ($name:ident, $f:ident) => {
        pub fn $name(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
            if !is_any_set(a) || !is_any_set(b) {
                return Ok(Obj::not_implemented());
            }
            $f(vm, a, b)
        }
    };
}
binop!(set_or, union);
binop!(set_and, intersection);
binop!(set_sub, difference);
binop!(set_xor, symmetric_difference);

/// Replaces `so`'s contents with those of `tmp` (in-place operators).
fn replace_contents(so: &Obj, tmp: &Obj) {
    let t = std::mem::take(&mut *set_obj(tmp).table.borrow_mut());
    let old = std::mem::replace(&mut *set_obj(so).table.borrow_mut(), t);
    set_obj(so).table.borrow_mut().version = old.version + 1;
    drop(old);
}

pub fn set_ior(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_any_set(b) {
        return Ok(Obj::not_implemented());
    }
    update_from(vm, a, b)?;
    Ok(a.clone())
}
pub fn set_iand(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_any_set(b) {
        return Ok(Obj::not_implemented());
    }
    let tmp = intersection(vm, a, b)?;
    replace_contents(a, &tmp);
    Ok(a.clone())
}
pub fn set_isub(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_any_set(b) {
        return Ok(Obj::not_implemented());
    }
    difference_update(vm, a, b)?;
    Ok(a.clone())
}
pub fn set_ixor(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_any_set(b) {
        return Ok(Obj::not_implemented());
    }
    symmetric_difference_update(vm, a, b)?;
    Ok(a.clone())
}

pub fn set_new(_: &mut Vm, cls: &Obj, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    let ty = as_type(cls).expect("set __new__ with a non-type");
    Ok(empty_set_of(ty))
}

pub fn set_init(vm: &mut Vm, this: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    args::no_kwargs(vm, "set", kw)?;
    args::check_positional_count(vm, "set", a.len(), 0, 1)?;
    set_obj(this).clear();
    if let Some(it) = a.first() {
        update_from(vm, this, it)?;
    }
    Ok(())
}

pub fn frozenset_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "frozenset", kw)?;
    args::check_positional_count(vm, "frozenset", a.len(), 0, 1)?;
    let ty = as_type(cls).expect("frozenset __new__ with a non-type");
    if let Some(it) = a.first()
        && std::ptr::eq(ty, &FROZENSET_TYPE)
        && std::ptr::eq(it.class(), &FROZENSET_TYPE)
    {
        return Ok(it.clone());
    }
    let r = empty_set_of(ty);
    if let Some(it) = a.first() {
        update_from(vm, &r, it)?;
    }
    Ok(r)
}

/// Iterator over a set's table (`set_iterator`).
#[repr(C)]
pub struct SetIterObject {
    pub ob: ObjHeader,
    set: Obj,
    pos: Cell<usize>,
    used: Cell<usize>,
    remaining: Cell<usize>,
}
crate::py_layout!(SetIterObject, SET_ITERATOR_TYPE);

pub static SET_ITERATOR_TYPE: TypeObject = TypeObject::new_static(
    "set_iterator",
    &SET_ITERATOR_TYPE,
    TypeIndex::SetIterator as u16,
    dealloc_box::<SetIterObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(set_iter_traverse, None)
.iter(object_type::self_iter)
.iternext(set_iter_next)
.methods(SET_ITER_METHODS);

pub fn set_iter(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let n = set_obj(a).len();
    Ok(Obj::alloc(SetIterObject {
        ob: ObjHeader::new(&SET_ITERATOR_TYPE),
        set: a.clone(),
        pos: Cell::new(0),
        used: Cell::new(n),
        remaining: Cell::new(n),
    }))
}

fn set_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = it.downcast::<SetIterObject>().expect("set iterator slot");
    let s: &SetObject = set_obj(&it.set);
    if s.len() != it.used.get() {
        it.used.set(usize::MAX);
        return Err(vm.new_exception_msg(
            &exceptions::RUNTIME_ERROR,
            "Set changed size during iteration",
        ));
    }
    let t = s.table.borrow();
    let mut i = it.pos.get();
    while i < t.slots.len() {
        if let super::table::Slot::Active { key, .. } = &t.slots[i] {
            it.pos.set(i + 1);
            it.remaining.set(it.remaining.get().saturating_sub(1));
            return Ok(Some(key.clone()));
        }
        i += 1;
    }
    it.pos.set(i);
    Ok(None)
}

fn set_iter_length_hint(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "set_iterator.__length_hint__", &a[1..], kw)?;
    let it = a[0].downcast::<SetIterObject>().expect("set iterator");
    Ok(int::new_usize(it.remaining.get()))
}

static SET_ITER_METHODS: &[MethodDef] = &[MethodDef::new("__length_hint__", set_iter_length_hint)];

fn this(a: &[Obj]) -> &Obj {
    &a[0]
}

fn m_add(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let k = args::one_arg(vm, "set.add", &a[1..], kw)?;
    set_obj(this(a)).add(vm, k.clone())?;
    Ok(Obj::none())
}
fn m_discard(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let k = args::one_arg(vm, "set.discard", &a[1..], kw)?;
    set_obj(this(a)).discard(vm, k)?;
    Ok(Obj::none())
}
fn m_remove(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let k = args::one_arg(vm, "set.remove", &a[1..], kw)?;
    if !set_obj(this(a)).discard(vm, k)? {
        return Err(vm.key_error(k.clone()));
    }
    Ok(Obj::none())
}
fn m_pop(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "set.pop", &a[1..], kw)?;
    let k = set_obj(this(a)).table.borrow_mut().pop();
    match k {
        Some(k) => Ok(k),
        None => Err(vm.new_exception_msg(&exceptions::KEY_ERROR, "pop from an empty set")),
    }
}
fn m_clear(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "set.clear", &a[1..], kw)?;
    set_obj(this(a)).clear();
    Ok(Obj::none())
}
fn m_copy(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, &format!("{}.copy", this(a).class().name()), &a[1..], kw)?;
    if std::ptr::eq(this(a).class(), &FROZENSET_TYPE) {
        return Ok(this(a).clone());
    }
    copy_basetype(vm, this(a))
}
fn m_update(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "set.update", kw)?;
    for o in &a[1..] {
        update_from(vm, this(a), o)?;
    }
    Ok(Obj::none())
}
fn m_union(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "union", kw)?;
    let r = copy_basetype(vm, this(a))?;
    for o in &a[1..] {
        if !o.is(this(a)) {
            update_from(vm, &r, o)?;
        }
    }
    Ok(r)
}
fn m_intersection(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "intersection", kw)?;
    let mut r = copy_basetype(vm, this(a))?;
    if a.len() == 1 {
        return Ok(r);
    }
    r = this(a).clone();
    for o in &a[1..] {
        r = intersection(vm, &r, o)?;
    }
    Ok(r)
}
fn m_intersection_update(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "intersection_update", kw)?;
    let mut r = this(a).clone();
    for o in &a[1..] {
        r = intersection(vm, &r, o)?;
    }
    if !r.is(this(a)) {
        replace_contents(this(a), &r);
    }
    Ok(Obj::none())
}
fn m_difference(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "difference", kw)?;
    if a.len() == 1 {
        return copy_basetype(vm, this(a));
    }
    let mut r = difference(vm, this(a), &a[1])?;
    for o in &a[2..] {
        difference_update(vm, &r, o)?;
    }
    if a.len() > 2 {
        r = r.clone();
    }
    Ok(r)
}
fn m_difference_update(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "difference_update", kw)?;
    for o in &a[1..] {
        difference_update(vm, this(a), o)?;
    }
    Ok(Obj::none())
}
fn m_symmetric_difference(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(
        vm,
        &format!("{}.symmetric_difference", this(a).class().name()),
        &a[1..],
        kw,
    )?;
    symmetric_difference(vm, this(a), o)
}
fn m_symmetric_difference_update(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "set.symmetric_difference_update", &a[1..], kw)?;
    symmetric_difference_update(vm, this(a), o)?;
    Ok(Obj::none())
}
/// Coerces a non-set argument of the subset tests to a set.
fn as_set_arg(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    if is_any_set(o) {
        return Ok(o.clone());
    }
    let s = empty_set_of(&SET_TYPE);
    update_from(vm, &s, o)?;
    Ok(s)
}
fn m_issubset(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(
        vm,
        &format!("{}.issubset", this(a).class().name()),
        &a[1..],
        kw,
    )?;
    let o = as_set_arg(vm, o)?;
    Ok(bool_::new_bool(is_subset(vm, this(a), &o)?))
}
fn m_issuperset(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(
        vm,
        &format!("{}.issuperset", this(a).class().name()),
        &a[1..],
        kw,
    )?;
    if is_any_set(o) {
        return Ok(bool_::new_bool(is_subset(vm, o, this(a))?));
    }
    let items = vm.collect(o)?;
    for k in items {
        if !set_obj(this(a)).contains(vm, &k)? {
            return Ok(bool_::new_bool(false));
        }
    }
    Ok(bool_::new_bool(true))
}
fn m_isdisjoint(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(
        vm,
        &format!("{}.isdisjoint", this(a).class().name()),
        &a[1..],
        kw,
    )?;
    if is_any_set(o) {
        let (small, big) = if set_obj(o).len() < set_obj(this(a)).len() {
            (o, this(a))
        } else {
            (this(a), o)
        };
        for (k, h) in set_obj(small).entries() {
            if set_obj(big).contains_hashed(vm, &k, h)? {
                return Ok(bool_::new_bool(false));
            }
        }
        return Ok(bool_::new_bool(true));
    }
    let it = vm.get_iter(o)?;
    while let Some(k) = vm.iter_next(&it)? {
        if set_obj(this(a)).contains(vm, &k)? {
            return Ok(bool_::new_bool(false));
        }
    }
    Ok(bool_::new_bool(true))
}
fn m_contains(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let k = args::one_arg(vm, "set.__contains__", &a[1..], kw)?;
    Ok(bool_::new_bool(set_obj(this(a)).contains(vm, k)?))
}
fn m_reduce(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "set.__reduce__", &a[1..], kw)?;
    let keys: Vec<Obj> = set_obj(this(a))
        .entries()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let list = vm.new_list(keys);
    let cls = crate::objects::typeobject::type_as_obj(this(a).class());
    let args = vm.new_tuple(vec![list]);
    Ok(vm.new_tuple(vec![cls, args, Obj::none()]))
}
fn m_sizeof(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "set.__sizeof__", &a[1..], kw)?;
    let slots = set_obj(this(a)).table.borrow().slots.len();
    Ok(int::new_usize(200 + if slots > 8 { 16 * slots } else { 0 }))
}

pub static SET_METHODS: &[MethodDef] = &[
    MethodDef::class("__class_getitem__", crate::objects::typing::class_getitem),
    MethodDef::new("add", m_add),
    MethodDef::new("discard", m_discard),
    MethodDef::new("remove", m_remove),
    MethodDef::new("pop", m_pop),
    MethodDef::new("clear", m_clear),
    MethodDef::new("copy", m_copy),
    MethodDef::new("update", m_update),
    MethodDef::new("union", m_union),
    MethodDef::new("intersection", m_intersection),
    MethodDef::new("intersection_update", m_intersection_update),
    MethodDef::new("difference", m_difference),
    MethodDef::new("difference_update", m_difference_update),
    MethodDef::new("symmetric_difference", m_symmetric_difference),
    MethodDef::new("symmetric_difference_update", m_symmetric_difference_update),
    MethodDef::new("issubset", m_issubset),
    MethodDef::new("issuperset", m_issuperset),
    MethodDef::new("isdisjoint", m_isdisjoint),
    MethodDef::new("__contains__", m_contains),
    MethodDef::new("__reduce__", m_reduce),
    MethodDef::new("__sizeof__", m_sizeof),
];

pub static FROZENSET_METHODS: &[MethodDef] = &[
    MethodDef::class("__class_getitem__", crate::objects::typing::class_getitem),
    MethodDef::new("copy", m_copy),
    MethodDef::new("union", m_union),
    MethodDef::new("intersection", m_intersection),
    MethodDef::new("difference", m_difference),
    MethodDef::new("symmetric_difference", m_symmetric_difference),
    MethodDef::new("issubset", m_issubset),
    MethodDef::new("issuperset", m_issuperset),
    MethodDef::new("isdisjoint", m_isdisjoint),
    MethodDef::new("__contains__", m_contains),
    MethodDef::new("__reduce__", m_reduce),
    MethodDef::new("__sizeof__", m_sizeof),
];

crate::gc_traverse!(set_iter_traverse, SetIterObject, [set]);
