//! Fingerprints: what the merge compares, computed once per reference.

use crate::model::{Kind, LinkKind, NoteKind, Reference};
use crate::text::fold;

/// Title words that carry no meaning for matching.
/// Sorted, for `binary_search`.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "how", "in",
    "into", "is", "its", "not", "of", "on", "that", "the", "this", "to", "toward", "towards",
    "using", "via", "we", "what", "why", "with",
];

/// An author reduced for comparison: folded family name without particles,
/// and initials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AuthorKey {
    /// Without particles: `rijke`.
    pub family: String,
    /// With them, as one word: `derijke` (`Le Cun` = `LeCun`).
    pub full: String,
    pub initials: String,
}

impl AuthorKey {
    /// `{de Rijke}, Maarten` (the particle braced into the family name) and
    /// `family=Rijke, prefix=de` both give `rijke` and `derijke`: exports of
    /// one library differ in where they put the particle, and some CVs drop
    /// it. Names compare equal when either form does ([`same_author`]).
    pub(crate) fn of(p: &crate::model::Person) -> Self {
        let full = match &p.particle {
            Some(particle) => fold(&format!("{particle}{}", p.family)),
            None => fold(&p.family),
        };
        AuthorKey {
            family: fold(core_family(&p.family)),
            full,
            initials: p.initials(),
        }
    }
}

/// Words that open a family name as a particle (`de`, `van der`, `von`).
/// Sorted, for `binary_search`.
const PARTICLES: &[&str] = &[
    "d", "da", "das", "de", "degli", "dei", "del", "della", "delle", "den", "der", "des", "di",
    "do", "dos", "du", "het", "l", "la", "le", "lo", "op", "t", "te", "ten", "ter", "van",
    "vander", "von", "zu", "zum", "zur",
];

/// The family name without the particles that open it: `de Rijke` → `Rijke`,
/// `van der Smagt` → `Smagt`, `De la Cruz` → `Cruz`; a name that is all
/// particles (`Van`) stays as it is.
pub(crate) fn core_family(family: &str) -> &str {
    let mut rest = family.trim();
    loop {
        let Some((word, tail)) = rest.split_once([' ', '\u{a0}', '~']) else {
            return rest;
        };
        let w = word.trim_matches(['\'', '’']).to_lowercase();
        if tail.trim().is_empty() || PARTICLES.binary_search(&w.as_str()).is_err() {
            return rest;
        }
        rest = tail.trim_start();
    }
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

/// What the merge compares of one reference.
#[derive(Debug, Clone)]
pub(crate) struct Fingerprint {
    /// Content words of the title, folded and crudely stemmed.
    pub title_tokens: Vec<String>,
    /// Hashes of the same words, sorted, without repeats.
    pub token_set: Vec<u64>,
    /// Hashed character trigrams of the title without spaces or punctuation,
    /// sorted and deduplicated (so that `SemanticLens` = `Semantic Lens`).
    pub trigrams: Vec<u32>,
    /// The title folded to letters and digits only.
    pub compact_title: String,
    pub authors: Vec<AuthorKey>,
    pub year: Option<i32>,
    pub preprint: bool,
    pub kind: Kind,
    pub arxiv: Option<String>,
    pub openreview: Option<String>,
    pub doi: Option<String>,
    pub code_urls: Vec<String>,
    /// Folded words of "Accepted for publication in ..." notes.
    pub accepted_in: Vec<Vec<String>>,
    /// The container, for matching acceptance notes and telling venues
    /// apart (rare: their words are computed on demand).
    pub container: Option<String>,
    /// The publisher, folded.
    pub publisher: Option<String>,
    /// The volume in one spelling ([`normalize_number`]).
    pub volume: Option<String>,
    /// Numeric first and last page.
    pub pages: Option<(u64, u64)>,
    /// The numbers of the title ([`title_numbers`]).
    pub numbers: Vec<u64>,
}

/// Folds a title into content tokens: `Explanations` → `explanation`.
pub(crate) fn title_tokens(title: &str) -> Vec<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty() && STOP_WORDS.binary_search(&w.as_str()).is_err())
        .map(stem)
        .collect()
}

