//! Stack effects: how many values an instruction pops and pushes.
//!
//! The compiler's stack-depth pass, the VM's debug checks and
//! `dis.stack_effect` all need these numbers. They are CPython's
//! `_PyOpcode_num_popped` / `_PyOpcode_num_pushed`, whose cases are
//! expressions in the oparg that `table.rs` carries row by row.
//!
//! CPython evaluates those expressions on a C `int`. To give the same answer
//! for every `u32` a caller can pass (EXTENDED_ARG builds 32-bit opargs, and
//! `dis.stack_effect` truncates whatever integer it gets to an `int`), the
//! oparg is reinterpreted as an `i32`, the expression evaluated in `i64` and
//! the result truncated to `i32`: for the operators that occur (`+ - * &`
//! and `>>` of the oparg itself) that is exactly two's-complement `int`
//! arithmetic. A negative count means "no valid effect", as in CPython.

use std::fmt;

use super::MAX_REAL_OPCODE;
use super::info::{OPCODES, is_block_push};

crate::__opcode_table!(@stack_effects);
crate::__pseudo_opcode_table!(@stack_effects);

/// Why [`stack_effect`] has no answer. `dis.stack_effect` raises
/// `ValueError("invalid opcode or oparg")` in every case; `Display` says the
/// same, the variants say which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StackEffectError {
    /// The number is not an opcode CPython 3.14 assigns.
    UnknownOpcode(u16),
    /// A specialised form: its effect is its base opcode's, and CPython
    /// refuses to answer for it.
    Specialized(u16),
    /// The oparg makes a pop or push count negative.
    InvalidOparg {
        /// The opcode.
        op: u16,
        /// The oparg as passed.
        oparg: u32,
    },
}

impl fmt::Display for StackEffectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid opcode or oparg")
    }
}

impl std::error::Error for StackEffectError {}

/// `oparg` as C sees it after `(int)oparg`: the same bits, read signed.
#[inline]
fn c_int(oparg: u32) -> i32 {
    oparg as i32
}

/// `_PyOpcode_num_popped(op, oparg)` with C `int` results; `None` for an
/// opcode without a case.
fn popped_c(op: u16, oparg: i32) -> Option<i32> {
    let wide = match u8::try_from(op) {
        Ok(real) => real_popped(real, i64::from(oparg)),
        Err(_) => pseudo_popped(op, i64::from(oparg)),
    };
    wide.map(truncate)
}

/// `_PyOpcode_num_pushed(op, oparg)` with C `int` results.
fn pushed_c(op: u16, oparg: i32) -> Option<i32> {
    let wide = match u8::try_from(op) {
        Ok(real) => real_pushed(real, i64::from(oparg)),
        Err(_) => pseudo_pushed(op, i64::from(oparg)),
    };
    wide.map(truncate)
}

/// Keeps the low 32 bits, as C's `int` arithmetic wraps.
#[inline]
fn truncate(wide: i64) -> i32 {
    wide as i32
}

/// How many values `op` pops for `oparg` (`_PyOpcode_num_popped`), for any
/// real, specialised, instrumented or pseudo opcode. `None` for a number
/// CPython does not assign, or an oparg that makes the count negative (the
/// oparg is read as a C `int`; see the module docs).
pub fn num_popped(op: u16, oparg: u32) -> Option<u32> {
    popped_c(op, c_int(oparg)).and_then(|n| u32::try_from(n).ok())
}

/// How many values `op` pushes for `oparg` (`_PyOpcode_num_pushed`); as
/// [`num_popped`].
pub fn num_pushed(op: u16, oparg: u32) -> Option<u32> {
    pushed_c(op, c_int(oparg)).and_then(|n| u32::try_from(n).ok())
}

