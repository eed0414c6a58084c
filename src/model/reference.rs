//! The typed reference and its parts.

use serde::{Deserialize, Serialize};

use super::ids::{ArxivId, Doi, Isbn, Issn, OpenReviewId};
use super::links::Link;
use super::location::Location;
use super::notes::Note;
use super::pages::Pages;
use super::person::Person;

/// What kind of work a reference is.
///
/// ```
/// use publist::Kind;
/// let parsed = publist::cv::read("## Book Chapters\n1. Bach S (2019). \"Layer-wise Relevance Propagation\". In: *Explainable AI*, pp. 193-209\n", "cv.md");
/// assert_eq!(parsed.references[0].kind, Kind::Chapter);
/// assert_eq!(serde_json::to_string(&Kind::ConferencePaper).unwrap(), "\"conference-paper\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Kind {
    /// An article in a journal.
    JournalArticle,
    /// A paper in conference or workshop proceedings, or presented at a workshop.
    ConferencePaper,
    /// A book; an edited book when the reference has editors and no authors.
    Book,
    /// A chapter in a book.
    Chapter,
    /// A preprint (arXiv, OpenReview, ...), not (yet) published elsewhere.
    Preprint,
    /// A thesis.
    Thesis,
    /// A patent.
    Patent,
    /// A talk or lecture.
    Talk,
    /// Anything else.
    Misc,
}

impl Kind {
    /// A short English name ("journal article").
    ///
    /// ```
    /// assert_eq!(publist::Kind::Chapter.label(), "book chapter");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Kind::JournalArticle => "journal article",
            Kind::ConferencePaper => "conference paper",
            Kind::Book => "book",
            Kind::Chapter => "book chapter",
            Kind::Preprint => "preprint",
            Kind::Thesis => "thesis",
            Kind::Patent => "patent",
            Kind::Talk => "talk",
            Kind::Misc => "other",
        }
    }
}

/// A calendar date of which only the year is required.
///
/// ```
/// use publist::Date;
/// let june = Date { year: 2025, month: Some(6), day: None };
/// assert!(Date::year(2024) < june);
/// assert_eq!(serde_json::to_string(&june).unwrap(), r#"{"year":2025,"month":6}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The day of the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

impl Date {
    /// A date of which only the year is known.
    ///
    /// ```
    /// let d = publist::Date::year(2019);
    /// assert_eq!((d.year, d.month, d.day), (2019, None, None));
    /// ```
    pub fn year(year: i32) -> Self {
        Date {
            year,
            month: None,
            day: None,
        }
    }
}

/// Where a reference came from.
///
/// ```
/// let cv = "## Journal Articles\n1. Achtibat R, Dreyer M and Lapuschkin S (2023). \"From Attribution Maps to Human-understandable Explanations\". \
///           In: *Nature Machine Intelligence* 5(9):1006-1019. [Code](https://github.com/rachtibat/zennit-crp). Best Paper Award\n";
/// let r = &publist::cv::read(cv, "cv.md").references[0];
/// let p = &r.sources[0];
/// assert_eq!((&*p.at.source, p.at.line, p.number), ("cv.md", 2, Some(1)));
/// assert_eq!(p.section.as_deref(), Some("Journal Articles"));
/// assert!(p.text.starts_with("1. Achtibat R, Dreyer M"));
/// // In JSON the location's fields stand beside the others.
/// assert!(serde_json::to_string(p).unwrap().starts_with(r#"{"source":"cv.md","line":2,"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Provenance {
    /// The source and the 1-based line where the item starts.
    #[serde(flatten)]
    pub at: Location,
    /// The heading of the section the item is listed under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The item's number in its list, when numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The item's citation key in its source (.bib input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The item's text as it stands in the source (lines joined by `\n`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl Provenance {
    /// Provenance at `at`, with no section, number, key or text.
    ///
    /// ```
    /// use publist::{Location, Provenance};
    /// let p = Provenance::new(Location::new("refs.json", 4));
    /// assert_eq!(p.at.line, 4);
    /// assert!(p.key.is_none() && p.text.is_empty());
    /// ```
    pub fn new(at: Location) -> Self {
        Provenance {
            at,
            section: None,
            number: None,
            key: None,
            text: String::new(),
        }
    }
}

