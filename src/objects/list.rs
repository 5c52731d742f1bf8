//! `list` (CPython's `Objects/listobject.c`).
//!
//! Items live in a `RefCell<Vec<Obj>>`. No borrow is held while Python code
//! can run (comparisons, `__index__`, dropping replaced items): operations
//! copy what they need out first, and re-check lengths afterwards as
//! CPython does.

use std::cell::RefCell;

use crate::objects::args::{self, Signature};
use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box_trashcan;
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{CompareOp, MethodDef, TypeObject, as_type, flags};
use crate::objects::{Obj, PyResult, Vm, bool_, int, object_type, slice, tuple};

#[path = "list_sort.rs"]
mod sort;

#[repr(C)]
pub struct ListObject {
    pub ob: ObjHeader,
    pub items: RefCell<Vec<Obj>>,
}
crate::py_layout!(ListObject, LIST_TYPE);

pub static LIST_TYPE: TypeObject =
    TypeObject::new_static("list", &LIST_TYPE, TypeIndex::List as u16, dealloc_box_trashcan::<ListObject>)
        .base(&object_type::OBJECT_TYPE)
        .gc(list_traverse, Some(list_clear_refs))
        .flags(flags::BASETYPE | flags::LIST_SUBCLASS | flags::SEQUENCE | flags::MATCH_SELF)
        .doc("Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.")
        .repr(list_repr)
        .hash(object_type::hash_not_implemented)
        .richcompare(list_richcompare)
        .len(list_len)
        .sq_concat(list_concat)
        .sq_repeat(list_repeat)
        .sq_inplace_concat(list_inplace_concat)
        .sq_inplace_repeat(list_inplace_repeat)
        .contains(list_contains)
        .subscript(list_subscript)
        .ass_subscript(list_ass_subscript)
        .iter(list_iter)
        .new_fn(list_new)
        .init(list_init)
        .methods(LIST_METHODS);

pub fn new_list(items: Vec<Obj>) -> Obj {
    Obj::alloc(ListObject {
        ob: ObjHeader::new(&LIST_TYPE),
        items: RefCell::new(items),
    })
}

impl Vm {
    #[inline]
    pub fn new_list(&self, items: Vec<Obj>) -> Obj {
        new_list(items)
    }
}

pub fn list_obj(o: &Obj) -> &ListObject {
    o.downcast::<ListObject>().expect("list slot on a non-list")
}

/// A copy of the items of a list (or subclass instance).
pub fn list_items(o: &Obj) -> Option<Vec<Obj>> {
    o.downcast::<ListObject>().map(|l| l.items.borrow().clone())
}

impl ListObject {
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }
    pub fn get(&self, i: usize) -> Option<Obj> {
        self.items.borrow().get(i).cloned()
    }
    pub fn push(&self, v: Obj) {
        self.items.borrow_mut().push(v);
    }
    /// Replaces the whole contents; the old items are dropped after the
    /// borrow ends.
    pub fn replace_all(&self, v: Vec<Obj>) {
        let old = std::mem::replace(&mut *self.items.borrow_mut(), v);
        drop_reversed(old);
    }
}

/// Drops items last to first, as CPython's `list_clear` and
/// `list_dealloc` do (the order finalizers observe).
pub fn drop_reversed(mut v: Vec<Obj>) {
    while let Some(x) = v.pop() {
        drop(x);
    }
}

impl Drop for ListObject {
    fn drop(&mut self) {
        drop_reversed(std::mem::take(self.items.get_mut()));
    }
}

fn list_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let l = list_obj(a);
    if l.is_empty() {
        return Ok(vm.new_str("[]"));
    }
    if !vm.repr_enter(a) {
        return Ok(vm.new_str("[...]"));
    }
    let mut out = String::from("[");
    let mut i = 0;
    // The list may change while items' reprs run: index it afresh each time.
    while let Some(x) = l.get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr(&x) {
            Ok(r) => out.push_str(crate::objects::str::str_value(&r)),
            Err(e) => {
                vm.repr_leave(a);
                return Err(e);
            }
        }
        i += 1;
    }
    vm.repr_leave(a);
    out.push(']');
    Ok(vm.new_string(out))
}

