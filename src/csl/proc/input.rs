//! Item data as the processor sees it, read leniently from CSL-JSON values
//! (the same leniency as citeproc-js: numbers or strings, raw or literal
//! dates, particles written inside family or given names).

use std::collections::HashMap;

use hayagriva::citationberg::taxonomy::{
    DateVariable, Kind, NameVariable, NumberVariable, PageVariable, StandardVariable, Variable,
};
use serde_json::Value;

use super::vecmap::{TextMap, VecMap};
use crate::csl_json::value::{date, name, parse_particles, scalar, scalar_text};
pub(crate) use crate::csl_json::value::{DateData, DatePair, NameData, NameParts};
use crate::fasthash::FastHash;

/// An item: its type, its id and its variables, by typed CSL variable.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ItemData {
    pub id: String,
    /// The CSL type (`None` for a type CSL does not know: no `type` test matches).
    pub kind: Option<Kind>,
    /// Text and number variables.
    pub vars: TextMap<Variable>,
    /// Short forms given as `VARIABLE-short` for variables without a short
    /// variable of their own (`title-short` and `container-title-short` are variables).
    pub shorts: Vec<(Variable, String)>,
    pub names: VecMap<NameVariable, Vec<NameData>>,
    pub dates: VecMap<DateVariable, DateData>,
    pub language: Option<String>,
}

/// What a CSL-JSON key stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Var(Variable),
    Name(NameVariable),
    Date(DateVariable),
}

/// Every variable of CSL 1.0.2 that citationberg knows, by the name the
/// style side uses for it (its `Display`): a CSL-JSON key names a variable
/// exactly when it is that name.
fn key_of(name: &str) -> Option<Key> {
    const NAMES: &[&str] = &[
        "abstract",
        "annote",
        "archive",
        "archive_collection",
        "archive_location",
        "archive-place",
        "authority",
        "call-number",
        "citation-key",
        "citation-label",
        "collection-title",
        "container-title",
        "container-title-short",
        "dimensions",
        "division",
        "DOI",
        "event",
        "event-title",
        "event-place",
        "genre",
        "ISBN",
        "ISSN",
        "jurisdiction",
        "keyword",
        "language",
        "license",
        "medium",
        "note",
        "original-publisher",
        "original-publisher-place",
        "original-title",
        "part-title",
        "PMCID",
        "PMID",
        "publisher",
        "publisher-place",
        "references",
        "reviewed-genre",
        "reviewed-title",
        "scale",
        "source",
        "status",
        "title",
        "title-short",
        "URL",
        "volume-title",
        "year-suffix",
        "chapter-number",
        "citation-number",
        "collection-number",
        "edition",
        "first-reference-note-number",
        "issue",
        "locator",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "page",
        "page-first",
        "part-number",
        "printing-number",
        "section",
        "supplement-number",
        "version",
        "volume",
        "accessed",
        "available-date",
        "event-date",
        "issued",
        "original-date",
        "submitted",
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
        "editorial-director",
        "editor-translator",
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
    ];
    static TABLE: std::sync::OnceLock<HashMap<String, Key, FastHash>> = std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            NAMES
                .iter()
                .filter_map(|n| {
                    serde_json::from_value::<Variable>(Value::String(n.to_string())).ok()
                })
                .map(|v| {
                    let key = match v {
                        Variable::Name(n) => Key::Name(n),
                        Variable::Date(d) => Key::Date(d),
                        v => Key::Var(v),
                    };
                    (v.to_string(), key)
                })
                .collect()
        })
        .get(name)
        .copied()
}

impl ItemData {
    /// An empty item of type `article` (CSL-JSON's default), named by its index.
    fn empty(index: usize) -> ItemData {
        ItemData {
            id: format!("item-{index}"),
            kind: Some(Kind::Article),
            ..Default::default()
        }
    }

    fn set_type(&mut self, csl_type: &str) {
        self.kind = csl_type.parse().ok();
    }

    /// A text or number variable given under `key`; the first value wins.
    fn set_text(&mut self, key: &str, value: &str) {
        let key = match key {
            "shortTitle" => "title-short",
            "journalAbbreviation" => "container-title-short",
            k => k,
        };
        match key_of(key) {
            Some(Key::Var(v)) => {
                self.vars.insert_new(v, value);
            }
            // A name or date variable given as a string: a text value, as before.
            Some(Key::Name(n)) => {
                self.vars.insert_new(Variable::Name(n), value);
            }
            Some(Key::Date(d)) => {
                self.vars.insert_new(Variable::Date(d), value);
            }
            None => {
                if let Some(Key::Var(v)) = key.strip_suffix("-short").and_then(key_of) {
                    if !self.shorts.iter().any(|(s, _)| *s == v) {
                        self.shorts.push((v, value.to_string()));
                    }
                }
            }
        }
    }

