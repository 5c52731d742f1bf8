//! A canonical text form of the tree, field for field the one
//! `tools/compile/dump_codegen.py` writes for `ast.parse` (its `.ast`
//! goldens), so that the parser's output can be checked against CPython's
//! apart from code generation.

use super::*;
use std::fmt::Write;

/// One line per top-level statement.
pub fn dump_module(body: &[Stmt]) -> String {
    let mut out = String::new();
    for s in body {
        let mut d = Dumper { out: String::new() };
        d.stmt(s);
        out.push_str(&d.out);
        out.push('\n');
    }
    out
}

/// CPython-side `q()`: printable ASCII as is, the rest as `\u{hex}`.
pub fn quote(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        if (' '..='~').contains(&c) && c != '\\' && c != '\'' {
            out.push(c);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    out.push('\'');
    out
}

fn fbits(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

/// CPython-side `const()`.
pub fn constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => format!("Int({i})"),
        Constant::Float(f) => format!("Float({})", fbits(*f)),
        Constant::Complex { real, imag } => format!("Complex({},{})", fbits(*real), fbits(*imag)),
        Constant::Str(s) => format!("Str({})", quote(s)),
        Constant::Bytes(b) => {
            let mut h = String::from("Bytes(");
            for x in b {
                let _ = write!(h, "{x:02x}");
            }
            h.push(')');
            h
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            let inner: Vec<String> = items.iter().map(constant).collect();
            let name = if matches!(c, Constant::Tuple(_)) {
                "Tuple"
            } else {
                "FrozenSet"
            };
            format!("{name}([{}])", inner.join(", "))
        }
    }
}

struct Dumper {
    out: String,
}

/// A field of a node: its name and how to write its value.
type Field<'a> = (&'a str, &'a dyn Fn(&mut Dumper));

fn loc_suffix(l: &Loc) -> String {
    format!(
        "@{}:{}-{}:{}",
        l.lineno, l.col_offset, l.end_lineno, l.end_col_offset
    )
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

pub fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn unary_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "Invert",
        UnaryOp::Not => "Not",
        UnaryOp::UAdd => "UAdd",
        UnaryOp::USub => "USub",
    }
}

fn cmp_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

impl Dumper {
    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn field(&mut self, first: &mut bool, name: &str) {
        if !*first {
            self.w(", ");
        }
        *first = false;
        self.w(name);
        self.w("=");
    }

