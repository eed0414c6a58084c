//! Which headings open a publication list, and what they say about its items.
//!
//! A heading is read as a bag of words against a vocabulary (English,
//! German, French, Spanish, Portuguese, Italian), never against a list of
//! exact titles: "Refereed publications", "Published Papers", "Research
//! Output", "Veröffentlichungen", "Artículos en revistas", "Other
//! Communications" all name publications; "Conference talks", "Teaching",
//! "Fellowships & Grants -- In Review" do not. Year headings (`2024`) and
//! status headings ("In press", "Under review") are hints for the items below
//! them, never the end of a section.
//!
//! A line that is marked as a heading (`#`, `\section`, `<h2>`, a whole-line
//! bold paragraph) may contain other words ("Publications in Ecology"); a
//! plain line counts only when all its words are heading words, so that
//! item lines such as "Accepted for publication in Nature" never count.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Location};
use crate::text::fold;

/// A publication status a heading names ("In press", "Under review").
///
/// ```
/// let e = publist::cv::entries("## Publications\n### Under review\n1. Bach S (2025). \"T\".\n", "cv.md");
/// assert_eq!(e.entries[0].status, Some(publist::cv::Status::UnderReview));
/// assert_eq!(publist::cv::Status::UnderReview.as_str(), "under review");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// "Accepted", "Accepted for publication".
    Accepted,
    /// "In press", "Im Druck", "Sous presse", "En prensa", "No prelo".
    InPress,
    /// "Forthcoming", "To appear".
    Forthcoming,
    /// "Under review", "In review", "In revision".
    UnderReview,
    /// "Submitted", "Eingereicht", "Soumis".
    Submitted,
    /// "In preparation", "In Vorbereitung".
    InPreparation,
}

impl Status {
    /// The status as a note would say it ("in press").
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Accepted => "accepted",
            Status::InPress => "in press",
            Status::Forthcoming => "forthcoming",
            Status::UnderReview => "under review",
            Status::Submitted => "submitted",
            Status::InPreparation => "in preparation",
        }
    }
}

/// What a heading says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Heading {
    /// A list of publications; `kind` when the heading names one, `status`
    /// when it names one ("In press").
    Publications {
        kind: Option<Kind>,
        status: Option<Status>,
        title: String,
    },
    /// A year (`2024`) or a span of years (`2019–2021`, `Since 2020`): a hint.
    Year(Option<i32>),
    /// A section that is not a publication list (talks, teaching, ...).
    Other { title: String },
    /// A marked heading that says nothing either way (a name, a topic).
    Neutral,
}

/// Words that name a kind of publication (folded: no accents, lower case).
#[rustfmt::skip]
const KIND_WORDS: &[(Kind, &[&str])] = &[
    (
        Kind::Chapter,
        &[
            "chapter", "chapters", "kapitel", "buchkapitel", "chapitre", "chapitres", "capitulo",
            "capitulos", "capitoli", "capitolo",
        ],
    ),
    (
        Kind::Book,
        &[
            "book", "books", "edited", "volume", "volumes", "monograph", "monographs", "bucher",
            "buch", "monographien", "monografien", "sammelbande", "herausgeberschaften", "livre",
            "livres", "ouvrages", "ouvrage", "libro", "libros", "livro", "livros", "monografias",
            "libri",
        ],
    ),
    (
        Kind::JournalArticle,
        &[
            "journal", "journals", "zeitschriften", "zeitschriftenartikel",
            "zeitschriftenbeitrage", "fachzeitschriften", "revue", "revues", "revista", "revistas",
            "periodicos", "riviste", "rivista",
        ],
    ),
    (
        Kind::ConferencePaper,
        &[
            "conference", "conferences", "proceedings", "workshop", "workshops", "symposium",
            "symposia", "konferenzbeitrage", "tagungsbeitrage", "tagungsbande", "konferenz",
            "konferenzen", "tagungen", "conference", "congres", "colloques", "actes", "congresos",
            "conferencias", "congressos", "anais", "atti", "convegni",
        ],
    ),
    (
        Kind::Preprint,
        &[
            "preprint", "preprints", "working", "manuscripts", "report", "reports",
            "arbeitspapiere", "discussion", "prepublications", "prepublicacions",
        ],
    ),
    (
        Kind::Thesis,
        &[
            "thesis", "theses", "dissertation", "dissertations", "doktorarbeit", "these", "theses",
            "tesis", "tese", "teses", "dissertacao", "tesi",
        ],
    ),
];

