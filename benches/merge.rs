//! Merge time at 1k, 10k, 100k and 1M synthetic references: CV-like lists
//! (`merge/`, a third of the references second listings) and a field's
//! bibliography with Lotka/Bradford skew and nothing listed twice
//! (`merge-field/`, benches/synthetic.rs `field`).
//!
//! Run: `cargo bench --bench merge` (one group: `cargo bench --bench merge -- merge-field`)

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

#[path = "synthetic.rs"]
mod synthetic;

/// One group: `generate(n)` references merged, at each size.
fn sizes(c: &mut Criterion, name: &str, generate: fn(usize) -> Vec<publist::Reference>) {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let refs = generate(n);
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

fn merge_sizes(c: &mut Criterion) {
    sizes(c, "merge", |n| synthetic::references(n, 42));
}

fn merge_field(c: &mut Criterion) {
    sizes(c, "merge-field", |n| synthetic::field(n, 19, 0.0));
}

criterion_group!(benches, merge_sizes, merge_field);
criterion_main!(benches);
