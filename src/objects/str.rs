//! `str` (CPython's `Objects/unicodeobject.c`): the object and its slots.
//!
//! Text is stored as UTF-8 with the length in code points and the widest
//! code point's "kind" (1, 2 or 4 bytes, as CPython's compact strings use),
//! which `hash()` needs to hash the same bytes CPython hashes. Indexing is
//! O(1) for ASCII strings and a scan otherwise. Lone surrogates cannot be
//! represented yet: producing one raises a clear error.
//! The methods are in `str_methods.rs`.

use std::cell::Cell;

use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{CompareOp, TypeObject, as_type, flags};
use crate::objects::{Obj, PyResult, Vm, bool_, hash, int, object_type, slice};

#[path = "str_methods.rs"]
pub mod methods;

/// The width class of a string's widest character (CPython's PyUnicode kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum StrKind {
    Ascii = 0,
    Latin1 = 1,
    Ucs2 = 2,
    Ucs4 = 4,
}

#[repr(C)]
pub struct StrObject {
    pub ob: ObjHeader,
    hash: Cell<i64>,
    char_len: usize,
    kind: StrKind,
    data: Box<str>,
}
crate::py_layout!(StrObject, STR_TYPE);

pub static STR_TYPE: TypeObject =
    TypeObject::new_static("str", &STR_TYPE, TypeIndex::Str as u16, dealloc_box::<StrObject>)
        .base(&object_type::OBJECT_TYPE)
        .flags(flags::BASETYPE | flags::UNICODE_SUBCLASS | flags::MATCH_SELF)
        .doc("str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor repr(object).\nencoding defaults to 'utf-8'.\nerrors defaults to 'strict'.")
        .repr(str_repr_slot)
        .str(str_str)
        .hash(str_hash)
        .richcompare(str_richcompare)
        .len(str_len)
        .sq_concat(str_concat)
        .sq_repeat(str_repeat)
        .contains(str_contains)
        .subscript(str_subscript)
        .iter(str_iter)
        .nb(crate::objects::NbOp::Remainder, methods::str_mod)
        .new_fn(methods::str_new)
        .methods(methods::STR_METHODS);

fn kind_of(s: &str) -> (usize, StrKind) {
    if s.is_ascii() {
        return (s.len(), StrKind::Ascii);
    }
    let mut n = 0;
    let mut max = 0u32;
    for c in s.chars() {
        n += 1;
        max = max.max(c as u32);
    }
    let kind = if max < 0x100 {
        StrKind::Latin1
    } else if max < 0x10000 {
        StrKind::Ucs2
    } else {
        StrKind::Ucs4
    };
    (n, kind)
}

impl StrObject {
    fn build(ty: &TypeObject, data: Box<str>) -> StrObject {
        let (char_len, kind) = kind_of(&data);
        StrObject {
            ob: ObjHeader::new(ty),
            hash: Cell::new(-1),
            char_len,
            kind,
            data,
        }
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.data
    }

    /// Length in code points.
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.kind == StrKind::Ascii
    }

    pub fn kind(&self) -> StrKind {
        self.kind
    }

    /// `hash(s)`, cached (CPython's `unicode_hash`): SipHash of the string's
    /// fixed-width (1, 2 or 4 bytes per code point) representation.
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = match self.kind {
            StrKind::Ascii => hash::hash_buffer(self.data.as_bytes()),
            StrKind::Latin1 => {
                let buf: Vec<u8> = self.data.chars().map(|c| c as u8).collect();
                hash::hash_buffer(&buf)
            }
            StrKind::Ucs2 => {
                let buf: Vec<u8> = self
                    .data
                    .chars()
                    .flat_map(|c| (c as u16).to_ne_bytes())
                    .collect();
                hash::hash_buffer(&buf)
            }
            StrKind::Ucs4 => {
                let buf: Vec<u8> = self
                    .data
                    .chars()
                    .flat_map(|c| (c as u32).to_ne_bytes())
                    .collect();
                hash::hash_buffer(&buf)
            }
        };
        self.hash.set(h);
        h
    }

    /// The byte offset of code point `i` (which must be <= len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i;
        }
        self.data
            .char_indices()
            .nth(i)
            .map(|(b, _)| b)
            .unwrap_or(self.data.len())
    }

    /// The code point at index `i` (< len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            return self.data.as_bytes()[i] as char;
        }
        self.data.chars().nth(i).unwrap_or('\0')
    }

    /// Code points `start..end` as a `&str`.
    pub fn substr(&self, start: usize, end: usize) -> &str {
        if self.is_ascii() {
            return &self.data[start..end];
        }
        let b0 = self.byte_offset(start);
        let b1 = b0
            + self.data[b0..]
                .char_indices()
                .nth(end - start)
                .map(|(b, _)| b)
                .unwrap_or(self.data.len() - b0);
        &self.data[b0..b1]
    }
}

