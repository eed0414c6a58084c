//! Citation keys. A record read from a .bib file or CSL-JSON keeps the key
//! (id) it had there, in every output: `\cite{}` and `[@id]` in the user's
//! documents go on working. Records without one (CV items) get a readable
//! key (`achtibat2023attribution`), stable across runs (derived from the
//! reference only); a key another record already has gets `a`, `b`, ...
//! appended, and [`renames`] lists every input key that did not survive.
//! [`KeyFormat::regenerate`] makes keys for all records.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::fasthash::FastHash;
use crate::model::Reference;
use crate::text::fold;

/// Title words never used as the key's word.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "from", "via", "by", "at",
    "is", "are", "how", "what", "why", "towards", "toward",
];

/// How keys are made: `{family}{year}{word}...`, and whether the input's
/// keys are kept.
///
/// ```
/// use publist::keys::{assign_with, KeyFormat};
/// let refs = publist::cv::read("## Journal Articles\n1. Müller K-R (2015). \"Explaining Deep Networks\". In: *J* 1:1-9\n", "cv.md").references;
/// assert_eq!(assign_with(&refs, &KeyFormat::default()), ["muller2015explaining"]);
/// assert_eq!(assign_with(&refs, &KeyFormat { year: false, title_words: 2, ..Default::default() }), ["mullerexplainingdeep"]);
///
/// let bib = publist::bib::read("@inproceedings{DBLP:conf/icde/AdyaLO00, author = {Atul Adya}, title = {Generalized Isolation}, year = 2000}", "x.bib").references;
/// assert_eq!(assign_with(&bib, &KeyFormat::default()), ["DBLP:conf/icde/AdyaLO00"]);
/// assert_eq!(assign_with(&bib, &KeyFormat { regenerate: true, ..Default::default() }), ["adya2000generalized"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeyFormat {
    /// Include the year.
    pub year: bool,
    /// How many significant title words to append (0 for none).
    pub title_words: usize,
    /// Make keys for every record, also those that have one from their input.
    pub regenerate: bool,
}

impl Default for KeyFormat {
    fn default() -> Self {
        KeyFormat {
            year: true,
            title_words: 1,
            regenerate: false,
        }
    }
}

/// The key a record has from its input: the first source with a key that
/// can stand in a .bib file (no white space, braces, commas, quotes, `#`,
/// `%`, `=`, `\\`).
///
/// ```
/// let r = &publist::bib::read("@misc{Vries, author = {de Vries, F.}, howpublished = {Private}, year = 2019}", "x.bib").references[0];
/// assert_eq!(publist::keys::input_key(r), Some("Vries"));
/// ```
pub fn input_key(r: &Reference) -> Option<&str> {
    r.sources
        .iter()
        .filter_map(|s| s.key.as_deref())
        .find(|k| is_usable(k))
}

/// Like [`assign`], for CSL-JSON ids, which may be any text: an input id
/// that could not be a .bib key (`Smith 2020`) is kept too.
///
/// ```
/// let refs = publist::csl_json::read(r#"[{"id": "Smith 2020", "type": "book", "title": "T"}]"#, "x.json")?.references;
/// assert_eq!(publist::keys::assign_ids(&refs), ["Smith 2020"]);
/// assert_eq!(publist::keys::assign(&refs), ["anont"]);
/// # Ok::<(), publist::Error>(())
/// ```
pub fn assign_ids(refs: &[Reference]) -> Vec<String> {
    assign_inner(refs, &KeyFormat::default(), |r| {
        r.sources
            .iter()
            .filter_map(|s| s.key.as_deref())
            .find(|k| !k.trim().is_empty())
    })
}

fn is_usable(key: &str) -> bool {
    !key.is_empty()
        && !key
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "{}(),\"#%'=\\~".contains(c))
}

/// An input key that a record did not keep, and the key it got.
///
/// ```
/// let refs = publist::bib::read("@misc{k, title = {A}}\n@misc{K2, title = {B}}", "x.bib").references;
/// let mut both = refs.clone();
/// both.extend(refs);
/// let keys = publist::keys::assign(&both);
/// assert_eq!(keys, ["k", "K2", "ka", "K2a"]);
/// let renamed = publist::keys::renames(&both, &keys);
/// assert_eq!(renamed.len(), 2);
/// assert_eq!((renamed[0].old.as_str(), renamed[0].new.as_str(), renamed[0].record), ("k", "ka", 2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRename {
    /// The record's index in the list.
    pub record: usize,
    /// Its key in the input.
    pub old: String,
    /// The key it got.
    pub new: String,
}