/// The net stack effect, exactly as python3.14's
/// `dis.stack_effect(op, oparg, jump=jump)` gives it (with `oparg` read as
/// a C `int`).
///
/// `jump` matters only for the handler-pushing pseudo opcodes
/// (`SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`): `Some(true)` is the
/// effect when the handler is entered, `Some(false)` when it is not (0),
/// `None` the larger of the two. Specialised forms are refused, as CPython
/// refuses them.
pub fn stack_effect(op: u16, oparg: u32, jump: Option<bool>) -> Result<i32, StackEffectError> {
    if let Ok(real) = u8::try_from(op)
        && real <= MAX_REAL_OPCODE
        && OPCODES[usize::from(real)].deopt != real
    {
        return Err(StackEffectError::Specialized(op));
    }
    let c_oparg = c_int(oparg);
    let (Some(popped), Some(pushed)) = (popped_c(op, c_oparg), pushed_c(op, c_oparg)) else {
        return Err(StackEffectError::UnknownOpcode(op));
    };
    if popped < 0 || pushed < 0 {
        return Err(StackEffectError::InvalidOparg { op, oparg });
    }
    if is_block_push(op) && jump == Some(false) {
        return Ok(0);
    }
    Ok(pushed.wrapping_sub(popped))
}

/// The stack effect of a real instruction as the VM executes it: pushed
/// minus popped, for base, specialised and instrumented forms alike.
/// `None` where [`num_popped`] or [`num_pushed`] is.
pub fn net_effect(op: u8, oparg: u32) -> Option<i64> {
    let popped = num_popped(u16::from(op), oparg)?;
    let pushed = num_pushed(u16::from(op), oparg)?;
    Some(i64::from(pushed) - i64::from(popped))
}

#[cfg(test)]
mod tests {
    use super::super::op;
    use super::*;

    #[test]
    fn effects_follow_the_c_expressions() {
        assert_eq!(num_popped(u16::from(op::CALL), 3), Some(5));
        assert_eq!(num_pushed(u16::from(op::UNPACK_EX), 0x0102), Some(4));
        assert_eq!(num_popped(u16::from(op::BUILD_MAP), 4), Some(8));
        assert_eq!(num_popped(u16::from(op::BINARY_OP_ADD_INT), 0), Some(2));
        assert_eq!(num_popped(121, 0), None);
        assert_eq!(num_popped(267, 0), None);
        assert_eq!(num_popped(u16::MAX, u32::MAX), None);
    }

    #[test]
    fn c_int_wraparound_is_reproduced() {
        // dis.stack_effect(BUILD_MAP, 2**31 + 1) == -1: oparg*2 wraps to 2.
        assert_eq!(
            stack_effect(u16::from(op::BUILD_MAP), (1 << 31) + 1, None),
            Ok(-1)
        );
        assert_eq!(stack_effect(u16::from(op::BUILD_MAP), 1 << 31, None), Ok(1));
        assert!(stack_effect(u16::from(op::CALL), i32::MAX as u32, None).is_err());
        assert_eq!(
            stack_effect(u16::from(op::UNPACK_EX), u32::MAX, None),
            Ok(254)
        );
    }

    #[test]
    fn block_pushes_depend_on_jump() {
        let setup = super::super::pseudo::SETUP_CLEANUP;
        assert_eq!(stack_effect(setup, 0, None), Ok(2));
        assert_eq!(stack_effect(setup, 0, Some(true)), Ok(2));
        assert_eq!(stack_effect(setup, 0, Some(false)), Ok(0));
    }

    #[test]
    fn specialised_and_unknown_are_refused() {
        let add_int = u16::from(op::BINARY_OP_ADD_INT);
        assert_eq!(
            stack_effect(add_int, 0, None),
            Err(StackEffectError::Specialized(add_int))
        );
        assert_eq!(
            stack_effect(121, 0, None),
            Err(StackEffectError::UnknownOpcode(121))
        );
        assert_eq!(
            stack_effect(267, 0, None),
            Err(StackEffectError::UnknownOpcode(267))
        );
        assert_eq!(net_effect(op::BINARY_OP_ADD_INT, 0), Some(-1));
    }
}
