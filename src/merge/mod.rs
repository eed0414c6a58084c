//! Merging: one record per work, with the evidence for every decision.
//!
//! 1. `normalize`: a fingerprint per reference (title words and trigrams,
//!    folded authors, identifiers, code repositories).
//! 2. `index`: candidate pairs from blocking keys, never all pairs.
//! 3. `score`: signals and a verdict per candidate pair.
//! 4. Pairs judged the same are joined, strongest first, unless joining would
//!    put conflicting identifiers or two different publications in one record.
//! 5. `reconcile`: each record's fields chosen from its listings.

mod explain;
mod index;
mod normalize;
mod reconcile;
mod score;

use serde::{Deserialize, Serialize};

pub use score::{Rule, Signals, Verdict};

use crate::fasthash::FastHash;
use crate::model::{Kind, Location, Reference};
use normalize::Fingerprint;

/// One input item: where it stands. Now [`Location`].
#[deprecated(since = "0.2.0", note = "use publist::Location, the one position type")]
pub type ItemRef = Location;

/// The evidence about one pair of input items.
///
/// ```
/// let old = publist::cv::read("## Preprints\n1. Weber L and Samek W (2023). \"Layer-wise Feedback Propagation\". In: CoRR abs/2308.12053\n", "cv-2023.md");
/// let new = publist::cv::read("## Journal Articles\n1. Weber L and Samek W (2025). \"Layer-wise Feedback Propagation\". In: *Transactions on Machine Learning Research* 9oToxYVOSW.\n", "cv-2025.md");
/// let lib = publist::Library::merge(old.references.into_iter().chain(new.references).collect());
/// use publist::merge::{Rule, Verdict};
/// let e = &lib.report.merged[0];
/// assert_eq!(e.verdict, Verdict::Same);
/// assert_eq!(e.rule, Rule::SameTitleAndAuthors);
/// assert_eq!(e.titles.0, "Layer-wise Feedback Propagation");
/// assert!(e.signals.first_author && e.held_apart.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchEvidence {
    /// The older item (earlier in the input).
    pub a: Location,
    /// The newer item.
    pub b: Location,
    /// The titles of the two items, for reading.
    pub titles: (String, String),
    /// What was decided.
    pub verdict: Verdict,
    /// The rule that decided.
    pub rule: Rule,
    /// What was measured.
    pub signals: Signals,
    /// Why a pair judged the same was left apart, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_apart: Option<String>,
}

/// Where an input item went.
///
/// ```
/// let old = publist::cv::read("## Preprints\n1. Weber L and Samek W (2023). \"Layer-wise Feedback Propagation\". In: CoRR abs/2308.12053\n", "cv-2023.md");
/// let new = publist::cv::read("## Journal Articles\n1. Weber L and Samek W (2025). \"Layer-wise Feedback Propagation\". In: *Transactions on Machine Learning Research* 9oToxYVOSW.\n", "cv-2025.md");
/// let lib = publist::Library::merge(old.references.into_iter().chain(new.references).collect());
/// let items = &lib.report.items;
/// assert_eq!(items.len(), 2); // every input item is accounted for
/// assert!(items.iter().all(|m| m.record == 0 && m.key.is_none()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemMapping {
    /// The input item.
    pub item: Location,
    /// The item's citation key in its source (.bib input), if it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Index of the record in [`Library::records`] that absorbed it.
    pub record: usize,
}

/// What the merge did: the evidence for every record with several listings,
/// the pairs left apart for the user to decide, and the item map.
///
/// ```
/// let cv = "## Conference Papers\n1. Alber M and Lapuschkin S (2018). \"iNNvestigate Neural Networks!\". In: *ICML Workshop*\n\
///           ## Journal Articles\n1. Alber M and Lapuschkin S (2019). \"iNNvestigate Neural Networks!\". In: *JMLR* 20(93):1-8\n";
/// let lib = publist::Library::merge(publist::cv::read(cv, "cv.md").references);
/// let report = &lib.report;
/// assert_eq!(lib.records.len(), 2); // a workshop paper and its journal version: two works
/// assert!(report.merged.is_empty());
/// assert_eq!(report.possible_duplicates.len(), 1);
/// assert_eq!(report.possible_duplicates[0].rule, publist::merge::Rule::DifferentPublications);
/// assert_eq!(report.items.len(), 2);
/// assert_eq!(report.compared_pairs, 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MergeReport {
    /// The decisions that joined items into records.
    pub merged: Vec<MatchEvidence>,
    /// Pairs that may be one work but were left apart.
    pub possible_duplicates: Vec<MatchEvidence>,
    /// Every input item and the record it went to, in the order of the records.
    pub items: Vec<ItemMapping>,
    /// How many candidate pairs were compared.
    pub compared_pairs: usize,
}

