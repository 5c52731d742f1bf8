//! Byte-string transformations shared by bytes and bytearray: the ASCII
//! predicates and case mappings of `Objects/bytes_methods.c`, padding
//! (`stringlib/transmogrify.h`: `pad`, `center`, `zfill`, `expandtabs`),
//! `replace` (`stringlib_replace`), `translate`/`maketrans` and `join`
//! (`stringlib/join.h`).

use super::search::count_in;
use super::{
    BytesObject, alloc_buf, buffer_arg, bytes_like_data, data, int_arg, is_bytearray, new_result,
    no_args, one_arg, positional, ssize_arg, unchanged, with_bytes,
};
use crate::objects::args::{self, Signature};
use crate::objects::bool_::new_bool;
use crate::objects::bytes::new_bytes;
use crate::objects::exceptions::TYPE_ERROR;
use crate::objects::{Obj, PyResult, Vm};

// ---------------------------------------------------------------------------
// Predicates (`_Py_bytes_isspace` and friends). All are ASCII-only.

/// The shape shared by `isalnum`, `isalpha`, `isdigit`, `isspace`: true when
/// not empty and every byte is in the class.
fn all_of(
    vm: &mut Vm,
    a: &[Obj],
    kw: Option<&Obj>,
    name: &str,
    class: fn(u8) -> bool,
) -> PyResult<Obj> {
    no_args(vm, a, kw, name)?;
    Ok(new_bool(with_bytes(&a[0], |s| {
        !s.is_empty() && s.iter().all(|&c| class(c))
    })))
}

/// `bytes.isalnum()`.
pub(super) fn isalnum(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    all_of(vm, a, kw, "isalnum", |c| c.is_ascii_alphanumeric())
}

/// `bytes.isalpha()`.
pub(super) fn isalpha(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    all_of(vm, a, kw, "isalpha", |c| c.is_ascii_alphabetic())
}

/// `bytes.isdigit()`.
pub(super) fn isdigit(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    all_of(vm, a, kw, "isdigit", |c| c.is_ascii_digit())
}

/// `bytes.isspace()` (`Py_ISSPACE`: space, \t, \n, \v, \f, \r).
pub(super) fn isspace(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    all_of(vm, a, kw, "isspace", super::is_space)
}

/// `bytes.isascii()`: true for the empty string too.
pub(super) fn isascii(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "isascii")?;
    Ok(new_bool(with_bytes(&a[0], |s| s.is_ascii())))
}

/// `_Py_bytes_islower` / `_Py_bytes_isupper`: no byte of the other case and
/// at least one of this case.
fn cased(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>, name: &str, upper: bool) -> PyResult<Obj> {
    no_args(vm, a, kw, name)?;
    let r = with_bytes(&a[0], |s| {
        let mut has_cased = false;
        for &c in s {
            if c.is_ascii_alphabetic() {
                if c.is_ascii_uppercase() != upper {
                    return false;
                }
                has_cased = true;
            }
        }
        has_cased
    });
    Ok(new_bool(r))
}

/// `bytes.islower()`.
pub(super) fn islower(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    cased(vm, a, kw, "islower", false)
}

/// `bytes.isupper()`.
pub(super) fn isupper(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    cased(vm, a, kw, "isupper", true)
}

/// `bytes.istitle()` (`_Py_bytes_istitle`): uppercase bytes only after
/// uncased ones, lowercase only after cased ones, and at least one cased.
pub(super) fn istitle(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    no_args(vm, a, kw, "istitle")?;
    Ok(new_bool(with_bytes(&a[0], is_title)))
}

