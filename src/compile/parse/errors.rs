//! ruff's parse errors as the SyntaxErrors CPython's parser raises
//! (`Parser/pegen_errors.c` and the `invalid_*` rules of
//! `Grammar/python.gram`).
//!
//! ruff and CPython agree on where most errors are but word them
//! differently; [`map_parse_error`] maps each kind of ruff error to
//! CPython's message and range, looking at the tokens and at ruff's
//! recovered tree where CPython's message depends on them (what kind of
//! expression is an invalid assignment target). Positions follow
//! `_PyPegen_raise_error_known_location`: 1-based line, 1-based column
//! counted in characters, the source line as `text`.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::visitor::source_order::{
    SourceOrderVisitor, TraversalSignal, walk_expr, walk_node, walk_stmt,
};
use ruff_python_ast::{self as r, AnyNodeRef};
use ruff_python_parser::{ParseError, ParseErrorType, UnsupportedSyntaxError};
use ruff_text_size::{Ranged, TextRange};

use super::{LineIndex, Mode};

/// The exception class a failure is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// `_IncompleteInputError` (interactive input that may continue).
    IncompleteInput,
}

/// How CPython gets the `text` of an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextStyle {
    /// From the parser, which saw the newline the tokenizer appends.
    Parser,
    /// From the parser in `eval` mode: no newline is appended.
    ParserEval,
    /// From the tokenizer's buffer: no newline.
    Tokenizer,
    /// Indentation errors: the line with its newline.
    Line,
    /// "was never closed": the bracket's line, with a newline only when
    /// it is the last one.
    NeverClosed,
}

impl TextStyle {
    pub fn apply(self, line: &str, is_last: bool) -> String {
        match self {
            TextStyle::Parser | TextStyle::Line => format!("{line}\n"),
            TextStyle::ParserEval | TextStyle::Tokenizer => line.to_string(),
            TextStyle::NeverClosed => {
                if is_last {
                    format!("{line}\n")
                } else {
                    line.to_string()
                }
            }
        }
    }
}

/// A parse failure, ready to become a Python exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseFailure {
    pub kind: FailureKind,
    pub msg: String,
    pub lineno: i64,
    /// 1-based character offset.
    pub offset: i64,
    pub end_lineno: i64,
    pub end_offset: i64,
    /// The source line.
    pub text: Option<String>,
}

/// The 1-based character offset of byte column `col` in `line`
/// (`_PyPegen_byte_offset_to_character_offset`).
pub fn char_offset(line: &str, col: i32) -> i64 {
    let col = col.max(0) as usize;
    let prefix = line.get(..col.min(line.len())).unwrap_or(line);
    prefix.chars().count() as i64 + 1 + col.saturating_sub(line.len()) as i64
}

impl ParseFailure {
    /// A parser error over the byte range `start..end`.
    pub fn range(
        kind: FailureKind,
        msg: impl Into<String>,
        start: usize,
        end: usize,
        src: &str,
        index: &LineIndex,
        style: TextStyle,
    ) -> Self {
        let (l, c) = index.pos(start);
        // A range ending just past a newline ends on the newline's own
        // line, one column after it (CPython's NEWLINE token).
        let ends_after_newline = end > start && src.as_bytes().get(end - 1) == Some(&b'\n');
        let (el, ec) = if ends_after_newline {
            let (nl, nc) = index.pos(end - 1);
            (nl, nc + 1)
        } else {
            index.pos(end.max(start))
        };
        let line = index.line_text(src, l.max(1) as usize).unwrap_or("");
        let end_line = if el == l {
            line
        } else {
            index.line_text(src, el.max(1) as usize).unwrap_or("")
        };
        // `eval` input keeps the newline its line has in the source.
        let has_newline = (l as usize) < index.line_count();
        let text = if style == TextStyle::ParserEval && has_newline {
            format!("{line}\n")
        } else {
            style.apply(line, false)
        };
        ParseFailure {
            kind,
            msg: msg.into(),
            lineno: i64::from(l),
            offset: char_offset(line, c),
            end_lineno: i64::from(el),
            end_offset: char_offset(end_line, ec),
            text: Some(text),
        }
    }
}

