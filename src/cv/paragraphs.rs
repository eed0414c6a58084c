//! Entries of a paragraph in a list that has no list markers: one entry per
//! paragraph when the paragraph is hard-wrapped (every line but the last
//! about as long as the longest), one per line when the lines are entries of
//! their own (a list pasted from a reference manager or a word processor,
//! `<br>`-separated lines): a line that ends a sentence followed by one that
//! starts like a new entry.

use super::blocks::Line;
use super::clean::finish;
use super::names::looks_like_name_list;
use super::year::find_year;

/// Whether cleaned text starts like a reference: a clean name list followed by `(Year)`.
pub(crate) fn starts_like_reference(text: &str) -> bool {
    // `(Year)` is needed: most lines have no parenthesis at all.
    if !text.contains('(') {
        return false;
    }
    let plain = finish(text);
    match find_year(&plain) {
        Some((start, ..)) if start > 0 && start < 400 => looks_like_name_list(&plain[..start]),
        _ => false,
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Whether a line can end an entry: a sentence end, a closing bracket or
/// quote, a URL or DOI.
fn ends_entry(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['*', '_']);
    t.ends_with(['.', ')', ']', '>', '”', '"', '’', '»', '!', '?'])
        || t.rsplit(' ')
            .next()
            .is_some_and(|w| w.contains("doi.org/") || w.starts_with("http"))
}

/// Whether a line can start an entry: upper case, a quote or emphasis first,
/// not a venue or identifier line, and (with `need_year`) a year in it.
fn begins_entry(s: &str, need_year: bool) -> bool {
    let t = s.trim_start_matches(['*', '_', '"', '“', '[']);
    let first_upper = t.chars().next().is_some_and(char::is_uppercase);
    let continuation = [
        "In:",
        "In ",
        "doi",
        "DOI",
        "http",
        "pp.",
        "Vol",
        "vol.",
        "Available",
    ]
    .iter()
    .any(|p| t.starts_with(p));
    let year = s.as_bytes().windows(4).any(|w| {
        (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit)
    });
    first_upper && !continuation && (year || !need_year)
}

/// Whether a line ends inside an author list or a phrase: a comma, a
/// semicolon, `&`, `and`, `In:`. The next line continues it whatever it
/// starts with.
fn ends_open(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['*', '_']);
    let last = t.rsplit(' ').next().unwrap_or("");
    t.ends_with([',', ';', '&', '-', '–', '(', '['])
        || ["and", "und", "et", "In:", "in:", "In", "in", "of", "the"].contains(&last)
}

/// Whether a line ends in an initial ("..., M." before "Dickey-Collas, A.B."
/// on the next line is a wrap inside an author list): each capital followed
/// by a period (`M.`, `A.B.`, `K.-R.`), unlike `TBA.` or `IEEE.`.
fn ends_in_initial(s: &str) -> bool {
    let Some(w) = s.trim_end().rsplit(' ').next() else {
        return false;
    };
    let capitals = w.chars().filter(|c| c.is_uppercase()).count();
    let periods = w.chars().filter(|&c| c == '.').count();
    w.len() <= 6
        && w.ends_with('.')
        && capitals >= 1
        && capitals <= periods
        && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
}

/// Whether a line starts with the dashes reference lists print for "the same
/// authors as the entry above" (`———.`, `——, and`, `---.`).
pub(crate) fn starts_with_repeat_dashes(s: &str) -> bool {
    let t = s.trim_start_matches(['*', '_']);
    let dashes = t
        .chars()
        .take_while(|c| matches!(c, '—' | '–' | '-' | '_' | '‒' | '―'))
        .count();
    dashes >= 2 && {
        let rest = t.chars().skip(dashes).collect::<String>();
        rest.starts_with(['.', ',', ' ', ':', ';'])
    }
}

