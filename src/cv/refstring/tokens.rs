//! Inline markdown → plain text and tokens with their markup.
//!
//! The item text reaches the field parser as "inline markdown" (`*italic*`,
//! `**bold**`, `[text](url)`, `<url>`, quotes as written). This scanner drops
//! the markup and keeps what it said as flags on the tokens: italic, bold,
//! quoted, link text, an equal-contribution star. Written by hand: a markdown
//! parser (pulldown-cmark) would read the broken emphasis of real lists
//! (`Anderson, S.C.**, T.A. Branch`) as literal stars and lose the rest, and the
//! tokens need byte offsets into the text without markup.

use crate::model::{Link, LinkKind};

/// Token flags.
pub(crate) const ITALIC: u16 = 1;
pub(crate) const BOLD: u16 = 2;
pub(crate) const QUOTED: u16 = 4;
pub(crate) const LINK: u16 = 8;
/// An unpaired `*` (or `\*`, `†`, `‡`) touches the token: an equal-contribution or owner mark.
pub(crate) const STAR: u16 = 16;
pub(crate) const SPACE_BEFORE: u16 = 32;
pub(crate) const LINE_START: u16 = 64;
/// The token stands for an identifier or URL (see `ids.rs`).
pub(crate) const ID: u16 = 128;

/// One token: a word, a number or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub flags: u16,
}

impl Token {
    pub(crate) fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// The text without markup, its tokens, and the links it held.
#[derive(Debug, Default)]
pub(crate) struct Scanned {
    pub plain: String,
    pub tokens: Vec<Token>,
    /// Links: the byte range of their text in `plain` (empty for bare URLs) and the link.
    pub links: Vec<(usize, usize, Link)>,
}

impl Scanned {
    pub(crate) fn text(&self, t: &Token) -> &str {
        &self.plain[t.start..t.end]
    }
}

/// Where an emphasis run opens or closes, found before scanning.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Opens or closes italic/bold (length 1, 2 or 3 of `*` or `_`).
    Emphasis(u8),
    /// A lone star that pairs with nothing.
    Star,
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‘' | '‚')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑' | '−')
}

/// Characters that are tokens of their own.
fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '‚'
            | '?'
            | '!'
            | '&'
            | '|'
            | '/'
            | '·'
            | '•'
    ) || is_dash(c)
}

/// Pairs the `*`/`_` runs of `s` (CommonMark-like flanking, stack pairing).
/// Returns, for each byte offset where a run starts, its length and meaning.
fn pair_emphasis(s: &str) -> Vec<(usize, usize, Mark)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut runs: Vec<(usize, usize, bool, bool, char)> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        if (c == '*' || c == '_') && !(k > 0 && chars[k - 1].1 == '\\') {
            let mut n = 1;
            while k + n < chars.len() && chars[k + n].1 == c {
                n += 1;
            }
            let before = k.checked_sub(1).map(|b| chars[b].1);
            let after = chars.get(k + n).map(|&(_, a)| a);
            let can_open = after.is_some_and(|a| !a.is_whitespace());
            let can_close = before.is_some_and(|b| !b.is_whitespace());
            // `_` inside a word (snake_case, URLs) is not emphasis.
            let intraword = c == '_'
                && before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric);
            if !intraword {
                runs.push((at, n, can_open, can_close, c));
            }
            k += n;
            continue;
        }
        k += 1;
    }
    let mut out: Vec<(usize, usize, Mark)> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, &(at, n, open, close, c)) in runs.iter().enumerate() {
        if close {
            // Only the innermost openers are tried: bounded work per run.
            let floor = stack.len().saturating_sub(16);
            if let Some(pos) = stack[floor..]
                .iter()
                .rposition(|&j| runs[j].4 == c && runs[j].1 == n)
                .map(|p| p + floor)
            {
                let j = stack[pos];
                stack.truncate(pos);
                out.push((runs[j].0, n, Mark::Emphasis(n.min(3) as u8)));
                out.push((at, n, Mark::Emphasis(n.min(3) as u8)));
                continue;
            }
        }
        if open {
            stack.push(i);
        } else if c == '*' {
            out.push((at, n, Mark::Star));
        }
    }
    for j in stack {
        if runs[j].4 == '*' {
            out.push((runs[j].0, runs[j].1, Mark::Star));
        }
    }
    out.sort_by_key(|m| m.0);
    out
}

