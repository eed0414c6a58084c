//! The publication page: one self-contained HTML5 document (UTF-8, embedded
//! CSS, no script, no external resource) or a Markdown document of the same
//! structure, for a researcher's website.
//!
//! Sections by kind or by year, entries in any CSL style newest first,
//! numbered with the style's labels or counting down (newest = highest), the
//! owner in bold, each entry with its links (DOI, arXiv, OpenReview, PDF,
//! code, demo, page) as links, an anchor, and a collapsed BibTeX entry to
//! copy; a small chart of works per year as inline SVG.
//!

use serde::{Deserialize, Serialize};

mod html;
mod markdown;

use super::cv::{group_by_kind, newest_first, CvGroup, CvOptions};
use super::format::{without_placeholder_pages, Formatter};
use super::markup::OutputFormat;
use crate::bib::{write_entry, Dialect, WriteOptions};
use crate::keys;
use crate::model::{LinkKind, NoteKind, Person, Reference};

/// How a page is divided into sections.
///
/// ```
/// use publist::csl::GroupBy;
/// assert_eq!("year".parse(), Ok(GroupBy::Year));
/// assert!("month".parse::<GroupBy>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// One section per group of kinds ([`PageOptions::groups`]).
    #[default]
    Kind,
    /// One section per year, newest first; undated works last.
    Year,
    /// One list.
    None,
}

/// How entries are numbered. Numbers count per section when grouping by
/// kind, across the page otherwise.
///
/// ```
/// use publist::csl::Numbering;
/// assert_eq!("reverse".parse(), Ok(Numbering::Reverse));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Numbering {
    /// The style's labels only (`[1]` in IEEE; none in APA).
    Style,
    /// 1, 2, 3 from the newest (in the shape of the style's label, if any).
    Forward,
    /// Counting down: the newest has the highest number.
    #[default]
    Reverse,
}

/// A value that is not one of a [`GroupBy`] or [`Numbering`].
///
/// ```
/// let e = "month".parse::<publist::csl::GroupBy>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown grouping 'month' (kind, year or none)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{value}' ({choices})")]
pub struct UnknownChoice {
    /// What was asked for.
    pub what: &'static str,
    /// The value given.
    pub value: String,
    /// The values there are.
    pub choices: &'static str,
}

impl std::str::FromStr for GroupBy {
    type Err = UnknownChoice;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "kind" | "type" => Ok(GroupBy::Kind),
            "year" => Ok(GroupBy::Year),
            "none" => Ok(GroupBy::None),
            _ => Err(UnknownChoice {
                what: "grouping",
                value: s.to_string(),
                choices: "kind, year or none",
            }),
        }
    }
}

impl std::str::FromStr for Numbering {
    type Err = UnknownChoice;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "style" => Ok(Numbering::Style),
            "forward" => Ok(Numbering::Forward),
            "reverse" => Ok(Numbering::Reverse),
            _ => Err(UnknownChoice {
                what: "numbering",
                value: s.to_string(),
                choices: "style, forward or reverse",
            }),
        }
    }
}

/// What a [`Page`] shows.
///
/// ```
/// use publist::csl::{GroupBy, Numbering, PageOptions};
/// let options = PageOptions { group_by: GroupBy::Year, highlight: publist::cv::names("Bach S"), ..PageOptions::default() };
/// assert_eq!(options.title, "Publications");
/// assert_eq!(options.numbering, Numbering::Reverse);
/// assert!(options.links && options.chart && options.bibtex.is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageOptions {
    /// The page's title and heading.
    pub title: String,
    /// How the page is divided into sections.
    pub group_by: GroupBy,
    /// The sections when grouping by kind (works of other kinds go to "Other").
    pub groups: Vec<CvGroup>,
    /// How entries are numbered.
    pub numbering: Numbering,
    /// People to set in bold, with all their name variants.
    pub highlight: Vec<Person>,
    /// Each entry's links (DOI, arXiv, OpenReview, code, ...) after it.
    pub links: bool,
    /// A collapsed .bib entry to copy under each entry, in this dialect.
    pub bibtex: Option<Dialect>,
    /// A chart of works per year (HTML, when the works span three years or more).
    pub chart: bool,
}

