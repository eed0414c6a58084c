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

/// `&`, `"`, `<` and `>` as HTML entities.
pub(crate) fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
