//! Generators and coroutines (CPython's `Objects/genobject.c`): the object
//! that owns a suspended frame, its states, and `send`/`throw`/`close`.
//!
//! Resuming from Python code (`for`, `yield from`, `await`) happens inline
//! in the eval loop (see the FOR_ITER and SEND handlers); resuming from Rust
//! (`next(g)`, `g.send(v)`, `list(g)`) runs the frame on a new run of the
//! loop, as CPython's `gen_send_ex2` does.

use std::cell::Cell;

use crate::objects::code::{CodeObject, co_flags};
use crate::objects::exceptions::{self as exc, GENERATOR_EXIT, STOP_ITERATION};
use crate::objects::header::ObjHeader;
use crate::objects::obj::ObjCell;
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{GetSetDef, MethodDef, TypeObject};
use crate::objects::{Obj, PyErr, PyResult, Vm, args, bool_, object_type};
use crate::vm::gen_frame::GenFrame;

/// `gi_frame_state`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    /// Made by RETURN_GENERATOR, never resumed.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Stopped at the `yield` inside `yield from` / `await`.
    SuspendedYieldFrom,
    Executing,
    /// Returned or raised; the frame is cleared.
    Completed,
}

impl GenState {
    pub fn is_suspended(self) -> bool {
        matches!(self, GenState::Suspended | GenState::SuspendedYieldFrom)
    }
}

/// Which kind of generator a code object makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The word messages use ("generator already executing").
    pub fn word(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

#[repr(C)]
pub struct GenObject {
    pub ob: ObjHeader,
    pub frame: GenFrame,
    pub state: Cell<GenState>,
    pub kind: GenKind,
    pub code: Obj,
    pub name: ObjCell,
    pub qualname: ObjCell,
    /// `gi_exc_state`: the exception being handled inside the generator
    /// while it is suspended.
    pub exc_state: ObjCell,
    /// `ag_running_async`: an async generator's awaitable is driving it.
    pub running_async: Cell<bool>,
    /// `ag_closed`: an async generator finished or was closed.
    pub closed: Cell<bool>,
}
crate::py_layout!(GenObject, GENERATOR_TYPE);

pub static GENERATOR_TYPE: TypeObject = TypeObject::new_static(
    "generator",
    &GENERATOR_TYPE,
    TypeIndex::Generator as u16,
    crate::objects::finalize::gen_dealloc,
)
.base(&object_type::OBJECT_TYPE)
.gc(gen_traverse, None)
.repr(gen_repr)
.iter(object_type::self_iter)
.iternext(gen_iternext)
.methods(GEN_METHODS)
.getsets(GEN_GETSETS);

pub static COROUTINE_TYPE: TypeObject = TypeObject::new_static(
    "coroutine",
    &GENERATOR_TYPE,
    TypeIndex::Coroutine as u16,
    crate::objects::finalize::gen_dealloc,
)
.base(&object_type::OBJECT_TYPE)
.gc(gen_traverse, None)
.repr(gen_repr)
.methods(GEN_METHODS)
.getsets(CORO_GETSETS);

pub static ASYNC_GENERATOR_TYPE: TypeObject = TypeObject::new_static(
    "async_generator",
    &GENERATOR_TYPE,
    TypeIndex::AsyncGenerator as u16,
    crate::objects::finalize::gen_dealloc,
)
.base(&object_type::OBJECT_TYPE)
.gc(gen_traverse, None)
.repr(gen_repr)
.methods(crate::objects::async_gen::ASYNC_GEN_METHODS)
.getsets(ASYNC_GEN_GETSETS);

/// The generator a generator-owned frame belongs to.
///
/// The frame's `generator` field points at the object that owns the frame
/// (set when the frame moved into it), so the object is alive as long as
/// the frame is.
pub fn gen_of_frame(frame: &crate::vm::frame::Frame) -> &GenObject {
    debug_assert!(!frame.generator.is_null());
    // SAFETY: see above; a generator-owned frame's `generator` is the live
    // `GenObject` that contains it.
    unsafe { &*(frame.generator as *const GenObject) }
}

/// `genr(o)`.
pub fn gen_obj(o: &Obj) -> Option<&GenObject> {
    o.downcast::<GenObject>()
}

/// The kind of generator `code` makes, from its flags.
pub fn kind_of_code(code: &CodeObject) -> GenKind {
    if code.flags & co_flags::COROUTINE != 0 {
        GenKind::Coroutine
    } else if code.flags & co_flags::ASYNC_GENERATOR != 0 {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    }
}

/// A new generator owning `frame` (RETURN_GENERATOR's `_Py_MakeCoro`).
pub fn new_generator(frame: GenFrame, code: Obj, name: Obj, qualname: Obj) -> Obj {
    let kind = kind_of_code(crate::objects::code::code_obj(&code));
    let ty: &'static TypeObject = match kind {
        GenKind::Generator => &GENERATOR_TYPE,
        GenKind::Coroutine => &COROUTINE_TYPE,
        GenKind::AsyncGenerator => &ASYNC_GENERATOR_TYPE,
    };
    let g = Obj::alloc(GenObject {
        ob: ObjHeader::new(ty),
        frame,
        state: Cell::new(GenState::Created),
        kind,
        code,
        name: ObjCell::new(Some(name)),
        qualname: ObjCell::new(Some(qualname)),
        exc_state: ObjCell::empty(),
        running_async: Cell::new(false),
        closed: Cell::new(false),
    });
    if let Some(genr) = gen_obj(&g) {
        genr.frame.set_owner(g.as_ptr().unwrap_or(std::ptr::null()));
    }
    g
}

