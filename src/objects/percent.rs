//! printf-style formatting: `str % args` and `bytes % args`
//! (CPython's `PyUnicode_Format` and `_PyBytes_FormatEx`).

use crate::objects::{Obj, PyResult, Vm};

/// `fmt % args` for str.
pub fn format_str_percent(vm: &mut Vm, fmt: &Obj, args: &Obj) -> PyResult<Obj> {
    let _ = (fmt, args);
    Err(vm.not_implemented_error("pyrs: str % args is being implemented"))
}

/// `fmt % args` for bytes.
pub fn format_bytes_percent(vm: &mut Vm, fmt: &Obj, args: &Obj) -> PyResult<Obj> {
    let _ = (fmt, args);
    Err(vm.not_implemented_error("pyrs: bytes % args is being implemented"))
}
