//! `calculate_stackdepth` (`Python/flowgraph.c`): the deepest the value
//! stack gets on any path, and each block's depth on entry.

use super::cfg::{BlockId, Cfg, CfgError, CfgResult};
use super::ops::END_ASYNC_FOR;
use crate::opcode;

/// `get_stack_effects`: the net effect of an instruction, `jump` choosing
/// the branch for the handler-pushing pseudo instructions. `None` for
/// specialised or unknown opcodes and impossible opargs.
pub(crate) fn stack_effect(op: u16, oparg: i32, jump: bool) -> Option<i32> {
    if let Ok(real) = u8::try_from(op)
        && real <= opcode::MAX_REAL_OPCODE
        && opcode::deopt(real) != real
    {
        return None;
    }
    let popped = opcode::num_popped(op, oparg as u32)?;
    let pushed = opcode::num_pushed(op, oparg as u32)?;
    if opcode::is_block_push(op) && !jump {
        return Some(0);
    }
    i32::try_from(i64::from(pushed) - i64::from(popped)).ok()
}

/// The deepest stack a code object may declare (`CodeObject::create`
/// refuses more). Checking it here also bounds what later passes
/// allocate per stack slot.
const MAX_STACK_DEPTH: i64 = 1 << 24;

impl Cfg {
    /// `stackdepth_push`.
    fn stackdepth_push(&mut self, stack: &mut Vec<BlockId>, b: BlockId, depth: i32) -> CfgResult {
        let start = self.blocks[b].startdepth;
        if !(start < 0 || start == depth) {
            return Err(CfgError::Value(
                "Invalid CFG, inconsistent stackdepth".into(),
            ));
        }
        if start < depth && start < 100 {
            self.blocks[b].startdepth = depth;
            stack.push(b);
        }
        Ok(())
    }

    /// `calculate_stackdepth`: the maximum depth, with every reachable
    /// block's `startdepth` set.
    pub(crate) fn calculate_stackdepth(&mut self) -> CfgResult<i32> {
        for b in self.order() {
            self.blocks[b].startdepth = i32::MIN;
        }
        let mut stack = Vec::new();
        let mut maxdepth = 0;
        let entry = self.entry;
        self.stackdepth_push(&mut stack, entry, 0)?;
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for i in 0..self.blocks[b].instrs.len() {
                let instr = self.blocks[b].instrs[i];
                let invalid = || {
                    CfgError::System(format!(
                        "Invalid stack effect for opcode={}, arg={}",
                        instr.opcode, instr.oparg
                    ))
                };
                let effect = stack_effect(instr.opcode, instr.oparg, false).ok_or_else(invalid)?;
                let new_depth = i64::from(depth) + i64::from(effect);
                if new_depth < 0 {
                    return Err(CfgError::Value("Invalid CFG, stack underflow".into()));
                }
                if new_depth > MAX_STACK_DEPTH {
                    return Err(CfgError::System("stack too deep".into()));
                }
                let new_depth = new_depth as i32;
                maxdepth = maxdepth.max(depth);
                if opcode::has_target(instr.opcode) && instr.opcode != END_ASYNC_FOR {
                    let jump_effect =
                        stack_effect(instr.opcode, instr.oparg, true).ok_or_else(invalid)?;
                    let target_depth = i64::from(depth) + i64::from(jump_effect);
                    if !(0..=MAX_STACK_DEPTH).contains(&target_depth) {
                        return Err(CfgError::System("stack too deep".into()));
                    }
                    let target_depth = target_depth as i32;
                    if let Some(t) = instr.target {
                        self.stackdepth_push(&mut stack, t, target_depth)?;
                    }
                }
                depth = new_depth;
                if opcode::is_unconditional_jump(instr.opcode)
                    || opcode::is_scope_exit(instr.opcode)
                {
                    next = None;
                    break;
                }
            }
            if let Some(next) = next {
                self.stackdepth_push(&mut stack, next, depth)?;
            }
        }
        Ok(maxdepth)
    }
}
