//! Deferred deallocation of deeply nested containers (CPython's "trashcan").
//!
//! Freeing a container drops its items, which may free containers, and so
//! on: a list nested a million deep would recurse a million times on the
//! Rust stack. Container deallocators go through [`deposit_or_free`]: past a
//! fixed nesting depth the object is parked on a per-thread list and freed
//! later by the outermost deallocation, iteratively.
//!
//! The state is per thread, not per interpreter, because dropping an `Obj`
//! has no interpreter at hand; it is always empty between two top-level
//! deallocations, so interpreters that take turns on a thread never see
//! each other's entries.

use std::cell::{Cell, RefCell};

use crate::objects::header::ObjHeader;

/// How many container deallocations may nest before deferring. Small enough
/// to fit comfortably on a 256 KiB stack.
const MAX_NESTING: u32 = 64;

type FreeFn = unsafe fn(*mut ObjHeader);

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static PENDING: RefCell<Vec<(usize, FreeFn)>> = const { RefCell::new(Vec::new()) };
}

/// Frees `p` with `free` now, or parks it if deallocations are nested too deep.
pub(crate) fn deposit_or_free(p: *mut ObjHeader, free: FreeFn) {
    let depth = DEPTH.get();
    if depth >= MAX_NESTING {
        PENDING.with_borrow_mut(|v| v.push((p as usize, free)));
        return;
    }
    DEPTH.set(depth + 1);
    // SAFETY: the caller hands over the last reference to `p`.
    unsafe { free(p) };
    if depth == 0 {
        while let Some((q, f)) = PENDING.with_borrow_mut(|v| v.pop()) {
            // SAFETY: parked objects are unreachable and freed exactly once.
            unsafe { f(q as *mut ObjHeader) };
        }
    }
    DEPTH.set(depth);
}
