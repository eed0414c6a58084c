//! Evidence for or against two references being one work, and the decision.
//!
//! Precision first: two published listings merge only when their titles are
//! (nearly) the same; a retitled work merges only when a preprint meets its
//! published version (or another preprint) and the identifiers, the code
//! repository or the whole author list say so. Everything in between is a
//! "possible duplicate" that is reported and left apart.

use serde::{Deserialize, Serialize};

use super::names::{author_lcs, same_author};
use super::normalize::{
    acronym, jaccard, longest_shared_run, title_tokens, venue_tokens, Fingerprint,
};
use crate::fasthash::FastHash;
use crate::model::Kind;

/// What the whole input says about title words: in how many items each
/// occurs. A word most titles have is weak evidence that two are one work.
pub(crate) struct Corpus<'d> {
    /// Items whose title has the word (by word hash).
    pub df: &'d std::collections::HashMap<u64, u32, FastHash>,
    /// Items in the input.
    pub items: usize,
}

impl Corpus<'_> {
    /// How unlikely it is that two titles share these words by chance, in
    /// bits: the sum of log2(items / items with the word).
    fn information(&self, words: impl Iterator<Item = u64>) -> f64 {
        let n = self.items.max(1) as f64;
        words
            .map(|w| (n / f64::from(self.df.get(&w).copied().unwrap_or(1).max(1))).log2())
            .sum()
    }

    /// The information shared words must carry to say that a retitled
    /// preprint is its publication: what chance gives among this many items
    /// (log2 of their number), and 4 bits more.
    fn enough(&self) -> f64 {
        (self.items.max(2) as f64).log2() + 4.0
    }
}

/// The signals measured on a pair of references.
///
/// ```
/// let old = publist::cv::read("## Preprints\n1. Weber L and Samek W (2023). \"Layer-wise Feedback Propagation\". In: CoRR abs/2308.12053\n", "cv-2023.md");
/// let new = publist::cv::read("## Journal Articles\n1. Weber L and Samek W (2025). \"Layer-wise Feedback Propagation\". In: *Transactions on Machine Learning Research* 9oToxYVOSW.\n", "cv-2025.md");
/// let lib = publist::Library::merge(old.references.into_iter().chain(new.references).collect());
/// let s = &lib.report.merged[0].signals;
/// assert_eq!(s.title_similarity, 1.0);
/// assert_eq!(s.authors, (2, 2));
/// assert_eq!(s.common_authors, 2);
/// assert_eq!(s.year_gap, Some(2));
/// assert_eq!(s.kinds, (publist::Kind::Preprint, publist::Kind::JournalArticle));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signals {
    /// Both have this arXiv id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_arxiv: Option<String>,
    /// Both have this OpenReview id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_openreview: Option<String>,
    /// Both have this DOI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_doi: Option<String>,
    /// Both link this code repository (normalised URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_code: Option<String>,
    /// Both have identifiers of one kind, and they differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicting_id: Option<String>,
    /// The two are different parts of one series: different volumes, or
    /// titles that each carry a number the other lacks (`vol. 1`/`vol. 2`,
    /// `2020 Survey`/`2021 Survey`, `Part I`/`Part II`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicting_part: Option<String>,
    /// Both are published and the publications differ: pages that do not
    /// overlap, or different venues from different publishers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicting_venue: Option<String>,
    /// Dice coefficient of the titles' character trigrams (0 to 1).
    pub title_similarity: f64,
    /// Jaccard similarity of the titles' content words (0 to 1).
    pub title_words: f64,
    /// The longest run of consecutive content words both titles share, when
    /// the titles differ (left empty when their words are nearly the same).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_phrase: Vec<String>,
    /// How unlikely it is that the titles share their content words by
    /// chance, in bits: the sum over shared words of log2(items in the input
    /// / items whose title has the word). Rounded to a tenth.
    #[serde(default)]
    pub shared_information: f64,
    /// The first authors are the same person (spelling slips allowed).
    pub first_author: bool,
    /// Authors both lists share in the same order (longest common subsequence).
    pub common_authors: usize,
    /// Number of authors of each reference.
    pub authors: (usize, usize),
    /// Year of the second minus year of the first, when both are known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_gap: Option<i32>,
    /// The kinds of the two references.
    pub kinds: (Kind, Kind),
    /// A preprint's "Accepted for publication in ..." names the other's venue.
    pub acceptance_matches_venue: bool,
}

