//! Opcodes that are not executed yet, and slots that never should be.
//!
//! Generators and coroutines and the rest of the import system come with
//! the language issue; until then their
//! opcodes raise a SystemError naming the opcode and what is missing.

use crate::vm::regs::Regs;
use crate::vm::{EvalState, OpResult};

#[cold]
fn not_yet(st: &mut EvalState, name: &str, feature: &str) -> OpResult {
    Err(st
        .vm
        .system_error(format!(
            "pyrs: opcode {name} is not implemented yet ({feature} come with the language issue)"
        ))
        .into())
}

macro_rules! not_yet {
    ($($fn_name:ident => $name:literal, $feature:literal;)*) => {
        $(
            #[inline(always)]
            pub fn $fn_name(st: &mut EvalState, _: &mut Regs) -> OpResult {
                not_yet(st, $name, $feature)
            }
        )*
    };
}

not_yet! {
    return_generator => "RETURN_GENERATOR", "generators";
    yield_value => "YIELD_VALUE", "generators";
    send => "SEND", "generators";
    end_send => "END_SEND", "generators";
    get_yield_from_iter => "GET_YIELD_FROM_ITER", "generators";
    cleanup_throw => "CLEANUP_THROW", "generators";
    get_awaitable => "GET_AWAITABLE", "coroutines";
    get_aiter => "GET_AITER", "coroutines";
    get_anext => "GET_ANEXT", "coroutines";
    end_async_for => "END_ASYNC_FOR", "coroutines";
}

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