/// Kind words that alone name an activity rather than papers ("Workshops --
/// Organizer", "Conferences attended"); with a publication word they name papers.
#[rustfmt::skip]
const ACTIVITY_KIND_WORDS: &[&str] = &[
    "conference", "conferences", "workshop", "workshops", "symposium", "symposia", "konferenz",
    "konferenzen", "tagungen", "congres", "colloques", "congresos", "conferencias", "congressos",
    "convegni",
];

/// Words that name publications without saying which kind.
#[rustfmt::skip]
const GENERIC_WORDS: &[&str] = &[
    "publication", "publications", "paper", "papers", "contribution", "contributions", "article",
    "articles", "bibliography", "output", "outputs", "writings", "works", "communications",
    "publikationen", "publikationsliste", "veroffentlichungen", "schriften",
    "schriftenverzeichnis", "aufsatze", "artikel", "beitrage", "publicacoes", "publicaciones",
    "artigos", "articulos", "trabajos", "trabalhos", "produccion", "producao", "pubblicazioni",
    "articoli", "travaux", "scientifiques", "bibliographie", "bibliografia",
];

/// Other words a publication heading may contain.
#[rustfmt::skip]
const GLUE_WORDS: &[&str] = &[
    "to", "in", "and", "of", "the", "on", "at", "for", "peer", "reviewed", "refereed", "selected",
    "list", "other", "recent", "full", "short", "international", "national", "technical", "non",
    "archival", "abstracts", "scientific", "published", "research", "academic", "major", "key",
    "invited", "popular", "science", "scholarly", "chronological", "complete", "main", "und", "in",
    "der", "die", "des", "mit", "begutachtete", "referierte", "wissenschaftliche", "ausgewahlte",
    "weitere", "sonstige", "et", "de", "la", "le", "les", "des", "du", "a", "avec", "comite",
    "lecture", "dans", "autres", "choisies", "y", "en", "el", "los", "las", "del", "con",
    "arbitraje", "arbitrados", "indexadas", "otras", "otros", "e", "em", "do", "da", "dos", "das",
    "com", "arbitragem", "outras", "outros", "cientificos", "cientificas", "cientifica",
    "cientifico", "scientifiche", "di", "e", "altre", "i", "il", "nelle", "recensiti", "revisione",
];

/// Words of status headings ("In press", "Under review", "Submitted").
fn status_of(words: &[String]) -> Option<Status> {
    let has = |w: &str| words.iter().any(|x| x == w);
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    let in_press = pair("in", "press") || has("druck") || pair("sous", "presse");
    if in_press || pair("no", "prelo") || pair("en", "prensa") {
        Some(Status::InPress)
    } else if pair("under", "review") || pair("in", "review") || pair("in", "revision") {
        Some(Status::UnderReview)
    } else if has("submitted") || has("eingereicht") || has("soumis") || has("enviados") {
        Some(Status::Submitted)
    } else if pair("in", "preparation") || has("preparation") || has("vorbereitung") {
        Some(Status::InPreparation)
    } else if has("accepted") || has("angenommen") || has("acceptes") || has("aceptados") {
        Some(Status::Accepted)
    } else if has("forthcoming") || pair("to", "appear") {
        Some(Status::Forthcoming)
    } else {
        None
    }
}

