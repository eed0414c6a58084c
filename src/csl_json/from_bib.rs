//! CSL-JSON variables of a reference read from .bib, for the fields its
//! typed fields do not hold, mapped as biber's CSL-minded users and
//! Zotero/Better BibTeX map them (the table is in the [`crate::bib`] docs):
//! the CSL type of the entry type, thesis and report `type` as `genre` and
//! `institution` as `publisher`, `eventtitle`, `venue`, `eventdate`,
//! `urldate`, `edition`, `version`, `translator`, `editora` with its role,
//! date ranges, titles with their case protection as
//! `<span class="nocase">`.

use serde_json::{json, Map, Value};

use super::record::CslItem;
use crate::model::{parse_bibtex_names, BibEntry, Kind, Person, Reference};
use crate::text::latex::{to_csl_rich, to_unicode};

/// BibLaTeX entry types (and BibTeX's) with their CSL type and the kind
/// publist gives them; a type is taken only while the reference still is
/// of that kind.
pub(crate) const TYPES: &[(&str, &str, Kind)] = &[
    ("article", "article-journal", Kind::JournalArticle),
    ("book", "book", Kind::Book),
    ("mvbook", "book", Kind::Book),
    ("collection", "book", Kind::Book),
    ("mvcollection", "book", Kind::Book),
    ("proceedings", "book", Kind::Book),
    ("mvproceedings", "book", Kind::Book),
    ("reference", "book", Kind::Book),
    ("mvreference", "book", Kind::Book),
    ("inbook", "chapter", Kind::Chapter),
    ("bookinbook", "chapter", Kind::Chapter),
    ("suppbook", "chapter", Kind::Chapter),
    ("incollection", "chapter", Kind::Chapter),
    ("suppcollection", "chapter", Kind::Chapter),
    ("inreference", "entry-encyclopedia", Kind::Chapter),
    ("inproceedings", "paper-conference", Kind::ConferencePaper),
    ("conference", "paper-conference", Kind::ConferencePaper),
    ("thesis", "thesis", Kind::Thesis),
    ("phdthesis", "thesis", Kind::Thesis),
    ("mastersthesis", "thesis", Kind::Thesis),
    ("patent", "patent", Kind::Patent),
    ("report", "report", Kind::Misc),
    ("techreport", "report", Kind::Misc),
    ("manual", "report", Kind::Misc),
    ("online", "webpage", Kind::Preprint),
    ("www", "webpage", Kind::Preprint),
    ("electronic", "webpage", Kind::Preprint),
    ("unpublished", "manuscript", Kind::Preprint),
    ("misc", "document", Kind::Misc),
    ("booklet", "pamphlet", Kind::Misc),
    ("dataset", "dataset", Kind::Misc),
    ("software", "software", Kind::Misc),
    ("periodical", "periodical", Kind::Misc),
    ("suppperiodical", "article-journal", Kind::Misc),
    ("jurisdiction", "legal_case", Kind::Misc),
    ("legislation", "legislation", Kind::Misc),
    ("legal", "treaty", Kind::Misc),
    ("standard", "standard", Kind::Misc),
    ("artwork", "graphic", Kind::Misc),
    ("image", "graphic", Kind::Misc),
    ("audio", "song", Kind::Misc),
    ("music", "song", Kind::Misc),
    ("video", "motion_picture", Kind::Misc),
    ("movie", "motion_picture", Kind::Misc),
    ("letter", "personal_communication", Kind::Misc),
    ("performance", "performance", Kind::Talk),
    ("review", "review", Kind::Misc),
];

