//! Item data as the processor sees it, read leniently from CSL-JSON values
//! (the same leniency as citeproc-js: numbers or strings, raw or literal
//! dates, particles written inside family or given names).

use std::collections::HashMap;

use hayagriva::citationberg::taxonomy::{
    DateVariable, Kind, NameVariable, NumberVariable, PageVariable, StandardVariable, Variable,
};
use serde_json::Value;

use super::vecmap::VecMap;
use crate::csl_json::value::{date, name, parse_particles, scalar};
pub(crate) use crate::csl_json::value::{DateData, NameData};
use crate::fasthash::FastHash;

/// An item: its type, its id and its variables, by typed CSL variable.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ItemData {
    pub id: String,
    /// The CSL type (`None` for a type CSL does not know: no `type` test matches).
    pub kind: Option<Kind>,
    /// Text and number variables.
    pub vars: VecMap<Variable, String>,
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
    fn set_text(&mut self, key: &str, value: String) {
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
                        self.shorts.push((v, value));
                    }
                }
            }
        }
    }

    /// The short form of `v` given as `v-short`, if any.
    pub fn short(&self, v: Variable) -> Option<&str> {
        use hayagriva::citationberg::taxonomy::StandardVariable as S;
        match v {
            Variable::Standard(S::Title) => self
                .vars
                .get(&Variable::Standard(S::TitleShort))
                .map(String::as_str),
            Variable::Standard(S::ContainerTitle) => self
                .vars
                .get(&Variable::Standard(S::ContainerTitleShort))
                .map(String::as_str),
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
            self.vars.insert(first, p);
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
                d.set_text(key, v.clone());
            }
        }
        for (var, list) in [
            (NameVariable::Author, &item.author),
            (NameVariable::Editor, &item.editor),
        ] {
            let names: Vec<NameData> = list.iter().filter_map(name_of).collect();
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
        // Variables written in the note (citeproc-js's field hack).
        let note = Variable::Standard(StandardVariable::Note);
        if let Some(text) = d.vars.get(&note) {
            let has = |k: &str| match key_of(k) {
                Some(Key::Var(v)) => d.vars.contains_key(&v),
                Some(Key::Name(v)) => d.names.contains_key(&v),
                Some(Key::Date(v)) => d.dates.contains_key(&v),
                None => false,
            };
            if let Some(n) = super::notefield::read_note(text, &has) {
                d.set_note_fields(n);
            }
        }
        d.derive_page_first();
        d.shrink();
        d
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
                if let Some(s) = scalar(v) {
                    self.set_type(&s);
                }
            }
            "custom" | "multi" | "system_id" | "seeAlso" => {}
            "language" => {
                self.language = scalar(v);
                if let Some(s) = scalar(v) {
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
                    let names: Vec<NameData> = list.iter().filter_map(name).collect();
                    if let (false, Some(Key::Name(var))) = (names.is_empty(), key) {
                        self.names.insert(var, names);
                    }
                }
                _ => {
                    if let Some(s) = scalar(v).filter(|s| !s.is_empty()) {
                        self.set_text(k, s);
                    }
                }
            },
        }
    }
}

/// The first two of `dates`; a second date of zeros (or empty) is an open
/// range and kept, a first one of zeros is no date (as the CSL-JSON decoder
/// reads `date-parts`).
fn date_parts(dates: impl Iterator<Item = [i32; 3]>) -> Vec<[i32; 3]> {
    let mut parts = Vec::new();
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
            .map(str::to_string)
    };
    let mut d = NameData {
        family: clean(&n.family),
        given: clean(&n.given),
        ndp: clean(&n.non_dropping_particle),
        suffix: clean(&n.suffix),
        literal: clean(&n.literal),
        ..NameData::default()
    };
    if d.literal.is_none() && d.family.is_none() && d.given.is_none() {
        return None;
    }
    parse_particles(&mut d);
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record read from CSL-JSON keeps its variables as read (in
    /// `extra`); the processor item has them all.
    #[test]
    fn records_read_from_csl_json_keep_their_variables() {
        let text = r#"[{"id": "g", "type": "article-journal", "title": "Riks",
            "author": [{"family": "Gen", "given": "R."}], "container-title": "J",
            "issued": {"date-parts": [[2020]]}, "page": "856-873", "volume": "61"}]"#;
        let refs = crate::csl_json::read(text, "x.json").unwrap().references;
        let item = ItemData::from_csl(&crate::csl_json::to_csl(&refs[0], "g"), 0);
        let var = |v: StandardVariable| item.vars.get(&Variable::Standard(v)).cloned();
        assert_eq!(var(StandardVariable::Title).as_deref(), Some("Riks"));
        assert_eq!(var(StandardVariable::ContainerTitle).as_deref(), Some("J"));
        assert_eq!(
            item.names[&NameVariable::Author][0].family.as_deref(),
            Some("Gen")
        );
        assert_eq!(item.dates[&DateVariable::Issued].parts[0][0], 2020);
    }

    #[test]
    fn particles_are_read_from_the_name_fields() {
        let v: Value = serde_json::json!({"id": 1, "author": [
            {"family": "van Gogh", "given": "Vincent"},
            {"family": "Beethoven", "given": "Ludwig van"},
            {"family": "Doe", "given": "John, Jr."}
        ]});
        let item = ItemData::from_json(&v, 0);
        let a = &item.names[&NameVariable::Author];
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
        assert_eq!(
            item.dates[&DateVariable::Issued].parts,
            vec![[2000, 3, 0], [2001, 0, 0]]
        );
        assert_eq!(
            item.dates[&DateVariable::Accessed].parts,
            vec![[2005, 6, 2]]
        );
        assert_eq!(
            item.dates[&DateVariable::EventDate].literal.as_deref(),
            Some("Spring term")
        );
        assert_eq!(
            item.dates[&DateVariable::OriginalDate].parts,
            vec![[1999, 14, 0]]
        );
    }

    #[test]
    fn a_record_reads_the_same_field_by_field_as_from_its_json() {
        let text = "## Journal Articles\n1. van der Berg J, Doe J Jr. and Roe R (2019). \"T\". In: *J* 2(3):4-9\n";
        let r = &crate::cv::read(text, "cv.md").references[0];
        let csl = crate::csl_json::to_csl(r, "k");
        let json = serde_json::to_value(&csl).unwrap();
        let (typed, read) = (ItemData::from_csl(&csl, 0), ItemData::from_json(&json, 0));
        assert_eq!(typed, read);
        assert_eq!(
            typed.vars[&Variable::Number(NumberVariable::PageFirst)],
            "4"
        );
        assert_eq!(typed.names[&NameVariable::Author].len(), csl.author.len());
        assert!(typed.names[&NameVariable::Author]
            .iter()
            .any(|n| n.ndp.is_some()));
    }

    #[test]
    fn keys_name_variables_and_short_forms() {
        let v: Value = serde_json::json!({"type": "book", "title": "Long", "shortTitle": "S",
            "collection-title": "C", "collection-title-short": "CS", "no-such-variable": "x",
            "issued": {"raw": "99999999999999"}});
        let item = ItemData::from_json(&v, 0);
        assert_eq!(item.kind, Some(Kind::Book));
        assert_eq!(
            item.short(Variable::Standard(StandardVariable::Title)),
            Some("S")
        );
        assert_eq!(
            item.short(Variable::Standard(StandardVariable::CollectionTitle)),
            Some("CS")
        );
        assert_eq!(item.vars.len(), 3);
        // Too many digits for a year: a literal date, not a panic.
        assert!(item.dates[&DateVariable::Issued].parts.is_empty());
    }
}
