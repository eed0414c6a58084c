//! Turning text into .bib field values: escaping TeX's special characters,
//! BibTeX's ASCII accent commands, and braces that protect capitalisation.
//!
//! Written by hand: the biblatex crate's writer re-escapes what it parsed and
//! mangles math and unknown commands, and hayagriva writes no .bib at all.

/// Escapes TeX's special characters (`& % $ # _ { } ~ ^ \`), the
/// backquote, and the ligatures `--` and `''`.
///
/// ```
/// assert_eq!(publist::bib::escape("a--b"), "a-{}-b");
/// assert_eq!(publist::bib::escape("''x''"), "'{}'x'{}'");
/// assert_eq!(publist::bib::escape("`ls`"), r"\textasciigrave{}ls\textasciigrave{}");
/// assert_eq!(publist::bib::escape("R&D at 100% #1 a_b {x} ~ ^ \\"),
///     r"R\&D at 100\% \#1 a\_b \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // `--` would be read as an en dash, `''` as a closing double
            // quote: keep ligatures apart. A backquote is an opening quote
            // in TeX (and `!`` is `¡`): a command for the character.
            '-' if chars.peek() == Some(&'-') => out.push_str("-{}"),
            '\'' if chars.peek() == Some(&'\'') => out.push_str("'{}"),
            '`' => out.push_str(r"\textasciigrave{}"),
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str(r"\textasciitilde{}"),
            '^' => out.push_str(r"\textasciicircum{}"),
            '\\' => out.push_str(r"\textbackslash{}"),
            _ => out.push(c),
        }
    }
    out
}

/// BibTeX's ASCII forms of non-ASCII characters (`ö` → `{\"o}`); characters
/// without one are kept as UTF-8.
///
/// ```
/// assert_eq!(publist::bib::to_ascii_tex("Höhne, Ekstrøm, Marinč, Wäldchen – “Title”"),
///     r#"H{\"o}hne, Ekstr{\o}m, Marin{\v{c}}, W{\"a}ldchen \textendash{} \textquotedblleft{}Title\textquotedblright{}"#);
/// ```
pub fn to_ascii_tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        match ascii_form(c) {
            Some(s) => out.push_str(&s),
            None => out.push(c),
        }
    }
    out
}

fn ascii_form(c: char) -> Option<String> {
    let fixed = match c {
        // Commands, not the `--`/`---` ligatures, which run into a following hyphen.
        '–' => r"\textendash{}",
        '—' => r"\textemdash{}",
        // Commands rather than ``/'': they read back as the same characters.
        '“' => r"\textquotedblleft{}",
        '”' => r"\textquotedblright{}",
        // `'` would read back as a straight apostrophe.
        '‘' => r"\textquoteleft{}",
        '’' => r"\textquoteright{}",
        '„' => ",,",
        '\u{a0}' => "~",
        'ø' => r"{\o}",
        'Ø' => r"{\O}",
        'ß' => r"{\ss}",
        'æ' => r"{\ae}",
        'Æ' => r"{\AE}",
        'œ' => r"{\oe}",
        'Œ' => r"{\OE}",
        'å' => r"{\aa}",
        'Å' => r"{\AA}",
        'ł' => r"{\l}",
        'Ł' => r"{\L}",
        'ı' => r"{\i}",
        '…' => r"\dots{}",
        _ => "",
    };
    if !fixed.is_empty() {
        return Some(fixed.to_string());
    }
    // Letter + combining accent: ö = o + U+0308.
    let accents: &[(&str, &str, &str)] = &[
        ("\"", "äëïöüÿÄËÏÖÜŸ", "aeiouyAEIOUY"),
        ("'", "áéíóúýćńśźĺŕÁÉÍÓÚÝĆŃŚŹĹŔ", "aeiouycnszlrAEIOUYCNSZLR"),
        ("`", "àèìòùÀÈÌÒÙ", "aeiouAEIOU"),
        ("^", "âêîôûĉĝĥĵŝŵŷÂÊÎÔÛĈĜĤĴŜŴŶ", "aeioucghjswyAEIOUCGHJSWY"),
        ("~", "ãñõÃÑÕ", "anoANO"),
        ("v", "čšžřňěďťČŠŽŘŇĚĎŤ", "cszrnedtCSZRNEDT"),
        ("c", "çşţÇŞŢ", "cstCST"),
        ("u", "ğăĞĂ", "gaGA"),
        ("H", "őűŐŰ", "ouOU"),
        ("k", "ąęĄĘ", "aeAE"),
        (".", "żėŻĖ", "zeZE"),
        ("=", "āēīōūĀĒĪŌŪ", "aeiouAEIOU"),
        ("r", "ůŮ", "uU"),
    ];
    for (cmd, from, to) in accents {
        if let Some(i) = from.chars().position(|x| x == c) {
            let base = to.chars().nth(i)?;
            let letter_cmd = cmd.chars().all(|x| x.is_ascii_alphabetic());
            return Some(if letter_cmd {
                format!("{{\\{cmd}{{{base}}}}}")
            } else {
                format!("{{\\{cmd}{base}}}")
            });
        }
    }
    None
}

/// Protects words whose capitals must survive a style's case changes: any
/// run of letters and digits with a capital after its first character
/// (`XAI`, `CLIP`, `LLMs`, `ImageNet`, `iNNvestigate`). Input is already escaped.
///
/// ```
/// assert_eq!(publist::bib::protect_case("XAI for CLIP's LLMs on ImageNet, not Words"),
///     "{XAI} for {CLIP}'s {LLMs} on {ImageNet}, not Words");
/// ```
pub fn protect_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let mut after_backslash = false;
    let flush = |word: &mut String, out: &mut String| {
        let needs = word.chars().skip(1).any(char::is_uppercase);
        if needs {
            out.push('{');
            out.push_str(word);
            out.push('}');
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        // Never brace the name of a command (`\textasciitilde`).
        if c.is_alphanumeric() && !after_backslash {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out);
        if c.is_alphabetic() {
            out.push(c);
        } else {
            after_backslash = c == '\\';
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names_are_not_braced() {
        assert_eq!(
            protect_case(r"a \textasciitilde{} b"),
            r"a \textasciitilde{} b"
        );
        assert_eq!(
            protect_case("Zennit, CoRelAy, and ViRelAy"),
            "Zennit, {CoRelAy}, and {ViRelAy}"
        );
    }

    #[test]
    fn accents() {
        assert_eq!(
            to_ascii_tex("Müller Schöllhorn Gürkan Nikolić"),
            r#"M{\"u}ller Sch{\"o}llhorn G{\"u}rkan Nikoli{\'c}"#
        );
        assert_eq!(
            to_ascii_tex("Storås Cantú Dähne"),
            r#"Stor{\aa}s Cant{\'u} D{\"a}hne"#
        );
        assert_eq!(to_ascii_tex("Erdoğan"), r"Erdo{\u{g}}an");
    }
}
