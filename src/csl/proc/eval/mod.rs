//! Evaluation of rendering elements for one item (CSL 1.0.2, "Rendering
//! Elements"): the context of one item in one cite or entry, sequences and
//! groups; each kind of element in its own module.

mod choose;
mod date;
mod decorate;
mod label;
mod name;
mod names;
mod numeric;
mod pages;
mod text;

pub(crate) use date::{date_key, year_suffix_str};
use decorate::strip_periods;
pub(crate) use decorate::{decorate, suffix_node};
pub(crate) use name::initialize;
pub(crate) use text::is_numeric;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use hayagriva::citationberg::taxonomy::{
    Kind, Locator, NumberVariable, StandardVariable, Term, Variable,
};
use hayagriva::citationberg::{
    CslMacro, Display, IndependentStyle, InheritableNameOptions, LayoutRenderingElement, Names,
    TermForm, ToAffixes, ToFormatting,
};

use crate::csl::proc::disambiguate::NameReg;
use crate::csl::proc::input::{ItemData, NameData};
use crate::csl::proc::locale::Locales;
use crate::csl::proc::output::{is_empty, Node};

/// What the style and locale give every item.
pub(crate) struct Env<'a> {
    pub style: &'a IndependentStyle,
    pub locales: &'a Locales,
    /// By name (FxHash: looked up for every macro call of every item).
    pub macros: HashMap<&'a str, &'a CslMacro, crate::fasthash::FastHash>,
    /// Whether the style prints `year-suffix` itself (else it follows the first year).
    pub explicit_year_suffix: bool,
    /// The processor's language is English (title case applies to items
    /// without a language of their own).
    pub english: bool,
    /// Each name of a bibliography's name lists is marked (a
    /// subsequent-author substitution rule that replaces single names).
    pub marks_each_name: bool,
}

/// A cite's own data.
#[derive(Debug, Clone, Default)]
pub(crate) struct CiteInfo {
    pub locator: Option<String>,
    pub label: Option<String>,
    pub position: Position,
    pub near_note: bool,
    pub first_note: Option<u32>,
    /// The cite starts a sentence: it opens its cluster without a prefix,
    /// or follows a prefix that ends a sentence ("See above. "); a term
    /// that opens it is capitalised.
    pub opens_sentence: bool,
}

