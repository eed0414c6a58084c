//! Choosing the fields of a merged record from its listings.
//!
//! Listings are ordered oldest to newest (input order). The record takes the
//! newest published listing's fields, but never a value that looks damaged:
//! a year from a "pre-proof" listing, a placeholder or missing locator when
//! another listing has one, a title with unbalanced quotes, or an author name
//! that is a slip of the spelling used elsewhere (see [`NameStats`]).

use std::collections::HashMap;

use super::names::{same_author, Names};
use super::normalize::normalize_url;
use crate::fasthash::FastHash;
use crate::model::{Kind, NoteKind, Person, Reference};
use crate::text::fold;

/// How often each spelling of each family name occurs in the whole input:
/// a spelling seen once beside one seen a dozen times is a slip. Only the
/// spellings that disagree inside some record are counted. Keys borrow from
/// the references (particle, family, given).
#[derive(Debug, Default)]
pub(crate) struct NameStats<'a> {
    spellings: HashMap<(&'a str, &'a str), u32, FastHash>,
    full: HashMap<(&'a str, &'a str, &'a str), u32, FastHash>,
}

fn parts(p: &Person) -> (&str, &str, &str) {
    (
        p.particle().unwrap_or(""),
        p.family(),
        p.given().unwrap_or(""),
    )
}

impl<'a> NameStats<'a> {
    /// Counts, over all `refs` but the copies of another (`copy_of`: one
    /// listing read twice is one spelling), the spellings that disagree
    /// somewhere inside one of the `clusters` (lists of listings): only those
    /// are ever compared.
    pub(crate) fn of(refs: &'a [Reference], clusters: &[&[u32]], copy_of: &[Option<u32>]) -> Self {
        let mut s = NameStats::default();
        for cluster in clusters {
            let first = &refs[cluster[0] as usize];
            if cluster.iter().all(|&m| {
                let r = &refs[m as usize];
                r.authors == first.authors && r.editors == first.editors
            }) {
                continue;
            }
            for &m in cluster.iter() {
                let r = &refs[m as usize];
                for p in r.authors.iter().chain(&r.editors) {
                    let (particle, family, _) = parts(p);
                    s.spellings.insert((particle, family), 0);
                }
            }
        }
        if s.spellings.is_empty() {
            return s;
        }
        // Counted on all cores, a part of the input each (one pass over a
        // million listings' names took a second and a half on one core):
        // each part counts the spellings by their number, and the full
        // names in a map of its own; the parts' counts are then added up.
        let number: HashMap<(&str, &str), usize, FastHash> = s
            .spellings
            .keys()
            .enumerate()
            .map(|(k, &spelling)| (spelling, k))
            .collect();
        let listed: Vec<&Reference> = refs
            .iter()
            .zip(copy_of)
            .filter(|(_, c)| c.is_none())
            .map(|(r, _)| r)
            .collect();
        type Full<'b> = HashMap<(&'b str, &'b str, &'b str), u32, FastHash>;
        let parts_of: Vec<&[&'a Reference]> =
            listed.chunks(listed.len().div_ceil(4).max(1)).collect();
        let counted = crate::parallel::map_each(&parts_of, |part| {
            let mut counts = vec![0u32; number.len()];
            let mut full: Full<'a> = HashMap::default();
            for r in part.iter() {
                for p in r.authors.iter().chain(&r.editors) {
                    let (particle, family, given) = parts(p);
                    if let Some(&k) = number.get(&(particle, family)) {
                        counts[k] += 1;
                        *full.entry((particle, family, given)).or_insert(0) += 1;
                    }
                }
            }
            (counts, full)
        });
        let mut counts = vec![0u32; number.len()];
        let mut full: Full<'a> = HashMap::default();
        for (part_counts, part_full) in counted {
            counts
                .iter_mut()
                .zip(part_counts)
                .for_each(|(c, n)| *c += n);
            if full.is_empty() {
                full = part_full;
            } else {
                for (name, n) in part_full {
                    *full.entry(name).or_insert(0) += n;
                }
            }
        }
        for (spelling, k) in number {
            s.spellings.insert(spelling, counts[k]);
        }
        s.full = full;
        s
    }

    fn count(&self, p: &Person) -> u32 {
        let (particle, family, _) = parts(p);
        self.spellings
            .get(&(particle, family))
            .copied()
            .unwrap_or(0)
    }

