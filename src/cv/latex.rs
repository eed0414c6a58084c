//! LaTeX → blocks: `\section`/`\subsection` (starred, with `\sc`/`\textbf`
//! inside), list environments (`itemize`, `enumerate`, `description`, and
//! any user environment that holds `\item`s), `\item[...]`,
//! `thebibliography`/`\bibitem{key}`, moderncv's `\cventry`/`\cvitem`/
//! `\cvlistitem`; comments dropped first (a commented-out item is no item),
//! the preamble skipped.
//!
//! Written by hand: no Rust crate parses LaTeX documents (the biblatex crate
//! reads .bib field values only), and a CV needs no TeX engine, only its
//! structure: sectioning commands, environments and items, with their lines.
//! The text of each block becomes inline markdown in [`super::latex_inline`].

use super::blocks::{Block, BlockKind, Blocks, Line, Marker};
use super::latex_inline::{inline, read_group, skip_spaces};

/// Sectioning commands and their heading levels.
const SECTIONS: &[(&str, u8)] = &[
    ("part", 1),
    ("chapter", 1),
    ("section", 2),
    ("subsection", 3),
    ("subsubsection", 4),
    ("paragraph", 5),
    ("cvsection", 2),
    ("cvsubsection", 3),
];

/// Environments whose content is not text of the document.
const SKIPPED_ENVS: &[&str] = &[
    "comment",
    "verbatim",
    "lstlisting",
    "figure",
    "tikzpicture",
    "filecontents",
];

/// Commands whose arguments are no text (layout, definitions, references).
const SKIPPED_COMMANDS: &[&str] = &[
    "newcommand",
    "renewcommand",
    "providecommand",
    "newenvironment",
    "renewenvironment",
    "def",
    "usepackage",
    "documentclass",
    "setlength",
    "addtolength",
    "vspace",
    "hspace",
    "label",
    "bibliographystyle",
    "nocite",
    "pagestyle",
    "thispagestyle",
    "setcounter",
    "addtocounter",
    "moderncvstyle",
    "moderncvcolor",
    "name",
    "address",
    "phone",
    "email",
    "homepage",
    "photo",
    "social",
    "title",
    "author",
    "date",
    "geometry",
    "hypersetup",
    "input",
    "include",
];

fn line_of(starts: &[usize], offset: usize) -> usize {
    match starts.binary_search(&offset) {
        Ok(i) => i + 1,
        Err(i) => i,
    }
}

/// Removes comments (`%` to the end of the line, `\%` kept), each byte
/// replaced by a space so that no offset moves.
fn strip_comments(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut i = 0;
    let mut in_comment = false;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => in_comment = false,
            _ if in_comment => bytes[i] = b' ',
            b'\\' => i += 1,
            b'%' => {
                in_comment = true;
                bytes[i] = b' ';
            }
            _ => {}
        }
        i += 1;
    }
    // Whole UTF-8 sequences were replaced by ASCII spaces: still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// One open list environment.
struct List {
    numbered: bool,
    bibliography: bool,
    counter: u32,
}

struct Builder {
    starts: Vec<usize>,
    out: Blocks,
    /// The open block: kind, first line, raw TeX.
    open: Option<(BlockKind, usize, String)>,
    lists: Vec<List>,
}

impl Builder {
    fn line(&self, offset: usize) -> usize {
        line_of(&self.starts, offset)
    }

    fn flush(&mut self) {
        if let Some((kind, first, raw)) = self.open.take() {
            let lines = inline(&raw)
                .split('\n')
                .enumerate()
                .map(|(i, t)| Line::new(first + i, t.trim()))
                .collect();
            self.out.push(kind, lines);
        }
    }

    fn start(&mut self, kind: BlockKind, line: usize) {
        self.flush();
        self.open = Some((kind, line, String::new()));
    }

    /// Text of the document: into the open block, or a new paragraph.
    fn text(&mut self, s: &str, offset: usize) {
        if s.trim().is_empty() && self.open.is_none() {
            return;
        }
        if self.open.is_none() {
            let lead = s.len() - s.trim_start().len();
            let first = self.line(offset + lead);
            self.open = Some((BlockKind::Paragraph, first, s[lead..].to_string()));
            return;
        }
        if let Some((_, _, raw)) = self.open.as_mut() {
            raw.push_str(s);
        }
    }

