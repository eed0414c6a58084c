//! Reading .bib files (BibTeX or BibLaTeX) into the typed model, the way
//! biber and bibtex read them: `@string` macros and `#` concatenation,
//! month macros (`"10~" # jan`), `crossref`/`xdata` inheritance with keys
//! matched case-insensitively, entries without a title kept (a warning),
//! undefined macros kept as written (a warning naming the macro). Every
//! entry keeps its [`BibEntry`] original (every field, as written) and its
//! citation key; the typed fields are decoded from TeX with
//! [`crate::text::latex`].

use std::collections::HashMap;

use super::raw::{self, Item, Piece};
use super::typed::{self, month_macro, MONTHS};
use crate::diagnostic::{Code, Diagnostic};
use crate::input::Parsed;
use crate::model::{BibEntry, Location, Original, Provenance};

/// Reads a .bib file's text. Every entry becomes a reference or an error
/// diagnostic (with the line where the entry starts).
///
/// ```
/// let bib = "@string{nmi = {Nature Machine Intelligence}}\n\
///            @article{crp, author = {Achtibat, Reduan and Lapuschkin, Sebastian},\n\
///              title = {From attribution maps to {Concept Relevance Propagation}},\n\
///              journal = nmi, year = 2023, volume = 5, number = 9, pages = {1006--1019},\n\
///              eprint = {2206.03208}, archiveprefix = {arXiv}}\n\
///            @article{broken, title = {Unclosed}\n";
/// let parsed = publist::bib::read(bib, "refs.bib");
/// assert_eq!(parsed.references.len(), 1);
/// let r = &parsed.references[0];
/// assert_eq!(r.container.as_deref(), Some("Nature Machine Intelligence"));
/// assert_eq!(r.ids.arxiv.as_ref().unwrap().as_str(), "2206.03208");
/// assert_eq!(r.sources[0].key.as_deref(), Some("crp"));
/// assert_eq!(parsed.diagnostics[0].to_string(),
///     "refs.bib:6: error: entry @article is not closed: braces do not match");
/// ```
pub fn read(src: &str, source: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let entries = entries(src, source, &mut parsed);
    finish(entries, source, parsed, None)
}

/// The references of `entries` into `parsed`, its diagnostics by line, the
/// warning of a file read as Latin-1 or Windows-1252 first.
fn finish(
    entries: Vec<Resolved>,
    source: &str,
    mut parsed: Parsed,
    legacy: Option<crate::text::Legacy>,
) -> Parsed {
    convert(entries, source, &mut parsed);
    parsed.diagnostics.sort_by_key(|d| d.at.line);
    if let Some(enc) = legacy {
        parsed.diagnostics.insert(
            0,
            Diagnostic::warning(
                Code::Encoding,
                Location::new(source, 1),
                format!("not UTF-8: read as {}", enc.name()),
            ),
        );
    }
    parsed
}

