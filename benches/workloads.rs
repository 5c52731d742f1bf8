//! Wall time of every workload of `benches/py/workloads.txt` (at its bench
//! size) under the dispatch backend this build uses: `make bench`, or
//! `cargo bench --bench workloads [--features dispatch-table]`.
//!
//! Each sample creates an interpreter, runs the `.pyc` to the end with its
//! output captured, and drops the interpreter. Criterion's numbers compare
//! runs of one build on one machine; for backends side by side, and against
//! CPython, use `make compare`, which interleaves them in one run.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

fn workloads(c: &mut Criterion) {
    let list = common::workloads().unwrap_or_else(|e| common::fail(&e));
    let mut group = c.benchmark_group(format!("workload/{}", pyrs::vm::dispatch::BACKEND));
    for w in &list {
        let program = w.prepare(w.bench_size).unwrap_or_else(|e| common::fail(&e));
        group.bench_function(&w.name, |b| b.iter(|| black_box(program.run())));
    }
    group.finish();
}

/// Short by default (the workloads take tenths of a second each); the
/// command line (`cargo bench --bench workloads -- --help`) overrides it.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

criterion_group! {
    name = benches;
    config = config();
    targets = workloads
}
criterion_main!(benches);
