//! Writing CSL-JSON: the output contract of DESIGN.md.

use std::borrow::Cow;

use super::canon;
use super::carry::clear;
use super::fast;
use super::fields::Fields;
use super::parts::{self, unchanged, PARTS};
use super::record::{csl_type, CslCustom, CslDate, CslItem, CslLink, CslName, CslSource};
use crate::keys;
use crate::model::{CslRecord, Kind, LinkKind, Original, Person, Reference};

fn csl_name(p: &Person) -> CslName {
    CslName {
        family: Some(p.family().to_string()),
        given: p.given().map(str::to_string),
        dropping_particle: None,
        non_dropping_particle: p.particle().map(str::to_string),
        suffix: p.suffix().map(str::to_string),
        literal: None,
    }
}

/// Converts one reference to a CSL-JSON item with the given id.
///
/// ```
/// use publist::{csl_json, Kind, Reference};
/// let mut r = Reference::new(Kind::Preprint, "DualView");
/// r.ids.arxiv = Some("2402.12118".parse().unwrap());
/// let item = csl_json::to_csl(&r, "yolcu2024dualview");
/// assert_eq!(item.kind, "article");
/// assert_eq!(item.publisher.as_deref(), Some("arXiv"));
/// assert_eq!(item.number.as_deref(), Some("arXiv:2402.12118"));
/// assert_eq!(item.custom.arxiv.as_deref(), Some("2402.12118"));
/// ```
pub fn to_csl(r: &Reference, id: &str) -> CslItem {
    let mut item = typed_item(r, id);
    match &r.original {
        Some(Original::CslJson(record)) => {
            super::carry::overlay(&mut item, r, &super::parts::full_map(record, r))
        }
        Some(Original::Bib(entry)) => super::from_bib::extend(&mut item, r, entry),
        _ => {}
    }
    item
}

/// The item as the typed fields give it.
fn typed_item(r: &Reference, id: &str) -> CslItem {
    let arxiv_preprint = r.kind == Kind::Preprint && r.ids.arxiv.is_some();
    let openreview_preprint =
        r.kind == Kind::Preprint && r.ids.arxiv.is_none() && r.ids.openreview.is_some();
    let (publisher, number) = if arxiv_preprint {
        (
            Some("arXiv".to_string()),
            r.ids.arxiv.as_ref().map(|a| format!("arXiv:{a}")),
        )
    } else if openreview_preprint {
        (
            Some(r.publisher.as_deref().unwrap_or("OpenReview").to_string()),
            r.article_number.as_deref().map(str::to_string),
        )
    } else {
        (
            r.publisher.as_deref().map(str::to_string),
            r.article_number.as_deref().map(str::to_string),
        )
    };
    let url = r
        .links
        .iter()
        .find(|l| !matches!(l.kind, LinkKind::Code | LinkKind::Resource | LinkKind::Demo))
        .map(|l| l.url.clone());
    let notes: Vec<&str> = r.notes.iter().map(|n| n.text.as_str()).collect();
    CslItem {
        id: id.to_string(),
        kind: csl_type(r.kind).to_string(),
        title: Some(r.title.clone()).filter(|t| !t.is_empty()),
        author: r.authors.iter().map(csl_name).collect(),
        editor: r.editors.iter().map(csl_name).collect(),
        issued: r.issued.map(|d| {
            let mut parts = vec![d.year];
            if let Some(m) = d.month {
                parts.push(i32::from(m));
                if let Some(day) = d.day {
                    parts.push(i32::from(day));
                }
            }
            CslDate {
                date_parts: vec![parts],
            }
        }),
        container_title: r.container.as_deref().map(str::to_string),
        collection_title: r.series.as_deref().map(str::to_string),
        volume: r.volume.as_deref().map(str::to_string),
        issue: r.issue.as_deref().map(str::to_string),
        page: r.pages.as_ref().map(|p| p.to_csl()),
        number,
        publisher,
        publisher_place: r.place.as_deref().map(str::to_string),
        doi: r.ids.doi.as_ref().map(|d| d.as_written().to_string()),
        isbn: (!r.ids.isbn.is_empty()).then(|| {
            r.ids
                .isbn
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        }),
        issn: r.ids.issn.as_ref().map(|i| i.to_string()),
        url,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
        extra: serde_json::Map::new(),
        custom: custom_of(r),
    }
}

