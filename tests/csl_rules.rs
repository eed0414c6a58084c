//! Rules of publist's CSL processor, each on a minimal style, with the
//! output citeproc-js 2.4.63 gives for the same style and items (run with
//! `bash benches/styles/check.sh STYLE.csl ITEMS.json`; the expectations
//! below are citeproc-js's, not publist's).

#![cfg(feature = "csl")]

use publist::csl::{Cite, OutputFormat, Processor};
use publist::hayagriva::citationberg::IndependentStyle;

/// A style with this `<citation>` content, `<bibliography>` content and
/// extra top-level elements (macros); `<citation` attributes may open
/// `citation` as `@attrs@`.
fn style(citation: &str, bibliography: &str, extra: &str, class: &str) -> Processor {
    let bib = if bibliography.is_empty() {
        String::new()
    } else {
        format!("<bibliography>{bibliography}</bibliography>")
    };
    let (attrs, citation) = match citation.strip_prefix('@').and_then(|c| c.split_once('@')) {
        Some((a, c)) => (a, c),
        None => ("", citation),
    };
    let xml = format!(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="{class}" version="1.0">
  <info><id>x</id><title>x</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  {extra}<citation {attrs}>{citation}</citation>{bib}</style>"#
    );
    let style = IndependentStyle::from_xml(&xml).expect("a valid style");
    Processor::new(style, &publist::hayagriva::archive::locales(), None)
}

/// The bibliography (labels joined to their entries) and each item cited alone.
fn render(p: &Processor, items: serde_json::Value) -> (Vec<String>, Vec<String>) {
    let items = items.as_array().expect("an array").clone();
    let bib = p
        .bibliography(&items, OutputFormat::Text)
        .into_iter()
        .map(|e| format!("{}{}", e.label.unwrap_or_default(), e.text))
        .collect();
    let clusters: Vec<Vec<Cite>> = items
        .iter()
        .map(|i| vec![Cite::new(i["id"].as_str().unwrap_or_default())])
        .collect();
    (bib, p.citations(&items, &clusters, OutputFormat::Text))
}

#[test]
fn a_macro_that_finds_none_of_its_variables_prints_none_of_its_terms() {
    // citeproc-js evaluates a macro as a group: "In: " before an absent
    // container title is left out, as with an explicit <group>.
    let p = style(
        r#"<layout><text macro="t"/></layout>"#,
        r#"<layout><text variable="title"/><text macro="in" prefix=". "/></layout>"#,
        r#"<macro name="t"><text variable="title"/></macro>
           <macro name="in"><text term="in" text-case="capitalize-first" suffix=": "/><text variable="container-title"/></macro>"#,
        "in-text",
    );
    let (bib, _) = render(
        &p,
        serde_json::json!([
            {"id": "a", "type": "chapter", "title": "Alone"},
            {"id": "b", "type": "chapter", "title": "Inside", "container-title": "Book"}
        ]),
    );
    assert_eq!(bib, ["Alone", "Inside. In: Book"]);
}

#[test]
fn a_label_prints_even_when_its_variable_is_empty() {
    // The spec says a label of an empty variable is not rendered;
    // citeproc-js prints it (singular), also for a locator no cite gives.
    // A group around label and variable hides it.
    let p = style(
        r#"<layout><text variable="title"/><label variable="page" form="short" prefix=" "/><text variable="page" prefix=" "/><label variable="locator" form="short" prefix=" "/></layout>"#,
        r#"<layout><text variable="title"/><label variable="page" form="short" prefix=" "/><text variable="page" prefix=" "/><group prefix=" [" suffix="]"><label variable="volume" form="short"/><text variable="volume"/></group><label variable="locator" form="short" prefix=" "/></layout>"#,
        "",
        "in-text",
    );
    let (bib, cites) = render(
        &p,
        serde_json::json!([
            {"id": "a", "type": "book", "title": "With pages", "page": "3-5", "volume": "2"},
            {"id": "b", "type": "book", "title": "Without"}
        ]),
    );
    assert_eq!(bib, ["With pages pp. 3–5 [vol.2] p.", "Without p. p."]);
    assert_eq!(cites, ["With pages pp. 3–5 p.", "Without p. p."]);
}

