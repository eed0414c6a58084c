//! publist's own CSL 1.0.2 processor, on the styles and locales
//! `citationberg` parses.
//!
//! Written by hand because no crate does it as citeproc-js does:
//! hayagriva's engine (the only other one in Rust) keeps empty delimiters,
//! lowercases words with inner capitals in title case, leaks citation
//! disambiguation into the bibliography and renders sort keys inside its
//! comparator (issue 9 lists the differences). Here every sort key is
//! computed once per item, rendering is linear in the number of items, and
//! the output joins follow citeproc-js (duplicate punctuation collapsed,
//! punctuation moved into quotes where the locale says so).

mod cite;
mod collapse;
mod disambiguate;
mod eval;
mod input;
mod locale;
mod notefield;
mod ordinals;
mod output;
mod sort;
mod substitute;
mod vecmap;

use hayagriva::citationberg::taxonomy::{OtherTerm, StandardVariable, Term, Variable};
use hayagriva::citationberg::{
    IndependentStyle, LayoutRenderingElement, Locale, SubsequentAuthorSubstituteRule, TermForm,
    TextTarget, ToAffixes, ToFormatting,
};
use serde::{Deserialize, Serialize};

use eval::{decorate, Ctx, Disamb, Env, Mode};
pub(crate) use input::ItemData;
pub(crate) use input::NameData;
use locale::Locales;
use output::serialize::render;
use output::{is_empty, strip_marks, Markup, Node, Quotes};

/// One cite in a citation: the item and what the author adds to it.
///
/// ```
/// use publist::csl::Cite;
/// let cite = Cite { locator: Some("12".into()), ..Cite::new("doe2000") };
/// assert_eq!(cite.id, "doe2000");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cite {
    /// The item's id.
    pub id: String,
    /// A locator (`12`, `12-15`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// The locator's label (`page`, `chapter`, …); `page` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Text before the cite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Text after the cite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Leave the author out: the cite's first names output and the
    /// delimiter after it (`(2000)` for `(Doe, 2000)`).
    #[serde(default, rename = "suppress-author")]
    pub suppress_author: bool,
}

impl Cite {
    /// A cite of an item, with nothing added.
    ///
    /// ```
    /// let cite = publist::csl::Cite::new("doe2000");
    /// assert_eq!((cite.id.as_str(), cite.locator.as_deref()), ("doe2000", None));
    /// ```
    pub fn new(id: &str) -> Cite {
        Cite {
            id: id.to_string(),
            ..Default::default()
        }
    }
}

/// One bibliography entry.
///
/// ```
/// use publist::csl::{load_style, OutputFormat, Processor};
/// let p = Processor::new(load_style("ieee", None).unwrap(), &publist::hayagriva::archive::locales(), None);
/// let items = serde_json::json!([{"id": "x", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]}}]);
/// let entry = &p.bibliography(items.as_array().unwrap(), OutputFormat::Text)[0];
/// assert_eq!((entry.id.as_str(), entry.label.as_deref()), ("x", Some("[1]")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BibEntry {
    /// The item's id.
    pub id: String,
    /// The first field of styles with `second-field-align` (`[1]`).
    pub label: Option<String>,
    /// The entry (without the label when there is one).
    pub text: String,
}

/// publist's CSL processor: a style and its locales, ready to render.
///
/// ```
/// use publist::csl::{load_style, Processor};
/// let style = load_style("apa", None).unwrap();
/// let p = Processor::new(style, &publist::hayagriva::archive::locales(), None);
/// let items = serde_json::json!([{"id": "a", "type": "article-journal",
///     "title": "iNNvestigate neural networks!", "author": [{"family": "Alber", "given": "Maximilian"}],
///     "container-title": "Journal of Machine Learning Research", "volume": "20", "page": "1-8",
///     "issued": {"date-parts": [[2019]]}}]);
/// let bib = p.bibliography_text(items.as_array().unwrap());
/// assert_eq!(bib[0].text, "Alber, M. (2019). iNNvestigate neural networks! Journal of Machine Learning Research, 20, 1–8.");
/// ```
#[derive(Debug, Clone)]
pub struct Processor {
    style: IndependentStyle,
    locales: std::sync::Arc<LocalesHolder>,
    quotes: Quotes,
    explicit_year_suffix: bool,
    english: bool,
}

