//! `float` (CPython's `Objects/floatobject.c`).

use std::cmp::Ordering;

use crate::format::spec::FormatSpec;
use crate::objects::args::{self, Signature};
use crate::objects::header::ObjHeader;
use crate::objects::int::{self, int_ref, ops::compare_int_float};
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::StrObject;
use crate::objects::typeobject::{
    CompareOp, GetSetDef, MethodDef, NbOp, TypeObject, as_type, flags,
};
use crate::objects::{Obj, PyResult, Vm, bool_, object_type};

#[repr(C)]
pub struct FloatObject {
    pub ob: ObjHeader,
    pub value: f64,
}
crate::py_layout!(FloatObject, FLOAT_TYPE);

pub static FLOAT_TYPE: TypeObject = TypeObject::new_static(
    "float",
    &FLOAT_TYPE,
    TypeIndex::Float as u16,
    dealloc_box::<FloatObject>,
)
.base(&object_type::OBJECT_TYPE)
.flags(flags::BASETYPE | flags::MATCH_SELF)
.doc("Convert a string or number to a floating-point number, if possible.")
.repr(float_repr)
.hash(float_hash)
.richcompare(float_richcompare)
.nb(NbOp::Add, float_add)
.nb(NbOp::Subtract, float_sub)
.nb(NbOp::Multiply, float_mul)
.nb(NbOp::TrueDivide, float_truediv)
.nb(NbOp::FloorDivide, float_floordiv)
.nb(NbOp::Remainder, float_mod)
.nb(NbOp::Power, float_pow2)
.nb_power(float_pow)
.nb_divmod(float_divmod)
.nb_negative(float_neg)
.nb_positive(float_pos)
.nb_absolute(float_abs)
.nb_bool(float_bool)
.nb_int(float_int)
.nb_float(float_pos)
.new_fn(float_new)
.methods(FLOAT_METHODS)
.getsets(FLOAT_GETSETS);

#[inline(always)]
pub fn new_float(v: f64) -> Obj {
    Obj::alloc(FloatObject {
        ob: ObjHeader::new(&FLOAT_TYPE),
        value: v,
    })
}

/// The value of a float (or float subclass instance).
#[inline(always)]
pub fn float_value(o: &Obj) -> Option<f64> {
    o.downcast::<FloatObject>().map(|f| f.value)
}

/// CPython's `CONVERT_TO_DOUBLE`: floats and ints take part in float
/// arithmetic; anything else makes the slot return NotImplemented.
fn to_double(vm: &mut Vm, o: &Obj) -> PyResult<Option<f64>> {
    if let Some(f) = float_value(o) {
        return Ok(Some(f));
    }
    if let Some(i) = int_ref(o) {
        return match i.to_f64() {
            Some(f) => Ok(Some(f)),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    Ok(None)
}

macro_rules! both_doubles {
    ($vm:expr, $a:expr, $b:expr) => {
        match (to_double($vm, $a)?, to_double($vm, $b)?) {
            (Some(x), Some(y)) => (x, y),
            _ => return Ok(Obj::not_implemented()),
        }
    };
}

fn float_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let v = float_value(a).expect("float slot");
    Ok(vm.new_str(&crate::format::float_repr::repr(v)))
}

/// `hash(float)`, CPython's `_Py_HashDouble`: equal to the hash of the int
/// or fraction with the same value; NaNs hash by identity.
pub fn hash_double(o: &Obj, v: f64) -> i64 {
    use crate::objects::int::ops::{HASH_INF, HASH_MODULUS};
    const BITS: u32 = 61;
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return crate::objects::object_type::hash_pointer(o.addr());
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        (e as u32) % BITS
    } else {
        BITS - 1 - (((-1 - e) as u32) % BITS)
    };
    x = ((x << e) & HASH_MODULUS) | (x >> (BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 { -2 } else { h }
}

/// Splits a finite nonzero float into a mantissa in [0.5, 1) and an exponent.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn float_hash(_: &mut Vm, a: &Obj) -> PyResult<i64> {
    Ok(hash_double(a, float_value(a).expect("float slot")))
}

fn float_richcompare(_: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let x = float_value(a).expect("float slot");
    let ord = if let Some(y) = float_value(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = int_ref(b) {
        compare_int_float(i, x).map(Ordering::reverse)
    } else {
        return Ok(Obj::not_implemented());
    };
    Ok(bool_::new_bool(match ord {
        Some(o) => op.test(o),
        None => op == CompareOp::Ne,
    }))
}

fn float_add(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_doubles!(vm, a, b);
    Ok(new_float(x + y))
}

fn float_sub(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_doubles!(vm, a, b);
    Ok(new_float(x - y))
}

fn float_mul(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_doubles!(vm, a, b);
    Ok(new_float(x * y))
}

fn float_truediv(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_doubles!(vm, a, b);
    if y == 0.0 {
        return Err(vm.zero_division_error("division by zero"));
    }
    Ok(new_float(x / y))
}

/// Python's float modulo: the result has the sign of the divisor.
pub fn float_rem_values(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) { m + wx } else { m }
    } else {
        0.0f64.copysign(wx)
    }
}

