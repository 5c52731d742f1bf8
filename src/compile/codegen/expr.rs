//! Expressions (`codegen_visit_expr` and its helpers in `codegen.c`):
//! names, operators, comparisons and conditional jumps, displays with
//! unpacking, attributes, subscripts and slices, f-strings and t-strings,
//! `yield` and `await`.

use super::super::ast::*;
use super::super::compiler::{Compiler, OpType, R, STACK_USE_GUIDELINE};
use super::super::error::CompileError;
use super::super::instr_sequence::Label;
use super::super::symtable::{BlockType, scope as sc};
use super::update_start_location_to_match_attr;
use super::{Dict, NameOp, should_apply_two_element_slice_optimization};
use crate::objects::set::{FROZENSET_TYPE, empty_set_of, set_obj};
use crate::objects::{Obj, bool_, bytes, complex, float, int, slice, tuple};
use crate::opcode::{BinaryOp, CompareOp, Intrinsic1, op, pseudo};

/// `infer_type`: the type an expression certainly has, for warnings.
pub fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp(_) => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp(_) => "dict",
        ExprKind::Set(_) | ExprKind::SetComp(_) => "set",
        ExprKind::GeneratorExp(_) => "generator",
        ExprKind::Lambda(_) => "function",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "str",
        ExprKind::TemplateStr(_) => "string.templatelib.Template",
        ExprKind::Interpolation { .. } => "string.templatelib.Interpolation",
        ExprKind::Constant(c) => c.type_name(),
        _ => return None,
    })
}

fn is_const_tuple(elts: &[Expr]) -> bool {
    elts.iter().all(Expr::is_constant)
}

/// `check_is_arg`: false for a literal other than a named singleton.
fn check_is_arg(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Tuple { elts, .. } => !is_const_tuple(elts),
        ExprKind::Constant(c) => {
            matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis)
        }
        _ => true,
    }
}

/// The `cmp` of a rich comparison operator, `None` for the others.
fn compare_op(op: CmpOp) -> Option<CompareOp> {
    Some(match op {
        CmpOp::Eq => CompareOp::Eq,
        CmpOp::NotEq => CompareOp::Ne,
        CmpOp::Lt => CompareOp::Lt,
        CmpOp::LtE => CompareOp::Le,
        CmpOp::Gt => CompareOp::Gt,
        CmpOp::GtE => CompareOp::Ge,
        _ => return None,
    })
}

fn binop_oparg(binop: Operator, inplace: bool) -> BinaryOp {
    use BinaryOp as B;
    match (binop, inplace) {
        (Operator::Add, false) => B::Add,
        (Operator::Add, true) => B::InplaceAdd,
        (Operator::Sub, false) => B::Subtract,
        (Operator::Sub, true) => B::InplaceSubtract,
        (Operator::Mult, false) => B::Multiply,
        (Operator::Mult, true) => B::InplaceMultiply,
        (Operator::MatMult, false) => B::MatrixMultiply,
        (Operator::MatMult, true) => B::InplaceMatrixMultiply,
        (Operator::Div, false) => B::TrueDivide,
        (Operator::Div, true) => B::InplaceTrueDivide,
        (Operator::Mod, false) => B::Remainder,
        (Operator::Mod, true) => B::InplaceRemainder,
        (Operator::Pow, false) => B::Power,
        (Operator::Pow, true) => B::InplacePower,
        (Operator::LShift, false) => B::Lshift,
        (Operator::LShift, true) => B::InplaceLshift,
        (Operator::RShift, false) => B::Rshift,
        (Operator::RShift, true) => B::InplaceRshift,
        (Operator::BitOr, false) => B::Or,
        (Operator::BitOr, true) => B::InplaceOr,
        (Operator::BitXor, false) => B::Xor,
        (Operator::BitXor, true) => B::InplaceXor,
        (Operator::BitAnd, false) => B::And,
        (Operator::BitAnd, true) => B::InplaceAnd,
        (Operator::FloorDiv, false) => B::FloorDivide,
        (Operator::FloorDiv, true) => B::InplaceFloorDivide,
    }
}

