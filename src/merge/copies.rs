//! Identical listings: one item read twice (a file given twice, a library
//! merged with a copy of itself, an entry repeated under a second key).
//!
//! Copies are set aside before anything is compared and join the record of
//! their first listing at the end: the merge sees each distinct listing once, so merging a library
//! with a copy of itself gives the records the library alone gives. Every
//! later step depends on the input as a whole (how rare a title word is,
//! how large a block is, which pairs a join cross-checks, how often a
//! spelling occurs), and copies would shift all of it; and a listing with
//! little to go on (a title and nothing else) is never judged the same work
//! as another, not even as its own copy.
//!
//! Identical means every field equal except where the item stands
//! ([`Provenance`](crate::Provenance)) and its citation key or CSL id:
//! the typed fields, and the source record as written
//! ([`Original`]) with the fields the typed ones do not hold; or, for two
//! exports of one library, the typed fields and the citation key.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::fasthash::{FastHash, FxHasher};
use crate::model::{Original, Reference};

/// How many different listings of one content hash are searched for a
/// copy: beyond that (listings alike in every typed field and different in
/// their source records) they go to the merge as they are.
const SEARCH: usize = 64;

/// CSL-JSON variables that name the item rather than describe the work.
const NAMING: [&str; 2] = ["id", "citation-key"];

/// The listings without repeats of one item (the same place, key and
/// content: one item given twice), and for each listing the earlier listing
/// it is a copy of, if it is one (indices into the returned list; the
/// earlier listing is never itself a copy).
pub(crate) fn find(mut refs: Vec<Reference>) -> (Vec<Reference>, Vec<Option<u32>>) {
    let hashes: Vec<u64> = crate::parallel::map(&refs, 4096, content_hash);
    // The first listing of each hash, and (rarely) the different ones after it.
    let mut first: HashMap<u64, u32, FastHash> = HashMap::default();
    first.reserve(refs.len());
    let mut more: HashMap<u64, Vec<u32>, FastHash> = HashMap::default();
    let mut copy_of: Vec<Option<u32>> = vec![None; refs.len()];
    let mut repeats = 0usize;
    // Where the copies of each first listing stand (hashed), and the copy there.
    let mut placed: HashMap<(u32, u64), u32, FastHash> = HashMap::default();
    let place = |r: &Reference| {
        let mut h = FxHasher::default();
        for s in &r.sources {
            (&*s.at.source, s.at.line, s.key.as_deref()).hash(&mut h);
        }
        h.finish()
    };
    for (i, &h) in hashes.iter().enumerate() {
        match first.entry(h) {
            Entry::Vacant(e) => {
                e.insert(i as u32);
            }
            Entry::Occupied(e) => {
                let others = more.entry(h).or_default();
                let same = |j: &&u32| same_listing(&refs[**j as usize], &refs[i]);
                match std::iter::once(e.get()).chain(others.iter()).find(same) {
                    Some(&j) => {
                        // The same item again, or a copy standing elsewhere.
                        placed.entry((j, place(&refs[j as usize]))).or_insert(j);
                        let at = *placed.entry((j, place(&refs[i]))).or_insert(i as u32);
                        if at != i as u32 && refs[at as usize].sources == refs[i].sources {
                            repeats += 1;
                            copy_of[i] = Some(u32::MAX);
                        } else {
                            copy_of[i] = Some(j);
                        }
                    }
                    None if others.len() < SEARCH => others.push(i as u32),
                    None => {}
                }
            }
        }
    }
    drop((hashes, first, more, placed));
    if repeats == 0 {
        return (refs, copy_of);
    }
    // Repeats go; the others are renumbered.
    let mut index = vec![0u32; refs.len()];
    let mut kept = 0u32;
    for (i, c) in copy_of.iter().enumerate() {
        index[i] = kept;
        if *c != Some(u32::MAX) {
            kept += 1;
        }
    }
    let mut k = 0;
    refs.retain(|_| {
        k += 1;
        copy_of[k - 1] != Some(u32::MAX)
    });
    let copy_of = copy_of
        .into_iter()
        .filter(|c| *c != Some(u32::MAX))
        .map(|c| c.map(|j| index[j as usize]))
        .collect();
    (refs, copy_of)
}

/// A hash of the fields that most often tell listings apart (equal hashes
/// are confirmed by [`same_listing`]).
fn content_hash(r: &Reference) -> u64 {
    let mut h = FxHasher::default();
    (r.kind, r.title.as_str(), r.issued, &r.authors).hash(&mut h);
    (
        r.container.as_deref(),
        r.volume.as_deref(),
        r.issue.as_deref(),
    )
        .hash(&mut h);
    h.finish()
}

