//! Reading publication lists out of CVs (markdown or text extracted from PDF).
//!
//! Two stages: [`items`] finds the publication sections and splits them into
//! items (keeping each item's source lines), then [`item`] reads each item's
//! fields. Every item becomes a reference or an error diagnostic.

mod clean;
mod item;
mod items;
mod names;
mod notes;
mod sections;
mod venue;

use super::Parsed;

pub(crate) use clean::classify_link;
pub(crate) use notes::classify as classify_note;

/// The people of a name list.
pub(crate) fn parse_names(text: &str) -> Vec<crate::model::Person> {
    names::parse_names(text).persons
}

/// Reads the publication lists of a CV.
pub(crate) fn parse(text: &str, source: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (raw_items, mut diagnostics) = items::split(text, source);
    let mut references = Vec::with_capacity(raw_items.len());
    for raw in &raw_items {
        if let Some(r) = item::parse_item(raw, source, &mut diagnostics) {
            references.push(r);
        }
    }
    diagnostics.sort_by_key(|d| d.line);
    Parsed {
        references,
        diagnostics,
        items: raw_items.len(),
    }
}
