//! The text of a LaTeX block as inline markdown: `\emph{x}`/`{\em x}` →
//! `*x*`, `\textbf{x}`/`{\bf x}` → `**x**`, `\href{u}{t}` → `[t](u)`,
//! `\url{u}` → `<u>`, accents and special letters → Unicode, `--` → `–`,
//! ``` ``x'' ``` → `“x”`, `~` → space, `${}^\dag$` → `†`, `${}^\ast$` → a
//! literal asterisk, layout commands dropped, unknown commands dropped with
//! their arguments kept as text. Line breaks of the source are kept, so that
//! every line of the result is a line of the source.
//!
//! (The shared LaTeX → Unicode layer, `text::latex`, is on its way in
//! another branch; this file switches to it for accents and symbols once it
//! lands.)

use super::clean::{accent_of, named_symbol, ESCAPED_STAR};

/// Commands whose one argument is kept as it is.
const TRANSPARENT: &[&str] = &[
    "textsc",
    "textrm",
    "textsf",
    "texttt",
    "textup",
    "textnormal",
    "textmd",
    "text",
    "mbox",
    "hbox",
    "underline",
    "uline",
    "textsuperscript",
    "textsubscript",
    "footnotesize",
    "small",
    "scriptsize",
    "large",
    "Large",
    "normalsize",
    "textcolor",
    "color",
    "mathrm",
    "mathbf",
    "mathit",
    "ensuremath",
    "MakeUppercase",
    "emph",
    "textit",
    "textsl",
    "textbf",
    "fbox",
];

/// Commands with no text of their own (their arguments are dropped too).
const DROPPED: &[&str] = &[
    "vspace",
    "hspace",
    "hfill",
    "vfill",
    "noindent",
    "newline",
    "linebreak",
    "par",
    "smallskip",
    "medskip",
    "bigskip",
    "centering",
    "raggedright",
    "clearpage",
    "newpage",
    "pagebreak",
    "label",
    "index",
    "phantom",
    "hphantom",
    "vphantom",
    "includegraphics",
    "relax",
    "protect",
    "quad",
    "qquad",
    "sc",
    "bf",
    "it",
    "em",
    "sl",
    "rm",
    "sf",
    "tt",
    "itshape",
    "bfseries",
    "scshape",
    "upshape",
    "mdseries",
    "normalfont",
    "faIcon",
    "fa",
    "cite",
    "ref",
];

/// Skips spaces and line breaks from byte `k`.
pub(crate) fn skip_spaces(s: &str, k: usize) -> usize {
    let k = k.min(s.len());
    k + s[k..].len() - s[k..].trim_start_matches([' ', '\t', '\n', '\r']).len()
}

