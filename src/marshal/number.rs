//! Numbers in marshal data: ints as base-2**15 digits (`TYPE_LONG`) and
//! floats as text (`TYPE_FLOAT`, `TYPE_COMPLEX`, marshal versions 0 and 1).
//!
//! Kept apart from the reader so the bit packing and the text grammar can be
//! checked on their own.

use num_bigint::{BigInt, BigUint, Sign};

use super::error::{ErrorKind, MarshalError};

/// Bits per marshal digit (`PyLong_MARSHAL_SHIFT`).
pub(crate) const MARSHAL_SHIFT: u32 = 15;
/// `PyLong_MARSHAL_BASE - 1`.
const MARSHAL_MASK: u64 = (1 << MARSHAL_SHIFT) - 1;

/// Builds the int whose magnitude has the given little-endian base-2**15
/// digits (each already checked to be below 2**15).
pub(crate) fn int_from_digits(negative: bool, digits: &[u16]) -> BigInt {
    let mut words: Vec<u32> = Vec::with_capacity(digits.len() / 2 + 1);
    let mut acc: u64 = 0;
    let mut bits: u32 = 0;
    for &d in digits {
        acc |= u64::from(d) << bits;
        bits += MARSHAL_SHIFT;
        if bits >= 32 {
            words.push(acc as u32);
            acc >>= 32;
            bits -= 32;
        }
    }
    if bits > 0 {
        words.push(acc as u32);
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    BigInt::from_biguint(sign, BigUint::new(words))
}

/// The little-endian base-2**15 digits of `|n|`, without leading zeros
/// (empty for zero), as `w_PyLong` writes them.
pub(crate) fn digits_of(n: &BigInt) -> Vec<u16> {
    let mut digits = Vec::new();
    let mut acc: u64 = 0;
    let mut bits: u32 = 0;
    for word in n.magnitude().iter_u32_digits() {
        acc |= u64::from(word) << bits;
        bits += 32;
        while bits >= MARSHAL_SHIFT {
            digits.push((acc & MARSHAL_MASK) as u16);
            acc >>= MARSHAL_SHIFT;
            bits -= MARSHAL_SHIFT;
        }
    }
    if bits > 0 {
        digits.push((acc & MARSHAL_MASK) as u16);
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    digits
}

/// Parses the text of a `TYPE_FLOAT` (what `r_float_str` hands to
/// `PyOS_string_to_double` with no end pointer and no overflow exception).
///
/// The text stops at the first NUL byte, as the C string does. Accepted:
/// an optional sign, then decimal digits with an optional point and
/// exponent, or `inf`, `infinity`, `nan` in any case. Overflow gives an
/// infinity and underflow zero, as `_Py_dg_strtod` does. Anything else is
/// CPython's `ValueError: could not convert string to float: '...'`.
pub(crate) fn parse_float_text(raw: &[u8]) -> Result<f64, MarshalError> {
    let text = match raw.iter().position(|&b| b == 0) {
        Some(nul) => &raw[..nul],
        None => raw,
    };
    parse_float_grammar(text).ok_or_else(|| {
        // `%.200s` cuts the C string at 200 bytes; the message is then
        // decoded as UTF-8 with replacement.
        let shown = &text[..text.len().min(200)];
        MarshalError::new(
            ErrorKind::ValueError,
            format!(
                "could not convert string to float: '{}'",
                String::from_utf8_lossy(shown)
            ),
        )
    })
}

fn parse_float_grammar(text: &[u8]) -> Option<f64> {
    let (negative, body) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let special = if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(x) = special {
        return Some(if negative { -x } else { x });
    }
    if !is_decimal_literal(body) {
        return None;
    }
    // The grammar was checked above, so Rust's parser (correctly rounded,
    // like `_Py_dg_strtod`) sees only forms both accept.
    let s = std::str::from_utf8(text).ok()?;
    s.parse::<f64>().ok()
}

/// `digits [. digits] [e [sign] digits]` with at least one mantissa digit.
fn is_decimal_literal(body: &[u8]) -> bool {
    let mut i = 0;
    let count_digits = |from: usize| {
        body[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let int_digits = count_digits(i);
    i += int_digits;
    let mut frac_digits = 0;
    if body.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = count_digits(i);
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(body.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = count_digits(i);
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_round_trip() {
        for n in [
            BigInt::from(0),
            BigInt::from(1),
            BigInt::from(32767),
            BigInt::from(32768),
            BigInt::from(-(1i64 << 40)),
            BigInt::from(u128::MAX),
        ] {
            let d = digits_of(&n);
            assert!(d.iter().all(|&x| u64::from(x) <= MARSHAL_MASK));
            let back = int_from_digits(n.sign() == Sign::Minus, &d);
            assert_eq!(back, n);
        }
    }

    #[test]
    fn float_text() {
        assert_eq!(parse_float_text(b"1.5").unwrap(), 1.5);
        assert_eq!(parse_float_text(b"1.").unwrap(), 1.0);
        assert_eq!(parse_float_text(b".5").unwrap(), 0.5);
        assert_eq!(parse_float_text(b"-iNfinity").unwrap(), f64::NEG_INFINITY);
        assert_eq!(parse_float_text(b"1e999").unwrap(), f64::INFINITY);
        assert_eq!(parse_float_text(b"1\0xy").unwrap(), 1.0);
        assert!(parse_float_text(b"-nan").unwrap().is_sign_negative());
        for bad in [
            &b""[..],
            b"1_0",
            b"0x10",
            b"1e",
            b" 1",
            b"1 ",
            b"nan(1)",
            b".",
            b"e5",
        ] {
            assert!(parse_float_text(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            parse_float_text(b"\xff").unwrap_err().message(),
            "could not convert string to float: '\u{fffd}'"
        );
    }
}
