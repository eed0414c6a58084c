//! LaTeX → Unicode, the layer every reader of TeX text shares (.bib field
//! values, LaTeX CVs): accents and special letters, text symbols, math
//! (`$\Lambda$`, `$10^{-3}$`, `H$_2$O`), spacing commands (`\hspace{..}`,
//! `\,`, `~`), `\relax`, ligatures (`--`, ``` `` ```), font commands turned
//! into the markup of a [`Target`], and protective braces.
//!
//! Written by hand: pylatexenc has no Rust counterpart, and the biblatex
//! crate's decoder keeps unknown commands as text (`\hspace{0.167em}` →
//! `\. 1.` in names) and drops math it does not know.
//!
//! ```
//! use publist::text::latex::{to_unicode, to_csl_rich};
//! assert_eq!(to_unicode(r#"Sch{\"o}lkopf, {\relax DESI} \textit{et~al.}"#), "Schölkopf, DESI et al.");
//! assert_eq!(to_unicode(r"$\Lambda$CDM at 3 {$<$} z, 3 \texttimes{} 2, H$_2$O"), "ΛCDM at 3 < z, 3 × 2, H₂O");
//! assert_eq!(to_csl_rich(r"A {{Bayesian}} view of \emph{E. coli}"),
//!     r#"A <span class="nocase">Bayesian</span> view of <i>E. coli</i>"#);
//! ```

use unicode_normalization::UnicodeNormalization;

use super::symbols::{
    letter_accent, math_symbol, standalone_accent, text_symbol, SUBSCRIPTS, SUPERSCRIPTS,
};

/// What font commands and protective braces become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Plain text: markup and braces removed.
    Plain,
    /// CSL-JSON rich text as citeproc-js reads it: `<i>`, `<b>`, `<sup>`,
    /// `<sub>`, small caps spans, and `<span class="nocase">` for braces that
    /// protect case.
    CslRich,
    /// Inline markdown: `*italic*`, `**bold**`; the rest plain.
    Markdown,
}

/// TeX text as plain Unicode (markup and braces removed, white space collapsed).
///
/// ```
/// use publist::text::latex::to_unicode;
/// assert_eq!(to_unicode(r"C.{\hspace{0.167em}}W.~J. Beenakker"), "C. W. J. Beenakker");
/// assert_eq!(to_unicode(r#"Stor{\aa}s, {\L}ukasz, M{\"{u}}ller, \v{C}yras, Ya\u{g}mur"#), "Storås, Łukasz, Müller, Čyras, Yağmur");
/// assert_eq!(to_unicode(r"pp.~1--9 --- \$5, 100\% \& more"), "pp. 1–9 — $5, 100% & more");
/// ```
pub fn to_unicode(tex: &str) -> String {
    convert(tex, Target::Plain)
}

/// TeX text as CSL-JSON rich text (see [`Target::CslRich`]).
///
/// ```
/// use publist::text::latex::to_csl_rich;
/// assert_eq!(to_csl_rich(r"{C/C++} and {\textsc{Lisp}}: $10^{-3}$"),
///     r#"<span class="nocase">C/C++</span> and <span style="font-variant:small-caps;">Lisp</span>: 10<sup>−3</sup>"#);
/// ```
pub fn to_csl_rich(tex: &str) -> String {
    convert(tex, Target::CslRich)
}

/// TeX text as inline markdown (see [`Target::Markdown`]).
///
/// ```
/// assert_eq!(publist::text::latex::to_markdown(r"\emph{Nature} {\bf 5}"), "*Nature* **5**");
/// ```
pub fn to_markdown(tex: &str) -> String {
    convert(tex, Target::Markdown)
}

/// TeX text converted for `target`.
pub fn convert(tex: &str, target: Target) -> String {
    if !tex.contains(['\\', '{', '}', '$', '~', '-', '`', '\'', '!', '?']) {
        return collapse(tex);
    }
    let mut c = Converter {
        chars: tex.chars().collect(),
        pos: 0,
        target,
        frames: vec![Frame::default()],
        math: false,
    };
    c.run();
    while c.frames.len() > 1 {
        c.close_frame();
    }
    let out = c.frames.pop().map(|f| f.out).unwrap_or_default();
    if out.is_ascii() {
        // Accents were applied as combining marks: ASCII text has none.
        return collapse(&out);
    }
    collapse(&out.nfc().collect::<String>())
}

