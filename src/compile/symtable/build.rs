//! The first pass: `symtable_visit_*` record, per block, every name bound,
//! used or declared, and the block's facts (generator, coroutine, has a
//! docstring, ...). Most of the SyntaxErrors CPython raises outside the
//! parser come from here.

use super::flags::*;
use super::{BlockType, CompType, Entry, SymbolTable, Symbols, analyze};
use crate::compile::ast::*;
use crate::compile::error::CompileError;
use crate::compile::future::FutureFeatures;
use crate::compile::future::flags::{CO_FUTURE_ANNOTATIONS, PY_CF_ALLOW_TOP_LEVEL_AWAIT};

type R<T = ()> = Result<T, CompileError>;

/// Nesting depth past which CPython's compiler gives up (its limit comes
/// from the C stack; this is a fixed stand-in of the same order).
pub const RECURSION_LIMIT: u32 = 20_000;

const NAMED_EXPR_COMP_IN_CLASS: &str =
    "assignment expression within a comprehension cannot be used in a class body";
const NAMED_EXPR_COMP_IN_TYPEVAR_BOUND: &str =
    "assignment expression within a comprehension cannot be used in a TypeVar bound";
const NAMED_EXPR_COMP_IN_TYPEALIAS: &str =
    "assignment expression within a comprehension cannot be used in a type alias";
const NAMED_EXPR_COMP_IN_TYPEPARAM: &str = "assignment expression within a comprehension cannot be used within the definition of a generic";
const NAMED_EXPR_COMP_ITER_EXPR: &str =
    "assignment expression cannot be used in a comprehension iterable expression";

struct Builder {
    st: SymbolTable,
    stack: Vec<usize>,
    cur: Option<usize>,
    private: Option<String>,
    /// The module block, whose symbols are CPython's `st_global`.
    global: usize,
    depth: u32,
}

/// `_PySymtable_Build`: both passes.
pub fn build(m: &Mod, future: FutureFeatures) -> R<SymbolTable> {
    let mut b = Builder {
        st: SymbolTable {
            entries: Vec::new(),
            blocks: Default::default(),
            top: 0,
            mangled_sets: Vec::new(),
            future,
        },
        stack: Vec::new(),
        cur: None,
        private: None,
        global: 0,
        depth: 0,
    };
    let loc0 = Loc::new(0, 0, 0, 0);
    b.enter_block("top", BlockType::Module, ScopeKey::of(m.id()), loc0)?;
    b.st.top = b.cur();
    match m {
        Mod::Module { body, .. } => {
            if docstring(body).is_some() {
                b.ste_mut().has_docstring = true;
            }
            for s in body {
                b.visit_stmt(s)?;
            }
        }
        Mod::Expression { body, .. } => b.visit_expr(body)?,
        Mod::Interactive { body, .. } => {
            for s in body {
                b.visit_stmt(s)?;
            }
        }
    }
    b.exit_block();
    analyze::analyze(&mut b.st)?;
    Ok(b.st)
}

impl Builder {
    fn cur(&self) -> usize {
        self.cur.unwrap_or(0)
    }

    fn ste(&self) -> &Entry {
        &self.st.entries[self.cur()]
    }

    fn ste_mut(&mut self) -> &mut Entry {
        let c = self.cur();
        &mut self.st.entries[c]
    }

    fn err(&self, msg: impl Into<String>, loc: Loc) -> CompileError {
        CompileError::syntax(msg, loc)
    }

    fn enter_recursive(&mut self) -> R {
        self.depth += 1;
        if self.depth > RECURSION_LIMIT {
            return Err(CompileError::Recursion);
        }
        Ok(())
    }

    fn leave_recursive(&mut self) {
        self.depth -= 1;
    }

    /// `ste_new`.
    fn ste_new(&mut self, name: &str, block: BlockType, key: ScopeKey, loc: Loc) -> usize {
        let (nested, method) = match self.cur {
            Some(c) => {
                let cur = &self.st.entries[c];
                (
                    cur.nested || cur.is_function_like(),
                    cur.type_ == BlockType::Class && block == BlockType::Function,
                )
            }
            None => (false, false),
        };
        let e = Entry {
            id: key,
            name: name.to_string(),
            symbols: Symbols::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            mangled_names: None,
            type_: block,
            scope_info: None,
            nested,
            generator: false,
            coroutine: false,
            comprehension: CompType::None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            needs_classdict: false,
            comp_inlined: false,
            comp_iter_target: false,
            can_see_class_scope: false,
            comp_iter_expr: 0,
            has_conditional_annotations: false,
            in_conditional_block: false,
            in_unevaluated_annotation: false,
            annotations_used: false,
            has_docstring: false,
            method,
            annotation_block: None,
            loc,
        };
        let i = self.st.entries.len();
        self.st.entries.push(e);
        self.st.blocks.insert(key, i);
        i
    }

