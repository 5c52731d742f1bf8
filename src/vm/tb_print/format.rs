//! The text of a captured exception: `TracebackException.format` (the
//! chain, the boxed layout of exception groups, with
//! `_ExceptionPrintContext`), `format_exception_only` (the final line and
//! the notes) and `_format_syntax_error`.

use super::exception::{Notes, SyntaxInfo, Te, safe_repr, safe_str};
use super::stack::format_stack;
use super::text::{char_len, char_slice, indent};
use crate::objects::bytes::BytesObject;
use crate::objects::list::list_items;
use crate::objects::range::RangeObject;
use crate::objects::str::{is_str, str_value};
use crate::objects::tuple::TupleObject;
use crate::objects::{Obj, Vm, int};
use crate::unicode::is_space;

/// `max_group_width`: members shown per group.
const MAX_GROUP_WIDTH: usize = 15;
/// `max_group_depth`: nesting of groups shown.
const MAX_GROUP_DEPTH: usize = 10;
/// Markers past this many (only a SyntaxError with absurd offsets and no
/// text asks for them) are not drawn.
const MAX_CARETS: i64 = 1 << 20;

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// `_ExceptionPrintContext`.
#[derive(Default)]
pub struct Ctx {
    exception_group_depth: usize,
    need_close: bool,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.exception_group_depth)
    }

    /// `_ExceptionPrintContext.emit`: each text indented for the current
    /// group depth, behind a `|` (or the given) margin inside a group.
    fn emit<S: AsRef<str>>(&self, out: &mut String, texts: &[S], margin_char: Option<char>) {
        let mut indent_str = self.indent();
        if self.exception_group_depth > 0 {
            indent_str.push(margin_char.unwrap_or('|'));
            indent_str.push(' ');
        }
        for t in texts {
            out.push_str(&indent(t.as_ref(), &indent_str, |_| true));
        }
    }
}

/// `TracebackException.format(chain=True)` for node `root` of `nodes`.
pub fn format(vm: &mut Vm, nodes: &[Te], root: usize, ctx: &mut Ctx, out: &mut String) {
    let mut output: Vec<(Option<&str>, usize)> = Vec::new();
    let mut cur = Some(root);
    while let Some(i) = cur {
        let Some(te) = nodes.get(i) else { break };
        let (msg, next) = if let Some(c) = te.cause {
            (Some(CAUSE_MESSAGE), Some(c))
        } else if let Some(c) = te.context.filter(|_| !te.suppress_context) {
            (Some(CONTEXT_MESSAGE), Some(c))
        } else {
            (None, None)
        };
        output.push((msg, i));
        cur = next;
    }
    for &(msg, i) in output.iter().rev() {
        let te = &nodes[i];
        if let Some(m) = msg {
            ctx.emit(out, &[m], None);
        }
        match &te.exceptions {
            None => {
                if !te.stack.is_empty() {
                    ctx.emit(out, &["Traceback (most recent call last):\n"], None);
                    ctx.emit(out, &format_stack(&te.stack), None);
                }
                let only = format_exception_only(vm, te);
                ctx.emit(out, &only, None);
            }
            Some(_) if ctx.exception_group_depth > MAX_GROUP_DEPTH => {
                let text = format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n");
                ctx.emit(out, &[text], None);
            }
            Some(members) => format_group(vm, nodes, te, members, ctx, out),
        }
    }
}

