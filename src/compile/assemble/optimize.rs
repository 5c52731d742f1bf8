//! `_PyCfg_OptimizeCodeUnit` and the whole-graph passes it runs, in
//! CPython 3.14's order (`optimize_cfg`, `inline_small_or_no_lineno_blocks`,
//! `remove_unreachable`, the redundant NOP / pair / jump removals,
//! `remove_unused_consts`), ports of `Python/flowgraph.c`.

use super::cfg::{BlockId, Cfg, CfgResult, raise, system_error};
use super::ops::*;
use super::{fold, peephole};
use crate::compile::consts::ConstPool;
use crate::compile::location::Location;
use crate::objects::{PyResult, Vm};
use crate::opcode;

/// `MAX_COPY_SIZE`: the largest exit block copied in place of a jump.
const MAX_COPY_SIZE: usize = 4;

/// `_PyCfg_OptimizeCodeUnit`: everything the optimiser does before the
/// graph is turned back into instructions.
pub(crate) fn optimize_code_unit(
    vm: &mut Vm,
    g: &mut Cfg,
    consts: &mut ConstPool,
    nlocals: usize,
    nparams: usize,
    firstlineno: i32,
) -> PyResult<()> {
    let r = g.translate_jump_labels_to_targets();
    r.map_err(|e| raise(vm, e))?;
    g.mark_except_handlers();
    g.label_exception_targets();

    optimize_cfg(vm, g, consts, firstlineno)?;
    remove_unused_consts(g, consts);
    g.add_checks_for_loads_of_uninitialized_variables(nlocals, nparams);
    let r = g
        .insert_superinstructions()
        .and_then(|_| g.push_cold_blocks_to_end())
        .and_then(|_| g.resolve_line_numbers(firstlineno));
    r.map_err(|e| raise(vm, e))
}

/// `optimize_cfg`.
fn optimize_cfg(
    vm: &mut Vm,
    g: &mut Cfg,
    consts: &mut ConstPool,
    firstlineno: i32,
) -> PyResult<()> {
    let r = g
        .check()
        .and_then(|_| g.inline_small_or_no_lineno_blocks())
        .and_then(|_| {
            g.remove_unreachable();
            g.resolve_line_numbers(firstlineno)
        });
    r.map_err(|e| raise(vm, e))?;
    for b in g.order() {
        fold::optimize_load_const_block(vm, &mut g.blocks[b].instrs, consts)?;
    }
    let mut cur = Some(g.entry);
    while let Some(b) = cur {
        peephole::optimize_basic_block(vm, g, b, consts)?;
        cur = g.blocks[b].next;
    }
    g.remove_redundant_nops_and_pairs();
    g.remove_unreachable();
    let r = g.remove_redundant_nops_and_jumps();
    r.map_err(|e| raise(vm, e))
}

/// `remove_unused_consts`: drops constants no instruction loads (the
/// first is kept: it may be the docstring) and renumbers the loads.
fn remove_unused_consts(g: &mut Cfg, consts: &mut ConstPool) {
    let nconsts = consts.len();
    if nconsts == 0 {
        return;
    }
    let order = g.order();
    let mut used = vec![false; nconsts];
    used[0] = true;
    for &b in &order {
        for instr in &g.blocks[b].instrs {
            if opcode::has_const(instr.opcode)
                && let Some(u) = usize::try_from(instr.oparg)
                    .ok()
                    .and_then(|i| used.get_mut(i))
            {
                *u = true;
            }
        }
    }
    if used.iter().all(|&u| u) {
        return;
    }
    let mut new_index = vec![-1i32; nconsts];
    let mut kept = Vec::new();
    for (i, item) in consts.items().iter().enumerate() {
        if used[i] {
            new_index[i] = kept.len() as i32;
            kept.push(item.clone());
        }
    }
    consts.replace(kept);
    for &b in &order {
        for instr in &mut g.blocks[b].instrs {
            if opcode::has_const(instr.opcode)
                && let Some(&n) = usize::try_from(instr.oparg)
                    .ok()
                    .and_then(|i| new_index.get(i))
            {
                instr.oparg = n;
            }
        }
    }
}

