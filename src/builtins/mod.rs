//! The `builtins` module (CPython's `Python/bltinmodule.c`): its functions,
//! the builtin types and constants, and the exception classes.

mod attrs;
mod build_class;
mod compile;
mod functions;
pub mod itertypes;
mod numeric;

use crate::objects::dict::dict_obj;
use crate::objects::exceptions::{EXCEPTION_TYPES, OS_ERROR};
use crate::objects::module::{module_dict, new_module};
use crate::objects::native::new_builtin_function;
use crate::objects::typeobject::{MethodDef, TypeObject, type_as_obj};
use crate::objects::{Obj, Vm, bool_};

/// The builtin functions, in CPython's `builtin_methods` order.
static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("__build_class__", build_class::build_class),
    MethodDef::new("__import__", functions::import),
    MethodDef::new("abs", numeric::abs),
    MethodDef::new("all", functions::all),
    MethodDef::new("any", functions::any),
    MethodDef::new("ascii", functions::ascii),
    MethodDef::new("bin", numeric::bin),
    MethodDef::new("callable", functions::callable),
    MethodDef::new("chr", functions::chr),
    MethodDef::new("compile", compile::compile),
    MethodDef::new("delattr", attrs::delattr),
    MethodDef::new("dir", attrs::dir),
    MethodDef::new("divmod", numeric::divmod),
    MethodDef::new("eval", compile::eval),
    MethodDef::new("exec", compile::exec),
    MethodDef::new("format", functions::format),
    MethodDef::new("getattr", attrs::getattr),
    MethodDef::new("globals", attrs::globals),
    MethodDef::new("hasattr", attrs::hasattr),
    MethodDef::new("hash", functions::hash),
    MethodDef::new("hex", numeric::hex),
    MethodDef::new("id", functions::id),
    MethodDef::new("input", functions::input),
    MethodDef::new("isinstance", attrs::isinstance),
    MethodDef::new("issubclass", attrs::issubclass),
    MethodDef::new("iter", functions::iter),
    MethodDef::new("len", functions::len),
    MethodDef::new("locals", attrs::locals),
    MethodDef::new("max", numeric::max),
    MethodDef::new("min", numeric::min),
    MethodDef::new("next", functions::next),
    MethodDef::new("oct", numeric::oct),
    MethodDef::new("ord", functions::ord),
    MethodDef::new("pow", numeric::pow),
    MethodDef::new("print", functions::print),
    MethodDef::new("repr", functions::repr),
    MethodDef::new("round", numeric::round),
    MethodDef::new("setattr", attrs::setattr),
    MethodDef::new("sorted", functions::sorted),
    MethodDef::new("sum", numeric::sum),
    MethodDef::new("vars", attrs::vars),
    MethodDef::new("exit", functions::exit),
    MethodDef::new("quit", functions::exit),
];

/// The builtin types, by the name `builtins` gives them.
fn types() -> Vec<(&'static str, &'static TypeObject)> {
    use crate::objects as o;
    vec![
        ("bool", &o::bool_::BOOL_TYPE),
        ("bytearray", &o::bytes::BYTEARRAY_TYPE),
        ("bytes", &o::bytes::BYTES_TYPE),
        ("classmethod", &o::descr_types::CLASSMETHOD_TYPE),
        ("complex", &o::complex::COMPLEX_TYPE),
        ("dict", &o::dict::DICT_TYPE),
        ("enumerate", &itertypes::ENUMERATE_TYPE),
        ("filter", &itertypes::FILTER_TYPE),
        ("float", &o::float::FLOAT_TYPE),
        ("frozenset", &o::set::FROZENSET_TYPE),
        ("int", &o::int::INT_TYPE),
        ("list", &o::list::LIST_TYPE),
        ("map", &itertypes::MAP_TYPE),
        ("object", &o::object_type::OBJECT_TYPE),
        ("property", &o::descr_types::PROPERTY_TYPE),
        ("range", &o::range::RANGE_TYPE),
        ("reversed", &itertypes::REVERSED_TYPE),
        ("set", &o::set::SET_TYPE),
        ("slice", &o::slice::SLICE_TYPE),
        ("staticmethod", &o::descr_types::STATICMETHOD_TYPE),
        ("str", &o::str::STR_TYPE),
        ("super", &o::super_type::SUPER_TYPE),
        ("tuple", &o::tuple::TUPLE_TYPE),
        ("type", &o::type_type::TYPE_TYPE),
        ("zip", &itertypes::ZIP_TYPE),
    ]
}

/// Creates the `builtins` module and makes it the interpreter's.
pub fn install(vm: &mut Vm) {
    let m = new_module(vm, "builtins");
    let d = module_dict(&m).expect("a module has a dict").clone();
    let dd = dict_obj(&d);
    let doc = vm.new_str("Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all 'built-in'\nidentifiers of Python; for example, builtins.len is\nthe full name for the built-in function len().\n\nThis module is not normally accessed explicitly by most\napplications, but can be useful in modules that provide\nobjects with the same name as a built-in value, but in\nwhich the built-in value is needed.");
    dd.set_str(vm.ids.__doc__.clone(), doc);
    for f in FUNCTIONS {
        dd.set_str(vm.intern(f.name), new_builtin_function(f, "builtins"));
    }
    for (name, t) in types() {
        dd.set_str(vm.intern(name), type_as_obj(t));
    }
    for t in EXCEPTION_TYPES {
        dd.set_str(vm.intern(&t.name()), type_as_obj(t));
    }
    for alias in ["EnvironmentError", "IOError"] {
        dd.set_str(vm.intern(alias), type_as_obj(&OS_ERROR));
    }
    let constants: [(&str, Obj); 6] = [
        ("None", Obj::none()),
        ("Ellipsis", Obj::ellipsis()),
        ("NotImplemented", Obj::not_implemented()),
        ("True", bool_::new_bool(true)),
        ("False", bool_::new_bool(false)),
        ("__debug__", bool_::new_bool(true)),
    ];
    for (name, v) in constants {
        dd.set_str(vm.intern(name), v);
    }
    vm.builtins = m;
    vm.builtins_dict = d;
}
