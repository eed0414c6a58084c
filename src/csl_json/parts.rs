//! The parts of a reference that CSL-JSON variables hold, and the source
//! records that leave some of them to the typed fields.
//!
//! A reader keeps each item's variables as compact text
//! ([`crate::model::CslRecord`]); most of that text (a plain title, the
//! author list, a date of parts) is what the typed fields write back byte
//! for byte. Such a variable is left out of the record, which keeps a hash
//! of the typed value instead: [`full_text`] puts it back, where the
//! reference still holds that value, for the writers that need every
//! variable as read.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use super::canon;
use crate::fasthash::FxHasher;
use crate::model::{CslRecord, LinkKind, Person, Reference};

/// What the typed fields hold, by the CSL variables they are written to.
#[derive(Clone, Copy)]
pub(super) enum Part {
    Type,
    Title,
    Authors,
    Editors,
    Issued,
    Container,
    Series,
    Volume,
    Issue,
    Page,
    Number,
    Publisher,
    Place,
    Doi,
    Isbn,
    Issn,
    Url,
    Note,
}

pub(super) const PARTS: &[(Part, &str)] = &[
    (Part::Type, "type"),
    (Part::Title, "title"),
    (Part::Authors, "author"),
    (Part::Editors, "editor"),
    (Part::Issued, "issued"),
    (Part::Container, "container-title"),
    (Part::Series, "collection-title"),
    (Part::Volume, "volume"),
    (Part::Issue, "issue"),
    (Part::Page, "page"),
    (Part::Number, "number"),
    (Part::Publisher, "publisher"),
    (Part::Place, "publisher-place"),
    (Part::Doi, "DOI"),
    (Part::Isbn, "ISBN"),
    (Part::Issn, "ISSN"),
    (Part::Url, "URL"),
    (Part::Note, "note"),
];

pub(super) fn unchanged(p: Part, a: &Reference, b: &Reference) -> bool {
    match p {
        Part::Type => a.kind == b.kind,
        Part::Title => a.title == b.title,
        Part::Authors => a.authors == b.authors,
        Part::Editors => a.editors == b.editors,
        Part::Issued => a.issued == b.issued,
        Part::Container => a.container == b.container,
        Part::Series => a.series == b.series,
        Part::Volume => a.volume == b.volume,
        Part::Issue => a.issue == b.issue,
        Part::Page => a.pages == b.pages,
        Part::Number => {
            a.article_number == b.article_number && a.ids.arxiv == b.ids.arxiv && a.kind == b.kind
        }
        Part::Publisher => a.publisher == b.publisher && a.kind == b.kind,
        Part::Place => a.place == b.place,
        Part::Doi => a.ids.doi == b.ids.doi,
        Part::Isbn => a.ids.isbn == b.ids.isbn,
        Part::Issn => a.ids.issn == b.ids.issn,
        Part::Url => a.links == b.links,
        Part::Note => a.notes == b.notes,
    }
}

/// Whether a reader may leave the part's variable out of the source record
/// when the typed value writes it back byte for byte: the typed text of
/// these depends only on what [`unchanged`] compares, and what they compare
/// only on the variable itself (a URL also on `custom.links`: not when the
/// item has a `custom` object).
pub(super) fn reproducible(p: Part, has_custom: bool) -> bool {
    match p {
        Part::Title
        | Part::Authors
        | Part::Editors
        | Part::Issued
        | Part::Container
        | Part::Series
        | Part::Volume
        | Part::Issue
        | Part::Page
        | Part::Place
        | Part::Note => true,
        Part::Url => !has_custom,
        _ => false,
    }
}

