//! The error path of the eval loop: the `error:`, `exception_unwind:` and
//! `exit_unwind:` labels of `_PyEval_EvalFrameDefault`, plus the pieces of
//! `except*` that need frames (`_PyEval_ExceptionGroupMatch`,
//! `_PyExc_PrepReraiseStar`).

use std::collections::HashSet;

use crate::objects::exceptions::families::{
    SplitCondition, group_exceptions, is_group, split_group,
};
use crate::objects::exceptions::{self as exc, EXCEPTION_GROUP};
use crate::objects::traceback::{new_frame_object, new_traceback};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::type_as_obj;
use crate::objects::{Obj, PyErr, PyResult, Vm, int};
use crate::vm::exception_table;
use crate::vm::frame::{Frame, FrameOwner, Slot};
use crate::vm::regs::Regs;
use crate::vm::{EvalState, Raise};

impl Vm {
    /// The frame object of an interpreter frame, made on first request and
    /// reused (`_PyFrame_GetFrameObject`), positioned at `lasti`.
    pub(crate) fn frame_object(&mut self, frame: *mut Frame, lasti: usize) -> Obj {
        // SAFETY: `frame` is a live frame of this interpreter.
        let f = unsafe { &mut *frame };
        if let Some(fo) = &f.frame_obj {
            if let Some(x) = fo.downcast::<crate::objects::traceback::FrameObject>() {
                x.lasti.set(lasti);
            }
            return fo.clone();
        }
        let locals = f.locals.clone();
        let fo = new_frame_object(
            f.code.clone(),
            f.globals.clone(),
            f.builtins.clone(),
            locals,
            lasti,
        );
        f.frame_obj = Some(fo.clone());
        fo
    }

    /// `PyTraceBack_Here`: prepends an entry for `frame` at `lasti`.
    pub(crate) fn add_traceback(&mut self, e: &Obj, frame: *mut Frame, lasti: usize) {
        let fo = self.frame_object(frame, lasti);
        let x = exc::exc(e);
        let next = x.traceback.take();
        x.traceback.set(Some(new_traceback(next, fo, lasti)));
    }

    /// Pops a frame; a frame object that outlives it (in a traceback) gets
    /// a snapshot of the frame's local variables first, as CPython's
    /// `take_ownership` gives it the frame's data.
    ///
    /// # Safety
    /// `frame` must be the newest live frame and `sp` its stack pointer.
    pub(crate) unsafe fn pop_frame(&mut self, frame: *mut Frame, sp: *mut Slot) {
        // SAFETY: guaranteed by the caller.
        unsafe {
            if (*frame).frame_obj.is_some() {
                self.snapshot_locals(frame);
            }
            if (*frame).owner == FrameOwner::Generator {
                self.finish_generator_frame(frame, sp);
                return;
            }
            self.frames.pop(frame, sp);
        }
    }

    /// A generator's frame returned or raised (`clear_gen_frame`): the
    /// generator is done, its handled-exception item leaves the stack and
    /// the frame's contents are dropped in the generator's memory.
    #[cold]
    unsafe fn finish_generator_frame(&mut self, frame: *mut Frame, sp: *mut Slot) {
        // SAFETY: a generator-owned frame points at its live generator
        // (see `gen_of_frame`); `sp` bounds its stack (the caller's
        // guarantee).
        unsafe {
            let genr = crate::objects::generator::gen_of_frame(&*frame);
            genr.state
                .set(crate::objects::generator::GenState::Completed);
            (*frame).previous = std::ptr::null_mut();
            let exc = self.exc_stack.pop();
            genr.frame.clear(sp);
            drop(exc);
        }
    }

