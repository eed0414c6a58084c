//! The reference-string parser: one item's text, in any citation style or CV
//! convention, to the fields of a reference.
//!
//! Stages: `tokens` (inline markdown → tokens with their markup), `ids`
//! (identifiers and URLs by rules, merged into single tokens), `features`
//! and `model` (a linear-chain CRF gives each token a field label), `fields`
//! (labels → fields, with rules for years, preprint servers, notes and the
//! kind), `people` (name lists of any style). The model is trained by
//! `examples/train_refstring.rs` on references rendered in many CSL styles
//! from records other than the bundled CVs'; see that file to reproduce it.

mod features;
mod fields;
mod ids;
mod kind;
mod model;
mod people;
mod repair;
mod title;
mod tokens;
mod words;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Code;
use crate::model::{Kind, Reference};

/// What the surroundings of an item say about it (its section, a year heading).
///
/// ```
/// use publist::cv::refstring::{parse, Hints};
/// let hints = Hints { kind: Some(publist::Kind::Thesis), year: Some(2019) };
/// let p = parse("Smith, J. Learning to parse. University of Nowhere.", &hints);
/// assert_eq!(p.reference.kind, publist::Kind::Thesis);
/// assert_eq!(p.reference.year(), Some(2019));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hints {
    /// The kind the section names (`## Journal Articles`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// A year from a heading or a definition-list term the item stands under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// A field read with doubt, or missing.
///
/// ```
/// let p = publist::cv::refstring::parse("Deep learning of things. Nature 521, 436–444.", &Default::default());
/// assert!(p.doubts.iter().any(|d| d.code == publist::Code::NoAuthor), "{:?}", p.doubts);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doubt {
    /// The diagnostic code (`Doubtful`, `NoYear`, `NoAuthor`, `BadIdentifier`, ...).
    pub code: Code,
    /// The field concerned (`title`, `year`, `author`, ...).
    pub field: String,
    /// What is doubtful, in words.
    pub message: String,
}

impl Doubt {
    pub(crate) fn new(code: Code, field: &str, message: &str) -> Doubt {
        Doubt {
            code,
            field: field.to_string(),
            message: message.to_string(),
        }
    }
}

/// The reference read from one string, and the doubts about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parse {
    /// The fields read; `title` is empty when none was found.
    pub reference: Reference,
    /// Fields read with doubt or missing.
    pub doubts: Vec<Doubt>,
}

/// Reads one reference string (inline markdown: `*italic*`, `**bold**`,
/// `[text](url)`) in any common citation style.
///
/// ```
/// use publist::cv::refstring::parse;
/// let p = parse("Bednarek, Monika & Maite Taboada. 2025. Attitude in reported news. *Corpus Pragmatics* 9(2). 111–133. https://doi.org/10.1007/s41701-025-00185-6", &Default::default());
/// let r = &p.reference;
/// assert_eq!(r.title, "Attitude in reported news");
/// assert_eq!(r.authors[1].family(), "Taboada");
/// assert_eq!(r.year(), Some(2025));
/// assert_eq!(r.container.as_deref(), Some("Corpus Pragmatics"));
/// assert_eq!(r.ids.doi.as_ref().unwrap().as_str(), "10.1007/s41701-025-00185-6");
/// ```
pub fn parse(text: &str, hints: &Hints) -> Parse {
    let (text, cut) = cap(text);
    let text = strip_label(text);
    let mut scanned = tokens::scan(text);
    let hits = ids::find(&scanned.plain);
    ids::merge_tokens(&mut scanned, &hits);
    let feats = features::features(&scanned);
    let labels = model::tag(&feats).unwrap_or_else(|| vec![model::Label::Other; feats.len()]);
    let (reference, mut doubts) = fields::read(&scanned, &hits, &labels, hints);
    if cut {
        doubts.push(Doubt::new(
            Code::Doubtful,
            "item",
            &format!("the item is longer than {MAX_LEN} bytes; only its start was read"),
        ));
    }
    if reference.issued.is_none() {
        doubts.push(Doubt::new(Code::NoYear, "year", "no year found"));
    }
    if reference.authors.is_empty() && reference.editors.is_empty() {
        doubts.push(Doubt::new(Code::NoAuthor, "author", "no authors found"));
    }
    let r = &reference;
    let needs_venue = !matches!(
        r.kind,
        Kind::Preprint | Kind::Thesis | Kind::Book | Kind::Talk
    );
    if needs_venue && r.container.is_none() && r.publisher.is_none() && !r.title.is_empty() {
        doubts.push(Doubt::new(Code::NoVenue, "container", "no venue found"));
    }
    Parse { reference, doubts }
}

