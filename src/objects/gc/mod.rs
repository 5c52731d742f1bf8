//! The cycle collector's bookkeeping (CPython's `Python/gc.c`, the
//! generational collector 3.14 ships): the link every container carries,
//! the three generations, allocation counts and thresholds.
//!
//! Reference counting frees everything except reference cycles. To find
//! those, every object of a type with a `tp_traverse` (lists, dicts,
//! tuples, sets, functions, cells, instances of classes, generators,
//! exceptions, frames, ...) carries a [`GcHead`] in the words just before
//! its header, after any prefix words (see `Obj::alloc`), and sits from
//! allocation to deallocation in one of three intrusive doubly-linked
//! lists: young, middle-aged, old. `collect.rs` runs CPython's algorithm
//! over those lists.
//!
//! The collector never frees anything itself: `tp_clear` drops references
//! and reference counting frees. A traverse that misses a reference only
//! makes the collector more conservative (the referent looks referenced
//! from outside); one that reports a reference the object does not own, or
//! one twice, can make live objects look like garbage and get cleared.
//!
//! The state is per thread, like the finalizer queue and the trashcan:
//! `Drop for Obj` has no interpreter at hand. Interpreters that take turns
//! on one thread share it; when one is dropped, what it leaves tracked is
//! put out of reach ([`abandon_all`]) so that no other runs its finalizers.
//!
//! This file is part of the unsafe core: it links and unlinks raw headers.

pub mod collect;

use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::objects::header::ObjHeader;
use crate::objects::obj::Obj;

/// Number of generations (CPython's `NUM_GENERATIONS`).
pub const NUM_GENERATIONS: usize = 3;

/// Words a [`GcHead`] takes before an object.
pub const GC_HEAD_WORDS: usize = 3;

/// The words before every collectable object: its neighbours in its
/// generation's list and, during a collection, its reference count minus
/// the references found inside the generation (`PyGC_Head`, with the
/// `gc_refs` CPython packs into `_gc_prev` kept in a word of its own).
#[repr(C)]
pub struct GcHead {
    next: Cell<*const GcHead>,
    prev: Cell<*const GcHead>,
    /// 0 outside a collection. During one: bit 0 "being collected", bit 1
    /// "tentatively unreachable", the rest the count.
    state: Cell<usize>,
}

const _: () = assert!(size_of::<GcHead>() == GC_HEAD_WORDS * size_of::<usize>());

const COLLECTING: usize = 1;
const UNREACHABLE: usize = 2;
const REFS_SHIFT: u32 = 2;

impl GcHead {
    pub(crate) const fn unlinked() -> GcHead {
        GcHead {
            next: Cell::new(std::ptr::null()),
            prev: Cell::new(std::ptr::null()),
            state: Cell::new(0),
        }
    }

    fn is_collecting(&self) -> bool {
        self.state.get() & COLLECTING != 0
    }

    fn refs(&self) -> usize {
        self.state.get() >> REFS_SHIFT
    }

    fn set_refs(&self, refs: usize) {
        self.state
            .set((refs << REFS_SHIFT) | (self.state.get() & (COLLECTING | UNREACHABLE)));
    }

    fn is_tracked(&self) -> bool {
        !self.next.get().is_null()
    }
}

/// A list head: a sentinel [`GcHead`] linked to itself when empty. It must
/// not move while linked, so lists live in the thread-local state or are
/// pinned on the collector's stack frame.
pub(crate) struct GcList(GcHead);

impl GcList {
    pub(crate) const fn new() -> GcList {
        GcList(GcHead::unlinked())
    }

    fn head(&self) -> *const GcHead {
        &self.0
    }

    /// Makes the sentinel point at itself (once its address is final).
    fn init(&self) {
        if self.0.next.get().is_null() {
            self.0.next.set(self.head());
            self.0.prev.set(self.head());
        }
    }

    fn is_empty(&self) -> bool {
        self.init();
        std::ptr::eq(self.0.next.get(), self.head())
    }

