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
    /// A CSL-JSON item: its variables as read (publist's `custom` object
    /// aside), but those its typed fields hold (see [`CslRecord`]).
    CslJson(CslRecord),
}

/// A CSL-JSON item as read, kept as compact JSON text: a parsed map of
/// every variable takes several kilobytes per item (a tree node per object,
/// a string per name), about seven times the text.
///
/// The reader leaves out of the record the variables that the typed fields
/// of the reference it read write back byte for byte (a plain title, the
/// author list, a date of parts: most of an item), keeping for each only a
/// hash of its typed value, so that a writer can tell whether it changed.
/// [`to_map`](Self::to_map) and [`as_json`](Self::as_json) give the
/// variables the record holds; [`crate::csl_json::variables`] gives every
/// variable of the item, those put back from the reference. A record made
/// with [`new`](Self::new) holds every variable of its map.
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
///
/// Serialized, a record that leaves variables to the typed fields has the
/// member `publist:reproduced` beside its variables (which parts, and their
/// hashes), so that it deserializes to what it was.
// One block: a `u32` of the parts left out (bit k: `csl_json::parts::PARTS[k]`),
// a `u32` hash of each (in the order of the bits), then the JSON text.
#[derive(Clone, PartialEq, Eq)]
pub struct CslRecord(Box<[u8]>);

/// The member of a serialized record that says which parts it leaves out.
const REPRODUCED: &str = "publist:reproduced";

impl CslRecord {
    /// The item's variables, kept as compact JSON.
    pub fn new(map: &serde_json::Map<String, serde_json::Value>) -> Self {
        // A map with string keys always serializes.
        Self::from_compact(&serde_json::to_string(map).unwrap_or_default())
    }

    /// A record of text that `new` wrote (or that is written as it writes:
    /// keys sorted and unique, no white space).
    pub(crate) fn from_compact(text: &str) -> Self {
        Self::with_reproduced(text, 0, &[])
    }

    /// A record of compact text without the parts in `parts` (bits), with
    /// the hash of each part's typed value (one per bit, in bit order).
    pub(crate) fn with_reproduced(text: &str, parts: u32, hashes: &[u32]) -> Self {
        let mut block = Vec::with_capacity(4 + 4 * hashes.len() + text.len());
        block.extend_from_slice(&parts.to_le_bytes());
        for h in hashes {
            block.extend_from_slice(&h.to_le_bytes());
        }
        block.extend_from_slice(text.as_bytes());
        CslRecord(block.into_boxed_slice())
    }

    /// The parts left out (bit k: part k), 0 for none.
    pub(crate) fn reproduced_parts(&self) -> u32 {
        self.word(0).unwrap_or(0)
    }

    fn word(&self, k: usize) -> Option<u32> {
        let bytes = self.0.get(4 * k..4 * k + 4)?;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
    }

    /// The hash of part `k`'s typed value as read, when the record leaves
    /// the part out (its typed value wrote it).
    pub(crate) fn reproduced(&self, k: usize) -> Option<u32> {
        let parts = self.reproduced_parts();
        let bit = 1u32.checked_shl(k as u32)?;
        if parts & bit == 0 {
            return None;
        }
        self.word(1 + (parts & (bit - 1)).count_ones() as usize)
    }

    /// The variables the record holds (all but those left to the typed
    /// fields), parsed.
    pub fn to_map(&self) -> serde_json::Map<String, serde_json::Value> {
        serde_json::from_str(self.as_json()).unwrap_or_default()
    }

    /// The variables the record holds (all but those left to the typed
    /// fields) as compact JSON text.
    pub fn as_json(&self) -> &str {
        let start = 4 * (1 + self.reproduced_parts().count_ones() as usize);
        // The text is a `&str`'s bytes (`with_reproduced`).
        std::str::from_utf8(self.0.get(start..).unwrap_or_default()).unwrap_or("{}")
    }
}

impl std::fmt::Debug for CslRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.reproduced_parts() {
            0 => write!(f, "CslRecord({})", self.as_json()),
            parts => write!(f, "CslRecord({}, reproduced {parts:#x})", self.as_json()),
        }
    }
}

impl Serialize for CslRecord {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = self.to_map();
        let parts = self.reproduced_parts();
        if parts != 0 {
            let words: Vec<u32> = (0..=parts.count_ones() as usize)
                .filter_map(|k| self.word(k))
                .collect();
            map.insert(REPRODUCED.to_string(), words.into());
        }
        map.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for CslRecord {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut map = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        let words: Vec<u32> = match map.remove(REPRODUCED) {
            Some(serde_json::Value::Array(words)) => words
                .iter()
                .filter_map(|w| w.as_u64().and_then(|w| u32::try_from(w).ok()))
                .collect(),
            _ => Vec::new(),
        };
        let text = serde_json::to_string(&map).unwrap_or_default();
        match words.split_first() {
            Some((&parts, hashes)) if hashes.len() == parts.count_ones() as usize => {
                Ok(CslRecord::with_reproduced(&text, parts, hashes))
            }
            _ => Ok(CslRecord::from_compact(&text)),
        }
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
