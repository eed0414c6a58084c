//! Item data as the processor sees it, read leniently from CSL-JSON values
//! (the same leniency as citeproc-js: numbers or strings, raw or literal
//! dates, particles written inside family or given names).

use std::collections::HashMap;

use hayagriva::citationberg::taxonomy::{
    DateVariable, Kind, NameVariable, NumberVariable, PageVariable, StandardVariable, Variable,
};
use serde_json::Value;

use crate::fasthash::FastHash;

/// One person or organisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NameData {
    pub family: Option<String>,
    pub given: Option<String>,
    pub ndp: Option<String>,
    pub dp: Option<String>,
    pub suffix: Option<String>,
    pub literal: Option<String>,
    pub comma_suffix: bool,
    pub static_ordering: bool,
}

impl NameData {
    /// Written family-first without spaces (Chinese, Japanese, Korean…).
    pub fn is_non_roman(&self) -> bool {
        let fields = [self.family.as_deref(), self.given.as_deref()];
        let chars = || fields.iter().flatten().flat_map(|f| f.chars());
        if fields.iter().flatten().all(|f| f.is_ascii()) {
            return false;
        }
        chars().next().is_some()
            && chars().all(|c| {
                !c.is_alphabetic()
                    || matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
            })
    }
}

/// A date or date range.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DateData {
    /// One or two dates as `[year, month, day]` (0 = absent); month 13–16 are seasons.
    pub parts: Vec<[i32; 3]>,
    pub season: Option<String>,
    pub circa: bool,
    pub literal: Option<String>,
}

impl DateData {
    pub fn year(&self) -> Option<i32> {
        self.parts.first().map(|p| p[0])
    }
}

/// An item: its type, its id and its variables, by typed CSL variable.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ItemData {
    pub id: String,
    /// The CSL type (`None` for a type CSL does not know: no `type` test matches).
    pub kind: Option<Kind>,
    /// Text and number variables.
    pub vars: HashMap<Variable, String, FastHash>,
    /// Short forms given as `VARIABLE-short` for variables without a short
    /// variable of their own (`title-short` and `container-title-short` are variables).
    pub shorts: Vec<(Variable, String)>,
    pub names: HashMap<NameVariable, Vec<NameData>, FastHash>,
    pub dates: HashMap<DateVariable, DateData, FastHash>,
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
                self.vars.entry(v).or_insert(value);
            }
            // A name or date variable given as a string: a text value, as before.
            Some(Key::Name(n)) => {
                self.vars.entry(Variable::Name(n)).or_insert(value);
            }
            Some(Key::Date(d)) => {
                self.vars.entry(Variable::Date(d)).or_insert(value);
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
    pub fn from_csl(item: &crate::csl::CslItem, index: usize) -> ItemData {
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
            let names: Vec<NameData> = list
                .iter()
                .filter_map(|n| {
                    name_from_fields(NameFields {
                        family: n.family.as_deref(),
                        given: n.given.as_deref(),
                        ndp: n.non_dropping_particle.as_deref(),
                        suffix: n.suffix.as_deref(),
                        literal: n.literal.as_deref(),
                        ..NameFields::default()
                    })
                })
                .collect();
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
        d.derive_page_first();
        d
    }

    /// Reads one CSL-JSON item; `index` names items without id.
    pub fn from_json(value: &Value, index: usize) -> ItemData {
        let mut item = ItemData::empty(index);
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
                        item.set_type(&s);
                    }
                }
                "custom" | "multi" | "system_id" | "seeAlso" => {}
                "language" => {
                    item.language = scalar(v);
                    if let Some(s) = scalar(v) {
                        item.vars
                            .insert(Variable::Standard(StandardVariable::Language), s);
                    }
                }
                k => match (key_of(k), v) {
                    (Some(Key::Date(var)), _) => {
                        if let Some(d) = date(v) {
                            item.dates.insert(var, d);
                        }
                    }
                    (key, Value::Array(list)) if list.iter().all(Value::is_object) => {
                        let names: Vec<NameData> = list.iter().filter_map(name).collect();
                        if let (false, Some(Key::Name(var))) = (names.is_empty(), key) {
                            item.names.insert(var, names);
                        }
                    }
                    _ => {
                        if let Some(s) = scalar(v).filter(|s| !s.is_empty()) {
                            item.set_text(k, s);
                        }
                    }
                },
            }
        }
        item.derive_page_first();
        item
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn text_field(map: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    map.get(key)
        .and_then(scalar)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The fields of one CSL-JSON name, as written.
#[derive(Default)]
struct NameFields<'a> {
    family: Option<&'a str>,
    given: Option<&'a str>,
    ndp: Option<&'a str>,
    dp: Option<&'a str>,
    suffix: Option<&'a str>,
    literal: Option<&'a str>,
    comma_suffix: bool,
    static_ordering: bool,
}