/// Words of a status phrase: they are heading words when a status is read.
#[rustfmt::skip]
const STATUS_WORDS: &[&str] = &[
    "in", "press", "under", "review", "revision", "submitted", "preparation", "accepted",
    "forthcoming", "to", "appear", "im", "druck", "sous", "presse", "no", "prelo", "en", "prensa",
    "eingereicht", "soumis", "enviados", "vorbereitung", "angenommen", "acceptes", "aceptados",
];

/// Words of sections that are not publication lists.
#[rustfmt::skip]
const OTHER_WORDS: &[&str] = &[
    "talks", "talk", "lectures", "lecture", "keynote", "keynotes", "presentations", "presentation",
    "posters", "poster", "seminars", "teaching", "awards", "award", "honors", "honours", "prizes",
    "prize", "patents", "patent", "education", "experience", "professional", "employment",
    "skills", "projects", "project", "funded", "third", "party", "supervision", "guidance",
    "service", "services", "reviewing", "memberships", "membership", "languages", "references",
    "referees", "contact", "bio", "biography", "summary", "impact", "interests", "activities",
    "grants", "grant", "funding", "fellowships", "fellowship", "scholarships", "positions",
    "appointments", "students", "supervised", "mentoring", "outreach", "media", "personal",
    "information", "committees", "committee", "organization", "organisation", "organizer",
    "organizers", "organiser", "participant", "internships", "software", "tools", "code",
    "datasets", "certificates", "courses", "qualifications", "profile", "about", "me", "community",
    "editorial", "board", "boards", "metrics", "citations", "coursework", "training", "vortrage",
    "vortrag", "lehre", "ausbildung", "berufserfahrung", "preise", "auszeichnungen", "forderung",
    "drittmittel", "enseignement", "formation", "experience", "prix", "distinctions",
    "exposes", "docencia", "formacion", "experiencia", "premios", "ponencias", "charlas", "ensino",
    "formacao", "experiencia", "premios", "palestras", "insegnamento", "premi", "relazioni", "hobbies", "volunteer", "leadership", "news", "blog", "home",
    "contents", "index", "navigation", "menu",
];

/// Other words that name talks: a list of "Publications and talks" is read.
#[rustfmt::skip]
const TALK_WORDS: &[&str] = &[
    "talks", "talk", "lectures", "lecture", "keynote", "keynotes", "presentations", "presentation",
    "posters", "poster", "seminars", "vortrage", "ponencias", "palestras",
];

/// Lower-case, accent-folded words of a heading; `&` counts as "and".
fn heading_words(text: &str) -> Vec<String> {
    text.replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A German compound ending in a publication word: "Zeitschriftenartikel",
/// "Konferenzbeiträge", "Publikationsliste".
fn compound_kind(w: &str) -> Option<Option<Kind>> {
    if w.len() < 9 {
        return None;
    }
    let generic = [
        "artikel",
        "beitrage",
        "publikationen",
        "veroffentlichungen",
        "schriften",
    ];
    if !generic.iter().any(|g| w.ends_with(g)) {
        return None;
    }
    Some(if w.starts_with("zeitschrift") {
        Some(Kind::JournalArticle)
    } else if w.starts_with("konferenz") || w.starts_with("tagung") {
        Some(Kind::ConferencePaper)
    } else if w.starts_with("buch") || w.starts_with("sammelband") {
        Some(Kind::Chapter)
    } else {
        None
    })
}

/// Whether every word of a text (after any section number) may stand in a
/// heading: a quick test, without cleaning the line, that never refuses what
/// [`classify_heading`] reads as an unmarked heading.
fn words_fit(text: &str) -> bool {
    let numeral = |w: &str| {
        (w.bytes().all(|b| b.is_ascii_digit()) && !is_year(w))
            || w.chars().count() == 1
            || w.bytes().all(|b| b"IVXLC".contains(&b))
    };
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip_while(|w| numeral(w));
    words.all(|w| {
        if w.bytes().any(|b| b.is_ascii_digit()) {
            is_year(w) || (w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit()))
        } else {
            is_heading_word(&fold(w))
        }
    })
}

