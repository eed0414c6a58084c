//! One item: `Authors (Year). "Title". In: Venue details. links notes`.

use super::clean::{extract_links, finish};
use super::items::RawItem;
use super::names::parse_names;
use super::notes;
use super::paragraphs::starts_with_repeat_dashes;
use super::refstring;
use super::venue::{parse_venue, Venue};
use super::year::{find_year, is_open_quote};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Date, Isbn, Kind, LinkKind, Location, Note, NoteKind, Provenance, Reference};
use std::sync::Arc;

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '“' | '»' | '″')
}

/// The quoted title at the start of `s`: returns (title, byte offset after the
/// closing quote). The closing quote is the first one followed by `.`, `,`,
/// `;`, a line break, `In` or the end, so inner quotes (`From "Where" to
/// "What": ...`) stay in the title.
fn quoted_title(s: &str) -> Option<(&str, usize)> {
    let open = s.chars().next().filter(|&c| is_open_quote(c))?;
    let body_start = open.len_utf8();
    for (i, c) in s[body_start..].char_indices() {
        if !is_close_quote(c) {
            continue;
        }
        let end = body_start + i + c.len_utf8();
        let after = s[end..].trim_start_matches(' ');
        if after.is_empty()
            || after.starts_with(['.', ',', ';', '\n'])
            || after.starts_with("In:")
            || after.starts_with("In ")
        {
            return Some((&s[body_start..body_start + i], end));
        }
    }
    None
}

/// Editor markers after a name list: `, editors`, `(eds.)`, `(Ed.)`.
fn strip_editor_marker(authors: &str) -> (&str, bool) {
    let t = authors.trim().trim_end_matches([',', '.', ' ']);
    for marker in [
        "(editors)",
        "(eds.)",
        "(eds)",
        "(ed.)",
        "(ed)",
        "editors",
        "eds.",
        "eds",
        "editor",
        "ed.",
    ] {
        let Some(cut) = t.len().checked_sub(marker.len()) else {
            continue;
        };
        if t.is_char_boundary(cut) && t[cut..].eq_ignore_ascii_case(marker) {
            let separated = marker.starts_with('(') || t[..cut].ends_with([' ', ',']);
            if separated {
                return (t[..cut].trim_end_matches([',', ' ']), true);
            }
        }
    }
    (t, false)
}

/// Position of the `In:` that opens the venue.
fn find_in_marker(tail: &str) -> Option<usize> {
    let trimmed = tail.trim_start_matches(|c: char| c.is_whitespace() || c == '.' || c == ',');
    let offset = tail.len() - trimmed.len();
    if trimmed.starts_with("In:") || trimmed.starts_with("In ") {
        return Some(offset);
    }
    tail.match_indices("In:").find_map(|(i, _)| {
        let before = tail[..i].chars().next_back();
        (before.is_none() || before.is_some_and(|c| c.is_whitespace() || c == '.')).then_some(i)
    })
}

