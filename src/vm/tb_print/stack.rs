//! The frames of a traceback and how each is shown: `traceback.py`'s
//! `FrameSummary`, `StackSummary._extract_from_extended_frame_gen` (with
//! `_walk_tb_with_full_positions`), `StackSummary.format_frame_summary`
//! and `StackSummary.format`.

use super::anchors::{self, Anchors, PRIMARY_CHAR, SECONDARY_CHAR};
use super::linecache::LineCache;
use super::text::{
    byte_offset_to_character_offset, char_len, char_slice, dedent, display_width, indent, lstrip,
    not_blank, py_index, rstrip, splitlines, strip,
};
use crate::objects::code::CodeObject;
use crate::objects::traceback::{FrameObject, TracebackObject, tb};
use crate::objects::{Obj, Vm, int};
use crate::vm::linetable::addr2location;

/// `traceback._RECURSIVE_CUTOFF`: identical consecutive frames shown
/// before "[Previous line repeated N more times]".
const RECURSIVE_CUTOFF: usize = 3;

/// More source lines than this for one frame (only a corrupt location
/// table asks for them) are not read.
const MAX_SPAN: i64 = 10_000;

/// `traceback.FrameSummary`, with its source lines read (`_lines`).
pub struct FrameSummary {
    pub filename: String,
    pub lineno: Option<i64>,
    pub end_lineno: Option<i64>,
    pub colno: Option<i64>,
    pub end_colno: Option<i64>,
    pub name: String,
    /// `_lines`: the lines `lineno..=end_lineno`, right-stripped, joined
    /// and ended by "\n"; None without line numbers.
    lines: Option<String>,
}

impl FrameSummary {
    /// `FrameSummary.__init__` plus `_set_lines`.
    /// `code_key` is the frame code's `(co_filename, co_qualname,
    /// co_firstlineno)`, for source registered by `-c`.
    fn new(
        vm: &mut Vm,
        cache: &mut LineCache,
        filename: String,
        name: String,
        pos: Pos,
        code_key: Option<(String, String, i32)>,
    ) -> Self {
        let end_lineno = pos.end_lineno.or(pos.lineno);
        let lines = match (pos.lineno, end_lineno) {
            (Some(first), Some(last)) => {
                let last = last.min(first.saturating_add(MAX_SPAN));
                let v: Vec<String> = (first..=last)
                    .map(|l| {
                        let line = rstrip(&cache.getline(vm, &filename, l)).to_string();
                        match &code_key {
                            Some(key) if line.is_empty() && filename.starts_with('<') => {
                                rstrip(&vm.registered_line(key, l)).to_string()
                            }
                            _ => line,
                        }
                    })
                    .collect();
                Some(v.join("\n") + "\n")
            }
            _ => None,
        };
        FrameSummary {
            filename,
            lineno: pos.lineno,
            end_lineno,
            colno: pos.colno,
            end_colno: pos.end_colno,
            name,
            lines,
        }
    }

    /// `FrameSummary.line`: the first line, stripped.
    fn line(&self) -> Option<&str> {
        let lines = self.lines.as_deref()?;
        Some(strip(lines.split('\n').next().unwrap_or("")))
    }
}

/// A position from the code object's location table (`co_positions`).
#[derive(Clone, Copy)]
struct Pos {
    lineno: Option<i64>,
    end_lineno: Option<i64>,
    colno: Option<i64>,
    end_colno: Option<i64>,
}

/// `sys.tracebacklimit`, when it is an int.
pub fn traceback_limit(vm: &mut Vm) -> Option<i64> {
    let v = vm.sys_attr("tracebacklimit").ok()?;
    let r = int::int_ref(&v)?;
    Some(
        r.to_i64()
            .unwrap_or(if r.is_negative() { i64::MIN } else { i64::MAX }),
    )
}