/// The entries of a .bib text, resolved (macros expanded), in order; the
/// other items' diagnostics into `parsed`.
fn entries(src: &str, source: &str, parsed: &mut Parsed) -> Vec<Resolved> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut macros: HashMap<String, String> = HashMap::new();
    // Room for an entry per `@` (at most one per six bytes: `@a{k,}`), so
    // that the list is not grown by doubling, the outgrown lists left to
    // the allocator; room not filled is never touched.
    let mut entries: Vec<Resolved> = Vec::new();
    let ats = src.bytes().filter(|&b| b == b'@').count();
    let _ = entries.try_reserve(ats.min(src.len() / 6));
    let mut line = LineCounter::new(src);
    for item in raw::items(src) {
        match item {
            Item::Strings(start, defs) => {
                let at = line.at(start);
                for d in defs {
                    let (value, undefined) = resolve(&d.pieces, &macros);
                    for m in undefined {
                        parsed.diagnostics.push(Diagnostic::warning(
                            Code::UndefinedMacro,
                            Location::new(source, at),
                            format!("@string \"{}\" uses the undefined macro \"{m}\"", d.name),
                        ));
                    }
                    macros.insert(d.name.to_ascii_lowercase(), value.tex);
                }
            }
            Item::Preamble(start, _) => parsed.diagnostics.push(Diagnostic::note(
                Code::NotKept,
                Location::new(source, line.at(start)),
                "@preamble is not kept: publist writes references only \
                 (and defines \\noopsort itself when an entry uses it)",
            )),
            Item::Broken {
                start,
                kind,
                message,
            } => {
                parsed.items += 1;
                let at = line.at(start);
                let message = if message == "braces do not match" {
                    format!("entry @{kind} is not closed: braces do not match")
                } else {
                    format!("entry @{kind} starting on line {at} cannot be read: {message}")
                };
                parsed.diagnostics.push(Diagnostic::error(
                    Code::BrokenEntry,
                    Location::new(source, at),
                    message,
                ));
            }
            Item::Entry {
                start,
                end,
                kind,
                key,
                fields,
            } => {
                parsed.items += 1;
                let at = line.at(start);
                let mut resolved = Resolved {
                    line: at,
                    text: src[start..end].trim_end().to_string(),
                    entry: BibEntry {
                        entry_type: kind.to_ascii_lowercase(),
                        key: key.to_string(),
                        fields: Vec::with_capacity(fields.len()),
                        inherited: Vec::new(),
                    },
                    tex: Vec::with_capacity(fields.len()),
                };
                for f in fields {
                    let name = f.name.to_ascii_lowercase();
                    let (value, undefined) = resolve(&f.pieces, &macros);
                    for m in undefined {
                        parsed.diagnostics.push(Diagnostic::warning(
                            Code::UndefinedMacro,
                            Location::new(source, at),
                            format!(
                                "entry \"{key}\": field \"{name}\" uses the undefined macro \"{m}\" (kept as written)"
                            ),
                        ));
                    }
                    // A field given twice: the first counts, as in bibtex.
                    if resolved.entry.get(&name).is_some() {
                        continue;
                    }
                    // The TeX only where it is not the written value
                    // unbraced (a bare month macro, pieces joined by `#`).
                    let tex = (unbraced(&value.written) != value.tex).then(|| value.tex.into());
                    resolved.tex.push(tex);
                    resolved.entry.fields.push((name, value.written));
                }
                entries.push(resolved);
            }
        }
    }
    entries
}

/// Reads a .bib file; `source` in the result is the path as given. A file
/// in Latin-1 or Windows-1252 is decoded, with a warning.
///
/// ```
/// let path = std::env::temp_dir().join("publist-doc-read-file.bib");
/// std::fs::write(&path, "@article{a, author = {Bach, S.}, title = {LRP}, journaltitle = {PLoS ONE}, date = {2015}}\n@misc{broken, title = {x}\n")?;
/// let parsed = publist::bib::read_file(&path)?;
/// assert_eq!(parsed.references.len(), 1);
/// assert_eq!(parsed.errors().count(), 1);
/// assert_eq!(parsed.errors().next().unwrap().at.line, 2);
/// assert!(publist::bib::read_file("no/such/file.bib").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_file(path: impl AsRef<std::path::Path>) -> Result<Parsed, crate::Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| crate::Error::io(&name, e))?;
    read_owned(bytes, &name)
}

/// [`read_bytes`], taking the bytes: the text is freed once its entries are
/// read, before they become references (the file's text was a tenth of the
/// peak memory of reading it).
pub(crate) fn read_owned(bytes: Vec<u8>, name: &str) -> Result<Parsed, crate::Error> {
    let (decoded, legacy) = match crate::text::decode_legacy(&bytes, name)? {
        (std::borrow::Cow::Owned(text), legacy) => (Some(text), legacy),
        (std::borrow::Cow::Borrowed(_), legacy) => (None, legacy),
    };
    // UTF-8 as `decode_legacy` found: taken as it is, not copied.
    let text = decoded.unwrap_or_else(|| {
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    });
    let mut parsed = Parsed::default();
    let entries = entries(&text, name, &mut parsed);
    drop(text);
    Ok(finish(entries, name, parsed, legacy))
}

