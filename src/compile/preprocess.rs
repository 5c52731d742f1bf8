//! The AST preprocessing CPython 3.14 does before the symbol table (a port
//! of `Python/ast_preprocess.c`; constant folding itself moved to the flow
//! graph in 3.14). What is left:
//!
//! - `__debug__` becomes the constant `not optimize`;
//! - `"%s ... %r" % (a, b)` with simple conversions becomes an f-string
//!   (`optimize_format`);
//! - negative numbers and complex literals in `match` patterns are folded;
//! - docstrings are dropped at `optimize >= 2`;
//! - `return`, `break` and `continue` that leave a `finally` block are
//!   reported as SyntaxWarnings (PEP 765).

use super::ast::*;
use super::future::flags::CO_FUTURE_ANNOTATIONS;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// A compile-time warning: message and location.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub msg: String,
    pub loc: Loc,
}

#[derive(Clone, Copy)]
struct FinallyContext {
    in_finally: bool,
    in_funcdef: bool,
    in_loop: bool,
}

/// `_PyASTPreprocessState`.
struct State {
    optimize: i32,
    ff_features: u32,
    cf_finally: Vec<FinallyContext>,
    warnings: Vec<Warning>,
}

/// `_PyAST_Preprocess`; returns the warnings to emit.
pub fn preprocess(m: &mut Mod, optimize: i32, ff_features: u32) -> Vec<Warning> {
    let mut st = State {
        optimize,
        ff_features,
        cf_finally: Vec::new(),
        warnings: Vec::new(),
    };
    match m {
        Mod::Module { body, .. } => st.body(body),
        Mod::Interactive { body, .. } => st.stmts(body),
        Mod::Expression { body, .. } => st.expr(body),
    }
    st.warnings
}

impl State {
    fn warn_control_flow(&mut self, kw: &str, loc: Loc) {
        self.warnings.push(Warning {
            msg: format!("'{kw}' in a 'finally' block"),
            loc,
        });
    }

    fn with_context(&mut self, ctx: FinallyContext, f: impl FnOnce(&mut Self)) {
        self.cf_finally.push(ctx);
        f(self);
        self.cf_finally.pop();
    }

    /// `astfold_body`: drops the docstring at `-OO`, and keeps a body that
    /// folding would turn into one from getting a docstring.
    fn body(&mut self, stmts: &mut Vec<Stmt>) {
        let mut has_doc = docstring(stmts).is_some();
        if has_doc && self.optimize >= 2 {
            remove_docstring(stmts);
            has_doc = false;
        }
        self.stmts(stmts);
        if !has_doc
            && docstring(stmts).is_some()
            && let Some(first) = stmts.first_mut()
            && let StmtKind::Expr(e) = &mut first.kind
        {
            let loc = first.loc;
            let inner =
                std::mem::replace(&mut **e, Expr::new(ExprKind::Constant(Constant::None), loc));
            **e = Expr::new(ExprKind::JoinedStr(vec![inner]), loc);
        }
    }

