//! Citations: positions, cite affixes, sorting within a cluster and
//! collapsing (CSL 1.0.2 "Citation-specific Options").

use std::collections::HashMap;

use hayagriva::citationberg::{Collapse, ToAffixes, ToFormatting};

use super::eval::{self, decorate, CiteInfo, Ctx, Disamb, Mode, Position};
use super::input::ItemData;
use super::output::rich::rich_affix;
use super::output::serialize::render;
use super::output::{
    is_empty, marked, plain, strip_marks, without_names, without_year_suffix, Node,
};
use super::{Cite, OutputFormat, Processor};

impl Processor {
    /// Renders citations: each cluster is a list of cites, rendered in order.
    /// Items are CSL-JSON; cites name them by id (unknown ids are skipped).
    ///
    /// ```
    /// use publist::csl::{load_style, Cite, OutputFormat, Processor};
    /// let p = Processor::new(load_style("apa", None).unwrap(), &publist::hayagriva::archive::locales(), None);
    /// let items = serde_json::json!([
    ///     {"id": "a", "type": "book", "title": "A", "author": [{"family": "Doe", "given": "J."}], "issued": {"date-parts": [[2000]]}},
    ///     {"id": "b", "type": "book", "title": "B", "author": [{"family": "Doe", "given": "J."}], "issued": {"date-parts": [[2000]]}}]);
    /// let out = p.citations(items.as_array().unwrap(), &[vec![Cite::new("a")], vec![Cite::new("b")]], OutputFormat::Text);
    /// assert_eq!(out, ["(Doe, 2000a)", "(Doe, 2000b)"]);
    /// ```
    pub fn citations(
        &self,
        items: &[serde_json::Value],
        clusters: &[Vec<Cite>],
        format: OutputFormat,
    ) -> Vec<String> {
        let numbered: Vec<(u32, Vec<Cite>)> = clusters
            .iter()
            .enumerate()
            .map(|(k, c)| (u32::try_from(k + 1).unwrap_or(u32::MAX), c.clone()))
            .collect();
        self.citations_in_notes(items, &numbered, format)
    }

    /// Each item cited alone, in input order, as Zotero's citation list
    /// gives them (citeproc-js's `updateItems`, then one
    /// `appendCitationCluster` per item): each citation is told apart from
    /// those before it when it joins, and earlier ones change when a later
    /// one reads like them.
    ///
    /// ```
    /// use publist::csl::{load_style, OutputFormat, Processor};
    /// let p = Processor::new(load_style("apa", None).unwrap(), &publist::hayagriva::archive::locales(), None);
    /// let items = serde_json::json!([
    ///     {"id": "a", "type": "book", "title": "A", "author": [{"family": "Doe", "given": "John"}], "issued": {"date-parts": [[2000]]}},
    ///     {"id": "b", "type": "book", "title": "B", "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2000]]}},
    ///     {"id": "c", "type": "book", "title": "C", "author": [{"family": "Roe", "given": "Rita"}], "issued": {"date-parts": [[2000]]}}]);
    /// // What citeproc-js 2.4.63 gives Zotero for the same items.
    /// let out = p.citation_list(items.as_array().unwrap(), OutputFormat::Text);
    /// assert_eq!(out, ["(Doe, 2000a)", "(Doe, 2000b)", "(Roe, 2000)"]);
    /// ```
    pub fn citation_list(&self, items: &[serde_json::Value], format: OutputFormat) -> Vec<String> {
        let data: Vec<ItemData> = items
            .iter()
            .enumerate()
            .map(|(i, v)| ItemData::from_json(v, i))
            .collect();
        let clusters: Vec<(u32, Vec<Cite>)> = data
            .iter()
            .enumerate()
            .map(|(k, d)| {
                (
                    u32::try_from(k + 1).unwrap_or(u32::MAX),
                    vec![Cite::new(&d.id)],
                )
            })
            .collect();
        self.cite_items(&data, &clusters, format, true)
    }

