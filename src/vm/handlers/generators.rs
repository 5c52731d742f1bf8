//! Generators and coroutines: RETURN_GENERATOR, YIELD_VALUE, SEND,
//! END_SEND, GET_YIELD_FROM_ITER, CLEANUP_THROW, and the inline resumption
//! FOR_ITER and SEND use for generators.
//!
//! A generator's frame lives in the generator object (see `gen_frame`).
//! Resuming it from Python code links that frame below the running one and
//! carries on in the same run of the loop, as CPython's FOR_ITER_GEN and
//! SEND_GEN do; yielding unlinks it and resumes the caller one instruction
//! (plus SEND's cache, which FOR_ITER's equals) after the instruction that
//! resumed it. Neither recurses on the Rust stack.

use crate::objects::code::co_flags;
use crate::objects::exceptions::STOP_ITERATION;
use crate::objects::function::FUNCTION_TYPE;
use crate::objects::generator::{
    COROUTINE_TYPE, GENERATOR_TYPE, GenObject, GenState, gen_obj, gen_of_frame, new_generator,
    stop_iteration_value,
};
use crate::objects::{Obj, PyErr};
use crate::vm::frame::FrameOwner;
use crate::vm::gen_frame::GenFrame;
use crate::vm::handlers::caches;
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult, Raise};

/// RETURN_GENERATOR: moves the running frame into a new generator, which
/// it returns to the caller in place of running the body.
#[inline(always)]
pub fn return_generator(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let frame = r.frame;
    if r.frame().owner != FrameOwner::Thread {
        return Err(misplaced(st, "RETURN_GENERATOR", "a generator's own frame"));
    }
    // SAFETY: `frame` is the live running frame and on the arena (checked
    // above), so the newest arena frame: anything pushed after it has been
    // popped. `r.sp` is its stack top. After the move nothing refers to its
    // arena space: the caller is found through the saved `previous`.
    let g = unsafe {
        let caller = (*frame).previous;
        (*frame).instr_ptr = r.ip.add(1);
        let code = (*frame).code.clone();
        let (name, qualname) = match &(*frame).func {
            Some(f) if std::ptr::eq(f.class(), &FUNCTION_TYPE) => {
                let fo = crate::objects::function::func_obj(f);
                (
                    fo.name.get().unwrap_or_else(Obj::none),
                    fo.qualname.get().unwrap_or_else(Obj::none),
                )
            }
            _ => {
                let c = crate::objects::code::code_obj(&code);
                (c.name.clone(), c.qualname.clone())
            }
        };
        let owned = GenFrame::take_from_arena(&mut st.vm.frames, frame, r.sp, std::ptr::null());
        let g = new_generator(owned, code, name, qualname);
        st.vm.py_depth -= 1;
        st.vm.current_frame = caller;
        r.frame = caller;
        r.ip = (*caller).instr_ptr.add((*caller).return_offset as usize);
        r.sp = (*caller).stack_pointer;
        g
    };
    r.push(g);
    Ok(Control::Next)
}

/// YIELD_VALUE: suspends the generator and hands the value to whoever
/// resumed it; `oparg` is 1 inside `yield from`/`await`.
#[inline(always)]
pub fn yield_value(st: &mut EvalState, r: &mut Regs) -> OpResult {
    if r.frame().owner != FrameOwner::Generator {
        return Err(misplaced(st, "YIELD_VALUE", "a frame no generator owns"));
    }
    let value = r.pop();
    let frame = r.frame;
    // SAFETY: `frame` is a live generator-owned frame (checked above), so
    // its `generator` is set and its `previous` is the live frame that
    // resumed it.
    unsafe {
        let genr = gen_of_frame(&*frame);
        (*frame).instr_ptr = r.ip.add(1);
        (*frame).stack_pointer = r.sp;
        genr.state.set(if r.oparg != 0 {
            GenState::SuspendedYieldFrom
        } else {
            GenState::Suspended
        });
        genr.exc_state.set(st.vm.exc_stack.pop().flatten());
        st.vm.py_depth -= 1;
        let caller = (*frame).previous;
        (*frame).previous = std::ptr::null_mut();
        st.vm.current_frame = caller;
        r.frame = caller;
        r.ip = (*caller).instr_ptr.add(1 + caches::SEND);
        r.sp = (*caller).stack_pointer;
    }
    r.push(value);
    Ok(Control::Next)
}

/// Malformed bytecode: a generator opcode where no generator can be.
#[cold]
fn misplaced(st: &mut EvalState, op: &str, place: &str) -> Raise {
    st.vm
        .system_error(format!("{op} executed in {place}"))
        .into()
}

