//! hayagriva's YAML format.
//!
//! hayagriva's YAML describes its own `Entry` model, and hayagriva already
//! imports BibLaTeX into it; so the references go through our BibLaTeX
//! writer and hayagriva's importer rather than through a second hand-written
//! mapping of every field.

use crate::bib::WriteOptions;
use crate::error::{Error, ErrorKind};
use crate::model::Reference;

/// Writes references as hayagriva YAML (the input format of Typst bibliographies).
///
/// ```
/// let refs = publist::cv::read("## Journal Articles\n1. Bach S and Samek W (2015). \"Pixel-wise\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md").references;
/// let yaml = publist::yaml::write(&refs).unwrap();
/// assert!(yaml.starts_with("bach2015pixel:\n"));
/// assert!(yaml.contains("type: article"));
/// assert!(yaml.contains("title: Pixel-wise"));
/// ```
pub fn write(refs: &[Reference]) -> Result<String, Error> {
    let options = WriteOptions {
        plain: true,
        ..Default::default()
    };
    let bib = crate::bib::write(refs, &options);
    // .bib records are written back with every field as read, which
    // hayagriva's importer may refuse (an undefined `@string`, a date it
    // cannot parse): then they go from their typed fields only.
    let library = hayagriva::io::from_biblatex_str(&bib).or_else(|_| {
        let typed: Vec<Reference> = refs
            .iter()
            .map(|r| Reference {
                original: None,
                ..r.clone()
            })
            .collect();
        hayagriva::io::from_biblatex_str(&crate::bib::write(&typed, &options))
    });
    let library = library.map_err(|errors| {
        let first = errors.first().map(|e| format!("{e:?}")).unwrap_or_default();
        Error::new(
            ErrorKind::Syntax,
            "hayagriva",
            format!("hayagriva could not read the BibLaTeX export: {first}"),
        )
    })?;
    hayagriva::io::to_yaml_str(&library)
        .map_err(|e| Error::new(ErrorKind::Syntax, "hayagriva", e.to_string()))
}
