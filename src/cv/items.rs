//! Publication sections → items, on the blocks of any front end.
//!
//! Headings form a stack by level; the innermost heading that decides
//! (a publication heading or another section's) says whether the blocks
//! under it are read, and the headings in between give hints (a year, a
//! status, a kind). Within a publication section the items are the list
//! items (numbered, labelled, bulleted, `\item`, `\bibitem`, `<li>`), the
//! definitions of a definition list, or, when there is no list, the
//! paragraphs (and the entries of a paragraph that has one per line).
//! Everything else in a section is a continuation of the item above or, when
//! there is none, a warning: no line of a publication section is lost.

use super::blocks::{Block, BlockKind, Line, Marker};
use super::clean::{clean_line, finish};
use super::paragraphs::{split_entries, starts_like_reference};
use super::sections::Status;
use super::sections::{classify_heading, skipped_section, Heading};
use super::Syntax;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Location};

/// The publication section an item is listed under, with the hints its
/// headings give (hints, not facts: the item's own text wins).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    /// The kind the innermost heading that names one names.
    pub kind: Option<Kind>,
    /// The publication heading's title ("Journal Articles").
    pub title: String,
    /// The year of a year heading (`### 2024`) or definition term (`2017`) above the item.
    pub year: Option<i32>,
    /// The status a heading names ("In press").
    pub status: Option<Status>,
}

/// One item's lines, cleaned, with where it starts.
#[derive(Debug, Clone)]
pub(crate) struct RawItem {
    pub line: usize,
    pub number: Option<u32>,
    pub section: Section,
    /// Content lines as inline markdown (markers removed), one per source line.
    pub lines: Vec<String>,
    /// The item's source text, lines joined by `\n`.
    pub raw: String,
    /// The label as printed, without brackets or period: `J5`, `12`.
    pub label: Option<String>,
    /// The key of a `\bibitem{key}`.
    pub key: Option<String>,
    /// The source line of each entry of `lines`.
    pub line_numbers: Vec<usize>,
    /// The syntax the item was written in.
    #[allow(dead_code)] // for the field parser
    pub syntax: Syntax,
}

/// Whether an item's text reads like a reference at all: words and a year
/// (or a status that stands for one). Used for lists under no heading.
fn looks_like_reference(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let lower = text.to_lowercase();
    let year = text.as_bytes().windows(4).enumerate().any(|(i, w)| {
        (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
            && !text.as_bytes().get(i + 4).is_some_and(u8::is_ascii_digit)
            && !(i > 0 && text.as_bytes()[i - 1].is_ascii_digit())
    });
    let status = [
        "in press",
        "forthcoming",
        "submitted",
        "under review",
        "in review",
        "in preparation",
        "accepted",
    ]
    .iter()
    .any(|w| lower.contains(w));
    words >= 5 && (year || status)
}

/// A short paragraph that reads like no reference: a legend ("*Contributed
/// equally"), a date stamp, a remark. In a list without markers it is
/// reported, not read as an item.
fn is_remark(lines: &[Line]) -> bool {
    let text: String = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    text.split_whitespace().count() < 8 && !looks_like_reference(&text)
}

/// One entry of the heading stack.
struct Open {
    level: u8,
    heading: Heading,
}

/// What the headings above a block say.
enum Context {
    Publications(Section),
    Other,
    /// No heading decides: read only when the file has no publication heading.
    Undetermined(Section),
}

fn context(stack: &[Open]) -> Context {
    let mut section = Section {
        kind: None,
        title: String::new(),
        year: None,
        status: None,
    };
    let mut year_seen = false;
    let mut status_title = None;
    let mut decided = false;
    for open in stack.iter().rev() {
        match &open.heading {
            Heading::Year(y) if !year_seen && !decided => {
                section.year = *y;
                year_seen = true;
            }
            Heading::Other { .. } if !decided => return Context::Other,
            Heading::Publications {
                kind,
                status,
                title,
            } => {
                // Outer headings only fill in what inner ones left open.
                section.kind = section.kind.or(*kind);
                section.status = section.status.or(*status);
                if decided {
                    continue;
                }
                // A status heading ("In press") under "Journal Articles" keeps that title.
                if status.is_some() && kind.is_none() {
                    status_title.get_or_insert_with(|| title.clone());
                } else {
                    section.title = title.clone();
                    decided = true;
                }
            }
            _ => {}
        }
    }
    if decided {
        return Context::Publications(section);
    }
    match status_title {
        Some(title) => {
            section.title = title;
            Context::Publications(section)
        }
        None => Context::Undetermined(section),
    }
}

/// An item being collected.
struct Pending {
    item: RawItem,
    last_line: usize,
    depth: u8,
}

/// The items of one file, and the warnings for text they leave out.
struct Splitter<'a> {
    source: &'a str,
    text_lines: Vec<&'a str>,
    syntax: Syntax,
    items: Vec<RawItem>,
    diagnostics: Vec<Diagnostic>,
    current: Option<Pending>,
    last_number: Option<u32>,
}