struct LocalesHolder(Locales);

impl std::fmt::Debug for LocalesHolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Locales({} locales)", self.0.chain.len())
    }
}

impl Processor {
    /// A processor for `style` with these locale files (the style's own
    /// `<locale>` elements come first), in `lang` or the style's default
    /// locale or `en-US`.
    ///
    /// ```
    /// use publist::csl::{load_style, Processor};
    /// let locales = publist::hayagriva::archive::locales();
    /// let de = Processor::new(load_style("apa", None).unwrap(), &locales, Some("de-DE"));
    /// let items = serde_json::json!([{"id": "x", "type": "book", "title": "T",
    ///     "author": [{"family": "Doe", "given": "J."}, {"family": "Roe", "given": "R."}], "issued": {"date-parts": [[2001]]}}]);
    /// assert_eq!(de.bibliography_text(items.as_array().unwrap())[0].text, "Doe, J., & Roe, R. (2001). T.");
    /// ```
    pub fn new(style: IndependentStyle, locales: &[Locale], lang: Option<&str>) -> Processor {
        let lang = language(&style, lang);
        let locales = Locales::for_style(&style, locales, &lang);
        let q = |t: OtherTerm, d: &str| {
            locales
                .term(Term::Other(t), TermForm::Long, false)
                .unwrap_or(d)
                .to_string()
        };
        let quotes = Quotes {
            open: q(OtherTerm::OpenQuote, "“"),
            close: q(OtherTerm::CloseQuote, "”"),
            open_inner: q(OtherTerm::OpenInnerQuote, "‘"),
            close_inner: q(OtherTerm::CloseInnerQuote, "’"),
            punctuation_in_quote: locales.punctuation_in_quote(),
        };
        Processor {
            explicit_year_suffix: uses_year_suffix(&style),
            english: lang.to_ascii_lowercase().starts_with("en"),
            style,
            locales: std::sync::Arc::new(LocalesHolder(locales)),
            quotes,
        }
    }

    /// The style.
    ///
    /// ```
    /// use publist::csl::{load_style, Processor};
    /// let p = Processor::new(load_style("nature", None).unwrap(), &[], None);
    /// assert_eq!(p.style().info.title.value, "Nature");
    /// ```
    pub fn style(&self) -> &IndependentStyle {
        &self.style
    }

    pub(super) fn env(&self) -> (&Locales, bool) {
        (&self.locales.0, self.explicit_year_suffix)
    }

    /// The bibliography of CSL-JSON items as plain text, in the style's order.
    ///
    /// ```
    /// use publist::csl::{load_style, Processor};
    /// let p = Processor::new(load_style("apa", None).unwrap(), &publist::hayagriva::archive::locales(), None);
    /// let items = serde_json::json!([
    ///     {"id": "b", "type": "book", "title": "Zebra", "author": [{"family": "Zed", "given": "A."}], "issued": {"date-parts": [[2001]]}},
    ///     {"id": "a", "type": "book", "title": "Apple", "author": [{"family": "Abel", "given": "B."}], "issued": {"date-parts": [[2002]]}}]);
    /// let ids: Vec<String> = p.bibliography_text(items.as_array().unwrap()).into_iter().map(|e| e.id).collect();
    /// assert_eq!(ids, ["a", "b"]); // sorted by author
    /// ```
    pub fn bibliography_text(&self, items: &[serde_json::Value]) -> Vec<BibEntry> {
        self.bibliography(items, OutputFormat::Text)
    }

    /// The bibliography of CSL-JSON items, in the style's order.
    ///
    /// ```
    /// use publist::csl::{load_style, OutputFormat, Processor};
    /// let p = Processor::new(load_style("ieee", None).unwrap(), &publist::hayagriva::archive::locales(), None);
    /// let items = serde_json::json!([{"id": "a", "type": "book", "title": "A Book",
    ///     "author": [{"family": "Doe", "given": "Jane"}], "publisher": "Pub", "issued": {"date-parts": [[2001]]}}]);
    /// let bib = p.bibliography(items.as_array().unwrap(), OutputFormat::Html);
    /// assert_eq!(bib[0].label.as_deref(), Some("[1]"));
    /// assert_eq!(bib[0].text, "J. Doe, <i>A Book</i>. Pub, 2001.");
    /// ```
    pub fn bibliography(&self, items: &[serde_json::Value], format: OutputFormat) -> Vec<BibEntry> {
        let data: Vec<ItemData> = items
            .iter()
            .enumerate()
            .map(|(i, v)| ItemData::from_json(v, i))
            .collect();
        self.bibliography_items(&data, format, None, false)
    }

