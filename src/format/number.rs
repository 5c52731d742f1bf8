//! `format()` of ints, floats and complex numbers: CPython's
//! `_PyLong_FormatAdvancedWriter`, `_PyFloat_FormatAdvancedWriter` and
//! `_PyComplex_FormatAdvancedWriter` with their `format_*_internal` helpers
//! (`Python/formatter_unicode.c`).
//!
//! An empty spec means `str(value)` in CPython; for exact ints, floats and
//! complex numbers these functions give the same text, but for subclasses
//! (`bool`, user classes with their own `__str__`) the caller must call
//! `str()` itself.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive};

use super::error::FormatError;
use super::float_repr::{DtoaFlags, double_to_string};
use super::layout::{NumberParts, Separators, fill_number, pad, sign_char};
use super::spec::{Align, FormatSpec, Resolved, unknown_type};
use super::{DEFAULT_MAX_STR_DIGITS, MAX_STR_DIGITS_THRESHOLD};

/// `format(v, spec)` for an `int`, with CPython's default
/// `int_max_str_digits`.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    format_int_with(v, spec, "int", DEFAULT_MAX_STR_DIGITS)
}

/// `format(v, spec)` for an int whose type is called `type_name` (used in
/// error messages), with `max_str_digits` as `sys.get_int_max_str_digits()`
/// (0 for no limit).
pub fn format_int_with(
    v: &BigInt,
    spec: &FormatSpec,
    type_name: &str,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    let r = spec.resolve(Some('d'), Align::Right, type_name)?;
    match r.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {
            format_long_internal(v, &r, max_str_digits)
        }
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_float_internal(int_to_f64(v)?, &r),
        other => Err(unknown_type(other, type_name)),
    }
}

/// `PyLong_AsDouble`: correctly rounded, `OverflowError` when out of range.
pub fn int_to_f64(v: &BigInt) -> Result<f64, FormatError> {
    match v.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(FormatError::overflow("int too large to convert to float")),
    }
}

/// `str(v)` for an int: decimal digits, refusing (like `_PyLong_Format`) to
/// print more than `max_str_digits` digits (0 for no limit).
pub fn int_to_decimal(v: &BigInt, max_str_digits: usize) -> Result<String, FormatError> {
    check_int_to_str_limit(v, max_str_digits)?;
    let s = v.to_str_radix(10);
    let digits = s.len() - usize::from(v.is_negative());
    if max_str_digits > 0 && digits > max_str_digits {
        return Err(FormatError::int_to_str_limit(max_str_digits));
    }
    Ok(s)
}

/// The cheap test CPython makes before converting a huge int to decimal:
/// fail at once when the bit length alone shows there are too many digits.
fn check_int_to_str_limit(v: &BigInt, limit: usize) -> Result<(), FormatError> {
    if limit == 0 {
        return Ok(());
    }
    let bits = v.bits();
    if bits < (MAX_STR_DIGITS_THRESHOLD as u64) * 3 {
        return Ok(());
    }
    // A number of `bits` bits has at least floor((bits - 1) * log10(2)) + 1
    // digits; 0.30102999 is just below log10(2), so this never overcounts.
    let min_digits = (u128::from(bits - 1) * 30_102_999 / 100_000_000) as u64 + 1;
    if min_digits > limit as u64 {
        return Err(FormatError::int_to_str_limit(limit));
    }
    Ok(())
}

