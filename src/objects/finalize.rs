//! Finalizers: `__del__` methods and the closing of suspended generators
//! (CPython's `tp_finalize`, PEP 442).
//!
//! An object is freed inside `Drop for Obj`, which has no interpreter to
//! run Python code with, and may run in the middle of a handler or a
//! container's mutation. So an object whose type has a finalizer is not
//! freed when its count reaches zero: its type's `tp_dealloc` (classes and
//! generators only, so built-in types pay nothing) resurrects it into a
//! queue of this thread, and the interpreter runs the queue at the next
//! safe point
//! (before it calls a native function, which is where output happens, and
//! when the program ends). After the finalizer the queue's reference is
//! dropped; if that was the last, the object is freed for good. A `__del__`
//! runs once per object even if the object is resurrected (PEP 442).
//!
//! The queue is per thread, not per interpreter: an interpreter drains it
//! only while it runs, and discards what is left when it is dropped (see
//! [`discard_pending`]), so one interpreter never finalizes another's
//! objects.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use crate::objects::header::ObjHeader;
use crate::objects::{Obj, Vm};

thread_local! {
    static PENDING: RefCell<Vec<Obj>> = const { RefCell::new(Vec::new()) };
    static ANY_PENDING: Cell<bool> = const { Cell::new(false) };
    static DRAINING: Cell<bool> = const { Cell::new(false) };
    /// Addresses of live objects whose `__del__` has run.
    static FINALIZED: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

/// Whether finalizers are waiting to run (cheap: one thread-local read).
#[inline(always)]
pub fn pending() -> bool {
    ANY_PENDING.with(|c| c.get())
}

/// `tp_dealloc` of every class: runs `__del__` first when the class has
/// one (and it has not run for this object), else frees the object as the
/// built-in type it is laid out as does.
///
/// # Safety
/// As for any `tp_dealloc`: `p` is unreachable and holds its last
/// reference.
pub unsafe fn heap_instance_dealloc(p: *mut ObjHeader) {
    // SAFETY: guaranteed by the caller; the class is immortal.
    unsafe {
        let ty = &*(*p).ob_type();
        if ty.heap_data().is_some_and(|h| h.has_finalizer.get())
            && !FINALIZED.with(|f| f.borrow_mut().remove(&(p as usize)))
        {
            queue(p);
            return;
        }
        (ty.layout.tp_dealloc)(p)
    }
}

/// `tp_dealloc` of generators, coroutines and async generators: one
/// stopped inside its body is closed first.
///
/// # Safety
/// As for any `tp_dealloc`, of a `GenObject`.
pub unsafe fn gen_dealloc(p: *mut ObjHeader) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let genr = &*(p as *const crate::objects::generator::GenObject);
        if crate::objects::generator::needs_close(genr) {
            queue(p);
            return;
        }
        crate::objects::obj::dealloc_box::<crate::objects::generator::GenObject>(p)
    }
}

/// Whether `o` has a finalizer that has not run yet (CPython's test of
/// `tp_finalize` and `_PyGC_FINALIZED` in `finalize_garbage`).
pub fn needs_finalizer(o: &Obj) -> bool {
    if let Some(h) = o.class().heap_data() {
        return h.has_finalizer.get() && !FINALIZED.with(|f| f.borrow().contains(&o.addr()));
    }
    crate::objects::generator::gen_obj(o).is_some_and(crate::objects::generator::needs_close)
}

/// Whether `o`'s `__del__` has run (`gc.is_finalized`).
pub fn is_finalized(o: &Obj) -> bool {
    !o.is_small_int() && FINALIZED.with(|f| f.borrow().contains(&o.addr()))
}

/// Puts an object whose count reached zero in the queue, which takes over
/// its last reference.
#[cold]
unsafe fn queue(p: *mut ObjHeader) {
    // SAFETY: the caller hands over the object's last reference.
    let o = unsafe { Obj::from_raw_owned(p) };
    PENDING.with(|q| q.borrow_mut().push(o));
    ANY_PENDING.with(|c| c.set(true));
}

/// Forgets the queued objects without running their finalizers or freeing
/// them (an interpreter is going away; running its Python code is no longer
/// possible).
pub fn discard_pending() {
    let items = PENDING.with(|q| std::mem::take(&mut *q.borrow_mut()));
    ANY_PENDING.with(|c| c.set(false));
    std::mem::forget(items);
}

