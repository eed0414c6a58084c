//! CSL-JSON import and export.

#![cfg(feature = "cli")]

mod common;
use common::{all_cv_references, content};

use publist::{Kind, Reference};

#[test]
fn csl_json_round_trip_of_all_cv_references_is_lossless() {
    let refs: Vec<Reference> = all_cv_references();
    let json = publist::csl_json::write(&refs);
    let back = publist::csl_json::read(&json, "export.json").unwrap();
    assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
    assert_eq!(back.references.len(), 235);
    for (a, b) in refs.iter().zip(&back.references) {
        assert_eq!(content(a), content(b));
        // Provenance comes back from custom.sources.
        assert_eq!(
            (&a.sources[0].at.source, a.sources[0].at.line),
            (&b.sources[0].at.source, b.sources[0].at.line)
        );
    }
}

#[test]
fn merged_records_round_trip_with_all_their_sources() {
    let refs: Vec<Reference> = all_cv_references();
    let records = publist::Library::merge(refs).records;
    let back = publist::csl_json::read(&publist::csl_json::write(&records), "merged.json").unwrap();
    let sources: usize = back.references.iter().map(|r| r.sources.len()).sum();
    assert_eq!(sources, 235);
    for (a, b) in records.iter().zip(&back.references) {
        assert_eq!(content(a), content(b));
    }
}

#[test]
fn zotero_and_pandoc_style_items() {
    // Written by hand in the forms Zotero's and pandoc's CSL-JSON exports use.
    let json = r#"[
  {"id": "http://zotero.org/users/1/items/ABCD", "type": "article-journal",
   "title": "Unmasking Clever Hans predictors and assessing what machines really learn",
   "container-title": "Nature Communications", "volume": "10", "issue": "1", "page": "1096",
   "DOI": "10.1038/s41467-019-08987-4", "ISSN": "2041-1723",
   "author": [{"family": "Lapuschkin", "given": "Sebastian"}, {"family": "Müller", "given": "Klaus-Robert"}],
   "issued": {"date-parts": [["2019", "3", "11"]]}},
  {"id": "quantus", "type": "article", "title": "Quantus", "number": "arXiv:2202.06861",
   "publisher": "arXiv", "URL": "http://arxiv.org/abs/2202.06861",
   "author": [{"literal": "Understandable Machine Intelligence Lab"}],
   "issued": {"raw": "2022-02-14"}},
  {"id": "pandoc1", "type": "paper-conference", "title": "Analyzing classifiers",
   "container-title": "CVPR", "page": "2912–2920", "issued": {"date-parts": [[2016]]},
   "author": [{"family": "Lapuschkin", "given": "S."}]},
  42
]"#;
    let parsed = publist::csl_json::read(json, "zotero.json").unwrap();
    assert_eq!(parsed.references.len(), 3);
    let z = &parsed.references[0];
    assert_eq!(z.kind, Kind::JournalArticle);
    assert_eq!(
        z.issued,
        Some(publist::Date {
            year: 2019,
            month: Some(3),
            day: Some(11)
        })
    );
    assert_eq!(
        z.ids.doi.as_ref().unwrap().as_str(),
        "10.1038/s41467-019-08987-4"
    );
    assert_eq!(z.ids.issn.as_ref().unwrap().to_string(), "2041-1723");
    assert_eq!(z.pages, Some(publist::Pages::Single("1096".into())));
    assert_eq!(z.sources[0].at.line, 2);
    assert_eq!(
        z.sources[0].key.as_deref(),
        Some("http://zotero.org/users/1/items/ABCD")
    );
    let q = &parsed.references[1];
    assert_eq!(q.kind, Kind::Preprint);
    assert_eq!(q.ids.arxiv.as_ref().unwrap().as_str(), "2202.06861");
    assert_eq!(q.publisher, None);
    assert_eq!(
        q.authors[0].family(),
        "Understandable Machine Intelligence Lab"
    );
    assert_eq!(q.year(), Some(2022));
    assert_eq!(q.links[0].kind, publist::LinkKind::Arxiv);
    let p = &parsed.references[2];
    assert_eq!(
        p.pages,
        Some(publist::Pages::Range {
            first: "2912".into(),
            last: "2920".into()
        })
    );
    assert_eq!(p.sources[0].at.line, 12);
    let diags: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diags,
        ["zotero.json:15: error: an item must be a JSON object"]
    );
    assert_eq!(parsed.items, 4);
}

#[test]
fn invalid_json_is_a_syntax_error_with_its_line() {
    let e = publist::csl_json::read("[\n{\"id\": 1,\n}", "bad.json").unwrap_err();
    assert_eq!(e.kind(), publist::ErrorKind::Syntax);
    assert_eq!(e.line(), Some(3));
}

