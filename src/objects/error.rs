//! `PyErr`: a raised Python exception travelling through Rust code.
//!
//! CPython signals errors by returning NULL with the exception stored in the
//! thread state. Rust code here returns `Err(PyErr)` instead, and `?` does
//! the propagation. A `PyErr` always holds an exception *instance* (CPython
//! 3.12+ keeps exceptions normalized too).
//!
//! Implicit chaining (`__context__`) happens when an exception is raised,
//! not while it propagates: the constructors on `Vm` (`vm.type_error(..)`,
//! `vm.raise(..)`) link the exception being handled at that moment, as
//! CPython's `_PyErr_SetObject` does. That is why a `PyErr` cannot be made
//! from an object without going through the `Vm`, except by code that
//! re-raises an exception that was already raised once.

use crate::objects::obj::Obj;

/// A raised exception instance.
#[must_use]
pub struct PyErr(Obj);

/// The result of any operation that may raise.
pub type PyResult<T = Obj> = Result<T, PyErr>;

impl PyErr {
    /// Wraps an exception that has already been raised (and chained) once,
    /// e.g. one taken out of an `except` block to re-raise it.
    #[inline]
    pub(crate) fn reraise(exc: Obj) -> PyErr {
        PyErr(exc)
    }

    /// The exception instance.
    #[inline]
    pub fn value(&self) -> &Obj {
        &self.0
    }

    #[inline]
    pub fn into_value(self) -> Obj {
        self.0
    }

    /// Another handle on the same exception (for code that must both pass
    /// it on and keep it, like `throw()` forwarding to a subiterator).
    pub fn clone_ref(&self) -> PyErr {
        PyErr(self.0.clone())
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({:?})", self.0)
    }
}
