//! .bib export and import: round trips over the CV data, escaping rules,
//! import of hand-written files, and validation with biber.

#![cfg(feature = "cli")]

mod common;
use common::{all_cv_references, content, temp_dir, tool};

use publist::bib::{self, Dialect, WriteOptions};
use publist::{Date, Kind, Link, LinkKind, Pages, Person, Reference};

fn fixture(path: &str) -> String {
    let p = format!("{}/tests/fixtures/bib/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn round_trip(dialect: Dialect) {
    let refs = all_cv_references();
    assert_eq!(refs.len(), 235);
    let options = WriteOptions {
        dialect,
        ..Default::default()
    };
    let text = bib::write(&refs, &options);
    let back = bib::read(&text, "export.bib");
    assert!(back.diagnostics.is_empty(), "{:#?}", back.diagnostics);
    assert_eq!(back.references.len(), refs.len());
    let mut differing = Vec::new();
    for (a, b) in refs.iter().zip(&back.references) {
        if content(a) != content(b) {
            differing.push(format!("{:#?}\n!=\n{:#?}", content(a), content(b)));
        }
    }
    assert!(
        differing.is_empty(),
        "{} differ; first:\n{}",
        differing.len(),
        differing[0]
    );
}

#[test]
fn biblatex_round_trip_is_lossless() {
    round_trip(Dialect::BibLatex);
}

#[test]
fn bibtex_round_trip_is_lossless() {
    round_trip(Dialect::BibTex);
}

#[test]
fn every_special_character_survives_both_dialects() {
    let nasty = "Höhne Ekstrøm Marinč Łukasz Æsir straße – — “q” ‘s’ it’s … & 100% $5 #1 a_b {x} ~ ^ \\ end";
    let mut r = Reference::new(publist::Kind::JournalArticle, nasty);
    r.authors.push(publist::Person::new("Wäldchen", Some("S.")));
    r.container = Some("R&D Journal of {Things}".into());
    r.notes.push(publist::Note {
        kind: publist::NoteKind::Other,
        text: "50% off & more".into(),
    });
    for dialect in [Dialect::BibLatex, Dialect::BibTex] {
        let text = bib::write(
            std::slice::from_ref(&r),
            &WriteOptions {
                dialect,
                ..Default::default()
            },
        );
        let back = bib::read(&text, "x.bib");
        assert!(
            back.diagnostics.is_empty(),
            "{dialect:?}: {:?}\n{text}",
            back.diagnostics
        );
        assert_eq!(
            content(&back.references[0]),
            content(&r),
            "{dialect:?}\n{text}"
        );
    }
}

/// A reference that exercises every escaping rule.
fn escaping_reference() -> Reference {
    let mut r = Reference::new(
        Kind::JournalArticle,
        "XAI & CLIP’s LLMs on ImageNet: 100% of $5 #1 a_b {x} ~ ^ \\ iNNvestigate",
    );
    r.authors = vec![
        Person::new("Höhne", Some("M.-C. M.")),
        Person::from_parts("Lange", Some("T."), Some("de"), None),
        Person::new("World Health Organization", None),
        Person::new("Nikolić", Some("K.")),
    ];
    r.container = Some("Journal of R&D".into());
    r.volume = Some("5".into());
    r.issue = Some("9".into());
    r.pages = Some(Pages::Range {
        first: "1006".into(),
        last: "1019".into(),
    });
    r.issued = Some(Date::year(2023));
    r.ids.doi = Some("10.1000/x_y".parse().unwrap());
    r.links.push(Link {
        url: "https://example.org/a_b%20c".into(),
        kind: LinkKind::Page,
    });
    r
}

#[test]
fn escaping_rules_match_hand_written_fixtures() {
    let r = escaping_reference();
    for (dialect, file) in [
        (Dialect::BibLatex, "valid/escaping.biblatex.bib"),
        (Dialect::BibTex, "valid/escaping.bibtex.bib"),
    ] {
        let got = bib::write(
            std::slice::from_ref(&r),
            &WriteOptions {
                dialect,
                ..Default::default()
            },
        );
        assert_eq!(got, fixture(file), "{dialect:?}");
        let back = bib::read(&got, file);
        assert_eq!(content(&back.references[0]), content(&r), "{dialect:?}");
    }
}

#[test]
fn import_of_a_hand_written_file() {
    let parsed = bib::read(&fixture("valid/import.bib"), "import.bib");
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.items, 5);
    let by_key = |k: &str| {
        parsed
            .references
            .iter()
            .find(|r| r.sources[0].key.as_deref() == Some(k))
            .unwrap()
    };

    let proc = by_key("icml2016ws");
    assert_eq!(proc.kind, Kind::Book);
    assert_eq!(
        proc.editors.iter().map(|p| p.family()).collect::<Vec<_>>(),
        ["Kim", "Malioutov", "Varshney"]
    );
    assert_eq!(proc.editors[1].given(), Some("Dmitry M."));
    assert_eq!(proc.sources[0].at.line, 5);

    // crossref: the booktitle, year and publisher come from the proceedings.
    let binder = by_key("binder2016analyzing");
    assert_eq!(binder.kind, Kind::ConferencePaper);
    assert_eq!(
        binder.container.as_deref(),
        Some("Proceedings of the ICML'16 Workshop on Human Interpretability")
    );
    assert_eq!(binder.year(), Some(2016));
    assert_eq!(binder.authors[2].family(), "Montavon");
    assert_eq!(binder.authors[2].given(), Some("Grégoire"));
    assert_eq!(binder.authors[4].family(), "Müller");
    assert_eq!(
        binder.pages,
        Some(Pages::Range {
            first: "118".into(),
            last: "121".into()
        })
    );
    assert_eq!(binder.sources[0].at.line, 12);

    // @string and # concatenation; quoted values with accents.
    let toolbox = by_key("lapuschkin2016toolbox");
    assert_eq!(
        toolbox.title,
        "The Layer-wise Relevance Propagation Toolbox for Artificial Neural Networks"
    );
    assert_eq!(
        toolbox.container.as_deref(),
        Some("Journal of Machine Learning Research")
    );
    assert_eq!(
        (toolbox.volume.as_deref(), toolbox.issue.as_deref()),
        (Some("17"), Some("114"))
    );
    assert_eq!(
        toolbox.pages,
        Some(Pages::Range {
            first: "1".into(),
            last: "5".into()
        })
    );
    assert_eq!(
        toolbox.links,
        [Link {
            url: "http://jmlr.org/papers/v17/15-618.html".into(),
            kind: LinkKind::Page
        }]
    );

    // Braces, particles, corporate authors, month macros.
    let book = by_key("vanderberg2020");
    assert_eq!(book.title, "A Title with Braces and NESTED Groups");
    assert_eq!(
        book.authors[0],
        Person::from_parts("Berg", Some("Jan"), Some("van der"), None)
    );
    assert_eq!(
        book.authors[1],
        Person::new("World Health Organization", None)
    );
    assert_eq!(
        book.issued,
        Some(Date {
            year: 2020,
            month: Some(6),
            day: None
        })
    );
    assert_eq!(
        (book.publisher.as_deref(), book.place.as_deref()),
        (Some("Springer"), Some("Cham"))
    );
    assert_eq!(book.ids.isbn[0].to_string(), "978-3-031-63787-2");
    assert_eq!(
        book.ids.doi.as_ref().unwrap().as_str(),
        "10.1007/978-3-031-63787-2"
    );

    // Google Scholar's way of writing a preprint.
    let scholar = by_key("scholar2022quantus");
    assert_eq!(scholar.kind, Kind::Preprint);
    assert_eq!(scholar.container, None);
    assert_eq!(scholar.ids.arxiv.as_ref().unwrap().as_str(), "2202.06861");
    assert_eq!(scholar.authors[0].family(), "Hedström");
}

