//! `<date>` and `<date-part>`: localized and non-localized dates, ranges,
//! seasons, and the year suffix after the first year.

use hayagriva::citationberg::taxonomy::{DateVariable, OtherTerm, Term, Variable};
use hayagriva::citationberg::{
    Affixes, Date as DateEl, DateDayForm, DateMonthForm, DatePart, DatePartName, DateParts,
    DateStrongAnyForm, LongShortForm, TermForm, ToFormatting,
};

use crate::csl::proc::input::DateData;
use crate::csl::proc::output::rich::rich;
use crate::csl::proc::output::textcase::apply_case;
use crate::csl::proc::output::{is_empty, Node, Tag};

use super::{decorate, strip_periods, Ctx, Mode, MARK_YEAR_SUFFIX};

impl Ctx<'_> {
    pub(super) fn date(&self, el: &DateEl) -> Vec<Node> {
        let Some(var) = el.variable else {
            return Vec::new();
        };
        // citeproc-js leaves the accessed date out of the cites it
        // compares for disambiguation (just_looking).
        let data = if self.is_suppressed(Variable::Date(var))
            || (self.comparing && var == DateVariable::Accessed)
        {
            None
        } else {
            self.item.dates.get(&var)
        };
        let Some(data) = data else {
            self.note_var(false);
            return Vec::new();
        };
        // A date whose parts print nothing (only the month asked of a
        // year) counts as a variable tried and not found (citeproc-js).
        let out = self.date_of(el, data, var);
        self.note_var(!is_empty(&out));
        if !is_empty(&out) {
            self.substituted(Variable::Date(var));
        }
        out
    }

    fn date_of(&self, el: &DateEl, data: &DateData, var: DateVariable) -> Vec<Node> {
        if self.mode == Mode::Sort {
            // A date in a macro sorts by the parts it shows (citeproc-js's
            // dateAsSortKey over the date's date-parts).
            let shown = |name: DatePartName| match (el.form, el.parts) {
                (Some(_), parts) => {
                    let wanted = parts.unwrap_or(DateParts::YearMonthDay);
                    match name {
                        DatePartName::Year => true,
                        DatePartName::Month => wanted.has_month(),
                        DatePartName::Day => wanted == DateParts::YearMonthDay,
                    }
                }
                (None, _) => el.date_part.iter().any(|p| p.name == name),
            };
            let mut limited = data.clone();
            for p in limited.parts.iter_mut() {
                if !shown(DatePartName::Month) {
                    p[1] = 0;
                }
                if !shown(DatePartName::Day) {
                    p[2] = 0;
                }
            }
            return vec![Node::text(date_key(&limited))];
        }
        if let Some(lit) = &data.literal {
            // citeproc-js prints a literal date at its year part only: a
            // date element without one prints nothing of it.
            if el.form.is_none() && !el.date_part.iter().any(|p| p.name == DatePartName::Year) {
                return Vec::new();
            }
            return decorate(
                rich(lit),
                &el.formatting,
                &el.affixes,
                self.display(el.display),
                false,
            );
        }
        let (parts, delimiter, outer_affixes): (Vec<DatePart>, Option<String>, Affixes) = match el
            .form
            .and_then(|f| self.locales().date_format(f).map(|d| (f, d)))
        {
            Some((_, loc)) => {
                let wanted = el.parts.unwrap_or(DateParts::YearMonthDay);
                let parts = loc
                    .date_part
                    .iter()
                    .filter(|p| match p.name {
                        DatePartName::Year => true,
                        DatePartName::Month => wanted.has_month(),
                        DatePartName::Day => wanted == DateParts::YearMonthDay,
                    })
                    .map(|p| {
                        // The style may override a localized part's form and formatting.
                        match el.date_part.iter().find(|o| o.name == p.name) {
                            Some(o) => {
                                let mut merged = o.clone();
                                merged.affixes = p.affixes.clone();
                                if o.to_formatting().is_empty() {
                                    merged.formatting = p.formatting;
                                }
                                if o.range_delimiter.is_none() {
                                    merged.range_delimiter = p.range_delimiter.clone();
                                }
                                if o.text_case.is_none() {
                                    merged.text_case = p.text_case;
                                }
                                merged
                            }
                            None => p.clone(),
                        }
                    })
                    .collect();
                (parts, loc.delimiter.clone(), el.affixes.clone())
            }
            None => (
                el.date_part.clone(),
                el.delimiter.clone(),
                el.affixes.clone(),
            ),
        };
        let out = self.date_parts(data, &parts, delimiter.as_deref().unwrap_or(""), var);
        if is_empty(&out) {
            return Vec::new();
        }
        let out = match el.text_case {
            Some(c) => apply_case(out, c, self.is_english()),
            None => out,
        };
        decorate(
            out,
            &el.formatting,
            &outer_affixes,
            self.display(el.display),
            false,
        )
    }

    fn date_parts(
        &self,
        d: &DateData,
        parts: &[DatePart],
        delim: &str,
        var: DateVariable,
    ) -> Vec<Node> {
        let a = d.parts.first().copied().unwrap_or([0; 3]);
        let present = |p: &DatePart, x: &[i32; 3]| match p.name {
            DatePartName::Year => x[0] != 0,
            DatePartName::Month => x[1] != 0 || d.season.is_some(),
            DatePartName::Day => x[2] != 0 && x[1] != 0 && x[1] <= 12,
        };
        let parts: Vec<&DatePart> = parts.iter().filter(|p| present(p, &a)).collect();
        let render_one = |x: &[i32; 3], ps: &[&DatePart], year_suffix: bool| -> Vec<Node> {
            self.date_run(
                x,
                ps,
                d,
                delim,
                year_suffix && var == DateVariable::Issued,
                (false, false),
            )
        };
        // Either side of a range delimiter, the parts lose the affix facing it.
        let range_side =
            |x: &[i32; 3], ps: &[&DatePart], ys: bool, drop: (bool, bool)| -> Vec<Node> {
                self.date_run(x, ps, d, delim, ys && var == DateVariable::Issued, drop)
            };
        match d.parts.get(1) {
            Some(b) if b != &a && b[0] != 0 => {
                // The largest part that differs decides what is a range.
                let diff = if a[0] != b[0] {
                    DatePartName::Year
                } else if a[1] != b[1] {
                    DatePartName::Month
                } else {
                    DatePartName::Day
                };
                let rank = |n: DatePartName| match n {
                    DatePartName::Year => 0,
                    DatePartName::Month => 1,
                    DatePartName::Day => 2,
                };
                let in_range: Vec<usize> = parts
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| rank(p.name) >= rank(diff))
                    .map(|(i, _)| i)
                    .collect();
                let range_delim = parts
                    .iter()
                    .find(|p| p.name == diff)
                    .and_then(|p| p.range_delimiter.clone())
                    .unwrap_or_else(|| "–".to_string());
                if in_range.is_empty() {
                    return render_one(&a, &parts, true);
                }
                let (lo, hi) = (in_range[0], in_range[in_range.len() - 1]);
                if diff == DatePartName::Year {
                    let mut out = range_side(&a, &parts, false, (false, true));
                    out.push(Node::text(range_delim));
                    out.extend(range_side(b, &parts, true, (true, false)));
                    return out;
                }
                let mut out = Vec::new();
                let before: Vec<&DatePart> = parts[..lo].to_vec();
                let mid: Vec<&DatePart> = parts[lo..=hi].to_vec();
                let after: Vec<&DatePart> = parts[hi + 1..].to_vec();
                if !before.is_empty() {
                    out.extend(render_one(&a, &before, true));
                    out.push(Node::text(delim));
                }
                // Inside the range, the outer affixes of the first and last parts are kept once.
                out.extend(range_side(&a, &mid, true, (false, true)));
                out.push(Node::text(range_delim));
                out.extend(range_side(b, &mid, true, (true, false)));
                if !after.is_empty() {
                    out.push(Node::text(delim));
                    out.extend(render_one(&a, &after, true));
                }
                out
            }
            // An open range ("1987–"): the second date is empty.
            Some(b) if b[0] == 0 && b[1] == 0 => {
                let range_delim = parts
                    .iter()
                    .find(|p| p.name == DatePartName::Year)
                    .and_then(|p| p.range_delimiter.clone())
                    .unwrap_or_else(|| "–".to_string());
                let mut out = range_side(&a, &parts, true, (false, true));
                out.push(Node::text(range_delim));
                out
            }
            _ => render_one(&a, &parts, true),
        }
    }

    /// Date parts of one date joined by `delim`; `drop` removes the prefix of
    /// the first and the suffix of the last part (at a range delimiter).
    fn date_run(
        &self,
        x: &[i32; 3],
        ps: &[&DatePart],
        d: &DateData,
        delim: &str,
        year_suffix: bool,
        drop: (bool, bool),
    ) -> Vec<Node> {
        let mut out = Vec::new();
        for (i, p) in ps.iter().enumerate() {
            if i > 0 && !delim.is_empty() {
                out.push(Node::text(delim));
            }
            let (first, last) = (i == 0 && drop.0, i + 1 == ps.len() && drop.1);
            if first || last {
                let mut q = (*p).clone();
                if first {
                    q.affixes.prefix = None;
                }
                if last {
                    q.affixes.suffix = None;
                }
                out.extend(self.date_part(&q, x, d, year_suffix));
            } else {
                out.extend(self.date_part(p, x, d, year_suffix));
            }
        }
        out
    }

    fn date_part(&self, p: &DatePart, x: &[i32; 3], d: &DateData, year_suffix: bool) -> Vec<Node> {
        let mut suffix: Option<String> = None;
        let text = match p.form() {
            DateStrongAnyForm::Year(form) => {
                let y = x[0];
                let mut s = match form {
                    LongShortForm::Long => y.abs().to_string(),
                    LongShortForm::Short => format!("{:02}", y.abs() % 100),
                };
                if y < 0 {
                    s.push_str(
                        self.term(Term::Other(OtherTerm::Bc), TermForm::Long, false)
                            .unwrap_or("BC"),
                    );
                } else if (1..500).contains(&y) {
                    // citeproc-js: "AD" after years 1 to 499 only.
                    s.push_str(
                        self.term(Term::Other(OtherTerm::Ad), TermForm::Long, false)
                            .unwrap_or("AD"),
                    );
                }
                if year_suffix && !self.env.explicit_year_suffix && !self.year_suffix_done.get() {
                    if let Some(ys) = self.disamb.year_suffix {
                        suffix = Some(year_suffix_str(ys));
                        self.year_suffix_done.set(true);
                    }
                }
                s
            }
            DateStrongAnyForm::Month(form) => {
                // citeproc-js's normalizeMonth: 1-12 months, 13-24 seasons
                // (17-24 as 13-16) in the long and short forms only; any
                // other number is no month.
                let numeric = matches!(
                    form,
                    DateMonthForm::Numeric | DateMonthForm::NumericLeadingZeros
                );
                let m = match x[1] {
                    m @ 1..=12 => m,
                    m @ 13..=24 if !numeric => m,
                    _ => 0,
                };
                if m == 0 {
                    match &d.season {
                        Some(s) => s.to_string(),
                        None => return Vec::new(),
                    }
                } else if m > 12 {
                    let season = match (m - 13) % 4 {
                        0 => OtherTerm::Season01,
                        1 => OtherTerm::Season02,
                        2 => OtherTerm::Season03,
                        _ => OtherTerm::Season04,
                    };
                    self.term(Term::Other(season), TermForm::Long, false)
                        .unwrap_or("")
                        .to_string()
                } else {
                    match form {
                        DateMonthForm::Numeric => m.to_string(),
                        DateMonthForm::NumericLeadingZeros => format!("{m:02}"),
                        DateMonthForm::Long | DateMonthForm::Short => {
                            let t = month_term(m);
                            let f = if form == DateMonthForm::Short {
                                TermForm::Short
                            } else {
                                TermForm::Long
                            };
                            self.term(Term::Other(t), f, false)
                                .unwrap_or("")
                                .to_string()
                        }
                    }
                }
            }
            DateStrongAnyForm::Day(form) => {
                let day = x[2];
                if day == 0 {
                    return Vec::new();
                }
                match form {
                    DateDayForm::Numeric => day.to_string(),
                    DateDayForm::NumericLeadingZeros => format!("{day:02}"),
                    DateDayForm::Ordinal => {
                        if day != 1 && self.locales().option_limit_day_ordinals() {
                            day.to_string()
                        } else {
                            let gender = self
                                .locales()
                                .gender(Term::Other(month_term(x[1].clamp(1, 12))));
                            self.locales().ordinal(day, gender)
                        }
                    }
                }
            }
        };
        if text.is_empty() {
            return Vec::new();
        }
        let mut content = vec![Node::text(text)];
        if p.strip_periods {
            content = strip_periods(content);
        }
        if let Some(c) = p.text_case {
            content = apply_case(content, c, self.is_english());
        }
        let mut out = decorate(content, &p.formatting, &p.affixes, None, false);
        if let Some(sfx) = suffix {
            // citeproc-js appends the year suffix as a blob of its own with
            // the year part's formatting and affixes: "(2024)" + "(a)" for
            // a year part with prefix "(" and suffix ")". Marked so that
            // citations can collapse "2015a, b".
            let sfx = vec![Node::Tagged(
                Tag::Div(MARK_YEAR_SUFFIX),
                vec![Node::text(sfx)],
            )];
            out.extend(decorate(sfx, &p.formatting, &p.affixes, None, false));
        }
        out
    }
}

