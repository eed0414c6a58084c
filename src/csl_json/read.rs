//! Reading CSL-JSON (Zotero, pandoc, citeproc-js, and publist's own output).
//!
//! Lenient where CSL-JSON in the wild varies: numbers written as numbers or
//! strings, dates as `date-parts` (numbers or strings) or `raw`/`literal`,
//! names with `literal`, `dropping-particle`, `non-dropping-particle`.
//! publist's `custom` object (sources, arxiv, openreview, classified links)
//! is read back, so our own export round-trips.

use serde_json::{Map, Value};

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use super::canon;
use super::elements::{array_elements, Scanner};
use super::fast;
use super::fields::{Fields, List, Member, NameFields};
use super::parts::{self, PARTS};
use super::value;
use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, ErrorKind};
use crate::input::Parsed;
use crate::model::{
    CslRecord, Date, Kind, Link, LinkKind, Location, Note, Original, Pages, Person, Provenance,
    Reference,
};
use crate::parallel::Spare;

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
/// assert_eq!(r.authors[0].particle(), Some("de"));
/// assert_eq!(r.issued, Some(publist::Date { year: 2023, month: Some(5), day: None }));
/// assert_eq!(r.volume.as_deref(), Some("5"));
/// // An item without a title is kept, with a warning.
/// assert_eq!(parsed.references.len(), 2);
/// assert_eq!(parsed.diagnostics[0].to_string(), "refs.json:4: warning: item \"b\" has no title");
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
    if let Some((elements, _)) = elements.as_ref().filter(|(_, depth)| *depth <= MAX_DEPTH) {
        let items: Vec<(usize, &[u8])> = elements
            .iter()
            .map(|e| (e.line, &text.as_bytes()[e.start..e.end]))
            .collect();
        let mut parsed = Parsed::default();
        if read_elements(&items, source, &mut parsed, &Spare::new()).is_some() {
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
    let name: Arc<str> = source.into();
    for (k, item) in items.into_iter().enumerate() {
        let line = lines.get(k).copied().unwrap_or(1);
        let (r, d) = item_to_reference(item, line, &name);
        parsed.references.extend(r);
        parsed.diagnostics.extend(d);
    }
    Ok(parsed)
}

/// Elements nested deeper than this take the whole-text path.
const MAX_DEPTH: usize = 100;

/// Reads a CSL-JSON file a block at a time: what [`read()`] gives for its
/// text, with only a block and the references in memory. A file that is not
/// a plain array of items (or not UTF-8, or not JSON) is read again whole,
/// so that its error is [`read()`]'s.
pub(crate) fn read_path(path: &Path, name: &str) -> Result<Parsed, Error> {
    // Blocks of 4 MiB, or an eighth of a smaller file: the buffer is written
    // whole (zeroed) before each read, and 4 MiB resident for a 7 MB file
    // is a tenth of its peak memory (a longer item grows the buffer).
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    let block = usize::try_from(size / 8).map_or(4 << 20, |b| b.clamp(64 << 10, 4 << 20));
    read_path_in_blocks(path, name, block)
}

fn read_path_in_blocks(path: &Path, name: &str, block: usize) -> Result<Parsed, Error> {
    let streamed = || -> std::io::Result<Option<Parsed>> {
        let mut file = std::fs::File::open(path)?;
        // The buffer holds a block: what is left of the last one (an
        // unfinished item) and what is read next.
        let mut kept: Vec<u8> = Vec::with_capacity(block);
        let mut scanner = Scanner::new();
        let mut parsed = Parsed::default();
        let mut found = Vec::new();
        let spare = Spare::new();
        let mut first = true;
        let mut first_block = true;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        loop {
            let before = kept.len();
            // An item longer than a block makes the buffer grow.
            let room = (block.saturating_sub(before)).max(block / 4).max(1);
            kept.resize(before + room, 0);
            let n = file.read(&mut kept[before..])?;
            kept.truncate(before + n);
            if first && kept.starts_with("\u{feff}".as_bytes()) {
                kept.drain(..3);
            }
            first = false;
            if !scanner.scan_parallel(&kept, &mut found) || scanner.deepest > MAX_DEPTH {
                return Ok(None);
            }
            let items: Vec<(usize, &[u8])> = found
                .iter()
                .map(|e| (e.line, &kept[e.start..e.end]))
                .collect();
            if read_elements(&items, name, &mut parsed, &spare).is_none() {
                return Ok(None);
            }
            if first_block {
                // A list grown by doubling leaves the blocks it outgrew to
                // the allocator (tens of megabytes resident at 100k items):
                // room for the whole file at the first block's density (and
                // 5% more), at most one reference per 128 bytes of the file
                // (a block of tiny items before large ones would ask for
                // hundreds of times the file); memory untouched stays
                // virtual. Without room, the list grows as it did.
                first_block = false;
                let read_so_far = (before + n).max(1) as u128;
                let estimate = (u128::from(size) * parsed.references.len() as u128 * 21
                    / (read_so_far * 20))
                    .min(u128::from(size / 128)) as usize;
                let more = estimate.saturating_sub(parsed.references.len());
                let _ = parsed.references.try_reserve(more.saturating_add(16));
            }
            found.clear();
            let keep = scanner.keep_from();
            kept.drain(..keep);
            scanner.drop_front(keep);
            if n == 0 {
                return Ok(scanner.is_done().then_some(parsed));
            }
        }
    };
    match streamed() {
        Ok(Some(parsed)) => Ok(parsed),
        Ok(None) => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(name, e))?;
            read(crate::text::utf8(&bytes, name)?, name)
        }
        Err(e) => Err(Error::io(name, e)),
    }
}

