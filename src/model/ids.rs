//! Identifiers as newtypes: each parses and normalises on construction, so a
//! value of one of these types is always well formed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a string is not a valid identifier of the requested kind.
///
/// ```
/// let e = "10.1/x".parse::<publist::Doi>().unwrap_err();
/// assert_eq!(e.kind, "DOI");
/// assert_eq!(e.to_string(), "invalid DOI identifier \"10.1/x\": registrant code must be digits");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("invalid {kind} identifier {text:?}: {reason}")]
pub struct IdError {
    /// Which identifier was expected ("arXiv", "DOI", "ISBN", "OpenReview").
    pub kind: String,
    /// The text that was rejected.
    pub text: String,
    /// What is wrong with it.
    pub reason: String,
}

fn id_error(kind: &str, text: &str, reason: &str) -> IdError {
    IdError {
        kind: kind.to_string(),
        text: text.to_string(),
        reason: reason.to_string(),
    }
}

/// An arXiv identifier without version suffix: new style (`2202.06861`,
/// `1409.8035`) or old style (`hep-th/9901001`).
///
/// ```
/// use publist::ArxivId;
/// let id: ArxivId = "arXiv:2202.06861v3".parse().unwrap();
/// assert_eq!(id.to_string(), "2202.06861");
/// let url: ArxivId = "https://arxiv.org/abs/2506.14775".parse().unwrap();
/// assert_eq!(url.as_str(), "2506.14775");
/// assert!("2202.0686".parse::<ArxivId>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ArxivId(Box<str>);

impl ArxivId {
    /// The normalised identifier.
    ///
    /// ```
    /// let id: publist::ArxivId = "arXiv:1409.8035v2".parse().unwrap();
    /// assert_eq!(id.as_str(), "1409.8035");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for ArxivId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        let t = s.trim();
        let t = strip_prefix_ci(t, "https://arxiv.org/abs/")
            .or_else(|| strip_prefix_ci(t, "http://arxiv.org/abs/"))
            .or_else(|| strip_prefix_ci(t, "https://arxiv.org/pdf/"))
            .or_else(|| strip_prefix_ci(t, "arxiv.org/abs/"))
            .or_else(|| strip_prefix_ci(t, "arxiv:"))
            .unwrap_or(t);
        let t = t.strip_suffix(".pdf").unwrap_or(t);
        let base = strip_version(t);
        if is_new_style(base) || is_old_style(base) {
            Ok(ArxivId(base.into()))
        } else {
            Err(id_error(
                "arXiv",
                s,
                "expected NNNN.NNNNN or archive/NNNNNNN",
            ))
        }
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

fn strip_version(s: &str) -> &str {
    if let Some(pos) = s.rfind('v') {
        let (head, tail) = s.split_at(pos);
        if tail.len() > 1 && tail[1..].bytes().all(|b| b.is_ascii_digit()) && !head.is_empty() {
            return head;
        }
    }
    s
}

fn is_new_style(s: &str) -> bool {
    let Some((yymm, num)) = s.split_once('.') else {
        return false;
    };
    if yymm.len() != 4
        || !yymm.bytes().all(|b| b.is_ascii_digit())
        || !num.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let yymm: u32 = yymm.parse().unwrap_or(0);
    let month_ok = (1..=12).contains(&(yymm % 100));
    // Four-digit numbers from 0704 to 1412, five digits from 1501 on.
    month_ok
        && match num.len() {
            4 => (704..=1412).contains(&yymm),
            5 => yymm >= 1501,
            _ => false,
        }
}

fn is_old_style(s: &str) -> bool {
    let Some((archive, num)) = s.split_once('/') else {
        return false;
    };
    !archive.is_empty()
        && archive
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'.')
        && num.len() == 7
        && num.bytes().all(|b| b.is_ascii_digit())
}

/// An OpenReview submission id such as `yFPsLBa53p`.
///
/// ```
/// use publist::OpenReviewId;
/// let id: OpenReviewId = "https://openreview.net/forum?id=vVpefYmnsG".parse().unwrap();
/// assert_eq!(id.as_str(), "vVpefYmnsG");
/// assert!("not an id".parse::<OpenReviewId>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OpenReviewId(Box<str>);

