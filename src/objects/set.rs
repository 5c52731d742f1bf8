//! `set` and `frozenset` (CPython's `Objects/setobject.c`); the table is in
//! `set_table.rs`, the methods and operators in `set_methods.rs`.

use std::cell::RefCell;

use crate::objects::dict::{DICT_TYPE, dict_obj};
use crate::objects::header::ObjHeader;
use crate::objects::int::is_exact_int;
use crate::objects::obj::dealloc_box_trashcan;
use crate::objects::registry::TypeIndex;
use crate::objects::str::{StrObject, str_eq};
use crate::objects::typeobject::{NbOp, TypeObject, as_type, flags};
use crate::objects::{CompareOp, Obj, PyResult, Vm, object_type};

#[path = "set_methods.rs"]
mod methods;
#[path = "set_table.rs"]
pub mod table;
pub use methods::SET_ITERATOR_TYPE;

use table::{Probe, SetTable};

#[repr(C)]
pub struct SetObject {
    pub ob: ObjHeader,
    pub table: RefCell<SetTable>,
}
crate::py_layout!(SetObject, SET_TYPE);

pub static SET_TYPE: TypeObject = TypeObject::new_static(
    "set",
    &SET_TYPE,
    TypeIndex::Set as u16,
    dealloc_box_trashcan::<SetObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(set_traverse, Some(set_clear_refs))
.flags(flags::BASETYPE | flags::MATCH_SELF)
.doc("Build an unordered collection of unique elements.")
.repr(methods::set_repr)
.hash(object_type::hash_not_implemented)
.richcompare(methods::set_richcompare)
.len(set_len)
.contains(set_contains_slot)
.iter(methods::set_iter)
.nb(NbOp::Or, methods::set_or)
.nb(NbOp::And, methods::set_and)
.nb(NbOp::Subtract, methods::set_sub)
.nb(NbOp::Xor, methods::set_xor)
.nb_inplace(NbOp::Or, methods::set_ior)
.nb_inplace(NbOp::And, methods::set_iand)
.nb_inplace(NbOp::Subtract, methods::set_isub)
.nb_inplace(NbOp::Xor, methods::set_ixor)
.new_fn(methods::set_new)
.init(methods::set_init)
.methods(methods::SET_METHODS);

pub static FROZENSET_TYPE: TypeObject = TypeObject::new_static(
    "frozenset",
    &SET_TYPE,
    TypeIndex::FrozenSet as u16,
    dealloc_box_trashcan::<SetObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(set_traverse, Some(set_clear_refs))
.flags(flags::BASETYPE | flags::MATCH_SELF)
.doc("Build an immutable unordered collection of unique elements.")
.repr(methods::set_repr)
.hash(methods::frozenset_hash)
.richcompare(methods::set_richcompare)
.len(set_len)
.contains(set_contains_slot)
.iter(methods::set_iter)
.nb(NbOp::Or, methods::set_or)
.nb(NbOp::And, methods::set_and)
.nb(NbOp::Subtract, methods::set_sub)
.nb(NbOp::Xor, methods::set_xor)
.new_fn(methods::frozenset_new)
.methods(methods::FROZENSET_METHODS);

/// Whether `o` is a set or frozenset (or subclass instance).
pub fn is_any_set(o: &Obj) -> bool {
    o.downcast::<SetObject>().is_some()
}

/// Whether `o` is a frozenset (or subclass instance).
pub fn is_frozenset(o: &Obj) -> bool {
    is_any_set(o) && o.class().is_subtype(&FROZENSET_TYPE)
}

pub fn set_obj(o: &Obj) -> &SetObject {
    o.downcast::<SetObject>()
        .expect("set operation on a non-set")
}

/// Equality that needs no Python code (as `set_lookkey`'s exact-str test,
/// extended to exact ints); None asks `__eq__`.
fn fast_eq(a: &Obj, b: &Obj) -> Option<bool> {
    if let (Some(x), Some(y)) = (
        a.downcast_exact::<StrObject>(),
        b.downcast_exact::<StrObject>(),
    ) {
        return Some(str_eq(x, y));
    }
    if is_exact_int(a) && is_exact_int(b) {
        let (x, y) = (
            crate::objects::int::int_ref(a)?,
            crate::objects::int::int_ref(b)?,
        );
        return Some(x.compare(y) == std::cmp::Ordering::Equal);
    }
    None
}

/// An empty set of type `ty`.
pub fn empty_set_of(ty: &TypeObject) -> Obj {
    Obj::alloc(SetObject {
        ob: ObjHeader::new(ty),
        table: RefCell::new(SetTable::default()),
    })
}

/// A new set holding `items`.
pub fn new_set_from(vm: &mut Vm, items: Vec<Obj>) -> PyResult<Obj> {
    let s = empty_set_of(&SET_TYPE);
    for it in items {
        set_obj(&s).add(vm, it)?;
    }
    Ok(s)
}

impl SetObject {
    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Finds `key`: Ok(Ok(slot)) when present, Ok(Err((insert_at, was_empty)))
    /// when absent. Re-runs the search if the table changed during a
    /// comparison (CPython's restart).
    fn find(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<Result<usize, (usize, bool)>> {
        let mut skip = 0;
        loop {
            let (probe, version) = {
                let t = self.table.borrow();
                (t.probe(key, hash, skip, fast_eq), t.version)
            };
            match probe {
                Probe::Found(i) => return Ok(Ok(i)),
                Probe::Absent {
                    insert_at,
                    was_empty,
                } => return Ok(Err((insert_at, was_empty))),
                Probe::Candidate { key: start, probes } => {
                    let eq = vm.rich_compare_bool(&start, key, CompareOp::Eq)?;
                    if self.table.borrow().version != version {
                        skip = 0;
                        continue;
                    }
                    if eq {
                        // Re-probe to get the slot index of the equal key.
                        let t = self.table.borrow();
                        if let Probe::Found(i) =
                            t.probe(key, hash, usize::MAX, |a, _| Some(a.is(&start)))
                        {
                            return Ok(Ok(i));
                        }
                        drop(t);
                        skip = 0;
                        continue;
                    }
                    skip = probes + 1;
                }
            }
        }
    }

    /// `set_add_entry`.
    pub fn add_hashed(&self, vm: &mut Vm, key: Obj, hash: i64) -> PyResult<()> {
        if let Err((at, was_empty)) = self.find(vm, &key, hash)? {
            self.table.borrow_mut().insert_at(at, was_empty, key, hash);
        }
        Ok(())
    }

    pub fn add(&self, vm: &mut Vm, key: Obj) -> PyResult<()> {
        let hash = vm.hash_as(&key, "a set element")?;
        self.add_hashed(vm, key, hash)
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<bool> {
        Ok(self.find(vm, key, hash)?.is_ok())
    }

    /// `set_contains_key`: unhashable sets are looked up as frozensets.
    pub fn contains(&self, vm: &mut Vm, key: &Obj) -> PyResult<bool> {
        let hash = match vm.hash_as(key, "a set element") {
            Ok(h) => h,
            Err(e) => {
                if is_any_set(key)
                    && e.value()
                        .class()
                        .is_subtype(&crate::objects::exceptions::TYPE_ERROR)
                {
                    let frozen = frozen_copy(vm, key)?;
                    return self.contains(vm, &frozen);
                }
                return Err(e);
            }
        };
        self.contains_hashed(vm, key, hash)
    }

    /// `set_discard_entry`: true when the key was present.
    pub fn discard_hashed(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<bool> {
        match self.find(vm, key, hash)? {
            Ok(i) => {
                let old = self.table.borrow_mut().remove_at(i);
                drop(old);
                Ok(true)
            }
            Err(_) => Ok(false),
        }
    }

    pub fn discard(&self, vm: &mut Vm, key: &Obj) -> PyResult<bool> {
        let hash = match vm.hash_as(key, "a set element") {
            Ok(h) => h,
            Err(e) => {
                if is_any_set(key)
                    && e.value()
                        .class()
                        .is_subtype(&crate::objects::exceptions::TYPE_ERROR)
                {
                    let frozen = frozen_copy(vm, key)?;
                    return self.discard(vm, &frozen);
                }
                return Err(e);
            }
        };
        self.discard_hashed(vm, key, hash)
    }

    /// The entries in table order.
    pub fn entries(&self) -> Vec<(Obj, i64)> {
        self.table.borrow().entries()
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        self.table.borrow_mut().version = old.version + 1;
        drop(old);
    }
}

/// A frozenset with the same elements as the set `o`.
fn frozen_copy(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let f = empty_set_of(&FROZENSET_TYPE);
    merge_set(vm, &f, o)?;
    Ok(f)
}

/// `set_merge`: adds every element of the set `other` to `dst`.
pub fn merge_set(vm: &mut Vm, dst: &Obj, other: &Obj) -> PyResult<()> {
    if dst.is(other) {
        return Ok(());
    }
    let done = {
        let src = set_obj(other).table.borrow();
        set_obj(dst).table.borrow_mut().merge_fast(&src)
    };
    if done {
        return Ok(());
    }
    for (k, h) in set_obj(other).entries() {
        set_obj(dst).add_hashed(vm, k, h)?;
    }
    Ok(())
}

/// `set_update_internal`: adds the elements of any iterable, with the set
/// and exact-dict shortcuts CPython takes (which fix the iteration order).
pub fn update_from(vm: &mut Vm, dst: &Obj, other: &Obj) -> PyResult<()> {
    if is_any_set(other) {
        return merge_set(vm, dst, other);
    }
    if std::ptr::eq(other.class(), &DICT_TYPE) {
        let d = dict_obj(other);
        let n = d.len();
        {
            let mut t = set_obj(dst).table.borrow_mut();
            if (t.fill + n) * 5 >= t.mask() * 3 {
                let minused = (t.used + n) * 2;
                t.resize(minused);
            }
        }
        let entries: Vec<(Obj, i64)> = d
            .table
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.hash))
            .collect();
        for (k, h) in entries {
            set_obj(dst).add_hashed(vm, k, h)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.iter_next(&it)? {
        set_obj(dst).add(vm, k)?;
    }
    Ok(())
}

fn set_len(_: &mut Vm, a: &Obj) -> PyResult<usize> {
    Ok(set_obj(a).len())
}

fn set_contains_slot(vm: &mut Vm, a: &Obj, key: &Obj) -> PyResult<bool> {
    set_obj(a).contains(vm, key)
}

/// The type to build results of set operations on `o` with.
pub fn result_type(o: &Obj) -> &'static TypeObject {
    if is_frozenset(o) {
        &FROZENSET_TYPE
    } else {
        &SET_TYPE
    }
}

/// The class object of `cls` if it is a type.
pub fn class_of(cls: &Obj) -> Option<&TypeObject> {
    as_type(cls)
}

/// `set_traverse`: every element.
fn set_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(s) = o.downcast::<SetObject>()
        && let Ok(t) = s.table.try_borrow()
    {
        for slot in &t.slots {
            if let table::Slot::Active { key, .. } = slot {
                visit(key);
            }
        }
    }
}

/// `set_clear_internal` as `tp_clear`.
fn set_clear_refs(o: &Obj) {
    if let Some(s) = o.downcast::<SetObject>()
        && let Ok(mut t) = s.table.try_borrow_mut()
    {
        let version = t.version + 1;
        let old = std::mem::take(&mut *t);
        t.version = version;
        drop(t);
        drop(old);
    }
}
