//! Introspection builtins: getattr, setattr, hasattr, delattr, isinstance,
//! issubclass, dir, vars, globals, locals.

use crate::objects::dict::{dict_obj, new_dict};
use crate::objects::exceptions::ATTRIBUTE_ERROR;
use crate::objects::str::StrObject;
use crate::objects::tuple::tuple_items;
use crate::objects::type_type::TYPE_TYPE;
use crate::objects::typeobject::{TypeObject, as_type};
use crate::objects::{Obj, PyResult, Vm, args, bool_};
use crate::vm::frame::Frame;

fn check_name(vm: &mut Vm, name: &Obj) -> PyResult<()> {
    if name.downcast::<StrObject>().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            name.class().name()
        )));
    }
    Ok(())
}

/// `getattr(object, name[, default])`.
pub fn getattr(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "getattr", a, kw, 2, 3)?;
    check_name(vm, &rest[1])?;
    match rest.get(2) {
        None => vm.getattr(&rest[0], &rest[1]),
        Some(d) => Ok(vm
            .getattr_opt(&rest[0], &rest[1])?
            .unwrap_or_else(|| d.clone())),
    }
}

pub fn setattr(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "setattr", a, kw, 3, 3)?;
    check_name(vm, &rest[1])?;
    vm.setattr(&rest[0], &rest[1], rest[2].clone())?;
    Ok(Obj::none())
}

pub fn delattr(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "delattr", a, kw, 2, 2)?;
    check_name(vm, &rest[1])?;
    vm.delattr(&rest[0], &rest[1])?;
    Ok(Obj::none())
}

pub fn hasattr(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "hasattr", a, kw, 2, 2)?;
    check_name(vm, &rest[1])?;
    match vm.getattr(&rest[0], &rest[1]) {
        Ok(_) => Ok(bool_::new_bool(true)),
        Err(e) if e.value().class().is_subtype(&ATTRIBUTE_ERROR) => Ok(bool_::new_bool(false)),
        Err(e) => Err(e),
    }
}

impl Vm {
    /// `isinstance(o, classinfo)` (`PyObject_IsInstance`): exact `type`
    /// instances are checked by MRO, tuples element by element, anything
    /// else through its metaclass's `__instancecheck__`.
    pub fn isinstance(&mut self, o: &Obj, classinfo: &Obj) -> PyResult<bool> {
        if let Some(t) = as_type(classinfo) {
            if std::ptr::eq(o.class(), t) {
                return Ok(true);
            }
            if std::ptr::eq(classinfo.class(), &TYPE_TYPE) {
                return self.recursive_isinstance(o, t);
            }
        }
        if let Some(items) = tuple_items(classinfo) {
            self.enter_recursive_call(" in __instancecheck__")?;
            let mut result = Ok(false);
            for c in items {
                match self.isinstance(o, c) {
                    Ok(false) => {}
                    other => {
                        result = other;
                        break;
                    }
                }
            }
            self.leave_recursive_call();
            return result;
        }
        if let Some(checker) = self.lookup_special(classinfo, "__instancecheck__") {
            self.enter_recursive_call(" in __instancecheck__")?;
            let r = self.call(&checker, std::slice::from_ref(o), None);
            self.leave_recursive_call();
            let r = r?;
            return self.is_true(&r);
        }
        match as_type(classinfo) {
            Some(t) => self.recursive_isinstance(o, t),
            None => {
                Err(self
                    .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
            }
        }
    }

    /// `object_isinstance`: by the MRO of `type(o)`, then of `o.__class__`
    /// when that differs (proxies).
    fn recursive_isinstance(&mut self, o: &Obj, t: &TypeObject) -> PyResult<bool> {
        if o.class().is_subtype(t) {
            return Ok(true);
        }
        let key = self.ids.__class__.clone();
        match self.getattr_opt(o, &key)? {
            Some(c) => match as_type(&c) {
                Some(ct) if !std::ptr::eq(ct, o.class()) => Ok(ct.is_subtype(t)),
                _ => Ok(false),
            },
            None => Ok(false),
        }
    }

    /// `issubclass(cls, classinfo)` (`PyObject_IsSubclass`), with
    /// `__subclasscheck__` as for `isinstance`.
    pub fn issubclass(&mut self, cls: &Obj, classinfo: &Obj) -> PyResult<bool> {
        if let Some(t) = as_type(classinfo)
            && std::ptr::eq(classinfo.class(), &TYPE_TYPE)
        {
            return match as_type(cls) {
                Some(sub) => Ok(sub.is_subtype(t)),
                None => Err(self.type_error("issubclass() arg 1 must be a class")),
            };
        }
        if let Some(items) = tuple_items(classinfo) {
            self.enter_recursive_call(" in __subclasscheck__")?;
            let mut result = Ok(false);
            for c in items {
                match self.issubclass(cls, c) {
                    Ok(false) => {}
                    other => {
                        result = other;
                        break;
                    }
                }
            }
            self.leave_recursive_call();
            return result;
        }
        if let Some(checker) = self.lookup_special(classinfo, "__subclasscheck__") {
            self.enter_recursive_call(" in __subclasscheck__")?;
            let r = self.call(&checker, std::slice::from_ref(cls), None);
            self.leave_recursive_call();
            let r = r?;
            return self.is_true(&r);
        }
        let Some(sub) = as_type(cls) else {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        };
        match as_type(classinfo) {
            Some(t) => Ok(sub.is_subtype(t)),
            None => Err(self
                .type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
        }
    }
}

pub fn isinstance(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "isinstance", a, kw, 2, 2)?;
    Ok(bool_::new_bool(vm.isinstance(&rest[0], &rest[1])?))
}

pub fn issubclass(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "issubclass", a, kw, 2, 2)?;
    Ok(bool_::new_bool(vm.issubclass(&rest[0], &rest[1])?))
}

