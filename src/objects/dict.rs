//! `dict` (CPython's `Objects/dictobject.c`): the object, its lookups and
//! slots. The table itself is in `dict_table.rs`, the methods in
//! `dict_methods.rs`, the views in `dict_views.rs`.

use std::cell::RefCell;

use crate::objects::header::ObjHeader;
use crate::objects::int::{int_ref, is_exact_int};
use crate::objects::obj::dealloc_box_trashcan;
use crate::objects::registry::TypeIndex;
use crate::objects::str::{STR_TYPE, StrObject, str_eq};
use crate::objects::typeobject::{CompareOp, NbOp, TypeObject, as_type, flags};
use crate::objects::{Obj, PyResult, Vm, bool_, object_type};

#[path = "dict_methods.rs"]
pub mod methods;
#[path = "dict_table.rs"]
pub mod table;
#[path = "dict_views.rs"]
pub mod views;

use table::{DictTable, Probe};

#[repr(C)]
pub struct DictObject {
    pub ob: ObjHeader,
    pub table: RefCell<DictTable>,
}
crate::py_layout!(DictObject, DICT_TYPE);

pub static DICT_TYPE: TypeObject =
    TypeObject::new_static("dict", &DICT_TYPE, TypeIndex::Dict as u16, dealloc_box_trashcan::<DictObject>)
        .base(&object_type::OBJECT_TYPE)
        .gc(dict_traverse, Some(dict_clear_refs))
        .flags(flags::BASETYPE | flags::DICT_SUBCLASS | flags::MAPPING | flags::MATCH_SELF)
        .doc("dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)")
        .repr(methods::dict_repr)
        .hash(object_type::hash_not_implemented)
        .richcompare(methods::dict_richcompare)
        .len(dict_len)
        .contains(dict_contains)
        .subscript(methods::dict_subscript)
        .ass_subscript(methods::dict_ass_subscript)
        .iter(methods::dict_iter)
        .nb(NbOp::Or, methods::dict_or)
        .nb_inplace(NbOp::Or, methods::dict_ior)
        .new_fn(methods::dict_new)
        .init(methods::dict_init)
        .methods(methods::DICT_METHODS);

pub fn new_dict() -> Obj {
    Obj::alloc(DictObject {
        ob: ObjHeader::new(&DICT_TYPE),
        table: RefCell::new(DictTable::new()),
    })
}

pub fn new_dict_of_type(ty: &TypeObject) -> Obj {
    Obj::alloc(DictObject {
        ob: ObjHeader::new(ty),
        table: RefCell::new(DictTable::new()),
    })
}

pub fn new_dict_with_capacity(n: usize) -> Obj {
    Obj::alloc(DictObject {
        ob: ObjHeader::new(&DICT_TYPE),
        table: RefCell::new(DictTable::with_capacity(n)),
    })
}

impl Vm {
    #[inline]
    pub fn new_dict(&self) -> Obj {
        new_dict()
    }
}

pub fn dict_obj(o: &Obj) -> &DictObject {
    o.downcast::<DictObject>()
        .expect("dict operation on a non-dict")
}

/// Equality that needs no Python code: identity, exact str, exact int.
/// None means "ask `__eq__`".
#[inline]
fn fast_eq(a: &Obj, b: &Obj) -> Option<bool> {
    if let (Some(x), Some(y)) = (
        a.downcast_exact::<StrObject>(),
        b.downcast_exact::<StrObject>(),
    ) {
        return Some(str_eq(x, y));
    }
    if is_exact_int(a) && is_exact_int(b) {
        let (x, y) = (int_ref(a)?, int_ref(b)?);
        return Some(x.compare(y) == std::cmp::Ordering::Equal);
    }
    let a_simple = std::ptr::eq(a.class(), &STR_TYPE) || is_exact_int(a);
    let b_simple = std::ptr::eq(b.class(), &STR_TYPE) || is_exact_int(b);
    if a_simple && b_simple {
        return Some(false);
    }
    None
}

