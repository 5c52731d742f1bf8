//! Every program of `tests/cases/` run FROM SOURCE (`pyrs tests/cases/X.py`,
//! compiled by pyrs's compiler) must reproduce the same python3.14 goldens
//! (stdout, stderr, exit status) as the `.pyc` run of `tests/cases.rs`.
//!
//! Cases in `SKIP` cannot match by construction; each says why, and the
//! test prints them. `PYRS_CASES` filters as in `tests/cases.rs`.

use std::path::Path;
use std::process::Command;

/// Cases whose goldens depend on running the `.pyc`, with the reason.
const SKIP: &[(&str, &str)] = &[
    (
        "argv",
        "prints sys.argv[0].endswith(\"argv.pyc\"), True only for the .pyc run",
    ),
    (
        "sets",
        "the golden's set order comes from the .pyc: marshal rebuilds the frozenset \
         constant {..., -1, -2} (hash(-1) == hash(-2)) in another order; \
         `python3.14 tests/cases/sets.py` prints -2, -1 as pyrs does",
    ),
];

fn filter_matches(name: &str) -> bool {
    match std::env::var("PYRS_CASES") {
        Err(_) => true,
        Ok(f) => f
            .split(',')
            .map(str::trim)
            .any(|pat| match pat.strip_suffix('*') {
                Some(prefix) => name.starts_with(prefix),
                None => pat == name,
            }),
    }
}

/// The first differing line of two outputs, for the failure report.
fn diff(label: &str, want: &[u8], got: &[u8]) -> String {
    let (w, g) = (String::from_utf8_lossy(want), String::from_utf8_lossy(got));
    let (wl, gl): (Vec<&str>, Vec<&str>) = (w.lines().collect(), g.lines().collect());
    let first = wl
        .iter()
        .zip(gl.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(wl.len().min(gl.len()));
    let mut out = format!("  {label} differs at line {}:\n", first + 1);
    for i in first..(first + 3).min(wl.len().max(gl.len())) {
        out.push_str(&format!(
            "    want: {:?}\n    got:  {:?}\n",
            wl.get(i),
            gl.get(i)
        ));
    }
    out
}

#[test]
fn cases_from_source_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/cases");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|n| filter_matches(n))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no cases found");
    let bin = env!("CARGO_BIN_EXE_pyrs");
    let mut failures = Vec::new();
    let mut skipped = 0;
    let mut ran = 0;
    for name in &names {
        if let Some((_, why)) = SKIP.iter().find(|(n, _)| n == name) {
            println!("skip  {name}: {why}");
            skipped += 1;
            continue;
        }
        let read = |ext: &str| std::fs::read(dir.join(format!("{name}.{ext}"))).unwrap_or_default();
        let status: i32 = String::from_utf8_lossy(&read("status"))
            .trim()
            .parse()
            .expect("a .status golden");
        let args: Vec<String> = String::from_utf8_lossy(&read("args"))
            .lines()
            .map(str::to_string)
            .collect();
        let mut cmd = Command::new(bin);
        cmd.arg(format!("tests/cases/{name}.py"))
            .args(&args)
            .current_dir(root)
            .env_clear()
            .env("PYTHONHASHSEED", "0")
            .env("LC_ALL", "C.UTF-8");
        if let Ok(s) = std::env::var("PYRS_STACK_SIZE") {
            cmd.env("PYRS_STACK_SIZE", s);
        }
        let mut out = cmd.output().expect("pyrs runs");
        ran += 1;
        // A script's co_filename is absolute (as CPython makes it); the
        // goldens come from the .pyc, compiled with the relative path.
        let prefix = format!("{}/", root.display());
        out.stderr = String::from_utf8_lossy(&out.stderr)
            .replace(&prefix, "")
            .into_bytes();
        let got_status = out.status.code().unwrap_or(-1);
        let mut problems = String::new();
        if out.stdout != read("stdout") {
            problems.push_str(&diff("stdout", &read("stdout"), &out.stdout));
        }
        if out.stderr != read("stderr") {
            problems.push_str(&diff("stderr", &read("stderr"), &out.stderr));
        }
        if got_status != status {
            problems.push_str(&format!("  status: want {status}, got {got_status}\n"));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}:\n{problems}"));
        }
    }
    println!(
        "{}/{ran} cases match CPython 3.14 when run from source ({skipped} skipped)",
        ran - failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {ran} cases differ when run from source:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
