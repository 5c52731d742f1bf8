//! `type`, the type of types (CPython's `PyType_Type`): calling a type,
//! attribute lookup on types, and the attributes of types.

use crate::objects::dict::dict_obj;
use crate::objects::exceptions::{self, ATTRIBUTE_ERROR};
use crate::objects::obj::dealloc_never;
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::typeobject::{GetSetDef, MethodDef, TypeObject, as_type, flags, type_as_obj};
use crate::objects::{Obj, PyResult, Vm, args, bool_, object_type};

pub static TYPE_TYPE: TypeObject =
    TypeObject::new_static("type", &TYPE_TYPE, TypeIndex::Type as u16, dealloc_never)
        .base(&object_type::OBJECT_TYPE)
        .flags(flags::BASETYPE | flags::TYPE_SUBCLASS)
        .doc("type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type")
        .repr(type_repr)
        .call(type_call)
        .new_fn(crate::objects::heaptype::type_new)
        .init(crate::objects::heaptype::type_init)
        .getattro(type_getattro)
        .setattro(type_setattro)
        .methods(TYPE_METHODS)
        .getsets(TYPE_GETSETS);

/// A type as an object (a new reference).
pub fn type_as_obj_ref(t: &TypeObject) -> Obj {
    type_as_obj(t)
}

/// The `TypeObject` behind a type object.
fn ty(o: &Obj) -> &TypeObject {
    as_type(o).expect("type slot on a non-type")
}

/// `<class 'module.QualName'>` (`type_repr`).
fn type_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let text = format!("<class '{}'>", vm.type_full_name(ty(o)));
    Ok(vm.new_string(text))
}

/// Calling a type: `type(x)`, or `tp_new` then `tp_init` (CPython's
/// `type_call`).
fn type_call(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let t = ty(o);
    let npos = args::npos(a, kw);
    if std::ptr::eq(t, &TYPE_TYPE) {
        if npos == 1 && args::kwnames_slice(kw).is_empty() {
            return Ok(type_as_obj(a[0].class()));
        }
        if npos != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
    }
    let Some(new) = t.slots.tp_new.get() else {
        return Err(vm.type_error(format!("cannot create '{}' instances", t.tp_name)));
    };
    let obj = new(vm, o, a, kw)?;
    if !obj.class().is_subtype(t) {
        return Ok(obj);
    }
    if let Some(init) = obj.class().slots.tp_init.get() {
        init(vm, &obj, a, kw)?;
    }
    Ok(obj)
}

/// Attribute lookup on a type (CPython's `_Py_type_getattro`): data
/// descriptors of the metatype, then the type's own MRO (binding with
/// `__get__(None, type)`), then other metatype attributes.
pub fn type_getattro(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    match type_getattro_opt(vm, o, name)? {
        Some(v) => Ok(v),
        None => {
            let t = ty(o);
            let err = vm.new_exception_msg(
                &ATTRIBUTE_ERROR,
                format!(
                    "type object '{}' has no attribute '{}'",
                    t.name(),
                    str_value(name)
                ),
            );
            exceptions::set_attribute_error_context(&err, o, name);
            Err(err)
        }
    }
}

fn type_getattro_opt(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    let t = ty(o);
    let meta = o.class();
    let meta_attr = vm.type_lookup(meta, name);
    let mut meta_get = None;
    if let Some(ma) = &meta_attr {
        meta_get = ma.class().slots.tp_descr_get.get();
        if let Some(g) = meta_get
            && ma.class().slots.tp_descr_set.get().is_some()
        {
            let m = type_as_obj(meta);
            return g(vm, ma, Some(o), Some(&m)).map(Some);
        }
    }
    if let Some(attr) = vm.type_lookup(t, name) {
        if let Some(g) = attr.class().slots.tp_descr_get.get() {
            return g(vm, &attr, None, Some(o)).map(Some);
        }
        return Ok(Some(attr));
    }
    if let (Some(g), Some(ma)) = (meta_get, &meta_attr) {
        let m = type_as_obj(meta);
        return g(vm, ma, Some(o), Some(&m)).map(Some);
    }
    Ok(meta_attr)
}

