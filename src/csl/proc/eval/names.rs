//! `<names>` and `<name>`: name lists, et-al, substitution, particles and
//! initials (CSL 1.0.2, "Names").

use hayagriva::citationberg::taxonomy::{NameVariable, OtherTerm, Term, Variable};
use hayagriva::citationberg::{
    Affixes, DelimiterBehavior, DisambiguationRule, LabelPluralize, LayoutRenderingElement,
    NameAnd, NameAsSortOrder, NameForm, NamePart, Names, TermForm, TextTarget, ToAffixes,
    ToFormatting,
};

use crate::csl::proc::input::NameData;
use crate::csl::proc::output::rich::rich;
use crate::csl::proc::output::textcase::apply_case;
use crate::csl::proc::output::{is_empty, marked, Node, Tag};

use super::{decorate, strip_periods, Ctx, Mode, Position, MARK_NAMES};

impl Ctx<'_> {
    pub(super) fn names(&self, el: &Names) -> Vec<Node> {
        // A names element inside a substitute's <choose> (or macro) takes
        // the substituted element's options, as a direct child does
        // (citeproc-js: "eds." for editors substituted in chicago styles).
        let parent = self.subst_parent.borrow_mut().pop();
        let merged;
        let el = match &parent {
            // An element with its own name, et-al or substitute keeps its
            // options (from_names_substitute would return a copy of it).
            Some(p) if el.name().is_none() && el.et_al().is_none() && el.substitute().is_none() => {
                merged = p.from_names_substitute(el);
                &merged
            }
            _ => el,
        };
        let r = self.names_of(el);
        if let Some(p) = parent {
            self.subst_parent.borrow_mut().push(p);
        }
        r
    }

    fn names_of(&self, el: &Names) -> Vec<Node> {
        let mut lists: Vec<(NameVariable, &Vec<NameData>)> = Vec::new();
        for v in &el.variable {
            if self.is_suppressed(Variable::Name(*v)) {
                continue;
            }
            if let Some(list) = self.item.names.get(v).filter(|l| !l.is_empty()) {
                lists.push((*v, list));
            }
        }
        self.note_var(!lists.is_empty());
        if lists.is_empty() {
            if let Some(sub) = el.substitute() {
                for child in &sub.children {
                    self.substituting.set(self.substituting.get() + 1);
                    let r = match child {
                        LayoutRenderingElement::Names(n)
                            if n.name().is_some()
                                || n.et_al().is_some()
                                || n.substitute().is_some() =>
                        {
                            self.names(n) // from_names_substitute would copy it
                        }
                        LayoutRenderingElement::Names(n) => {
                            let merged = el.from_names_substitute(n);
                            self.names(&merged)
                        }
                        other => {
                            // What from_names_substitute reads of the parent:
                            // all but its substitute (cloning the substitute,
                            // a style's fallback chain, per item was a third
                            // of the time of `format`).
                            let parent =
                                el.from_names_substitute(&Names::with_variables(Vec::new()));
                            self.subst_parent.borrow_mut().push(parent);
                            let r = self.element(other);
                            self.subst_parent.borrow_mut().pop();
                            r
                        }
                    };
                    self.substituting.set(self.substituting.get() - 1);
                    if !is_empty(&r) {
                        self.suppress_rendered(child);
                        // Substituted output takes the names element's affixes and formatting
                        // only when it is not itself names output.
                        return match child {
                            LayoutRenderingElement::Names(_) => r,
                            _ if marked(&r, MARK_NAMES).is_some() => r,
                            // Marked as the names output (subsequent-author-substitute, collapsing).
                            _ => decorate(
                                vec![Node::Tagged(Tag::Div(MARK_NAMES), r)],
                                &el.to_formatting(),
                                &el.to_affixes(),
                                el.display,
                                false,
                            ),
                        };
                    }
                }
            }
            return Vec::new();
        }
        // Names that substitute for others are suppressed in the rest of the
        // output (a names element outside a substitute may repeat).
        for (v, _) in &lists {
            if self.mode != Mode::Sort && self.substituting.get() > 0 {
                self.suppress(Variable::Name(*v));
            }
        }
        // Only for lists that render (most names elements of a style find
        // their variables empty): merging the options clones their strings.
        let inherited = self.names_inherit.apply(&el.options());
        let name_el = el.name().cloned().unwrap_or_default();
        let options = name_el.options(&inherited);
        let names_delim = el
            .options()
            .names_delimiter
            .or_else(|| self.names_inherit.names_delimiter.clone())
            .unwrap_or_default();

        // editor and translator the same people: one list with the combined term.
        let mut groups: Vec<(Option<Term>, &Vec<NameData>)> = lists
            .iter()
            .map(|(v, l)| (Some(Term::NameVariable(*v)), *l))
            .collect();
        if lists.len() >= 2 && el.label().is_some() {
            let ed = lists.iter().position(|(v, _)| *v == NameVariable::Editor);
            let tr = lists
                .iter()
                .position(|(v, _)| *v == NameVariable::Translator);
            if let (Some(e), Some(t)) = (ed, tr) {
                if lists[e].1 == lists[t].1 {
                    groups[e].0 = Some(Term::NameVariable(NameVariable::EditorTranslator));
                    groups.remove(t);
                }
            }
        }

        if options.form == NameForm::Count {
            let mut total = 0usize;
            for (_, list) in &groups {
                let pos = self.nameset.get();
                self.nameset.set(pos + 1);
                total += self.shown(list.len(), &options, pos).0;
            }
            if total == 0 {
                return Vec::new();
            }
            return decorate(
                vec![Node::text(total.to_string())],
                &el.to_formatting(),
                &el.to_affixes(),
                el.display,
                false,
            );
        }

        let mut out: Vec<Node> = Vec::new();
        for (i, (term, list)) in groups.iter().enumerate() {
            if i > 0 && !names_delim.is_empty() {
                out.push(Node::text(names_delim.clone()));
            }
            let mut rendered = self.name_list(list, &name_el, &options, el);
            if let (Some((label, pos)), Some(term)) = (
                el.label().map(|(l, p)| {
                    // Without a <name>, the implicit name comes first.
                    if el.name().is_none() {
                        (l, hayagriva::citationberg::NameLabelPosition::AfterName)
                    } else {
                        (l, p)
                    }
                }),
                term,
            ) {
                let plural = match label.plural {
                    LabelPluralize::Always => true,
                    LabelPluralize::Never => false,
                    LabelPluralize::Contextual => list.len() > 1,
                };
                if let Some(s) = self
                    .term(*term, label.form, plural)
                    .filter(|s| !s.is_empty())
                {
                    let mut content = vec![Node::text(s)];
                    if label.strip_periods {
                        content = strip_periods(content);
                    }
                    if let Some(c) = label.text_case {
                        content = apply_case(content, c, self.is_english());
                    }
                    let lab = decorate(content, &label.formatting, &label.affixes, None, false);
                    if pos == hayagriva::citationberg::NameLabelPosition::BeforeName {
                        let mut v = lab;
                        v.extend(rendered);
                        rendered = v;
                    } else {
                        rendered.extend(lab);
                    }
                }
            }
            out.extend(rendered);
        }
        let out = vec![Node::Tagged(Tag::Div(MARK_NAMES), out)];
        decorate(
            out,
            &el.to_formatting(),
            &el.to_affixes(),
            el.display,
            false,
        )
    }

    fn suppress_rendered(&self, el: &LayoutRenderingElement) {
        if self.mode == Mode::Sort {
            return;
        }
        match el {
            LayoutRenderingElement::Text(t) => {
                if let TextTarget::Variable { var, .. } = &t.target {
                    self.suppress(*var);
                }
            }
            LayoutRenderingElement::Number(n) => self.suppress(n.variable.into()),
            LayoutRenderingElement::Date(d) => {
                if let Some(v) = d.variable {
                    self.suppress(Variable::Date(v));
                }
            }
            _ => {}
        }
    }

    fn et_al_limits(
        &self,
        options: &hayagriva::citationberg::NameOptions,
    ) -> (Option<u32>, Option<u32>) {
        let subsequent =
            self.mode == Mode::Citation && self.cite.is_some_and(|c| c.position != Position::First);
        let (mut min, mut first) = if subsequent {
            (
                options.et_al_subsequent_min.or(options.et_al_min),
                options
                    .et_al_subsequent_use_first
                    .or(options.et_al_use_first),
            )
        } else {
            (options.et_al_min, options.et_al_use_first)
        };
        if let Some((m, f, _)) = self.sort_names {
            if m.is_some() {
                min = m;
            }
            if f.is_some() {
                first = f;
            }
        }
        (min, first)
    }

    /// How many names of a list of `len` a cite shows, and whether the
    /// last follows an ellipsis (citeproc-js's _imposeNameConstraints): the
    /// style's et-al settings, or the names the disambiguation asks for —
    /// exactly when comparing cites, when more than et-al-use-first else.
    fn shown(
        &self,
        len: usize,
        options: &hayagriva::citationberg::NameOptions,
        pos: usize,
    ) -> (usize, bool) {
        let (min, first) = self.et_al_limits(options);
        let (min, first) = (min.map(|m| m as usize), first.map(|f| f as usize));
        let use_last = options.et_al_use_last || self.sort_names.and_then(|s| s.2).unwrap_or(false);
        let asked = self
            .request
            .and_then(|r| r.names.get(pos).copied())
            .map(|n| n as usize)
            .filter(|n| *n > 0);
        let etal = match (min, first) {
            (Some(m), Some(f)) if len >= m && f > 0 => Some(f),
            _ => None,
        };
        let mut shown = if self.comparing {
            asked.or(etal)
        } else {
            match asked.filter(|n| first.is_some_and(|f| *n > f)) {
                Some(n) if min.is_some_and(|m| len >= m) => Some(n),
                Some(_) => Some(len),
                None => etal,
            }
        };
        if !self.comparing && use_last {
            if let (Some(s), Some(m)) = (shown, min) {
                if s + 2 > m {
                    shown = Some(m.saturating_sub(2));
                }
            }
        }
        let sane = matches!((min, first), (Some(m), Some(f)) if m >= f && f > 0);
        match shown {
            Some(s) if sane && s < len => {
                let s = s.max(1);
                (s, use_last && s + 2 <= len)
            }
            _ => (len, false),
        }
    }

    /// The given-name level each name of a list asks for (citeproc-js's
    /// _runDisambigNames): what the disambiguation requests, raised to what
    /// the name registry says (given-name disambiguation), and for a first
    /// cite never below the registry's level.
    fn given_levels(
        &self,
        list: &[NameData],
        options: &hayagriva::citationberg::NameOptions,
        pos: usize,
    ) -> Vec<u8> {
        let c = &self.env.style.citation;
        let short = options.form == NameForm::Short;
        let initials = options.initialize_with.is_some();
        let default = if short {
            0
        } else if initials {
            1
        } else {
            2
        };
        let by_cite = c.givenname_disambiguation_rule == DisambiguationRule::ByCite;
        let first_cite = !self.comparing
            && self.mode == Mode::Citation
            && self.cite.is_some_and(|c| c.position == Position::First);
        let asked = self.request.and_then(|r| r.givens.get(pos));
        list.iter()
            .enumerate()
            .map(|(i, n)| {
                let eval = |base: u8| {
                    self.reg.map_or(default, |r| {
                        r.eval(&self.item.id, n, i, base, short, initials)
                    })
                };
                let paramx = eval(0);
                let mut param = match self.request {
                    Some(_) => {
                        let mut val = asked.and_then(|g| g.get(i).copied()).unwrap_or(paramx);
                        if val == 1 && by_cite && (!initials || n.given.is_none()) {
                            val = 2;
                        }
                        if c.disambiguate_add_givenname && n.given.is_some() {
                            eval(val)
                        } else {
                            val
                        }
                    }
                    None => paramx,
                };
                if first_cite {
                    param = param.max(paramx);
                }
                param
            })
            .collect()
    }

    fn name_list(
        &self,
        list: &[NameData],
        name_el: &hayagriva::citationberg::Name,
        options: &hayagriva::citationberg::NameOptions,
        names_el: &Names,
    ) -> Vec<Node> {
        let pos = self.nameset.get();
        self.nameset.set(pos + 1);
        let (shown, use_last) = self.shown(list.len(), options, pos);
        let truncated = shown < list.len();
        let sort_all = self.mode == Mode::Sort;
        let levels = self.given_levels(list, options, pos);
        {
            let mut used = self.used.borrow_mut();
            if let Some(names) = used.names.as_mut() {
                names.extend(list.iter().cloned().enumerate());
            }
            let config = &mut used.config;
            if config.names.len() <= pos {
                config.names.resize(pos + 1, 0);
            }
            config.names[pos] = (shown + usize::from(use_last)) as u32;
            if !sort_all {
                if config.givens.len() <= pos {
                    config.givens.resize(pos + 1, Vec::new());
                }
                config.givens[pos] = levels.clone();
            }
            config.pad();
            if used.max.len() <= pos {
                used.max.resize(pos + 1, 0);
            }
            used.max[pos] = list.len() as u32;
        }
        let mut rendered: Vec<(Vec<Node>, bool)> = Vec::new();
        for (i, n) in list.iter().take(shown).enumerate() {
            let inverted = sort_all
                || match options.name_as_sort_order {
                    Some(NameAsSortOrder::All) => true,
                    Some(NameAsSortOrder::First) => i == 0,
                    None => false,
                };
            let mut r = self.one_name(n, name_el, options, inverted, levels[i]);
            r = person_affixes(r, n, name_el);
            if let Some(h) = self.highlight {
                if h(n) {
                    r = vec![Node::Tagged(Tag::Highlight, r)];
                }
            }
            rendered.push((r, inverted && n.literal.is_none() && !n.is_non_roman()));
        }
        let delim = options.delimiter;
        let and = match options.and {
            Some(NameAnd::Text) => self.term(Term::Other(OtherTerm::And), TermForm::Long, false),
            Some(NameAnd::Symbol) => Some("&"),
            None => None,
        };
        let mut out: Vec<Node> = Vec::new();
        let count = rendered.len();
        for (i, (r, _)) in rendered.iter().enumerate() {
            if i > 0 {
                let prev_inverted = rendered[i - 1].1;
                let last = i == count - 1 && !truncated;
                match (last, and) {
                    (true, Some(and)) if !sort_all => {
                        let use_delim = match options.delimiter_precedes_last {
                            DelimiterBehavior::Contextual => count >= 3,
                            DelimiterBehavior::AfterInvertedName => prev_inverted,
                            DelimiterBehavior::Always => true,
                            DelimiterBehavior::Never => false,
                        };
                        if use_delim {
                            out.push(Node::text(format!("{delim}{and} ")));
                        } else {
                            out.push(Node::text(format!(" {and} ")));
                        }
                    }
                    _ => out.push(Node::text(delim)),
                }
            }
            out.extend(r.iter().cloned());
        }
        if truncated {
            if use_last {
                // The last name counts in sort keys too (names-use-last).
                // citeproc-js: " … " after a single name, "{delimiter}… "
                // after several; the last name inverted as any name but
                // the first is.
                out.push(Node::text(if count == 1 {
                    " … ".to_string()
                } else {
                    format!("{delim}… ")
                }));
                if let Some(last) = list.last() {
                    let inverted =
                        sort_all || options.name_as_sort_order == Some(NameAsSortOrder::All);
                    let r = self.one_name(last, name_el, options, inverted, levels[list.len() - 1]);
                    out.extend(person_affixes(r, last, name_el));
                }
            } else if !sort_all {
                let et_al = names_el.et_al();
                let term = match et_al.map(|e| e.term) {
                    Some(hayagriva::citationberg::EtAlTerm::AndOthers) => OtherTerm::AndOthers,
                    _ => OtherTerm::EtAl,
                };
                if let Some(t) = self
                    .term(Term::Other(term), TermForm::Long, false)
                    .filter(|t| !t.is_empty())
                {
                    let prev_inverted = rendered.last().is_some_and(|r| r.1);
                    let use_delim = match options.delimiter_precedes_et_al {
                        DelimiterBehavior::Contextual => count >= 2,
                        DelimiterBehavior::AfterInvertedName => prev_inverted,
                        DelimiterBehavior::Always => true,
                        DelimiterBehavior::Never => false,
                    };
                    out.push(Node::text(if use_delim {
                        delim.to_string()
                    } else {
                        " ".to_string()
                    }));
                    let content = vec![Node::text(t)];
                    match et_al {
                        Some(e) => out.extend(decorate(
                            content,
                            &e.formatting,
                            &Affixes::default(),
                            None,
                            false,
                        )),
                        None => out.extend(content),
                    }
                }
            }
        }
        // A list cut short by "et al." takes the name's formatting and
        // affixes once more, around the names and the term (citeproc-js's
        // _joinEtAl opens a level with the <name> token): "[[B A], [D C], et al.]".
        if truncated && !use_last && !sort_all {
            decorate(out, &name_el.formatting, &name_el.affixes, None, false)
        } else {
            out
        }
    }

    fn one_name(
        &self,
        n: &NameData,
        name_el: &hayagriva::citationberg::Name,
        options: &hayagriva::citationberg::NameOptions,
        inverted: bool,
        level: u8,
    ) -> Vec<Node> {
        if let Some(lit) = &n.literal {
            return rich(lit);
        }
        let family_part = name_el.name_part_family();
        let given_part = name_el.name_part_given();
        let family = n.family.clone().unwrap_or_default();
        // citeproc-js's _givenName: the level the style gives (0 for the
        // short form, 1 with initialize-with, 2 without), raised to the
        // level asked for.
        let default = match (options.form, options.initialize_with) {
            (NameForm::Short, _) => 0,
            (_, Some(_)) => 1,
            _ => 2,
        };
        let level = level.max(default);
        let form = if level == 0 {
            NameForm::Short
        } else {
            NameForm::Long
        };
        if n.family.is_none() {
            // A name with only a given part ("Banksy") is written as it is.
            return rich(n.given.as_deref().unwrap_or_default());
        }
        let with_initials = matches!(
            self.env.style.citation.givenname_disambiguation_rule,
            DisambiguationRule::AllNamesWithInitials | DisambiguationRule::PrimaryNameWithInitials
        );
        let given = n.given.as_deref().map(|g| {
            let with = options.initialize_with.or(with_initials.then_some(""));
            match (level, with) {
                (1, Some(with)) => initialize(
                    g,
                    with,
                    options.initialize,
                    self.env.style.settings.initialize_with_hyphen,
                ),
                // Without initialize-with, the given name is shown whole.
                _ => g.to_string(),
            }
        });
        if n.is_non_roman() {
            let fam = part(vec![Node::text(family)], family_part, self.is_english());
            if form == NameForm::Short || given.is_none() {
                return fam;
            }
            let mut v = fam;
            v.extend(part(
                vec![Node::text(given.unwrap_or_default())],
                given_part,
                self.is_english(),
            ));
            return v;
        }
        let demote = self.env.style.settings.demote_non_dropping_particle;
        use hayagriva::citationberg::DemoteNonDroppingParticle as D;
        let ndp = n.ndp.clone();
        let dp = n.dp.clone();
        let join_particle = |p: &str, rest: &str| {
            if p.ends_with(['\'', '’', '-']) {
                format!("{p}{rest}")
            } else {
                format!("{p} {rest}")
            }
        };
        if form == NameForm::Short {
            let fam = match &ndp {
                Some(p) => join_particle(p, &family),
                None => family,
            };
            return part(rich(&fam), family_part, self.is_english());
        }
        let mut out: Vec<Node> = Vec::new();
        if inverted {
            // Family first: [ndp] family, given [dp] [ndp if demoted], suffix
            let demoted =
                demote == D::DisplayAndSort || (self.mode == Mode::Sort && demote == D::SortOnly);
            let fam = match (&ndp, demoted) {
                (Some(p), false) => join_particle(p, &family),
                _ => family.clone(),
            };
            out.extend(part(rich(&fam), family_part, self.is_english()));
            let mut g = given.clone().unwrap_or_default();
            if let Some(p) = &dp {
                g = if g.is_empty() {
                    p.clone()
                } else {
                    format!("{g} {p}")
                };
            }
            if demoted {
                if let Some(p) = &ndp {
                    g = if g.is_empty() {
                        p.clone()
                    } else {
                        format!("{g} {p}")
                    };
                }
            }
            if !g.is_empty() {
                out.push(Node::text(options.sort_separator));
                out.extend(part(rich(&g), given_part, self.is_english()));
            }
            if let Some(s) = &n.suffix {
                out.push(Node::text(options.sort_separator));
                out.push(Node::text(s.clone()));
            }
        } else {
            let mut fam = family.clone();
            if let Some(p) = &ndp {
                fam = join_particle(p, &fam);
            }
            let g = given.clone().unwrap_or_default();
            if let Some(p) = &dp {
                fam = join_particle(p, &fam);
            }
            if !g.is_empty() {
                out.extend(part(rich(&g), given_part, self.is_english()));
                out.push(Node::text(" "));
            }
            out.extend(part(rich(&fam), family_part, self.is_english()));
            if let Some(s) = &n.suffix {
                out.push(Node::text(if n.comma_suffix { ", " } else { " " }));
                out.push(Node::text(s.clone()));
            }
        }
        out
    }
}

