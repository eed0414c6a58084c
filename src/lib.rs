//! # publist
//!
//! Turns the publication lists people keep (CV sections in markdown or text
//! extracted from PDF) into clean, typed references, and writes them out as
//! CSL-JSON.
//!
//! ```
//! let cv = r#"
//! #### Journal Articles
//!
//! 1. Bley F, **Lapuschkin S**, Samek W and Montavon G (2025).
//!  “Explaining Predictive Uncertainty by Exposing Second-Order Effects”.
//!  In: *Pattern Recognition* 160:111171.
//! <https://github.com/florianbley/XAI-2ndOrderUncertainty>
//! "#;
//! let parsed = publist::parse::cv(cv, "cv.md");
//! assert!(parsed.diagnostics.is_empty());
//! let r = &parsed.references[0];
//! assert_eq!(r.kind, publist::Kind::JournalArticle);
//! assert_eq!(r.title, "Explaining Predictive Uncertainty by Exposing Second-Order Effects");
//! assert_eq!(r.authors.len(), 4);
//! assert_eq!(r.container.as_deref(), Some("Pattern Recognition"));
//! assert_eq!(r.volume.as_deref(), Some("160"));
//! assert_eq!(r.article_number.as_deref(), Some("111171"));
//! assert_eq!(r.sources[0].line, 4);
//!
//! let json = publist::csl::to_csl_json(&parsed.references);
//! assert!(json.contains(r#""id": "bley2025explaining""#));
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
pub mod parse;

pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, ErrorKind};
pub use merge::{Library, MergeReport};
pub use model::{
    ArxivId, Date, Doi, Identifiers, Isbn, Issn, Kind, Link, LinkKind, Note, NoteKind,
    OpenReviewId, Pages, Person, Provenance, Reference,
};
pub use parse::Parsed;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
