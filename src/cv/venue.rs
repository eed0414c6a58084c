//! The venue part of an item (`In: *Pattern Recognition* 160:111171.`):
//! container, series, volume, issue, pages or article number, and the
//! identifiers that CVs write in the venue's place (`CoRR abs/2505.21595`,
//! `OpenReview: yFPsLBa53p`, a bare OpenReview id where pages would be).

use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::{char, digit1};
use nom::combinator::{all_consuming, opt, verify};
use nom::sequence::delimited;
use nom::{IResult, Parser};

use super::clean::finish;
use crate::model::{ArxivId, Issn, Note, NoteKind, OpenReviewId, Pages};

/// What the venue part says.
#[derive(Debug, Default)]
pub(crate) struct Venue {
    pub container: Option<String>,
    pub series: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<Pages>,
    pub article_number: Option<String>,
    pub arxiv: Option<ArxivId>,
    pub openreview: Option<OpenReviewId>,
    pub issn: Option<Issn>,
    /// The venue is a preprint server (CoRR/arXiv, OpenReview), not a publication.
    pub preprint_server: bool,
    /// Notes found inside the venue (`(Green Open Access)`).
    pub notes: Vec<Note>,
    /// What follows the venue on its line (publisher, notes).
    pub rest: String,
    pub warnings: Vec<String>,
}

/// A parsed locator such as `3(2):14:1–27`.
#[derive(Debug, Default, PartialEq, Eq)]
struct Locator<'a> {
    volume: Option<&'a str>,
    issue: Option<&'a str>,
    article: Option<&'a str>,
    range: Option<(&'a str, &'a str)>,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑')
}

fn page(input: &str) -> IResult<&str, &str> {
    verify(take_while1(char::is_alphanumeric), |p: &str| {
        p.chars().any(|c| c.is_ascii_digit())
    })
    .parse(input)
}

fn range(input: &str) -> IResult<&str, (&str, &str)> {
    (page, take_while1(is_dash), page)
        .map(|(a, _, b)| (a, b))
        .parse(input)
}

fn volume_issue(input: &str) -> IResult<&str, (&str, Option<&str>)> {
    (
        digit1,
        opt(delimited(
            char('('),
            take_while1(|c: char| c.is_alphanumeric() || is_dash(c) || c == '/'),
            char(')'),
        )),
    )
        .parse(input)
}

/// `vol(issue):article:first–last`, `vol(issue):first–last`,
/// `vol(issue):article`, `first–last`, `vol(issue)`.
fn locator(input: &str) -> IResult<&str, Locator<'_>> {
    let full =
        (volume_issue, char(':'), page, char(':'), range).map(|((v, i), _, a, _, r)| Locator {
            volume: Some(v),
            issue: i,
            article: Some(a),
            range: Some(r),
        });
    let vol_range = (volume_issue, char(':'), range).map(|((v, i), _, r)| Locator {
        volume: Some(v),
        issue: i,
        article: None,
        range: Some(r),
    });
    let vol_article = (volume_issue, char(':'), page).map(|((v, i), _, a)| Locator {
        volume: Some(v),
        issue: i,
        article: Some(a),
        range: None,
    });
    let only_range = range.map(|r| Locator {
        range: Some(r),
        ..Locator::default()
    });
    let vol_with_issue = (
        digit1,
        delimited(char('('), take_while1(char::is_alphanumeric), char(')')),
    )
        .map(|(v, i)| Locator {
            volume: Some(v),
            issue: Some(i),
            ..Locator::default()
        });
    alt((full, vol_range, vol_article, only_range, vol_with_issue)).parse(input)
}

/// A token in locator position that is not a `vol:pages` form: `TBA`, an
/// OpenReview id, or an article id (`dyac078`, `00220345221106086`).
enum SingleToken {
    Placeholder,
    OpenReview,
    Article,
}

fn single_token(tok: &str) -> Option<SingleToken> {
    if crate::model::pages_placeholder_word(tok) {
        return Some(SingleToken::Placeholder);
    }
    if OpenReviewId::looks_like_bare_id(tok) {
        return Some(SingleToken::OpenReview);
    }
    let digits = tok.chars().filter(char::is_ascii_digit).count();
    let alnum = tok.chars().all(|c| c.is_ascii_alphanumeric());
    let letters = tok.chars().filter(char::is_ascii_alphabetic).count();
    // An article id mixes a few letters with digits, or is a long number;
    // a short bare number (a year, an edition) is part of the venue's name.
    if alnum && digits >= 3 && ((letters > 0 && letters <= 4) || digits >= 5) {
        return Some(SingleToken::Article);
    }
    None
}

