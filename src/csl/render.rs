//! Rendering bibliographies: publist's own CSL processor by default
//! ([`super::Processor`]), hayagriva's engine on request ([`Engine`]).

use hayagriva::citationberg::taxonomy::NameVariable;
use hayagriva::citationberg::{FontStyle, FontWeight, IndependentStyle, Locale, LocaleCode};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChild, ElemChildren, ElemMeta,
};
use serde::{Deserialize, Serialize};

use super::item::to_item;
use crate::keys::{self, fold};
use crate::model::{Kind, Person, Reference};

/// The output markup.
///
/// ```
/// let refs = publist::parse::cv("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
/// use publist::csl::{load_style, Formatter, OutputFormat};
/// let apa = Formatter::new(load_style("apa", None).unwrap());
/// let html = apa.clone().with_format(OutputFormat::Html).bibliography(&refs);
/// assert!(html[0].text.contains("<i>PLoS ONE</i>, <i>10</i>(7)"), "{}", html[0].text);
/// let md = apa.with_format(OutputFormat::Markdown).bibliography(&refs);
/// assert!(md[0].text.contains("*PLoS ONE*, *10*(7)"), "{}", md[0].text);
/// ```
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
///
/// ```
/// let refs = publist::parse::cv("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
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
/// let parsed = publist::parse::cv("## Journal Articles\n1. Bach S and Samek W (2015). \"On Pixel-wise Explanations\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md");
/// let ieee = Formatter::new(load_style("ieee", None).unwrap());
/// let entries = ieee.bibliography(&parsed.references);
/// assert_eq!(entries[0].label.as_deref(), Some("[1]"));
/// assert_eq!(entries[0].text, "S. Bach and W. Samek, “On Pixel-wise Explanations,” PLoS ONE, vol. 10, no. 7, Art. no. e0130140, 2015.");
/// ```
#[derive(Debug, Clone)]
pub struct Formatter {
    style: IndependentStyle,
    /// The caller's locales, or `None` for hayagriva's archive (decoded
    /// lazily: publist's processor decodes only the languages it needs).
    locales: Option<Vec<Locale>>,
    locale: Option<LocaleCode>,
    format: OutputFormat,
    engine: Engine,
}

