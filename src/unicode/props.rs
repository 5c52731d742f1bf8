//! Per-character properties: the predicates behind `str.isalpha()` and its
//! siblings, numeric values and East Asian widths, each answering exactly as
//! CPython 3.14's `Objects/unicodectype.c` does.
//!
//! Everything known about a code point lives in one record, as in CPython:
//! a word of flag bits and width code, and its case mappings (read by
//! `case.rs`). Code points below U+0100 find their record through a direct
//! table; the rest binary-search the runs of one 256-code-point page, so a
//! lookup costs a handful of comparisons however large the database.

use super::tables::{
    ALPHA, CASE_IGNORABLE, CASED, DECIMAL, DIGIT, LATIN1, LINEBREAK, LOWER, NUMERIC, PAGE_RUNS,
    PAGE_SHIFT, PRINTABLE, RECORDS, RUN_RECORDS, RUN_STARTS, Record, SPACE, TITLE, UPPER,
    WIDTH_SHIFT, XID_CONTINUE, XID_START,
};

/// The record of `c` (`gettyperecord`).
#[inline]
pub(super) fn record(c: char) -> &'static Record {
    let cp = c as u32;
    let index = match LATIN1.get(cp as usize) {
        Some(&i) => i,
        None => run_record(cp),
    };
    // Index 0 is never out of range: the generator writes a non-empty table.
    RECORDS.get(usize::from(index)).unwrap_or(&RECORDS[0])
}

/// The record index of `cp` found through the page index and the runs.
fn run_record(cp: u32) -> u16 {
    let page = (cp >> PAGE_SHIFT) as usize;
    let (Some(&lo), Some(&hi)) = (PAGE_RUNS.get(page), PAGE_RUNS.get(page + 1)) else {
        return 0;
    };
    let (lo, hi) = (usize::from(lo), usize::from(hi));
    // The run holding `cp` is the last of lo..=hi that starts at or before it.
    let later = RUN_STARTS
        .get(lo + 1..=hi)
        .map_or(0, |starts| starts.partition_point(|&s| s <= cp));
    RUN_RECORDS.get(lo + later).copied().unwrap_or(0)
}

#[inline]
fn has(c: char, flag: u32) -> bool {
    record(c).word & flag != 0
}

/// `Py_UNICODE_ISPRINTABLE`: whether `repr()` shows `c` as itself rather than
/// escaping it (`str.isprintable`). Only the space separator is printable
/// among the `Z*` categories, and no `C*` character is.
#[inline]
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' '..='~');
    }
    has(c, PRINTABLE)
}

/// `Py_UNICODE_ISALPHA`: letters, general categories `Lu Ll Lt Lm Lo`
/// (`str.isalpha`).
#[inline]
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    has(c, ALPHA)
}

/// `Py_UNICODE_ISDECIMAL`: characters with a decimal digit value, which
/// `int()` and `float()` accept (`str.isdecimal`).
#[inline]
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    has(c, DECIMAL)
}

/// `Py_UNICODE_ISDIGIT`: characters with a digit value, decimal digits and
/// also superscripts, circled digits and the like (`str.isdigit`).
#[inline]
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    has(c, DIGIT)
}

/// `Py_UNICODE_ISNUMERIC`: characters with any numeric value, digits and
/// also fractions, Roman numerals, CJK numerals (`str.isnumeric`).
#[inline]
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    has(c, NUMERIC)
}

/// `Py_UNICODE_ISALNUM`: alphabetic, decimal, digit or numeric
/// (`str.isalnum`).
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    has(c, ALPHA | DECIMAL | DIGIT | NUMERIC)
}

/// `Py_UNICODE_ISSPACE`: whitespace as `str.isspace()` and `str.split()`
/// see it: category `Zs` or bidirectional class `WS`, `B` or `S`, which
/// takes in the ASCII separators U+001C..U+001F but not U+200B.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..=' ');
    }
    has(c, SPACE)
}

/// `Py_UNICODE_ISLINEBREAK`: where `str.splitlines()` ends a line: `\n`,
/// `\v`, `\f`, `\r`, U+001C..U+001E, U+0085, U+2028 and U+2029.
#[inline]
pub fn is_linebreak(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\n'..='\r' | '\x1c'..='\x1e');
    }
    has(c, LINEBREAK)
}

