//! The page as a Markdown document.

use super::Page;
use crate::csl::OutputFormat;

impl Page<'_> {
    /// The whole page as a Markdown document (CommonMark with inline HTML
    /// for anchors and the collapsed BibTeX, as GitHub and static site
    /// generators render it). Numbers are escaped so that no renderer
    /// renumbers them.
    pub fn to_markdown(&self) -> String {
        let sections = self.sections(OutputFormat::Markdown);
        let mut out = format!("# {}\n", self.options.title);
        let years = self.years();
        if let (Some(a), Some(b)) = (years.first(), years.last()) {
            let n = self.refs.len();
            out.push_str(&format!("\n{n} works, {}–{}.\n", a.0, b.0));
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
