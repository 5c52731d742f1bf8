//! Methods of `bytes` and `bytearray`: CPython's method tables in
//! `Objects/bytesobject.c` and `Objects/bytearrayobject.c`, the shared
//! algorithms of `Objects/bytes_methods.c`, `Python/pystrhex.c` and the
//! `Objects/stringlib/` templates those files instantiate.
//!
//! The two types share almost every method; where CPython's templates differ
//! between them (`STRINGLIB_MUTABLE`), the difference is kept: a `bytes`
//! method may hand back `self` (or an argument) unchanged where the result
//! would be equal, a `bytearray` method always returns a fresh `bytearray`.
//!
//! Arguments are converted (which may call back into Python: `__index__`,
//! iteration, `__len__`) before the data of `self` is read. Methods that
//! build a result work on a copy of it; the read-only ones (searching, the
//! `is*` predicates) look at it in place through [`with_bytes`], which runs
//! no Python code. So a `bytearray` changed by a callback cannot break a
//! method, and no `RefCell` borrow is ever held across a callback.
//!
//! The methods are split by topic:
//! - `bytes_methods_search.rs`: find, count, index, startswith, ...;
//! - `bytes_methods_split.rs`: split, partition, strip, splitlines, ...;
//! - `bytes_methods_transform.rs`: case mapping, padding, replace,
//!   translate, join, ...;
//! - `bytes_methods_hex.rs`: hex, fromhex and the small dunders;
//! - `bytes_methods_bytearray.rs`: the methods only `bytearray` has.
//!
//! `bytes % args` lives in `percent.rs`.

use super::{ByteArrayObject, BytesObject, bytes_like_data, decode_bytes, new_like};
use crate::objects::args::{self, Signature};
use crate::objects::int::int_ref;
use crate::objects::typeobject::MethodDef;
use crate::objects::{Obj, PyResult, Vm};

#[path = "bytes_methods_bytearray.rs"]
mod bytearray;
#[path = "bytes_methods_hex.rs"]
mod hex;
#[path = "bytes_methods_search.rs"]
mod search;
#[path = "bytes_methods_split.rs"]
mod split;
#[path = "bytes_methods_transform.rs"]
mod transform;

pub use bytearray::bytearray_irepeat;

/// `bytes % args` (printf-style formatting of bytes).
pub fn bytes_mod(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    crate::objects::percent::format_bytes_percent(vm, a, b)
}

// ---------------------------------------------------------------------------
// Helpers shared by the method files.

/// Whether `o` is a bytearray (or a subclass).
fn is_bytearray(o: &Obj) -> bool {
    o.downcast::<ByteArrayObject>().is_some()
}

/// The name of the builtin type whose method is running: error messages
/// name the descriptor's type ("bytes.find()"), not `type(self)`.
fn type_name(o: &Obj) -> &'static str {
    if is_bytearray(o) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// "bytes.name" or "bytearray.name", as the method descriptor's checks say.
fn qualname(o: &Obj, name: &str) -> String {
    format!("{}.{name}", type_name(o))
}

/// A copy of the data of `self`.
fn data(o: &Obj) -> Vec<u8> {
    bytes_like_data(o).unwrap_or_default()
}

/// Runs `f` on the data of a bytes or bytearray without copying it, for the
/// methods that only look at it (search, predicates). `f` must not call
/// back into Python, so nothing can mutate a bytearray under it.
fn with_bytes<R>(o: &Obj, f: impl FnOnce(&[u8]) -> R) -> R {
    if let Some(b) = o.downcast::<BytesObject>() {
        return f(b.as_bytes());
    }
    if let Some(ba) = o.downcast::<ByteArrayObject>()
        && let Ok(d) = ba.data.try_borrow()
    {
        return f(&d);
    }
    // Not bytes-like, or a bytearray in the middle of a mutation (which
    // never runs Python code, so no method can get here then).
    f(&[])
}

