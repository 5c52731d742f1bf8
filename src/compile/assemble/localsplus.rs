//! The "locals plus" layout of a frame: fast locals, then cells that are
//! not arguments, then free variables. The flow graph side renumbers cell
//! and free variable opargs and inserts the prefix instructions
//! (`build_cellfixedoffsets`, `insert_prefix_instructions`,
//! `fix_cell_offsets`, `prepare_localsplus` in `Python/flowgraph.c`); the
//! assembler side names and classifies each slot
//! (`compute_localsplus_info` in `Python/assemble.c`).

use super::cfg::{Cfg, CfgInstr, CfgResult, system_error};
use super::ops::*;
use crate::compile::location::Location;
use crate::compile::unit::CodeUnitMetadata;
use crate::objects::code::{co_flags, fast_kind};

/// `build_cellfixedoffsets`: the slot of each cell and free variable,
/// cells that are also arguments sharing the argument's slot.
fn build_cellfixedoffsets(umd: &CodeUnitMetadata) -> Vec<usize> {
    let nlocals = umd.varnames.len();
    let noffsets = umd.cellvars.len() + umd.freevars.len();
    let mut fixed: Vec<usize> = (0..noffsets).map(|i| nlocals + i).collect();
    for (cellindex, name) in umd.cellvars.names().iter().enumerate() {
        if let Some(varindex) = umd.varnames.get(name) {
            fixed[cellindex] = varindex;
        }
    }
    fixed
}

/// `IS_GENERATOR`.
fn is_generator(flags: u32) -> bool {
    flags & (co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR) != 0
}

impl Cfg {
    /// `insert_prefix_instructions`: `COPY_FREE_VARS`, one `MAKE_CELL` per
    /// cell in slot order, and `RETURN_GENERATOR; POP_TOP` for generators
    /// and coroutines, at the start of the entry block.
    fn insert_prefix_instructions(
        &mut self,
        umd: &CodeUnitMetadata,
        fixed: &[usize],
        nfreevars: usize,
        code_flags: u32,
    ) {
        let entry = self.entry;
        let block = &mut self.blocks[entry];
        if is_generator(code_flags) {
            let first = umd.firstlineno;
            let loc = Location::new(first, first, -1, -1);
            block.insert(0, CfgInstr::new(RETURN_GENERATOR, 0, loc));
            block.insert(1, CfgInstr::new(POP_TOP, 0, loc));
        }
        let ncellvars = umd.cellvars.len();
        if ncellvars > 0 {
            let nvars = ncellvars + umd.varnames.len();
            let mut sorted = vec![0usize; nvars];
            for (i, &slot) in fixed.iter().take(ncellvars).enumerate() {
                if let Some(s) = sorted.get_mut(slot) {
                    *s = i + 1;
                }
            }
            let mut ncellsused = 0;
            for &s in &sorted {
                if ncellsused >= ncellvars {
                    break;
                }
                if s == 0 {
                    continue;
                }
                let make_cell = CfgInstr::new(MAKE_CELL, (s - 1) as i32, Location::NONE);
                block.insert(ncellsused, make_cell);
                ncellsused += 1;
            }
        }
        if nfreevars > 0 {
            let copy_frees = CfgInstr::new(COPY_FREE_VARS, nfreevars as i32, Location::NONE);
            block.insert(0, copy_frees);
        }
    }

    /// `fix_cell_offsets`: cell and free variable opargs become slots.
    /// Returns how many cells share an argument's slot.
    fn fix_cell_offsets(&mut self, umd: &CodeUnitMetadata, fixedmap: &mut [usize]) -> usize {
        let nlocals = umd.varnames.len();
        let mut numdropped = 0;
        for (i, slot) in fixedmap.iter_mut().enumerate() {
            if *slot == i + nlocals {
                *slot -= numdropped;
            } else {
                numdropped += 1;
            }
        }
        for b in self.order() {
            for instr in &mut self.blocks[b].instrs {
                if matches!(
                    instr.opcode,
                    MAKE_CELL
                        | LOAD_CLOSURE
                        | LOAD_DEREF
                        | STORE_DEREF
                        | DELETE_DEREF
                        | LOAD_FROM_DICT_OR_DEREF
                ) && let Some(&slot) = usize::try_from(instr.oparg)
                    .ok()
                    .and_then(|o| fixedmap.get(o))
                {
                    instr.oparg = slot as i32;
                }
            }
        }
        numdropped
    }

    /// `prepare_localsplus`: the number of slots.
    pub(crate) fn prepare_localsplus(
        &mut self,
        umd: &CodeUnitMetadata,
        code_flags: u32,
    ) -> CfgResult<usize> {
        let nlocals = umd.varnames.len();
        let ncellvars = umd.cellvars.len();
        let nfreevars = umd.freevars.len();
        let mut fixed = build_cellfixedoffsets(umd);
        self.insert_prefix_instructions(umd, &fixed, nfreevars, code_flags);
        let numdropped = self.fix_cell_offsets(umd, &mut fixed);
        Ok(nlocals + ncellvars + nfreevars - numdropped)
    }
}

