//! The publist command-line tool, thin over the library.
//!
//! ```text
//! publist parse [--strict] FILE...   references as CSL-JSON on stdout
//! ```
//!
//! Diagnostics go to stderr as `file:line: severity: message`. Exit codes: 0 on
//! success, 1 when diagnostics were reported and `--strict` was given, 2 on
//! usage or I/O errors.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
publist: clean, typed references from publication lists

Usage:
  publist parse [--strict] [FILE...]   read CV files (markdown or text), print CSL-JSON
  publist merge [--strict] [--explain] [FILE...]
                                       read and merge: one record per work, as CSL-JSON

Give files oldest first: where versions disagree, the newest sound value wins.

Files: CV text or markdown; `-` or no file reads standard input.
Options:
  --strict    exit with code 1 when any diagnostic was reported
  --explain   (merge) print the evidence for every merge and every possible
              duplicate on standard error
  -h, --help  show this help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        "parse" => run(&args[1..], false),
        "merge" => run(&args[1..], true),
        other => {
            eprintln!("publist: unknown command '{other}'\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String], merge: bool) -> ExitCode {
    let mut strict = false;
    let mut explain = false;
    let mut files = Vec::new();
    for a in args {
        match a.as_str() {
            "--strict" => strict = true,
            "--explain" if merge => explain = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => {
                eprintln!("publist: unknown option '{s}'");
                return ExitCode::from(2);
            }
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        files.push("-".to_string());
    }
    let mut references = Vec::new();
    let mut diagnostics = 0;
    for file in &files {
        let parsed = if file == "-" {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                eprintln!("publist: <stdin>: {e}");
                return ExitCode::from(2);
            }
            publist::parse::cv_bytes(&bytes, "<stdin>")
        } else {
            publist::parse::cv_file(file)
        };
        match parsed {
            Ok(p) => {
                for d in &p.diagnostics {
                    eprintln!("{d}");
                }
                diagnostics += p.diagnostics.len();
                references.extend(p.references);
            }
            Err(e) => {
                eprintln!("publist: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if merge {
        let library = publist::Library::merge(references);
        if explain {
            explain_merge(&library.report);
        }
        references = library.records;
    }
    println!("{}", publist::csl::to_csl_json(&references));
    if strict && diagnostics > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn explain_merge(report: &publist::MergeReport) {
    let show = |e: &publist::merge::MatchEvidence| {
        let s = &e.signals;
        eprintln!(
            "  {}:{} \"{}\"\n  {}:{} \"{}\"\n    rule {:?}; title {:.2} (words {:.2}); authors {}/{}-{}, first {}; years {:?}{}{}{}",
            e.a.source, e.a.line, e.titles.0, e.b.source, e.b.line, e.titles.1, e.rule,
            s.title_similarity, s.title_words, s.common_authors, s.authors.0, s.authors.1,
            s.first_author, s.year_gap,
            s.shared_code.as_ref().map(|c| format!("; code {c}")).unwrap_or_default(),
            s.same_arxiv.as_ref().or(s.same_openreview.as_ref()).map(|c| format!("; id {c}")).unwrap_or_default(),
            e.held_apart.as_ref().map(|h| format!("; held apart: {h}")).unwrap_or_default(),
        );
    };
    eprintln!("merged ({} decisions):", report.merged.len());
    report.merged.iter().for_each(show);
    eprintln!(
        "possible duplicates, left apart ({}):",
        report.possible_duplicates.len()
    );
    report.possible_duplicates.iter().for_each(show);
}
