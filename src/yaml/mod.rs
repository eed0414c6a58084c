//! hayagriva YAML, the bibliography format of Typst: [`read()`] and [`write()`].
//!
//! ```
//! let yaml = "crp:\n  type: article\n  title: Concept Relevance Propagation\n  date: 2023\n";
//! let parsed = publist::yaml::read(yaml, "refs.yml")?;
//! let out = publist::yaml::write(&parsed.references)?;
//! assert!(out.contains("title: Concept Relevance Propagation"));
//! # Ok::<(), publist::Error>(())
//! ```

mod read;
mod write;

pub use read::read;
pub use write::write;
