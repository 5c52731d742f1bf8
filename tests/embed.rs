//! The embedding API: independent interpreters in one process, results and
//! exceptions reported to the host, output capture, and interrupting a
//! running interpreter from another thread.

use std::path::PathBuf;
use std::time::Duration;

use pyrs::api::{Config, Interpreter, Outcome};

fn program(name: &str) -> (Vec<u8>, String) {
    let rel = format!("tests/fixtures/programs/{name}.pyc");
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(&rel);
    (std::fs::read(path).expect("fixture"), rel)
}

fn capturing(argv0: &str) -> Interpreter {
    Interpreter::new(Config {
        argv: vec![argv0.to_string()],
        capture_output: true,
        ..Config::default()
    })
}

#[test]
fn interpreters_are_independent() {
    let (hello, path) = program("hello");
    let mut a = capturing("first");
    let mut b = capturing("second");
    // Interleave runs: each sees its own sys.argv and writes its own output.
    assert_eq!(a.run_pyc_main(&hello, &path), Outcome::Finished);
    assert_eq!(b.run_pyc_main(&hello, &path), Outcome::Finished);
    assert_eq!(a.run_pyc_main(&hello, &path), Outcome::Finished);
    assert_eq!(
        a.vm().take_captured(0),
        "hello from first\ntotal 14\nhello from first\ntotal 14\n"
    );
    assert_eq!(b.vm().take_captured(0), "hello from second\ntotal 14\n");
    drop(a);
    // Dropping one leaves the other usable.
    assert_eq!(b.run_pyc_main(&hello, &path), Outcome::Finished);
    assert_eq!(b.vm().take_captured(0), "hello from second\ntotal 14\n");
}

#[test]
fn interpreters_on_several_threads_at_once() {
    let threads: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let (hello, path) = program("hello");
                let mut interp = capturing(&format!("thread{i}"));
                for _ in 0..20 {
                    assert_eq!(interp.run_pyc_main(&hello, &path), Outcome::Finished);
                }
                interp.vm().take_captured(0)
            })
        })
        .collect();
    for (i, t) in threads.into_iter().enumerate() {
        let out = t.join().expect("interpreter thread");
        assert_eq!(out, format!("hello from thread{i}\ntotal 14\n").repeat(20));
    }
}

#[test]
fn an_uncaught_exception_is_reported_with_its_traceback() {
    let (raises, path) = program("raises");
    let mut interp = capturing("raises");
    let outcome = interp.run_pyc_main(&raises, &path);
    assert_eq!(
        outcome,
        Outcome::Raised {
            type_name: "ZeroDivisionError".into(),
            message: "division by zero".into()
        }
    );
    assert_eq!(outcome.exit_status(), 1);
    let err = interp.vm().take_captured(1);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(
        err.ends_with("ZeroDivisionError: division by zero\n"),
        "{err}"
    );
}

#[test]
fn a_code_object_runs_and_reports_its_exception() {
    let (raises, _) = program("raises");
    let mut interp = capturing("x");
    let code = interp.vm().load_pyc(&raises).expect("load");
    let err = interp.run_main_code(&code, None).expect_err("1 / 0 raises");
    assert_eq!(err.value().class().name(), "ZeroDivisionError");
    // The interpreter stays usable after an exception.
    let (hello, _) = program("hello");
    let code = interp.vm().load_pyc(&hello).expect("load");
    interp.run_main_code(&code, None).expect("runs");
    assert_eq!(interp.vm().take_captured(0), "hello from x\ntotal 14\n");
}

#[test]
fn a_bad_pyc_is_an_exception_not_a_crash() {
    // As `python3.14 junk.pyc` (CPython's `run_pyc_file`).
    let mut interp = capturing("x");
    let outcome = interp.run_pyc_main(b"not a pyc file at all", "junk.pyc");
    assert_eq!(
        outcome,
        Outcome::Raised {
            type_name: "RuntimeError".into(),
            message: "Bad magic number in .pyc file".into()
        }
    );
    let (hello, _) = program("hello");
    let outcome = interp.run_pyc_main(&hello[..40], "truncated.pyc");
    assert_eq!(
        outcome,
        Outcome::Raised {
            type_name: "RuntimeError".into(),
            message: "Bad code object in .pyc file".into()
        }
    );
}

#[test]
fn interrupt_handle_stops_a_running_interpreter() {
    for name in ["spin", "spin_calls"] {
        let (tx, rx) = std::sync::mpsc::channel();
        let runner = std::thread::spawn(move || {
            let (spin, path) = program(name);
            let mut interp = capturing("spin");
            tx.send(interp.interrupt_handle()).expect("send handle");
            interp.run_pyc_main(&spin, &path)
        });
        let handle = rx.recv().expect("handle");
        std::thread::sleep(Duration::from_millis(100));
        handle.interrupt();
        let outcome = runner.join().expect("runner");
        assert_eq!(outcome, Outcome::Interrupted, "{name}");
    }
}

/// A cycle an interpreter leaves behind when it is dropped is never
/// finalized by a collection another interpreter on the same thread runs.
#[test]
fn a_dropped_interpreters_cycles_are_not_finalized_by_another() {
    use pyrs::api::SourceInput;
    let leave_cycle = "
import sys
class D:
    def __del__(self):
        print('finalized in the wrong interpreter')
d = D()
d.me = d
sys.kept = d
";
    let mut a = capturing("a");
    let out = a.run_source_main(SourceInput::Command(leave_cycle), "<string>", None);
    assert_eq!(out, Outcome::Finished);
    drop(a);
    let mut b = capturing("b");
    let out = b.run_source_main(
        SourceInput::Command("import gc\nprint(gc.collect() >= 0)"),
        "<string>",
        None,
    );
    assert_eq!(out, Outcome::Finished);
    assert_eq!(b.vm().take_captured(0), "True\n");
}