impl OpenReviewId {
    /// The identifier as written on openreview.net.
    ///
    /// ```
    /// let id: publist::OpenReviewId = "https://openreview.net/forum?id=9oToxYVOSW".parse().unwrap();
    /// assert_eq!(id.as_str(), "9oToxYVOSW");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a bare token, seen where a locator would stand, is very likely an
    /// OpenReview id: 10 characters of `[A-Za-z0-9_-]` with both cases, and a
    /// digit, `_`, `-` or at least four case changes (so that camel-case words
    /// like `NeuroImage` are not taken for ids).
    pub(crate) fn looks_like_bare_id(token: &str) -> bool {
        token.len() == 10 && Self::looks_like_id(token)
    }

    /// Like [`OpenReviewId::looks_like_bare_id`], for a token standing alone in
    /// parentheses after a venue (`(vVpefYmnsG)`), where 9 to 12 characters
    /// are accepted: CVs mistype ids (`GOLdDAP2AtI`).
    pub(crate) fn looks_like_id_in_parens(token: &str) -> bool {
        (9..=12).contains(&token.len()) && Self::looks_like_id(token)
    }

    fn looks_like_id(token: &str) -> bool {
        if !token.bytes().all(is_openreview_byte) {
            return false;
        }
        let has_upper = token.bytes().any(|b| b.is_ascii_uppercase());
        let has_lower = token.bytes().any(|b| b.is_ascii_lowercase());
        let has_other = token
            .bytes()
            .any(|b| b.is_ascii_digit() || b == b'_' || b == b'-');
        let changes = token
            .as_bytes()
            .windows(2)
            .filter(|w| {
                w[0].is_ascii_alphabetic()
                    && w[1].is_ascii_alphabetic()
                    && w[0].is_ascii_uppercase() != w[1].is_ascii_uppercase()
            })
            .count();
        has_upper && has_lower && (has_other || changes >= 4)
    }
}

fn is_openreview_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

impl FromStr for OpenReviewId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        let t = s.trim();
        let t = match t.find("openreview.net/") {
            Some(pos) => match t[pos..].find("id=") {
                Some(q) => &t[pos + q + 3..],
                None => return Err(id_error("OpenReview", s, "URL without id=")),
            },
            None => strip_prefix_ci(t, "openreview:").unwrap_or(t).trim(),
        };
        let t = t.split('&').next().unwrap_or(t);
        if (6..=16).contains(&t.len()) && t.bytes().all(is_openreview_byte) {
            Ok(OpenReviewId(t.into()))
        } else {
            Err(id_error(
                "OpenReview",
                s,
                "expected 6 to 16 characters of [A-Za-z0-9_-]",
            ))
        }
    }
}

/// A DOI without resolver prefix. It keeps the case it was written in
/// ([`Doi::as_written`], what writers write) and compares, hashes and
/// displays in lower case (DOIs are case-insensitive).
///
/// ```
/// use publist::Doi;
/// let doi: Doi = "https://doi.org/10.1109/ICDE.2000.839388".parse().unwrap();
/// assert_eq!(doi.as_str(), "10.1109/icde.2000.839388");
/// assert_eq!(doi.as_written(), "10.1109/ICDE.2000.839388");
/// assert_eq!(doi, "10.1109/icde.2000.839388".parse().unwrap());
/// assert_eq!(serde_json::to_string(&doi).unwrap(), r#""10.1109/ICDE.2000.839388""#);
/// assert!("11.1/x".parse::<Doi>().is_err());
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Doi {
    key: Box<str>,
    /// The spelling, when it is not `key` (most DOIs are written in lower case).
    written: Option<Box<str>>,
}

impl Doi {
    /// The DOI without resolver prefix, lower case: its identity.
    ///
    /// ```
    /// let doi: publist::Doi = "doi:10.1038/S41467-019-08987-4".parse().unwrap();
    /// assert_eq!(doi.as_str(), "10.1038/s41467-019-08987-4");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// The DOI as written in the source (resolver prefix removed).
    ///
    /// ```
    /// let doi: publist::Doi = "doi:10.1038/S41467-019-08987-4".parse().unwrap();
    /// assert_eq!(doi.as_written(), "10.1038/S41467-019-08987-4");
    /// ```
    pub fn as_written(&self) -> &str {
        self.written.as_deref().unwrap_or(&self.key)
    }
}