/// `format_long_internal`: integer presentation types.
fn format_long_internal(
    v: &BigInt,
    r: &Resolved,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    if r.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if r.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = r.ty.unwrap_or('d');
    if ty == 'c' {
        if r.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if r.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = int_to_char(v)?;
        let mut buf = [0u8; 4];
        let parts = NumberParts {
            digits: "",
            has_decimal: false,
            frac: "",
            remainder: c.encode_utf8(&mut buf),
        };
        return fill_number(None, "", parts, r, Separators::for_spec(r), false);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = if base == 10 {
        int_to_decimal(&v.abs(), max_str_digits)?
    } else {
        v.magnitude().to_str_radix(base)
    };
    let prefix = if r.alternate { prefix } else { "" };
    let negative = v.sign() == BigSign::Minus;
    let parts = NumberParts {
        digits: &digits,
        has_decimal: false,
        frac: "",
        remainder: "",
    };
    fill_number(
        sign_char(r.sign, negative),
        prefix,
        parts,
        r,
        Separators::for_spec(r),
        ty == 'X',
    )
}

/// The character of `format(v, 'c')` / `'%c' % v`.
///
/// Lone surrogates (U+D800..U+DFFF) are valid in a Python `str` but cannot
/// be held in a Rust `String`; they are refused with a `ValueError` that
/// says so, and the object layer must handle them itself if it supports
/// them.
pub fn int_to_char(v: &BigInt) -> Result<char, FormatError> {
    let Some(x) = v.to_i64() else {
        return Err(FormatError::overflow(
            "Python int too large to convert to C long",
        ));
    };
    if !(0..=0x10ffff).contains(&x) {
        return Err(FormatError::overflow("%c arg not in range(0x110000)"));
    }
    char::from_u32(x as u32).ok_or_else(|| {
        FormatError::value(format!(
            "%c of a lone surrogate (U+{x:04X}) cannot be represented"
        ))
    })
}

/// `format(v, spec)` for a `float`.
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    format_float_with(v, spec, "float")
}

/// `format(v, spec)` for a float whose type is called `type_name`.
pub fn format_float_with(
    v: f64,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    let r = spec.resolve(None, Align::Right, type_name)?;
    match r.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_internal(v, &r),
        other => Err(unknown_type(other, type_name)),
    }
}

/// The format code, precision and flags `format_float_internal` and
/// `format_complex_internal` pass to `PyOS_double_to_string`.
struct FloatPlan {
    code: char,
    precision: usize,
    flags: DtoaFlags,
}

fn plan(r: &Resolved, add_dot_0: bool) -> Result<FloatPlan, FormatError> {
    if r.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: r.alternate,
        no_neg_0: r.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut default_precision = 6;
    let mut code = match r.ty {
        None => {
            flags.add_dot_0 = add_dot_0;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some('%') => 'f',
        Some(c) => c,
    };
    let precision = match r.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    Ok(FloatPlan {
        code,
        precision,
        flags,
    })
}

/// Split a `PyOS_double_to_string` result into its sign and the rest.
fn split_sign(s: &str) -> (bool, &str) {
    match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    }
}

/// `format_float_internal`.
fn format_float_internal(v: f64, r: &Resolved) -> Result<String, FormatError> {
    let p = plan(r, true)?;
    let percent = r.ty == Some('%');
    let x = if percent { v * 100.0 } else { v };
    let mut s = double_to_string(x, p.code, p.precision, p.flags)?;
    if percent {
        s.push('%');
    }
    let (negative, body) = split_sign(&s);
    let parts = NumberParts::parse(body);
    fill_number(
        sign_char(r.sign, negative),
        "",
        parts,
        r,
        Separators::for_spec(r),
        false,
    )
}

/// `format(complex(re, im), spec)`.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    format_complex_with(re, im, spec, "complex")
}

