//! Parsing: source text to CPython's AST ([`super::ast`]).
//!
//! `ruff_python_parser` does the parsing; this module runs it in the
//! grammar mode CPython's `compile()` names (`exec`, `eval`, `single`),
//! turns its errors into CPython's SyntaxErrors ([`errors`]), applies the
//! tokenizer limits CPython enforces and ruff does not (nesting depth of
//! brackets and of indentation), and lowers ruff's tree into CPython's
//! ([`lower`]).
//!
//! Positions: ruff reports byte offsets into the text; [`LineIndex`] maps
//! them to CPython's (1-based line, 0-based UTF-8 byte column). The text
//! must already have universal newlines (`\n` only), as CPython's
//! tokenizer sees it.

mod errors;
mod lower;
mod lower_expr;
mod lower_str;
mod tokcheck;

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_parser::{Mode as RuffMode, ParseError, ParseOptions, UnsupportedSyntaxError};
use ruff_text_size::Ranged;

use super::ast::{Loc, Mod};

pub use errors::{FailureKind, ParseFailure};

/// What `compile()` is asked to parse (its `mode` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `exec`: a module.
    Exec,
    /// `eval`: one expression.
    Eval,
    /// `single`: one interactive statement.
    Single,
}

/// Byte offsets to CPython positions.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// (lineno, col_offset) of a byte offset.
    pub fn pos(&self, off: usize) -> (i32, i32) {
        let line = self.starts.partition_point(|&s| s <= off).max(1);
        let col = off - self.starts[line - 1];
        (
            i32::try_from(line).unwrap_or(i32::MAX),
            i32::try_from(col).unwrap_or(i32::MAX),
        )
    }

    /// The location of a byte range.
    pub fn loc(&self, start: usize, end: usize) -> Loc {
        let (l, c) = self.pos(start);
        let (el, ec) = self.pos(end);
        Loc::new(l, el, c, ec)
    }

    /// The text of line `lineno` (1-based) without its newline.
    pub fn line_text<'a>(&self, src: &'a str, lineno: usize) -> Option<&'a str> {
        let start = *self.starts.get(lineno.checked_sub(1)?)?;
        let end = self.starts.get(lineno).map(|&e| e - 1).unwrap_or(src.len());
        src.get(start..end.max(start))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// The parsed tree with the facts later passes need.
pub struct Parsed {
    pub module: Mod,
    /// The deepest nesting of expressions seen (drives how much stack the
    /// recursive passes and dropping the tree may need).
    pub max_depth: u32,
}

/// Parses `src` (universal newlines already applied) in `mode`.
pub fn parse(src: &str, mode: Mode) -> Result<Parsed, ParseFailure> {
    let ruff_mode = match mode {
        Mode::Eval => RuffMode::Expression,
        Mode::Exec | Mode::Single => RuffMode::Module,
    };
    let options =
        ParseOptions::from(ruff_mode).with_target_version(ruff_python_ast::PythonVersion::PY314);
    let index = LineIndex::new(src);
    let parsed = ruff_python_parser::parse_unchecked(src, options);
    let tokens: &[Token] = parsed.tokens();
    let tok = tokcheck::check(src, &index, tokens, parsed.errors());
    if parsed.errors().is_empty() && parsed.unsupported_syntax_errors().is_empty() {
        if let Some(t) = tok {
            return Err(t.failure);
        }
    } else {
        let cx = errors::Ctx {
            src,
            index: &index,
            tokens,
            module: parsed.syntax(),
            mode,
        };
        return Err(choose_error(
            &cx,
            tok,
            parsed.errors(),
            parsed.unsupported_syntax_errors(),
        ));
    }
    if mode == Mode::Single
        && let Some(f) = single_statement_check(src, &index, tokens, parsed.syntax())
    {
        return Err(f);
    }
    let tokens = parsed.tokens().clone();
    let tree = parsed.into_syntax();
    let mut lowerer = lower::Lowerer::new(src, &index, &tokens);
    let result = lowerer.lower_mod(&tree, mode);
    let max_depth = lowerer.max_depth;
    drop_deep(tree, max_depth);
    let module = result?;
    Ok(Parsed { module, max_depth })
}

