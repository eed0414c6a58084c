//! Writing CSL-JSON: the output contract of DESIGN.md.

use super::record::{CslCustom, CslDate, CslItem, CslLink, CslName, CslSource};
use crate::keys;
use crate::model::{Kind, LinkKind, Original, Person, Reference};

fn csl_type(kind: Kind) -> &'static str {
    match kind {
        Kind::JournalArticle => "article-journal",
        Kind::ConferencePaper => "paper-conference",
        Kind::Book => "book",
        Kind::Chapter => "chapter",
        Kind::Preprint => "article",
        Kind::Thesis => "thesis",
        Kind::Patent => "patent",
        Kind::Talk => "speech",
        _ => "document",
    }
}

fn csl_name(p: &Person) -> CslName {
    CslName {
        family: Some(p.family.clone()),
        given: p.given.clone(),
        dropping_particle: None,
        non_dropping_particle: p.particle.clone(),
        suffix: p.suffix.clone(),
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
        Some(Original::CslJson(record)) => super::carry::overlay(&mut item, r, &record.to_map()),
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
            r.publisher
                .clone()
                .or_else(|| Some("OpenReview".to_string())),
            r.article_number.clone(),
        )
    } else {
        (r.publisher.clone(), r.article_number.clone())
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
        container_title: r.container.clone(),
        collection_title: r.series.clone(),
        volume: r.volume.clone(),
        issue: r.issue.clone(),
        page: r.pages.as_ref().map(|p| p.to_csl()),
        number,
        publisher,
        publisher_place: r.place.clone(),
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
        custom: CslCustom {
            sources: r
                .sources
                .iter()
                .map(|s| CslSource {
                    file: s.at.source.clone(),
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
        },
    }
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
    /// Parts per block (printed at once, then written).
    const BLOCK: usize = 32;
    if refs.is_empty() {
        return out.write_all(b"[]");
    }
    let keys = keys::assign_ids(refs);
    // Each item as serde_json's pretty printer prints it inside the array:
    // indented by one level, after "[\n" or ",\n" (a newline in the text of
    // a value is written as `\n`, so every newline byte is the printer's).
    let print = |range: &std::ops::Range<usize>| -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(range.len() * 768);
        let mut item = Vec::with_capacity(1024);
        for i in range.clone() {
            buf.extend_from_slice(if i == 0 { b"\n  " } else { b",\n  " });
            item.clear();
            serde_json::to_writer_pretty(&mut item, &to_csl(&refs[i], &keys[i]))?;
            let mut lines = item.split(|&b| b == b'\n');
            if let Some(first) = lines.next() {
                buf.extend_from_slice(first);
            }
            for line in lines {
                buf.extend_from_slice(b"\n  ");
                buf.extend_from_slice(line);
            }
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
            out.write_all(&printed?)?;
        }
    }
    out.write_all(b"\n]")
}