/// Whether two listings say the same in every field (where they stand and
/// what they are called aside).
pub(crate) fn same_listing(a: &Reference, b: &Reference) -> bool {
    // Every field named, so that a field added to `Reference` is decided here.
    let Reference {
        kind,
        title,
        authors,
        editors,
        issued,
        container,
        series,
        volume,
        issue,
        pages,
        article_number,
        publisher,
        place,
        ids,
        links,
        notes,
        sources: _,
        original,
    } = a;
    *kind == b.kind
        && *title == b.title
        && *authors == b.authors
        && *editors == b.editors
        && *issued == b.issued
        && *container == b.container
        && *series == b.series
        && *volume == b.volume
        && *issue == b.issue
        && *pages == b.pages
        && *article_number == b.article_number
        && *publisher == b.publisher
        && *place == b.place
        && *ids == b.ids
        && *links == b.links
        && *notes == b.notes
        && (same_original(original.as_ref(), b.original.as_ref()) || same_entry_elsewhere(a, b))
}

/// Whether two listings alike in every typed field are one entry of two
/// exports of a library (a BibLaTeX and a BibTeX export, the .bib and the
/// CSL-JSON of one Zotero library): the same citation key, in different
/// files. Their source records differ only as the dialects do (`journal`
/// for `journaltitle`, `year` for `date`), and the entry may have too
/// little else (a title alone) for the merge to tell it is one work.
fn same_entry_elsewhere(a: &Reference, b: &Reference) -> bool {
    fn key(r: &Reference) -> Option<(&str, &str)> {
        let s = r.sources.first()?;
        Some((s.key.as_deref()?, &*s.at.source))
    }
    match (key(a), key(b)) {
        (Some((ka, fa)), Some((kb, fb))) => ka == kb && fa != fb,
        _ => false,
    }
}

fn same_original(a: Option<&Original>, b: Option<&Original>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(Original::Bib(x)), Some(Original::Bib(y))) => {
            x.entry_type == y.entry_type && x.fields == y.fields && x.inherited == y.inherited
        }
        (Some(Original::CslJson(x)), Some(Original::CslJson(y))) => {
            if x == y {
                return true;
            }
            fn described(
                m: &serde_json::Map<String, serde_json::Value>,
            ) -> impl Iterator<Item = (&String, &serde_json::Value)> {
                m.iter().filter(|(k, _)| !NAMING.contains(&k.as_str()))
            }
            described(&x.to_map()).eq(described(&y.to_map()))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Location, Person, Provenance};

    fn listing(title: &str, source: &str, line: usize) -> Reference {
        let mut r = Reference::new(Kind::Book, title);
        r.authors = vec![Person::new("Knuth", Some("Donald E."))];
        r.sources = vec![Provenance::new(Location::new(source, line))];
        r
    }

    #[test]
    fn copies_point_to_their_first_listing_and_repeats_go() {
        let refs = vec![
            listing("Seminumerical Algorithms", "a.bib", 3),
            listing("Fundamental Algorithms", "a.bib", 9),
            listing("Seminumerical Algorithms", "b.bib", 3),
            listing("Seminumerical Algorithms", "a.bib", 3), // the same item again
            listing("Fundamental Algorithms", "b.bib", 9),
            listing("Seminumerical Algorithms", "b.bib", 3), // and again
        ];
        let (kept, copy_of) = find(refs);
        let places: Vec<String> = kept.iter().map(|r| r.sources[0].at.to_string()).collect();
        assert_eq!(places, ["a.bib:3", "a.bib:9", "b.bib:3", "b.bib:9"]);
        assert_eq!(copy_of, [None, None, Some(0), Some(1)]);
    }

    #[test]
    fn a_field_or_an_untyped_variable_that_differs_keeps_listings_apart() {
        let a = listing("Seminumerical Algorithms", "a.bib", 3);
        let mut b = listing("Seminumerical Algorithms", "b.bib", 3);
        assert!(same_listing(&a, &b));
        b.volume = Some("2".into());
        assert!(!same_listing(&a, &b));

        let csl = |id: &str, number: &str| {
            let mut r = listing("Aerotek, Inc. v. N.L.R.B.", id, 1);
            let v = serde_json::json!({"id": id, "type": "legal_case", "number": number});
            r.original = v
                .as_object()
                .map(|m| Original::CslJson(crate::model::CslRecord::new(m)));
            r
        };
        assert!(
            same_listing(&csl("x", "17-1"), &csl("y", "17-1")),
            "ids name, not describe"
        );
        assert!(!same_listing(&csl("x", "17-1"), &csl("x", "18-2")));
    }
}
