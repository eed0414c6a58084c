//! Diagnostics: what a reader could not read, or read only in part.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How bad a diagnostic is.
///
/// ```
/// use publist::Severity;
/// let parsed = publist::parse::cv("## Preprints\n1. Bach S (2020). \"Title\". arXiv:2001.00001\n2. no year and no quotes\n", "cv.md");
/// let severities: Vec<Severity> = parsed.diagnostics.iter().map(|d| d.severity).collect();
/// assert!(severities.contains(&Severity::Warning)); // item 1: no "In:" venue
/// assert!(severities.contains(&Severity::Error)); // item 2: not a reference
/// assert!(Severity::Warning < Severity::Error);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The item was read, but something in it is doubtful or missing.
    Warning,
    /// The item could not be turned into a reference; it is reported here instead.
    Error,
}

/// A message about one input item, with where it stands.
///
/// ```
/// use publist::{Diagnostic, Severity};
/// let d = Diagnostic::error("cv.md", 12, "no title found");
/// assert_eq!(d.to_string(), "cv.md:12: error: no title found");
/// assert_eq!(d.severity, Severity::Error);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The source name (usually the path as the user gave it).
    pub source: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// An error: the item at `line` did not become a reference.
    ///
    /// ```
    /// let d = publist::Diagnostic::error("refs.bib", 7, "entry has no closing brace");
    /// assert_eq!(d.to_string(), "refs.bib:7: error: entry has no closing brace");
    /// ```
    pub fn error(source: &str, line: usize, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, source, line, message)
    }

    /// A warning about an item that did become a reference.
    ///
    /// ```
    /// let d = publist::Diagnostic::warning("cv.md", 3, "no venue found");
    /// assert_eq!(d.to_string(), "cv.md:3: warning: no venue found");
    /// ```
    pub fn warning(source: &str, line: usize, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, source, line, message)
    }

    fn new(severity: Severity, source: &str, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            source: source.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {sev}: {}", self.source, self.line, self.message)
    }
}