    fn first(&self) -> *const GcHead {
        self.init();
        self.0.next.get()
    }

    /// `gc_list_append`: links `node` (unlinked) at the tail.
    ///
    /// # Safety
    /// `node` is a live, unlinked head.
    unsafe fn append(&self, node: *const GcHead) {
        self.init();
        // SAFETY: guaranteed by the caller; the tail is a live node.
        unsafe {
            let last = self.0.prev.get();
            (*node).next.set(self.head());
            (*node).prev.set(last);
            (*last).next.set(node);
        }
        self.0.prev.set(node);
    }

    /// `gc_list_move`: unlinks `node` from wherever it is and appends it.
    ///
    /// # Safety
    /// `node` is a live, linked head.
    unsafe fn move_in(&self, node: *const GcHead) {
        // SAFETY: guaranteed by the caller.
        unsafe {
            unlink(node);
            self.append(node);
        }
    }

    /// `gc_list_merge`: moves every node of `self` to the tail of `to`.
    fn merge_into(&self, to: &GcList) {
        if self.is_empty() {
            return;
        }
        to.init();
        // SAFETY: both lists are well formed; their nodes are live.
        unsafe {
            let first = self.0.next.get();
            let last = self.0.prev.get();
            let to_last = to.0.prev.get();
            (*to_last).next.set(first);
            (*first).prev.set(to_last);
            (*last).next.set(to.head());
            to.0.prev.set(last);
        }
        self.0.next.set(self.head());
        self.0.prev.set(self.head());
    }

    fn len(&self) -> usize {
        let mut n = 0;
        let mut p = self.first();
        while !std::ptr::eq(p, self.head()) {
            n += 1;
            // SAFETY: nodes of a well-formed list are live.
            p = unsafe { (*p).next.get() };
        }
        n
    }
}

/// Unlinks a node from its list, leaving it marked untracked.
///
/// # Safety
/// `node` is a live, linked head.
unsafe fn unlink(node: *const GcHead) {
    // SAFETY: guaranteed by the caller; its neighbours are live.
    unsafe {
        let next = (*node).next.get();
        let prev = (*node).prev.get();
        (*prev).next.set(next);
        (*next).prev.set(prev);
        (*node).next.set(std::ptr::null());
        (*node).prev.set(std::ptr::null());
    }
}

/// Statistics of one generation (`gc.get_stats()`).
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

/// The collector's per-thread state (`struct _gc_runtime_state`).
pub(crate) struct GcState {
    gens: [GcList; NUM_GENERATIONS],
    /// Objects no collection looks at: those left behind by interpreters
    /// that were dropped (see [`abandon_all`]).
    abandoned: GcList,
    /// Generation 0: tracked allocations minus deallocations since its last
    /// collection; older ones: collections of the next younger generation.
    counts: [Cell<usize>; NUM_GENERATIONS],
    thresholds: [Cell<isize>; NUM_GENERATIONS],
    stats: [Cell<GenStats>; NUM_GENERATIONS],
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    /// A collection was requested through the eval breaker and has not run.
    scheduled: Cell<bool>,
    /// Objects that survived a full collection, and those that reached the
    /// oldest generation since (the quadratic-behaviour guard of CPython's
    /// `gc_select_generation`).
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
    /// Which eval breaker `BREAKER` holds (compared, never dereferenced).
    breaker: Cell<*const AtomicU32>,
}

thread_local! {
    static GC: GcState = const {
        GcState {
            gens: [GcList::new(), GcList::new(), GcList::new()],
            abandoned: GcList::new(),
            counts: [Cell::new(0), Cell::new(0), Cell::new(0)],
            thresholds: [Cell::new(2000), Cell::new(10), Cell::new(10)],
            stats: [
                Cell::new(GenStats { collections: 0, collected: 0, uncollectable: 0 }),
                Cell::new(GenStats { collections: 0, collected: 0, uncollectable: 0 }),
                Cell::new(GenStats { collections: 0, collected: 0, uncollectable: 0 }),
            ],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            scheduled: Cell::new(false),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            breaker: Cell::new(std::ptr::null()),
        }
    };
}

