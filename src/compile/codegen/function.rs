//! Definitions (`codegen.c`): functions and lambdas (defaults, keyword
//! defaults, the PEP 649 `__annotate__` function of their annotations),
//! classes (`__build_class__` with a body unit), PEP 695 type parameter
//! scopes and `type` aliases, decorators, and the closures that tie a
//! nested code object to its free variables.

use super::super::ast::*;
use super::super::compiler::{Compiler, FBlockDatum, FBlockType, Finished, R, ScopeType};
use super::super::error::CompileError;
use super::super::future::flags::CO_FUTURE_ANNOTATIONS;
use super::super::instr_sequence::Label;
use super::Dict;
use crate::objects::{int, tuple};
use crate::opcode::{
    Intrinsic1, Intrinsic2, MAKE_FUNCTION_ANNOTATE, MAKE_FUNCTION_ANNOTATIONS,
    MAKE_FUNCTION_CLOSURE, MAKE_FUNCTION_DEFAULTS, MAKE_FUNCTION_KWDEFAULTS, op, pseudo,
};

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'ast> Compiler<'_, 'ast> {
    /// `codegen_make_closure`: a function object from `code`, with its
    /// closure cells and the attributes `flags` says are on the stack.
    pub fn make_closure(&mut self, loc: Loc, done: &Finished, flags: u32) -> R {
        let mut flags = flags;
        if !done.freevars.is_empty() {
            for name in &done.freevars {
                let arg = self.lookup_arg(name)?;
                self.addop_i(pseudo::LOAD_CLOSURE, arg, loc)?;
            }
            flags |= MAKE_FUNCTION_CLOSURE;
            self.addop_i(op::BUILD_TUPLE, done.freevars.len(), loc)?;
        }
        self.load_const(done.code.clone(), loc)?;
        self.addop(op::MAKE_FUNCTION, loc);
        for bit in [
            MAKE_FUNCTION_CLOSURE,
            MAKE_FUNCTION_ANNOTATIONS,
            MAKE_FUNCTION_ANNOTATE,
            MAKE_FUNCTION_KWDEFAULTS,
            MAKE_FUNCTION_DEFAULTS,
        ] {
            if flags & bit != 0 {
                self.addop_i(op::SET_FUNCTION_ATTRIBUTE, bit, loc)?;
            }
        }
        Ok(())
    }

    /// `codegen_decorators`.
    fn decorators(&mut self, decos: &'ast [Expr]) -> R {
        for d in decos {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    /// `codegen_apply_decorators`.
    fn apply_decorators(&mut self, decos: &'ast [Expr]) -> R {
        for d in decos.iter().rev() {
            self.addop_i(op::CALL, 0, d.loc)?;
        }
        Ok(())
    }

    /// `codegen_kwonlydefaults`: a dict of keyword-only defaults, if any.
    fn kwonlydefaults(&mut self, loc: Loc, args: &'ast Arguments) -> R<bool> {
        let mut n = 0;
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                n += 1;
                let mangled = self.maybe_mangle(&a.arg);
                self.load_const_str(&mangled, loc)?;
                self.visit_expr(d)?;
            }
        }
        if n > 0 {
            self.addop_i(op::BUILD_MAP, n, loc)?;
        }
        Ok(n > 0)
    }

    /// `codegen_default_arguments`: pushes the defaults; returns the
    /// `MAKE_FUNCTION_*` flags for them.
    fn default_arguments(&mut self, loc: Loc, args: &'ast Arguments) -> R<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.addop_i(op::BUILD_TUPLE, args.defaults.len(), loc)?;
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        if !args.kwonlyargs.is_empty() && self.kwonlydefaults(loc, args)? {
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// `codegen_visit_annexpr`: an annotation as a string
    /// (`from __future__ import annotations`).
    pub fn visit_annexpr(&mut self, annotation: &'ast Expr) -> R {
        let text = super::super::unparse::expr_as_unicode(annotation)?;
        self.load_const_str(&text, annotation.loc)
    }

    /// `codegen_argannotation`.
    fn argannotation(
        &mut self,
        id: &str,
        annotation: Option<&'ast Expr>,
        len: &mut usize,
        loc: Loc,
    ) -> R {
        let Some(annotation) = annotation else {
            return Ok(());
        };
        let mangled = self.maybe_mangle(id);
        self.load_const_str(&mangled, loc)?;
        if self.future.features & CO_FUTURE_ANNOTATIONS != 0 {
            self.visit_annexpr(annotation)?;
        } else if let ExprKind::Starred { value, .. } = &annotation.kind {
            self.visit_expr(value)?;
            self.addop_i(op::UNPACK_SEQUENCE, 1, loc)?;
        } else {
            self.visit_expr(annotation)?;
        }
        *len += 1;
        Ok(())
    }

    /// `codegen_annotations_in_scope`.
    fn annotations_in_scope(
        &mut self,
        loc: Loc,
        args: &'ast Arguments,
        returns: Option<&'ast Expr>,
        len: &mut usize,
    ) -> R {
        for a in &args.args {
            self.argannotation(&a.arg, a.annotation.as_deref(), len, loc)?;
        }
        for a in &args.posonlyargs {
            self.argannotation(&a.arg, a.annotation.as_deref(), len, loc)?;
        }
        if let Some(v) = &args.vararg {
            self.argannotation(&v.arg, v.annotation.as_deref(), len, loc)?;
        }
        for a in &args.kwonlyargs {
            self.argannotation(&a.arg, a.annotation.as_deref(), len, loc)?;
        }
        if let Some(k) = &args.kwarg {
            self.argannotation(&k.arg, k.annotation.as_deref(), len, loc)?;
        }
        self.argannotation("return", returns, len, loc)
    }

    /// `codegen_function_annotations`: the `__annotate__` function of a
    /// function's annotations, if it has any.
    fn function_annotations(
        &mut self,
        loc: Loc,
        args: &'ast Arguments,
        returns: Option<&'ast Expr>,
    ) -> R<u32> {
        let Some(ste) = self.st.lookup_optional(ScopeKey::of(args.id)) else {
            return Err(CompileError::system("no annotation scope for a function"));
        };
        if !self.st.entry(ste).annotations_used {
            return Ok(0);
        }
        let name = self.st.entry(ste).name.clone();
        self.setup_annotations_scope(loc, ScopeKey::of(args.id), &name)?;
        let mut len = 0;
        if let Err(e) = self.annotations_in_scope(loc, args, returns, &mut len) {
            self.exit_scope();
            return Err(e);
        }
        self.addop_i(op::BUILD_MAP, len, loc)?;
        self.leave_annotations_scope(loc)?;
        Ok(MAKE_FUNCTION_ANNOTATE)
    }

    /// `codegen_type_param_bound_or_default`: a lazily evaluated bound,
    /// constraints or default, as a function of `.format`.
    fn type_param_bound_or_default(
        &mut self,
        e: &'ast Expr,
        name: &str,
        key: ScopeKey,
        allow_starred: bool,
    ) -> R {
        let defaults = tuple::new_tuple(vec![int::new_int(1)]);
        self.load_const(defaults, e.loc)?;
        self.setup_annotations_scope(e.loc, key, name)?;
        let r = match &e.kind {
            ExprKind::Starred { value, .. } if allow_starred => self
                .visit_expr(value)
                .and_then(|_| self.addop_i(op::UNPACK_SEQUENCE, 1, e.loc)),
            _ => self.visit_expr(e),
        };
        if let Err(err) = r {
            self.exit_scope();
            return Err(err);
        }
        self.addop(op::RETURN_VALUE, e.loc);
        let done = self.optimize_and_assemble(true);
        self.exit_scope();
        let done = done?;
        self.make_closure(e.loc, &done, MAKE_FUNCTION_DEFAULTS)
    }

    /// `codegen_type_params`: builds the tuple of TypeVar, TypeVarTuple
    /// and ParamSpec objects, binding each name.
    fn type_params(&mut self, tps: &'ast TypeParams) -> R {
        let mut seen_default = false;
        for tp in &tps.params {
            let loc = tp.loc;
            self.load_const_str(&tp.name, loc)?;
            let key = ScopeKey::of(tp.id);
            match tp.kind {
                TypeParamKind::TypeVar => {
                    if let Some(bound) = &tp.bound {
                        self.type_param_bound_or_default(bound, &tp.name, key, false)?;
                        let intrinsic = if matches!(bound.kind, ExprKind::Tuple { .. }) {
                            Intrinsic2::TypeVarWithConstraints
                        } else {
                            Intrinsic2::TypeVarWithBound
                        };
                        self.addop_i(op::CALL_INTRINSIC_2, intrinsic.oparg(), loc)?;
                    } else {
                        self.addop_i(op::CALL_INTRINSIC_1, Intrinsic1::TypeVar.oparg(), loc)?;
                    }
                    if let Some(d) = &tp.default_value {
                        seen_default = true;
                        self.type_param_bound_or_default(d, &tp.name, key.plus_one(), false)?;
                        self.addop_i(
                            op::CALL_INTRINSIC_2,
                            Intrinsic2::SetTypeParamDefault.oparg(),
                            loc,
                        )?;
                    } else if seen_default {
                        return Err(self.error(
                            loc,
                            format!(
                                "non-default type parameter '{}' follows default type parameter",
                                tp.name
                            ),
                        ));
                    }
                }
                TypeParamKind::TypeVarTuple | TypeParamKind::ParamSpec => {
                    let (intrinsic, starred) = if tp.kind == TypeParamKind::TypeVarTuple {
                        (Intrinsic1::TypeVarTuple, true)
                    } else {
                        (Intrinsic1::ParamSpec, false)
                    };
                    self.addop_i(op::CALL_INTRINSIC_1, intrinsic.oparg(), loc)?;
                    if let Some(d) = &tp.default_value {
                        self.type_param_bound_or_default(d, &tp.name, key, starred)?;
                        self.addop_i(
                            op::CALL_INTRINSIC_2,
                            Intrinsic2::SetTypeParamDefault.oparg(),
                            loc,
                        )?;
                        seen_default = true;
                    } else if seen_default {
                        return Err(self.error(
                            loc,
                            format!(
                                "non-default type parameter '{}' follows default type parameter",
                                tp.name
                            ),
                        ));
                    }
                }
            }
            self.addop_i(op::COPY, 1, loc)?;
            self.nameop(loc, &tp.name, ExprContext::Store)?;
        }
        let first = tps.params.first().map_or(Loc::NONE, |p| p.loc);
        self.addop_i(op::BUILD_TUPLE, tps.params.len(), first)
    }

    /// `codegen_function_body`: the function's own unit.
    fn function_body(
        &mut self,
        s: &'ast Stmt,
        f: &'ast FunctionDef,
        funcflags: u32,
        firstlineno: i32,
    ) -> R {
        let scope_type = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        let counts = (
            count(f.args.args.len()),
            count(f.args.posonlyargs.len()),
            count(f.args.kwonlyargs.len()),
        );
        self.codegen_enter_scope(
            &f.name,
            scope_type,
            ScopeKey::of(f.id),
            firstlineno,
            None,
            counts,
        )?;
        let r = self.function_body_inner(f);
        if let Err(e) = r {
            self.exit_scope();
            return Err(e);
        }
        let done = self.optimize_and_assemble(true);
        self.exit_scope();
        let done = done?;
        self.make_closure(s.loc, &done, funcflags)
    }

    fn function_body_inner(&mut self, f: &'ast FunctionDef) -> R {
        let mut first = 0;
        if self.ste().has_docstring
            && let Some(doc) = docstring(&f.body)
        {
            first = 1;
            let cleaned = super::super::compiler::clean_doc(doc);
            let o = self.str_obj(&cleaned);
            self.add_const(o);
        }
        let start = self.new_label();
        self.use_label(start);
        let add_handler = self.ste().coroutine || self.ste().generator;
        if add_handler {
            self.push_fblock(
                Loc::NONE,
                FBlockType::StopIteration,
                start,
                Label::NONE,
                FBlockDatum::None,
            )?;
        }
        for s in &f.body[first.min(f.body.len())..] {
            self.visit_stmt(s)?;
        }
        if add_handler {
            self.wrap_in_stopiteration_handler()?;
            self.pop_fblock(FBlockType::StopIteration);
        }
        Ok(())
    }

    /// `codegen_function`: `def` and `async def`, generic or not.
    pub fn codegen_function(&mut self, s: &'ast Stmt, f: &'ast FunctionDef) -> R {
        self.decorators(&f.decorator_list)?;
        let firstlineno = f
            .decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        let loc = s.loc;
        let generic = !f.type_params.params.is_empty();
        let mut funcflags = self.default_arguments(loc, &f.args)?;
        let mut num_typeparam_args = 0;
        if generic {
            if funcflags & MAKE_FUNCTION_DEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if funcflags & MAKE_FUNCTION_KWDEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if num_typeparam_args == 2 {
                self.addop_i(op::SWAP, 2, loc)?;
            }
            let name = format!("<generic parameters of {}>", f.name);
            self.codegen_enter_scope(
                &name,
                ScopeType::Annotations,
                ScopeKey::of(f.type_params.id),
                firstlineno,
                None,
                (num_typeparam_args, 0, 0),
            )?;
            let r = self.type_params(&f.type_params).and_then(|_| {
                for i in 0..num_typeparam_args {
                    self.addop_i(op::LOAD_FAST, i, loc)?;
                }
                Ok(())
            });
            if let Err(e) = r {
                self.exit_scope();
                return Err(e);
            }
        }
        let annotations = self.function_annotations(loc, &f.args, f.returns.as_deref());
        let annotations = match annotations {
            Ok(a) => a,
            Err(e) => {
                if generic {
                    self.exit_scope();
                }
                return Err(e);
            }
        };
        funcflags |= annotations;
        if let Err(e) = self.function_body(s, f, funcflags, firstlineno) {
            if generic {
                self.exit_scope();
            }
            return Err(e);
        }
        if generic {
            let r = self.addop_i(op::SWAP, 2, loc).and_then(|_| {
                self.addop_i(
                    op::CALL_INTRINSIC_2,
                    Intrinsic2::SetFunctionTypeParams.oparg(),
                    loc,
                )
            });
            if let Err(e) = r {
                self.exit_scope();
                return Err(e);
            }
            let done = self.optimize_and_assemble(false);
            self.exit_scope();
            let done = done?;
            self.make_closure(loc, &done, 0)?;
            if num_typeparam_args > 0 {
                self.addop_i(op::SWAP, num_typeparam_args + 1, loc)?;
                self.addop_i(op::CALL, num_typeparam_args - 1, loc)?;
            } else {
                self.addop(op::PUSH_NULL, loc);
                self.addop_i(op::CALL, 0, loc)?;
            }
        }
        self.apply_decorators(&f.decorator_list)?;
        self.nameop(loc, &f.name, ExprContext::Store)
    }

    /// `codegen_lambda`.
    pub fn codegen_lambda(&mut self, e: &'ast Expr, l: &'ast Lambda) -> R {
        let loc = e.loc;
        let funcflags = self.default_arguments(loc, &l.args)?;
        let counts = (
            count(l.args.args.len()),
            count(l.args.posonlyargs.len()),
            count(l.args.kwonlyargs.len()),
        );
        self.codegen_enter_scope(
            "<lambda>",
            ScopeType::Lambda,
            ScopeKey::of(l.id),
            e.loc.lineno,
            None,
            counts,
        )?;
        if let Err(err) = self.visit_expr(&l.body) {
            self.exit_scope();
            return Err(err);
        }
        let done = if self.ste().generator {
            self.optimize_and_assemble(false)
        } else {
            self.addop(op::RETURN_VALUE, l.body.loc);
            self.optimize_and_assemble(true)
        };
        self.exit_scope();
        let done = done?;
        self.make_closure(loc, &done, funcflags)
    }

    /// `codegen_class_body`: the class body's unit, then
    /// `LOAD_BUILD_CLASS`, the body function and the name.
    fn class_body(&mut self, s: &'ast Stmt, c: &'ast ClassDef, firstlineno: i32) -> R {
        self.codegen_enter_scope(
            &c.name,
            ScopeType::Class,
            ScopeKey::of(c.id),
            firstlineno,
            Some(c.name.clone()),
            (0, 0, 0),
        )?;
        if let Err(e) = self.class_body_inner(c, firstlineno) {
            self.exit_scope();
            return Err(e);
        }
        let done = self.optimize_and_assemble(true);
        self.exit_scope();
        let done = done?;
        let loc = s.loc;
        self.addop(op::LOAD_BUILD_CLASS, loc);
        self.addop(op::PUSH_NULL, loc);
        self.make_closure(loc, &done, 0)?;
        self.load_const_str(&c.name, loc)
    }

    fn class_body_inner(&mut self, c: &'ast ClassDef, firstlineno: i32) -> R {
        let loc = Loc::new(firstlineno, firstlineno, 0, 0);
        self.nameop(loc, "__name__", ExprContext::Load)?;
        self.nameop(loc, "__module__", ExprContext::Store)?;
        let qualname = self.unit_ref().metadata.qualname.clone();
        let q = self.vm.new_str(&qualname);
        self.load_const(q, loc)?;
        self.nameop(loc, "__qualname__", ExprContext::Store)?;
        let first = self.unit_ref().metadata.firstlineno;
        self.load_int(i64::from(first), loc)?;
        self.nameop(loc, "__firstlineno__", ExprContext::Store)?;
        if !c.type_params.params.is_empty() {
            self.nameop(loc, ".type_params", ExprContext::Load)?;
            self.nameop(loc, "__type_params__", ExprContext::Store)?;
        }
        if self.ste().needs_classdict {
            self.addop(op::LOAD_LOCALS, loc);
            self.addop_n(op::STORE_DEREF, "__classdict__", Dict::Cellvars, loc)?;
        }
        if self.ste().has_conditional_annotations {
            self.addop_i(op::BUILD_SET, 0, loc)?;
            self.addop_n(
                op::STORE_DEREF,
                "__conditional_annotations__",
                Dict::Cellvars,
                loc,
            )?;
        }
        self.codegen_body(loc, &c.body, false)?;
        let attrs = self.static_attributes_tuple();
        self.load_const(attrs, Loc::NONE)?;
        self.nameop(Loc::NONE, "__static_attributes__", ExprContext::Store)?;
        if self.ste().needs_classdict {
            let i = self.lookup_cellvar("__classdict__")?;
            self.addop_i(pseudo::LOAD_CLOSURE, i, Loc::NONE)?;
            self.nameop(Loc::NONE, "__classdictcell__", ExprContext::Store)?;
        }
        if self.ste().needs_class_closure {
            let i = self.lookup_cellvar("__class__")?;
            self.addop_i(pseudo::LOAD_CLOSURE, i, Loc::NONE)?;
            self.addop_i(op::COPY, 1, Loc::NONE)?;
            self.nameop(Loc::NONE, "__classcell__", ExprContext::Store)?;
        } else {
            self.load_none(Loc::NONE)?;
        }
        self.addop(op::RETURN_VALUE, Loc::NONE);
        Ok(())
    }

    /// `codegen_class`.
    pub fn codegen_class(&mut self, s: &'ast Stmt, c: &'ast ClassDef) -> R {
        self.decorators(&c.decorator_list)?;
        let firstlineno = c
            .decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        let loc = s.loc;
        let generic = !c.type_params.params.is_empty();
        if generic {
            let name = format!("<generic parameters of {}>", c.name);
            self.codegen_enter_scope(
                &name,
                ScopeType::Annotations,
                ScopeKey::of(c.type_params.id),
                firstlineno,
                Some(c.name.clone()),
                (0, 0, 0),
            )?;
            let r = self
                .type_params(&c.type_params)
                .and_then(|_| self.nameop(loc, ".type_params", ExprContext::Store));
            if let Err(e) = r {
                self.exit_scope();
                return Err(e);
            }
        }
        if let Err(e) = self.class_body(s, c, firstlineno) {
            if generic {
                self.exit_scope();
            }
            return Err(e);
        }
        if generic {
            let r = (|| -> R {
                self.nameop(loc, ".type_params", ExprContext::Load)?;
                self.addop_i(
                    op::CALL_INTRINSIC_1,
                    Intrinsic1::SubscriptGeneric.oparg(),
                    loc,
                )?;
                self.nameop(loc, ".generic_base", ExprContext::Store)?;
                self.call_helper(loc, 2, &c.bases, Some(".generic_base"), &c.keywords)
            })();
            if let Err(e) = r {
                self.exit_scope();
                return Err(e);
            }
            let done = self.optimize_and_assemble(false);
            self.exit_scope();
            let done = done?;
            self.make_closure(loc, &done, 0)?;
            self.addop(op::PUSH_NULL, loc);
            self.addop_i(op::CALL, 0, loc)?;
        } else {
            self.call_helper(loc, 2, &c.bases, None, &c.keywords)?;
        }
        self.apply_decorators(&c.decorator_list)?;
        self.nameop(loc, &c.name, ExprContext::Store)
    }

    /// `codegen_typealias_body`.
    fn typealias_body(&mut self, s: &'ast Stmt, t: &'ast TypeAlias, name: &str) -> R {
        let loc = s.loc;
        let defaults = tuple::new_tuple(vec![int::new_int(1)]);
        self.load_const(defaults, loc)?;
        self.setup_annotations_scope(loc, ScopeKey::of(t.id), name)?;
        if let Err(e) = self.visit_expr(&t.value) {
            self.exit_scope();
            return Err(e);
        }
        self.addop(op::RETURN_VALUE, loc);
        let done = self.optimize_and_assemble(false);
        self.exit_scope();
        let done = done?;
        self.make_closure(loc, &done, MAKE_FUNCTION_DEFAULTS)?;
        self.addop_i(op::BUILD_TUPLE, 3, loc)?;
        self.addop_i(op::CALL_INTRINSIC_1, Intrinsic1::TypeAlias.oparg(), loc)
    }

    /// `codegen_typealias`.
    pub fn codegen_typealias(&mut self, s: &'ast Stmt, t: &'ast TypeAlias) -> R {
        let loc = s.loc;
        let ExprKind::Name { id: name, .. } = &t.name.kind else {
            return Err(CompileError::system("type alias name is not a Name"));
        };
        let generic = !t.type_params.params.is_empty();
        if generic {
            let scope_name = format!("<generic parameters of {name}>");
            self.codegen_enter_scope(
                &scope_name,
                ScopeType::Annotations,
                ScopeKey::of(t.type_params.id),
                loc.lineno,
                None,
                (0, 0, 0),
            )?;
            let r = self
                .load_const_str(name, loc)
                .and_then(|_| self.type_params(&t.type_params));
            if let Err(e) = r {
                self.exit_scope();
                return Err(e);
            }
        } else {
            self.load_const_str(name, loc)?;
            self.load_none(loc)?;
        }
        if let Err(e) = self.typealias_body(s, t, name) {
            if generic {
                self.exit_scope();
            }
            return Err(e);
        }
        if generic {
            let done = self.optimize_and_assemble(false);
            self.exit_scope();
            let done = done?;
            self.make_closure(loc, &done, 0)?;
            self.addop(op::PUSH_NULL, loc);
            self.addop_i(op::CALL, 0, loc)?;
        }
        self.nameop(loc, name, ExprContext::Store)
    }
}