    /// The short form of `v` given as `v-short`, if any.
    pub fn short(&self, v: Variable) -> Option<&str> {
        use hayagriva::citationberg::taxonomy::StandardVariable as S;
        match v {
            Variable::Standard(S::Title) => self.vars.get(&Variable::Standard(S::TitleShort)),
            Variable::Standard(S::ContainerTitle) => {
                self.vars.get(&Variable::Standard(S::ContainerTitleShort))
            }
            v => self
                .shorts
                .iter()
                .find(|(s, _)| *s == v)
                .map(|(_, t)| t.as_str()),
        }
    }

    /// The item as it is kept from now on: no room for more variables.
    fn shrink(&mut self) {
        self.vars.shrink_to_fit();
        self.names.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.shorts.shrink_to_fit();
    }

    /// citeproc-js reads "page-first" from "page" when it is not given.
    fn derive_page_first(&mut self) {
        let first = Variable::Number(NumberVariable::PageFirst);
        if self.vars.contains_key(&first) {
            return;
        }
        if let Some(p) = self
            .vars
            .get(&Variable::Page(PageVariable::Page))
            .and_then(|p| {
                p.split(['-', '–', ',', '&'])
                    .next()
                    .map(|s| s.trim().to_string())
            })
        {
            self.vars.insert(first, &p);
        }
    }

