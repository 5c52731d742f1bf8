//! Where the `~` and `^` markers go under a traceback's source line:
//! `traceback._extract_caret_anchors_from_line_segment` and
//! `StackSummary._should_show_carets`, with `ruff_python_parser` standing in
//! for `ast.parse`.
//!
//! ruff gives byte ranges into the parsed text; [`LineIndex`] turns them
//! into CPython's AST positions (1-based line, UTF-8 byte column, lines cut
//! at "\n" only, as CPython's tokenizer cuts them). Both ASTs agree on the
//! ranges used here: a parenthesized operand's range excludes its
//! parentheses, a call ends at its ")", a subscript at its "]".
//!
//! Every step that raises in Python (an index out of range, the assertion
//! in `next_valid_char`) answers None here, as `suppress(Exception)` makes
//! it answer no anchors there.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::{Expr, Stmt};
use ruff_python_parser::parse_module;
use ruff_text_size::{Ranged, TextSize};

use super::text::{
    byte_offset_to_character_offset, char_len, char_slice, lstrip, py_index, rstrip,
};
use crate::unicode::is_space;

/// CPython's tokenizer refuses deeper nesting of brackets ("too many
/// nested parentheses"), so `ast.parse` fails where ruff would not.
const MAXLEVEL: usize = 200;

/// `traceback._Anchors`: the secondary markers run from the left position
/// (inclusive) to the right one (exclusive); lines are indexes into the
/// segment's lines. The characters are the defaults, `~` then `^`, which
/// every anchor kind uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchors {
    pub left_end_lineno: i64,
    pub left_end_offset: i64,
    pub right_start_lineno: i64,
    pub right_start_offset: i64,
}

/// The marker outside the anchors.
pub const PRIMARY_CHAR: char = '~';
/// The marker between the anchors.
pub const SECONDARY_CHAR: char = '^';

/// CPython AST positions of byte offsets into a parsed text.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// (lineno, col_offset): 1-based line, byte column.
    fn pos(&self, off: TextSize) -> (i64, i64) {
        let o = usize::from(off);
        let line = self.starts.partition_point(|&s| s <= o).max(1);
        let col = o - self.starts[line - 1];
        (to_i64(line), to_i64(col))
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// `ast.parse(src)`'s statements, None on a syntax error (a bracket
/// nested deeper than [`MAXLEVEL`] included).
fn parse(src: &str) -> Option<ruff_python_parser::Parsed<ruff_python_ast::ModModule>> {
    let parsed = parse_module(src).ok()?;
    let mut level = 0usize;
    for token in parsed.tokens().iter() {
        match token.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if level >= MAXLEVEL {
                    return None;
                }
                level += 1;
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                level = level.saturating_sub(1);
            }
            _ => {}
        }
    }
    Some(parsed)
}

/// The segment's lines and the cursor moves of
/// `_extract_caret_anchors_from_line_segment`.
struct Segment<'a> {
    lines: Vec<&'a str>,
    chars: Vec<Vec<char>>,
}

