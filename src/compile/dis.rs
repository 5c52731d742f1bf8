//! A disassembler whose output is what python3.14's `dis.dis(code)` prints
//! for a code object (a port of `Lib/dis.py`: `_disassemble_recursive`,
//! `disassemble`, `_unpack_opargs`, `findlabels`, `findlinestarts`,
//! `_parse_exception_table`, `ArgResolver.get_argval_argrepr` and
//! `Formatter.print_instruction_line`), with `dis`'s defaults: no
//! offsets, no positions, caches hidden, the unspecialised code.
//!
//! Nested code objects in `co_consts` are disassembled after their parent,
//! depth first, as `dis.dis` does. Their reprs carry an address, which
//! differs from run to run (and from CPython's) as it does in CPython.
//!
//! What it must not do: panic on any code object. It walks the code units
//! without trusting them; an argument that indexes outside its table
//! raises `IndexError`, as `dis` does.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::objects::code::{CodeObject, code_obj};
use crate::objects::tuple::tuple_items;
use crate::objects::{Obj, PyResult, Vm};
use crate::opcode::{self, op};

/// `_OPNAME_WIDTH`.
const OPNAME_WIDTH: usize = 20;
/// `_OPARG_WIDTH`.
const OPARG_WIDTH: usize = 5;
/// `_NO_LINENO`.
const NO_LINENO: &str = "  --";

/// `dis.dis(code)`: the disassembly of `code` and of every code object
/// nested in its constants.
pub fn disassemble(vm: &mut Vm, code: &Obj) -> PyResult<String> {
    if code.downcast::<CodeObject>().is_none() {
        let name = code.class().name().to_string();
        return Err(vm.type_error(format!("don't know how to disassemble {name} objects")));
    }
    let mut out = String::new();
    // Depth first, children in constant order, without recursion.
    let mut work: Vec<(Obj, bool)> = vec![(code.clone(), false)];
    while let Some((co, nested)) = work.pop() {
        if nested {
            let repr = vm.repr_string(&co)?;
            let _ = write!(out, "\nDisassembly of {repr}:\n");
        }
        disassemble_one(vm, code_obj(&co), &mut out)?;
        let children: Vec<Obj> = code_obj(&co)
            .consts()
            .iter()
            .filter(|c| c.downcast::<CodeObject>().is_some())
            .cloned()
            .collect();
        work.extend(children.into_iter().rev().map(|c| (c, true)));
    }
    Ok(out)
}

/// One decoded instruction (`_unpack_opargs`): `EXTENDED_ARG` prefixes
/// are instructions of their own.
struct Unpacked {
    /// Byte offset.
    offset: i64,
    /// The (unspecialised) opcode.
    op: u8,
    /// The argument with the prefixes folded in, `None` for opcodes
    /// without one.
    arg: Option<i64>,
}

/// `_deoptop`, applied to the whole code (`_get_code_array(co, False)`
/// reads `co_code`, which is unspecialised).
fn base(op: u8) -> u8 {
    opcode::base_opcode(op)
}

/// `_unpack_opargs`: instructions with their arguments, caches skipped.
fn unpack_opargs(code: &CodeObject) -> Vec<Unpacked> {
    const INT_OVERFLOW: i128 = 1 << 31;
    let mut out = Vec::new();
    let mut extended_arg: i128 = 0;
    let mut caches = 0usize;
    for (i, unit) in code.code.iter().enumerate() {
        if caches > 0 {
            caches -= 1;
            continue;
        }
        let deop = base(unit.op);
        caches = opcode::cache_entries(deop);
        let arg = if opcode::has_arg(u16::from(deop)) {
            let arg = i128::from(unit.arg) | extended_arg;
            extended_arg = if deop == op::EXTENDED_ARG {
                arg.wrapping_shl(8)
            } else {
                0
            };
            if extended_arg >= INT_OVERFLOW {
                extended_arg -= 2 * INT_OVERFLOW;
            }
            Some(arg as i64)
        } else {
            extended_arg = 0;
            None
        };
        out.push(Unpacked {
            offset: 2 * i as i64,
            op: deop,
            arg,
        });
    }
    out
}

/// `_is_backward_jump`.
fn is_backward_jump(op: u8) -> bool {
    matches!(
        op,
        op::JUMP_BACKWARD | op::JUMP_BACKWARD_NO_INTERRUPT | op::END_ASYNC_FOR
    )
}

/// `_get_jump_target`: the byte offset a jump lands on.
fn jump_target(op: u8, arg: i64, offset: i64) -> Option<i64> {
    if !opcode::has_jump(u16::from(op)) {
        return None;
    }
    let arg = if is_backward_jump(op) { -arg } else { arg };
    Some(offset + 2 + arg * 2 + 2 * opcode::cache_entries(op) as i64)
}

