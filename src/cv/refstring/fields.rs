//! Labelled tokens → the fields of a reference, with rules on top of the
//! model: identifiers from `ids.rs`, the year checked against the text,
//! preprint servers, notes, and what is doubtful.

use super::ids::{IdHit, IdKind};
use super::model::Label;
use super::people;
use super::tokens::{Scanned, Token, ID, STAR};
use super::{Doubt, Hints};
use crate::diagnostic::Code;
use crate::model::{Date, Kind, Link, LinkKind, Note, NoteKind, Pages, Reference};

/// Servers whose name in the container's place makes the item a preprint.
const PREPRINT_SERVERS: &[&str] = &[
    "arxiv",
    "arxivpreprint",
    "arxiveprints",
    "corr",
    "biorxiv",
    "medrxiv",
    "psyarxiv",
    "socarxiv",
    "edarxiv",
    "ssrn",
    "researchsquare",
    "preprints",
    "chemrxiv",
    "osfpreprints",
    "techrxiv",
    "engrxiv",
    "eartharxiv",
    "hal",
    "zenodo",
];

/// A run of tokens with one label: first and last token index.
#[derive(Debug, Clone, Copy)]
struct Run {
    label: Label,
    first: usize,
    last: usize,
}

fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Runs of equal labels; `Other` punctuation between two runs of the same
/// label joins them (`Title : Subtitle` with the colon read as other).
fn runs(sc: &Scanned, labels: &[Label]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        match out.last_mut() {
            Some(r) if r.label == l => r.last = i,
            _ => out.push(Run {
                label: l,
                first: i,
                last: i,
            }),
        }
    }
    // Join X, Other(punct only, ≤ 2 tokens), X.
    let mut joined: Vec<Run> = Vec::new();
    let mut k = 0;
    while k < out.len() {
        let r = out[k];
        if let (Some(prev), Some(next)) = (joined.last_mut(), out.get(k + 1)) {
            let punct_only = (r.first..=r.last)
                .all(|i| !is_word(sc.text(&sc.tokens[i])) && !sc.tokens[i].has(ID));
            if r.label == Label::Other
                && prev.label == next.label
                && punct_only
                && r.last - r.first < 2
            {
                prev.last = next.last;
                k += 2;
                continue;
            }
        }
        joined.push(r);
        k += 1;
    }
    joined
}

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

