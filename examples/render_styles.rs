//! Renders references with `.csl` files from a folder, for the side-by-side
//! comparisons with citeproc-js (benches/citeproc/run.sh, benches/styles/run.sh).
//!
//! `render_styles OUT_DIR STYLES_DIR [--citations] [--locales DIR] STYLE... -- FILE...`
//! (CVs, merged; or one CSL-JSON file, taken as it is; a STYLE `@list.txt`
//! reads style names from a file, one a line, `#` comments) writes
//! OUT_DIR/items.json (the CSL-JSON both processors read),
//! OUT_DIR/publist.json ({style: {id: entry}}, the bibliography, `{}` for a
//! style without one) and, with `--citations`, OUT_DIR/publist-citations.json
//! ({style: {id: citation}}: every item cited alone, in input order, after
//! all were registered). With `--locales`, the locale files of DIR are used
//! (as citeproc-js is given them); else hayagriva's archived ones.
//!
//! `render_styles --print STYLE.csl ITEMS.json [html]` prints one style's
//! bibliography and each item cited alone, as benches/styles/cjs.js does
//! with citeproc-js (for checking a rule on a minimal style).

use std::collections::BTreeMap;
use std::path::Path;

use publist::csl::{Cite, Formatter, OutputFormat, Processor};

type Rendered = BTreeMap<String, BTreeMap<String, String>>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--print") {
        return print_one(&args[1..]);
    }
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let (head, files) = (&args[..split], &args[(split + 1).min(args.len())..]);
    let [out_dir, styles_dir, rest @ ..] = head else {
        eprintln!("usage: render_styles OUT_DIR STYLES_DIR [--citations] [--locales DIR] STYLE... -- FILE...");
        std::process::exit(2);
    };
    let mut citations = false;
    let mut locales_dir: Option<String> = None;
    let mut styles: Vec<String> = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--citations" => citations = true,
            "--locales" => locales_dir = it.next().cloned(),
            list if list.starts_with('@') => {
                let text = std::fs::read_to_string(&list[1..]).unwrap_or_else(|e| {
                    eprintln!("{}: {e}", &list[1..]);
                    std::process::exit(2)
                });
                styles.extend(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with('#'))
                        .map(str::to_string),
                );
            }
            name => styles.push(name.to_string()),
        }
    }
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
    let items_json = publist::csl_json::write(&records);
    std::fs::write(format!("{out_dir}/items.json"), &items_json).expect("items.json");
    let locales = locales_dir.map(|d| publist::csl::load_locales(Some(Path::new(&d))).0);
    let mut bib: Rendered = BTreeMap::new();
    let mut cites: Rendered = BTreeMap::new();
    for style in &styles {
        let path = format!("{styles_dir}/{style}.csl");
        let loaded = match publist::csl::load_style(&path, Some(Path::new(styles_dir))) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let result = std::panic::catch_unwind(|| {
            let mut formatter = Formatter::new(loaded.clone());
            if let Some(l) = &locales {
                formatter = formatter.with_locales(l.clone());
            }
            let entries: BTreeMap<String, String> = formatter
                .bibliography(&records)
                .into_iter()
                .map(|e| (e.key.clone(), e.line()))
                .collect();
            let cited = citations.then(|| {
                formatter
                    .citations(&records)
                    .into_iter()
                    .map(|e| (e.key, e.text))
                    .collect::<BTreeMap<_, _>>()
            });
            (entries, cited)
        });
        match result {
            Ok((entries, cited)) => {
                bib.insert(style.clone(), entries);
                if let Some(c) = cited {
                    cites.insert(style.clone(), c);
                }
            }
            Err(_) => eprintln!("{style}: PANIC"),
        }
    }
    let write = |name: &str, r: &Rendered| {
        let json = serde_json::to_string(r).expect("plain strings");
        std::fs::write(format!("{out_dir}/{name}"), json).expect("output file");
    };
    write("publist.json", &bib);
    if citations {
        write("publist-citations.json", &cites);
    }
}

fn print_one(args: &[String]) {
    let [style, items, rest @ ..] = args else {
        eprintln!("usage: render_styles --print STYLE.csl ITEMS.json [html]");
        std::process::exit(2);
    };
    let format = match rest.first().map(String::as_str) {
        Some("html") => OutputFormat::Html,
        _ => OutputFormat::Text,
    };
    let locales_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/csl/locales");
    let locales = publist::csl::load_locales(Some(&locales_dir)).0;
    let style = publist::csl::load_style(style, None).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let text = std::fs::read_to_string(items).expect("items file");
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).expect("a CSL-JSON array");
    let p = Processor::new(style, &locales, None);
    println!("-- bibliography");
    if p.style().bibliography.is_none() {
        println!("(none)");
    }
    for e in p.bibliography(&items, format) {
        let line = format!("{}{}", e.label.unwrap_or_default(), e.text);
        match format {
            OutputFormat::Text => {
                println!("{}", line.split_whitespace().collect::<Vec<_>>().join(" "))
            }
            _ => println!("{line}"),
        }
    }
    println!("-- citations");
    let clusters: Vec<Vec<Cite>> = items
        .iter()
        .map(|i| vec![Cite::new(i["id"].as_str().unwrap_or_default())])
        .collect();
    let _ = clusters;
    for c in p.citation_list(&items, format) {
        println!("{c}");
    }
}
