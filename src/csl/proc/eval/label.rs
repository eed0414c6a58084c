//! The citation label citeproc-js writes when an item has none
//! (`citation-label`).

use hayagriva::citationberg::taxonomy::{DateVariable, NameVariable, StandardVariable, Variable};

use crate::csl::proc::input::{DateData, ItemData};

/// citeproc-js's citation label ("trigraph" Aaaa00:AaAa00:AaAA00:AAAA00):
/// four letters of one name, two and two of two, two, one and one of
/// three, one of each of four or more, and the last two digits of the year
/// ("0000" without one). The names are those of the first name variable
/// the item has; without names, the title's first letters.
pub(super) fn trigraph(item: &ItemData) -> String {
    const ORDER: &[NameVariable] = &[
        NameVariable::Author,
        NameVariable::Chair,
        NameVariable::CollectionEditor,
        NameVariable::Compiler,
        NameVariable::Composer,
        NameVariable::ContainerAuthor,
        NameVariable::Contributor,
        NameVariable::Curator,
        NameVariable::Director,
        NameVariable::Editor,
        NameVariable::EditorTranslator,
        NameVariable::EditorialDirector,
        NameVariable::ExecutiveProducer,
        NameVariable::Guest,
        NameVariable::Host,
        NameVariable::Illustrator,
        NameVariable::Interviewer,
        NameVariable::Narrator,
        NameVariable::Organizer,
        NameVariable::OriginalAuthor,
        NameVariable::Performer,
        NameVariable::Producer,
        NameVariable::Recipient,
        NameVariable::ReviewedAuthor,
        NameVariable::ScriptWriter,
        NameVariable::SeriesCreator,
        NameVariable::Translator,
    ];
    // Letters citeproc-js keeps (its ROMANESQUE_REGEXP, roughly).
    let romanesque = |c: char| {
        c.is_ascii_alphabetic()
            || matches!(c as u32, 0xC0..=0x17F | 0x370..=0x3FF | 0x400..=0x52F | 0x590..=0x5FF
                | 0x600..=0x6FF | 0xE01..=0xE5B | 0x1F00..=0x1FFF)
    };
    let cap = |s: &str, n: usize| -> String {
        let s: String = s.chars().take(n).collect();
        let mut cs = s.chars();
        match cs.next() {
            Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
            None => String::new(),
        }
    };
    let mut label = String::new();
    if let Some(names) = ORDER
        .iter()
        .find_map(|v| item.names.get(v).filter(|n| !n.is_empty()))
    {
        let widths: &[usize] = match names.len() {
            1 => &[4],
            2 => &[2, 2],
            3 => &[2, 1, 1],
            _ => &[1, 1, 1, 1],
        };
        for (n, width) in names.iter().zip(widths) {
            let name = n.family().or(n.literal()).unwrap_or_default();
            let lower = name.to_lowercase();
            let name = ["a ", "the ", "an "]
                .iter()
                .find(|a| lower.starts_with(*a))
                .map_or(name, |a| &name[a.len()..]);
            let letters: String = name.chars().filter(|c| romanesque(*c)).collect();
            if letters.is_empty() {
                break;
            }
            label.push_str(&cap(&letters, *width));
        }
    }
    if label.is_empty() {
        if let Some(title) = item.vars.get(&Variable::Standard(StandardVariable::Title)) {
            let words: String = title
                .split_whitespace()
                .filter(|w| !crate::csl::proc::output::textcase::is_stop_word(w))
                .collect();
            label = cap(&words, 4);
        }
    }
    let year = item
        .dates
        .get(&DateVariable::Issued)
        .and_then(DateData::year)
        .filter(|y| *y != 0)
        .map_or("0000".to_string(), |y| y.to_string());
    let tail: String = year
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    label + &tail
}