/// `[text](url)` at `s[i..]`: (text range, url, end).
fn markdown_link(s: &str, i: usize) -> Option<(usize, usize, String, usize)> {
    let rest = &s[i + 1..];
    let mut depth = 0i32;
    let mut close = None;
    for (k, c) in rest.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => {
                close = Some(k);
                break;
            }
            ']' => depth -= 1,
            _ if k > 1000 => return None,
            _ => {}
        }
    }
    let close = i + 1 + close?;
    let after = &s[close + 1..];
    let url_part = after.strip_prefix('(')?;
    let url_end = url_part.find([')', ' ', '\n'])?;
    if !url_part[url_end..].starts_with(')') {
        return None;
    }
    let url = url_part[..url_end].trim();
    if url.is_empty() {
        return None;
    }
    Some((i + 1, close, url.to_string(), close + 2 + url_end + 1))
}

/// Length of a bare URL at the start of `s`: it ends at white space, `<`, `>`,
/// `|`, a closing bracket without an opening one, and trailing `.,;:`.
pub(crate) fn url_len(s: &str) -> usize {
    let mut depth = 0i32;
    let mut end = s.len();
    for (k, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth == 0 => {
                end = k;
                break;
            }
            ')' | ']' => depth -= 1,
            c if c.is_whitespace() || matches!(c, '<' | '>' | '|' | '"' | '”') => {
                end = k;
                break;
            }
            _ => {}
        }
    }
    s[..end].trim_end_matches(['.', ',', ';', ':']).len()
}

fn starts_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://") || s.starts_with("www.")
}

/// Scans inline markdown into plain text and tokens.
pub(crate) fn scan(text: &str) -> Scanned {
    let marks = pair_emphasis(text);
    let mut out = Scanned {
        plain: String::with_capacity(text.len()),
        ..Scanned::default()
    };
    // Per byte of `plain`: the flags in force.
    let mut styles: Vec<u16> = Vec::with_capacity(text.len());
    let mut italic = false;
    let mut bold = false;
    let mut quoted = false;
    let mut opener = '"';
    let mut link_stack: Vec<(usize, usize, String)> = Vec::new(); // (plain start, text end, url)
    let mut star_at: Vec<usize> = Vec::new(); // plain offsets where a star mark stood
    let mut mark_iter = marks.iter().peekable();
    let mut i = 0;
    let push = |out: &mut Scanned, styles: &mut Vec<u16>, c: char, flags: u16| {
        out.plain.push(c);
        styles.extend(std::iter::repeat_n(flags, c.len_utf8()));
    };
    while i < text.len() {
        while mark_iter.peek().is_some_and(|m| m.0 < i) {
            mark_iter.next();
        }
        if let Some(&&(at, n, mark)) = mark_iter.peek() {
            if at == i {
                mark_iter.next();
                match mark {
                    Mark::Emphasis(1) => italic = !italic,
                    Mark::Emphasis(2) => bold = !bold,
                    Mark::Emphasis(_) => {
                        italic = !italic;
                        bold = !bold;
                    }
                    Mark::Star => star_at.push(out.plain.len()),
                }
                i += n;
                continue;
            }
        }
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        // Closing a link's text.
        if c == ']' && link_stack.last().is_some_and(|l| l.1 == i) {
            if let Some((start, _, url)) = link_stack.pop() {
                let kind = LinkKind::classify(&url);
                out.links.push((start, out.plain.len(), Link { url, kind }));
                // Skip `](url)`.
                let skip = rest.find(')').map_or(rest.len(), |p| p + 1);
                i += skip;
                continue;
            }
        }
        if c == '[' {
            if let Some((_, close, url, _)) = markdown_link(text, i) {
                link_stack.push((out.plain.len(), close, url));
                i += 1;
                continue;
            }
        }
        if c == '<' {
            let inner = &rest[1..];
            if starts_url(inner) {
                let len = url_len(inner);
                let url = inner[..len].to_string();
                let start = out.plain.len();
                for ch in url.chars() {
                    push(&mut out, &mut styles, ch, 0);
                }
                let kind = LinkKind::classify(&url);
                out.links.push((start, out.plain.len(), Link { url, kind }));
                i += 1 + len;
                if text[i..].starts_with('>') {
                    i += 1;
                }
                continue;
            }
        }
        if c == '\\' {
            if let Some(next) = rest[1..].chars().next() {
                if next == '*' {
                    star_at.push(out.plain.len());
                    i += 2;
                    continue;
                }
                if next.is_ascii_punctuation() {
                    push(&mut out, &mut styles, next, 0);
                    i += 1 + next.len_utf8();
                    continue;
                }
            }
        }
        // LaTeX quotes: ``Title,''
        if rest.starts_with("``") || rest.starts_with("''") {
            let open = rest.starts_with('`');
            let mut flags = 0;
            if italic {
                flags |= ITALIC;
            }
            push(&mut out, &mut styles, if open { '“' } else { '”' }, flags);
            quoted = open;
            opener = '“';
            i += 2;
            continue;
        }
        if matches!(c, '†' | '‡' | '\u{E000}') {
            star_at.push(out.plain.len());
            i += c.len_utf8();
            continue;
        }
        // Quotes: a quote closes only what its own kind opened (`’` does not
        // close `“`: `Networks’ Predictors` stays inside the title).
        let closes = |open: char, c: char| {
            matches!(
                (open, c),
                ('"', '"')
                    | ('“', '”')
                    | ('„', '“')
                    | ('„', '”')
                    | ('«', '»')
                    | ('‘', '’')
                    | ('‚', '‘')
                    | ('”', '”')
            )
        };
        let quote_change = if quoted && closes(opener, c) {
            let next = rest[c.len_utf8()..].chars().next();
            // `’` inside a word is an apostrophe.
            let apostrophe = c == '’' && next.is_some_and(char::is_alphanumeric);
            (!apostrophe).then_some(false)
        } else if !quoted && (c == '"' || is_open_quote(c)) {
            let prev = out.plain.chars().next_back();
            (prev.is_none_or(|p| !p.is_alphanumeric())).then_some(true)
        } else {
            None
        };
        let mut flags = 0;
        if italic {
            flags |= ITALIC;
        }
        if bold {
            flags |= BOLD;
        }
        if !link_stack.is_empty() {
            flags |= LINK;
        }
        match quote_change {
            Some(true) => {
                push(&mut out, &mut styles, c, flags);
                quoted = true;
                opener = c;
            }
            Some(false) => {
                push(&mut out, &mut styles, c, flags);
                quoted = false;
            }
            None => {
                if quoted {
                    flags |= QUOTED;
                }
                let c = if c == '\u{a0}' || c == '\t' { ' ' } else { c };
                push(&mut out, &mut styles, c, flags);
            }
        }
        i += c.len_utf8();
    }
    // An unclosed link bracket was literal text; nothing more to do for it.
    tokenize(&mut out, &styles, &star_at);
    out
}

