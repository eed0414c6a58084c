//! Candidate pairs by blocking: two references are compared only when they
//! share a blocking key. Keys: each identifier, each code repository, the
//! folded title, pairs of the title's three rarest words (so that a title with
//! one word changed still shares a key), and first + last author.
//!
//! Keys are hashed to `u64` (the kind of key in the top three bits) and
//! sorted with their reference numbers; runs of one key form a block. Blocks
//! of up to [`SMALL_BLOCK`] members yield all their pairs. Larger blocks (a
//! common title, common words, a prolific pair of authors) are sorted so
//! that the listings of one work come together and each member is paired
//! with its next [`WINDOW`] neighbours (sorted neighbourhood): blocks of a
//! title or of title words by first author and year, blocks of authors or
//! identifiers by year and title. No block costs more than `WINDOW` pairs
//! per member, so the number of pairs grows with the number of references,
//! not with the square of a block.

use std::collections::HashMap;

use super::fingerprints::Fingerprints;
use super::normalize::Fingerprint;
use crate::fasthash::FastHash;
use crate::parallel::Spare;

const SMALL_BLOCK: usize = 24;
const WINDOW: usize = 6;

/// What a blocking key is made of (the top three bits of the key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Tag {
    Arxiv = 1,
    OpenReview = 2,
    Doi = 3,
    Code = 4,
    Title = 5,
    Words = 6,
    Authors = 7,
}

fn tag_of(key: u64) -> u8 {
    (key >> 61) as u8
}