/// A merged list: one record per work.
///
/// ```
/// use publist::Library;
/// let old = publist::cv::read("## Preprints\n1. Weber L and Samek W (2023). \"Layer-wise Feedback Propagation\". In: CoRR abs/2308.12053\n", "cv-2023.md");
/// let new = publist::cv::read("## Journal Articles\n1. Weber L and Samek W (2025). \"Layer-wise Feedback Propagation\". In: *Transactions on Machine Learning Research* 9oToxYVOSW.\n", "cv-2025.md");
/// let lib = Library::merge(old.references.into_iter().chain(new.references).collect());
/// assert_eq!(lib.records.len(), 1);
/// let r = &lib.records[0];
/// assert_eq!(r.kind, publist::Kind::JournalArticle);
/// assert_eq!(r.ids.arxiv.as_ref().unwrap().as_str(), "2308.12053");
/// assert_eq!(r.sources.len(), 2);
/// assert_eq!(lib.report.merged[0].rule, publist::merge::Rule::SameTitleAndAuthors);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    /// One record per work, in the order of their first listing.
    pub records: Vec<Reference>,
    /// The evidence and the item map.
    pub report: MergeReport,
}

struct Clusters {
    parent: Vec<u32>,
}

impl Clusters {
    fn find(&mut self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            let p = self.parent[i as usize];
            self.parent[i as usize] = self.parent[p as usize];
            i = p;
        }
        i
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

/// Why joining two clusters would be wrong, if it would.
fn conflict(
    x: &[u32],
    y: &[u32],
    fps: &[Fingerprint],
    same: &std::collections::HashSet<(u32, u32), FastHash>,
) -> Option<String> {
    let ids = |c: &[u32], get: fn(&Fingerprint) -> &Option<String>| -> Vec<String> {
        let mut v: Vec<String> = c
            .iter()
            .filter_map(|&i| get(&fps[i as usize]).clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    for (name, get) in [
        (
            "arXiv",
            (|f: &Fingerprint| &f.arxiv) as fn(&Fingerprint) -> &Option<String>,
        ),
        ("DOI", |f: &Fingerprint| &f.doi),
    ] {
        let (a, b) = (ids(x, get), ids(y, get));
        if !a.is_empty() && !b.is_empty() && !a.iter().any(|i| b.contains(i)) {
            return Some(format!(
                "the records would hold different {name} ids ({} and {})",
                a.join(", "),
                b.join(", ")
            ));
        }
    }
    for &i in x {
        for &j in y {
            let (fi, fj) = (&fps[i as usize], &fps[j as usize]);
            if fi.preprint || fj.preprint || same.contains(&(i.min(j), i.max(j))) {
                continue;
            }
            if !matches!(score::judge(fi, fj), Some((Verdict::Same, ..))) {
                return Some("the record would hold two different publications".to_string());
            }
        }
    }
    None
}

fn item_ref(r: &Reference) -> Location {
    r.sources.first().map(|s| s.at.clone()).unwrap_or_default()
}

impl Library {
    /// Merges references into one record per work. Give the inputs oldest
    /// first: where listings disagree, the newest sound value wins.
    ///
    /// ```
    /// let a = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"On Pixel-wise Explanations\". In: *PLoS ONE* 10(7)\n", "cv-2015.md");
    /// let b = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"On pixel-wise explanations\". In: *PLoS ONE* 10(7):1-46\n", "cv-2016.md");
    /// let lib = publist::Library::merge(a.references.into_iter().chain(b.references).collect());
    /// assert_eq!(lib.records.len(), 1);
    /// assert_eq!(lib.records[0].title, "On pixel-wise explanations"); // the newest listing's
    /// assert_eq!(lib.records[0].pages.as_ref().map(|p| p.to_csl()).as_deref(), Some("1-46")); // kept
    /// ```
    pub fn merge(refs: Vec<Reference>) -> Library {
        let refs = without_repeated_items(refs);
        let fps: Vec<Fingerprint> = crate::parallel::map_chunks(&refs, 4096, Fingerprint::of)
            .into_iter()
            .flatten()
            .collect();
        let pairs = index::candidate_pairs(&fps);
        let judged = judge_pairs(&pairs, &fps);

        let mut same: Vec<&(u32, u32, Verdict, Rule, Signals)> =
            judged.iter().filter(|p| p.2 == Verdict::Same).collect();
        same.sort_by(|a, b| {
            (rule_rank(a.3), -a.4.title_similarity, a.0, a.1)
                .partial_cmp(&(rule_rank(b.3), -b.4.title_similarity, b.0, b.1))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let same_set: std::collections::HashSet<(u32, u32), FastHash> =
            same.iter().map(|p| (p.0, p.1)).collect();

        let mut clusters = Clusters {
            parent: (0..refs.len() as u32).collect(),
        };
        let mut members: Vec<Vec<u32>> = (0..refs.len() as u32).map(|i| vec![i]).collect();
        let mut merged = Vec::new();
        let mut possible = Vec::new();
        let evidence =
            |p: &(u32, u32, Verdict, Rule, Signals), held: Option<String>| MatchEvidence {
                a: item_ref(&refs[p.0 as usize]),
                b: item_ref(&refs[p.1 as usize]),
                titles: (
                    refs[p.0 as usize].title.clone(),
                    refs[p.1 as usize].title.clone(),
                ),
                verdict: if held.is_some() {
                    Verdict::Possible
                } else {
                    p.2
                },
                rule: p.3,
                signals: p.4.clone(),
                held_apart: held,
            };
        for p in same {
            let (ra, rb) = (clusters.find(p.0), clusters.find(p.1));
            if ra == rb {
                continue;
            }
            match conflict(
                &members[ra as usize],
                &members[rb as usize],
                &fps,
                &same_set,
            ) {
                Some(why) => possible.push((p.0, p.1, evidence(p, Some(why)))),
                None => {
                    let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
                    clusters.parent[gone as usize] = keep;
                    let moved = std::mem::take(&mut members[gone as usize]);
                    members[keep as usize].extend(moved);
                    merged.push(evidence(p, None));
                }
            }
        }
        for p in judged.iter().filter(|p| p.2 == Verdict::Possible) {
            if clusters.find(p.0) != clusters.find(p.1) {
                possible.push((p.0, p.1, evidence(p, None)));
            }
        }

        // Records in the order of their first listing; listings oldest first.
        // Records of several listings are reconciled first (borrowing the
        // references); then single listings are moved into place, not cloned.
        let roots: Vec<u32> = (0..refs.len() as u32)
            .filter(|&i| clusters.find(i) == i)
            .collect();
        let mut record_of = vec![0usize; refs.len()];
        let mut reconciled: Vec<Option<Reference>> = vec![None; roots.len()];
        {
            for &root in &roots {
                members[root as usize].sort_unstable();
            }
            let multi: Vec<&[u32]> = roots
                .iter()
                .map(|&r| members[r as usize].as_slice())
                .filter(|l| l.len() > 1)
                .collect();
            let stats = reconcile::NameStats::of(&refs, &multi);
            for (record, &root) in roots.iter().enumerate() {
                for &m in &members[root as usize] {
                    record_of[m as usize] = record;
                }
            }
            // Records are independent: reconcile them on all cores.
            let jobs: Vec<(usize, &[u32])> = roots
                .iter()
                .enumerate()
                .map(|(record, &root)| (record, members[root as usize].as_slice()))
                .filter(|(_, list)| list.len() > 1)
                .collect();
            let done = crate::parallel::map_chunks(&jobs, 4096, |&(record, list)| {
                let listing: Vec<&Reference> = list.iter().map(|&m| &refs[m as usize]).collect();
                (record, reconcile::reconcile(&listing, &stats))
            });
            for (record, r) in done.into_iter().flatten() {
                reconciled[record] = Some(r);
            }
        }
        let mut slots: Vec<Option<Reference>> = refs.into_iter().map(Some).collect();
        let records: Vec<Reference> = reconciled
            .into_iter()
            .zip(&roots)
            .map(|(done, &root)| {
                done.or_else(|| slots[root as usize].take())
                    .unwrap_or_else(|| Reference::new(Kind::Misc, ""))
            })
            .collect();
        drop(slots);
        // Possible duplicates are reported once per pair of records, strongest first.
        possible.sort_by(|x, y| {
            y.2.signals
                .title_similarity
                .total_cmp(&x.2.signals.title_similarity)
        });
        let mut reported = std::collections::HashSet::new();
        let possible: Vec<MatchEvidence> = possible
            .into_iter()
            .filter(|(i, j, _)| {
                let (x, y) = (record_of[*i as usize], record_of[*j as usize]);
                x != y && reported.insert((x.min(y), x.max(y)))
            })
            .map(|(_, _, e)| e)
            .collect();
        let items = records
            .iter()
            .enumerate()
            .flat_map(|(record, r)| {
                r.sources.iter().map(move |s| ItemMapping {
                    item: s.at.clone(),
                    key: s.key.clone(),
                    record,
                })
            })
            .collect();
        Library {
            records,
            report: MergeReport {
                merged,
                possible_duplicates: possible,
                items,
                compared_pairs: pairs.len(),
            },
        }
    }

    /// The records of one kind.
    ///
    /// ```
    /// let cv = "## Journal Articles\n1. Bach S (2015). \"A\". In: *J* 1:1-9\n## Preprints\n1. Bach S (2020). \"B\". In: CoRR abs/2001.00001\n";
    /// let lib = publist::Library::merge(publist::cv::read(cv, "cv.md").references);
    /// let preprints: Vec<_> = lib.of_kind(publist::Kind::Preprint).collect();
    /// assert_eq!(preprints.len(), 1);
    /// assert_eq!(preprints[0].title, "B");
    /// ```
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Reference> {
        self.records.iter().filter(move |r| r.kind == kind)
    }
}

type Judged = (u32, u32, Verdict, Rule, Signals);

/// The same input item given twice (same sources, same content) is one item.
///
/// Items are looked up by a hash of where they stand and what they say, so
/// that the items of a minified CSL-JSON file (all on line 1) are not
/// compared with each other (that was quadratic); equal hashes are confirmed
/// by comparing the references.
fn without_repeated_items(refs: Vec<Reference>) -> Vec<Reference> {
    use std::hash::{Hash, Hasher};
    let mut seen: std::collections::HashMap<u64, Vec<usize>, FastHash> = Default::default();
    let mut out: Vec<Reference> = Vec::with_capacity(refs.len());
    for r in refs {
        let Some(first) = r.sources.first() else {
            out.push(r);
            continue;
        };
        let mut h = crate::fasthash::FxHasher::default();
        (
            first.at.source.as_str(),
            first.at.line,
            first.key.as_deref(),
        )
            .hash(&mut h);
        (r.kind, r.title.as_str(), r.issued, r.authors.len()).hash(&mut h);
        let earlier = seen.entry(h.finish()).or_default();
        if earlier.iter().any(|&i| out[i] == r) {
            continue;
        }
        earlier.push(out.len());
        out.push(r);
    }
    out
}

/// Scores the candidate pairs on all cores; keeps the ones not judged different.
fn judge_pairs(pairs: &[(u32, u32)], fps: &[Fingerprint]) -> Vec<Judged> {
    let judged = crate::parallel::map_chunks(pairs, 4096, |&(i, j)| {
        score::judge(&fps[i as usize], &fps[j as usize]).map(|(v, rule, s)| (i, j, v, rule, s))
    });
    judged.into_iter().flatten().flatten().collect()
}
