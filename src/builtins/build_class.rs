//! `builtins.__build_class__(func, name, *bases, metaclass=..., **kwds)`:
//! what a `class` statement calls (CPython's `builtin___build_class__`).

use crate::objects::cell::CellObject;
use crate::objects::dict::{is_dict, new_dict};
use crate::objects::function::FunctionObject;
use crate::objects::heaptype::calculate_metaclass;
use crate::objects::str::{is_str, str_value};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::type_type::TYPE_TYPE;
use crate::objects::typeobject::{as_type, as_type_static, type_as_obj};
use crate::objects::{Obj, PyResult, Vm, args};

pub fn build_class(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let (pos, kwvalues, kwnames) = args::split(a, kw);
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = &pos[0];
    if func.downcast::<FunctionObject>().is_none() {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    let name = &pos[1];
    if !is_str(name) {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases = pos[2..].to_vec();
    let bases = update_bases(vm, &orig_bases)?;
    let bases_changed =
        bases.len() != orig_bases.len() || bases.iter().zip(&orig_bases).any(|(x, y)| !x.is(y));
    // Keyword arguments other than `metaclass` go to __prepare__, the
    // metaclass call and __init_subclass__.
    let mut meta = None;
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (k, v) in kwnames.iter().zip(kwvalues) {
        if str_value(k) == "metaclass" {
            meta = Some(v.clone());
        } else {
            names.push(k.clone());
            values.push(v.clone());
        }
    }
    let (mut meta, is_class) = match meta {
        Some(m) => {
            let is_class = as_type(&m).is_some();
            (m, is_class)
        }
        None => match bases.first() {
            Some(b) => (type_as_obj(b.class()), true),
            None => (type_as_obj(&TYPE_TYPE), true),
        },
    };
    if is_class && let Some(m) = as_type_static(&meta) {
        let winner = calculate_metaclass(vm, m, &bases)?;
        if !std::ptr::eq(winner, m) {
            meta = type_as_obj(winner);
        }
    }
    let bases_tuple = new_tuple(bases);
    let kwnames_tuple = (!names.is_empty()).then(|| new_tuple(names.clone()));
    let prepare_key = vm.ids.__prepare__.clone();
    let ns = match vm.getattr_opt(&meta, &prepare_key)? {
        None => new_dict(),
        Some(prep) => {
            let mut call_args = vec![name.clone(), bases_tuple.clone()];
            call_args.extend(values.iter().cloned());
            vm.call(&prep, &call_args, kwnames_tuple.as_ref())?
        }
    };
    if !is_mapping(&ns) {
        let meta_name = match as_type(&meta) {
            Some(t) => t.name().into_owned(),
            None => "<metaclass>".to_string(),
        };
        return Err(vm.type_error(format!(
            "{meta_name}.__prepare__() must return a mapping, not {}",
            ns.class().name()
        )));
    }
    let cell = vm.call_function_with_locals(func, ns.clone())?;
    if bases_changed {
        let key = vm.ids.__orig_bases__.clone();
        vm.setitem(&ns, &key, new_tuple(orig_bases))?;
    }
    let mut call_args = vec![name.clone(), bases_tuple, ns];
    call_args.extend(values);
    let cls = vm.call(&meta, &call_args, kwnames_tuple.as_ref())?;
    if as_type(&cls).is_some()
        && let Some(c) = cell.downcast::<CellObject>()
    {
        match c.contents.get() {
            Some(v) if v.is(&cls) => {}
            None => {
                let (n, r) = (vm.repr_string(name)?, vm.repr_string(&cls)?);
                return Err(vm.runtime_error(format!(
                    "__class__ not set defining {n} as {r}. Was __classcell__ propagated to type.__new__?"
                )));
            }
            Some(other) => {
                let (o, n, r) = (
                    vm.repr_string(&other)?,
                    vm.repr_string(name)?,
                    vm.repr_string(&cls)?,
                );
                return Err(vm.type_error(format!("__class__ set to {o} defining {n} as {r}")));
            }
        }
    }
    Ok(cls)
}

/// Replaces bases that are not classes by what their `__mro_entries__`
/// returns (`update_bases`).
fn update_bases(vm: &mut Vm, bases: &[Obj]) -> PyResult<Vec<Obj>> {
    let mut out = Vec::with_capacity(bases.len());
    let key = vm.ids.__mro_entries__.clone();
    for b in bases {
        if as_type(b).is_some() {
            out.push(b.clone());
            continue;
        }
        let Some(f) = vm.getattr_opt(b, &key)? else {
            out.push(b.clone());
            continue;
        };
        let all = new_tuple(bases.to_vec());
        let entries = vm.call(&f, &[all], None)?;
        let Some(items) = tuple_items(&entries) else {
            return Err(vm.type_error("__mro_entries__ must return a tuple"));
        };
        out.extend(items.iter().cloned());
    }
    Ok(out)
}

/// `PyMapping_Check`: has `__getitem__` (dicts, and classes defining it).
fn is_mapping(o: &Obj) -> bool {
    is_dict(o) || o.class().slots.mp_subscript.get().is_some()
}
