//! The assembler proper (`Python/assemble.c`): unconditional jumps get
//! their direction, jump opargs become code-unit distances (with
//! `EXTENDED_ARG` prefixes, to a fixed point), and the instructions are
//! written as code units with their inline caches, together with the
//! location table and the exception table.

use super::finalize::SeqInstr;
use super::ops::*;
use crate::compile::location::Location;
use crate::opcode;

/// The distance, in code units, from a `SEND` to its `END_SEND` in the
/// `async for` sequence: `END_ASYNC_FOR` points at the `END_SEND` for
/// `sys.monitoring`, while its target is the `SEND` (`END_SEND_OFFSET`).
const END_SEND_OFFSET: i64 = 5;

/// `instr_size`: code units, `EXTENDED_ARG`s and caches included.
fn instr_size(op: u16, oparg: i32) -> usize {
    let arg = oparg as u32;
    let extended =
        usize::from(arg > 0xFF_FFFF) + usize::from(arg > 0xFFFF) + usize::from(arg > 0xFF);
    let caches = u8::try_from(op).map_or(0, opcode::cache_entries);
    extended + 1 + caches
}

/// `resolve_unconditional_jumps`: `JUMP` and `JUMP_NO_INTERRUPT` become
/// forward or backward jumps by where their target is.
fn resolve_unconditional_jumps(instrs: &mut [SeqInstr]) {
    for (i, instr) in instrs.iter_mut().enumerate() {
        let is_forward = instr.oparg > i as i32;
        match instr.opcode {
            JUMP => {
                instr.opcode = if is_forward {
                    JUMP_FORWARD
                } else {
                    JUMP_BACKWARD
                }
            }
            JUMP_NO_INTERRUPT => {
                instr.opcode = if is_forward {
                    JUMP_FORWARD
                } else {
                    JUMP_BACKWARD_NO_INTERRUPT
                }
            }
            _ => {}
        }
    }
}

/// `resolve_jump_offsets`: each jump's target index becomes a distance
/// from the end of the jump (its caches included). Returns every
/// instruction's code-unit offset.
fn resolve_jump_offsets(instrs: &mut [SeqInstr]) -> Result<Vec<usize>, &'static str> {
    let targets: Vec<Option<usize>> = instrs
        .iter()
        .map(|i| opcode::has_jump(i.opcode).then_some(i.oparg as usize))
        .collect();
    let mut offsets = vec![0usize; instrs.len()];
    loop {
        let mut total = 0;
        for (i, instr) in instrs.iter().enumerate() {
            offsets[i] = total;
            total += instr_size(instr.opcode, instr.oparg);
        }
        let mut recompile = false;
        let mut offset = 0usize;
        for (i, instr) in instrs.iter_mut().enumerate() {
            let isize = instr_size(instr.opcode, instr.oparg);
            offset += isize;
            let Some(target) = targets[i] else { continue };
            let Some(&target_offset) = offsets.get(target) else {
                return Err("jump target out of range");
            };
            let (t, o) = (target_offset as i64, offset as i64);
            let arg = if instr.opcode == END_ASYNC_FOR {
                o - t - END_SEND_OFFSET
            } else if t < o {
                if !opcode::is_backwards_jump(instr.opcode) {
                    return Err("forward jump to an earlier instruction");
                }
                o - t
            } else {
                if opcode::is_backwards_jump(instr.opcode) {
                    return Err("backward jump to a later instruction");
                }
                t - o
            };
            instr.oparg = i32::try_from(arg).map_err(|_| "jump too long")?;
            if instr.oparg < 0 {
                return Err("negative jump");
            }
            if instr_size(instr.opcode, instr.oparg) != isize {
                recompile = true;
            }
        }
        if !recompile {
            return Ok(offsets);
        }
    }
}

/// `write_instr`: the code units of one instruction.
fn write_instr(code: &mut Vec<u8>, op: u8, oparg: u32, size: usize) {
    let caches = opcode::cache_entries(op);
    let units = size - caches;
    for shift in (1..units).rev() {
        code.push(EXTENDED_ARG as u8);
        code.push((oparg >> (8 * shift)) as u8);
    }
    code.push(op);
    code.push(oparg as u8);
    for _ in 0..caches {
        code.push(CACHE as u8);
        code.push(0);
    }
}

/// The three byte strings of a code object.
pub(crate) struct Assembled {
    pub code: Vec<u8>,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
}

