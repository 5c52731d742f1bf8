//! The objects PEP 695 syntax creates at run time (CPython's
//! `Objects/typevarobject.c` and `Objects/genericaliasobject.c`):
//! `TypeVar`, `ParamSpec`, `TypeVarTuple` and `typing.NoDefault`
//! (`typevar.rs`), `TypeAliasType` and `typing.Generic` (`alias.rs`),
//! `types.GenericAlias` and the `__class_getitem__` of the builtin
//! containers (`generic_alias.rs`), and the CALL_INTRINSIC entries the
//! compiler emits for `def f[T]`, `class C[T]` and `type A = ...`.
//!
//! There is no `typing` module yet: these objects exist only as the
//! compiler creates them, and calling their types raises TypeError. Only
//! the parts of `typing.Generic` the class statement needs are here
//! (subscription, `__mro_entries__`, `__parameters__`); the rest of the
//! typing machinery (substitution of defaults, `Unpack`) is not.

mod alias;
mod generic_alias;
mod typevar;

pub use alias::{GENERIC_TYPE, TYPEALIAS_TYPE, make_typealias, subscript_generic};
pub use generic_alias::{GENERICALIAS_TYPE, class_getitem, new_generic_alias};
pub use typevar::{
    NODEFAULT_TYPE, PARAMSPEC_TYPE, TYPEVAR_TYPE, TYPEVARTUPLE_TYPE, TypeParamKind, new_type_param,
    set_typeparam_default,
};

use crate::objects::function::FunctionObject;
use crate::objects::{Obj, PyResult, Vm};

/// INTRINSIC_SET_FUNCTION_TYPE_PARAMS: stores a generic function's type
/// parameters as its `__type_params__` and returns the function.
pub fn set_function_type_params(vm: &mut Vm, func: Obj, params: Obj) -> PyResult<Obj> {
    let Some(f) = func.downcast::<FunctionObject>() else {
        return Err(vm.system_error("INTRINSIC_SET_FUNCTION_TYPE_PARAMS expects a function"));
    };
    f.type_params.set(Some(params));
    Ok(func)
}
