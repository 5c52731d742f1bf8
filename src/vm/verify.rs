//! Checks bytecode before it may run (a safe twin of the eval loop's
//! unchecked accesses, in the spirit of a JVM verifier).
//!
//! CPython trusts its bytecode; pyrs must not crash on a hostile `.pyc`.
//! The handlers index locals, constants and names and move the stack
//! pointer without bounds checks (see `regs.rs`), which is sound only for
//! code that passed this check:
//! - every instruction decodes (EXTENDED_ARG prefixes, inline caches) and
//!   no path runs off the end of the code;
//! - every constant, name and local index and every jump target is valid;
//! - the stack depth, followed along every path (exception handlers
//!   included, as `flowgraph.c`'s `stackdepth` does), never goes below zero
//!   or above `co_stacksize`, is the same wherever paths meet, and covers
//!   what COPY, SWAP and the handlers' depths need.

use crate::objects::code::CodeObject;
use crate::opcode::{self, op};
use crate::vm::exception_table;

/// A decoded instruction.
#[derive(Clone, Copy, Debug)]
struct Inst {
    /// First code unit, including EXTENDED_ARG prefixes.
    start: usize,
    /// The unit holding the opcode itself.
    at: usize,
    op: u8,
    base: u8,
    oparg: u32,
    /// The next instruction's first unit.
    next: usize,
}

fn decode(code: &CodeObject) -> Result<(Vec<Inst>, Vec<Option<usize>>), String> {
    let units = &code.code;
    let n = units.len();
    let mut insts = Vec::new();
    // index_of[unit] = the instruction starting at that unit.
    let mut index_of = vec![None; n + 1];
    let mut i = 0;
    while i < n {
        let start = i;
        let mut oparg: u32 = 0;
        while units[i].op == op::EXTENDED_ARG {
            oparg = (oparg << 8) | units[i].arg as u32;
            i += 1;
            if i >= n {
                return Err("EXTENDED_ARG at the end of the code".into());
            }
        }
        let o = units[i].op;
        let oparg = (oparg << 8) | units[i].arg as u32;
        let next = i + 1 + opcode::cache_entries(o);
        if next > n {
            return Err(format!(
                "instruction at {start} runs past the end of the code"
            ));
        }
        index_of[start] = Some(insts.len());
        insts.push(Inst {
            start,
            at: i,
            op: o,
            base: opcode::base_opcode(o),
            oparg,
            next,
        });
        i = next;
    }
    Ok((insts, index_of))
}

/// Whether control never falls through to the next instruction.
fn is_terminator(base: u8) -> bool {
    matches!(
        base,
        op::RETURN_VALUE
            | op::RAISE_VARARGS
            | op::RERAISE
            | op::JUMP_FORWARD
            | op::JUMP_BACKWARD
            | op::JUMP_BACKWARD_NO_INTERRUPT
    )
}

/// Checks the operands that index tables of the code object.
fn check_operands(code: &CodeObject, i: &Inst) -> Result<(), String> {
    let nlocals = code.nlocalsplus as usize;
    let nconsts = code.consts().len();
    let nnames = code.names().len();
    let oparg = i.oparg as usize;
    let bad = |what: &str| {
        Err(format!(
            "{} at {} has an invalid {what} index {oparg}",
            opcode::name(i.op as u16),
            i.start
        ))
    };
    match i.base {
        op::LOAD_CONST if oparg >= nconsts => return bad("constant"),
        op::LOAD_GLOBAL | op::LOAD_ATTR if oparg >> 1 >= nnames => return bad("name"),
        op::LOAD_SUPER_ATTR if oparg >> 2 >= nnames => return bad("name"),
        op::LOAD_GLOBAL | op::LOAD_ATTR | op::LOAD_SUPER_ATTR => {}
        b if opcode::has_name(b as u16) && oparg >= nnames => return bad("name"),
        op::LOAD_FAST_LOAD_FAST
        | op::LOAD_FAST_BORROW_LOAD_FAST_BORROW
        | op::STORE_FAST_LOAD_FAST
        | op::STORE_FAST_STORE_FAST
            if oparg >> 4 >= nlocals || oparg & 15 >= nlocals =>
        {
            return bad("local");
        }
        op::LOAD_FAST_LOAD_FAST
        | op::LOAD_FAST_BORROW_LOAD_FAST_BORROW
        | op::STORE_FAST_LOAD_FAST
        | op::STORE_FAST_STORE_FAST => {}
        op::COPY_FREE_VARS if oparg > nlocals => return bad("free variable count"),
        b if opcode::has_local(b as u16) && oparg >= nlocals => return bad("local"),
        _ => {}
    }
    Ok(())
}

