//! Splitting publication sections into items, whatever the bullet style:
//! `1.`, `- 21.`, `  18.`, items over several lines, unnumbered continuation
//! bullets, and unnumbered items that start with a name list and a year.

use super::clean::{clean_line, finish};
use super::names::looks_like_name_list;
use super::sections::{classify, Heading};
use super::year::find_year;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Location};

/// The publication section an item is listed under.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    pub kind: Option<Kind>,
    pub title: String,
}

/// One item's lines, cleaned, with where it starts.
#[derive(Debug, Clone)]
pub(crate) struct RawItem {
    pub line: usize,
    pub number: Option<u32>,
    pub section: Section,
    /// Cleaned content lines (bullets and item number removed).
    pub lines: Vec<String>,
    /// The item's source text, lines joined by `\n`.
    pub raw: String,
}

/// Strips a leading bullet (`-`, `*`, `+`, `•`) followed by white space.
fn strip_bullet(s: &str) -> (bool, &str) {
    let t = s.trim_start();
    for b in ['-', '*', '+', '•'] {
        if let Some(rest) = t.strip_prefix(b) {
            if rest.starts_with([' ', '\t']) {
                return (true, rest.trim_start());
            }
        }
    }
    (false, t)
}

/// `12. text`, `12) text` or `[12] text`: the number and the text.
fn item_number(s: &str) -> Option<(u32, &str)> {
    let (digits_end, close_len) = if let Some(inner) = s.strip_prefix('[') {
        let end = inner.find(']')?;
        (end + 1, 1)
    } else {
        let end = s.find(|c: char| !c.is_ascii_digit())?;
        let close = s[end..].chars().next()?;
        if close != '.' && close != ')' {
            return None;
        }
        (end, 1)
    };
    let digits = s[..digits_end].trim_start_matches('[');
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &s[digits_end + close_len..];
    if !rest.starts_with([' ', '\t']) || rest.trim().is_empty() {
        return None;
    }
    Some((digits.parse().ok()?, rest.trim_start()))
}

/// Whether cleaned text starts like a reference: a clean name list followed by `(Year)`.
fn starts_like_reference(text: &str) -> bool {
    let plain = finish(text);
    match find_year(&plain) {
        Some((start, ..)) if start > 0 && start < 400 => looks_like_name_list(&plain[..start]),
        _ => false,
    }
}

/// Walks the document and returns the items of its publication sections, and
/// warnings for text in those sections that belongs to no item.
pub(crate) fn split(text: &str, source: &str) -> (Vec<RawItem>, Vec<Diagnostic>) {
    let mut items: Vec<RawItem> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut section: Option<Section> = None;
    let mut current: Option<RawItem> = None;
    let mut raw_lines: Vec<&str> = Vec::new();
    let mut last_number: Option<u32> = None;

    let finish_item =
        |current: &mut Option<RawItem>, raw_lines: &mut Vec<&str>, items: &mut Vec<RawItem>| {
            if let Some(mut item) = current.take() {
                while raw_lines.last().is_some_and(|l| l.trim().is_empty()) {
                    raw_lines.pop();
                }
                item.raw = raw_lines.join("\n");
                items.push(item);
            }
            raw_lines.clear();
        };

    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        if let Some(heading) = classify(raw) {
            finish_item(&mut current, &mut raw_lines, &mut items);
            last_number = None;
            section = match heading {
                Heading::Publications { kind, title } => Some(Section { kind, title }),
                Heading::Other => None,
            };
            continue;
        }
        let Some(sec) = &section else {
            continue;
        };
        if raw.trim().is_empty() {
            if current.is_some() {
                raw_lines.push(raw);
            }
            continue;
        }
        let (_, body) = strip_bullet(raw);
        let numbered = item_number(body);
        let content = numbered.map_or(body, |(_, rest)| rest);
        let cleaned = clean_line(content);
        let starts_item = numbered.is_some() || starts_like_reference(&cleaned);
        if starts_item {
            finish_item(&mut current, &mut raw_lines, &mut items);
            let number = numbered.map(|(n, _)| n);
            if let (Some(n), Some(prev)) = (number, last_number) {
                if n != prev + 1 {
                    diagnostics.push(Diagnostic::warning(
                        Code::NumberGap,
                        Location::new(source, line_no),
                        format!(
                            "item number {n} follows {prev} in \"{}\": an item may be missing",
                            sec.title
                        ),
                    ));
                }
            }
            last_number = number.or(last_number);
            current = Some(RawItem {
                line: line_no,
                number,
                section: sec.clone(),
                lines: vec![cleaned],
                raw: String::new(),
            });
            raw_lines.push(raw);
        } else if let Some(item) = current.as_mut() {
            item.lines.push(cleaned);
            raw_lines.push(raw);
        } else {
            diagnostics.push(Diagnostic::warning(
                Code::StrayText,
                Location::new(source, line_no),
                format!(
                    "text in \"{}\" belongs to no item and was not read: \"{}\"",
                    sec.title,
                    finish(&cleaned)
                ),
            ));
        }
    }
    finish_item(&mut current, &mut raw_lines, &mut items);
    (items, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_numbers_in_every_bullet_style() {
        assert_eq!(item_number("21. Hedström A"), Some((21, "Hedström A")));
        assert_eq!(item_number("3) Bach S"), Some((3, "Bach S")));
        assert_eq!(item_number("[7] Bach S"), Some((7, "Bach S")));
        assert_eq!(item_number("2016. Lecture Notes"), None);
        assert_eq!(item_number("10(7):e0130140"), None);
        assert_eq!(item_number("1."), None);
        assert_eq!(strip_bullet("  - 21. X"), (true, "21. X"));
        assert_eq!(strip_bullet("*Best Paper*"), (false, "*Best Paper*"));
    }

    #[test]
    fn sections_items_and_continuations() {
        let text = "\
## Talks
1. \"A talk\" (2020-01-01).

#### **Journal Articles**
- 1. Weber L and Samek W (2022).
  - \"Beyond Explaining\". In: *Information Fusion* (pre-proof)
2. Bach S (2015).

\"On Pixel-wise Explanations\".

In: PLoS ONE 10(7):e0130140
Schwenk G and Bach S (2014). \"Unnumbered\". In: CoRR abs/1409.8035
# **Preprints**
Stray remark.
  18. Schwenk G and **Bach S** (2014).
";
        let (items, diags) = split(text, "t.md");
        let got: Vec<_> = items
            .iter()
            .map(|i| (i.line, i.number, i.section.kind, i.lines.len()))
            .collect();
        assert_eq!(
            got,
            vec![
                (5, Some(1), Some(Kind::JournalArticle), 2),
                (7, Some(2), Some(Kind::JournalArticle), 3),
                (12, None, Some(Kind::JournalArticle), 1),
                (15, Some(18), Some(Kind::Preprint), 1),
            ]
        );
        assert_eq!(
            items[1].raw,
            "2. Bach S (2015).\n\n\"On Pixel-wise Explanations\".\n\nIn: PLoS ONE 10(7):e0130140"
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].at.line, 14);
    }
}
