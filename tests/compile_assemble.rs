//! The flow graph optimiser and assembler against python3.14.
//!
//! Each `tests/golden/assemble/<name>.txt` (written by
//! `python3.14 tools/compile/dump_assemble.py` from
//! `tests/compile/assemble/<name>.py`) holds the module unit's instruction
//! sequence and metadata as CPython's code generation produced them, and
//! the code object CPython built from them. This rebuilds the `CodeUnit`,
//! runs `optimize_and_assemble` and compares the result with CPython's
//! code object field by field (code, constants, names, locals and their
//! kinds, line table, exception table, stack size, flags, ...), printing
//! the first difference of each file and a summary.
//!
//! Files listed in `KNOWN_FAILING` are reported but do not fail the test;
//! one that starts matching fails it, so that the list stays true.

mod assemble_common;

use std::fs;
use std::path::{Path, PathBuf};

use assemble_common::{Fields, build_sequence, first_difference};
use pyrs::compile::assemble::optimize_and_assemble;
use pyrs::compile::consts::ConstPool;
use pyrs::compile::unit::{CodeUnit, CodeUnitMetadata};
use pyrs::marshal::Value;
use pyrs::objects::Vm;
use pyrs::{Config, Interpreter};

/// Files CPython compiles differently, with the reason.
const KNOWN_FAILING: &[(&str, &str)] = &[];

fn golden_dir() -> PathBuf {
    // PYRS_GOLDEN_DIR points the test at a survey written by the dump
    // tool's PYRS_GOLDEN_OUT instead of the committed goldens.
    match std::env::var_os("PYRS_GOLDEN_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/assemble"),
    }
}

/// The `CodeUnit` code generation would have handed over.
fn build_unit(vm: &mut Vm, g: &Fields) -> CodeUnit {
    let mut consts = ConstPool::new();
    let tuple = vm.marshal_to_object(&g.marshal("consts")).expect("consts");
    let items = pyrs::objects::tuple::tuple_items(&tuple)
        .expect("consts tuple")
        .to_vec();
    for (i, item) in items.into_iter().enumerate() {
        assert_eq!(consts.add(item), i, "duplicate constant in codegen's list");
    }
    let metadata = CodeUnitMetadata {
        name: g.get("name").to_string(),
        qualname: g.get("qualname").to_string(),
        consts,
        names: g.table("names"),
        varnames: g.table("varnames"),
        cellvars: g.table("cellvars"),
        freevars: g.table("freevars"),
        fasthidden: g
            .strings("fasthidden")
            .into_iter()
            .map(|n| (n, false))
            .collect(),
        argcount: g.num("argcount") as u32,
        posonlyargcount: g.num("posonlyargcount") as u32,
        kwonlyargcount: g.num("kwonlyargcount") as u32,
        firstlineno: g.num("firstlineno") as i32,
    };
    let filename = vm.intern(g.get("filename"));
    CodeUnit {
        metadata,
        instrs: build_sequence(&g.instrs("instr")),
        flags: g.num("flags") as u32,
        filename,
        optimize: 0,
    }
}

/// Runs one golden; `Err` describes the first difference.
fn check(vm: &mut Vm, name: &str) -> Result<(), String> {
    let text = fs::read_to_string(golden_dir().join(format!("{name}.txt"))).expect("golden");
    let mut g = Fields::default();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        g.push_line(line);
    }
    let unit = build_unit(vm, &g);
    let code = optimize_and_assemble(vm, unit).map_err(|e| {
        let msg = vm
            .repr_string(e.value())
            .unwrap_or_else(|_| "<unprintable>".into());
        format!("optimize_and_assemble raised {msg}")
    })?;
    let ours = vm
        .object_to_marshal(&code)
        .map_err(|_| "unmarshallable result")?;
    let theirs = g.marshal("expected");
    let (Value::Code(ours), Value::Code(theirs)) = (&ours, &theirs) else {
        return Err("not code objects".into());
    };
    match first_difference(ours, theirs) {
        None => Ok(()),
        Some(d) => Err(d),
    }
}

#[test]
fn module_units_match_python() {
    let mut names: Vec<String> = fs::read_dir(golden_dir())
        .expect("golden dir")
        .filter_map(|e| {
            let p = e.ok()?.path();
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            (p.extension()? == "txt").then_some(stem)
        })
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no goldens");
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for name in &names {
        let known = KNOWN_FAILING.iter().find(|(n, _)| n == name);
        match (check(vm, name), known) {
            (Ok(()), None) => summary.push(format!("  match   {name}")),
            (Ok(()), Some(_)) => {
                summary.push(format!("  MATCH   {name} (listed as known-failing)"));
                failures.push(format!("{name}: matches now; drop it from KNOWN_FAILING"));
            }
            (Err(d), Some((_, why))) => {
                summary.push(format!("  known   {name}: {why}"));
                eprintln!("{name} (known failing): {d}");
            }
            (Err(d), None) => {
                summary.push(format!("  DIFFER  {name}"));
                failures.push(format!("{name}: {d}"));
            }
        }
    }
    let matching = summary.iter().filter(|l| l.starts_with("  match")).count();
    eprintln!(
        "assemble goldens:\n{}\nmatch rate: {matching}/{} module units identical to python3.14's",
        summary.join("\n"),
        names.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
