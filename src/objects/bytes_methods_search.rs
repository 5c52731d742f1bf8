//! Searching in bytes and bytearray: `find`, `rfind`, `index`, `rindex`,
//! `count` (CPython's `find_internal`, `_Py_bytes_count` in
//! `Objects/bytes_methods.c` over `stringlib/fastsearch.h`) and
//! `startswith`/`endswith` (`_Py_bytes_tailmatch`).

use super::{
    adjust_indices, buffer_arg, has_index, index_clamped, positional, slice_index, with_bytes,
};
use crate::objects::bool_::new_bool;
use crate::objects::int::new_int;
use crate::objects::tuple::tuple_items;
use crate::objects::{Obj, PyResult, Vm};

/// The parsed arguments of a search method: `(sub[, start[, end]])`.
struct FindArgs {
    sub: Obj,
    start: isize,
    end: isize,
}

/// Argument Clinic's parsing of `sub, start=None, end=None, /`: the bounds
/// are converted (`_PyEval_SliceIndex`) before `sub` is looked at.
fn find_args(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>, name: &str) -> PyResult<FindArgs> {
    let rest = positional(vm, a, kw, name, 1, 3)?;
    let start = slice_index(vm, rest.get(1), 0)?;
    let end = slice_index(vm, rest.get(2), isize::MAX)?;
    Ok(FindArgs {
        sub: rest[0].clone(),
        start,
        end,
    })
}

/// `parse_args_finds_byte`: the needle is a bytes-like object or an int in
/// range(256) standing for one byte.
fn needle(vm: &mut Vm, sub: &Obj) -> PyResult<Vec<u8>> {
    if let Some(d) = super::bytes_like_data(sub) {
        return Ok(d);
    }
    if !has_index(sub) {
        return Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            sub.class().name()
        )));
    }
    let v = index_clamped(vm, sub)?;
    match u8::try_from(v) {
        Ok(b) => Ok(vec![b]),
        Err(_) => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// Index of the first (`forward`) or last occurrence of `sub` in `hay`.
pub(super) fn search(hay: &[u8], sub: &[u8], forward: bool) -> Option<usize> {
    if sub.len() > hay.len() {
        return None;
    }
    if sub.is_empty() {
        return Some(if forward { 0 } else { hay.len() });
    }
    if sub.len() == 1 {
        let c = sub[0];
        return if forward {
            hay.iter().position(|&b| b == c)
        } else {
            hay.iter().rposition(|&b| b == c)
        };
    }
    let mut windows = hay.windows(sub.len());
    if forward {
        windows.position(|w| w == sub)
    } else {
        windows.rposition(|w| w == sub)
    }
}

/// `find_internal`: the position of `sub` within `hay[start:end]`, or -1.
fn find_internal(hay: &[u8], sub: &[u8], start: isize, end: isize, forward: bool) -> isize {
    let (start, end) = adjust_indices(start, end, hay.len());
    if end - start < sub.len() as isize {
        return -1;
    }
    // Here 0 <= start <= end <= len.
    let window = &hay[start as usize..end as usize];
    match search(window, sub, forward) {
        Some(i) => start + i as isize,
        None => -1,
    }
}

fn find_common(
    vm: &mut Vm,
    a: &[Obj],
    kw: Option<&Obj>,
    name: &str,
    forward: bool,
) -> PyResult<isize> {
    let f = find_args(vm, a, kw, name)?;
    let sub = needle(vm, &f.sub)?;
    Ok(with_bytes(&a[0], |hay| {
        find_internal(hay, &sub, f.start, f.end, forward)
    }))
}

/// `bytes.find(sub[, start[, end]])` (`_Py_bytes_find`).
pub(super) fn find(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let r = find_common(vm, a, kw, "find", true)?;
    Ok(new_int(r as i64))
}

/// `bytes.rfind(sub[, start[, end]])` (`_Py_bytes_rfind`).
pub(super) fn rfind(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let r = find_common(vm, a, kw, "rfind", false)?;
    Ok(new_int(r as i64))
}

/// `bytes.index(sub[, start[, end]])` (`_Py_bytes_index`).
pub(super) fn index(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let r = find_common(vm, a, kw, "index", true)?;
    if r < 0 {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(new_int(r as i64))
}

/// `bytes.rindex(sub[, start[, end]])` (`_Py_bytes_rindex`).
pub(super) fn rindex(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let r = find_common(vm, a, kw, "rindex", false)?;
    if r < 0 {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(new_int(r as i64))
}

/// Non-overlapping occurrences of `sub` in `hay` (`stringlib_count`); an
/// empty needle matches between every two bytes and at both ends.
pub(super) fn count_in(hay: &[u8], sub: &[u8], max: usize) -> usize {
    if sub.is_empty() {
        return (hay.len() + 1).min(max);
    }
    let mut n = 0;
    let mut i = 0;
    while n < max && i + sub.len() <= hay.len() {
        match search(&hay[i..], sub, true) {
            Some(p) => {
                n += 1;
                i += p + sub.len();
            }
            None => break,
        }
    }
    n
}

/// `bytes.count(sub[, start[, end]])` (`_Py_bytes_count`).
pub(super) fn count(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let f = find_args(vm, a, kw, "count")?;
    let sub = needle(vm, &f.sub)?;
    let n = with_bytes(&a[0], |hay| {
        let (start, end) = adjust_indices(f.start, f.end, hay.len());
        if end < start {
            return 0;
        }
        count_in(&hay[start as usize..end as usize], &sub, usize::MAX)
    });
    Ok(new_int(n as i64))
}

/// `tailmatch`: whether `hay[start:end]` starts (`at_end == false`) or ends
/// with `sub`, with the index arithmetic of CPython (an empty `sub` matches
/// only where `start` is within the data).
fn tailmatch(hay: &[u8], sub: &[u8], start: isize, end: isize, at_end: bool) -> bool {
    let len = hay.len() as isize;
    let slen = sub.len() as isize;
    let (mut start, end) = adjust_indices(start, end, hay.len());
    if !at_end {
        if start > len - slen {
            return false;
        }
    } else {
        if end - start < slen || start > len {
            return false;
        }
        if end - slen > start {
            start = end - slen;
        }
    }
    if end - start < slen {
        return false;
    }
    // 0 <= start and start + slen <= end <= len here.
    &hay[start as usize..(start + slen) as usize] == sub
}

/// `_Py_bytes_tailmatch`: `startswith`/`endswith` with a bytes-like prefix
/// or a tuple of them.
fn tailmatch_method(
    vm: &mut Vm,
    a: &[Obj],
    kw: Option<&Obj>,
    name: &str,
    at_end: bool,
) -> PyResult<Obj> {
    let f = find_args(vm, a, kw, name)?;
    let matches = |sub: &[u8]| with_bytes(&a[0], |hay| tailmatch(hay, sub, f.start, f.end, at_end));
    if let Some(items) = tuple_items(&f.sub) {
        // Items are converted one at a time: a match stops before a bad one.
        for item in items {
            let sub = buffer_arg(vm, item)?;
            if matches(&sub) {
                return Ok(new_bool(true));
            }
        }
        return Ok(new_bool(false));
    }
    let Some(sub) = super::bytes_like_data(&f.sub) else {
        return Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            f.sub.class().name()
        )));
    };
    Ok(new_bool(matches(&sub)))
}

/// `bytes.startswith(prefix[, start[, end]])`.
pub(super) fn startswith(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    tailmatch_method(vm, a, kw, "startswith", false)
}

/// `bytes.endswith(suffix[, start[, end]])`.
pub(super) fn endswith(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    tailmatch_method(vm, a, kw, "endswith", true)
}
