//! The processor's output tree and its serialisation to text, HTML and
//! Markdown, with the joins citeproc-js makes: duplicate punctuation
//! collapsed ("Title." + "." → "Title."), punctuation moved inside closing
//! quotes where the locale wants it, and italics flipped inside italics.

/// A formatting wrapper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Italic,
    /// `font-style="normal"` (inside italics it flips back to roman).
    Roman,
    Bold,
    NormalWeight,
    Light,
    SmallCaps,
    NormalVariant,
    Underline,
    NoDecoration,
    Sup,
    Sub,
    Baseline,
    /// `display` blocks: csl-block, csl-left-margin, csl-right-inline, csl-indent.
    Div(&'static str),
    /// A person set in bold by the caller (CV highlighting).
    Highlight,
}

/// A piece of output.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Text(String),
    Tagged(Tag, Vec<Node>),
    /// Quoted content: the quote marks are chosen when serialising, by depth.
    Quoted(Vec<Node>),
    /// Content text-case transformations leave alone.
    NoCase(Vec<Node>),
}

impl Node {
    pub fn text(s: impl Into<String>) -> Node {
        Node::Text(s.into())
    }
}

/// The plain text of nodes (quotes as straight `"`), for tests of emptiness,
/// sorting and disambiguation.
pub(crate) fn plain(nodes: &[Node]) -> String {
    let mut s = String::new();
    plain_into(nodes, &mut s);
    s
}

fn plain_into(nodes: &[Node], s: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => s.push_str(t),
            Node::Tagged(_, c) | Node::NoCase(c) => plain_into(c, s),
            Node::Quoted(c) => {
                s.push('"');
                plain_into(c, s);
                s.push('"');
            }
        }
    }
}

pub(crate) fn is_empty(nodes: &[Node]) -> bool {
    nodes.iter().all(|n| match n {
        Node::Text(t) => t.is_empty(),
        Node::Tagged(_, c) | Node::Quoted(c) | Node::NoCase(c) => is_empty(c),
    })
}

/// The output markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    Text,
    Html,
    Markdown,
}

/// Quote marks of the locale.
#[derive(Debug, Clone)]
pub(crate) struct Quotes {
    pub open: String,
    pub close: String,
    pub open_inner: String,
    pub close_inner: String,
    pub punctuation_in_quote: bool,
}

impl Default for Quotes {
    fn default() -> Self {
        Quotes {
            open: "“".into(),
            close: "”".into(),
            open_inner: "‘".into(),
            close_inner: "’".into(),
            punctuation_in_quote: true,
        }
    }
}

#[derive(Debug, Clone)]
struct Run {
    text: String,
    frames: Vec<(u32, Tag)>,
    close_quote: bool,
}

struct Flattener<'a> {
    runs: Vec<Run>,
    stack: Vec<(u32, Tag)>,
    next_id: u32,
    quotes: &'a Quotes,
}

const PUNCT: &str = ".!?:;,";

impl Flattener<'_> {
    fn walk(&mut self, nodes: &[Node], depth: usize) {
        for n in nodes {
            match n {
                Node::Text(t) => self.push(t, false),
                Node::NoCase(c) => self.walk(c, depth),
                Node::Tagged(tag, c) => {
                    self.next_id += 1;
                    self.stack.push((self.next_id, *tag));
                    self.walk(c, depth);
                    self.stack.pop();
                }
                Node::Quoted(c) => {
                    let (open, close) = if depth % 2 == 0 {
                        (&self.quotes.open, &self.quotes.close)
                    } else {
                        (&self.quotes.open_inner, &self.quotes.close_inner)
                    };
                    let (open, close) = (open.clone(), close.clone());
                    self.push(&open, false);
                    self.walk(c, depth + 1);
                    self.push(&close, true);
                }
            }
        }
    }

    fn last_char(&self) -> Option<char> {
        self.runs.iter().rev().find_map(|r| r.text.chars().last())
    }

    fn push(&mut self, text: &str, close_quote: bool) {
        if text.is_empty() {
            return;
        }
        let mut text = text.to_string();
        // Punctuation after a closing quote moves inside it (en-US style).
        if self.quotes.punctuation_in_quote && !close_quote {
            if let Some(first) = text.chars().next().filter(|c| *c == '.' || *c == ',') {
                let q = self.runs.iter().rposition(|r| !r.text.is_empty());
                if let Some(q) = q.filter(|&q| self.runs[q].close_quote) {
                    text.remove(0);
                    let before = self.runs[..q]
                        .iter()
                        .rev()
                        .find_map(|r| r.text.chars().last());
                    let keep = match before {
                        Some(b) if PUNCT.contains(b) => !(first == '.' || b == first),
                        _ => true,
                    };
                    if keep {
                        // Insert before the quote, in a run of the quote's frames.
                        let frames = self.runs[q].frames.clone();
                        self.runs.insert(
                            q,
                            Run {
                                text: first.to_string(),
                                frames,
                                close_quote: false,
                            },
                        );
                    }
                }
            }
        }
        if let (Some(last), Some(first)) = (self.last_char(), text.chars().next()) {
            if PUNCT.contains(last) && PUNCT.contains(first) {
                let drop_new = last == first || (first == '.' && "!?".contains(last));
                // "Title," + "." → "Title."; "," + ";" → ";".
                let replace_old = ",;:".contains(last) && ".!?,;:".contains(first);
                if drop_new {
                    text.remove(0);
                } else if replace_old {
                    self.remove_last_char();
                }
            } else if last == ' ' && first == ' ' {
                text.remove(0);
            }
        }
        if text.is_empty() {
            return;
        }
        self.runs.push(Run {
            text,
            frames: self.stack.clone(),
            close_quote,
        });
    }

    fn remove_last_char(&mut self) {
        if let Some(r) = self.runs.iter_mut().rev().find(|r| !r.text.is_empty()) {
            r.text.pop();
        }
    }
}

