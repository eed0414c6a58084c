//! publist's CSL processor against hayagriva's engine, and its growth with
//! the number of items (APA: sorting, disambiguation, year suffixes).
//!
//! Run: `cargo bench --bench csl`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

use publist::csl::{load_style, Engine, Formatter};

#[path = "synthetic.rs"]
mod synthetic;

fn benches(c: &mut Criterion) {
    let apa = load_style("apa", None).expect("archive style");
    let mut g = c.benchmark_group("csl engines (apa, 1k synthetic)");
    g.sample_size(10);
    let refs = synthetic::references(1000, 7);
    g.throughput(Throughput::Elements(refs.len() as u64));
    for (name, engine) in [
        ("publist", Engine::Publist),
        ("hayagriva", Engine::Hayagriva),
    ] {
        let f = Formatter::new(apa.clone()).with_engine(engine);
        g.bench_function(name, |b| b.iter(|| f.bibliography(black_box(&refs))));
    }
    g.finish();

    let mut g = c.benchmark_group("csl growth (publist, apa)");
    g.sample_size(10);
    let f = Formatter::new(apa);
    for n in [1_000usize, 10_000, 100_000] {
        let refs = synthetic::references(n, 7);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &refs, |b, refs| {
            b.iter(|| f.bibliography(black_box(refs)))
        });
    }
    g.finish();
}

criterion_group!(csl, benches);
criterion_main!(csl);
