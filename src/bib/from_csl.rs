//! .bib fields of a reference read from CSL-JSON, for the variables its
//! typed fields do not hold (the reverse of the map in the module docs):
//! the entry type of the CSL type, `genre` as `type`, `accessed` as
//! `urldate`, `event-title`, `event-place` as `venue`, `edition`,
//! `translator`, date ranges, and the rest of the table.

use serde_json::{Map, Value};

use super::latex::{escape, to_ascii_tex};
use super::options::{Dialect, WriteOptions};
use crate::model::{Kind, Reference};

/// CSL types and the BibLaTeX entry type (and BibTeX's) they are written as,
/// with the kind publist reads them as; taken while the kind is unchanged.
const TYPES: &[(&str, &str, &str, Kind)] = &[
    ("legal_case", "jurisdiction", "misc", Kind::Misc),
    ("legislation", "legislation", "misc", Kind::Misc),
    ("bill", "legislation", "misc", Kind::Misc),
    ("treaty", "legal", "misc", Kind::Misc),
    ("regulation", "legislation", "misc", Kind::Misc),
    ("webpage", "online", "misc", Kind::Misc),
    ("post-weblog", "online", "misc", Kind::Misc),
    ("post", "online", "misc", Kind::Misc),
    ("report", "report", "techreport", Kind::Misc),
    ("dataset", "dataset", "misc", Kind::Misc),
    ("software", "software", "misc", Kind::Misc),
    ("manuscript", "unpublished", "unpublished", Kind::Misc),
    ("pamphlet", "booklet", "booklet", Kind::Misc),
    ("standard", "standard", "misc", Kind::Misc),
    ("periodical", "periodical", "misc", Kind::Misc),
    (
        "entry-encyclopedia",
        "inreference",
        "incollection",
        Kind::Chapter,
    ),
    (
        "entry-dictionary",
        "inreference",
        "incollection",
        Kind::Chapter,
    ),
    ("graphic", "artwork", "misc", Kind::Misc),
    ("song", "audio", "misc", Kind::Misc),
    ("motion_picture", "video", "misc", Kind::Misc),
    ("personal_communication", "letter", "misc", Kind::Misc),
    ("interview", "misc", "misc", Kind::Misc),
    ("speech", "misc", "misc", Kind::Talk),
    ("presentation", "misc", "misc", Kind::Talk),
];

/// Text variables: CSL name → BibLaTeX field.
const TEXT: &[(&str, &str)] = &[
    ("event-title", "eventtitle"),
    ("event", "eventtitle"),
    ("event-place", "venue"),
    ("edition", "edition"),
    ("version", "version"),
    ("genre", "type"),
    ("abstract", "abstract"),
    ("keyword", "keywords"),
    ("language", "langid"),
    ("title-short", "shorttitle"),
    ("shortTitle", "shorttitle"),
    ("container-title-short", "shortjournal"),
    ("journalAbbreviation", "shortjournal"),
    ("number-of-pages", "pagetotal"),
    ("number-of-volumes", "volumes"),
    ("chapter-number", "chapter"),
    ("authority", "institution"),
    ("call-number", "library"),
    ("annote", "annotation"),
    ("original-title", "origtitle"),
    ("original-publisher", "origpublisher"),
    ("original-publisher-place", "origlocation"),
    ("volume-title", "maintitle"),
    ("part-number", "part"),
    ("section", "chapter"),
];

const DATES: &[(&str, &str)] = &[
    ("accessed", "urldate"),
    ("event-date", "eventdate"),
    ("original-date", "origdate"),
];

const NAMES: &[(&str, &str)] = &[
    ("translator", "translator"),
    ("container-author", "bookauthor"),
    ("collection-editor", "editora"),
];

/// The entry type of a CSL type, if the table has one and the kind agrees.
pub(super) fn entry_type(
    r: &Reference,
    csl: &Map<String, Value>,
    d: Dialect,
) -> Option<&'static str> {
    let t = csl.get("type")?.as_str()?;
    let (_, biblatex, bibtex, kind) = TYPES.iter().find(|(c, ..)| *c == t)?;
    (*kind == r.kind || *kind == Kind::Misc && r.kind == Kind::Misc).then_some(match d {
        Dialect::BibLatex => *biblatex,
        Dialect::BibTex => *bibtex,
    })
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `{"date-parts": [[2016, 4, 25], [2016, 4, 29]]}` → `2016-04-25/2016-04-29`.
fn edtf(v: &Value) -> Option<String> {
    let parts = v.get("date-parts")?.as_array()?;
    let one = |p: &Value| -> Option<String> {
        let p = p.as_array()?;
        let nums: Vec<i64> = p
            .iter()
            .filter_map(|x| x.as_i64().or_else(|| x.as_str()?.trim().parse().ok()))
            .collect();
        match nums.as_slice() {
            [y] => Some(format!("{y:04}")),
            [y, m] => Some(format!("{y:04}-{m:02}")),
            [y, m, d, ..] => Some(format!("{y:04}-{m:02}-{d:02}")),
            [] => None,
        }
    };
    let dates: Vec<String> = parts.iter().filter_map(one).collect();
    match dates.as_slice() {
        [] => None,
        [a] => Some(a.clone()),
        [a, b, ..] => Some(format!("{a}/{b}")),
    }
}

fn names(v: &Value, text: &dyn Fn(&str) -> String) -> Option<String> {
    let list: Vec<String> = v
        .as_array()?
        .iter()
        .filter_map(|n| {
            let get = |k: &str| n.get(k).and_then(scalar).map(|s| text(&s));
            if let Some(l) = get("literal") {
                return Some(format!("{{{l}}}"));
            }
            let family = get("family")?;
            let particle = [get("dropping-particle"), get("non-dropping-particle")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let family = if particle.is_empty() {
                family
            } else {
                format!("{particle} {family}")
            };
            Some(match get("given") {
                Some(g) => format!("{family}, {g}"),
                None => family,
            })
        })
        .collect();
    (!list.is_empty()).then(|| list.join(" and "))
}

/// The further fields (`name`, braced value) of a CSL-JSON record.
pub(super) fn fields(
    r: &Reference,
    csl: &Map<String, Value>,
    options: &WriteOptions,
) -> Vec<(String, String)> {
    let biblatex = options.dialect == Dialect::BibLatex;
    let text = |s: &str| {
        let e = escape(s);
        if biblatex {
            e
        } else {
            to_ascii_tex(&e)
        }
    };
    let mut out: Vec<(String, String)> = Vec::new();
    let mut put = |name: &str, value: String| {
        if !out.iter().any(|(n, _)| n == name) {
            out.push((name.to_string(), format!("{{{value}}}")));
        }
    };
    for (c, b) in TEXT {
        if let Some(v) = csl.get(*c).and_then(scalar) {
            put(b, text(&v));
        }
    }
    for (c, b) in DATES {
        if let Some(v) = csl.get(*c).and_then(edtf) {
            put(b, v);
        }
    }
    for (c, b) in NAMES {
        if let Some(v) = csl.get(*c).and_then(|v| names(v, &text)) {
            put(b, v);
        }
    }
    // A date range: the typed writer wrote its start.
    if let Some(range) = csl.get("issued").and_then(edtf).filter(|d| d.contains('/')) {
        if range.get(..4).and_then(|y| y.parse().ok()) == r.year() {
            put("date", range);
        }
    }
    out
}
