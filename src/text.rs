//! Text helpers every module uses: folding for comparison, decoding input bytes.

use crate::error::{Error, ErrorKind};

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
