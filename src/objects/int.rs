//! `int`: arbitrary-precision integers (CPython's `Objects/longobject.c`).
//!
//! Values in the 63-bit small range are inline tagged words (see `obj.rs`)
//! and never allocate; larger ones are `IntObject`s holding a `BigInt`.
//! `bool` and subclasses of int share the `IntObject` layout, which may then
//! hold a small value. The arithmetic slots live in `int_ops.rs`.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::objects::header::ObjHeader;
use crate::objects::obj::{SMALL_INT_MAX, SMALL_INT_MIN, dealloc_box};
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{NbOp, TypeObject, flags};
use crate::objects::{Obj, PyResult, Vm, object_type};

#[path = "int_methods.rs"]
mod methods;
pub use methods::{float_to_int as float_to_int_value, round_half_even_multiple};
#[path = "int_ops.rs"]
pub mod ops;

/// The payload of a heap int.
pub enum IntValue {
    Small(i64),
    Big(BigInt),
}

/// A heap-allocated int (big values, bools, instances of int subclasses).
#[repr(C)]
pub struct IntObject {
    pub ob: ObjHeader,
    pub value: IntValue,
}
crate::py_layout!(IntObject, INT_TYPE);

pub static INT_TYPE: TypeObject = int_slots(TypeObject::new_static(
    "int",
    &INT_TYPE,
    TypeIndex::Int as u16,
    dealloc_box::<IntObject>,
))
.base(&object_type::OBJECT_TYPE)
.flags(flags::BASETYPE | flags::LONG_SUBCLASS | flags::MATCH_SELF)
.doc("int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating-point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4")
.new_fn(methods::int_new)
.methods(methods::INT_METHODS)
.getsets(methods::INT_GETSETS);

/// The slots of `int`, which `bool` (a subclass) inherits as CPython's
/// `inherit_slots` gives them to it.
pub const fn int_slots(t: TypeObject) -> TypeObject {
    t.repr(ops::int_repr)
        .hash(ops::int_hash)
        .richcompare(ops::int_richcompare)
        .nb(NbOp::Add, ops::int_add)
        .nb(NbOp::Subtract, ops::int_sub)
        .nb(NbOp::Multiply, ops::int_mul)
        .nb(NbOp::FloorDivide, ops::int_floordiv)
        .nb(NbOp::Remainder, ops::int_mod)
        .nb(NbOp::TrueDivide, ops::int_truediv)
        .nb(NbOp::Power, ops::int_pow2)
        .nb(NbOp::Lshift, ops::int_lshift)
        .nb(NbOp::Rshift, ops::int_rshift)
        .nb(NbOp::And, ops::int_and)
        .nb(NbOp::Or, ops::int_or)
        .nb(NbOp::Xor, ops::int_xor)
        .nb_power(ops::int_pow)
        .nb_divmod(ops::int_divmod)
        .nb_negative(ops::int_neg)
        .nb_positive(ops::int_pos)
        .nb_absolute(ops::int_abs)
        .nb_invert(ops::int_invert)
        .nb_bool(ops::int_bool)
        .nb_int(ops::int_pos)
        .nb_index(ops::int_pos)
        .nb_float(ops::int_float)
}

/// A borrowed view of an int's value.
#[derive(Clone, Copy)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_bigint(self) -> BigInt {
        match self {
            IntRef::Small(v) => BigInt::from(v),
            IntRef::Big(b) => b.clone(),
        }
    }

    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(b) => b.to_i64(),
        }
    }

    pub fn is_zero(self) -> bool {
        match self {
            IntRef::Small(v) => v == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }

    pub fn is_negative(self) -> bool {
        match self {
            IntRef::Small(v) => v < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }

    pub fn compare(self, other: IntRef<'_>) -> Ordering {
        match (self, other) {
            (IntRef::Small(a), IntRef::Small(b)) => a.cmp(&b),
            _ => self.to_bigint().cmp(&other.to_bigint()),
        }
    }

    /// Converts to the nearest float, rounding half to even (CPython's
    /// `PyLong_AsDouble`); None when the magnitude is too large.
    pub fn to_f64(self) -> Option<f64> {
        match self {
            IntRef::Small(v) => Some(v as f64),
            IntRef::Big(b) => {
                let f = b.to_f64()?;
                if f.is_finite() { Some(f) } else { None }
            }
        }
    }
}

impl std::fmt::Display for IntRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntRef::Small(v) => write!(f, "{v}"),
            IntRef::Big(b) => write!(f, "{b}"),
        }
    }
}

