//! `cell` objects: the boxes closures share variables through
//! (CPython's `Objects/cellobject.c`).

use crate::objects::header::ObjHeader;
use crate::objects::obj::{ObjCell, dealloc_box_trashcan};
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{CompareOp, GetSetDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, object_type};

#[repr(C)]
pub struct CellObject {
    pub ob: ObjHeader,
    pub contents: ObjCell,
}
crate::py_layout!(CellObject, CELL_TYPE);

pub static CELL_TYPE: TypeObject = TypeObject::new_static(
    "cell",
    &CELL_TYPE,
    TypeIndex::Cell as u16,
    dealloc_box_trashcan::<CellObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(cell_traverse, Some(cell_clear))
.repr(cell_repr)
.richcompare(cell_richcompare)
.getsets(CELL_GETSETS);

pub fn new_cell(v: Option<Obj>) -> Obj {
    Obj::alloc(CellObject {
        ob: ObjHeader::new(&CELL_TYPE),
        contents: ObjCell::new(v),
    })
}

pub fn cell_obj(o: &Obj) -> Option<&CellObject> {
    o.downcast::<CellObject>()
}

fn cell_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let c = cell_obj(o).expect("cell slot");
    let text = match c.contents.get() {
        None => format!("<cell at {:#x}: empty>", o.addr()),
        Some(v) => format!(
            "<cell at {:#x}: {} object at {:#x}>",
            o.addr(),
            v.class().name(),
            v.addr()
        ),
    };
    Ok(vm.new_string(text))
}

fn cell_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (cell_obj(a), cell_obj(b)) else {
        return Ok(Obj::not_implemented());
    };
    match (x.contents.get(), y.contents.get()) {
        (Some(p), Some(q)) => vm.rich_compare(&p, &q, op),
        (p, q) => Ok(crate::objects::bool_::new_bool(
            op.test(p.is_some().cmp(&q.is_some())),
        )),
    }
}

fn get_contents(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    match cell_obj(o).and_then(|c| c.contents.get()) {
        Some(v) => Ok(v),
        None => Err(vm.value_error("Cell is empty")),
    }
}

fn set_contents(_: &mut Vm, o: &Obj, v: Option<Obj>) -> PyResult<()> {
    if let Some(c) = cell_obj(o) {
        c.contents.set(v);
    }
    Ok(())
}

static CELL_GETSETS: &[GetSetDef] = &[GetSetDef::getset(
    "cell_contents",
    get_contents,
    set_contents,
)];

/// `cell_traverse`.
fn cell_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(c) = o.downcast::<CellObject>() {
        c.contents.visit(visit);
    }
}

/// `cell_clear`.
fn cell_clear(o: &Obj) {
    if let Some(c) = o.downcast::<CellObject>() {
        drop(c.contents.take());
    }
}