/// Reads the items (each a JSON text, with its line), on all cores, in
/// eight parts, appended to `into` in order: no list of a block's
/// references besides the parts' own (a joined list per block was a copy of
/// every reference more, in fresh memory). `None`, with `into` as it was,
/// when an item is not valid JSON.
fn read_elements(
    items: &[(usize, &[u8])],
    source: &str,
    into: &mut Parsed,
    spare: &Spare<Vec<Reference>>,
) -> Option<()> {
    let parts: Vec<&[(usize, &[u8])]> = items.chunks(items.len().div_ceil(8).max(1)).collect();
    let read = crate::parallel::map_chunks(&parts, 2, |part| {
        // One name for the part's locations (a name per part rather than per
        // file: the threads do not count references to one name).
        let source: Arc<str> = source.into();
        let source = &source;
        let mut references = spare.take().unwrap_or_default();
        references.reserve(part.len());
        let mut diagnostics = Vec::new();
        for &(line, json) in part.iter() {
            let (r, d) = match read_item(json, line, source) {
                Some((r, d)) => (Some(r), d),
                None => {
                    let item = serde_json::from_slice::<Value>(json).ok()?;
                    item_to_reference(item, line, source)
                }
            };
            references.extend(r);
            diagnostics.extend(d);
        }
        Some((references, diagnostics))
    });
    if read.iter().flatten().any(Option::is_none) {
        return None;
    }
    let total = read
        .iter()
        .flatten()
        .flatten()
        .map(|(r, _)| r.len())
        .sum::<usize>();
    into.references.reserve(total);
    for (mut references, mut diagnostics) in read.into_iter().flatten().flatten() {
        into.references.append(&mut references);
        into.diagnostics.append(&mut diagnostics);
        spare.give(references);
    }
    into.items += items.len();
    Some(())
}

/// One item of the array, starting at `line`: a reference (with a warning
/// when it has no title: it is kept) or, for anything but an object, an error.
fn item_to_reference(
    item: Value,
    line: usize,
    source: &Arc<str>,
) -> (Option<Reference>, Option<Diagnostic>) {
    let at = Location::new(Arc::clone(source), line);
    let Value::Object(mut o) = item else {
        let error = Diagnostic::error(Code::BrokenEntry, at, "an item must be a JSON object");
        return (None, Some(error));
    };
    let (mut r, id) = {
        let f = Fields::of_map(&o);
        (reference_of(&f), f.id.owned())
    };
    o.remove("custom");
    let record = CslRecord::new(&o);
    let warning = finish(&mut r, at, id);
    r.original = Some(Original::CslJson(record));
    (Some(r), warning)
}

/// The item's text read straight into the typed reference and the compact
/// source record, without a `Value` tree; `None` when the text is not an
/// object or not as the typed reading expects (a name with a field twice,
/// malformed JSON): the caller reads it through a `Value`.
fn read_item(
    json: &[u8],
    line: usize,
    source: &Arc<str>,
) -> Option<(Reference, Option<Diagnostic>)> {
    let text = std::str::from_utf8(json).ok()?;
    read_plain(text, line, source).or_else(|| read_general(text, line, source))
}