    pub(crate) fn bibliography_items(
        &self,
        items: &[ItemData],
        format: OutputFormat,
        highlight: Option<&(dyn Fn(&NameData) -> bool + Sync)>,
        keep_empty: bool,
    ) -> Vec<BibEntry> {
        let mut out = Vec::with_capacity(items.len());
        self.bibliography_each(items, format, highlight, keep_empty, &mut |e| out.push(e));
        out
    }

    /// [`Processor::bibliography_items`], each entry given to `emit` in
    /// order as soon as its block of entries is rendered: the entries of a
    /// long list are never all held at once (a caller writes them out).
    pub(crate) fn bibliography_each(
        &self,
        items: &[ItemData],
        format: OutputFormat,
        highlight: Option<&(dyn Fn(&NameData) -> bool + Sync)>,
        keep_empty: bool,
        emit: &mut dyn FnMut(BibEntry),
    ) {
        let Some(bib) = &self.style.bibliography else {
            return;
        };
        let (locales, explicit) = self.env();
        let env = self.make_env(locales, explicit);
        let bib_inherit = self.style.settings.options.apply(&bib.name_options);
        let (order, numbers) = self.bib_order(items, &env);
        let disambiguate::Disambiguated {
            settings: disamb,
            reg,
        } = self.disambiguate(items, &order, &numbers, &env, false);
        // What the bibliography takes from the citations' disambiguation
        // (citeproc-js's getBibliographyEntries, disambig_override): with
        // disambiguate-add-givenname, the given names and (with
        // disambiguate-add-names) the names the citations show, where they
        // are more than the bibliography's et-al-use-first.
        let c = &self.style.citation;
        // (Made for each entry as it is rendered, not for all at once.)
        let request_of = |d: &Disamb| Disamb {
            names: if c.disambiguate_add_names {
                d.names.clone()
            } else {
                Vec::new()
            },
            givens: d.givens.clone(),
            ..Disamb::default()
        };
        let markup = format.markup();
        let layout = &bib.layout;
        // Entries render independently (on all cores); subsequent-author
        // substitution and serialisation follow in order.
        let render_entry = |i: usize| -> Rendered {
            let mut ctx = Ctx::new(
                &env,
                &items[i],
                None,
                Mode::Bibliography,
                bib_inherit.clone(),
                &disamb[i],
                Some(numbers[i]),
            );
            ctx.highlight = highlight.map(|h| h as &dyn Fn(&NameData) -> bool);
            let request = c.disambiguate_add_givenname.then(|| request_of(&disamb[i]));
            ctx.request = request.as_ref();
            ctx.reg = Some(&reg);
            if bib.second_field_align.is_some() {
                let mut first: Option<Vec<Node>> = None;
                let mut rest: Vec<Node> = Vec::new();
                for el in &layout.elements {
                    let r = ctx.element(el);
                    if is_empty(&r) {
                        continue;
                    }
                    if first.is_none() {
                        first = Some(r);
                    } else {
                        if let Some(d) = layout.delimiter.as_deref() {
                            rest.push(Node::text(d));
                        }
                        rest.extend(r);
                    }
                }
                (first, rest)
            } else {
                (None, ctx.seq(&layout.elements, layout.delimiter.as_deref()))
            }
        };
        let serialise = |i: usize, (label, body): Rendered| {
            // Marks go after the layout's affixes (a number's own suffix
            // is not merged with the layout's suffix).
            let text = if label.is_some() {
                // The layout's affixes: the prefix goes with the label, the suffix with the text.
                let mut b = body;
                if let Some(s) = layout.suffix.as_deref() {
                    let suffix = eval::suffix_node(&b, s);
                    b.push(suffix);
                }
                let f = layout.to_formatting();
                let b = decorate(b, &f, &Default::default(), None, false);
                render(&strip_marks(b), markup, &self.quotes)
            } else {
                // A suffix goes inside a display block that ends the entry,
                // unless a choose gave it (citeproc-js).
                let mut body = body;
                let mut affixes = layout.to_affixes();
                let last_is_choose = matches!(
                    layout.elements.last(),
                    Some(hayagriva::citationberg::LayoutRenderingElement::Choose(_))
                );
                if let Some(s) = affixes.suffix.as_deref().filter(|_| !last_is_choose) {
                    if output::suffix_into_last_block(&mut body, s) {
                        affixes.suffix = None;
                    }
                }
                let b = decorate(body, &layout.to_formatting(), &affixes, None, false);
                render(&strip_marks(b), markup, &self.quotes)
            };
            let label = label.map(|l| {
                let mut l = strip_marks(l);
                if let Some(p) = layout.prefix.as_deref() {
                    l.insert(0, Node::text(p));
                }
                render(&l, markup, &self.quotes)
            });
            (i, label, text)
        };
        let numeric = citation_prints_number(&self.style);
        // Subsequent-author substitution looks at the previous entry: it
        // runs in order, across blocks.
        let mut previous = substitute::Previous::default();
        let mut emitted = 0;
        for block in order.chunks(EMIT_BLOCK) {
            let serialised: Vec<(usize, Option<String>, String)> = if let Some(sub) =
                &bib.subsequent_author_substitute
            {
                let mut rendered = crate::parallel::map(block, PARALLEL_MIN, |&i| render_entry(i));
                for (_, body) in rendered.iter_mut() {
                    previous.substitute(body, sub, bib.subsequent_author_substitute_rule);
                }
                // Serialising is per entry again: on all cores.
                let jobs: Vec<(usize, Rendered)> = block.iter().copied().zip(rendered).collect();
                crate::parallel::map_owned(jobs, PARALLEL_MIN, |(i, r)| serialise(i, r))
            } else {
                // Each entry serialised as soon as it is rendered: no tree of
                // every entry is kept.
                crate::parallel::map(block, PARALLEL_MIN, |&i| serialise(i, render_entry(i)))
            };
            for (i, label, text) in serialised {
                if text.trim().is_empty() && label.is_none() && !keep_empty {
                    // citeproc-js leaves out entries that print nothing, except
                    // in a style whose citations print citation numbers.
                    if numeric {
                        emitted += 1;
                        emit(BibEntry {
                            id: items[i].id.clone(),
                            label: None,
                            text: format!(
                                "{emitted}. [CSL STYLE ERROR: reference with no printed form.]"
                            ),
                        });
                    }
                    continue;
                }
                // Beside a label (second-field-align) the text keeps a leading
                // space the style put there, as citeproc-js does.
                let text = if label.is_some() {
                    trimmed(text, str::trim_end)
                } else if format == OutputFormat::Html {
                    // citeproc-js's HTML entries keep the white space the style
                    // puts at their ends and the line breaks around display blocks.
                    text
                } else {
                    trimmed(text, str::trim)
                };
                emitted += 1;
                emit(BibEntry {
                    id: items[i].id.clone(),
                    label,
                    text,
                });
            }
        }
    }

