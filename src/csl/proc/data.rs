//! Item data as the processor sees it, read leniently from CSL-JSON values
//! (the same leniency as citeproc-js: numbers or strings, raw or literal
//! dates, particles written inside family or given names).

use std::collections::HashMap;

use serde_json::Value;

use crate::csl_json::value::{date, name, scalar};
pub(crate) use crate::csl_json::value::{DateData, NameData};
use crate::fasthash::FastHash;

/// An item: its type, its id and its variables by CSL name.
#[derive(Debug, Clone, Default)]
pub(crate) struct ItemData {
    pub id: String,
    pub kind: String,
    pub vars: HashMap<String, String, FastHash>,
    pub names: HashMap<String, Vec<NameData>, FastHash>,
    pub dates: HashMap<String, DateData, FastHash>,
    pub language: Option<String>,
}

const DATE_VARS: &[&str] = &[
    "accessed",
    "available-date",
    "event-date",
    "issued",
    "original-date",
    "submitted",
];

impl ItemData {
    /// A publist CSL-JSON record (its `custom` object is not a variable).
    pub fn from_csl(item: &crate::csl_json::CslItem, index: usize) -> ItemData {
        let value = serde_json::to_value(item).unwrap_or_default();
        ItemData::from_json(&value, index)
    }

    /// Reads one CSL-JSON item; `index` names items without id.
    pub fn from_json(value: &Value, index: usize) -> ItemData {
        let mut item = ItemData {
            id: format!("item-{index}"),
            kind: "article".to_string(),
            ..Default::default()
        };
        let Some(map) = value.as_object() else {
            return item;
        };
        for (key, v) in map {
            match key.as_str() {
                "id" => {
                    if let Some(s) = scalar(v) {
                        item.id = s;
                    }
                }
                "type" => {
                    if let Some(s) = scalar(v) {
                        item.kind = s;
                    }
                }
                "custom" | "multi" | "system_id" | "seeAlso" => {}
                "language" => {
                    item.language = scalar(v);
                    if let Some(s) = scalar(v) {
                        item.vars.insert(key.clone(), s);
                    }
                }
                _ if DATE_VARS.contains(&key.as_str()) => {
                    if let Some(d) = date(v) {
                        item.dates.insert(key.clone(), d);
                    }
                }
                _ => match v {
                    Value::Array(list) if list.iter().all(Value::is_object) => {
                        let names: Vec<NameData> = list.iter().filter_map(name).collect();
                        if !names.is_empty() {
                            item.names.insert(key.clone(), names);
                        }
                    }
                    _ => {
                        if let Some(s) = scalar(v).filter(|s| !s.is_empty()) {
                            let key = match key.as_str() {
                                "shortTitle" => "title-short".to_string(),
                                "journalAbbreviation" => "container-title-short".to_string(),
                                _ => key.clone(),
                            };
                            item.vars.entry(key).or_insert(s);
                        }
                    }
                },
            }
        }
        // citeproc-js reads "page-first" from "page" when it is not given.
        if !item.vars.contains_key("page-first") {
            if let Some(first) = item.vars.get("page").and_then(|p| {
                p.split(['-', '–', ',', '&'])
                    .next()
                    .map(|s| s.trim().to_string())
            }) {
                item.vars.insert("page-first".to_string(), first);
            }
        }
        item
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_are_read_from_the_name_fields() {
        let v: Value = serde_json::json!({"id": 1, "author": [
            {"family": "van Gogh", "given": "Vincent"},
            {"family": "Beethoven", "given": "Ludwig van"},
            {"family": "Doe", "given": "John, Jr."}
        ]});
        let item = ItemData::from_json(&v, 0);
        let a = &item.names["author"];
        assert_eq!(a[0].ndp.as_deref(), Some("van"));
        assert_eq!(a[0].family.as_deref(), Some("Gogh"));
        assert_eq!(a[1].dp.as_deref(), Some("van"));
        assert_eq!(a[1].given.as_deref(), Some("Ludwig"));
        assert_eq!(a[2].suffix.as_deref(), Some("Jr."));
        assert_eq!(item.id, "1");
    }

    #[test]
    fn dates_in_every_form() {
        let v: Value = serde_json::json!({"issued": {"date-parts": [["2000", 3], [2001]]},
            "accessed": {"raw": "2005-06-02"}, "event-date": {"literal": "Spring term"},
            "original-date": {"date-parts": [[1999]], "season": 2}});
        let item = ItemData::from_json(&v, 0);
        assert_eq!(item.dates["issued"].parts, vec![[2000, 3, 0], [2001, 0, 0]]);
        assert_eq!(item.dates["accessed"].parts, vec![[2005, 6, 2]]);
        assert_eq!(
            item.dates["event-date"].literal.as_deref(),
            Some("Spring term")
        );
        assert_eq!(item.dates["original-date"].parts, vec![[1999, 14, 0]]);
    }
}
