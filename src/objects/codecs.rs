//! The text codecs pyrs has built in, for `str.encode`, `bytes.decode`,
//! `str(b, encoding)` and `bytes(s, encoding)`: UTF-8 (and `utf-8-sig`),
//! ASCII, Latin-1, UTF-16 and UTF-32 in both byte orders, with CPython's
//! error handlers, error positions and reasons (`Objects/unicodeobject.c`).
//!
//! Codec names are looked up as `encodings.search_function` does: lowered,
//! runs of punctuation folded to `_` (`normalize_encoding`), then the
//! aliases of `encodings/aliases.py`. Other codecs CPython ships (cp1252,
//! the CJK codecs, ...) are not built in and raise LookupError.
//!
//! pyrs strings cannot hold lone surrogates yet, so encoding never meets
//! one, and the handlers that exist to make them (`surrogateescape` and
//! `surrogatepass` on decode) raise NotImplementedError when they would.

use crate::objects::bytes::{bytes_like_data, new_bytes};
use crate::objects::str::StrObject;
use crate::objects::{Obj, PyErr, PyResult, Vm, exceptions, int};

/// A built-in codec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// UTF-16 with a byte-order mark (`utf-16`): writes one in native
    /// (little-endian) order; reads one if present.
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
}

impl Codec {
    /// The name CPython's C codec puts in UnicodeError's `encoding`.
    fn error_name(self) -> &'static str {
        match self {
            Codec::Utf8 | Codec::Utf8Sig => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 | Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 | Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
        }
    }
}

/// `encodings.normalize_encoding` of the lowered name: letters, digits and
/// dots kept, every other run of characters between them one `_`.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c);
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// Finds the codec `name` denotes (`codecs.lookup`), or None.
pub fn lookup(name: &str) -> Option<Codec> {
    let n = normalize(name);
    let by_name = |n: &str| -> Option<Codec> {
        Some(match n {
            "utf_8" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
            "utf_8_sig" => Codec::Utf8Sig,
            "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
            | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
            | "us_ascii" => Codec::Ascii,
            "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1"
            | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => {
                Codec::Latin1
            }
            "utf_16" | "u16" | "utf16" => Codec::Utf16,
            "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16Le,
            "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16Be,
            "utf_32" | "u32" | "utf32" => Codec::Utf32,
            "utf_32_le" | "utf_32le" => Codec::Utf32Le,
            "utf_32_be" | "utf_32be" => Codec::Utf32Be,
            _ => return None,
        })
    };
    by_name(&n).or_else(|| by_name(&n.replace('.', "_")))
}

fn unknown_encoding(vm: &mut Vm, name: &str) -> PyErr {
    vm.lookup_error(format!("unknown encoding: {name}"))
}

fn unknown_handler(vm: &mut Vm, name: &str) -> PyErr {
    vm.lookup_error(format!("unknown error handler name '{name}'"))
}

fn needs_surrogates(vm: &mut Vm, handler: &str) -> PyErr {
    vm.not_implemented_error(format!(
        "pyrs: the '{handler}' error handler needs lone surrogates in str, which pyrs does not support yet"
    ))
}

/// `s.encode(encoding, errors)`; `original` is `s` as an object, for the
/// UnicodeEncodeError.
pub fn encode_str(
    vm: &mut Vm,
    s: &str,
    encoding: &str,
    errors: &str,
    original: &Obj,
) -> PyResult<Vec<u8>> {
    let Some(codec) = lookup(encoding) else {
        return Err(unknown_encoding(vm, encoding));
    };
    Ok(match codec {
        Codec::Utf8 => s.as_bytes().to_vec(),
        Codec::Utf8Sig => {
            let mut out = vec![0xef, 0xbb, 0xbf];
            out.extend_from_slice(s.as_bytes());
            out
        }
        Codec::Ascii => encode_charmap(vm, s, 0x80, codec, errors, original)?,
        Codec::Latin1 => encode_charmap(vm, s, 0x100, codec, errors, original)?,
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let big = codec == Codec::Utf16Be;
            let mut out = Vec::with_capacity(2 * s.len() + 2);
            if codec == Codec::Utf16 {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            let mut units = [0u16; 2];
            for c in s.chars() {
                for u in c.encode_utf16(&mut units) {
                    out.extend_from_slice(&if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    });
                }
            }
            out
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            let big = codec == Codec::Utf32Be;
            let mut out = Vec::with_capacity(4 * s.len() + 4);
            if codec == Codec::Utf32 {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in s.chars() {
                let v = c as u32;
                out.extend_from_slice(&if big {
                    v.to_be_bytes()
                } else {
                    v.to_le_bytes()
                });
            }
            out
        }
    })
}

