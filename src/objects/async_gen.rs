//! The awaitable side of coroutines and async generators (CPython's
//! `Objects/genobject.c`): what `await` accepts (`_PyCoro_GetAwaitableIter`),
//! the value an async generator's `yield` wraps (ASYNC_GEN_WRAP), and the
//! awaitables `__anext__`/`asend`/`athrow`/`aclose` return, which drive
//! the generator one step each time they are awaited.

use std::cell::Cell;

use crate::objects::exceptions::{GENERATOR_EXIT, STOP_ASYNC_ITERATION, STOP_ITERATION};
use crate::objects::generator::{
    ASYNC_GENERATOR_TYPE, COROUTINE_TYPE, GenObject, GenOutcome, GenState, gen_obj,
};
use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{MethodDef, TypeObject};
use crate::objects::{Obj, PyErr, PyResult, Vm, args, object_type};

/// `_PyCoro_GetAwaitableIter`: the iterator `await o` drives. A coroutine
/// is its own; anything else needs an `__await__` returning an iterator
/// that is not a coroutine.
pub fn awaitable_iter(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    if is_coroutine_like(o) {
        return Ok(o.clone());
    }
    let Some(getter) = vm.lookup_special(o, "__await__") else {
        return Err(vm.type_error(format!("'{}' object can't be awaited", o.class().name())));
    };
    let res = vm.call(&getter, &[], None)?;
    if is_coroutine_like(&res) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    if res.class().slots.tp_iternext.get().is_none() {
        return Err(vm.type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            res.class().name()
        )));
    }
    Ok(res)
}

/// A coroutine, or a generator made awaitable by `types.coroutine`
/// (`gen_is_coroutine`).
fn is_coroutine_like(o: &Obj) -> bool {
    if std::ptr::eq(o.class(), &COROUTINE_TYPE) {
        return true;
    }
    gen_obj(o).is_some_and(|g| {
        crate::objects::code::code_obj(&g.code).flags
            & crate::objects::code::co_flags::ITERABLE_COROUTINE
            != 0
    })
}

/// `_PyEval_GetAwaitable`: GET_AWAITABLE's operand check, with the
/// messages for what `async with` got from `__aenter__` (oparg 1) or
/// `__aexit__` (oparg 2).
pub fn get_awaitable(vm: &mut Vm, o: &Obj, oparg: u32) -> PyResult<Obj> {
    let iter = match awaitable_iter(vm, o) {
        Ok(it) => it,
        Err(e) => {
            if vm.lookup_special(o, "__await__").is_none() && !is_coroutine_like(o) {
                let which = match oparg {
                    1 => Some("__aenter__"),
                    2 => Some("__aexit__"),
                    _ => None,
                };
                if let Some(which) = which {
                    return Err(vm.type_error(format!(
                        "'async with' received an object from {which} that does not implement __await__: {}",
                        o.class().name()
                    )));
                }
            }
            return Err(e);
        }
    };
    if std::ptr::eq(iter.class(), &COROUTINE_TYPE)
        && let Some(g) = gen_obj(&iter)
        && g.state.get() == GenState::SuspendedYieldFrom
        && g.frame.peek_top().is_some()
    {
        return Err(vm.runtime_error("coroutine is being awaited already"));
    }
    Ok(iter)
}

/// The value an async generator's `yield` produces
/// (`_PyAsyncGenWrappedValue`): it tells the awaitable driving the
/// generator that this is an item, not a value an inner `await` passes up.
#[repr(C)]
pub struct WrappedValue {
    pub ob: ObjHeader,
    pub value: Obj,
}
crate::py_layout!(WrappedValue, ASYNC_GEN_WRAPPED_VALUE_TYPE);

pub static ASYNC_GEN_WRAPPED_VALUE_TYPE: TypeObject = TypeObject::new_static(
    "async_generator_wrapped_value",
    &ASYNC_GEN_WRAPPED_VALUE_TYPE,
    TypeIndex::AsyncGenWrappedValue as u16,
    dealloc_box::<WrappedValue>,
)
.base(&object_type::OBJECT_TYPE)
.gc(wrapped_value_traverse, None);

