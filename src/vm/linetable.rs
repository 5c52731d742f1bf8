//! The location table of a code object (PEP 626/657 format, written by
//! `Python/assemble.c`, read by `Objects/codeobject.c`): for each run of code
//! units, the line, end line, column and end column (UTF-8 byte offsets).

use crate::objects::code::CodeObject;

/// A source position of an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Location {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub col: Option<i32>,
    pub end_col: Option<i32>,
}

/// A run of code units `[start, end)` sharing one location.
#[derive(Clone, Copy, Debug)]
pub struct Range {
    pub start: usize,
    pub end: usize,
    pub line: Option<i32>,
    pub loc: Location,
}

fn read_varint(data: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *data.get(*pos)?;
    *pos += 1;
    let mut val = (b & 63) as u32;
    let mut shift = 6;
    while b & 64 != 0 {
        b = *data.get(*pos)?;
        *pos += 1;
        if shift >= 32 {
            return None;
        }
        val |= ((b & 63) as u32) << shift;
        shift += 6;
    }
    Some(val)
}

fn read_signed(data: &[u8], pos: &mut usize) -> Option<i32> {
    let u = read_varint(data, pos)?;
    Some(if u & 1 != 0 {
        -((u >> 1) as i32)
    } else {
        (u >> 1) as i32
    })
}

/// Decodes the whole table (CPython's `_PyLineTable_NextAddressRange` and
/// `_PyCode_InitAddressRange`). Stops quietly at malformed data.
pub fn ranges(code: &CodeObject) -> Vec<Range> {
    let data = &code.linetable;
    let mut out = Vec::new();
    let mut pos = 0;
    let mut line = code.firstlineno;
    let mut addr = 0usize;
    while pos < data.len() {
        let first = data[pos];
        pos += 1;
        if first & 0x80 == 0 {
            break;
        }
        let kind = (first >> 3) & 15;
        let len = (first & 7) as usize + 1;
        let loc = match kind {
            15 => Some(Location::default()),
            14 => (|| {
                let dl = read_signed(data, &mut pos)?;
                line += dl;
                let end = line + read_varint(data, &mut pos)? as i32;
                let col = read_varint(data, &mut pos)? as i32 - 1;
                let end_col = read_varint(data, &mut pos)? as i32 - 1;
                Some(Location {
                    line: Some(line),
                    end_line: Some(end),
                    col: (col >= 0).then_some(col),
                    end_col: (end_col >= 0).then_some(end_col),
                })
            })(),
            13 => (|| {
                line += read_signed(data, &mut pos)?;
                Some(Location {
                    line: Some(line),
                    end_line: Some(line),
                    col: None,
                    end_col: None,
                })
            })(),
            10..=12 => (|| {
                line += (kind - 10) as i32;
                let col = *data.get(pos)? as i32;
                let end_col = *data.get(pos + 1)? as i32;
                pos += 2;
                Some(Location {
                    line: Some(line),
                    end_line: Some(line),
                    col: Some(col),
                    end_col: Some(end_col),
                })
            })(),
            _ => (|| {
                let second = *data.get(pos)? as i32;
                pos += 1;
                let col = (kind as i32) * 8 + ((second >> 4) & 7);
                Some(Location {
                    line: Some(line),
                    end_line: Some(line),
                    col: Some(col),
                    end_col: Some(col + (second & 15)),
                })
            })(),
        };
        let Some(loc) = loc else { break };
        out.push(Range {
            start: addr,
            end: addr + len,
            line: loc.line,
            loc,
        });
        addr += len;
    }
    out
}

/// The line runs, with adjacent runs of the same line merged (`co_lines`).
pub fn line_ranges(code: &CodeObject) -> Vec<Range> {
    let mut out: Vec<Range> = Vec::new();
    for r in ranges(code) {
        match out.last_mut() {
            Some(last) if last.line == r.line && last.end == r.start => last.end = r.end,
            _ => out.push(r),
        }
    }
    out
}

/// The location of the instruction at code unit `index`.
pub fn addr2location(code: &CodeObject, index: usize) -> Location {
    ranges(code)
        .into_iter()
        .find(|r| r.start <= index && index < r.end)
        .map(|r| r.loc)
        .unwrap_or_default()
}

/// The line of the instruction at code unit `index` (`PyCode_Addr2Line`).
pub fn addr2line(code: &CodeObject, index: usize) -> Option<i32> {
    addr2location(code, index).line
}
