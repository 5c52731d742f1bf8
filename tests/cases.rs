//! Runs every program of `tests/cases/` under the `pyrs` binary and compares
//! stdout, stderr and the exit status with python3.14's goldens, byte for
//! byte (see `tests/cases/README.md`).
//!
//! `PYRS_CASES=name1,prefix*` restricts the run (exact names, or prefixes
//! ending in `*`); `PYRS_STACK_SIZE` is passed
//! through to pyrs (CI uses it to run the tail-call backend on a small
//! stack).

use std::path::{Path, PathBuf};
use std::process::Command;

struct Case {
    name: String,
    pyc: PathBuf,
    args: Vec<String>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: i32,
}

fn load_cases(dir: &Path) -> Vec<Case> {
    let filter: Option<Vec<String>> = std::env::var("PYRS_CASES")
        .ok()
        .map(|s| s.split(',').map(|x| x.trim().to_string()).collect());
    let mut cases = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/cases exists")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.extension().and_then(|x| x.to_str()) != Some("pyc") {
            continue;
        }
        let name = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if let Some(f) = &filter
            && !f.iter().any(|pat| match pat.strip_suffix('*') {
                Some(prefix) => name.starts_with(prefix),
                None => *pat == name,
            })
        {
            continue;
        }
        let read = |ext: &str| std::fs::read(dir.join(format!("{name}.{ext}"))).unwrap_or_default();
        let status = String::from_utf8_lossy(&read("status"))
            .trim()
            .parse()
            .expect("a .status golden");
        let args = String::from_utf8_lossy(&read("args"))
            .lines()
            .map(str::to_string)
            .collect();
        cases.push(Case {
            name: name.clone(),
            pyc: p.clone(),
            args,
            stdout: read("stdout"),
            stderr: read("stderr"),
            status,
        });
    }
    cases
}

/// A short, readable description of how two outputs differ.
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
fn cases_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = load_cases(&root.join("tests/cases"));
    assert!(!cases.is_empty(), "no cases found");
    let bin = env!("CARGO_BIN_EXE_pyrs");
    let mut failures = Vec::new();
    for c in &cases {
        let rel = c.pyc.strip_prefix(root).unwrap_or(&c.pyc);
        let mut cmd = Command::new(bin);
        cmd.arg(rel)
            .args(&c.args)
            .current_dir(root)
            .env_clear()
            .env("PYTHONHASHSEED", "0")
            .env("LC_ALL", "C.UTF-8");
        if let Ok(s) = std::env::var("PYRS_STACK_SIZE") {
            cmd.env("PYRS_STACK_SIZE", s);
        }
        let out = cmd.output().expect("pyrs runs");
        let status = out.status.code().unwrap_or(-1);
        let mut problems = String::new();
        if out.stdout != c.stdout {
            problems.push_str(&diff("stdout", &c.stdout, &out.stdout));
        }
        if out.stderr != c.stderr {
            problems.push_str(&diff("stderr", &c.stderr, &out.stderr));
        }
        if status != c.status {
            problems.push_str(&format!("  status: want {}, got {status}\n", c.status));
        }
        if !problems.is_empty() {
            failures.push(format!("{}:\n{problems}", c.name));
        }
    }
    let passed = cases.len() - failures.len();
    println!("{passed}/{} cases match CPython 3.14", cases.len());
    if !failures.is_empty() {
        panic!(
            "{} of {} cases differ from CPython 3.14:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }
}
