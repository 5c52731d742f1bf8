//! Interpreter frames and the per-thread arena they live in (CPython's
//! `_PyInterpreterFrame` and the thread's data stack, `pycore_frame.h` and
//! `Python/pystate.c`). Part of the unsafe core.
//!
//! A frame is a `Frame` header followed by `nlocalsplus` local slots and
//! `stacksize` value-stack slots, allocated by bumping a pointer in a chunk
//! of the arena and freed in LIFO order. Chunks are never moved or freed
//! while the interpreter lives, so frame pointers stay valid; a call does
//! not allocate unless it crosses into a new chunk.

use std::mem::{MaybeUninit, size_of};

use crate::objects::Obj;
use crate::objects::code::{CodeObject, CodeUnit};

/// A value-stack or local slot: an owned reference, or NULL (unbound local,
/// or the NULL that PUSH_NULL and friends push).
pub type Slot = Option<Obj>;

/// Who owns a frame (CPython's `_frameowner`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum FrameOwner {
    /// A normal frame on the thread's arena.
    Thread = 0,
    /// The shim frame at the base of one eval loop run: returning into it
    /// ends the run (INTERPRETER_EXIT), unwinding into it reports the error.
    Interpreter = 1,
    /// The frame of a generator or coroutine, in memory the generator owns
    /// (see `gen_frame`).
    Generator = 2,
}

/// CPython's `_PyInterpreterFrame`.
#[repr(C)]
pub struct Frame {
    /// The code being executed (a `CodeObject`).
    pub code: Obj,
    pub func: Option<Obj>,
    pub globals: Obj,
    pub builtins: Obj,
    /// The namespace of LOAD_NAME/STORE_NAME (module and class bodies, exec).
    pub locals: Option<Obj>,
    pub previous: *mut Frame,
    /// The instruction being executed when the frame is not running (the
    /// CALL a callee returns to, or where a traceback points).
    pub instr_ptr: *const CodeUnit,
    /// The stack top while the frame is not running.
    pub stack_pointer: *mut Slot,
    /// A frame object made for a traceback, reused for later entries.
    pub frame_obj: Option<Obj>,
    /// Code units from `instr_ptr` to the instruction to resume at when a
    /// callee returns (1 + the CALL's cache entries).
    pub return_offset: u16,
    pub owner: FrameOwner,
    /// For a generator's frame, the generator object (not a counted
    /// reference: the generator owns the frame); null otherwise.
    pub generator: *const crate::objects::header::ObjHeader,
}

const _: () = assert!(size_of::<Frame>().is_multiple_of(size_of::<usize>()));
const _: () = assert!(size_of::<Slot>() == size_of::<usize>());

/// Words in a frame's header.
pub const FRAME_HEADER_WORDS: usize = size_of::<Frame>() / size_of::<usize>();
/// Words per arena chunk (2 MiB), as CPython's data stack chunks grow.
const CHUNK_WORDS: usize = 256 * 1024;

impl Frame {
    /// The code object. Frames always hold one.
    #[inline(always)]
    pub fn code(&self) -> &CodeObject {
        // SAFETY: `code` is set from a CodeObject when the frame is pushed and
        // never replaced; the frame holds a reference keeping it alive.
        unsafe { &*(self.code.as_ptr().unwrap_or(std::ptr::null()) as *const CodeObject) }
    }

    /// Pointer to the first local slot.
    #[inline(always)]
    pub fn localsplus(this: *mut Frame) -> *mut Slot {
        // SAFETY: the slots follow the header in the same allocation.
        unsafe { (this as *mut u8).add(size_of::<Frame>()) as *mut Slot }
    }

    /// Pointer to the bottom of the value stack.
    #[inline(always)]
    pub(crate) fn stack_base(this: *mut Frame) -> *mut Slot {
        // SAFETY: `this` is a live frame; nlocalsplus slots precede the stack.
        unsafe { Frame::localsplus(this).add((*this).code().nlocalsplus as usize) }
    }

    /// The local slots (`localsplus`: arguments, locals, cells, free
    /// variables), read-only.
    pub fn locals(&self) -> &[Slot] {
        let n = self.code().nlocalsplus as usize;
        // SAFETY: a frame is allocated with `nlocalsplus` initialised slots
        // right after its header (see `FrameArena::push`), and they live
        // as long as the frame.
        unsafe {
            std::slice::from_raw_parts(
                (self as *const Frame as *const u8).add(size_of::<Frame>()) as *const Slot,
                n,
            )
        }
    }

    /// Pointer to the first code unit.
    #[inline(always)]
    pub fn first_instr(&self) -> *const CodeUnit {
        self.code().code.as_ptr()
    }

    /// Index of the instruction at `ip` in this frame's code.
    #[inline(always)]
    pub fn offset_of(&self, ip: *const CodeUnit) -> usize {
        (ip as usize - self.first_instr() as usize) / size_of::<CodeUnit>()
    }
}

/// The per-thread frame arena (CPython's `_PyStackChunk` list).
pub struct FrameArena {
    chunks: Vec<Box<[MaybeUninit<usize>]>>,
    /// Chunk in use.
    current: usize,
    /// First free word in the current chunk.
    top: usize,
    /// `top` of each earlier chunk, saved when moving past it.
    saved_tops: Vec<usize>,
}

impl Default for FrameArena {
    fn default() -> Self {
        FrameArena {
            chunks: vec![new_chunk(CHUNK_WORDS)],
            current: 0,
            top: 0,
            saved_tops: Vec::new(),
        }
    }
}