impl ParseFailure {
    /// A parser SyntaxError at a CPython location (used by the lowering
    /// pass for the errors CPython's parser actions raise).
    pub fn syntax(
        msg: impl Into<String>,
        loc: crate::compile::ast::Loc,
        src: &str,
        index: &LineIndex,
    ) -> Self {
        let line = index
            .line_text(src, loc.lineno.max(1) as usize)
            .unwrap_or("");
        let end_line = if loc.end_lineno == loc.lineno {
            line
        } else {
            index
                .line_text(src, loc.end_lineno.max(1) as usize)
                .unwrap_or("")
        };
        ParseFailure {
            kind: FailureKind::SyntaxError,
            msg: msg.into(),
            lineno: i64::from(loc.lineno),
            offset: char_offset(line, loc.col_offset),
            end_lineno: i64::from(loc.end_lineno),
            end_offset: char_offset(end_line, loc.end_col_offset),
            text: Some(TextStyle::Parser.apply(line, false)),
        }
    }
}

/// `_PyPegen_get_expr_name`: how CPython names an expression in errors.
fn expr_name(e: &r::Expr) -> &'static str {
    use r::Expr as E;
    match e {
        E::Attribute(_) => "attribute",
        E::Subscript(_) => "subscript",
        E::Starred(_) => "starred",
        E::Name(_) => "name",
        E::List(_) => "list",
        E::Tuple(_) => "tuple",
        E::Lambda(_) => "lambda",
        E::Call(_) => "function call",
        E::BoolOp(_) | E::BinOp(_) | E::UnaryOp(_) => "expression",
        E::Generator(_) => "generator expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::Await(_) => "await expression",
        E::ListComp(_) => "list comprehension",
        E::SetComp(_) => "set comprehension",
        E::DictComp(_) => "dict comprehension",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::FString(_) => "f-string expression",
        E::TString(_) => "t-string expression",
        E::NoneLiteral(_) => "None",
        E::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        E::EllipsisLiteral(_) => "ellipsis",
        E::NumberLiteral(_) | E::StringLiteral(_) | E::BytesLiteral(_) => "literal",
        E::Compare(_) => "comparison",
        E::If(_) => "conditional expression",
        E::Named(_) => "named expression",
        E::Slice(_) | E::IpyEscapeCommand(_) => "expression",
    }
}

/// `_PyPegen_get_invalid_target`: the part of a target that cannot be
/// assigned (or deleted).
fn invalid_target(e: &r::Expr, delete: bool) -> Option<&r::Expr> {
    match e {
        r::Expr::List(l) => l.elts.iter().find_map(|x| invalid_target(x, delete)),
        r::Expr::Tuple(t) => t.elts.iter().find_map(|x| invalid_target(x, delete)),
        r::Expr::Starred(s) if !delete => invalid_target(&s.value, delete),
        r::Expr::Compare(c) if !delete => {
            // `a in b = c` style: CPython points at the comparison unless
            // its left side is itself the invalid part.
            if matches!(c.ops.first(), Some(r::CmpOp::In)) {
                invalid_target(&c.left, delete).or(Some(e))
            } else {
                Some(e)
            }
        }
        r::Expr::Name(_) | r::Expr::Subscript(_) | r::Expr::Attribute(_) => None,
        _ => Some(e),
    }
}

/// The last conditional expression starting before an offset (ruff's
/// recovered tree keeps `a if b` without its `else`).
struct IfFinder<'a> {
    offset: usize,
    found: Option<&'a r::ExprIf>,
}

impl<'a> SourceOrderVisitor<'a> for IfFinder<'a> {
    fn visit_expr(&mut self, expr: &'a r::Expr) {
        if let r::Expr::If(x) = expr
            && usize::from(x.test.range().end()) <= self.offset
        {
            self.found = Some(x);
        }
        walk_expr(self, expr);
    }
}

