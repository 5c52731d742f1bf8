//! `traceback` and `frame` objects (CPython's `Python/traceback.c` and
//! `Objects/frameobject.c`).
//!
//! A frame object here is a snapshot of an interpreter frame taken when an
//! exception passes through it: its code, globals and the position being
//! executed. That is what tracebacks need (`tb_frame.f_code`, `f_lineno`,
//! `f_globals`); live frame introspection comes with the language issue.

use crate::objects::code::code_obj;
use crate::objects::header::ObjHeader;
use crate::objects::obj::{ObjCell, dealloc_box_trashcan};
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{GetSetDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, int, object_type};

#[repr(C)]
pub struct FrameObject {
    pub ob: ObjHeader,
    pub code: Obj,
    pub globals: Obj,
    pub builtins: Obj,
    pub locals: ObjCell,
    pub back: ObjCell,
    /// Code-unit index of the instruction being executed.
    pub lasti: std::cell::Cell<usize>,
}
crate::py_layout!(FrameObject, FRAME_TYPE);

pub static FRAME_TYPE: TypeObject = TypeObject::new_static(
    "frame",
    &FRAME_TYPE,
    TypeIndex::Frame as u16,
    dealloc_box_trashcan::<FrameObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(frame_traverse, Some(frame_clear))
.repr(frame_repr)
.getsets(FRAME_GETSETS);

pub fn new_frame_object(
    code: Obj,
    globals: Obj,
    builtins: Obj,
    locals: Option<Obj>,
    lasti: usize,
) -> Obj {
    Obj::alloc(FrameObject {
        ob: ObjHeader::new(&FRAME_TYPE),
        code,
        globals,
        builtins,
        locals: ObjCell::new(locals),
        back: ObjCell::empty(),
        lasti: std::cell::Cell::new(lasti),
    })
}

fn frame(o: &Obj) -> &FrameObject {
    o.downcast::<FrameObject>().expect("frame slot")
}

impl FrameObject {
    pub fn lineno(&self) -> Option<i32> {
        code_obj(&self.code).addr2line(self.lasti.get())
    }
}

fn frame_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let f = frame(o);
    let c = code_obj(&f.code);
    let text = format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.addr(),
        c.filename_str(),
        f.lineno().unwrap_or(c.firstlineno),
        c.name_str()
    );
    Ok(vm.new_string(text))
}

fn get_code(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(frame(o).code.clone())
}
fn get_globals(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(frame(o).globals.clone())
}
fn get_builtins(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(frame(o).builtins.clone())
}
fn get_locals(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(frame(o).locals.get().unwrap_or_else(|| vm.new_dict()))
}
fn get_back(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(frame(o).back.get().unwrap_or_else(Obj::none))
}
fn get_lineno(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(match frame(o).lineno() {
        Some(l) => int::new_int(l as i64),
        None => Obj::none(),
    })
}
fn get_lasti(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_usize(frame(o).lasti.get() * 2))
}

static FRAME_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("f_code", get_code),
    GetSetDef::getter("f_globals", get_globals),
    GetSetDef::getter("f_builtins", get_builtins),
    GetSetDef::getter("f_locals", get_locals),
    GetSetDef::getter("f_back", get_back),
    GetSetDef::getter("f_lineno", get_lineno),
    GetSetDef::getter("f_lasti", get_lasti),
];

#[repr(C)]
pub struct TracebackObject {
    pub ob: ObjHeader,
    pub next: ObjCell,
    pub frame: Obj,
    /// Code-unit index of the instruction that raised.
    pub lasti: usize,
}
crate::py_layout!(TracebackObject, TRACEBACK_TYPE);

pub static TRACEBACK_TYPE: TypeObject = TypeObject::new_static(
    "traceback",
    &TRACEBACK_TYPE,
    TypeIndex::Traceback as u16,
    dealloc_box_trashcan::<TracebackObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(tb_traverse, Some(tb_clear))
.getsets(TRACEBACK_GETSETS);

/// `PyTraceBack_Here`: a new traceback entry for `frame` in front of `next`.
pub fn new_traceback(next: Option<Obj>, frame: Obj, lasti: usize) -> Obj {
    Obj::alloc(TracebackObject {
        ob: ObjHeader::new(&TRACEBACK_TYPE),
        next: ObjCell::new(next),
        frame,
        lasti,
    })
}

pub fn tb(o: &Obj) -> &TracebackObject {
    o.downcast::<TracebackObject>().expect("traceback slot")
}

impl TracebackObject {
    pub fn lineno(&self) -> Option<i32> {
        code_obj(&frame(&self.frame).code).addr2line(self.lasti)
    }
    pub fn code(&self) -> &Obj {
        &frame(&self.frame).code
    }
}

fn get_next(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(tb(o).next.get().unwrap_or_else(Obj::none))
}
fn set_next(vm: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    match v {
        None => Err(vm.type_error("can't delete tb_next attribute")),
        Some(n) if n.is_none() => {
            tb(o).next.set(None);
            Ok(())
        }
        Some(n) if n.downcast::<TracebackObject>().is_some() => {
            let mut cur = Some(n.clone());
            while let Some(c) = cur {
                if c.is(o) {
                    return Err(vm.value_error("traceback loop detected"));
                }
                cur = tb(&c).next.get();
            }
            tb(o).next.set(Some(n));
            Ok(())
        }
        Some(n) => Err(vm.type_error(format!(
            "expected traceback object or None, got '{}'",
            n.class().name()
        ))),
    }
}
fn get_frame(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(tb(o).frame.clone())
}
fn get_tb_lineno(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(match tb(o).lineno() {
        Some(l) => int::new_int(l as i64),
        None => Obj::none(),
    })
}
fn get_tb_lasti(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(int::new_usize(tb(o).lasti * 2))
}

static TRACEBACK_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("tb_next", get_next, set_next),
    GetSetDef::getter("tb_frame", get_frame),
    GetSetDef::getter("tb_lineno", get_tb_lineno),
    GetSetDef::getter("tb_lasti", get_tb_lasti),
];

/// `frame_tp_traverse`.
fn frame_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(f) = o.downcast::<FrameObject>() {
        visit(&f.code);
        visit(&f.globals);
        visit(&f.builtins);
        f.locals.visit(visit);
        f.back.visit(visit);
    }
}

/// `frame_tp_clear`: the local variables a finished frame kept, which is
/// where a frame caught in its own traceback closes its cycle.
fn frame_clear(o: &Obj) {
    if let Some(f) = o.downcast::<FrameObject>() {
        drop(f.locals.take());
        drop(f.back.take());
    }
}

/// `tb_traverse`.
fn tb_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(t) = o.downcast::<TracebackObject>() {
        t.next.visit(visit);
        visit(&t.frame);
    }
}

/// `tb_clear` (the frame is a plain field here; the frame clears itself).
fn tb_clear(o: &Obj) {
    if let Some(t) = o.downcast::<TracebackObject>() {
        drop(t.next.take());
    }
}
