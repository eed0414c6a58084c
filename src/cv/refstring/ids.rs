//! Identifiers and URLs in a reference string, found by rules before the
//! tagger runs: DOI (`doi:10.…`, `https://doi.org/10.…`, bare `10.1234/…`),
//! arXiv in all its spellings (`arXiv:2403.01234`, `arXiv preprint
//! arXiv:…`, `arXiv: 1810.04794 [math.DS]`, `CoRR abs/…`, arxiv.org URLs,
//! old-style `hep-th/9901001`), ISBN, ISSN, PMID/PMCID, OpenReview
//! (`OpenReview: id`, openreview.net URLs) and any other URL.
//!
//! Each hit covers a byte span of the plain text; the tokens inside it become
//! one `ID` token, so the tagger sees "an identifier stood here" and never
//! reads an identifier as a title or a page number.

use super::tokens::{url_len, Scanned, Token, ID};

/// What an identifier span is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum IdKind {
    Doi(String),
    Arxiv(String),
    Isbn(String),
    Issn(String),
    Pmid(String),
    Pmcid(String),
    OpenReview(String),
    Url(String),
}

/// An identifier and where it stands in the plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdHit {
    pub start: usize,
    pub end: usize,
    pub kind: IdKind,
}

/// Words that, written right before an arXiv id, name the server, not a venue.
const ARXIV_LEADS: &[&str] = &[
    "arxiv preprint",
    "arxiv e-prints",
    "arxiv e-print",
    "arxiv",
    "corr",
    "preprint",
    "eprint",
    "e-print",
];

fn lower_at(s: &str, i: usize, word: &str) -> bool {
    s.len() >= i + word.len()
        && s.is_char_boundary(i + word.len())
        && s[i..i + word.len()].eq_ignore_ascii_case(word)
}

fn word_boundary_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A DOI body at the start of `s` (`10.1234/abc.def`): its length.
fn doi_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !s.starts_with("10.") {
        return None;
    }
    let mut k = 3;
    while k < b.len() && b[k].is_ascii_digit() {
        k += 1;
    }
    if k - 3 < 4 || k >= b.len() || !matches!(b[k], b'/' | b'.') {
        return None;
    }
    // Sub-registrants (`10.1000.10/…`).
    while k < b.len() && b[k] != b'/' {
        if !(b[k].is_ascii_digit() || b[k] == b'.') {
            return None;
        }
        k += 1;
    }
    if k >= b.len() {
        return None;
    }
    let len = url_len(s);
    (len > k + 1).then_some(len)
}

/// A new-style (`2403.01234v2`) or old-style (`hep-th/9901001`) arXiv id at
/// the start of `s`: its length (version included).
fn arxiv_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let d = digits(0);
    let mut k = if d == 4 && b.get(4) == Some(&b'.') {
        let tail = digits(5);
        if !(4..=5).contains(&tail) {
            return None;
        }
        5 + tail
    } else {
        // Old style: archive(.subject)?/YYMMNNN
        let name = b
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || **c == b'-' || **c == b'.')
            .count();
        if name < 2 || b.get(name) != Some(&b'/') || digits(name + 1) != 7 {
            return None;
        }
        name + 8
    };
    if b.get(k) == Some(&b'v') {
        let v = digits(k + 1);
        if v > 0 {
            k += 1 + v;
        }
    }
    if b.get(k).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(k)
}

/// ISBN digits at the start of `s` (`978-3-319-52012-4`, `0 262 03293 7`): length.
fn isbn_len(s: &str) -> Option<usize> {
    let mut digits = 0;
    let mut end = 0;
    for (k, c) in s.char_indices() {
        if c.is_ascii_digit() || (matches!(c, 'X' | 'x') && (digits == 9 || digits == 12)) {
            digits += 1;
            end = k + 1;
        } else if matches!(c, '-' | ' ' | '‐' | '–') && digits > 0 && digits < 13 {
            continue;
        } else {
            break;
        }
        if digits == 13 {
            break;
        }
    }
    (digits == 10 || digits == 13).then_some(end)
}

