//! Clean-up of one line of CV text: markdown escapes, LaTeX remnants from PDF
//! extraction, HTML tags, and link extraction.
//!
//! Written by hand: no crate converts the *mixture* these files contain
//! (markdown escapes beside `$\hbox{``...''}$` beside `<sup>`), and a full
//! markdown or LaTeX parser would choke on the broken pieces (`*CoRR abs*/2202.06861`).

use crate::model::{Link, LinkKind};

/// Stands for an escaped `*` (`\*`) while `*` is still markup; restored by [`finish`].
pub(crate) const ESCAPED_STAR: char = '\u{E000}';

/// Cleans one line: escapes, LaTeX, HTML tags, entities and white space.
/// Markdown emphasis (`*`) is kept: the venue parser uses it.
pub(crate) fn clean_line(line: &str) -> String {
    let s = if looks_like_latex(line) {
        latex_to_text(line)
    } else {
        markdown_unescape(line)
    };
    let s = strip_html(&s);
    collapse_ws(&s)
}

/// Removes the remaining emphasis marks and restores escaped stars.
pub(crate) fn finish(s: &str) -> String {
    let out: String = s
        .chars()
        .filter(|&c| c != '*')
        .map(|c| if c == ESCAPED_STAR { '*' } else { c })
        .collect();
    collapse_ws(&out)
}

