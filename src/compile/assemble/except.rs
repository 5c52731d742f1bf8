//! Exception handlers in the graph: which blocks are handlers
//! (`mark_except_handlers`) and which handler covers each instruction
//! (`label_exception_targets`), from the `SETUP_*` / `POP_BLOCK` pseudo
//! instructions code generation emits. Ports of `Python/flowgraph.c`.

use super::cfg::{BlockId, Cfg};
use super::ops::*;

impl Cfg {
    /// `mark_except_handlers`: flags every `SETUP_*` target.
    pub(crate) fn mark_except_handlers(&mut self) {
        for b in self.order() {
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                if instr.is_block_push()
                    && let Some(t) = instr.target
                {
                    self.blocks[t].except_handler = true;
                }
            }
        }
    }

    /// `label_exception_targets`: walks the graph with a stack of active
    /// handlers, recording each instruction's handler (`except`), turning
    /// `POP_BLOCK` into `NOP`, marking `SETUP_WITH`/`SETUP_CLEANUP`
    /// handlers as preserving `lasti`, and flagging the `RESUME` after a
    /// yield at handler depth 1 (`RESUME_OPARG_DEPTH1_MASK`).
    pub(crate) fn label_exception_targets(&mut self) {
        self.reset_visited();
        let entry = self.entry;
        let mut todo: Vec<BlockId> = vec![entry];
        self.blocks[entry].visited = true;
        self.blocks[entry].exceptstack = Some(Vec::new());
        while let Some(b) = todo.pop() {
            let mut stack = self.blocks[b].exceptstack.take().unwrap_or_default();
            let mut stack_given = false;
            let mut handler = stack.last().copied();
            let mut last_yield_except_depth: i32 = -1;
            let has_fallthrough = self.blocks[b].has_fallthrough();
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                if instr.is_block_push() {
                    let Some(t) = instr.target else { continue };
                    if !self.blocks[t].visited {
                        self.blocks[t].exceptstack = Some(stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                    if instr.opcode == SETUP_WITH || instr.opcode == SETUP_CLEANUP {
                        self.blocks[t].preserve_lasti = true;
                    }
                    stack.push(t);
                    handler = Some(t);
                } else if instr.opcode == POP_BLOCK {
                    stack.pop();
                    handler = stack.last().copied();
                    self.blocks[b].instrs[i].set_op0(NOP);
                } else if instr.is_jump() {
                    self.blocks[b].instrs[i].except = handler;
                    if let Some(t) = instr.target
                        && !self.blocks[t].visited
                    {
                        if has_fallthrough {
                            self.blocks[t].exceptstack = Some(stack.clone());
                        } else {
                            self.blocks[t].exceptstack = Some(std::mem::take(&mut stack));
                            stack_given = true;
                        }
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                } else if instr.opcode == YIELD_VALUE {
                    self.blocks[b].instrs[i].except = handler;
                    last_yield_except_depth = stack.len() as i32;
                } else if instr.opcode == RESUME {
                    let ins = &mut self.blocks[b].instrs[i];
                    ins.except = handler;
                    if ins.oparg != RESUME_AT_FUNC_START {
                        if last_yield_except_depth == 1 {
                            ins.oparg |= RESUME_OPARG_DEPTH1_MASK;
                        }
                        last_yield_except_depth = -1;
                    }
                } else {
                    self.blocks[b].instrs[i].except = handler;
                }
            }
            if has_fallthrough
                && !stack_given
                && let Some(next) = self.blocks[b].next
                && !self.blocks[next].visited
            {
                self.blocks[next].exceptstack = Some(stack);
                self.blocks[next].visited = true;
                todo.push(next);
            }
        }
    }
}
