//! The output vocabulary of formatting: which markup entries are written in.

use serde::{Deserialize, Serialize};

/// The output markup.
///
/// ```
/// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
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

/// A name that is not an [`OutputFormat`].
///
/// ```
/// let e = "bogus".parse::<publist::csl::OutputFormat>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown output format 'bogus' (text, html or markdown)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown output format '{0}' (text, html or markdown)")]
pub struct UnknownOutputFormat(pub String);

impl std::str::FromStr for OutputFormat {
    type Err = UnknownOutputFormat;

    /// `text`, `html` or `markdown` (also `md`), in any case.
    ///
    /// ```
    /// use publist::csl::OutputFormat;
    /// assert_eq!("HTML".parse(), Ok(OutputFormat::Html));
    /// assert_eq!("md".parse(), Ok(OutputFormat::Markdown));
    /// assert!("yaml".parse::<OutputFormat>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(OutputFormat::Text),
            "html" => Ok(OutputFormat::Html),
            "markdown" | "md" => Ok(OutputFormat::Markdown),
            _ => Err(UnknownOutputFormat(s.to_string())),
        }
    }
}

/// `&`, `"`, `<` and `>` as HTML entities.
pub(crate) fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