impl Cfg {
    /// `basicblock_inline_small_or_no_lineno_blocks`: a block ending in an
    /// unconditional jump to a small exit block, or to a block without
    /// line numbers or fallthrough, gets a copy of that block instead.
    fn inline_small_or_no_lineno_block(&mut self, b: BlockId) -> bool {
        let Some(last) = self.blocks[b].last().copied() else {
            return false;
        };
        if !opcode::is_unconditional_jump(last.opcode) {
            return false;
        }
        let Some(target) = last.target else {
            return false;
        };
        if target == b {
            return false;
        }
        let t = &self.blocks[target];
        let small_exit_block = t.exits_scope() && t.instrs.len() <= MAX_COPY_SIZE;
        let no_lineno_no_fallthrough = t.has_no_lineno() && !t.has_fallthrough();
        if !(small_exit_block || no_lineno_no_fallthrough) {
            return false;
        }
        let removed_jump_opcode = last.opcode;
        let copied = self.blocks[target].instrs.clone();
        let bb = &mut self.blocks[b];
        if let Some(l) = bb.instrs.last_mut() {
            l.set_op0(NOP);
        }
        for instr in copied {
            bb.push_copy(instr);
        }
        if no_lineno_no_fallthrough
            && let Some(l) = bb.instrs.last_mut()
            && opcode::is_unconditional_jump(l.opcode)
            && removed_jump_opcode == JUMP
        {
            l.opcode = JUMP;
        }
        self.blocks[target].predecessors -= 1;
        true
    }

    /// `inline_small_or_no_lineno_blocks`, to a fixed point.
    fn inline_small_or_no_lineno_blocks(&mut self) -> CfgResult {
        // Every change removes a jump, so codegen's graphs converge; a
        // malformed graph with a cycle of jumps between tiny blocks would
        // grow forever, so both the rounds and the growth are bounded by
        // the graph's size on entry.
        let initial: usize = self.blocks.iter().map(|b| b.instrs.len()).sum();
        let max_rounds = 1 + initial;
        let max_size = 64 + 16 * initial;
        let mut rounds = 0usize;
        loop {
            let mut changes = false;
            let mut cur = Some(self.entry);
            while let Some(b) = cur {
                if self.inline_small_or_no_lineno_block(b) {
                    changes = true;
                }
                cur = self.blocks[b].next;
            }
            if !changes {
                return Ok(());
            }
            rounds += 1;
            let size: usize = self.blocks.iter().map(|b| b.instrs.len()).sum();
            if rounds > max_rounds || size > max_size {
                return system_error("inlining small blocks does not converge");
            }
        }
    }

