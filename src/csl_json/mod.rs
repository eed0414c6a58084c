//! CSL-JSON, the interchange format of Zotero, pandoc and citeproc-js: read
//! ([`read()`]) and written ([`write()`]) following the output contract of
//! DESIGN.md (the standard variables plus publist's `custom` object with
//! `sources`, `arxiv`, `openreview` and classified links).
//!
//! ```
//! let json = r#"[{"id": "k", "type": "article-journal", "title": "T", "issued": {"date-parts": [[2023]]}}]"#;
//! let parsed = publist::csl_json::read(json, "refs.json")?;
//! let out = publist::csl_json::write(&parsed.references);
//! assert!(out.contains("\"type\": \"article-journal\""));
//! # Ok::<(), publist::Error>(())
//! ```

mod canon;
mod carry;
mod elements;
mod fast;
mod fields;
mod from_bib;
mod parts;
mod read;
mod record;
mod scan;
// The processor (feature `csl`) is the decoder's other user.
#[cfg_attr(not(feature = "csl"), allow(dead_code))]
pub(crate) mod value;
mod write;

#[cfg(feature = "csl")]
pub(crate) use carry::unchanged_original;
pub use parts::variables;
pub use read::read;
pub(crate) use read::read_path;
pub use record::{CslCustom, CslDate, CslItem, CslLink, CslName, CslSource};
pub use write::{to_csl, write, write_to};
