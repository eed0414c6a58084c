//! Citation Style Language: CSL-JSON conversion and formatting in any CSL style.
//!
//! Rendering goes through hayagriva's CSL engine, fed with
//! `citationberg::json::Item`s built from the same records `publist parse`
//! exports; styles come from hayagriva's archive, `.csl` files, or dependent
//! styles resolved to their parent.

#[cfg(feature = "csl")]
mod item;
mod json;
#[cfg(feature = "csl")]
mod proc;
#[cfg(feature = "csl")]
mod render;
#[cfg(feature = "csl")]
mod style;
#[cfg(feature = "csl")]
mod yaml;

#[cfg(feature = "csl")]
pub use item::{item_from_csl, to_item};
pub use json::{to_csl, to_csl_json, CslCustom, CslDate, CslItem, CslLink, CslName, CslSource};
#[cfg(feature = "csl")]
pub use proc::{BibEntry, Cite, Processor};
#[cfg(feature = "csl")]
pub use render::{CvGroup, CvOptions, CvSection, Engine, FormattedEntry, Formatter, OutputFormat};
#[cfg(feature = "csl")]
pub use style::{archive_styles, load_locales, load_style, IndependentStyle};
#[cfg(feature = "csl")]
pub use yaml::to_hayagriva_yaml;
