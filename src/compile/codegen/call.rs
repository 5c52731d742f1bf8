//! Calls (`codegen_call` and helpers in `codegen.c`): plain calls, method
//! calls (`LOAD_ATTR` with the method bit), zero- and two-argument
//! `super()`, `*args`/`**kwargs` calls through `CALL_FUNCTION_EX`, and the
//! inline `all()`/`any()`/`tuple()` of a generator expression.

use super::super::ast::*;
use super::super::compiler::{Compiler, R, STACK_USE_GUIDELINE};
use super::super::error::CompileError;
use super::super::instr_sequence::Label;
use super::super::symtable::{flags as sf, scope as sc};
use super::expr::infer_type;
use super::{Dict, NameOp, update_start_location_to_match_attr};
use crate::objects::tuple;
use crate::opcode::{CommonConstant, Intrinsic1, op, pseudo};

impl<'ast> Compiler<'_, 'ast> {
    /// `check_caller`: SyntaxWarning for calling a literal.
    fn check_caller(&mut self, e: &Expr) {
        let literal = matches!(
            e.kind,
            ExprKind::Constant(_)
                | ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp(_)
                | ExprKind::Dict { .. }
                | ExprKind::DictComp(_)
                | ExprKind::Set(_)
                | ExprKind::SetComp(_)
                | ExprKind::GeneratorExp(_)
                | ExprKind::JoinedStr(_)
                | ExprKind::TemplateStr(_)
                | ExprKind::FormattedValue { .. }
                | ExprKind::Interpolation { .. }
        );
        if literal {
            let ty = infer_type(e).unwrap_or("object");
            self.warn(
                e.loc,
                format!("'{ty}' object is not callable; perhaps you missed a comma?"),
            );
        }
    }

    /// `is_import_originated`: the name is bound by an import at module
    /// level (method calls on modules are not optimized).
    fn is_import_originated(&self, e: &Expr) -> bool {
        let ExprKind::Name { id, .. } = &e.kind else {
            return false;
        };
        self.st.entry(self.st.top).symbol(id) & sf::DEF_IMPORT != 0
    }

    /// `can_optimize_super_call`: `super().attr` or `super(C, self).attr`
    /// that can use `LOAD_SUPER_ATTR`.
    pub fn can_optimize_super_call(&self, attr: &Expr) -> R<bool> {
        let ExprKind::Attribute {
            value, attr: name, ..
        } = &attr.kind
        else {
            return Ok(false);
        };
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &value.kind
        else {
            return Ok(false);
        };
        let ExprKind::Name { id, .. } = &func.kind else {
            return Ok(false);
        };
        if id != "super" || name == "__class__" || !keywords.is_empty() {
            return Ok(false);
        }
        if self.ste().scope(id) != sc::GLOBAL_IMPLICIT {
            return Ok(false);
        }
        if self.st.entry(self.st.top).scope(id) != 0 {
            return Ok(false);
        }
        if args.len() == 2 {
            return Ok(!args.iter().any(Expr::is_starred));
        }
        if !args.is_empty() {
            return Ok(false);
        }
        let md = &self.unit_ref().metadata;
        if md.argcount == 0 && md.posonlyargcount == 0 {
            return Ok(false);
        }
        Ok(self.get_ref_type("__class__")? == sc::FREE)
    }

    /// `load_args_for_super`: `super`, then its class and instance.
    pub fn load_args_for_super(&mut self, e: &'ast Expr) -> R {
        let ExprKind::Call { func, args, .. } = &e.kind else {
            return Err(CompileError::system("super call expected"));
        };
        let ExprKind::Name { id, .. } = &func.kind else {
            return Err(CompileError::system("super call expected"));
        };
        self.nameop(func.loc, id, ExprContext::Load)?;
        if args.len() == 2 {
            self.visit_expr(&args[0])?;
            self.visit_expr(&args[1])?;
            return Ok(());
        }
        self.nameop(e.loc, "__class__", ExprContext::Load)?;
        let first = self
            .unit_ref()
            .metadata
            .varnames
            .names()
            .first()
            .cloned()
            .ok_or_else(|| CompileError::system("super() without arguments"))?;
        self.nameop(e.loc, &first, ExprContext::Load)
    }

    /// `maybe_optimize_function_call`: `all`, `any` and `tuple` of a
    /// generator expression run inline when the name is the builtin.
    fn maybe_optimize_function_call(&mut self, e: &'ast Expr, end: Label) -> R<bool> {
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &e.kind
        else {
            return Ok(false);
        };
        let ExprKind::Name { id, .. } = &func.kind else {
            return Ok(false);
        };
        if args.len() != 1
            || !keywords.is_empty()
            || !matches!(args[0].kind, ExprKind::GeneratorExp(_))
        {
            return Ok(false);
        }
        let loc = func.loc;
        let skip = self.new_label();
        let (constant, initial, continue_jump) = match id.as_str() {
            "all" => (CommonConstant::BuiltinAll, Some(true), op::POP_JUMP_IF_TRUE),
            "any" => (
                CommonConstant::BuiltinAny,
                Some(false),
                op::POP_JUMP_IF_FALSE,
            ),
            "tuple" => (CommonConstant::BuiltinTuple, None, 0),
            _ => {
                self.use_label(skip);
                return Ok(false);
            }
        };
        let is_tuple = initial.is_none();
        self.addop_i(op::COPY, 1, loc)?;
        self.addop_i(op::LOAD_COMMON_CONSTANT, constant.oparg(), loc)?;
        self.addcompare(loc, CmpOp::Is)?;
        self.addop_j(op::POP_JUMP_IF_FALSE, skip, loc);
        self.addop(op::POP_TOP, loc);
        if is_tuple {
            self.addop_i(op::BUILD_LIST, 0, loc)?;
        }
        self.visit_expr(&args[0])?;
        let loop_ = self.new_label();
        let cleanup = self.new_label();
        self.use_label(loop_);
        self.addop_j(op::FOR_ITER, cleanup, loc);
        if is_tuple {
            self.addop_i(op::LIST_APPEND, 2, loc)?;
            self.addop_j(pseudo::JUMP, loop_, loc);
        } else {
            self.addop(op::TO_BOOL, loc);
            self.addop_j(continue_jump, loop_, loc);
        }
        self.addop(op::POP_ITER, Loc::NONE);
        if let Some(init) = initial {
            self.load_const(crate::objects::bool_::new_bool(!init), loc)?;
        }
        self.addop_j(pseudo::JUMP, end, loc);
        self.use_label(cleanup);
        self.addop(op::END_FOR, Loc::NONE);
        self.addop(op::POP_ITER, Loc::NONE);
        match initial {
            None => self.addop_i(op::CALL_INTRINSIC_1, Intrinsic1::ListToTuple.oparg(), loc)?,
            Some(init) => self.load_const(crate::objects::bool_::new_bool(init), loc)?,
        }
        self.addop_j(pseudo::JUMP, end, loc);
        self.use_label(skip);
        Ok(true)
    }

    /// `maybe_optimize_method_call`: `obj.meth(args)` as `LOAD_ATTR`
    /// (method) + `CALL`.
    fn maybe_optimize_method_call(&mut self, e: &'ast Expr) -> R<bool> {
        let ExprKind::Call {
            func: meth,
            args,
            keywords,
        } = &e.kind
        else {
            return Ok(false);
        };
        let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &meth.kind
        else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let argsl = args.len();
        let kwdsl = keywords.len();
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(Expr::is_starred) || keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        let mut loc = meth.loc;
        if self.can_optimize_super_call(meth)? {
            let ExprKind::Call { args: sargs, .. } = &value.kind else {
                return Err(CompileError::system("super call expected"));
            };
            self.load_args_for_super(value)?;
            let opcode = if sargs.is_empty() {
                NameOp::LoadZeroSuperMethod
            } else {
                NameOp::LoadSuperMethod
            };
            self.addop_name(opcode, attr, Dict::Names, loc)?;
            loc = update_start_location_to_match_attr(loc, meth);
            self.addop(op::NOP, loc);
        } else {
            self.visit_expr(value)?;
            loc = update_start_location_to_match_attr(loc, meth);
            self.addop_name(NameOp::LoadMethod, attr, Dict::Names, loc)?;
        }
        for a in args {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in keywords {
                self.visit_expr(&k.value)?;
            }
            self.call_simple_kw_helper(loc, keywords)?;
            let loc = update_start_location_to_match_attr(e.loc, meth);
            self.addop_i(op::CALL_KW, argsl + kwdsl, loc)?;
        } else {
            let loc = update_start_location_to_match_attr(e.loc, meth);
            self.addop_i(op::CALL, argsl, loc)?;
        }
        Ok(true)
    }

    /// `codegen_validate_keywords`.
    fn validate_keywords(&self, keywords: &[Keyword]) -> R {
        for (i, k) in keywords.iter().enumerate() {
            let Some(a) = &k.arg else {
                continue;
            };
            for other in &keywords[i + 1..] {
                if other.arg.as_deref() == Some(a.as_str()) {
                    return Err(self.error(other.loc, format!("keyword argument repeated: {a}")));
                }
            }
        }
        Ok(())
    }

    /// `codegen_call`.
    pub fn codegen_call(
        &mut self,
        e: &'ast Expr,
        func: &'ast Expr,
        args: &'ast [Expr],
        keywords: &'ast [Keyword],
    ) -> R {
        self.validate_keywords(keywords)?;
        if self.maybe_optimize_method_call(e)? {
            return Ok(());
        }
        let skip_normal_call = self.new_label();
        self.check_caller(func);
        self.visit_expr(func)?;
        self.maybe_optimize_function_call(e, skip_normal_call)?;
        self.addop(op::PUSH_NULL, func.loc);
        let r = self.call_helper(e.loc, 0, args, None, keywords);
        self.use_label(skip_normal_call);
        r
    }

    /// `codegen_call_simple_kw_helper`: the tuple of keyword names.
    fn call_simple_kw_helper(&mut self, loc: Loc, keywords: &[Keyword]) -> R {
        let names = keywords
            .iter()
            .map(|k| self.str_obj(k.arg.as_deref().unwrap_or("")))
            .collect();
        self.load_const(tuple::new_tuple(names), loc)
    }

    /// `codegen_subkwargs`: keyword arguments `begin..end` as a dict.
    fn subkwargs(&mut self, loc: Loc, keywords: &'ast [Keyword], begin: usize, end: usize) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.addop_i(op::BUILD_MAP, 0, Loc::NONE)?;
        }
        for kw in &keywords[begin..end] {
            self.load_const_str(kw.arg.as_deref().unwrap_or(""), loc)?;
            self.visit_expr(&kw.value)?;
            if big {
                self.addop_i(op::MAP_ADD, 1, Loc::NONE)?;
            }
        }
        if !big {
            self.addop_i(op::BUILD_MAP, n, loc)?;
        }
        Ok(())
    }

    /// `codegen_call_helper_impl`: the arguments and the `CALL`,
    /// `CALL_KW` or `CALL_FUNCTION_EX` (`n` arguments already pushed).
    pub fn call_helper(
        &mut self,
        loc: Loc,
        n: usize,
        args: &'ast [Expr],
        injected_arg: Option<&str>,
        keywords: &'ast [Keyword],
    ) -> R {
        self.validate_keywords(keywords)?;
        let mut nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args.iter().any(Expr::is_starred)
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            if let Some(name) = injected_arg {
                self.nameop(loc, name, ExprContext::Load)?;
                nelts += 1;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.call_simple_kw_helper(loc, keywords)?;
                return self.addop_i(op::CALL_KW, n + nelts + nkwelts, loc);
            }
            return self.addop_i(op::CALL, n + nelts, loc);
        }
        if n == 0
            && nelts == 1
            && let ExprKind::Starred { value, .. } = &args[0].kind
        {
            self.visit_expr(value)?;
        } else {
            self.starunpack_helper(
                loc,
                args,
                injected_arg,
                n,
                op::BUILD_LIST,
                op::LIST_APPEND,
                op::LIST_EXTEND,
                true,
            )?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(loc, keywords, i - nseen, i)?;
                        if have_dict {
                            self.addop_i(op::DICT_MERGE, 1, loc)?;
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.addop_i(op::BUILD_MAP, 0, loc)?;
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.addop_i(op::DICT_MERGE, 1, loc)?;
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(loc, keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.addop_i(op::DICT_MERGE, 1, loc)?;
                }
            }
        }
        if nkwelts == 0 {
            self.addop(op::PUSH_NULL, loc);
        }
        self.addop(op::CALL_FUNCTION_EX, loc);
        Ok(())
    }
}