/// The innermost expression and statement covering a range.
struct Finder<'a> {
    range: TextRange,
    expr: Option<&'a r::Expr>,
    stmt: Option<&'a r::Stmt>,
}

impl<'a> SourceOrderVisitor<'a> for Finder<'a> {
    fn enter_node(&mut self, node: AnyNodeRef<'a>) -> TraversalSignal {
        if node.range().contains_range(self.range) {
            TraversalSignal::Traverse
        } else {
            TraversalSignal::Skip
        }
    }

    fn visit_stmt(&mut self, stmt: &'a r::Stmt) {
        if stmt.range().contains_range(self.range) {
            self.stmt = Some(stmt);
            walk_stmt(self, stmt);
        }
    }

    fn visit_expr(&mut self, expr: &'a r::Expr) {
        if !expr.range().contains_range(self.range) {
            return;
        }
        if expr.range() == self.range && self.expr.is_none() {
            self.expr = Some(expr);
        }
        walk_expr(self, expr);
    }
}

/// What the mapping needs to look at.
pub struct Ctx<'a> {
    pub src: &'a str,
    pub index: &'a LineIndex,
    pub tokens: &'a [Token],
    pub module: &'a r::Mod,
    pub mode: Mode,
}

impl Ctx<'_> {
    fn style(&self) -> TextStyle {
        if self.mode == Mode::Eval {
            TextStyle::ParserEval
        } else {
            TextStyle::Parser
        }
    }

    fn fail(&self, msg: impl Into<String>, start: usize, end: usize) -> ParseFailure {
        ParseFailure::range(
            FailureKind::SyntaxError,
            msg,
            start,
            end,
            self.src,
            self.index,
            self.style(),
        )
    }

    /// The index of the first token starting at or after `offset`.
    fn token_index(&self, offset: usize) -> usize {
        self.tokens
            .partition_point(|t| usize::from(t.start()) < offset)
    }

    /// The range of the token at `offset`, with a newline token cut to
    /// one column (CPython's NEWLINE token is one character wide).
    fn token_range(&self, offset: usize) -> (usize, usize) {
        match self.tokens.get(self.token_index(offset)) {
            Some(t) => {
                let s = usize::from(t.start());
                let e = usize::from(t.end());
                match t.kind() {
                    TokenKind::Newline | TokenKind::NonLogicalNewline => (s, s + 1),
                    TokenKind::EndOfFile | TokenKind::Dedent | TokenKind::Indent => (s, s + 1),
                    _ => (s, e.max(s + 1)),
                }
            }
            None => (offset, offset + 1),
        }
    }

    /// "invalid syntax" at the token where ruff stopped.
    fn generic(&self, offset: usize) -> ParseFailure {
        let (s, e) = self.token_range(offset);
        // `eval` input without a final newline ends in an ENDMARKER whose
        // column CPython reports as 0.
        let at_end = self.src[s.min(self.src.len())..].trim().is_empty();
        if self.mode == Mode::Eval && at_end && !self.src.ends_with('\n') {
            let mut f = self.fail("invalid syntax", s, s);
            f.offset = 0;
            f.end_offset = 0;
            return f;
        }
        self.fail("invalid syntax", s, e)
    }

    /// The innermost expression with exactly this range, and the
    /// innermost statement containing it, in ruff's recovered tree.
    fn find(&self, range: TextRange) -> (Option<&r::Expr>, Option<&r::Stmt>) {
        let mut f = Finder {
            range,
            expr: None,
            stmt: None,
        };
        let root: AnyNodeRef<'_> = match self.module {
            r::Mod::Module(m) => AnyNodeRef::from(m),
            r::Mod::Expression(e) => AnyNodeRef::from(e),
        };
        walk_node(&mut f, root);
        (f.expr, f.stmt)
    }

    /// The line of the clause a missing indented block belongs to: the
    /// logical line before the error token.
    fn header_line(&self, offset: usize) -> i32 {
        let idx = self.token_index(offset);
        let mut i = idx;
        // Back over the newline that ends the header.
        while i > 0 {
            i -= 1;
            if self.tokens[i].kind() == TokenKind::Newline {
                break;
            }
        }
        let end = i;
        let mut start = 0;
        let mut j = end;
        while j > 0 {
            j -= 1;
            if self.tokens[j].kind() == TokenKind::Newline {
                start = j + 1;
                break;
            }
        }
        for t in &self.tokens[start..end.max(start)] {
            if !matches!(
                t.kind(),
                TokenKind::Indent
                    | TokenKind::Dedent
                    | TokenKind::NonLogicalNewline
                    | TokenKind::Comment
            ) {
                return self.index.pos(usize::from(t.start())).0;
            }
        }
        self.index.pos(offset).0
    }
}

