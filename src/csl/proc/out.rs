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
                // citeproc-js's merge table (left mark, right mark): the
                // left one wins for ";"/":" before "." or ":" and for "!"/"?"
                // before "." or ":"; "!"/"?" win after ";"/":"; "," gives way
                // to a closing period, "."/"!"/"?"; the rest keep both.
                let drop_new = last == first
                    || (first == '.' && "!?:;".contains(last))
                    || (first == ':' && "!?;".contains(last));
                let replace_old = (last == ',' && ".!?".contains(first))
                    || (":;".contains(last) && "!?".contains(first));
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

/// Superscript characters and what they raise (the table citeproc-js uses
/// to write them as `<sup>` in HTML: "1ᵉʳ" → "1<sup>e</sup><sup>r</sup>").
const SUPERSCRIPTS: &[(char, &str)] = &[
    ('\u{00AA}', "a"),
    ('\u{00B2}', "2"),
    ('\u{00B3}', "3"),
    ('\u{00B9}', "1"),
    ('\u{00BA}', "o"),
    ('\u{02B0}', "h"),
    ('\u{02B1}', "\u{0266}"),
    ('\u{02B2}', "j"),
    ('\u{02B3}', "r"),
    ('\u{02B4}', "\u{0279}"),
    ('\u{02B5}', "\u{027B}"),
    ('\u{02B6}', "\u{0281}"),
    ('\u{02B7}', "w"),
    ('\u{02B8}', "y"),
    ('\u{02E0}', "\u{0263}"),
    ('\u{02E1}', "l"),
    ('\u{02E2}', "s"),
    ('\u{02E3}', "x"),
    ('\u{02E4}', "\u{0295}"),
    ('\u{1D2C}', "A"),
    ('\u{1D2D}', "\u{00C6}"),
    ('\u{1D2E}', "B"),
    ('\u{1D30}', "D"),
    ('\u{1D31}', "E"),
    ('\u{1D32}', "\u{018E}"),
    ('\u{1D33}', "G"),
    ('\u{1D34}', "H"),
    ('\u{1D35}', "I"),
    ('\u{1D36}', "J"),
    ('\u{1D37}', "K"),
    ('\u{1D38}', "L"),
    ('\u{1D39}', "M"),
    ('\u{1D3A}', "N"),
    ('\u{1D3C}', "O"),
    ('\u{1D3D}', "\u{0222}"),
    ('\u{1D3E}', "P"),
    ('\u{1D3F}', "R"),
    ('\u{1D40}', "T"),
    ('\u{1D41}', "U"),
    ('\u{1D42}', "W"),
    ('\u{1D43}', "a"),
    ('\u{1D44}', "\u{0250}"),
    ('\u{1D45}', "\u{0251}"),
    ('\u{1D46}', "\u{1D02}"),
    ('\u{1D47}', "b"),
    ('\u{1D48}', "d"),
    ('\u{1D49}', "e"),
    ('\u{1D4A}', "\u{0259}"),
    ('\u{1D4B}', "\u{025B}"),
    ('\u{1D4C}', "\u{025C}"),
    ('\u{1D4D}', "g"),
    ('\u{1D4F}', "k"),
    ('\u{1D50}', "m"),
    ('\u{1D51}', "\u{014B}"),
    ('\u{1D52}', "o"),
    ('\u{1D53}', "\u{0254}"),
    ('\u{1D54}', "\u{1D16}"),
    ('\u{1D55}', "\u{1D17}"),
    ('\u{1D56}', "p"),
    ('\u{1D57}', "t"),
    ('\u{1D58}', "u"),
    ('\u{1D59}', "\u{1D1D}"),
    ('\u{1D5A}', "\u{026F}"),
    ('\u{1D5B}', "v"),
    ('\u{1D5C}', "\u{1D25}"),
    ('\u{1D5D}', "\u{03B2}"),
    ('\u{1D5E}', "\u{03B3}"),
    ('\u{1D5F}', "\u{03B4}"),
    ('\u{1D60}', "\u{03C6}"),
    ('\u{1D61}', "\u{03C7}"),
    ('\u{2070}', "0"),
    ('\u{2071}', "i"),
    ('\u{2074}', "4"),
    ('\u{2075}', "5"),
    ('\u{2076}', "6"),
    ('\u{2077}', "7"),
    ('\u{2078}', "8"),
    ('\u{2079}', "9"),
    ('\u{207A}', "+"),
    ('\u{207B}', "\u{2212}"),
    ('\u{207C}', "="),
    ('\u{207D}', "("),
    ('\u{207E}', ")"),
    ('\u{207F}', "n"),
    ('\u{2120}', "SM"),
    ('\u{2122}', "TM"),
    ('\u{3192}', "\u{4E00}"),
    ('\u{3193}', "\u{4E8C}"),
    ('\u{3194}', "\u{4E09}"),
    ('\u{3195}', "\u{56DB}"),
    ('\u{3196}', "\u{4E0A}"),
    ('\u{3197}', "\u{4E2D}"),
    ('\u{3198}', "\u{4E0B}"),
    ('\u{3199}', "\u{7532}"),
    ('\u{319A}', "\u{4E59}"),
    ('\u{319B}', "\u{4E19}"),
    ('\u{319C}', "\u{4E01}"),
    ('\u{319D}', "\u{5929}"),
    ('\u{319E}', "\u{5730}"),
    ('\u{319F}', "\u{4EBA}"),
    ('\u{02C0}', "\u{0294}"),
    ('\u{02C1}', "\u{0295}"),
    ('\u{06E5}', "\u{0648}"),
    ('\u{06E6}', "\u{064A}"),
];

fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&#38;"),
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            _ if !c.is_ascii() => match SUPERSCRIPTS.iter().find(|(s, _)| *s == c) {
                Some((_, base)) => {
                    out.push_str("<sup>");
                    out.push_str(base);
                    out.push_str("</sup>");
                }
                None => out.push(c),
            },
            _ => out.push(c),
        }
    }
}

/// An open frame of field markup.
#[derive(Clone, Copy, PartialEq)]
enum Frame {
    Root,
    Tag(Tag),
    NoCase,
    /// A quote opened by this character (`"`, `“`, `'` or `‘`).
    Quote(char),
}

/// Parses the markup citeproc-js accepts inside field values: `<i>`, `<b>`,
/// `<sup>`, `<sub>`, `<sc>`, `<span style="font-variant:small-caps;">`,
/// `<span class="nocase">`, and quotes: straight or curly, double or
/// single, which become quotes of the locale by nesting depth. An
/// apostrophe inside or at the end of a word is typographic (’), and a
/// quote that is never closed stays as it was written.
pub(crate) fn rich(s: &str) -> Vec<Node> {
    rich_with(s, true)
}

/// [`rich`] for the prefix and suffix of a cite, where citeproc-js leaves
/// curly quotes as they are (only straight ones are markup).
pub(crate) fn rich_affix(s: &str) -> Vec<Node> {
    rich_with(s, false)
}

