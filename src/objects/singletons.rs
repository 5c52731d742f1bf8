//! `None`, `NotImplemented` and `Ellipsis`: immortal static singletons.

use crate::objects::header::ObjHeader;
use crate::objects::obj::{Obj, StaticObject, dealloc_never};
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::TypeObject;
use crate::objects::{PyResult, Vm, args, object_type};

/// The layout of the three singletons: just a header.
#[repr(C)]
pub struct SingletonObject {
    pub ob: ObjHeader,
}

// SAFETY: `#[repr(C)]`, header first, immortal.
unsafe impl StaticObject for SingletonObject {}

pub static NONE: SingletonObject = SingletonObject {
    ob: ObjHeader::immortal(&NONE_TYPE),
};
pub static NOT_IMPLEMENTED: SingletonObject = SingletonObject {
    ob: ObjHeader::immortal(&NOT_IMPLEMENTED_TYPE),
};
pub static ELLIPSIS: SingletonObject = SingletonObject {
    ob: ObjHeader::immortal(&ELLIPSIS_TYPE),
};

pub static NONE_TYPE: TypeObject = TypeObject::new_static(
    "NoneType",
    &NONE_TYPE,
    TypeIndex::NoneType as u16,
    dealloc_never,
)
.base(&object_type::OBJECT_TYPE)
.repr(none_repr)
.hash(none_hash)
.nb_bool(false_bool)
.new_fn(none_new);

pub static NOT_IMPLEMENTED_TYPE: TypeObject = TypeObject::new_static(
    "NotImplementedType",
    &NOT_IMPLEMENTED_TYPE,
    TypeIndex::NotImplementedType as u16,
    dealloc_never,
)
.base(&object_type::OBJECT_TYPE)
.repr(not_implemented_repr)
.nb_bool(not_implemented_bool)
.new_fn(not_implemented_new);

pub static ELLIPSIS_TYPE: TypeObject = TypeObject::new_static(
    "ellipsis",
    &ELLIPSIS_TYPE,
    TypeIndex::Ellipsis as u16,
    dealloc_never,
)
.base(&object_type::OBJECT_TYPE)
.repr(ellipsis_repr)
.new_fn(ellipsis_new);

impl Obj {
    #[inline(always)]
    pub fn none() -> Obj {
        Obj::from_static(&NONE)
    }
    #[inline(always)]
    pub fn not_implemented() -> Obj {
        Obj::from_static(&NOT_IMPLEMENTED)
    }
    #[inline(always)]
    pub fn ellipsis() -> Obj {
        Obj::from_static(&ELLIPSIS)
    }
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.is_static(&NONE)
    }
    #[inline(always)]
    pub fn is_not_implemented(&self) -> bool {
        self.is_static(&NOT_IMPLEMENTED)
    }
}

fn none_repr(vm: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(vm.intern("None"))
}

/// `hash(None)` is a fixed constant since 3.12.
fn none_hash(_: &mut Vm, _: &Obj) -> PyResult<i64> {
    Ok(0xFCA86420)
}

fn false_bool(_: &mut Vm, _: &Obj) -> PyResult<bool> {
    Ok(false)
}

fn none_new(vm: &mut Vm, _: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "NoneType", a, kw)?;
    Ok(Obj::none())
}

fn not_implemented_repr(vm: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(vm.intern("NotImplemented"))
}

fn not_implemented_bool(vm: &mut Vm, _: &Obj) -> PyResult<bool> {
    Err(vm.type_error("NotImplemented should not be used in a boolean context"))
}

fn not_implemented_new(vm: &mut Vm, _: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "NotImplementedType", a, kw)?;
    Ok(Obj::not_implemented())
}

fn ellipsis_repr(vm: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(vm.intern("Ellipsis"))
}

fn ellipsis_new(vm: &mut Vm, _: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "ellipsis", a, kw)?;
    Ok(Obj::ellipsis())
}