    fn stmts(&mut self, body: &[Stmt]) {
        self.w("[");
        for (i, s) in body.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.stmt(s);
        }
        self.w("]");
    }

    fn exprs(&mut self, v: &[Expr]) {
        self.w("[");
        for (i, e) in v.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.expr(e);
        }
        self.w("]");
    }

    fn opt_expr(&mut self, e: Option<&Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.w("None"),
        }
    }

    fn ident(&mut self, s: &str) {
        let q = quote(s);
        self.w(&q);
    }

    fn opt_ident(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.ident(s),
            None => self.w("None"),
        }
    }

    fn idents(&mut self, v: &[String]) {
        self.w("[");
        for (i, s) in v.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.ident(s);
        }
        self.w("]");
    }

    /// A node: `Name(f1=..., f2=...)` then its position if it has one.
    fn node(&mut self, name: &str, fields: &[Field<'_>], loc: Option<&Loc>) {
        self.w(name);
        self.w("(");
        let mut first = true;
        for (fname, f) in fields {
            self.field(&mut first, fname);
            f(self);
        }
        self.w(")");
        if let Some(l) = loc {
            let s = loc_suffix(l);
            self.w(&s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let loc = Some(&s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                let name = if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                };
                self.node(
                    name,
                    &[
                        ("name", &|d| d.ident(&f.name)),
                        ("args", &|d| d.arguments(&f.args)),
                        ("body", &|d| d.stmts(&f.body)),
                        ("decorator_list", &|d| d.exprs(&f.decorator_list)),
                        ("returns", &|d| d.opt_expr(f.returns.as_deref())),
                        ("type_params", &|d| d.type_params(&f.type_params)),
                    ],
                    loc,
                )
            }
            StmtKind::ClassDef(c) => self.node(
                "ClassDef",
                &[
                    ("name", &|d| d.ident(&c.name)),
                    ("bases", &|d| d.exprs(&c.bases)),
                    ("keywords", &|d| d.keywords(&c.keywords)),
                    ("body", &|d| d.stmts(&c.body)),
                    ("decorator_list", &|d| d.exprs(&c.decorator_list)),
                    ("type_params", &|d| d.type_params(&c.type_params)),
                ],
                loc,
            ),
            StmtKind::Return(v) => {
                self.node("Return", &[("value", &|d| d.opt_expr(v.as_deref()))], loc)
            }
            StmtKind::Delete(t) => self.node("Delete", &[("targets", &|d| d.exprs(t))], loc),
            StmtKind::Assign { targets, value } => self.node(
                "Assign",
                &[
                    ("targets", &|d| d.exprs(targets)),
                    ("value", &|d| d.expr(value)),
                ],
                loc,
            ),
            StmtKind::TypeAlias(t) => self.node(
                "TypeAlias",
                &[
                    ("name", &|d| d.expr(&t.name)),
                    ("type_params", &|d| d.type_params(&t.type_params)),
                    ("value", &|d| d.expr(&t.value)),
                ],
                loc,
            ),
            StmtKind::AugAssign { target, op, value } => self.node(
                "AugAssign",
                &[
                    ("target", &|d| d.expr(target)),
                    ("op", &|d| d.w(operator_name(*op))),
                    ("value", &|d| d.expr(value)),
                ],
                loc,
            ),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.node(
                "AnnAssign",
                &[
                    ("target", &|d| d.expr(target)),
                    ("annotation", &|d| d.expr(annotation)),
                    ("value", &|d| d.opt_expr(value.as_deref())),
                    ("simple", &|d| d.w(if *simple { "1" } else { "0" })),
                ],
                loc,
            ),
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => self.node(
                if *is_async { "AsyncFor" } else { "For" },
                &[
                    ("target", &|d| d.expr(target)),
                    ("iter", &|d| d.expr(iter)),
                    ("body", &|d| d.stmts(body)),
                    ("orelse", &|d| d.stmts(orelse)),
                ],
                loc,
            ),
            StmtKind::While { test, body, orelse } => self.node(
                "While",
                &[
                    ("test", &|d| d.expr(test)),
                    ("body", &|d| d.stmts(body)),
                    ("orelse", &|d| d.stmts(orelse)),
                ],
                loc,
            ),
            StmtKind::If { test, body, orelse } => self.node(
                "If",
                &[
                    ("test", &|d| d.expr(test)),
                    ("body", &|d| d.stmts(body)),
                    ("orelse", &|d| d.stmts(orelse)),
                ],
                loc,
            ),
            StmtKind::With {
                is_async,
                items,
                body,
            } => self.node(
                if *is_async { "AsyncWith" } else { "With" },
                &[
                    ("items", &|d| d.withitems(items)),
                    ("body", &|d| d.stmts(body)),
                ],
                loc,
            ),
            StmtKind::Match { subject, cases } => self.node(
                "Match",
                &[
                    ("subject", &|d| d.expr(subject)),
                    ("cases", &|d| d.match_cases(cases)),
                ],
                loc,
            ),
            StmtKind::Raise { exc, cause } => self.node(
                "Raise",
                &[
                    ("exc", &|d| d.opt_expr(exc.as_deref())),
                    ("cause", &|d| d.opt_expr(cause.as_deref())),
                ],
                loc,
            ),
            StmtKind::Try {
                is_star,
                body,
                handlers,
                orelse,
                finalbody,
            } => self.node(
                if *is_star { "TryStar" } else { "Try" },
                &[
                    ("body", &|d| d.stmts(body)),
                    ("handlers", &|d| d.handlers(handlers)),
                    ("orelse", &|d| d.stmts(orelse)),
                    ("finalbody", &|d| d.stmts(finalbody)),
                ],
                loc,
            ),
            StmtKind::Assert { test, msg } => self.node(
                "Assert",
                &[
                    ("test", &|d| d.expr(test)),
                    ("msg", &|d| d.opt_expr(msg.as_deref())),
                ],
                loc,
            ),
            StmtKind::Import(names) => {
                self.node("Import", &[("names", &|d| d.aliases(names))], loc)
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.node(
                "ImportFrom",
                &[
                    ("module", &|d| d.opt_ident(module.as_deref())),
                    ("names", &|d| d.aliases(names)),
                    ("level", &|d| d.w(&level.to_string())),
                ],
                loc,
            ),
            StmtKind::Global(names) => self.node("Global", &[("names", &|d| d.idents(names))], loc),
            StmtKind::Nonlocal(names) => {
                self.node("Nonlocal", &[("names", &|d| d.idents(names))], loc)
            }
            StmtKind::Expr(e) => self.node("Expr", &[("value", &|d| d.expr(e))], loc),
            StmtKind::Pass => self.node("Pass", &[], loc),
            StmtKind::Break => self.node("Break", &[], loc),
            StmtKind::Continue => self.node("Continue", &[], loc),
        }
    }

    fn arg(&mut self, a: &Arg) {
        self.node(
            "arg",
            &[
                ("arg", &|d| d.ident(&a.arg)),
                ("annotation", &|d| d.opt_expr(a.annotation.as_deref())),
            ],
            Some(&a.loc),
        )
    }

    fn arg_list(&mut self, v: &[Arg]) {
        self.w("[");
        for (i, a) in v.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.arg(a);
        }
        self.w("]");
    }

    fn opt_arg(&mut self, a: Option<&Arg>) {
        match a {
            Some(a) => self.arg(a),
            None => self.w("None"),
        }
    }

    fn arguments(&mut self, a: &Arguments) {
        self.node(
            "arguments",
            &[
                ("posonlyargs", &|d| d.arg_list(&a.posonlyargs)),
                ("args", &|d| d.arg_list(&a.args)),
                ("vararg", &|d| d.opt_arg(a.vararg.as_deref())),
                ("kwonlyargs", &|d| d.arg_list(&a.kwonlyargs)),
                ("kw_defaults", &|d| {
                    d.w("[");
                    for (i, e) in a.kw_defaults.iter().enumerate() {
                        if i > 0 {
                            d.w(", ");
                        }
                        d.opt_expr(e.as_ref());
                    }
                    d.w("]");
                }),
                ("kwarg", &|d| d.opt_arg(a.kwarg.as_deref())),
                ("defaults", &|d| d.exprs(&a.defaults)),
            ],
            None,
        )
    }

    fn keywords(&mut self, v: &[Keyword]) {
        self.w("[");
        for (i, k) in v.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.node(
                "keyword",
                &[
                    ("arg", &|d| d.opt_ident(k.arg.as_deref())),
                    ("value", &|d| d.expr(&k.value)),
                ],
                Some(&k.loc),
            );
        }
        self.w("]");
    }

    fn aliases(&mut self, v: &[Alias]) {
        self.w("[");
        for (i, a) in v.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.node(
                "alias",
                &[
                    ("name", &|d| d.ident(&a.name)),
                    ("asname", &|d| d.opt_ident(a.asname.as_deref())),
                ],
                Some(&a.loc),
            );
        }
        self.w("]");
    }

    fn withitems(&mut self, v: &[WithItem]) {
        self.w("[");
        for (i, it) in v.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.node(
                "withitem",
                &[
                    ("context_expr", &|d| d.expr(&it.context_expr)),
                    ("optional_vars", &|d| {
                        d.opt_expr(it.optional_vars.as_deref())
                    }),
                ],
                None,
            );
        }
        self.w("]");
    }

    fn handlers(&mut self, v: &[ExceptHandler]) {
        self.w("[");
        for (i, h) in v.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.node(
                "ExceptHandler",
                &[
                    ("type", &|d| d.opt_expr(h.type_.as_deref())),
                    ("name", &|d| d.opt_ident(h.name.as_deref())),
                    ("body", &|d| d.stmts(&h.body)),
                ],
                Some(&h.loc),
            );
        }
        self.w("]");
    }

    fn match_cases(&mut self, v: &[MatchCase]) {
        self.w("[");
        for (i, m) in v.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.node(
                "match_case",
                &[
                    ("pattern", &|d| d.pattern(&m.pattern)),
                    ("guard", &|d| d.opt_expr(m.guard.as_deref())),
                    ("body", &|d| d.stmts(&m.body)),
                ],
                None,
            );
        }
        self.w("]");
    }

    fn patterns(&mut self, v: &[Pattern]) {
        self.w("[");
        for (i, p) in v.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.pattern(p);
        }
        self.w("]");
    }

    fn pattern(&mut self, p: &Pattern) {
        let loc = Some(&p.loc);
        match &p.kind {
            PatternKind::MatchValue(v) => {
                self.node("MatchValue", &[("value", &|d| d.expr(v))], loc)
            }
            PatternKind::MatchSingleton(c) => {
                self.node("MatchSingleton", &[("value", &|d| d.w(&constant(c)))], loc)
            }
            PatternKind::MatchSequence(ps) => {
                self.node("MatchSequence", &[("patterns", &|d| d.patterns(ps))], loc)
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.node(
                "MatchMapping",
                &[
                    ("keys", &|d| d.exprs(keys)),
                    ("patterns", &|d| d.patterns(patterns)),
                    ("rest", &|d| d.opt_ident(rest.as_deref())),
                ],
                loc,
            ),
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.node(
                "MatchClass",
                &[
                    ("cls", &|d| d.expr(cls)),
                    ("patterns", &|d| d.patterns(patterns)),
                    ("kwd_attrs", &|d| d.idents(kwd_attrs)),
                    ("kwd_patterns", &|d| d.patterns(kwd_patterns)),
                ],
                loc,
            ),
            PatternKind::MatchStar(name) => self.node(
                "MatchStar",
                &[("name", &|d| d.opt_ident(name.as_deref()))],
                loc,
            ),
            PatternKind::MatchAs { pattern, name } => self.node(
                "MatchAs",
                &[
                    ("pattern", &|d| match pattern {
                        Some(p) => d.pattern(p),
                        None => d.w("None"),
                    }),
                    ("name", &|d| d.opt_ident(name.as_deref())),
                ],
                loc,
            ),
            PatternKind::MatchOr(ps) => {
                self.node("MatchOr", &[("patterns", &|d| d.patterns(ps))], loc)
            }
        }
    }

    fn type_params(&mut self, tp: &TypeParams) {
        self.w("[");
        for (i, p) in tp.params.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            let loc = Some(&p.loc);
            match p.kind {
                TypeParamKind::TypeVar => self.node(
                    "TypeVar",
                    &[
                        ("name", &|d| d.ident(&p.name)),
                        ("bound", &|d| d.opt_expr(p.bound.as_deref())),
                        ("default_value", &|d| d.opt_expr(p.default_value.as_deref())),
                    ],
                    loc,
                ),
                TypeParamKind::ParamSpec => self.node(
                    "ParamSpec",
                    &[
                        ("name", &|d| d.ident(&p.name)),
                        ("default_value", &|d| d.opt_expr(p.default_value.as_deref())),
                    ],
                    loc,
                ),
                TypeParamKind::TypeVarTuple => self.node(
                    "TypeVarTuple",
                    &[
                        ("name", &|d| d.ident(&p.name)),
                        ("default_value", &|d| d.opt_expr(p.default_value.as_deref())),
                    ],
                    loc,
                ),
            }
        }
        self.w("]");
    }

    fn comprehensions(&mut self, gens: &[Comprehension]) {
        self.w("[");
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.node(
                "comprehension",
                &[
                    ("target", &|d| d.expr(&g.target)),
                    ("iter", &|d| d.expr(&g.iter)),
                    ("ifs", &|d| d.exprs(&g.ifs)),
                    ("is_async", &|d| d.w(if g.is_async { "1" } else { "0" })),
                ],
                None,
            );
        }
        self.w("]");
    }

    fn expr(&mut self, e: &Expr) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) {
        let loc = Some(&e.loc);
        match &e.kind {
            ExprKind::BoolOp { op, values } => self.node(
                "BoolOp",
                &[
                    ("op", &|d| {
                        d.w(match op {
                            BoolOp::And => "And",
                            BoolOp::Or => "Or",
                        })
                    }),
                    ("values", &|d| d.exprs(values)),
                ],
                loc,
            ),
            ExprKind::NamedExpr { target, value } => self.node(
                "NamedExpr",
                &[
                    ("target", &|d| d.expr(target)),
                    ("value", &|d| d.expr(value)),
                ],
                loc,
            ),
            ExprKind::BinOp { left, op, right } => self.node(
                "BinOp",
                &[
                    ("left", &|d| d.expr(left)),
                    ("op", &|d| d.w(operator_name(*op))),
                    ("right", &|d| d.expr(right)),
                ],
                loc,
            ),
            ExprKind::UnaryOp { op, operand } => self.node(
                "UnaryOp",
                &[
                    ("op", &|d| d.w(unary_name(*op))),
                    ("operand", &|d| d.expr(operand)),
                ],
                loc,
            ),
            ExprKind::Lambda(l) => self.node(
                "Lambda",
                &[
                    ("args", &|d| d.arguments(&l.args)),
                    ("body", &|d| d.expr(&l.body)),
                ],
                loc,
            ),
            ExprKind::IfExp { test, body, orelse } => self.node(
                "IfExp",
                &[
                    ("test", &|d| d.expr(test)),
                    ("body", &|d| d.expr(body)),
                    ("orelse", &|d| d.expr(orelse)),
                ],
                loc,
            ),
            ExprKind::Dict { keys, values } => self.node(
                "Dict",
                &[
                    ("keys", &|d| {
                        d.w("[");
                        for (i, k) in keys.iter().enumerate() {
                            if i > 0 {
                                d.w(", ");
                            }
                            d.opt_expr(k.as_ref());
                        }
                        d.w("]");
                    }),
                    ("values", &|d| d.exprs(values)),
                ],
                loc,
            ),
            ExprKind::Set(elts) => self.node("Set", &[("elts", &|d| d.exprs(elts))], loc),
            ExprKind::ListComp(c) | ExprKind::SetComp(c) | ExprKind::GeneratorExp(c) => {
                let name = match &e.kind {
                    ExprKind::ListComp(_) => "ListComp",
                    ExprKind::SetComp(_) => "SetComp",
                    _ => "GeneratorExp",
                };
                self.node(
                    name,
                    &[
                        ("elt", &|d| d.expr(&c.elt)),
                        ("generators", &|d| d.comprehensions(&c.generators)),
                    ],
                    loc,
                )
            }
            ExprKind::DictComp(c) => self.node(
                "DictComp",
                &[
                    ("key", &|d| d.expr(&c.elt)),
                    ("value", &|d| d.opt_expr(c.value.as_deref())),
                    ("generators", &|d| d.comprehensions(&c.generators)),
                ],
                loc,
            ),
            ExprKind::Await(v) => self.node("Await", &[("value", &|d| d.expr(v))], loc),
            ExprKind::Yield(v) => {
                self.node("Yield", &[("value", &|d| d.opt_expr(v.as_deref()))], loc)
            }
            ExprKind::YieldFrom(v) => self.node("YieldFrom", &[("value", &|d| d.expr(v))], loc),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.node(
                "Compare",
                &[
                    ("left", &|d| d.expr(left)),
                    ("ops", &|d| {
                        let names: Vec<&str> = ops.iter().map(|o| cmp_name(*o)).collect();
                        d.w("[");
                        d.w(&names.join(", "));
                        d.w("]");
                    }),
                    ("comparators", &|d| d.exprs(comparators)),
                ],
                loc,
            ),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.node(
                "Call",
                &[
                    ("func", &|d| d.expr(func)),
                    ("args", &|d| d.exprs(args)),
                    ("keywords", &|d| d.keywords(keywords)),
                ],
                loc,
            ),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.node(
                "FormattedValue",
                &[
                    ("value", &|d| d.expr(value)),
                    ("conversion", &|d| d.w(&conversion.to_string())),
                    ("format_spec", &|d| d.opt_expr(format_spec.as_deref())),
                ],
                loc,
            ),
            ExprKind::Interpolation {
                value,
                str,
                conversion,
                format_spec,
            } => self.node(
                "Interpolation",
                &[
                    ("value", &|d| d.expr(value)),
                    ("str", &|d| d.ident(str)),
                    ("conversion", &|d| d.w(&conversion.to_string())),
                    ("format_spec", &|d| d.opt_expr(format_spec.as_deref())),
                ],
                loc,
            ),
            ExprKind::JoinedStr(v) => self.node("JoinedStr", &[("values", &|d| d.exprs(v))], loc),
            ExprKind::TemplateStr(v) => {
                self.node("TemplateStr", &[("values", &|d| d.exprs(v))], loc)
            }
            ExprKind::Constant(c) => {
                self.node("Constant", &[("value", &|d| d.w(&constant(c)))], loc)
            }
            ExprKind::Attribute { value, attr, ctx } => self.node(
                "Attribute",
                &[
                    ("value", &|d| d.expr(value)),
                    ("attr", &|d| d.ident(attr)),
                    ("ctx", &|d| d.w(ctx_name(*ctx))),
                ],
                loc,
            ),
            ExprKind::Subscript { value, slice, ctx } => self.node(
                "Subscript",
                &[
                    ("value", &|d| d.expr(value)),
                    ("slice", &|d| d.expr(slice)),
                    ("ctx", &|d| d.w(ctx_name(*ctx))),
                ],
                loc,
            ),
            ExprKind::Starred { value, ctx } => self.node(
                "Starred",
                &[
                    ("value", &|d| d.expr(value)),
                    ("ctx", &|d| d.w(ctx_name(*ctx))),
                ],
                loc,
            ),
            ExprKind::Name { id, ctx } => self.node(
                "Name",
                &[("id", &|d| d.ident(id)), ("ctx", &|d| d.w(ctx_name(*ctx)))],
                loc,
            ),
            ExprKind::List { elts, ctx } => self.node(
                "List",
                &[
                    ("elts", &|d| d.exprs(elts)),
                    ("ctx", &|d| d.w(ctx_name(*ctx))),
                ],
                loc,
            ),
            ExprKind::Tuple { elts, ctx } => self.node(
                "Tuple",
                &[
                    ("elts", &|d| d.exprs(elts)),
                    ("ctx", &|d| d.w(ctx_name(*ctx))),
                ],
                loc,
            ),
            ExprKind::Slice { lower, upper, step } => self.node(
                "Slice",
                &[
                    ("lower", &|d| d.opt_expr(lower.as_deref())),
                    ("upper", &|d| d.opt_expr(upper.as_deref())),
                    ("step", &|d| d.opt_expr(step.as_deref())),
                ],
                loc,
            ),
        }
    }
}
