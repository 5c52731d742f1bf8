//! `.pyc` files: a 16-byte header (PEP 552) followed by one marshalled code
//! object.
//!
//! Two CPython paths read them, and they disagree on order and messages:
//!
//! - running a `.pyc` as a script, `run_pyc_file` in `Python/pythonrun.c`:
//!   reads the magic as a 4-byte long (too short: `EOFError: EOF read where
//!   not expected`), compares it (`RuntimeError: Bad magic number in .pyc
//!   file`), skips the other three longs without looking at the flags
//!   (too short: the same `EOFError`), then reads the body (any failure,
//!   or a non-code object: `RuntimeError: Bad code object in .pyc file`).
//!   [`read_pyc`] follows this path; [`PycError::script_error`] gives its
//!   messages.
//! - importing, `_classify_pyc` and `_compile_bytecode` in
//!   `Lib/importlib/_bootstrap_external.py`: compares the magic first, even
//!   of a file shorter than 4 bytes (`ImportError: bad magic number in
//!   'name': b'...'`), then the length (`EOFError: reached EOF while reading
//!   pyc header of 'name'`), then rejects unknown flags (`ImportError:
//!   invalid flags 4 in 'name'`); `marshal.loads` errors on the body
//!   propagate unchanged, and a non-code body is `ImportError: Non-code
//!   object in 'path'`. [`classify_pyc`] checks the header this way;
//!   [`PycError::import_error`] gives the messages.

use std::fmt;

use super::error::{ErrorKind, MarshalError};
use super::reader::loads;
use super::value::Value;
use super::writer::dumps;

/// CPython 3.14's bytecode magic number (`PYC_MAGIC_NUMBER` in
/// `Include/internal/pycore_magic_number.h`).
pub const MAGIC_NUMBER: u16 = 3627;

/// The first four bytes of every CPython 3.14 `.pyc`: the magic number,
/// little-endian, then `\r\n` (`importlib.util.MAGIC_NUMBER`).
pub const MAGIC: [u8; 4] = {
    let n = MAGIC_NUMBER.to_le_bytes();
    [n[0], n[1], b'\r', b'\n']
};

/// How a `.pyc` is checked against its source (the last 8 header bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PycValidation {
    /// Flags bit 0 clear: the source's modification time and size, each
    /// truncated to 32 bits.
    Timestamp { mtime: u32, source_size: u32 },
    /// Flags bit 0 set: `importlib.util.source_hash` of the source.
    Hash { source_hash: [u8; 8] },
}

/// The 16-byte header of a `.pyc` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PycHeader {
    pub magic: [u8; 4],
    /// Bit 0: hash-based; bit 1: check the source (hash-based only).
    /// Written as given; [`classify_pyc`] rejects other bits as importlib
    /// does.
    pub flags: u32,
    pub validation: PycValidation,
}

impl PycHeader {
    /// Flags bit: the header holds a source hash, not a timestamp.
    pub const FLAG_HASH_BASED: u32 = 0b01;
    /// Flags bit: a hash-based `.pyc` whose source should be checked.
    pub const FLAG_CHECK_SOURCE: u32 = 0b10;
    /// Length of the header in bytes.
    pub const LEN: usize = 16;

    /// The header `_code_to_timestamp_pyc` writes.
    pub fn timestamp(mtime: u32, source_size: u32) -> Self {
        PycHeader {
            magic: MAGIC,
            flags: 0,
            validation: PycValidation::Timestamp { mtime, source_size },
        }
    }

    /// The header `_code_to_hash_pyc` writes.
    pub fn hash_based(source_hash: [u8; 8], check_source: bool) -> Self {
        let check = if check_source {
            Self::FLAG_CHECK_SOURCE
        } else {
            0
        };
        PycHeader {
            magic: MAGIC,
            flags: Self::FLAG_HASH_BASED | check,
            validation: PycValidation::Hash { source_hash },
        }
    }

    /// Splits 16 header bytes into fields, without checking them. Bit 0 of
    /// the flags decides how the last 8 bytes are read.
    pub fn from_bytes(bytes: &[u8; 16]) -> Self {
        let word =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let flags = word(4);
        let validation = if flags & Self::FLAG_HASH_BASED != 0 {
            let mut source_hash = [0; 8];
            source_hash.copy_from_slice(&bytes[8..16]);
            PycValidation::Hash { source_hash }
        } else {
            PycValidation::Timestamp {
                mtime: word(8),
                source_size: word(12),
            }
        };
        PycHeader {
            magic: [bytes[0], bytes[1], bytes[2], bytes[3]],
            flags,
            validation,
        }
    }

