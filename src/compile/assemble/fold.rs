//! Constant folding in the flow graph (3.14 moved it here from the AST
//! optimiser): tuples, lists and sets of constants, binary and unary
//! operators on constants with CPython's size guards, `LOAD_CONST` +
//! `TO_BOOL` / conditional jump / `IS_OP None`, and the list-to-tuple
//! intrinsic. A port of the folding functions of `Python/flowgraph.c`.
//!
//! The operators run with Python semantics through the Vm's protocols on
//! the constant objects; an operation that raises is simply not folded
//! (the error is dropped), except `KeyboardInterrupt`, which propagates as
//! in CPython.

use super::cfg::CfgInstr;
use super::ops::*;
use crate::compile::consts::ConstPool;
use crate::compile::location::Location;
use crate::objects::bytes::{BYTES_TYPE, BytesObject};
use crate::objects::exceptions as exc;
use crate::objects::int::{int_ref, is_exact_int, is_int, new_int};
use crate::objects::set::{FROZENSET_TYPE, empty_set_of, set_obj};
use crate::objects::str::{STR_TYPE, StrObject};
use crate::objects::tuple::{TUPLE_TYPE, new_tuple, tuple_items};
use crate::objects::typeobject::NbOp;
use crate::objects::{Obj, PyErr, PyResult, Vm};
use crate::opcode::{self, BinaryOp};

/// `MAX_INT_SIZE`: bits.
const MAX_INT_SIZE: u64 = 128;
/// `MAX_COLLECTION_SIZE`: items.
const MAX_COLLECTION_SIZE: i64 = 256;
/// `MAX_STR_SIZE`: characters (or bytes).
const MAX_STR_SIZE: i64 = 4096;
/// `MAX_TOTAL_ITEMS`: items, nested collections included.
const MAX_TOTAL_ITEMS: i64 = 1024;
/// `MIN_CONST_SEQUENCE_SIZE`.
const MIN_CONST_SEQUENCE_SIZE: i32 = 3;

/// `loads_const`.
pub(crate) fn loads_const(op: u16) -> bool {
    opcode::has_const(op) || op == LOAD_SMALL_INT
}

/// `get_const_value`: the object a constant-loading instruction pushes.
pub(crate) fn get_const_value(
    vm: &mut Vm,
    op: u16,
    oparg: i32,
    consts: &ConstPool,
) -> PyResult<Obj> {
    if op == LOAD_SMALL_INT {
        return Ok(new_int(i64::from(oparg)));
    }
    let constant = if op == LOAD_CONST {
        usize::try_from(oparg)
            .ok()
            .and_then(|i| consts.items().get(i))
            .cloned()
    } else {
        None
    };
    constant.ok_or_else(|| vm.system_error("Internal error: failed to get value of a constant"))
}

/// `maybe_instr_make_load_smallint`: `LOAD_SMALL_INT` for an exact int
/// in 0..256.
pub(crate) fn maybe_make_load_smallint(instr: &mut CfgInstr, newconst: &Obj) -> bool {
    if is_exact_int(newconst)
        && let Some(v) = int_ref(newconst).and_then(|i| i.to_i64())
        && (0..256).contains(&v)
    {
        instr.set_op1(LOAD_SMALL_INT, v as i32);
        return true;
    }
    false
}

/// `add_const`: the index of `newconst` in the constants, appending it
/// when new.
pub(crate) fn add_const(vm: &mut Vm, newconst: Obj, consts: &mut ConstPool) -> PyResult<i32> {
    let index = consts.add(newconst);
    i32::try_from(index)
        .ok()
        .filter(|&i| i < i32::MAX - 1)
        .ok_or_else(|| vm.overflow_error("too many constants"))
}

/// `instr_make_load_const`.
fn make_load_const(
    vm: &mut Vm,
    instr: &mut CfgInstr,
    newconst: Obj,
    consts: &mut ConstPool,
) -> PyResult<()> {
    if maybe_make_load_smallint(instr, &newconst) {
        return Ok(());
    }
    let index = add_const(vm, newconst, consts)?;
    instr.set_op1(LOAD_CONST, index);
    Ok(())
}

/// `get_const_loading_instrs`: walking back from `start` over NOPs, the
/// indices of the `size` constant loads that end there, in order.
fn const_loading_instrs(instrs: &[CfgInstr], start: isize, size: i32) -> Option<Vec<usize>> {
    let mut remaining = usize::try_from(size).ok()?;
    let mut out = vec![0; remaining];
    let mut pos = start;
    while pos >= 0 && remaining > 0 {
        let instr = instrs.get(pos as usize)?;
        if instr.opcode != NOP {
            if !loads_const(instr.opcode) {
                return None;
            }
            remaining -= 1;
            out[remaining] = pos as usize;
        }
        pos -= 1;
    }
    (remaining == 0).then_some(out)
}

