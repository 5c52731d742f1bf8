//! The tree that marshal data is read into and written from.
//!
//! It mirrors the objects CPython's `r_object` can build, without any of the
//! interpreter's object model: containers are shared slices, strings carry
//! the marshal flags that matter to the loader, and a code object is the
//! record `w_object` writes field by field. Sharing is explicit: every
//! back-reference (`TYPE_REF`) to one stored object yields the same `Rc`, so
//! a converter can preserve identity with `Rc::ptr_eq`.
//!
//! Containers keep the order and multiplicity the bytes have. CPython's
//! loader builds real dicts and sets (dropping duplicate keys); the
//! converter that builds objects from this tree does the same.

use std::rc::Rc;

use num_bigint::BigInt;

/// A marshalled `str`: its text, and the flags the marshal format records.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PyStr {
    /// The characters. Lone surrogates cannot be represented (see
    /// [`crate::marshal::ErrorKind::NotImplementedError`]).
    pub text: Box<str>,
    /// Written with an `*_INTERNED` type code: CPython interns it on load.
    pub interned: bool,
    /// Every character is below 128 (CPython's `PyUnicode_IS_ASCII`). The
    /// writer derives the ASCII type codes from the text itself.
    pub ascii: bool,
}

impl PyStr {
    /// A string with `ascii` computed from the text.
    pub fn new(text: impl Into<Box<str>>, interned: bool) -> Self {
        let text = text.into();
        let ascii = text.is_ascii();
        PyStr {
            text,
            interned,
            ascii,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// One object of marshal data.
///
/// Equality is structural, with floats compared by bit pattern (so NaN
/// equals itself and `0.0` differs from `-0.0`): two trees are equal when
/// they marshal to the same values. It never recurses on the Rust stack and
/// skips sub-objects that are the same `Rc`; two separately built copies of
/// a heavily shared tree are compared path by path, which can be slow.
///
/// Trees from [`crate::marshal::loads`] are at most 2000 levels deep; the
/// (recursive) `Drop` and `Debug` are fine there even on small stacks.
#[derive(Debug, Clone)]
pub enum Value {
    None,
    True,
    False,
    Ellipsis,
    /// The `StopIteration` class (`TYPE_STOPITER`).
    StopIteration,
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(Rc<PyStr>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Value]>),
    List(Rc<[Value]>),
    /// Key/value pairs in the order of the data, duplicates kept.
    Dict(Rc<[(Value, Value)]>),
    /// Elements in the order of the data, duplicates kept.
    Set(Rc<[Value]>),
    FrozenSet(Rc<[Value]>),
    /// `(start, stop, step)`.
    Slice(Rc<(Value, Value, Value)>),
    Code(Rc<Code>),
}

/// A code object, with exactly the fields, order and C types that CPython
/// 3.14's `w_object` writes (`co_argcount` ... `co_exceptiontable`).
#[derive(Debug, Clone)]
pub struct Code {
    pub argcount: i32,
    pub posonlyargcount: i32,
    pub kwonlyargcount: i32,
    pub stacksize: i32,
    /// `co_flags` (a C `int`; the loader rejects negative values).
    pub flags: i32,
    /// `co_code`: the unspecialised code units (opcode, oparg) with their
    /// inline caches zeroed.
    pub code: Rc<[u8]>,
    pub consts: Rc<[Value]>,
    /// Always strings once loaded (the loader checks).
    pub names: Rc<[Value]>,
    /// Locals, cells and free variables; always strings once loaded.
    pub localsplusnames: Rc<[Value]>,
    /// One `CO_FAST_*` byte per entry of `localsplusnames`.
    pub localspluskinds: Rc<[u8]>,
    pub filename: Rc<PyStr>,
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub firstlineno: i32,
    pub linetable: Rc<[u8]>,
    pub exceptiontable: Rc<[u8]>,
}

/// `co_flags` bits the loader looks at (`Include/cpython/code.h`).
pub(crate) const CO_VARARGS: i32 = 0x0004;
pub(crate) const CO_VARKEYWORDS: i32 = 0x0008;
/// `CO_FAST_LOCAL` in `co_localspluskinds`.
pub(crate) const CO_FAST_LOCAL: u8 = 0x20;

impl Value {
    /// The Python type name of the object this value loads as, as CPython's
    /// error messages spell it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::True | Value::False => "bool",
            Value::Ellipsis => "ellipsis",
            Value::StopIteration => "type",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Complex(..) => "complex",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::Tuple(_) => "tuple",
            Value::List(_) => "list",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Slice(_) => "slice",
            Value::Code(_) => "code",
        }
    }