/// Reads one item into a reference. `None` (with an error diagnostic) when no
/// title can be found.
/// `previous` is the reference read from the item above in the same list:
/// an item that starts with `———.` ("the same authors") takes its authors.
pub(crate) fn parse_item(
    item: &RawItem,
    source: &Arc<str>,
    previous: Option<&Reference>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Reference> {
    let joined = item.lines.join("\n");
    let (text, links) = extract_links(&joined);
    let warn = |diags: &mut Vec<Diagnostic>, code: Code, msg: String| {
        diags.push(Diagnostic::warning(
            code,
            Location::new(Arc::clone(source), item.line),
            msg,
        ))
    };

    // The house grammar (`Names (Year). "Title". In: Venue`) reads its items
    // precisely; any other layout goes to the general reference-string parser.
    if !house_style(&text) {
        return general(item, source, &joined, previous, diagnostics);
    }

    // Head: authors and year.
    let (authors_text, after_head, year, year_extra) = match find_year(&text) {
        Some((start, end, year, extra)) => (&text[..start], &text[end..], Some(year), extra),
        None => {
            let title_at = text.find(is_open_quote).unwrap_or(0);
            (&text[..title_at], &text[title_at..], None, String::new())
        }
    };
    let (authors_text, editors_marked) = strip_editor_marker(authors_text);
    let names = parse_names(&authors_text.replace('\n', " "));
    for w in names.warnings {
        warn(diagnostics, Code::Doubtful, w);
    }

    // Title.
    let after_head =
        after_head.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ':'));
    let (title, tail) = match quoted_title(after_head) {
        Some((t, end)) => (t.to_string(), &after_head[end..]),
        None if year.is_none() => {
            // Neither "(Year)" nor a quoted title: nothing tells what the text is.
            let reason = "no year in parentheses and no quoted title";
            diagnostics.push(unreadable(source, item, &joined, reason));
            return None;
        }
        None => {
            let end = after_head
                .find("\nIn:")
                .or_else(|| after_head.find(" In:"))
                .or_else(|| after_head.find(". "))
                .or_else(|| after_head.find('\n'))
                .unwrap_or(after_head.len());
            if end > 0 {
                warn(
                    diagnostics,
                    Code::Doubtful,
                    "the title is not in quotes; read up to the first sentence end".into(),
                );
            }
            (after_head[..end].to_string(), &after_head[end..])
        }
    };
    let title = finish(&title.replace('\n', " "));
    let title = title.trim().trim_end_matches(',').trim().to_string();
    if title.is_empty() {
        diagnostics.push(unreadable(source, item, &joined, "no title found"));
        return None;
    }

    // Venue and what follows it.
    let (venue, other_text) = match find_in_marker(tail) {
        Some(pos) => {
            let from = pos + 2 + usize::from(tail[pos + 2..].starts_with(':'));
            let line_end = tail[from..].find('\n').map_or(tail.len(), |e| from + e);
            let v = parse_venue(&tail[from..line_end], year);
            let others = format!("{}\n{}\n{}", &tail[..pos], v.rest, &tail[line_end..]);
            (Some(v), others)
        }
        None => (None, tail.to_string()),
    };

    let mut r = Reference::new(Kind::Misc, &title);
    r.issued = year.map(Date::year);
    if !year_extra.is_empty() {
        r.notes.push(Note {
            kind: NoteKind::classify(&year_extra),
            text: year_extra,
        });
    }
    if editors_marked {
        r.editors = names.persons;
    } else {
        r.authors = names.persons;
    }
    let preprint_server = venue.as_ref().is_some_and(|v| v.preprint_server);
    if let Some(v) = venue {
        apply_venue(&mut r, v, |c, m| warn(diagnostics, c, m));
    }
    read_other_text(&mut r, &other_text, |c, m| warn(diagnostics, c, m));
    for link in links {
        match link.kind {
            LinkKind::Arxiv if r.ids.arxiv.is_none() => r.ids.arxiv = link.url.parse().ok(),
            LinkKind::OpenReview if r.ids.openreview.is_none() => {
                r.ids.openreview = link.url.parse().ok()
            }
            LinkKind::Doi if r.ids.doi.is_none() => r.ids.doi = link.url.parse().ok(),
            _ => {}
        }
        r.links.push(link);
    }
    r.kind = decide_kind(item.section.kind, &r, preprint_server);

    if year.is_none() {
        warn(
            diagnostics,
            Code::NoYear,
            "no year in parentheses after the authors".into(),
        );
    }
    if r.authors.is_empty() && r.editors.is_empty() {
        warn(diagnostics, Code::NoAuthor, "no authors found".into());
    }
    if r.container.is_none() && !preprint_server && r.kind != Kind::Book {
        warn(
            diagnostics,
            Code::NoVenue,
            "no venue found (\"In: ...\"); the item may be truncated".into(),
        );
    }
    r.sources.push(provenance(source, item));
    Some(r)
}

