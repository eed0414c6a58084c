//! CSL-JSON records following the output contract in DESIGN.md: the standard
//! variables plus a `custom` object with `sources`, `arxiv` and `openreview`.
//!
//! Our own serde structs rather than `citationberg::json::Item`: the contract
//! fixes the field order and the `custom` object, and parsing must not need
//! the `csl` feature's dependencies.

use serde::{Deserialize, Serialize};

use crate::keys;
use crate::model::{Kind, LinkKind, Person, Reference};

/// A CSL name.
///
/// ```
/// use publist::csl::CslName;
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
/// use publist::csl::CslDate;
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
/// let parsed = publist::parse::cv("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001\n", "cv.md");
/// let csl = publist::csl::to_csl(&parsed.references[0], "bach2020");
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
/// let parsed = publist::parse::cv("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001. [Code](https://github.com/x/y)\n", "cv.md");
/// let csl = publist::csl::to_csl(&parsed.references[0], "bach2020");
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
/// let parsed = publist::parse::cv("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001v2\n", "cv.md");
/// let custom = publist::csl::to_csl(&parsed.references[0], "k").custom;
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
/// use publist::csl::CslItem;
/// let parsed = publist::parse::cv("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md");
/// let item: CslItem = publist::csl::to_csl(&parsed.references[0], "bach2015");
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
    /// publist's extras.
    #[serde(default)]
    pub custom: CslCustom,
}

fn csl_type(kind: Kind) -> &'static str {
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

fn csl_name(p: &Person) -> CslName {
    CslName {
        family: Some(p.family.clone()),
        given: p.given.clone(),
        non_dropping_particle: p.particle.clone(),
        suffix: p.suffix.clone(),
        literal: None,
    }
}

/// Converts one reference to a CSL-JSON item with the given id.
///
/// ```
/// use publist::{csl, Kind, Reference};
/// let mut r = Reference::new(Kind::Preprint, "DualView");
/// r.ids.arxiv = Some("2402.12118".parse().unwrap());
/// let item = csl::to_csl(&r, "yolcu2024dualview");
/// assert_eq!(item.kind, "article");
/// assert_eq!(item.publisher.as_deref(), Some("arXiv"));
/// assert_eq!(item.number.as_deref(), Some("arXiv:2402.12118"));
/// assert_eq!(item.custom.arxiv.as_deref(), Some("2402.12118"));
/// ```
pub fn to_csl(r: &Reference, id: &str) -> CslItem {
    let arxiv_preprint = r.kind == Kind::Preprint && r.ids.arxiv.is_some();
    let openreview_preprint =
        r.kind == Kind::Preprint && r.ids.arxiv.is_none() && r.ids.openreview.is_some();
    let (publisher, number) = if arxiv_preprint {
        (
            Some("arXiv".to_string()),
            r.ids.arxiv.as_ref().map(|a| format!("arXiv:{a}")),
        )
    } else if openreview_preprint {
        (
            r.publisher
                .clone()
                .or_else(|| Some("OpenReview".to_string())),
            r.article_number.clone(),
        )
    } else {
        (r.publisher.clone(), r.article_number.clone())
    };
    let url = r
        .links
        .iter()
        .find(|l| !matches!(l.kind, LinkKind::Code | LinkKind::Resource | LinkKind::Demo))
        .map(|l| l.url.clone());
    let notes: Vec<&str> = r.notes.iter().map(|n| n.text.as_str()).collect();
    CslItem {
        id: id.to_string(),
        kind: csl_type(r.kind).to_string(),
        title: Some(r.title.clone()).filter(|t| !t.is_empty()),
        author: r.authors.iter().map(csl_name).collect(),
        editor: r.editors.iter().map(csl_name).collect(),
        issued: r.issued.map(|d| {
            let mut parts = vec![d.year];
            if let Some(m) = d.month {
                parts.push(i32::from(m));
                if let Some(day) = d.day {
                    parts.push(i32::from(day));
                }
            }
            CslDate {
                date_parts: vec![parts],
            }
        }),
        container_title: r.container.clone(),
        collection_title: r.series.clone(),
        volume: r.volume.clone(),
        issue: r.issue.clone(),
        page: r.pages.as_ref().map(|p| p.to_csl()),
        number,
        publisher,
        publisher_place: r.place.clone(),
        doi: r.ids.doi.as_ref().map(|d| d.to_string()),
        isbn: (!r.ids.isbn.is_empty()).then(|| {
            r.ids
                .isbn
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        }),
        issn: r.ids.issn.as_ref().map(|i| i.to_string()),
        url,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
        custom: CslCustom {
            sources: r
                .sources
                .iter()
                .map(|s| CslSource {
                    file: s.source.clone(),
                    line: s.line,
                    key: s.key.clone(),
                })
                .collect(),
            arxiv: r.ids.arxiv.as_ref().map(|a| a.to_string()),
            openreview: r.ids.openreview.as_ref().map(|o| o.to_string()),
            links: r
                .links
                .iter()
                .map(|l| CslLink {
                    url: l.url.clone(),
                    kind: l.kind,
                })
                .collect(),
        },
    }
}

/// Converts references to a pretty-printed CSL-JSON array, with unique keys as ids.
///
/// ```
/// let parsed = publist::parse::cv("## Books\n1. Longo L, editors (2024). \"XAI\". Springer, Cham\n", "cv.md");
/// let json = publist::csl::to_csl_json(&parsed.references);
/// assert!(json.contains("\"type\": \"book\""));
/// assert!(json.contains("\"publisher-place\": \"Cham\""));
/// ```
pub fn to_csl_json(refs: &[Reference]) -> String {
    let keys = keys::assign(refs);
    let items: Vec<CslItem> = refs.iter().zip(&keys).map(|(r, k)| to_csl(r, k)).collect();
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string())
}