/// Which of the errors found CPython reports (`_PyPegen_set_syntax_error`
/// and `_PyPegen_tokenize_full_source_to_check_for_errors`): a tokenizer
/// error met before the parser failed stops the parse; one that raises
/// anywhere later replaces the parser's error; an unclosed bracket
/// replaces it when the parser failed on a later line.
fn choose_error(
    cx: &errors::Ctx<'_>,
    tok: Option<tokcheck::TokError>,
    errs: &[ParseError],
    unsupported: &[UnsupportedSyntaxError],
) -> ParseFailure {
    let perr = errs.iter().find(|e| !errors::is_lexical(e)).map(|e| {
        (
            usize::from(e.location.start()),
            errors::map_parse_error(cx, e).0,
        )
    });
    let uerr = unsupported.first().map(|e| {
        (
            usize::from(e.range().start()),
            errors::from_unsupported(cx, e),
        )
    });
    let perr = match (perr, uerr) {
        (Some(p), Some(u)) => Some(if u.0 < p.0 { u } else { p }),
        (p, u) => p.or(u),
    };
    match (tok, perr) {
        (Some(t), None) => t.failure,
        (None, Some((_, p))) => p,
        (Some(t), Some((ppos, p))) => {
            let wins = t.pos <= ppos
                || match t.later {
                    tokcheck::Later::Raises => true,
                    tokcheck::Later::Silent => false,
                    tokcheck::Later::NeverClosed(line) => p.lineno > line,
                };
            if wins { t.failure } else { p }
        }
        (None, None) => match errs.first() {
            Some(e) => errors::map_parse_error(cx, e).0,
            None => errors::generic_at_end(cx),
        },
    }
}

/// `bad_single_statement`: `single` mode takes one statement. After
/// simple statements, anything but blanks and comments is reported at
/// the newline ending them; after a compound statement the grammar wants
/// a blank line, so the next statement is "invalid syntax".
fn single_statement_check(
    src: &str,
    index: &LineIndex,
    tokens: &[Token],
    module: &ruff_python_ast::Mod,
) -> Option<ParseFailure> {
    let ruff_python_ast::Mod::Module(m) = module else {
        return None;
    };
    let first = m.body.first()?;
    let first_start = usize::from(first.start());
    let newline = tokens
        .iter()
        .find(|t| t.kind() == TokenKind::Newline && usize::from(t.start()) >= first_start)
        .map(|t| usize::from(t.start()))?;
    let next = m.body.iter().find(|s| usize::from(s.start()) > newline)?;
    let compound = !matches!(
        first,
        ruff_python_ast::Stmt::Expr(_)
            | ruff_python_ast::Stmt::Assign(_)
            | ruff_python_ast::Stmt::AugAssign(_)
            | ruff_python_ast::Stmt::AnnAssign(_)
            | ruff_python_ast::Stmt::TypeAlias(_)
            | ruff_python_ast::Stmt::Return(_)
            | ruff_python_ast::Stmt::Delete(_)
            | ruff_python_ast::Stmt::Pass(_)
            | ruff_python_ast::Stmt::Break(_)
            | ruff_python_ast::Stmt::Continue(_)
            | ruff_python_ast::Stmt::Raise(_)
            | ruff_python_ast::Stmt::Global(_)
            | ruff_python_ast::Stmt::Nonlocal(_)
            | ruff_python_ast::Stmt::Assert(_)
            | ruff_python_ast::Stmt::Import(_)
            | ruff_python_ast::Stmt::ImportFrom(_)
    );
    let (msg, start) = if compound {
        ("invalid syntax", usize::from(next.start()))
    } else {
        (
            "multiple statements found while compiling a single statement",
            newline,
        )
    };
    let end = if compound {
        tokens
            .iter()
            .find(|t| usize::from(t.start()) == start)
            .map_or(start + 1, |t| usize::from(t.end()))
    } else {
        start + 1
    };
    Some(ParseFailure::range(
        FailureKind::SyntaxError,
        msg,
        start,
        end,
        src,
        index,
        errors::TextStyle::Parser,
    ))
}

/// Drops a tree whose recursive destructor may need more stack than the
/// thread has (a `a.b.c...` chain thousands deep).
pub fn drop_deep<T: Send>(value: T, depth: u32) {
    if depth < 500 {
        drop(value);
        return;
    }
    let size = (depth as usize).saturating_mul(1024) + (1 << 20);
    stacker::grow(size, move || drop(value));
}
