//! Fingerprints: what the merge compares of each reference, computed once,
//! compact (hashes and small numbers; text is read from the reference itself
//! when a pair needs it).

use std::borrow::Cow;
use std::num::NonZeroU64;

use super::names::Names;
use super::numbers::{normalize_number, page_span, title_numbers};
use super::trigrams::{sorted_intersection, trigram_dice};
use crate::model::{Kind, LinkKind, NoteKind, Reference};
use crate::text::fold;

/// Title words that carry no meaning for matching.
/// Sorted, for `binary_search`.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "how", "in",
    "into", "is", "its", "not", "of", "on", "that", "the", "this", "to", "toward", "towards",
    "using", "via", "we", "what", "why", "with",
];

/// The longest of [`STOP_WORDS`]: longer words are looked up no further.
const LONGEST_STOP_WORD: usize = 7;

fn is_stop_word(w: &str) -> bool {
    w.len() <= LONGEST_STOP_WORD && STOP_WORDS.binary_search(&w).is_ok()
}

/// What the merge compares of one reference, in about 140 bytes and the
/// title's word hashes and folded names: what is compared rarely is read
/// from the reference, or kept in [`Extras`] when the reference has it.
#[derive(Debug, Clone)]
pub(crate) struct Fingerprint<'a> {
    /// The reference, for what is compared rarely (identifiers, container,
    /// publisher, the title's characters and words in order).
    pub r: &'a Reference,
    /// Hashes of the title's content words, folded and crudely stemmed,
    /// sorted, without repeats.
    pub token_set: Box<[u64]>,
    /// Hash of the title folded to letters and digits; `None` for an empty title.
    pub title_key: Option<NonZeroU64>,
    /// Authors, or editors when there are no authors.
    pub authors: Names,
    pub year: Option<i32>,
    pub preprint: bool,
    pub kind: Kind,
    /// Lower case: DOIs compare without regard to case.
    pub doi: Option<Cow<'a, str>>,
    /// The volume in one spelling ([`normalize_number`]).
    pub volume: Option<Box<str>>,
    /// Numeric first and last page.
    pub pages: Option<(u32, u32)>,
    extras: Option<Box<Extras>>,
}

/// What few references have.
#[derive(Debug, Clone, Default)]
struct Extras {
    code_urls: Vec<String>,
    accepted_in: Vec<Vec<String>>,
    numbers: Vec<u64>,
}

impl<'a> Fingerprint<'a> {
    pub(crate) fn of(r: &'a Reference) -> Self {
        let names = if r.authors.is_empty() {
            &r.editors
        } else {
            &r.authors
        };
        let mut token_set = Vec::with_capacity(16);
        for_each_title_word(&r.title, |w| token_set.push(word_hash(w)));
        token_set.sort_unstable();
        token_set.dedup();
        let extras = Extras {
            code_urls: r
                .links
                .iter()
                .filter(|l| l.kind == LinkKind::Code)
                .map(|l| normalize_url(&l.url))
                .collect(),
            accepted_in: r
                .notes
                .iter()
                .filter(|n| n.kind == NoteKind::Acceptance)
                .map(|n| venue_tokens(&n.text))
                .collect(),
            numbers: title_numbers(&r.title),
        };
        let any_extras = !(extras.code_urls.is_empty()
            && extras.accepted_in.is_empty()
            && extras.numbers.is_empty());
        Fingerprint {
            r,
            token_set: token_set.into_boxed_slice(),
            title_key: compact_hash(&r.title)
                .map(|h| NonZeroU64::new(h).unwrap_or(NonZeroU64::MIN)),
            authors: Names::of(names),
            year: r.year(),
            preprint: r.kind == Kind::Preprint,
            kind: r.kind,
            doi: r.ids.doi.as_ref().map(|d| {
                let d = d.as_str();
                if d.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(d.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(d)
                }
            }),
            volume: r
                .volume
                .as_deref()
                .and_then(normalize_number)
                .map(String::into_boxed_str),
            pages: r
                .pages
                .as_ref()
                .and_then(page_span)
                .and_then(|(f, l)| Some((u32::try_from(f).ok()?, u32::try_from(l).ok()?))),
            extras: any_extras.then(|| Box::new(extras)),
        }
    }

