//! Attribute access: LOAD_ATTR (plain and method forms), STORE_ATTR,
//! DELETE_ATTR.

use crate::vm::handlers::caches;
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// LOAD_ATTR: `(owner -- attr, self_or_null if oparg & 1)`. The method form
/// pushes an unbound method and `owner` when it can, avoiding a bound
/// method object (`_PyObject_GetMethod`).
#[inline(always)]
pub fn load_attr(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let name = r.name((r.oparg >> 1) as usize).clone();
    let owner = r.pop();
    if r.oparg & 1 != 0 {
        let (attr, unbound) = st.vm.get_method(&owner, &name)?;
        r.push(attr);
        if unbound {
            r.push(owner);
        } else {
            r.push_slot(None);
            drop(owner);
        }
    } else {
        let attr = st.vm.getattr(&owner, &name)?;
        r.push(attr);
        drop(owner);
    }
    r.skip(caches::LOAD_ATTR);
    Ok(Control::Next)
}

/// STORE_ATTR: `(v, owner --)`.
#[inline(always)]
pub fn store_attr(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let owner = r.pop();
    let v = r.pop();
    let name = r.name(r.oparg as usize).clone();
    st.vm.setattr(&owner, &name, v)?;
    r.skip(caches::STORE_ATTR);
    Ok(Control::Next)
}

/// DELETE_ATTR: `(owner --)`.
#[inline(always)]
pub fn delete_attr(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let owner = r.pop();
    let name = r.name(r.oparg as usize).clone();
    st.vm.delattr(&owner, &name)?;
    r.skip(0);
    Ok(Control::Next)
}
