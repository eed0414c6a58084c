//! Merging the three CV versions: exact clusters for every preprint→published
//! pair and every near-twin found by reading the CVs, with the evidence relied on.

mod common;

use publist::merge::{Rule, Verdict};
use publist::{Kind, Library};

const V22: &str = "cv-2022.md";
const V06: &str = "cv-2025-06.md";
const V09: &str = "cv-2025-09.txt";

fn library() -> Library {
    Library::merge(common::all_cv_references())
}

fn record_of(lib: &Library, file: &str, line: usize) -> usize {
    lib.report
        .items
        .iter()
        .find(|m| &*m.item.source == file && m.item.line == line)
        .unwrap_or_else(|| panic!("no item {file}:{line}"))
        .record
}

fn sources(lib: &Library, record: usize) -> Vec<(String, usize)> {
    lib.records[record]
        .sources
        .iter()
        .map(|s| (s.at.source.to_string(), s.at.line))
        .collect()
}

/// Asserts that exactly these items form one record.
fn cluster(lib: &Library, items: &[(&str, usize)]) -> usize {
    let r = record_of(lib, items[0].0, items[0].1);
    let want: Vec<(String, usize)> = items.iter().map(|(f, l)| (f.to_string(), *l)).collect();
    assert_eq!(
        sources(lib, r),
        want,
        "record of {}:{}",
        items[0].0,
        items[0].1
    );
    r
}

/// The rule that joined two items (directly).
fn joined_by(lib: &Library, a: (&str, usize), b: (&str, usize)) -> Rule {
    lib.report
        .merged
        .iter()
        .find(|e| {
            let x = (&*e.a.source, e.a.line);
            let y = (&*e.b.source, e.b.line);
            (x == a && y == b) || (x == b && y == a)
        })
        .unwrap_or_else(|| panic!("no merge decision between {a:?} and {b:?}"))
        .rule
}

fn apart(lib: &Library, a: (&str, usize), b: (&str, usize)) {
    assert_ne!(
        record_of(lib, a.0, a.1),
        record_of(lib, b.0, b.1),
        "{a:?} and {b:?} must stay apart"
    );
}

fn reported_possible(lib: &Library, a: (&str, usize), b: (&str, usize)) -> bool {
    let (ra, rb) = (record_of(lib, a.0, a.1), record_of(lib, b.0, b.1));
    lib.report.possible_duplicates.iter().any(|e| {
        let (x, y) = (
            record_of(lib, &e.a.source, e.a.line),
            record_of(lib, &e.b.source, e.b.line),
        );
        (x == ra && y == rb) || (x == rb && y == ra)
    })
}

#[test]
fn one_record_per_work() {
    let lib = library();
    // Counted by hand: every item of the 2022 and June 2025 CVs recurs in the
    // September 2025 CV, which lists 96 distinct works.
    assert_eq!(lib.records.len(), 96);
    let mut by_listings = [0; 4];
    for r in &lib.records {
        by_listings[r.sources.len()] += 1;
    }
    // 50 works in all three versions, 39 in both 2025 versions, 7 new in September.
    assert_eq!(by_listings, [0, 7, 39, 50]);
    assert_eq!(lib.report.items.len(), 50 + 89 + 96);
    for m in &lib.report.items {
        assert!(lib.records[m.record]
            .sources
            .iter()
            .any(|s| s.at.source == m.item.source && s.at.line == m.item.line));
    }
}