#[test]
fn name_affixes_go_on_each_person_and_again_around_a_list_cut_by_et_al() {
    let p = style(
        r#"<layout><names variable="author"><name prefix="[" suffix="]" and="text" delimiter=", " et-al-min="4" et-al-use-first="2" initialize-with=""/></names><names variable="editor" prefix=" "><name suffix="." et-al-min="3" et-al-use-first="1" et-al-use-last="true"/></names></layout>"#,
        r#"<layout><names variable="author"><name suffix=":" name-as-sort-order="all" sort-separator=" " initialize-with="" delimiter=", "/></names><names variable="editor" prefix=" "><name prefix="&lt;" suffix="&gt;" and="symbol"/><label form="short" prefix=" "/></names></layout>"#,
        "",
        "in-text",
    );
    let four = serde_json::json!([{"family": "A", "given": "B"}, {"family": "C", "given": "D"},
        {"family": "E", "given": "F"}, {"family": "G", "given": "H"}]);
    let (bib, cites) = render(
        &p,
        serde_json::json!([
            {"id": "a", "type": "book", "author": [{"family": "Müller", "given": "Anna"},
                {"family": "Lange", "given": "Jan", "non-dropping-particle": "de"}],
             "editor": [{"family": "Ed", "given": "One"}, {"family": "Ed", "given": "Two"}]},
            {"id": "b", "type": "book", "author": four, "editor": four}
        ]),
    );
    // The delimiter follows each name's suffix.
    assert_eq!(
        bib,
        [
            "Müller A:, Lange J de: <One Ed> & <Two Ed> eds.",
            "A B:, C D:, E F:, G H: <B A>, <D C>, <F E>, & <H G> eds."
        ]
    );
    // et-al-use-last: " … " after one name.
    assert_eq!(
        cites,
        [
            "[A Müller] and [J de Lange] One Ed., Two Ed.",
            "[[B A], [D C], et al.] B A. … H G."
        ]
    );
}

#[test]
fn an_implicit_year_suffix_repeats_the_year_parts_affixes() {
    // citeproc-js appends the suffix as its own blob with the year part's
    // affixes: "(2024):(a):".
    let p = style(
        r#"@disambiguate-add-year-suffix="true"@<layout><names variable="author"/></layout>"#,
        r#"<layout><names variable="author"/><date variable="issued" prefix=" "><date-part name="year" prefix="(" suffix="):"/></date><text variable="title" prefix=" "/></layout>"#,
        "",
        "in-text",
    );
    let (bib, cites) = render(
        &p,
        serde_json::json!([
            {"id": "a", "type": "book", "title": "A", "author": [{"family": "Doe", "given": "J."}], "issued": {"date-parts": [[2024]]}},
            {"id": "b", "type": "book", "title": "B", "author": [{"family": "Doe", "given": "J."}], "issued": {"date-parts": [[2024]]}}
        ]),
    );
    assert_eq!(bib, ["J. Doe (2024):(a): A", "J. Doe (2024):(b): B"]);
    assert_eq!(cites, ["J. Doe", "J. Doe"]);
}

#[test]
fn a_numbers_own_suffix_is_not_merged_with_the_suffixes_around_it() {
    // citeproc-js 2.4.63 (benches/styles/check.sh): a number blob's
    // affixes take no part in punctuation merging, so the layout's "."
    // stays after "115:"; a volume that is no number merges ("vol x:"),
    // and a prefix that follows still merges ("115: 3").
    let p = style(
        r#"<layout><text variable="title"/></layout>"#,
        r#"<layout suffix="."><group prefix="[" suffix="]"><text variable="volume" suffix=":"/><text variable="issue" prefix=". "/></group><group prefix=" "><text variable="volume" suffix=":"/><text variable="page"/></group></layout>"#,
        "",
        "in-text",
    );
    let (bib, _) = render(
        &p,
        serde_json::json!([
            {"id": "a", "type": "article-journal", "title": "T", "volume": "115", "issue": "3"},
            {"id": "b", "type": "article-journal", "title": "T", "volume": "vol x", "issue": "3"}
        ]),
    );
    assert_eq!(bib, ["[115: 3] 115:.", "[vol x: 3] vol x:"]);
}

