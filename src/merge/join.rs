//! Joining: pairs judged the same become records, strongest evidence first,
//! unless a join would put conflicting identifiers or two different
//! publications into one record.

use std::collections::HashSet;

use super::fingerprints::Fingerprints;
use super::score::{self, Corpus, Rule, Signals, Verdict};
use crate::fasthash::FastHash;

/// A candidate pair that was not judged different.
pub(crate) type Judged = (u32, u32, Verdict, Rule, Signals);

/// How many members of each side a join compares pair by pair at most: a
/// record of more listings is checked through its first (oldest) ones, so
/// that no join costs more than `CROSS_CHECK²` comparisons.
const CROSS_CHECK: usize = 64;

/// Clusters of input items (union-find); each cluster's members form a
/// circular list through `next`, so that joining costs nothing per member.
pub(crate) struct Clusters {
    parent: Vec<u32>,
    next: Vec<u32>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Clusters {
            parent: (0..n as u32).collect(),
            next: (0..n as u32).collect(),
        }
    }

    /// The cluster's root: its first (oldest) member.
    pub(crate) fn find(&mut self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            let p = self.parent[i as usize];
            self.parent[i as usize] = self.parent[p as usize];
            i = p;
        }
        i
    }

    /// The members of the cluster of `i`, in no particular order.
    pub(crate) fn members(&self, i: u32) -> impl Iterator<Item = u32> + '_ {
        let mut at = Some(i);
        std::iter::from_fn(move || {
            let here = at?;
            let next = self.next[here as usize];
            at = (next != i).then_some(next);
            Some(here)
        })
    }

    /// The clusters of all `n` listings from the clusters of the distinct
    /// ones (`distinct[k]`: the listing of distinct number `k`) and the
    /// copies (`copy_of`): each copy joins its first listing's cluster.
    pub(crate) fn with_copies(mut self, distinct: &[u32], copy_of: &[Option<u32>]) -> Clusters {
        if distinct.len() == copy_of.len() {
            return self;
        }
        let mut all = Clusters::new(copy_of.len());
        for k in 0..distinct.len() as u32 {
            let root = self.find(k);
            if root != k {
                let (a, b) = (
                    all.find(distinct[root as usize]),
                    all.find(distinct[k as usize]),
                );
                all.union(a, b);
            }
        }
        for (i, c) in copy_of.iter().enumerate() {
            if let Some(j) = *c {
                let (a, b) = (all.find(j), all.find(i as u32));
                if a != b {
                    all.union(a, b);
                }
            }
        }
        all
    }

    fn union(&mut self, ra: u32, rb: u32) {
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone as usize] = keep;
        self.next.swap(keep as usize, gone as usize);
    }
}

fn rule_rank(rule: Rule) -> u8 {
    match rule {
        Rule::SameIdentifier => 0,
        Rule::SameTitleAndAuthors => 1,
        Rule::SharedCodeRepository => 2,
        Rule::AcceptedVersion => 3,
        Rule::RetitledSameAuthors => 4,
        _ => 5,
    }
}

/// The arXiv ids (or DOIs) of a cluster's members, sorted, without repeats.
fn cluster_ids<'f>(
    clusters: &Clusters,
    root: u32,
    fps: &'f Fingerprints,
    doi: bool,
) -> Vec<&'f str> {
    let mut v: Vec<&str> = clusters
        .members(root)
        .filter_map(|i| {
            let f = &fps[i as usize];
            if doi {
                f.doi()
            } else {
                f.arxiv()
            }
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Why joining the clusters of `ra` and `rb` would be wrong, if it would.
fn conflict(
    clusters: &Clusters,
    ra: u32,
    rb: u32,
    fps: &Fingerprints,
    same: &HashSet<(u32, u32), FastHash>,
    corpus: &Corpus,
) -> Option<String> {
    for doi in [false, true] {
        let (a, b) = (
            cluster_ids(clusters, ra, fps, doi),
            cluster_ids(clusters, rb, fps, doi),
        );
        if !a.is_empty() && !b.is_empty() && !a.iter().any(|i| b.contains(i)) {
            return Some(format!(
                "the records would hold different {} ids ({} and {})",
                if doi { "DOI" } else { "arXiv" },
                a.join(", "),
                b.join(", ")
            ));
        }
    }
    let oldest = |root: u32| -> Vec<u32> {
        let mut m: Vec<u32> = clusters.members(root).collect();
        m.sort_unstable();
        m.truncate(CROSS_CHECK);
        m
    };
    let (x, y) = (oldest(ra), oldest(rb));
    for &i in &x {
        for &j in &y {
            let (fi, fj) = (&fps[i as usize], &fps[j as usize]);
            if fi.preprint || fj.preprint || same.contains(&(i.min(j), i.max(j))) {
                continue;
            }
            if !matches!(score::judge(fi, fj, corpus), Some((Verdict::Same, ..))) {
                return Some("the record would hold two different publications".to_string());
            }
        }
    }
    None
}

/// A decision of the join: the pair, and why it was held apart if it was.
pub(crate) struct Decision<'j> {
    pub pair: &'j Judged,
    pub held_apart: Option<String>,
}

/// Joins the pairs judged the same, strongest first. Returns the clusters,
/// the joins made and the pairs left apart (held apart, or only possibly
/// the same), the latter not yet deduplicated by record.
pub(crate) fn join<'j>(
    n: usize,
    judged: &'j [Judged],
    fps: &Fingerprints,
    corpus: &Corpus,
) -> (Clusters, Vec<Decision<'j>>, Vec<Decision<'j>>) {
    let mut same: Vec<&Judged> = judged.iter().filter(|p| p.2 == Verdict::Same).collect();
    same.sort_by(|a, b| {
        (rule_rank(a.3), -a.4.title_similarity, a.0, a.1)
            .partial_cmp(&(rule_rank(b.3), -b.4.title_similarity, b.0, b.1))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let same_set: HashSet<(u32, u32), FastHash> = same.iter().map(|p| (p.0, p.1)).collect();
    let mut clusters = Clusters::new(n);
    let (mut merged, mut possible) = (Vec::new(), Vec::new());
    for p in same {
        let (ra, rb) = (clusters.find(p.0), clusters.find(p.1));
        if ra == rb {
            continue;
        }
        match conflict(&clusters, ra, rb, fps, &same_set, corpus) {
            Some(why) => possible.push(Decision {
                pair: p,
                held_apart: Some(why),
            }),
            None => {
                clusters.union(ra, rb);
                merged.push(Decision {
                    pair: p,
                    held_apart: None,
                });
            }
        }
    }
    for p in judged.iter().filter(|p| p.2 == Verdict::Possible) {
        if clusters.find(p.0) != clusters.find(p.1) {
            possible.push(Decision {
                pair: p,
                held_apart: None,
            });
        }
    }
    (clusters, merged, possible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_list_their_members() {
        let mut c = Clusters::new(5);
        c.union(3, 1);
        let (r4, r1) = (c.find(4), c.find(1));
        c.union(r4, r1);
        let root = c.find(4);
        let mut m: Vec<u32> = c.members(root).collect();
        m.sort_unstable();
        assert_eq!(m, [1, 3, 4]);
        assert_eq!(c.find(3), 1);
        assert_eq!(c.members(0).collect::<Vec<_>>(), [0]);
    }
}
