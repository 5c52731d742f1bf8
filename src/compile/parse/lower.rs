//! ruff's tree to CPython's: statements, parameters and patterns (the
//! expressions are in [`super::lower_expr`], string literals in
//! [`super::lower_str`]).
//!
//! Where the two parsers disagree on a node's range, CPython's wins: a
//! decorated `def`/`class` starts at its keyword, not at the first
//! decorator; the only argument of a call that is an unparenthesized
//! generator expression spans the call's parentheses; a `*args` parameter
//! starts at its name.

use ruff_python_ast as r;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::{Ranged, TextRange};

use super::errors::ParseFailure;
use super::{LineIndex, Mode};
use crate::compile::ast::*;

/// The lowering pass's state.
pub struct Lowerer<'a> {
    pub src: &'a str,
    pub index: &'a LineIndex,
    pub tokens: &'a Tokens,
    next_id: NodeId,
    depth: u32,
    pub max_depth: u32,
}

pub type LResult<T> = Result<T, ParseFailure>;

impl<'a> Lowerer<'a> {
    pub fn new(src: &'a str, index: &'a LineIndex, tokens: &'a Tokens) -> Self {
        Lowerer {
            src,
            index,
            tokens,
            next_id: 0,
            depth: 0,
            max_depth: 0,
        }
    }

    pub fn new_id(&mut self) -> NodeId {
        self.next_id += 1;
        self.next_id
    }

    pub fn loc(&self, r: TextRange) -> Loc {
        self.index.loc(usize::from(r.start()), usize::from(r.end()))
    }

    pub fn loc_of(&self, start: usize, end: usize) -> Loc {
        self.index.loc(start, end)
    }

    pub fn error(&self, msg: impl Into<String>, r: TextRange) -> ParseFailure {
        ParseFailure::syntax(msg, self.loc(r), self.src, self.index)
    }