#[test]
fn the_types_of_one_type_test_are_an_any_match() {
    // citeproc-js composes `type="a b"` as "a or b" even where `match` is
    // absent (the spec's default "all" would never pass for two types).
    let p = style(
        r#"<layout><text variable="title"/></layout>"#,
        r#"<layout><choose><if type="article-journal article-magazine"><text value="periodical"/></if><else><text value="other"/></else></choose></layout>"#,
        "",
        "in-text",
    );
    let (bib, _) = render(
        &p,
        serde_json::json!([
            {"id": "a", "type": "article-journal", "title": "A"},
            {"id": "b", "type": "article-magazine", "title": "B"},
            {"id": "c", "type": "book", "title": "C"}
        ]),
    );
    assert_eq!(bib, ["periodical", "periodical", "other"]);
}

#[test]
fn text_case_on_a_macro_call_changes_nothing() {
    // citeproc-js cases the strings of text elements only; a macro call is
    // a group: its title, term and year suffix keep their case.
    let p = style(
        r#"@disambiguate-add-year-suffix="true"@<layout><names variable="author"><name form="short"/></names><text macro="year" prefix=" " text-case="uppercase"/></layout>"#,
        r#"<layout><group delimiter=" "><names variable="author"><name form="short"/></names><text macro="year" text-case="uppercase"/><text macro="title" text-case="uppercase"/><text variable="title" text-case="uppercase"/></group></layout>"#,
        r#"<macro name="year"><choose><if variable="issued"><date variable="issued"><date-part name="year"/></date></if><else><text term="no date" form="short"/></else></choose></macro>
           <macro name="title"><text variable="title"/></macro>"#,
        "in-text",
    );
    let (bib, cites) = render(
        &p,
        serde_json::json!([
            {"id": "a", "type": "book", "title": "Alpha", "author": [{"family": "Smith", "given": "John"}], "issued": {"date-parts": [[2020]]}},
            {"id": "b", "type": "book", "title": "Beta", "author": [{"family": "Smith", "given": "John"}], "issued": {"date-parts": [[2020]]}},
            {"id": "c", "type": "book", "title": "Gamma", "author": [{"family": "Jones", "given": "Ann"}]}
        ]),
    );
    assert_eq!(
        bib,
        [
            "Smith 2020a Alpha ALPHA",
            "Smith 2020b Beta BETA",
            "Jones n.d. Gamma GAMMA"
        ]
    );
    assert_eq!(cites, ["Smith 2020a", "Smith 2020b", "Jones n.d."]);
}

#[test]
fn a_formatted_text_keeps_its_own_suffix_after_an_exclamation_mark() {
    // citeproc-js does not merge a decorated element's suffix with the "!"
    // or "?" its content ends in; an undecorated element's merges.
    let p = style(
        r#"<layout><text variable="title"/></layout>"#,
        r#"<layout><text variable="title" font-weight="normal" suffix=". "/><text variable="title" font-style="italic" suffix=":"/><text variable="title" suffix=". "/><text variable="container-title"/></layout>"#,
        "",
        "in-text",
    );
    let (bib, _) = render(
        &p,
        serde_json::json!([
            {"id": "a", "type": "article-journal", "title": "Why!", "container-title": "Journal"},
            {"id": "b", "type": "article-journal", "title": "Who?", "container-title": "Journal"},
            {"id": "c", "type": "article-journal", "title": "Plain", "container-title": "Journal"}
        ]),
    );
    assert_eq!(
        bib,
        [
            "Why!. Why!:Why! Journal",
            "Who?. Who?:Who? Journal",
            "Plain. Plain:Plain. Journal"
        ]
    );
}
