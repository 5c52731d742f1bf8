//! Code generation (a port of `Python/codegen.c`): the AST of one code
//! unit to its instruction sequence, with symbolic jump labels and pseudo
//! instructions, exactly as CPython 3.14 emits it before the flow graph.
//!
//! The functions are methods of [`Compiler`], split by topic:
//! statements here, control flow in [`flow`], expressions in [`expr`],
//! calls in [`call`], comprehensions in [`comprehension`], definitions
//! (functions, classes, lambdas, type parameters, annotations) in
//! [`function`], `match` in [`pattern`].

mod call;
mod comprehension;
mod expr;
mod flow;
mod function;
mod pattern;

use super::ast::*;
use super::compiler::{Compiler, R, ScopeType};
use super::error::CompileError;
use super::future::flags::CO_FUTURE_ANNOTATIONS;
use super::symtable::BlockType;
use crate::objects::{Obj, int, tuple};
use crate::opcode::{CommonConstant, CompareOp, Intrinsic1, op, pseudo};

/// Which table a name operand goes to (`u_names`, `u_varnames`, ...).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dict {
    Names,
    Varnames,
    Cellvars,
    Freevars,
}

/// `codegen_addop_name`'s opcode: real ones, and the encodings of
/// `LOAD_ATTR`/`LOAD_SUPER_ATTR` CPython spells as negative pseudo codes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum NameOp {
    Op(u8),
    LoadMethod,
    LoadSuperMethod,
    LoadZeroSuperAttr,
    LoadZeroSuperMethod,
}

/// `_Py_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS`.
const ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS: i64 = 2;

