//! One name: its parts in display or sort order, particles, initials and
//! the `<name-part>` formatting (CSL 1.0.2, "Name-part Order",
//! "Initialize-with").

use hayagriva::citationberg::{Affixes, DisambiguationRule, Formatting, NameForm, NamePart};

use crate::csl::proc::input::NameData;
use crate::csl::proc::output::rich::rich;
use crate::csl::proc::output::textcase::apply_case;
use crate::csl::proc::output::{is_empty, Node};

use super::{decorate, Ctx, Mode};

impl Ctx<'_> {
    pub(super) fn one_name(
        &self,
        n: &NameData,
        name_el: &hayagriva::citationberg::Name,
        options: &hayagriva::citationberg::NameOptions,
        inverted: bool,
        level: u8,
    ) -> Vec<Node> {
        let family_part = name_el.name_part_family();
        if let Some(lit) = n.literal() {
            // citeproc-js renders a literal name as an institution, whose
            // part takes the family name-part's formatting and text case
            // (not its affixes) when the style has no cs:institution.
            return decor(rich(lit), family_part, self.is_english());
        }
        let given_part = name_el.name_part_given();
        let family = n.family().unwrap_or_default();
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
        if n.family().is_none() {
            // A name with only a given part ("Banksy") is written as it is.
            return rich(n.given().unwrap_or_default());
        }
        let with_initials = matches!(
            self.env.style.citation.givenname_disambiguation_rule,
            DisambiguationRule::AllNamesWithInitials | DisambiguationRule::PrimaryNameWithInitials
        );
        let given = n.given().map(|g| {
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
        let english = self.is_english();
        // citeproc-js renders each piece on its own with its part's
        // formatting and text case (the particles with their part: the
        // non-dropping one with the family name, the dropping one with the
        // given name) and puts the part's affixes around the group.
        let fam = |s: &str| decor(rich(s), family_part, english);
        let giv = |s: &str| decor(rich(s), given_part, english);
        let ndp = n.ndp().map(fam).unwrap_or_default();
        let dp = n.dp().map(giv).unwrap_or_default();
        let family_nodes = fam(family);
        let hyphenated = n.ndp().is_some_and(|p| p.ends_with(['\'', '’', '-']));
        // The non-dropping particle before the family name.
        let with_ndp = |family_nodes: Vec<Node>| {
            join(ndp.clone(), family_nodes, if hyphenated { "" } else { " " })
        };
        if form == NameForm::Short {
            return affix(with_ndp(family_nodes), family_part);
        }
        let given = given.as_deref().map(giv).unwrap_or_default();
        let suffix = n.suffix().map(rich).unwrap_or_default();
        if inverted {
            // Family first: [ndp] family, given [dp] [ndp if demoted], suffix
            let demoted =
                demote == D::DisplayAndSort || (self.mode == Mode::Sort && demote == D::SortOnly);
            let (first, second) = if demoted {
                let second = join(given, dp, " ");
                (family_nodes, join(second, ndp.clone(), " "))
            } else {
                (with_ndp(family_nodes), join(given, dp, " "))
            };
            let merged = join(
                affix(first, family_part),
                affix(second, given_part),
                options.sort_separator,
            );
            return join(merged, suffix, options.sort_separator);
        }
        // Display order: given [dp] [ndp] family [suffix]; a dropping
        // particle ending in an apostrophe or hyphen joins the family name
        // when there is no non-dropping one (not "de'").
        let dp_joins = n.ndp().is_none()
            && n.dp().is_some_and(|p| {
                p.ends_with(['\'', 'ʼ', '’', '-'])
                    && &p[..p.len() - p.chars().last().map_or(0, char::len_utf8)] != "de"
            });
        let second = if dp_joins {
            join(dp, family_nodes, "")
        } else {
            join(dp, with_ndp(family_nodes), " ")
        };
        let second = join(second, suffix, if n.comma_suffix() { ", " } else { " " });
        join(affix(given, given_part), affix(second, family_part), " ")
    }
}

/// The pieces that are not empty, joined by `delim` (two at a time: no
/// list of pieces is allocated for a name's every join).
fn join(mut a: Vec<Node>, b: Vec<Node>, delim: &str) -> Vec<Node> {
    match (is_empty(&a), is_empty(&b)) {
        (true, true) => Vec::new(),
        (true, false) => b,
        (false, true) => a,
        (false, false) => {
            a.push(Node::text(delim));
            a.extend(b);
            a
        }
    }
}

/// A name part's text case and formatting (citeproc-js's family_decor and
/// given_decor), without its affixes.
fn decor(content: Vec<Node>, p: Option<&NamePart>, english: bool) -> Vec<Node> {
    match p {
        None => content,
        Some(p) => {
            let content = match p.text_case {
                Some(c) => apply_case(content, c, english),
                None => content,
            };
            decorate(content, &p.formatting, &Affixes::default(), None, false)
        }
    }
}

/// A name part's affixes around its group of pieces.
fn affix(content: Vec<Node>, p: Option<&NamePart>) -> Vec<Node> {
    match p {
        None => content,
        Some(p) => decorate(content, &Formatting::default(), &p.affixes, None, false),
    }
}

/// A person's name with the `<name>` element's formatting and affixes:
/// citeproc-js puts them on each personal name ("Müller A:, de Lange J:"
/// for suffix=":"), not on literal names and not on the list.
pub(super) fn person_affixes(
    r: Vec<Node>,
    n: &NameData,
    name_el: &hayagriva::citationberg::Name,
) -> Vec<Node> {
    if n.literal().is_some() {
        return r;
    }
    decorate(r, &name_el.formatting, &name_el.affixes, None, false)
}

/// A name part whole: its case and formatting, then its affixes around them.
fn part(content: Vec<Node>, p: Option<&NamePart>, english: bool) -> Vec<Node> {
    affix(decor(content, p, english), p)
}

/// Initials of given names: "John Robert" → "J. R." with `with` = ". ".
pub(crate) fn initialize(given: &str, with: &str, initialize: bool, hyphen: bool) -> String {
    // The common given name, one capitalised word of letters ("Marco"),
    // without the word and piece lists (what `initialize_words` gives it:
    // its first letter and `with`, or the word).
    let mut chars = given.chars();
    if let Some(first) = chars.next().filter(|c| c.is_uppercase()) {
        let rest = chars.as_str();
        if rest.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()) {
            if !(initialize || rest.is_empty()) {
                return given.to_string();
            }
            let mut out = String::with_capacity(first.len_utf8() + with.len());
            out.push(first);
            out.push_str(with);
            out.truncate(out.trim_end().len());
            return out;
        }
    }
    initialize_words(given, with, initialize, hyphen)
}

