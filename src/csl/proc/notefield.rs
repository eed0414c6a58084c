//! Variables written in an item's `note` ("cheater syntax"), as
//! citeproc-js 2.4.63 reads them by default (`CSL.parseNoteFieldHacks`,
//! development extension `field_hack` on): lines `key: value` at the start
//! of the note (after at most one line of free text), and `{:key:value}`
//! anywhere in a line of such fields, set CSL variables the item does not
//! have (dates and the type always); names are `Family || Given` or a
//! literal. The lines read leave the note. Zotero writes these lines into
//! the "Extra" field, which its CSL-JSON export gives as `note`.

use hayagriva::citationberg::taxonomy::{StandardVariable, Variable};
use serde_json::{Map, Value};

use super::input::ItemData;

/// citeproc-js's NAME_VARIABLES.
const NAMES: &[&str] = &[
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editor-translator",
    "editorial-director",
    "executive-producer",
    "guest",
    "host",
    "illustrator",
    "interviewer",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
    "commenter",
];

/// citeproc-js's DATE_VARIABLES.
const DATES: &[&str] = &[
    "locator-date",
    "issued",
    "event-date",
    "accessed",
    "original-date",
    "publication-date",
    "available-date",
    "submitted",
    "alt-issued",
    "alt-event",
];

/// `^([-_a-z]+|[A-Z]+):\s*([^}]+)$`: a field line's key and value.
fn field(line: &str) -> Option<(&str, &str)> {
    let (key, val) = line.split_once(':')?;
    let lower = !key.is_empty()
        && key
            .bytes()
            .all(|b| b == b'-' || b == b'_' || b.is_ascii_lowercase());
    let upper = !key.is_empty() && key.bytes().all(|b| b.is_ascii_uppercase());
    let val = val.trim_start();
    ((lower || upper) && !val.is_empty() && !val.contains('}')).then_some((key, val))
}

/// `{:key:value}` fields inside a line, each put on a line of its own
/// (unless free text that is not a field comes before it).
fn expand_inline(line: &str, first_line: bool) -> String {
    let mut out = String::new();
    let mut rest = line;
    let mut j = 0;
    while let Some(k) = rest.find("{:") {
        let Some(end) = rest[k..].find('}') else {
            break;
        };
        let inner = &rest[k + 2..k + end];
        let before = &rest[..k];
        let is_field = inner.split_once(':').is_some_and(|(key, v)| {
            !v.is_empty()
                && (key
                    .bytes()
                    .all(|b| b == b'-' || b == b'_' || b.is_ascii_lowercase())
                    || key.bytes().all(|b| b.is_ascii_uppercase()))
                && !key.is_empty()
        });
        if !is_field {
            out.push_str(&rest[..k + 2]);
            rest = &rest[k + 2..];
            continue;
        }
        j += 1;
        if !before.trim().is_empty() && (!first_line || j > 1) && field(before.trim()).is_none() {
            break;
        }
        out.push_str(before);
        out.push('\n');
        out.push_str(inner.trim());
        out.push('\n');
        rest = &rest[k + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Reads the variables of `map`'s note into `item` and leaves the rest of
/// the note as its `note`.
pub(crate) fn apply(item: &mut ItemData, map: &Map<String, Value>) {
    let Some(note) = map.get("note").and_then(Value::as_str) else {
        return;
    };
    if !note.contains(':') {
        return;
    }
    let expanded: Vec<String> = note
        .split('\n')
        .enumerate()
        .map(|(i, l)| expand_inline(l, i == 0))
        .collect();
    let mut lines: Vec<String> = expanded
        .join("\n")
        .split('\n')
        .map(str::to_string)
        .collect();
    let has = |k: &str| {
        map.get(k)
            .is_some_and(|v| !v.is_null() && v.as_str() != Some(""))
    };
    let mut names: Vec<(String, Vec<Value>)> = Vec::new();
    let mut changed = false;
    for (i, slot) in lines.iter_mut().enumerate() {
        let line = slot.clone();
        if line.trim().is_empty() {
            continue;
        }
        let Some((key, val)) = field(&line) else {
            if i == 0 {
                continue;
            }
            break;
        };
        let val = val.trim();
        let base = key.strip_prefix("alt-").unwrap_or(key);
        if key == "type" || DATES.contains(&base) {
            item.set_json(key, &Value::String(val.to_string()));
        } else if has(key) {
            continue;
        } else if NAMES.contains(&base) {
            let parts: Vec<&str> = val.split("||").map(str::trim).collect();
            let name = match parts.as_slice() {
                [literal] => serde_json::json!({ "literal": literal }),
                [family, given] => serde_json::json!({ "family": family, "given": given }),
                _ => {
                    slot.clear();
                    changed = true;
                    continue;
                }
            };
            match names.iter_mut().find(|(k, _)| k == key) {
                Some((_, list)) => list.push(name),
                None => names.push((key.to_string(), vec![name])),
            }
        } else {
            item.set_json(key, &Value::String(val.to_string()));
        }
        slot.clear();
        changed = true;
    }
    if !changed {
        return;
    }
    for (key, list) in names {
        item.set_json(&key, &Value::Array(list));
    }
    let rest = lines.join("\n").trim().to_string();
    item.vars
        .remove(&Variable::Standard(StandardVariable::Note));
    if !rest.is_empty() {
        item.set_json("note", &Value::String(rest));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(json: Value) -> ItemData {
        ItemData::from_json(&json, 0)
    }

    /// As citeproc-js reads them (the CSL suite's
    /// label_NameLabelThroughSubstitute and number_LimitOrdinalsToDayOne).
    #[test]
    fn note_fields_become_variables() {
        let i = item(serde_json::json!({
            "id": "a", "type": "post-weblog", "title": "T",
            "note": "reviewed-title: Decrease\ngenre: Peer commentary\nreviewed-author: Hall || W.C.\nfree text",
        }));
        let var = |v| i.vars.get(&Variable::Standard(v)).map(String::as_str);
        assert_eq!(var(StandardVariable::Genre), Some("Peer commentary"));
        assert_eq!(var(StandardVariable::ReviewedTitle), Some("Decrease"));
        assert_eq!(var(StandardVariable::Note), Some("free text"));
        let i = item(serde_json::json!({"id": "b", "note": "event-date: 2004-10-01/2004-10-14"}));
        let d = i
            .dates
            .get(&hayagriva::citationberg::taxonomy::DateVariable::EventDate)
            .map(|d| d.parts.clone());
        assert_eq!(d, Some(vec![[2004, 10, 1], [2004, 10, 14]]));
        // A variable the item has stays; its line stays in the note.
        let i = item(serde_json::json!({"id": "c", "genre": "G", "note": "genre: H"}));
        assert_eq!(
            i.vars
                .get(&Variable::Standard(StandardVariable::Genre))
                .map(String::as_str),
            Some("G")
        );
        assert_eq!(
            i.vars
                .get(&Variable::Standard(StandardVariable::Note))
                .map(String::as_str),
            Some("genre: H")
        );
    }
}
