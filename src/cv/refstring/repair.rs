//! Rules that mend the sequence labeller's labels before the fields are
//! read from them: what holds in every style (a field that opens a
//! parenthesis takes the closing one, `. In Container` starts a container,
//! a title that runs into the journal's name, an event's parts, ...).

use super::model::Label;
use super::title::{
    after_title, exclaimed_title, names_and_year_in_title, split_title_from_journal,
    title_before_year, title_end,
};
use super::tokens::{Scanned, ID};
use super::words::{is_word, year_of};

/// Rules on the model's labels, for what holds in every style:
/// - a field that opens a parenthesis takes the closing one (`(CVPR)`);
/// - `. In Container` inside what was read as the title starts the
///   container when no container was read;
/// - a "publisher" followed by a volume is a journal.
pub(crate) fn repair(sc: &Scanned, labels: &mut [Label]) {
    let n = labels.len();
    let text = |i: usize| sc.text(&sc.tokens[i]);
    // Editors are marked (`ed.`, `eds.`, `edited by`, `Hrsg.`); an unmarked
    // "editor" run right after the container is the rest of its name.
    let mut i = 0;
    while i < n {
        if labels[i] != Label::Editor {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && labels[i] == Label::Editor {
            i += 1;
        }
        let window = start.saturating_sub(4)..(i + 4).min(n);
        let marked = window.clone().any(|k| {
            let w = text(k).trim_end_matches('.').to_lowercase();
            matches!(
                w.as_str(),
                "ed" | "eds"
                    | "editor"
                    | "editors"
                    | "edited"
                    | "hrsg"
                    | "hg"
                    | "dir"
                    | "éd"
                    | "éds"
                    | "coord"
            )
        });
        if !marked && start > 0 && labels[start - 1] == Label::Container {
            for l in &mut labels[start..i] {
                *l = Label::Container;
            }
        }
    }
    for i in 1..n {
        if text(i) == ")" && labels[i] == Label::Other && labels[i - 1] != Label::Other {
            let l = labels[i - 1];
            let mut depth = 0i32;
            let mut j = i;
            while j > 0 && labels[j - 1] == l {
                j -= 1;
                match text(j) {
                    "(" => depth += 1,
                    ")" => depth -= 1,
                    _ => {}
                }
            }
            if depth > 0 {
                labels[i] = l;
            }
        }
    }
    // A quoted title ends at its closing quote: unquoted words after it in
    // the same run are the container (or nothing, when one was read).
    if let Some(a) = labels.iter().position(|&l| l == Label::Title) {
        let b = title_end(sc, labels, a);
        let quoted = |k: usize| sc.tokens[k].has(super::tokens::QUOTED);
        if let Some(q) = (a..=b).rev().find(|&k| quoted(k)) {
            let after: Vec<usize> = (q + 1..=b).filter(|&k| is_word(text(k))).collect();
            // `“How is that unparliamentary?”: The metapragmatics of …`: a
            // quoted start of a longer title.
            let colon_after = (q + 1..=b)
                .find(|&k| !matches!(text(k), "”" | "\"" | "»" | "’"))
                .is_some_and(|k| text(k) == ":");
            if (a..q).any(|k| quoted(k) && is_word(text(k))) && !after.is_empty() && !colon_after {
                let target = if labels.contains(&Label::Container) {
                    Label::Other
                } else {
                    Label::Container
                };
                for (k, l) in labels.iter_mut().enumerate().take(b + 1).skip(q + 1) {
                    *l = if k < after[0] { Label::Other } else { target };
                }
            }
        }
    }
    // `Conference on Learning Representations (ICLR)`: an acronym in
    // parentheses after the container is part of its name.
    let mut i = 0;
    while i + 3 < n {
        if labels[i] == Label::Container
            && labels[i + 1] != Label::Container
            && text(i + 1) == "("
            && text(i + 3) == ")"
        {
            let acronym = text(i + 2);
            let caps = acronym.chars().filter(|c| c.is_uppercase()).count();
            if caps >= 2
                && acronym.len() <= 20
                && year_of(acronym).is_none()
                && !sc.tokens[i + 2].has(ID)
            {
                for l in &mut labels[i + 1..=i + 3] {
                    *l = Label::Container;
                }
            }
        }
        i += 1;
    }
    event_parts(sc, labels);
    // `Title … in Language Models` with no punctuation before `in`: the
    // title goes on (a container opens with `In`, `In:` or after a period).
    let mut i = 1;
    while i < n {
        if labels[i] == Label::Container && labels[i - 1] == Label::Title && text(i) == "in" {
            while i < n && labels[i] == Label::Container {
                labels[i] = Label::Title;
                i += 1;
            }
        }
        i += 1;
    }
    // `Proceedings of the 2nd XAI World Conference, 2024`: the year ending
    // the container is the date.
    for i in 2..n {
        let ends_run = i + 1 == n || labels[i + 1] != Label::Container;
        if labels[i] == Label::Container
            && ends_run
            && text(i - 1) == ","
            && year_of(text(i)).is_some()
        {
            labels[i] = Label::Date;
            labels[i - 1] = Label::Other;
        }
    }
    // A second title run right after the container continues the container
    // (`Conference on` + `Medical Image Computing …`).
    let first_title = labels.iter().position(|&l| l == Label::Title);
    let mut i = 1;
    while i < n {
        if labels[i] == Label::Title
            && labels[i - 1] == Label::Container
            && first_title.is_some_and(|t| t < i - 1)
        {
            while i < n && labels[i] == Label::Title {
                labels[i] = Label::Container;
                i += 1;
            }
        }
        i += 1;
    }
    if !labels.contains(&Label::Container) {
        // A series with no container, publisher or editors is the journal;
        // a paper's pages in a series with no container (`Lecture Notes in
        // Computer Science, vol. 9887, pp. 63–71. Springer`) are in it.
        let has = |l: Label| labels.contains(&l);
        let pages_range = labels
            .iter()
            .enumerate()
            .any(|(k, &l)| l == Label::Pages && matches!(text(k), "–" | "-" | "—"));
        if has(Label::Series) && !has(Label::Editor) && (!has(Label::Publisher) || pages_range) {
            for l in labels.iter_mut() {
                if *l == Label::Series {
                    *l = Label::Container;
                }
            }
        }
    }
    if !labels.contains(&Label::Container) {
        // Capitalised words read as nothing, right before the volume or
        // pages, are the journal (`NeuroImage 261:119504`).
        if let Some(v) = labels
            .iter()
            .position(|l| matches!(l, Label::Volume | Label::Pages))
        {
            let mut j = v;
            while j > 0 && labels[j - 1] == Label::Other && matches!(text(j - 1), "," | ".") {
                j -= 1;
            }
            let end = j;
            while j > 0
                && labels[j - 1] == Label::Other
                && !sc.tokens[j - 1].has(ID)
                && is_word(text(j - 1))
            {
                j -= 1;
            }
            let capitalised =
                (j..end).any(|k| text(k).chars().next().is_some_and(char::is_uppercase));
            let keyword = (j..end).any(|k| {
                matches!(
                    text(k).to_lowercase().as_str(),
                    "in" | "vol" | "pp" | "p" | "no" | "art"
                )
            });
            if end > j && capitalised && !keyword {
                for l in &mut labels[j..end] {
                    *l = Label::Container;
                }
            }
        }
    }
    if !labels.contains(&Label::Container) {
        let split = (1..n.saturating_sub(1)).find(|&i| {
            labels[i] == Label::Title
                && labels[i - 1] == Label::Title
                && text(i - 1) == "."
                && matches!(text(i), "In" | "in")
                && labels.get(i + 1) == Some(&Label::Title)
        });
        if let Some(i) = split {
            labels[i - 1] = Label::Other;
            labels[i] = Label::Other;
            let mut j = i + 1;
            while j < n && labels[j] == Label::Title {
                labels[j] = Label::Container;
                j += 1;
            }
        }
        split_title_from_journal(sc, labels);
        title_before_year(sc, labels);
        // A publisher with a volume after it is a journal, and so is one
        // before `2015;10` (Vancouver's `Journal. Year;Volume`).
        if let Some(end) = (0..n).rposition(|i| labels[i] == Label::Publisher) {
            let vancouver =
                end + 2 < n && labels[end + 1] == Label::Date && matches!(text(end + 2), ";" | ":");
            let volume_follows =
                vancouver || (end + 1..(end + 4).min(n)).any(|i| labels[i] == Label::Volume);
            if volume_follows {
                let mut j = end + 1;
                while j > 0 && labels[j - 1] == Label::Publisher {
                    labels[j - 1] = Label::Container;
                    j -= 1;
                }
            }
        }
    }
    names_and_year_in_title(sc, labels);
    exclaimed_title(sc, labels);
    after_title(sc, labels);
    // Again, for containers found by the rules above.
    event_parts(sc, labels);
    container_tail(sc, labels);
}

/// Words the model reads as the end of a container that are not its name:
/// `Published` of `Published online 2022`, a page abbreviation before a
/// placeholder (`p. TBA`), a volume number (`Scientific Reports 9`).
fn container_tail(sc: &Scanned, labels: &mut [Label]) {
    let n = labels.len();
    let text = |i: usize| sc.text(&sc.tokens[i]);
    let has_volume = labels.contains(&Label::Volume);
    for i in 1..n {
        let ends_run = i + 1 == n || labels[i + 1] != Label::Container;
        if labels[i] != Label::Container || labels[i - 1] != Label::Container || !ends_run {
            continue;
        }
        let next = (i + 1 < n).then(|| text(i + 1).to_lowercase());
        let w = text(i);
        let published = w == "Published" && matches!(next.as_deref(), Some("online" | "ahead"));
        let page_word = matches!(w, "p" | "pp" | "S")
            && !next
                .as_deref()
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        if published || page_word {
            labels[i] = Label::Other;
        } else if !has_volume
            && w.len() <= 4
            && w.bytes().all(|c| c.is_ascii_digit())
            && year_of(w).is_none()
            && text(i - 1).chars().next().is_some_and(char::is_alphabetic)
        {
            labels[i] = Label::Volume;
        }
    }
}

/// Words that name an event: what follows a proceedings' or workshop's name
/// as part of it, never a publisher.
const EVENT_WORDS: &[&str] = &[
    "workshop",
    "workshops",
    "symposium",
    "conference",
    "colloquium",
    "meeting",
    "track",
    "tutorial",
];

fn is_event_word(w: &str) -> bool {
    EVENT_WORDS.contains(&w.to_lowercase().as_str())
}

/// The parts of a container's name the model often reads as something
/// else, when they stand right after it:
/// - `(ATTRIB 2024)`: an acronym with a year in parentheses, when the
///   item's date is printed elsewhere;
/// - `(CVPR) Workshops`: an event word after the closing parenthesis;
/// - `Classifiers. ICML Workshop`, `Workshops 2025: XAI Workshop`: a short
///   phrase ending in an event word after a period or colon (no publisher
///   is called "… Workshop").
fn event_parts(sc: &Scanned, labels: &mut [Label]) {
    let n = labels.len();
    let text = |i: usize| sc.text(&sc.tokens[i]);
    let dates = |labels: &[Label], skip: usize| {
        (0..n).any(|k| k != skip && labels[k] == Label::Date && year_of(text(k)).is_some())
    };
    let mut i = 1;
    while i < n {
        if labels[i] == Label::Container || labels[i - 1] != Label::Container {
            i += 1;
            continue;
        }
        // `( ACRONYM )`, `( ACRONYM ) Workshops` with the parenthesis read
        // as anything: the container's own acronym.
        if text(i) == "("
            && i + 2 < n
            && text(i + 2) == ")"
            && text(i + 1).chars().filter(|c| c.is_uppercase()).count() >= 2
            && text(i + 1).len() <= 20
            && year_of(text(i + 1)).is_none()
            && !sc.tokens[i + 1].has(ID)
        {
            for l in &mut labels[i..=i + 2] {
                *l = Label::Container;
            }
            i += 3;
            continue;
        }
        // `(ECCV` in the container, `) Workshops` read as anything else.
        if text(i) == ")" && labels[i - 1] == Label::Container {
            let run_start = (0..i)
                .rev()
                .take_while(|&k| labels[k] == Label::Container)
                .last();
            let open = run_start.map_or(0, |s0| {
                (s0..i).filter(|&k| text(k) == "(").count() as i32
                    - (s0..i).filter(|&k| text(k) == ")").count() as i32
            });
            if open > 0 {
                labels[i] = Label::Container;
                i += 1;
                continue;
            }
        }
        // `( ACRONYM YEAR )`
        if text(i) == "("
            && i + 3 < n
            && text(i + 3) == ")"
            && text(i + 1).chars().filter(|c| c.is_uppercase()).count() >= 2
            && year_of(text(i + 2)).is_some()
            && dates(labels, i + 2)
        {
            for l in &mut labels[i..=i + 3] {
                *l = Label::Container;
            }
            i += 4;
            continue;
        }
        // `) Workshops`
        if text(i - 1) == ")" && is_event_word(text(i)) {
            labels[i] = Label::Container;
            i += 1;
            continue;
        }
        // `[YEAR] (.|:) Words… Event`
        let mut j = i;
        if year_of(text(j)).is_some()
            && (labels[j] == Label::Volume || (labels[j] == Label::Date && dates(labels, j)))
        {
            j += 1;
        }
        if j < n && matches!(text(j), "." | ":") {
            let start = j + 1;
            let mut end = start;
            while end < n
                && end - start < 8
                && is_word(text(end))
                && !sc.tokens[end].has(ID)
                && matches!(labels[end], Label::Publisher | Label::Other | Label::Title)
            {
                end += 1;
            }
            if end > start && is_event_word(text(end - 1)) {
                for l in &mut labels[i..end] {
                    *l = Label::Container;
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
}
