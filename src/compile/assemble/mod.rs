//! From a code unit's instruction sequence to a code object: the flow
//! graph's optimisations (a port of `Python/flowgraph.c`) and the assembler
//! (a port of `Python/assemble.c`), driven as CPython's
//! `_PyCompile_OptimizeAndAssemble` drives them.

use super::unit::CodeUnit;
use crate::objects::{Obj, PyResult, Vm};

/// Optimises `unit` and assembles it into a code object
/// (`_PyCompile_OptimizeAndAssemble`): builds the CFG, runs
/// `_PyCfg_OptimizeCodeUnit`, converts back to an instruction sequence,
/// and makes the code object (`_PyAssemble_MakeCodeObject`), with its
/// stack size, exception table and location table.
pub fn optimize_and_assemble(vm: &mut Vm, unit: CodeUnit) -> PyResult<Obj> {
    let _ = unit;
    Err(vm.not_implemented_error("pyrs: the compiler's flow graph and assembler are not built yet"))
}
