//! Citation Style Language: CSL-JSON conversion.

mod json;

pub use json::{to_csl, to_csl_json, CslCustom, CslDate, CslItem, CslLink, CslName, CslSource};
