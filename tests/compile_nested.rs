//! The optimiser and assembler on code units nested in a module
//! (functions, closures, generators, coroutines, classes, lambdas,
//! comprehensions), against python3.14.
//!
//! CPython does not expose the constants of nested units, so
//! `tests/golden/nested/<name>.txt` (written by
//! `python3.14 tools/compile/dump_nested.py` from
//! `tests/compile/nested/<name>.py`) records, for each nested unit, what
//! CPython's test entry points make of its code generation output with
//! placeholder constants (the int 1000 + i for `LOAD_CONST i`):
//!
//! - `optimize_cfg`: the optimised instructions and constants, compared
//!   with `pyrs::compile::assemble::optimize_cfg`;
//! - `assemble_code_object`: the code object built from the unoptimised
//!   sequence (cells, free variables, localsplus kinds, borrowed loads,
//!   exception and line tables), compared with
//!   `pyrs::compile::assemble::assemble`.

mod assemble_common;

use std::fs;
use std::path::{Path, PathBuf};

use assemble_common::{Fields, build_sequence, first_difference, parse_blocks};
use pyrs::compile::assemble::{assemble, optimize_cfg};
use pyrs::compile::consts::ConstPool;
use pyrs::compile::unit::{CodeUnit, CodeUnitMetadata};
use pyrs::marshal::{Value, render};
use pyrs::objects::Vm;
use pyrs::objects::int::new_int;
use pyrs::{Config, Interpreter};

fn golden_dir() -> PathBuf {
    // PYRS_GOLDEN_DIR points the test at a survey written by the dump
    // tool's PYRS_GOLDEN_OUT instead of the committed goldens.
    match std::env::var_os("PYRS_GOLDEN_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/nested"),
    }
}

/// The placeholder constants: `1000 + i`.
fn placeholder_consts(n: i64) -> ConstPool {
    let mut pool = ConstPool::new();
    for i in 0..n {
        pool.add(new_int(1000 + i));
    }
    pool
}

/// `optimize_cfg` against CPython's.
fn check_optimized(vm: &mut Vm, unit: &Fields) -> Result<(), String> {
    let seq = build_sequence(&unit.instrs("instr"));
    let mut consts = placeholder_consts(unit.num("nconsts"));
    let nlocals = unit.strings("varnames").len();
    let out = optimize_cfg(vm, &seq, &mut consts, nlocals).map_err(|e| {
        let msg = vm.repr_string(e.value()).unwrap_or_default();
        format!("optimize_cfg raised {msg}")
    })?;
    let ours: Vec<String> = out
        .instrs
        .iter()
        .map(|i| {
            let l = i.loc;
            format!(
                "{} {} {}:{}-{}:{}",
                pyrs::opcode::name(i.opcode),
                i.oparg,
                l.lineno,
                l.col_offset,
                l.end_lineno,
                l.end_col_offset
            )
        })
        .collect();
    let theirs: Vec<String> = unit
        .instrs("opt")
        .iter()
        .map(|i| {
            format!(
                "{} {} {}:{}-{}:{}",
                pyrs::opcode::name(i[0] as u16),
                i[1],
                i[2],
                i[4],
                i[3],
                i[5]
            )
        })
        .collect();
    if ours != theirs {
        return Err(format!(
            "optimize_cfg output differs {}",
            assemble_common::first_line_difference(&ours, &theirs)
        ));
    }
    let ours_consts: Vec<Value> = consts
        .items()
        .iter()
        .map(|c| vm.object_to_marshal(c).expect("marshallable"))
        .collect();
    let ours_consts = Value::tuple(ours_consts);
    let theirs_consts = unit.marshal("optconsts");
    if !assemble_common::same_value(&ours_consts, &theirs_consts) {
        return Err(format!(
            "optimize_cfg constants differ:\n  ours:   {}\n  python: {}",
            render(&ours_consts),
            render(&theirs_consts)
        ));
    }
    Ok(())
}

