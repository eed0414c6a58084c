//! HTML → blocks, on html5ever's tokenizer (the WHATWG one: entities,
//! comments, attributes, raw text in `<script>`/`<style>`, `\r\n`) with the
//! source line of every token. The tree builder is not used: it forgets
//! source lines, and a publication page needs only its block structure —
//! headings `<h1>`–`<h6>` (and `<title>` as the document's title), list items
//! `<li>` (numbered in `<ol>`, honouring `start`/`value`), `<p>`, `<div>`,
//! `<dt>`/`<dd>`, table rows, with `<br>` as a line break. Navigation,
//! scripts, styles, forms and footers are skipped; attributes are never read
//! as text, only `href`. Text becomes inline markdown: `<em>`/`<i>` → `*x*`,
//! `<strong>`/`<b>` → `**x**`, `<a href=u>t</a>` → `[t](u)`.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::blocks::{leading_label, Block, BlockKind, Blocks, Line, Marker};
use super::clean::{collapse_ws, ESCAPED_STAR};

/// Elements whose content is not text of the page.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "button", "select", "textarea",
    "iframe", "object", "footer", "form", "math", "canvas", "audio", "video", "details", "figure",
    "pre",
];

/// Elements that hold a paragraph of text.
const PARAGRAPHS: &[&str] = &[
    "p",
    "div",
    "blockquote",
    "tr",
    "address",
    "figcaption",
    "center",
];

/// Elements that separate blocks without holding text themselves.
const CONTAINERS: &[&str] = &[
    "section", "article", "main", "header", "aside", "table", "tbody", "thead", "body", "html",
    "dl", "hr",
];

struct Open {
    kind: BlockKind,
    /// The element that opened the block (`li`, `p`, `h2`, ...), and its line.
    tag: String,
    start: usize,
    lines: Vec<Line>,
}

#[derive(Default)]
struct State {
    out: Blocks,
    open: Option<Open>,
    /// Open `<ul>`/`<ol>`: numbered, next number.
    lists: Vec<(bool, u32)>,
    /// Depth inside skipped elements.
    skipping: usize,
    skip_tag: Option<String>,
    /// Open links: the `href`, and where their text starts in the current line.
    links: Vec<(Option<String>, usize)>,
    /// Open emphasis: the mark and where it starts.
    marks: Vec<(&'static str, usize)>,
    title: Option<(usize, String)>,
    head: bool,
}

impl State {
    fn flush(&mut self) {
        if let Some(open) = self.open.take() {
            let mut kind = open.kind;
            let mut lines = open.lines;
            for l in &mut lines {
                l.text = collapse_ws(&l.text);
            }
            // A label printed in the item's text: `<li>[J5] ...`.
            if let (BlockKind::Item { marker: m, .. }, Some(first)) = (&mut kind, lines.first_mut())
            {
                if let Some((label, rest)) = leading_label(&first.text) {
                    *m = label;
                    first.text = rest.to_string();
                }
            }
            self.out.push_at(kind, lines, open.start);
        }
        self.links.clear();
        self.marks.clear();
    }

    fn open(&mut self, kind: BlockKind, tag: &str, start: usize) {
        self.flush();
        self.open = Some(Open {
            kind,
            tag: tag.to_string(),
            start,
            lines: Vec::new(),
        });
    }

    /// The line being written, opened at `line` when needed.
    fn current(&mut self, line: usize) -> &mut String {
        let open = self.open.get_or_insert_with(|| Open {
            kind: BlockKind::Paragraph,
            tag: String::new(),
            start: line,
            lines: Vec::new(),
        });
        if open.lines.last().is_none_or(|l| l.no != line) {
            open.lines.push(Line::new(line, String::new()));
        }
        let last = open.lines.len() - 1;
        &mut open.lines[last].text
    }

    fn text(&mut self, t: &str, line: usize) {
        if let Some((_, title)) = self.title.as_mut() {
            title.push_str(t);
            return;
        }
        if self.skipping > 0 || self.head {
            return;
        }
        if t.trim().is_empty() {
            if let Some(open) = self.open.as_mut() {
                if let Some(l) = open.lines.last_mut() {
                    l.text.push(' ');
                }
            }
            return;
        }
        let escaped: String = t
            .chars()
            .map(|c| if c == '*' { ESCAPED_STAR } else { c })
            .collect();
        self.current(line).push_str(&escaped);
    }

