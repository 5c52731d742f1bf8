//! `int()` construction and the methods and attributes of `int`.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use super::{IntRef, int_ref, new_bigint, new_int, new_int_of_type, new_usize};
use crate::objects::args::{self, Signature};
use crate::objects::bytes::bytes_like_data;
use crate::objects::float::FloatObject;
use crate::objects::str::StrObject;
use crate::objects::typeobject::{GetSetDef, MethodDef, as_type};
use crate::objects::{Obj, PyResult, Vm, bool_};

/// `int(x=0, /, base=10)` (CPython's `long_new_impl`).
pub fn int_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("int", &["x", "base"], 0).posonly(1);
    let ty = as_type(cls).expect("int_new called with a non-type");
    if args::npos(a, kw) > 2 {
        args::check_positional_count(vm, "int", args::npos(a, kw), 0, 2)?;
    }
    let [x, base] = args::parse::<2>(vm, &SIG, a, kw)?;
    let value = match (x, base) {
        (None, None) => BigInt::zero(),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => to_int_value(vm, &x)?,
        (Some(x), Some(base)) => {
            let b = vm.to_i64(&base)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let text = if let Some(s) = x.downcast::<StrObject>() {
                s.as_str().to_string()
            } else if let Some(data) = bytes_like_data(&x) {
                String::from_utf8_lossy(&data).into_owned()
            } else {
                return Err(vm.type_error("int() can't convert non-string with explicit base"));
            };
            parse_int_text(vm, &text, b as u32, &x)?
        }
    };
    Ok(new_int_of_type(ty, value))
}

/// `int(x)` with one argument (CPython's `PyNumber_Long`).
fn to_int_value(vm: &mut Vm, x: &Obj) -> PyResult<BigInt> {
    if let Some(r) = int_ref(x) {
        return Ok(r.to_bigint());
    }
    if let Some(f) = x.downcast::<FloatObject>() {
        return float_to_int(vm, f.value);
    }
    if let Some(s) = x.downcast::<StrObject>() {
        let text = s.as_str().to_string();
        return parse_int_text(vm, &text, 10, x);
    }
    if let Some(data) = bytes_like_data(x) {
        let text = String::from_utf8_lossy(&data).into_owned();
        return parse_int_text(vm, &text, 10, x);
    }
    if let Some(f) = x.class().slots.nb_int.get() {
        let r = f(vm, x)?;
        return match int_ref(&r) {
            Some(v) => Ok(v.to_bigint()),
            None => Err(vm.type_error(format!(
                "__int__ returned non-int (type {})",
                r.class().name()
            ))),
        };
    }
    if x.class().slots.nb_index.get().is_some() {
        let r = vm.index(x)?;
        return Ok(int_ref(&r).map(|v| v.to_bigint()).unwrap_or_default());
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.class().name()
    )))
}

/// Truncates a float towards zero (CPython's `PyLong_FromDouble`).
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(super::ops::float_to_bigint(f.trunc()))
}

/// Parses `text` as `int(text, base)` does, with CPython's error messages.
pub fn parse_int_text(vm: &mut Vm, text: &str, base: u32, original: &Obj) -> PyResult<BigInt> {
    let limit = vm.config.int_max_str_digits;
    match crate::format::parse::parse_int(text, base) {
        Ok(v) => {
            let digits = text
                .trim()
                .trim_start_matches(['+', '-'])
                .replace('_', "")
                .len();
            if limit > 0 && !base.is_power_of_two() && base != 0 && digits > limit {
                return Err(vm.value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            Ok(v)
        }
        Err(_) => {
            let r = vm.repr(original)?;
            let shown = crate::objects::str::str_value(&r).to_string();
            Err(vm.value_error(format!(
                "invalid literal for int() with base {base}: {shown}"
            )))
        }
    }
}

fn this(a: &[Obj]) -> IntRef<'_> {
    int_ref(&a[0]).expect("int method called on a non-int")
}

fn int_bit_length(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "int.bit_length", &a[1..], kw)?;
    Ok(new_usize(match this(a) {
        IntRef::Small(v) => 64 - v.unsigned_abs().leading_zeros() as usize,
        IntRef::Big(b) => b.bits() as usize,
    }))
}

fn int_bit_count(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "int.bit_count", &a[1..], kw)?;
    Ok(new_usize(match this(a) {
        IntRef::Small(v) => v.unsigned_abs().count_ones() as usize,
        IntRef::Big(b) => b.magnitude().count_ones() as usize,
    }))
}

fn int_conjugate(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "int.conjugate", &a[1..], kw)?;
    Ok(new_bigint(this(a).to_bigint()))
}

fn int_self(vm: &mut Vm, a: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    let _ = vm;
    Ok(new_bigint(this(a).to_bigint()))
}

fn int_is_integer(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "int.is_integer", &a[1..], kw)?;
    Ok(bool_::new_bool(true))
}

fn int_as_integer_ratio(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "int.as_integer_ratio", &a[1..], kw)?;
    let n = new_bigint(this(a).to_bigint());
    Ok(vm.new_tuple(vec![n, new_int(1)]))
}