impl Default for PageOptions {
    fn default() -> Self {
        PageOptions {
            title: "Publications".to_string(),
            group_by: GroupBy::Kind,
            groups: CvOptions::default().groups,
            numbering: Numbering::Reverse,
            highlight: Vec::new(),
            links: true,
            bibtex: Some(Dialect::BibTex),
            chart: true,
        }
    }
}

impl PageOptions {
    /// The page of a CV: its sections, numbered as [`super::Formatter::cv`]
    /// numbers them, no BibTeX, no chart.
    ///
    /// ```
    /// use publist::csl::{CvOptions, Numbering, PageOptions};
    /// let page = PageOptions::cv(&CvOptions::default());
    /// assert_eq!(page.numbering, Numbering::Forward);
    /// assert!(page.bibtex.is_none() && !page.chart && !page.links);
    /// ```
    pub fn cv(options: &CvOptions) -> Self {
        PageOptions {
            groups: options.groups.clone(),
            numbering: if options.number {
                Numbering::Forward
            } else {
                Numbering::Style
            },
            highlight: options.highlight.clone(),
            links: options.links,
            bibtex: None,
            chart: false,
            ..PageOptions::default()
        }
    }
}

/// One section of a page.
///
/// ```
/// use publist::csl::{load_style, Formatter, OutputFormat, Page, PageOptions};
/// let cv = "## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140. [Code](https://github.com/x/y)\n";
/// let refs = publist::cv::read(cv, "cv.md").references;
/// let apa = Formatter::new(load_style("apa", None)?);
/// let sections = Page::new(&apa, &refs, PageOptions::default()).sections(OutputFormat::Html);
/// assert_eq!((sections[0].heading.as_str(), sections[0].id.as_str()), ("Journal Articles", "journal-articles"));
/// assert_eq!(sections[0].entries.len(), 1);
/// # Ok::<(), publist::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageSection {
    /// The heading (`Journal Articles`, `2025`); empty for [`GroupBy::None`].
    pub heading: String,
    /// The heading's anchor (`journal-articles`, `y2025`).
    pub id: String,
    /// The entries, newest first.
    pub entries: Vec<PageEntry>,
}

/// One entry of a page.
///
/// ```
/// use publist::csl::{load_style, Formatter, OutputFormat, Page, PageOptions};
/// let cv = "## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140. [Code](https://github.com/x/y)\n";
/// let refs = publist::cv::read(cv, "cv.md").references;
/// let apa = Formatter::new(load_style("apa", None)?);
/// let sections = Page::new(&apa, &refs, PageOptions::default()).sections(OutputFormat::Markdown);
/// let entry = &sections[0].entries[0];
/// assert_eq!((entry.key.as_str(), entry.label.as_deref(), entry.year), ("bach2015pixel", Some("1."), Some(2015)));
/// assert!(entry.text.starts_with("Bach, S., & Samek, W. (2015). Pixel-wise. *PLoS ONE*"));
/// assert!(entry.bibtex.as_deref().unwrap().starts_with("@article{bach2015pixel,"));
/// # Ok::<(), publist::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageEntry {
    /// The citation key, unique on the page: the entry's anchor.
    pub key: String,
    /// The label or number (`[3]`, `12.`), if any.
    pub label: Option<String>,
    /// The entry in the style, in the page's markup.
    pub text: String,
    /// The work's links, DOI and identifiers first.
    pub links: Vec<PageLink>,
    /// Awards and distinctions.
    pub awards: Vec<String>,
    /// The .bib entry, when asked for.
    pub bibtex: Option<String>,
    /// The year, if known.
    pub year: Option<i32>,
}

/// A link of an entry.
///
/// ```
/// use publist::csl::{load_style, Formatter, OutputFormat, Page, PageLink, PageOptions};
/// let cv = "## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140. [Code](https://github.com/x/y)\n";
/// let refs = publist::cv::read(cv, "cv.md").references;
/// let apa = Formatter::new(load_style("apa", None)?);
/// let sections = Page::new(&apa, &refs, PageOptions::default()).sections(OutputFormat::Text);
/// let code = PageLink { label: "Code".into(), url: "https://github.com/x/y".into() };
/// assert_eq!(sections[0].entries[0].links, [code]);
/// # Ok::<(), publist::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLink {
    /// What is shown: `DOI`, `arXiv`, `OpenReview`, `PDF`, `Code`, `Demo`, `Data`, `Page`.
    pub label: String,
    /// Where it points.
    pub url: String,
}