fn hash(tag: Tag, parts: &[&[u8]]) -> u64 {
    // FNV-1a, 64 bit: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(tag as u8);
    for p in parts {
        for &b in p.iter().chain(std::iter::once(&0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    with_tag(tag, h)
}

fn with_tag(tag: Tag, h: u64) -> u64 {
    (h >> 3) | (u64::from(tag as u8) << 61)
}

/// Three letters of the family name and the first initial: `samW`.
fn author_key(f: &Fingerprint, last: bool) -> Option<([u8; 16], usize)> {
    let a = if last {
        f.authors.last()
    } else {
        f.authors.first()
    }?;
    let mut key = [0u8; 16];
    let mut n = 0;
    for c in a.family.chars().take(3) {
        n += c.encode_utf8(&mut key[n..]).len();
    }
    let initial = a.initials.chars().next().unwrap_or('_');
    n += initial.encode_utf8(&mut key[n..]).len();
    Some((key, n))
}

/// All blocking keys of one reference.
fn keys(f: &Fingerprint, df: &HashMap<u64, u32, FastHash>, out: &mut Vec<u64>) {
    if let Some(a) = f.arxiv() {
        out.push(hash(Tag::Arxiv, &[a.as_bytes()]));
    }
    if let Some(o) = f.openreview() {
        out.push(hash(Tag::OpenReview, &[o.as_bytes()]));
    }
    if let Some(d) = f.doi() {
        out.push(hash(Tag::Doi, &[d.as_bytes()]));
    }
    for c in f.code_urls() {
        out.push(hash(Tag::Code, &[c.as_bytes()]));
    }
    if let Some(t) = f.title_key() {
        out.push(with_tag(Tag::Title, t));
    }
    // The three rarest words (by document frequency, then hash), each
    // looked up once, kept in order as they come (no list per reference).
    let mut rare = [(u32::MAX, u64::MAX); 3];
    for &t in f.token_set.iter() {
        let mut e = (df.get(&t).copied().unwrap_or(0), t);
        for slot in rare.iter_mut() {
            if e < *slot {
                std::mem::swap(slot, &mut e);
            }
        }
    }
    let rare = &rare[..f.token_set.len().min(3)];
    for i in 0..rare.len() {
        for j in i + 1..rare.len() {
            let (x, y) = (rare[i].1.min(rare[j].1), rare[i].1.max(rare[j].1));
            out.push(hash(Tag::Words, &[&x.to_le_bytes(), &y.to_le_bytes()]));
        }
    }
    if let (Some((first, n)), Some((last, m))) = (author_key(f, false), author_key(f, true)) {
        out.push(hash(Tag::Authors, &[&first[..n], &last[..m]]));
    }
}

/// In how many items' titles each word (hash) occurs.
pub(crate) fn document_frequencies(fps: &Fingerprints) -> HashMap<u64, u32, FastHash> {
    let mut df: HashMap<u64, u32, FastHash> = HashMap::default();
    for f in fps.iter() {
        for &t in f.token_set.iter() {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    df
}

/// Key partitions: blocks are found and paired in each on its own (a
/// key's partition is a function of the key, so a block is never split).
const KEY_PARTS: usize = 64;

/// Key partitions at a time: the keys of all references are kept once,
/// one `u64` each, and handed out with their reference numbers to a group
/// of partitions at a time (holding all keys with their numbers, by
/// partition, took 140 MB more at 1M references).
const GROUP: usize = 8;

/// Ranges of first items: the pairs of each are counted on their own.
const PAIR_PARTS: usize = 16;

/// The candidate pairs `(i, j)`, `i < j`: in parts, each in the order of
/// its blocks (the members of a block are compared with each other in a
/// row, while their fingerprints are in the cache), a pair that shares
/// several keys once in each of their blocks.
pub(crate) struct Candidates {
    pub parts: Vec<Vec<(u32, u32)>>,
    /// The number of distinct pairs.
    pub distinct: usize,
}

/// Candidate pairs from `df` ([`document_frequencies`]). On all cores: the
/// keys of parts of the input, then the blocks of parts of the keys.
pub(crate) fn candidate_pairs(fps: &Fingerprints, df: &HashMap<u64, u32, FastHash>) -> Candidates {
    let n = fps.len();
    // Each input part's keys, each reference's sorted and without repeats,
    // and where each reference's keys end.
    let step = n.div_ceil(16).max(4096);
    let ranges: Vec<std::ops::Range<usize>> =
        (0..n).step_by(step).map(|s| s..(s + step).min(n)).collect();
    let keyed: Vec<(Vec<u64>, Vec<u32>)> = crate::parallel::map_each(&ranges, |range| {
        let (mut all, mut ends) = (Vec::new(), Vec::with_capacity(range.len()));
        let mut buf = Vec::new();
        for i in range.clone() {
            buf.clear();
            keys(&fps[i], df, &mut buf);
            buf.sort_unstable();
            buf.dedup();
            all.extend_from_slice(&buf);
            ends.push(all.len() as u32);
        }
        all.shrink_to_fit();
        (all, ends)
    });
    let parts_of_input: Vec<usize> = (0..ranges.len()).collect();
    let mut parts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(KEY_PARTS);
    // The lists of one group, emptied, hold the keys of the next.
    let spare: Spare<Vec<(u64, u32)>> = Spare::new();
    for group in (0..KEY_PARTS).step_by(GROUP) {
        // Each input part's keys of this group's partitions, by partition.
        let split: Vec<Vec<Vec<(u64, u32)>>> = crate::parallel::map_each(&parts_of_input, |&k| {
            let ((all, ends), first) = (&keyed[k], ranges[k].start);
            let mut out: Vec<Vec<(u64, u32)>> = (0..GROUP)
                .map(|_| spare.take().unwrap_or_default())
                .collect();
            let mut from = 0;
            for (m, &end) in ends.iter().enumerate() {
                for &key in &all[from..end as usize] {
                    let p = key_part(key).wrapping_sub(group);
                    if p < GROUP {
                        out[p].push((key, (first + m) as u32));
                    }
                }
                from = end as usize;
            }
            out
        });
        // Each key partition's pairs, block by block.
        let key_parts: Vec<usize> = (0..GROUP).collect();
        parts.extend(crate::parallel::map_each(&key_parts, |&p| {
            let mut entries = spare.take().unwrap_or_default();
            entries.reserve(split.iter().map(|k| k[p].len()).sum());
            for k in &split {
                entries.extend_from_slice(&k[p]);
            }
            entries.sort_unstable();
            let mut pairs: Vec<(u32, u32)> = Vec::new();
            let mut start = 0;
            while start < entries.len() {
                let key = entries[start].0;
                let end = start + entries[start..].partition_point(|e| e.0 == key);
                if end - start > 1 {
                    let members: Vec<u32> = entries[start..end].iter().map(|e| e.1).collect();
                    block_pairs(tag_of(key), &members, fps, &mut pairs);
                }
                start = end;
            }
            pairs.shrink_to_fit();
            entries.clear();
            spare.give(entries);
            pairs
        }));
        for mut list in split.into_iter().flatten() {
            list.clear();
            spare.give(list);
        }
    }
    drop(keyed);
    Candidates {
        distinct: count_distinct(&parts, n),
        parts,
    }
}

/// How many different pairs the parts hold: by range of first items, on
/// all cores.
fn count_distinct(parts: &[Vec<(u32, u32)>], n: usize) -> usize {
    let span = n.div_ceil(PAIR_PARTS).max(1);
    let ranges: Vec<usize> = (0..PAIR_PARTS).collect();
    crate::parallel::map_each(&ranges, |&r| {
        let first = (r * span) as u64;
        let mut pairs: Vec<u64> = parts
            .iter()
            .flatten()
            .filter(|p| p.0 as usize / span == r)
            .map(|&(i, j)| (u64::from(i) - first) << 32 | u64::from(j))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs.len()
    })
    .into_iter()
    .sum()
}

fn key_part(key: u64) -> usize {
    (key as usize) % KEY_PARTS
}

fn block_pairs(tag: u8, members: &[u32], fps: &Fingerprints, pairs: &mut Vec<(u32, u32)>) {
    let ordered = |a: u32, b: u32| if a < b { (a, b) } else { (b, a) };
    if members.len() <= SMALL_BLOCK {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                pairs.push(ordered(a, b));
            }
        }
        return;
    }
    let mut sorted = members.to_vec();
    if tag == Tag::Title as u8 || tag == Tag::Words as u8 {
        // One title (or title words) for many works: the listings of one
        // work share the first author.
        sorted.sort_by_cached_key(|&m| {
            let f = &fps[m as usize];
            let first = f.authors.first().map(|a| a.family.to_string());
            (first, f.year, m)
        });
    } else {
        sorted.sort_by_cached_key(|&m| {
            let f = &fps[m as usize];
            (f.year, f.compact_title(), m)
        });
    }
    for (k, &a) in sorted.iter().enumerate() {
        for &b in sorted.iter().skip(k + 1).take(WINDOW) {
            pairs.push(ordered(a, b));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Kind, Person, Reference};

    fn paper(first: &str, title: &str, year: i32) -> Reference {
        let mut r = Reference::new(Kind::JournalArticle, title);
        r.authors = vec![
            Person::new(first, Some("A.")),
            Person::new("Last", Some("Z.")),
        ];
        r.issued = Some(Date::year(year));
        r
    }

    #[test]
    fn a_large_title_block_pairs_the_listings_of_one_work() {
        // 300 works titled "Editorial" of one year by 300 first authors, and
        // a second listing of one of them at the end: a block far above
        // SMALL_BLOCK, in which input order puts the two listings far apart.
        let mut refs: Vec<Reference> = (0..300)
            .map(|i| paper(&format!("Author{i:03}"), "Editorial", 2010))
            .collect();
        refs.push(paper("Author007", "Editorial", 2010));
        let listed: Vec<&Reference> = refs.iter().collect();
        let fps = Fingerprints::of(&listed);
        let found = candidate_pairs(&fps, &document_frequencies(&fps));
        let pairs: Vec<(u32, u32)> = found.parts.into_iter().flatten().collect();
        assert!(pairs.contains(&(7, 300)), "the two listings are compared");
        let mut distinct = pairs.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(found.distinct, distinct.len());
        // Bounded: at most WINDOW pairs per member in each of its keys.
        assert!(pairs.len() <= refs.len() * WINDOW * 3, "{}", pairs.len());
    }
}
