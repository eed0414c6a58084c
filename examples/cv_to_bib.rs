//! The typical embedding: read CV files (or any input, oldest first), merge them, write a .bib.
//!
//! `cargo run --example cv_to_bib -- OUT.bib CV_FILE...`

use publist::bib::{write, WriteOptions};
use publist::Library;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: cv_to_bib OUT.bib CV_FILE...")?;
    let mut references = Vec::new();
    for file in args {
        let parsed = publist::read_file(&file)?;
        for d in &parsed.diagnostics {
            eprintln!("{d}");
        }
        references.extend(parsed.references);
    }
    let library = Library::merge(references);
    for e in &library.report.possible_duplicates {
        eprintln!(
            "possible duplicate, left apart: {:?} / {:?}",
            e.titles.0, e.titles.1
        );
    }
    std::fs::write(&out, write(&library.records, &WriteOptions::default()))?;
    eprintln!("{}: {} entries", out, library.records.len());
    Ok(())
}
