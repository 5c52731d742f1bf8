//! The frame a generator owns (CPython's `gi_iframe`). Part of the unsafe
//! core.
//!
//! A generator function's frame starts on the arena like any other; its
//! RETURN_GENERATOR moves it, byte for byte, into memory the generator
//! object owns (`_PyFrame_Copy`), where it stays across suspensions. The
//! frame header, locals and live stack slots move; nothing is dropped or
//! cloned. Resuming links the frame below the caller (`previous`) and runs
//! it in the same eval loop; yielding unlinks it. When the generator
//! returns or raises, the frame's contents are dropped in place and the
//! memory stays with the generator until it is freed.
//!
//! Invariants: while `live`, the memory holds an initialised `Frame` header
//! followed by `nlocalsplus` initialised local slots and the stack slots
//! below the frame's saved `stack_pointer` (when the frame is not running;
//! while it runs, the eval loop's registers say where the stack ends and
//! whoever finishes it passes that pointer to [`GenFrame::clear`]).

use std::cell::Cell;
use std::mem::{MaybeUninit, size_of};

use crate::vm::frame::{FRAME_HEADER_WORDS, Frame, FrameArena, FrameOwner, Slot};

pub struct GenFrame {
    mem: Box<[MaybeUninit<usize>]>,
    live: Cell<bool>,
}

impl GenFrame {
    /// Moves the newest arena frame `f`, whose stack ends at `sp`, into a
    /// new generator frame owned by the object at `owner` (recorded in the
    /// frame so the handlers can find the generator), and releases its
    /// arena space.
    ///
    /// # Safety
    /// `f` must be the most recently pushed live frame of `arena` and `sp`
    /// its current stack pointer.
    pub unsafe fn take_from_arena(
        arena: &mut FrameArena,
        f: *mut Frame,
        sp: *mut Slot,
        owner: *const crate::objects::header::ObjHeader,
    ) -> GenFrame {
        // SAFETY: guaranteed by the caller; the copy moves every initialised
        // word (header, locals, live stack) and the arena space is then
        // released without dropping anything, so each value has one owner.
        unsafe {
            let words = FRAME_HEADER_WORDS + (*f).code().framesize as usize;
            let mut mem: Box<[MaybeUninit<usize>]> =
                (0..words).map(|_| MaybeUninit::uninit()).collect();
            let used = (sp as usize - f as usize) / size_of::<usize>();
            std::ptr::copy_nonoverlapping(f as *const MaybeUninit<usize>, mem.as_mut_ptr(), used);
            let nf = mem.as_mut_ptr() as *mut Frame;
            (*nf).stack_pointer = (nf as *mut usize).add(used) as *mut Slot;
            (*nf).owner = FrameOwner::Generator;
            (*nf).generator = owner;
            (*nf).previous = std::ptr::null_mut();
            arena.release(f as *mut usize);
            GenFrame {
                mem,
                live: Cell::new(true),
            }
        }
    }

    /// The frame (valid while the generator lives; its contents only while
    /// [`GenFrame::is_live`]).
    #[inline]
    pub fn frame(&self) -> *mut Frame {
        self.mem.as_ptr() as *mut Frame
    }

    pub fn is_live(&self) -> bool {
        self.live.get()
    }

    /// Records the generator object that owns this frame.
    pub fn set_owner(&self, owner: *const crate::objects::header::ObjHeader) {
        // SAFETY: the header is initialised while the frame is live; when
        // it is not, nothing reads the field.
        if self.is_live() {
            unsafe { (*self.frame()).generator = owner };
        }
    }

    /// The value on top of a suspended frame's stack (the iterator a
    /// generator suspended in `yield from` delegates to).
    pub fn peek_top(&self) -> Option<crate::objects::Obj> {
        if !self.is_live() {
            return None;
        }
        // SAFETY: a live suspended frame's slots below `stack_pointer` are
        // initialised; the stack is checked to be non-empty.
        unsafe {
            let f = self.frame();
            let base = Frame::localsplus(f).add((*f).code().nlocalsplus as usize);
            if (*f).stack_pointer <= base {
                return None;
            }
            (*(*f).stack_pointer.sub(1)).clone()
        }
    }

    /// Pushes `v` on the suspended frame's stack (the value `send` delivers).
    pub fn push(&self, v: Slot) {
        debug_assert!(self.is_live());
        // SAFETY: a suspended frame's `stack_pointer` is below its stack's
        // end: the verifier bounds the depth at every YIELD_VALUE by
        // `stacksize - 1` plus the value it pops, which this replaces.
        unsafe {
            let f = self.frame();
            std::ptr::write((*f).stack_pointer, v);
            (*f).stack_pointer = (*f).stack_pointer.add(1);
        }
    }

    /// Shows every reference a suspended (or never started) frame holds to
    /// `visit`: its header's, its locals' and its stack's
    /// (`_PyFrame_Traverse`). A cleared frame holds none.
    ///
    /// # Safety
    /// The frame must not be running: a running frame's saved stack
    /// pointer is stale.
    pub unsafe fn visit_refs(&self, visit: &mut dyn FnMut(&crate::objects::Obj)) {
        if !self.is_live() {
            return;
        }
        // SAFETY: a live frame that is not running has an initialised
        // header and initialised slots up to its saved stack pointer.
        unsafe {
            let f = &*self.frame();
            visit(&f.code);
            visit(&f.globals);
            visit(&f.builtins);
            for o in [&f.func, &f.locals, &f.frame_obj].into_iter().flatten() {
                visit(o);
            }
            let base = Frame::localsplus(self.frame());
            let n = (f.stack_pointer as usize - base as usize) / size_of::<Slot>();
            for i in 0..n {
                if let Some(o) = &*base.add(i) {
                    visit(o);
                }
            }
        }
    }

    /// Drops the frame's contents: the header's references, the locals and
    /// the stack up to `sp` (`_PyFrame_ClearExceptCode`). Idempotent.
    ///
    /// # Safety
    /// `sp` must bound the frame's initialised stack slots (its saved
    /// `stack_pointer` when suspended).
    pub unsafe fn clear(&self, sp: *mut Slot) {
        if !self.live.replace(false) {
            return;
        }
        // SAFETY: guaranteed by the caller and the module invariant.
        unsafe {
            let f = self.frame();
            let base = Frame::localsplus(f);
            let n = (sp as usize - base as usize) / size_of::<Slot>();
            for i in 0..n {
                std::ptr::drop_in_place(base.add(i));
            }
            std::ptr::drop_in_place(f);
        }
    }
}

impl Drop for GenFrame {
    fn drop(&mut self) {
        if self.is_live() {
            // SAFETY: a live frame that is not running (a generator being
            // freed never runs) has its stack end in `stack_pointer`.
            unsafe {
                let sp = (*self.frame()).stack_pointer;
                self.clear(sp);
            }
        }
    }
}
