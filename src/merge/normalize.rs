//! Fingerprints: what the merge compares of each reference, computed once,
//! compact (hashes and small numbers; text is read from the reference itself
//! when a pair needs it).

use super::names::Names;
use super::numbers::{normalize_number, page_span, title_numbers};
use super::trigrams::{distinct_trigrams, sorted_intersection, trigram_dice};
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

/// What the merge compares of one reference, in about 100 bytes and the
/// title's word hashes and folded names: what is compared rarely (the
/// identifiers, volume, pages, container, publisher, the title's characters)
/// is read from the reference, or kept in [`Extras`] when the reference has
/// it.
#[derive(Debug, Clone)]
pub(crate) struct Fingerprint<'a> {
    /// The reference, for what is compared rarely (identifiers, container,
    /// publisher, the title's characters and words in order).
    pub r: &'a Reference,
    /// Hashes of the title's content words, folded and crudely stemmed,
    /// sorted, without repeats.
    pub token_set: Box<[u64]>,
    /// Authors, or editors when there are no authors.
    pub authors: Names,
    extras: Option<Box<Extras>>,
    /// How many of the title's distinct trigrams fall in each of 64 buckets
    /// (a nibble each), for a bound on the trigram similarity of two titles
    /// that needs neither title ([`Fingerprint::surely_dissimilar`]).
    trigram_buckets: TrigramBuckets,
    pub year: Option<i32>,
    pub kind: Kind,
    pub preprint: bool,
    /// Which identifiers the reference has ([`ARXIV`], [`DOI`],
    /// [`OPENREVIEW`] bits): pairs with none in common skip their comparison.
    ids: u8,
}

