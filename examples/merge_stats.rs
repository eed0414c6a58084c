//! Reads CSL-JSON files, merges them and prints what the merge did: items,
//! records, candidate pairs compared, merges, possible duplicates, and the
//! time of reading and merging. For inputs of `synthetic_field` (ids `wN`,
//! second listings `wNb`) it also prints precision and recall of the merge
//! against that truth.
//!
//! `cargo run --release --example merge_stats -- FILE.json...`

use std::collections::HashMap;
use std::time::Instant;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let t0 = Instant::now();
    let mut refs = Vec::new();
    for f in &files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{f}: {e}");
                std::process::exit(2);
            }
        };
        match publist::parse::csl_json(&text, f) {
            Ok(p) => refs.extend(p.references),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    }
    let read = t0.elapsed();
    let items = refs.len();
    let t1 = Instant::now();
    let lib = publist::Library::merge(refs);
    let merged = t1.elapsed();
    let r = &lib.report;
    println!(
        "items {items}  records {}  compared pairs {} ({:.2} per item)  merges {}  possible {}",
        lib.records.len(),
        r.compared_pairs,
        r.compared_pairs as f64 / items.max(1) as f64,
        r.merged.len(),
        r.possible_duplicates.len()
    );
    println!(
        "read {:.3} s  merge {:.3} s",
        read.as_secs_f64(),
        merged.as_secs_f64()
    );
    // Truth of synthetic_field: `wN` and `wNb` are one work.
    let work = |key: &str| key.strip_suffix('b').unwrap_or(key).to_string();
    let mut record_of: HashMap<String, usize> = HashMap::new();
    let mut keyed = 0;
    for m in &r.items {
        if let Some(k) = &m.key {
            keyed += 1;
            record_of.insert(k.clone(), m.record);
        }
    }
    if keyed == 0 || !record_of.keys().all(|k| k.starts_with('w')) {
        return;
    }
    let mut true_pairs = 0usize;
    let mut found = 0usize;
    for (k, &rec) in &record_of {
        if k.ends_with('b') {
            true_pairs += 1;
            if record_of.get(&work(k)) == Some(&rec) {
                found += 1;
            }
        }
    }
    // A record holding more than one work is a false merge.
    let mut works_per_record: HashMap<usize, Vec<String>> = HashMap::new();
    for (k, &rec) in &record_of {
        works_per_record.entry(rec).or_default().push(work(k));
    }
    let mut false_records = 0;
    for list in works_per_record.values_mut() {
        list.sort();
        list.dedup();
        if list.len() > 1 {
            false_records += 1;
        }
    }
    println!(
        "truth: recall {found}/{true_pairs} ({:.2}%)  records holding several works {false_records}",
        100.0 * found as f64 / true_pairs.max(1) as f64
    );
}
