//! Writing a reference read from CSL-JSON: every variable of the input item
//! as read (`"volume": 5` stays a number, `dropping-particle` stays apart,
//! a date range keeps its end, `legal_case` stays `legal_case`), except the
//! parts of it a merge or the user changed, which come from the typed fields.

use serde_json::{Map, Value};

use super::record::CslItem;
use crate::model::Reference;

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

/// Clears the typed value of a part (the original's stands instead).
pub(super) fn clear(item: &mut CslItem, p: Part) {
    match p {
        Part::Type => {}
        Part::Title => item.title = None,
        Part::Authors => item.author.clear(),
        Part::Editors => item.editor.clear(),
        Part::Issued => item.issued = None,
        Part::Container => item.container_title = None,
        Part::Series => item.collection_title = None,
        Part::Volume => item.volume = None,
        Part::Issue => item.issue = None,
        Part::Page => item.page = None,
        Part::Number => item.number = None,
        Part::Publisher => item.publisher = None,
        Part::Place => item.publisher_place = None,
        Part::Doi => item.doi = None,
        Part::Isbn => item.isbn = None,
        Part::Issn => item.issn = None,
        Part::Url => item.url = None,
        Part::Note => item.note = None,
    }
}

/// Puts the original item's variables into `item` where `r` still says
/// what the original said.
pub(super) fn overlay(item: &mut CslItem, r: &Reference, original: &Map<String, Value>) {
    let derived = super::read::to_reference(original);
    for (name, value) in original {
        if name == "id" {
            continue;
        }
        match PARTS.iter().find(|(_, n)| n == name) {
            Some((part, _)) if !unchanged(*part, r, &derived) => continue,
            Some((Part::Type, _)) => {
                if let Some(t) = value.as_str() {
                    item.kind = t.to_string();
                }
                continue;
            }
            Some((part, _)) => clear(item, *part),
            None => {}
        }
        item.extra.insert(name.clone(), value.clone());
    }
    // A part the original lacks and the typed fields derive (`publisher:
    // arXiv` of a preprint) is written only when the typed value changed.
    for (part, name) in PARTS {
        if !original.contains_key(*name) && unchanged(*part, r, &derived) {
            clear(item, *part);
        }
    }
}

/// What `to_csl` gives the processor of a reference read from CSL-JSON
/// that no merge or user changed: the item's type and the original's
/// variables but `id` and `type` (`to_csl` carries them all in `extra`
/// then, and every typed field is cleared), moved out of the parsed
/// original rather than copied into an item. `None` when the reference has
/// no CSL-JSON original or a typed field differs from it (`to_csl` then).
pub(crate) fn unchanged_original(r: &Reference) -> Option<(String, Map<String, Value>)> {
    let Some(crate::model::Original::CslJson(record)) = &r.original else {
        return None;
    };
    let mut original = record.to_map();
    let derived = super::read::to_reference(&original);
    if !PARTS.iter().all(|(part, _)| unchanged(*part, r, &derived)) {
        return None;
    }
    original.remove("id");
    let kind = match original.remove("type") {
        Some(Value::String(t)) => t,
        _ => super::record::csl_type(r.kind).to_string(),
    };
    Some((kind, original))
}
