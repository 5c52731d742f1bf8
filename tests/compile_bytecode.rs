//! The bytecode corpus (`tests/bytecode/*.py`, sources written to use every
//! construct of the language): pyrs must compile each to exactly the code
//! objects python3.14 compiles, field by field. The goldens
//! (`tests/bytecode/*.txt`, written by `tools/compile/dump_bytecode.py`)
//! hold `dis.dis` of the module (exception tables included) and every
//! code object's fields with the raw `co_code`, `co_linetable` and
//! `co_exceptiontable` bytes. The test prints the match rate.

use std::path::Path;

use pyrs::api::{Config, Interpreter};
use pyrs::compile::{Mode, Options, Source, compile, dis};
use pyrs::objects::bytes::bytes_like_data;
use pyrs::objects::code::CodeObject;
use pyrs::objects::str::str_value;
use pyrs::objects::tuple::tuple_items;
use pyrs::objects::{Obj, PyResult, Vm};

/// Corpus files known to differ, with the reason (none today).
const KNOWN_FAILING: &[(&str, &str)] = &[];

const FIELDS: &[&str] = &[
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
];
const NAME_FIELDS: &[&str] = &["co_varnames", "co_cellvars", "co_freevars", "co_names"];
const BYTE_FIELDS: &[&str] = &["co_code", "co_linetable", "co_exceptiontable"];

fn attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult<Obj> {
    let n = vm.new_str(name);
    vm.getattr(o, &n)
}

fn attr_str(vm: &mut Vm, o: &Obj, name: &str) -> PyResult<String> {
    let v = attr(vm, o, name)?;
    vm.repr_string(&v).map(|s| s.trim_matches('\'').to_string())
}

/// A constant as the golden shows it: nested code by qualname, a
/// frozenset with its elements' reprs sorted.
fn render_const(vm: &mut Vm, c: &Obj) -> PyResult<String> {
    if let Some(code) = c.downcast::<CodeObject>() {
        return Ok(format!("code({})", code.qualname_str()));
    }
    if c.class().name() == "frozenset" {
        let mut items = Vec::new();
        for x in vm.collect(c)? {
            items.push(vm.repr_string(&x)?);
        }
        items.sort();
        return Ok(format!("frozenset({{{}}})", items.join(", ")));
    }
    vm.repr_string(c)
}

/// Every code object, depth first in constant order, as the golden's
/// second section renders it.
fn render_code(vm: &mut Vm, code: &Obj, out: &mut Vec<String>) -> PyResult<()> {
    let mut work = vec![code.clone()];
    while let Some(co) = work.pop() {
        let qualname = attr_str(vm, &co, "co_qualname")?;
        let name = attr_str(vm, &co, "co_name")?;
        out.push(format!("code {qualname} (name {name})"));
        for f in FIELDS {
            let v = attr(vm, &co, f)?;
            out.push(format!("  {f} {}", vm.repr_string(&v)?));
        }
        for f in NAME_FIELDS {
            let v = attr(vm, &co, f)?;
            let names: Vec<String> = tuple_items(&v)
                .unwrap_or_default()
                .iter()
                .map(|n| str_value(n).to_string())
                .collect();
            out.push(format!("  {f} {}", names.join(" ")));
        }
        let consts = attr(vm, &co, "co_consts")?;
        let consts = tuple_items(&consts).unwrap_or_default().to_vec();
        for (i, c) in consts.iter().enumerate() {
            out.push(format!("  const {i} {}", render_const(vm, c)?));
        }
        for f in BYTE_FIELDS {
            let v = attr(vm, &co, f)?;
            let hex: String = bytes_like_data(&v)
                .unwrap_or_default()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            out.push(format!("  {f} {hex}"));
        }
        let children: Vec<Obj> = consts
            .into_iter()
            .filter(|c| c.downcast::<CodeObject>().is_some())
            .collect();
        work.extend(children.into_iter().rev());
    }
    Ok(())
}

/// Replaces each ` at 0x<hex>` with ` at 0x?`.
fn hide_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        out.push_str(" at 0x?");
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// pyrs's rendering of one corpus file, header excluded.
fn pyrs_render(vm: &mut Vm, rel: &str, source: &[u8]) -> PyResult<String> {
    let code = compile(vm, Source::Bytes(source), rel, Options::new(Mode::Exec))?;
    let text = dis::disassemble(vm, &code)?;
    let mut lines = vec!["## dis".to_string()];
    lines.extend(
        hide_addresses(&text)
            .trim_end_matches('\n')
            .split('\n')
            .map(str::to_string),
    );
    lines.push("## code objects".to_string());
    render_code(vm, &code, &mut lines)?;
    Ok(lines.join("\n") + "\n")
}

fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    for i in 0..w.len().max(g.len()) {
        if w.get(i) != g.get(i) {
            return format!(
                "line {}:\n   want: {}\n    got: {}",
                i + 2,
                w.get(i).unwrap_or(&"<end>"),
                g.get(i).unwrap_or(&"<end>")
            );
        }
    }
    "identical".into()
}

#[test]
fn bytecode_corpus_matches_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/bytecode");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/bytecode exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty(), "no corpus files");
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let (mut failed, mut known) = (Vec::new(), Vec::new());
    for src in &sources {
        let stem = src.file_stem().unwrap().to_string_lossy().to_string();
        let rel = format!("tests/bytecode/{stem}.py");
        let golden = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("a golden");
        let want = golden.split_once('\n').map_or("", |(_, r)| r);
        let source = std::fs::read(src).unwrap();
        let got = match pyrs_render(vm, &rel, &source) {
            Ok(s) => s,
            Err(e) => {
                let v = e.into_value();
                let r = vm.repr_string(&v).unwrap_or_default();
                format!("error: {r}\n")
            }
        };
        if got == want {
            println!("ok    {stem}");
            continue;
        }
        let diff = first_difference(want, &got);
        if let Some((_, why)) = KNOWN_FAILING.iter().find(|(n, _)| *n == stem) {
            println!("KNOWN {stem} ({why}): {diff}");
            known.push(stem);
        } else {
            println!("FAIL  {stem}: {diff}");
            failed.push(stem);
        }
    }
    println!(
        "bytecode corpus: {} of {} files identical to python3.14 ({} known to differ)",
        sources.len() - failed.len() - known.len(),
        sources.len(),
        known.len()
    );
    assert!(failed.is_empty(), "bytecode differs: {failed:?}");
}

/// Every behaviour case (`tests/cases/*.py`) compiles to the code objects
/// of the `.pyc` python3.14 wrote for it (committed next to it), field by
/// field; and the `.pyc` pyrs writes for it (`--emit-pyc`) loads back to
/// the same code objects.
#[test]
fn cases_compile_to_cpython_pyc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/cases");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    sources.sort();
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let mut failed = Vec::new();
    for src in &sources {
        let stem = src.file_stem().unwrap().to_string_lossy().to_string();
        let rel = format!("tests/cases/{stem}.py");
        let source = std::fs::read(src).unwrap();
        let pyc = std::fs::read(dir.join(format!("{stem}.pyc"))).expect("a .pyc golden");
        let result = (|| -> PyResult<(String, String, String)> {
            let mut opts = Options::new(Mode::Exec);
            opts.from_file = true;
            let ours = compile(vm, Source::Bytes(&source), &rel, opts)?;
            let theirs = vm.load_pyc(&pyc)?;
            let written = pyrs::vm::unload::write_pyc(vm, &ours, &source)?;
            let reloaded = vm.load_pyc(&written)?;
            let mut a = Vec::new();
            let mut b = Vec::new();
            let mut c = Vec::new();
            render_code(vm, &theirs, &mut a)?;
            render_code(vm, &ours, &mut b)?;
            render_code(vm, &reloaded, &mut c)?;
            Ok((a.join("\n"), b.join("\n"), c.join("\n")))
        })();
        match result {
            Ok((want, got, reloaded)) => {
                if want != got {
                    println!("FAIL  {stem}: {}", first_difference(&want, &got));
                    failed.push(stem);
                } else if got != reloaded {
                    println!(
                        "FAIL  {stem} (emitted .pyc): {}",
                        first_difference(&got, &reloaded)
                    );
                    failed.push(stem);
                }
            }
            Err(e) => {
                let v = e.into_value();
                println!("FAIL  {stem}: {}", vm.repr_string(&v).unwrap_or_default());
                failed.push(stem);
            }
        }
    }
    println!(
        "behaviour cases: {} of {} compile to python3.14's code objects (and round-trip through --emit-pyc)",
        sources.len() - failed.len(),
        sources.len()
    );
    assert!(failed.is_empty(), "cases differ: {failed:?}");
}
