//! Per-opcode facts: names, inline-cache sizes, flags, the specialisation
//! and instrumentation families, and the `dis`-level predicates.
//!
//! Everything here is read off the rows of `table.rs`; nothing is listed a
//! second time. Lookups take any `u16` and answer for numbers CPython does
//! not assign (false, `None`, a placeholder name) rather than panic: the
//! disassembler and marshal feed them untrusted bytes.

use super::flags::{HAS_ARG, HAS_CONST, HAS_FREE, HAS_JUMP, HAS_LOCAL, HAS_NAME};
use super::{MIN_INSTRUMENTED_OPCODE, op, pseudo};

/// What CPython 3.14 records about one byte value of the instruction set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpcodeInfo {
    /// CPython's name (`BINARY_OP_ADD_INT`), or `UNUSED_<n>` for a number
    /// CPython does not assign.
    pub name: &'static str,
    /// Inline cache code units that follow the instruction. A specialised or
    /// instrumented form has its base opcode's count: the code stream holds
    /// the base's caches whatever form currently sits in the slot.
    /// (`_PyOpcode_Caches` itself lists base opcodes only, so CPython always
    /// indexes it with a deoptimised opcode.)
    pub cache_entries: u8,
    /// The `HAS_*` bits of [`super::flags`].
    pub flags: u32,
    /// `_PyOpcode_Deopt`: the base opcode of a specialised form, else the
    /// opcode itself.
    pub deopt: u8,
    /// The base opcode of an `INSTRUMENTED_X`, else the opcode itself.
    pub deinstrument: u8,
}

/// A pseudo opcode (256..=266): an instruction of the compiler's flow graph
/// that the assembler replaces by one of its targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PseudoInfo {
    /// The pseudo opcode's number.
    pub number: u16,
    /// CPython's name (`SETUP_FINALLY`).
    pub name: &'static str,
    /// The `HAS_*` bits of [`super::flags`].
    pub flags: u32,
    /// `_PyOpcode_PseudoTargets`: the real opcodes it may become.
    pub targets: &'static [u8],
    /// Whether `targets` is one sequence that replaces it (JUMP_IF_FALSE
    /// becomes COPY, TO_BOOL, POP_JUMP_IF_FALSE) rather than alternatives.
    pub targets_are_sequence: bool,
}

/// One entry per byte value, 0..=255.
pub static OPCODES: [OpcodeInfo; 256] = crate::__opcode_table!(@infos);

/// The pseudo opcodes, 256..=266 in order.
pub static PSEUDO_OPCODES: [PseudoInfo; 11] = crate::__pseudo_opcode_table!(@infos);

/// Whether CPython 3.14 assigns each byte value.
static VALID: [bool; 256] = crate::__opcode_table!(@valid);

/// The first pseudo opcode.
pub const MIN_PSEUDO_OPCODE: u16 = 256;
/// The last pseudo opcode.
pub const MAX_PSEUDO_OPCODE: u16 = MIN_PSEUDO_OPCODE + PSEUDO_OPCODES.len() as u16 - 1;

/// The entry of a real opcode, `None` above 255.
#[inline]
pub fn info(op: u16) -> Option<&'static OpcodeInfo> {
    OPCODES.get(usize::from(op))
}

/// The entry of a pseudo opcode, `None` outside 256..=266.
#[inline]
pub fn pseudo_info(op: u16) -> Option<&'static PseudoInfo> {
    PSEUDO_OPCODES.get(usize::from(op.checked_sub(MIN_PSEUDO_OPCODE)?))
}

/// The name of any opcode number, pseudo opcodes included: `UNUSED_<n>` for
/// an unassigned byte value, `"<invalid>"` above 266.
pub fn name(op: u16) -> &'static str {
    match (info(op), pseudo_info(op)) {
        (Some(info), _) => info.name,
        (None, Some(info)) => info.name,
        (None, None) => "<invalid>",
    }
}

