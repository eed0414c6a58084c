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
/// Names are matched in any case; `cv` is publist's own CV style, built in
/// (the layout most CVs use: `Bach S and Samek W (2015). "Title". In: Venue`).
///
/// ```
/// let apa = publist::csl::load_style("apa", None).unwrap();
/// assert_eq!(apa.info.title.value, "APA Style 7th edition");
/// assert_eq!(publist::csl::load_style("APA", None).unwrap().info.title.value, "APA Style 7th edition");
/// assert_eq!(publist::csl::load_style("cv", None).unwrap().info.title.value, "publist CV");
/// let err = publist::csl::load_style("no-such-style", None).unwrap_err();
/// assert!(err.to_string().contains("no style named"));
/// ```
pub fn load_style(
    name_or_path: &str,
    styles_dir: Option<&Path>,
) -> Result<IndependentStyle, Error> {
    let path = Path::new(name_or_path);
    if path.extension().is_some_and(|e| e == "csl") || path.is_file() {
        let xml = std::fs::read_to_string(path).map_err(|e| Error::io(name_or_path, e))?;
        return resolve(&xml, name_or_path, styles_dir.or(path.parent()), 0);
    }
    if let Some(dir) = styles_dir {
        let candidate = dir.join(format!("{name_or_path}.csl"));
        if candidate.is_file() {
            return load_style(&candidate.display().to_string(), Some(dir));
        }
    }
    let name = name_or_path.to_ascii_lowercase();
    if name == CV_STYLE_NAME {
        return resolve(CV_STYLE, CV_STYLE_NAME, None, 0);
    }
    match ArchivedStyle::by_name(&name).map(ArchivedStyle::get) {
        Some(Style::Independent(s)) => Ok(s),
        Some(Style::Dependent(_)) | None => Err(Error::new(
            ErrorKind::NotFound,
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
                _ => Err(Error::new(
                    ErrorKind::NotFound,
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

/// publist's CV style, built in so that an installed binary finds it.
const CV_STYLE: &str = include_str!("../../styles/cv.csl");
const CV_STYLE_NAME: &str = "cv";

/// Every style [`load_style`] knows by name, each with all its names (the
/// full name first, then short names such as `apa`): the built-in `cv`
/// first, then hayagriva's archive.
///
/// ```
/// let styles = publist::csl::styles();
/// assert_eq!(styles[0], ["cv"]);
/// assert!(styles.contains(&&["american-psychological-association", "apa"][..]));
/// ```
pub fn styles() -> Vec<&'static [&'static str]> {
    let archive = ArchivedStyle::all().iter().map(|s| s.names());
    std::iter::once(&[CV_STYLE_NAME][..])
        .chain(archive)
        .collect()
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

/// The language of each of hayagriva 0.10's `archive::LOCALES`, in its
/// order, so that one locale can be decoded without decoding all 63
/// (`archived_locales_for` checks each decoded locale against this table
/// and falls back to decoding all of them should a hayagriva release
/// reorder the archive).
const ARCHIVE_TAGS: [&str; 63] = [
    "af-ZA",
    "ar",
    "bal-PK",
    "bg-BG",
    "brh-PK",
    "ca-AD",
    "cs-CZ",
    "cy-GB",
    "da-DK",
    "de-AT",
    "de-CH",
    "de-DE",
    "el-GR",
    "en-GB",
    "en-US",
    "es-CL",
    "es-ES",
    "es-MX",
    "et-EE",
    "eu",
    "fa-IR",
    "fi-FI",
    "fr-CA",
    "fr-FR",
    "gl-ES",
    "he-IL",
    "hi-IN",
    "hr-HR",
    "hu-HU",
    "hy-AM",
    "id-ID",
    "is-IS",
    "it-IT",
    "ja-JP",
    "km-KH",
    "ko-KR",
    "la",
    "lij-IT",
    "lt-LT",
    "lv-LV",
    "mn-MN",
    "ms-MY",
    "nb-NO",
    "nl-NL",
    "nn-NO",
    "pa-PK",
    "pl-PL",
    "pt-BR",
    "pt-PT",
    "ro-RO",
    "ru-RU",
    "sk-SK",
    "sl-SI",
    "sr-Cyrl-RS",
    "sr-Latn-RS",
    "sv-SE",
    "th-TH",
    "tl-PH",
    "tr-TR",
    "uk-UA",
    "vi-VN",
    "zh-CN",
    "zh-TW",
];

/// Archived locale `i`, decoded on first use; `None` when it cannot be
/// decoded or is not the language [`ARCHIVE_TAGS`] says.
fn archived_locale(i: usize) -> Option<&'static Locale> {
    static ONE: [std::sync::OnceLock<Option<Locale>>; ARCHIVE_TAGS.len()] =
        [const { std::sync::OnceLock::new() }; ARCHIVE_TAGS.len()];
    let (blob, tag) = (archive::LOCALES.get(i)?, ARCHIVE_TAGS.get(i)?);
    ONE[i]
        .get_or_init(|| {
            ciborium::de::from_reader::<Locale, _>(*blob)
                .ok()
                .filter(|l| l.lang.as_ref().is_some_and(|c| c.0 == *tag))
        })
        .as_ref()
}

/// The archived locales a processor in `lang` can use: `lang` itself, the
/// other dialects of its language and `en-US`, in the archive's order.
/// Decodes only those (a few milliseconds instead of 0.13 s for all).
pub(crate) fn archived_locales_for(lang: &str) -> Vec<Locale> {
    fn base(t: &str) -> &str {
        t.split('-').next().unwrap_or_default()
    }
    let wanted = |t: &str| t == lang || t == "en-US" || base(t) == base(lang);
    if archive::LOCALES.len() == ARCHIVE_TAGS.len() {
        let picked: Option<Vec<Locale>> = ARCHIVE_TAGS
            .iter()
            .enumerate()
            .filter(|(_, t)| wanted(t))
            .map(|(i, _)| archived_locale(i).cloned())
            .collect();
        if let Some(picked) = picked {
            return picked;
        }
    }
    archived_locales()
        .iter()
        .filter(|l| l.lang.as_ref().is_some_and(|c| wanted(&c.0)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_table_matches_the_archive() {
        let all = archive::locales();
        let tags: Vec<&str> = all
            .iter()
            .map(|l| l.lang.as_ref().map_or("", |c| c.0.as_str()))
            .collect();
        assert_eq!(tags, ARCHIVE_TAGS);
        for i in [0, 14, 62] {
            assert_eq!(archived_locale(i), Some(&all[i]));
        }
    }

    #[test]
    fn locales_for_a_language_are_its_dialects_and_en_us() {
        let tags = |lang: &str| -> Vec<String> {
            archived_locales_for(lang)
                .iter()
                .map(|l| l.lang.as_ref().map_or(String::new(), |c| c.0.clone()))
                .collect()
        };
        assert_eq!(tags("de-AT"), ["de-AT", "de-CH", "de-DE", "en-US"]);
        assert_eq!(tags("en-US"), ["en-GB", "en-US"]);
        assert_eq!(tags("eu"), ["en-US", "eu"]);
        assert_eq!(tags("xx-YY"), ["en-US"]);
    }
}