/// INTRINSIC_ASYNC_GEN_WRAP.
pub fn wrap_value(v: Obj) -> Obj {
    Obj::alloc(WrappedValue {
        ob: ObjHeader::new(&ASYNC_GEN_WRAPPED_VALUE_TYPE),
        value: v,
    })
}

/// What an async generator step produced, as its awaitable reports it
/// (`async_gen_unwrap_value`): an item ends the awaitable with
/// StopIteration(item); a value an inner `await` yields passes through;
/// the generator's end is StopAsyncIteration.
fn unwrap_step(vm: &mut Vm, genr: &GenObject, step: PyResult<GenOutcome>) -> PyResult<Obj> {
    match step {
        Ok(GenOutcome::Yielded(v)) => match v.downcast::<WrappedValue>() {
            Some(w) => {
                genr.running_async.set(false);
                let item = w.value.clone();
                Err(vm.stop_iteration(Some(item)))
            }
            None => Ok(v),
        },
        Ok(GenOutcome::Returned(_)) => {
            genr.closed.set(true);
            genr.running_async.set(false);
            Err(vm.new_exception(&STOP_ASYNC_ITERATION, vec![]))
        }
        Err(e) => {
            let cls = e.value().class();
            if cls.is_subtype(&STOP_ASYNC_ITERATION) || cls.is_subtype(&GENERATOR_EXIT) {
                genr.closed.set(true);
            }
            genr.running_async.set(false);
            Err(e)
        }
    }
}

/// `AwaitableState`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step {
    Init,
    Iter,
    Closed,
}

/// The awaitable `__anext__()` and `asend(v)` return
/// (`async_generator_asend`).
#[repr(C)]
pub struct ASend {
    pub ob: ObjHeader,
    gen_: Obj,
    sendval: Obj,
    state: Cell<Step>,
}
crate::py_layout!(ASend, ASYNC_GEN_ASEND_TYPE);

pub static ASYNC_GEN_ASEND_TYPE: TypeObject = TypeObject::new_static(
    "async_generator_asend",
    &ASYNC_GEN_ASEND_TYPE,
    TypeIndex::AsyncGenASend as u16,
    dealloc_box::<ASend>,
)
.base(&object_type::OBJECT_TYPE)
.gc(asend_traverse, None)
.iter(object_type::self_iter)
.iternext(asend_iternext)
.methods(ASEND_METHODS);

/// The awaitable `athrow(...)` and `aclose()` return
/// (`async_generator_athrow`); `exc` is None for `aclose()`.
#[repr(C)]
pub struct AThrow {
    pub ob: ObjHeader,
    gen_: Obj,
    exc: Option<Vec<Obj>>,
    state: Cell<Step>,
}
crate::py_layout!(AThrow, ASYNC_GEN_ATHROW_TYPE);

pub static ASYNC_GEN_ATHROW_TYPE: TypeObject = TypeObject::new_static(
    "async_generator_athrow",
    &ASYNC_GEN_ATHROW_TYPE,
    TypeIndex::AsyncGenAThrow as u16,
    dealloc_box::<AThrow>,
)
.base(&object_type::OBJECT_TYPE)
.gc(athrow_traverse, None)
.iter(object_type::self_iter)
.iternext(athrow_iternext)
.methods(ATHROW_METHODS);

fn agen(o: &Obj) -> &GenObject {
    gen_obj(o).expect("async generator")
}

fn new_asend(g: &Obj, sendval: Obj) -> Obj {
    Obj::alloc(ASend {
        ob: ObjHeader::new(&ASYNC_GEN_ASEND_TYPE),
        gen_: g.clone(),
        sendval,
        state: Cell::new(Step::Init),
    })
}

