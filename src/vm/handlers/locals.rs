//! Local variables, constants, cells and plain stack shuffling.

use crate::objects::cell::{cell_obj, new_cell};
use crate::objects::code::fast_kind;
use crate::objects::exceptions::{NAME_ERROR, UNBOUND_LOCAL_ERROR};
use crate::objects::str::str_value;
use crate::objects::tuple::tuple_items;
use crate::objects::{Obj, PyErr, int};
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// UnboundLocalError for local `i` (`_PyEval_FormatExcCheckArg` with
/// UNBOUNDLOCAL_ERROR_MSG).
#[cold]
pub(super) fn unbound_local(st: &mut EvalState, r: &Regs, i: usize) -> PyErr {
    let name = r
        .code()
        .localsplusnames()
        .get(i)
        .cloned()
        .unwrap_or_else(Obj::none);
    let err = st.vm.new_exception_msg(
        &UNBOUND_LOCAL_ERROR,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            str_value(&name)
        ),
    );
    crate::objects::exceptions::set_name_error_name(&err, &name);
    err
}

/// The error for an empty cell or free variable (`_PyEval_FormatExcUnbound`).
#[cold]
fn unbound_deref(st: &mut EvalState, r: &Regs, i: usize) -> PyErr {
    let code = r.code();
    let name = code
        .localsplusnames()
        .get(i)
        .cloned()
        .unwrap_or_else(Obj::none);
    let kind = code.localspluskinds.get(i).copied().unwrap_or(0);
    if kind & fast_kind::FREE != 0 {
        let err = st.vm.new_exception_msg(
            &NAME_ERROR,
            format!(
                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                str_value(&name)
            ),
        );
        crate::objects::exceptions::set_name_error_name(&err, &name);
        err
    } else {
        unbound_local(st, r, i)
    }
}

