//! The header every Python object starts with, and its reference count.
//!
//! This is the `PyObject` of CPython: a reference count and a pointer to the
//! object's type. Every object struct is `#[repr(C)]` with an `ObjHeader` as
//! its first field (see [`crate::objects::PyLayout`]), so a pointer to any
//! object is also a pointer to its header.
//!
//! Reference counts are plain (non-atomic) cells: an interpreter and all the
//! objects it allocates are used by one thread at a time. Objects that several
//! interpreters share (the static types, `None`, `True`, ...) are *immortal*:
//! their count has the sign bit set and is never written, so sharing them
//! across threads is free of data races.

use std::cell::Cell;

use crate::objects::typeobject::TypeObject;

/// Reference counts at or above this value (sign bit set) mark immortal objects.
pub const IMMORTAL_REFCNT: usize = 1 << (usize::BITS - 1);

/// CPython's `PyObject`: the first field of every Python object.
#[repr(C)]
pub struct ObjHeader {
    refcnt: Cell<usize>,
    ob_type: Cell<*const TypeObject>,
}

// SAFETY: an `ObjHeader` is only ever reached from two kinds of objects.
// Immortal objects (statics) are shared by every interpreter, but their
// header is never written: `incref`/`decref` test the immortal bit first and
// the type of a static object never changes. Mortal objects belong to one
// interpreter, which is used by one thread at a time (the public
// `Interpreter` API hands out no object that can outlive a borrow of it), so
// their cells are never touched by two threads at once.
unsafe impl Sync for ObjHeader {}

impl ObjHeader {
    /// A header for a newly allocated object holding one reference.
    #[inline(always)]
    pub fn new(ty: &TypeObject) -> ObjHeader {
        ObjHeader {
            refcnt: Cell::new(1),
            ob_type: Cell::new(ty),
        }
    }

    /// A header for a static object that lives for the whole process.
    pub const fn immortal(ty: &'static TypeObject) -> ObjHeader {
        ObjHeader {
            refcnt: Cell::new(IMMORTAL_REFCNT),
            ob_type: Cell::new(ty),
        }
    }

    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        (self.refcnt.get() as isize) < 0
    }

    /// The current reference count (for `sys.getrefcount` and tests).
    pub fn refcnt(&self) -> usize {
        self.refcnt.get()
    }

    #[inline(always)]
    pub fn ob_type(&self) -> *const TypeObject {
        self.ob_type.get()
    }

    /// Changes the object's type (`__class__` assignment, and the
    /// finishing touches of heap types). The caller keeps the new type alive.
    pub fn set_ob_type(&self, ty: *const TypeObject) {
        debug_assert!(!self.is_immortal());
        self.ob_type.set(ty);
    }

    #[inline(always)]
    pub(crate) fn incref(&self) {
        let rc = self.refcnt.get();
        if (rc as isize) >= 0 {
            self.refcnt.set(rc + 1);
        }
    }

    /// Drops one reference; returns true when it was the last one and the
    /// caller must deallocate the object.
    #[inline(always)]
    pub(crate) fn decref_is_zero(&self) -> bool {
        let rc = self.refcnt.get();
        if (rc as isize) < 0 {
            return false;
        }
        if rc == 1 {
            true
        } else {
            self.refcnt.set(rc - 1);
            false
        }
    }
}

static_assertions::assert_eq_size!(ObjHeader, [usize; 2]);
