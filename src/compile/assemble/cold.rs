//! Moving cold code (exception handlers and what only they reach) to the
//! end of the code object (`mark_warm`, `mark_cold`,
//! `push_cold_blocks_to_end` in `Python/flowgraph.c`).

use super::cfg::{BlockId, Cfg, CfgResult};
use super::ops::*;
use crate::compile::location::Location;

impl Cfg {
    /// `mark_warm`: everything reachable from the entry without an
    /// exception.
    fn mark_warm(&mut self) {
        self.reset_visited();
        let entry = self.entry;
        let mut stack = vec![entry];
        self.blocks[entry].visited = true;
        while let Some(b) = stack.pop() {
            self.blocks[b].warm = true;
            if let Some(next) = self.blocks[b].next
                && self.blocks[b].has_fallthrough()
                && !self.blocks[next].visited
            {
                self.blocks[next].visited = true;
                stack.push(next);
            }
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                if instr.is_jump()
                    && let Some(t) = instr.target
                    && !self.blocks[t].visited
                {
                    self.blocks[t].visited = true;
                    stack.push(t);
                }
            }
        }
    }

    /// `mark_cold`: handlers, and what they reach that is not warm.
    fn mark_cold(&mut self) {
        self.mark_warm();
        self.reset_visited();
        let mut stack = Vec::new();
        for b in self.order() {
            if self.blocks[b].except_handler {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].cold = true;
            if let Some(next) = self.blocks[b].next
                && self.blocks[b].has_fallthrough()
                && !self.blocks[next].warm
                && !self.blocks[next].visited
            {
                self.blocks[next].visited = true;
                stack.push(next);
            }
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                if instr.is_jump()
                    && let Some(t) = instr.target
                    && !self.blocks[t].warm
                    && !self.blocks[t].visited
                {
                    self.blocks[t].visited = true;
                    stack.push(t);
                }
            }
        }
    }

    /// `push_cold_blocks_to_end`: cold blocks that fell through into warm
    /// ones get an explicit jump, then every run of cold blocks moves to
    /// the end, in order.
    pub(crate) fn push_cold_blocks_to_end(&mut self) -> CfgResult {
        let entry = self.entry;
        if self.blocks[entry].next.is_none() {
            return Ok(());
        }
        self.mark_cold();
        let mut next_lbl = self.max_label() + 1;
        let mut cur = Some(entry);
        while let Some(b) = cur {
            if self.blocks[b].cold
                && self.blocks[b].has_fallthrough()
                && let Some(next) = self.blocks[b].next
                && self.blocks[next].warm
            {
                let explicit_jump = self.new_block();
                if self.blocks[next].label < 0 {
                    self.blocks[next].label = next_lbl;
                    next_lbl += 1;
                }
                let label = self.blocks[next].label;
                let ej = &mut self.blocks[explicit_jump];
                ej.addop(JUMP_NO_INTERRUPT, label, Location::NONE, Some(next));
                ej.cold = true;
                ej.next = Some(next);
                ej.predecessors = 1;
                self.blocks[b].next = Some(explicit_jump);
            }
            cur = self.blocks[b].next;
        }

        let mut cold_blocks: Option<BlockId> = None;
        let mut cold_tail: Option<BlockId> = None;
        let mut b = entry;
        while let Some(mut next) = self.blocks[b].next {
            while !self.blocks[next].cold {
                b = next;
                match self.blocks[b].next {
                    Some(n) => next = n,
                    None => break,
                }
            }
            if self.blocks[b].next.is_none() {
                break;
            }
            let start = next;
            let mut end = start;
            while let Some(n) = self.blocks[end].next
                && self.blocks[n].cold
            {
                end = n;
            }
            match cold_tail {
                None => cold_blocks = Some(start),
                Some(t) => self.blocks[t].next = Some(start),
            }
            cold_tail = Some(end);
            self.blocks[b].next = self.blocks[end].next;
            self.blocks[end].next = None;
        }
        self.blocks[b].next = cold_blocks;
        if cold_blocks.is_some() {
            self.remove_redundant_nops_and_jumps()?;
        }
        Ok(())
    }
}