/// Serialises nodes.
pub(crate) fn render(nodes: &[Node], markup: Markup, quotes: &Quotes) -> String {
    let mut f = Flattener {
        runs: Vec::new(),
        stack: Vec::new(),
        next_id: 0,
        quotes,
    };
    f.walk(nodes, 0);
    let runs = f.runs;
    let mut out = String::new();
    let mut open: Vec<(u32, Tag)> = Vec::new();
    for run in runs.iter().filter(|r| !r.text.is_empty()) {
        let common = open
            .iter()
            .zip(&run.frames)
            .take_while(|(a, b)| a.0 == b.0)
            .count();
        while open.len() > common {
            let (_, tag) = open.pop().unwrap_or((0, Tag::Italic));
            close_tag(&mut out, tag, markup, &open);
        }
        for &(id, tag) in &run.frames[common..] {
            open_tag(&mut out, tag, markup, &open);
            open.push((id, tag));
        }
        match markup {
            Markup::Html => escape_html(&run.text, &mut out),
            _ => out.push_str(&run.text),
        }
    }
    while let Some((_, tag)) = open.pop() {
        close_tag(&mut out, tag, markup, &open);
    }
    out
}

fn italic_inside(open: &[(u32, Tag)]) -> bool {
    let mut italic = false;
    for (_, t) in open {
        match t {
            Tag::Italic => italic = !italic,
            Tag::Roman => italic = false,
            _ => {}
        }
    }
    italic
}

fn open_tag(out: &mut String, tag: Tag, markup: Markup, open: &[(u32, Tag)]) {
    match markup {
        Markup::Html => {
            let t = match tag {
                Tag::Italic if italic_inside(open) => "<span style=\"font-style:normal;\">",
                Tag::Italic => "<i>",
                Tag::Roman => "<span style=\"font-style:normal;\">",
                Tag::Bold | Tag::Highlight => "<b>",
                Tag::NormalWeight => "<span style=\"font-weight:normal;\">",
                Tag::Light => "<span style=\"font-weight:light;\">",
                Tag::SmallCaps => "<span style=\"font-variant:small-caps;\">",
                Tag::NormalVariant => "<span style=\"font-variant:normal;\">",
                Tag::Underline => "<span style=\"text-decoration:underline;\">",
                Tag::NoDecoration => "<span style=\"text-decoration:none;\">",
                Tag::Sup => "<sup>",
                Tag::Sub => "<sub>",
                Tag::Baseline => "<span style=\"baseline\">",
                Tag::Div(class) => {
                    out.push_str("<div class=\"");
                    out.push_str(class);
                    out.push_str("\">");
                    return;
                }
            };
            out.push_str(t);
        }
        Markup::Markdown => out.push_str(markdown_mark(tag, open)),
        Markup::Text => {}
    }
}

/// Markdown has marks for italics and bold only; the same on both sides.
fn markdown_mark(tag: Tag, open: &[(u32, Tag)]) -> &'static str {
    match tag {
        Tag::Italic if italic_inside(open) => "",
        Tag::Italic => "*",
        Tag::Bold | Tag::Highlight => "**",
        _ => "",
    }
}

fn close_tag(out: &mut String, tag: Tag, markup: Markup, open: &[(u32, Tag)]) {
    match markup {
        Markup::Html => out.push_str(match tag {
            Tag::Italic if italic_inside(open) => "</span>",
            Tag::Italic => "</i>",
            Tag::Bold | Tag::Highlight => "</b>",
            Tag::Sup => "</sup>",
            Tag::Sub => "</sub>",
            Tag::Div(_) => "</div>",
            _ => "</span>",
        }),
        Markup::Markdown => out.push_str(markdown_mark(tag, open)),
        Markup::Text => {}
    }
}

fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&#38;"),
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            _ => out.push(c),
        }
    }
}

