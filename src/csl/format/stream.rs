//! A bibliography document written an entry at a time (the layout of
//! every document the formatter makes, held or streamed): the entries of a
//! long list need not all be held, nor the document.

use std::io::Write;

use super::FormattedEntry;
use crate::csl::markup::{html_escape, OutputFormat};

/// The document being written: what comes before the first entry is
/// written when it is opened, what comes after the last when it is closed.
pub(super) struct Document<'w> {
    out: &'w mut dyn Write,
    format: OutputFormat,
    entries: usize,
}

impl<'w> Document<'w> {
    pub(super) fn open(out: &'w mut dyn Write, format: OutputFormat) -> std::io::Result<Self> {
        if format == OutputFormat::Html {
            out.write_all(b"<div class=\"csl-bib-body\">\n")?;
        }
        Ok(Document {
            out,
            format,
            entries: 0,
        })
    }

    pub(super) fn entry(&mut self, e: &FormattedEntry) -> std::io::Result<()> {
        let out = &mut self.out;
        match self.format {
            OutputFormat::Text => {
                if let Some(l) = &e.label {
                    out.write_all(l.as_bytes())?;
                    out.write_all(b" ")?;
                }
                out.write_all(e.text.as_bytes())?;
                out.write_all(b"\n")?;
            }
            // Paragraphs, one blank line between them.
            OutputFormat::Markdown => {
                if self.entries > 0 {
                    out.write_all(b"\n\n")?;
                }
                out.write_all(e.line().as_bytes())?;
            }
            OutputFormat::Html => {
                let key = html_escape(&e.key);
                write!(out, "  <div class=\"csl-entry\" id=\"{key}\">")?;
                if let Some(l) = &e.label {
                    write!(out, "{l} ")?;
                }
                writeln!(out, "{}</div>", e.text)?;
            }
        }
        self.entries += 1;
        Ok(())
    }

    pub(super) fn close(self) -> std::io::Result<()> {
        match self.format {
            OutputFormat::Html => self.out.write_all(b"</div>\n"),
            OutputFormat::Markdown if self.entries > 0 => self.out.write_all(b"\n"),
            _ => Ok(()),
        }
    }
}
