//! The reference-string parser on one small hand-written item per layout
//! class of issue 15 (APA, Chicago, IEEE, IEEE from LaTeX, Vancouver, USS
//! linguistics, title first, bare years, year in the venue, no author, link
//! text as title, arXiv in all spellings), each asserting the fields. The
//! items are written for these tests (invented works, real layouts).

use publist::cv::refstring::{parse, Hints};
use publist::{Code, Kind, Reference};

fn read(text: &str) -> Reference {
    parse(text, &Hints::default()).reference
}

fn first_family(r: &Reference) -> &str {
    r.authors.first().map_or("", |p| p.family())
}

#[test]
fn apa_journal_fields_are_not_dumped_into_a_note() {
    let r = read("Okafor, N., & Lindqvist, B. (2021). Tidal mixing in shallow estuaries. *Journal of Coastal Research*, *37*(4), 712–725. https://doi.org/10.2112/JCR-D-20-00123.1");
    assert_eq!(r.title, "Tidal mixing in shallow estuaries");
    assert_eq!(first_family(&r), "Okafor");
    assert_eq!(r.authors[1].family(), "Lindqvist");
    assert_eq!(r.year(), Some(2021));
    assert_eq!(r.container.as_deref(), Some("Journal of Coastal Research"));
    assert_eq!(r.volume.as_deref(), Some("37"));
    assert_eq!(r.issue.as_deref(), Some("4"));
    assert_eq!(
        r.pages.as_ref().map(|p| p.to_csl()).as_deref(),
        Some("712-725")
    );
    assert_eq!(
        r.ids.doi.as_ref().map(|d| d.as_str()),
        Some("10.2112/jcr-d-20-00123.1")
    );
    assert_eq!(r.kind, Kind::JournalArticle);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
}

#[test]
fn arxiv_in_all_spellings() {
    for (text, id) in [
        ("Hale, T. (2024). Sparse probes for language models. arXiv preprint arXiv:2403.01234.", "2403.01234"),
        ("T. Hale, “Sparse probes for language models,” *CoRR*, vol. abs/2403.01234, 2024.", "2403.01234"),
        ("Hale T. Sparse probes for language models. arXiv:2403.01234v2 [cs.CL]. 2024.", "2403.01234"),
        ("Hale, Tomas. 2024. “Sparse Probes for Language Models.” https://arxiv.org/abs/2403.01234.", "2403.01234"),
    ] {
        let r = read(text);
        assert_eq!(r.ids.arxiv.as_ref().map(|a| a.as_str()), Some(id), "{text}");
        assert_eq!(r.kind, Kind::Preprint, "{text}: {r:?}");
        assert!(r.container.is_none(), "{text}: {:?}", r.container);
        assert_eq!(r.title.to_lowercase(), "sparse probes for language models", "{text}");
        assert_eq!(first_family(&r), "Hale", "{text}");
    }
}

#[test]
fn ieee_quoted_title_and_abbreviated_journal() {
    let r = read("M. Okonkwo, L. Zhang, and P. Rossi, “Kernel methods for sparse graphs,” *J. Mach. Learn. Res.*, vol. 24, no. 3, pp. 1–38, 2023.");
    assert_eq!(r.title, "Kernel methods for sparse graphs");
    assert_eq!(first_family(&r), "Okonkwo");
    assert_eq!(r.authors[0].given(), Some("M."));
    assert_eq!(r.authors.len(), 3);
    assert_eq!(r.container.as_deref(), Some("J. Mach. Learn. Res."));
    assert_eq!(r.volume.as_deref(), Some("24"));
    assert_eq!(r.issue.as_deref(), Some("3"));
    assert_eq!(r.year(), Some(2023));
}