#[test]
fn retitled_preprints_collapse_into_their_publications() {
    let lib = library();
    // 'From "Where" to "What"' (arXiv 2206.03208, 2022) became the Nature
    // Machine Intelligence article: same code repository rachtibat/zennit-crp,
    // the same seven authors in order (despite "Achibat" in June 2025), one year later.
    let r = cluster(&lib, &[(V22, 448), (V06, 415), (V09, 463)]);
    assert_eq!(
        joined_by(&lib, (V22, 448), (V06, 415)),
        Rule::SharedCodeRepository
    );
    let crp = &lib.records[r];
    assert_eq!(crp.kind, Kind::JournalArticle);
    assert_eq!(crp.title, "From attribution maps to human-understandable explanations through Concept Relevance Propagation");
    assert_eq!(crp.ids.arxiv.as_ref().unwrap().as_str(), "2206.03208");
    assert_eq!(crp.authors[0].family(), "Achtibat");

    // arXiv 1807.03418 (2018) became AudioMNIST (2024): same repository
    // soerenab/AudioMNIST, same first author, 4 of 5 authors in order, six years.
    cluster(&lib, &[(V22, 474), (V06, 411), (V09, 457)]);
    let e = lib
        .report
        .merged
        .iter()
        .find(|e| e.a.line == 474 && &*e.a.source == V22)
        .unwrap();
    assert_eq!(e.rule, Rule::SharedCodeRepository);
    assert_eq!(
        e.signals.shared_code.as_deref(),
        Some("github.com/soerenab/audiomnist")
    );
    assert_eq!((e.signals.common_authors, e.signals.year_gap), (4, Some(6)));

    // PatClArC (arXiv 2202.03482, 2022) became "Navigating Neural Space" (ICLR
    // 2025): no shared link, but all five preprint authors recur in order among
    // the eight, and both titles say "Concept Activation Vectors".
    let r = cluster(&lib, &[(V22, 462), (V06, 499), (V09, 657)]);
    let e = lib
        .report
        .merged
        .iter()
        .find(|e| e.a.line == 462 && &*e.a.source == V22)
        .unwrap();
    assert_eq!(e.rule, Rule::RetitledSameAuthors);
    assert_eq!(e.signals.shared_phrase, ["concept", "activation", "vector"]);
    // Words rare enough among the 235 items: more than log2(235) + 4 = 11.9 bits.
    assert!(
        e.signals.shared_information > 11.9,
        "{}",
        e.signals.shared_information
    );
    assert_eq!((e.signals.common_authors, e.signals.authors), (5, (5, 8)));
    assert_eq!(
        lib.records[r].ids.arxiv.as_ref().unwrap().as_str(),
        "2202.03482"
    );

    // Quantus: the preprint's title gained "and Beyond"; same repository, authors.
    cluster(&lib, &[(V22, 460), (V06, 426), (V09, 483)]);
    // 2022 preprints published unchanged at CVPR 2023 (main track and workshops).
    cluster(&lib, &[(V22, 437), (V06, 571), (V09, 769)]);
    let r = cluster(&lib, &[(V22, 442), (V06, 574), (V09, 772)]);
    assert_eq!(
        lib.records[r].authors[0].family(),
        "Dreyer",
        "not the OCR slip 'Drever'"
    );
    assert_eq!(
        lib.records[r].ids.arxiv.as_ref().unwrap().as_str(),
        "2211.11426"
    );
}

#[test]
fn preprints_of_june_published_by_september() {
    let lib = library();
    for (preprint, published, kind, arxiv) in [
        ((V06, 719), (V09, 425), Kind::JournalArticle, "2308.12053"), // LFP, TMLR
        ((V06, 710), (V09, 397), Kind::JournalArticle, "2501.05398"), // SemanticLens, NMI
        ((V06, 706), (V09, 405), Kind::JournalArticle, "2501.13818"), // Machine Learning
        ((V06, 698), (V09, 625), Kind::ConferencePaper, "2502.16994"), // FADE, ACL Findings
        ((V06, 693), (V09, 641), Kind::ConferencePaper, "2503.05522"), // XAI World Conference
    ] {
        let r = cluster(&lib, &[preprint, published]);
        let rec = &lib.records[r];
        assert_eq!(rec.kind, kind, "{}", rec.title);
        assert_eq!(rec.ids.arxiv.as_ref().map(|a| a.as_str()), Some(arxiv));
        // "Accepted for publication ..." served as evidence; the record no longer says it.
        assert!(
            rec.notes.iter().all(|n| !n.text.starts_with("Accepted")),
            "{:?}",
            rec.notes
        );
        assert_eq!(
            joined_by(&lib, preprint, published),
            Rule::SameTitleAndAuthors
        );
    }
    // "Semantic Lens" vs "SemanticLens": the titles' trigrams are identical.
    let e = lib
        .report
        .merged
        .iter()
        .find(|e| {
            e.a == publist::Location {
                source: V06.into(),
                line: 710,
            }
        })
        .unwrap();
    assert_eq!(e.signals.title_similarity, 1.0);
    // Prisma: OpenReview preprint in June, CVPR workshop paper with arXiv id in September.
    let r = cluster(&lib, &[(V06, 688), (V09, 649)]);
    let prisma = &lib.records[r];
    assert_eq!(prisma.kind, Kind::ConferencePaper);
    assert_eq!(
        prisma.ids.openreview.as_ref().unwrap().as_str(),
        "2WpymqWQm"
    );
    assert_eq!(prisma.ids.arxiv.as_ref().unwrap().as_str(), "2504.19475");
}

