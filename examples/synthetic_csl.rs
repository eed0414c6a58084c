//! Writes N synthetic references as CSL-JSON (for benches/peers/run.sh).
//! `cargo run --release --example synthetic_csl -- 1000 > items.json`
#[path = "../benches/synthetic.rs"]
mod synthetic;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    print!("{}", publist::csl_json::write(&synthetic::references(n, 7)));
}
