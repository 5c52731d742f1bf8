//! `dict_keys`, `dict_values`, `dict_items` and the dict iterators.

use std::cell::Cell;

use super::{DictObject, dict_obj};
use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::typeobject::{CompareOp, NbOp, TypeObject};
use crate::objects::{Obj, PyResult, Vm, exceptions, object_type, set, tuple};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

#[repr(C)]
pub struct DictViewObject {
    pub ob: ObjHeader,
    pub dict: Obj,
    pub kind: ViewKind,
}
crate::py_layout!(DictViewObject, DICT_KEYS_TYPE);

macro_rules! view_type {
    ($name:ident, $pyname:literal, $idx:ident) => {
        pub static $name: TypeObject = TypeObject::new_static(
            $pyname,
            &DICT_KEYS_TYPE,
            TypeIndex::$idx as u16,
            dealloc_box::<DictViewObject>,
        )
        .base(&object_type::OBJECT_TYPE)
        .gc(view_traverse, None)
        .repr(view_repr)
        .len(view_len)
        .iter(view_iter)
        .contains(view_contains)
        .richcompare(view_richcompare)
        .nb(NbOp::And, view_and)
        .nb(NbOp::Or, view_or)
        .nb(NbOp::Xor, view_xor)
        .nb(NbOp::Subtract, view_sub)
        .methods(VIEW_METHODS);
    };
}
view_type!(DICT_KEYS_TYPE, "dict_keys", DictKeys);
view_type!(DICT_VALUES_TYPE, "dict_values", DictValues);
view_type!(DICT_ITEMS_TYPE, "dict_items", DictItems);

pub fn new_view(dict: Obj, kind: ViewKind) -> Obj {
    let ty = match kind {
        ViewKind::Keys => &DICT_KEYS_TYPE,
        ViewKind::Values => &DICT_VALUES_TYPE,
        ViewKind::Items => &DICT_ITEMS_TYPE,
    };
    Obj::alloc(DictViewObject {
        ob: ObjHeader::new(ty),
        dict,
        kind,
    })
}

fn view(o: &Obj) -> &DictViewObject {
    // Every view type shares the DictViewObject layout.
    o.downcast::<DictViewObject>().expect("dict view slot")
}

fn view_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let v = view(a);
    if !vm.repr_enter(a) {
        return Ok(vm.new_str("..."));
    }
    let items = view_items(vm, v);
    let list = crate::objects::list::new_list(items);
    let r = vm.repr(&list);
    vm.repr_leave(a);
    let r = r?;
    Ok(vm.new_string(format!("{}({})", a.class().name(), str_value(&r))))
}

fn view_items(vm: &mut Vm, v: &DictViewObject) -> Vec<Obj> {
    let d = dict_obj(&v.dict);
    match v.kind {
        ViewKind::Keys => d.keys(),
        ViewKind::Values => d.values(),
        ViewKind::Items => d
            .items()
            .into_iter()
            .map(|(k, x)| vm.new_tuple(vec![k, x]))
            .collect(),
    }
}

fn view_len(_: &mut Vm, a: &Obj) -> PyResult<usize> {
    Ok(dict_obj(&view(a).dict).len())
}

fn view_iter(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let v = view(a);
    Ok(new_dict_iter(vm, v.dict.clone(), v.kind, false))
}

