//! `<text>`, `<number>` and `<label>`: variables, terms, values and macros;
//! page ranges and numbers.

use hayagriva::citationberg::taxonomy::{
    Locator, NumberVariable, OtherTerm, PageVariable, StandardVariable, Term, Variable,
};
use hayagriva::citationberg::{LabelPluralize, LongShortForm, NumberForm, TermForm, TextTarget};

use crate::csl::proc::output::rich::rich;
use crate::csl::proc::output::textcase::{apply_case, apply_case_in};
use crate::csl::proc::output::{is_empty, plain, Node, Tag};

use super::numeric::{self, NumEnv, RangeEnv};
use super::{decorate, strip_periods, CiteInfo, Ctx, Mode, MARK_NUM_SUFFIX, MARK_YEAR_SUFFIX};

impl Ctx<'_> {
    pub(super) fn text(&self, t: &hayagriva::citationberg::Text) -> Vec<Node> {
        let content: Vec<Node> = match &t.target {
            TextTarget::Variable { var, form } => {
                let var = *var;
                // The short form, when the item has one (`title-short`, `X-short`).
                let short = (*form == LongShortForm::Short && !self.is_suppressed(var))
                    .then(|| self.item.short(var))
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .map(str::to_string);
                let value = short.or_else(|| self.var(var));
                let year_suffix = var == Variable::Standard(StandardVariable::YearSuffix);
                if !matches!(
                    var,
                    Variable::Number(NumberVariable::Locator | NumberVariable::CitationNumber)
                        | Variable::Standard(
                            StandardVariable::YearSuffix | StandardVariable::CitationLabel
                        )
                ) {
                    self.used.borrow_mut().text_var = true;
                }
                // citeproc-js: year-suffix always counts as found, "even when
                // it doesn't [render]", so that a group of the "no date"
                // term and the year suffix shows without one.
                self.note_var(year_suffix || value.as_deref().is_some_and(|v| !v.is_empty()));
                let Some(value) = value.filter(|v| !v.is_empty()) else {
                    return Vec::new();
                };
                if year_suffix {
                    self.year_suffix_done.set(true);
                }
                self.substituted(var);
                // citeproc-js prints these through its number parser.
                if let Some(name) = number_name(var).filter(|n| TEXT_NUMBERS.contains(n)) {
                    self.render_number(name, &value, &|n| n.to_string())
                } else if matches!(
                    var,
                    Variable::Standard(StandardVariable::URL | StandardVariable::DOI)
                ) {
                    vec![Node::Text(value)]
                } else if year_suffix {
                    vec![Node::Tagged(
                        Tag::Div(MARK_YEAR_SUFFIX),
                        vec![Node::Text(value)],
                    )]
                } else {
                    rich(&value)
                }
            }
            TextTarget::Macro { name } => {
                let Some(m) = self.env.macros.get(name.as_str()) else {
                    return Vec::new();
                };
                // A macro is a group (citeproc-js's expandMacro): one that
                // tried variables and found none prints none of its terms
                // either (group_SuppressTermInMacro).
                self.group(&m.children, None).unwrap_or_default()
            }
            TextTarget::Term { term, form, plural } => {
                let s = self.term(*term, *form, *plural).unwrap_or("");
                if s.is_empty() {
                    return Vec::new();
                }
                self.note_term();
                if self.term_opens_sentence() {
                    let mut cs = s.chars();
                    let first: String = cs
                        .next()
                        .map(|c| c.to_uppercase().collect())
                        .unwrap_or_default();
                    rich(&(first + cs.as_str()))
                } else {
                    rich(s)
                }
            }
            TextTarget::Value { val } => {
                self.note_term();
                rich(val)
            }
        };
        if is_empty(&content) {
            return Vec::new();
        }
        let content = if t.strip_periods {
            strip_periods(content)
        } else {
            content
        };
        // citeproc-js expands `<text macro>` into a group, and its output
        // queue applies text-case to the strings of a text element only,
        // never to a group's: text-case on a macro call changes nothing
        // there (checked with citeproc-js 2.4.63: uppercase on a macro of a
        // title, a date, a term or a year suffix). 204 official styles set one.
        let cased = t
            .text_case
            .filter(|_| !matches!(t.target, TextTarget::Macro { .. }));
        let content = match cased {
            Some(c) => apply_case_in(content, c, self.is_english(), self.is_turkic()),
            None => content,
        };
        // A number variable printed as a number keeps its own suffix out
        // of the punctuation merging (citeproc-js's number blobs).
        let numeric = match &t.target {
            TextTarget::Variable { var, .. } if is_number_var(*var) && t.display.is_none() => {
                self.var(*var).is_some_and(|v| {
                    v.chars().any(|c| c.is_ascii_digit())
                        && v.chars().all(|c| c.is_ascii_digit() || " -–,&".contains(c))
                })
            }
            _ => false,
        };
        // A formatted text element keeps its own suffix out of the merging
        // with a "!" or "?" its content ends in (citeproc-js: an italic or
        // bold title "Networks!" with suffix "." gives "Networks!."; the
        // decorated blob is not merged through). Unformatted elements merge.
        let own = t.display.is_none()
            && t.formatting != Default::default()
            && t.affixes
                .suffix
                .as_deref()
                .is_some_and(|s| s.starts_with(['.', ':', ';']))
            && plain(&content).trim_end().ends_with(['!', '?']);
        if let (true, Some(suffix)) = (own, t.affixes.suffix.as_deref()) {
            return suffix_apart(content, t, suffix, Tag::NoMerge);
        }
        if let (true, Some(suffix)) = (numeric, t.affixes.suffix.as_deref()) {
            if suffix.starts_with([',', '.', ':', ';']) {
                return suffix_apart(content, t, suffix, Tag::Div(MARK_NUM_SUFFIX));
            }
        }
        decorate(
            content,
            &t.formatting,
            &t.affixes,
            self.display(t.display),
            t.quotes,
        )
    }

    /// A term about to render opens a bibliography entry or a cite of a
    /// note style (nothing rendered before it, no prefix that does not end
    /// a sentence): citeproc-js capitalises its first letter.
    fn term_opens_sentence(&self) -> bool {
        if self.term_predecessor.get() {
            return false;
        }
        match self.mode {
            Mode::Sort => false,
            Mode::Bibliography => true,
            Mode::Citation => {
                self.env.style.settings.class != hayagriva::citationberg::StyleClass::InText
                    && self.cite.is_none_or(|c| c.opens_sentence)
            }
        }
    }

    /// The item is in Turkish or Azerbaijani.
    fn is_turkic(&self) -> bool {
        self.item.language.as_deref().is_some_and(|l| {
            let l = l.trim().to_lowercase();
            ["tr", "az"]
                .iter()
                .any(|t| l == *t || l.starts_with(&format!("{t}-")))
        })
    }

    fn page_range_delimiter(&self) -> &str {
        self.term(
            Term::Other(OtherTerm::PageRangeDelimiter),
            TermForm::Long,
            false,
        )
        .unwrap_or("–")
    }

    /// Runs `f` with what citeproc-js's number parser needs of the
    /// locale and cite for variable `name`.
    fn with_num_env<R>(&self, name: &str, f: impl FnOnce(&NumEnv) -> R) -> R {
        let and = self.term(Term::Other(OtherTerm::And), TermForm::Long, false);
        let symbol = self.term(Term::Other(OtherTerm::And), TermForm::Symbol, false);
        let ampersand = match symbol {
            Some(s) if Some(s) != and => s,
            _ => "&",
        };
        let has_term = |t: &str| {
            t.parse::<Locator>()
                .ok()
                .and_then(|l| self.term(Term::Locator(l), TermForm::Long, false))
                .is_some()
        };
        let env = NumEnv {
            var: name,
            item_label: self.cite.and_then(|c| c.label.as_deref()),
            and_word: and.filter(|_| !self.env.english),
            ampersand,
            has_term: &has_term,
            legal_case: self.item.kind == Some(hayagriva::citationberg::taxonomy::Kind::LegalCase),
        };
        f(&env)
    }

    /// A number variable as citeproc-js prints it (numeric::render_parts):
    /// its markup read, except in parts citeproc-js prints as written.
    fn render_number(&self, name: &str, value: &str, format: &dyn Fn(i32) -> String) -> Vec<Node> {
        // Most values are one plain number: what the parser makes of them.
        if let Some(n) = plain_number(value) {
            return vec![Node::Text(format(n))];
        }
        let delim = self.page_range_delimiter().to_string();
        let page_format = self.env.style.settings.page_range_format;
        let mangle = |s: &str| super::pages::page_range(s, page_format, &delim);
        let ranges = RangeEnv {
            has_format: page_format.is_some(),
            page_delim: &delim,
            year_delim: "–",
            mangle: &mangle,
        };
        let term = |name: &str, plural: bool, master: bool| {
            let t = name.parse::<Locator>().ok()?;
            let _ = master;
            let form = TermForm::Short;
            self.term(Term::Locator(t), form, plural)
                .map(str::to_string)
        };
        let parts = self.with_num_env(name, |env| {
            numeric::render_parts(value, env, &ranges, &term, format)
        });
        let mut out = Vec::new();
        for (s, literal) in parts {
            if literal {
                out.push(Node::Text(s));
            } else {
                out.extend(rich(&s));
            }
        }
        out
    }

    /// `is-numeric` as citeproc-js tests it: number variables (and
    /// call-number) by its number parser (the first part reads as a
    /// number: "12a3", "i-iv", "vol. 2", "3; 4" are numeric, "1,2" is
    /// not), a title by its last character; other variables never.
    pub(super) fn is_numeric_var(&self, var: Variable, value: &str) -> bool {
        let name = match var {
            Variable::Number(NumberVariable::CitationNumber) => "citation-number",
            Variable::Standard(StandardVariable::CallNumber) => "call-number",
            Variable::Standard(StandardVariable::Title) => {
                return value.ends_with(|c: char| c.is_ascii_digit());
            }
            _ => match number_name(var) {
                Some(n) => n,
                None => return false,
            },
        };
        if plain_number(value).is_some() {
            return true;
        }
        self.with_num_env(name, |env| {
            numeric::parse(value, env)
                .first()
                .is_some_and(|v| v.numeric)
        })
    }

    /// The first part of a number variable as citeproc-js's parser reads
    /// it: whether it is plural, and the term of its embedded label.
    pub(super) fn number_head(&self, name: &str, value: &str) -> (bool, Option<&'static str>) {
        if let Some(n) = plain_number(value) {
            return (name.starts_with("number-of-") && n > 1, None);
        }
        self.with_num_env(name, |env| {
            let values = numeric::parse(value, env);
            let head = values.first();
            (
                head.is_some_and(|v| v.plural),
                head.and_then(|v| numeric::label_term(&v.label)),
            )
        })
    }

    pub(super) fn number(&self, n: &hayagriva::citationberg::Number) -> Vec<Node> {
        let var: Variable = n.variable.into();
        let value = self.var(var);
        self.note_var(value.as_deref().is_some_and(|v| !v.is_empty()));
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            return Vec::new();
        };
        self.substituted(var);
        let gender = self.locales().gender(Term::from(n.variable));
        let format = |num: i32| match n.form {
            NumberForm::Numeric => num.to_string(),
            NumberForm::Ordinal => self.locales().ordinal(num, gender),
            NumberForm::LongOrdinal => self.locales().long_ordinal(num, gender),
            NumberForm::Roman => roman(num),
        };
        let content = match number_name(var) {
            Some(name) => self.render_number(name, &value, &format),
            None => rich(&value),
        };
        let content = match n.text_case {
            Some(c) => apply_case(content, c, self.is_english()),
            None => content,
        };
        decorate(
            content,
            &n.formatting,
            &n.affixes,
            self.display(n.display),
            false,
        )
    }

    pub(super) fn label(&self, l: &hayagriva::citationberg::Label) -> Vec<Node> {
        let var: Variable = l.variable.into();
        // The label prints even when its variable is empty (in the singular
        // unless plural="always"): citeproc-js's evaluateLabel does not ask
        // for the value, the spec says a label of an empty variable is not
        // rendered. We follow citeproc-js; a style's group around the label
        // and its variable hides it as the style meant.
        let value = self.var(var).filter(|v| !v.is_empty());
        let term = if var == Variable::Number(NumberVariable::Locator) {
            let default = CiteInfo::default();
            match self.cite.unwrap_or(&default).locator_label() {
                Some(loc) => Term::Locator(loc),
                None => return Vec::new(),
            }
        } else {
            Term::from(l.variable)
        };
        // citeproc-js reads the value with its number parser: the plural,
        // and the term of a label written in the value ("vol. 3").
        let (plural, embedded) = match (number_name(var), &value) {
            (Some(name), Some(value)) => self.number_head(name, value),
            (None, Some(value)) => (is_plural(value), None),
            (_, None) => (false, None),
        };
        let number = Variable::Number(NumberVariable::Number);
        let term = match embedded {
            // citeproc-js: "no." in `number` stays the "number" term.
            Some("issue") if var == number && self.term(term, TermForm::Long, false).is_some() => {
                term
            }
            Some(t)
                if var == number
                    || matches!(
                        var,
                        Variable::Number(NumberVariable::Locator)
                            | Variable::Page(PageVariable::Page)
                    ) =>
            {
                t.parse::<Locator>().map(Term::Locator).unwrap_or(term)
            }
            _ => term,
        };
        let plural = match l.label.plural {
            LabelPluralize::Always => true,
            LabelPluralize::Never => false,
            LabelPluralize::Contextual => plural,
        };
        let Some(s) = self
            .term(term, l.label.form, plural)
            .filter(|s| !s.is_empty())
        else {
            return Vec::new();
        };
        self.note_term();
        let mut content = rich(s);
        if l.label.strip_periods {
            content = strip_periods(content);
        }
        if let Some(c) = l.label.text_case {
            content = apply_case(content, c, self.is_english());
        }
        decorate(content, &l.label.formatting, &l.label.affixes, None, false)
    }
}