#[inline(always)]
pub fn nop(_: &mut EvalState, r: &mut Regs) -> OpResult {
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn not_taken(_: &mut EvalState, r: &mut Regs) -> OpResult {
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn load_fast(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.local(r.oparg as usize).clone();
    r.push_slot(v);
    r.skip(0);
    Ok(Control::Next)
}

/// LOAD_FAST_BORROW: CPython pushes a borrowed reference; pyrs takes a
/// counted one (same semantics, no deferred-refcount tagging yet).
#[inline(always)]
pub fn load_fast_borrow(st: &mut EvalState, r: &mut Regs) -> OpResult {
    load_fast(st, r)
}

#[inline(always)]
pub fn load_fast_check(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let i = r.oparg as usize;
    match r.local(i).clone() {
        Some(v) => {
            r.push(v);
            r.skip(0);
            Ok(Control::Next)
        }
        None => Err(unbound_local(st, r, i).into()),
    }
}

#[inline(always)]
pub fn load_fast_and_clear(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.local_mut(r.oparg as usize).take();
    r.push_slot(v);
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn load_fast_load_fast(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let (a, b) = ((r.oparg >> 4) as usize, (r.oparg & 15) as usize);
    let v1 = r.local(a).clone();
    let v2 = r.local(b).clone();
    r.push_slot(v1);
    r.push_slot(v2);
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn load_fast_borrow_load_fast_borrow(st: &mut EvalState, r: &mut Regs) -> OpResult {
    load_fast_load_fast(st, r)
}

#[inline(always)]
pub fn store_fast(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop_slot();
    let old = r.set_local(r.oparg as usize, v);
    r.skip(0);
    drop(old);
    Ok(Control::Next)
}

#[inline(always)]
pub fn store_fast_load_fast(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let (a, b) = ((r.oparg >> 4) as usize, (r.oparg & 15) as usize);
    let v = r.pop_slot();
    let old = r.set_local(a, v);
    let v2 = r.local(b).clone();
    r.push_slot(v2);
    r.skip(0);
    drop(old);
    Ok(Control::Next)
}

#[inline(always)]
pub fn store_fast_store_fast(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let (a, b) = ((r.oparg >> 4) as usize, (r.oparg & 15) as usize);
    let v1 = r.pop_slot();
    let v2 = r.pop_slot();
    let old1 = r.set_local(a, v1);
    let old2 = r.set_local(b, v2);
    r.skip(0);
    drop(old1);
    drop(old2);
    Ok(Control::Next)
}

#[inline(always)]
pub fn delete_fast(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let i = r.oparg as usize;
    if r.local(i).is_none() {
        return Err(unbound_local(st, r, i).into());
    }
    let old = r.set_local(i, None);
    r.skip(0);
    drop(old);
    Ok(Control::Next)
}

#[inline(always)]
pub fn load_const(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.constant(r.oparg as usize).clone();
    r.push(v);
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn load_small_int(_: &mut EvalState, r: &mut Regs) -> OpResult {
    r.push(int::new_int(r.oparg as i64));
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn pop_top(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop_slot();
    r.skip(0);
    drop(v);
    Ok(Control::Next)
}

#[inline(always)]
pub fn push_null(_: &mut EvalState, r: &mut Regs) -> OpResult {
    r.push_slot(None);
    r.skip(0);
    Ok(Control::Next)
}

/// END_FOR pops the value FOR_ITER pushed (reached only by jumps; the
/// normal loop exit skips it).
#[inline(always)]
pub fn end_for(st: &mut EvalState, r: &mut Regs) -> OpResult {
    pop_top(st, r)
}

#[inline(always)]
pub fn pop_iter(st: &mut EvalState, r: &mut Regs) -> OpResult {
    pop_top(st, r)
}

#[inline(always)]
pub fn copy(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.peek_slot(r.oparg as usize).clone();
    r.push_slot(v);
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn swap(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let n = r.oparg as usize;
    let top = r.peek_slot_mut(1).take();
    let bottom = std::mem::replace(r.peek_slot_mut(n), top);
    *r.peek_slot_mut(1) = bottom;
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn make_cell(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let i = r.oparg as usize;
    let v = r.local_mut(i).take();
    *r.local_mut(i) = Some(new_cell(v));
    r.skip(0);
    Ok(Control::Next)
}

/// Copies the function's closure cells into the free-variable slots.
#[inline(always)]
pub fn copy_free_vars(_: &mut EvalState, r: &mut Regs) -> OpResult {
    let n = r.oparg as usize;
    let closure = r
        .frame()
        .func
        .as_ref()
        .and_then(|f| f.downcast::<crate::objects::function::FunctionObject>())
        .and_then(|f| f.closure.get());
    let cells: Vec<Obj> = closure
        .as_ref()
        .and_then(tuple_items)
        .map(|c| c.to_vec())
        .unwrap_or_default();
    let offset = r.code().nlocalsplus as usize - n;
    for (i, c) in cells.into_iter().take(n).enumerate() {
        *r.local_mut(offset + i) = Some(c);
    }
    r.skip(0);
    Ok(Control::Next)
}

/// The cell in local `i` (a NULL or non-cell there means broken bytecode).
fn cell_at(r: &Regs, i: usize) -> Option<&crate::objects::cell::CellObject> {
    r.local(i).as_ref().and_then(cell_obj)
}

#[inline(always)]
pub fn load_deref(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let i = r.oparg as usize;
    match cell_at(r, i).and_then(|c| c.contents.get()) {
        Some(v) => {
            r.push(v);
            r.skip(0);
            Ok(Control::Next)
        }
        None => Err(unbound_deref(st, r, i).into()),
    }
}

#[inline(always)]
pub fn store_deref(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let v = r.pop();
    match cell_at(r, r.oparg as usize) {
        Some(c) => c.contents.set(Some(v)),
        None => {
            return Err(st
                .vm
                .system_error("STORE_DEREF: no cell in the slot")
                .into());
        }
    }
    r.skip(0);
    Ok(Control::Next)
}

#[inline(always)]
pub fn delete_deref(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let i = r.oparg as usize;
    let old = cell_at(r, i).and_then(|c| c.contents.take());
    if old.is_none() {
        return Err(unbound_deref(st, r, i).into());
    }
    r.skip(0);
    drop(old);
    Ok(Control::Next)
}

/// LOAD_FROM_DICT_OR_DEREF: a name in the class namespace, else the cell.
#[inline(always)]
pub fn load_from_dict_or_deref(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let mapping = r.pop();
    let i = r.oparg as usize;
    let name = r
        .code()
        .localsplusnames()
        .get(i)
        .cloned()
        .unwrap_or_else(Obj::none);
    let found = super::names::mapping_lookup(st, &mapping, &name)?;
    let v = match found {
        Some(v) => v,
        None => match cell_at(r, i).and_then(|c| c.contents.get()) {
            Some(v) => v,
            None => return Err(unbound_deref(st, r, i).into()),
        },
    };
    r.push(v);
    r.skip(0);
    Ok(Control::Next)
}

/// LOAD_COMMON_CONSTANT: AssertionError, NotImplementedError, or the
/// builtins tuple/all/any, without a `co_consts` entry.
#[inline(always)]
pub fn load_common_constant(st: &mut EvalState, r: &mut Regs) -> OpResult {
    use crate::objects::typeobject::type_as_obj;
    use crate::opcode::CommonConstant;
    let v = match CommonConstant::from_oparg(r.oparg) {
        Some(CommonConstant::AssertionError) => {
            type_as_obj(&crate::objects::exceptions::ASSERTION_ERROR)
        }
        Some(CommonConstant::NotImplementedError) => {
            type_as_obj(&crate::objects::exceptions::NOT_IMPLEMENTED_ERROR)
        }
        Some(c) => {
            let key = st.vm.intern(c.builtin_name());
            match crate::objects::dict::dict_obj(&st.vm.builtins_dict).get_str(&key) {
                Some(v) => v,
                None => {
                    return Err(st
                        .vm
                        .system_error("LOAD_COMMON_CONSTANT: builtin missing")
                        .into());
                }
            }
        }
        None => return Err(st.vm.system_error("LOAD_COMMON_CONSTANT: bad oparg").into()),
    };
    r.push(v);
    r.skip(0);
    Ok(Control::Next)
}
