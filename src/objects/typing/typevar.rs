//! `typing.TypeVar`, `typing.ParamSpec` and `typing.TypeVarTuple` as the
//! compiler creates them for PEP 695 type parameters (CPython's
//! `Objects/typevarobject.c`), and the `typing.NoDefault` sentinel.
//!
//! Bounds, constraints and defaults are evaluated lazily (PEP 649): the
//! compiler passes a function of one argument (the annotation format),
//! called once on first access and cached.

use crate::objects::bool_::new_bool;
use crate::objects::header::ObjHeader;
use crate::objects::int::new_int;
use crate::objects::obj::{ObjCell, dealloc_box, dealloc_never};
use crate::objects::registry::TypeIndex;
use crate::objects::singletons::SingletonObject;
use crate::objects::str::is_str;
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::typeobject::{GetSetDef, MethodDef, TypeObject};
use crate::objects::{Obj, PyResult, Vm, args, object_type};

/// Which of the three kinds of type parameter an object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TypeParamKind {
    TypeVar,
    ParamSpec,
    TypeVarTuple,
}

/// One type parameter. A TypeVar made by the compiler always infers its
/// variance.
#[repr(C)]
pub struct TypeParamObject {
    pub ob: ObjHeader,
    pub kind: TypeParamKind,
    pub name: Obj,
    /// The evaluated bound (TypeVar) or constraints tuple, once computed.
    bound: ObjCell,
    constraints: ObjCell,
    default: ObjCell,
    evaluate_bound: ObjCell,
    evaluate_constraints: ObjCell,
    evaluate_default: ObjCell,
}
crate::py_layout!(TypeParamObject, TYPEVAR_TYPE);

/// The three types share one layout, `TypeParamObject` (declared by
/// TypeVar's type).
macro_rules! type_param_type {
    ($name:ident, $tp_name:literal, $idx:ident, $getsets:ident) => {
        pub static $name: TypeObject = TypeObject::new_static(
            $tp_name,
            &TYPEVAR_TYPE,
            TypeIndex::$idx as u16,
            dealloc_box::<TypeParamObject>,
        )
        .base(&object_type::OBJECT_TYPE)
        .gc(type_param_traverse, Some(type_param_clear))
        .repr(type_param_repr)
        .getsets($getsets)
        .methods(TYPE_PARAM_METHODS);
    };
}
type_param_type!(TYPEVAR_TYPE, "typing.TypeVar", TypeVar, TYPEVAR_GETSETS);
type_param_type!(
    PARAMSPEC_TYPE,
    "typing.ParamSpec",
    ParamSpec,
    PARAMSPEC_GETSETS
);
type_param_type!(
    TYPEVARTUPLE_TYPE,
    "typing.TypeVarTuple",
    TypeVarTuple,
    TYPEVARTUPLE_GETSETS
);

/// `typing.NoDefault`: what `__default__` is when there is no default.
pub static NODEFAULT_TYPE: TypeObject = TypeObject::new_static(
    "NoDefaultType",
    &NODEFAULT_TYPE,
    TypeIndex::NoDefault as u16,
    dealloc_never,
)
.base(&object_type::OBJECT_TYPE)
.repr(nodefault_repr);

static NO_DEFAULT: SingletonObject = SingletonObject {
    ob: ObjHeader::immortal(&NODEFAULT_TYPE),
};

fn no_default() -> Obj {
    Obj::from_static(&NO_DEFAULT)
}

fn nodefault_repr(vm: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str("typing.NoDefault"))
}

/// A type parameter named `name`, as INTRINSIC_TYPEVAR, _PARAMSPEC,
/// _TYPEVARTUPLE, _TYPEVAR_WITH_BOUND and _TYPEVAR_WITH_CONSTRAINTS make it.
pub fn new_type_param(
    vm: &mut Vm,
    kind: TypeParamKind,
    name: Obj,
    evaluate_bound: Option<Obj>,
    evaluate_constraints: Option<Obj>,
) -> PyResult<Obj> {
    if !is_str(&name) {
        return Err(vm.system_error("type parameter name must be a str"));
    }
    let ty = match kind {
        TypeParamKind::TypeVar => &TYPEVAR_TYPE,
        TypeParamKind::ParamSpec => &PARAMSPEC_TYPE,
        TypeParamKind::TypeVarTuple => &TYPEVARTUPLE_TYPE,
    };
    Ok(Obj::alloc(TypeParamObject {
        ob: ObjHeader::new(ty),
        kind,
        name,
        bound: ObjCell::empty(),
        constraints: ObjCell::empty(),
        default: ObjCell::empty(),
        evaluate_bound: ObjCell::new(evaluate_bound),
        evaluate_constraints: ObjCell::new(evaluate_constraints),
        evaluate_default: ObjCell::empty(),
    }))
}

