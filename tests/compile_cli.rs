//! The `pyrs` command line running source: `-c CMD`, `-` (stdin), `FILE.py`
//! (syntax errors, tracebacks, a missing file) and `--dis FILE.py`, against
//! python3.14's behaviour for the same invocations (goldens in
//! `tests/compile/cli/`, written by `tools/compile/dump_cli.py`; `--dis`
//! is compared with `python3.14 -m dis`). Also `--emit-pyc`: the `.pyc`
//! it writes runs under pyrs with the source's own output.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

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

fn run(args: &[&str], stdin: &[u8]) -> (String, String, i32) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrs"))
        .args(args)
        .current_dir(root)
        .env_clear()
        .env("PYTHONHASHSEED", "0")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyrs runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    let root_text = root.display().to_string();
    let clean =
        |b: &[u8]| hide_addresses(&String::from_utf8_lossy(b)).replace(&root_text, "<root>");
    (
        clean(&out.stdout),
        clean(&out.stderr),
        out.status.code().unwrap_or(-1),
    )
}

/// `invocations.txt` writes a backslash as `\\` and a newline as `\n`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn cli_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compile/cli");
    let list = std::fs::read_to_string(dir.join("invocations.txt")).expect("invocations");
    let mut failures = Vec::new();
    let mut total = 0;
    for line in list.lines().filter(|l| !l.is_empty()) {
        let mut parts = line.split('\t');
        let name = parts.next().unwrap();
        let owned: Vec<String> = parts.map(unescape).collect();
        let args: Vec<&str> = owned.iter().map(String::as_str).collect();
        let read = |ext: &str| std::fs::read(dir.join(format!("{name}.{ext}"))).unwrap_or_default();
        let want_status: i32 = String::from_utf8_lossy(&read("status"))
            .trim()
            .parse()
            .unwrap();
        let want = (
            String::from_utf8_lossy(&read("stdout")).into_owned(),
            String::from_utf8_lossy(&read("stderr")).into_owned(),
            want_status,
        );
        let got = run(&args, &read("stdin"));
        total += 1;
        if got != want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        } else {
            println!("ok    {name}");
        }
    }
    println!(
        "{}/{total} invocations match python3.14",
        total - failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn emitted_pyc_runs_like_its_source() {
    let out = std::env::temp_dir().join(format!("pyrs-emit-{}.pyc", std::process::id()));
    let out_s = out.display().to_string();
    for case in [
        "tests/cases/closures.py",
        "tests/cases/fail_exception_group.py",
    ] {
        let (o, e, s) = run(&["--emit-pyc", &out_s, case], b"");
        assert_eq!(
            (o.as_str(), e.as_str(), s),
            ("", "", 0),
            "--emit-pyc {case}"
        );
        let from_pyc = run(&[&out_s], b"");
        let from_source = run(&[case], b"");
        let rel = |s: &str| s.replace("<root>/", "");
        assert_eq!(from_pyc.0, from_source.0, "{case}: stdout");
        assert_eq!(rel(&from_pyc.1), rel(&from_source.1), "{case}: stderr");
        assert_eq!(from_pyc.2, from_source.2, "{case}: status");
    }
    let _ = std::fs::remove_file(&out);
}