/// A publication page of references in a style.
///
/// ```
/// use publist::csl::{load_style, Formatter, Page, PageOptions};
/// let cv = "## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140. [Code](https://github.com/x/y)\n\
///           ## Preprints\n1. Bach S (2020). \"Later\". In: CoRR abs/2001.00001\n";
/// let refs = publist::cv::read(cv, "cv.md").references;
/// let apa = Formatter::new(load_style("apa", None)?);
/// let options = PageOptions { highlight: publist::cv::names("Bach S"), ..PageOptions::default() };
/// let page = Page::new(&apa, &refs, options);
/// let html = page.to_html();
/// assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
/// assert!(html.contains("<title>Publications</title>"));
/// assert!(html.contains("<li id=\"bach2015pixel\" value=\"1\">"));
/// assert!(html.contains("<a href=\"https://github.com/x/y\">Code</a>"));
/// assert!(html.contains("<a href=\"https://arxiv.org/abs/2001.00001\">arXiv</a>"));
/// assert!(html.contains("<b>Bach, S.</b>"));
/// assert!(html.contains("<summary>BibTeX</summary>"));
/// let md = page.to_markdown();
/// assert!(md.starts_with("# Publications\n"));
/// assert!(md.contains("\n## Journal Articles\n\n1\\. <a id=\"bach2015pixel\"></a>**Bach, S.**, & Samek, W. (2015)."), "{md}");
/// # Ok::<(), publist::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Page<'a> {
    formatter: &'a Formatter,
    refs: Vec<Reference>,
    options: PageOptions,
}

impl<'a> Page<'a> {
    /// The page of `refs` in the formatter's style and locale (its output
    /// markup is set aside: [`Page::to_html`] and [`Page::to_markdown`]
    /// choose). Placeholder pages (`TBA`) are left out: they are no data.
    pub fn new(formatter: &'a Formatter, refs: &[Reference], options: PageOptions) -> Self {
        Page {
            formatter,
            refs: refs.iter().map(without_placeholder_pages).collect(),
            options,
        }
    }

