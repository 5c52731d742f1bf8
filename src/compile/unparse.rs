//! `_PyAST_ExprAsUnicode` (a port of `Python/ast_unparse.c`): an
//! expression back to source text, for `from __future__ import
//! annotations`. The text is what python3.14 stores in `__annotations__`:
//! canonical spacing, parentheses only where precedence needs them,
//! constants as their reprs (infinities as `1e309`), f-strings with one
//! pair of quotes chosen by `repr`, t-string interpolations as their
//! source text.

use super::ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Operator,
    UnaryOp,
};
use super::error::CompileError;
use crate::objects::bytes::bytes_repr_text;
use crate::objects::str::repr_str;

/// Precedence levels, lowest first (`PR_*`).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The source text of an annotation (`_PyAST_ExprAsUnicode`).
pub fn expr_as_unicode(e: &Expr) -> Result<String, CompileError> {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST)?;
    Ok(out)
}

fn as_unicode(e: &Expr, level: u8) -> Result<String, CompileError> {
    let mut out = String::new();
    expr(&mut out, e, level)?;
    Ok(out)
}

/// `replace_inf_value`: `inf` cannot be written as a literal; `1e309`
/// (one past `DBL_MAX_10_EXP`) reads back as infinity.
fn replace_inf(repr: String) -> String {
    repr.replace("inf", "1e309")
}

/// `append_repr` of a constant.
fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => replace_inf(crate::format::float_repr::repr(*f)),
        Constant::Complex { real, imag } => {
            replace_inf(crate::format::number::complex_repr(*real, *imag))
        }
        Constant::Str(s) => repr_str(s),
        Constant::Bytes(b) => bytes_repr_text(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".into()
            } else {
                let parts: Vec<String> = items.iter().map(constant_repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
    }
}

/// `append_ast_constant`: a tuple's items are reprs of their own.
fn constant(out: &mut String, c: &Constant) {
    if let Constant::Tuple(items) = c {
        out.push('(');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&constant_repr(item));
        }
        if items.len() == 1 {
            out.push(',');
        }
        out.push(')');
        return;
    }
    out.push_str(&constant_repr(c));
}

