//! Formatting, quotes, affixes and display around an element's output,
//! and `strip-periods`.

use hayagriva::citationberg::{
    Affixes, Display, FontStyle, FontVariant, FontWeight, Formatting, TextDecoration, VerticalAlign,
};

use crate::csl::proc::output::{is_empty, Node, Quote, Tag, MARK_NUM_SUFFIX};

/// Applies formatting, quotes, affixes and display, in that order (inside out).
pub(crate) fn decorate(
    content: Vec<Node>,
    f: &Formatting,
    a: &Affixes,
    display: Option<Display>,
    quotes: bool,
) -> Vec<Node> {
    if is_empty(&content) {
        return Vec::new();
    }
    // citeproc-js's FORMAT_KEY_SEQUENCE, innermost first: font-style,
    // font-variant, font-weight, text-decoration, vertical-align, then
    // quotes around them all ("<sup><u><b><sc><i>x</i></sc></b></u></sup>").
    let mut c = content;
    let tags = [
        match f.font_style {
            Some(FontStyle::Italic) => Some(Tag::Italic),
            Some(FontStyle::Normal) => Some(Tag::Roman),
            None => None,
        },
        match f.font_variant {
            Some(FontVariant::SmallCaps) => Some(Tag::SmallCaps),
            Some(FontVariant::Normal) => Some(Tag::NormalVariant),
            None => None,
        },
        match f.font_weight {
            Some(FontWeight::Bold) => Some(Tag::Bold),
            Some(FontWeight::Normal) => Some(Tag::NormalWeight),
            Some(FontWeight::Light) => Some(Tag::Light),
            None => None,
        },
        match f.text_decoration {
            Some(TextDecoration::Underline) => Some(Tag::Underline),
            Some(TextDecoration::None) => Some(Tag::NoDecoration),
            None => None,
        },
        match f.vertical_align {
            Some(VerticalAlign::Sup) => Some(Tag::Sup),
            Some(VerticalAlign::Sub) => Some(Tag::Sub),
            Some(VerticalAlign::Baseline) => Some(Tag::Baseline),
            _ => None,
        },
    ];
    for t in tags.into_iter().flatten() {
        c = vec![Node::Tagged(t, c)];
    }
    if quotes {
        c = vec![Node::Quoted(Quote::Style, c)];
    }
    // Affixes go around the content in place (a new vector for every
    // decorated element was a tenth of all allocations).
    let mut out = c;
    if let Some(p) = a.prefix.as_deref().filter(|p| !p.is_empty()) {
        out.insert(0, Node::text(p));
    }
    if let Some(s) = a.suffix.as_deref().filter(|s| !s.is_empty()) {
        out.push(suffix_node(&out, s));
    }
    match display {
        Some(Display::Block) => vec![Node::Tagged(Tag::Div("csl-block"), out)],
        Some(Display::LeftMargin) => vec![Node::Tagged(Tag::Div("csl-left-margin"), out)],
        Some(Display::RightInline) => vec![Node::Tagged(Tag::Div("csl-right-inline"), out)],
        Some(Display::Indent) => vec![Node::Tagged(Tag::Div("csl-indent"), out)],
        None => out,
    }
}

/// A suffix after `content`: not merged with a number's own suffix that
/// ends it (see [`MARK_NUM_SUFFIX`]).
pub(crate) fn suffix_node(content: &[Node], s: &str) -> Node {
    fn ends_with_number_suffix(nodes: &[Node]) -> bool {
        match nodes.last() {
            Some(Node::Tagged(Tag::Div(d), _)) if *d == MARK_NUM_SUFFIX => true,
            Some(Node::Tagged(_, c) | Node::NoCase(c)) => ends_with_number_suffix(c),
            _ => false,
        }
    }
    if ends_with_number_suffix(content) {
        Node::Tagged(Tag::NoMerge, vec![Node::text(s)])
    } else {
        Node::text(s)
    }
}

pub(super) fn strip_periods(nodes: Vec<Node>) -> Vec<Node> {
    nodes
        .into_iter()
        .map(|n| match n {
            Node::Text(t) => Node::Text(t.replace('.', "")),
            Node::Tagged(tag, c) => Node::Tagged(tag, strip_periods(c)),
            Node::Quoted(k, c) => Node::Quoted(k, strip_periods(c)),
            Node::NoCase(c) => Node::NoCase(strip_periods(c)),
        })
        .collect()
}