/// `StackSummary._extract_from_extended_frame_gen` over
/// `_walk_tb_with_full_positions(tb)`, with the `BUILTIN_EXCEPTION_LIMIT`
/// rule: `sys.tracebacklimit` keeps the last frames (and, as in
/// traceback.py, a limit above the number of frames slices from a
/// negative index).
pub fn extract(
    vm: &mut Vm,
    cache: &mut LineCache,
    first: Option<Obj>,
    limit: Option<i64>,
) -> Vec<FrameSummary> {
    let mut entries: Vec<Obj> = Vec::new();
    let mut cur = first;
    while let Some(t) = cur {
        let Some(next) = t.downcast::<TracebackObject>().map(|x| x.next.get()) else {
            break;
        };
        entries.push(t);
        cur = next;
    }
    if let Some(limit) = limit {
        let limit = limit.max(0);
        let n = i64::try_from(entries.len()).unwrap_or(i64::MAX);
        let (a, b) = super::text::slice_bounds(entries.len(), n.saturating_sub(limit), n);
        entries = entries[a..b].to_vec();
    }
    let mut out = Vec::with_capacity(entries.len());
    for t in &entries {
        let entry = tb(t);
        let Some(frame) = entry.frame.downcast::<FrameObject>() else {
            continue;
        };
        let Some(code) = frame.code.downcast::<CodeObject>() else {
            continue;
        };
        let loc = addr2location(code, entry.lasti);
        let pos = Pos {
            lineno: loc
                .line
                .or_else(|| code.addr2line(entry.lasti))
                .map(i64::from),
            end_lineno: loc.end_line.map(i64::from),
            colno: loc.col.map(i64::from),
            end_colno: loc.end_col.map(i64::from),
        };
        let key = (
            code.filename_str().to_string(),
            code.qualname_str().to_string(),
            code.firstlineno,
        );
        out.push(FrameSummary::new(
            vm,
            cache,
            code.filename_str().to_string(),
            code.name_str().to_string(),
            pos,
            Some(key),
        ));
    }
    out
}

