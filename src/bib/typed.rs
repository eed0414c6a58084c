//! A .bib entry's fields (TeX, inheritance applied) as the typed model:
//! which [`Kind`], and which field goes to which typed field. What has no
//! typed place stays in the entry's [`crate::model::BibEntry`] original.

use crate::model::{parse_bibtex_names, Date, Kind, Link, LinkKind, Note, Pages, Reference};
use crate::text::latex::to_unicode;

/// BibTeX's field names and the BibLaTeX names biber reads them as.
pub(crate) const BIBTEX_ALIASES: &[(&str, &str)] = &[
    ("journal", "journaltitle"),
    ("address", "location"),
    ("school", "institution"),
    ("annote", "annotation"),
    ("archiveprefix", "eprinttype"),
    ("primaryclass", "eprintclass"),
    ("key", "sortkey"),
    ("hyphenation", "langid"),
    ("pdf", "file"),
];

/// The BibLaTeX name of a field (BibTeX aliases resolved).
pub(crate) fn canonical(name: &str) -> &str {
    BIBTEX_ALIASES
        .iter()
        .find(|(b, _)| *b == name)
        .map_or(name, |(_, l)| l)
}

/// The value of a field by its BibLaTeX name (or any alias of it), decoded.
fn get(fields: &[(String, String)], name: &str) -> Option<String> {
    fields
        .iter()
        .find(|(n, _)| canonical(n) == name)
        .map(|(_, v)| to_unicode(v))
        .filter(|v| !v.is_empty())
}

/// A verbatim field (`url`, `doi`, `eprint`): TeX escapes of URL characters
/// undone, nothing else decoded (`--` stays two hyphens).
pub(crate) fn verbatim(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut chars = tex.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| "_%#&~${}".contains(*n)) => {
                out.extend(chars.next());
            }
            '{' | '}' => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

fn get_verbatim(fields: &[(String, String)], name: &str) -> Option<String> {
    fields
        .iter()
        .find(|(n, _)| canonical(n) == name)
        .map(|(_, v)| verbatim(v))
        .filter(|v| !v.is_empty())
}

/// The kind of an entry type (`has_eprint`: an eprint or `type = preprint`).
pub(crate) fn kind_of(entry_type: &str, has_eprint: bool) -> Kind {
    match entry_type {
        "article" => Kind::JournalArticle,
        "inproceedings" | "conference" => Kind::ConferencePaper,
        "book" | "mvbook" | "collection" | "mvcollection" | "proceedings" | "mvproceedings"
        | "reference" | "mvreference" => Kind::Book,
        "incollection" | "inbook" | "bookinbook" | "suppbook" | "suppcollection"
        | "inreference" => Kind::Chapter,
        "thesis" | "phdthesis" | "mastersthesis" => Kind::Thesis,
        "patent" => Kind::Patent,
        _ if has_eprint => Kind::Preprint,
        "online" | "unpublished" => Kind::Preprint,
        _ => Kind::Misc,
    }
}

/// `arXiv preprint arXiv:2202.06861`: the journal Google Scholar gives preprints.
fn is_arxiv_journal(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("arxiv preprint")
        || l.starts_with("arxiv e-prints")
        || l == "arxiv"
        || l.starts_with("corr")
}

/// A date from `date` (`2016-04-25/2016-04-29`: the start) or from `year`
/// and `month` (`{\noopsort{1973b}}1973`, `10~jan`).
pub(crate) fn issued(fields: &[(String, String)]) -> Option<Date> {
    if let Some(d) = get(fields, "date").and_then(|d| iso_date(&d)) {
        return Some(d);
    }
    let year = get(fields, "year")?;
    let digits: String = year
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let year: i32 = digits.get(..4)?.parse().ok()?;
    let (month, day) = get(fields, "month").map_or((None, None), |m| month_day(&m));
    Some(Date {
        year,
        month,
        day: month.and(day),
    })
}

/// `2016-04-25`, `2016-04`, `2016`, the start of a range (`../2016` has none).
pub(crate) fn iso_date(text: &str) -> Option<Date> {
    let start = text.split('/').next()?.trim();
    let mut parts = start.split('-');
    let y = parts.next()?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = y.parse().ok()?;
    let month = parts
        .next()
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m));
    let day = parts
        .next()
        .and_then(|d| d.get(..2).unwrap_or(d).parse::<u8>().ok())
        .filter(|d| (1..=31).contains(d));
    Some(Date {
        year,
        month,
        day: month.and(day),
    })
}

/// A month field: a number, an English month name or its abbreviation, and
/// maybe a day (`10 January`).
fn month_day(text: &str) -> (Option<u8>, Option<u8>) {
    let mut month = None;
    let mut day = None;
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if let Ok(n) = word.parse::<u8>() {
            if month.is_none() && (1..=12).contains(&n) && !text.chars().any(char::is_alphabetic) {
                month = Some(n);
            } else if (1..=31).contains(&n) {
                day = Some(n);
            }
        } else if let Some(abbr) = word.get(..3) {
            month = month.or_else(|| month_macro(abbr).and_then(|m| u8::try_from(m).ok()));
        }
    }
    (month, day)
}

