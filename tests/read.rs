//! `publist::read`: one entry point for every format, one position type, and
//! diagnostics with machine-readable codes.

use publist::{Code, ErrorKind, Format, Location, Pages, Severity};

#[test]
fn every_format_is_detected_and_read() {
    let cv = "## Journal Articles\n1. Bach S (2015). \"A\". In: *J* 1:1-9\n";
    let json = r#"[{"id": "k1", "type": "article-journal", "title": "A", "issued": {"date-parts": [[2015]]}}]"#;
    let cases: Vec<(&str, &[u8], Format)> = vec![
        ("cv.md", cv.as_bytes(), Format::Cv),
        ("cv.txt", cv.as_bytes(), Format::Cv),
        ("refs.json", json.as_bytes(), Format::CslJson),
        ("<stdin>", json.as_bytes(), Format::CslJson),
        ("<stdin>", cv.as_bytes(), Format::Cv),
    ];
    for (name, bytes, format) in cases {
        assert_eq!(Format::detect(name, bytes), format, "{name}");
        let parsed = publist::read(bytes, name).unwrap();
        assert_eq!(parsed.references.len(), 1, "{name}");
        assert_eq!(parsed.references[0].title, "A");
        assert_eq!(&*parsed.references[0].sources[0].at.source, name);
    }
}

#[cfg(feature = "bib")]
#[test]
fn bib_is_detected_by_extension_and_content() {
    let bib = b"\n@article{k1, title = {A}, author = {Bach, S.}, journal = {J}, year = 2015}\n";
    for name in ["refs.bib", "refs.BIB", "<stdin>", "export"] {
        assert_eq!(Format::detect(name, bib), Format::Bib, "{name}");
        let parsed = publist::read(bib, name).unwrap();
        assert_eq!(parsed.references[0].sources[0].key.as_deref(), Some("k1"));
        assert_eq!(parsed.references[0].sources[0].at, Location::new(name, 2));
    }
}

#[cfg(feature = "csl")]
#[test]
fn yaml_is_detected_by_extension_and_content() {
    let yaml = b"crp:\n  type: article\n  title: A\n  date: 2023\n";
    for name in ["refs.yml", "refs.yaml", "<stdin>"] {
        assert_eq!(Format::detect(name, yaml), Format::Yaml, "{name}");
        let parsed = publist::read(yaml, name).unwrap();
        assert_eq!(parsed.references[0].sources[0].key.as_deref(), Some("crp"));
    }
}

#[test]
fn a_markdown_link_opening_a_cv_is_no_json() {
    let cv =
        b"[Home](/) | [CV](/cv)\n\n## Preprints\n1. Bach S (2020). \"A\". In: arXiv:2001.00001\n";
    assert_eq!(Format::detect("<stdin>", cv), Format::Cv);
    assert_eq!(publist::read(cv, "<stdin>").unwrap().references.len(), 1);
}

#[test]
fn errors_have_kinds_locations_and_causes() {
    use std::error::Error as _;
    let e = publist::read_file("/nonexistent/dir/cv.md").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.at(), &Location::new("/nonexistent/dir/cv.md", 0));
    assert!(e.source().is_some(), "the I/O error is the cause");

    let e = publist::read(b"ok\nno \xff here", "cv.txt").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
    assert_eq!(e.to_string(), "cv.txt:2: not UTF-8 text (byte 6)");
    assert!(e.source().is_some(), "the UTF-8 error is the cause");

    let e = publist::read(b"[{\"id\": 1,", "refs.json").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Syntax);
    assert_eq!(e.line(), Some(1));
}

#[test]
fn every_diagnostic_carries_a_code() {
    let cv = "## Journal Articles\n\
              1. Bach S (2015). \"A\". In: *J* 1:1-9\n\
              3. Bach S (2016). \"B\"\n\
              4. ???\n";
    let parsed = publist::read(cv.as_bytes(), "cv.md").unwrap();
    let codes: Vec<(usize, Severity, Code)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.at.line, d.severity, d.code))
        .collect();
    assert!(
        codes.contains(&(3, Severity::Warning, Code::NumberGap)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&(3, Severity::Warning, Code::NoVenue)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&(4, Severity::Error, Code::NotAReference)),
        "{codes:?}"
    );

    let json = br#"[{"id": "a", "type": "book"}, 7]"#;
    let parsed = publist::read(json, "refs.json").unwrap();
    let codes: Vec<Code> = parsed.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::NoTitle, Code::BrokenEntry]);
}

