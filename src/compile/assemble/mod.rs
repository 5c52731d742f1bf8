//! From a code unit's instruction sequence to a code object: the flow
//! graph's optimisations (a port of `Python/flowgraph.c`) and the assembler
//! (a port of `Python/assemble.c`), driven as CPython's
//! `optimize_and_assemble_code_unit` (`Python/compile.c`) drives them.
//!
//! Layout, in pipeline order:
//! - [`cfg`]: blocks, the builder, `_PyCfg_FromInstructionSequence`;
//! - `except`: handler labelling; `optimize`: `_PyCfg_OptimizeCodeUnit`
//!   and the whole-graph passes; `peephole` and `fold`: the per-block
//!   rewrites and constant folding; `lines`: line-number propagation;
//!   `locals`: `LOAD_FAST_CHECK`, super-instructions, `LOAD_FAST_BORROW`;
//!   `cold`: moving handlers to the end;
//! - `stackdepth`, `localsplus`, `finalize`:
//!   `_PyCfg_OptimizedCfgToInstructionSequence`;
//! - `emit`: the assembler; `makecode`: the code object.
//!
//! What it must not do: panic or loop forever on a malformed sequence.
//! CPython asserts its invariants; here a broken invariant is a
//! `SystemError` (or the `ValueError` CPython raises for an inconsistent
//! stack depth).

mod cfg;
mod cold;
mod emit;
mod except;
mod finalize;
mod fold;
mod lines;
mod locals;
mod localsplus;
mod makecode;
mod ops;
mod optimize;
mod peephole;
mod stackdepth;

use super::consts::ConstPool;
use super::instr_sequence::{ExceptHandlerInfo, Instr, InstrSequence};
use super::unit::CodeUnit;
use crate::objects::code::co_flags;
use crate::objects::{Obj, PyResult, Vm};

/// Optimises `unit` and assembles it into a code object
/// (`optimize_and_assemble_code_unit`): builds the CFG, runs
/// `_PyCfg_OptimizeCodeUnit`, converts back to an instruction sequence,
/// and makes the code object (`_PyAssemble_MakeCodeObject`), with its
/// stack size, exception table and location table.
///
/// The metadata follows CPython's conventions: `argcount` counts the
/// positional-or-keyword parameters only (`u_argcount`; `co_argcount` is
/// `posonlyargcount + argcount`), and `LOAD_DEREF`-style opargs number
/// cells from 0 and free variables after the cells.
pub fn optimize_and_assemble(vm: &mut Vm, unit: CodeUnit) -> PyResult<Obj> {
    let CodeUnit {
        mut metadata,
        instrs,
        flags,
        filename,
        optimize: _,
    } = unit;
    let mut consts = std::mem::take(&mut metadata.consts);
    let built = cfg::Cfg::from_instruction_sequence(&instrs);
    let mut g = built.map_err(|e| cfg::raise(vm, e))?;
    let nlocals = metadata.varnames.len();
    // `len(ste_varnames)`: every parameter, `*args` and `**kwargs`
    // included.
    let nparams = (metadata.posonlyargcount + metadata.argcount + metadata.kwonlyargcount) as usize
        + usize::from(flags & co_flags::VARARGS != 0)
        + usize::from(flags & co_flags::VARKEYWORDS != 0);
    optimize::optimize_code_unit(
        vm,
        &mut g,
        &mut consts,
        nlocals,
        nparams,
        metadata.firstlineno,
    )?;
    let finished = finalize::optimized_cfg_to_instruction_sequence(&mut g, &metadata, flags);
    let finished = finished.map_err(|e| cfg::raise(vm, e))?;
    makecode::make_code_object(vm, &metadata, consts, finished, flags, filename)
}

/// `_PyCompile_OptimizeCfg` (what `_testinternalcapi.optimize_cfg` runs):
/// the optimiser alone, as for a unit without parameters starting at
/// line 1, then the stack depths and borrowed loads. Returns the optimised
/// sequence (jump opargs and handlers as instruction indices; pseudo
/// instructions other than those the optimiser removes are kept);
/// `consts` is updated in place, as CPython updates its list.
pub fn optimize_cfg(
    vm: &mut Vm,
    seq: &InstrSequence,
    consts: &mut ConstPool,
    nlocals: usize,
) -> PyResult<InstrSequence> {
    let built = cfg::Cfg::from_instruction_sequence(seq);
    let mut g = built.map_err(|e| cfg::raise(vm, e))?;
    optimize::optimize_code_unit(vm, &mut g, consts, nlocals, 0, 1)?;
    let r = g.calculate_stackdepth();
    r.map_err(|e| cfg::raise(vm, e))?;
    g.optimize_load_fast();
    let instrs = g.to_instruction_sequence();
    let instrs = instrs.map_err(|e| cfg::raise(vm, e))?;
    Ok(to_public(instrs))
}

/// `_PyCompile_Assemble` (what `_testinternalcapi.assemble_code_object`
/// runs): a code object from a sequence without optimising it, only
/// resolving jumps and handlers first. CPython's entry point always uses
/// flags 0; this one uses the unit's.
pub fn assemble(vm: &mut Vm, unit: CodeUnit) -> PyResult<Obj> {
    let CodeUnit {
        mut metadata,
        instrs,
        flags,
        filename,
        optimize: _,
    } = unit;
    let consts = std::mem::take(&mut metadata.consts);
    let built = cfg::Cfg::from_instruction_sequence(&instrs);
    let mut g = built.map_err(|e| cfg::raise(vm, e))?;
    let r = g.translate_jump_labels_to_targets();
    r.map_err(|e| cfg::raise(vm, e))?;
    g.label_exception_targets();
    let finished = finalize::optimized_cfg_to_instruction_sequence(&mut g, &metadata, flags);
    let finished = finished.map_err(|e| cfg::raise(vm, e))?;
    makecode::make_code_object(vm, &metadata, consts, finished, flags, filename)
}

/// The flow graph's instruction list as an [`InstrSequence`] whose jump
/// opargs are instruction indices.
fn to_public(instrs: Vec<finalize::SeqInstr>) -> InstrSequence {
    let mut seq = InstrSequence::new();
    seq.instrs = instrs
        .into_iter()
        .map(|i| Instr {
            opcode: i.opcode,
            oparg: i.oparg,
            loc: i.loc,
            except_handler: match i.handler {
                Some(h) => ExceptHandlerInfo {
                    label: h.target as i32,
                    start_depth: h.startdepth,
                    preserve_lasti: h.preserve_lasti,
                },
                None => ExceptHandlerInfo {
                    label: -1,
                    ..Default::default()
                },
            },
        })
        .collect();
    seq
}
