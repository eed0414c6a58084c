//! Reading CSL-JSON (Zotero, pandoc, citeproc-js, and publist's own output).
//!
//! Lenient where CSL-JSON in the wild varies: numbers written as numbers or
//! strings, dates as `date-parts` (numbers or strings) or `raw`/`literal`,
//! names with `literal`, `dropping-particle`, `non-dropping-particle`.
//! publist's `custom` object (sources, arxiv, openreview, classified links)
//! is read back, so our own export round-trips.

use serde_json::{Map, Value};

use super::value;
use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, ErrorKind};
use crate::input::Parsed;
use crate::model::{
    Date, Kind, Link, LinkKind, Location, Note, Original, Pages, Person, Provenance, Reference,
};

/// Reads CSL-JSON text: an array of items (or a single item). Fails only
/// when the text is not JSON; an item that cannot be read is a diagnostic
/// with the line where it starts.
///
/// ```
/// let json = r#"[{"id": "a", "type": "article-journal", "title": "T",
///   "author": [{"family": "Lange", "given": "T.", "non-dropping-particle": "de"}],
///   "issued": {"date-parts": [["2023", 5]]}, "volume": 5, "page": "1006–1019"},
///   {"id": "b", "type": "book"}]"#;
/// let parsed = publist::csl_json::read(json, "refs.json").unwrap();
/// let r = &parsed.references[0];
/// assert_eq!(r.authors[0].particle.as_deref(), Some("de"));
/// assert_eq!(r.issued, Some(publist::Date { year: 2023, month: Some(5), day: None }));
/// assert_eq!(r.volume.as_deref(), Some("5"));
/// // An item without a title is kept, with a warning.
/// assert_eq!(parsed.references.len(), 2);
/// assert_eq!(parsed.diagnostics[0].to_string(), "refs.json:4: warning: item \"b\" has no title");
/// ```
pub fn read(text: &str, source: &str) -> Result<Parsed, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The line scan (serde_json keeps no positions) runs beside serde_json
    // on large inputs; a thread is not worth it for a small file.
    let (value, lines) = if text.len() < 1 << 20 {
        (serde_json::from_str::<Value>(text), element_lines(text))
    } else {
        std::thread::scope(|scope| {
            let lines = scope.spawn(|| element_lines(text));
            let value = serde_json::from_str::<Value>(text);
            (value, lines.join().unwrap_or_default())
        })
    };
    let value = value.map_err(|e| {
        Error::new(ErrorKind::Syntax, source, format!("not valid JSON: {e}")).at_line(e.line())
    })?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(_) => vec![value],
        _ => {
            return Err(Error::new(
                ErrorKind::Syntax,
                source,
                "CSL-JSON must be an array of items",
            ))
        }
    };
    let mut parsed = Parsed {
        items: items.len(),
        ..Parsed::default()
    };
    let numbered: Vec<(usize, Value)> = items.into_iter().enumerate().collect();
    let read = crate::parallel::map_owned(numbered, 512, |(k, item)| {
        let line = lines.get(k).copied().unwrap_or(1);
        let Value::Object(mut o) = item else {
            return (
                None,
                Some(Diagnostic::error(
                    Code::BrokenEntry,
                    Location::new(source, line),
                    "an item must be a JSON object",
                )),
            );
        };
        let mut r = to_reference(&o);
        if r.sources.is_empty() {
            let mut p = Provenance::new(Location::new(source, line));
            p.key = o.get("id").and_then(string);
            r.sources.push(p);
        }
        let warning = r.title.is_empty().then(|| {
            Diagnostic::warning(
                Code::NoTitle,
                Location::new(source, line),
                format!(
                    "item \"{}\" has no title",
                    o.get("id").and_then(string).unwrap_or_default()
                ),
            )
        });
        o.remove("custom");
        r.original = Some(Original::CslJson(o));
        (Some(r), warning)
    });
    for (r, d) in read {
        parsed.references.extend(r);
        parsed.diagnostics.extend(d);
    }
    Ok(parsed)
}

/// 1-based lines where the elements of the top-level array start (a small
/// scan that skips strings: serde_json keeps no positions).
fn element_lines(text: &str) -> Vec<usize> {
    let (mut depth, mut line, mut in_string, mut escaped) = (0i32, 1usize, false, false);
    // An element of the top-level array starts at the first non-blank
    // character after `[` or after a comma at depth 1.
    let mut expect_element = false;
    let mut out = Vec::new();
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if expect_element && !c.is_whitespace() && c != ']' {
            out.push(line);
            expect_element = false;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                if depth == 0 && c == '{' {
                    out.push(line);
                }
                depth += 1;
                expect_element = depth == 1 && c == '[';
            }
            ']' | '}' => depth -= 1,
            ',' if depth == 1 => expect_element = true,
            _ => {}
        }
    }
    out
}

/// A string or a number as text.
fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn field(o: &Map<String, Value>, name: &str) -> Option<String> {
    o.get(name).and_then(string)
}