/// `Py_UNICODE_ISLOWER`: the Unicode `Lowercase` property, which is wider
/// than category `Ll` (it includes e.g. U+00AA and U+2170).
#[inline]
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    has(c, LOWER)
}

/// `Py_UNICODE_ISUPPER`: the Unicode `Uppercase` property, which is wider
/// than category `Lu` (it includes e.g. U+2160 and U+24B6).
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    has(c, UPPER)
}

/// `Py_UNICODE_ISTITLE`: titlecase letters, category `Lt` (such as U+01C5).
#[inline]
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && has(c, TITLE)
}

/// `_PyUnicode_IsCased`: the Unicode `Cased` property (lowercase, uppercase
/// or titlecase), which `str.title()` and the final-sigma rule test.
#[inline]
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    has(c, CASED)
}

/// `_PyUnicode_IsCaseIgnorable`: the Unicode `Case_Ignorable` property
/// (combining marks, format characters, modifiers and a few word-internal
/// punctuation marks such as the apostrophe), which the final-sigma rule
/// skips.
#[inline]
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    has(c, CASE_IGNORABLE)
}

/// `_PyUnicode_IsXidStart`: the Unicode `XID_Start` property. Note that
/// `_` is not in it; identifiers allow it separately.
#[inline]
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    has(c, XID_START)
}

/// `_PyUnicode_IsXidContinue`: the Unicode `XID_Continue` property.
#[inline]
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    has(c, XID_CONTINUE)
}

/// `_PyUnicode_ToNumeric`: the numeric value of `c`
/// (`unicodedata.numeric`), such as 0.5 for U+00BD or 1e12 for U+16B61.
pub fn numeric_value(c: char) -> Option<f64> {
    if c.is_ascii() {
        return c.to_digit(10).map(f64::from);
    }
    if !has(c, NUMERIC) {
        return None;
    }
    let cp = c as u32;
    let runs = &super::tables::NUMERIC_RUNS;
    let i = runs.partition_point(|&(_, last, _)| last < cp);
    match runs.get(i) {
        Some(&(first, _, v)) if first <= cp => Some(v + f64::from(cp - first)),
        _ => None,
    }
}

/// `Py_UNICODE_TODECIMAL`: the decimal digit value of `c`
/// (`unicodedata.decimal`), the digit `int()` reads for it.
#[inline]
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    if !has(c, DECIMAL) {
        return None;
    }
    numeric_value(c).map(|v| v as u32)
}

/// `Py_UNICODE_TODIGIT`: the digit value of `c` (`unicodedata.digit`),
/// defined for decimal digits and for other digits such as U+00B2.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    if !has(c, DIGIT) {
        return None;
    }
    numeric_value(c).map(|v| v as u32)
}

/// The East Asian Width class of a character (UAX #11), as
/// `unicodedata.east_asian_width` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EastAsianWidth {
    /// `N`: not East Asian.
    Neutral = 0,
    /// `Na`: narrow, such as ASCII.
    Narrow = 1,
    /// `H`: halfwidth forms.
    Halfwidth = 2,
    /// `W`: wide, such as CJK ideographs and most emoji.
    Wide = 3,
    /// `F`: fullwidth forms.
    Fullwidth = 4,
    /// `A`: ambiguous, narrow or wide depending on context.
    Ambiguous = 5,
}

impl EastAsianWidth {
    /// The name `unicodedata.east_asian_width` returns: `N`, `Na`, `H`, `W`,
    /// `F` or `A`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Neutral => "N",
            Self::Narrow => "Na",
            Self::Halfwidth => "H",
            Self::Wide => "W",
            Self::Fullwidth => "F",
            Self::Ambiguous => "A",
        }
    }

    fn from_code(code: u32) -> Self {
        match code {
            1 => Self::Narrow,
            2 => Self::Halfwidth,
            3 => Self::Wide,
            4 => Self::Fullwidth,
            5 => Self::Ambiguous,
            _ => Self::Neutral,
        }
    }
}

/// The East Asian Width class of `c` (`unicodedata.east_asian_width`).
#[inline]
pub fn east_asian_width(c: char) -> EastAsianWidth {
    if matches!(c, ' '..='~') {
        return EastAsianWidth::Narrow;
    }
    EastAsianWidth::from_code(record(c).word >> WIDTH_SHIFT)
}

