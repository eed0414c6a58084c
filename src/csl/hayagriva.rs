//! hayagriva's engine ([`super::Engine::Hayagriva`]): our model as
//! `citationberg::json::Item`, the input hayagriva renders, and rendering with
//! its `BibliographyDriver`.
//!
//! The item is built from the same [`CslItem`] that `publist parse` prints,
//! so what is rendered is exactly what is exported: preprints as `article`
//! with `publisher: arXiv` and `number: arXiv:ID`, conference papers with the
//! proceedings as `container-title` (no duplicated event title), editors,
//! pages, DOI and URL.

use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::taxonomy::NameVariable;
use hayagriva::citationberg::{FontStyle, FontWeight, IndependentStyle, Locale, LocaleCode};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChild, ElemChildren, ElemMeta,
};

use super::markup::OutputFormat;
use crate::csl_json::{to_csl, CslItem};
use crate::model::{Person, Reference};

/// Converts a reference to a CSL-JSON item for rendering, with the given id.
///
/// ```
/// use publist::{Kind, Reference};
/// let mut r = Reference::new(Kind::Preprint, "DualView");
/// r.ids.arxiv = Some("2402.12118".parse().unwrap());
/// let item = publist::csl::to_item(&r, "k");
/// assert_eq!(item.type_().as_deref(), Some("article"));
/// ```
pub fn to_item(r: &Reference, id: &str) -> Item {
    item_from_csl(&to_csl(r, id))
}

/// Converts an exported CSL-JSON record; the `custom` object (publist's
/// provenance) is not a CSL variable and is left out.
///
/// ```
/// let parsed = publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001\n", "cv.md");
/// let csl = publist::csl_json::to_csl(&parsed.references[0], "k");
/// let item = publist::csl::item_from_csl(&csl);
/// assert_eq!(item.id().as_deref(), Some("k"));
/// assert_eq!(item.type_().as_deref(), Some("article"));
/// ```
pub fn item_from_csl(csl: &CslItem) -> Item {
    let mut value = serde_json::to_value(csl).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.remove("custom");
        // hayagriva reads no citeproc-js rich text (`<i>`, nocase spans):
        // it gets the plain text.
        for v in map.values_mut() {
            if let serde_json::Value::String(s) = v {
                if s.contains('<') {
                    *s = without_rich_text(s);
                }
            }
        }
    }
    // The typed variables of a CslItem are strings, name lists or dates,
    // which citationberg reads; the variables kept from a CSL-JSON input
    // (`CslItem::extra`) may be anything: one citationberg refuses is left
    // out, not the item.
    match serde_json::from_value(value.clone()) {
        Ok(item) => item,
        Err(_) => {
            let mut map = value.as_object().cloned().unwrap_or_default();
            map.retain(|k, v| {
                let one = serde_json::json!({ k.clone(): v.clone() });
                serde_json::from_value::<Item>(one).is_ok()
            });
            serde_json::from_value(serde_json::Value::Object(map))
                .unwrap_or_else(|_| Item(Default::default()))
        }
    }
}

/// `s` without citeproc-js's rich-text tags.
fn without_rich_text(s: &str) -> String {
    const TAGS: &[&str] = &[
        "<span class=\"nocase\">",
        "<span style=\"font-variant:small-caps;\">",
        "<span style=\"font-style:normal;\">",
        "</span>",
        "<i>",
        "</i>",
        "<b>",
        "</b>",
        "<sup>",
        "</sup>",
        "<sub>",
        "</sub>",
    ];
    let mut out = s.to_string();
    for t in TAGS {
        out = out.replace(t, "");
    }
    out
}