/// CPython's name for the clause of a missing indented block.
fn clause_name(ruff_msg: &str) -> Option<&'static str> {
    let after = ruff_msg.strip_prefix("Expected an indented block after ")?;
    Some(match after {
        "`if` statement" => "'if' statement",
        "`else` clause" => "'else' statement",
        "`elif` clause" => "'elif' statement",
        "`for` statement" => "'for' statement",
        "`with` statement" => "'with' statement",
        "`class` definition" => "class definition",
        "`while` statement" => "'while' statement",
        "function definition" => "function definition",
        "`case` block" => "'case' statement",
        "`try` statement" => "'try' statement",
        "`except` clause" => "'except' statement",
        "`finally` clause" => "'finally' statement",
        "`match` statement" => "'match' statement",
        _ => return None,
    })
}

fn is_augassign_op(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::PlusEqual
            | TokenKind::MinusEqual
            | TokenKind::StarEqual
            | TokenKind::SlashEqual
            | TokenKind::PercentEqual
            | TokenKind::AmperEqual
            | TokenKind::VbarEqual
            | TokenKind::CircumflexEqual
            | TokenKind::LeftShiftEqual
            | TokenKind::RightShiftEqual
            | TokenKind::DoubleStarEqual
            | TokenKind::DoubleSlashEqual
            | TokenKind::AtEqual
    )
}

/// Whether an expression parses at CPython's `bitwise_or` level (the
/// `cannot assign to %s here. Maybe you meant '==' ...` rule needs both
/// sides to).
fn is_bitwise_or_level(e: &r::Expr) -> bool {
    !matches!(
        e,
        r::Expr::Compare(_)
            | r::Expr::BoolOp(_)
            | r::Expr::If(_)
            | r::Expr::Lambda(_)
            | r::Expr::Named(_)
            | r::Expr::Starred(_)
            | r::Expr::Yield(_)
            | r::Expr::YieldFrom(_)
    ) && !matches!(e, r::Expr::UnaryOp(u) if u.op == r::UnaryOp::Not)
}

/// Whether `e` is written in parentheses of its own (ruff's tree drops
/// them; CPython's grammar sees an atom).
fn is_parenthesized(cx: &Ctx<'_>, e: &r::Expr) -> bool {
    let r = e.range();
    let i = cx.token_index(usize::from(r.start()));
    let j = cx.token_index(usize::from(r.end()));
    i > 0
        && cx.tokens.get(i - 1).map(Token::kind) == Some(TokenKind::Lpar)
        && cx.tokens.get(j).map(Token::kind) == Some(TokenKind::Rpar)
}