/// A hash of what [`unchanged`] compares of a part: equal values, equal
/// hashes (a part left out of a record is unchanged when its hash is; two
/// values of one hash would only put the variable where an unchanged one
/// stands, with the new value).
pub(super) fn hash(p: Part, r: &Reference) -> u32 {
    let mut h = FxHasher::default();
    match p {
        Part::Type => r.kind.hash(&mut h),
        Part::Title => r.title.hash(&mut h),
        Part::Authors => r.authors.hash(&mut h),
        Part::Editors => r.editors.hash(&mut h),
        Part::Issued => r.issued.hash(&mut h),
        Part::Container => r.container.hash(&mut h),
        Part::Series => r.series.hash(&mut h),
        Part::Volume => r.volume.hash(&mut h),
        Part::Issue => r.issue.hash(&mut h),
        Part::Page => r.pages.hash(&mut h),
        Part::Number => (&r.article_number, &r.ids.arxiv, r.kind).hash(&mut h),
        Part::Publisher => (&r.publisher, r.kind).hash(&mut h),
        Part::Place => r.place.hash(&mut h),
        Part::Doi => r.ids.doi.hash(&mut h),
        Part::Isbn => r.ids.isbn.hash(&mut h),
        Part::Issn => r.ids.issn.hash(&mut h),
        Part::Url => r.links.hash(&mut h),
        Part::Note => r.notes.hash(&mut h),
    }
    let h = h.finish();
    (h ^ (h >> 32)) as u32
}

/// Appends the part's variable as the reader's record holds it when the
/// typed value is all it says (compact JSON, keys sorted); `false` (nothing
/// appended) when the reference has no value for it.
pub(super) fn typed_text(p: Part, r: &Reference, out: &mut Vec<u8>) -> bool {
    let text = |s: Option<&str>, out: &mut Vec<u8>| match s {
        Some(s) => {
            canon::string(s, out);
            true
        }
        None => false,
    };
    let names = |people: &[Person], out: &mut Vec<u8>| {
        if people.is_empty() {
            return false;
        }
        out.push(b'[');
        for (k, p) in people.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"family\":");
            canon::string(p.family(), out);
            for (name, v) in [
                ("given", p.given()),
                ("non-dropping-particle", p.particle()),
                ("suffix", p.suffix()),
            ] {
                if let Some(v) = v {
                    out.extend_from_slice(b",\"");
                    out.extend_from_slice(name.as_bytes());
                    out.extend_from_slice(b"\":");
                    canon::string(v, out);
                }
            }
            out.push(b'}');
        }
        out.push(b']');
        true
    };
    match p {
        Part::Title => text(Some(r.title.as_str()).filter(|t| !t.is_empty()), out),
        Part::Authors => names(&r.authors, out),
        Part::Editors => names(&r.editors, out),
        Part::Issued => match r.issued {
            Some(d) => {
                use std::io::Write as _;
                // Writing to a `Vec` cannot fail.
                let _ = write!(out, "{{\"date-parts\":[[{}", d.year);
                if let Some(m) = d.month {
                    let _ = write!(out, ",{m}");
                    if let Some(day) = d.day {
                        let _ = write!(out, ",{day}");
                    }
                }
                out.extend_from_slice(b"]]}");
                true
            }
            None => false,
        },
        Part::Container => text(r.container.as_deref(), out),
        Part::Series => text(r.series.as_deref(), out),
        Part::Volume => text(r.volume.as_deref(), out),
        Part::Issue => text(r.issue.as_deref(), out),
        Part::Page => text(r.pages.as_ref().map(|p| p.to_csl()).as_deref(), out),
        Part::Place => text(r.place.as_deref(), out),
        Part::Url => text(
            r.links
                .iter()
                .find(|l| !matches!(l.kind, LinkKind::Code | LinkKind::Resource | LinkKind::Demo))
                .map(|l| l.url.as_str()),
            out,
        ),
        Part::Note => {
            let notes: Vec<&str> = r.notes.iter().map(|n| n.text.as_str()).collect();
            text(
                (!notes.is_empty()).then(|| notes.join("; ")).as_deref(),
                out,
            )
        }
        // Never left out of a record (`reproducible`).
        _ => false,
    }
}

/// The parts `record` leaves out whose typed value in `r` is still the one
/// read (by the hash): each part's place in [`PARTS`] and, where `r` has a
/// value for it, the range of its typed text, appended to `values`.
pub(super) fn put_back(
    record: &CslRecord,
    r: &Reference,
    values: &mut Vec<u8>,
) -> Vec<(usize, Option<std::ops::Range<usize>>)> {
    let mut out = Vec::new();
    for (k, (p, _)) in PARTS.iter().enumerate() {
        if record.reproduced(k) == Some(hash(*p, r)) {
            let at = values.len();
            let typed = typed_text(*p, r, values);
            out.push((k, typed.then_some(at..values.len())));
        }
    }
    out
}

