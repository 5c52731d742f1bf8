//! The verifier accepts what CPython's compiler writes and rejects each
//! kind of broken bytecode with a message saying where.

use super::verify;
use crate::api::{Config, Interpreter};
use crate::objects::code::{CodeObject, CodeParts};
use crate::objects::tuple::new_tuple;
use crate::objects::{Obj, int};
use crate::opcode::op;

/// Builds a code object from `(opcode, oparg)` pairs (inline caches must
/// be written out as CACHE units), with `nconsts` int constants and
/// `nlocals` locals.
fn build(
    interp: &mut Interpreter,
    units: &[(u8, u8)],
    nconsts: usize,
    nlocals: usize,
    stacksize: u32,
    exceptiontable: Vec<u8>,
) -> Obj {
    let vm = interp.vm();
    let consts = (0..nconsts).map(|i| int::new_int(i as i64)).collect();
    let locals = (0..nlocals).map(|i| vm.new_str(&format!("v{i}"))).collect();
    let parts = CodeParts {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize,
        flags: 0,
        firstlineno: 1,
        code: units.iter().flat_map(|&(o, a)| [o, a]).collect(),
        consts: new_tuple(consts),
        names: new_tuple(vec![]),
        localsplusnames: new_tuple(locals),
        localspluskinds: vec![0x20; nlocals],
        filename: vm.new_str("<test>"),
        name: vm.new_str("f"),
        qualname: vm.new_str("f"),
        linetable: vec![],
        exceptiontable,
    };
    CodeObject::create(parts).expect("consistent fields")
}

fn check(units: &[(u8, u8)], nconsts: usize, nlocals: usize, stacksize: u32) -> Result<(), String> {
    check_with_table(units, nconsts, nlocals, stacksize, vec![])
}

fn check_with_table(
    units: &[(u8, u8)],
    nconsts: usize,
    nlocals: usize,
    stacksize: u32,
    table: Vec<u8>,
) -> Result<(), String> {
    let mut interp = Interpreter::new(Config::default());
    let code = build(&mut interp, units, nconsts, nlocals, stacksize, table);
    verify(code.downcast::<CodeObject>().expect("code"))
}

fn rejects(result: Result<(), String>, needle: &str) {
    match result {
        Ok(()) => panic!("accepted; expected an error mentioning {needle:?}"),
        Err(e) => assert!(e.contains(needle), "{e:?} does not mention {needle:?}"),
    }
}

const RETURN_CONST_0: [(u8, u8); 2] = [(op::LOAD_CONST, 0), (op::RETURN_VALUE, 0)];

#[test]
fn accepts_straight_line_code() {
    let mut units = vec![(op::RESUME, 0)];
    units.extend(RETURN_CONST_0);
    assert_eq!(check(&units, 1, 0, 1), Ok(()));
}

#[test]
fn rejects_indices_out_of_range() {
    rejects(
        check(
            &[(op::RESUME, 0), (op::LOAD_CONST, 3), (op::RETURN_VALUE, 0)],
            1,
            0,
            1,
        ),
        "constant",
    );
    rejects(
        check(
            &[(op::RESUME, 0), (op::LOAD_FAST, 2), (op::RETURN_VALUE, 0)],
            1,
            1,
            1,
        ),
        "local",
    );
    rejects(
        check(
            &[(op::RESUME, 0), (op::LOAD_NAME, 0), (op::RETURN_VALUE, 0)],
            1,
            0,
            1,
        ),
        "name",
    );
}

#[test]
fn rejects_stack_underflow_and_overflow() {
    rejects(check(&[(op::RESUME, 0), (op::POP_TOP, 0)], 1, 0, 1), "pops");
    rejects(
        check(
            &[
                (op::LOAD_CONST, 0),
                (op::LOAD_CONST, 0),
                (op::RETURN_VALUE, 0),
            ],
            1,
            0,
            1,
        ),
        "overflows",
    );
}

#[test]
fn rejects_a_return_that_leaves_values_behind() {
    rejects(
        check(
            &[
                (op::LOAD_CONST, 0),
                (op::LOAD_CONST, 0),
                (op::RETURN_VALUE, 0),
            ],
            1,
            0,
            2,
        ),
        "RETURN_VALUE",
    );
}

#[test]
fn rejects_bad_control_flow() {
    // Running off the end.
    rejects(
        check(&[(op::RESUME, 0), (op::NOP, 0)], 0, 0, 1),
        "falls off",
    );
    // A jump past the end.
    rejects(
        check(
            &[
                (op::JUMP_FORWARD, 50),
                (op::LOAD_CONST, 0),
                (op::RETURN_VALUE, 0),
            ],
            1,
            0,
            1,
        ),
        "jump to",
    );
    // Paths meeting with different depths: one branch pushes a value.
    let units = [
        (op::LOAD_CONST, 0),
        (op::POP_JUMP_IF_FALSE, 2),
        (op::CACHE, 0),
        (op::LOAD_CONST, 0),
        (op::LOAD_CONST, 0),
        (op::RETURN_VALUE, 0),
    ];
    rejects(check(&units, 1, 0, 3), "inconsistent stack depth");
}

#[test]
fn rejects_truncated_and_privileged_instructions() {
    rejects(
        check(&[(op::LOAD_CONST, 0), (op::EXTENDED_ARG, 1)], 1, 0, 1),
        "EXTENDED_ARG",
    );
    // BINARY_OP needs its inline cache units.
    rejects(
        check(
            &[(op::LOAD_CONST, 0), (op::LOAD_CONST, 0), (op::BINARY_OP, 0)],
            1,
            0,
            2,
        ),
        "past the end",
    );
    rejects(
        check(&[(op::INTERPRETER_EXIT, 0)], 0, 0, 1),
        "INTERPRETER_EXIT",
    );
}

#[test]
fn rejects_a_broken_exception_table() {
    let mut units = vec![(op::NOP, 0)];
    units.extend(RETURN_CONST_0);
    // One entry (start 0, length 3, target 40, depth 0) whose target is
    // past the end of the code; then bytes that do not decode at all.
    rejects(
        check_with_table(&units, 1, 0, 1, vec![0x80, 3, 40, 0]),
        "exception table",
    );
    rejects(
        check_with_table(&units, 1, 0, 1, vec![0xff]),
        "exception table",
    );
}