    /// A publist CSL-JSON record, read field by field (its `custom` object
    /// is not a variable): what [`ItemData::from_json`] reads from the same
    /// record's JSON.
    pub fn from_csl(item: &crate::csl_json::CslItem, index: usize) -> ItemData {
        let mut d = ItemData::empty(index);
        d.id = item.id.clone();
        d.set_type(&item.kind);
        for (key, value) in [
            ("title", &item.title),
            ("container-title", &item.container_title),
            ("collection-title", &item.collection_title),
            ("volume", &item.volume),
            ("issue", &item.issue),
            ("page", &item.page),
            ("number", &item.number),
            ("publisher", &item.publisher),
            ("publisher-place", &item.publisher_place),
            ("DOI", &item.doi),
            ("ISBN", &item.isbn),
            ("ISSN", &item.issn),
            ("URL", &item.url),
            ("note", &item.note),
        ] {
            if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
                d.set_text(key, v);
            }
        }
        for (var, list) in [
            (NameVariable::Author, &item.author),
            (NameVariable::Editor, &item.editor),
        ] {
            let mut names: Vec<NameData> = Vec::with_capacity(list.len());
            names.extend(list.iter().filter_map(name_of));
            if !names.is_empty() {
                d.names.insert(var, names);
            }
        }
        if let Some(issued) = &item.issued {
            let parts = issued.date_parts.iter().map(|p| {
                let mut out = [0; 3];
                for (i, x) in p.iter().take(3).enumerate() {
                    out[i] = *x;
                }
                out
            });
            if let Some(date) = date_from_parts(parts) {
                d.dates.insert(DateVariable::Issued, date);
            }
        }
        // The variables of an item read from CSL-JSON that the typed fields
        // do not hold, or that it kept as written (carried by
        // `csl_json::to_csl` in `extra`): all of them reach the processor.
        for (key, v) in item.extra.iter().filter(|(k, _)| *k != "id") {
            d.set_json(key, v);
        }
        d.finish()
    }

    /// The item of a reference as [`ItemData::from_csl`] reads
    /// `csl_json::to_csl`'s item, without building that item for a
    /// reference read from CSL-JSON and left as read (the original's
    /// variables, read as `to_csl` would carry them).
    pub fn from_reference(r: &crate::model::Reference, id: &str, index: usize) -> ItemData {
        let Some((kind, vars)) = crate::csl_json::unchanged_original(r) else {
            return ItemData::from_csl(&crate::csl_json::to_csl(r, id), index);
        };
        let mut d = ItemData::empty(index);
        d.id = id.to_string();
        d.set_type(&kind);
        for (key, v) in &vars {
            d.set_json(key, v);
        }
        d.finish()
    }

    /// The variables written in the note (citeproc-js's field hack), a
    /// page-first from the page, the item shrunk to its size.
    fn finish(mut self) -> ItemData {
        let note = Variable::Standard(StandardVariable::Note);
        if let Some(text) = self.vars.get(&note) {
            let has = |k: &str| match key_of(k) {
                Some(Key::Var(v)) => self.vars.contains_key(&v),
                Some(Key::Name(v)) => self.names.contains_key(&v),
                Some(Key::Date(v)) => self.dates.contains_key(&v),
                None => false,
            };
            if let Some(n) = super::notefield::read_note(text, &has) {
                self.set_note_fields(n);
            }
        }
        self.derive_page_first();
        self.shrink();
        self
    }

    /// The variables a note gives, and the rest of the note.
    fn set_note_fields(&mut self, n: super::notefield::NoteFields) {
        for (k, v) in &n.set {
            self.set_json(k, v);
        }
        self.vars
            .remove(&Variable::Standard(StandardVariable::Note));
        if !n.note.is_empty() {
            self.set_json("note", &Value::String(n.note));
        }
    }

    /// Reads one CSL-JSON item; `index` names items without id.
    pub fn from_json(value: &Value, index: usize) -> ItemData {
        let mut item = ItemData::empty(index);
        let Some(map) = value.as_object() else {
            return item;
        };
        for (key, v) in map {
            item.set_json(key, v);
        }
        // Variables written in the note (citeproc-js's field hack).
        if let Some(n) = super::notefield::read(map) {
            item.set_note_fields(n);
        }
        item.derive_page_first();
        item.shrink();
        item
    }

    /// Sets one variable (or the id or type) of a CSL-JSON item.
    fn set_json(&mut self, key: &str, v: &Value) {
        match key {
            "id" => {
                if let Some(s) = scalar(v) {
                    self.id = s;
                }
            }
            "type" => {
                if let Some(s) = scalar_text(v) {
                    self.set_type(&s);
                }
            }
            "custom" | "multi" | "system_id" | "seeAlso" => {}
            "language" => {
                self.language = scalar(v);
                if let Some(s) = self.language.as_deref() {
                    self.vars
                        .insert(Variable::Standard(StandardVariable::Language), s);
                }
            }
            k => match (key_of(k), v) {
                (Some(Key::Date(var)), _) => {
                    if let Some(d) = date(v) {
                        self.dates.insert(var, d);
                    }
                }
                (key, Value::Array(list)) if list.iter().all(Value::is_object) => {
                    // Room for every name (a list collected from `filter_map`
                    // grows from 4 to 8: 40% of an item's names unused).
                    let mut names: Vec<NameData> = Vec::with_capacity(list.len());
                    names.extend(list.iter().filter_map(name));
                    if let (false, Some(Key::Name(var))) = (names.is_empty(), key) {
                        self.names.insert(var, names);
                    }
                }
                _ => {
                    if let Some(s) = scalar_text(v).filter(|s| !s.is_empty()) {
                        self.set_text(k, &s);
                    }
                }
            },
        }
    }
}

/// The first two of `dates`; a second date of zeros (or empty) is an open
/// range and kept, a first one of zeros is no date (as the CSL-JSON decoder
/// reads `date-parts`).
fn date_parts(dates: impl Iterator<Item = [i32; 3]>) -> DatePair {
    let mut parts = DatePair::default();
    for out in dates.take(2) {
        if out[0] != 0 || out[1] != 0 || !parts.is_empty() {
            parts.push(out);
        }
    }
    parts
}

/// A date of `date-parts` alone.
fn date_from_parts(dates: impl Iterator<Item = [i32; 3]>) -> Option<DateData> {
    let parts = date_parts(dates);
    (!parts.is_empty()).then(|| DateData {
        parts,
        ..DateData::default()
    })
}

/// A name of a publist record: its fields trimmed (empty ones absent), the
/// particles written inside them read out as the CSL-JSON decoder does.
fn name_of(n: &crate::csl_json::CslName) -> Option<NameData> {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Box::from)
    };
    let mut d = NameParts {
        family: clean(&n.family),
        given: clean(&n.given),
        ndp: clean(&n.non_dropping_particle),
        suffix: clean(&n.suffix),
        literal: clean(&n.literal),
        ..NameParts::default()
    };
    if d.literal.is_none() && d.family.is_none() && d.given.is_none() {
        return None;
    }
    parse_particles(&mut d);
    Some(d.into())
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
