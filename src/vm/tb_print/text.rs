//! The `str` operations `traceback.py` leans on, with Python's semantics:
//! whitespace is Unicode whitespace (`str.isspace`), lengths and offsets
//! count code points, slices clamp and accept negative bounds, and
//! `textwrap.dedent`/`textwrap.indent` and `str.splitlines` split exactly
//! where Python's do. The printer must never panic, so every index here is
//! checked.

use crate::unicode::{is_space, is_wide, splitlines as py_splitlines};

/// `str.splitlines()` (no line ends kept).
pub fn splitlines(s: &str) -> Vec<&str> {
    py_splitlines(s, false).collect()
}

/// `s.strip()`.
pub fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `s.lstrip()`.
pub fn lstrip(s: &str) -> &str {
    s.trim_start_matches(is_space)
}

/// `s.rstrip()`.
pub fn rstrip(s: &str) -> &str {
    s.trim_end_matches(is_space)
}

/// `s.isspace()`: non-empty and all whitespace.
pub fn is_blank(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_space)
}

/// `len(s)`: the length in code points.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The byte offset of code point `i` of `s` (its length when `i` is past
/// the end).
fn byte_at(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// The bounds of `seq[start:stop]` for a sequence of `len` items, as
/// Python's slice indices resolve them (`PySlice_AdjustIndices`, step 1).
pub fn slice_bounds(len: usize, start: i64, stop: i64) -> (usize, usize) {
    let n = i64::try_from(len).unwrap_or(i64::MAX);
    let fix = |i: i64| -> usize {
        let j = if i < 0 {
            i.saturating_add(n).max(0)
        } else {
            i.min(n)
        };
        usize::try_from(j).unwrap_or(0)
    };
    let (a, b) = (fix(start), fix(stop));
    (a, b.max(a))
}

/// `s[start:stop]` with code-point indices.
pub fn char_slice(s: &str, start: i64, stop: i64) -> &str {
    let (a, b) = slice_bounds(char_len(s), start, stop);
    let (ba, bb) = (byte_at(s, a), byte_at(s, b));
    s.get(ba..bb).unwrap_or("")
}

/// `seq[i]` with Python's negative indexing; None where Python raises
/// IndexError.
pub fn py_index<T>(seq: &[T], i: i64) -> Option<&T> {
    let n = i64::try_from(seq.len()).ok()?;
    let j = if i < 0 { i.checked_add(n)? } else { i };
    seq.get(usize::try_from(j).ok()?)
}

/// `traceback._byte_offset_to_character_offset`: the number of characters
/// in the first `offset` UTF-8 bytes of `s`, a cut character counting as
/// the one U+FFFD `errors="replace"` decodes it to.
pub fn byte_offset_to_character_offset(s: &str, offset: i64) -> i64 {
    let (_, end) = slice_bounds(s.len(), 0, offset);
    let n = s.char_indices().take_while(|&(b, _)| b < end).count();
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// `traceback._display_width`: the columns the first `offset` characters
/// of `line` take on a terminal, wide (East Asian Width `W`/`F`) ones
/// counting two. An ASCII line answers `offset` itself, unclamped.
pub fn display_width(line: &str, offset: Option<i64>) -> i64 {
    let offset = offset.unwrap_or_else(|| i64::try_from(char_len(line)).unwrap_or(i64::MAX));
    if line.is_ascii() {
        return offset;
    }
    let (_, end) = slice_bounds(char_len(line), 0, offset);
    line.chars()
        .take(end)
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

/// `textwrap.dedent`: removes the longest run of spaces and tabs that
/// begins every line that is not blank; blank lines become empty.
pub fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let non_blank = lines.iter().filter(|l| !l.is_empty() && !is_blank(l));
    // min/max by code point, which is the byte order of UTF-8.
    let l1 = non_blank.clone().min().copied().unwrap_or("");
    let l2 = non_blank.max().copied().unwrap_or("");
    let mut margin = 0;
    for ((i, c), d) in l1
        .char_indices()
        .zip(l2.chars().chain(std::iter::repeat('\0')))
    {
        margin = i;
        if c != d || !matches!(c, ' ' | '\t') {
            break;
        }
    }
    let out: Vec<&str> = lines
        .iter()
        .map(|l| {
            if is_blank(l) {
                ""
            } else {
                l.get(margin..).unwrap_or("")
            }
        })
        .collect();
    out.join("\n")
}

/// `textwrap.indent(text, prefix, predicate)`: `prefix` before every line
/// (as `str.splitlines(True)` cuts them) that `pred` accepts.
pub fn indent(text: &str, prefix: &str, pred: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for line in py_splitlines(text, true) {
        if pred(line) {
            out.push_str(prefix);
        }
        out.push_str(line);
    }
    out
}

/// `textwrap.indent`'s default predicate: the line is not only whitespace.
pub fn not_blank(line: &str) -> bool {
    !is_blank(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_python() {
        assert_eq!(byte_offset_to_character_offset("aé b", 3), 2);
        assert_eq!(byte_offset_to_character_offset("aé b", 2), 2);
        assert_eq!(byte_offset_to_character_offset("ab", 10), 2);
        assert_eq!(byte_offset_to_character_offset("abc", -1), 2);
        assert_eq!(display_width("ab", Some(5)), 5);
        assert_eq!(display_width("a日b", Some(5)), 4);
        assert_eq!(char_slice("héllo", 1, -1), "éll");
        assert_eq!(char_slice("abc", 2, 1), "");
        assert_eq!(py_index(&[1, 2, 3], -1), Some(&3));
        assert_eq!(py_index(&[1, 2, 3], 3), None);
    }

    #[test]
    fn dedent_and_indent() {
        assert_eq!(dedent("    a\n      b\n\n"), "a\n  b\n\n");
        assert_eq!(dedent("\ta\n  b\n"), "\ta\n  b\n");
        assert_eq!(dedent("  a\n   \n  b"), "a\n\nb");
        assert_eq!(indent("a\n\nb\n", "> ", not_blank), "> a\n\n> b\n");
        assert_eq!(indent("a\n\nb\n", "> ", |_| true), "> a\n> \n> b\n");
    }
}
