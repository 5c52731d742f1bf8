//! The string-level algorithms of CPython 3.14's `str` methods that are not
//! a plain per-character loop (`Objects/unicodeobject.c`): case conversions
//! with the final-sigma rule and the word rule of `title()`, the cased-letter
//! logic of `islower()`/`isupper()`/`istitle()`, identifiers and line
//! splitting.
//!
//! All-ASCII strings take byte-level fast paths that give the same results,
//! since no ASCII character has a multi-character mapping, and the ASCII
//! cased characters are exactly the letters.

use std::iter::FusedIterator;

use super::case::{CaseMapping, to_casefold, to_lower, to_title, to_upper};
use super::props::{
    is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit, is_linebreak, is_lower,
    is_numeric, is_printable, is_space, is_title, is_upper, is_xid_continue, is_xid_start,
};

const CAPITAL_SIGMA: char = '\u{3A3}';

/// `handle_capital_sigma`: the lowercase of the capital sigma at byte `i`
/// of `s`. It is the final form `'ς'` when a cased character precedes it
/// and none follows it, case-ignorable characters being skipped both ways
/// (Unicode's `Final_Sigma` condition); otherwise `'σ'`.
fn handle_capital_sigma(s: &str, i: usize) -> char {
    let before = s.get(..i).unwrap_or("");
    let after = s.get(i + CAPITAL_SIGMA.len_utf8()..).unwrap_or("");
    let significant = |c: &char| !is_case_ignorable(*c);
    let cased_before = before.chars().rev().find(significant).is_some_and(is_cased);
    let cased_after = after.chars().find(significant).is_some_and(is_cased);
    if cased_before && !cased_after {
        '\u{3C2}'
    } else {
        '\u{3C3}'
    }
}

/// `lower_ucs4`: the full lowercase of `c`, found at byte `i` of `s`, with
/// the final-sigma rule applied to a capital sigma.
fn lower_at(s: &str, i: usize, c: char) -> CaseMapping {
    if c == CAPITAL_SIGMA {
        CaseMapping::one(handle_capital_sigma(s, i))
    } else {
        to_lower(c)
    }
}

/// Builds a string by mapping each character of `s`, given with its byte
/// offset (`case_operation`).
fn map_chars(s: &str, mut f: impl FnMut(usize, char) -> CaseMapping) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        out.extend(f(i, c));
    }
    out
}

/// `str.upper()` (`do_upper`): every character's full uppercase mapping.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    map_chars(s, |_, c| to_upper(c))
}

/// `str.lower()` (`do_lower`): every character's full lowercase mapping, a
/// capital sigma becoming `'ς'` at the end of a word.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map_chars(s, |i, c| lower_at(s, i, c))
}

/// `str.casefold()` (`do_casefold`): every character's full case folding.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map_chars(s, |_, c| to_casefold(c))
}

/// `str.swapcase()` (`do_swapcase`): uppercase characters are lowercased
/// (with the final-sigma rule), lowercase ones uppercased, others kept.
pub fn swapcase(s: &str) -> String {
    if s.is_ascii() {
        let bytes = s.bytes().map(|b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        });
        return bytes.map(char::from).collect();
    }
    map_chars(s, |i, c| {
        if is_upper(c) {
            lower_at(s, i, c)
        } else if is_lower(c) {
            to_upper(c)
        } else {
            CaseMapping::one(c)
        }
    })
}

/// `str.capitalize()` (`do_capitalize`, the rule since Python 3.8): the
/// first character titlecased, every other one lowercased.
pub fn capitalize(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return out;
    }
    map_chars(s, |i, c| {
        if i == 0 {
            to_title(c)
        } else {
            lower_at(s, i, c)
        }
    })
}

