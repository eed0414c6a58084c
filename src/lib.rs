//! # publist
//!
//! Turns the publication lists people keep (CV sections in markdown or text
//! extracted from PDF, `.bib` files, CSL-JSON) into clean, typed,
//! deduplicated references, and writes them out as BibLaTeX/BibTeX, CSL-JSON,
//! hayagriva YAML, or a bibliography in any CSL style.
//!
//! - [`read`] / [`read_file`]: any input, its [`Format`] detected by name and
//!   content; every input item becomes a [`Reference`] or a [`Diagnostic`]
//!   with a [`Location`] and a [`Code`].
//! - One module per format, each with `read` and `write`: [`cv`] (publication
//!   lists, read only), [`bib`], [`csl_json`], `yaml` (hayagriva YAML).
//! - [`Library::merge`]: one record per work, preprints collapsed into their
//!   publications, with the evidence for every decision.
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
//! let mut refs = publist::read(old.as_bytes(), "cv-2023.md")?.references;
//! refs.extend(publist::read(new.as_bytes(), "cv-2025.md")?.references);
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
//! # Ok::<(), publist::Error>(())
//! ```
#![deny(missing_docs)]

use std::path::Path;

pub mod bib;
pub mod csl;
pub mod csl_json;
pub mod cv;
mod diagnostic;
mod error;
mod fasthash;
mod input;
pub mod keys;
pub mod merge;
pub mod model;
mod parallel;
pub mod parse;
pub mod text;
#[cfg(feature = "csl")]
pub mod yaml;

pub use diagnostic::{Code, Diagnostic, Severity, UnknownCode};
pub use error::{Error, ErrorKind};
pub use input::{Format, Parsed};
pub use merge::{Library, MergeReport};
pub use model::{
    ArxivId, Date, Doi, Identifiers, Isbn, Issn, Kind, Link, LinkKind, Location, Note, NoteKind,
    OpenReviewId, Pages, Person, Provenance, Reference,
};

/// Reads one input of any format publist knows ([`Format::detect`] decides
/// which); `name` names it in provenance, diagnostics and errors.
///
/// Fails only when the input as a whole cannot be used (not text, not JSON,
/// a format whose reader this build leaves out); each item that cannot be
/// read is a diagnostic in the result.
///
/// ```
/// let cv = b"## Journal Articles\n1. Bach S (2015). \"A\". In: *J* 1:1-9\n";
/// let parsed = publist::read(cv, "cv.md")?;
/// assert_eq!(parsed.references[0].title, "A");
///
/// let json = br#"[{"id": "k", "type": "book", "title": "B", "issued": {"raw": "2005-06-02"}}]"#;
/// let parsed = publist::read(json, "<stdin>")?;
/// let issued = parsed.references[0].issued.unwrap();
/// assert_eq!((issued.year, issued.month, issued.day), (2005, Some(6), Some(2)));
///
/// let err = publist::read(b"[1, 2", "refs.json").unwrap_err();
/// assert_eq!(err.kind(), publist::ErrorKind::Syntax);
/// # Ok::<(), publist::Error>(())
/// ```
pub fn read(bytes: &[u8], name: &str) -> Result<Parsed, Error> {
    read_as(Format::detect(name, bytes), bytes, name)
}

/// Reads one input in the given format.
///
/// ```
/// use publist::Format;
/// let parsed = publist::read_as(Format::Cv, b"## Preprints\n1. Bach S (2020). \"A\". In: arXiv:2001.00001\n", "cv.json")?;
/// assert_eq!(parsed.references.len(), 1);
/// # Ok::<(), publist::Error>(())
/// ```
pub fn read_as(format: Format, bytes: &[u8], name: &str) -> Result<Parsed, Error> {
    // .bib files in Latin-1 or Windows-1252 are still common: decoded, with a warning.
    if format == Format::Bib {
        return crate::bib::read_bytes(bytes, name);
    }
    let text = crate::text::utf8(bytes, name)?;
    match format {
        Format::Cv => Ok(crate::cv::read(text, name)),
        Format::CslJson => crate::csl_json::read(text, name),
        Format::Bib => Ok(crate::bib::read(text, name)),
        #[cfg(feature = "csl")]
        Format::Yaml => crate::yaml::read(text, name),
        #[allow(unreachable_patterns)]
        other => Err(Error::new(
            ErrorKind::Unsupported,
            name,
            format!(
                "reading {} needs the crate feature `{}`",
                other.name(),
                if other == Format::Bib { "bib" } else { "csl" }
            ),
        )),
    }
}

/// Reads a file of any format publist knows; the path as given names it.
///
/// ```
/// let path = std::env::temp_dir().join("publist-doc-read.json");
/// std::fs::write(&path, r#"[{"id": "k", "type": "book", "title": "A Book"}]"#)?;
/// let parsed = publist::read_file(&path)?;
/// assert_eq!(parsed.references[0].sources[0].key.as_deref(), Some("k"));
/// assert_eq!(*parsed.references[0].sources[0].at.source, path.display().to_string());
/// assert_eq!(publist::read_file("no/such.bib").unwrap_err().kind(), publist::ErrorKind::NotFound);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_file(path: impl AsRef<Path>) -> Result<Parsed, Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    // CSL-JSON is read a block at a time: the file's text is never all in memory.
    if Format::detect(&name, b"") == Format::CslJson {
        return crate::csl_json::read_path(path, &name);
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
    let format = Format::detect(&name, &bytes);
    // A .bib file's text is freed once its entries are read.
    if format == Format::Bib {
        return crate::bib::read_owned(bytes, &name);
    }
    read_as(format, &bytes, &name)
}

/// Reads everything `reader` gives (standard input, a socket, an archive
/// member) and then [`read()`]s it; `name` names the input in diagnostics.
///
/// ```
/// let bib = "@book{k, title = {A Book}, year = 2001}";
/// let parsed = publist::read_from(bib.as_bytes(), "<stdin>")?;
/// assert_eq!(parsed.references[0].title, "A Book");
/// assert_eq!(&*parsed.references[0].sources[0].at.source, "<stdin>");
/// # Ok::<(), publist::Error>(())
/// ```
pub fn read_from(mut reader: impl std::io::Read, name: &str) -> Result<Parsed, Error> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(name, e))?;
    read(&bytes, name)
}

/// hayagriva, whose styles, locales and rendering types appear in [`csl`].
#[cfg(feature = "csl")]
pub use hayagriva;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
