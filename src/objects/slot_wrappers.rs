//! `wrapper_descriptor` and `method-wrapper`: the dunder methods a type gets
//! from its slots (`int.__add__`, `object.__repr__`), CPython's
//! `slotdefs`/`add_operators` in `Objects/typeobject.c`.

use crate::objects::args;
use crate::objects::dict::DictObject;
use crate::objects::header::ObjHeader;
use crate::objects::int::new_int;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::typeobject::{CompareOp, GetSetDef, MethodDef, NbOp, TypeObject, type_as_obj};
use crate::objects::{Obj, PyResult, Vm, bool_, native, object_type};

/// Which slot a wrapper calls, and how.
#[derive(Clone, Copy, Debug)]
pub enum SlotKind {
    Repr,
    Str,
    Hash,
    Call,
    GetAttribute,
    SetAttr,
    DelAttr,
    Compare(CompareOp),
    Iter,
    Next,
    Get,
    Set,
    Delete,
    Init,
    Binary(NbOp),
    RBinary(NbOp),
    Inplace(NbOp),
    Divmod,
    RDivmod,
    Neg,
    Pos,
    Abs,
    Invert,
    Bool,
    Int,
    Float,
    Index,
    Len,
    Concat,
    Repeat,
    InplaceConcat,
    InplaceRepeat,
    Contains,
    GetItem,
    SetItem,
    DelItem,
}

#[repr(C)]
pub struct WrapperDescrObject {
    pub ob: ObjHeader,
    pub name: &'static str,
    pub kind: SlotKind,
    pub objclass: &'static TypeObject,
}
crate::py_layout!(WrapperDescrObject, WRAPPER_DESCRIPTOR_TYPE);

pub static WRAPPER_DESCRIPTOR_TYPE: TypeObject = TypeObject::new_static(
    "wrapper_descriptor",
    &WRAPPER_DESCRIPTOR_TYPE,
    TypeIndex::WrapperDescriptor as u16,
    dealloc_box::<WrapperDescrObject>,
)
.base(&object_type::OBJECT_TYPE)
.flags(crate::objects::typeobject::flags::METHOD_DESCRIPTOR)
.repr(wrapper_repr)
.call(wrapper_call)
.descr_get(wrapper_get)
.getsets(WRAPPER_GETSETS);

#[repr(C)]
pub struct MethodWrapperObject {
    pub ob: ObjHeader,
    pub descr: Obj,
    pub self_: Obj,
}
crate::py_layout!(MethodWrapperObject, METHOD_WRAPPER_TYPE);

pub static METHOD_WRAPPER_TYPE: TypeObject = TypeObject::new_static(
    "method-wrapper",
    &METHOD_WRAPPER_TYPE,
    TypeIndex::MethodWrapper as u16,
    dealloc_box::<MethodWrapperObject>,
)
.base(&object_type::OBJECT_TYPE)
.gc(method_wrapper_traverse, None)
.repr(method_wrapper_repr)
.call(method_wrapper_call)
.getsets(METHOD_WRAPPER_GETSETS);

fn wd(o: &Obj) -> &WrapperDescrObject {
    o.downcast::<WrapperDescrObject>()
        .expect("wrapper_descriptor slot")
}

fn wrapper_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let d = wd(o);
    Ok(vm.new_string(format!(
        "<slot wrapper '{}' of '{}' objects>",
        d.name,
        d.objclass.name()
    )))
}

fn wrapper_get(_: &mut Vm, o: &Obj, obj: Option<&Obj>, _: Option<&Obj>) -> PyResult<Obj> {
    match obj {
        None => Ok(o.clone()),
        Some(s) => Ok(Obj::alloc(MethodWrapperObject {
            ob: ObjHeader::new(&METHOD_WRAPPER_TYPE),
            descr: o.clone(),
            self_: s.clone(),
        })),
    }
}

fn wrapper_call(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let d = wd(o);
    let Some(s) = a.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            d.name,
            d.objclass.name()
        )));
    };
    if !s.class().is_subtype(d.objclass) {
        return Err(vm.type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            d.name,
            d.objclass.name(),
            s.class().name()
        )));
    }
    call_slot(vm, d, s, &a[1..], kw)
}

fn mw(o: &Obj) -> &MethodWrapperObject {
    o.downcast::<MethodWrapperObject>()
        .expect("method-wrapper slot")
}

