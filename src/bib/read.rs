//! Reading .bib files (BibTeX or BibLaTeX) into the typed model.
//!
//! The biblatex crate does the parsing (`@string`, `#` concatenation, braces,
//! `crossref`, LaTeX accents), but `Bibliography::parse` stops at the first
//! error in a file. The recovery is ours: when the whole file does not parse,
//! it is split into top-level entries, each is parsed on its own (with the
//! file's `@string`s), and each one that fails becomes a diagnostic with its
//! line, so one broken entry never costs the others.

use biblatex::{Bibliography, ChunksExt, DateValue, Entry, EntryType, PermissiveType};

use super::recover::{self, MAX_DEPTH};
use crate::diagnostic::{Code, Diagnostic};
use crate::input::Parsed;
use crate::model::{
    Date, Kind, Link, LinkKind, Location, Note, Pages, Person, Provenance, Reference,
};

/// Reads a .bib file's text. Every entry becomes a reference or an error
/// diagnostic (with the line where the entry starts).
///
/// ```
/// let bib = "@string{nmi = {Nature Machine Intelligence}}\n\
///            @article{crp, author = {Achtibat, Reduan and Lapuschkin, Sebastian},\n\
///              title = {From attribution maps to {Concept Relevance Propagation}},\n\
///              journal = nmi, year = 2023, volume = 5, number = 9, pages = {1006--1019},\n\
///              eprint = {2206.03208}, archiveprefix = {arXiv}}\n\
///            @article{broken, title = {Unclosed}\n";
/// let parsed = publist::bib::read(bib, "refs.bib");
/// assert_eq!(parsed.references.len(), 1);
/// let r = &parsed.references[0];
/// assert_eq!(r.container.as_deref(), Some("Nature Machine Intelligence"));
/// assert_eq!(r.ids.arxiv.as_ref().unwrap().as_str(), "2206.03208");
/// assert_eq!(r.sources[0].key.as_deref(), Some("crp"));
/// assert_eq!(parsed.diagnostics[0].to_string(),
///     "refs.bib:6: error: entry @article is not closed: braces do not match");
/// ```
pub fn read(src: &str, source: &str) -> Parsed {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let (cleaned, string_warnings) = recover::without_cyclic_strings(src, source);
    let src = cleaned.as_ref();
    let chunks = recover::split_entries(src);
    // Where each entry starts, by key (fields cannot tell: after `crossref`
    // resolution some of them point into the parent entry).
    let starts: std::collections::HashMap<&str, usize> = chunks
        .iter()
        .filter(|c| c.is_entry())
        .filter_map(|c| Some((c.key()?, c.start)))
        .collect();
    let entries_in_file = chunks.iter().filter(|c| c.is_entry()).count();
    let mut parsed = Parsed {
        items: entries_in_file,
        ..Parsed::default()
    };
    let too_deep = chunks.iter().any(|c| c.depth > MAX_DEPTH);
    // When an entry runs over a line starting with `@`, the crate may still
    // parse the file by pairing braces across entries; then the entries are
    // read one by one, so that each is a reference or a diagnostic.
    let unclosed = chunks.iter().any(|c| c.is_entry() && !c.closed);
    let cyclic = recover::crossref_cycles(&chunks);
    // The crate may see entries where the splitter does not (broken input):
    // a loop found by a plain scan of the whole text also keeps it away.
    let unsafe_for_crate = too_deep || !cyclic.is_empty() || recover::has_inheritance_loop(src);
    match Bibliography::parse(if unsafe_for_crate { "" } else { src }) {
        Ok(bib) if unsafe_for_crate || unclosed || bib.len() != entries_in_file => {
            recover::one_by_one(src, &chunks, &cyclic, source, &mut parsed, push)
        }
        Ok(bib) => {
            for entry in bib.iter() {
                let at = starts.get(entry.key.as_str()).copied().unwrap_or(0);
                push(&mut parsed, entry, src, at, source);
            }
        }
        Err(_) => recover::one_by_one(src, &chunks, &cyclic, source, &mut parsed, push),
    }
    parsed.diagnostics.extend(string_warnings);
    parsed.diagnostics.sort_by_key(|d| d.at.line);
    parsed
}