    fn stmts(&mut self, stmts: &mut [Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn exprs(&mut self, v: &mut [Expr]) {
        for e in v {
            self.expr(e);
        }
    }

    fn opt_expr(&mut self, e: &mut Option<Box<Expr>>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn arguments(&mut self, a: &mut Arguments) {
        let annotations = self.ff_features & CO_FUTURE_ANNOTATIONS == 0;
        for arg in a
            .posonlyargs
            .iter_mut()
            .chain(a.args.iter_mut())
            .chain(a.vararg.as_deref_mut())
            .chain(a.kwonlyargs.iter_mut())
            .chain(a.kwarg.as_deref_mut())
        {
            if annotations {
                self.opt_expr(&mut arg.annotation);
            }
        }
        for d in a.kw_defaults.iter_mut().flatten() {
            self.expr(d);
        }
        self.exprs(&mut a.defaults);
    }

    fn type_params(&mut self, tp: &mut TypeParams) {
        for p in &mut tp.params {
            self.opt_expr(&mut p.bound);
            self.opt_expr(&mut p.default_value);
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &mut Stmt) {
        let loc = s.loc;
        match &mut s.kind {
            StmtKind::FunctionDef(f) => {
                self.type_params(&mut f.type_params);
                self.arguments(&mut f.args);
                self.with_context(
                    FinallyContext {
                        in_finally: false,
                        in_funcdef: true,
                        in_loop: false,
                    },
                    |st| st.body(&mut f.body),
                );
                self.exprs(&mut f.decorator_list);
                if self.ff_features & CO_FUTURE_ANNOTATIONS == 0 {
                    self.opt_expr(&mut f.returns);
                }
            }
            StmtKind::ClassDef(c) => {
                self.type_params(&mut c.type_params);
                self.exprs(&mut c.bases);
                for k in &mut c.keywords {
                    self.expr(&mut k.value);
                }
                self.body(&mut c.body);
                self.exprs(&mut c.decorator_list);
            }
            StmtKind::Return(v) => {
                self.before_return(loc);
                self.opt_expr(v);
            }
            StmtKind::Delete(t) => self.exprs(t),
            StmtKind::Assign { targets, value } => {
                self.exprs(targets);
                self.expr(value);
            }
            StmtKind::TypeAlias(t) => {
                self.expr(&mut t.name);
                self.type_params(&mut t.type_params);
                self.expr(&mut t.value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.expr(target);
                if self.ff_features & CO_FUTURE_ANNOTATIONS == 0 {
                    self.expr(annotation);
                }
                self.opt_expr(value);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(target);
                self.expr(iter);
                self.loop_body(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.loop_body(body);
                self.stmts(orelse);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for i in items.iter_mut() {
                    self.expr(&mut i.context_expr);
                    self.opt_expr(&mut i.optional_vars);
                }
                self.stmts(body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&mut c.pattern);
                    self.opt_expr(&mut c.guard);
                    self.stmts(&mut c.body);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc);
                self.opt_expr(cause);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body);
                for h in handlers {
                    self.opt_expr(&mut h.type_);
                    self.stmts(&mut h.body);
                }
                self.stmts(orelse);
                self.with_context(
                    FinallyContext {
                        in_finally: true,
                        in_funcdef: false,
                        in_loop: false,
                    },
                    |st| st.stmts(finalbody),
                );
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                self.opt_expr(msg);
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Break => self.before_loop_exit(loc, "break"),
            StmtKind::Continue => self.before_loop_exit(loc, "continue"),
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Pass => {}
        }
    }

    fn loop_body(&mut self, body: &mut [Stmt]) {
        self.with_context(
            FinallyContext {
                in_finally: false,
                in_funcdef: false,
                in_loop: true,
            },
            |st| st.stmts(body),
        );
    }

    /// `before_return`.
    fn before_return(&mut self, loc: Loc) {
        if let Some(ctx) = self.cf_finally.last()
            && ctx.in_finally
            && !ctx.in_funcdef
        {
            self.warn_control_flow("return", loc);
        }
    }

    /// `before_loop_exit`.
    fn before_loop_exit(&mut self, loc: Loc, kw: &str) {
        if let Some(ctx) = self.cf_finally.last()
            && ctx.in_finally
            && !ctx.in_loop
        {
            self.warn_control_flow(kw, loc);
        }
    }

    fn comp(&mut self, c: &mut Comp) {
        self.expr(&mut c.elt);
        self.opt_expr(&mut c.value);
        for g in &mut c.generators {
            self.expr(&mut g.target);
            self.expr(&mut g.iter);
            self.exprs(&mut g.ifs);
        }
    }

    fn expr(&mut self, e: &mut Expr) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
                fold_binop(e);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda(l) => {
                self.arguments(&mut l.args);
                self.expr(&mut l.body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter_mut().flatten() {
                    self.expr(k);
                }
                self.exprs(values);
            }
            ExprKind::Set(elts) => self.exprs(elts),
            ExprKind::ListComp(c)
            | ExprKind::SetComp(c)
            | ExprKind::DictComp(c)
            | ExprKind::GeneratorExp(c) => self.comp(c),
            ExprKind::Await(v) | ExprKind::YieldFrom(v) => self.expr(v),
            ExprKind::Yield(v) => self.opt_expr(v),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left);
                self.exprs(comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func);
                self.exprs(args);
                for k in keywords {
                    self.expr(&mut k.value);
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            }
            | ExprKind::Interpolation {
                value, format_spec, ..
            } => {
                self.expr(value);
                self.opt_expr(format_spec);
            }
            ExprKind::JoinedStr(v) | ExprKind::TemplateStr(v) => self.exprs(v),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower);
                self.opt_expr(upper);
                self.opt_expr(step);
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts),
            ExprKind::Name { id, ctx } => {
                if *ctx == ExprContext::Load && id == "__debug__" {
                    e.kind = ExprKind::Constant(Constant::Bool(self.optimize == 0));
                }
            }
            ExprKind::NamedExpr { value, .. } => self.expr(value),
            ExprKind::Constant(_) => {}
        }
    }

    fn pattern(&mut self, p: &mut Pattern) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || match &mut p.kind {
            PatternKind::MatchValue(v) => fold_const_match_patterns(v),
            PatternKind::MatchSingleton(_) | PatternKind::MatchStar(_) => {}
            PatternKind::MatchSequence(ps) | PatternKind::MatchOr(ps) => {
                for p in ps {
                    self.pattern(p);
                }
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                for k in keys {
                    fold_const_match_patterns(k);
                }
                for p in patterns {
                    self.pattern(p);
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls);
                for p in patterns.iter_mut().chain(kwd_patterns.iter_mut()) {
                    self.pattern(p);
                }
            }
            PatternKind::MatchAs { pattern, .. } => {
                if let Some(p) = pattern {
                    self.pattern(p);
                }
            }
        })
    }
}