/// Whether the item is in the house grammar: a `(Year)` after a name list,
/// then a quoted title.
fn house_style(text: &str) -> bool {
    let Some((start, end, ..)) = find_year(text) else {
        return false;
    };
    let after =
        text[end..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ':'));
    start > 0 && quoted_title(after).is_some()
}

/// Reads an item of any other layout with the reference-string parser.
fn general(
    item: &RawItem,
    source: &Arc<str>,
    joined: &str,
    previous: Option<&Reference>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Reference> {
    let hints = refstring::Hints {
        kind: item.section.kind,
        year: item.section.year,
    };
    let parsed = refstring::parse(joined, &hints);
    let mut r = parsed.reference;
    if r.title.is_empty() {
        diagnostics.push(unreadable(source, item, joined, "no title found"));
        return None;
    }
    let mut doubts = parsed.doubts;
    // `———. "Title."`: the authors of the entry above (MLA, Chicago, APA 5).
    let same_authors = item
        .lines
        .first()
        .is_some_and(|l| starts_with_repeat_dashes(l));
    if let Some(p) = previous.filter(|_| same_authors && r.authors.is_empty()) {
        if !p.authors.is_empty() {
            r.authors = p.authors.clone();
            doubts.retain(|d| d.code != Code::NoAuthor);
        }
    }
    if let Some(reason) = super::evidence::not_a_reference(&finish(joined), &r) {
        diagnostics.push(unreadable(source, item, joined, reason));
        return None;
    }
    for d in doubts {
        diagnostics.push(Diagnostic::warning(
            d.code,
            Location::new(Arc::clone(source), item.line),
            d.message,
        ));
    }
    r.sources.push(provenance(source, item));
    Some(r)
}

fn apply_venue(r: &mut Reference, v: Venue, mut warn: impl FnMut(Code, String)) {
    r.container = v.container.map(Into::into);
    r.series = v.series.map(Into::into);
    r.volume = v.volume.map(Into::into);
    r.issue = v.issue.map(Into::into);
    r.pages = v.pages;
    r.article_number = v.article_number.map(Into::into);
    r.ids.arxiv = v.arxiv;
    r.ids.openreview = v.openreview;
    r.ids.issn = v.issn;
    r.notes.extend(v.notes);
    for w in v.warnings {
        warn(Code::Doubtful, w);
    }
}

/// Text outside the title and venue: ISBNs, DOIs, publisher, notes.
fn read_other_text(r: &mut Reference, text: &str, mut warn: impl FnMut(Code, String)) {
    let text = take_isbns(r, text, &mut warn);
    for fragment in notes::fragments(&text) {
        let fragment = finish(&fragment);
        if fragment.is_empty() || fragment.eq_ignore_ascii_case("demo") {
            continue;
        }
        let lower = fragment.to_ascii_lowercase();
        if let Some(doi_text) = lower
            .strip_prefix("doi:")
            .or_else(|| lower.strip_prefix("doi "))
        {
            match doi_text.trim().parse() {
                Ok(doi) => {
                    r.ids.doi = Some(doi);
                    continue;
                }
                Err(e) => warn(Code::BadIdentifier, format!("{e}")),
            }
        }
        if r.publisher.is_none() {
            if let Some((publisher, place)) = notes::publisher(&fragment) {
                r.publisher = Some(publisher.into());
                r.place = place.map(Into::into);
                continue;
            }
        }
        r.notes.push(Note {
            kind: NoteKind::classify(&fragment),
            text: fragment,
        });
    }
}

/// Takes `[Part I] ISBN: 978-...` out of `text`, recording valid ISBNs.
fn take_isbns(r: &mut Reference, text: &str, warn: &mut impl FnMut(Code, String)) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("ISBN") {
        let mut before = &rest[..pos];
        // Drop a "Part I" label in front of the ISBN.
        let trimmed = before.trim_end();
        if let Some(label_at) = trimmed.rfind("Part ") {
            let label = &trimmed[label_at + 5..];
            if !label.is_empty()
                && label
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X') || c.is_ascii_digit())
            {
                before = &trimmed[..label_at];
            }
        }
        out.push_str(before);
        let after = rest[pos + 4..].trim_start_matches([':', ' ']);
        let len = after
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | 'X' | 'x')))
            .unwrap_or(after.len());
        let candidate = after[..len].trim_end_matches('-');
        match candidate.parse::<Isbn>() {
            Ok(isbn) => r.ids.isbn.push(isbn),
            Err(e) => {
                warn(Code::BadIdentifier, format!("{e}"));
                r.notes.push(Note {
                    kind: NoteKind::Other,
                    text: format!("ISBN {candidate}"),
                });
            }
        }
        out.push('\n');
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// The kind: the section's, refined by what the item says.
fn decide_kind(section: Option<Kind>, r: &Reference, preprint_server: bool) -> Kind {
    if !r.editors.is_empty() && r.authors.is_empty() {
        return Kind::Book;
    }
    if let Some(kind) = section {
        return kind;
    }
    let container = r.container.as_deref().unwrap_or("").to_lowercase();
    if preprint_server {
        Kind::Preprint
    } else if ["proceedings", "conference", "workshop", "symposium"]
        .iter()
        .any(|w| container.contains(w))
    {
        Kind::ConferencePaper
    } else if r.series.is_some() || (r.publisher.is_some() && r.container.is_some()) {
        Kind::Chapter
    } else if r.container.is_some() {
        Kind::JournalArticle
    } else if r.publisher.is_some() {
        Kind::Book
    } else {
        Kind::Misc
    }
}

