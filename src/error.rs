//! The crate's error type.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::Location;

/// What went wrong.
///
/// ```
/// use publist::ErrorKind;
/// let e = publist::read(b"\xff\xfe binary", "cv.txt").unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
/// let e = publist::read_file("no/such/cv.md").unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::NotFound);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read or written (other than [`ErrorKind::NotFound`]).
    Io,
    /// The input is not UTF-8 text (or another text encoding publist reads).
    InvalidUtf8,
    /// The input is not in the expected format.
    Syntax,
    /// What was asked for does not exist: a file, a style, a locale.
    NotFound,
    /// The input is valid but asks for something publist does not do.
    Unsupported,
}

/// An error with its kind, where it happened and, when it came from below
/// (an I/O error, a parser of another crate), its cause.
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
/// assert_eq!(&*e.at().source, "cv.txt");
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    at: Location,
    message: String,
    #[serde(skip)]
    #[source]
    cause: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl PartialEq for Error {
    /// Kind, location and message; the cause is not compared.
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.at == other.at && self.message == other.message
    }
}

impl Eq for Error {}

impl Error {
    /// A new error about `source_name` as a whole.
    ///
    /// ```
    /// use publist::{Error, ErrorKind};
    /// let e = Error::new(ErrorKind::Syntax, "style.csl", "not a CSL style");
    /// assert_eq!(e.to_string(), "style.csl: not a CSL style");
    /// ```
    pub fn new(kind: ErrorKind, source_name: &str, message: impl Into<String>) -> Self {
        Error {
            kind,
            at: Location::new(source_name, 0),
            message: message.into(),
            cause: None,
        }
    }

    /// An I/O error on `path`: [`ErrorKind::NotFound`] when the file does not
    /// exist, [`ErrorKind::Io`] otherwise; the I/O error is the cause.
    ///
    /// ```
    /// use std::error::Error as _;
    /// let io = std::fs::read("no/such/file").unwrap_err();
    /// let e = publist::Error::io("no/such/file", io);
    /// assert_eq!(e.kind(), publist::ErrorKind::NotFound);
    /// assert!(e.source().is_some());
    /// ```
    pub fn io(path: &str, err: std::io::Error) -> Self {
        let kind = match err.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            _ => ErrorKind::Io,
        };
        Error::new(kind, path, err.to_string()).with_cause(err)
    }

    /// The same error, located at a 1-based line.
    ///
    /// ```
    /// let e = publist::Error::new(publist::ErrorKind::Syntax, "a.bib", "unbalanced braces").at_line(9);
    /// assert_eq!(e.to_string(), "a.bib:9: unbalanced braces");
    /// ```
    pub fn at_line(mut self, line: usize) -> Self {
        self.at.line = line;
        self
    }

    /// The same error, with the error that caused it (returned by
    /// [`std::error::Error::source`]).
    ///
    /// ```
    /// use std::error::Error as _;
    /// let cause = "x".parse::<i32>().unwrap_err();
    /// let e = publist::Error::new(publist::ErrorKind::Syntax, "a.json", "bad number").with_cause(cause);
    /// assert_eq!(e.source().unwrap().to_string(), "invalid digit found in string");
    /// ```
    pub fn with_cause(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.cause = Some(Arc::new(cause));
        self
    }

    /// What went wrong.
    ///
    /// ```
    /// let e = publist::read_file("no/such/file.md").unwrap_err();
    /// assert_eq!(e.kind(), publist::ErrorKind::NotFound);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where: the source and, when known, the line.
    ///
    /// ```
    /// let e = publist::Error::new(publist::ErrorKind::Syntax, "a.bib", "x").at_line(4);
    /// assert_eq!(e.at(), &publist::Location::new("a.bib", 4));
    /// ```
    pub fn at(&self) -> &Location {
        &self.at
    }

    /// The source the error concerns.
    ///
    /// ```
    /// let e = publist::read_file("missing.md").unwrap_err();
    /// assert_eq!(e.source_name(), "missing.md");
    /// ```
    pub fn source_name(&self) -> &str {
        &self.at.source
    }

    /// The 1-based line, when known.
    ///
    /// ```
    /// let e = publist::read(b"ok\nbad \xff\n", "cv.txt").unwrap_err();
    /// assert_eq!(e.line(), Some(2));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.at.line()
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
        write!(f, "{}: {}", self.at, self.message)
    }
}