    /// Copies the bound fast locals of `frame` into its frame object.
    fn snapshot_locals(&mut self, frame: *mut Frame) {
        // SAFETY: `frame` is live (see `pop_frame`).
        let f = unsafe { &*frame };
        let Some(fo) = f
            .frame_obj
            .as_ref()
            .and_then(|o| o.downcast::<crate::objects::traceback::FrameObject>())
        else {
            return;
        };
        if f.locals.is_some() {
            return;
        }
        let code = f.code();
        let d = crate::objects::dict::new_dict();
        let names = code.localsplusnames();
        for (i, name) in names.iter().enumerate() {
            // SAFETY: `i < nlocalsplus`, the frame's local slots.
            let slot = unsafe { &*Frame::localsplus(frame).add(i) };
            if let Some(v) = slot {
                let kind = code.localspluskinds.get(i).copied().unwrap_or(0);
                let v = if kind
                    & (crate::objects::code::fast_kind::CELL
                        | crate::objects::code::fast_kind::FREE)
                    != 0
                {
                    match crate::objects::cell::cell_obj(v).and_then(|c| c.contents.get()) {
                        Some(x) => x,
                        None => continue,
                    }
                } else {
                    v.clone()
                };
                crate::objects::dict::dict_obj(&d).set_str(name.clone(), v);
            }
        }
        fo.locals.set(Some(d));
    }
}

/// Handles an exception raised at `r`. Returns the registers of the handler
/// to continue at, or None when the exception leaves this run of the loop
/// (then `st.error` holds it).
#[cold]
#[inline(never)]
pub fn handle_error(st: &mut EvalState, mut r: Regs, raise: Raise) -> Option<Regs> {
    let Raise {
        err,
        mut traceback,
        lasti,
    } = raise;
    let mut e = err.into_value();
    let mut lasti_override = lasti;
    loop {
        let frame = r.frame;
        // SAFETY: `frame` is the live frame that raised (never the shim:
        // INTERPRETER_EXIT cannot fail).
        let (offset, handler) = unsafe {
            let f = &*frame;
            let offset = f.offset_of(r.ip);
            (
                offset,
                exception_table::lookup(&f.code().exceptiontable, offset),
            )
        };
        if traceback {
            st.vm.add_traceback(&e, frame, offset);
        }
        let level = r.stack_level();
        if let Some(h) = handler {
            if h.depth <= level {
                r.drop_n(level - h.depth);
                if h.lasti {
                    r.push(int::new_usize(lasti_override.unwrap_or(offset)));
                }
                r.push(e);
                // SAFETY: the verifier checked handler targets are
                // instructions of this code.
                r.ip = unsafe { (*frame).first_instr().add(h.target) };
                return Some(r);
            }
            // A malformed table: the handler expects a deeper stack.
            e = st
                .vm
                .system_error("exception table handler deeper than the stack")
                .into_value();
        }
        r.drop_n(level);
        if !exit_frame(st, &mut r, frame) {
            st.error = Some(PyErr::reraise(e));
            return None;
        }
        traceback = true;
        lasti_override = None;
    }
}

/// `exit_unwind`: pops `frame` and moves `r` to its caller; false when the
/// caller is the shim (the exception leaves the run).
fn exit_frame(st: &mut EvalState, r: &mut Regs, frame: *mut Frame) -> bool {
    // SAFETY: `frame` is the live newest frame with an empty stack; its
    // `previous` is live.
    unsafe {
        let caller = (*frame).previous;
        st.vm.py_depth -= 1;
        st.vm.pop_frame(frame, r.sp);
        st.vm.current_frame = caller;
        r.frame = caller;
        if (*caller).owner == FrameOwner::Interpreter {
            return false;
        }
        r.ip = (*caller).instr_ptr;
        r.sp = (*caller).stack_pointer;
    }
    true
}