    /// A string value.
    pub fn str(text: impl Into<Box<str>>, interned: bool) -> Value {
        Value::Str(Rc::new(PyStr::new(text, interned)))
    }

    /// A bytes value.
    pub fn bytes(data: &[u8]) -> Value {
        Value::Bytes(Rc::from(data))
    }

    /// A tuple value.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    /// The code object, if this is one.
    pub fn as_code(&self) -> Option<&Rc<Code>> {
        match self {
            Value::Code(code) => Some(code),
            _ => None,
        }
    }
}

/// Pairs still to compare in [`PartialEq`] for [`Value`] and [`Code`].
type EqWork<'a> = Vec<(&'a Value, &'a Value)>;

fn slices_eq<'a>(a: &'a [Value], b: &'a [Value], work: &mut EqWork<'a>) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if !std::ptr::eq(a, b) {
        work.extend(a.iter().zip(b.iter()));
    }
    true
}

/// Compares the scalar parts of two code objects and queues their values.
fn code_shallow_eq<'a>(a: &'a Code, b: &'a Code, work: &mut EqWork<'a>) -> bool {
    a.argcount == b.argcount
        && a.posonlyargcount == b.posonlyargcount
        && a.kwonlyargcount == b.kwonlyargcount
        && a.stacksize == b.stacksize
        && a.flags == b.flags
        && a.code == b.code
        && a.localspluskinds == b.localspluskinds
        && a.filename == b.filename
        && a.name == b.name
        && a.qualname == b.qualname
        && a.firstlineno == b.firstlineno
        && a.linetable == b.linetable
        && a.exceptiontable == b.exceptiontable
        && slices_eq(&a.consts, &b.consts, work)
        && slices_eq(&a.names, &b.names, work)
        && slices_eq(&a.localsplusnames, &b.localsplusnames, work)
}

/// Compares the top level of two values and queues their children.
fn shallow_eq<'a>(a: &'a Value, b: &'a Value, work: &mut EqWork<'a>) -> bool {
    match (a, b) {
        (Value::None, Value::None)
        | (Value::True, Value::True)
        | (Value::False, Value::False)
        | (Value::Ellipsis, Value::Ellipsis)
        | (Value::StopIteration, Value::StopIteration) => true,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Complex(xr, xi), Value::Complex(yr, yi)) => {
            xr.to_bits() == yr.to_bits() && xi.to_bits() == yi.to_bits()
        }
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y))
        | (Value::List(x), Value::List(y))
        | (Value::Set(x), Value::Set(y))
        | (Value::FrozenSet(x), Value::FrozenSet(y)) => slices_eq(x, y, work),
        (Value::Dict(x), Value::Dict(y)) => {
            if x.len() != y.len() {
                return false;
            }
            for ((xk, xv), (yk, yv)) in x.iter().zip(y.iter()) {
                work.push((xk, yk));
                work.push((xv, yv));
            }
            true
        }
        (Value::Slice(x), Value::Slice(y)) => {
            work.extend([(&x.0, &y.0), (&x.1, &y.1), (&x.2, &y.2)]);
            true
        }
        (Value::Code(x), Value::Code(y)) => Rc::ptr_eq(x, y) || code_shallow_eq(x, y, work),
        _ => false,
    }
}

fn drain_eq(mut work: EqWork<'_>) -> bool {
    while let Some((a, b)) = work.pop() {
        if !shallow_eq(a, b, &mut work) {
            return false;
        }
    }
    true
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        drain_eq(vec![(self, other)])
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        let mut work = Vec::new();
        code_shallow_eq(self, other, &mut work) && drain_eq(work)
    }
}
