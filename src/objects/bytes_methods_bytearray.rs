//! The methods only `bytearray` has (CPython's `Objects/bytearrayobject.c`):
//! `append`, `extend`, `insert`, `pop`, `remove`, `reverse`, `clear`,
//! `copy`, `resize`, `__alloc__`, `__sizeof__`, `__reduce__`,
//! `__reduce_ex__`, and the in-place repeat behind `*=`.
//!
//! CPython's allocation policy (`PyByteArray_Resize`) is visible from Python
//! through `__alloc__` and `__sizeof__`, so the methods here size the
//! `Vec`'s capacity the way CPython sizes `ob_alloc`. The model: `ob_alloc`
//! is the capacity when the `Vec` has spare room, `len + 1` (the trailing
//! NUL CPython keeps) when it is full, and 0 for an empty `Vec` without an
//! allocation. Mutations made elsewhere (slices, `+=`, `__init__`) use
//! Rust's growth, so the figure is exact only along the paths here.

use super::{
    ByteArrayObject, byte_arg, bytes_like_data, data, int_arg, no_args, one_arg, positional,
    ssize_arg,
};
use crate::objects::bytes::new_bytearray;
use crate::objects::exceptions::{BUFFER_ERROR, TYPE_ERROR};
use crate::objects::int::{new_int, new_usize};
use crate::objects::str::StrObject;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::type_as_obj;
use crate::objects::{Obj, PyResult, Vm};

/// `sizeof(PyByteArrayObject)` on a 64-bit build.
const BYTEARRAY_BASIC_SIZE: usize = 56;

/// CPython's `ob_alloc` for a buffer, in the model described above.
fn alloc_of(v: &[u8], capacity: usize) -> usize {
    if capacity > v.len() {
        capacity
    } else if v.is_empty() {
        0
    } else {
        v.len() + 1
    }
}

/// Runs `f` on the data of the bytearray `o`. A bytearray whose data is
/// borrowed elsewhere cannot change size, as one with exported buffers
/// cannot in CPython.
fn with_data<R>(vm: &mut Vm, o: &Obj, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
    let Some(ba) = o.downcast::<ByteArrayObject>() else {
        return Err(vm.type_error("a bytearray is required"));
    };
    match ba.data.try_borrow_mut() {
        Ok(mut d) => Ok(f(&mut d)),
        Err(_) => Err(vm.new_exception_msg(
            &BUFFER_ERROR,
            "Existing exports of data: object cannot be re-sized",
        )),
    }
}

/// The capacity `PyByteArray_Resize` would give a buffer of `alloc` bytes
/// resized to `size`, or `None` when the buffer is kept as it is (a minor
/// shrink).
fn resized_alloc(alloc: usize, size: usize) -> Option<usize> {
    if size < alloc {
        // Shrinking: reallocate only for a major downsize.
        return (size < alloc / 2).then_some(size + 1);
    }
    if (size as f64) <= alloc as f64 * 1.125 {
        // Moderate growth: over-allocate as list_resize does.
        Some(size + (size >> 3) + if size < 9 { 3 } else { 6 })
    } else {
        Some(size + 1)
    }
}

/// Resizes the bytearray `o` to `size` (see [`resize_checked`]).
fn resize_obj(vm: &mut Vm, o: &Obj, size: usize) -> PyResult<()> {
    let ok = with_data(vm, o, |d| resize_checked(d, size))?;
    ok.map_err(|()| vm.memory_error())
}

/// `PyByteArray_Resize`: sets the length of `v` to `size` (new bytes are
/// zero) and its capacity by CPython's policy. `Err` means out of memory,
/// and then `v` is unchanged.
fn resize_checked(v: &mut Vec<u8>, size: usize) -> Result<(), ()> {
    if size == v.len() {
        return Ok(());
    }
    if size > isize::MAX as usize - 1 {
        return Err(());
    }
    if v.capacity() == v.len() && !v.is_empty() {
        // A full buffer stands for `len + 1` allocated bytes; make the
        // capacity say so, since a minor shrink below keeps it.
        v.try_reserve_exact(1).map_err(|_| ())?;
    }
    let alloc = alloc_of(v, v.capacity());
    if let Some(new_alloc) = resized_alloc(alloc, size) {
        // `new_alloc` counts CPython's trailing NUL; the Vec does not need
        // it, but keeping the extra byte makes `alloc_of` read it back.
        if new_alloc > v.capacity() {
            v.try_reserve_exact(new_alloc - v.len()).map_err(|_| ())?;
        } else {
            v.truncate(size);
            v.shrink_to(new_alloc);
        }
    }
    v.resize(size, 0);
    Ok(())
}

