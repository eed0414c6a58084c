//! Markdown → blocks, with pulldown-cmark for the block structure
//! (ATX and setext headings, lists and their nesting, pandoc/PHP-style
//! definition lists, YAML front matter, HTML blocks and comments, code) and
//! source offsets for the lines. Each block's text is taken from its source
//! lines (markers removed; the items stage cleans those of publication
//! sections with [`clean_line`]): the source already is
//! the inline markdown the field parser reads.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::blocks::{leading_label, strip_bullet, Block, BlockKind, Blocks, Line, Marker};
use super::clean::clean_line;
use super::sections::{classify_line, strip_bold, Heading};

/// Byte offset → 1-based line number.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// An open list item: where it starts and whether its own text was handed over.
struct OpenItem {
    start: usize,
    depth: u8,
    ordered: bool,
    emitted: bool,
    /// Where its text resumes after a nested list.
    resume: Option<usize>,
}

struct Builder<'a> {
    text: &'a str,
    index: LineIndex,
    out: Blocks,
}

impl Builder<'_> {
    /// Pushes a block, split where a line inside it starts with an item
    /// number: CommonMark reads `22. Bach S` after a paragraph line as more of
    /// the paragraph (only `1.` may interrupt one); CVs mean a new item.
    fn push(&mut self, kind: BlockKind, lines: Vec<Line>) {
        let depth = match &kind {
            BlockKind::Item { depth, .. } => *depth,
            _ => 1,
        };
        let mut parts: Vec<(BlockKind, Vec<Line>)> = vec![(kind, Vec::new())];
        for line in lines {
            let body = strip_bullet(self.raw_line(line.no)).1;
            let started = parts.last().is_some_and(|(_, p)| !p.is_empty());
            let paragraph = parts
                .last()
                .is_some_and(|(k, _)| *k == BlockKind::Paragraph);
            match leading_label(body) {
                // `[1] J. Doe, ...` opening a paragraph: a labelled item.
                Some((marker, rest)) if !started && paragraph && body.starts_with('[') => {
                    let text = strip_inline_html(rest).into_owned();
                    parts.pop();
                    parts.push((
                        BlockKind::Item { marker, depth },
                        vec![Line::new(line.no, text)],
                    ));
                }
                Some((marker @ (Marker::Number(_) | Marker::Label(_)), rest))
                    if started
                        && (matches!(marker, Marker::Number(_)) || body.starts_with('[')) =>
                {
                    let text = strip_inline_html(rest).into_owned();
                    parts.push((
                        BlockKind::Item { marker, depth },
                        vec![Line::new(line.no, text)],
                    ));
                }
                _ => {
                    if let Some((_, p)) = parts.last_mut() {
                        p.push(line);
                    }
                }
            }
        }
        for (kind, lines) in parts {
            self.out.push(kind, lines);
        }
    }

    fn raw_line(&self, no: usize) -> &str {
        let start = self
            .index
            .starts
            .get(no.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        let end = self
            .index
            .starts
            .get(no)
            .map_or(self.text.len(), |e| e.saturating_sub(1));
        self.text.get(start..end.max(start)).unwrap_or("")
    }

    /// The cleaned lines of `text[from..to]`; `first` strips the first line's marker.
    fn lines(&self, from: usize, to: usize, strip: impl Fn(&str) -> &str) -> Vec<Line> {
        let to = to.min(self.text.len());
        if from >= to {
            return Vec::new();
        }
        let first = self.index.line(from);
        let mut out = Vec::new();
        for (i, raw) in self.text[from..to].split('\n').enumerate() {
            let raw = raw.trim_end_matches('\r');
            let body = if i == 0 { strip(raw) } else { raw };
            let body = body
                .trim_start()
                .trim_start_matches("> ")
                .trim_start_matches('>');
            if body.trim().is_empty() {
                continue;
            }
            let body = strip_inline_html(body);
            out.push(Line::new(first + i, body.into_owned()));
        }
        out
    }

    fn item(&mut self, open: &OpenItem, to: usize) {
        let first = self.text[open.start..to.min(self.text.len())]
            .lines()
            .next()
            .unwrap_or("");
        let marker = item_marker(first, open.ordered);
        let lines = self.lines(open.start, to, |l| strip_marker(l, open.ordered));
        self.push(
            BlockKind::Item {
                marker,
                depth: open.depth,
            },
            lines,
        );
    }

    /// A paragraph, or a heading when its one line reads as one.
    fn paragraph(&mut self, from: usize, to: usize) {
        let lines = self.lines(from, to, |l| l);
        if let [only] = lines.as_slice() {
            let raw = self.text[from..to.min(self.text.len())].trim();
            match classify_line(raw) {
                Some(Heading::Neutral) | None => {}
                Some(_) => {
                    let text = strip_bold(raw).unwrap_or(&only.text).to_string();
                    self.out.push(
                        BlockKind::Heading { level: 7 },
                        vec![Line::new(only.no, text)],
                    );
                    return;
                }
            }
        }
        self.push(BlockKind::Paragraph, lines);
    }
}