/// publist's `custom` object of a reference.
fn custom_of(r: &Reference) -> CslCustom {
    CslCustom {
        sources: r
            .sources
            .iter()
            .map(|s| CslSource {
                file: s.at.source.to_string(),
                line: s.at.line,
                key: s.key.clone(),
            })
            .collect(),
        arxiv: r.ids.arxiv.as_ref().map(|a| a.to_string()),
        openreview: r.ids.openreview.as_ref().map(|o| o.to_string()),
        links: r
            .links
            .iter()
            .map(|l| CslLink {
                url: l.url.clone(),
                kind: l.kind,
            })
            .collect(),
    }
}

/// Prints what `to_csl` gives for a reference read from CSL-JSON, as
/// serde_json's pretty printer prints it inside the array (indented one
/// level), straight from the compact source record: the original's
/// variables are printed from its text, not parsed into a map and printed
/// again. `false` (nothing printed) for a record that is not compact.
fn print_carried(r: &Reference, id: &str, record: &CslRecord, buf: &mut Vec<u8>) -> bool {
    // The record's own variables; those it leaves to the typed fields are
    // put back below, where unchanged (what `parts::full_text` gives,
    // without printing and reading that text again).
    let text = record.as_json();
    // Plain JSON in one pass (the compact values it writes are the text's
    // own: the record is compact), else serde_json's way.
    let mut scratch = Vec::new();
    let mut plain = Vec::with_capacity(16);
    let (members, fields) = match fast::item(text, true, false, &mut scratch, &mut plain) {
        Some(fields) if plain.iter().all(|m| m.key != "custom") => {
            let members: Vec<(Cow<str>, &str)> = plain
                .iter()
                .map(|m| (Cow::Borrowed(m.key), &text[m.text.clone()]))
                .collect();
            (members, fields)
        }
        _ => {
            let Some(members) = split(text) else {
                return false;
            };
            // A record is written sorted; other text takes the map's way.
            if canon::sorted(&members)
                .iter()
                .enumerate()
                .any(|(k, &i)| k != i)
            {
                return false;
            }
            let Ok(fields) = Fields::of_text(text) else {
                return false;
            };
            (members, fields)
        }
    };
    let derived = super::read::reference_of(&fields);
    let mut changed: Vec<bool> = PARTS
        .iter()
        .map(|(p, _)| !unchanged(*p, r, &derived))
        .collect();
    // A part the record leaves out is unchanged while its typed value has
    // the hash it had when read; else it is as a variable the item lacks.
    let mut values = Vec::with_capacity(512);
    let mut put_back = Vec::new();
    for (k, at) in parts::put_back(record, r, &mut values) {
        changed[k] = false;
        put_back.extend(at.map(|at| (PARTS[k].1, at)));
    }
    let Ok(values) = std::str::from_utf8(&values) else {
        return false;
    };
    let put_back: Vec<(Cow<str>, &str)> = put_back
        .into_iter()
        .map(|(name, at)| (Cow::Borrowed(name), &values[at]))
        .collect();
    let part = |name: &str| PARTS.iter().position(|(_, n)| *n == name);
    // The original's type stands where the kind is unchanged (when a string).
    let mut kind = None;
    if part("type").is_some_and(|k| !changed[k]) {
        let original = members.iter().find(|(n, _)| n == "type");
        if let Some(Ok(t)) = original.map(|(_, v)| serde_json::from_str::<Cow<str>>(v)) {
            kind = Some(t);
        }
    }
    // The typed members (compact JSON): of what changed, as
    // `carry::overlay` leaves them; else the id and the type.
    let (typed_text, bare);
    let (typed, custom): (Vec<(Cow<str>, &str)>, String) = if changed.iter().any(|&c| c) {
        let mut item = typed_item(r, id);
        for ((p, _), c) in PARTS.iter().zip(&changed) {
            if !c {
                clear(&mut item, *p);
            }
        }
        if let Some(k) = kind {
            item.kind = k.into_owned();
        }
        let Ok(text) = serde_json::to_string(&item) else {
            return false;
        };
        typed_text = text;
        let Some(mut typed) = split(&typed_text) else {
            return false;
        };
        let Some((_, custom)) = typed.pop() else {
            return false;
        };
        let custom = custom.to_string();
        (typed, custom)
    } else {
        let Ok(custom) = serde_json::to_string(&custom_of(r)) else {
            return false;
        };
        let mut text = Vec::with_capacity(64);
        canon::string(id, &mut text);
        let at = text.len();
        canon::string(kind.as_deref().unwrap_or(csl_type(r.kind)), &mut text);
        let Ok(text) = String::from_utf8(text) else {
            return false;
        };
        bare = text;
        let (id, kind) = bare.split_at(at);
        (
            vec![(Cow::Borrowed("id"), id), (Cow::Borrowed("type"), kind)],
            custom,
        )
    };
    let mut carried: Vec<&(Cow<str>, &str)> = members
        .iter()
        .filter(|(n, _)| match part(n) {
            _ if n == "id" => false,
            Some(k) => !changed[k] && n != "type",
            None => true,
        })
        .chain(&put_back)
        .collect();
    if !put_back.is_empty() {
        // In the record's order (keys sorted and unique).
        carried.sort_by(|a, b| a.0.cmp(&b.0));
    }
    buf.push(b'{');
    let mut first = true;
    let custom = (Cow::Borrowed("custom"), custom.as_str());
    for (name, value) in typed.iter().chain(carried).chain(std::iter::once(&custom)) {
        buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
        first = false;
        canon::string(name, buf);
        buf.extend_from_slice(b": ");
        canon::pretty(value.as_bytes(), 2, buf);
    }
    buf.extend_from_slice(b"\n  }");
    true
}

