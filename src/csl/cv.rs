//! CV layout: sections by kind, newest first, numbered per section, the
//! owner highlighted.

use serde::{Deserialize, Serialize};

use super::format::{FormattedEntry, Formatter};
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
