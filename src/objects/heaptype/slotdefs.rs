//! Which slot each dunder method fills (CPython's `slotdefs` table and
//! `update_one_slot`).
//!
//! For every slot of a class, the dunder names that feed it are looked up
//! along the MRO. The first class in the MRO that defines one decides:
//! - a builtin type: the class copies that type's slot function (its
//!   dunder is a wrapper of that function);
//! - a class: the slot becomes the `slot_*` function that calls the dunder
//!   (or, for `__hash__ = None`, the unhashable marker);
//! - nobody: the slot is empty.
//!
//! Slots that exist only for builtin sequences (`sq_concat`, `sq_repeat`,
//! ...) are copied from a builtin type or left empty: a class's `__add__`
//! goes through `nb_add`.

use super::slot_fns as s;
use crate::objects::dict::dict_obj;
use crate::objects::object_type::hash_not_implemented;
use crate::objects::typeobject::{CompareOp, NbOp, TypeObject};
use crate::objects::{Obj, Vm};

/// Who defines a group of dunders first in an MRO.
enum Definer {
    Builtin(&'static TypeObject),
    /// A class defines it, with this value (a function, None, ...).
    Class(Obj),
    Nobody,
}

impl Definer {
    fn is_class(&self) -> bool {
        matches!(self, Definer::Class(_))
    }
}

fn find(vm: &mut Vm, ty: &'static TypeObject, names: &[&str]) -> Definer {
    let keys: Vec<Obj> = names.iter().map(|n| vm.intern(n)).collect();
    for t in ty.mro() {
        let d = dict_obj(vm.type_dict(t));
        for k in &keys {
            if let Some(v) = d.get_str(k) {
                return if t.is_heap_type() {
                    Definer::Class(v)
                } else {
                    Definer::Builtin(t)
                };
            }
        }
    }
    Definer::Nobody
}

/// Sets slot `$field` of `$ty` from the definer of `$names`: a builtin's
/// own function, `$generic` for a class, or nothing.
macro_rules! slot {
    ($vm:expr, $ty:expr, [$($name:expr),+], $($field:tt)+) => {
        slot!(@with $vm, $ty, [$($name),+], None, $($field)+)
    };
    (@generic $generic:expr; $vm:expr, $ty:expr, [$($name:expr),+], $($field:tt)+) => {
        slot!(@with $vm, $ty, [$($name),+], Some($generic as _), $($field)+)
    };
    (@with $vm:expr, $ty:expr, [$($name:expr),+], $generic:expr, $($field:tt)+) => {{
        let value = match find($vm, $ty, &[$($name),+]) {
            Definer::Builtin(b) => b.slots.$($field)+.get(),
            Definer::Class(_) => $generic,
            Definer::Nobody => None,
        };
        $ty.slots.$($field)+.set(value);
    }};
}

/// Derives every slot of the class `ty` from its MRO (`fixup_slot_dispatchers`).
pub fn fixup_slots(vm: &mut Vm, ty: &'static TypeObject) {
    slot!(@generic s::slot_tp_repr; vm, ty, ["__repr__"], tp_repr);
    slot!(@generic s::slot_tp_str; vm, ty, ["__str__"], tp_str);
    let hash = match find(vm, ty, &["__hash__"]) {
        Definer::Builtin(b) => b.slots.tp_hash.get(),
        Definer::Class(v) if v.is_none() => Some(hash_not_implemented as _),
        Definer::Class(_) => Some(s::slot_tp_hash as _),
        Definer::Nobody => None,
    };
    ty.slots.tp_hash.set(hash);
    slot!(@generic s::slot_tp_call; vm, ty, ["__call__"], tp_call);
    slot!(@generic s::slot_tp_getattr_hook; vm, ty, ["__getattribute__", "__getattr__"], tp_getattro);
    slot!(@generic s::slot_tp_setattro; vm, ty, ["__setattr__", "__delattr__"], tp_setattro);
    let cmp_names = [
        CompareOp::Lt.dunder(),
        CompareOp::Le.dunder(),
        CompareOp::Eq.dunder(),
        CompareOp::Ne.dunder(),
        CompareOp::Gt.dunder(),
        CompareOp::Ge.dunder(),
    ];
    let cmp = match find(vm, ty, &cmp_names) {
        Definer::Builtin(b) => b.slots.tp_richcompare.get(),
        Definer::Class(_) => Some(s::slot_tp_richcompare as _),
        Definer::Nobody => None,
    };
    ty.slots.tp_richcompare.set(cmp);
    slot!(@generic s::slot_tp_iter; vm, ty, ["__iter__"], tp_iter);
    slot!(@generic s::slot_tp_iternext; vm, ty, ["__next__"], tp_iternext);
    slot!(@generic s::slot_tp_descr_get; vm, ty, ["__get__"], tp_descr_get);
    slot!(@generic s::slot_tp_descr_set; vm, ty, ["__set__", "__delete__"], tp_descr_set);
    slot!(@generic s::slot_tp_init; vm, ty, ["__init__"], tp_init);
    slot!(@generic s::slot_tp_new; vm, ty, ["__new__"], tp_new);
    for op in NbOp::ALL {
        let (name, rname, iname) = op.dunders();
        let i = op as usize;
        slot!(@generic s::BINARY_SLOTS[i]; vm, ty, [name, rname], nb_binary[i]);
        slot!(@generic s::INPLACE_SLOTS[i]; vm, ty, [iname], nb_inplace[i]);
    }
    slot!(@generic s::slot_nb_power; vm, ty, ["__pow__", "__rpow__"], nb_power);
    slot!(@generic s::slot_nb_divmod; vm, ty, ["__divmod__", "__rdivmod__"], nb_divmod);
    slot!(@generic s::slot_nb_negative; vm, ty, ["__neg__"], nb_negative);
    slot!(@generic s::slot_nb_positive; vm, ty, ["__pos__"], nb_positive);
    slot!(@generic s::slot_nb_absolute; vm, ty, ["__abs__"], nb_absolute);
    slot!(@generic s::slot_nb_invert; vm, ty, ["__invert__"], nb_invert);
    slot!(@generic s::slot_nb_bool; vm, ty, ["__bool__"], nb_bool);
    slot!(@generic s::slot_nb_int; vm, ty, ["__int__"], nb_int);
    slot!(@generic s::slot_nb_float; vm, ty, ["__float__"], nb_float);
    slot!(@generic s::slot_nb_index; vm, ty, ["__index__"], nb_index);
    slot!(@generic s::slot_sq_length; vm, ty, ["__len__"], sq_length);
    slot!(@generic s::slot_sq_contains; vm, ty, ["__contains__"], sq_contains);
    slot!(@generic s::slot_mp_subscript; vm, ty, ["__getitem__"], mp_subscript);
    slot!(@generic s::slot_mp_ass_subscript; vm, ty, ["__setitem__", "__delitem__"], mp_ass_subscript);
    // Builtin-only sequence slots.
    slot!(vm, ty, ["__add__"], sq_concat);
    slot!(vm, ty, ["__mul__", "__rmul__"], sq_repeat);
    slot!(vm, ty, ["__iadd__"], sq_inplace_concat);
    slot!(vm, ty, ["__imul__"], sq_inplace_repeat);
    if let Some(h) = ty.heap_data() {
        h.has_finalizer.set(find(vm, ty, &["__del__"]).is_class());
    }
}

/// After `cls.name = value` on a class: re-derives the slots of the class
/// and of every class below it when `name` is a dunder (`update_slot`).
pub fn update_slots_after_setattr(vm: &mut Vm, ty: &'static TypeObject, name: &str) {
    if !(name.starts_with("__") && name.ends_with("__")) {
        return;
    }
    let mut work = vec![ty];
    let mut seen: Vec<*const TypeObject> = Vec::new();
    while let Some(t) = work.pop() {
        if seen.contains(&(t as *const TypeObject)) {
            continue;
        }
        seen.push(t);
        fixup_slots(vm, t);
        work.extend(vm.subclasses_of(t));
    }
}