/// Which CSL processor renders.
///
/// ```
/// use publist::csl::{load_style, Engine, Formatter};
/// let refs = publist::parse::cv("## Journal Articles\n1. Bach S (2015). \"Title\". In: *NeuroImage* 2:3-5\n", "cv.md").references;
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
    /// let refs = publist::parse::cv("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
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
    /// let refs = publist::parse::cv("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
    /// use publist::csl::{load_style, Formatter, OutputFormat};
    /// let html = Formatter::new(load_style("ieee", None)?).with_format(OutputFormat::Html);
    /// assert!(html.bibliography(&refs)[0].text.contains("<i>PLoS ONE</i>"));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn with_format(mut self, format: OutputFormat) -> Self {
        self.format = format;
        self
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
    /// let refs = publist::parse::cv(cv, "cv.md").references;
    /// use publist::csl::{load_style, Formatter};
    /// let apa = Formatter::new(load_style("apa", None)?).bibliography(&refs);
    /// assert_eq!(apa[0].text, "Bach, S. (2015). A. J, 2, 3–5.");
    /// assert!(apa[1].text.starts_with("Samek, W. (2017)."));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn bibliography(&self, refs: &[Reference]) -> Vec<FormattedEntry> {
        self.render(&self.style, refs, &[], false)
    }

    /// Formats the references as a CV: one section per group of kinds, in
    /// the order of `options.groups`, newest first within a section (the
    /// style's own sorting is set aside), numbered per section, with the
    /// people in `options.highlight` in bold (HTML and Markdown).
    ///
    /// ```
    /// use publist::csl::{load_style, CvOptions, Formatter, OutputFormat};
    /// let cv = "## Preprints\n1. Schwenk G and **Bach S** (2014). \"Anomalies\". In: CoRR abs/1409.8035\n\
    ///           ## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n\
    ///           2. Lapuschkin S and Samek W (2019). \"Clever Hans\". In: *Nature Communications* 10:1069\n";
    /// let refs = publist::parse::cv(cv, "cv.md").references;
    /// let apa = Formatter::new(load_style("apa", None).unwrap()).with_format(OutputFormat::Markdown);
    /// let options = CvOptions {
    ///     highlight: publist::parse::names("Lapuschkin S; Bach S"),
    ///     ..CvOptions::default()
    /// };
    /// let sections = apa.cv(&refs, &options);
    /// assert_eq!(sections[0].heading, "Journal Articles");
    /// assert_eq!(sections[0].entries[0].label.as_deref(), Some("1."));
    /// assert!(sections[0].entries[0].text.starts_with("**Lapuschkin, S.**, & Samek, W. (2019)."));
    /// assert!(sections[0].entries[1].text.starts_with("**Bach, S.**, & Samek, W. (2015)."));
    /// assert_eq!(sections[1].heading, "Preprints");
    /// ```
    pub fn cv(&self, refs: &[Reference], options: &CvOptions) -> Vec<CvSection> {
        let mut style = self.style.clone();
        if let Some(b) = style.bibliography.as_mut() {
            b.sort = None;
        }
        let mut sections = Vec::new();
        let mut placed = vec![false; refs.len()];
        let mut groups = options.groups.clone();
        groups.push(CvGroup {
            heading: "Other".to_string(),
            kinds: Vec::new(),
        });
        for (g, group) in groups.iter().enumerate() {
            let last = g + 1 == groups.len();
            let mut members: Vec<(usize, &Reference)> = refs
                .iter()
                .enumerate()
                .filter(|(i, r)| !placed[*i] && (last || group.kinds.contains(&r.kind)))
                .collect();
            if members.is_empty() {
                continue;
            }
            // Newest first; the input order among works of one year.
            members.sort_by_key(|(i, r)| (std::cmp::Reverse(r.year().unwrap_or(i32::MIN)), *i));
            for (i, _) in &members {
                placed[*i] = true;
            }
            let group_refs: Vec<Reference> = members.iter().map(|(_, r)| (*r).clone()).collect();
            let mut entries = self.render(&style, &group_refs, &options.highlight, options.links);
            if options.number {
                for (n, e) in entries.iter_mut().enumerate() {
                    if e.label.is_none() {
                        e.label = Some(format!("{}.", n + 1));
                    }
                }
            }
            sections.push(CvSection {
                heading: group.heading.clone(),
                entries,
            });
        }
        sections
    }

    /// Renders `refs`; highlights `highlight` and appends links when asked,
    /// finding each entry's reference once by its key.
    fn render(
        &self,
        style: &IndependentStyle,
        refs: &[Reference],
        highlight: &[Person],
        links: bool,
    ) -> Vec<FormattedEntry> {
        let keys = keys::assign(refs);
        if self.engine == Engine::Publist {
            return self.render_own(style, refs, &keys, highlight, links);
        }
        let items: Vec<_> = refs.iter().zip(&keys).map(|(r, k)| to_item(r, k)).collect();
        let locales: &[Locale] = match &self.locales {
            Some(l) => l,
            None => super::style::archived_locales(),
        };
        let mut driver = BibliographyDriver::new();
        for item in &items {
            driver.citation(CitationRequest::new(
                vec![CitationItem::with_entry(item)],
                style,
                self.locale.clone(),
                locales,
                None,
            ));
        }
        let rendered = driver.finish(BibliographyRequest::new(
            style,
            self.locale.clone(),
            locales,
        ));
        let Some(bib) = rendered.bibliography else {
            return Vec::new();
        };
        let by_key: std::collections::HashMap<&str, &Reference> =
            keys.iter().map(String::as_str).zip(refs).collect();
        bib.items
            .into_iter()
            .map(|mut item| {
                let r = by_key.get(item.key.as_str()).copied();
                if let (false, Some(r)) = (highlight.is_empty(), r) {
                    embolden_people(&mut item.content, r, highlight);
                }
                let mut entry = FormattedEntry {
                    label: item.first_field.map(|f| self.write(&ElemChildren(vec![f]))),
                    text: self.write(&item.content),
                    key: item.key,
                };
                if let (true, Some(r)) = (links, r) {
                    self.append_links(&mut entry, r);
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
            super::proc::ItemData::from_csl(&super::to_csl(&refs[i], &keys[i]), i)
        });
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
            let p = Person {
                family: n
                    .family
                    .clone()
                    .or_else(|| n.literal.clone())
                    .unwrap_or_default(),
                given: n.given.clone(),
                particle: n.ndp.clone(),
                suffix: n.suffix.clone(),
            };
            is_highlighted(&p, highlight)
        };
        let hl: Option<&(dyn Fn(&super::proc::NameData) -> bool + Sync)> =
            (!highlight.is_empty()).then_some(&is_owner);
        let by_key: std::collections::HashMap<&str, &Reference> =
            keys.iter().map(String::as_str).zip(refs).collect();
        processor
            // Every reference keeps its entry, even one the style prints as nothing.
            .bibliography_items(&items, self.format, hl, true)
            .into_iter()
            .map(|e| {
                let mut entry = FormattedEntry {
                    label: e.label.map(|l| l.trim().to_string()),
                    // The label and the text are joined by one space in `line`.
                    text: e.text.trim_start().to_string(),
                    key: e.id,
                };
                if let (true, Some(r)) = (links, by_key.get(entry.key.as_str())) {
                    self.append_links(&mut entry, r);
                }
                entry
            })
            .collect()
    }

    fn append_links(&self, entry: &mut FormattedEntry, r: &Reference) {
        for link in &r.links {
            let kind = link.kind.name();
            let rendered = match self.format {
                OutputFormat::Markdown => format!(" [{kind}]({})", link.url),
                OutputFormat::Html => format!(" <a href=\"{}\">{kind}</a>", html_escape(&link.url)),
                OutputFormat::Text => format!(" {}", link.url),
            };
            entry.text.push_str(&rendered);
        }
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

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One group of a CV: a heading and the kinds it lists.
///
/// ```
/// use publist::csl::{CvGroup, CvOptions};
/// use publist::Kind;
/// let options = CvOptions {
///     groups: vec![CvGroup { heading: "Papers".into(), kinds: vec![Kind::JournalArticle, Kind::ConferencePaper] }],
///     ..CvOptions::default()
/// };
/// assert_eq!(options.groups[0].kinds.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvGroup {
    /// The heading ("Journal Articles").
    pub heading: String,
    /// The kinds listed under it.
    pub kinds: Vec<Kind>,
}