/// Reads .bib bytes: UTF-8, or Latin-1/Windows-1252 decoded with a warning
/// (`Code::Encoding`). Binary data is an error.
///
/// ```
/// let parsed = publist::bib::read_bytes(b"@article{b, author = {M\xfcller, Klaus}, title = {T}, year = 2001}", "old.bib")?;
/// assert_eq!(parsed.references[0].authors[0].family(), "Müller");
/// assert_eq!(parsed.diagnostics[0].code, publist::Code::Encoding);
/// # Ok::<(), publist::Error>(())
/// ```
pub fn read_bytes(bytes: &[u8], name: &str) -> Result<Parsed, crate::Error> {
    let (text, legacy) = crate::text::decode_legacy(bytes, name)?;
    let mut parsed = Parsed::default();
    let entries = entries(&text, name, &mut parsed);
    Ok(finish(entries, name, parsed, legacy))
}

/// An entry with its fields resolved: as written, and as TeX text.
struct Resolved {
    line: usize,
    text: String,
    entry: BibEntry,
    /// Each field's TeX (macros expanded, month macros as English names)
    /// where it is not the written value without its outer braces: most
    /// are, and a copy of every value and name took a third of the
    /// entries' memory.
    tex: Vec<Option<Box<str>>>,
}

impl Resolved {
    /// `(name, TeX)` of each field, in order.
    fn tex(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entry
            .fields
            .iter()
            .zip(&self.tex)
            .map(|((name, written), tex)| {
                (name.as_str(), tex.as_deref().unwrap_or(unbraced(written)))
            })
    }

    /// [`Resolved::tex`] as owned pairs, what `typed::reference` and
    /// `inherit` take (not [`tex_fields`], which reads an original back).
    fn owned_tex(&self) -> Vec<(String, String)> {
        self.tex()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect()
    }
}

/// A written value without its outer braces (`{A}` -> `A`; a number as it is).
fn unbraced(written: &str) -> &str {
    written
        .strip_prefix('{')
        .and_then(|w| w.strip_suffix('}'))
        .unwrap_or(written)
}

struct Value {
    written: String,
    tex: String,
}

