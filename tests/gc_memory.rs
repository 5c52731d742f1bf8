//! The cycle collector keeps memory flat under a loop that makes cyclic
//! garbage, and `__del__` runs for what it collects.
//!
//! Two measures, neither depending on timing: the number of objects the
//! collector tracks (exact, from `pyrs::objects::gc::tracked_count`) and the
//! process's peak resident size (`VmHWM` in /proc/self/status). This file
//! holds a single test so that no other test shares the process's peak.

use pyrs::api::{Config, Interpreter, Outcome, SourceInput};
use pyrs::objects::gc::tracked_count;

/// Cycles made per run: each iteration leaves two instances, their two
/// dicts and a list in one cycle, so 2,000,000 cyclic objects in all.
const ITERATIONS: usize = 400_000;

/// A program that makes `n` cycles, after `prelude`, and prints whether
/// every node's `__del__` ran and whether the collector is on.
fn churn(prelude: &str, n: usize) -> String {
    format!(
        "{prelude}
import gc
deleted = 0
class Node:
    def __init__(self, other):
        self.other = other
    def __del__(self):
        global deleted
        deleted += 1
def churn(n):
    for i in range(n):
        a = Node(None)
        b = Node(a)
        a.other = [b, a]
churn({n})
print(deleted >= {n}, gc.isenabled())
"
    )
}

fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmHWM line")
}

fn run(interp: &mut Interpreter, program: &str) -> String {
    let outcome = interp.run_source_main(SourceInput::Command(program), "<string>", None);
    assert_eq!(outcome, Outcome::Finished, "{program}");
    interp.vm().take_captured(0)
}

#[test]
fn cyclic_garbage_keeps_memory_flat() {
    let mut interp = Interpreter::new(Config {
        capture_output: true,
        ..Config::default()
    });
    // Warm up: the interpreter's own objects, the first chunk of frames.
    assert_eq!(run(&mut interp, &churn("", 1000)), "True True\n");
    let tracked_before = tracked_count();
    let peak_before = peak_rss_kib();

    let out = run(&mut interp, &churn("", ITERATIONS));
    assert_eq!(out, "True True\n", "every node's __del__ ran");
    let tracked_after = tracked_count();
    let peak_after = peak_rss_kib();
    eprintln!(
        "{} cyclic objects: tracked {tracked_before} -> {tracked_after}, peak RSS {peak_before} KiB -> {peak_after} KiB",
        5 * ITERATIONS
    );
    // Without a collector all 2,000,000 objects would still be tracked and
    // take well over 200 MiB.
    assert!(
        tracked_after <= tracked_before + 100,
        "cyclic garbage left tracked: {tracked_before} -> {tracked_after}"
    );
    assert!(
        peak_after <= peak_before + 32 * 1024,
        "peak memory grew from {peak_before} KiB to {peak_after} KiB"
    );

    // The control: the same loop with the collector off, on fewer
    // iterations, raises the peak past the margin allowed above, so that
    // check does see leaks. (Shutdown collects even then, so the count of
    // tracked objects is back down after the run.)
    let leak = 100_000;
    let out = run(&mut interp, &churn("import gc\ngc.disable()", leak));
    assert_eq!(out, "False False\n");
    let peak_leaky = peak_rss_kib();
    eprintln!(
        "{} cyclic objects, collector off: peak RSS {peak_after} KiB -> {peak_leaky} KiB",
        5 * leak
    );
    assert!(
        peak_leaky > peak_after + 32 * 1024,
        "with gc disabled the peak only grew from {peak_after} KiB to {peak_leaky} KiB"
    );
}
