//! Errors with the exception type and message CPython 3.14 raises.
//!
//! The layer that turns marshal failures into Python exceptions needs exactly
//! what `marshal.loads` would raise, so every error carries an [`ErrorKind`]
//! naming the CPython exception class and the message text, checked against
//! python3.14 by the golden tests. Failures that CPython would not have (the
//! places where pyrs cannot yet represent what CPython accepts) use
//! [`ErrorKind::NotImplementedError`] and say so in the message.

use std::borrow::Cow;
use std::fmt;

/// The CPython exception class an error corresponds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    EOFError,
    ValueError,
    TypeError,
    /// `_PyCode_Validate`'s `PyErr_BadInternalCall` and `intern_strings`.
    SystemError,
    OverflowError,
    /// Invalid UTF-8 in a `TYPE_UNICODE`/`TYPE_INTERNED` string.
    UnicodeDecodeError,
    /// `run_pyc_file`'s "Bad magic number" and "Bad code object".
    RuntimeError,
    /// importlib's "bad magic number", "invalid flags", "Non-code object".
    ImportError,
    /// Data CPython accepts but pyrs cannot represent yet (lone surrogates,
    /// self-containing containers). Not something CPython raises here.
    NotImplementedError,
}

impl ErrorKind {
    /// The Python name of the exception class, e.g. `"EOFError"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::EOFError => "EOFError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::SystemError => "SystemError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::UnicodeDecodeError => "UnicodeDecodeError",
            ErrorKind::RuntimeError => "RuntimeError",
            ErrorKind::ImportError => "ImportError",
            ErrorKind::NotImplementedError => "NotImplementedError",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A failure to read or write marshal data: CPython's exception class and
/// message, as `marshal.loads` / `marshal.dumps` in python3.14 report them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarshalError {
    kind: ErrorKind,
    message: Cow<'static, str>,
}

/// The text of `PyErr_BadInternalCall()` as `_PyCode_Validate` raises it in
/// the python3.14 these goldens come from; it names the C source line.
pub(crate) const BAD_INTERNAL_CALL: &str =
    "../Objects/codeobject.c:465: bad argument to internal function";

impl MarshalError {
    pub fn new(kind: ErrorKind, message: impl Into<Cow<'static, str>>) -> Self {
        MarshalError {
            kind,
            message: message.into(),
        }
    }

    /// The CPython exception class.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The exception message, exactly as CPython formats it.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// True when CPython would have accepted the data and the failure is a
    /// limitation of pyrs (see [`ErrorKind::NotImplementedError`]).
    pub fn is_pyrs_limitation(&self) -> bool {
        self.kind == ErrorKind::NotImplementedError
    }

    /// `r_object` finding no type code at all.
    pub(crate) fn eof_object_expected() -> Self {
        Self::new(ErrorKind::EOFError, "EOF read where object expected")
    }

    /// `r_byte` running out of input inside an object.
    pub(crate) fn eof_not_expected() -> Self {
        Self::new(ErrorKind::EOFError, "EOF read where not expected")
    }

    /// `r_string` asked for more bytes than remain.
    pub(crate) fn too_short() -> Self {
        Self::new(ErrorKind::EOFError, "marshal data too short")
    }

    /// `ValueError("bad marshal data (<what>)")`.
    pub(crate) fn bad_data(what: &'static str) -> Self {
        Self::new(ErrorKind::ValueError, format!("bad marshal data ({what})"))
    }

    /// A container read a NULL (`TYPE_NULL`, or a slice cut short) where an
    /// item was required.
    pub(crate) fn null_object(what: &'static str) -> Self {
        Self::new(
            ErrorKind::TypeError,
            format!("NULL object in marshal data for {what}"),
        )
    }

    pub(crate) fn recursion_limit() -> Self {
        Self::new(ErrorKind::ValueError, "recursion limit exceeded")
    }

    /// `PyDict_SetItem` / `PySet_Add` hashing an unhashable value.
    pub(crate) fn unhashable(outer: &str, role: &str, inner: &str) -> Self {
        Self::new(
            ErrorKind::TypeError,
            format!("cannot use '{outer}' as a {role} (unhashable type: '{inner}')"),
        )
    }

    pub(crate) fn limitation(message: String) -> Self {
        Self::new(ErrorKind::NotImplementedError, message)
    }
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for MarshalError {}
