//! Per-character case mappings as CPython 3.14 applies them: the *full*
//! mappings of `UnicodeData.txt`, `SpecialCasing.txt` (its unconditional
//! part) and `CaseFolding.txt`, where one character may become up to three
//! (`'ß'.upper() == 'SS'`, `'ŉ'.upper() == 'ʼN'`).
//!
//! These are context-free. The one context-dependent rule CPython applies,
//! the final sigma of `str.lower()`, lives with the string algorithms in
//! `text.rs`.

use std::fmt;
use std::iter::FusedIterator;

use super::props::record;
use super::tables::Map;

/// The result of a full case mapping of one character: one to three
/// characters, iterated in order (the `mapped[3]` buffer CPython's
/// `_PyUnicode_To*Full` functions fill). Two mappings are equal when the
/// characters they have left to yield are.
#[derive(Clone, Debug)]
pub struct CaseMapping {
    chars: [char; 3],
    start: u8,
    end: u8,
}

impl CaseMapping {
    /// The mapping of `c` to itself alone, or to one other character.
    pub(super) fn one(c: char) -> Self {
        CaseMapping {
            chars: [c, '\0', '\0'],
            start: 0,
            end: 1,
        }
    }

    fn many(s: &str) -> Self {
        let mut chars = ['\0'; 3];
        let mut end = 0;
        for (slot, c) in chars.iter_mut().zip(s.chars()) {
            *slot = c;
            end += 1;
        }
        CaseMapping {
            chars,
            start: 0,
            end,
        }
    }

    /// The characters not yet iterated.
    pub fn as_slice(&self) -> &[char] {
        self.chars
            .get(usize::from(self.start)..usize::from(self.end))
            .unwrap_or(&[])
    }
}

impl PartialEq for CaseMapping {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for CaseMapping {}

impl Iterator for CaseMapping {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = self.as_slice().first().copied()?;
        self.start += 1;
        Some(c)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.as_slice().len();
        (n, Some(n))
    }
}

impl DoubleEndedIterator for CaseMapping {
    fn next_back(&mut self) -> Option<char> {
        let c = self.as_slice().last().copied()?;
        self.end -= 1;
        Some(c)
    }
}

impl ExactSizeIterator for CaseMapping {}

impl FusedIterator for CaseMapping {}

impl fmt::Display for CaseMapping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice()
            .iter()
            .try_for_each(|&c| fmt::Write::write_char(f, c))
    }
}

/// Applies one case mapping of a record to `c`.
fn apply(map: Map, c: char) -> CaseMapping {
    match map {
        Map::D(delta) => {
            let mapped = (c as u32)
                .checked_add_signed(delta)
                .and_then(char::from_u32);
            CaseMapping::one(mapped.unwrap_or(c))
        }
        Map::S(s) => CaseMapping::many(s),
    }
}

/// `_PyUnicode_ToUpperFull`: the full uppercase mapping of `c`, as
/// `str.upper()` applies it (`'ß'` → `"SS"`, `'ŉ'` → `"ʼN"`).
#[inline]
pub fn to_upper(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_uppercase());
    }
    apply(record(c).upper, c)
}

/// `_PyUnicode_ToLowerFull`: the full lowercase mapping of `c` (`'İ'` →
/// `"i̇"`). Capital sigma maps to `'σ'` here; `lower()` decides on the final
/// form from its context.
#[inline]
pub fn to_lower(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_lowercase());
    }
    apply(record(c).lower, c)
}

/// `_PyUnicode_ToTitleFull`: the full titlecase mapping of `c`, used for the
/// first letter of each word by `str.title()` and `str.capitalize()`
/// (`'ǆ'` → `'ǅ'`, `'ß'` → `"Ss"`, `'ﬁ'` → `"Fi"`).
#[inline]
pub fn to_title(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_uppercase());
    }
    apply(record(c).title, c)
}

