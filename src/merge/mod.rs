//! Merging: one record per work, with the evidence for every decision.
//!
//! 1. `normalize`: a compact fingerprint per reference (title word hashes,
//!    folded authors in `names`, identifiers, numbers, code repositories).
//! 2. `index`: candidate pairs from blocking keys, never all pairs; large
//!    blocks are compared in sorted neighbourhoods.
//! 3. `score`: signals and a verdict per candidate pair.
//! 4. `join`: pairs judged the same are joined, strongest first, unless
//!    joining would put conflicting identifiers or two different
//!    publications in one record.
//! 5. `reconcile`: each record's fields chosen from its listings.
//! 6. `report`: the evidence and where each input item went.

mod copies;
mod explain;
mod fingerprints;
mod index;
mod join;
mod names;
mod normalize;
mod numbers;
mod reconcile;
mod report;
mod score;
mod trigrams;

use serde::{Deserialize, Serialize};

pub use report::{ItemMapping, MatchEvidence, MergeReport};
pub use score::{Rule, Signals, Verdict};

use crate::fasthash::FastHash;
use crate::model::{Kind, Location, Reference};
use fingerprints::Fingerprints;
use join::{Decision, Judged};

/// One input item: where it stands. Now [`Location`].
#[deprecated(since = "0.2.0", note = "use publist::Location, the one position type")]
pub type ItemRef = Location;

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
        // Copies of a listing are set aside (copies.rs): the steps up to the
        // join see each distinct listing once.
        let (refs, copy_of) = copies::find(refs);
        let distinct: Vec<u32> = (0..refs.len() as u32)
            .filter(|&i| copy_of[i as usize].is_none())
            .collect();
        let listed: Vec<&Reference> = distinct.iter().map(|&i| &refs[i as usize]).collect();
        let fps = Fingerprints::of(&listed);
        drop(listed);
        let df = index::document_frequencies(&fps);
        let corpus = score::Corpus {
            df: &df,
            items: fps.len(),
        };
        let candidates = index::candidate_pairs(&fps, &df);
        let compared_pairs = candidates.distinct;
        let judged = judge_pairs(&candidates.parts, &fps, &corpus);
        drop(candidates);
        let (clusters, merged, possible) = join::join(fps.len(), &judged, &fps, &corpus);
        // The copies, as the surest decisions.
        let mut copies: Vec<MatchEvidence> = Vec::new();
        if distinct.len() < refs.len() {
            let mut number = vec![0u32; refs.len()];
            for (k, &i) in distinct.iter().enumerate() {
                number[i as usize] = k as u32;
            }
            for (i, c) in copy_of.iter().enumerate() {
                let Some(j) = *c else { continue };
                let (first, fp) = (&refs[j as usize], &fps[number[j as usize] as usize]);
                copies.push(MatchEvidence {
                    a: item_ref(first),
                    b: item_ref(&refs[i]),
                    titles: (first.title.clone(), refs[i].title.clone()),
                    verdict: Verdict::Same,
                    rule: Rule::IdenticalListings,
                    signals: score::signals(fp, fp, &corpus, 1.0),
                    held_apart: None,
                });
            }
        }
        drop(fps);
        drop(df);

        let listing = |k: u32| &refs[distinct[k as usize] as usize];
        let evidence = |d: Decision| {
            let p = d.pair;
            MatchEvidence {
                a: item_ref(listing(p.0)),
                b: item_ref(listing(p.1)),
                titles: (listing(p.0).title.clone(), listing(p.1).title.clone()),
                verdict: if d.held_apart.is_some() {
                    Verdict::Possible
                } else {
                    p.2
                },
                rule: p.3,
                signals: p.4.clone(),
                held_apart: d.held_apart,
            }
        };
        let mut merged: Vec<MatchEvidence> = merged.into_iter().map(evidence).collect();
        merged.splice(0..0, copies);
        let possible: Vec<(u32, u32, MatchEvidence)> = possible
            .into_iter()
            .map(|d| {
                (
                    distinct[d.pair.0 as usize],
                    distinct[d.pair.1 as usize],
                    evidence(d),
                )
            })
            .collect();
        drop(judged);
        let mut clusters = clusters.with_copies(&distinct, &copy_of);

        // Records in the order of their first listing; listings oldest first.
        // Records of several listings are reconciled first (borrowing the
        // references); then single listings are moved into place, not cloned.
        let mut record_of = vec![0u32; refs.len()];
        let mut roots: Vec<u32> = Vec::new();
        let mut multi: Vec<(usize, Vec<u32>)> = Vec::new();
        for i in 0..refs.len() as u32 {
            let root = clusters.find(i);
            if root == i {
                let record = roots.len();
                roots.push(i);
                let mut members: Vec<u32> = clusters.members(i).collect();
                if members.len() > 1 {
                    members.sort_unstable();
                    multi.push((record, members));
                }
                record_of[i as usize] = record as u32;
            } else {
                // The root is the cluster's oldest member: already numbered.
                record_of[i as usize] = record_of[root as usize];
            }
        }
        let reconciled: Vec<(usize, Reference)> = {
            let lists: Vec<&[u32]> = multi.iter().map(|(_, m)| m.as_slice()).collect();
            let stats = reconcile::NameStats::of(&refs, &lists, &copy_of);
            // Records are independent: reconcile them on all cores.
            crate::parallel::map(&multi, 4096, |(record, list)| {
                let listing: Vec<&Reference> = list.iter().map(|&m| &refs[m as usize]).collect();
                (*record, reconcile::reconcile(&listing, &stats))
            })
        };
        drop(multi);
        // The records in place of the references (no second list of all):
        // each cluster's first listing stays, or gives way to the reconciled
        // record; the other listings go.
        let mut reconciled = reconciled.into_iter().peekable();
        let records: Vec<Reference> = refs
            .into_iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let record = record_of[i] as usize;
                if roots[record] as usize != i {
                    return None;
                }
                match reconciled.next_if(|(done, _)| *done == record) {
                    Some((_, merged)) => Some(merged),
                    None => Some(r),
                }
            })
            .collect();
        // Possible duplicates are reported once per pair of records, strongest first.
        let mut possible = possible;
        possible.sort_by(|x, y| {
            y.2.signals
                .title_similarity
                .total_cmp(&x.2.signals.title_similarity)
        });
        let mut reported: std::collections::HashSet<(u32, u32), FastHash> = Default::default();
        let possible: Vec<MatchEvidence> = possible
            .into_iter()
            .filter(|(i, j, _)| {
                let (x, y) = (record_of[*i as usize], record_of[*j as usize]);
                x != y && reported.insert((x.min(y), x.max(y)))
            })
            .map(|(_, _, e)| e)
            .collect();
        // Every listing's place, on all cores (a million locations to copy).
        let parts: Vec<(usize, &[Reference])> = records
            .chunks(records.len().div_ceil(8).max(1))
            .enumerate()
            .map(|(k, part)| (k * records.len().div_ceil(8).max(1), part))
            .collect();
        let mut items: Vec<ItemMapping> = Vec::new();
        for mut part in crate::parallel::map_chunks(&parts, 2, |&(offset, part)| {
            part.iter()
                .enumerate()
                .flat_map(|(k, r)| {
                    r.sources.iter().map(move |s| ItemMapping {
                        item: s.at.clone(),
                        key: s.key.clone(),
                        record: offset + k,
                    })
                })
                .collect::<Vec<ItemMapping>>()
        })
        .into_iter()
        .flatten()
        {
            items.append(&mut part);
        }
        Library {
            records,
            report: MergeReport {
                merged,
                possible_duplicates: possible,
                items,
                compared_pairs,
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

/// Scores the candidate pairs on all cores, part by part; keeps the ones
/// not judged different, sorted, each pair once.
fn judge_pairs(
    parts: &[Vec<(u32, u32)>],
    fps: &Fingerprints,
    corpus: &score::Corpus,
) -> Vec<Judged> {
    // Each part keeping only its pairs not judged different: most pairs
    // are, and a list of an `Option` per pair (the signals are large) took
    // more memory at 1M references than the references themselves.
    let judged = crate::parallel::map_each(parts, |part| {
        part.iter()
            .filter_map(|&(i, j)| {
                score::judge(&fps[i as usize], &fps[j as usize], corpus)
                    .map(|(v, rule, s)| (i, j, v, rule, s))
            })
            .collect::<Vec<Judged>>()
    });
    let mut judged: Vec<Judged> = judged.into_iter().flatten().collect();
    // A pair of several blocks was judged in each: the same verdict.
    judged.sort_unstable_by_key(|p| (p.0, p.1));
    judged.dedup_by_key(|p| (p.0, p.1));
    judged
}
