//! Where the title ends: rules that move the boundary between the title
//! and what the labeller read around it (the authors' year, a trailing
//! phrase, the journal's name), for lists without markup.

use super::model::Label;
use super::tokens::{Scanned, ID};
use super::words::{is_word, year_of};

/// `Weber L, Lapuschkin S, Binder A and Samek W 2023 Beyond Explaining …`
/// (no punctuation around a bare year) with the end of the author list and
/// the year read as the title: when no date was read, a year in the title
/// run after words that look like names (`Family I`, initials, `and`) ends
/// the authors, and the title starts after it.
pub(super) fn names_and_year_in_title(sc: &Scanned, labels: &mut [Label]) {
    let n = labels.len();
    let text = |i: usize| sc.text(&sc.tokens[i]);
    if labels.contains(&Label::Date) {
        return;
    }
    let Some(a) = labels.iter().position(|&l| l == Label::Title) else {
        return;
    };
    let mut b = a;
    while b + 1 < n && labels[b + 1] == Label::Title {
        b += 1;
    }
    let Some(y) = (a..=b.min(a + 40)).find(|&k| year_of(text(k)).is_some()) else {
        return;
    };
    if y == b || y == a {
        return;
    }
    let initial =
        |w: &str| w.len() <= 4 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '.');
    let capital = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
    };
    let name_like = (a..y).all(|k| {
        let w = text(k);
        matches!(w, "," | "and" | "&" | "et" | "al" | ".") || initial(w) || capital(w)
    });
    let has_initial = (a..y).any(|k| initial(text(k)));
    let after_authors = a > 0 && matches!(labels[a - 1], Label::Author | Label::Other);
    if name_like && has_initial && after_authors && y - a <= 24 {
        for l in &mut labels[a..y] {
            *l = Label::Author;
        }
        labels[y] = Label::Date;
        // `Lapuschkin S , Binder A`: the comma read as other joins the runs.
        let mut k = a;
        while k > 0 && labels[k - 1] == Label::Other && !is_word(text(k - 1)) {
            labels[k - 1] = Label::Author;
            k -= 1;
        }
    }
}

/// `iNNvestigate Neural Networks! Journal of Machine Learning Research 20`
/// all read as the container, with no title: a title ending in `!` or `?`
/// before a capitalised name is the title, the rest the container.
pub(super) fn exclaimed_title(sc: &Scanned, labels: &mut [Label]) {
    let n = labels.len();
    let text = |i: usize| sc.text(&sc.tokens[i]);
    if labels.contains(&Label::Title) {
        return;
    }
    let Some(a) = labels.iter().position(|&l| l == Label::Container) else {
        return;
    };
    let mut b = a;
    while b + 1 < n && labels[b + 1] == Label::Container {
        b += 1;
    }
    let split = (a + 1..b).find(|&k| {
        matches!(text(k), "!" | "?") && text(k + 1).chars().next().is_some_and(char::is_uppercase)
    });
    if let Some(k) = split {
        // `iNNvestigate` (a lower-case first word) read as nothing before it.
        let mut start = a;
        while start > 0 && labels[start - 1] == Label::Other && is_word(text(start - 1)) {
            start -= 1;
        }
        for l in &mut labels[start..=k] {
            *l = Label::Title;
        }
    }
}

/// Words of journal names (as written, capitalised).
const JOURNAL_WORDS: &[&str] = &[
    "Journal",
    "Transactions",
    "Proceedings",
    "Annals",
    "Bulletin",
    "Letters",
    "Acta",
    "Archives",
    "Zeitschrift",
    "Revue",
    "Revista",
    "Rivista",
    "Findings",
    "Magazine",
    "Quarterly",
];

/// Words that make a trailing phrase a note, not the end of a title.
const NOTE_WORDS: &[&str] = &[
    "press",
    "review",
    "preparation",
    "submitted",
    "manuscript",
    "preprint",
    "thesis",
    "dissertation",
    "report",
    "accepted",
    "forthcoming",
    "revision",
    "pp",
    "vol",
    "unpublished",
    "draft",
    "abstract",
    "poster",
    "talk",
    "online",
    "available",
    "retrieved",
    "accessed",
];