/// [`read_item`] of any text, through serde_json.
fn read_general(
    text: &str,
    line: usize,
    source: &Arc<str>,
) -> Option<(Reference, Option<Diagnostic>)> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    let members = canon::members(text).ok()?;
    let f = Fields::of(
        members
            .iter()
            .map(|(k, v)| (k.as_ref(), Member::Text(v.get()))),
    )
    .ok()?;
    let mut r = reference_of(&f);
    // The record as `CslRecord::new` writes the item's map, `custom` aside,
    // printed in the thread's scratch buffer and then copied to a block of
    // its own size (a buffer shrunk to fit leaves a hole per item).
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let record = SCRATCH.with(|scratch| {
        let out = &mut *scratch.borrow_mut();
        out.clear();
        out.push(b'{');
        for i in canon::sorted(&members) {
            let (k, v) = &members[i];
            if k == "custom" {
                continue;
            }
            if out.len() > 1 {
                out.push(b',');
            }
            canon::string(k, out);
            out.push(b':');
            canon::compact(v.get(), out).ok()?;
        }
        out.push(b'}');
        let text = std::str::from_utf8(out).ok()?;
        Some(CslRecord::from_compact(text))
    })?;
    let warning = finish(
        &mut r,
        Location::new(Arc::clone(source), line),
        f.id.owned(),
    );
    r.original = Some(Original::CslJson(record));
    Some((r, warning))
}

/// [`read_item`] for an item of plain JSON ([`fast`]'s subset), in one pass
/// over its text; `None` for any other text.
fn read_plain(
    text: &str,
    line: usize,
    source: &Arc<str>,
) -> Option<(Reference, Option<Diagnostic>)> {
    // The compact values and the record, in the thread's scratch buffers;
    // the record is then copied to a block of its own size.
    thread_local! {
        static SCRATCH: std::cell::RefCell<(Vec<u8>, Vec<u8>)> =
            const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    }
    SCRATCH.with(|scratch| {
        let (values, out) = &mut *scratch.borrow_mut();
        values.clear();
        let mut members = Vec::with_capacity(16);
        let f = fast::item(text, false, true, values, &mut members)?;
        let mut r = reference_of(&f);
        // The record as `CslRecord::new` writes the item's map, `custom`
        // aside, and without the variables the typed fields write back as
        // they are (a hash of each instead).
        let has_custom = members.iter().any(|m| m.key == "custom");
        let (mut parts, mut typed) = (0u32, Vec::with_capacity(512));
        out.clear();
        out.push(b'{');
        for i in canon::sorted_by(&members, |m| m.key) {
            let m = &members[i];
            if m.key == "custom" {
                continue;
            }
            let value = &values[m.compact.clone()];
            let part = PARTS.iter().position(|(_, n)| *n == m.key);
            if let Some(k) = part.filter(|&k| parts::reproducible(PARTS[k].0, has_custom)) {
                typed.clear();
                if parts::typed_text(PARTS[k].0, &r, &mut typed) && typed == value {
                    parts |= 1 << k;
                    continue;
                }
            }
            if out.len() > 1 {
                out.push(b',');
            }
            canon::string(m.key, out);
            out.push(b':');
            out.extend_from_slice(value);
        }
        out.push(b'}');
        let hashes: Vec<u32> = (0..PARTS.len())
            .filter(|k| parts & (1 << k) != 0)
            .map(|k| parts::hash(PARTS[k].0, &r))
            .collect();
        let record = CslRecord::with_reproduced(std::str::from_utf8(out).ok()?, parts, &hashes);
        let warning = finish(
            &mut r,
            Location::new(Arc::clone(source), line),
            f.id.owned(),
        );
        r.original = Some(Original::CslJson(record));
        Some((r, warning))
    })
}

/// Gives a reference read at `at` its source when it names none, trims its
/// lists, and says when it has no title.
fn finish(r: &mut Reference, at: Location, id: Option<String>) -> Option<Diagnostic> {
    let warning = r.title.is_empty().then(|| {
        let id = id.as_deref().unwrap_or_default();
        Diagnostic::warning(
            Code::NoTitle,
            at.clone(),
            format!("item \"{id}\" has no title"),
        )
    });
    if r.sources.is_empty() {
        let mut p = Provenance::new(at);
        p.key = id;
        r.sources = vec![p];
    }
    // Lists grown by pushing hold room for four or more; a library of a
    // million items keeps only what it has.
    r.authors.shrink_to_fit();
    r.editors.shrink_to_fit();
    r.links.shrink_to_fit();
    r.notes.shrink_to_fit();
    r.sources.shrink_to_fit();
    r.ids.isbn.shrink_to_fit();
    warning
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

fn kind_of(t: &str, number: Option<&str>) -> Kind {
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
        _ if number.is_some_and(|n| n.to_ascii_lowercase().starts_with("arxiv:")) => Kind::Preprint,
        _ => Kind::Misc,
    }
}

