//! What the benches share: the workload manifests of `benches/py` (read the
//! same way as `tools/perf/workloads.py` reads them) and running one `.pyc`
//! in-process with its output captured.
//!
//! A bench never measures a wrong answer: `prepare` runs each program once
//! and compares its output with what python3.14 printed (recorded by
//! `tools/perf/gen_workloads.py`) before any measurement starts.

#![allow(dead_code)] // each bench binary uses a different part

use std::path::{Path, PathBuf};

use pyrs::api::{Config, Interpreter, Outcome};

/// The native stack the interpreter may assume: the benches run it on the
/// main thread, whose stack is 8 MiB.
const NATIVE_STACK: usize = 4 << 20;

/// One line of a manifest: `name ci-size bench-size status description`.
pub struct Workload {
    pub name: String,
    /// The argument under valgrind (gungraun, the CI baseline).
    pub ci_size: u32,
    /// The argument for wall-clock runs (criterion, `make compare`).
    pub bench_size: u32,
    /// False for workloads pyrs cannot run yet (`pending`).
    pub runs: bool,
    dir: PathBuf,
}

/// A `.pyc` ready to run: its bytes, the path it reports, its argv and what
/// python3.14 printed running it.
pub struct Program {
    label: String,
    data: Vec<u8>,
    path: String,
    argv: Vec<String>,
    expected: String,
}

fn py_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches")
        .join("py")
}

/// The workloads of `benches/py/workloads.txt` that pyrs runs.
pub fn workloads() -> Result<Vec<Workload>, String> {
    read_manifest(&py_dir(), "workloads.txt")
}

/// The dispatch micro-benchmarks of `benches/py/micro/micro.txt`.
pub fn micro() -> Result<Vec<Workload>, String> {
    read_manifest(&py_dir().join("micro"), "micro.txt")
}

fn read_manifest(dir: &Path, file: &str) -> Result<Vec<Workload>, String> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let parsed = match fields.as_slice() {
            [name, ci, bench, status, ..] => {
                ci.parse()
                    .ok()
                    .zip(bench.parse().ok())
                    .map(|(ci_size, bench_size)| Workload {
                        name: name.to_string(),
                        ci_size,
                        bench_size,
                        runs: *status == "run",
                        dir: dir.to_path_buf(),
                    })
            }
            _ => None,
        };
        let Some(w) = parsed else {
            return Err(format!(
                "{}:{}: expected `name ci-size bench-size status ...`",
                path.display(),
                number + 1
            ));
        };
        if w.runs {
            out.push(w);
        }
    }
    Ok(out)
}

/// Finds `name` among `list` (for benches that name their workloads).
pub fn find<'a>(list: &'a [Workload], name: &str) -> Result<&'a Workload, String> {
    list.iter()
        .find(|w| w.name == name)
        .ok_or_else(|| format!("no workload `{name}` with status `run` in the manifest"))
}

impl Workload {
    /// Loads the `.pyc` for a run with argument `size`, and what python3.14
    /// printed for it.
    pub fn program(&self, size: u32) -> Result<Program, String> {
        let pyc = self.dir.join(format!("{}.pyc", self.name));
        let data = std::fs::read(&pyc).map_err(|e| format!("{}: {e}", pyc.display()))?;
        let out = self
            .dir
            .join("expected")
            .join(format!("{}.{size}.out", self.name));
        let expected =
            std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let path = pyc.display().to_string();
        Ok(Program {
            label: format!("{} {size}", self.name),
            data,
            argv: vec![path.clone(), size.to_string()],
            path,
            expected,
        })
    }

    /// Whether the workload's `.py` source contains `text`.
    pub fn source_mentions(&self, text: &str) -> bool {
        let py = self.dir.join(format!("{}.py", self.name));
        std::fs::read_to_string(py).is_ok_and(|s| s.contains(text))
    }

    /// Loads the program and checks, by running it once, that pyrs prints
    /// what python3.14 printed.
    pub fn prepare(&self, size: u32) -> Result<Program, String> {
        let program = self.program(size)?;
        program.check(program.run())?;
        Ok(program)
    }
}

impl Program {
    /// Runs the program in a new interpreter and returns what it printed.
    pub fn run(&self) -> Result<String, String> {
        let config = Config {
            argv: self.argv.clone(),
            capture_output: true,
            native_stack_size: NATIVE_STACK,
            ..Config::default()
        };
        let mut interp = Interpreter::new(config);
        let outcome = interp.run_pyc_main(&self.data, &self.path);
        let stdout = interp.vm().take_captured(0);
        match outcome {
            Outcome::Finished => Ok(stdout),
            other => Err(format!(
                "{}: {other:?}\n{}",
                self.label,
                interp.vm().take_captured(1)
            )),
        }
    }

    /// Whether a run printed what python3.14 printed.
    pub fn check(&self, output: Result<String, String>) -> Result<(), String> {
        let got = output?;
        if got == self.expected {
            return Ok(());
        }
        Err(format!(
            "{}: pyrs printed\n{got}python3.14 printed\n{}",
            self.label, self.expected
        ))
    }
}

/// Reports a setup failure and stops the bench (benches must not panic).
pub fn fail(msg: &str) -> ! {
    eprintln!("bench setup failed: {msg}");
    std::process::exit(1)
}