fn skip_sep(s: &str, i: usize) -> usize {
    let rest = &s[i..];
    i + (rest.len() - rest.trim_start_matches([':', ' ', '#', '=']).len())
}

fn digits_at(s: &str, i: usize) -> usize {
    s[i..].bytes().take_while(u8::is_ascii_digit).count()
}

/// What a URL says: a DOI, arXiv or OpenReview id, a PubMed id, or just a URL.
fn classify_url(url: &str) -> IdKind {
    let lower = url.to_ascii_lowercase();
    if let Some(p) = lower.find("doi.org/") {
        let body = &url[p + 8..];
        if doi_len(body).is_some() {
            return IdKind::Doi(body.to_string());
        }
    }
    if lower.contains("arxiv.org/") {
        for key in ["/abs/", "/pdf/", "/html/"] {
            if let Some(p) = lower.find(key) {
                let body = &url[p + key.len()..];
                if let Some(n) = arxiv_len(body) {
                    return IdKind::Arxiv(body[..n].to_string());
                }
            }
        }
    }
    if lower.contains("openreview.net/") {
        if let Some(p) = lower.find("id=") {
            let id: String = url[p + 3..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
                .collect();
            if !id.is_empty() {
                return IdKind::OpenReview(id);
            }
        }
    }
    for key in ["pubmed.ncbi.nlm.nih.gov/", "ncbi.nlm.nih.gov/pubmed/"] {
        if let Some(p) = lower.find(key) {
            let n = digits_at(url, p + key.len());
            if n > 0 {
                return IdKind::Pmid(url[p + key.len()..p + key.len() + n].to_string());
            }
        }
    }
    IdKind::Url(url.to_string())
}

/// Finds the identifiers and URLs of `plain`, in order, not overlapping.
pub(crate) fn find(plain: &str) -> Vec<IdHit> {
    let mut hits: Vec<IdHit> = Vec::new();
    let mut i = 0;
    let bytes = plain.as_bytes();
    while i < plain.len() {
        if !plain.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let b = bytes[i];
        let at_word = word_boundary_before(plain, i);
        let mut hit: Option<IdHit> = None;
        if at_word && (b == b'h' || b == b'w') {
            let rest = &plain[i..];
            if rest.starts_with("https://")
                || rest.starts_with("http://")
                || rest.starts_with("www.")
            {
                let len = url_len(rest);
                hit = Some(IdHit {
                    start: i,
                    end: i + len,
                    kind: classify_url(&rest[..len]),
                });
            }
        }
        if hit.is_none() && at_word && (b == b'd' || b == b'D') && lower_at(plain, i, "doi") {
            let j = skip_sep(plain, i + 3);
            let j = if lower_at(plain, j, "https://doi.org/") {
                j + 16
            } else {
                j
            };
            if let Some(n) = doi_len(&plain[j..]) {
                hit = Some(IdHit {
                    start: i,
                    end: j + n,
                    kind: IdKind::Doi(plain[j..j + n].to_string()),
                });
            }
        }
        if hit.is_none() && at_word && b == b'1' {
            if let Some(n) = doi_len(&plain[i..]) {
                hit = Some(IdHit {
                    start: i,
                    end: i + n,
                    kind: IdKind::Doi(plain[i..i + n].to_string()),
                });
            }
        }
        if hit.is_none()
            && at_word
            && matches!(b, b'a' | b'A' | b'c' | b'C' | b'p' | b'P' | b'e' | b'E')
        {
            hit = arxiv_at(plain, i);
        }
        if hit.is_none() && at_word && matches!(b, b'I' | b'i') {
            for (word, is_isbn) in [
                ("isbn-13", true),
                ("isbn-10", true),
                ("isbn", true),
                ("issn", false),
            ] {
                if lower_at(plain, i, word) {
                    let j = skip_sep(plain, i + word.len());
                    if is_isbn {
                        if let Some(n) = isbn_len(&plain[j..]) {
                            hit = Some(IdHit {
                                start: i,
                                end: j + n,
                                kind: IdKind::Isbn(plain[j..j + n].to_string()),
                            });
                        }
                    } else {
                        let cand: String = plain[j..].chars().take(9).collect();
                        if cand.len() == 9 && cand.as_bytes()[4] == b'-' {
                            hit = Some(IdHit {
                                start: i,
                                end: j + 9,
                                kind: IdKind::Issn(cand),
                            });
                        }
                    }
                    break;
                }
            }
        }
        if hit.is_none() && at_word && b == b'P' {
            for (word, pmc) in [("PMCID", true), ("PMID", false), ("PMC", true)] {
                if plain[i..].starts_with(word) {
                    let j = skip_sep(plain, i + word.len());
                    let j = if pmc && plain[j..].starts_with("PMC") {
                        j + 3
                    } else {
                        j
                    };
                    let n = digits_at(plain, j);
                    if n >= 4 {
                        let v = plain[j..j + n].to_string();
                        hit = Some(IdHit {
                            start: i,
                            end: j + n,
                            kind: if pmc {
                                IdKind::Pmcid(format!("PMC{v}"))
                            } else {
                                IdKind::Pmid(v)
                            },
                        });
                    }
                    break;
                }
            }
        }
        if hit.is_none() && at_word && (b == b'O' || b == b'o') && lower_at(plain, i, "openreview")
        {
            let j = skip_sep(plain, i + 10);
            let j = if lower_at(plain, j, "id") {
                skip_sep(plain, j + 2)
            } else {
                j
            };
            let id: String = plain[j..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
                .collect();
            if id.parse::<crate::model::OpenReviewId>().is_ok() && j > i + 10 {
                hit = Some(IdHit {
                    start: i,
                    end: j + id.len(),
                    kind: IdKind::OpenReview(id),
                });
            }
        }
        match hit {
            Some(h) => {
                i = h.end.max(i + 1);
                hits.push(h);
            }
            None => i += 1,
        }
    }
    hits
}

/// `arXiv:2403.01234`, `arXiv preprint arXiv:…`, `arXiv 2403.01234`,
/// `arXiv: 1810.04794 [cs.SY]`, `CoRR abs/1409.8035`, `abs/…` at `i`.
fn arxiv_at(plain: &str, i: usize) -> Option<IdHit> {
    if lower_at(plain, i, "abs/") {
        let n = arxiv_len(&plain[i + 4..])?;
        return Some(IdHit {
            start: i,
            end: i + 4 + n,
            kind: IdKind::Arxiv(plain[i + 4..i + 4 + n].to_string()),
        });
    }
    let lead = ARXIV_LEADS.iter().find(|w| lower_at(plain, i, w))?;
    let mut j = i + lead.len();
    // `arXiv preprint arXiv:`, `CoRR, abs/`, `arXiv e-prints, arXiv:`
    loop {
        let k = j + (plain[j..].len() - plain[j..].trim_start_matches([' ', ',', ':']).len());
        if lower_at(plain, k, "arxiv") {
            j = k + 5;
        } else if lower_at(plain, k, "abs/") || lower_at(plain, k, "abs ") {
            j = k + 4;
            break;
        } else {
            j = k;
            break;
        }
    }
    let n = arxiv_len(&plain[j..])?;
    let id = plain[j..j + n].to_string();
    let mut end = j + n;
    // A category in brackets: `[cs.LG]`, `[math.DS, cs.SY]`.
    let after = &plain[end..];
    let trimmed = after.trim_start();
    if trimmed.starts_with('[') {
        if let Some(close) = trimmed.find(']') {
            let inner = &trimmed[1..close];
            if inner.len() < 60
                && inner
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ',' | ' '))
            {
                end += after.len() - trimmed.len() + close + 1;
            }
        }
    }
    // A bare "preprint 1234.5678" needs the word arXiv somewhere near: only
    // `arxiv`/`corr` leads count alone.
    if matches!(*lead, "preprint" | "eprint" | "e-print")
        && !plain[i..j].to_ascii_lowercase().contains("arxiv")
    {
        return None;
    }
    Some(IdHit {
        start: i,
        end,
        kind: IdKind::Arxiv(id),
    })
}

