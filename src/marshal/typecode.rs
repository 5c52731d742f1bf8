//! The one-byte type codes of the marshal format, as `Python/marshal.c`
//! defines them. The high bit ([`FLAG_REF`]) may be set on any of them to ask
//! the reader to remember the object for later [`TYPE_REF`] back-references.

pub const TYPE_NULL: u8 = b'0';
pub const TYPE_NONE: u8 = b'N';
pub const TYPE_FALSE: u8 = b'F';
pub const TYPE_TRUE: u8 = b'T';
pub const TYPE_STOPITER: u8 = b'S';
pub const TYPE_ELLIPSIS: u8 = b'.';
pub const TYPE_INT: u8 = b'i';
/// No longer written by CPython; still read for old data.
pub const TYPE_INT64: u8 = b'I';
/// Text float (marshal versions 0 and 1).
pub const TYPE_FLOAT: u8 = b'f';
pub const TYPE_BINARY_FLOAT: u8 = b'g';
/// Text complex (marshal versions 0 and 1).
pub const TYPE_COMPLEX: u8 = b'x';
pub const TYPE_BINARY_COMPLEX: u8 = b'y';
pub const TYPE_LONG: u8 = b'l';
/// A `bytes` object (the name dates from Python 2's `str`).
pub const TYPE_STRING: u8 = b's';
pub const TYPE_INTERNED: u8 = b't';
pub const TYPE_REF: u8 = b'r';
pub const TYPE_TUPLE: u8 = b'(';
pub const TYPE_LIST: u8 = b'[';
pub const TYPE_DICT: u8 = b'{';
pub const TYPE_CODE: u8 = b'c';
pub const TYPE_UNICODE: u8 = b'u';
/// Written by CPython in front of an unmarshallable object; never readable.
#[allow(dead_code)]
pub const TYPE_UNKNOWN: u8 = b'?';
pub const TYPE_SET: u8 = b'<';
pub const TYPE_FROZENSET: u8 = b'>';
/// Version 5: slice objects (the compiler folds constant slices).
pub const TYPE_SLICE: u8 = b':';
pub const FLAG_REF: u8 = 0x80;

pub const TYPE_ASCII: u8 = b'a';
pub const TYPE_ASCII_INTERNED: u8 = b'A';
pub const TYPE_SMALL_TUPLE: u8 = b')';
pub const TYPE_SHORT_ASCII: u8 = b'z';
pub const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
