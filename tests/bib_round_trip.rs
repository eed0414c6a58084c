//! The property the `bib_round_trip` fuzz target checks (.bib → model →
//! .bib → model is stable), on generated entries of BibTeX's and BibLaTeX's
//! syntax.

use proptest::prelude::*;
use publist::bib::{self, Dialect, WriteOptions};
use publist::Reference;

fn write(refs: &[Reference], dialect: Dialect) -> String {
    bib::write(
        refs,
        &WriteOptions {
            dialect,
            ..Default::default()
        },
    )
}

fn tex_word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][a-z]{0,7}",
        Just(r#"{\"o}"#.to_string()),
        Just(r"\'{e}t\'e".to_string()),
        Just("{{NASA}}".to_string()),
        Just(r"$\alpha$".to_string()),
        Just(r"\textit{x}".to_string()),
        Just(r"a~b".to_string()),
        Just("1--9".to_string()),
        Just(r"\&".to_string()),
        Just("ü".to_string()),
        Just(r"{\relax X}".to_string()),
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(tex_word(), 1..6).prop_map(|w| format!("{{{}}}", w.join(" "))),
        proptest::collection::vec(tex_word(), 1..4).prop_map(|w| format!("\"{}\"", w.join(" "))),
        "[0-9]{1,4}",
        Just("jan # { 1}".to_string()),
        Just("undefinedmacro".to_string()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{1,6}, [A-Z]\\.",
        "[A-Z][a-z]{1,6} [A-Z][a-z]{1,6}",
        "\\{[a-z]{2,3} [A-Z][a-z]{2,6}\\}, [A-Z][a-z]{2,6}",
        "family=[A-Z][a-z]{2,6}, given=[A-Z][a-z]{2,6}, prefix=van",
    ]
}

fn entry() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(vec![
            "article",
            "book",
            "inproceedings",
            "phdthesis",
            "thesis",
            "techreport",
            "misc",
            "online",
            "software",
            "customtype",
        ]),
        proptest::collection::vec(name(), 0..4),
        proptest::collection::vec(
            (
                proptest::sample::select(vec![
                    "title",
                    "journal",
                    "journaltitle",
                    "booktitle",
                    "year",
                    "date",
                    "month",
                    "volume",
                    "number",
                    "pages",
                    "publisher",
                    "address",
                    "school",
                    "note",
                    "doi",
                    "url",
                    "eprint",
                    "archiveprefix",
                    "type",
                    "edition",
                    "abstract",
                    "custom",
                ]),
                value(),
            ),
            0..8,
        ),
    )
        .prop_map(|(t, names, fields)| {
            let mut s = format!("@{t}{{key,\n");
            if !names.is_empty() {
                s.push_str(&format!("  author = {{{}}},\n", names.join(" and ")));
            }
            for (n, v) in fields {
                s.push_str(&format!("  {n} = {v},\n"));
            }
            s.push_str("}\n");
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn bib_model_bib_model_is_stable(text in entry()) {
        let parsed = bib::read(&text, "p.bib");
        prop_assert_eq!(parsed.references.len(), 1);
        for dialect in [Dialect::BibLatex, Dialect::BibTex] {
            let once = write(&parsed.references, dialect);
            let back = bib::read(&once, "once.bib");
            prop_assert_eq!(back.references.len(), 1);
            let twice = write(&back.references, dialect);
            prop_assert_eq!(&once, &twice);
            let (a, b) = (&parsed.references[0], &back.references[0]);
            if dialect == Dialect::BibLatex {
                prop_assert_eq!(&a.title, &b.title);
                prop_assert_eq!(&a.authors, &b.authors);
                prop_assert_eq!(a.issued, b.issued);
                prop_assert_eq!(&a.container, &b.container);
            }
        }
    }
}

/// Found by the fuzz target: a bare macro name in Latin-1 (`ËSomeone`),
/// given accent commands in BibTeX output, no longer reads back.
#[test]
fn fuzz_findings_round_trip() {
    // The second: `\ß` (Windows-1252) became `\{\ss}`, an escaped brace.
    for name in [
        "fuzz-non-ascii-macro-name.bib",
        "fuzz-backslash-before-non-ascii.bib",
    ] {
        let path = format!(
            "{}/tests/fixtures/bib/invalid/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let parsed = bib::read_bytes(&std::fs::read(path).unwrap(), "f.bib").unwrap();
        for dialect in [Dialect::BibLatex, Dialect::BibTex] {
            let once = write(&parsed.references, dialect);
            let back = bib::read(&once, "once.bib");
            assert_eq!(
                back.references.len(),
                parsed.references.len(),
                "{name}\n{once}"
            );
            assert_eq!(once, write(&back.references, dialect), "{name}");
        }
    }
}
