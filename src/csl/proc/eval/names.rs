//! `<names>`: name lists, et-al, substitution and the list's delimiters
//! and labels (CSL 1.0.2, "Names"); one name is in name.rs.

use hayagriva::citationberg::taxonomy::{NameVariable, OtherTerm, Term, Variable};
use hayagriva::citationberg::{
    Affixes, DelimiterBehavior, DisambiguationRule, LabelPluralize, LayoutRenderingElement,
    NameAnd, NameAsSortOrder, NameForm, Names, TermForm, TextTarget, ToAffixes, ToFormatting,
};

use crate::csl::proc::input::NameData;
use crate::csl::proc::output::textcase::apply_case;
use crate::csl::proc::output::{is_empty, marked, Node, Tag};

use super::name::person_affixes;
use super::{decorate, strip_periods, Ctx, Mode, Position, MARK_LABEL, MARK_NAME, MARK_NAMES};

impl Ctx<'_> {
    pub(super) fn names(&self, el: &Names) -> Vec<Node> {
        // A names element inside a substitute's <choose> (or macro) takes
        // the substituted element's options, as a direct child does
        // (citeproc-js: "eds." for editors substituted in chicago styles).
        let parent = self.subst_parent.borrow_mut().pop();
        let merged;
        let el = match &parent {
            // An element with its own name, et-al or substitute keeps its
            // options (shorthand would return a copy of it).
            Some(p) if el.name().is_none() && el.et_al().is_none() && el.substitute().is_none() => {
                merged = shorthand(p, el);
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
                    let mark = self.substitute_vars.borrow().len();
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
                            let merged = shorthand(el, n);
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
                    let rendered: Vec<Variable> =
                        self.substitute_vars.borrow_mut().drain(mark..).collect();
                    // A term ends the substitution even when it is empty
                    // (citeproc-js blocks further substitutes once a term ran).
                    let term = matches!(child, LayoutRenderingElement::Text(t)
                        if matches!(t.target, TextTarget::Term { .. }));
                    if is_empty(&r) && term {
                        return Vec::new();
                    }
                    if !is_empty(&r) {
                        for v in rendered {
                            self.suppress(v);
                        }
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
                                self.display(el.display),
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
                // Only when the locale has a term for both (citeproc-js).
                let term = Term::NameVariable(NameVariable::EditorTranslator);
                let has_term = self
                    .term(term, TermForm::Long, false)
                    .is_some_and(|t| !t.is_empty());
                if lists[e].1 == lists[t].1 && has_term {
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
                self.display(el.display),
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
                // citeproc-js leaves name labels out of sort keys.
                if let Some(s) = self
                    .term(*term, label.form, plural)
                    .filter(|s| !s.is_empty() && self.mode != Mode::Sort)
                {
                    let mut content = vec![Node::text(s)];
                    if label.strip_periods {
                        content = strip_periods(content);
                    }
                    if let Some(c) = label.text_case {
                        content = apply_case(content, c, self.is_english());
                    }
                    let mut lab = decorate(content, &label.formatting, &label.affixes, None, false);
                    if self.mode == Mode::Bibliography
                        && self
                            .env
                            .style
                            .bibliography
                            .as_ref()
                            .is_some_and(|b| b.subsequent_author_substitute.is_some())
                    {
                        lab = vec![Node::Tagged(Tag::Div(MARK_LABEL), lab)];
                    }
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
            self.display(el.display),
            false,
        )
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
        // et-al-use-first="0" with et-al-min reached: no names at all
        // (citeproc-js).
        if !self.comparing && asked.is_none() && first == Some(0) && min.is_some_and(|m| len >= m) {
            return (0, false);
        }
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
                        if val == 1 && by_cite && (!initials || n.given().is_none()) {
                            val = 2;
                        }
                        if c.disambiguate_add_givenname && n.given().is_some() {
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
        if shown == 0 {
            return Vec::new();
        }
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
        let mut rendered: Vec<(Vec<Node>, bool)> = Vec::with_capacity(shown);
        for (i, n) in list.iter().take(shown).enumerate() {
            let inverted = sort_all
                || match options.name_as_sort_order {
                    Some(NameAsSortOrder::All) => true,
                    Some(NameAsSortOrder::First) => i == 0,
                    None => false,
                };
            let mut r = self.one_name(n, name_el, options, inverted, levels[i]);
            r = person_affixes(r, n, name_el);
            if self.mode == Mode::Bibliography && self.env.marks_each_name {
                r = vec![Node::Tagged(Tag::Div(MARK_NAME), r)];
            }
            if let Some(h) = self.highlight {
                if h(n) {
                    r = vec![Node::Tagged(Tag::Highlight, r)];
                }
            }
            rendered.push((r, inverted && n.literal().is_none() && !n.is_non_roman()));
        }
        let delim = options.delimiter;
        let and = match options.and {
            Some(NameAnd::Text) => self.term(Term::Other(OtherTerm::And), TermForm::Long, false),
            Some(NameAnd::Symbol) => Some("&"),
            None => None,
        };
        let mut out: Vec<Node> = Vec::new();
        let count = rendered.len();
        // Whether the name before was inverted (after the loop: the last shown).
        let mut prev_inverted = false;
        for (i, (r, inverted)) in rendered.into_iter().enumerate() {
            if i > 0 {
                let last = i == count - 1 && !truncated;
                match (last, and) {
                    (true, Some(and)) if !sort_all => {
                        let use_delim = match options.delimiter_precedes_last {
                            DelimiterBehavior::Contextual => count >= 3,
                            DelimiterBehavior::AfterInvertedName => prev_inverted,
                            DelimiterBehavior::Always => true,
                            DelimiterBehavior::Never => false,
                        };
                        if !starts_romanesque(and) {
                            // citeproc-js: an "and" in another script takes
                            // no spaces ("A和B"), a delimiter only when always
                            // (the delimiter only between two names: citeproc-js's
                            // and.single).
                            let always = count == 2
                                && options.delimiter_precedes_last == DelimiterBehavior::Always;
                            out.push(Node::text(format!(
                                "{}{and}",
                                if always { delim } else { "" }
                            )));
                        } else if use_delim {
                            out.push(Node::text(format!("{delim}{and} ")));
                        } else {
                            out.push(Node::text(format!(" {and} ")));
                        }
                    }
                    _ => out.push(Node::text(delim)),
                }
            }
            out.extend(r);
            prev_inverted = inverted;
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
                    let use_delim = match options.delimiter_precedes_et_al {
                        DelimiterBehavior::Contextual => count >= 2,
                        DelimiterBehavior::AfterInvertedName => prev_inverted,
                        DelimiterBehavior::Always => true,
                        DelimiterBehavior::Never => false,
                    };
                    out.push(Node::text(if use_delim {
                        delim.to_string()
                    } else if starts_romanesque(t) {
                        " ".to_string()
                    } else {
                        // No space before "et al." in another script ("等").
                        String::new()
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
}

/// A names element in a substitute: one without children of its own takes
/// the substituted element's name, label and et-al, and (citeproc-js) its
/// affixes and formatting too, its own dropped.
fn shorthand(parent: &Names, child: &Names) -> Names {
    let mut merged = parent.from_names_substitute(child);
    if child.children.is_empty() {
        merged.prefix.clone_from(&parent.prefix);
        merged.suffix.clone_from(&parent.suffix);
        merged.display = parent.display;
        merged.font_style = parent.font_style;
        merged.font_variant = parent.font_variant;
        merged.font_weight = parent.font_weight;
        merged.text_decoration = parent.text_decoration;
        merged.vertical_align = parent.vertical_align;
    }
    merged
}

/// citeproc-js's STARTSWITH_ROMANESQUE_REGEXP: a term in a script written
/// with spaces between words ("and", "&", "und", "و"; not "和", "ו").
fn starts_romanesque(t: &str) -> bool {
    t.chars().next().is_some_and(|c| {
        c == '&'
            || c.is_ascii_alphabetic()
            || matches!(c as u32,
                0x0e01..=0x0e5b | 0x00c0..=0x017f | 0x0370..=0x03ff | 0x0400..=0x052f
                | 0x0590..=0x05d4 | 0x05d6..=0x05ff | 0x1f00..=0x1fff | 0x0600..=0x06ff
                | 0x200c | 0x200d | 0x200e | 0x0218..=0x021b | 0x202a..=0x202e)
    })
}
