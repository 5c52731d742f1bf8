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
.gc(module_traverse, None)
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

static MODULE_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__dict__", get_dict),
    GetSetDef::getset("__annotations__", get_annotations, set_annotations),
    GetSetDef::getset("__annotate__", get_annotate, set_annotate),
];

fn mod_dict(o: &Obj) -> Obj {
    o.downcast::<ModuleObject>()
        .expect("module getter")
        .dict
        .clone()
}

/// `module_get_annotations`: the dict's `__annotations__`, else
/// `__annotate__(1)` (PEP 649), cached in the dict unless the module is
/// still being imported (its `__spec__._initializing` is true).
fn get_annotations(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let dict = mod_dict(o);
    let d = dict_obj(&dict);
    if let Some(a) = d.get_str(&vm.ids.__annotations__) {
        return Ok(a);
    }
    let ann = match d.get_str(&vm.ids.__annotate__) {
        Some(f) if vm.is_callable(&f) => {
            let a = vm.call(&f, &[crate::objects::int::new_int(1)], None)?;
            if !is_dict(&a) {
                return Err(vm.type_error(format!(
                    "__annotate__ returned non-dict of type '{}'",
                    a.class().name()
                )));
            }
            a
        }
        _ => vm.new_dict(),
    };
    let initializing = match d.get_str(&vm.intern("__spec__")) {
        Some(spec) if !spec.is_none() => {
            let key = vm.intern("_initializing");
            match vm.getattr_opt(&spec, &key)? {
                Some(v) => vm.is_true(&v)?,
                None => false,
            }
        }
        _ => false,
    };
    if !initializing {
        d.set_str(vm.ids.__annotations__.clone(), ann.clone());
    }
    Ok(ann)
}

/// `module_set_annotations`: sets or deletes the dict's `__annotations__`,
/// dropping `__annotate__`.
fn set_annotations(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    let dict = mod_dict(o);
    let d = dict_obj(&dict);
    let key = vm.ids.__annotations__.clone();
    match value {
        Some(v) => d.set(vm, key, v)?,
        None => {
            if d.remove(vm, &key)?.is_none() {
                return Err(vm.new_exception_msg(&exceptions::ATTRIBUTE_ERROR, "__annotations__"));
            }
        }
    }
    d.remove(vm, &vm.ids.__annotate__.clone())?;
    Ok(())
}

/// `module_get_annotate`: the dict's `__annotate__`, None (and stored)
/// when it has none.
fn get_annotate(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let dict = mod_dict(o);
    let d = dict_obj(&dict);
    match d.get_str(&vm.ids.__annotate__) {
        Some(a) => Ok(a),
        None => {
            d.set_str(vm.ids.__annotate__.clone(), Obj::none());
            Ok(Obj::none())
        }
    }
}

/// `module_set_annotate`: a callable or None; a callable drops the cached
/// `__annotations__`.
fn set_annotate(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(vm.type_error("cannot delete __annotate__ attribute"));
    };
    if !value.is_none() && !vm.is_callable(&value) {
        return Err(vm.type_error("__annotate__ must be callable or None"));
    }
    let dict = mod_dict(o);
    let d = dict_obj(&dict);
    let clear = !value.is_none();
    d.set_str(vm.ids.__annotate__.clone(), value);
    if clear {
        d.remove(vm, &vm.ids.__annotations__.clone())?;
    }
    Ok(())
}

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

/// `module_traverse`: the module's dict. No `tp_clear`: the dict is a
/// plain field, and a cycle through a module is broken at its dict.
fn module_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(m) = o.downcast::<ModuleObject>() {
        visit(&m.dict);
    }
}
