//! Readers: every reader turns its input into [`Reference`]s and [`Diagnostic`]s.

mod csl_json;
mod cv;
#[cfg(feature = "csl")]
mod yaml;

pub use csl_json::csl_json;
#[cfg(feature = "csl")]
pub use yaml::hayagriva_yaml;

pub(crate) use cv::{classify_link, classify_note};

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::error::{Error, ErrorKind};
use crate::model::Reference;

/// What a reader got out of one input: references, and diagnostics for what
/// it could not read (errors) or read only in part (warnings).
///
/// Every input item is accounted for: `items` = `references.len()` + the
/// number of error diagnostics.
///
/// ```
/// let cv = "## Journal Articles\n1. Bach S (2015). \"A\". In: *J* 1:1-9\n2. a line that is no reference\n";
/// let parsed = publist::parse::cv(cv, "cv.md");
/// assert_eq!(parsed.items, 2);
/// assert_eq!(parsed.references.len(), 1);
/// assert_eq!(parsed.errors().count(), 1);
/// assert_eq!(parsed.items, parsed.references.len() + parsed.errors().count());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Parsed {
    /// The references read, in input order.
    pub references: Vec<Reference>,
    /// Problems, in input order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many input items the reader found.
    pub items: usize,
}

impl Parsed {
    /// The error diagnostics: items that did not become references.
    ///
    /// ```
    /// let parsed = publist::parse::cv("## Preprints\n1. Bach S (2020). \"A\". arXiv:2001.00001\n2. nothing here\n", "cv.md");
    /// assert_eq!(parsed.diagnostics.len(), 2); // a warning for item 1, an error for item 2
    /// let errors: Vec<String> = parsed.errors().map(|d| d.to_string()).collect();
    /// assert_eq!(errors.len(), 1);
    /// assert!(errors[0].starts_with("cv.md:3: error: "), "{errors:?}");
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == crate::Severity::Error)
    }
}

/// Notes joined by `; ` (as publist writes them in `note` fields), split
/// and classified again.
pub(crate) fn notes_from_joined(text: &str) -> Vec<crate::model::Note> {
    text.split("; ")
        .map(|t| crate::model::Note {
            kind: classify_note(t),
            text: t.to_string(),
        })
        .collect()
}

/// Reads a list of names as CVs write them (`Lapuschkin S; Bach S`,
/// `Müller K-R and de Lange T`); separators `,`, `;`, `and`, `&`.
///
/// ```
/// let people = publist::parse::names("Müller K-R; de Lange T");
/// assert_eq!(people[0].given.as_deref(), Some("K.-R."));
/// assert_eq!(people[1].particle.as_deref(), Some("de"));
/// ```
pub fn names(text: &str) -> Vec<crate::model::Person> {
    cv::parse_names(text)
}

/// Reads the publication lists of a CV given as text (markdown or plain text
/// extracted from a PDF). `source` names the input in provenance and diagnostics.
///
/// ```
/// let cv = "## Preprints\n\n1. Schwenk G and **Bach S** (2014).\n\"Detecting Behavioural and Structural Anomalies in Media-Cloud Applications\".\nIn: *CoRR abs/1409.8035*\n";
/// let parsed = publist::parse::cv(cv, "cv.md");
/// let r = &parsed.references[0];
/// assert_eq!(r.kind, publist::Kind::Preprint);
/// assert_eq!(r.authors[1].family, "Bach");
/// assert_eq!(r.ids.arxiv.as_ref().unwrap().as_str(), "1409.8035");
/// assert_eq!(r.sources[0].line, 3);
/// ```
pub fn cv(text: &str, source: &str) -> Parsed {
    cv::parse(text, source)
}

/// Like [`cv()`], for bytes: fails with [`ErrorKind::InvalidUtf8`] (and the
/// line of the first bad byte) when the input is not UTF-8 text.
///
/// ```
/// use publist::ErrorKind;
/// let err = publist::parse::cv_bytes(b"ok\n\xff\xfe", "cv.txt").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
/// assert_eq!(err.line(), Some(2));
/// ```
pub fn cv_bytes(bytes: &[u8], source: &str) -> Result<Parsed, Error> {
    let text = utf8(bytes, source)?;
    Ok(cv(text, source))
}

/// Reads a CV file; `source` in the result is the path as given.
///
/// ```
/// let path = std::env::temp_dir().join("publist-doc-cv.md");
/// std::fs::write(&path, "## Journal Articles\n1. Bach S (2015). \"A\". In: *J* 1:1-9\n")?;
/// let parsed = publist::parse::cv_file(&path)?;
/// assert_eq!(parsed.references[0].sources[0].source, path.display().to_string());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cv_file(path: impl AsRef<Path>) -> Result<Parsed, Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::new(ErrorKind::Io, &name, e.to_string()))?;
    cv_bytes(&bytes, &name)
}

pub(crate) fn utf8<'a>(bytes: &'a [u8], source: &str) -> Result<&'a str, Error> {
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    // Text never holds NUL bytes; PDFs, office files and images do.
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(
            ErrorKind::InvalidUtf8,
            source,
            format!("binary data, not text (NUL byte at offset {nul})"),
        )
        .at_line(line_of(nul)));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        Error::new(
            ErrorKind::InvalidUtf8,
            source,
            format!("not UTF-8 text (byte {at})"),
        )
        .at_line(line_of(at))
    })
}
