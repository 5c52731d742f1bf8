//! `round()` of floats and ints: CPython's `float___round___impl` with
//! `double_round` (`Objects/floatobject.c`) and `long_round`
//! (`Objects/longobject.c`).
//!
//! Rounding is done on the exact value of the double, halves to even, which
//! is why `round(2.675, 2) == 2.67` (2.675 is really 2.67499999...).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::error::FormatError;

/// Above this many digits every double rounds to itself
/// (`NDIGITS_MAX`, `(DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103`).
const NDIGITS_MAX: i64 = 323;
/// Below this many digits every double rounds to zero
/// (`NDIGITS_MIN`, `-(DBL_MAX_EXP + 1) * 0.30103`).
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)` for a float: the double nearest to `x` rounded to
/// `ndigits` decimal places, halves to even on `x`'s exact value.
/// `OverflowError` "rounded value too large to represent" when the result
/// does not fit (`round(1.7e308, -308)`).
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    if !x.is_finite() {
        return Ok(x);
    }
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    if ndigits >= 0 {
        // Rust's fixed-point formatting is dtoa mode 3: correctly rounded,
        // halves to even on the exact value. Reading it back keeps the sign
        // of a result that rounds to zero (round(-0.4) is -0.0), and cannot
        // overflow.
        let text = format!("{:.*}", ndigits as usize, x);
        return Ok(text.parse().unwrap_or(x));
    }
    // x = mantissa * 2**exp exactly.
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exp) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    // x / 10**-ndigits as the fraction num / den.
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::from(10u32).pow(ndigits.unsigned_abs() as u32);
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    let q = div_round_half_even(&num, &den);
    // q * 10**-ndigits, correctly rounded to a double.
    let text = format!("{}{}e{}", if x < 0.0 { "-" } else { "" }, q, -ndigits);
    let rounded: f64 = text.parse().unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err(FormatError::overflow(
            "rounded value too large to represent",
        ));
    }
    Ok(rounded)
}

/// `round(x)` with no `ndigits`: the nearest integral double, halves to
/// even (the caller converts it to an int, raising for inf and nan).
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// `num / den` rounded to the nearest integer, halves to even (`den > 0`).
fn div_round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_mod_floor(den);
    let twice = &r << 1usize;
    if twice > *den || (twice == *den && q.is_odd()) {
        q + 1
    } else {
        q
    }
}

/// `round(v, ndigits)` for an int (`long_round` with `_PyLong_DivmodNear`):
/// unchanged for `ndigits >= 0`, else rounded to a multiple of
/// `10**-ndigits`, halves to even.
///
/// CPython computes `10**-ndigits` even when it dwarfs `v` (and so can run
/// out of memory for absurd `ndigits`); the result is then 0, which is
/// returned here without the big power.
pub fn round_int(v: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 || v.is_zero() {
        return v.clone();
    }
    let places = ndigits.unsigned_abs();
    // |v| < 2**bits <= 10**(bits * log10(2) + 1): more places than that
    // leaves |v| below half the power, which rounds to 0.
    let max_places = v.bits() * 30103 / 100_000 + 2;
    if places > max_places {
        return BigInt::zero();
    }
    let p = BigInt::from(10u32).pow(places as u32);
    let q = div_round_half_even(&v.abs(), &p);
    let r = q * p;
    if v.is_negative() { -r } else { r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats() {
        assert_eq!(round_float(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_float(0.5, 0).unwrap(), 0.0);
        assert_eq!(round_float(1.5, 0).unwrap(), 2.0);
        assert_eq!(round_float(2.5, 0).unwrap(), 2.0);
        assert_eq!(round_float(1234.5678, -2).unwrap(), 1200.0);
        assert!(round_float(-0.4, 0).unwrap().is_sign_negative());
        assert_eq!(round_float(5e-324, 400).unwrap(), 5e-324);
        assert_eq!(round_float(1e300, -400).unwrap(), 0.0);
        assert_eq!(
            round_float(1.7976931348623157e308, -308)
                .unwrap_err()
                .message(),
            "rounded value too large to represent"
        );
        assert_eq!(round_half_even(2.5), 2.0);
        assert_eq!(round_half_even(-3.5), -4.0);
    }

    #[test]
    fn ints() {
        let r = |v: i64, n| round_int(&BigInt::from(v), n).to_string();
        assert_eq!(r(1250, -2), "1200");
        assert_eq!(r(1350, -2), "1400");
        assert_eq!(r(-1250, -2), "-1200");
        assert_eq!(r(-1251, -2), "-1300");
        assert_eq!(r(5, -1), "0");
        assert_eq!(r(15, -1), "20");
        assert_eq!(r(12345, 3), "12345");
        assert_eq!(r(999, -1_000_000_000_000), "0");
    }
}
