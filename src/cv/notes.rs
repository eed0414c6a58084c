//! Notes that follow an item's venue: awards, acceptance, open-access marks,
//! status; and the publisher with its place (`Springer, Cham`).

/// Publishers CVs name after a book title or chapter.
const PUBLISHERS: &[&str] = &[
    "Springer Nature",
    "Springer",
    "Elsevier",
    "IEEE",
    "ACM",
    "MIT Press",
    "PMLR",
    "Curran Associates",
    "Wiley",
    "Cambridge University Press",
    "Oxford University Press",
    "CRC Press",
    "De Gruyter",
    "Routledge",
    "SAGE",
    "Taylor & Francis",
    "World Scientific",
    "Morgan Kaufmann",
    "O'Reilly",
    "Academic Press",
    "Birkhäuser",
    "Vieweg",
    "Teubner",
    "Hanser",
    "IOS Press",
    "Now Publishers",
    "AAAI Press",
    "Association for Computational Linguistics",
    "Cengage",
    "Pearson",
    "Princeton University Press",
    "Chapman and Hall",
    "Chapman & Hall",
];

/// `Springer, Cham`, `Springer (Cham)`, `Springer` → publisher and place.
pub(crate) fn publisher(fragment: &str) -> Option<(String, Option<String>)> {
    let f = fragment.trim().trim_end_matches([',', '.', ';']);
    let name = PUBLISHERS.iter().find(|p| f.starts_with(*p))?;
    let rest = f[name.len()..].trim();
    let place = if rest.is_empty() {
        None
    } else if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner.trim().to_string())
    } else if let Some(p) = rest.strip_prefix(',') {
        let p = p.trim();
        // A place is a short capitalised name (`Cham`, `Berlin/Heidelberg`).
        let ok = !p.is_empty()
            && p.len() <= 40
            && p.chars().next().is_some_and(char::is_uppercase)
            && p.split_whitespace().count() <= 3;
        if !ok {
            return None;
        }
        Some(p.to_string())
    } else {
        return None;
    };
    Some((name.to_string(), place))
}

/// Splits note text into fragments at line breaks, `|` and sentence ends, and
/// trims them; empty fragments are dropped.
pub(crate) fn fragments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split(['\n', '|']) {
        for sentence in split_sentences(piece) {
            let t = sentence.trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '<' | '>' | '*')
            });
            // A note standing alone in parentheses: `(Green Open Access)`.
            let t = match t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
                Some(inner) if !inner.contains(['(', ')']) => inner.trim(),
                _ => t,
            };
            if !t.is_empty() {
                out.push(t.to_string());
            }
        }
    }
    out
}

/// Splits at `. ` before an upper-case letter, but not inside parentheses
/// (`(June 2022)`) and not after a single capital (`Part I. ...` is not cut in
/// two by initials such as `C. H.`).
fn split_sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '.' if depth == 0 => {
                let next_is_space = chars.get(k + 1).is_some_and(|&(_, n)| n == ' ');
                let after_upper = chars.get(k + 2).is_some_and(|&(_, n)| n.is_uppercase());
                let prev_word_len = s[start..i]
                    .rsplit(' ')
                    .next()
                    .map_or(0, |w| w.chars().count());
                if next_is_space && after_upper && prev_word_len > 1 {
                    out.push(&s[start..i]);
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteKind;

    #[test]
    fn note_kinds() {
        assert_eq!(
            NoteKind::classify("Accepted for publication in Nature Machine Intelligence"),
            NoteKind::Acceptance
        );
        assert_eq!(
            NoteKind::classify("Accepted for publication with ACL Findings"),
            NoteKind::Acceptance
        );
        assert_eq!(
            NoteKind::classify("Best Short Paper Award Winner"),
            NoteKind::Award
        );
        assert_eq!(
            NoteKind::classify("TMLR Survey Certification"),
            NoteKind::Award
        );
        assert_eq!(NoteKind::classify("Spotlight Paper"), NoteKind::Award);
        assert_eq!(
            NoteKind::classify("Reproducibility Badge Winner"),
            NoteKind::Award
        );
        assert_eq!(NoteKind::classify("Green Open Access"), NoteKind::Access);
        assert_eq!(
            NoteKind::classify("gold open access link"),
            NoteKind::Access
        );
        assert_eq!(NoteKind::classify("OpenReview"), NoteKind::Access);
        assert_eq!(NoteKind::classify("pre-proof"), NoteKind::Status);
        assert_eq!(
            NoteKind::classify("XAI in Action: Past, Present, and Future Applications"),
            NoteKind::Other
        );
    }

    #[test]
    fn publishers_and_places() {
        assert_eq!(
            publisher("Springer, Cham"),
            Some(("Springer".into(), Some("Cham".into())))
        );
        assert_eq!(
            publisher("Springer (Cham),"),
            Some(("Springer".into(), Some("Cham".into())))
        );
        assert_eq!(
            publisher("Springer, Berlin/Heidelberg"),
            Some(("Springer".into(), Some("Berlin/Heidelberg".into())))
        );
        assert_eq!(publisher("Spotlight Paper"), None);
    }

    #[test]
    fn fragments_split_at_lines_bars_and_sentences() {
        assert_eq!(
            fragments(
                " | TMLR Survey Certification\n. Accepted for publication in JMLR (June 2022)."
            ),
            vec![
                "TMLR Survey Certification",
                "Accepted for publication in JMLR (June 2022)"
            ]
        );
        assert_eq!(fragments("Spotlight Paper>"), vec!["Spotlight Paper"]);
        assert_eq!(
            fragments("| (Green Open Access)"),
            vec!["Green Open Access"]
        );
        assert_eq!(fragments("(a) and (b)"), vec!["(a) and (b)"]);
        assert_eq!(
            fragments("Springer, Cham. Best Paper Award"),
            vec!["Springer, Cham", "Best Paper Award"]
        );
    }
}
