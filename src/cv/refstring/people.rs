//! Name lists in any citation style: `Izydorczyk, D., & Bröder, A.` (APA),
//! `Bednarek, Monika & Maite Taboada` (first name inverted), `Rosenberg, A.A.,
//! K.M. Kleisner`, `Yeakel J.D., Fan M.` (family first), `Smith AB, Doe C`
//! (Vancouver), `H. Stein Shiromoto, M. Revay, and I. R. Manchester` (given
//! first, compound family name), `SMITH, J.; DOE, J.`.

use crate::model::{dotted_initials, Person};

/// Particles written before a family name.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "le", "la",
    "ten", "ter", "zu", "y", "af", "al", "bin", "ibn", "st.", "mac",
];

/// The names read, and whether the list was cut short (`et al.`, `…`).
#[derive(Debug, Default)]
pub(crate) struct People {
    pub persons: Vec<Person>,
    pub truncated: bool,
}

/// Whether a token is initials: `J.`, `J.D.`, `K.-R.`, `AB` (≤ 3 capitals), `J`.
fn is_initials(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.len() > 4 {
        return false;
    }
    if !t
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '‐'))
    {
        return false;
    }
    let caps = letters.iter().all(|c| c.is_uppercase());
    if t.contains('.') {
        // `J.`, `J.D.`, `Th.`: every letter group short.
        return t
            .split(['.', '-'])
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() <= 2 && p.chars().next().is_some_and(char::is_uppercase));
    }
    caps && letters.len() <= 3
}

fn is_particle(t: &str) -> bool {
    PARTICLES.contains(&t.to_lowercase().as_str())
        && t.chars().next().is_some_and(char::is_lowercase)
}

/// Splits a name list into chunks at `;` (when present, the only separator
/// between people), else at `,`, ` and `, `&`, ` und `, ` et `, ` y `.
fn chunks(text: &str) -> (Vec<String>, bool) {
    let semicolons = text.contains(';');
    let mut out = Vec::new();
    let mut truncated = false;
    let pieces: Vec<&str> = if semicolons {
        text.split(';').collect()
    } else {
        text.split(',').collect()
    };
    for piece in pieces {
        // `et al.`, `and others`: the rest of the list is unknown.
        let lower = piece.to_lowercase();
        let piece = match lower.find("et al").or_else(|| lower.find("and others")) {
            Some(p) if piece.is_char_boundary(p) => {
                truncated = true;
                &piece[..p]
            }
            _ => piece,
        };
        let mut parts = vec![piece.to_string()];
        for sep in ["&", " and ", " und ", " et ", " y ", " e ", " with "] {
            parts = parts
                .iter()
                .flat_map(|p| {
                    let padded = format!(" {p} ");
                    padded.split(sep).map(str::to_string).collect::<Vec<_>>()
                })
                .collect();
        }
        for p in parts {
            let p = p.trim().trim_start_matches("and ").trim();
            let lower = p.to_lowercase();
            if lower.starts_with("et al")
                || lower == "al."
                || lower == "others"
                || lower.contains("et al")
            {
                truncated = true;
                let before = &p[..lower.find("et al").unwrap_or(0)];
                if !before.trim().is_empty() {
                    out.push(before.trim().to_string());
                }
                continue;
            }
            if p.is_empty() {
                continue;
            }
            if p.chars().all(|c| matches!(c, '…' | '.' | ' ' | '[' | ']')) {
                truncated = true;
                continue;
            }
            out.push(p.trim_matches(['…', ' ']).to_string());
        }
    }
    (out, truncated)
}

/// A person from one chunk holding a whole name.
fn whole_name(tokens: &[&str]) -> Person {
    let init: Vec<bool> = tokens.iter().map(|t| is_initials(t)).collect();
    if tokens.len() == 1 {
        return Person::new(tokens[0], None);
    }
    // `J. D. Smith`, `H. Stein Shiromoto`: initials first.
    if init[0] {
        let k = init.iter().position(|&f| !f).unwrap_or(tokens.len());
        if k == tokens.len() {
            return Person::new(&tokens.join(" "), None);
        }
        let mut p = family(&tokens[k..]);
        p.set_given(Some(&dotted_initials(&tokens[..k].join(" "))));
        return p;
    }
    // `Smith J.D.`, `Smith AB`, `de Lange T`: initials last.
    if *init.last().unwrap_or(&false) {
        let k = init.iter().rposition(|&f| !f).map_or(0, |p| p + 1);
        let mut p = family(&tokens[..k]);
        p.set_given(Some(&dotted_initials(&tokens[k..].join(" "))));
        return p;
    }
    // `Maite Taboada`, `Jan van der Berg`, `Sarah M. Smith`: family last,
    // from its first particle on.
    let mut start = tokens.len() - 1;
    while start > 1 && is_particle(tokens[start - 1]) {
        start -= 1;
    }
    let mut p = family(&tokens[start..]);
    p.set_given(Some(&tokens[..start].join(" ")));
    p
}