/// `compute_localsplus_info`: the name and `CO_FAST_*` kind of every slot.
pub(crate) fn compute_localsplus_info(
    umd: &CodeUnitMetadata,
    nlocalsplus: usize,
    flags: u32,
) -> CfgResult<(Vec<String>, Vec<u8>)> {
    let mut names: Vec<Option<String>> = vec![None; nlocalsplus];
    let mut kinds = vec![0u8; nlocalsplus];
    let mut set = |offset: usize, name: &str, kind: u8| -> CfgResult {
        match names.get_mut(offset) {
            Some(slot) => {
                *slot = Some(name.to_string());
                kinds[offset] = kind;
                Ok(())
            }
            None => system_error("local slot out of range"),
        }
    };
    let varargs = usize::from(flags & co_flags::VARARGS != 0);
    let varkw = usize::from(flags & co_flags::VARKEYWORDS != 0);
    let groups: [(Option<usize>, u8); 6] = [
        (Some(umd.posonlyargcount as usize), fast_kind::ARG_POS),
        (
            Some(umd.argcount as usize),
            fast_kind::ARG_POS | fast_kind::ARG_KW,
        ),
        (Some(umd.kwonlyargcount as usize), fast_kind::ARG_KW),
        (Some(varargs), fast_kind::ARG_VAR | fast_kind::ARG_POS),
        (Some(varkw), fast_kind::ARG_VAR | fast_kind::ARG_KW),
        (None, 0),
    ];
    let varnames = umd.varnames.names();
    let mut pos = 0;
    let mut max = 0usize;
    for (count, group_kind) in groups {
        max = match count {
            Some(c) => max + c,
            None => usize::MAX,
        };
        while pos < max && pos < varnames.len() {
            let k = &varnames[pos];
            let offset = pos;
            pos += 1;
            let mut kind = fast_kind::LOCAL | group_kind;
            if umd.fasthidden.iter().any(|(n, _)| n == k) {
                kind |= fast_kind::HIDDEN;
            }
            if umd.cellvars.get(k).is_some() {
                kind |= fast_kind::CELL;
            }
            set(offset, k, kind)?;
        }
    }
    let nlocals = varnames.len();
    let mut numdropped = 0;
    for (v, k) in umd.cellvars.names().iter().enumerate() {
        if umd.varnames.get(k).is_some() {
            numdropped += 1;
            continue;
        }
        set(v + nlocals - numdropped, k, fast_kind::CELL)?;
    }
    // CPython numbers free variables after the cells (`u_freevars` starts
    // at `len(u_cellvars)`); the name table counts from 0.
    let ncells = umd.cellvars.len();
    for (v, k) in umd.freevars.names().iter().enumerate() {
        set(ncells + v + nlocals - numdropped, k, fast_kind::FREE)?;
    }
    let names = names
        .into_iter()
        .map(|n| n.ok_or(()))
        .collect::<Result<Vec<_>, ()>>();
    match names {
        Ok(names) => Ok((names, kinds)),
        Err(()) => system_error("local slot left without a name"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::consts::NameTable;

    fn table(names: &[&str]) -> NameTable {
        let mut t = NameTable::new();
        for n in names {
            t.add(n);
        }
        t
    }

    /// python3.14 for `def g(a, c): b = 2; yield (lambda: a + b + z)`
    /// nested in a function binding `z`: `COPY_FREE_VARS 1`, `MAKE_CELL 0`,
    /// `MAKE_CELL 2`, `RETURN_GENERATOR`, `POP_TOP`, `RESUME`; slots
    /// `a c b z` with kinds 0x66 0x26 0x40 0x80.
    #[test]
    fn prefix_and_slots_of_a_generator_with_cells() {
        let umd = CodeUnitMetadata {
            name: "g".into(),
            varnames: table(&["a", "c"]),
            cellvars: table(&["a", "b"]),
            freevars: table(&["z"]),
            argcount: 2,
            firstlineno: 5,
            ..Default::default()
        };
        let flags =
            co_flags::OPTIMIZED | co_flags::NEWLOCALS | co_flags::GENERATOR | co_flags::NESTED;
        let mut g = Cfg::new();
        g.addop(RESUME, 0, Location::line(5));
        // `b` is cell 1; the free variable `z` is numbered after the cells.
        g.addop(STORE_DEREF, 1, Location::line(6));
        g.addop(LOAD_DEREF, 2, Location::line(7));
        let nlocalsplus = g.prepare_localsplus(&umd, flags).unwrap();
        assert_eq!(nlocalsplus, 4);
        let ops: Vec<(u16, i32)> = g.blocks[g.entry]
            .instrs
            .iter()
            .map(|i| (i.opcode, i.oparg))
            .collect();
        assert_eq!(
            ops,
            vec![
                (COPY_FREE_VARS, 1),
                (MAKE_CELL, 0),
                (MAKE_CELL, 2),
                (RETURN_GENERATOR, 0),
                (POP_TOP, 0),
                (RESUME, 0),
                (STORE_DEREF, 2),
                (LOAD_DEREF, 3),
            ]
        );
        assert_eq!(g.blocks[g.entry].instrs[3].loc, Location::new(5, 5, -1, -1));
        let (names, kinds) = compute_localsplus_info(&umd, nlocalsplus, flags).unwrap();
        assert_eq!(names, vec!["a", "c", "b", "z"]);
        assert_eq!(kinds, vec![0x66, 0x26, 0x40, 0x80]);
    }
}
