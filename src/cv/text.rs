//! Plain text → blocks: CVs extracted from PDF, lists pasted from a word
//! processor or a reference manager. Written by hand: such text has no
//! grammar, only habits. A heading is a line marked as one (`# ...`, a
//! whole-line `**bold**`), a line made of heading words ("Journal Articles",
//! "PUBLICATIONS", "2024"), or a line underlined with `===`/`---`; a list item
//! starts at a bullet or a number/label (`12.`, `[12]`, `[J5]`); other lines
//! continue the block above (hard wraps) unless they start like a reference
//! of their own, and blank lines end blocks. Block lines are the raw text
//! (markers removed): the items stage cleans those of publication sections.

use super::blocks::{leading_label, strip_bullet, Block, BlockKind, Blocks, Line, Marker};
use super::clean::clean_line;
use super::paragraphs::starts_like_reference;
use super::sections::{classify_heading, classify_line, strip_heading_marks, Heading};

/// A line underlined by the next one (`Publications` / `============`).
fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// An all-capitals line of a few words ("PUBLICATIONS", "TEACHING EXPERIENCE").
fn is_capitals(line: &str) -> bool {
    let t = line.trim();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && t.split_whitespace().count() <= 8
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// The heading a line is, if any; `next` is the line below it.
fn heading(raw: &str, next: Option<&str>) -> Option<Heading> {
    if let Some(h) = classify_line(raw) {
        return Some(h);
    }
    if next.is_some_and(is_underline) || is_capitals(raw) {
        return match classify_heading(raw.trim(), true) {
            Some(Heading::Neutral) | None => None,
            h => h,
        };
    }
    None
}

/// The blocks of a plain text.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Blocks::default();
    let mut current: Option<(BlockKind, Vec<Line>)> = None;
    let lines: Vec<&str> = text.lines().collect();
    let mut skip_underline = false;
    for (index, raw) in lines.iter().enumerate() {
        let no = index + 1;
        if skip_underline {
            skip_underline = false;
            continue;
        }
        if raw.trim().is_empty() {
            if let Some((kind, ls)) = current.take() {
                out.push(kind, ls);
            }
            continue;
        }
        let next = lines.get(index + 1).copied();
        if heading(raw, next).is_some() {
            if let Some((kind, ls)) = current.take() {
                out.push(kind, ls);
            }
            skip_underline = next.is_some_and(is_underline);
            let (_, text) = strip_heading_marks(raw.trim());
            out.push(
                BlockKind::Heading { level: 1 },
                vec![Line::new(no, text.trim())],
            );
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        let (bulleted, body) = strip_bullet(raw);
        let labelled = leading_label(body);
        let content = labelled.as_ref().map_or(body, |(_, rest)| rest);
        // Lines are cleaned later, in publication sections only (most of a CV is not).
        let cleaned = content.trim().to_string();
        if bulleted || labelled.is_some() {
            if let Some((kind, ls)) = current.take() {
                out.push(kind, ls);
            }
            let marker = labelled.map_or(Marker::Bullet, |(m, _)| m);
            let depth = (1 + indent / 2).min(8) as u8;
            current = Some((
                BlockKind::Item { marker, depth },
                vec![Line::new(no, cleaned)],
            ));
        } else if current.is_some()
            && !(content.contains('(') && starts_like_reference(&clean_line(content)))
        {
            if let Some((_, ls)) = current.as_mut() {
                ls.push(Line::new(no, cleaned));
            }
        } else {
            if let Some((kind, ls)) = current.take() {
                out.push(kind, ls);
            }
            current = Some((BlockKind::Paragraph, vec![Line::new(no, cleaned)]));
        }
    }
    if let Some((kind, ls)) = current.take() {
        out.push(kind, ls);
    }
    out.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_items_and_wraps() {
        let t = "PUBLICATIONS\n\nJournal articles\n----------------\n1. Smith J (2020). Title\n   wrapped here.\n2. Doe J (2019). Other.\nBach S (2014). \"Unnumbered\".\n\nTEACHING\n";
        let got: Vec<_> = blocks(t)
            .into_iter()
            .map(|b| (b.line(), b.kind, b.lines.len()))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, BlockKind::Heading { level: 1 }, 1),
                (3, BlockKind::Heading { level: 1 }, 1),
                (
                    5,
                    BlockKind::Item {
                        marker: Marker::Number(1),
                        depth: 1
                    },
                    2
                ),
                (
                    7,
                    BlockKind::Item {
                        marker: Marker::Number(2),
                        depth: 1
                    },
                    1
                ),
                (8, BlockKind::Paragraph, 1),
                (10, BlockKind::Heading { level: 1 }, 1),
            ]
        );
    }
}