    pub(crate) fn arxiv(&self) -> Option<&'a str> {
        self.r.ids.arxiv.as_ref().map(|a| a.as_str())
    }

    pub(crate) fn openreview(&self) -> Option<&'a str> {
        self.r.ids.openreview.as_ref().map(|o| o.as_str())
    }

    /// Normalised URLs of the code repositories it links.
    pub(crate) fn code_urls(&self) -> &[String] {
        self.extras.as_ref().map_or(&[], |e| &e.code_urls)
    }

    /// Folded words of "Accepted for publication in ..." notes.
    pub(crate) fn accepted_in(&self) -> &[Vec<String>] {
        self.extras.as_ref().map_or(&[], |e| &e.accepted_in)
    }

    /// The numbers of the title ([`title_numbers`]).
    pub(crate) fn numbers(&self) -> &[u64] {
        self.extras.as_ref().map_or(&[], |e| &e.numbers)
    }

    /// Hashes of the title's content words in order.
    pub(crate) fn title_tokens(&self) -> Vec<u64> {
        let mut words = Vec::with_capacity(16);
        for_each_title_word(&self.r.title, |w| words.push(word_hash(w)));
        words
    }

    /// The title folded to letters and digits only.
    pub(crate) fn compact_title(&self) -> String {
        fold(&self.r.title)
    }

    /// Dice coefficient of the two titles' character trigrams (of the
    /// compact titles: `SemanticLens` = `Semantic Lens`), rounded to three
    /// decimals. Computed when a pair needs it, in tables of the thread.
    pub(crate) fn title_similarity(&self, other: &Fingerprint) -> f64 {
        round3(trigram_dice(&self.r.title, &other.r.title))
    }

    /// The publisher, folded.
    pub(crate) fn publisher(&self) -> Option<String> {
        self.r
            .publisher
            .as_deref()
            .map(fold)
            .filter(|p| !p.is_empty())
    }
}

/// The content words of a title, folded and stemmed: `Explanations` → `explanation`.
fn title_words(title: &str) -> impl Iterator<Item = String> + '_ {
    title
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty() && !is_stop_word(w))
        .map(stem)
}