/// Whether a word may stand in a heading at all (any list, a year, a filler).
fn is_heading_word(w: &str) -> bool {
    kind_of_word(w).is_some()
        || compound_kind(w).is_some()
        || GENERIC_WORDS.contains(&w)
        || STATUS_WORDS.contains(&w)
        || OTHER_WORDS.contains(&w)
        || GLUE_WORDS.contains(&w)
        || is_year(w)
        || YEAR_FILLERS.contains(&w)
        || w == "articles"
}

fn kind_of_word(w: &str) -> Option<Kind> {
    KIND_WORDS
        .iter()
        .find(|(_, list)| list.contains(&w))
        .map(|(k, _)| *k)
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// Words that stand beside years in a year heading ("Since 2020", "2019 and earlier").
const YEAR_FILLERS: &[&str] = &[
    "since", "present", "and", "earlier", "before", "after", "prior", "to", "seit", "depuis",
    "desde", "heute", "today", "now", "current", "older", "bis", "from",
];

/// A heading of years only: `2024`, `2019–2021`, `2015--17`, `Since 2020`,
/// `2020 - present`, `2019 and earlier`.
fn year_heading(words: &[String]) -> Option<Heading> {
    let years: Vec<&String> = words.iter().filter(|w| is_year(w)).collect();
    if years.is_empty() {
        return None;
    }
    let ok = words.iter().all(|w| {
        is_year(w)
            || YEAR_FILLERS.contains(&w.as_str())
            || (w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit()))
    });
    if !ok {
        return None;
    }
    Some(if words.len() == 1 {
        Heading::Year(years[0].parse().ok())
    } else {
        Heading::Year(None)
    })
}

/// Classifies the text of a heading. `marked`: the syntax says it is a
/// heading (`#`, `\section`, `<h3>`, a whole-line bold paragraph); an
/// unmarked line is a heading only when all its words are heading words.
/// `None`: an unmarked line that is ordinary text.
pub(crate) fn classify_heading(text: &str, marked: bool) -> Option<Heading> {
    // Most lines of a file are long text: no heading.
    if text.len() > 240 || (!marked && text.split_whitespace().nth(20).is_some()) {
        return marked.then_some(Heading::Neutral);
    }
    // An unmarked line is a heading only when every word is a heading word:
    // most lines fail at their first words, so look at them before all else.
    if !marked && !words_fit(text) {
        return None;
    }
    let title = super::clean::finish(text.trim().trim_end_matches(':').trim());
    let title = strip_section_number(&title).to_string();
    if title.is_empty() || title.len() > 120 {
        return marked.then_some(Heading::Neutral);
    }
    let words = heading_words(&title);
    if words.is_empty() || words.len() > 10 {
        return marked.then_some(Heading::Neutral);
    }
    if let Some(h) = year_heading(&words) {
        return Some(h);
    }
    // A heading with numbers that are not years is a table row ("Publications 96 76").
    if words
        .iter()
        .any(|w| w.bytes().any(|b| b.is_ascii_digit()) && !is_year(w))
    {
        return marked.then_some(Heading::Neutral);
    }
    let status = status_of(&words);
    let mut kinds: Vec<Kind> = Vec::new();
    let mut generic = false;
    let mut talks = false;
    let mut non_talk_other = false;
    let mut other = false;
    let mut activity_only = true;
    let mut unknown = 0;
    for w in &words {
        if let Some(k) = kind_of_word(w) {
            kinds.push(k);
            if !ACTIVITY_KIND_WORDS.contains(&w.as_str()) {
                activity_only = false;
            }
        } else if let Some(k) = compound_kind(w) {
            kinds.extend(k);
            generic = true;
        } else if GENERIC_WORDS.contains(&w.as_str()) {
            generic = true;
        } else if status.is_some() && STATUS_WORDS.contains(&w.as_str()) {
        } else if OTHER_WORDS.contains(&w.as_str()) {
            other = true;
            if TALK_WORDS.contains(&w.as_str()) {
                talks = true;
            } else {
                non_talk_other = true;
            }
        } else if !GLUE_WORDS.contains(&w.as_str()) {
            unknown += 1;
        }
    }
    // "Book Chapters" names chapters, not books.
    if kinds.contains(&Kind::Chapter) {
        kinds.retain(|k| *k != Kind::Book);
    }
    kinds.dedup();
    // "Articles" alone (or "Refereed Articles") means journal articles.
    if kinds.is_empty()
        && words
            .iter()
            .any(|w| matches!(w.as_str(), "article" | "articles" | "artikel"))
        && words.len() <= 3
    {
        kinds.push(Kind::JournalArticle);
    }
    let names_kind = !kinds.is_empty() && (!activity_only || generic);
    let publications = (generic || names_kind || status.is_some())
        && (!other || (generic && talks && !non_talk_other));
    // An unmarked line must be all heading words, and a status alone ("In press.") is no heading.
    if publications && (marked || (unknown == 0 && (generic || names_kind))) {
        let kind = match kinds.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        return Some(Heading::Publications {
            kind,
            status,
            title,
        });
    }
    if other && (marked || unknown == 0) {
        return Some(Heading::Other { title });
    }
    if !kinds.is_empty() && marked {
        // "Workshops", "Conferences": activities.
        return Some(Heading::Other { title });
    }
    marked.then_some(Heading::Neutral)
}