impl Segment<'_> {
    fn len_of(&self, lineno: i64) -> Option<i64> {
        py_index(&self.chars, lineno).map(|l| to_i64(l.len()))
    }

    fn char_at(&self, lineno: i64, col: i64) -> Option<char> {
        py_index(py_index(&self.chars, lineno)?, col).copied()
    }

    /// `normalize`: the character index of a byte offset into a line.
    fn normalize(&self, lineno: i64, offset: i64) -> Option<i64> {
        Some(byte_offset_to_character_offset(
            py_index(&self.lines, lineno)?,
            offset,
        ))
    }

    /// `next_valid_char`: skips past line ends and empty lines.
    fn next_valid_char(&self, mut lineno: i64, mut col: i64) -> Option<(i64, i64)> {
        let n = to_i64(self.lines.len());
        while lineno < n && col >= self.len_of(lineno)? {
            col = 0;
            lineno += 1;
        }
        (lineno < n && col < self.len_of(lineno)?).then_some((lineno, col))
    }

    fn increment(&self, lineno: i64, col: i64) -> Option<(i64, i64)> {
        self.next_valid_char(lineno, col + 1)
    }

    fn nextline(&self, lineno: i64) -> Option<(i64, i64)> {
        self.next_valid_char(lineno + 1, 0)
    }

    /// `increment_until`: the next character satisfying `stop`, skipping
    /// the rest of a line at a backslash or a comment.
    fn increment_until(
        &self,
        mut lineno: i64,
        mut col: i64,
        stop: impl Fn(char) -> bool,
    ) -> Option<(i64, i64)> {
        loop {
            let ch = self.char_at(lineno, col)?;
            if ch == '\\' || ch == '#' {
                (lineno, col) = self.nextline(lineno)?;
            } else if !stop(ch) {
                (lineno, col) = self.increment(lineno, col)?;
            } else {
                return Some((lineno, col));
            }
        }
    }

    /// `setup_positions`: the end of a node, in segment coordinates (the
    /// parsed text has an extra "(\n" line in front).
    fn setup_positions(&self, end: (i64, i64), force_valid: bool) -> Option<(i64, i64)> {
        let lineno = end.0 - 2;
        let col = self.normalize(lineno, end.1)?;
        if force_valid {
            self.next_valid_char(lineno, col)
        } else {
            Some((lineno, col))
        }
    }
}

/// `_extract_caret_anchors_from_line_segment`: for a binary operation the
/// operator, for a subscript the brackets, for a call the parentheses.
pub fn extract_caret_anchors(segment: &str) -> Option<Anchors> {
    let src = format!("(\n{segment}\n)");
    let parsed = parse(&src)?;
    let [Stmt::Expr(statement)] = parsed.suite().as_slice() else {
        return None;
    };
    let index = LineIndex::new(&src);
    let seg = Segment {
        lines: super::text::splitlines(segment),
        chars: super::text::splitlines(segment)
            .iter()
            .map(|l| l.chars().collect())
            .collect(),
    };
    match &*statement.value {
        Expr::BinOp(binop) => {
            let (lineno, col) = seg.setup_positions(index.pos(binop.left.end()), true)?;
            // The operator is the first character that is neither space
            // nor a closing parenthesis.
            let (lineno, col) = seg.increment_until(lineno, col, |c| !is_space(c) && c != ')')?;
            // Operators are one or two characters long, on one line.
            let mut right_col = col + 1;
            let (right_line, right_col_offset) = index.pos(binop.right.start());
            if right_col < seg.len_of(lineno)?
                && (right_line - 2 > lineno
                    || right_col < seg.normalize(right_line - 2, right_col_offset)?)
                && seg
                    .char_at(lineno, right_col)
                    .is_some_and(|c| !is_space(c) && c != '\\' && c != '#')
            {
                right_col += 1;
            }
            Some(Anchors {
                left_end_lineno: lineno,
                left_end_offset: col,
                right_start_lineno: lineno,
                right_start_offset: right_col,
            })
        }
        Expr::Subscript(sub) => bracket_anchors(&seg, &index, sub.value.end(), sub.end(), '['),
        Expr::Call(call) => bracket_anchors(&seg, &index, call.func.end(), call.end(), '('),
        _ => None,
    }
}

/// The Subscript and Call cases: from the opening bracket after the
/// value (or function) to the end of the whole expression.
fn bracket_anchors(
    seg: &Segment<'_>,
    index: &LineIndex,
    inner_end: TextSize,
    outer_end: TextSize,
    open: char,
) -> Option<Anchors> {
    let (left_lineno, left_col) = seg.setup_positions(index.pos(inner_end), true)?;
    let (left_lineno, left_col) = seg.increment_until(left_lineno, left_col, |c| c == open)?;
    let (right_lineno, right_col) = seg.setup_positions(index.pos(outer_end), false)?;
    Some(Anchors {
        left_end_lineno: left_lineno,
        left_end_offset: left_col,
        right_start_lineno: right_lineno,
        right_start_offset: right_col,
    })
}

