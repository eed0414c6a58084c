//! Structured personal names.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::fold;

/// A person's name, split into its parts.
///
/// When a source gives only initials (`Müller K-R`), `given` holds them in the
/// conventional dotted form (`K.-R.`); [`Person::initials`] gives the bare
/// letters for comparisons.
///
/// ```
/// use publist::Person;
/// let p = Person::new("Höhne", Some("M.-C. M."));
/// assert_eq!(p.initials(), "MCM");
/// assert_eq!(p.to_string(), "M.-C. M. Höhne");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Person {
    /// Family name without particle (`Lange` in `de Lange T`).
    pub family: String,
    /// Given names or dotted initials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A lower-case particle written before the family name (`de`, `van der`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub particle: Option<String>,
    /// A suffix such as `Jr.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

impl Person {
    /// A name from family and given parts.
    ///
    /// ```
    /// let p = publist::Person::new("Müller", Some("K.-R."));
    /// assert_eq!((p.family.as_str(), p.given.as_deref()), ("Müller", Some("K.-R.")));
    /// assert_eq!(p.particle, None);
    /// ```
    pub fn new(family: &str, given: Option<&str>) -> Self {
        Person {
            family: family.to_string(),
            given: given.map(str::to_string),
            particle: None,
            suffix: None,
        }
    }

    /// Whether this is one of `who`: the same folded family name (particle
    /// included) and compatible initials (the same first initial, or none on
    /// either side). How CV layouts find the owner to highlight.
    ///
    /// ```
    /// use publist::Person;
    /// let owner = [Person::new("Lapuschkin", Some("S.")), Person::new("Bach", Some("S."))];
    /// assert!(Person::new("Lapuschkin", Some("Sebastian")).is_one_of(&owner));
    /// assert!(Person::new("Bach", None).is_one_of(&owner));
    /// assert!(!Person::new("Bach", Some("J. S.")).is_one_of(&owner));
    /// ```
    pub fn is_one_of(&self, who: &[Person]) -> bool {
        let (family, initials) = (fold(&self.full_family()), self.initials());
        who.iter().any(|w| {
            let wi = w.initials();
            fold(&w.full_family()) == family
                && (wi.is_empty()
                    || initials.is_empty()
                    || wi.chars().next() == initials.chars().next())
        })
    }

    /// The upper-case initial letters of the given names (`K.-R.` → `KR`,
    /// `Klaus-Robert` → `KR`).
    ///
    /// ```
    /// use publist::Person;
    /// assert_eq!(Person::new("Müller", Some("K.-R.")).initials(), "KR");
    /// assert_eq!(Person::new("Müller", Some("Klaus-Robert")).initials(), "KR");
    /// assert_eq!(Person::new("Ødegård", Some("øyvind")).initials(), "Ø");
    /// assert_eq!(Person::new("Plato", None).initials(), "");
    /// ```
    pub fn initials(&self) -> String {
        let Some(given) = &self.given else {
            return String::new();
        };
        let mut out = String::new();
        for part in given.split(|c: char| c.is_whitespace() || c == '-' || c == '.') {
            match part.chars().next() {
                // ASCII needs no case tables (`to_uppercase` is slow in bulk).
                Some(c) if c.is_ascii() => out.push(c.to_ascii_uppercase()),
                Some(c) => out.extend(c.to_uppercase()),
                None => {}
            }
        }
        out
    }

    /// The family name with its particle (`de Lange`).
    ///
    /// ```
    /// let p = &publist::cv::names("de Lange T and Bach S")[0];
    /// assert_eq!(p.family, "Lange");
    /// assert_eq!(p.full_family(), "de Lange");
    /// ```
    pub fn full_family(&self) -> String {
        match &self.particle {
            Some(p) => format!("{p} {}", self.family),
            None => self.family.clone(),
        }
    }
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(g) = &self.given {
            write!(f, "{g} ")?;
        }
        f.write_str(&self.full_family())?;
        if let Some(s) = &self.suffix {
            write!(f, " {s}")?;
        }
        Ok(())
    }
}

/// Turns initials as written in CVs into the dotted form: `K-R` → `K.-R.`,
/// `GÜ` → `G. Ü.`, `A M` → `A. M.`, `M-C M` → `M.-C. M.`.
///
/// ```
/// assert_eq!(publist::model::dotted_initials("GÜ"), "G. Ü.");
/// assert_eq!(publist::model::dotted_initials("M-C M"), "M.-C. M.");
/// ```
pub fn dotted_initials(written: &str) -> String {
    let mut out = String::new();
    for (i, token) in written.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut first = true;
        for ch in token.chars() {
            match ch {
                '-' => {
                    out.push('-');
                    first = true;
                }
                '.' => {}
                c => {
                    if !first {
                        out.push(' ');
                    }
                    out.push(c);
                    out.push('.');
                    first = false;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_forms() {
        assert_eq!(dotted_initials("K-R"), "K.-R.");
        assert_eq!(dotted_initials("AM"), "A. M.");
        assert_eq!(dotted_initials("A-M"), "A.-M.");
        assert_eq!(dotted_initials("M M-C"), "M. M.-C.");
        assert_eq!(dotted_initials("S"), "S.");
        assert_eq!(dotted_initials("K.-R."), "K.-R.");
    }

    #[test]
    fn initials_of_full_and_dotted_names() {
        assert_eq!(Person::new("Müller", Some("Klaus-Robert")).initials(), "KR");
        assert_eq!(Person::new("Müller", Some("K.-R.")).initials(), "KR");
        assert_eq!(Person::new("Yolcu", Some("G. Ü.")).initials(), "GÜ");
        assert_eq!(Person::new("Bach", None).initials(), "");
    }
}
