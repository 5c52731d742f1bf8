//! Operators: BINARY_OP, the unary ops, TO_BOOL, comparisons, membership,
//! subscripts and slices, GET_ITER, the intrinsics, f-string formatting.

use crate::objects::bool_::new_bool;
use crate::objects::int::new_i128;
use crate::objects::slice::new_slice;
use crate::objects::str::STR_TYPE;
use crate::objects::typeobject::{CompareOp, NbOp};
use crate::objects::{Obj, PyResult, Vm, list, tuple, typing};
use crate::opcode::{Conversion, Intrinsic1, Intrinsic2};
use crate::vm::handlers::caches;
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// `NB_SUBSCR`, BINARY_OP's last oparg (`container[sub]`).
const NB_SUBSCR: u32 = 26;
/// The first in-place operator oparg (`NB_INPLACE_ADD`).
const NB_INPLACE_ADD: u32 = 13;

/// The operation BINARY_OP's oparg selects.
#[inline(always)]
fn binary_op_value(vm: &mut Vm, oparg: u32, lhs: &Obj, rhs: &Obj) -> PyResult<Obj> {
    // Inline small ints never allocate; their +, - and * cannot overflow an
    // i128. Everything else goes through the number protocol.
    if let (Some(a), Some(b)) = (lhs.small_int(), rhs.small_int()) {
        match oparg {
            0 | 13 => return Ok(new_i128(a as i128 + b as i128)),
            10 | 23 => return Ok(new_i128(a as i128 - b as i128)),
            5 | 18 => return Ok(new_i128(a as i128 * b as i128)),
            _ => {}
        }
    }
    if oparg < NB_INPLACE_ADD {
        match NbOp::from_index(oparg as usize) {
            Some(op) => vm.binary_op(lhs, rhs, op),
            None => Err(vm.system_error(format!("BINARY_OP: bad oparg {oparg}"))),
        }
    } else if oparg < NB_SUBSCR {
        match NbOp::from_index((oparg - NB_INPLACE_ADD) as usize) {
            Some(op) => vm.inplace_op(lhs, rhs, op),
            None => Err(vm.system_error(format!("BINARY_OP: bad oparg {oparg}"))),
        }
    } else if oparg == NB_SUBSCR {
        vm.getitem(lhs, rhs)
    } else {
        Err(vm.system_error(format!("BINARY_OP: bad oparg {oparg}")))
    }
}

/// BINARY_OP: `(lhs, rhs -- res)`.
#[inline(always)]
pub fn binary_op(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let rhs = r.pop();
    let lhs = r.pop();
    let res = binary_op_value(st.vm, r.oparg, &lhs, &rhs)?;
    r.push(res);
    r.skip(caches::BINARY_OP);
    Ok(Control::Next)
}

macro_rules! unary {
    ($name:ident, $method:ident) => {
        #[inline(always)]
        pub fn $name(st: &mut EvalState, r: &mut Regs) -> OpResult {
            let v = r.pop();
            let res = st.vm.$method(&v)?;
            r.push(res);
            r.skip(0);
            Ok(Control::Next)
        }
    };
}
unary!(unary_negative, negative);
unary!(unary_invert, invert);

