//! The hot registers of the eval loop and the value-stack primitives
//! (CPython's `next_instr`, `stack_pointer` and `frame` locals, and the
//! `PUSH`/`POP`/`PEEK`/`GETLOCAL`/`JUMPBY` macros of `ceval_macros.h`).
//! Part of the unsafe core.
//!
//! Safety rests on two invariants established before any handler runs:
//! `frame` is the live frame being executed and `ip` points into its code;
//! and every code object was checked by `vm::verify`, so no instruction can
//! move `sp` outside `[stack base, stack base + stacksize]`, and every
//! local, constant, name and jump index an instruction uses is in range.
//! Those invariants are asserted in debug builds.

use crate::objects::Obj;
use crate::objects::code::{CodeObject, CodeUnit};
use crate::vm::frame::{Frame, Slot};

/// The registers a handler works on. The table backend keeps them in
/// `EvalState` between instructions; the tail-call backend passes them as
/// arguments; the switch backend keeps them in locals.
#[derive(Clone, Copy)]
pub struct Regs {
    /// The instruction being executed (CPython's `this_instr`); handlers
    /// advance it past themselves and their caches.
    pub ip: *const CodeUnit,
    /// One past the top of the value stack.
    pub sp: *mut Slot,
    pub frame: *mut Frame,
    /// The instruction's argument, extended by EXTENDED_ARG prefixes.
    pub oparg: u32,
}

impl Regs {
    #[inline(always)]
    pub fn frame(&self) -> &Frame {
        // SAFETY: `frame` is the live frame being executed (module invariant).
        unsafe { &*self.frame }
    }

    #[inline(always)]
    pub fn code(&self) -> &CodeObject {
        self.frame().code()
    }

    /// Current stack depth (for assertions and the unwinder).
    #[inline(always)]
    pub fn stack_level(&self) -> usize {
        (self.sp as usize - Frame::stack_base(self.frame) as usize) / std::mem::size_of::<Slot>()
    }

    #[inline(always)]
    fn check_push(&self) {
        debug_assert!(
            self.stack_level() < self.code().stacksize as usize,
            "value stack overflow"
        );
    }

    #[inline(always)]
    fn check_pop(&self, n: usize) {
        debug_assert!(self.stack_level() >= n, "value stack underflow");
    }

    /// `PUSH`.
    #[inline(always)]
    pub fn push(&mut self, v: Obj) {
        self.push_slot(Some(v));
    }

    /// Pushes a value or NULL.
    #[inline(always)]
    pub fn push_slot(&mut self, v: Slot) {
        self.check_push();
        // SAFETY: the verifier bounds the stack depth by `stacksize`, so `sp`
        // is within the frame's stack and the slot is free.
        unsafe {
            std::ptr::write(self.sp, v);
            self.sp = self.sp.add(1);
        }
    }

    /// `POP` of a value that cannot be NULL in valid bytecode. Malformed
    /// bytecode that pops a NULL gets the `<NULL>` sentinel, whose every
    /// operation raises SystemError, instead of undefined behaviour.
    #[inline(always)]
    pub fn pop(&mut self) -> Obj {
        match self.pop_slot() {
            Some(o) => o,
            None => crate::vm::null_value(),
        }
    }

    /// `POP` of a slot that may be NULL.
    #[inline(always)]
    pub fn pop_slot(&mut self) -> Slot {
        self.check_pop(1);
        // SAFETY: the stack holds at least one initialised slot (verifier).
        unsafe {
            self.sp = self.sp.sub(1);
            std::ptr::read(self.sp)
        }
    }

    /// The slot `n` from the top (`PEEK(n)`, 1 is the top).
    #[inline(always)]
    pub fn peek_slot(&self, n: usize) -> &Slot {
        self.check_pop(n);
        // SAFETY: the stack holds at least `n` initialised slots.
        unsafe { &*self.sp.sub(n) }
    }

