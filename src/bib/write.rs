//! The .bib writer: BibLaTeX or BibTeX, one entry per reference.

use serde::{Deserialize, Serialize};

use super::latex::{escape, protect_case, to_ascii_tex};
use crate::keys::{self, KeyFormat};
use crate::model::{Kind, LinkKind, Original, Pages, Person, Reference};

/// Which .bib dialect to write.
///
/// ```
/// use publist::bib::{write, Dialect, WriteOptions};
/// let refs = publist::cv::read("## Preprints\n1. Müller K-R (2020). \"Title\". In: arXiv:2001.00001\n", "cv.md").references;
/// let biblatex = write(&refs, &WriteOptions::default());
/// assert!(biblatex.contains("eprinttype = {arxiv}") && biblatex.contains("Müller"));
/// let bibtex = write(&refs, &WriteOptions { dialect: Dialect::BibTex, ..Default::default() });
/// assert!(bibtex.contains("archiveprefix = {arXiv}") && bibtex.contains(r#"M{\"u}ller"#));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// BibLaTeX (biber): `date`, `journaltitle`, `location`, `eprinttype`, UTF-8.
    #[default]
    BibLatex,
    /// BibTeX: `year`/`month`, `journal`, `address`, `archiveprefix`, ASCII with accent commands.
    BibTex,
}

/// A name that is not a [`Dialect`].
///
/// ```
/// let e = "ris".parse::<publist::bib::Dialect>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown .bib dialect 'ris' (biblatex or bibtex)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown .bib dialect '{0}' (biblatex or bibtex)")]
pub struct UnknownDialect(pub String);

impl std::str::FromStr for Dialect {
    type Err = UnknownDialect;

    /// `biblatex` or `bibtex`, in any case.
    ///
    /// ```
    /// use publist::bib::Dialect;
    /// assert_eq!("BibTeX".parse(), Ok(Dialect::BibTex));
    /// assert_eq!("biblatex".parse(), Ok(Dialect::BibLatex));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "biblatex" => Ok(Dialect::BibLatex),
            "bibtex" => Ok(Dialect::BibTex),
            _ => Err(UnknownDialect(s.to_string())),
        }
    }
}

/// Options for [`write()`].
///
/// ```
/// use publist::bib::{write, Dialect, WriteOptions};
/// let refs = publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001. [Code](https://github.com/x/y)\n", "cv.md").references;
/// let full = write(&refs, &WriteOptions::default());
/// assert!(full.contains("verba = "));
/// let plain = write(&refs, &WriteOptions { plain: true, dialect: Dialect::BibTex, ..Default::default() });
/// assert!(!plain.contains("verba = "));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteOptions {
    /// The dialect.
    pub dialect: Dialect,
    /// How citation keys are made.
    pub keys: KeyFormat,
    /// Leave out publist's own fields (`verba` with the classified links,
    /// `verbb` with an OpenReview id beside an arXiv id), which make the
    /// export lossless but mean nothing to LaTeX styles.
    pub plain: bool,
}

/// Writes references as a .bib file, with unique keys (see [`crate::keys`]).
///
/// ```
/// use publist::bib::{write, Dialect, WriteOptions};
/// let parsed = publist::cv::read("## Journal Articles\n1. Bach S and Müller K-R (2015). \"LRP for ImageNet\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md");
/// let bib = write(&parsed.references, &WriteOptions::default());
/// assert!(bib.starts_with("@article{bach2015lrp,\n"));
/// assert!(bib.contains("  author = {Bach, S. and Müller, K.-R.},\n"));
/// assert!(bib.contains("  title = {{LRP} for {ImageNet}},\n"));
/// let bibtex = write(&parsed.references, &WriteOptions { dialect: Dialect::BibTex, ..Default::default() });
/// assert!(bibtex.contains(r#"  author = {Bach, S. and M{\"u}ller, K.-R.},"#));
/// assert!(bibtex.contains("  journal = {{PLoS} {ONE}},\n"));
/// ```
pub fn write(refs: &[Reference], options: &WriteOptions) -> String {
    let keys = keys::assign_with(refs, &options.keys);
    let mut out = String::new();
    for (r, key) in refs.iter().zip(&keys) {
        out.push_str(&write_entry(r, key, options));
        out.push('\n');
    }
    // BibTeX's sorting idiom needs its definition (the input's @preamble
    // is not kept: the model holds entries).
    if out.contains("\\noopsort") {
        out.insert_str(0, "@preamble{ \"\\providecommand{\\noopsort}[1]{}\" }\n\n");
    }
    out
}

