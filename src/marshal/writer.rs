//! Writing marshal data, version 5: a port of `w_object`,
//! `w_complex_object` and their helpers from `Python/marshal.c`.
//!
//! Two departures, both forced by writing a tree rather than live objects:
//!
//! - Sharing. CPython's `w_ref` flags every object whose reference count
//!   is above one and writes `TYPE_REF` when it meets the object again.
//!   A tree has no reference counts, so a first pass counts how often each
//!   `Rc` occurs; exactly those met more than once get `FLAG_REF`, and
//!   later occurrences become `TYPE_REF`. Loading the output gives back the
//!   same sharing. Ints and floats have no identity here and are written
//!   in full each time.
//! - Set order. CPython writes set elements sorted by their own marshal
//!   bytes (bpo-37596), bytes that depend on reference counts. The tree's
//!   order is written as is; a tree read from CPython's output already has
//!   CPython's order.
//!
//! Like the reader, the writer keeps its own work stack instead of
//! recursing, and enforces the same 2000-level depth limit.

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::MAX_DEPTH;
use super::error::{ErrorKind, MarshalError};
use super::number::digits_of;
use super::typecode::*;
use super::value::{Code, PyStr, Value};

/// Writes `value` as marshal data, version 5 (`marshal.dumps(value)`).
pub fn dumps(value: &Value) -> Result<Vec<u8>, MarshalError> {
    let mut writer = Writer {
        out: Vec::new(),
        shared: count_shared(value),
        written: HashMap::new(),
    };
    writer.w_object(value)?;
    Ok(writer.out)
}

/// The identity of a shareable object: its allocation and the type it is
/// written as (one `Rc<[Value]>` could be used as both a tuple and a list).
type Identity = (usize, u8);