impl<'ast> Compiler<'_, 'ast> {
    /// `codegen_addop_o` for a name table (no mangling).
    pub fn addop_n(&mut self, opcode: u8, name: &str, dict: Dict, loc: Loc) -> R {
        let arg = self.dict_add(name, dict);
        self.addop_i(opcode, arg, loc)
    }

    fn dict_add(&mut self, name: &str, dict: Dict) -> usize {
        match dict {
            Dict::Names => self.unit().metadata.names.add(name),
            Dict::Varnames => self.unit().metadata.varnames.add(name),
            Dict::Cellvars => self.unit().metadata.cellvars.add(name),
            Dict::Freevars => self.freevar_arg(name),
        }
    }

    /// `codegen_addop_name`: a mangled name operand, with the attribute
    /// load encodings.
    pub fn addop_name(&mut self, opcode: NameOp, name: &str, dict: Dict, loc: Loc) -> R {
        let mangled = self.maybe_mangle(name);
        let arg = self.dict_add(&mangled, dict);
        let (real, arg) = match opcode {
            NameOp::Op(o) if o == op::LOAD_ATTR => (o, arg << 1),
            NameOp::Op(o) if o == op::LOAD_SUPER_ATTR => (o, (arg << 2) | 2),
            NameOp::Op(o) => (o, arg),
            NameOp::LoadMethod => (op::LOAD_ATTR, (arg << 1) | 1),
            NameOp::LoadSuperMethod => (op::LOAD_SUPER_ATTR, (arg << 2) | 3),
            NameOp::LoadZeroSuperAttr => (op::LOAD_SUPER_ATTR, arg << 2),
            NameOp::LoadZeroSuperMethod => (op::LOAD_SUPER_ATTR, (arg << 2) | 1),
        };
        self.addop_i(real, arg, loc)
    }

    pub fn load_int(&mut self, v: i64, loc: Loc) -> R {
        self.load_const(int::new_int(v), loc)
    }

    /// `codegen_enter_scope`: a new unit, opened by `RESUME` (and, for a
    /// module, the annotations placeholder).
    pub fn codegen_enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        key: ScopeKey,
        lineno: i32,
        private: Option<String>,
        counts: (u32, u32, u32),
    ) -> R {
        self.enter_scope(name, scope_type, key, lineno, private, counts)?;
        let mut loc = Loc::new(lineno, lineno, 0, 0);
        if scope_type == ScopeType::Module {
            loc.lineno = 0;
        }
        self.addop_i(op::RESUME, 0, loc)?;
        if scope_type == ScopeType::Module {
            self.addop(pseudo::ANNOTATIONS_PLACEHOLDER, loc);
        }
        Ok(())
    }

    /// `compiler_codegen`: the module unit's code, left open.
    pub fn compiler_codegen(&mut self, m: &'ast Mod) -> R {
        self.codegen_enter_scope(
            "<module>",
            ScopeType::Module,
            ScopeKey::of(m.id()),
            1,
            None,
            (0, 0, 0),
        )?;
        match m {
            Mod::Module { body, .. } => self.codegen_module(start_location(body), body, false),
            Mod::Interactive { body, .. } => {
                self.interactive = true;
                self.codegen_module(start_location(body), body, true)
            }
            Mod::Expression { body, .. } => self.visit_expr(body),
        }
    }

    /// `_PyCodegen_Module`.
    fn codegen_module(&mut self, loc: Loc, stmts: &'ast [Stmt], interactive: bool) -> R {
        if self.ste().has_conditional_annotations {
            self.addop_i(op::BUILD_SET, 0, loc)?;
            self.addop_n(
                op::STORE_NAME,
                "__conditional_annotations__",
                Dict::Names,
                loc,
            )?;
        }
        self.codegen_body(loc, stmts, interactive)
    }

    /// `codegen_body`: a module's or class's statements, with the
    /// docstring stored as `__doc__` and the deferred annotations built
    /// into `__annotate__` at the end.
    pub fn codegen_body(&mut self, loc: Loc, stmts: &'ast [Stmt], interactive: bool) -> R {
        let future_annotations = self.future.features & CO_FUTURE_ANNOTATIONS != 0;
        if future_annotations && self.ste().annotations_used {
            self.addop(op::SETUP_ANNOTATIONS, loc);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut first = 0;
        if !interactive
            && self.ste().has_docstring
            && let Some(doc) = docstring(stmts)
        {
            first = 1;
            let cleaned = super::compiler::clean_doc(doc);
            let StmtKind::Expr(value) = &stmts[0].kind else {
                return Err(CompileError::system("docstring is not an expression"));
            };
            let o = self.str_obj(&cleaned);
            self.load_const(o, value.loc)?;
            self.nameop(Loc::NONE, "__doc__", ExprContext::Store)?;
        }
        for s in &stmts[first..] {
            self.visit_stmt(s)?;
        }
        if !future_annotations {
            self.process_deferred_annotations(loc)?;
        }
        Ok(())
    }

    /// `codegen_setup_annotations_scope`: an `__annotate__(format)`
    /// function that raises NotImplementedError for formats it cannot
    /// evaluate.
    pub fn setup_annotations_scope(&mut self, loc: Loc, key: ScopeKey, name: &str) -> R {
        self.codegen_enter_scope(
            name,
            ScopeType::Annotations,
            key,
            loc.lineno,
            None,
            (0, 1, 0),
        )?;
        self.addop_i(op::LOAD_FAST, 0, loc)?;
        self.load_int(ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS, loc)?;
        self.addop_i(op::COMPARE_OP, CompareOp::Gt.oparg(false), loc)?;
        let body = self.new_label();
        self.addop_j(op::POP_JUMP_IF_FALSE, body, loc);
        self.addop_i(
            op::LOAD_COMMON_CONSTANT,
            CommonConstant::NotImplementedError.oparg(),
            loc,
        )?;
        self.addop_i(op::RAISE_VARARGS, 1, loc)?;
        self.use_label(body);
        Ok(())
    }

    /// `codegen_leave_annotations_scope`: returns the dict, names the
    /// parameter `format` for `inspect.signature`, and makes the function.
    pub fn leave_annotations_scope(&mut self, loc: Loc) -> R {
        self.addop(op::RETURN_VALUE, loc);
        self.rename_format_parameter();
        let done = self.optimize_and_assemble(true)?;
        self.exit_scope();
        self.make_closure(loc, &done, 0)
    }

    /// The `.format` parameter is called `format` in the code object
    /// (CPython rewrites `co_localsplusnames[0]` after assembly).
    fn rename_format_parameter(&mut self) {
        let vars = &self.unit_ref().metadata.varnames;
        let names = vars.names();
        if names.first().map(String::as_str) != Some(".format")
            || names.iter().any(|n| n == "format")
        {
            return;
        }
        let mut renamed = super::consts::NameTable::new();
        renamed.add("format");
        for n in &names[1..] {
            renamed.add(n);
        }
        self.unit().metadata.varnames = renamed;
    }

    /// `codegen_deferred_annotations_body`.
    fn deferred_annotations_body(
        &mut self,
        loc: Loc,
        deferred: &[&'ast Stmt],
        indices: &[i64],
        scope_type: ScopeType,
    ) -> R {
        self.addop_i(op::BUILD_MAP, 0, loc)?;
        for (st, &idx) in deferred.iter().zip(indices) {
            let StmtKind::AnnAssign {
                target, annotation, ..
            } = &st.kind
            else {
                return Err(CompileError::system("deferred annotation is not AnnAssign"));
            };
            let ExprKind::Name { id, .. } = &target.kind else {
                return Err(CompileError::system(
                    "deferred annotation target is not a Name",
                ));
            };
            let mangled = self.mangle(id);
            let not_set = self.new_label();
            if idx != -1 {
                self.load_int(idx, st.loc)?;
                if scope_type == ScopeType::Class {
                    self.addop_name(
                        NameOp::Op(op::LOAD_DEREF),
                        "__conditional_annotations__",
                        Dict::Freevars,
                        st.loc,
                    )?;
                } else {
                    self.addop_name(
                        NameOp::Op(op::LOAD_GLOBAL),
                        "__conditional_annotations__",
                        Dict::Names,
                        st.loc,
                    )?;
                }
                self.addop_i(op::CONTAINS_OP, 0, st.loc)?;
                self.addop_j(op::POP_JUMP_IF_FALSE, not_set, st.loc);
            }
            self.visit_expr(annotation)?;
            self.addop_i(op::COPY, 2, st.loc)?;
            let name = self.str_obj(&mangled);
            self.load_const(name, st.loc)?;
            self.addop(op::STORE_SUBSCR, loc);
            self.use_label(not_set);
        }
        Ok(())
    }

    /// `codegen_process_deferred_annotations`: `__annotate__` for the
    /// annotated assignments of a module or class body.
    fn process_deferred_annotations(&mut self, loc: Loc) -> R {
        let Some(deferred) = self.unit().deferred_annotations.take() else {
            return Ok(());
        };
        let indices = std::mem::take(&mut self.unit().conditional_annotation_indices);
        let scope_type = self.scope_type();
        let separate = scope_type == ScopeType::Module;
        if separate {
            self.start_annotation_setup();
        }
        let ste = self.ste_index();
        let key = self.st.entry(ste).id.plus_one();
        let Some(block) = self.st.entry(ste).annotation_block else {
            return Err(CompileError::system(
                "annotations without an annotation block",
            ));
        };
        let name = self.st.entry(block).name.clone();
        self.setup_annotations_scope(loc, key, &name)?;
        if let Err(e) = self.deferred_annotations_body(loc, &deferred, &indices, scope_type) {
            self.exit_scope();
            return Err(e);
        }
        self.leave_annotations_scope(loc)?;
        let target = if self.st.entry(ste).type_ == BlockType::Class {
            "__annotate_func__"
        } else {
            "__annotate__"
        };
        self.nameop(loc, target, ExprContext::Store)?;
        if separate {
            self.end_annotation_setup();
        }
        Ok(())
    }

    /// `codegen_visit_stmt`.
    pub fn visit_stmt(&mut self, s: &'ast Stmt) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_stmt_inner(s))
    }

    fn cond_block(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        self.enter_conditional_block();
        let r = f(self);
        self.leave_conditional_block();
        r
    }

    fn visit_stmt_inner(&mut self, s: &'ast Stmt) -> R {
        let loc = s.loc;
        match &s.kind {
            StmtKind::FunctionDef(f) => self.codegen_function(s, f),
            StmtKind::ClassDef(c) => self.codegen_class(s, c),
            StmtKind::TypeAlias(t) => self.codegen_typealias(s, t),
            StmtKind::Return(v) => self.codegen_return(s, v.as_deref()),
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.addop_i(op::COPY, 1, loc)?;
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => {
                self.codegen_augassign(s, target, *op, value)
            }
            StmtKind::AnnAssign { .. } => self.codegen_annassign(s),
            StmtKind::For { is_async, .. } => {
                let is_async = *is_async;
                self.cond_block(|c| {
                    if is_async {
                        c.codegen_async_for(s)
                    } else {
                        c.codegen_for(s)
                    }
                })
            }
            StmtKind::While { .. } => self.cond_block(|c| c.codegen_while(s)),
            StmtKind::If { .. } => self.cond_block(|c| c.codegen_if(s)),
            StmtKind::Match { .. } => self.cond_block(|c| c.codegen_match(s)),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    n += 1;
                    if let Some(cause) = cause {
                        self.visit_expr(cause)?;
                        n += 1;
                    }
                }
                self.addop_i(op::RAISE_VARARGS, n, loc)
            }
            StmtKind::Try { is_star, .. } => {
                let is_star = *is_star;
                self.cond_block(|c| {
                    if is_star {
                        c.codegen_try_star(s)
                    } else {
                        c.codegen_try(s)
                    }
                })
            }
            StmtKind::Assert { test, msg } => self.codegen_assert(s, test, msg.as_deref()),
            StmtKind::Import(names) => self.codegen_import(s, names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.codegen_from_import(s, module.as_deref(), names, *level),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Expr(value) => self.codegen_stmt_expr(loc, value),
            StmtKind::Pass => {
                self.addop(op::NOP, loc);
                Ok(())
            }
            StmtKind::Break => self.codegen_break(loc),
            StmtKind::Continue => self.codegen_continue(loc),
            StmtKind::With { is_async, .. } => {
                let is_async = *is_async;
                self.cond_block(|c| {
                    if is_async {
                        c.codegen_async_with(s, 0)
                    } else {
                        c.codegen_with(s, 0)
                    }
                })
            }
        }
    }

    /// `codegen_stmt_expr`.
    fn codegen_stmt_expr(&mut self, loc: Loc, value: &'ast Expr) -> R {
        if self.is_interactive_top_level() {
            self.visit_expr(value)?;
            self.addop_i(op::CALL_INTRINSIC_1, Intrinsic1::Print.oparg(), loc)?;
            self.addop(op::POP_TOP, Loc::NONE);
            return Ok(());
        }
        if value.is_constant() {
            self.addop(op::NOP, loc);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.addop(op::POP_TOP, Loc::NONE);
        Ok(())
    }

    /// `codegen_assert`.
    fn codegen_assert(&mut self, s: &'ast Stmt, test: &'ast Expr, msg: Option<&'ast Expr>) -> R {
        let always_true = match &test.kind {
            ExprKind::Tuple { elts, .. } => !elts.is_empty(),
            ExprKind::Constant(Constant::Tuple(t)) => !t.is_empty(),
            _ => false,
        };
        if always_true {
            self.warn(
                s.loc,
                "assertion is always true, perhaps remove parentheses?",
            );
        }
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_label();
        self.jump_if(s.loc, test, end, true)?;
        self.addop_i(
            op::LOAD_COMMON_CONSTANT,
            CommonConstant::AssertionError.oparg(),
            s.loc,
        )?;
        if let Some(m) = msg {
            self.visit_expr(m)?;
            self.addop_i(op::CALL, 0, s.loc)?;
        }
        self.addop_i(op::RAISE_VARARGS, 1, test.loc)?;
        self.use_label(end);
        Ok(())
    }

    /// `codegen_import_as`: `import a.b.c as d` binds `d` to `a.b.c`.
    fn codegen_import_as(&mut self, loc: Loc, name: &str, asname: &str) -> R {
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() > 1 {
            let attrs = &parts[1..];
            for (i, attr) in attrs.iter().enumerate() {
                self.addop_n(op::IMPORT_FROM, attr, Dict::Names, loc)?;
                if i + 1 == attrs.len() {
                    break;
                }
                self.addop_i(op::SWAP, 2, loc)?;
                self.addop(op::POP_TOP, loc);
            }
            self.nameop(loc, asname, ExprContext::Store)?;
            self.addop(op::POP_TOP, loc);
            return Ok(());
        }
        self.nameop(loc, asname, ExprContext::Store)
    }

    /// `codegen_import`.
    fn codegen_import(&mut self, s: &'ast Stmt, names: &'ast [Alias]) -> R {
        let loc = s.loc;
        for alias in names {
            self.load_int(0, loc)?;
            self.load_none(loc)?;
            self.addop_name(NameOp::Op(op::IMPORT_NAME), &alias.name, Dict::Names, loc)?;
            match &alias.asname {
                Some(asname) => self.codegen_import_as(loc, &alias.name, asname)?,
                None => {
                    let store = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.nameop(loc, store, ExprContext::Store)?;
                }
            }
        }
        Ok(())
    }

    /// `codegen_from_import`.
    fn codegen_from_import(
        &mut self,
        s: &'ast Stmt,
        module: Option<&str>,
        names: &'ast [Alias],
        level: u32,
    ) -> R {
        let loc = s.loc;
        self.load_int(i64::from(level), loc)?;
        let items: Vec<Obj> = names.iter().map(|a| self.str_obj(&a.name)).collect();
        self.load_const(tuple::new_tuple(items), loc)?;
        self.addop_name(
            NameOp::Op(op::IMPORT_NAME),
            module.unwrap_or(""),
            Dict::Names,
            loc,
        )?;
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.addop_i(op::CALL_INTRINSIC_1, Intrinsic1::ImportStar.oparg(), loc)?;
                self.addop(op::POP_TOP, Loc::NONE);
                return Ok(());
            }
            self.addop_name(NameOp::Op(op::IMPORT_FROM), &alias.name, Dict::Names, loc)?;
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(loc, store, ExprContext::Store)?;
        }
        self.addop(op::POP_TOP, loc);
        Ok(())
    }

    /// `codegen_augassign`.
    fn codegen_augassign(
        &mut self,
        s: &'ast Stmt,
        target: &'ast Expr,
        binop: Operator,
        value: &'ast Expr,
    ) -> R {
        let mut loc = target.loc;
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.visit_expr(obj)?;
                self.addop_i(op::COPY, 1, loc)?;
                loc = update_start_location_to_match_attr(loc, target);
                self.addop_name(NameOp::Op(op::LOAD_ATTR), attr, Dict::Names, loc)?;
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.visit_expr(obj)?;
                if should_apply_two_element_slice_optimization(slice) {
                    self.slice_two_parts(slice)?;
                    self.addop_i(op::COPY, 3, loc)?;
                    self.addop_i(op::COPY, 3, loc)?;
                    self.addop_i(op::COPY, 3, loc)?;
                    self.addop(op::BINARY_SLICE, loc);
                } else {
                    self.visit_expr(slice)?;
                    self.addop_i(op::COPY, 2, loc)?;
                    self.addop_i(op::COPY, 2, loc)?;
                    self.addop_i(op::BINARY_OP, crate::opcode::BinaryOp::Subscr.oparg(), loc)?;
                }
            }
            ExprKind::Name { id, .. } => self.nameop(loc, id, ExprContext::Load)?,
            _ => {
                return Err(CompileError::system(
                    "invalid node type for augmented assignment",
                ));
            }
        }
        self.visit_expr(value)?;
        self.addop_binary(s.loc, binop, true)?;
        let mut loc = target.loc;
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                loc = update_start_location_to_match_attr(loc, target);
                self.addop_i(op::SWAP, 2, loc)?;
                self.addop_name(NameOp::Op(op::STORE_ATTR), attr, Dict::Names, loc)?;
            }
            ExprKind::Subscript { slice, .. } => {
                if should_apply_two_element_slice_optimization(slice) {
                    self.addop_i(op::SWAP, 4, loc)?;
                    self.addop_i(op::SWAP, 3, loc)?;
                    self.addop_i(op::SWAP, 2, loc)?;
                    self.addop(op::STORE_SLICE, loc);
                } else {
                    self.addop_i(op::SWAP, 3, loc)?;
                    self.addop_i(op::SWAP, 2, loc)?;
                    self.addop(op::STORE_SUBSCR, loc);
                }
            }
            ExprKind::Name { id, .. } => return self.nameop(loc, id, ExprContext::Store),
            _ => {}
        }
        Ok(())
    }

    /// `codegen_check_ann_expr`.
    fn check_ann_expr(&mut self, e: &'ast Expr) -> R {
        self.visit_expr(e)?;
        self.addop(op::POP_TOP, e.loc);
        Ok(())
    }

    /// `codegen_check_ann_subscr`.
    fn check_ann_subscr(&mut self, e: &'ast Expr) -> R {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    /// `codegen_annassign`.
    fn codegen_annassign(&mut self, s: &'ast Stmt) -> R {
        let StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } = &s.kind
        else {
            return Ok(());
        };
        let loc = s.loc;
        let future_annotations = self.future.features & CO_FUTURE_ANNOTATIONS != 0;
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if *simple && matches!(self.scope_type(), ScopeType::Module | ScopeType::Class) {
                    if future_annotations {
                        self.visit_annexpr(annotation)?;
                        self.addop_name(
                            NameOp::Op(op::LOAD_NAME),
                            "__annotations__",
                            Dict::Names,
                            loc,
                        )?;
                        let mangled = self.maybe_mangle(id);
                        let o = self.str_obj(&mangled);
                        self.load_const(o, loc)?;
                        self.addop(op::STORE_SUBSCR, loc);
                    } else if let Some(idx) = self.add_deferred_annotation(s) {
                        if self.scope_type() == ScopeType::Class {
                            self.addop_name(
                                NameOp::Op(op::LOAD_DEREF),
                                "__conditional_annotations__",
                                Dict::Cellvars,
                                loc,
                            )?;
                        } else {
                            self.addop_name(
                                NameOp::Op(op::LOAD_NAME),
                                "__conditional_annotations__",
                                Dict::Cellvars,
                                loc,
                            )?;
                        }
                        self.load_int(idx, loc)?;
                        self.addop_i(op::SET_ADD, 1, loc)?;
                        self.addop(op::POP_TOP, loc);
                    }
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => {
                return Err(CompileError::system(
                    "invalid node type for annotated assignment",
                ));
            }
        }
        if future_annotations
            && !*simple
            && matches!(self.scope_type(), ScopeType::Module | ScopeType::Class)
        {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }
}