/// No reference is this long; what is longer is read up to here (bounded
/// time and memory on any input).
const MAX_LEN: usize = 16 * 1024;

/// A citation label at the start (`[12]`, `12.`, `(3)`, `[J5]`, `12 ` as
/// numeric styles print them) is not part of the reference.
fn strip_label(text: &str) -> &str {
    let t = text.trim_start();
    let (inner, rest) = if let Some(r) = t.strip_prefix('[') {
        match r.find(']') {
            Some(e) => (&r[..e], &r[e + 1..]),
            None => return text,
        }
    } else if let Some(r) = t.strip_prefix('(') {
        match r.find(')') {
            Some(e) => (&r[..e], &r[e + 1..]),
            None => return text,
        }
    } else {
        let e = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let rest = &t[e..];
        let rest = rest.strip_prefix(['.', ')']).unwrap_or(rest);
        (&t[..e], rest)
    };
    let letters = inner.chars().take_while(char::is_ascii_uppercase).count();
    let digits = &inner[letters..];
    let is_label = letters <= 3
        && (1..=4).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !(letters == 0 && digits.len() == 4 && !t.starts_with(['[', '(']));
    let followed = rest.starts_with([' ', '\t', '\u{a0}'])
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii_digit());
    if is_label && followed {
        rest.trim_start()
    } else {
        text
    }
}

fn cap(text: &str) -> (&str, bool) {
    if text.len() <= MAX_LEN {
        return (text, false);
    }
    let mut end = MAX_LEN;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// One token of a reference string as the model sees it: for the trainer.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingToken {
    /// The token's text (an identifier or URL is one token).
    pub text: String,
    /// Byte range in [`training_plain`]'s text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The model's attributes for the token.
    pub features: Vec<String>,
}

/// The plain text (markup removed) and the tokens the model labels, for
/// `examples/train_refstring.rs`.
///
/// ```
/// let (plain, toks) = publist::cv::refstring::training_tokens("*Nature* 521");
/// assert_eq!(plain, "Nature 521");
/// assert_eq!(toks[0].text, "Nature");
/// assert!(toks[0].features.contains(&"it".to_string()));
/// ```
#[doc(hidden)]
pub fn training_tokens(text: &str) -> (String, Vec<TrainingToken>) {
    let mut scanned = tokens::scan(text);
    let hits = ids::find(&scanned.plain);
    ids::merge_tokens(&mut scanned, &hits);
    let feats = features::features(&scanned);
    let toks = scanned
        .tokens
        .iter()
        .zip(feats)
        .map(|(t, features)| TrainingToken {
            text: scanned.text(t).to_string(),
            start: t.start,
            end: t.end,
            features,
        })
        .collect();
    (scanned.plain, toks)
}

/// The labels the model gives, in its file's names (for the trainer's report).
#[doc(hidden)]
pub fn label_names() -> Vec<&'static str> {
    model::Label::ALL.iter().map(|l| l.name()).collect()
}

/// Each token with the label the model gives it (for the trainer's report
/// and for looking into a reading).
///
/// ```
/// let l = publist::cv::refstring::labelled("Smith, J. (2020). A title. *Nature*, 5, 1–2.");
/// assert_eq!(l[0].0, "Smith");
/// ```
#[doc(hidden)]
pub fn labelled(text: &str) -> Vec<(String, &'static str)> {
    labels_of(text, false)
}

/// Like [`labelled`], after the rules that repair the model's labels
/// (what the fields are read from).
///
/// ```
/// let l = publist::cv::refstring::labelled_repaired("Smith, J. (2020). A title. *Nature*, 5, 1–2.");
/// assert_eq!(l[0], ("Smith".to_string(), "author"));
/// ```
#[doc(hidden)]
pub fn labelled_repaired(text: &str) -> Vec<(String, &'static str)> {
    labels_of(text, true)
}

fn labels_of(text: &str, repaired: bool) -> Vec<(String, &'static str)> {
    let (text, _) = cap(text);
    let mut scanned = tokens::scan(text);
    let hits = ids::find(&scanned.plain);
    ids::merge_tokens(&mut scanned, &hits);
    let feats = features::features(&scanned);
    let mut labels = model::tag(&feats).unwrap_or_else(|| vec![model::Label::Other; feats.len()]);
    if repaired {
        repair::repair(&scanned, &mut labels);
    }
    scanned
        .tokens
        .iter()
        .zip(labels)
        .map(|(t, l)| (scanned.text(t).to_string(), l.name()))
        .collect()
}
