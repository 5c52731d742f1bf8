//! One handler per opcode, each mirroring the instruction of the same name
//! in CPython 3.14's `Python/bytecodes.c`.
//!
//! A handler is `fn(&mut EvalState, &mut Regs) -> OpResult`, marked
//! `#[inline(always)]` so that every backend inlines the same body. On
//! entry `regs.ip` points at the instruction and `regs.oparg` holds its
//! argument; on success the handler leaves `ip` at the next instruction to
//! run and returns `Control::Next`. On error it returns `Err` with the stack
//! consistent (inputs already popped and dropped).

mod attrs;
mod build;
mod calls;
mod classes;
mod control;
mod exceptions;
mod generators;
mod locals;
mod matching;
mod names;
mod ops;
mod unsupported;
mod with_stmt;

pub use attrs::*;
pub use build::*;
pub use calls::*;
pub use classes::*;
pub use control::*;
pub use exceptions::*;
pub use generators::*;
pub use locals::*;
pub use matching::*;
pub use names::*;
pub use ops::*;
pub use unsupported::*;
pub use with_stmt::*;

/// Inline cache entries after each instruction that has them (the
/// `INLINE_CACHE_ENTRIES_*` of `pycore_code.h`); checked against the opcode
/// table by a test.
pub mod caches {
    pub const BINARY_OP: usize = 5;
    pub const CALL: usize = 3;
    pub const CALL_KW: usize = 3;
    pub const COMPARE_OP: usize = 1;
    pub const CONTAINS_OP: usize = 1;
    pub const FOR_ITER: usize = 1;
    pub const JUMP_BACKWARD: usize = 1;
    pub const LOAD_ATTR: usize = 9;
    pub const LOAD_GLOBAL: usize = 4;
    pub const LOAD_SUPER_ATTR: usize = 1;
    pub const POP_JUMP_IF: usize = 1;
    pub const SEND: usize = 1;
    pub const STORE_ATTR: usize = 4;
    pub const STORE_SUBSCR: usize = 1;
    pub const TO_BOOL: usize = 3;
    pub const UNPACK_SEQUENCE: usize = 1;
}

#[cfg(test)]
mod tests {
    use super::caches;
    use crate::opcode::{cache_entries, op};

    #[test]
    fn cache_sizes_match_the_opcode_table() {
        let pairs = [
            (op::BINARY_OP, caches::BINARY_OP),
            (op::CALL, caches::CALL),
            (op::CALL_KW, caches::CALL_KW),
            (op::COMPARE_OP, caches::COMPARE_OP),
            (op::CONTAINS_OP, caches::CONTAINS_OP),
            (op::FOR_ITER, caches::FOR_ITER),
            (op::JUMP_BACKWARD, caches::JUMP_BACKWARD),
            (op::LOAD_ATTR, caches::LOAD_ATTR),
            (op::LOAD_GLOBAL, caches::LOAD_GLOBAL),
            (op::LOAD_SUPER_ATTR, caches::LOAD_SUPER_ATTR),
            (op::POP_JUMP_IF_FALSE, caches::POP_JUMP_IF),
            (op::POP_JUMP_IF_TRUE, caches::POP_JUMP_IF),
            (op::POP_JUMP_IF_NONE, caches::POP_JUMP_IF),
            (op::POP_JUMP_IF_NOT_NONE, caches::POP_JUMP_IF),
            (op::SEND, caches::SEND),
            (op::STORE_ATTR, caches::STORE_ATTR),
            (op::STORE_SUBSCR, caches::STORE_SUBSCR),
            (op::TO_BOOL, caches::TO_BOOL),
            (op::UNPACK_SEQUENCE, caches::UNPACK_SEQUENCE),
        ];
        for (o, n) in pairs {
            assert_eq!(cache_entries(o), n, "cache size of opcode {o}");
        }
    }
}
