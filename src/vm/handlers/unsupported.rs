//! Slots that valid code never executes: CACHE, RESERVED, the
//! instrumented and JIT-only opcodes, and numbers that are no opcode.

use crate::vm::regs::Regs;
use crate::vm::{EvalState, OpResult};

/// CACHE and RESERVED are never executed by valid code.
#[inline(always)]
pub fn cache(st: &mut EvalState, r: &mut Regs) -> OpResult {
    unknown_opcode(st, r)
}

#[inline(always)]
pub fn reserved(st: &mut EvalState, r: &mut Regs) -> OpResult {
    unknown_opcode(st, r)
}

/// Instrumentation and the JIT are not supported.
#[inline(always)]
pub fn instrumented_line(st: &mut EvalState, r: &mut Regs) -> OpResult {
    unknown_opcode(st, r)
}

#[inline(always)]
pub fn instrumented_instruction(st: &mut EvalState, r: &mut Regs) -> OpResult {
    unknown_opcode(st, r)
}

#[inline(always)]
pub fn enter_executor(st: &mut EvalState, r: &mut Regs) -> OpResult {
    unknown_opcode(st, r)
}

/// Any byte that is not an opcode (CPython's `_unknown_opcode`):
/// "file.py:3: unknown opcode 121".
#[cold]
pub fn unknown_opcode(st: &mut EvalState, r: &mut Regs) -> OpResult {
    let code = r.code();
    let line = code.addr2line(r.frame().offset_of(r.ip)).unwrap_or(-1);
    let msg = format!(
        "{}:{}: unknown opcode {}",
        code.filename_str(),
        line,
        r.this_unit().op
    );
    Err(st.vm.system_error(msg).into())
}
