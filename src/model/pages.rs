//! Page locators.

use serde::{Deserialize, Serialize};

/// Where a work sits in its container: a page range, a single page or article
/// number, or text that is not a locator yet (`TBA`).
///
/// ```
/// let cv = "## Journal Articles\n1. Achtibat R, Dreyer M and Lapuschkin S (2023). \"From Attribution Maps to Human-understandable Explanations\". \
///           In: *Nature Machine Intelligence* 5(9):1006-1019. [Code](https://github.com/rachtibat/zennit-crp). Best Paper Award\n";
/// let r = &publist::cv::read(cv, "cv.md").references[0];
/// use publist::Pages;
/// assert_eq!(r.pages, Some(Pages::Range { first: "1006".into(), last: "1019".into() }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pages {
    /// `first–last`.
    Range {
        /// First page.
        first: String,
        /// Last page.
        last: String,
    },
    /// A single page.
    Single(String),
    /// A placeholder such as `TBA` or `in press`: no pages known yet.
    Placeholder(String),
}

impl Pages {
    /// Reads a page field as .bib, CSL-JSON and YAML write it: `1006-1019`,
    /// `1006--1019` and `1006–1019` are ranges; a page, an article number or
    /// anything else with digits (`e0130140`, `123-45, 50-60`) stays as
    /// written; words that stand for pages not known yet (`TBA`, `in press`)
    /// are placeholders. `None` for blank text. The one page parser of every
    /// reader.
    ///
    /// ```
    /// use publist::Pages;
    /// let range = Pages::Range { first: "1006".into(), last: "1019".into() };
    /// assert_eq!(Pages::parse("1006--1019"), Some(range.clone()));
    /// assert_eq!(Pages::parse(" 1006 – 1019 "), Some(range));
    /// assert_eq!(Pages::parse("e0130140"), Some(Pages::Single("e0130140".into())));
    /// assert_eq!(Pages::parse("1-4, 7-9"), Some(Pages::Single("1-4, 7-9".into())));
    /// assert_eq!(Pages::parse("xii-xv"), Some(Pages::Range { first: "xii".into(), last: "xv".into() }));
    /// assert_eq!(Pages::parse("TBA"), Some(Pages::Placeholder("TBA".into())));
    /// assert_eq!(Pages::parse("  "), None);
    /// ```
    pub fn parse(text: &str) -> Option<Pages> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        let roman = |c: char| "ivxlcdmIVXLCDM".contains(c);
        let locator_like = t.chars().any(|c| c.is_ascii_digit())
            || t.chars().filter(|c| c.is_alphanumeric()).all(roman);
        if is_placeholder_word(t) || !locator_like {
            return Some(Pages::Placeholder(t.to_string()));
        }
        let is_dash = |c: char| matches!(c, '-' | '–' | '—' | '‐' | '‑');
        let parts: Vec<&str> = t
            .split(is_dash)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        // One run of dashes between two parts, and nothing that lists more.
        let dash_runs = t
            .char_indices()
            .filter(|&(i, c)| is_dash(c) && !t[..i].ends_with(is_dash))
            .count();
        match parts.as_slice() {
            [first, last] if dash_runs == 1 && !t.contains([',', ';']) => Some(Pages::Range {
                first: first.to_string(),
                last: last.to_string(),
            }),
            _ => Some(Pages::Single(t.to_string())),
        }
    }

    /// The CSL form: `1006-1019`, `5`, or the placeholder text.
    ///
    /// ```
    /// use publist::Pages;
    /// assert_eq!(Pages::Range { first: "1006".into(), last: "1019".into() }.to_csl(), "1006-1019");
    /// assert_eq!(Pages::Placeholder("TBA".into()).to_csl(), "TBA");
    /// ```
    pub fn to_csl(&self) -> String {
        match self {
            Pages::Range { first, last } => format!("{first}-{last}"),
            Pages::Single(p) | Pages::Placeholder(p) => p.clone(),
        }
    }

    /// Whether this is a placeholder rather than real pages.
    ///
    /// ```
    /// use publist::Pages;
    /// assert!(Pages::Placeholder("in press".into()).is_placeholder());
    /// assert!(!Pages::Single("5".into()).is_placeholder());
    /// ```
    pub fn is_placeholder(&self) -> bool {
        matches!(self, Pages::Placeholder(_))
    }
}

/// Whether a token stands for pages not known yet (`TBA`, `TBD`,
/// `forthcoming`, `in press`), whatever its case, spaces and punctuation.
pub(crate) fn is_placeholder_word(token: &str) -> bool {
    let t = token.trim_matches(|c: char| c.is_ascii_punctuation());
    ["tba", "tbd", "forthcoming", "inpress"]
        .contains(&t.to_ascii_lowercase().replace(' ', "").as_str())
}
