//! Reads CSL-JSON files, merges them and prints what the merge did: items,
//! records, candidate pairs compared, merges, possible duplicates, and the
//! time of reading and merging. For inputs of `synthetic_field` (ids `wN`,
//! second listings `wNb`) it also prints precision and recall of the merge
//! against that truth; for inputs of `synthetic_csl` (benches/synthetic.rs,
//! `references`: listings of work N at lines 10N to 10N+3), `--truth lines`.
//!
//! `cargo run --release --example merge_stats -- [--truth lines] FILE.json...`
//!
//! `merge_stats --synthetic N` times one `Library::merge` of the criterion
//! bench's input (benches/synthetic.rs `references(N, 42)`), `--field N` of
//! `field(N, 19, 0.0)`, without reading a file.

use std::collections::HashMap;
use std::time::Instant;

/// The binary's allocator and its options, so that the figures match it.
#[path = "shared/allocator.rs"]
mod allocator;

#[path = "../benches/synthetic.rs"]
mod synthetic;

/// CPU seconds this process has used (user + system, from /proc/self/stat;
/// 0 where there is no /proc): on a shared machine a steadier measure than
/// the wall clock.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which is in parentheses).
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Resident and peak resident memory of this process (from /proc/self/status)
/// and the page faults so far (a page faulted is a page the kernel zeroed).
fn memory() -> String {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let faults = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().nth(7).map(str::to_string))
        .unwrap_or_default();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().strip_suffix(" kB"))
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map_or("?".to_string(), |kb| format!("{} MB", kb / 1024))
    };
    format!(
        "{} (peak {}, {faults} faults)",
        field("VmRSS:"),
        field("VmHWM:")
    )
}

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if let (Some(mode @ ("--synthetic" | "--field")), Some(n)) = (
        files.first().map(String::as_str),
        files.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) {
        let t = Instant::now();
        let refs = if mode == "--field" {
            synthetic::field(n, 19, 0.0)
        } else {
            synthetic::references(n, 42)
        };
        let made = t.elapsed();
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let lib = publist::Library::merge(refs);
        let (merged, cpu) = (t.elapsed(), cpu_seconds() - cpu);
        println!(
            "{mode} {n}: generated in {:.3} s, merged in {:.3} s ({cpu:.2} s CPU): {} records, {} merges, {} compared pairs",
            made.as_secs_f64(),
            merged.as_secs_f64(),
            lib.records.len(),
            lib.report.merged.len(),
            lib.report.compared_pairs
        );
        std::mem::forget(lib);
        return;
    }
    let by_lines =
        files.first().is_some_and(|a| a == "--truth") && files.get(1).is_some_and(|a| a == "lines");
    if by_lines {
        files.drain(..2);
    }
    let (t0, cpu0) = (Instant::now(), cpu_seconds());
    let mut refs = Vec::new();
    for f in &files {
        // As the binary reads it: a block at a time.
        match publist::read_file(f) {
            // The first file's list taken, not copied (as the binary does).
            Ok(p) if refs.is_empty() => refs = p.references,
            Ok(p) => refs.extend(p.references),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    }
    let (read, read_cpu) = (t0.elapsed(), cpu_seconds() - cpu0);
    let read_mem = memory();
    let items = refs.len();
    let (t1, cpu) = (Instant::now(), cpu_seconds());
    let lib = publist::Library::merge(refs);
    let (merged, cpu) = (t1.elapsed(), cpu_seconds() - cpu);
    let merge_mem = memory();
    let r = &lib.report;
    println!(
        "items {items}  records {}  compared pairs {} ({:.2} per item)  merges {}  possible {}",
        lib.records.len(),
        r.compared_pairs,
        r.compared_pairs as f64 / items.max(1) as f64,
        r.merged.len(),
        r.possible_duplicates.len()
    );
    // Written as `publist merge` writes it, to nowhere.
    let (t2, cpu2) = (Instant::now(), cpu_seconds());
    if let Err(e) = publist::csl_json::write_to(&lib.records, std::io::sink()) {
        eprintln!("{e}");
    }
    let (written, write_cpu) = (t2.elapsed(), cpu_seconds() - cpu2);
    println!(
        "read {:.3} s ({read_cpu:.2} s CPU)  merge {:.3} s ({cpu:.2} s CPU)  write {:.3} s ({write_cpu:.2} s CPU)",
        read.as_secs_f64(),
        merged.as_secs_f64(),
        written.as_secs_f64()
    );
    println!(
        "memory (resident, peak so far): after reading {read_mem}, after merging {merge_mem}, after writing {}",
        memory()
    );
    // Truth of synthetic_field: `wN` and `wNb` are one work; of synthetic_csl:
    // the item's line divided by ten.
    let mut work_of: Vec<(String, usize)> = Vec::new();
    for m in &r.items {
        let work = if by_lines {
            (m.item.line / 10).to_string()
        } else {
            match &m.key {
                Some(k) if k.starts_with('w') => k.strip_suffix('b').unwrap_or(k).to_string(),
                _ => return,
            }
        };
        work_of.push((work, m.record));
    }
    // Recall: listings of one work in one record (pairs with the work's first listing).
    let mut first_record: HashMap<&str, usize> = HashMap::new();
    let (mut true_pairs, mut found) = (0usize, 0usize);
    let mut sorted: Vec<&(String, usize)> = work_of.iter().collect();
    sorted.sort();
    for (work, record) in sorted {
        match first_record.get(work.as_str()) {
            None => {
                first_record.insert(work, *record);
            }
            Some(&first) => {
                true_pairs += 1;
                found += usize::from(first == *record);
            }
        }
    }
    // Precision: a record holding more than one work is a false merge.
    let mut works_per_record: HashMap<usize, Vec<&str>> = HashMap::new();
    for (work, record) in &work_of {
        works_per_record.entry(*record).or_default().push(work);
    }
    let mut false_records = 0;
    for list in works_per_record.values_mut() {
        list.sort();
        list.dedup();
        if list.len() > 1 {
            false_records += 1;
        }
    }
    // The merge decisions that joined two different works.
    if false_records > 0 {
        let work_at: HashMap<(&str, usize), &str> = r
            .items
            .iter()
            .zip(&work_of)
            .map(|(m, (w, _))| ((&*m.item.source, m.item.line), w.as_str()))
            .collect();
        for e in &r.merged {
            let (a, b) = (
                work_at.get(&(&*e.a.source, e.a.line)),
                work_at.get(&(&*e.b.source, e.b.line)),
            );
            if a != b {
                println!(
                    "false merge {:?}: {:?} / {:?} {:?}",
                    e.rule, e.titles.0, e.titles.1, e.signals
                );
            }
        }
    }
    println!(
        "truth: works {}  recall {found}/{true_pairs} ({:.2}%)  records holding several works {false_records}",
        first_record.len(),
        100.0 * found as f64 / true_pairs.max(1) as f64
    );
}