/// `_PyEval_ExceptionGroupMatch`: splits `exc_value` by `match_type` for
/// `except*`; a plain exception that matches is wrapped in a group.
pub fn exception_group_match(
    vm: &mut Vm,
    r: &Regs,
    exc_value: &Obj,
    match_type: &Obj,
) -> PyResult<(Obj, Obj)> {
    if exc_value.is_none() {
        return Ok((Obj::none(), Obj::none()));
    }
    if vm.exception_matches(exc_value, match_type)? {
        if is_group(exc_value) {
            return Ok((exc_value.clone(), Obj::none()));
        }
        let msg = vm.new_str("");
        let excs = new_tuple(vec![exc_value.clone()]);
        let wrapped = vm.call(&type_as_obj(&EXCEPTION_GROUP), &[msg, excs], None)?;
        let offset = r.frame().offset_of(r.ip);
        let fo = vm.frame_object(r.frame, offset);
        exc::exc(&wrapped)
            .traceback
            .set(Some(new_traceback(None, fo, offset)));
        return Ok((wrapped, Obj::none()));
    }
    if is_group(exc_value) {
        let split = vm.intern("split");
        let pair = vm.call_method(exc_value, &split, std::slice::from_ref(match_type))?;
        let items = crate::objects::tuple::tuple_items(&pair)
            .map(|t| t.to_vec())
            .unwrap_or_default();
        if items.len() != 2 {
            return Err(vm.type_error(format!(
                "{}.split must return a 2-tuple, got tuple of size {}",
                exc_value.class().name(),
                items.len()
            )));
        }
        return Ok((items[0].clone(), items[1].clone()));
    }
    Ok((Obj::none(), exc_value.clone()))
}

/// Ids of the leaf exceptions of `e` (`collect_exception_group_leaf_ids`).
fn leaf_ids(e: &Obj, out: &mut HashSet<usize>) {
    if e.is_none() {
        return;
    }
    if is_group(e) {
        for sub in group_exceptions(e) {
            leaf_ids(&sub, out);
        }
    } else {
        out.insert(e.addr());
    }
}

/// `is_same_exception_metadata`: a re-raise keeps the original's notes,
/// traceback, cause and context objects.
fn same_metadata(vm: &mut Vm, a: &Obj, b: &Obj) -> bool {
    let (x, y) = (exc::exc(a), exc::exc(b));
    let same = |p: Option<Obj>, q: Option<Obj>| match (p, q) {
        (Some(p), Some(q)) => p.is(&q),
        (None, None) => true,
        _ => false,
    };
    let notes = vm.ids.__notes__.clone();
    let notes_of = |o: &crate::objects::exceptions::BaseExceptionObject| {
        o.dict
            .get()
            .and_then(|d| crate::objects::dict::dict_obj(&d).get_str(&notes))
    };
    same(notes_of(x), notes_of(y))
        && same(x.traceback.get(), y.traceback.get())
        && same(x.cause.get(), y.cause.get())
        && same(x.context.get(), y.context.get())
}

/// `_PyExc_PrepReraiseStar`: what leaves a `try/except*` after its
/// handlers ran: the re-raised parts of `orig` (with its structure) and
/// any newly raised exceptions.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Obj, excs: &Obj) -> PyResult<Obj> {
    let list = crate::objects::list::list_items(excs).unwrap_or_default();
    if list.is_empty() {
        return Ok(Obj::none());
    }
    if !is_group(orig) {
        return Ok(list[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in list {
        if e.is_none() {
            continue;
        }
        if same_metadata(vm, &e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let reraised_eg = if reraised.is_empty() {
        Obj::none()
    } else {
        let mut keep = HashSet::new();
        for e in &reraised {
            leaf_ids(e, &mut keep);
        }
        let (m, _) = split_group(vm, orig, &SplitCondition::InstanceIds(keep), false)?;
        m.unwrap_or_else(Obj::none)
    };
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    if raised.len() > 1 {
        let msg = vm.new_str("");
        let l = vm.new_list(raised);
        return vm.call(&type_as_obj(&EXCEPTION_GROUP), &[msg, l], None);
    }
    Ok(raised.remove(0))
}
