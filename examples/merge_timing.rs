#[path = "../benches/synthetic.rs"]
mod synthetic;
fn main() {
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let refs = synthetic::references(n, 42);
        let t = std::time::Instant::now();
        let lib = publist::Library::merge(refs);
        println!(
            "{n}: {:?} records={} pairs={} merged={} possible={}",
            t.elapsed(),
            lib.records.len(),
            lib.report.compared_pairs,
            lib.report.merged.len(),
            lib.report.possible_duplicates.len()
        );
    }
}
