//! Writing a reference read from .bib: the entry as the file wrote it (every
//! field, values unchanged) for what the typed fields still say, the typed
//! fields for what a merge or the user changed, and BibTeX ↔ BibLaTeX
//! renames for the dialect asked for (the map biber uses; see the table in
//! the [module docs](super)).

use super::fields::{group_of, typed_fields, Group};
use super::options::{Dialect, WriteOptions};
use super::typed::{self, canonical};
use crate::model::{BibEntry, Reference};

/// Fields the typed model reads (BibLaTeX names): written from the original
/// when their group is unchanged, from the typed fields otherwise.
const TYPED: &[&str] = &[
    "author",
    "editor",
    "title",
    "journaltitle",
    "booktitle",
    "howpublished",
    "series",
    "volume",
    "number",
    "issue",
    "eid",
    "pages",
    "pubstate",
    "date",
    "year",
    "month",
    "publisher",
    "location",
    "isbn",
    "verbc",
    "issn",
    "doi",
    "eprint",
    "eprinttype",
    "verbb",
    "url",
    "verba",
    "note",
];

/// Fields whose values are not TeX text (never given accent commands).
const VERBATIM: &[&str] = &[
    "url",
    "doi",
    "eprint",
    "file",
    "pdf",
    "verba",
    "verbb",
    "verbc",
    "isbn",
    "issn",
    "urlraw",
    "biburl",
    "bibsource",
];

fn unchanged(g: Group, a: &Reference, b: &Reference) -> bool {
    match g {
        Group::Authors => a.authors == b.authors,
        Group::Editors => a.editors == b.editors,
        Group::Title => a.title == b.title,
        Group::Container => a.container == b.container,
        Group::Series => a.series == b.series,
        Group::Volume => a.volume == b.volume,
        Group::Number => a.issue == b.issue && a.article_number == b.article_number,
        Group::Pages => a.pages == b.pages,
        Group::Date => a.issued == b.issued,
        Group::Publisher => a.publisher == b.publisher,
        Group::Place => a.place == b.place,
        Group::Isbn => a.ids.isbn == b.ids.isbn,
        Group::Issn => a.ids.issn == b.ids.issn,
        Group::Doi => a.ids.doi == b.ids.doi,
        Group::Eprint => a.ids.arxiv == b.ids.arxiv && a.ids.openreview == b.ids.openreview,
        Group::Links => a.links == b.links,
        Group::Notes => a.notes == b.notes,
        Group::Type => a.kind == b.kind,
    }
}

/// The entry type and fields (`name`, value as written) of `r`, read from
/// `original`, for `options.dialect`.
pub(super) fn fields(
    r: &Reference,
    original: &BibEntry,
    options: &WriteOptions,
) -> (String, Vec<(String, String)>) {
    let tex = super::read::tex_fields(original);
    let derived = typed::reference(&original.entry_type, &tex).ok();
    let same = |g: Group| derived.as_ref().is_some_and(|d| unchanged(g, r, d));
    let biblatex = options.dialect == Dialect::BibLatex;
    let mut out: Vec<(String, String)> = Vec::new();
    let push = |out: &mut Vec<(String, String)>, name: String, value: String| {
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, value));
        }
    };
    let (entry_type, extra_type) = if same(Group::Type) {
        convert_type(&original.entry_type, original, options.dialect)
    } else {
        (typed_fields(r, options).0.to_string(), None)
    };
    if let Some(t) = extra_type {
        push(&mut out, "type".to_string(), t);
    }
    for (name, value) in &original.fields {
        let canon = canonical(name);
        let typed_here = TYPED.contains(&canon);
        if typed_here && !same(group_of(canon)) {
            continue;
        }
        if name == "type" && !biblatex && standard_thesis_type(&entry_type, value) {
            continue;
        }
        let name = rename(name, &entry_type, options.dialect);
        // BibTeX gets ASCII: accent commands inside braces, never in a bare
        // macro name (`{\"E}x` would not be one; found by fuzzing).
        // Nor after a backslash (`\ß` → `\{\ss}` would escape the brace).
        let braced = value.starts_with('{') && value.ends_with('}') && !value.contains(" # ");
        let after_backslash = value
            .split('\\')
            .skip(1)
            .any(|rest| rest.starts_with(|c: char| !c.is_ascii()));
        let value = if biblatex || VERBATIM.contains(&canon) || !braced || after_backslash {
            value.clone()
        } else {
            super::latex::to_ascii_tex(value)
        };
        if !biblatex && name == "date" {
            date_to_year_month(&mut out, &value, original);
            if !value.contains('/') && value.matches('-').count() < 2 {
                continue;
            }
        }
        push(&mut out, name, value);
    }
    // The typed fields only for what changed (usually nothing).
    let groups = [
        Group::Authors,
        Group::Editors,
        Group::Title,
        Group::Container,
        Group::Series,
        Group::Volume,
        Group::Number,
        Group::Pages,
        Group::Date,
        Group::Publisher,
        Group::Place,
        Group::Isbn,
        Group::Issn,
        Group::Doi,
        Group::Eprint,
        Group::Links,
        Group::Notes,
    ];
    if groups.iter().any(|g| !same(*g)) {
        let (_, typed) = typed_fields(r, options);
        for (g, name, value) in typed {
            if g != Group::Type && !same(g) {
                push(&mut out, name.to_string(), value);
            }
        }
    }
    (entry_type, out)
}

