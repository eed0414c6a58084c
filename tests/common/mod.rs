//! Shared helpers for the integration tests.
#![allow(dead_code)]

use publist::{Pages, Parsed, Person, Reference};

/// The bundled example CVs (copies of the three CV versions in ../shared/cv).
pub fn cv(name: &str) -> Parsed {
    let path = format!("{}/examples/data/cv/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    publist::cv::read(&text, name)
}

fn person(p: &Person) -> String {
    let mut s = p.full_family();
    if let Some(g) = p.given() {
        s.push(' ');
        s.push_str(g);
    }
    s
}

fn lower_kebab<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

/// Every field of a reference, one per line, in a fixed order; empty fields left out.
pub fn summary(r: &Reference) -> String {
    let mut out = vec![format!(
        "{} {}",
        lower_kebab(&r.kind),
        r.year().map(|y| y.to_string()).unwrap_or_default()
    )];
    out.push(format!("title: {}", r.title));
    if !r.authors.is_empty() {
        out.push(format!(
            "authors: {}",
            r.authors.iter().map(person).collect::<Vec<_>>().join("; ")
        ));
    }
    if !r.editors.is_empty() {
        out.push(format!(
            "editors: {}",
            r.editors.iter().map(person).collect::<Vec<_>>().join("; ")
        ));
    }
    if let Some(c) = &r.container {
        out.push(format!("in: {c}"));
    }
    if let Some(s) = &r.series {
        out.push(format!("series: {s}"));
    }
    let mut loc = Vec::new();
    if let Some(v) = &r.volume {
        loc.push(format!("volume={v}"));
    }
    if let Some(i) = &r.issue {
        loc.push(format!("issue={i}"));
    }
    match &r.pages {
        Some(Pages::Range { first, last }) => loc.push(format!("pages={first}-{last}")),
        Some(Pages::Single(p)) => loc.push(format!("pages={p}")),
        Some(Pages::Placeholder(p)) => loc.push(format!("pages=[{p}]")),
        None => {}
    }
    if let Some(a) = &r.article_number {
        loc.push(format!("article={a}"));
    }
    if !loc.is_empty() {
        out.push(format!("locator: {}", loc.join(" ")));
    }
    if let Some(p) = &r.publisher {
        match &r.place {
            Some(place) => out.push(format!("publisher: {p}, {place}")),
            None => out.push(format!("publisher: {p}")),
        }
    }
    let mut ids = Vec::new();
    if let Some(a) = &r.ids.arxiv {
        ids.push(format!("arxiv={a}"));
    }
    if let Some(o) = &r.ids.openreview {
        ids.push(format!("openreview={o}"));
    }
    if let Some(d) = &r.ids.doi {
        ids.push(format!("doi={d}"));
    }
    if let Some(i) = &r.ids.issn {
        ids.push(format!("issn={i}"));
    }
    if !r.ids.isbn.is_empty() {
        ids.push(format!(
            "isbn={}",
            r.ids
                .isbn
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ));
    }
    if !ids.is_empty() {
        out.push(format!("ids: {}", ids.join(" ")));
    }
    for l in &r.links {
        out.push(format!("link: {} {}", lower_kebab(&l.kind), l.url));
    }
    for n in &r.notes {
        out.push(format!("note: {} {}", lower_kebab(&n.kind), n.text));
    }
    for s in &r.sources {
        out.push(format!(
            "at: {}:{} #{} {}",
            s.at.source,
            s.at.line,
            s.number.map(|n| n.to_string()).unwrap_or_default(),
            s.section.as_deref().unwrap_or("")
        ));
    }
    out.join("\n")
}

/// Finds the reference whose item starts at `line` and compares its summary.
pub fn check(parsed: &Parsed, line: usize, expected: &str) {
    let r = parsed
        .references
        .iter()
        .find(|r| r.sources[0].at.line == line)
        .unwrap_or_else(|| panic!("no reference starts at line {line}"));
    let expected: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let got = summary(r);
    let got: Vec<&str> = got.lines().collect();
    assert_eq!(got, expected, "reference at line {line}");
}

/// Counts references per section heading, in order of first appearance.
pub fn section_counts(parsed: &Parsed) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for r in &parsed.references {
        let s = r.sources[0].section.clone().unwrap_or_default();
        match out.iter_mut().find(|(name, _)| *name == s) {
            Some((_, n)) => *n += 1,
            None => out.push((s, 1)),
        }
    }
    out
}

/// Every reference of the three bundled CV versions, oldest first.
pub fn all_cv_references() -> Vec<Reference> {
    ["cv-2022.md", "cv-2025-06.md", "cv-2025-09.txt"]
        .iter()
        .flat_map(|n| cv(n).references)
        .collect()
}

/// The three CV versions merged: one record per work.
pub fn merged() -> Vec<Reference> {
    publist::Library::merge(all_cv_references()).records
}

/// A reference without its provenance and its source record, which other
/// formats cannot carry.
pub fn content(r: &Reference) -> Reference {
    Reference {
        sources: Vec::new(),
        original: None,
        ..r.clone()
    }
}

/// A fresh temporary folder for one test.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("publist-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether an external tool runs. Absent outside CI: prints why the check is
/// skipped. Absent in CI (`CI` set): fails, since `.ci/run` installs it.
pub fn tool(cmd: &str, arg: &str) -> bool {
    let found = std::process::Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var_os("CI").is_some() {
            panic!("{cmd} is required in CI (.ci/run installs it)");
        }
        println!("SKIPPED: {cmd} is not available; the check did not run");
    }
    found
}

/// Asserts that a command exited with success, showing its standard error if not.
#[track_caller]
pub fn assert_success(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
