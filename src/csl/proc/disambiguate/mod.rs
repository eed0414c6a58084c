//! Disambiguation (CSL 1.0.2 "Disambiguation"): added names, given names,
//! year suffixes and the `disambiguate` condition for cites that read
//! alike, as citeproc-js 2.4.63 settles them (its CSL.Disambiguation and
//! CSL.Registry, ported step by step: where its choices look odd they are
//! kept, for the output has to be the same).
//!
//! Every item's cite is first rendered as a later cite would read
//! (getAmbiguousCite), with the style's settings; the names it renders go
//! to the name registry (given-name disambiguation reads it everywhere),
//! and items whose cites read the same form a group. Each group is then
//! told apart by the modes the style allows, in citeproc-js's order: more
//! names and given names (disNames), year suffixes (disYears), the
//! `disambiguate` condition (disExtraText).

mod registry;
mod run;

use std::collections::HashMap;

use hayagriva::citationberg::DisambiguationRule;

pub(crate) use registry::NameReg;
use run::Run;

use super::eval::{CiteInfo, Ctx, Disamb, Env, Mode, Position};
use super::input::ItemData;
use super::output::plain;
use super::{uses_disambiguate_condition, Processor, PARALLEL_MIN};
use crate::fasthash::FastHash;

/// Items whose cites are rendered before their names are registered. Each
/// rendered cite holds a copy of the names it shows until it is registered,
/// and two blocks are held at a time (one registering, the next rendering):
/// 4,096 held 2 MiB of names at the peak of `format --no-merge` of 10k
/// items.
const REGISTER_BLOCK: usize = 1024;

/// The items of the ambiguous groups told apart at a time (see
/// [`Processor::disambiguate`]).
const GROUP_BATCH: usize = 32_768;

/// What the disambiguation settled: each item's settings and the registry
/// of the names the citations render.
pub(crate) struct Disambiguated {
    pub settings: Vec<Disamb>,
    pub reg: NameReg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Names,
    Years,
    ExtraText,
}

/// Which of the two configurations a list of items refers to: citeproc-js
/// keeps references to its `base` and `betterbase` objects in its lists,
/// so a change to one shows in every list that refers to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Base,
    Better,
}

