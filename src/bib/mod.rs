//! BibTeX and BibLaTeX: [`read()`] on the biblatex crate (with our own
//! recovery for broken files), [`write()`] of our own.
//!
//! The writer maps the model to standard fields only (biber validates the
//! output against its default data model), plus, unless
//! [`WriteOptions::plain`] is set, two of the data model's custom verbatim
//! fields that make the export lossless: `verba` holds every link with its
//! kind (`code=https://... demo=https://...`), `verbb` an OpenReview id when
//! `eprint` holds the arXiv id, `verbc` the further ISBNs of a work in
//! several parts. Placeholder pages (`TBA`) go to `pubstate`,
//! article numbers to `eid`, issues to `number`, notes to `note` (joined by `; `).

mod latex;
#[cfg(feature = "bib")]
mod read;
#[cfg(feature = "bib")]
mod recover;
mod write;

pub use latex::{escape, protect_case, to_ascii_tex};
#[cfg(feature = "bib")]
pub use read::{read, read_file};
pub use write::{write, write_entry, Dialect, UnknownDialect, WriteOptions};