/// The eval-breaker bit that asks the running interpreter to collect.
pub const GC_SCHEDULED: u32 = 4;

/// Runs `f` with this thread's collector state.
pub(crate) fn with_state<R>(f: impl FnOnce(&GcState) -> R) -> R {
    GC.with(f)
}

/// Links a new object's head into the young generation and counts it
/// (`_PyObject_GC_Link` and `_PyObject_GC_TRACK`), asking for a collection
/// when the count passes the threshold.
///
/// # Safety
/// `head` is the unlinked head of a newly allocated object, which stays at
/// that address until [`untrack`] is called on it.
#[inline]
pub(crate) unsafe fn track(head: *const GcHead) {
    GC.with(|s| {
        // SAFETY: guaranteed by the caller.
        unsafe { s.gens[0].append(head) };
        let c = s.counts[0].get() + 1;
        s.counts[0].set(c);
        if c as isize > s.thresholds[0].get() {
            s.request_collection();
        }
    })
}

/// Unlinks a dying object's head (`PyObject_GC_UnTrack` and the count
/// update of `PyObject_GC_Del`).
///
/// # Safety
/// `head` is the head of an object about to be freed.
#[inline]
pub(crate) unsafe fn untrack(head: *const GcHead) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        if (*head).is_tracked() {
            unlink(head);
        }
    }
    GC.with(|s| {
        let c = s.counts[0].get();
        if c > 0 {
            s.counts[0].set(c - 1);
        }
    })
}

impl GcState {
    /// `_Py_ScheduleGC`, when collecting automatically is allowed.
    #[cold]
    fn request_collection(&self) {
        if !self.enabled.get()
            || self.collecting.get()
            || self.scheduled.get()
            || self.thresholds[0].get() == 0
        {
            return;
        }
        let _ = BREAKER.try_with(|b| {
            if let Some(b) = &*b.borrow() {
                self.scheduled.set(true);
                b.fetch_or(GC_SCHEDULED, Ordering::SeqCst);
            }
        });
    }
}

thread_local! {
    /// The eval breaker of the interpreter that last started running Python
    /// code on this thread: where an allocation past the threshold asks for
    /// a collection.
    static BREAKER: std::cell::RefCell<Option<Arc<AtomicU32>>> =
        const { std::cell::RefCell::new(None) };
}

/// Names `breaker` as where allocations on this thread ask for a collection
/// (cheap when it already is: one pointer comparison).
#[inline]
pub fn set_breaker(breaker: &Arc<AtomicU32>) {
    GC.with(|s| {
        if !std::ptr::eq(s.breaker.get(), Arc::as_ptr(breaker)) {
            s.breaker.set(Arc::as_ptr(breaker));
            s.scheduled.set(false);
            let _ = BREAKER.try_with(|b| *b.borrow_mut() = Some(breaker.clone()));
        }
    })
}

/// Puts every object tracked on this thread out of reach of later
/// collections. An interpreter being dropped calls it: a collection run by
/// another interpreter must not run the dropped one's finalizers, as the
/// finalizer queue is discarded then too. Objects of other interpreters on
/// the same thread are put away as well; they are only ever freed by
/// reference counting from then on.
pub fn abandon_all() {
    GC.with(|s| {
        for g in &s.gens {
            g.merge_into(&s.abandoned);
        }
        for c in &s.counts {
            c.set(0);
        }
    })
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    GC.with(|s| s.enabled.set(on));
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    GC.with(|s| s.enabled.get())
}

/// `gc.get_count()`.
pub fn counts() -> [usize; NUM_GENERATIONS] {
    GC.with(|s| std::array::from_fn(|i| s.counts[i].get()))
}

/// `gc.get_threshold()`.
pub fn thresholds() -> [isize; NUM_GENERATIONS] {
    GC.with(|s| std::array::from_fn(|i| s.thresholds[i].get()))
}

