//! Hostile and oversized input: a result or a typed error, in bounded time, never a panic.

#![cfg(feature = "cli")]

use std::time::{Duration, Instant};

/// Generous bounds for a debug build on a 2-core machine: they catch a
/// blow-up (quadratic behaviour, a hang), not a slowdown.
const BOUND: Duration = Duration::from_secs(20);

#[test]
fn deeply_nested_braces_are_read_in_linear_time() {
    let deep = format!("{}x{}", "{".repeat(100_000), "}".repeat(100_000));
    let bib = format!("@article{{ok, title = {{Fine}}, year = 2020}}\n@article{{deep, title = {deep}, year = 2020}}\n");
    let t = Instant::now();
    let parsed = publist::bib::read(&bib, "deep.bib");
    assert!(t.elapsed() < BOUND, "{:?}", t.elapsed());
    // The reader is iterative and the LaTeX layer reads deep groups flat:
    // both entries are read (the crate-based reader refused the deep one).
    assert_eq!(parsed.references.len(), 2, "{:?}", parsed.diagnostics);
    assert_eq!(parsed.references[1].title, "x");
}

#[test]
fn ten_thousand_authors() {
    let authors: Vec<String> = (0..10_000).map(|i| format!("Author{i} A")).collect();
    let cv = format!(
        "## Journal Articles\n1. {} (2020). \"Title\". In: *J* 1:1\n",
        authors.join(", ")
    );
    let t = Instant::now();
    let parsed = publist::cv::read(&cv, "big.md");
    assert_eq!(parsed.references[0].authors.len(), 10_000);
    let records = publist::Library::merge(vec![
        parsed.references[0].clone(),
        parsed.references[0].clone(),
    ])
    .records;
    let bib = publist::bib::write(&records, &Default::default());
    let back = publist::bib::read(&bib, "big.bib");
    let json = publist::csl_json::write(&records);
    let back_json = publist::csl_json::read(&json, "big.json").unwrap();
    assert!(t.elapsed() < BOUND, "{:?}", t.elapsed());
    assert_eq!(back.references[0].authors.len(), 10_000);
    assert_eq!(back_json.references[0].authors.len(), 10_000);
}

#[test]
fn a_large_cv_is_read_in_bounded_time() {
    // 20 MB of realistic items (the bundled CV repeated). Measured in a
    // release build: 99 MB, 196,067 items, 4.9-5.5 s, 816 MB peak memory.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/cv/cv-2025-06.md"
    );
    let one = std::fs::read_to_string(path).unwrap();
    let big = one.repeat(20_000_000 / one.len());
    let t = Instant::now();
    let parsed = publist::cv::read(&big, "big.md");
    assert!(t.elapsed() < BOUND * 3, "{:?}", t.elapsed());
    assert_eq!(parsed.items, 89 * (20_000_000 / one.len()));
    assert_eq!(
        parsed.items,
        parsed.references.len() + parsed.errors().count()
    );
}

#[test]
fn garbage_never_panics() {
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xff\xfe\x00\x01".to_vec(),
        b"@".to_vec(),
        b"@article{".to_vec(),
        b"@article{k,".to_vec(),
        b"{{{{{{{{".to_vec(),
        b"}}}}}}}}@misc{x, title={a}}}}}".to_vec(),
        b"1. (". to_vec(),
        b"## Journal Articles\n1. \"\n2. (2020\n3. A B (2020). \"\n4. In: In: In:\n".to_vec(),
        "## Preprints\n1. Ä Ö (2020). “”. In: *CoRR abs*/\n".as_bytes().to_vec(),
        b"[".to_vec(),
        b"[{\"id\": 1, \"title\": {\"nested\": [1, 2]}, \"author\": \"not a list\", \"issued\": 5}]".to_vec(),
    ];
    for input in inputs {
        let text = String::from_utf8_lossy(&input);
        let _ = publist::cv::read_bytes(&input, "x.md");
        let _ = publist::cv::read(&text, "x.md");
        let _ = publist::bib::read(&text, "x.bib");
        let _ = publist::csl_json::read(&text, "x.json");
        let _ = publist::yaml::read(&text, "x.yml");
    }
}

#[test]
fn fuzz_finding_entries_paired_across_lines_are_all_accounted_for() {
    // Found by the bib fuzz target: the biblatex crate read this as one
    // entry, pairing braces across entries, while two entries start here.
    let parsed = read_invalid_fixture("fuzz-unclosed-across-entries.bib");
    assert_eq!(parsed.items, 2);
    assert_eq!(
        parsed.items,
        parsed.references.len() + parsed.errors().count()
    );
    let diags: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diags,
        [
            "f.bib:1: error: entry @article is not closed: braces do not match",
            "f.bib:3: error: entry @article is not closed: braces do not match",
        ]
    );
}

#[test]
fn crossref_cycles_are_not_followed_and_every_entry_is_read() {
    // Found by the bib fuzz target: the biblatex crate followed a crossref to
    // itself until the stack overflowed. Each entry is read; the loop is a warning.
    let bib = "@proceedings{self, title = {P}, crossref = {self}, year = 2020}\n\
               @inproceedings{a, title = {A}, crossref = {b}, year = 2020}\n\
               @proceedings{b, title = {B}, crossref = {a}, year = 2020}\n\
               @article{fine, title = {Fine}, year = 2021}\n";
    let parsed = publist::bib::read(bib, "c.bib");
    let titles: Vec<&str> = parsed.references.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["P", "A", "B", "Fine"]);
    let diags: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diags,
        [
            "c.bib:1: warning: entry \"self\" inherits from itself through crossref: the loop is not followed",
            "c.bib:2: warning: entry \"a\" inherits from itself through crossref: the loop is not followed",
            "c.bib:3: warning: entry \"b\" inherits from itself through crossref: the loop is not followed",
        ]
    );
    // A inherits B's title as its booktitle, not beyond.
    assert_eq!(parsed.references[1].container.as_deref(), Some("B"));
}