/// What was decided about a pair.
///
/// ```
/// let old = publist::cv::read("## Preprints\n1. Weber L and Samek W (2023). \"Layer-wise Feedback Propagation\". In: CoRR abs/2308.12053\n", "cv-2023.md");
/// let new = publist::cv::read("## Journal Articles\n1. Weber L and Samek W (2025). \"Layer-wise Feedback Propagation\". In: *Transactions on Machine Learning Research* 9oToxYVOSW.\n", "cv-2025.md");
/// let lib = publist::Library::merge(old.references.into_iter().chain(new.references).collect());
/// use publist::merge::Verdict;
/// assert_eq!(lib.report.merged[0].verdict, Verdict::Same);
/// assert_eq!(serde_json::to_string(&Verdict::Possible).unwrap(), "\"possible\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// One work: merged.
    Same,
    /// Perhaps one work: reported, left apart for the user to decide.
    Possible,
    /// Different works.
    Different,
}

/// Which rule decided.
///
/// ```
/// use publist::merge::Rule;
/// let a = publist::cv::read("## Preprints\n1. Bach S (2020). \"Explaining Things\". In: CoRR abs/2001.00001\n", "a.md");
/// let b = publist::cv::read("## Preprints\n1. Bach S (2020). \"Explaining Things\". In: CoRR abs/2001.99999\n", "b.md");
/// let lib = publist::Library::merge(a.references.into_iter().chain(b.references).collect());
/// assert_eq!(lib.records.len(), 2); // same title, different arXiv ids: two works
/// assert!(lib.report.possible_duplicates.is_empty()); // Rule::ConflictingIdentifiers: not even possible
/// assert_eq!(serde_json::to_string(&Rule::SameIdentifier).unwrap(), "\"same-identifier\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rule {
    /// Two listings that say the same in every field: one item read twice
    /// (a file given twice, a library merged with a copy of itself).
    IdenticalListings,
    /// The same arXiv id, OpenReview id or DOI.
    SameIdentifier,
    /// The same (or nearly the same) title and the same authors.
    SameTitleAndAuthors,
    /// A preprint and a later version linking the same code repository, by the same authors.
    SharedCodeRepository,
    /// A preprint whose whole author list recurs, in order, in a later version
    /// whose title shares a distinctive phrase (words rare in the input:
    /// [`Signals::shared_information`]).
    RetitledSameAuthors,
    /// A preprint marked "accepted for publication" in the other's venue, by the same authors.
    AcceptedVersion,
    /// Identifiers of the same kind that differ.
    ConflictingIdentifiers,
    /// Different volumes, or different numbers in the titles: parts, volumes,
    /// editions or years of one series.
    DifferentParts,
    /// Years too far apart, or a preprint later than its supposed publication.
    YearsIncompatible,
    /// Two published listings of different kinds (a workshop paper and its
    /// journal version), or of the same kind at different pages or venues
    /// (two papers of the same authors in one year).
    DifferentPublications,
    /// Similar but not enough evidence.
    Similar,
    /// Nothing in common worth mentioning.
    Unrelated,
}

/// Judges a pair: `None` when the two are different works, else the verdict,
/// the rule and the signals (the evidence kept in the report).
///
/// Most candidate pairs share a common title word or a prolific author and
/// nothing else: they are told apart from identifiers, first authors and
/// title words alone, before the costlier signals (author alignment, shared
/// phrases). This gives the verdict [`decide`] would give on the full signals.
pub(crate) fn judge(
    a: &Fingerprint,
    b: &Fingerprint,
    corpus: &Corpus,
) -> Option<(Verdict, Rule, Signals)> {
    let mut title_similarity = None;
    if surely_different(a, b, &mut title_similarity) {
        return None;
    }
    let title_similarity = title_similarity.unwrap_or_else(|| a.title_similarity(b));
    let s = signals(a, b, corpus, title_similarity);
    let (verdict, rule) = decide(a, b, &s, corpus);
    (verdict != Verdict::Different).then_some((verdict, rule, s))
}