/// `remove_docstring`: the docstring goes; a body of just a docstring
/// becomes `pass` (4 columns long, on the docstring's first line).
fn remove_docstring(stmts: &mut Vec<Stmt>) {
    if stmts.len() == 1 {
        let l = stmts[0].loc;
        stmts[0] = Stmt {
            kind: StmtKind::Pass,
            loc: Loc::new(l.lineno, l.lineno, l.col_offset, l.col_offset + 4),
        };
    } else if !stmts.is_empty() {
        stmts.remove(0);
    }
}

/// `fold_binop`: only `str % tuple` is rewritten now.
fn fold_binop(e: &mut Expr) {
    let ExprKind::BinOp {
        left,
        op: Operator::Mod,
        right,
    } = &mut e.kind
    else {
        return;
    };
    let ExprKind::Constant(Constant::Str(fmt)) = &left.kind else {
        return;
    };
    let ExprKind::Tuple { elts, .. } = &mut right.kind else {
        return;
    };
    if elts.iter().any(Expr::is_starred) {
        return;
    }
    if let Some(values) = optimize_format(fmt, elts) {
        e.kind = ExprKind::JoinedStr(values);
    }
}

/// `parse_literal`: text up to the next lone `%`, with `%%` unescaped.
fn parse_literal(fmt: &[char], pos: &mut usize) -> Option<Expr> {
    let start = *pos;
    let mut has_percents = false;
    while *pos < fmt.len() {
        if fmt[*pos] != '%' {
            *pos += 1;
        } else if *pos + 1 < fmt.len() && fmt[*pos + 1] == '%' {
            has_percents = true;
            *pos += 2;
        } else {
            break;
        }
    }
    if *pos == start {
        return None;
    }
    let mut s: String = fmt[start..*pos].iter().collect();
    if has_percents {
        s = s.replace("%%", "%");
    }
    Some(Expr::new(ExprKind::Constant(Constant::Str(s)), Loc::NONE))
}

const MAXDIGITS: i32 = 3;
const F_LJUST: u32 = 1;

