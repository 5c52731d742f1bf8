//! CPython's ASCII folding of numeric text, over the two character
//! properties the parsers need (decimal digits and whitespace), which come
//! from the crate's Unicode database ([`crate::unicode`]).

pub(crate) use crate::unicode::{decimal_value, is_space};

/// `Py_ISSPACE`: ASCII whitespace as C's `isspace` in the C locale sees it.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: characters below 127 are
/// kept, other whitespace becomes `' '`, other decimal digits become their
/// ASCII digit, and the first character that is none of these becomes `'?'`
/// and ends the result (it can never be part of a valid number).
pub(crate) fn transform_decimal_and_space_to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_spaces() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{0665}'), Some(5));
        assert_eq!(decimal_value('\u{FF19}'), Some(9));
        assert_eq!(decimal_value('x'), None);
        assert_eq!(decimal_value('\u{00B2}'), None);
        assert!(is_space('\u{3000}'));
        assert!(is_space('\x1c'));
        assert!(!is_space('\u{200B}'));
        assert_eq!(
            transform_decimal_and_space_to_ascii("\u{00A0}\u{0661}2\u{20AC}9"),
            b" 12?".to_vec()
        );
    }
}
