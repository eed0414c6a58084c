//! Renders the merged example CVs with `.csl` files from a folder, for the
//! side-by-side comparison with citeproc-js (benches/citeproc/run.sh).
//!
//! `render_styles OUT_DIR STYLES_DIR STYLE... -- FILE...` (CVs, merged; or
//! one CSL-JSON file, taken as it is) writes
//! OUT_DIR/items.json (the CSL-JSON both processors read) and
//! OUT_DIR/publist.json ({style: {id: entry}}).

use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let (head, files) = (&args[..split], &args[(split + 1).min(args.len())..]);
    let [out_dir, styles_dir, styles @ ..] = head else {
        eprintln!("usage: render_styles OUT_DIR STYLES_DIR STYLE... -- CV_FILE...");
        std::process::exit(2);
    };
    let json = files.len() == 1 && files[0].ends_with(".json");
    let refs: Vec<_> = files
        .iter()
        .flat_map(|f| {
            let parsed = if json {
                std::fs::read_to_string(f)
                    .ok()
                    .and_then(|t| publist::csl_json::read(&t, f).ok())
            } else {
                publist::cv::read_file(f).ok()
            };
            parsed.map(|p| p.references).unwrap_or_default()
        })
        .collect();
    let mut records = if json {
        refs
    } else {
        publist::Library::merge(refs).records
    };
    // Both processors get the records as the Formatter renders them:
    // placeholder pages (`TBA`) are not data and print nowhere.
    for r in &mut records {
        if r.pages.as_ref().is_some_and(publist::Pages::is_placeholder) {
            r.pages = None;
        }
    }
    std::fs::create_dir_all(out_dir).expect("output folder");
    std::fs::write(
        format!("{out_dir}/items.json"),
        publist::csl_json::write(&records),
    )
    .expect("items.json");
    let mut out: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    for style in styles {
        let path = format!("{styles_dir}/{style}.csl");
        let formatter =
            match publist::csl::load_style(&path, Some(std::path::Path::new(styles_dir))) {
                Ok(s) => publist::csl::Formatter::new(s),
                Err(e) => {
                    eprintln!("{e}");
                    continue;
                }
            };
        let entries = formatter.bibliography(&records);
        out.insert(
            style,
            entries
                .into_iter()
                .map(|e| (e.key.clone(), e.line()))
                .collect(),
        );
    }
    let json = serde_json::to_string(&out).expect("plain strings");
    std::fs::write(format!("{out_dir}/publist.json"), json).expect("publist.json");
}