/// Numeric in the CSL sense: numbers with optional letter affixes, joined
/// by `,`, `&`, `-` or "and".
pub(crate) fn is_numeric(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() {
        return false;
    }
    let mut any = false;
    for tok in s.split([',', '&', '-', '–']).map(str::trim) {
        let tok = tok.strip_prefix("and ").unwrap_or(tok).trim();
        if tok.is_empty() {
            return false;
        }
        let digits = tok.chars().filter(char::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        // letters only before or after the digits
        let inner: String = tok
            .trim_start_matches(|c: char| c.is_alphabetic())
            .trim_end_matches(|c: char| c.is_alphabetic())
            .to_string();
        if !inner.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        any = true;
    }
    any
}

fn is_plural(s: &str) -> bool {
    let s = s.trim();
    let numbers = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .count();
    numbers > 1
        || (s.contains([',', '&', '-', '–'])
            && numbers >= 1
            && s.split([',', '&', '-', '–']).count() > 1)
        || s.contains(" and ")
}

/// Roman numerals as citeproc-js writes them (its Romanizer): below 6000,
/// thousands as "m"s ("mmmmm" for 5000); nothing from 6000 on.
fn roman(n: i32) -> String {
    const DIGITS: [&[&str]; 4] = [
        &["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"],
        &["", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"],
        &["", "c", "cc", "ccc", "cd", "d", "dc", "dcc", "dccc", "cm"],
        &["", "m", "mm", "mmm", "mmmm", "mmmmm"],
    ];
    if !(0..6000).contains(&n) {
        return if n < 0 { n.to_string() } else { String::new() };
    }
    let mut out = String::new();
    for (place, digit) in n.to_string().bytes().rev().enumerate() {
        let d = usize::from(digit - b'0');
        out.insert_str(0, DIGITS[place].get(d).copied().unwrap_or_default());
    }
    out
}

/// A variable citeproc-js reads as a number (page and locator included).
fn is_number_var(v: Variable) -> bool {
    matches!(v, Variable::Number(_) | Variable::Page(_))
}

/// A value of digits alone, without leading zeros: one number to the
/// number parser (not plural, its label the variable's own).
fn plain_number(value: &str) -> Option<i32> {
    let v = value.trim();
    (v.len() <= 9
        && v.starts_with(|c: char| ('1'..='9').contains(&c))
        && v.bytes().all(|b| b.is_ascii_digit()))
    .then(|| v.parse().ok())
    .flatten()
}

/// `t`'s content decorated without its suffix, then the suffix in `tag`
/// (kept out of the punctuation merging with the content's end).
fn suffix_apart(
    content: Vec<Node>,
    t: &hayagriva::citationberg::Text,
    suffix: &str,
    tag: Tag,
) -> Vec<Node> {
    let affixes = hayagriva::citationberg::Affixes {
        prefix: t.affixes.prefix.clone(),
        suffix: None,
    };
    let mut out = decorate(content, &t.formatting, &affixes, None, t.quotes);
    out.push(Node::Tagged(tag, vec![Node::text(suffix)]));
    out
}

/// The number variables citeproc-js's `<text>` prints through its number
/// parser (the others print as text).
const TEXT_NUMBERS: &[&str] = &[
    "page",
    "page-first",
    "chapter-number",
    "collection-number",
    "edition",
    "issue",
    "number",
    "number-of-pages",
    "number-of-volumes",
    "volume",
    "locator",
    "first-reference-note-number",
];

/// The CSL name of a number variable.
fn number_name(v: Variable) -> Option<&'static str> {
    use NumberVariable as N;
    Some(match v {
        Variable::Page(_) => "page",
        Variable::Number(n) => match n {
            N::ChapterNumber => "chapter-number",
            N::CitationNumber => return None,
            N::CollectionNumber => "collection-number",
            N::Edition => "edition",
            N::FirstReferenceNoteNumber => "first-reference-note-number",
            N::Issue => "issue",
            N::Locator => "locator",
            N::Number => "number",
            N::NumberOfPages => "number-of-pages",
            N::NumberOfVolumes => "number-of-volumes",
            N::PageFirst => "page-first",
            N::PartNumber => "part-number",
            N::PrintingNumber => "printing-number",
            N::Section => "section",
            N::SupplementNumber => "supplement-number",
            N::Version => "version",
            N::Volume => "volume",
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert!(is_numeric("12"));
        assert!(is_numeric("2nd"));
        assert!(is_numeric("12-15"));
        assert!(is_numeric("1, 3 & 5"));
        assert!(!is_numeric("12a3"));
        assert!(!is_numeric("Second"));
        assert_eq!(roman(14), "xiv");
        // citeproc-js: "m"s up to 5999, nothing beyond.
        assert_eq!(roman(4999), "mmmmcmxcix");
        assert_eq!(roman(9887), "");
    }
}
