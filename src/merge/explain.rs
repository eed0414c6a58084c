//! The merge report in words, for people deciding whether to trust a merge.

use super::score::{Rule, Signals};
use super::{MatchEvidence, MergeReport};
use crate::model::Reference;

impl MergeReport {
    /// Every merge decision and every possible duplicate left apart, each
    /// with the two items, why, and what was measured; then where each input
    /// citation key went (with `records`, the merged records the report is
    /// about). Plain sentences, one item per line, for standard error.
    ///
    /// ```
    /// let old = publist::cv::read("## Preprints\n1. Weber L and Samek W (2023). \"Layer-wise Feedback Propagation\". In: CoRR abs/2308.12053\n", "cv-2023.md");
    /// let new = publist::cv::read("## Journal Articles\n1. Weber L and Samek W (2025). \"Layer-wise Feedback Propagation\". In: *Transactions on Machine Learning Research* 9oToxYVOSW.\n", "cv-2025.md");
    /// let lib = publist::Library::merge(old.references.into_iter().chain(new.references).collect());
    /// let text = lib.report.explain(&lib.records);
    /// assert_eq!(text, "\
    /// merged (1 decision):
    ///   cv-2023.md:2 \"Layer-wise Feedback Propagation\"
    ///   cv-2025.md:2 \"Layer-wise Feedback Propagation\"
    ///     same work: the same title and the same authors
    ///     titles 100% alike (words 100%); authors: 2 in common in order, of 2 and 2; the same first author; 2 years apart; a preprint, then a journal article
    /// possible duplicates, left apart (0)
    /// ");
    /// ```
    pub fn explain(&self, records: &[Reference]) -> String {
        let mut out = String::new();
        let n = self.merged.len();
        out.push_str(&format!(
            "merged ({n} decision{}){}\n",
            if n == 1 { "" } else { "s" },
            if n == 0 { "" } else { ":" }
        ));
        for e in &self.merged {
            pair(&mut out, e, "same work");
        }
        let n = self.possible_duplicates.len();
        out.push_str(&format!(
            "possible duplicates, left apart ({n}){}\n",
            if n == 0 { "" } else { ":" }
        ));
        for e in &self.possible_duplicates {
            pair(&mut out, e, "left apart");
        }
        let keyed: Vec<_> = self.items.iter().filter(|m| m.key.is_some()).collect();
        if !keyed.is_empty() {
            let new_keys = crate::keys::assign(records);
            out.push_str(&format!("citation keys ({}):\n", keyed.len()));
            for m in keyed {
                let new = new_keys.get(m.record).map_or("?", String::as_str);
                out.push_str(&format!(
                    "  {} ({}) -> {new}\n",
                    m.key.as_deref().unwrap_or(""),
                    m.item
                ));
            }
        }
        out
    }
}

fn pair(out: &mut String, e: &MatchEvidence, verdict: &str) {
    out.push_str(&format!(
        "  {} \"{}\"\n  {} \"{}\"\n",
        e.a, e.titles.0, e.b, e.titles.1
    ));
    let mut why = format!("    {verdict}: {}", rule_text(e.rule));
    if let Some(h) = &e.held_apart {
        why.push_str(&format!("; kept apart because {h}"));
    }
    out.push_str(&why);
    out.push('\n');
    out.push_str(&format!("    {}\n", signals_text(&e.signals)));
}

/// What a rule says, as a reason.
fn rule_text(rule: Rule) -> &'static str {
    match rule {
        Rule::IdenticalListings => "the same listing twice: every field alike",
        Rule::SameIdentifier => "the same arXiv id, OpenReview id or DOI",
        Rule::SameTitleAndAuthors => "the same title and the same authors",
        Rule::SharedCodeRepository => {
            "a preprint and a later version by the same authors, linking the same code repository"
        }
        Rule::RetitledSameAuthors => {
            "a preprint whose whole author list recurs in a later version with a shared distinctive phrase in the title"
        }
        Rule::AcceptedVersion => {
            "a preprint marked as accepted in the other's venue, by the same authors"
        }
        Rule::ConflictingIdentifiers => "identifiers of the same kind that differ",
        Rule::DifferentParts => {
            "different parts of one series (volumes, editions, or numbers in the titles that differ)"
        }
        Rule::YearsIncompatible => {
            "years too far apart, or a preprint later than its supposed publication"
        }
        Rule::DifferentPublications => {
            "two published listings of different kinds (such as a workshop paper and its journal version)"
        }
        Rule::Similar => "similar, but not enough evidence to merge",
        Rule::Unrelated => "nothing in common worth mentioning",
    }
}

/// What was measured, in words.
fn signals_text(s: &Signals) -> String {
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    let mut parts = vec![format!(
        "titles {} alike (words {})",
        pct(s.title_similarity),
        pct(s.title_words)
    )];
    if !s.shared_phrase.is_empty() {
        parts.push(format!("shared phrase \"{}\"", s.shared_phrase.join(" ")));
    }
    let first = if s.first_author {
        "the same first author"
    } else {
        "different first authors"
    };
    parts.push(format!(
        "authors: {} in common in order, of {} and {}; {first}",
        s.common_authors, s.authors.0, s.authors.1
    ));
    if let Some(gap) = s.year_gap {
        parts.push(match gap {
            0 => "the same year".to_string(),
            g => format!(
                "{} year{} apart{}",
                g.abs(),
                if g.abs() == 1 { "" } else { "s" },
                if g < 0 { ", the second older" } else { "" }
            ),
        });
    }
    let a = |k: crate::model::Kind| {
        let label = k.label();
        let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {label}")
    };
    parts.push(match s.kinds {
        (x, y) if x == y => format!("both {}", a(x)),
        (x, y) => format!("{}, then {}", a(x), a(y)),
    });
    for (what, value) in [
        ("the same arXiv id", &s.same_arxiv),
        ("the same OpenReview id", &s.same_openreview),
        ("the same DOI", &s.same_doi),
        ("the same code repository", &s.shared_code),
    ] {
        if let Some(v) = value {
            parts.push(format!("{what} {v}"));
        }
    }
    if let Some(c) = &s.conflicting_id {
        parts.push(format!("conflicting {c}"));
    }
    if let Some(p) = &s.conflicting_part {
        parts.push(format!("different parts: {p}"));
    }
    if let Some(v) = &s.conflicting_venue {
        parts.push(format!("different publications: {v}"));
    }
    if s.acceptance_matches_venue {
        parts.push("the preprint's acceptance note names the venue".to_string());
    }
    parts.join("; ")
}
