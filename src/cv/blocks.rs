//! What every front end (markdown, text, LaTeX, HTML) turns its syntax into:
//! a flat sequence of blocks (headings, list items, paragraphs, definition
//! terms and definitions), each with its text as inline markdown, one
//! [`Line`] per source line. Sections and items are found on blocks only, so
//! the same rules hold for every syntax.

/// One line of a block: inline markdown (`*it*`, `**bold**`, `[t](url)`) and
/// the 1-based source line it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub no: usize,
    pub text: String,
}

impl Line {
    pub fn new(no: usize, text: impl Into<String>) -> Self {
        Line {
            no,
            text: text.into(),
        }
    }
}

/// How a list item is marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    /// `-`, `*`, `•`, `<li>` in `<ul>`, `\item` in itemize.
    Bullet,
    /// `12.`, `12)`, `[12]`, `(12)`, `<li>` in `<ol>`, `\item` in enumerate.
    Number(u32),
    /// A label with letters, as printed without brackets: `J5`, `C3`, `B1`.
    Label(String),
    /// `\bibitem{key}` (with the optional `[label]` when given).
    Key { key: String, label: Option<String> },
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A heading; level 0 is a document title (YAML `title:`, HTML `<title>`),
    /// 1–6 the syntax's levels, 7 a line that only reads as a heading (a
    /// whole-line bold paragraph, a line of heading words).
    Heading { level: u8 },
    /// A list item; `depth` 1 is the outermost list.
    Item { marker: Marker, depth: u8 },
    /// A paragraph (blank-line separated text, `<p>`, `<div>`).
    Paragraph,
    /// A definition-list term (pandoc `2017` above `:    text`, `<dt>`).
    Term,
    /// A definition-list definition (`:    text`, `<dd>`).
    Definition,
}

/// One block with its lines (never empty once a front end hands it over).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: BlockKind,
    pub lines: Vec<Line>,
    /// Where the block starts: its marker's line (`\bibitem{key}` may stand
    /// on a line of its own above the text).
    pub start: usize,
}

impl Block {
    pub fn new(kind: BlockKind, lines: Vec<Line>) -> Self {
        let start = lines.first().map_or(0, |l| l.no);
        Block { kind, lines, start }
    }

    /// The first source line.
    pub fn line(&self) -> usize {
        self.start
    }

    /// The text of all lines, joined by spaces.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&l.text);
        }
        out
    }
}

/// Collects blocks, dropping lines that are empty and blocks left without lines.
#[derive(Debug, Default)]
pub(crate) struct Blocks {
    pub blocks: Vec<Block>,
}

impl Blocks {
    /// Pushes a block that starts at `start` (its tag's line) or at its first line.
    #[cfg_attr(not(feature = "html"), allow(dead_code))] // the HTML front end's
    pub fn push_at(&mut self, kind: BlockKind, lines: Vec<Line>, start: usize) {
        let before = self.blocks.len();
        self.push(kind, lines);
        if let Some(b) = self.blocks.get_mut(before) {
            if start > 0 {
                b.start = b.start.min(start);
            }
        }
    }

    pub fn push(&mut self, kind: BlockKind, lines: Vec<Line>) {
        let start = lines.first().map_or(0, |l| l.no);
        let lines: Vec<Line> = lines
            .into_iter()
            .filter(|l| !l.text.trim().is_empty())
            .collect();
        if !lines.is_empty() {
            let mut block = Block::new(kind, lines);
            // An item starts at its marker; other blocks at their text.
            if matches!(block.kind, BlockKind::Item { .. }) {
                block.start = start.min(block.start);
            }
            self.blocks.push(block);
        }
    }
}

/// A list marker at the start of `s` (after any bullet): `12.`, `12)`,
/// `[12]`, `(12)`, `[J5]`, `[C3]`. Returns the marker and the text after it;
/// `None` when the text does not start with one or nothing follows it.
pub(crate) fn leading_label(s: &str) -> Option<(Marker, &str)> {
    let (inner, rest) = if let Some(t) = s.strip_prefix('[') {
        let end = t.find(']')?;
        (&t[..end], &t[end + 1..])
    } else if let Some(t) = s.strip_prefix('(') {
        let end = t.find(')')?;
        (&t[..end], &t[end + 1..])
    } else {
        let end = s.find(|c: char| !c.is_ascii_digit())?;
        let close = s[end..].chars().next()?;
        // `1  Weber L` / `1\tWeber L`: a reference manager's number column
        // pasted as text (a tab or two spaces; one space is a title's number).
        let column = s[end..].starts_with('\t') || s[end..].starts_with("  ");
        if close != '.' && close != ')' && !column {
            return None;
        }
        if column {
            (&s[..end], &s[end..])
        } else {
            (&s[..end], &s[end + 1..])
        }
    };
    if !rest.starts_with([' ', '\t']) || rest.trim().is_empty() {
        return None;
    }
    let letters = inner.bytes().take_while(u8::is_ascii_alphabetic).count();
    let digits = &inner[letters..];
    let digits_ok = !digits.is_empty()
        && digits.len() <= 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !(letters == 0 && digits.len() == 4 && !s.starts_with('['));
    if !digits_ok || letters > 3 {
        return None;
    }
    let marker = if letters == 0 {
        // Four digits in parentheses or before a period are a year, not a number.
        if digits.len() > 3 {
            return None;
        }
        Marker::Number(digits.parse().ok()?)
    } else {
        Marker::Label(inner.to_string())
    };
    Some((marker, rest.trim_start()))
}

/// Strips a leading bullet (`-`, `*`, `+`, `•`, `–`, `▪`) followed by white space.
pub(crate) fn strip_bullet(s: &str) -> (bool, &str) {
    let t = s.trim_start();
    for b in ['-', '*', '+', '•', '–', '▪', '◦', '·'] {
        if let Some(rest) = t.strip_prefix(b) {
            if rest.starts_with([' ', '\t']) {
                return (true, rest.trim_start());
            }
        }
    }
    (false, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_numbers_and_years() {
        let m = |s| leading_label(s).map(|(m, rest)| (m, rest.to_string()));
        assert_eq!(
            m("21. Hedström A"),
            Some((Marker::Number(21), "Hedström A".into()))
        );
        assert_eq!(m("3) Bach S"), Some((Marker::Number(3), "Bach S".into())));
        assert_eq!(m("[7] Bach S"), Some((Marker::Number(7), "Bach S".into())));
        assert_eq!(m("(7) Bach S"), Some((Marker::Number(7), "Bach S".into())));
        assert_eq!(
            m("[J5] Stein"),
            Some((Marker::Label("J5".into()), "Stein".into()))
        );
        assert_eq!(m("2016. Lecture Notes"), None);
        assert_eq!(m("(2016) Lecture Notes"), None);
        assert_eq!(m("10(7):e0130140"), None);
        assert_eq!(m("1."), None);
        assert_eq!(m("1  Weber L"), Some((Marker::Number(1), "Weber L".into())));
        assert_eq!(
            m("12\tWeber L"),
            Some((Marker::Number(12), "Weber L".into()))
        );
        assert_eq!(m("12 Angry Men"), None);
        assert_eq!(m("2016  Lecture"), None);
        assert_eq!(m("[Title](url) x"), None);
        assert_eq!(strip_bullet("  - 21. X"), (true, "21. X"));
        assert_eq!(strip_bullet("*Best Paper*"), (false, "*Best Paper*"));
    }
}