fn view_contains(vm: &mut Vm, a: &Obj, x: &Obj) -> PyResult<bool> {
    let v = view(a);
    let d = dict_obj(&v.dict);
    match v.kind {
        ViewKind::Keys => {
            let h = vm.hash(x)?;
            Ok(d.lookup(vm, x, h)?.is_some())
        }
        ViewKind::Items => {
            let Some(pair) = tuple::tuple_items(x).filter(|p| p.len() == 2) else {
                return Ok(false);
            };
            let (k, val) = (pair[0].clone(), pair[1].clone());
            match d.get(vm, &k)? {
                Some(found) => vm.rich_compare_bool(&found, &val, CompareOp::Eq),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for val in d.values() {
                if vm.rich_compare_bool(&val, x, CompareOp::Eq)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Keys and items views compare like sets; values views only by identity.
fn view_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let v = view(a);
    if v.kind == ViewKind::Values {
        return Ok(Obj::not_implemented());
    }
    let is_setlike = set::is_any_set(b)
        || b.downcast::<DictViewObject>()
            .is_some_and(|o| o.kind != ViewKind::Values);
    if !is_setlike {
        return Ok(Obj::not_implemented());
    }
    let mine = view_items(vm, v);
    let mine = set::new_set_from(vm, mine)?;
    let other = if set::is_any_set(b) {
        b.clone()
    } else {
        let items = vm_items(vm, b);
        set::new_set_from(vm, items)?
    };
    vm.rich_compare(&mine, &other, op)
}

/// Set operations on keys and items views (`dictviews_and` and friends):
/// a set of the left operand's items combined with the right operand.
fn view_setop(vm: &mut Vm, a: &Obj, b: &Obj, method: &str) -> PyResult<Obj> {
    let (left, right) = if a.downcast::<DictViewObject>().is_some() {
        (a, b)
    } else {
        (b, a)
    };
    let v = view(left);
    if v.kind == ViewKind::Values {
        return Ok(Obj::not_implemented());
    }
    if vm.get_iter(right).is_err() {
        return Ok(Obj::not_implemented());
    }
    let items = view_items(vm, v);
    let s = set::new_set_from(vm, items)?;
    let name = vm.intern(method);
    let r = vm.call_method(&s, &name, std::slice::from_ref(right))?;
    if !std::ptr::eq(left, a) && method == "difference_update" {
        return Ok(r);
    }
    Ok(s)
}

fn view_and(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    view_setop(vm, a, b, "intersection_update")
}
fn view_or(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    view_setop(vm, a, b, "update")
}
fn view_xor(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    view_setop(vm, a, b, "symmetric_difference_update")
}
/// `a - b`: when the view is on the right, the result is `set(a) - b`.
fn view_sub(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if a.downcast::<DictViewObject>().is_some() {
        return view_setop(vm, a, b, "difference_update");
    }
    let items = vm.collect(a)?;
    let s = set::new_set_from(vm, items)?;
    let bitems = view_items(vm, view(b));
    let name = vm.intern("difference_update");
    let other = set::new_set_from(vm, bitems)?;
    vm.call_method(&s, &name, &[other])?;
    Ok(s)
}

fn view_reversed(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    crate::objects::args::no_args(vm, "__reversed__", &a[1..], kw)?;
    let v = view(&a[0]);
    Ok(new_dict_iter(vm, v.dict.clone(), v.kind, true))
}

fn view_isdisjoint(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let other = crate::objects::args::one_arg(vm, "isdisjoint", &a[1..], kw)?;
    let it = vm.get_iter(other)?;
    while let Some(x) = vm.iter_next(&it)? {
        if view_contains(vm, &a[0], &x)? {
            return Ok(crate::objects::bool_::new_bool(false));
        }
    }
    Ok(crate::objects::bool_::new_bool(true))
}

static VIEW_METHODS: &[crate::objects::typeobject::MethodDef] = &[
    crate::objects::typeobject::MethodDef::new("__reversed__", view_reversed),
    crate::objects::typeobject::MethodDef::new("isdisjoint", view_isdisjoint),
];

fn vm_items(vm: &mut Vm, b: &Obj) -> Vec<Obj> {
    view_items(vm, view(b))
}

/// An iterator over a dict's keys, values or items.
#[repr(C)]
pub struct DictIterObject {
    pub ob: ObjHeader,
    dict: Obj,
    pos: Cell<usize>,
    /// The dict's size when iteration started (CPython's `di_used`).
    used: Cell<usize>,
    remaining: Cell<usize>,
    kind: ViewKind,
    reverse: bool,
}
crate::py_layout!(DictIterObject, DICT_KEYITERATOR_TYPE);

macro_rules! iter_type {
    ($name:ident, $pyname:literal, $idx:ident) => {
        pub static $name: TypeObject = TypeObject::new_static(
            $pyname,
            &DICT_KEYITERATOR_TYPE,
            TypeIndex::$idx as u16,
            dealloc_box::<DictIterObject>,
        )
        .base(&object_type::OBJECT_TYPE)
        .gc(dict_iter_traverse, None)
        .iter(object_type::self_iter)
        .iternext(dict_iter_next)
        .methods(&[]);
    };
}
iter_type!(DICT_KEYITERATOR_TYPE, "dict_keyiterator", DictKeyIterator);
iter_type!(
    DICT_VALUEITERATOR_TYPE,
    "dict_valueiterator",
    DictValueIterator
);
iter_type!(
    DICT_ITEMITERATOR_TYPE,
    "dict_itemiterator",
    DictItemIterator
);
iter_type!(
    DICT_REVKEYITERATOR_TYPE,
    "dict_reversekeyiterator",
    DictRevKeyIterator
);
iter_type!(
    DICT_REVVALUEITERATOR_TYPE,
    "dict_reversevalueiterator",
    DictRevValueIterator
);
iter_type!(
    DICT_REVITEMITERATOR_TYPE,
    "dict_reverseitemiterator",
    DictRevItemIterator
);

pub fn new_dict_iter(_: &mut Vm, dict: Obj, kind: ViewKind, reverse: bool) -> Obj {
    let d: &DictObject = dict_obj(&dict);
    let used = d.len();
    let pos = if reverse {
        d.table.borrow().entries_len()
    } else {
        0
    };
    let ty = match (kind, reverse) {
        (ViewKind::Keys, false) => &DICT_KEYITERATOR_TYPE,
        (ViewKind::Values, false) => &DICT_VALUEITERATOR_TYPE,
        (ViewKind::Items, false) => &DICT_ITEMITERATOR_TYPE,
        (ViewKind::Keys, true) => &DICT_REVKEYITERATOR_TYPE,
        (ViewKind::Values, true) => &DICT_REVVALUEITERATOR_TYPE,
        (ViewKind::Items, true) => &DICT_REVITEMITERATOR_TYPE,
    };
    Obj::alloc(DictIterObject {
        ob: ObjHeader::new(ty),
        dict,
        pos: Cell::new(pos),
        used: Cell::new(used),
        remaining: Cell::new(used),
        kind,
        reverse,
    })
}

fn dict_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = it.downcast::<DictIterObject>().expect("dict iterator slot");
    let d = dict_obj(&it.dict);
    if d.len() != it.used.get() {
        it.used.set(usize::MAX);
        return Err(vm.new_exception_msg(
            &exceptions::RUNTIME_ERROR,
            "dictionary changed size during iteration",
        ));
    }
    let next = {
        let t = d.table.borrow();
        if it.reverse {
            let mut pos = it.pos.get();
            let mut found = None;
            while pos > 0 {
                pos -= 1;
                if let Some(e) = t.entry(pos) {
                    found = Some((e.key.clone(), e.value.clone()));
                    break;
                }
            }
            it.pos.set(pos);
            found
        } else {
            match t.next_entry(it.pos.get()) {
                Some((p, e)) => {
                    it.pos.set(p);
                    Some((e.key.clone(), e.value.clone()))
                }
                None => {
                    it.pos.set(usize::MAX);
                    None
                }
            }
        }
    };
    let Some((k, v)) = next else {
        return Ok(None);
    };
    if it.remaining.get() == 0 {
        return Err(vm.new_exception_msg(
            &exceptions::RUNTIME_ERROR,
            "dictionary keys changed during iteration",
        ));
    }
    it.remaining.set(it.remaining.get() - 1);
    Ok(Some(match it.kind {
        ViewKind::Keys => k,
        ViewKind::Values => v,
        ViewKind::Items => vm.new_tuple(vec![k, v]),
    }))
}

/// Whether `o` is a keys/items view (set-like) for set operations.
pub fn is_setlike_view(o: &Obj) -> bool {
    o.downcast::<DictViewObject>()
        .is_some_and(|v| v.kind != ViewKind::Values)
}

crate::gc_traverse!(view_traverse, DictViewObject, [dict]);
crate::gc_traverse!(dict_iter_traverse, DictIterObject, [dict]);
