//! The `types` module (CPython's `Lib/types.py`): the names of the
//! interpreter's internal types, and `types.coroutine`.
//!
//! Only what needs no Python code is here; `SimpleNamespace`, `new_class`,
//! `prepare_class`, `resolve_bases`, `get_original_bases`,
//! `DynamicClassAttribute`, `UnionType` and `CapsuleType` are absent.

use crate::objects::code::{CodeObject, co_flags};
use crate::objects::dict::dict_obj;
use crate::objects::function::FunctionObject;
use crate::objects::module::{module_dict, new_module};
use crate::objects::native::new_builtin_function;
use crate::objects::typeobject::{MethodDef, TypeObject, type_as_obj};
use crate::objects::{Obj, PyResult, Vm, args};

/// `types.coroutine(func)`: a generator function becomes one whose
/// generators `await` accepts (`CO_ITERABLE_COROUTINE`); a coroutine
/// function is returned as it is.
fn coroutine(vm: &mut Vm, a: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    let func = args::one_arg(vm, "coroutine", a, kw)?;
    if !vm.is_callable(func) {
        return Err(vm.type_error("types.coroutine() expects a callable"));
    }
    if let Some(f) = func.downcast_exact::<FunctionObject>()
        && let Some(code) = f.code.get()
        && let Some(co) = code.downcast_exact::<CodeObject>()
    {
        if co.flags & (co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE) != 0 {
            return Ok(func.clone());
        }
        if co.flags & co_flags::GENERATOR != 0 {
            f.code
                .set(Some(co.with_flags(co.flags | co_flags::ITERABLE_COROUTINE)));
            return Ok(func.clone());
        }
    }
    Err(vm.new_exception_msg(
        &crate::objects::exceptions::NOT_IMPLEMENTED_ERROR,
        "types.coroutine() of a callable that is not a generator function (the wrapper of Lib/types.py) is not supported",
    ))
}

static FUNCTIONS: &[MethodDef] = &[MethodDef::new("coroutine", coroutine)];

/// The type names `types` exports.
fn type_names() -> Vec<(&'static str, &'static TypeObject)> {
    use crate::objects::*;
    vec![
        ("FunctionType", &function::FUNCTION_TYPE),
        ("LambdaType", &function::FUNCTION_TYPE),
        ("CodeType", &code::CODE_TYPE),
        ("MappingProxyType", &mappingproxy::MAPPINGPROXY_TYPE),
        ("CellType", &cell::CELL_TYPE),
        ("GeneratorType", &generator::GENERATOR_TYPE),
        ("CoroutineType", &generator::COROUTINE_TYPE),
        ("AsyncGeneratorType", &generator::ASYNC_GENERATOR_TYPE),
        ("MethodType", &function::METHOD_TYPE),
        ("BuiltinFunctionType", &native::BUILTIN_FUNCTION_TYPE),
        ("BuiltinMethodType", &native::BUILTIN_FUNCTION_TYPE),
        (
            "WrapperDescriptorType",
            &slot_wrappers::WRAPPER_DESCRIPTOR_TYPE,
        ),
        ("MethodWrapperType", &slot_wrappers::METHOD_WRAPPER_TYPE),
        ("MethodDescriptorType", &native::METHOD_DESCRIPTOR_TYPE),
        (
            "ClassMethodDescriptorType",
            &native::CLASSMETHOD_DESCRIPTOR_TYPE,
        ),
        ("ModuleType", &module::MODULE_TYPE),
        ("TracebackType", &traceback::TRACEBACK_TYPE),
        ("FrameType", &traceback::FRAME_TYPE),
        ("GetSetDescriptorType", &descr::GETSET_DESCRIPTOR_TYPE),
        ("MemberDescriptorType", &heaptype::MEMBER_DESCRIPTOR_TYPE),
        ("GenericAlias", &typing::GENERICALIAS_TYPE),
        ("EllipsisType", &singletons::ELLIPSIS_TYPE),
        ("NoneType", &singletons::NONE_TYPE),
        ("NotImplementedType", &singletons::NOT_IMPLEMENTED_TYPE),
    ]
}

/// Builds the `types` module.
pub fn make_module(vm: &mut Vm) -> Obj {
    let m = new_module(vm, "types");
    let d = module_dict(&m).expect("a module has a dict").clone();
    let dd = dict_obj(&d);
    for f in FUNCTIONS {
        dd.set_str(vm.intern(f.name), new_builtin_function(f, "types"));
    }
    for (name, ty) in type_names() {
        dd.set_str(vm.intern(name), type_as_obj(ty));
    }
    m
}