/// The typed reference of an entry of `entry_type` with `fields` (lower-case
/// names, TeX values).
pub(crate) fn reference(
    entry_type: &str,
    fields: &[(String, String)],
) -> Result<Reference, String> {
    let title = get(fields, "title").unwrap_or_default();
    let eprint = get_verbatim(fields, "eprint");
    let eprint_type = get(fields, "eprinttype").map(|t| t.to_ascii_lowercase());
    let journal = get(fields, "journaltitle");
    let arxiv_journal = journal.as_deref().is_some_and(is_arxiv_journal);
    let marked_preprint = get(fields, "type").is_some_and(|t| t.eq_ignore_ascii_case("preprint"));
    let mut kind = kind_of(entry_type, eprint.is_some() || marked_preprint);
    if kind == Kind::JournalArticle && arxiv_journal {
        kind = Kind::Preprint;
    }
    let mut r = Reference::new(kind, &title);
    let names = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| parse_bibtex_names(v))
            .unwrap_or_default()
    };
    r.authors = names("author");
    r.editors = names("editor");
    r.issued = issued(fields);
    r.container = if arxiv_journal {
        None
    } else {
        journal
            .clone()
            .or_else(|| get(fields, "booktitle"))
            .or_else(|| get(fields, "howpublished"))
            .map(Into::into)
    };
    r.series = get(fields, "series").map(Into::into);
    r.volume = get(fields, "volume").map(Into::into);
    // `number` is the issue of a periodical (and what publist writes for the
    // issue of a proceedings volume), but the number of a report, patent,
    // preprint or other document (`arXiv:2212.03255`): CSL's `number`.
    let number = get(fields, "number");
    match entry_type {
        "report" | "techreport" | "patent" | "misc" | "online" | "manual" | "dataset"
        | "software" | "thesis" | "phdthesis" | "mastersthesis" | "unpublished" | "booklet"
            if get(fields, "issue").is_none() =>
        {
            r.article_number = number.map(Into::into)
        }
        _ => r.issue = number.or_else(|| get(fields, "issue")).map(Into::into),
    }
    r.pages = get(fields, "pages").and_then(|p| Pages::parse(&p));
    if let Some(state) = get(fields, "pubstate") {
        if r.pages.is_none() {
            r.pages = Some(Pages::Placeholder(state));
        }
    }
    if let Some(eid) = get(fields, "eid") {
        r.article_number = Some(eid.into());
    }
    r.publisher = get(fields, "publisher").map(Into::into);
    r.place = get(fields, "location").map(Into::into);
    let isbns = [get_verbatim(fields, "isbn"), get_verbatim(fields, "verbc")];
    r.ids.isbn = isbns
        .iter()
        .flatten()
        .flat_map(|s| s.split([',', ';', ' ']))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    r.ids.issn = get_verbatim(fields, "issn")
        .and_then(|s| s.split([',', ';', ' ']).find_map(|i| i.trim().parse().ok()));
    r.ids.doi = get_verbatim(fields, "doi").and_then(|s| s.parse().ok());
    match (eprint, eprint_type.as_deref()) {
        (Some(e), Some("openreview")) => r.ids.openreview = e.parse().ok(),
        (Some(e), Some("arxiv") | None) => r.ids.arxiv = e.parse().ok(),
        _ => {}
    }
    // Google Scholar's preprints: `journal = {arXiv preprint arXiv:2202.06861}`.
    if arxiv_journal && r.ids.arxiv.is_none() {
        let last = journal.as_deref().and_then(|j| j.split_whitespace().last());
        r.ids.arxiv = last.and_then(|t| t.parse().ok());
    }
    if let Some(or) = get_verbatim(fields, "verbb")
        .and_then(|v| v.strip_prefix("openreview:").map(str::to_string))
    {
        r.ids.openreview = or.parse().ok();
    }
    r.links = match get_verbatim(fields, "verba") {
        Some(v) => v.split_whitespace().filter_map(link_from_verba).collect(),
        None => get_verbatim(fields, "url")
            .map(|u| {
                vec![Link {
                    kind: LinkKind::classify(&u),
                    url: u,
                }]
            })
            .unwrap_or_default(),
    };
    if let Some(note) = get(fields, "note") {
        r.notes = Note::split_joined(&note);
    }
    Ok(r)
}

fn link_from_verba(item: &str) -> Option<Link> {
    let (name, url) = item.split_once('=')?;
    Some(Link {
        url: url.to_string(),
        kind: LinkKind::from_name(name)?,
    })
}

/// The months' English names, which the month macros (`jan`, ...) stand for.
pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month of a three-letter macro (`jan` → 1).
pub(super) fn month_macro(name: &str) -> Option<usize> {
    let l = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| m[..3].eq_ignore_ascii_case(&l) && l.len() == 3)
        .map(|k| k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_any_form() {
        assert_eq!(month_day("jan"), (Some(1), None));
        assert_eq!(month_day("10 January"), (Some(1), Some(10)));
        assert_eq!(month_day("6"), (Some(6), None));
        // Not English, not a panic on a character boundary.
        assert_eq!(month_day("Mär"), (None, None));
        assert_eq!(month_day("日本語"), (None, None));
    }

    #[test]
    fn dates_and_ranges() {
        let d = iso_date("2016-04-25/2016-04-29").unwrap();
        assert_eq!((d.year, d.month, d.day), (2016, Some(4), Some(25)));
        assert_eq!(iso_date("../2016"), None);
        assert_eq!(iso_date("2019-13").map(|d| d.month), Some(None));
    }
}