/// Python's float divmod (CPython's `_float_div_mod`).
pub fn float_divmod_values(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn float_floordiv(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_doubles!(vm, a, b);
    if y == 0.0 {
        return Err(vm.zero_division_error("division by zero"));
    }
    Ok(new_float(float_divmod_values(x, y).0))
}

fn float_mod(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_doubles!(vm, a, b);
    if y == 0.0 {
        return Err(vm.zero_division_error("division by zero"));
    }
    Ok(new_float(float_rem_values(x, y)))
}

fn float_divmod(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_doubles!(vm, a, b);
    if y == 0.0 {
        return Err(vm.zero_division_error("division by zero"));
    }
    let (q, r) = float_divmod_values(x, y);
    Ok(vm.new_tuple(vec![new_float(q), new_float(r)]))
}

fn float_pow2(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    float_pow(vm, a, b, &Obj::none())
}

fn float_pow(vm: &mut Vm, a: &Obj, b: &Obj, m: &Obj) -> PyResult<Obj> {
    if !m.is_none() {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let (x, y) = both_doubles!(vm, a, b);
    float_pow_values(vm, x, y)
}

/// `x ** y` for floats with CPython's special cases (`float_pow`).
pub fn float_pow_values(vm: &mut Vm, iv: f64, iw: f64) -> PyResult<Obj> {
    if iw == 0.0 {
        return Ok(new_float(1.0));
    }
    if iv.is_nan() {
        return Ok(new_float(iv));
    }
    if iw.is_nan() {
        return Ok(new_float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(new_float(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    let iw_is_odd = iw.floor() == iw && (iw % 2.0).abs() == 1.0;
    if iv.is_infinite() {
        return Ok(new_float(if iv > 0.0 {
            if iw > 0.0 { iv } else { 0.0 }
        } else if iw > 0.0 {
            if iw_is_odd { iv } else { -iv }
        } else if iw_is_odd {
            -0.0
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(vm.zero_division_error("zero to a negative power"));
        }
        return Ok(new_float(if iw_is_odd { iv } else { 0.0 }));
    }
    let mut negate = false;
    let mut base = iv;
    if iv < 0.0 {
        if iw != iw.floor() {
            return crate::objects::complex::complex_pow_values(vm, (iv, 0.0), (iw, 0.0));
        }
        base = -iv;
        negate = iw_is_odd;
    }
    if base == 1.0 {
        return Ok(new_float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(new_float(if negate { -r } else { r }))
}

fn float_neg(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(new_float(-float_value(a).expect("float slot")))
}

fn float_pos(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    if std::ptr::eq(a.class(), &FLOAT_TYPE) {
        return Ok(a.clone());
    }
    Ok(new_float(float_value(a).expect("float slot")))
}

fn float_abs(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(new_float(float_value(a).expect("float slot").abs()))
}

fn float_bool(_: &mut Vm, a: &Obj) -> PyResult<bool> {
    Ok(float_value(a).expect("float slot") != 0.0)
}

fn float_int(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let v = crate::objects::int::float_to_int_value(vm, float_value(a).expect("float slot"))?;
    Ok(int::new_bigint(v))
}

/// `float(x=0.0, /)` (CPython's `float_new_impl` and `PyNumber_Float`).
fn float_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "float", kw)?;
    args::check_positional_count(vm, "float", a.len(), 0, 1)?;
    let ty = as_type(cls).expect("float_new called with a non-type");
    let v = match a.first() {
        None => 0.0,
        Some(x) => vm.to_f64(x)?,
    };
    if std::ptr::eq(ty, &FLOAT_TYPE) {
        Ok(new_float(v))
    } else {
        Ok(Obj::alloc(FloatObject {
            ob: ObjHeader::new(ty),
            value: v,
        }))
    }
}

impl Vm {
    /// `float(x)` as a Rust `f64` (CPython's `PyNumber_Float`).
    pub fn to_f64(&mut self, x: &Obj) -> PyResult<f64> {
        if let Some(f) = float_value(x) {
            return Ok(f);
        }
        if let Some(i) = int_ref(x) {
            return match i.to_f64() {
                Some(f) => Ok(f),
                None => Err(self.overflow_error("int too large to convert to float")),
            };
        }
        if let Some(s) = x.downcast::<StrObject>() {
            return match crate::format::parse::parse_float(s.as_str()) {
                Some(f) => Ok(f),
                None => {
                    let r = self.repr(x)?;
                    let shown = crate::objects::str::str_value(&r).to_string();
                    Err(self.value_error(format!("could not convert string to float: {shown}")))
                }
            };
        }
        if let Some(data) = crate::objects::bytes::bytes_like_data(x) {
            let parsed = std::str::from_utf8(&data)
                .ok()
                .and_then(crate::format::parse::parse_float);
            return match parsed {
                Some(f) => Ok(f),
                None => {
                    let r = self.repr(x)?;
                    let shown = crate::objects::str::str_value(&r).to_string();
                    Err(self.value_error(format!("could not convert string to float: {shown}")))
                }
            };
        }
        if let Some(f) = x.class().slots.nb_float.get() {
            let r = f(self, x)?;
            return match float_value(&r) {
                Some(v) => Ok(v),
                None => Err(self.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    x.class().name(),
                    r.class().name()
                ))),
            };
        }
        if x.class().slots.nb_index.get().is_some() {
            let i = self.index(x)?;
            return self.to_f64(&i);
        }
        Err(self.type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            x.class().name()
        )))
    }
}

/// Parses `spec` and formats with `f`, turning format errors into Python
/// exceptions. Shared by the `__format__` methods of numbers and str.
pub fn format_with(
    vm: &mut Vm,
    spec: &str,
    f: impl FnOnce(&FormatSpec) -> Result<String, crate::format::FormatError>,
) -> PyResult<String> {
    let result = crate::format::spec::parse(spec).and_then(|s| f(&s));
    result.map_err(|e| vm.format_error(e))
}

fn this(a: &[Obj]) -> f64 {
    float_value(&a[0]).expect("float method on a non-float")
}

fn float_is_integer(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "float.is_integer", &a[1..], kw)?;
    let v = this(a);
    Ok(bool_::new_bool(v.is_finite() && v.floor() == v))
}

fn float_conjugate(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "float.conjugate", &a[1..], kw)?;
    Ok(new_float(this(a)))
}

fn float_as_integer_ratio(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "float.as_integer_ratio", &a[1..], kw)?;
    let v = this(a);
    if v.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if v.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = frexp(v);
    let mut i = 0;
    while i < 300 && m != m.floor() {
        m *= 2.0;
        e -= 1;
        i += 1;
    }
    let mut num = int::ops::float_to_bigint(m);
    let mut den = num_bigint::BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    Ok(vm.new_tuple(vec![int::new_bigint(num), int::new_bigint(den)]))
}

fn float_trunc(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "float.__trunc__", &a[1..], kw)?;
    float_int(vm, &a[0])
}

