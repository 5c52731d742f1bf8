//! `getset_descriptor`: attributes of builtin types computed by Rust
//! functions (CPython's `PyGetSetDescr_Type`).

use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{GetSetDef, TypeObject, type_as_obj};
use crate::objects::{Obj, PyResult, Vm, exceptions, object_type};

#[repr(C)]
pub struct GetSetDescrObject {
    pub ob: ObjHeader,
    pub def: &'static GetSetDef,
    pub objclass: &'static TypeObject,
}
crate::py_layout!(GetSetDescrObject, GETSET_DESCRIPTOR_TYPE);

pub static GETSET_DESCRIPTOR_TYPE: TypeObject = TypeObject::new_static(
    "getset_descriptor",
    &GETSET_DESCRIPTOR_TYPE,
    TypeIndex::GetSetDescriptor as u16,
    dealloc_box::<GetSetDescrObject>,
)
.base(&object_type::OBJECT_TYPE)
.repr(getset_repr)
.descr_get(getset_get)
.descr_set(getset_set)
.getsets(GETSET_GETSETS);

pub fn new_getset_descr(def: &'static GetSetDef, objclass: &'static TypeObject) -> Obj {
    Obj::alloc(GetSetDescrObject {
        ob: ObjHeader::new(&GETSET_DESCRIPTOR_TYPE),
        def,
        objclass,
    })
}

fn gs(o: &Obj) -> &GetSetDescrObject {
    o.downcast::<GetSetDescrObject>()
        .expect("getset descriptor slot")
}

fn getset_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let d = gs(o);
    Ok(vm.new_string(format!(
        "<attribute '{}' of '{}' objects>",
        d.def.name,
        d.objclass.name()
    )))
}

fn check_instance(vm: &mut Vm, d: &GetSetDescrObject, obj: &Obj) -> PyResult<()> {
    if obj.class().is_subtype(d.objclass) {
        Ok(())
    } else {
        Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.def.name,
            d.objclass.name(),
            obj.class().name()
        )))
    }
}

fn getset_get(vm: &mut Vm, o: &Obj, obj: Option<&Obj>, _: Option<&Obj>) -> PyResult<Obj> {
    let d = gs(o);
    let Some(obj) = obj else {
        return Ok(o.clone());
    };
    check_instance(vm, d, obj)?;
    match d.def.get {
        Some(g) => g(vm, obj),
        None => Err(vm.new_exception_msg(
            &exceptions::ATTRIBUTE_ERROR,
            format!(
                "attribute '{}' of '{}' objects is not readable",
                d.def.name,
                d.objclass.name()
            ),
        )),
    }
}

fn getset_set(vm: &mut Vm, o: &Obj, obj: &Obj, value: Option<Obj>) -> PyResult<()> {
    let d = gs(o);
    check_instance(vm, d, obj)?;
    match d.def.set {
        Some(s) => s(vm, obj, value),
        None => Err(vm.new_exception_msg(
            &exceptions::ATTRIBUTE_ERROR,
            format!(
                "attribute '{}' of '{}' objects is not writable",
                d.def.name,
                d.objclass.name()
            ),
        )),
    }
}

fn get_name(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str(gs(o).def.name))
}

fn get_objclass(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(type_as_obj(gs(o).objclass))
}

static GETSET_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", get_name),
    GetSetDef::getter("__objclass__", get_objclass),
];
