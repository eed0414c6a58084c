//! .bib export and import: round trips over the CV data, escaping rules,
//! import of hand-written files, and validation with biber.

mod common;

use publist::bib::{self, Dialect, WriteOptions};
use publist::Reference;

fn all_cv_references() -> Vec<Reference> {
    ["cv-2022.md", "cv-2025-06.md", "cv-2025-09.txt"]
        .iter()
        .flat_map(|n| common::cv(n).references)
        .collect()
}

/// A reference without its provenance, which a .bib cannot carry.
fn content(r: &Reference) -> Reference {
    let mut r = r.clone();
    r.sources.clear();
    r
}

fn round_trip(dialect: Dialect) {
    let refs = all_cv_references();
    assert_eq!(refs.len(), 235);
    let options = WriteOptions { dialect, ..Default::default() };
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
    assert!(differing.is_empty(), "{} differ; first:\n{}", differing.len(), differing[0]);
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
    r.notes.push(publist::Note { kind: publist::NoteKind::Other, text: "50% off & more".into() });
    for dialect in [Dialect::BibLatex, Dialect::BibTex] {
        let text = bib::write(std::slice::from_ref(&r), &WriteOptions { dialect, ..Default::default() });
        let back = bib::read(&text, "x.bib");
        assert!(back.diagnostics.is_empty(), "{dialect:?}: {:?}\n{text}", back.diagnostics);
        assert_eq!(content(&back.references[0]), content(&r), "{dialect:?}\n{text}");
    }
}
