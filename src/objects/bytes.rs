//! `bytes` and `bytearray` (CPython's `Objects/bytesobject.c` and
//! `Objects/bytearrayobject.c`): the objects, their slots and the codecs
//! `encode`/`decode` need. The methods are in `bytes_methods.rs`.

use std::cell::{Cell, RefCell};

pub use crate::objects::codecs::{decode_bytes, decode_object, encode_str};
use crate::objects::header::ObjHeader;
use crate::objects::int::{self, int_ref};
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::slice::SliceObject;
use crate::objects::str::StrObject;
use crate::objects::typeobject::{CompareOp, TypeObject, as_type, flags};
use crate::objects::{Obj, PyResult, Vm, args, bool_, hash, object_type};

#[path = "bytes_methods.rs"]
pub mod methods;

#[repr(C)]
pub struct BytesObject {
    pub ob: ObjHeader,
    hash: Cell<i64>,
    data: Box<[u8]>,
}
crate::py_layout!(BytesObject, BYTES_TYPE);

#[repr(C)]
pub struct ByteArrayObject {
    pub ob: ObjHeader,
    pub data: RefCell<Vec<u8>>,
}
crate::py_layout!(ByteArrayObject, BYTEARRAY_TYPE);

pub static BYTES_TYPE: TypeObject =
    TypeObject::new_static("bytes", &BYTES_TYPE, TypeIndex::Bytes as u16, dealloc_box::<BytesObject>)
        .base(&object_type::OBJECT_TYPE)
        .flags(flags::BASETYPE | flags::BYTES_SUBCLASS | flags::MATCH_SELF)
        .doc("bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object implementing the buffer API.\n  - an integer")
        .repr(bytes_repr)
        .str(bytes_str)
        .hash(bytes_hash)
        .richcompare(bytes_richcompare)
        .len(bytes_len)
        .sq_concat(bytes_concat)
        .sq_repeat(bytes_repeat)
        .contains(bytes_contains)
        .subscript(bytes_subscript)
        .iter(bytes_iter)
        .nb(crate::objects::NbOp::Remainder, methods::bytes_mod)
        .new_fn(bytes_new)
        .methods(methods::BYTES_METHODS);

pub static BYTEARRAY_TYPE: TypeObject = TypeObject::new_static(
    "bytearray",
    &BYTEARRAY_TYPE,
    TypeIndex::ByteArray as u16,
    dealloc_box::<ByteArrayObject>,
)
.base(&object_type::OBJECT_TYPE)
.flags(flags::BASETYPE | flags::MATCH_SELF)
.repr(bytes_repr)
.str(bytes_str)
.hash(object_type::hash_not_implemented)
.richcompare(bytes_richcompare)
.len(bytes_len)
.sq_concat(bytes_concat)
.sq_repeat(bytes_repeat)
.sq_inplace_concat(bytearray_iconcat)
.sq_inplace_repeat(methods::bytearray_irepeat)
.nb(crate::objects::NbOp::Remainder, methods::bytes_mod)
.contains(bytes_contains)
.subscript(bytes_subscript)
.ass_subscript(bytearray_ass_subscript)
.iter(bytes_iter)
.new_fn(bytearray_new)
.init(bytearray_init)
.methods(methods::BYTEARRAY_METHODS);

pub fn new_bytes(data: Vec<u8>) -> Obj {
    Obj::alloc(BytesObject {
        ob: ObjHeader::new(&BYTES_TYPE),
        hash: Cell::new(-1),
        data: data.into(),
    })
}

pub fn new_bytearray(data: Vec<u8>) -> Obj {
    Obj::alloc(ByteArrayObject {
        ob: ObjHeader::new(&BYTEARRAY_TYPE),
        data: RefCell::new(data),
    })
}

impl Vm {
    pub fn new_bytes(&self, data: Vec<u8>) -> Obj {
        new_bytes(data)
    }
}

impl BytesObject {
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }
}

/// A copy of the data of a bytes-like object (bytes, bytearray).
pub fn bytes_like_data(o: &Obj) -> Option<Vec<u8>> {
    if let Some(b) = o.downcast::<BytesObject>() {
        return Some(b.data.to_vec());
    }
    o.downcast::<ByteArrayObject>()
        .map(|b| b.data.borrow().clone())
}