/// `nop_out`: NOPs without location.
fn nop_out(instrs: &mut [CfgInstr], idx: &[usize]) {
    for &i in idx {
        instrs[i].set_op0(NOP);
        instrs[i].loc = Location::NONE;
    }
}

fn const_values(
    vm: &mut Vm,
    instrs: &[CfgInstr],
    idx: &[usize],
    consts: &ConstPool,
) -> PyResult<Vec<Obj>> {
    idx.iter()
        .map(|&i| get_const_value(vm, instrs[i].opcode, instrs[i].oparg, consts))
        .collect()
}

/// Whether a failed fold must propagate (CPython lets only
/// `KeyboardInterrupt` through).
fn must_propagate(e: &PyErr) -> bool {
    e.value().class().is_subtype(&exc::KEYBOARD_INTERRUPT)
}

/// `fold_tuple_of_constants`: `LOAD_CONST c1 .. LOAD_CONST cn BUILD_TUPLE n`
/// becomes `LOAD_CONST (c1, .., cn)`.
pub(crate) fn fold_tuple_of_constants(
    vm: &mut Vm,
    instrs: &mut [CfgInstr],
    i: usize,
    consts: &mut ConstPool,
) -> PyResult<()> {
    let seq_size = instrs[i].oparg;
    if seq_size > STACK_USE_GUIDELINE {
        return Ok(());
    }
    let Some(idx) = const_loading_instrs(instrs, i as isize - 1, seq_size) else {
        return Ok(());
    };
    let items = const_values(vm, instrs, &idx, consts)?;
    nop_out(instrs, &idx);
    make_load_const(vm, &mut instrs[i], new_tuple(items), consts)
}

/// `fold_constant_intrinsic_list_to_tuple`: `BUILD_LIST 0`, then
/// `LOAD_CONST c; LIST_APPEND 1` pairs, then the list-to-tuple intrinsic,
/// becomes one tuple constant.
pub(crate) fn fold_intrinsic_list_to_tuple(
    vm: &mut Vm,
    instrs: &mut [CfgInstr],
    i: usize,
    consts: &mut ConstPool,
) -> PyResult<()> {
    let mut consts_found = 0usize;
    let mut expect_append = true;
    for pos in (0..i).rev() {
        let CfgInstr { opcode, oparg, .. } = instrs[pos];
        if opcode == NOP {
            continue;
        }
        if opcode == BUILD_LIST && oparg == 0 {
            if !expect_append {
                return Ok(());
            }
            let mut items = Vec::with_capacity(consts_found);
            for newpos in (pos..i).rev() {
                let instr = instrs[newpos];
                if instr.opcode == NOP {
                    continue;
                }
                if loads_const(instr.opcode) {
                    items.push(get_const_value(vm, instr.opcode, instr.oparg, consts)?);
                }
                nop_out(instrs, &[newpos]);
            }
            items.reverse();
            return make_load_const(vm, &mut instrs[i], new_tuple(items), consts);
        }
        if expect_append {
            if opcode != LIST_APPEND || oparg != 1 {
                return Ok(());
            }
        } else {
            if !loads_const(opcode) {
                return Ok(());
            }
            consts_found += 1;
        }
        expect_append = !expect_append;
    }
    Ok(())
}

