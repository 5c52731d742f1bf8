//! Iteration: `PyObject_GetIter`, `PyIter_Next`, and collecting an
//! iterable into a vector (`PySequence_Fast`).

use crate::objects::dict::is_dict;
use crate::objects::list::ListObject;
use crate::objects::tuple::tuple_items;
use crate::objects::{Obj, PyResult, Vm};

impl Vm {
    /// `iter(o)`.
    pub fn get_iter(&mut self, o: &Obj) -> PyResult<Obj> {
        let t = o.class();
        if let Some(f) = t.slots.tp_iter.get() {
            let it = f(self, o)?;
            if it.class().slots.tp_iternext.get().is_none() {
                return Err(self.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    it.class().name()
                )));
            }
            return Ok(it);
        }
        if t.slots.mp_subscript.get().is_some() && !is_dict(o) {
            return Ok(crate::objects::iterators::new_seq_iterator(self, o.clone()));
        }
        Err(self.type_error(format!("'{}' object is not iterable", t.name())))
    }

    /// `next(it)` without a default: None when exhausted (a StopIteration
    /// the iterator raises counts as exhaustion, as `PyIter_Next` clears it).
    #[inline]
    pub fn iter_next(&mut self, it: &Obj) -> PyResult<Option<Obj>> {
        match it.class().slots.tp_iternext.get() {
            Some(f) => match f(self, it) {
                Err(e)
                    if e.value()
                        .class()
                        .is_subtype(&crate::objects::exceptions::STOP_ITERATION) =>
                {
                    Ok(None)
                }
                other => other,
            },
            None => {
                Err(self.type_error(format!("'{}' object is not an iterator", it.class().name())))
            }
        }
    }

    /// The items of an iterable, in order.
    pub fn collect(&mut self, o: &Obj) -> PyResult<Vec<Obj>> {
        if let Some(items) = tuple_items(o) {
            return Ok(items.to_vec());
        }
        if let Some(l) = o.downcast::<ListObject>() {
            return Ok(l.items.borrow().clone());
        }
        let it = self.get_iter(o)?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(&it)? {
            out.push(x);
        }
        Ok(out)
    }
}