/// White space runs as one space, trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Italic,
    Bold,
    SmallCaps,
    Mono,
    Sup,
    Sub,
    Quote,
    NoCase,
    /// An argument read as math (`\ensuremath{..}`).
    Math,
}

#[derive(Debug, Default)]
struct Frame {
    out: String,
    styles: Vec<Style>,
    /// The math mode to restore when the frame closes.
    math_before: Option<bool>,
    /// Closed by the end of the next argument (a single token), not by `}`.
    single: bool,
}

struct Converter {
    chars: Vec<char>,
    pos: usize,
    target: Target,
    frames: Vec<Frame>,
    math: bool,
}

/// Deepest nesting of frames kept apart; deeper groups are read flat (their
/// markup dropped), so that hostile input costs linear time.
const MAX_FRAMES: usize = 64;

impl Converter {
    fn out(&mut self) -> &mut String {
        // There is always the bottom frame.
        &mut self.frames.last_mut().expect("bottom frame").out
    }

    fn push(&mut self, s: &str) {
        self.out().push_str(s);
    }

    fn peek(&self, k: usize) -> Option<char> {
        self.chars.get(self.pos + k).copied()
    }

    fn open(&mut self, styles: Vec<Style>) {
        if self.frames.len() >= MAX_FRAMES {
            // Flat: a frame that only balances the brace.
            self.frames.push(Frame::default());
            return;
        }
        let math_before = styles.contains(&Style::Math).then_some(self.math);
        if math_before.is_some() {
            self.math = true;
        }
        self.frames.push(Frame {
            styles,
            math_before,
            ..Frame::default()
        });
    }

    fn close_frame(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if self.frames.is_empty() {
            self.frames.push(frame);
            return;
        }
        if let Some(m) = frame.math_before {
            self.math = m;
        }
        let mut text = frame.out;
        for style in frame.styles.iter().rev() {
            text = self.wrap(*style, text);
        }
        self.push(&text);
    }

    fn wrap(&self, style: Style, text: String) -> String {
        if text.is_empty() {
            return text;
        }
        let (open, close) = match (self.target, style) {
            (_, Style::Quote) => ("“", "”"),
            (Target::CslRich, Style::Italic) => ("<i>", "</i>"),
            (Target::CslRich, Style::Bold) => ("<b>", "</b>"),
            (Target::CslRich, Style::SmallCaps) => {
                ("<span style=\"font-variant:small-caps;\">", "</span>")
            }
            (Target::CslRich, Style::Sup) => ("<sup>", "</sup>"),
            (Target::CslRich, Style::Sub) => ("<sub>", "</sub>"),
            (Target::CslRich, Style::NoCase) => ("<span class=\"nocase\">", "</span>"),
            (Target::Markdown, Style::Italic) => ("*", "*"),
            (Target::Markdown, Style::Bold) => ("**", "**"),
            (_, Style::Sup) => return script(&text, SUPERSCRIPTS, '^'),
            (_, Style::Sub) => return script(&text, SUBSCRIPTS, '_'),
            _ => return text,
        };
        // Markup around white space goes inside it (`\emph{ x }` → ` *x* `).
        let (lead, body, trail) = split_space(&text);
        // Braces around no letter (`{$<$}`) protect nothing.
        if body.is_empty() || style == Style::NoCase && !body.chars().any(char::is_alphabetic) {
            return text;
        }
        format!("{lead}{open}{body}{close}{trail}")
    }

    fn run(&mut self) {
        while let Some(ch) = self.peek(0) {
            self.pos += 1;
            match ch {
                '\\' => self.command(),
                '{' => {
                    let protect = self.frames.len() == 1
                        && !self.math
                        && (self.peek(0) != Some('\\') || self.next_command_is("relax"));
                    self.open(if protect { vec![Style::NoCase] } else { vec![] });
                }
                '}' => {
                    self.close_frame();
                    self.close_singles();
                }
                '$' => {
                    if self.peek(0) == Some('$') {
                        self.pos += 1;
                    }
                    self.math = !self.math;
                }
                '~' if !self.math => self.push(" "),
                '^' | '_' if self.math => self.script_argument(ch),
                '-' if !self.math => {
                    if self.peek(0) == Some('-') && self.peek(1) == Some('-') {
                        self.pos += 2;
                        self.push("—");
                    } else if self.peek(0) == Some('-') {
                        self.pos += 1;
                        self.push("–");
                    } else {
                        self.push("-");
                    }
                }
                '-' => self.push("−"),
                '`' if self.peek(0) == Some('`') => {
                    self.pos += 1;
                    self.push("“");
                }
                '`' => self.push("‘"),
                '\'' if self.peek(0) == Some('\'') => {
                    self.pos += 1;
                    self.push("”");
                }
                '!' | '?' if self.peek(0) == Some('`') => {
                    self.pos += 1;
                    self.push(if ch == '!' { "¡" } else { "¿" });
                }
                c => {
                    self.out().push(c);
                    self.close_singles();
                }
            }
        }
    }

