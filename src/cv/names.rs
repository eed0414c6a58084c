//! Author and editor lists: `Hedström A, Bommer P L, Burns T F and Höhne M-C M`,
//! `Müller K-R`, `Yolcu GÜ`, `de Lange T`, `S. Lapuschkin`, `Sebastian Lapuschkin`.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::combinator::{all_consuming, opt, recognize};
use nom::multi::many1;
use nom::{IResult, Parser};

use crate::model::{dotted_initials, Person};

/// Result of reading an author list.
#[derive(Debug, Default)]
pub(crate) struct NameList {
    pub persons: Vec<Person>,
    /// Problems worth a warning (missing separators, `et al.`).
    pub warnings: Vec<String>,
}

/// Lower-case particles written before a family name.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "le", "la",
    "ten", "ter", "zu", "y", "af", "al", "bin", "ibn",
];

/// One initials token: `K-R`, `GÜ`, `A.`, `M.-C.`, at most four letters.
fn initials_token(input: &str) -> IResult<&str, &str> {
    recognize((
        take_while_m_n(1, 1, char::is_uppercase),
        opt(tag(".")),
        nom::multi::many0((
            opt(alt((tag("-"), tag(".-")))),
            take_while_m_n(1, 1, char::is_uppercase),
            opt(tag(".")),
        )),
    ))
    .parse(input)
}

/// Whether a whole token is initials (`S`, `K-R`, `GÜ`, `A.M.`), not a name.
pub(crate) fn is_initials(token: &str) -> bool {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 4 && all_consuming(initials_token).parse(token).is_ok()
}

/// A capitalised name word (`Müller`, `Murray-Smith`, `O'Neil`), at least two letters.
fn is_name_word(token: &str) -> bool {
    let word: IResult<&str, &str> = all_consuming(recognize(many1(alt((
        take_while1(|c: char| c.is_alphabetic()),
        tag("-"),
        tag("'"),
        tag("’"),
    )))))
    .parse(token);
    word.is_ok()
        && token.chars().next().is_some_and(char::is_uppercase)
        && token.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Reads an author list. Separators are `,`, ` and `, `&` and `;`; a chunk that
/// holds two "Family Initials" names without a separator (`Samek W Lapuschkin S`)
/// is split, with a warning.
pub(crate) fn parse_names(text: &str) -> NameList {
    let mut list = NameList::default();
    let text = text.replace('*', " ");
    let mut chunks: Vec<String> = Vec::new();
    for part in text.split([',', ';', '&']) {
        for piece in split_on_and(part) {
            let piece = piece.trim();
            if !piece.is_empty() {
                chunks.push(piece.to_string());
            }
        }
    }
    for chunk in chunks {
        let mut tokens: Vec<&str> = chunk.split_whitespace().collect();
        if let Some(pos) = tokens.windows(2).position(|w| {
            w[0].eq_ignore_ascii_case("et") && w[1].to_ascii_lowercase().starts_with("al")
        }) {
            tokens.truncate(pos);
            list.warnings
                .push("author list ends in \"et al.\": the remaining authors are unknown".into());
            if tokens.is_empty() {
                continue;
            }
        }
        // `Lapuschkin, S.` written with a comma: a chunk of initials only
        // belongs to the name before it.
        if tokens.iter().all(|t| is_initials(t)) {
            if let Some(last) = list.persons.last_mut() {
                if last.given().is_none() {
                    last.set_given(Some(&dotted_initials(&tokens.join(" "))));
                    continue;
                }
            }
        }
        let persons = chunk_to_persons(&tokens);
        if persons.len() > 1 {
            list.warnings.push(format!(
                "no separator between the authors in \"{}\"; read as {} names",
                tokens.join(" "),
                persons.len()
            ));
        }
        list.persons.extend(persons);
    }
    list
}

fn split_on_and(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(pos) = find_word(rest, "and") {
        out.push(&rest[..pos]);
        rest = &rest[pos + 3..];
    }
    out.push(rest);
    out
}

/// Position of `word` standing alone (white space or edges around it).
fn find_word(s: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = s[from..].find(word) {
        let pos = from + rel;
        let before_ok = pos == 0 || s[..pos].ends_with(char::is_whitespace);
        let after = &s[pos + word.len()..];
        let after_ok = after.is_empty() || after.starts_with(char::is_whitespace);
        if before_ok && after_ok {
            return Some(pos);
        }
        from = pos + word.len();
    }
    None
}

/// Turns the tokens of one chunk into persons.
///
/// Family-first (`Höhne M-C M`, `de Lange T`) is the CV convention; a chunk
/// that starts with initials is given-first (`S. Lapuschkin`), and a chunk
/// without initials is read as full given names followed by the family name.
fn chunk_to_persons(tokens: &[&str]) -> Vec<Person> {
    if tokens.is_empty() {
        return Vec::new();
    }
    let initial_flags: Vec<bool> = tokens.iter().map(|t| is_initials(t)).collect();
    if initial_flags[0] {
        // Given-first: initials, then the family name.
        let split = initial_flags
            .iter()
            .position(|f| !f)
            .unwrap_or(tokens.len());
        let given = tokens[..split].join(" ");
        let family_tokens = &tokens[split..];
        if family_tokens.is_empty() {
            return vec![Person::new(&given, None)];
        }
        let mut p = family_person(family_tokens);
        p.set_given(Some(&dotted_initials(&given)));
        return vec![p];
    }
    if !initial_flags.iter().any(|&f| f) {
        // No initials: "Given Given Family" or a single family name.
        if tokens.len() == 1 {
            return vec![Person::new(tokens[0], None)];
        }
        let particle_at = tokens
            .iter()
            .position(|t| PARTICLES.contains(t))
            .filter(|&i| i > 0);
        let family_start = particle_at.unwrap_or(tokens.len() - 1);
        let mut p = family_person(&tokens[family_start..]);
        p.set_given(Some(&tokens[..family_start].join(" ")));
        return vec![p];
    }
    // Family-first, possibly several names run together.
    let mut persons = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let family_start = i;
        while i < tokens.len() && !initial_flags[i] {
            i += 1;
        }
        let initials_start = i;
        while i < tokens.len() && initial_flags[i] {
            i += 1;
        }
        let family_tokens = &tokens[family_start..initials_start];
        let initials = tokens[initials_start..i].join(" ");
        if family_tokens.is_empty() {
            // Stray initials (cannot happen after the first round); keep them.
            persons.push(Person::new(&initials, None));
            continue;
        }
        let mut p = family_person(family_tokens);
        if !initials.is_empty() {
            p.set_given(Some(&dotted_initials(&initials)));
        }
        persons.push(p);
    }
    persons
}