fn new_chunk(words: usize) -> Box<[MaybeUninit<usize>]> {
    let mut v = Vec::with_capacity(words);
    v.resize_with(words, MaybeUninit::uninit);
    v.into_boxed_slice()
}

impl FrameArena {
    /// Reserves `words` words for a frame.
    #[inline]
    fn alloc(&mut self, words: usize) -> *mut usize {
        if self.top + words > self.chunks[self.current].len() {
            self.grow(words);
        }
        let p = self.chunks[self.current][self.top..].as_mut_ptr() as *mut usize;
        self.top += words;
        p
    }

    #[cold]
    fn grow(&mut self, words: usize) {
        self.saved_tops.push(self.top);
        self.current += 1;
        self.top = 0;
        if self.current == self.chunks.len() {
            self.chunks.push(new_chunk(words.max(CHUNK_WORDS)));
        } else if self.chunks[self.current].len() < words {
            self.chunks[self.current] = new_chunk(words.max(CHUNK_WORDS));
        }
    }

    /// Releases the space of the newest frame, which starts at `p`,
    /// without dropping anything (its contents were moved out).
    pub(crate) fn release(&mut self, p: *mut usize) {
        self.free(p)
    }

    /// Releases the allocation that starts at `p` and everything above it.
    ///
    /// Frames are freed newest first, with one exception: a frame run from
    /// Rust (`Vm::run_frame`) is pushed before its shim and returns, so is
    /// freed, while the shim above it is still live; the shim's own release
    /// then must not raise `top` again. So the arena only ever shrinks here,
    /// to the lowest address released, across chunks if need be.
    #[inline]
    fn free(&mut self, p: *mut usize) {
        let a = p as usize;
        loop {
            let chunk = &self.chunks[self.current];
            let base = chunk.as_ptr() as usize;
            if a >= base && a < base + chunk.len() * size_of::<usize>() {
                let off = (a - base) / size_of::<usize>();
                if off == 0 && self.current > 0 {
                    self.current -= 1;
                    self.top = self.saved_tops.pop().unwrap_or(0);
                } else {
                    self.top = self.top.min(off);
                }
                return;
            }
            // `p` is in an earlier chunk (this chunk is then free), or in
            // a later one (already released).
            let earlier = self.chunks[..self.current].iter().any(|c| {
                let b = c.as_ptr() as usize;
                a >= b && a < b + c.len() * size_of::<usize>()
            });
            if !earlier {
                return;
            }
            self.current -= 1;
            self.top = self.saved_tops.pop().unwrap_or(0);
        }
    }

    /// Pushes a frame for `code` with all locals unbound and an empty stack
    /// (`_PyFrame_Initialize`). `code` must be a CodeObject.
    #[allow(clippy::too_many_arguments)] // the fields of `_PyFrame_Initialize`
    pub fn push(
        &mut self,
        code: Obj,
        func: Option<Obj>,
        globals: Obj,
        builtins: Obj,
        locals: Option<Obj>,
        previous: *mut Frame,
        owner: FrameOwner,
    ) -> *mut Frame {
        let c = crate::objects::code::code_obj(&code);
        let nlocals = c.nlocalsplus as usize;
        let words = FRAME_HEADER_WORDS + c.framesize as usize;
        let first = c.code.as_ptr();
        let p = self.alloc(words) as *mut Frame;
        // SAFETY: `p` points to `words` fresh words of this arena, enough for
        // the header and `framesize` slots; every field and local slot is
        // initialised here before the pointer is used.
        unsafe {
            let locals_ptr = Frame::localsplus(p);
            for i in 0..nlocals {
                std::ptr::write(locals_ptr.add(i), None);
            }
            std::ptr::write(
                p,
                Frame {
                    code,
                    func,
                    globals,
                    builtins,
                    locals,
                    previous,
                    instr_ptr: first,
                    stack_pointer: locals_ptr.add(nlocals),
                    frame_obj: None,
                    return_offset: 0,
                    owner,
                    generator: std::ptr::null(),
                },
            );
        }
        p
    }

    /// Drops everything a frame holds and frees it (`_PyFrame_ClearExceptCode`
    /// plus the pop). The value stack is cleared up to `sp`.
    ///
    /// # Safety
    /// `f` must be the most recently pushed live frame and `sp` its current
    /// stack pointer (within its stack).
    pub unsafe fn pop(&mut self, f: *mut Frame, sp: *mut Slot) {
        // SAFETY: guaranteed by the caller: `f` is live, its locals are
        // initialised and `sp` bounds the initialised part of its stack. The
        // arena space is released only after every drop has run, so frames
        // pushed by `__del__` methods during the drops land above this one.
        unsafe {
            let base = Frame::localsplus(f);
            let n = (sp as usize - base as usize) / size_of::<Slot>();
            for i in 0..n {
                std::ptr::drop_in_place(base.add(i));
            }
            std::ptr::drop_in_place(f);
            self.free(f as *mut usize);
        }
    }
}

impl crate::vm::Vm {
    /// The innermost running Python frame (the caller of a builtin), if
    /// any; the shim frames between runs of the eval loop are skipped.
    pub fn current_python_frame(&self) -> Option<&Frame> {
        let f = self.current_frame;
        if f.is_null() {
            return None;
        }
        // SAFETY: `current_frame` is maintained to be the live innermost
        // frame, and frames outlive the borrow of the interpreter.
        let frame = unsafe { &*f };
        (frame.owner != FrameOwner::Interpreter).then_some(frame)
    }
}
