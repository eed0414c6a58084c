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
    Date, Kind, Link, LinkKind, Location, Note, Pages, Person, Provenance, Reference,
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
/// assert_eq!(parsed.diagnostics[0].to_string(), "refs.json:4: error: item \"b\" has no title");
/// ```
pub fn read(text: &str, source: &str) -> Result<Parsed, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // An array is read one element at a time, on all cores: no tree of the
    // whole file is ever built, so memory stays near the size of the text
    // and of the references read. Anything else (a single item, malformed
    // JSON) goes through the whole-text parse, whose errors say where.
    let elements = array_elements(text);
    // serde_json refuses values nested deeper than 128; such a file takes the
    // whole-text path, which says so.
    if let Some((elements, _)) = elements.as_ref().filter(|(_, depth)| *depth <= 100) {
        let items: Vec<(usize, &str)> = elements
            .iter()
            .map(|e| (e.line, &text[e.start..e.end]))
            .collect();
        // Eight parts, each read into its own list, the lists then joined
        // (growing the first in place): never two arrays of all references.
        let parts: Vec<&[(usize, &str)]> = items.chunks(items.len().div_ceil(8).max(1)).collect();
        let read = crate::parallel::map_chunks(&parts, 2, |part| {
            let mut references = Vec::with_capacity(part.len());
            let mut diagnostics = Vec::new();
            for &(line, json) in part.iter() {
                match serde_json::from_str::<Value>(json) {
                    Ok(item) => match item_to_reference(&item, line, source) {
                        Ok(r) => references.push(r),
                        Err(d) => diagnostics.push(d),
                    },
                    Err(_) => return None,
                }
            }
            Some((references, diagnostics))
        });
        let read: Option<Vec<(Vec<Reference>, Vec<Diagnostic>)>> =
            read.into_iter().flatten().collect();
        if let Some(read) = read {
            let mut parsed = Parsed {
                items: items.len(),
                ..Parsed::default()
            };
            for (mut references, mut diagnostics) in read {
                if parsed.references.is_empty() {
                    parsed.references = references;
                } else {
                    parsed.references.append(&mut references);
                }
                parsed.diagnostics.append(&mut diagnostics);
            }
            return Ok(parsed);
        }
    }
    let value = serde_json::from_str::<Value>(text).map_err(|e| {
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
    let lines: Vec<usize> = elements
        .map(|(e, _)| e.iter().map(|e| e.line).collect())
        .unwrap_or_default();
    let mut parsed = Parsed {
        items: items.len(),
        ..Parsed::default()
    };
    for (k, item) in items.iter().enumerate() {
        let line = lines.get(k).copied().unwrap_or(1);
        match item_to_reference(item, line, source) {
            Ok(r) => parsed.references.push(r),
            Err(d) => parsed.diagnostics.push(d),
        }
    }
    Ok(parsed)
}

/// One item of the array, starting at `line`.
fn item_to_reference(item: &Value, line: usize, source: &str) -> Result<Reference, Diagnostic> {
    match item
        .as_object()
        .ok_or_else(|| {
            (
                Code::BrokenEntry,
                "an item must be a JSON object".to_string(),
            )
        })
        .and_then(to_reference)
    {
        Ok(mut r) => {
            if r.sources.is_empty() {
                let mut p = Provenance::new(Location::new(source, line));
                p.key = item.get("id").and_then(string);
                r.sources = vec![p];
            }
            // Lists grown by pushing hold room for four or more; a library
            // of a million items keeps only what it has.
            r.authors.shrink_to_fit();
            r.editors.shrink_to_fit();
            r.links.shrink_to_fit();
            r.notes.shrink_to_fit();
            r.sources.shrink_to_fit();
            r.ids.isbn.shrink_to_fit();
            Ok(r)
        }
        Err((code, msg)) => Err(Diagnostic::error(code, Location::new(source, line), msg)),
    }
}

/// Where one element of the top-level array stands in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Element {
    start: usize,
    end: usize,
    /// 1-based line of its first character.
    line: usize,
}