    /// Runs `f` one level deeper, on a grown stack when needed.
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> LResult<T>) -> LResult<T> {
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(self));
        self.depth -= 1;
        r
    }

    /// Tokens starting at or after byte `offset`.
    pub fn tokens_from(&self, offset: usize) -> &'a [r::token::Token] {
        let toks: &'a [r::token::Token] = self.tokens;
        let i = toks.partition_point(|t| usize::from(t.start()) < offset);
        &toks[i..]
    }

    pub fn lower_mod(&mut self, m: &r::Mod, mode: Mode) -> LResult<Mod> {
        let id = self.new_id();
        match (m, mode) {
            (r::Mod::Module(m), Mode::Exec) => Ok(Mod::Module {
                id,
                body: self.stmts(&m.body)?,
            }),
            (r::Mod::Module(m), _) => {
                let body = self.stmts(&m.body)?;
                Ok(Mod::Interactive { id, body })
            }
            (r::Mod::Expression(e), _) => Ok(Mod::Expression {
                id,
                body: Box::new(self.expr(&e.body)?),
            }),
        }
    }

    pub fn stmts(&mut self, body: &[r::Stmt]) -> LResult<Vec<Stmt>> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    /// Where a decorated definition starts: its `def`, `async` or `class`
    /// keyword (CPython's `lineno`/`col_offset` for it).
    fn def_start(&self, range: TextRange, decorators: &[r::Decorator]) -> usize {
        let Some(last) = decorators.last() else {
            return usize::from(range.start());
        };
        for t in self.tokens_from(usize::from(last.range.end())) {
            if matches!(
                t.kind(),
                TokenKind::Def | TokenKind::Async | TokenKind::Class
            ) {
                return usize::from(t.start());
            }
        }
        usize::from(range.start())
    }

    fn stmt(&mut self, s: &r::Stmt) -> LResult<Stmt> {
        self.nested(|this| this.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &r::Stmt) -> LResult<Stmt> {
        let loc = self.loc(s.range());
        let kind = match s {
            r::Stmt::FunctionDef(f) => {
                let start = self.def_start(f.range, &f.decorator_list);
                let loc = self.loc_of(start, usize::from(f.range.end()));
                let decorator_list = f
                    .decorator_list
                    .iter()
                    .map(|d| self.expr(&d.expression))
                    .collect::<LResult<Vec<_>>>()?;
                let type_params = self.type_params(f.type_params.as_deref())?;
                let args = self.parameters(Some(&f.parameters))?;
                let returns = self.opt_expr(f.returns.as_deref())?;
                let body = self.stmts(&f.body)?;
                let id = self.new_id();
                return Ok(Stmt {
                    kind: StmtKind::FunctionDef(Box::new(FunctionDef {
                        id,
                        is_async: f.is_async,
                        name: f.name.id.to_string(),
                        args,
                        body,
                        decorator_list,
                        returns,
                        type_params,
                    })),
                    loc,
                });
            }
            r::Stmt::ClassDef(c) => {
                let start = self.def_start(c.range, &c.decorator_list);
                let loc = self.loc_of(start, usize::from(c.range.end()));
                let decorator_list = c
                    .decorator_list
                    .iter()
                    .map(|d| self.expr(&d.expression))
                    .collect::<LResult<Vec<_>>>()?;
                let type_params = self.type_params(c.type_params.as_deref())?;
                let (bases, keywords) = match &c.arguments {
                    Some(a) => self.arguments(a)?,
                    None => (Vec::new(), Vec::new()),
                };
                let body = self.stmts(&c.body)?;
                let id = self.new_id();
                return Ok(Stmt {
                    kind: StmtKind::ClassDef(Box::new(ClassDef {
                        id,
                        name: c.name.id.to_string(),
                        bases,
                        keywords,
                        body,
                        decorator_list,
                        type_params,
                    })),
                    loc,
                });
            }
            r::Stmt::Return(x) => StmtKind::Return(self.opt_expr(x.value.as_deref())?),
            r::Stmt::Delete(x) => StmtKind::Delete(self.exprs(&x.targets)?),
            r::Stmt::TypeAlias(x) => {
                let name = Box::new(self.expr(&x.name)?);
                let type_params = self.type_params(x.type_params.as_deref())?;
                let value = Box::new(self.expr(&x.value)?);
                let id = self.new_id();
                StmtKind::TypeAlias(Box::new(TypeAlias {
                    id,
                    name,
                    type_params,
                    value,
                }))
            }
            r::Stmt::Assign(x) => StmtKind::Assign {
                targets: self.exprs(&x.targets)?,
                value: Box::new(self.expr(&x.value)?),
            },
            r::Stmt::AugAssign(x) => StmtKind::AugAssign {
                target: Box::new(self.expr(&x.target)?),
                op: operator(x.op),
                value: Box::new(self.expr(&x.value)?),
            },
            r::Stmt::AnnAssign(x) => StmtKind::AnnAssign {
                target: Box::new(self.expr(&x.target)?),
                annotation: Box::new(self.expr(&x.annotation)?),
                value: self.opt_expr(x.value.as_deref())?,
                simple: x.simple,
            },
            r::Stmt::For(x) => StmtKind::For {
                is_async: x.is_async,
                target: Box::new(self.expr(&x.target)?),
                iter: Box::new(self.expr(&x.iter)?),
                body: self.stmts(&x.body)?,
                orelse: self.stmts(&x.orelse)?,
            },
            r::Stmt::While(x) => StmtKind::While {
                test: Box::new(self.expr(&x.test)?),
                body: self.stmts(&x.body)?,
                orelse: self.stmts(&x.orelse)?,
            },
            r::Stmt::If(x) => {
                let test = Box::new(self.expr(&x.test)?);
                let body = self.stmts(&x.body)?;
                let orelse = self.elif_else(&x.elif_else_clauses, usize::from(x.range.end()))?;
                StmtKind::If { test, body, orelse }
            }
            r::Stmt::With(x) => StmtKind::With {
                is_async: x.is_async,
                items: x
                    .items
                    .iter()
                    .map(|i| {
                        Ok(WithItem {
                            context_expr: self.expr(&i.context_expr)?,
                            optional_vars: self.opt_expr(i.optional_vars.as_deref())?,
                        })
                    })
                    .collect::<LResult<Vec<_>>>()?,
                body: self.stmts(&x.body)?,
            },
            r::Stmt::Match(x) => StmtKind::Match {
                subject: Box::new(self.expr(&x.subject)?),
                cases: x
                    .cases
                    .iter()
                    .map(|c| {
                        Ok(MatchCase {
                            pattern: self.pattern(&c.pattern)?,
                            guard: self.opt_expr(c.guard.as_deref())?,
                            body: self.stmts(&c.body)?,
                        })
                    })
                    .collect::<LResult<Vec<_>>>()?,
            },
            r::Stmt::Raise(x) => StmtKind::Raise {
                exc: self.opt_expr(x.exc.as_deref())?,
                cause: self.opt_expr(x.cause.as_deref())?,
            },
            r::Stmt::Try(x) => StmtKind::Try {
                is_star: x.is_star,
                body: self.stmts(&x.body)?,
                handlers: x
                    .handlers
                    .iter()
                    .map(|h| {
                        let r::ExceptHandler::ExceptHandler(h) = h;
                        Ok(ExceptHandler {
                            type_: self.opt_expr(h.type_.as_deref())?,
                            name: h.name.as_ref().map(|n| n.id.to_string()),
                            body: self.stmts(&h.body)?,
                            loc: self.loc(h.range),
                        })
                    })
                    .collect::<LResult<Vec<_>>>()?,
                orelse: self.stmts(&x.orelse)?,
                finalbody: self.stmts(&x.finalbody)?,
            },
            r::Stmt::Assert(x) => StmtKind::Assert {
                test: Box::new(self.expr(&x.test)?),
                msg: self.opt_expr(x.msg.as_deref())?,
            },
            r::Stmt::Import(x) => {
                if x.is_lazy {
                    return Err(self.error("invalid syntax", x.range));
                }
                StmtKind::Import(x.names.iter().map(|a| self.alias(a)).collect())
            }
            r::Stmt::ImportFrom(x) => {
                if x.is_lazy {
                    return Err(self.error("invalid syntax", x.range));
                }
                StmtKind::ImportFrom {
                    module: x.module.as_ref().map(|m| m.id.to_string()),
                    names: x.names.iter().map(|a| self.alias(a)).collect(),
                    level: x.level,
                }
            }
            r::Stmt::Global(x) => {
                StmtKind::Global(x.names.iter().map(|n| n.id.to_string()).collect())
            }
            r::Stmt::Nonlocal(x) => {
                StmtKind::Nonlocal(x.names.iter().map(|n| n.id.to_string()).collect())
            }
            r::Stmt::Expr(x) => StmtKind::Expr(Box::new(self.expr(&x.value)?)),
            r::Stmt::Pass(_) => StmtKind::Pass,
            r::Stmt::Break(_) => StmtKind::Break,
            r::Stmt::Continue(_) => StmtKind::Continue,
            r::Stmt::IpyEscapeCommand(x) => return Err(self.error("invalid syntax", x.range)),
        };
        Ok(Stmt { kind, loc })
    }

    /// `elif`/`else` clauses as CPython nests them: each `elif` is an `If`
    /// in the previous one's `orelse`, spanning to the end of the statement.
    fn elif_else(&mut self, clauses: &[r::ElifElseClause], end: usize) -> LResult<Vec<Stmt>> {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(Vec::new());
        };
        match &first.test {
            None => self.stmts(&first.body),
            Some(test) => {
                let test = Box::new(self.expr(test)?);
                let body = self.stmts(&first.body)?;
                let orelse = self.elif_else(rest, end)?;
                let start = usize::from(first.range.start());
                Ok(vec![Stmt {
                    kind: StmtKind::If { test, body, orelse },
                    loc: self.loc_of(start, end),
                }])
            }
        }
    }

    fn alias(&self, a: &r::Alias) -> Alias {
        Alias {
            name: a.name.id.to_string(),
            asname: a.asname.as_ref().map(|n| n.id.to_string()),
            loc: self.loc(a.range),
        }
    }

    fn type_params(&mut self, tp: Option<&r::TypeParams>) -> LResult<TypeParams> {
        let Some(tp) = tp else {
            return Ok(TypeParams::default());
        };
        let mut params = Vec::new();
        for p in &tp.type_params {
            let id = self.new_id();
            let (kind, name, bound, default, range) = match p {
                r::TypeParam::TypeVar(t) => (
                    TypeParamKind::TypeVar,
                    &t.name,
                    t.bound.as_deref(),
                    t.default.as_deref(),
                    t.range,
                ),
                r::TypeParam::ParamSpec(t) => (
                    TypeParamKind::ParamSpec,
                    &t.name,
                    None,
                    t.default.as_deref(),
                    t.range,
                ),
                r::TypeParam::TypeVarTuple(t) => (
                    TypeParamKind::TypeVarTuple,
                    &t.name,
                    None,
                    t.default.as_deref(),
                    t.range,
                ),
            };
            params.push(TypeParam {
                id,
                kind,
                name: name.id.to_string(),
                bound: self.opt_expr(bound)?,
                default_value: self.opt_expr(default)?,
                loc: self.loc(range),
            });
        }
        Ok(TypeParams {
            id: self.new_id(),
            params,
        })
    }

    fn param(&mut self, p: &r::Parameter) -> LResult<Arg> {
        let start = usize::from(p.name.range.start());
        Ok(Arg {
            arg: p.name.id.to_string(),
            annotation: self.opt_expr(p.annotation.as_deref())?,
            loc: self.loc_of(start, usize::from(p.range.end())),
        })
    }

    /// `arguments` from ruff's parameters (a lambda may have none).
    pub fn parameters(&mut self, p: Option<&r::Parameters>) -> LResult<Arguments> {
        let mut a = Arguments {
            id: self.new_id(),
            ..Arguments::default()
        };
        let Some(p) = p else {
            return Ok(a);
        };
        for pd in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &pd.default {
                a.defaults.push(self.expr(d)?);
            }
        }
        for pd in &p.posonlyargs {
            a.posonlyargs.push(self.param(&pd.parameter)?);
        }
        for pd in &p.args {
            a.args.push(self.param(&pd.parameter)?);
        }
        if let Some(v) = &p.vararg {
            a.vararg = Some(Box::new(self.param(v)?));
        }
        for pd in &p.kwonlyargs {
            a.kwonlyargs.push(self.param(&pd.parameter)?);
            let d = self.opt_expr(pd.default.as_deref())?;
            a.kw_defaults.push(d.map(|b| *b));
        }
        if let Some(k) = &p.kwarg {
            a.kwarg = Some(Box::new(self.param(k)?));
        }
        Ok(a)
    }

    fn pattern(&mut self, p: &r::Pattern) -> LResult<Pattern> {
        self.nested(|this| this.pattern_inner(p))
    }

    fn patterns(&mut self, ps: &[r::Pattern]) -> LResult<Vec<Pattern>> {
        ps.iter().map(|p| self.pattern(p)).collect()
    }

    fn pattern_inner(&mut self, p: &r::Pattern) -> LResult<Pattern> {
        let loc = self.loc(p.range());
        let kind = match p {
            r::Pattern::MatchValue(v) => PatternKind::MatchValue(Box::new(self.expr(&v.value)?)),
            r::Pattern::MatchSingleton(s) => PatternKind::MatchSingleton(match s.value {
                r::Singleton::None => Constant::None,
                r::Singleton::True => Constant::Bool(true),
                r::Singleton::False => Constant::Bool(false),
            }),
            r::Pattern::MatchSequence(s) => PatternKind::MatchSequence(self.patterns(&s.patterns)?),
            r::Pattern::MatchMapping(m) => PatternKind::MatchMapping {
                keys: self.exprs(&m.keys)?,
                patterns: self.patterns(&m.patterns)?,
                rest: m.rest.as_ref().map(|n| n.id.to_string()),
            },
            r::Pattern::MatchClass(c) => {
                let mut kwd_attrs = Vec::new();
                let mut kwd_patterns = Vec::new();
                for k in &c.arguments.keywords {
                    kwd_attrs.push(k.attr.id.to_string());
                    kwd_patterns.push(self.pattern(&k.pattern)?);
                }
                PatternKind::MatchClass {
                    cls: Box::new(self.expr(&c.cls)?),
                    patterns: self.patterns(&c.arguments.patterns)?,
                    kwd_attrs,
                    kwd_patterns,
                }
            }
            r::Pattern::MatchStar(s) => {
                PatternKind::MatchStar(s.name.as_ref().map(|n| n.id.to_string()))
            }
            r::Pattern::MatchAs(a) => PatternKind::MatchAs {
                pattern: match &a.pattern {
                    Some(p) => Some(Box::new(self.pattern(p)?)),
                    None => None,
                },
                name: a.name.as_ref().map(|n| n.id.to_string()),
            },
            r::Pattern::MatchOr(o) => PatternKind::MatchOr(self.patterns(&o.patterns)?),
        };
        Ok(Pattern { kind, loc })
    }
}

pub fn operator(op: r::Operator) -> Operator {
    match op {
        r::Operator::Add => Operator::Add,
        r::Operator::Sub => Operator::Sub,
        r::Operator::Mult => Operator::Mult,
        r::Operator::MatMult => Operator::MatMult,
        r::Operator::Div => Operator::Div,
        r::Operator::Mod => Operator::Mod,
        r::Operator::Pow => Operator::Pow,
        r::Operator::LShift => Operator::LShift,
        r::Operator::RShift => Operator::RShift,
        r::Operator::BitOr => Operator::BitOr,
        r::Operator::BitXor => Operator::BitXor,
        r::Operator::BitAnd => Operator::BitAnd,
        r::Operator::FloorDiv => Operator::FloorDiv,
    }
}