fn names(list: &List<NameFields>) -> Vec<Person> {
    let mut people = Vec::with_capacity(list.iter().count());
    people.extend(list.iter().filter_map(|n| {
        let family = n.family.get().or_else(|| n.literal.get())?;
        let both;
        let particle = match (n.dropping_particle.get(), n.non_dropping_particle.get()) {
            (Some(d), Some(nd)) => {
                both = format!("{d} {nd}");
                Some(both.as_str())
            }
            (Some(p), None) | (None, Some(p)) => Some(p),
            (None, None) => None,
        };
        Some(Person::from_parts(
            family,
            n.given.get(),
            particle,
            n.suffix.get(),
        ))
    }));
    people
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
    reference_of(&Fields::of_map(o))
}

/// The typed reference of an item's variables.
pub(super) fn reference_of(f: &Fields) -> Reference {
    let title = f.title.get().unwrap_or_default();
    let kind = kind_of(f.kind.get().unwrap_or_default(), f.number.get());
    let mut r = Reference::new(kind, title);
    r.authors = names(&f.author);
    r.editors = names(&f.editor);
    r.issued = match f.issued_date {
        Some(d) => d,
        None => date(f.issued.as_deref()),
    };
    r.container = f.container_title.get().map(Into::into);
    r.series = f.collection_title.get().map(Into::into);
    r.volume = f.volume.get().map(Into::into);
    r.issue = f.issue.get().map(Into::into);
    r.pages = f.page.get().and_then(Pages::parse);
    let number = f.number.get();
    let arxiv_number = number.and_then(|n| {
        n.strip_prefix("arXiv:")
            .or_else(|| n.strip_prefix("arxiv:"))
    });
    match arxiv_number {
        Some(id) => r.ids.arxiv = id.parse().ok(),
        None => r.article_number = number.map(Into::into),
    }
    r.publisher = f
        .publisher
        .get()
        .filter(|p| !(kind == Kind::Preprint && (*p == "arXiv" || *p == "OpenReview")))
        .map(Into::into);
    r.place = f.publisher_place.get().map(Into::into);
    r.ids.doi = f.doi.get().and_then(|d| d.parse().ok());
    r.ids.isbn = f
        .isbn
        .get()
        .map(|s| {
            s.split([' ', ',', ';'])
                .filter_map(|i| i.trim().parse().ok())
                .collect()
        })
        .unwrap_or_default();
    r.ids.issn = f
        .issn
        .get()
        .and_then(|s| s.split([' ', ',']).next().and_then(|i| i.parse().ok()));
    if let Some(note) = f.note.get() {
        r.notes = Note::split_joined(note);
    }
    if let Some(c) = &f.custom {
        r.ids.arxiv = r
            .ids
            .arxiv
            .take()
            .or_else(|| c.arxiv.get().and_then(|a| a.parse().ok()));
        r.ids.openreview = c.openreview.get().and_then(|a| a.parse().ok());
        if c.links.0.is_some() {
            r.links = c
                .links
                .iter()
                .filter_map(|l| {
                    Some(Link {
                        url: l.url.owned()?,
                        kind: LinkKind::from_name(l.kind.get()?)?,
                    })
                })
                .collect();
        }
        if c.sources.0.is_some() {
            r.sources = c
                .sources
                .iter()
                .filter_map(|s| {
                    let mut p = Provenance::new(Location::new(
                        s.file.owned()?,
                        s.line.get()?.parse().ok()?,
                    ));
                    p.key = s.key.owned();
                    Some(p)
                })
                .collect();
        }
    }
    if r.links.is_empty() {
        if let Some(url) = f.url.owned() {
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The reference with every variable in its record: the plain reading
    /// leaves to the typed fields what they write back, the others do not.
    fn expanded(mut r: Reference) -> Reference {
        if let Some(Original::CslJson(record)) = &r.original {
            let text = parts::full_text(record, &r).into_owned();
            r.original = Some(Original::CslJson(CslRecord::from_compact(&text)));
        }
        r
    }

    #[test]
    fn an_item_read_straight_is_what_its_value_gives() {
        let items = [
            r#"{"id": "a", "type": "article-journal", "title": "  T  ", "volume": 5, "issue": 1.50,
               "author": [{"given": "J.", "family": "Doe"}, {"literal": "ACME"}, 7, {"family": " "},
                          {"family": "Rijke", "non-dropping-particle": "de", "dropping-particle": "van"}],
               "issued": {"date-parts": [["2020", 5, 1]]}, "page": "1-10", "DOI": "10.1/X",
               "ISBN": "978-3-16-148410-0, 0-306-40615-2", "ISSN": "0028-0836", "note": "a; b",
               "abstract": "\u00e9\/\"q\"", "zeta": {"b": 1, "a": [true, null]}}"#,
            r#"{"id": 17, "type": "article", "number": "arXiv:2001.00001", "publisher": "arXiv",
               "custom": {"sources": [{"file": "x.bib", "line": 3, "key": "k"}, {"file": 1}],
                          "arxiv": "2001.00001", "links": [{"url": "https://github.com/a/b", "kind": "code"}, 3]},
               "URL": "https://example.org"}"#,
            r#"{"title": "T", "title": "U", "author": "not a list", "editor": [{"family": "E"}],
               "custom": "not an object", "type": "report", "number": "arxiv:1", "issued": 2001}"#,
            r#"{"id": "n", "type": "article", "custom": {"openreview": "abc", "links": {"x": 1}}, "number": 5}"#,
            r#"{"id": "d", "issued": {"raw": "June 2005"}, "accessed": {"date-parts": [[2020]]}, "b": [], "a": {}}"#,
            r#"{"id": "e\u0301", "type": "book", "custom": {}, "custom": {"arxiv": "1"}, "publisher-place": ""}"#,
        ];
        for text in items {
            let value: Value = serde_json::from_str(text).unwrap();
            let (expected, warning) = item_to_reference(value, 4, &"x.json".into());
            let (got, got_warning) = read_item(text.as_bytes(), 4, &"x.json".into()).expect(text);
            assert_eq!(Some(expanded(got)), expected, "{text}");
            assert_eq!(got_warning, warning, "{text}");
        }
        // Plain JSON read in one pass is what serde_json's way gives.
        let plain = [
            r#"{"id": "a", "type": "article-journal", "title": " T ", "volume": 5, "issue": "1",
               "author": [{"family": "Doe", "given": "J."}, {"literal": "ACME"}, 7, [1, {"b": 2}], {"family": " "},
                          {"dropping-particle": "van", "family": "Rijke", "non-dropping-particle": "de", "x": null}],
               "issued": {"date-parts": [["2020", 5, 1]]}, "page": "1-10", "DOI": "10.1/X", "note": "a; b",
               "zeta": {"a": [true, false, null, {}, []], "b": 1}, "title": "Second", "editor": {"family": "E"}}"#,
            r#"{"issued": {"date-parts": [[0, 0], [2019, 13, 40], [2020]]}, "accessed": {"date-parts": [[2020]]}}"#,
            r#"{"issued": {"date-parts": [[0, 5]]}, "title": "t"}"#,
            r#"{"issued": {"date-parts": [[2001, 2, 3, 4]]}}"#,
            r#"{"issued": {"date-parts": []}, "custom": {"links": [{"url": "u", "kind": "code"}, 1], "sources": 5}}"#,
            r#"{"issued": {"date-parts": [[1999]], "raw": "1999"}, "issued": 2001, "number": 0}"#,
            r#"{"issued": {"raw": "2005-06-02"}, "type": "article", "number": "arXiv:2001.00001"}"#,
            r#"{"custom": {"sources": [{"key": "k", "line": 3, "file": "x.bib", "other": [1]}], "arxiv": "2001.00001",
               "openreview": "abc", "x": {"b": 1, "a": 2}}, "type": "article"}"#,
            r#"{"custom": {"sources": [{"file": "x.bib", "line": 3}]}, "custom": {"arxiv": "1"}}"#,
            "  {}  ",
            r#"{"id": "w1", "title": "Ü ö — “q”", "author": [{"family": "Vöne", "given": "Seo-yeon"}]}"#,
        ];
        for text in plain {
            let (fast, warning) = read_plain(text, 4, &"x.json".into()).expect(text);
            let (general, general_warning) = read_general(text, 4, &"x.json".into()).unwrap();
            assert_eq!(warning, general_warning, "{text}");
            assert_eq!(expanded(fast), general, "{text}");
        }
        // Outside the subset: serde_json's way.
        for text in [
            r#"{"title": "a \"q\""}"#,
            r#"{"volume": 1.5}"#,
            r#"{"volume": -1}"#,
            r#"{"volume": 01}"#,
            r#"{"author": [{"given": "J.", "family": "Doe"}]}"#,
            r#"{"zeta": {"b": 1, "a": 2}}"#,
            r#"{"custom": {"arxiv": "1", "arxiv": "2"}}"#,
            r#"{"custom": {"links": [{"url": "a", "url": "b"}]}}"#,
            r#"{"a": 1,}"#,
            r#"{"a": 1} x"#,
            "[1]",
        ] {
            assert!(read_plain(text, 1, &"x.json".into()).is_none(), "{text}");
        }
        // What the typed reading does not take goes through the Value.
        for text in [
            r#"{"author": [{"family": "A", "family": "B"}]}"#,
            "[1]",
            "5",
            r#"{"a": }"#,
        ] {
            assert!(
                read_item(text.as_bytes(), 1, &"x.json".into()).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_file_read_a_block_at_a_time_gives_what_its_text_gives() {
        let dir = std::env::temp_dir();
        let item = |k: usize| {
            format!("{{\"id\": \"k{k}\", \"type\": \"book\", \"title\": \"Title {k} \\\"q\\\" ]}}\", \"issued\": {{\"date-parts\": [[{}]]}}}}", 1900 + k % 100)
        };
        // 9,000 items (more than one batch) and one without a title.
        let mut text = String::from("\u{feff}[\n");
        for k in 0..9000 {
            text.push_str(&item(k));
            text.push_str(",\n");
        }
        text.push_str("{\"id\": \"none\"}\n]\n");
        for (name, text) in [
            ("publist-stream-ok.json", text.as_str()),
            (
                "publist-stream-bad.json",
                "[{\"id\": \"a\", \"title\": \"T\"},\n{\"id\" 1}]",
            ),
            (
                "publist-stream-object.json",
                "{\"id\": \"a\", \"title\": \"T\"}",
            ),
        ] {
            // Per process: other checkouts may run this test at the same time.
            let path = dir.join(format!("{}-{name}", std::process::id()));
            std::fs::write(&path, text).unwrap();
            for block in [7, 4096, 8 << 20] {
                let streamed = read_path_in_blocks(&path, name, block);
                let whole = read(text, name);
                match (streamed, whole) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}"),
                    (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}"),
                    (a, b) => panic!("{name}: {a:?} vs {b:?}"),
                }
            }
            std::fs::remove_file(&path).ok();
        }
    }

    #[test]
    fn a_record_leaves_out_what_the_typed_fields_write_back() {
        let text = r#"{"id": "a", "type": "book", "title": "T", "volume": 5, "issue": "2",
            "author": [{"family": "Doe", "given": "J."}, {"family": "Roe", "literal": "R"}],
            "editor": [{"family": "Ed", "given": "E."}], "issued": {"date-parts": [[2020, 5]]},
            "page": "1-10", "note": "a; b", "publisher-place": " Cham", "edition": "2"}"#;
        let (mut r, _) = read_plain(text, 1, &"x.json".into()).unwrap();
        let Some(Original::CslJson(record)) = r.original.clone() else {
            panic!()
        };
        // A number, a name with a literal, a value with spaces stay.
        assert_eq!(
            record.as_json(),
            r#"{"author":[{"family":"Doe","given":"J."},{"family":"Roe","literal":"R"}],"edition":"2","id":"a","publisher-place":" Cham","type":"book","volume":5}"#
        );
        let (general, _) = read_general(text, 1, &"x.json".into()).unwrap();
        let Some(Original::CslJson(whole)) = &general.original else {
            panic!()
        };
        assert_eq!(parts::full_text(&record, &r), whole.as_json());
        // Serialized and read back, the record is what it was.
        let json = serde_json::to_string(&record).unwrap();
        assert!(json.contains("publist:reproduced"), "{json}");
        assert_eq!(serde_json::from_str::<CslRecord>(&json).unwrap(), record);
        // A changed title is left out: the typed field says it.
        r.title = "U".into();
        r.issued = None;
        let full = parts::full_text(&record, &r);
        assert!(
            !full.contains("\"title\"") && !full.contains("issued"),
            "{full}"
        );
        assert!(
            full.contains(r#""editor":[{"family":"Ed","given":"E."}]"#),
            "{full}"
        );
    }
}
