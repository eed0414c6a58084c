//! Publication lists as people keep them: CV sections in markdown or text
//! extracted from PDF.
//!
//! Two stages: `items` finds the publication sections and splits them into
//! items (keeping each item's source lines), then `item` reads each item's
//! fields. Every item becomes a reference or an error diagnostic.

mod clean;
mod item;
mod items;
mod names;
mod notes;
pub mod refstring;
mod sections;
mod venue;
mod year;

use std::path::Path;

use crate::error::Error;
use crate::input::Parsed;
use crate::model::Person;

/// Reads a list of names as CVs write them (`Lapuschkin S; Bach S`,
/// `Müller K-R and de Lange T`); separators `,`, `;`, `and`, `&`.
///
/// ```
/// let people = publist::cv::names("Müller K-R; de Lange T");
/// assert_eq!(people[0].given.as_deref(), Some("K.-R."));
/// assert_eq!(people[1].particle.as_deref(), Some("de"));
/// ```
pub fn names(text: &str) -> Vec<Person> {
    names::parse_names(text).persons
}

/// Reads the publication lists of a CV given as text (markdown or plain text
/// extracted from a PDF). `source` names the input in provenance and diagnostics.
///
/// ```
/// let cv = "## Preprints\n\n1. Schwenk G and **Bach S** (2014).\n\"Detecting Behavioural and Structural Anomalies in Media-Cloud Applications\".\nIn: *CoRR abs/1409.8035*\n";
/// let parsed = publist::cv::read(cv, "cv.md");
/// let r = &parsed.references[0];
/// assert_eq!(r.kind, publist::Kind::Preprint);
/// assert_eq!(r.authors[1].family, "Bach");
/// assert_eq!(r.ids.arxiv.as_ref().unwrap().as_str(), "1409.8035");
/// assert_eq!(r.sources[0].at.line, 3);
/// ```
pub fn read(text: &str, source: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (raw_items, mut diagnostics) = items::split(text, source);
    let mut references = Vec::with_capacity(raw_items.len());
    for raw in &raw_items {
        if let Some(r) = item::parse_item(raw, source, &mut diagnostics) {
            references.push(r);
        }
    }
    diagnostics.sort_by_key(|d| d.at.line);
    Parsed {
        references,
        diagnostics,
        items: raw_items.len(),
    }
}

/// Like [`read()`], for bytes: fails with [`crate::ErrorKind::InvalidUtf8`]
/// (and the line of the first bad byte) when the input is not UTF-8 text.
///
/// ```
/// use publist::ErrorKind;
/// let err = publist::cv::read_bytes(b"ok\n\xff\xfe", "cv.txt").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
/// assert_eq!(err.line(), Some(2));
/// ```
pub fn read_bytes(bytes: &[u8], source: &str) -> Result<Parsed, Error> {
    Ok(read(crate::text::utf8(bytes, source)?, source))
}

/// Reads a CV file; `source` in the result is the path as given.
///
/// ```
/// let path = std::env::temp_dir().join("publist-doc-cv.md");
/// std::fs::write(&path, "## Journal Articles\n1. Bach S (2015). \"A\". In: *J* 1:1-9\n")?;
/// let parsed = publist::cv::read_file(&path)?;
/// assert_eq!(parsed.references[0].sources[0].at.source, path.display().to_string());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_file(path: impl AsRef<Path>) -> Result<Parsed, Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
    read_bytes(&bytes, &name)
}