/// `optimize_lists_and_sets`: a list or set of constants iterated or
/// tested with `in` becomes a tuple or frozenset constant (a list of
/// non-constants iterated becomes a tuple); a literal of at least three
/// constants is built from one tuple/frozenset constant with
/// `LIST_EXTEND`/`SET_UPDATE`.
pub(crate) fn optimize_lists_and_sets(
    vm: &mut Vm,
    instrs: &mut [CfgInstr],
    i: usize,
    nextop: u16,
    consts: &mut ConstPool,
) -> PyResult<()> {
    let build = instrs[i].opcode;
    let contains_or_iter = nextop == GET_ITER || nextop == CONTAINS_OP;
    let seq_size = instrs[i].oparg;
    if seq_size > STACK_USE_GUIDELINE || (seq_size < MIN_CONST_SEQUENCE_SIZE && !contains_or_iter) {
        return Ok(());
    }
    let Some(idx) = const_loading_instrs(instrs, i as isize - 1, seq_size) else {
        if contains_or_iter && build == BUILD_LIST {
            instrs[i].set_op1(BUILD_TUPLE, seq_size);
        }
        return Ok(());
    };
    let items = const_values(vm, instrs, &idx, consts)?;
    let result = if build == BUILD_SET {
        let s = empty_set_of(&FROZENSET_TYPE);
        for item in items {
            set_obj(&s).add(vm, item)?;
        }
        s
    } else {
        new_tuple(items)
    };
    let index = add_const(vm, result, consts)?;
    nop_out(instrs, &idx);
    if contains_or_iter {
        instrs[i].set_op1(LOAD_CONST, index);
    } else if i >= 2 {
        instrs[i - 2].loc = instrs[i].loc;
        instrs[i - 2].set_op1(build, 0);
        instrs[i - 1].set_op1(LOAD_CONST, index);
        let extend = if build == BUILD_LIST {
            LIST_EXTEND
        } else {
            SET_UPDATE
        };
        instrs[i].set_op1(extend, 1);
    }
    Ok(())
}

/// `_PyLong_NumBits`: the bit length of an int's magnitude.
fn num_bits(o: &Obj) -> u64 {
    int_ref(o).map_or(0, |i| i.to_bigint().bits())
}

fn int_is_zero(o: &Obj) -> bool {
    int_ref(o).is_some_and(|i| i.is_zero())
}

fn is_tuple(o: &Obj) -> bool {
    o.class().is_subtype(&TUPLE_TYPE)
}

fn is_str(o: &Obj) -> bool {
    o.class().is_subtype(&STR_TYPE)
}

fn is_bytes(o: &Obj) -> bool {
    o.class().is_subtype(&BYTES_TYPE)
}

/// The length CPython's guards use: items, code points or bytes.
fn seq_len(o: &Obj) -> i64 {
    if let Some(items) = tuple_items(o) {
        return items.len() as i64;
    }
    if let Some(s) = o.downcast::<StrObject>() {
        return s.char_len() as i64;
    }
    o.downcast::<BytesObject>()
        .map_or(0, |b| b.as_bytes().len() as i64)
}

/// `PyLong_AsLong`; `None` where it would overflow (CPython then fails
/// the fold).
fn as_long(o: &Obj) -> Option<i64> {
    int_ref(o).and_then(|i| i.to_i64())
}

/// `PyLong_AsSize_t`; `None` for negative or huge values.
fn as_size_t(o: &Obj) -> Option<u64> {
    int_ref(o).and_then(|i| {
        use num_traits::ToPrimitive;
        i.to_bigint().to_u64()
    })
}

/// `const_folding_check_complexity`: whether the items of `obj` and of
/// the tuples nested in it number more than `limit` (checked without
/// recursion).
fn exceeds_complexity(obj: &Obj, limit: i64) -> bool {
    let mut total: i64 = 0;
    let mut work = vec![obj.clone()];
    while let Some(o) = work.pop() {
        if let Some(items) = tuple_items(&o) {
            total += items.len() as i64;
            if total > limit {
                return true;
            }
            work.extend(items.iter().cloned());
        }
    }
    false
}

/// `const_folding_safe_multiply`. `Ok(None)`: declined.
fn safe_multiply(vm: &mut Vm, v: &Obj, w: &Obj) -> PyResult<Option<Obj>> {
    if is_int(v) && is_int(w) && !int_is_zero(v) && !int_is_zero(w) {
        if num_bits(v) + num_bits(w) > MAX_INT_SIZE {
            return Ok(None);
        }
    } else if is_int(v) && is_tuple(w) {
        let size = seq_len(w);
        if size != 0 {
            let Some(n) = as_long(v) else {
                return Ok(None);
            };
            if n < 0 || n > MAX_COLLECTION_SIZE / size {
                return Ok(None);
            }
            if n != 0 && exceeds_complexity(w, MAX_TOTAL_ITEMS / n) {
                return Ok(None);
            }
        }
    } else if is_int(v) && (is_str(w) || is_bytes(w)) {
        let size = seq_len(w);
        if size != 0 {
            let Some(n) = as_long(v) else {
                return Ok(None);
            };
            if n < 0 || n > MAX_STR_SIZE / size {
                return Ok(None);
            }
        }
    } else if is_int(w) && (is_tuple(v) || is_str(v) || is_bytes(v)) {
        return safe_multiply(vm, w, v);
    }
    vm.binary_op(v, w, NbOp::Multiply).map(Some)
}