/// `_PyUnicode_ToFoldedFull`: the full case folding of `c`, as
/// `str.casefold()` applies it (`'ß'` → `"ss"`, `'ς'` → `'σ'`).
#[inline]
pub fn to_casefold(c: char) -> CaseMapping {
    if c.is_ascii() {
        return CaseMapping::one(c.to_ascii_lowercase());
    }
    apply(record(c).fold, c)
}

/// `_PyUnicode_ToUppercase` (`Py_UNICODE_TOUPPER`): CPython's one-character
/// uppercase, which is the first character of the full mapping (so `'ß'`
/// gives `'S'`), as the regular-expression engine uses it.
#[inline]
pub fn to_upper_simple(c: char) -> char {
    to_upper(c).next().unwrap_or(c)
}

/// `_PyUnicode_ToLowercase` (`Py_UNICODE_TOLOWER`): the first character of
/// the full lowercase mapping, as `_sre.unicode_tolower` returns it.
#[inline]
pub fn to_lower_simple(c: char) -> char {
    to_lower(c).next().unwrap_or(c)
}

/// `_PyUnicode_ToTitlecase` (`Py_UNICODE_TOTITLE`): the first character of
/// the full titlecase mapping.
#[inline]
pub fn to_title_simple(c: char) -> char {
    to_title(c).next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(m: CaseMapping) -> String {
        m.collect()
    }

    /// The ASCII fast paths give what the records give.
    #[test]
    fn ascii_fast_paths_match_tables() {
        for c in (0..0x80u8).map(char::from) {
            assert_eq!(to_upper(c), apply(record(c).upper, c), "{c:?}");
            assert_eq!(to_lower(c), apply(record(c).lower, c), "{c:?}");
            assert_eq!(to_title(c), apply(record(c).title, c), "{c:?}");
            assert_eq!(to_casefold(c), apply(record(c).fold, c), "{c:?}");
        }
    }

    #[test]
    fn examples() {
        assert_eq!(s(to_upper('ß')), "SS");
        assert_eq!(s(to_title('ß')), "Ss");
        assert_eq!(s(to_casefold('ß')), "ss");
        assert_eq!(s(to_lower('ẞ')), "ß");
        assert_eq!(s(to_casefold('ẞ')), "ss");
        assert_eq!(s(to_upper('ﬃ')), "FFI");
        assert_eq!(s(to_title('ﬁ')), "Fi");
        assert_eq!(s(to_lower('İ')), "i\u{307}");
        assert_eq!(s(to_upper('ı')), "I");
        assert_eq!(s(to_lower('Σ')), "σ");
        assert_eq!(s(to_casefold('ς')), "σ");
        assert_eq!(s(to_title('ǆ')), "ǅ");
        assert_eq!(s(to_upper('ǅ')), "Ǆ");
        assert_eq!(s(to_lower('ǅ')), "ǆ");
        assert_eq!(s(to_upper('ა')), "Ა");
        assert_eq!(s(to_title('ა')), "ა");
        assert_eq!(s(to_upper('\u{390}')), "\u{399}\u{308}\u{301}");
        assert_eq!(s(to_upper('\u{345}')), "Ι");
        assert_eq!(s(to_upper('ꭰ')), "Ꭰ");
        assert_eq!(s(to_casefold('Ꭰ')), "Ꭰ");
        assert_eq!(s(to_upper('中')), "中");
        assert_eq!(s(to_upper('\u{10FFFF}')), "\u{10FFFF}");
        assert_eq!(to_upper_simple('ß'), 'S');
        assert_eq!(to_lower_simple('İ'), 'i');
        assert_eq!(to_title_simple('ǆ'), 'ǅ');
    }

    #[test]
    fn iterator_shape() {
        let mut m = to_upper('ﬃ');
        assert_eq!(m.len(), 3);
        assert_eq!(m.next_back(), Some('I'));
        assert_eq!(m.as_slice(), &['F', 'F']);
        assert_eq!(m.to_string(), "FF");
        assert_eq!(m.next(), Some('F'));
        assert_eq!(m.next(), Some('F'));
        assert_eq!(m.next(), None);
        assert_eq!(m.next_back(), None);
        assert_eq!(m.len(), 0);
    }
}
