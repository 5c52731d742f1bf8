//! Expressions: ruff's `Expr` to CPython's (see [`super::lower`]).

use ruff_python_ast as r;
use ruff_text_size::Ranged;

use super::lower::{LResult, Lowerer, operator};
use crate::compile::ast::*;

fn ctx(c: r::ExprContext) -> Option<ExprContext> {
    match c {
        r::ExprContext::Load => Some(ExprContext::Load),
        r::ExprContext::Store => Some(ExprContext::Store),
        r::ExprContext::Del => Some(ExprContext::Del),
        r::ExprContext::Invalid => None,
    }
}

fn cmpop(op: r::CmpOp) -> CmpOp {
    match op {
        r::CmpOp::Eq => CmpOp::Eq,
        r::CmpOp::NotEq => CmpOp::NotEq,
        r::CmpOp::Lt => CmpOp::Lt,
        r::CmpOp::LtE => CmpOp::LtE,
        r::CmpOp::Gt => CmpOp::Gt,
        r::CmpOp::GtE => CmpOp::GtE,
        r::CmpOp::Is => CmpOp::Is,
        r::CmpOp::IsNot => CmpOp::IsNot,
        r::CmpOp::In => CmpOp::In,
        r::CmpOp::NotIn => CmpOp::NotIn,
    }
}