/// The error for an item that does not become a reference.
/// Where a reference read from a CV item comes from: its line, section,
/// number and text as written.
fn provenance(source: &Arc<str>, item: &RawItem) -> Provenance {
    Provenance {
        at: Location::new(Arc::clone(source), item.line),
        section: Some(item.section.title.clone()),
        number: item.number,
        key: None,
        text: item.raw.clone(),
    }
}

fn unreadable(source: &str, item: &RawItem, text: &str, reason: &str) -> Diagnostic {
    let text = abbreviate(&finish(text));
    Diagnostic::error(
        Code::NotAReference,
        Location::new(source, item.line),
        format!("cannot read item \"{text}\": {reason}"),
    )
}

fn abbreviate(s: &str) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() <= 80 {
        s
    } else {
        format!("{}…", s.chars().take(80).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_inner_quotes() {
        let s =
            "\"From \"Where\" to \"What\": Towards Human-Understandable Explanations\".\nIn: CoRR";
        assert_eq!(
            quoted_title(s).map(|t| t.0),
            Some("From \"Where\" to \"What\": Towards Human-Understandable Explanations")
        );
        assert_eq!(
            quoted_title("“How to iNNvestigate Neural Networks’ Predictors!”.").map(|t| t.0),
            Some("How to iNNvestigate Neural Networks’ Predictors!")
        );
        assert_eq!(quoted_title("no quote"), None);
    }

    #[test]
    fn editor_markers() {
        assert_eq!(
            strip_editor_marker("Longo L, **Lapuschkin S** and Seifert C, editors "),
            ("Longo L, **Lapuschkin S** and Seifert C", true)
        );
        assert_eq!(strip_editor_marker("Longo L (Eds.)"), ("Longo L", true));
        assert_eq!(
            strip_editor_marker("Samek W and Müller K-R"),
            ("Samek W and Müller K-R", false)
        );
        assert_eq!(
            strip_editor_marker("Samek W and Reeds J"),
            ("Samek W and Reeds J", false)
        );
        assert_eq!(
            strip_editor_marker("Samek W and Reeds"),
            ("Samek W and Reeds", false)
        );
    }
}
