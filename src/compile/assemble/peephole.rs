//! The per-block peephole pass (`optimize_basic_block` in
//! `Python/flowgraph.c`): jump threading, folding, `BUILD_TUPLE` +
//! `UNPACK_SEQUENCE`, boolean conversions merged into the instruction
//! that produces them, then `SWAP` runs minimised and applied statically
//! (`swaptimize`, `apply_static_swaps`).

use super::cfg::{BlockId, Cfg, CfgInstr, CfgResult, raise};
use super::fold;
use super::ops::*;
use crate::compile::consts::ConstPool;
use crate::compile::location::Location;
use crate::objects::{PyResult, Vm};

/// `jump_thread`: makes the jump at the end of `b` go straight to where
/// the jump it lands on goes. Returns whether it changed anything.
fn jump_thread(
    g: &mut Cfg,
    b: BlockId,
    i: usize,
    target: CfgInstr,
    opcode: u16,
) -> CfgResult<bool> {
    let inst = g.blocks[b].instrs[i];
    let (Some(dest), true) = (target.target, inst.target != target.target) else {
        return Ok(false);
    };
    g.blocks[b].instrs[i].set_op0(NOP);
    g.add_jump(b, opcode, dest, target.loc)?;
    Ok(true)
}

/// `optimize_basic_block`.
pub(crate) fn optimize_basic_block(
    vm: &mut Vm,
    g: &mut Cfg,
    b: BlockId,
    consts: &mut ConstPool,
) -> PyResult<()> {
    let nop = CfgInstr::new(NOP, 0, Location::NONE);
    // Each threading follows one more jump of a chain, so a block is
    // threaded at most once per block of the graph unless the jumps form
    // a cycle, which codegen never produces but a malformed sequence can
    // (each round would append another jump, forever).
    let max_threads = g.blocks.len() + 1;
    let mut threads = 0usize;
    let mut i: isize = 0;
    while (i as usize) < g.blocks[b].instrs.len() {
        let iu = i as usize;
        let inst = g.blocks[b].instrs[iu];
        let (opcode, oparg) = (inst.opcode, inst.oparg);
        let target = if crate::opcode::has_target(opcode) {
            inst.target
                .and_then(|t| g.blocks[t].instrs.first().copied())
                .unwrap_or(nop)
        } else {
            nop
        };
        let n = g.blocks[b].instrs.len();
        let next = (iu + 1 < n).then(|| g.blocks[b].instrs[iu + 1]);
        let nextop = next.map_or(0, |x| x.opcode);
        // Applies `jump_thread` and steps back if it changed the block.
        macro_rules! thread {
            ($op:expr) => {
                match jump_thread(g, b, iu, target, $op) {
                    Ok(true) => {
                        threads += 1;
                        if threads > max_threads {
                            return Err(raise(
                                vm,
                                super::cfg::CfgError::System(
                                    "jump threading does not converge (a cycle of jumps)".into(),
                                ),
                            ));
                        }
                        i -= 1;
                    }
                    Ok(false) => {}
                    Err(e) => return Err(raise(vm, e)),
                }
            };
        }
        let instrs = &mut g.blocks[b].instrs;
        match opcode {
            BUILD_TUPLE => {
                if let Some(nx) = next
                    && nx.opcode == UNPACK_SEQUENCE
                    && oparg == nx.oparg
                {
                    match oparg {
                        1 => {
                            instrs[iu].set_op0(NOP);
                            instrs[iu + 1].set_op0(NOP);
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            instrs[iu].set_op0(NOP);
                            instrs[iu + 1].opcode = SWAP;
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                fold::fold_tuple_of_constants(vm, instrs, iu, consts)?;
            }
            BUILD_LIST | BUILD_SET => {
                fold::optimize_lists_and_sets(vm, instrs, iu, nextop, consts)?;
            }
            POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE
                if target.opcode == JUMP =>
            {
                thread!(opcode);
            }
            JUMP_IF_FALSE | JUMP_IF_TRUE => {
                let same = opcode;
                let other = if opcode == JUMP_IF_FALSE {
                    JUMP_IF_TRUE
                } else {
                    JUMP_IF_FALSE
                };
                if target.opcode == JUMP || target.opcode == same {
                    thread!(same);
                    i += 1;
                    continue;
                }
                if target.opcode == other {
                    // The opposite test is certain to fall through: go to
                    // the block after it.
                    if let Some(after) = inst.target.and_then(|t| g.blocks[t].next) {
                        g.blocks[b].instrs[iu].target = Some(after);
                        continue;
                    }
                }
            }
            JUMP | JUMP_NO_INTERRUPT => {
                if target.opcode == JUMP {
                    thread!(JUMP);
                    i += 1;
                    continue;
                }
                if target.opcode == JUMP_NO_INTERRUPT {
                    thread!(opcode);
                    i += 1;
                    continue;
                }
            }
            STORE_FAST => {
                if let Some(nx) = next
                    && nx.opcode == opcode
                    && nx.oparg == oparg
                    && inst.loc.lineno == nx.loc.lineno
                {
                    instrs[iu].opcode = POP_TOP;
                    instrs[iu].oparg = 0;
                }
            }
            SWAP if oparg == 1 => instrs[iu].set_op0(NOP),
            LOAD_GLOBAL if nextop == PUSH_NULL && (oparg & 1) == 0 => {
                instrs[iu].set_op1(LOAD_GLOBAL, oparg | 1);
                instrs[iu + 1].set_op0(NOP);
            }
            COMPARE_OP if nextop == TO_BOOL => {
                instrs[iu].set_op0(NOP);
                instrs[iu + 1].set_op1(COMPARE_OP, oparg | 16);
                i += 1;
                continue;
            }
            CONTAINS_OP | IS_OP => {
                if nextop == TO_BOOL {
                    instrs[iu].set_op0(NOP);
                    instrs[iu + 1].set_op1(opcode, oparg);
                    i += 1;
                    continue;
                }
                if nextop == UNARY_NOT {
                    instrs[iu].set_op0(NOP);
                    instrs[iu + 1].set_op1(opcode, oparg ^ 1);
                    i += 1;
                    continue;
                }
            }
            TO_BOOL if nextop == TO_BOOL => {
                instrs[iu].set_op0(NOP);
                i += 1;
                continue;
            }
            UNARY_NOT | UNARY_INVERT | UNARY_NEGATIVE => {
                if opcode == UNARY_NOT {
                    if nextop == TO_BOOL {
                        instrs[iu].set_op0(NOP);
                        instrs[iu + 1].set_op0(UNARY_NOT);
                        i += 1;
                        continue;
                    }
                    if nextop == UNARY_NOT {
                        instrs[iu].set_op0(NOP);
                        instrs[iu + 1].set_op0(NOP);
                        i += 1;
                        continue;
                    }
                }
                fold::fold_const_unaryop(vm, instrs, iu, consts)?;
            }
            CALL_INTRINSIC_1 => {
                if oparg == INTRINSIC_LIST_TO_TUPLE {
                    if nextop == GET_ITER {
                        instrs[iu].set_op0(NOP);
                    } else {
                        fold::fold_intrinsic_list_to_tuple(vm, instrs, iu, consts)?;
                    }
                } else if oparg == INTRINSIC_UNARY_POSITIVE {
                    fold::fold_const_unaryop(vm, instrs, iu, consts)?;
                }
            }
            BINARY_OP => {
                fold::fold_const_binop(vm, instrs, iu, consts)?;
            }
            _ => {}
        }
        i += 1;
    }

    let instrs = &mut g.blocks[b].instrs;
    let mut i = 0;
    while i < instrs.len() {
        if instrs[i].opcode == SWAP {
            swaptimize(instrs, &mut i);
            apply_static_swaps(instrs, i as isize);
        }
        i += 1;
    }
    Ok(())
}

/// The deepest `SWAP` run `swaptimize` simulates.
const MAX_SWAP_DEPTH: i32 = 1 << 24;

/// Marks a slot of `swaptimize`'s permutation as done.
const VISITED: i32 = -1;

/// `swaptimize`: replaces the run of SWAPs and NOPs starting at `*ix` by
/// the fewest SWAPs with the same effect, leaving `*ix` on its last
/// instruction.
fn swaptimize(instrs: &mut [CfgInstr], ix: &mut usize) {
    let start = *ix;
    let mut depth = instrs[start].oparg;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - start;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let op = instrs[start + len].opcode;
        if op == SWAP {
            depth = depth.max(instrs[start + len].oparg);
            more = true;
        } else if op != NOP {
            break;
        }
    }
    // A SWAP deeper than any stack the code object could have (its stack
    // size is capped at 2**24) is left alone rather than simulated.
    if !more || !(1..=MAX_SWAP_DEPTH).contains(&depth) {
        return;
    }
    let mut stack: Vec<i32> = (0..depth).collect();
    for k in 0..len {
        let instr = instrs[start + k];
        if instr.opcode == SWAP {
            let j = (instr.oparg - 1) as usize;
            if j < stack.len() {
                stack.swap(0, j);
            }
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i as usize] == VISITED || stack[i as usize] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 && current >= 0 {
                let instr = &mut instrs[start + current as usize];
                instr.opcode = SWAP;
                instr.oparg = j + 1;
                current -= 1;
            }
            if stack[j as usize] == VISITED {
                break;
            }
            let next_j = stack[j as usize];
            stack[j as usize] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].set_op0(NOP);
        current -= 1;
    }
    *ix += len - 1;
}

/// `SWAPPABLE`: instructions that only consume the top of the stack and
/// cannot run code or jump.
fn swappable(op: u16) -> bool {
    op == STORE_FAST || op == STORE_FAST_MAYBE_NULL || op == POP_TOP
}

/// `STORES_TO`: the local a store writes, or -1.
fn stores_to(instr: &CfgInstr) -> i32 {
    if instr.opcode == STORE_FAST || instr.opcode == STORE_FAST_MAYBE_NULL {
        instr.oparg
    } else {
        -1
    }
}

/// `next_swappable_instruction`: the next swappable instruction after
/// `i` (skipping NOPs), on line `lineno` if that is not negative.
fn next_swappable_instruction(instrs: &[CfgInstr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        let instr = instrs.get(i)?;
        if lineno >= 0 && instr.loc.lineno != lineno {
            return None;
        }
        if instr.opcode == NOP {
            continue;
        }
        return swappable(instr.opcode).then_some(i);
    }
}

/// `apply_static_swaps`: turns `SWAP n` followed by stores/pops into the
/// same stores/pops in swapped order.
fn apply_static_swaps(instrs: &mut [CfgInstr], mut i: isize) {
    while i >= 0 {
        let swap = instrs[i as usize];
        if swap.opcode != SWAP {
            if swap.opcode == NOP || swappable(swap.opcode) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, i as usize, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        let mut count = swap.oparg - 1;
        while count > 0 {
            match next_swappable_instruction(instrs, k, lineno) {
                Some(next) => k = next,
                None => return,
            }
            count -= 1;
        }
        let store_j = stores_to(&instrs[j]);
        let store_k = stores_to(&instrs[k]);
        if store_j >= 0 || store_k >= 0 {
            if store_j == store_k {
                return;
            }
            for instr in &instrs[j + 1..k] {
                let store_idx = stores_to(instr);
                if store_idx >= 0 && (store_idx == store_j || store_idx == store_k) {
                    return;
                }
            }
        }
        instrs[i as usize].set_op0(NOP);
        instrs.swap(j, k);
        i -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn swap(n: i32) -> CfgInstr {
        CfgInstr::new(SWAP, n, Location::line(1))
    }

    #[test]
    fn swaptimize_cancels_double_swaps() {
        let mut instrs = vec![
            swap(2),
            swap(2),
            CfgInstr::new(POP_TOP, 0, Location::line(1)),
        ];
        let mut i = 0;
        swaptimize(&mut instrs, &mut i);
        assert_eq!(i, 1);
        assert!(instrs[..2].iter().all(|x| x.opcode == NOP));
    }

    /// Applies the SWAPs of `instrs` to `0..depth`.
    fn permutation(instrs: &[CfgInstr], depth: usize) -> Vec<usize> {
        let mut stack: Vec<usize> = (0..depth).collect();
        for i in instrs.iter().filter(|i| i.opcode == SWAP) {
            stack.swap(0, i.oparg as usize - 1);
        }
        stack
    }

    #[test]
    fn swaptimize_keeps_the_permutation_with_fewer_swaps() {
        let runs = [
            vec![swap(3), swap(2), swap(3), swap(2), swap(3)],
            vec![swap(2), swap(4), swap(2), swap(3)],
            vec![swap(3), swap(3)],
        ];
        for run in runs {
            let mut instrs = run.clone();
            let mut i = 0;
            swaptimize(&mut instrs, &mut i);
            assert_eq!(i, run.len() - 1);
            assert_eq!(permutation(&instrs, 4), permutation(&run, 4));
            let count = |v: &[CfgInstr]| v.iter().filter(|x| x.opcode == SWAP).count();
            assert!(count(&instrs) <= count(&run));
        }
        // Two rotations of three cancel out entirely.
        let mut instrs = vec![swap(3), swap(3)];
        swaptimize(&mut instrs, &mut 0);
        assert!(instrs.iter().all(|x| x.opcode == NOP));
    }

    #[test]
    fn static_swap_reorders_stores() {
        let st = |n| CfgInstr::new(STORE_FAST, n, Location::line(1));
        let mut instrs = vec![swap(2), st(0), st(1)];
        apply_static_swaps(&mut instrs, 0);
        let ops: Vec<_> = instrs.iter().map(|x| (x.opcode, x.oparg)).collect();
        assert_eq!(ops, vec![(NOP, 0), (STORE_FAST, 1), (STORE_FAST, 0)]);
    }
}
