//! The .bib writer: BibLaTeX or BibTeX, one entry per reference.

use super::fields::typed_fields;
use super::options::WriteOptions;
use crate::keys;
use crate::model::{Original, Reference};

/// Writes references as a .bib file, with unique keys (see [`crate::keys`]).
///
/// ```
/// use publist::bib::{write, Dialect, WriteOptions};
/// let parsed = publist::cv::read("## Journal Articles\n1. Bach S and Müller K-R (2015). \"LRP for ImageNet\". In: *PLoS ONE* 10(7):e0130140\n", "cv.md");
/// let bib = write(&parsed.references, &WriteOptions::default());
/// assert!(bib.starts_with("@article{bach2015lrp,\n"));
/// assert!(bib.contains("  author = {Bach, S. and Müller, K.-R.},\n"));
/// assert!(bib.contains("  title = {{LRP} for {ImageNet}},\n"));
/// let bibtex = write(&parsed.references, &WriteOptions { dialect: Dialect::BibTex, ..Default::default() });
/// assert!(bibtex.contains(r#"  author = {Bach, S. and M{\"u}ller, K.-R.},"#));
/// assert!(bibtex.contains("  journal = {{PLoS} {ONE}},\n"));
/// ```
pub fn write(refs: &[Reference], options: &WriteOptions) -> String {
    let keys = keys::assign_with(refs, &options.keys);
    let mut out = String::new();
    for (r, key) in refs.iter().zip(&keys) {
        out.push_str(&write_entry(r, key, options));
        out.push('\n');
    }
    // BibTeX's sorting idiom needs its definition (the input's @preamble
    // is not kept: the model holds entries).
    if out.contains("\\noopsort") {
        out.insert_str(0, "@preamble{ \"\\providecommand{\\noopsort}[1]{}\" }\n\n");
    }
    out
}

/// Writes one entry under the given citation key (no key uniqueness check:
/// [`write()`] assigns unique keys for a whole list).
///
/// ```
/// use publist::bib::{write_entry, WriteOptions};
/// let r = &publist::cv::read("## Preprints\n1. Bach S (2020). \"Title\". In: arXiv:2001.00001\n", "cv.md").references[0];
/// let entry = write_entry(r, "mykey", &WriteOptions::default());
/// assert!(entry.starts_with("@online{mykey,\n"), "{entry}");
/// ```
pub fn write_entry(r: &Reference, key: &str, options: &WriteOptions) -> String {
    let (entry_type, fields) = match &r.original {
        Some(Original::Bib(original)) => super::carry::fields(r, original, options),
        Some(Original::CslJson(record)) => {
            let csl = &record.to_map();
            let (t, typed) = typed_fields(r, options);
            let t = super::from_csl::entry_type(r, csl, options.dialect).unwrap_or(t);
            // A thesis's or report's university is its institution (school).
            let institution = match t {
                "thesis" | "report" | "techreport" => Some("institution"),
                "phdthesis" | "mastersthesis" => Some("school"),
                _ => None,
            };
            let mut fields: Vec<(String, String)> = typed
                .into_iter()
                .map(|(_, n, v)| match (n, institution) {
                    ("publisher", Some(i)) => (i.to_string(), v),
                    // CSL's number of a report, law or web page is BibLaTeX's `number`.
                    ("eid", _) if numbered(t) => ("number".to_string(), v),
                    _ => (n.to_string(), v),
                })
                .collect();
            for (n, v) in super::from_csl::fields(r, csl, options) {
                match fields.iter_mut().find(|(m, _)| *m == n) {
                    Some(f) if n == "date" => f.1 = v,
                    Some(_) => {}
                    None => fields.push((n, v)),
                }
            }
            (t.to_string(), fields)
        }
        _ => {
            let (t, typed) = typed_fields(r, options);
            (
                t.to_string(),
                typed
                    .into_iter()
                    .map(|(_, n, v)| (n.to_string(), v))
                    .collect(),
            )
        }
    };
    let mut out = format!("@{entry_type}{{{key},\n");
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {value},\n"));
    }
    out.push_str("}\n");
    out
}

/// Entry types whose `number` is the work's own number (not an issue).
fn numbered(t: &str) -> bool {
    matches!(
        t,
        "report"
            | "techreport"
            | "patent"
            | "online"
            | "dataset"
            | "software"
            | "unpublished"
            | "booklet"
            | "legislation"
            | "jurisdiction"
            | "legal"
            | "standard"
    )
}