impl Vm {
    /// Runs the queued finalizers, and those they queue in turn. Errors are
    /// reported as unraisable ("Exception ignored while ...").
    #[cold]
    #[inline(never)]
    pub fn run_finalizers(&mut self) {
        if DRAINING.with(|d| d.replace(true)) {
            return;
        }
        loop {
            let next = PENDING.with(|q| {
                let mut q = q.borrow_mut();
                let o = if q.is_empty() {
                    None
                } else {
                    Some(q.remove(0))
                };
                if q.is_empty() {
                    ANY_PENDING.with(|c| c.set(false));
                }
                o
            });
            let Some(o) = next else { break };
            self.finalize_one(&o);
            drop(o);
        }
        DRAINING.with(|d| d.set(false));
    }

    /// Runs `o`'s finalizer (a class's `__del__`, or closing a suspended
    /// generator), reporting an error as unraisable.
    pub(crate) fn finalize_one(&mut self, o: &Obj) {
        if o.class().heap_data().is_some() {
            FINALIZED.with(|f| f.borrow_mut().insert(o.addr()));
            let key = self.intern("__del__");
            if let Some(del) = self.type_lookup(o.class(), &key)
                && let Err(e) = self.call(&del, std::slice::from_ref(o), None)
            {
                let what = self
                    .repr(&del)
                    .map(|r| crate::objects::str::str_value(&r).to_string());
                self.write_unraisable(
                    &format!(
                        "Exception ignored while calling deallocator {}",
                        what.unwrap_or_default()
                    ),
                    e.into_value(),
                );
            }
        } else if let Err(e) = self.gen_close(o) {
            let what = self
                .repr(o)
                .map(|r| crate::objects::str::str_value(&r).to_string());
            let kind = crate::objects::generator::gen_obj(o).map_or("generator", |g| g.kind.word());
            self.write_unraisable(
                &format!(
                    "Exception ignored while closing {kind} {}",
                    what.unwrap_or_default()
                ),
                e.into_value(),
            );
        }
    }

    /// `PyErr_FormatUnraisable`: `msg:` and the exception's traceback on
    /// `sys.stderr`.
    pub fn write_unraisable(&mut self, msg: &str, e: Obj) {
        let text = self.format_unraisable(&e);
        self.flush_std_streams();
        if let Ok(err) = self.sys_attr("stderr") {
            let _ = self.write_text(&err, &format!("{msg}:\n"));
            let _ = self.write_text(&err, &text);
        }
        self.flush_std_streams();
    }

    /// Ends the program's objects' lives as CPython's shutdown does.
    ///
    /// CPython removes `__main__` from `sys.modules` and collects: the
    /// module, its dict, its classes and functions then form one cycle of
    /// garbage, so every object only `__main__` keeps alive has its
    /// finalizer run, in the collector's order, with the globals still
    /// intact. Classes are immortal here, so that pass is
    /// [`Vm::gc_finalize_for_exit`], which discounts the references the
    /// interpreter's class dicts hold (that pass also finalizes cyclic
    /// garbage made earlier). Then `__main__`'s globals are cleared in
    /// insertion order and a full collection frees the cycles, whose
    /// finalizers have run.
    pub fn finalize_main_module(&mut self) {
        let key = self.intern("__main__");
        let modules = self.modules.clone();
        let main = crate::objects::dict::dict_obj(&modules).get_str(&key);
        if let Some(m) = &main {
            // Only a module the program did not replace in sys.modules.
            if crate::objects::module::module_dict(m).is_some() {
                let _ = crate::objects::dict::dict_obj(&modules).remove(self, &key);
                self.gc_finalize_for_exit(m);
                crate::objects::dict::dict_obj(&modules).set_str(key, m.clone());
            }
        }
        if let Some(m) = main {
            self.clear_module_globals(&m);
        }
        self.run_finalizers();
        self.gc_collect(crate::objects::gc::NUM_GENERATIONS - 1);
    }

    /// Sets each global of `m` but `__builtins__` to None, in insertion
    /// order, running the finalizers that frees as it goes.
    fn clear_module_globals(&mut self, m: &Obj) {
        if let Some(d) = crate::objects::module::module_dict(m).cloned() {
            let dd = crate::objects::dict::dict_obj(&d);
            let builtins = self.ids.__builtins__.clone();
            for k in dd.keys() {
                if crate::objects::str::is_str(&k)
                    && crate::objects::str::str_value(&k)
                        != crate::objects::str::str_value(&builtins)
                {
                    dd.set_str(k, Obj::none());
                    if pending() {
                        self.run_finalizers();
                    }
                }
            }
        }
    }
}