/// Collapses runs of white space to one space and trims.
pub(crate) fn collapse_ws(s: &str) -> String {
    // Most lines have single spaces only: copy them as they are.
    let simple = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.contains(|c: char| c != ' ' && (c.is_whitespace() || c == '\u{a0}'));
    if simple {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn looks_like_latex(line: &str) -> bool {
    if line.contains('$') {
        return true;
    }
    let b = line.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'\\' && w[1].is_ascii_alphabetic())
}

fn markdown_unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            // `\\_` (an escaped backslash before `_`, as some converters write
            // underscores in link text) stands for `_`.
            Some('\\') => {
                chars.next();
                if chars.peek() == Some(&'_') {
                    chars.next();
                    out.push('_');
                } else {
                    out.push('\\');
                }
            }
            Some('*') => {
                chars.next();
                out.push(ESCAPED_STAR);
            }
            Some(p) if p.is_ascii_punctuation() => {
                chars.next();
                out.push(p);
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// Commands whose argument is kept and whose name is dropped.
const TRANSPARENT_COMMANDS: &[&str] = &[
    "hbox", "mbox", "text", "textbf", "textit", "textrm", "textsf", "texttt", "emph", "tt", "it",
    "bf", "rm", "sf", "sc", "textsc", "textup", "mathrm", "mathit", "mathbf", "url",
];

/// The accented letter for an accent command (`\'`, `\"`, `\v`, ...) and a base letter.
pub(crate) fn accent_of(cmd: char, base: char) -> Option<char> {
    accent(cmd, base)
}

fn accent(cmd: char, base: char) -> Option<char> {
    let table: &[(char, &str, &str)] = &[
        ('"', "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"),
        ('\'', "aeiouycnszAEIOUYCNSZ", "áéíóúýćńśźÁÉÍÓÚÝĆŃŚŹ"),
        ('`', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ('^', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ('~', "anoANO", "ãñõÃÑÕ"),
        ('v', "cszrnCSZRN", "čšžřňČŠŽŘŇ"),
        ('c', "csCS", "çşÇŞ"),
        ('=', "aeiouAEIOU", "āēīōūĀĒĪŌŪ"),
        ('.', "zeiZEI", "żėİŻĖİ"),
        ('u', "agAG", "ăğĂĞ"),
        ('H', "ouOU", "őűŐŰ"),
        ('k', "aeAE", "ąęĄĘ"),
        ('r', "auAU", "åůÅŮ"),
    ];
    let (_, from, to) = table.iter().find(|(c, _, _)| *c == cmd)?;
    let i = from.chars().position(|c| c == base)?;
    to.chars().nth(i)
}

/// Turns LaTeX remnants into text: `$\hbox{``Title''}$` → `“Title”`,
/// `{\tt X}` → `X`, `\"{a}` → `ä`, `\ ` → space. Unknown commands are dropped
/// with their backslash, their arguments kept.
fn latex_to_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '$' | '{' | '}' => i += 1,
            '`' if chars.get(i + 1) == Some(&'`') => {
                out.push('“');
                i += 2;
            }
            '\'' if chars.get(i + 1) == Some(&'\'') => {
                out.push('”');
                i += 2;
            }
            '\\' => {
                let Some(&next) = chars.get(i + 1) else {
                    i += 1;
                    continue;
                };
                if next.is_ascii_alphabetic() {
                    let start = i + 1;
                    let mut j = start;
                    while j < chars.len() && chars[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    let name: String = chars[start..j].iter().collect();
                    i = j;
                    if let Some(replacement) = named_symbol(&name) {
                        out.push_str(replacement);
                        // A control word swallows the following space.
                        if chars.get(i) == Some(&' ') {
                            i += 1;
                        }
                    } else if name == "v" || name == "c" {
                        let cmd = if name == "v" { 'v' } else { 'c' };
                        let (base, used) = accent_argument(&chars, i);
                        if let Some(a) = base.and_then(|b| accent(cmd, b)) {
                            out.push(a);
                            i += used;
                        }
                    } else if TRANSPARENT_COMMANDS.contains(&name.as_str())
                        && chars.get(i) == Some(&' ')
                    {
                        // `{\tt MetaQuantus}`: the space after the command is not text.
                        i += 1;
                    }
                } else if matches!(next, '"' | '\'' | '`' | '^' | '~') {
                    let (base, used) = accent_argument(&chars, i + 2);
                    match base.and_then(|b| accent(next, b)) {
                        Some(a) => {
                            out.push(a);
                            i += 2 + used;
                        }
                        None => {
                            out.push(next);
                            i += 2;
                        }
                    }
                } else if next == ' ' {
                    out.push(' ');
                    i += 2;
                } else {
                    // `\&`, `\%`, `\_`, `\#`, `\$`, `\{`, `\}` and markdown escapes.
                    out.push(if next == '*' { ESCAPED_STAR } else { next });
                    i += 2;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Reads the base letter of an accent: `{a}` or `a`. Returns it and how many
/// characters it used.
fn accent_argument(chars: &[char], i: usize) -> (Option<char>, usize) {
    match chars.get(i) {
        Some('{') => match (chars.get(i + 1), chars.get(i + 2)) {
            (Some(&b), Some('}')) => (Some(b), 3),
            _ => (None, 0),
        },
        Some(&b) if b.is_alphabetic() => (Some(b), 1),
        _ => (None, 0),
    }
}

/// The text of a symbol command (`\o` → `ø`, `\ldots` → `…`).
pub(crate) fn named_symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "o" => "ø",
        "O" => "Ø",
        "ss" => "ß",
        "ae" => "æ",
        "AE" => "Æ",
        "aa" => "å",
        "AA" => "Å",
        "l" => "ł",
        "L" => "Ł",
        "i" => "ı",
        "oe" => "œ",
        "OE" => "Œ",
        "ldots" | "dots" => "…",
        "textendash" => "–",
        "textemdash" => "—",
        "quad" | "qquad" => " ",
        _ => return None,
    })
}

const HTML_TAGS: &[&str] = &[
    "sup", "sub", "b", "i", "u", "em", "strong", "br", "span", "small", "p", "div",
];

/// Removes known HTML tags (keeping their content) and decodes a few entities.
fn strip_html(s: &str) -> String {
    if !s.contains(['<', '&']) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let close = after.find('>');
        let tag_name: String = after
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        match close {
            Some(end) if HTML_TAGS.contains(&tag_name.to_ascii_lowercase().as_str()) => {
                if tag_name.eq_ignore_ascii_case("br") {
                    out.push(' ');
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    if !out.contains('&') {
        return out;
    }
    out.replace("&amp;", "&")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Takes the links out of `text`: markdown links `[text](url)`, autolinks
/// `<url>` (also broken ones such as `<url | Spotlight Paper>`), and bare
/// `http(s)://` URLs, which end at white space, `|`, `<`, `>` or a closing
/// bracket. A link preceded by `Demo:` is a demo. Returns the text without the
/// links (each replaced by a line break, so that what stood around it does not
/// run together) and the links in order.
pub(crate) fn extract_links(text: &str) -> (String, Vec<Link>) {
    let mut links = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let md = find_markdown_link(rest);
        let bare = find_url_start(rest);
        let (start, end, url) = match (md, bare) {
            (Some(m), Some(b)) if m.0 <= b => m,
            (Some(m), None) => m,
            (_, Some(b)) => {
                let end = b + url_len(&rest[b..]);
                (b, end, rest[b..end].to_string())
            }
            (None, None) => break,
        };
        let mut before = &rest[..start];
        let mut kind = LinkKind::classify(&url);
        let trimmed = before.trim_end_matches([' ', '<', '*']);
        if let Some(stripped) = trimmed.strip_suffix("Demo:") {
            kind = LinkKind::Demo;
            before = stripped;
        } else {
            before = before.trim_end_matches('<');
        }
        out.push_str(before);
        out.push('\n');
        if !url.is_empty() {
            links.push(Link { url, kind });
        }
        rest = rest[end..].strip_prefix('>').unwrap_or(&rest[end..]);
    }
    out.push_str(rest);
    (out, links)
}

/// `[text](url)`: start, end and URL.
fn find_markdown_link(s: &str) -> Option<(usize, usize, String)> {
    let mut from = 0;
    while let Some(rel) = s[from..].find("](") {
        let mid = from + rel;
        let open = s[..mid].rfind('[');
        let close = s[mid + 2..].find(')');
        if let (Some(open), Some(close)) = (open, close) {
            let url = s[mid + 2..mid + 2 + close].trim();
            if url.starts_with("http") || url.starts_with("mailto:") {
                return Some((open, mid + 2 + close + 1, url.to_string()));
            }
        }
        from = mid + 2;
    }
    None
}

fn find_url_start(s: &str) -> Option<usize> {
    let a = s.find("https://");
    let b = s.find("http://");
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn url_len(s: &str) -> usize {
    let mut end = s
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '|' | '<' | '>' | ']' | '"' | '”'))
        .map_or(s.len(), |(i, _)| i);
    // A closing parenthesis ends the URL unless the URL opened one.
    if let Some(p) = s[..end].find(')') {
        if !s[..p].contains('(') {
            end = p;
        }
    }
    let trimmed = s[..end].trim_end_matches(['.', ',', ';', ':', '*']);
    trimmed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_title_from_pdf_extraction() {
        let line = r" $\hbox{``The Meta-Evaluation Problem in Explainable AI: Identifying Reliable Estimators with {\tt MetaQuantus''}.}$";
        assert_eq!(
            clean_line(line),
            "“The Meta-Evaluation Problem in Explainable AI: Identifying Reliable Estimators with MetaQuantus”."
        );
    }

    #[test]
    fn latex_accents_and_spaces() {
        let line = r#"$[\textbf{Technische Universit\"{a}t Berlin.} \ Co\text{-}Teaching]$"#;
        assert_eq!(
            clean_line(line),
            "[Technische Universität Berlin. Co-Teaching]"
        );
        assert_eq!(
            clean_line(r"Ekstr\o m, Mari\v{c} and G\'eron"),
            "Ekstrøm, Marič and Géron"
        );
    }

    #[test]
    fn markdown_escapes() {
        assert_eq!(
            finish(&clean_line(r#""ECQ\*: Explainability""#)),
            "\"ECQ*: Explainability\""
        );
        assert_eq!(
            clean_line(
                r"[https://github.com/d/reactive\\_correction](https://github.com/d/reactive_correction)"
            ),
            "[https://github.com/d/reactive_correction](https://github.com/d/reactive_correction)"
        );
        assert_eq!(clean_line(r"LRP\_pruning"), "LRP_pruning");
    }

    #[test]
    fn html_tags_and_entities() {
        assert_eq!(
            clean_line("2<sup>nd</sup> Machine &amp; Teaching"),
            "2nd Machine & Teaching"
        );
        assert_eq!(clean_line("a < b"), "a < b");
    }

    #[test]
    fn links_of_every_form() {
        let (rest, links) = extract_links(
            "x [t](https://github.com/a/b) y <https://github.com/maxdreyer/PURE | Spotlight Paper> \
             https://github.com/ekstroem/cool|https://www.causesofoutcomelearning.org. \
             Demo: <https://semanticlens.hhi-research-insights.eu/umap-view>",
        );
        let urls: Vec<_> = links.iter().map(|l| (l.url.as_str(), l.kind)).collect();
        assert_eq!(
            urls,
            vec![
                ("https://github.com/a/b", LinkKind::Code),
                ("https://github.com/maxdreyer/PURE", LinkKind::Code),
                ("https://github.com/ekstroem/cool", LinkKind::Code),
                ("https://www.causesofoutcomelearning.org", LinkKind::Page),
                (
                    "https://semanticlens.hhi-research-insights.eu/umap-view",
                    LinkKind::Demo
                ),
            ]
        );
        assert_eq!(
            collapse_ws(&rest.replace('\n', " ")),
            "x y | Spotlight Paper> | ."
        );
    }
}
