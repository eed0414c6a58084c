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

use std::collections::HashMap;

use hayagriva::citationberg::DisambiguationRule;

pub(crate) use registry::NameReg;

use super::eval::{CiteInfo, Ctx, Disamb, Env, Mode, Position, Used};
use super::input::ItemData;
use super::output::plain;
use super::{uses_disambiguate_condition, Processor, PARALLEL_MIN};

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
        let first = crate::parallel::map(&all, PARALLEL_MIN, |&i| render(i, None, None, true));
        let pos: HashMap<usize, usize> = order.iter().enumerate().map(|(p, &i)| (i, p)).collect();
        let by_cite = c.givenname_disambiguation_rule == DisambiguationRule::ByCite;
        let ids: Vec<&str> = items.iter().map(|it| it.id.as_str()).collect();
        let run_group = |g: &[usize], reg: &NameReg, settings: &[Disamb]| {
            let mut run = Run {
                render: &|i, request: &Disamb| render(i, Some(request), Some(reg), false),
                steps: &steps,
                add_names: c.disambiguate_add_names,
                ids: &ids,
                bib_pos: &pos,
                registry: g.iter().map(|&i| (i, settings[i].clone())).collect(),
                lists: Vec::new(),
                base: Disamb::default(),
                better: Disamb::default(),
                gnameset: 0,
                gname: 0,
                clashes: [1, 0],
                givens_max: (by_cite && c.disambiguate_add_givenname).then_some(2),
                names_max: None,
                namesets_max: -1,
                step: 0,
                listpos: 0,
                init_givens: true,
                partners: Vec::new(),
                nonpartners: Vec::new(),
                max_names: HashMap::new(),
                last_tests: (0, 0),
            };
            run.run(g);
            run.registry
        };
        let mut settings = Vec::with_capacity(items.len());
        let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        for (i, (text, used)) in first.into_iter().enumerate() {
            for (k, n) in used.names.iter().flatten() {
                reg.add(&items[i].id, n, *k);
            }
            settings.push(used.config);
            let g = groups.entry(text.clone()).or_default();
            if g.is_empty() {
                keys.push(text);
            }
            g.push(i);
            if incremental && g.len() > 1 && !steps.is_empty() {
                let g = g.clone();
                for (j, d) in run_group(&g, &reg, &settings) {
                    settings[j] = d;
                }
            }
        }
        if !incremental && !steps.is_empty() {
            let ambiguous: Vec<Vec<usize>> = keys
                .into_iter()
                .filter_map(|k| groups.remove(&k))
                .filter(|g| g.len() > 1)
                .collect();
            let (reg, settings_ref) = (&reg, &settings);
            let results = crate::parallel::map(&ambiguous, 64, |g| run_group(g, reg, settings_ref));
            for r in results {
                for (i, d) in r {
                    settings[i] = d;
                }
            }
        }
        Disambiguated { settings, reg }
    }
}

type Render<'r> = dyn Fn(usize, &Disamb) -> (String, Used) + 'r;

/// One group of look-alike cites being told apart (citeproc-js's
/// CSL.Disambiguation, field for field).
struct Run<'r> {
    render: &'r Render<'r>,
    steps: &'r [Step],
    add_names: bool,
    ids: &'r [&'r str],
    /// Each item's place in the bibliography (year suffixes follow it).
    bib_pos: &'r HashMap<usize, usize>,
    /// The settings of the group's items (citeproc-js's registry tokens).
    registry: HashMap<usize, Disamb>,
    lists: Vec<(Which, Vec<usize>)>,
    base: Disamb,
    better: Disamb,
    gnameset: usize,
    gname: usize,
    clashes: [usize; 2],
    givens_max: Option<u8>,
    names_max: Option<u32>,
    namesets_max: i64,
    step: usize,
    listpos: usize,
    init_givens: bool,
    partners: Vec<usize>,
    nonpartners: Vec<usize>,
    max_names: HashMap<usize, Vec<u32>>,
    /// The `disambiguate` tests the last rendering met and passed.
    last_tests: (u32, u32),
}