/// A ruff parse error as CPython's SyntaxError; `true` when CPython's
/// message would be the generic "invalid syntax" (which a later
/// tokenizer error overrides).
pub fn map_parse_error(cx: &Ctx<'_>, e: &ParseError) -> (ParseFailure, bool) {
    let start = usize::from(e.location.start());
    let end = usize::from(e.location.end());
    match &e.error {
        ParseErrorType::ExpectedToken { expected, found } => {
            if *expected == TokenKind::Else {
                let mut f = IfFinder {
                    offset: start,
                    found: None,
                };
                let root: AnyNodeRef<'_> = match cx.module {
                    r::Mod::Module(m) => AnyNodeRef::from(m),
                    r::Mod::Expression(e) => AnyNodeRef::from(e),
                };
                walk_node(&mut f, root);
                if let Some(x) = f.found {
                    return (
                        cx.fail(
                            "expected 'else' after 'if' expression",
                            usize::from(x.body.range().start()),
                            usize::from(x.test.range().end()),
                        ),
                        false,
                    );
                }
            }
            if *expected == TokenKind::Colon
                && matches!(found, TokenKind::Newline | TokenKind::NonLogicalNewline)
            {
                return (cx.fail("expected ':'", start, start + 1), false);
            }
            if is_augassign_op(*found) {
                let line_start = logical_line_start(cx, start);
                let target_end = prev_token_end(cx, start);
                return (
                    cx.fail(
                        "'tuple' is an illegal expression for augmented assignment",
                        line_start,
                        target_end,
                    ),
                    false,
                );
            }
            if *expected == TokenKind::Comma && in_brackets(cx, start) && starts_expression(*found)
            {
                let a = element_start(cx, start);
                let b = element_end(cx, start);
                return (
                    cx.fail("invalid syntax. Perhaps you forgot a comma?", a, b),
                    false,
                );
            }
            (cx.generic(start), true)
        }
        ParseErrorType::OtherError(msg) => {
            if let Some(clause) = clause_name(msg) {
                let line = cx.header_line(start);
                let (s, e2) = cx.token_range(start);
                let mut f = cx.fail(
                    format!("expected an indented block after {clause} on line {line}"),
                    s,
                    e2,
                );
                f.kind = FailureKind::IndentationError;
                return (f, false);
            }
            if msg.starts_with("Expected `except` or `finally` after `try` block") {
                let (s, e2) = cx.token_range(start);
                return (
                    cx.fail("expected 'except' or 'finally' block", s, e2),
                    false,
                );
            }
            if msg == "Expected a parameter name" {
                // `f(x+1=2)`: an expression before `=` in a call.
                let eq_end = next_token_end(cx, end);
                return (
                    cx.fail(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        start,
                        eq_end,
                    ),
                    false,
                );
            }
            (cx.generic(start), true)
        }
        ParseErrorType::UnexpectedIndentation => {
            let (l, _) = cx.index.pos(start);
            let line = cx.index.line_text(cx.src, l as usize).unwrap_or("");
            let width = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
            let f = ParseFailure {
                kind: FailureKind::IndentationError,
                msg: "unexpected indent".into(),
                lineno: i64::from(l),
                offset: width as i64,
                end_lineno: i64::from(l),
                end_offset: -1,
                text: Some(cx.style().apply(line, false)),
            };
            (f, false)
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => (
            cx.fail(
                "parameter without a default follows parameter with a default",
                start,
                end,
            ),
            false,
        ),
        ParseErrorType::PositionalAfterKeywordArgument
        | ParseErrorType::PositionalAfterKeywordUnpacking => {
            let msg = if matches!(e.error, ParseErrorType::PositionalAfterKeywordArgument) {
                "positional argument follows keyword argument"
            } else {
                "positional argument follows keyword argument unpacking"
            };
            let (s, e2) = cx.token_range(end);
            (cx.fail(msg, s, e2), false)
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            // CPython's range starts at the comma before the starred
            // argument.
            let i = cx.token_index(start);
            let from = match i.checked_sub(1).and_then(|k| cx.tokens.get(k)) {
                Some(t) if t.kind() == TokenKind::Comma => usize::from(t.start()),
                _ => start,
            };
            (
                cx.fail(
                    "iterable argument unpacking follows keyword argument unpacking",
                    from,
                    end,
                ),
                false,
            )
        }
        ParseErrorType::ExpectedKeywordParam => (
            cx.fail("named arguments must follow bare *", start, end),
            false,
        ),
        ParseErrorType::EmptyImportNames => (
            cx.fail("Expected one or more names after 'import'", start, start),
            false,
        ),
        ParseErrorType::SimpleStatementsOnSameLine => {
            let line_start = logical_line_start(cx, start);
            let first = cx.src.get(line_start..start).unwrap_or("").trim_end();
            if first == "print" || first == "exec" {
                let line_end = line_end(cx, start);
                return (
                    cx.fail(
                        format!(
                            "Missing parentheses in call to '{first}'. Did you mean {first}(...)?"
                        ),
                        line_start,
                        line_end,
                    ),
                    false,
                );
            }
            (cx.generic(start), true)
        }
        ParseErrorType::ExpectedExpression => {
            if cx.src.as_bytes().get(start) == Some(&b'}')
                && cx
                    .src
                    .get(..start)
                    .is_some_and(|s| s.trim_end().ends_with('{'))
            {
                return (
                    cx.fail(
                        "f-string: valid expression required before '}'",
                        start,
                        start + 1,
                    ),
                    false,
                );
            }
            (cx.generic(start), true)
        }
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget => invalid_target_error(cx, e),
        _ => (cx.generic(start), true),
    }
}

