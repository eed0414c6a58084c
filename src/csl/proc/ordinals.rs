//! Ordinal suffixes as citeproc-js 2.4.63 picks them (its locale loader
//! and `CSL.Util.Ordinalizer`): each locale, lowest precedence first,
//! adds its ordinal terms; a locale that defines the term "ordinal"
//! replaces all ordinal terms below it and brings its own table of which
//! term serves which number (whole number, last two digits, last digit,
//! per gender form). A number takes the suffix of the noun's gender only
//! (else the neuter entry when the noun has no gender), and the term
//! "ordinal" when that gender has no entry for it.
//!
//! citationberg's `OrdinalLookup` ranks all candidates instead (and so
//! gives a masculine "2ºº" to a feminine noun); we follow citeproc-js,
//! whose output the styles and locales were written against.

use std::collections::HashMap;

use hayagriva::citationberg::taxonomy::{OtherTerm, Term};
use hayagriva::citationberg::{GrammarGender, Locale, OrdinalMatch, TermForm};

type Gender = Option<GrammarGender>;

/// Which term serves a number, by match and number, per gender form.
type Table = HashMap<(Match, String), Vec<(Gender, Term)>>;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Match {
    LastDigit,
    LastTwo,
    Whole,
}

/// The ordinal terms of a chain of locales.
#[derive(Default)]
pub(crate) struct Ordinals {
    /// Long forms by term and gender form (`None`: the plain term).
    terms: HashMap<(Term, Gender), String>,
    /// Which term serves a number, by match, number and gender form; from
    /// the last locale that defines "ordinal" (`None`: no locale does).
    table: Option<Table>,
}

fn is_ordinal(t: Term) -> bool {
    matches!(t, Term::Other(OtherTerm::Ordinal | OtherTerm::OrdinalN(_)))
}

impl Ordinals {
    /// `chain`: most specific locale first.
    pub fn new(chain: &[Locale]) -> Ordinals {
        let mut o = Ordinals::default();
        for l in chain.iter().rev() {
            let terms: Vec<_> = l.terms.iter().flat_map(|t| t.terms.iter()).collect();
            let defines = terms
                .iter()
                .any(|t| t.name == Term::Other(OtherTerm::Ordinal));
            if defines {
                o.terms.retain(|(t, _), _| !is_ordinal(*t));
                o.table = None;
            }
            let mut table = Table::new();
            let mut gendered: Vec<Term> = Vec::new();
            for t in &terms {
                if !is_ordinal(t.name) || t.form != TermForm::Long {
                    continue;
                }
                if let Term::Other(OtherTerm::OrdinalN(n)) = t.name {
                    let m = match t.match_ {
                        Some(OrdinalMatch::WholeNumber) => Match::Whole,
                        Some(OrdinalMatch::LastTwoDigits) => Match::LastTwo,
                        Some(OrdinalMatch::LastDigit) => Match::LastDigit,
                        None if n < 10 => Match::LastDigit,
                        None => Match::LastTwo,
                    };
                    let entry = table.entry((m, n.to_string())).or_default();
                    entry.retain(|(g, _)| *g != t.gender_form);
                    entry.push((t.gender_form, t.name));
                }
                if t.gender_form.is_some() {
                    gendered.push(t.name);
                }
                let text = t.single().or_else(|| t.multiple()).unwrap_or_default();
                o.terms.insert((t.name, t.gender_form), text.to_string());
            }
            if defines {
                // A term given only in gender forms: its feminine form (else
                // masculine) is the plain term.
                for name in gendered {
                    if o.terms.contains_key(&(name, None)) {
                        continue;
                    }
                    let f = o.terms.get(&(name, Some(GrammarGender::Feminine)));
                    let m = o.terms.get(&(name, Some(GrammarGender::Masculine)));
                    if let Some(v) = f.or(m).cloned() {
                        o.terms.insert((name, None), v);
                    }
                }
                o.table = Some(table);
            }
        }
        o
    }

    fn term(&self, t: Term, gender: Gender) -> Option<&str> {
        gender
            .and_then(|g| self.terms.get(&(t, Some(g))))
            .or_else(|| self.terms.get(&(t, None)))
            .map(String::as_str)
    }

    /// The suffix of `n` for a noun of `gender`; `None` when no locale
    /// defines "ordinal" (then citationberg's lookup applies).
    pub fn suffix(&self, n: i32, gender: Gender) -> Option<&str> {
        let table = self.table.as_ref()?;
        let s = n.to_string();
        let tail = |k: usize| s[s.len().saturating_sub(k)..].to_string();
        let mut suffix = self.term(Term::Other(OtherTerm::Ordinal), gender);
        for g in [gender, None] {
            let find = |m: Match, key: String| {
                table
                    .get(&(m, key))
                    .and_then(|e| e.iter().find(|(eg, _)| *eg == g))
                    .map(|(_, t)| *t)
            };
            let name = find(Match::Whole, s.clone())
                .or_else(|| find(Match::LastTwo, tail(2)))
                .or_else(|| find(Match::LastDigit, tail(1)));
            if let Some(name) = name {
                suffix = self.term(name, gender);
            }
            if suffix.is_some_and(|s| !s.is_empty()) {
                break;
            }
        }
        suffix
    }
}
