//! Literals: numbers, f-strings and t-strings, as CPython's parser builds
//! them (`Parser/action_helpers.c`: `_PyPegen_concatenate_strings`,
//! `_get_resized_exprs`, `_PyPegen_formatted_value`,
//! `_PyPegen_setup_full_format_spec`).
//!
//! An implicitly concatenated string with an f-string in it becomes one
//! `JoinedStr`: the parts are flattened (a plain string part is a
//! `Constant` spanning its token, quotes included; an f-string literal
//! run is a `Constant` spanning its raw text), runs of adjacent constants
//! are merged into one spanning from the first to the last, and empty
//! constants are dropped. A `{expr=}` debug field contributes a constant
//! holding its text before the `FormattedValue`.

use num_bigint::BigInt;
use num_traits::Num;
use ruff_python_ast as r;
use ruff_python_ast::token::TokenKind;
use ruff_text_size::Ranged;

use super::lower::{LResult, Lowerer};
use crate::compile::ast::*;

/// A flattened piece of an f-string or t-string before constants merge.
enum Piece {
    Const {
        value: String,
        start: usize,
        end: usize,
    },
    Value(Expr),
}

/// CPython's limit on decimal digits in an int literal
/// (`sys.int_info.default_max_str_digits`).
const MAX_STR_DIGITS: usize = 4300;

fn conversion(c: r::ConversionFlag) -> i32 {
    match c {
        r::ConversionFlag::None => -1,
        r::ConversionFlag::Str => i32::from(b's'),
        r::ConversionFlag::Ascii => i32::from(b'a'),
        r::ConversionFlag::Repr => i32::from(b'r'),
    }
}

