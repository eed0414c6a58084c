//! Writing a reference read from CSL-JSON: every variable of the input item
//! as read (`"volume": 5` stays a number, `dropping-particle` stays apart,
//! a date range keeps its end, `legal_case` stays `legal_case`), except the
//! parts of it a merge or the user changed, which come from the typed fields.

use serde_json::{Map, Value};

use super::parts::{unchanged, Part, PARTS};
use super::record::CslItem;
use crate::model::Reference;

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
#[cfg(feature = "csl")]
pub(crate) fn unchanged_original(r: &Reference) -> Option<(String, Map<String, Value>)> {
    let Some(crate::model::Original::CslJson(record)) = &r.original else {
        return None;
    };
    let mut original = super::parts::full_map(record, r);
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