/// Book series that CVs write after the book title (`... 2016. Lecture Notes in ...`).
const SERIES_STARTS: &[&str] = &[
    "Lecture Notes in ",
    "Lecture Notes of ",
    "Communications in Computer and Information Science",
    "Advances in Intelligent Systems and Computing",
    "Studies in Computational Intelligence",
    "Springer Proceedings in ",
    "Proceedings of Machine Learning Research",
];

/// Parses the venue line (without the leading `In:`); `year` is the item's year.
pub(crate) fn parse_venue(segment: &str, year: Option<i32>) -> Venue {
    let mut v = Venue::default();
    let segment = join_split_locator(segment);
    let segment = take_paren_notes(&segment, &mut v);
    if preprint_server(&segment, &mut v) {
        return v;
    }
    let trimmed = segment.trim();
    let (container, after) = match italic_span(trimmed) {
        Some((inner, after)) => (inner.to_string(), after.to_string()),
        None => split_plain(trimmed),
    };
    let after = after.trim();
    let mut tokens = after.split_whitespace();
    let rest_start = match tokens.next() {
        Some(first) if apply_locator(first, year, &mut v) => {
            after.find(first).map_or(after.len(), |p| p + first.len())
        }
        _ => 0,
    };
    v.rest = after[rest_start..]
        .trim_start_matches(['.', ',', ';', ' '])
        .to_string();
    let container = finish(&container);
    let container = container
        .trim()
        .trim_end_matches([',', '.', ';', ':'])
        .trim();
    if !container.is_empty() {
        match split_series(container) {
            Some((book, series)) => {
                v.container = Some(book.to_string());
                v.series = Some(series.to_string());
            }
            None => v.container = Some(container.to_string()),
        }
    }
    v
}