fn method_wrapper_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let m = mw(o);
    let d = wd(&m.descr);
    Ok(vm.new_string(format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        d.name,
        m.self_.class().name(),
        m.self_.addr()
    )))
}

fn method_wrapper_call(vm: &mut Vm, o: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let m = mw(o);
    let d = wd(&m.descr);
    let s = m.self_.clone();
    call_slot(vm, d, &s, a, kw)
}

fn one<'a>(
    vm: &mut Vm,
    d: &WrapperDescrObject,
    a: &'a [Obj],
    kw: Option<&Obj>,
) -> PyResult<&'a Obj> {
    args::no_kwargs(vm, d.name, kw)?;
    match a {
        [x] => Ok(x),
        _ => Err(vm.type_error(format!("expected 1 argument, got {}", a.len()))),
    }
}

fn none_args(vm: &mut Vm, d: &WrapperDescrObject, a: &[Obj], kw: Option<&Obj>) -> PyResult<()> {
    args::no_kwargs(vm, d.name, kw)?;
    if a.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("expected 0 arguments, got {}", a.len())))
    }
}

/// Calls the slot behind a wrapper (the `wrap_*` functions of typeobject.c).
fn call_slot(
    vm: &mut Vm,
    d: &WrapperDescrObject,
    s: &Obj,
    a: &[Obj],
    kw: Option<&Obj>,
) -> PyResult<Obj> {
    let t = d.objclass;
    let sl = &t.slots;
    let missing = |vm: &mut Vm| vm.type_error(format!("'{}' has no slot for {}", t.name(), d.name));
    match d.kind {
        SlotKind::Repr => {
            none_args(vm, d, a, kw)?;
            sl.tp_repr.get().ok_or_else(|| missing(vm))?(vm, s)
        }
        SlotKind::Str => {
            none_args(vm, d, a, kw)?;
            sl.tp_str.get().ok_or_else(|| missing(vm))?(vm, s)
        }
        SlotKind::Hash => {
            none_args(vm, d, a, kw)?;
            let h = sl.tp_hash.get().ok_or_else(|| missing(vm))?(vm, s)?;
            Ok(new_int(h))
        }
        SlotKind::Call => sl.tp_call.get().ok_or_else(|| missing(vm))?(vm, s, a, kw),
        SlotKind::GetAttribute => {
            let name = one(vm, d, a, kw)?;
            let f = sl.tp_getattro.get().ok_or_else(|| missing(vm))?;
            f(vm, s, name)
        }
        SlotKind::SetAttr => {
            args::no_kwargs(vm, d.name, kw)?;
            let [name, value] = a else {
                return Err(vm.type_error(format!("expected 2 arguments, got {}", a.len())));
            };
            sl.tp_setattro.get().ok_or_else(|| missing(vm))?(vm, s, name, Some(value.clone()))?;
            Ok(Obj::none())
        }
        SlotKind::DelAttr => {
            let name = one(vm, d, a, kw)?;
            sl.tp_setattro.get().ok_or_else(|| missing(vm))?(vm, s, name, None)?;
            Ok(Obj::none())
        }
        SlotKind::Compare(op) => {
            let other = one(vm, d, a, kw)?;
            sl.tp_richcompare.get().ok_or_else(|| missing(vm))?(vm, s, other, op)
        }
        SlotKind::Iter => {
            none_args(vm, d, a, kw)?;
            sl.tp_iter.get().ok_or_else(|| missing(vm))?(vm, s)
        }
        SlotKind::Next => {
            none_args(vm, d, a, kw)?;
            match sl.tp_iternext.get().ok_or_else(|| missing(vm))?(vm, s)? {
                Some(v) => Ok(v),
                None => Err(vm.stop_iteration(None)),
            }
        }
        SlotKind::Get => {
            args::no_kwargs(vm, d.name, kw)?;
            let (obj, ty) = match a {
                [o] => (o.clone(), None),
                [o, t] => (o.clone(), Some(t.clone())),
                _ => return Err(vm.type_error("__get__(None, None) is invalid")),
            };
            let obj = if obj.is_none() { None } else { Some(obj) };
            sl.tp_descr_get.get().ok_or_else(|| missing(vm))?(vm, s, obj.as_ref(), ty.as_ref())
        }
        SlotKind::Set => {
            args::no_kwargs(vm, d.name, kw)?;
            let [obj, value] = a else {
                return Err(vm.type_error(format!("expected 2 arguments, got {}", a.len())));
            };
            sl.tp_descr_set.get().ok_or_else(|| missing(vm))?(vm, s, obj, Some(value.clone()))?;
            Ok(Obj::none())
        }
        SlotKind::Delete => {
            let obj = one(vm, d, a, kw)?;
            sl.tp_descr_set.get().ok_or_else(|| missing(vm))?(vm, s, obj, None)?;
            Ok(Obj::none())
        }
        SlotKind::Init => {
            sl.tp_init.get().ok_or_else(|| missing(vm))?(vm, s, a, kw)?;
            Ok(Obj::none())
        }
        SlotKind::Binary(op) => {
            let other = one(vm, d, a, kw)?;
            sl.nb_binary[op as usize].get().ok_or_else(|| missing(vm))?(vm, s, other)
        }
        SlotKind::RBinary(op) => {
            let other = one(vm, d, a, kw)?;
            sl.nb_binary[op as usize].get().ok_or_else(|| missing(vm))?(vm, other, s)
        }
        SlotKind::Inplace(op) => {
            let other = one(vm, d, a, kw)?;
            sl.nb_inplace[op as usize]
                .get()
                .ok_or_else(|| missing(vm))?(vm, s, other)
        }
        SlotKind::Divmod => {
            let other = one(vm, d, a, kw)?;
            sl.nb_divmod.get().ok_or_else(|| missing(vm))?(vm, s, other)
        }
        SlotKind::RDivmod => {
            let other = one(vm, d, a, kw)?;
            sl.nb_divmod.get().ok_or_else(|| missing(vm))?(vm, other, s)
        }
        SlotKind::Neg
        | SlotKind::Pos
        | SlotKind::Abs
        | SlotKind::Invert
        | SlotKind::Int
        | SlotKind::Float
        | SlotKind::Index => {
            none_args(vm, d, a, kw)?;
            let f = match d.kind {
                SlotKind::Neg => sl.nb_negative.get(),
                SlotKind::Pos => sl.nb_positive.get(),
                SlotKind::Abs => sl.nb_absolute.get(),
                SlotKind::Invert => sl.nb_invert.get(),
                SlotKind::Int => sl.nb_int.get(),
                SlotKind::Float => sl.nb_float.get(),
                _ => sl.nb_index.get(),
            };
            f.ok_or_else(|| missing(vm))?(vm, s)
        }
        SlotKind::Bool => {
            none_args(vm, d, a, kw)?;
            Ok(bool_::new_bool(sl
                .nb_bool
                .get()
                .ok_or_else(|| missing(vm))?(
                vm, s
            )?))
        }
        SlotKind::Len => {
            none_args(vm, d, a, kw)?;
            Ok(crate::objects::int::new_usize(sl
                .sq_length
                .get()
                .ok_or_else(|| missing(vm))?(
                vm, s
            )?))
        }
        SlotKind::Concat => {
            let other = one(vm, d, a, kw)?;
            sl.sq_concat.get().ok_or_else(|| missing(vm))?(vm, s, other)
        }
        SlotKind::InplaceConcat => {
            let other = one(vm, d, a, kw)?;
            sl.sq_inplace_concat.get().ok_or_else(|| missing(vm))?(vm, s, other)
        }
        SlotKind::Repeat | SlotKind::InplaceRepeat => {
            let n = one(vm, d, a, kw)?;
            let n = vm.to_isize(n)?;
            let f = if matches!(d.kind, SlotKind::Repeat) {
                sl.sq_repeat.get()
            } else {
                sl.sq_inplace_repeat.get()
            };
            f.ok_or_else(|| missing(vm))?(vm, s, n)
        }
        SlotKind::Contains => {
            let x = one(vm, d, a, kw)?;
            Ok(bool_::new_bool(sl
                .sq_contains
                .get()
                .ok_or_else(|| missing(vm))?(
                vm, s, x
            )?))
        }
        SlotKind::GetItem => {
            let k = one(vm, d, a, kw)?;
            sl.mp_subscript.get().ok_or_else(|| missing(vm))?(vm, s, k)
        }
        SlotKind::SetItem => {
            args::no_kwargs(vm, d.name, kw)?;
            let [k, v] = a else {
                return Err(vm.type_error(format!("expected 2 arguments, got {}", a.len())));
            };
            sl.mp_ass_subscript.get().ok_or_else(|| missing(vm))?(vm, s, k, Some(v.clone()))?;
            Ok(Obj::none())
        }
        SlotKind::DelItem => {
            let k = one(vm, d, a, kw)?;
            sl.mp_ass_subscript.get().ok_or_else(|| missing(vm))?(vm, s, k, None)?;
            Ok(Obj::none())
        }
    }
}