fn int_round(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "__round__", &a[1..], kw, 0, 1)?;
    let v = this(a).to_bigint();
    let Some(nd) = rest.first().filter(|o| !o.is_none()) else {
        return Ok(new_bigint(v));
    };
    let nd = vm.index(nd)?;
    let nd = int_ref(&nd).map(|r| r.to_bigint()).unwrap_or_default();
    if !nd.is_negative() {
        return Ok(new_bigint(v));
    }
    // Round to a multiple of 10**-nd, half to even.
    let Some(k) = (-nd).to_u32().filter(|k| *k < 100_000) else {
        return Ok(new_int(0));
    };
    let pow = num_traits::pow(BigInt::from(10), k as usize);
    Ok(new_bigint(round_half_even_multiple(&v, &pow)))
}

/// Rounds `v` to the nearest multiple of `m` (> 0), ties to even multiples.
pub fn round_half_even_multiple(v: &BigInt, m: &BigInt) -> BigInt {
    use num_integer::Integer;
    let (q, r) = v.div_mod_floor(m);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(m) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    q * m
}

fn int_to_bytes(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature =
        Signature::new("to_bytes", &["length", "byteorder", "signed"], 0).kwonly(2);
    let [length, byteorder, signed] = args::parse::<3>(vm, &SIG, &a[1..], kw)?;
    let length = match length {
        Some(l) => vm.to_isize(&l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_is_little(vm, byteorder)?;
    let signed = match signed {
        Some(s) => vm.is_true(&s)?,
        None => false,
    };
    let v = this(a).to_bigint();
    if v.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        v.to_signed_bytes_le()
    } else {
        v.to_bytes_le().1
    };
    if v.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn byteorder_is_little(vm: &mut Vm, byteorder: Option<Obj>) -> PyResult<bool> {
    match byteorder {
        None => Ok(false),
        Some(o) => match o.downcast::<StrObject>().map(|s| s.as_str()) {
            Some("little") => Ok(true),
            Some("big") => Ok(false),
            Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
            None => Err(vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                o.class().name()
            ))),
        },
    }
}

fn int_from_bytes(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature =
        Signature::new("from_bytes", &["bytes", "byteorder", "signed"], 1).kwonly(2);
    let [data, byteorder, signed] = args::parse::<3>(vm, &SIG, &a[1..], kw)?;
    let data = data.expect("required argument");
    let bytes: Vec<u8> = match bytes_like_data(&data) {
        Some(b) => b.to_vec(),
        None => {
            let items = vm.collect(&data)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let v = vm.to_i64(&it)?;
                match u8::try_from(v) {
                    Ok(b) => out.push(b),
                    Err(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    let little = byteorder_is_little(vm, byteorder)?;
    let signed = match signed {
        Some(s) => vm.is_true(&s)?,
        None => false,
    };
    let v = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&bytes),
        (false, true) => BigInt::from_signed_bytes_be(&bytes),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &bytes),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &bytes),
    };
    let cls = as_type(&a[0]).expect("from_bytes bound to a non-type");
    let result = new_int_of_type(&super::INT_TYPE, v);
    if std::ptr::eq(cls, &super::INT_TYPE) {
        Ok(result)
    } else {
        vm.call(&a[0], &[result], None)
    }
}

fn int_format(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "__format__", &a[1..], kw, 1, 1)?;
    let spec = vm.expect_str(&rest[0], "format_spec")?;
    if spec.is_empty() {
        return vm.str(&a[0]);
    }
    let v = this(a).to_bigint();
    let type_name = a[0].class().name();
    let max_digits = vm.config.int_max_str_digits;
    let text = crate::objects::float::format_with(vm, &spec, |sp| {
        crate::format::number::format_int_with(&v, sp, &type_name, max_digits)
    })?;
    Ok(vm.new_str(&text))
}

fn int_sizeof(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "int.__sizeof__", &a[1..], kw)?;
    let digits = match this(a) {
        IntRef::Small(v) => ((64 - v.unsigned_abs().leading_zeros()) as usize)
            .div_ceil(30)
            .max(1),
        IntRef::Big(b) => (b.bits() as usize).div_ceil(30),
    };
    Ok(new_usize(24 + 4 * digits))
}

fn int_getnewargs(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "int.__getnewargs__", &a[1..], kw)?;
    let v = new_bigint(this(a).to_bigint());
    Ok(vm.new_tuple(vec![v]))
}

pub static INT_METHODS: &[MethodDef] = &[
    MethodDef::new("bit_length", int_bit_length),
    MethodDef::new("bit_count", int_bit_count),
    MethodDef::new("conjugate", int_conjugate),
    MethodDef::new("is_integer", int_is_integer),
    MethodDef::new("as_integer_ratio", int_as_integer_ratio),
    MethodDef::new("to_bytes", int_to_bytes),
    MethodDef::class("from_bytes", int_from_bytes),
    MethodDef::new("__round__", int_round),
    MethodDef::new("__trunc__", int_self),
    MethodDef::new("__floor__", int_self),
    MethodDef::new("__ceil__", int_self),
    MethodDef::new("__format__", int_format),
    MethodDef::new("__sizeof__", int_sizeof),
    MethodDef::new("__getnewargs__", int_getnewargs),
];

fn get_real(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(new_bigint(int_ref(o).expect("int getter").to_bigint()))
}

fn get_imag(_: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(new_int(0))
}

fn get_one(_: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(new_int(1))
}

pub static INT_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("real", get_real),
    GetSetDef::getter("imag", get_imag),
    GetSetDef::getter("numerator", get_real),
    GetSetDef::getter("denominator", get_one),
];
