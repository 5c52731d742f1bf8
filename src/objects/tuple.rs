//! `tuple` (CPython's `Objects/tupleobject.c`).
//!
//! Items are stored inline after the header, as in CPython, so a tuple is
//! one allocation; the allocation and deallocation code here is part of the
//! unsafe core. The empty tuple is an immortal static.

use std::alloc::{Layout, dealloc};
use std::cmp::Ordering;

use crate::objects::header::ObjHeader;
use crate::objects::obj::{Obj, StaticObject};
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{CompareOp, MethodDef, TypeObject, as_type, flags};
use crate::objects::{PyResult, Vm, args, bool_, hash, int, object_type, slice};

#[repr(C)]
pub struct TupleObject {
    pub ob: ObjHeader,
    len: usize,
    items: [Obj; 0],
}
crate::py_layout!(TupleObject, TUPLE_TYPE);

/// The empty tuple, shared by every interpreter.
#[repr(transparent)]
pub struct StaticTuple(TupleObject);
// SAFETY: the empty tuple has no items and an immortal header; nothing in it
// is ever written.
unsafe impl Sync for StaticTuple {}
// SAFETY: `#[repr(C)]`, header first, immortal.
unsafe impl StaticObject for StaticTuple {}

pub static EMPTY_TUPLE: StaticTuple = StaticTuple(TupleObject {
    ob: ObjHeader::immortal(&TUPLE_TYPE),
    len: 0,
    items: [],
});

pub static TUPLE_TYPE: TypeObject =
    TypeObject::new_static("tuple", &TUPLE_TYPE, TypeIndex::Tuple as u16, tuple_dealloc)
        .base(&object_type::OBJECT_TYPE)
        .gc(tuple_traverse, None)
        .flags(flags::BASETYPE | flags::TUPLE_SUBCLASS | flags::SEQUENCE | flags::MATCH_SELF)
        .doc("Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.")
        .repr(tuple_repr)
        .hash(tuple_hash)
        .richcompare(tuple_richcompare)
        .len(tuple_len)
        .sq_concat(tuple_concat)
        .sq_repeat(tuple_repeat)
        .contains(tuple_contains)
        .subscript(tuple_subscript)
        .iter(tuple_iter)
        .new_fn(tuple_new)
        .methods(TUPLE_METHODS);

fn layout_for(n: usize) -> Layout {
    let size = std::mem::size_of::<TupleObject>() + n * std::mem::size_of::<Obj>();
    Layout::from_size_align(size, std::mem::align_of::<TupleObject>()).expect("tuple size overflow")
}

