//! Control flow: `if`, loops, `return`/`break`/`continue` and the frame
//! blocks they unwind, `try` (with `except`, `except*`, `finally`) and
//! `with` (`codegen.c`).

use super::super::ast::*;
use super::super::compiler::{Compiler, FBlockDatum, FBlockInfo, FBlockType, R, ScopeType};
use super::super::instr_sequence::Label;
use crate::opcode::{Intrinsic1, Intrinsic2, SpecialMethod, op, pseudo};

impl<'ast> Compiler<'_, 'ast> {
    /// `codegen_call_exit_with_nones`.
    pub fn call_exit_with_nones(&mut self, loc: Loc) -> R {
        self.load_none(loc)?;
        self.load_none(loc)?;
        self.load_none(loc)?;
        self.addop_i(op::CALL, 3, loc)
    }

    /// `codegen_add_yield_from`: the `SEND` loop of `yield from`/`await`.
    pub fn add_yield_from(&mut self, loc: Loc, is_await: bool) -> R {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.addop_j(op::SEND, exit, loc);
        self.addop_j(pseudo::SETUP_FINALLY, fail, loc);
        self.addop_i(op::YIELD_VALUE, 1, loc)?;
        self.addop(pseudo::POP_BLOCK, Loc::NONE);
        self.addop_i(op::RESUME, if is_await { 3 } else { 2 }, loc)?;
        self.addop_j(pseudo::JUMP_NO_INTERRUPT, send, loc);
        self.use_label(fail);
        self.addop(op::CLEANUP_THROW, loc);
        self.use_label(exit);
        self.addop(op::END_SEND, loc);
        Ok(())
    }

    /// `codegen_pop_except_and_reraise`.
    pub fn pop_except_and_reraise(&mut self, loc: Loc) -> R {
        self.addop_i(op::COPY, 3, loc)?;
        self.addop(op::POP_EXCEPT, loc);
        self.addop_i(op::RERAISE, 1, loc)
    }

    /// `codegen_unwind_fblock`: the code that leaves one frame block early.
    fn unwind_fblock(&mut self, loc: &mut Loc, info: &FBlockInfo<'ast>, preserve_tos: bool) -> R {
        match info.fb_type {
            FBlockType::WhileLoop
            | FBlockType::ExceptionHandler
            | FBlockType::ExceptionGroupHandler
            | FBlockType::AsyncComprehensionGenerator
            | FBlockType::StopIteration => Ok(()),
            FBlockType::ForLoop => {
                if preserve_tos {
                    self.addop_i(op::SWAP, 2, *loc)?;
                }
                self.addop(op::POP_TOP, *loc);
                Ok(())
            }
            FBlockType::TryExcept => {
                self.addop(pseudo::POP_BLOCK, *loc);
                Ok(())
            }
            FBlockType::FinallyTry => {
                self.addop(pseudo::POP_BLOCK, *loc);
                if preserve_tos {
                    self.push_fblock(
                        *loc,
                        FBlockType::PopValue,
                        Label::NONE,
                        Label::NONE,
                        FBlockDatum::None,
                    )?;
                }
                if let FBlockDatum::Finally(body) = info.datum {
                    for s in body {
                        self.visit_stmt(s)?;
                    }
                }
                if preserve_tos {
                    self.pop_fblock(FBlockType::PopValue);
                }
                *loc = Loc::NONE;
                Ok(())
            }
            FBlockType::FinallyEnd => {
                if preserve_tos {
                    self.addop_i(op::SWAP, 2, *loc)?;
                }
                self.addop(op::POP_TOP, *loc);
                if preserve_tos {
                    self.addop_i(op::SWAP, 2, *loc)?;
                }
                self.addop(pseudo::POP_BLOCK, *loc);
                self.addop(op::POP_EXCEPT, *loc);
                Ok(())
            }
            FBlockType::With | FBlockType::AsyncWith => {
                *loc = info.loc;
                self.addop(pseudo::POP_BLOCK, *loc);
                if preserve_tos {
                    self.addop_i(op::SWAP, 3, *loc)?;
                    self.addop_i(op::SWAP, 2, *loc)?;
                }
                self.call_exit_with_nones(*loc)?;
                if info.fb_type == FBlockType::AsyncWith {
                    self.addop_i(op::GET_AWAITABLE, 2, *loc)?;
                    self.load_none(*loc)?;
                    self.add_yield_from(*loc, true)?;
                }
                self.addop(op::POP_TOP, *loc);
                *loc = Loc::NONE;
                Ok(())
            }
            FBlockType::HandlerCleanup => {
                let name = match info.datum {
                    FBlockDatum::HandlerName(n) => n,
                    _ => None,
                };
                if name.is_some() {
                    self.addop(pseudo::POP_BLOCK, *loc);
                }
                if preserve_tos {
                    self.addop_i(op::SWAP, 2, *loc)?;
                }
                self.addop(pseudo::POP_BLOCK, *loc);
                self.addop(op::POP_EXCEPT, *loc);
                if let Some(n) = name {
                    self.load_none(*loc)?;
                    self.nameop(*loc, n, ExprContext::Store)?;
                    self.nameop(*loc, n, ExprContext::Del)?;
                }
                Ok(())
            }
            FBlockType::PopValue => {
                if preserve_tos {
                    self.addop_i(op::SWAP, 2, *loc)?;
                }
                self.addop(op::POP_TOP, *loc);
                Ok(())
            }
        }
    }

    /// `codegen_unwind_fblock_stack`: unwinds every block (or up to the
    /// innermost loop, which it returns through `loop_`).
    fn unwind_fblock_stack(
        &mut self,
        loc: &mut Loc,
        preserve_tos: bool,
        loop_: Option<&mut Option<FBlockInfo<'ast>>>,
    ) -> R {
        let Some(top) = self.top_fblock() else {
            return Ok(());
        };
        if top.fb_type == FBlockType::ExceptionGroupHandler {
            return Err(self.error(
                *loc,
                "'break', 'continue' and 'return' cannot appear in an except* block",
            ));
        }
        if loop_.is_some() && matches!(top.fb_type, FBlockType::WhileLoop | FBlockType::ForLoop) {
            if let Some(slot) = loop_ {
                *slot = Some(top);
            }
            return Ok(());
        }
        self.pop_fblock(top.fb_type);
        self.unwind_fblock(loc, &top, preserve_tos)?;
        self.unwind_fblock_stack(loc, preserve_tos, loop_)?;
        self.push_fblock(top.loc, top.fb_type, top.block, top.exit, top.datum)?;
        Ok(())
    }

    /// `codegen_jump_if` callers: `if`.
    pub fn codegen_if(&mut self, s: &'ast Stmt) -> R {
        let StmtKind::If { test, body, orelse } = &s.kind else {
            return Ok(());
        };
        let end = self.new_label();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(s.loc, test, next, false)?;
        for st in body {
            self.visit_stmt(st)?;
        }
        if !orelse.is_empty() {
            self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
            self.use_label(next);
            for st in orelse {
                self.visit_stmt(st)?;
            }
        }
        self.use_label(end);
        Ok(())
    }

    /// `codegen_for`.
    pub fn codegen_for(&mut self, s: &'ast Stmt) -> R {
        let StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } = &s.kind
        else {
            return Ok(());
        };
        let start = self.new_label();
        let body_l = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(s.loc, FBlockType::ForLoop, start, end, FBlockDatum::None)?;
        self.visit_expr(iter)?;
        let loc = iter.loc;
        self.addop(op::GET_ITER, loc);
        self.use_label(start);
        self.addop_j(op::FOR_ITER, cleanup, loc);
        self.addop(op::NOP, target.loc);
        self.use_label(body_l);
        self.visit_expr(target)?;
        for st in body {
            self.visit_stmt(st)?;
        }
        self.addop_j(pseudo::JUMP, start, Loc::NONE);
        self.use_label(cleanup);
        self.addop(op::END_FOR, Loc::NONE);
        self.addop(op::POP_ITER, Loc::NONE);
        self.pop_fblock(FBlockType::ForLoop);
        for st in orelse {
            self.visit_stmt(st)?;
        }
        self.use_label(end);
        Ok(())
    }

    /// `codegen_async_for`.
    pub fn codegen_async_for(&mut self, s: &'ast Stmt) -> R {
        let StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } = &s.kind
        else {
            return Ok(());
        };
        let loc = s.loc;
        let start = self.new_label();
        let send = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(iter)?;
        self.addop(op::GET_AITER, iter.loc);
        self.use_label(start);
        self.push_fblock(loc, FBlockType::ForLoop, start, end, FBlockDatum::None)?;
        self.addop_j(pseudo::SETUP_FINALLY, except, loc);
        self.addop(op::GET_ANEXT, loc);
        self.load_none(loc)?;
        self.use_label(send);
        self.add_yield_from(loc, true)?;
        self.addop(pseudo::POP_BLOCK, loc);
        self.addop(op::NOT_TAKEN, loc);
        self.visit_expr(target)?;
        for st in body {
            self.visit_stmt(st)?;
        }
        self.addop_j(pseudo::JUMP, start, Loc::NONE);
        self.pop_fblock(FBlockType::ForLoop);
        self.use_label(except);
        self.addop_j(op::END_ASYNC_FOR, send, iter.loc);
        for st in orelse {
            self.visit_stmt(st)?;
        }
        self.use_label(end);
        Ok(())
    }

    /// `codegen_while`.
    pub fn codegen_while(&mut self, s: &'ast Stmt) -> R {
        let StmtKind::While { test, body, orelse } = &s.kind else {
            return Ok(());
        };
        let loop_ = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.use_label(loop_);
        self.push_fblock(s.loc, FBlockType::WhileLoop, loop_, end, FBlockDatum::None)?;
        self.jump_if(s.loc, test, anchor, false)?;
        for st in body {
            self.visit_stmt(st)?;
        }
        self.addop_j(pseudo::JUMP, loop_, Loc::NONE);
        self.pop_fblock(FBlockType::WhileLoop);
        self.use_label(anchor);
        for st in orelse {
            self.visit_stmt(st)?;
        }
        self.use_label(end);
        Ok(())
    }

    /// `codegen_return`.
    pub fn codegen_return(&mut self, s: &'ast Stmt, value: Option<&'ast Expr>) -> R {
        let mut loc = s.loc;
        let preserve_tos = value.is_some_and(|v| !v.is_constant());
        if !self.ste().is_function_like() {
            return Err(self.error(loc, "'return' outside function"));
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(self.error(loc, "'return' with value in async generator"));
        }
        if preserve_tos {
            if let Some(v) = value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = value {
            loc = v.loc;
            self.addop(op::NOP, loc);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            loc = s.loc;
            self.addop(op::NOP, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, None)?;
        match value {
            None => self.load_none(loc)?,
            Some(v) if !preserve_tos => {
                let c = v.constant().cloned().unwrap_or(Constant::None);
                let o = self.constant_obj(&c)?;
                self.load_const(o, loc)?;
            }
            _ => {}
        }
        self.addop(op::RETURN_VALUE, loc);
        Ok(())
    }

    /// `codegen_break`.
    pub fn codegen_break(&mut self, loc: Loc) -> R {
        let origin = loc;
        let mut loc = loc;
        self.addop(op::NOP, loc);
        let mut found = None;
        self.unwind_fblock_stack(&mut loc, false, Some(&mut found))?;
        let Some(loop_) = found else {
            return Err(self.error(origin, "'break' outside loop"));
        };
        self.unwind_fblock(&mut loc, &loop_, false)?;
        self.addop_j(pseudo::JUMP, loop_.exit, loc);
        Ok(())
    }

    /// `codegen_continue`.
    pub fn codegen_continue(&mut self, loc: Loc) -> R {
        let origin = loc;
        let mut loc = loc;
        self.addop(op::NOP, loc);
        let mut found = None;
        self.unwind_fblock_stack(&mut loc, false, Some(&mut found))?;
        let Some(loop_) = found else {
            return Err(self.error(origin, "'continue' not properly in loop"));
        };
        self.addop_j(pseudo::JUMP, loop_.block, loc);
        Ok(())
    }

    /// `codegen_try_finally` and `codegen_try_star_finally`.
    fn try_finally(&mut self, s: &'ast Stmt, star: bool) -> R {
        let StmtKind::Try {
            body,
            handlers,
            finalbody,
            ..
        } = &s.kind
        else {
            return Ok(());
        };
        let loc = s.loc;
        let body_l = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.addop_j(pseudo::SETUP_FINALLY, end, loc);
        self.use_label(body_l);
        self.push_fblock(
            loc,
            FBlockType::FinallyTry,
            body_l,
            end,
            FBlockDatum::Finally(finalbody),
        )?;
        if !handlers.is_empty() {
            if star {
                self.try_star_except(s)?;
            } else {
                self.try_except(s)?;
            }
        } else {
            for st in body {
                self.visit_stmt(st)?;
            }
        }
        self.addop(pseudo::POP_BLOCK, Loc::NONE);
        self.pop_fblock(FBlockType::FinallyTry);
        for st in finalbody {
            self.visit_stmt(st)?;
        }
        self.addop_j(pseudo::JUMP_NO_INTERRUPT, exit, Loc::NONE);
        self.use_label(end);
        let loc = Loc::NONE;
        self.addop_j(pseudo::SETUP_CLEANUP, cleanup, loc);
        self.addop(op::PUSH_EXC_INFO, loc);
        self.push_fblock(
            loc,
            FBlockType::FinallyEnd,
            end,
            Label::NONE,
            FBlockDatum::None,
        )?;
        for st in finalbody {
            self.visit_stmt(st)?;
        }
        self.pop_fblock(FBlockType::FinallyEnd);
        self.addop_i(op::RERAISE, 0, loc)?;
        self.use_label(cleanup);
        self.pop_except_and_reraise(loc)?;
        self.use_label(exit);
        Ok(())
    }

    /// `codegen_try_except`.
    fn try_except(&mut self, s: &'ast Stmt) -> R {
        let StmtKind::Try {
            body,
            handlers,
            orelse,
            ..
        } = &s.kind
        else {
            return Ok(());
        };
        let loc = s.loc;
        let body_l = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.addop_j(pseudo::SETUP_FINALLY, except, loc);
        self.use_label(body_l);
        self.push_fblock(
            loc,
            FBlockType::TryExcept,
            body_l,
            Label::NONE,
            FBlockDatum::None,
        )?;
        for st in body {
            self.visit_stmt(st)?;
        }
        self.pop_fblock(FBlockType::TryExcept);
        self.addop(pseudo::POP_BLOCK, Loc::NONE);
        for st in orelse {
            self.visit_stmt(st)?;
        }
        self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
        let n = handlers.len();
        self.use_label(except);
        self.addop_j(pseudo::SETUP_CLEANUP, cleanup, Loc::NONE);
        self.addop(op::PUSH_EXC_INFO, Loc::NONE);
        self.push_fblock(
            loc,
            FBlockType::ExceptionHandler,
            Label::NONE,
            Label::NONE,
            FBlockDatum::None,
        )?;
        for (i, h) in handlers.iter().enumerate() {
            let hloc = h.loc;
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error(hloc, "default 'except:' must be last"));
            }
            except = self.new_label();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.addop(op::CHECK_EXC_MATCH, hloc);
                self.addop_j(op::POP_JUMP_IF_FALSE, except, hloc);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(hloc, name, ExprContext::Store)?;
                self.addop_j(pseudo::SETUP_CLEANUP, cleanup_end, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(
                    hloc,
                    FBlockType::HandlerCleanup,
                    cleanup_body,
                    Label::NONE,
                    FBlockDatum::HandlerName(Some(name)),
                )?;
                for st in &h.body {
                    self.visit_stmt(st)?;
                }
                self.pop_fblock(FBlockType::HandlerCleanup);
                self.addop(pseudo::POP_BLOCK, Loc::NONE);
                self.addop(pseudo::POP_BLOCK, Loc::NONE);
                self.addop(op::POP_EXCEPT, Loc::NONE);
                self.load_none(Loc::NONE)?;
                self.nameop(Loc::NONE, name, ExprContext::Store)?;
                self.nameop(Loc::NONE, name, ExprContext::Del)?;
                self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
                self.use_label(cleanup_end);
                self.load_none(Loc::NONE)?;
                self.nameop(Loc::NONE, name, ExprContext::Store)?;
                self.nameop(Loc::NONE, name, ExprContext::Del)?;
                self.addop_i(op::RERAISE, 1, Loc::NONE)?;
            } else {
                let cleanup_body = self.new_label();
                self.addop(op::POP_TOP, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(
                    hloc,
                    FBlockType::HandlerCleanup,
                    cleanup_body,
                    Label::NONE,
                    FBlockDatum::HandlerName(None),
                )?;
                for st in &h.body {
                    self.visit_stmt(st)?;
                }
                self.pop_fblock(FBlockType::HandlerCleanup);
                self.addop(pseudo::POP_BLOCK, Loc::NONE);
                self.addop(op::POP_EXCEPT, Loc::NONE);
                self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
            }
            self.use_label(except);
        }
        self.pop_fblock(FBlockType::ExceptionHandler);
        self.addop_i(op::RERAISE, 0, Loc::NONE)?;
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE)?;
        self.use_label(end);
        Ok(())
    }

    /// `codegen_try_star_except`.
    fn try_star_except(&mut self, s: &'ast Stmt) -> R {
        let StmtKind::Try {
            body,
            handlers,
            orelse,
            ..
        } = &s.kind
        else {
            return Ok(());
        };
        let loc = s.loc;
        let body_l = self.new_label();
        let mut except = self.new_label();
        let orelse_l = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.addop_j(pseudo::SETUP_FINALLY, except, loc);
        self.use_label(body_l);
        self.push_fblock(
            loc,
            FBlockType::TryExcept,
            body_l,
            Label::NONE,
            FBlockDatum::None,
        )?;
        for st in body {
            self.visit_stmt(st)?;
        }
        self.pop_fblock(FBlockType::TryExcept);
        self.addop(pseudo::POP_BLOCK, Loc::NONE);
        self.addop_j(pseudo::JUMP_NO_INTERRUPT, orelse_l, Loc::NONE);
        let n = handlers.len();
        self.use_label(except);
        self.addop_j(pseudo::SETUP_CLEANUP, cleanup, Loc::NONE);
        self.addop(op::PUSH_EXC_INFO, Loc::NONE);
        self.push_fblock(
            loc,
            FBlockType::ExceptionGroupHandler,
            Label::NONE,
            Label::NONE,
            FBlockDatum::None,
        )?;
        for (i, h) in handlers.iter().enumerate() {
            let hloc = h.loc;
            except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.addop_i(op::BUILD_LIST, 0, hloc)?;
                self.addop_i(op::COPY, 2, hloc)?;
            }
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.addop(op::CHECK_EG_MATCH, hloc);
                self.addop_i(op::COPY, 1, hloc)?;
                self.addop_j(op::POP_JUMP_IF_NONE, no_match, hloc);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match &h.name {
                Some(name) => self.nameop(hloc, name, ExprContext::Store)?,
                None => self.addop(op::POP_TOP, hloc),
            }
            self.addop_j(pseudo::SETUP_CLEANUP, cleanup_end, hloc);
            self.use_label(cleanup_body);
            self.push_fblock(
                hloc,
                FBlockType::HandlerCleanup,
                cleanup_body,
                Label::NONE,
                FBlockDatum::HandlerName(h.name.as_deref()),
            )?;
            for st in &h.body {
                self.visit_stmt(st)?;
            }
            self.pop_fblock(FBlockType::HandlerCleanup);
            self.addop(pseudo::POP_BLOCK, Loc::NONE);
            if let Some(name) = &h.name {
                self.load_none(Loc::NONE)?;
                self.nameop(Loc::NONE, name, ExprContext::Store)?;
                self.nameop(Loc::NONE, name, ExprContext::Del)?;
            }
            self.addop_j(pseudo::JUMP_NO_INTERRUPT, except, Loc::NONE);
            self.use_label(cleanup_end);
            if let Some(name) = &h.name {
                self.load_none(Loc::NONE)?;
                self.nameop(Loc::NONE, name, ExprContext::Store)?;
                self.nameop(Loc::NONE, name, ExprContext::Del)?;
            }
            self.addop_i(op::LIST_APPEND, 3, Loc::NONE)?;
            self.addop(op::POP_TOP, Loc::NONE);
            self.addop_j(pseudo::JUMP_NO_INTERRUPT, except_with_error, Loc::NONE);
            self.use_label(except);
            self.addop(op::NOP, Loc::NONE);
            self.addop_j(pseudo::JUMP_NO_INTERRUPT, except_with_error, Loc::NONE);
            self.use_label(no_match);
            self.addop(op::POP_TOP, hloc);
            self.use_label(except_with_error);
            if i + 1 == n {
                self.addop_i(op::LIST_APPEND, 1, Loc::NONE)?;
                self.addop_j(pseudo::JUMP_NO_INTERRUPT, reraise_star, Loc::NONE);
            }
        }
        self.pop_fblock(FBlockType::ExceptionGroupHandler);
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.addop_i(
            op::CALL_INTRINSIC_2,
            Intrinsic2::PrepReraiseStar.oparg(),
            Loc::NONE,
        )?;
        self.addop_i(op::COPY, 1, Loc::NONE)?;
        self.addop_j(op::POP_JUMP_IF_NOT_NONE, reraise, Loc::NONE);
        self.addop(op::POP_TOP, Loc::NONE);
        self.addop(pseudo::POP_BLOCK, Loc::NONE);
        self.addop(op::POP_EXCEPT, Loc::NONE);
        self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
        self.use_label(reraise);
        self.addop(pseudo::POP_BLOCK, Loc::NONE);
        self.addop_i(op::SWAP, 2, Loc::NONE)?;
        self.addop(op::POP_EXCEPT, Loc::NONE);
        self.addop_i(op::RERAISE, 0, Loc::NONE)?;
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE)?;
        self.use_label(orelse_l);
        for st in orelse {
            self.visit_stmt(st)?;
        }
        self.use_label(end);
        Ok(())
    }

    /// `codegen_try`.
    pub fn codegen_try(&mut self, s: &'ast Stmt) -> R {
        match &s.kind {
            StmtKind::Try { finalbody, .. } if !finalbody.is_empty() => self.try_finally(s, false),
            _ => self.try_except(s),
        }
    }

    /// `codegen_try_star`.
    pub fn codegen_try_star(&mut self, s: &'ast Stmt) -> R {
        match &s.kind {
            StmtKind::Try { finalbody, .. } if !finalbody.is_empty() => self.try_finally(s, true),
            _ => self.try_star_except(s),
        }
    }

    /// `codegen_with_except_finish`.
    fn with_except_finish(&mut self, cleanup: Label) -> R {
        let suppress = self.new_label();
        self.addop(op::TO_BOOL, Loc::NONE);
        self.addop_j(op::POP_JUMP_IF_TRUE, suppress, Loc::NONE);
        self.addop_i(op::RERAISE, 2, Loc::NONE)?;
        self.use_label(suppress);
        self.addop(op::POP_TOP, Loc::NONE);
        self.addop(pseudo::POP_BLOCK, Loc::NONE);
        self.addop(op::POP_EXCEPT, Loc::NONE);
        self.addop(op::POP_TOP, Loc::NONE);
        self.addop(op::POP_TOP, Loc::NONE);
        self.addop(op::POP_TOP, Loc::NONE);
        let exit = self.new_label();
        self.addop_j(pseudo::JUMP_NO_INTERRUPT, exit, Loc::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE)?;
        self.use_label(exit);
        Ok(())
    }

    /// `codegen_with_inner` (PEP 343).
    pub fn codegen_with(&mut self, s: &'ast Stmt, pos: usize) -> R {
        let StmtKind::With { items, body, .. } = &s.kind else {
            return Ok(());
        };
        let item = &items[pos];
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        let loc = item.context_expr.loc;
        self.addop_i(op::COPY, 1, loc)?;
        self.addop_i(op::LOAD_SPECIAL, SpecialMethod::Exit.oparg(), loc)?;
        self.addop_i(op::SWAP, 2, loc)?;
        self.addop_i(op::SWAP, 3, loc)?;
        self.addop_i(op::LOAD_SPECIAL, SpecialMethod::Enter.oparg(), loc)?;
        self.addop_i(op::CALL, 0, loc)?;
        self.addop_j(pseudo::SETUP_WITH, final_, loc);
        self.use_label(block);
        self.push_fblock(loc, FBlockType::With, block, final_, FBlockDatum::None)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(op::POP_TOP, loc),
        }
        if pos + 1 == items.len() {
            for st in body {
                self.visit_stmt(st)?;
            }
        } else {
            self.codegen_with(s, pos + 1)?;
        }
        self.addop(pseudo::POP_BLOCK, Loc::NONE);
        self.pop_fblock(FBlockType::With);
        self.call_exit_with_nones(loc)?;
        self.addop(op::POP_TOP, loc);
        self.addop_j(pseudo::JUMP, exit, loc);
        self.use_label(final_);
        self.addop_j(pseudo::SETUP_CLEANUP, cleanup, loc);
        self.addop(op::PUSH_EXC_INFO, loc);
        self.addop(op::WITH_EXCEPT_START, loc);
        self.with_except_finish(cleanup)?;
        self.use_label(exit);
        Ok(())
    }

    /// `codegen_async_with_inner`.
    pub fn codegen_async_with(&mut self, s: &'ast Stmt, pos: usize) -> R {
        let StmtKind::With { items, body, .. } = &s.kind else {
            return Ok(());
        };
        let item = &items[pos];
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        let loc = item.context_expr.loc;
        self.addop_i(op::COPY, 1, loc)?;
        self.addop_i(op::LOAD_SPECIAL, SpecialMethod::AExit.oparg(), loc)?;
        self.addop_i(op::SWAP, 2, loc)?;
        self.addop_i(op::SWAP, 3, loc)?;
        self.addop_i(op::LOAD_SPECIAL, SpecialMethod::AEnter.oparg(), loc)?;
        self.addop_i(op::CALL, 0, loc)?;
        self.addop_i(op::GET_AWAITABLE, 1, loc)?;
        self.load_none(loc)?;
        self.add_yield_from(loc, true)?;
        self.addop_j(pseudo::SETUP_WITH, final_, loc);
        self.use_label(block);
        self.push_fblock(loc, FBlockType::AsyncWith, block, final_, FBlockDatum::None)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(op::POP_TOP, loc),
        }
        if pos + 1 == items.len() {
            for st in body {
                self.visit_stmt(st)?;
            }
        } else {
            self.codegen_async_with(s, pos + 1)?;
        }
        self.pop_fblock(FBlockType::AsyncWith);
        self.addop(pseudo::POP_BLOCK, loc);
        self.call_exit_with_nones(loc)?;
        self.addop_i(op::GET_AWAITABLE, 2, loc)?;
        self.load_none(loc)?;
        self.add_yield_from(loc, true)?;
        self.addop(op::POP_TOP, loc);
        self.addop_j(pseudo::JUMP, exit, loc);
        self.use_label(final_);
        self.addop_j(pseudo::SETUP_CLEANUP, cleanup, loc);
        self.addop(op::PUSH_EXC_INFO, loc);
        self.addop(op::WITH_EXCEPT_START, loc);
        self.addop_i(op::GET_AWAITABLE, 2, loc)?;
        self.load_none(loc)?;
        self.add_yield_from(loc, true)?;
        self.with_except_finish(cleanup)?;
        self.use_label(exit);
        Ok(())
    }

    /// `codegen_wrap_in_stopiteration_handler`: generators turn a
    /// StopIteration escaping their body into RuntimeError.
    pub fn wrap_in_stopiteration_handler(&mut self) -> R {
        let handler = self.new_label();
        self.seq()
            .insert(0, pseudo::SETUP_CLEANUP, handler.0, Loc::NONE);
        self.load_none(Loc::NONE)?;
        self.addop(op::RETURN_VALUE, Loc::NONE);
        self.use_label(handler);
        self.addop_i(
            op::CALL_INTRINSIC_1,
            Intrinsic1::StopIterationError.oparg(),
            Loc::NONE,
        )?;
        self.addop_i(op::RERAISE, 1, Loc::NONE)
    }

    /// Whether the unit is a function for `yield`'s purposes.
    pub fn in_async_function_scope(&self) -> bool {
        self.scope_type() == ScopeType::AsyncFunction
    }
}
