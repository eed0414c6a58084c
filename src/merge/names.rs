//! Author lists as the merge compares them: folded family names (with and
//! without particles) and initials, kept in one buffer per list.

use crate::model::Person;
use crate::text::fold;

/// One author as the merge compares them: views into a [`Names`] buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AuthorKey<'a> {
    /// Folded family name without particles: `rijke`.
    pub family: &'a str,
    /// Folded family name with them, as one word: `derijke` (`Le Cun` = `LeCun`).
    pub full: &'a str,
    /// Upper-case initials: `KR`.
    pub initials: &'a str,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    family: u16,
    /// 0 when the full name is the family name (no particle).
    full: u16,
    initials: u16,
}

/// An author (or editor) list, compact: the folded parts of all names in one
/// string, and where each name's parts start.
///
/// `{de Rijke}, Maarten` (the particle braced into the family name) and
/// `family=Rijke, prefix=de` both give `rijke` and `derijke`: exports of one
/// library differ in where they put the particle, and some CVs drop it.
/// Names compare equal when either form does ([`same_author`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Names {
    text: Box<str>,
    spans: Box<[Span]>,
}

impl Names {
    pub(crate) fn of(people: &[Person]) -> Names {
        // The folded names in a buffer of the thread, then in a box of
        // their size (no allocation to shrink: a million lists at 1M).
        thread_local! {
            static TEXT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        TEXT.with(|buf| Names::folded(people, &mut buf.borrow_mut()))
    }

    fn folded(people: &[Person], text: &mut String) -> Names {
        text.clear();
        let mut spans = Vec::with_capacity(people.len());
        let len = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        for p in people {
            let start = text.len();
            let core = core_family(p.family());
            fold_into(core, text);
            let core_end = text.len();
            if p.particle().is_none() && core.len() == p.family().len() {
                // No particle anywhere: the full name is the core.
            } else {
                if let Some(particle) = p.particle() {
                    fold_into(particle, text);
                }
                fold_into(p.family(), text);
            }
            let full_len = if text[core_end..] == text[start..core_end] {
                text.truncate(core_end);
                0
            } else {
                text.len() - core_end
            };
            let initials_start = text.len();
            push_initials(p, text);
            spans.push(Span {
                start: u32::try_from(start).unwrap_or(u32::MAX),
                family: len(core_end - start),
                full: len(full_len),
                initials: len(text.len() - initials_start),
            });
        }
        Names {
            text: Box::from(text.as_str()),
            spans: spans.into_boxed_slice(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(crate) fn get(&self, i: usize) -> AuthorKey<'_> {
        let s = self.spans[i];
        let at = |from: usize, len: u16| self.text.get(from..from + usize::from(len)).unwrap_or("");
        let start = s.start as usize;
        let family = at(start, s.family);
        let full_start = start + usize::from(s.family);
        let full = if s.full == 0 {
            family
        } else {
            at(full_start, s.full)
        };
        AuthorKey {
            family,
            full,
            initials: at(full_start + usize::from(s.full), s.initials),
        }
    }

    pub(crate) fn first(&self) -> Option<AuthorKey<'_>> {
        (!self.spans.is_empty()).then(|| self.get(0))
    }

    pub(crate) fn last(&self) -> Option<AuthorKey<'_>> {
        self.spans.len().checked_sub(1).map(|i| self.get(i))
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = AuthorKey<'_>> {
        (0..self.spans.len()).map(|i| self.get(i))
    }

    /// A fingerprint of the whole list: family names (without particles) and
    /// first initials, in order.
    pub(crate) fn print(&self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for k in self.iter() {
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
}

/// Appends [`fold`]`(s)` to `out` (ASCII without allocating).
fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        out.push_str(&fold(s));
    }
}

/// Appends [`Person::initials`] to `out`.
fn push_initials(p: &Person, out: &mut String) {
    let Some(given) = p.given() else {
        return;
    };
    for part in given.split(|c: char| c.is_whitespace() || c == '-' || c == '.') {
        match part.chars().next() {
            Some(c) if c.is_ascii() => out.push(c.to_ascii_uppercase()),
            Some(c) => out.extend(c.to_uppercase()),
            None => {}
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
    allowed > 0 && close_letters(a, b, allowed) && edit_distance_within(a, b, allowed)
}

/// A quick test that can only fail for names more than `k` edits apart: an
/// edit changes the letters of a name by at most two (one out, one in).
fn close_letters(a: &str, b: &str, k: usize) -> bool {
    let mut count = [0i16; 64];
    for x in a.bytes() {
        count[usize::from(x & 63)] += 1;
    }
    for y in b.bytes() {
        count[usize::from(y & 63)] -= 1;
    }
    count
        .iter()
        .map(|c| c.unsigned_abs() as usize)
        .sum::<usize>()
        <= 2 * k
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

/// Whether two names can be one person: family names the same (slips
/// allowed) with or without particles, and compatible initials.
pub(crate) fn same_author(a: AuthorKey, b: AuthorKey) -> bool {
    (same_family(a.family, b.family)
        || (a.full != a.family || b.full != b.family) && same_family(a.full, b.full))
        && initials_compatible(a.initials, b.initials)
}

/// Length of the longest common subsequence of two author lists (fuzzy
/// equality, [`same_author`]). Lists longer than 64 names (collaborations of
/// hundreds) are compared in full: equal lists by their fingerprints
/// ([`Names::print`]), others name by name on exact family names (no
/// spelling slips), in time proportional to the product of the lengths.
pub(crate) fn author_lcs(a: &Names, b: &Names) -> usize {
    if a.len() > 64 || b.len() > 64 {
        return long_author_lcs(a, b);
    }
    let mut keys = [AuthorKey {
        family: "",
        full: "",
        initials: "",
    }; 64];
    for (k, y) in keys.iter_mut().zip(b.iter()) {
        *k = y;
    }
    let keys = &keys[..b.len()];
    let mut prev = [0u8; 65];
    let mut cur = [0u8; 65];
    for x in a.iter() {
        for (j, &y) in keys.iter().enumerate() {
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

fn long_author_lcs(a: &Names, b: &Names) -> usize {
    if a.len() == b.len() && a.print() == b.print() {
        return a.len();
    }
    let same = |x: AuthorKey, y: AuthorKey| {
        (x.family == y.family || x.full == y.full) && initials_compatible(x.initials, y.initials)
    };
    let b_keys: Vec<AuthorKey> = b.iter().collect();
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for x in a.iter() {
        for (j, &y) in b_keys.iter().enumerate() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[(&str, &str)]) -> Names {
        let people: Vec<Person> = list.iter().map(|(f, g)| Person::new(f, Some(g))).collect();
        Names::of(&people)
    }

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
    fn compact_lists_fold_as_fold_does() {
        for (family, particle, given) in [
            ("Höhne", None, "M.-C. M."),
            ("de Rijke", None, "Maarten"),
            ("Rijke", Some("de"), "Maarten"),
            ("Ødegård", Some("van"), "øyvind"),
            ("Plato", None, ""),
        ] {
            let mut p = Person::new(family, Some(given).filter(|g| !g.is_empty()));
            p.set_particle(particle);
            let list = Names::of(std::slice::from_ref(&p));
            let k = list.get(0);
            let full = fold(&format!("{}{family}", particle.unwrap_or("")));
            assert_eq!(k.family, fold(core_family(family)));
            assert_eq!(k.full, full);
            assert_eq!(k.initials, p.initials());
        }
    }

    #[test]
    fn compact_lists() {
        let mut p = Person::new("Rijke", Some("Maarten"));
        p.set_particle(Some("de"));
        let list = Names::of(&[Person::new("Müller", Some("K.-R.")), p]);
        assert_eq!(list.len(), 2);
        let k = list.get(0);
        assert_eq!((k.family, k.full, k.initials), ("muller", "muller", "KR"));
        let k = list.get(1);
        assert_eq!((k.family, k.full, k.initials), ("rijke", "derijke", "M"));
        assert_eq!(list.last(), Some(k));
        assert!(Names::of(&[]).first().is_none());
    }

    #[test]
    fn author_lists() {
        let pre = names(&[
            ("Becker", "S"),
            ("Ackermann", "M"),
            ("Lapuschkin", "S"),
            ("Müller", "KR"),
            ("Samek", "W"),
        ]);
        let publ = names(&[
            ("Becker", "S"),
            ("Vielhaben", "J"),
            ("Ackermann", "M"),
            ("Müller", "KR"),
            ("Lapuschkin", "S"),
            ("Samek", "W"),
        ]);
        assert_eq!(author_lcs(&pre, &publ), 4);
        // Long lists are compared in full, not cut at 64 names.
        let many: Vec<(String, &str)> = (0..200).map(|i| (format!("Author{i}"), "A")).collect();
        let list = |v: &[(String, &str)]| {
            let refs: Vec<(&str, &str)> = v.iter().map(|(f, g)| (f.as_str(), *g)).collect();
            names(&refs)
        };
        let long = list(&many);
        assert_eq!(author_lcs(&long, &list(&many)), 200);
        let mut other = many.clone();
        other.remove(150);
        other.push(("Zeta".into(), "Z"));
        let other = list(&other);
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
            let mut p = Person::new(family, Some("M."));
            p.set_particle(particle);
            Names::of(&[p])
        };
        let (braced, prefixed, dropped) = (
            of("de Rijke", None),
            of("Rijke", Some("de")),
            of("Rijke", None),
        );
        assert!(same_author(braced.get(0), prefixed.get(0)));
        assert!(same_author(braced.get(0), dropped.get(0)));
        let (spaced, joined) = (of("Le Cun", None), of("LeCun", None));
        assert!(same_author(spaced.get(0), joined.get(0)));
        let vries = of("de Vries", None);
        assert!(!same_author(braced.get(0), vries.get(0)));
    }
}