/// Whether a generator about to be freed must be closed first
/// (`_PyGen_Finalize`): it stopped inside its body, where a `finally` or
/// `with` may be waiting.
pub fn needs_close(genr: &GenObject) -> bool {
    genr.state.get().is_suspended() && genr.frame.is_live()
}

/// What a resumed generator did.
pub enum GenOutcome {
    Yielded(Obj),
    Returned(Obj),
}

impl Vm {
    /// Resumes `g` from Rust with `value` sent in, or with `throw` raised
    /// at the suspension point (`gen_send_ex2`).
    pub fn gen_resume(
        &mut self,
        g: &Obj,
        value: Obj,
        throw: Option<PyErr>,
    ) -> PyResult<GenOutcome> {
        let genr = gen_obj(g).expect("gen_resume on a non-generator");
        match genr.state.get() {
            GenState::Executing => {
                return Err(self.value_error(format!("{} already executing", genr.kind.word())));
            }
            GenState::Completed => {
                if let Some(e) = throw {
                    return Err(e);
                }
                if genr.kind == GenKind::Coroutine {
                    return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                }
                return Ok(GenOutcome::Returned(Obj::none()));
            }
            GenState::Created if throw.is_none() && !value.is_none() => {
                return Err(self.type_error(format!(
                    "can't send non-None value to a just-started {}",
                    genr.kind.word()
                )));
            }
            _ => {}
        }
        crate::vm::eval::run_generator(self, g, value, throw)
    }

    /// `g.send(v)` as the iterator protocol sees it: the yielded value, or
    /// StopIteration carrying the return value.
    pub fn gen_send(&mut self, g: &Obj, value: Obj) -> PyResult<Obj> {
        match self.gen_resume(g, value, None)? {
            GenOutcome::Yielded(v) => Ok(v),
            GenOutcome::Returned(v) => Err(stop_iteration_with(self, v)),
        }
    }

    /// `g.throw(e)` (`_gen_throw`): a generator inside `yield from` passes
    /// the exception to the iterator it delegates to; whatever that raises
    /// (its StopIteration included, which ends the `yield from`) is then
    /// raised at the generator's own suspension point.
    pub fn gen_throw(&mut self, g: &Obj, e: PyErr) -> PyResult<Obj> {
        let genr = gen_obj(g).expect("gen_throw on a non-generator");
        let e = match yield_from_target(genr) {
            None => e,
            Some(sub) => {
                let saved = genr.state.replace(GenState::Executing);
                let outcome = if e.value().class().is_subtype(&GENERATOR_EXIT) {
                    close_subiterator(self, &sub).map(|()| None)
                } else if gen_obj(&sub).is_some() {
                    self.gen_throw(&sub, e.clone_ref()).map(Some)
                } else {
                    let key = self.intern("throw");
                    match self.getattr_opt(&sub, &key) {
                        Ok(Some(meth)) => self.call(&meth, &[e.value().clone()], None).map(Some),
                        Ok(None) => Ok(None),
                        Err(err) => Err(err),
                    }
                };
                genr.state.set(saved);
                match outcome {
                    // The delegate yielded: so does the generator.
                    Ok(Some(v)) => return Ok(v),
                    // Closed, or it has no `throw`: raise here.
                    Ok(None) => e,
                    Err(err) => err,
                }
            }
        };
        match self.gen_resume(g, Obj::none(), Some(e))? {
            GenOutcome::Yielded(v) => Ok(v),
            GenOutcome::Returned(v) => Err(stop_iteration_with(self, v)),
        }
    }

