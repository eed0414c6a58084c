//! Candidate pairs by blocking: two references are compared only when they
//! share a blocking key. Keys: each identifier, each code repository, the
//! folded title, pairs of the title's three rarest words (so that a title with
//! one word changed still shares a key), and first + last author.
//!
//! Keys are hashed to `u64` and sorted with their reference numbers; runs of
//! one key form a block. Blocks of up to [`SMALL_BLOCK`] members yield all
//! their pairs; larger blocks (common words, prolific author pairs) are sorted
//! by year and title and each member is paired with its next [`WINDOW`]
//! neighbours (sorted neighbourhood), so the number of pairs stays linear.

use std::collections::HashMap;

use crate::fasthash::FastHash;

use super::normalize::Fingerprint;

const SMALL_BLOCK: usize = 48;
const WINDOW: usize = 12;

fn hash(tag: u8, parts: &[&[u8]]) -> u64 {
    // FNV-1a, 64 bit: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(tag);
    for p in parts {
        for &b in p.iter().chain(std::iter::once(&0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

fn author_key(f: &Fingerprint, last: bool) -> Option<String> {
    let a = if last {
        f.authors.last()
    } else {
        f.authors.first()
    }?;
    let prefix: String = a.family.chars().take(3).collect();
    Some(format!(
        "{prefix}{}",
        a.initials.chars().next().unwrap_or('_')
    ))
}

/// All blocking keys of one reference.
fn keys(f: &Fingerprint, df: &HashMap<u64, u32, FastHash>, out: &mut Vec<u64>) {
    if let Some(a) = &f.arxiv {
        out.push(hash(1, &[a.as_bytes()]));
    }
    if let Some(o) = &f.openreview {
        out.push(hash(2, &[o.as_bytes()]));
    }
    if let Some(d) = &f.doi {
        out.push(hash(3, &[d.as_bytes()]));
    }
    for c in &f.code_urls {
        out.push(hash(4, &[c.as_bytes()]));
    }
    if !f.compact_title.is_empty() {
        out.push(hash(5, &[f.compact_title.as_bytes()]));
    }
    // The three rarest words (by document frequency), each looked up once.
    let mut rare: Vec<(u32, u64)> = f
        .token_set
        .iter()
        .map(|&t| (df.get(&t).copied().unwrap_or(0), t))
        .collect();
    rare.sort_unstable();
    rare.truncate(3);
    for i in 0..rare.len() {
        for j in i + 1..rare.len() {
            let (x, y) = (rare[i].1.min(rare[j].1), rare[i].1.max(rare[j].1));
            out.push(hash(6, &[&x.to_le_bytes(), &y.to_le_bytes()]));
        }
    }
    if let (Some(first), Some(last)) = (author_key(f, false), author_key(f, true)) {
        out.push(hash(7, &[first.as_bytes(), last.as_bytes()]));
    }
}

/// Candidate pairs `(i, j)` with `i < j`, sorted and without repeats.
pub(crate) fn candidate_pairs(fps: &[Fingerprint]) -> Vec<(u32, u32)> {
    let mut df: HashMap<u64, u32, FastHash> = HashMap::default();
    for f in fps {
        for &t in &f.token_set {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    let mut entries: Vec<(u64, u32)> = Vec::with_capacity(fps.len() * 8);
    let mut buf = Vec::new();
    for (i, f) in fps.iter().enumerate() {
        buf.clear();
        keys(f, &df, &mut buf);
        buf.sort_unstable();
        buf.dedup();
        entries.extend(buf.iter().map(|&k| (k, i as u32)));
    }
    entries.sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let key = entries[start].0;
        let end = start + entries[start..].partition_point(|e| e.0 == key);
        if end - start > 1 {
            let members: Vec<u32> = entries[start..end].iter().map(|e| e.1).collect();
            block_pairs(&members, fps, &mut pairs);
        }
        start = end;
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn block_pairs(members: &[u32], fps: &[Fingerprint], pairs: &mut Vec<(u32, u32)>) {
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
    sorted.sort_by(|&a, &b| {
        let (fa, fb) = (&fps[a as usize], &fps[b as usize]);
        (fa.year, &fa.compact_title, a).cmp(&(fb.year, &fb.compact_title, b))
    });
    for (k, &a) in sorted.iter().enumerate() {
        for &b in sorted.iter().skip(k + 1).take(WINDOW) {
            pairs.push(ordered(a, b));
        }
    }
}