impl<'ast> Compiler<'_, 'ast> {
    /// An AST constant as an object.
    pub fn constant_obj(&mut self, c: &Constant) -> R<Obj> {
        Ok(match c {
            Constant::None => Obj::none(),
            Constant::Bool(b) => bool_::new_bool(*b),
            Constant::Ellipsis => Obj::ellipsis(),
            Constant::Int(i) => match i64::try_from(i) {
                Ok(v) => int::new_int(v),
                Err(_) => int::new_bigint(i.clone()),
            },
            Constant::Float(f) => float::new_float(*f),
            Constant::Complex { real, imag } => complex::new_complex(*real, *imag),
            Constant::Str(s) => self.str_obj(s),
            Constant::Bytes(b) => bytes::new_bytes(b.clone()),
            Constant::Tuple(items) => {
                let objs = items
                    .iter()
                    .map(|x| self.constant_obj(x))
                    .collect::<R<Vec<_>>>()?;
                tuple::new_tuple(objs)
            }
            Constant::FrozenSet(items) => {
                let s = empty_set_of(&FROZENSET_TYPE);
                for x in items {
                    let o = self.constant_obj(x)?;
                    set_obj(&s).add(self.vm, o)?;
                }
                s
            }
        })
    }

    /// `codegen_visit_expr`.
    pub fn visit_expr(&mut self, e: &'ast Expr) -> R {
        self.enter_recursive()?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_expr_inner(e));
        self.leave_recursive();
        r
    }

    fn visit_expr_inner(&mut self, e: &'ast Expr) -> R {
        let loc = e.loc;
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.addop_i(op::COPY, 1, loc)?;
                self.visit_expr(target)
            }
            ExprKind::BoolOp { op: bop, values } => self.codegen_boolop(loc, *bop, values),
            ExprKind::BinOp {
                left,
                op: bop,
                right,
            } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.addop_binary(loc, *bop, false)
            }
            ExprKind::UnaryOp { op: uop, operand } => {
                self.visit_expr(operand)?;
                match uop {
                    UnaryOp::UAdd => {
                        self.addop_i(op::CALL_INTRINSIC_1, Intrinsic1::UnaryPositive.oparg(), loc)
                    }
                    UnaryOp::Not => {
                        self.addop(op::TO_BOOL, loc);
                        self.addop(op::UNARY_NOT, loc);
                        Ok(())
                    }
                    UnaryOp::Invert => {
                        self.addop(op::UNARY_INVERT, loc);
                        Ok(())
                    }
                    UnaryOp::USub => {
                        self.addop(op::UNARY_NEGATIVE, loc);
                        Ok(())
                    }
                }
            }
            ExprKind::Lambda(l) => self.codegen_lambda(e, l),
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(loc, test, next, false)?;
                self.visit_expr(body)?;
                self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
                self.use_label(next);
                self.visit_expr(orelse)?;
                self.use_label(end);
                Ok(())
            }
            ExprKind::Dict { keys, values } => self.codegen_dict(loc, keys, values),
            ExprKind::Set(elts) => self.starunpack_helper(
                loc,
                elts,
                None,
                0,
                op::BUILD_SET,
                op::SET_ADD,
                op::SET_UPDATE,
                false,
            ),
            ExprKind::GeneratorExp(c) => self.codegen_comprehension(e, c),
            ExprKind::ListComp(c) => self.codegen_comprehension(e, c),
            ExprKind::SetComp(c) => self.codegen_comprehension(e, c),
            ExprKind::DictComp(c) => self.codegen_comprehension(e, c),
            ExprKind::Yield(v) => {
                if !self.ste().is_function_like() {
                    return Err(self.error(loc, "'yield' outside function"));
                }
                match v {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_none(loc)?,
                }
                self.addop_yield(loc)
            }
            ExprKind::YieldFrom(v) => {
                if !self.ste().is_function_like() {
                    return Err(self.error(loc, "'yield from' outside function"));
                }
                if self.in_async_function_scope() {
                    return Err(self.error(loc, "'yield from' inside async function"));
                }
                self.visit_expr(v)?;
                self.addop(op::GET_YIELD_FROM_ITER, loc);
                self.load_none(loc)?;
                self.add_yield_from(loc, false)
            }
            ExprKind::Await(v) => {
                self.visit_expr(v)?;
                self.addop_i(op::GET_AWAITABLE, 0, loc)?;
                self.load_none(loc)?;
                self.add_yield_from(loc, true)
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.codegen_compare(e, left, ops, comparators),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.codegen_call(e, func, args, keywords),
            ExprKind::Constant(c) => {
                let o = self.constant_obj(c)?;
                self.load_const(o, loc)
            }
            ExprKind::JoinedStr(values) => self.codegen_joined_str(loc, values),
            ExprKind::TemplateStr(values) => self.codegen_template_str(loc, values),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.visit_expr(value)?;
                if *conversion != -1 {
                    let arg = conversion_oparg(*conversion)?;
                    self.addop_i(op::CONVERT_VALUE, arg, loc)?;
                }
                match format_spec {
                    Some(spec) => {
                        self.visit_expr(spec)?;
                        self.addop(op::FORMAT_WITH_SPEC, loc);
                    }
                    None => self.addop(op::FORMAT_SIMPLE, loc),
                }
                Ok(())
            }
            ExprKind::Interpolation {
                value,
                str: text,
                conversion,
                format_spec,
            } => {
                self.visit_expr(value)?;
                self.load_const_str(text, loc)?;
                let mut oparg = 2u32;
                if let Some(spec) = format_spec {
                    oparg += 1;
                    self.visit_expr(spec)?;
                }
                if *conversion != -1 {
                    oparg |= conversion_oparg(*conversion)? << 2;
                }
                self.addop_i(op::BUILD_INTERPOLATION, oparg, loc)
            }
            ExprKind::Attribute { value, attr, ctx } => {
                if *ctx == ExprContext::Load && self.can_optimize_super_call(e)? {
                    let ExprKind::Call { args, .. } = &value.kind else {
                        return Err(CompileError::system("super call is not a call"));
                    };
                    self.load_args_for_super(value)?;
                    let opcode = if args.is_empty() {
                        NameOp::LoadZeroSuperAttr
                    } else {
                        NameOp::Op(op::LOAD_SUPER_ATTR)
                    };
                    self.addop_name(opcode, attr, Dict::Names, loc)?;
                    let loc = update_start_location_to_match_attr(loc, e);
                    self.addop(op::NOP, loc);
                    return Ok(());
                }
                let value_is_self =
                    matches!(&value.kind, ExprKind::Name { id, .. } if id == "self");
                self.maybe_add_static_attribute(value_is_self, *ctx == ExprContext::Store, attr);
                self.visit_expr(value)?;
                let loc = update_start_location_to_match_attr(loc, e);
                let opcode = match ctx {
                    ExprContext::Load => op::LOAD_ATTR,
                    ExprContext::Store => op::STORE_ATTR,
                    ExprContext::Del => op::DELETE_ATTR,
                };
                self.addop_name(NameOp::Op(opcode), attr, Dict::Names, loc)
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.codegen_subscript(e, value, slice, *ctx)
            }
            ExprKind::Starred { ctx, .. } => match ctx {
                ExprContext::Store => {
                    Err(self.error(loc, "starred assignment target must be in a list or tuple"))
                }
                _ => Err(self.error(loc, "can't use starred expression here")),
            },
            ExprKind::Slice { .. } => self.codegen_slice(e),
            ExprKind::Name { id, ctx } => self.nameop(loc, id, *ctx),
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(loc, elts),
                ExprContext::Load => self.starunpack_helper(
                    loc,
                    elts,
                    None,
                    0,
                    op::BUILD_LIST,
                    op::LIST_APPEND,
                    op::LIST_EXTEND,
                    false,
                ),
                ExprContext::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                    Ok(())
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(loc, elts),
                ExprContext::Load => self.starunpack_helper(
                    loc,
                    elts,
                    None,
                    0,
                    op::BUILD_LIST,
                    op::LIST_APPEND,
                    op::LIST_EXTEND,
                    true,
                ),
                ExprContext::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                    Ok(())
                }
            },
        }
    }

    /// `addop_binary`.
    pub fn addop_binary(&mut self, loc: Loc, binop: Operator, inplace: bool) -> R {
        self.addop_i(op::BINARY_OP, binop_oparg(binop, inplace).oparg(), loc)
    }

    /// `codegen_addop_yield`.
    pub fn addop_yield(&mut self, loc: Loc) -> R {
        if self.ste().generator && self.ste().coroutine {
            self.addop_i(op::CALL_INTRINSIC_1, Intrinsic1::AsyncGenWrap.oparg(), loc)?;
        }
        self.addop_i(op::YIELD_VALUE, 0, loc)?;
        self.addop_i(op::RESUME, 1, loc)
    }

    /// `codegen_load_classdict_freevar`.
    fn load_classdict_freevar(&mut self, loc: Loc) -> R {
        self.addop_n(op::LOAD_DEREF, "__classdict__", Dict::Freevars, loc)
    }

    /// `codegen_nameop`: load, store or delete a name, with the opcode its
    /// scope calls for.
    pub fn nameop(&mut self, loc: Loc, name: &str, ctx: ExprContext) -> R {
        let mangled = self.maybe_mangle(name);
        let scope = self.ste().scope(&mangled);
        let (optype, mut arg) = self.resolve_nameop(&mangled, scope);
        let is_class = self.ste().type_ == BlockType::Class;
        let can_see_class = self.ste().can_see_class_scope;
        let opcode = match optype {
            OpType::Deref => match ctx {
                ExprContext::Load => {
                    if is_class && !self.is_in_inlined_comp() {
                        self.addop(op::LOAD_LOCALS, loc);
                        op::LOAD_FROM_DICT_OR_DEREF
                    } else if can_see_class {
                        self.load_classdict_freevar(loc)?;
                        op::LOAD_FROM_DICT_OR_DEREF
                    } else {
                        op::LOAD_DEREF
                    }
                }
                ExprContext::Store => op::STORE_DEREF,
                ExprContext::Del => op::DELETE_DEREF,
            },
            OpType::Fast => {
                let opcode = match ctx {
                    ExprContext::Load => op::LOAD_FAST,
                    ExprContext::Store => op::STORE_FAST,
                    ExprContext::Del => op::DELETE_FAST,
                };
                return self.addop_n(opcode, &mangled, Dict::Varnames, loc);
            }
            OpType::Global => match ctx {
                ExprContext::Load => {
                    if can_see_class && scope == sc::GLOBAL_IMPLICIT {
                        self.load_classdict_freevar(loc)?;
                        op::LOAD_FROM_DICT_OR_GLOBALS
                    } else {
                        op::LOAD_GLOBAL
                    }
                }
                ExprContext::Store => op::STORE_GLOBAL,
                ExprContext::Del => op::DELETE_GLOBAL,
            },
            OpType::Name => match ctx {
                ExprContext::Load => {
                    if is_class && self.is_in_inlined_comp() {
                        op::LOAD_GLOBAL
                    } else {
                        op::LOAD_NAME
                    }
                }
                ExprContext::Store => op::STORE_NAME,
                ExprContext::Del => op::DELETE_NAME,
            },
        };
        if opcode == op::LOAD_GLOBAL {
            arg <<= 1;
        }
        self.addop_i(opcode, arg, loc)
    }

    /// `codegen_boolop`.
    fn codegen_boolop(&mut self, loc: Loc, bop: BoolOp, values: &'ast [Expr]) -> R {
        let jump = if bop == BoolOp::And {
            pseudo::JUMP_IF_FALSE
        } else {
            pseudo::JUMP_IF_TRUE
        };
        let end = self.new_label();
        let Some((last, rest)) = values.split_last() else {
            return Err(CompileError::system("empty boolean operation"));
        };
        for v in rest {
            self.visit_expr(v)?;
            self.addop_j(jump, end, loc);
            self.addop(op::POP_TOP, loc);
        }
        self.visit_expr(last)?;
        self.use_label(end);
        Ok(())
    }

    /// `starunpack_helper_impl`: a tuple, list or set display (or call
    /// arguments), with `*iterable` items and the big-display form.
    #[allow(clippy::too_many_arguments)]
    pub fn starunpack_helper(
        &mut self,
        loc: Loc,
        elts: &'ast [Expr],
        injected_arg: Option<&str>,
        pushed: usize,
        build: u8,
        add: u8,
        extend: u8,
        tuple: bool,
    ) -> R {
        let n = elts.len();
        let big = n + pushed + usize::from(injected_arg.is_some()) > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(Expr::is_starred);
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            let mut n = n;
            if let Some(name) = injected_arg {
                self.nameop(loc, name, ExprContext::Load)?;
                n += 1;
            }
            let opcode = if tuple { op::BUILD_TUPLE } else { build };
            return self.addop_i(opcode, n + pushed, loc);
        }
        let mut sequence_built = false;
        if big {
            self.addop_i(build, pushed, loc)?;
            sequence_built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !sequence_built {
                    self.addop_i(build, i + pushed, loc)?;
                    sequence_built = true;
                }
                self.visit_expr(value)?;
                self.addop_i(extend, 1, loc)?;
            } else {
                self.visit_expr(e)?;
                if sequence_built {
                    self.addop_i(add, 1, loc)?;
                }
            }
        }
        if let Some(name) = injected_arg {
            self.nameop(loc, name, ExprContext::Load)?;
            self.addop_i(add, 1, loc)?;
        }
        if tuple {
            self.addop_i(op::CALL_INTRINSIC_1, Intrinsic1::ListToTuple.oparg(), loc)?;
        }
        Ok(())
    }

    /// `unpack_helper`.
    fn unpack_helper(&mut self, loc: Loc, elts: &[Expr]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if e.is_starred() && !seen_star {
                if i >= (1 << 8) || n - i > (i32::MAX >> 8) as usize {
                    return Err(
                        self.error(loc, "too many expressions in star-unpacking assignment")
                    );
                }
                self.addop_i(op::UNPACK_EX, i + ((n - i - 1) << 8), loc)?;
                seen_star = true;
            } else if e.is_starred() {
                return Err(self.error(loc, "multiple starred expressions in assignment"));
            }
        }
        if !seen_star {
            self.addop_i(op::UNPACK_SEQUENCE, n, loc)?;
        }
        Ok(())
    }

    /// `assignment_helper`: unpack into the targets of a tuple or list.
    fn assignment_helper(&mut self, loc: Loc, elts: &'ast [Expr]) -> R {
        self.unpack_helper(loc, elts)?;
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    /// `codegen_subdict`.
    fn codegen_subdict(
        &mut self,
        loc: Loc,
        keys: &'ast [Option<Expr>],
        values: &'ast [Expr],
        begin: usize,
        end: usize,
    ) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.addop_i(op::BUILD_MAP, 0, loc)?;
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&values[i])?;
            if big {
                self.addop_i(op::MAP_ADD, 1, loc)?;
            }
        }
        if !big {
            self.addop_i(op::BUILD_MAP, n, loc)?;
        }
        Ok(())
    }

    /// `codegen_dict`.
    fn codegen_dict(&mut self, loc: Loc, keys: &'ast [Option<Expr>], values: &'ast [Expr]) -> R {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.codegen_subdict(loc, keys, values, i - elements, i)?;
                    if have_dict {
                        self.addop_i(op::DICT_UPDATE, 1, loc)?;
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.addop_i(op::BUILD_MAP, 0, loc)?;
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.addop_i(op::DICT_UPDATE, 1, loc)?;
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.codegen_subdict(loc, keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.addop_i(op::DICT_UPDATE, 1, loc)?;
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.codegen_subdict(loc, keys, values, n - elements, n)?;
            if have_dict {
                self.addop_i(op::DICT_UPDATE, 1, loc)?;
            }
            have_dict = true;
        }
        if !have_dict {
            self.addop_i(op::BUILD_MAP, 0, loc)?;
        }
        Ok(())
    }

    /// `codegen_check_compare`: SyntaxWarning for `is` with a literal.
    fn check_compare(&mut self, e: &Expr, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let mut left_ok = check_is_arg(left);
        let mut left_expr = left;
        for (o, right_expr) in ops.iter().zip(comparators) {
            let right_ok = check_is_arg(right_expr);
            if matches!(o, CmpOp::Is | CmpOp::IsNot) && (!right_ok || !left_ok) {
                let literal = if !left_ok { left_expr } else { right_expr };
                let ty = infer_type(literal).unwrap_or("object");
                let msg = if *o == CmpOp::Is {
                    format!("\"is\" with '{ty}' literal. Did you mean \"==\"?")
                } else {
                    format!("\"is not\" with '{ty}' literal. Did you mean \"!=\"?")
                };
                self.warn(e.loc, msg);
                return;
            }
            left_ok = right_ok;
            left_expr = right_expr;
        }
    }

    /// `codegen_addcompare`.
    pub fn addcompare(&mut self, loc: Loc, o: CmpOp) -> R {
        match o {
            CmpOp::Is => self.addop_i(op::IS_OP, 0, loc),
            CmpOp::IsNot => self.addop_i(op::IS_OP, 1, loc),
            CmpOp::In => self.addop_i(op::CONTAINS_OP, 0, loc),
            CmpOp::NotIn => self.addop_i(op::CONTAINS_OP, 1, loc),
            _ => {
                let cmp = compare_op(o).unwrap_or(CompareOp::Eq);
                self.addop_i(op::COMPARE_OP, cmp.oparg(false), loc)
            }
        }
    }

    /// `codegen_compare`.
    fn codegen_compare(
        &mut self,
        e: &'ast Expr,
        left: &'ast Expr,
        ops: &[CmpOp],
        comparators: &'ast [Expr],
    ) -> R {
        let loc = e.loc;
        self.check_compare(e, left, ops, comparators);
        self.visit_expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.visit_expr(&comparators[0])?;
            return self.addcompare(loc, ops[0]);
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.visit_expr(&comparators[i])?;
            self.addop_i(op::SWAP, 2, loc)?;
            self.addop_i(op::COPY, 2, loc)?;
            self.addcompare(loc, ops[i])?;
            self.addop_i(op::COPY, 1, loc)?;
            self.addop(op::TO_BOOL, loc);
            self.addop_j(op::POP_JUMP_IF_FALSE, cleanup, loc);
            self.addop(op::POP_TOP, loc);
        }
        self.visit_expr(&comparators[n])?;
        self.addcompare(loc, ops[n])?;
        let end = self.new_label();
        self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
        self.use_label(cleanup);
        self.addop_i(op::SWAP, 2, loc)?;
        self.addop(op::POP_TOP, loc);
        self.use_label(end);
        Ok(())
    }

    /// `codegen_jump_if`: jump to `next` if `e` is (`cond`) true, without
    /// materializing the value when the shape of `e` allows. (`loc` is
    /// only passed down, as in CPython.)
    #[allow(clippy::only_used_in_recursion)]
    pub fn jump_if(&mut self, loc: Loc, e: &'ast Expr, next: Label, cond: bool) -> R {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(loc, operand, next, !cond),
            ExprKind::BoolOp { op: bop, values } => {
                let cond2 = *bop == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    next
                };
                let Some((last, rest)) = values.split_last() else {
                    return Err(CompileError::system("empty boolean operation"));
                };
                for v in rest {
                    self.jump_if(loc, v, next2, cond2)?;
                }
                self.jump_if(loc, last, next, cond)?;
                if next2 != next {
                    self.use_label(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(loc, test, next2, false)?;
                self.jump_if(loc, body, next, cond)?;
                self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
                self.use_label(next2);
                self.jump_if(loc, orelse, next, cond)?;
                self.use_label(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                let n = ops.len() - 1;
                self.check_compare(e, left, ops, comparators);
                let cleanup = self.new_label();
                self.visit_expr(left)?;
                for i in 0..n {
                    self.visit_expr(&comparators[i])?;
                    self.addop_i(op::SWAP, 2, e.loc)?;
                    self.addop_i(op::COPY, 2, e.loc)?;
                    self.addcompare(e.loc, ops[i])?;
                    self.addop(op::TO_BOOL, e.loc);
                    self.addop_j(op::POP_JUMP_IF_FALSE, cleanup, e.loc);
                }
                self.visit_expr(&comparators[n])?;
                self.addcompare(e.loc, ops[n])?;
                self.addop(op::TO_BOOL, e.loc);
                let j = if cond {
                    op::POP_JUMP_IF_TRUE
                } else {
                    op::POP_JUMP_IF_FALSE
                };
                self.addop_j(j, next, e.loc);
                let end = self.new_label();
                self.addop_j(pseudo::JUMP_NO_INTERRUPT, end, Loc::NONE);
                self.use_label(cleanup);
                self.addop(op::POP_TOP, e.loc);
                if !cond {
                    self.addop_j(pseudo::JUMP_NO_INTERRUPT, next, Loc::NONE);
                }
                self.use_label(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.addop(op::TO_BOOL, e.loc);
        let j = if cond {
            op::POP_JUMP_IF_TRUE
        } else {
            op::POP_JUMP_IF_FALSE
        };
        self.addop_j(j, next, e.loc);
        Ok(())
    }

    /// `check_subscripter`: SyntaxWarning for `1[...]`-style mistakes.
    fn check_subscripter(&mut self, e: &Expr) {
        let warn = match &e.kind {
            ExprKind::Constant(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Bool(_)
                    | Constant::Int(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            ExprKind::Set(_)
            | ExprKind::SetComp(_)
            | ExprKind::GeneratorExp(_)
            | ExprKind::Lambda(_) => true,
            _ => false,
        };
        if warn {
            let ty = infer_type(e).unwrap_or("object");
            self.warn(
                e.loc,
                format!("'{ty}' object is not subscriptable; perhaps you missed a comma?"),
            );
        }
    }

    /// `check_index`: SyntaxWarning for `"abc"["x"]`-style mistakes.
    fn check_index(&mut self, e: &Expr, s: &Expr) {
        let Some(index_type) = infer_type(s) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let warn = match &e.kind {
            ExprKind::Constant(c) => {
                matches!(
                    c,
                    Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
                )
            }
            ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::ListComp(_)
            | ExprKind::JoinedStr(_)
            | ExprKind::TemplateStr(_)
            | ExprKind::FormattedValue { .. }
            | ExprKind::Interpolation { .. } => true,
            _ => false,
        };
        if warn {
            let ty = infer_type(e).unwrap_or("object");
            self.warn(
                e.loc,
                format!(
                    "{ty} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
                ),
            );
        }
    }

    /// `codegen_subscript`.
    fn codegen_subscript(
        &mut self,
        e: &'ast Expr,
        value: &'ast Expr,
        slice: &'ast Expr,
        ctx: ExprContext,
    ) -> R {
        let loc = e.loc;
        if ctx == ExprContext::Load {
            self.check_subscripter(value);
            self.check_index(value, slice);
        }
        self.visit_expr(value)?;
        if should_apply_two_element_slice_optimization(slice) && ctx != ExprContext::Del {
            self.slice_two_parts(slice)?;
            if ctx == ExprContext::Load {
                self.addop(op::BINARY_SLICE, loc);
            } else {
                self.addop(op::STORE_SLICE, loc);
            }
        } else {
            self.visit_expr(slice)?;
            match ctx {
                ExprContext::Load => self.addop_i(op::BINARY_OP, BinaryOp::Subscr.oparg(), loc)?,
                ExprContext::Store => self.addop(op::STORE_SUBSCR, loc),
                ExprContext::Del => self.addop(op::DELETE_SUBSCR, loc),
            }
        }
        Ok(())
    }

    /// `codegen_slice_two_parts`.
    pub fn slice_two_parts(&mut self, s: &'ast Expr) -> R {
        let ExprKind::Slice { lower, upper, .. } = &s.kind else {
            return Err(CompileError::system("slice expected"));
        };
        match lower {
            Some(l) => self.visit_expr(l)?,
            None => self.load_none(s.loc)?,
        }
        match upper {
            Some(u) => self.visit_expr(u)?,
            None => self.load_none(s.loc)?,
        }
        Ok(())
    }

    /// `codegen_slice`: a constant slice object, or `BUILD_SLICE`.
    fn codegen_slice(&mut self, s: &'ast Expr) -> R {
        let ExprKind::Slice { lower, upper, step } = &s.kind else {
            return Err(CompileError::system("slice expected"));
        };
        let parts = [lower, upper, step];
        if parts
            .iter()
            .all(|p| p.as_ref().is_none_or(|e| e.is_constant()))
        {
            let mut objs = Vec::with_capacity(3);
            for p in parts {
                objs.push(match p.as_ref().and_then(|e| e.constant()) {
                    Some(c) => self.constant_obj(c)?,
                    None => Obj::none(),
                });
            }
            let [start, stop, stp] =
                <[Obj; 3]>::try_from(objs).map_err(|_| CompileError::system("slice parts"))?;
            return self.load_const(slice::new_slice(start, stop, stp), s.loc);
        }
        self.slice_two_parts(s)?;
        let mut n = 2;
        if let Some(st) = step {
            n += 1;
            self.visit_expr(st)?;
        }
        self.addop_i(op::BUILD_SLICE, n, s.loc)
    }

    /// `codegen_joined_str`: an f-string.
    fn codegen_joined_str(&mut self, loc: Loc, values: &'ast [Expr]) -> R {
        let n = values.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const_str("", loc)?;
            self.addop_name(NameOp::LoadMethod, "join", Dict::Names, loc)?;
            self.addop_i(op::BUILD_LIST, 0, loc)?;
            for v in values {
                self.visit_expr(v)?;
                self.addop_i(op::LIST_APPEND, 1, loc)?;
            }
            return self.addop_i(op::CALL, 1, loc);
        }
        for v in values {
            self.visit_expr(v)?;
        }
        if n > 1 {
            self.addop_i(op::BUILD_STRING, n, loc)?;
        } else if n == 0 {
            self.load_const_str("", loc)?;
        }
        Ok(())
    }

    /// `codegen_template_str`: a t-string's strings, then its
    /// interpolations, then `BUILD_TEMPLATE`.
    fn codegen_template_str(&mut self, loc: Loc, values: &'ast [Expr]) -> R {
        let is_interp = |e: &Expr| matches!(e.kind, ExprKind::Interpolation { .. });
        let mut last_was_interpolation = true;
        let mut stringslen = 0;
        let mut i = 0;
        while i < values.len() {
            if is_interp(&values[i]) {
                if last_was_interpolation {
                    self.load_const_str("", loc)?;
                    stringslen += 1;
                }
                last_was_interpolation = true;
                i += 1;
            } else {
                self.visit_expr(&values[i])?;
                let mut j = i + 1;
                while j < values.len() && !is_interp(&values[j]) {
                    self.visit_expr(&values[j])?;
                    self.addop_binary(loc, Operator::Add, true)?;
                    j += 1;
                }
                i = j;
                stringslen += 1;
                last_was_interpolation = false;
            }
        }
        if last_was_interpolation {
            self.load_const_str("", loc)?;
            stringslen += 1;
        }
        self.addop_i(op::BUILD_TUPLE, stringslen, loc)?;
        let mut interpolationslen = 0;
        for v in values {
            if is_interp(v) {
                self.visit_expr(v)?;
                interpolationslen += 1;
            }
        }
        self.addop_i(op::BUILD_TUPLE, interpolationslen, loc)?;
        self.addop(op::BUILD_TEMPLATE, loc);
        Ok(())
    }
}

/// `FVC_STR`, `FVC_REPR`, `FVC_ASCII` for `!s`, `!r`, `!a`.
fn conversion_oparg(c: i32) -> R<u32> {
    match u8::try_from(c).ok() {
        Some(b's') => Ok(1),
        Some(b'r') => Ok(2),
        Some(b'a') => Ok(3),
        _ => Err(CompileError::system(format!(
            "Unrecognized conversion character {c}"
        ))),
    }
}
