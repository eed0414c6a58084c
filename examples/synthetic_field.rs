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
//! `--minified` writes the whole array on one line.

use std::io::{BufWriter, Write};

use publist::{Kind, Pages, Person, Reference};
use serde_json::{json, Map, Value};

#[path = "../benches/synthetic.rs"]
mod synthetic;

fn name(p: &Person) -> Value {
    let mut o = Map::new();
    o.insert("family".into(), json!(p.family));
    if let Some(g) = &p.given {
        o.insert("given".into(), json!(g));
    }
    if let Some(particle) = &p.particle {
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
    let mut text = |k: &str, v: &Option<String>| {
        if let Some(v) = v {
            o.insert(k.into(), json!(v));
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

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut n = 1000usize;
    let mut duplicates = 0.0f64;
    let mut seed = 19u64;
    let mut minified = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--duplicates" => duplicates = it.next().and_then(|v| v.parse().ok()).unwrap_or(0.0),
            "--seed" => seed = it.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--minified" => minified = true,
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
        let v = item(&r);
        if minified {
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
