//! Ranges of a number variable (citeproc-js's fixRanges and
//! manglePageNumbers) and the printed value (outputNumericField).

use super::{is_roman, label_term, parse, parse_int, NumEnv, NumVal};

/// What ranges and delimiters need from the processor.
pub(crate) struct RangeEnv<'a> {
    /// `page-range-format` is set.
    pub has_format: bool,
    /// The locale's page-range delimiter ("–").
    pub page_delim: &'a str,
    /// The locale's year-range delimiter ("–").
    pub year_delim: &'a str,
    /// Formats "A - B" as a page range of the style.
    pub mangle: &'a dyn Fn(&str) -> String,
}

fn check_page(env: &NumEnv, val: &NumVal) -> bool {
    env.var == "page"
        || (["locator", "locator-extra"].contains(&env.var)
            && (val.label == "p." || val.orig_label == "p."))
}

fn range_delimiter(env: &NumEnv, r: &RangeEnv, val: &NumVal, delim: &str, numeric: bool) -> String {
    let has_term = if ["locator", "locator-extra", "page"].contains(&env.var) {
        let l = if val.orig_label.is_empty() {
            &val.label
        } else {
            &val.orig_label
        };
        label_term(l).is_some_and(|t| (env.has_term)(t))
    } else {
        true
    };
    if has_term && delim == "-" && numeric {
        if check_page(env, val)
            || [
                "locator",
                "locator-extra",
                "issue",
                "volume",
                "edition",
                "number",
            ]
            .contains(&env.var)
        {
            return r.page_delim.to_string();
        }
        if env.var == "collection-number" {
            return r.year_delim.to_string();
        }
    }
    delim.to_string()
}

/// `^([0-9]*[a-zA-Z]+0*)?([0-9]+[a-z]*)(\s*[^0-9]+\s*)([-,a-zA-Z]?0*)([0-9]+[a-z]*)$`,
/// matched in the order a backtracking regex engine tries it.
fn range_parts(s: &str) -> Option<(String, String, String, String, String)> {
    let run = |from: usize, f: &dyn Fn(char) -> bool| -> usize {
        s[from..].len() - s[from..].trim_start_matches(|c: char| f(c)).len()
    };
    let digit = |c: char| c.is_ascii_digit();
    let lower = |c: char| c.is_ascii_lowercase();
    // Group 1: all leading digits, all letters, then zeros (longest first); or none.
    let mut g1: Vec<usize> = Vec::new();
    let d = run(0, &digit);
    let l = run(d, &|c: char| c.is_ascii_alphabetic());
    if l > 0 {
        let z = run(d + l, &|c| c == '0');
        g1.extend((0..=z).rev().map(|z| d + l + z));
    }
    g1.push(0);
    for a in g1 {
        let d2 = run(a, &digit);
        if d2 == 0 {
            continue;
        }
        let lw = run(a + d2, &lower);
        for lw in (0..=lw).rev() {
            let b = a + d2 + lw;
            let nd = run(b, &|c| !c.is_ascii_digit());
            // Ends of group 3 on char boundaries, longest first.
            let mut ends: Vec<usize> = s[b..b + nd]
                .char_indices()
                .map(|(k, c)| b + k + c.len_utf8())
                .collect();
            ends.reverse();
            for c in ends {
                let mut g4: Vec<usize> = Vec::new();
                let opt = s[c..]
                    .chars()
                    .next()
                    .filter(|ch| *ch == '-' || *ch == ',' || ch.is_ascii_alphabetic())
                    .map_or(0, char::len_utf8);
                if opt > 0 {
                    let z = run(c + opt, &|ch| ch == '0');
                    g4.extend((0..=z).rev().map(|z| c + opt + z));
                }
                let z = run(c, &|ch| ch == '0');
                g4.extend((0..=z).rev().map(|z| c + z));
                for e in g4 {
                    let d5 = run(e, &digit);
                    if d5 > 0 && run(e + d5, &lower) == s.len() - e - d5 {
                        return Some((
                            s[..a].to_string(),
                            s[a..b].to_string(),
                            s[b..c].to_string(),
                            s[c..e].to_string(),
                            s[e..].to_string(),
                        ));
                    }
                }
            }
        }
    }
    None
}