    /// `symtable_enter_existing_block`.
    fn enter_existing_block(&mut self, ste: usize) {
        self.stack.push(ste);
        let prev = self.cur;
        if let Some(p) = prev {
            let (iter_expr, mangled) = {
                let pe = &self.st.entries[p];
                (pe.comp_iter_expr, pe.mangled_names)
            };
            let e = &mut self.st.entries[ste];
            e.comp_iter_expr = iter_expr;
            if mangled.is_some() && e.type_ != BlockType::Class {
                e.mangled_names = mangled;
            }
        }
        self.cur = Some(ste);
        if self.st.future.features & CO_FUTURE_ANNOTATIONS != 0
            && self.st.entries[ste].type_ == BlockType::Annotation
        {
            return;
        }
        if self.st.entries[ste].type_ == BlockType::Module {
            self.global = ste;
        }
        if let Some(p) = prev {
            self.st.entries[p].children.push(ste);
        }
    }

    /// `symtable_enter_block`.
    fn enter_block(&mut self, name: &str, block: BlockType, key: ScopeKey, loc: Loc) -> R {
        let ste = self.ste_new(name, block, key, loc);
        self.enter_existing_block(ste);
        if matches!(
            block,
            BlockType::Annotation | BlockType::TypeVariable | BlockType::TypeAlias
        ) {
            self.add_def(".format", DEF_PARAM, loc)?;
            self.add_def(".format", USE, loc)?;
        }
        Ok(())
    }

    /// `symtable_exit_block`.
    fn exit_block(&mut self) {
        self.stack.pop();
        self.cur = self.stack.last().copied();
    }

    fn mangle_here(&self, name: &str) -> String {
        self.st
            .maybe_mangle(self.private.as_deref(), self.cur(), name)
    }

    /// `symtable_lookup_entry`.
    fn lookup_entry(&self, ste: usize, name: &str) -> i64 {
        let mangled = self.st.maybe_mangle(self.private.as_deref(), ste, name);
        self.st.entries[ste].symbol(&mangled)
    }

    /// `symtable_lookup`.
    fn lookup(&self, name: &str) -> i64 {
        self.lookup_entry(self.cur(), name)
    }