fn rename(name: &str, entry_type: &str, dialect: Dialect) -> String {
    match dialect {
        Dialect::BibLatex => canonical(name).to_string(),
        Dialect::BibTex => match canonical(name) {
            "journaltitle" => "journal",
            "location" => "address",
            "institution" if entry_type.ends_with("thesis") => "school",
            "annotation" => "annote",
            "eprinttype" => "archiveprefix",
            "eprintclass" => "primaryclass",
            "sortkey" => "key",
            other => other,
        }
        .to_string(),
    }
}

/// A `type` that BibTeX's @phdthesis/@mastersthesis/@techreport already says.
fn standard_thesis_type(entry_type: &str, value: &str) -> bool {
    let v = value.trim_matches(['{', '}']).to_ascii_lowercase();
    match entry_type {
        "phdthesis" => v == "phdthesis",
        "mastersthesis" => v == "mathesis" || v == "mastersthesis",
        "techreport" => v == "techreport",
        _ => false,
    }
}

/// The entry type in `dialect`, and a `type` field to add (biber's
/// @phdthesis → @thesis with `type = {phdthesis}`).
fn convert_type(t: &str, e: &BibEntry, dialect: Dialect) -> (String, Option<String>) {
    let has_type = e.get("type").is_some();
    let add = |v: &str| (!has_type).then(|| format!("{{{v}}}"));
    match dialect {
        Dialect::BibLatex => match t {
            "phdthesis" => ("thesis".into(), add("phdthesis")),
            "mastersthesis" => ("thesis".into(), add("mathesis")),
            "techreport" => ("report".into(), add("techreport")),
            "conference" => ("inproceedings".into(), None),
            "electronic" | "www" => ("online".into(), None),
            other => (other.to_string(), None),
        },
        Dialect::BibTex => {
            let kind = e
                .get("type")
                .map(|v| v.trim_matches(['{', '}']).to_ascii_lowercase());
            let bibtex = match t {
                "thesis" => match kind.as_deref() {
                    Some("mathesis" | "mastersthesis" | "masters") => "mastersthesis",
                    _ => "phdthesis",
                },
                "report" => "techreport",
                "collection" | "mvbook" | "mvcollection" | "reference" | "mvreference" => "book",
                "mvproceedings" => "proceedings",
                "inreference" | "suppcollection" => "incollection",
                "bookinbook" | "suppbook" => "inbook",
                // Types BibTeX has no counterpart for (@online, @patent,
                // @software, ...) stay: bibtex styles print them as @misc
                // (with a warning), and the type is the user's data.
                other => other,
            };
            (bibtex.to_string(), None)
        }
    }
}

/// BibTeX's `year` and `month` from a BibLaTeX `date` (when the entry has no year).
fn date_to_year_month(out: &mut Vec<(String, String)>, value: &str, e: &BibEntry) {
    if e.get("year").is_some() {
        return;
    }
    let Some(d) = typed::iso_date(value.trim_matches(['{', '}'])) else {
        return;
    };
    out.push(("year".to_string(), format!("{{{}}}", d.year)));
    if let Some(m) = d.month {
        if e.get("month").is_none() {
            out.push(("month".to_string(), format!("{{{m}}}")));
        }
    }
}