/// How [`Formatter::cv`] lays out a CV.
///
/// ```
/// use publist::csl::CvOptions;
/// let options = CvOptions { highlight: publist::parse::names("Bach S"), links: true, ..CvOptions::default() };
/// assert_eq!(options.groups[0].heading, "Journal Articles");
/// assert!(options.number);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvOptions {
    /// The sections, in order; works of other kinds go to a final "Other".
    pub groups: Vec<CvGroup>,
    /// People to set in bold, with all their name variants (a former family
    /// name is another entry): family names compared folded, initials compatible.
    pub highlight: Vec<Person>,
    /// Number the entries of each section (`1.`, `2.`) when the style has no label.
    pub number: bool,
    /// Append each work's links (code, demo, pages), labelled by kind.
    pub links: bool,
}

impl Default for CvOptions {
    fn default() -> Self {
        let group = |heading: &str, kinds: &[Kind]| CvGroup {
            heading: heading.to_string(),
            kinds: kinds.to_vec(),
        };
        CvOptions {
            groups: vec![
                group("Journal Articles", &[Kind::JournalArticle]),
                group(
                    "Contributions to Conference Proceedings and Workshops",
                    &[Kind::ConferencePaper],
                ),
                group("Books", &[Kind::Book]),
                group("Book Chapters", &[Kind::Chapter]),
                group("Preprints", &[Kind::Preprint]),
                group("Theses", &[Kind::Thesis]),
                group("Patents", &[Kind::Patent]),
                group("Talks", &[Kind::Talk]),
            ],
            highlight: Vec::new(),
            number: true,
            links: false,
        }
    }
}

/// One section of a formatted CV.
///
/// ```
/// let refs = publist::parse::cv("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
/// use publist::csl::{load_style, CvOptions, Formatter};
/// let sections = Formatter::new(load_style("apa", None)?).cv(&refs, &CvOptions::default());
/// assert_eq!(sections.len(), 1);
/// assert_eq!(sections[0].heading, "Journal Articles");
/// assert_eq!(sections[0].entries[0].label.as_deref(), Some("1."));
/// # Ok::<(), publist::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvSection {
    /// The group's heading.
    pub heading: String,
    /// Its entries, newest first.
    pub entries: Vec<FormattedEntry>,
}

/// Whether `p` is one of `who`: the same folded family name and compatible initials.
fn is_highlighted(p: &Person, who: &[Person]) -> bool {
    let (family, initials) = (fold(&p.full_family()), p.initials());
    who.iter().any(|w| {
        let wi = w.initials();
        fold(&w.full_family()) == family
            && (wi.is_empty()
                || initials.is_empty()
                || wi.chars().next() == initials.chars().next())
    })
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
            if list.get(*idx).is_some_and(|p| is_highlighted(p, who)) {
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
