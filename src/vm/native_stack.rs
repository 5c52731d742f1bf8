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
    /// Sets the limit from the current position and the usable stack size
    /// (0 means the default). Called when an interpreter starts a run.
    pub fn set_base(&mut self, stack_size: usize) {
        let size = if stack_size == 0 {
            DEFAULT_STACK
        } else {
            stack_size
        };
        let here = stack_pointer();
        self.limit = here.saturating_sub(size.saturating_sub(SAFETY_MARGIN));
    }

    pub fn is_set(&self) -> bool {
        self.limit != 0
    }
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
