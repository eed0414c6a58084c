//! What the fields leave over: notes from the tokens no field took (status,
//! awards, acceptance), and the kind of the reference from its fields and
//! words when the section does not say it.

use super::model::Label;
use super::tokens::{Scanned, ID};
use super::words::text_of;
use crate::model::{Kind, Note, NoteKind, Reference};

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

/// Notes from the tokens that no field took: status (`In press.`), awards,
/// acceptance, open access.
pub(super) fn read_notes(
    r: &mut Reference,
    sc: &Scanned,
    labels: &[Label],
    title: Option<(usize, usize)>,
) {
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
pub(super) fn decide_kind(
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