#[test]
fn ieee_from_latex_quotes_and_emphasis() {
    // What a LaTeX front end hands on for ``{Title},'' in {\em Venue}.
    let r = read("A. Novak and R. Silva, ``Fast solvers for stiff systems,'' in *Proc. Int. Conf. Numerical Methods*, 2019, pp. 88–95.");
    assert_eq!(r.title, "Fast solvers for stiff systems");
    assert_eq!(first_family(&r), "Novak");
    assert_eq!(
        r.container.as_deref(),
        Some("Proc. Int. Conf. Numerical Methods")
    );
    assert_eq!(r.year(), Some(2019));
    assert_eq!(r.kind, Kind::ConferencePaper);
}

#[test]
fn chicago_notes_journal_with_issue_and_short_pages() {
    let r = read("Marlow, Helen. “Borders of the Ledger.” *Journal of Economic History* 33, no. 4 (2019): 553–70.");
    assert_eq!(r.title, "Borders of the Ledger");
    assert_eq!(first_family(&r), "Marlow");
    assert_eq!(r.authors[0].given(), Some("Helen"));
    assert_eq!(r.container.as_deref(), Some("Journal of Economic History"));
    assert_eq!(r.volume.as_deref(), Some("33"));
    assert_eq!(r.issue.as_deref(), Some("4"));
    assert_eq!(r.year(), Some(2019));
    // Chicago's short page range is expanded.
    assert_eq!(
        r.pages.as_ref().map(|p| p.to_csl()).as_deref(),
        Some("553-570")
    );
}

#[test]
fn citation_labels_are_not_part_of_the_reference() {
    for text in [
        "[12] M. Okonkwo, “Kernel methods for sparse graphs,” *J. Mach. Learn. Res.*, vol. 24, 2023.",
        "12.  M. Okonkwo, “Kernel methods for sparse graphs,” *J. Mach. Learn. Res.*, vol. 24, 2023.",
        "[J5] M. Okonkwo, “Kernel methods for sparse graphs,” *J. Mach. Learn. Res.*, vol. 24, 2023.",
    ] {
        let r = read(text);
        assert_eq!(first_family(&r), "Okonkwo", "{text}");
        assert_eq!(r.title, "Kernel methods for sparse graphs", "{text}");
    }
}

#[test]
fn vancouver_with_month_and_locator() {
    let r = read("Keller AB, Moreau C. Calcium waves in cardiac tissue. J Physiol. 2017 Sep;591(17):2577-92.");
    assert_eq!(r.title, "Calcium waves in cardiac tissue");
    assert_eq!(first_family(&r), "Keller");
    assert_eq!(r.authors[0].given(), Some("A. B."));
    assert_eq!(r.authors[1].family(), "Moreau");
    assert_eq!(r.container.as_deref(), Some("J Physiol"));
    assert_eq!(r.year(), Some(2017));
    assert_eq!(r.volume.as_deref(), Some("591"));
    assert_eq!(r.issue.as_deref(), Some("17"));
}

#[test]
fn unified_style_sheet_for_linguistics() {
    let r = read("Ferreira, Ana & Jonas Berg. 2022. Evidentiality in spoken Portuguese. *Journal of Pragmatics* 190. 45–61. https://doi.org/10.1016/j.pragma.2022.01.004");
    assert_eq!(r.title, "Evidentiality in spoken Portuguese");
    assert_eq!(first_family(&r), "Ferreira");
    assert_eq!(r.authors[1].family(), "Berg");
    assert_eq!(r.authors[1].given(), Some("Jonas"));
    assert_eq!(r.year(), Some(2022));
    assert_eq!(r.container.as_deref(), Some("Journal of Pragmatics"));
}

#[test]
fn title_first_cv_layout() {
    let r = read(
        "Flow separation on curved walls, K. Ito, D. Marsh, Physics of Fluids 31, 045103 (2019).",
    );
    assert_eq!(r.title, "Flow separation on curved walls");
    assert_eq!(first_family(&r), "Ito");
    assert_eq!(r.year(), Some(2019));
    assert_eq!(r.container.as_deref(), Some("Physics of Fluids"));
}

