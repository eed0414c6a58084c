//! What makes a list item a reference. Publication sections also hold lines
//! that are not references: a service or teaching line ("Reviewer for
//! NeurIPS and ICML", "Program committee: ACL 2021"), a pointer ("Talks: see
//! below"), a bare link. The field parser reads a "title" out of almost any
//! words, so a reference needs evidence beyond one: an author, a venue
//! (container, publisher, series), an identifier or link, or a year; and a
//! line that opens with an activity instead of a work needs an author or an
//! identifier to count. A real title-only item with a year ("Sediment
//! transport in tidal inlets (2018)", a thesis) stays a reference.

use crate::model::Reference;

/// Words that open a line about an activity, not a work (lower case,
/// accents and hyphens folded: `co-chair` is `cochair`). Not words that
/// open titles too ("Review", "Tutorial", "Invited talk": talks are items
/// under a talks heading). Checked among the first two words of an item
/// that names no author and no identifier.
#[rustfmt::skip]
const ACTIVITY_WORDS: &[&str] = &[
    "reviewer", "reviewers", "referee", "referees", "reviewing", "adhoc",
    "program", "programme", "pc", "committee", "member", "membership", "chair", "cochair",
    "organizer", "organiser", "organizing", "organising", "coorganizer",
    "teaching", "ta", "tutor", "lecturer", "instructor", "supervisor", "supervision",
    "advisor", "adviser", "mentor", "mentoring", "service", "services", "editorial", "associate",
    "guest", "judge", "jury", "panelist", "panellist", "moderator", "volunteer", "grant", "funding", "award", "awarded", "recipient",
    "winner", "google", "orcid", "researchgate", "dblp", "profile", "homepage", "website",
    "gutachter", "gutachterin", "mitglied", "betreuung", "lehre", "relecteur", "membre",
    "revisor", "miembro", "membro", "evaluador", "avaliador",
];

/// Phrases that point elsewhere instead of naming a work.
const POINTERS: &[&str] = &[
    "see below",
    "see above",
    "see my ",
    "see the ",
    "see http",
    "see www",
    "available on request",
    "available upon request",
    "full list",
    "complete list",
    "list of publications",
    "siehe unten",
    "voir ci-dessous",
    "ver abajo",
];

/// Why the reference `r` read from `text` is no reference at all, if it is not.
pub(crate) fn not_a_reference(text: &str, r: &Reference) -> Option<&'static str> {
    // "Program committee: ACL 2021" can read as an author "Program
    // Committee": a name made only of activity words is no evidence (a
    // surname such as Guest or Judge comes with a given name or initials).
    let activity_name = |p: &crate::model::Person| {
        [Some(p.family()), p.given()]
            .into_iter()
            .flatten()
            .flat_map(str::split_whitespace)
            .all(|w| ACTIVITY_WORDS.contains(&crate::text::fold(w).as_str()))
    };
    let has_author = r
        .authors
        .iter()
        .chain(&r.editors)
        .any(|p| !activity_name(p));
    let ids = &r.ids;
    let has_id = ids.doi.is_some()
        || ids.arxiv.is_some()
        || ids.openreview.is_some()
        || !ids.isbn.is_empty()
        || ids.issn.is_some();
    let has_venue = r.container.is_some() || r.publisher.is_some() || r.series.is_some();
    let has_link = !r.links.is_empty();
    if has_author || has_id {
        return None;
    }
    let lower = text.to_lowercase();
    if POINTERS.iter().any(|p| lower.contains(p)) {
        return Some("it points elsewhere instead of naming a work");
    }
    let opening: Vec<String> = text
        .split_whitespace()
        .take(2)
        .map(crate::text::fold)
        .filter(|w| !w.is_empty())
        .collect();
    if opening.iter().any(|w| ACTIVITY_WORDS.contains(&w.as_str())) {
        return Some("it names an activity (reviewing, teaching, a committee, a talk), not a work");
    }
    if !has_venue && !has_link && r.issued.is_none() {
        return Some("a title and nothing else: no author, year, venue, identifier or link");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Kind, Person};

    fn title_only(title: &str) -> Reference {
        Reference::new(Kind::Misc, title)
    }

    #[test]
    fn activities_pointers_and_bare_titles() {
        let r = title_only("Reviewer for NeurIPS and ICML");
        assert!(not_a_reference("Reviewer for NeurIPS and ICML", &r).is_some());
        let mut r = title_only("Program committee");
        r.container = Some("ACL 2021".into());
        assert!(not_a_reference("Program committee: ACL 2021", &r).is_some());
        r.authors.push(Person::new("committee", Some("Program")));
        assert!(not_a_reference("Program committee: ACL 2021", &r).is_some());
        let r = title_only("Talks");
        assert!(not_a_reference("Talks: see below", &r).is_some());
        let r = title_only("A title");
        assert!(not_a_reference("A title", &r).is_some());
    }

    #[test]
    fn works_with_some_evidence_stay() {
        let mut r = title_only("Sediment transport in tidal inlets");
        r.issued = Some(Date::year(2018));
        assert_eq!(
            not_a_reference("Sediment transport in tidal inlets (2018)", &r),
            None
        );
        // An author makes an activity word a title word.
        let mut r = title_only("Reviewer 2 must be stopped");
        r.authors.push(Person::new("Okafor", Some("N.")));
        assert_eq!(
            not_a_reference("Okafor N. Reviewer 2 must be stopped", &r),
            None
        );
        let mut r = title_only("Tidal Fronts Revisited");
        r.container = Some("Marine Geology".into());
        assert_eq!(
            not_a_reference("*Tidal Fronts Revisited*, Marine Geology", &r),
            None
        );
    }
}
