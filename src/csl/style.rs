//! Finding styles and locales: a hayagriva archive name, a `.csl` file, or a
//! dependent style whose parent is found in a styles folder or the archive.

use std::path::{Path, PathBuf};

use hayagriva::archive::{self, ArchivedStyle};
use hayagriva::citationberg::{Locale, LocaleFile, Style};

pub use hayagriva::citationberg::IndependentStyle;

use crate::error::{Error, ErrorKind};

fn style_error(source: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Syntax, source, message)
}

/// Loads a style: `name_or_path` is a path to a `.csl` file or the name of a
/// style in hayagriva's archive (`apa`, `ieee`, `nature`, ...). A dependent
/// style is resolved to its parent, looked up as `NAME.csl` in `styles_dir`
/// (when given) and then in the archive.
///
/// ```
/// let apa = publist::csl::load_style("apa", None).unwrap();
/// assert_eq!(apa.info.title.value, "APA Style 7th edition");
/// let err = publist::csl::load_style("no-such-style", None).unwrap_err();
/// assert!(err.to_string().contains("no style named"));
/// ```
pub fn load_style(
    name_or_path: &str,
    styles_dir: Option<&Path>,
) -> Result<IndependentStyle, Error> {
    let path = Path::new(name_or_path);
    if path.extension().is_some_and(|e| e == "csl") || path.is_file() {
        let xml = std::fs::read_to_string(path)
            .map_err(|e| Error::new(ErrorKind::Io, name_or_path, e.to_string()))?;
        return resolve(&xml, name_or_path, styles_dir.or(path.parent()), 0);
    }
    if let Some(dir) = styles_dir {
        let candidate = dir.join(format!("{name_or_path}.csl"));
        if candidate.is_file() {
            return load_style(&candidate.display().to_string(), Some(dir));
        }
    }
    match ArchivedStyle::by_name(name_or_path).map(ArchivedStyle::get) {
        Some(Style::Independent(s)) => Ok(s),
        Some(Style::Dependent(_)) | None => Err(style_error(
            name_or_path,
            "no style named so in the archive, and no such .csl file (see `publist styles`)",
        )),
    }
}

fn resolve(
    xml: &str,
    source: &str,
    styles_dir: Option<&Path>,
    depth: u8,
) -> Result<IndependentStyle, Error> {
    let style = Style::from_xml(xml)
        .map_err(|e| style_error(source, format!("not a valid CSL style: {e}")))?;
    match style {
        Style::Independent(s) => Ok(s),
        Style::Dependent(d) if depth < 4 => {
            let href = d.parent_link.href;
            let parent_name = href
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string();
            if let Some(dir) = styles_dir {
                for candidate in [
                    dir.join(format!("{parent_name}.csl")),
                    dir.join("..").join(format!("{parent_name}.csl")),
                ] {
                    if let Ok(parent) = std::fs::read_to_string(&candidate) {
                        return resolve(
                            &parent,
                            &candidate.display().to_string(),
                            Some(dir),
                            depth + 1,
                        );
                    }
                }
            }
            match ArchivedStyle::by_id(&href).map(ArchivedStyle::get) {
                Some(Style::Independent(s)) => Ok(s),
                _ => Err(style_error(
                    source,
                    format!("dependent style whose parent {parent_name} is neither in the styles folder nor in the archive"),
                )),
            }
        }
        Style::Dependent(_) => Err(style_error(source, "dependent styles nested too deeply")),
    }
}

/// The names of the styles in hayagriva's archive (each style's full name;
/// [`load_style`] also accepts the short aliases such as `apa` and `ieee`).
///
/// ```
/// let names = publist::csl::archive_styles();
/// assert!(names.contains(&"american-psychological-association"));
/// // load_style also knows the archive's short aliases
/// assert!(publist::csl::load_style("apa", None).is_ok());
/// ```
pub fn archive_styles() -> Vec<&'static str> {
    ArchivedStyle::all().iter().map(|s| s.names()[0]).collect()
}

/// The `locales-*.xml` files of `dir` when given (they take precedence),
/// then hayagriva's locales; files that cannot be read are reported.
///
/// ```
/// let dir = std::env::temp_dir().join("publist-doc-locales");
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("locales-xx-XX.xml"), "not xml").unwrap();
/// let (locales, errors) = publist::csl::load_locales(Some(&dir));
/// assert_eq!(errors.len(), 1);
/// assert!(errors[0].to_string().contains("locales-xx-XX.xml"));
/// assert!(locales.len() > 10); // hayagriva's archive follows
/// ```
pub fn load_locales(dir: Option<&Path>) -> (Vec<Locale>, Vec<Error>) {
    let mut locales = Vec::new();
    let mut errors = Vec::new();
    if let Some(dir) = dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        for f in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "xml"))
        {
            let name = f.display().to_string();
            match std::fs::read_to_string(f)
                .map_err(|e| e.to_string())
                .and_then(|x| LocaleFile::from_xml(&x).map_err(|e| e.to_string()))
            {
                Ok(file) => locales.push(file.into()),
                Err(e) => errors.push(style_error(&name, format!("not a valid CSL locale: {e}"))),
            }
        }
    }
    locales.extend(archived_locales().iter().cloned());
    (locales, errors)
}

/// hayagriva's archived locales, decoded once per process (decoding them
/// took a third of the time of formatting 2,000 references).
pub(crate) fn archived_locales() -> &'static [Locale] {
    static LOCALES: std::sync::OnceLock<Vec<Locale>> = std::sync::OnceLock::new();
    LOCALES.get_or_init(archive::locales)
}