fn list_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let Some(y) = list_items(b) else {
        return Ok(Obj::not_implemented());
    };
    let x = list_items(a).unwrap_or_default();
    if (op == CompareOp::Eq || op == CompareOp::Ne) && x.len() != y.len() {
        return Ok(bool_::new_bool(op == CompareOp::Ne));
    }
    tuple::sequence_richcompare(vm, &x, &y, op)
}

fn list_len(_: &mut Vm, a: &Obj) -> PyResult<usize> {
    Ok(list_obj(a).len())
}

fn list_concat(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let Some(y) = list_items(b) else {
        return Err(vm.type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.class().name()
        )));
    };
    let mut x = list_items(a).unwrap_or_default();
    x.extend(y);
    Ok(new_list(x))
}

fn repeat_items(vm: &mut Vm, x: &[Obj], n: isize) -> PyResult<Vec<Obj>> {
    if n <= 0 || x.is_empty() {
        return Ok(vec![]);
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
    Ok(v)
}

fn list_repeat(vm: &mut Vm, a: &Obj, n: isize) -> PyResult<Obj> {
    let x = list_items(a).unwrap_or_default();
    Ok(new_list(repeat_items(vm, &x, n)?))
}

fn list_inplace_concat(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    list_extend_with(vm, a, b)?;
    Ok(a.clone())
}

fn list_inplace_repeat(vm: &mut Vm, a: &Obj, n: isize) -> PyResult<Obj> {
    let x = list_items(a).unwrap_or_default();
    let v = repeat_items(vm, &x, n)?;
    list_obj(a).replace_all(v);
    Ok(a.clone())
}

fn list_contains(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    let l = list_obj(a);
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if vm.rich_compare_bool(&x, b, CompareOp::Eq)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

/// Normalises an index for a sequence of length `n` ("list index out of range").
fn norm_index(vm: &mut Vm, key: &Obj, n: usize, what: &str) -> PyResult<usize> {
    let i = vm.to_index_isize(key, key.class().name().as_ref())?;
    let j = if i < 0 { i + n as isize } else { i };
    if j < 0 || j >= n as isize {
        return Err(vm.index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

fn list_subscript(vm: &mut Vm, a: &Obj, key: &Obj) -> PyResult<Obj> {
    let l = list_obj(a);
    if let Some(sl) = key.downcast::<slice::SliceObject>() {
        let n = l.len();
        let (start, _, step, len) = sl.indices(vm, n)?;
        let items = l.items.borrow();
        let v = (0..len)
            .filter_map(|k| items.get((start + k as isize * step) as usize).cloned())
            .collect();
        return Ok(new_list(v));
    }
    if int::is_int(key) || key.class().slots.nb_index.get().is_some() {
        let n = l.len();
        let i = norm_index(vm, key, n, "list")?;
        return match l.get(i) {
            Some(v) => Ok(v),
            None => Err(vm.index_error("list index out of range")),
        };
    }
    Err(vm.type_error(format!(
        "list indices must be integers or slices, not {}",
        key.class().name()
    )))
}

fn list_ass_subscript(vm: &mut Vm, a: &Obj, key: &Obj, value: Option<Obj>) -> PyResult<()> {
    let l = list_obj(a);
    if let Some(sl) = key.downcast::<slice::SliceObject>() {
        return assign_slice(vm, a, sl, value);
    }
    if int::is_int(key) || key.class().slots.nb_index.get().is_some() {
        let n = l.len();
        let i = norm_index(vm, key, n, "list assignment")?;
        let old = {
            let mut items = l.items.borrow_mut();
            if i >= items.len() {
                None
            } else {
                match value {
                    Some(v) => Some(std::mem::replace(&mut items[i], v)),
                    None => Some(items.remove(i)),
                }
            }
        };
        if old.is_none() {
            return Err(vm.index_error("list assignment index out of range"));
        }
        return Ok(());
    }
    Err(vm.type_error(format!(
        "list indices must be integers or slices, not {}",
        key.class().name()
    )))
}

/// Slice assignment and deletion (CPython's `list_ass_subscript` slice path).
fn assign_slice(vm: &mut Vm, a: &Obj, sl: &slice::SliceObject, value: Option<Obj>) -> PyResult<()> {
    let l = list_obj(a);
    let n = l.len();
    let (start, _stop, step, len) = sl.indices(vm, n)?;
    let new_items = match &value {
        None => None,
        Some(v) if v.is(a) => Some(l.items.borrow().clone()),
        Some(v) => {
            // `PySequence_Fast(v, "must assign iterable to extended slice")`.
            if crate::objects::tuple::tuple_items(v).is_none()
                && v.downcast::<ListObject>().is_none()
                && let Err(e) = vm.get_iter(v)
            {
                if e.value()
                    .class()
                    .is_subtype(&crate::objects::exceptions::TYPE_ERROR)
                {
                    return Err(vm.type_error("must assign iterable to extended slice"));
                }
                return Err(e);
            }
            Some(vm.collect(v)?)
        }
    };
    let mut removed = Vec::new();
    {
        let mut items = l.items.borrow_mut();
        let n = items.len();
        let start = (start.max(0) as usize).min(n);
        if step == 1 {
            let end = (start + len).min(n);
            match new_items {
                None => removed.extend(items.drain(start..end)),
                Some(nv) => removed.extend(items.splice(start..end, nv)),
            }
        } else {
            let idx: Vec<usize> = (0..len)
                .map(|k| (start as isize + k as isize * step) as usize)
                .collect();
            match new_items {
                None => {
                    let mut sorted = idx.clone();
                    sorted.sort_unstable();
                    for i in sorted.into_iter().rev() {
                        if i < items.len() {
                            removed.push(items.remove(i));
                        }
                    }
                }
                Some(nv) => {
                    if nv.len() != idx.len() {
                        drop(items);
                        return Err(vm.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            nv.len(),
                            idx.len()
                        )));
                    }
                    for (i, v) in idx.into_iter().zip(nv) {
                        if i < items.len() {
                            removed.push(std::mem::replace(&mut items[i], v));
                        }
                    }
                }
            }
        }
    }
    drop(removed);
    Ok(())
}

fn list_iter(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(crate::objects::iterators::new_seq_iterator(vm, a.clone()))
}

fn list_new(_: &mut Vm, cls: &Obj, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    let ty = as_type(cls).expect("list_new called with a non-type");
    Ok(Obj::alloc(ListObject {
        ob: ObjHeader::new(ty),
        items: RefCell::new(vec![]),
    }))
}

fn list_init(vm: &mut Vm, this: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    args::no_kwargs(vm, "list", kw)?;
    args::check_positional_count(vm, "list", a.len(), 0, 1)?;
    let items = match a.first() {
        Some(x) => vm.collect(x)?,
        None => vec![],
    };
    list_obj(this).replace_all(items);
    Ok(())
}

/// `list.extend(iterable)`.
pub fn list_extend_with(vm: &mut Vm, a: &Obj, it: &Obj) -> PyResult<()> {
    let more = if it.is(a) {
        list_items(a).unwrap_or_default()
    } else {
        vm.collect(it)?
    };
    list_obj(a).items.borrow_mut().extend(more);
    Ok(())
}

fn list_append(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "list.append", &a[1..], kw)?;
    list_obj(&a[0]).push(v.clone());
    Ok(Obj::none())
}

fn list_extend(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "list.extend", &a[1..], kw)?;
    list_extend_with(vm, &a[0], v)?;
    Ok(Obj::none())
}

fn list_insert(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "insert", &a[1..], kw, 2, 2)?;
    let i = vm.to_isize(&rest[0])?;
    let l = list_obj(&a[0]);
    let mut items = l.items.borrow_mut();
    let n = items.len() as isize;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(j as usize, rest[1].clone());
    Ok(Obj::none())
}

