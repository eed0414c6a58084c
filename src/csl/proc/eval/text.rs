//! `<text>`, `<number>` and `<label>`: variables, terms, values and macros;
//! page ranges and numbers.

use hayagriva::citationberg::taxonomy::{
    NumberVariable, OtherTerm, PageVariable, StandardVariable, Term, Variable,
};
use hayagriva::citationberg::{LabelPluralize, LongShortForm, NumberForm, TermForm, TextTarget};

use crate::csl::proc::output::rich::rich;
use crate::csl::proc::output::textcase::apply_case;
use crate::csl::proc::output::{is_empty, Node, Tag};

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
                let value = if var == Variable::Page(PageVariable::Page)
                    || var == Variable::Number(NumberVariable::Locator) && self.cite_label_is_page()
                {
                    self.page_range(&value)
                } else {
                    value
                };
                // An ampersand between numbers is the locale's "and" symbol
                // (citeproc-js's number parser: "213 & 235").
                let value = match self.term(Term::Other(OtherTerm::And), TermForm::Symbol, false) {
                    Some(and) if and != "&" && is_number_var(var) && value.contains(" & ") => {
                        value.replace(" & ", &format!(" {and} "))
                    }
                    _ => value,
                };
                if matches!(
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
        let content = match t.text_case {
            Some(c) => apply_case(content, c, self.is_english()),
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
        if let (true, Some(suffix)) = (numeric, t.affixes.suffix.as_deref()) {
            if suffix.starts_with([',', '.', ':', ';']) {
                let affixes = hayagriva::citationberg::Affixes {
                    prefix: t.affixes.prefix.clone(),
                    suffix: None,
                };
                let mut out = decorate(content, &t.formatting, &affixes, None, t.quotes);
                out.push(Node::Tagged(
                    Tag::Div(MARK_NUM_SUFFIX),
                    vec![Node::text(suffix)],
                ));
                return out;
            }
        }
        decorate(content, &t.formatting, &t.affixes, t.display, t.quotes)
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

    fn cite_label_is_page(&self) -> bool {
        self.cite
            .is_some_and(|c| c.label.as_deref().is_none_or(|l| l == "page"))
    }

    fn page_range(&self, value: &str) -> String {
        let delim = self
            .term(
                Term::Other(OtherTerm::PageRangeDelimiter),
                TermForm::Long,
                false,
            )
            .unwrap_or("–");
        super::pages::page_range(value, self.env.style.settings.page_range_format, delim)
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
        let text = if is_numeric(&value) {
            let v = if var == Variable::Page(PageVariable::Page) {
                self.page_range(&value)
            } else {
                value.clone()
            };
            format_numbers(&v, |num| match n.form {
                NumberForm::Numeric => num.to_string(),
                NumberForm::Ordinal => self.locales().ordinal(num, gender),
                NumberForm::LongOrdinal => self.locales().long_ordinal(num, gender),
                NumberForm::Roman => roman(num),
            })
        } else {
            value
        };
        let content = rich(&text);
        let content = match n.text_case {
            Some(c) => apply_case(content, c, self.is_english()),
            None => content,
        };
        decorate(content, &n.formatting, &n.affixes, n.display, false)
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
        let plural = match (l.label.plural, &value) {
            (LabelPluralize::Always, _) => true,
            (LabelPluralize::Never, _) | (LabelPluralize::Contextual, None) => false,
            (LabelPluralize::Contextual, Some(value)) => {
                if var.is_number_of_variable() {
                    value.trim().parse::<i64>().map(|n| n > 1).unwrap_or(false)
                } else {
                    is_plural(value)
                }
            }
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

/// Formats each number of a numeric value (`2-5`, `2, 3 & 5`), normalising
/// range hyphens to en dashes and separators to `, ` and ` & `.
fn format_numbers(s: &str, f: impl Fn(i32) -> String) -> String {
    let mut out = String::new();
    let mut num = String::new();
    let mut chars = s.chars().peekable();
    let flush = |num: &mut String, out: &mut String| {
        if num.is_empty() {
            return;
        }
        if num.chars().all(|c| c.is_ascii_digit()) {
            match num.parse::<i32>() {
                Ok(n) => out.push_str(&f(n)),
                Err(_) => out.push_str(num),
            }
        } else {
            out.push_str(num);
        }
        num.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '-' | '–' | ',' | '&' => {
                flush(&mut num, &mut out);
                let trimmed = out.trim_end().len();
                out.truncate(trimmed);
                out.push_str(match c {
                    ',' => ", ",
                    '&' => " & ",
                    _ => "–",
                });
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
            }
            _ if c.is_alphanumeric() => num.push(c),
            _ => {
                flush(&mut num, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut num, &mut out);
    out
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
        assert_eq!(format_numbers("1-3", |n| n.to_string()), "1–3");
        assert_eq!(format_numbers("1,3&5", |n| n.to_string()), "1, 3 & 5");
        assert_eq!(roman(14), "xiv");
        // citeproc-js: "m"s up to 5999, nothing beyond.
        assert_eq!(roman(4999), "mmmmcmxcix");
        assert_eq!(roman(9887), "");
    }
}