/// The note for a section that is not read: one per section, at its heading.
pub(crate) fn skipped_section(source: &str, line: usize, title: &str) -> Diagnostic {
    Diagnostic::note(
        Code::SkippedSection,
        Location::new(source, line),
        format!("skipped section \"{title}\": not a publication list"),
    )
}

/// A heading without its section number: "3. Publications", "III. Papers",
/// "A. Journal articles", "2.1 Books" (a year stays: "2024").
fn strip_section_number(title: &str) -> &str {
    let Some((first, rest)) = title.split_once(' ') else {
        return title;
    };
    let rest = rest.trim_start();
    let numeral = first.trim_end_matches(['.', ')']);
    let arabic = !numeral.is_empty()
        && numeral.len() <= 5
        && numeral.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !(numeral.len() == 4 && is_year(numeral));
    let roman = first.ends_with(['.', ')'])
        && !numeral.is_empty()
        && numeral.bytes().all(|b| b"IVXLC".contains(&b));
    let letter = first.len() == 2
        && first.ends_with(['.', ')'])
        && numeral.bytes().all(|b| b.is_ascii_uppercase());
    if (arabic || roman || letter) && rest.chars().next().is_some_and(char::is_alphabetic) {
        rest
    } else {
        title
    }
}

/// Classifies a raw line of text: marked by `#` or whole-line bold, or plain.
pub(crate) fn classify_line(raw: &str) -> Option<Heading> {
    let trimmed = raw.trim();
    if trimmed.is_empty() || trimmed.len() > 120 {
        return None;
    }
    let (marked, text) = strip_heading_marks(trimmed);
    classify_heading(text, marked)
}

