//! Tests of the processor's item reader (input.rs).

use super::*;

/// A record read from CSL-JSON keeps its variables as read (in
/// `extra`); the processor item has them all.
#[test]
fn records_read_from_csl_json_keep_their_variables() {
    let text = r#"[{"id": "g", "type": "article-journal", "title": "Riks",
        "author": [{"family": "Gen", "given": "R."}], "container-title": "J",
        "issued": {"date-parts": [[2020]]}, "page": "856-873", "volume": "61"}]"#;
    let refs = crate::csl_json::read(text, "x.json").unwrap().references;
    let item = ItemData::from_csl(&crate::csl_json::to_csl(&refs[0], "g"), 0);
    let var = |v: StandardVariable| item.vars.get(&Variable::Standard(v)).map(str::to_string);
    assert_eq!(var(StandardVariable::Title).as_deref(), Some("Riks"));
    assert_eq!(var(StandardVariable::ContainerTitle).as_deref(), Some("J"));
    assert_eq!(item.names[&NameVariable::Author][0].family(), Some("Gen"));
    assert_eq!(item.dates[&DateVariable::Issued].parts[0][0], 2020);
}

#[test]
fn particles_are_read_from_the_name_fields() {
    let v: Value = serde_json::json!({"id": 1, "author": [
        {"family": "van Gogh", "given": "Vincent"},
        {"family": "Beethoven", "given": "Ludwig van"},
        {"family": "Doe", "given": "John, Jr."}
    ]});
    let item = ItemData::from_json(&v, 0);
    let a = &item.names[&NameVariable::Author];
    assert_eq!(a[0].ndp(), Some("van"));
    assert_eq!(a[0].family(), Some("Gogh"));
    assert_eq!(a[1].dp(), Some("van"));
    assert_eq!(a[1].given(), Some("Ludwig"));
    assert_eq!(a[2].suffix(), Some("Jr."));
    assert_eq!(item.id, "1");
}

#[test]
fn dates_in_every_form() {
    let v: Value = serde_json::json!({"issued": {"date-parts": [["2000", 3], [2001]]},
        "accessed": {"raw": "2005-06-02"}, "event-date": {"literal": "Spring term"},
        "original-date": {"date-parts": [[1999]], "season": 2}});
    let item = ItemData::from_json(&v, 0);
    assert_eq!(
        *item.dates[&DateVariable::Issued].parts,
        [[2000, 3, 0], [2001, 0, 0]]
    );
    assert_eq!(*item.dates[&DateVariable::Accessed].parts, [[2005, 6, 2]]);
    assert_eq!(
        item.dates[&DateVariable::EventDate].literal.as_deref(),
        Some("Spring term")
    );
    assert_eq!(
        *item.dates[&DateVariable::OriginalDate].parts,
        [[1999, 14, 0]]
    );
}

/// The shortcut for references left as read gives the item that
/// `to_csl`'s item gives; a changed reference takes `to_csl`.
#[test]
fn a_reference_left_as_read_gives_the_item_of_its_csl_record() {
    let text = r#"[{"id": "a", "type": "article-journal", "title": "Riks", "volume": 5,
        "author": [{"family": "van Gogh", "given": "Vincent"}, {"literal": "WHO"}],
        "issued": {"date-parts": [["2020", 3]]}, "page": "856-873", "archive": "X",
        "note": "original-date: 1999\nkept", "language": "de"},
        {"id": "b", "type": 7, "title": "T", "container-title-short": "J", "page": "TBA"},
        {"id": "c", "title": "No type", "editor": [{"family": "Roe", "given": "R.",
        "dropping-particle": "de"}], "event-date": {"raw": "2001-02-03"}}]"#;
    let refs = crate::csl_json::read(text, "x.json").unwrap().references;
    let via_csl = |r: &crate::model::Reference, id: &str| {
        ItemData::from_csl(&crate::csl_json::to_csl(r, id), 0)
    };
    for r in &refs {
        assert!(crate::csl_json::unchanged_original(r).is_some());
        assert_eq!(ItemData::from_reference(r, "k", 0), via_csl(r, "k"));
    }
    let item = ItemData::from_reference(&refs[0], "k", 0);
    assert_eq!(item.id, "k");
    assert_eq!(
        item.vars
            .get(&Variable::Standard(StandardVariable::Archive)),
        Some("X")
    );
    assert!(item.dates.contains_key(&DateVariable::OriginalDate));
    // A merge changed the title: the typed title is the one printed.
    let mut changed = refs[0].clone();
    changed.title = "Riks, revised".into();
    assert!(crate::csl_json::unchanged_original(&changed).is_none());
    let item = ItemData::from_reference(&changed, "k", 0);
    assert_eq!(item, via_csl(&changed, "k"));
    assert_eq!(
        item.vars.get(&Variable::Standard(StandardVariable::Title)),
        Some("Riks, revised")
    );
}

#[test]
fn a_record_reads_the_same_field_by_field_as_from_its_json() {
    let text = "## Journal Articles\n1. van der Berg J, Doe J Jr. and Roe R (2019). \"T\". In: *J* 2(3):4-9\n";
    let r = &crate::cv::read(text, "cv.md").references[0];
    let csl = crate::csl_json::to_csl(r, "k");
    let json = serde_json::to_value(&csl).unwrap();
    let (typed, read) = (ItemData::from_csl(&csl, 0), ItemData::from_json(&json, 0));
    assert_eq!(typed, read);
    assert_eq!(
        &typed.vars[&Variable::Number(NumberVariable::PageFirst)],
        "4"
    );
    assert_eq!(typed.names[&NameVariable::Author].len(), csl.author.len());
    assert!(typed.names[&NameVariable::Author]
        .iter()
        .any(|n| n.ndp().is_some()));
}

#[test]
fn keys_name_variables_and_short_forms() {
    let v: Value = serde_json::json!({"type": "book", "title": "Long", "shortTitle": "S",
        "collection-title": "C", "collection-title-short": "CS", "no-such-variable": "x",
        "issued": {"raw": "99999999999999"}});
    let item = ItemData::from_json(&v, 0);
    assert_eq!(item.kind, Some(Kind::Book));
    assert_eq!(
        item.short(Variable::Standard(StandardVariable::Title)),
        Some("S")
    );
    assert_eq!(
        item.short(Variable::Standard(StandardVariable::CollectionTitle)),
        Some("CS")
    );
    assert_eq!(item.vars.len(), 3);
    // Too many digits for a year: a literal date, not a panic.
    assert!(item.dates[&DateVariable::Issued].parts.is_empty());
}
