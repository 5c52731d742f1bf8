//! The control flow graph the optimiser works on: basic blocks of
//! instructions linked in code order (`b_next`) with jumps naming their
//! target blocks (the data structures and block helpers at the top of
//! `Python/flowgraph.c`), and its construction from an instruction
//! sequence (`_PyCfg_FromInstructionSequence`).
//!
//! Blocks live in one arena (`Cfg::blocks`) and name each other by index,
//! which stands in for CPython's block pointers; the order the code will
//! have is the `next` chain from `entry`, not the arena order.

use super::ops::*;
use crate::compile::instr_sequence::InstrSequence;
use crate::compile::location::Location;
use crate::opcode;

/// A block's index in [`Cfg::blocks`].
pub(crate) type BlockId = usize;

/// One instruction of the graph (`cfg_instr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CfgInstr {
    /// Real or pseudo opcode.
    pub opcode: u16,
    pub oparg: i32,
    pub loc: Location,
    /// The block a jump or SETUP_* goes to (`i_target`).
    pub target: Option<BlockId>,
    /// The handler active when this instruction raises (`i_except`).
    pub except: Option<BlockId>,
}

impl CfgInstr {
    pub fn new(opcode: u16, oparg: i32, loc: Location) -> Self {
        CfgInstr {
            opcode,
            oparg,
            loc,
            target: None,
            except: None,
        }
    }

    /// `INSTR_SET_OP0`: an opcode without argument.
    pub fn set_op0(&mut self, opcode: u16) {
        self.opcode = opcode;
        self.oparg = 0;
    }

    /// `INSTR_SET_OP1`: an opcode with its argument.
    pub fn set_op1(&mut self, opcode: u16, oparg: i32) {
        self.opcode = opcode;
        self.oparg = oparg;
    }

    pub fn is_jump(&self) -> bool {
        opcode::has_jump(self.opcode)
    }

    pub fn is_block_push(&self) -> bool {
        opcode::is_block_push(self.opcode)
    }
}

/// A basic block (`basicblock`).
///
/// `instrs` are the live instructions (`b_instr[0..b_iused]`). CPython
/// keeps the array's tail when a block shrinks, and `basicblock_addop`
/// does not set `i_except`, so an instruction appended where a removed
/// one used to be inherits that one's handler. The exception tables
/// CPython writes depend on this (a `NOT_TAKEN` appended after a
/// conditional jump usually inherits the jump's handler), so the tail is
/// kept here too, in `stale`: the slots after the live ones, in order.
/// Instructions are appended and inserted only through the methods below,
/// which keep it up to date.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// The label naming this block as a jump target, -1 for none.
    pub label: i32,
    pub instrs: Vec<CfgInstr>,
    /// The old contents of the slots after `instrs`.
    stale: Vec<CfgInstr>,
    /// The block that follows in code order (`b_next`).
    pub next: Option<BlockId>,
    /// The handler stack on entry, while exception targets are labelled.
    pub exceptstack: Option<Vec<BlockId>>,
    /// Locals that may be unbound on entry (bit i: local i), for
    /// `add_checks_for_loads_of_uninitialized_variables`.
    pub unsafe_locals_mask: u64,
    pub predecessors: i32,
    /// Stack depth on entry; `i32::MIN` or negative while unknown.
    pub startdepth: i32,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub except_handler: bool,
    pub cold: bool,
    pub warm: bool,
}

impl Block {
    fn new() -> Self {
        Block {
            label: -1,
            instrs: Vec::new(),
            stale: Vec::new(),
            next: None,
            exceptstack: None,
            unsafe_locals_mask: 0,
            predecessors: 0,
            startdepth: 0,
            preserve_lasti: false,
            visited: false,
            except_handler: false,
            cold: false,
            warm: false,
        }
    }

    /// Uses up the first slot after the live instructions, returning what
    /// it held.
    fn take_slot(&mut self) -> Option<CfgInstr> {
        (!self.stale.is_empty()).then(|| self.stale.remove(0))
    }

