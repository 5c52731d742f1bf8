//! Splitting and stripping `str`: split/rsplit (whitespace and separator
//! forms), splitlines and strip/lstrip/rstrip (CPython's stringlib
//! `split.h` and `unicodeobject.c`'s `do_strip`/`_PyUnicode_XStrip`).
//!
//! These never need code-point indices: they walk the UTF-8 text and cut it
//! at character boundaries. As in CPython, a piece that is the whole of an
//! exact str is that str itself, not a copy.

use super::{positional, ssize_arg, this, unchanged};
use crate::objects::args;
use crate::objects::args::Signature;
use crate::objects::str::StrObject;
use crate::objects::{Obj, PyResult, Vm};
use crate::unicode::is_space;

/// The byte offset of the first character at or after `i` whose
/// whitespace-ness differs from `spaces` (the end of the text if none).
fn skip(text: &str, i: usize, spaces: bool) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| is_space(c) != spaces)
        .map_or(text.len(), |(b, _)| i + b)
}

/// Walking backwards from byte `i`: the offset just past the last character
/// before `i` whose whitespace-ness differs from `spaces` (0 if none).
fn rskip(text: &str, i: usize, spaces: bool) -> usize {
    text[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) != spaces)
        .map_or(0, |(b, c)| b + c.len_utf8())
}

/// stringlib `split_whitespace`: runs of non-whitespace, at most `max`
/// splits; the rest (leading whitespace skipped) is the last piece.
fn split_whitespace(text: &str, mut max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut i = 0;
    while max > 0 {
        i = skip(text, i, true);
        if i == text.len() {
            break;
        }
        let j = i;
        i = skip(text, i, false);
        out.push(&text[j..i]);
        max -= 1;
    }
    if i < text.len() {
        i = skip(text, i, true);
        if i != text.len() {
            out.push(&text[i..]);
        }
    }
    out
}

/// stringlib `rsplit_whitespace`: the mirror image of [`split_whitespace`].
fn rsplit_whitespace(text: &str, mut max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut i = text.len();
    while max > 0 {
        i = rskip(text, i, true);
        if i == 0 {
            break;
        }
        let j = i;
        i = rskip(text, i, false);
        out.push(&text[i..j]);
        max -= 1;
    }
    if i > 0 {
        i = rskip(text, i, true);
        if i > 0 {
            out.push(&text[..i]);
        }
    }
    out.reverse();
    out
}

/// stringlib `split`: the pieces between occurrences of `sep`, at most
/// `max` splits from the left.
fn split_sep<'a>(text: &'a str, sep: &str, mut max: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut i = 0;
    while max > 0 {
        let Some(p) = text[i..].find(sep) else { break };
        out.push(&text[i..i + p]);
        i += p + sep.len();
        max -= 1;
    }
    out.push(&text[i..]);
    out
}

/// stringlib `rsplit`: at most `max` splits from the right.
fn rsplit_sep<'a>(text: &'a str, sep: &str, mut max: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut j = text.len();
    while max > 0 {
        let Some(p) = text[..j].rfind(sep) else { break };
        out.push(&text[p + sep.len()..j]);
        j = p;
        max -= 1;
    }
    out.push(&text[..j]);
    out.reverse();
    out
}

/// The `(sep=None, maxsplit=-1)` arguments of split/rsplit.
fn split_args(
    vm: &mut Vm,
    sig: &Signature,
    a: &[Obj],
    kw: Option<&Obj>,
) -> PyResult<(Option<Obj>, usize)> {
    let [sep, maxsplit] = args::parse::<2>(vm, sig, &a[1..], kw)?;
    let sep = match sep {
        Some(s) if s.is_none() => None,
        Some(s) if s.downcast::<StrObject>().is_none() => {
            return Err(vm.type_error(format!("must be str or None, not {}", s.class().name())));
        }
        other => other,
    };
    let max = match maxsplit {
        Some(m) => ssize_arg(vm, &m)?,
        None => -1,
    };
    Ok((sep, usize::try_from(max).unwrap_or(usize::MAX)))
}

