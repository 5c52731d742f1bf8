//! The class statement's opcodes: LOAD_BUILD_CLASS and LOAD_SUPER_ATTR.

use super::caches;
use crate::objects::dict::dict_obj;
use crate::objects::exceptions::NAME_ERROR;
use crate::vm::regs::Regs;
use crate::vm::{Control, EvalState, OpResult};

/// LOAD_BUILD_CLASS: `( -- bc)`, `builtins.__build_class__`.
#[inline(always)]
pub fn load_build_class(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let key = st.vm.ids.__build_class__.clone();
    let builtins = r.frame().builtins.clone();
    let bc = if crate::objects::dict::is_dict(&builtins) {
        dict_obj(&builtins).get(st.vm, &key)?
    } else {
        match st.vm.getitem(&builtins, &key) {
            Ok(v) => Some(v),
            Err(e)
                if e.value()
                    .class()
                    .is_subtype(&crate::objects::exceptions::KEY_ERROR) =>
            {
                None
            }
            Err(e) => return Err(e.into()),
        }
    };
    let Some(bc) = bc else {
        return Err(st
            .vm
            .new_exception_msg(&NAME_ERROR, "__build_class__ not found")
            .into());
    };
    r.push(bc);
    r.skip(0);
    Ok(Control::Next)
}

/// LOAD_SUPER_ATTR: `(global_super, class, self -- attr, null if oparg & 1)`:
/// `super(class, self).name` (or `super().name` when bit 1 is clear: the
/// call reads the frame), pushing NULL after it for a method call.
#[inline(always)]
pub fn load_super_attr(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let name = r.name((r.oparg >> 2) as usize).clone();
    let self_ = r.pop();
    let class = r.pop();
    let global_super = r.pop();
    let args = if r.oparg & 2 != 0 {
        vec![class, self_]
    } else {
        Vec::new()
    };
    let sup = st.vm.call(&global_super, &args, None)?;
    drop(args);
    drop(global_super);
    let attr = st.vm.getattr(&sup, &name)?;
    r.push(attr);
    if r.oparg & 1 != 0 {
        r.push_slot(None);
    }
    r.skip(caches::LOAD_SUPER_ATTR);
    Ok(Control::Next)
}
