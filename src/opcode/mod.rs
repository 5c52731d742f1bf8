//! The CPython 3.14 instruction set as data.
//!
//! The eval loop's dispatch tables, the compiler, the assembler's stack-depth
//! pass, the disassembler and marshal all need the same facts about each
//! opcode: its number and name, how many inline cache units follow it, its
//! flags, its stack effect, which base opcode a specialised or instrumented
//! form stands for. They are written once, in `table.rs`, generated from
//! CPython 3.14's own headers by `tools/opcode/gen_opcode_table.py`; this
//! module expands that table into:
//!
//! - [`op`] and [`pseudo`]: a constant per opcode (`op::LOAD_FAST`);
//! - [`OPCODES`] / [`PSEUDO_OPCODES`]: names, cache sizes, flags, families;
//! - [`for_each_opcode!`](crate::for_each_opcode) and
//!   [`for_each_pseudo_opcode!`](crate::for_each_pseudo_opcode): the rows
//!   for code that builds its own tables (the VM's handler table);
//! - [`num_popped`], [`num_pushed`], [`stack_effect`]: stack effects;
//! - the oparg tables ([`BinaryOp`], [`Intrinsic1`], [`CompareOp`], ...)
//!   and the `dis` argument helpers;
//! - [`MAGIC_NUMBER`] and [`PYC_MAGIC`].
//!
//! It knows nothing about objects or frames, and it never panics on a bad
//! byte: lookups that can miss return `Option` or `Result`.
//!
//! `tests/opcode_golden.rs` checks every number, name, flag and stack effect
//! here against python3.14 itself.

mod expand;
mod info;
mod oparg;
mod stack;
mod table;

pub use info::{
    MAX_PSEUDO_OPCODE, MIN_PSEUDO_OPCODE, OPCODES, OpcodeInfo, PSEUDO_OPCODES, PseudoInfo,
    base_opcode, cache_entries, deinstrument, deopt, flags_of, from_name, has_arg, has_const,
    has_exc, has_free, has_jump, has_local, has_name, has_target, info, is_assembler_opcode,
    is_backwards_jump, is_block_push, is_conditional_jump, is_instrumented, is_pseudo,
    is_pseudo_target, is_raise, is_return, is_scope_exit, is_specialized, is_terminator,
    is_unconditional_jump, is_valid, jump_target, name, pseudo_info,
};
pub use oparg::{
    BinaryOp, COMPARE_OP_TO_BOOL, CommonConstant, CompareOp, Conversion, FunctionAttribute,
    Intrinsic1, Intrinsic2, OpargOutOfRange, ResumeLocation, SpecialMethod, simple_argrepr,
    split_fast_pair, split_load_attr, split_load_global, split_load_super_attr,
};
pub use stack::{StackEffectError, net_effect, num_popped, num_pushed, stack_effect};
pub use table::*;

/// The number of every opcode CPython 3.14 assigns, 0..=255: base opcodes,
/// specialised forms (whose docs name their base) and instrumented forms.
pub mod op {
    crate::__opcode_table!(@consts);
}

/// The pseudo opcodes, 256..=266: the compiler's flow graph uses them and
/// the assembler replaces them (see [`PseudoInfo::targets`]).
pub mod pseudo {
    crate::__pseudo_opcode_table!(@consts);
}

/// The four bytes that open a CPython 3.14 `.pyc` file:
/// [`MAGIC_NUMBER`] little-endian, then `\r\n`.
pub const PYC_MAGIC: [u8; 4] = {
    let [lo, hi] = MAGIC_NUMBER.to_le_bytes();
    [lo, hi, b'\r', b'\n']
};

#[cfg(test)]
mod tests;