/// Writes one entry under the given citation key (no key uniqueness check:
/// [`write()`] assigns unique keys for a whole list).
///
/// ```
/// use publist::bib::{write_entry, WriteOptions};
/// let r = &publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001\n", "cv.md").references[0];
/// let entry = write_entry(r, "mykey", &WriteOptions::default());
/// assert!(entry.starts_with("@online{mykey,\n"), "{entry}");
/// ```
pub fn write_entry(r: &Reference, key: &str, options: &WriteOptions) -> String {
    let (entry_type, fields) = match &r.original {
        Some(Original::Bib(original)) => super::carry::fields(r, original, options),
        Some(Original::CslJson(record)) => {
            let csl = &record.to_map();
            let (t, typed) = typed_fields(r, options);
            let t = super::from_csl::entry_type(r, csl, options.dialect).unwrap_or(t);
            // A thesis's or report's university is its institution (school).
            let institution = match t {
                "thesis" | "report" | "techreport" => Some("institution"),
                "phdthesis" | "mastersthesis" => Some("school"),
                _ => None,
            };
            let mut fields: Vec<(String, String)> = typed
                .into_iter()
                .map(|(_, n, v)| match (n, institution) {
                    ("publisher", Some(i)) => (i.to_string(), v),
                    // CSL's number of a report, law or web page is BibLaTeX's `number`.
                    ("eid", _) if numbered(t) => ("number".to_string(), v),
                    _ => (n.to_string(), v),
                })
                .collect();
            for (n, v) in super::from_csl::fields(r, csl, options) {
                match fields.iter_mut().find(|(m, _)| *m == n) {
                    Some(f) if n == "date" => f.1 = v,
                    Some(_) => {}
                    None => fields.push((n, v)),
                }
            }
            (t.to_string(), fields)
        }
        _ => {
            let (t, typed) = typed_fields(r, options);
            (
                t.to_string(),
                typed
                    .into_iter()
                    .map(|(_, n, v)| (n.to_string(), v))
                    .collect(),
            )
        }
    };
    let mut out = format!("@{entry_type}{{{key},\n");
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {value},\n"));
    }
    out.push_str("}\n");
    out
}

/// Entry types whose `number` is the work's own number (not an issue).
fn numbered(t: &str) -> bool {
    matches!(
        t,
        "report"
            | "techreport"
            | "patent"
            | "online"
            | "dataset"
            | "software"
            | "unpublished"
            | "booklet"
            | "legislation"
            | "jurisdiction"
            | "legal"
            | "standard"
    )
}

/// The parts of a reference [`typed_fields`] writes, each standing for the
/// .bib fields it is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    Authors,
    Editors,
    Title,
    Container,
    Series,
    Volume,
    Number,
    Pages,
    Date,
    Publisher,
    Place,
    Isbn,
    Issn,
    Doi,
    Eprint,
    Links,
    Notes,
    /// `type = {preprint}` of a preprint without eprint.
    Type,
}