fn float_floor(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "float.__floor__", &a[1..], kw)?;
    let v = crate::objects::int::float_to_int_value(vm, this(a).floor())?;
    Ok(int::new_bigint(v))
}

fn float_ceil(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "float.__ceil__", &a[1..], kw)?;
    let v = crate::objects::int::float_to_int_value(vm, this(a).ceil())?;
    Ok(int::new_bigint(v))
}

/// `round(x[, ndigits])` for floats (CPython's `float___round___impl`).
fn float_round(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "__round__", &a[1..], kw, 0, 1)?;
    let x = this(a);
    match rest.first().filter(|o| !o.is_none()) {
        None => {
            let r = x.round_ties_even();
            let v = crate::objects::int::float_to_int_value(vm, r)?;
            Ok(int::new_bigint(v))
        }
        Some(nd) => {
            let nd = vm.to_isize(nd)? as i64;
            match crate::format::round::round_float(x, nd) {
                Ok(v) => Ok(new_float(v)),
                Err(e) => Err(vm.format_error(e)),
            }
        }
    }
}

fn float_format(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "__format__", &a[1..], kw, 1, 1)?;
    let spec = vm.expect_str(&rest[0], "__format__() argument")?;
    if spec.is_empty() {
        return vm.str(&a[0]);
    }
    let v = this(a);
    let type_name = a[0].class().name();
    let text = format_with(vm, &spec, |sp| {
        crate::format::number::format_float_with(v, sp, &type_name)
    })?;
    Ok(vm.new_str(&text))
}

fn float_hex(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "float.hex", &a[1..], kw)?;
    Ok(vm.new_str(&crate::format::float_hex(this(a))))
}

fn float_fromhex(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("fromhex", &["string"], 1).posonly(1);
    let [s] = args::parse::<1>(vm, &SIG, &a[1..], kw)?;
    let s = s.expect("required");
    let text = vm.expect_str(&s, "fromhex() argument")?;
    let v = crate::format::parse_hex_float(&text).map_err(|e| vm.format_error(e))?;
    let f = new_float(v);
    if a[0].is_static(&FLOAT_TYPE) {
        Ok(f)
    } else {
        vm.call(&a[0], &[f], None)
    }
}

fn float_getnewargs(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "float.__getnewargs__", &a[1..], kw)?;
    Ok(vm.new_tuple(vec![new_float(this(a))]))
}

static FLOAT_METHODS: &[MethodDef] = &[
    MethodDef::new("is_integer", float_is_integer),
    MethodDef::new("conjugate", float_conjugate),
    MethodDef::new("as_integer_ratio", float_as_integer_ratio),
    MethodDef::new("hex", float_hex),
    MethodDef::class("fromhex", float_fromhex),
    MethodDef::new("__trunc__", float_trunc),
    MethodDef::new("__floor__", float_floor),
    MethodDef::new("__ceil__", float_ceil),
    MethodDef::new("__round__", float_round),
    MethodDef::new("__format__", float_format),
    MethodDef::new("__getnewargs__", float_getnewargs),
];

fn get_real(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(new_float(float_value(o).expect("float getter")))
}

fn get_imag(_: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(new_float(0.0))
}

static FLOAT_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("real", get_real),
    GetSetDef::getter("imag", get_imag),
];
