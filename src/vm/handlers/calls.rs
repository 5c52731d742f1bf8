//! Calls: CALL, CALL_KW and CALL_FUNCTION_EX. Calls of Python functions
//! push a frame and continue in the same loop (CPython's
//! DISPATCH_INLINED); everything else goes through `tp_call`.

use crate::objects::dict::{dict_obj, is_dict};
use crate::objects::function::{FUNCTION_TYPE, MethodObject};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::{Obj, PyResult};
use crate::vm::frame::Slot;
use crate::vm::handlers::caches;
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// Replaces a bound method in the callable slot by its function, putting
/// `self` in the NULL slot below the arguments (as CALL does in 3.14).
#[inline(always)]
fn unpack_bound_method(r: &mut Regs, nargs: usize) {
    if r.peek_slot(nargs + 1).is_none()
        && let Some(m) = r.peek(nargs + 2).downcast_exact::<MethodObject>()
    {
        let (f, s) = (m.func.clone(), m.self_.clone());
        let old = r.peek_slot_mut(nargs + 2).replace(f);
        *r.peek_slot_mut(nargs + 1) = Some(s);
        drop(old);
    }
}

/// Enters a Python function: binds the top `total` slots (plus kwnames),
/// pops the call's inputs (`total + 2` slots below), saves the caller's
/// position and switches the registers to the new frame.
#[inline(always)]
fn enter_python(
    st: &mut EvalState,
    r: &mut Regs,
    callable: &Obj,
    total: usize,
    inputs: usize,
    kwnames: Option<&Obj>,
    return_offset: u16,
) -> OpResult {
    let caller = r.frame;
    // SAFETY: `caller` is the live running frame.
    unsafe {
        (*caller).instr_ptr = r.ip;
        (*caller).return_offset = return_offset;
    }
    let bound = st
        .vm
        .push_function_frame(callable, r.top_slots_mut(total), kwnames, caller);
    r.drop_n(inputs);
    let new = bound?;
    // SAFETY: as above; the caller's stack is complete again.
    unsafe { (*caller).stack_pointer = r.sp };
    if let Err(e) = st.vm.enter_frame_checks() {
        // SAFETY: `new` is the newest frame and has an empty stack.
        unsafe {
            let sp = (*new).stack_pointer;
            st.vm.frames.pop(new, sp);
        }
        return Err(e.into());
    }
    st.vm.current_frame = new;
    // SAFETY: `new` is live; its code is non-empty (verified).
    unsafe {
        r.frame = new;
        r.ip = (*new).first_instr();
        r.sp = (*new).stack_pointer;
    }
    Ok(Control::Next)
}

/// Calls a non-Python callable with the top `total` values.
#[inline(always)]
fn call_native(
    st: &mut EvalState,
    r: &mut Regs,
    callable: &Obj,
    total: usize,
    kwnames: Option<&Obj>,
) -> PyResult<Obj> {
    // SAFETY: `r.frame` is the live running frame.
    unsafe { (*r.frame).instr_ptr = r.ip };
    // Finalizers of objects freed since the last native call run before
    // this one, which is where a program's output happens.
    if crate::objects::finalize::pending() {
        st.vm.run_finalizers();
    }
    match r.top_values(total) {
        Some(args) => st.vm.call(callable, args, kwnames),
        None => {
            let args: Vec<Obj> = r
                .top_slots(total)
                .iter()
                .map(|s| s.clone().unwrap_or_else(crate::vm::null_value))
                .collect();
            st.vm.call(callable, &args, kwnames)
        }
    }
}

/// CALL: `(callable, self_or_null, args[oparg] -- res)`.
#[inline(always)]
pub fn call(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let n = r.oparg as usize;
    unpack_bound_method(r, n);
    let total = n + usize::from(r.peek_slot(n + 1).is_some());
    let callable = r.peek(n + 2).clone();
    if std::ptr::eq(callable.class(), &FUNCTION_TYPE) {
        return enter_python(
            st,
            r,
            &callable,
            total,
            n + 2,
            None,
            1 + caches::CALL as u16,
        );
    }
    let res = call_native(st, r, &callable, total, None);
    r.drop_n(n + 2);
    r.push(res?);
    r.skip(caches::CALL);
    Ok(Control::Next)
}