/// A person's name with the `<name>` element's formatting and affixes:
/// citeproc-js puts them on each personal name ("Müller A:, de Lange J:"
/// for suffix=":"), not on literal names and not on the list.
fn person_affixes(
    r: Vec<Node>,
    n: &NameData,
    name_el: &hayagriva::citationberg::Name,
) -> Vec<Node> {
    if n.literal.is_some() {
        return r;
    }
    decorate(r, &name_el.formatting, &name_el.affixes, None, false)
}

fn part(content: Vec<Node>, p: Option<&NamePart>, english: bool) -> Vec<Node> {
    match p {
        None => content,
        Some(p) => {
            let content = match p.text_case {
                Some(c) => apply_case(content, c, english),
                None => content,
            };
            decorate(content, &p.formatting, &p.affixes, None, false)
        }
    }
}

/// Initials of given names: "John Robert" → "J. R." with `with` = ". ".
pub(crate) fn initialize(given: &str, with: &str, initialize: bool, hyphen: bool) -> String {
    let mut out = String::new();
    // Words, and initials run together split apart ("M.E" → "M." "E",
    // "Ph.M.E." → "Ph." "M." "E."), as citeproc-js reads them.
    let mut words: Vec<&str> = Vec::new();
    for word in given.split([' ']).filter(|w| !w.is_empty()) {
        let mut start = 0;
        let mut chars = word.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            if c == '.' && chars.peek().is_some_and(|(_, n)| n.is_alphabetic()) {
                words.push(&word[start..=k]);
                start = k + 1;
            }
        }
        words.push(&word[start..]);
    }
    for word in &words {
        let pieces: Vec<&str> = word.split('-').filter(|p| !p.is_empty()).collect();
        for (pi, piece) in pieces.iter().enumerate() {
            let bare = piece.trim_end_matches('.');
            // An abbreviation written with its period ("Ph.", "Me.", "ME.")
            // keeps its letters.
            let abbreviation =
                piece.ends_with('.') && bare.chars().count() > 1 && !bare.contains('.');
            let is_initial = bare.chars().count() == 1
                || abbreviation
                || (piece.contains('.') && bare.chars().all(|c| c.is_uppercase() || c == '.'));
            let lower = bare.chars().next().is_some_and(char::is_lowercase);
            let text = if lower && !is_initial {
                // Lower-case words stay (particles).
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(piece);
                out.push(' ');
                continue;
            } else if initialize || is_initial {
                // "Th." keeps its letters; otherwise the first letter.
                let letters: String = if abbreviation {
                    bare.to_string()
                } else {
                    bare.chars()
                        .next()
                        .map(|c| c.to_string())
                        .unwrap_or_default()
                };
                let mut t = String::new();
                // Initials inside a dotted group ("J.R.") each get their own.
                if piece.matches('.').count() > 1 && bare.contains('.') {
                    for (k, seg) in bare.split('.').filter(|s| !s.is_empty()).enumerate() {
                        if k > 0 {
                            t.push_str(with);
                        }
                        t.push_str(
                            &seg.chars()
                                .next()
                                .map(|c| c.to_string())
                                .unwrap_or_default(),
                        );
                    }
                    t.push_str(with);
                    t
                } else {
                    t.push_str(&letters);
                    t.push_str(with);
                    t
                }
            } else {
                format!("{piece} ")
            };
            if pi > 0 {
                // Hyphens join full words, and initials made here when the
                // style keeps hyphens; existing initials that are not
                // re-initialised lose them ("K.-R." → "K. R.", as citeproc-js).
                let full_word = !(initialize || is_initial);
                if full_word || (hyphen && initialize) {
                    // "J.-P." : drop the space before the hyphen.
                    let trimmed = out.trim_end().to_string();
                    out = trimmed;
                    out.push('-');
                }
            }
            out.push_str(&text);
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials() {
        assert_eq!(initialize("John Robert", ". ", true, true), "J. R.");
        assert_eq!(initialize("Jean-Pierre", ".", true, true), "J.-P.");
        assert_eq!(initialize("K.-R.", ". ", true, false), "K. R.");
        assert_eq!(initialize("K.-R.", ". ", true, true), "K.-R.");
        assert_eq!(initialize("K.-R.", ". ", false, true), "K. R.");
        assert_eq!(initialize("Jean-Pierre", ". ", false, true), "Jean-Pierre");
        assert_eq!(initialize("John", "", true, true), "J");
        // The CSL suite's name_Initials* cases.
        assert_eq!(initialize("M.E", ". ", true, true), "M. E.");
        assert_eq!(initialize("ME.", ". ", true, true), "ME.");
        assert_eq!(initialize("Me.", "", true, true), "Me");
        assert_eq!(initialize("Ph. M.E.", ".", false, true), "Ph.M.E.");
        assert_eq!(initialize("John M.E.", "", false, true), "John ME");
        assert_eq!(initialize("John M.E.", ". ", true, true), "J. M. E.");
        assert_eq!(initialize("ME", " ", false, true), "ME");
    }
}
