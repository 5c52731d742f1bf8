//! Reading marshal data: a port of `r_object` and its helpers from
//! `Python/marshal.c` (CPython 3.14), as `marshal.loads` drives them.
//!
//! CPython's `r_object` recurses once per nesting level. Here the recursion
//! is an explicit stack of partly read containers ([`Frame`]), so hostile
//! input can nest as deep as the 2000-level limit without touching the Rust
//! stack, whatever the thread's stack size. Each container's reading is
//! split into a `start_*` step (its header) and a step fed each child
//! ([`Reader::feed`]); between them the order of reads, checks and
//! reference registrations is CPython's, so the same bytes fail with the
//! same error.
//!
//! Pre-allocation is capped by the bytes remaining (each element needs at
//! least one), so a size field claiming 2**31 elements cannot make the
//! reader reserve memory the input could never fill.
//!
//! Where CPython would accept data pyrs cannot represent (a string holding
//! lone surrogates, a container that contains itself), the reader notes a
//! limitation error, puts a stand-in in the tree (U+FFFD; an empty
//! container of the same type) and reads on. Only if the rest of the data is
//! valid is the limitation reported, so corrupt data still fails exactly as
//! in CPython.

use std::rc::Rc;

use num_bigint::BigInt;

use super::MAX_DEPTH;
use super::check::{Checks, CodeParts};
use super::error::MarshalError;
use super::number::{int_from_digits, parse_float_text};
use super::typecode::*;
use super::utf8::decode_surrogatepass;
use super::value::{PyStr, Value};

/// Reads one object from the start of `data`, like `marshal.loads`.
/// Bytes after the object are ignored.
pub fn loads(data: &[u8]) -> Result<Value, MarshalError> {
    loads_prefix(data).map(|(value, _)| value)
}

/// Like [`loads`], also returning how many bytes the object took (where a
/// following object would start).
pub fn loads_prefix(data: &[u8]) -> Result<(Value, usize), MarshalError> {
    let mut reader = Reader::new(data);
    reader.read_object().map(|value| (value, reader.pos))
}

/// An entry of the reference list (`RFILE.refs`).
enum Slot {
    /// `r_ref_reserve`'s placeholder for a frozenset, code object or slice
    /// being read: CPython stores `None`, and referring to it is an invalid
    /// reference.
    Reserved,
    /// A tuple, list, dict or set registered before its items, as CPython's
    /// `R_REF` does. CPython would hand out the half-built object (making a
    /// self-containing container); pyrs cannot represent that, and hands out
    /// this empty container of the same type instead (it hashes, or fails
    /// to, as the real one would).
    Building(Value),
    Ready(Value),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    Tuple,
    List,
    Set,
    FrozenSet,
}

impl SeqKind {
    /// The container named in "NULL object in marshal data for ...".
    fn null_name(self) -> &'static str {
        match self {
            SeqKind::Tuple => "tuple",
            SeqKind::List => "list",
            SeqKind::Set | SeqKind::FrozenSet => "set",
        }
    }

    fn build(self, items: Vec<Value>) -> Value {
        let items: Rc<[Value]> = Rc::from(items);
        match self {
            SeqKind::Tuple => Value::Tuple(items),
            SeqKind::List => Value::List(items),
            SeqKind::Set => Value::Set(items),
            SeqKind::FrozenSet => Value::FrozenSet(items),
        }
    }
}

/// A tuple, list, set or frozenset whose items are being read.
struct SeqFrame {
    kind: SeqKind,
    items: Vec<Value>,
    len: usize,
    slot: Option<usize>,
}

/// A dict: pairs until a NULL key (or NULL value) ends it.
struct DictFrame {
    items: Vec<(Value, Value)>,
    key: Option<Value>,
    slot: Option<usize>,
}

/// A slice: start, stop, step.
struct SliceFrame {
    parts: Vec<Value>,
    slot: Option<usize>,
}

/// Number of object-valued fields of a code object.
const CODE_OBJECTS: usize = 10;
/// `co_firstlineno` is read after this many of them (after `co_qualname`).
const CODE_OBJECTS_BEFORE_LINENO: usize = 8;