    pub(super) fn make_env<'a>(&'a self, locales: &'a Locales, explicit: bool) -> Env<'a> {
        Env {
            style: &self.style,
            locales,
            macros: self
                .style
                .macros
                .iter()
                .map(|m| (m.name.as_str(), m))
                .collect(),
            explicit_year_suffix: explicit,
            english: self.english,
            marks_each_name: self.style.bibliography.as_ref().is_some_and(|b| {
                b.subsequent_author_substitute.is_some()
                    && b.subsequent_author_substitute_rule
                        != SubsequentAuthorSubstituteRule::CompleteAll
            }),
        }
    }
}

/// An entry before serialising: its label (second-field-align) and body.
type Rendered = (Option<Vec<Node>>, Vec<Node>);

/// Lists shorter than this render on one thread.
const PARALLEL_MIN: usize = 512;

/// Entries rendered at a time before they are given out (all cores busy,
/// few held). With 16,384 a 10k-item bibliography held every entry's text
/// at once (3.2 MB of a 17 MB heap peak, `format --style apa`); 2,048 is
/// still a part of 1,024 per core (2 cores), the same time at 100k.
const EMIT_BLOCK: usize = 2048;

/// `text` trimmed by `trim`, moved rather than copied when `trim` leaves it whole.
fn trimmed(text: String, trim: fn(&str) -> &str) -> String {
    match trim(&text) {
        t if t.len() == text.len() => text,
        t => t.to_string(),
    }
}

