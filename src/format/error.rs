//! The error type of the formatting engine: which Python exception CPython
//! raises and with which message, so the object layer can raise it verbatim.

use std::fmt;

/// The Python exception class a [`FormatError`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    OverflowError,
    MemoryError,
}

impl ErrorKind {
    /// The exception's Python name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A formatting or parsing failure: CPython's exception type and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    kind: ErrorKind,
    message: String,
}

impl FormatError {
    /// An error of the given kind with the given message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        FormatError {
            kind,
            message: message.into(),
        }
    }

    /// The exception type to raise.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The exception message, exactly as CPython 3.14 words it.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn value(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ValueError, message)
    }

    pub(crate) fn overflow(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::OverflowError, message)
    }

    /// `PyErr_NoMemory()`: a `MemoryError` with an empty message.
    pub(crate) fn no_memory() -> Self {
        Self::new(ErrorKind::MemoryError, "")
    }

    /// `_MAX_STR_DIGITS_ERROR_FMT_TO_STR`: an int too long to print in decimal.
    pub fn int_to_str_limit(limit: usize) -> Self {
        Self::value(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    }

    /// `_MAX_STR_DIGITS_ERROR_FMT_TO_INT`: a digit string too long to parse.
    pub fn str_to_int_limit(limit: usize, digits: usize) -> Self {
        Self::value(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: \
             value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.message)
        }
    }
}

impl std::error::Error for FormatError {}

/// Render a presentation-type character the way CPython's error messages do
/// (`'%c'` for printable ASCII, `'\x%x'` otherwise).
pub(crate) fn type_char_repr(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 {
        c.to_string()
    } else {
        format!("\\x{n:x}")
    }
}