/// Calls `f` with each of [`title_words`], without allocating for ASCII titles.
fn for_each_title_word(title: &str, mut f: impl FnMut(&str)) {
    if !title.is_ascii() {
        title_words(title).for_each(|w| f(&w));
        return;
    }
    let mut word = String::with_capacity(32);
    for piece in title.split(|c: char| !c.is_ascii_alphanumeric()) {
        if piece.is_empty() {
            continue;
        }
        word.clear();
        word.extend(piece.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        if is_stop_word(&word) {
            continue;
        }
        if word.len() > 4 && word.ends_with('s') && !word.ends_with("ss") {
            word.pop();
        }
        f(&word);
    }
}

/// [`word_hash`] of the title folded to letters and digits; `None` when
/// nothing is left.
fn compact_hash(title: &str) -> Option<u64> {
    if !title.is_ascii() {
        let compact = fold(title);
        return (!compact.is_empty()).then(|| word_hash(&compact));
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut any = false;
    for b in title.bytes().filter(u8::is_ascii_alphanumeric) {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3);
        any = true;
    }
    any.then_some(h)
}

/// Folds a title into content tokens: `Explanations` → `explanation`.
pub(crate) fn title_tokens(title: &str) -> Vec<String> {
    title_words(title).collect()
}

/// A crude plural stem, enough to equate `defenses`/`defense`, `networks`/`network`.
fn stem(mut w: String) -> String {
    if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
    w
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Normalises a code-repository URL: scheme, `www.`, case, `.git` and trailing `/` dropped.
pub(crate) fn normalize_url(url: &str) -> String {
    let lower = url.trim().to_lowercase();
    let no_scheme = lower
        .split_once("://")
        .map_or(lower.as_str(), |(_, rest)| rest);
    let no_www = no_scheme.strip_prefix("www.").unwrap_or(no_scheme);
    no_www
        .trim_end_matches('/')
        .trim_end_matches(".git")
        .to_string()
}

/// Folded words of a venue or acceptance note, without the words every venue has.
pub(crate) fn venue_tokens(text: &str) -> Vec<String> {
    const VENUE_STOP: &[&str] = &[
        "accepted",
        "publication",
        "proceedings",
        "conference",
        "international",
        "annual",
        "journal",
        "workshop",
        "workshops",
        "during",
        "with",
        "at",
        "in",
        "of",
        "on",
        "the",
        "for",
        "and",
        "to",
        "transactions",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| {
            !w.is_empty()
                && !VENUE_STOP.contains(&w.as_str())
                && !w.chars().all(|c| c.is_ascii_digit())
        })
        .collect()
}

/// Initials of a venue's words, small words left out:
/// "Journal of Machine Learning Research" → `jmlr`.
pub(crate) fn acronym(venue: &str) -> String {
    venue
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| {
            !w.is_empty()
                && !["of", "the", "on", "for", "and", "in", "at", "to"].contains(&w.as_str())
        })
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A stable 64-bit hash of a word (FNV-1a).
pub(crate) fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Jaccard similarity of two sorted, deduplicated sets of word hashes.
pub(crate) fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = sorted_intersection(a, b);
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// Where the longest run of consecutive title tokens the two titles share
/// starts in `a`, and its length.
pub(crate) fn longest_shared_run(a: &[u64], b: &[u64]) -> (usize, usize) {
    let mut best: (usize, usize) = (0, 0);
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut n = 0;
            while i + n < a.len() && j + n < b.len() && a[i + n] == b[j + n] {
                n += 1;
            }
            if n > best.1 {
                best = (i, n);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    #[test]
    fn stop_words_are_sorted_and_no_longer_than_the_bound() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            STOP_WORDS.iter().map(|w| w.len()).max(),
            Some(LONGEST_STOP_WORD)
        );
        assert!(is_stop_word("towards") && !is_stop_word("toward_s") && !is_stop_word("networks"));
    }

    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            title_tokens("Towards Mechanistic Defenses Against Typographic Attacks in CLIP"),
            [
                "mechanistic",
                "defense",
                "against",
                "typographic",
                "attack",
                "clip"
            ]
        );
        let a =
            "PatClArC: Using Pattern Concept Activation Vectors for Noise-Robust Model Debugging";
        let b = "Navigating Neural Space: Revisiting Concept Activation Vectors to Overcome Directional Divergence";
        let hashes =
            |t: &str| -> Vec<u64> { title_tokens(t).iter().map(|w| word_hash(w)).collect() };
        let (start, len) = longest_shared_run(&hashes(a), &hashes(b));
        assert_eq!(
            title_tokens(a)[start..start + len],
            ["concept", "activation", "vector"]
        );
    }

    #[test]
    fn fast_paths_agree() {
        for t in [
            "Towards Mechanistic Defenses Against Typographic Attacks in CLIP",
            "A 2nd look: the US-UK Networks' losses (and gains)",
            "",
            "  --  ",
        ] {
            let mut fast = Vec::new();
            for_each_title_word(t, |w| fast.push(w.to_string()));
            assert_eq!(fast, title_words(t).collect::<Vec<_>>(), "{t}");
            let compact = fold(t);
            assert_eq!(
                compact_hash(t),
                (!compact.is_empty()).then(|| word_hash(&compact))
            );
        }
    }

    #[test]
    fn urls() {
        assert_eq!(
            normalize_url("https://github.com/annahedstroem/GEF/"),
            "github.com/annahedstroem/gef"
        );
        assert_eq!(
            normalize_url("http://www.github.com/a/b.git"),
            "github.com/a/b"
        );
    }
}