/// Text fields: BibLaTeX name → CSL variable.
const TEXT: &[(&str, &str)] = &[
    ("eventtitle", "event-title"),
    ("venue", "event-place"),
    ("edition", "edition"),
    ("version", "version"),
    ("abstract", "abstract"),
    ("keywords", "keyword"),
    ("langid", "language"),
    ("hyphenation", "language"),
    ("language", "language"),
    ("shorttitle", "title-short"),
    ("shortjournal", "container-title-short"),
    ("annotation", "annote"),
    ("annote", "annote"),
    ("chapter", "chapter-number"),
    ("pagetotal", "number-of-pages"),
    ("volumes", "number-of-volumes"),
    ("library", "call-number"),
    ("addendum", "references"),
    ("part", "part-number"),
    ("origtitle", "original-title"),
    ("origpublisher", "original-publisher"),
    ("origlocation", "original-publisher-place"),
    ("maintitle", "volume-title"),
    ("eprintclass", "archive_location"),
    ("primaryclass", "archive_location"),
];

/// Date fields.
const DATES: &[(&str, &str)] = &[
    ("urldate", "accessed"),
    ("eventdate", "event-date"),
    ("origdate", "original-date"),
];

/// Name fields.
const NAMES: &[(&str, &str)] = &[
    ("translator", "translator"),
    ("bookauthor", "container-author"),
    ("commentator", "commentator"),
    ("annotator", "annotator"),
    ("introduction", "introduction"),
    ("foreword", "foreword"),
    ("afterword", "afterword"),
    ("holder", "holder"),
];

/// `editoratype` roles that are CSL name variables.
const ROLES: &[&str] = &[
    "compiler",
    "director",
    "editor",
    "organizer",
    "producer",
    "translator",
    "illustrator",
    "curator",
    "contributor",
    "collaborator",
    "narrator",
    "performer",
    "host",
    "guest",
    "interviewer",
    "recipient",
];

fn get<'a>(e: &'a BibEntry, names: &[&str]) -> Option<&'a str> {
    names.iter().find_map(|n| e.tex(n))
}

fn names_json(people: &[Person]) -> Value {
    Value::Array(
        people
            .iter()
            .map(|p| {
                let mut o = Map::new();
                o.insert("family".into(), json!(p.family()));
                if let Some(g) = p.given() {
                    o.insert("given".into(), json!(g));
                }
                if let Some(x) = p.particle() {
                    o.insert("non-dropping-particle".into(), json!(x));
                }
                if let Some(x) = p.suffix() {
                    o.insert("suffix".into(), json!(x));
                }
                Value::Object(o)
            })
            .collect(),
    )
}

/// An EDTF date or range (`2016-04-25/2016-04-29`, `2004`, `2019-10/`) as
/// CSL date-parts.
pub(crate) fn date_json(text: &str) -> Option<Value> {
    let parts = |s: &str| -> Option<Vec<i32>> {
        let s = s.trim();
        let mut out = Vec::new();
        for (k, p) in s.split('-').enumerate() {
            let p = p.get(..if k == 2 { 2.min(p.len()) } else { p.len() })?;
            out.push(p.parse().ok()?);
        }
        (out.first().is_some_and(|y| *y != 0) && out.len() <= 3).then_some(out)
    };
    let mut dates = Vec::new();
    for piece in text.split('/') {
        if piece.trim().is_empty() || piece.trim() == ".." {
            continue;
        }
        dates.push(json!(parts(piece)?));
    }
    (!dates.is_empty()).then(|| json!({ "date-parts": dates }))
}

