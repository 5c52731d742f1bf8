//! Structural pattern matching, PEP 634 (`codegen_match` and the
//! `codegen_pattern_*` functions of `codegen.c`).
//!
//! Every pattern routine consumes the subject on top of the stack and, on
//! failure, jumps to the `fail_pop` block that pops whatever is still
//! pending. Captured values are kept on the stack, under `on_top` working
//! items, and only stored once the whole pattern has matched.

use super::super::ast::*;
use super::super::compiler::{Compiler, R};
use super::super::error::CompileError;
use super::super::instr_sequence::Label;
use crate::objects::tuple;
use crate::opcode::{BinaryOp, op, pseudo};

/// `pattern_context`.
struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchStar(None))
}

impl<'ast> Compiler<'_, 'ast> {
    /// `ensure_fail_pop`.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// `jump_to_fail_pop`.
    fn jump_to_fail_pop(&mut self, loc: Loc, pc: &mut PatternContext, opcode: u16) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.addop_j(opcode, pc.fail_pop[pops], loc);
    }

    /// `emit_and_reset_fail_pop`.
    fn emit_and_reset_fail_pop(&mut self, loc: Loc, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        while pc.fail_pop.len() > 1 {
            let l = pc.fail_pop.pop().unwrap_or(Label::NONE);
            self.use_label(l);
            self.addop(op::POP_TOP, loc);
        }
        let l = pc.fail_pop[0];
        self.use_label(l);
        pc.fail_pop.clear();
    }

    /// `codegen_pattern_helper_rotate`.
    fn pattern_rotate(&mut self, loc: Loc, mut count: usize) -> R {
        while count > 1 {
            self.addop_i(op::SWAP, count, loc)?;
            count -= 1;
        }
        Ok(())
    }

    /// `codegen_pattern_helper_store_name`.
    fn pattern_store_name(&mut self, loc: Loc, name: Option<&str>, pc: &mut PatternContext) -> R {
        let Some(n) = name else {
            self.addop(op::POP_TOP, loc);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(
                loc,
                format!("multiple assignments to name '{n}' in pattern"),
            ));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(loc, rotations)?;
        pc.stores.push(n.to_string());
        Ok(())
    }

    /// `codegen_pattern_unpack_helper`.
    fn pattern_unpack_helper(&mut self, loc: Loc, elts: &[Pattern]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            let star = matches!(e.kind, PatternKind::MatchStar(_));
            if star && !seen_star {
                if i >= (1 << 8) || n - i > (i32::MAX >> 8) as usize {
                    return Err(self.error(
                        loc,
                        "too many expressions in star-unpacking sequence pattern",
                    ));
                }
                self.addop_i(op::UNPACK_EX, i + ((n - i - 1) << 8), loc)?;
                seen_star = true;
            } else if star {
                return Err(self.error(loc, "multiple starred expressions in sequence pattern"));
            }
        }
        if !seen_star {
            self.addop_i(op::UNPACK_SEQUENCE, n, loc)?;
        }
        Ok(())
    }

    /// `pattern_helper_sequence_unpack`.
    fn pattern_sequence_unpack(
        &mut self,
        loc: Loc,
        patterns: &'ast [Pattern],
        pc: &mut PatternContext,
    ) -> R {
        self.pattern_unpack_helper(loc, patterns)?;
        pc.on_top += patterns.len();
        for p in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `pattern_helper_sequence_subscr`: `[a, *_, b]` by indexing.
    fn pattern_sequence_subscr(
        &mut self,
        loc: Loc,
        patterns: &'ast [Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> R {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.addop_i(op::COPY, 1, loc)?;
            if i < star {
                self.load_int(i as i64, loc)?;
            } else {
                self.addop(op::GET_LEN, loc);
                self.load_int((size - i) as i64, loc)?;
                self.addop_binary(loc, Operator::Sub, false)?;
            }
            self.addop_i(op::BINARY_OP, BinaryOp::Subscr.oparg(), loc)?;
            self.pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.addop(op::POP_TOP, loc);
        Ok(())
    }

    /// `codegen_pattern_subpattern`.
    fn pattern_subpattern(&mut self, p: &'ast Pattern, pc: &mut PatternContext) -> R {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// `codegen_pattern`.
    fn pattern(&mut self, p: &'ast Pattern, pc: &mut PatternContext) -> R {
        self.enter_recursive()?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.pattern_inner(p, pc));
        self.leave_recursive();
        r
    }

    fn pattern_inner(&mut self, p: &'ast Pattern, pc: &mut PatternContext) -> R {
        let loc = p.loc;
        match &p.kind {
            PatternKind::MatchValue(value) => {
                if !matches!(
                    value.kind,
                    ExprKind::Constant(_) | ExprKind::Attribute { .. }
                ) {
                    return Err(self.error(
                        loc,
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                self.visit_expr(value)?;
                self.addcompare(loc, CmpOp::Eq)?;
                self.addop(op::TO_BOOL, loc);
                self.jump_to_fail_pop(loc, pc, op::POP_JUMP_IF_FALSE.into());
                Ok(())
            }
            PatternKind::MatchSingleton(c) => {
                let o = self.constant_obj(c)?;
                self.load_const(o, loc)?;
                self.addcompare(loc, CmpOp::Is)?;
                self.jump_to_fail_pop(loc, pc, op::POP_JUMP_IF_FALSE.into());
                Ok(())
            }
            PatternKind::MatchSequence(patterns) => self.pattern_sequence(p, patterns, pc),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(p, keys, patterns, rest.as_deref(), pc),
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc),
            PatternKind::MatchStar(name) => self.pattern_store_name(loc, name.as_deref(), pc),
            PatternKind::MatchAs { pattern, name } => {
                let Some(inner) = pattern else {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".into(),
                        };
                        return Err(self.error(loc, msg));
                    }
                    return self.pattern_store_name(loc, name.as_deref(), pc);
                };
                pc.on_top += 1;
                self.addop_i(op::COPY, 1, loc)?;
                self.pattern(inner, pc)?;
                pc.on_top -= 1;
                self.pattern_store_name(loc, name.as_deref(), pc)
            }
            PatternKind::MatchOr(alts) => self.pattern_or(p, alts, pc),
        }
    }

    /// `codegen_pattern_class`.
    #[allow(clippy::too_many_arguments)]
    fn pattern_class(
        &mut self,
        p: &'ast Pattern,
        cls: &'ast Expr,
        patterns: &'ast [Pattern],
        kwd_attrs: &[String],
        kwd_patterns: &'ast [Pattern],
        pc: &mut PatternContext,
    ) -> R {
        let loc = p.loc;
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(self.error(
                loc,
                format!(
                    "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                    kwd_patterns.len()
                ),
            ));
        }
        for (i, a) in kwd_attrs.iter().enumerate() {
            for (j, other) in kwd_attrs.iter().enumerate().skip(i + 1) {
                if a == other {
                    return Err(self.error(
                        kwd_patterns[j].loc,
                        format!("attribute name repeated in class pattern: {a}"),
                    ));
                }
            }
        }
        self.visit_expr(cls)?;
        let names = kwd_attrs.iter().map(|a| self.str_obj(a)).collect();
        self.load_const(tuple::new_tuple(names), loc)?;
        self.addop_i(op::MATCH_CLASS, nargs, loc)?;
        self.addop_i(op::COPY, 1, loc)?;
        self.load_none(loc)?;
        self.addop_i(op::IS_OP, 1, loc)?;
        pc.on_top += 1;
        self.jump_to_fail_pop(loc, pc, op::POP_JUMP_IF_FALSE.into());
        self.addop_i(op::UNPACK_SEQUENCE, nargs + nattrs, loc)?;
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for i in 0..nargs + nattrs {
            pc.on_top -= 1;
            let sub = if i < nargs {
                &patterns[i]
            } else {
                &kwd_patterns[i - nargs]
            };
            if is_wildcard(sub) {
                self.addop(op::POP_TOP, loc);
                continue;
            }
            self.pattern_subpattern(sub, pc)?;
        }
        Ok(())
    }

    /// `codegen_pattern_mapping`.
    fn pattern_mapping(
        &mut self,
        p: &'ast Pattern,
        keys: &'ast [Expr],
        patterns: &'ast [Pattern],
        rest: Option<&str>,
        pc: &mut PatternContext,
    ) -> R {
        let loc = p.loc;
        let size = keys.len();
        if size != patterns.len() {
            return Err(self.error(
                loc,
                format!(
                    "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                    patterns.len()
                ),
            ));
        }
        pc.on_top += 1;
        self.addop(op::MATCH_MAPPING, loc);
        self.jump_to_fail_pop(loc, pc, op::POP_JUMP_IF_FALSE.into());
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.addop(op::POP_TOP, loc);
            return Ok(());
        }
        if size > 0 {
            self.addop(op::GET_LEN, loc);
            self.load_int(size as i64, loc)?;
            self.addcompare(loc, CmpOp::GtE)?;
            self.jump_to_fail_pop(loc, pc, op::POP_JUMP_IF_FALSE.into());
        }
        let mut seen: Vec<&Constant> = Vec::new();
        for key in keys {
            match &key.kind {
                ExprKind::Constant(c) => {
                    if seen.iter().any(|s| constants_equal(s, c)) {
                        let r = self.const_repr(c);
                        return Err(
                            self.error(loc, format!("mapping pattern checks duplicate key ({r})"))
                        );
                    }
                    seen.push(c);
                }
                ExprKind::Attribute { .. } => {}
                _ => {
                    return Err(self.error(
                        loc,
                        "mapping pattern keys may only match literals and attribute lookups",
                    ));
                }
            }
            self.visit_expr(key)?;
        }
        self.addop_i(op::BUILD_TUPLE, size, loc)?;
        self.addop(op::MATCH_KEYS, loc);
        pc.on_top += 2;
        self.addop_i(op::COPY, 1, loc)?;
        self.load_none(loc)?;
        self.addop_i(op::IS_OP, 1, loc)?;
        self.jump_to_fail_pop(loc, pc, op::POP_JUMP_IF_FALSE.into());
        self.addop_i(op::UNPACK_SEQUENCE, size, loc)?;
        pc.on_top += size;
        pc.on_top -= 1;
        for sub in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(sub, pc)?;
        }
        pc.on_top -= 2;
        if let Some(star) = rest {
            self.addop_i(op::BUILD_MAP, 0, loc)?;
            self.addop_i(op::SWAP, 3, loc)?;
            self.addop_i(op::DICT_UPDATE, 2, loc)?;
            self.addop_i(op::UNPACK_SEQUENCE, size, loc)?;
            let mut size = size;
            while size > 0 {
                self.addop_i(op::COPY, 1 + size, loc)?;
                size -= 1;
                self.addop_i(op::SWAP, 2, loc)?;
                self.addop(op::DELETE_SUBSCR, loc);
            }
            self.pattern_store_name(loc, Some(star), pc)?;
        } else {
            self.addop(op::POP_TOP, loc);
            self.addop(op::POP_TOP, loc);
        }
        Ok(())
    }

    /// `codegen_pattern_or`.
    fn pattern_or(
        &mut self,
        p: &'ast Pattern,
        alts: &'ast [Pattern],
        pc: &mut PatternContext,
    ) -> R {
        let loc = p.loc;
        let end = self.new_label();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        let size = alts.len();
        for (i, alt) in alts.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.addop_i(op::COPY, 1, alt.loc)?;
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if nstores != ctl.len() => {
                    return Err(self.error(loc, "alternative patterns bind different names"));
                }
                Some(ctl) if nstores > 0 => {
                    let ctl = ctl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(
                                self.error(loc, "alternative patterns bind different names")
                            );
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, n) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, n);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(alt.loc, icontrol + 1)?;
                            }
                        }
                    }
                }
                Some(_) => {}
            }
            self.addop_j(pseudo::JUMP, end, alt.loc);
            self.emit_and_reset_fail_pop(alt.loc, pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.addop(op::POP_TOP, loc);
        self.jump_to_fail_pop(loc, pc, pseudo::JUMP);
        self.use_label(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(loc, nrots)?;
            if pc.stores.contains(&name) {
                return Err(self.error(
                    loc,
                    format!("multiple assignments to name '{name}' in pattern"),
                ));
            }
            pc.stores.push(name);
        }
        self.addop(op::POP_TOP, loc);
        Ok(())
    }

    /// `codegen_pattern_sequence`.
    fn pattern_sequence(
        &mut self,
        p: &'ast Pattern,
        patterns: &'ast [Pattern],
        pc: &mut PatternContext,
    ) -> R {
        let loc = p.loc;
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, sub) in patterns.iter().enumerate() {
            if matches!(sub.kind, PatternKind::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error(loc, "multiple starred names in sequence pattern"));
                }
                star_wildcard = is_wildcard_star(sub);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(sub);
        }
        pc.on_top += 1;
        self.addop(op::MATCH_SEQUENCE, loc);
        self.jump_to_fail_pop(loc, pc, op::POP_JUMP_IF_FALSE.into());
        match star {
            None => {
                self.addop(op::GET_LEN, loc);
                self.load_int(size as i64, loc)?;
                self.addcompare(loc, CmpOp::Eq)?;
                self.jump_to_fail_pop(loc, pc, op::POP_JUMP_IF_FALSE.into());
            }
            Some(_) if size > 1 => {
                self.addop(op::GET_LEN, loc);
                self.load_int(size as i64 - 1, loc)?;
                self.addcompare(loc, CmpOp::GtE)?;
                self.jump_to_fail_pop(loc, pc, op::POP_JUMP_IF_FALSE.into());
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.addop(op::POP_TOP, loc);
        } else if star_wildcard {
            self.pattern_sequence_subscr(loc, patterns, star.unwrap_or(0), pc)?;
        } else {
            self.pattern_sequence_unpack(loc, patterns, pc)?;
        }
        Ok(())
    }

    /// `codegen_match`.
    pub fn codegen_match(&mut self, s: &'ast Stmt) -> R {
        let StmtKind::Match { subject, cases } = &s.kind else {
            return Ok(());
        };
        self.visit_expr(subject)?;
        let end = self.new_label();
        let ncases = cases.len();
        let Some(last) = cases.last() else {
            return Err(CompileError::system("match without cases"));
        };
        let has_default = is_wildcard(&last.pattern) && ncases > 1;
        let mut pc = PatternContext {
            stores: Vec::new(),
            allow_irrefutable: false,
            fail_pop: Vec::new(),
            on_top: 0,
        };
        for (i, m) in cases
            .iter()
            .enumerate()
            .take(ncases - usize::from(has_default))
        {
            let not_last = i != ncases - usize::from(has_default) - 1;
            if not_last {
                self.addop_i(op::COPY, 1, m.pattern.loc)?;
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = m.guard.is_some() || i == ncases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.nameop(m.pattern.loc, &name, ExprContext::Store)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(m.pattern.loc, g, target, false)?;
            }
            if not_last {
                self.addop(op::POP_TOP, Loc::NEXT);
            }
            for st in &m.body {
                self.visit_stmt(st)?;
            }
            self.addop_j(pseudo::JUMP, end, Loc::NONE);
            self.emit_and_reset_fail_pop(m.pattern.loc, &mut pc);
        }
        if has_default {
            let m = last;
            if ncases == 1 {
                self.addop(op::POP_TOP, m.pattern.loc);
            } else {
                self.addop(op::NOP, m.pattern.loc);
            }
            if let Some(g) = &m.guard {
                self.jump_if(m.pattern.loc, g, end, false)?;
            }
            for st in &m.body {
                self.visit_stmt(st)?;
            }
        }
        self.use_label(end);
        Ok(())
    }

    /// `repr()` of a constant, for error messages.
    fn const_repr(&mut self, c: &Constant) -> String {
        match self.constant_obj(c).and_then(|o| {
            self.vm
                .repr(&o)
                .map_err(CompileError::from)
                .map(|s| crate::objects::str::str_value(&s).to_string())
        }) {
            Ok(s) => s,
            Err(_) => String::from("?"),
        }
    }
}

/// Whether two constant keys are equal as set members (`1`, `1.0` and
/// `True` are; `0.0` and `-0.0` are).
fn constants_equal(a: &Constant, b: &Constant) -> bool {
    fn num(c: &Constant) -> Option<(f64, f64, Option<num_bigint::BigInt>)> {
        use num_traits::ToPrimitive;
        match c {
            Constant::Bool(b) => Some((f64::from(u8::from(*b)), 0.0, Some(u8::from(*b).into()))),
            Constant::Int(i) => Some((i.to_f64().unwrap_or(f64::NAN), 0.0, Some(i.clone()))),
            Constant::Float(f) => Some((*f, 0.0, None)),
            Constant::Complex { real, imag } => Some((*real, *imag, None)),
            _ => None,
        }
    }
    match (num(a), num(b)) {
        (Some((ar, ai, aint)), Some((br, bi, bint))) => {
            if let (Some(x), Some(y)) = (&aint, &bint) {
                return x == y;
            }
            ar == br && ai == bi
        }
        (None, None) => a == b,
        _ => false,
    }
}