/// Whether `o` is a generator or coroutine the loop can resume inline:
/// exactly one of those types, and not running or finished.
#[inline(always)]
pub(crate) fn resumable_inline(o: &Obj) -> Option<&GenObject> {
    let cls = o.class();
    if !std::ptr::eq(cls, &GENERATOR_TYPE) && !std::ptr::eq(cls, &COROUTINE_TYPE) {
        return None;
    }
    let genr = gen_obj(o)?;
    matches!(
        genr.state.get(),
        GenState::Created | GenState::Suspended | GenState::SuspendedYieldFrom
    )
    .then_some(genr)
}

/// Links `genr`'s frame below the running one with `value` sent in and
/// switches the registers to it (`_PUSH_FRAME` after FOR_ITER_GEN's or
/// SEND_GEN's set-up). The caller resumes `return_offset` units after
/// its current instruction when the generator returns.
#[inline(always)]
pub(crate) fn enter_generator(
    st: &mut EvalState,
    r: &mut Regs,
    genr: &GenObject,
    value: Obj,
    return_offset: u16,
) -> Result<(), Raise> {
    st.vm.enter_frame_checks()?;
    let caller = r.frame;
    let gf = genr.frame.frame();
    // SAFETY: `caller` is the running frame; `genr` is suspended or newly
    // created (checked by `resumable_inline`), so its frame is live and not
    // linked anywhere.
    unsafe {
        (*caller).instr_ptr = r.ip;
        (*caller).return_offset = return_offset;
        (*caller).stack_pointer = r.sp;
        genr.frame.push(Some(value));
        genr.state.set(GenState::Executing);
        st.vm.exc_stack.push(genr.exc_state.take());
        (*gf).previous = caller;
        st.vm.current_frame = gf;
        r.frame = gf;
        r.ip = (*gf).instr_ptr;
        r.sp = (*gf).stack_pointer;
    }
    Ok(())
}

/// SEND: `(receiver, v -- receiver, retval)`. Resumes a generator or
/// coroutine inline; otherwise calls `__next__` (when `v` is None) or
/// `send`. When the receiver finishes, jumps by oparg to END_SEND with its
/// return value.
#[inline(always)]
pub fn send(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let receiver = r.peek(2).clone();
    if let Some(genr) = resumable_inline(&receiver) {
        let v = r.pop();
        let return_offset = (1 + caches::SEND + r.oparg as usize) as u16;
        enter_generator(st, r, genr, v, return_offset)?;
        return Ok(Control::Next);
    }
    send_generic(st, r, &receiver)
}

