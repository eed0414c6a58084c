//! Structured personal names.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::packed::Packed;
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
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Person {
    /// Family, given, particle, suffix (one box for all four: see
    /// [`super::packed`]).
    parts: Packed<3>,
}

const FAMILY: usize = 0;
const GIVEN: usize = 1;
const PARTICLE: usize = 2;
const SUFFIX: usize = 3;

/// The parts as they are serialized: what a struct of four fields would
/// write (`family`, then those present of `given`, `particle`, `suffix`).
#[derive(Serialize, Deserialize)]
struct Fields<S> {
    family: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    given: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    particle: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suffix: Option<S>,
}

impl Serialize for Person {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Fields {
            family: self.family(),
            given: self.given(),
            particle: self.particle(),
            suffix: self.suffix(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Person {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let f = Fields::<String>::deserialize(deserializer)?;
        Ok(Person::from_parts(
            &f.family,
            f.given.as_deref(),
            f.particle.as_deref(),
            f.suffix.as_deref(),
        ))
    }
}

impl Default for Person {
    /// An empty family name, no other part.
    fn default() -> Self {
        Person::new("", None)
    }
}

impl fmt::Debug for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Person")
            .field("family", &self.family())
            .field("given", &self.given())
            .field("particle", &self.particle())
            .field("suffix", &self.suffix())
            .finish()
    }
}

impl Person {
    /// A name from family and given parts.
    ///
    /// ```
    /// let p = publist::Person::new("Müller", Some("K.-R."));
    /// assert_eq!((p.family(), p.given()), ("Müller", Some("K.-R.")));
    /// assert_eq!(p.particle(), None);
    /// ```
    pub fn new(family: &str, given: Option<&str>) -> Self {
        Self::from_parts(family, given, None, None)
    }

    /// A name from all its parts: family, given, particle, suffix.
    ///
    /// ```
    /// let p = publist::Person::from_parts("Lange", Some("T."), Some("de"), Some("Jr."));
    /// assert_eq!(p.to_string(), "T. de Lange Jr.");
    /// assert_eq!((p.particle(), p.suffix()), (Some("de"), Some("Jr.")));
    /// ```
    pub fn from_parts(
        family: &str,
        given: Option<&str>,
        particle: Option<&str>,
        suffix: Option<&str>,
    ) -> Self {
        Person {
            parts: Packed::new(&[Some(family), given, particle, suffix]),
        }
    }

    /// Family name without particle (`Lange` in `de Lange T`).
    pub fn family(&self) -> &str {
        self.parts.part(FAMILY).unwrap_or_default()
    }

    /// Given names or dotted initials.
    pub fn given(&self) -> Option<&str> {
        self.parts.part(GIVEN)
    }

    /// A lower-case particle written before the family name (`de`, `van der`).
    pub fn particle(&self) -> Option<&str> {
        self.parts.part(PARTICLE)
    }

    /// A suffix such as `Jr.`.
    pub fn suffix(&self) -> Option<&str> {
        self.parts.part(SUFFIX)
    }

    /// Sets the family name.
    ///
    /// ```
    /// let mut p = publist::Person::new("Lange", Some("T."));
    /// p.set_family("Bach");
    /// p.set_given(None);
    /// p.set_particle(Some("van"));
    /// p.set_suffix(Some("III"));
    /// assert_eq!(p.to_string(), "van Bach III");
    /// ```
    pub fn set_family(&mut self, family: &str) {
        self.parts = self.parts.with(FAMILY, Some(family));
    }

    /// Sets (or with `None` removes) the given names.
    pub fn set_given(&mut self, given: Option<&str>) {
        self.parts = self.parts.with(GIVEN, given);
    }

    /// Sets (or with `None` removes) the particle.
    pub fn set_particle(&mut self, particle: Option<&str>) {
        self.parts = self.parts.with(PARTICLE, particle);
    }

    /// Sets (or with `None` removes) the suffix.
    pub fn set_suffix(&mut self, suffix: Option<&str>) {
        self.parts = self.parts.with(SUFFIX, suffix);
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
        let Some(given) = self.given() else {
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
    /// assert_eq!(p.family(), "Lange");
    /// assert_eq!(p.full_family(), "de Lange");
    /// ```
    pub fn full_family(&self) -> String {
        match self.particle() {
            Some(p) => format!("{p} {}", self.family()),
            None => self.family().to_string(),
        }
    }
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(g) = self.given() {
            write!(f, "{g} ")?;
        }
        f.write_str(&self.full_family())?;
        if let Some(s) = self.suffix() {
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
    fn serialized_as_its_four_fields() {
        let p = Person::from_parts("Lange", Some("T."), Some("de"), None);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"family":"Lange","given":"T.","particle":"de"}"#);
        assert_eq!(serde_json::from_str::<Person>(&json).unwrap(), p);
        let bare: Person = serde_json::from_str(r#"{"family":"Plato"}"#).unwrap();
        assert_eq!(
            (bare.family(), bare.given(), bare.suffix()),
            ("Plato", None, None)
        );
        // An empty part is kept apart from an absent one.
        let empty = Person::new("X", Some(""));
        assert_ne!(empty, Person::new("X", None));
        assert_eq!(
            serde_json::to_string(&empty).unwrap(),
            r#"{"family":"X","given":""}"#
        );
        assert!(serde_json::from_str::<Person>(r#"{"given":"T."}"#).is_err());
        // What the references of a large bibliography hold per name.
        assert_eq!(std::mem::size_of::<Person>(), 24);
    }

    #[test]
    fn initials_of_full_and_dotted_names() {
        assert_eq!(Person::new("Müller", Some("Klaus-Robert")).initials(), "KR");
        assert_eq!(Person::new("Müller", Some("K.-R.")).initials(), "KR");
        assert_eq!(Person::new("Yolcu", Some("G. Ü.")).initials(), "GÜ");
        assert_eq!(Person::new("Bach", None).initials(), "");
    }
}