/// `bytearray.append(item, /)`.
pub(super) fn append(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let item = one_arg(vm, a, kw, "append")?;
    let b = byte_arg(vm, item)?;
    let ok = with_data(vm, &a[0], |d| {
        let n = d.len();
        resize_checked(d, n + 1).map(|()| d[n] = b)
    })?;
    ok.map_err(|()| vm.memory_error())?;
    Ok(Obj::none())
}

/// Appends `extra` at the end (`bytearray_setslice` at `len:len`).
fn append_all(vm: &mut Vm, o: &Obj, extra: &[u8]) -> PyResult<()> {
    if extra.is_empty() {
        return Ok(());
    }
    let ok = with_data(vm, o, |d| {
        let n = d.len();
        resize_checked(d, n + extra.len()).map(|()| d[n..].copy_from_slice(extra))
    })?;
    ok.map_err(|()| vm.memory_error())
}

/// `bytearray.extend(iterable_of_ints, /)`: a bytes-like object is appended
/// whole; otherwise the ints are collected first, so an error leaves the
/// bytearray unchanged.
pub(super) fn extend(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let arg = one_arg(vm, a, kw, "extend")?;
    if let Some(d) = bytes_like_data(arg) {
        append_all(vm, &a[0], &d)?;
        return Ok(Obj::none());
    }
    let it = match vm.get_iter(arg) {
        Ok(it) => it,
        Err(e) => {
            if e.value().class().is_subtype(&TYPE_ERROR) {
                return Err(vm.type_error(format!(
                    "can't extend bytearray with {}",
                    arg.class().name()
                )));
            }
            return Err(e);
        }
    };
    let mut extra = Vec::new();
    while let Some(item) = vm.iter_next(&it)? {
        match byte_arg(vm, &item) {
            Ok(b) => extra.push(b),
            Err(e) => {
                if e.value().class().is_subtype(&TYPE_ERROR)
                    && arg.downcast::<StrObject>().is_some()
                {
                    return Err(vm.type_error("expected iterable of integers; got: 'str'"));
                }
                return Err(e);
            }
        }
    }
    append_all(vm, &a[0], &extra)?;
    Ok(Obj::none())
}

/// `bytearray.insert(index, item, /)`: the index is clamped to the ends.
pub(super) fn insert(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = positional(vm, a, kw, "insert", 2, 2)?;
    let index = ssize_arg(vm, &rest[0])?;
    let b = byte_arg(vm, &rest[1])?;
    let ok = with_data(vm, &a[0], |d| {
        let n = d.len();
        resize_checked(d, n + 1)?;
        let at = if index < 0 {
            (index.saturating_add(n as isize)).max(0) as usize
        } else {
            (index as usize).min(n)
        };
        d.copy_within(at..n, at + 1);
        d[at] = b;
        Ok::<(), ()>(())
    })?;
    ok.map_err(|()| vm.memory_error())?;
    Ok(Obj::none())
}

/// `bytearray.pop(index=-1, /)`.
pub(super) fn pop(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = positional(vm, a, kw, "pop", 0, 1)?;
    let index = match rest.first() {
        Some(i) => ssize_arg(vm, i)?,
        None => -1,
    };
    enum Popped {
        Empty,
        OutOfRange,
        Value(u8),
    }
    let r = with_data(vm, &a[0], |d| {
        let n = d.len() as isize;
        if n == 0 {
            return Popped::Empty;
        }
        let i = if index < 0 { index + n } else { index };
        if i < 0 || i >= n {
            return Popped::OutOfRange;
        }
        let v = d.remove(i as usize);
        // Shrinking never needs memory.
        let _ = resize_checked_after_remove(d);
        Popped::Value(v)
    })?;
    match r {
        Popped::Empty => Err(vm.index_error("pop from empty bytearray")),
        Popped::OutOfRange => Err(vm.index_error("pop index out of range")),
        Popped::Value(v) => Ok(new_int(v as i64)),
    }
}

/// Applies the shrink policy after one byte was removed from `d` (which
/// `Vec::remove` did without touching the capacity).
fn resize_checked_after_remove(d: &mut Vec<u8>) -> Result<(), ()> {
    let size = d.len();
    d.push(0);
    resize_checked(d, size)
}

