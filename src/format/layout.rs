//! Padding, signs and digit grouping of formatted numbers: CPython's
//! `calc_number_widths`, `fill_number`, `calc_padding` and
//! `_PyUnicode_InsertThousandsGrouping`, shared by the int, float and complex
//! formatters.
//!
//! A formatted number is laid out as
//! `[lpad][sign][prefix][spad][grouped digits][.][grouped fraction][remainder][rpad]`,
//! where at most one of the three paddings is non-empty.

use super::MAX_OUTPUT_CHARS;
use super::error::FormatError;
use super::spec::{Align, Grouping, Resolved};

/// The separators in force (`LocaleInfo`): always the C locale's `.` as the
/// decimal point, since pyrs formats `n` as CPython does under `LC_NUMERIC=C`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Separators {
    /// Separator and group size for the integer part.
    pub int: Option<(char, usize)>,
    /// Separator for the fractional part (groups of three from the point).
    pub frac: Option<char>,
}

impl Separators {
    /// `get_locale_info` for a resolved spec; `four` selects groups of four
    /// for `_` with `b o x X`.
    pub fn for_spec(spec: &Resolved) -> Separators {
        let four = matches!(spec.ty, Some('b' | 'o' | 'x' | 'X'));
        Separators {
            int: spec.grouping.map(|g| match g {
                Grouping::Underscore if four => ('_', 4),
                g => (g.char(), 3),
            }),
            frac: spec.frac_grouping.map(Grouping::char),
        }
    }
}

/// The pieces of a number string after its sign (`parse_number`): leading
/// digits, whether a `.` follows, the digits after it, and whatever remains
/// (exponent, `%`, `inf`, the character of `c` formatting...).
#[derive(Debug, Clone, Copy)]
pub(crate) struct NumberParts<'a> {
    pub digits: &'a str,
    pub has_decimal: bool,
    pub frac: &'a str,
    pub remainder: &'a str,
}

impl<'a> NumberParts<'a> {
    /// `parse_number`: split an ASCII number string (without sign).
    pub fn parse(s: &'a str) -> NumberParts<'a> {
        let int_end = s.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, rest) = s.split_at(int_end);
        let (has_decimal, rest) = match rest.strip_prefix('.') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let frac_end = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (frac, remainder) = rest.split_at(frac_end);
        NumberParts {
            digits,
            has_decimal,
            frac,
            remainder,
        }
    }
}

/// The sign to print for a number whose own sign is `negative`
/// (the sign switch of `calc_number_widths`).
pub(crate) fn sign_char(spec_sign: Option<char>, negative: bool) -> Option<char> {
    match (spec_sign, negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    }
}

/// Insert separators into `digits`, zero-padding on the left until the result
/// is at least `min_width` characters (`_PyUnicode_InsertThousandsGrouping`
/// counting backwards from the decimal point). Without a separator this only
/// zero-pads. Returns the pieces in left-to-right order.
fn group_int(digits: &str, min_width: i64, sep: Option<(char, usize)>) -> String {
    let n_digits = digits.len() as i64;
    let mut min_width = min_width.max(0);
    // Runs of (zeros, digits) from the right, each a group.
    let mut groups: Vec<(usize, &str)> = Vec::new();
    let mut remaining = n_digits;
    let mut take = |len: i64, remaining: &mut i64| {
        let n_zeros = (len - *remaining).max(0) as usize;
        let n_chars = (*remaining).min(len).max(0);
        let end = *remaining as usize;
        let start = (*remaining - n_chars) as usize;
        groups.push((n_zeros, &digits[start..end]));
        *remaining -= n_chars;
    };
    match sep {
        Some((_, size)) => {
            let size = size as i64;
            loop {
                let len = size.min(remaining.max(min_width).max(1));
                take(len, &mut remaining);
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            take(len, &mut remaining);
        }
    }
    let mut out = String::new();
    for (i, (zeros, chunk)) in groups.iter().rev().enumerate() {
        if i > 0
            && let Some((c, _)) = sep
        {
            out.push(c);
        }
        out.extend(std::iter::repeat_n('0', *zeros));
        out.push_str(chunk);
    }
    out
}

/// The number of characters [`group_int`] produces, without building it:
/// the same loop, counting. The result is at least `min_width`, so a
/// `min_width` past [`MAX_OUTPUT_CHARS`] is returned as is, unexamined.
fn grouped_len(n_digits: i64, min_width: i64, sep: Option<(char, usize)>) -> i64 {
    if min_width > MAX_OUTPUT_CHARS as i64 {
        return min_width;
    }
    let Some((_, size)) = sep else {
        return n_digits.max(min_width).max(1);
    };
    let size = size as i64;
    let (mut remaining, mut min_width, mut count) = (n_digits, min_width.max(0), 0);
    loop {
        let len = size.min(remaining.max(min_width).max(1));
        count += len;
        remaining -= remaining.min(len);
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            return count;
        }
        min_width -= 1;
        count += 1;
    }
}

