//! Labelled tokens → the fields of a reference, with rules on top of the
//! model: identifiers from `ids.rs`, the year checked against the text,
//! preprint servers, notes, and what is doubtful.

use super::ids::{IdHit, IdKind};
use super::model::Label;
use super::people;
use super::tokens::{Scanned, ID, STAR};
use super::words::{is_word, text_of, year_of};
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
    super::repair::repair(sc, &mut labels);
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
            r.container = Some(text.into());
        }
    }
    // No title but a container: the item is the whole volume (an edited
    // book, a proceedings volume).
    if r.title.is_empty() {
        if let Some(c) = r.container.take() {
            r.title = c.into();
        }
    }
    if let Some(s) = first_run(Label::Series) {
        r.series = Some(text_of(sc, s.first, s.last))
            .filter(|s| !s.is_empty())
            .map(Into::into);
    }
    if let Some(v) = first_run(Label::Volume) {
        let text = text_of(sc, v.first, v.last);
        let text = strip_words(
            &text,
            &["vol.", "vol", "volume", "vols.", "bd.", "jg.", "t."],
        );
        r.volume = Some(text.trim_matches(['(', ')']).to_string())
            .filter(|s| !s.is_empty())
            .map(Into::into);
    }
    // biblatex's `6.4` is volume 6, issue 4.
    if let Some((v, i)) = r.volume.as_deref().and_then(|v| v.split_once('.')) {
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
        if digits(v) && digits(i) && first_run(Label::Issue).is_none() {
            let (v, i) = (v.to_string(), i.to_string());
            r.volume = Some(v.into());
            r.issue = Some(i.into());
        }
    }
    if let Some(v) = first_run(Label::Issue) {
        let text = text_of(sc, v.first, v.last);
        let text = strip_words(
            &text,
            &["no.", "no", "nr.", "issue", "number", "iss.", "heft", "n."],
        );
        r.issue = Some(text.trim_matches(['(', ')']).to_string())
            .filter(|s| !s.is_empty())
            .map(Into::into);
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
            r.article_number = Some(text.into());
        }
    }
    if let Some(p) = first_run(Label::Publisher) {
        r.publisher = Some(text_of(sc, p.first, p.last))
            .filter(|s| !s.is_empty())
            .map(Into::into);
    }
    if let Some(p) = first_run(Label::Place) {
        r.place = Some(text_of(sc, p.first, p.last))
            .filter(|s| !s.is_empty())
            .map(Into::into);
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
                    "arXiv".into()
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
    super::kind::read_notes(&mut r, sc, labels, title_run.map(|t| (t.first, t.last)));
    if starred {
        r.notes.push(Note {
            kind: NoteKind::Other,
            text: "authors marked with *".into(),
        });
    }

    r.kind = super::kind::decide_kind(
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