impl TupleObject {
    #[inline(always)]
    pub fn as_slice(&self) -> &[Obj] {
        // SAFETY: `len` items were initialised right after the header when
        // the tuple was created, and are never changed.
        unsafe { std::slice::from_raw_parts(self.items.as_ptr(), self.len) }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A tuple of type `ty` holding `items`.
pub fn new_tuple_of_type(ty: &TypeObject, items: Vec<Obj>) -> Obj {
    let n = items.len();
    if n == 0 && std::ptr::eq(ty, &TUPLE_TYPE) {
        return Obj::from_static(&EMPTY_TUPLE);
    }
    let (layout, offset) = crate::objects::obj::object_layout(ty, layout_for(n));
    // SAFETY: the layout has a non-zero size (the header); the prefix words
    // (instances of tuple subclasses) and the collector's link (see
    // `Obj::alloc`) are zeroed, and every field and the `n` item slots are
    // written before the pointer escapes.
    unsafe {
        let start = std::alloc::alloc_zeroed(layout);
        if start.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let p = start.add(offset) as *mut TupleObject;
        std::ptr::write(
            p,
            TupleObject {
                ob: ObjHeader::new(ty),
                len: n,
                items: [],
            },
        );
        let dst = (*p).items.as_mut_ptr();
        for (i, item) in items.into_iter().enumerate() {
            std::ptr::write(dst.add(i), item);
        }
        crate::objects::obj::track_new(p as *const ObjHeader, ty);
        Obj::from_raw_owned(p as *const ObjHeader)
    }
}

/// A new tuple.
pub fn new_tuple(items: Vec<Obj>) -> Obj {
    new_tuple_of_type(&TUPLE_TYPE, items)
}

/// A new tuple with clones of `items`.
pub fn tuple_from_slice(items: &[Obj]) -> Obj {
    new_tuple(items.to_vec())
}

/// Frees a tuple: drops its items, then its memory (through the trashcan).
unsafe fn tuple_dealloc(p: *mut ObjHeader) {
    crate::objects::trashcan::deposit_or_free(p, tuple_free);
}

unsafe fn tuple_free(p: *mut ObjHeader) {
    // SAFETY: `p` is an unreachable tuple allocated by `new_tuple_of_type`
    // with `len` initialised items.
    unsafe {
        let t = p as *mut TupleObject;
        let n = (*t).len;
        let (start, layout) = crate::objects::obj::release_prefix(p, layout_for(n));
        let items = (*t).items.as_mut_ptr();
        // Last to first, as CPython's `tuple_dealloc`.
        for i in (0..n).rev() {
            std::ptr::drop_in_place(items.add(i));
        }
        dealloc(start, layout);
    }
}

impl Vm {
    #[inline]
    pub fn new_tuple(&self, items: Vec<Obj>) -> Obj {
        new_tuple(items)
    }
}

/// The items of a tuple (or tuple subclass instance).
#[inline]
pub fn tuple_items(o: &Obj) -> Option<&[Obj]> {
    o.downcast::<TupleObject>().map(|t| t.as_slice())
}

fn items(o: &Obj) -> &[Obj] {
    tuple_items(o).expect("tuple slot on a non-tuple")
}

fn tuple_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let it = items(a);
    if it.is_empty() {
        return Ok(vm.new_str("()"));
    }
    if !vm.repr_enter(a) {
        return Ok(vm.new_str("(...)"));
    }
    let mut out = String::from("(");
    for (i, x) in it.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = vm.repr(x);
        let r = match r {
            Ok(r) => r,
            Err(e) => {
                vm.repr_leave(a);
                return Err(e);
            }
        };
        out.push_str(crate::objects::str::str_value(&r));
    }
    vm.repr_leave(a);
    if it.len() == 1 {
        out.push(',');
    }
    out.push(')');
    Ok(vm.new_string(out))
}

/// `tuplehash`. Nested tuples hash recursively; unlike CPython (which
/// relies on a large C stack here) the recursion is guarded, so a tuple
/// nested past the native stack raises RecursionError instead of crashing.
fn tuple_hash(vm: &mut Vm, a: &Obj) -> PyResult<i64> {
    vm.enter_recursive_call("")?;
    let mut h = hash::TupleHasher::default();
    let mut result = Ok(());
    for x in items(a) {
        match vm.hash(x) {
            Ok(v) => h.add(v),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.leave_recursive_call();
    result.map(|()| h.finish())
}

/// Lexicographic comparison of two sequences (CPython's `tuplerichcompare`
/// and `list_richcompare`): find the first unequal pair, then compare it.
pub fn sequence_richcompare(vm: &mut Vm, x: &[Obj], y: &[Obj], op: CompareOp) -> PyResult<Obj> {
    let n = x.len().min(y.len());
    let mut i = 0;
    while i < n {
        if !vm.rich_compare_bool(&x[i], &y[i], CompareOp::Eq)? {
            break;
        }
        i += 1;
    }
    if i >= x.len() || i >= y.len() {
        return Ok(bool_::new_bool(op.test(x.len().cmp(&y.len()))));
    }
    match op {
        CompareOp::Eq => Ok(bool_::new_bool(false)),
        CompareOp::Ne => Ok(bool_::new_bool(true)),
        _ => vm.rich_compare(&x[i], &y[i], op),
    }
}

fn tuple_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let Some(y) = tuple_items(b) else {
        return Ok(Obj::not_implemented());
    };
    let x = items(a).to_vec();
    let y = y.to_vec();
    sequence_richcompare(vm, &x, &y, op)
}

fn tuple_len(_: &mut Vm, a: &Obj) -> PyResult<usize> {
    Ok(items(a).len())
}

fn tuple_concat(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let Some(y) = tuple_items(b) else {
        return Err(vm.type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            b.class().name()
        )));
    };
    let x = items(a);
    let mut v = Vec::with_capacity(x.len() + y.len());
    v.extend_from_slice(x);
    v.extend_from_slice(y);
    Ok(new_tuple(v))
}

