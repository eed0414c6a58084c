//! Diagnostics: what a reader could not read, or read only in part.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::Location;

/// How bad a diagnostic is.
///
/// ```
/// use publist::Severity;
/// let parsed = publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". arXiv:2001.00001\n2. no year and no quotes\n", "cv.md");
/// let severities: Vec<Severity> = parsed.diagnostics.iter().map(|d| d.severity).collect();
/// assert!(severities.contains(&Severity::Warning)); // item 1: no "In:" venue
/// assert!(severities.contains(&Severity::Error)); // item 2: not a reference
/// assert!(Severity::Note < Severity::Warning && Severity::Warning < Severity::Error);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information: nothing is wrong with the input (a section that is not
    /// a publication list, skipped). Bare `--strict` does not count notes.
    Note,
    /// The item was read, but something in it is doubtful or missing.
    Warning,
    /// The item could not be turned into a reference; it is reported here instead.
    Error,
}

/// What a diagnostic is about, for programs: `--strict=CODE,...` and
/// embedders match on this, never on the message.
///
/// ```
/// use publist::Code;
/// assert_eq!(Code::NotAReference.name(), "not-a-reference");
/// assert_eq!("no-title".parse::<Code>(), Ok(Code::NoTitle));
/// assert!("bogus".parse::<Code>().is_err());
/// assert_eq!(serde_json::to_string(&Code::CrossrefLoop).unwrap(), "\"crossref-loop\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// A list item or entry that could not be read as a reference (error).
    NotAReference,
    /// An entry without a title.
    NoTitle,
    /// An item without a year.
    NoYear,
    /// An item without authors or editors.
    NoAuthor,
    /// An item without a venue (journal, proceedings, publisher), maybe truncated.
    NoVenue,
    /// A field read with doubt (an ISSN where pages should be, a title not in quotes, ...).
    Doubtful,
    /// An identifier (DOI, arXiv, ISBN, ISSN, ...) that is not well formed.
    BadIdentifier,
    /// A gap in an item numbering: an item may be missing.
    NumberGap,
    /// Text inside a publication section that belongs to no item.
    StrayText,
    /// An entry broken beyond reading (unbalanced braces, not a JSON object, ...).
    BrokenEntry,
    /// An entry whose citation key another entry already has.
    DuplicateKey,
    /// An entry inheriting from itself through `crossref`/`xdata`.
    CrossrefLoop,
    /// An `@string` defined through itself.
    CyclicString,
    /// A macro (`@string`) used but never defined.
    UndefinedMacro,
    /// Input decoded from an encoding other than UTF-8.
    Encoding,
    /// A file in which no publication list was found.
    NoPublicationList,
    /// A section that is not a publication list (talks, teaching, ...), skipped.
    SkippedSection,
    /// A part of a file that is no reference and is not carried into the
    /// output (a .bib file's `@preamble`): reported as a note.
    NotKept,
}

impl Code {
    /// Every code, in declaration order.
    pub const ALL: [Code; 18] = [
        Code::NotAReference,
        Code::NoTitle,
        Code::NoYear,
        Code::NoAuthor,
        Code::NoVenue,
        Code::Doubtful,
        Code::BadIdentifier,
        Code::NumberGap,
        Code::StrayText,
        Code::BrokenEntry,
        Code::DuplicateKey,
        Code::CrossrefLoop,
        Code::CyclicString,
        Code::UndefinedMacro,
        Code::Encoding,
        Code::NoPublicationList,
        Code::SkippedSection,
        Code::NotKept,
    ];

