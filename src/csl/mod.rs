//! Citation Style Language: CSL-JSON conversion and formatting in any CSL style.
//!
//! Rendering goes through hayagriva's CSL engine, fed with
//! `citationberg::json::Item`s built from the same records `publist parse`
//! exports; styles come from hayagriva's archive, `.csl` files, or dependent
//! styles resolved to their parent.

mod item;
mod json;
mod render;
mod style;
mod yaml;

pub use item::{item_from_csl, to_item};
pub use json::{to_csl, to_csl_json, CslCustom, CslDate, CslItem, CslLink, CslName, CslSource};
pub use render::{CvGroup, CvOptions, CvSection, FormattedEntry, Formatter, OutputFormat};
pub use style::{archive_styles, load_locales, load_style, IndependentStyle};
pub use yaml::to_hayagriva_yaml;