impl<'a> Splitter<'a> {
    fn new(source: &'a str, text_lines: Vec<&'a str>, syntax: Syntax) -> Self {
        Splitter {
            source,
            text_lines,
            syntax,
            items: Vec::new(),
            diagnostics: Vec::new(),
            current: None,
            last_number: None,
        }
    }

    fn finish_item(&mut self) {
        if let Some(p) = self.current.take() {
            let mut item = p.item;
            let from = item.line.saturating_sub(1);
            let to = p.last_line.min(self.text_lines.len());
            let mut raw: Vec<&str> = self.text_lines.get(from..to).unwrap_or_default().to_vec();
            while raw.last().is_some_and(|l| l.trim().is_empty()) {
                raw.pop();
            }
            item.raw = raw.join("\n");
            self.items.push(item);
        }
    }

    fn start_item(&mut self, block: &Block, marker: Option<&Marker>, depth: u8, section: &Section) {
        self.finish_item();
        let (number, label, key) = match marker {
            Some(Marker::Number(n)) => (Some(*n), Some(n.to_string()), None),
            Some(Marker::Label(l)) => (None, Some(l.clone()), None),
            Some(Marker::Key { key, label }) => (None, label.clone(), Some(key.clone())),
            _ => (None, None, None),
        };
        if let (Some(n), Some(prev)) = (number, self.last_number) {
            // Counting up or down is no gap, nor is a repeated number (markdown lists all written `1.`).
            if n != prev + 1 && n + 1 != prev && n != prev {
                self.diagnostics.push(Diagnostic::warning(
                    Code::NumberGap,
                    Location::new(self.source, block.line()),
                    format!(
                        "item number {n} follows {prev} in \"{}\": an item may be missing",
                        section.title
                    ),
                ));
            }
        }
        self.last_number = number.or(self.last_number);
        let mut item = RawItem {
            line: block.line(),
            number,
            section: section.clone(),
            lines: Vec::new(),
            raw: String::new(),
            label,
            key,
            line_numbers: Vec::new(),
            syntax: self.syntax,
        };
        push_lines(&mut item, &block.lines);
        self.current = Some(Pending {
            last_line: last_line(block),
            item,
            depth,
        });
    }

    fn continue_item(&mut self, block: &Block) -> bool {
        match self.current.as_mut() {
            Some(p) => {
                push_lines(&mut p.item, &block.lines);
                p.last_line = p.last_line.max(last_line(block));
                true
            }
            None => false,
        }
    }

    fn stray(&mut self, block: &Block, section: &Section) {
        self.diagnostics.push(Diagnostic::warning(
            Code::StrayText,
            Location::new(self.source, block.line()),
            format!(
                "text in \"{}\" belongs to no item and was not read: \"{}\"",
                section.title,
                abbreviate(&finish(&block.text()))
            ),
        ));
    }