#[cfg(feature = "bib")]
#[test]
fn bib_diagnostics_carry_codes() {
    let bib = "@book{a, title = {A}, crossref = {a}}\n\
               @book{b, title = {B}, year = 2001}\n\
               @book{b, title = {B again}, year = 2002}\n\
               @misc{c, title = {Unclosed}\n";
    let parsed = publist::read(bib.as_bytes(), "refs.bib").unwrap();
    let codes: Vec<(usize, Code)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.at.line, d.code))
        .collect();
    assert_eq!(
        codes,
        [
            (1, Code::CrossrefLoop),
            (3, Code::DuplicateKey),
            (4, Code::BrokenEntry)
        ]
    );
}

/// An `@preamble` is no reference and is not written back: a note says so,
/// at its line, and bare `--strict` does not fail on it.
#[test]
fn a_bib_preamble_is_reported_not_dropped_silently() {
    let bib = "@string{acm = {ACM}}\n\n@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\n\
               @book{b, title = {B}, publisher = acm, year = 2001}\n";
    let parsed = publist::read(bib.as_bytes(), "refs.bib").unwrap();
    assert_eq!(parsed.references.len(), 1);
    let d = &parsed.diagnostics[0];
    assert_eq!(
        (d.at.line, d.code, d.severity),
        (3, Code::NotKept, Severity::Note)
    );
    assert!(d.message.contains("@preamble"), "{d}");
    assert!(!d.fails_strict(&[]) && d.fails_strict(&[Code::NotKept]));
}

/// Issue 14's first fix: the CSL-JSON reader and the CSL processor decode
/// dates alike, so a `raw` date keeps its month and day.
#[test]
fn csl_json_raw_dates_keep_month_and_day() {
    let json = br#"[{"id": "a", "type": "book", "title": "A", "issued": {"raw": "2005-06-02"}},
                    {"id": "b", "type": "book", "title": "B", "issued": {"raw": "June 2005"}},
                    {"id": "c", "type": "book", "title": "C", "issued": {"literal": "Spring 2005"}},
                    {"id": "d", "type": "book", "title": "D", "issued": {"date-parts": [["2005", "6"]]}}]"#;
    let parsed = publist::read(json, "refs.json").unwrap();
    let dates: Vec<(i32, Option<u8>, Option<u8>)> = parsed
        .references
        .iter()
        .map(|r| {
            let d = r.issued.unwrap();
            (d.year, d.month, d.day)
        })
        .collect();
    assert_eq!(
        dates,
        [
            (2005, Some(6), Some(2)),
            (2005, Some(6), None),
            (2005, None, None),
            (2005, Some(6), None)
        ]
    );
}

/// Issue 14's second fix: one page parser, so a placeholder reads the same
/// from every format (it was `pages = {TBA}` from .bib and YAML but
/// `pubstate = {TBA}` from CSL-JSON).
#[test]
fn placeholder_pages_read_alike_in_every_format() {
    let json = br#"[{"id": "a", "type": "article-journal", "title": "A", "page": "TBA"}]"#;
    let from_json = publist::read(json, "a.json").unwrap().references;
    assert_eq!(from_json[0].pages, Some(Pages::Placeholder("TBA".into())));
    #[cfg(feature = "bib")]
    {
        let bib = b"@article{a, title = {A}, journal = {J}, year = 2020, pages = {TBA}}";
        let from_bib = publist::read(bib, "a.bib").unwrap().references;
        assert_eq!(from_bib[0].pages, from_json[0].pages);
        // Written back as read; from the typed fields, as `pubstate`.
        let written = publist::bib::write(&from_bib, &Default::default());
        assert!(written.contains("pages = {TBA}"), "{written}");
        let mut typed = from_bib.clone();
        typed[0].original = None;
        let written = publist::bib::write(&typed, &Default::default());
        assert!(written.contains("pubstate = {TBA}"), "{written}");
    }
    #[cfg(feature = "csl")]
    {
        let yaml = b"a:\n  type: article\n  title: A\n  page-range: TBA\n";
        let from_yaml = publist::read(yaml, "a.yml").unwrap().references;
        assert_eq!(from_yaml[0].pages, from_json[0].pages);
    }
}
