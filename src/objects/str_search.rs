//! Searching `str`: find/rfind/index/rindex/count, startswith/endswith,
//! replace and partition/rpartition (CPython's `any_find_slice`,
//! `unicode_count_impl`, `tailmatch`, `replace` and stringlib's
//! `partition.h`).
//!
//! CPython indexes fixed-width code-point arrays; pyrs stores UTF-8. The
//! `start`/`end` arguments and the results are code-point indices, so
//! [`CodePoints`] maps between the two: for ASCII text (the common case) a
//! code-point index is a byte offset and nothing is scanned; otherwise the
//! mapping walks the text once per call. The substring search itself runs
//! on the UTF-8 bytes (a valid UTF-8 needle can only match at character
//! boundaries), with the standard library's two-way searcher standing in
//! for CPython's `fastsearch`.

use super::{bad_arg_type, check_len, positional, ssize_arg, this_obj, unchanged};
use crate::objects::args::{self, Signature};
use crate::objects::int::{self, int_ref};
use crate::objects::str::{StrObject, str_value};
use crate::objects::{Obj, PyResult, Vm, bool_, tuple};

/// A str's text addressed by code point.
pub(super) struct CodePoints<'a> {
    text: &'a str,
    len: usize,
    ascii: bool,
}

impl<'a> CodePoints<'a> {
    pub(super) fn new(s: &'a StrObject) -> Self {
        CodePoints {
            text: s.as_str(),
            len: s.char_len(),
            ascii: s.is_ascii(),
        }
    }

    /// Length in code points.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// The byte offset of code point `i` (the end of the text past it).
    pub(super) fn byte_of(&self, i: usize) -> usize {
        if self.ascii {
            return i.min(self.text.len());
        }
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// The code-point index of byte offset `b` (a character boundary).
    pub(super) fn index_of(&self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        self.text.get(..b).map_or(self.len, |p| p.chars().count())
    }

    /// Code points `start..end` (`start <= end <= len`) as text, with the
    /// byte offset where it starts.
    pub(super) fn range(&self, start: usize, end: usize) -> (usize, &'a str) {
        let b0 = self.byte_of(start);
        let b1 = if self.ascii {
            end.min(self.text.len())
        } else {
            let rest = &self.text[b0..];
            b0 + rest
                .char_indices()
                .nth(end - start)
                .map_or(rest.len(), |(b, _)| b)
        };
        (b0, &self.text[b0..b1])
    }
}

/// `_PyEval_SliceIndex`: None keeps `default`; anything with `__index__` is
/// clamped to the `Py_ssize_t` range.
fn slice_index(vm: &mut Vm, o: Option<&Obj>, default: isize) -> PyResult<isize> {
    let Some(o) = o.filter(|o| !o.is_none()) else {
        return Ok(default);
    };
    if !int::is_int(o) && o.class().slots.nb_index.get().is_none() {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = vm.index(o)?;
    let Some(r) = int_ref(&i) else {
        return Ok(default);
    };
    Ok(match r.to_i64().and_then(|v| isize::try_from(v).ok()) {
        Some(v) => v,
        None if r.is_negative() => isize::MIN,
        None => isize::MAX,
    })
}

/// `ADJUST_INDICES`: slice-style `start`/`end` clipped to `0..=len`. The
/// result may have `start > end`.
fn adjust_indices(start: isize, end: isize, len: usize) -> (usize, usize) {
    let len = len as isize;
    let end = if end > len {
        len
    } else if end < 0 {
        (end + len).max(0)
    } else {
        end
    };
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start
    };
    (start as usize, end as usize)
}

/// The `(sub, start=None, end=None, /)` arguments of find/count/index
/// (their Argument Clinic wrappers).
fn find_args<'a>(
    vm: &mut Vm,
    name: &str,
    a: &'a [Obj],
    kw: Option<&Obj>,
) -> PyResult<(&'a StrObject, isize, isize)> {
    let rest = positional(vm, name, a, kw, 1, 3)?;
    let Some(sub) = rest[0].downcast::<StrObject>() else {
        return Err(vm.type_error(format!(
            "{name}() argument 1 must be str, not {}",
            bad_arg_type(&rest[0])
        )));
    };
    let start = slice_index(vm, rest.get(1), 0)?;
    let end = slice_index(vm, rest.get(2), isize::MAX)?;
    Ok((sub, start, end))
}