/// The type parameter `o` is, if it is one.
pub fn type_param(o: &Obj) -> Option<&TypeParamObject> {
    o.downcast::<TypeParamObject>()
}

fn tp(o: &Obj) -> &TypeParamObject {
    type_param(o).expect("type parameter slot")
}

/// INTRINSIC_SET_TYPEPARAM_DEFAULT: gives a type parameter the function
/// that evaluates its default (`[T = int]`).
pub fn set_typeparam_default(vm: &mut Vm, param: Obj, evaluate_default: Obj) -> PyResult<Obj> {
    let Some(p) = type_param(&param) else {
        return Err(vm.type_error("Expected a type param"));
    };
    p.evaluate_default.set(Some(evaluate_default));
    Ok(param)
}

/// `cache`, else `evaluate(1)` stored in `cache`, else `absent`.
fn lazy(
    vm: &mut Vm,
    cache: &ObjCell,
    evaluate: &ObjCell,
    absent: impl FnOnce() -> Obj,
) -> PyResult<Obj> {
    if let Some(v) = cache.get() {
        return Ok(v);
    }
    let Some(f) = evaluate.get() else {
        return Ok(absent());
    };
    let v = vm.call(&f, &[new_int(1)], None)?;
    cache.set(Some(v.clone()));
    Ok(v)
}

/// `typevar_repr` and friends: a parameter the compiler made infers its
/// variance, so it shows as its bare name.
fn type_param_repr(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(tp(o).name.clone())
}

fn get_name(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(tp(o).name.clone())
}
fn get_bound(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let p = tp(o);
    lazy(vm, &p.bound, &p.evaluate_bound, Obj::none)
}
fn get_constraints(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let p = tp(o);
    let c = lazy(vm, &p.constraints, &p.evaluate_constraints, || {
        new_tuple(Vec::new())
    })?;
    if tuple_items(&c).is_none() {
        return Err(vm.type_error("constraints must be a tuple"));
    }
    Ok(c)
}
fn get_default(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let p = tp(o);
    lazy(vm, &p.default, &p.evaluate_default, no_default)
}
fn get_false(_: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(new_bool(false))
}
fn get_infer_variance(_: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(new_bool(true))
}
fn get_evaluate_bound(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(tp(o).evaluate_bound.get().unwrap_or_else(Obj::none))
}
fn get_evaluate_constraints(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(tp(o).evaluate_constraints.get().unwrap_or_else(Obj::none))
}
fn get_evaluate_default(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(tp(o).evaluate_default.get().unwrap_or_else(Obj::none))
}

/// `has_default()`: whether a default was given.
fn has_default(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "has_default", &a[1..], kw)?;
    let p = tp(&a[0]);
    let has =
        p.evaluate_default.get().is_some() || p.default.get().is_some_and(|d| !d.is(&no_default()));
    Ok(new_bool(has))
}

/// `__mro_entries__`: a type parameter cannot be a base class.
fn mro_entries(vm: &mut Vm, a: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    let what = a[0].class().name().to_string();
    Err(vm.type_error(format!("Cannot subclass an instance of {what}")))
}

static TYPE_PARAM_METHODS: &[MethodDef] = &[
    MethodDef::new("has_default", has_default),
    MethodDef::new("__mro_entries__", mro_entries),
];

static TYPEVAR_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", get_name),
    GetSetDef::getter("__bound__", get_bound),
    GetSetDef::getter("__constraints__", get_constraints),
    GetSetDef::getter("__default__", get_default),
    GetSetDef::getter("__covariant__", get_false),
    GetSetDef::getter("__contravariant__", get_false),
    GetSetDef::getter("__infer_variance__", get_infer_variance),
    GetSetDef::getter("evaluate_bound", get_evaluate_bound),
    GetSetDef::getter("evaluate_constraints", get_evaluate_constraints),
    GetSetDef::getter("evaluate_default", get_evaluate_default),
];
static PARAMSPEC_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", get_name),
    GetSetDef::getter("__bound__", get_bound),
    GetSetDef::getter("__default__", get_default),
    GetSetDef::getter("__covariant__", get_false),
    GetSetDef::getter("__contravariant__", get_false),
    GetSetDef::getter("__infer_variance__", get_infer_variance),
    GetSetDef::getter("evaluate_default", get_evaluate_default),
];
static TYPEVARTUPLE_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", get_name),
    GetSetDef::getter("__default__", get_default),
    GetSetDef::getter("evaluate_default", get_evaluate_default),
];

crate::gc_traverse!(
    type_param_traverse,
    TypeParamObject,
    [
        name,
        bound,
        constraints,
        default,
        evaluate_bound,
        evaluate_constraints,
        evaluate_default,
    ]
);
crate::gc_clear!(
    type_param_clear,
    TypeParamObject,
    [
        bound,
        constraints,
        default,
        evaluate_bound,
        evaluate_constraints,
        evaluate_default,
    ]
);
