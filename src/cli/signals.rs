//! SIGINT handling for the command line: Ctrl-C sets the running
//! interpreter's eval breaker, which raises KeyboardInterrupt at the next
//! RESUME or backward jump. An uncaught KeyboardInterrupt ends the process
//! by SIGINT, as CPython does (`exit_sigint`), so a shell sees the signal.
//!
//! A signal handler can only reach process-global state, so the breaker of
//! the interpreter the CLI runs is kept in a static; the library itself
//! installs no handler (embedders use `InterruptHandle`).

use std::sync::atomic::{AtomicPtr, AtomicU32, Ordering};

use crate::api::InterruptHandle;

const SIGINT: i32 = 2;
const SIG_DFL: usize = 0;

unsafe extern "C" {
    fn signal(signum: i32, handler: usize) -> usize;
    fn raise(sig: i32) -> i32;
}

/// The eval breaker of the running interpreter (a leaked `Arc` clone).
static BREAKER: AtomicPtr<AtomicU32> = AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_sigint(_: i32) {
    let p = BREAKER.load(Ordering::SeqCst);
    if !p.is_null() {
        // SAFETY: `p` comes from a leaked Arc that is never freed.
        unsafe { (*p).fetch_or(crate::vm::breaker::SIGINT, Ordering::SeqCst) };
    }
}

/// Routes SIGINT to `handle`'s interpreter.
pub fn install(handle: InterruptHandle) {
    let arc = handle.raw().clone();
    let p = std::sync::Arc::into_raw(arc) as *mut AtomicU32;
    BREAKER.store(p, Ordering::SeqCst);
    // SAFETY: installing an async-signal-safe handler (it performs one
    // atomic operation) through libc's `signal`.
    unsafe { signal(SIGINT, on_sigint as *const () as usize) };
}

/// Restores the default SIGINT action.
pub fn uninstall() {
    // SAFETY: resetting a signal to its default disposition.
    unsafe { signal(SIGINT, SIG_DFL) };
}

/// Re-raises SIGINT with the default action, ending the process.
pub fn die_by_sigint() {
    // SAFETY: restoring the default action and raising the signal.
    unsafe {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
}
