//! The opcodes the flow graph and assembler name, as `u16` like the
//! instructions that carry them (real opcodes are `u8` in
//! [`crate::opcode::op`], pseudo opcodes `u16`), so that they can be used
//! as `match` patterns.

macro_rules! real_ops {
    ($($name:ident),* $(,)?) => {
        $( pub(crate) const $name: u16 = crate::opcode::op::$name as u16; )*
    };
}

real_ops!(
    BINARY_OP,
    BUILD_LIST,
    BUILD_SET,
    BUILD_TUPLE,
    CACHE,
    CALL_INTRINSIC_1,
    CHECK_EXC_MATCH,
    COMPARE_OP,
    CONTAINS_OP,
    COPY,
    COPY_FREE_VARS,
    DELETE_DEREF,
    DELETE_FAST,
    DICT_MERGE,
    DICT_UPDATE,
    END_ASYNC_FOR,
    EXTENDED_ARG,
    FOR_ITER,
    FORMAT_SIMPLE,
    GET_ANEXT,
    GET_ITER,
    GET_LEN,
    GET_YIELD_FROM_ITER,
    IMPORT_FROM,
    IS_OP,
    JUMP_BACKWARD,
    JUMP_BACKWARD_NO_INTERRUPT,
    JUMP_FORWARD,
    LIST_APPEND,
    LIST_EXTEND,
    LOAD_ATTR,
    LOAD_CONST,
    LOAD_DEREF,
    LOAD_FAST,
    LOAD_FAST_AND_CLEAR,
    LOAD_FAST_BORROW,
    LOAD_FAST_BORROW_LOAD_FAST_BORROW,
    LOAD_FAST_CHECK,
    LOAD_FAST_LOAD_FAST,
    LOAD_FROM_DICT_OR_DEREF,
    LOAD_GLOBAL,
    LOAD_SMALL_INT,
    LOAD_SPECIAL,
    LOAD_SUPER_ATTR,
    MAKE_CELL,
    MAP_ADD,
    MATCH_KEYS,
    MATCH_MAPPING,
    MATCH_SEQUENCE,
    NOP,
    NOT_TAKEN,
    POP_JUMP_IF_FALSE,
    POP_JUMP_IF_NONE,
    POP_JUMP_IF_NOT_NONE,
    POP_JUMP_IF_TRUE,
    POP_TOP,
    PUSH_NULL,
    RERAISE,
    RESUME,
    RETURN_GENERATOR,
    SEND,
    SET_ADD,
    SET_UPDATE,
    STORE_DEREF,
    STORE_FAST,
    STORE_FAST_LOAD_FAST,
    STORE_FAST_STORE_FAST,
    SWAP,
    TO_BOOL,
    UNARY_INVERT,
    UNARY_NEGATIVE,
    UNARY_NOT,
    UNPACK_SEQUENCE,
    WITH_EXCEPT_START,
    YIELD_VALUE,
);

pub(crate) use crate::opcode::pseudo::{
    ANNOTATIONS_PLACEHOLDER, JUMP, JUMP_IF_FALSE, JUMP_IF_TRUE, JUMP_NO_INTERRUPT, LOAD_CLOSURE,
    POP_BLOCK, SETUP_CLEANUP, SETUP_WITH, STORE_FAST_MAYBE_NULL,
};

/// `INTRINSIC_LIST_TO_TUPLE`.
pub(crate) const INTRINSIC_LIST_TO_TUPLE: i32 = crate::opcode::Intrinsic1::ListToTuple as i32;
/// `INTRINSIC_UNARY_POSITIVE`.
pub(crate) const INTRINSIC_UNARY_POSITIVE: i32 = crate::opcode::Intrinsic1::UnaryPositive as i32;
/// `RESUME_AT_FUNC_START`.
pub(crate) const RESUME_AT_FUNC_START: i32 = 0;
/// `RESUME_OPARG_DEPTH1_MASK`.
pub(crate) const RESUME_OPARG_DEPTH1_MASK: i32 = 4;
/// `_PY_STACK_USE_GUIDELINE` (pycore_compile.h).
pub(crate) const STACK_USE_GUIDELINE: i32 = 30;
