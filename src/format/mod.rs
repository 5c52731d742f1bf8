//! Pure formatting and parsing of numbers and strings, as CPython 3.14 does it.
//!
//! This module is the text engine behind `repr(float)`, `format()`, f-string
//! format specs, `str.format`, `%`-formatting, `float(str)`, `int(str, base)`
//! and `round()`. It exists so that the object layer only has to fetch
//! values and pick the right entry point: every digit, padding rule and error
//! message lives here, ported from `Python/formatter_unicode.c`,
//! `Python/pystrtod.c`, `Objects/floatobject.c`, `Objects/longobject.c` and
//! `Objects/unicode_format.c`.
//!
//! It must know nothing about Python objects: inputs are `f64`,
//! [`num_bigint::BigInt`] and `&str`, outputs are `String` or a
//! [`FormatError`] that names the exception CPython raises and its exact
//! message. Nothing here panics or allocates without bound on any input: huge
//! widths and precisions give CPython's error (or `MemoryError` past
//! [`MAX_OUTPUT_CHARS`]).
//!
//! Widths, precisions and padding count characters (code points), as
//! CPython's do.

mod dtoa;
mod error;
pub mod float_repr;
pub mod hex;
mod layout;
pub mod number;
pub mod parse;
pub mod percent;
pub mod round;
pub mod spec;
pub mod text;
mod unicode;

pub use error::{ErrorKind, FormatError};
pub use hex::{float_hex, parse_hex_float};

/// The longest result (in characters) any function here will build. CPython
/// has no fixed limit and raises `MemoryError` when an allocation fails; we
/// raise it, with an empty message as CPython's has, for any result longer
/// than this, rather than let an allocation abort the process.
pub const MAX_OUTPUT_CHARS: usize = i32::MAX as usize;

/// CPython's default `sys.get_int_max_str_digits()`
/// (`_PY_LONG_DEFAULT_MAX_STR_DIGITS`).
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The smallest limit `sys.set_int_max_str_digits()` accepts other than 0
/// (`_PY_LONG_MAX_STR_DIGITS_THRESHOLD`); conversions of at most this many
/// digits are never checked.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

#[cfg(test)]
mod proptests;
