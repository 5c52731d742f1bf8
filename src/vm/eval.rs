//! Entering the eval loop (`_PyEval_EvalFrameDefault`'s prologue and the
//! shim frame) and the types handlers and backends share.

use crate::objects::code::CodeUnit;
use crate::objects::{Obj, PyErr, PyResult};
use crate::vm::Vm;
use crate::vm::frame::{Frame, FrameOwner};
use crate::vm::regs::Regs;

/// What a handler tells the backend to do next.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Control {
    /// Dispatch the instruction at `ip`, decoding its argument.
    Next,
    /// Dispatch the instruction at `ip` with the argument already in
    /// `oparg` (after EXTENDED_ARG).
    NextWithOparg,
    /// INTERPRETER_EXIT ran: the result is in `EvalState::result`.
    Exit,
}

/// A raised exception on its way to the unwinder.
pub struct Raise {
    pub err: PyErr,
    /// Whether to add a traceback entry for the current frame (CPython's
    /// `error:` label); RERAISE and bare `raise` go straight to
    /// `exception_unwind:` without one.
    pub traceback: bool,
    /// The `lasti` a handler should see, when RERAISE restored an older one.
    pub lasti: Option<usize>,
}

impl From<PyErr> for Raise {
    #[inline]
    fn from(err: PyErr) -> Raise {
        Raise {
            err,
            traceback: true,
            lasti: None,
        }
    }
}

/// What a handler returns.
pub type OpResult = Result<Control, Raise>;

/// The state of one run of the eval loop.
pub struct EvalState<'a> {
    pub vm: &'a mut Vm,
    /// The registers, for the table backend (handlers get their own copy).
    pub regs: Regs,
    /// Set by INTERPRETER_EXIT.
    pub result: Option<Obj>,
    /// Set when an exception leaves the run.
    pub error: Option<PyErr>,
    /// A raise waiting for the tail-call backend's error entry.
    pub pending: Option<Raise>,
}

impl Vm {
    /// Runs `frame` (already pushed, arguments bound) to completion on a new
    /// run of the eval loop, below a shim frame (`_PyEval_EvalFrame`). The
    /// frame is popped whatever happens.
    pub(crate) fn run_frame(&mut self, frame: *mut Frame) -> PyResult<Obj> {
        let trampoline = self.trampoline.clone();
        let globals = self.builtins_dict.clone();
        let builtins = self.builtins_dict.clone();
        let prev_current = self.current_frame;
        let shim = self.frames_push_shim(trampoline, globals, builtins, prev_current);
        // SAFETY: `frame` was just pushed on this interpreter's arena above
        // the shim, and both stay live until popped below.
        unsafe {
            (*frame).previous = shim;
        }
        if !self.native_stack.is_set() {
            let size = self.config.native_stack_size;
            self.native_stack.set_base(size);
        }
        let result = match self.enter_frame_checks() {
            Err(e) => {
                // `_Py_EnterRecursivePy` failed: unwind the new frame.
                // SAFETY: `frame` is the newest live frame with an empty stack.
                unsafe {
                    let sp = (*frame).stack_pointer;
                    self.frames.pop(frame, sp);
                }
                Err(e)
            }
            Ok(()) => {
                self.current_frame = frame;
                // SAFETY: `frame` is live and its code non-empty (verified).
                let ip: *const CodeUnit = unsafe { (*frame).first_instr() };
                let regs = Regs {
                    ip,
                    sp: unsafe { (*frame).stack_pointer },
                    frame,
                    oparg: 0,
                };
                let mut st = EvalState {
                    vm: self,
                    regs,
                    result: None,
                    error: None,
                    pending: None,
                };
                crate::vm::dispatch::run(&mut st, regs);
                match (st.result.take(), st.error.take()) {
                    (Some(v), _) => Ok(v),
                    (None, Some(e)) => Err(e),
                    (None, None) => Err(self.system_error("eval loop ended without a result")),
                }
            }
        };
        // SAFETY: the shim is the newest live frame again (the loop popped
        // everything above it); its stack is empty after INTERPRETER_EXIT or
        // unwinding.
        unsafe {
            let sp = (*shim).stack_pointer;
            self.frames.pop(shim, sp);
        }
        self.current_frame = prev_current;
        result
    }

    /// Pushes the shim frame (owner Interpreter) whose code is a single
    /// INTERPRETER_EXIT.
    fn frames_push_shim(
        &mut self,
        code: Obj,
        globals: Obj,
        builtins: Obj,
        previous: *mut Frame,
    ) -> *mut Frame {
        self.frames.push(
            code,
            None,
            globals,
            builtins,
            None,
            previous,
            FrameOwner::Interpreter,
        )
    }

    /// `_Py_EnterRecursivePy` for a frame about to start.
    #[inline]
    pub(crate) fn enter_frame_checks(&mut self) -> PyResult<()> {
        if self.py_depth >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        self.py_depth += 1;
        Ok(())
    }

    #[cold]
    pub(crate) fn recursion_error(&mut self) -> PyErr {
        self.recursion_headroom = true;
        let e = self.new_exception_msg(
            &crate::objects::exceptions::RECURSION_ERROR,
            "maximum recursion depth exceeded",
        );
        self.recursion_headroom = false;
        e
    }
}