impl PartialEq for Doi {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Doi {}
impl std::hash::Hash for Doi {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.hash(state)
    }
}
impl PartialOrd for Doi {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Doi {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}
impl fmt::Display for Doi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key)
    }
}
impl TryFrom<String> for Doi {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        s.parse()
    }
}
impl From<Doi> for String {
    fn from(v: Doi) -> String {
        v.as_written().to_string()
    }
}

impl FromStr for Doi {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        let t = s.trim();
        let t = match t.find("10.") {
            Some(pos) if t[..pos].is_empty() || t[..pos].to_ascii_lowercase().contains("doi") => {
                &t[pos..]
            }
            _ => return Err(id_error("DOI", s, "expected 10.NNNN/suffix")),
        };
        let t = t.trim_end_matches(['.', ',', ';']);
        let Some((prefix, suffix)) = t.split_once('/') else {
            return Err(id_error("DOI", s, "missing '/' after the registrant code"));
        };
        let reg = &prefix[3..];
        if reg.len() < 4 || !reg.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return Err(id_error("DOI", s, "registrant code must be digits"));
        }
        if suffix.is_empty() || suffix.chars().any(char::is_whitespace) {
            return Err(id_error("DOI", s, "empty suffix or white space in it"));
        }
        let key = t.to_lowercase();
        let written = (key != t).then(|| t.into());
        Ok(Doi {
            key: key.into_boxed_str(),
            written,
        })
    }
}

/// An ISBN-10 or ISBN-13 with a valid check digit; stored as written
/// (hyphens kept) and compared by its digits.
///
/// ```
/// use publist::Isbn;
/// let isbn: Isbn = "978-3-031-63787-2".parse().unwrap();
/// assert_eq!(isbn.digits(), "9783031637872");
/// assert_eq!(isbn.to_string(), "978-3-031-63787-2");
/// assert!("978-3-031-63787-3".parse::<Isbn>().is_err()); // wrong check digit
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Isbn(Box<str>);

impl Isbn {
    /// The digits only (and a final `X` of an ISBN-10).
    ///
    /// ```
    /// let isbn: publist::Isbn = "0-306-40615-2".parse().unwrap();
    /// assert_eq!(isbn.digits(), "0306406152");
    /// ```
    pub fn digits(&self) -> String {
        self.0
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }
}

impl PartialEq for Isbn {
    fn eq(&self, other: &Self) -> bool {
        self.digits() == other.digits()
    }
}
impl Eq for Isbn {}
impl std::hash::Hash for Isbn {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.digits().hash(state)
    }
}

impl FromStr for Isbn {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        let t = s.trim();
        let t = strip_prefix_ci(t, "isbn:")
            .or_else(|| strip_prefix_ci(t, "isbn"))
            .unwrap_or(t)
            .trim();
        if !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ' ' || c == 'X' || c == 'x')
        {
            return Err(id_error(
                "ISBN",
                s,
                "only digits, hyphens and a final X allowed",
            ));
        }
        let candidate = Isbn(t.into());
        let d = candidate.digits();
        let ok = match d.len() {
            13 => {
                let sum: u32 = d
                    .bytes()
                    .enumerate()
                    .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
                    .sum();
                d.bytes().all(|b| b.is_ascii_digit()) && sum % 10 == 0
            }
            10 => {
                let sum: u32 = d
                    .bytes()
                    .enumerate()
                    .map(|(i, b)| {
                        let v = if b == b'X' { 10 } else { u32::from(b - b'0') };
                        v * (10 - i as u32)
                    })
                    .sum();
                !d[..9].contains('X') && sum % 11 == 0
            }
            _ => return Err(id_error("ISBN", s, "expected 10 or 13 digits")),
        };
        if ok {
            Ok(candidate)
        } else {
            Err(id_error("ISBN", s, "check digit does not match"))
        }
    }
}

/// An ISSN (`2835-8856`), with a valid check digit.
///
/// ```
/// use publist::Issn;
/// assert!("2835-8856".parse::<Issn>().is_ok());
/// assert!("7609-7616".parse::<Issn>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Issn(Box<str>);

