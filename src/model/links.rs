//! Links and what they point to.

use serde::{Deserialize, Serialize};

/// What a link points to.
///
/// ```
/// let cv = "## Journal Articles\n1. Achtibat R, Dreyer M and Lapuschkin S (2023). \"From Attribution Maps to Human-understandable Explanations\". \
///           In: *Nature Machine Intelligence* 5(9):1006-1019. [Code](https://github.com/rachtibat/zennit-crp). Best Paper Award\n";
/// let r = &publist::cv::read(cv, "cv.md").references[0];
/// assert_eq!(r.links[0].kind, publist::LinkKind::Code);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum LinkKind {
    /// A code repository (GitHub, GitLab, ...).
    Code,
    /// A demo, marked as such in the source.
    Demo,
    /// The arXiv page of the work.
    Arxiv,
    /// The OpenReview page of the work.
    #[serde(rename = "openreview")]
    OpenReview,
    /// A DOI resolver link.
    Doi,
    /// Models or data sets (Hugging Face, Zenodo, ...).
    Resource,
    /// Any other page (project page, publisher page, ...).
    Page,
}

impl LinkKind {
    const ALL: [LinkKind; 7] = [
        LinkKind::Code,
        LinkKind::Demo,
        LinkKind::Arxiv,
        LinkKind::OpenReview,
        LinkKind::Doi,
        LinkKind::Resource,
        LinkKind::Page,
    ];

    /// Classifies a URL by its host: code hosts, arXiv, OpenReview, DOI
    /// resolvers, data and model hubs, any other page.
    ///
    /// ```
    /// use publist::LinkKind;
    /// assert_eq!(LinkKind::classify("https://github.com/x/y"), LinkKind::Code);
    /// assert_eq!(LinkKind::classify("https://doi.org/10.1/x"), LinkKind::Doi);
    /// assert_eq!(LinkKind::classify("https://www.example.org/paper.pdf"), LinkKind::Page);
    /// ```
    pub fn classify(url: &str) -> LinkKind {
        let lower = url.to_ascii_lowercase();
        let host = lower
            .split("://")
            .nth(1)
            .unwrap_or(&lower)
            .split('/')
            .next()
            .unwrap_or("");
        let host = host.strip_prefix("www.").unwrap_or(host);
        match host {
            "github.com" | "gitlab.com" | "bitbucket.org" | "codeberg.org" | "git.sr.ht" => {
                LinkKind::Code
            }
            "arxiv.org" | "export.arxiv.org" => LinkKind::Arxiv,
            "openreview.net" => LinkKind::OpenReview,
            "doi.org" | "dx.doi.org" => LinkKind::Doi,
            "huggingface.co" | "zenodo.org" | "kaggle.com" | "figshare.com" => LinkKind::Resource,
            _ => LinkKind::Page,
        }
    }

    /// The name used in every format publist writes (`code`, `openreview`, ...).
    ///
    /// ```
    /// use publist::LinkKind;
    /// assert_eq!(LinkKind::OpenReview.name(), "openreview");
    /// assert_eq!(LinkKind::from_name("code"), Some(LinkKind::Code));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Code => "code",
            LinkKind::Demo => "demo",
            LinkKind::Arxiv => "arxiv",
            LinkKind::OpenReview => "openreview",
            LinkKind::Doi => "doi",
            LinkKind::Resource => "resource",
            LinkKind::Page => "page",
        }
    }

    /// The kind with this [`LinkKind::name`].
    ///
    /// ```
    /// use publist::LinkKind;
    /// assert_eq!(LinkKind::from_name("openreview"), Some(LinkKind::OpenReview));
    /// assert_eq!(LinkKind::from_name("github"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<LinkKind> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A link attached to a reference.
///
/// ```
/// let cv = "## Journal Articles\n1. Achtibat R, Dreyer M and Lapuschkin S (2023). \"From Attribution Maps to Human-understandable Explanations\". \
///           In: *Nature Machine Intelligence* 5(9):1006-1019. [Code](https://github.com/rachtibat/zennit-crp). Best Paper Award\n";
/// let r = &publist::cv::read(cv, "cv.md").references[0];
/// assert_eq!(r.links[0].url, "https://github.com/rachtibat/zennit-crp");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Link {
    /// The URL.
    pub url: String,
    /// What it points to.
    pub kind: LinkKind,
}
