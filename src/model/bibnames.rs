//! BibTeX and BibLaTeX name lists (`Knuth, Donald E. and {de Rijke},
//! Maarten and family=Rijke, given=Maarten, prefix=de`) into [`Person`]s,
//! by BibTeX's rules: `and` at brace level 0 separates names; `First von
//! Last`, `von Last, First` and `von Last, Jr, First`; the von part is the
//! words starting in lower case; a braced group is one word with no case,
//! so `{de Rijke}` is one family name. biblatex's extended format
//! (`family=..., given=..., prefix=...`) is read too. Parts are decoded with
//! [`crate::text::latex`].
//!
//! In the model because two formats need it: the .bib reader, and the
//! CSL-JSON writer mapping a .bib record's further name fields.

use super::person::Person;
use crate::text::latex::to_unicode;

/// The people of a TeX name list; `and others` is left out (it is no name).
///
/// ```
/// use publist::model::parse_bibtex_names;
/// let people = parse_bibtex_names(r#"Kenter, Tom and {de Rijke}, Maarten and Ludwig van Beethoven and family=Rijke, given=Maarten, prefix=de, useprefix=true and Sch{\"o}lkopf, Jr., B. and others"#);
/// assert_eq!(people.len(), 5);
/// assert_eq!((people[1].family(), people[1].particle()), ("de Rijke", None));
/// assert_eq!((people[2].family(), people[2].particle()), ("Beethoven", Some("van")));
/// assert_eq!((people[3].family(), people[3].particle()), ("Rijke", Some("de")));
/// assert_eq!((people[4].family(), people[4].suffix(), people[4].given()), ("Schölkopf", Some("Jr."), Some("B.")));
/// ```
pub fn parse_bibtex_names(tex: &str) -> Vec<Person> {
    split_level0(tex, Split::And)
        .into_iter()
        .map(str::trim)
        .filter(|n| !n.is_empty() && *n != "others")
        .filter_map(parse_one)
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Split {
    And,
    Comma,
    Space,
}

/// Splits at level-0 separators: ` and ` (any case), commas, or white space
/// and `~`.
fn split_level0(s: &str, how: Split) -> Vec<&str> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut start, mut k) = (0i32, 0usize, 0usize);
    while k < bytes.len() {
        let b = bytes[k];
        match b {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            _ if depth != 0 => {}
            b',' if how == Split::Comma => {
                out.push(&s[start..k]);
                start = k + 1;
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'~' if how == Split::Space => {
                out.push(&s[start..k]);
                start = k + 1;
            }
            b' ' | b'\t' | b'\n' | b'\r' if how == Split::And => {
                let rest = &bytes[k + 1..];
                if rest.len() > 4
                    && rest[..3].eq_ignore_ascii_case(b"and")
                    && rest[3].is_ascii_whitespace()
                {
                    out.push(&s[start..k]);
                    k += 4;
                    start = k + 1;
                }
            }
            _ => {}
        }
        k += 1;
    }
    out.push(&s[start.min(s.len())..]);
    if how == Split::Space {
        out.retain(|w| !w.is_empty());
    }
    out
}

/// Whether a word starts in lower case: its first letter at brace level 0,
/// or the letter of a special character `{\"o}` / `\"o` at its start; a
/// word starting with a plain brace group has no case.
fn is_lower(word: &str) -> bool {
    let mut depth = 0;
    let mut k = 0;
    while let Some(c) = word[k..].chars().next() {
        match c {
            '{' => {
                if depth == 0 && !word[k + 1..].starts_with('\\') {
                    return false;
                }
                depth += 1;
            }
            '}' => depth -= 1,
            '\\' => {
                let name: String = word[k + 1..]
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .collect();
                let letters = [
                    "i", "j", "o", "O", "l", "L", "ss", "aa", "AA", "ae", "AE", "oe", "OE",
                ];
                if letters.contains(&name.as_str()) {
                    return name.starts_with(|c: char| c.is_lowercase());
                }
                // An accent or another command: the letter after it counts.
                let skip = if name.is_empty() {
                    word[k + 1..].chars().next().map_or(0, char::len_utf8)
                } else {
                    name.len()
                };
                k += 1 + skip;
                continue;
            }
            c if c.is_alphabetic() => return c.is_lowercase(),
            _ => {}
        }
        k += c.len_utf8();
    }
    false
}

