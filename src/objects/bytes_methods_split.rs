//! Splitting and stripping bytes and bytearray: `split`/`rsplit`
//! (`stringlib/split.h`), `splitlines`, `partition`/`rpartition`
//! (`stringlib/partition.h`), `strip`/`lstrip`/`rstrip` (`do_xstrip`,
//! `do_strip`, `do_argstrip` in `Objects/bytesobject.c`) and
//! `removeprefix`/`removesuffix`.
//!
//! Where CPython's immutable template (`!STRINGLIB_MUTABLE`) puts `self`
//! itself into the result of an exact `bytes` that did not split, so do
//! these functions.

use super::search::search;
use super::{
    BytesObject, buffer_arg, data, is_bytearray, is_space, new_result, one_arg, positional,
    ssize_arg, unchanged,
};
use crate::objects::args;
use crate::objects::args::Signature;
use crate::objects::tuple::new_tuple;
use crate::objects::{Obj, PyResult, Vm};

/// Whether `o` is exactly `bytes` (`STRINGLIB_CHECK_EXACT` of the immutable
/// template; the bytearray template never reuses `self`).
fn exact_bytes(o: &Obj) -> bool {
    o.downcast_exact::<BytesObject>().is_some()
}

/// The parsed `(sep=None, maxsplit=-1)` of `split`/`rsplit`: the separator
/// (None for whitespace) and the split limit (`PY_SSIZE_T_MAX` for a
/// negative one).
fn split_args(
    vm: &mut Vm,
    sig: &Signature,
    a: &[Obj],
    kw: Option<&Obj>,
) -> PyResult<(Option<Vec<u8>>, usize)> {
    let [sep, maxsplit] = args::parse::<2>(vm, sig, &a[1..], kw)?;
    let max = match &maxsplit {
        Some(m) => ssize_arg(vm, m)?,
        None => -1,
    };
    let max = usize::try_from(max).unwrap_or(isize::MAX as usize);
    let sep = match sep {
        Some(s) if !s.is_none() => {
            let d = buffer_arg(vm, &s)?;
            if d.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(d)
        }
        _ => None,
    };
    Ok((sep, max))
}

/// Builds the list of pieces. When `reuse_whole`, a piece covering all of
/// an exact `bytes` is `self` itself (the templates' "no separator found"
/// shortcut); the whitespace splitters take that shortcut only inside their
/// loop, so with `maxsplit=0` they copy.
fn pieces_list(
    vm: &mut Vm,
    this: &Obj,
    s: &[u8],
    pieces: Vec<(usize, usize)>,
    reuse_whole: bool,
) -> Obj {
    let items = pieces
        .into_iter()
        .map(|(i, j)| {
            if reuse_whole && i == 0 && j == s.len() && exact_bytes(this) {
                this.clone()
            } else {
                new_result(this, s[i..j].to_vec())
            }
        })
        .collect();
    vm.new_list(items)
}