/// `any_find_slice`: the code-point index of the first (`forward`) or last
/// occurrence of `sub` within `s[start:end]`.
fn find_slice(
    s: &StrObject,
    sub: &StrObject,
    start: isize,
    end: isize,
    forward: bool,
) -> Option<usize> {
    let cp = CodePoints::new(s);
    let (start, end) = adjust_indices(start, end, cp.len());
    if end < start || end - start < sub.char_len() {
        return None;
    }
    if sub.char_len() == 0 {
        return Some(if forward { start } else { end });
    }
    let (b0, hay) = cp.range(start, end);
    let found = if forward {
        hay.find(sub.as_str())
    } else {
        hay.rfind(sub.as_str())
    };
    found.map(|b| cp.index_of(b0 + b))
}

fn find_common(
    vm: &mut Vm,
    name: &str,
    a: &[Obj],
    kw: Option<&Obj>,
    forward: bool,
) -> PyResult<Option<usize>> {
    let (sub, start, end) = find_args(vm, name, a, kw)?;
    Ok(find_slice(this_obj(a), sub, start, end, forward))
}

fn index_result(vm: &mut Vm, r: Option<usize>) -> PyResult<Obj> {
    match r {
        Some(i) => Ok(int::new_usize(i)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn find_result(r: Option<usize>) -> Obj {
    r.map_or_else(|| int::new_int(-1), int::new_usize)
}

/// `str.find(sub, start=None, end=None, /)`.
pub(super) fn str_find(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(find_result(find_common(vm, "find", a, kw, true)?))
}

/// `str.rfind(sub, start=None, end=None, /)`.
pub(super) fn str_rfind(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    Ok(find_result(find_common(vm, "rfind", a, kw, false)?))
}

/// `str.index(sub, start=None, end=None, /)`.
pub(super) fn str_index(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let r = find_common(vm, "index", a, kw, true)?;
    index_result(vm, r)
}

/// `str.rindex(sub, start=None, end=None, /)`.
pub(super) fn str_rindex(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let r = find_common(vm, "rindex", a, kw, false)?;
    index_result(vm, r)
}

/// `str.count(sub, start=None, end=None, /)` (`unicode_count_impl`):
/// non-overlapping occurrences; the empty string occurs between every two
/// code points and at both ends.
pub(super) fn str_count(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (sub, start, end) = find_args(vm, "count", a, kw)?;
    let cp = CodePoints::new(this_obj(a));
    let (start, end) = adjust_indices(start, end, cp.len());
    if end < start || end - start < sub.char_len() {
        return Ok(int::new_int(0));
    }
    if sub.char_len() == 0 {
        return Ok(int::new_usize(end - start + 1));
    }
    let (_, hay) = cp.range(start, end);
    Ok(int::new_usize(hay.matches(sub.as_str()).count()))
}

/// `tailmatch`: whether `sub` starts (or, `at_end`, ends) `s[start:end]`.
fn tailmatch(s: &StrObject, sub: &StrObject, start: isize, end: isize, at_end: bool) -> bool {
    let cp = CodePoints::new(s);
    let (start, end) = adjust_indices(start, end, cp.len());
    let n = sub.char_len();
    if end < start || end - start < n {
        return false;
    }
    if n == 0 {
        return true;
    }
    let (_, hay) = if at_end {
        cp.range(end - n, end)
    } else {
        cp.range(start, start + n)
    };
    hay == sub.as_str()
}

/// startswith/endswith (`unicode_startswith_impl`): the prefix may be a
/// tuple of str, whose items are checked only as far as needed.
fn affix_match(
    vm: &mut Vm,
    name: &str,
    a: &[Obj],
    kw: Option<&Obj>,
    at_end: bool,
) -> PyResult<Obj> {
    let rest = positional(vm, name, a, kw, 1, 3)?;
    let start = slice_index(vm, rest.get(1), 0)?;
    let end = slice_index(vm, rest.get(2), isize::MAX)?;
    let s = this_obj(a);
    if let Some(items) = tuple::tuple_items(&rest[0]) {
        for item in items {
            let Some(sub) = item.downcast::<StrObject>() else {
                return Err(vm.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    item.class().name()
                )));
            };
            if tailmatch(s, sub, start, end, at_end) {
                return Ok(bool_::new_bool(true));
            }
        }
        return Ok(bool_::new_bool(false));
    }
    let Some(sub) = rest[0].downcast::<StrObject>() else {
        return Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            rest[0].class().name()
        )));
    };
    Ok(bool_::new_bool(tailmatch(s, sub, start, end, at_end)))
}

/// `str.startswith(prefix, start=None, end=None, /)`.
pub(super) fn str_startswith(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    affix_match(vm, "startswith", a, kw, false)
}

/// `str.endswith(suffix, start=None, end=None, /)`.
pub(super) fn str_endswith(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    affix_match(vm, "endswith", a, kw, true)
}

