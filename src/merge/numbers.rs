//! Numbers that tell parts of a series apart: numbers in titles (digits and
//! Roman numerals), volumes and editions in one spelling, page spans.

/// The numbers a title carries, as a set: digit runs (`2020`, `GPT-4`,
/// `2nd`) and upper-case Roman numerals of I, V and X (`Part II`, `Algebra
/// V`). Two listings whose titles each carry a number the other lacks are
/// different parts, volumes, editions or years of a series.
pub(crate) fn title_numbers(title: &str) -> Vec<u64> {
    let mut out = Vec::new();
    // Most titles have neither a digit nor a letter of a numeral.
    if !title
        .bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'I' | b'V' | b'X'))
    {
        return out;
    }
    for word in title.split(|c: char| !c.is_alphanumeric()) {
        if let Some(n) = roman(word) {
            out.push(n);
            continue;
        }
        for run in word.split(|c: char| !c.is_ascii_digit()) {
            if !run.is_empty() && run.len() <= 18 {
                if let Ok(n) = run.parse::<u64>() {
                    out.push(n);
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// An upper-case Roman numeral of the letters I, V, X (1 to 39, in the usual
/// subtractive form); `CV`, `ML` and other acronyms are words, not numbers.
fn roman(word: &str) -> Option<u64> {
    if word.is_empty() || word.len() > 7 || !word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let value = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        _ => 10,
    };
    let bytes = word.as_bytes();
    let mut total = 0u64;
    for (i, &b) in bytes.iter().enumerate() {
        let v = value(b);
        match bytes.get(i + 1) {
            Some(&next) if value(next) > v => total = total.wrapping_sub(v),
            _ => total = total.wrapping_add(v),
        }
    }
    // Only the canonical spelling of the value counts (`IIII` and `VX` are words).
    (1..40)
        .contains(&total)
        .then_some(total)
        .filter(|&n| to_roman(n) == word)
}

fn to_roman(mut n: u64) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// A volume, edition or part number in one spelling: `Vol. 2`, `2`, `II` →
/// `2`; a letter stays a letter (`B`, the volumes of *Computers &
/// Typesetting*). `None` for what is not a number (`abs/1908.04509`, CoRR's
/// "volume" of an arXiv listing).
pub(crate) fn normalize_number(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t
        .strip_prefix("Vol.")
        .or_else(|| t.strip_prefix("vol."))
        .or_else(|| t.strip_prefix("Vol"))
        .or_else(|| t.strip_prefix("vol"))
        .unwrap_or(t)
        .trim();
    if let Some(n) = roman(&t.to_uppercase()) {
        return Some(n.to_string());
    }
    if !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = t.trim_start_matches('0');
        return Some(if trimmed.is_empty() { "0" } else { trimmed }.to_string());
    }
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_alphabetic() => Some(c.to_lowercase().collect()),
        _ => None,
    }
}

/// Numeric first and last page, when the pages are plain numbers.
pub(crate) fn page_span(pages: &crate::model::Pages) -> Option<(u64, u64)> {
    use crate::model::Pages;
    let num = |s: &str| s.trim().parse::<u64>().ok();
    match pages {
        Pages::Range { first, last } => {
            let (f, l) = (num(first)?, num(last)?);
            // `1006-19`: the last page abbreviated.
            let l = if l < f {
                let digits = last.trim().len() as u32;
                let base = 10u64.checked_pow(digits)?;
                f - f % base + l
            } else {
                l
            };
            Some((f, l.max(f)))
        }
        Pages::Single(p) => num(p).map(|n| (n, n)),
        Pages::Placeholder(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_titles() {
        assert_eq!(
            title_numbers("Capital: A Critique of Political Economy, vol. 2"),
            [2]
        );
        assert_eq!(
            title_numbers("2020 Survey on Lawyer Discipline Systems (SOLD)"),
            [2020]
        );
        assert_eq!(
            title_numbers("Higher-Dimensional Algebra VI: Lie 2-Algebras"),
            [2, 6]
        );
        assert_eq!(title_numbers("Deep Learning for CV and ML, Part IX"), [9]);
        assert_eq!(title_numbers("The 2nd Edition"), [2]);
        assert!(title_numbers("Explaining Things").is_empty());
        assert_eq!(normalize_number("Vol. II").as_deref(), Some("2"));
        assert_eq!(normalize_number("02").as_deref(), Some("2"));
        assert_eq!(normalize_number("B").as_deref(), Some("b"));
        assert_eq!(normalize_number("abs/1908.04509"), None);
        use crate::model::Pages;
        let r = |a: &str, b: &str| Pages::Range {
            first: a.into(),
            last: b.into(),
        };
        assert_eq!(page_span(&r("1006", "19")), Some((1006, 1019)));
        assert_eq!(page_span(&r("549", "552")), Some((549, 552)));
        assert_eq!(page_span(&Pages::Single("e0130140".into())), None);
    }
}
