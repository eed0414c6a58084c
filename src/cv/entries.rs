//! The items of a publication list before their fields are read: for tools
//! that want the raw entries (with the section and the hints of the
//! headings above them), and for checking how a list was split.

use serde::{Deserialize, Serialize};

use super::items::RawItem;
use super::sections::Status;
use super::Syntax;
use crate::diagnostic::Diagnostic;
use crate::model::Kind;

/// One entry of a publication list, as the structure reader found it.
///
/// ```
/// let md = "## Refereed publications\n\n### 2025\n\n* [J5] Bednarek, M. 2025. Title. _Journal_ 9(2).\n";
/// let e = &publist::cv::entries(md, "pubs.md").entries[0];
/// assert_eq!((e.line, e.label.as_deref(), e.year), (5, Some("J5"), Some(2025)));
/// assert_eq!(e.section, "Refereed publications");
/// assert_eq!(e.text, ["Bednarek, M. 2025. Title. _Journal_ 9(2)."]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The 1-based line where the entry starts (its `\item`, `<li>`, number or first line).
    pub line: usize,
    /// The label as printed, without brackets or period (`J5`, `12`).
    pub label: Option<String>,
    /// The key of a `\bibitem{key}`.
    pub key: Option<String>,
    /// The title of the publication section it is listed under.
    pub section: String,
    /// The kind the headings above it name ("Journal Articles"), a hint.
    pub kind: Option<Kind>,
    /// The year a year heading or a definition term above it gives, a hint.
    pub year: Option<i32>,
    /// The status a heading above it names ("In press"), a hint.
    pub status: Option<Status>,
    /// The entry's text as inline markdown (`*it*`, `**bold**`, `[t](url)`), one string per source line.
    pub text: Vec<String>,
    /// The source line of each string of `text`.
    pub lines: Vec<usize>,
}

/// What [`entries`] found.
///
/// ```
/// let e = publist::cv::entries("# Teaching\n\nA course.\n", "cv.md");
/// assert!(e.entries.is_empty());
/// assert_eq!(e.syntax, publist::cv::Syntax::Markdown);
/// let codes: Vec<_> = e.diagnostics.iter().map(|d| d.code).collect();
/// assert_eq!(codes, [publist::Code::NoPublicationList, publist::Code::SkippedSection]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entries {
    /// The syntax the input was read as.
    pub syntax: Syntax,
    /// The entries, in input order.
    pub entries: Vec<Entry>,
    /// Text in publication sections that belongs to no entry, skipped sections,
    /// number gaps, and a file without a publication list.
    pub diagnostics: Vec<Diagnostic>,
}

impl From<RawItem> for Entry {
    fn from(r: RawItem) -> Self {
        Entry {
            line: r.line,
            label: r.label,
            key: r.key,
            section: r.section.title,
            kind: r.section.kind,
            year: r.section.year,
            status: r.section.status,
            text: r.lines,
            lines: r.line_numbers,
        }
    }
}

/// Finds the publication sections of a CV or publication page (any syntax
/// [`Syntax::detect`] knows) and splits them into entries, without reading
/// their fields.
///
/// ```
/// let tex = "\\section{Publications}\n\\begin{thebibliography}{9}\n\\bibitem{doe20} J.~Doe. \\emph{T}. 2020.\n\\end{thebibliography}\n";
/// let e = publist::cv::entries(tex, "cv.tex");
/// assert_eq!(e.entries[0].key.as_deref(), Some("doe20"));
/// assert_eq!(e.entries[0].text, ["J. Doe. *T*. 2020."]);
/// ```
pub fn entries(text: &str, source: &str) -> Entries {
    let syntax = Syntax::detect(source, text);
    let (items, mut diagnostics) = super::split(syntax, text, source);
    diagnostics.sort_by_key(|d| d.at.line);
    Entries {
        syntax,
        entries: items.into_iter().map(Entry::from).collect(),
        diagnostics,
    }
}
