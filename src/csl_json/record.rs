//! CSL-JSON records following the output contract in DESIGN.md: the standard
//! variables plus a `custom` object with `sources`, `arxiv` and `openreview`.
//!
//! Our own serde structs rather than `citationberg::json::Item`: the contract
//! fixes the field order and the `custom` object, and parsing must not need
//! the `csl` feature's dependencies.

use serde::{Deserialize, Serialize};

use crate::model::{Kind, LinkKind};

/// A CSL name.
///
/// ```
/// use publist::csl_json::CslName;
/// let name: CslName = serde_json::from_str(r#"{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}"#).unwrap();
/// assert_eq!(name.non_dropping_particle.as_deref(), Some("van"));
/// assert_eq!(serde_json::to_string(&name).unwrap(), r#"{"family":"Beethoven","given":"Ludwig","non-dropping-particle":"van"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CslName {
    /// Family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Given names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A particle dropped when the name is inverted (`van` of `Ludwig van Beethoven` in some styles).
    #[serde(
        rename = "dropping-particle",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dropping_particle: Option<String>,
    /// Particle such as `de`, `van der`.
    #[serde(
        rename = "non-dropping-particle",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub non_dropping_particle: Option<String>,
    /// Suffix such as `Jr.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// A name that is not split (organisations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
}

/// A CSL date (`{"date-parts": [[2025, 6]]}`).
///
/// ```
/// use publist::csl_json::CslDate;
/// let date = CslDate { date_parts: vec![vec![2025, 6]] };
/// assert_eq!(serde_json::to_string(&date).unwrap(), r#"{"date-parts":[[2025,6]]}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CslDate {
    /// Year, month, day.
    #[serde(rename = "date-parts")]
    pub date_parts: Vec<Vec<i32>>,
}

/// One input item a record stands for.
///
/// ```
/// let parsed = publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001\n", "cv.md");
/// let csl = publist::csl_json::to_csl(&parsed.references[0], "bach2020");
/// assert_eq!(csl.custom.sources[0].file, "cv.md");
/// assert_eq!(csl.custom.sources[0].line, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CslSource {
    /// The source as given (a path on the command line).
    pub file: String,
    /// 1-based line where the item starts.
    pub line: usize,
    /// The item's citation key in its source, for .bib input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// A link in `custom.links`.
///
/// ```
/// use publist::model::LinkKind;
/// let parsed = publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001. [Code](https://github.com/x/y)\n", "cv.md");
/// let csl = publist::csl_json::to_csl(&parsed.references[0], "bach2020");
/// assert_eq!(csl.custom.links[0].url, "https://github.com/x/y");
/// assert_eq!(csl.custom.links[0].kind, LinkKind::Code);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CslLink {
    /// The URL.
    pub url: String,
    /// What it points to.
    pub kind: LinkKind,
}

/// publist's `custom` object.
///
/// ```
/// let parsed = publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001v2\n", "cv.md");
/// let custom = publist::csl_json::to_csl(&parsed.references[0], "k").custom;
/// assert_eq!(custom.arxiv.as_deref(), Some("2001.00001"));
/// assert!(serde_json::to_string(&custom).unwrap().starts_with(r#"{"sources":[{"file":"cv.md","line":2}]"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CslCustom {
    /// Every input item the record stands for.
    #[serde(default)]
    pub sources: Vec<CslSource>,
    /// arXiv id without version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arxiv: Option<String>,
    /// OpenReview id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openreview: Option<String>,
    /// All links, classified.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<CslLink>,
}

/// A CSL-JSON item.
///
/// ```
/// use publist::csl_json::CslItem;
/// let parsed = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md");
/// let item: CslItem = publist::csl_json::to_csl(&parsed.references[0], "bach2015");
/// assert_eq!(item.kind, "article-journal");
/// assert_eq!(item.container_title.as_deref(), Some("PLoS ONE"));
/// assert_eq!(item.author[1].family.as_deref(), Some("Samek"));
/// let json = serde_json::to_string(&item).unwrap();
/// assert_eq!(serde_json::from_str::<CslItem>(&json).unwrap(), item);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CslItem {
    /// Citation key.
    pub id: String,
    /// CSL type (`article-journal`, `paper-conference`, `book`, `chapter`, `article`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<CslName>,
    /// Editors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editor: Vec<CslName>,
    /// Date of issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<CslDate>,
    /// Journal, proceedings or book title.
    #[serde(
        rename = "container-title",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_title: Option<String>,
    /// Series.
    #[serde(
        rename = "collection-title",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub collection_title: Option<String>,
    /// Volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// Pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Article number, or `arXiv:ID` for preprints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Publisher (`arXiv` for arXiv preprints).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Publisher's place.
    #[serde(
        rename = "publisher-place",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub publisher_place: Option<String>,
    /// DOI.
    #[serde(rename = "DOI", default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// ISBNs, space-separated.
    #[serde(rename = "ISBN", default, skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
    /// ISSN.
    #[serde(rename = "ISSN", default, skip_serializing_if = "Option::is_none")]
    pub issn: Option<String>,
    /// The main link (not a code repository).
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Notes, joined by `; `.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Every other CSL variable (`accessed`, `authority`, `event-title`,
    /// `genre`, ...) and every variable of a CSL-JSON input that the fields
    /// above do not hold, as read (or mapped from a .bib entry's fields).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// publist's extras.
    #[serde(default)]
    pub custom: CslCustom,
}

/// The CSL type written for a reference of this kind.
pub(super) fn csl_type(kind: Kind) -> &'static str {
    match kind {
        Kind::JournalArticle => "article-journal",
        Kind::ConferencePaper => "paper-conference",
        Kind::Book => "book",
        Kind::Chapter => "chapter",
        Kind::Preprint => "article",
        Kind::Thesis => "thesis",
        Kind::Patent => "patent",
        Kind::Talk => "speech",
        _ => "document",
    }
}