/// The content of a group opening at byte `k` (`{...}` or `[...]`, nested,
/// escapes skipped) and the byte after it; `("", k)` when none opens there.
pub(crate) fn read_group(s: &str, k: usize, open: u8, close: u8) -> (&str, usize) {
    let bytes = s.as_bytes();
    if bytes.get(k) != Some(&open) {
        return ("", k);
    }
    let mut depth = 0usize;
    let mut i = k;
    // An argument never runs longer than this: an unclosed brace does not
    // make every later command scan to the end of the file.
    let limit = bytes.len().min(k + MAX_GROUP);
    while i < limit {
        match bytes[i] {
            b'\\' => i += 1,
            b if b == open => depth += 1,
            b if b == close => {
                depth -= 1;
                if depth == 0 {
                    return (&s[k + 1..i], i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    let end = (k + 1..=limit)
        .rev()
        .find(|&e| s.is_char_boundary(e))
        .unwrap_or(k + 1);
    (&s[k + 1..end], end)
}

/// The longest argument read, in bytes.
const MAX_GROUP: usize = 16 * 1024;

/// Whether an argument is a length or a number (`48`, `-.3cm`, `0.2in`): no text.
fn is_dimension(arg: &str) -> bool {
    let t = arg.trim();
    !t.is_empty()
        && t.trim_start_matches(['-', '+', '.'])
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .is_empty()
}

/// Converts LaTeX text to inline markdown, keeping its line breaks.
pub(crate) fn inline(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    convert(tex, &mut out, 0);
    // Collapse spaces within lines, keep the lines.
    out.split('\n')
        .map(super::clean::collapse_ws)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The line breaks inside dropped text, so that no line moves.
fn keep_lines(s: &str, out: &mut String) {
    for _ in 0..s.matches('\n').count() {
        out.push('\n');
    }
}

/// Deeper groups than this are read as plain text (no recursion without end).
const MAX_DEPTH: usize = 48;

fn convert(s: &str, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        out.extend(s.chars().filter(|c| !matches!(c, '{' | '}' | '\\' | '$')));
        return;
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'{' => {
                // `{\em x}`, `{\bf x}`, `{\it x}`: a declaration scoped by the group.
                let (inner, end) = read_group(s, i, b'{', b'}');
                let t = inner.trim_start();
                let decl = ["\\em", "\\it", "\\sl", "\\itshape", "\\bf", "\\bfseries"]
                    .iter()
                    .find(|d| {
                        t.starts_with(**d)
                            && !t[d.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
                    });
                match decl {
                    Some(d) => {
                        let mark = if d.contains("bf") { "**" } else { "*" };
                        wrap(&t[d.len()..], mark, out, depth);
                    }
                    None => convert(inner, out, depth + 1),
                }
                i = end;
            }
            b'}' => i += 1,
            b'~' => {
                out.push(' ');
                i += 1;
            }
            b'*' => {
                out.push(ESCAPED_STAR);
                i += 1;
            }
            b'_' if !out.ends_with('\\') => {
                out.push('_');
                i += 1;
            }
            b'-' if s[i..].starts_with("---") => {
                out.push('—');
                i += 3;
            }
            b'-' if s[i..].starts_with("--") => {
                out.push('–');
                i += 2;
            }
            b'`' if s[i..].starts_with("``") => {
                out.push('“');
                i += 2;
            }
            b'\'' if s[i..].starts_with("''") => {
                out.push('”');
                i += 2;
            }
            b'$' => {
                let close = s[i + 1..].find('$').map_or(s.len(), |p| i + 1 + p);
                math(&s[i + 1..close], out, depth);
                i = (close + 1).min(s.len());
            }
            b'\\' => i = command(s, i, out, depth),
            _ => {
                let ch = s[i..].chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
}

fn wrap(inner: &str, mark: &str, out: &mut String, depth: usize) {
    let mut text = String::new();
    convert(inner, &mut text, depth + 1);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        out.push_str(&text);
        return;
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    out.push_str(lead);
    out.push_str(mark);
    out.push_str(trimmed);
    out.push_str(mark);
    if text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

/// Math: the marks CVs put there (`${}^\dag$`, `$^*$`, `$\bullet$`), other
/// math as its text.
fn math(m: &str, out: &mut String, depth: usize) {
    let t: String = m
        .chars()
        .filter(|c| !matches!(c, '{' | '}' | '^' | '_' | ' '))
        .collect();
    match t.as_str() {
        "\\dag" | "\\dagger" => out.push('†'),
        "\\ddag" | "\\ddagger" => out.push('‡'),
        "\\ast" | "*" | "\\star" => out.push(ESCAPED_STAR),
        "\\bullet" | "\\cdot" => out.push('•'),
        "\\S" => out.push('§'),
        _ => {
            let mut inner = String::new();
            convert(&m.replace(['^', '_'], ""), &mut inner, depth + 1);
            out.push_str(&inner);
        }
    }
}

/// One command at byte `i`; returns the byte after it.
fn command(s: &str, i: usize, out: &mut String, depth: usize) -> usize {
    let b = s.as_bytes();
    let Some(&next) = b.get(i + 1) else {
        return i + 1;
    };
    if !next.is_ascii_alphabetic() {
        // Accents `\'e`, `\"{o}`; escapes `\&`, `\%`, `\_`; `\\` (a line break).
        let nc = s[i + 1..].chars().next().unwrap_or(' ');
        if matches!(nc, '\'' | '"' | '`' | '^' | '~' | '=' | '.') {
            let (base, used) = accent_base(s, i + 2);
            match base.and_then(|c| accent_of(nc, c)) {
                Some(a) => out.push(a),
                None => out.extend(base),
            }
            return i + 2 + used;
        }
        match nc {
            '\\' => out.push(' '),
            ',' | ';' | ' ' | ':' | '!' => out.push(' '),
            '*' => out.push(ESCAPED_STAR),
            '\n' => out.push('\n'),
            c => out.push(c),
        }
        return i + 1 + nc.len_utf8();
    }
    let name_len = s[i + 1..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let name = &s[i + 1..i + 1 + name_len];
    let mut j = i + 1 + name_len;
    if s[j..].starts_with('*') {
        j += 1;
    }
    // Accents with letter names: `\c{c}`, `\v{s}`, `\u{g}`, `\H{o}`, `\k{a}`, `\r{a}`.
    if name_len == 1 && matches!(name, "c" | "v" | "u" | "H" | "k" | "r" | "d" | "b" | "t") {
        let k = skip_spaces_inline(s, j);
        let (base, used) = accent_base(s, k);
        if let Some(a) = base.and_then(|c| accent_of(name.chars().next().unwrap_or(' '), c)) {
            out.push(a);
            return k + used;
        }
        out.extend(base);
        return k + used;
    }
    if let Some(sym) = named_symbol(name) {
        out.push_str(sym);
        return if s[j..].starts_with("{}") { j + 2 } else { j };
    }
    let arg = |k: usize| read_group(s, skip_spaces_inline(s, k), b'{', b'}');
    match name {
        "emph" | "textit" | "textsl" | "mathit" => {
            let (a, end) = arg(j);
            wrap(a, "*", out, depth);
            end
        }
        "textbf" | "mathbf" => {
            let (a, end) = arg(j);
            wrap(a, "**", out, depth);
            end
        }
        "href" => {
            let (url, end) = arg(j);
            let (text, end) = arg(end);
            let mut t = String::new();
            convert(text, &mut t, depth + 1);
            let url: String = url.chars().filter(|c| !c.is_whitespace()).collect();
            let url = url
                .replace("\\%", "%")
                .replace("\\_", "_")
                .replace("\\#", "#")
                .replace("\\&", "&");
            out.push_str(&format!("[{}]({url})", t.trim()));
            end
        }
        "url" | "doi" => {
            let (url, end) = arg(j);
            let url: String = url.chars().filter(|c| !c.is_whitespace()).collect();
            if name == "doi" {
                out.push_str(&format!("doi:{url}"));
            } else {
                out.push_str(&format!("<{url}>"));
            }
            end
        }
        "textcolor" | "color" => {
            let (_, end) = arg(j);
            if name == "color" {
                return end;
            }
            let (text, end) = arg(end);
            convert(text, out, depth + 1);
            end
        }
        _ if DROPPED.contains(&name) => {
            let mut end = j;
            if matches!(
                name,
                "vspace"
                    | "hspace"
                    | "label"
                    | "index"
                    | "phantom"
                    | "hphantom"
                    | "vphantom"
                    | "includegraphics"
                    | "cite"
                    | "ref"
                    | "faIcon"
            ) {
                let k = skip_spaces_inline(s, end);
                if s[k..].starts_with('[') {
                    end = read_group(s, k, b'[', b']').1;
                }
                let (a, e) = arg(end);
                keep_lines(a, out);
                end = e;
            }
            if matches!(name, "hfill" | "quad" | "qquad" | "newline" | "linebreak") {
                out.push(' ');
            }
            end
        }
        _ if TRANSPARENT.contains(&name) => {
            let (a, end) = arg(j);
            convert(a, out, depth + 1);
            end
        }
        _ => {
            // Unknown: the name goes, its arguments stay (unless they are lengths).
            let mut end = j;
            loop {
                let k = skip_spaces_inline(s, end);
                if !s[k..].starts_with('{') {
                    break;
                }
                let (a, e) = read_group(s, k, b'{', b'}');
                if is_dimension(a) {
                    keep_lines(a, out);
                } else {
                    convert(a, out, depth + 1);
                }
                end = e;
            }
            end
        }
    }
}

/// Spaces after a command name (not line breaks: a command ends at the line).
fn skip_spaces_inline(s: &str, k: usize) -> usize {
    let k = k.min(s.len());
    k + s[k..].len() - s[k..].trim_start_matches([' ', '\t']).len()
}

/// The letter an accent applies to: `{a}`, `a`, `{\i}`; and how many bytes it used.
fn accent_base(s: &str, k: usize) -> (Option<char>, usize) {
    let rest = &s[k.min(s.len())..];
    if let Some(inner) = rest.strip_prefix('{') {
        if let Some(end) = inner.find('}') {
            let body = inner[..end].trim();
            let c = match body {
                "\\i" => Some('i'),
                "\\j" => Some('j'),
                _ => body.chars().next(),
            };
            return (c, end + 2);
        }
        return (None, 0);
    }
    if rest.starts_with("\\i") && !rest[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return (Some('i'), 2);
    }
    match rest.chars().next() {
        Some(c) if c.is_alphabetic() => (Some(c), c.len_utf8()),
        _ => (None, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_accents_and_marks() {
        assert_eq!(
            inline(r"\textbf{${}^\dag$Yeakel J.D.} 2024."),
            "**†Yeakel J.D.** 2024."
        );
        assert_eq!(
            inline(r"${}^\ast$Kim S.L."),
            format!("{ESCAPED_STAR}Kim S.L.")
        );
        assert_eq!(
            inline(r#"Guimar\~aes, Br\"ose, G\'{e}ron, \c{C}a\u{g}, {\o}"#),
            "Guimarães, Bröse, Géron, Çağ, ø"
        );
        assert_eq!(
            inline(r"{\em Nature} and {\bf bold}, \emph{x}"),
            "*Nature* and **bold**, *x*"
        );
        assert_eq!(
            inline(r"``Title,'' in {\em Proc.} 1--9"),
            "“Title,” in *Proc.* 1–9"
        );
        assert_eq!(
            inline("\\href{https://a.org/x\\_y}{\\emph{T}}"),
            "[*T*](https://a.org/x_y)"
        );
        assert_eq!(inline("a\n\\vspace{-.3cm}\nb \\reverselabel{48}"), "a\n\nb");
        assert_eq!(
            inline(r"Science \& Engineering, 100\%"),
            "Science & Engineering, 100%"
        );
    }
}