/// A code object: the five leading ints, then its objects in order.
struct CodeFrame {
    parts: CodeParts,
    slot: Option<usize>,
}

/// A container `r_object` is in the middle of reading.
enum Frame {
    Seq(SeqFrame),
    Dict(DictFrame),
    Slice(SliceFrame),
    Code(Box<CodeFrame>),
}

/// What reading an object's header produced.
enum Started {
    /// A whole object (or NULL, for `TYPE_NULL`).
    Done(Option<Value>),
    /// A container frame was pushed; its items follow.
    Pushed,
}

/// What feeding a child to a frame produced.
enum Fed {
    /// The frame wants more children (it is back on the stack).
    More,
    /// The frame is complete (NULL when a slice was cut short).
    Done(Option<Value>),
}

/// The reading state (`RFILE` for `marshal.loads`).
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Slot>,
    stack: Vec<Frame>,
    /// The first place the data needs something pyrs cannot represent.
    limitation: Option<MarshalError>,
    checks: Checks,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        Reader {
            data,
            pos: 0,
            refs: Vec::new(),
            stack: Vec::new(),
            limitation: None,
            checks: Checks::default(),
        }
    }

    /// Records a limitation; the first one is reported if reading succeeds.
    fn note_limitation(&mut self, error: MarshalError) {
        self.limitation.get_or_insert(error);
    }

    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    /// `r_byte`: `None` at the end of the input.
    fn r_byte(&mut self) -> Option<u8> {
        let byte = self.data.get(self.pos).copied()?;
        self.pos += 1;
        Some(byte)
    }

    /// `r_byte` where running out is an error.
    fn r_byte_required(&mut self) -> Result<u8, MarshalError> {
        self.r_byte().ok_or_else(MarshalError::eof_not_expected)
    }

    /// `r_string`: the next `n` bytes.
    fn r_string(&mut self, n: usize) -> Result<&'a [u8], MarshalError> {
        if self.remaining() < n {
            return Err(MarshalError::too_short());
        }
        let bytes = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(bytes)
    }

    fn r_array<const N: usize>(&mut self) -> Result<[u8; N], MarshalError> {
        let bytes = self.r_string(N)?;
        let mut out = [0; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }

    /// `r_short`: a little-endian, sign-extended 16-bit value.
    fn r_short(&mut self) -> Result<i16, MarshalError> {
        Ok(i16::from_le_bytes(self.r_array()?))
    }

    /// `r_long`: a little-endian, sign-extended 32-bit value.
    fn r_long(&mut self) -> Result<i32, MarshalError> {
        Ok(i32::from_le_bytes(self.r_array()?))
    }

    /// A size field: `r_long`, then CPython's range check (negative sizes
    /// are "bad marshal data (<what> size out of range)").
    fn r_size(&mut self, what: &'static str) -> Result<usize, MarshalError> {
        let n = self.r_long()?;
        usize::try_from(n).map_err(|_| MarshalError::bad_data(what))
    }

    /// `r_PyLong`: sign and digit count, then base-2**15 digits.
    fn r_pylong(&mut self) -> Result<BigInt, MarshalError> {
        let n = self.r_long()?;
        if n == 0 {
            return Ok(BigInt::from(0));
        }
        if n == i32::MIN {
            return Err(MarshalError::bad_data("long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut digits = Vec::with_capacity(count.min(self.remaining() / 2));
        for i in 0..count {
            let digit = self.r_short()?;
            if digit < 0 {
                return Err(MarshalError::bad_data("digit out of range in long"));
            }
            if digit == 0 && i == count - 1 {
                return Err(MarshalError::bad_data("unnormalized long data"));
            }
            digits.push(digit as u16);
        }
        Ok(int_from_digits(n < 0, &digits))
    }

    /// `r_float_bin`: an IEEE 754 double, little-endian.
    fn r_float_bin(&mut self) -> Result<f64, MarshalError> {
        Ok(f64::from_le_bytes(self.r_array()?))
    }

    /// `r_float_str`: a length byte, then the float's text.
    fn r_float_str(&mut self) -> Result<f64, MarshalError> {
        let n = self.r_byte_required()?;
        let text = self.r_string(usize::from(n))?;
        parse_float_text(text)
    }

    /// `r_ref`: registers a finished object when the type code had
    /// `FLAG_REF`.
    fn remember(&mut self, value: Value, flag: bool) -> Value {
        if flag {
            self.refs.push(Slot::Ready(value.clone()));
        }
        value
    }

    /// `R_REF` on a container before its items are read; `empty` is the
    /// stand-in for references from inside it.
    fn register_building(&mut self, flag: bool, empty: Value) -> Option<usize> {
        flag.then(|| {
            self.refs.push(Slot::Building(empty));
            self.refs.len() - 1
        })
    }

    /// `r_ref_reserve`: a placeholder index for an object built after its
    /// parts.
    fn reserve(&mut self, flag: bool) -> Result<Option<usize>, MarshalError> {
        if !flag {
            return Ok(None);
        }
        let index = self.refs.len();
        if index >= 0x7fff_fffe {
            return Err(MarshalError::bad_data("index list too large"));
        }
        self.refs.push(Slot::Reserved);
        Ok(Some(index))
    }

    /// `r_ref_insert`: stores the finished object in its reserved slot.
    fn fill(&mut self, slot: Option<usize>, value: &Value) {
        if let Some(entry) = slot.and_then(|index| self.refs.get_mut(index)) {
            *entry = Slot::Ready(value.clone());
        }
    }

    /// `TYPE_REF`: an object read earlier.
    fn r_ref_target(&mut self) -> Result<Value, MarshalError> {
        let n = self.r_long()?;
        let slot = usize::try_from(n)
            .ok()
            .and_then(|index| self.refs.get(index));
        match slot {
            Some(Slot::Ready(value)) => Ok(value.clone()),
            Some(Slot::Building(empty)) => {
                let empty = empty.clone();
                self.note_limitation(MarshalError::limitation(format!(
                    "marshal data puts a {} inside itself: \
                     pyrs cannot build self-containing containers yet",
                    empty.type_name()
                )));
                Ok(empty)
            }
            Some(Slot::Reserved) | None => Err(MarshalError::bad_data("invalid reference")),
        }
    }

    /// A string of one-byte characters (`TYPE_ASCII` and friends). CPython
    /// builds it with `PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, ..)`,
    /// so bytes above 127 are taken as Latin-1, not rejected.
    fn r_latin1(&mut self, n: usize, interned: bool, flag: bool) -> Result<Value, MarshalError> {
        let bytes = self.r_string(n)?;
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        Ok(self.remember(Value::Str(Rc::new(PyStr::new(text, interned))), flag))
    }

    /// The top-level `read_object`: a NULL is an error here. A limitation
    /// met on the way is reported now that the data proved valid.
    fn read_object(&mut self) -> Result<Value, MarshalError> {
        let value = self
            .r_object()?
            .ok_or_else(|| MarshalError::null_object("object"))?;
        match self.limitation.take() {
            Some(error) => Err(error),
            None => Ok(value),
        }
    }

    /// `r_object`: one object, however deeply nested, without recursion.
    /// `None` is CPython's NULL-without-exception (from `TYPE_NULL`).
    fn r_object(&mut self) -> Result<Option<Value>, MarshalError> {
        let base = self.stack.len();
        loop {
            let mut result = match self.start_object()? {
                Started::Done(value) => value,
                Started::Pushed => continue,
            };
            loop {
                if self.stack.len() == base {
                    return Ok(result);
                }
                let Some(frame) = self.stack.pop() else {
                    return Ok(result);
                };
                match self.feed(frame, result)? {
                    Fed::More => break,
                    Fed::Done(value) => result = value,
                }
            }
        }
    }

    /// The part of `r_object` before any child object: the type code, the
    /// depth check, and either a whole scalar object or a container's
    /// header.
    fn start_object(&mut self) -> Result<Started, MarshalError> {
        let Some(code) = self.r_byte() else {
            return Err(MarshalError::eof_object_expected());
        };
        if self.stack.len() + 1 > MAX_DEPTH {
            return Err(MarshalError::recursion_limit());
        }
        let flag = code & FLAG_REF != 0;
        let value = match code & !FLAG_REF {
            TYPE_NULL => return Ok(Started::Done(None)),
            TYPE_NONE => Value::None,
            TYPE_STOPITER => Value::StopIteration,
            TYPE_ELLIPSIS => Value::Ellipsis,
            TYPE_FALSE => Value::False,
            TYPE_TRUE => Value::True,
            TYPE_INT => {
                let x = self.r_long()?;
                self.remember(Value::Int(BigInt::from(x)), flag)
            }
            TYPE_INT64 => {
                let x = i64::from_le_bytes(self.r_array()?);
                self.remember(Value::Int(BigInt::from(x)), flag)
            }
            TYPE_LONG => {
                let x = self.r_pylong()?;
                self.remember(Value::Int(x), flag)
            }
            TYPE_FLOAT => {
                let x = self.r_float_str()?;
                self.remember(Value::Float(x), flag)
            }
            TYPE_BINARY_FLOAT => {
                let x = self.r_float_bin()?;
                self.remember(Value::Float(x), flag)
            }
            TYPE_COMPLEX => {
                let re = self.r_float_str()?;
                let im = self.r_float_str()?;
                self.remember(Value::Complex(re, im), flag)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.r_float_bin()?;
                let im = self.r_float_bin()?;
                self.remember(Value::Complex(re, im), flag)
            }
            TYPE_STRING => {
                let n = self.r_size("bytes object size out of range")?;
                let bytes = self.r_string(n)?;
                self.remember(Value::Bytes(Rc::from(bytes)), flag)
            }
            ty @ (TYPE_ASCII | TYPE_ASCII_INTERNED) => {
                let n = self.r_size("string size out of range")?;
                self.r_latin1(n, ty == TYPE_ASCII_INTERNED, flag)?
            }
            ty @ (TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED) => {
                let n = self.r_byte_required()?;
                self.r_latin1(usize::from(n), ty == TYPE_SHORT_ASCII_INTERNED, flag)?
            }
            ty @ (TYPE_UNICODE | TYPE_INTERNED) => {
                let n = self.r_size("string size out of range")?;
                let bytes = self.r_string(n)?;
                let decoded = decode_surrogatepass(bytes)?;
                if let Some(error) = decoded.lone_surrogate {
                    self.note_limitation(error);
                }
                let text = PyStr::new(decoded.text, ty == TYPE_INTERNED);
                self.remember(Value::Str(Rc::new(text)), flag)
            }
            TYPE_SMALL_TUPLE => {
                let n = self.r_byte_required()?;
                return self.start_seq(SeqKind::Tuple, usize::from(n), flag);
            }
            TYPE_TUPLE => {
                let n = self.r_size("tuple size out of range")?;
                return self.start_seq(SeqKind::Tuple, n, flag);
            }
            TYPE_LIST => {
                let n = self.r_size("list size out of range")?;
                return self.start_seq(SeqKind::List, n, flag);
            }
            ty @ (TYPE_SET | TYPE_FROZENSET) => {
                let n = self.r_size("set size out of range")?;
                let kind = if ty == TYPE_SET {
                    SeqKind::Set
                } else {
                    SeqKind::FrozenSet
                };
                return self.start_seq(kind, n, flag);
            }
            TYPE_DICT => {
                let slot = self.register_building(flag, Value::Dict(Rc::from(Vec::new())));
                self.stack.push(Frame::Dict(DictFrame {
                    items: Vec::new(),
                    key: None,
                    slot,
                }));
                return Ok(Started::Pushed);
            }
            TYPE_SLICE => {
                let slot = self.reserve(flag)?;
                self.stack.push(Frame::Slice(SliceFrame {
                    parts: Vec::with_capacity(3),
                    slot,
                }));
                return Ok(Started::Pushed);
            }
            TYPE_CODE => return self.start_code(flag),
            TYPE_REF => self.r_ref_target()?,
            _ => return Err(MarshalError::bad_data("unknown type code")),
        };
        Ok(Started::Done(Some(value)))
    }

    /// The header of a tuple, list, set or frozenset of `len` items.
    fn start_seq(
        &mut self,
        kind: SeqKind,
        len: usize,
        flag: bool,
    ) -> Result<Started, MarshalError> {
        if len == 0 {
            let value = kind.build(Vec::new());
            return Ok(Started::Done(Some(self.remember(value, flag))));
        }
        // A frozenset is registered after its items, the others before.
        let slot = if kind == SeqKind::FrozenSet {
            self.reserve(flag)?
        } else {
            self.register_building(flag, kind.build(Vec::new()))
        };
        self.stack.push(Frame::Seq(SeqFrame {
            kind,
            items: Vec::with_capacity(len.min(self.remaining())),
            len,
            slot,
        }));
        Ok(Started::Pushed)
    }

    /// The header of a code object: its reference slot and leading ints.
    fn start_code(&mut self, flag: bool) -> Result<Started, MarshalError> {
        let slot = self.reserve(flag)?;
        let mut header = [0; 5];
        for field in &mut header {
            *field = self.r_long()?;
        }
        self.stack.push(Frame::Code(Box::new(CodeFrame {
            parts: CodeParts {
                header,
                objects: Vec::with_capacity(CODE_OBJECTS),
                firstlineno: 0,
            },
            slot,
        })));
        Ok(Started::Pushed)
    }

    /// Hands a child object (or NULL) to the container being read.
    fn feed(&mut self, frame: Frame, item: Option<Value>) -> Result<Fed, MarshalError> {
        match frame {
            Frame::Seq(mut f) => {
                let Some(item) = item else {
                    return Err(MarshalError::null_object(f.kind.null_name()));
                };
                if matches!(f.kind, SeqKind::Set | SeqKind::FrozenSet)
                    && let Some(inner) = self.checks.first_unhashable(&item)
                {
                    return Err(MarshalError::unhashable(
                        item.type_name(),
                        "set element",
                        inner,
                    ));
                }
                f.items.push(item);
                if f.items.len() < f.len {
                    self.stack.push(Frame::Seq(f));
                    return Ok(Fed::More);
                }
                let value = f.kind.build(f.items);
                self.fill(f.slot, &value);
                Ok(Fed::Done(Some(value)))
            }
            Frame::Dict(mut f) => match (f.key.take(), item) {
                // A NULL key ends the dict; so, silently, does a NULL value.
                (_, None) => {
                    let value = Value::Dict(Rc::from(f.items));
                    self.fill(f.slot, &value);
                    Ok(Fed::Done(Some(value)))
                }
                (None, Some(key)) => {
                    f.key = Some(key);
                    self.stack.push(Frame::Dict(f));
                    Ok(Fed::More)
                }
                (Some(key), Some(value)) => {
                    if let Some(inner) = self.checks.first_unhashable(&key) {
                        return Err(MarshalError::unhashable(key.type_name(), "dict key", inner));
                    }
                    f.items.push((key, value));
                    self.stack.push(Frame::Dict(f));
                    Ok(Fed::More)
                }
            },
            Frame::Slice(mut f) => {
                // A NULL part makes the slice itself NULL, without an error.
                let Some(item) = item else {
                    return Ok(Fed::Done(None));
                };
                f.parts.push(item);
                if f.parts.len() < 3 {
                    self.stack.push(Frame::Slice(f));
                    return Ok(Fed::More);
                }
                let mut parts = f.parts.into_iter();
                let (Some(start), Some(stop), Some(step)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return Err(MarshalError::null_object("object"));
                };
                let value = Value::Slice(Rc::new((start, stop, step)));
                self.fill(f.slot, &value);
                Ok(Fed::Done(Some(value)))
            }
            Frame::Code(mut f) => {
                let Some(item) = item else {
                    return Err(MarshalError::null_object("code object"));
                };
                f.parts.objects.push(item);
                if f.parts.objects.len() == CODE_OBJECTS_BEFORE_LINENO {
                    f.parts.firstlineno = self.r_long()?;
                }
                if f.parts.objects.len() < CODE_OBJECTS {
                    self.stack.push(Frame::Code(f));
                    return Ok(Fed::More);
                }
                let CodeFrame { parts, slot } = *f;
                let value = Value::Code(Rc::new(self.checks.build_code(parts)?));
                self.fill(slot, &value);
                Ok(Fed::Done(Some(value)))
            }
        }
    }
}
