//! Serialising the output tree to text, HTML and Markdown, with the joins
//! citeproc-js makes: duplicate punctuation collapsed ("Title." + "." →
//! "Title."), punctuation moved inside closing quotes where the locale wants
//! it, and italics flipped inside italics.

use super::{Markup, Node, Quote, Quotes, Tag};

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
    /// The next text is not merged with the punctuation before it
    /// (identical marks still are).
    no_merge: bool,
}

const PUNCT: &str = ".!?:;,";

impl Flattener<'_> {
    /// `quoted`: inside a style's quotes; `depth`: field quotes open around.
    fn walk(&mut self, nodes: &[Node], quoted: bool, depth: usize) {
        for n in nodes {
            match n {
                Node::Text(t) => self.push(t, false),
                Node::NoCase(c) => self.walk(c, quoted, depth),
                Node::Tagged(Tag::NoMerge, c) => {
                    self.no_merge = true;
                    self.walk(c, quoted, depth);
                }
                Node::Tagged(tag, c) => {
                    self.next_id += 1;
                    self.stack.push((self.next_id, *tag));
                    self.walk(c, quoted, depth);
                    self.stack.pop();
                }
                Node::Quoted(Quote::FieldSingle, c) if depth == 0 && !quoted => {
                    // Curly single quotes outside any quote are text.
                    self.push("‘", false);
                    self.walk(c, quoted, depth);
                    self.push("’", false);
                }
                Node::Quoted(kind, c) => {
                    let inner = match kind {
                        Quote::Style => false,
                        Quote::Field | Quote::FieldSingle | Quote::Affix => {
                            (depth + usize::from(quoted)) % 2 == 1
                        }
                    };
                    let (open, close) = if inner {
                        (&self.quotes.open_inner, &self.quotes.close_inner)
                    } else {
                        (&self.quotes.open, &self.quotes.close)
                    };
                    let (open, close) = (open.clone(), close.clone());
                    self.push(&open, false);
                    let depth = depth + usize::from(*kind != Quote::Style);
                    self.walk(c, quoted || *kind == Quote::Style, depth);
                    self.push(&close, *kind != Quote::Affix);
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
        let no_merge = std::mem::take(&mut self.no_merge);
        let mut text = text.to_string();
        // Punctuation after a closing quote moves inside it (en-US style):
        // citeproc-js's SWAP_IN marks ". , ! ?" (not ": ;"); a ":" or ";"
        // after the quote first gives way to a "!" or "?" (its merge table).
        if self.quotes.punctuation_in_quote && !close_quote {
            let first = text.chars().next().filter(|c| ".,!?".contains(*c));
            if let (Some(f), Some(last)) = (first, self.last_char()) {
                if !no_merge && "!?".contains(f) && ":;".contains(last) {
                    self.remove_last_char();
                }
            }
            // A ":" after a quote that closes on "!" or "?" goes.
            if !no_merge && text.starts_with(':') {
                let q = self.runs.iter().rposition(|r| !r.text.is_empty());
                if let Some(q) = q.filter(|&q| self.runs[q].close_quote) {
                    let inside = self.runs[..q]
                        .iter()
                        .rev()
                        .find_map(|r| r.text.chars().last());
                    if inside.is_some_and(|b| b == '!' || b == '?') {
                        text.remove(0);
                    }
                }
            }
            if let Some(first) = first {
                let q = self.runs.iter().rposition(|r| !r.text.is_empty());
                if let Some(mut q) = q.filter(|&q| self.runs[q].close_quote) {
                    text.remove(0);
                    // Inside every quote that closes there (citeproc-js: ",””").
                    while let Some(p) = self.runs[..q].iter().rposition(|r| !r.text.is_empty()) {
                        if !self.runs[p].close_quote {
                            break;
                        }
                        q = p;
                    }
                    let before = self.runs[..q]
                        .iter()
                        .rev()
                        .find_map(|r| r.text.chars().last());
                    // The merge table inside the quote: "." after "!", "?",
                    // ":" or ";" and a repeated mark go; others stay (",.").
                    let keep = match before {
                        Some(b) if PUNCT.contains(b) => {
                            !(b == first || (first == '.' && "!?:;".contains(b)))
                        }
                        _ => true,
                    };
                    if keep {
                        // Insert before the quote, inside the formatting the
                        // quoted text ends in (citeproc-js: “<i>T,</i>”).
                        let frames = self.runs[..q]
                            .iter()
                            .rev()
                            .find(|r| !r.text.is_empty())
                            .map_or_else(|| self.runs[q].frames.clone(), |r| r.frames.clone());
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
                // citeproc-js's merge table (CSL.Output.Queue.adjust,
                // LtoR_MAP; left mark, right mark): ";"/":" before "." or
                // ":" win, "!"/"?" before "." or ":" win, "!"/"?" after
                // ";"/":" win; every other pair, "," before anything
                // included, keeps both.
                let drop_new = last == first
                    || (!no_merge
                        && ((first == '.' && "!?:;".contains(last))
                            || (first == ':' && "!?;".contains(last))));
                let replace_old = !no_merge && ":;".contains(last) && "!?".contains(first);
                if drop_new {
                    text.remove(0);
                } else if replace_old {
                    self.remove_last_char();
                }
            } else if (last == ' ' || last == '\u{a0}') && first == ' ' {
                // A space after a space or a no-break space goes (citeproc-js's
                // adjust: a suffix ending in U+00A0 takes no space after it).
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
        no_merge: false,
    };
    f.walk(nodes, false, 0);
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

/// Bold inside bold and small caps inside small caps flip back to
/// normal, as italics do (citeproc-js's flip-flop).
fn flips(tag: Tag, open: &[(u32, Tag)]) -> bool {
    let mut on = false;
    for (_, t) in open {
        match (tag, t) {
            (Tag::Bold, Tag::Bold) | (Tag::SmallCaps, Tag::SmallCaps) => on = !on,
            (Tag::Bold, Tag::NormalWeight | Tag::Light | Tag::NoDecor)
            | (Tag::SmallCaps, Tag::NormalVariant | Tag::NoDecor) => on = false,
            _ => {}
        }
    }
    on
}

fn italic_inside(open: &[(u32, Tag)]) -> bool {
    let mut italic = false;
    for (_, t) in open {
        match t {
            Tag::Italic => italic = !italic,
            Tag::Roman | Tag::NoDecor => italic = false,
            _ => {}
        }
    }
    italic
}

/// What a nodecor span undoes: the formatting open around it, each set
/// back to normal (citeproc-js), or nothing.
fn undone(open: &[(u32, Tag)]) -> String {
    let (italic, bold, caps, under) = active(open);
    let mut style = String::new();
    for (on, s) in [
        (italic, "font-style:normal;"),
        (caps, "font-variant:normal;"),
        (bold, "font-weight:normal;"),
        (under, "text-decoration:none;"),
    ] {
        if on {
            style.push_str(s);
        }
    }
    style
}

/// A "normal" setting with nothing to undo around it prints nothing
/// (citeproc-js's normalDecorIsOrphan).
fn orphan(tag: Tag, open: &[(u32, Tag)]) -> bool {
    let (italic, bold, caps, under) = active(open);
    match tag {
        Tag::Roman => !italic,
        Tag::NormalWeight => !bold,
        Tag::NormalVariant => !caps,
        Tag::NoDecoration => !under,
        _ => false,
    }
}

/// The formatting open: italic, bold, small caps, underlined.
fn active(open: &[(u32, Tag)]) -> (bool, bool, bool, bool) {
    let (mut italic, mut bold, mut caps, mut under) = (false, false, false, false);
    for (_, t) in open {
        match t {
            Tag::Italic => italic = !italic,
            Tag::Roman => italic = false,
            Tag::Bold | Tag::Highlight => bold = true,
            Tag::NormalWeight | Tag::Light => bold = false,
            Tag::SmallCaps => caps = true,
            Tag::NormalVariant => caps = false,
            Tag::Underline => under = true,
            Tag::NoDecoration => under = false,
            Tag::NoDecor => (italic, bold, caps, under) = (false, false, false, false),
            _ => {}
        }
    }
    (italic, bold, caps, under)
}

fn open_tag(out: &mut String, tag: Tag, markup: Markup, open: &[(u32, Tag)]) {
    match markup {
        Markup::Html => {
            if orphan(tag, open) {
                return;
            }
            let t = match tag {
                Tag::Italic if italic_inside(open) => "<span style=\"font-style:normal;\">",
                Tag::Italic => "<i>",
                Tag::Bold if flips(tag, open) => "<span style=\"font-weight:normal;\">",
                Tag::SmallCaps if flips(tag, open) => "<span style=\"font-variant:normal;\">",
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
                Tag::NoMerge => return,
                Tag::NoDecor => {
                    let style = undone(open);
                    if !style.is_empty() {
                        out.push_str(&format!("<span style=\"{style}\">"));
                    }
                    return;
                }
                Tag::Div(class) => {
                    // citeproc-js's HTML format sets blocks and the left
                    // margin on lines of their own.
                    out.push_str(match class {
                        "csl-block" => "\n\n    ",
                        "csl-left-margin" => "\n    ",
                        _ => "",
                    });
                    out.push_str("<div class=\"");
                    out.push_str(class);
                    out.push_str("\">");
                    return;
                }
            };
            out.push_str(t);
        }
        Markup::Markdown => out.push_str(markdown_mark(tag, open)),
        // citeproc-js's text format writes a block and an indent on a line
        // of their own ("\n", "\n    ") and a space after the left margin;
        // entries here stay on one line, so the line breaks are spaces.
        Markup::Text => match tag {
            Tag::Div("csl-block") | Tag::Div("csl-indent") => out.push(' '),
            _ => {}
        },
    }
}

/// Markdown has marks for italics and bold only; the same on both sides.
fn markdown_mark(tag: Tag, open: &[(u32, Tag)]) -> &'static str {
    match tag {
        Tag::Italic if italic_inside(open) => "",
        Tag::Italic => "*",
        Tag::Bold if flips(tag, open) => "",
        Tag::Bold | Tag::Highlight => "**",
        _ => "",
    }
}

fn close_tag(out: &mut String, tag: Tag, markup: Markup, open: &[(u32, Tag)]) {
    match markup {
        Markup::Html => out.push_str(match tag {
            _ if orphan(tag, open) => "",
            Tag::Italic if italic_inside(open) => "</span>",
            Tag::Italic => "</i>",
            Tag::Bold if flips(tag, open) => "</span>",
            Tag::Bold | Tag::Highlight => "</b>",
            Tag::Sup => "</sup>",
            Tag::Sub => "</sub>",
            Tag::Div("csl-block") => "</div>\n",
            Tag::Div("csl-right-inline" | "csl-indent") => "</div>\n  ",
            Tag::Div(_) => "</div>",
            Tag::NoDecor if undone(open).is_empty() => "",
            _ => "</span>",
        }),
        Markup::Markdown => out.push_str(markdown_mark(tag, open)),
        Markup::Text => {
            if tag == Tag::Div("csl-left-margin") {
                out.push(' ');
            }
        }
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
        // A comma keeps its place before a period (citeproc-js's LtoR_MAP: ",." stays).
        let n = vec![Node::text("Title,"), Node::text(". Next")];
        assert_eq!(html(&n), "Title,. Next");
    }

    #[test]
    fn periods_and_commas_move_inside_quotes() {
        let n = vec![
            Node::Quoted(Quote::Style, vec![Node::text("Title")]),
            Node::text(", In"),
        ];
        assert_eq!(html(&n), "“Title,” In");
        let n = vec![
            Node::Quoted(Quote::Style, vec![Node::text("Why?")]),
            Node::text(". In"),
        ];
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
}
