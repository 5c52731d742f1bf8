//! Printing an uncaught exception byte for byte as CPython 3.14 does.
//!
//! CPython 3.14 prints uncaught exceptions with Python code:
//! `PyErr_Display` calls `traceback._print_exception_bltin`, which builds a
//! `TracebackException` (`compact=True`, `limit=BUILTIN_EXCEPTION_LIMIT`)
//! and writes what its `format()` yields. This module is a port of that
//! code path, without colour (the output is compared where stderr is not a
//! terminal):
//!
//! - `exception`: `TracebackException.__init__` — the chain, group
//!   members, `str(exc)`, notes, suggestions;
//! - `stack`: `FrameSummary`/`StackSummary` — frames, source lines and
//!   the `~`/`^` markers, "[Previous line repeated N more times]";
//! - `anchors`: `_extract_caret_anchors_from_line_segment` and
//!   `_should_show_carets`, over `ruff_python_parser` instead of `ast`;
//! - `format`: `TracebackException.format`, `format_exception_only`,
//!   `_format_syntax_error`;
//! - `suggest`: `_compute_suggestion_error`;
//! - `linecache`, `text`: `linecache.getline`, and the `str`/`textwrap`
//!   operations the above use.
//!
//! Printing must not fail or panic, whatever the exception or the source
//! files look like: where traceback.py would raise while formatting (and
//! CPython would fall back to its C printer), this code prints what it can.
//!
//! Not done: colour (CPython colours a terminal, or any stream when
//! `FORCE_COLOR`/`PYTHON_COLORS` ask for it), and the SyntaxWarnings that
//! `ast.parse` emits while traceback.py parses a shown line (an invalid
//! escape sequence such as `"\d"`, a literal like `1if`): CPython writes
//! them as `<unknown>:N: SyntaxWarning: ...` lines after the exception's
//! "Traceback" line; they need the warnings machinery.

mod anchors;
mod exception;
mod format;
mod linecache;
mod stack;
mod suggest;
mod text;

use crate::objects::exceptions::is_exception;
use crate::objects::{Obj, Vm};
use exception::{Builder, exc_type_str, safe_str, traceback_of};
use linecache::LineCache;

impl Vm {
    /// The text CPython 3.14 prints to stderr for the uncaught exception
    /// `e`, chain and groups included (`traceback._print_exception_bltin`).
    pub fn format_exception(&mut self, e: &Obj) -> String {
        if !is_exception(e) {
            return not_an_exception(self, e);
        }
        let mut cache = LineCache::default();
        let limit = stack::traceback_limit(self);
        let mut builder = Builder::new(&mut cache, limit);
        let root = builder.build(self, e, traceback_of(e));
        let nodes = builder.nodes;
        let mut out = String::new();
        format::format(self, &nodes, root, &mut format::Ctx::default(), &mut out);
        out
    }

    /// What CPython's default unraisable hook prints for `e`
    /// (`write_unraisable_exc_file`): the traceback as the C printer
    /// formats it (no markers, no chained exceptions), then the final line.
    pub fn format_unraisable(&mut self, e: &Obj) -> String {
        if !is_exception(e) {
            return not_an_exception(self, e);
        }
        let mut cache = LineCache::default();
        let mut out = String::new();
        if let Some(tb) = traceback_of(e) {
            out.push_str("Traceback (most recent call last):\n");
            let limit = stack::traceback_limit(self);
            for fs in &stack::extract(self, &mut cache, Some(tb), limit) {
                out.push_str(&stack::format_frame_plain(fs));
            }
        }
        out.push_str(&self.format_exception_only(e));
        out
    }

    /// `traceback.format_exception_only(e)`, joined: the final line (the
    /// location lines too for a SyntaxError) and the notes.
    pub fn format_exception_only(&mut self, e: &Obj) -> String {
        if !is_exception(e) {
            return not_an_exception(self, e);
        }
        let mut cache = LineCache::default();
        let mut builder = Builder::new(&mut cache, None);
        let root = builder.build(self, e, None);
        let nodes = builder.nodes;
        format::format_exception_only(self, &nodes[root]).concat()
    }
}

/// A value that is not an exception: traceback.py refuses it; print the
/// final line CPython's fallback printer would.
fn not_an_exception(vm: &mut Vm, e: &Obj) -> String {
    let stype = exc_type_str(vm, e.class());
    let text = safe_str(vm, e, "exception");
    if text.is_empty() {
        format!("{stype}\n")
    } else {
        format!("{stype}: {text}\n")
    }
}
