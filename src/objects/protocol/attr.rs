//! Attribute access: `PyObject_GetAttr`, `PyObject_GenericGetAttr`,
//! `PyObject_GenericSetAttr`, `_PyType_Lookup` and `_PyObject_GetMethod`.

use crate::objects::dict::dict_obj;
use crate::objects::exceptions::{self, ATTRIBUTE_ERROR};
use crate::objects::str::{StrObject, str_value};
use crate::objects::typeobject::{GetAttroFn, TypeObject, flags};
use crate::objects::{Obj, PyErr, PyResult, Vm};

impl Vm {
    /// The attribute dictionary of a type: per interpreter for static types.
    #[inline]
    pub fn type_dict(&self, ty: &TypeObject) -> &Obj {
        &self.type_dicts[ty.dict_index as usize]
    }

    /// `_PyType_Lookup`: `name` in the dicts of the type's MRO, no
    /// descriptors applied. Runs no Python code.
    pub fn type_lookup(&self, ty: &TypeObject, name: &Obj) -> Option<Obj> {
        for t in ty.mro() {
            if let Some(v) = dict_obj(self.type_dict(t)).get_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// `PyObject_GetAttr`.
    #[inline]
    pub fn getattr(&mut self, o: &Obj, name: &Obj) -> PyResult<Obj> {
        let f = o.class().slots.tp_getattro.get().unwrap_or(generic_getattr);
        f(self, o, name)
    }

    /// `getattr(o, "name")` with an interned name.
    pub fn getattr_str(&mut self, o: &Obj, name: &str) -> PyResult<Obj> {
        let n = self.intern(name);
        self.getattr(o, &n)
    }

    /// `_PyObject_LookupAttr`: None instead of AttributeError.
    pub fn getattr_opt(&mut self, o: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
        let f = o.class().slots.tp_getattro.get().unwrap_or(generic_getattr);
        if std::ptr::fn_addr_eq(f, generic_getattr as GetAttroFn) {
            return generic_getattr_opt(self, o, name);
        }
        match f(self, o, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.value().class().is_subtype(&ATTRIBUTE_ERROR) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `PyObject_SetAttr` (value None deletes).
    pub fn setattr_opt(&mut self, o: &Obj, name: &Obj, value: Option<Obj>) -> PyResult<()> {
        if name.downcast::<StrObject>().is_none() {
            return Err(self.type_error(format!(
                "attribute name must be string, not '{}'",
                name.class().name()
            )));
        }
        match o.class().slots.tp_setattro.get() {
            Some(f) => f(self, o, name, value),
            None => generic_setattr(self, o, name, value),
        }
    }

    pub fn setattr(&mut self, o: &Obj, name: &Obj, value: Obj) -> PyResult<()> {
        self.setattr_opt(o, name, Some(value))
    }

    pub fn delattr(&mut self, o: &Obj, name: &Obj) -> PyResult<()> {
        self.setattr_opt(o, name, None)
    }

    /// `_PyObject_LookupSpecial`: a dunder found on the type (not the
    /// instance), bound to `o`.
    pub fn lookup_special(&mut self, o: &Obj, name: &str) -> Option<Obj> {
        let n = self.intern(name);
        let descr = self.type_lookup(o.class(), &n)?;
        match descr.class().slots.tp_descr_get.get() {
            Some(get) => {
                let ty = crate::objects::typeobject::type_as_obj(o.class());
                get(self, &descr, Some(o), Some(&ty)).ok()
            }
            None => Some(descr),
        }
    }

    /// `_PyObject_GetMethod`: for `o.name(...)`, returns (callable, true)
    /// when it is an unbound method to call with `o` first, or
    /// (attribute, false) otherwise, avoiding a bound-method object.
    pub fn get_method(&mut self, o: &Obj, name: &Obj) -> PyResult<(Obj, bool)> {
        let tp = o.class();
        let getattro = tp.slots.tp_getattro.get().unwrap_or(generic_getattr);
        if !std::ptr::fn_addr_eq(getattro, generic_getattr as GetAttroFn) {
            return Ok((getattro(self, o, name)?, false));
        }
        let descr = self.type_lookup(tp, name);
        let mut getter = None;
        if let Some(d) = &descr {
            let dt = d.class();
            if dt.has_flag(flags::METHOD_DESCRIPTOR) {
                // An instance dict may still shadow the method.
                if let Some(df) = tp.tp_instance_dict {
                    let dict = df(self, o);
                    if let Some(v) = dict_obj(&dict).get_str(name) {
                        return Ok((v, false));
                    }
                }
                return Ok((d.clone(), true));
            }
            getter = dt.slots.tp_descr_get.get();
            if let Some(g) = getter
                && dt.slots.tp_descr_set.get().is_some()
            {
                let ty = crate::objects::typeobject::type_as_obj(tp);
                return Ok((g(self, d, Some(o), Some(&ty))?, false));
            }
        }
        if let Some(df) = tp.tp_instance_dict {
            let dict = df(self, o);
            if let Some(v) = dict_obj(&dict).get_str(name) {
                return Ok((v, false));
            }
        }
        if let (Some(g), Some(d)) = (getter, &descr) {
            let ty = crate::objects::typeobject::type_as_obj(tp);
            return Ok((g(self, d, Some(o), Some(&ty))?, false));
        }
        if let Some(d) = descr {
            return Ok((d, false));
        }
        Err(no_attribute(self, o, name))
    }
}

/// "'int' object has no attribute 'x'", with `name` and `obj` recorded for
/// the traceback printer's suggestions.
pub fn no_attribute(vm: &mut Vm, o: &Obj, name: &Obj) -> PyErr {
    let msg = format!(
        "'{}' object has no attribute '{}'",
        o.class().name(),
        str_value(name)
    );
    let err = vm.new_exception_msg(&ATTRIBUTE_ERROR, msg);
    exceptions::set_attribute_error_context(&err, o, name);
    err
}

/// `PyObject_GenericGetAttr` returning None instead of raising
/// AttributeError (other errors still propagate).
pub fn generic_getattr_opt(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    if name.downcast::<StrObject>().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            name.class().name()
        )));
    }
    let tp = o.class();
    let descr = vm.type_lookup(tp, name);
    let mut getter = None;
    if let Some(d) = &descr {
        let dt = d.class();
        getter = dt.slots.tp_descr_get.get();
        if let Some(g) = getter
            && dt.slots.tp_descr_set.get().is_some()
        {
            let ty = crate::objects::typeobject::type_as_obj(tp);
            return g(vm, d, Some(o), Some(&ty)).map(Some);
        }
    }
    if let Some(df) = tp.tp_instance_dict {
        let dict = df(vm, o);
        if let Some(v) = dict_obj(&dict).get_str(name) {
            return Ok(Some(v));
        }
    }
    if let (Some(g), Some(d)) = (getter, &descr) {
        let ty = crate::objects::typeobject::type_as_obj(tp);
        return g(vm, d, Some(o), Some(&ty)).map(Some);
    }
    Ok(descr)
}