/// `gc.set_threshold()`: sets the first `values.len()` thresholds.
pub fn set_thresholds(values: &[isize]) {
    GC.with(|s| {
        for (t, v) in s.thresholds.iter().zip(values) {
            t.set(*v);
        }
    })
}

/// How many objects this thread's collector tracks (live objects of
/// collectable types): what the memory tests watch.
pub fn tracked_count() -> usize {
    GC.with(|s| s.gens.iter().chain([&s.abandoned]).map(GcList::len).sum())
}

/// `gc.get_stats()`.
pub fn stats() -> [GenStats; NUM_GENERATIONS] {
    GC.with(|s| std::array::from_fn(|i| s.stats[i].get()))
}

/// The traverse of `o`'s type (`gc.get_referents`), if it has one.
pub fn traverse_of(o: &Obj) -> Option<crate::objects::typeobject::TraverseFn> {
    if o.is_small_int() {
        None
    } else {
        o.class().tp_traverse
    }
}

/// The head of a tracked object, or None for objects the collector does not
/// see (inline ints, immortals, instances of types without a traverse).
#[inline]
fn head_of(o: &Obj) -> Option<*const GcHead> {
    let p = o.as_ptr()?;
    // SAFETY: `o` is a live object; its header and type are readable, and
    // an object of a collectable type has its head right before its header.
    unsafe {
        if (*p).is_immortal() {
            return None;
        }
        (*(*p).ob_type()).tp_traverse?;
        let head = (p as *const GcHead).sub(1);
        (*head).is_tracked().then_some(head)
    }
}

/// The object whose head is `head`.
///
/// # Safety
/// `head` is the head of a live collectable object.
unsafe fn object_of(head: *const GcHead) -> *const ObjHeader {
    // SAFETY: guaranteed by the caller; the header follows the head.
    unsafe { head.add(1) as *const ObjHeader }
}

/// A field a `tp_traverse` reports: whatever object references it owns.
pub trait Traverse {
    fn traverse(&self, visit: &mut dyn FnMut(&Obj));
}

impl Traverse for Obj {
    fn traverse(&self, visit: &mut dyn FnMut(&Obj)) {
        visit(self)
    }
}

impl Traverse for Option<Obj> {
    fn traverse(&self, visit: &mut dyn FnMut(&Obj)) {
        if let Some(o) = self {
            visit(o)
        }
    }
}

impl Traverse for crate::objects::ObjCell {
    fn traverse(&self, visit: &mut dyn FnMut(&Obj)) {
        self.visit(visit)
    }
}

impl Traverse for Vec<Obj> {
    fn traverse(&self, visit: &mut dyn FnMut(&Obj)) {
        self.iter().for_each(visit)
    }
}

impl Traverse for Option<Vec<Obj>> {
    fn traverse(&self, visit: &mut dyn FnMut(&Obj)) {
        self.iter().flatten().for_each(visit)
    }
}

/// Defines a `tp_traverse` named `$name` for objects laid out as `$t` that
/// reports the listed fields (each an `Obj`, `Option<Obj>`, `ObjCell` or
/// vector of objects; see [`Traverse`]).
#[macro_export]
macro_rules! gc_traverse {
    ($name:ident, $t:ty, [$($field:ident),* $(,)?]) => {
        fn $name(o: &$crate::objects::Obj, visit: &mut dyn FnMut(&$crate::objects::Obj)) {
            if let Some(x) = o.downcast::<$t>() {
                $( $crate::objects::gc::Traverse::traverse(&x.$field, visit); )*
            }
        }
    };
}

/// Defines a `tp_clear` named `$name` for objects laid out as `$t` that
/// empties the listed `ObjCell` fields.
#[macro_export]
macro_rules! gc_clear {
    ($name:ident, $t:ty, [$($field:ident),* $(,)?]) => {
        fn $name(o: &$crate::objects::Obj) {
            if let Some(x) = o.downcast::<$t>() {
                $( drop(x.$field.take()); )*
            }
        }
    };
}
