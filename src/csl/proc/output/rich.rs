//! Field markup inside variable values: the tags and quotes citeproc-js
//! reads, parsed into output nodes.

use super::{Node, Quote, Tag};

/// An open frame of field markup.
#[derive(Clone, Copy, PartialEq)]
enum Frame {
    Root,
    Tag(Tag),
    NoCase,
    /// A quote opened by this character (`"`, `“`, `'` or `‘`).
    Quote(char),
}

/// Parses the markup citeproc-js accepts inside field values: `<i>`, `<b>`,
/// `<sup>`, `<sub>`, `<sc>`, `<span style="font-variant:small-caps;">`,
/// `<span class="nocase">`, `<span class="nodecor">`, and quotes: straight or curly, double or
/// single, which become quotes of the locale by nesting depth. An
/// apostrophe inside or at the end of a word is typographic (’), and a
/// quote that is never closed stays as it was written.
///
/// A space before `:` `;` `?` `!` `»` and after `«` becomes a narrow
/// no-break space (U+202F), as citeproc-js does to every string it
/// outputs (French orthography: "« Anonymous »").
pub(crate) fn rich(s: &str) -> Vec<Node> {
    if s.contains(['«', '»', ':', ';', '?', '!']) {
        return rich_with(&narrow_spaces(s), true);
    }
    rich_with(s, true)
}

fn narrow_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            (' ', Some(n)) if ":;?!»".contains(*n) => out.push('\u{202f}'),
            ('«', Some(' ')) => {
                chars.next();
                out.push_str("«\u{202f}");
            }
            _ => out.push(c),
        }
    }
    out
}

/// [`rich`] for the prefix and suffix of a cite, where citeproc-js leaves
/// curly quotes as they are (only straight ones are markup).
pub(crate) fn rich_affix(s: &str) -> Vec<Node> {
    fn affix_quotes(nodes: Vec<Node>) -> Vec<Node> {
        nodes
            .into_iter()
            .map(|n| match n {
                Node::Quoted(Quote::Field | Quote::FieldSingle, c) => {
                    Node::Quoted(Quote::Affix, affix_quotes(c))
                }
                Node::Quoted(k, c) => Node::Quoted(k, affix_quotes(c)),
                Node::Tagged(t, c) => Node::Tagged(t, affix_quotes(c)),
                Node::NoCase(c) => Node::NoCase(affix_quotes(c)),
                t => t,
            })
            .collect()
    }
    affix_quotes(rich_with(s, false))
}