/// Splits `plain` into tokens.
fn tokenize(out: &mut Scanned, styles: &[u16], star_at: &[usize]) {
    let plain = &out.plain;
    let mut tokens = Vec::with_capacity(plain.len() / 4);
    let mut space_before = true;
    let mut line_start = true;
    let mut word_start: Option<usize> = None;
    let flags_of = |start: usize, end: usize, space: bool, line: bool| {
        let mut f = styles.get(start).copied().unwrap_or(0);
        // A token is italic/bold/quoted when most of it is; take its first byte.
        if space {
            f |= SPACE_BEFORE;
        }
        if line {
            f |= LINE_START;
        }
        if star_at.binary_search(&start).is_ok() || star_at.binary_search(&end).is_ok() {
            f |= STAR;
        }
        f
    };
    let chars: Vec<(usize, char)> = plain.char_indices().collect();
    let mut k = 0;
    let close_word = |tokens: &mut Vec<Token>,
                      ws: &mut Option<usize>,
                      end: usize,
                      sb: &mut bool,
                      ls: &mut bool| {
        if let Some(s) = ws.take() {
            split_word(plain, s, end, *sb, *ls, &flags_of, tokens);
            *sb = false;
            *ls = false;
        }
    };
    while k < chars.len() {
        let (at, c) = chars[k];
        if c.is_whitespace() {
            close_word(
                &mut tokens,
                &mut word_start,
                at,
                &mut space_before,
                &mut line_start,
            );
            space_before = true;
            if c == '\n' {
                line_start = true;
            }
            k += 1;
            continue;
        }
        let prev_digit = k > 0 && chars[k - 1].1.is_ascii_digit();
        let next_digit = chars.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
        let next_alpha = chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        let prev_alpha = k > 0 && chars[k - 1].1.is_alphabetic();
        // A hyphen inside a word (`Black-swan`, `K.-R.`) or `/` inside an
        // identifier-like word (`abs/1409`) stays in the word; dashes between
        // digits split ranges.
        let inner_hyphen =
            c == '-' && word_start.is_some() && !prev_digit && (next_alpha || next_digit);
        let inner_slash = c == '/'
            && word_start.is_some()
            && (prev_alpha || prev_digit)
            && (next_alpha || next_digit);
        // `ICML’16`, `O’Neil`: an apostrophe inside a word.
        let inner_apostrophe = matches!(c, '’' | '\'')
            && word_start.is_some()
            && (next_alpha || next_digit)
            && (prev_alpha || prev_digit);
        if is_punct(c) && !inner_hyphen && !inner_slash && !inner_apostrophe {
            close_word(
                &mut tokens,
                &mut word_start,
                at,
                &mut space_before,
                &mut line_start,
            );
            let end = at + c.len_utf8();
            tokens.push(Token {
                start: at,
                end,
                flags: flags_of(at, end, space_before, line_start),
            });
            space_before = false;
            line_start = false;
            k += 1;
            continue;
        }
        if word_start.is_none() {
            word_start = Some(at);
        }
        k += 1;
    }
    close_word(
        &mut tokens,
        &mut word_start,
        plain.len(),
        &mut space_before,
        &mut line_start,
    );
    out.tokens = tokens;
}