    /// The items of one run of blocks under the same headings.
    fn run(&mut self, blocks: &[Block], section: &Section) {
        // The text and markdown front ends hand over raw lines: clean them
        // here, where they count.
        let cleaned: Vec<Block>;
        let blocks = if matches!(self.syntax, Syntax::Text | Syntax::Markdown) {
            cleaned = blocks.iter().filter_map(clean_block).collect();
            &cleaned[..]
        } else {
            blocks
        };
        let marked = blocks.iter().any(
            |b| matches!(&b.kind, BlockKind::Item { marker, .. } if *marker != Marker::Bullet),
        );
        let listed = blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Item { .. }));
        let defined = blocks.iter().any(|b| b.kind == BlockKind::Definition);
        let mut term_year: Option<i32> = None;
        let mut pending_term: Option<Block> = None;
        for block in blocks {
            let mut sec = section.clone();
            if term_year.is_some() {
                sec.year = term_year;
            }
            // A term's year holds for the definitions below it, or for the
            // one item it labels (`\item[2018]`, `\cvitem{2018}{...}`).
            if matches!(block.kind, BlockKind::Item { .. }) {
                term_year = None;
            }
            match &block.kind {
                BlockKind::Item { marker, depth } => {
                    let starts = match marker {
                        Marker::Bullet if marked => starts_like_reference(&block.lines[0].text),
                        Marker::Bullet => self.current.as_ref().is_none_or(|p| *depth <= p.depth),
                        _ => true,
                    };
                    if starts || !self.continue_item(block) {
                        self.start_item(block, Some(marker), *depth, &sec);
                    }
                }
                BlockKind::Term => {
                    self.finish_item();
                    match term_years(&block.text()) {
                        Some(y) => term_year = y,
                        None => {
                            term_year = None;
                            pending_term = Some(block.clone());
                        }
                    }
                }
                BlockKind::Definition => {
                    let mut b = block.clone();
                    if let Some(term) = pending_term.take() {
                        let mut lines = term.lines;
                        lines.extend(b.lines);
                        b.lines = lines;
                    }
                    self.start_item(&b, None, 0, &sec);
                }
                BlockKind::Paragraph if listed || defined => {
                    if starts_like_reference(&block.lines[0].text) {
                        self.start_item(block, None, 0, &sec);
                    } else if !self.continue_item(block) {
                        self.stray(block, &sec);
                    }
                }
                BlockKind::Paragraph => {
                    self.finish_item();
                    for (i, entry) in split_entries(&block.lines).into_iter().enumerate() {
                        let mut b = Block::new(BlockKind::Paragraph, entry);
                        if i == 0 {
                            b.start = block.start;
                        }
                        if is_remark(&b.lines) {
                            self.finish_item();
                            self.stray(&b, &sec);
                        } else {
                            self.start_item(&b, None, 0, &sec);
                        }
                    }
                }
                BlockKind::Heading { .. } => {}
            }
            if let Some(term) = pending_term.as_ref() {
                if block.kind != BlockKind::Term && block.kind != BlockKind::Definition {
                    let term = term.clone();
                    pending_term = None;
                    self.stray(&term, &sec);
                }
            }
        }
        if let Some(term) = pending_term {
            self.stray(&term, section);
        }
        self.finish_item();
    }
}

/// A block of raw text lines, cleaned (`None` when nothing is left).
fn clean_block(block: &Block) -> Option<Block> {
    let lines: Vec<Line> = block
        .lines
        .iter()
        .map(|l| Line::new(l.no, clean_line(&l.text)))
        .filter(|l| !l.text.is_empty())
        .collect();
    if lines.is_empty() {
        return None;
    }
    let mut b = Block::new(block.kind.clone(), lines);
    b.start = block.start;
    Some(b)
}

/// At most 80 characters of a text, for a message.
fn abbreviate(s: &str) -> String {
    if s.chars().count() <= 80 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(80).collect::<String>())
    }
}

/// The year a definition term stands for: `Some(Some(2017))` for `2017`,
/// `Some(None)` for a span (`2015--17`), `None` for a term that is no date.
fn term_years(text: &str) -> Option<Option<i32>> {
    match classify_heading(text, false) {
        Some(Heading::Year(y)) => Some(y),
        _ => None,
    }
}

