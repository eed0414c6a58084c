//! Parsing throughput on the three bundled CV versions, and per input syntax.
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

/// Each front end on a list of our own fixtures repeated to ~100 kB, and on
/// the five real lists of ../shared/realworld when they are there.
fn parse_syntaxes(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_syntax");
    let dir = format!("{}/tests/fixtures/cv/items", env!("CARGO_MANIFEST_DIR"));
    for name in [
        "thebibliography.tex",
        "html-lists-and-divs.html",
        "pandoc-definition-list.md",
        "word-pasted.txt",
    ] {
        let path = format!("{dir}/{name}");
        let one = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let text = one.repeat(100_000 / one.len() + 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| publist::cv::read(black_box(&text), name))
        });
    }
    let real = format!("{}/../shared/realworld", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read_dir(&real) {
        Ok(entries) => {
            let mut files: Vec<_> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension()
                        .is_some_and(|x| x == "md" || x == "tex" || x == "html")
                })
                .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
                .collect();
            files.sort();
            for path in files {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string();
                group.throughput(Throughput::Bytes(text.len() as u64));
                group.bench_function(&name, |b| {
                    b.iter(|| publist::cv::read(black_box(&text), &name))
                });
            }
        }
        Err(e) => eprintln!("skipping the real lists: {real}: {e}"),
    }
    group.finish();
}

criterion_group!(benches, parse_cvs, parse_syntaxes);
criterion_main!(benches);