/// `async_gen_asend_send`.
fn asend_send(vm: &mut Vm, o: &Obj, arg: Obj) -> PyResult<Obj> {
    let a = o.downcast::<ASend>().expect("asend");
    let genr = agen(&a.gen_);
    let mut arg = arg;
    match a.state.get() {
        Step::Closed => {
            return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        Step::Init => {
            if genr.running_async.get() {
                a.state.set(Step::Closed);
                return Err(vm.runtime_error("anext(): asynchronous generator is already running"));
            }
            if arg.is_none() {
                arg = a.sendval.clone();
            }
            a.state.set(Step::Iter);
        }
        Step::Iter => {}
    }
    genr.running_async.set(true);
    let step = vm.gen_resume(&a.gen_, arg, None);
    let res = unwrap_step(vm, genr, step);
    if res.is_err() {
        a.state.set(Step::Closed);
    }
    res
}

fn asend_iternext(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    asend_send(vm, o, Obj::none()).map(Some)
}

fn asend_send_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "send", &a[1..], kw)?.clone();
    asend_send(vm, &a[0], v)
}

/// `async_gen_asend_throw`.
fn asend_throw_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let this = a[0].downcast::<ASend>().expect("asend");
    if this.state.get() == Step::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let rest = args::positional(vm, "throw", &a[1..], kw, 1, 3)?;
    let e = crate::objects::generator::make_throw_exception(vm, rest)?;
    let genr = agen(&this.gen_);
    let step = throw_step(vm, &this.gen_, e);
    let res = unwrap_step(vm, genr, step);
    if res.is_err() {
        this.state.set(Step::Closed);
    }
    res
}

/// `gen.throw(e)` as a step: the generator yields or returns, or raises.
fn throw_step(vm: &mut Vm, g: &Obj, e: PyErr) -> PyResult<GenOutcome> {
    match vm.gen_throw(g, e) {
        Ok(v) => Ok(GenOutcome::Yielded(v)),
        Err(err) if err.value().class().is_subtype(&STOP_ITERATION) => Ok(GenOutcome::Returned(
            crate::objects::generator::stop_iteration_value(&err),
        )),
        Err(err) => Err(err),
    }
}

fn awaitable_close_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "close", &a[1..], kw)?;
    if let Some(s) = a[0].downcast::<ASend>() {
        s.state.set(Step::Closed);
    } else if let Some(t) = a[0].downcast::<AThrow>() {
        t.state.set(Step::Closed);
    }
    Ok(Obj::none())
}

fn self_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "__await__", &a[1..], kw)?;
    Ok(a[0].clone())
}

static ASEND_METHODS: &[MethodDef] = &[
    MethodDef::new("send", asend_send_method),
    MethodDef::new("throw", asend_throw_method),
    MethodDef::new("close", awaitable_close_method),
    MethodDef::new("__await__", self_method),
];

/// `async_gen_athrow_send`.
fn athrow_send(vm: &mut Vm, o: &Obj, arg: Obj) -> PyResult<Obj> {
    let t = o.downcast::<AThrow>().expect("athrow");
    let g = t.gen_.clone();
    let genr = agen(&g);
    let is_close = t.exc.is_none();
    let what = if is_close { "aclose()" } else { "athrow()" };
    if t.state.get() == Step::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if genr.state.get() == GenState::Completed {
        t.state.set(Step::Closed);
        return Err(vm.stop_iteration(None));
    }
    let step = if t.state.get() == Step::Init {
        if genr.running_async.get() {
            t.state.set(Step::Closed);
            return Err(
                vm.runtime_error(format!("{what}: asynchronous generator is already running"))
            );
        }
        if genr.closed.get() {
            t.state.set(Step::Closed);
            return Err(vm.new_exception(&STOP_ASYNC_ITERATION, vec![]));
        }
        if !arg.is_none() {
            return Err(vm.runtime_error("can't send non-None value to a just-started coroutine"));
        }
        t.state.set(Step::Iter);
        genr.running_async.set(true);
        match &t.exc {
            None => {
                genr.closed.set(true);
                let exit = vm.new_exception(&GENERATOR_EXIT, vec![]);
                throw_step(vm, &g, exit)
            }
            Some(spec) => {
                let e = crate::objects::generator::make_throw_exception(vm, spec)?;
                let step = throw_step(vm, &g, e);
                let res = unwrap_step(vm, genr, step);
                return finish_athrow(vm, t, genr, res, false);
            }
        }
    } else {
        let step = vm.gen_resume(&g, arg, None);
        if !is_close {
            let res = unwrap_step(vm, genr, step);
            return finish_athrow(vm, t, genr, res, false);
        }
        step
    };
    // aclose(): the generator must not yield an item while closing.
    match step {
        Ok(GenOutcome::Yielded(v)) if v.downcast::<WrappedValue>().is_some() => {
            genr.running_async.set(false);
            t.state.set(Step::Closed);
            Err(vm.runtime_error("async generator ignored GeneratorExit"))
        }
        Ok(GenOutcome::Yielded(v)) => Ok(v),
        Ok(GenOutcome::Returned(_)) => {
            let e = vm.new_exception(&STOP_ASYNC_ITERATION, vec![]);
            finish_athrow(vm, t, genr, Err(e), true)
        }
        Err(e) => finish_athrow(vm, t, genr, Err(e), true),
    }
}