#[test]
fn two_preprint_versions_are_one_work() {
    let lib = library();
    // OpenReview first, arXiv later, same title.
    let r = cluster(&lib, &[(V06, 679), (V09, 915)]);
    assert_eq!(
        lib.records[r].ids.openreview.as_ref().unwrap().as_str(),
        "YKF9pMAXRv"
    );
    assert_eq!(
        lib.records[r].ids.arxiv.as_ref().unwrap().as_str(),
        "2506.13727"
    );
    cluster(&lib, &[(V06, 682), (V09, 943)]);
    // Retitled: "Dyslexify: A Mechanistic Defense Against Typographic Attacks in
    // CLIP" (OpenReview) and "Towards Mechanistic Defenses Against Typographic
    // Attacks in CLIP" (arXiv): the same five authors in order (the September
    // CV's "Dreyer QM" is compatible with "Dreyer M"), and six of the seven
    // content words (all but "dyslexify"; "defenses" stems to "defense").
    let r = cluster(&lib, &[(V06, 675), (V09, 909)]);
    let e = lib.report.merged.iter().find(|e| e.a.line == 675).unwrap();
    assert_eq!(
        (e.signals.common_authors, e.signals.title_words),
        (5, 0.857)
    );
    assert_eq!(lib.records[r].authors[2].given(), Some("M."));
    // A retitled arXiv id: DualView became DualXDA under arXiv 2402.12118.
    cluster(&lib, &[(V06, 715), (V09, 961)]);
    assert_eq!(
        joined_by(&lib, (V06, 715), (V09, 961)),
        Rule::SameIdentifier
    );
    assert_eq!(
        lib.records[record_of(&lib, V06, 715)].title,
        "DualXDA: Towards Sparse, Efficient and Explainable Data Attribution in Large AI Models"
    );
}

#[test]
fn near_twins_stay_apart() {
    let lib = library();
    // Same first author and 7 of 7 authors, consecutive years, both published:
    // the 2024 PINNfluence workshop paper and the 2025 resampling paper.
    apart(&lib, (V06, 507), (V09, 633));
    assert!(reported_possible(&lib, (V06, 507), (V09, 633)));
    // Identical six authors, 2020 workshop vs 2021 ICPR paper.
    apart(&lib, (V22, 366), (V22, 337));
    assert!(reported_possible(&lib, (V22, 366), (V22, 337)));
    // Two 2016 LRP chapters by Binder et al.
    apart(&lib, (V22, 425), (V22, 430));
    assert!(reported_possible(&lib, (V22, 425), (V22, 430)));
    // Deep Taylor Decomposition: 2016 workshop paper and 2017 journal article.
    apart(&lib, (V22, 403), (V22, 289));
    assert!(reported_possible(&lib, (V22, 403), (V22, 289)));
    // iNNvestigate: 2018 workshop paper and 2019 JMLR article, same ten authors.
    apart(&lib, (V22, 371), (V22, 271));
    assert!(reported_possible(&lib, (V22, 371), (V22, 271)));
    // Same authors, related topics, clearly different titles: apart and not even reported.
    for (a, b) in [
        ((V06, 563), (V06, 534)), // Sanity Checks Revisited / A Fresh Look at Sanity Checks
        ((V22, 355), (V22, 244)), // Sun: image captioning 2020 workshop / 2022 journal
        ((V06, 530), (V06, 679)), // Hatefi: Pruning By Explaining Revisited / Attribution-guided Pruning
        ((V06, 567), (V06, 577)), // Pahde 2023: Reveal to Revise / Optimizing Explanations
        ((V06, 475), (V06, 462)), // Horst: gait patterns 2019 / gender classification 2020
    ] {
        apart(&lib, a, b);
        assert!(!reported_possible(&lib, a, b), "{a:?} {b:?}");
    }
    assert_eq!(lib.report.possible_duplicates.len(), 5);
    assert!(lib
        .report
        .possible_duplicates
        .iter()
        .all(|e| e.verdict == Verdict::Possible));
}