    /// A line break (`<br>`, or a block inside a list item).
    fn line_break(&mut self, line: usize) {
        if let Some(open) = self.open.as_mut() {
            if open.lines.last().is_some_and(|l| !l.text.trim().is_empty()) {
                open.lines.push(Line::new(line, String::new()));
                self.links.clear();
                self.marks.clear();
            }
        }
    }

    fn in_item(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|o| matches!(o.tag.as_str(), "li" | "dd" | "dt"))
    }

    fn start(
        &mut self,
        name: &str,
        attrs: &[(String, String)],
        line: usize,
    ) -> TokenSinkResult<()> {
        let attr = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        if self.skipping > 0 {
            if Some(name) == self.skip_tag.as_deref() {
                self.skipping += 1;
            }
            return raw_kind(name);
        }
        match name {
            "head" => self.head = true,
            "title" => {
                self.title = Some((line, String::new()));
                return TokenSinkResult::RawData(RawKind::Rcdata);
            }
            _ if SKIPPED.contains(&name) => {
                self.skipping = 1;
                self.skip_tag = Some(name.to_string());
                return raw_kind(name);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                self.open(BlockKind::Heading { level }, name, line);
            }
            "ul" | "ol" | "menu" => {
                self.flush();
                let start = attr("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                self.lists.push((name == "ol", start));
            }
            "li" => {
                let depth = self.lists.len().clamp(1, 255) as u8;
                let marker = match self.lists.last_mut() {
                    Some((true, next)) => {
                        let n = attr("value")
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(*next);
                        *next = n + 1;
                        Marker::Number(n)
                    }
                    _ => Marker::Bullet,
                };
                self.open(BlockKind::Item { marker, depth }, "li", line);
            }
            "dt" => self.open(BlockKind::Term, "dt", line),
            "dd" => self.open(BlockKind::Definition, "dd", line),
            "br" => self.line_break(line),
            _ if PARAGRAPHS.contains(&name) || CONTAINERS.contains(&name) => {
                if self.in_item() {
                    self.line_break(line);
                } else {
                    self.flush();
                    if PARAGRAPHS.contains(&name) {
                        self.open = Some(Open {
                            kind: BlockKind::Paragraph,
                            tag: name.to_string(),
                            start: line,
                            lines: Vec::new(),
                        });
                    }
                }
            }
            "em" | "i" | "cite" | "var" | "dfn" => self.mark("*", line),
            "strong" | "b" => self.mark("**", line),
            "a" => {
                let at = self.current(line).len();
                let href = attr("href").filter(|h| !h.trim().is_empty() && !h.starts_with('#'));
                if href.is_some() {
                    self.current(line).push('[');
                }
                self.links.push((href, at));
            }
            "td" | "th" => self.text(" ", line),
            _ => {}
        }
        TokenSinkResult::Continue
    }

    fn mark(&mut self, mark: &'static str, line: usize) {
        let cur = self.current(line);
        let at = cur.len();
        cur.push_str(mark);
        self.marks.push((mark, at));
    }

    fn end(&mut self, name: &str, line: usize) {
        if self.skipping > 0 {
            if Some(name) == self.skip_tag.as_deref() {
                self.skipping -= 1;
            }
            return;
        }
        match name {
            "head" => self.head = false,
            "title" => {
                if let Some((l, t)) = self.title.take() {
                    let t = collapse_ws(&t);
                    self.out
                        .push(BlockKind::Heading { level: 0 }, vec![Line::new(l, t)]);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" | "dd"
                if self
                    .open
                    .as_ref()
                    .is_some_and(|o| o.tag == name || name == "li") =>
            {
                self.flush();
            }
            "ul" | "ol" | "menu" => {
                self.flush();
                self.lists.pop();
            }
            _ if PARAGRAPHS.contains(&name) || CONTAINERS.contains(&name) => {
                if self.in_item() {
                    self.line_break(line);
                } else {
                    self.flush();
                }
            }
            "em" | "i" | "cite" | "var" | "dfn" | "strong" | "b" => self.close_mark(line),
            "a" => {
                if let Some((href, at)) = self.links.pop() {
                    let cur = self.current(line);
                    let Some(url) = href else { return };
                    let text_start = (at + 1).min(cur.len());
                    if cur.get(text_start..).is_some_and(|t| t.trim().is_empty()) {
                        cur.truncate(at);
                    } else {
                        let trailing = cur.len() - cur.trim_end().len();
                        cur.truncate(cur.len() - trailing);
                        cur.push_str(&format!("]({url})"));
                    }
                }
            }
            _ => {}
        }
    }

    fn close_mark(&mut self, line: usize) {
        let Some((mark, at)) = self.marks.pop() else {
            return;
        };
        let cur = self.current(line);
        let inner_start = (at + mark.len()).min(cur.len());
        if !cur.is_char_boundary(at) || !cur.is_char_boundary(inner_start) {
            return;
        }
        if cur[inner_start..].trim().is_empty() {
            cur.truncate(at);
            return;
        }
        let trailing = cur.len() - cur.trim_end().len();
        cur.truncate(cur.len() - trailing);
        cur.push_str(mark);
        if trailing > 0 {
            cur.push(' ');
        }
    }
}

fn raw_kind(name: &str) -> TokenSinkResult<()> {
    match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "noscript" | "iframe" => TokenSinkResult::RawData(RawKind::Rawtext),
        "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
        _ => TokenSinkResult::Continue,
    }
}

struct Sink(RefCell<State>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let line = usize::try_from(line_number).unwrap_or(usize::MAX);
        let mut s = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        let attrs: Vec<(String, String)> = tag
                            .attrs
                            .iter()
                            .map(|a| (a.name.local.to_string(), a.value.to_string()))
                            .collect();
                        let r = s.start(&name, &attrs, line);
                        if tag.self_closing && !matches!(name.as_str(), "br" | "img" | "hr") {
                            s.end(&name, line);
                            return TokenSinkResult::Continue;
                        }
                        return r;
                    }
                    TagKind::EndTag => s.end(&name, line),
                }
            }
            Token::CharacterTokens(t) => {
                // A run ends at a line break: the break comes with the next line's number.
                let newlines = t.matches('\n').count();
                s.text(&t, line.saturating_sub(newlines));
            }
            Token::EOFToken => s.flush(),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The blocks of an HTML text.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let tok = Tokenizer::new(
        Sink(RefCell::new(State::default())),
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    let _ = tok.feed(&input);
    tok.end();
    let mut state = tok.sink.0.into_inner();
    state.flush();
    state.out.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(html: &str) -> Vec<(usize, BlockKind, String)> {
        blocks(html)
            .into_iter()
            .map(|b| (b.line(), b.kind.clone(), b.text()))
            .collect()
    }

    #[test]
    fn headings_paragraphs_links_and_skipped_parts() {
        let html = "<html><head><title>Jane Doe - Publications</title><style>p{}</style></head>\n<body><nav><ul><li><a href=\"/pubs\">Publications</a></li></ul></nav>\n<!-- PUBLICATIONS -->\n<h2 class=\"x\"><i class=\"bi\"></i> Journal articles</h2>\n<p><strong>Doe, J.</strong>, &amp; Roe, R. (2022). A title. <em>Decision</em>. <a href=\"https://doi.org/10.1/x\">https://doi.org/10.1/x</a></p>\n<script>if (a < b) { document.write('<p>no</p>') }</script>\n<ol start=\"3\"><li>[J5] Item\none</li><li value=\"9\">B<br>c</li></ol><footer>Copyright</footer></body></html>";
        let g = got(html);
        assert_eq!(
            g[0],
            (
                1,
                BlockKind::Heading { level: 0 },
                "Jane Doe - Publications".into()
            )
        );
        assert_eq!(
            g[1],
            (
                4,
                BlockKind::Heading { level: 2 },
                "Journal articles".into()
            )
        );
        assert_eq!(
            g[2],
            (
                5,
                BlockKind::Paragraph,
                "**Doe, J.**, & Roe, R. (2022). A title. *Decision*. [https://doi.org/10.1/x](https://doi.org/10.1/x)".into()
            )
        );
        assert_eq!(
            g[3],
            (
                7,
                BlockKind::Item {
                    marker: Marker::Label("J5".into()),
                    depth: 1
                },
                "Item one".into()
            )
        );
        assert_eq!(
            g[4],
            (
                8,
                BlockKind::Item {
                    marker: Marker::Number(9),
                    depth: 1
                },
                "B c".into()
            )
        );
        assert_eq!(g.len(), 5, "{g:?}");
    }
}
