//! What the merge reports: the evidence for every decision and where each
//! input item went.

use serde::{Deserialize, Serialize};

use super::score::{Rule, Signals, Verdict};
use crate::model::Location;

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
    /// Index of the record in [`Library::records`](super::Library::records) that absorbed it.
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
