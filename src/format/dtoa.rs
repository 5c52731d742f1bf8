//! Decimal digits of a double, in the shape David Gay's `_Py_dg_dtoa` hands
//! them to CPython: a digit string without trailing zeros plus the position
//! of the decimal point.
//!
//! The digits themselves come from Rust's float formatting, which is exact:
//! `{:e}` gives the shortest digits that round-trip (dtoa mode 0), and a
//! precision gives correctly rounded digits, ties to even on the exact binary
//! value (modes 2 and 3). Only the repackaging is done here.

/// Which digits to produce (`_Py_dg_dtoa`'s `mode` and `ndigits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Mode 0: the shortest string that reads back as the same double.
    Shortest,
    /// Mode 2: this many significant digits (at least 1).
    Significant(usize),
    /// Mode 3: digits through this many places after the decimal point.
    Fixed(usize),
}

/// Digits of `|x|` as `_Py_dg_dtoa` returns them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Digits {
    /// ASCII digits, no trailing zeros. `"0"` for zero; empty when mode 3
    /// rounds a nonzero value to zero.
    pub digits: String,
    /// The decimal point sits after this many digits (may be negative or
    /// past the end).
    pub decpt: i64,
    /// The sign bit of `x` (so `-0.0` is negative).
    pub negative: bool,
}

/// More significant digits than any double has (the longest exact expansion
/// of a double has 767 of them), so asking for more only adds zeros.
const MAX_SIGNIFICANT: usize = 800;
/// More places after the point than any double needs (its exact value ends
/// within 1074 places).
const MAX_FIXED: usize = 1100;

/// `_Py_dg_dtoa(x, mode, ndigits, ...)` for finite `x`.
pub(crate) fn dtoa(x: f64, mode: Mode) -> Digits {
    debug_assert!(x.is_finite());
    let negative = x.is_sign_negative();
    let a = x.abs();
    if a == 0.0 {
        return Digits {
            digits: "0".to_owned(),
            decpt: 1,
            negative,
        };
    }
    let (digits, decpt) = match mode {
        Mode::Shortest => shortest(a),
        Mode::Significant(n) => {
            let n = n.clamp(1, MAX_SIGNIFICANT);
            from_exponential(&format!("{:.*e}", n - 1, a))
        }
        Mode::Fixed(n) => {
            let (digits, decpt) = from_fixed(&format!("{:.*}", n.min(MAX_FIXED), a));
            if digits.is_empty() {
                // Gay's "no digits" result: the value rounded to zero.
                (digits, -(n as i64))
            } else {
                (digits, decpt)
            }
        }
    };
    Digits {
        digits,
        decpt,
        negative,
    }
}

/// Mode 0 for positive finite `a`.
///
/// Rust and Gay agree on the number of digits and, nearly always, on the
/// digits: both take the candidate nearest to `a`. They differ when `a` lies
/// exactly halfway between two shortest candidates: Gay takes the one with
/// an even last digit, Rust the larger. In that case the correctly rounded
/// (ties to even) string of the same length is Gay's answer, provided it
/// reads back as `a`.
fn shortest(a: f64) -> (String, i64) {
    let (digits, decpt) = from_exponential(&format!("{a:e}"));
    if !may_be_halfway(a, digits.len()) {
        return (digits, decpt);
    }
    let even = format!("{:.*e}", digits.len() - 1, a);
    if even.parse::<f64>() == Ok(a) {
        return from_exponential(&even);
    }
    (digits, decpt)
}

/// Whether the exact decimal expansion of `a` (positive, finite) could be
/// `n + 1` significant digits ending in 5, i.e. halfway between two
/// `n`-digit decimals. Cheap and exact for all but huge values, for which
/// it answers yes.
fn may_be_halfway(a: f64, n: usize) -> bool {
    if n == 0 {
        return false;
    }
    let bits = a.to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let shift = m.trailing_zeros();
    m >>= shift;
    e += i64::from(shift);
    // The significant digits of the exact value, as an integer.
    let mut sig: u128 = if e < 0 {
        // m * 2**e = m * 5**-e / 10**-e, and m * 5**-e is odd.
        if -e > 25 {
            // At least 19 digits (5**26 > 10**18), and n is at most 17.
            return false;
        }
        u128::from(m) * 5u128.pow((-e) as u32)
    } else if e <= 74 {
        u128::from(m) << e
    } else {
        return true;
    };
    while sig.is_multiple_of(10) {
        sig /= 10;
    }
    sig % 10 == 5 && sig.ilog10() as usize == n
}

/// Split Rust's `d.ddde±n` into trimmed digits and decimal-point position.
fn from_exponential(s: &str) -> (String, i64) {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    trim_trailing_zeros(&mut digits);
    (digits, exp + 1)
}

/// Split Rust's `ddd.ddd` into trimmed digits and decimal-point position;
/// all-zero input gives no digits.
fn from_fixed(s: &str) -> (String, i64) {
    let (int_part, frac_part) = s.split_once('.').unwrap_or((s, ""));
    let int_part = int_part.trim_start_matches('0');
    let mut decpt = int_part.len() as i64;
    let mut digits = String::with_capacity(int_part.len() + frac_part.len());
    digits.push_str(int_part);
    if int_part.is_empty() {
        let frac = frac_part.trim_start_matches('0');
        decpt = -((frac_part.len() - frac.len()) as i64);
        digits.push_str(frac);
    } else {
        digits.push_str(frac_part);
    }
    trim_trailing_zeros(&mut digits);
    if digits.is_empty() {
        decpt = 0;
    }
    (digits, decpt)
}

fn trim_trailing_zeros(digits: &mut String) {
    let kept = digits.trim_end_matches('0').len();
    digits.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(x: f64, mode: Mode) -> (String, i64, bool) {
        let r = dtoa(x, mode);
        (r.digits, r.decpt, r.negative)
    }

    #[test]
    fn modes() {
        assert_eq!(d(0.1, Mode::Shortest), ("1".into(), 0, false));
        assert_eq!(d(-0.0, Mode::Shortest), ("0".into(), 1, true));
        assert_eq!(d(1e16, Mode::Shortest), ("1".into(), 17, false));
        assert_eq!(d(123.456, Mode::Significant(2)), ("12".into(), 3, false));
        assert_eq!(d(0.125, Mode::Significant(2)), ("12".into(), 0, false));
        assert_eq!(d(2.5, Mode::Fixed(0)), ("2".into(), 1, false));
        assert_eq!(d(0.96, Mode::Fixed(1)), ("1".into(), 1, false));
        assert_eq!(d(0.0004, Mode::Fixed(2)), ("".into(), -2, false));
        assert_eq!(d(0.006, Mode::Fixed(2)), ("1".into(), -1, false));
        assert_eq!(d(1.5, Mode::Fixed(100_000)), ("15".into(), 1, false));
    }
}
