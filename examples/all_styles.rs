//! Renders the merged example CVs with every style in a folder of CSL styles
//! (independent ones, and the dependent ones in its `dependent/` subfolder)
//! and counts how many render without error or panic.
//!
//! `cargo run --release --example all_styles -- ../shared/csl/styles`

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use publist::csl::{load_style, Formatter};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/csl/styles".into());
    let dir = Path::new(&dir);
    let cvs = ["cv-2022.md", "cv-2025-06.md", "cv-2025-09.txt"];
    let refs: Vec<_> = cvs
        .iter()
        .flat_map(|n| {
            publist::cv::read_file(format!("examples/data/cv/{n}"))
                .map(|p| p.references)
                .unwrap_or_default()
        })
        .collect();
    let records = publist::Library::merge(refs).records;
    let mut counts: HashMap<&str, [usize; 5]> = HashMap::new(); // ok, fewer, error, panic, no bibliography
    let mut rendered: HashMap<String, usize> = HashMap::new(); // style id -> outcome
    let mut failures = Vec::new();
    for (kind, sub) in [("independent", ""), ("dependent", "dependent")] {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(sub))
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|f| f.extension().is_some_and(|e| e == "csl"));
        files.sort();
        for f in files {
            let outcome = match load_style(f.to_str().unwrap_or(""), Some(dir)) {
                Err(e) => {
                    failures.push(format!("{}: {e}", f.display()));
                    2
                }
                Ok(style) => {
                    let id = style.info.id.clone();
                    if let Some(&o) = rendered.get(&id) {
                        o
                    } else if style.bibliography.is_none() {
                        rendered.insert(id, 4);
                        4
                    } else {
                        let o = match catch_unwind(AssertUnwindSafe(|| {
                            Formatter::new(style).bibliography(&records)
                        })) {
                            Ok(entries) if entries.len() == records.len() => 0,
                            Ok(_) => 1,
                            Err(_) => {
                                failures.push(format!("{}: panic", f.display()));
                                3
                            }
                        };
                        rendered.insert(id, o);
                        o
                    }
                }
            };
            counts.entry(kind).or_default()[outcome] += 1;
        }
    }
    for kind in ["independent", "dependent"] {
        let [ok, fewer, error, panic, none] = counts.get(kind).copied().unwrap_or_default();
        println!(
            "{kind}: {} styles; {ok} rendered all {} records, {none} have no bibliography (citations only), {fewer} rendered fewer, {error} failed to load, {panic} panicked",
            ok + fewer + error + panic + none,
            records.len()
        );
    }
    for f in failures.iter().take(40) {
        println!("  {f}");
    }
}
