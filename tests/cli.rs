//! The example binary: the output contract in DESIGN.md, and the
//! command-line conventions of issue 18 (one test per complaint).

#![cfg(feature = "cli")]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The example binary, built once.
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let status = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--example", "publist"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo build");
        assert!(status.success());
        // target/debug/deps/cli-HASH -> target/debug/examples/publist
        let deps = std::env::current_exe().unwrap();
        let path = deps
            .parent()
            .unwrap()
            .parent()
            .unwrap()
            .join("examples/publist");
        path.with_extension(std::env::consts::EXE_EXTENSION)
    })
}

fn publist(args: &[&str], stdin: Option<&[u8]>) -> Output {
    publist_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, stdin)
}

/// Runs the binary in `dir`; standard input is closed after `stdin` is written.
fn publist_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example binary");
    if let Some(input) = stdin {
        // A command that rejects its arguments exits without reading: no error.
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// Runs the binary with a standard input that stays open: a command that
/// read its input before checking its arguments would wait for ever.
fn publist_before_input(args: &[&str]) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example binary");
    let open_stdin = child.stdin.take();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("publist {args:?} waited for its input instead of rejecting the arguments");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    drop(open_stdin);
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

const CVS: [&str; 3] = [
    "examples/data/cv/cv-2022.md",
    "examples/data/cv/cv-2025-06.md",
    "examples/data/cv/cv-2025-09.txt",
];

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("publist-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
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
    assert!(
        stderr.contains("same work: a preprint and a later version by the same authors, linking the same code repository"),
        "{stderr}"
    );
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
    let out = publist(&["bib", "--to", "bibtex", "--no-merge", files[0]], None);
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
    for cmd in ["parse", "merge", "bib", "format", "page", "styles"] {
        for help in [vec![cmd, "--help"], vec!["help", cmd]] {
            let out = publist(&help, None);
            assert!(out.status.success());
            let text = stdout(&out);
            assert!(
                text.contains(&format!("Usage: publist {cmd}")),
                "{cmd}: {text}"
            );
        }
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

// Issue 18, one test per complaint.

#[test]
fn format_links_passes_links_on_in_every_markup() {
    let cv = "## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001. [Code](https://github.com/x/y)\n";
    let text = publist(
        &["format", "--style", "apa", "--links", "-"],
        Some(cv.as_bytes()),
    );
    common::assert_success(&text);
    assert!(
        stdout(&text)
            .trim_end()
            .ends_with(" https://github.com/x/y"),
        "{}",
        stdout(&text)
    );
    let html = publist(
        &["format", "--style", "apa", "--links", "--to", "html"],
        Some(cv.as_bytes()),
    );
    assert!(
        stdout(&html).contains("<a href=\"https://github.com/x/y\">code</a>"),
        "{}",
        stdout(&html)
    );
    let md = publist(
        &["format", "--style=apa", "--links", "--to=markdown"],
        Some(cv.as_bytes()),
    );
    assert!(
        stdout(&md).contains("[code](https://github.com/x/y)"),
        "{}",
        stdout(&md)
    );
    let cv_html = publist(
        &["format", "--cv", "--links", "--to", "html"],
        Some(cv.as_bytes()),
    );
    assert!(stdout(&cv_html).contains("<a href=\"https://github.com/x/y\">Code</a>"));
    // Without --links no link is appended.
    let plain = publist(&["format", "--style", "apa", "-"], Some(cv.as_bytes()));
    assert!(!stdout(&plain).contains("github"));
}

#[test]
fn format_to_html_is_a_list_and_the_cv_a_document() {
    let out = publist(
        &[
            "format", "--style", "ieee", "--to", "html", CVS[0], CVS[1], CVS[2],
        ],
        None,
    );
    common::assert_success(&out);
    let html = stdout(&out);
    assert!(html.starts_with("<div class=\"csl-bib-body\">\n"), "{html}");
    assert_eq!(html.matches("<div class=\"csl-entry\" id=\"").count(), 96);
    assert_eq!(
        html.lines().count(),
        96 + 2,
        "one entry per line between the list's tags"
    );
    // IEEE's label stays with its entry.
    assert!(html.contains("\">[1] "), "{html}");

    let out = publist(
        &[
            "format",
            "--cv",
            "--to",
            "html",
            "--highlight",
            "Lapuschkin S",
            CVS[0],
            CVS[1],
            CVS[2],
        ],
        None,
    );
    common::assert_success(&out);
    let doc = stdout(&out);
    assert!(
        doc.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    );
    assert!(doc.contains("<title>Publications</title>") && doc.contains("<style>"));
    assert!(doc.contains("<h2 id=\"journal-articles\">Journal Articles"));
    assert_eq!(doc.matches("<li id=\"").count(), 96);
    // Numbers are the list's (`<li value>`), not text glued to the entry.
    assert!(
        doc.contains(
            "<li id=\"hedstrom2025evaluating\" value=\"1\"><span class=\"label\">1.</span>"
        ),
        "{doc}"
    );
    assert!(
        doc.contains("<b>Lapuschkin S</b>"),
        "the owner in the CV style's form"
    );
    assert!(!doc.contains("TBA"), "placeholder pages are no data");
    assert!(doc.ends_with("</html>\n"));
}

#[test]
fn the_cv_style_is_built_in_and_found_from_any_folder() {
    let dir = temp_dir("cv-style");
    let cv = b"## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n";
    let out = publist_in(&dir, &["format", "--style", "cv"], Some(cv));
    common::assert_success(&out);
    // The CV style's own layout (styles/cv.csl), checked by eye against the input.
    assert_eq!(
        stdout(&out),
        "Bach S and Samek W (2015). “Pixel-wise”. In: PLoS ONE 10(7):e0130140.\n"
    );
}

#[test]
fn version_and_opt_equals_value() {
    let out = publist(&["--version"], None);
    assert_eq!(
        stdout(&out),
        format!("publist {}\n", env!("CARGO_PKG_VERSION"))
    );
    let cv = b"## Preprints\n1. Bach S (2014). \"A\". In: CoRR abs/1409.8035\n";
    let yaml = publist(&["parse", "--to=yaml"], Some(cv));
    common::assert_success(&yaml);
    assert!(stdout(&yaml).contains("title: A"), "{}", stdout(&yaml));
    let engine = publist(&["format", "--style=apa", "--engine=hayagriva"], Some(cv));
    common::assert_success(&engine);
}

#[test]
fn dash_o_dash_is_standard_output() {
    let dir = temp_dir("stdout");
    let cv = b"## Preprints\n1. Bach S (2014). \"A\". In: CoRR abs/1409.8035\n";
    let out = publist_in(&dir, &["parse", "-o", "-"], Some(cv));
    common::assert_success(&out);
    assert_eq!(json(&out).len(), 1);
    assert!(!dir.join("-").exists(), "no file named '-'");
    let file = dir.join("out.json");
    let out = publist_in(
        &dir,
        &["parse", "--output", file.to_str().unwrap()],
        Some(cv),
    );
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("\"title\": \"A\""));
}

#[test]
fn reading_a_terminal_says_so() {
    // `script` (util-linux) runs the command on a pseudo-terminal.
    if Command::new("script").arg("--version").output().is_err() {
        println!("skipped: no `script` to run publist on a terminal");
        return;
    }
    let cmd = format!("{} parse", binary().display());
    let out = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    if String::from_utf8_lossy(&out.stderr).contains("pseudo-terminal") {
        println!("skipped: `script` cannot open a pseudo-terminal here");
        return;
    }
    assert!(
        text.contains("publist: reading standard input (end with Ctrl-D"),
        "{text}"
    );
    // A pipe is no terminal: no hint.
    let piped = publist(&["parse"], Some(b""));
    assert!(!stderr(&piped).contains("reading standard input"));
}

/// A usage error: exit 2, one line on stderr saying what is wrong, nothing on stdout.
fn assert_usage_error(args: &[&str], says: &str) {
    let out = publist_before_input(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: {err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_options_and_values_are_rejected_before_any_input_is_read() {
    assert_usage_error(
        &["format", "--engine", "foo", "-"],
        "unknown engine 'foo' (publist or hayagriva)",
    );
    assert_usage_error(
        &["format", "--to", "bogus"],
        "unknown output format 'bogus'",
    );
    assert_usage_error(
        &["parse", "--to", "html"],
        "invalid value 'html' for '--to <FORMAT>'",
    );
    assert_usage_error(&["styles", "--bogus"], "unexpected argument '--bogus'");
    assert_usage_error(
        &["bib", "--frobnicate"],
        "unexpected argument '--frobnicate'",
    );
    assert_usage_error(&["page", "--group-by", "month"], "unknown grouping 'month'");
    assert_usage_error(&["format", "--style", "no-such-style"], "no style named so");
    assert_usage_error(
        &["parse", "--strict=no-such-code"],
        "unknown diagnostic code 'no-such-code'",
    );
    assert_usage_error(&["parse", "--explain"], "unexpected argument '--explain'");
}

#[test]
fn highlight_given_a_file_is_an_error_not_an_empty_output() {
    // `--highlight apa.txt FILE`: the file is no name.
    assert_usage_error(
        &["format", "--highlight", "apa.txt", "-"],
        "'apa.txt' is no list of names",
    );
    assert_usage_error(&["format", "--highlight", CVS[0]], "is no list of names");
    let md = publist(
        &["format", "--highlight", "Bach S", "--to", "markdown"],
        Some(b"## Preprints\n1. Bach S (2014). \"A\". In: CoRR abs/1409.8035\n"),
    );
    assert!(stdout(&md).starts_with("**Bach S**"), "{}", stdout(&md));
}

#[test]
fn highlight_works_without_cv() {
    let cv = "## Preprints\n1. Anders C J and Lapuschkin S (2021). \"Software for Dataset-Wide XAI\". In: CoRR abs/2106.13200\n";
    let md = publist(
        &[
            "format",
            "--style",
            "apa",
            "--to",
            "markdown",
            "--highlight",
            "Lapuschkin S",
        ],
        Some(cv.as_bytes()),
    );
    common::assert_success(&md);
    assert_eq!(
        stdout(&md).trim(),
        "Anders, C. J., & **Lapuschkin, S.** (2021). *Software for Dataset-Wide XAI* (arXiv:2106.13200). arXiv."
    );
    let html = publist(
        &[
            "format",
            "--style",
            "ieee",
            "--to",
            "html",
            "--highlight",
            "Anders C",
        ],
        Some(cv.as_bytes()),
    );
    assert!(
        stdout(&html).contains("<b>C. J. Anders</b>"),
        "{}",
        stdout(&html)
    );
}

#[test]
fn styles_lists_short_names_and_names_match_in_any_case() {
    let out = publist(&["styles"], None);
    common::assert_success(&out);
    let list = stdout(&out);
    assert_eq!(list.lines().next(), Some("cv"));
    assert!(
        list.lines()
            .any(|l| l == "american-psychological-association apa"),
        "{list}"
    );
    assert!(list
        .lines()
        .any(|l| l == "institute-of-electrical-and-electronics-engineers ieee"));
    let cv = b"## Preprints\n1. Bach S (2014). \"A\". In: CoRR abs/1409.8035\n";
    let upper = publist(&["format", "--style", "APA"], Some(cv));
    common::assert_success(&upper);
    assert_eq!(
        stdout(&upper),
        stdout(&publist(&["format", "--style", "apa"], Some(cv)))
    );
}

#[test]
fn explain_is_written_for_people() {
    let out = publist(&["merge", "--explain", CVS[0], CVS[1], CVS[2]], None);
    common::assert_success(&out);
    let err = stderr(&out);
    for debug in [
        "Some(",
        "None",
        "SameTitleAndAuthors",
        "DifferentPublications",
        "{",
        "Kind::",
    ] {
        assert!(!err.contains(debug), "Rust debug value {debug:?} in: {err}");
    }
    assert!(err.contains("merged ("), "{err}");
    assert!(
        err.contains(" years apart") || err.contains("the same year"),
        "{err}"
    );
    assert!(
        err.contains("left apart: similar, but not enough evidence to merge"),
        "{err}"
    );
}

#[test]
fn exit_codes_are_in_the_help() {
    let out = publist(&["--help"], None);
    let help = stdout(&out);
    let words = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Exit codes: 0 success; 1 warnings or errors were reported and --strict asked to fail on them; 2 a usage error"),
        "{help}"
    );
    for cmd in ["parse", "merge", "bib", "format", "page", "styles"] {
        assert!(help.contains(&format!("\n  {cmd} ")), "{cmd} in {help}");
    }
}

#[test]
fn the_binary_stays_thin() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/publist.rs");
    let lines = std::fs::read_to_string(path).unwrap().lines().count();
    // 250 lines of arguments, input and output, plus the allocator's module (2 lines, its code in
    // examples/shared/allocator.rs) and the bibliography written as it is rendered (3 lines).
    assert!(lines <= 265, "examples/publist.rs has {lines} lines");
}

#[test]
fn page_writes_a_whole_html_page_or_markdown_by_the_file_name() {
    let dir = temp_dir("page");
    let html = dir.join("publications.html");
    let args = [
        "page",
        "--style",
        "apa",
        "--highlight",
        "Lapuschkin S",
        CVS[0],
        CVS[1],
        CVS[2],
    ];
    let out = publist(&[&args[..], &["-o", html.to_str().unwrap()]].concat(), None);
    common::assert_success(&out);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<li id=\"").count(), 96);
    assert!(page.contains("<ol reversed>"));
    assert!(page.contains("<summary>BibTeX</summary>"));
    let md = dir.join("publications.md");
    let out = publist(
        &[
            &args[..],
            &["-o", md.to_str().unwrap(), "--group-by", "year"],
        ]
        .concat(),
        None,
    );
    common::assert_success(&out);
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(
        md.starts_with("# Publications\n\n96 works, 2014–2025.\n\n## 2025\n\n96\\. <a id=\""),
        "{md}"
    );
    assert!(md.contains("\n## 2014\n\n1\\. <a id=\""), "{md}");
    // As text: one numbered entry per line with its links.
    let text = publist(
        &[&args[..], &["--to", "text", "--group-by", "none"]].concat(),
        None,
    );
    let text = stdout(&text);
    assert_eq!(text.lines().count(), 96);
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("96. Pahde, F., Dreyer, M., Weckbecker, M., Weber, L.,"),
        "{text}"
    );
    assert!(first.ends_with(
        "(ICLR). https://arxiv.org/abs/2202.03482 https://github.com/frederikpahde/pattern-cav"
    ));
    assert!(text.lines().last().unwrap().starts_with("1. "));
    // format too takes the markup from the file name.
    let md = dir.join("list.md");
    let out = publist(
        &[
            "format",
            "--style",
            "apa",
            "--highlight",
            "Bach S",
            CVS[0],
            "-o",
            md.to_str().unwrap(),
        ],
        None,
    );
    common::assert_success(&out);
    assert!(std::fs::read_to_string(&md)
        .unwrap()
        .contains("**Bach, S.**"));
}