    /// The 16 header bytes.
    pub fn to_bytes(&self) -> [u8; 16] {
        let mut out = [0; 16];
        out[..4].copy_from_slice(&self.magic);
        out[4..8].copy_from_slice(&self.flags.to_le_bytes());
        match self.validation {
            PycValidation::Timestamp { mtime, source_size } => {
                out[8..12].copy_from_slice(&mtime.to_le_bytes());
                out[12..16].copy_from_slice(&source_size.to_le_bytes());
            }
            PycValidation::Hash { source_hash } => out[8..16].copy_from_slice(&source_hash),
        }
        out
    }
}

/// The golden-test rendering, e.g.
/// `magic 2b0e0d0a flags 0x00000000 mtime 1 source_size 2`.
impl fmt::Display for PycHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "magic ")?;
        for b in self.magic {
            write!(f, "{b:02x}")?;
        }
        write!(f, " flags {:#010x}", self.flags)?;
        match self.validation {
            PycValidation::Timestamp { mtime, source_size } => {
                write!(f, " mtime {mtime} source_size {source_size}")
            }
            PycValidation::Hash { source_hash } => {
                write!(f, " source_hash ")?;
                source_hash.iter().try_for_each(|b| write!(f, "{b:02x}"))
            }
        }
    }
}

/// Why a `.pyc` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PycError {
    /// Fewer bytes than the header needs (`len` is the file's length).
    TruncatedHeader { len: usize },
    /// The magic number is not CPython 3.14's (`found`: the first bytes,
    /// up to 4).
    BadMagic { found: Vec<u8> },
    /// Flags other than the two defined bits (only [`classify_pyc`]).
    InvalidFlags { flags: u32 },
    /// The body is not valid marshal data.
    BadBody(MarshalError),
    /// The body is valid marshal data but not a code object.
    NotCode { type_name: &'static str },
}

impl PycError {
    /// The exception CPython raises when running the file as a script
    /// (`python3.14 file.pyc`, `run_pyc_file`). `InvalidFlags` cannot
    /// happen there (flags are not checked); it is given importlib's
    /// message without a name. A pyrs limitation in the body (see
    /// [`MarshalError::is_pyrs_limitation`]) is passed through rather than
    /// disguised as a bad code object, since CPython would run the file.
    pub fn script_error(&self) -> (ErrorKind, String) {
        match self {
            PycError::BadBody(e) if e.is_pyrs_limitation() => (e.kind(), e.message().to_owned()),
            PycError::TruncatedHeader { .. } => {
                (ErrorKind::EOFError, "EOF read where not expected".into())
            }
            PycError::BadMagic { .. } => (
                ErrorKind::RuntimeError,
                "Bad magic number in .pyc file".into(),
            ),
            PycError::InvalidFlags { flags } => {
                (ErrorKind::ImportError, format!("invalid flags {flags}"))
            }
            PycError::BadBody(_) | PycError::NotCode { .. } => (
                ErrorKind::RuntimeError,
                "Bad code object in .pyc file".into(),
            ),
        }
    }

    /// The exception importlib raises when importing the file.
    /// `name_repr` and `path_repr` are the Python `repr()`s of the module
    /// name and of the `.pyc` path, as the caller's object model gives them.
    pub fn import_error(&self, name_repr: &str, path_repr: &str) -> (ErrorKind, String) {
        match self {
            PycError::TruncatedHeader { .. } => (
                ErrorKind::EOFError,
                format!("reached EOF while reading pyc header of {name_repr}"),
            ),
            PycError::BadMagic { found } => (
                ErrorKind::ImportError,
                format!("bad magic number in {name_repr}: {}", bytes_repr(found)),
            ),
            PycError::InvalidFlags { flags } => (
                ErrorKind::ImportError,
                format!("invalid flags {flags} in {name_repr}"),
            ),
            PycError::BadBody(e) => (e.kind(), e.message().to_owned()),
            PycError::NotCode { .. } => (
                ErrorKind::ImportError,
                format!("Non-code object in {path_repr}"),
            ),
        }
    }
}