/// The number of a name, pseudo opcodes and specialised forms included
/// (`dis._all_opmap` plus the pseudo opcodes). Unassigned slots have none.
pub fn from_name(name: &str) -> Option<u16> {
    let real =
        (0..=u8::MAX).find(|&op| VALID[usize::from(op)] && OPCODES[usize::from(op)].name == name);
    match real {
        Some(op) => Some(u16::from(op)),
        None => PSEUDO_OPCODES
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.number),
    }
}

/// `_opcode.is_valid`: CPython 3.14 assigns `op` (a real opcode, specialised
/// and instrumented forms included, or a pseudo opcode).
#[inline]
pub fn is_valid(op: u16) -> bool {
    match VALID.get(usize::from(op)) {
        Some(&valid) => valid,
        None => pseudo_info(op).is_some(),
    }
}

/// Whether `op` is one of the pseudo opcodes (`IS_PSEUDO_INSTR`).
#[inline]
pub fn is_pseudo(op: u16) -> bool {
    (MIN_PSEUDO_OPCODE..=MAX_PSEUDO_OPCODE).contains(&op)
}

/// The `HAS_*` flags of any opcode number; 0 for an invalid one.
#[inline]
pub fn flags_of(op: u16) -> u32 {
    match (info(op), pseudo_info(op)) {
        (Some(info), _) => info.flags,
        (None, Some(info)) => info.flags,
        (None, None) => 0,
    }
}

/// `_opcode.has_arg` (`dis.hasarg`): the instruction uses its oparg.
#[inline]
pub fn has_arg(op: u16) -> bool {
    flags_of(op) & HAS_ARG != 0
}

/// `_opcode.has_const` (`dis.hasconst`): the oparg indexes `co_consts`.
#[inline]
pub fn has_const(op: u16) -> bool {
    flags_of(op) & HAS_CONST != 0
}

/// `_opcode.has_name` (`dis.hasname`): the oparg indexes `co_names`.
#[inline]
pub fn has_name(op: u16) -> bool {
    flags_of(op) & HAS_NAME != 0
}

/// `_opcode.has_jump` (`dis.hasjump`): the oparg is a relative jump.
#[inline]
pub fn has_jump(op: u16) -> bool {
    flags_of(op) & HAS_JUMP != 0
}

/// `_opcode.has_free` (`dis.hasfree`): the oparg names a cell or free
/// variable.
#[inline]
pub fn has_free(op: u16) -> bool {
    flags_of(op) & HAS_FREE != 0
}

/// `_opcode.has_local` (`dis.haslocal`): the oparg names a local.
#[inline]
pub fn has_local(op: u16) -> bool {
    flags_of(op) & HAS_LOCAL != 0
}

/// `_opcode.has_exc` (`dis.hasexc`): the instruction pushes an exception
/// handler (`SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`).
#[inline]
pub fn has_exc(op: u16) -> bool {
    is_block_push(op)
}

/// The inline cache code units that follow a real instruction (its base's
/// count for a specialised or instrumented form).
#[inline]
pub fn cache_entries(op: u8) -> usize {
    usize::from(OPCODES[usize::from(op)].cache_entries)
}

/// `_PyOpcode_Deopt`: the base of a specialised form, else `op`.
#[inline]
pub fn deopt(op: u8) -> u8 {
    OPCODES[usize::from(op)].deopt
}

/// The base of an instrumented form, else `op`.
#[inline]
pub fn deinstrument(op: u8) -> u8 {
    OPCODES[usize::from(op)].deinstrument
}

/// The opcode the compiler emitted for whatever now sits in a slot: both
/// specialisation and instrumentation undone.
#[inline]
pub fn base_opcode(op: u8) -> u8 {
    deopt(deinstrument(op))
}

/// Whether `op` is a specialised form (its deopt is another opcode).
#[inline]
pub fn is_specialized(op: u8) -> bool {
    deopt(op) != op
}

/// Whether `op` lies in the instrumented block (`INSTRUMENTED_*`;
/// `ENTER_EXECUTOR` at 255 is not instrumentation).
#[inline]
pub fn is_instrumented(op: u8) -> bool {
    (MIN_INSTRUMENTED_OPCODE..op::ENTER_EXECUTOR).contains(&op)
}