/// Whether [`decide`] would say `Different` whatever the costly signals are
/// (the title similarity, if it had to be computed, is left in `similarity`).
fn surely_different(a: &Fingerprint, b: &Fingerprint, similarity: &mut Option<f64>) -> bool {
    if a.ids_in_common(b) {
        if differ(&a.arxiv(), &b.arxiv()) || differ(&a.doi(), &b.doi()) {
            return true; // ConflictingIdentifiers
        }
        if equal(&a.arxiv(), &b.arxiv())
            || equal(&a.doi(), &b.doi())
            || equal(&a.openreview(), &b.openreview())
        {
            return false;
        }
    }
    // Without a shared identifier every other verdict needs the same first author.
    if !first_authors_agree(a, b) {
        return true;
    }
    if a.preprint || b.preprint {
        return false;
    }
    // Two published listings: only similar titles or a shared repository can
    // make them the same or possibly the same.
    if round3(jaccard(&a.token_set, &b.token_set)) >= 0.3
        || a.code_urls().iter().any(|u| b.code_urls().contains(u))
    {
        return false;
    }
    if a.surely_dissimilar(b, 0.6) {
        return true;
    }
    let t = a.title_similarity(b);
    *similarity = Some(t);
    t < 0.6
}

fn differ<T: PartialEq>(x: &Option<T>, y: &Option<T>) -> bool {
    matches!((x, y), (Some(x), Some(y)) if x != y)
}

fn equal<T: PartialEq>(x: &Option<T>, y: &Option<T>) -> bool {
    matches!((x, y), (Some(x), Some(y)) if x == y)
}

fn first_authors_agree(a: &Fingerprint, b: &Fingerprint) -> bool {
    match (a.authors.first(), b.authors.first()) {
        (Some(x), Some(y)) => same_author(x, y),
        _ => false,
    }
}

/// Computes the signals for a pair.
pub(crate) fn signals(
    a: &Fingerprint,
    b: &Fingerprint,
    corpus: &Corpus,
    title_similarity: f64,
) -> Signals {
    fn same<T: AsRef<str>>(x: &Option<T>, y: &Option<T>) -> Option<String> {
        match (x, y) {
            (Some(x), Some(y)) if x.as_ref() == y.as_ref() => Some(x.as_ref().to_string()),
            _ => None,
        }
    }
    fn conflict<T: AsRef<str>>(name: &str, x: &Option<T>, y: &Option<T>) -> Option<String> {
        match (x, y) {
            (Some(x), Some(y)) if x.as_ref() != y.as_ref() => {
                Some(format!("{name} {} ≠ {}", x.as_ref(), y.as_ref()))
            }
            _ => None,
        }
    }
    let shared_code = a
        .code_urls()
        .iter()
        .find(|u| b.code_urls().contains(u))
        .cloned();
    let (pre, publ) = if a.preprint { (a, b) } else { (b, a) };
    let acceptance_matches_venue = pre.preprint
        && !publ.preprint
        && pre.accepted_in().iter().any(|note| {
            let venue = publ.r.container.as_deref().unwrap_or("");
            venue_matches(note, &venue_tokens(venue), &acronym(venue))
        });
    let title_words = round3(jaccard(&a.token_set, &b.token_set));
    let shared_information = (corpus.information(
        a.token_set
            .iter()
            .copied()
            .filter(|w| b.token_set.binary_search(w).is_ok()),
    ) * 10.0)
        .round()
        / 10.0;
    let shared_phrase = if title_words < 0.8 {
        let (start, len) = longest_shared_run(&a.title_tokens(), &b.title_tokens());
        if len == 0 {
            Vec::new()
        } else {
            title_tokens(&a.r.title)
                .into_iter()
                .skip(start)
                .take(len)
                .collect()
        }
    } else {
        Vec::new()
    };
    Signals {
        same_arxiv: same(&a.arxiv(), &b.arxiv()),
        same_openreview: same(&a.openreview(), &b.openreview()),
        same_doi: same(&a.doi(), &b.doi()),
        shared_code,
        conflicting_id: conflict("arXiv", &a.arxiv(), &b.arxiv())
            .or_else(|| conflict("DOI", &a.doi(), &b.doi())),
        conflicting_part: conflicting_part(a, b),
        conflicting_venue: conflicting_venue(a, b),
        title_similarity,
        title_words,
        shared_phrase,
        shared_information,
        first_author: first_authors_agree(a, b),
        common_authors: author_lcs(&a.authors, &b.authors),
        authors: (a.authors.len(), b.authors.len()),
        year_gap: a.year.zip(b.year).map(|(x, y)| y - x),
        kinds: (a.kind, b.kind),
        acceptance_matches_venue,
    }
}

