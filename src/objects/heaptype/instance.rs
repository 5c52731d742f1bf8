//! What instances of classes carry: the managed `__dict__`, the values of
//! `__slots__` (read and written through `member_descriptor`s, CPython's
//! `PyMemberDescr_Type` with `Py_T_OBJECT_EX` members), and the `__dict__`
//! and `__weakref__` attributes classes get (`subtype_getsets_full`).

use crate::objects::dict::{is_dict, new_dict};
use crate::objects::exceptions::ATTRIBUTE_ERROR;
use crate::objects::header::ObjHeader;
use crate::objects::obj::dealloc_box;
use crate::objects::registry::TypeIndex;
use crate::objects::str::str_value;
use crate::objects::typeobject::{GetSetDef, TypeObject, type_as_obj};
use crate::objects::{Obj, PyResult, Vm, object_type};

/// The managed `__dict__` of an instance of a class, created on first use
/// (the class's `tp_instance_dict`).
pub fn managed_dict(_: &mut Vm, o: &Obj) -> Obj {
    let word = o.class().heap_data().map_or(0, |h| h.dict_word);
    let Some(cell) = o.prefix_cell(word) else {
        // Only classes with a dict word install this accessor.
        return new_dict();
    };
    if let Some(d) = cell.get() {
        return d;
    }
    let d = new_dict();
    cell.set(Some(d.clone()));
    d
}

/// `instance.__dict__` (`subtype_dict`).
fn get_dict(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    match o.class().tp_instance_dict {
        Some(f) => Ok(f(vm, o)),
        None => Err(vm.new_exception_msg(&ATTRIBUTE_ERROR, "This object has no __dict__")),
    }
}

/// `instance.__dict__ = d` (`subtype_setdict`).
fn set_dict(vm: &mut Vm, o: &Obj, value: Option<Obj>) -> PyResult<()> {
    let word = o.class().heap_data().map_or(0, |h| h.dict_word);
    let Some(cell) = o.prefix_cell(word) else {
        return Err(vm.new_exception_msg(&ATTRIBUTE_ERROR, "This object has no __dict__"));
    };
    match value {
        None => {
            cell.set(None);
            Ok(())
        }
        Some(d) if is_dict(&d) => {
            cell.set(Some(d));
            Ok(())
        }
        Some(d) => Err(vm.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            d.class().name()
        ))),
    }
}

/// `__weakref__`: pyrs has no weak references yet, so it is always None.
fn get_weakref(_: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(Obj::none())
}

/// The `__dict__` attribute of classes whose instances have a dict.
pub static DICT_GETSET: GetSetDef =
    GetSetDef::getset("__dict__", get_dict, set_dict).with_doc("dictionary for instance variables");
/// The `__weakref__` attribute of classes.
pub static WEAKREF_GETSET: GetSetDef =
    GetSetDef::getter("__weakref__", get_weakref).with_doc("list of weak references to the object");

/// A `__slots__` entry: the value lives in a prefix word of each instance.
#[repr(C)]
pub struct MemberDescrObject {
    pub ob: ObjHeader,
    pub name: Obj,
    pub owner: &'static TypeObject,
    pub word: usize,
}
crate::py_layout!(MemberDescrObject, MEMBER_DESCRIPTOR_TYPE);

pub static MEMBER_DESCRIPTOR_TYPE: TypeObject = TypeObject::new_static(
    "member_descriptor",
    &MEMBER_DESCRIPTOR_TYPE,
    TypeIndex::MemberDescriptor as u16,
    dealloc_box::<MemberDescrObject>,
)
.base(&object_type::OBJECT_TYPE)
.repr(member_repr)
.descr_get(member_get)
.descr_set(member_set)
.getsets(MEMBER_GETSETS);

pub fn new_member_descr(name: Obj, owner: &'static TypeObject, word: usize) -> Obj {
    Obj::alloc(MemberDescrObject {
        ob: ObjHeader::new(&MEMBER_DESCRIPTOR_TYPE),
        name,
        owner,
        word,
    })
}

fn md(o: &Obj) -> &MemberDescrObject {
    o.downcast::<MemberDescrObject>()
        .expect("member_descriptor slot")
}

fn member_repr(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let d = md(o);
    Ok(vm.new_string(format!(
        "<member '{}' of '{}' objects>",
        str_value(&d.name),
        d.owner.name()
    )))
}

fn check_instance(vm: &mut Vm, d: &MemberDescrObject, obj: &Obj) -> PyResult<()> {
    if obj.class().is_subtype(d.owner) {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        str_value(&d.name),
        d.owner.name(),
        obj.class().name()
    )))
}

fn missing(vm: &mut Vm, d: &MemberDescrObject, obj: &Obj) -> crate::objects::PyErr {
    crate::objects::protocol::attr::no_attribute(vm, obj, &d.name)
}

fn member_get(vm: &mut Vm, o: &Obj, obj: Option<&Obj>, _: Option<&Obj>) -> PyResult<Obj> {
    let d = md(o);
    let Some(obj) = obj else {
        return Ok(o.clone());
    };
    check_instance(vm, d, obj)?;
    match obj.prefix_cell(d.word).and_then(|c| c.get()) {
        Some(v) => Ok(v),
        None => Err(missing(vm, d, obj)),
    }
}

fn member_set(vm: &mut Vm, o: &Obj, obj: &Obj, value: Option<Obj>) -> PyResult<()> {
    let d = md(o);
    check_instance(vm, d, obj)?;
    let Some(cell) = obj.prefix_cell(d.word) else {
        return Err(missing(vm, d, obj));
    };
    if value.is_none() && !cell.is_some() {
        return Err(missing(vm, d, obj));
    }
    cell.set(value);
    Ok(())
}

fn member_get_name(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(md(o).name.clone())
}

fn member_get_objclass(_: &mut Vm, o: &Obj) -> PyResult<Obj> {
    Ok(type_as_obj(md(o).owner))
}

fn member_get_doc(_: &mut Vm, _: &Obj) -> PyResult<Obj> {
    Ok(Obj::none())
}

static MEMBER_GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("__name__", member_get_name),
    GetSetDef::getter("__objclass__", member_get_objclass),
    GetSetDef::getter("__doc__", member_get_doc),
];

/// `tp_traverse` of every class (`subtype_traverse`): the `__slots__`
/// values and the instance dict, then what the built-in layout owns.
pub(crate) fn heap_instance_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if o.refcnt() >= crate::objects::header::IMMORTAL_REFCNT {
        // A class whose metaclass is a class: made by `type_new`, without
        // prefix words (and never seen by the collector).
        return;
    }
    let ty = o.class();
    for i in 1..=ty.tp_prefix {
        if let Some(cell) = o.prefix_cell(i) {
            cell.visit(visit);
        }
    }
    if let Some(t) = ty.layout.tp_traverse {
        t(o, visit);
    }
}

/// `tp_clear` of every class (`subtype_clear`): empties the `__slots__`
/// values, then the instance dict, then what the built-in layout clears.
pub(crate) fn heap_instance_clear(o: &Obj) {
    if o.refcnt() >= crate::objects::header::IMMORTAL_REFCNT {
        return;
    }
    let ty = o.class();
    let dict_word = ty.heap_data().map_or(0, |h| h.dict_word);
    for i in (1..=ty.tp_prefix).filter(|&i| i != dict_word) {
        if let Some(cell) = o.prefix_cell(i) {
            drop(cell.take());
        }
    }
    if let Some(cell) = o.prefix_cell(dict_word) {
        drop(cell.take());
    }
    if let Some(c) = ty.layout.tp_clear {
        c(o);
    }
}