/// `StackSummary.format`: each frame's text, runs of more than three
/// identical frames (file, line, name) cut short.
pub fn format_stack(stack: &[FrameSummary]) -> Vec<String> {
    let mut result = Vec::new();
    let mut last: Option<(&str, i64, &str)> = None;
    let mut count = 0usize;
    for fs in stack {
        let same = match (last, fs.lineno) {
            (Some((f, l, n)), Some(line)) => f == fs.filename && l == line && n == fs.name,
            _ => false,
        };
        if !same {
            if count > RECURSIVE_CUTOFF {
                result.push(repeated(count - RECURSIVE_CUTOFF));
            }
            last = fs
                .lineno
                .map(|l| (fs.filename.as_str(), l, fs.name.as_str()));
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        result.push(format_frame_summary(fs));
    }
    if count > RECURSIVE_CUTOFF {
        result.push(repeated(count - RECURSIVE_CUTOFF));
    }
    result
}

/// A frame as the C traceback printer shows it (`tb_displayline`, used
/// for unraisable exceptions): the "File" line and the stripped source
/// line, no markers.
pub fn format_frame_plain(fs: &FrameSummary) -> String {
    let lineno = fs
        .lineno
        .map_or_else(|| "None".to_string(), |l| l.to_string());
    let mut row = format!(
        "  File \"{}\", line {lineno}, in {}\n",
        fs.filename, fs.name
    );
    if let Some(line) = fs.line().filter(|l| !l.is_empty()) {
        row.push_str("    ");
        row.push_str(line);
        row.push('\n');
    }
    row
}

fn repeated(count: usize) -> String {
    let s = if count > 1 { "s" } else { "" };
    format!("  [Previous line repeated {count} more time{s}]\n")
}

/// `StackSummary.format_frame_summary`: the "File" line and, when the
/// source is available, its lines with markers under the instruction.
pub fn format_frame_summary(fs: &FrameSummary) -> String {
    let mut filename = fs.filename.as_str();
    if filename.starts_with("<stdin-") && filename.ends_with('>') {
        filename = "<stdin>";
    }
    let lineno = fs
        .lineno
        .map_or_else(|| "None".to_string(), |l| l.to_string());
    let mut row = format!("  File \"{filename}\", line {lineno}, in {}\n", fs.name);
    let Some(original) = fs.lines.as_deref() else {
        return row;
    };
    let dedented = dedent(original);
    if strip(&dedented).is_empty() {
        return row;
    }
    match (fs.colno, fs.end_colno) {
        (Some(colno), Some(end_colno)) => {
            if let Some(text) = source_with_carets(fs, original, &dedented, colno, end_colno) {
                row.push_str(&text);
            }
        }
        _ => {
            row.push_str(&indent(fs.line().unwrap_or(""), "    ", not_blank));
            row.push('\n');
        }
    }
    row
}

/// The column arithmetic of `format_frame_summary`. None where Python
/// would raise (an index past the lines it has).
fn source_with_carets(
    fs: &FrameSummary,
    original: &str,
    dedented: &str,
    colno: i64,
    end_colno: i64,
) -> Option<String> {
    let lineno = fs.lineno?;
    let end_lineno = fs.end_lineno?;
    let span = end_lineno.checked_sub(lineno)?;
    let all_lines_original = splitlines(original);
    let first_line = *py_index(&all_lines_original, 0)?;
    let last_line = *py_index(&all_lines_original, span)?;

    // Character offsets of the instruction's start and end.
    let start_offset = byte_offset_to_character_offset(first_line, colno);
    let end_offset = byte_offset_to_character_offset(last_line, end_colno);

    let keep = usize::try_from(span.saturating_add(1)).unwrap_or(0);
    let all_lines: Vec<&str> = splitlines(dedented).into_iter().take(keep).collect();
    let first = *all_lines.first()?;
    let last = *all_lines.last()?;

    // Shift the offsets by what dedenting removed from the first line.
    let dedent_characters = to_i64(char_len(first_line)) - to_i64(char_len(first));
    let start_offset = (start_offset - dedent_characters).max(0);
    let end_offset = (end_offset - dedent_characters).max(0);

    // Wide characters take two columns on a terminal.
    let dp_start_offset = display_width(first, Some(start_offset));
    let dp_end_offset = display_width(last, Some(end_offset));

    // The instruction's own source text.
    let joined = all_lines.join("\n");
    let seg_end = to_i64(char_len(&joined)) - (to_i64(char_len(last)) - end_offset);
    let segment = char_slice(&joined, start_offset, seg_end);

    let anchors = anchors::extract_caret_anchors(segment);
    let show_carets =
        anchors::should_show_carets(start_offset, end_offset, &all_lines, anchors.is_some());

    // Only the first and last lines and those around the anchors are shown.
    let n = to_i64(all_lines.len());
    let mut significant: Vec<i64> = vec![0, n - 1];
    let mut marks = Marks {
        anchors,
        left: 0,
        right: 0,
    };
    if let Some(a) = anchors {
        let mut left = a.left_end_offset;
        let mut right = a.right_start_offset;
        if a.left_end_lineno == 0 {
            left += start_offset;
        }
        if a.right_start_lineno == 0 {
            right += start_offset;
        }
        marks.left = display_width(py_index(&all_lines, a.left_end_lineno)?, Some(left));
        marks.right = display_width(py_index(&all_lines, a.right_start_lineno)?, Some(right));
        significant.extend(a.left_end_lineno - 1..a.left_end_lineno + 2);
        significant.extend(a.right_start_lineno - 1..a.right_start_lineno + 2);
    }
    significant.retain(|&l| l != -1 && l != n);
    significant.sort_unstable();
    significant.dedup();

    let mut result = String::new();
    let ctx = CaretLine {
        all_lines: &all_lines,
        show_carets,
        dp_start_offset,
        dp_end_offset,
        marks,
    };
    for (i, &l) in significant.iter().enumerate() {
        if i > 0 {
            let linediff = l - significant[i - 1];
            if linediff == 2 {
                ctx.output_line(&mut result, l - 1)?;
            } else if linediff > 2 {
                result.push_str(&format!("...<{} lines>...\n", linediff - 1));
            }
        }
        ctx.output_line(&mut result, l)?;
    }
    Some(indent(&dedent(&result), "    ", |_| true))
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The anchors and their display columns on their own lines.
#[derive(Clone, Copy)]
struct Marks {
    anchors: Option<Anchors>,
    left: i64,
    right: i64,
}

/// What `output_line` (the closure in `format_frame_summary`) reads.
struct CaretLine<'a> {
    all_lines: &'a [&'a str],
    show_carets: bool,
    dp_start_offset: i64,
    dp_end_offset: i64,
    marks: Marks,
}