    /// `basicblock_addop`: appends an instruction; its handler is whatever
    /// the slot held (none for a slot never used).
    pub fn addop(&mut self, opcode: u16, oparg: i32, loc: Location, target: Option<BlockId>) {
        let except = self.take_slot().and_then(|old| old.except);
        let mut instr = CfgInstr::new(opcode, oparg, loc);
        instr.target = target;
        instr.except = except;
        self.instrs.push(instr);
    }

    /// Appends a whole instruction (`b_instr[n] = *instr`).
    pub fn push_copy(&mut self, instr: CfgInstr) {
        self.take_slot();
        self.instrs.push(instr);
    }

    /// `basicblock_insert_instruction`.
    pub fn insert(&mut self, pos: usize, instr: CfgInstr) {
        self.take_slot();
        let pos = pos.min(self.instrs.len());
        self.instrs.insert(pos, instr);
    }

    /// Empties the block (`b_iused = 0`), keeping the slots' contents.
    pub fn clear_instrs(&mut self) {
        let mut old = std::mem::take(&mut self.instrs);
        old.append(&mut self.stale);
        self.stale = old;
    }

    /// Keeps the first `len` instructions (`b_iused = len`); the array's
    /// contents are kept as they are.
    pub fn truncate_instrs(&mut self, len: usize) {
        if len < self.instrs.len() {
            let mut tail = self.instrs.split_off(len);
            tail.append(&mut self.stale);
            self.stale = tail;
        }
    }

    /// `basicblock_last_instr`.
    pub fn last(&self) -> Option<&CfgInstr> {
        self.instrs.last()
    }

    /// `basicblock_nofallthrough`: ends in a scope exit or an
    /// unconditional jump.
    pub fn no_fallthrough(&self) -> bool {
        self.last().is_some_and(|l| {
            opcode::is_scope_exit(l.opcode) || opcode::is_unconditional_jump(l.opcode)
        })
    }

    /// `BB_HAS_FALLTHROUGH`.
    pub fn has_fallthrough(&self) -> bool {
        !self.no_fallthrough()
    }

    /// `basicblock_exits_scope`.
    pub fn exits_scope(&self) -> bool {
        self.last().is_some_and(|l| opcode::is_scope_exit(l.opcode))
    }

    /// `basicblock_has_eval_break`.
    pub fn has_eval_break(&self) -> bool {
        self.instrs
            .iter()
            .any(|i| opcode::flags_of(i.opcode) & opcode::flags::HAS_EVAL_BREAK != 0)
    }

    /// `basicblock_has_no_lineno`.
    pub fn has_no_lineno(&self) -> bool {
        self.instrs.iter().all(|i| i.loc.lineno < 0)
    }
}

/// Why the graph could not be built or optimised: CPython raises
/// SystemError (or ValueError for an inconsistent stack) for these, which
/// only malformed input from code generation can cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CfgError {
    System(String),
    Value(String),
}

pub(crate) type CfgResult<T = ()> = Result<T, CfgError>;

pub(crate) fn system_error<T>(msg: impl Into<String>) -> CfgResult<T> {
    Err(CfgError::System(msg.into()))
}

/// The Python exception CPython raises for a graph error.
pub(crate) fn raise(vm: &mut crate::objects::Vm, e: CfgError) -> crate::objects::PyErr {
    match e {
        CfgError::System(msg) => vm.system_error(msg),
        CfgError::Value(msg) => vm.value_error(msg),
    }
}

/// The graph (`cfg_builder`).
pub(crate) struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
    /// The block being filled while building.
    cur: BlockId,
    /// The label for the next instruction (`g_current_label`).
    current_label: i32,
}

impl Cfg {
    /// `_PyCfgBuilder_New`: one empty entry block.
    pub fn new() -> Self {
        Cfg {
            blocks: vec![Block::new()],
            entry: 0,
            cur: 0,
            current_label: -1,
        }
    }