#[test]
fn bare_year_after_the_names() {
    let r = read(
        "Taboada, Maite. 2025. Stance in online news comments. *Discourse Studies* 27(1). 3–24.",
    );
    assert_eq!(r.title, "Stance in online news comments");
    assert_eq!(first_family(&r), "Taboada");
    assert_eq!(r.year(), Some(2025));
    assert_eq!(r.container.as_deref(), Some("Discourse Studies"));
}

#[test]
fn year_inside_the_venue() {
    let r = read("P. Feketa and R. Lind. “Almost stable feedback loops”. In: Automatica 79 (May 2017), pp. 231–234.");
    assert_eq!(r.title, "Almost stable feedback loops");
    assert_eq!(first_family(&r), "Feketa");
    assert_eq!(r.year(), Some(2017));
    assert_eq!(r.container.as_deref(), Some("Automatica"));
    assert_eq!(r.volume.as_deref(), Some("79"));
}

#[test]
fn no_author_in_a_single_author_cv() {
    let p = parse(
        "Grazing and soil carbon in alpine meadows. *Ecology Letters* 18, 101–110, 2015.",
        &Hints::default(),
    );
    let r = &p.reference;
    assert_eq!(r.title, "Grazing and soil carbon in alpine meadows");
    assert!(r.authors.is_empty(), "{:?}", r.authors);
    assert_eq!(r.year(), Some(2015));
    assert!(p.doubts.iter().any(|d| d.code == Code::NoAuthor));
}

#[test]
fn link_text_as_the_title() {
    let r = read("Massing J., Gross T., **Yeakel J.D.** 2026. [*Dynamics of cross-feeding bacteria.*](https://example.org/rsif/23/235). Proceedings of the Royal Society Interface, 23(235).");
    assert_eq!(r.title, "Dynamics of cross-feeding bacteria");
    assert_eq!(first_family(&r), "Massing");
    assert_eq!(r.authors[2].family(), "Yeakel");
    assert_eq!(r.year(), Some(2026));
    assert!(r
        .links
        .iter()
        .any(|l| l.url == "https://example.org/rsif/23/235"));
}

#[test]
fn the_section_year_is_used_but_never_invented() {
    let p = parse(
        "Okafor N. Tidal mixing. *Estuaries*.",
        &Hints {
            kind: None,
            year: Some(2018),
        },
    );
    assert_eq!(p.reference.year(), Some(2018));
    let p = parse(
        "Okafor N. Tidal mixing. *Estuaries*. In press.",
        &Hints::default(),
    );
    assert_eq!(p.reference.year(), None);
    assert!(p.doubts.iter().any(|d| d.code == Code::NoYear));
    assert!(
        p.reference
            .notes
            .iter()
            .any(|n| n.text.eq_ignore_ascii_case("in press")),
        "{:?}",
        p.reference.notes
    );
}

#[test]
fn bad_input_never_panics() {
    for text in [
        "", "*", "**", "[", "](", "“", "10.", "arXiv:", "((((", "\u{E000}", "a\nb\n\n", "ISBN 978",
    ] {
        let _ = parse(text, &Hints::default());
    }
}

#[test]
fn event_parts_stay_in_the_container() {
    // A short phrase ending in an event word after the name is part of it.
    let r = read("Okafor, N., & Berg, P. (2021). Tidal fronts as seen from space. Remote Sensing of Coasts: Methods and Uses. ICLR Workshop.");
    assert_eq!(r.title, "Tidal fronts as seen from space");
    assert_eq!(
        r.container.as_deref(),
        Some("Remote Sensing of Coasts: Methods and Uses. ICLR Workshop")
    );
    assert_eq!(r.publisher, None);
    // An acronym with its year in parentheses, the item's year printed elsewhere.
    let r = read("Okafor N, Berg P (2022) Sediment cores. In: ECCV 2022 Workshop on Coastal Vision (COVI 2022). pp 1–9");
    assert_eq!(
        r.container.as_deref(),
        Some("ECCV 2022 Workshop on Coastal Vision (COVI 2022)")
    );
    assert_eq!(r.year(), Some(2022));
}

