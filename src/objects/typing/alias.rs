//! `typing.TypeAliasType` (the `type X = ...` statement) and the part of
//! `typing.Generic` a generic class needs (CPython's
//! `Objects/typevarobject.c`; CPython's `Generic` subscription lives in
//! `Lib/typing.py`, reached through `_Py_subscript_generic`).

use crate::objects::dict::dict_obj;
use crate::objects::header::ObjHeader;
use crate::objects::int::new_int;
use crate::objects::obj::{ObjCell, dealloc_box};
use crate::objects::object_type::PlainObject;
use crate::objects::registry::TypeIndex;
use crate::objects::str::is_str;
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::typeobject::{GetSetDef, MethodDef, TypeObject, as_type, flags};
use crate::objects::{Obj, PyResult, Vm, args, object_type};

use super::generic_alias::{
    GenericAliasObject, make_parameters, new_generic_alias, subscript_items, substitute,
};
use super::typevar::{NODEFAULT_TYPE, type_param};

#[repr(C)]
pub struct TypeAliasObject {
    pub ob: ObjHeader,
    name: Obj,
    /// A tuple, or None when the alias is not generic.
    type_params: Obj,
    compute_value: Obj,
    value: ObjCell,
    module: Obj,
}
crate::py_layout!(TypeAliasObject, TYPEALIAS_TYPE);

pub static TYPEALIAS_TYPE: TypeObject = TypeObject::new_static(
    "typing.TypeAliasType",
    &TYPEALIAS_TYPE,
    TypeIndex::TypeAlias as u16,
    dealloc_box::<TypeAliasObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(alias_traverse, Some(alias_clear))
.repr(typealias_repr)
.subscript(typealias_subscript)
.getsets(TYPEALIAS_GETSETS)
.methods(TYPEALIAS_METHODS);

/// INTRINSIC_TYPEALIAS: `(name, type_params, compute_value)` to a
/// TypeAliasType whose value is computed on first access. Its module is
/// the module of the function computing the value (the caller's).
pub fn make_typealias(vm: &mut Vm, t: Obj) -> PyResult<Obj> {
    let [name, type_params, compute_value] = tuple_items(&t).unwrap_or(&[]) else {
        return Err(vm.system_error("INTRINSIC_TYPEALIAS expects a 3-tuple"));
    };
    if !is_str(name) {
        return Err(vm.system_error("INTRINSIC_TYPEALIAS expects a name"));
    }
    let key = vm.ids.__module__.clone();
    let module = vm
        .getattr_opt(compute_value, &key)?
        .unwrap_or_else(Obj::none);
    Ok(Obj::alloc(TypeAliasObject {
        ob: ObjHeader::new(&TYPEALIAS_TYPE),
        name: name.clone(),
        type_params: type_params.clone(),
        compute_value: compute_value.clone(),
        value: ObjCell::empty(),
        module,
    }))
}

fn alias(o: &Obj) -> &TypeAliasObject {
    o.downcast::<TypeAliasObject>().expect("TypeAliasType slot")
}

fn type_params(a: &TypeAliasObject) -> Obj {
    if a.type_params.is_none() {
        new_tuple(Vec::new())
    } else {
        a.type_params.clone()
    }
}

fn typealias_repr(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(alias(o).name.clone())
}

/// `typealias_subscript`: only a generic alias takes arguments.
fn typealias_subscript(vm: &mut Vm, o: &Obj, key: &Obj) -> PyResult<Obj> {
    if tuple_items(&type_params(alias(o))).is_none_or(|t| t.is_empty()) {
        return Err(vm.type_error("Only generic type aliases are subscriptable"));
    }
    Ok(new_generic_alias(o.clone(), key.clone()))
}

fn get_name(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(alias(o).name.clone())
}
/// `__value__`: `compute_value(1)`, once.
fn get_value(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let a = alias(o);
    if let Some(v) = a.value.get() {
        return Ok(v);
    }
    let v = vm.call(&a.compute_value, &[new_int(1)], None)?;
    a.value.set(Some(v.clone()));
    Ok(v)
}
fn get_type_params(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(type_params(alias(o)))
}
fn get_module(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(alias(o).module.clone())
}
fn get_evaluate_value(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(alias(o).compute_value.clone())
}

/// `__mro_entries__`: a type alias cannot be a base class.
fn typealias_mro_entries(vm: &mut Vm, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    Err(vm.type_error("Cannot subclass an instance of TypeAliasType"))
}

static TYPEALIAS_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", get_name),
    GetSetDef::getter("__value__", get_value),
    GetSetDef::getter("__type_params__", get_type_params),
    GetSetDef::getter("__parameters__", get_type_params),
    GetSetDef::getter("__module__", get_module),
    GetSetDef::getter("evaluate_value", get_evaluate_value),
];
static TYPEALIAS_METHODS: &[MethodDef] =
    &[MethodDef::new("__mro_entries__", typealias_mro_entries)];

