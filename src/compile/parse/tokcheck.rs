//! The errors CPython's tokenizer raises (`Parser/tokenizer/`,
//! `Parser/lexer/lexer.c`), found over ruff's token stream: indentation
//! (IndentationError, TabError), brackets (unmatched, mismatched, never
//! closed, nested too deep), unterminated strings, malformed number
//! literals and invalid characters.
//!
//! CPython reports these as the parser pulls tokens, so they win over a
//! parse error found later in the same statement; [`check`] returns the
//! first one with its position for the caller to decide.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType,
};
use ruff_text_size::Ranged;

use super::LineIndex;
use super::errors::{FailureKind, ParseFailure, TextStyle, char_offset};

/// CPython's `MAXLEVEL` (nested brackets) and `MAXINDENT`.
const MAXLEVEL: usize = 200;
const MAXINDENT: usize = 100;

/// A tokenizer error and the byte position where CPython meets it.
pub struct TokError {
    pub pos: usize,
    pub failure: ParseFailure,
    /// What happens when the parser failed earlier.
    pub later: Later,
}

/// Whether a tokenizer error still surfaces after the parser failed
/// before reaching it (`_PyPegen_tokenize_full_source_to_check_for_errors`
/// tokenizes the rest of the source).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Later {
    /// The tokenizer raises it: it replaces the parser's error.
    Raises,
    /// Only the parser turns it into an exception: the parser's error
    /// stays.
    Silent,
    /// An unclosed bracket opened on this line: it replaces a parser
    /// error on a later line.
    NeverClosed(i64),
}

struct Ctx<'a> {
    src: &'a str,
    index: &'a LineIndex,
}

impl Ctx<'_> {
    /// A failure at 1-based line `l`, with explicit 1-based offsets.
    fn raw(
        &self,
        kind: FailureKind,
        msg: impl Into<String>,
        l: i32,
        offset: i64,
        end_offset: i64,
        style: TextStyle,
    ) -> ParseFailure {
        let line = self
            .index
            .line_text(self.src, l.max(1) as usize)
            .unwrap_or("");
        ParseFailure {
            kind,
            msg: msg.into(),
            lineno: i64::from(l),
            offset,
            end_lineno: i64::from(l),
            end_offset,
            text: Some(style.apply(line, self.is_last_line(l))),
        }
    }

    fn is_last_line(&self, l: i32) -> bool {
        let last = self.src.trim_end_matches('\n').matches('\n').count() + 1;
        l as usize >= last
    }

    /// A failure pointing at one character (offset and end offset equal).
    fn at_char(&self, msg: impl Into<String>, pos: usize) -> ParseFailure {
        let (l, c) = self.index.pos(pos);
        let line = self.index.line_text(self.src, l as usize).unwrap_or("");
        let off = char_offset(line, c);
        self.raw(
            FailureKind::SyntaxError,
            msg,
            l,
            off,
            off,
            TextStyle::Tokenizer,
        )
    }
}

/// `(col, altcol)` of an indentation prefix: tabs to multiples of 8 and
/// to 1, a form feed resets both.
fn indent_cols(prefix: &str) -> (usize, usize) {
    let (mut col, mut alt) = (0, 0);
    for c in prefix.chars() {
        match c {
            ' ' => {
                col += 1;
                alt += 1;
            }
            '\t' => {
                col = (col / 8 + 1) * 8;
                alt += 1;
            }
            '\x0c' => {
                col = 0;
                alt = 0;
            }
            _ => break,
        }
    }
    (col, alt)
}

