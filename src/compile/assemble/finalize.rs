//! From the optimised graph to the flat instruction list the assembler
//! takes (`_PyCfg_OptimizedCfgToInstructionSequence` and the passes it
//! runs: `convert_pseudo_conditional_jumps`, `calculate_stackdepth`,
//! `prepare_localsplus`, `convert_pseudo_ops`, `normalize_jumps`,
//! `optimize_load_fast`, `_PyCfg_ToInstructionSequence`).

use super::cfg::{Cfg, CfgInstr, CfgResult, system_error};
use super::ops::*;
use crate::compile::location::Location;
use crate::compile::unit::CodeUnitMetadata;
use crate::opcode;

/// The handler covering an instruction (`_PyExceptHandlerInfo` once the
/// label map is applied).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Handler {
    /// Index of the handler's first instruction.
    pub target: usize,
    pub startdepth: i32,
    pub preserve_lasti: bool,
}

/// One instruction of the final sequence; for jumps `oparg` is the index
/// of the target instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SeqInstr {
    pub opcode: u16,
    pub oparg: i32,
    pub loc: Location,
    pub handler: Option<Handler>,
}

/// What the assembler needs besides the instructions.
pub(crate) struct Finished {
    pub instrs: Vec<SeqInstr>,
    pub stackdepth: i32,
    pub nlocalsplus: usize,
}

/// `_PyCfg_OptimizedCfgToInstructionSequence`.
pub(crate) fn optimized_cfg_to_instruction_sequence(
    g: &mut Cfg,
    umd: &CodeUnitMetadata,
    code_flags: u32,
) -> CfgResult<Finished> {
    g.convert_pseudo_conditional_jumps();
    let stackdepth = g.calculate_stackdepth()?;
    let nlocalsplus = g.prepare_localsplus(umd, code_flags)?;
    g.convert_pseudo_ops()?;
    g.normalize_jumps();
    g.optimize_load_fast();
    let instrs = g.to_instruction_sequence()?;
    Ok(Finished {
        instrs,
        stackdepth,
        nlocalsplus,
    })
}

impl Cfg {
    /// `convert_pseudo_conditional_jumps`: `JUMP_IF_FALSE` (`_TRUE`)
    /// becomes `COPY 1; TO_BOOL; POP_JUMP_IF_FALSE` (`_TRUE`), all three
    /// under the jump's handler.
    fn convert_pseudo_conditional_jumps(&mut self) {
        for b in self.order() {
            let block = &mut self.blocks[b];
            let mut i = 0;
            while i < block.instrs.len() {
                let op = block.instrs[i].opcode;
                if op == JUMP_IF_FALSE || op == JUMP_IF_TRUE {
                    block.instrs[i].opcode = if op == JUMP_IF_FALSE {
                        POP_JUMP_IF_FALSE
                    } else {
                        POP_JUMP_IF_TRUE
                    };
                    // The new instructions are covered by the jump's
                    // handler (python3.14 puts them in its range).
                    let loc = block.instrs[i].loc;
                    let except = block.instrs[i].except;
                    let mut copy = CfgInstr::new(COPY, 1, loc);
                    copy.except = except;
                    let mut to_bool = CfgInstr::new(TO_BOOL, 0, loc);
                    to_bool.except = except;
                    block.insert(i, copy);
                    block.insert(i + 1, to_bool);
                    i += 2;
                }
                i += 1;
            }
        }
    }

    /// `convert_pseudo_ops`: `SETUP_*` become NOPs, `LOAD_CLOSURE` becomes
    /// `LOAD_FAST`, `STORE_FAST_MAYBE_NULL` becomes `STORE_FAST`; then the
    /// redundant NOPs and jumps go.
    fn convert_pseudo_ops(&mut self) -> CfgResult {
        for b in self.order() {
            for instr in &mut self.blocks[b].instrs {
                if instr.is_block_push() {
                    instr.set_op0(NOP);
                } else if instr.opcode == LOAD_CLOSURE {
                    instr.opcode = LOAD_FAST;
                } else if instr.opcode == STORE_FAST_MAYBE_NULL {
                    instr.opcode = STORE_FAST;
                }
            }
        }
        self.remove_redundant_nops_and_jumps()
    }

