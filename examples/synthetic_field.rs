//! Writes N references of a synthetic field's combined bibliography as
//! CSL-JSON, the way Zotero exports it (for `benches/growth/run.sh`).
//!
//! `cargo run --release --example synthetic_field -- N [--duplicates F] [--seed S] [--minified]`
//!
//! First authors follow Lotka's law, family names are shared by many people,
//! venues follow Bradford's law (see `benches/synthetic.rs`, `Field`). With
//! `--duplicates F` that share of the works is listed a second time (lower-
//! cased title without DOI, initials for given names, or the particle in the
//! family name); the second listing's id is the first's with `b` appended.
//! `--minified` writes the whole array on one line. `--zotero` writes what a
//! Zotero library exports through Better BibTeX's "Better CSL JSON": one item
//! per line, `citation-key`, and the fields a real export carries, at the
//! rates of one (fink-bbt-csl.json in ../shared/bib: an abstract on 45% of
//! the items, about 1,000 characters; a URL on 48%; a Zotero `note` on 57%;
//! `source` 61%, `language` 44%, `title-short` 49%, `accessed` 24%, an ISSN
//! on journal articles).

use std::io::{BufWriter, Write};

use publist::{Kind, Pages, Person, Reference};
use serde_json::{json, Map, Value};

#[path = "../benches/synthetic.rs"]
mod synthetic;

fn name(p: &Person) -> Value {
    let mut o = Map::new();
    o.insert("family".into(), json!(p.family()));
    if let Some(g) = p.given() {
        o.insert("given".into(), json!(g));
    }
    if let Some(particle) = p.particle() {
        o.insert("non-dropping-particle".into(), json!(particle));
    }
    Value::Object(o)
}

fn item(r: &Reference) -> Value {
    let mut o = Map::new();
    let id = r
        .sources
        .first()
        .and_then(|s| s.key.clone())
        .unwrap_or_default();
    o.insert("id".into(), json!(id));
    let kind = match r.kind {
        Kind::JournalArticle => "article-journal",
        Kind::ConferencePaper => "paper-conference",
        Kind::Chapter => "chapter",
        Kind::Preprint => "article",
        _ => "document",
    };
    o.insert("type".into(), json!(kind));
    o.insert("title".into(), json!(r.title));
    o.insert(
        "author".into(),
        Value::Array(r.authors.iter().map(name).collect()),
    );
    if !r.editors.is_empty() {
        o.insert(
            "editor".into(),
            Value::Array(r.editors.iter().map(name).collect()),
        );
    }
    if let Some(y) = r.year() {
        o.insert("issued".into(), json!({ "date-parts": [[y]] }));
    }
    let mut text = |k: &str, v: &Option<Box<str>>| {
        if let Some(v) = v {
            o.insert(k.into(), json!(v.as_ref()));
        }
    };
    text("container-title", &r.container);
    text("publisher", &r.publisher);
    text("volume", &r.volume);
    text("issue", &r.issue);
    if let Some(Pages::Range { first, last }) = &r.pages {
        o.insert("page".into(), json!(format!("{first}-{last}")));
    }
    if let Some(doi) = &r.ids.doi {
        o.insert("DOI".into(), json!(doi.as_str()));
    }
    if let Some(a) = &r.ids.arxiv {
        o.insert("number".into(), json!(format!("arXiv:{}", a.as_str())));
        o.insert("publisher".into(), json!("arXiv"));
    }
    Value::Object(o)
}

/// A small deterministic generator for the Zotero fields of item `k`.
fn mix(k: u64, salt: u64) -> u64 {
    let mut x = k.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ salt.wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    x ^= x >> 29;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 32)
}

/// The fields of a Zotero export that the bibliographic item lacks.
fn zotero_fields(k: u64, r: &Reference, o: &mut Map<String, Value>) {
    let chance = |salt: u64, percent: u64| mix(k, salt) % 100 < percent;
    let key = o.get("id").cloned().unwrap_or(Value::Null);
    o.insert("citation-key".into(), key);
    if chance(1, 45) {
        let words: Vec<&str> = r.title.split(' ').collect();
        let mut text = String::with_capacity(1100);
        let target = 600 + (mix(k, 2) % 800) as usize;
        let mut i = 0u64;
        while text.len() < target {
            let w = words[(mix(k, 3 + i) % words.len() as u64) as usize];
            text.push_str(w);
            text.push_str(if mix(k, 5000 + i) % 12 == 0 {
                ". "
            } else {
                " "
            });
            i += 1;
        }
        o.insert("abstract".into(), json!(text.trim_end()));
    }
    if chance(4, 48) {
        let url = match &r.ids.doi {
            Some(d) => format!("https://doi.org/{}", d.as_str()),
            None => format!("https://www.example-publisher.org/article/{k:08x}/full-text"),
        };
        o.insert("URL".into(), json!(url));
    }
    if chance(5, 57) {
        let item: String = (0..8)
            .map(|i| {
                char::from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[(mix(k, 10 + i) % 36) as usize])
            })
            .collect();
        o.insert(
            "note".into(),
            json!(format!("Select: zotero://select/library/items/{item}")),
        );
    }
    if chance(6, 61) {
        let sources = [
            "DOI.org (Crossref)",
            "Google Books",
            "Semantic Scholar",
            "arXiv.org",
        ];
        o.insert("source".into(), json!(sources[(mix(k, 7) % 4) as usize]));
    }
    if chance(8, 44) {
        o.insert("language".into(), json!("en"));
    }
    if chance(9, 49) {
        let short: Vec<&str> = r.title.split(' ').take(3).collect();
        o.insert("title-short".into(), json!(short.join(" ")));
    }
    if chance(20, 24) {
        o.insert(
            "accessed".into(),
            json!({ "date-parts": [[2024, 1 + mix(k, 21) % 12, 1 + mix(k, 22) % 28]] }),
        );
    }
    if r.kind == Kind::JournalArticle && chance(23, 70) {
        o.insert(
            "ISSN".into(),
            json!(format!(
                "{:04}-{:04}",
                mix(k, 24) % 10_000,
                mix(k, 25) % 10_000
            )),
        );
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut n = 1000usize;
    let mut duplicates = 0.0f64;
    let mut seed = 19u64;
    let mut minified = false;
    let mut zotero = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--duplicates" => duplicates = it.next().and_then(|v| v.parse().ok()).unwrap_or(0.0),
            "--seed" => seed = it.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--minified" => minified = true,
            "--zotero" => zotero = true,
            other => n = other.parse().unwrap_or(n),
        }
    }
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    out.write_all(b"[")?;
    for (i, r) in synthetic::Field::new(n, seed, duplicates)
        .take(n)
        .enumerate()
    {
        if i > 0 {
            out.write_all(b",")?;
        }
        let mut v = item(&r);
        if zotero {
            if let Value::Object(o) = &mut v {
                zotero_fields(i as u64, &r, o);
            }
            out.write_all(b"\n  ")?;
            serde_json::to_writer(&mut out, &v)?;
        } else if minified {
            serde_json::to_writer(&mut out, &v)?;
        } else {
            out.write_all(b"\n  ")?;
            let text = serde_json::to_string_pretty(&v)?;
            out.write_all(text.replace('\n', "\n  ").as_bytes())?;
        }
    }
    out.write_all(if minified { b"]\n" } else { b"\n]\n" })?;
    out.flush()
}