impl CiteInfo {
    /// The locator's label (`page` when the cite gives none), as a CSL
    /// locator; `None` for a label CSL does not know.
    pub fn locator_label(&self) -> Option<Locator> {
        self.label.as_deref().unwrap_or("page").parse().ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Position {
    #[default]
    First,
    Subsequent,
    Ibid,
    IbidWithLocator,
}

/// One item's disambiguation settings (citeproc-js's AmbigConfig).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Disamb {
    /// The names shown of each name list the cite renders, in order (0: as styled).
    pub names: Vec<u32>,
    /// The given-name level of each name of each list: 0 the family name,
    /// 1 initials, 2 the full given name.
    pub givens: Vec<Vec<u8>>,
    pub year_suffix: Option<u32>,
    /// How many `disambiguate="true"` tests pass, in the order they are met.
    pub disambiguate: u32,
}

impl Disamb {
    /// Every list's given names filled up to the names it shows (padBase).
    pub fn pad(&mut self) {
        if self.givens.len() < self.names.len() {
            self.givens.resize(self.names.len(), Vec::new());
        }
        for (g, &n) in self.givens.iter_mut().zip(&self.names) {
            if g.len() < n as usize {
                g.resize(n as usize, 0);
            }
        }
    }
}

/// What a rendering used, for the disambiguation: the settings it
/// applied (names shown, given-name levels per list), each list's length,
/// the `disambiguate` tests it met and passed, and (when asked) the names
/// it rendered.
#[derive(Debug, Clone, Default)]
pub(crate) struct Used {
    pub config: Disamb,
    pub max: Vec<u32>,
    pub tests_met: u32,
    pub tests_passed: u32,
    pub names: Option<Vec<(usize, NameData)>>,
    /// A text element of a variable other than the locator (and the
    /// citation number, year suffix and label) was evaluated: citeproc-js
    /// then counts the cite as not collapsed (`have_collapsed = false`).
    pub text_var: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Citation,
    Bibliography,
    /// Sort keys: names in sort order, dates as numbers.
    Sort,
}

/// Evaluation context of one item in one cite or entry.
pub(crate) struct Ctx<'a> {
    pub env: &'a Env<'a>,
    pub item: &'a ItemData,
    pub kind: Option<Kind>,
    pub cite: Option<&'a CiteInfo>,
    pub mode: Mode,
    pub names_inherit: InheritableNameOptions,
    pub disamb: &'a Disamb,
    pub citation_number: Option<usize>,
    pub highlight: Option<&'a dyn Fn(&NameData) -> bool>,
    /// Sort-key overrides of `names-min`/`names-use-first`.
    pub sort_names: Option<(Option<u32>, Option<u32>, Option<bool>)>,
    /// The settings the disambiguation asks for (citeproc-js's
    /// disambig_request), when it asks; `disamb` gives the year suffix.
    pub request: Option<&'a Disamb>,
    /// Rendering to compare cites (citeproc-js's suppress_decorations).
    pub comparing: bool,
    /// The names the citations render (given-name disambiguation).
    pub reg: Option<&'a NameReg>,
    /// What this rendering used.
    pub used: RefCell<Used>,
    /// The next name list's position in the cite.
    nameset: Cell<usize>,
    /// The names elements whose substitute is rendering a non-names child.
    subst_parent: RefCell<Vec<Names>>,
    /// Variables a substitute rendered: empty for the rest of the output.
    suppressed: RefCell<Vec<Variable>>,
    /// What the innermost group (or macro) has rendered so far.
    flags: Cell<GroupFlags>,
    year_suffix_done: Cell<bool>,
    depth: Cell<u32>,
    /// Nesting of text, number, names, date and group elements (citeproc-js's
    /// render_nesting_level): `display` applies at the layout's top only.
    render_level: Cell<u32>,
    /// Inside a names element's substitute (nesting depth).
    substituting: Cell<u32>,
    /// The variables rendered inside the substitute being tried (through
    /// macros, groups and choices too): suppressed when it succeeds.
    substitute_vars: RefCell<Vec<Variable>>,
    /// Something was rendered before (citeproc-js capitalises a term that
    /// opens a bibliography entry, or a cite of a note style).
    term_predecessor: Cell<bool>,
}

const MAX_DEPTH: u32 = 64;

/// citeproc-js's group context: whether a group (a `<group>` or a macro)
/// rendered a term or value, tried a variable, and found one. A group shows
/// when it found a variable, or rendered terms without trying any.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct GroupFlags {
    term: bool,
    attempt: bool,
    success: bool,
}

pub(crate) use crate::csl::proc::output::{
    MARK_LABEL, MARK_NAME, MARK_NAMES, MARK_NUM_SUFFIX, MARK_YEAR_SUFFIX,
};

/// Outputs joined by a delimiter as they come; empty ones are left out.
struct Joined<'d> {
    out: Vec<Node>,
    first: bool,
    delimiter: Option<&'d str>,
}

impl Joined<'_> {
    fn push(&mut self, r: Vec<Node>) {
        if is_empty(&r) {
            return;
        }
        if !self.first {
            if let Some(d) = self.delimiter {
                self.out.push(Node::text(d));
            }
        }
        self.first = false;
        if self.out.is_empty() {
            self.out = r;
        } else {
            self.out.extend(r);
        }
    }
}

/// The results of a branch's tests, folded as they come.
struct Results {
    all: bool,
    any: bool,
}

impl Default for Results {
    fn default() -> Self {
        Results {
            all: true,
            any: false,
        }
    }
}

impl Results {
    fn push(&mut self, r: bool) {
        self.all &= r;
        self.any |= r;
    }
}