    /// `normalize_jumps_in_block`: a forward conditional jump is followed
    /// by `NOT_TAKEN`; a backward one is inverted to skip over a new
    /// block holding `NOT_TAKEN; JUMP target` (conditional jumps only go
    /// forward).
    fn normalize_jumps_in_block(&mut self, b: usize) {
        let Some(last) = self.blocks[b].last().copied() else {
            return;
        };
        if !opcode::is_conditional_jump(last.opcode) {
            return;
        }
        let Some(target) = last.target else {
            return;
        };
        if !self.blocks[target].visited {
            self.blocks[b].addop(NOT_TAKEN, 0, last.loc, None);
            return;
        }
        let reversed = match last.opcode {
            POP_JUMP_IF_NOT_NONE => POP_JUMP_IF_NONE,
            POP_JUMP_IF_NONE => POP_JUMP_IF_NOT_NONE,
            POP_JUMP_IF_FALSE => POP_JUMP_IF_TRUE,
            _ => POP_JUMP_IF_FALSE,
        };
        let backwards_jump = self.new_block();
        let label = self.blocks[target].label;
        let bj = &mut self.blocks[backwards_jump];
        bj.addop(NOT_TAKEN, 0, last.loc, None);
        bj.addop(JUMP, label, last.loc, Some(target));
        self.blocks[backwards_jump].startdepth = self.blocks[target].startdepth;
        let next = self.blocks[b].next;
        if let Some(l) = self.blocks[b].instrs.last_mut() {
            l.opcode = reversed;
            l.target = next;
        }
        self.blocks[backwards_jump].cold = self.blocks[b].cold;
        self.blocks[backwards_jump].next = next;
        self.blocks[b].next = Some(backwards_jump);
    }

    /// `normalize_jumps`.
    fn normalize_jumps(&mut self) {
        self.reset_visited();
        let mut cur = Some(self.entry);
        while let Some(b) = cur {
            self.blocks[b].visited = true;
            self.normalize_jumps_in_block(b);
            cur = self.blocks[b].next;
        }
    }

    /// `_PyCfg_ToInstructionSequence` followed by
    /// `_PyInstructionSequence_ApplyLabelMap`: the blocks in order, with
    /// jump targets and handlers as instruction indices.
    pub(crate) fn to_instruction_sequence(&self) -> CfgResult<Vec<SeqInstr>> {
        let order = self.order();
        let mut position = vec![usize::MAX; self.blocks.len()];
        let mut pos = 0;
        for &b in &order {
            position[b] = pos;
            pos += self.blocks[b].instrs.len();
        }
        let index_of = |b: Option<usize>| -> CfgResult<usize> {
            match b.map(|b| position[b]) {
                Some(p) if p != usize::MAX => Ok(p),
                _ => system_error("jump to a block outside the code"),
            }
        };
        let mut out = Vec::with_capacity(pos);
        for &b in &order {
            for instr in &self.blocks[b].instrs {
                let oparg = if opcode::has_target(instr.opcode) {
                    index_of(instr.target)? as i32
                } else {
                    instr.oparg
                };
                let handler = match instr.except {
                    Some(h) => Some(Handler {
                        target: index_of(Some(h))?,
                        startdepth: self.blocks[h].startdepth,
                        preserve_lasti: self.blocks[h].preserve_lasti,
                    }),
                    None => None,
                };
                out.push(SeqInstr {
                    opcode: instr.opcode,
                    oparg,
                    loc: instr.loc,
                    handler,
                });
            }
        }
        Ok(out)
    }
}
