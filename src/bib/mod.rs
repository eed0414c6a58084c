//! BibTeX and BibLaTeX: [`read()`] (our own reader, lossless) and [`write()`].
//!
//! **Reading** follows biber and bibtex: `@string` macros and `#`
//! concatenation, month macros (`"10~" # jan`), `crossref`/`xdata`
//! inheritance with keys matched case-insensitively (a loop is a warning,
//! not followed), entries without a title kept (warning `no-title`),
//! undefined macros kept as written (warning `undefined-macro` naming the
//! macro), Latin-1 and Windows-1252 files decoded ([`read_bytes`], warning
//! `encoding`). Names follow bibtex's rules (`{de Rijke}` is one family
//! name; biblatex's `family=..., prefix=...` is read), TeX is decoded by
//! [`crate::text::latex`]. Each entry keeps its citation key and every field
//! as written in [`crate::model::Original::Bib`].
//!
//! **Writing** a record read from .bib writes every field back as it was
//! read, except the parts a merge or the user changed, which are written
//! from the typed fields; keys are the input's (see [`crate::keys`]).
//! Dialects are converted as biber reads them (below). Records from CVs are
//! written from the typed fields to standard fields only (biber validates
//! them against its default data model), plus, unless
//! [`WriteOptions::plain`] is set, two of the data model's custom verbatim
//! fields that make the export lossless: `verba` holds every link with its
//! kind (`code=https://... demo=https://...`), `verbb` an OpenReview id when
//! `eprint` holds the arXiv id, `verbc` the further ISBNs of a work in
//! several parts. Placeholder pages (`TBA`) go to `pubstate`,
//! article numbers to `eid`, issues to `number`, notes to `note` (joined by `; `).
//!
//! ## The vocabularies
//!
//! BibTeX → BibLaTeX (`--to biblatex`; the reverse for `--to bibtex`):
//!
//! | BibTeX | BibLaTeX |
//! |---|---|
//! | `@phdthesis` / `@mastersthesis` | `@thesis` + `type = {phdthesis}` / `{mathesis}` |
//! | `@techreport` | `@report` + `type = {techreport}` |
//! | `@conference`, `@electronic`/`@www` | `@inproceedings`, `@online` |
//! | `journal`, `address`, `school`, `annote` | `journaltitle`, `location`, `institution`, `annotation` |
//! | `archiveprefix`, `primaryclass`, `key`, `pdf` | `eprinttype`, `eprintclass`, `sortkey`, `file` |
//! | `year` + `month` | kept (biber reads both); `date` → `year` + `month` for BibTeX, `date` kept beside them when it is a range or has a day |
//! | `@collection`, `@mvbook`, `@reference`; `@inreference`; `@bookinbook`; other types | `@book`; `@incollection`; `@inbook`; `@misc` (BibTeX direction) |
//!
//! BibLaTeX ↔ CSL-JSON (as Zotero and Better BibTeX map them):
//!
//! | BibLaTeX | CSL |
//! |---|---|
//! | `@article` / `@inproceedings` / `@book`, `@collection`, `@proceedings` / `@inbook`, `@incollection` | `article-journal` / `paper-conference` / `book` / `chapter` |
//! | `@thesis` (`@phdthesis`, `@mastersthesis`) + `institution` (`school`) + `type` | `thesis` + `publisher` + `genre` ("PhD thesis", "Master's thesis") |
//! | `@report` (`@techreport`) + `institution` + `number` + `type` | `report` + `publisher` + `number` + `genre` |
//! | `@online` / `@unpublished` / `@misc` / `@dataset` / `@software` / `@patent` | `webpage` / `manuscript` / `document` / `dataset` / `software` / `patent` |
//! | `@jurisdiction` + `institution` / `@legislation` / `@legal` | `legal_case` + `authority` / `legislation` / `treaty` |
//! | arXiv/OpenReview preprint (`eprint`, any entry type) | `article` with `publisher: arXiv`, `number: arXiv:ID` |
//! | `journaltitle`, `booktitle` / `series` / `number` of a periodical | `container-title` / `collection-title` / `issue` |
//! | `number` of a book (in its series) / of a report, patent, preprint | `collection-number` / `number` |
//! | `eventtitle`, `venue`, `eventdate` | `event-title`, `event-place`, `event-date` |
//! | `date = {2016-04-25/2016-04-29}` | `issued` with both dates |
//! | `urldate`, `origdate` | `accessed`, `original-date` |
//! | `edition`, `version`, `abstract`, `keywords`, `langid`, `shorttitle` | `edition`, `version`, `abstract`, `keyword`, `language`, `title-short` |
//! | `translator`, `bookauthor`, `editora` + `editoratype = {compiler}` | `translator`, `container-author`, `compiler` |
//! | `subtitle` | joined to `title` (`Title: Subtitle`), as Zotero does |
//! | `maintitle`, `chapter`, `pagetotal`, `volumes` | `volume-title`, `chapter-number`, `number-of-pages`, `number-of-volumes` |
//! | `{Protected}` braces, `\emph{..}` in titles | `<span class="nocase">Protected</span>`, `<i>..</i>` |
//!
//! Fields with no counterpart (`file`, `timestamp`, `biburl`, custom fields)
//! stay in the .bib record; CSL variables with none stay in the CSL record.

mod carry;
mod fields;
mod from_csl;
mod latex;
mod options;
mod raw;
mod read;
mod typed;
mod write;

pub use latex::{escape, protect_case, to_ascii_tex};
pub use options::{Dialect, UnknownDialect, WriteOptions};
pub(crate) use read::read_owned;
pub use read::{read, read_bytes, read_file};
pub use write::{write, write_entry};
