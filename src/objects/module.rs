//! `module` objects (CPython's `Objects/moduleobject.c`).

use crate::objects::dict::{dict_obj, is_dict};
use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box_trashcan;
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::typeobject::{GetSetDef, TypeObject, flags};
use crate::objects::{Obj, PyResult, Vm, exceptions, object_type};

#[repr(C)]
pub struct ModuleObject {
    pub ob: ObjHeader,
    pub dict: Obj,
}
crate::py_layout!(ModuleObject, MODULE_TYPE);

pub static MODULE_TYPE: TypeObject = TypeObject::new_static(
    "module",
    &MODULE_TYPE,
    TypeIndex::Module as u16,
    dealloc_box_trashcan::<ModuleObject>,
)
.base(&object_type::OBJECT_TYPE)
.flags(flags::BASETYPE)
.repr(module_repr)
.getattro(module_getattro)
.setattro(crate::objects::protocol::attr::generic_setattr)
.getsets(MODULE_GETSETS)
.instance_dict(module_instance_dict);

/// A new module named `name` with a fresh dict holding `__name__`,
/// `__doc__`, `__package__`, `__loader__` and `__spec__`.
pub fn new_module(vm: &mut Vm, name: &str) -> Obj {
    let dict = vm.new_dict();
    let d = dict_obj(&dict);
    d.set_str(vm.ids.__name__.clone(), vm.new_str(name));
    for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
        d.set_str(vm.intern(key), Obj::none());
    }
    Obj::alloc(ModuleObject {
        ob: ObjHeader::new(&MODULE_TYPE),
        dict,
    })
}

pub fn module_dict(o: &Obj) -> Option<&Obj> {
    o.downcast::<ModuleObject>().map(|m| &m.dict)
}

fn module_name(m: &ModuleObject) -> Option<String> {
    let d = dict_obj(&m.dict);
    d.items()
        .into_iter()
        .find(|(k, _)| str_value(k) == "__name__")
        .map(|(_, v)| str_value(&v).to_string())
}

fn module_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let m = o.downcast::<ModuleObject>().expect("module slot");
    let name = module_name(m).unwrap_or_else(|| "?".into());
    let file = dict_obj(&m.dict)
        .items()
        .into_iter()
        .find(|(k, _)| str_value(k) == "__file__")
        .map(|(_, v)| str_value(&v).to_string());
    let text = match file {
        Some(f) => format!("<module '{name}' from '{f}'>"),
        None => format!("<module '{name}' (built-in)>"),
    };
    Ok(vm.new_string(text))
}

/// Attribute lookup: type attributes (descriptors), then the module dict,
/// then a module-level `__getattr__` (PEP 562).
fn module_getattro(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    if let Some(v) = crate::objects::protocol::attr::generic_getattr_opt(vm, o, name)? {
        return Ok(v);
    }
    let m = o.downcast::<ModuleObject>().expect("module slot");
    let getattr_name = vm.intern("__getattr__");
    if let Some(f) = dict_obj(&m.dict).get_str(&getattr_name) {
        return vm.call(&f, std::slice::from_ref(name), None);
    }
    let mname = module_name(m).unwrap_or_else(|| "?".into());
    let attr = str_value(name);
    let msg = if vm.initializing.contains(&mname) {
        // `_PyModuleSpec_IsInitializing`: a circular import.
        let file = dict_obj(&m.dict)
            .get_str(&vm.ids.__file__.clone())
            .filter(crate::objects::str::is_str);
        match file {
            Some(f) => format!(
                "partially initialized module '{mname}' from '{}' has no attribute '{attr}' (most likely due to a circular import)",
                str_value(&f)
            ),
            None => format!(
                "partially initialized module '{mname}' has no attribute '{attr}' (most likely due to a circular import)"
            ),
        }
    } else {
        format!("module '{mname}' has no attribute '{attr}'")
    };
    let err = vm.new_exception_msg(&exceptions::ATTRIBUTE_ERROR, msg);
    exceptions::set_attribute_error_context(&err, o, name);
    Err(err)
}

fn get_dict(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(o.downcast::<ModuleObject>()
        .expect("module getter")
        .dict
        .clone())
}

static MODULE_GETSETS: &[GetSetDef] = &[GetSetDef::getter("__dict__", get_dict)];

/// Whether `o` is a dict usable as a module namespace.
pub fn is_namespace(o: &Obj) -> bool {
    is_dict(o)
}

fn module_instance_dict(_: &mut Vm, o: &Obj) -> Obj {
    o.downcast::<ModuleObject>()
        .expect("module dict")
        .dict
        .clone()
}
