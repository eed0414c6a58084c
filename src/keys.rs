//! Citation keys: readable (`achtibat2023attribution`), stable across runs
//! (derived from the reference only) and unique within one list (`...a`, `...b`).

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

/// How keys are made: `{family}{year}{word}...`.
///
/// ```
/// use publist::keys::{assign_with, KeyFormat};
/// let refs = publist::cv::read("## Journal Articles\n1. Müller K-R (2015). \"Explaining Deep Networks\". In: *J* 1:1-9\n", "cv.md").references;
/// assert_eq!(assign_with(&refs, &KeyFormat::default()), ["muller2015explaining"]);
/// assert_eq!(assign_with(&refs, &KeyFormat { year: false, title_words: 2 }), ["mullerexplainingdeep"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFormat {
    /// Include the year.
    pub year: bool,
    /// How many significant title words to append (0 for none).
    pub title_words: usize,
}

impl Default for KeyFormat {
    fn default() -> Self {
        KeyFormat {
            year: true,
            title_words: 1,
        }
    }
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
/// let f = KeyFormat { year: false, title_words: 3 };
/// assert_eq!(base_key_with(&r, &f), "lapuschkinlayerwiserelevance");
/// ```
pub fn base_key_with(r: &Reference, format: &KeyFormat) -> String {
    let name = r
        .authors
        .first()
        .or_else(|| r.editors.first())
        .map(|p| fold(&p.family))
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

/// Unique keys for a list, in order: the first reference with a base key gets
/// it as is, later ones get `a`, `b`, ... appended.
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
/// assert_eq!(assign_with(&refs, &KeyFormat { year: true, title_words: 0 }), ["bach2015", "bach2015a"]);
/// ```
pub fn assign_with(refs: &[Reference], format: &KeyFormat) -> Vec<String> {
    let mut seen: HashMap<String, usize, FastHash> = HashMap::default();
    let mut taken: std::collections::HashSet<String, FastHash> = Default::default();
    refs.iter()
        .map(|r| {
            let base = base_key_with(r, format);
            let count = seen.entry(base.clone()).or_insert(0);
            let mut key = base.clone();
            while taken.contains(&key) {
                key = format!("{base}{}", suffix(*count));
                *count += 1;
            }
            taken.insert(key.clone());
            key
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
