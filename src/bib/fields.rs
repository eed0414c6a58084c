//! A reference's typed fields as .bib fields: what the writer writes when
//! no original entry is carried, and what a carried entry is checked against.

use super::latex::{escape, protect_case, to_ascii_tex};
use super::options::{Dialect, WriteOptions};
use crate::model::{Kind, LinkKind, Pages, Person, Reference};

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
            let family = text(p.family());
            let family = match p.particle() {
                Some(particle) => format!("{} {family}", text(particle)),
                // `{de Rijke}`, `{World Health Organization}`: one family name.
                None if p.family().contains(' ')
                    || p.family().starts_with(|c: char| c.is_lowercase()) =>
                {
                    format!("{{{family}}}")
                }
                None => family,
            };
            match (p.suffix(), p.given()) {
                (Some(s), Some(g)) => format!("{family}, {}, {}", text(s), text(g)),
                (None, Some(g)) => format!("{family}, {}", text(g)),
                (Some(s), None) => format!("{family}, {}, ", text(s)),
                (None, None) => family,
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}