    /// Works per year, oldest first, every year between the first and the
    /// last (undated works are not counted).
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter, Page, PageOptions};
    /// let cv = "## Preprints\n1. A B (2020). \"X\". In: CoRR abs/2001.00001\n2. A B (2018). \"Y\". In: CoRR abs/1801.00001\n";
    /// let refs = publist::cv::read(cv, "cv.md").references;
    /// let apa = Formatter::new(load_style("apa", None)?);
    /// assert_eq!(Page::new(&apa, &refs, PageOptions::default()).years(), [(2018, 1), (2019, 0), (2020, 1)]);
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn years(&self) -> Vec<(i32, usize)> {
        let years: Vec<i32> = self.refs.iter().filter_map(Reference::year).collect();
        let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
            return Vec::new();
        };
        (first..=last)
            .map(|y| (y, years.iter().filter(|&&x| x == y).count()))
            .collect()
    }

    /// How many works over which years: `96 works, 2014–2025`, `1 work, 2020`.
    fn summary(&self) -> String {
        let n = self.refs.len();
        let years = self.years();
        let span = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a.0 != b.0 => format!(", {}–{}", a.0, b.0),
            (Some(a), _) => format!(", {}", a.0),
            _ => String::new(),
        };
        format!("{n} {}{span}", if n == 1 { "work" } else { "works" })
    }

    /// The sections with their entries rendered in `format`.
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter, GroupBy, OutputFormat, Page, PageOptions};
    /// let cv = "## Preprints\n1. A B (2020). \"X\". In: CoRR abs/2001.00001\n2. A B (2018). \"Y\". In: CoRR abs/1801.00001\n";
    /// let refs = publist::cv::read(cv, "cv.md").references;
    /// let ieee = Formatter::new(load_style("ieee", None)?);
    /// let options = PageOptions { group_by: GroupBy::Year, ..PageOptions::default() };
    /// let sections = Page::new(&ieee, &refs, options).sections(OutputFormat::Text);
    /// assert_eq!((sections[0].heading.as_str(), sections[0].id.as_str()), ("2020", "y2020"));
    /// assert_eq!(sections[0].entries[0].label.as_deref(), Some("[2]")); // counting down
    /// assert_eq!(sections[1].entries[0].label.as_deref(), Some("[1]"));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn sections(&self, format: OutputFormat) -> Vec<PageSection> {
        let formatter = self.formatter.clone().with_format(format);
        let style = formatter.unsorted_style();
        let highlight = formatter.highlight_with(&self.options.highlight);
        let keys = keys::assign(&self.refs);
        let groups = self.groups();
        let total = self.refs.len();
        let mut sections = Vec::new();
        let mut ids = std::collections::HashSet::new();
        let mut counted = 0;
        for (heading, members) in groups {
            let group_refs: Vec<Reference> =
                members.iter().map(|&i| self.refs[i].clone()).collect();
            let rendered = formatter.render(&style, &group_refs, &highlight, false);
            let local = keys::assign(&group_refs);
            let mut by_key: std::collections::HashMap<&str, _> =
                rendered.iter().map(|e| (e.key.as_str(), e)).collect();
            let (count, start) = match self.options.group_by {
                GroupBy::Kind => (members.len(), 0),
                _ => (total, counted),
            };
            let entries = members
                .iter()
                .enumerate()
                .map(|(p, &i)| {
                    let r = &self.refs[i];
                    let entry = by_key.remove(local[p].as_str());
                    let text = entry.map_or_else(|| r.title.clone(), |e| e.text.clone());
                    let style_label = entry.and_then(|e| e.label.clone());
                    let n = start + p + 1;
                    let shown = match self.options.numbering {
                        Numbering::Style => None,
                        Numbering::Forward => Some(n),
                        Numbering::Reverse => Some(count - n + 1),
                    };
                    PageEntry {
                        key: keys[i].clone(),
                        label: label(style_label, p + 1, shown),
                        text: match format {
                            OutputFormat::Html => html::linkify(&text),
                            _ => text,
                        },
                        links: if self.options.links {
                            links_of(r)
                        } else {
                            Vec::new()
                        },
                        awards: r
                            .notes
                            .iter()
                            .filter(|n| n.kind == NoteKind::Award)
                            .map(|n| n.text.clone())
                            .collect(),
                        bibtex: self.options.bibtex.map(|dialect| {
                            let options = WriteOptions {
                                dialect,
                                plain: true,
                                ..WriteOptions::default()
                            };
                            write_entry(r, &keys[i], &options)
                        }),
                        year: r.year(),
                    }
                })
                .collect();
            counted += members.len();
            let id = unique_id(&mut ids, &heading);
            sections.push(PageSection {
                heading,
                id,
                entries,
            });
        }
        sections
    }

    /// The indices of the references by section, in order.
    fn groups(&self) -> Vec<(String, Vec<usize>)> {
        let refs = &self.refs;
        match self.options.group_by {
            GroupBy::Kind => group_by_kind(refs, &self.options.groups),
            GroupBy::None => {
                let mut all: Vec<usize> = (0..refs.len()).collect();
                newest_first(refs, &mut all);
                vec![(String::new(), all)]
            }
            GroupBy::Year => {
                // Within a year, the order of the kinds' sections.
                let by_kind = group_by_kind(refs, &self.options.groups);
                let mut order = vec![0; refs.len()];
                for (rank, i) in by_kind.iter().flat_map(|(_, m)| m).enumerate() {
                    order[*i] = rank;
                }
                let mut years: Vec<Option<i32>> = refs.iter().map(Reference::year).collect();
                years.sort_by_key(|y| std::cmp::Reverse(y.unwrap_or(i32::MIN)));
                years.dedup();
                years
                    .into_iter()
                    .map(|y| {
                        let mut members: Vec<usize> =
                            (0..refs.len()).filter(|&i| refs[i].year() == y).collect();
                        members.sort_by_key(|&i| order[i]);
                        let heading = y.map_or_else(|| "Undated".to_string(), |y| y.to_string());
                        (heading, members)
                    })
                    .collect()
            }
        }
    }
}

/// The entry's label: the style's, renumbered when asked, or `N.`.
fn label(style_label: Option<String>, forward: usize, shown: Option<usize>) -> Option<String> {
    let Some(n) = shown else {
        return style_label;
    };
    match style_label {
        // A numeric label ("[3]", "3."): the same shape with the number shown.
        Some(l) if digits_run(&l) == Some(forward.to_string()) => {
            Some(l.replacen(&forward.to_string(), &n.to_string(), 1))
        }
        // Another kind of label ("[Bac15]") stays the style's.
        Some(l) => Some(l),
        None => Some(format!("{n}.")),
    }
}