fn name(v: &Value) -> Option<NameData> {
    let map = v.as_object()?;
    let field = |k: &str| text_field(map, k);
    let flag = |k: &str| {
        map.get(k)
            .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("true"))
    };
    let (family, given, ndp, dp, suffix, literal) = (
        field("family"),
        field("given"),
        field("non-dropping-particle"),
        field("dropping-particle"),
        field("suffix"),
        field("literal"),
    );
    name_from_fields(NameFields {
        family: family.as_deref(),
        given: given.as_deref(),
        ndp: ndp.as_deref(),
        dp: dp.as_deref(),
        suffix: suffix.as_deref(),
        literal: literal.as_deref(),
        comma_suffix: flag("comma-suffix"),
        static_ordering: flag("static-ordering"),
    })
}

/// A name from its fields (trimmed; empty ones are absent), with the
/// particles written inside them read out.
fn name_from_fields(f: NameFields) -> Option<NameData> {
    let clean = |s: Option<&str>| {
        s.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let mut n = NameData {
        family: clean(f.family),
        given: clean(f.given),
        ndp: clean(f.ndp),
        dp: clean(f.dp),
        suffix: clean(f.suffix),
        literal: clean(f.literal),
        comma_suffix: f.comma_suffix,
        static_ordering: f.static_ordering,
    };
    if n.literal.is_none() && n.family.is_none() && n.given.is_none() {
        return None;
    }
    parse_particles(&mut n);
    Some(n)
}

/// Particles written inside the name fields, as citeproc-js reads them:
/// lower-case words opening the family name are a non-dropping particle
/// ("van Gogh"), lower-case words closing the given name a dropping particle
/// ("Ludwig van"), and ", Jr." after the given name a suffix.
fn parse_particles(n: &mut NameData) {
    if n.ndp.is_none() {
        if let Some(family) = &n.family {
            if family.starts_with('"') && family.ends_with('"') && family.len() > 1 {
                n.family = Some(family[1..family.len() - 1].to_string());
            } else {
                let words: Vec<&str> = family.split(' ').collect();
                let mut k = 0;
                while k + 1 < words.len() && is_particle(words[k]) {
                    k += 1;
                }
                if k > 0 {
                    n.ndp = Some(words[..k].join(" "));
                    n.family = Some(words[k..].join(" "));
                } else if let Some(pos) = family.find('\'').or_else(|| family.find('’')) {
                    // "d'Alembert": an apostrophe-ended particle.
                    let (p, rest) = family
                        .split_at(pos + family[pos..].chars().next().map_or(1, char::len_utf8));
                    if p.len() <= 4
                        && p.chars().next().is_some_and(char::is_lowercase)
                        && !rest.is_empty()
                    {
                        n.ndp = Some(p.to_string());
                        n.family = Some(rest.to_string());
                    }
                }
            }
        }
    }
    if let Some(given) = n.given.clone() {
        if n.suffix.is_none() {
            // "John,! Jr." and "John, !Jr." mark a suffix set off by a comma.
            let split = given
                .split_once(",!")
                .map(|(g, s)| (g, format!("!{s}")))
                .or_else(|| given.split_once(", ").map(|(g, s)| (g, s.to_string())));
            if let Some((g, s)) = split {
                let s = s.trim();
                if s.starts_with('!') {
                    n.suffix = Some(s.trim_start_matches('!').trim().to_string());
                    n.comma_suffix = true;
                } else {
                    n.suffix = Some(s.to_string());
                }
                n.given = Some(g.to_string());
            }
        }
        if n.dp.is_none() {
            let given = n.given.clone().unwrap_or_default();
            let words: Vec<&str> = given.split(' ').collect();
            let mut k = words.len();
            while k > 1 && is_particle(words[k - 1]) {
                k -= 1;
            }
            if k < words.len() {
                n.dp = Some(words[k..].join(" "));
                n.given = Some(words[..k].join(" "));
            }
        }
    }
}

fn is_particle(word: &str) -> bool {
    let w = word.trim_end_matches(['\'', '’']);
    !w.is_empty()
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
}

fn date(v: &Value) -> Option<DateData> {
    let mut d = DateData::default();
    match v {
        Value::String(s) => return raw_date(s),
        Value::Number(n) => {
            d.parts.push([n.as_i64()? as i32, 0, 0]);
            return Some(d);
        }
        _ => {}
    }
    let map = v.as_object()?;
    if let Some(Value::Array(parts)) = map.get("date-parts") {
        d.parts = date_parts(parts.iter().filter_map(|p| {
            let Value::Array(p) = p else { return None };
            let mut out = [0; 3];
            for (i, x) in p.iter().take(3).enumerate() {
                out[i] = match x {
                    Value::Number(n) => n.as_i64().unwrap_or(0) as i32,
                    Value::String(s) => s.trim().parse().unwrap_or(0),
                    _ => 0,
                };
            }
            Some(out)
        }));
    }
    if d.parts.is_empty() {
        if let Some(raw) = map.get("raw").and_then(Value::as_str) {
            if let Some(r) = raw_date(raw) {
                d = r;
            }
        }
    }
    if let Some(lit) = text_field(map, "literal") {
        if d.parts.is_empty() {
            d.literal = Some(lit);
        }
    }
    if let Some(season) = map.get("season").and_then(scalar) {
        match season.parse::<i32>() {
            Ok(n @ 1..=4) => {
                if let Some(p) = d.parts.first_mut() {
                    if p[1] == 0 {
                        p[1] = 12 + n;
                    }
                }
            }
            _ => d.season = Some(season),
        }
    }
    d.circa = map.get("circa").is_some_and(|v| match v {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_i64() != Some(0),
        Value::String(s) => !s.is_empty() && s != "0" && s != "false",
        _ => false,
    });
    if d.parts.is_empty() && d.literal.is_none() {
        return None;
    }
    Some(d)
}

/// The first two of `dates`; a second date of zeros (or empty) is an open
/// range and kept, a first one of zeros is no date.
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

/// "2005-06-02", "2005/2006", "June 2005": the forms CSL-JSON raw dates take.
fn raw_date(s: &str) -> Option<DateData> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let one = |t: &str| -> Option<[i32; 3]> {
        let t = t.trim();
        let nums: Vec<&str> = t.split(['-', '/', '.']).filter(|x| !x.is_empty()).collect();
        if !nums.is_empty() && nums.iter().all(|x| x.chars().all(|c| c.is_ascii_digit())) {
            let v: Vec<i32> = nums.iter().filter_map(|x| x.parse().ok()).collect();
            // (Digits too many for a number parse to nothing: no date.)
            let first = *v.first()?;
            if first > 31 || nums[0].len() == 4 {
                return Some([first, *v.get(1).unwrap_or(&0), *v.get(2).unwrap_or(&0)]);
            }
            return None;
        }
        // "June 2005", "15 June 2005"
        const MONTHS: [&str; 12] = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        let mut out = [0, 0, 0];
        for w in t.split([' ', ',']).filter(|w| !w.is_empty()) {
            let lw = w.to_lowercase();
            if let Some(m) = MONTHS.iter().position(|m| lw.starts_with(m)) {
                out[1] = m as i32 + 1;
            } else if let Ok(n) = w.parse::<i32>() {
                if n > 31 || w.len() == 4 {
                    out[0] = n;
                } else {
                    out[2] = n;
                }
            } else {
                return None;
            }
        }
        (out[0] != 0).then_some(out)
    };
    let mut d = DateData::default();
    if let Some(p) = one(s) {
        d.parts.push(p);
        return Some(d);
    }
    // Ranges: "2005/2006", "2005-06-01/2005-06-03"
    for sep in ["/", " - ", "–"] {
        if let Some((a, b)) = s.split_once(sep) {
            if let (Some(a), Some(b)) = (one(a), one(b)) {
                d.parts.push(a);
                d.parts.push(b);
                return Some(d);
            }
        }
    }
    d.literal = Some(s.to_string());
    Some(d)
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
        let r = &crate::parse::cv(text, "cv.md").references[0];
        let csl = crate::csl::to_csl(r, "k");
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
