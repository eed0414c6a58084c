//! The locales of a style: terms (one table for the chain, most specific
//! locale first), ordinals, date formats and locale options.

use std::collections::HashMap;

use hayagriva::citationberg::taxonomy::{Kind, Locator, NumberVariable, Term};
use hayagriva::citationberg::{Date as DateEl, DateForm, Locale, TermForm};

use crate::fasthash::FastHash;

/// The locales of a style, most specific first, with their terms in one
/// table (citationberg's `Locale::term` scans every term on each call).
pub(crate) struct Locales {
    pub chain: Vec<Locale>,
    terms: TermTable,
}

/// Singular and plural of each term and form.
type TermTable = HashMap<(Term, TermForm), (Option<String>, Option<String>), FastHash>;

/// One key for terms citationberg treats as the same (`page` the locator
/// and `page` the variable, ...).
fn canon(t: Term) -> Term {
    match t {
        Term::Locator(Locator::Issue) => Term::NumberVariable(NumberVariable::Issue),
        Term::Locator(Locator::Page) => Term::PageVariable,
        Term::Locator(Locator::Section) => Term::NumberVariable(NumberVariable::Section),
        Term::Locator(Locator::Volume) => Term::NumberVariable(NumberVariable::Volume),
        Term::Locator(Locator::Book) => Term::Kind(Kind::Book),
        Term::Locator(Locator::Chapter) => Term::Kind(Kind::Chapter),
        Term::Locator(Locator::Figure) => Term::Kind(Kind::Figure),
        t => t,
    }
}

impl Locales {
    pub fn new(chain: Vec<Locale>) -> Locales {
        let mut terms = TermTable::default();
        // Lowest precedence first, so that more specific locales overwrite.
        for l in chain.iter().rev() {
            for t in l.terms.iter().flat_map(|t| t.terms.iter()) {
                if t.match_.is_some() || t.gender_form.is_some() {
                    // Ordinal variants are looked up through citationberg's OrdinalLookup.
                    continue;
                }
                terms.insert(
                    (canon(t.name), t.form),
                    (
                        t.single().map(str::to_string),
                        t.multiple().map(str::to_string),
                    ),
                );
            }
        }
        Locales { chain, terms }
    }

    pub fn term(&self, term: Term, form: TermForm, plural: bool) -> Option<&str> {
        let forms: &[TermForm] = match form {
            TermForm::Long => &[TermForm::Long],
            TermForm::Short => &[TermForm::Short, TermForm::Long],
            TermForm::Verb => &[TermForm::Verb, TermForm::Long],
            TermForm::VerbShort => &[TermForm::VerbShort, TermForm::Verb, TermForm::Long],
            TermForm::Symbol => &[TermForm::Symbol, TermForm::Short, TermForm::Long],
        };
        let key = canon(term);
        for f in forms {
            if let Some((single, multiple)) = self.terms.get(&(key, *f)) {
                return if plural {
                    multiple.as_deref()
                } else {
                    single.as_deref()
                };
            }
        }
        None
    }

    pub fn gender(&self, term: Term) -> Option<hayagriva::citationberg::GrammarGender> {
        self.chain
            .iter()
            .find_map(|l| l.term(term, TermForm::Long))
            .and_then(|t| t.gender)
    }

    pub fn ordinal(
        &self,
        n: i32,
        gender: Option<hayagriva::citationberg::GrammarGender>,
    ) -> String {
        for l in &self.chain {
            if let Some(o) = l.ordinals() {
                if let Some(s) = o.lookup(n, gender) {
                    return format!("{n}{s}");
                }
            }
        }
        n.to_string()
    }

    pub fn long_ordinal(
        &self,
        n: i32,
        gender: Option<hayagriva::citationberg::GrammarGender>,
    ) -> String {
        if (1..=10).contains(&n) {
            for l in &self.chain {
                if let Some(o) = l.ordinals() {
                    if let Some(s) = o.lookup_long(n) {
                        return s.to_string();
                    }
                }
            }
        }
        self.ordinal(n, gender)
    }

    pub fn date_format(&self, form: DateForm) -> Option<&DateEl> {
        self.chain
            .iter()
            .flat_map(|l| l.date.iter())
            .find(|d| d.form == Some(form))
    }

    pub fn option_limit_day_ordinals(&self) -> bool {
        self.chain
            .iter()
            .find_map(|l| l.style_options.as_ref()?.limit_day_ordinals_to_day_1)
            .unwrap_or(false)
    }

    pub fn punctuation_in_quote(&self) -> bool {
        self.chain
            .iter()
            .find_map(|l| l.style_options.as_ref()?.punctuation_in_quote)
            .unwrap_or(false)
    }
}