/// Strips `#` marks and whole-line bold; says whether the line was marked.
pub(crate) fn strip_heading_marks(line: &str) -> (bool, &str) {
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

/// The text of a whole-line bold line (`**Publications**`, `<b>Talks</b>`).
pub(crate) fn strip_bold(s: &str) -> Option<&str> {
    let inner = s
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .or_else(|| s.strip_prefix("<b>").and_then(|t| t.strip_suffix("</b>")))?;
    (!inner.contains("**")).then_some(inner.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(line: &str) -> Option<Option<Kind>> {
        match classify_line(line) {
            Some(Heading::Publications { kind, .. }) => Some(kind),
            _ => None,
        }
    }

    fn is_other(line: &str) -> bool {
        matches!(classify_line(line), Some(Heading::Other { .. }))
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
    fn wordings_and_languages() {
        for (h, kind) in [
            ("## Published Papers", None),
            ("## Refereed publications", None),
            ("## Research Output", None),
            ("## Bibliography", None),
            ("## Other Communications", None),
            ("## Selected Publications in Ecology", None),
            ("## Peer-reviewed Journals", Some(Kind::JournalArticle)),
            ("## Publikationen", None),
            ("## Veröffentlichungen", None),
            ("## Zeitschriftenartikel", Some(Kind::JournalArticle)),
            ("## Konferenzbeiträge", Some(Kind::ConferencePaper)),
            ("## Publications scientifiques", None),
            (
                "## Articles dans des revues à comité de lecture",
                Some(Kind::JournalArticle),
            ),
            ("## Publicaciones", None),
            ("## Artículos en revistas", Some(Kind::JournalArticle)),
            ("## Publicações", None),
            ("## Capítulos de livros", Some(Kind::Chapter)),
            ("## Working Papers", Some(Kind::Preprint)),
            ("## Publications and Presentations", None),
        ] {
            assert_eq!(kind_of(h), Some(kind), "{h}");
        }
    }

    #[test]
    fn status_and_year_headings_are_hints() {
        assert_eq!(
            classify_line("## In Review"),
            Some(Heading::Publications {
                kind: None,
                status: Some(Status::UnderReview),
                title: "In Review".into()
            })
        );
        assert!(matches!(
            classify_line("### Journal articles in press"),
            Some(Heading::Publications {
                kind: Some(Kind::JournalArticle),
                status: Some(Status::InPress),
                ..
            })
        ));
        assert_eq!(classify_line("### 2025"), Some(Heading::Year(Some(2025))));
        assert_eq!(classify_line("2024"), Some(Heading::Year(Some(2024))));
        assert_eq!(classify_line("### 2019–2021"), Some(Heading::Year(None)));
        assert_eq!(classify_line("### Since 2020"), Some(Heading::Year(None)));
    }

    #[test]
    fn other_sections_and_plain_text() {
        for h in [
            "## Talks & Lectures",
            "Invited Lectures",
            "Summary of Scientific Impact",
            "**Ethics Committee Member**",
            "## Conference talks",
            "## Fellowships & Grants -- In Review",
            "## Workshops -- Organizer",
            "## Workshops & Internships -- Participant",
            "## Software",
            "## Lehre",
            "## Enseignement",
            "## Best Paper Award",
        ] {
            assert!(is_other(h), "{h}: {:?}", classify_line(h));
        }
        assert_eq!(
            classify_line("# Publications\t96\t76"),
            Some(Heading::Neutral)
        );
        assert_eq!(
            classify_line("Accepted for publication in *Nature Machine Intelligence*"),
            None
        );
        assert_eq!(classify_line("Best Paper Award Winner"), None);
        assert_eq!(
            classify_line("In: Proceedings of the IJCAI Workshops 2025: XAI Workshop."),
            None
        );
        assert_eq!(classify_line("1. Hedström A (2024)."), None);
        assert_eq!(classify_line("In press."), None);
        assert_eq!(classify_line("## Dr. Jane Doe"), Some(Heading::Neutral));
        assert_eq!(kind_of("## 3. Publications"), Some(None));
        assert_eq!(
            kind_of("## III. Journal Papers"),
            Some(Some(Kind::JournalArticle))
        );
        assert_eq!(kind_of("### 2.1 Books"), Some(Some(Kind::Book)));
        assert_eq!(
            kind_of("A. Journal articles"),
            Some(Some(Kind::JournalArticle))
        );
    }
}
