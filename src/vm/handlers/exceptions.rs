//! Raising and handling: RAISE_VARARGS, RERAISE, PUSH_EXC_INFO,
//! POP_EXCEPT, CHECK_EXC_MATCH, CHECK_EG_MATCH.

use crate::objects::exceptions::{self as exc, is_exception, is_exception_type};
use crate::objects::int::int_ref;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::as_type;
use crate::objects::{Obj, PyErr, PyResult, Vm, bool_};
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult, Raise};

impl Vm {
    /// `PyErr_GivenExceptionMatches`: class matching by MRO (no
    /// `__subclasscheck__`), tuples of classes allowed.
    pub fn exception_matches(&mut self, err: &Obj, exc_type: &Obj) -> PyResult<bool> {
        if let Some(items) = tuple_items(exc_type) {
            for t in items {
                if self.exception_matches(err, t)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let err_type = if is_exception(err) {
            err.class()
        } else {
            match as_type(err) {
                Some(t) => t,
                None => return Ok(err.is(exc_type)),
            }
        };
        match as_type(exc_type) {
            Some(t) if is_exception_type(exc_type) => Ok(err_type.is_subtype(t)),
            _ => Ok(err.is(exc_type)),
        }
    }
}

/// Instantiates an exception class for `raise Cls` / `from Cls`.
fn instantiate(vm: &mut Vm, cls: &Obj) -> PyResult<Obj> {
    let v = vm.call(cls, &[], None)?;
    if !is_exception(&v) {
        let a = vm.repr_string(cls)?;
        let b = vm.repr_string(&crate::objects::typeobject::type_as_obj(v.class()))?;
        return Err(vm.type_error(format!(
            "calling {a} should have returned an instance of BaseException, not {b}"
        )));
    }
    Ok(v)
}

/// `do_raise` for `raise exc [from cause]`: the exception to raise.
fn do_raise(vm: &mut Vm, e: Obj, cause: Option<Obj>) -> PyErr {
    let value = if is_exception_type(&e) {
        match instantiate(vm, &e) {
            Ok(v) => v,
            Err(err) => return err,
        }
    } else if is_exception(&e) {
        e
    } else {
        return vm.type_error("exceptions must derive from BaseException");
    };
    if let Some(c) = cause {
        let fixed = if is_exception_type(&c) {
            match instantiate(vm, &c) {
                Ok(v) => Some(v),
                Err(err) => return err,
            }
        } else if is_exception(&c) {
            Some(c)
        } else if c.is_none() {
            None
        } else {
            return vm.type_error("exception causes must derive from BaseException");
        };
        let x = exc::exc(&value);
        x.cause.set(fixed);
        x.suppress_context.set(true);
    }
    vm.raise(value)
}

/// RAISE_VARARGS: 0 re-raises the handled exception, 1 raises, 2 raises
/// with a cause.
#[inline(always)]
pub fn raise_varargs(st: &mut EvalState, r: &mut Regs) -> OpResult {
    match r.oparg {
        0 => match st.vm.handled_exception() {
            Some(e) if !e.is_none() => Err(Raise {
                err: PyErr::reraise(e),
                traceback: false,
                lasti: None,
            }),
            _ => Err(st.vm.runtime_error("No active exception to reraise").into()),
        },
        1 => {
            let e = r.pop();
            Err(do_raise(st.vm, e, None).into())
        }
        2 => {
            let cause = r.pop();
            let e = r.pop();
            Err(do_raise(st.vm, e, Some(cause)).into())
        }
        _ => Err(st.vm.system_error("bad RAISE_VARARGS oparg").into()),
    }
}

/// RERAISE: `(values[oparg], exc -- values[oparg])`; with an oparg, the
/// first value is the `lasti` to restore.
#[inline(always)]
pub fn reraise(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let e = r.pop();
    let lasti = if r.oparg > 0 {
        int_ref(r.peek(r.oparg as usize))
            .and_then(|v| v.to_i64())
            .and_then(|v| usize::try_from(v).ok())
    } else {
        None
    };
    if !is_exception(&e) {
        return Err(st.vm.system_error("RERAISE of a non-exception").into());
    }
    Err(Raise {
        err: PyErr::reraise(e),
        traceback: false,
        lasti,
    })
}

/// PUSH_EXC_INFO: `(exc -- prev_exc, exc)`, making `exc` the handled one.
#[inline(always)]
pub fn push_exc_info(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let e = r.pop();
    let prev = st.vm.exc_top().replace(e.clone()).unwrap_or_else(Obj::none);
    r.push(prev);
    r.push(e);
    r.skip(0);
    Ok(Control::Next)
}

/// POP_EXCEPT: restores the previously handled exception.
#[inline(always)]
pub fn pop_except(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let old = if v.is_none() {
        st.vm.exc_top().take()
    } else {
        st.vm.exc_top().replace(v)
    };
    r.skip(0);
    drop(old);
    Ok(Control::Next)
}

const CANNOT_CATCH_MSG: &str =
    "catching classes that do not inherit from BaseException is not allowed";

/// `_PyEval_CheckExceptTypeValid`.
fn check_except_type(vm: &mut Vm, right: &Obj) -> PyResult<()> {
    let ok = match tuple_items(right) {
        Some(items) => items.iter().all(is_exception_type),
        None => is_exception_type(right),
    };
    if ok {
        Ok(())
    } else {
        Err(vm.type_error(CANNOT_CATCH_MSG))
    }
}

/// CHECK_EXC_MATCH: `(exc, type -- exc, matches)`.
#[inline(always)]
pub fn check_exc_match(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let right = r.pop();
    check_except_type(st.vm, &right)?;
    let left = r.peek(1).clone();
    let m = st.vm.exception_matches(&left, &right)?;
    r.push(bool_::new_bool(m));
    r.skip(0);
    Ok(Control::Next)
}

/// CHECK_EG_MATCH: `(exc, type -- rest, match)` for `except*`.
#[inline(always)]
pub fn check_eg_match(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let match_type = r.pop();
    let exc_value = r.pop();
    check_except_type(st.vm, &match_type)?;
    let is_group_type =
        |t: &Obj| as_type(t).is_some_and(|t| t.is_subtype(&exc::BASE_EXCEPTION_GROUP));
    let bad = match tuple_items(&match_type) {
        Some(items) => items.iter().any(is_group_type),
        None => is_group_type(&match_type),
    };
    if bad {
        return Err(st
            .vm
            .type_error("catching ExceptionGroup with except* is not allowed. Use except instead.")
            .into());
    }
    let (m, rest) = crate::vm::unwind::exception_group_match(st.vm, r, &exc_value, &match_type)?;
    if !m.is_none() {
        *st.vm.exc_top() = Some(m.clone());
    }
    r.push(rest);
    r.push(m);
    r.skip(0);
    Ok(Control::Next)
}