fn join(words: &[&str]) -> Option<String> {
    let s = to_unicode(&words.join(" "));
    (!s.is_empty()).then_some(s)
}

fn parse_one(name: &str) -> Option<Person> {
    let parts: Vec<&str> = split_level0(name, Split::Comma)
        .into_iter()
        .map(str::trim)
        .collect();
    if parts.iter().any(|p| extended_key(p).is_some()) {
        return extended(&parts);
    }
    let (von_last, jr, first) = match parts.as_slice() {
        [one] => {
            let words = split_level0(one, Split::Space);
            let n = words.len();
            if n == 0 {
                return None;
            }
            // First: the words before the first lower-case one (the last word
            // is always in Last).
            let von_start = words[..n - 1].iter().position(|w| is_lower(w));
            match von_start {
                Some(v) => (words[v..].to_vec(), None, join(&words[..v])),
                None => (words[n - 1..].to_vec(), None, join(&words[..n - 1])),
            }
        }
        [vl, f] => (split_level0(vl, Split::Space), None, join(&[f])),
        [vl, j, f, ..] => (split_level0(vl, Split::Space), join(&[j]), join(&[f])),
        [] => return None,
    };
    let n = von_last.len();
    if n == 0 {
        return first.map(|f| Person::new(&f, None));
    }
    // von: up to the last lower-case word before the final one.
    let von_end = von_last[..n - 1]
        .iter()
        .rposition(|w| is_lower(w))
        .map_or(0, |k| k + 1);
    let family = join(&von_last[von_end..])?;
    Some(Person::from_parts(
        &family,
        first.as_deref(),
        join(&von_last[..von_end]).as_deref(),
        jr.as_deref(),
    ))
}

fn extended_key(part: &str) -> Option<(&str, &str)> {
    let (k, v) = part.split_once('=')?;
    let k = k.trim();
    let known = [
        "family",
        "given",
        "prefix",
        "suffix",
        "useprefix",
        "family-i",
        "given-i",
        "prefix-i",
        "suffix-i",
        "id",
        "gender",
    ];
    known
        .contains(&k.to_ascii_lowercase().as_str())
        .then_some((k, v.trim()))
}

fn extended(parts: &[&str]) -> Option<Person> {
    let mut p = Person::default();
    for part in parts {
        let Some((k, v)) = extended_key(part) else {
            continue;
        };
        let v = v
            .strip_prefix('{')
            .and_then(|v| v.strip_suffix('}'))
            .unwrap_or(v);
        let text = to_unicode(v);
        let text = (!text.is_empty()).then_some(text);
        match k.to_ascii_lowercase().as_str() {
            "family" => p.set_family(text.as_deref().unwrap_or_default()),
            "given" => p.set_given(text.as_deref()),
            "prefix" => p.set_particle(text.as_deref()),
            "suffix" => p.set_suffix(text.as_deref()),
            _ => {}
        }
    }
    (!p.family().is_empty() || p.given().is_some()).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<(String, Option<String>, Option<String>)> {
        parse_bibtex_names(s)
            .into_iter()
            .map(|p| {
                (
                    p.family().to_string(),
                    p.given().map(str::to_string),
                    p.particle().map(str::to_string),
                )
            })
            .collect()
    }

    #[test]
    fn bibtex_forms() {
        assert_eq!(
            names("Donald E. Knuth and Leslie Lamport"),
            [
                ("Knuth".into(), Some("Donald E.".into()), None),
                ("Lamport".into(), Some("Leslie".into()), None)
            ]
        );
        assert_eq!(
            names(
                r"C.{\hspace{0.167em}}W.{\hspace{0.167em}}J. Beenakker and Collaboration, {\relax DESI}"
            ),
            [
                ("Beenakker".into(), Some("C. W. J.".into()), None),
                ("Collaboration".into(), Some("DESI".into()), None)
            ]
        );
        assert_eq!(
            names(
                r"{L{\'o}pez de M{\'a}ntaras}, Ramon and de la Fuente, Juan and {World Health Organization}"
            ),
            [
                ("López de Mántaras".into(), Some("Ramon".into()), None),
                ("Fuente".into(), Some("Juan".into()), Some("de la".into())),
                ("World Health Organization".into(), None, None)
            ]
        );
        assert_eq!(names(r"{\'E}mile Zola")[0].1.as_deref(), Some("Émile"));
        assert_eq!(names("Author199, A. AND Bdr, C.").len(), 2);
    }
}