/// `bytearray.remove(value, /)`: the first occurrence.
pub(super) fn remove(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let arg = one_arg(vm, a, kw, "remove")?;
    let b = byte_arg(vm, arg)?;
    let found = with_data(vm, &a[0], |d| match d.iter().position(|&c| c == b) {
        Some(i) => {
            d.remove(i);
            let _ = resize_checked_after_remove(d);
            true
        }
        None => false,
    })?;
    if !found {
        return Err(vm.value_error("value not found in bytearray"));
    }
    Ok(Obj::none())
}

/// `bytearray.reverse()`: in place.
pub(super) fn reverse(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "reverse")?;
    with_data(vm, &a[0], |d| d.reverse())?;
    Ok(Obj::none())
}

/// `bytearray.clear()`: resizes to 0 (keeping CPython's one-byte buffer).
pub(super) fn clear(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "clear")?;
    resize_obj(vm, &a[0], 0)?;
    Ok(Obj::none())
}

/// `bytearray.copy()`: always an exact bytearray.
pub(super) fn copy(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "copy")?;
    Ok(new_bytearray(data(&a[0])))
}

/// `bytearray.resize(size, /)` (new in 3.14): new bytes are zero.
pub(super) fn resize(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let arg = one_arg(vm, a, kw, "resize")?;
    let size = ssize_arg(vm, arg)?;
    if size < 0 {
        return Err(vm.value_error(format!("Can only resize to positive sizes, got {size}")));
    }
    resize_obj(vm, &a[0], size as usize)?;
    Ok(Obj::none())
}

/// The current `ob_alloc` of the bytearray `o`.
fn alloc_now(o: &Obj) -> usize {
    match o.downcast::<ByteArrayObject>() {
        Some(ba) => match ba.data.try_borrow() {
            Ok(d) => alloc_of(&d, d.capacity()),
            Err(_) => 0,
        },
        None => 0,
    }
}

/// `bytearray.__alloc__()`: the allocated size, trailing NUL included.
pub(super) fn alloc(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "__alloc__")?;
    Ok(new_usize(alloc_now(&a[0])))
}

/// `bytearray.__sizeof__()`: the object plus its buffer.
pub(super) fn sizeof(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "__sizeof__")?;
    Ok(new_usize(BYTEARRAY_BASIC_SIZE + alloc_now(&a[0])))
}

/// `_common_reduce`: `(type(self), args, state)`, where args rebuild the
/// data from a latin-1 str before protocol 3 and from bytes after.
fn common_reduce(vm: &mut Vm, this: &Obj, proto: i32) -> PyResult<Obj> {
    let cls = type_as_obj(this.class());
    let state = match vm.lookup_special(this, "__getstate__") {
        Some(f) => vm.call(&f, &[], None)?,
        None => Obj::none(),
    };
    let d = data(this);
    let args = if d.is_empty() {
        new_tuple(vec![])
    } else if proto < 3 {
        let text: String = d.iter().map(|&b| b as char).collect();
        new_tuple(vec![vm.new_string(text), vm.new_str("latin-1")])
    } else {
        new_tuple(vec![crate::objects::bytes::new_bytes(d)])
    };
    Ok(new_tuple(vec![cls, args, state]))
}

/// `bytearray.__reduce__()`.
pub(super) fn reduce(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "__reduce__")?;
    common_reduce(vm, &a[0], 2)
}

/// `bytearray.__reduce_ex__(proto=0, /)`.
pub(super) fn reduce_ex(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = positional(vm, a, kw, "__reduce_ex__", 0, 1)?;
    let proto = match rest.first() {
        Some(p) => int_arg(vm, p)?,
        None => 0,
    };
    common_reduce(vm, &a[0], proto)
}

/// `bytearray *= n` (`bytearray_irepeat`): repeats the data in place and
/// returns `self`. Plugs into the type's `sq_inplace_repeat` slot.
pub fn bytearray_irepeat(vm: &mut Vm, a: &Obj, n: isize) -> PyResult<Obj> {
    let d = data(a);
    let count = n.max(0) as usize;
    let Some(size) = d
        .len()
        .checked_mul(count)
        .filter(|&s| s < isize::MAX as usize)
    else {
        return Err(vm.memory_error());
    };
    let ok = with_data(vm, a, |v| {
        resize_checked(v, size)?;
        for k in 1..count {
            v[k * d.len()..(k + 1) * d.len()].copy_from_slice(&d);
        }
        Ok::<(), ()>(())
    })?;
    ok.map_err(|()| vm.memory_error())?;
    Ok(a.clone())
}