impl Lowerer<'_> {
    /// A number literal: ints are parsed from their source text (ruff keeps
    /// big ones as text), floats and imaginary numbers as ruff read them.
    pub fn number(&self, x: &r::ExprNumberLiteral) -> LResult<Constant> {
        match &x.value {
            r::Number::Int(_) => {
                let text = self
                    .src
                    .get(usize::from(x.range.start())..usize::from(x.range.end()))
                    .unwrap_or("0");
                let digits: String = text.chars().filter(|&c| c != '_').collect();
                let lower = digits.to_ascii_lowercase();
                let (radix, body) = if let Some(b) = lower.strip_prefix("0x") {
                    (16, b)
                } else if let Some(b) = lower.strip_prefix("0o") {
                    (8, b)
                } else if let Some(b) = lower.strip_prefix("0b") {
                    (2, b)
                } else {
                    (10, lower.as_str())
                };
                if radix == 10 && body.len() > MAX_STR_DIGITS {
                    return Err(self.error(
                        format!(
                            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                            body.len()
                        ),
                        x.range,
                    ));
                }
                BigInt::from_str_radix(body, radix)
                    .map(Constant::Int)
                    .map_err(|_| self.error("invalid syntax", x.range))
            }
            r::Number::Float(f) => Ok(Constant::Float(*f)),
            r::Number::Complex { real, imag } => Ok(Constant::Complex {
                real: *real,
                imag: *imag,
            }),
        }
    }

    /// `_PyPegen_concatenate_strings` for a string expression with
    /// f-string parts.
    pub fn fstring_expr(&mut self, x: &r::ExprFString) -> LResult<Expr> {
        let mut pieces = Vec::new();
        for part in x.value.iter() {
            match part {
                r::FStringPart::Literal(lit) => pieces.push(Piece::Const {
                    value: lit.value.to_string(),
                    start: usize::from(lit.range.start()),
                    end: usize::from(lit.range.end()),
                }),
                r::FStringPart::FString(f) => self.elements(&f.elements, false, &mut pieces)?,
            }
        }
        let values = self.merge(pieces);
        Ok(Expr::new(ExprKind::JoinedStr(values), self.loc(x.range)))
    }

    /// The same for t-strings, which build a `TemplateStr`.
    pub fn tstring_expr(&mut self, x: &r::ExprTString) -> LResult<Expr> {
        let mut pieces = Vec::new();
        for t in x.value.iter() {
            self.elements(&t.elements, true, &mut pieces)?;
        }
        let values = self.merge(pieces);
        Ok(Expr::new(ExprKind::TemplateStr(values), self.loc(x.range)))
    }

    /// Flattens one f-string's (or t-string's) elements; empty literal
    /// runs are dropped (`_get_resized_exprs`).
    fn elements(
        &mut self,
        elements: &r::InterpolatedStringElements,
        template: bool,
        out: &mut Vec<Piece>,
    ) -> LResult<()> {
        for el in elements.iter() {
            match el {
                r::InterpolatedStringElement::Literal(lit) => {
                    if !lit.value.is_empty() {
                        out.push(Piece::Const {
                            value: lit.value.to_string(),
                            start: usize::from(lit.range.start()),
                            end: usize::from(lit.range.end()),
                        });
                    }
                }
                r::InterpolatedStringElement::Interpolation(i) => {
                    self.interpolation(i, template, out)?;
                }
            }
        }
        Ok(())
    }

    /// Where the text after a replacement field's expression ends: the
    /// start of its `=`, `!`, `:` or `}`.
    fn field_text_end(&self, expr_end: usize) -> usize {
        for t in self.tokens_from(expr_end) {
            match t.kind() {
                TokenKind::Comment | TokenKind::NonLogicalNewline | TokenKind::Newline => {}
                _ => return usize::from(t.start()),
            }
        }
        expr_end
    }

    /// `_PyPegen_formatted_value` (and `_PyPegen_interpolation`): one
    /// replacement field, preceded by its debug text when it has `=`.
    fn interpolation(
        &mut self,
        i: &r::InterpolatedElement,
        template: bool,
        out: &mut Vec<Piece>,
    ) -> LResult<()> {
        let start = usize::from(i.range.start());
        let value = Box::new(self.expr(&i.expression)?);
        let format_spec = match &i.format_spec {
            Some(spec) => Some(Box::new(self.format_spec(spec)?)),
            None => None,
        };
        let mut conv = conversion(i.conversion);
        let mut text_str = None;
        if let Some(debug) = &i.debug_text {
            let text = debug.as_str().to_string();
            let text_end = start + 1 + text.len();
            if conv == -1 && format_spec.is_none() {
                conv = i32::from(b'r');
            }
            if template {
                let eq = debug.leading().len()
                    + debug.expression().len()
                    + debug.trailing().find('=').unwrap_or(0);
                text_str = Some(text[..eq.min(text.len())].to_string());
            }
            out.push(Piece::Const {
                value: text,
                start: start + 1,
                end: text_end,
            });
        }
        let loc = self.loc(i.range);
        let kind = if template {
            let s = match text_str {
                Some(s) => s,
                None => {
                    let end = self.field_text_end(usize::from(i.expression.range().end()));
                    self.src.get(start + 1..end).unwrap_or("").to_string()
                }
            };
            ExprKind::Interpolation {
                value,
                str: s,
                conversion: conv,
                format_spec,
            }
        } else {
            ExprKind::FormattedValue {
                value,
                conversion: conv,
                format_spec,
            }
        };
        out.push(Piece::Value(Expr::new(kind, loc)));
        Ok(())
    }

    /// `_PyPegen_setup_full_format_spec`: a `JoinedStr` from the `:` to the
    /// end of the spec's last element.
    fn format_spec(&mut self, spec: &r::InterpolatedStringFormatSpec) -> LResult<Expr> {
        let sstart = usize::from(spec.range.start());
        let colon = if self.src.as_bytes().get(sstart) == Some(&b':') {
            sstart
        } else {
            sstart.saturating_sub(1)
        };
        let mut pieces = Vec::new();
        let mut end = colon + 1;
        for el in spec.elements.iter() {
            end = end.max(usize::from(el.range().end()));
        }
        // Replacement fields inside a spec are plain formatted values,
        // even in a t-string.
        self.elements(&spec.elements, false, &mut pieces)?;
        let single_const = pieces.len() == 1 && matches!(pieces[0], Piece::Const { .. });
        let values = if pieces.is_empty() || single_const {
            pieces
                .into_iter()
                .map(|p| self.piece_expr(p))
                .collect::<Vec<_>>()
        } else {
            self.merge(pieces)
        };
        Ok(Expr::new(
            ExprKind::JoinedStr(values),
            self.loc_of(colon, end),
        ))
    }

    fn piece_expr(&self, p: Piece) -> Expr {
        match p {
            Piece::Const { value, start, end } => Expr::new(
                ExprKind::Constant(Constant::Str(value)),
                self.loc_of(start, end),
            ),
            Piece::Value(e) => e,
        }
    }

    /// Merges runs of adjacent constants (spanning the first to the last)
    /// and drops the empty ones.
    fn merge(&self, pieces: Vec<Piece>) -> Vec<Expr> {
        let mut out = Vec::new();
        let mut run: Option<(String, usize, usize)> = None;
        let flush = |run: &mut Option<(String, usize, usize)>, out: &mut Vec<Expr>| {
            if let Some((value, start, end)) = run.take()
                && !value.is_empty()
            {
                out.push(Expr::new(
                    ExprKind::Constant(Constant::Str(value)),
                    self.loc_of(start, end),
                ));
            }
        };
        for p in pieces {
            match p {
                Piece::Const { value, start, end } => match &mut run {
                    Some((v, _, e)) => {
                        v.push_str(&value);
                        *e = end;
                    }
                    None => run = Some((value, start, end)),
                },
                Piece::Value(e) => {
                    flush(&mut run, &mut out);
                    out.push(e);
                }
            }
        }
        flush(&mut run, &mut out);
        out
    }
}
