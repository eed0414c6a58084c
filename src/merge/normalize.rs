//! Fingerprints: what the merge compares of each reference, computed once,
//! compact (hashes and small numbers; text is read from the reference itself
//! when a pair needs it).

use std::borrow::Cow;
use std::num::NonZeroU64;

use super::names::Names;
use crate::model::{Kind, LinkKind, NoteKind, Reference};
use crate::text::fold;

/// Title words that carry no meaning for matching.
/// Sorted, for `binary_search`.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "how", "in",
    "into", "is", "its", "not", "of", "on", "that", "the", "this", "to", "toward", "towards",
    "using", "via", "we", "what", "why", "with",
];

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
        .filter(|w| !w.is_empty() && STOP_WORDS.binary_search(&w.as_str()).is_err())
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
        if STOP_WORDS.binary_search(&word.as_str()).is_ok() {
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

/// Calls `f` with the hash of each character trigram of `fold(title)`, in
/// order, repeats included; ASCII titles are folded on the fly.
fn for_each_trigram(title: &str, mut f: impl FnMut(u32)) {
    // FNV-1a over three characters: cheap and stable across runs.
    fn fnv(w: [u32; 3]) -> u32 {
        w.iter()
            .fold(0x811c_9dc5, |h, &c| (h ^ c).wrapping_mul(0x0100_0193))
    }
    let mut w = [0u32; 3];
    let mut seen = 0;
    let mut push = |c: u32| {
        w = [w[1], w[2], c];
        seen += 1;
        if seen >= 3 {
            f(fnv(w));
        }
    };
    if title.is_ascii() {
        for b in title.bytes().filter(u8::is_ascii_alphanumeric) {
            push(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        fold(title).chars().for_each(|c| push(c as u32));
    }
}

/// The trigram hashes of a title, sorted, without repeats.
#[cfg(test)]
fn trigrams(title: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for_each_trigram(title, |t| out.push(t));
    out.sort_unstable();
    out.dedup();
    out
}

/// A set of trigram hashes in an open-addressing table that is emptied by
/// moving to the next epoch, not by clearing it.
struct TrigramSet {
    /// `epoch << 32 | hash`; a slot of another epoch is empty.
    slots: Vec<u64>,
    epoch: u64,
    len: usize,
}

impl TrigramSet {
    const SLOTS: usize = 1024;
    /// More than this many trigrams and the table would be too full.
    const MAX: usize = 600;

    fn clear(&mut self) {
        self.len = 0;
        self.epoch += 1;
        if self.epoch >= u64::from(u32::MAX) {
            self.slots.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
    }

    fn slot(&self, h: u32) -> usize {
        (h.wrapping_mul(0x9e37_79b1) >> 22) as usize
    }

    /// Adds `h`; whether it was new.
    fn insert(&mut self, h: u32) -> bool {
        let entry = self.epoch << 32 | u64::from(h);
        let mut i = self.slot(h);
        loop {
            let s = self.slots[i];
            if s == entry {
                return false;
            }
            if s >> 32 != self.epoch {
                self.slots[i] = entry;
                self.len += 1;
                return true;
            }
            i = (i + 1) % Self::SLOTS;
        }
    }

    fn contains(&self, h: u32) -> bool {
        let entry = self.epoch << 32 | u64::from(h);
        let mut i = self.slot(h);
        loop {
            let s = self.slots[i];
            if s == entry {
                return true;
            }
            if s >> 32 != self.epoch {
                return false;
            }
            i = (i + 1) % Self::SLOTS;
        }
    }
}

/// Dice coefficient of the two titles' trigram sets (1 for two empty sets).
fn trigram_dice(a: &str, b: &str) -> f64 {
    /// The two tables, and the title whose trigrams the first holds:
    /// candidate pairs come sorted by their first item, which is compared
    /// with several others in a row.
    struct Tables {
        sets: [TrigramSet; 2],
        first: String,
    }
    thread_local! {
        static TABLES: std::cell::RefCell<Tables> = std::cell::RefCell::new(Tables {
            sets: [0, 1].map(|_| TrigramSet { slots: vec![0; TrigramSet::SLOTS], epoch: 0, len: 0 }),
            first: String::new(),
        });
    }
    // Long titles (more trigrams than the tables hold) by sorting.
    let long = |t: &str| t.len() > TrigramSet::MAX;
    if long(a) || long(b) {
        let sorted = |t: &str| {
            let mut v = Vec::new();
            for_each_trigram(t, |h| v.push(h));
            v.sort_unstable();
            v.dedup();
            v
        };
        return dice(&sorted(a), &sorted(b));
    }
    TABLES.with(|tables| {
        let tables = &mut *tables.borrow_mut();
        let [x, y] = &mut tables.sets;
        if tables.first != a || x.epoch == 0 {
            x.clear();
            for_each_trigram(a, |h| {
                x.insert(h);
            });
            tables.first.clear();
            tables.first.push_str(a);
        }
        y.clear();
        let mut shared = 0usize;
        for_each_trigram(b, |h| {
            if y.insert(h) && x.contains(h) {
                shared += 1;
            }
        });
        if x.len + y.len == 0 {
            return 1.0;
        }
        2.0 * shared as f64 / (x.len + y.len) as f64
    })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The numbers a title carries, as a set: digit runs (`2020`, `GPT-4`,
/// `2nd`) and upper-case Roman numerals of I, V and X (`Part II`, `Algebra
/// V`). Two listings whose titles each carry a number the other lacks are
/// different parts, volumes, editions or years of a series.
pub(crate) fn title_numbers(title: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for word in title.split(|c: char| !c.is_alphanumeric()) {
        if let Some(n) = roman(word) {
            out.push(n);
            continue;
        }
        for run in word.split(|c: char| !c.is_ascii_digit()) {
            if !run.is_empty() && run.len() <= 18 {
                if let Ok(n) = run.parse::<u64>() {
                    out.push(n);
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// An upper-case Roman numeral of the letters I, V, X (1 to 39, in the usual
/// subtractive form); `CV`, `ML` and other acronyms are words, not numbers.
fn roman(word: &str) -> Option<u64> {
    if word.is_empty() || word.len() > 7 || !word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let value = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        _ => 10,
    };
    let bytes = word.as_bytes();
    let mut total = 0u64;
    for (i, &b) in bytes.iter().enumerate() {
        let v = value(b);
        match bytes.get(i + 1) {
            Some(&next) if value(next) > v => total = total.wrapping_sub(v),
            _ => total = total.wrapping_add(v),
        }
    }
    // Only the canonical spelling of the value counts (`IIII` and `VX` are words).
    (1..40)
        .contains(&total)
        .then_some(total)
        .filter(|&n| to_roman(n) == word)
}

fn to_roman(mut n: u64) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// A volume, edition or part number in one spelling: `Vol. 2`, `2`, `II` →
/// `2`; a letter stays a letter (`B`, the volumes of *Computers &
/// Typesetting*). `None` for what is not a number (`abs/1908.04509`, CoRR's
/// "volume" of an arXiv listing).
pub(crate) fn normalize_number(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t
        .strip_prefix("Vol.")
        .or_else(|| t.strip_prefix("vol."))
        .or_else(|| t.strip_prefix("Vol"))
        .or_else(|| t.strip_prefix("vol"))
        .unwrap_or(t)
        .trim();
    if let Some(n) = roman(&t.to_uppercase()) {
        return Some(n.to_string());
    }
    if !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = t.trim_start_matches('0');
        return Some(if trimmed.is_empty() { "0" } else { trimmed }.to_string());
    }
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_alphabetic() => Some(c.to_lowercase().collect()),
        _ => None,
    }
}

/// Numeric first and last page, when the pages are plain numbers.
pub(crate) fn page_span(pages: &crate::model::Pages) -> Option<(u64, u64)> {
    use crate::model::Pages;
    let num = |s: &str| s.trim().parse::<u64>().ok();
    match pages {
        Pages::Range { first, last } => {
            let (f, l) = (num(first)?, num(last)?);
            // `1006-19`: the last page abbreviated.
            let l = if l < f {
                let digits = last.trim().len() as u32;
                let base = 10u64.checked_pow(digits)?;
                f - f % base + l
            } else {
                l
            };
            Some((f, l.max(f)))
        }
        Pages::Single(p) => num(p).map(|n| (n, n)),
        Pages::Placeholder(_) => None,
    }
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

/// Dice coefficient of two sorted, deduplicated sets.
pub(crate) fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = sorted_intersection(a, b);
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

fn sorted_intersection<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
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
        let a = trigrams("with SemanticLens");
        let b = trigrams("with Semantic Lens");
        assert_eq!(dice(&a, &b), 1.0);
        // The tables give what sorted sets give.
        for (x, y) in [
            ("with SemanticLens", "with Semantic Lens"),
            (
                "Explaining Deep Networks",
                "Explaining Shallow Networks Again",
            ),
            ("", ""),
            ("abc", ""),
            ("aaaa aaaa", "aaa"),
        ] {
            assert_eq!(
                trigram_dice(x, y),
                dice(&trigrams(x), &trigrams(y)),
                "{x} / {y}"
            );
        }
        let long = "word ".repeat(200);
        assert_eq!(
            trigram_dice(&long, "word"),
            dice(&trigrams(&long), &trigrams("word"))
        );
        // Non-ASCII titles are folded first: the same trigrams.
        assert_eq!(
            trigrams("Ödegård: Übersicht"),
            trigrams("Odegard Ubersicht")
        );
        assert!(trigrams("ab").is_empty());
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

    #[test]
    fn numbers_of_titles() {
        assert_eq!(
            title_numbers("Capital: A Critique of Political Economy, vol. 2"),
            [2]
        );
        assert_eq!(
            title_numbers("2020 Survey on Lawyer Discipline Systems (SOLD)"),
            [2020]
        );
        assert_eq!(
            title_numbers("Higher-Dimensional Algebra VI: Lie 2-Algebras"),
            [2, 6]
        );
        assert_eq!(title_numbers("Deep Learning for CV and ML, Part IX"), [9]);
        assert_eq!(title_numbers("The 2nd Edition"), [2]);
        assert!(title_numbers("Explaining Things").is_empty());
        assert_eq!(normalize_number("Vol. II").as_deref(), Some("2"));
        assert_eq!(normalize_number("02").as_deref(), Some("2"));
        assert_eq!(normalize_number("B").as_deref(), Some("b"));
        assert_eq!(normalize_number("abs/1908.04509"), None);
        use crate::model::Pages;
        let r = |a: &str, b: &str| Pages::Range {
            first: a.into(),
            last: b.into(),
        };
        assert_eq!(page_span(&r("1006", "19")), Some((1006, 1019)));
        assert_eq!(page_span(&r("549", "552")), Some((549, 552)));
        assert_eq!(page_span(&Pages::Single("e0130140".into())), None);
    }
}
