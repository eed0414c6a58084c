//! The global name registry of given-name disambiguation (citeproc-js's
//! `CSL.Registry.NameReg`): every name the citations render, keyed by family
//! name, initials and given name, so that a name whose family name appears
//! with other initials (or the same initials and another given name) is
//! written with its initials (or its given name) wherever it is rendered.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use hayagriva::citationberg::DisambiguationRule as Rule;

use crate::csl::proc::eval::initialize;
use crate::csl::proc::input::NameData;
use crate::fasthash::FastHash;

/// The names registered under one family key.
#[derive(Debug, Default)]
struct Family {
    /// Initials → given names.
    initials: HashMap<String, HashSet<String, FastHash>, FastHash>,
    /// Given name → its initials, for each given name registered (the
    /// initials of a name looked up again are not computed again).
    of_given: HashMap<String, String, FastHash>,
}

/// Family key → the names registered under it.
type Keys = HashMap<String, Family, FastHash>;

/// The names the citations render and the rule that reads them.
#[derive(Debug)]
pub(crate) struct NameReg {
    rule: Rule,
    add_givenname: bool,
    /// demote-non-dropping-particle="never": the particle is part of the family key.
    particle_in_key: bool,
    hyphen: bool,
    keys: Keys,
}

/// Periods as spaces, runs of white space as one space, none at the ends
/// (borrowed when the text is so already).
fn strip(s: &str) -> Cow<'_, str> {
    let clean = !s.contains('.')
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.contains(|c: char| c.is_whitespace() && c != ' ');
    if clean {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace('.', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The family key citeproc-js files a name under: family (periods as
/// spaces), with the particle when `particle_in_key`. `None` for a name
/// without family name.
fn family_key(n: &NameData, particle_in_key: bool) -> Option<Cow<'_, str>> {
    let pkey = strip(n.family()?);
    if pkey.is_empty() {
        return None;
    }
    match n.ndp() {
        Some(p) if particle_in_key => Some(Cow::Owned(format!("{pkey} {p}"))),
        _ => Some(pkey),
    }
}

/// The given-name key: periods as spaces, a closing lower-case word such
/// as a particle dropped.
fn given_key(n: &NameData) -> Cow<'_, str> {
    let skey = strip(n.given().unwrap_or_default());
    if let Some(k) = skey.rfind(' ') {
        let last = &skey[k + 1..];
        if !last.contains(',') && last == last.to_lowercase() {
            return Cow::Owned(skey[..k].trim_end_matches([',', '!']).to_string());
        }
    }
    skey
}

impl NameReg {
    /// An empty registry for a style's citation options.
    pub fn new(rule: Rule, add_givenname: bool, particle_in_key: bool, hyphen: bool) -> NameReg {
        NameReg {
            rule,
            add_givenname,
            particle_in_key,
            hyphen,
            keys: Keys::default(),
        }
    }

    fn by_cite(&self) -> bool {
        self.rule == Rule::ByCite
    }

    fn primary(&self) -> bool {
        matches!(self.rule, Rule::PrimaryName | Rule::PrimaryNameWithInitials)
    }

    /// The family key; by-cite keeps each item's names apart.
    fn pkey<'k>(&self, item: &str, family: Cow<'k, str>) -> Cow<'k, str> {
        if self.by_cite() {
            Cow::Owned(format!("{item}\u{1}{family}"))
        } else {
            family
        }
    }

    /// Registers name `namenum` of a list the citation of `item` renders
    /// (the primary-name rules register first names only).
    pub fn add(&mut self, item: &str, n: &NameData, namenum: usize) {
        if self.primary() && namenum != 0 {
            return;
        }
        let Some(pkey) = family_key(n, self.particle_in_key) else {
            return;
        };
        let pkey = self.pkey(item, pkey).into_owned();
        let skey = given_key(n).into_owned();
        let family = self.keys.entry(pkey).or_default();
        let ikey = match family.of_given.get(&skey) {
            Some(i) => i.clone(),
            None => {
                let i = initialize(&skey, "%s", true, self.hyphen);
                family.of_given.insert(skey.clone(), i.clone());
                i
            }
        };
        family.initials.entry(ikey).or_default().insert(skey);
    }

    /// The given-name level a name asks for (citeproc-js's evalname): 0
    /// the family name only, 1 initials, 2 the full given name. `base` is
    /// the level the disambiguation requests; `short` and `initials` are
    /// the name's form and whether it has initialize-with.
    pub fn eval(
        &self,
        item: &str,
        n: &NameData,
        namenum: usize,
        base: u8,
        short: bool,
        initials: bool,
    ) -> u8 {
        let mut param = if short {
            0
        } else if initials {
            1
        } else {
            2
        };
        // Outside by-cite, these names stay as styled whatever is registered.
        if !self.by_cite() && (!self.add_givenname || (self.primary() && namenum > 0)) {
            return param;
        }
        let Some(pkey) = family_key(n, self.particle_in_key) else {
            return param;
        };
        let Some(family) = self.keys.get(self.pkey(item, pkey).as_ref()) else {
            return param;
        };
        let skey = given_key(n);
        let ikey = match family.of_given.get(skey.as_ref()) {
            Some(i) => Cow::Borrowed(i.as_str()),
            None => Cow::Owned(initialize(&skey, "%s", true, self.hyphen)),
        };
        let Some(given) = family.initials.get(ikey.as_ref()) else {
            return param;
        };
        let family = &family.initials;
        if self.by_cite() && param <= base {
            return base;
        }
        if !self.add_givenname {
            return param;
        }
        if self.primary() && namenum > 0 {
            return param;
        }
        match self.rule {
            Rule::AllNamesWithInitials | Rule::PrimaryNameWithInitials => {
                param = u8::from(family.len() > 1);
            }
            _ => {
                if family.len() > 1 {
                    param = 1;
                }
                if given.len() > 1 || (family.len() > 1 && !initials) {
                    param = 2;
                }
            }
        }
        param
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(family: &str, given: &str) -> NameData {
        crate::csl_json::value::NameParts {
            family: Some(family.into()),
            given: Some(given.into()),
            ..Default::default()
        }
        .into()
    }

    #[test]
    fn other_initials_ask_for_initials_and_other_given_names_for_given_names() {
        let mut reg = NameReg::new(Rule::AllNames, true, false, true);
        for (i, n) in [
            name("Doe", "John"),
            name("Doe", "Jane"),
            name("Roe", "Richard"),
            name("Smith", "A. B."),
        ]
        .iter()
        .enumerate()
        {
            reg.add(&i.to_string(), n, 0);
        }
        reg.add("4", &name("Smith", "Chris"), 0);
        // Same initials, other given names: full given names.
        assert_eq!(reg.eval("0", &name("Doe", "John"), 0, 0, true, true), 2);
        // Alone: as styled.
        assert_eq!(reg.eval("2", &name("Roe", "Richard"), 0, 0, true, true), 0);
        // Other initials: initials (with initialize-with), given names without.
        assert_eq!(reg.eval("3", &name("Smith", "A. B."), 0, 0, true, true), 1);
        assert_eq!(reg.eval("3", &name("Smith", "A. B."), 0, 0, true, false), 2);
        // An unregistered name stays as styled.
        assert_eq!(reg.eval("9", &name("Nobody", "N."), 0, 0, false, true), 1);
    }
}