/// Whether `c` takes two columns on a terminal: East Asian Width `W` or `F`,
/// the test of `traceback._display_width` (its `_WIDE_CHAR_SPECIFIERS`).
#[inline]
pub fn is_wide(c: char) -> bool {
    matches!(
        east_asian_width(c),
        EastAsianWidth::Wide | EastAsianWidth::Fullwidth
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    /// The Latin-1 table and the page-and-run search agree wherever both
    /// answer, and the run search covers every code point.
    #[test]
    fn latin1_table_matches_runs() {
        for cp in 0..0x100u32 {
            assert_eq!(LATIN1[cp as usize], run_record(cp), "U+{cp:04X}");
        }
        for c in chars() {
            assert!(usize::from(run_record(c as u32)) < RECORDS.len());
        }
    }

    /// Each ASCII fast path answers as the table does.
    #[test]
    fn ascii_fast_paths_match_table() {
        type Pred = fn(char) -> bool;
        let preds: [(&str, Pred, u32); 15] = [
            ("printable", is_printable, PRINTABLE),
            ("alpha", is_alpha, ALPHA),
            ("decimal", is_decimal, DECIMAL),
            ("digit", is_digit, DIGIT),
            ("numeric", is_numeric, NUMERIC),
            ("alnum", is_alnum, ALPHA | DECIMAL | DIGIT | NUMERIC),
            ("space", is_space, SPACE),
            ("linebreak", is_linebreak, LINEBREAK),
            ("lower", is_lower, LOWER),
            ("upper", is_upper, UPPER),
            ("title", is_title, TITLE),
            ("cased", is_cased, CASED),
            ("case_ignorable", is_case_ignorable, CASE_IGNORABLE),
            ("xid_start", is_xid_start, XID_START),
            ("xid_continue", is_xid_continue, XID_CONTINUE),
        ];
        for c in (0..0x80u8).map(char::from) {
            for (name, pred, flag) in preds {
                assert_eq!(pred(c), has(c, flag), "{name} {c:?}");
            }
            let width = EastAsianWidth::from_code(record(c).word >> WIDTH_SHIFT);
            assert_eq!(east_asian_width(c), width, "{c:?}");
            let digit = has(c, DECIMAL).then(|| c as u32 - '0' as u32);
            assert_eq!(decimal_value(c), digit, "{c:?}");
            assert_eq!(digit_value(c), digit, "{c:?}");
            assert_eq!(numeric_value(c), digit.map(f64::from), "{c:?}");
        }
    }

    #[test]
    fn examples() {
        assert!(is_alpha('é') && is_alpha('ǅ') && !is_alpha('1'));
        assert!(is_title('ǅ') && !is_upper('ǅ') && !is_lower('ǅ'));
        assert!(is_lower('ª') && is_upper('Ⅰ') && is_upper('Ⓐ'));
        assert!(is_space('\u{3000}') && is_space('\x1f') && !is_space('\u{200B}'));
        assert!(is_linebreak('\u{2028}') && !is_linebreak('\x1f'));
        assert!(!is_printable('\u{A0}') && !is_printable('\u{AD}') && is_printable('€'));
        assert!(is_case_ignorable('\u{301}') && is_case_ignorable('\u{2019}'));
        assert!(!is_xid_start('_') && is_xid_continue('_') && is_xid_start('ℕ'));
        assert_eq!(decimal_value('\u{0665}'), Some(5));
        assert_eq!(decimal_value('²'), None);
        assert_eq!(digit_value('²'), Some(2));
        assert_eq!(numeric_value('½'), Some(0.5));
        assert_eq!(numeric_value('\u{16B61}'), Some(1e12));
        assert_eq!(numeric_value('\u{0F33}'), Some(-0.5));
        assert_eq!(numeric_value('x'), None);
        assert_eq!(east_asian_width('中'), EastAsianWidth::Wide);
        assert_eq!(east_asian_width('Ａ'), EastAsianWidth::Fullwidth);
        assert_eq!(east_asian_width('ｱ'), EastAsianWidth::Halfwidth);
        assert_eq!(east_asian_width('α').as_str(), "A");
        assert!(is_wide('😀') && !is_wide('a') && !is_wide('é'));
    }
}