/// CALL_KW: `(callable, self_or_null, args[oparg], kwnames -- res)`.
#[inline(always)]
pub fn call_kw(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let kwnames = r.pop();
    let n = r.oparg as usize;
    unpack_bound_method(r, n);
    let total = n + usize::from(r.peek_slot(n + 1).is_some());
    let callable = r.peek(n + 2).clone();
    if tuple_items(&kwnames).is_none() {
        r.drop_n(n + 2);
        return Err(st.vm.system_error("CALL_KW: kwnames is not a tuple").into());
    }
    if std::ptr::eq(callable.class(), &FUNCTION_TYPE) {
        return enter_python(
            st,
            r,
            &callable,
            total,
            n + 2,
            Some(&kwnames),
            1 + caches::CALL_KW as u16,
        );
    }
    let res = call_native(st, r, &callable, total, Some(&kwnames));
    r.drop_n(n + 2);
    r.push(res?);
    r.skip(caches::CALL_KW);
    Ok(Control::Next)
}

/// CALL_FUNCTION_EX: `(func, self_or_null, callargs, kwargs_or_null -- res)`,
/// for `f(*args, **kwargs)`.
#[inline(always)]
pub fn call_function_ex(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let kwargs = r.pop_slot();
    let callargs = r.pop();
    let self_or_null = r.pop_slot();
    let func = r.pop();
    let mut positional: Vec<Obj> = Vec::new();
    positional.extend(self_or_null);
    match tuple_items(&callargs) {
        Some(items) => positional.extend_from_slice(items),
        None => {
            let t = callargs.class();
            if t.slots.tp_iter.get().is_none() && t.slots.mp_subscript.get().is_none() {
                let fs = super::build::function_str(st.vm, &func);
                return Err(st
                    .vm
                    .type_error(format!(
                        "{fs} argument after * must be an iterable, not {}",
                        t.name()
                    ))
                    .into());
            }
            positional.extend(st.vm.collect(&callargs)?);
        }
    }
    let kwargs = kwargs.filter(|k| !k.is_none());
    if let Some(k) = &kwargs
        && !is_dict(k)
    {
        return Err(st
            .vm
            .system_error("CALL_FUNCTION_EX: kwargs is not a dict")
            .into());
    }
    if std::ptr::eq(func.class(), &FUNCTION_TYPE) {
        let mut slots: Vec<Slot> = positional.into_iter().map(Some).collect();
        let mut names = Vec::new();
        if let Some(k) = &kwargs {
            for (key, v) in dict_obj(k).items() {
                if key.downcast::<crate::objects::str::StrObject>().is_none() {
                    return Err(st.vm.type_error("keywords must be strings").into());
                }
                names.push(key);
                slots.push(Some(v));
            }
        }
        let kwnames = if names.is_empty() {
            None
        } else {
            Some(new_tuple(names))
        };
        let caller = r.frame;
        // SAFETY: `caller` is the live running frame.
        unsafe {
            (*caller).instr_ptr = r.ip;
            (*caller).return_offset = 1;
            (*caller).stack_pointer = r.sp;
        }
        let new = st
            .vm
            .push_function_frame(&func, &mut slots, kwnames.as_ref(), caller)?;
        if let Err(e) = st.vm.enter_frame_checks() {
            // SAFETY: `new` is the newest frame and has an empty stack.
            unsafe {
                let sp = (*new).stack_pointer;
                st.vm.frames.pop(new, sp);
            }
            return Err(e.into());
        }
        st.vm.current_frame = new;
        // SAFETY: `new` is live; its code is non-empty.
        unsafe {
            r.frame = new;
            r.ip = (*new).first_instr();
            r.sp = (*new).stack_pointer;
        }
        return Ok(Control::Next);
    }
    // SAFETY: `r.frame` is the live running frame.
    unsafe { (*r.frame).instr_ptr = r.ip };
    let res = st.vm.call_with_kwargs(&func, positional, kwargs.as_ref())?;
    r.push(res);
    r.skip(0);
    Ok(Control::Next)
}

/// EXIT_INIT_CHECK: `__init__` must return None.
#[inline(always)]
pub fn exit_init_check(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    if !v.is_none() {
        return Err(st
            .vm
            .type_error(format!(
                "__init__() should return None, not '{}'",
                v.class().name()
            ))
            .into());
    }
    r.skip(0);
    Ok(Control::Next)
}