/// A value's pieces as written and as TeX; the undefined macros it uses.
fn resolve(pieces: &[Piece<'_>], macros: &HashMap<String, String>) -> (Value, Vec<String>) {
    let mut tex = String::new();
    let mut undefined = Vec::new();
    let mut bare = false;
    for p in pieces {
        match p {
            Piece::Braced(s) | Piece::Quoted(s) | Piece::Number(s) => tex.push_str(s),
            Piece::Macro(m) => match macros.get(&m.to_ascii_lowercase()) {
                Some(v) => tex.push_str(v),
                None => {
                    bare = true;
                    match month_macro(m) {
                        Some(k) => tex.push_str(MONTHS[k - 1]),
                        None => undefined.push(m.to_string()),
                    }
                }
            },
        }
    }
    // As written: the pieces joined by `#` when a macro stays bare (each
    // piece written out only then), else the value braced.
    let written = if bare {
        let parts: Vec<String> = pieces
            .iter()
            .map(|p| match p {
                Piece::Braced(s) | Piece::Quoted(s) => format!("{{{s}}}"),
                Piece::Number(n) => n.to_string(),
                Piece::Macro(m) => match macros.get(&m.to_ascii_lowercase()) {
                    Some(v) => format!("{{{v}}}"),
                    None => m.to_string(),
                },
            })
            .collect();
        parts.join(" # ")
    } else if pieces.len() == 1 && matches!(pieces[0], Piece::Number(_)) {
        tex.clone()
    } else {
        format!("{{{tex}}}")
    };
    (Value { written, tex }, undefined)
}

/// Fields an entry never inherits (biblatex's defaults).
const NOT_INHERITED: &[&str] = &[
    "ids",
    "crossref",
    "xref",
    "xdata",
    "entryset",
    "entrysubtype",
    "execute",
    "label",
    "options",
    "presort",
    "related",
    "relatedoptions",
    "relatedstring",
    "relatedtype",
    "shorthand",
    "shorthandintro",
    "sortkey",
];

fn is_book_like(t: &str) -> bool {
    matches!(
        t,
        "book"
            | "collection"
            | "proceedings"
            | "reference"
            | "mvbook"
            | "mvcollection"
            | "mvproceedings"
            | "mvreference"
            | "periodical"
    )
}

/// What an entry inherits and the warnings of following its links, found
/// while every entry is at hand (most entries have no link: `None`).
struct Inheritance {
    fields: Vec<(String, String)>,
    notes: Vec<Diagnostic>,
}

/// The entries as references (inheriting from their `crossref`/`xdata`
/// parents), or diagnostics. What each entry inherits is found first, with
/// all entries at hand; then each entry is moved into its reference (its
/// text and fields as written; its TeX dropped once read), on all cores,
/// so that the entries and the references are never both held whole (each
/// entry's text, fields and TeX were copied into its reference, and the
/// entries freed only after the last).
fn convert(entries: Vec<Resolved>, source: &str, parsed: &mut Parsed) {
    // One name for the file's locations.
    let source: std::sync::Arc<str> = source.into();
    // Per entry: `None` for a key seen before (the entry is not read).
    let plans: Vec<Plan> = {
        let by_key: HashMap<String, usize> = entries
            .iter()
            .enumerate()
            .rev()
            .map(|(k, e)| (e.entry.key.to_lowercase(), k))
            .collect();
        let mut seen: std::collections::HashSet<&str> = Default::default();
        entries
            .iter()
            .enumerate()
            .map(|(k, e)| {
                if !seen.insert(e.entry.key.as_str()) {
                    return None;
                }
                let linked = e.tex().any(|(n, _)| n == "xdata" || n == "crossref");
                Some(linked.then(|| {
                    let at = Location::new(source.clone(), e.line);
                    let (mut fields, mut notes) = (e.owned_tex(), Vec::new());
                    inherit(&entries, &by_key, k, &mut fields, &at, &mut notes);
                    let fields = fields.split_off(e.tex.len());
                    Box::new(Inheritance { fields, notes })
                }))
            })
            .collect()
    };
    // Room for every entry's reference (grown by doubling, the list took a
    // third more at its peak and copied itself at each step).
    let _ = parsed.references.try_reserve(entries.len());
    // The entries become references on all cores, a block at a time; each
    // block's references and diagnostics are then taken in the entries'
    // order (what reading them one by one gives).
    let mut work = entries.into_iter().zip(plans).map(Some);
    loop {
        let mut block: Vec<Option<(Resolved, Plan)>> = work.by_ref().take(CONVERT_BLOCK).collect();
        if block.is_empty() {
            break;
        }
        let done = crate::parallel::map_mut(&mut block, 64, |_, slot| {
            slot.take().map(|(e, plan)| reference_of(e, plan, &source))
        });
        for (notes, r) in done.into_iter().flatten() {
            parsed.diagnostics.extend(notes);
            parsed.references.extend(r);
        }
    }
}

/// Entries made references at a time (their references are held twice
/// while they are taken into the list: a block's, not the file's).
const CONVERT_BLOCK: usize = 4096;

/// What [`convert`] knows of an entry before it reads it: `None` for a key
/// seen before (the entry is not read), else what it inherits.
type Plan = Option<Option<Box<Inheritance>>>;

/// An entry's reference (`None` for one that cannot be read or is not
/// read) and the diagnostics of reading it, in order.
fn reference_of(
    e: Resolved,
    plan: Plan,
    source: &std::sync::Arc<str>,
) -> (Vec<Diagnostic>, Option<crate::model::Reference>) {
    let mut notes = Vec::new();
    let at = Location::new(source.clone(), e.line);
    let Some(inheritance) = plan else {
        notes.push(Diagnostic::error(
            Code::DuplicateKey,
            at,
            format!("duplicate key \"{}\": this entry was not read", e.entry.key),
        ));
        return (notes, None);
    };
    let mut tex = e.owned_tex();
    let Resolved {
        text, mut entry, ..
    } = e;
    let inherited = match inheritance {
        Some(i) => {
            let Inheritance {
                fields,
                notes: found,
            } = *i;
            notes.extend(found);
            tex.extend(fields.iter().cloned());
            fields
        }
        None => Vec::new(),
    };
    let r = typed::reference(&entry.entry_type, &tex);
    drop(tex);
    let mut r = match r {
        Ok(r) => r,
        Err(msg) => {
            notes.push(Diagnostic::error(
                Code::BrokenEntry,
                at,
                format!("entry \"{}\" cannot be read: {msg}", entry.key),
            ));
            return (notes, None);
        }
    };
    if r.title.is_empty() {
        notes.push(Diagnostic::warning(
            Code::NoTitle,
            at.clone(),
            format!("entry \"{}\" has no title", entry.key),
        ));
    }
    let mut p = Provenance::new(at);
    p.key = Some(entry.key.clone());
    p.text = text;
    r.sources.push(p);
    entry.inherited = inherited;
    r.original = Some(Original::Bib(Box::new(entry)));
    (notes, Some(r))
}

/// Adds to `fields` what entry `k` inherits through `crossref` and `xdata`
/// (parents found case-insensitively; chains followed, each entry once).
fn inherit(
    entries: &[Resolved],
    by_key: &HashMap<String, usize>,
    k: usize,
    fields: &mut Vec<(String, String)>,
    at: &Location,
    notes: &mut Vec<Diagnostic>,
) {
    let child_type = entries[k].entry.entry_type.clone();
    let mut visited = vec![k];
    let mut queue: Vec<(usize, String)> = vec![(k, String::new())];
    while let Some((current, _)) = queue.pop() {
        for link in ["xdata", "crossref"] {
            let Some((_, targets)) = entries[current].tex().find(|(n, _)| *n == link) else {
                continue;
            };
            let targets = crate::text::latex::to_unicode(targets);
            for target in targets.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                let Some(&parent) = by_key.get(&target.to_lowercase()) else {
                    notes.push(Diagnostic::warning(
                        Code::Doubtful,
                        at.clone(),
                        format!(
                            "entry \"{}\": {link} \"{target}\" names no entry of this file",
                            entries[k].entry.key
                        ),
                    ));
                    continue;
                };
                if visited.contains(&parent) {
                    if parent == k || current == k {
                        notes.push(Diagnostic::warning(
                            Code::CrossrefLoop,
                            at.clone(),
                            format!(
                                "entry \"{}\" inherits from itself through {link}: the loop is not followed",
                                entries[k].entry.key
                            ),
                        ));
                    }
                    continue;
                }
                visited.push(parent);
                let parent_type = entries[parent].entry.entry_type.as_str();
                for (name, value) in entries[parent].tex() {
                    if NOT_INHERITED.contains(&name) {
                        continue;
                    }
                    // A book's title is the booktitle of what is in it.
                    let target_name = match name {
                        "title" | "subtitle" | "titleaddon"
                            if link == "crossref"
                                && is_book_like(parent_type)
                                && !is_book_like(&child_type) =>
                        {
                            let prefix = if parent_type.starts_with("mv") {
                                "main"
                            } else {
                                "book"
                            };
                            format!("{prefix}{name}")
                        }
                        _ => name.to_string(),
                    };
                    if !fields.iter().any(|(n, _)| *n == target_name) {
                        fields.push((target_name, value.to_string()));
                    }
                }
                queue.push((parent, String::new()));
            }
        }
    }
}

