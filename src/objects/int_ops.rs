//! The arithmetic, comparison and conversion slots of `int`.
//!
//! Each binary slot returns NotImplemented unless both operands are ints,
//! like CPython's `CHECK_BINOP`; the small-int paths use checked machine
//! arithmetic and fall back to `BigInt` on overflow.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{IntRef, int_ref, new_bigint, new_i128, new_int};
use crate::objects::float::new_float;
use crate::objects::typeobject::CompareOp;
use crate::objects::{Obj, PyResult, Vm, bool_};

/// The modulus of numeric hashes: 2**61 - 1 (CPython's `_PyHASH_MODULUS`).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `hash(float('inf'))`.
pub const HASH_INF: i64 = 314159;

macro_rules! both_ints {
    ($a:expr, $b:expr) => {
        match (int_ref($a), int_ref($b)) {
            (Some(x), Some(y)) => (x, y),
            _ => return Ok(Obj::not_implemented()),
        }
    };
}

pub fn int_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let v = int_ref(a).expect("int_repr on a non-int");
    let s = int_to_decimal(vm, v)?;
    Ok(vm.new_str(&s))
}

/// Decimal text of an int, enforcing `sys.int_info.str_digits_check_threshold`
/// / `sys.get_int_max_str_digits()` as CPython's `long_to_decimal_string`.
pub fn int_to_decimal(vm: &mut Vm, v: IntRef<'_>) -> PyResult<String> {
    let s = v.to_string();
    let limit = vm.config.int_max_str_digits;
    let digits = s.len() - usize::from(s.starts_with('-'));
    if limit > 0 && digits > limit {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

/// `hash(int)`: the value reduced modulo 2**61 - 1, keeping the sign, with
/// -1 mapped to -2 (CPython's `long_hash`).
pub fn hash_int(v: IntRef<'_>) -> i64 {
    let h = match v {
        IntRef::Small(x) => {
            let m = (x.unsigned_abs() % HASH_MODULUS) as i64;
            if x < 0 { -m } else { m }
        }
        IntRef::Big(b) => {
            let m = (b.magnitude() % HASH_MODULUS).to_i64().unwrap_or(0);
            if b.is_negative() { -m } else { m }
        }
    };
    if h == -1 { -2 } else { h }
}

pub fn int_hash(_: &mut Vm, a: &Obj) -> PyResult<i64> {
    Ok(hash_int(int_ref(a).expect("int_hash on a non-int")))
}

pub fn int_richcompare(_: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let (x, y) = both_ints!(a, b);
    Ok(bool_::new_bool(op.test(x.compare(y))))
}

pub fn int_add(_: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    Ok(match both_ints!(a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => new_i128(x as i128 + y as i128),
        (x, y) => new_bigint(x.to_bigint() + y.to_bigint()),
    })
}

pub fn int_sub(_: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    Ok(match both_ints!(a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => new_i128(x as i128 - y as i128),
        (x, y) => new_bigint(x.to_bigint() - y.to_bigint()),
    })
}

pub fn int_mul(_: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    Ok(match both_ints!(a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => new_i128(x as i128 * y as i128),
        (x, y) => new_bigint(x.to_bigint() * y.to_bigint()),
    })
}

fn zero_division(vm: &mut Vm) -> crate::objects::PyErr {
    vm.zero_division_error("division by zero")
}

/// Floor division and modulo with Python's signs, for machine ints.
fn small_divmod(x: i64, y: i64) -> Option<(i64, i64)> {
    let q = x.checked_div(y)?;
    let r = x.checked_rem(y)?;
    if r != 0 && ((r < 0) != (y < 0)) {
        Some((q - 1, r + y))
    } else {
        Some((q, r))
    }
}

pub fn int_floordiv(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_ints!(a, b);
    if y.is_zero() {
        return Err(zero_division(vm));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (x, y)
        && let Some((q, _)) = small_divmod(x, y)
    {
        return Ok(new_int(q));
    }
    Ok(new_bigint(x.to_bigint().div_floor(&y.to_bigint())))
}

pub fn int_mod(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_ints!(a, b);
    if y.is_zero() {
        return Err(zero_division(vm));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (x, y)
        && let Some((_, r)) = small_divmod(x, y)
    {
        return Ok(new_int(r));
    }
    Ok(new_bigint(x.to_bigint().mod_floor(&y.to_bigint())))
}

pub fn int_divmod(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_ints!(a, b);
    if y.is_zero() {
        return Err(zero_division(vm));
    }
    let (q, r) = match (x, y) {
        (IntRef::Small(x), IntRef::Small(y)) if small_divmod(x, y).is_some() => {
            let (q, r) = small_divmod(x, y).unwrap_or_default();
            (new_int(q), new_int(r))
        }
        _ => {
            let (q, r) = x.to_bigint().div_mod_floor(&y.to_bigint());
            (new_bigint(q), new_bigint(r))
        }
    };
    Ok(vm.new_tuple(vec![q, r]))
}

pub fn int_truediv(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_ints!(a, b);
    if y.is_zero() {
        return Err(zero_division(vm));
    }
    match true_divide(x, y) {
        Some(f) => Ok(new_float(f)),
        None => Err(vm.overflow_error("integer division result too large for a float")),
    }
}

/// Correctly rounded `a / b` for ints (CPython's `long_true_divide`):
/// exact operands below 2**53 divide directly; otherwise the quotient is
/// computed with two guard bits and a sticky bit, then rounded half to even.
/// None on overflow.
pub fn true_divide(a: IntRef<'_>, b: IntRef<'_>) -> Option<f64> {
    const MANT: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && x.unsigned_abs() <= 1 << MANT
        && y.unsigned_abs() <= 1 << MANT
    {
        return Some(x as f64 / y as f64);
    }
    let negate = a.is_negative() != b.is_negative();
    let an = a.to_bigint().abs();
    let bn = b.to_bigint().abs();
    if an.is_zero() {
        return Some(if negate { -0.0 } else { 0.0 });
    }
    let diff = an.bits() as i64 - bn.bits() as i64;
    if diff > MAX_EXP {
        return None;
    }
    if diff < MIN_EXP - MANT - 1 {
        return Some(if negate { -0.0 } else { 0.0 });
    }
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let (num, den) = if shift >= 0 {
        (an, bn << shift as usize)
    } else {
        (an << (-shift) as usize, bn)
    };
    let (q, r) = num.div_rem(&den);
    let mut x = q.to_u64().unwrap_or(u64::MAX);
    let inexact = !r.is_zero();
    let x_bits = 64 - x.leading_zeros() as i64;
    let extra_bits = x_bits.max(MIN_EXP - shift) - MANT;
    if extra_bits > 0 {
        let mask: u64 = 1 << (extra_bits - 1);
        let mut low = x & (2 * mask - 1);
        if inexact {
            low |= 1;
        }
        x &= !(2 * mask - 1);
        if (low & mask) != 0 && (low & (3 * mask - 1)) != 0 {
            x += 2 * mask;
        }
    }
    let dx = x as f64;
    let exp = shift + 64 - x.leading_zeros() as i64;
    if exp > MAX_EXP {
        return None;
    }
    let result = ldexp(dx, shift);
    if result.is_infinite() {
        return None;
    }
    Some(if negate { -result } else { result })
}

/// `x * 2**e`. Exact whenever the result is representable and `x` is an
/// integer-valued float of at least 1 (every intermediate stays normal);
/// otherwise the last multiplication rounds once.
pub fn ldexp(mut x: f64, e: i64) -> f64 {
    let mut e = e.clamp(-3000, 3000);
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

pub fn int_pow2(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    int_pow(vm, a, b, &Obj::none())
}

/// `a ** b` and `pow(a, b, m)` (CPython's `long_pow`).
pub fn int_pow(vm: &mut Vm, a: &Obj, b: &Obj, m: &Obj) -> PyResult<Obj> {
    let (x, y) = both_ints!(a, b);
    if m.is_none() {
        if y.is_negative() {
            let (Some(fx), Some(fy)) = (x.to_f64(), y.to_f64()) else {
                return Err(vm.overflow_error("int too large to convert to float"));
            };
            return crate::objects::float::float_pow_values(vm, fx, fy);
        }
        return int_pow_nonneg(vm, x, y);
    }
    let Some(z) = int_ref(m) else {
        return Ok(Obj::not_implemented());
    };
    if z.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let zb = z.to_bigint();
    let mut base = x.to_bigint();
    let mut exp = y.to_bigint();
    if exp.is_negative() {
        match mod_inverse(&base, &zb.abs()) {
            Some(inv) => base = inv,
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        }
        exp = -exp;
    }
    if zb.abs().is_one() {
        return Ok(new_int(0));
    }
    Ok(new_bigint(base.modpow(&exp, &zb)))
}

fn int_pow_nonneg(vm: &mut Vm, x: IntRef<'_>, y: IntRef<'_>) -> PyResult<Obj> {
    if let (IntRef::Small(b), IntRef::Small(e)) = (x, y)
        && let Ok(e32) = u32::try_from(e)
        && let Some(r) = b.checked_pow(e32)
    {
        return Ok(new_int(r));
    }
    let base = x.to_bigint();
    if base.is_zero() || base.is_one() {
        return Ok(new_bigint(base));
    }
    if base == BigInt::from(-1) {
        let odd = match y {
            IntRef::Small(e) => e & 1 == 1,
            IntRef::Big(e) => e.is_odd(),
        };
        return Ok(new_int(if odd { -1 } else { 1 }));
    }
    let e = match y.to_i64().and_then(|e| u32::try_from(e).ok()) {
        Some(e) if (base.bits() as u128) * (e as u128) < (1u128 << 36) => e,
        _ => return Err(vm.memory_error()),
    };
    Ok(new_bigint(num_traits::pow(base, e as usize)))
}

/// The inverse of `a` modulo `m` (m > 0), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let a = a.mod_floor(m);
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

pub fn int_lshift(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_ints!(a, b);
    if y.is_negative() {
        return Err(vm.value_error("negative shift count"));
    }
    if x.is_zero() {
        return Ok(new_int(0));
    }
    let Some(n) = y.to_i64().filter(|n| *n < (1 << 40)) else {
        return Err(vm.overflow_error("too many digits in integer"));
    };
    if let IntRef::Small(v) = x
        && n < 62
        && let Some(r) = v.checked_mul(1i64 << n)
    {
        return Ok(new_int(r));
    }
    if (x.to_bigint().bits() as i64 + n) > (1 << 36) {
        return Err(vm.memory_error());
    }
    Ok(new_bigint(x.to_bigint() << n as usize))
}

pub fn int_rshift(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (x, y) = both_ints!(a, b);
    if y.is_negative() {
        return Err(vm.value_error("negative shift count"));
    }
    let n = match y.to_i64() {
        Some(n) => n,
        None => return Ok(new_int(if x.is_negative() { -1 } else { 0 })),
    };
    if let IntRef::Small(v) = x {
        return Ok(new_int(if n >= 64 {
            if v < 0 { -1 } else { 0 }
        } else {
            v >> n
        }));
    }
    if n > x.to_bigint().bits() as i64 {
        return Ok(new_int(if x.is_negative() { -1 } else { 0 }));
    }
    Ok(new_bigint(x.to_bigint() >> n as usize))
}

macro_rules! bitwise {
    ($name:ident, $op:tt) => {
        pub fn $name(_: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
            Ok(match both_ints!(a, b) {
                (IntRef::Small(x), IntRef::Small(y)) => new_int(x $op y),
                (x, y) => new_bigint(x.to_bigint() $op y.to_bigint()),
            })
        }
    };
}
bitwise!(int_and_values, &);
bitwise!(int_or_values, |);
bitwise!(int_xor_values, ^);

/// `int & int`; `bool & bool` stays a bool (bool's own slot handles that).
pub fn int_and(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    int_and_values(vm, a, b)
}
pub fn int_or(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    int_or_values(vm, a, b)
}
pub fn int_xor(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    int_xor_values(vm, a, b)
}

pub fn int_neg(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(match int_ref(a).expect("int slot on non-int") {
        IntRef::Small(v) => new_i128(-(v as i128)),
        IntRef::Big(b) => new_bigint(-b),
    })
}

/// `+x`, `int(x)`, `x.__index__()`: the same value as an exact int.
pub fn int_pos(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    if super::is_exact_int(a) {
        return Ok(a.clone());
    }
    Ok(new_bigint(
        int_ref(a).expect("int slot on non-int").to_bigint(),
    ))
}

pub fn int_abs(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(match int_ref(a).expect("int slot on non-int") {
        IntRef::Small(v) => new_i128((v as i128).abs()),
        IntRef::Big(b) => new_bigint(b.abs()),
    })
}

pub fn int_invert(_: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(match int_ref(a).expect("int slot on non-int") {
        IntRef::Small(v) => new_int(!v),
        IntRef::Big(b) => new_bigint(-b - 1),
    })
}

pub fn int_bool(_: &mut Vm, a: &Obj) -> PyResult<bool> {
    Ok(!int_ref(a).expect("int slot on non-int").is_zero())
}

pub fn int_float(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    match int_ref(a).expect("int slot on non-int").to_f64() {
        Some(f) => Ok(new_float(f)),
        None => Err(vm.overflow_error("int too large to convert to float")),
    }
}

/// Compares an int with a float exactly (CPython's `float_richcompare`
/// int branch): no precision is lost for huge ints or non-integral floats.
pub fn compare_int_float(i: IntRef<'_>, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntRef::Small(v) = i
        && v.unsigned_abs() <= 1 << 53
    {
        return (v as f64).partial_cmp(&f);
    }
    // Compare the int with floor(f), then the fractional part breaks ties.
    let fl = f.floor();
    let fb = float_to_bigint(fl);
    let ib = i.to_bigint();
    match ib.cmp(&fb) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// The exact integer value of an integral finite float.
pub fn float_to_bigint(f: f64) -> BigInt {
    debug_assert!(f.is_finite());
    if f.abs() < 9.2e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mag = BigInt::from(mant) << exp.max(0) as usize;
    if f < 0.0 { -mag } else { mag }
}
