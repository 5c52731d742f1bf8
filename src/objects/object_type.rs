//! `object`, the root of every class (CPython's `object` in
//! `Objects/typeobject.c`), and the default slots other types inherit.

use crate::objects::args;
use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::StrObject;
use crate::objects::typeobject::{CompareOp, GetSetDef, MethodDef, TypeObject, flags};
use crate::objects::{Obj, PyResult, Vm, bool_, hash};

/// An instance of plain `object()`.
#[repr(C)]
pub struct PlainObject {
    pub ob: ObjHeader,
}
crate::py_layout!(PlainObject, OBJECT_TYPE);

pub static OBJECT_TYPE: TypeObject =
    TypeObject::new_static("object", &OBJECT_TYPE, TypeIndex::Object as u16, dealloc_box::<PlainObject>)
        .flags(flags::BASETYPE)
        .doc("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n")
        .repr(object_repr)
        .str(object_str)
        .hash(object_hash)
        .richcompare(object_richcompare)
        .getattro(crate::objects::protocol::attr::generic_getattr)
        .setattro(crate::objects::protocol::attr::generic_setattr)
        .new_fn(object_new)
        .init(object_init)
        .methods(OBJECT_METHODS)
        .getsets(OBJECT_GETSETS);

/// `<module.Name object at 0x...>` (CPython's `object_repr`).
pub fn object_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let text = format!(
        "<{} object at {:#x}>",
        vm.type_full_name(o.class()),
        o.addr()
    );
    Ok(vm.new_string(text))
}

/// `str(o)` defaults to `repr(o)`.
pub fn object_str(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    vm.repr(o)
}

/// Identity hash (CPython's `_Py_HashPointer`).
pub fn object_hash(_: &mut Vm, o: &Obj) -> PyResult<i64> {
    Ok(hash_pointer(o.addr()))
}

pub fn hash_pointer(addr: usize) -> i64 {
    hash::hash_pointer(addr)
}

/// The `tp_hash` of unhashable types (CPython's `PyObject_HashNotImplemented`).
/// Its presence also makes `__hash__` None in the type's dictionary.
pub fn hash_not_implemented(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    Err(vm.type_error(format!("unhashable type: '{}'", o.class().name())))
}

/// Whether `f` is the unhashable marker.
pub fn is_hash_not_implemented(f: crate::objects::typeobject::HashFn) -> bool {
    std::ptr::fn_addr_eq(
        f,
        hash_not_implemented as crate::objects::typeobject::HashFn,
    )
}

/// Default comparison: identity for `==`, the negation of `__eq__` for `!=`,
/// NotImplemented otherwise (CPython's `object_richcompare`).
pub fn object_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    match op {
        CompareOp::Eq => Ok(if a.is(b) {
            bool_::new_bool(true)
        } else {
            Obj::not_implemented()
        }),
        CompareOp::Ne => {
            let Some(eq) = a.class().slots.tp_richcompare.get() else {
                return Ok(Obj::not_implemented());
            };
            let r = eq(vm, a, b, CompareOp::Eq)?;
            if r.is_not_implemented() {
                return Ok(r);
            }
            Ok(bool_::new_bool(!vm.is_true(&r)?))
        }
        _ => Ok(Obj::not_implemented()),
    }
}

/// `object.__new__`: excess arguments are an error unless the class
/// overrides `__init__` (and not `__new__`) (`object_new`).
fn object_new(vm: &mut Vm, cls: &Obj, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let ty = crate::objects::typeobject::as_type(cls).expect("object_new with a non-type");
    let _ = kw;
    if !a.is_empty() {
        let sl = &ty.slots;
        let own_new = sl.tp_new.get().is_some_and(|f| {
            std::ptr::fn_addr_eq(f, object_new as crate::objects::typeobject::NewFn)
        });
        if !own_new {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        let own_init = sl.tp_init.get().is_some_and(|f| {
            std::ptr::fn_addr_eq(f, object_init as crate::objects::typeobject::InitFn)
        });
        if own_init {
            return Err(vm.type_error(format!("{}() takes no arguments", ty.name())));
        }
    }
    if !std::ptr::eq(ty.layout, &OBJECT_TYPE) {
        return Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            ty.name(),
            ty.layout.name()
        )));
    }
    Ok(Obj::alloc(PlainObject {
        ob: ObjHeader::new(ty),
    }))
}

/// `object.__init__`: excess arguments are an error unless the class
/// overrides `__new__` (and not `__init__`) (`object_init`).
fn object_init(vm: &mut Vm, o: &Obj, a: &[Obj], _: Option<&Obj>) -> PyResult<()> {
    if a.is_empty() {
        return Ok(());
    }
    let ty = o.class();
    let sl = &ty.slots;
    let own_init = sl.tp_init.get().is_some_and(|f| {
        std::ptr::fn_addr_eq(f, object_init as crate::objects::typeobject::InitFn)
    });
    if !own_init {
        return Err(vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    let own_new = sl
        .tp_new
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, object_new as crate::objects::typeobject::NewFn));
    if own_new {
        return Err(vm.type_error(format!("{}() takes no arguments", ty.name())));
    }
    Ok(())
}

/// `tp_iter` of iterators: `iter(it) is it`.
pub fn self_iter(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

/// `object.__format__(spec)`: `format(x, '')` is `str(x)`; any other spec is
/// an error.
fn object_format(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "__format__", &a[1..], kw, 1, 1)?;
    let Some(spec) = rest[0].downcast::<StrObject>() else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            rest[0].class().name()
        )));
    };
    if !spec.as_str().is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            a[0].class().name()
        )));
    }
    vm.str(&a[0])
}

fn object_dir(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "object.__dir__", &a[1..], kw)?;
    let names = crate::objects::protocol::attr::dir_of(vm, &a[0])?;
    Ok(vm.new_list(names))
}

fn object_sizeof(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "object.__sizeof__", &a[1..], kw)?;
    Ok(crate::objects::int::new_int(16))
}

fn object_init_subclass(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "object.__init_subclass__", &a[1..], kw)?;
    Ok(Obj::none())
}

fn object_subclasshook(_: &mut Vm, _: &[Obj], _: Option<&Obj>) -> PyResult<Obj> {
    Ok(Obj::not_implemented())
}

static OBJECT_METHODS: &[MethodDef] = &[
    MethodDef::new("__format__", object_format),
    MethodDef::new("__dir__", object_dir),
    MethodDef::new("__sizeof__", object_sizeof),
    MethodDef::class("__init_subclass__", object_init_subclass),
    MethodDef::class("__subclasshook__", object_subclasshook),
];

fn get_class(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(crate::objects::typeobject::type_as_obj(o.class()))
}

static OBJECT_GETSETS: &[GetSetDef] = &[GetSetDef::getter("__class__", get_class)];
