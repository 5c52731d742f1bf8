//! The Unicode character database as CPython 3.14's `str` methods use it.
//!
//! Python's `str.isalpha()`, `str.upper()`, `str.splitlines()`, `repr()`'s
//! escaping, `int()`'s digits and the traceback's column widths must answer
//! exactly as CPython 3.14 does for every code point. Rust's own `char`
//! methods cannot stand in: they follow another Unicode version and other
//! definitions (Rust's `is_alphabetic` is the `Alphabetic` property, Python's
//! `isalpha` is the `L*` categories; Rust's `to_uppercase` is
//! context-free where `str.lower()` has a final-sigma rule). So the tables
//! here are generated from python3.14 itself by
//! `tools/unicode/gen_tables.py` (Unicode 16.0.0), and every code point is
//! checked against python3.14's answers by `tests/unicode_golden.rs`.
//!
//! - the per-character predicates and values mirror
//!   `Objects/unicodectype.c` (`Py_UNICODE_ISALPHA`, `_PyUnicode_ToNumeric`,
//!   ...), plus the East Asian Width that `unicodedata` reports;
//! - per-character full case mappings mirror `_PyUnicode_ToUpperFull` and
//!   its siblings;
//! - the string algorithms mirror `do_upper`, `do_title`,
//!   `unicode_istitle_impl`, ... of `Objects/unicodeobject.c`.
//!
//! This module knows nothing about Python objects: it works on `char` and
//! `&str`, never panics and never fails. ASCII takes fast paths everywhere.
//! Code points are `char`s, so lone surrogates (which a Python `str` can
//! hold) are not representable here; in CPython every predicate is false
//! for them, every mapping keeps them and their width is `N`.

mod case;
mod props;
#[rustfmt::skip]
mod tables;
mod text;

pub use case::{
    CaseMapping, to_casefold, to_lower, to_lower_simple, to_title, to_title_simple, to_upper,
    to_upper_simple,
};
pub use props::{
    EastAsianWidth, decimal_value, digit_value, east_asian_width, is_alnum, is_alpha,
    is_case_ignorable, is_cased, is_decimal, is_digit, is_linebreak, is_lower, is_numeric,
    is_printable, is_space, is_title, is_upper, is_wide, is_xid_continue, is_xid_start,
    numeric_value,
};
pub use tables::UNIDATA_VERSION;
pub use text::{
    SplitLines, capitalize, casefold, is_identifier, lower, splitlines, str_is_alnum, str_is_alpha,
    str_is_decimal, str_is_digit, str_is_lower, str_is_numeric, str_is_printable, str_is_space,
    str_is_title, str_is_upper, swapcase, title, upper,
};