/// The marker of a list item from its first source line.
fn item_marker(first: &str, ordered: bool) -> Marker {
    let body = strip_bullet(first).1;
    if ordered {
        let digits: String = first
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = digits.parse() {
            return Marker::Number(n);
        }
    }
    match leading_label(body) {
        Some((m, _)) => m,
        None => Marker::Bullet,
    }
}

/// The text of a list item's first line after its marker (and a label after a bullet).
fn strip_marker(line: &str, ordered: bool) -> &str {
    let t = line.trim_start();
    let rest = if ordered {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        t[digits..].strip_prefix(['.', ')']).unwrap_or(&t[digits..])
    } else {
        strip_bullet(t).1
    };
    let rest = rest.trim_start();
    match leading_label(rest) {
        Some((_, after)) if !ordered => after,
        _ => rest,
    }
}

/// Inline HTML a markdown file may hold: `<a href="u">t</a>` becomes
/// `[t](u)`, images and comments go; other tags are left to [`clean_line`].
fn strip_inline_html(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("<a ") && !s.contains("<img") && !s.contains("<!--") && !s.contains("</a>") {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut href: Vec<Option<String>> = Vec::new();
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        if let Some(end) = after.strip_prefix("<!--").and_then(|a| a.find("-->")) {
            rest = &after[4 + end + 3..];
            continue;
        }
        let Some(close) = after.find('>') else {
            out.push_str(after);
            rest = "";
            break;
        };
        let tag = &after[..=close];
        if tag.starts_with("<a ") || tag == "<a>" {
            let url = tag
                .split("href=")
                .nth(1)
                .and_then(|h| {
                    h.trim_start_matches(['"', '\''])
                        .split(['"', '\'', ' ', '>'])
                        .next()
                })
                .map(str::to_string);
            if url.is_some() {
                out.push('[');
            }
            href.push(url);
        } else if tag == "</a>" {
            if let Some(Some(url)) = href.pop() {
                out.push_str(&format!("]({url})"));
            }
        } else if !tag.starts_with("<img") {
            out.push_str(tag);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    // `[](url)`: a link around an image only.
    out.replace("[](", "(").into()
}

/// The value of `title:` in YAML front matter (`title = ` in TOML).
fn front_matter_title(yaml: &str) -> Option<String> {
    yaml.lines().find_map(|l| {
        let v = l.strip_prefix("title")?.trim_start();
        let v = v.strip_prefix(':').or_else(|| v.strip_prefix('='))?.trim();
        let v = v.trim_matches(['"', '\'']).trim();
        (!v.is_empty()).then(|| v.to_string())
    })
}

/// The blocks of a markdown text.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let options = Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut b = Builder {
        text,
        index: LineIndex::new(text),
        out: Blocks::default(),
    };
    let mut items: Vec<OpenItem> = Vec::new();
    let mut ordered: Vec<bool> = Vec::new();
    // Open containers whose paragraphs are part of them (items, definitions).
    let mut inside = 0usize;
    let mut heading: Option<(u8, usize, String)> = None;
    let mut metadata: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, range.start, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, start, t)) = heading.take() {
                    let line = b.index.line(start);
                    b.out.push(
                        BlockKind::Heading { level },
                        vec![Line::new(line, clean_line(&t))],
                    );
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, h)) = heading.as_mut() {
                    h.push_str(&t);
                } else if let Some((_, m)) = metadata.as_mut() {
                    m.push_str(&t);
                }
            }
            Event::Start(Tag::MetadataBlock(_)) => {
                metadata = Some((range.start, String::new()));
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                if let Some((start, yaml)) = metadata.take() {
                    if let Some(title) = front_matter_title(&yaml) {
                        let line = b.index.line(start) + 1;
                        b.out.push(
                            BlockKind::Heading { level: 0 },
                            vec![Line::new(line, title)],
                        );
                    }
                }
            }
            Event::Start(Tag::List(start)) => {
                if let Some(open) = items.last_mut() {
                    if !open.emitted {
                        open.emitted = true;
                        let o = OpenItem { ..*open };
                        b.item(&o, range.start);
                    }
                }
                ordered.push(start.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                ordered.pop();
                if let Some(open) = items.last_mut() {
                    open.resume = Some(range.end);
                }
            }
            Event::Start(Tag::Item) => {
                items.push(OpenItem {
                    start: range.start,
                    depth: ordered.len().min(255) as u8,
                    ordered: ordered.last().copied().unwrap_or(false),
                    emitted: false,
                    resume: None,
                });
                inside += 1;
            }
            Event::End(TagEnd::Item) => {
                inside = inside.saturating_sub(1);
                if let Some(open) = items.pop() {
                    if !open.emitted {
                        b.item(&open, range.end);
                    } else if let Some(resume) = open.resume {
                        let lines = b.lines(resume, range.end, |l| l);
                        b.push(BlockKind::Paragraph, lines);
                    }
                }
            }
            Event::Start(Tag::DefinitionListTitle) if inside == 0 => {
                let lines = b.lines(range.start, range.end, |l| l);
                b.out.push(BlockKind::Term, lines);
                inside += 1;
            }
            Event::Start(Tag::DefinitionListDefinition) if inside == 0 => {
                let lines = b.lines(range.start, range.end, |l| {
                    l.trim_start().strip_prefix(':').unwrap_or(l)
                });
                b.out.push(BlockKind::Definition, lines);
                inside += 1;
            }
            Event::End(TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition) => {
                inside = inside.saturating_sub(1);
            }
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_))
                if inside == 0 && heading.is_none() =>
            {
                b.paragraph(range.start, range.end);
            }
            Event::Start(Tag::HtmlBlock) if inside == 0 => {
                let block = &text[range.start..range.end.min(text.len())];
                if !block.trim_start().starts_with("<!--") {
                    let lines = b.lines(range.start, range.end, |l| l);
                    let lines = lines
                        .into_iter()
                        .map(|l| Line::new(l.no, strip_tags(&l.text)))
                        .collect();
                    b.out.push(BlockKind::Paragraph, lines);
                }
            }
            _ => {}
        }
    }
    b.out.blocks
}