impl fmt::Display for PycError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, message) = self.script_error();
        match self {
            PycError::BadBody(e) => write!(f, "{kind}: {message} ({e})"),
            _ => write!(f, "{kind}: {message}"),
        }
    }
}

impl std::error::Error for PycError {}

/// Python's `repr()` of a bytes object.
fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &b in bytes {
        match b {
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\\' => out.push_str("\\\\"),
            _ if char::from(b) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Reads a `.pyc` the way `run_pyc_file` does: magic, the rest of the
/// header (flags not checked), then a body that must be a code object.
/// Bytes after the code object are ignored. The returned value is always a
/// [`Value::Code`].
pub fn read_pyc(data: &[u8]) -> Result<(PycHeader, Value), PycError> {
    let truncated = PycError::TruncatedHeader { len: data.len() };
    let magic = data.get(..4).ok_or_else(|| truncated.clone())?;
    if magic != MAGIC {
        return Err(PycError::BadMagic {
            found: magic.to_vec(),
        });
    }
    let header: &[u8; 16] = data
        .get(..PycHeader::LEN)
        .and_then(|h| h.try_into().ok())
        .ok_or(truncated)?;
    let header = PycHeader::from_bytes(header);
    Ok((header, read_pyc_body(&data[PycHeader::LEN..])?))
}

/// Reads the body of a `.pyc` (what follows the header): one marshalled
/// object, which must be a code object (`run_pyc_file`'s `PyCode_Check`,
/// `_compile_bytecode`'s `isinstance(code, _code_type)`). Trailing bytes are
/// ignored.
pub fn read_pyc_body(body: &[u8]) -> Result<Value, PycError> {
    match loads(body).map_err(PycError::BadBody)? {
        code @ Value::Code(_) => Ok(code),
        other => Err(PycError::NotCode {
            type_name: other.type_name(),
        }),
    }
}

/// Checks a `.pyc` header the way importlib's `_classify_pyc` does (magic,
/// then length, then flags) and returns it. The body is not read.
pub fn classify_pyc(data: &[u8]) -> Result<PycHeader, PycError> {
    let magic = &data[..data.len().min(4)];
    if magic != MAGIC {
        return Err(PycError::BadMagic {
            found: magic.to_vec(),
        });
    }
    let header: &[u8; 16] = data
        .get(..PycHeader::LEN)
        .and_then(|h| h.try_into().ok())
        .ok_or(PycError::TruncatedHeader { len: data.len() })?;
    let header = PycHeader::from_bytes(header);
    if header.flags & !(PycHeader::FLAG_HASH_BASED | PycHeader::FLAG_CHECK_SOURCE) != 0 {
        return Err(PycError::InvalidFlags {
            flags: header.flags,
        });
    }
    Ok(header)
}

/// Writes a `.pyc`: the header, then the marshalled code object (what
/// `_code_to_timestamp_pyc` / `_code_to_hash_pyc` produce). `code` must be
/// a [`Value::Code`].
pub fn write_pyc(code: &Value, header: &PycHeader) -> Result<Vec<u8>, MarshalError> {
    if !matches!(code, Value::Code(_)) {
        return Err(MarshalError::new(
            ErrorKind::TypeError,
            format!("a .pyc holds a code object, not {}", code.type_name()),
        ));
    }
    let mut out = header.to_bytes().to_vec();
    out.extend_from_slice(&dumps(code)?);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_is_3627() {
        assert_eq!(MAGIC, [0x2b, 0x0e, 0x0d, 0x0a]);
    }

    #[test]
    fn bytes_repr_like_python() {
        assert_eq!(bytes_repr(b"\x00\x00\r\n"), "b'\\x00\\x00\\r\\n'");
        assert_eq!(bytes_repr(b"a'"), "b\"a'\"");
        assert_eq!(bytes_repr(b"a'\""), "b'a\\'\"'");
    }

    #[test]
    fn header_round_trip() {
        for h in [
            PycHeader::timestamp(0x1234_5678, 99),
            PycHeader::hash_based(*b"\x01\x02\x03\x04\x05\x06\x07\x08", true),
        ] {
            assert_eq!(PycHeader::from_bytes(&h.to_bytes()), h);
        }
    }
}
