//! The builtin iterator types: `enumerate`, `reversed` (CPython's
//! `Objects/enumobject.c`), `zip`, `map` and `filter` (`Python/bltinmodule.c`).

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;

use crate::objects::args::{self, Signature};
use crate::objects::header::ObjHeader;
use crate::objects::int::{self, int_ref};
use crate::objects::obj::{ObjCell, dealloc_box_trashcan};
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{MethodDef, TypeObject, as_type, flags};
use crate::objects::{Obj, PyResult, Vm, object_type};

#[repr(C)]
pub struct EnumerateObject {
    pub ob: ObjHeader,
    iter: Obj,
    /// The next index: a machine int until it would overflow.
    count: Cell<i64>,
    big: RefCell<Option<BigInt>>,
}
crate::py_layout!(EnumerateObject, ENUMERATE_TYPE);

pub static ENUMERATE_TYPE: TypeObject = TypeObject::new_static(
    "enumerate",
    &ENUMERATE_TYPE,
    TypeIndex::Enumerate as u16,
    dealloc_box_trashcan::<EnumerateObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(enumerate_traverse, None)
.flags(flags::BASETYPE)
.doc("Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...")
.iter(object_type::self_iter)
.iternext(enumerate_next)
.new_fn(enumerate_new);

fn enumerate_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("enumerate", &["iterable", "start"], 1);
    let (pos, _, names) = args::split(a, kw);
    if pos.len() + names.len() > 2 {
        return Err(vm.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            pos.len() + names.len()
        )));
    }
    if pos.is_empty() && names.is_empty() {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    }
    let [iterable, start] = args::parse::<2>(vm, &SIG, a, kw)?;
    let iterable = iterable.expect("required");
    let it = vm.get_iter(&iterable)?;
    let (count, big) = match start {
        None => (0, None),
        Some(s) => {
            let s = vm.index(&s)?;
            match int_ref(&s).and_then(|r| r.to_i64()) {
                Some(v) => (v, None),
                None => (0, int_ref(&s).map(|r| r.to_bigint())),
            }
        }
    };
    let ty = as_type(cls).expect("enumerate __new__ with a non-type");
    Ok(Obj::alloc(EnumerateObject {
        ob: ObjHeader::new(ty),
        iter: it,
        count: Cell::new(count),
        big: RefCell::new(big),
    }))
}

fn enumerate_next(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    let e = o.downcast::<EnumerateObject>().expect("enumerate slot");
    let Some(v) = vm.iter_next(&e.iter)? else {
        return Ok(None);
    };
    let idx = {
        let mut big = e.big.borrow_mut();
        match big.as_mut() {
            Some(b) => {
                let cur = int::new_bigint(b.clone());
                *b += 1;
                cur
            }
            None => {
                let c = e.count.get();
                match c.checked_add(1) {
                    Some(n) => e.count.set(n),
                    None => *big = Some(BigInt::from(c) + 1),
                }
                int::new_int(c)
            }
        }
    };
    Ok(Some(vm.new_tuple(vec![idx, v])))
}

#[repr(C)]
pub struct ReversedObject {
    pub ob: ObjHeader,
    seq: ObjCell,
    index: Cell<isize>,
}
crate::py_layout!(ReversedObject, REVERSED_TYPE);

pub static REVERSED_TYPE: TypeObject = TypeObject::new_static(
    "reversed",
    &REVERSED_TYPE,
    TypeIndex::Reversed as u16,
    dealloc_box_trashcan::<ReversedObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(reversed_traverse, Some(reversed_clear))
.flags(flags::BASETYPE)
.doc("Return a reverse iterator over the values of the given sequence.")
.iter(object_type::self_iter)
.iternext(reversed_next)
.new_fn(reversed_new)
.methods(REVERSED_METHODS);

/// `reversed(seq)`: `seq.__reversed__()`, or a walk down `__getitem__`.
fn reversed_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "reversed", kw)?;
    args::check_positional_count(vm, "reversed", a.len(), 1, 1)?;
    let seq = &a[0];
    if let Some(f) = vm.lookup_special(seq, "__reversed__") {
        return vm.call(&f, &[], None);
    }
    let t = seq.class();
    if t.slots.mp_subscript.get().is_none()
        || t.slots.sq_length.get().is_none()
        || crate::objects::dict::is_dict(seq)
    {
        return Err(vm.type_error(format!("'{}' object is not reversible", t.name())));
    }
    let n = vm.len(seq)?;
    let ty = as_type(cls).expect("reversed __new__ with a non-type");
    Ok(Obj::alloc(ReversedObject {
        ob: ObjHeader::new(ty),
        seq: ObjCell::new(Some(seq.clone())),
        index: Cell::new(n as isize - 1),
    }))
}