    fn heading(&mut self, level: u8, title: &str, line: usize) {
        self.flush();
        let text = inline(title).replace('\n', " ");
        self.out.push(
            BlockKind::Heading { level },
            vec![Line::new(line, text.trim())],
        );
    }

    /// An item, after `\item[label]`: a year label is a term above it.
    fn item(&mut self, label: Option<&str>, line: usize) {
        self.flush();
        let depth = self.lists.len().clamp(1, 255) as u8;
        let list = self.lists.last_mut();
        let numbered = list.as_ref().is_some_and(|l| l.numbered);
        let label = label.map(|l| inline(l).trim().to_string());
        let mut marker = Marker::Bullet;
        if let Some(l) = list {
            if l.numbered {
                l.counter += 1;
                marker = Marker::Number(l.counter);
            }
        }
        if let Some(label) = label.filter(|l| !l.is_empty()) {
            let short = label.len() <= 6 && label.chars().all(|c| c.is_alphanumeric() || c == '.');
            if label.chars().filter(char::is_ascii_digit).count() >= 4 && !short
                || label.len() == 4 && label.bytes().all(|b| b.is_ascii_digit())
            {
                self.out.push(BlockKind::Term, vec![Line::new(line, label)]);
            } else if short && !numbered {
                let l = label.trim_matches(['[', ']', '.', '(', ')']).to_string();
                marker = match l.parse() {
                    Ok(n) => Marker::Number(n),
                    Err(_) => Marker::Label(l),
                };
            }
        }
        self.start(BlockKind::Item { marker, depth }, line);
    }
}