    fn count_full(&self, p: &Person) -> u32 {
        self.full.get(&parts(p)).copied().unwrap_or(0)
    }
}

/// Whether `long` is `short` with one letter added (`Goltermann`/`Golterman`):
/// letters are dropped by slips more often than added.
fn one_letter_longer(long: &str, short: &str) -> bool {
    let (l, s): (Vec<char>, Vec<char>) = (long.chars().collect(), short.chars().collect());
    if l.len() != s.len() + 1 {
        return false;
    }
    (0..l.len()).any(|skip| {
        l.iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| c)
            .eq(s.iter())
    })
}

/// Picks one person among the spellings of one author (listed oldest to newest).
fn pick_person(variants: &[&Person], stats: &NameStats) -> Person {
    let newest = variants[variants.len() - 1];
    let mut best = newest;
    for &cand in variants.iter().rev() {
        let (cb, cc) = (stats.count(best), stats.count(cand));
        let family_better = if cand.full_family() == best.full_family() {
            false
        } else if cc >= 3 && cc >= 3 * cb {
            true
        } else if cb >= 3 && cb >= 3 * cc {
            false
        } else {
            one_letter_longer(&cand.full_family(), &best.full_family())
        };
        if family_better {
            best = cand;
        }
    }
    // Given names: the form used most often with this family name, then the fullest
    // (the person built once, with its given name: not cloned and then set).
    let family = best.full_family();
    let given = variants
        .iter()
        .filter(|p| p.full_family() == family)
        .max_by_key(|p| (stats.count_full(p), p.initials().len()))
        .and_then(|p| p.given());
    match given {
        Some(g) if best.given() != Some(g) => {
            Person::from_parts(best.family(), Some(g), best.particle(), best.suffix())
        }
        _ => best.clone(),
    }
}

