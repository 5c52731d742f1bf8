//! Classes created at run time (CPython's heap types): the `class`
//! statement and three-argument `type()`.
//!
//! A class is a [`TypeObject`] like a builtin type, with its slots filled
//! from the dunder methods it defines (`slotdefs`) and a [`HeapTypeData`]
//! holding what only classes have (mutable name and qualname, bases, own
//! `__slots__`, where the instance dict lives). Its attribute dictionary
//! lives in the interpreter's `type_dicts` like a builtin type's.
//!
//! Lifetime: classes are never freed. A class is almost always part of a
//! reference cycle (its methods' globals hold the module, which holds the
//! class), so only the cycle collector could reclaim it; until it can
//! relink `&'static` type references, a class stays allocated, with an
//! immortal header, for as long as the process runs. Programs that create
//! classes in a loop grow accordingly.
//!
//! Instances keep their `__dict__` and `__slots__` values in words before
//! the object header (see `Obj::alloc`), so any builtin layout can be
//! subclassed: `class L(list)` instances are ordinary list objects whose
//! type is `L`.
//!
//! Files: `type_new.rs` (`type.__new__`), `mro.rs` (C3 linearisation),
//! `slotdefs.rs` (which slot each dunder fills) and `slot_fns.rs` (the slot
//! functions that call the dunders), `instance.rs` (instance dicts,
//! `__slots__` members, `__dict__`/`__weakref__` attributes),
//! `type_attrs.rs` (the attributes and `setattr` of classes),
//! `type_annotations.rs` (`__annotate__` and `__annotations__`).

pub(crate) mod instance;
mod mro;
mod slot_fns;
mod slotdefs;
mod type_annotations;
mod type_attrs;
mod type_new;

use std::cell::RefCell;

use crate::objects::dict::dict_obj;
use crate::objects::str::str_value;
use crate::objects::typeobject::TypeObject;
use crate::objects::{Obj, Vm};

pub use instance::{MEMBER_DESCRIPTOR_TYPE, MemberDescrObject};
pub use slotdefs::{fixup_slots, update_slots_after_setattr};
pub use type_annotations::{get_annotate, get_annotations, set_annotate, set_annotations};
pub use type_attrs::heap_type_setattro;
pub use type_new::{calculate_metaclass, type_init, type_new};

/// What a class has that a builtin type has not.
pub struct HeapTypeData {
    /// `__name__`.
    pub name: RefCell<String>,
    /// `__qualname__`.
    pub qualname: RefCell<String>,
    /// `__bases__`, in order.
    pub bases: Vec<&'static TypeObject>,
    /// This class's own `__slots__` names (mangled), in order, with the
    /// prefix word each value lives in.
    pub own_slots: Vec<(String, usize)>,
    /// The prefix word of the instance `__dict__` (0: instances have no
    /// managed dict; they may still have one from a builtin layout).
    pub dict_word: usize,
    /// Classes whose `__bases__` include this one (`__subclasses__()`, and
    /// re-deriving their slots when a dunder of this class changes).
    pub subclasses: RefCell<Vec<&'static TypeObject>>,
    /// Whether the class (or a class in its MRO) defines `__del__`.
    pub has_finalizer: std::cell::Cell<bool>,
}

impl TypeObject {
    /// The class data, if this is a class created at run time.
    #[inline]
    pub fn heap_data(&self) -> Option<&HeapTypeData> {
        self.heap.as_deref()
    }

    /// Whether this type was created at run time.
    #[inline]
    pub fn is_heap_type(&self) -> bool {
        self.heap.is_some()
    }
}

impl Vm {
    /// `__module__` of a type as text (CPython's `type_module`): the
    /// dictionary's `__module__` for classes, the part of `tp_name` before
    /// the last dot for builtin types.
    pub fn type_module_name(&self, t: &TypeObject) -> String {
        if t.is_heap_type() {
            let key = self.ids.__module__.clone();
            return match dict_obj(self.type_dict(t)).get_str(&key) {
                Some(m) if crate::objects::str::is_str(&m) => str_value(&m).to_string(),
                _ => "builtins".to_string(),
            };
        }
        t.module_name().to_string()
    }

    /// `__qualname__` of a type as text.
    pub fn type_qualname(&self, t: &TypeObject) -> String {
        match t.heap_data() {
            Some(h) => h.qualname.borrow().clone(),
            None => t.name().into_owned(),
        }
    }

    /// "module.QualName", or just "QualName" for builtins: how tracebacks
    /// and reprs name a class.
    pub fn type_full_name(&self, t: &TypeObject) -> String {
        let module = self.type_module_name(t);
        let qual = self.type_qualname(t);
        if module == "builtins" {
            qual
        } else {
            format!("{module}.{qual}")
        }
    }

    /// The subclasses of `t` recorded so far (`type.__subclasses__`).
    pub fn subclasses_of(&self, t: &TypeObject) -> Vec<&'static TypeObject> {
        match t.heap_data() {
            Some(h) => h.subclasses.borrow().clone(),
            None => self
                .static_subclasses
                .get(&t.dict_index)
                .cloned()
                .unwrap_or_default(),
        }
    }

    /// Records `sub` as a direct subclass of each of its bases.
    pub(crate) fn register_subclass(&mut self, sub: &'static TypeObject) {
        let Some(h) = sub.heap_data() else { return };
        for base in &h.bases {
            match base.heap_data() {
                Some(bh) => bh.subclasses.borrow_mut().push(sub),
                None => self
                    .static_subclasses
                    .entry(base.dict_index)
                    .or_default()
                    .push(sub),
            }
        }
    }
}

/// A new reference to a type as an object.
pub fn type_obj(t: &TypeObject) -> Obj {
    crate::objects::typeobject::type_as_obj(t)
}