fn kind_of(t: &str, o: &Map<String, Value>) -> Kind {
    match t {
        "article-journal" | "article-magazine" | "article-newspaper" | "review" => {
            Kind::JournalArticle
        }
        "paper-conference" => Kind::ConferencePaper,
        "book" | "collection" => Kind::Book,
        "chapter" | "entry-encyclopedia" | "entry-dictionary" => Kind::Chapter,
        // CSL 1.0.2's type for preprints; also Zotero's "report" with an arXiv number.
        "article" => Kind::Preprint,
        "thesis" => Kind::Thesis,
        "patent" => Kind::Patent,
        "speech" | "presentation" => Kind::Talk,
        _ if field(o, "number").is_some_and(|n| n.to_ascii_lowercase().starts_with("arxiv:")) => {
            Kind::Preprint
        }
        _ => Kind::Misc,
    }
}

fn names(v: Option<&Value>) -> Vec<Person> {
    let Some(Value::Array(list)) = v else {
        return Vec::new();
    };
    list.iter()
        .filter_map(Value::as_object)
        .filter_map(|n| {
            let literal = field(n, "literal");
            let family = field(n, "family").or(literal)?;
            let particle = [
                field(n, "dropping-particle"),
                field(n, "non-dropping-particle"),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
            Some(Person {
                family,
                given: field(n, "given"),
                particle: (!particle.is_empty()).then_some(particle),
                suffix: field(n, "suffix"),
            })
        })
        .collect()
}

/// The first date of a CSL date value, as far as the model holds it: from
/// `date-parts`, a `raw` date ("2005-06-02", "June 2005") or, failing those,
/// the first four-digit year of a `raw` or `literal` text.
fn date(v: Option<&Value>) -> Option<Date> {
    let d = value::date(v?)?;
    if let Some(&[year, month, day]) = d.parts.first() {
        if year != 0 {
            let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m));
            let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d));
            return Some(Date {
                year,
                month,
                day: month.and(day),
            });
        }
    }
    let o = v?.as_object()?;
    let raw = field(o, "raw").or_else(|| field(o, "literal"))?;
    let year: String = raw
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take(4)
        .collect();
    year.parse().ok().map(Date::year)
}

/// The typed reference of an item (an empty title when it has none).
pub(super) fn to_reference(o: &Map<String, Value>) -> Reference {
    let title = field(o, "title").unwrap_or_default();
    let kind = kind_of(&field(o, "type").unwrap_or_default(), o);
    let mut r = Reference::new(kind, &title);
    r.authors = names(o.get("author"));
    r.editors = names(o.get("editor"));
    r.issued = date(o.get("issued"));
    r.container = field(o, "container-title");
    r.series = field(o, "collection-title");
    r.volume = field(o, "volume");
    r.issue = field(o, "issue");
    r.pages = field(o, "page").and_then(|p| Pages::parse(&p));
    let number = field(o, "number");
    let arxiv_number = number.as_deref().and_then(|n| {
        n.strip_prefix("arXiv:")
            .or_else(|| n.strip_prefix("arxiv:"))
    });
    match arxiv_number {
        Some(id) => r.ids.arxiv = id.parse().ok(),
        None => r.article_number = number.clone(),
    }
    r.publisher = field(o, "publisher")
        .filter(|p| !(kind == Kind::Preprint && (p == "arXiv" || p == "OpenReview")));
    r.place = field(o, "publisher-place");
    r.ids.doi = field(o, "DOI").and_then(|d| d.parse().ok());
    r.ids.isbn = field(o, "ISBN")
        .map(|s| {
            s.split([' ', ',', ';'])
                .filter_map(|i| i.trim().parse().ok())
                .collect()
        })
        .unwrap_or_default();
    r.ids.issn =
        field(o, "ISSN").and_then(|s| s.split([' ', ',']).next().and_then(|i| i.parse().ok()));
    if let Some(note) = field(o, "note") {
        r.notes = Note::split_joined(&note);
    }
    let custom = o.get("custom").and_then(Value::as_object);
    if let Some(c) = custom {
        r.ids.arxiv = r
            .ids
            .arxiv
            .take()
            .or_else(|| field(c, "arxiv").and_then(|a| a.parse().ok()));
        r.ids.openreview = field(c, "openreview").and_then(|a| a.parse().ok());
        if let Some(Value::Array(links)) = c.get("links") {
            r.links = links
                .iter()
                .filter_map(Value::as_object)
                .filter_map(|l| {
                    Some(Link {
                        url: field(l, "url")?,
                        kind: LinkKind::from_name(&field(l, "kind")?)?,
                    })
                })
                .collect();
        }
        if let Some(Value::Array(sources)) = c.get("sources") {
            r.sources = sources
                .iter()
                .filter_map(Value::as_object)
                .filter_map(|s| {
                    let mut p = Provenance::new(Location::new(
                        field(s, "file")?,
                        field(s, "line")?.parse().ok()?,
                    ));
                    p.key = field(s, "key");
                    Some(p)
                })
                .collect();
        }
    }
    if r.links.is_empty() {
        if let Some(url) = field(o, "URL") {
            r.links.push(Link {
                kind: LinkKind::classify(&url),
                url,
            });
        }
    }
    // A preprint whose only id is OpenReview carries no "arXiv:" number.
    if kind == Kind::Preprint && r.ids.arxiv.is_none() {
        r.article_number = r
            .article_number
            .take()
            .filter(|_| r.ids.openreview.is_none());
    }
    r
}
