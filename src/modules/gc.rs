//! The `gc` module (CPython's `Modules/gcmodule.c`): the interface to the
//! cycle collector in `objects::gc`.

use crate::objects::args::{self, Signature};
use crate::objects::dict::dict_obj;
use crate::objects::module::{module_dict, new_module};
use crate::objects::native::new_builtin_function;
use crate::objects::typeobject::MethodDef;
use crate::objects::{Obj, PyResult, Vm, bool_, gc, int};

/// `gc.collect(generation=2)`: runs a collection, returns the number of
/// unreachable objects found.
fn collect(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    static SIG: Signature = Signature::new("collect", &["generation"], 0);
    let [generation] = args::parse(vm, &SIG, a, kw)?;
    let generation = match generation {
        None => gc::NUM_GENERATIONS as i64 - 1,
        Some(g) => c_int(vm, &g)?,
    };
    if !(0..gc::NUM_GENERATIONS as i64).contains(&generation) {
        return Err(vm.value_error("invalid generation"));
    }
    Ok(int::new_usize(vm.gc_collect(generation as usize)))
}

/// An argument converted as Argument Clinic's `int` converter does.
fn c_int(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    if crate::objects::float::float_value(o).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let idx = vm.index(o)?;
    match crate::objects::int::int_ref(&idx)
        .and_then(|r| r.to_i64())
        .filter(|v| i32::try_from(*v).is_ok())
    {
        Some(v) => Ok(v),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn enable(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "gc.enable", a, kw)?;
    gc::set_enabled(true);
    Ok(Obj::none())
}

fn disable(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "gc.disable", a, kw)?;
    gc::set_enabled(false);
    Ok(Obj::none())
}

fn isenabled(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "gc.isenabled", a, kw)?;
    Ok(bool_::new_bool(gc::is_enabled()))
}

fn get_count(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "gc.get_count", a, kw)?;
    let items = gc::counts().iter().map(|&c| int::new_usize(c)).collect();
    Ok(vm.new_tuple(items))
}

fn get_threshold(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "gc.get_threshold", a, kw)?;
    let items = gc::thresholds()
        .iter()
        .map(|&t| int::new_int(t as i64))
        .collect();
    Ok(vm.new_tuple(items))
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`; 0 as the
/// first stops automatic collection.
fn set_threshold(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "set_threshold", kw)?;
    if a.is_empty() || a.len() > gc::NUM_GENERATIONS {
        return Err(vm.type_error("gc.set_threshold requires 1 to 3 arguments"));
    }
    let mut values = Vec::with_capacity(a.len());
    for o in a {
        values.push(c_int(vm, o)? as isize);
    }
    gc::set_thresholds(&values);
    Ok(Obj::none())
}

/// `gc.get_stats()`: one dict per generation.
fn get_stats(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_args(vm, "gc.get_stats", a, kw)?;
    let mut out = Vec::new();
    for st in gc::stats() {
        let d = vm.new_dict();
        let dd = dict_obj(&d);
        dd.set_str(vm.intern("collections"), int::new_usize(st.collections));
        dd.set_str(vm.intern("collected"), int::new_usize(st.collected));
        dd.set_str(vm.intern("uncollectable"), int::new_usize(st.uncollectable));
        out.push(d);
    }
    Ok(vm.new_list(out))
}

/// `gc.get_referents(*objs)`: what each object's traverse reports.
fn get_referents(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    args::no_kwargs(vm, "get_referents", kw)?;
    let mut out = Vec::new();
    for o in a {
        if let Some(t) = gc::traverse_of(o) {
            t(o, &mut |r| out.push(r.clone()));
        }
    }
    Ok(vm.new_list(out))
}

/// `gc.is_finalized(obj)`: whether the collector (or reference counting)
/// already ran the object's `__del__`.
fn is_finalized(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let o = args::one_arg(vm, "gc.is_finalized", a, kw)?;
    Ok(bool_::new_bool(crate::objects::finalize::is_finalized(o)))
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("collect", collect),
    MethodDef::new("enable", enable),
    MethodDef::new("disable", disable),
    MethodDef::new("isenabled", isenabled),
    MethodDef::new("get_count", get_count),
    MethodDef::new("get_threshold", get_threshold),
    MethodDef::new("set_threshold", set_threshold),
    MethodDef::new("get_stats", get_stats),
    MethodDef::new("get_referents", get_referents),
    MethodDef::new("is_finalized", is_finalized),
];

/// Builds the `gc` module.
pub fn make_module(vm: &mut Vm) -> Obj {
    let m = new_module(vm, "gc");
    let d = module_dict(&m).expect("a module has a dict").clone();
    let dd = dict_obj(&d);
    for f in FUNCTIONS {
        dd.set_str(vm.intern(f.name), new_builtin_function(f, "gc"));
    }
    // Objects the collector could not free; pyrs has no legacy (`tp_del`)
    // finalizers, so nothing is ever put here.
    dd.set_str(vm.intern("garbage"), vm.new_list(vec![]));
    m
}
