//! # publist
//!
//! Turns the publication lists people keep (CV sections in markdown or text
//! extracted from PDF, `.bib` files, CSL-JSON) into clean, typed,
//! deduplicated references, and writes them out as BibLaTeX/BibTeX, CSL-JSON,
//! hayagriva YAML, or a bibliography in any CSL style.
//!
//! - [`parse`]: readers — [`parse::cv`] for CVs, [`bib::read`] for .bib,
//!   [`parse::csl_json`], [`parse::hayagriva_yaml`]; every input item becomes
//!   a [`Reference`] or a [`Diagnostic`] with file and line.
//! - [`Library::merge`]: one record per work, preprints collapsed into their
//!   publications, with the evidence for every decision.
//! - [`bib::write`], [`csl::to_csl_json`], [`csl::to_hayagriva_yaml`]: writers.
//! - [`csl::Formatter`]: bibliographies in any CSL style, also laid out as a CV.
//!
//! Features: `bib` (reading .bib, the biblatex crate), `csl` (formatting and
//! YAML, the hayagriva crate), `cli` (the example binary); all on by default.
//! Without them the model, the CV reader, the merge, the .bib writer and
//! CSL-JSON remain.
//!
//! ## From a CV to a .bib file and an APA list
//!
//! ```
//! # #[cfg(all(feature = "bib", feature = "csl"))] {
//! let old = r#"
//! ## Preprints
//! 1. Weber L, **Lapuschkin S** and Samek W (2023). "Efficient and Flexible Neural Network Training through Layer-wise Feedback Propagation". In: *CoRR abs/2308.12053*.
//! "#;
//! let new = r#"
//! #### Journal Articles
//! 1. Weber L, **Lapuschkin S** and Samek W (2025).
//!  "Efficient and Flexible Neural Network Training through Layer-wise Feedback Propagation".
//!  In: *Transactions on Machine Learning Research* 9oToxYVOSW.
//! "#;
//! let mut refs = publist::parse::cv(old, "cv-2023.md").references;
//! refs.extend(publist::parse::cv(new, "cv-2025.md").references);
//!
//! // The preprint collapses into the journal article and keeps its arXiv id.
//! let library = publist::Library::merge(refs);
//! assert_eq!(library.records.len(), 1);
//! let record = &library.records[0];
//! assert_eq!(record.ids.arxiv.as_ref().unwrap().as_str(), "2308.12053");
//! assert_eq!(record.sources.len(), 2);
//!
//! let bib = publist::bib::write(&library.records, &Default::default());
//! assert!(bib.starts_with("@article{weber2025efficient,"));
//! assert!(bib.contains("  eprint = {2308.12053},"));
//!
//! let apa = publist::csl::Formatter::new(publist::csl::load_style("apa", None).unwrap());
//! let entries = apa.bibliography(&library.records);
//! assert_eq!(
//!     entries[0].text,
//!     "Weber, L., Lapuschkin, S., & Samek, W. (2025). Efficient and Flexible Neural Network \
//!      Training through Layer-wise Feedback Propagation. Transactions on Machine Learning Research."
//! );
//! # }
//! ```
#![deny(missing_docs)]

pub mod bib;
pub mod csl;
mod diagnostic;
mod error;
mod fasthash;
pub mod keys;
pub mod merge;
pub mod model;
mod parallel;
pub mod parse;

pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, ErrorKind};
pub use merge::{Library, MergeReport};
pub use model::{
    ArxivId, Date, Doi, Identifiers, Isbn, Issn, Kind, Link, LinkKind, Note, NoteKind,
    OpenReviewId, Pages, Person, Provenance, Reference,
};
pub use parse::Parsed;

/// hayagriva, whose styles, locales and rendering types appear in [`csl`].
#[cfg(feature = "csl")]
pub use hayagriva;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