fn mangle_pair(values: &mut [NumVal], i: usize, count: &mut usize, env: &NumEnv, r: &RangeEnv) {
    if i < 1 || *count != 2 {
        return;
    }
    if values[i - 1].particle != values[i].particle {
        return;
    }
    if values[i - 1].join != "-" {
        *count = 1;
        return;
    }
    let (a, b) = (parse_int(&values[i - 1].value), parse_int(&values[i].value));
    if !r.has_format && a.zip(b).is_some_and(|(a, b)| a > b) {
        let d = range_delimiter(env, r, &values[i], &values[i - 1].join, true);
        values[i - 1].join = d;
        return;
    }
    let s = if check_page(env, &values[i]) && a.is_some() && b.is_some() {
        (r.mangle)(&format!(
            "{}{} - {}{}",
            values[i - 1].particle,
            values[i - 1].value,
            values[i].particle,
            values[i].value
        ))
    } else {
        let plain =
            |v: &str| !v.is_empty() && (v.bytes().all(|c| c.is_ascii_digit()) || is_roman(v));
        if plain(&values[i - 1].value) && plain(&values[i].value) {
            values[i - 1].join = r.page_delim.to_string();
        }
        format!(
            "{}{}{}",
            values[i - 1].value,
            values[i - 1].join.replace("\\-", "-"),
            values[i].value
        )
    };
    if let Some((p1, v1, delim, p2, v2)) = range_parts(&s) {
        let numeric = values[i].numeric;
        let d = range_delimiter(env, r, &values[i], &delim, numeric);
        values[i - 1].particle = p1;
        values[i - 1].value = v1;
        values[i - 1].join = d;
        values[i].particle = p2;
        values[i].value = v2;
    }
    *count = 0;
}

/// fixRanges: range delimiters and page ranges of a rendered value.
fn fix_ranges(values: &mut [NumVal], env: &NumEnv, r: &RangeEnv) {
    const RANGED: &[&str] = &[
        "page",
        "chapter-number",
        "collection-number",
        "edition",
        "issue",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "volume",
        "locator",
        "locator-extra",
    ];
    if !RANGED.contains(&env.var) {
        return;
    }
    let mut count = 0;
    let mut label: Option<String> = None;
    for i in 0..values.len() {
        if !values[i].collapsible() {
            count = 0;
            label = None;
            let d = range_delimiter(env, r, &values[i], &values[i].join, values[i].numeric);
            values[i].join = d;
        } else if label.as_deref() == Some(values[i].label.as_str()) && values[i].join == "-" {
            count = 1;
        } else if label.as_deref() == Some(values[i].label.as_str()) {
            count += 1;
            if count == 2 {
                mangle_pair(values, i, &mut count, env, r);
            }
        } else {
            label = Some(values[i].label.clone());
            count = 1;
        }
    }
    if count == 2 {
        let last = values.len() - 1;
        mangle_pair(values, last, &mut count, env, r);
    }
}

/// The value as it prints: ranges fixed, embedded labels that show
/// (`term(name, plural, master)` gives a label's term, `master` for the
/// first label's), the first label's numbers through `format`.
#[cfg(test)]
pub(crate) fn render(
    value: &str,
    env: &NumEnv,
    r: &RangeEnv,
    term: &dyn Fn(&str, bool, bool) -> Option<String>,
    format: &dyn Fn(i32) -> String,
) -> String {
    render_parts(value, env, r, term, format)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// [`render`] in pieces, each `true` when it prints as written: a part
/// that starts with a number but is not one ("1<sup>er</sup>") is text to
/// citeproc-js (a numeric blob's string, escaped, its markup not read).
pub(crate) fn render_parts(
    value: &str,
    env: &NumEnv,
    r: &RangeEnv,
    term: &dyn Fn(&str, bool, bool) -> Option<String>,
    format: &dyn Fn(i32) -> String,
) -> Vec<(String, bool)> {
    let mut values = parse(value, env);
    fix_ranges(&mut values, env, r);
    let master = values.first().map(|v| v.label.clone()).unwrap_or_default();
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |s: &str, literal: bool| match out.last_mut() {
        Some((last, l)) if *l == literal => last.push_str(s),
        _ => out.push((s.to_string(), literal)),
    };
    for v in &values {
        // An empty part prints nothing, its joiner neither ("-" alone).
        if v.particle.is_empty() && v.value.is_empty() {
            continue;
        }
        if v.visible {
            let name = v
                .label
                .strip_prefix("var:")
                .or_else(|| label_term(&v.label));
            let label = name
                .and_then(|n| term(n, v.plural, v.label == master))
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| v.label.clone());
            push(&label, false);
            push(&v.label_suffix, false);
        }
        let int = v.collapsible()
            && v.value.starts_with(|c: char| ('1'..='9').contains(&c))
            && v.value.bytes().all(|c| c.is_ascii_digit());
        match v.value.parse::<i32>() {
            Ok(n) if int && v.particle.is_empty() && v.label == master => push(&format(n), false),
            _ => {
                push(&v.particle, false);
                push(&v.value, v.collapsible() && !int);
            }
        }
        push(&v.join.replace("\\-", "-"), false);
    }
    out
}