fn list_pop(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "pop", &a[1..], kw, 0, 1)?;
    let i = match rest.first() {
        Some(x) => vm.to_isize(x)?,
        None => -1,
    };
    let l = list_obj(&a[0]);
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        drop(items);
        return Err(vm.index_error("pop from empty list"));
    }
    let n = items.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(items);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(items.remove(j as usize))
}

fn list_remove(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "list.remove", &a[1..], kw)?;
    let l = list_obj(&a[0]);
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if vm.rich_compare_bool(&x, v, CompareOp::Eq)? {
            let removed = {
                let mut items = l.items.borrow_mut();
                if i < items.len() {
                    Some(items.remove(i))
                } else {
                    None
                }
            };
            drop(removed);
            return Ok(Obj::none());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "index", &a[1..], kw, 1, 3)?;
    let l = list_obj(&a[0]);
    let (start, stop) = slice::start_stop_args(vm, &rest[1..], l.len())?;
    let mut i = start;
    while i < stop {
        let Some(x) = l.get(i) else { break };
        if vm.rich_compare_bool(&x, &rest[0], CompareOp::Eq)? {
            return Ok(int::new_usize(i));
        }
        i += 1;
    }
    Err(vm.value_error("list.index(x): x not in list"))
}

fn list_count(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "list.count", &a[1..], kw)?;
    let l = list_obj(&a[0]);
    let mut n = 0;
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if vm.rich_compare_bool(&x, v, CompareOp::Eq)? {
            n += 1;
        }
        i += 1;
    }
    Ok(int::new_usize(n))
}