/// Reads a .bib file; `source` in the result is the path as given.
///
/// A file that cannot be read or is not UTF-8 is an [`Error`](crate::Error);
/// a broken entry inside it is a diagnostic, and the other entries are read.
///
/// ```
/// let path = std::env::temp_dir().join("publist-doc-read-file.bib");
/// std::fs::write(&path, "@article{a, author = {Bach, S.}, title = {LRP}, journaltitle = {PLoS ONE}, date = {2015}}\n@misc{broken, title = {x}\n")?;
/// let parsed = publist::bib::read_file(&path)?;
/// assert_eq!(parsed.references.len(), 1);
/// assert_eq!(parsed.errors().count(), 1);
/// assert_eq!(parsed.errors().next().unwrap().at.line, 2);
/// assert!(publist::bib::read_file("no/such/file.bib").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_file(path: impl AsRef<std::path::Path>) -> Result<Parsed, crate::Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| crate::Error::io(&name, e))?;
    let text = crate::text::utf8(&bytes, &name)?;
    Ok(read(text, &name))
}

/// The entry starting at byte `at` of `src` as a reference, or an error diagnostic.
pub(super) fn push(parsed: &mut Parsed, entry: &Entry, src: &str, at: usize, source: &str) {
    let line = recover::line_at(src, at);
    match to_reference(entry) {
        Ok(mut r) => {
            let end = src[at..].find("\n@").map_or(src.len(), |p| at + p);
            let mut p = Provenance::new(Location::new(source, line));
            p.key = Some(entry.key.clone());
            p.text = src[at..end].trim_end().to_string();
            r.sources.push(p);
            parsed.references.push(r);
        }
        Err((code, msg)) => parsed.diagnostics.push(Diagnostic::error(
            code,
            Location::new(source, line),
            format!("entry \"{}\" cannot be read: {msg}", entry.key),
        )),
    }
}