/// Prints `to_csl`'s item with serde_json's pretty printer, indented one
/// level (`item` is scratch space).
fn print_typed(
    r: &Reference,
    id: &str,
    item: &mut Vec<u8>,
    buf: &mut Vec<u8>,
) -> std::io::Result<()> {
    item.clear();
    serde_json::to_writer_pretty(&mut *item, &to_csl(r, id))?;
    let mut lines = item.split(|&b| b == b'\n');
    if let Some(first) = lines.next() {
        buf.extend_from_slice(first);
    }
    for line in lines {
        buf.extend_from_slice(b"\n  ");
        buf.extend_from_slice(line);
    }
    Ok(())
}

/// The members of compact JSON text of an object, each value as its text.
fn split(text: &str) -> Option<Vec<(Cow<'_, str>, &str)>> {
    canon::compact_members(text).or_else(|| {
        let members = canon::members(text).ok()?;
        Some(members.into_iter().map(|(k, v)| (k, v.get())).collect())
    })
}

/// Converts references to a pretty-printed CSL-JSON array, with unique keys as ids.
///
/// ```
/// let parsed = publist::cv::read("## Books\n1. Longo L, editors (2024). \"XAI\". Springer, Cham\n", "cv.md");
/// let json = publist::csl_json::write(&parsed.references);
/// assert!(json.contains("\"type\": \"book\""));
/// assert!(json.contains("\"publisher-place\": \"Cham\""));
/// ```
pub fn write(refs: &[Reference]) -> String {
    let mut out = Vec::with_capacity(refs.len() * 512);
    // Writing plain structs of strings and numbers into memory cannot fail.
    if write_to(refs, &mut out).is_err() {
        return "[]".to_string();
    }
    String::from_utf8(out).unwrap_or_else(|_| "[]".to_string())
}