/// Aligns `other` to `base` (fuzzy author equality, longest common subsequence):
/// for each author of `base`, the matching index in `other`.
fn align(base: &Names, other: &Names) -> Vec<Option<usize>> {
    let (n, m) = (base.len(), other.len());
    let w = m + 1;
    let mut t = vec![0u16; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if same_author(base.get(i), other.get(j)) {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same_author(base.get(i), other.get(j)) && t[i * w + j] == t[(i + 1) * w + j + 1] + 1 {
            out[i] = Some(j);
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn keys_of(people: &[Person]) -> Names {
    Names::of(people)
}

/// The author (or editor) list: the primary listing's order, each name chosen
/// among its spellings in all listings; `None` when all listings agree.
fn reconcile_people(
    members: &[&Reference],
    primary: &Reference,
    editors: bool,
    stats: &NameStats,
) -> Option<Vec<Person>> {
    fn people(r: &Reference, editors: bool) -> &[Person] {
        if editors {
            &r.editors
        } else {
            &r.authors
        }
    }
    let list = |r| people(r, editors);
    let base = list(primary);
    // All listings agree (the usual case): nothing to choose.
    if base.len() > 200 || members.iter().all(|m| list(m) == base) {
        return None;
    }
    let base_keys = keys_of(base);
    let mut variants: Vec<Vec<&Person>> = vec![Vec::new(); base.len()];
    for m in members {
        let people = list(m);
        for (i, j) in align(&base_keys, &keys_of(people)).into_iter().enumerate() {
            if let Some(j) = j {
                variants[i].push(&people[j]);
            }
        }
    }
    let chosen = variants
        .iter()
        .zip(base)
        .map(|(v, b)| {
            if v.is_empty() {
                b.clone()
            } else {
                pick_person(v, stats)
            }
        })
        .collect();
    Some(chosen)
}

/// A title with unbalanced quotes or brackets was cut or garbled (`ECQ": ...`).
fn title_damaged(t: &str) -> bool {
    let count = |c: char| t.chars().filter(|&x| x == c).count();
    count('"') % 2 == 1
        || count('“') != count('”')
        || count('(') != count(')')
        || count('[') != count(']')
}

/// Builds the merged record from its listings, oldest first.
pub(crate) fn reconcile(members: &[&Reference], stats: &NameStats) -> Reference {
    if let [only] = members {
        return (*only).clone();
    }
    let published: Vec<&Reference> = members
        .iter()
        .copied()
        .filter(|r| r.kind != Kind::Preprint)
        .collect();
    let pool: &[&Reference] = if published.is_empty() {
        members
    } else {
        &published
    };
    let primary = *pool.last().unwrap_or(&members[members.len() - 1]);
    let mut r = primary.clone();

    if let Some(t) = pool.iter().rev().find(|m| !title_damaged(&m.title)) {
        r.title = t.title.clone();
    }
    let proper_year = |m: &&&Reference| {
        m.issued.is_some()
            && !m
                .notes
                .iter()
                .any(|n| n.kind == NoteKind::Status && fold(&n.text).contains("preproof"))
    };
    if let Some(m) = pool.iter().rev().find(proper_year) {
        r.issued = m.issued;
    }
    // Locator fields travel together, from the newest listing of the same kind that has real ones.
    let has_locator = |m: &&&Reference| {
        m.kind == primary.kind
            && (m.pages.as_ref().is_some_and(|p| !p.is_placeholder()) || m.article_number.is_some())
    };
    if let Some(m) = pool.iter().rev().find(has_locator) {
        r.volume = m.volume.clone();
        r.issue = m.issue.clone();
        r.pages = m.pages.clone();
        r.article_number = m.article_number.clone();
    }
    // Fields the primary listing lacks come from the newest listing that has them.
    fn newest<T: Clone>(pool: &[&Reference], get: impl Fn(&Reference) -> &Option<T>) -> Option<T> {
        pool.iter().rev().find_map(|m| get(m).clone())
    }
    r.container = r
        .container
        .take()
        .or_else(|| newest(pool, |m| &m.container));
    r.series = r.series.take().or_else(|| newest(pool, |m| &m.series));
    r.publisher = r
        .publisher
        .take()
        .or_else(|| newest(pool, |m| &m.publisher));
    r.place = r.place.take().or_else(|| newest(pool, |m| &m.place));
    if let Some(authors) = reconcile_people(members, primary, false, stats) {
        r.authors = authors;
    }
    if let Some(editors) = reconcile_people(members, primary, true, stats) {
        r.editors = editors;
    }

    // Identifiers: the newest of each kind; ISBNs united.
    for m in members.iter().rev() {
        r.ids.arxiv = r.ids.arxiv.take().or_else(|| m.ids.arxiv.clone());
        r.ids.openreview = r.ids.openreview.take().or_else(|| m.ids.openreview.clone());
        r.ids.doi = r.ids.doi.take().or_else(|| m.ids.doi.clone());
        r.ids.issn = r.ids.issn.take().or_else(|| m.ids.issn.clone());
        for isbn in &m.ids.isbn {
            if !r.ids.isbn.contains(isbn) {
                r.ids.isbn.push(isbn.clone());
            }
        }
    }
    // Links and notes of all listings, newest first, without repeats.
    r.links.clear();
    let mut seen_urls = Vec::new();
    for l in members.iter().rev().flat_map(|m| &m.links) {
        let key = normalize_url(&l.url);
        if !seen_urls.contains(&key) {
            seen_urls.push(key);
            r.links.push(l.clone());
        }
    }
    r.notes.clear();
    // Once published, "accepted for publication" is history, and so is a
    // status ("pre-proof") that a later published listing no longer has.
    let status_superseded = published
        .iter()
        .any(|m| !m.notes.iter().any(|n| n.kind == NoteKind::Status));
    let mut seen_notes = Vec::new();
    for n in members.iter().rev().flat_map(|m| &m.notes) {
        let stale = r.kind != Kind::Preprint
            && (n.kind == NoteKind::Acceptance
                || (n.kind == NoteKind::Status && status_superseded));
        let key = fold(&n.text);
        if !stale && !seen_notes.contains(&key) {
            seen_notes.push(key);
            r.notes.push(n.clone());
        }
    }
    r.sources = members
        .iter()
        .flat_map(|m| m.sources.iter().cloned())
        .collect();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_dropped() {
        assert!(one_letter_longer("goltermann", "golterman"));
        assert!(one_letter_longer("achtibat", "achibat"));
        assert!(!one_letter_longer("dreyer", "drever"));
        assert!(!one_letter_longer("abc", "abc"));
    }

    #[test]
    fn damaged_titles() {
        assert!(title_damaged("ECQ\": Explainability-Driven Quantization"));
        assert!(!title_damaged("From \"Where\" to \"What\": Towards"));
        assert!(!title_damaged("Understanding the (Extra-)Ordinary"));
    }
}