impl Processor {
    /// The disambiguation of all items' cites (see the module's docs).
    /// `incremental`: the items are registered one at a time, each group
    /// told apart again when one joins it, as citeproc-js does when each
    /// item is cited in turn (Zotero's citation list: every
    /// appendCitationCluster registers the items cited so far); else all
    /// at once (updateItems, which the bibliography follows).
    pub(super) fn disambiguate(
        &self,
        items: &[ItemData],
        order: &[usize],
        numbers: &[usize],
        env: &Env,
        incremental: bool,
    ) -> Disambiguated {
        let c = &self.style.citation;
        let mut reg = NameReg::new(
            c.givenname_disambiguation_rule,
            c.disambiguate_add_givenname,
            self.style.settings.demote_non_dropping_particle
                == hayagriva::citationberg::DemoteNonDroppingParticle::Never,
            self.style.settings.initialize_with_hyphen,
        );
        let mut steps = Vec::new();
        if c.disambiguate_add_names
            || (c.disambiguate_add_givenname
                && c.givenname_disambiguation_rule == DisambiguationRule::ByCite)
        {
            steps.push(Step::Names);
        }
        if c.disambiguate_add_year_suffix {
            steps.push(Step::Years);
        }
        if uses_disambiguate_condition(&self.style) {
            steps.push(Step::ExtraText);
        }
        if steps.is_empty() && !c.disambiguate_add_givenname {
            return Disambiguated {
                settings: vec![Disamb::default(); items.len()],
                reg,
            };
        }
        let inherit = self.style.settings.options.apply(&c.name_options);
        // citeproc-js compares cites as they read in a later note
        // (getAmbiguousCite: position subsequent, near-note), without their
        // formatting.
        let info = CiteInfo {
            position: Position::Subsequent,
            near_note: true,
            ..CiteInfo::default()
        };
        let none = Disamb::default();
        let render = |i: usize, request: Option<&Disamb>, reg: Option<&NameReg>, collect: bool| {
            let mut ctx = Ctx::new(
                env,
                &items[i],
                Some(&info),
                Mode::Citation,
                inherit.clone(),
                request.unwrap_or(&none),
                Some(numbers[i]),
            );
            ctx.request = request;
            ctx.comparing = true;
            ctx.reg = reg;
            if collect {
                ctx.used.borrow_mut().names = Some(Vec::new());
            }
            let text = plain(&ctx.seq(&c.layout.elements, None));
            (text, ctx.used.into_inner())
        };
        // Registration, in input order: each cite as the style sets it (the
        // registry's given-name levels do not apply to items not yet
        // registered), its names into the registry.
        let all: Vec<usize> = (0..items.len()).collect();
        // Each item's place in `order` (usize::MAX for one not in it).
        let mut pos = vec![usize::MAX; items.len()];
        for (p, &i) in order.iter().enumerate() {
            if let Some(slot) = pos.get_mut(i) {
                *slot = p;
            }
        }
        let by_cite = c.givenname_disambiguation_rule == DisambiguationRule::ByCite;
        let ids: Vec<&str> = items.iter().map(|it| it.id.as_str()).collect();
        let run_group = |g: &[usize], reg: &NameReg, settings: &[Disamb]| {
            let cite = |i, request: &Disamb| render(i, Some(request), Some(reg), false);
            let run = Run::new(
                &cite,
                &steps,
                c.disambiguate_add_names,
                &ids,
                &pos,
                g.iter().map(|&i| (i, settings[i].clone())).collect(),
                (by_cite && c.disambiguate_add_givenname).then_some(2),
            );
            run.run(g)
        };
        let mut settings = Vec::with_capacity(items.len());
        // Each distinct cite text's group, in the order the texts first appear:
        // its first item, and all its items once it has several (most cites
        // read alike with none: a list each took 56 bytes, 8 now).
        let mut group_of: HashMap<String, usize, FastHash> = HashMap::default();
        let mut first: Vec<usize> = Vec::new();
        let mut several: HashMap<usize, Vec<usize>, FastHash> = HashMap::default();
        // Rendered a block at a time (on all cores) and registered in order,
        // so that the names of every cite are never all held at once; a
        // block is registered (on one thread) while the next one renders
        // (on the others, then on that one too): registering alone left a
        // core idle, 2.0 s of a 1M-item bibliography's 4.7 s here.
        let blocks: Vec<&[usize]> = all.chunks(REGISTER_BLOCK).collect();
        let mut rendered: Vec<(String, super::eval::Used)> = Vec::new();
        for k in 0..=blocks.len() {
            let (block, done) = (blocks.get(k).copied().unwrap_or(&[]), k.checked_sub(1));
            let last = std::mem::take(&mut rendered);
            let (reg, settings, group_of, first, several) = (
                &mut reg,
                &mut settings,
                &mut group_of,
                &mut first,
                &mut several,
            );
            let register = || {
                let Some(prev) = done.map(|d| blocks[d]) else {
                    return;
                };
                for (&i, (text, used)) in prev.iter().zip(last) {
                    for (k, n) in used.names.iter().flatten() {
                        reg.add(&items[i].id, n, *k);
                    }
                    settings.push(used.config);
                    let next = first.len();
                    let g = *group_of.entry(text).or_insert(next);
                    if g == next {
                        first.push(i);
                        continue;
                    }
                    let group = several.entry(g).or_insert_with(|| vec![first[g]]);
                    group.push(i);
                    if incremental && !steps.is_empty() {
                        for (j, d) in run_group(group, reg, settings) {
                            settings[j] = d;
                        }
                    }
                }
            };
            rendered = crate::parallel::map_beside(
                block,
                PARALLEL_MIN,
                |&i| render(i, None, None, true),
                register,
            );
        }
        drop(group_of);
        drop(first);
        if !incremental && !steps.is_empty() {
            // In the order the groups' texts first appeared.
            let mut ambiguous: Vec<(usize, Vec<usize>)> = several.into_iter().collect();
            ambiguous.sort_unstable_by_key(|(g, _)| *g);
            let mut ambiguous: Vec<Vec<usize>> = ambiguous.into_iter().map(|(_, g)| g).collect();
            // Groups are disjoint: they run in any order, the largest
            // first so that no core is left with one at the end, about
            // GROUP_BATCH items at a time so that the settings they give
            // (and their copies of the settings they start from) are not
            // all held at once.
            ambiguous.sort_by_key(|g| std::cmp::Reverse(g.len()));
            let mut rest = ambiguous.as_slice();
            while !rest.is_empty() {
                let mut n = 0;
                let mut size = 0;
                while n < rest.len() && (n == 0 || size + rest[n].len() <= GROUP_BATCH) {
                    size += rest[n].len();
                    n += 1;
                }
                let (batch, later) = rest.split_at(n);
                rest = later;
                let (reg, settings_ref) = (&reg, &settings);
                let results = crate::parallel::map_each(batch, |g| run_group(g, reg, settings_ref));
                for r in results {
                    for (i, d) in r {
                        settings[i] = d;
                    }
                }
            }
        }
        Disambiguated { settings, reg }
    }
}