/// The exception-group branch of `TracebackException.format`.
fn format_group(
    vm: &mut Vm,
    nodes: &[Te],
    te: &Te,
    members: &[usize],
    ctx: &mut Ctx,
    out: &mut String,
) {
    let is_toplevel = ctx.exception_group_depth == 0;
    if is_toplevel {
        ctx.exception_group_depth += 1;
    }
    if !te.stack.is_empty() {
        let margin = if is_toplevel { Some('+') } else { None };
        ctx.emit(
            out,
            &["Exception Group Traceback (most recent call last):\n"],
            margin,
        );
        ctx.emit(out, &format_stack(&te.stack), None);
    }
    let only = format_exception_only(vm, te);
    ctx.emit(out, &only, None);
    let num_excs = members.len();
    let n = if num_excs <= MAX_GROUP_WIDTH {
        num_excs
    } else {
        MAX_GROUP_WIDTH + 1
    };
    ctx.need_close = false;
    for i in 0..n {
        let last_exc = i == n - 1;
        if last_exc {
            // The closing line may come from a nested group instead.
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated {
            "...".to_string()
        } else {
            (i + 1).to_string()
        };
        out.push_str(&ctx.indent());
        out.push_str(if i == 0 { "+-" } else { "  " });
        out.push_str(&format!("+---------------- {title} ----------------\n"));
        ctx.exception_group_depth += 1;
        if let Some(&member) = members.get(i).filter(|_| !truncated) {
            format(vm, nodes, member, ctx, out);
        } else {
            let remaining = num_excs - MAX_GROUP_WIDTH;
            let plural = if remaining > 1 { "s" } else { "" };
            let text = format!("and {remaining} more exception{plural}\n");
            ctx.emit(out, &[text], None);
        }
        if last_exc && ctx.need_close {
            out.push_str(&ctx.indent());
            out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.exception_group_depth -= 1;
    }
    if is_toplevel {
        ctx.exception_group_depth = 0;
    }
}

/// `_format_final_exc_line`: `Type: text`, or `Type` when the text is
/// empty.
fn final_exc_line(stype: &str, text: &str) -> String {
    if text.is_empty() {
        format!("{stype}\n")
    } else {
        format!("{stype}: {text}\n")
    }
}

/// `TracebackException.format_exception_only()` (without `show_group`):
/// the final line (or a SyntaxError's lines), then the notes.
pub fn format_exception_only(vm: &mut Vm, te: &Te) -> Vec<String> {
    let mut lines = match &te.syntax {
        Some(info) => format_syntax_error(vm, &te.type_str, info),
        None => vec![final_exc_line(&te.type_str, &te.text)],
    };
    match &te.notes {
        Notes::Absent => {}
        Notes::Error(note) => push_note(&mut lines, note),
        Notes::Value(notes) => match sequence_items(vm, notes) {
            Some(items) => {
                for note in items {
                    let s = safe_str(vm, &note, "note");
                    push_note(&mut lines, &s);
                }
            }
            None => {
                let r = safe_repr(vm, notes, "__notes__");
                lines.push(format!("{r}\n"));
            }
        },
    }
    lines
}

/// A note, one output line per "\n"-separated part.
fn push_note(lines: &mut Vec<String>, note: &str) {
    for l in note.split('\n') {
        lines.push(format!("{l}\n"));
    }
}

/// The items of `__notes__` when it is a `collections.abc.Sequence` other
/// than str and bytes: list, tuple and range (and their subclasses) are
/// the sequences known here.
fn sequence_items(vm: &mut Vm, notes: &Obj) -> Option<Vec<Obj>> {
    if is_str(notes) || notes.downcast::<BytesObject>().is_some() {
        return None;
    }
    if let Some(items) = list_items(notes) {
        return Some(items);
    }
    if notes.downcast::<TupleObject>().is_some() || notes.downcast::<RangeObject>().is_some() {
        return vm.collect(notes).ok();
    }
    None
}

/// An int attribute as i64, saturating; None when not an int (bool
/// included, as `isinstance(x, int)` includes it).
fn int_value(o: &Obj) -> Option<i64> {
    let r = int::int_ref(o)?;
    Some(
        r.to_i64()
            .unwrap_or(if r.is_negative() { i64::MIN } else { i64::MAX }),
    )
}

/// `TracebackException._format_syntax_error`: where the error is, the
/// line with markers under the offending range, then the message. (The
/// keyword-typo search of `_find_keyword_typos` needs the compiler's
/// `_metadata`, which nothing sets yet.)
fn format_syntax_error(vm: &mut Vm, stype: &str, info: &SyntaxInfo) -> Vec<String> {
    let mut out = Vec::new();
    let mut filename_suffix = String::new();
    if let Some(lineno) = &info.lineno {
        let name = if vm.is_true(&info.filename).unwrap_or(true) {
            safe_str(vm, &info.filename, "filename")
        } else {
            "<string>".to_string()
        };
        out.push(format!("  File \"{name}\", line {lineno}\n"));
    } else if !info.filename.is_none() {
        filename_suffix = format!(" ({})", safe_str(vm, &info.filename, "filename"));
    }
    if is_str(&info.text) {
        let text = str_value(&info.text);
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = to_i64(char_len(rtext) - char_len(ltext));
        let text_len = to_i64(char_len(text));
        let rlen = to_i64(char_len(rtext));
        if info.offset.is_none() {
            out.push(format!("    {ltext}\n"));
        } else if let Some(mut offset) = int_value(&info.offset) {
            let mut end_offset = if info.lineno == info.end_lineno {
                match int_value(&info.end_offset) {
                    Some(e) if e != 0 => e,
                    _ => offset,
                }
            } else {
                rlen + 1
            };
            if !text.is_empty() && offset > text_len {
                offset = rlen + 1;
            }
            if !text.is_empty() && end_offset > text_len {
                end_offset = rlen + 1;
            }
            if offset >= end_offset || end_offset < 0 {
                end_offset = offset.saturating_add(1);
            }
            // 1-based columns into the stripped text.
            let colno = offset.saturating_sub(1).saturating_sub(spaces);
            let end_colno = end_offset.saturating_sub(1).saturating_sub(spaces);
            out.push(format!("    {ltext}\n"));
            if colno >= 0 {
                // Tabs and other whitespace are kept so the markers line up.
                let caretspace: String = char_slice(ltext, 0, colno)
                    .chars()
                    .map(|c| if is_space(c) { c } else { ' ' })
                    .collect();
                let n = end_colno.saturating_sub(colno).clamp(0, MAX_CARETS);
                let carets = "^".repeat(usize::try_from(n).unwrap_or(0));
                out.push(format!("    {caretspace}{carets}\n"));
            }
        }
    }
    let msg = match vm.is_true(&info.msg) {
        Ok(false) => "<no detail available>".to_string(),
        _ => safe_str(vm, &info.msg, "msg"),
    };
    out.push(format!("{stype}: {msg}{filename_suffix}\n"));
    out
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