fn month_term(m: i32) -> OtherTerm {
    match m {
        1 => OtherTerm::Month01,
        2 => OtherTerm::Month02,
        3 => OtherTerm::Month03,
        4 => OtherTerm::Month04,
        5 => OtherTerm::Month05,
        6 => OtherTerm::Month06,
        7 => OtherTerm::Month07,
        8 => OtherTerm::Month08,
        9 => OtherTerm::Month09,
        10 => OtherTerm::Month10,
        11 => OtherTerm::Month11,
        _ => OtherTerm::Month12,
    }
}

/// A sortable date key: `YYYYYMMDD` with ranges appended.
pub(crate) fn date_key(d: &DateData) -> String {
    if d.parts.is_empty() {
        return String::new();
    }
    d.parts
        .iter()
        .map(|p| format!("{:05}{:02}{:02}", p[0] + 50000, p[1], p[2]))
        .collect::<Vec<_>>()
        .join("-")
}

/// a, b, …, z, aa, ab, … (citeproc-js).
pub(crate) fn year_suffix_str(n: u32) -> String {
    let mut n = n as i64;
    let mut s = Vec::new();
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n = n / 26 - 1;
        if n < 0 {
            break;
        }
    }
    s.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_suffixes_run_on_past_z() {
        assert_eq!(year_suffix_str(0), "a");
        assert_eq!(year_suffix_str(26), "aa");
    }
}