/// Bits of [`Fingerprint::ids`].
const ARXIV: u8 = 1;
const DOI: u8 = 2;
const OPENREVIEW: u8 = 4;

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
        // The word hashes in a buffer of the thread, then in a box of their
        // size (no allocation to shrink).
        thread_local! {
            static WORDS: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let token_set: Box<[u64]> = WORDS.with(|buf| {
            let buf = &mut *buf.borrow_mut();
            buf.clear();
            for_each_title_word(&r.title, |w| buf.push(word_hash(w)));
            buf.sort_unstable();
            buf.dedup();
            Box::from(buf.as_slice())
        });
        let code_urls: Vec<String> = r
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Code)
            .map(|l| normalize_url(&l.url))
            .collect();
        let accepted_in: Vec<Vec<String>> = r
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::Acceptance)
            .map(|n| venue_tokens(&n.text))
            .collect();
        let numbers = title_numbers(&r.title);
        let any_extras = !(code_urls.is_empty() && accepted_in.is_empty() && numbers.is_empty());
        let bit = |present: bool, bit: u8| if present { bit } else { 0 };
        let ids = bit(r.ids.arxiv.is_some(), ARXIV)
            | bit(r.ids.doi.is_some(), DOI)
            | bit(r.ids.openreview.is_some(), OPENREVIEW);
        Fingerprint {
            r,
            token_set,
            authors: Names::of(names),
            extras: any_extras.then(|| {
                Box::new(Extras {
                    code_urls,
                    accepted_in,
                    numbers,
                })
            }),
            trigram_buckets: trigram_buckets(&r.title),
            year: r.year(),
            kind: r.kind,
            preprint: r.kind == Kind::Preprint,
            ids,
        }
    }

    /// Whether the two have identifiers of one kind (arXiv, DOI, OpenReview).
    pub(crate) fn ids_in_common(&self, other: &Fingerprint) -> bool {
        self.ids & other.ids != 0
    }

    /// The DOI, lower case ([`crate::Doi::as_str`]): DOIs compare without
    /// regard to case.
    pub(crate) fn doi(&self) -> Option<&'a str> {
        self.r.ids.doi.as_ref().map(|d| d.as_str())
    }

    /// The volume in one spelling ([`normalize_number`]).
    pub(crate) fn volume(&self) -> Option<String> {
        self.r.volume.as_deref().and_then(normalize_number)
    }

    /// Numeric first and last page.
    pub(crate) fn pages(&self) -> Option<(u32, u32)> {
        self.r
            .pages
            .as_ref()
            .and_then(page_span)
            .and_then(|(f, l)| Some((u32::try_from(f).ok()?, u32::try_from(l).ok()?)))
    }

    /// Hash of the title folded to letters and digits (never 0); `None` for
    /// an empty title.
    pub(crate) fn title_key(&self) -> Option<u64> {
        compact_hash(&self.r.title).map(|h| h.max(1))
    }

    /// Whether the titles' trigram similarity ([`Self::title_similarity`])
    /// is surely below `threshold`, from the bucket counts alone: two
    /// titles share at most, in each bucket, as many trigrams as the one
    /// with fewer there has. `false` when that bound does not tell.
    pub(crate) fn surely_dissimilar(&self, other: &Fingerprint, threshold: f64) -> bool {
        let (x, y) = (&self.trigram_buckets, &other.trigram_buckets);
        if !x.exact || !y.exact || x.total + y.total == 0 {
            return false;
        }
        let mut shared = 0u32;
        for k in 0..4 {
            let (mut a, mut b) = (x.counts[k], y.counts[k]);
            for _ in 0..16 {
                shared += ((a & 15) as u32).min((b & 15) as u32);
                a >>= 4;
                b >>= 4;
            }
        }
        let bound = 2.0 * f64::from(shared) / f64::from(x.total + y.total);
        round3(bound) < threshold
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

/// Distinct trigrams of a title ([`for_each_trigram`]) counted per bucket.
#[derive(Debug, Clone, Copy, Default)]
struct TrigramBuckets {
    /// 64 counts of 4 bits.
    counts: [u64; 4],
    /// The number of distinct trigrams.
    total: u32,
    /// No bucket holds more than 15 (else the counts are not used).
    exact: bool,
}

fn trigram_buckets(title: &str) -> TrigramBuckets {
    let mut counts = [0u8; 64];
    let mut total = 0u32;
    distinct_trigrams(title, |h| {
        let c = &mut counts[(h.wrapping_mul(0x9e37_79b1) >> 26) as usize];
        *c = c.saturating_add(1);
        total += 1;
    });
    let mut out = TrigramBuckets {
        counts: [0; 4],
        total,
        exact: counts.iter().all(|&c| c <= 15),
    };
    for (i, &c) in counts.iter().enumerate() {
        out.counts[i / 16] |= u64::from(c & 15) << (4 * (i % 16));
    }
    out
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
        word.push_str(piece);
        word.make_ascii_lowercase();
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
    fn the_trigram_bound_never_rejects_a_similar_title() {
        use crate::model::{Kind, Reference};
        let titles = [
            "Layer-wise Relevance Propagation for Neural Networks",
            "Layer-wise relevance propagation for deep neural networks",
            "LayerWise Relevance Propagation",
            "On Pixel-wise Explanations for Non-Linear Classifier Decisions",
            "On pixel-wise explanations for non-linear classifier decisions by layer-wise relevance propagation",
            "Explaining Deep Networks",
            "Explaining Shallow Networks Again",
            "aaaa aaaa aaaa",
            "aaa",
            "",
            "Ödegård: Übersicht der Methoden",
            "Odegard Ubersicht der Methoden",
            "Towards Mechanistic Defenses Against Typographic Attacks in CLIP",
            "Mechanistic defences against typographic attacks in CLIP models",
        ];
        let long = "word ".repeat(200);
        let refs: Vec<Reference> = titles
            .iter()
            .copied()
            .chain([long.as_str()])
            .map(|t| Reference::new(Kind::JournalArticle, t))
            .collect();
        let fps: Vec<Fingerprint> = refs.iter().map(Fingerprint::of).collect();
        let mut rejected = 0;
        for a in &fps {
            for b in &fps {
                for threshold in [0.3, 0.6, 0.85] {
                    if a.surely_dissimilar(b, threshold) {
                        rejected += 1;
                        assert!(
                            a.title_similarity(b) < threshold,
                            "{:?} / {:?}",
                            a.r.title,
                            b.r.title
                        );
                    }
                }
            }
        }
        // It does reject: unrelated titles are told apart without their trigrams.
        assert!(rejected > 100, "{rejected}");
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