/// Writes what [`write()`] returns to `out`, a block of items at a time:
/// the items of a block are converted and printed on all cores, the blocks
/// written in order; no item list or text of the whole output is built
/// (wrap a file or standard output in a `BufWriter`).
///
/// ```
/// let parsed = publist::cv::read("## Books\n1. Longo L, editors (2024). \"XAI\". Springer, Cham\n", "cv.md");
/// let mut out = Vec::new();
/// publist::csl_json::write_to(&parsed.references, &mut out)?;
/// assert_eq!(String::from_utf8(out).unwrap(), publist::csl_json::write(&parsed.references));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_to(refs: &[Reference], mut out: impl std::io::Write) -> std::io::Result<()> {
    /// Items per part (one part is printed on one core into one buffer).
    const PART: usize = 256;
    /// Parts per block (printed at once, then written): two per core of
    /// the usual machine; more only holds more printed text at once (32
    /// parts held 12 MB, more than the references, of a 10k-item merge).
    const BLOCK: usize = 4;
    if refs.is_empty() {
        return out.write_all(b"[]");
    }
    let keys = keys::assign_ids(refs);
    // Each item as serde_json's pretty printer prints it inside the array:
    // indented by one level, after "[\n" or ",\n" (a newline in the text of
    // a value is written as `\n`, so every newline byte is the printer's).
    let spare = crate::parallel::Spare::new();
    let print = |range: &std::ops::Range<usize>| -> std::io::Result<Vec<u8>> {
        let mut buf = spare
            .take()
            .unwrap_or_else(|| Vec::with_capacity(range.len() * 768));
        buf.clear();
        let mut item = Vec::with_capacity(1024);
        for i in range.clone() {
            buf.extend_from_slice(if i == 0 { b"\n  " } else { b",\n  " });
            let r = &refs[i];
            if let Some(Original::CslJson(record)) = &r.original {
                let mark = buf.len();
                if print_carried(r, &keys[i], record, &mut buf) {
                    continue;
                }
                buf.truncate(mark);
            }
            print_typed(r, &keys[i], &mut item, &mut buf)?;
        }
        Ok(buf)
    };
    out.write_all(b"[")?;
    let parts: Vec<std::ops::Range<usize>> = (0..refs.len())
        .step_by(PART)
        .map(|start| start..(start + PART).min(refs.len()))
        .collect();
    for block in parts.chunks(BLOCK) {
        for printed in crate::parallel::map(block, 2, print) {
            let printed = printed?;
            out.write_all(&printed)?;
            spare.give(printed);
        }
    }
    out.write_all(b"\n]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Person};

    /// Records read from CSL-JSON, as read and as a merge or a user may
    /// change them: printed from their source record, each is what
    /// `to_csl` and serde_json print.
    #[test]
    fn records_printed_from_their_source_are_what_serde_prints() {
        let json = r#"[
          {"id": "a", "type": "article-journal", "title": "T \"q\" \u00e9", "volume": 5, "issue": "2",
           "author": [{"given": "J.", "family": "Doe"}, {"literal": "ACME"},
                      {"family": "Rijke", "non-dropping-particle": "de", "dropping-particle": "van"}],
           "issued": {"date-parts": [["2020", 5, 1]]}, "page": "1-10", "DOI": "10.1/X",
           "ISBN": "978-3-16-148410-0", "note": "a; b", "abstract": "x\ny", "zeta": {"b": 1, "a": []}},
          {"id": "b", "type": "article", "number": "arXiv:2001.00001", "publisher": "arXiv",
           "custom": {"sources": [{"file": "x.bib", "line": 3, "key": "k"}], "arxiv": "2001.00001",
                      "links": [{"url": "https://github.com/a/b", "kind": "code"}]},
           "URL": "https://example.org", "accessed": {"date-parts": [[2021, 2]]}},
          {"id": "c", "type": "legal_case", "title": "Aerotek v. N.L.R.B.", "authority": "Court", "number": "17-1"},
          {"id": "d", "type": 5, "title": "No type", "container-title": "  ", "editor": [{"family": "E"}]},
          {"id": "e", "title": "Bare"}
        ]"#;
        let parsed = super::super::read(json, "x.json").unwrap();
        let mut refs = parsed.references;
        let n = refs.len();
        for k in 0..n {
            let mut r = refs[k].clone();
            match k {
                0 => {
                    r.title = "Changed".into();
                    r.authors.push(Person::new("New", Some("A.")));
                }
                1 => {
                    r.kind = Kind::JournalArticle;
                    r.links.push(Link {
                        url: "https://doi.org/10.1/y".into(),
                        kind: LinkKind::classify("https://doi.org/10.1/y"),
                    });
                }
                2 => r.volume = Some("3".into()),
                3 => r.editors.clear(),
                _ => r.issued = Some(crate::model::Date::year(1999)),
            }
            refs.push(r);
        }
        let keys = keys::assign_ids(&refs);
        for (r, key) in refs.iter().zip(&keys) {
            let Some(Original::CslJson(record)) = &r.original else {
                panic!("read from CSL-JSON")
            };
            let (mut fast, mut slow, mut scratch) = (Vec::new(), Vec::new(), Vec::new());
            assert!(print_carried(r, key, record, &mut fast));
            print_typed(r, key, &mut scratch, &mut slow).unwrap();
            assert_eq!(
                String::from_utf8(fast).unwrap(),
                String::from_utf8(slow).unwrap()
            );
        }
    }
}