/// Adds the CSL variables of a .bib entry's further fields to `item`.
pub(super) fn extend(item: &mut CslItem, r: &Reference, e: &BibEntry) {
    let t = e.entry_type.as_str();
    let typed = TYPES.iter().find(|(b, _, _)| *b == t);
    // An arXiv or OpenReview preprint stays CSL's `article`, whatever its entry type.
    let eprint = r.kind == Kind::Preprint && (r.ids.arxiv.is_some() || r.ids.openreview.is_some());
    let own_type = !eprint && typed.is_some_and(|(_, _, k)| *k == r.kind);
    if let Some((_, csl, _)) = typed.filter(|_| own_type) {
        item.kind = csl.to_string();
    }
    let extra = &mut item.extra;
    let mut put = |name: &str, value: Value| {
        if !extra.contains_key(name) {
            extra.insert(name.to_string(), value);
        }
    };
    // Title with its case protection, as read (while it is the same title).
    if let (Some(title), Some(tex)) = (&item.title, e.tex("title")) {
        if to_unicode(tex) == *title {
            let rich = to_csl_rich(tex);
            let subtitle = e.tex("subtitle").map(to_csl_rich);
            item.title = Some(match subtitle {
                Some(s) if !s.is_empty() => format!("{rich}: {s}"),
                _ => rich,
            });
        }
    }
    for (bib, csl) in TEXT {
        if let Some(v) = e.tex(bib).map(to_unicode).filter(|v| !v.is_empty()) {
            put(csl, json!(v));
        }
    }
    for (bib, csl) in DATES {
        if let Some(d) = e.tex(bib).and_then(|v| date_json(&to_unicode(v))) {
            put(csl, d);
        }
    }
    for (bib, csl) in NAMES {
        if let Some(v) = e.tex(bib) {
            let people = parse_bibtex_names(v);
            if !people.is_empty() {
                put(csl, names_json(&people));
            }
        }
    }
    for x in ["editora", "editorb", "editorc"] {
        let role = e
            .tex(&format!("{x}type"))
            .map(|r| to_unicode(r).to_lowercase());
        let Some(role) = role.filter(|r| ROLES.contains(&r.as_str())) else {
            continue;
        };
        let role = if role == "collaborator" {
            "contributor".into()
        } else {
            role
        };
        if let Some(v) = e.tex(x) {
            if role == "editor" && !item.editor.is_empty() {
                continue;
            }
            put(&role, names_json(&parse_bibtex_names(v)));
        }
    }
    // Theses and reports: their type as genre, their institution as publisher.
    let thesis_or_report = matches!(item.kind.as_str(), "thesis" | "report");
    if thesis_or_report {
        let genre = e.tex("type").map(to_unicode).or_else(|| {
            Some(
                match t {
                    "phdthesis" => "phdthesis",
                    "mastersthesis" => "mathesis",
                    "techreport" => "techreport",
                    _ => return None,
                }
                .to_string(),
            )
        });
        if let Some(g) = genre {
            let g = match g.as_str() {
                "phdthesis" => "PhD thesis".to_string(),
                "mathesis" | "mastersthesis" => "Master's thesis".to_string(),
                "techreport" => "Technical report".to_string(),
                "resreport" => "Research report".to_string(),
                _ => g,
            };
            put("genre", json!(g));
        }
        if item.publisher.is_none() {
            let inst = get(e, &["institution", "school", "organization"]).map(to_unicode);
            item.publisher = inst.filter(|i| !i.is_empty());
        }
    } else if let Some(t) = e.tex("type").map(to_unicode) {
        put("genre", json!(t));
    }
    if item.publisher.is_none() {
        if let Some(org) = e.tex("organization").map(to_unicode) {
            item.publisher = Some(org);
        }
    }
    // The work's URL as the entry gives it, also a code repository's
    // (a @software's GitHub page is its locator).
    if item.url.is_none() {
        if let Some(url) = e.tex("url").map(url_text).filter(|u| !u.is_empty()) {
            item.url = Some(url);
        }
    }
    // A number in a series (books) and a date range's end.
    if item.kind == "book" || item.kind == "chapter" || item.kind == "paper-conference" {
        if let (Some(n), None) = (e.tex("number"), r.issue.as_ref()) {
            put("collection-number", json!(to_unicode(n)));
        }
    }
    if let (Some(d), true) = (e.tex("date"), item.issued.is_some()) {
        let text = to_unicode(d);
        let same_start = text.get(..4).and_then(|y| y.parse().ok()) == r.year();
        if text.contains('/') && same_start {
            if let Some(v) = date_json(&text) {
                item.issued = None;
                put("issued", v);
            }
        }
    }
}

/// A verbatim URL field: TeX escapes of URL characters undone, braces dropped.
fn url_text(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut chars = tex.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| "_%#&~${}".contains(*n)) => {
                out.extend(chars.next())
            }
            '{' | '}' => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}
