//! Passes over fast locals: `LOAD_FAST_CHECK` where a local may be unbound
//! (`add_checks_for_loads_of_uninitialized_variables`), the two-local
//! super-instructions (`insert_superinstructions`) and 3.14's borrowed
//! loads (`optimize_load_fast`). Ports of `Python/flowgraph.c`.

use super::cfg::{BlockId, Cfg, CfgInstr, CfgResult};
use super::ops::*;
use crate::opcode;

impl Cfg {
    /// `maybe_push`: merges `unsafe_mask` into `b`'s and queues it if that
    /// taught it something.
    fn maybe_push(&mut self, b: BlockId, unsafe_mask: u64, stack: &mut Vec<BlockId>) {
        let both = self.blocks[b].unsafe_locals_mask | unsafe_mask;
        if self.blocks[b].unsafe_locals_mask != both {
            self.blocks[b].unsafe_locals_mask = both;
            if !self.blocks[b].visited {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
    }

    /// `scan_block_for_locals`.
    fn scan_block_for_locals(&mut self, b: BlockId, stack: &mut Vec<BlockId>) {
        let mut unsafe_mask = self.blocks[b].unsafe_locals_mask;
        for i in 0..self.blocks[b].instrs.len() {
            let instr = self.blocks[b].instrs[i];
            if let Some(handler) = instr.except {
                self.maybe_push(handler, unsafe_mask, stack);
            }
            if !(0..64).contains(&instr.oparg) {
                continue;
            }
            let bit = 1u64 << instr.oparg;
            match instr.opcode {
                DELETE_FAST | LOAD_FAST_AND_CLEAR | STORE_FAST_MAYBE_NULL => unsafe_mask |= bit,
                STORE_FAST | LOAD_FAST_CHECK => unsafe_mask &= !bit,
                LOAD_FAST => {
                    if unsafe_mask & bit != 0 {
                        self.blocks[b].instrs[i].opcode = LOAD_FAST_CHECK;
                    }
                    unsafe_mask &= !bit;
                }
                _ => {}
            }
        }
        if let Some(next) = self.blocks[b].next
            && self.blocks[b].has_fallthrough()
        {
            self.maybe_push(next, unsafe_mask, stack);
        }
        if let Some(last) = self.blocks[b].last().copied()
            && last.is_jump()
            && let Some(t) = last.target
        {
            self.maybe_push(t, unsafe_mask, stack);
        }
    }

    /// `fast_scan_many_locals`: locals 64 and up, block by block only.
    fn fast_scan_many_locals(&mut self, nlocals: usize) {
        let mut states = vec![0usize; nlocals.saturating_sub(64)];
        let mut blocknum = 0usize;
        for b in self.order() {
            blocknum += 1;
            for instr in &mut self.blocks[b].instrs {
                let Ok(arg) = usize::try_from(instr.oparg) else {
                    continue;
                };
                if arg < 64 {
                    continue;
                }
                let Some(state) = states.get_mut(arg - 64) else {
                    continue;
                };
                match instr.opcode {
                    DELETE_FAST | LOAD_FAST_AND_CLEAR | STORE_FAST_MAYBE_NULL => {
                        *state = blocknum - 1
                    }
                    STORE_FAST => *state = blocknum,
                    LOAD_FAST => {
                        if *state != blocknum {
                            instr.opcode = LOAD_FAST_CHECK;
                        }
                        *state = blocknum;
                    }
                    _ => {}
                }
            }
        }
    }

    /// `add_checks_for_loads_of_uninitialized_variables`: `LOAD_FAST`
    /// becomes `LOAD_FAST_CHECK` wherever the local may be unbound.
    pub(crate) fn add_checks_for_loads_of_uninitialized_variables(
        &mut self,
        nlocals: usize,
        nparams: usize,
    ) {
        if nlocals == 0 {
            return;
        }
        let mut nlocals = nlocals;
        if nlocals > 64 {
            self.fast_scan_many_locals(nlocals);
            nlocals = 64;
        }
        self.reset_visited();
        let mut stack = Vec::new();
        let mut start_mask = 0u64;
        for i in nparams..nlocals {
            start_mask |= 1u64 << i;
        }
        let entry = self.entry;
        self.maybe_push(entry, start_mask, &mut stack);
        for b in self.order() {
            self.scan_block_for_locals(b, &mut stack);
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].visited = false;
            self.scan_block_for_locals(b, &mut stack);
        }
    }

    /// `insert_superinstructions`: `LOAD_FAST_LOAD_FAST`,
    /// `STORE_FAST_LOAD_FAST`, `STORE_FAST_STORE_FAST` for pairs on one
    /// line whose locals both fit in 4 bits.
    pub(crate) fn insert_superinstructions(&mut self) -> CfgResult {
        for b in self.order() {
            let instrs = &mut self.blocks[b].instrs;
            for i in 0..instrs.len() {
                let nextop = instrs.get(i + 1).map_or(0, |x| x.opcode);
                let super_op = match (instrs[i].opcode, nextop) {
                    (LOAD_FAST, LOAD_FAST) => LOAD_FAST_LOAD_FAST,
                    (STORE_FAST, LOAD_FAST) => STORE_FAST_LOAD_FAST,
                    (STORE_FAST, STORE_FAST) => STORE_FAST_STORE_FAST,
                    _ => continue,
                };
                let (first, rest) = instrs.split_at_mut(i + 1);
                make_super_instruction(&mut first[i], &mut rest[0], super_op);
            }
        }
        self.remove_redundant_nops();
        Ok(())
    }
}

/// `make_super_instruction`.
fn make_super_instruction(inst1: &mut CfgInstr, inst2: &mut CfgInstr, super_op: u16) {
    let (line1, line2) = (inst1.loc.lineno, inst2.loc.lineno);
    if line1 >= 0 && line2 >= 0 && line1 != line2 {
        return;
    }
    if inst1.oparg >= 16 || inst2.oparg >= 16 {
        return;
    }
    inst1.set_op1(super_op, (inst1.oparg << 4) | inst2.oparg);
    inst2.set_op0(NOP);
}

/// A value on `optimize_load_fast`'s abstract stack: the instruction of
/// the block that pushed it (`DUMMY_INSTR`, -1, for values that were there
/// on entry) and the local it was loaded from (`NOT_LOCAL`, -1, if none).
#[derive(Clone, Copy)]
struct Ref {
    instr: i32,
    local: i32,
}

const NOT_LOCAL: i32 = -1;
const DUMMY_INSTR: i32 = -1;

/// The reference is still on the stack when its local is overwritten.
const SUPPORT_KILLED: u8 = 1;
/// The reference is stored into a local.
const STORED_AS_LOCAL: u8 = 2;
/// The reference is still on the stack at the end of the block.
const REF_UNCONSUMED: u8 = 4;

/// `kill_local`.
fn kill_local(flags: &mut [u8], refs: &[Ref], local: i32) {
    for r in refs {
        if r.local == local
            && let Some(f) = usize::try_from(r.instr).ok().and_then(|i| flags.get_mut(i))
        {
            *f |= SUPPORT_KILLED;
        }
    }
}

/// `store_local`.
fn store_local(flags: &mut [u8], refs: &[Ref], local: i32, r: Ref) {
    kill_local(flags, refs, local);
    if r.instr != DUMMY_INSTR
        && let Some(f) = usize::try_from(r.instr).ok().and_then(|i| flags.get_mut(i))
    {
        *f |= STORED_AS_LOCAL;
    }
}

fn pop(refs: &mut Vec<Ref>) -> Ref {
    refs.pop().unwrap_or(Ref {
        instr: DUMMY_INSTR,
        local: NOT_LOCAL,
    })
}

fn push(refs: &mut Vec<Ref>, instr: i32, local: i32) {
    refs.push(Ref { instr, local });
}

impl Cfg {
    /// `load_fast_push_block`.
    fn load_fast_push_block(&mut self, stack: &mut Vec<BlockId>, target: Option<BlockId>) {
        if let Some(t) = target
            && !self.blocks[t].visited
        {
            self.blocks[t].visited = true;
            stack.push(t);
        }
    }