/// Whether `o` is bytes or bytearray.
pub fn is_bytes_like(o: &Obj) -> bool {
    o.downcast::<BytesObject>().is_some() || o.downcast::<ByteArrayObject>().is_some()
}

fn is_bytearray(o: &Obj) -> bool {
    o.downcast::<ByteArrayObject>().is_some()
}

fn data_of(o: &Obj) -> Vec<u8> {
    bytes_like_data(o).expect("bytes slot on a non-bytes object")
}

/// A result of the same kind as `like` (bytes or bytearray).
pub fn new_like(like: &Obj, data: Vec<u8>) -> Obj {
    if is_bytearray(like) {
        new_bytearray(data)
    } else {
        new_bytes(data)
    }
}

/// `repr(b)`: `b'...'` with CPython's escapes and quote choice.
pub fn bytes_repr_text(data: &[u8]) -> String {
    repr_text(data, false)
}

/// The repr body shared by bytes and bytearray: CPython's `bytearray_repr`
/// escapes `'` even inside double quotes, `bytes_repr` does not.
fn repr_text(data: &[u8], always_escape_apostrophe: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote || (always_escape_apostrophe && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

fn bytes_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let data = data_of(o);
    let text = repr_text(&data, is_bytearray(o));
    if is_bytearray(o) {
        return Ok(vm.new_string(format!("{}({text})", o.class().name())));
    }
    Ok(vm.new_string(text))
}

/// `str(b)` is `repr(b)` (with -b it would warn; pyrs has no -b).
fn bytes_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    bytes_repr(vm, o)
}

fn bytes_hash(_: &mut Vm, o: &Obj) -> PyResult<i64> {
    let b = o.downcast::<BytesObject>().expect("bytes slot");
    let h = b.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let h = hash::hash_buffer(&b.data);
    b.hash.set(h);
    Ok(h)
}

fn bytes_richcompare(_: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let Some(y) = bytes_like_data(b) else {
        return Ok(Obj::not_implemented());
    };
    let x = data_of(a);
    Ok(bool_::new_bool(op.test(x.cmp(&y))))
}

fn bytes_len(_: &mut Vm, o: &Obj) -> PyResult<usize> {
    if let Some(b) = o.downcast::<BytesObject>() {
        return Ok(b.data.len());
    }
    Ok(o.downcast::<ByteArrayObject>()
        .map(|b| b.data.borrow().len())
        .unwrap_or(0))
}

fn bytes_concat(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let Some(y) = bytes_like_data(b) else {
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            b.class().name(),
            a.class().name()
        )));
    };
    let mut x = data_of(a);
    x.extend_from_slice(&y);
    Ok(new_like(a, x))
}

fn bytearray_iconcat(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let Some(y) = bytes_like_data(b) else {
        return Err(vm.type_error(format!(
            "can't concat {} to {}",
            b.class().name(),
            a.class().name()
        )));
    };
    if let Some(ba) = a.downcast::<ByteArrayObject>() {
        ba.data.borrow_mut().extend_from_slice(&y);
    }
    Ok(a.clone())
}

fn bytes_repeat(vm: &mut Vm, a: &Obj, n: isize) -> PyResult<Obj> {
    let x = data_of(a);
    Ok(new_like(a, repeat_bytes(vm, &x, n)?))
}

/// `x * n` for bytes-like data (`bytes_repeat`): OverflowError when the
/// length does not fit a Py_ssize_t, MemoryError when it cannot be
/// allocated.
pub fn repeat_bytes(vm: &mut Vm, x: &[u8], n: isize) -> PyResult<Vec<u8>> {
    if n <= 0 || x.is_empty() {
        return Ok(vec![]);
    }
    let Some(total) = x
        .len()
        .checked_mul(n as usize)
        .filter(|t| *t <= isize::MAX as usize)
    else {
        return Err(vm.overflow_error("repeated bytes are too long"));
    };
    let mut out = alloc_bytes(vm, total)?;
    for _ in 0..n {
        out.extend_from_slice(x);
    }
    Ok(out)
}

/// An empty buffer with room for `n` bytes, or MemoryError.
pub fn alloc_bytes(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| vm.memory_error())?;
    Ok(v)
}

