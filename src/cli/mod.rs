//! The `pyrs` command line: `pyrs FILE.py [ARGS...]` (source),
//! `pyrs FILE.pyc [ARGS...]` (a python3.14 `.pyc`), `pyrs -c CMD [ARGS...]`,
//! `pyrs -m MODULE [ARGS...]`, `pyrs - [ARGS...]` (source from stdin),
//! `pyrs --version`.

mod program;
mod signals;

use program::parse_program;

use crate::api::{Config, Interpreter, Outcome};

pub(crate) const USAGE: &str =
    "usage: pyrs [--version] [--stats] (FILE.py | FILE.pyc | -c CMD | -m MODULE | -) [ARGS...]";

/// Stack for the interpreter thread: deep native recursion (calls from
/// builtins back into Python, nested reprs) needs room; only touched pages
/// are committed. `PYRS_STACK_SIZE` overrides it (CI runs the tail-call
/// backend on a small stack to prove it does not grow per instruction).
const DEFAULT_STACK: usize = 256 * 1024 * 1024;

/// Runs the command line and returns the process exit status.
pub fn main() -> i32 {
    let mut args: Vec<String> = std::env::args().collect();
    let mut stats = false;
    while args.get(1).map(String::as_str) == Some("--stats") {
        stats = true;
        args.remove(1);
    }
    if stats && !cfg!(feature = "stats") {
        eprintln!(
            "pyrs: --stats needs a build with the stats feature (cargo build --release --features stats)"
        );
        return 2;
    }
    let Some(first) = args.get(1) else {
        eprintln!("{USAGE}");
        return 2;
    };
    match first.as_str() {
        "--version" | "-V" => {
            println!(
                "pyrs {} (Python 3.14 bytecode, dispatch: {})",
                env!("CARGO_PKG_VERSION"),
                crate::vm::dispatch::BACKEND
            );
            return 0;
        }
        "-h" | "--help" => {
            println!("{USAGE}");
            return 0;
        }
        f if f.starts_with('-') && !matches!(f, "-" | "-c" | "-m" | "--dis" | "--emit-pyc") => {
            eprintln!("pyrs: unknown option {f}\n{USAGE}");
            return 2;
        }
        _ => {}
    }
    let program = match parse_program(&args) {
        Ok(p) => p,
        Err(status) => return status,
    };
    let stack = std::env::var("PYRS_STACK_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_STACK);
    let config = Config {
        argv: program.argv(&args),
        native_stack_size: stack,
        path: initial_sys_path(program.sys_path0()),
        ..Config::default()
    };
    let runner = std::thread::Builder::new()
        .name("pyrs".into())
        .stack_size(stack)
        .spawn(move || {
            let mut interp = Interpreter::new(config);
            signals::install(interp.interrupt_handle());
            let outcome = program.run(&mut interp);
            signals::uninstall();
            report_stats(&mut interp, stats);
            outcome
        });
    let outcome = match runner.map(|h| h.join()) {
        Ok(Ok(o)) => o,
        Ok(Err(_)) => {
            eprintln!("pyrs: internal error (the interpreter panicked); this is a bug in pyrs");
            return 70;
        }
        Err(e) => {
            eprintln!("pyrs: cannot start the interpreter thread: {e}");
            return 70;
        }
    };
    if outcome == Outcome::Interrupted {
        signals::die_by_sigint();
    }
    outcome.exit_status()
}

/// Prints the execution counts (`--stats`) and writes them to
/// `PYRS_STATS_FILE` when the `stats` feature is built in.
#[cfg(feature = "stats")]
fn report_stats(interp: &mut Interpreter, print: bool) {
    let stats = &interp.vm().stats;
    if print {
        eprint!("{}", stats.report());
    }
    if let Ok(path) = std::env::var("PYRS_STATS_FILE") {
        let _ = std::fs::write(path, stats.counts_text());
    }
}

#[cfg(not(feature = "stats"))]
fn report_stats(_: &mut Interpreter, _: bool) {}

/// The strerror text CPython shows for common file errors.
pub(crate) fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        std::io::ErrorKind::IsADirectory => "Is a directory".into(),
        _ => e.to_string(),
    }
}

/// `sys.path` (`Modules/getpath.py`): `first` (see
/// `Program::sys_path0`), then each `PYTHONPATH` entry.
fn initial_sys_path(first: String) -> Vec<String> {
    let mut path = vec![first];
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        path.extend(
            std::env::split_paths(&pp)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| p.to_string_lossy().into_owned()),
        );
    }
    path
}