/// An entry of `_parse_exception_table`, in bytes.
struct ExceptionEntry {
    start: i64,
    end: i64,
    target: i64,
    depth: i64,
    lasti: bool,
}

/// `_parse_exception_table`: stops at the end of the data, dropping an
/// unfinished entry.
fn parse_exception_table(code: &CodeObject) -> Vec<ExceptionEntry> {
    let data = &code.exceptiontable;
    let mut pos = 0;
    let mut varint = || -> Option<i64> {
        let mut b = *data.get(pos)?;
        pos += 1;
        let mut val = i64::from(b & 63);
        while b & 64 != 0 {
            b = *data.get(pos)?;
            pos += 1;
            val = (val << 6) | i64::from(b & 63);
        }
        Some(val)
    };
    let mut entries = Vec::new();
    while let Some(start) = varint() {
        let (Some(length), Some(target), Some(dl)) = (varint(), varint(), varint()) else {
            break;
        };
        entries.push(ExceptionEntry {
            start: start * 2,
            end: start * 2 + length * 2,
            target: target * 2,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    entries
}

/// `findlinestarts`: the byte offsets where the line changes, with the
/// new line (`None` for no line).
fn find_linestarts(code: &CodeObject) -> BTreeMap<i64, Option<i32>> {
    let mut starts = BTreeMap::new();
    let mut last: Option<Option<i32>> = None;
    for r in crate::vm::linetable::line_ranges(code) {
        if last != Some(r.line) {
            last = Some(r.line);
            starts.insert(2 * r.start as i64, r.line);
        }
    }
    starts
}

/// `_get_lineno_width`.
fn lineno_width(linestarts: &BTreeMap<i64, Option<i32>>) -> usize {
    let max = linestarts
        .values()
        .filter_map(|l| l.filter(|&l| l != 0))
        .max();
    let Some(max) = max else {
        return 0;
    };
    let width = 3.max(max.to_string().len());
    if width < NO_LINENO.len() && linestarts.values().any(|l| l.is_none()) {
        NO_LINENO.len()
    } else {
        width
    }
}

/// Python's `seq[i]` on a tuple of objects (negative indices count from
/// the end); `IndexError` outside.
fn tuple_index<'a>(vm: &mut Vm, items: &'a [Obj], i: i64) -> PyResult<&'a Obj> {
    let n = items.len() as i64;
    let k = if i < 0 { i + n } else { i };
    if (0..n).contains(&k) {
        Ok(&items[k as usize])
    } else {
        Err(vm.index_error("tuple index out of range"))
    }
}

/// `co._varname_from_oparg(i)`.
fn varname(vm: &mut Vm, code: &CodeObject, i: i64) -> PyResult<String> {
    let names = code.localsplusnames();
    match usize::try_from(i).ok().and_then(|k| names.get(k)) {
        Some(n) => Ok(crate::objects::str::str_value(n).to_string()),
        None => Err(vm.index_error("tuple index out of range")),
    }
}

fn name_at(vm: &mut Vm, code: &CodeObject, i: i64) -> PyResult<String> {
    let names = tuple_items(&code.names).unwrap_or(&[]);
    let n = tuple_index(vm, names, i)?;
    Ok(crate::objects::str::str_value(n).to_string())
}

/// `ArgResolver.get_argval_argrepr`, the repr part.
fn argrepr(
    vm: &mut Vm,
    code: &CodeObject,
    labels: &BTreeMap<i64, usize>,
    op: u8,
    arg: i64,
    offset: i64,
) -> PyResult<String> {
    let op16 = u16::from(op);
    if opcode::has_const(op16) {
        let consts = tuple_items(&code.consts).unwrap_or(&[]);
        let c = tuple_index(vm, consts, arg)?.clone();
        return vm.repr_string(&c);
    }
    if opcode::has_name(op16) {
        return Ok(match op {
            op::LOAD_GLOBAL => {
                let name = name_at(vm, code, arg >> 1)?;
                if arg & 1 != 0 && !name.is_empty() {
                    format!("{name} + NULL")
                } else {
                    name
                }
            }
            op::LOAD_ATTR | op::LOAD_SUPER_ATTR => {
                let shift = if op == op::LOAD_ATTR { 1 } else { 2 };
                let name = name_at(vm, code, arg >> shift)?;
                if arg & 1 != 0 && !name.is_empty() {
                    format!("{name} + NULL|self")
                } else {
                    name
                }
            }
            _ => name_at(vm, code, arg)?,
        });
    }
    if opcode::has_jump(op16) {
        let target = jump_target(op, arg, offset).unwrap_or(offset);
        let preposition = if op == op::END_ASYNC_FOR {
            "from"
        } else {
            "to"
        };
        return Ok(match labels.get(&target) {
            Some(l) => format!("{preposition} L{l}"),
            None => format!("{preposition} LNone"),
        });
    }
    if matches!(
        op,
        op::LOAD_FAST_LOAD_FAST
            | op::LOAD_FAST_BORROW_LOAD_FAST_BORROW
            | op::STORE_FAST_LOAD_FAST
            | op::STORE_FAST_STORE_FAST
    ) {
        let first = varname(vm, code, arg >> 4)?;
        let second = varname(vm, code, arg & 15)?;
        return Ok(format!("{first}, {second}"));
    }
    if opcode::has_local(op16) || opcode::has_free(op16) {
        return varname(vm, code, arg);
    }
    match u32::try_from(arg) {
        Ok(a) => match opcode::simple_argrepr(op, a) {
            Some(text) => Ok(text.into_owned()),
            None if has_table(op) => Err(vm.index_error("list index out of range")),
            None => Ok(String::new()),
        },
        Err(_) if has_table(op) => Err(vm.index_error("list index out of range")),
        Err(_) => Ok(String::new()),
    }
}

/// The opcodes whose argument `dis` looks up in a table.
fn has_table(op: u8) -> bool {
    opcode::simple_argrepr(op, 0).is_some() || op == op::BINARY_OP || op == op::COMPARE_OP
}

/// `disassemble(co)` for one code object.
fn disassemble_one(vm: &mut Vm, code: &CodeObject, out: &mut String) -> PyResult<()> {
    let instrs = unpack_opargs(code);
    let linestarts = find_linestarts(code);
    let entries = parse_exception_table(code);
    // `_make_labels_map`.
    let mut targets: Vec<i64> = instrs
        .iter()
        .filter_map(|i| i.arg.and_then(|a| jump_target(i.op, a, i.offset)))
        .collect();
    for e in &entries {
        targets.extend([e.start, e.end, e.target]);
    }
    targets.sort_unstable();
    targets.dedup();
    let labels: BTreeMap<i64, usize> = targets
        .iter()
        .enumerate()
        .map(|(i, &offset)| (offset, i + 1))
        .collect();
    let lineno_width = lineno_width(&linestarts);
    let label_width = 4 + labels.len().to_string().len();

    for instr in &instrs {
        let starts_line = linestarts.get(&instr.offset);
        if lineno_width > 0 && starts_line.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            fields.push(match starts_line {
                Some(Some(line)) => format!("{line:>lineno_width$}"),
                Some(None) => format!("{NO_LINENO:>lineno_width$}"),
                None => " ".repeat(lineno_width),
            });
        }
        fields.push(match labels.get(&instr.offset) {
            Some(l) => format!("{:>label_width$}", format!("L{l}:")),
            None => " ".repeat(label_width),
        });
        fields.push("   ".to_string());
        let name = opname(instr.op);
        fields.push(format!("{name:<OPNAME_WIDTH$}"));
        if let Some(arg) = instr.arg {
            let excess = name.len().saturating_sub(OPNAME_WIDTH);
            let width = OPARG_WIDTH.saturating_sub(excess);
            fields.push(format!("{arg:>width$}"));
            let repr = argrepr(vm, code, &labels, instr.op, arg, instr.offset)?;
            if !repr.is_empty() {
                fields.push(format!("({repr})"));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &entries {
            let lasti = if e.lasti { " lasti" } else { "" };
            let label = |o: i64| labels.get(&o).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "  L{} to L{} -> L{} [{}]{lasti}",
                label(e.start),
                label(e.end),
                label(e.target),
                e.depth
            );
        }
    }
    Ok(())
}

/// `_all_opname[op]`: `<N>` for a number CPython does not assign.
fn opname(op: u8) -> String {
    if opcode::is_valid(u16::from(op)) {
        opcode::name(u16::from(op)).to_string()
    } else {
        format!("<{op}>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jump_targets_count_caches_and_direction() {
        // JUMP_BACKWARD has one cache unit.
        assert_eq!(jump_target(op::JUMP_BACKWARD, 3, 10), Some(10 + 2 - 6 + 2));
        assert_eq!(jump_target(op::JUMP_FORWARD, 2, 0), Some(6));
        assert_eq!(jump_target(op::LOAD_CONST, 2, 0), None);
    }

    #[test]
    fn unknown_opcodes_are_named_by_number() {
        assert_eq!(opname(121), "<121>");
        assert_eq!(opname(op::NOP), "NOP");
    }
}
