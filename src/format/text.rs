//! `format()` of strings: CPython's `_PyUnicode_FormatAdvancedWriter` and
//! `format_string_internal` (`Python/formatter_unicode.c`).

use super::error::FormatError;
use super::layout::pad;
use super::spec::{Align, FormatSpec, unknown_type};

/// `format(s, spec)` for a `str`.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    format_str_with(s, spec, "str")
}

/// `format(s, spec)` for a str whose type is called `type_name`: type `s`
/// only; precision truncates and the width pads, both in characters.
pub fn format_str_with(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let r = spec.resolve(Some('s'), Align::Left, type_name)?;
    if r.ty != Some('s') {
        return Err(unknown_type(r.ty, type_name));
    }
    match r.sign {
        Some(' ') => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if r.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if r.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if r.align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (body, len) = truncate_chars(s, r.precision);
    pad(body, len, r.width, r.align, r.fill)
}

/// The first `precision` characters of `s` (all of it when None), with
/// their count.
pub(crate) fn truncate_chars(s: &str, precision: Option<usize>) -> (&str, usize) {
    match precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::spec::parse;

    fn fs(s: &str, spec: &str) -> String {
        match format_str(s, &parse(spec).unwrap()) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn strings() {
        assert_eq!(fs("abc", ""), "abc");
        assert_eq!(fs("abc", "*^7"), "**abc**");
        assert_eq!(fs("abcdef", "5.2"), "ab   ");
        assert_eq!(fs("héllo", ">7.3"), "    hél");
        assert_eq!(fs("abc", "05"), "abc00");
        assert_eq!(
            fs("abc", "+"),
            "ValueError: Sign not allowed in string format specifier"
        );
        assert_eq!(fs("abc", ","), "ValueError: Cannot specify ',' with 's'.");
        assert_eq!(
            fs("abc", "d"),
            "ValueError: Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(fs("a", "999999999999"), "MemoryError");
    }
}
