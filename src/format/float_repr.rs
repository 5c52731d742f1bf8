//! Doubles to text: CPython's `PyOS_double_to_string` and the layout it uses,
//! `format_float_short` (`Python/pystrtod.c`).
//!
//! Everything that prints a float (`repr`, `format`, `%`, complex) goes
//! through [`double_to_string`]; the digits come from [`super::dtoa`].

use super::FormatError;
use super::MAX_OUTPUT_CHARS;
use super::dtoa::{Mode, dtoa};

/// `Py_DTSF_*` flags of `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always include a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integers in fixed notation get `.0` (`r`, `g`).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` alternate form.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: a result that rounds to zero loses its minus sign.
    pub no_neg_0: bool,
}

/// The largest precision `PyOS_double_to_string` accepts; beyond it CPython
/// raises "precision too big" for every format code.
const MAX_PRECISION: usize = i32::MAX as usize - 1024;

/// `repr(x)` / `str(x)` for a float (`float_repr`): shortest round-trip
/// digits, exponent form below `1e-4` and from `1e16` on.
pub fn repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    format_float_short(x, Code::Repr, 0, flags, false)
}

/// The `r` format of complex parts and of format specs without a type:
/// like [`repr`] but without the `.0` suffix.
pub(crate) fn repr_no_dot0(x: f64, flags: DtoaFlags) -> String {
    format_float_short(x, Code::Repr, 0, flags, false)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    Exp,
    Fixed,
    General,
    Repr,
}

/// `PyOS_double_to_string(val, format_code, precision, flags, NULL)`.
///
/// `code` is one of `e E f F g G r` (anything else is treated as `r`);
/// `precision` is ignored for `r`. Fails with "precision too big" as
/// CPython does, and with `MemoryError` when the result would be longer
/// than [`MAX_OUTPUT_CHARS`].
pub fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    flags: DtoaFlags,
) -> Result<String, FormatError> {
    let upper = code.is_ascii_uppercase();
    let code = match code.to_ascii_lowercase() {
        'e' => Code::Exp,
        'f' => Code::Fixed,
        'g' => Code::General,
        _ => Code::Repr,
    };
    if code == Code::Repr {
        return Ok(format_float_short(x, code, 0, flags, upper));
    }
    if precision > MAX_PRECISION {
        return Err(FormatError::value("precision too big"));
    }
    // The result is at most the precision plus 309 integer digits, sign,
    // point and exponent: always within MAX_OUTPUT_CHARS.
    const _: () = assert!(MAX_PRECISION + 320 < MAX_OUTPUT_CHARS);
    Ok(format_float_short(x, code, precision, flags, upper))
}

/// `format_float_short`: lay out dtoa's digits for one format code.
fn format_float_short(
    x: f64,
    code: Code,
    precision: usize,
    flags: DtoaFlags,
    upper: bool,
) -> String {
    if !x.is_finite() {
        let mut s = String::with_capacity(4);
        if x.is_infinite() && x < 0.0 {
            s.push('-');
        } else if flags.sign {
            s.push('+');
        }
        s.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return s;
    }

    // The digits to print and how many of them (`vdigits_end`) are wanted.
    let mut precision = precision as i64;
    let mode = match code {
        Code::Exp => {
            precision += 1;
            Mode::Significant(precision as usize)
        }
        Code::Fixed => Mode::Fixed(precision as usize),
        Code::General => {
            precision = precision.max(1);
            Mode::Significant(precision as usize)
        }
        Code::Repr => Mode::Shortest,
    };
    let d = dtoa(x, mode);
    let digits = d.digits.as_bytes();
    let digits_len = digits.len() as i64;
    let mut decpt = d.decpt;
    let mut negative = d.negative;
    if flags.no_neg_0 && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }

    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        Code::Exp => {
            use_exp = true;
            vdigits_end = precision;
        }
        Code::Fixed => vdigits_end = decpt + precision,
        Code::General => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vdigits_end = precision;
            }
        }
        Code::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    // The printed window of the infinite zero-padded digit string, chosen so
    // that the decimal point falls inside it.
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    let min_end = if !use_exp && flags.add_dot_0 {
        decpt + 1
    } else {
        decpt
    };
    vdigits_end = vdigits_end.max(min_end);

    let len = (vdigits_end - vdigits_start) as usize + 8;
    let mut buf: Vec<u8> = Vec::with_capacity(len);
    if negative {
        buf.push(b'-');
    } else if flags.sign {
        buf.push(b'+');
    }
    let zeros = |buf: &mut Vec<u8>, n: i64| buf.resize(buf.len() + n.max(0) as usize, b'0');
    if decpt <= 0 {
        zeros(&mut buf, decpt - vdigits_start);
        buf.push(b'.');
        zeros(&mut buf, -decpt);
    } else {
        zeros(&mut buf, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let split = decpt as usize;
        buf.extend_from_slice(&digits[..split]);
        buf.push(b'.');
        buf.extend_from_slice(&digits[split..]);
    } else {
        buf.extend_from_slice(digits);
    }
    if digits_len < decpt {
        zeros(&mut buf, decpt - digits_len);
        buf.push(b'.');
        zeros(&mut buf, vdigits_end - decpt);
    } else {
        zeros(&mut buf, vdigits_end - digits_len);
    }
    if buf.last() == Some(&b'.') && !flags.alt {
        buf.pop();
    }
    if use_exp {
        buf.push(if upper { b'E' } else { b'e' });
        buf.push(if exp < 0 { b'-' } else { b'+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            buf.push(b'0');
        }
        buf.extend_from_slice(e.to_string().as_bytes());
    }
    // Only ASCII digits, signs, '.', 'e' and 'E' were written.
    buf.into_iter().map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, code: char, prec: usize) -> String {
        double_to_string(x, code, prec, DtoaFlags::default()).unwrap()
    }

    #[test]
    fn reprs() {
        for (x, s) in [
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-4, "0.0001"),
            (1e-5, "1e-05"),
            (123.456, "123.456"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2e16 + 8.0, "2.000000000000001e+16"),
        ] {
            assert_eq!(repr(x), s, "{x:?}");
        }
    }

    #[test]
    fn codes() {
        assert_eq!(f(1.5, 'f', 0), "2");
        assert_eq!(f(2.5, 'f', 0), "2");
        assert_eq!(f(0.0001, 'f', 2), "0.00");
        assert_eq!(f(-0.0001, 'f', 2), "-0.00");
        assert_eq!(f(1234.5, 'e', 2), "1.23e+03");
        assert_eq!(f(1234.5, 'E', 2), "1.23E+03");
        assert_eq!(f(1e-5, 'g', 6), "1e-05");
        assert_eq!(f(100000.0, 'g', 6), "100000");
        assert_eq!(f(1000000.0, 'g', 6), "1e+06");
        assert_eq!(f(0.5, 'g', 0), "0.5");
        assert_eq!(f(f64::INFINITY, 'F', 3), "INF");
        let alt = DtoaFlags {
            alt: true,
            ..DtoaFlags::default()
        };
        assert_eq!(double_to_string(5.0, 'f', 0, alt).unwrap(), "5.");
        assert_eq!(double_to_string(5.0, 'g', 3, alt).unwrap(), "5.00");
        let z = DtoaFlags {
            no_neg_0: true,
            ..DtoaFlags::default()
        };
        assert_eq!(double_to_string(-0.0001, 'f', 2, z).unwrap(), "0.00");
        assert_eq!(
            double_to_string(1.0, 'f', 2_147_482_624, z)
                .unwrap_err()
                .message(),
            "precision too big"
        );
    }
}
