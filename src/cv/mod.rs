//! Publication lists as people keep them: CV sections and publication pages
//! in markdown, plain text (also extracted from PDF or pasted from a word
//! processor), LaTeX and HTML.
//!
//! Three stages: a front end per syntax turns the input into blocks
//! (headings, list items, paragraphs, definition lists, with source lines),
//! `items` finds the publication sections among them and splits them into
//! items, then `item` reads each item's fields. Every item becomes a
//! reference or an error diagnostic.

mod blocks;
mod clean;
mod entries;
mod evidence;
#[cfg(feature = "html")]
mod html;
mod item;
mod items;
mod latex;
mod latex_inline;
mod markdown;
mod names;
mod notes;
mod paragraphs;
pub mod refstring;
mod sections;
mod text;
mod venue;
mod year;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::input::Parsed;
use crate::model::Person;

pub use entries::{entries, Entries, Entry};
pub use sections::Status;

/// The syntax a publication list is written in.
///
/// ```
/// use publist::cv::Syntax;
/// assert_eq!(Syntax::detect("cv.tex", ""), Syntax::Latex);
/// assert_eq!(Syntax::detect("<stdin>", "<!DOCTYPE html><html>"), Syntax::Html);
/// assert_eq!(Syntax::detect("<stdin>", "## Publications\n1. A"), Syntax::Markdown);
/// assert_eq!(Syntax::detect("list.txt", "## Publications"), Syntax::Text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Syntax {
    /// Markdown (CommonMark with pandoc-style definition lists and YAML front matter).
    Markdown,
    /// Plain text: extracted from PDF, pasted from a word processor or a reference manager.
    Text,
    /// LaTeX: `\section`, lists, `thebibliography`, moderncv and res.cls macros.
    Latex,
    /// HTML: headings, lists, paragraphs, links.
    Html,
}

impl Syntax {
    /// The syntax of an input named `name` holding `text`: by extension when
    /// it has one publist knows (`.md`, `.txt`, `.tex`, `.html`), otherwise by
    /// content (an HTML doctype or root element, LaTeX commands, markdown
    /// headings or lists), plain text when nothing says otherwise.
    ///
    /// ```
    /// use publist::cv::Syntax;
    /// assert_eq!(Syntax::detect("cv.md", "\\section{Publications}"), Syntax::Markdown);
    /// assert_eq!(Syntax::detect("-", "\\documentclass{res}"), Syntax::Latex);
    /// assert_eq!(Syntax::detect("-", "Smith J (2020). Title."), Syntax::Text);
    /// ```
    pub fn detect(name: &str, text: &str) -> Syntax {
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd" | "qmd" | "rmd") => return Syntax::Markdown,
            Some("txt" | "text") => return Syntax::Text,
            Some("tex" | "ltx" | "latex") => return Syntax::Latex,
            Some("html" | "htm" | "xhtml") => return Syntax::Html,
            _ => {}
        }
        let head: String = text.chars().take(4096).collect();
        let lower = head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || lower.contains("<body")
        {
            return Syntax::Html;
        }
        let latex = [
            "\\documentclass",
            "\\begin{",
            "\\section",
            "\\item",
            "\\bibitem",
        ];
        if latex.iter().any(|m| head.contains(m)) {
            return Syntax::Latex;
        }
        let markdown = head.lines().any(|l| {
            let t = l.trim_start();
            (t.starts_with('#') && t.trim_start_matches('#').starts_with(' '))
                || t.starts_with("- ")
                || t.starts_with("* ")
                || l.contains("](")
                || l == "---"
        });
        if markdown {
            Syntax::Markdown
        } else {
            Syntax::Text
        }
    }

    /// The syntax's name for messages.
    ///
    /// ```
    /// assert_eq!(publist::cv::Syntax::Latex.name(), "LaTeX");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Syntax::Markdown => "markdown",
            Syntax::Text => "text",
            Syntax::Latex => "LaTeX",
            Syntax::Html => "HTML",
        }
    }
}

