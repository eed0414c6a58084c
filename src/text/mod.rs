//! Text helpers every module uses: folding for comparison, decoding input
//! bytes ([`decode_legacy`] for Latin-1 and Windows-1252 files), and the
//! LaTeX ↔ Unicode layer ([`latex`]) that the .bib reader and the LaTeX CV
//! front end share.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};

pub mod latex;
mod symbols;

/// A legacy 8-bit encoding publist decodes when input is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// ISO-8859-1: every byte is the code point of the same number.
    Latin1,
    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F.
    Windows1252,
}

impl Legacy {
    /// The encoding's usual name.
    ///
    /// ```
    /// assert_eq!(publist::text::Legacy::Windows1252.name(), "Windows-1252");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Latin1 => "Latin-1",
            Legacy::Windows1252 => "Windows-1252",
        }
    }
}

/// Windows-1252's characters for 0x80–0x9F (`None` where it has none).
/// Written out rather than taken from encoding_rs: 32 entries do not
/// justify a dependency.
const CP1252: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Text from bytes that may be UTF-8, Latin-1 or Windows-1252: UTF-8 when
/// the bytes are valid UTF-8 (borrowed, no encoding reported), otherwise
/// decoded as Windows-1252 when a byte in 0x80–0x9F is one of its printable
/// characters, else as Latin-1, with the encoding used. Binary data (a NUL
/// byte) is an error, as for text read as UTF-8.
///
/// ```
/// use publist::text::{decode_legacy, Legacy};
/// let (text, enc) = decode_legacy(b"M\xfcller \x93q\x94", "x.bib").unwrap();
/// assert_eq!((text.as_ref(), enc), ("Müller “q”", Some(Legacy::Windows1252)));
/// let (text, enc) = decode_legacy("Müller".as_bytes(), "x.bib").unwrap();
/// assert_eq!((text.as_ref(), enc), ("Müller", None));
/// ```
pub fn decode_legacy<'a>(
    bytes: &'a [u8],
    source: &str,
) -> Result<(Cow<'a, str>, Option<Legacy>), Error> {
    match utf8(bytes, source) {
        Ok(text) => Ok((Cow::Borrowed(text), None)),
        Err(e) if e.kind() != ErrorKind::InvalidUtf8 || bytes.contains(&0) => Err(e),
        Err(_) => {
            let cp1252 = bytes
                .iter()
                .any(|&b| (0x80..0xa0).contains(&b) && CP1252[usize::from(b - 0x80)].is_some());
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f if cp1252 => CP1252[usize::from(b - 0x80)].unwrap_or(char::from(b)),
                    _ => char::from(b),
                })
                .collect();
            let enc = if cp1252 {
                Legacy::Windows1252
            } else {
                Legacy::Latin1
            };
            Ok((Cow::Owned(text), Some(enc)))
        }
    }
}

/// Folds to ASCII lower-case letters and digits: `Höhne` → `hohne`, `Nikolić` → `nikolic`.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Fast path: ASCII text needs no case tables.
    if s.is_ascii() {
        let mut bytes = Vec::with_capacity(s.len());
        bytes.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase()),
        );
        // ASCII bytes are valid UTF-8: this cannot fail.
        return String::from_utf8(bytes).unwrap_or_default();
    }
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
            continue;
        }
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => "i",
            'ł' | 'ľ' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' => "s",
            'ß' => "ss",
            'ť' | 'ţ' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'þ' => "th",
            _ => "",
        };
        out.push_str(folded);
    }
    out
}

/// The input as UTF-8 text (a leading byte-order mark is kept for the reader
/// to skip), or an [`ErrorKind::InvalidUtf8`] error with the line of the
/// first bad byte. Text never holds NUL bytes; PDFs, office files and images do.
pub(crate) fn utf8<'a>(bytes: &'a [u8], source: &str) -> Result<&'a str, Error> {
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(
            ErrorKind::InvalidUtf8,
            source,
            format!("binary data, not text (NUL byte at offset {nul})"),
        )
        .at_line(line_of(nul)));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        Error::new(
            ErrorKind::InvalidUtf8,
            source,
            format!("not UTF-8 text (byte {at})"),
        )
        .at_line(line_of(at))
        .with_cause(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Höhne"), "hohne");
        assert_eq!(fold("Ekstrøm"), "ekstrom");
        assert_eq!(fold("Müller-Schöllhorn"), "mullerschollhorn");
        assert_eq!(fold("Nikolić"), "nikolic");
    }

    #[test]
    fn binary_and_bad_bytes_are_located() {
        let e = utf8(b"a\nb\n\0", "x.pdf").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.pdf:3: binary data, not text (NUL byte at offset 4)"
        );
        let e = utf8(b"ok\n\xff", "x.txt").unwrap_err();
        assert_eq!(e.to_string(), "x.txt:2: not UTF-8 text (byte 3)");
        assert_eq!(utf8("Höhne".as_bytes(), "x").unwrap(), "Höhne");
    }
}