/// A result of the same kind as `like`. A bytearray result gets an exact
/// allocation, as `PyByteArray_FromStringAndSize` makes it (`__alloc__`
/// shows it).
fn new_result(like: &Obj, mut v: Vec<u8>) -> Obj {
    if is_bytearray(like) {
        v.shrink_to_fit();
    }
    new_like(like, v)
}

/// CPython's `return_self` in the stringlib templates: an unchanged result is
/// `self` itself for an exact `bytes`, a copy otherwise (always a copy for
/// bytearray, and an exact `bytes` for a bytes subclass).
fn unchanged(this: &Obj, v: Vec<u8>) -> Obj {
    if this.downcast_exact::<BytesObject>().is_some() {
        return this.clone();
    }
    new_result(this, v)
}

/// A buffer of `n` bytes, or MemoryError when it cannot be allocated
/// (a huge width or count must raise, not abort).
fn alloc_buf(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    if n > isize::MAX as usize || v.try_reserve_exact(n).is_err() {
        return Err(vm.memory_error());
    }
    Ok(v)
}

/// "a bytes-like object is required, not 'str'" (`PyObject_GetBuffer` on an
/// object without the buffer protocol).
fn not_buffer(vm: &mut Vm, o: &Obj) -> crate::objects::PyErr {
    vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        o.class().name()
    ))
}

/// The data of an argument that must support the buffer protocol (Argument
/// Clinic's `Py_buffer` converter). pyrs's buffer exporters are bytes and
/// bytearray.
fn buffer_arg(vm: &mut Vm, o: &Obj) -> PyResult<Vec<u8>> {
    match bytes_like_data(o) {
        Some(d) => Ok(d),
        None => Err(not_buffer(vm, o)),
    }
}

/// Whether `o` can be converted with `__index__` (`_PyIndex_Check`).
fn has_index(o: &Obj) -> bool {
    int_ref(o).is_some() || o.class().slots.nb_index.get().is_some()
}

/// `PyNumber_AsSsize_t(o, NULL)`: an index clamped to the `isize` range.
fn index_clamped(vm: &mut Vm, o: &Obj) -> PyResult<isize> {
    let v = vm.index(o)?;
    let Some(r) = int_ref(&v) else {
        return Ok(0);
    };
    Ok(match r.to_i64().and_then(|x| isize::try_from(x).ok()) {
        Some(x) => x,
        None if r.is_negative() => isize::MIN,
        None => isize::MAX,
    })
}