/// The value of an int (or bool, or int subclass instance).
#[inline(always)]
pub fn int_ref(o: &Obj) -> Option<IntRef<'_>> {
    if let Some(v) = o.small_int() {
        return Some(IntRef::Small(v));
    }
    o.downcast::<IntObject>().map(|i| match &i.value {
        IntValue::Small(v) => IntRef::Small(*v),
        IntValue::Big(b) => IntRef::Big(b),
    })
}

/// Whether `o` is an int (including bool and subclasses).
#[inline(always)]
pub fn is_int(o: &Obj) -> bool {
    o.is_small_int() || o.class().has_flag(flags::LONG_SUBCLASS)
}

/// Whether `o`'s type is exactly `int`.
#[inline(always)]
pub fn is_exact_int(o: &Obj) -> bool {
    o.is_small_int() || std::ptr::eq(o.class(), &INT_TYPE)
}

/// An int object for `v`.
#[inline(always)]
pub fn new_int(v: i64) -> Obj {
    match Obj::from_small_int(v) {
        Some(o) => o,
        None => Obj::alloc(IntObject {
            ob: ObjHeader::new(&INT_TYPE),
            value: IntValue::Big(BigInt::from(v)),
        }),
    }
}

/// An int object for `v`, inline when it fits.
pub fn new_bigint(v: BigInt) -> Obj {
    if let Some(small) = v.to_i64()
        && (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&small)
    {
        return Obj::small_int_unchecked(small);
    }
    Obj::alloc(IntObject {
        ob: ObjHeader::new(&INT_TYPE),
        value: IntValue::Big(v),
    })
}

/// An int from an `i128` (products and sums of two i64s).
pub fn new_i128(v: i128) -> Obj {
    match i64::try_from(v) {
        Ok(s) => new_int(s),
        Err(_) => new_bigint(BigInt::from(v)),
    }
}

pub fn new_usize(v: usize) -> Obj {
    match i64::try_from(v) {
        Ok(s) => new_int(s),
        Err(_) => new_bigint(BigInt::from(v)),
    }
}

/// An instance of `cls` (int or a subclass) with the given value.
pub fn new_int_of_type(cls: &TypeObject, v: BigInt) -> Obj {
    if std::ptr::eq(cls, &INT_TYPE) {
        return new_bigint(v);
    }
    let value = match v.to_i64() {
        Some(s) => IntValue::Small(s),
        None => IntValue::Big(v),
    };
    Obj::alloc(IntObject {
        ob: ObjHeader::new(cls),
        value,
    })
}

impl Vm {
    /// The value of `o` as an `i64`, for ints that fit; raises OverflowError
    /// ("Python int too large to convert to C long") otherwise and TypeError
    /// for non-ints (after trying `__index__`).
    pub fn to_i64(&mut self, o: &Obj) -> PyResult<i64> {
        let idx = self.index(o)?;
        match int_ref(&idx).and_then(|r| r.to_i64()) {
            Some(v) => Ok(v),
            None => Err(self.overflow_error("Python int too large to convert to C long")),
        }
    }

    /// `PyNumber_AsSsize_t(o, IndexError)`: an index for sequences.
    pub fn to_index_isize(&mut self, o: &Obj, what: &str) -> PyResult<isize> {
        let idx = self.index(o)?;
        match int_ref(&idx)
            .and_then(|r| r.to_i64())
            .and_then(|v| isize::try_from(v).ok())
        {
            Some(v) => Ok(v),
            None => Err(self.new_exception_msg(
                &crate::objects::exceptions::INDEX_ERROR,
                format!("cannot fit '{what}' into an index-sized integer"),
            )),
        }
    }

    /// `PyNumber_AsSsize_t(o, OverflowError)`.
    pub fn to_isize(&mut self, o: &Obj) -> PyResult<isize> {
        let idx = self.index(o)?;
        match int_ref(&idx)
            .and_then(|r| r.to_i64())
            .and_then(|v| isize::try_from(v).ok())
        {
            Some(v) => Ok(v),
            None => Err(self.overflow_error(format!(
                "cannot fit '{}' into an index-sized integer",
                o.class().name()
            ))),
        }
    }
}