fn open_if(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn close_if(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

/// `append_ast_expr`.
fn expr(out: &mut String, e: &Expr, level: u8) -> Result<(), CompileError> {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (text, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            open_if(out, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(text);
                }
                expr(out, v, pr + 1)?;
            }
            close_if(out, level > pr);
        }
        ExprKind::BinOp { left, op, right } => {
            let (text, pr) = binop(*op);
            let rassoc = u8::from(*op == Operator::Pow);
            open_if(out, level > pr);
            expr(out, left, pr + rassoc)?;
            out.push_str(text);
            expr(out, right, pr + 1 - rassoc)?;
            close_if(out, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            open_if(out, level > pr);
            out.push_str(text);
            expr(out, operand, pr)?;
            close_if(out, level > pr);
        }
        ExprKind::Lambda(l) => {
            open_if(out, level > PR_TEST);
            let positional = l.args.args.len() + l.args.posonlyargs.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(out, &l.args)?;
            out.push_str(": ");
            expr(out, &l.body, PR_TEST)?;
            close_if(out, level > PR_TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open_if(out, level > PR_TEST);
            expr(out, body, PR_TEST + 1)?;
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1)?;
            out.push_str(" else ");
            expr(out, orelse, PR_TEST)?;
            close_if(out, level > PR_TEST);
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST)?;
                        out.push_str(": ");
                        expr(out, v, PR_TEST)?;
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_EXPR)?;
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set(elts) => sequence(out, "{", elts, "}")?,
        ExprKind::List { elts, .. } => sequence(out, "[", elts, "]")?,
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return Ok(());
            }
            open_if(out, level > PR_TUPLE);
            for (i, x) in elts.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                expr(out, x, PR_TEST)?;
            }
            if elts.len() == 1 {
                out.push(',');
            }
            close_if(out, level > PR_TUPLE);
        }
        ExprKind::GeneratorExp(c) => {
            out.push('(');
            expr(out, &c.elt, PR_TEST)?;
            comprehensions(out, &c.generators)?;
            out.push(')');
        }
        ExprKind::ListComp(c) => {
            out.push('[');
            expr(out, &c.elt, PR_TEST)?;
            comprehensions(out, &c.generators)?;
            out.push(']');
        }
        ExprKind::SetComp(c) => {
            out.push('{');
            expr(out, &c.elt, PR_TEST)?;
            comprehensions(out, &c.generators)?;
            out.push('}');
        }
        ExprKind::DictComp(c) => {
            out.push('{');
            expr(out, &c.elt, PR_TEST)?;
            out.push_str(": ");
            if let Some(v) = &c.value {
                expr(out, v, PR_TEST)?;
            }
            comprehensions(out, &c.generators)?;
            out.push('}');
        }
        ExprKind::Yield(value) => match value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, PR_TEST)?;
                out.push(')');
            }
        },
        ExprKind::YieldFrom(v) => {
            out.push_str("(yield from ");
            expr(out, v, PR_TEST)?;
            out.push(')');
        }
        ExprKind::Await(v) => {
            open_if(out, level > PR_AWAIT);
            out.push_str("await ");
            expr(out, v, PR_ATOM)?;
            close_if(out, level > PR_AWAIT);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open_if(out, level > PR_CMP);
            expr(out, left, PR_CMP + 1)?;
            for (op, right) in ops.iter().zip(comparators) {
                out.push_str(cmpop(*op));
                expr(out, right, PR_CMP + 1)?;
            }
            close_if(out, level > PR_CMP);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => call(out, func, args, keywords)?,
        ExprKind::Constant(Constant::Ellipsis) => out.push_str("..."),
        ExprKind::Constant(c) => constant(out, c),
        ExprKind::JoinedStr(values) => joined(out, 'f', values, false)?,
        ExprKind::TemplateStr(values) => joined(out, 't', values, false)?,
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => replacement_field(
            out,
            &as_unicode(value, PR_TEST + 1)?,
            *conversion,
            format_spec,
        )?,
        ExprKind::Interpolation {
            str,
            conversion,
            format_spec,
            ..
        } => replacement_field(out, str, *conversion, format_spec)?,
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, PR_ATOM)?;
            // `1 .real`: an int literal needs the space.
            let int_literal = matches!(value.kind, ExprKind::Constant(Constant::Int(_)));
            out.push_str(if int_literal { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, PR_ATOM)?;
            out.push('[');
            expr(out, slice, PR_TUPLE)?;
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(out, value, PR_EXPR)?;
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST)?;
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST)?;
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST)?;
            }
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::NamedExpr { target, value } => {
            open_if(out, level > PR_TUPLE);
            expr(out, target, PR_ATOM)?;
            out.push_str(":=");
            expr(out, value, PR_ATOM)?;
            close_if(out, level > PR_TUPLE);
        }
    }
    Ok(())
}

fn binop(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", PR_ARITH),
        Operator::Sub => (" - ", PR_ARITH),
        Operator::Mult => (" * ", PR_TERM),
        Operator::MatMult => (" @ ", PR_TERM),
        Operator::Div => (" / ", PR_TERM),
        Operator::Mod => (" % ", PR_TERM),
        Operator::LShift => (" << ", PR_SHIFT),
        Operator::RShift => (" >> ", PR_SHIFT),
        Operator::BitOr => (" | ", PR_BOR),
        Operator::BitXor => (" ^ ", PR_BXOR),
        Operator::BitAnd => (" & ", PR_BAND),
        Operator::FloorDiv => (" // ", PR_TERM),
        Operator::Pow => (" ** ", PR_POWER),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn sequence(out: &mut String, open: &str, elts: &[Expr], close: &str) -> Result<(), CompileError> {
    out.push_str(open);
    for (i, x) in elts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, x, PR_TEST)?;
    }
    out.push_str(close);
    Ok(())
}

/// `append_ast_arg`.
fn arg(out: &mut String, a: &Arg) -> Result<(), CompileError> {
    out.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        out.push_str(": ");
        expr(out, ann, PR_TEST)?;
    }
    Ok(())
}