/// Identifiers of a work.
///
/// ```
/// let r = &publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: CoRR abs/2001.00001\n", "cv.md").references[0];
/// assert_eq!(r.ids.arxiv.as_ref().map(|id| id.as_str()), Some("2001.00001"));
/// assert!(r.ids.doi.is_none() && r.ids.isbn.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identifiers {
    /// arXiv id, without version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arxiv: Option<ArxivId>,
    /// OpenReview id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openreview: Option<OpenReviewId>,
    /// DOI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<Doi>,
    /// ISBNs (an edited book in several parts has several).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub isbn: Vec<Isbn>,
    /// ISSN of the container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issn: Option<Issn>,
}

/// One work: a typed, structured reference.
///
/// ```
/// use publist::{Kind, Reference};
/// let r = Reference::new(Kind::JournalArticle, "iNNvestigate Neural Networks!");
/// assert_eq!(r.kind, Kind::JournalArticle);
/// assert!(r.authors.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// What kind of work this is.
    pub kind: Kind,
    /// The title, markup removed.
    pub title: String,
    /// Authors in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Person>,
    /// Editors in order (edited books).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Person>,
    /// When it was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// Journal, proceedings or book title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<Box<str>>,
    /// Book series (`Lecture Notes in Electrical Engineering`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Box<str>>,
    /// Volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<Box<str>>,
    /// Issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<Box<str>>,
    /// Pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<Pages>,
    /// Article number (`e0130140`, `111171`, `dyac078`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_number: Option<Box<str>>,
    /// Publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Box<str>>,
    /// Publisher's place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Box<str>>,
    /// Identifiers.
    #[serde(default)]
    pub ids: Identifiers,
    /// Links (code, demos, pages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Notes (awards, acceptance, open access, status).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Where this reference came from: one entry per input item it stands for.
    #[serde(default)]
    pub sources: Vec<Provenance>,
    /// The record as its source wrote it (.bib entry, CSL-JSON item), with
    /// every field the typed ones above do not hold: what writers of the same
    /// format write back unchanged. `None` for CV items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<super::original::Original>,
}

impl Reference {
    /// An empty reference of the given kind and title.
    ///
    /// ```
    /// use publist::{Date, Kind, Person, Reference};
    /// let mut r = Reference::new(Kind::Book, "Explainable AI");
    /// r.editors.push(Person::new("Samek", Some("W.")));
    /// r.issued = Some(Date::year(2019));
    /// assert!(r.authors.is_empty() && r.sources.is_empty());
    /// ```
    pub fn new(kind: Kind, title: &str) -> Self {
        Reference {
            kind,
            title: title.to_string(),
            authors: Vec::new(),
            editors: Vec::new(),
            issued: None,
            container: None,
            series: None,
            volume: None,
            issue: None,
            pages: None,
            article_number: None,
            publisher: None,
            place: None,
            ids: Identifiers::default(),
            links: Vec::new(),
            notes: Vec::new(),
            sources: Vec::new(),
            original: None,
        }
    }

    /// The year of issue, if known.
    ///
    /// ```
    /// let cv = "## Journal Articles\n1. Achtibat R, Dreyer M and Lapuschkin S (2023). \"From Attribution Maps to Human-understandable Explanations\". \
    ///           In: *Nature Machine Intelligence* 5(9):1006-1019. [Code](https://github.com/rachtibat/zennit-crp). Best Paper Award\n";
    /// let r = &publist::cv::read(cv, "cv.md").references[0];
    /// assert_eq!(r.year(), Some(2023));
    /// assert_eq!(publist::Reference::new(publist::Kind::Misc, "t").year(), None);
    /// ```
    pub fn year(&self) -> Option<i32> {
        self.issued.map(|d| d.year)
    }
}
