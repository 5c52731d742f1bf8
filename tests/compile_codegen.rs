//! pyrs's code generator against python3.14's: for every source with a
//! `.txt` golden (written by `tools/compile/dump_codegen.py` from
//! `_testinternalcapi.compiler_codegen`), the module's metadata and every
//! instruction (opcode, oparg, positions) of every code unit must match
//! exactly. The test prints a per-file summary and the first difference.
//!
//! Sources listed in `KNOWN_FAILING` are compared and reported but do not
//! fail the test; each entry says why it differs.

use std::path::{Path, PathBuf};

use pyrs::api::{Config, Interpreter};
use pyrs::compile::instr_sequence::InstrSequence;
use pyrs::compile::{Mode, Options, Source, codegen_module};
use pyrs::objects::code::CodeObject;
use pyrs::objects::str::str_value;
use pyrs::objects::{Obj, Vm};

/// Sources whose codegen is known to differ, with the reason.
const KNOWN_FAILING: &[(&str, &str)] = &[];

/// (source, golden) pairs: tests/compile/codegen/*.py and tests/cases/*.py.
fn golden_pairs() -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (src_dir, gold_dir) in [
        ("tests/compile/codegen", "tests/compile/codegen"),
        ("tests/cases", "tests/compile/codegen/cases"),
    ] {
        let mut names: Vec<_> = std::fs::read_dir(root.join(src_dir))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        names.sort();
        for src in names {
            let stem = src.file_stem().unwrap().to_string_lossy().to_string();
            let gold = root.join(gold_dir).join(format!("{stem}.txt"));
            if gold.exists() {
                out.push((src, gold));
            }
        }
    }
    out
}

fn render_const(vm: &mut Vm, o: &Obj) -> String {
    if let Some(code) = o.downcast::<CodeObject>() {
        return format!("code({})", code.qualname_str());
    }
    match vm.repr(o) {
        Ok(s) => str_value(&s).to_string(),
        Err(_) => "<repr failed>".into(),
    }
}

fn render_seq(seq: &InstrSequence, path: &str, out: &mut String) {
    out.push_str(&format!("unit {path}\n"));
    for (i, ins) in seq.instrs.iter().enumerate() {
        let arg = if pyrs::opcode::has_arg(ins.opcode) {
            ins.oparg.to_string()
        } else {
            "-".to_string()
        };
        out.push_str(&format!(
            "{:4} {} {} {} {} {} {}\n",
            i,
            pyrs::opcode::name(ins.opcode),
            arg,
            ins.loc.lineno,
            ins.loc.end_lineno,
            ins.loc.col_offset,
            ins.loc.end_col_offset
        ));
    }
    for (k, nested) in seq.nested.iter().enumerate() {
        render_seq(nested, &format!("{path}.{k}"), out);
    }
}

/// The `# mode:` and `# optimize:` directives at the top of a source.
fn directives(bytes: &[u8]) -> Options {
    let text = String::from_utf8_lossy(bytes);
    let mut opts = Options::new(Mode::Exec);
    opts.optimize = 0;
    for line in text.lines().take(3) {
        if let Some(m) = line.strip_prefix("# mode:") {
            opts.mode = match m.trim() {
                "eval" => Mode::Eval,
                "single" => Mode::Single,
                _ => Mode::Exec,
            };
        } else if let Some(o) = line.strip_prefix("# optimize:") {
            opts.optimize = o.trim().parse().unwrap();
        }
    }
    opts
}

/// pyrs's codegen output in the golden's format.
fn pyrs_codegen(vm: &mut Vm, src: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rel = src
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .to_string();
    let bytes = std::fs::read(src).unwrap();
    match codegen_module(vm, Source::Bytes(&bytes), &rel, directives(&bytes)) {
        Ok(cg) => {
            let mut out = format!(
                "argcount={} posonlyargcount={} kwonlyargcount={}\n",
                cg.argcount, cg.posonlyargcount, cg.kwonlyargcount
            );
            for (i, c) in cg.consts.iter().enumerate() {
                out.push_str(&format!("const {i} {}\n", render_const(vm, c)));
            }
            render_seq(&cg.instrs, "0", &mut out);
            out
        }
        Err(e) => {
            let v = e.into_value();
            let r = render_const(vm, &v);
            format!("error: {} {r}\n", v.class().name())
        }
    }
}

fn first_difference(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            let unit = w[..i.min(w.len())]
                .iter()
                .rev()
                .find(|l| l.starts_with("unit "))
                .copied()
                .unwrap_or("(metadata)");
            let ctx_from = i.saturating_sub(3);
            let mut s = format!("line {} in {unit}:\n", i + 1);
            for k in ctx_from..i {
                s.push_str(&format!("         {}\n", w.get(k).copied().unwrap_or("")));
            }
            s.push_str(&format!("   want: {}\n", a.unwrap_or("<end>")));
            s.push_str(&format!("    got: {}", b.unwrap_or("<end>")));
            return s;
        }
    }
    "identical".into()
}

#[test]
fn codegen_matches_cpython() {
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let pairs = golden_pairs();
    assert!(!pairs.is_empty(), "no goldens found");
    let mut failed = Vec::new();
    let mut known = Vec::new();
    for (src, gold) in &pairs {
        let want = std::fs::read_to_string(gold).unwrap();
        let want = want.split_once('\n').map_or(want.as_str(), |(_, r)| r);
        let got = pyrs_codegen(vm, src);
        let name = src.file_name().unwrap().to_string_lossy().to_string();
        let stem = src.file_stem().unwrap().to_string_lossy().to_string();
        if got == want {
            println!("ok   {name}");
            continue;
        }
        let diff = first_difference(want, &got);
        if let Some((_, why)) = KNOWN_FAILING.iter().find(|(n, _)| *n == stem) {
            println!("KNOWN {name} ({why}): {diff}");
            known.push(name);
        } else {
            println!("FAIL {name}: {diff}");
            failed.push(name);
        }
    }
    println!(
        "{} of {} match; {} known to differ; {} fail",
        pairs.len() - failed.len() - known.len(),
        pairs.len(),
        known.len(),
        failed.len()
    );
    assert!(failed.is_empty(), "codegen mismatches: {failed:?}");
}