/// 1-based line numbers of byte offsets, counted forward (offsets come in order).
struct LineCounter<'a> {
    src: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(src: &'a str) -> Self {
        LineCounter {
            src: src.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of `offset`.
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.src.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        self.line += self.src[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.line
    }
}

/// The fields of an original entry as TeX (month macros as English names),
/// read back from their written values.
pub(crate) fn tex_fields(e: &BibEntry) -> Vec<(String, String)> {
    let mut text = String::from("@x{k,\n");
    for (n, v) in &e.fields {
        text.push_str(&format!("{n} = {v},\n"));
    }
    text.push('}');
    let none = HashMap::new();
    let mut out: Vec<(String, String)> = match raw::items(&text).next() {
        Some(Item::Entry { fields, .. }) => fields
            .iter()
            .map(|f| (f.name.to_ascii_lowercase(), resolve(&f.pieces, &none).0.tex))
            .collect(),
        _ => Vec::new(),
    };
    out.extend(e.inherited.iter().cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entries that inherit (crossref, xdata, a loop, a missing parent), a
    /// macro, a bare month, a concatenation, a key given twice, a broken
    /// entry and one without title: what the file reader gives (the text
    /// freed before the references are made) is what the text gives.
    #[test]
    fn a_file_read_from_its_bytes_gives_what_its_text_gives() {
        let bib = "@string{acm = {ACM}}\n\
            @book{parent, title = {The {Book}}, publisher = acm, year = 2001, month = jan}\n\
            @inbook{child, crossref = {parent}, author = {Doe, J.}, title = {A Chapter}, pages = {1--2}}\n\
            @xdata{shared, note = {Shared} # \" note\"}\n\
            @article{x, xdata = {shared}, author = {Roe, R.}, title = {T}, journal = {J}, year = 2002}\n\
            @misc{loop, crossref = {loop}, title = {L}}\n\
            @misc{orphan, crossref = {nobody}, title = {O}}\n\
            @misc{x, title = {Again}}\n\
            @misc{untitled, year = 2003}\n\
            @misc{broken, title = {B}\n";
        let from_text = read_bytes(bib.as_bytes(), "refs.bib");
        let from_bytes = read_owned(bib.as_bytes().to_vec(), "refs.bib");
        assert_eq!(from_bytes, from_text);
        let parsed = from_bytes.unwrap();
        let child = parsed
            .references
            .iter()
            .find(|r| r.title == "A Chapter")
            .unwrap();
        assert_eq!(child.container.as_deref(), Some("The Book"));
        assert_eq!(child.publisher.as_deref(), Some("ACM"));
        let x = parsed.references.iter().find(|r| r.title == "T").unwrap();
        assert_eq!(x.notes[0].text, "Shared note");
        let codes: Vec<Code> = parsed.diagnostics.iter().map(|d| d.code).collect();
        for code in [
            Code::CrossrefLoop,
            Code::Doubtful,
            Code::DuplicateKey,
            Code::NoTitle,
            Code::BrokenEntry,
        ] {
            assert!(codes.contains(&code), "{code:?} missing: {codes:?}");
        }
        // Latin-1 bytes: decoded, with the warning first.
        let latin1 = b"@misc{m, author = {M\xfcller, K.}, title = {T}}".to_vec();
        let (a, b) = (
            read_bytes(&latin1, "old.bib"),
            read_owned(latin1, "old.bib"),
        );
        assert_eq!(a, b);
        let b = b.unwrap();
        assert_eq!(b.references[0].authors[0].family(), "Müller");
        assert_eq!(b.diagnostics[0].code, Code::Encoding);
        // Binary data stays an error.
        assert!(read_owned(b"@misc{a,\0}".to_vec(), "bin.bib").is_err());
    }

    /// Enough entries to be read on several threads: the references in the
    /// file's order, each entry a reference or an error, the warnings
    /// where their entries are, as one by one.
    #[test]
    fn many_entries_read_on_all_cores_come_in_the_files_order() {
        let mut bib = String::new();
        for k in 0..300 {
            match k % 50 {
                7 => bib.push_str(&format!("@misc{{e{}, title = {{Again}}}}\n", k - 1)),
                13 => bib.push_str(&format!("@misc{{e{k}, year = 2001}}\n")),
                _ => bib.push_str(&format!(
                    "@misc{{e{k}, title = {{Title {k}}}, year = 2001}}\n"
                )),
            }
        }
        let parsed = read(&bib, "many.bib");
        let keys: Vec<&str> = parsed
            .references
            .iter()
            .filter_map(|r| r.sources[0].key.as_deref())
            .collect();
        let expected: Vec<String> = (0..300)
            .filter(|k| k % 50 != 7)
            .map(|k| format!("e{k}"))
            .collect();
        assert_eq!(keys, expected);
        let lines = |code: Code| -> Vec<usize> {
            parsed
                .diagnostics
                .iter()
                .filter(|d| d.code == code)
                .map(|d| d.at.line)
                .collect()
        };
        assert_eq!(lines(Code::DuplicateKey), [8, 58, 108, 158, 208, 258]);
        assert_eq!(lines(Code::NoTitle), [14, 64, 114, 164, 214, 264]);
        assert_eq!(parsed.items, 300);
    }

    #[test]
    fn a_value_keeps_its_tex_only_where_unbracing_the_written_value_does_not_give_it() {
        let parsed = read(
            "@string{m = {May}}\n@misc{k, title = {{A} b}, year = 2001, month = jan, note = m # { 1}}",
            "k.bib",
        );
        let r = &parsed.references[0];
        assert_eq!(r.title, "A b");
        assert_eq!(r.issued.map(|d| (d.year, d.month)), Some((2001, Some(1))));
        assert_eq!(r.notes[0].text, "May 1");
        assert_eq!(
            (unbraced("{A}"), unbraced("2001"), unbraced("{a} # b")),
            ("A", "2001", "{a} # b")
        );
    }
}
