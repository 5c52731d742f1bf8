//! One collection: CPython's `gc_collect_main` and its helpers
//! (`update_refs`, `subtract_refs`, `move_unreachable`, `finalize_garbage`,
//! `handle_resurrected_objects`, `delete_garbage`), in the same order, so
//! finalizers of a cycle run in the order CPython runs them.
//!
//! The idea: an object's reference count minus the references found inside
//! the generation being collected is the number of references from outside
//! it (from other generations, frames, Rust locals, the interpreter). Those
//! with outside references are reachable, and so is everything they reach;
//! the rest is cyclic garbage. Garbage gets its finalizers run (`__del__`,
//! closing of suspended generators), is checked again in case a finalizer
//! resurrected some of it, and is then broken up with `tp_clear`, after
//! which reference counting frees it.

use std::mem::ManuallyDrop;

use super::{
    COLLECTING, GcHead, GcList, GcState, NUM_GENERATIONS, REFS_SHIFT, UNREACHABLE, head_of,
    object_of, with_state,
};
use crate::objects::Obj;
use crate::vm::Vm;

/// This thread's collector state, for the length of a collection.
fn state() -> &'static GcState {
    // SAFETY: the state is a thread-local without a destructor, so it stays
    // valid until the thread ends, and a collection runs on its thread and
    // ends before it.
    with_state(|s| unsafe { &*(s as *const GcState) })
}

/// Calls the type's traverse on the object whose head is `head`.
///
/// # Safety
/// `head` is the head of a live collectable object.
unsafe fn traverse(head: *const GcHead, visit: &mut dyn FnMut(&Obj)) {
    // SAFETY: guaranteed by the caller; the borrowed `Obj` is never dropped,
    // so the object's count is untouched.
    unsafe {
        let p = object_of(head);
        let obj = ManuallyDrop::new(Obj::from_raw_owned(p));
        if let Some(t) = obj.class().tp_traverse {
            t(&obj, visit);
        }
    }
}

/// Walks a list whose members are not unlinked during the walk (`f` may
/// append to the tail, which is walked too).
fn for_each(list: &GcList, mut f: impl FnMut(*const GcHead)) {
    let mut p = list.first();
    while !std::ptr::eq(p, list.head()) {
        f(p);
        // SAFETY: `p` is still linked in `list`.
        p = unsafe { (*p).next.get() };
    }
}

/// `update_refs`: every member is marked as being collected, with its
/// reference count.
fn update_refs(list: &GcList) {
    for_each(list, |h| {
        // SAFETY: members of a generation are live objects.
        let rc = unsafe { (*object_of(h)).refcnt() };
        debug_assert!(rc > 0, "a tracked object with no references");
        // SAFETY: as above.
        unsafe { (*h).state.set(COLLECTING | (rc << REFS_SHIFT)) };
    });
}

/// `subtract_refs`: removes the references members hold to each other.
fn subtract_refs(list: &GcList) {
    for_each(list, |h| {
        // SAFETY: members are live; the visitor only touches heads of
        // tracked objects.
        unsafe {
            traverse(h, &mut |r| {
                if let Some(rh) = head_of(r)
                    && (*rh).is_collecting()
                {
                    let n = (*rh).refs();
                    debug_assert!(n > 0, "a traverse reported more references than exist");
                    (*rh).set_refs(n.saturating_sub(1));
                }
            })
        };
    });
}

/// `move_unreachable`: moves the members no outside reference reaches into
/// `unreachable`; the rest stay in `young`, no longer marked.
fn move_unreachable(young: &GcList, unreachable: &GcList) {
    let mut p = young.first();
    while !std::ptr::eq(p, young.head()) {
        // SAFETY: `p` is a live member of `young`; the visitor moves only
        // marked members back into `young` (after `p`).
        unsafe {
            if (*p).refs() > 0 {
                traverse(p, &mut |r| visit_reachable(r, young));
                (*p).state.set(0);
                p = (*p).next.get();
            } else {
                let next = (*p).next.get();
                unreachable.move_in(p);
                (*p).state.set(COLLECTING | UNREACHABLE);
                p = next;
            }
        }
    }
    for_each(unreachable, |h| {
        // SAFETY: members are live.
        unsafe { (*h).state.set((*h).state.get() & !UNREACHABLE) };
    });
}

/// `visit_reachable`: an object a reachable one refers to is reachable.
fn visit_reachable(r: &Obj, young: &GcList) {
    let Some(h) = head_of(r) else { return };
    // SAFETY: `h` is the head of a live tracked object.
    unsafe {
        if !(*h).is_collecting() {
            return;
        }
        if (*h).state.get() & UNREACHABLE != 0 {
            young.move_in(h);
            (*h).state.set(COLLECTING | (1 << REFS_SHIFT));
        } else if (*h).refs() == 0 {
            (*h).set_refs(1);
        }
    }
}

/// `deduce_unreachable`.
fn deduce_unreachable(base: &GcList, unreachable: &GcList) {
    update_refs(base);
    subtract_refs(base);
    move_unreachable(base, unreachable);
}