/// What follows the title when nothing else was read there:
/// - `… with Zennit, CoRelAy, and ViRelAy` / `… Attacks in CLIP` at the end
///   of the string, read as nothing: the rest of the title (styles that end
///   on the title when there is no venue);
/// - `. NeuroImage 261:` read as nothing: the journal and its volume;
/// - `In: Findings of the ACL` read as a second title: the container.
pub(super) fn after_title(sc: &Scanned, labels: &mut [Label]) {
    let n = labels.len();
    let text = |i: usize| sc.text(&sc.tokens[i]);
    let Some(a) = labels.iter().position(|&l| l == Label::Title) else {
        return;
    };
    let mut b = a;
    while b + 1 < n && labels[b + 1] == Label::Title {
        b += 1;
    }
    let is_other = |k: usize| labels[k] == Label::Other && !sc.tokens[k].has(ID);
    // Trailing words to the end.
    let tail = b + 1..n;
    if !tail.is_empty()
        && tail.clone().all(is_other)
        && tail
            .clone()
            .all(|k| matches!(text(k), "," | "&") || is_word(text(k)))
        && tail.clone().any(|k| is_word(text(k)))
        && !tail.clone().any(|k| {
            year_of(text(k)).is_some()
                || NOTE_WORDS.contains(&text(k).to_lowercase().trim_end_matches('.'))
        })
        && tail.clone().filter(|&k| is_word(text(k))).count() <= 6
        && matches!(
            text(b + 1),
            "," | "in" | "and" | "with" | "for" | "of" | "on" | "&"
        )
    {
        for l in &mut labels[b + 1..n] {
            *l = Label::Title;
        }
        return;
    }
    if labels.contains(&Label::Container) {
        return;
    }
    // `… in Dentistry Journal of Dental Research 101` with no punctuation:
    // a journal word inside the title, a locator or the end after it, starts
    // the journal (with `International`, `ACM`, … before it).
    let locator_or_end = b + 1 == n
        || labels[b + 1..].iter().all(|l| {
            matches!(
                l,
                Label::Volume | Label::Issue | Label::Pages | Label::Other
            )
        });
    if locator_or_end {
        if let Some(j) = (a + 3..=b).find(|&k| JOURNAL_WORDS.contains(&text(k))) {
            let mut start = j;
            while start > a + 2 {
                let w = text(start - 1);
                let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
                let lead = [
                    "International",
                    "European",
                    "American",
                    "British",
                    "Annual",
                    "National",
                    "Asian",
                    "Canadian",
                    "Chinese",
                    "Japanese",
                ]
                .contains(&w);
                if acronym || lead {
                    start -= 1;
                } else {
                    break;
                }
            }
            let mut end = b;
            if end > j && text(end).bytes().all(|c| c.is_ascii_digit()) {
                labels[end] = Label::Volume;
                end -= 1;
            }
            for l in &mut labels[start..=end] {
                *l = Label::Container;
            }
            return;
        }
    }
    // `Transactions on Machine Learning Research` read as a publisher: a
    // journal's name (no publisher is called "Journal of …").
    if let Some(p) = labels.iter().position(|&l| l == Label::Publisher) {
        let mut q = p;
        while q + 1 < n && labels[q + 1] == Label::Publisher {
            q += 1;
        }
        let journal = (p..=q).any(|k| JOURNAL_WORDS.contains(&text(k)));
        let press = (p..=q).any(|k| {
            matches!(
                text(k).to_lowercase().as_str(),
                "press" | "verlag" | "publishers" | "publishing" | "books"
            )
        });
        if journal && !press {
            for l in &mut labels[p..=q] {
                *l = Label::Container;
            }
            return;
        }
    }
    // `. Journal 261:` — words read as nothing, then a number.
    if b + 2 < n && text(b + 1) == "." && is_other(b + 1) {
        let start = b + 2;
        let mut k = start;
        while k < n
            && is_other(k)
            && is_word(text(k))
            && !text(k).starts_with(|c: char| c.is_ascii_digit())
        {
            k += 1;
        }
        let capitalised = (start..k).all(|i| {
            let w = text(i);
            w.chars().next().is_some_and(char::is_uppercase)
                || ["of", "and", "the", "in", "on", "for", "&"].contains(&w)
        });
        let number = k < n
            && is_other(k)
            && text(k).len() <= 5
            && text(k).bytes().all(|c| c.is_ascii_digit())
            && (k + 1 == n || matches!(text(k + 1), ":" | "," | "(" | "."));
        let note = (start..k).any(|i| NOTE_WORDS.contains(&text(i).to_lowercase().as_str()));
        if k > start && k - start <= 10 && capitalised && number && !note {
            for l in &mut labels[start..k] {
                *l = Label::Container;
            }
            labels[k] = Label::Volume;
            return;
        }
    }
    // `In: Title-run` after the title.
    let mut k = b + 1;
    while k < n && is_other(k) && !is_word(text(k)) {
        k += 1;
    }
    if k + 1 < n && is_other(k) && matches!(text(k), "In" | "in") {
        let mut j = k + 1;
        while j < n && is_other(j) && !is_word(text(j)) {
            j += 1;
        }
        if j < n && labels[j] == Label::Title {
            while j < n && labels[j] == Label::Title {
                labels[j] = Label::Container;
                j += 1;
            }
        }
    }
}

