//! Setting and deleting attributes of classes (CPython's `type_setattro`
//! for heap types): data descriptors of the metaclass first (`__name__`,
//! `__doc__`, ...), else the class dictionary; a dunder changes the slots
//! of the class and of its subclasses.

use super::slotdefs::update_slots_after_setattr;
use crate::objects::dict::dict_obj;
use crate::objects::exceptions::{self, ATTRIBUTE_ERROR};
use crate::objects::str::{is_str, str_value};
use crate::objects::typeobject::{TypeObject, as_type_static};
use crate::objects::{Obj, PyResult, Vm};

/// `cls.name = value` / `del cls.name` for a class.
pub fn heap_type_setattro(vm: &mut Vm, o: &Obj, name: &Obj, value: Option<Obj>) -> PyResult<()> {
    let ty: &'static TypeObject = as_type_static(o).expect("type slot on a non-type");
    if !is_str(name) {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            name.class().name()
        )));
    }
    let meta = o.class();
    if let Some(d) = vm.type_lookup(meta, name)
        && let Some(set) = d.class().slots.tp_descr_set.get()
    {
        return set(vm, &d, o, value);
    }
    let dict = vm.type_dict(ty).clone();
    match value {
        Some(v) => dict_obj(&dict).set(vm, name.clone(), v)?,
        None => {
            if dict_obj(&dict).remove(vm, name)?.is_none() {
                let err = vm.new_exception_msg(
                    &ATTRIBUTE_ERROR,
                    format!(
                        "type object '{}' has no attribute '{}'",
                        ty.name(),
                        str_value(name)
                    ),
                );
                exceptions::set_attribute_error_context(&err, o, name);
                return Err(err);
            }
        }
    }
    update_slots_after_setattr(vm, ty, str_value(name));
    Ok(())
}
