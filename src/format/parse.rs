//! Text to numbers: what `float(str)` and `int(str, base)` accept
//! (`PyFloat_FromString`, `_Py_string_to_number_with_underscores`,
//! `_PyOS_ascii_strtod`, `PyLong_FromUnicodeObject`, `PyLong_FromString`,
//! `long_from_string_base`), and the `int_max_str_digits` guard.
//!
//! Both parsers first fold the text to ASCII as CPython does (Unicode
//! digits to ASCII digits, Unicode spaces to `' '`), so `float('١٢.٥')` works;
//! the `_bytes` variants take already-ASCII input, as `float(b'...')` does.
//! Decimal-to-binary rounding is Rust's `f64` parser, which is correctly
//! rounded like CPython's `_Py_dg_strtod`.

use num_bigint::BigInt;

use super::error::FormatError;
use super::unicode::{is_ascii_space, transform_decimal_and_space_to_ascii};
use super::{DEFAULT_MAX_STR_DIGITS, MAX_STR_DIGITS_THRESHOLD};

/// `float(s)` for a `str`: None when CPython raises `ValueError` (build its
/// message with [`invalid_float_literal`]).
pub fn parse_float(s: &str) -> Option<f64> {
    parse_float_bytes(&transform_decimal_and_space_to_ascii(s))
}

/// `float(b)` for ASCII text (`bytes`, or a `str` already folded to ASCII).
pub fn parse_float_bytes(s: &[u8]) -> Option<f64> {
    let s = strip_spaces(s);
    if s.contains(&b'_') {
        let cleaned = remove_underscores(s)?;
        ascii_strtod(&cleaned)
    } else {
        ascii_strtod(s)
    }
}

/// "could not convert string to float: ..." given the `repr()` of the
/// original argument.
pub fn invalid_float_literal(repr: &str) -> FormatError {
    FormatError::value(format!("could not convert string to float: {repr}"))
}

/// Strip leading and trailing ASCII whitespace, as `PyFloat_FromString` does.
fn strip_spaces(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|&b| !is_ascii_space(b))
        .unwrap_or(s.len());
    let s = &s[start..];
    let end = s
        .iter()
        .rposition(|&b| !is_ascii_space(b))
        .map_or(0, |i| i + 1);
    &s[..end]
}

/// `_Py_string_to_number_with_underscores`: every `_` must sit between two
/// digits; returns the text without them.
fn remove_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &b in s {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

/// `_PyOS_ascii_strtod` over the whole of `s`: a decimal literal, or
/// `inf`/`infinity`/`nan` in any case, each with an optional sign. Hex is
/// not accepted.
fn ascii_strtod(s: &[u8]) -> Option<f64> {
    let (negative, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if is_decimal_literal(body) {
        // Only ASCII digits, '.', 'e', 'E', '+' and '-' remain.
        let text = std::str::from_utf8(s).ok()?;
        return text.parse::<f64>().ok();
    }
    let special = if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        return None;
    };
    Some(if negative { -special } else { special })
}

/// `digits [. digits] | . digits`, then an optional `e [sign] digits`.
fn is_decimal_literal(s: &[u8]) -> bool {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let int = digits(s);
    let mut i = int;
    let mut frac = 0;
    if s.get(i) == Some(&b'.') {
        frac = digits(&s[i + 1..]);
        i += 1 + frac;
    }
    if int == 0 && frac == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp = digits(&s[j.min(s.len())..]);
        if exp == 0 {
            return false;
        }
        i = j + exp;
    }
    i == s.len()
}

/// Why `int(s, base)` failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntParseError {
    /// The base is not 0 or 2..=36.
    InvalidBase,
    /// Not an integer literal in that base; build CPython's message with
    /// [`invalid_int_literal`] from the *original* base and argument.
    InvalidLiteral,
    /// Too many digits for `int_max_str_digits` in a base that is not a
    /// power of two.
    ExceedsLimit { limit: usize, digits: usize },
}

impl IntParseError {
    /// The `ValueError` CPython raises, given the `repr()` of the original
    /// argument and the base the caller passed.
    pub fn to_format_error(&self, repr: &str, base: u32) -> FormatError {
        match *self {
            IntParseError::InvalidBase => {
                FormatError::value("int() base must be >= 2 and <= 36, or 0")
            }
            IntParseError::InvalidLiteral => invalid_int_literal(repr, base),
            IntParseError::ExceedsLimit { limit, digits } => {
                FormatError::str_to_int_limit(limit, digits)
            }
        }
    }
}

/// "invalid literal for int() with base 10: '12a'": CPython cuts the
/// `repr()` to 200 characters (`%.200R`).
pub fn invalid_int_literal(repr: &str, base: u32) -> FormatError {
    let cut = repr.char_indices().nth(200).map_or(repr.len(), |(i, _)| i);
    FormatError::value(format!(
        "invalid literal for int() with base {base}: {}",
        &repr[..cut]
    ))
}

/// `str_to_int` limit check: a literal of `digits` digits in a base that is
/// not a power of two may not exceed `limit` digits (0 for no limit).
pub fn check_str_to_int_digits(digits: usize, limit: usize) -> Result<(), FormatError> {
    if limit > 0 && digits > MAX_STR_DIGITS_THRESHOLD && digits > limit {
        return Err(FormatError::str_to_int_limit(limit, digits));
    }
    Ok(())
}