#[inline(never)]
fn send_generic(st: &mut EvalState, r: &mut Regs, receiver: &Obj) -> OpResult {
    let v = r.pop();
    let iternext = receiver.class().slots.tp_iternext.get();
    let outcome = if let Some(next) = iternext.filter(|_| v.is_none()) {
        next(st.vm, receiver)
    } else {
        let meth = st.vm.intern("send");
        st.vm.call_method(receiver, &meth, &[v]).map(Some)
    };
    match outcome {
        Ok(Some(x)) => {
            r.push(x);
            r.skip(caches::SEND);
        }
        Ok(None) => {
            r.push(Obj::none());
            r.jump_forward(caches::SEND, r.oparg as usize);
        }
        Err(e) if e.value().class().is_subtype(&STOP_ITERATION) => {
            r.push(stop_iteration_value(&e));
            r.jump_forward(caches::SEND, r.oparg as usize);
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Control::Next)
}

/// END_SEND: `(receiver, value -- value)`.
#[inline(always)]
pub fn end_send(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let value = r.pop();
    drop(r.pop());
    r.push(value);
    r.skip(0);
    Ok(Control::Next)
}

/// GET_YIELD_FROM_ITER: generators delegate to themselves; a coroutine
/// only inside a coroutine (or a `types.coroutine` generator); anything
/// else through `iter()`.
#[inline(always)]
pub fn get_yield_from_iter(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let cls = r.peek(1).class();
    if std::ptr::eq(cls, &COROUTINE_TYPE) {
        let flags = r.code().flags;
        if flags & (co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE) == 0 {
            return Err(st
                .vm
                .type_error("cannot 'yield from' a coroutine object in a non-coroutine generator")
                .into());
        }
    } else if !std::ptr::eq(cls, &GENERATOR_TYPE) {
        let iterable = r.pop();
        let it = st.vm.get_iter(&iterable)?;
        r.push(it);
    }
    r.skip(0);
    Ok(Control::Next)
}

/// CLEANUP_THROW: `(sub_iter, last_sent_val, exc -- None, value)`: a
/// StopIteration thrown out of the delegate ends the `yield from` with its
/// value; anything else is re-raised.
#[inline(always)]
pub fn cleanup_throw(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let exc = r.pop();
    if !exc.class().is_subtype(&STOP_ITERATION) {
        return Err(Raise {
            err: PyErr::reraise(exc),
            traceback: false,
            lasti: None,
        });
    }
    let value = crate::objects::exceptions::exc(&exc).fields[0]
        .get()
        .unwrap_or_else(Obj::none);
    r.drop_n(2);
    r.push(Obj::none());
    r.push(value);
    r.skip(0);
    Ok(Control::Next)
}

/// INTRINSIC_STOPITERATION_ERROR (PEP 479): a StopIteration (or, in an
/// async generator, StopAsyncIteration) escaping a generator's body becomes
/// a RuntimeError caused by it (`stopiteration_error`).
#[cold]
pub(crate) fn stopiteration_error(
    vm: &mut crate::objects::Vm,
    exc: Obj,
) -> crate::objects::PyResult<Obj> {
    use crate::objects::exceptions::{self as x, RUNTIME_ERROR, STOP_ASYNC_ITERATION};
    let flags = vm.current_python_frame().map_or(0, |f| f.code().flags);
    let is_async_gen = flags & co_flags::ASYNC_GENERATOR != 0;
    let msg = if exc.class().is_subtype(&STOP_ITERATION) {
        if is_async_gen {
            "async generator raised StopIteration"
        } else if flags & co_flags::COROUTINE != 0 {
            "coroutine raised StopIteration"
        } else {
            "generator raised StopIteration"
        }
    } else if is_async_gen && exc.class().is_subtype(&STOP_ASYNC_ITERATION) {
        "async generator raised StopAsyncIteration"
    } else {
        return Ok(exc);
    };
    let error = vm.new_exception_msg(&RUNTIME_ERROR, msg).into_value();
    let e = x::exc(&error);
    e.cause.set(Some(exc.clone()));
    e.suppress_context.set(true);
    e.context.set(Some(exc));
    Ok(error)
}

/// GET_AWAITABLE: `(iterable -- iter)`, the iterator `await` drives.
#[inline(always)]
pub fn get_awaitable(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let o = r.pop();
    let it = crate::objects::async_gen::get_awaitable(st.vm, &o, r.oparg)?;
    r.push(it);
    r.skip(0);
    Ok(Control::Next)
}

/// GET_AITER: `(obj -- iter)`: `obj.__aiter__()`, which must have
/// `__anext__`.
#[inline(always)]
pub fn get_aiter(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let o = r.pop();
    let Some(aiter) = st.vm.lookup_special(&o, "__aiter__") else {
        return Err(st
            .vm
            .type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                o.class().name()
            ))
            .into());
    };
    let it = st.vm.call(&aiter, &[], None)?;
    let anext = st.vm.intern("__anext__");
    if st.vm.type_lookup(it.class(), &anext).is_none() {
        return Err(st
            .vm
            .type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                it.class().name()
            ))
            .into());
    }
    r.push(it);
    r.skip(0);
    Ok(Control::Next)
}

/// GET_ANEXT: `(aiter -- aiter, awaitable)` (`_PyEval_GetANext`).
#[inline(always)]
pub fn get_anext(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let aiter = r.peek(1).clone();
    let Some(anext) = st.vm.lookup_special(&aiter, "__anext__") else {
        return Err(st
            .vm
            .type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                aiter.class().name()
            ))
            .into());
    };
    let next = st.vm.call(&anext, &[], None)?;
    let awaitable = if std::ptr::eq(
        aiter.class(),
        &crate::objects::generator::ASYNC_GENERATOR_TYPE,
    ) {
        next
    } else {
        match crate::objects::async_gen::awaitable_iter(st.vm, &next) {
            Ok(a) => a,
            Err(cause) => {
                let e = st.vm.type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    next.class().name()
                ));
                crate::objects::exceptions::exc(e.value())
                    .cause
                    .set(Some(cause.into_value()));
                crate::objects::exceptions::exc(e.value())
                    .suppress_context
                    .set(true);
                return Err(e.into());
            }
        }
    };
    r.push(awaitable);
    r.skip(0);
    Ok(Control::Next)
}

/// END_ASYNC_FOR: `(awaitable, exc --)`: StopAsyncIteration ends the
/// loop; anything else is re-raised.
#[inline(always)]
pub fn end_async_for(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let exc = r.pop();
    if !exc
        .class()
        .is_subtype(&crate::objects::exceptions::STOP_ASYNC_ITERATION)
    {
        return Err(Raise {
            err: PyErr::reraise(exc),
            traceback: false,
            lasti: None,
        });
    }
    drop(r.pop());
    r.skip(0);
    Ok(Control::Next)
}