/// The messages of `invalid_assignment`, `invalid_del_stmt`,
/// `invalid_named_expression` and friends.
fn invalid_target_error(cx: &Ctx<'_>, e: &ParseError) -> (ParseFailure, bool) {
    let start = usize::from(e.location.start());
    let (expr, stmt) = cx.find(e.location);
    let Some(target) = expr else {
        return (cx.generic(start), true);
    };
    let at = |x: &r::Expr, msg: String| {
        let r = x.range();
        cx.fail(msg, usize::from(r.start()), usize::from(r.end()))
    };
    match &e.error {
        ParseErrorType::InvalidDeleteTarget => {
            let bad = invalid_target(target, true).unwrap_or(target);
            (at(bad, format!("cannot delete {}", expr_name(bad))), false)
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => (
            at(
                target,
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(target)
                ),
            ),
            false,
        ),
        ParseErrorType::InvalidNamedAssignmentTarget => (
            at(
                target,
                format!(
                    "cannot use assignment expressions with {}",
                    expr_name(target)
                ),
            ),
            false,
        ),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            let msg = match target {
                r::Expr::Tuple(_) => "only single target (not tuple) can be annotated".into(),
                r::Expr::List(_) => "only single target (not list) can be annotated".into(),
                _ => "illegal target for annotation".into(),
            };
            (at(target, msg), false)
        }
        _ => {
            // An assignment: `x = 1` style statements get CPython's
            // "here. Maybe you meant '==' ..." hint when both sides are
            // simple expressions.
            if let Some(r::Stmt::Assign(a)) = stmt
                && a.targets.len() == 1
                && a.targets[0].range() == target.range()
                && (is_bitwise_or_level(target) || is_parenthesized(cx, target))
                && (is_bitwise_or_level(&a.value) || is_parenthesized(cx, &a.value))
                && !matches!(
                    target,
                    r::Expr::Tuple(_)
                        | r::Expr::List(_)
                        | r::Expr::Generator(_)
                        | r::Expr::NoneLiteral(_)
                        | r::Expr::BooleanLiteral(_)
                )
            {
                return (
                    at(
                        target,
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(target)
                        ),
                    ),
                    false,
                );
            }
            let bad = invalid_target(target, false).unwrap_or(target);
            (
                at(bad, format!("cannot assign to {}", expr_name(bad))),
                false,
            )
        }
    }
}