/// `_PyEval_SliceIndex`: an optional start/end bound; `None` (or a missing
/// argument) keeps `default`, huge values clamp.
fn slice_index(vm: &mut Vm, o: Option<&Obj>, default: isize) -> PyResult<isize> {
    match o {
        None => Ok(default),
        Some(o) if o.is_none() => Ok(default),
        Some(o) if has_index(o) => index_clamped(vm, o),
        Some(_) => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// Argument Clinic's `Py_ssize_t` converter: `__index__`, then OverflowError
/// "Python int too large to convert to C ssize_t".
fn ssize_arg(vm: &mut Vm, o: &Obj) -> PyResult<isize> {
    let v = vm.index(o)?;
    match int_ref(&v)
        .and_then(|r| r.to_i64())
        .and_then(|x| isize::try_from(x).ok())
    {
        Some(x) => Ok(x),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Argument Clinic's `int` converter (`PyLong_AsInt`).
fn int_arg(vm: &mut Vm, o: &Obj) -> PyResult<i32> {
    let v = vm.index(o)?;
    match int_ref(&v)
        .and_then(|r| r.to_i64())
        .and_then(|x| i32::try_from(x).ok())
    {
        Some(x) => Ok(x),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// `_getbytevalue` (bytearrayobject.c): an int in range(256); anything out
/// of range, however large, is a ValueError.
fn byte_arg(vm: &mut Vm, o: &Obj) -> PyResult<u8> {
    let v = vm.index(o)?;
    match int_ref(&v).and_then(|r| r.to_i64()) {
        Some(x) if (0..256).contains(&x) => Ok(x as u8),
        _ => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// `ADJUST_INDICES`: clamps `start`/`end` (which may be negative, counting
/// from the end) to `0..=len` the way the search functions do. `start` may
/// stay beyond `len`; callers compare `end - start` with the needle length.
fn adjust_indices(start: isize, end: isize, len: usize) -> (isize, isize) {
    let len = len as isize;
    let end = if end > len {
        len
    } else if end < 0 {
        (end.saturating_add(len)).max(0)
    } else {
        end
    };
    let start = if start < 0 {
        (start.saturating_add(len)).max(0)
    } else {
        start
    };
    (start, end)
}

/// `Py_ISSPACE` (pyctype.h): ASCII whitespace, without the separators
/// 0x1c..0x1f that `str.isspace` also accepts.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Methods taking only positional arguments (`METH_FASTCALL` without
/// keywords): the descriptor refuses keywords naming the type
/// ("bytes.find() takes no keyword arguments"), then Argument Clinic checks
/// the count ("find expected at least 1 argument, got 0").
fn positional<'a>(
    vm: &mut Vm,
    a: &'a [Obj],
    kw: Option<&Obj>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Obj]> {
    args::no_kwargs(vm, &qualname(&a[0], name), kw)?;
    args::check_positional_count(vm, name, a.len() - 1, min, max)?;
    Ok(&a[1..])
}

/// `METH_NOARGS`: "bytes.upper() takes no arguments (1 given)".
fn no_args(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>, name: &str) -> PyResult<()> {
    args::no_args(vm, &qualname(&a[0], name), &a[1..], kw)
}

/// `METH_O`: "bytes.join() takes exactly one argument (0 given)".
fn one_arg<'a>(vm: &mut Vm, a: &'a [Obj], kw: Option<&Obj>, name: &str) -> PyResult<&'a Obj> {
    args::one_arg(vm, &qualname(&a[0], name), &a[1..], kw)
}

// ---------------------------------------------------------------------------
// decode

/// `bytes.decode(encoding='utf-8', errors='strict')` (`bytes_decode_impl`).
fn b_decode(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("decode", &["encoding", "errors"], 0);
    let [encoding, errors] = args::parse::<2>(vm, &SIG, &a[1..], kw)?;
    let enc = match encoding {
        Some(e) => vm.expect_str(&e, "decode() argument 'encoding'")?,
        None => "utf-8".into(),
    };
    let errs = match errors {
        Some(e) => vm.expect_str(&e, "decode() argument 'errors'")?,
        None => "strict".into(),
    };
    let d = data(&a[0]);
    let s = decode_bytes(vm, &d, &enc, &errs)?;
    Ok(vm.new_string(s))
}

// ---------------------------------------------------------------------------
// The method tables, in CPython's order.

pub static BYTES_METHODS: &[MethodDef] = &[
    MethodDef::new("__getnewargs__", hex::getnewargs),
    MethodDef::new("__bytes__", hex::dunder_bytes),
    MethodDef::new("__sizeof__", hex::bytes_sizeof),
    MethodDef::new("capitalize", transform::capitalize),
    MethodDef::new("center", transform::center),
    MethodDef::new("count", search::count),
    MethodDef::new("decode", b_decode),
    MethodDef::new("endswith", search::endswith),
    MethodDef::new("expandtabs", transform::expandtabs),
    MethodDef::new("find", search::find),
    MethodDef::class("fromhex", hex::fromhex),
    MethodDef::new("hex", hex::hex),
    MethodDef::new("index", search::index),
    MethodDef::new("isalnum", transform::isalnum),
    MethodDef::new("isalpha", transform::isalpha),
    MethodDef::new("isascii", transform::isascii),
    MethodDef::new("isdigit", transform::isdigit),
    MethodDef::new("islower", transform::islower),
    MethodDef::new("isspace", transform::isspace),
    MethodDef::new("istitle", transform::istitle),
    MethodDef::new("isupper", transform::isupper),
    MethodDef::new("join", transform::join),
    MethodDef::new("ljust", transform::ljust),
    MethodDef::new("lower", transform::lower),
    MethodDef::new("lstrip", split::lstrip),
    MethodDef::static_("maketrans", transform::bytes_maketrans),
    MethodDef::new("partition", split::partition),
    MethodDef::new("replace", transform::replace),
    MethodDef::new("removeprefix", split::removeprefix),
    MethodDef::new("removesuffix", split::removesuffix),
    MethodDef::new("rfind", search::rfind),
    MethodDef::new("rindex", search::rindex),
    MethodDef::new("rjust", transform::rjust),
    MethodDef::new("rpartition", split::rpartition),
    MethodDef::new("rsplit", split::rsplit),
    MethodDef::new("rstrip", split::rstrip),
    MethodDef::new("split", split::split),
    MethodDef::new("splitlines", split::splitlines),
    MethodDef::new("startswith", search::startswith),
    MethodDef::new("strip", split::strip),
    MethodDef::new("swapcase", transform::swapcase),
    MethodDef::new("title", transform::title),
    MethodDef::new("translate", transform::translate),
    MethodDef::new("upper", transform::upper),
    MethodDef::new("zfill", transform::zfill),
];

pub static BYTEARRAY_METHODS: &[MethodDef] = &[
    MethodDef::new("__alloc__", bytearray::alloc),
    MethodDef::new("__reduce__", bytearray::reduce),
    MethodDef::new("__reduce_ex__", bytearray::reduce_ex),
    MethodDef::new("__sizeof__", bytearray::sizeof),
    MethodDef::new("append", bytearray::append),
    MethodDef::new("capitalize", transform::capitalize),
    MethodDef::new("center", transform::center),
    MethodDef::new("clear", bytearray::clear),
    MethodDef::new("copy", bytearray::copy),
    MethodDef::new("count", search::count),
    MethodDef::new("decode", b_decode),
    MethodDef::new("endswith", search::endswith),
    MethodDef::new("expandtabs", transform::expandtabs),
    MethodDef::new("extend", bytearray::extend),
    MethodDef::new("find", search::find),
    MethodDef::class("fromhex", hex::fromhex),
    MethodDef::new("hex", hex::hex),
    MethodDef::new("index", search::index),
    MethodDef::new("insert", bytearray::insert),
    MethodDef::new("isalnum", transform::isalnum),
    MethodDef::new("isalpha", transform::isalpha),
    MethodDef::new("isascii", transform::isascii),
    MethodDef::new("isdigit", transform::isdigit),
    MethodDef::new("islower", transform::islower),
    MethodDef::new("isspace", transform::isspace),
    MethodDef::new("istitle", transform::istitle),
    MethodDef::new("isupper", transform::isupper),
    MethodDef::new("join", transform::join),
    MethodDef::new("ljust", transform::ljust),
    MethodDef::new("lower", transform::lower),
    MethodDef::new("lstrip", split::lstrip),
    MethodDef::static_("maketrans", transform::bytearray_maketrans),
    MethodDef::new("partition", split::partition),
    MethodDef::new("pop", bytearray::pop),
    MethodDef::new("remove", bytearray::remove),
    MethodDef::new("replace", transform::replace),
    MethodDef::new("removeprefix", split::removeprefix),
    MethodDef::new("removesuffix", split::removesuffix),
    MethodDef::new("resize", bytearray::resize),
    MethodDef::new("reverse", bytearray::reverse),
    MethodDef::new("rfind", search::rfind),
    MethodDef::new("rindex", search::rindex),
    MethodDef::new("rjust", transform::rjust),
    MethodDef::new("rpartition", split::rpartition),
    MethodDef::new("rsplit", split::rsplit),
    MethodDef::new("rstrip", split::rstrip),
    MethodDef::new("split", split::split),
    MethodDef::new("splitlines", split::splitlines),
    MethodDef::new("startswith", search::startswith),
    MethodDef::new("strip", split::strip),
    MethodDef::new("swapcase", transform::swapcase),
    MethodDef::new("title", transform::title),
    MethodDef::new("translate", transform::translate),
    MethodDef::new("upper", transform::upper),
    MethodDef::new("zfill", transform::zfill),
];
