//! Rendering bibliographies through hayagriva's CSL engine.

use hayagriva::citationberg::{FontStyle, FontWeight, IndependentStyle, Locale, LocaleCode};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChild, ElemChildren,
};
use serde::{Deserialize, Serialize};

use super::item::to_item;
use crate::keys;
use crate::model::Reference;

/// The output markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// Plain text.
    #[default]
    Text,
    /// HTML (`<i>`, `<b>`, links as `<a>`).
    Html,
    /// Markdown (`*italic*`, `**bold**`, links as `[text](url)`).
    Markdown,
}

/// One formatted bibliography entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormattedEntry {
    /// The citation key of the reference (see [`crate::keys`]).
    pub key: String,
    /// The numeric (or other first-field) label of styles that align it,
    /// such as `[1]` in IEEE; hayagriva returns it apart from the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The entry, without the label.
    pub text: String,
}

impl FormattedEntry {
    /// The label and the entry on one line, as citeproc-js prints them.
    pub fn line(&self) -> String {
        match &self.label {
            Some(l) => format!("{l} {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// Formats references in a CSL style.
///
/// ```
/// use publist::csl::{load_style, Formatter};
/// let parsed = publist::parse::cv("## Journal Articles\n1. Bach S and Samek W (2015). \"On Pixel-wise Explanations\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md");
/// let ieee = Formatter::new(load_style("ieee", None).unwrap());
/// let entries = ieee.bibliography(&parsed.references);
/// assert_eq!(entries[0].label.as_deref(), Some("[1]"));
/// assert_eq!(entries[0].text, "S. Bach and W. Samek, “On Pixel-wise Explanations,” PLoS ONE, vol. 10, no. 7, Art. no. e0130140, 2015.");
/// ```
#[derive(Debug, Clone)]
pub struct Formatter {
    style: IndependentStyle,
    locales: Vec<Locale>,
    locale: Option<LocaleCode>,
    format: OutputFormat,
}

impl Formatter {
    /// A formatter with hayagriva's locales, the style's default locale and plain text output.
    pub fn new(style: IndependentStyle) -> Self {
        Formatter {
            style,
            locales: hayagriva::archive::locales(),
            locale: None,
            format: OutputFormat::Text,
        }
    }

    /// Uses these locales (see [`super::load_locales`]).
    pub fn with_locales(mut self, locales: Vec<Locale>) -> Self {
        self.locales = locales;
        self
    }

    /// Renders in this locale (`de-DE`) instead of the style's default.
    pub fn with_locale(mut self, tag: &str) -> Self {
        self.locale = Some(LocaleCode(tag.to_string()));
        self
    }

    /// Renders to this markup.
    pub fn with_format(mut self, format: OutputFormat) -> Self {
        self.format = format;
        self
    }

    /// The style.
    pub fn style(&self) -> &IndependentStyle {
        &self.style
    }

    /// Formats the references as a bibliography, in the style's order.
    pub fn bibliography(&self, refs: &[Reference]) -> Vec<FormattedEntry> {
        let keys = keys::assign(refs);
        let items: Vec<_> = refs.iter().zip(&keys).map(|(r, k)| to_item(r, k)).collect();
        let mut driver = BibliographyDriver::new();
        for item in &items {
            driver.citation(CitationRequest::new(
                vec![CitationItem::with_entry(item)],
                &self.style,
                self.locale.clone(),
                &self.locales,
                None,
            ));
        }
        let rendered = driver.finish(BibliographyRequest::new(
            &self.style,
            self.locale.clone(),
            &self.locales,
        ));
        let Some(bib) = rendered.bibliography else {
            return Vec::new();
        };
        bib.items
            .into_iter()
            .map(|item| FormattedEntry {
                key: item.key,
                label: item.first_field.map(|f| self.write(&ElemChildren(vec![f]))),
                text: self.write(&item.content),
            })
            .collect()
    }

    fn write(&self, children: &ElemChildren) -> String {
        let mut out = String::new();
        match self.format {
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