fn get_name(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str(wd(o).name))
}
fn get_objclass(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(type_as_obj(wd(o).objclass))
}
static WRAPPER_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", get_name),
    GetSetDef::getter("__objclass__", get_objclass),
];

fn mw_get_self(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(mw(o).self_.clone())
}
fn mw_get_name(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(vm.new_str(wd(&mw(o).descr).name))
}
static METHOD_WRAPPER_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__self__", mw_get_self),
    GetSetDef::getter("__name__", mw_get_name),
];

/// `T.__new__(S, ...)` for a builtin type `T` (bound as the method's
/// self) and a subtype `S` (`tp_new_wrapper`): refuses a subtype whose
/// nearest builtin ancestor constructs differently (`object.__new__(dict)`).
fn tp_new_wrapper(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let Some(t) = a.first().and_then(crate::objects::typeobject::as_type) else {
        return Err(vm.type_error("__new__(): not bound to a type"));
    };
    let Some(subtype) = a.get(1) else {
        return Err(vm.type_error(format!("{}.__new__(): not enough arguments", t.name())));
    };
    let Some(sub) = crate::objects::typeobject::as_type(subtype) else {
        return Err(vm.type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            t.name(),
            subtype.class().name()
        )));
    };
    if !sub.is_subtype(t) {
        return Err(vm.type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            t.name(),
            sub.name(),
            sub.name(),
            t.name()
        )));
    }
    let Some(new) = t.slots.tp_new.get() else {
        return Err(vm.type_error(format!("cannot create '{}' instances", t.tp_name)));
    };
    // The nearest ancestor of `sub` that is not a class must construct the
    // same way as `t`.
    let static_base = sub.mro().find(|b| !b.is_heap_type());
    if let Some(sb) = static_base
        && !sb
            .slots
            .tp_new
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, new))
    {
        return Err(vm.type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            t.name(),
            sub.name(),
            sb.name()
        )));
    }
    new(vm, subtype, &a[2..], kw)
}