use super::markup::OutputFormat;

impl OutputFormat {
    fn markup(self) -> Markup {
        match self {
            OutputFormat::Text => Markup::Text,
            OutputFormat::Html => Markup::Html,
            OutputFormat::Markdown => Markup::Markdown,
        }
    }
}

/// The language a processor for `style` renders in: `lang`, else the
/// style's default locale, else `en-US`.
pub(crate) fn language(style: &IndependentStyle, lang: Option<&str>) -> String {
    lang.or(style.default_locale.as_ref().map(|l| l.0.as_str()))
        .unwrap_or("en-US")
        .to_string()
}

fn uses_year_suffix(style: &IndependentStyle) -> bool {
    // A citation label carries the year suffix too (citeproc-js sets
    // has_year_suffix for both: no implicit suffix after the year).
    any_element(style, &|e| {
        matches!(e, LayoutRenderingElement::Text(t)
            if matches!(&t.target, TextTarget::Variable { var, .. }
                if matches!(var, Variable::Standard(StandardVariable::YearSuffix | StandardVariable::CitationLabel))))
    })
}

/// The citation prints `citation-number` (itself or through its macros):
/// citeproc-js's update_mode NUMERIC.
fn citation_prints_number(style: &IndependentStyle) -> bool {
    fn walk(els: &[LayoutRenderingElement], style: &IndependentStyle, depth: u32) -> bool {
        depth < 20
            && els.iter().any(|e| match e {
                LayoutRenderingElement::Text(t) => match &t.target {
                    TextTarget::Variable { var, .. } => {
                        *var == Variable::Number(
                            hayagriva::citationberg::taxonomy::NumberVariable::CitationNumber,
                        )
                    }
                    TextTarget::Macro { name } => style
                        .macros
                        .iter()
                        .find(|m| m.name == *name)
                        .is_some_and(|m| walk(&m.children, style, depth + 1)),
                    _ => false,
                },
                LayoutRenderingElement::Group(g) => walk(&g.children, style, depth),
                LayoutRenderingElement::Choose(c) => {
                    c.branches().any(|b| walk(&b.children, style, depth))
                        || c.otherwise
                            .as_ref()
                            .is_some_and(|o| walk(&o.children, style, depth))
                }
                _ => false,
            })
    }
    walk(&style.citation.layout.elements, style, 0)
}

/// The style tests `disambiguate="true"` somewhere.
fn uses_disambiguate_condition(style: &IndependentStyle) -> bool {
    any_element(style, &|e| {
        matches!(e, LayoutRenderingElement::Choose(c)
            if c.branches().any(|b| b.disambiguate.is_some()))
    })
}

/// Some element of the style's layouts or macros (groups and branches
/// searched) satisfies `pred`.
fn any_element(style: &IndependentStyle, pred: &dyn Fn(&LayoutRenderingElement) -> bool) -> bool {
    fn walk(
        els: &[LayoutRenderingElement],
        pred: &dyn Fn(&LayoutRenderingElement) -> bool,
    ) -> bool {
        els.iter().any(|e| {
            pred(e)
                || match e {
                    LayoutRenderingElement::Group(g) => walk(&g.children, pred),
                    LayoutRenderingElement::Choose(c) => {
                        c.branches().any(|b| walk(&b.children, pred))
                            || c.otherwise
                                .as_ref()
                                .is_some_and(|o| walk(&o.children, pred))
                    }
                    _ => false,
                }
        })
    }
    walk(&style.citation.layout.elements, pred)
        || style
            .bibliography
            .as_ref()
            .is_some_and(|b| walk(&b.layout.elements, pred))
        || style.macros.iter().any(|m| walk(&m.children, pred))
}