/// `int(s, base)` for a `str`, with the default `int_max_str_digits`.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, IntParseError> {
    parse_int_with(s, base, DEFAULT_MAX_STR_DIGITS)
}

/// `int(s, base)` for a `str`, with `max_str_digits` as
/// `sys.get_int_max_str_digits()` (0 for no limit).
pub fn parse_int_with(s: &str, base: u32, max_str_digits: usize) -> Result<BigInt, IntParseError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(IntParseError::InvalidBase);
    }
    parse_int_bytes(
        &transform_decimal_and_space_to_ascii(s),
        base,
        max_str_digits,
    )
}

/// `int(b, base)` for ASCII text (`PyLong_FromString` over the whole input).
pub fn parse_int_bytes(
    s: &[u8],
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, IntParseError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(IntParseError::InvalidBase);
    }
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = s
        .iter()
        .position(|&b| !is_ascii_space(b))
        .unwrap_or(s.len());
    let mut negative = false;
    match at(i) {
        b'+' => i += 1,
        b'-' => {
            negative = true;
            i += 1;
        }
        _ => {}
    }
    let mut base = base;
    let mut must_be_zero = false;
    if base == 0 {
        base = match (at(i), at(i + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                // A C-style octal literal like 010 is refused; zero is fine.
                must_be_zero = true;
                10
            }
            _ => 10,
        };
    }
    let marker = match base {
        16 => b'x',
        8 => b'o',
        2 => b'b',
        _ => 0,
    };
    if marker != 0 && at(i) == b'0' && at(i + 1).to_ascii_lowercase() == marker {
        i += 2;
        // One underscore may follow the prefix.
        if at(i) == b'_' {
            i += 1;
        }
    }

    // long_from_string_base: digits and single underscores between them.
    let start = i;
    if at(i) == b'_' {
        return Err(IntParseError::InvalidLiteral);
    }
    let mut digits = 0usize;
    let mut prev = 0u8;
    let mut cleaned = Vec::with_capacity(s.len() - start);
    while let Some(&b) = s.get(i) {
        if b == b'_' {
            if prev == b'_' {
                return Err(IntParseError::InvalidLiteral);
            }
        } else if (b as char).is_digit(base) {
            digits += 1;
            cleaned.push(b);
        } else {
            break;
        }
        prev = b;
        i += 1;
    }
    if prev == b'_' || i == start {
        return Err(IntParseError::InvalidLiteral);
    }
    if s[i..].iter().any(|&b| !is_ascii_space(b)) {
        return Err(IntParseError::InvalidLiteral);
    }
    if !base.is_power_of_two()
        && let Err(_) = check_str_to_int_digits(digits, max_str_digits)
    {
        return Err(IntParseError::ExceedsLimit {
            limit: max_str_digits,
            digits,
        });
    }
    let magnitude = BigInt::parse_bytes(&cleaned, base).ok_or(IntParseError::InvalidLiteral)?;
    if must_be_zero && magnitude != BigInt::ZERO {
        return Err(IntParseError::InvalidLiteral);
    }
    Ok(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats() {
        assert_eq!(parse_float(" 1_0.5 "), Some(10.5));
        assert_eq!(parse_float("1e1_0"), Some(1e10));
        assert_eq!(parse_float("\u{0661}\u{0662}.\u{0665}"), Some(12.5));
        assert_eq!(parse_float("-iNfINity"), Some(f64::NEG_INFINITY));
        assert!(parse_float("-nan").unwrap().is_sign_negative());
        assert_eq!(parse_float("1e500"), Some(f64::INFINITY));
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        for bad in [
            "", " ", ".", "1_", "_1", "1__0", "1_.5", "1._5", "1e", "e1", "0x1p3", "inf_", "1.5\0",
            "nan(1)", "- 1",
        ] {
            assert_eq!(parse_float(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn ints() {
        let ok = |s: &str, base| parse_int(s, base).unwrap().to_string();
        assert_eq!(ok(" 0x_1f ", 0), "31");
        assert_eq!(ok("0x_1f", 16), "31");
        assert_eq!(ok("-0b101", 0), "-5");
        assert_eq!(ok("0_0", 0), "0");
        assert_eq!(ok("\u{00A0}12\u{2003}", 10), "12");
        assert_eq!(ok("Zz", 36), "1295");
        for (bad, base) in [
            ("010", 0),
            ("00_1", 0),
            ("0x1f", 10),
            ("0b", 0),
            ("1__2", 10),
            ("_12", 10),
            ("12_", 10),
            ("", 10),
            ("+", 10),
            ("+-1", 10),
            ("12\0", 10),
            ("\x1c1", 10),
        ] {
            assert_eq!(
                parse_int(bad, base),
                Err(IntParseError::InvalidLiteral),
                "{bad:?}"
            );
        }
        assert_eq!(parse_int("1", 37), Err(IntParseError::InvalidBase));
        let long = "1".repeat(5000);
        assert_eq!(
            parse_int(&long, 10),
            Err(IntParseError::ExceedsLimit {
                limit: 4300,
                digits: 5000
            })
        );
        assert!(parse_int(&long, 16).is_ok());
        assert!(parse_int_with(&long, 10, 0).is_ok());
        assert_eq!(
            IntParseError::InvalidLiteral
                .to_format_error("'12a'", 10)
                .message(),
            "invalid literal for int() with base 10: '12a'"
        );
    }
}