#[test]
fn quoted_title_then_container_read_as_title() {
    let r = read("Okafor, N., and P. Berg. 2020. “Tidal Fronts as Seen from Space.” Remote Sensing of Coasts: Methods and Uses. NIPS Workshop.");
    assert_eq!(r.title, "Tidal Fronts as Seen from Space");
    assert_eq!(
        r.container.as_deref(),
        Some("Remote Sensing of Coasts: Methods and Uses. NIPS Workshop")
    );
}

#[test]
fn a_paper_in_a_series_volume_has_the_series_as_container() {
    let r = read("Okafor, N., & Berg, P. (2016). Sediment transport in tidal inlets. In Lecture Notes in Earth Sciences (Vol. 9887, pp. 63–71). Springer.");
    assert_eq!(r.title, "Sediment transport in tidal inlets");
    assert_eq!(
        r.container.as_deref(),
        Some("Lecture Notes in Earth Sciences")
    );
    assert_eq!(r.volume.as_deref(), Some("9887"));
}

#[test]
fn what_follows_the_title_when_the_model_reads_nothing_there() {
    // Springer-style preprint: the string ends on the title.
    let r = read("Okafor N, Berg P, Tanaka H, et al (2025) Tidal fronts from space: Datasets for Tidewatch, CoastNet, and SeaView");
    assert_eq!(
        r.title,
        "Tidal fronts from space: Datasets for Tidewatch, CoastNet, and SeaView"
    );
    let r = read("Okafor N, Berg P (2025) Robust defenses against sensor drift in CTD");
    assert_eq!(r.title, "Robust defenses against sensor drift in CTD");
    // A journal's name read as a publisher.
    let r = read("51. Okafor, N. et al. Measuring tidal fronts from space. Transactions on Coastal Remote Sensing (2025).");
    assert_eq!(
        r.container.as_deref(),
        Some("Transactions on Coastal Remote Sensing")
    );
    assert_eq!(r.publisher, None);
}

#[test]
fn a_bare_year_between_names_and_title_without_punctuation() {
    // Institute of Physics numeric: no punctuation around the year.
    let r = read("Okafor N, Berg P, Tanaka H and Weiss T 2023 Tidal Fronts Seen from Space over Two Winters Journal of Coastal Remote Sensing 92 154–76");
    assert_eq!(r.authors.len(), 4, "{:?}", r.authors);
    assert_eq!(r.authors[3].family(), "Weiss");
    assert_eq!(r.year(), Some(2023));
    assert_eq!(r.title, "Tidal Fronts Seen from Space over Two Winters");
    assert_eq!(
        r.container.as_deref(),
        Some("Journal of Coastal Remote Sensing")
    );
}

#[test]
fn words_after_a_journal_that_are_not_its_name() {
    let r = read("3.  Okafor N, Berg P. Tidal fronts seen from space. Journal of Coastal Research Published online 2022.");
    assert_eq!(r.container.as_deref(), Some("Journal of Coastal Research"));
}

#[test]
fn a_title_ending_in_an_exclamation_before_the_journal() {
    let r =
        read("Okafor, N. et al. sEApy Tidal Fronts! Journal of Coastal Research 20, 1–8 (2019).");
    assert_eq!(r.title, "sEApy Tidal Fronts!");
    assert_eq!(r.container.as_deref(), Some("Journal of Coastal Research"));
}

#[test]
fn vancouver_journal_read_as_a_publisher() {
    let r = read("[20] Okafor N, Berg P. Tidal fronts seen from space. Coastal ONE 2015;10.");
    assert_eq!(r.container.as_deref(), Some("Coastal ONE"));
    assert_eq!(r.publisher, None);
}
