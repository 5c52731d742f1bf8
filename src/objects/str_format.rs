//! `str.format` (CPython's `Objects/stringlib/unicode_format.h`).

use crate::objects::{Obj, PyResult, Vm};

/// `template.format(*args, **kwargs)`.
pub fn str_format(
    vm: &mut Vm,
    template: &Obj,
    args: &[Obj],
    kwnames: Option<&Obj>,
) -> PyResult<Obj> {
    let _ = (template, args, kwnames);
    Err(vm.not_implemented_error("pyrs: str.format is being implemented"))
}