fn list_clear(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "list.clear", &a[1..], kw)?;
    list_obj(&a[0]).replace_all(vec![]);
    Ok(Obj::none())
}

fn list_copy(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "list.copy", &a[1..], kw)?;
    Ok(new_list(list_items(&a[0]).unwrap_or_default()))
}

fn list_reverse(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "list.reverse", &a[1..], kw)?;
    list_obj(&a[0]).items.borrow_mut().reverse();
    Ok(Obj::none())
}

fn list_sort(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("sort", &["key", "reverse"], 0).kwonly(0);
    let [key, reverse] = args::parse::<2>(vm, &SIG, &a[1..], kw)?;
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        Some(r) => vm.to_i64(&r)? != 0,
        None => false,
    };
    sort::sort_list(vm, &a[0], key.as_ref(), reverse)?;
    Ok(Obj::none())
}

fn list_reversed(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "list.__reversed__", &a[1..], kw)?;
    Ok(crate::objects::iterators::new_reversed_seq_iterator(
        vm,
        a[0].clone(),
        list_obj(&a[0]).len(),
    ))
}

fn list_sizeof(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "list.__sizeof__", &a[1..], kw)?;
    let cap = list_obj(&a[0]).items.borrow().capacity();
    Ok(int::new_usize(40 + 8 * cap))
}

static LIST_METHODS: &[MethodDef] = &[
    MethodDef::class("__class_getitem__", crate::objects::typing::class_getitem),
    MethodDef::new("append", list_append),
    MethodDef::new("extend", list_extend),
    MethodDef::new("insert", list_insert),
    MethodDef::new("pop", list_pop),
    MethodDef::new("remove", list_remove),
    MethodDef::new("index", list_index),
    MethodDef::new("count", list_count),
    MethodDef::new("clear", list_clear),
    MethodDef::new("copy", list_copy),
    MethodDef::new("reverse", list_reverse),
    MethodDef::new("sort", list_sort),
    MethodDef::new("__reversed__", list_reversed),
    MethodDef::new("__sizeof__", list_sizeof),
];

/// `sorted(iterable, /, *, key=None, reverse=False)` builds on this.
pub fn sort_list(vm: &mut Vm, l: &Obj, key: Option<&Obj>, reverse: bool) -> PyResult<()> {
    sort::sort_list(vm, l, key, reverse)
}

/// `list_traverse` (last item first, as CPython). A list borrowed for mutation is skipped (a missed
/// reference only makes the collector more careful).
fn list_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(l) = o.downcast::<ListObject>()
        && let Ok(items) = l.items.try_borrow()
    {
        items.iter().rev().for_each(visit);
    }
}

/// `list_clear` as `tp_clear`: the items are dropped after the borrow ends.
fn list_clear_refs(o: &Obj) {
    if let Some(l) = o.downcast::<ListObject>()
        && let Ok(mut items) = l.items.try_borrow_mut()
    {
        let old = std::mem::take(&mut *items);
        drop(items);
        drop_reversed(old);
    }
}