    /// [`Processor::citations`] with the number of the footnote each
    /// cluster sits in (several clusters may share a note; 0 is in the
    /// text). Note numbers decide `near-note` and
    /// `first-reference-note-number`.
    ///
    /// ```
    /// use publist::csl::{load_style, Cite, OutputFormat, Processor};
    /// let style = publist::hayagriva::citationberg::IndependentStyle::from_xml(r#"
    ///   <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
    ///     <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
    ///     <citation near-note-distance="2"><layout><choose>
    ///       <if position="near-note"><text value="near "/></if></choose>
    ///       <text variable="title"/><text variable="first-reference-note-number" prefix=" n. "/>
    ///     </layout></citation></style>"#).unwrap();
    /// let p = Processor::new(style, &[], None);
    /// let items = serde_json::json!([{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B"}]);
    /// let items = items.as_array().unwrap();
    /// let clusters = [(3, vec![Cite::new("a")]), (4, vec![Cite::new("b")]), (9, vec![Cite::new("a")])];
    /// let out = p.citations_in_notes(items, &clusters, OutputFormat::Text);
    /// // the first cite of an item has no first-reference-note-number
    /// assert_eq!(out, ["A", "B", "A n. 3"]);
    /// let clusters = [(3, vec![Cite::new("a")]), (4, vec![Cite::new("b")]), (5, vec![Cite::new("a")])];
    /// assert_eq!(p.citations_in_notes(items, &clusters, OutputFormat::Text)[2], "near A n. 3");
    /// ```
    pub fn citations_in_notes(
        &self,
        items: &[serde_json::Value],
        clusters: &[(u32, Vec<Cite>)],
        format: OutputFormat,
    ) -> Vec<String> {
        let data: Vec<ItemData> = items
            .iter()
            .enumerate()
            .map(|(i, v)| ItemData::from_json(v, i))
            .collect();
        self.cite_items(&data, clusters, format, false)
    }

