//! The locales of a style: terms (one table for the chain, most specific
//! locale first), ordinals, date formats and locale options.

use std::collections::HashMap;

use hayagriva::citationberg::taxonomy::{Kind, Locator, NumberVariable, Term};
use hayagriva::citationberg::{Date as DateEl, DateForm, IndependentStyle, Locale, TermForm};

use super::ordinals::Ordinals;
use crate::fasthash::FastHash;

/// The locales of a style, most specific first, with their terms in one
/// table (citationberg's `Locale::term` scans every term on each call).
pub(crate) struct Locales {
    pub chain: Vec<Locale>,
    terms: TermTable,
    ordinals: Ordinals,
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

/// citeproc-js's base dialect of each language (`CSL.LANG_BASES`): a
/// style's locale for the base dialect also applies to other dialects
/// ("en-US" terms in an "en-GB" style).
const LANG_BASES: &[(&str, &str)] = &[
    ("af", "af-ZA"),
    ("ar", "ar"),
    ("bg", "bg-BG"),
    ("ca", "ca-AD"),
    ("cs", "cs-CZ"),
    ("da", "da-DK"),
    ("de", "de-DE"),
    ("el", "el-GR"),
    ("en", "en-US"),
    ("es", "es-ES"),
    ("et", "et-EE"),
    ("eu", "eu"),
    ("fa", "fa-IR"),
    ("fi", "fi-FI"),
    ("fr", "fr-FR"),
    ("he", "he-IL"),
    ("hr", "hr-HR"),
    ("hu", "hu-HU"),
    ("is", "is-IS"),
    ("it", "it-IT"),
    ("ja", "ja-JP"),
    ("km", "km-KH"),
    ("ko", "ko-KR"),
    ("lt", "lt-LT"),
    ("lv", "lv-LV"),
    ("mn", "mn-MN"),
    ("nb", "nb-NO"),
    ("nl", "nl-NL"),
    ("nn", "nn-NO"),
    ("pl", "pl-PL"),
    ("pt", "pt-PT"),
    ("ro", "ro-RO"),
    ("ru", "ru-RU"),
    ("sk", "sk-SK"),
    ("sl", "sl-SI"),
    ("sr", "sr-RS"),
    ("sv", "sv-SE"),
    ("th", "th-TH"),
    ("tr", "tr-TR"),
    ("uk", "uk-UA"),
    ("vi", "vi-VN"),
    ("zh", "zh-CN"),
];

/// The primary dialect of each language (the CSL locales' locales.json),
/// by which Zotero finds a locale file for a bare language ("id" → "id-ID").
const PRIMARY_DIALECTS: &[(&str, &str)] = &[
    ("af", "af-ZA"),
    ("ar", "ar"),
    ("bal", "bal-PK"),
    ("bg", "bg-BG"),
    ("brh", "brh-PK"),
    ("ca", "ca-AD"),
    ("cs", "cs-CZ"),
    ("cy", "cy-GB"),
    ("da", "da-DK"),
    ("de", "de-DE"),
    ("el", "el-GR"),
    ("en", "en-US"),
    ("es", "es-ES"),
    ("et", "et-EE"),
    ("eu", "eu"),
    ("fa", "fa-IR"),
    ("fi", "fi-FI"),
    ("fr", "fr-FR"),
    ("gl", "gl-ES"),
    ("he", "he-IL"),
    ("hi", "hi-IN"),
    ("hr", "hr-HR"),
    ("hu", "hu-HU"),
    ("hy", "hy-AM"),
    ("id", "id-ID"),
    ("is", "is-IS"),
    ("it", "it-IT"),
    ("ja", "ja-JP"),
    ("km", "km-KH"),
    ("ko", "ko-KR"),
    ("la", "la"),
    ("lij", "lij-IT"),
    ("lt", "lt-LT"),
    ("lv", "lv-LV"),
    ("mn", "mn-MN"),
    ("ms", "ms-MY"),
    ("nb", "nb-NO"),
    ("nl", "nl-NL"),
    ("nn", "nn-NO"),
    ("pa", "pa-PK"),
    ("pl", "pl-PL"),
    ("pt", "pt-PT"),
    ("ro", "ro-RO"),
    ("ru", "ru-RU"),
    ("sk", "sk-SK"),
    ("sl", "sl-SI"),
    ("sr", "sr-Latn-RS"),
    ("sv", "sv-SE"),
    ("th", "th-TH"),
    ("tr", "tr-TR"),
    ("uk", "uk-UA"),
    ("vi", "vi-VN"),
    ("zh", "zh-CN"),
];

fn table(t: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    t.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

impl Locales {
    /// The locales a processor for `style` in `lang` uses, most specific
    /// first, as citeproc-js's localeConfigure layers them: the style's
    /// `<locale>` for the language's best dialect, its base dialect, the
    /// bare language and no language; then the locale files of the best
    /// and the base dialect (a bare language or a missing file by its
    /// primary dialect, as Zotero's retrieveLocale), then en-US.
    pub fn for_style(style: &IndependentStyle, files: &[Locale], lang: &str) -> Locales {
        let bare = lang.split(['-', '_']).next().unwrap_or("en");
        // citeproc-js's localeResolve: a language it does not know has
        // en-US as its base.
        let base = table(LANG_BASES, bare).unwrap_or("en-US");
        let best = if lang.contains(['-', '_']) {
            lang.replace('_', "-")
        } else {
            table(LANG_BASES, bare).unwrap_or(lang).to_string()
        };
        fn code(l: &Locale) -> Option<&str> {
            l.lang.as_ref().map(|c| c.0.as_str())
        }
        let mut chain: Vec<Locale> = Vec::new();
        let mut wanted: Vec<Option<&str>> = vec![Some(best.as_str())];
        if base != best {
            wanted.push(Some(base));
        }
        if bare != best && bare != base {
            wanted.push(Some(bare));
        }
        wanted.push(None);
        for want in wanted {
            chain.extend(style.locale.iter().filter(|l| code(l) == want).cloned());
        }
        let file = |tag: &str| -> Option<&Locale> {
            files.iter().find(|l| code(l) == Some(tag)).or_else(|| {
                let language = tag.split('-').next().unwrap_or(tag);
                let primary = table(PRIMARY_DIALECTS, language)?;
                files.iter().find(|l| code(l) == Some(primary))
            })
        };
        let mut picked: Vec<&Locale> = Vec::new();
        for tag in [best.as_str(), base, "en-US"] {
            if let Some(l) = file(tag) {
                if !picked.iter().any(|p| std::ptr::eq(*p, l)) {
                    picked.push(l);
                }
            }
        }
        chain.extend(picked.into_iter().cloned());
        Locales::new(chain)
    }

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
        let ordinals = Ordinals::new(&chain);
        Locales {
            chain,
            terms,
            ordinals,
        }
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
        // citeproc-js's noun-genders: the most specific locale that gives
        // the term a gender.
        self.chain
            .iter()
            .find_map(|l| l.term(term, TermForm::Long).and_then(|t| t.gender))
    }

    pub fn ordinal(
        &self,
        n: i32,
        gender: Option<hayagriva::citationberg::GrammarGender>,
    ) -> String {
        if let Some(s) = self.ordinals.suffix(n, gender) {
            return format!("{n}{s}");
        }
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
