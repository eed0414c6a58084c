//! The page as one HTML5 document: a fixed template around the entries the
//! CSL processor already escaped (written by hand: a template engine would
//! add a dependency for one page), embedded CSS, inline SVG, no script.

use super::{digits_run, Numbering, Page, PageEntry, PageSection};
use crate::csl::markup::html_escape;
use crate::csl::OutputFormat;

impl Page<'_> {
    /// The whole page as one HTML5 document: UTF-8, its title, embedded
    /// CSS (light and dark, narrow screens, print), no script; a heading
    /// with counts and links to the sections, the chart of works per year
    /// when the works span three years or more, then the sections as
    /// ordered lists (`<li id="KEY" value="N">`).
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter, Page, PageOptions};
    /// let refs = publist::cv::read("## Preprints\n1. Bach S (2020). \"Later\". In: CoRR abs/2001.00001\n", "cv.md").references;
    /// let ieee = Formatter::new(load_style("ieee", None)?);
    /// let html = Page::new(&ieee, &refs, PageOptions { title: "Bach & co".into(), ..PageOptions::default() }).to_html();
    /// assert!(html.contains("<title>Bach &amp; co</title>"));
    /// assert!(html.contains("<li id=\"bach2020later\" value=\"1\"><span class=\"label\">[1]</span>"));
    /// assert!(!html.contains("<script"));
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        let sections = self.sections(OutputFormat::Html);
        let title = html_escape(&self.options.title);
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"publist {}\">\n<title>{title}</title>\n\
             <style>\n{}</style>\n</head>\n<body>\n<header>\n<div class=\"intro\">\n<h1>{title}</h1>\n",
            env!("CARGO_PKG_VERSION"),
            PAGE_CSS
        );
        out.push_str(&self.summary_html(&sections));
        out.push_str("</div>\n");
        let years = self.years();
        if self.options.chart && years.len() >= 3 {
            out.push_str(&chart_svg(&years));
        }
        out.push_str("</header>\n<main>\n");
        for s in &sections {
            out.push_str("<section>\n");
            if !s.heading.is_empty() {
                out.push_str(&format!(
                    "<h2 id=\"{}\">{} <span class=\"count\">{}</span></h2>\n",
                    s.id,
                    html_escape(&s.heading),
                    s.entries.len()
                ));
            }
            let reversed = self.options.numbering == Numbering::Reverse;
            out.push_str(if reversed {
                "<ol reversed>\n"
            } else {
                "<ol>\n"
            });
            for e in &s.entries {
                out.push_str(&entry_html(e));
            }
            out.push_str("</ol>\n</section>\n");
        }
        out.push_str(
            "</main>\n<footer>Made with <a href=\"https://crates.io/crates/publist\">publist</a>.</footer>\n</body>\n</html>\n",
        );
        out
    }

    /// The counts and a table of contents.
    fn summary_html(&self, sections: &[PageSection]) -> String {
        let mut out = format!(
            "<p class=\"summary\">{}</p>\n",
            html_escape(&self.summary())
        );
        if sections.len() > 1 {
            out.push_str("<nav aria-label=\"Sections\"><ul>\n");
            for s in sections {
                out.push_str(&format!(
                    "<li><a href=\"#{}\">{}</a> <span class=\"count\">{}</span></li>\n",
                    s.id,
                    html_escape(&s.heading),
                    s.entries.len()
                ));
            }
            out.push_str("</ul></nav>\n");
        }
        out
    }
}

const PAGE_CSS: &str = include_str!("page.css");

