//! The crate's error type.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What went wrong.
///
/// ```
/// use publist::ErrorKind;
/// let e = publist::parse::cv_bytes(b"\xff\xfe binary", "cv.bin").unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
/// let e = publist::parse::cv_file("no/such/cv.md").unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::Io);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read or written.
    Io,
    /// The input is not UTF-8 text.
    InvalidUtf8,
    /// The input is not in the expected format.
    Syntax,
}

/// An error with its kind, the source it concerns and, when known, the line.
///
/// Readers report problems with single items as [`crate::Diagnostic`]s and
/// carry on; an `Error` means a whole input could not be used.
///
/// ```
/// use publist::{Error, ErrorKind};
/// let e = Error::new(ErrorKind::InvalidUtf8, "cv.txt", "not UTF-8 text").at_line(3);
/// assert_eq!(e.to_string(), "cv.txt:3: not UTF-8 text");
/// assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
/// assert_eq!(e.line(), Some(3));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    source_name: String,
    line: Option<usize>,
    message: String,
}

impl Error {
    /// A new error about `source_name`.
    ///
    /// ```
    /// use publist::{Error, ErrorKind};
    /// let e = Error::new(ErrorKind::Syntax, "style.csl", "not a CSL style");
    /// assert_eq!(e.to_string(), "style.csl: not a CSL style");
    /// ```
    pub fn new(kind: ErrorKind, source_name: &str, message: impl Into<String>) -> Self {
        Error {
            kind,
            source_name: source_name.to_string(),
            line: None,
            message: message.into(),
        }
    }

    /// The same error, located at a 1-based line.
    ///
    /// ```
    /// let e = publist::Error::new(publist::ErrorKind::Syntax, "a.bib", "unbalanced braces").at_line(9);
    /// assert_eq!(e.to_string(), "a.bib:9: unbalanced braces");
    /// ```
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// What went wrong.
    ///
    /// ```
    /// let e = publist::csl::load_style("no-such-style", None).unwrap_err();
    /// assert_eq!(e.kind(), publist::ErrorKind::Syntax);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The source the error concerns.
    ///
    /// ```
    /// let e = publist::parse::cv_file("missing.md").unwrap_err();
    /// assert_eq!(e.source_name(), "missing.md");
    /// ```
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// The 1-based line, when known.
    ///
    /// ```
    /// let e = publist::parse::cv_bytes(b"ok\nbad \xff\n", "cv.txt").unwrap_err();
    /// assert_eq!(e.line(), Some(2));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The message, without position.
    ///
    /// ```
    /// let e = publist::Error::new(publist::ErrorKind::Io, "cv.md", "permission denied").at_line(1);
    /// assert_eq!(e.message(), "permission denied");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.source_name, self.message),
            None => write!(f, "{}: {}", self.source_name, self.message),
        }
    }
}
