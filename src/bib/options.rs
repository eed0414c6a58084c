//! What the .bib writer is asked for: the dialect, the keys, the extras.

use serde::{Deserialize, Serialize};

use crate::keys::KeyFormat;

/// Which .bib dialect to write.
///
/// ```
/// use publist::bib::{write, Dialect, WriteOptions};
/// let refs = publist::cv::read("## Preprints\n1. Müller K-R (2020). \"Title\". In: arXiv:2001.00001\n", "cv.md").references;
/// let biblatex = write(&refs, &WriteOptions::default());
/// assert!(biblatex.contains("eprinttype = {arxiv}") && biblatex.contains("Müller"));
/// let bibtex = write(&refs, &WriteOptions { dialect: Dialect::BibTex, ..Default::default() });
/// assert!(bibtex.contains("archiveprefix = {arXiv}") && bibtex.contains(r#"M{\"u}ller"#));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// BibLaTeX (biber): `date`, `journaltitle`, `location`, `eprinttype`, UTF-8.
    #[default]
    BibLatex,
    /// BibTeX: `year`/`month`, `journal`, `address`, `archiveprefix`, ASCII with accent commands.
    BibTex,
}

/// A name that is not a [`Dialect`].
///
/// ```
/// let e = "ris".parse::<publist::bib::Dialect>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown .bib dialect 'ris' (biblatex or bibtex)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown .bib dialect '{0}' (biblatex or bibtex)")]
pub struct UnknownDialect(pub String);

impl std::str::FromStr for Dialect {
    type Err = UnknownDialect;

    /// `biblatex` or `bibtex`, in any case.
    ///
    /// ```
    /// use publist::bib::Dialect;
    /// assert_eq!("BibTeX".parse(), Ok(Dialect::BibTex));
    /// assert_eq!("biblatex".parse(), Ok(Dialect::BibLatex));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "biblatex" => Ok(Dialect::BibLatex),
            "bibtex" => Ok(Dialect::BibTex),
            _ => Err(UnknownDialect(s.to_string())),
        }
    }
}

/// Options for [`write()`](crate::bib::write()).
///
/// ```
/// use publist::bib::{write, Dialect, WriteOptions};
/// let refs = publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001. [Code](https://github.com/x/y)\n", "cv.md").references;
/// let full = write(&refs, &WriteOptions::default());
/// assert!(full.contains("verba = "));
/// let plain = write(&refs, &WriteOptions { plain: true, dialect: Dialect::BibTex, ..Default::default() });
/// assert!(!plain.contains("verba = "));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteOptions {
    /// The dialect.
    pub dialect: Dialect,
    /// How citation keys are made.
    pub keys: KeyFormat,
    /// Leave out publist's own fields (`verba` with the classified links,
    /// `verbb` with an OpenReview id beside an arXiv id), which make the
    /// export lossless but mean nothing to LaTeX styles.
    pub plain: bool,
}