/// A family name with leading particles split off.
fn family(tokens: &[&str]) -> Person {
    let k = tokens
        .iter()
        .take_while(|t| is_particle(t))
        .count()
        .min(tokens.len().saturating_sub(1));
    let fam = tokens[k..].join(" ");
    let fam = fam.trim_end_matches([',', '.']);
    let mut p = Person::new(fam, None);
    if k > 0 {
        p.set_particle(Some(&tokens[..k].join(" ")));
    }
    p
}

fn given_like(tokens: &[&str]) -> bool {
    !tokens.is_empty()
        && tokens.len() <= 3
        && tokens
            .iter()
            .all(|t| is_initials(t) || t.chars().next().is_some_and(char::is_uppercase))
}

/// Reads a name list of any style.
pub(crate) fn parse(text: &str) -> People {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if matches!(c, '*' | '†' | '‡' | '\u{E000}' | '¹' | '²' | '³') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let (chunks, truncated) = chunks(&cleaned);
    let mut people = People {
        persons: Vec::new(),
        truncated,
    };
    let toks: Vec<Vec<&str>> = chunks
        .iter()
        .map(|c| c.split_whitespace().collect())
        .collect();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.is_empty() {
            i += 1;
            continue;
        }
        let all_init = t.iter().all(|x| is_initials(x));
        // Initials alone belong to the family name before them (`Smith, J.`).
        if all_init {
            if let Some(last) = people.persons.last_mut() {
                if last.given().is_none() {
                    last.set_given(Some(&dotted_initials(&t.join(" "))));
                    i += 1;
                    continue;
                }
            }
            people.persons.push(Person::new(&t.join(" "), None));
            i += 1;
            continue;
        }
        // `Family, Given` when a family alone is followed by a given-like chunk.
        let lone_family =
            t.len() == 1 || (t.len() <= 3 && t[..t.len() - 1].iter().all(|x| is_particle(x)));
        let next = toks.get(i + 1);
        let inverted = lone_family && next.is_some_and(|n| given_like(n));
        if inverted {
            if let Some(n) = next {
                let mut p = family(t);
                let given = n.join(" ");
                p.set_given(Some(&if n.iter().all(|x| is_initials(x)) {
                    dotted_initials(&given)
                } else {
                    given
                }));
                people.persons.push(p);
                i += 2;
                continue;
            }
        }
        people.persons.push(whole_name(t));
        i += 1;
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fg(text: &str) -> Vec<(String, String)> {
        parse(text)
            .persons
            .into_iter()
            .map(|p| {
                let fam = match p.particle() {
                    Some(pa) => format!("{pa} {}", p.family()),
                    None => p.family().to_string(),
                };
                (fam, p.given().unwrap_or_default().to_string())
            })
            .collect()
    }

    fn v(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn styles_of_name_lists() {
        assert_eq!(
            fg("Izydorczyk, D., & Bröder, A."),
            v(&[("Izydorczyk", "D."), ("Bröder", "A.")])
        );
        assert_eq!(
            fg("Bednarek, Monika & Maite Taboada"),
            v(&[("Bednarek", "Monika"), ("Taboada", "Maite")])
        );
        assert_eq!(
            fg("Rosenberg, A.A., K.M. Kleisner, J. Afflerbach"),
            v(&[
                ("Rosenberg", "A. A."),
                ("Kleisner", "K. M."),
                ("Afflerbach", "J.")
            ])
        );
        assert_eq!(
            fg("Yeakel J.D., Fan M., McTavish E.J."),
            v(&[("Yeakel", "J. D."), ("Fan", "M."), ("McTavish", "E. J.")])
        );
        assert_eq!(
            fg("Smith AB, Doe C, et al"),
            v(&[("Smith", "A. B."), ("Doe", "C.")])
        );
        assert!(parse("Smith AB, Doe C, et al").truncated);
        assert_eq!(
            fg("H. Stein Shiromoto, M. Revay, and I. R. Manchester"),
            v(&[
                ("Stein Shiromoto", "H."),
                ("Revay", "M."),
                ("Manchester", "I. R.")
            ])
        );
        assert_eq!(
            fg("Smith, John, and Jane van Doe"),
            v(&[("Smith", "John"), ("van Doe", "Jane")])
        );
        assert_eq!(
            fg("SMITH, J.; DOE, J."),
            v(&[("SMITH", "J."), ("DOE", "J.")])
        );
        assert_eq!(
            fg("Hoogeveen, S., …, Izydorczyk, D., … Wagenmakers, E.-J."),
            v(&[
                ("Hoogeveen", "S."),
                ("Izydorczyk", "D."),
                ("Wagenmakers", "E.-J.")
            ])
        );
    }
}
