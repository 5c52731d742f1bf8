//! Guarding the native (Rust) stack against deep recursion.
//!
//! Python-to-Python calls do not recurse on the Rust stack, but calls from
//! Rust back into Python (`map(f, ...)`, `sorted(key=f)`), nested `repr`
//! and comparisons of deeply nested containers do. CPython 3.14 guards its
//! C stack by address; so does this: each interpreter run records how far
//! down the stack it may go, and `enter_recursive_call` raises
//! RecursionError before a nested operation would cross that line.

use crate::objects::{PyResult, Vm, exceptions};

/// Bytes kept free below the limit for the work between two checks.
const SAFETY_MARGIN: usize = 64 * 1024;
/// Stack assumed when the thread's size is not known.
const DEFAULT_STACK: usize = 8 * 1024 * 1024;

/// The lowest stack address the interpreter may use (stacks grow down).
#[derive(Default)]
pub struct NativeStackGuard {
    limit: usize,
    /// Nesting depth of guarded operations (CPython's C recursion counter),
    /// kept for diagnostics.
    depth: u32,
}

/// The address of a local: the current stack position.
#[inline(always)]
pub fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

impl NativeStackGuard {
    /// Sets the limit for the current thread. The lowest usable address
    /// comes from the thread's real stack bounds where the platform tells
    /// them (CPython's `_Py_InitializeRecursionLimits` asks
    /// `pthread_getattr_np` too); otherwise it is estimated from the current
    /// position and `stack_size` (0 means the default). Called when an
    /// interpreter starts its first run.
    pub fn set_base(&mut self, stack_size: usize) {
        let here = stack_pointer();
        let (bottom, size) = match thread_stack_bounds() {
            Some((low, high)) if low < here && here <= high => (low, high - low),
            _ => {
                let size = if stack_size == 0 {
                    DEFAULT_STACK
                } else {
                    stack_size
                };
                (here.saturating_sub(size), size)
            }
        };
        // Keep an eighth of the stack (at least SAFETY_MARGIN) for the work
        // between two checks and for raising the error itself.
        let margin = SAFETY_MARGIN.max(size / 8);
        self.limit = bottom.saturating_add(margin);
    }

    pub fn is_set(&self) -> bool {
        self.limit != 0
    }
}

/// The current thread's stack as `(lowest address, highest address)`.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn thread_stack_bounds() -> Option<(usize, usize)> {
    use std::ffi::c_void;
    unsafe extern "C" {
        fn pthread_self() -> usize;
        fn pthread_getattr_np(thread: usize, attr: *mut c_void) -> i32;
        fn pthread_attr_getstack(
            attr: *const c_void,
            addr: *mut *mut c_void,
            size: *mut usize,
        ) -> i32;
        fn pthread_attr_destroy(attr: *mut c_void) -> i32;
    }
    // Opaque storage for a `pthread_attr_t` (56 bytes on x86-64 glibc, 64
    // on aarch64), over-sized and aligned for any of them.
    let mut attr = [0u64; 16];
    let mut addr: *mut c_void = std::ptr::null_mut();
    let mut size = 0usize;
    // SAFETY: glibc's documented protocol: `pthread_getattr_np` initialises
    // the attribute object in `attr` (large enough), `pthread_attr_getstack`
    // reads it into the two out-pointers, and it is destroyed exactly once
    // after a successful initialisation.
    unsafe {
        let attr = attr.as_mut_ptr() as *mut c_void;
        if pthread_getattr_np(pthread_self(), attr) != 0 {
            return None;
        }
        let ok = pthread_attr_getstack(attr, &mut addr, &mut size) == 0;
        pthread_attr_destroy(attr);
        if !ok || addr.is_null() || size == 0 {
            return None;
        }
    }
    let low = addr as usize;
    Some((low, low.checked_add(size)?))
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn thread_stack_bounds() -> Option<(usize, usize)> {
    None
}

impl Vm {
    /// `_Py_EnterRecursiveCall`: RecursionError when the native stack is
    /// nearly exhausted. `what` completes the message (" in comparison").
    #[inline]
    pub fn enter_recursive_call(&mut self, what: &str) -> PyResult<()> {
        let g = &mut self.native_stack;
        if g.limit != 0 && stack_pointer() < g.limit {
            return Err(self.stack_overflow(what));
        }
        g.depth += 1;
        Ok(())
    }

    #[inline]
    pub fn leave_recursive_call(&mut self) {
        self.native_stack.depth = self.native_stack.depth.saturating_sub(1);
    }

    #[cold]
    fn stack_overflow(&mut self, what: &str) -> crate::objects::PyErr {
        if self.recursion_headroom {
            // Creating the error itself needs a little stack; CPython grants
            // headroom once and then gives up on the nested attempt.
            return self.new_exception(&exceptions::RECURSION_ERROR, vec![]);
        }
        self.recursion_headroom = true;
        let e = self.new_exception_msg(
            &exceptions::RECURSION_ERROR,
            format!("maximum recursion depth exceeded{what}"),
        );
        self.recursion_headroom = false;
        e
    }
}
