//! Formatting in the Citation Style Language: bibliographies and CV layouts
//! in any CSL style, rendered by publist's own CSL processor ([`Processor`],
//! which follows citeproc-js) or, on request, hayagriva's engine
//! ([`Engine::Hayagriva`]); styles from hayagriva's archive, `.csl` files, or
//! dependent styles resolved to their parent ([`load_style`]).
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
mod proc;
#[cfg(feature = "csl")]
mod style;

#[cfg(feature = "csl")]
pub use cv::{CvGroup, CvOptions, CvSection};
#[cfg(feature = "csl")]
pub use format::{Engine, FormattedEntry, Formatter};
#[cfg(feature = "csl")]
pub use hayagriva::{item_from_csl, to_item};
#[cfg(feature = "csl")]
pub use markup::OutputFormat;
#[cfg(feature = "csl")]
pub use proc::{BibEntry, Cite, Processor};
#[cfg(feature = "csl")]
pub use style::{archive_styles, load_locales, load_style, IndependentStyle};

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