/// The entry type and the fields (values braced) of a reference, written
/// from its typed fields.
pub(crate) fn typed_fields(
    r: &Reference,
    options: &WriteOptions,
) -> (&'static str, Vec<(Group, &'static str, String)>) {
    let d = options.dialect;
    let biblatex = d == Dialect::BibLatex;
    let text = |s: &str| -> String {
        let e = escape(s);
        if biblatex {
            e
        } else {
            to_ascii_tex(&e)
        }
    };
    let cased = |s: &str| protect_case(&text(s));
    let mut fields: Vec<(&str, String)> = Vec::new();

    if !r.authors.is_empty() {
        fields.push(("author", names(&r.authors, &text)));
    }
    if !r.editors.is_empty() {
        fields.push(("editor", names(&r.editors, &text)));
    }
    fields.push(("title", cased(&r.title)));
    let arxiv = r.ids.arxiv.as_ref().map(|a| a.to_string());
    let openreview = r.ids.openreview.as_ref().map(|o| o.to_string());
    let entry_type = entry_type(r, d);
    if let Some(c) = &r.container {
        let field = match (r.kind, biblatex) {
            (Kind::JournalArticle, true) => "journaltitle",
            (Kind::JournalArticle, false) => "journal",
            (Kind::ConferencePaper | Kind::Chapter, _) => "booktitle",
            _ => "howpublished",
        };
        fields.push((field, cased(c)));
    } else if !biblatex && r.kind == Kind::Preprint {
        if let Some(a) = &arxiv {
            fields.push(("journal", format!("arXiv preprint arXiv:{a}")));
        }
    }
    if let Some(s) = &r.series {
        fields.push(("series", cased(s)));
    }
    if let Some(v) = &r.volume {
        fields.push(("volume", text(v)));
    }
    if let Some(i) = &r.issue {
        // In BibTeX's @inproceedings `number` is the number in a series and
        // excludes `volume`; there the issue of a volume goes to `issue`.
        let in_series = !biblatex && r.kind == Kind::ConferencePaper && r.volume.is_some();
        fields.push((if in_series { "issue" } else { "number" }, text(i)));
    }
    match &r.pages {
        Some(Pages::Range { first, last }) => {
            fields.push(("pages", format!("{}--{}", text(first), text(last))))
        }
        Some(Pages::Single(p)) => fields.push(("pages", text(p))),
        Some(Pages::Placeholder(p)) => fields.push(("pubstate", text(p))),
        None => {}
    }
    if let Some(a) = &r.article_number {
        fields.push(("eid", text(a)));
    }
    if let Some(date) = r.issued {
        if biblatex {
            let mut s = format!("{:04}", date.year);
            if let Some(m) = date.month {
                s.push_str(&format!("-{m:02}"));
                if let Some(day) = date.day {
                    s.push_str(&format!("-{day:02}"));
                }
            }
            fields.push(("date", s));
        } else {
            fields.push(("year", date.year.to_string()));
            if let Some(m) = date.month {
                fields.push(("month", m.to_string()));
            }
        }
    }
    if let Some(p) = &r.publisher {
        fields.push(("publisher", text(p)));
    }
    if let Some(p) = &r.place {
        fields.push((if biblatex { "location" } else { "address" }, text(p)));
    }
    // One ISBN per `isbn` field (biber checks it); a work in several parts
    // keeps the others in `verbc`.
    if let Some((first, rest)) = r.ids.isbn.split_first() {
        fields.push(("isbn", first.to_string()));
        if !rest.is_empty() && !options.plain {
            let more: Vec<String> = rest.iter().map(|i| i.to_string()).collect();
            fields.push(("verbc", more.join(" ")));
        }
    }
    if let Some(i) = &r.ids.issn {
        fields.push(("issn", i.to_string()));
    }
    if let Some(doi) = &r.ids.doi {
        fields.push(("doi", verbatim(doi.as_written())));
    }
    let (eprint, eprint_type) = match (&arxiv, &openreview) {
        (Some(a), _) => (Some(a.clone()), "arXiv"),
        (None, Some(o)) => (Some(o.clone()), "OpenReview"),
        _ => (None, ""),
    };
    if let Some(e) = eprint {
        fields.push(("eprint", e));
        if biblatex {
            fields.push(("eprinttype", eprint_type.to_lowercase()));
        } else {
            fields.push(("archiveprefix", eprint_type.to_string()));
        }
    }
    // The work's own page, as in CSL-JSON's URL: never a code repository.
    if let Some(url) = r
        .links
        .iter()
        .find(|l| !matches!(l.kind, LinkKind::Code | LinkKind::Resource | LinkKind::Demo))
    {
        fields.push(("url", verbatim(&url.url)));
    }
    if !r.notes.is_empty() {
        let notes: Vec<String> = r.notes.iter().map(|n| text(&n.text)).collect();
        fields.push(("note", notes.join("; ")));
    }
    if !options.plain {
        if !r.links.is_empty() {
            let links: Vec<String> = r
                .links
                .iter()
                .map(|l| format!("{}={}", l.kind.name(), verbatim(&l.url).replace(' ', "%20")))
                .collect();
            fields.push(("verba", links.join(" ")));
        }
        if arxiv.is_some() {
            if let Some(o) = &openreview {
                fields.push(("verbb", format!("openreview:{o}")));
            }
        }
    }

    // A preprint written as @misc without an eprint would read back as misc.
    if r.kind == Kind::Preprint && entry_type == "misc" && arxiv.is_none() && openreview.is_none() {
        fields.push(("type", "preprint".to_string()));
    }
    let fields = fields
        .into_iter()
        .map(|(name, value)| (group_of(name), name, format!("{{{value}}}")))
        .collect();
    (entry_type, fields)
}