/// `str.title()` (`do_title`): a character that follows a cased character
/// is lowercased, any other is titlecased. Words are thus runs of cased
/// characters, so `"they're 2nd"` becomes `"They'Re 2Nd"`.
pub fn title(s: &str) -> String {
    if s.is_ascii() {
        let mut previous_is_cased = false;
        let bytes = s.bytes().map(|b| {
            let mapped = if previous_is_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            previous_is_cased = b.is_ascii_alphabetic();
            char::from(mapped)
        });
        return bytes.collect();
    }
    let mut previous_is_cased = false;
    map_chars(s, |i, c| {
        let mapped = if previous_is_cased {
            lower_at(s, i, c)
        } else {
            to_title(c)
        };
        previous_is_cased = is_cased(c);
        mapped
    })
}

/// The only character of `s`, if it has exactly one.
fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// `str.islower()` (`unicode_islower_impl`): there is a cased character and
/// every cased character is lowercase (none uppercase or titlecase).
pub fn str_is_lower(s: &str) -> bool {
    if let Some(c) = single(s) {
        return is_lower(c);
    }
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `str.isupper()` (`unicode_isupper_impl`): there is a cased character and
/// every cased character is uppercase (none lowercase or titlecase).
pub fn str_is_upper(s: &str) -> bool {
    if let Some(c) = single(s) {
        return is_upper(c);
    }
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `str.istitle()` (`unicode_istitle_impl`): there is a cased character,
/// uppercase and titlecase characters only follow uncased ones, and
/// lowercase characters only follow cased ones.
pub fn str_is_title(s: &str) -> bool {
    if let Some(c) = single(s) {
        return is_title(c) || is_upper(c);
    }
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// Whether `s` is non-empty and every character satisfies `pred`: the shape
/// of `str.isalpha()` and its siblings.
fn all_nonempty(s: &str, pred: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `str.isalpha()` (`unicode_isalpha_impl`); false for `""`.
pub fn str_is_alpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}

/// `str.isalnum()` (`unicode_isalnum_impl`); false for `""`.
pub fn str_is_alnum(s: &str) -> bool {
    all_nonempty(s, is_alnum)
}

/// `str.isdecimal()` (`unicode_isdecimal_impl`); false for `""`.
pub fn str_is_decimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}

/// `str.isdigit()` (`unicode_isdigit_impl`); false for `""`.
pub fn str_is_digit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}

/// `str.isnumeric()` (`unicode_isnumeric_impl`); false for `""`.
pub fn str_is_numeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}

/// `str.isspace()` (`unicode_isspace_impl`); false for `""`.
pub fn str_is_space(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// `str.isprintable()` (`unicode_isprintable_impl`); true for `""`.
pub fn str_is_printable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// `str.isidentifier()` (`PyUnicode_IsIdentifier`, through
/// `_PyUnicode_ScanIdentifier`): non-empty, starting with an `XID_Start`
/// character or `_`, continuing with `XID_Continue` characters. No NFKC
/// normalisation is applied, as CPython applies none here.
pub fn is_identifier(s: &str) -> bool {
    if s.is_ascii() {
        let bytes = s.as_bytes();
        return bytes
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
            && bytes
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'_');
    }
    let mut chars = s.chars();
    chars.next().is_some_and(|c| is_xid_start(c) || c == '_') && chars.all(is_xid_continue)
}

/// `str.splitlines(keepends)` (`PyUnicode_Splitlines`, the stringlib
/// `splitlines`): the lines of `s`, each ended by a line boundary
/// ([`is_linebreak`], with `"\r\n"` read as one), kept only if `keepends`.
/// A final boundary does not start an empty last line.
pub fn splitlines(s: &str, keepends: bool) -> SplitLines<'_> {
    SplitLines { rest: s, keepends }
}

/// The iterator of [`splitlines`].
#[derive(Clone, Debug)]
pub struct SplitLines<'a> {
    rest: &'a str,
    keepends: bool,
}

impl<'a> Iterator for SplitLines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let s = self.rest;
        let Some((eol, c)) = s.char_indices().find(|&(_, c)| is_linebreak(c)) else {
            self.rest = "";
            return Some(s);
        };
        let width = if s.get(eol..eol + 2) == Some("\r\n") {
            2
        } else {
            c.len_utf8()
        };
        let (line, rest) = s.split_at_checked(eol + width).unwrap_or((s, ""));
        self.rest = rest;
        Some(if self.keepends {
            line
        } else {
            line.get(..eol).unwrap_or(line)
        })
    }
}

