//! Sorting (CSL 1.0.2 "Sorting"): the bibliography order and citation
//! numbers, with each sort key computed once per item.

use hayagriva::citationberg::taxonomy::{NumberVariable, Variable};
use hayagriva::citationberg::{
    InheritableNameOptions, LayoutRenderingElement, SortDirection, SortKey, TextTarget,
};

use super::eval::{self, Ctx, Disamb, Env, Mode};
use super::input::ItemData;
use super::output::plain;
use super::output::rich::rich;
use super::{Processor, PARALLEL_MIN};

impl Processor {
    /// Bibliography order and citation numbers (input order is citation order).
    pub(super) fn bib_order(&self, items: &[ItemData], env: &Env) -> (Vec<usize>, Vec<usize>) {
        let input_numbers: Vec<usize> = (1..=items.len()).collect();
        let sort = self
            .style
            .bibliography
            .as_ref()
            .and_then(|b| b.sort.as_ref());
        let Some(sort) = sort.filter(|s| !s.keys.is_empty()) else {
            return ((0..items.len()).collect(), input_numbers);
        };
        let inherit = self.style.settings.options.apply(
            &self
                .style
                .bibliography
                .as_ref()
                .map(|b| b.name_options.clone())
                .unwrap_or_default(),
        );
        let order = self.sorted(
            items,
            &(0..items.len()).collect::<Vec<_>>(),
            &sort.keys,
            env,
            &inherit,
            &input_numbers,
        );
        let by_number = sort.keys.iter().any(|k| {
            matches!(
                k,
                SortKey::Variable {
                    variable: Variable::Number(NumberVariable::CitationNumber),
                    ..
                }
            )
        });
        let numbers = if by_number {
            input_numbers
        } else {
            let mut n = vec![0; items.len()];
            for (pos, &i) in order.iter().enumerate() {
                n[i] = pos + 1;
            }
            n
        };
        (order, numbers)
    }

    /// Sorts `subset` of items by the keys (ties in `subset`'s order),
    /// computing each key once per item and only for items the keys
    /// before it leave tied: a first key that tells all items apart is the
    /// only one rendered.
    pub(super) fn sorted(
        &self,
        items: &[ItemData],
        subset: &[usize],
        keys: &[SortKey],
        env: &Env,
        inherit: &InheritableNameOptions,
        numbers: &[usize],
    ) -> Vec<usize> {
        let none = Disamb::default();
        // Positions in `subset`, and the runs of them still tied.
        let mut idx: Vec<usize> = (0..subset.len()).collect();
        let mut runs: Vec<(usize, usize)> = vec![(0, subset.len())];
        let mut value: Vec<Option<String>> = vec![None; subset.len()];
        for key in keys {
            runs.retain(|(a, b)| b - a > 1);
            if runs.is_empty() {
                break;
            }
            let tied: Vec<usize> = runs.iter().flat_map(|&(a, b)| idx[a..b].to_vec()).collect();
            let computed = crate::parallel::map(&tied, PARALLEL_MIN, |&p| {
                let i = subset[p];
                self.sort_key(&items[i], key, env, inherit, &none, numbers[i])
            });
            for (p, v) in tied.into_iter().zip(computed) {
                value[p] = v;
            }
            let desc = match key {
                SortKey::Variable { sort_direction, .. }
                | SortKey::MacroName { sort_direction, .. } => {
                    *sort_direction == SortDirection::Descending
                }
            };
            let cmp = |a: &Option<String>, b: &Option<String>| match (a, b) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (Some(_), None) => std::cmp::Ordering::Less,
                (Some(x), Some(y)) if desc => y.cmp(x),
                (Some(x), Some(y)) => x.cmp(y),
            };
            let mut next = Vec::new();
            for &(a, b) in &runs {
                let run = &mut idx[a..b];
                run.sort_by(|&x, &y| cmp(&value[x], &value[y]).then(x.cmp(&y)));
                // The runs this key leaves tied.
                let mut start = a;
                for k in a + 1..=b {
                    if k == b || cmp(&value[idx[k - 1]], &value[idx[k]]).is_ne() {
                        next.push((start, k));
                        start = k;
                    }
                }
            }
            runs = next;
        }
        idx.into_iter().map(|i| subset[i]).collect()
    }

    fn sort_key(
        &self,
        item: &ItemData,
        key: &SortKey,
        env: &Env,
        inherit: &InheritableNameOptions,
        disamb: &Disamb,
        number: usize,
    ) -> Option<String> {
        let mut ctx = Ctx::new(
            env,
            item,
            None,
            Mode::Sort,
            inherit.clone(),
            disamb,
            Some(number),
        );
        let s = match key {
            SortKey::Variable { variable, .. } => match *variable {
                Variable::Name(n) => {
                    let el = LayoutRenderingElement::Names(
                        hayagriva::citationberg::Names::with_variables(vec![n]),
                    );
                    plain(&ctx.element(&el))
                }
                Variable::Date(d) => item.dates.get(&d).map(eval::date_key).unwrap_or_default(),
                v => {
                    let v = ctx.var(v).unwrap_or_default();
                    if eval::is_numeric(&v) {
                        pad_numbers_in(&v)
                    } else {
                        plain(&rich(&v))
                    }
                }
            },
            SortKey::MacroName {
                name,
                names_min,
                names_use_first,
                names_use_last,
                ..
            } => {
                ctx.sort_names = Some((*names_min, *names_use_first, *names_use_last));
                let el = LayoutRenderingElement::Text(hayagriva::citationberg::Text::with_target(
                    TextTarget::Macro { name: name.clone() },
                ));
                let s = plain(&ctx.element(&el));
                pad_numbers_in(&s)
            }
        };
        let s = sort_fold(&s);
        (!s.is_empty()).then_some(s)
    }
}

/// Digits runs padded to 10 places so that "9" sorts before "10".
fn pad_numbers_in(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                out.push_str(&format!("{digits:0>10}"));
                digits.clear();
            }
            out.push(c);
        }
    }
    if !digits.is_empty() {
        out.push_str(&format!("{digits:0>10}"));
    }
    out
}

/// A collation key close to citeproc-js's `localeCompare`: case and accents
/// folded, quotes and brackets ignored.
fn sort_fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            match c {
                // Quotes, brackets and commas do not sort (citeproc-js:
                // "Simple title, here A" before "Simple title here B").
                '"' | '\'' | '[' | ']' | '(' | ')' | '*' | ',' => {}
                _ => out.push(c.to_ascii_lowercase()),
            }
        } else if matches!(c, '“' | '”' | '‘' | '’' | '«' | '»') {
        } else {
            let f = crate::text::fold(&c.to_string());
            if f.is_empty() {
                out.extend(c.to_lowercase());
            } else {
                out.push_str(&f);
            }
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_fold_case_accents_and_numbers() {
        assert_eq!(sort_fold("Ängström, “Q”"), "angstrom q");
        assert!(pad_numbers_in("9") < pad_numbers_in("10"));
    }
}
