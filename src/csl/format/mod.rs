//! The Formatter: bibliographies in any CSL style, with publist's own CSL
//! processor by default ([`super::Processor`]), hayagriva's engine on
//! request ([`Engine`]).

use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode};
use serde::{Deserialize, Serialize};

mod citations;
mod stream;

use super::markup::{html_escape, OutputFormat};
use crate::keys;
use crate::model::{Link, Person, Reference};

/// One formatted bibliography entry.
///
/// ```
/// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
/// use publist::csl::{load_style, Formatter};
/// let entry = &Formatter::new(load_style("ieee", None).unwrap()).bibliography(&refs)[0];
/// assert_eq!(entry.key, "bach2015pixel");
/// assert_eq!(entry.label.as_deref(), Some("[1]"));
/// assert!(entry.text.starts_with("S. Bach and W. Samek,"));
/// ```
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
    ///
    /// ```
    /// use publist::csl::FormattedEntry;
    /// let e = FormattedEntry { key: "k".into(), label: Some("[1]".into()), text: "S. Bach, “Title,” 2015.".into() };
    /// assert_eq!(e.line(), "[1] S. Bach, “Title,” 2015.");
    /// ```
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
/// let parsed = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"On Pixel-wise Explanations\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md");
/// let ieee = Formatter::new(load_style("ieee", None).unwrap());
/// let entries = ieee.bibliography(&parsed.references);
/// assert_eq!(entries[0].label.as_deref(), Some("[1]"));
/// assert_eq!(entries[0].text, "S. Bach and W. Samek, “On Pixel-wise Explanations,” PLoS ONE, vol. 10, no. 7, Art. no. e0130140, 2015.");
/// ```
#[derive(Debug, Clone)]
pub struct Formatter {
    pub(super) style: IndependentStyle,
    /// The caller's locales, or `None` for hayagriva's archive (decoded
    /// lazily: publist's processor decodes only the languages it needs).
    locales: Option<Vec<Locale>>,
    locale: Option<LocaleCode>,
    format: OutputFormat,
    engine: Engine,
    highlight: Vec<Person>,
    links: bool,
}

/// Which CSL processor renders.
///
/// ```
/// use publist::csl::{load_style, Engine, Formatter};
/// let refs = publist::cv::read("## Journal Articles\n1. Bach S (2015). \"Title\". In: *NeuroImage* 2:3-5\n", "cv.md").references;
/// let apa = Formatter::new(load_style("apa", None).unwrap());
/// assert_eq!(apa.bibliography(&refs)[0].text, "Bach, S. (2015). Title. NeuroImage, 2, 3–5.");
/// let old = apa.with_engine(Engine::Hayagriva);
/// assert_eq!(old.bibliography(&refs)[0].text, "Bach, S. (2015). Title. Neuroimage, 2, 3–5.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// publist's own processor ([`super::Processor`]), which follows citeproc-js.
    #[default]
    Publist,
    /// hayagriva's `BibliographyDriver`.
    Hayagriva,
}

/// A name that is not an [`Engine`].
///
/// ```
/// let e = "citeproc".parse::<publist::csl::Engine>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown engine 'citeproc' (publist or hayagriva)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown engine '{0}' (publist or hayagriva)")]
pub struct UnknownEngine(pub String);

impl std::str::FromStr for Engine {
    type Err = UnknownEngine;

    /// `publist` or `hayagriva`, in any case.
    ///
    /// ```
    /// use publist::csl::Engine;
    /// assert_eq!("Hayagriva".parse(), Ok(Engine::Hayagriva));
    /// assert_eq!("publist".parse(), Ok(Engine::Publist));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "publist" => Ok(Engine::Publist),
            "hayagriva" => Ok(Engine::Hayagriva),
            _ => Err(UnknownEngine(s.to_string())),
        }
    }
}

/// Frees the processor's items on all cores (a million took a second on one).
fn free_items(items: Vec<super::proc::ItemData>) {
    crate::parallel::map_consume(items, 4096, |_, item| drop(item));
}

