//! Merge time at 1k, 10k, 100k and 1M synthetic references.
//!
//! Run: `cargo bench --bench merge`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

#[path = "synthetic.rs"]
mod synthetic;

fn merge_sizes(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let refs = synthetic::references(n, 42);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &refs, |b, refs| {
            b.iter_batched(
                || refs.clone(),
                publist::Library::merge,
                criterion::BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, merge_sizes);
criterion_main!(benches);
