//! Finding the publication sections of a CV.
//!
//! A line is a heading when it is marked as one (`# ...`, a whole-line `**...**`)
//! or when its whole text is made of heading words ("Journal Articles",
//! "Contributions to Conference Proceedings and Workshops", "Talks & Lectures").
//! A plain line must consist of heading words only, so that item lines such as
//! "Accepted for publication in Nature Machine Intelligence" never count.

use crate::model::Kind;

/// What a heading line starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Heading {
    /// A list of publications; `None` when the heading does not say of which kind.
    Publications { kind: Option<Kind>, title: String },
    /// Any other CV section (talks, teaching, patents, ...): its items are not read.
    Other,
}

/// Heading words that name a kind of publication.
const KIND_WORDS: &[(Kind, &[&str])] = &[
    (Kind::Chapter, &["chapter", "chapters"]),
    (
        Kind::Book,
        &[
            "book",
            "books",
            "edited",
            "volume",
            "volumes",
            "monograph",
            "monographs",
        ],
    ),
    (Kind::JournalArticle, &["journal", "journals"]),
    (
        Kind::ConferencePaper,
        &[
            "conference",
            "conferences",
            "proceedings",
            "workshop",
            "workshops",
            "symposium",
            "symposia",
        ],
    ),
    (
        Kind::Preprint,
        &[
            "preprint",
            "preprints",
            "working",
            "manuscripts",
            "submitted",
            "review",
            "report",
            "reports",
        ],
    ),
    (
        Kind::Thesis,
        &["thesis", "theses", "dissertation", "dissertations"],
    ),
];

/// Heading words that name publications without saying which kind.
const GENERIC_WORDS: &[&str] = &[
    "publication",
    "publications",
    "paper",
    "papers",
    "contribution",
    "contributions",
    "article",
    "articles",
];

/// Other words a publication heading may contain.
const GLUE_WORDS: &[&str] = &[
    "to",
    "in",
    "and",
    "of",
    "the",
    "on",
    "peer",
    "reviewed",
    "refereed",
    "selected",
    "list",
    "other",
    "recent",
    "full",
    "short",
    "international",
    "technical",
    "under",
    "non",
    "archival",
    "abstracts",
    "scientific",
];

fn is_publication_word(w: &str) -> bool {
    GLUE_WORDS.contains(&w)
        || GENERIC_WORDS.contains(&w)
        || KIND_WORDS.iter().any(|(_, words)| words.contains(&w))
}

/// Words that may make up the heading of a section that is not a publication list.
const OTHER_WORDS: &[&str] = &[
    "talks",
    "talk",
    "lectures",
    "lecture",
    "invited",
    "keynote",
    "keynotes",
    "presentations",
    "presentation",
    "teaching",
    "awards",
    "award",
    "honors",
    "honours",
    "and",
    "prizes",
    "patents",
    "patent",
    "education",
    "experience",
    "professional",
    "employment",
    "skills",
    "projects",
    "project",
    "research",
    "funded",
    "third",
    "party",
    "supervision",
    "guidance",
    "service",
    "services",
    "reviewing",
    "memberships",
    "membership",
    "languages",
    "references",
    "contact",
    "short",
    "bio",
    "biography",
    "summary",
    "of",
    "scientific",
    "impact",
    "interests",
    "activities",
    "academic",
    "grants",
    "funding",
    "positions",
    "appointments",
    "students",
    "supervised",
    "outreach",
    "media",
    "press",
    "personal",
    "information",
    "in",
    "the",
    "other",
    "selected",
    "committees",
    "committee",
    "organization",
    "organisation",
    "software",
    "tools",
    "certificates",
    "courses",
    "qualifications",
    "profile",
    "about",
    "me",
    "community",
    "editorial",
    "board",
    "boards",
];

/// Classifies a raw line as a heading, or returns `None` for ordinary text.
pub(crate) fn classify(raw: &str) -> Option<Heading> {
    let trimmed = raw.trim();
    if trimmed.is_empty() || trimmed.len() > 120 {
        return None;
    }
    let (marked, text) = strip_heading_marks(trimmed);
    let words = heading_words(text);
    if words.is_empty() || words.len() > 8 {
        return if marked { Some(Heading::Other) } else { None };
    }
    if words.iter().all(|w| is_publication_word(w)) {
        if let Some(kind) = publication_kind(&words) {
            return Some(Heading::Publications {
                kind,
                title: super::clean::finish(text.trim_end_matches(':')),
            });
        }
    }
    if words.iter().all(|w| OTHER_WORDS.contains(&w.as_str())) || marked {
        return Some(Heading::Other);
    }
    None
}