    /// `optimize_load_fast`: a `LOAD_FAST` (or `LOAD_FAST_LOAD_FAST`)
    /// whose value is consumed within its block, before the local is
    /// overwritten, and is never stored into a local becomes
    /// `LOAD_FAST_BORROW` (`LOAD_FAST_BORROW_LOAD_FAST_BORROW`). Found by
    /// simulating each block on a stack of abstract references.
    pub(crate) fn optimize_load_fast(&mut self) {
        self.reset_visited();
        let entry = self.entry;
        let mut stack = vec![entry];
        self.blocks[entry].startdepth = 0;
        self.blocks[entry].visited = true;
        let mut refs: Vec<Ref> = Vec::new();
        while let Some(block) = stack.pop() {
            let n = self.blocks[block].instrs.len();
            let mut flags = vec![0u8; n];
            refs.clear();
            for _ in 0..self.blocks[block].startdepth.max(0) {
                push(&mut refs, DUMMY_INSTR, NOT_LOCAL);
            }
            for i in 0..n {
                let instr = self.blocks[block].instrs[i];
                let (op, oparg) = (instr.opcode, instr.oparg);
                let ii = i as i32;
                match op {
                    LOAD_FAST => push(&mut refs, ii, oparg),
                    LOAD_FAST_AND_CLEAR => {
                        kill_local(&mut flags, &refs, oparg);
                        push(&mut refs, ii, oparg);
                    }
                    DELETE_FAST => kill_local(&mut flags, &refs, oparg),
                    LOAD_FAST_LOAD_FAST => {
                        push(&mut refs, ii, oparg >> 4);
                        push(&mut refs, ii, oparg & 15);
                    }
                    STORE_FAST => {
                        let r = pop(&mut refs);
                        store_local(&mut flags, &refs, oparg, r);
                    }
                    STORE_FAST_LOAD_FAST => {
                        let r = pop(&mut refs);
                        store_local(&mut flags, &refs, oparg >> 4, r);
                        push(&mut refs, ii, oparg & 15);
                    }
                    STORE_FAST_STORE_FAST => {
                        let r = pop(&mut refs);
                        store_local(&mut flags, &refs, oparg >> 4, r);
                        let r = pop(&mut refs);
                        store_local(&mut flags, &refs, oparg & 15, r);
                    }
                    COPY => {
                        let at = refs.len() as isize - oparg as isize;
                        let r = usize::try_from(at)
                            .ok()
                            .and_then(|k| refs.get(k).copied())
                            .unwrap_or(Ref {
                                instr: DUMMY_INSTR,
                                local: NOT_LOCAL,
                            });
                        refs.push(r);
                    }
                    SWAP => {
                        let len = refs.len();
                        if let Some(k) = len.checked_sub(oparg.max(0) as usize)
                            && k < len
                        {
                            refs.swap(k, len - 1);
                        }
                    }
                    GET_ANEXT | GET_LEN | IMPORT_FROM | MATCH_KEYS | MATCH_MAPPING
                    | MATCH_SEQUENCE | WITH_EXCEPT_START => {
                        let net = effect(op, oparg);
                        // CPython records these values as pushed by
                        // instruction 0, 1, ... of the block (its loop
                        // variable shadows the instruction index); the
                        // same flags result.
                        for k in 0..net.max(0) {
                            push(&mut refs, k as i32, NOT_LOCAL);
                        }
                    }
                    DICT_MERGE | DICT_UPDATE | LIST_APPEND | LIST_EXTEND | MAP_ADD | RERAISE
                    | SET_ADD | SET_UPDATE => {
                        let net = -effect(op, oparg);
                        for _ in 0..net.max(0) {
                            pop(&mut refs);
                        }
                    }
                    // The iterator `GET_YIELD_FROM_ITER` leaves may be its
                    // operand itself (a generator or coroutine): the
                    // reference stays where it was (python3.14 keeps
                    // `yield from x` on a strong `LOAD_FAST x`).
                    GET_YIELD_FROM_ITER => {}
                    // `FORMAT_SIMPLE` hands a `str` operand back unchanged,
                    // so its result may be the loaded reference itself
                    // (3.14.x treats it as consuming nothing: `x = f"{a}"`
                    // keeps `a` a strong `LOAD_FAST`).
                    FORMAT_SIMPLE => {}
                    CHECK_EXC_MATCH => {
                        pop(&mut refs);
                        push(&mut refs, ii, NOT_LOCAL);
                    }
                    FOR_ITER => {
                        self.load_fast_push_block(&mut stack, instr.target);
                        push(&mut refs, ii, NOT_LOCAL);
                    }
                    // `LOAD_SPECIAL` leaves the owner on the stack as the
                    // method's `self` (3.14's handling, as observed in
                    // python3.14's output: `async with x` keeps `x` a
                    // strong `LOAD_FAST`).
                    LOAD_SPECIAL => {
                        let self_ref = pop(&mut refs);
                        push(&mut refs, ii, NOT_LOCAL);
                        refs.push(self_ref);
                    }
                    LOAD_ATTR | LOAD_SUPER_ATTR => {
                        let self_ref = pop(&mut refs);
                        if op == LOAD_SUPER_ATTR {
                            pop(&mut refs);
                            pop(&mut refs);
                        }
                        push(&mut refs, ii, NOT_LOCAL);
                        if oparg & 1 != 0 {
                            refs.push(self_ref);
                        }
                    }
                    SEND => {
                        self.load_fast_push_block(&mut stack, instr.target);
                        pop(&mut refs);
                        push(&mut refs, ii, NOT_LOCAL);
                    }
                    _ => {
                        let popped = opcode::num_popped(op, oparg as u32).unwrap_or(0);
                        let pushed = opcode::num_pushed(op, oparg as u32).unwrap_or(0);
                        if opcode::has_target(op) {
                            self.load_fast_push_block(&mut stack, instr.target);
                        }
                        if !opcode::is_block_push(op) {
                            for _ in 0..popped {
                                pop(&mut refs);
                            }
                            for _ in 0..pushed {
                                push(&mut refs, ii, NOT_LOCAL);
                            }
                        }
                    }
                }
            }
            let blk = &self.blocks[block];
            if let (Some(term), Some(next)) = (blk.last(), blk.next)
                && !(opcode::is_unconditional_jump(term.opcode)
                    || opcode::is_scope_exit(term.opcode))
            {
                self.load_fast_push_block(&mut stack, Some(next));
            }
            for r in &refs {
                if let Some(f) = usize::try_from(r.instr).ok().and_then(|k| flags.get_mut(k)) {
                    *f |= REF_UNCONSUMED;
                }
            }
            for (instr, &f) in self.blocks[block].instrs.iter_mut().zip(&flags) {
                if f == 0 {
                    match instr.opcode {
                        LOAD_FAST => instr.opcode = LOAD_FAST_BORROW,
                        LOAD_FAST_LOAD_FAST => instr.opcode = LOAD_FAST_BORROW_LOAD_FAST_BORROW,
                        _ => {}
                    }
                }
            }
        }
    }
}

/// Net stack effect of a real instruction (pushed minus popped).
fn effect(op: u16, oparg: i32) -> i64 {
    let popped = opcode::num_popped(op, oparg as u32).unwrap_or(0);
    let pushed = opcode::num_pushed(op, oparg as u32).unwrap_or(0);
    i64::from(pushed) - i64::from(popped)
}
