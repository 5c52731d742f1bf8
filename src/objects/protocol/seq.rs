//! Subscription, length and membership: `PyObject_GetItem`,
//! `PyObject_SetItem`, `PyObject_DelItem`, `PyObject_Size`,
//! `PySequence_Contains`.

use crate::objects::typeobject::as_type;
use crate::objects::{CompareOp, Obj, PyResult, Vm};

impl Vm {
    /// `o[key]`.
    pub fn getitem(&mut self, o: &Obj, key: &Obj) -> PyResult<Obj> {
        if let Some(f) = o.class().slots.mp_subscript.get() {
            return f(self, o, key);
        }
        if let Some(t) = as_type(o) {
            if let Some(cg) = self.lookup_class_getitem(o) {
                return self.call(&cg, std::slice::from_ref(key), None);
            }
            return Err(self.type_error(format!("type '{}' is not subscriptable", t.name())));
        }
        Err(self.type_error(format!(
            "'{}' object is not subscriptable",
            o.class().name()
        )))
    }

    /// `__class_getitem__` of a class, bound to it (PEP 560).
    fn lookup_class_getitem(&mut self, cls: &Obj) -> Option<Obj> {
        let name = self.intern("__class_getitem__");
        self.getattr_opt(cls, &name).ok().flatten()
    }

    /// `o[key] = value`.
    pub fn setitem(&mut self, o: &Obj, key: &Obj, value: Obj) -> PyResult<()> {
        match o.class().slots.mp_ass_subscript.get() {
            Some(f) => f(self, o, key, Some(value)),
            None => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                o.class().name()
            ))),
        }
    }

    /// `del o[key]`.
    pub fn delitem(&mut self, o: &Obj, key: &Obj) -> PyResult<()> {
        match o.class().slots.mp_ass_subscript.get() {
            Some(f) => f(self, o, key, None),
            None => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                o.class().name()
            ))),
        }
    }

    /// `len(o)`.
    pub fn len(&mut self, o: &Obj) -> PyResult<usize> {
        match o.class().slots.sq_length.get() {
            Some(f) => f(self, o),
            None => Err(self.type_error(format!(
                "object of type '{}' has no len()",
                o.class().name()
            ))),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Obj, item: &Obj) -> PyResult<bool> {
        if let Some(f) = container.class().slots.sq_contains.get() {
            return f(self, container, item);
        }
        self.iter_search_contains(container, item)
    }

    /// `item in container` by iterating (`_PySequence_IterSearch` with
    /// `PY_ITERSEARCH_CONTAINS`).
    pub fn iter_search_contains(&mut self, container: &Obj, item: &Obj) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) => {
                if e.value()
                    .class()
                    .is_subtype(&crate::objects::exceptions::TYPE_ERROR)
                {
                    return Err(self.type_error(format!(
                        "argument of type '{}' is not a container or iterable",
                        container.class().name()
                    )));
                }
                return Err(e);
            }
        };
        while let Some(x) = self.iter_next(&it)? {
            if self.rich_compare_bool(&x, item, CompareOp::Eq)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