/// `PyObject_GenericGetAttr`.
pub fn generic_getattr(vm: &mut Vm, o: &Obj, name: &Obj) -> PyResult<Obj> {
    match generic_getattr_opt(vm, o, name)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(vm, o, name)),
    }
}

/// `PyObject_GenericSetAttr` (value None deletes).
pub fn generic_setattr(vm: &mut Vm, o: &Obj, name: &Obj, value: Option<Obj>) -> PyResult<()> {
    let tp = o.class();
    let descr = vm.type_lookup(tp, name);
    if let Some(d) = &descr
        && let Some(set) = d.class().slots.tp_descr_set.get()
    {
        return set(vm, d, o, value);
    }
    let Some(df) = tp.tp_instance_dict else {
        let msg = if descr.is_none() {
            format!(
                "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
                tp.name(),
                str_value(name)
            )
        } else {
            format!(
                "'{}' object attribute '{}' is read-only",
                tp.name(),
                str_value(name)
            )
        };
        let err = vm.new_exception_msg(&ATTRIBUTE_ERROR, msg);
        exceptions::set_attribute_error_context(&err, o, name);
        return Err(err);
    };
    let dict = df(vm, o);
    match value {
        Some(v) => dict_obj(&dict).set(vm, name.clone(), v),
        None => match dict_obj(&dict).remove(vm, name)? {
            Some(_) => Ok(()),
            None => Err(no_attribute(vm, o, name)),
        },
    }
}

/// Names for `dir(o)`: the instance dict's keys and every name in the
/// type's MRO dicts, sorted (CPython's `object.__dir__`).
pub fn dir_of(vm: &mut Vm, o: &Obj) -> PyResult<Vec<Obj>> {
    let mut names: Vec<Obj> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |k: Obj, names: &mut Vec<Obj>| {
        let s = str_value(&k).to_string();
        if seen.insert(s) {
            names.push(k);
        }
    };
    if let Some(df) = o.class().tp_instance_dict {
        let d = df(vm, o);
        for k in dict_obj(&d).keys() {
            push(k, &mut names);
        }
    }
    let tys: Vec<&TypeObject> = match crate::objects::typeobject::as_type(o) {
        Some(t) => t.mro().collect(),
        None => o.class().mro().collect(),
    };
    for t in tys {
        for k in dict_obj(vm.type_dict(t)).keys() {
            push(k, &mut names);
        }
    }
    names.sort_by(|a, b| str_value(a).cmp(str_value(b)));
    Ok(names)
}
