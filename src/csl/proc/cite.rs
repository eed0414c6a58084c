//! Citations: positions, cite affixes, sorting within a cluster and
//! collapsing (CSL 1.0.2 "Citation-specific Options").

use std::collections::HashMap;

use hayagriva::citationberg::{Affixes, Formatting, ToAffixes, ToFormatting};

use super::collapse::{self, Rendered};

use super::eval::{self, decorate, CiteInfo, Ctx, Mode, Position};
use super::input::ItemData;
use super::output::rich::rich_affix;
use super::output::serialize::render;
use super::output::{is_empty, marked, plain, strip_marks, without_names, Node};
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
        let class = self.style.settings.class;
        let inherit = self.style.settings.options.apply(&c.name_options);
        let markup = format.markup();
        // Citations in the text (note 0) and in notes are two streams, each
        // with its own first, last and previous cite (citeproc-js's
        // textCitations and noteCitations): an in-text cite after a note is
        // "ibid" of the in-text cite before it.
        let mut streams: [Stream; 2] = Default::default();
        let mut out = Vec::new();
        for (note, cluster) in clusters {
            let note = *note;
            let Stream {
                last_note,
                first_note,
                prev_cluster,
                prev_note,
                in_note,
            } = &mut streams[usize::from(note > 0)];
            *in_note.entry(note).or_default() += cluster.len();
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
            if collapse::groups_cites(c, class) && c.sort.is_some() && cites.len() > 1 {
                let names: Vec<Option<String>> = cites
                    .iter()
                    .map(|(i, _)| {
                        let ctx = Ctx::new(
                            &env,
                            &data[*i],
                            None,
                            Mode::Citation,
                            inherit.clone(),
                            &disamb[*i],
                            Some(numbers[*i]),
                        );
                        let body = ctx.seq(&c.layout.elements, None);
                        marked(&body, eval::MARK_NAMES).map(|n| plain(&n))
                    })
                    .collect();
                cites = collapse::grouped(cites, &names);
            }
            let mut rendered: Vec<Rendered> = Vec::new();
            let mut this_cluster: Vec<(usize, Option<(String, String)>)> = Vec::new();
            for (k, (i, cite)) in cites.iter().enumerate() {
                // A locator with its label ("page" when none is given): the
                // same number under another label is another locator.
                let locator = cite.locator.clone().map(|l| {
                    let label = cite.label.clone().unwrap_or_else(|| "page".into());
                    (l, label)
                });
                // The cite "ibid" may refer to (citeproc-js): the cite before
                // it in this citation; else, for the first, the last cite of
                // the citation before in the same note, or the first of one
                // in the note just before that holds only that cite.
                let prev = if k > 0 {
                    this_cluster.last().cloned()
                } else {
                    match *prev_note {
                        Some(pn) if pn == note => prev_cluster.last().cloned(),
                        Some(pn) => prev_cluster.first().cloned().filter(|p| {
                            p.0 == *i
                                && pn + 1 >= note
                                && (pn == 0 || in_note.get(&pn).copied() == Some(1))
                        }),
                        None => None,
                    }
                };
                let position = match (first_note.contains_key(i), prev) {
                    (false, _) => Position::First,
                    (true, Some((pi, ploc))) if pi == *i => {
                        if locator.is_none() && ploc.is_some() {
                            Position::Subsequent
                        } else if locator == ploc {
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
                rendered.push(Rendered {
                    item: *i,
                    nodes,
                    names: names_key,
                    locator: cite.locator.is_some(),
                    text_var: ctx.used.borrow().text_var,
                    prefix: cite.prefix.clone(),
                    suffix: cite.suffix.clone(),
                });
                this_cluster.push((*i, locator));
                first_note.entry(*i).or_insert(note);
                last_note.insert(*i, note);
            }
            *prev_cluster = this_cluster;
            *prev_note = Some(note);
            let suffixes: Vec<Option<u32>> = disamb.iter().map(|d| d.year_suffix).collect();
            let joined = strip_marks(collapse::join_cites(
                c, class, &rendered, &numbers, &suffixes,
            ));
            if is_empty(&joined) {
                out.push(String::new());
                continue;
            }
            // The layout's formatting wraps its affixes in a citation
            // (citeproc-js decorates the joined cites, prefix and suffix in).
            let affixed = decorate(
                joined,
                &Formatting::default(),
                &c.layout.to_affixes(),
                None,
                false,
            );
            let nodes = decorate(
                affixed,
                &c.layout.to_formatting(),
                &Affixes::default(),
                None,
                false,
            );
            out.push(render(&nodes, markup, &self.quotes));
        }
        out
    }
}

/// A cite prefix that ends a sentence: more than one word, the last
/// ending in `.`, `!` or `?` ("Caps after. ", not "Cf. ").
fn ends_sentence(prefix: &str) -> bool {
    let p = prefix.trim().trim_end_matches(['"', '”', '’', '\'', ')']);
    p.ends_with(['.', '!', '?']) && p.split_whitespace().count() > 1
}

/// The position state of one stream of citations.
#[derive(Default)]
struct Stream {
    last_note: HashMap<usize, u32>,
    first_note: HashMap<usize, u32>,
    prev_cluster: Vec<(usize, Option<(String, String)>)>,
    prev_note: Option<u32>,
    /// Cites in each note so far.
    in_note: HashMap<u32, usize>,
}