#[test]
fn hayagriva_yaml_export_is_read_back_by_hayagriva() {
    let refs: Vec<Reference> = all_cv_references();
    let records = publist::Library::merge(refs).records;
    let yaml = publist::yaml::write(&records).unwrap();
    let library = hayagriva::io::from_yaml_str(&yaml).expect("hayagriva reads its own format");
    assert_eq!(library.len(), 96);
    let crp = library.get("achtibat2023attribution").unwrap();
    assert_eq!(crp.title().map(|t| t.value.to_string()).as_deref(), Some("From attribution maps to human-understandable explanations through Concept Relevance Propagation"));
    assert_eq!(
        crp.serial_number()
            .and_then(|s| s.0.get("arxiv").cloned())
            .as_deref(),
        Some("2206.03208")
    );
}

#[test]
fn hayagriva_yaml_round_trip_keeps_the_core_fields() {
    let refs: Vec<Reference> = all_cv_references();
    let records = publist::Library::merge(refs).records;
    let yaml = publist::yaml::write(&records).unwrap();
    let back = publist::yaml::read(&yaml, "refs.yml").unwrap();
    assert_eq!(back.references.len(), 96);
    let keys = publist::keys::assign(&records);
    for (key, r) in keys.iter().zip(&records) {
        let b = back
            .references
            .iter()
            .find(|b| b.sources[0].key.as_deref() == Some(key.as_str()))
            .unwrap();
        assert_eq!(
            (b.kind, &b.title, b.year()),
            (r.kind, &r.title, r.year()),
            "{key}"
        );
        let families =
            |p: &[publist::Person]| p.iter().map(|p| p.family().to_string()).collect::<Vec<_>>();
        assert_eq!(families(&b.authors), families(&r.authors), "{key}");
        assert_eq!(b.container, r.container, "{key}");
        // hayagriva's importer drops `pubstate`, where placeholder pages (TBA) travel.
        let real = |p: &Option<publist::Pages>| p.clone().filter(|p| !p.is_placeholder());
        assert_eq!(
            (&b.volume, &b.issue, real(&b.pages)),
            (&r.volume, &r.issue, real(&r.pages)),
            "{key}"
        );
        assert_eq!(b.ids.arxiv, r.ids.arxiv, "{key}");
    }
}

/// The rules of the CSL-JSON schema (csl-data.json, CSL 1.0.2) that our
/// records touch: `id` and `type` required, `type` from the CSL types, no
/// properties but CSL variables and `custom` (the schema forbids others),
/// names with name fields only, dates as 1–2 `date-parts` of 1–3 numbers.
fn check_csl_data_rules(items: &serde_json::Value) {
    const TYPES: &[&str] = &[
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ];
    const STRINGS: &[&str] = &[
        "title",
        "container-title",
        "collection-title",
        "publisher",
        "publisher-place",
        "DOI",
        "ISBN",
        "ISSN",
        "URL",
        "note",
    ];
    const STRING_OR_NUMBER: &[&str] = &["volume", "issue", "page", "number"];
    const NAME_FIELDS: &[&str] = &[
        "family",
        "given",
        "dropping-particle",
        "non-dropping-particle",
        "suffix",
        "literal",
    ];
    for item in items.as_array().expect("an array of items") {
        let o = item.as_object().expect("each item an object");
        assert!(o["id"].is_string() || o["id"].is_number());
        assert!(
            TYPES.contains(&o["type"].as_str().unwrap()),
            "{}",
            o["type"]
        );
        for (k, v) in o {
            match k.as_str() {
                "id" | "type" => {}
                "custom" => assert!(v.is_object()),
                "author" | "editor" => {
                    for n in v.as_array().unwrap() {
                        for (f, x) in n.as_object().unwrap() {
                            assert!(
                                NAME_FIELDS.contains(&f.as_str()) && x.is_string(),
                                "name field {f}"
                            );
                        }
                    }
                }
                "issued" => {
                    let d = v.as_object().unwrap();
                    assert_eq!(d.keys().collect::<Vec<_>>(), ["date-parts"]);
                    let parts = d["date-parts"].as_array().unwrap();
                    assert!((1..=2).contains(&parts.len()));
                    for p in parts {
                        let p = p.as_array().unwrap();
                        assert!((1..=3).contains(&p.len()) && p.iter().all(|x| x.is_number()));
                    }
                }
                k if STRINGS.contains(&k) => assert!(v.is_string(), "{k}"),
                k if STRING_OR_NUMBER.contains(&k) => {
                    assert!(v.is_string() || v.is_number(), "{k}")
                }
                other => panic!("{other} is not a CSL variable: the schema forbids it"),
            }
        }
    }
}

#[test]
fn csl_json_export_follows_the_csl_data_schema() {
    let refs: Vec<Reference> = all_cv_references();
    let records = publist::Library::merge(refs.clone()).records;
    for list in [&refs, &records] {
        let json: serde_json::Value =
            serde_json::from_str(&publist::csl_json::write(list)).unwrap();
        check_csl_data_rules(&json);
    }
}