/// `_Py_bytes_istitle` proper.
fn is_title(s: &[u8]) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for &c in s {
        if c.is_ascii_uppercase() {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
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

// ---------------------------------------------------------------------------
// Case mappings: always a new object.

fn mapped(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>, name: &str, f: fn(&mut [u8])) -> PyResult<Obj> {
    no_args(vm, a, kw, name)?;
    let mut s = data(&a[0]);
    f(&mut s);
    Ok(new_result(&a[0], s))
}

/// `bytes.lower()` (`_Py_bytes_lower`).
pub(super) fn lower(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    mapped(vm, a, kw, "lower", |s| s.make_ascii_lowercase())
}

/// `bytes.upper()` (`_Py_bytes_upper`).
pub(super) fn upper(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    mapped(vm, a, kw, "upper", |s| s.make_ascii_uppercase())
}

/// `bytes.swapcase()` (`_Py_bytes_swapcase`).
pub(super) fn swapcase(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    mapped(vm, a, kw, "swapcase", |s| {
        for c in s.iter_mut() {
            if c.is_ascii_lowercase() {
                c.make_ascii_uppercase();
            } else if c.is_ascii_uppercase() {
                c.make_ascii_lowercase();
            }
        }
    })
}

/// `bytes.capitalize()` (`_Py_bytes_capitalize`): first byte upper, the rest
/// lower.
pub(super) fn capitalize(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    mapped(vm, a, kw, "capitalize", |s| {
        if let Some((first, rest)) = s.split_first_mut() {
            first.make_ascii_uppercase();
            rest.make_ascii_lowercase();
        }
    })
}

/// `bytes.title()` (`_Py_bytes_title`): a cased byte after an uncased one
/// becomes upper, after a cased one lower.
pub(super) fn title(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    mapped(vm, a, kw, "title", |s| {
        let mut previous_is_cased = false;
        for c in s.iter_mut() {
            if c.is_ascii_lowercase() {
                if !previous_is_cased {
                    c.make_ascii_uppercase();
                }
                previous_is_cased = true;
            } else if c.is_ascii_uppercase() {
                if previous_is_cased {
                    c.make_ascii_lowercase();
                }
                previous_is_cased = true;
            } else {
                previous_is_cased = false;
            }
        }
    })
}

// ---------------------------------------------------------------------------
// Padding.

/// Argument Clinic's `char` converter for `fillchar`: a bytes or bytearray
/// of length 1.
fn fillchar_arg(vm: &mut Vm, name: &str, o: &Obj) -> PyResult<u8> {
    match bytes_like_data(o) {
        Some(d) if d.len() == 1 => Ok(d[0]),
        Some(d) => {
            let what = if is_bytearray(o) {
                "bytearray"
            } else {
                "bytes"
            };
            Err(vm.type_error(format!(
                "{name}(): argument 2 must be a byte string of length 1, not a {what} object of length {}",
                d.len()
            )))
        }
        None => Err(vm.type_error(format!(
            "{name}() argument 2 must be a byte string of length 1, not {}",
            o.class().name()
        ))),
    }
}

/// `pad`: `left` and `right` copies of `fill` around the data (the caller
/// has handled the no-padding case).
fn pad(vm: &mut Vm, this: &Obj, s: &[u8], left: usize, right: usize, fill: u8) -> PyResult<Obj> {
    let mut out = alloc_buf(vm, left + s.len() + right)?;
    out.resize(left, fill);
    out.extend_from_slice(s);
    out.resize(left + s.len() + right, fill);
    Ok(new_result(this, out))
}

/// The shared parsing of `center`/`ljust`/`rjust`: `(width, fillchar=b' ')`.
fn pad_args(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>, name: &str) -> PyResult<(isize, u8)> {
    let rest = positional(vm, a, kw, name, 1, 2)?;
    let width = ssize_arg(vm, &rest[0])?;
    let fill = match rest.get(1) {
        Some(f) => fillchar_arg(vm, name, f)?,
        None => b' ',
    };
    Ok((width, fill))
}

/// `bytes.center(width, fillchar=b' ', /)` (`stringlib_center`): an odd
/// margin puts the extra byte on the left when `width` is odd.
pub(super) fn center(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (width, fill) = pad_args(vm, a, kw, "center")?;
    let s = data(&a[0]);
    let len = s.len() as isize;
    if len >= width {
        return Ok(unchanged(&a[0], s));
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(vm, &a[0], &s, left as usize, (marg - left) as usize, fill)
}

/// `bytes.ljust(width, fillchar=b' ', /)`.
pub(super) fn ljust(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (width, fill) = pad_args(vm, a, kw, "ljust")?;
    let s = data(&a[0]);
    let len = s.len() as isize;
    if len >= width {
        return Ok(unchanged(&a[0], s));
    }
    pad(vm, &a[0], &s, 0, (width - len) as usize, fill)
}

/// `bytes.rjust(width, fillchar=b' ', /)`.
pub(super) fn rjust(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (width, fill) = pad_args(vm, a, kw, "rjust")?;
    let s = data(&a[0]);
    let len = s.len() as isize;
    if len >= width {
        return Ok(unchanged(&a[0], s));
    }
    pad(vm, &a[0], &s, (width - len) as usize, 0, fill)
}

/// `bytes.zfill(width, /)` (`stringlib_zfill`): pads with `0` on the left,
/// keeping a leading sign in front.
pub(super) fn zfill(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let arg = one_arg(vm, a, kw, "zfill")?;
    let width = ssize_arg(vm, arg)?;
    let s = data(&a[0]);
    let len = s.len() as isize;
    if len >= width {
        return Ok(unchanged(&a[0], s));
    }
    let fill = (width - len) as usize;
    let mut out = alloc_buf(vm, width as usize)?;
    out.resize(fill, b'0');
    out.extend_from_slice(&s);
    if matches!(s.first(), Some(b'+' | b'-')) {
        out[0] = s[0];
        out[fill] = b'0';
    }
    Ok(new_result(&a[0], out))
}

/// The length of `s` with its tabs expanded (the first pass of
/// `stringlib_expandtabs`), or `None` past `isize::MAX`.
fn expanded_len(s: &[u8], tabsize: isize) -> Option<isize> {
    let mut total: isize = 0;
    let mut col: isize = 0;
    for &c in s {
        if c == b'\t' {
            if tabsize > 0 {
                col = col.checked_add(tabsize - col % tabsize)?;
            }
        } else {
            col = col.checked_add(1)?;
            if c == b'\n' || c == b'\r' {
                total = total.checked_add(col)?;
                col = 0;
            }
        }
    }
    total.checked_add(col)
}

/// `bytes.expandtabs(tabsize=8)` (`stringlib_expandtabs`): each tab becomes
/// spaces up to the next multiple of `tabsize` (none when `tabsize <= 0`);
/// `\n` and `\r` reset the column.
pub(super) fn expandtabs(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("expandtabs", &["tabsize"], 0);
    let [tabsize] = args::parse::<1>(vm, &SIG, &a[1..], kw)?;
    let tabsize = match &tabsize {
        Some(t) => int_arg(vm, t)? as isize,
        None => 8,
    };
    let s = data(&a[0]);
    let Some(size) = expanded_len(&s, tabsize) else {
        return Err(vm.overflow_error("result too long"));
    };
    let mut out = alloc_buf(vm, size as usize)?;
    let mut col: isize = 0;
    for &c in &s {
        if c == b'\t' {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col += incr;
                out.resize(out.len() + incr as usize, b' ');
            }
        } else {
            col += 1;
            out.push(c);
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    Ok(new_result(&a[0], out))
}

// ---------------------------------------------------------------------------
// replace

/// `stringlib_replace`: the result, or `None` when nothing was replaced (the
/// caller then returns `self` for an exact bytes, as `return_self` does).
fn replace_bytes(
    vm: &mut Vm,
    s: &[u8],
    old: &[u8],
    new: &[u8],
    maxcount: isize,
) -> PyResult<Option<Vec<u8>>> {
    if s.len() < old.len() {
        return Ok(None);
    }
    let maxcount = match maxcount {
        0 => return Ok(None),
        n if n < 0 => usize::MAX,
        n => n as usize,
    };
    let too_long = |vm: &mut Vm| vm.overflow_error("replace bytes is too long");
    if old.is_empty() {
        if new.is_empty() {
            return Ok(None);
        }
        // Interleave: `new` before every byte and at the end, `count` times.
        let count = maxcount.min(s.len() + 1);
        let size = count
            .checked_mul(new.len())
            .and_then(|n| n.checked_add(s.len()))
            .filter(|&n| n <= isize::MAX as usize);
        let Some(size) = size else {
            return Err(too_long(vm));
        };
        let mut out = alloc_buf(vm, size)?;
        out.extend_from_slice(new);
        for &c in &s[..count - 1] {
            out.push(c);
            out.extend_from_slice(new);
        }
        out.extend_from_slice(&s[count - 1..]);
        return Ok(Some(out));
    }
    if s.is_empty() {
        return Ok(None);
    }
    let count = count_in(s, old, maxcount);
    if count == 0 {
        return Ok(None);
    }
    let size = if new.len() >= old.len() {
        count
            .checked_mul(new.len() - old.len())
            .and_then(|n| n.checked_add(s.len()))
            .filter(|&n| n <= isize::MAX as usize)
    } else {
        Some(s.len() - count * (old.len() - new.len()))
    };
    let Some(size) = size else {
        return Err(too_long(vm));
    };
    let mut out = alloc_buf(vm, size)?;
    let mut i = 0;
    for _ in 0..count {
        let Some(pos) = super::search::search(&s[i..], old, true) else {
            break;
        };
        out.extend_from_slice(&s[i..i + pos]);
        out.extend_from_slice(new);
        i += pos + old.len();
    }
    out.extend_from_slice(&s[i..]);
    Ok(Some(out))
}

/// `bytes.replace(old, new, count=-1, /)`.
pub(super) fn replace(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = positional(vm, a, kw, "replace", 2, 3)?;
    let old = buffer_arg(vm, &rest[0])?;
    let new = buffer_arg(vm, &rest[1])?;
    let count = match rest.get(2) {
        Some(c) => ssize_arg(vm, c)?,
        None => -1,
    };
    let s = data(&a[0]);
    match replace_bytes(vm, &s, &old, &new, count)? {
        Some(out) => Ok(new_result(&a[0], out)),
        None => Ok(unchanged(&a[0], s)),
    }
}

// ---------------------------------------------------------------------------
// translate, maketrans

/// `bytes.translate(table, /, delete=b'')` (`bytes_translate_impl`): maps
/// every byte through `table` (256 bytes, or None for identity) after
/// dropping the bytes in `delete`.
pub(super) fn translate(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("translate", &["table", "delete"], 1).posonly(1);
    let [table, delete] = args::parse::<2>(vm, &SIG, &a[1..], kw)?;
    let table = match table {
        Some(t) if !t.is_none() => {
            let d = buffer_arg(vm, &t)?;
            if d.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(d)
        }
        _ => None,
    };
    let delete = match &delete {
        Some(d) => buffer_arg(vm, d)?,
        None => Vec::new(),
    };
    let mut deleted = [false; 256];
    for &c in &delete {
        deleted[c as usize] = true;
    }
    let s = data(&a[0]);
    let mut out = alloc_buf(vm, s.len())?;
    let mut changed = false;
    for &c in &s {
        if deleted[c as usize] {
            changed = true;
            continue;
        }
        let m = table.as_ref().map_or(c, |t| t[c as usize]);
        changed |= m != c;
        out.push(m);
    }
    if !changed {
        return Ok(unchanged(&a[0], s));
    }
    Ok(new_result(&a[0], out))
}

/// `_Py_bytes_maketrans`: the identity table with each byte of `frm` mapped
/// to the byte of `to` at the same position.
fn maketrans(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>, owner: &str) -> PyResult<Obj> {
    args::no_kwargs(vm, &format!("{owner}.maketrans"), kw)?;
    args::check_positional_count(vm, "maketrans", a.len(), 2, 2)?;
    let frm = buffer_arg(vm, &a[0])?;
    let to = buffer_arg(vm, &a[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in frm.iter().zip(&to) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}

/// `bytes.maketrans(frm, to, /)` (a static method).
pub(super) fn bytes_maketrans(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    maketrans(vm, a, kw, "bytes")
}

/// `bytearray.maketrans(frm, to, /)`: also returns bytes.
pub(super) fn bytearray_maketrans(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    maketrans(vm, a, kw, "bytearray")
}

// ---------------------------------------------------------------------------
// join

/// `bytes.join(iterable_of_bytes, /)` (`stringlib_bytes_join`). For bytes,
/// a single exact-bytes item is returned as it is.
pub(super) fn join(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let iterable = one_arg(vm, a, kw, "join")?;
    // `PySequence_Fast(iterable, "can only join an iterable")`.
    let items = match vm.get_iter(iterable) {
        Ok(it) => {
            let mut items = Vec::new();
            while let Some(x) = vm.iter_next(&it)? {
                items.push(x);
            }
            items
        }
        Err(e) => {
            if e.value().class().is_subtype(&TYPE_ERROR) {
                return Err(vm.type_error("can only join an iterable"));
            }
            return Err(e);
        }
    };
    let this = &a[0];
    if items.is_empty() {
        return Ok(new_result(this, Vec::new()));
    }
    if items.len() == 1 && !is_bytearray(this) && items[0].downcast_exact::<BytesObject>().is_some()
    {
        return Ok(items[0].clone());
    }
    let sep = data(this);
    let mut parts = Vec::with_capacity(items.len());
    let mut size: usize = 0;
    for (i, item) in items.iter().enumerate() {
        let Some(d) = bytes_like_data(item) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                item.class().name()
            )));
        };
        size = size.saturating_add(d.len());
        if i != 0 {
            size = size.saturating_add(sep.len());
        }
        if size > isize::MAX as usize {
            return Err(vm.overflow_error("join() result is too long"));
        }
        parts.push(d);
    }
    let mut out = alloc_buf(vm, size)?;
    for (i, p) in parts.iter().enumerate() {
        if i != 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(p);
    }
    Ok(new_result(this, out))
}
