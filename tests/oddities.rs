//! Each oddity of real CVs, on a hand-written input, through the public API.

use publist::{ErrorKind, Kind, LinkKind, NoteKind, Pages, Severity};

fn one(cv: &str) -> publist::Reference {
    let parsed = publist::cv::read(cv, "t.md");
    assert_eq!(parsed.references.len(), 1, "{parsed:#?}");
    parsed.references.into_iter().next().unwrap()
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/cv/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn heading_syntaxes() {
    for heading in [
        "#### **Journal Articles**",
        "## Journal Articles",
        "Journal Articles",
        "**Journal Articles**",
    ] {
        let r = one(&format!(
            "{heading}\n\n1. Bach S (2015). \"T\". In: *PLoS ONE* 10:1\n"
        ));
        assert_eq!(r.kind, Kind::JournalArticle, "{heading}");
    }
    let r = one("# **Preprints**\n1. Bach S (2015). \"T\". In: CoRR abs/1409.8035\n");
    assert_eq!(r.kind, Kind::Preprint);
}

#[test]
fn bullet_styles_and_split_items() {
    let cv = "## Preprints\n- 21. Bach S (2015).\n  - \"One\".\n\n  In: CoRR abs/1409.8035\n  22. Bach S (2016).\n\n\"Two\".\n- In: CoRR abs/1409.8036\n";
    let p = publist::cv::read(cv, "t.md");
    let got: Vec<_> = p
        .references
        .iter()
        .map(|r| (r.title.as_str(), r.sources[0].number, r.sources[0].at.line))
        .collect();
    assert_eq!(got, [("One", Some(21), 2), ("Two", Some(22), 6)]);
    assert_eq!(
        p.references[1].ids.arxiv.as_ref().unwrap().as_str(),
        "1409.8036"
    );
}

#[test]
fn broken_italics_around_corr() {
    let r = one("## Preprints\n1. Hatefi S M V (2025). \"A\". In: *CoRR abs*/2506.13727.\n");
    assert_eq!(r.ids.arxiv.unwrap().as_str(), "2506.13727");
    assert_eq!(r.container, None);
}

#[test]
fn escaped_characters_in_text_and_links() {
    let r = one("## Preprints\n1. Becking D (2022). \"ECQ\\*: A\\_B\". In: CoRR abs/2109.04236. [https://github.com/a/LRP\\\\_x](https://github.com/a/LRP_x) https://github.com/b/c\\_d\n");
    assert_eq!(r.title, "ECQ*: A_B");
    let urls: Vec<_> = r.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        ["https://github.com/a/LRP_x", "https://github.com/b/c_d"]
    );
}

#[test]
fn autolinks_and_markdown_links() {
    let r = one("## Journal Articles\n1. Dreyer M (2024). \"PURE\". In: *CVPR Workshops* 8212–8217.\n<https://github.com/maxdreyer/PURE | Spotlight Paper> [demo](https://x.org/demo)\n");
    assert_eq!(r.links.len(), 2);
    assert_eq!(
        (r.links[0].kind, r.links[1].kind),
        (LinkKind::Code, LinkKind::Page)
    );
    assert_eq!(r.notes[0].text, "Spotlight Paper");
    assert_eq!(r.notes[0].kind, NoteKind::Award);
}

#[test]
fn latex_remnants() {
    let r = one("Journal Articles\n\n1. Hedström A (2023).\n\n $\\hbox{``The Meta-Evaluation Problem with {\\tt MetaQuantus''}.}$\n\nIn: Transactions on Machine Learning Research j3FK00HyfU.\n");
    assert_eq!(r.title, "The Meta-Evaluation Problem with MetaQuantus");
    assert_eq!(r.ids.openreview.unwrap().as_str(), "j3FK00HyfU");
    let r =
        one("Journal Articles\n\n1. Bach S (2015). \"T\". In:  $PLoS\\ ONE\\ 10(7)$ :e0130140\n");
    assert_eq!(r.container.as_deref(), Some("PLoS ONE"));
    assert_eq!(r.article_number.as_deref(), Some("e0130140"));
}

#[test]
fn curly_and_straight_quotes() {
    for (open, close) in [("\"", "\""), ("“", "”"), ("„", "“")] {
        let r = one(&format!(
            "## Preprints\n1. Bach S (2015). {open}It’s a “title”{close}. In: CoRR abs/1409.8035\n"
        ));
        assert_eq!(r.title, "It’s a “title”", "{open}{close}");
    }
}

#[test]
fn en_and_em_dashes_in_pages() {
    for dash in ["-", "–", "—", "--"] {
        let r = one(&format!(
            "## Journal Articles\n1. Bach S (2015). \"T\". In: *J* 5(9):1006{dash}1019.\n"
        ));
        assert_eq!(
            r.pages,
            Some(Pages::Range {
                first: "1006".into(),
                last: "1019".into()
            }),
            "{dash}"
        );
    }
}

#[test]
fn html_sup_tags() {
    let r = one("## Journal Articles\n1. Bach S (2015). \"The 2<sup>nd</sup> title\". In: *Proceedings of the 3<sup>rd</sup> XAI World Conference* TBA.\n");
    assert_eq!(r.title, "The 2nd title");
    assert_eq!(
        r.container.as_deref(),
        Some("Proceedings of the 3rd XAI World Conference")
    );
    assert_eq!(r.pages, Some(Pages::Placeholder("TBA".into())));
}