fn bytes_contains(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    let x = data_of(a);
    if let Some(i) = int_ref(b) {
        return match i.to_i64().filter(|v| (0..256).contains(v)) {
            Some(v) => Ok(x.contains(&(v as u8))),
            None => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    match bytes_like_data(b) {
        Some(needle) => Ok(find(&x, &needle, 0).is_some()),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            b.class().name()
        ))),
    }
}

/// Index of the first occurrence of `needle` in `hay` at or after `from`.
pub fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn bytes_subscript(vm: &mut Vm, a: &Obj, key: &Obj) -> PyResult<Obj> {
    let x = data_of(a);
    if let Some(sl) = key.downcast::<SliceObject>() {
        let (start, _, step, len) = sl.indices(vm, x.len())?;
        let v = (0..len)
            .map(|k| x[(start + k as isize * step) as usize])
            .collect();
        return Ok(new_like(a, v));
    }
    if int_ref(key).is_some() || key.class().slots.nb_index.get().is_some() {
        let i = vm.to_index_isize(key, key.class().name().as_ref())?;
        let n = x.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error(if is_bytearray(a) {
                "bytearray index out of range"
            } else {
                "index out of range"
            }));
        }
        return Ok(int::new_int(x[j as usize] as i64));
    }
    Err(vm.type_error(format!(
        "byte indices must be integers or slices, not {}",
        key.class().name()
    )))
}

fn bytearray_ass_subscript(vm: &mut Vm, a: &Obj, key: &Obj, value: Option<Obj>) -> PyResult<()> {
    let ba = a.downcast::<ByteArrayObject>().expect("bytearray slot");
    if let Some(sl) = key.downcast::<SliceObject>() {
        let n = ba.data.borrow().len();
        let (start, _, step, len) = sl.indices(vm, n)?;
        let new = match &value {
            None => None,
            Some(v) => Some(bytes_from_object(vm, v, Target::ByteArray)?),
        };
        let mut data = ba.data.borrow_mut();
        let idx: Vec<usize> = (0..len)
            .map(|k| (start + k as isize * step) as usize)
            .collect();
        match new {
            None => {
                let mut sorted = idx;
                sorted.sort_unstable();
                for i in sorted.into_iter().rev() {
                    data.remove(i);
                }
            }
            Some(nv) if step == 1 => {
                let s = start.max(0) as usize;
                data.splice(s..s + len, nv);
            }
            Some(nv) => {
                if nv.len() != idx.len() {
                    drop(data);
                    return Err(vm.value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        nv.len(),
                        idx.len()
                    )));
                }
                for (i, b) in idx.into_iter().zip(nv) {
                    data[i] = b;
                }
            }
        }
        return Ok(());
    }
    let i = vm.to_index_isize(key, key.class().name().as_ref())?;
    let n = ba.data.borrow().len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("bytearray index out of range"));
    }
    match value {
        None => {
            ba.data.borrow_mut().remove(j as usize);
        }
        Some(v) => {
            let b = byte_value(vm, &v)?;
            ba.data.borrow_mut()[j as usize] = b;
        }
    }
    Ok(())
}

/// An int in range(256).
pub fn byte_value(vm: &mut Vm, v: &Obj) -> PyResult<u8> {
    let i = vm.to_i64(v)?;
    u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// Which constructor is converting: `bytes(...)` says "bytes must be in
/// range(0, 256)" where bytearray's paths say "byte must be ...".
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Bytes,
    ByteArray,
}

fn bytes_iter(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let list = vm.new_list(
        data_of(a)
            .into_iter()
            .map(|b| int::new_int(b as i64))
            .collect(),
    );
    vm.get_iter(&list)
}