    /// `g.close()` (`gen_close`): GeneratorExit at the suspension point;
    /// the generator must not yield again. Returns the generator's return
    /// value when it returns one.
    pub fn gen_close(&mut self, g: &Obj) -> PyResult<Obj> {
        let genr = gen_obj(g).expect("gen_close on a non-generator");
        match genr.state.get() {
            GenState::Created => {
                genr.state.set(GenState::Completed);
                // SAFETY: a created frame is not running; its stack ends
                // at its saved stack pointer.
                unsafe {
                    let sp = (*genr.frame.frame()).stack_pointer;
                    genr.frame.clear(sp);
                }
                return Ok(Obj::none());
            }
            GenState::Completed => return Ok(Obj::none()),
            _ => {}
        }
        let exit = self.new_exception(&GENERATOR_EXIT, vec![]);
        match self.gen_throw(g, exit) {
            Ok(_) => Err(self.runtime_error(format!("{} ignored GeneratorExit", genr.kind.word()))),
            Err(e) if e.value().class().is_subtype(&STOP_ITERATION) => Ok(stop_iteration_value(&e)),
            Err(e) if e.value().class().is_subtype(&GENERATOR_EXIT) => Ok(Obj::none()),
            Err(e) => Err(e),
        }
    }
}

/// StopIteration(v), or a bare StopIteration for None.
pub fn stop_iteration_with(vm: &mut Vm, v: Obj) -> PyErr {
    if v.is_none() {
        vm.stop_iteration(None)
    } else {
        vm.stop_iteration(Some(v))
    }
}

/// The `value` of a StopIteration (`_PyGen_FetchStopIterationValue`).
pub fn stop_iteration_value(e: &PyErr) -> Obj {
    exc::exc(e.value()).fields[0]
        .get()
        .unwrap_or_else(Obj::none)
}

/// The iterator a generator suspended in `yield from` delegates to: the
/// top of its frame's stack (`_PyGen_yf`).
fn yield_from_target(genr: &GenObject) -> Option<Obj> {
    if genr.state.get() != GenState::SuspendedYieldFrom || !genr.frame.is_live() {
        return None;
    }
    genr.frame.peek_top()
}

fn close_subiterator(vm: &mut Vm, sub: &Obj) -> PyResult<()> {
    if gen_obj(sub).is_some() {
        vm.gen_close(sub)?;
        return Ok(());
    }
    let key = vm.intern("close");
    if let Some(close) = vm.getattr_opt(sub, &key)? {
        vm.call(&close, &[], None)?;
    }
    Ok(())
}

fn this(o: &Obj) -> &GenObject {
    gen_obj(o).expect("generator slot")
}

fn gen_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let g = this(o);
    let q = g
        .qualname
        .get()
        .map(|q| crate::objects::str::str_value(&q).to_string());
    Ok(vm.new_string(format!(
        "<{} object {} at {:#x}>",
        o.class().name(),
        q.unwrap_or_default(),
        o.addr()
    )))
}

/// `next(g)`: the yielded value; exhaustion is None, or StopIteration
/// carrying a non-None return value (`gen_iternext`).
fn gen_iternext(vm: &mut Vm, o: &Obj) -> PyResult<Option<Obj>> {
    match vm.gen_resume(o, Obj::none(), None)? {
        GenOutcome::Yielded(v) => Ok(Some(v)),
        GenOutcome::Returned(v) if v.is_none() => Ok(None),
        GenOutcome::Returned(v) => Err(vm.stop_iteration(Some(v))),
    }
}

fn gen_send_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let v = args::one_arg(vm, "send", &a[1..], kw)?.clone();
    vm.gen_send(&a[0], v)
}

/// `throw(value)` / `throw(type[, value[, traceback]])`.
fn gen_throw_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "throw", &a[1..], kw, 1, 3)?;
    let e = make_throw_exception(vm, rest)?;
    vm.gen_throw(&a[0], e)
}