fn last_line(block: &Block) -> usize {
    block.lines.last().map_or(0, |l| l.no)
}

fn push_lines(item: &mut RawItem, lines: &[Line]) {
    for l in lines {
        item.lines.push(l.text.clone());
        item.line_numbers.push(l.no);
    }
}

/// A run: the blocks under one heading, and where that heading is.
struct Run<'b> {
    context: Context,
    blocks: &'b [Block],
}

/// Groups blocks into runs under the heading stack.
fn runs(blocks: &[Block]) -> (Vec<Run<'_>>, Vec<(usize, String)>, bool) {
    let mut stack: Vec<Open> = Vec::new();
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut any_publications = false;
    let mut start = 0;
    let mut i = 0;
    while i <= blocks.len() {
        let at_heading = i < blocks.len() && matches!(blocks[i].kind, BlockKind::Heading { .. });
        if at_heading || i == blocks.len() {
            if start < i {
                out.push(Run {
                    context: context(&stack),
                    blocks: &blocks[start..i],
                });
            }
            if i == blocks.len() {
                break;
            }
            let BlockKind::Heading { level } = blocks[i].kind else {
                unreachable!("checked above")
            };
            let heading = classify_heading(&blocks[i].text(), true).unwrap_or(Heading::Neutral);
            while stack.last().is_some_and(|o| o.level >= level) {
                stack.pop();
            }
            // A sub-section of a skipped one is part of it: reported with it.
            if let Heading::Other { title } = &heading {
                let nested = stack.last().is_some_and(|o| {
                    matches!(o.heading, Heading::Other { .. })
                        && (o.level + 1 == level || level == 7)
                });
                if !nested {
                    skipped.push((blocks[i].line(), title.clone()));
                }
            }
            any_publications |= matches!(heading, Heading::Publications { .. });
            stack.push(Open { level, heading });
            start = i + 1;
        }
        i += 1;
    }
    (out, skipped, any_publications)
}

/// Walks the blocks of a file and returns the items of its publication
/// sections, with warnings for text in them that belongs to no item, one
/// note per skipped section, and one when the file has no publication list.
pub(crate) fn split(
    blocks: &[Block],
    text: &str,
    source: &str,
    syntax: Syntax,
) -> (Vec<RawItem>, Vec<Diagnostic>) {
    let mut s = Splitter::new(source, text.lines().collect(), syntax);
    let (runs, skipped, any_publications) = runs(blocks);
    let mut headless = Vec::new();
    for run in &runs {
        s.last_number = None;
        match &run.context {
            Context::Publications(section) => s.run(run.blocks, section),
            Context::Undetermined(section) if !any_publications => {
                headless.push((run.blocks, section))
            }
            _ => {}
        }
    }
    // No publication heading: the file is read as one list when what it
    // lists reads like references.
    if !any_publications && !headless.is_empty() {
        let mut trial = Splitter::new(source, s.text_lines.clone(), syntax);
        for (blocks, section) in &headless {
            let mut section = (*section).clone();
            section.title = "Publications".into();
            trial.last_number = None;
            trial.run(blocks, &section);
        }
        let good = trial
            .items
            .iter()
            .filter(|i| looks_like_reference(&i.lines.join(" ")))
            .count();
        if good > 0 && good * 5 >= trial.items.len() * 3 {
            s.items = trial.items;
            s.diagnostics = trial.diagnostics;
        }
    }
    if s.items.is_empty() && text.lines().any(|l| !l.trim().is_empty()) {
        s.diagnostics.push(Diagnostic::warning(
            Code::NoPublicationList,
            Location::new(source, 1),
            "no publication list found: no section heading names publications, and the text does not read as a list of references",
        ));
    }
    for (line, title) in skipped {
        s.diagnostics.push(skipped_section(source, line, &title));
    }
    (s.items, s.diagnostics)
}
