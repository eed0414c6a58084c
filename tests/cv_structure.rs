//! Finding publication sections and splitting them into entries, for every
//! input syntax, on small lists written for each layout (tests/fixtures/cv/
//! sections, items, loss). The expected lines, labels and hints were read off
//! the fixture files by hand.

use publist::cv::{entries, Entries, Status, Syntax};
use publist::{Code, Kind, Severity};

fn fixture(path: &str) -> Entries {
    let full = format!("{}/tests/fixtures/cv/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    entries(&text, path)
}

/// (line, section, kind hint) of every entry.
fn placed(e: &Entries) -> Vec<(usize, String, Option<Kind>)> {
    e.entries
        .iter()
        .map(|x| (x.line, x.section.clone(), x.kind))
        .collect()
}

fn lines(e: &Entries) -> Vec<usize> {
    e.entries.iter().map(|x| x.line).collect()
}

/// (line, code) of the diagnostics with one of `codes`.
fn diags(e: &Entries, codes: &[Code]) -> Vec<(usize, Code)> {
    e.diagnostics
        .iter()
        .filter(|d| codes.contains(&d.code))
        .map(|d| (d.at.line, d.code))
        .collect()
}

fn skipped(e: &Entries) -> Vec<usize> {
    diags(e, &[Code::SkippedSection])
        .into_iter()
        .map(|(l, _)| l)
        .collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn german_headings_kinds_and_skipped_sections() {
    let e = fixture("sections/de-veroeffentlichungen.md");
    assert_eq!(
        placed(&e),
        [
            (11, s("Zeitschriftenartikel"), Some(Kind::JournalArticle)),
            (12, s("Zeitschriftenartikel"), Some(Kind::JournalArticle)),
            (16, s("Konferenzbeiträge"), Some(Kind::ConferencePaper)),
        ]
    );
    // "Ausbildung" and "Lehre", once each; "Lebenslauf" is the document's title.
    assert_eq!(skipped(&e), [3, 18]);
}

#[test]
fn french_headings() {
    let e = fixture("sections/fr-publications.md");
    assert_eq!(
        placed(&e),
        [
            (
                7,
                s("Articles dans des revues à comité de lecture"),
                Some(Kind::JournalArticle)
            ),
            (
                8,
                s("Articles dans des revues à comité de lecture"),
                Some(Kind::JournalArticle)
            ),
            (
                12,
                s("Communications dans des congrès"),
                Some(Kind::ConferencePaper)
            ),
        ]
    );
    assert_eq!(skipped(&e), [14]);
}

#[test]
fn spanish_headings_in_plain_text() {
    let e = fixture("sections/es-publicaciones.txt");
    assert_eq!(e.syntax, Syntax::Text);
    assert_eq!(
        placed(&e),
        [
            (11, s("Artículos en revistas"), Some(Kind::JournalArticle)),
            (12, s("Artículos en revistas"), Some(Kind::JournalArticle)),
        ]
    );
    // FORMACIÓN, DOCENCIA; "CURRICULUM VITAE" is the document's title.
    assert_eq!(skipped(&e), [3, 14]);
}

#[cfg(feature = "html")]
#[test]
#[cfg(feature = "html")]
fn portuguese_headings_in_html() {
    let e = fixture("sections/pt-publicacoes.html");
    assert_eq!(e.syntax, Syntax::Html);
    assert_eq!(
        placed(&e),
        [
            (8, s("Artigos em periódicos"), Some(Kind::JournalArticle)),
            (9, s("Artigos em periódicos"), Some(Kind::JournalArticle)),
            (13, s("Capítulos de livros"), Some(Kind::Chapter)),
        ]
    );
    // The navigation link "Publicações" is no heading and no text.
    assert_eq!(
        e.entries[0].text,
        ["Souza A, Lima R (2022). \"Ecologia de manguezais\". In: *Acta Botanica Brasilica* 36:1-14"]
    );
    assert_eq!(skipped(&e), [15]);
}

#[test]
fn yaml_front_matter_title_opens_the_list() {
    let e = fixture("sections/front-matter-title.md");
    assert_eq!(
        placed(&e),
        [(6, s("Publications"), None), (8, s("Publications"), None)]
    );
}

#[test]
fn year_and_status_headings_are_hints_not_ends() {
    let e = fixture("sections/year-and-status-headings.md");
    let got: Vec<_> = e
        .entries
        .iter()
        .map(|x| (x.line, x.section.as_str(), x.year, x.status))
        .collect();
    assert_eq!(
        got,
        [
            (5, "Publications", None, Some(Status::UnderReview)),
            (9, "Publications", Some(2024), None),
            (11, "Publications", Some(2024), None),
            (15, "Publications", Some(2023), None),
        ]
    );
    // "In press." continues its item; the talks section is skipped, once.
    assert_eq!(e.entries[1].lines, [9, 10]);
    assert_eq!(e.entries[1].text[1], "In press.");
    assert_eq!(skipped(&e), [17]);
    assert!(diags(&e, &[Code::NumberGap]).is_empty());
}

#[test]
fn comments_never_open_a_section() {
    let e = fixture("sections/comments-open-nothing.md");
    assert!(e.entries.is_empty(), "{:?}", e.entries);
    assert_eq!(
        diags(&e, &[Code::NoPublicationList]),
        [(1, Code::NoPublicationList)]
    );
}

#[test]
fn commented_out_latex_is_not_read() {
    let e = fixture("sections/commented-latex.tex");
    assert_eq!(
        placed(&e),
        [(8, s("Publications"), None), (11, s("Publications"), None)]
    );
    assert_eq!(
        e.entries[1].text,
        ["Roe R (2019). “Another kept item”. In: *Journal of Things* 2:3-4"]
    );
    assert_eq!(skipped(&e), [4]);
}

#[test]
fn pandoc_definition_lists_take_the_year_of_their_term() {
    let e = fixture("items/pandoc-definition-list.md");
    let got: Vec<_> = e.entries.iter().map(|x| (x.line, x.year)).collect();
    assert_eq!(got, [(4, Some(2019)), (9, Some(2018))]);
    assert_eq!(e.entries[0].lines, [4, 5, 6]);
    assert_eq!(
        e.entries[1].text,
        [
            "**Roe, R.**, J. Doe. A second entry. Other Journal. 12: 5--9.",
            "In press."
        ]
    );
    assert_eq!(skipped(&e), [12]);
}

#[test]
fn labels_with_letters() {
    let e = fixture("items/letter-labels.md");
    let got: Vec<_> = e
        .entries
        .iter()
        .map(|x| (x.line, x.label.as_deref(), x.kind))
        .collect();
    assert_eq!(
        got,
        [
            (3, Some("J2"), Some(Kind::JournalArticle)),
            (5, Some("J1"), Some(Kind::JournalArticle)),
            (9, Some("C1"), Some(Kind::ConferencePaper)),
        ]
    );
    assert!(e.entries[0].text[0].starts_with("**J. Doe**, R. Roe."));
    assert_eq!(skipped(&e), [11]);
}

#[test]
fn every_item_numbered_one() {
    let e = fixture("items/all-numbered-one.md");
    assert_eq!(lines(&e), [3, 4, 5]);
    assert!(diags(&e, &[Code::NumberGap]).is_empty());
}

#[test]
fn hard_wrapped_paragraphs() {
    let e = fixture("items/hard-wrapped.txt");
    assert_eq!(lines(&e), [3, 7]);
    assert_eq!(e.entries[0].lines, [3, 4, 5]);
    assert_eq!(skipped(&e), [10]);
}

#[test]
fn a_list_with_no_heading_one_entry_per_line() {
    let e = fixture("items/word-pasted.txt");
    assert_eq!(lines(&e), [1, 2, 3]);
    assert_eq!(e.entries[0].section, "Publications");
    assert!(diags(&e, &[Code::NoPublicationList]).is_empty());
    let e = fixture("items/reference-manager-ieee.md");
    assert_eq!(lines(&e), [1, 2, 3]);
    let labels: Vec<_> = e.entries.iter().map(|x| x.label.as_deref()).collect();
    assert_eq!(labels, [Some("1"), Some("2"), Some("3")]);
}

#[test]
fn blank_line_separated_paragraphs_under_year_headings() {
    let e = fixture("items/blank-line-paragraphs.md");
    let got: Vec<_> = e.entries.iter().map(|x| (x.line, x.year)).collect();
    assert_eq!(got, [(5, Some(2024)), (7, Some(2024)), (12, Some(2023))]);
    // The `<br />` lines are no text; the legend is no entry, and is named.
    assert_eq!(e.entries[1].lines, [7]);
    assert_eq!(diags(&e, &[Code::StrayText]), [(15, Code::StrayText)]);
}

#[cfg(feature = "html")]
#[test]
#[cfg(feature = "html")]
fn br_separated_lines_of_one_html_paragraph() {
    let e = fixture("items/br-separated.html");
    assert_eq!(lines(&e), [3, 4, 5]);
    assert_eq!(
        e.entries[1].text,
        ["Roe, R. (2019). Second entry. *Other Journal*, 12, 5–9."]
    );
}

#[cfg(feature = "html")]
#[test]
#[cfg(feature = "html")]
fn html_list_items_and_divs() {
    let e = fixture("items/html-lists-and-divs.html");
    assert_eq!(
        placed(&e),
        [
            (5, s("Journal articles"), Some(Kind::JournalArticle)),
            (7, s("Journal articles"), Some(Kind::JournalArticle)),
            (10, s("Book chapters"), Some(Kind::Chapter)),
            (11, s("Book chapters"), Some(Kind::Chapter)),
        ]
    );
    // An image link has no text: no attribute becomes text.
    assert_eq!(
        e.entries[0].text[0],
        "**Doe J** (2021). \"In an ordered list\". In: *Journal of Things* 3:1-10."
    );
    assert!(e
        .entries
        .iter()
        .flat_map(|x| &x.text)
        .all(|t| !t.contains("png") && !t.contains("DOI")));
}

#[test]
fn thebibliography_and_bibitem_keys() {
    let e = fixture("items/thebibliography.tex");
    let got: Vec<_> = e
        .entries
        .iter()
        .map(|x| (x.line, x.key.as_deref(), x.label.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (4, Some("doe2021"), None),
            (7, Some("roe2019"), Some("Roe19"))
        ]
    );
    assert_eq!(e.entries[0].lines, [5, 6]);
    assert_eq!(
        e.entries[0].text,
        [
            "Doe J, Roe R (2021). “A bibitem over two lines”.",
            "In: *Journal of Things* 3(2):1–10"
        ]
    );
}

#[test]
fn moderncv_entries() {
    let e = fixture("items/moderncv.tex");
    let got: Vec<_> = e
        .entries
        .iter()
        .map(|x| (x.line, x.section.as_str(), x.kind, x.year))
        .collect();
    assert_eq!(
        got,
        [
            (
                10,
                "Journal articles",
                Some(Kind::JournalArticle),
                Some(2021)
            ),
            (11, "Journal articles", Some(Kind::JournalArticle), None),
        ]
    );
    assert_eq!(skipped(&e), [6]);
}

#[test]
fn no_line_of_a_publication_section_is_lost() {
    let e = fixture("loss/stray-and-unreadable.md");
    assert_eq!(lines(&e), [5, 6, 7]);
    assert_eq!(diags(&e, &[Code::StrayText]), [(3, Code::StrayText)]);
    assert_eq!(e.entries[2].lines, [7, 9]);
    // Through the reader: the unreadable item is an error, never a reference.
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/cv/loss/stray-and-unreadable.md",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let p = publist::cv::read(&text, "t.md");
    assert_eq!(p.items, 3);
    assert_eq!(p.references.len() + p.errors().count(), 3);
    let errors: Vec<_> = p.errors().map(|d| (d.at.line, d.code)).collect();
    assert_eq!(errors, [(6, Code::NotAReference)]);
}

#[test]
fn a_file_without_a_publication_list_says_so() {
    let e = fixture("loss/no-publication-list.md");
    assert!(e.entries.is_empty());
    let d: Vec<_> = e
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NoPublicationList)
        .collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].severity, Severity::Warning);
    assert_eq!(d[0].at.line, 1);
}

#[test]
fn every_fixture_accounts_for_every_item() {
    for dir in ["sections", "items", "loss"] {
        let path = format!("{}/tests/fixtures/cv/{dir}", env!("CARGO_MANIFEST_DIR"));
        for file in std::fs::read_dir(&path).unwrap() {
            let file = file.unwrap().path();
            if !cfg!(feature = "html") && file.extension().is_some_and(|e| e == "html") {
                continue; // read only with the `html` feature
            }
            let text = std::fs::read_to_string(&file).unwrap();
            let name = file.display().to_string();
            let p = publist::cv::read(&text, &name);
            assert_eq!(
                p.items,
                p.references.len() + p.errors().count(),
                "{name}: {:#?}",
                p.diagnostics
            );
            assert_eq!(p.items, entries(&text, &name).entries.len(), "{name}");
        }
    }
}
