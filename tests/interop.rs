//! publist's CSL-JSON read by pandoc and citeproc-js; pandoc's CSL-JSON read
//! by publist. Skipped with a notice where a tool is absent, except in CI
//! (`CI` set), where `.ci/run` installs them.

#![cfg(feature = "cli")]

mod common;
use common::{merged, temp_dir, tool};

use std::process::Command;

#[test]
fn pandoc_reads_our_csl_json_and_we_read_pandocs() {
    if !tool("pandoc", "--version") {
        return;
    }
    let records = merged();
    let dir = temp_dir("pandoc");
    std::fs::write(dir.join("items.json"), publist::csl_json::write(&records)).unwrap();
    std::fs::write(dir.join("doc.md"), "---\nnocite: '@*'\n---\n").unwrap();
    let out = Command::new("pandoc")
        .args([
            "--citeproc",
            "--bibliography",
            "items.json",
            "-t",
            "plain",
            "--wrap=none",
            "doc.md",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    common::assert_success(&out);
    assert!(
        out.stderr.is_empty(),
        "pandoc warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.split("\n\n").filter(|p| !p.trim().is_empty()).count(),
        96
    );

    // pandoc's own CSL-JSON (converted from our BibLaTeX export) imports cleanly.
    std::fs::write(
        dir.join("refs.bib"),
        publist::bib::write(&records, &Default::default()),
    )
    .unwrap();
    let out = Command::new("pandoc")
        .args(["-f", "biblatex", "-t", "csljson", "refs.bib"])
        .current_dir(&dir)
        .output()
        .unwrap();
    common::assert_success(&out);
    let parsed =
        publist::csl_json::read(&String::from_utf8(out.stdout).unwrap(), "pandoc.json").unwrap();
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.references.len(), 96);
    let crp = parsed
        .references
        .iter()
        .find(|r| r.sources[0].key.as_deref() == Some("achtibat2023attribution"))
        .unwrap();
    assert_eq!(crp.kind, publist::Kind::JournalArticle);
    assert_eq!(
        crp.container.as_deref(),
        Some("Nature Machine Intelligence")
    );
    assert_eq!(crp.authors.len(), 7);
    assert_eq!(crp.year(), Some(2023));
}

#[test]
fn citeproc_js_reads_our_csl_json() {
    let root = env!("CARGO_MANIFEST_DIR");
    let csl = std::path::Path::new(root).join("../shared/csl");
    if !csl.join("styles/apa.csl").is_file() {
        println!(
            "SKIPPED: {} is absent; citeproc-js was not tried",
            csl.display()
        );
        return;
    }
    if !tool("node", "--version") {
        return;
    }
    let module = std::path::Path::new(root).join("benches/citeproc/node_modules/citeproc");
    if !module.is_dir() {
        if std::env::var_os("CI").is_some() {
            panic!("citeproc-js is required in CI (.ci/run installs it)");
        }
        println!("SKIPPED: npm citeproc is not installed in benches/citeproc (bash benches/citeproc/run.sh installs it)");
        return;
    }
    let dir = temp_dir("citeproc");
    std::fs::write(dir.join("items.json"), publist::csl_json::write(&merged())).unwrap();
    let out = Command::new("node")
        .arg(std::path::Path::new(root).join("benches/citeproc/render.js"))
        .arg(dir.join("items.json"))
        .arg(csl.join("styles"))
        .arg(csl.join("locales"))
        .args(["apa", "ieee"])
        .output()
        .unwrap();
    common::assert_success(&out);
    let rendered: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rendered["apa"].as_object().unwrap().len(), 96);
    assert_eq!(rendered["ieee"].as_object().unwrap().len(), 96);
}