/// Indentation as `tok_get` checks it, at the start of each logical line.
fn check_indentation(cx: &Ctx<'_>, tokens: &[Token]) -> Option<TokError> {
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut at_line_start = true;
    let mut level = 0usize;
    for t in tokens {
        let k = t.kind();
        let level_before = level;
        match k {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                level = level.saturating_sub(1)
            }
            _ => {}
        }
        if k == TokenKind::Newline {
            at_line_start = true;
            continue;
        }
        // ruff lexes an indentation that matches no outer level as an
        // `Unknown` token of the whitespace itself.
        let blank_unknown = k == TokenKind::Unknown
            && cx
                .src
                .get(usize::from(t.start())..usize::from(t.end()))
                .is_some_and(|w| w.chars().all(|c| matches!(c, ' ' | '\t' | '\x0c')));
        if matches!(
            k,
            TokenKind::Comment
                | TokenKind::NonLogicalNewline
                | TokenKind::Indent
                | TokenKind::Dedent
                | TokenKind::EndOfFile
        ) || blank_unknown
            || !at_line_start
        {
            continue;
        }
        at_line_start = false;
        if level_before > 0 {
            continue;
        }
        let start = usize::from(t.start());
        let (l, col0) = cx.index.pos(start);
        let line = cx.index.line_text(cx.src, l as usize).unwrap_or("");
        let prefix = line.get(..col0.max(0) as usize).unwrap_or("");
        if !prefix.chars().all(|c| matches!(c, ' ' | '\t' | '\x0c')) {
            // A continuation line: its indentation does not count.
            continue;
        }
        let line_start = start - col0.max(0) as usize;
        let (col, alt) = indent_cols(prefix);
        let (top, alttop) = *stack.last().unwrap_or(&(0, 0));
        let tab_error = |cx: &Ctx<'_>| TokError {
            pos: line_start,
            later: Later::Silent,
            failure: cx.raw(
                FailureKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                l,
                1,
                0,
                TextStyle::Line,
            ),
        };
        if col == top {
            if alt != alttop {
                return Some(tab_error(cx));
            }
        } else if col > top {
            if stack.len() >= MAXINDENT {
                let len = line.chars().count() as i64;
                return Some(TokError {
                    pos: line_start,
                    later: Later::Silent,
                    failure: cx.raw(
                        FailureKind::IndentationError,
                        "too many levels of indentation",
                        l,
                        len,
                        len,
                        TextStyle::Line,
                    ),
                });
            }
            if alt <= alttop {
                return Some(tab_error(cx));
            }
            stack.push((col, alt));
        } else {
            while stack.len() > 1 && col < stack.last().map_or(0, |s| s.0) {
                stack.pop();
            }
            let (top, alttop) = *stack.last().unwrap_or(&(0, 0));
            if col != top {
                let len = line.chars().count() as i64 + 1;
                return Some(TokError {
                    pos: line_start,
                    later: Later::Silent,
                    failure: cx.raw(
                        FailureKind::IndentationError,
                        "unindent does not match any outer indentation level",
                        l,
                        len,
                        -1,
                        TextStyle::Line,
                    ),
                });
            }
            if alt != alttop {
                return Some(tab_error(cx));
            }
        }
    }
    None
}

fn bracket_char(k: TokenKind) -> char {
    match k {
        TokenKind::Lpar => '(',
        TokenKind::Rpar => ')',
        TokenKind::Lsqb => '[',
        TokenKind::Rsqb => ']',
        TokenKind::Lbrace => '{',
        _ => '}',
    }
}

