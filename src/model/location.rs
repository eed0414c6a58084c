//! Where something stands in an input: the one position type of the crate.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A place in an input: the source's name (usually the path as the user gave
/// it) and a 1-based line; line 0 stands for the input as a whole.
///
/// The name is shared: the locations a reader makes for one file hold one
/// name between them (cloning a `Location` copies no text), so a library of
/// a million references does not hold a million copies of its file's name.
/// It is written and read as a plain string.
///
/// Provenance ([`crate::Provenance::at`]), merge evidence
/// ([`crate::merge::MatchEvidence`]), diagnostics ([`crate::Diagnostic::at`])
/// and errors ([`crate::Error::at`]) all say where with a `Location`.
///
/// ```
/// use publist::Location;
/// let at = Location::new("cv.md", 12);
/// assert_eq!(at.to_string(), "cv.md:12");
/// assert_eq!(Location::new("refs.bib", 0).to_string(), "refs.bib");
/// assert!(Location::new("a.md", 3) < Location::new("a.md", 10));
/// assert_eq!(
///     serde_json::to_string(&Location::new("a.md", 3)).unwrap(),
///     r#"{"source":"a.md","line":3}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    /// The source name (usually the path as the user gave it), shared by the
    /// locations made from one name.
    pub source: Arc<str>,
    /// 1-based line; 0 when the whole input is meant.
    pub line: usize,
}

impl Location {
    /// A location at `line` (1-based; 0 for the whole input) of `source`: a
    /// `&str` or `String` is copied into a new shared name, an `Arc<str>` is
    /// shared as it is (what a reader does for the many locations of one file).
    ///
    /// ```
    /// use std::sync::Arc;
    /// let at = publist::Location::new("cv.md", 3);
    /// assert_eq!((&*at.source, at.line), ("cv.md", 3));
    /// let name: Arc<str> = Arc::from("refs.json");
    /// let (a, b) = (publist::Location::new(name.clone(), 2), publist::Location::new(name, 9));
    /// assert!(Arc::ptr_eq(&a.source, &b.source));
    /// ```
    pub fn new(source: impl Into<Arc<str>>, line: usize) -> Self {
        Location {
            source: source.into(),
            line,
        }
    }

    /// The line, unless the location is the whole input.
    ///
    /// ```
    /// assert_eq!(publist::Location::new("a.bib", 7).line(), Some(7));
    /// assert_eq!(publist::Location::new("a.bib", 0).line(), None);
    /// ```
    pub fn line(&self) -> Option<usize> {
        (self.line > 0).then_some(self.line)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line() {
            Some(line) => write!(f, "{}:{line}", self.source),
            None => f.write_str(&self.source),
        }
    }
}