fn digits_run(s: &str) -> Option<String> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    Some(
        s[start..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect(),
    )
}

/// The links of a reference: DOI, arXiv and OpenReview pages from its
/// identifiers, then its own links; each URL once, a second link of a kind
/// numbered (`Code 2`).
fn links_of(r: &Reference) -> Vec<PageLink> {
    let mut out: Vec<PageLink> = Vec::new();
    if let Some(doi) = &r.ids.doi {
        push_link(
            &mut out,
            "DOI",
            format!("https://doi.org/{}", doi_path(doi.as_str())),
        );
    }
    if let Some(id) = &r.ids.arxiv {
        push_link(
            &mut out,
            "arXiv",
            format!("https://arxiv.org/abs/{}", id.as_str()),
        );
    }
    if let Some(id) = &r.ids.openreview {
        let url = format!("https://openreview.net/forum?id={}", id.as_str());
        push_link(&mut out, "OpenReview", url);
    }
    for l in &r.links {
        let path = l.url.to_ascii_lowercase();
        let pdf = path
            .split(['?', '#'])
            .next()
            .is_some_and(|p| p.ends_with(".pdf"));
        let label = match l.kind {
            _ if pdf => "PDF",
            LinkKind::Code => "Code",
            LinkKind::Demo => "Demo",
            LinkKind::Arxiv => "arXiv",
            LinkKind::OpenReview => "OpenReview",
            LinkKind::Doi => "DOI",
            LinkKind::Resource => "Data",
            _ => "Page",
        };
        push_link(&mut out, label, l.url.clone());
    }
    out
}

fn push_link(out: &mut Vec<PageLink>, label: &str, url: String) {
    let key = |u: &str| u.trim_end_matches('/').replacen("http://", "https://", 1);
    if out.iter().any(|l| key(&l.url) == key(&url)) {
        return;
    }
    let same = out
        .iter()
        .filter(|l| l.label.split(' ').next() == Some(label))
        .count();
    let label = match same {
        0 => label.to_string(),
        n => format!("{label} {}", n + 1),
    };
    out.push(PageLink { label, url });
}

/// A DOI as a URL path: the characters doi.org asks to encode.
fn doi_path(doi: &str) -> String {
    let mut out = String::new();
    for c in doi.chars() {
        match c {
            '%' | '"' | '#' | '?' | ' ' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            _ => out.push(c),
        }
    }
    out
}

/// An id from a heading: `Journal Articles` → `journal-articles`, `2025` →
/// `y2025`; numbered when taken.
fn unique_id(taken: &mut std::collections::HashSet<String>, heading: &str) -> String {
    let mut slug = String::new();
    for c in heading.to_lowercase().chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let mut id = match slug.chars().next() {
        None => "all".to_string(),
        Some(c) if c.is_ascii_digit() => format!("y{slug}"),
        Some(_) => slug.to_string(),
    };
    let base = id.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_keep_the_style_shape() {
        assert_eq!(
            label(Some("[3]".into()), 3, Some(12)).as_deref(),
            Some("[12]")
        );
        assert_eq!(
            label(Some("[Bac15]".into()), 1, Some(9)).as_deref(),
            Some("[Bac15]")
        );
        assert_eq!(label(None, 1, Some(9)).as_deref(), Some("9."));
        assert_eq!(label(Some("[1]".into()), 1, None).as_deref(), Some("[1]"));
        assert_eq!(label(None, 1, None), None);
    }

    #[test]
    fn ids_are_slugs_and_unique() {
        let mut taken = std::collections::HashSet::new();
        assert_eq!(
            unique_id(&mut taken, "Journal Articles"),
            "journal-articles"
        );
        assert_eq!(
            unique_id(&mut taken, "Journal articles!"),
            "journal-articles-2"
        );
        assert_eq!(unique_id(&mut taken, "2025"), "y2025");
        assert_eq!(unique_id(&mut taken, ""), "all");
    }

    #[test]
    fn doi_urls_encode_what_doi_org_asks() {
        assert_eq!(doi_path("10.1002/(sici)1097#x"), "10.1002/(sici)1097%23x");
    }
}