impl FusedIterator for SplitLines<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generic per-character path of each case operation, for checking
    /// the ASCII fast paths against.
    fn slow(op: fn(&str) -> String, s: &str) -> String {
        // A non-ASCII character that every operation maps to itself and that
        // is not cased, case-ignorable or a line break forces the slow path
        // without changing the result for the rest.
        let marked = format!("{s}\u{4E00}");
        let out = op(&marked);
        out.strip_suffix('\u{4E00}').unwrap_or(&out).to_string()
    }

    #[test]
    fn ascii_fast_paths_match_generic() {
        type Op = fn(&str) -> String;
        let ops: [(&str, Op); 6] = [
            ("upper", upper),
            ("lower", lower),
            ("casefold", casefold),
            ("swapcase", swapcase),
            ("capitalize", capitalize),
            ("title", title),
        ];
        let all: String = (0..0x80u8).map(char::from).collect();
        let samples = [
            "",
            "a",
            "hello world",
            "HELLO wORLD",
            "they're bill's friends",
            "2nd 3RD x1y",
            "a.b:c^d`e'f_g",
            all.as_str(),
        ];
        for s in samples {
            for (name, op) in ops {
                assert_eq!(op(s), slow(op, s), "{name}({s:?})");
            }
            let generic = {
                let mut chars = s.chars();
                chars.next().is_some_and(|c| is_xid_start(c) || c == '_')
                    && chars.all(is_xid_continue)
            };
            assert_eq!(is_identifier(s), generic, "isidentifier({s:?})");
        }
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn final_sigma() {
        assert_eq!(lower("ΣΑΣ"), "σας");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("aΣ"), "aς");
        assert_eq!(lower("aΣb"), "aσb");
        assert_eq!(lower("a'Σ'"), "a'ς'");
        assert_eq!(lower("a'Σ'b"), "a'σ'b");
        assert_eq!(lower("'Σ"), "'σ");
        assert_eq!(title("ΣΣ"), "Σς");
        assert_eq!(capitalize("ΑΣ ΑΣ"), "Ας ας");
        assert_eq!(swapcase("ΑΣ"), "ας");
    }

    #[test]
    fn words_and_predicates() {
        assert_eq!(title("they're bill's 2nd"), "They'Re Bill'S 2Nd");
        assert_eq!(title("ǆemal ﬁsh"), "ǅemal Fish");
        assert_eq!(capitalize("ǆEMAL"), "ǅemal");
        assert_eq!(upper("straße"), "STRASSE");
        assert_eq!(casefold("Straße"), "strasse");
        assert_eq!(lower("İ"), "i\u{307}");
        assert!(str_is_title("ǅemal") && !str_is_title("ǅEmal") && !str_is_title(""));
        assert!(str_is_lower("abc1") && !str_is_lower("1") && !str_is_lower("aǅ"));
        assert!(str_is_upper("ABC1") && !str_is_upper("") && !str_is_upper("Aǅ"));
        assert!(is_identifier("_x1") && is_identifier("ℕ") && !is_identifier("1x"));
        assert!(!is_identifier("") && !is_identifier("a-b") && is_identifier("_"));
        assert!(str_is_printable("") && !str_is_space("") && str_is_space(" \u{3000}"));
    }

    #[test]
    fn lines() {
        let split = |s, keep| splitlines(s, keep).collect::<Vec<_>>();
        assert_eq!(split("", true), Vec::<&str>::new());
        assert_eq!(split("a\r\nb\rc\n", true), ["a\r\n", "b\r", "c\n"]);
        assert_eq!(split("a\r\nb\rc\n", false), ["a", "b", "c"]);
        assert_eq!(split("\n\r\r\n", false), ["", "", ""]);
        assert_eq!(split("x\u{2028}y\u{85}", true), ["x\u{2028}", "y\u{85}"]);
        assert_eq!(split("x\x1fy\x1cz", false), ["x\x1fy", "z"]);
    }
}