impl Vm {
    /// `gc.collect(generation)`: collects `generation` and the younger
    /// ones; returns how many objects were found to be garbage.
    pub fn gc_collect(&mut self, generation: usize) -> usize {
        let s = state();
        if s.collecting.replace(true) {
            return 0;
        }
        let generation = generation.min(NUM_GENERATIONS - 1);
        if generation + 1 < NUM_GENERATIONS {
            let c = &s.counts[generation + 1];
            c.set(c.get() + 1);
        }
        for c in &s.counts[..=generation] {
            c.set(0);
        }
        for g in &s.gens[..generation] {
            g.merge_into(&s.gens[generation]);
        }
        let young = &s.gens[generation];
        let old = &s.gens[(generation + 1).min(NUM_GENERATIONS - 1)];

        let unreachable = GcList::new();
        deduce_unreachable(young, &unreachable);
        if generation + 1 < NUM_GENERATIONS {
            if generation == NUM_GENERATIONS - 2 {
                let n = s.long_lived_pending.get() + young.len();
                s.long_lived_pending.set(n);
            }
            young.merge_into(old);
        } else {
            s.long_lived_pending.set(0);
            s.long_lived_total.set(young.len());
        }

        self.finalize_garbage(&unreachable);
        let still_unreachable = GcList::new();
        handle_resurrected_objects(&unreachable, &still_unreachable, old);
        let collected = still_unreachable.len();
        delete_garbage(&still_unreachable, old);

        let st = &s.stats[generation];
        let mut v = st.get();
        v.collections += 1;
        v.collected += collected;
        st.set(v);
        s.collecting.set(false);
        // Objects the clearing freed whose finalizers were not run above
        // (they were outside the generation) run theirs now, as CPython
        // runs them while it deletes the garbage.
        if crate::objects::finalize::pending() {
            self.run_finalizers();
        }
        collected
    }

    /// The first step of shutdown (see `Vm::finalize_main_module`): runs
    /// the finalizers of everything that only `main` (the `__main__`
    /// module, already out of `sys.modules`) and the dicts of classes keep
    /// alive, in the collector's order, as CPython's collection of the
    /// dead `__main__` module does. Nothing is cleared or freed: the
    /// objects return to the oldest generation.
    pub(crate) fn gc_finalize_for_exit(&mut self, main: &Obj) {
        let s = state();
        if s.collecting.replace(true) {
            return;
        }
        let old = &s.gens[NUM_GENERATIONS - 1];
        for g in &s.gens[..NUM_GENERATIONS - 1] {
            g.merge_into(old);
        }
        update_refs(old);
        subtract_refs(old);
        // References that do not count: ours to `main`, and the
        // interpreter's to the dicts of classes (whose classes are
        // immortal, where CPython's are garbage with the module).
        let first_heap = crate::objects::registry::all_static_types().count();
        let held: Vec<Obj> = self.type_dicts.get(first_heap..).unwrap_or(&[]).to_vec();
        let discounts = held.iter().map(|d| (d, 2)).chain([(main, 1)]);
        for (o, own) in discounts {
            if let Some(h) = head_of(o) {
                // SAFETY: `h` is the head of a live tracked object.
                unsafe {
                    if (*h).is_collecting() {
                        (*h).set_refs((*h).refs().saturating_sub(own));
                    }
                }
            }
        }
        let unreachable = GcList::new();
        move_unreachable(old, &unreachable);
        self.finalize_garbage(&unreachable);
        for_each(&unreachable, |h| {
            // SAFETY: members are live.
            unsafe { (*h).state.set(0) };
        });
        unreachable.merge_into(old);
        s.collecting.set(false);
        drop(held);
    }

    /// The collection the eval breaker asked for (`_Py_RunGC` and
    /// `gc_select_generation`): the oldest generation past its threshold,
    /// the oldest only once enough objects are waiting to reach it.
    #[cold]
    pub(crate) fn gc_collect_scheduled(&mut self) {
        let s = state();
        s.scheduled.set(false);
        if !s.enabled.get() || s.collecting.get() {
            return;
        }
        for i in (0..NUM_GENERATIONS).rev() {
            if s.counts[i].get() as isize > s.thresholds[i].get() {
                if i == NUM_GENERATIONS - 1
                    && s.long_lived_pending.get() < s.long_lived_total.get() / 4
                {
                    continue;
                }
                self.gc_collect(i);
                return;
            }
        }
    }

    /// `finalize_garbage`: runs the finalizer of each garbage object that
    /// has one that has not run, one object at a time, since a finalizer
    /// may free others.
    fn finalize_garbage(&mut self, garbage: &GcList) {
        let seen = GcList::new();
        while !garbage.is_empty() {
            let h = garbage.first();
            // SAFETY: `h` is a live member; it is moved before anything can
            // free it, and the new reference keeps it alive while its
            // finalizer runs.
            let o = unsafe {
                seen.move_in(h);
                Obj::from_ptr_incref(object_of(h))
            };
            if crate::objects::finalize::needs_finalizer(&o) {
                self.finalize_one(&o);
            }
            drop(o);
        }
        seen.merge_into(garbage);
    }
}

/// `handle_resurrected_objects`: a finalizer may have stored a reference to
/// some garbage somewhere reachable; whatever is still unreachable goes to
/// `still_unreachable`, the rest back to `old`.
fn handle_resurrected_objects(unreachable: &GcList, still_unreachable: &GcList, old: &GcList) {
    for_each(unreachable, |h| {
        // SAFETY: members are live.
        unsafe { (*h).state.set(0) };
    });
    deduce_unreachable(unreachable, still_unreachable);
    unreachable.merge_into(old);
}

/// `delete_garbage`: breaks each garbage object's references with its
/// `tp_clear`; freeing follows by reference counting. One that survives
/// (its type cannot clear, or something outside still refers to it after
/// all) moves to `old`.
fn delete_garbage(garbage: &GcList, old: &GcList) {
    while !garbage.is_empty() {
        let h = garbage.first();
        // SAFETY: `h` is a live member; the new reference keeps it alive
        // during its `tp_clear`, and dropping it may free it (which unlinks
        // it from `garbage`).
        unsafe {
            let o = Obj::from_ptr_incref(object_of(h));
            if let Some(clear) = o.class().tp_clear {
                clear(&o);
            }
            drop(o);
            if std::ptr::eq(garbage.first(), h) {
                (*h).state.set(0);
                old.move_in(h);
            }
        }
    }
}