impl DictObject {
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.borrow().is_empty()
    }

    /// Finds `key` (with precomputed `hash`): CPython's `_Py_dict_lookup`.
    pub fn lookup(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<Option<usize>> {
        let mut skip = 0;
        loop {
            let (probe, version) = {
                let t = self.table.borrow();
                (t.probe(hash, key, skip, fast_eq), t.version)
            };
            match probe {
                Probe::Found(ix) => return Ok(Some(ix)),
                Probe::Absent => return Ok(None),
                Probe::Candidate {
                    entry,
                    key: start,
                    probes,
                } => {
                    let eq = vm.rich_compare_bool(&start, key, CompareOp::Eq)?;
                    if self.table.borrow().version != version {
                        skip = 0;
                        continue;
                    }
                    if eq {
                        return Ok(Some(entry));
                    }
                    skip = probes + 1;
                }
            }
        }
    }

    /// `d.get(key)` with a known hash.
    pub fn get_hashed(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<Option<Obj>> {
        match self.lookup(vm, key, hash)? {
            Some(ix) => Ok(self.table.borrow().entry(ix).map(|e| e.value.clone())),
            None => Ok(None),
        }
    }

    /// `d.get(key)`.
    pub fn get(&self, vm: &mut Vm, key: &Obj) -> PyResult<Option<Obj>> {
        let hash = vm.hash_as(key, "a dict key")?;
        self.get_hashed(vm, key, hash)
    }

    /// Looks up an exact-str key without running any Python code (globals,
    /// builtins, attribute dictionaries).
    #[inline]
    pub fn get_str(&self, key: &Obj) -> Option<Obj> {
        let s = key.downcast::<StrObject>()?;
        let t = self.table.borrow();
        match t.probe(s.hash(), key, usize::MAX, fast_eq) {
            Probe::Found(ix) => t.entry(ix).map(|e| e.value.clone()),
            _ => None,
        }
    }

    /// `d[key] = value` with a known hash.
    pub fn set_hashed(&self, vm: &mut Vm, key: Obj, hash: i64, value: Obj) -> PyResult<()> {
        match self.lookup(vm, &key, hash)? {
            Some(ix) => {
                let old = self.table.borrow_mut().replace_value(ix, value);
                drop(old);
            }
            None => self.table.borrow_mut().insert_new(hash, key, value),
        }
        Ok(())
    }

    /// `d[key] = value`.
    pub fn set(&self, vm: &mut Vm, key: Obj, value: Obj) -> PyResult<()> {
        let hash = vm.hash_as(&key, "a dict key")?;
        self.set_hashed(vm, key, hash, value)
    }

    /// Stores under an exact-str key (no Python code runs).
    pub fn set_str(&self, key: Obj, value: Obj) {
        let hash = match key.downcast::<StrObject>() {
            Some(s) => s.hash(),
            None => return,
        };
        let found = {
            let t = self.table.borrow();
            match t.probe(hash, &key, usize::MAX, fast_eq) {
                Probe::Found(ix) => Some(ix),
                _ => None,
            }
        };
        match found {
            Some(ix) => {
                let old = self.table.borrow_mut().replace_value(ix, value);
                drop(old);
            }
            None => self.table.borrow_mut().insert_new(hash, key, value),
        }
    }

    /// Removes `key`; returns its value, or None when absent.
    pub fn remove(&self, vm: &mut Vm, key: &Obj) -> PyResult<Option<Obj>> {
        let hash = vm.hash_as(key, "a dict key")?;
        let Some(ix) = self.lookup(vm, key, hash)? else {
            return Ok(None);
        };
        let e = self.table.borrow_mut().remove_entry(ix);
        Ok(e.map(|e| e.value))
    }

    /// A snapshot of the (key, value) pairs.
    pub fn items(&self) -> Vec<(Obj, Obj)> {
        self.table
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    pub fn keys(&self) -> Vec<Obj> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Obj> {
        self.table
            .borrow()
            .iter()
            .map(|e| e.value.clone())
            .collect()
    }

    /// Removes everything; the entries are dropped after the borrow ends.
    pub fn clear(&self) {
        let old = self.table.borrow_mut().take_all();
        drop(old);
    }
}

fn dict_len(_: &mut Vm, a: &Obj) -> PyResult<usize> {
    Ok(dict_obj(a).len())
}

fn dict_contains(vm: &mut Vm, a: &Obj, key: &Obj) -> PyResult<bool> {
    let hash = vm.hash_as(key, "a dict key")?;
    Ok(dict_obj(a).lookup(vm, key, hash)?.is_some())
}

/// Whether `o` is a dict (or subclass instance).
pub fn is_dict(o: &Obj) -> bool {
    !o.is_small_int() && o.class().has_flag(flags::DICT_SUBCLASS)
}

/// The type object of `cls` if it is a dict subclass (for constructors).
pub fn dict_subtype(cls: &Obj) -> Option<&TypeObject> {
    as_type(cls)
}

/// True / False objects, for methods returning a bool.
pub fn py_bool(b: bool) -> Obj {
    bool_::new_bool(b)
}

/// `dict_traverse`: each value, then its key unless it is a `str` (which
/// the collector never tracks; CPython's str-keyed tables skip them too).
fn dict_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(d) = o.downcast::<DictObject>()
        && let Ok(t) = d.table.try_borrow()
    {
        for e in t.iter() {
            visit(&e.value);
            if !std::ptr::eq(e.key.class(), &crate::objects::str::STR_TYPE) {
                visit(&e.key);
            }
        }
    }
}

/// `dict_tp_clear`: empties the dict.
fn dict_clear_refs(o: &Obj) {
    if let Some(d) = o.downcast::<DictObject>()
        && let Ok(mut t) = d.table.try_borrow_mut()
    {
        let old = t.take_all();
        drop(t);
        drop(old);
    }
}
