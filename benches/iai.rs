//! Instructions executed per workload (gungraun, formerly iai-callgrind):
//! every workload of `benches/py/workloads.txt` at its CI size and every
//! dispatch micro-benchmark, each in a fresh interpreter under callgrind.
//! `make bench-iai` runs it for each backend; `.ci/run` compares the counts
//! with `benches/baseline.txt` (`tools/perf/check_baseline.py`).
//!
//! Not part of a plain `cargo bench` (it needs valgrind and the
//! `gungraun-runner` binary of the same version as the library; the Makefile
//! installs it). Only the benchmark function is measured: loading the
//! `.pyc` is setup, and checking the output against python3.14's is
//! teardown.

mod common;

use std::hint::black_box;

use gungraun::{
    Callgrind, LibraryBenchmarkConfig, library_benchmark, library_benchmark_group, main,
};

/// What a measured run hands to `check`.
struct Ran {
    program: common::Program,
    output: Result<String, String>,
}

fn load(name: &str) -> common::Program {
    load_from(common::workloads(), name)
}

fn load_micro(name: &str) -> common::Program {
    load_from(common::micro(), name)
}

fn load_from(list: Result<Vec<common::Workload>, String>, name: &str) -> common::Program {
    let list = list.unwrap_or_else(|e| common::fail(&e));
    let w = common::find(&list, name).unwrap_or_else(|e| common::fail(&e));
    w.program(w.ci_size).unwrap_or_else(|e| common::fail(&e))
}

/// Stops the bench (so the CI check fails) when pyrs printed something else
/// than python3.14.
fn check(ran: Ran) {
    if let Err(e) = ran.program.check(ran.output) {
        common::fail(&e);
    }
}

fn run(program: common::Program) -> Ran {
    let output = black_box(program.run());
    Ran { program, output }
}

#[library_benchmark(setup = load, teardown = check)]
#[bench::int_loop("int_loop")]
#[bench::recursion("recursion")]
#[bench::float_arith("float_arith")]
#[bench::bigint("bigint")]
#[bench::strings("strings")]
#[bench::containers("containers")]
#[bench::exceptions("exceptions")]
#[bench::closures("closures")]
#[bench::classes("classes")]
#[bench::generators("generators")]
fn workload(program: common::Program) -> Ran {
    run(program)
}

#[library_benchmark(setup = load_micro, teardown = check)]
#[bench::nop("nop")]
#[bench::load_fast("load_fast")]
#[bench::store_fast("store_fast")]
#[bench::add_int("add_int")]
#[bench::compare_int("compare_int")]
#[bench::load_global("load_global")]
#[bench::call("call")]
fn micro(program: common::Program) -> Ran {
    run(program)
}

library_benchmark_group!(name = workloads, benchmarks = [workload, micro]);

// Instructions are what the baseline checks; the cache simulation would
// only slow callgrind down. A fixed hash seed makes the counts repeat: with
// a random one, string hashes (and so dict probing) vary from run to run by
// up to a percent.
main!(
    config = LibraryBenchmarkConfig::default()
        .env("PYTHONHASHSEED", "0")
        .tool(Callgrind::with_args(["--cache-sim=no"]));
    library_benchmark_groups = workloads
);