fn type_setattro(vm: &mut Vm, o: &Obj, name: &Obj, value: Option<Obj>) -> PyResult<()> {
    let t = ty(o);
    if t.is_heap_type() {
        return crate::objects::heaptype::heap_type_setattro(vm, o, name, value);
    }
    Err(vm.type_error(format!(
        "cannot set '{}' attribute of immutable type '{}'",
        str_value(name),
        t.name()
    )))
}

fn get_name(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str(&ty(o).name()))
}
fn get_qualname(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let q = vm.type_qualname(ty(o));
    Ok(vm.new_string(q))
}
/// `__module__`: a class's is whatever its dict holds (`type_module`).
fn get_module(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let t = ty(o);
    if t.is_heap_type() {
        let key = vm.ids.__module__.clone();
        return match dict_obj(vm.type_dict(t)).get_str(&key) {
            Some(m) => Ok(m),
            None => Err(vm.new_exception_msg(&ATTRIBUTE_ERROR, "__module__")),
        };
    }
    Ok(vm.new_str(t.module_name()))
}
/// `__doc__`: a class's comes from its dict, through `__get__` if it is a
/// descriptor (`type_get_doc`).
fn get_doc(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let t = ty(o);
    if t.is_heap_type() {
        let key = vm.ids.__doc__.clone();
        let Some(d) = dict_obj(vm.type_dict(t)).get_str(&key) else {
            return Ok(Obj::none());
        };
        return match d.class().slots.tp_descr_get.get() {
            Some(get) => get(vm, &d, None, Some(o)),
            None => Ok(d),
        };
    }
    Ok(match t.tp_doc {
        Some(d) => vm.new_str(d),
        None => Obj::none(),
    })
}

/// Only classes take new `__name__`, `__qualname__`, `__module__` and
/// `__doc__` values (`check_set_special_type_attr`).
fn check_settable(vm: &mut Vm, o: &Obj, value: &Option<Obj>, attr: &str) -> PyResult<()> {
    let t = ty(o);
    if !t.is_heap_type() {
        return Err(vm.type_error(format!(
            "cannot set '{attr}' attribute of immutable type '{}'",
            t.name()
        )));
    }
    if value.is_none() {
        return Err(vm.type_error(format!(
            "cannot delete '{attr}' attribute of immutable type '{}'",
            t.name()
        )));
    }
    Ok(())
}
fn set_name(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    check_settable(vm, o, &value, "__name__")?;
    let v = value.expect("checked");
    if !crate::objects::str::is_str(&v) {
        return Err(vm.type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            ty(o).name(),
            v.class().name()
        )));
    }
    if let Some(h) = ty(o).heap_data() {
        *h.name.borrow_mut() = str_value(&v).to_string();
    }
    Ok(())
}
fn set_qualname(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    check_settable(vm, o, &value, "__qualname__")?;
    let v = value.expect("checked");
    if !crate::objects::str::is_str(&v) {
        return Err(vm.type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            ty(o).name(),
            v.class().name()
        )));
    }
    if let Some(h) = ty(o).heap_data() {
        *h.qualname.borrow_mut() = str_value(&v).to_string();
    }
    Ok(())
}
fn set_in_dict(vm: &mut Vm, o: &Obj, value: Option<Obj>, attr: &str) -> PyResult<()> {
    check_settable(vm, o, &value, attr)?;
    let key = vm.intern(attr);
    dict_obj(vm.type_dict(ty(o))).set_str(key, value.expect("checked"));
    Ok(())
}
fn set_module(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    set_in_dict(vm, o, value, "__module__")
}
fn set_doc(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    set_in_dict(vm, o, value, "__doc__")
}
/// `__type_params__`: what `class C[T]` stored in the class dict, else ()
/// (`type_get_type_params`).
fn get_type_params(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let key = vm.intern("__type_params__");
    Ok(dict_obj(vm.type_dict(ty(o)))
        .get_str(&key)
        .unwrap_or_else(|| vm.new_tuple(Vec::new())))
}
fn set_type_params(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    if let Some(v) = &value
        && crate::objects::tuple::tuple_items(v).is_none()
    {
        return Err(vm.type_error(format!(
            "__type_params__ must be set to a tuple, not {}",
            v.class().name()
        )));
    }
    set_in_dict(vm, o, value, "__type_params__")
}
fn get_mro(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let items: Vec<Obj> = ty(o).mro().map(type_as_obj).collect();
    Ok(vm.new_tuple(items))
}
fn get_bases(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let t = ty(o);
    if let Some(h) = t.heap_data() {
        let items = h.bases.iter().map(|b| type_as_obj(b)).collect();
        return Ok(vm.new_tuple(items));
    }
    let items: Vec<Obj> = match t.tp_mro.get() {
        Some(_) if std::ptr::eq(t, &exceptions::EXCEPTION_GROUP) => {
            vec![
                type_as_obj(&exceptions::BASE_EXCEPTION_GROUP),
                type_as_obj(&exceptions::EXCEPTION),
            ]
        }
        _ => t.tp_base.map(type_as_obj).into_iter().collect(),
    };
    Ok(vm.new_tuple(items))
}
fn get_base(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(ty(o).tp_base.map(type_as_obj).unwrap_or_else(Obj::none))
}
fn get_dict(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let d = vm.type_dict(ty(o)).clone();
    Ok(crate::objects::mappingproxy::new_mappingproxy(d))
}

