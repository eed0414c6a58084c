//! Telling a group of look-alike cites apart: citeproc-js's
//! CSL.Disambiguation, field for field, over the group's items.

use std::collections::HashMap;

use super::super::eval::{Disamb, Used};
use super::{Step, Which};
use crate::fasthash::FastHash;

pub(super) type Render<'r> = dyn Fn(usize, &Disamb) -> (String, Used) + 'r;

/// One group of look-alike cites being told apart (citeproc-js's
/// CSL.Disambiguation, field for field).
pub(super) struct Run<'r> {
    render: &'r Render<'r>,
    steps: &'r [Step],
    add_names: bool,
    ids: &'r [&'r str],
    /// Each item's place in the bibliography (year suffixes follow it).
    bib_pos: &'r [usize],
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
    /// Each distinct cite text, numbered (cites compare by number).
    texts: HashMap<String, u32, FastHash>,
    /// Renderings that left the base as it was (see [`Memo`]).
    memo: Option<Memo>,
    /// Whether renderings are memoised (always, but in a test comparing
    /// the shortcuts with citeproc-js's way of rendering each time).
    memoise: bool,
}

/// The cites of items rendered with `base` as the request that left it
/// unchanged: text number and `disambiguate` tests. A rendering is a
/// function of the item and the request alone, so while the base is
/// `base` such an item reads the same and leaves the base alone again; a
/// scan of them need not render (citeproc-js renders each time).
struct Memo {
    base: Disamb,
    cites: HashMap<usize, (u32, (u32, u32)), FastHash>,
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

impl<'r> Run<'r> {
    /// A run over a group whose items have these settings so far
    /// (`registry`); `givens_max` is 2 when given names are added step by
    /// step (by-cite), else `None`.
    pub(super) fn new(
        render: &'r Render<'r>,
        steps: &'r [Step],
        add_names: bool,
        ids: &'r [&'r str],
        bib_pos: &'r [usize],
        registry: HashMap<usize, Disamb>,
        givens_max: Option<u8>,
    ) -> Run<'r> {
        Run {
            render,
            steps,
            add_names,
            ids,
            bib_pos,
            registry,
            lists: Vec::new(),
            base: Disamb::default(),
            better: Disamb::default(),
            gnameset: 0,
            gname: 0,
            clashes: [1, 0],
            givens_max,
            names_max: None,
            namesets_max: -1,
            step: 0,
            listpos: 0,
            init_givens: true,
            partners: Vec::new(),
            nonpartners: Vec::new(),
            max_names: HashMap::new(),
            last_tests: (0, 0),
            texts: HashMap::default(),
            memo: None,
            memoise: true,
        }
    }

    fn config(&mut self, w: Which) -> &mut Disamb {
        match w {
            Which::Base => &mut self.base,
            Which::Better => &mut self.better,
        }
    }

    /// getAmbiguousCite with `this.base` as the request.
    /// (The number of the cite's text.)
    fn cite(&mut self, i: usize) -> u32 {
        if let Some(&(text, tests)) = self.memoised(i) {
            self.last_tests = tests;
            return text;
        }
        let (text, used) = self.render_base(i);
        self.last_tests = (used.tests_met, used.tests_passed);
        text
    }

    /// Item `i` rendered with the base as the request, which takes what
    /// the rendering used; memoised when that left the base as it was.
    fn render_base(&mut self, i: usize) -> (u32, Used) {
        let before = self.base.clone();
        let (text, used) = (self.render)(i, &self.base);
        absorb(&mut self.base, &used);
        let next = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        let text = *self.texts.entry(text).or_insert(next);
        if self.memoise && self.base == before {
            let cite = (text, (used.tests_met, used.tests_passed));
            match &mut self.memo {
                Some(m) if m.base == self.base => {
                    m.cites.insert(i, cite);
                }
                _ => {
                    let mut cites = HashMap::default();
                    cites.insert(i, cite);
                    self.memo = Some(Memo {
                        base: before,
                        cites,
                    });
                }
            }
        }
        (text, used)
    }

    /// Item `i`'s cite with the current base, when a rendering with this
    /// base left it unchanged.
    fn memoised(&self, i: usize) -> Option<&(u32, (u32, u32))> {
        self.memo
            .as_ref()
            .filter(|m| m.base == self.base)
            .and_then(|m| m.cites.get(&i))
    }

    fn register(&mut self, i: usize, w: Which) {
        let d = self.config(w).clone();
        self.registry.insert(i, d);
    }

    /// Tells the items apart; their settings.
    pub(super) fn run(mut self, ids: &[usize]) -> HashMap<usize, Disamb> {
        self.tell_apart(ids);
        self.registry
    }

    fn tell_apart(&mut self, ids: &[usize]) {
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
                if self.init_givens
                    && self.steps[self.step] == Step::Names
                    && self.skip_unique_heads(&mut steps)
                {
                    if steps > MAX_STEPS {
                        return;
                    }
                    continue;
                }
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
            // (Memoised for the first scan, which renders with the same base.)
            let (_, used) = self.render_base(i);
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

    /// The rounds that follow a round whose first cite was unique (the
    /// list goes on with the others, at the same base, the first item
    /// settled), at once while the next first cite is unique too and every
    /// cite of the list is memoised: the same registrations, lists and
    /// counts as those rounds of scan and disNames, in time linear in the
    /// list rather than quadratic. Whether any round was taken; `steps`
    /// counts the rounds.
    fn skip_unique_heads(&mut self, steps: &mut usize) -> bool {
        let list = &self.lists[0].1;
        let Some(cites) = list
            .iter()
            .map(|&i| self.memoised(i).copied())
            .collect::<Option<Vec<_>>>()
        else {
            return false;
        };
        let mut counts: HashMap<u32, usize, FastHash> = HashMap::default();
        for (text, _) in &cites {
            *counts.entry(*text).or_default() += 1;
        }
        let list = list.clone();
        // A scan's last cite sets the tests: always the list's last item.
        let last_tests = cites.last().map_or((0, 0), |c| c.1);
        let mut p = 0;
        while counts.get(&cites[p].0) == Some(&1) {
            *steps += 1;
            if *steps > MAX_STEPS {
                return true;
            }
            // incrementDisambig after a round that asked for none: nothing.
            self.init_givens = false;
            self.last_tests = last_tests;
            self.listpos = 0;
            self.clashes = [self.clashes[1], 0];
            let (head, rest) = (list[p], &list[p + 1..]);
            self.capture_step();
            if rest.len() == 1 {
                self.register(rest[0], Which::Better);
            }
            self.register(head, Which::Better);
            p += 1;
            if rest.len() <= 1 {
                break;
            }
            self.init_givens = true;
        }
        if p == 0 {
            return false;
        }
        // What the last round's scan and disNames left.
        self.partners = vec![list[p - 1]];
        self.nonpartners = list[p..].to_vec();
        let next = if self.nonpartners.len() <= 1 {
            Vec::new()
        } else {
            self.nonpartners.clone()
        };
        self.set_list(0, Which::Better, next);
        true
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
            tokens.sort_by_key(|i| self.bib_pos.get(*i).copied().unwrap_or(usize::MAX));
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

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