/// The bibliography of `refs` (with their `keys`) in hayagriva's engine, as
/// (key, label, text) in the style's order; the people in `highlight` in bold.
pub(super) fn render(
    style: &IndependentStyle,
    locales: &[Locale],
    locale: Option<LocaleCode>,
    format: OutputFormat,
    refs: &[Reference],
    keys: &[String],
    highlight: &[Person],
) -> Vec<(String, Option<String>, String)> {
    let items: Vec<_> = refs.iter().zip(keys).map(|(r, k)| to_item(r, k)).collect();
    let mut driver = BibliographyDriver::new();
    for item in &items {
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(item)],
            style,
            locale.clone(),
            locales,
            None,
        ));
    }
    let rendered = driver.finish(BibliographyRequest::new(style, locale, locales));
    let Some(bib) = rendered.bibliography else {
        return Vec::new();
    };
    let by_key: std::collections::HashMap<&str, &Reference> =
        keys.iter().map(String::as_str).zip(refs).collect();
    bib.items
        .into_iter()
        .map(|mut item| {
            if let (false, Some(r)) = (highlight.is_empty(), by_key.get(item.key.as_str())) {
                embolden_people(&mut item.content, r, highlight);
            }
            let label = item
                .first_field
                .map(|field| write(format, &ElemChildren(vec![field])));
            (item.key, label, write(format, &item.content))
        })
        .collect()
}

fn write(format: OutputFormat, children: &ElemChildren) -> String {
    let mut out = String::new();
    match format {
        OutputFormat::Text => {
            let _ = children.write_buf(&mut out, BufWriteFormat::Plain);
        }
        OutputFormat::Html => {
            let _ = children.write_buf(&mut out, BufWriteFormat::Html);
        }
        OutputFormat::Markdown => markdown(children, &mut out),
    }
    out.trim().to_string()
}

/// Sets the rendered names of highlighted people in bold: each name is an
/// element tagged with its variable and position in the reference's list.
fn embolden_people(children: &mut ElemChildren, r: &Reference, who: &[Person]) {
    for child in &mut children.0 {
        let ElemChild::Elem(e) = child else {
            continue;
        };
        if let Some(ElemMeta::Name(var, idx)) = &e.meta {
            let list = if *var == NameVariable::Editor {
                &r.editors
            } else {
                &r.authors
            };
            if list.get(*idx).is_some_and(|p| p.is_one_of(who)) {
                bold(&mut e.children);
                continue;
            }
        }
        embolden_people(&mut e.children, r, who);
    }
}

fn bold(children: &mut ElemChildren) {
    for child in &mut children.0 {
        match child {
            ElemChild::Text(t) => t.formatting.font_weight = FontWeight::Bold,
            ElemChild::Elem(e) => bold(&mut e.children),
            ElemChild::Link { text, .. } => text.formatting.font_weight = FontWeight::Bold,
            _ => {}
        }
    }
}

/// Markdown, by hand: hayagriva writes plain text, terminal colours and HTML only.
fn markdown(children: &ElemChildren, out: &mut String) {
    for child in &children.0 {
        match child {
            ElemChild::Text(t) => {
                let text: String = t
                    .text
                    .chars()
                    .flat_map(|c| {
                        let escape = matches!(c, '*' | '_' | '[' | ']' | '`' | '\\');
                        escape.then_some('\\').into_iter().chain(std::iter::once(c))
                    })
                    .collect();
                let (open, close) = match (t.formatting.font_style, t.formatting.font_weight) {
                    (FontStyle::Italic, FontWeight::Bold) => ("***", "***"),
                    (FontStyle::Italic, _) => ("*", "*"),
                    (_, FontWeight::Bold) => ("**", "**"),
                    _ => ("", ""),
                };
                // Emphasis cannot start or end on a space in Markdown.
                let trimmed = text.trim();
                if open.is_empty() || trimmed.is_empty() {
                    out.push_str(&text);
                } else {
                    let lead = &text[..text.len() - text.trim_start().len()];
                    let trail = &text[text.trim_end().len()..];
                    out.push_str(&format!("{lead}{open}{trimmed}{close}{trail}"));
                }
            }
            ElemChild::Elem(e) => markdown(&e.children, out),
            ElemChild::Markup(m) => out.push_str(m),
            ElemChild::Link { text, url } => out.push_str(&format!("[{}]({url})", text.text)),
            _ => {}
        }
    }
}