    /// [`Processor::citations_in_notes`] of items already read;
    /// `incremental`: disambiguated as each item joins (see
    /// `Processor::disambiguate`).
    pub(crate) fn cite_items(
        &self,
        data: &[ItemData],
        clusters: &[(u32, Vec<Cite>)],
        format: OutputFormat,
        incremental: bool,
    ) -> Vec<String> {
        let by_id: HashMap<&str, usize> = data
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let (locales, explicit) = self.env();
        let env = self.make_env(locales, explicit);
        // Citation order: first cite of each item; uncited items follow.
        let mut first_seen: Vec<usize> = Vec::new();
        let mut seen = vec![false; data.len()];
        for c in clusters.iter().flat_map(|(_, c)| c) {
            if let Some(&i) = by_id.get(c.id.as_str()) {
                if !seen[i] {
                    seen[i] = true;
                    first_seen.push(i);
                }
            }
        }
        for (i, s) in seen.iter().enumerate() {
            if !s {
                first_seen.push(i);
            }
        }
        // Bibliography order over items in citation order.
        let reordered: Vec<ItemData> = first_seen.iter().map(|&i| data[i].clone()).collect();
        let (order_r, numbers_r) = self.bib_order(&reordered, &env);
        let mut numbers = vec![0; data.len()];
        for (r, &i) in first_seen.iter().enumerate() {
            numbers[i] = numbers_r[r];
        }
        let order: Vec<usize> = order_r.iter().map(|&r| first_seen[r]).collect();
        let super::disambiguate::Disambiguated {
            settings: disamb,
            reg,
        } = self.disambiguate(data, &order, &numbers, &env, incremental);
        let c = &self.style.citation;
        let inherit = self.style.settings.options.apply(&c.name_options);
        let markup = format.markup();
        let mut last_note: HashMap<usize, u32> = HashMap::new();
        let mut first_note: HashMap<usize, u32> = HashMap::new();
        let mut prev_cluster: Vec<(usize, Option<String>)> = Vec::new();
        let mut out = Vec::new();
        for (note, cluster) in clusters {
            let note = *note;
            let mut cites: Vec<(usize, &Cite)> = cluster
                .iter()
                .filter_map(|c| by_id.get(c.id.as_str()).map(|&i| (i, c)))
                .collect();
            if let Some(sort) = c.sort.as_ref().filter(|s| !s.keys.is_empty()) {
                let subset: Vec<usize> = cites.iter().map(|(i, _)| *i).collect();
                let sorted = self.sorted(data, &subset, &sort.keys, &env, &inherit, &numbers);
                let mut rest = cites.clone();
                cites = sorted
                    .iter()
                    .filter_map(|i| {
                        let p = rest.iter().position(|(j, _)| j == i)?;
                        Some(rest.remove(p))
                    })
                    .collect();
            }
            let mut rendered: Vec<(usize, Vec<Node>, Option<String>)> = Vec::new();
            let mut this_cluster: Vec<(usize, Option<String>)> = Vec::new();
            for (k, (i, cite)) in cites.iter().enumerate() {
                let prev = if k > 0 {
                    this_cluster.last().cloned()
                } else if prev_cluster.len() == 1
                    || prev_cluster.iter().all(|p| p.0 == prev_cluster[0].0)
                {
                    prev_cluster.last().cloned()
                } else {
                    None
                };
                let position = match (first_note.contains_key(i), prev) {
                    (false, _) => Position::First,
                    (true, Some((pi, ploc))) if pi == *i => {
                        if cite.locator.is_none() && ploc.is_some() {
                            Position::Subsequent
                        } else if cite.locator == ploc {
                            Position::Ibid
                        } else {
                            Position::IbidWithLocator
                        }
                    }
                    _ => Position::Subsequent,
                };
                let near = last_note
                    .get(i)
                    .is_some_and(|&n| note.abs_diff(n) <= c.near_note_distance);
                let info = CiteInfo {
                    locator: cite.locator.clone(),
                    label: cite.label.clone(),
                    position,
                    near_note: near,
                    first_note: first_note.get(i).copied(),
                    opens_sentence: match cite.prefix.as_deref().filter(|p| !p.trim().is_empty()) {
                        Some(p) => ends_sentence(p),
                        None => k == 0,
                    },
                };
                let mut ctx = Ctx::new(
                    &env,
                    &data[*i],
                    Some(&info),
                    Mode::Citation,
                    inherit.clone(),
                    &disamb[*i],
                    Some(numbers[*i]),
                );
                ctx.request = Some(&disamb[*i]);
                ctx.reg = Some(&reg);
                let mut body = ctx.seq(&c.layout.elements, None);
                if is_empty(&body) {
                    body = vec![Node::text(
                        "[CSL STYLE ERROR: reference with no printed form.]",
                    )];
                }
                let mut nodes = Vec::new();
                if let Some(p) = cite.prefix.as_deref().filter(|p| !p.is_empty()) {
                    nodes.extend(rich_affix(p));
                }
                let names_key = marked(&body, eval::MARK_NAMES).map(|n| plain(&n));
                if cite.suppress_author {
                    body = without_names(&body);
                }
                // Markers stay until the cites are joined (collapsing needs them).
                nodes.extend(body);
                if let Some(s) = cite.suffix.as_deref().filter(|s| !s.is_empty()) {
                    nodes.extend(rich_affix(s));
                }
                rendered.push((*i, nodes, names_key));
                this_cluster.push((*i, cite.locator.clone()));
                first_note.entry(*i).or_insert(note);
                last_note.insert(*i, note);
            }
            prev_cluster = this_cluster;
            let delim = c.layout.delimiter.clone().unwrap_or_default();
            let joined = strip_marks(self.join_cites(rendered, &delim, &numbers, &disamb));
            if is_empty(&joined) {
                out.push(String::new());
                continue;
            }
            let nodes = decorate(
                joined,
                &c.layout.to_formatting(),
                &c.layout.to_affixes(),
                None,
                false,
            );
            out.push(render(&nodes, markup, &self.quotes));
        }
        out
    }

