//! Comprehensions (`codegen_comprehension` and helpers in `codegen.c`).
//! List, set and dict comprehensions run inline in the enclosing unit
//! (PEP 709): their iteration variables are saved on the stack with
//! `LOAD_FAST_AND_CLEAR` and restored afterwards. Generator expressions
//! (and comprehensions in annotation scopes of classes) get their own
//! code unit, called with the outermost iterator.

use super::super::ast::*;
use super::super::compiler::{
    Compiler, FBlockDatum, FBlockType, InlinedComprehensionState, R, ScopeType,
};
use super::super::error::CompileError;
use super::super::instr_sequence::Label;
use super::super::symtable::{BlockType, flags as sf, scope as sc, symbol_to_scope};
use super::Dict;
use crate::opcode::{op, pseudo};

/// `COMP_GENEXP`, `COMP_LISTCOMP`, `COMP_SETCOMP`, `COMP_DICTCOMP`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    Genexp,
    List,
    Set,
    Dict,
}

impl<'ast> Compiler<'_, 'ast> {
    /// `codegen_comprehension`.
    pub fn codegen_comprehension(&mut self, e: &'ast Expr, c: &'ast Comp) -> R {
        let (kind, name) = match e.kind {
            ExprKind::GeneratorExp(_) => (CompKind::Genexp, "<genexpr>"),
            ExprKind::ListComp(_) => (CompKind::List, "<listcomp>"),
            ExprKind::SetComp(_) => (CompKind::Set, "<setcomp>"),
            _ => (CompKind::Dict, "<dictcomp>"),
        };
        let entry = self.st.lookup(ScopeKey::of(c.id))?;
        let is_inlined = self.st.entry(entry).comp_inlined;
        let is_async = self.st.entry(entry).coroutine;
        let loc = e.loc;
        let Some(outermost) = c.generators.first() else {
            return Err(CompileError::system("comprehension without generators"));
        };
        let mut state = InlinedComprehensionState::default();
        let get_iter = if outermost.is_async {
            op::GET_AITER
        } else {
            op::GET_ITER
        };
        if is_inlined {
            self.visit_expr(&outermost.iter)?;
            self.addop(get_iter, outermost.iter.loc);
            self.push_inlined_comprehension_state(loc, entry, &mut state)?;
        } else {
            self.codegen_enter_scope(
                name,
                ScopeType::Comprehension,
                ScopeKey::of(c.id),
                e.loc.lineno,
                None,
                (1, 0, 0),
            )?;
        }
        let r = self.comprehension_body(loc, kind, c, is_inlined);
        if let Err(err) = r {
            if !is_inlined {
                self.exit_scope();
            }
            return Err(err);
        }
        if is_inlined {
            return self.pop_inlined_comprehension_state(loc, &mut state);
        }
        if kind != CompKind::Genexp {
            self.addop(op::RETURN_VALUE, e.loc);
        } else if let Err(err) = self.wrap_in_stopiteration_handler() {
            self.exit_scope();
            return Err(err);
        }
        let done = self.optimize_and_assemble(true);
        self.exit_scope();
        let done = done?;
        self.make_closure(loc, &done, 0)?;
        self.visit_expr(&outermost.iter)?;
        self.addop(get_iter, outermost.iter.loc);
        self.addop_i(op::CALL, 0, loc)?;
        if is_async && kind != CompKind::Genexp {
            self.addop_i(op::GET_AWAITABLE, 0, loc)?;
            self.load_none(loc)?;
            self.add_yield_from(loc, true)?;
        }
        Ok(())
    }

    fn comprehension_body(&mut self, loc: Loc, kind: CompKind, c: &'ast Comp, inlined: bool) -> R {
        if kind != CompKind::Genexp {
            let build = match kind {
                CompKind::List => op::BUILD_LIST,
                CompKind::Set => op::BUILD_SET,
                _ => op::BUILD_MAP,
            };
            self.addop_i(build, 0, loc)?;
            if inlined {
                self.addop_i(op::SWAP, 2, loc)?;
            }
        }
        self.comprehension_generator(loc, c, 0, 0, kind, inlined)
    }

    /// `codegen_comprehension_generator`.
    fn comprehension_generator(
        &mut self,
        loc: Loc,
        c: &'ast Comp,
        gen_index: usize,
        depth: usize,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> R {
        if c.generators[gen_index].is_async {
            self.async_comprehension_generator(loc, c, gen_index, depth, kind, iter_on_stack)
        } else {
            self.sync_comprehension_generator(loc, c, gen_index, depth, kind, iter_on_stack)
        }
    }

    /// The element code of the innermost generator.
    fn comprehension_element(&mut self, c: &'ast Comp, depth: usize, kind: CompKind) -> R<Loc> {
        let elt = &*c.elt;
        let mut elt_loc = elt.loc;
        match kind {
            CompKind::Genexp => {
                self.visit_expr(elt)?;
                self.addop_yield(elt_loc)?;
                self.addop(op::POP_TOP, elt_loc);
            }
            CompKind::List => {
                self.visit_expr(elt)?;
                self.addop_i(op::LIST_APPEND, depth + 1, elt_loc)?;
            }
            CompKind::Set => {
                self.visit_expr(elt)?;
                self.addop_i(op::SET_ADD, depth + 1, elt_loc)?;
            }
            CompKind::Dict => {
                let Some(val) = c.value.as_deref() else {
                    return Err(CompileError::system("dict comprehension without value"));
                };
                self.visit_expr(elt)?;
                self.visit_expr(val)?;
                elt_loc = Loc::new(
                    elt.loc.lineno,
                    val.loc.end_lineno,
                    elt.loc.col_offset,
                    val.loc.end_col_offset,
                );
                self.addop_i(op::MAP_ADD, depth + 1, elt_loc)?;
            }
        }
        Ok(elt_loc)
    }

    /// `codegen_sync_comprehension_generator`.
    fn sync_comprehension_generator(
        &mut self,
        loc: Loc,
        c: &'ast Comp,
        gen_index: usize,
        mut depth: usize,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> R {
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let g = &c.generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.addop_i(op::LOAD_FAST, 0, loc)?;
            } else {
                let elts = match &g.iter.kind {
                    ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                    _ => None,
                };
                if let Some(elts) = elts
                    && elts.len() == 1
                    && !elts[0].is_starred()
                {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
                if start.is_some() {
                    self.visit_expr(&g.iter)?;
                    self.addop(op::GET_ITER, g.iter.loc);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_label(start);
            self.addop_j(op::FOR_ITER, anchor, g.iter.loc);
        }
        self.visit_expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(loc, cond, if_cleanup, false)?;
        }
        let next = gen_index + 1;
        if next < c.generators.len() {
            self.comprehension_generator(loc, c, next, depth, kind, false)?;
        }
        let mut elt_loc = c.elt.loc;
        if next >= c.generators.len() {
            elt_loc = self.comprehension_element(c, depth, kind)?;
        }
        self.use_label(if_cleanup);
        if let Some(start) = start {
            self.addop_j(pseudo::JUMP, start, elt_loc);
            self.use_label(anchor);
            self.addop(op::END_FOR, Loc::NONE);
            self.addop(op::POP_ITER, Loc::NONE);
        }
        Ok(())
    }

    /// `codegen_async_comprehension_generator`.
    fn async_comprehension_generator(
        &mut self,
        loc: Loc,
        c: &'ast Comp,
        gen_index: usize,
        mut depth: usize,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> R {
        let start = self.new_label();
        let send = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        let g = &c.generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.addop_i(op::LOAD_FAST, 0, loc)?;
            } else {
                self.visit_expr(&g.iter)?;
                self.addop(op::GET_AITER, g.iter.loc);
            }
        }
        self.use_label(start);
        self.push_fblock(
            loc,
            FBlockType::AsyncComprehensionGenerator,
            start,
            Label::NONE,
            FBlockDatum::None,
        )?;
        self.addop_j(pseudo::SETUP_FINALLY, except, loc);
        self.addop(op::GET_ANEXT, loc);
        self.load_none(loc)?;
        self.use_label(send);
        self.add_yield_from(loc, true)?;
        self.addop(pseudo::POP_BLOCK, loc);
        self.visit_expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(loc, cond, if_cleanup, false)?;
        }
        depth += 1;
        let next = gen_index + 1;
        if next < c.generators.len() {
            self.comprehension_generator(loc, c, next, depth, kind, false)?;
        }
        let mut elt_loc = c.elt.loc;
        if next >= c.generators.len() {
            elt_loc = self.comprehension_element(c, depth, kind)?;
        }
        self.use_label(if_cleanup);
        self.addop_j(pseudo::JUMP, start, elt_loc);
        self.pop_fblock(FBlockType::AsyncComprehensionGenerator);
        self.use_label(except);
        self.addop_j(op::END_ASYNC_FOR, send, loc);
        Ok(())
    }

    /// `codegen_push_inlined_comprehension_locals`.
    fn push_inlined_comprehension_locals(
        &mut self,
        loc: Loc,
        comp: usize,
        state: &mut InlinedComprehensionState,
    ) -> R {
        let in_class_block = self.ste().type_ == BlockType::Class && !self.is_in_inlined_comp();
        let outer = self.ste_index();
        let symbols = self.st.entry(comp).symbols.to_vec();
        for (k, symbol) in symbols {
            let scope = symbol_to_scope(symbol);
            let outsc = self.st.entry(outer).scope(&k);
            if (symbol & sf::DEF_LOCAL != 0 && symbol & sf::DEF_NONLOCAL == 0) || in_class_block {
                self.addop_name(
                    super::NameOp::Op(op::LOAD_FAST_AND_CLEAR),
                    &k,
                    Dict::Varnames,
                    loc,
                )?;
                if scope == sc::CELL {
                    let dict = if outsc == sc::FREE {
                        Dict::Freevars
                    } else {
                        Dict::Cellvars
                    };
                    self.addop_name(super::NameOp::Op(op::MAKE_CELL), &k, dict, loc)?;
                }
                state.pushed_locals.get_or_insert_with(Vec::new).push(k);
            }
        }
        if let Some(pushed) = &state.pushed_locals {
            let n = pushed.len();
            self.addop_i(op::SWAP, n + 1, loc)?;
            let cleanup = self.new_label();
            state.cleanup = Some(cleanup);
            self.addop_j(pseudo::SETUP_FINALLY, cleanup, loc);
        }
        Ok(())
    }

    /// `push_inlined_comprehension_state`.
    fn push_inlined_comprehension_state(
        &mut self,
        loc: Loc,
        comp: usize,
        state: &mut InlinedComprehensionState,
    ) -> R {
        self.tweak_inlined_comprehension_scopes(comp, state);
        self.push_inlined_comprehension_locals(loc, comp, state)
    }

    /// `restore_inlined_comprehension_locals`.
    fn restore_inlined_comprehension_locals(
        &mut self,
        loc: Loc,
        state: &InlinedComprehensionState,
    ) -> R {
        let Some(pushed) = &state.pushed_locals else {
            return Ok(());
        };
        self.addop_i(op::SWAP, pushed.len() + 1, loc)?;
        for k in pushed.iter().rev() {
            let mangled = self.maybe_mangle(k);
            let arg = self.unit().metadata.varnames.add(&mangled);
            self.addop_i(pseudo::STORE_FAST_MAYBE_NULL, arg, loc)?;
        }
        Ok(())
    }

    /// `codegen_pop_inlined_comprehension_locals`.
    fn pop_inlined_comprehension_locals(
        &mut self,
        loc: Loc,
        state: &mut InlinedComprehensionState,
    ) -> R {
        if state.pushed_locals.is_none() {
            return Ok(());
        }
        self.addop(pseudo::POP_BLOCK, Loc::NONE);
        let end = self.new_label();
        self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
        if let Some(cleanup) = state.cleanup {
            self.use_label(cleanup);
        }
        self.addop_i(op::SWAP, 2, Loc::NONE)?;
        self.addop(op::POP_TOP, Loc::NONE);
        self.restore_inlined_comprehension_locals(loc, state)?;
        self.addop_i(op::RERAISE, 0, Loc::NONE)?;
        self.use_label(end);
        self.restore_inlined_comprehension_locals(loc, state)?;
        state.pushed_locals = None;
        Ok(())
    }

    /// `pop_inlined_comprehension_state`.
    fn pop_inlined_comprehension_state(
        &mut self,
        loc: Loc,
        state: &mut InlinedComprehensionState,
    ) -> R {
        self.pop_inlined_comprehension_locals(loc, state)?;
        self.revert_inlined_comprehension_scopes(state);
        Ok(())
    }
}