/// A person from family-name tokens: leading lower-case particles split off.
fn family_person(tokens: &[&str]) -> Person {
    let particle_len = tokens
        .iter()
        .take_while(|t| PARTICLES.contains(t))
        .count()
        .min(tokens.len().saturating_sub(1));
    let mut p = Person::new(&tokens[particle_len..].join(" "), None);
    if particle_len > 0 {
        p.set_particle(Some(&tokens[..particle_len].join(" ")));
    }
    p
}

/// Whether text looks like the start of a reference: a name list that reads
/// cleanly, every name with initials (`Bach S`, `S. Bach`). Full given names
/// are not enough: "Deep Learning" would pass for a name.
pub(crate) fn looks_like_name_list(text: &str) -> bool {
    let list = parse_names(text);
    let given_ok = |g: &str| g.ends_with('.') && g.split_whitespace().all(is_initials);
    !list.persons.is_empty()
        && list.warnings.is_empty()
        && list.persons.iter().all(|p| {
            p.given().is_some_and(given_ok) && p.family().split_whitespace().all(is_name_word)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        parse_names(text)
            .persons
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

    fn fg(f: &str, g: &str) -> (String, Option<String>, Option<String>) {
        (f.into(), Some(g.into()), None)
    }

    #[test]
    fn family_first_with_all_initial_forms() {
        assert_eq!(
            names("Hedström A, Bommer P L, Burns T F, **Lapuschkin S**, Samek W and Höhne M-C M"),
            vec![
                fg("Hedström", "A."),
                fg("Bommer", "P. L."),
                fg("Burns", "T. F."),
                fg("Lapuschkin", "S."),
                fg("Samek", "W."),
                fg("Höhne", "M.-C. M."),
            ]
        );
        assert_eq!(names("Müller K-R"), vec![fg("Müller", "K.-R.")]);
        assert_eq!(names("Yolcu GÜ"), vec![fg("Yolcu", "G. Ü.")]);
        assert_eq!(names("Raberger AM"), vec![fg("Raberger", "A. M.")]);
        assert_eq!(names("Bach S"), vec![fg("Bach", "S.")]);
        assert_eq!(names("Murray-Smith R"), vec![fg("Murray-Smith", "R.")]);
        assert_eq!(
            names("Aeles J, Horst F, and Hug F"),
            vec![fg("Aeles", "J."), fg("Horst", "F."), fg("Hug", "F.")]
        );
    }

    #[test]
    fn particles() {
        assert_eq!(
            names("Halvorsen P, de Lange T, Mori Y"),
            vec![
                fg("Halvorsen", "P."),
                ("Lange".into(), Some("T.".into()), Some("de".into())),
                fg("Mori", "Y.")
            ]
        );
        assert_eq!(
            names("van der Berg J"),
            vec![("Berg".into(), Some("J.".into()), Some("van der".into()))]
        );
    }

    #[test]
    fn missing_separator_is_split_with_a_warning() {
        let list = parse_names("Wiegand T, Samek W **Lapuschkin S**");
        let got: Vec<_> = list.persons.iter().map(|p| p.family()).collect();
        assert_eq!(got, ["Wiegand", "Samek", "Lapuschkin"]);
        assert_eq!(list.warnings.len(), 1);
        assert!(list.warnings[0].contains("Samek W"), "{:?}", list.warnings);
    }

    #[test]
    fn given_first_and_comma_forms() {
        assert_eq!(
            names("S. Lapuschkin and K.-R. Müller"),
            vec![fg("Lapuschkin", "S."), fg("Müller", "K.-R.")]
        );
        assert_eq!(
            names("Lapuschkin, S., Samek, W."),
            vec![fg("Lapuschkin", "S."), fg("Samek", "W.")]
        );
        assert_eq!(
            names("Sebastian Lapuschkin"),
            vec![fg("Lapuschkin", "Sebastian")]
        );
        let list = parse_names("Samek W, Müller K-R et al.");
        assert_eq!(list.persons.len(), 2);
        assert_eq!(list.warnings.len(), 1);
    }

    #[test]
    fn name_list_detection() {
        assert!(looks_like_name_list("Schwenk G and Bach S"));
        assert!(looks_like_name_list("Bareeva D, Yolcu GÜ, Hedström A"));
        assert!(!looks_like_name_list("In: CoRR abs/2505.21595"));
        assert!(!looks_like_name_list("Accepted for publication at NeurIPS"));
    }
}
