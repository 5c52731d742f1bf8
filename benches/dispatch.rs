//! Dispatch of single opcodes (criterion): each program of
//! `benches/py/micro/` is a loop whose body repeats one statement `REPS`
//! times (`tools/perf/gen_workloads.py` writes them), so its time divided by
//! the statements executed is the cost of dispatching and running that
//! statement's one to three instructions. `make bench`, or
//! `cargo bench --bench dispatch [--features dispatch-table]`.
//!
//! Throughput is reported in statements: criterion's "elem/s" is statements
//! per second. Interpreter start-up is included, about one percent.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Statements per loop iteration (`REPS` in `tools/perf/gen_workloads.py`).
const REPS: u64 = 100;

fn dispatch(c: &mut Criterion) {
    let list = common::micro().unwrap_or_else(|e| common::fail(&e));
    let mut group = c.benchmark_group(format!("dispatch/{}", pyrs::vm::dispatch::BACKEND));
    for w in &list {
        let program = w.prepare(w.bench_size).unwrap_or_else(|e| common::fail(&e));
        if !w.source_mentions(&format!("repeats one statement {REPS}")) {
            common::fail(&format!(
                "{}: not a loop of {REPS} statements; regenerate with `make goldens`",
                w.name
            ));
        }
        group.throughput(Throughput::Elements(u64::from(w.bench_size) * REPS));
        group.bench_function(&w.name, |b| b.iter(|| black_box(program.run())));
    }
    group.finish();
}

/// Short by default (each run takes milliseconds); the
/// command line (`cargo bench --bench dispatch -- --help`) overrides it.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = dispatch
}
criterion_main!(benches);