/// Removes every tag from a line of an HTML block.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    super::clean::collapse_ws(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(usize, String, String)> {
        blocks(text)
            .iter()
            .map(|b| (b.line(), format!("{:?}", b.kind), b.text()))
            .collect()
    }

    #[test]
    fn definition_lists_front_matter_and_comments() {
        let md = "---\ntitle: \"Publications\"\n---\n\n<!-- PUBLICATIONS -->\n\n2017\n:    Rosenberg, A.A.\n     Applying a new approach.\n\n2016\n:    **Anderson, S.C.** Black-swan events.\n";
        let got = kinds(md);
        assert_eq!(
            got[0],
            (2, "Heading { level: 0 }".into(), "Publications".into())
        );
        assert_eq!(got[1], (7, "Term".into(), "2017".into()));
        assert_eq!(
            got[2],
            (
                8,
                "Definition".into(),
                "Rosenberg, A.A. Applying a new approach.".into()
            )
        );
        assert_eq!(got[3].1, "Term");
        assert_eq!(
            got[4],
            (
                12,
                "Definition".into(),
                "**Anderson, S.C.** Black-swan events.".into()
            )
        );
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn list_items_with_labels_and_nesting() {
        let md = "## Journals\n\n* [J5] **H. Stein**. Title.\n\n* [J4] P. Feketa. Other.\n\n- 1. Weber L (2022).\n  - \"Beyond\". In: *IF*\n";
        let got: Vec<_> = blocks(md)
            .into_iter()
            .map(|b| (b.line(), b.kind.clone(), b.text()))
            .collect();
        assert_eq!(
            got[1].1,
            BlockKind::Item {
                marker: Marker::Label("J5".into()),
                depth: 1
            }
        );
        assert_eq!(got[1].2, "**H. Stein**. Title.");
        assert_eq!(got[2].0, 5);
        assert_eq!(
            got[3],
            (
                7,
                BlockKind::Item {
                    marker: Marker::Number(1),
                    depth: 2
                },
                "Weber L (2022).".into()
            )
        );
        assert_eq!(
            got[4].1,
            BlockKind::Item {
                marker: Marker::Bullet,
                depth: 2
            }
        );
    }

    #[test]
    fn inline_html_links_and_images() {
        assert_eq!(
            strip_inline_html(
                r#"x <a href="http://f.com/p" target="_blank"><img src="b.gif" id="bg"/></a> y"#
            ),
            "x (http://f.com/p) y"
        );
        assert_eq!(strip_inline_html(r#"<a href="u">Title</a>"#), "[Title](u)");
        assert_eq!(strip_inline_html("<https://x.org> a"), "<https://x.org> a");
    }
}
