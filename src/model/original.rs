//! A record as its source wrote it, kept beside the typed fields so that
//! writing it back in the same format loses nothing: every field or
//! variable, also those the typed model has no place for (`file`,
//! `timestamp`, `eventtitle`, `authority`, ...), under its own name.
//!
//! Writers compare the typed fields with what the reader derives from the
//! original: what is unchanged is written as the source wrote it, what a
//! merge or the user changed is written from the typed fields.

use serde::{Deserialize, Serialize};

/// The source form of a record.
///
/// ```
/// let parsed = publist::bib::read("@phdthesis{doe, author = {Doe, J.}, title = {T}, school = {MIT}, year = 2012}", "x.bib");
/// let Some(publist::model::Original::Bib(entry)) = &parsed.references[0].original else { panic!() };
/// assert_eq!((entry.entry_type.as_str(), entry.key.as_str()), ("phdthesis", "doe"));
/// assert_eq!(entry.get("school"), Some("{MIT}"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "format", content = "record")]
#[non_exhaustive]
pub enum Original {
    /// A .bib entry (boxed: a reference read from CSL-JSON is 80 bytes
    /// smaller).
    Bib(Box<BibEntry>),
    /// A CSL-JSON item: every variable as read (publist's `custom` object aside).
    CslJson(CslRecord),
}

/// A CSL-JSON item as read, kept as compact JSON text: a parsed map of
/// every variable takes several kilobytes per item (a tree node per object,
/// a string per name), about seven times the text; a library of a million
/// items keeps its originals in about the size of the file.
/// [`to_map`](Self::to_map) parses it when a writer needs it.
///
/// ```
/// use publist::model::CslRecord;
/// let item = serde_json::json!({"id": "a", "type": "book", "volume": 5});
/// let record = CslRecord::new(item.as_object().unwrap());
/// assert_eq!(record.as_json(), r#"{"id":"a","type":"book","volume":5}"#);
/// assert_eq!(record.to_map()["volume"], 5);
/// // Serialized as the object it is.
/// assert_eq!(serde_json::to_value(&record).unwrap(), item);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct CslRecord(Box<str>);

impl CslRecord {
    /// The item's variables, kept as compact JSON.
    pub fn new(map: &serde_json::Map<String, serde_json::Value>) -> Self {
        // A map with string keys always serializes.
        CslRecord(
            serde_json::to_string(map)
                .unwrap_or_default()
                .into_boxed_str(),
        )
    }

    /// A record of text that `new` wrote (or that is written as it writes:
    /// keys sorted and unique, no white space).
    pub(crate) fn from_compact(text: &str) -> Self {
        CslRecord(text.into())
    }

    /// The item's variables, parsed.
    pub fn to_map(&self) -> serde_json::Map<String, serde_json::Value> {
        serde_json::from_str(&self.0).unwrap_or_default()
    }

    /// The item as compact JSON text.
    pub fn as_json(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for CslRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CslRecord({})", self.0)
    }
}

impl Serialize for CslRecord {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_map().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for CslRecord {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        Ok(CslRecord::new(&map))
    }
}

/// A .bib entry as written: type and key as in the file, the fields in
/// order with lower-case names, each value as it stands after `=` (the
/// file's `@string` macros expanded, month macros and undefined macros kept
/// bare, quotes turned into braces: `{Sch{\"o}lkopf}`, `jan`, `{10~} # jan`).
/// Fields inherited through `crossref`/`xdata` are kept apart (they are
/// the parent's, and written with it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BibEntry {
    /// The entry type, lower case (`phdthesis`, `online`).
    pub entry_type: String,
    /// The citation key as written.
    pub key: String,
    /// `(name, value)` in the order of the file.
    pub fields: Vec<(String, String)>,
    /// `(name, TeX)` of the fields inherited from `crossref`/`xdata`
    /// parents (under the child's names: a book's `title` as `booktitle`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inherited: Vec<(String, String)>,
}

impl BibEntry {
    /// The written value of a field (name in lower case).
    ///
    /// ```
    /// let e = publist::model::BibEntry { entry_type: "misc".into(), key: "k".into(),
    ///     fields: vec![("note".into(), "{n}".into())], inherited: vec![] };
    /// assert_eq!(e.get("note"), Some("{n}"));
    /// assert_eq!(e.get("title"), None);
    /// ```
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The TeX text of a field: a braced value without its outer braces, a
    /// bare number as it is; `None` for values made of macros.
    ///
    /// ```
    /// let e = publist::model::BibEntry { entry_type: "misc".into(), key: "k".into(),
    ///     fields: vec![("title".into(), "{A {B}}".into()), ("month".into(), "jan".into())], inherited: vec![] };
    /// assert_eq!(e.tex("title"), Some("A {B}"));
    /// assert_eq!(e.tex("month"), None);
    /// ```
    pub fn tex(&self, name: &str) -> Option<&str> {
        let v = self.get(name)?;
        match v.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
            Some(inner) if balanced(inner) => Some(inner),
            _ if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => Some(v),
            _ => None,
        }
    }
}

/// Whether braces balance and never close below depth 0.
fn balanced(s: &str) -> bool {
    let mut depth = 0i64;
    for b in s.bytes() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}
