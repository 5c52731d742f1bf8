//! Functions written in Rust: `builtin_function_or_method`,
//! `method_descriptor` and `classmethod_descriptor` (CPython's
//! `Objects/methodobject.c` and `Objects/descrobject.c`).

use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::typeobject::{
    CompareOp, GetSetDef, MethodDef, MethodKind, TypeObject, as_type, flags, type_as_obj,
};
use crate::objects::{Obj, PyResult, Vm, bool_, object_type};

/// A Rust function, unbound (a module function) or bound to `self`.
#[repr(C)]
pub struct BuiltinFunctionObject {
    pub ob: ObjHeader,
    pub def: &'static MethodDef,
    /// The object the method is bound to (prepended to the arguments).
    pub bound: Option<Obj>,
    /// `__module__` of module-level functions.
    pub module: Option<&'static str>,
}
crate::py_layout!(BuiltinFunctionObject, BUILTIN_FUNCTION_TYPE);

pub static BUILTIN_FUNCTION_TYPE: TypeObject = TypeObject::new_static(
    "builtin_function_or_method",
    &BUILTIN_FUNCTION_TYPE,
    TypeIndex::BuiltinFunction as u16,
    dealloc_box::<BuiltinFunctionObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(builtin_traverse, None)
.flags(flags::HAVE_VECTORCALL)
.repr(builtin_repr)
.hash(builtin_hash)
.richcompare(builtin_richcompare)
.call(builtin_call)
.getsets(BUILTIN_GETSETS);

/// A module-level function.
pub fn new_builtin_function(def: &'static MethodDef, module: &'static str) -> Obj {
    Obj::alloc(BuiltinFunctionObject {
        ob: ObjHeader::new(&BUILTIN_FUNCTION_TYPE),
        def,
        bound: None,
        module: Some(module),
    })
}

/// A method bound to `self_`.
pub fn new_bound_builtin(def: &'static MethodDef, self_: Obj) -> Obj {
    Obj::alloc(BuiltinFunctionObject {
        ob: ObjHeader::new(&BUILTIN_FUNCTION_TYPE),
        def,
        bound: Some(self_),
        module: None,
    })
}

fn builtin(o: &Obj) -> &BuiltinFunctionObject {
    o.downcast::<BuiltinFunctionObject>()
        .expect("builtin function slot")
}

fn builtin_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let b = builtin(o);
    let text = match &b.bound {
        None => format!("<built-in function {}>", b.def.name),
        Some(s) => format!(
            "<built-in method {} of {} object at {:#x}>",
            b.def.name,
            s.class().name(),
            s.addr()
        ),
    };
    Ok(vm.new_string(text))
}

fn builtin_hash(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    let b = builtin(o);
    let x = match &b.bound {
        Some(s) => vm
            .hash(s)
            .unwrap_or_else(|_| object_type::hash_pointer(s.addr())),
        None => 0,
    };
    let y = object_type::hash_pointer(b.def as *const MethodDef as usize);
    let h = x ^ y;
    Ok(if h == -1 { -2 } else { h })
}

fn builtin_richcompare(_: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let Some(y) = b.downcast::<BuiltinFunctionObject>() else {
        return Ok(Obj::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Obj::not_implemented());
    }
    let x = builtin(a);
    let same_self = match (&x.bound, &y.bound) {
        (Some(p), Some(q)) => p.is(q),
        (None, None) => true,
        _ => false,
    };
    let eq = std::ptr::eq(x.def, y.def) && same_self;
    Ok(bool_::new_bool(eq == (op == CompareOp::Eq)))
}

fn builtin_call(vm: &mut Vm, o: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    let b = builtin(o);
    match &b.bound {
        None => (b.def.func)(vm, args, kwnames),
        Some(s) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(s.clone());
            full.extend_from_slice(args);
            (b.def.func)(vm, &full, kwnames)
        }
    }
}

fn get_name(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str(builtin(o).def.name))
}

fn get_qualname(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let b = builtin(o);
    let text = match &b.bound {
        Some(s) => {
            let ty = match as_type(s) {
                Some(t) => t.name().into_owned(),
                None => s.class().name().into_owned(),
            };
            format!("{ty}.{}", b.def.name)
        }
        None => b.def.name.to_string(),
    };
    Ok(vm.new_string(text))
}

fn get_self(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let b = builtin(o);
    match &b.bound {
        Some(s) => Ok(s.clone()),
        None => Ok(match b.module {
            Some(m) => vm.modules_get(m).unwrap_or_else(Obj::none),
            None => Obj::none(),
        }),
    }
}

fn get_module(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(match builtin(o).module {
        Some(m) => vm.new_str(m),
        None => Obj::none(),
    })
}

fn get_doc(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let d = builtin(o).def.doc;
    Ok(if d.is_empty() {
        Obj::none()
    } else {
        vm.new_str(d)
    })
}

static BUILTIN_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", get_name),
    GetSetDef::getter("__qualname__", get_qualname),
    GetSetDef::getter("__self__", get_self),
    GetSetDef::getter("__module__", get_module),
    GetSetDef::getter("__doc__", get_doc),
];

/// An unbound method of a builtin type (`list.append`).
#[repr(C)]
pub struct MethodDescrObject {
    pub ob: ObjHeader,
    pub def: &'static MethodDef,
    pub objclass: &'static TypeObject,
}
crate::py_layout!(MethodDescrObject, METHOD_DESCRIPTOR_TYPE);