/// The elements of a top-level JSON array, found by a scan that tracks
/// strings and nesting (serde_json keeps no positions), and how deep they
/// nest. `None` unless the text is an array whose elements are separated by
/// commas and white space only, closed, with nothing after it but white
/// space: then each element is a JSON text of its own (if it is valid JSON).
fn array_elements(text: &str) -> Option<(Vec<Element>, usize)> {
    let bytes = text.as_bytes();
    let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let mut line = 1usize;
    let mut i = 0;
    while i < bytes.len() && blank(bytes[i]) {
        line += usize::from(bytes[i] == b'\n');
        i += 1;
    }
    if bytes.get(i) != Some(&b'[') {
        return None;
    }
    i += 1;
    let mut out = Vec::new();
    let mut deepest = 0;
    // Between elements: expecting an element (after `[` or `,`) or a separator.
    let mut want_element = true;
    let mut first = true;
    loop {
        while i < bytes.len() && blank(bytes[i]) {
            line += usize::from(bytes[i] == b'\n');
            i += 1;
        }
        let b = *bytes.get(i)?;
        if b == b']' {
            // `[]`, or the end after an element (not after a comma).
            if want_element && !first {
                return None;
            }
            i += 1;
            break;
        }
        if !want_element {
            if b != b',' {
                return None;
            }
            i += 1;
            want_element = true;
            continue;
        }
        // One element: a container up to its closing bracket, a string up
        // to its closing quote, or a scalar up to the next separator.
        let (start, start_line) = (i, line);
        let (mut depth, mut max_depth, mut in_string, mut escaped) = (0usize, 0usize, false, false);
        let scalar = !matches!(b, b'{' | b'[' | b'"');
        while i < bytes.len() {
            let c = bytes[i];
            if scalar {
                if c == b',' || c == b']' || blank(c) {
                    break;
                }
                i += 1;
                continue;
            }
            line += usize::from(c == b'\n');
            i += 1;
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => {
                        in_string = false;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match c {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    max_depth = max_depth.max(depth);
                }
                b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        if in_string || depth != 0 || i == start {
            return None;
        }
        deepest = deepest.max(max_depth);
        let end = i;
        out.push(Element {
            start,
            end,
            line: start_line,
        });
        want_element = false;
        first = false;
    }
    while i < bytes.len() && blank(bytes[i]) {
        i += 1;
    }
    (i == bytes.len()).then_some((out, deepest))
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

fn to_reference(o: &Map<String, Value>) -> Result<Reference, (Code, String)> {
    let id = field(o, "id").unwrap_or_default();
    let title =
        field(o, "title").ok_or_else(|| (Code::NoTitle, format!("item \"{id}\" has no title")))?;
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
            r.links = vec![Link {
                kind: LinkKind::classify(&url),
                url,
            }];
        }
    }
    // A preprint whose only id is OpenReview carries no "arXiv:" number.
    if kind == Kind::Preprint && r.ids.arxiv.is_none() {
        r.article_number = r
            .article_number
            .take()
            .filter(|_| r.ids.openreview.is_none());
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slices(text: &str) -> Option<Vec<(usize, &str)>> {
        array_elements(text)
            .map(|(v, _)| v.iter().map(|e| (e.line, &text[e.start..e.end])).collect())
    }

    #[test]
    fn elements_of_an_array() {
        let text = "[\n  {\"a\": \"x,]}\\\"\"},\n  {\"b\": [1, {\"c\": 2}]}\n, 3 ]\n";
        assert_eq!(
            slices(text).unwrap(),
            [
                (2, "{\"a\": \"x,]}\\\"\"}"),
                (3, "{\"b\": [1, {\"c\": 2}]}"),
                (4, "3")
            ]
        );
        assert_eq!(slices(" [ ] ").unwrap(), []);
        assert_eq!(slices("[{}]").unwrap(), [(1, "{}")]);
    }

    #[test]
    fn not_a_plain_array() {
        for text in [
            "{\"id\": \"a\"}",
            "[{}, ]",
            "[, {}]",
            "[{} {}]",
            "[{}",
            "[{\"a\": \"unclosed}]",
            "[{}] trailing",
            "[{}}]",
        ] {
            assert_eq!(slices(text), None, "{text}");
        }
    }

    #[test]
    fn malformed_input_keeps_its_error() {
        let e = read(
            "[\n{\"id\": \"a\", \"title\": \"T\"},\n{\"id\": \"b\" \"title\": 1}\n]",
            "x.json",
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert!(e.to_string().contains("x.json:3"), "{e}");
        let ok = read("[{\"id\": \"a\", \"title\": \"T\"}, 5]", "x.json").unwrap();
        assert_eq!(
            (ok.items, ok.references.len(), ok.diagnostics.len()),
            (2, 1, 1)
        );
    }
}