/// Group the fractional digits from the left, in threes.
fn group_frac(frac: &str, sep: Option<char>) -> String {
    let Some(sep) = sep else {
        return frac.to_owned();
    };
    let mut out = String::with_capacity(frac.len() + frac.len() / 3);
    for (i, c) in frac.chars().enumerate() {
        if i > 0 && i % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Lay out a number (`calc_number_widths` + `fill_number`) into `out`.
///
/// `sign` is the sign character to print (see [`sign_char`]), `prefix` the
/// `0x`-style prefix, `upper` upper-cases prefix and digits (`X`).
pub(crate) fn fill_number(
    sign: Option<char>,
    prefix: &str,
    parts: NumberParts<'_>,
    spec: &Resolved,
    seps: Separators,
    upper: bool,
) -> Result<String, FormatError> {
    let n_sign = i64::from(sign.is_some());
    let n_prefix = prefix.len() as i64;
    let n_frac = match (parts.frac.len() as i64, seps.frac) {
        (0, _) | (_, None) => parts.frac.len() as i64,
        (n, Some(_)) => n + (n - 1) / 3,
    };
    let n_decimal = i64::from(parts.has_decimal);
    let n_remainder = parts.remainder.chars().count() as i64;
    let n_non_digit = n_sign + n_prefix + n_decimal + n_frac + n_remainder;
    let width = spec.width.map_or(-1, |w| w as i64);

    let n_digits = parts.digits.len() as i64;
    let min_width = if spec.fill == '0' && spec.align == Align::AfterSign {
        width - n_non_digit
    } else {
        0
    };
    // The 'c' type has no digits at all, and is never grouped or zero-padded.
    let n_grouped = if n_digits == 0 {
        0
    } else {
        grouped_len(n_digits, min_width, seps.int)
    };
    let content = n_non_digit + n_grouped;
    let total = content.max(width);
    if total as u64 > MAX_OUTPUT_CHARS as u64 {
        return Err(FormatError::no_memory());
    }
    let n_padding = (width - content).max(0) as usize;
    let (lpad, spad, rpad) = match spec.align {
        Align::Left => (0, 0, n_padding),
        Align::Center => (n_padding / 2, 0, n_padding - n_padding / 2),
        Align::AfterSign => (0, n_padding, 0),
        Align::Right => (n_padding, 0, 0),
    };

    let mut out = String::with_capacity(total as usize);
    out.extend(std::iter::repeat_n(spec.fill, lpad));
    if let Some(s) = sign {
        out.push(s);
    }
    if upper {
        out.push_str(&prefix.to_ascii_uppercase());
    } else {
        out.push_str(prefix);
    }
    out.extend(std::iter::repeat_n(spec.fill, spad));
    if n_digits != 0 {
        let grouped = group_int(parts.digits, min_width, seps.int);
        debug_assert_eq!(grouped.len() as i64, n_grouped);
        if upper {
            out.push_str(&grouped.to_ascii_uppercase());
        } else {
            out.push_str(&grouped);
        }
    }
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(&group_frac(parts.frac, seps.frac));
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(spec.fill, rpad));
    Ok(out)
}

/// `calc_padding` + `fill_padding`: pad `body` (of `len` characters) to the
/// spec's width with its fill character and alignment.
pub(crate) fn pad(
    body: &str,
    len: usize,
    width: Option<usize>,
    align: Align,
    fill: char,
) -> Result<String, FormatError> {
    let total = width.map_or(len, |w| w.max(len));
    if total > MAX_OUTPUT_CHARS {
        return Err(FormatError::no_memory());
    }
    let lpad = match align {
        Align::Right => total - len,
        Align::Center => (total - len) / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(body.len() + (lpad + rpad) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, rpad));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_with_zero_padding() {
        let comma = Some((',', 3));
        for (digits, min_width, sep, want) in [
            ("1234", 0, comma, "1,234"),
            ("1234", 10, comma, "00,001,234"),
            ("1234", 9, comma, "0,001,234"),
            ("1234", 8, comma, "0,001,234"),
            ("1", 4, comma, "0,001"),
            ("1", 3, comma, "001"),
            ("1234", 7, None, "0001234"),
            ("ff", 7, Some(('_', 4)), "00_00ff"),
            ("123456", 0, comma, "123,456"),
        ] {
            let got = group_int(digits, min_width, sep);
            assert_eq!(got, want, "{digits} {min_width}");
            assert_eq!(
                grouped_len(digits.len() as i64, min_width, sep),
                want.len() as i64
            );
        }
    }

    #[test]
    fn grouped_len_matches_group_int() {
        for sep in [None, Some((',', 3)), Some(('_', 4))] {
            for n in 1..12 {
                let digits = "9".repeat(n);
                for mw in -2..30 {
                    assert_eq!(
                        grouped_len(n as i64, mw, sep),
                        group_int(&digits, mw, sep).len() as i64,
                        "{n} {mw} {sep:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn frac_groups() {
        assert_eq!(group_frac("5678000", Some(',')), "567,800,0");
        assert_eq!(group_frac("567", Some('_')), "567");
    }
}