impl Lowerer<'_> {
    pub fn expr(&mut self, e: &r::Expr) -> LResult<Expr> {
        self.nested(|this| this.expr_inner(e))
    }

    pub fn opt_expr(&mut self, e: Option<&r::Expr>) -> LResult<Option<Box<Expr>>> {
        match e {
            Some(e) => Ok(Some(Box::new(self.expr(e)?))),
            None => Ok(None),
        }
    }

    pub fn exprs(&mut self, v: &[r::Expr]) -> LResult<Vec<Expr>> {
        v.iter().map(|e| self.expr(e)).collect()
    }

    fn ctx_of(&self, c: r::ExprContext, range: ruff_text_size::TextRange) -> LResult<ExprContext> {
        ctx(c).ok_or_else(|| self.error("invalid syntax", range))
    }

    /// A call's positional and keyword arguments (also a class's bases).
    pub fn arguments(&mut self, a: &r::Arguments) -> LResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::with_capacity(a.args.len());
        for e in a.args.iter() {
            let mut x = self.expr(e)?;
            // `f(x for x in y)`: the generator expression spans the
            // call's parentheses.
            if a.args.len() == 1
                && a.keywords.is_empty()
                && let r::Expr::Generator(g) = e
                && !g.parenthesized
            {
                x.loc = self.loc(a.range);
            }
            args.push(x);
        }
        let mut keywords = Vec::with_capacity(a.keywords.len());
        for k in a.keywords.iter() {
            keywords.push(Keyword {
                arg: k.arg.as_ref().map(|n| n.id.to_string()),
                value: self.expr(&k.value)?,
                loc: self.loc(k.range),
            });
        }
        Ok((args, keywords))
    }

    fn comp(
        &mut self,
        elt: &r::Expr,
        value: Option<&r::Expr>,
        generators: &[r::Comprehension],
    ) -> LResult<Box<Comp>> {
        let elt = Box::new(self.expr(elt)?);
        let value = self.opt_expr(value)?;
        let mut gens = Vec::with_capacity(generators.len());
        for g in generators {
            gens.push(Comprehension {
                target: self.expr(&g.target)?,
                iter: self.expr(&g.iter)?,
                ifs: self.exprs(&g.ifs)?,
                is_async: g.is_async,
            });
        }
        Ok(Box::new(Comp {
            id: self.new_id(),
            elt,
            value,
            generators: gens,
        }))
    }

    fn expr_inner(&mut self, e: &r::Expr) -> LResult<Expr> {
        let loc = self.loc(e.range());
        let kind = match e {
            r::Expr::BoolOp(x) => ExprKind::BoolOp {
                op: match x.op {
                    r::BoolOp::And => BoolOp::And,
                    r::BoolOp::Or => BoolOp::Or,
                },
                values: self.exprs(&x.values)?,
            },
            r::Expr::Named(x) => ExprKind::NamedExpr {
                target: Box::new(self.expr(&x.target)?),
                value: Box::new(self.expr(&x.value)?),
            },
            r::Expr::BinOp(x) => ExprKind::BinOp {
                left: Box::new(self.expr(&x.left)?),
                op: operator(x.op),
                right: Box::new(self.expr(&x.right)?),
            },
            r::Expr::UnaryOp(x) => ExprKind::UnaryOp {
                op: match x.op {
                    r::UnaryOp::Invert => UnaryOp::Invert,
                    r::UnaryOp::Not => UnaryOp::Not,
                    r::UnaryOp::UAdd => UnaryOp::UAdd,
                    r::UnaryOp::USub => UnaryOp::USub,
                },
                operand: Box::new(self.expr(&x.operand)?),
            },
            r::Expr::Lambda(x) => {
                let args = self.parameters(x.parameters.as_deref())?;
                let body = Box::new(self.expr(&x.body)?);
                ExprKind::Lambda(Box::new(Lambda {
                    id: self.new_id(),
                    args,
                    body,
                }))
            }
            r::Expr::If(x) => ExprKind::IfExp {
                test: Box::new(self.expr(&x.test)?),
                body: Box::new(self.expr(&x.body)?),
                orelse: Box::new(self.expr(&x.orelse)?),
            },
            r::Expr::Dict(x) => {
                let mut keys = Vec::with_capacity(x.items.len());
                let mut values = Vec::with_capacity(x.items.len());
                for item in &x.items {
                    keys.push(match &item.key {
                        Some(k) => Some(self.expr(k)?),
                        None => None,
                    });
                    values.push(self.expr(&item.value)?);
                }
                ExprKind::Dict { keys, values }
            }
            r::Expr::Set(x) => ExprKind::Set(self.exprs(&x.elts)?),
            r::Expr::ListComp(x) => ExprKind::ListComp(self.comp(&x.elt, None, &x.generators)?),
            r::Expr::SetComp(x) => ExprKind::SetComp(self.comp(&x.elt, None, &x.generators)?),
            r::Expr::DictComp(x) => {
                let Some(key) = x.key.as_deref() else {
                    return Err(self.error(
                        "dict unpacking cannot be used in dict comprehension",
                        x.range,
                    ));
                };
                ExprKind::DictComp(self.comp(key, Some(&x.value), &x.generators)?)
            }
            r::Expr::Generator(x) => {
                ExprKind::GeneratorExp(self.comp(&x.elt, None, &x.generators)?)
            }
            r::Expr::Await(x) => ExprKind::Await(Box::new(self.expr(&x.value)?)),
            r::Expr::Yield(x) => ExprKind::Yield(self.opt_expr(x.value.as_deref())?),
            r::Expr::YieldFrom(x) => ExprKind::YieldFrom(Box::new(self.expr(&x.value)?)),
            r::Expr::Compare(x) => ExprKind::Compare {
                left: Box::new(self.expr(&x.left)?),
                ops: x.ops.iter().map(|o| cmpop(*o)).collect(),
                comparators: self.exprs(&x.comparators)?,
            },
            r::Expr::Call(x) => {
                let func = Box::new(self.expr(&x.func)?);
                let (args, keywords) = self.arguments(&x.arguments)?;
                ExprKind::Call {
                    func,
                    args,
                    keywords,
                }
            }
            r::Expr::FString(x) => return self.fstring_expr(x),
            r::Expr::TString(x) => return self.tstring_expr(x),
            r::Expr::StringLiteral(x) => {
                ExprKind::Constant(Constant::Str(x.value.to_str().to_string()))
            }
            r::Expr::BytesLiteral(x) => {
                ExprKind::Constant(Constant::Bytes(x.value.bytes().collect()))
            }
            r::Expr::NumberLiteral(x) => ExprKind::Constant(self.number(x)?),
            r::Expr::BooleanLiteral(x) => ExprKind::Constant(Constant::Bool(x.value)),
            r::Expr::NoneLiteral(_) => ExprKind::Constant(Constant::None),
            r::Expr::EllipsisLiteral(_) => ExprKind::Constant(Constant::Ellipsis),
            r::Expr::Attribute(x) => ExprKind::Attribute {
                value: Box::new(self.expr(&x.value)?),
                attr: x.attr.id.to_string(),
                ctx: self.ctx_of(x.ctx, x.range)?,
            },
            r::Expr::Subscript(x) => ExprKind::Subscript {
                value: Box::new(self.expr(&x.value)?),
                slice: Box::new(self.expr(&x.slice)?),
                ctx: self.ctx_of(x.ctx, x.range)?,
            },
            r::Expr::Starred(x) => ExprKind::Starred {
                value: Box::new(self.expr(&x.value)?),
                ctx: self.ctx_of(x.ctx, x.range)?,
            },
            r::Expr::Name(x) => ExprKind::Name {
                id: x.id.to_string(),
                ctx: self.ctx_of(x.ctx, x.range)?,
            },
            r::Expr::List(x) => ExprKind::List {
                elts: self.exprs(&x.elts)?,
                ctx: self.ctx_of(x.ctx, x.range)?,
            },
            r::Expr::Tuple(x) => ExprKind::Tuple {
                elts: self.exprs(&x.elts)?,
                ctx: self.ctx_of(x.ctx, x.range)?,
            },
            r::Expr::Slice(x) => ExprKind::Slice {
                lower: self.opt_expr(x.lower.as_deref())?,
                upper: self.opt_expr(x.upper.as_deref())?,
                step: self.opt_expr(x.step.as_deref())?,
            },
            r::Expr::IpyEscapeCommand(x) => return Err(self.error("invalid syntax", x.range)),
        };
        Ok(Expr { kind, loc })
    }
}