#[test]
fn editors_marker_makes_an_edited_book() {
    let r = one("## Books\n1. Longo L, **Lapuschkin S** and Seifert C, editors (2024).\n\"XAI\".\nSpringer (Cham), Part I ISBN: 978-3-031-63787-2. Part II ISBN: 978-3-031-63797-1.\n");
    assert_eq!(r.kind, Kind::Book);
    assert!(r.authors.is_empty());
    let eds: Vec<_> = r.editors.iter().map(|p| p.family()).collect();
    assert_eq!(eds, ["Longo", "Lapuschkin", "Seifert"]);
    assert_eq!(r.ids.isbn.len(), 2);
    assert_eq!(
        (r.publisher.as_deref(), r.place.as_deref()),
        (Some("Springer"), Some("Cham"))
    );
}

#[test]
fn author_forms() {
    let r = one("## Preprints\n1. Müller K-R, Yolcu GÜ, Raberger AM, Höhne M-C M, de Lange T, **Bach S** and S. Lapuschkin (2015). \"T\". In: CoRR abs/1409.8035\n");
    let got: Vec<_> = r
        .authors
        .iter()
        .map(|p| (p.particle(), p.family(), p.given().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        [
            (None, "Müller", "K.-R."),
            (None, "Yolcu", "G. Ü."),
            (None, "Raberger", "A. M."),
            (None, "Höhne", "M.-C. M."),
            (Some("de"), "Lange", "T."),
            (None, "Bach", "S."),
            (None, "Lapuschkin", "S."),
        ]
    );
}

#[test]
fn locator_forms() {
    let cases = [
        ("160:111171", Some("160"), None, None, Some("111171")),
        (
            "10(7):e0130140",
            Some("10"),
            Some("7"),
            None,
            Some("e0130140"),
        ),
        (
            "3(2):14:1–27",
            Some("3"),
            Some("2"),
            Some(("1", "27")),
            Some("14"),
        ),
        ("2017:1629-1638", None, None, Some(("1629", "1638")), None),
        ("1-7", None, None, Some(("1", "7")), None),
    ];
    for (loc, volume, issue, pages, article) in cases {
        let r = one(&format!(
            "## Journal Articles\n1. Bach S (2017). \"T\". In: Some Journal {loc}\n"
        ));
        assert_eq!(r.container.as_deref(), Some("Some Journal"), "{loc}");
        assert_eq!(r.volume.as_deref(), volume, "{loc}");
        assert_eq!(r.issue.as_deref(), issue, "{loc}");
        let want = pages.map(|(a, b): (&str, &str)| Pages::Range {
            first: a.into(),
            last: b.into(),
        });
        assert_eq!(r.pages, want, "{loc}");
        assert_eq!(r.article_number.as_deref(), article, "{loc}");
    }
}

#[test]
fn notes_of_every_kind() {
    let r = one("## Preprints\n1. Weber L (2023). \"T\". In: *CoRR abs/2308.12053*.\nAccepted for publication in *Transactions of Machine Learning Research*\n*Best Short Paper Award Winner* | (Green Open Access)\n");
    let got: Vec<_> = r.notes.iter().map(|n| (n.kind, n.text.as_str())).collect();
    assert_eq!(
        got,
        [
            (
                NoteKind::Acceptance,
                "Accepted for publication in Transactions of Machine Learning Research"
            ),
            (NoteKind::Award, "Best Short Paper Award Winner"),
            (NoteKind::Access, "Green Open Access"),
        ]
    );
}

#[test]
fn crlf_and_byte_order_mark() {
    let p = publist::cv::read_bytes(&fixture("valid/crlf-bom.md"), "crlf-bom.md").unwrap();
    assert_eq!(p.references.len(), 1);
    assert_eq!(p.references[0].title, "Detecting Anomalies");
    assert_eq!(p.references[0].sources[0].at.line, 3);
    assert!(p.diagnostics.is_empty());
}

#[test]
fn empty_file() {
    let p = publist::cv::read_bytes(&fixture("valid/empty.md"), "empty.md").unwrap();
    assert_eq!(
        (p.items, p.references.len(), p.diagnostics.len()),
        (0, 0, 0)
    );
}

#[test]
fn unreadable_items_become_errors_with_their_line() {
    let p = publist::cv::read_bytes(&fixture("invalid/unreadable-items.md"), "u.md").unwrap();
    let titles: Vec<_> = p.references.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Fine", "Also fine"]);
    let diags: Vec<_> = p.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diags,
        [
            "u.md:4: error: cannot read item \"???\": no title found",
            "u.md:5: error: cannot read item \"Samek W (2017).\": no title found",
        ]
    );
    assert_eq!(p.items, p.references.len() + p.errors().count());
    assert!(p.errors().all(|d| d.severity == Severity::Error));
}

#[test]
fn invalid_utf8_and_binary_input() {
    let e = publist::cv::read_bytes(&fixture("invalid/latin1.txt"), "latin1.txt").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
    assert_eq!(e.to_string(), "latin1.txt:2: not UTF-8 text (byte 17)");
    let e = publist::cv::read_bytes(&fixture("invalid/binary.docx"), "cv.docx").unwrap_err();
    assert_eq!(
        e.to_string(),
        "cv.docx:1: binary data, not text (NUL byte at offset 4)"
    );
}

#[test]
fn missing_file_is_a_not_found_error() {
    let e = publist::cv::read_file("/nonexistent/cv.md").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.to_string().starts_with("/nonexistent/cv.md: "), "{e}");
}