/// Whether a line starts with a name the way reference lists do:
/// `Family, I.`, `I. Family`, `Family IN,` (Vancouver).
fn starts_with_name(s: &str) -> bool {
    let t = s.trim_start_matches(['*', '_']);
    let mut words = t.split_whitespace();
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return false;
    };
    let b = b.trim_start_matches(['*', '_']);
    // `Müller-Lüdenscheid`, `O'Neil`, `McDonald`: a capital, then letters
    // with a lower-case one among them.
    let capital_word = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && w.chars()
                .skip(1)
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    let initial = |w: &str| {
        let w = w.trim_end_matches([',', '.', ':', ';']);
        !w.is_empty()
            && (w.len() <= 3 || (w.len() <= 6 && w.contains(['.', '-'])))
            && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '.')
    };
    (a.ends_with(',') && capital_word(a.trim_end_matches(',')) && initial(b) && b.contains('.'))
        || (initial(a) && a.ends_with('.') && capital_word(b.trim_end_matches([',', '.'])))
        || (capital_word(a) && initial(b) && !b.contains('.') && b.ends_with(','))
}

/// Splits the lines of one paragraph into entries.
pub(crate) fn split_entries(lines: &[Line]) -> Vec<Vec<Line>> {
    if lines.len() < 2 {
        return vec![lines.to_vec()];
    }
    let widest = lines.iter().map(|l| chars(&l.text)).max().unwrap_or(0);
    let wrapped = widest <= 120
        && lines[..lines.len() - 1]
            .iter()
            .all(|l| chars(&l.text) * 10 >= widest * 7);
    let mut out: Vec<Vec<Line>> = vec![vec![lines[0].clone()]];
    for pair in lines.windows(2) {
        let (prev, next) = (&pair[0].text, &pair[1].text);
        let short = chars(prev) * 10 < widest * 8;
        let open = ends_open(prev) || ends_in_initial(prev);
        // Lines that are not hard wraps of one paragraph, each starting
        // with a name: one entry per line, however an entry ends (styles
        // without a final period end on pages, `18:`, a venue word).
        let name_start = starts_with_name(next) || starts_with_repeat_dashes(next);
        let boundary = !open
            && ((!wrapped && name_start)
                || (ends_entry(prev)
                    && (starts_like_reference(next)
                        || name_start
                        || (begins_entry(next, !short) && (short || !wrapped)))));
        if boundary {
            out.push(Vec::new());
        }
        if let Some(last) = out.last_mut() {
            last.push(pair[1].clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line::new(i + 1, t))
            .collect()
    }

    fn starts(text: &str) -> Vec<usize> {
        split_entries(&lines(text))
            .iter()
            .map(|e| e[0].no)
            .collect()
    }

    #[test]
    fn hard_wrapped_paragraph_is_one_entry() {
        let p = "Rosenberg, A.A., K.M. Kleisner, J. Afflerbach, S.C. Anderson, M.\n\
                 Dickey-Collas, A.B. Cooper. Applying a new ensemble approach to 2017.\n\
                 Conservation Letters. In press.";
        assert_eq!(starts(p), vec![1]);
    }

    #[test]
    fn one_entry_per_line() {
        let p = "Smith, J., & Jones, A. (2020). A first title on something. Journal of Things, 3(2), 1-10.\n\
                 Doe, J. (2019). Another title that is long enough to be real. Other Journal, 12, 5-9.\n\
                 Roe, R. 2018. A third title. Third Journal 4. 1-2.";
        assert_eq!(starts(p), vec![1, 2, 3]);
        // DIN 1505: hyphenated initials after the family name.
        let p = "Okafor, N. ; Berg, P.: Tidal fronts. In: Marine Geology Bd. 9 (2020), S. 1–9\n\
                 Yeom, S.-K. ; Berg, P.: Sediment cores from the Ariake Sea and the Baltic coast, a comparison. In: Marine Geology Bd. 8 (2019), S. 5–7\n\
                 Berg, P.: Fronts. In: Marine Geology Bd. 7 (2018)";
        assert_eq!(starts(p), vec![1, 2, 3]);
    }

    #[test]
    fn pdf_wrapped_entries_without_blank_lines() {
        let p = "Smith J, Jones A. A first title on something that wraps over two lines of the\n\
                 page. J Things. 2020;3:1-10.\n\
                 Doe J. Another title that also wraps over two lines of the page in the PDF\n\
                 file. Other J. 2019;12:5-9.";
        assert_eq!(starts(p), vec![1, 3]);
    }
}