/// The group a field written by [`typed_fields`] belongs to.
pub(crate) fn group_of(name: &str) -> Group {
    match name {
        "author" => Group::Authors,
        "editor" => Group::Editors,
        "title" => Group::Title,
        "journaltitle" | "journal" | "booktitle" | "howpublished" => Group::Container,
        "series" => Group::Series,
        "volume" => Group::Volume,
        "number" | "issue" | "eid" => Group::Number,
        "pages" | "pubstate" => Group::Pages,
        "date" | "year" | "month" => Group::Date,
        "publisher" => Group::Publisher,
        "location" | "address" => Group::Place,
        "isbn" | "verbc" => Group::Isbn,
        "issn" => Group::Issn,
        "doi" => Group::Doi,
        "eprint" | "eprinttype" | "archiveprefix" | "verbb" => Group::Eprint,
        "url" | "verba" => Group::Links,
        "note" => Group::Notes,
        _ => Group::Type,
    }
}

/// A value for a verbatim field (`url`, `doi`, `verba`): written as is,
/// unless its braces do not balance or a backslash stands before a brace or
/// at the end (either would end the field early); then backslashes and
/// braces are percent-encoded, which URLs read the same (found by fuzzing).
pub(crate) fn verbatim(s: &str) -> String {
    let mut depth = 0i32;
    let mut unsafe_ = s.ends_with('\\') || s.contains("\\{") || s.contains("\\}");
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        unsafe_ |= depth < 0;
    }
    if depth == 0 && !unsafe_ {
        s.to_string()
    } else {
        s.replace('\\', "%5C")
            .replace('{', "%7B")
            .replace('}', "%7D")
    }
}

pub(crate) fn entry_type(r: &Reference, d: Dialect) -> &'static str {
    let biblatex = d == Dialect::BibLatex;
    match r.kind {
        Kind::JournalArticle => "article",
        Kind::ConferencePaper => "inproceedings",
        // An edited book is a collection (biber wants an author for @book).
        Kind::Book if biblatex && r.authors.is_empty() && !r.editors.is_empty() => "collection",
        Kind::Book => "book",
        // @incollection needs the book's editors, which CVs rarely give.
        Kind::Chapter if biblatex && r.editors.is_empty() => "inbook",
        Kind::Chapter => "incollection",
        Kind::Preprint if biblatex && r.container.is_none() => "online",
        Kind::Thesis if biblatex => "thesis",
        Kind::Thesis => "phdthesis",
        Kind::Patent if biblatex => "patent",
        _ => "misc",
    }
}

/// `Family, Given and ...`; particles before the family name; a name without
/// given names and with spaces (an organisation) in braces.
fn names(people: &[Person], text: &impl Fn(&str) -> String) -> String {
    people
        .iter()
        .map(|p| {
            let family = text(&p.family);
            let family = match &p.particle {
                Some(particle) => format!("{} {family}", text(particle)),
                // `{de Rijke}`, `{World Health Organization}`: one family name.
                None if p.family.contains(' ')
                    || p.family.starts_with(|c: char| c.is_lowercase()) =>
                {
                    format!("{{{family}}}")
                }
                None => family,
            };
            match (&p.suffix, &p.given) {
                (Some(s), Some(g)) => format!("{family}, {}, {}", text(s), text(g)),
                (None, Some(g)) => format!("{family}, {}", text(g)),
                (Some(s), None) => format!("{family}, {}, ", text(s)),
                (None, None) => family,
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}
