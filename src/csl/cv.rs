//! CV layout: sections by kind, newest first, numbered per section, the
//! owner highlighted.

use serde::{Deserialize, Serialize};

use super::format::{FormattedEntry, Formatter};
use super::markup::OutputFormat;
use super::style::IndependentStyle;
use crate::model::{Kind, Person, Reference};

impl Formatter {
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
    /// let refs = publist::cv::read(cv, "cv.md").references;
    /// let apa = Formatter::new(load_style("apa", None).unwrap()).with_format(OutputFormat::Markdown);
    /// let options = CvOptions {
    ///     highlight: publist::cv::names("Lapuschkin S; Bach S"),
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
        let style = self.unsorted_style();
        let highlight = self.highlight_with(&options.highlight);
        let links = options.links || self.links_on();
        group_by_kind(refs, &options.groups)
            .into_iter()
            .map(|(heading, members)| {
                let group_refs: Vec<Reference> = members.iter().map(|&i| refs[i].clone()).collect();
                let mut entries = self.render(&style, &group_refs, &highlight, links);
                if options.number {
                    for (n, e) in entries.iter_mut().enumerate() {
                        if e.label.is_none() {
                            e.label = Some(format!("{}.", n + 1));
                        }
                    }
                }
                CvSection { heading, entries }
            })
            .collect()
    }

    /// The CV as one document in the formatter's markup: headings and
    /// numbered entries in text, one line per entry; a whole HTML5 page or a
    /// Markdown document otherwise ([`super::Page`] with
    /// [`super::PageOptions::cv`]: sections by kind, the style's labels or
    /// `1.`, `2.`, links as links).
    ///
    /// ```
    /// use publist::csl::{load_style, CvOptions, Formatter, OutputFormat};
    /// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
    /// let apa = Formatter::new(load_style("apa", None)?);
    /// let text = apa.cv_document(&refs, &CvOptions::default());
    /// assert_eq!(text, "Journal Articles\n\n1. Bach, S., & Samek, W. (2015). Pixel-wise. PLoS ONE, 10(7), Article e0130140.\n");
    /// let html = apa.with_format(OutputFormat::Html).cv_document(&refs, &CvOptions::default());
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// assert!(html.contains("<h2 id=\"journal-articles\">Journal Articles"));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn cv_document(&self, refs: &[Reference], options: &CvOptions) -> String {
        if self.format() != OutputFormat::Text {
            let mut page_options = super::PageOptions::cv(options);
            page_options.links |= self.links_on();
            let page = super::Page::new(self, refs, page_options);
            return match self.format() {
                OutputFormat::Html => page.to_html(),
                _ => page.to_markdown(),
            };
        }
        let mut out = String::new();
        for (i, section) in self.cv(refs, options).iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&section.heading);
            out.push_str("\n\n");
            for entry in &section.entries {
                out.push_str(&entry.line());
                out.push('\n');
            }
        }
        out
    }

    /// The style without its bibliography sort: CV layouts order by date.
    pub(super) fn unsorted_style(&self) -> IndependentStyle {
        let mut style = self.style.clone();
        if let Some(b) = style.bibliography.as_mut() {
            b.sort = None;
        }
        style
    }

    /// The people [`Formatter::with_highlight`] set and `more`.
    pub(super) fn highlight_with(&self, more: &[Person]) -> Vec<Person> {
        let mut all = self.highlighted().to_vec();
        all.extend(more.iter().cloned());
        all
    }
}

/// The indices of `refs` by group, in the order of `groups` and then a final
/// "Other" for kinds no group lists; newest first within a group, the input
/// order among works of one year. Empty groups are left out.
pub(super) fn group_by_kind(refs: &[Reference], groups: &[CvGroup]) -> Vec<(String, Vec<usize>)> {
    let mut placed = vec![false; refs.len()];
    let mut out = Vec::new();
    let other = [CvGroup {
        heading: "Other".to_string(),
        kinds: Vec::new(),
    }];
    for (g, group) in groups.iter().chain(&other).enumerate() {
        let last = g == groups.len();
        let mut members: Vec<usize> = (0..refs.len())
            .filter(|&i| !placed[i] && (last || group.kinds.contains(&refs[i].kind)))
            .collect();
        if members.is_empty() {
            continue;
        }
        newest_first(refs, &mut members);
        for &i in &members {
            placed[i] = true;
        }
        out.push((group.heading.clone(), members));
    }
    out
}

/// Sorts indices of `refs` newest first (by year), stable.
pub(super) fn newest_first(refs: &[Reference], members: &mut [usize]) {
    members.sort_by_key(|&i| (std::cmp::Reverse(refs[i].year().unwrap_or(i32::MIN)), i));
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
/// let options = CvOptions { highlight: publist::cv::names("Bach S"), links: true, ..CvOptions::default() };
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
/// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
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