#[test]
fn damaged_values_are_not_chosen() {
    let lib = library();
    let rec = |file, line| &lib.records[record_of(&lib, file, line)];
    // "Golterman" (2022, September) vs "Goltermann" (June): a dropped letter.
    assert_eq!(rec(V22, 230).authors[3].family(), "Goltermann");
    // "(pre-proof)" 2022 listing vs 2023 listings.
    let weber = rec(V22, 228);
    assert_eq!(weber.year(), Some(2023));
    assert!(weber.notes.is_empty());
    assert_eq!(
        weber.pages,
        Some(publist::Pages::Range {
            first: "154".into(),
            last: "176".into()
        })
    );
    // "TBA" pages in June, real ones in September.
    let mekala = rec(V06, 523);
    assert_eq!(mekala.volume.as_deref(), Some("15642"));
    assert_eq!(
        mekala.pages,
        Some(publist::Pages::Range {
            first: "368".into(),
            last: "384".into()
        })
    );
    // OCR-garbled title 'ECQ": ...' (September) is not chosen.
    assert_eq!(
        rec(V09, 869).title,
        "ECQ*: Explainability-Driven Quantization for Low-Bit and Sparse DNNs"
    );
    // "Achtabat" (June, four times) vs "Achtibat" (a dozen times elsewhere).
    assert_eq!(rec(V06, 526).authors[0].family(), "Achtibat");
    // "Ropel" (June) vs "Ropele" (September).
    assert_eq!(rec(V06, 538).authors[9].family(), "Ropele");
}

#[test]
fn merge_is_deterministic() {
    let a = library();
    let b = library();
    assert_eq!(a, b);
}

#[test]
fn items_on_one_line_are_kept_and_a_file_given_twice_counts_once() {
    // A minified CSL-JSON file: every item starts on line 1.
    let json = r#"[{"id":"a","type":"article-journal","title":"Alpha Waves in Sleep","author":[{"family":"Ode","given":"A."}],"issued":{"date-parts":[[2020]]}},{"id":"b","type":"article-journal","title":"Beta Decay Revisited","author":[{"family":"Ode","given":"A."}],"issued":{"date-parts":[[2020]]}},{"id":"c","type":"book","title":"Gamma Rays","author":[{"family":"Ray","given":"G."}],"issued":{"date-parts":[[2019]]}}]"#;
    let read = || {
        publist::csl_json::read(json, "min.json")
            .unwrap()
            .references
    };
    assert!(read().iter().all(|r| r.sources[0].at.line == 1));
    let once = Library::merge(read());
    assert_eq!(once.records.len(), 3);
    assert!(once.report.merged.is_empty());
    let twice = Library::merge(read().into_iter().chain(read()).collect());
    assert_eq!(twice.records, once.records);
    assert_eq!(twice.report.items.len(), 3);
}

/// Reads fixtures of `tests/fixtures/merge` (.bib or CSL-JSON), in order.
fn fixtures(names: &[&str]) -> Vec<publist::Reference> {
    let mut refs = Vec::new();
    for name in names {
        let path = format!("{}/tests/fixtures/merge/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let parsed = publist::read(&bytes, name).unwrap_or_else(|e| panic!("{e}"));
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        refs.extend(parsed.references);
    }
    refs
}

/// The evidence about the pair of items at these lines of one file.
fn evidence<'a>(
    lib: &'a Library,
    file: &str,
    a: usize,
    b: usize,
) -> &'a publist::merge::MatchEvidence {
    lib.report
        .merged
        .iter()
        .chain(&lib.report.possible_duplicates)
        .find(|e| {
            &*e.a.source == file
                && &*e.b.source == file
                && ((e.a.line, e.b.line) == (a, b) || (e.a.line, e.b.line) == (b, a))
        })
        .unwrap_or_else(|| panic!("no evidence about {file}:{a} and {file}:{b}"))
}

#[cfg(feature = "bib")]
#[test]
fn volumes_of_a_multivolume_work_stay_apart() {
    // Explicit, different volumes, titles that differ only in the volume
    // number, own ISBNs, different years.
    let lib = Library::merge(fixtures(&["false-merges.bib"]));
    assert_eq!(lib.records.len(), 4);
    assert!(lib.report.merged.is_empty());
    let e = evidence(&lib, "false-merges.bib", 3, 6);
    assert_eq!(
        (e.verdict, e.rule),
        (Verdict::Possible, Rule::DifferentParts)
    );
    assert_eq!(e.signals.conflicting_part.as_deref(), Some("volume 1 ≠ 2"));
    // Three volumes in CSL-JSON, two of them of one year: no pair joined,
    // so no record holds two volumes.
    let lib = Library::merge(fixtures(&["false-merges.json"]));
    assert_eq!(lib.records.len(), 7);
    assert!(lib.report.merged.is_empty());
    let e = evidence(&lib, "false-merges.json", 5, 8);
    assert_eq!(e.rule, Rule::DifferentParts);
    assert_eq!(e.signals.year_gap, Some(0));
    assert_eq!(e.signals.conflicting_part.as_deref(), Some("volume 3 ≠ 2"));
}