/// `10(7) :e0130140` (a space left where LaTeX math ended) → `10(7):e0130140`:
/// a space before a colon that is directly followed by a letter or digit.
fn join_split_locator(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let mut look = chars.clone();
            if look.next() == Some(':') && look.next().is_some_and(char::is_alphanumeric) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Removes parenthesised notes (`(Green Open Access)`, `(OpenReview)`,
/// `(pre-proof)`, an OpenReview id in parentheses) and records them.
fn take_paren_notes(segment: &str, v: &mut Venue) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut rest = segment;
    while let Some(open) = rest.find('(') {
        let Some(close_rel) = rest[open..].find(')') else {
            break;
        };
        let close = open + close_rel;
        let inner = finish(&rest[open + 1..close]);
        let inner = inner.trim();
        let kind = NoteKind::classify(inner);
        if OpenReviewId::looks_like_id_in_parens(inner) {
            v.openreview = inner.parse().ok();
        } else if kind != NoteKind::Other {
            v.notes.push(Note {
                kind,
                text: inner.to_string(),
            });
        } else {
            out.push_str(&rest[..=close]);
            rest = &rest[close + 1..];
            continue;
        }
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `CoRR abs/2505.21595`, `arXiv:2505.21595`, `arXiv preprint arXiv:...`,
/// `OpenReview: yFPsLBa53p`: the venue is a preprint server.
fn preprint_server(segment: &str, v: &mut Venue) -> bool {
    let plain = finish(segment);
    let lower = plain.to_ascii_lowercase();
    let arxiv_at = lower
        .find("abs/")
        .map(|p| p + 4)
        .or_else(|| lower.rfind("arxiv:").map(|p| p + 6))
        .or_else(|| lower.find("arxiv ").map(|p| p + 6));
    if let Some(start) = arxiv_at {
        if lower.contains("corr") || lower.contains("arxiv") {
            let id_text: String = plain[start..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-'))
                .collect();
            let id_text = id_text.trim_end_matches('.');
            if let Ok(id) = id_text.parse::<ArxivId>() {
                v.arxiv = Some(id);
                v.preprint_server = true;
                let end = plain[start..]
                    .find(id_text)
                    .map_or(plain.len(), |p| start + p + id_text.len());
                v.rest = plain[end..].trim_start_matches(['.', ',', ' ']).to_string();
                return true;
            }
        }
    }
    if let Some(pos) = lower.find("openreview:") {
        let id_text: String = plain[pos + 11..]
            .trim_start()
            .chars()
            .take_while(|&c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            .collect();
        if let Ok(id) = id_text.parse::<OpenReviewId>() {
            v.openreview = Some(id);
            v.preprint_server = true;
            let end = plain[pos..]
                .find(&id_text)
                .map_or(plain.len(), |p| pos + p + id_text.len());
            v.rest = plain[end..].trim_start_matches(['.', ',', ' ']).to_string();
            return true;
        }
    }
    false
}

/// `*Container* rest` → (`Container`, `rest`).
fn italic_span(s: &str) -> Option<(&str, &str)> {
    let inner_start = s.strip_prefix('*')?;
    let inner_start = inner_start.strip_prefix('*').unwrap_or(inner_start);
    let end = inner_start.find('*')?;
    let after = inner_start[end..].trim_start_matches('*');
    Some((&inner_start[..end], after))
}

/// Plain text: the container runs up to the first token that is a locator in
/// locator position (last, or followed by punctuation), or up to ` . `.
fn split_plain(s: &str) -> (String, String) {
    let tokens: Vec<(usize, &str)> = token_offsets(s);
    for (k, &(offset, tok)) in tokens.iter().enumerate().skip(1) {
        let clean = tok.trim_end_matches(['.', ',', ';']);
        let at_end = k + 1 == tokens.len() || clean.len() < tok.len();
        let is_loc = all_consuming(locator).parse(clean).is_ok();
        let is_single = at_end && single_token(clean).is_some();
        if (is_loc && (at_end || clean.contains(':'))) || is_single {
            return (s[..offset].to_string(), s[offset..].to_string());
        }
    }
    if let Some(pos) = s.find(" . ") {
        return (s[..pos].to_string(), s[pos + 3..].to_string());
    }
    // A trailing sentence that is a note ("... Workshop. Best Paper Award").
    if let Some(pos) = s.rfind(". ") {
        if NoteKind::classify(&s[pos + 2..]) != NoteKind::Other {
            return (s[..pos].to_string(), s[pos + 2..].to_string());
        }
    }
    (s.to_string(), String::new())
}

fn token_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Applies the locator token, if it is one; says whether it was.
fn apply_locator(token: &str, year: Option<i32>, v: &mut Venue) -> bool {
    let clean = token.trim_end_matches(['.', ',', ';']);
    if let Ok((_, loc)) = all_consuming(locator).parse(clean) {
        let volume_is_year = loc
            .volume
            .and_then(|vol| vol.parse::<i32>().ok())
            .is_some_and(|y| Some(y) == year);
        if !volume_is_year {
            v.volume = loc.volume.map(str::to_string);
        }
        v.issue = loc.issue.map(str::to_string);
        if let Some((first, last)) = loc.range {
            if let Some(issn) = issn_posing_as_pages(first, last) {
                v.warnings.push(format!(
                    "\"{first}–{last}\" is the journal's ISSN, not pages; kept as ISSN"
                ));
                v.issn = Some(issn);
            } else {
                v.pages = Some(Pages::Range {
                    first: first.to_string(),
                    last: last.to_string(),
                });
            }
        }
        if let Some(article) = loc.article {
            v.article_number = Some(article.to_string());
        }
        return true;
    }
    match single_token(clean) {
        Some(SingleToken::Placeholder) => v.pages = Some(Pages::Placeholder(clean.to_string())),
        Some(SingleToken::OpenReview) => v.openreview = clean.parse().ok(),
        Some(SingleToken::Article) => v.article_number = Some(clean.to_string()),
        None => return false,
    }
    true
}

/// `2835–8856` after a journal title is its ISSN: four digits on each side,
/// a valid check digit and a span no article has.
fn issn_posing_as_pages(first: &str, last: &str) -> Option<Issn> {
    let (a, b) = (first.parse::<u32>().ok()?, last.parse::<u32>().ok()?);
    if first.len() == 4 && last.len() == 4 && b.saturating_sub(a) > 500 {
        format!("{first}-{last}").parse().ok()
    } else {
        None
    }
}

fn split_series(container: &str) -> Option<(&str, &str)> {
    SERIES_STARTS.iter().find_map(|start| {
        let pos = container.find(&format!(". {start}"))?;
        Some((&container[..pos], &container[pos + 2..]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(s: &str) -> Locator<'_> {
        all_consuming(locator).parse(s).unwrap().1
    }

    #[test]
    fn locator_forms() {
        assert_eq!(
            loc("3(2):14:1–27"),
            Locator {
                volume: Some("3"),
                issue: Some("2"),
                article: Some("14"),
                range: Some(("1", "27"))
            }
        );
        assert_eq!(
            loc("10(7):e0130140"),
            Locator {
                volume: Some("10"),
                issue: Some("7"),
                article: Some("e0130140"),
                range: None
            }
        );
        assert_eq!(
            loc("160:111171"),
            Locator {
                volume: Some("160"),
                issue: None,
                article: Some("111171"),
                range: None
            }
        );
        assert_eq!(
            loc("81(S1):159–160"),
            Locator {
                volume: Some("81"),
                issue: Some("S1"),
                article: None,
                range: Some(("159", "160"))
            }
        );
        assert_eq!(
            loc("1-7"),
            Locator {
                range: Some(("1", "7")),
                ..Locator::default()
            }
        );
        assert!(all_consuming(locator).parse("2025:").is_err());
        assert!(all_consuming(locator).parse("25th").is_err());
    }

    #[test]
    fn italic_venue_with_article_number() {
        let v = parse_venue("*Pattern Recognition* 160:111171.", Some(2025));
        assert_eq!(v.container.as_deref(), Some("Pattern Recognition"));
        assert_eq!(v.volume.as_deref(), Some("160"));
        assert_eq!(v.article_number.as_deref(), Some("111171"));
        assert_eq!(v.pages, None);
    }

    #[test]
    fn plain_venue_with_year_as_volume() {
        let v = parse_venue(
            "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR) 2016:2912-2920",
            Some(2016),
        );
        assert_eq!(
            v.container.as_deref(),
            Some("Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)")
        );
        assert_eq!(v.volume, None);
        assert_eq!(
            v.pages,
            Some(Pages::Range {
                first: "2912".into(),
                last: "2920".into()
            })
        );
    }

    #[test]
    fn space_left_by_latex_math_before_the_colon() {
        let v = parse_venue("PLoS ONE 10(7) :e0130140", Some(2015));
        assert_eq!(v.container.as_deref(), Some("PLoS ONE"));
        assert_eq!(
            (v.volume.as_deref(), v.issue.as_deref()),
            (Some("10"), Some("7"))
        );
        assert_eq!(v.article_number.as_deref(), Some("e0130140"));
    }

    #[test]
    fn issn_is_not_pages() {
        let v = parse_venue(
            "*Transactions on Machine Learning Research* 2835–8856.",
            Some(2025),
        );
        assert_eq!(v.pages, None);
        assert_eq!(v.issn.map(|i| i.to_string()).as_deref(), Some("2835-8856"));
        assert_eq!(v.warnings.len(), 1);
    }

    #[test]
    fn bare_openreview_id_and_placeholder() {
        let v = parse_venue(
            "Transactions on Machine Learning Research ukLxqA8zXj.",
            Some(2025),
        );
        assert_eq!(
            v.container.as_deref(),
            Some("Transactions on Machine Learning Research")
        );
        assert_eq!(
            v.openreview.map(|i| i.to_string()).as_deref(),
            Some("ukLxqA8zXj")
        );
        let v = parse_venue(
            "Proceedings of the 3rd XAI World Conference TBA.",
            Some(2025),
        );
        assert_eq!(
            v.container.as_deref(),
            Some("Proceedings of the 3rd XAI World Conference")
        );
        assert_eq!(v.pages, Some(Pages::Placeholder("TBA".into())));
    }

    #[test]
    fn preprint_servers() {
        let v = parse_venue("*CoRR abs*/2202.06861.", Some(2022));
        assert!(v.preprint_server);
        assert_eq!(
            v.arxiv.map(|i| i.to_string()).as_deref(),
            Some("2202.06861")
        );
        assert_eq!(v.container, None);
        let v = parse_venue("*OpenReview: yFPsLBa53p*", Some(2025));
        assert_eq!(
            v.openreview.map(|i| i.to_string()).as_deref(),
            Some("yFPsLBa53p")
        );
    }

    #[test]
    fn notes_in_parentheses_and_series() {
        let v = parse_venue(
            "*Information Science and Applications (ICISA) 2016. Lecture Notes in Electrical Engineering* 276:913-922. Springer, Singapore",
            Some(2016),
        );
        assert_eq!(
            v.container.as_deref(),
            Some("Information Science and Applications (ICISA) 2016")
        );
        assert_eq!(
            v.series.as_deref(),
            Some("Lecture Notes in Electrical Engineering")
        );
        assert_eq!(v.volume.as_deref(), Some("276"));
        assert_eq!(v.rest, "Springer, Singapore");
        let v = parse_venue(
            "NeuRIPS 2023 Workshop on XAIX (XAI in Action: Past, Present, and Future Applications) (vVpefYmnsG)",
            Some(2023),
        );
        assert_eq!(
            v.openreview.map(|i| i.to_string()).as_deref(),
            Some("vVpefYmnsG")
        );
        assert_eq!(
            v.container.as_deref(),
            Some("NeuRIPS 2023 Workshop on XAIX (XAI in Action: Past, Present, and Future Applications)")
        );
        let v = parse_venue("*Information Fusion* (pre-proof)", Some(2022));
        assert_eq!(v.container.as_deref(), Some("Information Fusion"));
        assert_eq!(v.notes[0].text, "pre-proof");
    }
}