impl<'a> Ctx<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        env: &'a Env<'a>,
        item: &'a ItemData,
        cite: Option<&'a CiteInfo>,
        mode: Mode,
        names_inherit: InheritableNameOptions,
        disamb: &'a Disamb,
        citation_number: Option<usize>,
    ) -> Self {
        Ctx {
            env,
            item,
            kind: item.kind,
            cite,
            mode,
            names_inherit,
            disamb,
            citation_number,
            highlight: None,
            sort_names: None,
            request: None,
            comparing: false,
            reg: None,
            used: RefCell::new(Used::default()),
            nameset: Cell::new(0),
            subst_parent: RefCell::new(Vec::new()),
            suppressed: RefCell::new(Vec::new()),
            flags: Cell::new(GroupFlags::default()),
            year_suffix_done: Cell::new(false),
            depth: Cell::new(0),
            render_level: Cell::new(0),
            substituting: Cell::new(0),
            substitute_vars: RefCell::new(Vec::new()),
            term_predecessor: Cell::new(false),
        }
    }

    fn locales(&self) -> &Locales {
        self.env.locales
    }

    fn term(&self, term: Term, form: TermForm, plural: bool) -> Option<&'a str> {
        self.env.locales.term(term, form, plural)
    }

    fn is_suppressed(&self, v: Variable) -> bool {
        self.suppressed.borrow().contains(&v)
    }

    /// The value of a text or number variable.
    pub fn var(&self, v: Variable) -> Option<String> {
        if self.is_suppressed(v) {
            return None;
        }
        self.var_unsuppressed(v)
    }

    fn var_unsuppressed(&self, v: Variable) -> Option<String> {
        match v {
            Variable::Number(NumberVariable::Locator) => self.cite.and_then(|c| c.locator.clone()),
            Variable::Number(NumberVariable::CitationNumber) => {
                self.citation_number.map(|n| n.to_string())
            }
            Variable::Standard(StandardVariable::YearSuffix) => {
                self.disamb.year_suffix.map(year_suffix_str)
            }
            Variable::Number(NumberVariable::FirstReferenceNoteNumber) => {
                self.cite.and_then(|c| c.first_note).map(|n| n.to_string())
            }
            Variable::Standard(StandardVariable::CitationLabel) => {
                // The item's label or citeproc-js's trigraph, with the year
                // suffix when there is one (citeproc-js appends it to the label).
                let mut label = self
                    .item
                    .vars
                    .get(&v)
                    .map(str::to_string)
                    .unwrap_or_else(|| label::trigraph(self.item));
                if let Some(ys) = self.disamb.year_suffix {
                    label.push_str(&year_suffix_str(ys));
                    self.year_suffix_done.set(true);
                }
                Some(label)
            }
            _ => self.item.vars.get(&v).map(str::to_string),
        }
    }

    /// The `variable` test: the item has it. A variable a substitute
    /// rendered still tests true (citeproc-js tests the item's fields;
    /// substitution only keeps it from rendering again).
    fn has_var(&self, v: Variable) -> bool {
        match v {
            // Only a label the item gives (citeproc-js tests the item's
            // field; a made-up label renders but does not test true).
            Variable::Standard(StandardVariable::CitationLabel) => {
                self.item.vars.get(&v).is_some_and(|s| !s.is_empty())
            }
            Variable::Name(n) => self.item.names.get(&n).is_some_and(|n| !n.is_empty()),
            Variable::Date(d) => self.item.dates.contains_key(&d),
            _ => match self.item.vars.get(&v) {
                Some(v) => !v.is_empty(),
                None => self.var_unsuppressed(v).is_some_and(|s| !s.is_empty()),
            },
        }
    }

    /// A variable was tried (`<text>`, `<number>`, `<date>`, `<names>`):
    /// found when the item has it.
    fn note_var(&self, found: bool) {
        let mut f = self.flags.get();
        if found {
            f.success = true;
        } else {
            f.attempt = true;
        }
        self.flags.set(f);
    }

    /// A term or value rendered (`<text term>`, `<text value>`, `<label>`).
    fn note_term(&self) {
        let mut f = self.flags.get();
        f.term = true;
        self.flags.set(f);
    }

    /// Renders `children` as a group (a `<group>`, or a macro, which
    /// citeproc-js evaluates as one): the output, or nothing when the group
    /// tried variables and found none, or rendered nothing but found
    /// nothing either. To the enclosing group, a group that shows counts as
    /// a found variable; one that does not passes on whether it tried one.
    fn group(
        &self,
        children: &[LayoutRenderingElement],
        delimiter: Option<&str>,
    ) -> Option<Vec<Node>> {
        let parent = self.flags.replace(GroupFlags::default());
        let predecessor = self.term_predecessor.get();
        let r = self.seq(children, delimiter);
        let mine = self.flags.get();
        let shown = mine.success || (mine.term && !mine.attempt);
        let mut parent = parent;
        if shown {
            parent.success = true;
        } else {
            // (citeproc-js assigns: a suppressed group that tried nothing
            // clears the enclosing group's attempt.)
            parent.attempt = mine.attempt;
            self.term_predecessor.set(predecessor);
        }
        self.flags.set(parent);
        shown.then_some(r)
    }

    /// Notes a variable rendered inside a substitute: when the substitute
    /// renders, every variable it rendered is empty for the rest of the
    /// output (CSL 1.0.2 on `cs:substitute`), whatever element rendered it.
    fn substituted(&self, v: Variable) {
        if self.substituting.get() > 0 && self.mode != Mode::Sort {
            self.substitute_vars.borrow_mut().push(v);
        }
    }

    fn suppress(&self, v: Variable) {
        let mut s = self.suppressed.borrow_mut();
        if !s.contains(&v) {
            s.push(v);
        }
    }

    /// An element's `display`, which citeproc-js honours only on the
    /// layout's own elements (choices aside): inside a group or macro it
    /// is ignored (the CSL spec does not say; styles were written against
    /// citeproc-js).
    pub(crate) fn display(&self, d: Option<Display>) -> Option<Display> {
        d.filter(|_| self.render_level.get() <= 1)
    }

    /// Renders a sequence of elements joined by `delimiter`.
    pub fn seq(&self, els: &[LayoutRenderingElement], delimiter: Option<&str>) -> Vec<Node> {
        let mut joined = Joined {
            out: Vec::new(),
            first: true,
            delimiter: delimiter.filter(|d| !d.is_empty()),
        };
        self.outputs(els, &mut joined);
        joined.out
    }

    /// The outputs of elements, joined; a `choose` is transparent (its
    /// branch's elements take the enclosing group's delimiter, as in citeproc-js).
    fn outputs(&self, els: &[LayoutRenderingElement], joined: &mut Joined) {
        for el in els {
            match el {
                LayoutRenderingElement::Choose(c) if self.depth.get() <= MAX_DEPTH => {
                    self.depth.set(self.depth.get() + 1);
                    let branch = c
                        .branches()
                        .find(|b| self.test(b))
                        .map(|b| &b.children)
                        .or(c.otherwise.as_ref().map(|o| &o.children));
                    if let Some(children) = branch {
                        self.outputs(children, joined);
                    }
                    self.depth.set(self.depth.get() - 1);
                }
                _ => joined.push(self.element(el)),
            }
        }
    }

    pub fn element(&self, el: &LayoutRenderingElement) -> Vec<Node> {
        if self.depth.get() > MAX_DEPTH {
            return Vec::new();
        }
        self.depth.set(self.depth.get() + 1);
        let rendering = !matches!(
            el,
            LayoutRenderingElement::Label(_) | LayoutRenderingElement::Choose(_)
        );
        if rendering {
            self.render_level.set(self.render_level.get() + 1);
        }
        let r = match el {
            LayoutRenderingElement::Text(t) => self.text(t),
            LayoutRenderingElement::Number(n) => self.number(n),
            LayoutRenderingElement::Label(l) => self.label(l),
            LayoutRenderingElement::Names(n) => self.names(n),
            LayoutRenderingElement::Date(d) => self.date(d),
            LayoutRenderingElement::Group(g) => {
                match self.group(&g.children, g.delimiter.as_deref()) {
                    Some(r) => decorate(
                        r,
                        &g.to_formatting(),
                        &g.to_affixes(),
                        self.display(g.display),
                        false,
                    ),
                    None => Vec::new(),
                }
            }
            LayoutRenderingElement::Choose(c) => {
                let mut out = Vec::new();
                let mut matched = false;
                for b in c.branches() {
                    if self.test(b) {
                        out = self.seq(&b.children, None);
                        matched = true;
                        break;
                    }
                }
                if !matched {
                    if let Some(e) = &c.otherwise {
                        out = self.seq(&e.children, None);
                    }
                }
                out
            }
        };
        self.depth.set(self.depth.get() - 1);
        if rendering {
            self.render_level.set(self.render_level.get() - 1);
        }
        if !self.term_predecessor.get() && !is_empty(&r) {
            self.term_predecessor.set(true);
        }
        r
    }

    fn is_english(&self) -> bool {
        match &self.item.language {
            Some(l) if !l.trim().is_empty() => l.to_lowercase().starts_with("en"),
            _ => self.env.english,
        }
    }
}
