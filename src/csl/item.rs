//! Our model as `citationberg::json::Item`, the input hayagriva renders.
//!
//! The item is built from the same [`CslItem`] that `publist parse` prints,
//! so what is rendered is exactly what is exported: preprints as `article`
//! with `publisher: arXiv` and `number: arXiv:ID`, conference papers with the
//! proceedings as `container-title` (no duplicated event title), editors,
//! pages, DOI and URL.

use hayagriva::citationberg::json::Item;

use super::json::{to_csl, CslItem};
use crate::model::Reference;

/// Converts a reference to a CSL-JSON item for rendering, with the given id.
///
/// ```
/// use publist::{Kind, Reference};
/// let mut r = Reference::new(Kind::Preprint, "DualView");
/// r.ids.arxiv = Some("2402.12118".parse().unwrap());
/// let item = publist::csl::to_item(&r, "k");
/// assert_eq!(item.type_().as_deref(), Some("article"));
/// ```
pub fn to_item(r: &Reference, id: &str) -> Item {
    item_from_csl(&to_csl(r, id))
}

/// Converts an exported CSL-JSON record; the `custom` object (publist's
/// provenance) is not a CSL variable and is left out.
///
/// ```
/// let parsed = publist::parse::cv("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001\n", "cv.md");
/// let csl = publist::csl::to_csl(&parsed.references[0], "k");
/// let item = publist::csl::item_from_csl(&csl);
/// assert_eq!(item.id().as_deref(), Some("k"));
/// assert_eq!(item.type_().as_deref(), Some("article"));
/// ```
pub fn item_from_csl(csl: &CslItem) -> Item {
    let mut value = serde_json::to_value(csl).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.remove("custom");
    }
    // Every variable of a CslItem is a string, a name list or a date, all of
    // which citationberg reads; a failure here would be a bug in this module.
    serde_json::from_value(value).unwrap_or_else(|_| Item(Default::default()))
}