/// Brackets as the tokenizer tracks them (`tok->parenstack`).
fn check_brackets(cx: &Ctx<'_>, tokens: &[Token]) -> Option<TokError> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    for t in tokens {
        let start = usize::from(t.start());
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if stack.len() >= MAXLEVEL {
                    return Some(TokError {
                        pos: start,
                        later: Later::Raises,
                        failure: cx.at_char("too many nested parentheses", start),
                    });
                }
                stack.push((bracket_char(t.kind()), start));
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                let close = bracket_char(t.kind());
                let Some((open, open_pos)) = stack.pop() else {
                    return Some(TokError {
                        pos: start,
                        later: Later::Raises,
                        failure: cx.at_char(format!("unmatched '{close}'"), start),
                    });
                };
                let matching = matches!((open, close), ('(', ')') | ('[', ']') | ('{', '}'));
                if !matching {
                    let (ol, _) = cx.index.pos(open_pos);
                    let (cl, _) = cx.index.pos(start);
                    let msg = if ol != cl {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {ol}"
                        )
                    } else {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                        )
                    };
                    return Some(TokError {
                        pos: start,
                        later: Later::Raises,
                        failure: cx.at_char(msg, start),
                    });
                }
            }
            _ => {}
        }
    }
    let (open, open_pos) = stack.pop()?;
    let (l, c) = cx.index.pos(open_pos);
    let line = cx.index.line_text(cx.src, l as usize).unwrap_or("");
    let off = char_offset(line, c);
    Some(TokError {
        pos: cx.src.len(),
        later: Later::NeverClosed(i64::from(l)),
        failure: cx.raw(
            FailureKind::SyntaxError,
            format!("'{open}' was never closed"),
            l,
            off,
            0,
            TextStyle::NeverClosed,
        ),
    })
}

/// How far CPython's leading-zeros error extends: over the zeros and
/// underscores the literal starts with.
fn leading_zeros(text: &str) -> i64 {
    text.bytes().take_while(|&b| b == b'0' || b == b'_').count() as i64
}

/// Number literals CPython's tokenizer rejects: digits run into a name
/// (`1abc`, `1__0`, `1e`) and decimal numbers with leading zeros.
fn check_numbers(cx: &Ctx<'_>, tokens: &[Token]) -> Option<TokError> {
    for (i, t) in tokens.iter().enumerate() {
        if !matches!(
            t.kind(),
            TokenKind::Int | TokenKind::Float | TokenKind::Complex
        ) {
            continue;
        }
        let start = usize::from(t.start());
        let end = usize::from(t.end());
        let text = cx.src.get(start..end).unwrap_or("");
        if t.kind() == TokenKind::Int
            && text.len() > 1
            && text.starts_with('0')
            && text.bytes().all(|b| b.is_ascii_digit() || b == b'_')
            && text.bytes().any(|b| b != b'0' && b != b'_')
        {
            let (l, c) = cx.index.pos(start);
            let line = cx.index.line_text(cx.src, l as usize).unwrap_or("");
            let off = char_offset(line, c);
            return Some(TokError {
                pos: start,
                later: Later::Raises,
                failure: cx.raw(
                    FailureKind::SyntaxError,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    l,
                    off,
                    off + leading_zeros(text),
                    TextStyle::Tokenizer,
                ),
            });
        }
        if let Some(next) = tokens.get(i + 1)
            && next.kind() == TokenKind::Name
            && usize::from(next.start()) == end
        {
            let name = cx.src.get(end..usize::from(next.end())).unwrap_or("");
            let radix_msg = match text.get(..2).map(str::to_ascii_lowercase).as_deref() {
                Some("0x") => "invalid hexadecimal literal",
                Some("0o") => "invalid octal literal",
                Some("0b") => "invalid binary literal",
                _ => "invalid decimal literal",
            };
            let at = if name.starts_with('_') { end } else { start };
            return Some(TokError {
                pos: start,
                later: Later::Raises,
                failure: cx.at_char(radix_msg, at),
            });
        }
    }
    None
}