/// `Sediment transport in tidal inlets (2018)`: nothing read as a title or
/// an author, words read as nothing before the year: those words are the
/// title (a title-only item with its year, as single-author CVs write them).
pub(super) fn title_before_year(sc: &Scanned, labels: &mut [Label]) {
    let text = |i: usize| sc.text(&sc.tokens[i]);
    if labels
        .iter()
        .any(|l| matches!(l, Label::Title | Label::Author | Label::Editor))
    {
        return;
    }
    let Some(date) = labels.iter().position(|&l| l == Label::Date) else {
        return;
    };
    let mut end = date;
    while end > 0 && matches!(text(end - 1), "(" | "," | "." | "[") {
        end -= 1;
    }
    let start = (0..end).find(|&i| is_word(text(i))).unwrap_or(end);
    let words = (start..end).filter(|&i| is_word(text(i))).count();
    if words >= 2 && (start..end).all(|i| labels[i] == Label::Other && !sc.tokens[i].has(ID)) {
        for l in &mut labels[start..end] {
            *l = Label::Title;
        }
    }
}

/// The last token of the title run starting at `a`, over punctuation read as
/// other (`Title.” Venue` read as title, other, other, title is one run for
/// the fields, as `runs` joins them).
pub(super) fn title_end(sc: &Scanned, labels: &[Label], a: usize) -> usize {
    let n = labels.len();
    let mut b = a;
    loop {
        if b + 1 < n && labels[b + 1] == Label::Title {
            b += 1;
            continue;
        }
        let gap = (b + 1..(b + 3).min(n))
            .take_while(|&k| labels[k] == Label::Other && !is_word(sc.text(&sc.tokens[k])))
            .count();
        if gap > 0 && labels.get(b + gap + 1) == Some(&Label::Title) {
            b += gap + 1;
            continue;
        }
        return b;
    }
}

/// `Title. Journal Name, 160, 1–9` without markup, all read as the title:
/// the last sentence of the title run is the journal when it is short and in
/// title case, or when a volume, issue or pages follow it.
pub(super) fn split_title_from_journal(sc: &Scanned, labels: &mut [Label]) {
    let text = |i: usize| sc.text(&sc.tokens[i]);
    let Some(a) = labels.iter().position(|&l| l == Label::Title) else {
        return;
    };
    let b = title_end(sc, labels, a);
    let boundary = (a + 2..b).rev().find(|&k| {
        matches!(text(k), "." | "?" | "!")
            && !sc.tokens[k].has(super::tokens::QUOTED)
            && text(k + 1).chars().next().is_some_and(char::is_uppercase)
    });
    let Some(k) = boundary else { return };
    // One italic span (a book's title with its subtitle) is not cut.
    if (a..=b).all(|i| sc.tokens[i].has(super::tokens::ITALIC) || !is_word(text(i))) {
        return;
    }
    let tail: Vec<&str> = (k + 1..=b).map(text).filter(|w| is_word(w)).collect();
    if tail.is_empty() || tail.len() > 15 {
        return;
    }
    let small = [
        "of", "and", "the", "in", "on", "for", "&", "de", "und", "a", "an", "to", "at", "with",
        "from", "by", "du", "des", "la", "le", "der", "die", "für", "y", "e",
    ];
    let title_case = tail.iter().all(|w| {
        small.contains(w)
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    let locator_after = labels[b + 1..].iter().any(|l| {
        matches!(
            l,
            Label::Volume | Label::Issue | Label::Pages | Label::Number
        )
    });
    if title_case || locator_after {
        if text(k) == "." {
            labels[k] = Label::Other;
        }
        for l in &mut labels[k + 1..=b] {
            *l = Label::Container;
        }
    }
}