/// ASCII and Latin-1 encoding: characters below `limit` are one byte each;
/// the error handler decides for each run of the others
/// (`unicode_encode_ucs1`).
fn encode_charmap(
    vm: &mut Vm,
    s: &str,
    limit: u32,
    codec: Codec,
    errors: &str,
    original: &Obj,
) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut pos = 0;
    while pos < chars.len() {
        let v = chars[pos] as u32;
        if v < limit {
            out.push(v as u8);
            pos += 1;
            continue;
        }
        let end = chars[pos..]
            .iter()
            .position(|c| (*c as u32) < limit)
            .map_or(chars.len(), |k| pos + k);
        let bad = &chars[pos..end];
        match errors {
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', bad.len())),
            "backslashreplace" => {
                for c in bad {
                    let v = *c as u32;
                    let esc = if v < 0x100 {
                        format!("\\x{v:02x}")
                    } else if v < 0x10000 {
                        format!("\\u{v:04x}")
                    } else {
                        format!("\\U{v:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for c in bad {
                    out.extend_from_slice(format!("&#{};", *c as u32).as_bytes());
                }
            }
            // These only handle lone surrogates, which a pyrs str never
            // holds: the error stands, as in CPython for other characters.
            "strict" | "surrogateescape" | "surrogatepass" => {
                let reason = format!("ordinal not in range({limit})");
                return Err(encode_error(vm, codec, original, pos, end, &reason));
            }
            "namereplace" => {
                return Err(vm.not_implemented_error(
                    "pyrs: the 'namereplace' error handler needs the Unicode name database, which pyrs does not have yet",
                ));
            }
            other => return Err(unknown_handler(vm, other)),
        }
        pos = end;
    }
    Ok(out)
}

fn encode_error(
    vm: &mut Vm,
    codec: Codec,
    object: &Obj,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let args = vec![
        vm.new_str(codec.error_name()),
        object.clone(),
        int::new_usize(start),
        int::new_usize(end),
        vm.new_str(reason),
    ];
    vm.new_exception(&exceptions::UNICODE_ENCODE_ERROR, args)
}

/// Accumulates decoded text and applies the error handler to each bad
/// stretch of input (`unicode_decode_call_errorhandler_writer` for the
/// built-in handlers).
struct Decoder<'a> {
    data: &'a [u8],
    errors: &'a str,
    codec: Codec,
    out: String,
}

impl Decoder<'_> {
    /// Handles the bad bytes `data[start..end]`.
    fn bad(&mut self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> PyResult<()> {
        match self.errors {
            "ignore" => Ok(()),
            "replace" => {
                self.out.push('\u{fffd}');
                Ok(())
            }
            "backslashreplace" => {
                for b in &self.data[start..end] {
                    self.out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(())
            }
            "strict" => Err(decode_error(vm, self.codec, self.data, start, end, reason)),
            "surrogateescape" | "surrogatepass" => Err(needs_surrogates(vm, self.errors)),
            other => Err(unknown_handler(vm, other)),
        }
    }
}

fn decode_error(
    vm: &mut Vm,
    codec: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let args = vec![
        vm.new_str(codec.error_name()),
        new_bytes(data.to_vec()),
        int::new_usize(start),
        int::new_usize(end),
        vm.new_str(reason),
    ];
    vm.new_exception(&exceptions::UNICODE_DECODE_ERROR, args)
}

/// `data.decode(encoding, errors)`.
pub fn decode_bytes(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Some(codec) = lookup(encoding) else {
        return Err(unknown_encoding(vm, encoding));
    };
    let mut d = Decoder {
        data,
        errors,
        codec,
        out: String::with_capacity(data.len()),
    };
    match codec {
        Codec::Latin1 => d.out.extend(data.iter().map(|&b| b as char)),
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    d.out.push(b as char);
                } else {
                    d.bad(vm, i, i + 1, "ordinal not in range(128)")?;
                }
            }
        }
        Codec::Utf8 => decode_utf8(vm, &mut d, 0)?,
        Codec::Utf8Sig => {
            let skip = if data.starts_with(&[0xef, 0xbb, 0xbf]) {
                3
            } else {
                0
            };
            decode_utf8(vm, &mut d, skip)?
        }
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => decode_utf16(vm, &mut d)?,
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => decode_utf32(vm, &mut d)?,
    }
    Ok(d.out)
}

