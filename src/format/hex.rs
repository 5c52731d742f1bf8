//! `float.hex()` and `float.fromhex()` (`float_hex_impl` and
//! `float_fromhex` in `Objects/floatobject.c`).

use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};

use super::error::FormatError;
use super::float_repr::repr;
use super::unicode::is_ascii_space;

/// `float.hex(x)`: `0x1.8000000000000p+1` for 3.0, always 13 hex digits
/// after the point; `inf`, `-inf` and `nan` as `repr` gives them.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!(
        "{sign}0x{lead}.{fraction:013x}p{esign}{}",
        exp.unsigned_abs()
    )
}

fn parse_error() -> FormatError {
    FormatError::value("invalid hexadecimal floating-point string")
}

fn overflow_error() -> FormatError {
    FormatError::overflow("hexadecimal value too large to represent as a float")
}

/// `2**e` for `-1074 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// `float.fromhex(s)`: `[sign]['0x']hex[.hex]['p'[sign]dec]` or
/// `inf`/`infinity`/`nan`, surrounded by optional ASCII whitespace;
/// correctly rounded, halves to even.
pub fn parse_hex_float(s: &str) -> Result<f64, FormatError> {
    let s = s.as_bytes();
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let (x, negate, end) = match parse_inf_or_nan(&s[i..]) {
        Some((x, used)) => (x, false, i + used),
        None => parse_hex_body(s, i)?,
    };
    let mut i = end;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if i != s.len() {
        return Err(parse_error());
    }
    Ok(if negate { -x } else { x })
}

/// `_Py_parse_inf_or_nan`: the value and the bytes used, if `s` starts with
/// an optionally signed `inf`, `infinity` or `nan` (any case).
fn parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (negative, i) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let starts = |at: usize, word: &[u8]| {
        s.get(at..at + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    let (x, used) = if starts(i, b"inf") {
        let n = if starts(i + 3, b"inity") { 8 } else { 3 };
        (f64::INFINITY, i + n)
    } else if starts(i, b"nan") {
        (f64::NAN, i + 3)
    } else {
        return None;
    };
    Some((if negative { -x } else { x }, used))
}

/// The finite part of `float_fromhex`: returns the magnitude, whether to
/// negate it, and where the number ended.
fn parse_hex_body(s: &[u8], mut i: usize) -> Result<(f64, bool, usize), FormatError> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut negate = false;
    match at(i) {
        b'-' => {
            negate = true;
            i += 1;
        }
        b'+' => i += 1,
        _ => {}
    }
    if at(i) == b'0' && matches!(at(i + 1), b'x' | b'X') {
        i += 2;
    }
    let int_start = i;
    while at(i).is_ascii_hexdigit() {
        i += 1;
    }
    let int_digits = &s[int_start..i];
    let mut frac_digits: &[u8] = &[];
    if at(i) == b'.' {
        let start = i + 1;
        i = start;
        while at(i).is_ascii_hexdigit() {
            i += 1;
        }
        frac_digits = &s[start..i];
    }
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(parse_error());
    }
    let mut exp: i64 = 0;
    if matches!(at(i), b'p' | b'P') {
        i += 1;
        let start = i;
        if matches!(at(i), b'+' | b'-') {
            i += 1;
        }
        if !at(i).is_ascii_digit() {
            return Err(parse_error());
        }
        while at(i).is_ascii_digit() {
            i += 1;
        }
        // strtol: saturate on overflow.
        let text = std::str::from_utf8(&s[start..i]).unwrap_or("0");
        exp = text
            .parse::<i64>()
            .unwrap_or(if s[start] == b'-' { i64::MIN } else { i64::MAX });
    }

    let mut coefficient = Vec::with_capacity(int_digits.len() + frac_digits.len());
    coefficient.extend_from_slice(int_digits);
    coefficient.extend_from_slice(frac_digits);
    let m = BigUint::parse_bytes(&coefficient, 16).unwrap_or_default();
    if m.is_zero() || exp < i64::MIN / 2 {
        return Ok((0.0, negate, i));
    }
    if exp > i64::MAX / 2 {
        return Err(overflow_error());
    }
    // value = m * 2**e2, and 2**(top_exp-1) <= value < 2**top_exp.
    let e2 = i128::from(exp) - 4 * frac_digits.len() as i128;
    let top_exp = e2 + i128::from(m.bits());
    if top_exp < -1021 - 53 {
        return Ok((0.0, negate, i));
    }
    if top_exp > 1024 {
        return Err(overflow_error());
    }
    // Exponent of the last bit the double can keep.
    let lsb = top_exp.max(-1021) - 53;
    let x = if e2 >= lsb {
        m.to_f64().unwrap_or(0.0) * pow2(e2 as i64)
    } else {
        let shift = (lsb - e2) as u64;
        let mut q = &m >> shift;
        let rem = &m - (&q << shift);
        let half = BigUint::from(1u8) << (shift - 1);
        let odd = q.bit(0);
        if rem > half || (rem == half && odd) {
            q += 1u8;
            if top_exp == 1024 && q.bits() > 53 {
                return Err(overflow_error());
            }
        }
        q.to_f64().unwrap_or(0.0) * pow2(lsb as i64)
    };
    Ok((x, negate, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_out() {
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(f64::INFINITY), "inf");
    }

    #[test]
    fn hex_in() {
        assert_eq!(parse_hex_float(" 0x1.8p1 ").unwrap(), 3.0);
        assert_eq!(parse_hex_float("-0x.8").unwrap(), -0.5);
        assert_eq!(parse_hex_float("1p-1074").unwrap(), 5e-324);
        assert_eq!(parse_hex_float("0x1p-1075").unwrap(), 0.0);
        assert_eq!(parse_hex_float("0x3p-1076").unwrap(), 5e-324 * 1.0);
        assert_eq!(parse_hex_float("-Infinity").unwrap(), f64::NEG_INFINITY);
        assert_eq!(
            parse_hex_float("0x1.fffffffffffff8p1023")
                .unwrap_err()
                .message(),
            "hexadecimal value too large to represent as a float"
        );
        assert_eq!(
            parse_hex_float("0x").unwrap_err().message(),
            "invalid hexadecimal floating-point string"
        );
        assert_eq!(
            parse_hex_float("1p").unwrap_err().message(),
            "invalid hexadecimal floating-point string"
        );
        for x in [0.1, 1e300, 5e-324, 2.2250738585072014e-308, 123.456] {
            assert_eq!(parse_hex_float(&float_hex(x)).unwrap(), x);
        }
    }
}