/// `typing.Generic`: the implicit base of `class C[T]`. Subscripting it
/// with type parameters gives the alias the class statement lists as a
/// base; subscripting a generic subclass substitutes its parameters.
pub static GENERIC_TYPE: TypeObject = TypeObject::new_static(
    "typing.Generic",
    &object_type::OBJECT_TYPE,
    TypeIndex::Generic as u16,
    dealloc_box::<PlainObject>,
)
.base(&object_type::OBJECT_TYPE)
.flags(flags::BASETYPE)
.methods(GENERIC_METHODS);

static GENERIC_METHODS: &[MethodDef] = &[
    MethodDef::class("__class_getitem__", generic_class_getitem),
    MethodDef::class("__init_subclass__", generic_init_subclass),
];

/// INTRINSIC_SUBSCRIPT_GENERIC: `Generic[*type_params]`.
pub fn subscript_generic(vm: &mut Vm, params: Obj) -> PyResult<Obj> {
    let generic = GENERIC_TYPE.as_obj();
    generic_class_getitem(vm, &[generic, params], None)
}

/// `Generic.__class_getitem__`: `Generic[T, U]` (distinct type
/// parameters only) or `C[int, str]` for a generic class `C`, its
/// missing trailing arguments taken from the parameters' defaults.
fn generic_class_getitem(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let a = args::positional(vm, "__class_getitem__", a, kw, 2, 2)?;
    let (cls, key) = (&a[0], &a[1]);
    let mut items = subscript_items(key);
    if std::ptr::eq(
        as_type(cls).map_or(std::ptr::null(), |t| t as *const _),
        &GENERIC_TYPE,
    ) {
        if items.is_empty() {
            return Err(vm.type_error("Parameter list to Generic[...] cannot be empty"));
        }
        if items.iter().any(|p| type_param(p).is_none()) {
            return Err(vm.type_error(
                "Parameters to Generic[...] must all be type variables or parameter specification variables.",
            ));
        }
        for (i, p) in items.iter().enumerate() {
            if items[..i].iter().any(|q| q.is(p)) {
                return Err(vm.type_error("Parameters to Generic[...] must all be unique"));
            }
        }
        return Ok(new_generic_alias(cls.clone(), new_tuple(items)));
    }
    let key = vm.intern("__parameters__");
    let params = match vm.getattr_opt(cls, &key)? {
        Some(p) => tuple_items(&p).unwrap_or(&[]).to_vec(),
        None => Vec::new(),
    };
    if params.is_empty() {
        let shown = vm.repr_string(cls)?;
        return Err(vm.type_error(format!("{shown} is not a generic class")));
    }
    let default_key = vm.intern("__default__");
    while items.len() < params.len() {
        let d = vm.getattr(&params[items.len()], &default_key)?;
        if std::ptr::eq(d.class(), &NODEFAULT_TYPE) {
            break;
        }
        items.push(d);
    }
    let args = substitute(vm, cls, &params, &params, &items)?;
    Ok(new_generic_alias(cls.clone(), new_tuple(args)))
}

/// `Generic.__init_subclass__`: sets the class's `__parameters__` from the
/// `Generic[...]` among its original bases, or from the type parameters
/// of its generic bases (`class D(C[T])`).
fn generic_init_subclass(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let cls = &a[0];
    args::no_args(vm, "Generic.__init_subclass__", &a[1..], kw)?;
    let Some(t) = as_type(cls) else {
        return Ok(Obj::none());
    };
    let dict = vm.type_dict(t).clone();
    let orig = dict_obj(&dict).get_str(&vm.ids.__orig_bases__.clone());
    let bases = orig
        .as_ref()
        .and_then(|o| tuple_items(o))
        .unwrap_or(&[])
        .to_vec();
    let explicit = bases.iter().find_map(|b| {
        b.downcast::<GenericAliasObject>()
            .filter(|g| as_type(&g.origin).is_some_and(|o| std::ptr::eq(o, &GENERIC_TYPE)))
            .map(|g| g.args.clone())
    });
    let params = match explicit {
        Some(p) => p,
        None => new_tuple(make_parameters(&bases)),
    };
    dict_obj(&dict).set_str(vm.intern("__parameters__"), params);
    Ok(Obj::none())
}

crate::gc_traverse!(
    alias_traverse,
    TypeAliasObject,
    [name, type_params, compute_value, value, module]
);
crate::gc_clear!(alias_clear, TypeAliasObject, [value]);