    /// `cfg_builder_new_block`: a new unlinked block.
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::new());
        self.blocks.len() - 1
    }

    /// The blocks in code order (the `b_next` chain from the entry).
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            out.push(id);
            b = self.blocks[id].next;
            if out.len() > self.blocks.len() {
                // A cycle in the chain cannot be built by any pass; stop
                // rather than loop.
                break;
            }
        }
        out
    }

    /// `cfg_builder_current_block_is_terminated`.
    fn current_block_is_terminated(&mut self) -> bool {
        let cur = &self.blocks[self.cur];
        if cur.last().is_some_and(|l| opcode::is_terminator(l.opcode)) {
            return true;
        }
        if self.current_label >= 0 {
            if cur.last().is_some() || cur.label >= 0 {
                return true;
            }
            self.blocks[self.cur].label = self.current_label;
            self.current_label = -1;
        }
        false
    }

    /// `cfg_builder_maybe_start_new_block`.
    fn maybe_start_new_block(&mut self) {
        if self.current_block_is_terminated() {
            let b = self.new_block();
            self.blocks[b].label = self.current_label;
            self.current_label = -1;
            self.blocks[self.cur].next = Some(b);
            self.cur = b;
        }
    }

    /// `_PyCfgBuilder_UseLabel`.
    pub fn use_label(&mut self, label: i32) {
        self.current_label = label;
        self.maybe_start_new_block();
    }

    /// `_PyCfgBuilder_Addop`.
    pub fn addop(&mut self, opcode: u16, oparg: i32, loc: Location) {
        self.maybe_start_new_block();
        self.blocks[self.cur].addop(opcode, oparg, loc, None);
    }

    /// `basicblock_add_jump`: appends a jump to `target`; fails if the
    /// block already ends in a jump.
    pub fn add_jump(
        &mut self,
        b: BlockId,
        opcode: u16,
        target: BlockId,
        loc: Location,
    ) -> CfgResult {
        if self.blocks[b].last().is_some_and(|l| l.is_jump()) {
            return system_error("jump added after a jump");
        }
        let label = self.blocks[target].label;
        self.blocks[b].addop(opcode, label, loc, Some(target));
        Ok(())
    }

    /// `copy_basicblock`: a new block with the same instructions (only for
    /// blocks without fallthrough).
    pub fn copy_block(&mut self, block: BlockId) -> BlockId {
        let instrs = self.blocks[block].instrs.clone();
        let b = self.new_block();
        for instr in instrs {
            self.blocks[b].push_copy(instr);
        }
        b
    }

    /// `next_nonempty_block`.
    pub fn next_nonempty(&self, mut b: Option<BlockId>) -> Option<BlockId> {
        let mut steps = 0;
        while let Some(id) = b {
            if !self.blocks[id].instrs.is_empty() || steps > self.blocks.len() {
                break;
            }
            b = self.blocks[id].next;
            steps += 1;
        }
        b
    }

    /// `get_max_label`.
    pub fn max_label(&self) -> i32 {
        self.order()
            .iter()
            .map(|&b| self.blocks[b].label)
            .max()
            .unwrap_or(-1)
    }

    /// Clears every block's `visited` flag (what `make_cfg_traversal_stack`
    /// does besides allocating the stack).
    pub fn reset_visited(&mut self) {
        for b in self.order() {
            self.blocks[b].visited = false;
        }
    }

    /// `check_cfg`: every jump or scope exit ends its block.
    pub fn check(&self) -> CfgResult {
        for b in self.order() {
            let instrs = &self.blocks[b].instrs;
            for (i, instr) in instrs.iter().enumerate() {
                if opcode::is_assembler_opcode(instr.opcode) {
                    return system_error("assembler opcode in the flow graph");
                }
                if opcode::is_terminator(instr.opcode) && i != instrs.len() - 1 {
                    return system_error("malformed control flow graph.");
                }
            }
        }
        Ok(())
    }

    /// `translate_jump_labels_to_targets`: resolves each jump's label to
    /// its block.
    pub fn translate_jump_labels_to_targets(&mut self) -> CfgResult {
        let order = self.order();
        let max_label = self.max_label();
        let mut label2block: Vec<Option<BlockId>> =
            vec![None; usize::try_from(max_label + 1).unwrap_or(0)];
        for &b in &order {
            if let Ok(l) = usize::try_from(self.blocks[b].label) {
                label2block[l] = Some(b);
            }
        }
        for &b in &order {
            for instr in &mut self.blocks[b].instrs {
                if opcode::has_target(instr.opcode) {
                    let target = usize::try_from(instr.oparg)
                        .ok()
                        .and_then(|l| label2block.get(l).copied().flatten());
                    match target {
                        Some(t) => instr.target = Some(t),
                        None => {
                            return system_error(format!(
                                "jump to an unknown label {}",
                                instr.oparg
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// `_PyCfg_FromInstructionSequence`: splits `seq` into blocks at jump
    /// targets and after terminators. Jump opargs may be label ids (while
    /// `seq` still has its label map) or instruction indices. The
    /// `ANNOTATIONS_PLACEHOLDER` is replaced by the sequence's annotations
    /// code, or dropped when there is none.
    pub fn from_instruction_sequence(seq: &InstrSequence) -> CfgResult<Cfg> {
        let n = seq.instrs.len();
        let resolve = |oparg: i32| -> CfgResult<usize> {
            let index = if seq.label_map.is_empty() {
                oparg
            } else {
                usize::try_from(oparg)
                    .ok()
                    .and_then(|l| seq.label_map.get(l).copied())
                    .unwrap_or(-1)
            };
            match usize::try_from(index) {
                Ok(i) if i < n => Ok(i),
                _ => system_error(format!("jump to an unbound label {oparg}")),
            }
        };
        let mut targets = Vec::with_capacity(n);
        let mut is_target = vec![false; n];
        for instr in &seq.instrs {
            if opcode::has_target(instr.opcode) {
                let t = resolve(instr.oparg)?;
                is_target[t] = true;
                targets.push(t as i32);
            } else {
                targets.push(instr.oparg);
            }
        }
        let mut g = Cfg::new();
        let mut offset: i32 = 0;
        for (i, instr) in seq.instrs.iter().enumerate() {
            if instr.opcode == ANNOTATIONS_PLACEHOLDER {
                match &seq.annotations_code {
                    Some(ann) => {
                        for a in &ann.instrs {
                            if opcode::has_target(a.opcode) {
                                return system_error("jump in annotations code");
                            }
                            g.addop(a.opcode, a.oparg, a.loc);
                        }
                        offset += ann.instrs.len() as i32 - 1;
                    }
                    None => offset -= 1,
                }
                continue;
            }
            if is_target[i] {
                g.use_label(i as i32 + offset);
            }
            let mut oparg = targets[i];
            if opcode::has_target(instr.opcode) {
                oparg += offset;
            }
            g.addop(instr.opcode, oparg, instr.loc);
        }
        Ok(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(l: i32) -> Location {
        Location::line(l)
    }

    #[test]
    fn blocks_split_at_labels_and_terminators() {
        let mut seq = InstrSequence::new();
        let l = seq.new_label();
        seq.addop(NOP, 0, loc(1));
        seq.addop(POP_JUMP_IF_FALSE, l.0, loc(1));
        seq.addop(NOP, 0, loc(2));
        seq.use_label(l);
        seq.addop(crate::opcode::op::RETURN_VALUE as u16, 0, loc(3));
        let g = Cfg::from_instruction_sequence(&seq).unwrap();
        let order = g.order();
        assert_eq!(order.len(), 3);
        assert_eq!(g.blocks[order[0]].instrs.len(), 2);
        assert_eq!(g.blocks[order[2]].label, 3);
        assert_eq!(g.blocks[order[0]].instrs[1].oparg, 3);
    }

    #[test]
    fn placeholder_is_dropped_and_labels_shift() {
        let mut seq = InstrSequence::new();
        let l = seq.new_label();
        seq.addop(ANNOTATIONS_PLACEHOLDER, 0, loc(1));
        seq.addop(JUMP, l.0, loc(1));
        seq.use_label(l);
        seq.addop(crate::opcode::op::RETURN_VALUE as u16, 0, loc(2));
        let g = Cfg::from_instruction_sequence(&seq).unwrap();
        let order = g.order();
        assert_eq!(g.blocks[order[0]].instrs[0].opcode, JUMP);
        assert_eq!(g.blocks[order[0]].instrs[0].oparg, 1);
        assert_eq!(g.blocks[order[1]].label, 1);
    }

    #[test]
    fn unbound_label_is_an_error() {
        let mut seq = InstrSequence::new();
        let l = seq.new_label();
        seq.addop(JUMP, l.0, loc(1));
        assert!(Cfg::from_instruction_sequence(&seq).is_err());
    }
}
