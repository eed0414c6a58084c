//! The input side: which format an input is ([`Format::detect`]) and what
//! every reader returns ([`Parsed`]); [`crate::read`] reads any input.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::model::Reference;

/// What a reader got out of one input: references, and diagnostics for what
/// it could not read (errors) or read only in part (warnings).
///
/// Every input item is accounted for: `items` = `references.len()` + the
/// number of error diagnostics.
///
/// ```
/// let cv = "## Journal Articles\n1. Bach S (2015). \"A\". In: *J* 1:1-9\n2. a line that is no reference\n";
/// let parsed = publist::cv::read(cv, "cv.md");
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
    /// let parsed = publist::cv::read("## Preprints\n1. Bach S (2020). \"A\". arXiv:2001.00001\n2. nothing here\n", "cv.md");
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

/// The formats publist reads.
///
/// ```
/// use publist::Format;
/// assert_eq!(Format::detect("refs.bib", b""), Format::Bib);
/// assert_eq!(Format::detect("<stdin>", b"  [{\"id\": \"a\"}]"), Format::CslJson);
/// assert_eq!(Format::detect("cv.md", b"[Home](/)\n## Publications"), Format::Cv);
/// assert_eq!(Format::Yaml.name(), "hayagriva YAML");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Format {
    /// A CV or publication list: markdown or plain text (also extracted from PDF).
    Cv,
    /// BibTeX or BibLaTeX.
    Bib,
    /// CSL-JSON (Zotero, pandoc, citeproc-js, publist's own output).
    CslJson,
    /// hayagriva YAML (Typst's bibliography format).
    Yaml,
}

impl Format {
    /// The format an input's extension names, in any case, if it is one
    /// publist reads: `.bib` (`.bibtex`, `.biblatex`), `.json`, `.yml`/`.yaml`,
    /// and for CVs `.md`, `.markdown`, `.txt`, `.text`, `.rst`, `.org`,
    /// `.tex`, `.html`, `.htm`.
    ///
    /// ```
    /// use publist::Format;
    /// assert_eq!(Format::from_extension("cv/Refs.BIB"), Some(Format::Bib));
    /// assert_eq!(Format::from_extension("cv.tex"), Some(Format::Cv));
    /// assert_eq!(Format::from_extension("Lapuschkin S"), None);
    /// ```
    pub fn from_extension(name: &str) -> Option<Format> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "bib" | "bibtex" | "biblatex" => Some(Format::Bib),
            "json" => Some(Format::CslJson),
            "yml" | "yaml" => Some(Format::Yaml),
            "md" | "markdown" | "txt" | "text" | "rst" | "org" | "tex" | "html" | "htm" => {
                Some(Format::Cv)
            }
            _ => None,
        }
    }

    /// The format of an input named `name` (a path, or `<stdin>`) holding
    /// `bytes`: by extension when it is one publist knows (`.bib`, `.json`,
    /// `.yml`/`.yaml`; `.md`, `.txt` and other text for CVs), otherwise by
    /// content: an opening `@` is .bib, an opening JSON array of objects or an
    /// object is CSL-JSON, a first line `key:` with an indented `type:` is
    /// YAML, anything else a CV.
    ///
    /// ```
    /// use publist::Format;
    /// assert_eq!(Format::detect("refs.JSON", b""), Format::CslJson);
    /// assert_eq!(Format::detect("refs.yaml", b""), Format::Yaml);
    /// assert_eq!(Format::detect("cv-2025.txt", b"@misc is no bib here"), Format::Cv);
    /// assert_eq!(Format::detect("<stdin>", b"\n@article{k, title={T}}"), Format::Bib);
    /// assert_eq!(Format::detect("-", b"crp:\n  type: article\n"), Format::Yaml);
    /// assert_eq!(Format::detect("<stdin>", b"## Publications\n1. ..."), Format::Cv);
    /// ```
    pub fn detect(name: &str, bytes: &[u8]) -> Format {
        if let Some(format) = Format::from_extension(name) {
            return format;
        }
        let mut rest = bytes
            .strip_prefix("\u{feff}".as_bytes())
            .unwrap_or(bytes)
            .iter()
            .copied()
            .skip_while(u8::is_ascii_whitespace);
        match rest.next() {
            Some(b'@') => Format::Bib,
            Some(b'[') => match rest.find(|b| !b.is_ascii_whitespace()) {
                Some(b'{' | b']') => Format::CslJson,
                _ => Format::Cv,
            },
            Some(b'{') => match rest.find(|b| !b.is_ascii_whitespace()) {
                Some(b'"' | b'}') => Format::CslJson,
                _ => Format::Cv,
            },
            _ if looks_like_yaml(bytes) => Format::Yaml,
            _ => Format::Cv,
        }
    }

    /// A name for messages ("BibTeX/BibLaTeX", "CSL-JSON").
    ///
    /// ```
    /// assert_eq!(publist::Format::Bib.name(), "BibTeX/BibLaTeX");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Format::Cv => "CV text",
            Format::Bib => "BibTeX/BibLaTeX",
            Format::CslJson => "CSL-JSON",
            Format::Yaml => "hayagriva YAML",
        }
    }
}

/// hayagriva YAML: a first line `key:` and an indented `type:` below.
fn looks_like_yaml(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let mut lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let first_is_key = lines
        .next()
        .is_some_and(|l| l.ends_with(':') && !l.contains(' '));
    first_is_key
        && text
            .lines()
            .any(|l| l.trim_start().starts_with("type:") && l.starts_with(' '))
}