/// `_PyAssemble_MakeCodeObject` up to `makecode`: resolves jumps and
/// emits the code, location table and exception table.
pub(crate) fn assemble(
    mut instrs: Vec<SeqInstr>,
    firstlineno: i32,
) -> Result<Assembled, &'static str> {
    resolve_unconditional_jumps(&mut instrs);
    if instrs.iter().any(|i| opcode::is_pseudo(i.opcode)) {
        return Err("pseudo instruction left for the assembler");
    }
    let offsets = resolve_jump_offsets(&mut instrs)?;
    let mut code = Vec::new();
    for instr in &instrs {
        let size = instr_size(instr.opcode, instr.oparg);
        write_instr(&mut code, instr.opcode as u8, instr.oparg as u32, size);
    }
    let linetable = location_table(&mut instrs, firstlineno);
    let exceptiontable = exception_table(&instrs, &offsets)?;
    Ok(Assembled {
        code,
        linetable,
        exceptiontable,
    })
}

/// `assemble_emit_exception_table_item`: 6-bit groups, most significant
/// first, bit 6 marking continuation and bit 7 (`msb`) the entry start.
fn exception_table_item(out: &mut Vec<u8>, value: usize, mut msb: u8) {
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push((((value >> shift) & 0x3f) as u8) | 64 | msb);
            msb = 0;
        }
    }
    out.push(((value & 0x3f) as u8) | msb);
}

/// `assemble_exception_table`: one entry per run of instructions with the
/// same handler: start, length, handler offset, then depth and lasti.
fn exception_table(instrs: &[SeqInstr], offsets: &[usize]) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::new();
    let mut emit = |start: usize, end: usize, h: &super::finalize::Handler| {
        let Some(&target) = offsets.get(h.target) else {
            return Err("handler out of range");
        };
        let depth = i64::from(h.startdepth) - 1 - i64::from(h.preserve_lasti);
        if depth < 0 {
            return Err("handler with a negative stack depth");
        }
        let depth_lasti = ((depth as usize) << 1) | usize::from(h.preserve_lasti);
        exception_table_item(&mut out, start, 1 << 7);
        exception_table_item(&mut out, end - start, 0);
        exception_table_item(&mut out, target, 0);
        exception_table_item(&mut out, depth_lasti, 0);
        Ok(())
    };
    let mut current: Option<super::finalize::Handler> = None;
    let mut start = 0;
    let mut ioffset = 0;
    for instr in instrs {
        let label = instr.handler.map(|h| h.target);
        if label != current.map(|h| h.target) {
            if let Some(h) = current {
                emit(start, ioffset, &h)?;
            }
            start = ioffset;
            current = instr.handler;
        }
        ioffset += instr_size(instr.opcode, instr.oparg);
    }
    if let Some(h) = current {
        emit(start, ioffset, &h)?;
    }
    Ok(out)
}

/// `_PyCodeLocationInfoKind`.
mod kind {
    pub const SHORT0: u8 = 0;
    pub const ONE_LINE0: u8 = 10;
    pub const NO_COLUMNS: u8 = 13;
    pub const LONG: u8 = 14;
    pub const NONE: u8 = 15;
}

/// The location table writer (`struct assembler`'s location part).
struct LineTable {
    out: Vec<u8>,
    lineno: i32,
}

impl LineTable {
    /// `write_location_entry_start`.
    fn entry_start(&mut self, code: u8, length: usize) {
        self.out.push(128 | (code << 3) | (length as u8 - 1));
    }

    /// `write_varint`.
    fn varint(&mut self, mut val: u32) {
        while val >= 64 {
            self.out.push(64 | (val & 63) as u8);
            val >>= 6;
        }
        self.out.push(val as u8);
    }

    /// `write_signed_varint`.
    fn signed_varint(&mut self, val: i32) {
        let uval = if val < 0 {
            (val.unsigned_abs() << 1) | 1
        } else {
            (val as u32) << 1
        };
        self.varint(uval);
    }