/// The blocks of a LaTeX text.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let clean = strip_comments(text);
    let mut b = Builder {
        starts: std::iter::once(0)
            .chain(clean.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        out: Blocks::default(),
        open: None,
        lists: Vec::new(),
    };
    let body_start = clean
        .find("\\begin{document}")
        .map_or(0, |i| i + "\\begin{document}".len());
    let s = &clean[..];
    let mut i = body_start;
    let mut text_from = i;
    while i < s.len() {
        let c = s.as_bytes()[i];
        if c == b'\n' && b.lists.is_empty() && s[i + 1..].starts_with(['\n', '\r', ' ', '\t']) {
            // A blank line ends a paragraph (not an item).
            let rest = &s[i + 1..];
            let blank = rest.split('\n').next().is_some_and(|l| l.trim().is_empty());
            if blank {
                b.text(&s[text_from..i], text_from);
                if matches!(b.open, Some((BlockKind::Paragraph, ..))) {
                    b.flush();
                }
                text_from = i + 1;
            }
            i += 1;
            continue;
        }
        if c != b'\\' {
            i += 1;
            continue;
        }
        let name_len = s[i + 1..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        if name_len == 0 {
            i += 2;
            continue;
        }
        let name = &s[i + 1..i + 1 + name_len];
        let mut j = i + 1 + name_len;
        let starred = s[j..].starts_with('*');
        if starred {
            j += 1;
        }
        let line = b.line(i);
        let handled = match name {
            _ if SECTIONS.iter().any(|(n, _)| *n == name) => {
                let level = SECTIONS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(2, |(_, l)| *l);
                b.text(&s[text_from..i], text_from);
                let mut k = skip_spaces(s, j);
                if s[k..].starts_with('[') {
                    k = read_group(s, k, b'[', b']').1;
                }
                let (title, end) = read_group(s, skip_spaces(s, k), b'{', b'}');
                b.heading(level, title, line);
                Some(end)
            }
            "begin" => {
                b.text(&s[text_from..i], text_from);
                let (env, mut end) = read_group(s, skip_spaces(s, j), b'{', b'}');
                let env = env.trim().to_string();
                if SKIPPED_ENVS.contains(&env.as_str()) {
                    let close = format!("\\end{{{env}}}");
                    end = s[end..]
                        .find(&close)
                        .map_or(s.len(), |p| end + p + close.len());
                } else if env == "thebibliography" {
                    end = read_group(s, skip_spaces(s, end), b'{', b'}').1;
                    b.heading(6, "Bibliography", line);
                    b.lists.push(List {
                        numbered: true,
                        bibliography: true,
                        counter: 0,
                    });
                } else if is_list_env(&env, &s[end..]) {
                    b.flush();
                    b.lists.push(List {
                        numbered: env.contains("enum") || env.contains("etaremune"),
                        bibliography: false,
                        counter: 0,
                    });
                    // A list's own arguments (`{\ding{113}}{...}` of `list`).
                    if env == "list" {
                        end = read_group(s, skip_spaces(s, end), b'{', b'}').1;
                        end = read_group(s, skip_spaces(s, end), b'{', b'}').1;
                    }
                }
                Some(end)
            }
            "end" => {
                b.text(&s[text_from..i], text_from);
                let (env, end) = read_group(s, skip_spaces(s, j), b'{', b'}');
                let env = env.trim();
                if env == "thebibliography" || b.lists.last().is_some() && is_list_end(env) {
                    b.flush();
                    b.lists.pop();
                }
                if env == "document" {
                    b.flush();
                    break;
                }
                Some(end)
            }
            "item" => {
                b.text(&s[text_from..i], text_from);
                let k = skip_spaces(s, j);
                let (label, end) = if s[k..].starts_with('[') {
                    let (l, e) = read_group(s, k, b'[', b']');
                    (Some(l), e)
                } else {
                    (None, j)
                };
                b.item(label, line);
                Some(end)
            }
            "bibitem" => {
                b.text(&s[text_from..i], text_from);
                let mut k = skip_spaces(s, j);
                let mut label = None;
                if s[k..].starts_with('[') {
                    let (l, e) = read_group(s, k, b'[', b']');
                    label = Some(inline(l).trim().to_string());
                    k = e;
                }
                let (key, end) = read_group(s, skip_spaces(s, k), b'{', b'}');
                b.flush();
                if let Some(l) = b.lists.last_mut() {
                    l.counter += 1;
                }
                let depth = b.lists.len().clamp(1, 255) as u8;
                let marker = Marker::Key {
                    key: key.trim().to_string(),
                    label,
                };
                b.start(BlockKind::Item { marker, depth }, line);
                Some(end)
            }
            "cventry" | "cvitem" | "cvlistitem" | "cvitemwithcomment" | "cvdoubleitem" => {
                b.text(&s[text_from..i], text_from);
                let mut args = Vec::new();
                let mut k = skip_spaces(s, j);
                if s[k..].starts_with('[') {
                    k = read_group(s, k, b'[', b']').1;
                }
                let want = match name {
                    "cventry" => 6,
                    "cvitem" => 2,
                    "cvlistitem" => 1,
                    _ => 3,
                };
                while args.len() < want && s[skip_spaces(s, k)..].starts_with('{') {
                    let (a, e) = read_group(s, skip_spaces(s, k), b'{', b'}');
                    args.push(a);
                    k = e;
                }
                let (label, rest) = match name {
                    "cvlistitem" => (None, &args[..]),
                    _ => (args.first().copied(), args.get(1..).unwrap_or_default()),
                };
                b.item(label, line);
                let joined: Vec<&str> = rest
                    .iter()
                    .copied()
                    .filter(|a| !a.trim().is_empty())
                    .collect();
                b.text(&joined.join(", "), i);
                b.flush();
                Some(k)
            }
            _ if SKIPPED_COMMANDS.contains(&name) => {
                b.text(&s[text_from..i], text_from);
                let mut k = j;
                // `\newcommand\foo[1]{...}`, `\def\foo#1{...}`: skip the name and parameters.
                let k2 = skip_spaces(s, k);
                if s[k2..].starts_with('\\') {
                    k = k2
                        + 1
                        + s[k2 + 1..]
                            .bytes()
                            .take_while(u8::is_ascii_alphabetic)
                            .count();
                }
                loop {
                    let k2 = skip_spaces(s, k);
                    if s[k2..].starts_with('[') {
                        k = read_group(s, k2, b'[', b']').1;
                    } else if s[k2..].starts_with('#') {
                        k = k2 + 2;
                    } else if s[k2..].starts_with('{') {
                        k = read_group(s, k2, b'{', b'}').1;
                        if !matches!(
                            name,
                            "newcommand"
                                | "renewcommand"
                                | "providecommand"
                                | "newenvironment"
                                | "renewenvironment"
                                | "def"
                                | "setlength"
                                | "addtolength"
                        ) {
                            break;
                        }
                        if matches!(name, "newenvironment" | "renewenvironment") {
                            k = read_group(s, skip_spaces(s, k), b'{', b'}').1;
                            k = read_group(s, skip_spaces(s, k), b'{', b'}').1;
                            break;
                        }
                        if name != "setlength" && name != "addtolength" {
                            break;
                        }
                        k = read_group(s, skip_spaces(s, k), b'{', b'}').1;
                        break;
                    } else {
                        break;
                    }
                }
                // Keep the lines the skipped text spanned.
                let newlines = s[j..k.min(s.len())].matches('\n').count();
                b.text(&"\n".repeat(newlines), i);
                Some(k)
            }
            _ => None,
        };
        match handled {
            Some(end) => {
                i = end.max(i + 1).min(s.len());
                text_from = i;
            }
            None => i = j,
        }
    }
    b.text(&s[text_from.min(s.len())..], text_from);
    b.flush();
    let _ = b.lists.iter().any(|l| l.bibliography);
    b.out.blocks
}

/// Whether an environment holds `\item`s: the standard lists, and any other
/// environment whose body starts with one (after layout commands).
fn is_list_env(env: &str, body: &str) -> bool {
    let known = [
        "itemize",
        "enumerate",
        "description",
        "etaremune",
        "compactitem",
        "compactenum",
        "list",
        "inparaenum",
        "asparaenum",
        "outline",
    ];
    if known.contains(&env) || env.contains("list") || env.contains("enum") || env.contains("item")
    {
        return true;
    }
    let head: String = body.chars().take(400).collect();
    match (head.find("\\item"), head.find("\\end{")) {
        (Some(item), Some(end)) => item < end,
        (Some(_), None) => true,
        _ => false,
    }
}

fn is_list_end(env: &str) -> bool {
    !matches!(
        env,
        "center"
            | "minipage"
            | "tabular"
            | "flushleft"
            | "flushright"
            | "small"
            | "footnotesize"
            | "document"
            | "resume"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(tex: &str) -> Vec<(usize, BlockKind, String)> {
        blocks(tex)
            .into_iter()
            .map(|b| (b.line(), b.kind.clone(), b.text()))
            .collect()
    }

    #[test]
    fn sections_items_and_comments() {
        let tex = "\\documentclass{res}\n\\begin{document}\n\\section{\\sc Publications}\n% \\item Commented out. 2020.\n\\begin{enumerate}\n  \\reverselabel{48}\n\\item \\textbf{Yeakel J.D.} 2026. \\href{http://x.org/a}{\\emph{Title}}. Journal. 5(2), 1--9.\n\n\\item Second \\& last, G\\\"ose~M. 2025.\n\\end{enumerate}\n\\end{document}\n";
        let g = got(tex);
        assert_eq!(
            g[0],
            (3, BlockKind::Heading { level: 2 }, "Publications".into())
        );
        assert_eq!(
            g[1],
            (
                7,
                BlockKind::Item {
                    marker: Marker::Number(1),
                    depth: 1
                },
                "**Yeakel J.D.** 2026. [*Title*](http://x.org/a). Journal. 5(2), 1–9.".into()
            )
        );
        assert_eq!(
            g[2],
            (
                9,
                BlockKind::Item {
                    marker: Marker::Number(2),
                    depth: 1
                },
                "Second & last, Göse M. 2025.".into()
            )
        );
        assert_eq!(g.len(), 3, "{g:?}");
    }

    #[test]
    fn bibitems_moderncv_and_description() {
        let tex = "\\section*{Publications}\n\\begin{thebibliography}{99}\n\\bibitem[Doe20]{doe2020} J.~Doe. Title. 2020.\n\\end{thebibliography}\n\\subsection{Journal articles}\n\\cventry{2019}{A title}{Journal}{}{}{}\n\\begin{description}\n\\item[2018] Smith J. Other title.\n\\end{description}\n";
        let g = got(tex);
        assert_eq!(g[0].2, "Publications");
        assert_eq!(
            g[1],
            (2, BlockKind::Heading { level: 6 }, "Bibliography".into())
        );
        assert_eq!(
            g[2].1,
            BlockKind::Item {
                marker: Marker::Key {
                    key: "doe2020".into(),
                    label: Some("Doe20".into())
                },
                depth: 1
            }
        );
        assert_eq!(g[2].2, "J. Doe. Title. 2020.");
        assert_eq!(g[4], (6, BlockKind::Term, "2019".into()));
        assert_eq!(g[5].2, "A title, Journal");
        assert_eq!(g[6], (8, BlockKind::Term, "2018".into()));
        assert_eq!(g[7].2, "Smith J. Other title.");
    }
}