/// What `assemble` says when unreachable code still holds pseudo
/// instructions (a `POP_BLOCK` after a `return`). Without the optimiser
/// nothing removes unreachable blocks, and CPython's `_PyCompile_Assemble`
/// then reads past its opcode tables (its output is undefined, and it may
/// crash): the golden says `assembled skipped` for those units, and pyrs
/// must refuse them too.
const PSEUDO_LEFT: &str = "pseudo instruction left for the assembler";

/// `assemble_code_object` against CPython's; `Ok(false)` when the unit
/// cannot be compared (see [`PSEUDO_LEFT`]).
fn check_assembled(vm: &mut Vm, filename: &str, unit: &Fields) -> Result<bool, String> {
    let metadata = CodeUnitMetadata {
        name: unit.get("name").to_string(),
        qualname: unit.get("unit").to_string(),
        consts: placeholder_consts(unit.num("nconsts")),
        names: unit.table("names"),
        varnames: unit.table("varnames"),
        cellvars: unit.table("cellvars"),
        freevars: unit.table("freevars"),
        fasthidden: unit
            .strings("fasthidden")
            .into_iter()
            .map(|n| (n, true))
            .collect(),
        argcount: unit.num("argcount") as u32,
        posonlyargcount: unit.num("posonlyargcount") as u32,
        kwonlyargcount: unit.num("kwonlyargcount") as u32,
        firstlineno: unit.num("firstlineno") as i32,
    };
    let filename = vm.intern(filename);
    let code_unit = CodeUnit {
        metadata,
        instrs: build_sequence(&unit.instrs("instr")),
        flags: 0,
        filename,
        optimize: 0,
    };
    let expect_skipped = unit.get("assembled") == "skipped";
    let code = match assemble(vm, code_unit) {
        Ok(code) => code,
        Err(e) => {
            let msg = vm.repr_string(e.value()).unwrap_or_default();
            if msg.contains(PSEUDO_LEFT) && expect_skipped {
                return Ok(false);
            }
            return Err(format!("assemble raised {msg}"));
        }
    };
    if expect_skipped {
        return Err("assembled, where unreachable pseudo instructions were expected".into());
    }
    // Debugging aid: PYRS_DEBUG_UNIT=<qualname> prints pyrs's disassembly.
    if std::env::var("PYRS_DEBUG_UNIT").is_ok_and(|u| u == unit.get("unit")) {
        let text = pyrs::compile::dis::disassemble(vm, &code).unwrap_or_default();
        eprintln!("{text}");
    }
    let ours = vm.object_to_marshal(&code).map_err(|_| "unmarshallable")?;
    let theirs = unit.marshal("assembled");
    match (&ours, &theirs) {
        (Value::Code(a), Value::Code(b)) => match first_difference(a, b) {
            None => Ok(true),
            Some(d) => Err(format!("assembled code differs: {d}")),
        },
        _ => Err("not code objects".into()),
    }
}

#[test]
fn nested_units_match_python() {
    let mut files: Vec<PathBuf> = fs::read_dir(golden_dir())
        .expect("golden dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut skipped = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("golden");
        let blocks = parse_blocks(&text);
        let filename = blocks[0].get("filename").to_string();
        for unit in &blocks[1..] {
            count += 1;
            let name = format!(
                "{}:{}",
                file.file_stem().unwrap_or_default().to_string_lossy(),
                unit.get("unit")
            );
            if let Err(d) = check_optimized(vm, unit) {
                failures.push(format!("{name}: {d}"));
            }
            match check_assembled(vm, &filename, unit) {
                Ok(true) => {}
                Ok(false) => skipped.push(name),
                Err(d) => failures.push(format!("{name}: {d}")),
            }
        }
    }
    eprintln!(
        "{count} nested units checked; assembly not compared for {} (unreachable pseudo instructions): {}",
        skipped.len(),
        skipped.join(", ")
    );
    let differing: std::collections::HashSet<&str> = failures
        .iter()
        .filter_map(|f| f.split(": ").next())
        .collect();
    eprintln!(
        "match rate: {}/{count} nested units identical to python3.14's",
        count - differing.len()
    );
    assert!(skipped.len() < count / 2, "too few units compared");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