#[test]
fn readme_tells_how_to_install_and_the_exit_codes() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("cargo install publist --example publist"));
    assert!(readme.contains("cargo install --path . --example publist"));
    assert!(readme.contains("Exit codes"));
}

/// Two works that read alike in an author-date citation.
const LOOK_ALIKES: &str = "## Journal Articles\n\
    1. Bach S and Samek W (2015). \"Pixel-wise Explanations\". In: *PLoS ONE* 10(7):e0130140\n\
    2. Bach S and Samek W (2015). \"Layer-wise Relevance\". In: *J Mach Learn* 3:4-6\n";

#[test]
fn format_citations_prints_each_works_citation() {
    // citeproc-js (2.4.63) tells the two apart by a year suffix, given in
    // the order of the bibliography (Layer-wise before Pixel-wise).
    let out = publist(
        &["format", "--style", "apa", "--citations", "--no-merge"],
        Some(LOOK_ALIKES.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "(Bach & Samek, 2015b)\n(Bach & Samek, 2015a)\n"
    );
    // A CV is a bibliography: asking for both is a usage error.
    let out = publist_before_input(&["format", "--cv", "--citations"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--citations"), "{}", stderr(&out));
}

#[test]
fn a_citation_only_style_prints_the_citation_list_with_a_note() {
    let style = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/styles/title-note.csl"
    );
    let out = publist(
        &["format", "--style", style, "--no-merge"],
        Some(LOOK_ALIKES.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // A note style's list is numbered, as Zotero numbers it.
    assert_eq!(
        stdout(&out),
        "1. Pixel-wise Explanations, 2015.\n2. Layer-wise Relevance, 2015.\n"
    );
    assert!(
        stderr(&out).contains("note: the style has no bibliography"),
        "{}",
        stderr(&out)
    );
    // Markdown keeps the title's italics.
    let out = publist(
        &["format", "--style", style, "--to", "markdown", "--no-merge"],
        Some(LOOK_ALIKES.as_bytes()),
    );
    assert!(stdout(&out).starts_with("1. *Pixel-wise Explanations*, 2015.\n\n2. "));
}

#[test]
fn bib_regenerate_keys_replaces_the_inputs_keys() {
    let bib = b"@inproceedings{DBLP:conf/icde/AdyaLO00, author = {Atul Adya and Barbara Liskov},\n\
                title = {Generalized Isolation Level Definitions}, booktitle = {ICDE}, year = 2000}\n";
    let kept = stdout(&publist(&["bib"], Some(bib)));
    assert!(
        kept.starts_with("@inproceedings{DBLP:conf/icde/AdyaLO00,"),
        "{kept}"
    );
    let out = publist(&["bib", "--regenerate-keys", "--explain"], Some(bib));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("@inproceedings{adya2000generalized,"),
        "{}",
        stdout(&out)
    );
    // --explain says where the old key went.
    assert!(
        stderr(&out).contains("DBLP:conf/icde/AdyaLO00"),
        "{}",
        stderr(&out)
    );
}

/// Items read from CSL-JSON reach the CSL processor with every variable
/// they have, those publist's model holds (title, author, ...) and those it
/// only carries (`edition`): a regression of the lossless reader rendered
/// them as `(N.d.).`. Expected: citeproc-js 2.4.63 on the same items.
#[test]
fn csl_json_input_is_formatted_with_all_its_variables() {
    let items = r#"[{"id": "a", "type": "article-journal", "title": "A study of things",
        "author": [{"family": "Smith", "given": "J."}], "issued": {"date-parts": [[2020]]},
        "container-title": "Journal of Things", "volume": "5", "page": "1-9"},
      {"id": "b", "type": "book", "title": "Things at length", "edition": "2",
        "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2019]]},
        "publisher": "Thing Press"}]"#;
    let out = publist(&["format", "--style", "apa"], Some(items.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Doe, J. (2019). Things at length (2nd ed.). Thing Press.\n\
         Smith, J. (2020). A study of things. Journal of Things, 5, 1–9.\n"
    );
}

/// A title that stands in for missing authors (APA's substitute renders it
/// through macros) prints once: every variable a substitute rendered is
/// empty for the rest of the entry. Expected: citeproc-js 2.4.63.
#[test]
fn a_substituted_title_prints_once() {
    let items = r#"[{"id": "k", "type": "document", "title": "98 Formal Ethics Opinion 16",
        "publisher": "NC State Bar", "issued": {"date-parts": [[1999, 1, 15]]}}]"#;
    let out = publist(&["format", "--style", "apa"], Some(items.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "98 Formal Ethics Opinion 16. (1999, January 15). NC State Bar.\n"
    );
}

/// build.rs links the examples as fixed-address executables with lld's
/// `--symbol-ordering-file` where rustc links with its own lld (issue 19:
/// fewer of the binary's code pages resident). The ELF type tells that the
/// arguments reached the linker and that it took them (a file it could not
/// read would have failed the link).
#[test]
fn the_binary_is_linked_with_its_functions_in_order_where_lld_links() {
    let order = env!("PUBLIST_EXAMPLES_LINK_ORDER");
    if order.is_empty() {
        eprintln!(
            "skipped: build.rs did not order the examples' link here (not x86_64-unknown-linux-gnu \
             with rustc >= 1.90 and its own lld, a linker chosen, or PUBLIST_LINK_ORDER=0)"
        );
        return;
    }
    assert!(Path::new(order).is_file(), "{order}");
    let elf = std::fs::read(binary()).unwrap();
    assert_eq!(&elf[..4], b"\x7fELF");
    // e_type, little-endian: 2 an executable at a fixed address, 3 a PIE (or a shared object).
    assert_eq!(u16::from_le_bytes([elf[16], elf[17]]), 2, "{order}");
}