#[test]
fn broken_entries_become_diagnostics_and_the_rest_is_read() {
    let parsed = bib::read(&fixture("invalid/broken.bib"), "broken.bib");
    let titles: Vec<&str> = parsed.references.iter().map(|r| r.title.as_str()).collect();
    // An entry without a title is kept, as biber and bibtex keep it.
    assert_eq!(titles, ["Fine", "Also fine", ""]);
    let diags: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diags,
        [
            "broken.bib:2: error: entry @article is not closed: braces do not match",
            "broken.bib:4: warning: entry \"notitle\" has no title",
            "broken.bib:5: error: duplicate key \"ok1\": this entry was not read",
        ]
    );
    assert_eq!(
        parsed.items,
        parsed.references.len() + parsed.errors().count()
    );
}

#[test]
fn biber_validates_the_biblatex_export_of_all_cvs() {
    if !tool("biber", "--version") {
        return;
    }
    let dir = temp_dir("biber");
    let text = bib::write(&all_cv_references(), &WriteOptions::default());
    std::fs::write(dir.join("cv.bib"), text).unwrap();
    let out = std::process::Command::new("biber")
        .args(["--tool", "--validate-datamodel", "cv.bib"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let log =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    let problems: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("WARN") || l.contains("ERROR"))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // biber read every entry: its tool-mode output holds all 235.
    let written = std::fs::read_to_string(dir.join("cv_bibertool.bib")).unwrap();
    assert_eq!(
        written.lines().filter(|l| l.starts_with('@')).count(),
        235,
        "{log}"
    );
}

#[test]
fn bibtex_accepts_the_bibtex_export_of_all_cvs() {
    let refs = all_cv_references();
    let text = bib::write(
        &refs,
        &WriteOptions {
            dialect: Dialect::BibTex,
            ..Default::default()
        },
    );
    // BibTeX rules checked here: plain ASCII, and the fields BibTeX requires per type.
    assert!(text.is_ascii(), "non-ASCII left in the BibTeX export");
    let parsed = biblatex::Bibliography::parse(&text).expect("the biblatex crate reads the export");
    for entry in parsed.iter() {
        let required: &[&str] = match entry.entry_type.to_string().as_str() {
            "article" => &["author", "title", "journal", "year"],
            "inproceedings" => &["author", "title", "booktitle", "year"],
            "incollection" => &["author", "title", "booktitle", "publisher", "year"],
            "book" => &["title", "publisher", "year"],
            _ => &["title", "year"],
        };
        for f in required {
            let present =
                entry.get(f).is_some() || (*f == "journal" && entry.get("journaltitle").is_some());
            assert!(present, "{}: @{} without {f}", entry.key, entry.entry_type);
        }
    }
    if !tool("bibtex", "--version") {
        return;
    }
    let dir = temp_dir("bibtex");
    std::fs::write(dir.join("cv.bib"), &text).unwrap();
    std::fs::write(
        dir.join("t.aux"),
        "\\citation{*}\n\\bibdata{cv}\n\\bibstyle{plain}\n",
    )
    .unwrap();
    let out = std::process::Command::new("bibtex")
        .arg("t")
        .current_dir(&dir)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{log}");
    assert!(
        !log.contains("Warning--") && !log.contains("error message"),
        "{log}"
    );
    let bbl = std::fs::read_to_string(dir.join("t.bbl")).unwrap();
    assert_eq!(bbl.matches("\\bibitem").count(), refs.len());
}
