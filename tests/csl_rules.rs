//! Rules of publist's CSL processor, each on a minimal style, with the
//! output citeproc-js 2.4.63 gives for the same style and items (run with
//! `bash benches/styles/check.sh STYLE.csl ITEMS.json`; the expectations
//! below are citeproc-js's, not publist's).

#![cfg(feature = "csl")]

use publist::csl::{Cite, OutputFormat, Processor};
use publist::hayagriva::citationberg::IndependentStyle;

/// A style with this `<citation>` layout, `<bibliography>` layout and extra
/// top-level elements (macros).
fn style(citation: &str, bibliography: &str, extra: &str, class: &str) -> Processor {
    let bib = if bibliography.is_empty() {
        String::new()
    } else {
        format!("<bibliography>{bibliography}</bibliography>")
    };
    let xml = format!(
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="{class}" version="1.0">
  <info><id>x</id><title>x</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  {extra}<citation>{citation}</citation>{bib}</style>"#
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