static NEW_DEF: MethodDef = MethodDef::new("__new__", tp_new_wrapper);

/// Whether slot `f` of `t` is its own (not the same function as its
/// base's), so the wrapper belongs in `t`'s dict.
fn own<F: Copy>(
    t: &TypeObject,
    get: impl Fn(&TypeObject) -> Option<F>,
    same: impl Fn(F, F) -> bool,
) -> bool {
    match (get(t), t.tp_base.and_then(&get)) {
        (Some(_), None) => true,
        (Some(a), Some(b)) => !same(a, b),
        (None, _) => false,
    }
}

macro_rules! own_fn {
    ($t:expr, $($field:tt)+) => {
        own($t, |x: &TypeObject| x.slots.$($field)+.get(), |a, b| std::ptr::fn_addr_eq(a, b))
    };
}

/// Adds the wrappers of `t`'s own slots to its dict (`add_operators`).
pub fn add_operators(vm: &mut Vm, t: &'static TypeObject, dict: &DictObject) {
    let add = |vm: &mut Vm, name: &'static str, kind: SlotKind| {
        let key = vm.intern(name);
        if dict.get_str(&key).is_none() {
            let w = Obj::alloc(WrapperDescrObject {
                ob: ObjHeader::new(&WRAPPER_DESCRIPTOR_TYPE),
                name,
                kind,
                objclass: t,
            });
            dict.set_str(key, w);
        }
    };
    if own_fn!(t, tp_repr) {
        add(vm, "__repr__", SlotKind::Repr);
    }
    if own_fn!(t, tp_str) {
        add(vm, "__str__", SlotKind::Str);
    }
    if own_fn!(t, tp_hash)
        && !t
            .slots
            .tp_hash
            .get()
            .is_some_and(object_type::is_hash_not_implemented)
    {
        add(vm, "__hash__", SlotKind::Hash);
    }
    if own_fn!(t, tp_call) {
        add(vm, "__call__", SlotKind::Call);
    }
    if own_fn!(t, tp_getattro) {
        add(vm, "__getattribute__", SlotKind::GetAttribute);
    }
    if own_fn!(t, tp_setattro) {
        add(vm, "__setattr__", SlotKind::SetAttr);
        add(vm, "__delattr__", SlotKind::DelAttr);
    }
    if own_fn!(t, tp_richcompare) {
        for op in [
            CompareOp::Lt,
            CompareOp::Le,
            CompareOp::Eq,
            CompareOp::Ne,
            CompareOp::Gt,
            CompareOp::Ge,
        ] {
            add(vm, op.dunder(), SlotKind::Compare(op));
        }
    }
    if own_fn!(t, tp_iter) {
        add(vm, "__iter__", SlotKind::Iter);
    }
    if own_fn!(t, tp_iternext) {
        add(vm, "__next__", SlotKind::Next);
    }
    if own_fn!(t, tp_descr_get) {
        add(vm, "__get__", SlotKind::Get);
    }
    if own_fn!(t, tp_descr_set) {
        add(vm, "__set__", SlotKind::Set);
        add(vm, "__delete__", SlotKind::Delete);
    }
    if own_fn!(t, tp_init) {
        add(vm, "__init__", SlotKind::Init);
    }
    for op in NbOp::ALL {
        let (name, rname, iname) = op.dunders();
        if own(
            t,
            |x: &TypeObject| x.slots.nb_binary[op as usize].get(),
            |a, b| std::ptr::fn_addr_eq(a, b),
        ) {
            add(vm, name, SlotKind::Binary(op));
            add(vm, rname, SlotKind::RBinary(op));
        }
        if own(
            t,
            |x: &TypeObject| x.slots.nb_inplace[op as usize].get(),
            |a, b| std::ptr::fn_addr_eq(a, b),
        ) {
            add(vm, iname, SlotKind::Inplace(op));
        }
    }
    if own_fn!(t, nb_divmod) {
        add(vm, "__divmod__", SlotKind::Divmod);
        add(vm, "__rdivmod__", SlotKind::RDivmod);
    }
    let unary = [
        ("__neg__", SlotKind::Neg),
        ("__pos__", SlotKind::Pos),
        ("__abs__", SlotKind::Abs),
        ("__invert__", SlotKind::Invert),
        ("__int__", SlotKind::Int),
        ("__float__", SlotKind::Float),
        ("__index__", SlotKind::Index),
    ];
    for (name, kind) in unary {
        let has = match kind {
            SlotKind::Neg => own_fn!(t, nb_negative),
            SlotKind::Pos => own_fn!(t, nb_positive),
            SlotKind::Abs => own_fn!(t, nb_absolute),
            SlotKind::Invert => own_fn!(t, nb_invert),
            SlotKind::Int => own_fn!(t, nb_int),
            SlotKind::Float => own_fn!(t, nb_float),
            _ => own_fn!(t, nb_index),
        };
        if has {
            add(vm, name, kind);
        }
    }
    if own_fn!(t, nb_bool) {
        add(vm, "__bool__", SlotKind::Bool);
    }
    if own_fn!(t, sq_length) {
        add(vm, "__len__", SlotKind::Len);
    }
    if own_fn!(t, sq_concat) {
        add(vm, "__add__", SlotKind::Concat);
    }
    if own_fn!(t, sq_repeat) {
        add(vm, "__mul__", SlotKind::Repeat);
        add(vm, "__rmul__", SlotKind::Repeat);
    }
    if own_fn!(t, sq_inplace_concat) {
        add(vm, "__iadd__", SlotKind::InplaceConcat);
    }
    if own_fn!(t, sq_inplace_repeat) {
        add(vm, "__imul__", SlotKind::InplaceRepeat);
    }
    if own_fn!(t, sq_contains) {
        add(vm, "__contains__", SlotKind::Contains);
    }
    if own_fn!(t, mp_subscript) {
        add(vm, "__getitem__", SlotKind::GetItem);
    }
    if own_fn!(t, mp_ass_subscript) {
        add(vm, "__setitem__", SlotKind::SetItem);
        add(vm, "__delitem__", SlotKind::DelItem);
    }
    if t.slots.tp_new.get().is_some() && own_fn!(t, tp_new) {
        let key = vm.intern("__new__");
        if dict.get_str(&key).is_none() {
            dict.set_str(key, native::new_bound_builtin(&NEW_DEF, type_as_obj(t)));
        }
    }
}

crate::gc_traverse!(method_wrapper_traverse, MethodWrapperObject, [descr, self_]);