/// Verifies `code` (not the code objects among its constants: each is
/// verified when it is created).
pub fn verify(code: &CodeObject) -> Result<(), String> {
    if code.code.is_empty() {
        return Err("empty code".into());
    }
    let (insts, index_of) = decode(code)?;
    for i in &insts {
        check_operands(code, i)?;
        if i.op == op::INTERPRETER_EXIT {
            return Err(format!(
                "INTERPRETER_EXIT at {} outside the interpreter's shim",
                i.start
            ));
        }
    }
    let handlers: Vec<exception_table::Handler> = {
        let mut v = Vec::new();
        for h in exception_table::entries(&code.exceptiontable) {
            let h = h.ok_or("malformed exception table")?;
            if h.end > code.code.len()
                || h.start >= h.end
                || index_of.get(h.target).copied().flatten().is_none()
            {
                return Err(format!("exception table entry {h:?} is out of range"));
            }
            v.push(h);
        }
        v
    };
    let stacksize = code.stacksize as i64;
    let mut depth: Vec<Option<i64>> = vec![None; insts.len()];
    let mut work: Vec<usize> = Vec::new();
    let visit = |target_unit: usize,
                 d: i64,
                 depth: &mut Vec<Option<i64>>,
                 work: &mut Vec<usize>|
     -> Result<(), String> {
        let Some(Some(idx)) = index_of.get(target_unit).copied() else {
            return Err(format!(
                "jump to {target_unit}, which is not an instruction"
            ));
        };
        if d < 0 || d > stacksize {
            return Err(format!(
                "stack depth {d} at {target_unit} is outside 0..={stacksize}"
            ));
        }
        match depth[idx] {
            None => {
                depth[idx] = Some(d);
                work.push(idx);
            }
            Some(old) if old != d => {
                return Err(format!(
                    "inconsistent stack depth at {target_unit}: {old} and {d}"
                ));
            }
            Some(_) => {}
        }
        Ok(())
    };
    visit(0, 0, &mut depth, &mut work)?;
    while let Some(idx) = work.pop() {
        let i = insts[idx];
        let d = depth[idx].unwrap_or(0);
        for h in &handlers {
            if h.start <= i.start && i.start < h.end {
                if (h.depth as i64) > d {
                    return Err(format!(
                        "handler at {} expects depth {} above the stack at {}",
                        h.target, h.depth, i.start
                    ));
                }
                let hd = h.depth as i64 + i64::from(h.lasti) + 1;
                visit(h.target, hd, &mut depth, &mut work)?;
            }
        }
        if !opcode::is_valid(i.op as u16)
            || matches!(
                i.base,
                op::INSTRUMENTED_LINE | op::INSTRUMENTED_INSTRUCTION | op::ENTER_EXECUTOR
            )
        {
            // Raises SystemError when reached.
            continue;
        }
        let (Some(popped), Some(pushed)) = (
            opcode::num_popped(i.base as u16, i.oparg),
            opcode::num_pushed(i.base as u16, i.oparg),
        ) else {
            continue;
        };
        let (popped, pushed) = (popped as i64, pushed as i64);
        if d < popped {
            return Err(format!(
                "{} at {} pops {popped} values from a stack of {d}",
                opcode::name(i.op as u16),
                i.start
            ));
        }
        match i.base {
            op::COPY if i.oparg == 0 => return Err(format!("COPY 0 at {}", i.start)),
            op::SWAP if i.oparg < 2 => return Err(format!("SWAP {} at {}", i.oparg, i.start)),
            _ => {}
        }
        let after = d - popped + pushed;
        if after > stacksize {
            return Err(format!(
                "{} at {} overflows the stack ({after} > {stacksize})",
                opcode::name(i.op as u16),
                i.start
            ));
        }
        let after_caches = i.at + 1 + opcode::cache_entries(i.base);
        match i.base {
            op::FOR_ITER => {
                // Exhaustion jumps past the END_FOR at the target, keeping
                // the iterator.
                let target = after_caches + i.oparg as usize + 1;
                visit(target, d, &mut depth, &mut work)?;
            }
            op::RETURN_VALUE | op::RAISE_VARARGS | op::RERAISE => continue,
            // Its oparg points back at the END_SEND only so that branch
            // monitoring can name the source; it never jumps.
            op::END_ASYNC_FOR => {}
            _ => {
                if let Some(target) = opcode::jump_target(i.op, i.at, i.oparg) {
                    let jd = d + opcode::stack_effect(i.base as u16, i.oparg, Some(true))
                        .unwrap_or(0) as i64;
                    visit(target, jd, &mut depth, &mut work)?;
                }
            }
        }
        if is_terminator(i.base) {
            continue;
        }
        if i.next >= code.code.len() {
            return Err(format!(
                "{} at {} falls off the end of the code",
                opcode::name(i.op as u16),
                i.start
            ));
        }
        visit(i.next, after, &mut depth, &mut work)?;
    }
    Ok(())
}