    /// The code's name (`not-a-reference`), as serialised and as `--strict` takes it.
    ///
    /// ```
    /// assert_eq!(publist::Code::BrokenEntry.name(), "broken-entry");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Code::NotAReference => "not-a-reference",
            Code::NoTitle => "no-title",
            Code::NoYear => "no-year",
            Code::NoAuthor => "no-author",
            Code::NoVenue => "no-venue",
            Code::Doubtful => "doubtful",
            Code::BadIdentifier => "bad-identifier",
            Code::NumberGap => "number-gap",
            Code::StrayText => "stray-text",
            Code::BrokenEntry => "broken-entry",
            Code::DuplicateKey => "duplicate-key",
            Code::CrossrefLoop => "crossref-loop",
            Code::CyclicString => "cyclic-string",
            Code::UndefinedMacro => "undefined-macro",
            Code::Encoding => "encoding",
            Code::NoPublicationList => "no-publication-list",
            Code::SkippedSection => "skipped-section",
            Code::NotKept => "not-kept",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not a [`Code`].
///
/// ```
/// let e = "nope".parse::<publist::Code>().unwrap_err();
/// assert!(e.to_string().starts_with("unknown diagnostic code 'nope'"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown diagnostic code '{0}' (codes: {codes})", codes = Code::ALL.map(Code::name).join(", "))]
pub struct UnknownCode(pub String);

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::ALL
            .into_iter()
            .find(|c| c.name() == s)
            .ok_or_else(|| UnknownCode(s.to_string()))
    }
}

/// A message about one input item, with what it is about and where it stands.
///
/// ```
/// use publist::{Code, Diagnostic, Location, Severity};
/// let d = Diagnostic::error(Code::NoTitle, Location::new("cv.md", 12), "no title found");
/// assert_eq!(d.to_string(), "cv.md:12: error: no title found");
/// assert_eq!((d.severity, d.code), (Severity::Error, Code::NoTitle));
/// assert_eq!(d.at.line, 12);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What it is about.
    pub code: Code,
    /// The source and the 1-based line.
    pub at: Location,
    /// What is wrong, for people.
    pub message: String,
}

impl Diagnostic {
    /// An error: the item at `at` did not become a reference.
    ///
    /// ```
    /// use publist::{Code, Diagnostic, Location};
    /// let d = Diagnostic::error(Code::BrokenEntry, Location::new("refs.bib", 7), "entry has no closing brace");
    /// assert_eq!(d.to_string(), "refs.bib:7: error: entry has no closing brace");
    /// ```
    pub fn error(code: Code, at: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, at, message)
    }

    /// A warning about an item that did become a reference.
    ///
    /// ```
    /// use publist::{Code, Diagnostic, Location};
    /// let d = Diagnostic::warning(Code::NoVenue, Location::new("cv.md", 3), "no venue found");
    /// assert_eq!(d.to_string(), "cv.md:3: warning: no venue found");
    /// ```
    pub fn warning(code: Code, at: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, at, message)
    }

    /// A note: information about the input, nothing wrong with it.
    ///
    /// ```
    /// use publist::{Code, Diagnostic, Location};
    /// let d = Diagnostic::note(Code::SkippedSection, Location::new("cv.md", 40), "section \"Teaching\" is not a publication list: skipped");
    /// assert_eq!(d.to_string(), "cv.md:40: note: section \"Teaching\" is not a publication list: skipped");
    /// ```
    pub fn note(code: Code, at: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, at, message)
    }

    /// A diagnostic of any severity.
    ///
    /// ```
    /// use publist::{Code, Diagnostic, Location, Severity};
    /// let d = Diagnostic::new(Severity::Warning, Code::Doubtful, Location::new("a.md", 1), "odd");
    /// assert_eq!(d.severity, Severity::Warning);
    /// ```
    pub fn new(severity: Severity, code: Code, at: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            at,
            message: message.into(),
        }
    }

    /// Whether a strict run fails on this diagnostic: with no codes given,
    /// on every warning and error (notes never fail); else on the
    /// diagnostics with one of `codes`, whatever their severity.
    ///
    /// ```
    /// use publist::{Code, Diagnostic, Location};
    /// let at = Location::new("cv.md", 3);
    /// let skipped = Diagnostic::note(Code::SkippedSection, at.clone(), "skipped");
    /// let untitled = Diagnostic::warning(Code::NoTitle, at, "no title");
    /// assert!(!skipped.fails_strict(&[]) && untitled.fails_strict(&[]));
    /// assert!(skipped.fails_strict(&[Code::SkippedSection]));
    /// assert!(!untitled.fails_strict(&[Code::NoYear]));
    /// ```
    pub fn fails_strict(&self, codes: &[Code]) -> bool {
        match codes {
            [] => self.severity > Severity::Note,
            codes => codes.contains(&self.code),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}: {sev}: {}", self.at, self.message)
    }
}