/// An unknown `\N{...}` name in a string literal: CPython's string
/// action reports the codec's error over the whole literal, with the
/// escape's byte positions in the literal's body.
fn unicode_name_error(cx: &Ctx<'_>, e: &ParseError) -> Option<TokError> {
    let name_start = usize::from(e.location.start());
    let name_end = usize::from(e.location.end());
    let bytes = cx.src.as_bytes();
    // Back from the name to the backslash, then to the literal's quote.
    let escape = name_start.checked_sub(3)?;
    if bytes.get(escape) != Some(&b'\\') {
        return None;
    }
    let mut lit = escape;
    while lit > 0 && !matches!(bytes[lit - 1], b'\'' | b'"') {
        lit -= 1;
    }
    let quote = bytes.get(lit.checked_sub(1)?).copied()?;
    let mut q = lit - 1;
    while q > 0 && bytes[q - 1] == quote && lit - q < 3 {
        q -= 1;
    }
    let body = lit;
    let mut tok_start = q;
    while tok_start > 0 && bytes[tok_start - 1].is_ascii_alphabetic() {
        tok_start -= 1;
    }
    let closed = bytes.get(name_end) == Some(&b'}');
    let (msg, last) = if closed {
        ("unknown Unicode character name", name_end)
    } else {
        ("malformed \\N character escape", name_end.saturating_sub(1))
    };
    // CPython hands the codec the body with each non-ASCII character
    // spelled `\UXXXXXXXX`: ten bytes each.
    let codec_pos = |at: usize| -> usize {
        cx.src.get(body..at).map_or(0, |t| {
            t.chars().map(|c| if c.is_ascii() { 1 } else { 10 }).sum()
        })
    };
    let msg = format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {msg}",
        codec_pos(escape),
        codec_pos(last)
    );
    let prefix = cx.src.get(tok_start..q).unwrap_or("");
    let interpolated = prefix
        .bytes()
        .any(|b| matches!(b, b'f' | b'F' | b't' | b'T'));
    // The literal's end: past its closing quote(s).
    let quotes = if lit - q >= 3 { 3 } else { 1 };
    let mut end = name_end;
    let mut run = 0;
    while end < bytes.len() && run < quotes {
        if bytes[end] == quote && bytes.get(end.wrapping_sub(1)) != Some(&b'\\') {
            run += 1;
        } else {
            run = 0;
        }
        end += 1;
    }
    // In an f- or t-string the error covers the literal text around the
    // escape (the FSTRING_MIDDLE token), quotes excluded.
    let (from, to) = if interpolated {
        let mut a = escape;
        while a > body && !matches!(bytes[a - 1], b'}') {
            a -= 1;
        }
        let mut b = name_end;
        while b < bytes.len() && bytes[b] != quote && bytes[b] != b'{' {
            b += 1;
        }
        (a, b)
    } else {
        (tok_start, end)
    };
    Some(TokError {
        pos: tok_start,
        later: Later::Silent,
        failure: ParseFailure::range(
            FailureKind::SyntaxError,
            msg,
            from,
            to,
            cx.src,
            cx.index,
            TextStyle::Parser,
        ),
    })
}

/// The lexical errors ruff reported that CPython's tokenizer raises.
fn lexical_error(cx: &Ctx<'_>, e: &ParseError) -> Option<TokError> {
    let start = usize::from(e.location.start());
    let (l, c) = cx.index.pos(start);
    let line = cx.index.line_text(cx.src, l as usize).unwrap_or("");
    let lex = match &e.error {
        ParseErrorType::Lexical(lex) => lex,
        ParseErrorType::FStringError(fe) => {
            return fstring_error(cx, "f-string", fe, start);
        }
        ParseErrorType::TStringError(fe) => {
            return fstring_error(cx, "t-string", fe, start);
        }
        _ => return None,
    };
    let failure = match lex {
        LexicalErrorType::UnclosedStringError => {
            let rest = cx.src.get(start..).unwrap_or("");
            let body = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let triple = body.starts_with("\"\"\"") || body.starts_with("'''");
            let msg = if triple {
                let last = cx.src.matches('\n').count() + 1;
                let last = if cx.src.ends_with('\n') {
                    last - 1
                } else {
                    last
                };
                format!("unterminated triple-quoted string literal (detected at line {last})")
            } else {
                format!("unterminated string literal (detected at line {l})")
            };
            let off = char_offset(line, c);
            cx.raw(
                FailureKind::SyntaxError,
                msg,
                l,
                off,
                off,
                TextStyle::Tokenizer,
            )
        }
        LexicalErrorType::UnrecognizedToken { tok } if !tok.is_ascii() => cx.at_char(
            format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
            start,
        ),
        LexicalErrorType::OtherError(m) if m.as_ref() == "Invalid decimal integer literal" => {
            let text = cx
                .src
                .get(start..usize::from(e.location.end()))
                .unwrap_or("");
            let off = char_offset(line, c);
            if text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
                cx.raw(
                    FailureKind::SyntaxError,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    l,
                    off,
                    off + leading_zeros(text),
                    TextStyle::Tokenizer,
                )
            } else {
                cx.at_char("invalid decimal literal", start)
            }
        }
        LexicalErrorType::UnicodeError => return unicode_name_error(cx, e),
        LexicalErrorType::LineContinuationError => cx.at_char(
            "unexpected character after line continuation character",
            start + 1,
        ),
        LexicalErrorType::FStringError(fe) => return fstring_error(cx, "f-string", fe, start),
        LexicalErrorType::TStringError(fe) => return fstring_error(cx, "t-string", fe, start),
        _ => return None,
    };
    let later = if matches!(lex, LexicalErrorType::LineContinuationError) {
        Later::Silent
    } else {
        Later::Raises
    };
    Some(TokError {
        pos: start,
        later,
        failure,
    })
}