/// Strips `#` marks and whole-line bold; says whether the line was marked.
fn strip_heading_marks(line: &str) -> (bool, &str) {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if hashes > 0 && line[hashes..].starts_with(' ') {
        let inner = line[hashes..].trim();
        let inner = strip_bold(inner).unwrap_or(inner);
        return (true, inner);
    }
    match strip_bold(line) {
        Some(inner) => (true, inner),
        None => (false, line),
    }
}

fn strip_bold(s: &str) -> Option<&str> {
    let inner = s
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .or_else(|| s.strip_prefix("<b>").and_then(|t| t.strip_suffix("</b>")))?;
    (!inner.contains("**")).then_some(inner.trim())
}

/// Lower-case words of a heading; `&` counts as "and".
fn heading_words(text: &str) -> Vec<String> {
    text.replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The kind a publication heading names: `Some(None)` for a generic list
/// ("Publications"), `None` when no word names publications at all.
fn publication_kind(words: &[String]) -> Option<Option<Kind>> {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let mut kinds: Vec<Kind> = KIND_WORDS
        .iter()
        .filter(|(_, list)| has(list))
        .map(|(kind, _)| *kind)
        .collect();
    // "Book Chapters" names chapters, not books.
    if kinds.contains(&Kind::Chapter) {
        kinds.retain(|k| *k != Kind::Book);
    }
    // "Articles" alone (or "Refereed Articles") means journal articles.
    if kinds.is_empty() && has(&["article", "articles"]) && words.len() <= 3 {
        kinds.push(Kind::JournalArticle);
    }
    match kinds.as_slice() {
        [one] => Some(Some(*one)),
        [] if !has(GENERIC_WORDS) => None,
        _ => Some(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(line: &str) -> Option<Option<Kind>> {
        match classify(line) {
            Some(Heading::Publications { kind, .. }) => Some(kind),
            _ => None,
        }
    }

    #[test]
    fn publication_headings_in_every_syntax() {
        assert_eq!(
            kind_of("#### **Journal Articles**"),
            Some(Some(Kind::JournalArticle))
        );
        assert_eq!(
            kind_of("#### Journal Articles"),
            Some(Some(Kind::JournalArticle))
        );
        assert_eq!(
            kind_of("Journal Articles"),
            Some(Some(Kind::JournalArticle))
        );
        assert_eq!(
            kind_of("### **Contributions to Conference Proceedings and Workshops**"),
            Some(Some(Kind::ConferencePaper))
        );
        assert_eq!(kind_of("# **Preprints**"), Some(Some(Kind::Preprint)));
        assert_eq!(kind_of("## Books"), Some(Some(Kind::Book)));
        assert_eq!(kind_of("Book Chapters"), Some(Some(Kind::Chapter)));
        assert_eq!(kind_of("List of Publications"), Some(None));
        assert_eq!(kind_of("#### **Publications**"), Some(None));
    }

    #[test]
    fn other_sections_and_plain_text() {
        assert_eq!(classify("## Talks & Lectures"), Some(Heading::Other));
        assert_eq!(classify("Invited Lectures"), Some(Heading::Other));
        assert_eq!(
            classify("Summary of Scientific Impact"),
            Some(Heading::Other)
        );
        assert_eq!(classify("# Publications\t96\t76"), Some(Heading::Other));
        assert_eq!(
            classify("**Ethics Committee Member**"),
            Some(Heading::Other)
        );
        assert_eq!(
            classify("Accepted for publication in *Nature Machine Intelligence*"),
            None
        );
        assert_eq!(classify("Best Paper Award Winner"), None);
        assert_eq!(
            classify("In: Proceedings of the IJCAI Workshops 2025: XAI Workshop."),
            None
        );
        assert_eq!(classify("1. Hedström A (2024)."), None);
    }
}
