//! Line numbers in the graph (PEP 626): exit blocks without a line are
//! duplicated so each has one predecessor to inherit a line from
//! (`duplicate_exits_without_lineno`), and instructions without a line take
//! the previous one's (`propagate_line_numbers`). Ports of
//! `Python/flowgraph.c`.

use super::cfg::{BlockId, Cfg, CfgResult};
use crate::compile::location::Location;

impl Cfg {
    /// `is_exit_or_eval_check_without_lineno`.
    fn is_exit_or_eval_check_without_lineno(&self, b: BlockId) -> bool {
        let block = &self.blocks[b];
        (block.exits_scope() || block.has_eval_break()) && block.has_no_lineno()
    }

    /// `duplicate_exits_without_lineno`.
    fn duplicate_exits_without_lineno(&mut self) {
        let mut next_lbl = self.max_label() + 1;
        let mut cur = Some(self.entry);
        while let Some(b) = cur {
            if let Some(last) = self.blocks[b].last().copied()
                && last.is_jump()
                && let Some(target) = self.next_nonempty(last.target)
                && self.is_exit_or_eval_check_without_lineno(target)
                && self.blocks[target].predecessors > 1
            {
                let new_target = self.copy_block(target);
                self.blocks[new_target].instrs[0].loc = last.loc;
                if let Some(l) = self.blocks[b].instrs.last_mut() {
                    l.target = Some(new_target);
                }
                self.blocks[target].predecessors -= 1;
                self.blocks[new_target].predecessors = 1;
                self.blocks[new_target].next = self.blocks[target].next;
                self.blocks[new_target].label = next_lbl;
                next_lbl += 1;
                self.blocks[target].next = Some(new_target);
            }
            cur = self.blocks[b].next;
        }
        for b in self.order() {
            if self.blocks[b].has_fallthrough()
                && let Some(next) = self.blocks[b].next
                && let Some(&last) = self.blocks[b].instrs.last()
                && self.is_exit_or_eval_check_without_lineno(next)
            {
                self.blocks[next].instrs[0].loc = last.loc;
            }
        }
    }

    /// `propagate_line_numbers`.
    fn propagate_line_numbers(&mut self) {
        for b in self.order() {
            let Some(last) = self.blocks[b].last().copied() else {
                continue;
            };
            let mut prev_location = Location::NONE;
            for instr in &mut self.blocks[b].instrs {
                if instr.loc.lineno == Location::NONE.lineno {
                    instr.loc = prev_location;
                } else {
                    prev_location = instr.loc;
                }
            }
            if self.blocks[b].has_fallthrough()
                && let Some(next) = self.blocks[b].next
                && self.blocks[next].predecessors == 1
                && let Some(first) = self.blocks[next].instrs.first_mut()
                && first.loc.lineno == Location::NONE.lineno
            {
                first.loc = prev_location;
            }
            if last.is_jump()
                && let Some(target) = last.target
                && self.blocks[target].predecessors == 1
                && let Some(first) = self.blocks[target].instrs.first_mut()
                && first.loc.lineno == Location::NONE.lineno
            {
                first.loc = prev_location;
            }
        }
    }

    /// `resolve_line_numbers`.
    pub(crate) fn resolve_line_numbers(&mut self, _firstlineno: i32) -> CfgResult {
        self.duplicate_exits_without_lineno();
        self.propagate_line_numbers();
        Ok(())
    }
}