impl FromStr for Issn {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        let t = s.trim();
        let d: Vec<char> = t.chars().filter(|c| *c != '-' && *c != '–').collect();
        let well_formed = d.len() == 8
            && d[..7].iter().all(char::is_ascii_digit)
            && (d[7].is_ascii_digit() || d[7] == 'X' || d[7] == 'x');
        if !well_formed {
            return Err(id_error("ISSN", s, "expected NNNN-NNNC"));
        }
        let sum: u32 = d[..7]
            .iter()
            .enumerate()
            .map(|(i, c)| c.to_digit(10).unwrap_or(0) * (8 - i as u32))
            .sum();
        let check = (11 - sum % 11) % 11;
        let given = if d[7] == 'X' || d[7] == 'x' {
            10
        } else {
            d[7].to_digit(10).unwrap_or(99)
        };
        if check == given {
            let digits: String = d.iter().collect();
            Ok(Issn(format!("{}-{}", &digits[..4], &digits[4..]).into()))
        } else {
            Err(id_error("ISSN", s, "check digit does not match"))
        }
    }
}

macro_rules! string_newtype_impls {
    ($($t:ident),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl TryFrom<String> for $t {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                s.parse()
            }
        }
        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.0.into()
            }
        }
    )*};
}
string_newtype_impls!(ArxivId, OpenReviewId, Isbn, Issn);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arxiv_forms() {
        for (input, want) in [
            ("2505.21595", "2505.21595"),
            ("1409.8035", "1409.8035"),
            ("arXiv:1807.03418v2", "1807.03418"),
            ("https://arxiv.org/abs/2504.19475", "2504.19475"),
            ("https://arxiv.org/pdf/2504.19475v1.pdf", "2504.19475"),
            ("hep-th/9901001v3", "hep-th/9901001"),
        ] {
            assert_eq!(input.parse::<ArxivId>().unwrap().as_str(), want, "{input}");
        }
        for bad in [
            "2505.215",
            "25051.21595",
            "abs/2505",
            "",
            "hep-th/99",
            "2202.0686",
            "1409.80351",
            "2213.12345",
        ] {
            assert!(bad.parse::<ArxivId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn openreview_bare_tokens() {
        for id in [
            "9oToxYVOSW",
            "ukLxqA8zXj",
            "j3FK00HyfU",
            "vVpefYmnsG",
            "YKF9pMAXRv",
        ] {
            assert!(OpenReviewId::looks_like_bare_id(id), "{id}");
        }
        for word in [
            "NeuroImage",
            "Proceeding",
            "2835–8856",
            "e0130140",
            "dyac078",
            "SemanticLe",
        ] {
            assert!(!OpenReviewId::looks_like_bare_id(word), "{word}");
        }
        assert!(!OpenReviewId::looks_like_bare_id("GOLdDAP2AtI"));
        assert!(OpenReviewId::looks_like_id_in_parens("GOLdDAP2AtI"));
        for word in [
            "SemanticLens",
            "SyntheticData4CV",
            "NeuRIPS",
            "ML4PS",
            "CD-MAKE",
        ] {
            assert!(!OpenReviewId::looks_like_id_in_parens(word), "{word}");
        }
    }

    #[test]
    fn isbn_checksums() {
        for ok in [
            "978-3-031-63797-1",
            "978-3-031-63800-8",
            "978-3-031-63803-9",
            "0-306-40615-2",
        ] {
            assert!(ok.parse::<Isbn>().is_ok(), "{ok}");
        }
        assert!("978-3-031-63800-9".parse::<Isbn>().is_err());
        assert!("12345".parse::<Isbn>().is_err());
        let a: Isbn = "9783031637872".parse().unwrap();
        let b: Isbn = "978-3-031-63787-2".parse().unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn doi_forms() {
        let d: Doi = "doi:10.1177/00220345221106086".parse().unwrap();
        assert_eq!(d.as_str(), "10.1177/00220345221106086");
        let d: Doi = "https://doi.org/10.1093/IJE/dyac078.".parse().unwrap();
        assert_eq!(d.as_str(), "10.1093/ije/dyac078");
        assert!("10.12/x".parse::<Doi>().is_err());
    }

    #[test]
    fn issn_check_digit() {
        assert_eq!(
            "2835-8856".parse::<Issn>().unwrap().to_string(),
            "2835-8856"
        );
        assert_eq!(
            "2835–8856".parse::<Issn>().unwrap().to_string(),
            "2835-8856"
        );
        // ICPR page ranges must not pass for ISSNs.
        assert!("7609-7616".parse::<Issn>().is_err());
        assert!("4949-4956".parse::<Issn>().is_err());
    }
}
