//! Calling objects: `PyObject_Vectorcall`, `PyObject_Call`, `callable()`.

use crate::objects::dict::dict_obj;
use crate::objects::str::StrObject;
use crate::objects::tuple::new_tuple;
use crate::objects::{Obj, PyResult, Vm};

impl Vm {
    /// Calls `callable` with the vectorcall convention.
    pub fn call(&mut self, callable: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
        match callable.class().slots.tp_call.get() {
            Some(f) => {
                self.enter_recursive_call(" while calling a Python object")?;
                let r = f(self, callable, args, kwnames);
                self.leave_recursive_call();
                r
            }
            None => Err(self.type_error(format!(
                "'{}' object is not callable",
                callable.class().name()
            ))),
        }
    }

    /// `o.name(*args)`.
    pub fn call_method(&mut self, o: &Obj, name: &Obj, args: &[Obj]) -> PyResult<Obj> {
        let (f, unbound) = self.get_method(o, name)?;
        if unbound {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(o.clone());
            full.extend_from_slice(args);
            self.call(&f, &full, None)
        } else {
            self.call(&f, args, None)
        }
    }

    /// `callable(o)`.
    pub fn is_callable(&self, o: &Obj) -> bool {
        o.class().slots.tp_call.get().is_some()
    }

    /// `callable(*args, **kwargs)` with a dict of keyword arguments
    /// (`PyObject_Call`, used by CALL_FUNCTION_EX).
    pub fn call_with_kwargs(
        &mut self,
        callable: &Obj,
        mut args: Vec<Obj>,
        kwargs: Option<&Obj>,
    ) -> PyResult<Obj> {
        let Some(kw) = kwargs else {
            return self.call(callable, &args, None);
        };
        let items = dict_obj(kw).items();
        if items.is_empty() {
            return self.call(callable, &args, None);
        }
        let mut names = Vec::with_capacity(items.len());
        for (k, v) in items {
            if k.downcast::<StrObject>().is_none() {
                return Err(self.type_error("keywords must be strings"));
            }
            names.push(k);
            args.push(v);
        }
        let kwnames = new_tuple(names);
        self.call(callable, &args, Some(&kwnames))
    }
}