impl Formatter {
    /// A formatter with hayagriva's locales, the style's default locale and plain text output.
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter};
    /// let f = Formatter::new(load_style("nature", None)?);
    /// assert_eq!(f.style().info.title.value, "Nature");
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn new(style: IndependentStyle) -> Self {
        Formatter {
            style,
            locales: None,
            locale: None,
            format: OutputFormat::Text,
            engine: Engine::Publist,
            highlight: Vec::new(),
            links: false,
        }
    }

    /// Renders with this processor (publist's own by default).
    ///
    /// ```
    /// use publist::csl::{load_style, Engine, Formatter};
    /// let f = Formatter::new(load_style("ieee", None).unwrap()).with_engine(Engine::Hayagriva);
    /// assert_eq!(f.engine(), Engine::Hayagriva);
    /// ```
    pub fn with_engine(mut self, engine: Engine) -> Self {
        self.engine = engine;
        self
    }

    /// The processor in use.
    ///
    /// ```
    /// use publist::csl::{load_style, Engine, Formatter};
    /// assert_eq!(Formatter::new(load_style("ieee", None).unwrap()).engine(), Engine::Publist);
    /// ```
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Uses these locales (see [`super::load_locales`]).
    ///
    /// ```
    /// use publist::csl::{load_locales, load_style, Formatter};
    /// let (locales, errors) = load_locales(None); // hayagriva's own
    /// assert!(errors.is_empty());
    /// let f = Formatter::new(load_style("apa", None)?).with_locales(locales);
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn with_locales(mut self, locales: Vec<Locale>) -> Self {
        self.locales = Some(locales);
        self
    }

    /// Renders in this locale (`de-DE`) instead of the style's default.
    ///
    /// ```
    /// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
    /// use publist::csl::{load_style, Formatter};
    /// let de = Formatter::new(load_style("ieee", None)?).with_locale("de-DE");
    /// assert!(de.bibliography(&refs)[0].text.contains("Nr. 7"), "{}", de.bibliography(&refs)[0].text);
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn with_locale(mut self, tag: &str) -> Self {
        self.locale = Some(LocaleCode(tag.to_string()));
        self
    }

    /// Renders to this markup.
    ///
    /// ```
    /// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
    /// use publist::csl::{load_style, Formatter, OutputFormat};
    /// let html = Formatter::new(load_style("ieee", None)?).with_format(OutputFormat::Html);
    /// assert!(html.bibliography(&refs)[0].text.contains("<i>PLoS ONE</i>"));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn with_format(mut self, format: OutputFormat) -> Self {
        self.format = format;
        self
    }

    /// Sets these people in bold (HTML `<b>`, Markdown `**`) wherever they
    /// are named, with all their name variants (see [`crate::cv::names`]);
    /// [`Formatter::cv`] and [`super::Page`] add their own.
    ///
    /// ```
    /// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
    /// use publist::csl::{load_style, Formatter, OutputFormat};
    /// let apa = Formatter::new(load_style("apa", None)?)
    ///     .with_format(OutputFormat::Markdown)
    ///     .with_highlight(publist::cv::names("Samek W"));
    /// assert!(apa.bibliography(&refs)[0].text.starts_with("Bach, S., & **Samek, W.** (2015)."));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn with_highlight(mut self, people: Vec<Person>) -> Self {
        self.highlight = people;
        self
    }

    /// Appends each work's links (code, demo, pages) to its entry, labelled
    /// by kind: `<a href>` in HTML, `[kind](url)` in Markdown, the URL in text.
    ///
    /// ```
    /// let refs = publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001. [Code](https://github.com/x/y)\n", "cv.md").references;
    /// use publist::csl::{load_style, Formatter, OutputFormat};
    /// let html = Formatter::new(load_style("apa", None)?).with_format(OutputFormat::Html).with_links(true);
    /// assert!(html.bibliography(&refs)[0].text.ends_with(" <a href=\"https://github.com/x/y\">code</a>"));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn with_links(mut self, links: bool) -> Self {
        self.links = links;
        self
    }

    /// The format entries are rendered in.
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter, OutputFormat};
    /// let f = Formatter::new(load_style("apa", None)?).with_format(OutputFormat::Html);
    /// assert_eq!(f.format(), OutputFormat::Html);
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn format(&self) -> OutputFormat {
        self.format
    }

    /// The people [`Formatter::with_highlight`] set in bold.
    pub(super) fn highlighted(&self) -> &[Person] {
        &self.highlight
    }

    /// Whether [`Formatter::with_links`] asked for links.
    pub(super) fn links_on(&self) -> bool {
        self.links
    }

    /// The style.
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter};
    /// let f = Formatter::new(load_style("apa", None)?);
    /// assert_eq!(f.style().info.title.value, "APA Style 7th edition");
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn style(&self) -> &IndependentStyle {
        &self.style
    }

    /// Formats the references as a bibliography, in the style's order.
    ///
    /// ```
    /// let cv = "## Journal Articles\n1. Samek W (2017). \"B\". In: *J* 1:1-9\n2. Bach S (2015). \"A\". In: *J* 2:3-5\n";
    /// let refs = publist::cv::read(cv, "cv.md").references;
    /// use publist::csl::{load_style, Formatter};
    /// let apa = Formatter::new(load_style("apa", None)?).bibliography(&refs);
    /// assert_eq!(apa[0].text, "Bach, S. (2015). A. J, 2, 3–5.");
    /// assert!(apa[1].text.starts_with("Samek, W. (2017)."));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn bibliography(&self, refs: &[Reference]) -> Vec<FormattedEntry> {
        self.render(&self.style, refs, &self.highlight, self.links)
    }

    /// The bibliography as one text in the formatter's markup: one entry per
    /// line in text (labels included, as citeproc-js prints them), one
    /// paragraph per entry in Markdown, and in HTML a list in citeproc-js's
    /// and pandoc's classes (`<div class="csl-bib-body">` with one
    /// `<div class="csl-entry">` per entry, its citation key as `id`).
    ///
    /// ```
    /// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
    /// use publist::csl::{load_style, Formatter, OutputFormat};
    /// let ieee = Formatter::new(load_style("ieee", None)?);
    /// assert!(ieee.bibliography_document(&refs).starts_with("[1] S. Bach and W. Samek,"));
    /// let html = ieee.with_format(OutputFormat::Html).bibliography_document(&refs);
    /// assert!(html.starts_with("<div class=\"csl-bib-body\">\n  <div class=\"csl-entry\" id=\"bach2015pixel\">[1] S. Bach and W. Samek,"));
    /// assert!(html.ends_with("</div>\n</div>\n"));
    /// # Ok::<(), publist::Error>(())
    /// ```
    ///
    /// A style without a bibliography (a citation-only style) gives the
    /// list of each reference's citation instead, as Zotero does (see
    /// [`Formatter::bibliography_or_citations`]).
    pub fn bibliography_document(&self, refs: &[Reference]) -> String {
        self.document(&self.bibliography_or_citations(refs))
    }

    /// Each reference's citation (see [`Formatter::citations`]) as one
    /// text, laid out as [`Formatter::bibliography_document`] lays out
    /// entries.
    ///
    /// ```
    /// let cv = "## Journal Articles\n1. Bach S and Samek W (2015). \"A\". In: *J* 2:3-5\n\
    ///           2. Bach S and Samek W (2015). \"B\". In: *J* 3:4-6\n";
    /// let refs = publist::cv::read(cv, "cv.md").references;
    /// use publist::csl::{load_style, Formatter};
    /// let apa = Formatter::new(load_style("apa", None)?);
    /// assert_eq!(apa.citations_document(&refs), "(Bach & Samek, 2015a)\n(Bach & Samek, 2015b)\n");
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn citations_document(&self, refs: &[Reference]) -> String {
        self.document(&self.citations(refs))
    }

    /// The document of `entries`, laid out as [`stream::Document`] writes it.
    fn document(&self, entries: &[FormattedEntry]) -> String {
        let mut out = Vec::with_capacity(entries.iter().map(|e| e.text.len() + 8).sum());
        // A Vec takes every write.
        let _ = (|| {
            let mut doc = stream::Document::open(&mut out, self.format)?;
            entries.iter().try_for_each(|e| doc.entry(e))?;
            doc.close()
        })();
        // Every piece written is a `str`.
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Renders `refs`; highlights `highlight` and appends links when asked,
    /// finding each entry's reference once by its key. Placeholder pages
    /// (`TBA`, [`crate::Pages::Placeholder`]) are not data and never print.
    pub(super) fn render(
        &self,
        style: &IndependentStyle,
        refs: &[Reference],
        highlight: &[Person],
        links: bool,
    ) -> Vec<FormattedEntry> {
        let keys = keys::assign(refs);
        let printable = printable(refs);
        let refs = printable.as_ref();
        if self.engine == Engine::Publist {
            return self.render_own(style, refs, &keys, highlight, links);
        }
        let locales: &[Locale] = match &self.locales {
            Some(l) => l,
            None => super::style::archived_locales(),
        };
        let by_key: std::collections::HashMap<&str, &Reference> =
            keys.iter().map(String::as_str).zip(refs).collect();
        let rendered = super::hayagriva::render(
            style,
            locales,
            self.locale.clone(),
            self.format,
            refs,
            &keys,
            highlight,
        );
        rendered
            .into_iter()
            .map(|(key, label, text)| {
                let mut entry = FormattedEntry { key, label, text };
                if let (true, Some(r)) = (links, by_key.get(entry.key.as_str())) {
                    self.append_links(&mut entry, &r.links);
                }
                entry
            })
            .collect()
    }

    /// [`Formatter::render`] with publist's processor.
    fn render_own(
        &self,
        style: &IndependentStyle,
        refs: &[Reference],
        keys: &[String],
        highlight: &[Person],
        links: bool,
    ) -> Vec<FormattedEntry> {
        let indexed: Vec<usize> = (0..refs.len()).collect();
        let items: Vec<super::proc::ItemData> = crate::parallel::map(&indexed, 512, |&i| {
            super::proc::ItemData::from_reference(&refs[i], &keys[i], i)
        });
        let links_of = |i: usize| refs[i].links.as_slice();
        self.render_items(style, &items, highlight, links.then_some(&links_of))
    }

    /// The entries of the processor's items (in the order of `refs`, item
    /// `i` of reference `i`), each with its reference's links when
    /// `links_of` gives them.
    fn render_items<'l>(
        &self,
        style: &IndependentStyle,
        items: &[super::proc::ItemData],
        highlight: &[Person],
        links_of: Option<&dyn Fn(usize) -> &'l [Link]>,
    ) -> Vec<FormattedEntry> {
        let mut entries = Vec::with_capacity(items.len());
        self.render_items_each(style, items, highlight, links_of, &mut |e| entries.push(e));
        entries
    }

    /// [`Formatter::render_items`], each entry given to `emit` in order.
    fn render_items_each<'l>(
        &self,
        style: &IndependentStyle,
        items: &[super::proc::ItemData],
        highlight: &[Person],
        links_of: Option<&dyn Fn(usize) -> &'l [Link]>,
        emit: &mut dyn FnMut(FormattedEntry),
    ) {
        let lang = self.locale.as_ref().map(|l| l.0.as_str());
        let archived;
        let locales = match &self.locales {
            Some(l) => l.as_slice(),
            None => {
                archived = super::style::archived_locales_for(&super::proc::language(style, lang));
                &archived
            }
        };
        let processor = super::Processor::new(style.clone(), locales, lang);
        let is_owner = |n: &super::proc::NameData| {
            let p = Person::from_parts(
                n.family().or(n.literal()).unwrap_or_default(),
                n.given(),
                n.ndp(),
                n.suffix(),
            );
            p.is_one_of(highlight)
        };
        let hl: Option<&(dyn Fn(&super::proc::NameData) -> bool + Sync)> =
            (!highlight.is_empty()).then_some(&is_owner);
        let index: std::collections::HashMap<&str, usize> = match links_of {
            Some(_) => items
                .iter()
                .enumerate()
                .map(|(i, it)| (it.id.as_str(), i))
                .collect(),
            None => Default::default(),
        };
        let mut emit = |e: super::proc::BibEntry| {
            let mut entry = FormattedEntry {
                label: e.label.map(|l| l.trim().to_string()),
                // The label and the text are joined by one space in `line`.
                text: trimmed_start(e.text),
                key: e.id,
            };
            if let (Some(links_of), Some(&i)) = (links_of, index.get(entry.key.as_str())) {
                self.append_links(&mut entry, links_of(i));
            }
            emit(entry);
        };
        // Every reference keeps its entry, even one the style prints as nothing.
        processor.bibliography_each(items, self.format, hl, true, &mut emit);
    }

    /// [`Formatter::bibliography_document`], taking the references: each
    /// is dropped as soon as the processor has its data, so that the
    /// references and the processor's items are never all held at once
    /// (the peak memory of a large list is about the larger of the two).
    ///
    /// ```
    /// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
    /// use publist::csl::{load_style, Formatter};
    /// let ieee = Formatter::new(load_style("ieee", None)?);
    /// assert_eq!(ieee.bibliography_document_owned(refs.clone()), ieee.bibliography_document(&refs));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn bibliography_document_owned(&self, refs: Vec<Reference>) -> String {
        if self.engine != Engine::Publist || !self.has_bibliography() {
            return self.bibliography_document(&refs);
        }
        let (items, links) = self.items_owned(refs);
        let links_of = |i: usize| links.get(i).map_or(&[][..], Vec::as_slice);
        let entries = self.render_items(
            &self.style,
            &items,
            &self.highlight,
            self.links.then_some(&links_of),
        );
        free_items(items);
        self.document(&entries)
    }

    /// [`Formatter::bibliography_document_owned`], written to `out` a
    /// block of entries at a time as they are rendered: neither all the
    /// entries nor the document are ever held (for a million APA entries
    /// about 330 MB as entries and 231 MB as one document).
    ///
    /// ```
    /// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
    /// use publist::csl::{load_style, Formatter, OutputFormat};
    /// for format in [OutputFormat::Text, OutputFormat::Html, OutputFormat::Markdown] {
    ///     let ieee = Formatter::new(load_style("ieee", None)?).with_format(format);
    ///     let mut out = Vec::new();
    ///     ieee.write_bibliography_owned(refs.clone(), &mut out)?;
    ///     assert_eq!(String::from_utf8(out)?, ieee.bibliography_document(&refs));
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_bibliography_owned(
        &self,
        refs: Vec<Reference>,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        if self.engine != Engine::Publist || !self.has_bibliography() {
            return out.write_all(self.bibliography_document(&refs).as_bytes());
        }
        let (items, links) = self.items_owned(refs);
        let links_of = |i: usize| links.get(i).map_or(&[][..], Vec::as_slice);
        let mut doc = stream::Document::open(out, self.format)?;
        let mut written = Ok(());
        let mut emit = |e: FormattedEntry| {
            // After an error the rest is not written (the error is returned).
            if written.is_ok() {
                written = doc.entry(&e);
            }
        };
        self.render_items_each(
            &self.style,
            &items,
            &self.highlight,
            self.links.then_some(&links_of),
            &mut emit,
        );
        written?;
        free_items(items);
        doc.close()
    }

    /// The processor's items of `refs` (and their links when asked), on all
    /// cores, each reference freed as its item is made, and the list's own
    /// memory given back as it empties ([`crate::parallel::map_consume`]:
    /// the list was held whole to the end, beside all the items, the peak of
    /// `format` at 10k items). The references once went a third at a time,
    /// the rest moved into a list of its own size after each third: that
    /// copied twice the list in all, in fresh pages, for no lower peak (1M
    /// items, `format --no-merge`: 1,867 against 1,652 MiB without it).
    fn items_owned(&self, refs: Vec<Reference>) -> (Vec<super::proc::ItemData>, Vec<Vec<Link>>) {
        let keys = keys::assign(&refs);
        let mut refs = refs;
        let links: Vec<Vec<Link>> = match self.links {
            true => refs
                .iter_mut()
                .map(|r| std::mem::take(&mut r.links))
                .collect(),
            false => Vec::new(),
        };
        let items = crate::parallel::map_consume(refs, 512, |k, mut r| {
            if has_placeholder_pages(&r) {
                r.pages = None;
            }
            super::proc::ItemData::from_reference(&r, &keys[k], k)
        });
        (items, links)
    }

    fn append_links(&self, entry: &mut FormattedEntry, links: &[Link]) {
        for link in links {
            let kind = link.kind.name();
            let rendered = match self.format {
                OutputFormat::Markdown => format!(" [{kind}]({})", link.url),
                OutputFormat::Html => format!(" <a href=\"{}\">{kind}</a>", html_escape(&link.url)),
                OutputFormat::Text => format!(" {}", link.url),
            };
            entry.text.push_str(&rendered);
        }
    }
}

/// `text` without leading white space (moved, not copied, when it has none).
fn trimmed_start(text: String) -> String {
    match text.trim_start() {
        t if t.len() == text.len() => text,
        t => t.to_string(),
    }
}

fn has_placeholder_pages(r: &Reference) -> bool {
    r.pages
        .as_ref()
        .is_some_and(crate::model::Pages::is_placeholder)
}

/// The reference without placeholder pages (`TBA`): they are no locator.
pub(super) fn without_placeholder_pages(r: &Reference) -> Reference {
    let mut r = r.clone();
    if has_placeholder_pages(&r) {
        r.pages = None;
    }
    r
}

/// The references as they print: without placeholder pages (`TBA`),
/// copied only when one has them.
fn printable(refs: &[Reference]) -> std::borrow::Cow<'_, [Reference]> {
    if refs.iter().any(has_placeholder_pages) {
        std::borrow::Cow::Owned(refs.iter().map(without_placeholder_pages).collect())
    } else {
        std::borrow::Cow::Borrowed(refs)
    }
}