/// `StackSummary._should_show_carets`: no markers when the instruction
/// covers the whole statement `return f(...)` or `x = f(...)`, or when,
/// without anchors, nothing but whitespace lies outside its range.
pub fn should_show_carets(
    start_offset: i64,
    end_offset: i64,
    all_lines: &[&str],
    has_anchors: bool,
) -> bool {
    let src = all_lines.join("\n");
    if let Some(tree) = parse(&src) {
        let Some(statement) = tree.suite().first() else {
            return false;
        };
        let value = match statement {
            Stmt::Return(ret) => match ret.value.as_deref() {
                Some(v @ Expr::Call(call)) if matches!(*call.func, Expr::Name(_)) => Some(v),
                _ => None,
            },
            Stmt::Assign(assign) => match (&*assign.value, assign.targets.as_slice()) {
                (v @ Expr::Call(_), [Expr::Name(_)]) => Some(v),
                _ => None,
            },
            _ => None,
        };
        if let Some(value) = value {
            // `_spawns_full_line`; the AST's byte columns are compared with
            // character offsets, as traceback.py compares them.
            let index = LineIndex::new(&src);
            let (lineno, col) = index.pos(value.start());
            let (end_lineno, end_col) = index.pos(value.end());
            if lineno == 1
                && end_lineno == to_i64(all_lines.len())
                && col == start_offset
                && end_col == end_offset
            {
                return false;
            }
        }
    }
    if has_anchors {
        return true;
    }
    let first = all_lines.first().copied().unwrap_or("");
    let last = all_lines.last().copied().unwrap_or("");
    !lstrip(char_slice(first, 0, start_offset)).is_empty()
        || !rstrip(char_slice(last, end_offset, to_i64(char_len(last)))).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(seg: &str) -> Option<(i64, i64, i64, i64)> {
        extract_caret_anchors(seg).map(|a| {
            (
                a.left_end_lineno,
                a.left_end_offset,
                a.right_start_lineno,
                a.right_start_offset,
            )
        })
    }

    #[test]
    fn anchor_kinds() {
        assert_eq!(anchors("a + b"), Some((0, 2, 0, 3)));
        assert_eq!(anchors("a // b"), Some((0, 2, 0, 4)));
        assert_eq!(anchors("(a) +b"), Some((0, 4, 0, 5)));
        assert_eq!(anchors("x[1]"), Some((0, 1, 0, 4)));
        assert_eq!(anchors("f(x)"), Some((0, 1, 0, 4)));
        assert_eq!(anchors("f (\n x)"), Some((0, 2, 1, 3)));
        assert_eq!(anchors("é[1]"), Some((0, 1, 0, 4)));
        assert_eq!(anchors("a.b"), None);
        assert_eq!(anchors("a +"), None);
        // 199 brackets inside the added pair parse; 200 do not.
        let nested = |n: usize| format!("{}a{}[0]", "(".repeat(n), ")".repeat(n));
        assert_eq!(anchors(&nested(199)), Some((0, 399, 0, 402)));
        assert_eq!(anchors(&nested(200)), None);
        assert_eq!(anchors("'((((' + 1"), Some((0, 7, 0, 8)));
    }

    #[test]
    fn whole_line_calls_have_no_carets() {
        assert!(!should_show_carets(7, 11, &["return f(x)"], true));
        assert!(!should_show_carets(4, 8, &["x = f(y)"], true));
        assert!(should_show_carets(4, 8, &["x = f(y) + 1"], true));
        assert!(!should_show_carets(0, 4, &["f(y)"], false));
        assert!(should_show_carets(0, 4, &["f(y).z"], false));
    }
}