fn rich_with(s: &str, curly: bool) -> Vec<Node> {
    if !s.contains(['<', '"', '\'', '“', '‘']) {
        return vec![Node::Text(s.to_string())];
    }
    let mut stack: Vec<(Frame, Vec<Node>)> = vec![(Frame::Root, Vec::new())];
    let mut buf = String::new();
    let flush = |buf: &mut String, stack: &mut Vec<(Frame, Vec<Node>)>| {
        if !buf.is_empty() {
            if let Some(top) = stack.last_mut() {
                top.1.push(Node::Text(std::mem::take(buf)));
            }
        }
    };
    let open_quote = |stack: &[(Frame, Vec<Node>)], single: bool| {
        stack.iter().rposition(|(f, _)| match f {
            Frame::Quote(q) => (*q == '\'' || *q == '‘') == single,
            _ => false,
        })
    };
    let mut rest = s;
    let mut prev_char: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let next = rest[c.len_utf8()..].chars().next();
        if c == '<' {
            let tags: [(&str, Frame); 7] = [
                ("<i>", Frame::Tag(Tag::Italic)),
                ("<b>", Frame::Tag(Tag::Bold)),
                ("<sup>", Frame::Tag(Tag::Sup)),
                ("<sub>", Frame::Tag(Tag::Sub)),
                ("<sc>", Frame::Tag(Tag::SmallCaps)),
                (
                    "<span style=\"font-variant:small-caps;\">",
                    Frame::Tag(Tag::SmallCaps),
                ),
                ("<span class=\"nocase\">", Frame::NoCase),
            ];
            if let Some((open, frame)) = tags.iter().find(|(o, _)| rest.starts_with(o)) {
                flush(&mut buf, &mut stack);
                stack.push((*frame, Vec::new()));
                rest = &rest[open.len()..];
                prev_char = None;
                continue;
            }
            let closes = ["</i>", "</b>", "</sup>", "</sub>", "</sc>", "</span>"];
            if let Some(tag_close) = closes.iter().find(|c| rest.starts_with(*c)) {
                if let Some(k) = stack
                    .iter()
                    .rposition(|(f, _)| matches!(f, Frame::Tag(_) | Frame::NoCase))
                {
                    flush(&mut buf, &mut stack);
                    // Quotes left open inside the tag stay as written.
                    while stack.len() > k + 1 {
                        unwind(&mut stack);
                    }
                    close_frame(&mut stack);
                    rest = &rest[tag_close.len()..];
                    continue;
                }
            }
        }
        let after_word = prev_char.is_some_and(char::is_alphanumeric);
        let before_word = next.is_some_and(|n| !n.is_whitespace());
        let at_end = next.is_none_or(|n| !n.is_alphanumeric());
        let single = matches!(c, '\'' | '‘' | '’');
        let curly_here = matches!(c, '“' | '”' | '‘' | '’');
        if curly_here && !curly {
            buf.push(c);
            prev_char = Some(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if matches!(c, '"' | '”' | '’' | '\'') {
            // A closing quote: after text, before a word's end.
            if let Some(k) = open_quote(&stack, single) {
                let closes_here = c == '"' || c == '”' || at_end;
                if closes_here && prev_char.is_some_and(|p| !p.is_whitespace()) {
                    flush(&mut buf, &mut stack);
                    while stack.len() > k + 1 {
                        unwind(&mut stack);
                    }
                    close_frame(&mut stack);
                    prev_char = Some(c);
                    rest = &rest[c.len_utf8()..];
                    continue;
                }
            }
        }
        if matches!(c, '"' | '“' | '‘') || (c == '\'' && !after_word) {
            // An opening quote: before a word, not inside one.
            if before_word && !(c == '"' && after_word) {
                flush(&mut buf, &mut stack);
                stack.push((Frame::Quote(c), Vec::new()));
                prev_char = None;
                rest = &rest[c.len_utf8()..];
                continue;
            }
        }
        buf.push(if c == '\'' { '’' } else { c });
        prev_char = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut buf, &mut stack);
    while stack.len() > 1 {
        unwind(&mut stack);
    }
    stack.pop().map(|s| s.1).unwrap_or_default()
}

/// Pops the innermost frame into its parent as the node it makes.
fn close_frame(stack: &mut Vec<(Frame, Vec<Node>)>) {
    if let Some((frame, children)) = stack.pop() {
        let node = match frame {
            Frame::Tag(t) => Node::Tagged(t, children),
            Frame::NoCase => Node::NoCase(children),
            Frame::Quote(_) | Frame::Root => Node::Quoted(children),
        };
        if let Some(top) = stack.last_mut() {
            top.1.push(node);
        }
    }
}

/// Pops a frame left open: a quote that was never closed keeps its
/// opening mark as text; a tag closes where the text ends.
fn unwind(stack: &mut Vec<(Frame, Vec<Node>)>) {
    if !matches!(stack.last(), Some((Frame::Quote(_), _))) {
        return close_frame(stack);
    }
    if let Some((Frame::Quote(q), children)) = stack.pop() {
        if let Some(top) = stack.last_mut() {
            top.1.push(Node::Text(q.to_string()));
            top.1.extend(children);
        }
    }
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
    fn superscript_characters_become_sup_in_html() {
        // magic_SuperscriptChars of the CSL suite; text output keeps them.
        let n = vec![Node::text("1ᵉʳ & m²")];
        assert_eq!(html(&n), "1<sup>e</sup><sup>r</sup> &#38; m<sup>2</sup>");
        assert_eq!(render(&n, Markup::Text, &Quotes::default()), "1ᵉʳ & m²");
    }

    #[test]
    fn meeting_punctuation_merges_as_citeproc_js_does() {
        // punctuation_FullMontyPlain of the CSL suite: ";" then ":" keeps ";".
        let n = vec![Node::text("semicolon;"), Node::text(": colon")];
        assert_eq!(html(&n), "semicolon; colon");
        let n = vec![Node::text("Why?"), Node::text(". Next")];
        assert_eq!(html(&n), "Why? Next");
        let n = vec![Node::text("Title,"), Node::text(". Next")];
        assert_eq!(html(&n), "Title. Next");
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

    proptest::proptest! {
        // Quote parsing loses no letter or digit, in fields and in cite affixes.
        #[test]
        fn field_markup_keeps_every_letter(s in "[a-zA-Z0-9 '\"“”‘’.,:;!?()-]{0,40}") {
            let letters = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            proptest::prop_assert_eq!(letters(&plain(&rich(&s))), letters(&s));
            proptest::prop_assert_eq!(letters(&plain(&rich_affix(&s))), letters(&s));
        }
    }

    #[test]
    fn single_and_curly_quotes_are_markup_in_fields() {
        // Cases of the CSL test suite (flipflop_SingleBeforeColon,
        // decorations_NestedQuotes, flipflop_OrphanQuote, bugreports_FrenchApostrophe).
        let n = rich("'Nobody Knows You're a Dog': As iconic");
        assert_eq!(html(&n), "“Nobody Knows You’re a Dog”: As iconic");
        let n = vec![Node::Quoted(rich("My “Amazing” Title"))];
        assert_eq!(html(&n), "“My ‘Amazing’ Title”");
        let n = rich("Nation of \"Positive Obligations \" of State");
        assert_eq!(html(&n), "Nation of \"Positive Obligations \" of State");
        assert_eq!(html(&rich("abbé d'")), "abbé d’");
        // In a cite's prefix curly quotes stay (flipflop_LeadingMarkupWithApostrophe).
        assert_eq!(
            html(&rich_affix("meaning ‘God willing’. Another")),
            "meaning ‘God willing’. Another"
        );
        assert_eq!(html(&rich_affix("'quote' here")), "“quote” here");
    }
}