    /// `remove_unreachable`: counts predecessors from the entry and empties
    /// every block that cannot be reached.
    pub(crate) fn remove_unreachable(&mut self) {
        let order = self.order();
        for &b in &order {
            self.blocks[b].predecessors = 0;
        }
        self.reset_visited();
        let entry = self.entry;
        self.blocks[entry].predecessors = 1;
        self.blocks[entry].visited = true;
        let mut stack = vec![entry];
        while let Some(b) = stack.pop() {
            if let Some(next) = self.blocks[b].next
                && self.blocks[b].has_fallthrough()
            {
                if !self.blocks[next].visited {
                    self.blocks[next].visited = true;
                    stack.push(next);
                }
                self.blocks[next].predecessors += 1;
            }
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                if (instr.is_jump() || instr.is_block_push())
                    && let Some(t) = instr.target
                {
                    if !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        stack.push(t);
                    }
                    self.blocks[t].predecessors += 1;
                }
            }
        }
        for &b in &order {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].clear_instrs();
                self.blocks[b].except_handler = false;
            }
        }
    }

    /// `basicblock_remove_redundant_nops`: drops the NOPs that carry no
    /// line of their own. Returns how many instructions went.
    pub(crate) fn remove_redundant_nops_in(&mut self, b: BlockId) -> usize {
        let next_block = self.next_nonempty(self.blocks[b].next);
        let next_loc = next_block.map(|nb| {
            self.blocks[nb]
                .instrs
                .iter()
                .find(|i| !(i.opcode == NOP && i.loc.lineno < 0))
                .map_or(Location::NONE, |i| i.loc)
        });
        let instrs = &mut self.blocks[b].instrs;
        let n = instrs.len();
        let mut dest = 0;
        let mut prev_lineno = -1;
        for src in 0..n {
            let lineno = instrs[src].loc.lineno;
            if instrs[src].opcode == NOP {
                if lineno < 0 || prev_lineno == lineno {
                    continue;
                }
                if src < n - 1 {
                    let next_lineno = instrs[src + 1].loc.lineno;
                    if next_lineno == lineno {
                        continue;
                    }
                    if next_lineno < 0 {
                        instrs[src + 1].loc = instrs[src].loc;
                        continue;
                    }
                } else if let Some(next_loc) = next_loc
                    && lineno == next_loc.lineno
                {
                    continue;
                }
            }
            if dest != src {
                instrs[dest] = instrs[src];
            }
            dest += 1;
            prev_lineno = lineno;
        }
        self.blocks[b].truncate_instrs(dest);
        n - dest
    }

    /// `remove_redundant_nops`.
    pub(crate) fn remove_redundant_nops(&mut self) -> usize {
        let mut changes = 0;
        let mut cur = Some(self.entry);
        while let Some(b) = cur {
            changes += self.remove_redundant_nops_in(b);
            cur = self.blocks[b].next;
        }
        changes
    }

    /// `remove_redundant_nops_and_pairs`: also cancels a constant load or
    /// `COPY 1` followed by `POP_TOP`, across blocks joined by
    /// fallthrough.
    fn remove_redundant_nops_and_pairs(&mut self) {
        loop {
            let mut done = true;
            let mut instr: Option<(BlockId, usize)> = None;
            let mut cur = Some(self.entry);
            while let Some(b) = cur {
                self.remove_redundant_nops_in(b);
                if self.blocks[b].label >= 0 {
                    instr = None;
                }
                for i in 0..self.blocks[b].instrs.len() {
                    let prev = instr;
                    instr = Some((b, i));
                    let (prev_opcode, prev_oparg) = prev
                        .map(|(pb, pi)| {
                            let p = self.blocks[pb].instrs[pi];
                            (p.opcode, p.oparg)
                        })
                        .unwrap_or((0, 0));
                    let opcode = self.blocks[b].instrs[i].opcode;
                    let redundant_pair = opcode == POP_TOP
                        && (prev_opcode == LOAD_CONST
                            || prev_opcode == LOAD_SMALL_INT
                            || (prev_opcode == COPY && prev_oparg == 1));
                    if redundant_pair && let Some((pb, pi)) = prev {
                        self.blocks[pb].instrs[pi].set_op0(NOP);
                        self.blocks[b].instrs[i].set_op0(NOP);
                        done = false;
                    }
                }
                let ends_in_jump =
                    instr.is_some_and(|(ib, ii)| self.blocks[ib].instrs[ii].is_jump());
                if ends_in_jump || !self.blocks[b].has_fallthrough() {
                    instr = None;
                }
                cur = self.blocks[b].next;
            }
            if done {
                return;
            }
        }
    }

    /// `remove_redundant_jumps`: an unconditional jump to the block that
    /// follows anyway becomes a NOP. Returns the number removed.
    fn remove_redundant_jumps(&mut self) -> CfgResult<usize> {
        let mut changes = 0;
        for b in self.order() {
            let Some(last) = self.blocks[b].last().copied() else {
                continue;
            };
            if opcode::is_unconditional_jump(last.opcode) {
                let Some(jump_target) = self.next_nonempty(last.target) else {
                    return system_error("jump with NULL target");
                };
                let next = self.next_nonempty(self.blocks[b].next);
                if Some(jump_target) == next {
                    changes += 1;
                    if let Some(l) = self.blocks[b].instrs.last_mut() {
                        l.set_op0(NOP);
                    }
                }
            }
        }
        Ok(changes)
    }

    /// `remove_redundant_nops_and_jumps`, to a fixed point.
    pub(crate) fn remove_redundant_nops_and_jumps(&mut self) -> CfgResult {
        loop {
            let removed_nops = self.remove_redundant_nops();
            let removed_jumps = self.remove_redundant_jumps()?;
            if removed_nops + removed_jumps == 0 {
                return Ok(());
            }
        }
    }
}
