//! The typed model every reader produces and every writer consumes.

mod ids;
mod person;
mod reference;

pub use ids::{ArxivId, Doi, IdError, Isbn, Issn, OpenReviewId};
pub use person::{dotted_initials, Person};
pub use reference::{
    Date, Identifiers, Kind, Link, LinkKind, Note, NoteKind, Pages, Provenance, Reference,
};