/// citeproc-js's markup normalisation (its `_doppelString`): spaces and
/// extra attributes in `<span style="font-variant: small-caps">` and
/// `<span class="nocase" ...>` do not matter.
fn normalize_spans(s: &str) -> Option<String> {
    if !s.contains("<span") {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut changed = false;
    while let Some(k) = rest.find("<span") {
        out.push_str(&rest[..k]);
        let after = &rest[k + 5..];
        let attrs = after.trim_start();
        let tag_end = after.find('>');
        let canonical = (attrs.len() < after.len())
            .then_some(())
            .and(tag_end)
            .and_then(|end| {
                let inner = &after[..end];
                let a = inner.trim_start();
                if let Some(v) = a.strip_prefix("style=\"font-variant:") {
                    let v = v.trim_start();
                    let v = v.strip_prefix("small-caps")?;
                    let v = v.strip_prefix(';').unwrap_or(v);
                    v.starts_with('"')
                        .then_some(("<span style=\"font-variant:small-caps;\">", end))
                } else if a.starts_with("class=\"nocase\"") {
                    Some(("<span class=\"nocase\">", end))
                } else if a.starts_with("class=\"nodecor\"") {
                    Some(("<span class=\"nodecor\">", end))
                } else {
                    None
                }
            });
        match canonical {
            Some((tag, end)) => {
                changed |= &rest[k..k + 5 + end + 1] != tag;
                out.push_str(tag);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("<span");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

fn rich_with(s: &str, curly: bool) -> Vec<Node> {
    if !s.contains(['<', '"', '\'', '“', '‘']) {
        return vec![Node::Text(s.to_string())];
    }
    if let Some(n) = normalize_spans(s) {
        return rich_with(&n, curly);
    }
    let mut stack: Vec<(Frame, Vec<Node>)> = vec![(Frame::Root, Vec::new())];
    let mut buf = String::new();
    let flush = |buf: &mut String, stack: &mut Vec<(Frame, Vec<Node>)>| {
        if !buf.is_empty() {
            if let Some(top) = stack.last_mut() {
                top.1.push(Node::Text(std::mem::take(buf)));
            }
        }
    };
    let open_quote = |stack: &[(Frame, Vec<Node>)], single: bool| {
        stack.iter().rposition(|(f, _)| match f {
            Frame::Quote(q) => (*q == '\'' || *q == '‘') == single,
            _ => false,
        })
    };
    let mut rest = s;
    let mut prev_char: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let next = rest[c.len_utf8()..].chars().next();
        if c == '<' {
            let tags: [(&str, Frame); 8] = [
                ("<i>", Frame::Tag(Tag::Italic)),
                ("<b>", Frame::Tag(Tag::Bold)),
                ("<sup>", Frame::Tag(Tag::Sup)),
                ("<sub>", Frame::Tag(Tag::Sub)),
                ("<sc>", Frame::Tag(Tag::SmallCaps)),
                (
                    "<span style=\"font-variant:small-caps;\">",
                    Frame::Tag(Tag::SmallCaps),
                ),
                ("<span class=\"nocase\">", Frame::NoCase),
                ("<span class=\"nodecor\">", Frame::Tag(Tag::NoDecor)),
            ];
            if let Some((open, frame)) = tags.iter().find(|(o, _)| rest.starts_with(o)) {
                flush(&mut buf, &mut stack);
                stack.push((*frame, Vec::new()));
                rest = &rest[open.len()..];
                prev_char = None;
                continue;
            }
            let closes = ["</i>", "</b>", "</sup>", "</sub>", "</sc>", "</span>"];
            if let Some(tag_close) = closes.iter().find(|c| rest.starts_with(*c)) {
                if let Some(k) = stack
                    .iter()
                    .rposition(|(f, _)| matches!(f, Frame::Tag(_) | Frame::NoCase))
                {
                    flush(&mut buf, &mut stack);
                    // Quotes left open inside the tag stay as written.
                    while stack.len() > k + 1 {
                        unwind(&mut stack);
                    }
                    close_frame(&mut stack);
                    rest = &rest[tag_close.len()..];
                    continue;
                }
            }
        }
        let after_word = prev_char.is_some_and(char::is_alphanumeric);
        let before_word = next.is_some_and(|n| !n.is_whitespace());
        let at_end = next.is_none_or(|n| !n.is_alphanumeric());
        let single = matches!(c, '\'' | '‘' | '’');
        let curly_here = matches!(c, '“' | '”' | '‘' | '’');
        if curly_here && !curly {
            buf.push(c);
            prev_char = Some(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if matches!(c, '"' | '”' | '’' | '\'') {
            // A closing quote: after text, before a word's end.
            // A curly apostrophe closes only a curly quote (citeproc-js:
            // "a 'b’ c" stays as written).
            let opened_by = |k: usize| match stack[k].0 {
                Frame::Quote(q) => q,
                _ => ' ',
            };
            if let Some(k) = open_quote(&stack, single).filter(|&k| c != '’' || opened_by(k) == '‘')
            {
                let closes_here = c == '"' || c == '”' || at_end;
                if closes_here && prev_char.is_some_and(|p| !p.is_whitespace()) {
                    flush(&mut buf, &mut stack);
                    while stack.len() > k + 1 {
                        unwind(&mut stack);
                    }
                    close_frame(&mut stack);
                    prev_char = Some(c);
                    rest = &rest[c.len_utf8()..];
                    continue;
                }
            }
        }
        if matches!(c, '"' | '“' | '‘') || (c == '\'' && !after_word) {
            // An opening quote: before a word, not inside one.
            if before_word && !(c == '"' && after_word) {
                flush(&mut buf, &mut stack);
                stack.push((Frame::Quote(c), Vec::new()));
                prev_char = None;
                rest = &rest[c.len_utf8()..];
                continue;
            }
        }
        buf.push(if c == '\'' { '’' } else { c });
        prev_char = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut buf, &mut stack);
    while stack.len() > 1 {
        unwind(&mut stack);
    }
    stack.pop().map(|s| s.1).unwrap_or_default()
}

/// Pops the innermost frame into its parent as the node it makes.
fn close_frame(stack: &mut Vec<(Frame, Vec<Node>)>) {
    if let Some((frame, children)) = stack.pop() {
        let node = match frame {
            // citeproc-js's nodecor: no formatting and no text case.
            // Small caps, superscript and subscript keep their case too
            // (citeproc-js: no text case inside them).
            Frame::Tag(t @ (Tag::NoDecor | Tag::SmallCaps | Tag::Sup | Tag::Sub)) => {
                Node::NoCase(vec![Node::Tagged(t, children)])
            }
            Frame::Tag(t) => Node::Tagged(t, children),
            Frame::NoCase => Node::NoCase(children),
            Frame::Quote('‘') => Node::Quoted(Quote::FieldSingle, children),
            Frame::Quote(_) | Frame::Root => Node::Quoted(Quote::Field, children),
        };
        if let Some(top) = stack.last_mut() {
            top.1.push(node);
        }
    }
}

/// Pops a frame left open: a quote that was never closed keeps its
/// opening mark as text; a tag closes where the text ends.
fn unwind(stack: &mut Vec<(Frame, Vec<Node>)>) {
    if !matches!(stack.last(), Some((Frame::Quote(_), _))) {
        return close_frame(stack);
    }
    if let Some((Frame::Quote(q), children)) = stack.pop() {
        if let Some(top) = stack.last_mut() {
            // A lone straight single quote is an apostrophe ("ETFA ’09").
            let mark = if q == '\'' { '’' } else { q };
            top.1.push(Node::Text(mark.to_string()));
            top.1.extend(children);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csl::proc::output::serialize::render;
    use crate::csl::proc::output::{plain, Markup, Quotes};

    fn html(nodes: &[Node]) -> String {
        render(nodes, Markup::Html, &Quotes::default())
    }

    #[test]
    fn field_markup_is_parsed() {
        let n = rich("The <i>E. coli</i> \"story\" of <span class=\"nocase\">iPhone</span>'s");
        assert_eq!(html(&n), "The <i>E. coli</i> “story” of iPhone’s");
    }

    proptest::proptest! {
        // Quote parsing loses no letter or digit, in fields and in cite affixes.
        #[test]
        fn field_markup_keeps_every_letter(s in "[a-zA-Z0-9 '\"“”‘’.,:;!?()-]{0,40}") {
            let letters = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            proptest::prop_assert_eq!(letters(&plain(&rich(&s))), letters(&s));
            proptest::prop_assert_eq!(letters(&plain(&rich_affix(&s))), letters(&s));
        }
    }

    #[test]
    fn single_and_curly_quotes_are_markup_in_fields() {
        // Cases of the CSL test suite (flipflop_SingleBeforeColon,
        // decorations_NestedQuotes, flipflop_OrphanQuote, bugreports_FrenchApostrophe).
        let n = rich("'Nobody Knows You're a Dog': As iconic");
        assert_eq!(html(&n), "“Nobody Knows You’re a Dog”: As iconic");
        let n = vec![Node::Quoted(Quote::Style, rich("My “Amazing” Title"))];
        assert_eq!(html(&n), "“My ‘Amazing’ Title”");
        let n = rich("Nation of \"Positive Obligations \" of State");
        assert_eq!(html(&n), "Nation of \"Positive Obligations \" of State");
        assert_eq!(html(&rich("abbé d'")), "abbé d’");
        assert_eq!(
            html(&rich(
                "<span style=\"font-variant: small-caps\" title=\"x\">Here</span>"
            )),
            html(&rich(
                "<span style=\"font-variant:small-caps;\">Here</span>"
            ))
        );
        assert_eq!(
            html(&rich("His « Anonymous » Life ?")),
            "His «\u{202f}Anonymous\u{202f}» Life\u{202f}?"
        );
        // In a cite's prefix curly quotes stay (flipflop_LeadingMarkupWithApostrophe).
        assert_eq!(
            html(&rich_affix("meaning ‘God willing’. Another")),
            "meaning ‘God willing’. Another"
        );
        assert_eq!(html(&rich_affix("'quote' here")), "“quote” here");
    }
}