    /// Closes the frames that stand for one token (`^2`, `\"o`).
    fn close_singles(&mut self) {
        while self.frames.len() > 1 && self.frames.last().is_some_and(|f| f.single) {
            self.close_frame();
        }
    }

    fn next_command_is(&self, name: &str) -> bool {
        let rest: String = self.chars[self.pos..]
            .iter()
            .skip(1)
            .take(name.len() + 1)
            .collect();
        rest.starts_with(name) && !rest[name.len()..].starts_with(|c: char| c.is_alphabetic())
    }

    fn skip_spaces(&mut self) {
        while self.peek(0).is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    /// The argument of a command as a frame with `styles`: `{...}` up to its
    /// brace, or the next single character.
    fn argument(&mut self, styles: Vec<Style>) {
        self.skip_spaces();
        if self.peek(0) == Some('{') {
            self.pos += 1;
            self.open(styles);
        } else {
            self.open(styles);
            if let Some(f) = self.frames.last_mut() {
                f.single = true;
            }
            if self.peek(0).is_none() {
                self.close_frame();
            }
        }
    }

    /// Reads and drops a braced argument (`\hspace{0.167em}`), or nothing.
    fn skip_argument(&mut self) {
        self.skip_spaces();
        if self.peek(0) == Some('[') {
            while let Some(c) = self.peek(0) {
                self.pos += 1;
                if c == ']' {
                    break;
                }
            }
            self.skip_spaces();
        }
        if self.peek(0) != Some('{') {
            return;
        }
        let mut depth = 0usize;
        while let Some(c) = self.peek(0) {
            self.pos += 1;
            match c {
                '\\' => self.pos += 1,
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// A braced argument as verbatim text (`\url{a--b}`).
    fn verbatim_argument(&mut self) -> String {
        self.skip_spaces();
        if self.peek(0) != Some('{') {
            return String::new();
        }
        self.pos += 1;
        let mut depth = 1usize;
        let mut text = String::new();
        while let Some(c) = self.peek(0) {
            self.pos += 1;
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                '\\' if self.peek(0).is_some_and(|n| "_%#&~${}".contains(n)) => continue,
                _ => {}
            }
            text.push(c);
        }
        text
    }

    fn script_argument(&mut self, ch: char) {
        let style = if ch == '^' { Style::Sup } else { Style::Sub };
        self.argument(vec![style]);
    }

    fn command(&mut self) {
        let Some(first) = self.peek(0) else {
            self.push("\\");
            return;
        };
        if !first.is_ascii_alphabetic() {
            self.pos += 1;
            return self.symbol_command(first);
        }
        let start = self.pos;
        while self.peek(0).is_some_and(|c| c.is_ascii_alphabetic()) {
            self.pos += 1;
        }
        let name: String = self.chars[start..self.pos].iter().collect();
        // A command name ends at a space, which TeX swallows.
        let had_space = self.peek(0).is_some_and(char::is_whitespace);
        if let Some(accent) = letter_accent(&name) {
            return self.accent(accent);
        }
        if let Some(text) = if self.math { math_symbol(&name) } else { None }.or(text_symbol(&name))
        {
            if !self.math {
                self.skip_spaces();
            }
            // `\ss{}`: the empty group only ends the name.
            if self.peek(0) == Some('{') && self.peek(1) == Some('}') {
                self.pos += 2;
            }
            self.push(text);
            self.close_singles();
            return;
        }
        let styles = match name.as_str() {
            "textit" | "emph" | "textsl" | "mkbibemph" | "mkbibitalic" | "mathit" => {
                vec![Style::Italic]
            }
            "textbf" | "mkbibbold" | "mathbf" | "boldsymbol" | "bm" => vec![Style::Bold],
            "textsc" | "mkbibsc" => vec![Style::SmallCaps],
            "texttt" | "mathtt" => vec![Style::Mono],
            "textsuperscript" | "mkbibsuperscript" => vec![Style::Sup],
            "textsubscript" | "mkbibsubscript" => vec![Style::Sub],
            "mkbibquote" | "enquote" | "mkbibparens" => vec![Style::Quote],
            "textup" | "textrm" | "textnormal" | "textmd" | "textsf" | "mathrm" | "mathsf"
            | "mathcal" | "mathbb" | "mathfrak" | "mathscr" | "operatorname" | "text" | "mbox"
            | "hbox" | "makebox" | "textbox" | "NoCaseChange" | "MakeUppercase"
            | "MakeLowercase" | "uppercase" | "lowercase" | "MakeTextUppercase"
            | "MakeTextLowercase" | "sentencecase" | "ifmmode" | "protect" | "footnote"
            | "sqrt" => vec![],
            "ensuremath" => vec![Style::Math],
            "noopsort" | "hspace" | "vspace" | "kern" | "hskip" | "vskip" | "phantom"
            | "hphantom" | "vphantom" | "label" | "index" | "nocite" | "cite" | "citep"
            | "citet" | "ref" | "pageref" => {
                self.skip_argument();
                if matches!(
                    name.as_str(),
                    "hspace" | "hskip" | "kern" | "phantom" | "hphantom"
                ) {
                    self.push(" ");
                }
                self.close_singles();
                return;
            }
            "url" | "nolinkurl" | "path" | "doi" => {
                let url = self.verbatim_argument();
                self.push(&url);
                self.close_singles();
                return;
            }
            "href" => {
                self.skip_argument();
                self.argument(vec![]);
                return;
            }
            // Declarations: the rest of the current group.
            "it" | "itshape" | "em" | "sl" | "slshape" => return self.declare(Style::Italic),
            "bf" | "bfseries" => return self.declare(Style::Bold),
            "sc" | "scshape" => return self.declare(Style::SmallCaps),
            "tt" | "ttfamily" => return self.declare(Style::Mono),
            "rm" | "rmfamily" | "upshape" | "normalfont" | "sffamily" | "sf" | "mdseries"
            | "relax" | "displaystyle" | "textstyle" | "scriptstyle" | "left" | "right" | "big"
            | "Big" | "bigl" | "bigr" | "nobreak" | "allowbreak" | "linebreak" | "newline"
            | "par" | "smallskip" | "medskip" | "bigskip" | "hfill" | "null" | "unskip"
            | "xspace" | "ignorespaces" => {
                if matches!(name.as_str(), "newline" | "par" | "linebreak") || had_space {
                    self.push(" ");
                }
                return;
            }
            // An unknown command: its name is dropped, an argument is read as text.
            _ => {
                if self.peek_after_spaces() == Some('{') {
                    vec![]
                } else {
                    if had_space {
                        self.push(" ");
                    }
                    return;
                }
            }
        };
        self.argument(styles);
    }

    fn peek_after_spaces(&self) -> Option<char> {
        self.chars[self.pos..]
            .iter()
            .find(|c| !c.is_whitespace())
            .copied()
    }

    /// `{\it x}`: the style applies to the enclosing group (all of it:
    /// text before the declaration in the same group is rare).
    fn declare(&mut self, style: Style) {
        self.skip_spaces();
        if self.frames.len() > 1 {
            if let Some(f) = self.frames.last_mut() {
                if !f.styles.contains(&style) {
                    f.styles.push(style);
                }
            }
        }
    }

    /// `\\`, `\&`, `\"`, `\,` and the other one-character commands.
    fn symbol_command(&mut self, c: char) {
        match c {
            '"' | '\'' | '`' | '^' | '~' | '=' | '.' if !self.math || c == '\'' => {
                if self.math && c == '\'' {
                    self.push("′");
                    return;
                }
                let accent = match c {
                    '"' => '\u{308}',
                    '\'' => '\u{301}',
                    '`' => '\u{300}',
                    '^' => '\u{302}',
                    '~' => '\u{303}',
                    '=' => '\u{304}',
                    _ => '\u{307}',
                };
                self.accent(accent);
            }
            '&' | '%' | '#' | '_' | '{' | '}' | '$' => {
                self.out().push(c);
                self.close_singles();
            }
            ',' | ';' | ':' | ' ' | '\n' | '\t' | '>' | '\\' => self.push(" "),
            '!' | '/' | '-' | '@' => {}
            '(' | '[' => self.math = true,
            ')' | ']' => self.math = false,
            '|' => self.push("‖"),
            _ => self.out().push(c),
        }
    }

    /// An accent on the next letter (`\"o`, `\"{o}`, `\v c`, `\'{\i}`).
    fn accent(&mut self, mark: char) {
        self.skip_spaces();
        let mut braced = false;
        if self.peek(0) == Some('{') {
            braced = true;
            self.pos += 1;
            self.skip_spaces();
        }
        let base = match self.peek(0) {
            Some('\\') => {
                // `\i`, `\j`: dotless letters take accents.
                let name: String = self.chars[self.pos + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .collect();
                match name.as_str() {
                    "i" | "j" => {
                        self.pos += 1 + name.len();
                        self.skip_spaces();
                        Some(if name == "i" { 'i' } else { 'j' })
                    }
                    _ => None,
                }
            }
            Some('}') | None => None,
            Some(c) => {
                self.pos += 1;
                Some(c)
            }
        };
        if braced {
            // Up to the closing brace (`\"{u}`); anything else in it is text.
            self.skip_spaces();
            if self.peek(0) == Some('}') {
                self.pos += 1;
            } else {
                self.open(vec![]);
            }
        }
        let out = self.out();
        match base {
            Some(b) => {
                out.push(b);
                out.push(mark);
            }
            None => out.push(standalone_accent(mark)),
        }
        if !braced {
            self.close_singles();
        }
    }
}

fn split_space(s: &str) -> (&str, &str, &str) {
    let body = s.trim();
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    (lead, body, trail)
}

/// Unicode super- or subscript letters when every character has one;
/// otherwise the text as it is.
fn script(text: &str, table: &[(char, char)], _mark: char) -> String {
    let mapped: Option<String> = text
        .chars()
        .map(|c| table.iter().find(|(from, _)| *from == c).map(|(_, to)| *to))
        .collect();
    mapped.unwrap_or_else(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_letters() {
        assert_eq!(
            to_unicode(r#"{\"u}ber M{\"{o}}bius \'{e}t\'e"#),
            "über Möbius été"
        );
        assert_eq!(
            to_unicode(r"Erd{\H{o}}s, \c{C}elik, {\'\i}, \k{a}"),
            "Erdős, Çelik, í, ą"
        );
        assert_eq!(
            to_unicode(r"L{\'o}pez de M{\'a}ntaras"),
            "López de Mántaras"
        );
        assert_eq!(to_unicode(r"\ss{} {\o}ystein \AE"), "ß øystein Æ");
    }

    #[test]
    fn math() {
        assert_eq!(
            to_unicode(r"$\alpha$-synuclein and $10^{-3}$ M$_\odot$"),
            "α-synuclein and 10⁻³ M⊙"
        );
        assert_eq!(to_unicode(r"$z \sim 2$, $x^2$"), "z ∼ 2, x²");
        assert_eq!(
            to_csl_rich(r"CO$_2$ and $x^{ab}$"),
            "CO<sub>2</sub> and x<sup>ab</sup>"
        );
    }

    #[test]
    fn unknown_commands_keep_their_argument_and_lose_their_name() {
        assert_eq!(to_unicode(r"\foo{bar} \baz qux"), "bar qux");
        assert_eq!(to_unicode(r"{\noopsort{1973b}}1973"), "1973");
        assert_eq!(
            to_unicode(r"\url{https://a.org/x--y_z}"),
            "https://a.org/x--y_z"
        );
    }

    #[test]
    fn braces_protect_case_at_the_top_only() {
        assert_eq!(
            to_csl_rich(r#"{{THESAN-HR}}: {\relax DESI} and M{\"u}ller"#),
            r#"<span class="nocase">THESAN-HR</span>: <span class="nocase">DESI</span> and Müller"#
        );
        assert_eq!(to_unicode("{{THESAN-HR}}"), "THESAN-HR");
    }

    #[test]
    fn declarations_and_quotes() {
        assert_eq!(
            to_csl_rich(r"{\it Nature} and \mkbibquote{x}"),
            "<i>Nature</i> and “x”"
        );
        assert_eq!(to_unicode("``quoted'' `s'"), "“quoted” ‘s'");
    }

    #[test]
    fn hostile_input_is_cheap() {
        let deep = "{".repeat(100_000) + &"}".repeat(100_000);
        assert_eq!(to_unicode(&deep), "");
        assert_eq!(to_unicode(r"\"), "\\");
        assert_eq!(to_unicode(r"\'"), "´");
        assert_eq!(to_unicode("}}}{{{"), "");
    }
}