/// Parses the markup citeproc-js accepts inside field values: `<i>`, `<b>`,
/// `<sup>`, `<sub>`, `<sc>`, `<span style="font-variant:small-caps;">`,
/// `<span class="nocase">` and straight double quotes.
pub(crate) fn rich(s: &str) -> Vec<Node> {
    if !s.contains(['<', '"', '\'']) {
        return vec![Node::Text(s.to_string())];
    }
    let mut stack: Vec<(Option<Tag>, bool, Vec<Node>)> = vec![(None, false, Vec::new())];
    let mut buf = String::new();
    let flush = |buf: &mut String, stack: &mut Vec<(Option<Tag>, bool, Vec<Node>)>| {
        if !buf.is_empty() {
            if let Some(top) = stack.last_mut() {
                top.2.push(Node::Text(std::mem::take(buf)));
            }
        }
    };
    let mut rest = s;
    let mut quote_open = false;
    let mut prev_char: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let tags: [(&str, Option<Tag>, bool); 7] = [
                ("<i>", Some(Tag::Italic), false),
                ("<b>", Some(Tag::Bold), false),
                ("<sup>", Some(Tag::Sup), false),
                ("<sub>", Some(Tag::Sub), false),
                ("<sc>", Some(Tag::SmallCaps), false),
                (
                    "<span style=\"font-variant:small-caps;\">",
                    Some(Tag::SmallCaps),
                    false,
                ),
                ("<span class=\"nocase\">", None, true),
            ];
            if let Some((open, tag, nocase)) = tags.iter().find(|(o, _, _)| rest.starts_with(o)) {
                flush(&mut buf, &mut stack);
                stack.push((*tag, *nocase, Vec::new()));
                rest = &rest[open.len()..];
                continue;
            }
            let closes = ["</i>", "</b>", "</sup>", "</sub>", "</sc>", "</span>"];
            if let Some(close) = closes.iter().find(|c| rest.starts_with(*c)) {
                if stack.len() > 1 {
                    flush(&mut buf, &mut stack);
                    if let Some((tag, _, children)) = stack.pop() {
                        let node = match tag {
                            Some(t) => Node::Tagged(t, children),
                            None => Node::NoCase(children),
                        };
                        if let Some(top) = stack.last_mut() {
                            top.2.push(node);
                        }
                    }
                    rest = &rest[close.len()..];
                    continue;
                }
            }
        }
        if c == '"' {
            flush(&mut buf, &mut stack);
            if quote_open {
                // Close the innermost quote frame (marked by tag None, nocase false).
                if stack.len() > 1 && matches!(stack.last(), Some((None, false, _))) {
                    if let Some((_, _, children)) = stack.pop() {
                        if let Some(top) = stack.last_mut() {
                            top.2.push(Node::Quoted(children));
                        }
                    }
                    quote_open = false;
                    rest = &rest[1..];
                    continue;
                }
                buf.push('"');
            } else {
                stack.push((None, false, Vec::new()));
                quote_open = true;
            }
            rest = &rest[1..];
            continue;
        }
        if c == '\'' {
            // An apostrophe between letters (or after one) is typographic.
            if prev_char.is_some_and(char::is_alphanumeric) {
                buf.push('’');
                rest = &rest[1..];
                continue;
            }
        }
        buf.push(c);
        prev_char = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut buf, &mut stack);
    // Unclosed frames: their opening markup is literal text.
    while stack.len() > 1 {
        if let Some((tag, nocase, children)) = stack.pop() {
            if let Some(top) = stack.last_mut() {
                if tag.is_none() && !nocase {
                    top.2.push(Node::Text("\"".into()));
                }
                top.2.extend(children);
            }
        }
    }
    stack.pop().map(|s| s.2).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(nodes: &[Node]) -> String {
        render(nodes, Markup::Html, &Quotes::default())
    }

    #[test]
    fn duplicate_punctuation_collapses_across_tags() {
        let n = vec![
            Node::Tagged(Tag::Italic, vec![Node::text("Networks!")]),
            Node::text(". Next"),
        ];
        assert_eq!(html(&n), "<i>Networks!</i> Next");
    }

    #[test]
    fn periods_and_commas_move_inside_quotes() {
        let n = vec![Node::Quoted(vec![Node::text("Title")]), Node::text(", In")];
        assert_eq!(html(&n), "“Title,” In");
        let n = vec![Node::Quoted(vec![Node::text("Why?")]), Node::text(". In")];
        assert_eq!(html(&n), "“Why?” In");
    }

    #[test]
    fn italics_flip_inside_italics_and_markup_is_escaped() {
        let n = vec![Node::Tagged(
            Tag::Italic,
            vec![
                Node::text("A "),
                Node::Tagged(Tag::Italic, vec![Node::text("B & C")]),
            ],
        )];
        assert_eq!(
            html(&n),
            "<i>A <span style=\"font-style:normal;\">B &#38; C</span></i>"
        );
    }

    #[test]
    fn field_markup_is_parsed() {
        let n = rich("The <i>E. coli</i> \"story\" of <span class=\"nocase\">iPhone</span>'s");
        assert_eq!(html(&n), "The <i>E. coli</i> “story” of iPhone’s");
    }
}
