//! What code generation hands the flow graph and assembler for one code
//! unit (a module, class body, function, lambda, comprehension scope or
//! annotation scope): CPython's `_PyCompile_CodeUnitMetadata` plus the
//! instruction sequence and the facts `_PyCompile_OptimizeAndAssemble`
//! takes from the compiler (flags, file name).

use super::consts::{ConstPool, NameTable};
use super::instr_sequence::InstrSequence;
use crate::objects::Obj;

/// `_PyCompile_CodeUnitMetadata`.
#[derive(Default)]
pub struct CodeUnitMetadata {
    /// `co_name`.
    pub name: String,
    /// `co_qualname`.
    pub qualname: String,
    /// `u_consts`: every constant, in first-use order.
    pub consts: ConstPool,
    /// `u_names`: global and attribute names.
    pub names: NameTable,
    /// `u_varnames`: parameters first, then other fast locals.
    pub varnames: NameTable,
    /// `u_cellvars`: cell variables, sorted by name as CPython's
    /// `dictbytype` sorts them.
    pub cellvars: NameTable,
    /// `u_freevars`: free variables, sorted likewise.
    pub freevars: NameTable,
    /// `u_fasthidden`: names that are fast locals only while an inlined
    /// comprehension runs (value: currently hidden).
    pub fasthidden: Vec<(String, bool)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `u_firstlineno`.
    pub firstlineno: i32,
}

/// One finished code unit, ready for `flowgraph` and `assemble`.
pub struct CodeUnit {
    pub metadata: CodeUnitMetadata,
    pub instrs: InstrSequence,
    /// `co_flags` as `compute_code_flags` gives them (CO_OPTIMIZED,
    /// CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS, CO_NESTED, CO_GENERATOR,
    /// CO_COROUTINE, CO_ASYNC_GENERATOR, CO_HAS_DOCSTRING, CO_METHOD, the
    /// future flags).
    pub flags: u32,
    /// `co_filename`, shared by every unit of a compilation.
    pub filename: Obj,
    /// The optimisation level (`compile(..., optimize=N)`; -1 means the
    /// interpreter's, which is 0 for pyrs).
    pub optimize: i32,
}