fn fstring_error(
    cx: &Ctx<'_>,
    prefix: &str,
    e: &InterpolatedStringErrorType,
    start: usize,
) -> Option<TokError> {
    let msg = match e {
        InterpolatedStringErrorType::SingleRbrace => {
            format!("{prefix}: single '}}' is not allowed")
        }
        InterpolatedStringErrorType::UnclosedLbrace => format!("{prefix}: expecting '}}'"),
        InterpolatedStringErrorType::InvalidConversionFlag => {
            let ch = cx
                .src
                .get(start..)
                .and_then(|s| s.chars().next())
                .unwrap_or('?');
            let (l, c) = cx.index.pos(start);
            let line = cx.index.line_text(cx.src, l as usize).unwrap_or("");
            let off = char_offset(line, c);
            return Some(TokError {
                pos: start,
                later: Later::Silent,
                failure: cx.raw(
                    FailureKind::SyntaxError,
                    format!(
                        "{prefix}: invalid conversion character '{ch}': expected 's', 'r', or 'a'"
                    ),
                    l,
                    off,
                    off + 1,
                    TextStyle::Parser,
                ),
            });
        }
        InterpolatedStringErrorType::LambdaWithoutParentheses => {
            format!("{prefix}: lambda expressions are not allowed without parentheses")
        }
        InterpolatedStringErrorType::NewlineInFormatSpec => format!(
            "{prefix}: newlines are not allowed in format specifiers for single quoted {prefix}s"
        ),
        InterpolatedStringErrorType::ConversionFlagNotImmediatelyAfterExclamation => {
            format!("{prefix}: conversion type must come right after the exclamanation mark")
        }
        InterpolatedStringErrorType::UnterminatedString
        | InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            let (l, _) = cx.index.pos(start);
            let triple = matches!(
                e,
                InterpolatedStringErrorType::UnterminatedTripleQuotedString
            );
            if triple {
                format!("unterminated triple-quoted {prefix} literal (detected at line {l})")
            } else {
                format!("unterminated {prefix} literal (detected at line {l})")
            }
        }
    };
    Some(TokError {
        pos: start,
        later: Later::Raises,
        failure: cx.at_char(msg, start),
    })
}

/// The first tokenizer error in the source, if any.
pub fn check(
    src: &str,
    index: &LineIndex,
    tokens: &[Token],
    errors: &[ParseError],
) -> Option<TokError> {
    let cx = Ctx { src, index };
    let mut found: Vec<TokError> = Vec::new();
    found.extend(check_indentation(&cx, tokens));
    found.extend(check_brackets(&cx, tokens));
    found.extend(check_numbers(&cx, tokens));
    for e in errors {
        if let Some(t) = lexical_error(&cx, e) {
            found.push(t);
            break;
        }
    }
    found.into_iter().min_by_key(|t| t.pos)
}