static TYPE_GETSETS: &[GetSetDef] = &[
    GetSetDef::getset("__name__", get_name, set_name),
    GetSetDef::getset("__qualname__", get_qualname, set_qualname),
    GetSetDef::getset("__module__", get_module, set_module),
    GetSetDef::getset("__doc__", get_doc, set_doc),
    GetSetDef::getter("__mro__", get_mro),
    GetSetDef::getter("__bases__", get_bases),
    GetSetDef::getter("__base__", get_base),
    GetSetDef::getter("__dict__", get_dict),
    GetSetDef::getset(
        "__annotations__",
        crate::objects::heaptype::get_annotations,
        crate::objects::heaptype::set_annotations,
    ),
    GetSetDef::getset(
        "__annotate__",
        crate::objects::heaptype::get_annotate,
        crate::objects::heaptype::set_annotate,
    ),
    GetSetDef::getset("__type_params__", get_type_params, set_type_params),
];

fn type_mro(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "type.mro", &a[1..], kw)?;
    let items: Vec<Obj> = ty(&a[0]).mro().map(type_as_obj).collect();
    Ok(vm.new_list(items))
}

fn type_instancecheck(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let x = args::one_arg(vm, "type.__instancecheck__", &a[1..], kw)?;
    Ok(bool_::new_bool(x.class().is_subtype(ty(&a[0]))))
}

fn type_subclasscheck(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let x = args::one_arg(vm, "type.__subclasscheck__", &a[1..], kw)?;
    match as_type(x) {
        Some(sub) => Ok(bool_::new_bool(sub.is_subtype(ty(&a[0])))),
        None => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

fn type_dir(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "type.__dir__", &a[1..], kw)?;
    let names = crate::objects::protocol::attr::dir_of(vm, &a[0])?;
    Ok(vm.new_list(names))
}

fn type_subclasses(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "type.__subclasses__", &a[1..], kw)?;
    let items = vm
        .subclasses_of(ty(&a[0]))
        .into_iter()
        .map(type_as_obj)
        .collect();
    Ok(vm.new_list(items))
}

/// `type.__prepare__(name, bases, **kwds)`: an empty dict.
fn type_prepare(vm: &mut Vm, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    Ok(vm.new_dict())
}

static TYPE_METHODS: &[MethodDef] = &[
    MethodDef::new("mro", type_mro),
    MethodDef::new("__subclasses__", type_subclasses),
    MethodDef::class("__prepare__", type_prepare),
    MethodDef::new("__instancecheck__", type_instancecheck),
    MethodDef::new("__subclasscheck__", type_subclasscheck),
    MethodDef::new("__dir__", type_dir),
];

/// Names in a type's own dict (for `vars(type)`-like uses).
pub fn own_names(vm: &Vm, t: &TypeObject) -> Vec<Obj> {
    dict_obj(vm.type_dict(t)).keys()
}