    /// Joins the cites of one citation, collapsing number ranges and
    /// repeated authors as the style asks.
    fn join_cites(
        &self,
        cites: Vec<(usize, Vec<Node>, Option<String>)>,
        delim: &str,
        numbers: &[usize],
        disamb: &[Disamb],
    ) -> Vec<Node> {
        let c = &self.style.citation;
        let mut out: Vec<Node> = Vec::new();
        match c.collapse {
            Some(Collapse::CitationNumber) => {
                let values: Vec<Option<usize>> =
                    cites.iter().map(|c| numbers.get(c.0).copied()).collect();
                for (n, r) in consecutive_runs(&values).into_iter().enumerate() {
                    let (k, j) = (*r.start(), *r.end());
                    if n > 0 {
                        out.push(Node::text(delim));
                    }
                    if j >= k + 2 {
                        out.extend(cites[k].1.clone());
                        out.push(Node::text("–"));
                        out.extend(cites[j].1.clone());
                    } else {
                        for (m, cite) in cites[k..=j].iter().enumerate() {
                            if m > 0 {
                                out.push(Node::text(delim));
                            }
                            out.extend(cite.1.clone());
                        }
                    }
                }
            }
            Some(mode) => {
                // Adjacent cites by the same authors: the names once, then
                // the years (or only the year suffixes) joined by the
                // cite-group delimiter.
                // Unset, the cite-group delimiter is ", " when years collapse
                // and the layout's delimiter when year suffixes do (citeproc-js).
                let group_delim = c.cite_group_delimiter.as_deref().unwrap_or(match mode {
                    Collapse::Year => ", ",
                    _ => delim,
                });
                // Unset, the year-suffix delimiter follows an explicit
                // cite-group delimiter, else the layout's (citeproc-js).
                let suffix_delim = c
                    .year_suffix_delimiter
                    .as_deref()
                    .or(c.cite_group_delimiter.as_deref())
                    .unwrap_or(c.get_year_suffix_delimiter())
                    .to_string();
                let after = c.get_after_collapse_delimiter().to_string();
                let mut k = 0;
                let mut previous_collapsed = false;
                while k < cites.len() {
                    let mut j = k;
                    while j + 1 < cites.len()
                        && cites[k].2.is_some()
                        && cites[j + 1].2 == cites[k].2
                    {
                        j += 1;
                    }
                    if k > 0 && !opens_with_punctuation(&cites[k].1) {
                        out.push(Node::text(if previous_collapsed {
                            after.as_str()
                        } else {
                            delim
                        }));
                    }
                    out.extend(cites[k].1.clone());
                    // A printed year suffix, with its number.
                    let suffix_of = |i: usize, rest: &[Node]| {
                        marked(rest, eval::MARK_YEAR_SUFFIX)
                            .map(|s| (s, disamb.get(i).and_then(|d| d.year_suffix)))
                    };
                    let first_rest = without_names(&cites[k].1);
                    let mut last_suffix = suffix_of(cites[k].0, &first_rest).and_then(|s| s.1);
                    let mut last_rest = without_year_suffix(&first_rest);
                    let mut suffix_run: Vec<(Vec<Node>, Option<u32>)> = Vec::new();
                    for cite in &cites[k + 1..=j] {
                        let rest = without_names(&cite.1);
                        let bare = without_year_suffix(&rest);
                        let suffix = suffix_of(cite.0, &rest);
                        let by_suffix =
                            matches!(mode, Collapse::YearSuffix | Collapse::YearSuffixRanged)
                                && plain(&bare) == plain(&last_rest);
                        if let (true, Some(suffix)) = (by_suffix, suffix.clone()) {
                            suffix_run.push(suffix);
                            continue;
                        }
                        flush_suffixes(&mut out, last_suffix, &mut suffix_run, &suffix_delim, mode);
                        last_suffix = suffix.and_then(|s| s.1);
                        out.push(Node::text(group_delim));
                        out.extend(rest);
                        last_rest = bare;
                    }
                    flush_suffixes(&mut out, last_suffix, &mut suffix_run, &suffix_delim, mode);
                    previous_collapsed = j > k;
                    k = j + 1;
                }
            }
            None => {
                for (k, cite) in cites.iter().enumerate() {
                    if k > 0 && !opens_with_punctuation(&cite.1) {
                        out.push(Node::text(delim));
                    }
                    out.extend(cite.1.clone());
                }
            }
        }
        out
    }
}

/// A cite whose prefix opens with punctuation (", cited in "): the layout
/// delimiter before it is left out (citeproc-js).
fn opens_with_punctuation(cite: &[Node]) -> bool {
    plain(cite).starts_with([',', ';', '.', ':'])
}

/// A cite prefix that ends a sentence: more than one word, the last
/// ending in `.`, `!` or `?` ("Caps after. ", not "Cf. ").
fn ends_sentence(prefix: &str) -> bool {
    let p = prefix.trim().trim_end_matches(['"', '”', '’', '\'', ')']);
    p.ends_with(['.', '!', '?']) && p.split_whitespace().count() > 1
}

/// Writes the year suffixes (each with its number) collapsed after a cite
/// whose own suffix is `first`: with `year-suffix-ranged`, runs of three or
/// more consecutive suffixes become ranges ("a, c–e" for a, c, d, e).
fn flush_suffixes(
    out: &mut Vec<Node>,
    first: Option<u32>,
    run: &mut Vec<(Vec<Node>, Option<u32>)>,
    delim: &str,
    mode: Collapse,
) {
    if run.is_empty() {
        return;
    }
    if mode == Collapse::YearSuffixRanged {
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
}
