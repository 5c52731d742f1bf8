//! `range` and its iterators (CPython's `Objects/rangeobject.c`).

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::objects::header::ObjHeader;
use crate::objects::int::{self, int_ref, is_exact_int};
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::slice::SliceObject;
use crate::objects::typeobject::{CompareOp, GetSetDef, MethodDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, args, bool_, exceptions, hash, object_type};

#[repr(C)]
pub struct RangeObject {
    pub ob: ObjHeader,
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub length: BigInt,
}
crate::py_layout!(RangeObject, RANGE_TYPE);

pub static RANGE_TYPE: TypeObject =
    TypeObject::new_static("range", &RANGE_TYPE, TypeIndex::Range as u16, dealloc_box::<RangeObject>)
        .base(&object_type::OBJECT_TYPE)
        .flags(crate::objects::typeobject::flags::SEQUENCE)
        .doc("range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement).")
        .repr(range_repr)
        .hash(range_hash)
        .richcompare(range_richcompare)
        .len(range_len)
        .contains(range_contains)
        .subscript(range_subscript)
        .iter(range_iter)
        .nb_bool(range_bool)
        .new_fn(range_new)
        .methods(RANGE_METHODS)
        .getsets(RANGE_GETSETS);

/// Number of items of `range(lo, hi, step)` (`compute_range_length`).
fn range_length(lo: &BigInt, hi: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && lo < hi {
        (hi - lo - 1u32) / step + 1u32
    } else if step.is_negative() && lo > hi {
        (lo - hi - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

pub fn new_range(start: BigInt, stop: BigInt, step: BigInt) -> Obj {
    let length = range_length(&start, &stop, &step);
    Obj::alloc(RangeObject {
        ob: ObjHeader::new(&RANGE_TYPE),
        start,
        stop,
        step,
        length,
    })
}

fn range_obj(o: &Obj) -> &RangeObject {
    o.downcast::<RangeObject>().expect("range slot")
}

/// A range argument, converted with `__index__`.
fn index_arg(vm: &mut Vm, o: &Obj) -> PyResult<BigInt> {
    let i = vm.index(o)?;
    Ok(int_ref(&i).map(|r| r.to_bigint()).unwrap_or_default())
}

fn range_new(vm: &mut Vm, _: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "range", kw)?;
    args::check_positional_count(vm, "range", a.len(), 1, 3)?;
    let (start, stop, step) = match a {
        [stop] => (BigInt::zero(), index_arg(vm, stop)?, BigInt::one()),
        [start, stop] => (index_arg(vm, start)?, index_arg(vm, stop)?, BigInt::one()),
        [start, stop, step] => {
            let (a, b, c) = (
                index_arg(vm, start)?,
                index_arg(vm, stop)?,
                index_arg(vm, step)?,
            );
            if c.is_zero() {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (a, b, c)
        }
        _ => unreachable!("count checked above"),
    };
    Ok(new_range(start, stop, step))
}

fn range_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let r = range_obj(o);
    let text = if r.step.is_one() {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    };
    Ok(vm.new_string(text))
}

/// `hash(range)`: hash of (len, start, step) with None for what does not
/// matter (CPython's `range_hash`).
fn range_hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let r = range_obj(o);
    let len = int::new_bigint(r.length.clone());
    let items = if r.length.is_zero() {
        [len, Obj::none(), Obj::none()]
    } else if r.length.is_one() {
        [len, int::new_bigint(r.start.clone()), Obj::none()]
    } else {
        [
            len,
            int::new_bigint(r.start.clone()),
            int::new_bigint(r.step.clone()),
        ]
    };
    let mut h = hash::TupleHasher::default();
    for x in &items {
        h.add(vm.hash(x)?);
    }
    Ok(h.finish())
}

fn range_richcompare(_: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let Some(y) = b.downcast::<RangeObject>() else {
        return Ok(Obj::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::not_implemented());
    }
    let x = range_obj(a);
    let eq = x.length == y.length
        && (x.length.is_zero() || (x.start == y.start && (x.length.is_one() || x.step == y.step)));
    Ok(bool_::new_bool(eq == (op == CompareOp::Eq)))
}

fn range_len(vm: &mut Vm, o: &Obj) -> PyResult<usize> {
    match range_obj(o)
        .length
        .to_usize()
        .filter(|n| *n <= isize::MAX as usize)
    {
        Some(n) => Ok(n),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(_: &mut Vm, o: &Obj) -> PyResult<bool> {
    Ok(!range_obj(o).length.is_zero())
}

/// Whether the int `v` is one of the range's values, by arithmetic.
fn contains_int(r: &RangeObject, v: &BigInt) -> bool {
    let in_bounds = if r.step.is_positive() {
        &r.start <= v && v < &r.stop
    } else {
        &r.stop < v && v <= &r.start
    };
    in_bounds && (v - &r.start).mod_floor(&r.step).is_zero()
}

fn range_contains(vm: &mut Vm, o: &Obj, x: &Obj) -> PyResult<bool> {
    let r = range_obj(o);
    if is_exact_int(x) || std::ptr::eq(x.class(), &crate::objects::bool_::BOOL_TYPE) {
        let v = int_ref(x).map(|i| i.to_bigint()).unwrap_or_default();
        return Ok(contains_int(r, &v));
    }
    let it = range_iter(vm, o)?;
    while let Some(item) = vm.iter_next(&it)? {
        if vm.rich_compare_bool(&item, x, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_subscript(vm: &mut Vm, o: &Obj, key: &Obj) -> PyResult<Obj> {
    let r = range_obj(o);
    if let Some(sl) = key.downcast::<SliceObject>() {
        let len = match r.length.to_usize() {
            Some(n) => n,
            None => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        };
        let (start, stop, step, _) = sl.indices(vm, len)?;
        let new_start = &r.start + &r.step * BigInt::from(start);
        let new_stop = &r.start + &r.step * BigInt::from(stop);
        let new_step = &r.step * BigInt::from(step);
        return Ok(new_range(new_start, new_stop, new_step));
    }
    if int_ref(key).is_none() && key.class().slots.nb_index.get().is_none() {
        return Err(vm.type_error(format!(
            "range indices must be integers or slices, not {}",
            key.class().name()
        )));
    }
    let i = index_arg(vm, key)?;
    let j = if i.is_negative() { &i + &r.length } else { i };
    if j.is_negative() || j >= r.length {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(int::new_bigint(&r.start + &r.step * j))
}

/// `range_iterator` when every value fits in 64 bits.
#[repr(C)]
pub struct RangeIterObject {
    pub ob: ObjHeader,
    next: Cell<i64>,
    step: i64,
    remaining: Cell<u64>,
}
crate::py_layout!(RangeIterObject, RANGE_ITERATOR_TYPE);

pub static RANGE_ITERATOR_TYPE: TypeObject = TypeObject::new_static(
    "range_iterator",
    &RANGE_ITERATOR_TYPE,
    TypeIndex::RangeIterator as u16,
    dealloc_box::<RangeIterObject>,
)
.base(&object_type::OBJECT_TYPE)
.iter(object_type::self_iter)
.iternext(range_iter_next)
.methods(RANGE_ITER_METHODS);

/// `longrange_iterator` for everything else.
#[repr(C)]
pub struct LongRangeIterObject {
    pub ob: ObjHeader,
    state: RefCell<(BigInt, BigInt, BigInt)>,
}
crate::py_layout!(LongRangeIterObject, LONGRANGE_ITERATOR_TYPE);

pub static LONGRANGE_ITERATOR_TYPE: TypeObject = TypeObject::new_static(
    "longrange_iterator",
    &LONGRANGE_ITERATOR_TYPE,
    TypeIndex::LongRangeIterator as u16,
    dealloc_box::<LongRangeIterObject>,
)
.base(&object_type::OBJECT_TYPE)
.iter(object_type::self_iter)
.iternext(longrange_iter_next);

/// An iterator over `start, start+step, ...` for `len` items.
fn make_iter(start: &BigInt, step: &BigInt, len: &BigInt) -> Obj {
    let last = start + step * (len - 1u32).max(BigInt::zero());
    if let (Some(s), Some(st), Some(n), Some(_)) =
        (start.to_i64(), step.to_i64(), len.to_u64(), last.to_i64())
    {
        return Obj::alloc(RangeIterObject {
            ob: ObjHeader::new(&RANGE_ITERATOR_TYPE),
            next: Cell::new(s),
            step: st,
            remaining: Cell::new(n),
        });
    }
    Obj::alloc(LongRangeIterObject {
        ob: ObjHeader::new(&LONGRANGE_ITERATOR_TYPE),
        state: RefCell::new((start.clone(), step.clone(), len.clone())),
    })
}

fn range_iter(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let r = range_obj(o);
    Ok(make_iter(&r.start, &r.step, &r.length))
}

fn range_iter_next(_: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = it
        .downcast::<RangeIterObject>()
        .expect("range iterator slot");
    let n = it.remaining.get();
    if n == 0 {
        return Ok(None);
    }
    let v = it.next.get();
    it.remaining.set(n - 1);
    it.next.set(v.wrapping_add(it.step));
    Ok(Some(int::new_int(v)))
}

fn longrange_iter_next(_: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let it = it
        .downcast::<LongRangeIterObject>()
        .expect("longrange iterator slot");
    let mut st = it.state.borrow_mut();
    if !st.2.is_positive() {
        return Ok(None);
    }
    let v = st.0.clone();
    st.0 = &st.0 + &st.1;
    st.2 -= 1u32;
    Ok(Some(int::new_bigint(v)))
}

fn range_iter_length_hint(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "range_iterator.__length_hint__", &a[1..], kw)?;
    let it = a[0].downcast::<RangeIterObject>().expect("range iterator");
    Ok(int::new_bigint(BigInt::from(it.remaining.get())))
}

static RANGE_ITER_METHODS: &[MethodDef] =
    &[MethodDef::new("__length_hint__", range_iter_length_hint)];

fn range_reversed(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "range.__reversed__", &a[1..], kw)?;
    let r = range_obj(&a[0]);
    let last = &r.start + &r.step * (&r.length - 1u32);
    Ok(make_iter(&last, &(-&r.step), &r.length))
}

fn range_count(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let x = args::one_arg(vm, "range.count", &a[1..], kw)?;
    let r = range_obj(&a[0]);
    if is_exact_int(x) || std::ptr::eq(x.class(), &crate::objects::bool_::BOOL_TYPE) {
        let v = int_ref(x).map(|i| i.to_bigint()).unwrap_or_default();
        return Ok(int::new_int(i64::from(contains_int(r, &v))));
    }
    let it = range_iter(vm, &a[0])?;
    let mut n = 0;
    while let Some(item) = vm.iter_next(&it)? {
        if vm.rich_compare_bool(&item, x, CompareOp::Eq)? {
            n += 1;
        }
    }
    Ok(int::new_int(n))
}

fn range_index(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let x = args::one_arg(vm, "range.index", &a[1..], kw)?;
    let r = range_obj(&a[0]);
    if is_exact_int(x) || std::ptr::eq(x.class(), &crate::objects::bool_::BOOL_TYPE) {
        let v = int_ref(x).map(|i| i.to_bigint()).unwrap_or_default();
        if contains_int(r, &v) {
            return Ok(int::new_bigint((v - &r.start) / &r.step));
        }
        return Err(vm.value_error("range.index(x): x not in range"));
    }
    let it = range_iter(vm, &a[0])?;
    let mut i = 0i64;
    while let Some(item) = vm.iter_next(&it)? {
        if vm.rich_compare_bool(&item, x, CompareOp::Eq)? {
            return Ok(int::new_int(i));
        }
        i += 1;
    }
    Err(vm.new_exception_msg(
        &exceptions::VALUE_ERROR,
        "sequence.index(x): x not in sequence",
    ))
}

static RANGE_METHODS: &[MethodDef] = &[
    MethodDef::new("__reversed__", range_reversed),
    MethodDef::new("count", range_count),
    MethodDef::new("index", range_index),
];

fn get_start(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_bigint(range_obj(o).start.clone()))
}
fn get_stop(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_bigint(range_obj(o).stop.clone()))
}
fn get_step(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_bigint(range_obj(o).step.clone()))
}

static RANGE_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("start", get_start),
    GetSetDef::getter("stop", get_stop),
    GetSetDef::getter("step", get_step),
];