/// The record's text with every variable the reader left to the typed
/// fields put back where `r` still holds the value it read (by the hash):
/// what the record held before (keys sorted). A part whose typed value
/// changed stays out, as a variable the item did not have: writers then
/// write it from the typed fields, as they write a changed variable.
pub(crate) fn full_text<'a>(record: &'a CslRecord, r: &Reference) -> Cow<'a, str> {
    let text = record.as_json();
    if record.reproduced_parts() == 0 {
        return Cow::Borrowed(text);
    }
    // The typed values one after another in one buffer.
    let mut values = Vec::with_capacity(text.len() * 2);
    let typed: Vec<(&str, std::ops::Range<usize>)> = put_back(record, r, &mut values)
        .into_iter()
        .filter_map(|(k, at)| Some((PARTS[k].1, at?)))
        .collect();
    if typed.is_empty() {
        return Cow::Borrowed(text);
    }
    // The record's members, those put back among them in key order.
    let members: Vec<(Cow<str>, &str)> = match canon::compact_members(text) {
        Some(m) => m,
        None => match canon::members(text) {
            Ok(m) => m.into_iter().map(|(k, v)| (k, v.get())).collect(),
            Err(_) => return Cow::Borrowed(text),
        },
    };
    let mut all: Vec<(&str, &[u8])> = members
        .iter()
        .map(|(k, v)| (k.as_ref(), v.as_bytes()))
        .chain(typed.iter().map(|(k, v)| (*k, &values[v.clone()])))
        .collect();
    all.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::with_capacity(text.len() + values.len() + 24 * typed.len());
    out.push(b'{');
    for (k, v) in all {
        if out.len() > 1 {
            out.push(b',');
        }
        canon::string(k, &mut out);
        out.push(b':');
        out.extend_from_slice(v);
    }
    out.push(b'}');
    match String::from_utf8(out) {
        Ok(s) => Cow::Owned(s),
        Err(_) => Cow::Borrowed(text),
    }
}

/// [`full_text`] parsed: the item's variables as read, where `r` still
/// holds the typed ones.
pub(crate) fn full_map(
    record: &CslRecord,
    r: &Reference,
) -> serde_json::Map<String, serde_json::Value> {
    serde_json::from_str(&full_text(record, r)).unwrap_or_default()
}

/// The variables of the CSL-JSON item a reference was read from (publist's
/// `custom` object aside), as read: [`CslRecord::to_map`] with the
/// variables the reader left to the typed fields put back, where the
/// reference still holds them (a title, author list or date that a merge
/// or the user changed is left out: the typed field says it now). `None`
/// for a reference not read from CSL-JSON.
///
/// ```
/// let json = r#"[{"id": "a", "type": "book", "title": "T", "edition": "2",
///   "author": [{"family": "Doe", "given": "J."}]}]"#;
/// let mut r = publist::csl_json::read(json, "refs.json")?.references.remove(0);
/// let all = publist::csl_json::variables(&r).unwrap();
/// assert_eq!(all["title"], "T");
/// assert_eq!(all["author"][0]["family"], "Doe");
/// // The record itself keeps only what the typed fields do not say.
/// let Some(publist::model::Original::CslJson(record)) = &r.original else { panic!() };
/// assert_eq!(record.as_json(), r#"{"edition":"2","id":"a","type":"book"}"#);
/// r.title = "U".into();
/// assert!(!publist::csl_json::variables(&r).unwrap().contains_key("title"));
/// # Ok::<(), publist::Error>(())
/// ```
pub fn variables(r: &Reference) -> Option<serde_json::Map<String, serde_json::Value>> {
    match &r.original {
        Some(crate::model::Original::CslJson(record)) => Some(full_map(record, r)),
        _ => None,
    }
}
