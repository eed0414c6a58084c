//! The typed model every reader produces and every writer consumes, and
//! what every format needs of it: page ranges ([`Pages::parse`]), link and
//! note classification ([`LinkKind::classify`], [`NoteKind::classify`]),
//! positions ([`Location`]).

mod bibnames;
mod ids;
mod links;
mod location;
mod notes;
mod original;
pub(crate) mod packed;
mod pages;
mod person;
mod reference;

pub use bibnames::parse_bibtex_names;
pub use ids::{ArxivId, Doi, IdError, Isbn, Issn, OpenReviewId};
pub use links::{Link, LinkKind};
pub use location::Location;
pub use notes::{Note, NoteKind};
pub use original::{BibEntry, CslRecord, Original};
pub(crate) use pages::is_placeholder_word as pages_placeholder_word;
pub use pages::Pages;
pub use person::{dotted_initials, Person};
pub use reference::{Date, Identifiers, Kind, Provenance, Reference};