/// `append_ast_args`.
fn arguments(out: &mut String, args: &Arguments) -> Result<(), CompileError> {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let nposonly = args.posonlyargs.len();
    let npos = nposonly + args.args.len();
    let ndefaults = args.defaults.len();
    for (i, a) in args.posonlyargs.iter().chain(&args.args).enumerate() {
        sep(out);
        arg(out, a)?;
        if let Some(di) = (i + ndefaults).checked_sub(npos) {
            out.push('=');
            expr(out, &args.defaults[di], PR_TEST)?;
        }
        if nposonly > 0 && i + 1 == nposonly {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &args.vararg {
            arg(out, v)?;
        }
    }
    let nkw = args.kwonlyargs.len();
    let nkwdefaults = args.kw_defaults.len();
    for (i, a) in args.kwonlyargs.iter().enumerate() {
        sep(out);
        arg(out, a)?;
        if let Some(di) = (i + nkwdefaults).checked_sub(nkw)
            && let Some(Some(d)) = args.kw_defaults.get(di)
        {
            out.push('=');
            expr(out, d, PR_TEST)?;
        }
    }
    if let Some(k) = &args.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, k)?;
    }
    Ok(())
}

fn comprehensions(out: &mut String, gens: &[Comprehension]) -> Result<(), CompileError> {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE)?;
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1)?;
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1)?;
        }
    }
    Ok(())
}

/// `append_ast_call`: a lone generator expression argument keeps only its
/// own parentheses.
fn call(
    out: &mut String,
    func: &Expr,
    args: &[Expr],
    keywords: &[Keyword],
) -> Result<(), CompileError> {
    expr(out, func, PR_ATOM)?;
    if let [only] = args
        && keywords.is_empty()
        && matches!(only.kind, ExprKind::GeneratorExp(_))
    {
        return expr(out, only, PR_TEST);
    }
    out.push('(');
    let mut first = true;
    for a in args {
        if !first {
            out.push_str(", ");
        }
        first = false;
        expr(out, a, PR_TEST)?;
    }
    for k in keywords {
        if !first {
            out.push_str(", ");
        }
        first = false;
        match &k.arg {
            None => out.push_str("**"),
            Some(name) => {
                out.push_str(name);
                out.push('=');
            }
        }
        expr(out, &k.value, PR_TEST)?;
    }
    out.push(')');
    Ok(())
}

/// `append_joinedstr` (and its t-string twin): the body is built first,
/// then written as `f`/`t` and the body's repr, so that one pair of quotes
/// wraps everything; a format spec is written bare.
fn joined(
    out: &mut String,
    prefix: char,
    values: &[Expr],
    is_format_spec: bool,
) -> Result<(), CompileError> {
    let mut body = String::new();
    for v in values {
        fstring_element(&mut body, v)?;
    }
    if is_format_spec {
        out.push_str(&body);
    } else {
        out.push(prefix);
        out.push_str(&repr_str(&body));
    }
    Ok(())
}

/// `append_fstring_element`: literal text has its braces doubled.
fn fstring_element(out: &mut String, e: &Expr) -> Result<(), CompileError> {
    match &e.kind {
        ExprKind::Constant(Constant::Str(s)) => {
            out.push_str(&s.replace('{', "{{").replace('}', "}}"));
            Ok(())
        }
        ExprKind::JoinedStr(values) => joined(out, 'f', values, true),
        ExprKind::TemplateStr(values) => joined(out, 't', values, true),
        ExprKind::FormattedValue { .. } | ExprKind::Interpolation { .. } => expr(out, e, PR_TEST),
        _ => Err(CompileError::NotImplemented(
            "pyrs: unparsing an unexpected expression inside an f-string".into(),
        )),
    }
}

/// `append_formattedvalue` / `append_interpolation`: `{`, the expression
/// text (a space after the brace when it starts with one), the
/// conversion, the format spec, `}`.
fn replacement_field(
    out: &mut String,
    text: &str,
    conversion: i32,
    format_spec: &Option<Box<Expr>>,
) -> Result<(), CompileError> {
    out.push_str(if text.starts_with('{') { "{ " } else { "{" });
    out.push_str(text);
    if let Some(c @ ('a' | 'r' | 's')) = u8::try_from(conversion).ok().map(char::from) {
        out.push('!');
        out.push(c);
    }
    if let Some(spec) = format_spec {
        out.push(':');
        fstring_element(out, spec)?;
    }
    out.push('}');
    Ok(())
}