/// The list of pieces; a piece that is all of `self` is `self` when exact.
fn pieces_to_list(vm: &mut Vm, whole: &Obj, pieces: Vec<&str>) -> Obj {
    let full = crate::objects::str::str_value(whole).len();
    let items = pieces
        .into_iter()
        .map(|p| {
            if p.len() == full {
                unchanged(vm, whole)
            } else {
                vm.new_str(p)
            }
        })
        .collect();
    vm.new_list(items)
}

/// `str.split(sep=None, maxsplit=-1)` (`split`).
pub(super) fn str_split(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("split", &["sep", "maxsplit"], 0);
    let (sep, max) = split_args(vm, &SIG, a, kw)?;
    let text = this(a);
    let pieces = match &sep {
        None => split_whitespace(text, max),
        Some(s) => {
            let sep = crate::objects::str::str_value(s);
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            split_sep(text, sep, max)
        }
    };
    Ok(pieces_to_list(vm, &a[0], pieces))
}

/// `str.rsplit(sep=None, maxsplit=-1)` (`rsplit`).
pub(super) fn str_rsplit(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("rsplit", &["sep", "maxsplit"], 0);
    let (sep, max) = split_args(vm, &SIG, a, kw)?;
    let text = this(a);
    let pieces = match &sep {
        None => rsplit_whitespace(text, max),
        Some(s) => {
            let sep = crate::objects::str::str_value(s);
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            rsplit_sep(text, sep, max)
        }
    };
    Ok(pieces_to_list(vm, &a[0], pieces))
}

/// `str.splitlines(keepends=False)` (`PyUnicode_Splitlines`); the line
/// boundaries are the Unicode database's (see [`crate::unicode::splitlines`]).
pub(super) fn str_splitlines(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("splitlines", &["keepends"], 0);
    let [keepends] = args::parse::<1>(vm, &SIG, &a[1..], kw)?;
    let keep = match keepends {
        Some(k) => vm.is_true(&k)?,
        None => false,
    };
    let items = crate::unicode::splitlines(this(a), keep)
        .map(|line| vm.new_str(line))
        .collect();
    Ok(vm.new_list(items))
}

#[derive(Clone, Copy)]
enum Strip {
    Left,
    Right,
    Both,
}

/// strip/lstrip/rstrip (`do_argstrip`): whitespace when `chars` is absent
/// or None, else any of the characters of `chars`.
fn strip_common(vm: &mut Vm, name: &str, a: &[Obj], kw: Option<&Obj>, how: Strip) -> PyResult<Obj> {
    let rest = positional(vm, name, a, kw, 0, 1)?;
    let text = this(a);
    let stripped = match rest.first().filter(|c| !c.is_none()) {
        None => trim(text, how, is_space),
        Some(c) => match c.downcast::<StrObject>() {
            Some(set) => {
                let set = set.as_str();
                if set.is_ascii() {
                    let mut table = [false; 128];
                    for b in set.bytes() {
                        table[b as usize] = true;
                    }
                    trim(text, how, |c| (c as u32) < 128 && table[c as usize])
                } else {
                    trim(text, how, |c| set.contains(c))
                }
            }
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    };
    if stripped.len() == text.len() {
        return Ok(unchanged(vm, &a[0]));
    }
    Ok(vm.new_str(stripped))
}

fn trim(text: &str, how: Strip, pred: impl Fn(char) -> bool) -> &str {
    match how {
        Strip::Left => text.trim_start_matches(pred),
        Strip::Right => text.trim_end_matches(pred),
        Strip::Both => text.trim_matches(pred),
    }
}

/// `str.strip(chars=None, /)`.
pub(super) fn str_strip(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    strip_common(vm, "strip", a, kw, Strip::Both)
}

/// `str.lstrip(chars=None, /)`.
pub(super) fn str_lstrip(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    strip_common(vm, "lstrip", a, kw, Strip::Left)
}

/// `str.rstrip(chars=None, /)`.
pub(super) fn str_rstrip(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    strip_common(vm, "rstrip", a, kw, Strip::Right)
}