/// Every input key (of every source of every record) that is not the key
/// its record got in `keys` (from [`assign_with`]): collisions, keys that
/// cannot stand in a .bib file, the other keys of merged records, and all of
/// them under [`KeyFormat::regenerate`].
pub fn renames(refs: &[Reference], keys: &[String]) -> Vec<KeyRename> {
    let mut out = Vec::new();
    for (record, (r, new)) in refs.iter().zip(keys).enumerate() {
        let mut seen: Vec<&str> = Vec::new();
        for old in r.sources.iter().filter_map(|s| s.key.as_deref()) {
            if old != new && !seen.contains(&old) {
                seen.push(old);
                out.push(KeyRename {
                    record,
                    old: old.to_string(),
                    new: new.clone(),
                });
            }
        }
    }
    out
}

/// The key a reference would get on its own: first author's (or editor's)
/// family name, year, first significant title word, folded to ASCII lower case.
///
/// ```
/// let mut r = publist::Reference::new(publist::Kind::JournalArticle,
///     "From attribution maps to human-understandable explanations");
/// r.authors.push(publist::Person::new("Achtibat", Some("R.")));
/// r.issued = Some(publist::Date::year(2023));
/// assert_eq!(publist::keys::base_key(&r), "achtibat2023attribution");
/// ```
pub fn base_key(r: &Reference) -> String {
    base_key_with(r, &KeyFormat::default())
}

/// [`base_key`] in a given format.
///
/// ```
/// use publist::keys::{base_key_with, KeyFormat};
/// let mut r = publist::Reference::new(publist::Kind::Misc, "The Layer-wise Relevance Propagation Toolbox");
/// r.authors.push(publist::Person::new("Lapuschkin", Some("S.")));
/// r.issued = Some(publist::Date::year(2016));
/// let f = KeyFormat { year: false, title_words: 3, ..Default::default() };
/// assert_eq!(base_key_with(&r, &f), "lapuschkinlayerwiserelevance");
/// ```
pub fn base_key_with(r: &Reference, format: &KeyFormat) -> String {
    let name = r
        .authors
        .first()
        .or_else(|| r.editors.first())
        .map(|p| fold(p.family()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "anon".to_string());
    let mut key = name;
    if format.year {
        if let Some(y) = r.year() {
            key.push_str(&y.to_string());
        }
    }
    let words = r
        .title
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(&w.as_str()))
        .take(format.title_words);
    for w in words {
        key.push_str(&w);
    }
    key
}

/// Unique keys for a list, in order: each record's input key (see
/// [`input_key`]) or, for records without one, its base key; the first
/// record with a key gets it as is, later ones get `a`, `b`, ... appended.
///
/// ```
/// let r = publist::Reference::new(publist::Kind::Misc, "Same title");
/// let keys = publist::keys::assign(&[r.clone(), r.clone(), r]);
/// assert_eq!(keys, ["anonsame", "anonsamea", "anonsameb"]);
/// ```
pub fn assign(refs: &[Reference]) -> Vec<String> {
    assign_with(refs, &KeyFormat::default())
}

/// [`assign`] in a given format.
///
/// ```
/// use publist::keys::{assign_with, KeyFormat};
/// let cv = "## Journal Articles\n1. Bach S (2015). \"Explaining A\". In: *J* 1:1-9\n2. Bach S (2015). \"Explaining B\". In: *J* 2:1-9\n";
/// let refs = publist::cv::read(cv, "cv.md").references;
/// assert_eq!(assign_with(&refs, &KeyFormat { year: true, title_words: 0, ..Default::default() }), ["bach2015", "bach2015a"]);
/// ```
pub fn assign_with(refs: &[Reference], format: &KeyFormat) -> Vec<String> {
    assign_inner(refs, format, input_key)
}

fn assign_inner<'a>(
    refs: &'a [Reference],
    format: &KeyFormat,
    input: impl Fn(&'a Reference) -> Option<&'a str>,
) -> Vec<String> {
    // Keys borrowed from the records where they can be: a million records
    // would otherwise copy each key four times.
    let mut seen: HashMap<Cow<'a, str>, usize, FastHash> = HashMap::default();
    let mut taken: std::collections::HashSet<Cow<'a, str>, FastHash> = Default::default();
    seen.reserve(refs.len());
    taken.reserve(refs.len());
    refs.iter()
        .map(|r| {
            let base: Cow<'a, str> = match input(r) {
                Some(k) if !format.regenerate => Cow::Borrowed(k),
                _ => Cow::Owned(base_key_with(r, format)),
            };
            let count = seen.entry(base.clone()).or_insert(0);
            let mut key = base.clone();
            while taken.contains(&key) {
                key = Cow::Owned(format!("{base}{}", suffix(*count)));
                *count += 1;
            }
            let out = key.to_string();
            taken.insert(key);
            out
        })
        .collect()
}

/// `a`..`z`, then `aa`, `ab`, ...
fn suffix(n: usize) -> String {
    let letter = |i: usize| char::from(b'a' + (i % 26) as u8);
    if n < 26 {
        letter(n).to_string()
    } else {
        format!("{}{}", suffix(n / 26 - 1), letter(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes() {
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(25), "z");
        assert_eq!(suffix(26), "aa");
        assert_eq!(suffix(27), "ab");
    }
}
