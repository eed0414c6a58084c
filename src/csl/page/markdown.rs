//! The page as a Markdown document or as plain text, and in any markup.

use super::Page;
use crate::csl::OutputFormat;

impl Page<'_> {
    /// The page in `format`: [`Page::to_html`], [`Page::to_markdown`] or [`Page::to_text`].
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter, OutputFormat, Page, PageOptions};
    /// let refs = publist::cv::read("## Preprints\n1. Bach S (2020). \"Later\". In: CoRR abs/2001.00001\n", "cv.md").references;
    /// let apa = Formatter::new(load_style("apa", None)?);
    /// let page = Page::new(&apa, &refs, PageOptions::default());
    /// assert_eq!(page.render(OutputFormat::Html), page.to_html());
    /// assert_eq!(page.render(OutputFormat::Text), page.to_text());
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn render(&self, format: OutputFormat) -> String {
        match format {
            OutputFormat::Html => self.to_html(),
            OutputFormat::Markdown => self.to_markdown(),
            OutputFormat::Text => self.to_text(),
        }
    }

    /// The page as plain text: each section's heading, a blank line and its
    /// entries one per line (number, entry, links as URLs), sections apart
    /// by a blank line; no title, chart or BibTeX.
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter, Page, PageOptions};
    /// let cv = "## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140. [Code](https://github.com/x/y)\n";
    /// let refs = publist::cv::read(cv, "cv.md").references;
    /// let apa = Formatter::new(load_style("apa", None)?);
    /// assert_eq!(
    ///     Page::new(&apa, &refs, PageOptions::default()).to_text(),
    ///     "Journal Articles\n\n1. Bach, S., & Samek, W. (2015). Pixel-wise. PLoS ONE, 10(7), Article e0130140. https://github.com/x/y\n"
    /// );
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (i, s) in self.sections(OutputFormat::Text).iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if !s.heading.is_empty() {
                out.push_str(&format!("{}\n\n", s.heading));
            }
            for e in &s.entries {
                if let Some(l) = &e.label {
                    out.push_str(l);
                    out.push(' ');
                }
                out.push_str(&e.text);
                for l in &e.links {
                    out.push(' ');
                    out.push_str(&l.url);
                }
                out.push('\n');
            }
        }
        out
    }

    /// The whole page as a Markdown document (CommonMark with inline HTML
    /// for anchors and the collapsed BibTeX, as GitHub and static site
    /// generators render it). Numbers are escaped so that no renderer
    /// renumbers them.
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter, GroupBy, Page, PageOptions};
    /// let refs = publist::cv::read("## Preprints\n1. Bach S (2020). \"Later\". In: CoRR abs/2001.00001\n", "cv.md").references;
    /// let apa = Formatter::new(load_style("apa", None)?);
    /// let options = PageOptions { group_by: GroupBy::Year, bibtex: None, ..PageOptions::default() };
    /// assert_eq!(
    ///     Page::new(&apa, &refs, options).to_markdown(),
    ///     "# Publications\n\n1 work, 2020.\n\n## 2020\n\n1\\. <a id=\"bach2020later\"></a>Bach, S. (2020). *Later* (arXiv:2001.00001). arXiv. [arXiv](https://arxiv.org/abs/2001.00001)\n"
    /// );
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let sections = self.sections(OutputFormat::Markdown);
        let mut out = format!("# {}\n", self.options.title);
        if !self.refs.is_empty() {
            out.push_str(&format!("\n{}.\n", self.summary()));
        }
        for s in &sections {
            if !s.heading.is_empty() {
                out.push_str(&format!("\n## {}\n", s.heading));
            }
            for e in &s.entries {
                out.push('\n');
                if let Some(l) = &e.label {
                    out.push_str(&markdown_escape(l));
                    out.push(' ');
                }
                out.push_str(&format!("<a id=\"{}\"></a>{}", e.key, e.text));
                for a in &e.awards {
                    out.push_str(&format!(" — *{}*", markdown_escape(a)));
                }
                let links: Vec<String> = e
                    .links
                    .iter()
                    .map(|l| format!("[{}]({})", l.label, l.url.replace(' ', "%20")))
                    .collect();
                if !links.is_empty() {
                    out.push_str(&format!(" {}", links.join(" · ")));
                }
                out.push('\n');
                if let Some(bib) = &e.bibtex {
                    out.push_str(&format!(
                        "\n<details><summary>BibTeX</summary>\n\n```bibtex\n{}```\n\n</details>\n",
                        bib
                    ));
                }
            }
        }
        out
    }
}

/// ASCII punctuation escaped with a backslash (CommonMark).
fn markdown_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
