//! The parser's output against `ast.parse` of python3.14: for every source
//! with a `.ast` golden (written by `tools/compile/dump_codegen.py`), pyrs's
//! tree in the same canonical form must match it exactly, positions and
//! all. This checks the parser apart from code generation; the codegen
//! goldens (`tests/compile_codegen.rs`) check the rest.

use std::path::{Path, PathBuf};

use pyrs::compile::ast::{Mod, dump::dump_module};
use pyrs::compile::parse::{Mode, parse};
use pyrs::compile::source::{decode, normalize_newlines};

/// (source, golden) pairs: tests/compile/codegen/*.py and tests/cases/*.py.
pub fn golden_pairs(ext: &str) -> Vec<(PathBuf, PathBuf)> {
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
            let gold = root.join(gold_dir).join(format!("{stem}.{ext}"));
            if gold.exists() {
                out.push((src, gold));
            }
        }
    }
    out
}

fn strip_header(golden: &str) -> &str {
    match golden.split_once('\n') {
        Some((first, rest)) if first.starts_with('#') => rest,
        _ => golden,
    }
}

/// The first differing line, for the report.
fn first_difference(want: &str, got: &str) -> String {
    for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            let at = w
                .chars()
                .zip(g.chars())
                .position(|(a, b)| a != b)
                .unwrap_or(w.len().min(g.len()));
            let from = at.saturating_sub(150);
            let cut = |s: &str| s.chars().skip(from).take(300).collect::<String>();
            return format!(
                "statement {}: first difference at char {at}\n   want: ...{}\n    got: ...{}",
                i + 1,
                cut(w),
                cut(g)
            );
        }
    }
    format!(
        "line counts differ: want {}, got {}",
        want.lines().count(),
        got.lines().count()
    )
}

#[test]
fn ast_matches_cpython() {
    let pairs = golden_pairs("ast");
    assert!(!pairs.is_empty(), "no goldens found");
    let mut failed = Vec::new();
    for (src, gold) in &pairs {
        let bytes = std::fs::read(src).unwrap();
        let want = std::fs::read_to_string(gold).unwrap();
        let want = strip_header(&want);
        let text = normalize_newlines(&decode(&bytes, None).expect("decodes"));
        let got = match parse(&text, Mode::Exec) {
            Ok(p) => match &p.module {
                Mod::Module { body, .. } => dump_module(body),
                _ => unreachable!(),
            },
            Err(e) => format!("parse error: {e:?}\n"),
        };
        let name = src.file_name().unwrap().to_string_lossy();
        if got == want {
            println!("ok   {name}");
        } else {
            println!("FAIL {name}: {}", first_difference(want, &got));
            failed.push(name.to_string());
        }
    }
    println!("{} of {} match", pairs.len() - failed.len(), pairs.len());
    assert!(failed.is_empty(), "AST mismatches: {failed:?}");
}

#[test]
fn dump_shows_positions() {
    let text = "x = f'{y=}'\n";
    let p = parse(text, Mode::Exec).unwrap();
    let Mod::Module { body, .. } = &p.module else {
        unreachable!()
    };
    assert_eq!(
        dump_module(body),
        "Assign(targets=[Name(id='x', ctx=Store)@1:0-1:1], value=JoinedStr(values=[Constant(value=Str('y='))@1:7-1:9, FormattedValue(value=Name(id='y', ctx=Load)@1:7-1:8, conversion=114, format_spec=None)@1:6-1:10])@1:4-1:11)@1:0-1:11\n"
    );
}