#[test]
fn years_of_an_annual_report_and_editions_stay_apart() {
    let lib = Library::merge(fixtures(&["false-merges.json"]));
    // "2022 Census of ..." and "2023 Census of ...": the year in the title.
    let e = evidence(&lib, "false-merges.json", 11, 13);
    assert_eq!(
        (e.verdict, e.rule),
        (Verdict::Possible, Rule::DifferentParts)
    );
    assert_eq!(
        e.signals.conflicting_part.as_deref(),
        Some("title numbers 2022 ≠ 2023")
    );
    // The same book title in 2019 and 2020: two editions.
    let e = evidence(&lib, "false-merges.json", 15, 17);
    assert_eq!(
        (e.verdict, e.rule),
        (Verdict::Possible, Rule::YearsIncompatible)
    );
    assert_eq!(e.signals.title_similarity, 1.0);
}

#[cfg(feature = "bib")]
#[test]
fn papers_of_the_same_authors_in_one_year_stay_apart() {
    // Titles sharing most words (0.83), same three authors, same year; other
    // venue, publisher and pages, one with a DOI.
    let lib = Library::merge(fixtures(&["false-merges.bib"]));
    let e = evidence(&lib, "false-merges.bib", 11, 16);
    assert_eq!(
        (e.verdict, e.rule),
        (Verdict::Possible, Rule::DifferentPublications)
    );
    assert!(e.signals.title_words >= 0.8, "{}", e.signals.title_words);
    assert_eq!(e.signals.common_authors, 3);
    assert_eq!(
        e.signals.conflicting_venue.as_deref(),
        Some("pages 101-108 ≠ 33-46")
    );
    assert!(e.held_apart.is_none());
}

#[cfg(feature = "bib")]
#[test]
fn particles_compare_equal_across_spellings() {
    // `{van der Berg}, Anneke` (.bib, braced) and `family=Berg, prefix=van der`
    // (BibLaTeX's extended name format), with the same DOI.
    let refs = fixtures(&["particle-braced.bib", "particle-biblatex.bib"]);
    assert_eq!(refs[0].authors[1].family(), "van der Berg");
    assert_eq!(refs[1].authors[1].particle(), Some("van der"));
    let lib = Library::merge(refs);
    assert_eq!(lib.records.len(), 1);
    let e = &lib.report.merged[0];
    assert_eq!(e.rule, Rule::SameIdentifier);
    assert_eq!(e.signals.common_authors, 2);
}

#[cfg(feature = "bib")]
#[test]
fn long_author_lists_are_compared_in_full() {
    // 150 authors each, the same arXiv id: all 150 are compared, not 64.
    let lib = Library::merge(fixtures(&["long-authors-a.bib", "long-authors-b.bib"]));
    assert_eq!(lib.records.len(), 1);
    let e = &lib.report.merged[0];
    assert_eq!(e.rule, Rule::SameIdentifier);
    assert_eq!(
        (e.signals.common_authors, e.signals.authors),
        (150, (150, 150))
    );
}

#[cfg(feature = "bib")]
#[test]
fn two_flavours_of_one_library_merge_one_to_one() {
    // The same seven entries exported as BibTeX ({van Dijk}, journal, year +
    // month, @phdthesis) and as BibLaTeX (prefix=van, journaltitle, date,
    // @thesis), with 120 authors on one entry, two volumes of one book and
    // two different papers of the same authors in one year.
    let count = |names: &[&str]| Library::merge(fixtures(names)).records.len();
    let (bibtex, biblatex) = ("library-bibtex.bib", "library-biblatex.bib");
    assert_eq!(count(&[bibtex]), 7);
    assert_eq!(count(&[biblatex]), 7);
    assert_eq!(count(&[bibtex, bibtex]), 7);
    assert_eq!(count(&[biblatex, biblatex]), 7);
    let lib = Library::merge(fixtures(&[bibtex, biblatex]));
    assert_eq!(lib.records.len(), 7);
    // Each record holds one entry of each flavour, under the same key.
    for r in &lib.records {
        assert_eq!(r.sources.len(), 2, "{}", r.title);
        assert_eq!(r.sources[0].key, r.sources[1].key);
        assert_ne!(r.sources[0].at.source, r.sources[1].at.source);
    }
}