    /// `write_location_info_entry`: one entry of at most 8 code units.
    fn entry(&mut self, loc: Location, isize: usize) {
        if loc.lineno < 0 {
            self.entry_start(kind::NONE, isize);
            return;
        }
        let line_delta = loc.lineno.wrapping_sub(self.lineno);
        let column = loc.col_offset;
        let end_column = loc.end_col_offset;
        if column < 0 || end_column < 0 {
            if loc.end_lineno == loc.lineno || loc.end_lineno == -1 {
                self.entry_start(kind::NO_COLUMNS, isize);
                self.signed_varint(line_delta);
                self.lineno = loc.lineno;
                return;
            }
        } else if loc.end_lineno == loc.lineno {
            if line_delta == 0 && column < 80 && end_column >= column && end_column - column < 16 {
                self.entry_start(kind::SHORT0 + (column >> 3) as u8, isize);
                self.out
                    .push((((column & 7) << 4) | (end_column - column)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
                self.entry_start(kind::ONE_LINE0 + line_delta as u8, isize);
                self.out.push(column as u8);
                self.out.push(end_column as u8);
                self.lineno = loc.lineno;
                return;
            }
        }
        self.entry_start(kind::LONG, isize);
        self.signed_varint(line_delta);
        self.varint(loc.end_lineno.wrapping_sub(loc.lineno) as u32);
        self.varint(loc.col_offset.wrapping_add(1) as u32);
        self.varint(loc.end_col_offset.wrapping_add(1) as u32);
        self.lineno = loc.lineno;
    }

    /// `assemble_emit_location`.
    fn emit(&mut self, loc: Location, mut isize: usize) {
        while isize > 8 {
            self.entry(loc, 8);
            isize -= 8;
        }
        if isize > 0 {
            self.entry(loc, isize);
        }
    }
}

/// `assemble_location_info`: `NEXT_LOCATION` resolved to the following
/// instruction's location (none for terminators), then one entry per run
/// of equal locations.
fn location_table(instrs: &mut [SeqInstr], firstlineno: i32) -> Vec<u8> {
    for i in (0..instrs.len()).rev() {
        if instrs[i].loc == Location::NEXT {
            instrs[i].loc = if opcode::is_terminator(instrs[i].opcode) || i + 1 == instrs.len() {
                Location::NONE
            } else {
                instrs[i + 1].loc
            };
        }
    }
    let mut t = LineTable {
        out: Vec::new(),
        lineno: firstlineno,
    };
    let mut loc = Location::NONE;
    let mut size = 0;
    for instr in instrs.iter() {
        if instr.loc != loc {
            t.emit(loc, size);
            loc = instr.loc;
            size = 0;
        }
        size += instr_size(instr.opcode, instr.oparg);
    }
    t.emit(loc, size);
    t.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn si(opcode: u16, oparg: i32, line: i32) -> SeqInstr {
        SeqInstr {
            opcode,
            oparg,
            loc: Location::new(line, line, 0, 1),
            handler: None,
        }
    }

    #[test]
    fn extended_args_and_caches_are_written() {
        let mut code = Vec::new();
        write_instr(
            &mut code,
            LOAD_CONST as u8,
            0x1234,
            instr_size(LOAD_CONST, 0x1234),
        );
        assert_eq!(code, vec![EXTENDED_ARG as u8, 0x12, LOAD_CONST as u8, 0x34]);
        let mut code = Vec::new();
        write_instr(&mut code, BINARY_OP as u8, 0, instr_size(BINARY_OP, 0));
        assert_eq!(code.len(), 2 * (1 + opcode::cache_entries(BINARY_OP as u8)));
    }

    #[test]
    fn jumps_get_distances_and_directions() {
        let mut instrs = vec![si(NOP, 0, 1), si(JUMP, 3, 1), si(NOP, 0, 1), si(JUMP, 0, 1)];
        resolve_unconditional_jumps(&mut instrs);
        assert_eq!(instrs[1].opcode, JUMP_FORWARD);
        assert_eq!(instrs[3].opcode, JUMP_BACKWARD);
        resolve_jump_offsets(&mut instrs).unwrap();
        assert_eq!(instrs[1].oparg, 1);
        // JUMP_BACKWARD has one cache unit: it ends at unit 5.
        assert_eq!(instrs[3].oparg, 5);
    }

    #[test]
    fn exception_table_varints() {
        let mut out = Vec::new();
        exception_table_item(&mut out, 100, 128);
        assert_eq!(out, vec![128 | 64 | 1, 36]);
    }

    #[test]
    fn location_forms() {
        let mut t = LineTable {
            out: Vec::new(),
            lineno: 1,
        };
        t.entry(Location::new(1, 1, 4, 5), 1);
        assert_eq!(t.out, vec![0x80, 0x41]);
        t.out.clear();
        t.entry(Location::new(2, 2, 0, 1), 2);
        assert_eq!(t.out, vec![128 | (11 << 3) | 1, 0, 1]);
        t.out.clear();
        t.entry(Location::NONE, 3);
        assert_eq!(t.out, vec![128 | (15 << 3) | 2]);
    }
}