fn reversed_next(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    let r = o.downcast::<ReversedObject>().expect("reversed slot");
    let i = r.index.get();
    let Some(seq) = r.seq.get() else {
        return Ok(None);
    };
    if i < 0 {
        r.seq.set(None);
        return Ok(None);
    }
    match vm.getitem(&seq, &int::new_int(i as i64)) {
        Ok(v) => {
            r.index.set(i - 1);
            Ok(Some(v))
        }
        Err(e) => {
            let t = e.value().class();
            if t.is_subtype(&crate::objects::exceptions::INDEX_ERROR)
                || t.is_subtype(&crate::objects::exceptions::STOP_ITERATION)
            {
                r.index.set(-1);
                r.seq.set(None);
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn reversed_length_hint(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "reversed.__length_hint__", &a[1..], kw)?;
    let r = a[0].downcast::<ReversedObject>().expect("reversed");
    let n = if r.seq.is_some() {
        r.index.get() + 1
    } else {
        0
    };
    Ok(int::new_int(n.max(0) as i64))
}

static REVERSED_METHODS: &[MethodDef] = &[MethodDef::new("__length_hint__", reversed_length_hint)];

#[repr(C)]
pub struct ZipObject {
    pub ob: ObjHeader,
    iters: Vec<Obj>,
    strict: bool,
    done: Cell<bool>,
}
crate::py_layout!(ZipObject, ZIP_TYPE);

pub static ZIP_TYPE: TypeObject =
    TypeObject::new_static("zip", &ZIP_TYPE, TypeIndex::Zip as u16, dealloc_box_trashcan::<ZipObject>)
        .base(&object_type::OBJECT_TYPE)
.gc(zip_traverse, None)
        .flags(flags::BASETYPE)
        .doc("The zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip().  The i-th element in every tuple\ncomes from the i-th iterable argument to zip().  This continues until the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError.\n\n   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]")
        .iter(object_type::self_iter)
        .iternext(zip_next)
        .new_fn(zip_new);

/// `strict=` of zip() and map(): the only keyword they take.
fn strict_kw(vm: &mut Vm, fname: &str, a: &[Obj], kw: Option<&Obj>) -> PyResult<bool> {
    let (_, values, names) = args::split(a, kw);
    let mut strict = false;
    for (k, v) in names.iter().zip(values) {
        let key = crate::objects::str::str_value(k);
        if key != "strict" {
            return Err(vm.type_error(format!(
                "{fname}() got an unexpected keyword argument '{key}'"
            )));
        }
        strict = vm.is_true(v)?;
    }
    Ok(strict)
}

fn zip_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let strict = strict_kw(vm, "zip", a, kw)?;
    let (pos, _, _) = args::split(a, kw);
    let mut iters = Vec::with_capacity(pos.len());
    for x in pos {
        iters.push(vm.get_iter(x)?);
    }
    let ty = as_type(cls).expect("zip __new__ with a non-type");
    Ok(Obj::alloc(ZipObject {
        ob: ObjHeader::new(ty),
        iters,
        strict,
        done: Cell::new(false),
    }))
}

/// "zip() argument 2 is shorter than argument 1" and friends.
fn strict_error(vm: &mut Vm, fname: &str, i: usize, shorter: bool) -> crate::objects::PyErr {
    let plural = if i == 1 {
        " ".to_string()
    } else {
        "s 1-".to_string()
    };
    vm.value_error(format!(
        "{fname}() argument {} is {} than argument{plural}{}",
        i + 1,
        if shorter { "shorter" } else { "longer" },
        i
    ))
}

/// Advances every iterator once; the items, or None when the shortest ends
/// (checking `strict`).
fn next_all(
    vm: &mut Vm,
    fname: &str,
    iters: &[Obj],
    strict: bool,
    done: &Cell<bool>,
) -> PyResult<Option<Vec<Obj>>> {
    if done.get() || iters.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match vm.iter_next(it)? {
            Some(v) => items.push(v),
            None => {
                done.set(true);
                if strict {
                    if i > 0 {
                        return Err(strict_error(vm, fname, i, true));
                    }
                    for (j, rest) in iters.iter().enumerate().skip(1) {
                        if vm.iter_next(rest)?.is_some() {
                            return Err(strict_error(vm, fname, j, false));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(items))
}

fn zip_next(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    let z = o.downcast::<ZipObject>().expect("zip slot");
    Ok(next_all(vm, "zip", &z.iters, z.strict, &z.done)?.map(|items| vm.new_tuple(items)))
}

#[repr(C)]
pub struct MapObject {
    pub ob: ObjHeader,
    func: Obj,
    iters: Vec<Obj>,
    strict: bool,
    done: Cell<bool>,
}
crate::py_layout!(MapObject, MAP_TYPE);

pub static MAP_TYPE: TypeObject =
    TypeObject::new_static("map", &MAP_TYPE, TypeIndex::Map as u16, dealloc_box_trashcan::<MapObject>)
        .base(&object_type::OBJECT_TYPE)
.gc(map_traverse, None)
        .flags(flags::BASETYPE)
        .doc("Make an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError.")
        .iter(object_type::self_iter)
        .iternext(map_next)
        .new_fn(map_new);

fn map_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let strict = strict_kw(vm, "map", a, kw)?;
    let (pos, _, _) = args::split(a, kw);
    if pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(pos.len() - 1);
    for x in &pos[1..] {
        iters.push(vm.get_iter(x)?);
    }
    let ty = as_type(cls).expect("map __new__ with a non-type");
    Ok(Obj::alloc(MapObject {
        ob: ObjHeader::new(ty),
        func: pos[0].clone(),
        iters,
        strict,
        done: Cell::new(false),
    }))
}

fn map_next(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    let m = o.downcast::<MapObject>().expect("map slot");
    match next_all(vm, "map", &m.iters, m.strict, &m.done)? {
        Some(items) => Ok(Some(vm.call(&m.func, &items, None)?)),
        None => Ok(None),
    }
}

#[repr(C)]
pub struct FilterObject {
    pub ob: ObjHeader,
    func: Obj,
    iter: Obj,
}
crate::py_layout!(FilterObject, FILTER_TYPE);

pub static FILTER_TYPE: TypeObject =
    TypeObject::new_static("filter", &FILTER_TYPE, TypeIndex::Filter as u16, dealloc_box_trashcan::<FilterObject>)
        .base(&object_type::OBJECT_TYPE)
.gc(filter_traverse, None)
        .flags(flags::BASETYPE)
        .doc("Return an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true.")
        .iter(object_type::self_iter)
        .iternext(filter_next)
        .new_fn(filter_new);

fn filter_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "filter", kw)?;
    args::check_positional_count(vm, "filter", a.len(), 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    let ty = as_type(cls).expect("filter __new__ with a non-type");
    Ok(Obj::alloc(FilterObject {
        ob: ObjHeader::new(ty),
        func: a[0].clone(),
        iter: it,
    }))
}

fn filter_next(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    let f = o.downcast::<FilterObject>().expect("filter slot");
    while let Some(v) = vm.iter_next(&f.iter)? {
        let keep = if f.func.is_none() || f.func.is_static(&crate::objects::bool_::BOOL_TYPE) {
            vm.is_true(&v)?
        } else {
            let r = vm.call(&f.func, std::slice::from_ref(&v), None)?;
            vm.is_true(&r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

crate::gc_traverse!(enumerate_traverse, EnumerateObject, [iter]);
crate::gc_traverse!(reversed_traverse, ReversedObject, [seq]);
crate::gc_clear!(reversed_clear, ReversedObject, [seq]);
crate::gc_traverse!(zip_traverse, ZipObject, [iters]);
crate::gc_traverse!(map_traverse, MapObject, [func, iters]);
crate::gc_traverse!(filter_traverse, FilterObject, [func, iter]);