fn entry_html(e: &PageEntry) -> String {
    let mut out = format!("<li id=\"{}\"", e.key);
    if let Some(n) = e.label.as_deref().and_then(digits_run) {
        out.push_str(&format!(" value=\"{n}\""));
    }
    out.push('>');
    if let Some(l) = &e.label {
        out.push_str(&format!("<span class=\"label\">{}</span>", html_escape(l)));
    }
    // A block: the processor's HTML may hold blocks of its own (display="block").
    out.push_str(&format!(
        "<div class=\"entry\"><div class=\"text\">{}",
        e.text
    ));
    for a in &e.awards {
        out.push_str(&format!(" <span class=\"award\">{}</span>", html_escape(a)));
    }
    out.push_str("</div>");
    out.push_str("\n<div class=\"links\">");
    for l in &e.links {
        out.push_str(&format!(
            "<a href=\"{}\">{}</a> ",
            html_escape(&l.url),
            html_escape(&l.label)
        ));
    }
    out.push_str(&format!(
        "<a class=\"anchor\" href=\"#{}\" title=\"Link to this entry\">#</a>",
        e.key
    ));
    if let Some(bib) = &e.bibtex {
        out.push_str(&format!(
            "\n<details><summary>BibTeX</summary><pre><code>{}</code></pre></details>",
            html_escape(bib.trim_end())
        ));
    }
    out.push_str("</div>");
    out.push_str("</div></li>\n");
    out
}

/// Wraps the URLs a style printed as text (`https://doi.org/...`) in links;
/// text inside tags and existing links is left alone.
pub(super) fn linkify(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut in_link = false;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = &rest[..end];
            if tag.starts_with("<a ") || tag == "<a>" {
                in_link = true;
            } else if tag == "</a>" {
                in_link = false;
            }
            out.push_str(tag);
            rest = &rest[end..];
            continue;
        }
        let text_end = rest.find('<').unwrap_or(rest.len());
        let (text, after) = rest.split_at(text_end);
        if in_link {
            out.push_str(text);
        } else {
            link_urls(text, &mut out);
        }
        rest = after;
    }
    out
}

fn link_urls(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(start) = ["https://", "http://"]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        out.push_str(&rest[..start]);
        let url_len = rest[start..]
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(rest.len() - start);
        let mut url = &rest[start..start + url_len];
        // Sentence punctuation after a URL is not part of it.
        while url.ends_with(['.', ',', ';', ':', ')']) {
            url = &url[..url.len() - 1];
        }
        out.push_str(&format!("<a href=\"{url}\">{url}</a>"));
        rest = &rest[start + url.len()..];
    }
    out.push_str(rest);
}

/// A bar chart of works per year, as inline SVG that needs no script.
fn chart_svg(years: &[(i32, usize)]) -> String {
    let (bar, gap, height) = (22usize, 6usize, 64usize);
    let max = years.iter().map(|y| y.1).max().unwrap_or(1).max(1);
    let width = years.len() * (bar + gap);
    let every = years.len().div_ceil(12);
    let mut out = format!(
        "<figure class=\"chart\">\n<svg viewBox=\"0 0 {width} {}\" width=\"{width}\" height=\"{}\" role=\"img\" aria-labelledby=\"chart-title\">\n<title id=\"chart-title\">Works per year</title>\n",
        height + 34,
        height + 34
    );
    for (i, &(year, count)) in years.iter().enumerate() {
        let h = (count * height).div_ceil(max);
        let x = i * (bar + gap) + gap / 2;
        let y = 14 + height - h;
        out.push_str(&format!(
            "<g><title>{year}: {count}</title><rect x=\"{x}\" y=\"{y}\" width=\"{bar}\" height=\"{h}\" rx=\"2\"/>"
        ));
        if count > 0 {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" class=\"n\">{count}</text>",
                x + bar / 2,
                y - 3
            ));
        }
        if i % every == 0 || i + 1 == years.len() {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" class=\"y\">{}</text>",
                x + bar / 2,
                height + 30,
                if years.len() > 8 {
                    format!("’{:02}", year.rem_euclid(100))
                } else {
                    year.to_string()
                }
            ));
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n<figcaption>Works per year</figcaption>\n</figure>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_urls_become_links_outside_tags_only() {
        assert_eq!(
            linkify("Title. <i>J</i>. https://doi.org/10.1/x."),
            "Title. <i>J</i>. <a href=\"https://doi.org/10.1/x\">https://doi.org/10.1/x</a>."
        );
        let linked = "<a href=\"https://a.org/\">https://a.org/</a>";
        assert_eq!(linkify(linked), linked);
    }
}
