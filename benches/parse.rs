//! Parsing throughput on the three bundled CV versions.
//!
//! Run: `cargo bench --bench parse`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn load(name: &str) -> String {
    let path = format!("{}/examples/data/cv/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse_cvs(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_cv");
    let names = ["cv-2022.md", "cv-2025-06.md", "cv-2025-09.txt"];
    let texts: Vec<(&str, String)> = names.iter().map(|n| (*n, load(n))).collect();
    for (name, text) in &texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| publist::cv::read(black_box(text), name))
        });
    }
    let total: usize = texts.iter().map(|(_, t)| t.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("all three", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(name, text)| publist::cv::read(black_box(text), name).references.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, parse_cvs);
criterion_main!(benches);
