//! `pyrs -m MODULE`: runs a module or a package's `__main__` from
//! `sys.path` as `__main__` (runpy's rules), with the messages CPython
//! gives when there is nothing to run. The expected outputs are what
//! `python3.14 -m ...` prints in `tests/cases` (the modules live in
//! `tests/cases/imppkg`, with unchecked `.pyc` files in its `__pycache__`).

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (String, String, i32) {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let out = Command::new(env!("CARGO_BIN_EXE_pyrs"))
        .args(args)
        .current_dir(&cases)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONPATH")
        .output()
        .expect("pyrs runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn module_in_a_package_runs_as_main_with_relative_imports() {
    let (out, err, status) = run(&["-m", "imppkg.run_as_main", "a", "b"]);
    assert_eq!(err, "");
    assert_eq!(status, 0);
    assert_eq!(out, "__main__ imppkg 8 ['a', 'b']\nTrue True\n");
}

#[test]
fn package_runs_its_dunder_main() {
    let (out, err, status) = run(&["-m", "imppkg", "x"]);
    assert_eq!((err.as_str(), status), ("", 0));
    assert_eq!(out, "package main __main__ imppkg ['x']\n");
}

#[test]
fn missing_modules_are_reported_as_runpy_does() {
    for (name, message) in [
        ("no_such_module_here", "No module named no_such_module_here"),
        ("imppkg.no_such_sub", "No module named imppkg.no_such_sub"),
        (
            "imppkg.sub",
            "No module named imppkg.sub.__main__; 'imppkg.sub' is a package and cannot be directly executed",
        ),
        (
            "no_such_pkg.x",
            "Error while finding module specification for 'no_such_pkg.x' (ModuleNotFoundError: No module named 'no_such_pkg')",
        ),
    ] {
        let (out, err, status) = run(&["-m", name]);
        assert_eq!(out, "", "{name}");
        assert_eq!(status, 1, "{name}");
        assert!(err.ends_with(&format!(": {message}\n")), "{name}: {err}");
    }
}
