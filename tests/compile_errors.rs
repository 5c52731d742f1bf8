//! Compile errors against python3.14: every case of
//! `tests/compile/errors/cases.txt` is compiled and the exception (type,
//! `args`, and a SyntaxError's filename, lineno, offset, text, end_lineno,
//! end_offset) must match `cases.golden`, written by
//! `tools/compile/dump_errors.py`.
//!
//! Cases listed in `KNOWN_DIFFERENT` are reported but do not fail the
//! test; each entry says why.

use std::path::Path;

use pyrs::api::{Config, Interpreter};
use pyrs::compile::{Mode, Options, Source, codegen_module};
use pyrs::objects::exceptions::SYNTAX_ERROR;
use pyrs::objects::str::str_value;
use pyrs::objects::{Obj, Vm, exceptions, tuple};

/// Cases whose error differs from CPython's, with the reason.
const KNOWN_DIFFERENT: &[(&str, &str)] = &[];

fn parse_cases(text: &str) -> Vec<(String, Mode, String)> {
    let mut cases = Vec::new();
    let mut cur: Option<(String, Mode, Vec<&str>)> = None;
    for line in text.split('\n') {
        if let Some(head) = line.strip_prefix("### ") {
            if let Some((n, m, l)) = cur.take() {
                cases.push((n, m, l.join("\n")));
            }
            let head = head.trim();
            let (name, mode) = match head.split_once('[') {
                Some((n, m)) => (
                    n.trim().to_string(),
                    match m.trim_end_matches(']') {
                        "eval" => Mode::Eval,
                        "single" => Mode::Single,
                        _ => Mode::Exec,
                    },
                ),
                None => (head.to_string(), Mode::Exec),
            };
            cur = Some((name, mode, Vec::new()));
        } else if let Some((_, _, l)) = &mut cur {
            l.push(line);
        }
    }
    if let Some((n, m, l)) = cur {
        cases.push((n, m, l.join("\n")));
    }
    cases
}

fn repr(vm: &mut Vm, o: &Obj) -> String {
    match vm.repr(o) {
        Ok(s) => str_value(&s).to_string(),
        Err(_) => "<repr failed>".into(),
    }
}

/// The golden's description of what compiling `src` did.
fn describe(vm: &mut Vm, src: &str, mode: Mode) -> String {
    let mut opts = Options::new(mode);
    opts.optimize = 0;
    let r = codegen_module(vm, Source::Text(src), "<case>", opts);
    let e = match r {
        Ok(_) => return "ok\n".into(),
        Err(e) => e.into_value(),
    };
    let args = tuple::new_tuple(exceptions::exc_args(&e));
    let mut out = format!("{}: {}\n", e.class().name(), repr(vm, &args));
    if e.class().is_subtype(&SYNTAX_ERROR) {
        let mut attrs = Vec::new();
        for name in [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ] {
            attrs.push(vm.getattr_str(&e, name).unwrap_or_else(|_| Obj::none()));
        }
        let t = tuple::new_tuple(attrs);
        out.push_str(&format!("attrs: {}\n", repr(vm, &t)));
    }
    out
}

#[test]
fn compile_errors_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = std::fs::read_to_string(root.join("tests/compile/errors/cases.txt")).unwrap();
    let golden = std::fs::read_to_string(root.join("tests/compile/errors/cases.golden")).unwrap();
    let mut want = std::collections::HashMap::new();
    let mut name = String::new();
    for line in golden.lines().skip(1) {
        if let Some(n) = line.strip_prefix("### ") {
            name = n.to_string();
            want.insert(name.clone(), String::new());
        } else if let Some(w) = want.get_mut(&name) {
            w.push_str(line);
            w.push('\n');
        }
    }
    let mut interp = Interpreter::new(Config::default());
    let vm = interp.vm();
    let cases = parse_cases(&cases);
    let mut failed = Vec::new();
    let mut known = 0;
    for (name, mode, src) in &cases {
        let got = describe(vm, src, *mode);
        let expected = want.get(name).cloned().unwrap_or_default();
        if got == expected {
            println!("ok    {name}");
            continue;
        }
        let detail = format!("\n   want: {}    got: {}", expected, got);
        if let Some((_, why)) = KNOWN_DIFFERENT.iter().find(|(n, _)| n == name) {
            println!("KNOWN {name} ({why}){detail}");
            known += 1;
        } else {
            println!("FAIL  {name}{detail}");
            failed.push(name.clone());
        }
    }
    println!(
        "{} of {} match; {known} known to differ; {} fail",
        cases.len() - failed.len() - known,
        cases.len(),
        failed.len()
    );
    assert!(failed.is_empty(), "compile errors differ: {failed:?}");
}
