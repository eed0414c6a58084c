//! Reading and writing the largest real libraries of ../shared/bib: the
//! Better BibTeX export of 524 entries and the Zotero CSL-JSON of 1,018
//! items. Skipped with a notice when ../shared/bib is absent.
//!
//! Run: `cargo bench --bench bib_read`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn load(name: &str) -> Option<Vec<u8>> {
    let path = format!("{}/../shared/bib/{name}", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(e) => {
            println!("SKIPPED {name}: {path}: {e}");
            None
        }
    }
}

fn libraries(c: &mut Criterion) {
    let mut group = c.benchmark_group("bib_read");
    if let Some(bytes) = load("crenshaw-bbt-astro.bib") {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("read crenshaw-bbt-astro.bib (524 entries)", |b| {
            b.iter(|| publist::read(black_box(&bytes), "x.bib").map(|p| p.references.len()))
        });
        let refs = publist::read(&bytes, "x.bib")
            .map(|p| p.references)
            .unwrap_or_default();
        group.bench_function("write it as BibLaTeX", |b| {
            b.iter(|| publist::bib::write(black_box(&refs), &Default::default()).len())
        });
        group.bench_function("write it as CSL-JSON", |b| {
            b.iter(|| publist::csl_json::write(black_box(&refs)).len())
        });
    }
    if let Some(bytes) = load("fink-bbt-csl.json") {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("read fink-bbt-csl.json (1,018 items)", |b| {
            b.iter(|| publist::read(black_box(&bytes), "x.json").map(|p| p.references.len()))
        });
        let refs = publist::read(&bytes, "x.json")
            .map(|p| p.references)
            .unwrap_or_default();
        group.bench_function("write it as CSL-JSON", |b| {
            b.iter(|| publist::csl_json::write(black_box(&refs)).len())
        });
    }
    group.finish();
}

criterion_group!(benches, libraries);
criterion_main!(benches);