/// Byte offset where the logical line containing `offset` starts.
fn logical_line_start(cx: &Ctx<'_>, offset: usize) -> usize {
    let idx = cx.token_index(offset);
    let mut j = idx;
    while j > 0 {
        j -= 1;
        if cx.tokens[j].kind() == TokenKind::Newline {
            break;
        }
    }
    let from = if j == 0
        && cx
            .tokens
            .first()
            .is_some_and(|t| t.kind() != TokenKind::Newline)
    {
        0
    } else {
        j + 1
    };
    for t in &cx.tokens[from..idx.max(from)] {
        if !matches!(
            t.kind(),
            TokenKind::Indent
                | TokenKind::Dedent
                | TokenKind::NonLogicalNewline
                | TokenKind::Comment
        ) {
            return usize::from(t.start());
        }
    }
    offset
}

/// End of the line containing `offset` (before its newline).
fn line_end(cx: &Ctx<'_>, offset: usize) -> usize {
    cx.src[offset.min(cx.src.len())..]
        .find('\n')
        .map_or(cx.src.len(), |p| offset + p)
}

fn prev_token_end(cx: &Ctx<'_>, offset: usize) -> usize {
    let idx = cx.token_index(offset);
    if idx == 0 {
        return offset;
    }
    usize::from(cx.tokens[idx - 1].end())
}

fn next_token_end(cx: &Ctx<'_>, offset: usize) -> usize {
    match cx.tokens.get(cx.token_index(offset)) {
        Some(t) => usize::from(t.end()),
        None => offset,
    }
}

/// Whether `offset` is inside brackets.
fn in_brackets(cx: &Ctx<'_>, offset: usize) -> bool {
    let mut level = 0i32;
    for t in &cx.tokens[..cx.token_index(offset)] {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level -= 1,
            _ => {}
        }
    }
    level > 0
}

fn starts_expression(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::TStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Ellipsis
            | TokenKind::Minus
            | TokenKind::Plus
            | TokenKind::Tilde
            | TokenKind::Lambda
            | TokenKind::Not
            | TokenKind::Await
    )
}

/// Start of the bracketed element before `offset` (after the previous
/// comma or opening bracket at the same depth).
fn element_start(cx: &Ctx<'_>, offset: usize) -> usize {
    let idx = cx.token_index(offset);
    let mut depth = 0i32;
    let mut j = idx;
    while j > 0 {
        j -= 1;
        match cx.tokens[j].kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if depth == 0 {
                    return cx
                        .tokens
                        .get(j + 1)
                        .map_or(offset, |t| usize::from(t.start()));
                }
                depth -= 1;
            }
            TokenKind::Comma if depth == 0 => {
                return cx
                    .tokens
                    .get(j + 1)
                    .map_or(offset, |t| usize::from(t.start()));
            }
            _ => {}
        }
    }
    offset
}

/// End of the bracketed element starting at `offset`.
fn element_end(cx: &Ctx<'_>, offset: usize) -> usize {
    let idx = cx.token_index(offset);
    let mut depth = 0i32;
    let mut last_end = offset;
    for t in &cx.tokens[idx..] {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if depth == 0 {
                    return last_end;
                }
                depth -= 1;
            }
            TokenKind::Comma | TokenKind::Newline if depth == 0 => return last_end,
            TokenKind::NonLogicalNewline | TokenKind::Comment => continue,
            _ => {}
        }
        last_end = usize::from(t.end());
    }
    last_end
}

/// Whether ruff found this error in its lexer (CPython's tokenizer).
pub fn is_lexical(e: &ParseError) -> bool {
    matches!(
        e.error,
        ParseErrorType::Lexical(_)
            | ParseErrorType::FStringError(_)
            | ParseErrorType::TStringError(_)
    )
}

/// "invalid syntax" at the end of the source (nothing better known).
pub fn generic_at_end(cx: &Ctx<'_>) -> ParseFailure {
    cx.generic(cx.src.len())
}

/// Syntax ruff accepts for some Python version but 3.14 does not.
pub fn from_unsupported(cx: &Ctx<'_>, e: &UnsupportedSyntaxError) -> ParseFailure {
    let r = e.range();
    let (s, end) = cx.token_range(usize::from(r.start()));
    let _ = end;
    cx.generic(s)
}