#[test]
fn fuzz_finding_self_crossref_does_not_overflow_the_stack() {
    // The second file: a key used twice, once with `crossref` to itself
    // (the first run of the guard looked at one entry per key only).
    for name in [
        "fuzz-crossref-self.bib",
        "fuzz-crossref-self-duplicate-key.bib",
    ] {
        let parsed = read_invalid_fixture(name);
        assert_eq!(
            parsed.items,
            parsed.references.len() + parsed.errors().count()
        );
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.message.contains("inherits from itself")),
            "{name}: {:?}",
            parsed.diagnostics
        );
    }
}

#[test]
fn an_entry_key_used_twice_with_a_self_crossref_is_read_once() {
    let text =
        "@book{x, title = {A}, crossref = {x}}\n@book{x, title = {B}}\n@book{y, title = {C}}\n";
    let parsed = publist::bib::read(text, "d.bib");
    assert_eq!(parsed.items, 3);
    assert_eq!(parsed.references.len() + parsed.errors().count(), 3);
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.at.line == 1 && d.message.contains("inherits from itself")),
        "{:?}",
        parsed.diagnostics
    );
    assert!(parsed
        .errors()
        .any(|d| d.at.line == 2 && d.code == publist::Code::DuplicateKey));
    let titles: Vec<&str> = parsed.references.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["A", "C"]);
}

#[test]
fn fuzz_finding_an_entry_that_yields_nothing_is_a_diagnostic() {
    let parsed = read_invalid_fixture("fuzz-empty-entry.bib");
    // Three complete entries and a mangled fourth `@...{` piece.
    assert_eq!(parsed.items, 4);
    assert_eq!(
        parsed.items,
        parsed.references.len() + parsed.errors().count(),
        "{:?}",
        parsed.diagnostics
    );
}

#[test]
fn fuzz_finding_an_unbalanced_brace_in_a_url_survives_the_round_trip() {
    // The reader turns `\{` into `{` inside a URL; written back verbatim, the
    // lone brace swallowed the rest of the entry. Now it is percent-encoded.
    // The second: a URL of backslashes, whose last one escaped the closing brace.
    for (name, encoded) in [
        ("fuzz-unbalanced-url.bib", "%7B"),
        ("fuzz-backslash-url.bib", "%5C"),
    ] {
        let parsed = read_invalid_fixture(name);
        assert_eq!(parsed.references.len(), 1, "{name}");
        // As read, the entry is written back as the file wrote it.
        let written = publist::bib::write(&parsed.references, &Default::default());
        let again = publist::bib::read(&written, "again.bib");
        assert_eq!(again.references.len(), 1, "{name}: {:?}", again.diagnostics);
        assert_eq!(
            again.references[0].links, parsed.references[0].links,
            "{name}"
        );
        // Written from the typed fields, the URL is percent-encoded.
        let mut typed = parsed.references.clone();
        typed[0].original = None;
        let written = publist::bib::write(&typed, &Default::default());
        assert!(written.contains(encoded), "{name}: {written}");
        let again = publist::bib::read(&written, "again.bib");
        assert_eq!(again.references.len(), 1, "{name}: {:?}", again.diagnostics);
    }
}

#[test]
fn every_bib_fixture_accounts_for_every_entry() {
    // Includes fuzz-two-entries-in-one-chunk.bib: an `@` inside a key made the
    // crate find two entries where the splitter saw one, and one was not counted.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bib/invalid");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).to_string();
        let parsed = publist::bib::read(&text, "f.bib");
        assert_eq!(
            parsed.items,
            parsed.references.len() + parsed.errors().count(),
            "{}: {:?}",
            path.display(),
            parsed.diagnostics
        );
        seen += 1;
    }
    assert!(seen >= 7, "{seen} fixtures");
}

#[test]
fn an_abbreviation_defined_by_itself_is_undefined_not_expanded_forever() {
    // The biblatex crate expanded `@string{e = e}` until its stack overflowed
    // (found by fuzzing: tests/fixtures/bib/invalid/fuzz-string-refers-to-itself.bib).
    // Read in order as bibtex reads them, a macro is not defined in its own value.
    let text = "@string{e = e}\n@string{a = b # \" x\", b = a}\n@string{ok = \"Fine\"}\n\
                @article{x, title = ok, journal = e, year = 2020}\n";
    let parsed = publist::bib::read(text, "s.bib");
    let warnings: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("s.bib:1: warning: @string \"e\"")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w == "s.bib:2: warning: @string \"a\" uses the undefined macro \"b\""),
        "{warnings:?}"
    );
    assert_eq!(
        parsed.items,
        parsed.references.len() + parsed.errors().count()
    );
    let parsed = read_invalid_fixture("fuzz-string-refers-to-itself.bib");
    assert_eq!(
        parsed.items,
        parsed.references.len() + parsed.errors().count()
    );
}

/// Reads a .bib file from tests/fixtures/bib/invalid (lossily: fuzz inputs
/// need not be UTF-8) as `f.bib`.
fn read_invalid_fixture(name: &str) -> publist::Parsed {
    let path = format!(
        "{}/tests/fixtures/bib/invalid/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).to_string();
    publist::bib::read(&text, "f.bib")
}