/// The bytes of `bytes(x)` for a non-str argument (CPython's
/// `PyBytes_FromObject`): bytes-like, an int count, or ints in range(256).
pub fn bytes_from_object(vm: &mut Vm, x: &Obj, target: Target) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like_data(x) {
        return Ok(d);
    }
    if x.downcast::<StrObject>().is_some() {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if int_ref(x).is_some() {
        let n = vm.to_isize(x)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut v = alloc_bytes(vm, n as usize)?;
        v.resize(n as usize, 0);
        return Ok(v);
    }
    let it = match vm.get_iter(x) {
        Ok(it) => it,
        Err(_) => {
            return Err(vm.type_error(format!(
                "cannot convert '{}' object to bytes",
                x.class().name()
            )));
        }
    };
    let mut out = Vec::new();
    while let Some(v) = vm.iter_next(&it)? {
        if int_ref(&v).is_none() && v.class().slots.nb_index.get().is_none() {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.class().name()
            )));
        }
        let b = match target {
            Target::ByteArray => byte_value(vm, &v)?,
            Target::Bytes => {
                let i = vm.to_i64(&v)?;
                u8::try_from(i).map_err(|_| vm.value_error("bytes must be in range(0, 256)"))?
            }
        };
        out.push(b);
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: args::Signature =
        args::Signature::new("bytes", &["source", "encoding", "errors"], 0);
    let [source, encoding, errors] = args::parse::<3>(vm, &SIG, a, kw)?;
    let data = match (source, encoding.is_some() || errors.is_some()) {
        (None, false) => vec![],
        (None, true) => return Err(vm.type_error("encoding or errors without sequence argument")),
        (Some(s), true) => {
            let Some(text) = s.downcast::<StrObject>() else {
                return Err(vm.type_error(if encoding.is_some() {
                    "encoding without a string argument"
                } else {
                    "errors without a string argument"
                }));
            };
            let enc = match &encoding {
                Some(e) => vm.expect_str(e, "bytes() argument 'encoding'")?,
                None => "utf-8".into(),
            };
            let errs = match &errors {
                Some(e) => vm.expect_str(e, "bytes() argument 'errors'")?,
                None => "strict".into(),
            };
            encode_str(vm, text.as_str(), &enc, &errs, &s)?
        }
        (Some(s), false) => {
            if let Some(f) = vm.lookup_special(&s, "__bytes__") {
                let r = vm.call(&f, &[], None)?;
                let exact = std::ptr::eq(as_type(cls).expect("bytes __new__"), &BYTES_TYPE);
                if exact && r.downcast_exact::<BytesObject>().is_some() {
                    // bytes(b) is b for an exact bytes (bytes_new_impl).
                    return Ok(r);
                }
                match r.downcast::<BytesObject>() {
                    Some(b) => b.data.to_vec(),
                    None => {
                        return Err(vm.type_error(format!(
                            "__bytes__ returned non-bytes (type {})",
                            r.class().name()
                        )));
                    }
                }
            } else {
                bytes_from_object(vm, &s, Target::Bytes)?
            }
        }
    };
    let ty = as_type(cls).expect("bytes __new__ with a non-type");
    if std::ptr::eq(ty, &BYTES_TYPE) {
        Ok(new_bytes(data))
    } else {
        Ok(Obj::alloc(BytesObject {
            ob: ObjHeader::new(ty),
            hash: Cell::new(-1),
            data: data.into(),
        }))
    }
}

fn bytearray_new(_: &mut Vm, cls: &Obj, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    let ty = as_type(cls).expect("bytearray __new__ with a non-type");
    Ok(Obj::alloc(ByteArrayObject {
        ob: ObjHeader::new(ty),
        data: RefCell::new(vec![]),
    }))
}

fn bytearray_init(vm: &mut Vm, this: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    static SIG: args::Signature =
        args::Signature::new("bytearray", &["source", "encoding", "errors"], 0);
    let [source, encoding, errors] = args::parse::<3>(vm, &SIG, a, kw)?;
    let data = match source {
        None => vec![],
        Some(s) => match s.downcast::<StrObject>() {
            Some(text) => {
                let Some(e) = &encoding else {
                    return Err(vm.type_error("string argument without an encoding"));
                };
                let enc = vm.expect_str(e, "bytearray() argument 'encoding'")?;
                let errs = match &errors {
                    Some(e) => vm.expect_str(e, "bytearray() argument 'errors'")?,
                    None => "strict".into(),
                };
                encode_str(vm, text.as_str(), &enc, &errs, &s)?
            }
            None => bytes_from_object(vm, &s, Target::ByteArray)?,
        },
    };
    *this
        .downcast::<ByteArrayObject>()
        .expect("bytearray init")
        .data
        .borrow_mut() = data;
    Ok(())
}
