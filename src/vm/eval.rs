//! Entering the eval loop (`_PyEval_EvalFrameDefault`'s prologue and the
//! shim frame) and the types handlers and backends share.

use crate::objects::code::CodeUnit;
use crate::objects::generator::{GenOutcome, GenState, gen_obj};
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
        crate::objects::gc::set_breaker(&self.eval_breaker);
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
    pub(crate) fn frames_push_shim(
        &mut self,
        code: Obj,
        globals: Obj,
        builtins: Obj,
        previous: *mut Frame,
    ) -> *mut Frame {
        let shim = self.frames.push(
            code,
            None,
            globals,
            builtins,
            None,
            previous,
            FrameOwner::Interpreter,
        );
        // SAFETY: just pushed; its code has four units (see `shim_code`).
        unsafe { (*shim).instr_ptr = (*shim).instr_ptr.add(1) };
        shim
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

/// Runs a generator's frame from Rust until it yields, returns or raises
/// (`gen_send_ex2` with `_PyEval_EvalFrame`): `value` is pushed as the
/// result of the `yield` it is suspended at, or `throw` is raised there.
/// The frame runs on a new run of the loop, below a shim frame.
pub(crate) fn run_generator(
    vm: &mut Vm,
    g: &Obj,
    value: Obj,
    throw: Option<PyErr>,
) -> PyResult<GenOutcome> {
    let genr = gen_obj(g).expect("run_generator on a non-generator");
    vm.enter_frame_checks()?;
    let frame = genr.frame.frame();
    genr.frame.push(Some(value));
    genr.state.set(GenState::Executing);
    let exc = genr.exc_state.take();
    vm.exc_stack.push(exc);
    let trampoline = vm.trampoline.clone();
    let globals = vm.builtins_dict.clone();
    let builtins = vm.builtins_dict.clone();
    let prev_current = vm.current_frame;
    let shim = vm.frames_push_shim(trampoline, globals, builtins, prev_current);
    if !vm.native_stack.is_set() {
        let size = vm.config.native_stack_size;
        vm.native_stack.set_base(size);
    }
    // SAFETY: the generator's frame is live and suspended (checked by
    // `gen_resume`), so its saved registers are valid; it is linked below
    // the shim for this run.
    let regs = unsafe {
        (*frame).previous = shim;
        Regs {
            ip: (*frame).instr_ptr,
            sp: (*frame).stack_pointer,
            frame,
            oparg: 0,
        }
    };
    vm.current_frame = frame;
    let mut st = EvalState {
        vm,
        regs,
        result: None,
        error: None,
        pending: None,
    };
    match throw {
        None => crate::vm::dispatch::run(&mut st, regs),
        Some(e) => {
            // Raised at the suspension point: the instruction before the
            // one the frame would resume at (its YIELD_VALUE, or
            // RETURN_GENERATOR for a generator that never ran).
            let mut at = regs;
            // SAFETY: a suspended frame's `instr_ptr` is past its first
            // instruction (RETURN_GENERATOR), so one unit back is in the code.
            at.ip = unsafe { at.ip.sub(1) };
            let raise = Raise {
                err: e,
                traceback: true,
                lasti: None,
            };
            if let Some(r) = crate::vm::unwind::handle_error(&mut st, at, raise) {
                crate::vm::dispatch::run(&mut st, r);
            }
        }
    }
    let (result, error) = (st.result.take(), st.error.take());
    // SAFETY: the shim is the newest live frame again: the generator's frame
    // yielded (unlinked) or finished (cleared in place).
    unsafe {
        let sp = (*shim).stack_pointer;
        vm.frames.pop(shim, sp);
    }
    vm.current_frame = prev_current;
    let finished = genr.state.get() == GenState::Completed;
    match (result, error) {
        (Some(v), _) if finished => Ok(GenOutcome::Returned(v)),
        (Some(v), _) => Ok(GenOutcome::Yielded(v)),
        (None, Some(e)) => Err(e),
        (None, None) => Err(vm.system_error("generator run ended without a result")),
    }
}