impl CaretLine<'_> {
    /// `output_line`: a source line, then its markers when shown.
    fn output_line(&self, result: &mut String, lineno: i64) -> Option<()> {
        let line = *py_index(self.all_lines, lineno)?;
        result.push_str(line);
        result.push('\n');
        if !self.show_carets {
            return Some(());
        }
        let num_spaces = to_i64(char_len(line) - char_len(lstrip(line)));
        let last = to_i64(self.all_lines.len()) - 1;
        let num_carets = if lineno == last {
            self.dp_end_offset
        } else {
            display_width(line, None)
        };
        // Without anchors both markers are "^".
        let primary = if self.marks.anchors.is_some() {
            PRIMARY_CHAR
        } else {
            SECONDARY_CHAR
        };
        let mut col = 0;
        while col < num_carets {
            result.push(
                if col < num_spaces || (lineno == 0 && col < self.dp_start_offset) {
                    ' '
                } else if self.within_anchors(lineno, col) {
                    SECONDARY_CHAR
                } else {
                    primary
                },
            );
            col += 1;
        }
        result.push('\n');
        Some(())
    }

    fn within_anchors(&self, lineno: i64, col: i64) -> bool {
        let Some(a) = self.marks.anchors else {
            return false;
        };
        (lineno > a.left_end_lineno || (lineno == a.left_end_lineno && col >= self.marks.left))
            && (lineno < a.right_start_lineno
                || (lineno == a.right_start_lineno && col < self.marks.right))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(
        lines: Option<&str>,
        lineno: Option<i64>,
        end_lineno: Option<i64>,
        colno: Option<i64>,
        end_colno: Option<i64>,
    ) -> String {
        format_frame_summary(&FrameSummary {
            filename: "t.py".into(),
            lineno,
            end_lineno,
            colno,
            end_colno,
            name: "f".into(),
            lines: lines.map(str::to_string),
        })
    }

    /// Expected texts from python3.14's `StackSummary.format_frame_summary`
    /// for the same `FrameSummary` fields.
    #[test]
    fn degenerate_positions_format_as_cpython() {
        assert_eq!(
            frame(None, None, None, None, None),
            "  File \"t.py\", line None, in f\n"
        );
        // A missing file reads as empty lines.
        assert_eq!(
            frame(Some("\n"), Some(3), Some(3), Some(0), Some(4)),
            "  File \"t.py\", line 3, in f\n"
        );
        assert_eq!(
            frame(
                Some("    x = compute(a, b)  # note\n"),
                Some(7),
                Some(7),
                None,
                None
            ),
            "  File \"t.py\", line 7, in f\n    x = compute(a, b)  # note\n"
        );
        // Columns past the end of the line.
        assert_eq!(
            frame(
                Some("    x = compute(a, b)\n"),
                Some(7),
                Some(7),
                Some(40),
                Some(60)
            ),
            "  File \"t.py\", line 7, in f\n    x = compute(a, b)\n    \n"
        );
        // An end before the start.
        assert_eq!(
            frame(Some("\n"), Some(9), Some(8), Some(0), Some(1)),
            "  File \"t.py\", line 9, in f\n"
        );
        assert_eq!(
            frame(
                Some("    total = (first +\n\n        second)\n"),
                Some(4),
                Some(6),
                Some(12),
                Some(15)
            ),
            "  File \"t.py\", line 4, in f\n    total = (first +\n            ~~~~~~~^\n    \n    \n        second)\n        ~~~~~~~\n"
        );
        // An end inside a multi-byte character; wide characters.
        assert_eq!(
            frame(
                Some("    s = 'é' + 日本\n"),
                Some(2),
                Some(2),
                Some(8),
                Some(11)
            ),
            "  File \"t.py\", line 2, in f\n    s = 'é' + 日本\n        ^^\n"
        );
        assert_eq!(
            frame(Some("\tif\tx:\n"), Some(1), Some(1), Some(1), Some(4)),
            "  File \"t.py\", line 1, in f\n    if\tx:\n    ^^^\n"
        );
        assert_eq!(
            frame(
                Some("        f(\n\n\n\n\n            x)\n"),
                Some(10),
                Some(15),
                Some(8),
                Some(14)
            ),
            "  File \"t.py\", line 10, in f\n    f(\n    ~^\n    \n    \n    ...<2 lines>...\n    \n    \n        x)\n        ^^\n"
        );
    }

    #[test]
    fn repeated_frames_are_cut_short() {
        let fs = |line| FrameSummary {
            filename: "t.py".into(),
            lineno: line,
            end_lineno: line,
            colno: None,
            end_colno: None,
            name: "f".into(),
            lines: None,
        };
        let stack: Vec<FrameSummary> = (0..6)
            .map(|_| fs(Some(1)))
            .chain([fs(None), fs(None)])
            .collect();
        let out = format_stack(&stack).concat();
        assert_eq!(
            out,
            "  File \"t.py\", line 1, in f\n".repeat(3)
                + "  [Previous line repeated 3 more times]\n"
                + &"  File \"t.py\", line None, in f\n".repeat(2)
        );
    }
}
