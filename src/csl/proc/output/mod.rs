//! The processor's output tree: formatting wrappers, quotes and internal
//! markers, with the operations on marked output; serialised by
//! [`serialize`], field markup parsed by [`rich`], text case in [`textcase`].

pub(crate) mod rich;
pub(crate) mod serialize;
pub(crate) mod textcase;

/// Internal markers in the output tree, removed before serialising: the
/// output of the first names element, and a year suffix.
pub(crate) const MARK_NAMES: &str = "__names";

/// One name of a list (marked for the subsequent-author substitution
/// rules that replace single names).
pub(crate) const MARK_NAME: &str = "__name";

/// The label of a name list (kept when subsequent-author substitution
/// replaces the names).
pub(crate) const MARK_LABEL: &str = "__label";

/// The suffix of a number variable printed as a number: citeproc-js's
/// number blobs take no part in punctuation merging with the suffixes of
/// the groups around them ("115:" + "." stays "115:.").
pub(crate) const MARK_NUM_SUFFIX: &str = "__numsfx";

pub(crate) const MARK_YEAR_SUFFIX: &str = "__ys";

/// A formatting wrapper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Italic,
    /// `font-style="normal"` (inside italics it flips back to roman).
    Roman,
    Bold,
    NormalWeight,
    Light,
    SmallCaps,
    NormalVariant,
    Underline,
    NoDecoration,
    Sup,
    Sub,
    Baseline,
    /// `<span class="nodecor">` in a field: the formatting around it undone.
    NoDecor,
    /// Text not merged with the punctuation before it (a group's suffix
    /// after a number's own suffix); prints no tag.
    NoMerge,
    /// `display` blocks: csl-block, csl-left-margin, csl-right-inline, csl-indent.
    Div(&'static str),
    /// A person set in bold by the caller (CV highlighting).
    Highlight,
}

/// Where quotes come from, which decides their marks (citeproc-js): a
/// style's `quotes="true"` always takes the outer quotes, even inside
/// another; quotes written in a field alternate, starting with the inner
/// ones inside any quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quote {
    Style,
    Field,
    /// Written in a field with curly single marks (‘x’): outside any quote
    /// it is text, marks and all; inside quotes it alternates as any
    /// field's (citeproc-js: "a ‘b “c” d’ e", but “a ‘b “c” d’ e”).
    FieldSingle,
    /// Written in a cite's prefix or suffix: marks as a field's, but
    /// punctuation after it stays outside (citeproc-js).
    Affix,
}

/// A piece of output.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Text(String),
    Tagged(Tag, Vec<Node>),
    /// Quoted content: the quote marks are chosen when serialising.
    Quoted(Quote, Vec<Node>),
    /// Content text-case transformations leave alone.
    NoCase(Vec<Node>),
}

impl Node {
    pub fn text(s: impl Into<String>) -> Node {
        Node::Text(s.into())
    }
}

/// The plain text of nodes (quotes as straight `"`), for tests of emptiness,
/// sorting and disambiguation.
pub(crate) fn plain(nodes: &[Node]) -> String {
    let mut s = String::new();
    plain_into(nodes, &mut s);
    s
}

fn plain_into(nodes: &[Node], s: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => s.push_str(t),
            Node::Tagged(_, c) | Node::NoCase(c) => plain_into(c, s),
            Node::Quoted(_, c) => {
                s.push('"');
                plain_into(c, s);
                s.push('"');
            }
        }
    }
}

pub(crate) fn is_empty(nodes: &[Node]) -> bool {
    nodes.iter().all(|n| match n {
        Node::Text(t) => t.is_empty(),
        Node::Tagged(_, c) | Node::Quoted(_, c) | Node::NoCase(c) => is_empty(c),
    })
}

/// The output markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    Text,
    Html,
    Markdown,
}

/// Quote marks of the locale.
#[derive(Debug, Clone)]
pub(crate) struct Quotes {
    pub open: String,
    pub close: String,
    pub open_inner: String,
    pub close_inner: String,
    pub punctuation_in_quote: bool,
}

impl Default for Quotes {
    fn default() -> Self {
        Quotes {
            open: "“".into(),
            close: "”".into(),
            open_inner: "‘".into(),
            close_inner: "’".into(),
            punctuation_in_quote: true,
        }
    }
}

/// A cite without its first names output and the delimiter that followed it.
pub(crate) fn without_names(nodes: &[Node]) -> Vec<Node> {
    let mut removed = false;
    let mut out = remove_first(nodes, MARK_NAMES, &mut removed);
    // Drop the joining text left at the front (" ", ", ").
    while let Some(Node::Text(t)) = out.first_mut() {
        let trimmed = t.trim_start_matches([' ', ',', ';', ':']).to_string();
        if trimmed.is_empty() {
            out.remove(0);
        } else {
            *t = trimmed;
            break;
        }
    }
    out
}

pub(crate) fn remove_first(nodes: &[Node], mark: &str, removed: &mut bool) -> Vec<Node> {
    let mut out = Vec::with_capacity(nodes.len());
    for n in nodes {
        match n {
            Node::Tagged(Tag::Div(d), _) if *d == mark && !*removed => *removed = true,
            Node::Tagged(t, c) => {
                let inner = remove_first(c, mark, removed);
                if !is_empty(&inner) {
                    out.push(Node::Tagged(*t, inner));
                }
            }
            Node::Quoted(k, c) => out.push(Node::Quoted(*k, remove_first(c, mark, removed))),
            Node::NoCase(c) => out.push(Node::NoCase(remove_first(c, mark, removed))),
            t => out.push(t.clone()),
        }
    }
    out
}

pub(crate) fn without_year_suffix(nodes: &[Node]) -> Vec<Node> {
    let mut removed = false;
    remove_first(nodes, MARK_YEAR_SUFFIX, &mut removed)
}

/// The content of the first output marked `mark` (the first names output,
/// a year suffix).
pub(crate) fn marked(nodes: &[Node], mark: &str) -> Option<Vec<Node>> {
    for n in nodes {
        match n {
            Node::Tagged(Tag::Div(d), c) if *d == mark => return Some(c.clone()),
            Node::Tagged(_, c) | Node::Quoted(_, c) | Node::NoCase(c) => {
                if let Some(r) = marked(c, mark) {
                    return Some(r);
                }
            }
            Node::Text(_) => {}
        }
    }
    None
}

/// Removes the internal names markers.
pub(crate) fn strip_marks(nodes: Vec<Node>) -> Vec<Node> {
    let mut out = Vec::with_capacity(nodes.len());
    for n in nodes {
        match n {
            Node::Tagged(Tag::Div(d), c) if d.starts_with("__") => out.extend(strip_marks(c)),
            Node::Tagged(t, c) => out.push(Node::Tagged(t, strip_marks(c))),
            Node::Quoted(k, c) => out.push(Node::Quoted(k, strip_marks(c))),
            Node::NoCase(c) => out.push(Node::NoCase(strip_marks(c))),
            t => out.push(t),
        }
    }
    out
}

/// Puts a layout's `suffix` inside the display block that ends `body`
/// (citeproc-js: `<div class="csl-right-inline">T.</div>`); `false` when
/// the body does not end with one.
pub(crate) fn suffix_into_last_block(body: &mut [Node], suffix: &str) -> bool {
    let last = body
        .iter_mut()
        .rev()
        .find(|n| !is_empty(std::slice::from_ref(*n)));
    match last {
        Some(Node::Tagged(Tag::Div(class), inner)) if class.starts_with("csl-") => {
            inner.push(Node::text(suffix));
            true
        }
        _ => false,
    }
}