/// A str argument checked as Argument Clinic's `unicode` converter does:
/// "replace() argument 1 must be str, not int".
fn str_arg<'a>(vm: &mut Vm, fname: &str, pos: usize, o: &'a Obj) -> PyResult<&'a StrObject> {
    o.downcast::<StrObject>().ok_or_else(|| {
        vm.type_error(format!(
            "{fname}() argument {pos} must be str, not {}",
            bad_arg_type(o)
        ))
    })
}

/// `str.replace(old, new, /, count=-1)` (`replace`): at most `count`
/// (all when negative) non-overlapping occurrences, left to right; an empty
/// `old` matches before every code point and at the end.
pub(super) fn str_replace(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("replace", &["old", "new", "count"], 2).posonly(2);
    let [old_o, new_o, count] = args::parse::<3>(vm, &SIG, &a[1..], kw)?;
    let (Some(old_o), Some(new_o)) = (old_o, new_o) else {
        return Err(vm.type_error("replace() missing required argument"));
    };
    let old = str_arg(vm, "replace", 1, &old_o)?;
    let new = str_arg(vm, "replace", 2, &new_o)?;
    let count = match count {
        Some(c) => ssize_arg(vm, &c)?,
        None => -1,
    };
    let max = usize::try_from(count).unwrap_or(usize::MAX);
    let s = this_obj(a);
    if max == 0 || old_o.is(&new_o) || s.char_len() < old.char_len() {
        return Ok(unchanged(vm, &a[0]));
    }
    let text = s.as_str();
    let (old_t, new_t) = (old.as_str(), new.as_str());
    let n = if old_t.is_empty() {
        (s.char_len() + 1).min(max)
    } else {
        text.matches(old_t).take(max).count()
    };
    if n == 0 {
        return Ok(unchanged(vm, &a[0]));
    }
    let grow = new.char_len() as i128 - old.char_len() as i128;
    let chars = s.char_len() as i128 + n as i128 * grow;
    if chars > isize::MAX as i128 {
        return Err(vm.overflow_error("replace string is too long"));
    }
    check_len(vm, chars as usize)?;
    let bytes = text.len() as i128 + n as i128 * (new_t.len() as i128 - old_t.len() as i128);
    let mut out = String::with_capacity(bytes.max(0) as usize);
    if old_t.is_empty() {
        let mut left = n;
        for c in text.chars() {
            if left > 0 {
                out.push_str(new_t);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.push_str(new_t);
        }
    } else {
        let mut last = 0;
        for (b, _) in text.match_indices(old_t).take(n) {
            out.push_str(&text[last..b]);
            out.push_str(new_t);
            last = b + old_t.len();
        }
        out.push_str(&text[last..]);
    }
    Ok(vm.new_string(out))
}

/// The separator of partition/rpartition (`PyUnicode_Partition`).
fn partition_sep<'a>(vm: &mut Vm, name: &str, a: &'a [Obj], kw: Option<&Obj>) -> PyResult<&'a Obj> {
    let sep = args::one_arg(vm, &format!("str.{name}"), &a[1..], kw)?;
    let Some(s) = sep.downcast::<StrObject>() else {
        return Err(vm.type_error(format!("must be str, not {}", sep.class().name())));
    };
    if s.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(sep)
}

/// `str.partition(sep, /)` (stringlib `partition`): `(head, sep, tail)`
/// around the first occurrence, or `(self, '', '')`. The separator in the
/// result is the argument object itself, and `self` is kept as is.
pub(super) fn str_partition(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let sep = partition_sep(vm, "partition", a, kw)?;
    let (text, sep_t) = (str_value(&a[0]), str_value(sep));
    let items = match text.find(sep_t) {
        Some(b) => vec![
            vm.new_str(&text[..b]),
            sep.clone(),
            vm.new_str(&text[b + sep_t.len()..]),
        ],
        None => vec![a[0].clone(), vm.new_str(""), vm.new_str("")],
    };
    Ok(tuple::new_tuple(items))
}

/// `str.rpartition(sep, /)` (stringlib `rpartition`): around the last
/// occurrence, or `('', '', self)`.
pub(super) fn str_rpartition(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let sep = partition_sep(vm, "rpartition", a, kw)?;
    let (text, sep_t) = (str_value(&a[0]), str_value(sep));
    let items = match text.rfind(sep_t) {
        Some(b) => vec![
            vm.new_str(&text[..b]),
            sep.clone(),
            vm.new_str(&text[b + sep_t.len()..]),
        ],
        None => vec![vm.new_str(""), vm.new_str(""), a[0].clone()],
    };
    Ok(tuple::new_tuple(items))
}