/// `const_folding_safe_power`.
fn safe_power(vm: &mut Vm, v: &Obj, w: &Obj) -> PyResult<Option<Obj>> {
    if is_int(v)
        && is_int(w)
        && !int_is_zero(v)
        && int_ref(w).is_some_and(|i| !i.is_zero() && !i.is_negative())
    {
        let vbits = num_bits(v);
        let Some(wbits) = as_size_t(w) else {
            return Ok(None);
        };
        if vbits > MAX_INT_SIZE / wbits {
            return Ok(None);
        }
    }
    vm.power(v, w, &Obj::none()).map(Some)
}

/// `const_folding_safe_lshift`.
fn safe_lshift(vm: &mut Vm, v: &Obj, w: &Obj) -> PyResult<Option<Obj>> {
    if is_int(v) && is_int(w) && !int_is_zero(v) && !int_is_zero(w) {
        let vbits = num_bits(v);
        let Some(wbits) = as_size_t(w) else {
            return Ok(None);
        };
        if wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits {
            return Ok(None);
        }
    }
    vm.binary_op(v, w, NbOp::Lshift).map(Some)
}

/// `const_folding_safe_mod`: never folds `%`-formatting.
fn safe_mod(vm: &mut Vm, v: &Obj, w: &Obj) -> PyResult<Option<Obj>> {
    if is_str(v) || is_bytes(v) {
        return Ok(None);
    }
    vm.binary_op(v, w, NbOp::Remainder).map(Some)
}

/// `eval_const_binop`.
fn eval_const_binop(vm: &mut Vm, left: &Obj, op: i32, right: &Obj) -> PyResult<Option<Obj>> {
    let Some(op) = u32::try_from(op).ok().and_then(BinaryOp::from_oparg) else {
        return Ok(None);
    };
    let plain = |vm: &mut Vm, nb: NbOp| vm.binary_op(left, right, nb).map(Some);
    match op {
        BinaryOp::Add => plain(vm, NbOp::Add),
        BinaryOp::Subtract => plain(vm, NbOp::Subtract),
        BinaryOp::Multiply => safe_multiply(vm, left, right),
        BinaryOp::TrueDivide => plain(vm, NbOp::TrueDivide),
        BinaryOp::FloorDivide => plain(vm, NbOp::FloorDivide),
        BinaryOp::Remainder => safe_mod(vm, left, right),
        BinaryOp::Power => safe_power(vm, left, right),
        BinaryOp::Lshift => safe_lshift(vm, left, right),
        BinaryOp::Rshift => plain(vm, NbOp::Rshift),
        BinaryOp::Or => plain(vm, NbOp::Or),
        BinaryOp::Xor => plain(vm, NbOp::Xor),
        BinaryOp::And => plain(vm, NbOp::And),
        BinaryOp::Subscr => vm.getitem(left, right).map(Some),
        // No constant implements `@`; in-place operators never have two
        // constant operands.
        _ => Ok(None),
    }
}

/// Keeps the folded value, or `None` when the fold was declined or
/// raised (anything but KeyboardInterrupt is dropped).
fn folded(result: PyResult<Option<Obj>>) -> PyResult<Option<Obj>> {
    match result {
        Ok(v) => Ok(v),
        Err(e) if must_propagate(&e) => Err(e),
        Err(_) => Ok(None),
    }
}

/// `fold_const_binop`: `LOAD_CONST a; LOAD_CONST b; BINARY_OP op`.
pub(crate) fn fold_const_binop(
    vm: &mut Vm,
    instrs: &mut [CfgInstr],
    i: usize,
    consts: &mut ConstPool,
) -> PyResult<()> {
    let Some(idx) = const_loading_instrs(instrs, i as isize - 1, 2) else {
        return Ok(());
    };
    let operands = const_values(vm, instrs, &idx, consts)?;
    let result = eval_const_binop(vm, &operands[0], instrs[i].oparg, &operands[1]);
    let Some(newconst) = folded(result)? else {
        return Ok(());
    };
    nop_out(instrs, &idx);
    make_load_const(vm, &mut instrs[i], newconst, consts)
}