/// A word with a trailing period: the period is a token of its own unless
/// the word is initials (`J.`, `S.C.`, `K.-R.`) or has inner periods (`6.4.`
/// keeps its inner one).
fn split_word(
    plain: &str,
    start: usize,
    end: usize,
    space: bool,
    line: bool,
    flags_of: &dyn Fn(usize, usize, bool, bool) -> u16,
    tokens: &mut Vec<Token>,
) {
    let word = &plain[start..end];
    let core = word.trim_end_matches('.');
    let dots = word.len() - core.len();
    let initials = is_dotted_initials(word);
    if dots == 0 || initials || core.is_empty() {
        tokens.push(Token {
            start,
            end,
            flags: flags_of(start, end, space, line),
        });
        return;
    }
    let core_end = start + core.len();
    tokens.push(Token {
        start,
        end: core_end,
        flags: flags_of(start, core_end, space, line),
    });
    tokens.push(Token {
        start: core_end,
        end,
        flags: flags_of(core_end, end, false, false),
    });
}

/// `J.`, `S.C.`, `K.-R.`, `M.-C.`: upper-case letters each followed by a period.
pub(crate) fn is_dotted_initials(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let mut letters = 0;
    while let Some(c) = chars.next() {
        if !c.is_uppercase() {
            return false;
        }
        // Digraph initials: `Th.`, `Ch.`
        if chars.peek().is_some_and(|n| n.is_lowercase()) {
            chars.next();
        }
        if chars.next() != Some('.') {
            return false;
        }
        letters += 1;
        if chars.peek() == Some(&'-') {
            chars.next();
        }
    }
    letters > 0 && letters <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, u16)> {
        let sc = scan(s);
        sc.tokens
            .iter()
            .map(|t| {
                (
                    sc.text(t).to_string(),
                    t.flags & !(SPACE_BEFORE | LINE_START),
                )
            })
            .collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        let got: Vec<String> = toks("Bach, S.C. (2015). Black-swan events: 12(3):45–67.")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            got,
            [
                "Bach",
                ",",
                "S.C.",
                "(",
                "2015",
                ")",
                ".",
                "Black-swan",
                "events",
                ":",
                "12",
                "(",
                "3",
                ")",
                ":",
                "45",
                "–",
                "67",
                "."
            ]
        );
    }

    #[test]
    fn markup_becomes_flags() {
        let t = toks("**Anderson, S.C.**, T. Branch. “A *b*”. *Nature* [Title](https://x.org/y)");
        assert_eq!(t[0], ("Anderson".into(), BOLD));
        assert_eq!(t[2], ("S.C.".into(), BOLD));
        assert_eq!(t[3], (",".into(), 0));
        let a = t.iter().find(|x| x.0 == "A").unwrap();
        assert_eq!(a.1, QUOTED);
        let b = t.iter().find(|x| x.0 == "b").unwrap();
        assert_eq!(b.1, QUOTED | ITALIC);
        let n = t.iter().find(|x| x.0 == "Nature").unwrap();
        assert_eq!(n.1, ITALIC);
        let l = t.iter().find(|x| x.0 == "Title").unwrap();
        assert_eq!(l.1, LINK);
        let sc = scan("[Title](https://x.org/y) and <https://doi.org/10.1/2>");
        assert_eq!(sc.links.len(), 2);
        assert_eq!(&sc.plain[sc.links[0].0..sc.links[0].1], "Title");
        assert_eq!(sc.links[1].2.url, "https://doi.org/10.1/2");
    }

    #[test]
    fn broken_emphasis_and_stars() {
        // The list marker took the opening `**`: the closing one pairs with nothing.
        let t = toks("Anderson, S.C.**, T.A. Branch");
        assert!(t.iter().all(|x| x.1 & BOLD == 0), "{t:?}");
        assert!(t[2].1 & STAR != 0, "{t:?}");
        let t = toks(r"Smith J\*, Doe K\*");
        assert!(t[1].1 & STAR != 0, "{t:?}");
    }

    #[test]
    fn initials() {
        assert!(is_dotted_initials("J."));
        assert!(is_dotted_initials("K.-R."));
        assert!(is_dotted_initials("S.C."));
        assert!(is_dotted_initials("Th."));
        assert!(!is_dotted_initials("Proc."));
        assert!(!is_dotted_initials("IEEE."));
    }
}