/// `start_location`: the first statement's position (or line 1).
fn start_location(stmts: &[Stmt]) -> Loc {
    match stmts.first() {
        Some(s) => s.loc,
        None => Loc::new(1, 1, 0, 0),
    }
}

/// `is_constant_slice`.
fn is_constant_slice(s: &Expr) -> bool {
    match &s.kind {
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .iter()
            .all(|p| p.as_ref().is_none_or(|e| e.is_constant())),
        _ => false,
    }
}

/// `should_apply_two_element_slice_optimization`.
pub fn should_apply_two_element_slice_optimization(s: &Expr) -> bool {
    !is_constant_slice(s) && matches!(&s.kind, ExprKind::Slice { step: None, .. })
}

/// `update_start_location_to_match_attr`: a multi-line attribute access
/// is located at the attribute name.
pub fn update_start_location_to_match_attr(mut loc: Loc, attr: &Expr) -> Loc {
    let ExprKind::Attribute { attr: name, .. } = &attr.kind else {
        return loc;
    };
    if loc.lineno != attr.loc.end_lineno {
        loc.lineno = attr.loc.end_lineno;
        let len = name.chars().count() as i32;
        if len <= attr.loc.end_col_offset {
            loc.col_offset = attr.loc.end_col_offset - len;
        } else {
            loc.col_offset = -1;
            loc.end_col_offset = -1;
        }
        loc.end_lineno = loc.lineno.max(loc.end_lineno);
        if loc.lineno == loc.end_lineno {
            loc.end_col_offset = loc.col_offset.max(loc.end_col_offset);
        }
    }
    loc
}
