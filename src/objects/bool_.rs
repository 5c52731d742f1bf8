//! `bool`: a subclass of int with two immortal instances.

use crate::objects::args;
use crate::objects::header::ObjHeader;
use crate::objects::int::{INT_TYPE, IntObject, IntValue, int_ref};
use crate::objects::obj::{StaticObject, dealloc_never};
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{NbOp, TypeObject, flags};
use crate::objects::{Obj, PyResult, Vm};

pub static TRUE: BoolObject = BoolObject(IntObject {
    ob: ObjHeader::immortal(&BOOL_TYPE),
    value: IntValue::Small(1),
});
pub static FALSE: BoolObject = BoolObject(IntObject {
    ob: ObjHeader::immortal(&BOOL_TYPE),
    value: IntValue::Small(0),
});

/// A static `IntObject` of type bool.
#[repr(transparent)]
pub struct BoolObject(IntObject);

// SAFETY: an `IntObject` starts with its header; the statics are immortal
// and never mutated.
unsafe impl Sync for BoolObject {}
// SAFETY: see above.
unsafe impl StaticObject for BoolObject {}

pub static BOOL_TYPE: TypeObject =
    crate::objects::int::int_slots(TypeObject::new_static("bool", &INT_TYPE, TypeIndex::Bool as u16, dealloc_never))
        .base(&INT_TYPE)
        .flags(flags::LONG_SUBCLASS | flags::MATCH_SELF)
        .doc("Returns True when the argument is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed.")
        .repr(bool_repr)
        .nb(NbOp::And, bool_and)
        .nb(NbOp::Or, bool_or)
        .nb(NbOp::Xor, bool_xor)
        .nb_invert(bool_invert)
        .new_fn(bool_new);

#[inline(always)]
pub fn new_bool(b: bool) -> Obj {
    if b {
        Obj::from_static(&TRUE)
    } else {
        Obj::from_static(&FALSE)
    }
}

impl Obj {
    #[inline(always)]
    pub fn is_true_obj(&self) -> bool {
        self.is_static(&TRUE)
    }
    #[inline(always)]
    pub fn is_false_obj(&self) -> bool {
        self.is_static(&FALSE)
    }
}

fn bool_repr(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    Ok(vm.intern(if a.is_true_obj() { "True" } else { "False" }))
}

fn both_bools(a: &Obj, b: &Obj) -> Option<(bool, bool)> {
    let is_bool = |o: &Obj| std::ptr::eq(o.class(), &BOOL_TYPE);
    if is_bool(a) && is_bool(b) {
        Some((a.is_true_obj(), b.is_true_obj()))
    } else {
        None
    }
}

fn bool_and(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    match both_bools(a, b) {
        Some((x, y)) => Ok(new_bool(x & y)),
        None => crate::objects::int::ops::int_and(vm, a, b),
    }
}

fn bool_or(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    match both_bools(a, b) {
        Some((x, y)) => Ok(new_bool(x | y)),
        None => crate::objects::int::ops::int_or(vm, a, b),
    }
}

fn bool_xor(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<Obj> {
    match both_bools(a, b) {
        Some((x, y)) => Ok(new_bool(x ^ y)),
        None => crate::objects::int::ops::int_xor(vm, a, b),
    }
}

/// `~True` is still -2 in 3.14, with a DeprecationWarning we do not emit.
fn bool_invert(vm: &mut Vm, a: &Obj) -> PyResult<Obj> {
    let _ = vm;
    let v = int_ref(a).and_then(|r| r.to_i64()).unwrap_or(0);
    Ok(crate::objects::int::new_int(!v))
}

fn bool_new(vm: &mut Vm, _: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "bool", kw)?;
    args::check_positional_count(vm, "bool", a.len(), 0, 1)?;
    match a.first() {
        None => Ok(new_bool(false)),
        Some(x) => Ok(new_bool(vm.is_true(x)?)),
    }
}
