//! UTF-8 decoding of `TYPE_UNICODE` strings, as CPython does it:
//! `PyUnicode_DecodeUTF8(buffer, n, "surrogatepass")`.
//!
//! Valid UTF-8 is the fast path (`std::str::from_utf8` accepts exactly the
//! sequences CPython's strict decoder accepts). Otherwise the bytes are
//! rescanned with the decision procedure of CPython's `utf8_decode`
//! (`Objects/stringlib/codecs.h`) so that the first error gets CPython's
//! position and reason. The `surrogatepass` handler lets encoded surrogates
//! (`ED A0..BF 80..BF`) through; pyrs strings cannot hold them, so such a
//! string decodes with U+FFFD in their place plus a limitation error, which
//! the reader reports only if CPython would not have raised a real error
//! (here or further on).

use super::error::{ErrorKind, MarshalError};

/// Why the decoder stopped at a position, and how many bytes it blames.
enum Step {
    /// A complete sequence of this many bytes.
    Char(usize),
    /// A decoding error covering `len` bytes.
    Error { len: usize, reason: &'static str },
}

const INVALID_START: &str = "invalid start byte";
const INVALID_CONTINUATION: &str = "invalid continuation byte";
const END_OF_DATA: &str = "unexpected end of data";

fn is_continuation(b: u8) -> bool {
    (0x80..0xC0).contains(&b)
}

/// One step of CPython's decoder at `s[0]`, `s` running to the end of the
/// string.
fn step(s: &[u8]) -> Step {
    let invalid_continuation = |len| Step::Error {
        len,
        reason: INVALID_CONTINUATION,
    };
    let end_of_data = Step::Error {
        len: s.len(),
        reason: END_OF_DATA,
    };
    let ch = s[0];
    let byte = |i: usize| s.get(i).copied();
    match ch {
        0x00..=0x7F => Step::Char(1),
        0x80..=0xC1 | 0xF5..=0xFF => Step::Error {
            len: 1,
            reason: INVALID_START,
        },
        0xC2..=0xDF => match byte(1) {
            None => end_of_data,
            Some(c2) if !is_continuation(c2) => invalid_continuation(1),
            Some(_) => Step::Char(2),
        },
        0xE0..=0xEF => {
            let Some(c2) = byte(1) else {
                return end_of_data;
            };
            // Overlong forms (E0 80..9F) and surrogates (ED A0..BF) are
            // blamed on the first byte, as a bad continuation.
            let bad_second = if c2 < 0xA0 { ch == 0xE0 } else { ch == 0xED };
            if !is_continuation(c2) || bad_second {
                return invalid_continuation(1);
            }
            match byte(2) {
                None => end_of_data,
                Some(c3) if !is_continuation(c3) => invalid_continuation(2),
                Some(_) => Step::Char(3),
            }
        }
        0xF0..=0xF4 => {
            let Some(c2) = byte(1) else {
                return end_of_data;
            };
            let bad_second = if c2 < 0x90 { ch == 0xF0 } else { ch == 0xF4 };
            if !is_continuation(c2) || bad_second {
                return invalid_continuation(1);
            }
            match byte(2) {
                None => return end_of_data,
                Some(c3) if !is_continuation(c3) => return invalid_continuation(2),
                Some(_) => {}
            }
            match byte(3) {
                None => end_of_data,
                Some(c4) if !is_continuation(c4) => invalid_continuation(3),
                Some(_) => Step::Char(4),
            }
        }
    }
}

/// True when `s` starts with the three-byte encoding of a surrogate, which
/// the `surrogatepass` handler accepts.
fn is_encoded_surrogate(s: &[u8]) -> bool {
    matches!(s, [0xED, 0xA0..=0xBF, c3, ..] if is_continuation(*c3))
}

/// A decoded string, and why it is not exactly what CPython would hold.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// Set when the bytes encode lone surrogates: `text` then has U+FFFD
    /// in their place.
    pub lone_surrogate: Option<MarshalError>,
}

/// Decodes marshal string bytes like `PyUnicode_DecodeUTF8(.., "surrogatepass")`.
pub(crate) fn decode_surrogatepass(bytes: &[u8]) -> Result<Decoded, MarshalError> {
    let valid_up_to = match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: text.to_owned(),
                lone_surrogate: None,
            });
        }
        Err(e) => e.valid_up_to(),
    };
    let mut text = String::with_capacity(bytes.len());
    text.push_str(&String::from_utf8_lossy(&bytes[..valid_up_to]));
    let mut first_surrogate = None;
    let mut pos = valid_up_to;
    while pos < bytes.len() {
        match step(&bytes[pos..]) {
            Step::Char(len) => {
                text.push_str(&String::from_utf8_lossy(&bytes[pos..pos + len]));
                pos += len;
            }
            Step::Error { .. } if is_encoded_surrogate(&bytes[pos..]) => {
                first_surrogate.get_or_insert(pos);
                text.push(char::REPLACEMENT_CHARACTER);
                pos += 3;
            }
            Step::Error { len, reason } => return Err(decode_error(bytes, pos, len, reason)),
        }
    }
    let lone_surrogate = first_surrogate.map(|at| {
        let code = match bytes.get(at..at + 3) {
            Some(&[b1, b2, b3]) => {
                (u32::from(b1 & 0x0F) << 12) | (u32::from(b2 & 0x3F) << 6) | u32::from(b3 & 0x3F)
            }
            _ => 0xFFFD,
        };
        MarshalError::limitation(format!(
            "string with a lone surrogate (U+{code:04X} at byte {at}) in marshal data: \
             pyrs strings cannot hold lone surrogates yet"
        ))
    });
    Ok(Decoded {
        text,
        lone_surrogate,
    })
}

/// `UnicodeDecodeError.__str__` for the utf-8 codec.
fn decode_error(bytes: &[u8], start: usize, len: usize, reason: &str) -> MarshalError {
    let message = if len == 1 {
        format!(
            "'utf-8' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            bytes[start]
        )
    } else {
        format!(
            "'utf-8' codec can't decode bytes in position {start}-{}: {reason}",
            start + len - 1
        )
    };
    MarshalError::new(ErrorKind::UnicodeDecodeError, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(bytes: &[u8]) -> String {
        decode_surrogatepass(bytes)
            .unwrap_err()
            .message()
            .to_owned()
    }

    #[test]
    fn matches_cpython_messages() {
        // Expected texts from python3.14's marshal.loads.
        assert_eq!(
            msg(b"\xe2\x82"),
            "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"
        );
        assert_eq!(
            msg(b"\xed\xa0"),
            "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"
        );
        assert_eq!(
            msg(b"\xed\xa0\x80\xff"),
            "'utf-8' codec can't decode byte 0xff in position 3: invalid start byte"
        );
        assert_eq!(
            msg(b"\xf0\x9f\x98("),
            "'utf-8' codec can't decode bytes in position 0-2: invalid continuation byte"
        );
        assert_eq!(
            msg(b"\xf4\x90\x80\x80"),
            "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte"
        );
        let d = decode_surrogatepass(b"a\xed\xa0\x80b").unwrap();
        assert_eq!(d.text, "a\u{fffd}b");
        assert!(d.lone_surrogate.unwrap().is_pyrs_limitation());
        let d = decode_surrogatepass("h\u{e9}\u{1F600}".as_bytes()).unwrap();
        assert_eq!(d.text, "h\u{e9}\u{1F600}");
        assert!(d.lone_surrogate.is_none());
    }
}