fn tuple_repeat(vm: &mut Vm, a: &Obj, n: isize) -> PyResult<Obj> {
    let x = items(a);
    if n <= 0 || x.is_empty() {
        return Ok(new_tuple(vec![]));
    }
    if n == 1 && std::ptr::eq(a.class(), &TUPLE_TYPE) {
        return Ok(a.clone());
    }
    let Some(total) = x
        .len()
        .checked_mul(n as usize)
        .filter(|t| *t <= isize::MAX as usize / 8)
    else {
        return Err(vm.memory_error());
    };
    let mut v = Vec::with_capacity(total);
    for _ in 0..n {
        v.extend_from_slice(x);
    }
    Ok(new_tuple(v))
}

fn tuple_contains(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    let x = items(a).to_vec();
    for item in &x {
        if vm.rich_compare_bool(item, b, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_subscript(vm: &mut Vm, a: &Obj, key: &Obj) -> PyResult<Obj> {
    let x = items(a);
    if let Some(sl) = key.downcast::<slice::SliceObject>() {
        let (start, _, step, len) = sl.indices(vm, x.len())?;
        if step == 1 && len == x.len() && std::ptr::eq(a.class(), &TUPLE_TYPE) {
            return Ok(a.clone());
        }
        let v = (0..len)
            .map(|k| x[(start + k as isize * step) as usize].clone())
            .collect();
        return Ok(new_tuple(v));
    }
    if int::is_int(key) || key.class().slots.nb_index.get().is_some() {
        let i = vm.to_index_isize(key, key.class().name().as_ref())?;
        let n = x.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("tuple index out of range"));
        }
        return Ok(x[j as usize].clone());
    }
    Err(vm.type_error(format!(
        "tuple indices must be integers or slices, not {}",
        key.class().name()
    )))
}

fn tuple_iter(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(crate::objects::iterators::new_seq_iterator(vm, a.clone()))
}

fn tuple_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "tuple", kw)?;
    args::check_positional_count(vm, "tuple", a.len(), 0, 1)?;
    let ty = as_type(cls).expect("tuple_new called with a non-type");
    let items = match a.first() {
        None => vec![],
        Some(x) => {
            if std::ptr::eq(ty, &TUPLE_TYPE) && std::ptr::eq(x.class(), &TUPLE_TYPE) {
                return Ok(x.clone());
            }
            vm.collect(x)?
        }
    };
    Ok(new_tuple_of_type(ty, items))
}

fn tuple_index(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "index", &a[1..], kw, 1, 3)?;
    let x = items(&a[0]).to_vec();
    let (start, stop) = slice::start_stop_args(vm, &rest[1..], x.len())?;
    for (i, item) in x.iter().enumerate().take(stop).skip(start) {
        if vm.rich_compare_bool(item, &rest[0], CompareOp::Eq)? {
            return Ok(int::new_usize(i));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "tuple.count", &a[1..], kw)?;
    let x = items(&a[0]).to_vec();
    let mut n = 0;
    for item in &x {
        if vm.rich_compare_bool(item, v, CompareOp::Eq)? {
            n += 1;
        }
    }
    Ok(int::new_usize(n))
}

fn tuple_getnewargs(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "tuple.__getnewargs__", &a[1..], kw)?;
    let t = tuple_from_slice(items(&a[0]));
    Ok(new_tuple(vec![t]))
}

static TUPLE_METHODS: &[MethodDef] = &[
    MethodDef::class("__class_getitem__", crate::objects::typing::class_getitem),
    MethodDef::new("index", tuple_index),
    MethodDef::new("count", tuple_count),
    MethodDef::new("__getnewargs__", tuple_getnewargs),
];

/// Orders two tuples' lengths (helper for callers comparing sequences).
pub fn len_cmp(a: &[Obj], b: &[Obj]) -> Ordering {
    a.len().cmp(&b.len())
}

/// `tupletraverse` (last item first, as CPython). Tuples have no `tp_clear`: they are immutable, and a
/// cycle through one is broken at one of its mutable members.
fn tuple_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(t) = o.downcast::<TupleObject>() {
        t.as_slice().iter().rev().for_each(visit);
    }
}