/// The text of a str object (panics on non-str only through a bug: callers
/// check the type first).
#[inline]
pub fn str_value(o: &Obj) -> &str {
    o.downcast::<StrObject>().map(|s| s.as_str()).unwrap_or("")
}

/// Whether `o` is a str (or subclass instance).
#[inline(always)]
pub fn is_str(o: &Obj) -> bool {
    !o.is_small_int() && o.class().has_flag(flags::UNICODE_SUBCLASS)
}

/// A new str object.
pub fn new_str_obj(s: &str) -> Obj {
    Obj::alloc(StrObject::build(&STR_TYPE, s.into()))
}

/// A new str object owning `s`.
pub fn new_str_from_string(s: String) -> Obj {
    Obj::alloc(StrObject::build(&STR_TYPE, s.into_boxed_str()))
}

/// An instance of `cls` (str or a subclass) holding `s`.
pub fn new_str_of_type(cls: &TypeObject, s: String) -> Obj {
    Obj::alloc(StrObject::build(cls, s.into_boxed_str()))
}

impl Vm {
    /// A new str object.
    #[inline]
    pub fn new_str(&self, s: &str) -> Obj {
        if s.len() == 1 && s.is_ascii() {
            // One-character strings are common (iteration, indexing); intern
            // them like CPython's latin-1 singletons.
            if let Some(o) = self.interned.get(s) {
                return o.clone();
            }
        }
        new_str_obj(s)
    }

    /// A new str from an owned `String`.
    pub fn new_string(&self, s: String) -> Obj {
        new_str_from_string(s)
    }

    /// The text of `o` if it is a str; otherwise a TypeError saying
    /// "{what} must be str, not {type}".
    pub fn expect_str(&mut self, o: &Obj, what: &str) -> PyResult<String> {
        match o.downcast::<StrObject>() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(self.type_error(format!("{what} must be str, not {}", o.class().name()))),
        }
    }
}

