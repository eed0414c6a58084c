//! The example binary's `parse` subcommand against the output contract in DESIGN.md.

#![cfg(feature = "cli")]

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn publist(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["run", "--quiet", "--example", "publist", "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("cargo run");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn parse_prints_csl_json_per_the_contract() {
    let files = [
        "examples/data/cv/cv-2022.md",
        "examples/data/cv/cv-2025-06.md",
        "examples/data/cv/cv-2025-09.txt",
    ];
    let out = publist(&["parse", files[0], files[1], files[2]], None);
    common::assert_success(&out);
    let records = json(&out);
    assert_eq!(records.len(), 50 + 89 + 96);
    let mut ids = std::collections::HashSet::new();
    for r in &records {
        assert!(
            ids.insert(r["id"].as_str().unwrap().to_string()),
            "duplicate id {}",
            r["id"]
        );
        let kind = r["type"].as_str().unwrap();
        assert!(
            [
                "article-journal",
                "paper-conference",
                "book",
                "chapter",
                "article"
            ]
            .contains(&kind),
            "{kind}"
        );
        assert!(r["title"].is_string());
        assert!(r["issued"]["date-parts"][0][0].is_i64());
        let names = if kind == "book" {
            &r["editor"]
        } else {
            &r["author"]
        };
        for n in names.as_array().unwrap() {
            assert!(n["family"].is_string() && n["given"].is_string(), "{n}");
        }
        let sources = r["custom"]["sources"].as_array().unwrap();
        assert_eq!(
            sources.len(),
            1,
            "parse gives exactly one source per record"
        );
        assert!(files.contains(&sources[0]["file"].as_str().unwrap()));
        assert!(sources[0]["line"].as_u64().unwrap() >= 1);
        if kind == "article" && r["publisher"] == "arXiv" {
            let id = r["custom"]["arxiv"].as_str().unwrap();
            assert_eq!(r["number"], format!("arXiv:{id}"));
            assert!(!id.contains('v'), "{id}");
        }
    }
    // One record checked in full against the CV text (cv-2025-06.md line 415).
    let crp = records
        .iter()
        .find(|r| {
            r["custom"]["sources"][0]["line"] == 415
                && r["custom"]["sources"][0]["file"] == files[1]
        })
        .unwrap();
    assert_eq!(
        crp,
        &serde_json::json!({
            "id": "achibat2023attribution",
            "type": "article-journal",
            "title": "From attribution maps to human-understandable explanations through Concept Relevance Propagation",
            "author": [
                {"family": "Achibat", "given": "R."}, {"family": "Dreyer", "given": "M."},
                {"family": "Eisenbraun", "given": "I."}, {"family": "Bosse", "given": "S."},
                {"family": "Wiegand", "given": "T."}, {"family": "Samek", "given": "W."},
                {"family": "Lapuschkin", "given": "S."}
            ],
            "issued": {"date-parts": [[2023]]},
            "container-title": "Nature Machine Intelligence",
            "volume": "5",
            "issue": "9",
            "page": "1006-1019",
            "custom": {
                "sources": [{"file": files[1], "line": 415}],
                "links": [
                    {"url": "https://github.com/rachtibat/zennit-crp", "kind": "code"},
                    {"url": "https://github.com/maxdreyer/crp-human-study", "kind": "code"}
                ]
            }
        })
    );
}

#[test]
fn parse_reads_stdin_and_reports_diagnostics() {
    let cv = b"## Preprints\n1. Bach S (2014). \"A\". In: CoRR abs/1409.8035\n2. ???\n";
    let out = publist(&["parse"], Some(cv));
    assert!(out.status.success());
    assert_eq!(json(&out).len(), 1);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim(),
        "<stdin>:3: error: cannot read item \"???\": no title found"
    );
    let strict = publist(&["parse", "--strict", "-"], Some(cv));
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn strict_can_take_a_list_of_codes() {
    // Item 1 has no venue (a warning, no-venue), item 2 is no reference (an error).
    let cv = b"## Preprints\n1. Bach S (2014). \"A\". Somewhere\n2. ???\n";
    let code = |args: &[&str]| publist(args, Some(cv)).status.code();
    assert_eq!(code(&["parse", "--strict=not-a-reference"]), Some(1));
    assert_eq!(code(&["parse", "--strict=no-title,no-venue"]), Some(1));
    assert_eq!(code(&["parse", "--strict=no-title,crossref-loop"]), Some(0));
    let bad = publist(&["parse", "--strict=no-such-code"], Some(cv));
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8(bad.stderr).unwrap();
    assert!(
        stderr.contains("unknown diagnostic code 'no-such-code'"),
        "{stderr}"
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(
        publist(&["parse", "/nonexistent.md"], None).status.code(),
        Some(2)
    );
    assert_eq!(publist(&["frobnicate"], None).status.code(), Some(2));
    let help = publist(&[], None);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage:"));
}

#[test]
fn merge_prints_one_record_per_work_with_all_sources() {
    let files = [
        "examples/data/cv/cv-2022.md",
        "examples/data/cv/cv-2025-06.md",
        "examples/data/cv/cv-2025-09.txt",
    ];
    let out = publist(&["merge", "--explain", files[0], files[1], files[2]], None);
    common::assert_success(&out);
    let records = json(&out);
    assert_eq!(records.len(), 96);
    let total: usize = records
        .iter()
        .map(|r| r["custom"]["sources"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        total,
        50 + 89 + 96,
        "every input item is in some record's sources"
    );
    // The CRP article absorbed the 2022 preprint and keeps its arXiv id.
    let crp = records
        .iter()
        .find(|r| r["title"] == "From attribution maps to human-understandable explanations through Concept Relevance Propagation")
        .unwrap();
    assert_eq!(crp["custom"]["arxiv"], "2206.03208");
    assert_eq!(
        crp["custom"]["sources"],
        serde_json::json!([
            {"file": files[0], "line": 448},
            {"file": files[1], "line": 415},
            {"file": files[2], "line": 463}
        ])
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("rule SharedCodeRepository"), "{stderr}");
    assert!(
        stderr.contains("possible duplicates, left apart (5):"),
        "{stderr}"
    );
}

#[test]
fn bib_writes_one_entry_per_work_and_reads_bib_input() {
    let files = [
        "examples/data/cv/cv-2022.md",
        "examples/data/cv/cv-2025-06.md",
        "examples/data/cv/cv-2025-09.txt",
    ];
    let out = publist(&["bib", files[0], files[1], files[2]], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let bib = biblatex::Bibliography::parse(&text).expect("valid .bib");
    assert_eq!(bib.len(), 96);
    let crp = bib
        .get("achtibat2023attribution")
        .expect("key of the CRP article");
    assert_eq!(
        crp.get("eprint").map(biblatex::ChunksExt::format_verbatim),
        Some("2206.03208".to_string())
    );

    // BibTeX, one entry per item, read back from standard input.
    let out = publist(&["bib", "--bibtex", "--no-merge", files[0]], None);
    let bibtex = out.stdout;
    assert!(bibtex.is_ascii());
    let back = publist(&["merge", "--explain"], Some(&bibtex));
    assert!(back.status.success());
    assert_eq!(json(&back).len(), 50);
    let stderr = String::from_utf8(back.stderr).unwrap();
    assert!(stderr.contains("citation keys (50):"), "{stderr}");
    assert!(
        stderr.contains("  weber2022beyond (<stdin>:1) -> weber2022beyond"),
        "{stderr}"
    );
}

#[test]
fn every_subcommand_has_help() {
    for cmd in ["parse", "merge", "bib"] {
        let out = publist(&[cmd, "--help"], None);
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).starts_with(&format!("publist {cmd}")),
            "{cmd}"
        );
    }
    assert_eq!(
        publist(&["bib", "--frobnicate"], None).status.code(),
        Some(2)
    );
}

#[test]
fn csl_json_input_from_a_file_and_from_stdin() {
    let files = [
        "examples/data/cv/cv-2022.md",
        "examples/data/cv/cv-2025-06.md",
        "examples/data/cv/cv-2025-09.txt",
    ];
    let parsed = publist(&["parse", files[0], files[1], files[2]], None);
    // Our own CSL-JSON, read back from standard input and merged.
    let merged = publist(&["merge"], Some(&parsed.stdout));
    common::assert_success(&merged);
    let records = json(&merged);
    assert_eq!(records.len(), 96);
    let sources: usize = records
        .iter()
        .map(|r| r["custom"]["sources"].as_array().unwrap().len())
        .sum();
    assert_eq!(sources, 235, "provenance survives the CSL-JSON round trip");
    let dir = std::env::temp_dir().join(format!("publist-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("refs.json");
    std::fs::write(&path, &parsed.stdout).unwrap();
    let bib = publist(&["bib", path.to_str().unwrap()], None);
    assert_eq!(
        String::from_utf8_lossy(&bib.stdout).matches("\n@").count() + 1,
        96
    );
}

#[test]
fn format_renders_with_publists_processor_unless_told_otherwise() {
    let cv = "## Preprints\n1. Anders C J and Lapuschkin S (2021). \"Software for Dataset-Wide XAI\". In: CoRR abs/2106.13200\n";
    let own = publist(&["format", "--style", "apa", "-"], Some(cv.as_bytes()));
    let own = String::from_utf8_lossy(&own.stdout).to_string();
    // Checked by hand against APA 7 (and citeproc-js): the arXiv id keeps its lower-case "a".
    assert_eq!(
        own.trim(),
        "Anders, C. J., & Lapuschkin, S. (2021). Software for Dataset-Wide XAI (arXiv:2106.13200). arXiv."
    );
    let old = publist(
        &["format", "--engine", "hayagriva", "--style", "apa", "-"],
        Some(cv.as_bytes()),
    );
    assert!(String::from_utf8_lossy(&old.stdout).contains("(ArXiv:2106.13200)"));
    let bad = publist(
        &["format", "--engine", "citeproc", "--style", "apa", "-"],
        Some(cv.as_bytes()),
    );
    assert_eq!(bad.status.code(), Some(2));
}