/// `simple_format_arg_parse`: (spec, flags, width, prec) of a conversion.
fn simple_format_arg_parse(fmt: &[char], pos: &mut usize) -> Option<(char, u32, i32, i32)> {
    let mut p = *pos;
    let next = |p: &mut usize| -> Option<char> {
        let c = fmt.get(*p).copied();
        *p += 1;
        c
    };
    let mut flags = 0u32;
    let mut ch;
    loop {
        ch = next(&mut p)?;
        match ch {
            '-' => flags |= F_LJUST,
            '+' => flags |= 2,
            ' ' => flags |= 4,
            '#' => flags |= 8,
            '0' => flags |= 16,
            _ => break,
        }
    }
    let mut width = -1;
    let mut prec = -1;
    if ch.is_ascii_digit() {
        width = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            width = width * 10 + (ch as i32 - '0' as i32);
            ch = next(&mut p)?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if ch == '.' {
        ch = next(&mut p)?;
        prec = 0;
        if ch.is_ascii_digit() {
            let mut digits = 0;
            while ch.is_ascii_digit() {
                prec = prec * 10 + (ch as i32 - '0' as i32);
                ch = next(&mut p)?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
        }
    }
    *pos = p;
    Some((ch, flags, width, prec))
}

/// `parse_format`: one `%` conversion as a FormattedValue, if simple.
fn parse_format(fmt: &[char], pos: &mut usize, arg: Expr) -> Result<Expr, Expr> {
    let Some((spec, flags, width, prec)) = simple_format_arg_parse(fmt, pos) else {
        return Err(arg);
    };
    if !matches!(spec, 's' | 'r' | 'a') {
        return Err(arg);
    }
    let mut buf = String::new();
    if flags & F_LJUST == 0 && width > 0 {
        buf.push('>');
    }
    if width >= 0 {
        buf.push_str(&width.to_string());
    }
    if prec >= 0 {
        buf.push_str(&format!(".{prec}"));
    }
    let format_spec = if buf.is_empty() {
        None
    } else {
        Some(Box::new(Expr::new(
            ExprKind::Constant(Constant::Str(buf)),
            Loc::NONE,
        )))
    };
    let loc = arg.loc;
    Ok(Expr::new(
        ExprKind::FormattedValue {
            value: Box::new(arg),
            conversion: spec as i32,
            format_spec,
        },
        loc,
    ))
}

/// `optimize_format`: the JoinedStr values, when every conversion is
/// simple and the counts match.
fn optimize_format(fmt: &str, elts: &mut Vec<Expr>) -> Option<Vec<Expr>> {
    let chars: Vec<char> = fmt.chars().collect();
    // Check first, on copies of the positions, so the items are only
    // taken when the rewrite goes through.
    let mut pos = 0;
    let mut cnt = 0;
    loop {
        parse_literal(&chars, &mut pos);
        if pos >= chars.len() {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1;
        let (spec, ..) = simple_format_arg_parse(&chars, &mut pos)?;
        if !matches!(spec, 's' | 'r' | 'a') {
            return None;
        }
        cnt += 1;
    }
    if cnt < elts.len() {
        return None;
    }
    let mut items = std::mem::take(elts).into_iter();
    let mut seq = Vec::new();
    let mut pos = 0;
    loop {
        if let Some(lit) = parse_literal(&chars, &mut pos) {
            seq.push(lit);
        }
        if pos >= chars.len() {
            break;
        }
        pos += 1;
        let arg = items.next()?;
        match parse_format(&chars, &mut pos, arg) {
            Ok(fv) => seq.push(fv),
            Err(_) => return None,
        }
    }
    Some(seq)
}

/// `fold_const_match_patterns`: `-number` and `number +/- imaginary` in
/// a value pattern become constants.
fn fold_const_match_patterns(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => {
            if let ExprKind::Constant(c) = &operand.kind
                && let Some(v) = negate(c)
            {
                e.kind = ExprKind::Constant(v);
            }
        }
        ExprKind::BinOp { left, op, right } if matches!(op, Operator::Add | Operator::Sub) => {
            if !right.is_constant() {
                return;
            }
            fold_const_match_patterns(left);
            if let (ExprKind::Constant(l), ExprKind::Constant(r)) = (&left.kind, &right.kind)
                && let Some(v) = add_sub(l, r, *op == Operator::Sub)
            {
                e.kind = ExprKind::Constant(v);
            }
        }
        _ => {}
    }
}

fn negate(c: &Constant) -> Option<Constant> {
    match c {
        Constant::Int(i) => Some(Constant::Int(-i.clone())),
        Constant::Bool(b) => Some(Constant::Int(-BigInt::from(u8::from(*b)))),
        Constant::Float(f) => Some(Constant::Float(-f)),
        Constant::Complex { real, imag } => Some(Constant::Complex {
            real: -real,
            imag: -imag,
        }),
        _ => None,
    }
}

/// A number as (real, imag) floats, if it converts (`PyNumber_Add` on
/// mixed types converts to the wider one; an int too large for a float
/// raises OverflowError, which folding ignores).
fn as_complex(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Int(i) => Some((finite(i.to_f64()?)?, 0.0)),
        Constant::Bool(b) => Some((f64::from(u8::from(*b)), 0.0)),
        Constant::Float(f) => Some((*f, 0.0)),
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ => None,
    }
}

fn finite(f: f64) -> Option<f64> {
    f.is_finite().then_some(f)
}

fn add_sub(l: &Constant, r: &Constant, sub: bool) -> Option<Constant> {
    let is_int = |c: &Constant| matches!(c, Constant::Int(_) | Constant::Bool(_));
    if is_int(l) && is_int(r) {
        let li = match l {
            Constant::Int(i) => i.clone(),
            Constant::Bool(b) => BigInt::from(u8::from(*b)),
            _ => return None,
        };
        let ri = match r {
            Constant::Int(i) => i.clone(),
            Constant::Bool(b) => BigInt::from(u8::from(*b)),
            _ => return None,
        };
        return Some(Constant::Int(if sub { li - ri } else { li + ri }));
    }
    // 3.14 mixes real and complex operands as C99 Annex G does: a real
    // operand has no imaginary part (not a +0.0 one).
    let (lr, li) = as_complex(l)?;
    let (rr, ri) = as_complex(r)?;
    let l_complex = matches!(l, Constant::Complex { .. });
    let r_complex = matches!(r, Constant::Complex { .. });
    let re = if sub { lr - rr } else { lr + rr };
    let im = match (l_complex, r_complex) {
        (false, false) => return Some(Constant::Float(re)),
        (true, true) => {
            if sub {
                li - ri
            } else {
                li + ri
            }
        }
        (true, false) => li,
        (false, true) => {
            if sub {
                -ri
            } else {
                ri
            }
        }
    };
    Some(Constant::Complex { real: re, imag: im })
}