/// `IS_BLOCK_PUSH_OPCODE`: a pseudo instruction that pushes a handler.
#[inline]
pub fn is_block_push(op: u16) -> bool {
    matches!(
        op,
        pseudo::SETUP_FINALLY | pseudo::SETUP_WITH | pseudo::SETUP_CLEANUP
    )
}

/// `HAS_TARGET`: the oparg names a block (a jump or a handler).
#[inline]
pub fn has_target(op: u16) -> bool {
    has_jump(op) || is_block_push(op)
}

/// `IS_SCOPE_EXIT_OPCODE`: control leaves the code object.
#[inline]
pub fn is_scope_exit(op: u16) -> bool {
    is_return(op) || is_raise(op)
}

/// `IS_RETURN_OPCODE`.
#[inline]
pub fn is_return(op: u16) -> bool {
    op == u16::from(op::RETURN_VALUE)
}

/// `IS_RAISE_OPCODE`.
#[inline]
pub fn is_raise(op: u16) -> bool {
    op == u16::from(op::RAISE_VARARGS) || op == u16::from(op::RERAISE)
}

/// `IS_TERMINATOR_OPCODE`: must end its basic block.
#[inline]
pub fn is_terminator(op: u16) -> bool {
    has_jump(op) || is_scope_exit(op)
}

/// `IS_ASSEMBLER_OPCODE`: emitted only by the assembler, never by codegen.
#[inline]
pub fn is_assembler_opcode(op: u16) -> bool {
    [
        op::JUMP_FORWARD,
        op::JUMP_BACKWARD,
        op::JUMP_BACKWARD_NO_INTERRUPT,
    ]
    .map(u16::from)
    .contains(&op)
}

/// `IS_BACKWARDS_JUMP_OPCODE`.
#[inline]
pub fn is_backwards_jump(op: u16) -> bool {
    op == u16::from(op::JUMP_BACKWARD) || op == u16::from(op::JUMP_BACKWARD_NO_INTERRUPT)
}

/// `IS_UNCONDITIONAL_JUMP_OPCODE`.
#[inline]
pub fn is_unconditional_jump(op: u16) -> bool {
    matches!(op, pseudo::JUMP | pseudo::JUMP_NO_INTERRUPT) || is_assembler_opcode(op)
}

/// `IS_CONDITIONAL_JUMP_OPCODE`.
#[inline]
pub fn is_conditional_jump(op: u16) -> bool {
    [
        op::POP_JUMP_IF_FALSE,
        op::POP_JUMP_IF_TRUE,
        op::POP_JUMP_IF_NONE,
        op::POP_JUMP_IF_NOT_NONE,
    ]
    .map(u16::from)
    .contains(&op)
}

/// `is_pseudo_target`: whether the assembler may turn `pseudo` into `target`.
pub fn is_pseudo_target(pseudo: u16, target: u8) -> bool {
    pseudo_info(pseudo).is_some_and(|p| p.targets.contains(&target))
}

/// The code-unit index a jump lands on, as `dis` computes it: relative to
/// the end of the instruction's inline caches, backwards for
/// `JUMP_BACKWARD`, `JUMP_BACKWARD_NO_INTERRUPT` and `END_ASYNC_FOR` (whose
/// oparg points back at its `SEND`). `index` is the instruction's own code
/// unit (not byte) index. `None` if the base opcode does not jump or the
/// target falls outside `usize`.
///
/// Specialised and instrumented forms are first taken back to their base,
/// so `INSTRUMENTED_END_ASYNC_FOR` jumps backwards like `END_ASYNC_FOR`
/// (`dis` itself only deoptimises, which it can afford because it reads
/// de-instrumented code).
pub fn jump_target(op: u8, index: usize, oparg: u32) -> Option<usize> {
    let base = base_opcode(op);
    if !has_jump(u16::from(base)) {
        return None;
    }
    let after_caches = index.checked_add(1 + cache_entries(base))?;
    let distance = usize::try_from(oparg).ok()?;
    if matches!(
        base,
        op::JUMP_BACKWARD | op::JUMP_BACKWARD_NO_INTERRUPT | op::END_ASYNC_FOR
    ) {
        after_caches.checked_sub(distance)
    } else {
        after_caches.checked_add(distance)
    }
}
