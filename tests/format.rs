//! Formatting in CSL styles.

#![cfg(feature = "cli")]

mod common;

use publist::csl::{load_style, Formatter};

/// Normalises white space, quotes, dashes and markup (markdown, bullets,
/// LaTeX remnants, links), so that a CV item's text and a rendered entry can
/// be compared.
fn normalise(s: &str) -> String {
    let lines: Vec<String> = s
        .lines()
        .map(|l| {
            let l = l.trim();
            let l = l.trim_start_matches(|c: char| {
                c.is_ascii_digit() || c == '.' || c == '-' || c == ' '
            });
            l.to_string()
        })
        .collect();
    let joined = lines.join(" ");
    let mut t = String::new();
    // Drop links: <...>, [text](url), bare URLs.
    let mut rest = joined.as_str();
    while let Some(pos) = rest.find("http") {
        let start = rest[..pos].rfind(['<', '(', '[', ' ']).unwrap_or(pos);
        t.push_str(&rest[..start]);
        let end = rest[pos..].find([' ', '>']).map_or(rest.len(), |e| pos + e);
        rest = &rest[end..];
    }
    t.push_str(rest);
    let t = t
        .replace("\\hbox{", "")
        .replace("{\\tt ", "")
        .replace("\\ ", " ")
        .replace("``", "\"")
        .replace("''", "\"")
        .replace("\\_", "_")
        .replace("\\*", "*");
    let t: String = t
        .chars()
        .filter(|c| !matches!(c, '*' | '<' | '>' | '[' | ']' | '$' | '{' | '}' | '|'))
        .map(|c| match c {
            '“' | '”' | '„' => '"',
            '’' => '\'',
            '–' | '—' => '-',
            c => c,
        })
        .collect();
    let t = t.replace(" :", ":");
    let words: Vec<&str> = t.split_whitespace().collect();
    words.join(" ").trim_end_matches(['.', ' ']).to_string()
}

/// Why a CV item's text departs from the CV's own convention, which a style
/// renders one way only; `None` for a clean item.
fn departure(source: &str, r: &publist::Reference) -> Option<&'static str> {
    let head = source.split(" (").next().unwrap_or("");
    let unspaced_initials = head.split([',', ' ']).any(|w| {
        w.chars().count() >= 2 && w.chars().count() <= 3 && w.chars().all(|c| c.is_uppercase())
    });
    if r.kind == publist::Kind::Preprint {
        Some("preprint written as CoRR abs/… or OpenReview: …, rendered from arXiv/OpenReview ids")
    } else if head.contains(", and ") {
        Some("serial comma before the last author")
    } else if r.authors.len() > 1 && !head.contains(" and ") {
        Some("no \"and\" before the last author")
    } else if unspaced_initials {
        Some("initials written without spaces (GÜ, AM, WI)")
    } else if source.contains(&format!("{}:", r.year().unwrap_or(0))) {
        Some("the year written as the volume (2017:1629-1638)")
    } else if r.ids.issn.is_some() || r.ids.openreview.is_some() {
        Some("an ISSN or OpenReview id where the locator stands")
    } else if r.series.is_some() || r.kind == publist::Kind::Book {
        Some("series or ISBNs written in the CV's own way")
    } else if source.contains("pre-proof") || source.contains("TBA") {
        Some("status written where the locator stands")
    } else {
        None
    }
}

#[test]
fn cv_style_reproduces_the_cv_text() {
    let style = load_style(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/cv.csl"), None).unwrap();
    let f = Formatter::new(style);
    let mut report = Vec::new();
    let mut reasons: std::collections::BTreeMap<&str, usize> = Default::default();
    for name in ["cv-2022.md", "cv-2025-06.md", "cv-2025-09.txt"] {
        let parsed = common::cv(name);
        let keys = publist::keys::assign(&parsed.references);
        let entries = f.bibliography(&parsed.references);
        let mut same = 0;
        for (r, key) in parsed.references.iter().zip(&keys) {
            let entry = entries.iter().find(|e| &e.key == key).unwrap();
            let source = normalise(&r.sources[0].text);
            let rendered = normalise(&entry.text);
            if source.starts_with(&rendered) {
                same += 1;
            } else if let Some(reason) = departure(&source, r) {
                *reasons.entry(reason).or_insert(0) += 1;
            } else {
                report.push(format!(
                    "{name}:{}\n  cv:  {source}\n  csl: {rendered}",
                    r.sources[0].at.line
                ));
            }
        }
        println!(
            "{name}: {same} of {} items reproduced",
            parsed.references.len()
        );
    }
    println!("departures from the CVs' own convention: {reasons:#?}");
    assert!(
        report.is_empty(),
        "clean items not reproduced:\n{}",
        report.join("\n")
    );
}

fn one_article() -> Vec<publist::Reference> {
    publist::cv::read(
        "## Journal Articles\n1. Bley F, **Lapuschkin S**, Samek W and Montavon G (2025). \"Explaining Predictive Uncertainty\". In: *Pattern Recognition* 160:111171.\n",
        "cv.md",
    )
    .references
}

#[test]
fn apa_in_text_markdown_and_html() {
    use publist::csl::OutputFormat;
    let apa = || Formatter::new(load_style("apa", None).unwrap());
    let refs = one_article();
    // Checked by hand against APA 7: authors, (year), title, italic journal and volume, article number.
    let text = apa().bibliography(&refs);
    assert_eq!(
        text[0].text,
        "Bley, F., Lapuschkin, S., Samek, W., & Montavon, G. (2025). Explaining Predictive Uncertainty. Pattern Recognition, 160, Article 111171."
    );
    assert_eq!(text[0].label, None);
    let md = apa()
        .with_format(OutputFormat::Markdown)
        .bibliography(&refs);
    assert!(
        md[0]
            .text
            .contains("*Pattern Recognition*, *160*, Article 111171."),
        "{}",
        md[0].text
    );
    let html = apa().with_format(OutputFormat::Html).bibliography(&refs);
    assert!(
        html[0]
            .text
            .contains("&#38; Montavon, G. (2025). Explaining Predictive Uncertainty. <i>Pattern Recognition</i>, <i>160</i>, Article 111171."),
        "{}",
        html[0].text
    );
}

#[test]
fn dependent_styles_resolve_to_their_parent() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/csl/styles"));
    if !dir.is_dir() {
        println!(
            "SKIPPED: {} is absent; dependent styles were not tried",
            dir.display()
        );
        return;
    }
    // 2d-materials.csl is a dependent of institute-of-physics-numeric.csl.
    let dependent = dir.join("dependent/2d-materials.csl");
    let style = load_style(dependent.to_str().unwrap(), Some(dir)).unwrap();
    assert_eq!(
        style.info.id,
        "http://www.zotero.org/styles/institute-of-physics-numeric"
    );
    let entries = Formatter::new(style).bibliography(&one_article());
    assert_eq!(entries[0].label.as_deref(), Some("[1]"));
    assert!(
        entries[0]
            .text
            .starts_with("Bley F, Lapuschkin S, Samek W and Montavon G 2025"),
        "{}",
        entries[0].text
    );
}