/// Reads a list of names as CVs write them (`Lapuschkin S; Bach S`,
/// `Müller K-R and de Lange T`); separators `,`, `;`, `and`, `&`.
///
/// ```
/// let people = publist::cv::names("Müller K-R; de Lange T");
/// assert_eq!(people[0].given(), Some("K.-R."));
/// assert_eq!(people[1].particle(), Some("de"));
/// ```
pub fn names(text: &str) -> Vec<Person> {
    names::parse_names(text).persons
}

/// Reads the publication lists of a CV or publication page given as text, in
/// the syntax [`Syntax::detect`] finds for `source` and `text`. `source`
/// names the input in provenance and diagnostics.
///
/// ```
/// let cv = "## Preprints\n\n1. Schwenk G and **Bach S** (2014).\n\"Detecting Behavioural and Structural Anomalies in Media-Cloud Applications\".\nIn: *CoRR abs/1409.8035*\n";
/// let parsed = publist::cv::read(cv, "cv.md");
/// let r = &parsed.references[0];
/// assert_eq!(r.kind, publist::Kind::Preprint);
/// assert_eq!(r.authors[1].family(), "Bach");
/// assert_eq!(r.ids.arxiv.as_ref().unwrap().as_str(), "1409.8035");
/// assert_eq!(r.sources[0].at.line, 3);
/// ```
pub fn read(text: &str, source: &str) -> Parsed {
    read_as(Syntax::detect(source, text), text, source)
}

/// Like [`read()`], in a given syntax.
///
/// ```
/// use publist::cv::Syntax;
/// let tex = "\\section{Publications}\n\\begin{enumerate}\n\\item Bach S (2015). \"A\". In: \\emph{J} 1:1-9\n\\end{enumerate}\n";
/// let parsed = publist::cv::read_as(Syntax::Latex, tex, "cv");
/// assert_eq!(parsed.references[0].title, "A");
/// assert_eq!(parsed.references[0].sources[0].at.line, 3);
/// ```
pub fn read_as(syntax: Syntax, text: &str, source: &str) -> Parsed {
    let (raw_items, mut diagnostics) = split(syntax, text, source);
    let mut references = Vec::with_capacity(raw_items.len());
    let mut previous: Option<(usize, &str)> = None;
    // One name for the file's references.
    let name: std::sync::Arc<str> = source.into();
    for raw in &raw_items {
        // The reference of the item just above in the same section, if any.
        let above = previous
            .filter(|&(_, title)| title == raw.section.title)
            .and_then(|(i, _)| references.get(i));
        let r = item::parse_item(raw, &name, above, &mut diagnostics);
        previous = None;
        if let Some(r) = r {
            previous = Some((references.len(), raw.section.title.as_str()));
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

/// The items of the publication lists in `text`, before their fields are
/// read, and the diagnostics about finding them.
fn split(
    syntax: Syntax,
    text: &str,
    source: &str,
) -> (Vec<items::RawItem>, Vec<crate::Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let blocks = match syntax {
        Syntax::Markdown => markdown::blocks(text),
        Syntax::Text => text::blocks(text),
        Syntax::Latex => latex::blocks(text),
        #[cfg(feature = "html")]
        Syntax::Html => html::blocks(text),
        #[cfg(not(feature = "html"))]
        Syntax::Html => {
            // A warning: no item was found, so none is lost.
            let d = crate::Diagnostic::warning(
                crate::Code::NoPublicationList,
                crate::Location::new(source, 1),
                "reading HTML needs publist's `html` feature",
            );
            return (Vec::new(), vec![d]);
        }
    };
    items::split(&blocks, text, source, syntax)
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
/// assert_eq!(*parsed.references[0].sources[0].at.source, path.display().to_string());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_file(path: impl AsRef<Path>) -> Result<Parsed, Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
    read_bytes(&bytes, &name)
}
