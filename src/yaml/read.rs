//! Reading hayagriva YAML (the bibliography format of Typst) into our model.
//!
//! hayagriva parses the file; we map its `Entry` (a work whose journal,
//! proceedings or book is its `parent`) onto `Reference`.

use hayagriva::types::{EntryType, Person as HPerson};
use hayagriva::Entry;

use crate::error::{Error, ErrorKind};
use crate::input::Parsed;
use crate::model::{
    Date, Kind, Link, LinkKind, Location, Note, Pages, Person, Provenance, Reference,
};

/// Reads hayagriva YAML text. Fails when the text is not hayagriva YAML
/// (with the line hayagriva reports).
///
/// ```
/// let yaml = "crp:\n  type: article\n  title: Concept Relevance Propagation\n  author: [Achtibat, Reduan]\n  date: 2023-09\n  parent:\n    type: periodical\n    title: Nature Machine Intelligence\n    volume: 5\n";
/// let parsed = publist::yaml::read(yaml, "refs.yml").unwrap();
/// let r = &parsed.references[0];
/// assert_eq!(r.kind, publist::Kind::JournalArticle);
/// assert_eq!(r.container.as_deref(), Some("Nature Machine Intelligence"));
/// assert_eq!(r.issued, Some(publist::Date { year: 2023, month: Some(9), day: None }));
/// assert_eq!(r.sources[0].key.as_deref(), Some("crp"));
/// ```
pub fn read(text: &str, source: &str) -> Result<Parsed, Error> {
    let library = hayagriva::io::from_yaml_str(text).map_err(|e| {
        let err = Error::new(
            ErrorKind::Syntax,
            source,
            format!("not hayagriva YAML: {e}"),
        );
        match e.location() {
            Some(l) => err.at_line(l.line()),
            None => err,
        }
    })?;
    let mut parsed = Parsed {
        items: library.len(),
        ..Parsed::default()
    };
    // One name for the file's references.
    let name: std::sync::Arc<str> = source.into();
    for entry in library.iter() {
        let key = entry.key();
        let line = text
            .lines()
            .position(|l| {
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .map_or(1, |i| i + 1);
        let mut r = to_reference(entry);
        let mut p = Provenance::new(Location::new(name.clone(), line));
        p.key = Some(key.to_string());
        r.sources.push(p);
        parsed.references.push(r);
    }
    Ok(parsed)
}

fn person(p: &HPerson) -> Person {
    Person::from_parts(
        &p.name,
        p.given_name.as_deref(),
        p.prefix.as_deref(),
        p.suffix.as_deref(),
    )
}

fn kind_of(entry: &Entry, parent: Option<&Entry>, preprint_id: bool) -> Kind {
    let parent_type = parent.map(|p| p.entry_type());
    match (entry.entry_type(), parent_type) {
        (EntryType::Article, Some(EntryType::Periodical | EntryType::Newspaper)) => {
            Kind::JournalArticle
        }
        (EntryType::Article, Some(EntryType::Proceedings | EntryType::Conference)) => {
            Kind::ConferencePaper
        }
        (
            EntryType::Chapter | EntryType::Anthos | EntryType::Article,
            Some(EntryType::Book | EntryType::Anthology),
        ) => Kind::Chapter,
        (EntryType::Book | EntryType::Anthology | EntryType::Proceedings, _) => Kind::Book,
        (EntryType::Thesis, _) => Kind::Thesis,
        (EntryType::Patent, _) => Kind::Patent,
        (EntryType::Performance | EntryType::Video | EntryType::Audio, _) => Kind::Talk,
        _ if preprint_id => Kind::Preprint,
        (EntryType::Article, None) => Kind::JournalArticle,
        _ => Kind::Misc,
    }
}

fn to_reference(entry: &Entry) -> Reference {
    let parent = entry.parents().first();
    let serial = entry
        .serial_number()
        .map(|s| s.0.clone())
        .unwrap_or_default();
    let preprint_id = serial.contains_key("arxiv") || serial.contains_key("openreview");
    let title = entry.title().map(|t| t.to_string()).unwrap_or_default();
    let mut r = Reference::new(kind_of(entry, parent, preprint_id), &title);
    r.authors = entry
        .authors()
        .map(|a| a.iter().map(person).collect())
        .unwrap_or_default();
    r.editors = entry
        .editors()
        .or_else(|| parent.and_then(|p| p.editors()))
        .map(|a| a.iter().map(person).collect())
        .unwrap_or_default();
    r.issued = entry
        .date()
        .or_else(|| parent.and_then(|p| p.date()))
        .map(|d| Date {
            year: d.year,
            month: d.month.map(|m| m + 1),
            day: d.month.and(d.day.map(|d| d + 1)),
        });
    r.container = parent.and_then(|p| p.title()).map(|t| t.to_string().into());
    let from_either =
        |get: fn(&Entry) -> Option<String>| get(entry).or_else(|| parent.and_then(get));
    r.volume = from_either(|e| e.volume().map(|v| v.to_string())).map(Into::into);
    r.issue = from_either(|e| e.issue().map(|v| v.to_string())).map(Into::into);
    r.pages = entry
        .page_range()
        .and_then(|p| Pages::parse(&p.to_string()));
    let publisher = entry
        .publisher()
        .or_else(|| parent.and_then(|p| p.publisher()));
    r.publisher = publisher
        .and_then(|p| p.name())
        .map(|n| n.to_string().into());
    r.place = publisher
        .and_then(|p| p.location())
        .map(|l| l.to_string())
        .or_else(|| from_either(|e| e.location().map(|l| l.to_string())))
        .map(Into::into);
    r.ids.arxiv = serial.get("arxiv").and_then(|a| a.parse().ok());
    r.ids.openreview = serial.get("openreview").and_then(|a| a.parse().ok());
    r.ids.doi = serial.get("doi").and_then(|a| a.parse().ok());
    r.ids.issn = serial.get("issn").and_then(|a| a.parse().ok());
    r.ids.isbn = serial
        .get("isbn")
        .and_then(|a| a.parse().ok())
        .into_iter()
        .collect();
    if let Some(url) = entry.url() {
        let url = url.value.to_string();
        r.links.push(Link {
            kind: LinkKind::classify(&url),
            url,
        });
    }
    if let Some(note) = entry.note() {
        r.notes = Note::split_joined(&note.to_string());
    }
    r
}