    /// The value `n` from the top (see `pop` for NULLs).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> &Obj {
        match self.peek_slot(n) {
            Some(o) => o,
            None => crate::vm::null_ref(),
        }
    }

    /// Mutable access to the slot `n` from the top.
    #[inline(always)]
    pub fn peek_slot_mut(&mut self, n: usize) -> &mut Slot {
        self.check_pop(n);
        // SAFETY: as `peek_slot`.
        unsafe { &mut *self.sp.sub(n) }
    }

    /// The top `n` slots, bottom first.
    #[inline(always)]
    pub fn top_slots(&self, n: usize) -> &[Slot] {
        self.check_pop(n);
        // SAFETY: the stack holds at least `n` initialised slots.
        unsafe { std::slice::from_raw_parts(self.sp.sub(n), n) }
    }

    /// Pops `n` slots, returning them bottom first.
    #[inline(always)]
    pub fn pop_n(&mut self, n: usize) -> Vec<Slot> {
        self.check_pop(n);
        let mut v = Vec::with_capacity(n);
        // SAFETY: the stack holds at least `n` initialised slots, which are
        // moved out and no longer counted as part of the stack.
        unsafe {
            self.sp = self.sp.sub(n);
            for i in 0..n {
                v.push(std::ptr::read(self.sp.add(i)));
            }
        }
        v
    }

    /// Drops the top `n` slots.
    #[inline(always)]
    pub fn drop_n(&mut self, n: usize) {
        self.check_pop(n);
        // SAFETY: as `pop_n`; the slots are dropped in place.
        unsafe {
            self.sp = self.sp.sub(n);
            for i in 0..n {
                std::ptr::drop_in_place(self.sp.add(i));
            }
        }
    }

    /// `GETLOCAL(i)`.
    #[inline(always)]
    pub fn local(&self, i: usize) -> &Slot {
        debug_assert!(i < self.code().nlocalsplus as usize);
        // SAFETY: the verifier checked `i < nlocalsplus`.
        unsafe { &*Frame::localsplus(self.frame).add(i) }
    }

    /// Mutable `GETLOCAL(i)`.
    #[inline(always)]
    pub fn local_mut(&mut self, i: usize) -> &mut Slot {
        debug_assert!(i < self.code().nlocalsplus as usize);
        // SAFETY: as `local`.
        unsafe { &mut *Frame::localsplus(self.frame).add(i) }
    }

    /// `SETLOCAL(i, v)`: stores and returns the old value, which the caller
    /// drops after the store (dropping may run arbitrary code).
    #[inline(always)]
    pub fn set_local(&mut self, i: usize, v: Slot) -> Slot {
        std::mem::replace(self.local_mut(i), v)
    }

    /// `co_consts[i]` of the running code.
    #[inline(always)]
    pub fn constant(&self, i: usize) -> &Obj {
        let consts = self.code().consts();
        debug_assert!(i < consts.len());
        // SAFETY: the verifier checked `i < len(co_consts)`.
        unsafe { consts.get_unchecked(i) }
    }

    /// `co_names[i]` of the running code.
    #[inline(always)]
    pub fn name(&self, i: usize) -> &Obj {
        let names = self.code().names();
        debug_assert!(i < names.len());
        // SAFETY: the verifier checked `i < len(co_names)`.
        unsafe { names.get_unchecked(i) }
    }

    /// The code unit `n` units after the current instruction (its caches).
    #[inline(always)]
    pub fn cache(&self, n: usize) -> u16 {
        // SAFETY: the verifier checked every instruction's caches are inside
        // the code.
        unsafe {
            let u = *self.ip.add(n);
            u16::from_le_bytes([u.op, u.arg])
        }
    }

    /// Moves `ip` to the next instruction: past this one and its `caches`.
    #[inline(always)]
    pub fn skip(&mut self, caches: usize) {
        // SAFETY: the verifier checked that every instruction is followed by
        // its caches and another instruction (code cannot fall off the end).
        self.ip = unsafe { self.ip.add(1 + caches) };
    }

    /// `JUMPBY(n)` relative to the next instruction: `ip` becomes
    /// this + 1 + caches + delta.
    #[inline(always)]
    pub fn jump_forward(&mut self, caches: usize, delta: usize) {
        // SAFETY: the verifier checked every jump target is an instruction
        // of the same code.
        self.ip = unsafe { self.ip.add(1 + caches + delta) };
    }

    /// A backward jump: `ip` becomes this + 1 + caches - delta.
    #[inline(always)]
    pub fn jump_backward(&mut self, caches: usize, delta: usize) {
        // SAFETY: as `jump_forward`.
        self.ip = unsafe { self.ip.add(1 + caches).sub(delta) };
    }

    /// The current instruction's code unit.
    #[inline(always)]
    pub fn this_unit(&self) -> CodeUnit {
        // SAFETY: `ip` points at an instruction of the running code.
        unsafe { *self.ip }
    }
}

impl Regs {
    /// The top `n` slots as values, when none of them is NULL (always, for
    /// compiler-made bytecode). The arguments of a call are passed this way,
    /// straight from the stack.
    #[inline(always)]
    pub fn top_values(&self, n: usize) -> Option<&[Obj]> {
        let slots = self.top_slots(n);
        if slots.iter().any(|s| s.is_none()) {
            return None;
        }
        // SAFETY: `Option<Obj>` and `Obj` have the same layout (the niche is
        // zero) and every slot was just checked to be `Some`.
        Some(unsafe { std::slice::from_raw_parts(slots.as_ptr() as *const Obj, n) })
    }

    /// Mutable access to the top `n` slots, bottom first.
    #[inline(always)]
    pub fn top_slots_mut(&mut self, n: usize) -> &mut [Slot] {
        self.check_pop(n);
        // SAFETY: the stack holds at least `n` initialised slots.
        unsafe { std::slice::from_raw_parts_mut(self.sp.sub(n), n) }
    }
}
