//! Lists pasted from a reference manager, one entry per line, read from a
//! .txt file as a user would (`publist::read_file`): entries split where the
//! style prints them, whatever they end with (no final period, `18:`, a
//! venue word, `TBA.`), numbers in a column (`1  Name`), semicolon-separated
//! authors (DIN 1505), `———.` for the authors of the entry above (MLA), and
//! hard wraps kept inside one entry. Fixtures in tests/fixtures/refstring/
//! are written for these tests (invented works, real layouts).

use publist::{Parsed, Reference};

fn read(name: &str) -> Parsed {
    let path = format!(
        "{}/tests/fixtures/refstring/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    publist::read_file(&path).expect("fixture reads")
}

fn summary(r: &Reference) -> (usize, String, String, Option<i32>) {
    (
        r.sources[0].at.line,
        r.authors
            .first()
            .map_or(String::new(), |p| p.family().to_string()),
        r.title.clone(),
        r.year(),
    )
}

fn lines_and_titles(p: &Parsed) -> Vec<(usize, String)> {
    p.references
        .iter()
        .map(|r| (r.sources[0].at.line, r.title.clone()))
        .collect()
}

#[test]
fn entries_without_a_final_period_are_one_per_line() {
    let p = read("no-final-period.txt");
    let got: Vec<_> = p.references.iter().map(summary).collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                "Okafor".into(),
                "Tidal mixing shapes plankton blooms in shallow estuaries".into(),
                Some(2021)
            ),
            (
                2,
                "Okafor".into(),
                "A field guide to estuarine sampling".into(),
                Some(2019)
            ),
            (
                3,
                "Lindqvist".into(),
                "Nitrogen budgets of the Baltic coast".into(),
                Some(2020)
            ),
            (
                4,
                "Tanaka".into(),
                "Sediment cores from the Ariake Sea".into(),
                Some(2018)
            ),
        ]
    );
    assert_eq!(
        p.references[0].container.as_deref(),
        Some("Limnology and Oceanography")
    );
}

#[test]
fn din_semicolon_author_lists_are_one_per_line() {
    let p = read("semicolon-authors.txt");
    let got: Vec<_> = p.references.iter().map(summary).collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(
        got[0],
        (
            1,
            "Brandt".into(),
            "Seasonal hypoxia in fjords".into(),
            Some(2017)
        )
    );
    assert_eq!(got[1].0, 2);
    assert_eq!(
        got[2],
        (
            3,
            "Okafor".into(),
            "Tidal fronts and their plankton".into(),
            Some(2015)
        )
    );
    assert_eq!(p.references[0].authors.len(), 3);
}

#[test]
fn a_number_column_labels_each_entry() {
    let p = read("number-column.txt");
    let got: Vec<_> = p.references.iter().map(summary).collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                "Brandt".into(),
                "Seasonal hypoxia in fjords".into(),
                Some(2017)
            ),
            (
                2,
                "Weiss".into(),
                "A method to measure oxygen in sediment".into(),
                Some(2016)
            ),
            (
                3,
                "Okafor".into(),
                "Tidal fronts and their plankton".into(),
                Some(2015)
            ),
        ]
    );
    let numbers: Vec<_> = p.references.iter().map(|r| r.sources[0].number).collect();
    assert_eq!(numbers, vec![Some(1), Some(2), Some(3)]);
}

#[test]
fn dashes_stand_for_the_authors_above() {
    let p = read("same-authors-dashes.txt");
    let got: Vec<_> = p.references.iter().map(summary).collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                "Okafor".into(),
                "Tidal Fronts and Their Plankton".into(),
                Some(2015)
            ),
            (
                2,
                "Okafor".into(),
                "Sediment Cores from the Ariake Sea".into(),
                Some(2018)
            ),
            (
                3,
                "Weiß".into(),
                "A Method to Measure Oxygen".into(),
                Some(2016)
            ),
        ]
    );
    assert_eq!(p.references[1].authors[0].given(), Some("Ngozi"));
    assert!(
        !p.diagnostics
            .iter()
            .any(|d| d.at.line == 2 && d.code == publist::Code::NoAuthor),
        "{:?}",
        p.diagnostics
    );
}

#[test]
fn an_entry_ending_in_capitals_is_not_an_initial() {
    let p = read("ends-in-capitals.txt");
    let lines: Vec<_> = p.references.iter().map(|r| r.sources[0].at.line).collect();
    assert_eq!(lines, vec![1, 2, 3, 4], "{:?}", lines_and_titles(&p));
}

#[test]
fn hard_wraps_stay_inside_one_entry() {
    let p = read("wrapped-entries.txt");
    let got = lines_and_titles(&p);
    assert_eq!(
        got,
        vec![
            (
                1,
                "A Title That Is Long Enough to Wrap onto a Second Line of the Page".into()
            ),
            (4, "Sediment Cores from the Ariake Sea".into()),
        ]
    );
    assert_eq!(p.references[0].authors.len(), 6);
}

#[test]
fn lines_that_are_not_references_are_errors_at_their_line() {
    let p = read("not-references.md");
    let refs: Vec<_> = p.references.iter().map(|r| r.sources[0].at.line).collect();
    // The article, the thesis, a title-only item with its year, a
    // single-author item with a venue, an item with authors and a venue.
    assert_eq!(refs, vec![3, 10, 11, 13, 15], "{:?}", lines_and_titles(&p));
    assert_eq!(p.references[2].title, "Sediment transport in tidal inlets");
    assert_eq!(p.references[2].year(), Some(2018));
    let errors: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.code == publist::Code::NotAReference)
        .map(|d| d.at.line)
        .collect();
    // Reviewer, program committee, pointer, bare URL, teaching, words
    // without evidence, editorial board, profile link.
    assert_eq!(errors, vec![4, 5, 6, 7, 8, 9, 12, 14]);
}