/// The exception `throw()` raises (`_gen_throw`'s argument checks).
pub(crate) fn make_throw_exception(vm: &mut Vm, rest: &[Obj]) -> PyResult<PyErr> {
    let typ = &rest[0];
    let val = rest.get(1).filter(|v| !v.is_none());
    let tb = rest.get(2).filter(|v| !v.is_none());
    if let Some(t) = tb
        && t.downcast::<crate::objects::traceback::TracebackObject>()
            .is_none()
    {
        return Err(vm.type_error("throw() third argument must be a traceback object"));
    }
    let e = if let Some(t) = crate::objects::typeobject::as_type(typ)
        && t.is_subtype(&exc::BASE_EXCEPTION)
    {
        match val {
            Some(v) if v.class().is_subtype(t) => v.clone(),
            Some(v) => {
                let args = match crate::objects::tuple::tuple_items(v) {
                    Some(items) => items.to_vec(),
                    None => vec![v.clone()],
                };
                vm.call(typ, &args, None)?
            }
            None => vm.call(typ, &[], None)?,
        }
    } else if typ.class().is_subtype(&exc::BASE_EXCEPTION) {
        if val.is_some() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ.clone()
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.class().name()
        )));
    };
    if let Some(t) = tb {
        exc::exc(&e).traceback.set(Some(t.clone()));
    }
    Ok(PyErr::reraise(e))
}

fn gen_close_method(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "close", &a[1..], kw)?;
    vm.gen_close(&a[0])
}

/// `send`, `throw` and `close`, shared by generators and coroutines.
static GEN_METHODS: &[MethodDef] = &[
    MethodDef::new("send", gen_send_method),
    MethodDef::new("throw", gen_throw_method),
    MethodDef::new("close", gen_close_method),
];

fn get_frame(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let g = this(o);
    if g.state.get() == GenState::Completed || !g.frame.is_live() {
        return Ok(Obj::none());
    }
    let f = g.frame.frame();
    // SAFETY: the frame is live (checked above) and owned by `g`.
    let lasti = unsafe { (*f).offset_of((*f).instr_ptr) };
    Ok(vm.frame_object(f, lasti))
}
fn get_running(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(bool_::new_bool(this(o).state.get() == GenState::Executing))
}
fn get_suspended(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(bool_::new_bool(this(o).state.get().is_suspended()))
}
fn get_code(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(this(o).code.clone())
}
fn get_yieldfrom(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(yield_from_target(this(o)).unwrap_or_else(Obj::none))
}
fn get_name(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(this(o).name.get().unwrap_or_else(Obj::none))
}
fn set_name(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(s) if crate::objects::str::is_str(&s) => {
            this(o).name.set(Some(s));
            Ok(())
        }
        _ => Err(vm.type_error("__name__ must be set to a string object")),
    }
}
fn get_qualname(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(this(o).qualname.get().unwrap_or_else(Obj::none))
}
fn set_qualname(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        Some(s) if crate::objects::str::is_str(&s) => {
            this(o).qualname.set(Some(s));
            Ok(())
        }
        _ => Err(vm.type_error("__qualname__ must be set to a string object")),
    }
}

static GEN_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("gi_frame", get_frame),
    GetSetDef::getter("gi_running", get_running),
    GetSetDef::getter("gi_suspended", get_suspended),
    GetSetDef::getter("gi_code", get_code),
    GetSetDef::getter("gi_yieldfrom", get_yieldfrom),
    GetSetDef::getset("__name__", get_name, set_name),
    GetSetDef::getset("__qualname__", get_qualname, set_qualname),
];

static CORO_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("cr_frame", get_frame),
    GetSetDef::getter("cr_running", get_running),
    GetSetDef::getter("cr_suspended", get_suspended),
    GetSetDef::getter("cr_code", get_code),
    GetSetDef::getter("cr_await", get_yieldfrom),
    GetSetDef::getset("__name__", get_name, set_name),
    GetSetDef::getset("__qualname__", get_qualname, set_qualname),
];

static ASYNC_GEN_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("ag_frame", get_frame),
    GetSetDef::getter("ag_running", get_running),
    GetSetDef::getter("ag_suspended", get_suspended),
    GetSetDef::getter("ag_code", get_code),
    GetSetDef::getter("ag_await", get_yieldfrom),
    GetSetDef::getset("__name__", get_name, set_name),
    GetSetDef::getset("__qualname__", get_qualname, set_qualname),
];

/// `gen_traverse` (for coroutines and async generators too): the frame of
/// one that is not running, its names and the exception it is handling.
/// A running one is a root, as in CPython. No `tp_clear`: a suspended
/// generator in a cycle is closed by its finalizer, which clears its frame.
pub(crate) fn gen_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let Some(g) = gen_obj(o) else { return };
    if g.state.get() != GenState::Executing {
        // SAFETY: the generator is not running, so neither is its frame.
        unsafe { g.frame.visit_refs(visit) };
    }
    visit(&g.code);
    g.name.visit(visit);
    g.qualname.visit(visit);
    g.exc_state.visit(visit);
}