/// The fixture `name` read as if it stood at `path`.
fn fixture_at(name: &str, path: &str) -> Vec<publist::Reference> {
    let file = format!("{}/tests/fixtures/merge/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    publist::read(&bytes, path)
        .unwrap_or_else(|e| panic!("{e}"))
        .references
}

/// The records without their sources (what a copy must not change).
#[cfg(feature = "bib")]
fn contents(lib: &Library) -> Vec<publist::Reference> {
    let mut records = lib.records.clone();
    for r in &mut records {
        r.sources.clear();
    }
    records
}

#[cfg(feature = "bib")]
#[test]
fn a_library_merged_with_copies_of_itself_gives_the_library_alone() {
    // Entries with little to go on (title-only short entries of works that
    // also have a full entry, entries without a title, prefaces and
    // editorials sharing only their titles), legal items without authors,
    // and the two-flavour and false-merge fixtures.
    for (name, alone) in [
        ("sparse-library.bib", 13),
        ("sparse-legal.json", 4),
        ("library-bibtex.bib", 7),
        ("false-merges.bib", 4),
    ] {
        let one = Library::merge(fixture_at(name, &format!("a/{name}")));
        assert_eq!(one.records.len(), alone, "{name} alone");
        for copies in [2, 3] {
            let refs: Vec<publist::Reference> = (0..copies)
                .flat_map(|k| fixture_at(name, &format!("{k}/{name}")))
                .collect();
            let n = refs.len();
            let many = Library::merge(refs);
            assert_eq!(contents(&many), contents(&one), "{name}, {copies} copies");
            assert_eq!(
                many.report.items.len(),
                n,
                "{name}: every item accounted for"
            );
            for (r, o) in many.records.iter().zip(&one.records) {
                assert_eq!(
                    r.sources.len(),
                    copies * o.sources.len(),
                    "{name}: {}",
                    r.title
                );
            }
        }
    }
}

/// Issue 16: the BibLaTeX and the BibTeX export of one library, merged,
/// give the records of the library alone, its sparse entries (a title
/// alone, no title at all) included: one entry by its key in two files.
#[cfg(feature = "bib")]
#[test]
fn two_exports_of_one_library_merge_to_the_library_alone() {
    use publist::bib::{write, Dialect, WriteOptions};
    let library = fixture_at("sparse-library.bib", "library.bib");
    let one = Library::merge(library.clone()).records;
    let alone = one.len();
    assert_eq!(alone, 13);
    let mut both = Vec::new();
    for (dialect, name) in [(Dialect::BibLatex, "a.bib"), (Dialect::BibTex, "b.bib")] {
        let options = WriteOptions {
            dialect,
            ..WriteOptions::default()
        };
        let text = write(&library, &options);
        both.extend(publist::read(text.as_bytes(), name).unwrap().references);
    }
    assert_eq!(both.len(), 2 * library.len());
    let merged = Library::merge(both);
    assert_eq!(merged.records.len(), alone);
    for (r, o) in merged.records.iter().zip(&one) {
        assert_eq!(r.sources.len(), 2 * o.sources.len(), "{}", r.title);
    }
}

#[test]
fn listings_alike_in_every_field_are_one_item_and_others_stay_apart() {
    // Two different cases of one title (other court, other docket number:
    // fields the typed record has no place for) stay apart; an item listed
    // again under a second id is one record, decided by the identical rule.
    let lib = Library::merge(fixture_at("sparse-legal.json", "legal.json"));
    let titled = |t: &str| lib.records.iter().filter(|r| r.title == t).count();
    assert_eq!(titled("Aerotek, Inc. v. N.L.R.B."), 2);
    assert_eq!(titled("Alabama Ag-Gag"), 1);
    assert_eq!(lib.report.merged.len(), 1);
    let e = &lib.report.merged[0];
    assert_eq!(e.rule, Rule::IdenticalListings);
    assert_eq!(e.verdict, Verdict::Same);
    assert_eq!((e.a.line, e.b.line), (5, 6));
}