/// One thing still to write. Code objects are written as their fields,
/// which are typed (`Rc<PyStr>`, `Rc<[u8]>`) rather than `Value`s.
enum Item<'a> {
    Value(&'a Value),
    Str(&'a Rc<PyStr>),
    Bytes(&'a Rc<[u8]>),
    Tuple(&'a Rc<[Value]>),
    Long(i32),
    /// `TYPE_NULL`, the terminator of a dict.
    Null,
}

impl<'a> Item<'a> {
    /// The identity of the object, if it can be shared.
    fn identity(&self) -> Option<Identity> {
        let (addr, ty) = match self {
            Item::Value(v) => match v {
                Value::Str(s) => (Rc::as_ptr(s) as *const u8 as usize, TYPE_UNICODE),
                Value::Bytes(b) => (Rc::as_ptr(b) as *const u8 as usize, TYPE_STRING),
                Value::Tuple(t) => (Rc::as_ptr(t) as *const u8 as usize, TYPE_TUPLE),
                Value::List(l) => (Rc::as_ptr(l) as *const u8 as usize, TYPE_LIST),
                Value::Dict(d) => (Rc::as_ptr(d) as *const u8 as usize, TYPE_DICT),
                Value::Set(s) => (Rc::as_ptr(s) as *const u8 as usize, TYPE_SET),
                Value::FrozenSet(s) => (Rc::as_ptr(s) as *const u8 as usize, TYPE_FROZENSET),
                Value::Slice(s) => (Rc::as_ptr(s) as *const u8 as usize, TYPE_SLICE),
                Value::Code(c) => (Rc::as_ptr(c) as *const u8 as usize, TYPE_CODE),
                _ => return None,
            },
            Item::Str(s) => (Rc::as_ptr(s) as *const u8 as usize, TYPE_UNICODE),
            Item::Bytes(b) => (Rc::as_ptr(b) as *const u8 as usize, TYPE_STRING),
            Item::Tuple(t) => (Rc::as_ptr(t) as *const u8 as usize, TYPE_TUPLE),
            Item::Long(_) | Item::Null => return None,
        };
        Some((addr, ty))
    }

    /// Pushes the parts of this object, last first, onto `work`.
    fn push_children(&self, depth: usize, work: &mut Vec<(Item<'a>, usize)>) {
        let child = depth + 1;
        match *self {
            Item::Value(v) => match v {
                Value::Tuple(items)
                | Value::List(items)
                | Value::Set(items)
                | Value::FrozenSet(items) => push_values(items, child, work),
                Value::Dict(pairs) => {
                    work.push((Item::Null, child));
                    for (key, value) in pairs.iter().rev() {
                        work.push((Item::Value(value), child));
                        work.push((Item::Value(key), child));
                    }
                }
                Value::Slice(parts) => {
                    work.push((Item::Value(&parts.2), child));
                    work.push((Item::Value(&parts.1), child));
                    work.push((Item::Value(&parts.0), child));
                }
                Value::Code(code) => push_code_fields(code, child, work),
                _ => {}
            },
            Item::Tuple(items) => push_values(items, child, work),
            Item::Str(_) | Item::Bytes(_) | Item::Long(_) | Item::Null => {}
        }
    }
}

fn push_values<'a>(items: &'a [Value], depth: usize, work: &mut Vec<(Item<'a>, usize)>) {
    work.extend(items.iter().rev().map(|v| (Item::Value(v), depth)));
}

/// The object-valued fields of a code object and `co_firstlineno`, in the
/// order `w_complex_object` writes them (pushed last first). The five
/// leading ints are written with the type code.
fn push_code_fields<'a>(code: &'a Code, depth: usize, work: &mut Vec<(Item<'a>, usize)>) {
    let fields = [
        Item::Bytes(&code.code),
        Item::Tuple(&code.consts),
        Item::Tuple(&code.names),
        Item::Tuple(&code.localsplusnames),
        Item::Bytes(&code.localspluskinds),
        Item::Str(&code.filename),
        Item::Str(&code.name),
        Item::Str(&code.qualname),
        Item::Long(code.firstlineno),
        Item::Bytes(&code.linetable),
        Item::Bytes(&code.exceptiontable),
    ];
    // `co_firstlineno` is a bare `w_long`, not an object: no depth.
    work.extend(fields.into_iter().rev().map(|item| (item, depth)));
}

/// The identities met more than once in a walk of the tree that does not
/// descend into an object a second time (as writing does not).
fn count_shared(root: &Value) -> HashMap<Identity, usize> {
    let mut seen: HashMap<Identity, usize> = HashMap::new();
    let mut work = vec![(Item::Value(root), 0)];
    while let Some((item, depth)) = work.pop() {
        if let Some(id) = item.identity() {
            let count = seen.entry(id).or_insert(0);
            *count += 1;
            if *count > 1 {
                continue;
            }
        }
        item.push_children(depth, &mut work);
    }
    seen.retain(|_, count| *count > 1);
    seen
}

/// The writing state (`WFILE`).
struct Writer {
    out: Vec<u8>,
    /// Identities that occur more than once (they get `FLAG_REF`).
    shared: HashMap<Identity, usize>,
    /// Reference index of each shared object already written.
    written: HashMap<Identity, u32>,
}

fn unmarshallable() -> MarshalError {
    MarshalError::new(ErrorKind::ValueError, "unmarshallable object")
}

impl Writer {
    fn w_byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn w_long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    /// `W_SIZE`: sizes above 2**31 - 1 cannot be marshalled.
    fn w_size(&mut self, n: usize) -> Result<(), MarshalError> {
        let n = i32::try_from(n).map_err(|_| unmarshallable())?;
        self.w_long(n);
        Ok(())
    }

    /// `w_pstring`: a size, then the bytes.
    fn w_pstring(&mut self, bytes: &[u8]) -> Result<(), MarshalError> {
        self.w_size(bytes.len())?;
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    /// `w_object`: writes one object and everything under it.
    fn w_object(&mut self, root: &Value) -> Result<(), MarshalError> {
        let mut work = vec![(Item::Value(root), 1)];
        while let Some((item, depth)) = work.pop() {
            if let Item::Long(x) = item {
                self.w_long(x);
                continue;
            }
            if depth > MAX_DEPTH {
                return Err(MarshalError::new(
                    ErrorKind::ValueError,
                    "object too deeply nested to marshal",
                ));
            }
            let Some(flag) = self.w_ref(&item) else {
                continue;
            };
            self.w_header(&item, flag)?;
            item.push_children(depth, &mut work);
        }
        Ok(())
    }

    /// `w_ref`: for a shared object met before, writes `TYPE_REF` and
    /// returns `None`; otherwise returns the flag for its type code
    /// (`FLAG_REF` on the first occurrence of a shared object).
    fn w_ref(&mut self, item: &Item<'_>) -> Option<u8> {
        let Some(id) = item.identity() else {
            return Some(0);
        };
        if let Some(&index) = self.written.get(&id) {
            self.w_byte(TYPE_REF);
            self.w_long(index as i32);
            return None;
        }
        if !self.shared.contains_key(&id) {
            return Some(0);
        }
        // CPython refuses a 2**31st reference ("too many objects"); the
        // input would need more than 2**31 objects, which cannot be built.
        let index = u32::try_from(self.written.len()).unwrap_or(u32::MAX);
        self.written.insert(id, index);
        Some(FLAG_REF)
    }

    /// `w_complex_object` up to the children: the type code and whatever
    /// precedes the items (sizes, scalar payloads, a code object's ints).
    fn w_header(&mut self, item: &Item<'_>, flag: u8) -> Result<(), MarshalError> {
        match *item {
            Item::Value(v) => self.w_value_header(v, flag),
            Item::Str(s) => self.w_str(s, flag),
            Item::Bytes(b) => {
                self.w_byte(TYPE_STRING | flag);
                self.w_pstring(b)
            }
            Item::Tuple(items) => self.w_tuple_header(items.len(), flag),
            Item::Null => {
                self.w_byte(TYPE_NULL);
                Ok(())
            }
            Item::Long(x) => {
                self.w_long(x);
                Ok(())
            }
        }
    }

    fn w_value_header(&mut self, v: &Value, flag: u8) -> Result<(), MarshalError> {
        match v {
            Value::None => self.w_byte(TYPE_NONE),
            Value::True => self.w_byte(TYPE_TRUE),
            Value::False => self.w_byte(TYPE_FALSE),
            Value::Ellipsis => self.w_byte(TYPE_ELLIPSIS),
            Value::StopIteration => self.w_byte(TYPE_STOPITER),
            Value::Int(n) => self.w_int(n, flag)?,
            Value::Float(x) => {
                self.w_byte(TYPE_BINARY_FLOAT | flag);
                self.out.extend_from_slice(&x.to_le_bytes());
            }
            Value::Complex(re, im) => {
                self.w_byte(TYPE_BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            }
            Value::Str(s) => self.w_str(s, flag)?,
            Value::Bytes(b) => {
                self.w_byte(TYPE_STRING | flag);
                self.w_pstring(b)?;
            }
            Value::Tuple(items) => self.w_tuple_header(items.len(), flag)?,
            Value::List(items) => {
                self.w_byte(TYPE_LIST | flag);
                self.w_size(items.len())?;
            }
            Value::Dict(_) => self.w_byte(TYPE_DICT | flag),
            Value::Set(items) => {
                self.w_byte(TYPE_SET | flag);
                self.w_size(items.len())?;
            }
            Value::FrozenSet(items) => {
                self.w_byte(TYPE_FROZENSET | flag);
                self.w_size(items.len())?;
            }
            Value::Slice(_) => self.w_byte(TYPE_SLICE | flag),
            Value::Code(code) => {
                self.w_byte(TYPE_CODE | flag);
                for x in [
                    code.argcount,
                    code.posonlyargcount,
                    code.kwonlyargcount,
                    code.stacksize,
                    code.flags,
                ] {
                    self.w_long(x);
                }
            }
        }
        Ok(())
    }

    /// Ints that fit in 32 bits as `TYPE_INT`, others via `w_PyLong`.
    fn w_int(&mut self, n: &BigInt, flag: u8) -> Result<(), MarshalError> {
        if let Some(x) = n.to_i32() {
            self.w_byte(TYPE_INT | flag);
            self.w_long(x);
            return Ok(());
        }
        let digits = digits_of(n);
        let count = i32::try_from(digits.len()).map_err(|_| unmarshallable())?;
        self.w_byte(TYPE_LONG | flag);
        self.w_long(if n.is_negative() { -count } else { count });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    /// ASCII text as `TYPE_SHORT_ASCII*` (under 256 characters) or
    /// `TYPE_ASCII*`; anything else as UTF-8 in `TYPE_UNICODE`/`TYPE_INTERNED`.
    fn w_str(&mut self, s: &PyStr, flag: u8) -> Result<(), MarshalError> {
        let text = s.text.as_bytes();
        if s.text.is_ascii() {
            if let Ok(len) = u8::try_from(text.len()) {
                let ty = if s.interned {
                    TYPE_SHORT_ASCII_INTERNED
                } else {
                    TYPE_SHORT_ASCII
                };
                self.w_byte(ty | flag);
                self.w_byte(len);
                self.out.extend_from_slice(text);
                return Ok(());
            }
            let ty = if s.interned {
                TYPE_ASCII_INTERNED
            } else {
                TYPE_ASCII
            };
            self.w_byte(ty | flag);
            return self.w_pstring(text);
        }
        let ty = if s.interned {
            TYPE_INTERNED
        } else {
            TYPE_UNICODE
        };
        self.w_byte(ty | flag);
        self.w_pstring(text)
    }

    /// Tuples under 256 items as `TYPE_SMALL_TUPLE`, others `TYPE_TUPLE`.
    fn w_tuple_header(&mut self, len: usize, flag: u8) -> Result<(), MarshalError> {
        if let Ok(small) = u8::try_from(len) {
            self.w_byte(TYPE_SMALL_TUPLE | flag);
            self.w_byte(small);
            Ok(())
        } else {
            self.w_byte(TYPE_TUPLE | flag);
            self.w_size(len)
        }
    }
}