pub static METHOD_DESCRIPTOR_TYPE: TypeObject = TypeObject::new_static(
    "method_descriptor",
    &METHOD_DESCRIPTOR_TYPE,
    TypeIndex::MethodDescriptor as u16,
    dealloc_box::<MethodDescrObject>,
)
.base(&object_type::OBJECT_TYPE)
.flags(flags::METHOD_DESCRIPTOR | flags::HAVE_VECTORCALL)
.repr(method_descr_repr)
.call(method_descr_call)
.descr_get(method_descr_get)
.getsets(DESCR_GETSETS);

pub static CLASSMETHOD_DESCRIPTOR_TYPE: TypeObject = TypeObject::new_static(
    "classmethod_descriptor",
    &METHOD_DESCRIPTOR_TYPE,
    TypeIndex::ClassMethodDescriptor as u16,
    dealloc_box::<MethodDescrObject>,
)
.base(&object_type::OBJECT_TYPE)
.repr(method_descr_repr)
.call(classmethod_descr_call)
.descr_get(classmethod_descr_get)
.getsets(DESCR_GETSETS);

/// The descriptor stored in a builtin type's dict for `def`.
pub fn new_method_descr(def: &'static MethodDef, objclass: &'static TypeObject) -> Obj {
    match def.kind {
        MethodKind::Instance => Obj::alloc(MethodDescrObject {
            ob: ObjHeader::new(&METHOD_DESCRIPTOR_TYPE),
            def,
            objclass,
        }),
        MethodKind::Class => Obj::alloc(MethodDescrObject {
            ob: ObjHeader::new(&CLASSMETHOD_DESCRIPTOR_TYPE),
            def,
            objclass,
        }),
        MethodKind::Static => new_builtin_function(def, "builtins"),
    }
}

fn descr(o: &Obj) -> &MethodDescrObject {
    o.downcast::<MethodDescrObject>()
        .expect("method descriptor slot")
}

fn method_descr_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let d = descr(o);
    Ok(vm.new_string(format!(
        "<method '{}' of '{}' objects>",
        d.def.name,
        d.objclass.name()
    )))
}

/// Checks that `self` is an instance of the descriptor's class.
fn check_self(vm: &mut Vm, d: &MethodDescrObject, args: &[Obj]) -> PyResult<()> {
    match args.first() {
        None => Err(vm.type_error(format!(
            "unbound method {}.{}() needs an argument",
            d.objclass.name(),
            d.def.name
        ))),
        Some(s) if !s.class().is_subtype(d.objclass) => Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.def.name,
            d.objclass.name(),
            s.class().name()
        ))),
        Some(_) => Ok(()),
    }
}

/// Calls a method descriptor with `self` first (the LOAD_ATTR method path
/// ends here without allocating a bound method).
pub fn method_descr_call(
    vm: &mut Vm,
    o: &Obj,
    args: &[Obj],
    kwnames: Option<&Obj>,
) -> PyResult<Obj> {
    let d = descr(o);
    check_self(vm, d, args)?;
    (d.def.func)(vm, args, kwnames)
}

fn method_descr_get(vm: &mut Vm, o: &Obj, obj: Option<&Obj>, _: Option<&Obj>) -> PyResult<Obj> {
    let d = descr(o);
    match obj {
        None => Ok(o.clone()),
        Some(s) => {
            check_self(vm, d, std::slice::from_ref(s))?;
            Ok(new_bound_builtin(d.def, s.clone()))
        }
    }
}

fn classmethod_descr_call(
    vm: &mut Vm,
    o: &Obj,
    args: &[Obj],
    kwnames: Option<&Obj>,
) -> PyResult<Obj> {
    let d = descr(o);
    match args.first().and_then(as_type) {
        Some(t) if t.is_subtype(d.objclass) => (d.def.func)(vm, args, kwnames),
        _ => Err(vm.type_error(format!(
            "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 1",
            d.def.name,
            d.objclass.name(),
            args.first()
                .map(|a| a.class().name().into_owned())
                .unwrap_or_default()
        ))),
    }
}

fn classmethod_descr_get(
    _: &mut Vm,
    o: &Obj,
    obj: Option<&Obj>,
    ty: Option<&Obj>,
) -> PyResult<Obj> {
    let d = descr(o);
    let cls = match (ty, obj) {
        (Some(t), _) => t.clone(),
        (None, Some(x)) => type_as_obj(x.class()),
        (None, None) => type_as_obj(d.objclass),
    };
    Ok(new_bound_builtin(d.def, cls))
}

fn descr_get_name(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str(descr(o).def.name))
}

fn descr_get_qualname(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let d = descr(o);
    Ok(vm.new_string(format!("{}.{}", d.objclass.name(), d.def.name)))
}

fn descr_get_objclass(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(type_as_obj(descr(o).objclass))
}

fn descr_get_doc(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let d = descr(o).def.doc;
    Ok(if d.is_empty() {
        Obj::none()
    } else {
        vm.new_str(d)
    })
}

static DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", descr_get_name),
    GetSetDef::getter("__qualname__", descr_get_qualname),
    GetSetDef::getter("__objclass__", descr_get_objclass),
    GetSetDef::getter("__doc__", descr_get_doc),
];

/// `__text_signature__`-free name of a callable, for error messages.
pub fn callable_name(o: &Obj) -> String {
    if let Some(b) = o.downcast::<BuiltinFunctionObject>() {
        return b.def.name.to_string();
    }
    if let Some(f) = o.downcast::<crate::objects::function::FunctionObject>() {
        return f
            .qualname
            .get()
            .map(|q| str_value(&q).to_string())
            .unwrap_or_default();
    }
    o.class().name().into_owned()
}

crate::gc_traverse!(builtin_traverse, BuiltinFunctionObject, [bound]);