/// `repr()` of a string (CPython's `unicode_repr`): single quotes unless the
/// text contains a single quote and no double quote; non-printable
/// characters escaped as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_ascii() => out.push(c),
            c if crate::unicode::is_printable(c) => out.push(c),
            c => {
                let v = c as u32;
                if v < 0x100 {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v < 0x10000 {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

fn str_repr_slot(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(vm.new_string(repr_str(str_value(a))))
}

fn str_str(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    if std::ptr::eq(a.class(), &STR_TYPE) {
        Ok(a.clone())
    } else {
        Ok(vm.new_str(str_value(a)))
    }
}

fn str_hash(_: &mut Vm, a: &Obj) -> PyResult<i64> {
    Ok(a.downcast::<StrObject>().map(|s| s.hash()).unwrap_or(0))
}

/// Equality of two str objects, pointer first (interned names hit there).
#[inline]
pub fn str_eq(a: &StrObject, b: &StrObject) -> bool {
    if std::ptr::eq(a, b) {
        return true;
    }
    let (ha, hb) = (a.hash.get(), b.hash.get());
    if ha != -1 && hb != -1 && ha != hb {
        return false;
    }
    a.data == b.data
}

fn str_richcompare(_: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (a.downcast::<StrObject>(), b.downcast::<StrObject>()) else {
        return Ok(Obj::not_implemented());
    };
    let r = match op {
        CompareOp::Eq => str_eq(x, y),
        CompareOp::Ne => !str_eq(x, y),
        // UTF-8 byte order is code point order.
        _ => op.test(x.as_str().cmp(y.as_str())),
    };
    Ok(bool_::new_bool(r))
}

fn str_len(_: &mut Vm, a: &Obj) -> PyResult<usize> {
    Ok(a.downcast::<StrObject>().map(|s| s.char_len).unwrap_or(0))
}

fn str_concat(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let Some(y) = b.downcast::<StrObject>() else {
        return Err(vm.type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.class().name()
        )));
    };
    let x = str_value(a);
    if y.data.is_empty() && std::ptr::eq(a.class(), &STR_TYPE) {
        return Ok(a.clone());
    }
    let mut s = String::with_capacity(x.len() + y.data.len());
    s.push_str(x);
    s.push_str(&y.data);
    Ok(vm.new_string(s))
}

fn str_repeat(vm: &mut Vm, a: &Obj, n: isize) -> PyResult<Obj> {
    let x = str_value(a);
    if n <= 0 || x.is_empty() {
        return Ok(vm.new_str(""));
    }
    if n == 1 && std::ptr::eq(a.class(), &STR_TYPE) {
        return Ok(a.clone());
    }
    // The length check is in characters, as CPython's `unicode_repeat`
    // counts them; a result that fits but cannot be allocated is a
    // MemoryError.
    let chars = a.downcast::<StrObject>().map_or(x.len(), |s| s.char_len);
    if chars
        .checked_mul(n as usize)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(vm.overflow_error("repeated string is too long"));
    }
    let Some(total) = x.len().checked_mul(n as usize) else {
        return Err(vm.memory_error());
    };
    let mut out = String::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.memory_error());
    }
    for _ in 0..n {
        out.push_str(x);
    }
    Ok(vm.new_string(out))
}

fn str_contains(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    let Some(y) = b.downcast::<StrObject>() else {
        return Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            b.class().name()
        )));
    };
    Ok(str_value(a).contains(y.as_str()))
}

fn str_subscript(vm: &mut Vm, a: &Obj, key: &Obj) -> PyResult<Obj> {
    let s = a.downcast::<StrObject>().expect("str slot");
    if int::is_int(key) || key.class().slots.nb_index.get().is_some() && !slice::is_slice(key) {
        let i = vm.to_index_isize(key, key.class().name().as_ref())?;
        let n = s.char_len as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("string index out of range"));
        }
        let c = s.char_at(j as usize);
        let mut buf = [0u8; 4];
        return Ok(vm.new_str(c.encode_utf8(&mut buf)));
    }
    if let Some(sl) = key.downcast::<slice::SliceObject>() {
        let (start, _stop, step, len) = sl.indices(vm, s.char_len)?;
        if step == 1 {
            if len == s.char_len && std::ptr::eq(a.class(), &STR_TYPE) {
                return Ok(a.clone());
            }
            return Ok(vm.new_str(s.substr(start as usize, (start + len as isize) as usize)));
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        let mut out = String::new();
        let mut i = start;
        for _ in 0..len {
            out.push(chars[i as usize]);
            i += step;
        }
        return Ok(vm.new_string(out));
    }
    Err(vm.type_error(format!(
        "string indices must be integers, not '{}'",
        key.class().name()
    )))
}

fn str_iter(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(crate::objects::iterators::new_str_iterator(vm, a.clone()))
}

/// `str(x)` of a str subclass instance or plain str (used by str_new).
pub fn str_of_type(cls: &Obj, s: String) -> Obj {
    match as_type(cls) {
        Some(t) if !std::ptr::eq(t, &STR_TYPE) => new_str_of_type(t, s),
        _ => new_str_from_string(s),
    }
}

/// Checks a str argument ("must be str, not int") and returns its text.
pub fn arg_str<'a>(vm: &mut Vm, fname: &str, argname: &str, o: &'a Obj) -> PyResult<&'a str> {
    match o.downcast::<StrObject>() {
        Some(s) => Ok(s.as_str()),
        None => Err(vm.type_error(format!(
            "{fname}() argument {argname} must be str, not {}",
            o.class().name()
        ))),
    }
}