fn field(entry: &Entry, name: &str) -> Option<String> {
    let text = entry.get(name)?.format_verbatim();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn person(p: &biblatex::Person) -> Person {
    let nonempty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    Person {
        family: p.name.trim().to_string(),
        given: nonempty(&p.given_name),
        particle: nonempty(&p.prefix),
        suffix: nonempty(&p.suffix),
    }
}

fn kind_of(entry: &Entry, has_eprint: bool) -> Kind {
    match entry.entry_type {
        EntryType::Article => Kind::JournalArticle,
        EntryType::InProceedings => Kind::ConferencePaper,
        EntryType::Book
        | EntryType::MvBook
        | EntryType::Collection
        | EntryType::MvCollection
        | EntryType::Proceedings
        | EntryType::MvProceedings => Kind::Book,
        EntryType::InCollection
        | EntryType::InBook
        | EntryType::BookInBook
        | EntryType::SuppBook
        | EntryType::SuppCollection => Kind::Chapter,
        EntryType::Thesis | EntryType::PhdThesis | EntryType::MastersThesis => Kind::Thesis,
        EntryType::Patent => Kind::Patent,
        _ if has_eprint => Kind::Preprint,
        EntryType::Online | EntryType::Unpublished => Kind::Preprint,
        _ => Kind::Misc,
    }
}

/// `arXiv preprint arXiv:2202.06861`: the journal Google Scholar gives preprints.
fn is_arxiv_journal(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("arxiv preprint")
        || l.starts_with("arxiv e-prints")
        || l == "arxiv"
        || l.starts_with("corr")
}

fn to_reference(entry: &Entry) -> Result<Reference, (Code, &'static str)> {
    let title = field(entry, "title").ok_or((Code::NoTitle, "no title"))?;
    let eprint = field(entry, "eprint");
    let eprint_type = field(entry, "eprinttype")
        .or_else(|| field(entry, "archiveprefix"))
        .map(|t| t.to_ascii_lowercase());
    let journal = field(entry, "journaltitle").or_else(|| field(entry, "journal"));
    let arxiv_journal = journal.as_deref().is_some_and(is_arxiv_journal);
    let journal_text = journal.clone();
    let marked_preprint = field(entry, "type").is_some_and(|t| t.eq_ignore_ascii_case("preprint"));
    let mut kind = kind_of(entry, eprint.is_some() || marked_preprint);
    if kind == Kind::JournalArticle && arxiv_journal {
        kind = Kind::Preprint;
    }
    let mut r = Reference::new(kind, &title);
    r.authors = entry
        .author()
        .map(|v| v.iter().map(person).collect())
        .unwrap_or_default();
    if let Ok(groups) = entry.editors() {
        r.editors = groups
            .iter()
            .flat_map(|(people, _)| people.iter().map(person))
            .collect();
    }
    r.issued = match entry.date() {
        Ok(PermissiveType::Typed(d)) => {
            let dt = match d.value {
                DateValue::At(t)
                | DateValue::After(t)
                | DateValue::Before(t)
                | DateValue::Between(t, _) => t,
            };
            Some(Date {
                year: dt.year,
                month: dt.month.map(|m| m + 1),
                day: dt.day.map(|d| d + 1),
            })
        }
        _ => field(entry, "year")
            .and_then(|y| y.trim().get(..4)?.parse().ok())
            .map(Date::year),
    };
    r.container = if arxiv_journal {
        None
    } else {
        journal
            .or_else(|| field(entry, "booktitle"))
            .or_else(|| field(entry, "howpublished"))
    };
    r.series = field(entry, "series");
    r.volume = field(entry, "volume");
    r.issue = field(entry, "number").or_else(|| field(entry, "issue"));
    r.pages = field(entry, "pages").and_then(|p| Pages::parse(&p));
    if let Some(state) = field(entry, "pubstate") {
        if r.pages.is_none() {
            r.pages = Some(Pages::Placeholder(state));
        }
    }
    r.article_number = field(entry, "eid");
    r.publisher = field(entry, "publisher");
    r.place = field(entry, "location").or_else(|| field(entry, "address"));
    let isbns = [field(entry, "isbn"), field(entry, "verbc")];
    r.ids.isbn = isbns
        .iter()
        .flatten()
        .flat_map(|s| s.split([',', ';', ' ']))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    r.ids.issn = field(entry, "issn").and_then(|s| s.parse().ok());
    r.ids.doi = field(entry, "doi").and_then(|s| s.parse().ok());
    match (eprint, eprint_type.as_deref()) {
        (Some(e), Some("openreview")) => r.ids.openreview = e.parse().ok(),
        (Some(e), Some("arxiv") | None) => r.ids.arxiv = e.parse().ok(),
        _ => {}
    }
    // Google Scholar's preprints: `journal = {arXiv preprint arXiv:2202.06861}`.
    if arxiv_journal && r.ids.arxiv.is_none() {
        let last = journal_text
            .as_deref()
            .and_then(|j| j.split_whitespace().last());
        r.ids.arxiv = last.and_then(|t| t.parse().ok());
    }
    if let Some(or) =
        field(entry, "verbb").and_then(|v| v.strip_prefix("openreview:").map(str::to_string))
    {
        r.ids.openreview = or.parse().ok();
    }
    r.links = match field(entry, "verba") {
        Some(v) => v.split_whitespace().filter_map(link_from_verba).collect(),
        None => field(entry, "url")
            .map(|u| {
                vec![Link {
                    kind: LinkKind::classify(&u),
                    url: u,
                }]
            })
            .unwrap_or_default(),
    };
    if let Some(note) = field(entry, "note") {
        r.notes = Note::split_joined(&note);
    }
    Ok(r)
}

fn link_from_verba(item: &str) -> Option<Link> {
    let (name, url) = item.split_once('=')?;
    Some(Link {
        url: url.to_string(),
        kind: LinkKind::from_name(name)?,
    })
}