/// [`initialize`] of any given names.
fn initialize_words(given: &str, with: &str, initialize: bool, hyphen: bool) -> String {
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
        // A hyphen before a lower-case letter does not start a new part
        // ("Guo-ping" is one: "G."), as citeproc-js's initializeWith.
        let mut pieces: Vec<&str> = Vec::new();
        let mut start = 0;
        for (k, _) in word.match_indices('-') {
            let next_lower = word[k + 1..].chars().next().is_some_and(char::is_lowercase);
            if !next_lower && k > start {
                pieces.push(&word[start..k]);
                start = k + 1;
            } else if !next_lower {
                start = k + 1;
            }
        }
        if start < word.len() {
            pieces.push(&word[start..]);
        }
        for (pi, piece) in pieces.iter().enumerate() {
            // Markup around a part stays around its initial ("<b>J.</b> Q."),
            // as citeproc-js's initializeWith keeps tags apart.
            let (lead, piece, trail) = split_tags(piece);
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
                out.push_str(lead);
                out.push_str(piece);
                out.push_str(trail);
                out.push(' ');
                continue;
            } else if initialize || is_initial {
                // "Th." keeps its letters; otherwise the first letter.
                let letters: String = if abbreviation {
                    bare.to_string()
                } else {
                    // The capitals after the first letter of a word in mixed
                    // case join its initial, in lower case ("TSerendorjiin"
                    // → "Ts."; "JOHN" → "J."), as citeproc-js.
                    let mut cs = bare.chars();
                    let first = cs.next().map(|c| c.to_string()).unwrap_or_default();
                    let rest = cs.as_str();
                    let caps: String = rest.chars().take_while(|c| c.is_uppercase()).collect();
                    if !caps.is_empty()
                        && caps.len() < rest.len()
                        && piece.chars().all(char::is_alphabetic)
                    {
                        first + &caps.to_lowercase()
                    } else {
                        first
                    }
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
            let body = text.trim_end();
            out.push_str(lead);
            out.push_str(body);
            out.push_str(trail);
            out.push_str(&text[body.len()..]);
        }
    }
    out.trim_end().to_string()
}

/// Opening tags before a word and closing tags after it, and the word.
fn split_tags(s: &str) -> (&str, &str, &str) {
    let mut a = 0;
    while s[a..].starts_with('<') && !s[a..].starts_with("</") {
        match s[a..].find('>') {
            Some(e) => a += e + 1,
            None => break,
        }
    }
    let mut b = s.len();
    while b > a && s[..b].ends_with('>') {
        match s[a..b].rfind("</") {
            Some(k) if !s[a + k..b - 1].contains('>') => b = a + k,
            _ => break,
        }
    }
    (&s[..a], &s[a..b], &s[b..])
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
        // citeproc-js: a lower-case part after a hyphen joins its word;
        // capitals after the first letter join the initial.
        assert_eq!(initialize("Guo-ping", "", true, true), "G");
        assert_eq!(initialize("TSerendorjiin", ". ", true, true), "Ts.");
        assert_eq!(initialize("JOHN", ". ", true, true), "J.");
        assert_eq!(
            initialize("<b>John</b> Quiggly", ". ", true, true),
            "<b>J.</b> Q."
        );
        assert_eq!(
            initialize("<b>John</b>-Quiggly", ". ", true, true),
            "<b>J.</b>-Q."
        );
    }

    #[test]
    fn the_short_way_for_one_word_initializes_as_the_long_way() {
        for given in [
            "Marco", "J", "Émile", "Øystein", "Seo", "Ingrid", "Ä", "Zoë",
        ] {
            for with in [". ", ".", "", " ", ".\u{a0}"] {
                for (init, hyphen) in [(true, true), (false, true), (true, false)] {
                    assert_eq!(
                        initialize(given, with, init, hyphen),
                        initialize_words(given, with, init, hyphen),
                        "{given:?} {with:?} {init}"
                    );
                }
            }
        }
    }
}