/// A crude plural stem, enough to equate `defenses`/`defense`, `networks`/`network`.
fn stem(w: String) -> String {
    if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

fn trigrams(compact: &str) -> Vec<u32> {
    // FNV-1a over three characters: cheap and stable across runs.
    fn fnv(w: impl Iterator<Item = u32>) -> u32 {
        w.fold(0x811c_9dc5, |h, c| (h ^ c).wrapping_mul(0x0100_0193))
    }
    let mut out: Vec<u32> = if compact.is_ascii() {
        compact
            .as_bytes()
            .windows(3)
            .map(|w| fnv(w.iter().map(|&b| u32::from(b))))
            .collect()
    } else {
        let chars: Vec<char> = compact.chars().collect();
        chars
            .windows(3)
            .map(|w| fnv(w.iter().map(|&c| c as u32)))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
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

impl Fingerprint {
    pub(crate) fn of(r: &Reference) -> Self {
        let compact_title: String = fold(&r.title);
        let names = if r.authors.is_empty() {
            &r.editors
        } else {
            &r.authors
        };
        let title_tokens = title_tokens(&r.title);
        let mut token_set: Vec<u64> = title_tokens.iter().map(|t| word_hash(t)).collect();
        token_set.sort_unstable();
        token_set.dedup();
        Fingerprint {
            title_tokens,
            token_set,
            trigrams: trigrams(&compact_title),
            compact_title,
            authors: names.iter().map(AuthorKey::of).collect(),
            year: r.year(),
            preprint: r.kind == Kind::Preprint,
            kind: r.kind,
            arxiv: r.ids.arxiv.as_ref().map(|a| a.to_string()),
            openreview: r.ids.openreview.as_ref().map(|o| o.to_string()),
            doi: r.ids.doi.as_ref().map(|d| d.to_string()),
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
            container: r.container.clone(),
            publisher: r.publisher.as_deref().map(fold).filter(|p| !p.is_empty()),
            volume: r.volume.as_deref().and_then(normalize_number),
            pages: r.pages.as_ref().and_then(page_span),
            numbers: title_numbers(&r.title),
        }
    }
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

/// Whether two folded family names are the same name, allowing one slip
/// (`achibat`/`achtibat`, `drever`/`dreyer`) in names of five letters or
/// more, and two in names of eight or more; short names must be equal
/// (`bach` is not `back`).
pub(crate) fn same_family(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shorter = a.chars().count().min(b.chars().count());
    let allowed = match shorter {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    };
    allowed > 0 && edit_distance_within(a, b, allowed)
}

/// Levenshtein distance ≤ `k`, in a band of the DP table, without allocating
/// (names longer than 62 bytes must be equal). Works on bytes: folded names
/// are ASCII.
fn edit_distance_within(a: &str, b: &str, k: usize) -> bool {
    const MAX: usize = 63;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > k || a.len() >= MAX || b.len() >= MAX {
        return false;
    }
    let big = usize::MAX / 2;
    let mut prev = [big; MAX];
    let mut cur = [big; MAX];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur.fill(big);
        cur[0] = i;
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > k {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= k
}

/// Whether two sets of initials can belong to one person: the same first
/// initial, or one contained in the other in order (`A` in `BA`, `M` in `QM`).
pub(crate) fn initials_compatible(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() || a.chars().next() == b.chars().next() {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

pub(crate) fn same_author(a: &AuthorKey, b: &AuthorKey) -> bool {
    (same_family(&a.family, &b.family)
        || (a.full != a.family || b.full != b.family) && same_family(&a.full, &b.full))
        && initials_compatible(&a.initials, &b.initials)
}

/// Length of the longest common subsequence of two author lists (fuzzy
/// equality, [`same_author`]). Lists longer than 64 names (collaborations of
/// hundreds) are compared in full: equal lists by their fingerprints
/// ([`author_print`]), others name by name on exact family names (no
/// spelling slips), in time proportional to the product of the lengths.
pub(crate) fn author_lcs(a: &[AuthorKey], b: &[AuthorKey]) -> usize {
    if a.len() > 64 || b.len() > 64 {
        return long_author_lcs(a, b);
    }
    let mut prev = [0u8; 65];
    let mut cur = [0u8; 65];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if same_author(x, y) {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    usize::from(prev[b.len()])
}

fn long_author_lcs(a: &[AuthorKey], b: &[AuthorKey]) -> usize {
    if a.len() == b.len() && author_print(a) == author_print(b) {
        return a.len();
    }
    let same = |x: &AuthorKey, y: &AuthorKey| {
        (x.family == y.family || x.full == y.full) && initials_compatible(&x.initials, &y.initials)
    };
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if same(x, y) {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as usize
}

/// A fingerprint of a whole author list: family names (without particles)
/// and first initials, in order.
pub(crate) fn author_print(list: &[AuthorKey]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for k in list {
        for b in k
            .family
            .bytes()
            .chain(k.initials.bytes().take(1))
            .chain([0xff])
        {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
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

/// The longest run of consecutive title tokens the two titles share.
pub(crate) fn longest_shared_run(a: &[String], b: &[String]) -> Vec<String> {
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
    a[best.0..best.0 + best.1].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_slips() {
        assert!(same_family("achibat", "achtibat"));
        assert!(same_family("achtabat", "achtibat"));
        assert!(same_family("drever", "dreyer"));
        assert!(same_family("golterman", "goltermann"));
        assert!(same_family("ropel", "ropele"));
        assert!(!same_family("bach", "back"));
        assert!(!same_family("samek", "sturm"));
        assert!(!same_family("weber", "weiss"));
    }

    #[test]
    fn initials() {
        assert!(initials_compatible("D", "DG"));
        assert!(initials_compatible("QM", "M"));
        assert!(initials_compatible("A", "BA"));
        assert!(initials_compatible("MMC", "MCM"));
        assert!(!initials_compatible("S", "W"));
    }

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
        let a = trigrams(&fold("with SemanticLens"));
        let b = trigrams(&fold("with Semantic Lens"));
        assert_eq!(dice(&a, &b), 1.0);
        let run = longest_shared_run(
            &title_tokens("PatClArC: Using Pattern Concept Activation Vectors for Noise-Robust Model Debugging"),
            &title_tokens("Navigating Neural Space: Revisiting Concept Activation Vectors to Overcome Directional Divergence"),
        );
        assert_eq!(run, ["concept", "activation", "vector"]);
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
    fn author_lists() {
        let k = |f: &str, i: &str| AuthorKey {
            family: f.into(),
            full: f.into(),
            initials: i.into(),
        };
        let pre = [
            k("becker", "S"),
            k("ackermann", "M"),
            k("lapuschkin", "S"),
            k("muller", "KR"),
            k("samek", "W"),
        ];
        let publ = [
            k("becker", "S"),
            k("vielhaben", "J"),
            k("ackermann", "M"),
            k("muller", "KR"),
            k("lapuschkin", "S"),
            k("samek", "W"),
        ];
        assert_eq!(author_lcs(&pre, &publ), 4);
        // Long lists are compared in full, not cut at 64 names.
        let long: Vec<AuthorKey> = (0..200).map(|i| k(&format!("author{i}"), "A")).collect();
        assert_eq!(author_lcs(&long, &long.clone()), 200);
        let mut other = long.clone();
        other.remove(150);
        other.push(k("zeta", "Z"));
        assert_eq!(author_lcs(&long, &other), 199);
        assert_eq!(author_lcs(&other, &long), 199);
    }

    #[test]
    fn particles() {
        assert!(PARTICLES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(core_family("de Rijke"), "Rijke");
        assert_eq!(core_family("van der Smagt"), "Smagt");
        assert_eq!(core_family("De la Cruz"), "Cruz");
        assert_eq!(core_family("van 't Hoff"), "Hoff");
        assert_eq!(core_family("Van"), "Van");
        assert_eq!(core_family("Müller"), "Müller");
        let of = |family: &str, particle: Option<&str>| {
            let mut p = crate::model::Person::new(family, Some("M."));
            p.particle = particle.map(str::to_string);
            AuthorKey::of(&p)
        };
        let braced = of("de Rijke", None);
        let prefixed = of("Rijke", Some("de"));
        let dropped = of("Rijke", None);
        assert!(same_author(&braced, &prefixed));
        assert!(same_author(&braced, &dropped));
        assert!(same_author(&of("Le Cun", None), &of("LeCun", None)));
        assert!(!same_author(&of("de Rijke", None), &of("de Vries", None)));
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
