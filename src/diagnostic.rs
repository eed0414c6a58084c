//! Diagnostics: what a reader could not read, or read only in part.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How bad a diagnostic is.
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
    pub fn error(source: &str, line: usize, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, source, line, message)
    }

    /// A warning about an item that did become a reference.
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
