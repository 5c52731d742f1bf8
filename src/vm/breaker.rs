//! The eval breaker: an atomic bitmask that RESUME and JUMP_BACKWARD poll
//! (CPython's `eval_breaker` and `_Py_HandlePending`). Other threads (a
//! signal handler, an embedder's `InterruptHandle`) set bits; the running
//! interpreter notices within one loop iteration or call.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::objects::PyResult;
use crate::objects::exceptions::KEYBOARD_INTERRUPT;
use crate::vm::Vm;

/// SIGINT arrived: raise KeyboardInterrupt.
pub const SIGINT: u32 = 1;
/// An embedder asked the interpreter to stop: raise KeyboardInterrupt too.
pub const INTERRUPT: u32 = 2;

/// A handle other threads use to interrupt a running interpreter.
#[derive(Clone)]
pub struct InterruptHandle {
    breaker: Arc<AtomicU32>,
}

impl InterruptHandle {
    /// Makes the interpreter raise KeyboardInterrupt at its next check.
    pub fn interrupt(&self) {
        self.breaker.fetch_or(INTERRUPT, Ordering::SeqCst);
    }

    /// What a SIGINT handler calls (async-signal-safe: one atomic op).
    pub fn signal_sigint(&self) {
        self.breaker.fetch_or(SIGINT, Ordering::SeqCst);
    }

    /// The raw flag word, for a signal handler to keep.
    pub fn raw(&self) -> &Arc<AtomicU32> {
        &self.breaker
    }
}

impl Vm {
    /// A handle to interrupt this interpreter from elsewhere.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle {
            breaker: self.eval_breaker.clone(),
        }
    }

    /// `_Py_HandlePending`: acts on the bits set in the eval breaker.
    #[cold]
    #[inline(never)]
    pub fn handle_eval_breaker(&mut self) -> PyResult<()> {
        let bits = self.eval_breaker.swap(0, Ordering::SeqCst);
        if bits & crate::objects::gc::GC_SCHEDULED != 0 {
            self.gc_collect_scheduled();
        }
        if bits & (SIGINT | INTERRUPT) != 0 {
            return Err(self.new_exception(&KEYBOARD_INTERRUPT, vec![]));
        }
        Ok(())
    }
}
