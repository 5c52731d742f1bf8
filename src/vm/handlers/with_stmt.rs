//! The `with` statement's opcodes: LOAD_SPECIAL (looking up `__enter__`,
//! `__exit__`, `__aenter__`, `__aexit__` on the type) and
//! WITH_EXCEPT_START (calling `__exit__` with the exception being handled).
//!
//! The rest of a `with` block is ordinary bytecode: CALL for `__enter__`
//! and for the normal-exit `__exit__(None, None, None)`, PUSH_EXC_INFO,
//! TO_BOOL and RERAISE for the exceptional exit. The awaiting half of
//! `async with` (GET_AWAITABLE, SEND) belongs to coroutines.

use crate::objects::exceptions::{exc, is_exception};
use crate::objects::typeobject::{TypeObject, flags, type_as_obj};
use crate::objects::{Obj, PyErr, PyResult, Vm};
use crate::opcode::SpecialMethod;
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// LOAD_SPECIAL: `(self -- method, self_or_null)` (CPython's
/// `_INSERT_NULL` + `_LOAD_SPECIAL`): the special method from the type of
/// `self`, unbound with `self` above it when it is a method descriptor,
/// otherwise bound (or plain) with NULL above it.
#[inline(always)]
pub fn load_special(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let owner = r.pop();
    let Some(which) = SpecialMethod::from_oparg(r.oparg) else {
        return Err(st.vm.system_error("LOAD_SPECIAL: bad oparg").into());
    };
    match lookup_special_method(st.vm, &owner, which.method_name())? {
        Some(SpecialLookup::Unbound(method)) => {
            r.push(method);
            r.push(owner);
        }
        Some(SpecialLookup::Bound(method)) => {
            r.push(method);
            r.push_slot(None);
        }
        None => return Err(missing_special_method(st.vm, &owner, which).into()),
    }
    r.skip(0);
    Ok(Control::Next)
}

/// What [`lookup_special_method`] found.
enum SpecialLookup {
    /// A method descriptor, to call with the object as first argument.
    Unbound(Obj),
    /// A bound method, or an attribute that is not a descriptor: to call
    /// as it is.
    Bound(Obj),
}

/// `_PyObject_LookupSpecialMethod`: `name` on the type of `owner` (never
/// the instance), left unbound when it is a method descriptor.
fn lookup_special_method(vm: &mut Vm, owner: &Obj, name: &str) -> PyResult<Option<SpecialLookup>> {
    let key = vm.intern(name);
    let ty = owner.class();
    let Some(descr) = vm.type_lookup(ty, &key) else {
        return Ok(None);
    };
    if descr.class().has_flag(flags::METHOD_DESCRIPTOR) {
        return Ok(Some(SpecialLookup::Unbound(descr)));
    }
    match descr.class().slots.tp_descr_get.get() {
        None => Ok(Some(SpecialLookup::Bound(descr))),
        Some(get) => {
            let t = type_as_obj(ty);
            let bound = get(vm, &descr, Some(owner), Some(&t))?;
            Ok(Some(SpecialLookup::Bound(bound)))
        }
    }
}

/// Whether `ty` has `name` as a descriptor (a method), for the "did you
/// mean" hint (CPython's `type_has_special_method`).
fn has_special_method(vm: &mut Vm, ty: &TypeObject, name: &str) -> bool {
    let key = vm.intern(name);
    vm.type_lookup(ty, &key)
        .is_some_and(|d| d.class().slots.tp_descr_get.get().is_some())
}

/// The TypeError of a failed LOAD_SPECIAL (`_Py_SpecialMethods[oparg].error`,
/// or `.error_suggestion` when `_PyEval_SpecialMethodCanSuggest` finds the
/// other protocol).
#[cold]
fn missing_special_method(vm: &mut Vm, owner: &Obj, which: SpecialMethod) -> PyErr {
    let ty = owner.class();
    let (protocol, other, other_methods, hint) = match which {
        SpecialMethod::Enter | SpecialMethod::Exit => (
            "the context manager protocol",
            "the asynchronous context manager protocol",
            ["__aenter__", "__aexit__"],
            "async with",
        ),
        SpecialMethod::AEnter | SpecialMethod::AExit => (
            "the asynchronous context manager protocol",
            "the context manager protocol",
            ["__enter__", "__exit__"],
            "with",
        ),
    };
    let can_suggest = other_methods.iter().all(|m| has_special_method(vm, ty, m));
    let name = vm.type_fully_qualified_name(ty);
    let mut msg = format!(
        "'{name}' object does not support {protocol} (missed {} method)",
        which.method_name()
    );
    if can_suggest {
        msg.push_str(&format!(
            " but it supports {other}. Did you mean to use '{hint}'?"
        ));
    }
    vm.type_error(msg)
}

impl Vm {
    /// `_PyType_GetFullyQualifiedName(type, '.')`, the `%T` of error
    /// messages: "module.QualName", without the module for builtins and
    /// `__main__`.
    pub fn type_fully_qualified_name(&self, t: &TypeObject) -> String {
        let module = self.type_module_name(t);
        let qual = self.type_qualname(t);
        if module == "builtins" || module == "__main__" {
            qual
        } else {
            format!("{module}.{qual}")
        }
    }
}

/// WITH_EXCEPT_START: `(exit_func, exit_self, lasti, prev_exc, val --
/// exit_func, exit_self, lasti, prev_exc, val, res)`: calls
/// `__exit__(type(val), val, val.__traceback__)` on the exception being
/// handled; `res` decides whether it is suppressed.
#[inline(always)]
pub fn with_except_start(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let val = r.peek(1).clone();
    let exit_self = r.peek_slot(4).clone();
    let exit_func = r.peek(5).clone();
    let res = call_exit(st.vm, &exit_func, exit_self, &val)?;
    r.push(res);
    r.skip(0);
    Ok(Control::Next)
}

/// The call WITH_EXCEPT_START makes.
fn call_exit(vm: &mut Vm, exit_func: &Obj, exit_self: Option<Obj>, val: &Obj) -> PyResult<Obj> {
    if !is_exception(val) {
        return Err(vm.system_error("WITH_EXCEPT_START: not an exception"));
    }
    let tb = exc(val).traceback.get().unwrap_or_else(Obj::none);
    let mut args = Vec::with_capacity(4);
    args.extend(exit_self);
    args.push(type_as_obj(val.class()));
    args.push(val.clone());
    args.push(tb);
    vm.call(exit_func, &args, None)
}
