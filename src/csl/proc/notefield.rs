//! Variables written in an item's `note` ("cheater syntax"), as
//! citeproc-js 2.4.63 reads them by default (`CSL.parseNoteFieldHacks`,
//! development extension `field_hack` on): lines `key: value` at the start
//! of the note (after at most one line of free text), and `{:key:value}`
//! anywhere in a line of such fields, set CSL variables the item does not
//! have (dates and the type always); names are `Family || Given` or a
//! literal. The lines read leave the note. Zotero writes these lines into
//! the "Extra" field, which its CSL-JSON export gives as `note`.

use serde_json::{Map, Value};

/// What a note gives: variables to set (CSL-JSON keys and values, in
/// order) and the rest of the note.
pub(crate) struct NoteFields {
    pub set: Vec<(String, Value)>,
    pub note: String,
}

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

/// The variables written in `map`'s note, and what remains of the note;
/// `None` when it has none.
pub(crate) fn read(map: &Map<String, Value>) -> Option<NoteFields> {
    let note = map.get("note").and_then(Value::as_str)?;
    let has = |k: &str| {
        map.get(k)
            .is_some_and(|v| !v.is_null() && v.as_str() != Some(""))
    };
    read_note(note, &has)
}

/// [`read`] of a note, `has` telling the variables the item has.
pub(crate) fn read_note(note: &str, has: &dyn Fn(&str) -> bool) -> Option<NoteFields> {
    if !note.contains(':') {
        return None;
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
    let mut set: Vec<(String, Value)> = Vec::new();
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
            set.push((key.to_string(), Value::String(val.to_string())));
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
            set.push((key.to_string(), Value::String(val.to_string())));
        }
        slot.clear();
        changed = true;
    }
    if !changed {
        return None;
    }
    set.extend(names.into_iter().map(|(k, list)| (k, Value::Array(list))));
    Some(NoteFields {
        set,
        note: lines.join("\n").trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_json(v: Value) -> Option<NoteFields> {
        read(v.as_object()?)
    }

    /// As citeproc-js reads them (the CSL suite's
    /// label_NameLabelThroughSubstitute and number_LimitOrdinalsToDayOne).
    #[test]
    fn note_fields_become_variables() {
        let n = read_json(serde_json::json!({
            "note": "reviewed-title: Decrease\ngenre: Peer commentary\nreviewed-author: Hall || W.C.\nfree text",
        }))
        .unwrap();
        assert_eq!(n.note, "free text");
        let keys: Vec<&str> = n.set.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["reviewed-title", "genre", "reviewed-author"]);
        assert_eq!(
            n.set[2].1,
            serde_json::json!([{"family": "Hall", "given": "W.C."}])
        );
        let n =
            read_json(serde_json::json!({"note": "event-date: 2004-10-01/2004-10-14"})).unwrap();
        assert_eq!(
            n.set,
            [(
                "event-date".to_string(),
                Value::String("2004-10-01/2004-10-14".into())
            )]
        );
        // A variable the item has stays; its line stays in the note.
        assert!(read_json(serde_json::json!({"genre": "G", "note": "genre: H"})).is_none());
        // Free text first, then fields; text after the fields ends them.
        let n =
            read_json(serde_json::json!({"note": "Some words\nissued: 2001\nmore text\ngenre: X"}))
                .unwrap();
        assert_eq!(n.set.len(), 1);
        assert_eq!(n.note, "Some words\n\nmore text\ngenre: X");
    }
}
