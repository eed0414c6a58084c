//! Deprecated: the readers now live with their formats ([`crate::cv`],
//! [`crate::bib`], [`crate::csl_json`], [`crate::yaml`]), and
//! [`crate::read`] reads any of them. These aliases stay for one release.

use std::path::Path;

use crate::error::Error;
use crate::input::Parsed as NewParsed;
use crate::model::Person;

/// Deprecated: [`crate::Parsed`].
#[deprecated(since = "0.2.0", note = "use publist::Parsed")]
pub type Parsed = NewParsed;

/// Deprecated: [`crate::cv::read`].
///
/// ```
/// #![allow(deprecated)]
/// let cv = "## Preprints\n1. Bach S (2020). \"A\". In: arXiv:2001.00001\n";
/// assert_eq!(publist::parse::cv(cv, "cv.md"), publist::cv::read(cv, "cv.md"));
/// ```
#[deprecated(since = "0.2.0", note = "use publist::cv::read")]
pub fn cv(text: &str, source: &str) -> NewParsed {
    crate::cv::read(text, source)
}

/// Deprecated: [`crate::cv::read_bytes`].
///
/// ```
/// #![allow(deprecated)]
/// assert!(publist::parse::cv_bytes(b"\xff", "cv.txt").is_err());
/// ```
#[deprecated(since = "0.2.0", note = "use publist::cv::read_bytes or publist::read")]
pub fn cv_bytes(bytes: &[u8], source: &str) -> Result<NewParsed, Error> {
    crate::cv::read_bytes(bytes, source)
}

/// Deprecated: [`crate::cv::read_file`].
///
/// ```
/// #![allow(deprecated)]
/// assert!(publist::parse::cv_file("no/such/cv.md").is_err());
/// ```
#[deprecated(
    since = "0.2.0",
    note = "use publist::cv::read_file or publist::read_file"
)]
pub fn cv_file(path: impl AsRef<Path>) -> Result<NewParsed, Error> {
    crate::cv::read_file(path)
}

/// Deprecated: [`crate::csl_json::read`].
///
/// ```
/// #![allow(deprecated)]
/// let json = r#"[{"id": "a", "type": "book", "title": "B"}]"#;
/// assert_eq!(publist::parse::csl_json(json, "a.json")?, publist::csl_json::read(json, "a.json")?);
/// # Ok::<(), publist::Error>(())
/// ```
#[deprecated(since = "0.2.0", note = "use publist::csl_json::read")]
pub fn csl_json(text: &str, source: &str) -> Result<NewParsed, Error> {
    crate::csl_json::read(text, source)
}

/// Deprecated: [`crate::yaml::read`].
///
/// ```
/// #![allow(deprecated)]
/// let yaml = "k:\n  type: book\n  title: B\n";
/// assert_eq!(publist::parse::hayagriva_yaml(yaml, "a.yml")?, publist::yaml::read(yaml, "a.yml")?);
/// # Ok::<(), publist::Error>(())
/// ```
#[cfg(feature = "csl")]
#[deprecated(since = "0.2.0", note = "use publist::yaml::read")]
pub fn hayagriva_yaml(text: &str, source: &str) -> Result<NewParsed, Error> {
    crate::yaml::read(text, source)
}

/// Deprecated: [`crate::cv::names`].
///
/// ```
/// #![allow(deprecated)]
/// assert_eq!(publist::parse::names("Bach S"), publist::cv::names("Bach S"));
/// ```
#[deprecated(since = "0.2.0", note = "use publist::cv::names")]
pub fn names(text: &str) -> Vec<Person> {
    crate::cv::names(text)
}
