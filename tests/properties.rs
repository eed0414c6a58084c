//! Property tests: round trips of generated references, and merge invariants.

#![cfg(feature = "cli")]

mod common;

use common::content;
use proptest::prelude::*;
use publist::bib::{Dialect, WriteOptions};
use publist::{
    Date, Kind, Link, LinkKind, Location, Note, NoteKind, Pages, Person, Provenance, Reference,
};

/// Words of any letters (Latin, accented, Greek, CJK), digits and the
/// characters TeX and BibTeX treat specially.
fn word() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::char::range('a', 'z'),
            proptest::char::range('A', 'Z'),
            proptest::char::range('0', '9'),
            proptest::sample::select(vec![
                'ä', 'ø', 'č', 'ß', 'É', 'ł', 'å', 'œ', 'ı', 'α', 'Ω', '中', '文'
            ]),
            proptest::sample::select(vec![
                '&', '%', '$', '#', '_', '{', '}', '~', '^', '\\', '"', '\'', '’', '“', '”', '–',
                '—', '…', ':', '(', ')', '!', '?', ',', '.'
            ]),
        ],
        1..8,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(word(), 1..8).prop_map(|w| w.join(" "))
}

fn family() -> impl Strategy<Value = String> {
    "[A-Z][a-zäöüøéč]{1,8}(-[A-Z][a-z]{1,6})?"
}

fn person() -> impl Strategy<Value = Person> {
    (
        family(),
        proptest::option::of("[A-Z]\\.( [A-Z]\\.)?"),
        proptest::option::of(prop_oneof!["de", "van der", "von"]),
    )
        .prop_map(|(family, given, particle)| {
            Person::from_parts(&family, given.as_deref(), particle.as_deref(), None)
        })
}

fn reference() -> impl Strategy<Value = Reference> {
    (
        proptest::sample::select(vec![
            Kind::JournalArticle,
            Kind::ConferencePaper,
            Kind::Book,
            Kind::Chapter,
            Kind::Preprint,
        ]),
        text(),
        proptest::collection::vec(person(), 1..5),
        1900i32..2100,
        proptest::option::of(text()),
        proptest::option::of((1u32..2000, 1u32..50)),
        proptest::option::of("[0-9]{1,3}"),
        proptest::collection::vec(
            text().prop_filter("no separator", |t| !t.contains("; ")),
            0..3,
        ),
        proptest::option::of("[a-z]{3,10}"),
    )
        .prop_map(
            |(kind, title, authors, year, container, pages, volume, notes, repo)| {
                let mut r = Reference::new(kind, &title);
                r.authors = authors;
                r.issued = Some(Date::year(year));
                if kind != Kind::Preprint {
                    r.container = container.map(Into::into);
                }
                r.pages = pages.map(|(a, n)| Pages::Range {
                    first: a.to_string(),
                    last: (a + n).to_string(),
                });
                r.volume = volume.map(Into::into);
                r.notes = notes
                    .into_iter()
                    .map(|t| Note {
                        kind: NoteKind::Other,
                        text: t,
                    })
                    .collect();
                if let Some(repo) = repo {
                    r.links.push(Link {
                        url: format!("https://github.com/x/{repo}"),
                        kind: LinkKind::Code,
                    });
                }
                r
            },
        )
        // Notes are classified again when read back; keep generated ones "other".
        .prop_filter("notes that classify as other", |r| {
            r.notes.iter().all(|n| {
                let again = publist::bib::read(
                    &publist::bib::write(
                        std::slice::from_ref(&Reference {
                            notes: vec![n.clone()],
                            ..r.clone()
                        }),
                        &WriteOptions::default(),
                    ),
                    "x",
                );
                again
                    .references
                    .first()
                    .is_some_and(|b| b.notes.first().map(|m| m.kind) == Some(NoteKind::Other))
            })
        })
}

fn listed(mut refs: Vec<Reference>) -> Vec<Reference> {
    for (i, r) in refs.iter_mut().enumerate() {
        r.sources = vec![Provenance::new(Location::new("gen", i + 1))];
    }
    refs
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn bib_round_trip_is_lossless(r in reference()) {
        for dialect in [Dialect::BibLatex, Dialect::BibTex] {
            let text = publist::bib::write(std::slice::from_ref(&r), &WriteOptions { dialect, ..Default::default() });
            let back = publist::bib::read(&text, "x.bib");
            prop_assert!(back.diagnostics.is_empty(), "{:?}\n{}", back.diagnostics, text);
            prop_assert_eq!(content(&back.references[0]), content(&r), "{:?}\n{}", dialect, text);
        }
    }

    #[test]
    fn csl_json_round_trip_is_lossless(r in reference()) {
        let json = publist::csl_json::write(std::slice::from_ref(&r));
        let back = publist::csl_json::read(&json, "x.json").unwrap();
        prop_assert_eq!(content(&back.references[0]), content(&r));
    }

    #[test]
    fn merge_clusters_do_not_depend_on_input_order(refs in proptest::collection::vec(reference(), 1..12), seed in 0u64..1000) {
        let refs = listed(refs);
        let clusters = |lib: &publist::Library| {
            let mut c: Vec<Vec<usize>> = lib.records.iter().map(|r| { let mut l: Vec<usize> = r.sources.iter().map(|s| s.at.line).collect(); l.sort(); l }).collect();
            c.sort();
            c
        };
        let mut shuffled = refs.clone();
        let n = shuffled.len();
        for i in 0..n {
            shuffled.swap(i, (seed as usize * 31 + i * 17) % n);
        }
        prop_assert_eq!(clusters(&publist::Library::merge(refs)), clusters(&publist::Library::merge(shuffled)));
    }

    #[test]
    fn merging_a_list_with_itself_changes_nothing(refs in proptest::collection::vec(reference(), 1..10)) {
        let refs = listed(refs);
        let once = publist::Library::merge(refs.clone());
        let twice = publist::Library::merge(refs.iter().cloned().chain(refs.iter().cloned()).collect());
        prop_assert_eq!(once.records, twice.records);
    }
}
