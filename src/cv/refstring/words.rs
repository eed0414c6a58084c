//! Small helpers on the scanned words that the field rules share.

use super::tokens::{Scanned, Token};

/// A word: it has a letter or digit.
pub(super) fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// The text of tokens `first..=last`, as written, trimmed of the
/// punctuation that joins fields.
pub(super) fn text_of(sc: &Scanned, first: usize, last: usize) -> String {
    let t: &[Token] = &sc.tokens;
    let s = &sc.plain[t[first].start..t[last].end];
    let s = s.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ':' | '“' | '”' | '"' | '„' | '«' | '»' | '/' | '|' | '[' | ']'
            )
    });
    let s = s.trim_start_matches(['.', ')', '–', '-']);
    let s = s.trim_end_matches(['(', '–', '-']);
    let s = balance_parens(s);
    let s = s.trim_end_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
    // A period after a closing quote or an abbreviation stays with a title
    // only when it is part of a word (`U.S.`); plain sentence ends go.
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops an unmatched leading `(` or trailing `)`.
fn balance_parens(s: &str) -> &str {
    let open = s.matches('(').count();
    let close = s.matches(')').count();
    if close > open {
        s.strip_suffix(')')
            .or_else(|| s.strip_suffix(")."))
            .unwrap_or(s)
            .trim_end()
    } else if open > close {
        s.strip_prefix('(').unwrap_or(s).trim_start()
    } else if s.starts_with('(') && s.ends_with(')') && open == 1 {
        &s[1..s.len() - 1]
    } else {
        s
    }
}

/// A year between 1500 and 2099 with an optional letter (`2020a`).
pub(super) fn year_of(w: &str) -> Option<i32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
    if digits.len() != 4 || w.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|y| (1500..=2099).contains(y))
}