#[test]
fn style_errors_say_what_and_where() {
    let e = load_style("/nonexistent/x.csl", None).unwrap_err();
    assert_eq!(e.kind(), publist::ErrorKind::NotFound);
    let dir = std::env::temp_dir().join(format!("publist-style-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csl");
    std::fs::write(&bad, "<style><info></style>").unwrap();
    let e = load_style(bad.to_str().unwrap(), None).unwrap_err();
    assert_eq!(e.kind(), publist::ErrorKind::Syntax);
    assert!(e.to_string().contains("not a valid CSL style"), "{e}");
}

#[test]
fn merged_cvs_as_a_cv_with_the_owner_highlighted() {
    use publist::csl::{CvOptions, OutputFormat};
    let records = common::merged();
    let style = load_style(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/cv.csl"), None).unwrap();
    let f = Formatter::new(style).with_format(OutputFormat::Markdown);
    let options = CvOptions {
        highlight: publist::cv::names("Lapuschkin S; Bach S"),
        ..Default::default()
    };
    let sections = f.cv(&records, &options);
    let sizes: Vec<(&str, usize)> = sections
        .iter()
        .map(|s| (s.heading.as_str(), s.entries.len()))
        .collect();
    // The September 2025 CV's sections, since every work of the merged list is in it.
    assert_eq!(
        sizes,
        [
            ("Journal Articles", 32),
            ("Contributions to Conference Proceedings and Workshops", 44),
            ("Books", 1),
            ("Book Chapters", 4),
            ("Preprints", 15),
        ]
    );
    for s in &sections {
        for (n, e) in s.entries.iter().enumerate() {
            assert_eq!(e.label, Some(format!("{}.", n + 1)));
            // The owner is on every work, once, under either name.
            let bold =
                e.text.matches("**Lapuschkin S**").count() + e.text.matches("**Bach S**").count();
            assert_eq!(bold, 1, "{}", e.text);
        }
        // Newest first.
        let years: Vec<&str> = s
            .entries
            .iter()
            .filter_map(|e| e.text.split(" (").nth(1))
            .map(|t| &t[..4])
            .collect();
        assert!(
            years.windows(2).all(|w| w[0] >= w[1]),
            "{} not newest first: {years:?}",
            s.heading
        );
    }
    // Within a year, the order of first listing: Hedström et al. (cv-2025-06.md
    // line 400) is the first 2025 journal article listed anywhere.
    assert!(
        sections[0].entries[0]
            .text
            .starts_with("Hedström A, Bommer P L"),
        "{}",
        sections[0].entries[0].text
    );
}

#[test]
fn cv_with_links_in_markdown() {
    use publist::csl::{CvOptions, OutputFormat};
    let refs = publist::cv::read(
        "## Preprints\n1. Dreyer M and Samek W (2025). \"SemanticLens\". In: *CoRR abs/2501.05398*.\n<https://github.com/jim-berend/semanticlens> | Demo: <https://semanticlens.hhi-research-insights.eu/umap-view>\n",
        "cv.md",
    )
    .references;
    let style = load_style(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/cv.csl"), None).unwrap();
    let f = Formatter::new(style).with_format(OutputFormat::Markdown);
    let sections = f.cv(
        &refs,
        &CvOptions {
            links: true,
            ..Default::default()
        },
    );
    assert_eq!(
        sections[0].entries[0].text,
        "Dreyer M and Samek W (2025). “SemanticLens”. In: arXiv:2501.05398. \
         [code](https://github.com/jim-berend/semanticlens) [demo](https://semanticlens.hhi-research-insights.eu/umap-view)"
    );
}