/// Different volumes of a book, or title numbers that differ both ways (a
/// title that only adds a number, as a subtitle can, is not a different part).
/// The volume of an article or chapter is its container's: see
/// [`conflicting_venue`].
fn conflicting_part(a: &Fingerprint, b: &Fingerprint) -> Option<String> {
    if a.kind == Kind::Book && b.kind == Kind::Book {
        if let (Some(x), Some(y)) = (a.volume(), b.volume()) {
            if x != y {
                return Some(format!("volume {x} ≠ {y}"));
            }
        }
    }
    let only = |x: &[u64], y: &[u64]| x.iter().find(|n| y.binary_search(n).is_err()).copied();
    match (
        only(a.numbers(), b.numbers()),
        only(b.numbers(), a.numbers()),
    ) {
        (Some(x), Some(y)) => Some(format!("title numbers {x} ≠ {y}")),
        _ => None,
    }
}

/// Two published listings of one kind in different places: in different
/// volumes of their container, at pages that do not overlap, or in venues
/// without a distinctive word in common from different publishers.
fn conflicting_venue(a: &Fingerprint, b: &Fingerprint) -> Option<String> {
    if a.preprint || b.preprint || a.kind != b.kind {
        return None;
    }
    if a.kind != Kind::Book {
        if let (Some(x), Some(y)) = (a.volume(), b.volume()) {
            if x != y {
                return Some(format!("volumes {x} ≠ {y}"));
            }
        }
    }
    if let (Some((f1, l1)), Some((f2, l2))) = (a.pages(), b.pages()) {
        if l1 < f2 || l2 < f1 {
            return Some(format!("pages {f1}-{l1} ≠ {f2}-{l2}"));
        }
    }
    let (Some(x), Some(y)) = (a.publisher(), b.publisher()) else {
        return None;
    };
    if x.contains(y.as_str()) || y.contains(x.as_str()) {
        return None;
    }
    let (Some(cx), Some(cy)) = (&a.r.container, &b.r.container) else {
        return None;
    };
    let (tx, ty) = (venue_tokens(cx), venue_tokens(cy));
    let (ax, ay) = (acronym(cx), acronym(cy));
    let related = tx.iter().any(|w| ty.contains(w))
        || tx.iter().any(|w| w.len() >= 3 && *w == ay)
        || ty.iter().any(|w| w.len() >= 3 && *w == ax);
    (!tx.is_empty() && !ty.is_empty() && !related)
        .then(|| format!("venues \"{cx}\" ≠ \"{cy}\", publishers differ"))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// An acceptance note names a venue when each of its distinctive words is a
/// word of the venue or its acronym: "JMLR" ~ "Journal of Machine Learning Research".
fn venue_matches(note: &[String], venue: &[String], acronym: &str) -> bool {
    !note.is_empty()
        && !venue.is_empty()
        && note
            .iter()
            .filter(|w| w.len() > 1)
            .all(|w| venue.contains(w) || (w.len() >= 3 && w == acronym))
}

/// Decides about a pair from its signals.
pub(crate) fn decide(
    a: &Fingerprint,
    b: &Fingerprint,
    s: &Signals,
    corpus: &Corpus,
) -> (Verdict, Rule) {
    if s.conflicting_id.is_some() {
        return (Verdict::Different, Rule::ConflictingIdentifiers);
    }
    let shorter = s.authors.0.min(s.authors.1).max(1);
    let authors_agree = s.first_author && s.common_authors * 10 >= shorter * 6;
    if s.same_arxiv.is_some() || s.same_doi.is_some() || s.same_openreview.is_some() {
        // An identifier shared by listings with unrelated authors is a slip in the CV.
        return if authors_agree {
            (Verdict::Same, Rule::SameIdentifier)
        } else {
            (Verdict::Possible, Rule::SameIdentifier)
        };
    }
    let same_title = (s.title_similarity >= 0.85 && s.title_words >= 0.5) || s.title_words >= 0.8;
    let both_published = !a.preprint && !b.preprint;
    if s.conflicting_part.is_some() {
        let verdict = if same_title && authors_agree {
            Verdict::Possible
        } else {
            Verdict::Different
        };
        return (verdict, Rule::DifferentParts);
    }
    if !years_compatible(a, b, s) {
        let verdict = if same_title && authors_agree {
            Verdict::Possible
        } else {
            Verdict::Different
        };
        return (verdict, Rule::YearsIncompatible);
    }
    if same_title && authors_agree {
        if both_published && (a.kind != b.kind || s.conflicting_venue.is_some()) {
            return (Verdict::Possible, Rule::DifferentPublications);
        }
        return (Verdict::Same, Rule::SameTitleAndAuthors);
    }
    if !both_published && s.first_author {
        let preprint_authors = if a.preprint && b.preprint {
            shorter
        } else if a.preprint {
            s.authors.0
        } else {
            s.authors.1
        };
        if s.shared_code.is_some() && authors_agree {
            return (Verdict::Same, Rule::SharedCodeRepository);
        }
        let whole_list = preprint_authors >= 2 && s.common_authors >= preprint_authors;
        // The shared words must be rarer than chance makes them among this
        // many items: in a large input, a prolific group's preprint and
        // another of its papers share common words often.
        let retitled = whole_list && (s.shared_phrase.len() >= 3 || s.title_words >= 0.45);
        if retitled && s.shared_information >= corpus.enough() {
            return (Verdict::Same, Rule::RetitledSameAuthors);
        }
        if s.acceptance_matches_venue && authors_agree && s.title_words >= 0.3 {
            return (Verdict::Same, Rule::AcceptedVersion);
        }
        if retitled {
            return (Verdict::Possible, Rule::RetitledSameAuthors);
        }
    }
    if authors_agree
        && (s.title_words >= 0.3 || s.shared_code.is_some() || s.title_similarity >= 0.6)
    {
        return (Verdict::Possible, Rule::Similar);
    }
    (Verdict::Different, Rule::Unrelated)
}

/// Published listings of one work carry the same year, give or take a year
/// (a "pre-proof" listing, online-first); books and other documents (reports,
/// software, data) of different years are different editions or years of a
/// series. A preprint comes before its publication, by at most seven years;
/// preprint versions within two years.
fn years_compatible(a: &Fingerprint, b: &Fingerprint, s: &Signals) -> bool {
    let Some(gap) = s.year_gap else {
        return true;
    };
    let dated_by_edition = |k: Kind| matches!(k, Kind::Book | Kind::Misc);
    match (a.preprint, b.preprint) {
        (false, false) if dated_by_edition(a.kind) && dated_by_edition(b.kind) => gap == 0,
        (false, false) => gap.abs() <= 1,
        (true, true) => gap.abs() <= 2,
        // b published: b.year - a.year = gap must be in 0..=7.
        (true, false) => (0..=7).contains(&gap),
        (false, true) => (0..=7).contains(&-gap),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acceptance_notes_name_venues() {
        use super::super::normalize::{acronym, venue_tokens as v};
        let m = |note: &str, venue: &str| venue_matches(&v(note), &v(venue), &acronym(venue));
        assert!(m(
            "Accepted for publication in Nature Machine Intelligence",
            "Nature Machine Intelligence"
        ));
        assert!(m(
            "Accepted for publication in JMLR (June 2022)",
            "Journal of Machine Learning Research"
        ));
        assert!(m(
            "Accepted for publication with ACL Findings",
            "Findings of the Association for Computational Linguistics (ACL)"
        ));
        assert!(m(
            "Accepted for publication at the XAI World Conference 2025",
            "Proceedings of the 3rd XAI World Conference"
        ));
        assert!(!m(
            "Accepted for publication at NeurIPS 2025",
            "Nature Machine Intelligence"
        ));
    }
}