/// `stringlib_split_whitespace`: runs of ASCII whitespace separate pieces;
/// once `max` splits are made the rest (without leading whitespace) is the
/// last piece.
fn split_whitespace(s: &[u8], max: usize) -> Vec<(usize, usize)> {
    let n = s.len();
    let mut out = Vec::new();
    let mut i = 0;
    let mut left = max;
    while left > 0 {
        left -= 1;
        while i < n && is_space(s[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        i += 1;
        while i < n && !is_space(s[i]) {
            i += 1;
        }
        out.push((j, i));
    }
    if i < n {
        while i < n && is_space(s[i]) {
            i += 1;
        }
        if i != n {
            out.push((i, n));
        }
    }
    out
}

/// `stringlib_rsplit_whitespace`: as [`split_whitespace`], from the right.
fn rsplit_whitespace(s: &[u8], max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // `i` is one past the byte under examination (CPython's `i + 1`).
    let mut i = s.len();
    let mut left = max;
    while left > 0 {
        left -= 1;
        while i > 0 && is_space(s[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let j = i;
        i -= 1;
        while i > 0 && !is_space(s[i - 1]) {
            i -= 1;
        }
        out.push((i, j));
    }
    if i > 0 {
        while i > 0 && is_space(s[i - 1]) {
            i -= 1;
        }
        if i > 0 {
            out.push((0, i));
        }
    }
    out.reverse();
    out
}

/// `stringlib_split` (and `split_char`): pieces between occurrences of
/// `sep`, at most `max` splits.
fn split_sep(s: &[u8], sep: &[u8], max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut left = max;
    while left > 0 {
        left -= 1;
        let Some(pos) = search(&s[i..], sep, true) else {
            break;
        };
        out.push((i, i + pos));
        i += pos + sep.len();
    }
    out.push((i, s.len()));
    out
}

/// `stringlib_rsplit` (and `rsplit_char`): as [`split_sep`], from the right.
fn rsplit_sep(s: &[u8], sep: &[u8], max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut j = s.len();
    let mut left = max;
    while left > 0 {
        left -= 1;
        let Some(pos) = search(&s[..j], sep, false) else {
            break;
        };
        out.push((pos + sep.len(), j));
        j = pos;
    }
    out.push((0, j));
    out.reverse();
    out
}

/// `bytes.split(sep=None, maxsplit=-1)` (`bytes_split_impl`).
pub(super) fn split(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("split", &["sep", "maxsplit"], 0);
    let (sep, max) = split_args(vm, &SIG, a, kw)?;
    let s = data(&a[0]);
    let pieces = match &sep {
        None => split_whitespace(&s, max),
        Some(sep) => split_sep(&s, sep, max),
    };
    Ok(pieces_list(vm, &a[0], &s, pieces, sep.is_some() || max > 0))
}

/// `bytes.rsplit(sep=None, maxsplit=-1)` (`bytes_rsplit_impl`).
pub(super) fn rsplit(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("rsplit", &["sep", "maxsplit"], 0);
    let (sep, max) = split_args(vm, &SIG, a, kw)?;
    let s = data(&a[0]);
    let pieces = match &sep {
        None => rsplit_whitespace(&s, max),
        Some(sep) => rsplit_sep(&s, sep, max),
    };
    Ok(pieces_list(vm, &a[0], &s, pieces, sep.is_some() || max > 0))
}

/// `bytes.splitlines(keepends=False)` (`stringlib_splitlines`): lines end
/// at `\n`, `\r` or `\r\n` only.
pub(super) fn splitlines(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("splitlines", &["keepends"], 0);
    let [keepends] = args::parse::<1>(vm, &SIG, &a[1..], kw)?;
    let keepends = match &keepends {
        Some(k) => vm.is_true(k)?,
        None => false,
    };
    let s = data(&a[0]);
    let n = s.len();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < n {
        let j = i;
        while i < n && s[i] != b'\n' && s[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if s[i] == b'\r' && i + 1 < n && s[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        pieces.push((j, eol));
    }
    Ok(pieces_list(vm, &a[0], &s, pieces, true))
}

/// `stringlib_partition` / `stringlib_rpartition`. For `bytes`, the middle
/// item is the separator object itself and a separator that is not found
/// leaves `self` in the result; bytearray copies both.
fn partition_common(
    vm: &mut Vm,
    a: &[Obj],
    kw: Option<&Obj>,
    name: &str,
    forward: bool,
) -> PyResult<Obj> {
    let sep_obj = one_arg(vm, a, kw, name)?.clone();
    let sep = buffer_arg(vm, &sep_obj)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let this = &a[0];
    let s = data(this);
    let mutable = is_bytearray(this);
    let empty = || new_result(this, Vec::new());
    let whole = || {
        if mutable {
            new_result(this, s.clone())
        } else {
            this.clone()
        }
    };
    let items = match search(&s, &sep, forward) {
        Some(pos) => {
            let middle = if mutable {
                new_result(this, sep.clone())
            } else {
                sep_obj
            };
            vec![
                new_result(this, s[..pos].to_vec()),
                middle,
                new_result(this, s[pos + sep.len()..].to_vec()),
            ]
        }
        None if forward => vec![whole(), empty(), empty()],
        None => vec![empty(), empty(), whole()],
    };
    Ok(new_tuple(items))
}

/// `bytes.partition(sep)`.
pub(super) fn partition(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    partition_common(vm, a, kw, "partition", true)
}

/// `bytes.rpartition(sep)`.
pub(super) fn rpartition(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    partition_common(vm, a, kw, "rpartition", false)
}

/// Which ends `strip` works on (`LEFTSTRIP`, `RIGHTSTRIP`, `BOTHSTRIP`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    Left,
    Right,
    Both,
}

/// `do_argstrip`: strips ASCII whitespace (`bytes=None`) or the bytes of
/// the argument from the chosen ends.
fn strip_common(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>, name: &str, ends: Ends) -> PyResult<Obj> {
    let rest = positional(vm, a, kw, name, 0, 1)?;
    let chars = match rest.first() {
        Some(o) if !o.is_none() => Some(buffer_arg(vm, o)?),
        _ => None,
    };
    let strip_it = |c: u8| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let s = data(&a[0]);
    let mut i = 0;
    let mut j = s.len();
    if ends != Ends::Right {
        while i < j && strip_it(s[i]) {
            i += 1;
        }
    }
    if ends != Ends::Left {
        while j > i && strip_it(s[j - 1]) {
            j -= 1;
        }
    }
    if i == 0 && j == s.len() {
        return Ok(unchanged(&a[0], s));
    }
    Ok(new_result(&a[0], s[i..j].to_vec()))
}

/// `bytes.strip(bytes=None, /)`.
pub(super) fn strip(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    strip_common(vm, a, kw, "strip", Ends::Both)
}

/// `bytes.lstrip(bytes=None, /)`.
pub(super) fn lstrip(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    strip_common(vm, a, kw, "lstrip", Ends::Left)
}

/// `bytes.rstrip(bytes=None, /)`.
pub(super) fn rstrip(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    strip_common(vm, a, kw, "rstrip", Ends::Right)
}

/// `bytes.removeprefix(prefix, /)` (`bytes_removeprefix_impl`).
pub(super) fn removeprefix(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let arg = one_arg(vm, a, kw, "removeprefix")?;
    let prefix = buffer_arg(vm, arg)?;
    let s = data(&a[0]);
    if !prefix.is_empty() && s.starts_with(&prefix) {
        return Ok(new_result(&a[0], s[prefix.len()..].to_vec()));
    }
    Ok(unchanged(&a[0], s))
}

/// `bytes.removesuffix(suffix, /)` (`bytes_removesuffix_impl`).
pub(super) fn removesuffix(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let arg = one_arg(vm, a, kw, "removesuffix")?;
    let suffix = buffer_arg(vm, arg)?;
    let s = data(&a[0]);
    if !suffix.is_empty() && s.ends_with(&suffix) {
        return Ok(new_result(&a[0], s[..s.len() - suffix.len()].to_vec()));
    }
    Ok(unchanged(&a[0], s))
}