/// `Weber L, Lapuschkin S, Binder A and Samek W 2023 Beyond Explaining …`
/// (no punctuation around a bare year) with the end of the author list and
/// the year read as the title: when no date was read, a year in the title
/// run after words that look like names (`Family I`, initials, `and`) ends
/// the authors, and the title starts after it.
fn names_and_year_in_title(sc: &Scanned, labels: &mut [Label]) {
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
fn exclaimed_title(sc: &Scanned, labels: &mut [Label]) {
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
fn after_title(sc: &Scanned, labels: &mut [Label]) {
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

/// `Sediment transport in tidal inlets (2018)`: nothing read as a title or
/// an author, words read as nothing before the year: those words are the
/// title (a title-only item with its year, as single-author CVs write them).
fn title_before_year(sc: &Scanned, labels: &mut [Label]) {
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
fn title_end(sc: &Scanned, labels: &[Label], a: usize) -> usize {
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
fn split_title_from_journal(sc: &Scanned, labels: &mut [Label]) {
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

/// The text of tokens `first..=last`, as written, trimmed of the
/// punctuation that joins fields.
fn text_of(sc: &Scanned, first: usize, last: usize) -> String {
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

/// `J. Mach. Learn. Res.`: an abbreviated name keeps its last period (the
/// trim took it) when it ends in a short word and abbreviates elsewhere too.
fn keep_abbreviation_period(sc: &Scanned, last: usize, text: String) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let abbreviated = words.len() > 1
        && words[..words.len() - 1]
            .iter()
            .any(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 5);
    let last_word = words.last().copied().unwrap_or("");
    let short = last_word.chars().count() <= 5 && last_word.chars().all(char::is_alphabetic);
    let period_follows = sc.plain[..sc.tokens[last].end].ends_with('.')
        || sc
            .tokens
            .get(last + 1)
            .is_some_and(|t| sc.text(t) == "." && t.start == sc.tokens[last].end);
    if abbreviated && short && period_follows && !text.ends_with('.') {
        format!("{text}.")
    } else {
        text
    }
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

fn strip_words<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let mut t = s.trim();
    loop {
        let before = t;
        for w in words {
            if t.len() >= w.len()
                && t.is_char_boundary(w.len())
                && t[..w.len()].eq_ignore_ascii_case(w)
            {
                let rest = &t[w.len()..];
                if rest.is_empty()
                    || rest.starts_with([' ', '.', ':', '\u{a0}'])
                    || w.ends_with('.')
                {
                    t = rest.trim_start_matches(['.', ':', ' ']).trim();
                }
            }
        }
        if t == before {
            return t;
        }
    }
}

/// `553–70` (Chicago's short form) → `553–570`: a last page shorter and
/// smaller than the first takes the first page's leading digits.
fn expand_range(p: Pages) -> Pages {
    if let Pages::Range { first, last } = &p {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if digits(first) && digits(last) && last.len() < first.len() {
            let full = format!("{}{last}", &first[..first.len() - last.len()]);
            if full.parse::<u64>().ok() > first.parse::<u64>().ok() {
                return Pages::Range {
                    first: first.clone(),
                    last: full,
                };
            }
        }
    }
    p
}

fn month_number(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.').to_lowercase();
    let months = [
        ["jan", "januar", "janvier", "enero"],
        ["feb", "februar", "février", "febrero"],
        ["mar", "märz", "mars", "marzo"],
        ["apr", "april", "avril", "abril"],
        ["may", "mai", "mai", "mayo"],
        ["jun", "juni", "juin", "junio"],
        ["jul", "juli", "juillet", "julio"],
        ["aug", "august", "août", "agosto"],
        ["sep", "sept", "septembre", "septiembre"],
        ["oct", "oktober", "octobre", "octubre"],
        ["nov", "november", "novembre", "noviembre"],
        ["dec", "dezember", "décembre", "diciembre"],
    ];
    months
        .iter()
        .position(|forms| {
            forms.iter().any(|f| w == *f)
                || (w.len() >= 3
                    && forms[0].len() == 3
                    && w.starts_with(forms[0])
                    && w.chars().all(char::is_alphabetic)
                    && w.len() <= 9)
        })
        .map(|p| p as u8 + 1)
}

fn year_of(w: &str) -> Option<i32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
    if digits.len() != 4 || w.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|y| (1500..=2099).contains(y))
}

/// Status phrases that CVs write instead of, or beside, a year.
const STATUS: &[&str] = &[
    "in press",
    "forthcoming",
    "under review",
    "in review",
    "submitted",
    "accepted",
    "to appear",
    "in preparation",
    "in prep",
    "under revision",
    "revise and resubmit",
    "r&r",
    "early access",
    "online first",
    "epub ahead of print",
    "preprint",
    "working paper",
];

/// Reads the labelled tokens into a reference.
pub(crate) fn read(
    sc: &Scanned,
    hits: &[IdHit],
    labels: &[Label],
    hints: &Hints,
) -> (Reference, Vec<Doubt>) {
    let mut doubts = Vec::new();
    let mut r = Reference::new(Kind::Misc, "");
    let mut labels = labels.to_vec();
    repair(sc, &mut labels);
    let labels = &labels[..];
    let runs = runs(sc, labels);
    let first_run = |l: Label| runs.iter().find(|r| r.label == l).copied();
    // Where the title is, to keep notes and years from inside it.
    // The first title run of two words or more (a later one is more often
    // a book's title read as a title), else the longest.
    let words_in = |r: &Run| {
        (r.first..=r.last)
            .filter(|&i| is_word(sc.text(&sc.tokens[i])))
            .count()
    };
    let title_run = runs
        .iter()
        .find(|r| r.label == Label::Title && words_in(r) >= 2)
        .or_else(|| {
            runs.iter()
                .filter(|r| r.label == Label::Title)
                .max_by_key(|r| sc.tokens[r.last].end - sc.tokens[r.first].start)
        })
        .copied();
    if let Some(t) = title_run {
        r.title = text_of(sc, t.first, t.last);
        let t_runs = runs
            .iter()
            .filter(|r| r.label == Label::Title && is_word(&text_of(sc, r.first, r.last)))
            .count();
        if t_runs > 1 {
            doubts.push(Doubt::new(
                Code::Doubtful,
                "title",
                "the title was read in pieces; the first was kept",
            ));
        }
    }

    // People: the first run of authors, joined over `and`/punctuation read as other.
    if let Some(a) = first_run(Label::Author) {
        let text = text_of(sc, a.first, a.last);
        let lower = text.to_lowercase();
        let lower = lower.trim_end_matches(['.', ')', ' ']);
        let edited = ["eds", "ed", "editors", "editor", "hrsg", "hg", "dir", "éds"]
            .iter()
            .any(|w| {
                lower.ends_with(w) && lower[..lower.len() - w.len()].ends_with([' ', ',', '('])
            });
        let names = if edited {
            // Drop the marker word at the end (`…, Eds.`, `… (Hrsg.)`).
            let cut = text
                .trim_end_matches(['.', ')', ' '])
                .rfind([' ', ',', '('])
                .unwrap_or(text.len());
            text[..cut].trim_end_matches([',', ' ', '(']).to_string()
        } else {
            text.clone()
        };
        let p = people::parse(&names);
        if p.truncated {
            doubts.push(Doubt::new(
                Code::Doubtful,
                "author",
                "the author list is cut short (\"et al.\" or \"…\")",
            ));
        }
        if edited {
            r.editors = p.persons;
        } else {
            r.authors = p.persons;
        }
    }
    if let Some(e) = first_run(Label::Editor) {
        let text = text_of(sc, e.first, e.last);
        let text = strip_editor_words(&text);
        r.editors = people::parse(&text).persons;
    }
    let starred = sc
        .tokens
        .iter()
        .zip(labels)
        .any(|(t, &l)| l == Label::Author && t.has(STAR));

    // Date: a year inside the date run; else a year-like token elsewhere
    // outside the title (with a doubt); else the section's year.
    for d in runs.iter().filter(|r| r.label == Label::Date) {
        let mut month = None;
        let mut year = None;
        for i in d.first..=d.last {
            let w = sc.text(&sc.tokens[i]);
            if year.is_none() {
                year = year_of(w);
            }
            if month.is_none() {
                month = month_number(w);
            }
        }
        if let Some(y) = year {
            r.issued = Some(Date {
                year: y,
                month,
                day: None,
            });
            break;
        }
    }
    if r.issued.is_none() {
        let in_title = |i: usize| title_run.is_some_and(|t| i >= t.first && i <= t.last);
        let candidates: Vec<i32> = sc
            .tokens
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                !t.has(ID)
                    && !in_title(*i)
                    && !matches!(
                        labels[*i],
                        Label::Container
                            | Label::Pages
                            | Label::Volume
                            | Label::Number
                            | Label::Series
                    )
            })
            .filter_map(|(_, t)| year_of(sc.text(t)))
            .collect();
        // Else the last year anywhere outside the title (`… Workshop 2024, 2024.`).
        let last_any = sc
            .tokens
            .iter()
            .enumerate()
            .rev()
            .filter(|(i, t)| !t.has(ID) && !in_title(*i))
            .find_map(|(_, t)| year_of(sc.text(t)));
        if let Some(&y) = candidates.first().or(last_any.as_ref()) {
            r.issued = Some(Date::year(y));
            doubts.push(Doubt::new(
                Code::Doubtful,
                "year",
                &format!("the year {y} was found outside the date's usual place"),
            ));
        } else if let Some(y) = hints.year {
            r.issued = Some(Date::year(y));
        }
    }

    if let Some(c) = first_run(Label::Container) {
        let text = keep_abbreviation_period(sc, c.last, text_of(sc, c.first, c.last));
        let mut text = strip_words(&text, &["in:", "in", "dans", "en:"]).to_string();
        // `…, TBA` where pages will go.
        if let Some((head, last)) = text.rsplit_once([',', ' ']) {
            if crate::model::pages_placeholder_word(last.trim()) {
                text = head.trim_end_matches([',', ' ']).to_string();
            }
        }
        if !text.is_empty() {
            r.container = Some(text);
        }
    }
    // No title but a container: the item is the whole volume (an edited
    // book, a proceedings volume).
    if r.title.is_empty() {
        if let Some(c) = r.container.take() {
            r.title = c;
        }
    }
    if let Some(s) = first_run(Label::Series) {
        r.series = Some(text_of(sc, s.first, s.last)).filter(|s| !s.is_empty());
    }
    if let Some(v) = first_run(Label::Volume) {
        let text = text_of(sc, v.first, v.last);
        let text = strip_words(
            &text,
            &["vol.", "vol", "volume", "vols.", "bd.", "jg.", "t."],
        );
        r.volume = Some(text.trim_matches(['(', ')']).to_string()).filter(|s| !s.is_empty());
    }
    // biblatex's `6.4` is volume 6, issue 4.
    if let Some((v, i)) = r.volume.as_deref().and_then(|v| v.split_once('.')) {
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
        if digits(v) && digits(i) && first_run(Label::Issue).is_none() {
            let (v, i) = (v.to_string(), i.to_string());
            r.volume = Some(v);
            r.issue = Some(i);
        }
    }
    if let Some(v) = first_run(Label::Issue) {
        let text = text_of(sc, v.first, v.last);
        let text = strip_words(
            &text,
            &["no.", "no", "nr.", "issue", "number", "iss.", "heft", "n."],
        );
        r.issue = Some(text.trim_matches(['(', ')']).to_string()).filter(|s| !s.is_empty());
    }
    if let Some(p) = first_run(Label::Pages) {
        let text = text_of(sc, p.first, p.last);
        let text = strip_words(
            &text,
            &[
                "pp.", "pp", "p.", "pages", "page", "s.", "art. no.", "article", "e-",
            ],
        );
        r.pages = Pages::parse(text.trim_end_matches(['.', ')']))
            .filter(|p| !p.is_placeholder())
            .map(expand_range);
    }
    if let Some(n) = first_run(Label::Number) {
        let text = text_of(sc, n.first, n.last);
        let text = strip_words(
            &text,
            &[
                "no.", "no", "nr.", "number", "art. no.", "article", "report",
            ],
        );
        if !text.is_empty() {
            r.article_number = Some(text.to_string());
        }
    }
    if let Some(p) = first_run(Label::Publisher) {
        r.publisher = Some(text_of(sc, p.first, p.last)).filter(|s| !s.is_empty());
    }
    if let Some(p) = first_run(Label::Place) {
        r.place = Some(text_of(sc, p.first, p.last)).filter(|s| !s.is_empty());
    }
    let genre = first_run(Label::Genre).map(|g| text_of(sc, g.first, g.last).to_lowercase());

    // Identifiers.
    for h in hits {
        match &h.kind {
            IdKind::Doi(d) => {
                if r.ids.doi.is_none() {
                    match d.parse() {
                        Ok(doi) => r.ids.doi = Some(doi),
                        Err(e) => {
                            doubts.push(Doubt::new(Code::BadIdentifier, "doi", &e.to_string()))
                        }
                    }
                }
            }
            IdKind::Arxiv(a) => {
                if r.ids.arxiv.is_none() {
                    r.ids.arxiv = a.parse().ok();
                }
            }
            IdKind::Isbn(i) => match i.parse() {
                Ok(isbn) => r.ids.isbn.push(isbn),
                Err(e) => doubts.push(Doubt::new(Code::BadIdentifier, "isbn", &e.to_string())),
            },
            IdKind::Issn(i) => r.ids.issn = i.parse().ok(),
            IdKind::OpenReview(o) => r.ids.openreview = o.parse().ok(),
            IdKind::Pmid(p) => r.links.push(Link {
                url: format!("https://pubmed.ncbi.nlm.nih.gov/{p}/"),
                kind: LinkKind::Page,
            }),
            IdKind::Pmcid(p) => r.links.push(Link {
                url: format!("https://www.ncbi.nlm.nih.gov/pmc/articles/{p}/"),
                kind: LinkKind::Page,
            }),
            IdKind::Url(_) => {}
        }
    }
    // Links: markdown links (their text may be the title) and bare URLs.
    for (_, _, link) in &sc.links {
        absorb_url(&mut r, &link.url);
        if !r.links.iter().any(|l| l.url == link.url) {
            r.links.push(link.clone());
        }
    }
    for h in hits {
        if let IdKind::Url(u) = &h.kind {
            if !r.links.iter().any(|l| &l.url == u) {
                r.links.push(Link {
                    url: u.clone(),
                    kind: LinkKind::classify(u),
                });
            }
        }
    }

    // A preprint server written where the container goes.
    let mut preprint_server = false;
    if let Some(c) = &r.container {
        let folded = crate::text::fold(c);
        if PREPRINT_SERVERS.iter().any(|s| folded == *s)
            || (r.ids.arxiv.is_some() && folded.starts_with("arxiv"))
        {
            preprint_server = true;
            if r.publisher.is_none() {
                r.publisher = Some(if folded.starts_with("arxiv") || folded == "corr" {
                    "arXiv".to_string()
                } else {
                    c.clone()
                });
            }
            r.container = None;
        }
    }
    if let Some(p) = &r.publisher {
        let folded = crate::text::fold(p);
        preprint_server |= PREPRINT_SERVERS.iter().any(|s| folded == *s);
    }

    // Notes: status phrases and other fragments outside the fields.
    read_notes(&mut r, sc, labels, title_run.map(|t| (t.first, t.last)));
    if starred {
        r.notes.push(Note {
            kind: NoteKind::Other,
            text: "authors marked with *".into(),
        });
    }

    r.kind = decide_kind(
        hints.kind,
        &r,
        preprint_server,
        genre.as_deref(),
        sc,
        labels,
    );
    if r.kind == Kind::Preprint && preprint_server && r.publisher.is_none() && r.ids.arxiv.is_some()
    {
        r.publisher = Some("arXiv".into());
    }
    (r, doubts)
}

fn strip_editor_words(text: &str) -> String {
    let mut t = text.to_string();
    for w in [
        "(eds.)",
        "(eds)",
        "(ed.)",
        "(ed)",
        "(editors)",
        "(editor)",
        "(hrsg.)",
        "(hg.)",
        "eds.",
        "ed.",
        "editors",
        "editor",
        "edited by",
        "ed. by",
        "hrsg. v.",
        "hrsg.",
        "(dir.)",
        "dir.",
    ] {
        if let Some(p) = t.to_lowercase().find(w) {
            if t.is_char_boundary(p) && t.is_char_boundary(p + w.len()) {
                t.replace_range(p..p + w.len(), " ");
            }
        }
    }
    t.trim().trim_matches([',', '.', ' ']).to_string()
}

/// Takes DOI/arXiv/OpenReview ids from a link's URL when the text had none.
fn absorb_url(r: &mut Reference, url: &str) {
    match super::ids::find(url).into_iter().next().map(|h| h.kind) {
        Some(IdKind::Doi(d)) if r.ids.doi.is_none() => r.ids.doi = d.parse().ok(),
        Some(IdKind::Arxiv(a)) if r.ids.arxiv.is_none() => r.ids.arxiv = a.parse().ok(),
        Some(IdKind::OpenReview(o)) if r.ids.openreview.is_none() => {
            r.ids.openreview = o.parse().ok()
        }
        _ => {}
    }
}

/// Notes from the tokens that no field took: status (`In press.`), awards,
/// acceptance, open access.
fn read_notes(r: &mut Reference, sc: &Scanned, labels: &[Label], title: Option<(usize, usize)>) {
    let mut i = 0;
    let n = sc.tokens.len();
    while i < n {
        if labels[i] != Label::Other || sc.tokens[i].has(ID) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && labels[i] == Label::Other && !sc.tokens[i].has(ID) {
            i += 1;
        }
        if title.is_some_and(|(a, b)| start >= a && start <= b) {
            continue;
        }
        let text = text_of(sc, start, i - 1);
        for fragment in text.split(['.', ';', '|']) {
            let f = fragment
                .trim()
                .trim_matches(['(', ')', '[', ']', ' ', ','])
                .trim();
            if f.chars().filter(|c| c.is_alphabetic()).count() < 3 {
                continue;
            }
            let lower = f.to_lowercase();
            let kind = NoteKind::classify(f);
            let status = STATUS.iter().any(|s| lower.contains(s));
            let equal = lower.contains("equal contribution")
                || lower.contains("contributed equally")
                || lower.contains("joint first");
            if kind != NoteKind::Other || status || equal {
                let kind = if kind == NoteKind::Other && status {
                    NoteKind::Status
                } else {
                    kind
                };
                if !r.notes.iter().any(|x| x.text == f) {
                    r.notes.push(Note {
                        kind,
                        text: f.to_string(),
                    });
                }
            }
        }
    }
}

fn has_word(sc: &Scanned, labels: &[Label], words: &[&str], skip_title: bool) -> bool {
    sc.tokens.iter().zip(labels).any(|(t, &l)| {
        !(t.has(ID) || skip_title && l == Label::Title) && {
            let w = sc.text(t).to_lowercase();
            words.contains(&w.trim_end_matches('.'))
        }
    })
}

/// The kind: the section's when it says one, else what the fields and words say.
fn decide_kind(
    section: Option<Kind>,
    r: &Reference,
    preprint_server: bool,
    genre: Option<&str>,
    sc: &Scanned,
    labels: &[Label],
) -> Kind {
    if let Some(k) = section {
        return k;
    }
    let genre = genre.unwrap_or("");
    let thesis = ["thesis", "dissertation", "doctoral", "habilitation", "phd"]
        .iter()
        .any(|w| genre.contains(w))
        || has_word(
            sc,
            labels,
            &[
                "thesis",
                "dissertation",
                "doktorarbeit",
                "habilitationsschrift",
            ],
            true,
        );
    if thesis {
        return Kind::Thesis;
    }
    let container = r.container.as_deref().unwrap_or("").to_lowercase();
    if preprint_server || (r.ids.arxiv.is_some() && r.container.is_none() && r.publisher.is_none())
    {
        return Kind::Preprint;
    }
    let working = genre.contains("working paper")
        || genre.contains("preprint")
        || genre.contains("discussion paper")
        || genre.contains("manuscript");
    if working && r.container.is_none() {
        return Kind::Preprint;
    }
    // "Proceedings of the National Academy of Sciences" with a volume is a
    // journal; a conference or workshop named as such is not.
    let meeting = [
        "conference",
        "conf.",
        "workshop",
        "symposium",
        "congress",
        "meeting",
        "colloquium",
        "tagung",
        "actes",
        "kongress",
    ]
    .iter()
    .any(|w| container.contains(w));
    let proceedings = ["proceedings", "proc.", "proc "]
        .iter()
        .any(|w| container.contains(w));
    let conference = meeting || (proceedings && r.volume.is_none());
    if conference {
        return Kind::ConferencePaper;
    }
    if r.container.is_some()
        && (!r.editors.is_empty() || (r.publisher.is_some() && r.volume.is_none()))
    {
        return Kind::Chapter;
    }
    if r.container.is_some() {
        return Kind::JournalArticle;
    }
    if genre.contains("report") || has_word(sc, labels, &["report"], true) {
        return Kind::Misc;
    }
    if r.publisher.is_some()
        || !r.ids.isbn.is_empty()
        || (!r.editors.is_empty() && r.authors.is_empty())
    {
        return Kind::Book;
    }
    Kind::Misc
}
