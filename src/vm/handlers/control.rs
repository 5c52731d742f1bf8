//! Control flow: RESUME, jumps, FOR_ITER, RETURN_VALUE, INTERPRETER_EXIT
//! and EXTENDED_ARG.

use crate::objects::Obj;
use crate::objects::bool_::FALSE;
use crate::objects::exceptions::STOP_ITERATION;
use crate::objects::generator::GENERATOR_TYPE;
use crate::vm::handlers::caches;
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// `(oparg & RESUME_OPARG_LOCATION_MASK) < RESUME_AFTER_YIELD_FROM`: every
/// RESUME but the one after a `yield from` polls the eval breaker.
const RESUME_AFTER_YIELD_FROM: u32 = 2;

/// Polls the eval breaker (`_CHECK_PERIODIC`).
#[inline(always)]
fn check_periodic(st: &mut EvalState) -> Result<(), crate::vm::Raise> {
    if st
        .vm
        .eval_breaker
        .load(std::sync::atomic::Ordering::Relaxed)
        != 0
    {
        st.vm.handle_eval_breaker()?;
    }
    Ok(())
}

#[inline(always)]
pub fn resume(st: &mut EvalState, r: &mut Regs) -> OpResult {
    if (r.oparg & 3) < RESUME_AFTER_YIELD_FROM {
        check_periodic(st)?;
    }
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn jump_forward(_: &mut EvalState, r: &mut Regs) -> OpResult {
    r.jump_forward(0, r.oparg as usize);
    Ok(Control::Next)
}

#[inline(always)]
pub fn jump_backward(st: &mut EvalState, r: &mut Regs) -> OpResult {
    check_periodic(st)?;
    r.jump_backward(caches::JUMP_BACKWARD, r.oparg as usize);
    Ok(Control::Next)
}

#[inline(always)]
pub fn jump_backward_no_interrupt(_: &mut EvalState, r: &mut Regs) -> OpResult {
    r.jump_backward(0, r.oparg as usize);
    Ok(Control::Next)
}

/// Pops the condition and jumps by oparg when `jump` says so.
#[inline(always)]
fn pop_jump(r: &mut Regs, jump: impl FnOnce(&crate::objects::Obj) -> bool) -> OpResult {
    let cond = r.pop_slot();
    let take = cond.as_ref().is_some_and(jump);
    drop(cond);
    if take {
        r.jump_forward(caches::POP_JUMP_IF, r.oparg as usize);
    } else {
        r.skip(caches::POP_JUMP_IF);
    }
    Ok(Control::Next)
}

/// POP_JUMP_IF_FALSE: the condition is a bool (TO_BOOL precedes it).
#[inline(always)]
pub fn pop_jump_if_false(_: &mut EvalState, r: &mut Regs) -> OpResult {
    pop_jump(r, |c| c.is_static(&FALSE))
}

#[inline(always)]
pub fn pop_jump_if_true(_: &mut EvalState, r: &mut Regs) -> OpResult {
    pop_jump(r, |c| c.is_true_obj())
}

#[inline(always)]
pub fn pop_jump_if_none(_: &mut EvalState, r: &mut Regs) -> OpResult {
    pop_jump(r, |c| c.is_none())
}

#[inline(always)]
pub fn pop_jump_if_not_none(_: &mut EvalState, r: &mut Regs) -> OpResult {
    pop_jump(r, |c| !c.is_none())
}

/// FOR_ITER: `(iter -- iter, next)`; when the iterator is exhausted, jumps
/// over the END_FOR at the target to the POP_ITER after it.
#[inline(always)]
pub fn for_iter(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let it = r.peek(1).clone();
    if std::ptr::eq(it.class(), &GENERATOR_TYPE)
        && let Some(genr) = super::generators::resumable_inline(&it)
    {
        // FOR_ITER_GEN: run the generator's frame in this loop; when it
        // returns, its value lands on the END_FOR at the target.
        let return_offset = (1 + caches::FOR_ITER + r.oparg as usize) as u16;
        super::generators::enter_generator(st, r, genr, Obj::none(), return_offset)?;
        return Ok(Control::Next);
    }
    match st.vm.iter_next(&it) {
        Ok(Some(v)) => {
            r.push(v);
            r.skip(caches::FOR_ITER);
        }
        Ok(None) => r.jump_forward(caches::FOR_ITER, r.oparg as usize + 1),
        Err(e) => {
            if !e.value().class().is_subtype(&STOP_ITERATION) {
                return Err(e.into());
            }
            r.jump_forward(caches::FOR_ITER, r.oparg as usize + 1);
        }
    }
    Ok(Control::Next)
}

/// RETURN_VALUE: pops the frame and pushes the value on the caller's
/// stack, resuming it after its call.
#[inline(always)]
pub fn return_value(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let retval = r.pop();
    debug_assert_eq!(r.stack_level(), 0, "RETURN_VALUE with a non-empty stack");
    let dying = r.frame;
    // SAFETY: `dying` is the live running frame; its `previous` is the live
    // caller (or the shim), whose saved registers are valid.
    unsafe {
        let caller = (*dying).previous;
        st.vm.py_depth -= 1;
        st.vm.pop_frame(dying, r.sp);
        st.vm.current_frame = caller;
        r.frame = caller;
        r.ip = (*caller).instr_ptr.add((*caller).return_offset as usize);
        r.sp = (*caller).stack_pointer;
    }
    r.push(retval);
    Ok(Control::Next)
}

/// INTERPRETER_EXIT: the code of the shim frame; ends this run of the loop.
#[inline(always)]
pub fn interpreter_exit(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    // SAFETY: `r.frame` is the shim; its stack is empty again.
    unsafe { (*r.frame).stack_pointer = r.sp };
    st.result = Some(v);
    Ok(Control::Exit)
}

/// EXTENDED_ARG: widens the next instruction's argument.
#[inline(always)]
pub fn extended_arg(_: &mut EvalState, r: &mut Regs) -> OpResult {
    r.skip(0);
    r.oparg = (r.oparg << 8) | r.this_unit().arg as u32;
    Ok(Control::NextWithOparg)
}
