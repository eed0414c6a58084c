//! Formatting in the Citation Style Language: bibliographies, CV layouts
//! ([`Formatter::cv`], [`Formatter::cv_document`]) and publication pages
//! ([`Page`]) in any CSL style. publist's own CSL processor ([`Processor`],
//! which follows citeproc-js) renders, or on request hayagriva's engine
//! ([`Engine::Hayagriva`]); both are fed the typed [`Reference`]s. Styles come
//! from hayagriva's archive, `.csl` files, dependent styles resolved to their
//! parent, or the built-in `cv` style ([`load_style`], [`styles`]).
//!
//! CSL-JSON reading and writing live in [`crate::csl_json`]; the old paths
//! here are deprecated aliases.

#[cfg(feature = "csl")]
mod cv;
#[cfg(feature = "csl")]
mod format;
#[cfg(feature = "csl")]
mod hayagriva;
#[cfg(feature = "csl")]
mod markup;
#[cfg(feature = "csl")]
mod page;
#[cfg(feature = "csl")]
mod proc;
#[cfg(feature = "csl")]
mod style;

#[cfg(feature = "csl")]
pub use cv::{CvGroup, CvOptions, CvSection};
#[cfg(feature = "csl")]
pub use format::{Engine, FormattedEntry, Formatter, UnknownEngine};
#[cfg(feature = "csl")]
pub use hayagriva::{item_from_csl, to_item};
#[cfg(feature = "csl")]
pub use markup::{OutputFormat, UnknownOutputFormat};
#[cfg(feature = "csl")]
pub use page::{
    GroupBy, Numbering, Page, PageEntry, PageLink, PageOptions, PageSection, UnknownChoice,
};
#[cfg(feature = "csl")]
pub use proc::{BibEntry, Cite, Processor};
#[cfg(feature = "csl")]
pub use style::{archive_styles, load_locales, load_style, styles, IndependentStyle};

use crate::model::Reference;

/// Deprecated: [`crate::csl_json::CslName`].
#[deprecated(since = "0.2.0", note = "use publist::csl_json::CslName")]
pub type CslName = crate::csl_json::CslName;
/// Deprecated: [`crate::csl_json::CslDate`].
#[deprecated(since = "0.2.0", note = "use publist::csl_json::CslDate")]
pub type CslDate = crate::csl_json::CslDate;
/// Deprecated: [`crate::csl_json::CslSource`].
#[deprecated(since = "0.2.0", note = "use publist::csl_json::CslSource")]
pub type CslSource = crate::csl_json::CslSource;
/// Deprecated: [`crate::csl_json::CslLink`].
#[deprecated(since = "0.2.0", note = "use publist::csl_json::CslLink")]
pub type CslLink = crate::csl_json::CslLink;
/// Deprecated: [`crate::csl_json::CslCustom`].
#[deprecated(since = "0.2.0", note = "use publist::csl_json::CslCustom")]
pub type CslCustom = crate::csl_json::CslCustom;
/// Deprecated: [`crate::csl_json::CslItem`].
#[deprecated(since = "0.2.0", note = "use publist::csl_json::CslItem")]
pub type CslItem = crate::csl_json::CslItem;

/// Deprecated: [`crate::csl_json::to_csl`].
///
/// ```
/// #![allow(deprecated)]
/// let r = publist::Reference::new(publist::Kind::Book, "B");
/// assert_eq!(publist::csl::to_csl(&r, "k"), publist::csl_json::to_csl(&r, "k"));
/// ```
#[deprecated(since = "0.2.0", note = "use publist::csl_json::to_csl")]
pub fn to_csl(r: &Reference, id: &str) -> crate::csl_json::CslItem {
    crate::csl_json::to_csl(r, id)
}

/// Deprecated: [`crate::csl_json::write`].
///
/// ```
/// #![allow(deprecated)]
/// let refs = [publist::Reference::new(publist::Kind::Book, "B")];
/// assert_eq!(publist::csl::to_csl_json(&refs), publist::csl_json::write(&refs));
/// ```
#[deprecated(since = "0.2.0", note = "use publist::csl_json::write")]
pub fn to_csl_json(refs: &[Reference]) -> String {
    crate::csl_json::write(refs)
}

/// Deprecated: [`crate::yaml::write`].
///
/// ```
/// #![allow(deprecated)]
/// let refs = [publist::Reference::new(publist::Kind::Book, "B")];
/// assert_eq!(publist::csl::to_hayagriva_yaml(&refs)?, publist::yaml::write(&refs)?);
/// # Ok::<(), publist::Error>(())
/// ```
#[cfg(feature = "csl")]
#[deprecated(since = "0.2.0", note = "use publist::yaml::write")]
pub fn to_hayagriva_yaml(refs: &[Reference]) -> Result<String, crate::Error> {
    crate::yaml::write(refs)
}