/// UTF-8 from `d.data[from..]`, with CPython's error ranges and reasons.
fn decode_utf8(vm: &mut Vm, d: &mut Decoder, from: usize) -> PyResult<()> {
    let data = d.data;
    let mut pos = from;
    loop {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                d.out.push_str(s);
                return Ok(());
            }
            Err(e) => {
                let good = e.valid_up_to();
                // The prefix up to `good` was just validated.
                d.out
                    .push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or_default());
                let start = pos + good;
                let len = e.error_len().unwrap_or(data.len() - start);
                let first = data[start];
                let reason = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xc2).contains(&first) || first >= 0xf5 => {
                        "invalid start byte"
                    }
                    Some(_) => "invalid continuation byte",
                };
                d.bad(vm, start, start + len, reason)?;
                pos = start + len;
            }
        }
    }
}

/// UTF-16 (`PyUnicode_DecodeUTF16Stateful`): a BOM picks the order for
/// `utf-16` (and is dropped); without one it is little-endian.
fn decode_utf16(vm: &mut Vm, d: &mut Decoder) -> PyResult<()> {
    let data = d.data;
    let mut big = d.codec == Codec::Utf16Be;
    let mut pos = 0;
    if d.codec == Codec::Utf16 && data.len() >= 2 {
        match (data[0], data[1]) {
            (0xff, 0xfe) => pos = 2,
            (0xfe, 0xff) => {
                pos = 2;
                big = true;
                d.codec = Codec::Utf16Be;
            }
            _ => {}
        }
    }
    let unit = |i: usize| -> u16 {
        let b = [data[i], data[i + 1]];
        if big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        }
    };
    while pos < data.len() {
        if data.len() - pos < 2 {
            d.bad(vm, pos, data.len(), "truncated data")?;
            break;
        }
        let u = unit(pos);
        if !(0xd800..0xe000).contains(&u) {
            d.out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
            pos += 2;
            continue;
        }
        if u >= 0xdc00 {
            d.bad(vm, pos, pos + 2, "illegal encoding")?;
            pos += 2;
            continue;
        }
        if data.len() - pos < 4 {
            d.bad(vm, pos, data.len(), "unexpected end of data")?;
            break;
        }
        let low = unit(pos + 2);
        if !(0xdc00..0xe000).contains(&low) {
            d.bad(vm, pos, pos + 2, "illegal UTF-16 surrogate")?;
            pos += 2;
            continue;
        }
        let c = 0x10000 + (((u as u32) - 0xd800) << 10) + ((low as u32) - 0xdc00);
        d.out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        pos += 4;
    }
    Ok(())
}

/// UTF-32 (`PyUnicode_DecodeUTF32Stateful`), BOM handling as for UTF-16.
fn decode_utf32(vm: &mut Vm, d: &mut Decoder) -> PyResult<()> {
    let data = d.data;
    let mut big = d.codec == Codec::Utf32Be;
    let mut pos = 0;
    if d.codec == Codec::Utf32 && data.len() >= 4 {
        if data[..4] == [0xff, 0xfe, 0, 0] {
            pos = 4;
        } else if data[..4] == [0, 0, 0xfe, 0xff] {
            pos = 4;
            big = true;
            d.codec = Codec::Utf32Be;
        }
    }
    while pos < data.len() {
        if data.len() - pos < 4 {
            d.bad(vm, pos, data.len(), "truncated data")?;
            break;
        }
        let b = [data[pos], data[pos + 1], data[pos + 2], data[pos + 3]];
        let v = if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        };
        match char::from_u32(v) {
            Some(c) => d.out.push(c),
            None if (0xd800..0xe000).contains(&v) => d.bad(
                vm,
                pos,
                pos + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
            )?,
            None => d.bad(vm, pos, pos + 4, "code point not in range(0x110000)")?,
        }
        pos += 4;
    }
    Ok(())
}

/// `str(obj, encoding, errors)`: decodes a bytes-like object.
pub fn decode_object(vm: &mut Vm, o: &Obj, encoding: &str, errors: &str) -> PyResult<String> {
    if o.downcast::<StrObject>().is_some() {
        return Err(vm.type_error("decoding str is not supported"));
    }
    match bytes_like_data(o) {
        Some(d) => decode_bytes(vm, &d, encoding, errors),
        None => Err(vm.type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            o.class().name()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_like_encodings_search_function() {
        assert_eq!(lookup("UTF-8"), Some(Codec::Utf8));
        assert_eq!(lookup("Utf 8"), Some(Codec::Utf8));
        assert_eq!(lookup("  utf--8  "), Some(Codec::Utf8));
        assert_eq!(lookup("ISO8859-1"), Some(Codec::Latin1));
        assert_eq!(lookup("iso_646.irv:1991"), Some(Codec::Ascii));
        assert_eq!(lookup("UTF-16BE"), Some(Codec::Utf16Be));
        assert_eq!(lookup("utf..8"), None);
        assert_eq!(lookup("cp1252"), None);
    }
}