/// The running Python frame (the caller of a builtin), if any.
pub(super) fn current_frame(vm: &Vm) -> Option<&Frame> {
    vm.current_python_frame()
}

pub fn globals(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "globals", a, kw)?;
    match current_frame(vm) {
        Some(f) => Ok(f.globals.clone()),
        None => Ok(vm.new_dict()),
    }
}

/// `locals()`: the namespace of module code, or a snapshot of a function's
/// local variables (PEP 667).
pub fn locals(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "locals", a, kw)?;
    let Some(frame) = vm.current_python_frame() else {
        return Ok(vm.new_dict());
    };
    if let Some(l) = &frame.locals {
        return Ok(l.clone());
    }
    let code = frame.code();
    let d = new_dict();
    for (i, (name, slot)) in code
        .localsplusnames()
        .iter()
        .zip(frame.locals())
        .enumerate()
    {
        let kind = code.localspluskinds.get(i).copied().unwrap_or(0);
        let v = match slot {
            None => continue,
            Some(v)
                if kind
                    & (crate::objects::code::fast_kind::CELL
                        | crate::objects::code::fast_kind::FREE)
                    != 0 =>
            {
                match crate::objects::cell::cell_obj(v).and_then(|c| c.contents.get()) {
                    Some(x) => x,
                    None => continue,
                }
            }
            Some(v) => v.clone(),
        };
        if kind & crate::objects::code::fast_kind::HIDDEN != 0 {
            continue;
        }
        dict_obj(&d).set_str(name.clone(), v);
    }
    Ok(d)
}

/// `vars([object])`: `locals()`, or `object.__dict__`.
pub fn vars(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "vars", a, kw, 0, 1)?;
    match rest.first() {
        None => locals(vm, &[], None),
        Some(o) => {
            let name = vm.ids.__dict__.clone();
            match vm.getattr_opt(o, &name)? {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            }
        }
    }
}

/// `dir([object])`.
pub fn dir(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let rest = args::positional(vm, "dir", a, kw, 0, 1)?;
    match rest.first() {
        None => {
            let l = locals(vm, &[], None)?;
            let mut keys = vm.collect(&l)?;
            keys.sort_by(|x, y| {
                crate::objects::str::str_value(x).cmp(crate::objects::str::str_value(y))
            });
            Ok(vm.new_list(keys))
        }
        Some(o) => {
            let Some(f) = vm.lookup_special(o, "__dir__") else {
                return Err(vm.type_error("object does not provide __dir__"));
            };
            let r = vm.call(&f, &[], None)?;
            let items = vm.collect(&r)?;
            let l = vm.new_list(items);
            crate::objects::list::sort_list(vm, &l, None, false)?;
            Ok(l)
        }
    }
}