/// `eval_const_unaryop`.
fn eval_const_unaryop(vm: &mut Vm, operand: &Obj, op: u16, oparg: i32) -> PyResult<Option<Obj>> {
    Ok(Some(match op {
        UNARY_NEGATIVE => vm.negative(operand)?,
        // `~` on a bool is deprecated and warns when it runs; CPython
        // leaves it to run time rather than warn while compiling (gh-134280).
        UNARY_INVERT if std::ptr::eq(operand.class(), &crate::objects::bool_::BOOL_TYPE) => {
            return Ok(None);
        }
        UNARY_INVERT => vm.invert(operand)?,
        UNARY_NOT => crate::objects::bool_::new_bool(!vm.is_true(operand)?),
        CALL_INTRINSIC_1 if oparg == INTRINSIC_UNARY_POSITIVE => vm.positive(operand)?,
        _ => return Ok(None),
    }))
}

/// `fold_const_unaryop`: `LOAD_CONST a` then `-`, `~`, `not` or unary `+`.
pub(crate) fn fold_const_unaryop(
    vm: &mut Vm,
    instrs: &mut [CfgInstr],
    i: usize,
    consts: &mut ConstPool,
) -> PyResult<()> {
    let Some(idx) = const_loading_instrs(instrs, i as isize - 1, 1) else {
        return Ok(());
    };
    let operand = const_values(vm, instrs, &idx, consts)?;
    let result = eval_const_unaryop(vm, &operand[0], instrs[i].opcode, instrs[i].oparg);
    let Some(newconst) = folded(result)? else {
        return Ok(());
    };
    nop_out(instrs, &idx);
    make_load_const(vm, &mut instrs[i], newconst, consts)
}

/// `basicblock_optimize_load_const`: small ints become `LOAD_SMALL_INT`;
/// a constant followed by a conditional jump, `IS_OP` against None or
/// `TO_BOOL` is resolved at compile time.
pub(crate) fn optimize_load_const_block(
    vm: &mut Vm,
    instrs: &mut [CfgInstr],
    consts: &mut ConstPool,
) -> PyResult<()> {
    let mut opcode = 0u16;
    let mut oparg = 0i32;
    let n = instrs.len();
    for i in 0..n {
        if instrs[i].opcode == LOAD_CONST {
            let constant = get_const_value(vm, LOAD_CONST, instrs[i].oparg, consts)?;
            maybe_make_load_smallint(&mut instrs[i], &constant);
        }
        let inst = instrs[i];
        let is_copy_of_load_const = opcode == LOAD_CONST && inst.opcode == COPY && inst.oparg == 1;
        if !is_copy_of_load_const {
            opcode = inst.opcode;
            oparg = inst.oparg;
        }
        if opcode != LOAD_CONST && opcode != LOAD_SMALL_INT {
            continue;
        }
        let nextop = if i + 1 < n { instrs[i + 1].opcode } else { 0 };
        match nextop {
            POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | JUMP_IF_FALSE | JUMP_IF_TRUE => {
                let cnt = get_const_value(vm, opcode, oparg, consts)?;
                let is_true = vm.is_true(&cnt)?;
                if nextop == POP_JUMP_IF_FALSE || nextop == POP_JUMP_IF_TRUE {
                    instrs[i].set_op0(NOP);
                }
                let jump_if_true = nextop == POP_JUMP_IF_TRUE || nextop == JUMP_IF_TRUE;
                if is_true == jump_if_true {
                    instrs[i + 1].opcode = JUMP;
                } else {
                    instrs[i + 1].set_op0(NOP);
                }
            }
            IS_OP => {
                let cnt = get_const_value(vm, opcode, oparg, consts)?;
                if !cnt.is_none() || n <= i + 2 {
                    continue;
                }
                let mut jump = i + 2;
                if instrs[jump].opcode == TO_BOOL {
                    instrs[jump].set_op0(NOP);
                    if n <= i + 3 {
                        continue;
                    }
                    jump = i + 3;
                }
                let mut invert = instrs[i + 1].oparg != 0;
                if instrs[jump].opcode == POP_JUMP_IF_FALSE {
                    invert = !invert;
                } else if instrs[jump].opcode != POP_JUMP_IF_TRUE {
                    continue;
                }
                instrs[i].set_op0(NOP);
                instrs[i + 1].set_op0(NOP);
                instrs[jump].opcode = if invert {
                    POP_JUMP_IF_NOT_NONE
                } else {
                    POP_JUMP_IF_NONE
                };
            }
            TO_BOOL => {
                let cnt = get_const_value(vm, opcode, oparg, consts)?;
                let is_true = vm.is_true(&cnt)?;
                let index = add_const(vm, crate::objects::bool_::new_bool(is_true), consts)?;
                instrs[i].set_op0(NOP);
                instrs[i + 1].set_op1(LOAD_CONST, index);
            }
            _ => {}
        }
    }
    Ok(())
}
