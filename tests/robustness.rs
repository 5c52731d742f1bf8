//! Bad input is normal input: the `pyrs` binary must answer deep native
//! recursion, Ctrl-C and corrupted bytecode with Python exceptions or clear
//! errors, never a crash, a panic or a hang.
//!
//! The programs are `tests/fixtures/programs/*.pyc` (python3.14 wrote them;
//! see the README there).

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pyrs() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrs"));
    cmd.current_dir(root())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("PYTHONHASHSEED", "0")
        .env("LC_ALL", "C.UTF-8")
        .env("RUST_BACKTRACE", "0");
    cmd
}

fn program(name: &str) -> String {
    format!("tests/fixtures/programs/{name}.pyc")
}

/// Waits for `child` at most `limit`; kills it and returns None on timeout.
fn wait_with_limit(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let start = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether a status means pyrs itself failed: killed by a signal other
/// than the expected one, or the status the CLI uses for a caught panic
/// (70), or Rust's panic status (101).
fn crashed(status: &ExitStatus) -> bool {
    status.signal().is_some() || matches!(status.code(), Some(70) | Some(101))
}

#[test]
fn deep_native_recursion_raises_recursion_error() {
    // CPython's stack size (8 MiB) and a small one (the CI configuration of
    // the tail-call backend) must both end in RecursionError for each case.
    // (pyrs's default 256 MiB stack is deep enough to finish some of them.)
    for stack in [Some("8388608"), Some("262144")] {
        let mut cmd = pyrs();
        cmd.arg(program("deep_nesting"));
        if let Some(s) = stack {
            cmd.env("PYRS_STACK_SIZE", s);
        }
        let out = cmd.output().expect("run pyrs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "stack {stack:?}: {:?}\nstdout:\n{stdout}\nstderr:\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = "repr list RecursionError\nstr dict RecursionError\n\
                        hash tuple RecursionError\ncompare lists RecursionError\n\
                        sorted key RecursionError\ndone\n";
        assert_eq!(stdout, expected, "stack {stack:?}");
    }
}

/// Sends SIGINT to a running program once it has printed "ready".
fn interrupt_when_ready(name: &str) -> (ExitStatus, String) {
    let mut child = pyrs()
        .arg(program(name))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyrs");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("read ready line");
    assert_eq!(line, "ready\n");
    std::thread::sleep(Duration::from_millis(50));
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(kill.success());
    let status = wait_with_limit(&mut child, Duration::from_secs(20))
        .expect("pyrs did not stop after SIGINT");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    (status, stderr)
}

#[test]
fn sigint_raises_keyboard_interrupt_and_dies_by_sigint() {
    // A backward jump (JUMP_BACKWARD) and a call (RESUME) are where the
    // eval breaker is polled.
    for name in ["spin", "spin_calls"] {
        let (status, stderr) = interrupt_when_ready(name);
        assert!(
            stderr.starts_with("Traceback (most recent call last):\n"),
            "{name}: {stderr}"
        );
        assert!(
            stderr.ends_with("\nKeyboardInterrupt\n"),
            "{name}: {stderr}"
        );
        // As CPython: after printing the traceback, re-raise SIGINT so the
        // parent sees death by signal.
        assert_eq!(status.signal(), Some(2), "{name}: {status:?}");
    }
}

/// A tiny deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Corrupts a `.pyc` image past its 16-byte header: flips, overwrites,
/// deletes or duplicates a few bytes.
fn mutate(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let mut out = data.to_vec();
    for _ in 0..1 + rng.below(4) {
        if out.len() <= 17 {
            break;
        }
        let i = 16 + rng.below(out.len() - 16);
        match rng.below(4) {
            0 => out[i] ^= 1 << rng.below(8),
            1 => out[i] = rng.next() as u8,
            2 => {
                out.remove(i);
            }
            _ => {
                let b = out[i];
                out.insert(i, b);
            }
        }
    }
    out
}

#[test]
fn corrupted_bytecode_never_crashes() {
    // Every corpus program, mutated a few times each: pyrs must load and
    // reject it (a marshal error or the verifier's SystemError), or run it
    // to an ordinary end or Python exception. A run may be cut off by the
    // time limit (mutations can make infinite loops); that is counted, not
    // failed.
    let cases = root().join("tests/cases");
    let mut pycs: Vec<PathBuf> = std::fs::read_dir(&cases)
        .expect("tests/cases")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pyc"))
        .collect();
    pycs.sort();
    let dir = std::env::temp_dir().join(format!("pyrs-mutated-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // PYRS_FUZZ_SEED and PYRS_FUZZ_ROUNDS widen the search locally; CI
    // runs the fixed default.
    let seed = std::env::var("PYRS_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15u64);
    let rounds: usize = std::env::var("PYRS_FUZZ_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let mut rng = Rng(seed | 1);
    let (mut runs, mut timeouts) = (0, 0);
    let mut failures = Vec::new();
    for pyc in &pycs {
        let data = std::fs::read(pyc).expect("read pyc");
        for k in 0..rounds {
            let bad = mutate(&mut rng, &data);
            let path = dir.join(format!("{}-{k}.pyc", stem(pyc)));
            std::fs::write(&path, &bad).expect("write mutated pyc");
            let mut child = pyrs()
                .arg(&path)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn pyrs");
            let mut stderr = child.stderr.take().expect("stderr");
            let reader = std::thread::spawn(move || {
                let mut s = Vec::new();
                let _ = stderr.read_to_end(&mut s);
                s
            });
            runs += 1;
            match wait_with_limit(&mut child, Duration::from_secs(5)) {
                None => timeouts += 1,
                Some(status) => {
                    let err =
                        String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
                    if crashed(&status) || err.contains("panicked") {
                        let kept = dir.join(format!("crash-{}-{k}.pyc", stem(pyc)));
                        let _ = std::fs::copy(&path, &kept);
                        failures.push(format!(
                            "{}: {status:?}: {}",
                            kept.display(),
                            err.lines().last().unwrap_or("")
                        ));
                        continue;
                    }
                }
            }
            let _ = std::fs::remove_file(&path);
        }
    }
    eprintln!("{runs} mutated programs run, {timeouts} stopped by the time limit");
    assert!(
        failures.is_empty(),
        "pyrs crashed on mutated bytecode (inputs kept):\n{}",
        failures.join("\n")
    );
    let _ = std::fs::remove_dir(&dir);
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("x")
        .to_string()
}