/// A rendering with `base` as its request writes the names and given-name
/// levels it used back into it (citeproc-js's disambig_settings is the
/// request object itself).
fn absorb(base: &mut Disamb, used: &Used) {
    let c = &used.config;
    if base.names.len() < c.names.len() {
        base.names.resize(c.names.len(), 0);
    }
    for (k, &n) in c.names.iter().enumerate() {
        base.names[k] = n;
    }
    if base.givens.len() < c.givens.len() {
        base.givens.resize(c.givens.len(), Vec::new());
    }
    for (k, g) in c.givens.iter().enumerate() {
        let b = &mut base.givens[k];
        if b.len() < g.len() {
            b.resize(g.len(), 0);
        }
        b[..g.len()].copy_from_slice(g);
    }
    base.pad();
}

/// Steps before a group gives up (citeproc-js has no bound; hostile input
/// must not loop forever).
const MAX_STEPS: usize = 10_000;

impl Run<'_> {
    fn config(&mut self, w: Which) -> &mut Disamb {
        match w {
            Which::Base => &mut self.base,
            Which::Better => &mut self.better,
        }
    }

    /// getAmbiguousCite with `this.base` as the request.
    fn cite(&mut self, i: usize) -> String {
        let (text, used) = (self.render)(i, &self.base);
        absorb(&mut self.base, &used);
        self.last_tests = (used.tests_met, used.tests_passed);
        text
    }

    fn register(&mut self, i: usize, w: Which) {
        let d = self.config(w).clone();
        self.registry.insert(i, d);
    }

    fn run(&mut self, ids: &[usize]) {
        if self.steps.is_empty() || ids.len() < 2 {
            return;
        }
        self.init_vars(ids);
        self.init_givens = true;
        let mut steps = 0;
        while !self.lists.is_empty() {
            self.gnameset = 0;
            self.gname = 0;
            self.clashes = [1, 0];
            while !self.lists[0].1.is_empty() {
                steps += 1;
                if steps > MAX_STEPS {
                    return;
                }
                self.listpos = 0;
                let maxed = self.increment();
                let list = self.lists[0].1.clone();
                self.scan(&list);
                self.eval_scan(maxed);
            }
            self.lists.remove(0);
        }
    }

    /// getCiteData: an item's cite rendered once, its longest lists and
    /// given names noted, the base widened to the longest lists.
    fn cite_data(&mut self, i: usize, with_base: bool) {
        if self.max_names.contains_key(&i) {
            return;
        }
        // The first item renders with its own settings (an item cited
        // before keeps what an earlier run gave it: citeproc-js's
        // getAmbiguousCite falls back on the registry's config), the
        // others with the base; either config takes what the rendering used.
        let (used, local) = if with_base {
            let (_, used) = (self.render)(i, &self.base);
            absorb(&mut self.base, &used);
            let local = self.base.clone();
            (used, local)
        } else {
            let mut own = self.registry.get(&i).cloned().unwrap_or_default();
            let (_, used) = (self.render)(i, &own);
            absorb(&mut own, &used);
            self.registry.insert(i, own.clone());
            (used, own)
        };
        self.max_names.insert(i, used.max.clone());
        if let Some(r) = self.registry.get_mut(&i) {
            r.givens = local.givens.clone();
        }
        self.namesets_max = self.registry.get(&i).map_or(0, |r| r.names.len() as i64) - 1;
        if !with_base {
            self.base = local.clone();
            self.better = local.clone();
        }
        if local.names.len() < self.base.names.len() {
            self.base = local.clone();
        }
        for k in 0..local.names.len() {
            if local.names[k] > self.base.names.get(k).copied().unwrap_or(0) {
                if self.base.givens.len() <= k {
                    self.base.givens.resize(k + 1, Vec::new());
                }
                self.base.givens[k] = local.givens.get(k).cloned().unwrap_or_default();
                self.base.names[k] = local.names[k];
                self.better.names = self.base.names.clone();
                self.better.givens = self.base.givens.clone();
                self.base.pad();
                self.better.pad();
            }
        }
        self.better.givens = self.base.givens.clone();
    }

    fn init_vars(&mut self, ids: &[usize]) {
        self.lists.clear();
        self.cite_data(ids[0], false);
        let mut bundles: Vec<(Vec<u32>, usize)> = vec![(self.max_names[&ids[0]].clone(), ids[0])];
        for &i in &ids[1..] {
            self.cite_data(i, true);
            bundles.push((self.max_names[&i].clone(), i));
        }
        // JavaScript compares the arrays as strings ("10,2" < "5,3"), then the ids.
        let joined = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        bundles.sort_by(|a, b| {
            joined(&a.0)
                .cmp(&joined(&b.0))
                .then_with(|| self.ids[a.1].cmp(self.ids[b.1]))
        });
        let members: Vec<usize> = bundles.into_iter().map(|b| b.1).collect();
        let first = members[0];
        self.lists.push((Which::Base, members));
        self.step = 0;
        self.names_max = self.max_names.get(&first).and_then(|m| m.first().copied());
        self.base.pad();
        self.better.pad();
        self.base.year_suffix = None;
        self.base.disambiguate = 0;
        self.better.year_suffix = None;
        self.better.disambiguate = 0;
    }

    fn scan(&mut self, list: &[usize]) {
        let item = list[0];
        let own = self.cite(item);
        self.partners = vec![item];
        self.nonpartners.clear();
        let mut clashes = 0;
        for &other in &list[1..] {
            if self.cite(other) == own {
                clashes += 1;
                self.partners.push(other);
            } else {
                self.nonpartners.push(other);
            }
        }
        self.clashes = [self.clashes[1], clashes];
    }

    fn eval_scan(&mut self, maxed: bool) {
        match self.steps[self.step] {
            Step::Names => self.dis_names(maxed),
            Step::Years => self.dis_years(),
            Step::ExtraText => self.dis_extra_text(),
        }
        if maxed {
            if self.step + 1 < self.steps.len() {
                self.step += 1;
            } else {
                self.set_list(self.listpos + 1, Which::Base, Vec::new());
            }
        }
    }

    /// `this.lists[k] = [config, items]` (appending at the end).
    fn set_list(&mut self, k: usize, w: Which, items: Vec<usize>) {
        if k < self.lists.len() {
            self.lists[k] = (w, items);
        } else {
            self.lists.push((w, items));
        }
    }

    fn capture_step(&mut self) {
        if self.givens_max.is_some() {
            if let Some(&g) = self
                .base
                .givens
                .get(self.gnameset)
                .and_then(|g| g.get(self.gname))
            {
                if self.better.givens.len() < self.base.givens.len() {
                    self.better.givens = self.base.givens.clone();
                }
                let row = &mut self.better.givens[self.gnameset];
                if row.len() <= self.gname {
                    row.resize(self.gname + 1, 0);
                }
                row[self.gname] = g;
            }
        }
        if self.better.names.len() <= self.gnameset {
            self.better.names.resize(self.gnameset + 1, 0);
        }
        self.better.names[self.gnameset] = self.base.names.get(self.gnameset).copied().unwrap_or(0);
    }

    fn dis_names(&mut self, maxed: bool) {
        let (partners, nonpartners) = (self.partners.clone(), self.nonpartners.clone());
        if self.clashes[1] == 0 && nonpartners.len() == 1 {
            self.capture_step();
            self.register(nonpartners[0], Which::Better);
            self.register(partners[0], Which::Better);
            self.set_list(self.listpos, Which::Better, Vec::new());
        } else if self.clashes[1] == 0 {
            self.capture_step();
            self.register(partners[0], Which::Better);
            let empty = nonpartners.is_empty();
            self.set_list(self.listpos, Which::Better, nonpartners);
            if !empty {
                self.init_givens = true;
            }
        } else if nonpartners.len() == 1 {
            self.capture_step();
            self.register(nonpartners[0], Which::Better);
            self.set_list(self.listpos, Which::Better, partners);
        } else if self.clashes[1] < self.clashes[0] {
            self.capture_step();
            self.set_list(self.listpos, Which::Better, partners);
            self.lists.push((Which::Better, nonpartners));
        } else if maxed {
            self.set_list(self.listpos, Which::Better, nonpartners);
            self.lists.push((Which::Better, partners.clone()));
            if self.step + 1 == self.steps.len() {
                for &p in &partners {
                    self.register(p, Which::Better);
                }
                self.set_list(self.listpos, Which::Better, Vec::new());
            }
        }
    }

    fn dis_years(&mut self) {
        let (w, members) = self.lists[self.listpos].clone();
        let mut tokens: Vec<usize> = Vec::new();
        if self.clashes[1] != 0 {
            tokens = members;
            // As the bibliography sorts them (its keys, then input order).
            tokens.sort_by_key(|i| self.bib_pos.get(i).copied().unwrap_or(usize::MAX));
        }
        for (k, &t) in tokens.iter().enumerate() {
            self.config(w).year_suffix = Some(k as u32);
            self.register(t, w);
        }
        self.set_list(self.listpos, Which::Better, Vec::new());
    }

    fn dis_extra_text(&mut self) {
        let done = self.clashes[1] == 0 && self.nonpartners.len() < 2;
        let (met, passed) = self.last_tests;
        if !done && (self.base.disambiguate == 0 || passed != met) {
            self.step = 0;
            self.base.disambiguate = passed;
            self.better.disambiguate = passed;
            if self.base.disambiguate == 0 {
                self.init_givens = true;
                self.base.disambiguate = 1;
            } else {
                self.dis_names(false);
            }
        } else if done || passed == met {
            let (w, members) = self.lists[self.listpos].clone();
            if done || self.step + 1 == self.steps.len() {
                for &i in &members {
                    self.register(i, w);
                }
                self.set_list(self.listpos, Which::Better, Vec::new());
            } else {
                self.step = self.steps.len() - 1;
                self.config(w).disambiguate = 1;
                for &i in &members {
                    self.register(i, w);
                }
            }
        }
    }

    /// incrementDisambig: one more given-name level, one more name, or the
    /// next list of names; whether all are at their maximum.
    fn increment(&mut self) -> bool {
        if self.init_givens {
            self.init_givens = false;
            return false;
        }
        match self.steps[self.step] {
            Step::Names => {}
            Step::ExtraText => {
                self.base.disambiguate += 1;
                self.better.disambiguate += 1;
                return false;
            }
            Step::Years => return false,
        }
        let (gs, g) = (self.gnameset, self.gname);
        let mut increment_names = self.givens_max.is_none();
        let mut increment_namesets = self.names_max.is_none();
        if let Some(max) = self.givens_max {
            match self.base.givens.get_mut(gs).and_then(|row| row.get_mut(g)) {
                Some(level) if *level < max => *level += 1,
                _ => increment_names = true,
            }
        }
        if let (Some(max), true) = (self.names_max, increment_names) {
            if self.add_names {
                increment_namesets = false;
                if (self.gname as u32) < max {
                    if self.base.names.len() <= gs {
                        self.base.names.resize(gs + 1, 0);
                    }
                    self.base.names[gs] += 1;
                    self.gname += 1;
                } else {
                    increment_namesets = true;
                }
            } else {
                increment_namesets = true;
            }
        }
        if increment_namesets && (self.gnameset as i64) < self.namesets_max {
            self.gnameset += 1;
            if self.base.names.len() <= self.gnameset {
                self.base.names.resize(self.gnameset + 1, 0);
            }
            self.base.names[self.gnameset] = 1;
            self.gname = 0;
        }
        let (gs, g) = (self.gnameset, self.gname);
        let namesets_done = self.namesets_max == -1 || gs as i64 == self.namesets_max;
        let names_done = !self.add_names || self.names_max.is_none_or(|m| g as u32 == m);
        let givens_done = match self.givens_max {
            None => true,
            Some(max) => self
                .base
                .givens
                .get(gs)
                .and_then(|row| row.get(g))
                .is_none_or(|&l| l == max),
        };
        namesets_done && names_done && givens_done
    }
}
