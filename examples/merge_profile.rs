#[path = "../benches/synthetic.rs"]
mod synthetic;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let refs = synthetic::references(n, 42);
    let lib = publist::Library::merge(refs);
    println!("{}", lib.records.len());
}