/// `format(complex(re, im), spec)` for a complex whose type is called
/// `type_name` (`format_complex_internal`).
pub fn format_complex_with(
    re: f64,
    im: f64,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    let r = spec.resolve(None, Align::Right, type_name)?;
    if !matches!(r.ty, None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) {
        return Err(unknown_type(r.ty, type_name));
    }
    if r.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    if r.fill == '0' {
        return Err(FormatError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if r.align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let p = plan(&r, false)?;
    let (skip_re, add_parens) = if r.ty.is_none() {
        let skip = re == 0.0 && re.is_sign_positive();
        (skip, !skip)
    } else {
        (false, false)
    };
    let re_s = double_to_string(re, p.code, p.precision, p.flags)?;
    let im_s = double_to_string(im, p.code, p.precision, p.flags)?;

    // The parts are laid out unpadded; the padding goes around the whole.
    let mut part_spec = r.clone();
    part_spec.fill = '\0';
    part_spec.align = Align::Left;
    part_spec.width = None;
    let seps = Separators::for_spec(&r);
    let (re_neg, re_body) = split_sign(&re_s);
    let re_text = fill_number(
        sign_char(r.sign, re_neg),
        "",
        NumberParts::parse(re_body),
        &part_spec,
        seps,
        false,
    )?;
    if !skip_re {
        part_spec.sign = Some('+');
    }
    let (im_neg, im_body) = split_sign(&im_s);
    let im_text = fill_number(
        sign_char(part_spec.sign, im_neg),
        "",
        NumberParts::parse(im_body),
        &part_spec,
        seps,
        false,
    )?;

    let mut body = String::with_capacity(re_text.len() + im_text.len() + 3);
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&re_text);
    }
    body.push_str(&im_text);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    // Only ASCII so far, so bytes are characters.
    let len = body.len();
    pad(&body, len, r.width, r.align, r.fill)
}

/// `repr(complex(re, im))` (`complex_repr`): `(1+2j)`, or just `2j` when the
/// real part is +0.0.
pub fn complex_repr(re: f64, im: f64) -> String {
    use super::float_repr::repr_no_dot0;
    if re == 0.0 && re.is_sign_positive() {
        let mut s = repr_no_dot0(im, DtoaFlags::default());
        s.push('j');
        s
    } else {
        let sign = DtoaFlags {
            sign: true,
            ..DtoaFlags::default()
        };
        format!(
            "({}{}j)",
            repr_no_dot0(re, DtoaFlags::default()),
            repr_no_dot0(im, sign)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::spec::parse;

    fn fi(v: i64, spec: &str) -> String {
        match format_int(&BigInt::from(v), &parse(spec).unwrap()) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }

    fn ff(v: f64, spec: &str) -> String {
        match format_float(v, &parse(spec).unwrap()) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn ints() {
        assert_eq!(fi(1234, ""), "1234");
        assert_eq!(fi(-1234, "010,"), "-0,001,234");
        assert_eq!(fi(255, "#x"), "0xff");
        assert_eq!(fi(255, "#X"), "0XFF");
        assert_eq!(fi(-255, "#012_b"), "-0b1111_1111");
        assert_eq!(fi(65, "^5c"), "  A  ");
        assert_eq!(fi(1234, "+.2f"), "+1234.00");
        assert_eq!(
            fi(1, ".2"),
            "ValueError: Precision not allowed in integer format specifier"
        );
        assert_eq!(fi(-1, "c"), "OverflowError: %c arg not in range(0x110000)");
    }

    #[test]
    fn floats() {
        assert_eq!(ff(1234.5678, ",.2f"), "1,234.57");
        assert_eq!(ff(1234.5678, "_._f"), "1_234.567_800");
        assert_eq!(ff(-0.0, "z"), "0.0");
        assert_eq!(ff(0.5, ".0%"), "50%");
        assert_eq!(ff(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(ff(1e16, ""), "1e+16");
        assert_eq!(ff(100.0, ".3"), "1e+02");
        assert_eq!(ff(1.0, ".3"), "1.0");
    }

    #[test]
    fn complexes() {
        let fc = |re, im, spec| format_complex(re, im, &parse(spec).unwrap()).unwrap();
        assert_eq!(fc(1.0, 2.0, ""), "(1+2j)");
        assert_eq!(fc(0.0, 2.0, "+"), "+2j");
        assert_eq!(fc(1.0, 2.0, "^12.1f"), "  1.0+2.0j  ");
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(1e16, f64::NAN), "(1e+16+nanj)");
    }
}
