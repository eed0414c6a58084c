//! The `(Year)` after a CV item's authors.

use nom::bytes::complete::{take_while, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::opt;
use nom::{IResult, Parser};

/// `(2024)`, `(2024a)`, `(2022, pre-proof)`: the year and any text after it.
fn year_paren(input: &str) -> IResult<&str, (i32, Option<char>, &str)> {
    let (rest, (_, digits, letter, extra, _)) = (
        char('('),
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        opt(nom::character::complete::satisfy(|c| {
            c.is_ascii_lowercase()
        })),
        take_while(|c| c != ')' && c != '(' && c != '\n'),
        char(')'),
    )
        .parse(input)?;
    let year = digits.parse().unwrap_or_default();
    Ok((rest, (year, letter, extra)))
}

/// Finds the `(Year)` that ends the author list: the first one before the title.
pub(crate) fn find_year(text: &str) -> Option<(usize, usize, i32, String)> {
    let title_at = text.find(is_open_quote).unwrap_or(text.len());
    text[..title_at].char_indices().find_map(|(i, c)| {
        if c != '(' {
            return None;
        }
        let (rest, (year, _, extra)) = year_paren(&text[i..]).ok()?;
        let extra = extra.trim_start_matches([',', ';', ' ']).trim().to_string();
        Some((i, text.len() - rest.len(), year, extra))
    })
}

pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '”' | '«')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_forms() {
        assert_eq!(
            find_year("Bach S (2014). \"T\""),
            Some((7, 13, 2014, String::new()))
        );
        let (_, _, y, extra) = find_year("Weber L (2022, pre-proof). \"T\"").unwrap();
        assert_eq!((y, extra.as_str()), (2022, "pre-proof"));
        // A year inside the title is not the item's year.
        assert_eq!(find_year("Bach S. \"Advances (2014)\""), None);
    }
}
