//! .bib export and import, and CSL formatting, on the merged example CVs.
//!
//! Run: `cargo bench --bench bib_format`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

use publist::bib::{Dialect, WriteOptions};
use publist::csl::{load_style, Formatter};

fn records() -> Vec<publist::Reference> {
    let refs: Vec<_> = ["cv-2022.md", "cv-2025-06.md", "cv-2025-09.txt"]
        .iter()
        .flat_map(|n| {
            let path = format!("{}/examples/data/cv/{n}", env!("CARGO_MANIFEST_DIR"));
            publist::cv::read_file(path)
                .map(|p| p.references)
                .unwrap_or_default()
        })
        .collect();
    publist::Library::merge(refs).records
}

fn benches(c: &mut Criterion) {
    let records = records();
    let n = records.len() as u64;
    let mut g = c.benchmark_group("bib");
    g.throughput(Throughput::Elements(n));
    for (name, dialect) in [
        ("write biblatex", Dialect::BibLatex),
        ("write bibtex", Dialect::BibTex),
    ] {
        let options = WriteOptions {
            dialect,
            ..Default::default()
        };
        g.bench_function(name, |b| {
            b.iter(|| publist::bib::write(black_box(&records), &options))
        });
    }
    let text = publist::bib::write(&records, &WriteOptions::default());
    g.bench_function("read biblatex", |b| {
        b.iter(|| publist::bib::read(black_box(&text), "x.bib"))
    });
    g.finish();

    let mut g = c.benchmark_group("format");
    g.throughput(Throughput::Elements(n));
    for style in ["apa", "ieee"] {
        let f = Formatter::new(load_style(style, None).expect("archive style"));
        g.bench_function(style, |b| b.iter(|| f.bibliography(black_box(&records))));
    }
    let json = publist::csl_json::write(&records);
    g.bench_function("csl-json write", |b| {
        b.iter(|| publist::csl_json::write(black_box(&records)))
    });
    g.bench_function("csl-json read", |b| {
        b.iter(|| publist::csl_json::read(black_box(&json), "x.json"))
    });
    g.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
