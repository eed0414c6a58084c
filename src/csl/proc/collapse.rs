//! Joining the cites of one citation as citeproc-js 2.4.63 does
//! (CSL.getCitationCluster, CSL.getSpliceDelimiter, the names
//! collapsing of CSL.NameOutput._collapseAuthor and the grouped sort of
//! CSL.Engine.processCitationCluster): number ranges, repeated authors
//! printed once, year suffixes joined, and the delimiter before each cite
//! chosen from what the cites before it did.

use hayagriva::citationberg::{Citation, Collapse, StyleClass};

use super::eval::{self};
use super::output::{marked, plain, without_names, without_year_suffix, Node};

/// One rendered cite, with what the joining needs to know of it.
pub(super) struct Rendered {
    /// The item's index.
    pub item: usize,
    /// The cite with its affixes, still marked (names, year suffix).
    pub nodes: Vec<Node>,
    /// Its first names as printed (citeproc-js's authorstring).
    pub names: Option<String>,
    /// The cite had a locator.
    pub locator: bool,
    /// A text variable other than the locator was evaluated.
    pub text_var: bool,
    /// The cite's own prefix and suffix, as given.
    pub prefix: Option<String>,
    pub suffix: Option<String>,
}

/// The cites of one citation in citeproc-js's grouped sort: after the
/// sort, the cites of one author (the same first names as printed) stay
/// together, where the first of them is. Used when an in-text style
/// collapses, or any style sets a cite-group delimiter.
pub(super) fn grouped<T>(cites: Vec<T>, names: &[Option<String>]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = cites.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    for k in 0..slots.len() {
        let Some(first) = slots[k].take() else {
            continue;
        };
        out.push(first);
        if names[k].is_none() {
            continue;
        }
        for j in k + 1..slots.len() {
            if names[j] == names[k] {
                if let Some(c) = slots[j].take() {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Whether the style sorts the cites of a citation grouped by author.
pub(super) fn groups_cites(c: &Citation, class: StyleClass) -> bool {
    (class == StyleClass::InText && c.collapse.is_some()) || c.cite_group_delimiter.is_some()
}

/// Joins the cites of one citation: `numbers` are the citation numbers,
/// `year_suffixes` each item's year suffix.
pub(super) fn join_cites(
    c: &Citation,
    class: StyleClass,
    cites: &[Rendered],
    numbers: &[usize],
    year_suffixes: &[Option<u32>],
) -> Vec<Node> {
    let delim = c.layout.delimiter.as_deref().unwrap_or_default();
    if c.collapse == Some(Collapse::CitationNumber) {
        return join_numbers(cites, delim, numbers);
    }
    let mode = c.collapse;
    let by_suffix = matches!(
        mode,
        Some(Collapse::YearSuffix | Collapse::YearSuffixRanged)
    );
    // Unset, the year-suffix delimiter follows an explicit cite-group
    // delimiter, else the layout's (citeproc-js).
    let suffix_delim = c
        .year_suffix_delimiter
        .as_deref()
        .or(c.cite_group_delimiter.as_deref())
        .unwrap_or(c.get_year_suffix_delimiter())
        .to_string();
    let suffix_of = |i: usize, rest: &[Node]| {
        marked(rest, eval::MARK_YEAR_SUFFIX).map(|s| (s, year_suffixes.get(i).copied().flatten()))
    };
    let mut out: Vec<Node> = Vec::new();
    // citeproc-js's state between cites: the last names printed
    // (last_primary_names_string), whether the last cite collapsed
    // (have_collapsed) and whether the cite-group delimiter applies.
    let mut last_names: Option<&str> = None;
    let mut last_collapsed = false;
    let mut use_group_delim = false;
    let mut last_rest: Vec<Node> = Vec::new();
    let mut last_suffix: Option<u32> = None;
    let mut suffix_run: Vec<(Vec<Node>, Option<u32>)> = Vec::new();
    for (k, cite) in cites.iter().enumerate() {
        let same = cite.names.is_some() && cite.names.as_deref() == last_names;
        if cite.names.is_some() && !same {
            last_names = cite.names.as_deref();
        }
        // Names the same as the last cite's are cut when the style collapses.
        let cut = same && mode.is_some();
        let collapsed = mode.is_some() && (cite.names.is_none() || same) && !cite.text_var;
        if cite.names.is_some() {
            use_group_delim = c.cite_group_delimiter.is_some() && same;
        }
        let rest = if cut {
            without_names(&cite.nodes)
        } else {
            cite.nodes.clone()
        };
        // A cite that prints nothing once its names are cut is left out,
        // delimiter and all (citeproc-js drops empty blobs).
        if k > 0 && cut && plain(&rest).trim().is_empty() {
            continue;
        }
        let bare = without_year_suffix(&without_names(&rest));
        if k > 0 {
            let suffix = suffix_of(cite.item, &rest);
            if let (true, true, Some(suffix)) = (
                (cut || collapsed) && by_suffix,
                plain(&bare) == plain(&last_rest),
                suffix.clone(),
            ) {
                suffix_run.push(suffix);
                last_collapsed = collapsed;
                continue;
            }
            flush_suffixes(&mut out, last_suffix, &mut suffix_run, &suffix_delim, mode);
            let prev = &cites[k - 1];
            let mut splice = if let Some(after) = c.after_collapse_delimiter.as_deref() {
                // citeproc-js: after a locator, after a collapsed run, and
                // between cites that do not collapse (unless year suffixes do).
                if prev.locator
                    || (!collapsed && (last_collapsed || mode != Some(Collapse::YearSuffix)))
                {
                    after
                } else {
                    delim
                }
            } else if use_group_delim {
                c.cite_group_delimiter.as_deref().unwrap_or(delim)
            } else if collapsed && class == StyleClass::InText {
                ", "
            } else {
                delim
            };
            // Punctuation the cites' own affixes bring replaces the delimiter.
            let ends = |s: &Option<String>| s.as_deref().and_then(|s| s.chars().last());
            let preceding = ends(&prev.suffix).is_some_and(|ch| ";.,".contains(ch));
            let opening = prev.suffix.as_deref().is_none_or(str::is_empty)
                && cite
                    .prefix
                    .as_deref()
                    .and_then(|p| p.chars().next())
                    .is_some_and(|ch| ";.,".contains(ch));
            if opening {
                splice = "";
            } else if preceding {
                splice = splice.find(' ').map_or("", |i| &splice[i..]);
            }
            out.push(Node::text(splice));
            last_suffix = suffix.and_then(|s| s.1);
        } else {
            last_suffix = suffix_of(cite.item, &rest).and_then(|s| s.1);
        }
        out.extend(rest);
        last_rest = bare;
        last_collapsed = collapsed;
    }
    flush_suffixes(&mut out, last_suffix, &mut suffix_run, &suffix_delim, mode);
    out
}

/// Citation numbers collapsed: runs of three or more consecutive numbers
/// become ranges ("[1]–[3]").
fn join_numbers(cites: &[Rendered], delim: &str, numbers: &[usize]) -> Vec<Node> {
    let mut out = Vec::new();
    // A cite that prints more than its number (a locator) is no part of
    // a range: citeproc-js ranges only cites that are one number blob.
    let values: Vec<Option<usize>> = cites
        .iter()
        .map(|c| {
            let n = numbers.get(c.item).copied()?;
            let rest = plain(&c.nodes).replacen(&n.to_string(), "", 1);
            (!rest.chars().any(char::is_alphanumeric)).then_some(n)
        })
        .collect();
    for (n, r) in consecutive_runs(&values).into_iter().enumerate() {
        let (k, j) = (*r.start(), *r.end());
        if n > 0 {
            out.push(Node::text(delim));
        }
        if j >= k + 2 {
            out.extend(cites[k].nodes.clone());
            out.push(Node::text("–"));
            out.extend(cites[j].nodes.clone());
        } else {
            for (m, cite) in cites[k..=j].iter().enumerate() {
                if m > 0 {
                    out.push(Node::text(delim));
                }
                out.extend(cite.nodes.clone());
            }
        }
    }
    out
}

/// Writes the year suffixes (each with its number) collapsed after a cite
/// whose own suffix is `first`: with `year-suffix-ranged`, runs of three or
/// more consecutive suffixes become ranges ("a, c–e" for a, c, d, e).
fn flush_suffixes(
    out: &mut Vec<Node>,
    first: Option<u32>,
    run: &mut Vec<(Vec<Node>, Option<u32>)>,
    delim: &str,
    mode: Option<Collapse>,
) {
    if run.is_empty() {
        return;
    }
    if mode == Some(Collapse::YearSuffixRanged) {
        // Runs of consecutive suffixes over [first] + run; the first
        // element of the first run is already written (with its cite).
        let mut values: Vec<Option<u32>> = vec![first];
        values.extend(run.iter().map(|s| s.1));
        for r in consecutive_runs(&values) {
            let (k, j) = (*r.start(), *r.end());
            if k > 0 {
                out.push(Node::text(delim));
                out.extend(run[k - 1].0.clone());
            }
            if j >= k + 2 {
                out.push(Node::text("–"));
                out.extend(run[j - 1].0.clone());
            } else {
                for m in k + 1..=j {
                    out.push(Node::text(delim));
                    out.extend(run[m - 1].0.clone());
                }
            }
        }
    } else {
        for s in run.iter() {
            out.push(Node::text(delim));
            out.extend(s.0.clone());
        }
    }
    run.clear();
}

/// The runs of consecutive numbers, as index ranges: [3, 4, 5, 9] gives
/// 0..=2 and 3..=3 (a missing number ends a run).
fn consecutive_runs<N: Copy + PartialEq + std::ops::Add<Output = N> + From<u8>>(
    values: &[Option<N>],
) -> Vec<std::ops::RangeInclusive<usize>> {
    let mut runs = Vec::new();
    let mut k = 0;
    while k < values.len() {
        let mut j = k;
        while j + 1 < values.len()
            && matches!((values[j], values[j + 1]), (Some(a), Some(b)) if b == a + N::from(1))
        {
            j += 1;
        }
        runs.push(k..=j);
        k = j + 1;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_numbers_make_runs() {
        let runs = consecutive_runs(&[Some(3usize), Some(4), Some(5), Some(9), None, Some(10)]);
        assert_eq!(runs, [0..=2, 3..=3, 4..=4, 5..=5]);
        assert!(consecutive_runs::<u32>(&[]).is_empty());
    }

    #[test]
    fn cites_of_one_author_stay_together_where_the_first_is() {
        let names = [
            Some("B".to_string()),
            Some("A".into()),
            None,
            Some("B".into()),
            None,
        ];
        assert_eq!(grouped(vec![0, 1, 2, 3, 4], &names), [0, 3, 1, 2, 4]);
    }
}