/// Merges the tokens inside each hit into one `ID` token.
pub(crate) fn merge_tokens(scanned: &mut Scanned, hits: &[IdHit]) {
    let mut out: Vec<Token> = Vec::with_capacity(scanned.tokens.len());
    let mut which = Vec::with_capacity(scanned.tokens.len());
    let mut h = 0;
    for t in &scanned.tokens {
        while h < hits.len() && hits[h].end <= t.start {
            h += 1;
        }
        if h < hits.len() && t.start >= hits[h].start && t.start < hits[h].end {
            if which.last() == Some(&Some(h)) {
                if let Some(last) = out.last_mut() {
                    last.end = t.end.max(last.end);
                }
                continue;
            }
            out.push(Token {
                start: t.start,
                end: t.end.max(hits[h].end.min(t.end)),
                flags: t.flags | ID,
            });
            which.push(Some(h));
            continue;
        }
        out.push(*t);
        which.push(None);
    }
    scanned.tokens = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<IdKind> {
        find(s).into_iter().map(|h| h.kind).collect()
    }

    #[test]
    fn arxiv_in_all_spellings() {
        let a = |id: &str| IdKind::Arxiv(id.into());
        assert_eq!(kinds("arXiv:2403.01234"), [a("2403.01234")]);
        assert_eq!(
            kinds("arXiv preprint arXiv:2403.01234v2."),
            [a("2403.01234v2")]
        );
        assert_eq!(kinds("CoRR abs/1409.8035"), [a("1409.8035")]);
        assert_eq!(kinds("CoRR, abs/1409.8035"), [a("1409.8035")]);
        assert_eq!(
            kinds("arXiv: 1810.04794 [cs.SY, math.OC]."),
            [a("1810.04794")]
        );
        assert_eq!(kinds("arXiv 2403.01234"), [a("2403.01234")]);
        assert_eq!(kinds("arXiv:hep-th/9901001"), [a("hep-th/9901001")]);
        assert_eq!(kinds("https://arxiv.org/abs/2506.14775"), [a("2506.14775")]);
        assert_eq!(find("x arXiv: 1810.04794 [cs.SY]. y")[0].end, 27);
        assert!(kinds("arXiving the 2024.1 data").is_empty());
    }

    #[test]
    fn dois_isbns_and_others() {
        assert_eq!(
            kinds("doi: 10.1109/TCNS.2018.2885270."),
            [IdKind::Doi("10.1109/TCNS.2018.2885270".into())]
        );
        assert_eq!(
            kinds("https://doi.org/10.1007/s41701-025-00185-6."),
            [IdKind::Doi("10.1007/s41701-025-00185-6".into())]
        );
        assert_eq!(
            kinds("see 10.1016/j.jesp.2021.104230"),
            [IdKind::Doi("10.1016/j.jesp.2021.104230".into())]
        );
        assert_eq!(
            kinds("ISBN 978-3-319-52012-4"),
            [IdKind::Isbn("978-3-319-52012-4".into())]
        );
        assert_eq!(
            kinds("ISBN: 0 262 03293 7"),
            [IdKind::Isbn("0 262 03293 7".into())]
        );
        assert_eq!(kinds("PMID: 28653326"), [IdKind::Pmid("28653326".into())]);
        assert_eq!(
            kinds("PMCID: PMC5548301"),
            [IdKind::Pmcid("PMC5548301".into())]
        );
        assert_eq!(
            kinds("OpenReview: yFPsLBa53p"),
            [IdKind::OpenReview("yFPsLBa53p".into())]
        );
        assert_eq!(
            kinds("https://openreview.net/forum?id=yFPsLBa53p"),
            [IdKind::OpenReview("yFPsLBa53p".into())]
        );
        assert_eq!(
            kinds("www.example.org/a."),
            [IdKind::Url("www.example.org/a".into())]
        );
        assert!(kinds("pages 10.5–12").is_empty());
    }
}
