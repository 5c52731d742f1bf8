//! A per-instruction trace on stderr (feature `trace`, like CPython's
//! LLTRACE): code name, offset, instruction, argument and stack depth.
//! Printed only when `PYRS_TRACE` is set, so one build serves both uses.

use crate::opcode;
use crate::vm::EvalState;
use crate::vm::regs::Regs;

/// Whether `PYRS_TRACE` asks for the trace (read once per process).
fn enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("PYRS_TRACE").is_some())
}

#[inline(never)]
pub fn instruction(_st: &mut EvalState, r: &Regs, op: u8) {
    if !enabled() {
        return;
    }
    let f = r.frame();
    let offset = f.offset_of(r.ip) * 2;
    eprintln!(
        "{}:{:>5}: {:<30} {:>6} [stack {}]",
        f.code().qualname_str(),
        offset,
        opcode::name(op as u16),
        r.oparg,
        r.stack_level()
    );
}