    /// `symtable_add_def_helper`.
    fn add_def_helper(&mut self, name: &str, flag: i64, ste: usize, loc: Loc) -> R {
        let mangled = self.mangle_here(name);
        let entry = &self.st.entries[ste];
        let mut val = match entry.symbols.get(&mangled) {
            Some(v) => {
                if flag & DEF_PARAM != 0 && v & DEF_PARAM != 0 {
                    return Err(self.err(
                        format!("duplicate argument '{name}' in function definition"),
                        loc,
                    ));
                }
                if flag & DEF_TYPE_PARAM != 0 && v & DEF_TYPE_PARAM != 0 {
                    return Err(self.err(format!("duplicate type parameter '{name}'"), loc));
                }
                v | flag
            }
            None => flag,
        };
        if entry.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.err(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let entry = &mut self.st.entries[ste];
        entry.symbols.set(&mangled, val);
        if flag & DEF_PARAM != 0 {
            entry.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            let g = self.global;
            let gv = self.st.entries[g].symbol(&mangled) | flag;
            self.st.entries[g].symbols.set(&mangled, gv);
        }
        Ok(())
    }

    /// `check_name`.
    fn check_name(&self, name: &str, loc: Loc, ctx: ExprContext) -> R {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => return Err(self.err("cannot assign to __debug__", loc)),
                ExprContext::Del => return Err(self.err("cannot delete __debug__", loc)),
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    fn check_keywords(&self, keywords: &[Keyword]) -> R {
        for k in keywords {
            if let Some(a) = &k.arg {
                self.check_name(a, k.loc, ExprContext::Store)?;
            }
        }
        Ok(())
    }

    /// `symtable_add_def_ctx`.
    fn add_def_ctx(&mut self, name: &str, flag: i64, loc: Loc, ctx: ExprContext) -> R {
        let write_mask = DEF_PARAM | DEF_LOCAL | DEF_IMPORT;
        if flag & write_mask != 0 {
            self.check_name(name, loc, ctx)?;
        }
        if flag & DEF_TYPE_PARAM != 0
            && let Some(set) = self.ste().mangled_names
        {
            self.st.mangled_sets[set].insert(name.to_string());
        }
        let cur = self.cur();
        self.add_def_helper(name, flag, cur, loc)
    }

    /// `symtable_add_def`.
    fn add_def(&mut self, name: &str, flag: i64, loc: Loc) -> R {
        let ctx = if flag == USE {
            ExprContext::Load
        } else {
            ExprContext::Store
        };
        self.add_def_ctx(name, flag, loc, ctx)
    }

    /// `symtable_enter_type_param_block`.
    #[allow(clippy::too_many_arguments)]
    fn enter_type_param_block(
        &mut self,
        name: &str,
        key: ScopeKey,
        has_defaults: bool,
        has_kwdefaults: bool,
        is_class: bool,
        loc: Loc,
    ) -> R {
        let current_type = self.ste().type_;
        self.enter_block(name, BlockType::TypeParameters, key, loc)?;
        if current_type == BlockType::Class {
            self.ste_mut().can_see_class_scope = true;
            self.add_def("__classdict__", USE, loc)?;
        }
        if is_class {
            self.add_def(".type_params", DEF_LOCAL, loc)?;
            self.add_def(".type_params", USE, loc)?;
            self.add_def(".generic_base", DEF_LOCAL, loc)?;
            self.add_def(".generic_base", USE, loc)?;
        }
        if has_defaults {
            self.add_def(".defaults", DEF_PARAM, loc)?;
        }
        if has_kwdefaults {
            self.add_def(".kwdefaults", DEF_PARAM, loc)?;
        }
        Ok(())
    }

    /// `symtable_record_directive`.
    fn record_directive(&mut self, name: &str, loc: Loc) {
        let mangled = self.mangle_here(name);
        self.ste_mut().directives.push((mangled, loc));
    }

    /// `check_import_from`.
    fn check_import_from(&self, s: &Stmt) -> R {
        if let StmtKind::ImportFrom {
            module: Some(m),
            level: 0,
            ..
        } = &s.kind
            && m == "__future__"
        {
            let fut = self.st.future.location;
            if s.loc.lineno > fut.lineno
                || (s.loc.lineno == fut.end_lineno && s.loc.col_offset > fut.end_col_offset)
            {
                return Err(self.err(
                    "from __future__ imports must occur at the beginning of the file",
                    s.loc,
                ));
            }
        }
        Ok(())
    }

    /// `allows_top_level_await`.
    fn allows_top_level_await(&self) -> bool {
        self.st.future.features & PY_CF_ALLOW_TOP_LEVEL_AWAIT != 0
            && self.ste().type_ == BlockType::Module
    }

    fn maybe_set_ste_coroutine_for_module(&mut self) {
        if self.allows_top_level_await() {
            self.ste_mut().coroutine = true;
        }
    }

    fn raise_if_not_coroutine(&self, msg: &str, loc: Loc) -> R {
        if !self.ste().coroutine {
            return Err(self.err(msg, loc));
        }
        Ok(())
    }

    fn is_async_def(&self) -> bool {
        self.ste().type_ == BlockType::Function && self.ste().coroutine
    }

    fn visit_stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, v: &[Expr]) -> R {
        for e in v {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_opt(&mut self, e: Option<&Expr>) -> R {
        if let Some(e) = e {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn with_conditional_block(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let saved = self.ste().in_conditional_block;
        self.ste_mut().in_conditional_block = true;
        let r = f(self);
        self.ste_mut().in_conditional_block = saved;
        r
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.enter_recursive()?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_stmt_inner(s));
        self.leave_recursive();
        r
    }

    fn visit_function(&mut self, s: &Stmt, f: &FunctionDef) -> R {
        self.add_def(&f.name, DEF_LOCAL, s.loc)?;
        self.visit_exprs(&f.args.defaults)?;
        for d in f.args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        self.visit_exprs(&f.decorator_list)?;
        let generic = !f.type_params.params.is_empty();
        if generic {
            let has_kwdefaults = f.args.kw_defaults.iter().any(Option::is_some);
            self.enter_type_param_block(
                &f.name,
                ScopeKey::of(f.type_params.id),
                // CPython tests `args->defaults != NULL`, and the parser
                // always makes that sequence, empty or not.
                true,
                has_kwdefaults,
                false,
                s.loc,
            )?;
            for tp in &f.type_params.params {
                self.visit_type_param(tp)?;
            }
        }
        let new_ste = self.ste_new(&f.name, BlockType::Function, ScopeKey::of(f.id), s.loc);
        if docstring(&f.body).is_some() {
            self.st.entries[new_ste].has_docstring = true;
        }
        self.visit_annotations(s, &f.args, f.returns.as_deref())?;
        self.enter_existing_block(new_ste);
        if f.is_async {
            self.ste_mut().coroutine = true;
        }
        self.visit_arguments(&f.args)?;
        self.visit_stmts(&f.body)?;
        self.exit_block();
        if generic {
            self.exit_block();
        }
        Ok(())
    }

    fn visit_class(&mut self, s: &Stmt, c: &ClassDef) -> R {
        self.add_def(&c.name, DEF_LOCAL, s.loc)?;
        self.visit_exprs(&c.decorator_list)?;
        let saved_private = self.private.clone();
        let generic = !c.type_params.params.is_empty();
        if generic {
            self.enter_type_param_block(
                &c.name,
                ScopeKey::of(c.type_params.id),
                false,
                false,
                true,
                s.loc,
            )?;
            self.private = Some(c.name.clone());
            let set = self.st.mangled_sets.len();
            self.st.mangled_sets.push(Default::default());
            self.ste_mut().mangled_names = Some(set);
            for tp in &c.type_params.params {
                self.visit_type_param(tp)?;
            }
        }
        self.visit_exprs(&c.bases)?;
        self.check_keywords(&c.keywords)?;
        for k in &c.keywords {
            self.visit_expr(&k.value)?;
        }
        self.enter_block(&c.name, BlockType::Class, ScopeKey::of(c.id), s.loc)?;
        self.private = Some(c.name.clone());
        if generic {
            self.add_def("__type_params__", DEF_LOCAL, s.loc)?;
            self.add_def(".type_params", USE, s.loc)?;
        }
        if docstring(&c.body).is_some() {
            self.ste_mut().has_docstring = true;
        }
        self.visit_stmts(&c.body)?;
        self.exit_block();
        if generic {
            self.exit_block();
        }
        self.private = saved_private;
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.visit_function(s, f)?,
            StmtKind::ClassDef(c) => self.visit_class(s, c)?,
            StmtKind::TypeAlias(t) => {
                self.visit_expr(&t.name)?;
                let ExprKind::Name { id: name, .. } = &t.name.kind else {
                    return Err(CompileError::system("type alias name is not a Name"));
                };
                let is_in_class = self.ste().type_ == BlockType::Class;
                let generic = !t.type_params.params.is_empty();
                if generic {
                    self.enter_type_param_block(
                        name,
                        ScopeKey::of(t.type_params.id),
                        false,
                        false,
                        false,
                        s.loc,
                    )?;
                    for tp in &t.type_params.params {
                        self.visit_type_param(tp)?;
                    }
                }
                self.enter_block(name, BlockType::TypeAlias, ScopeKey::of(t.id), s.loc)?;
                self.ste_mut().can_see_class_scope = is_in_class;
                if is_in_class {
                    self.add_def("__classdict__", USE, t.value.loc)?;
                }
                self.visit_expr(&t.value)?;
                self.exit_block();
                if generic {
                    self.exit_block();
                }
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.visit_expr(v)?;
                    self.ste_mut().returns_value = true;
                }
            }
            StmtKind::Delete(t) => self.visit_exprs(t)?,
            StmtKind::Assign { targets, value } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.ste_mut().annotations_used = true;
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup(id);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && self.cur() != self.global
                        && *simple
                    {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{id}' can't be global")
                        } else {
                            format!("annotated name '{id}' can't be nonlocal")
                        };
                        return Err(self.err(msg, s.loc));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                let key = self.ste().id.plus_one();
                self.visit_annotation(annotation, key)?;
                self.visit_opt(value.as_deref())?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async {
                    self.maybe_set_ste_coroutine_for_module();
                    self.raise_if_not_coroutine("'async for' outside async function", s.loc)?;
                }
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.with_conditional_block(|b| {
                    b.visit_stmts(body)?;
                    b.visit_stmts(orelse)
                })?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.with_conditional_block(|b| {
                    b.visit_stmts(body)?;
                    b.visit_stmts(orelse)
                })?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                self.with_conditional_block(|b| {
                    for c in cases {
                        b.visit_pattern(&c.pattern)?;
                        b.visit_opt(c.guard.as_deref())?;
                        b.visit_stmts(&c.body)?;
                    }
                    Ok(())
                })?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    self.visit_opt(cause.as_deref())?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.with_conditional_block(|b| {
                    b.visit_stmts(body)?;
                    for h in handlers {
                        b.visit_opt(h.type_.as_deref())?;
                        if let Some(n) = &h.name {
                            b.add_def(n, DEF_LOCAL, h.loc)?;
                        }
                        b.visit_stmts(&h.body)?;
                    }
                    b.visit_stmts(orelse)?;
                    b.visit_stmts(finalbody)
                })?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                self.visit_opt(msg.as_deref())?;
            }
            StmtKind::Import(names) => {
                for a in names {
                    self.visit_alias(a)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.visit_alias(a)?;
                }
                self.check_import_from(s)?;
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let global = matches!(s.kind, StmtKind::Global(_));
                for name in names {
                    let cur = self.lookup(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let (kw, what) = if global {
                            ("global", "global")
                        } else {
                            ("nonlocal", "nonlocal")
                        };
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and {what}")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to {kw} declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be {what}")
                        } else {
                            format!("name '{name}' is assigned to before {kw} declaration")
                        };
                        return Err(self.err(msg, s.loc));
                    }
                    let flag = if global { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, flag, s.loc)?;
                    self.record_directive(name, s.loc);
                }
            }
            StmtKind::Expr(e) => self.visit_expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async {
                    self.maybe_set_ste_coroutine_for_module();
                    self.raise_if_not_coroutine("'async with' outside async function", s.loc)?;
                }
                self.with_conditional_block(|b| {
                    for i in items {
                        b.visit_expr(&i.context_expr)?;
                        b.visit_opt(i.optional_vars.as_deref())?;
                    }
                    b.visit_stmts(body)
                })?;
            }
        }
        Ok(())
    }

    /// `symtable_extend_namedexpr_scope`.
    fn extend_namedexpr_scope(&mut self, e: &Expr) -> R {
        let ExprKind::Name { id: target, .. } = &e.kind else {
            return Err(CompileError::system(
                "named expression target is not a Name",
            ));
        };
        for i in (0..self.stack.len()).rev() {
            let ste = self.stack[i];
            let entry = &self.st.entries[ste];
            if entry.comprehension != CompType::None {
                let t = self.lookup_entry(ste, target);
                if t & DEF_COMP_ITER != 0 && t & DEF_LOCAL != 0 {
                    return Err(self.err(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{target}'"
                        ),
                        e.loc,
                    ));
                }
                continue;
            }
            match entry.type_ {
                BlockType::Function => {
                    let t = self.lookup_entry(ste, target);
                    if t & DEF_GLOBAL != 0 {
                        self.add_def(target, DEF_GLOBAL, e.loc)?;
                    } else {
                        self.add_def(target, DEF_NONLOCAL, e.loc)?;
                    }
                    self.record_directive(target, e.loc);
                    return self.add_def_helper(target, DEF_LOCAL, ste, e.loc);
                }
                BlockType::Module => {
                    self.add_def(target, DEF_GLOBAL, e.loc)?;
                    self.record_directive(target, e.loc);
                    return self.add_def_helper(target, DEF_GLOBAL, ste, e.loc);
                }
                BlockType::Class => return Err(self.err(NAMED_EXPR_COMP_IN_CLASS, e.loc)),
                BlockType::TypeParameters => {
                    return Err(self.err(NAMED_EXPR_COMP_IN_TYPEPARAM, e.loc));
                }
                BlockType::TypeAlias => return Err(self.err(NAMED_EXPR_COMP_IN_TYPEALIAS, e.loc)),
                BlockType::TypeVariable => {
                    return Err(self.err(NAMED_EXPR_COMP_IN_TYPEVAR_BOUND, e.loc));
                }
                BlockType::Annotation => {}
            }
        }
        Err(CompileError::system(
            "named expression found no enclosing scope",
        ))
    }

    /// `symtable_handle_namedexpr`.
    fn handle_namedexpr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> R {
        if self.ste().comp_iter_expr > 0 {
            return Err(self.err(NAMED_EXPR_COMP_ITER_EXPR, e.loc));
        }
        if self.ste().comprehension != CompType::None {
            self.extend_namedexpr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    pub fn visit_expr(&mut self, e: &Expr) -> R {
        self.enter_recursive()?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_expr_inner(e));
        self.leave_recursive();
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", e)?;
                self.handle_namedexpr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda(l) => {
                self.visit_exprs(&l.args.defaults)?;
                for d in l.args.kw_defaults.iter().flatten() {
                    self.visit_expr(d)?;
                }
                self.enter_block("lambda", BlockType::Function, ScopeKey::of(l.id), e.loc)?;
                self.visit_arguments(&l.args)?;
                self.visit_expr(&l.body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set(elts) => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp(c) => self.handle_comprehension(e, "genexpr", c)?,
            ExprKind::ListComp(c) => self.handle_comprehension(e, "listcomp", c)?,
            ExprKind::SetComp(c) => self.handle_comprehension(e, "setcomp", c)?,
            ExprKind::DictComp(c) => self.handle_comprehension(e, "dictcomp", c)?,
            ExprKind::Yield(v) => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_opt(v.as_deref())?;
                self.ste_mut().generator = true;
                if self.ste().comprehension != CompType::None {
                    return self.raise_comprehension_yield(e);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(v)?;
                self.ste_mut().generator = true;
                if self.ste().comprehension != CompType::None {
                    return self.raise_comprehension_yield(e);
                }
            }
            ExprKind::Await(v) => {
                self.raise_if_annotation_block("await expression", e)?;
                if !self.allows_top_level_await() {
                    if !self.ste().is_function_like() {
                        return Err(self.err("'await' outside function", e.loc));
                    }
                    if !self.is_async_def() && self.ste().comprehension == CompType::None {
                        return Err(self.err("'await' outside async function", e.loc));
                    }
                }
                self.visit_expr(v)?;
                self.ste_mut().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                self.check_keywords(keywords)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            }
            | ExprKind::Interpolation {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                self.visit_opt(format_spec.as_deref())?;
            }
            ExprKind::JoinedStr(v) | ExprKind::TemplateStr(v) => self.visit_exprs(v)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, attr, ctx } => {
                self.check_name(attr, e.loc, *ctx)?;
                self.visit_expr(value)?;
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                self.visit_opt(lower.as_deref())?;
                self.visit_opt(upper.as_deref())?;
                self.visit_opt(step.as_deref())?;
            }
            ExprKind::Name { id, ctx } => {
                if !self.ste().in_unevaluated_annotation {
                    let flag = if *ctx == ExprContext::Load {
                        USE
                    } else {
                        DEF_LOCAL
                    };
                    self.add_def_ctx(id, flag, e.loc, *ctx)?;
                    if *ctx == ExprContext::Load && self.ste().is_function_like() && id == "super" {
                        self.add_def("__class__", USE, e.loc)?;
                    }
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    /// `symtable_visit_type_param_bound_or_default`.
    fn visit_bound_or_default(
        &mut self,
        e: Option<&Expr>,
        name: &str,
        key: ScopeKey,
        tp_loc: Loc,
        info: &'static str,
    ) -> R {
        if name == "__classdict__" {
            return Err(self.err(
                format!("reserved name '{name}' cannot be used for type parameter"),
                tp_loc,
            ));
        }
        if let Some(e) = e {
            let is_in_class = self.ste().can_see_class_scope;
            self.enter_block(name, BlockType::TypeVariable, key, e.loc)?;
            self.ste_mut().can_see_class_scope = is_in_class;
            if is_in_class {
                self.add_def("__classdict__", USE, e.loc)?;
            }
            self.ste_mut().scope_info = Some(info);
            self.visit_expr(e)?;
            self.exit_block();
        }
        Ok(())
    }

    /// `symtable_visit_type_param`.
    fn visit_type_param(&mut self, tp: &TypeParam) -> R {
        self.enter_recursive()?;
        self.add_def(&tp.name, DEF_TYPE_PARAM | DEF_LOCAL, tp.loc)?;
        let key = ScopeKey::of(tp.id);
        match tp.kind {
            TypeParamKind::TypeVar => {
                let info = match tp.bound.as_deref().map(|b| &b.kind) {
                    Some(ExprKind::Tuple { .. }) => "a TypeVar constraint",
                    _ => "a TypeVar bound",
                };
                self.visit_bound_or_default(tp.bound.as_deref(), &tp.name, key, tp.loc, info)?;
                self.visit_bound_or_default(
                    tp.default_value.as_deref(),
                    &tp.name,
                    key.plus_one(),
                    tp.loc,
                    "a TypeVar default",
                )?;
            }
            TypeParamKind::TypeVarTuple => self.visit_bound_or_default(
                tp.default_value.as_deref(),
                &tp.name,
                key,
                tp.loc,
                "a TypeVarTuple default",
            )?,
            TypeParamKind::ParamSpec => self.visit_bound_or_default(
                tp.default_value.as_deref(),
                &tp.name,
                key,
                tp.loc,
                "a ParamSpec default",
            )?,
        }
        self.leave_recursive();
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        self.enter_recursive()?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_pattern_inner(p));
        self.leave_recursive();
        r
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::MatchValue(v) => self.visit_expr(v)?,
            PatternKind::MatchSingleton(_) => {}
            PatternKind::MatchSequence(ps) | PatternKind::MatchOr(ps) => {
                for x in ps {
                    self.visit_pattern(x)?;
                }
            }
            PatternKind::MatchStar(name) => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                for x in patterns {
                    self.visit_pattern(x)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.visit_expr(cls)?;
                for x in patterns {
                    self.visit_pattern(x)?;
                }
                for (a, kp) in kwd_attrs.iter().zip(kwd_patterns) {
                    self.check_name(a, kp.loc, ExprContext::Store)?;
                }
                for x in kwd_patterns {
                    self.visit_pattern(x)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(x) = pattern {
                    self.visit_pattern(x)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
        }
        Ok(())
    }

    /// `symtable_implicit_arg`.
    fn implicit_arg(&mut self, pos: usize) -> R {
        let loc = self.ste().loc;
        self.add_def(&format!(".{pos}"), DEF_PARAM, loc)
    }

    fn visit_params(&mut self, args: &[Arg]) -> R {
        for a in args {
            self.add_def(&a.arg, DEF_PARAM, a.loc)?;
        }
        Ok(())
    }

    /// `symtable_visit_annotation`: an annotated assignment's annotation,
    /// in the block's (single, shared) annotation block.
    fn visit_annotation(&mut self, annotation: &Expr, key: ScopeKey) -> R {
        let is_unevaluated = self.ste().type_ == BlockType::Function;
        let ty = self.ste().type_;
        // A module's annotations always count as conditional (the module
        // may stop part way); a class's only inside a conditional block.
        if (ty == BlockType::Module || (ty == BlockType::Class && self.ste().in_conditional_block))
            && !self.ste().has_conditional_annotations
        {
            self.ste_mut().has_conditional_annotations = true;
            self.add_def("__conditional_annotations__", USE, annotation.loc)?;
        }
        let parent = self.cur();
        match self.st.entries[parent].annotation_block {
            None => {
                self.enter_block("__annotate__", BlockType::Annotation, key, annotation.loc)?;
                let block = self.cur();
                self.st.entries[parent].annotation_block = Some(block);
                let future = self.st.future.features & CO_FUTURE_ANNOTATIONS != 0;
                if ty == BlockType::Class && !future {
                    self.ste_mut().can_see_class_scope = true;
                    self.add_def("__classdict__", USE, annotation.loc)?;
                }
            }
            Some(block) => self.enter_existing_block(block),
        }
        if is_unevaluated {
            self.ste_mut().in_unevaluated_annotation = true;
        }
        let r = self.visit_expr(annotation);
        if is_unevaluated {
            self.ste_mut().in_unevaluated_annotation = false;
        }
        self.exit_block();
        r
    }

    fn visit_argannotations(&mut self, args: &[Arg]) -> R {
        for a in args {
            if let Some(ann) = &a.annotation {
                self.ste_mut().annotations_used = true;
                self.visit_expr(ann)?;
            }
        }
        Ok(())
    }

    /// `symtable_visit_annotations`: a function's parameter and return
    /// annotations, in their own annotation block (keyed by `args`).
    fn visit_annotations(&mut self, s: &Stmt, a: &Arguments, returns: Option<&Expr>) -> R {
        let is_in_class = self.ste().can_see_class_scope;
        let current_type = self.ste().type_;
        self.enter_block(
            "__annotate__",
            BlockType::Annotation,
            ScopeKey::of(a.id),
            s.loc,
        )?;
        if is_in_class || current_type == BlockType::Class {
            self.ste_mut().can_see_class_scope = true;
            self.add_def("__classdict__", USE, s.loc)?;
        }
        self.visit_argannotations(&a.posonlyargs)?;
        self.visit_argannotations(&a.args)?;
        if let Some(v) = &a.vararg
            && let Some(ann) = &v.annotation
        {
            self.ste_mut().annotations_used = true;
            self.visit_expr(ann)?;
        }
        if let Some(k) = &a.kwarg
            && let Some(ann) = &k.annotation
        {
            self.ste_mut().annotations_used = true;
            self.visit_expr(ann)?;
        }
        self.visit_argannotations(&a.kwonlyargs)?;
        if let Some(r) = returns {
            self.ste_mut().annotations_used = true;
            self.visit_expr(r)?;
        }
        self.exit_block();
        Ok(())
    }

    /// `symtable_visit_arguments`.
    fn visit_arguments(&mut self, a: &Arguments) -> R {
        self.visit_params(&a.posonlyargs)?;
        self.visit_params(&a.args)?;
        self.visit_params(&a.kwonlyargs)?;
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.loc)?;
            self.ste_mut().varargs = true;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.loc)?;
            self.ste_mut().varkeywords = true;
        }
        Ok(())
    }

    /// `symtable_visit_alias`.
    fn visit_alias(&mut self, a: &Alias) -> R {
        let name = a.asname.as_deref().unwrap_or(&a.name);
        let store_name = match name.find('.') {
            Some(dot) => &name[..dot],
            None => name,
        };
        if name != "*" {
            self.add_def(store_name, DEF_IMPORT, a.loc)
        } else {
            if self.ste().type_ != BlockType::Module {
                return Err(self.err("import * only allowed at module level", a.loc));
            }
            Ok(())
        }
    }

    /// `symtable_visit_comprehension` (every generator but the first).
    fn visit_comprehension(&mut self, g: &Comprehension) -> R {
        self.ste_mut().comp_iter_target = true;
        self.visit_expr(&g.target)?;
        self.ste_mut().comp_iter_target = false;
        self.ste_mut().comp_iter_expr += 1;
        self.visit_expr(&g.iter)?;
        self.ste_mut().comp_iter_expr -= 1;
        self.visit_exprs(&g.ifs)?;
        if g.is_async {
            self.ste_mut().coroutine = true;
        }
        Ok(())
    }

    /// `symtable_handle_comprehension`.
    fn handle_comprehension(&mut self, e: &Expr, scope_name: &str, c: &Comp) -> R {
        let is_generator = matches!(e.kind, ExprKind::GeneratorExp(_));
        let Some(outermost) = c.generators.first() else {
            return Err(CompileError::system("comprehension without generators"));
        };
        self.ste_mut().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.ste_mut().comp_iter_expr -= 1;
        self.enter_block(scope_name, BlockType::Function, ScopeKey::of(c.id), e.loc)?;
        self.ste_mut().comprehension = match e.kind {
            ExprKind::ListComp(_) => CompType::List,
            ExprKind::SetComp(_) => CompType::Set,
            ExprKind::DictComp(_) => CompType::Dict,
            _ => CompType::Generator,
        };
        if outermost.is_async {
            self.ste_mut().coroutine = true;
        }
        self.implicit_arg(0)?;
        self.ste_mut().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.ste_mut().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &c.generators[1..] {
            self.visit_comprehension(g)?;
        }
        if let Some(v) = &c.value {
            self.visit_expr(v)?;
        }
        self.visit_expr(&c.elt)?;
        self.ste_mut().generator = is_generator;
        let is_async = self.ste().coroutine && !is_generator;
        self.exit_block();
        if is_async
            && !self.is_async_def()
            && self.ste().comprehension == CompType::None
            && !self.allows_top_level_await()
        {
            return Err(self.err(
                "asynchronous comprehension outside of an asynchronous function",
                e.loc,
            ));
        }
        if is_async {
            self.ste_mut().coroutine = true;
        }
        Ok(())
    }

    /// `symtable_raise_if_annotation_block`.
    fn raise_if_annotation_block(&self, name: &str, e: &Expr) -> R {
        let msg = match self.ste().type_ {
            BlockType::Annotation => format!("{name} cannot be used within an annotation"),
            BlockType::TypeVariable => format!(
                "{name} cannot be used within {}",
                self.ste().scope_info.unwrap_or("a TypeVar bound")
            ),
            BlockType::TypeAlias => format!("{name} cannot be used within a type alias"),
            BlockType::TypeParameters => {
                format!("{name} cannot be used within the definition of a generic")
            }
            _ => return Ok(()),
        };
        Err(self.err(msg, e.loc))
    }

    /// `symtable_raise_if_comprehension_block`.
    fn raise_comprehension_yield(&self, e: &Expr) -> R {
        let msg = match self.ste().comprehension {
            CompType::List => "'yield' inside list comprehension",
            CompType::Set => "'yield' inside set comprehension",
            CompType::Dict => "'yield' inside dict comprehension",
            _ => "'yield' inside generator expression",
        };
        Err(self.err(msg, e.loc))
    }
}
