//! Subsequent-author substitution (CSL 1.0.2, "Reference Grouping"), as
//! citeproc-js 2.4.63 does it: the first names an entry prints are
//! compared with the names the entry before printed, name by name.

use hayagriva::citationberg::SubsequentAuthorSubstituteRule as Rule;

use super::eval::{MARK_NAME, MARK_NAMES};
use super::output::{plain, Node, Tag};

/// The names the previous entry printed.
#[derive(Default)]
pub(super) struct Previous {
    /// All of them as one text (`complete-all`, `complete-each`).
    whole: Option<String>,
    /// Each name (`partial-each`, `partial-first`).
    each: Vec<String>,
}

impl Previous {
    /// Replaces the names of `body` that the previous entry printed too
    /// with `sub`, as `rule` says, and remembers this entry's names.
    pub(super) fn substitute(&mut self, body: &mut [Node], sub: &str, rule: Rule) {
        let Some(list) = first_marked(body, MARK_NAMES) else {
            return;
        };
        let replacement = || {
            if sub.is_empty() {
                Vec::new()
            } else {
                vec![Node::text(sub)]
            }
        };
        let mut names: Vec<&mut Vec<Node>> = Vec::new();
        if rule != Rule::CompleteAll {
            collect_marked(list, MARK_NAME, &mut names);
        }
        // Without names of its own (a substitute's title), the list is
        // replaced whole.
        if names.is_empty() {
            let whole = plain(list);
            if self.whole.as_deref() == Some(whole.as_str()) {
                *list = replacement();
            }
            self.whole = Some(whole);
            return;
        }
        let each: Vec<String> = names.iter().map(|n| plain(n)).collect();
        match rule {
            Rule::CompleteEach => {
                let whole = each.join(",");
                if self.whole.as_deref() == Some(whole.as_str()) {
                    for n in names {
                        *n = replacement();
                    }
                }
                self.whole = Some(whole);
            }
            _ => {
                // partial-each: from the first name on, while they agree;
                // partial-first: the first name only.
                for (k, n) in names.into_iter().enumerate() {
                    if self.each.get(k) != Some(&each[k]) || (rule == Rule::PartialFirst && k > 0) {
                        break;
                    }
                    *n = replacement();
                }
                self.each = each;
            }
        }
    }
}

/// The content of the first output marked `mark`.
fn first_marked<'a>(nodes: &'a mut [Node], mark: &str) -> Option<&'a mut Vec<Node>> {
    for n in nodes.iter_mut() {
        let is_mark = matches!(n, Node::Tagged(Tag::Div(d), _) if *d == mark);
        match n {
            Node::Tagged(_, c) => {
                if is_mark {
                    return Some(c);
                }
                if let Some(found) = first_marked(c, mark) {
                    return Some(found);
                }
            }
            Node::Quoted(_, c) | Node::NoCase(c) => {
                if let Some(found) = first_marked(c, mark) {
                    return Some(found);
                }
            }
            Node::Text(_) => {}
        }
    }
    None
}

/// The contents of every output marked `mark`, in order.
fn collect_marked<'a>(nodes: &'a mut [Node], mark: &str, out: &mut Vec<&'a mut Vec<Node>>) {
    for n in nodes.iter_mut() {
        let is_mark = matches!(n, Node::Tagged(Tag::Div(d), _) if *d == mark);
        match n {
            Node::Tagged(_, c) => {
                if is_mark {
                    out.push(c);
                } else {
                    collect_marked(c, mark, out);
                }
            }
            Node::Quoted(_, c) | Node::NoCase(c) => collect_marked(c, mark, out),
            Node::Text(_) => {}
        }
    }
}