/// UNARY_NOT: the operand is always a bool (TO_BOOL precedes it).
#[inline(always)]
pub fn unary_not(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    r.push(new_bool(v.is_false_obj()));
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn to_bool(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let b = if v.is_true_obj() || v.is_false_obj() {
        v.is_true_obj()
    } else {
        st.vm.is_true(&v)?
    };
    r.push(new_bool(b));
    r.skip(caches::TO_BOOL);
    Ok(Control::Next)
}

/// COMPARE_OP: `oparg >> 5` is the operator; `oparg & 16` converts the
/// result to bool.
#[inline(always)]
pub fn compare_op(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let rhs = r.pop();
    let lhs = r.pop();
    let Some(op) = CompareOp::from_u32(r.oparg >> 5) else {
        return Err(st.vm.system_error("COMPARE_OP: bad oparg").into());
    };
    let res = if let (Some(a), Some(b)) = (lhs.small_int(), rhs.small_int()) {
        new_bool(op.test(a.cmp(&b)))
    } else {
        let res = st.vm.rich_compare(&lhs, &rhs, op)?;
        if r.oparg & 16 != 0 && !res.is_true_obj() && !res.is_false_obj() {
            new_bool(st.vm.is_true(&res)?)
        } else {
            res
        }
    };
    r.push(res);
    r.skip(caches::COMPARE_OP);
    Ok(Control::Next)
}

#[inline(always)]
pub fn is_op(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let rhs = r.pop();
    let lhs = r.pop();
    r.push(new_bool(lhs.is(&rhs) != (r.oparg == 1)));
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn contains_op(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let rhs = r.pop();
    let lhs = r.pop();
    let b = st.vm.contains(&rhs, &lhs)?;
    r.push(new_bool(b != (r.oparg == 1)));
    r.skip(caches::CONTAINS_OP);
    Ok(Control::Next)
}

/// BINARY_SLICE: `(container, start, stop -- container[start:stop])`.
#[inline(always)]
pub fn binary_slice(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let stop = r.pop();
    let start = r.pop();
    let container = r.pop();
    let slice = new_slice(start, stop, Obj::none());
    let res = st.vm.getitem(&container, &slice)?;
    r.push(res);
    r.skip(0);
    Ok(Control::Next)
}

/// STORE_SLICE: `(v, container, start, stop --)`.
#[inline(always)]
pub fn store_slice(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let stop = r.pop();
    let start = r.pop();
    let container = r.pop();
    let v = r.pop();
    let slice = new_slice(start, stop, Obj::none());
    st.vm.setitem(&container, &slice, v)?;
    r.skip(0);
    Ok(Control::Next)
}

/// STORE_SUBSCR: `(v, container, sub --)`.
#[inline(always)]
pub fn store_subscr(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let sub = r.pop();
    let container = r.pop();
    let v = r.pop();
    st.vm.setitem(&container, &sub, v)?;
    r.skip(caches::STORE_SUBSCR);
    Ok(Control::Next)
}

/// DELETE_SUBSCR: `(container, sub --)`.
#[inline(always)]
pub fn delete_subscr(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let sub = r.pop();
    let container = r.pop();
    st.vm.delitem(&container, &sub)?;
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn get_iter(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let it = st.vm.get_iter(&v)?;
    r.push(it);
    r.skip(0);
    Ok(Control::Next)
}

/// CALL_INTRINSIC_1 (`_PyIntrinsics_UnaryFunctions`).
#[inline(always)]
pub fn call_intrinsic_1(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let res = intrinsic_1(st.vm, r.oparg, v)?;
    r.push(res);
    r.skip(0);
    Ok(Control::Next)
}

#[cold]
fn intrinsic_1(vm: &mut Vm, oparg: u32, v: Obj) -> PyResult<Obj> {
    match Intrinsic1::from_oparg(oparg) {
        Some(Intrinsic1::UnaryPositive) => vm.positive(&v),
        Some(Intrinsic1::ListToTuple) => {
            Ok(tuple::new_tuple(list::list_items(&v).unwrap_or_default()))
        }
        Some(Intrinsic1::Print) => crate::modules::sys::displayhook(vm, &v),
        Some(Intrinsic1::ImportStar) => import_star(vm, v),
        Some(Intrinsic1::StopIterationError) => super::generators::stopiteration_error(vm, v),
        Some(Intrinsic1::AsyncGenWrap) => Ok(crate::objects::async_gen::wrap_value(v)),
        Some(i @ (Intrinsic1::TypeVar | Intrinsic1::ParamSpec | Intrinsic1::TypeVarTuple)) => {
            type_param_intrinsic(vm, i, v)
        }
        Some(Intrinsic1::SubscriptGeneric) => typing::subscript_generic(vm, v),
        Some(Intrinsic1::TypeAlias) => typing::make_typealias(vm, v),
        Some(i) => Err(vm.system_error(format!(
            "pyrs: CALL_INTRINSIC_1 {} cannot be executed",
            i.c_name()
        ))),
        None => Err(vm.system_error(format!("CALL_INTRINSIC_1: bad oparg {oparg}"))),
    }
}

/// INTRINSIC_IMPORT_STAR: `from module import *` into the frame's
/// LOAD_NAME namespace.
#[cold]
fn import_star(vm: &mut Vm, module: Obj) -> PyResult<Obj> {
    let locals = vm.current_python_frame().and_then(|f| f.locals.clone());
    let Some(locals) = locals else {
        return Err(vm.system_error("no locals found during 'import *'"));
    };
    vm.import_star(&module, &locals)?;
    Ok(Obj::none())
}

/// INTRINSIC_TYPEVAR, _PARAMSPEC and _TYPEVARTUPLE: a type parameter
/// without bound or constraints, named `name`.
fn type_param_intrinsic(vm: &mut Vm, which: Intrinsic1, name: Obj) -> PyResult<Obj> {
    let kind = match which {
        Intrinsic1::ParamSpec => typing::TypeParamKind::ParamSpec,
        Intrinsic1::TypeVarTuple => typing::TypeParamKind::TypeVarTuple,
        _ => typing::TypeParamKind::TypeVar,
    };
    typing::new_type_param(vm, kind, name, None, None)
}

/// CALL_INTRINSIC_2 (`_PyIntrinsics_BinaryFunctions`): `(value2, value1 -- res)`.
#[inline(always)]
pub fn call_intrinsic_2(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let value1 = r.pop();
    let value2 = r.pop();
    let res = intrinsic_2(st.vm, r.oparg, value2, value1)?;
    r.push(res);
    r.skip(0);
    Ok(Control::Next)
}

#[cold]
fn intrinsic_2(vm: &mut Vm, oparg: u32, value2: Obj, value1: Obj) -> PyResult<Obj> {
    match Intrinsic2::from_oparg(oparg) {
        Some(Intrinsic2::PrepReraiseStar) => {
            crate::vm::unwind::prep_reraise_star(vm, &value2, &value1)
        }
        Some(Intrinsic2::TypeVarWithBound) => typing::new_type_param(
            vm,
            typing::TypeParamKind::TypeVar,
            value2,
            Some(value1),
            None,
        ),
        Some(Intrinsic2::TypeVarWithConstraints) => typing::new_type_param(
            vm,
            typing::TypeParamKind::TypeVar,
            value2,
            None,
            Some(value1),
        ),
        Some(Intrinsic2::SetFunctionTypeParams) => {
            typing::set_function_type_params(vm, value2, value1)
        }
        Some(Intrinsic2::SetTypeParamDefault) => typing::set_typeparam_default(vm, value2, value1),
        Some(i) => Err(vm.system_error(format!(
            "pyrs: CALL_INTRINSIC_2 {} is not implemented yet",
            i.c_name()
        ))),
        None => Err(vm.system_error(format!("CALL_INTRINSIC_2: bad oparg {oparg}"))),
    }
}

/// FORMAT_SIMPLE: `format(value, '')`, skipping the call for str.
#[inline(always)]
pub fn format_simple(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let res = if std::ptr::eq(v.class(), &STR_TYPE) {
        v
    } else {
        let empty = st.vm.intern("");
        st.vm.format(&v, &empty)?
    };
    r.push(res);
    r.skip(0);
    Ok(Control::Next)
}

/// FORMAT_WITH_SPEC: `(value, fmt_spec -- format(value, fmt_spec))`.
#[inline(always)]
pub fn format_with_spec(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let spec = r.pop();
    let v = r.pop();
    let res = st.vm.format(&v, &spec)?;
    r.push(res);
    r.skip(0);
    Ok(Control::Next)
}

/// CONVERT_VALUE: `!s`, `!r` or `!a`.
#[inline(always)]
pub fn convert_value(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    let res = match Conversion::from_oparg(r.oparg) {
        Some(Conversion::Str) => st.vm.str(&v)?,
        Some(Conversion::Repr) => st.vm.repr(&v)?,
        Some(Conversion::Ascii) => st.vm.ascii(&v)?,
        None => return Err(st.vm.system_error("CONVERT_VALUE: bad oparg").into()),
    };
    r.push(res);
    r.skip(0);
    Ok(Control::Next)
}