/// `check_error` of `async_gen_athrow_send`: an error closes the
/// awaitable; for `aclose()` the generator's end becomes StopIteration.
fn finish_athrow(
    vm: &mut Vm,
    t: &AThrow,
    genr: &GenObject,
    res: PyResult<Obj>,
    is_close: bool,
) -> PyResult<Obj> {
    let Err(e) = res else { return res };
    genr.running_async.set(false);
    t.state.set(Step::Closed);
    let cls = e.value().class();
    if is_close && (cls.is_subtype(&STOP_ASYNC_ITERATION) || cls.is_subtype(&GENERATOR_EXIT)) {
        return Err(vm.stop_iteration(None));
    }
    Err(e)
}

fn athrow_iternext(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    athrow_send(vm, o, Obj::none()).map(Some)
}

fn athrow_send_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "send", &a[1..], kw)?.clone();
    athrow_send(vm, &a[0], v)
}

static ATHROW_METHODS: &[MethodDef] = &[
    MethodDef::new("send", athrow_send_method),
    MethodDef::new("close", awaitable_close_method),
    MethodDef::new("__await__", self_method),
];

fn check_agen<'a>(vm: &mut Vm, a: &'a [Obj]) -> PyResult<&'a Obj> {
    if !std::ptr::eq(a[0].class(), &ASYNC_GENERATOR_TYPE) {
        return Err(vm.type_error("descriptor requires an 'async_generator' object"));
    }
    Ok(&a[0])
}

/// `async_gen_anext`.
fn agen_anext(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "__anext__", &a[1..], kw)?;
    let g = check_agen(vm, a)?;
    Ok(new_asend(g, Obj::none()))
}

fn agen_aiter(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "__aiter__", &a[1..], kw)?;
    Ok(a[0].clone())
}

fn agen_asend(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "asend", &a[1..], kw)?.clone();
    let g = check_agen(vm, a)?;
    Ok(new_asend(g, v))
}

fn agen_athrow(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "athrow", &a[1..], kw, 1, 3)?.to_vec();
    let g = check_agen(vm, a)?;
    Ok(Obj::alloc(AThrow {
        ob: ObjHeader::new(&ASYNC_GEN_ATHROW_TYPE),
        gen_: g.clone(),
        exc: Some(rest),
        state: Cell::new(Step::Init),
    }))
}

fn agen_aclose(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "aclose", &a[1..], kw)?;
    let g = check_agen(vm, a)?;
    Ok(Obj::alloc(AThrow {
        ob: ObjHeader::new(&ASYNC_GEN_ATHROW_TYPE),
        gen_: g.clone(),
        exc: None,
        state: Cell::new(Step::Init),
    }))
}

pub static ASYNC_GEN_METHODS: &[MethodDef] = &[
    MethodDef::new("__aiter__", agen_aiter),
    MethodDef::new("__anext__", agen_anext),
    MethodDef::new("asend", agen_asend),
    MethodDef::new("athrow", agen_athrow),
    MethodDef::new("aclose", agen_aclose),
];

crate::gc_traverse!(wrapped_value_traverse, WrappedValue, [value]);
crate::gc_traverse!(asend_traverse, ASend, [gen_, sendval]);
crate::gc_traverse!(athrow_traverse, AThrow, [gen_, exc]);
