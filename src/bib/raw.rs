//! The lossless layer of the .bib reader: a file as a sequence of items
//! (`@string`, `@preamble`, entries, broken pieces), each field value as the
//! pieces it is written in (`{..}`, `".."`, numbers, macro names joined by
//! `#`), with byte offsets. Nothing is decoded here.
//!
//! Our own rather than the biblatex crate's `RawBibliography`: that parser
//! stops at the first error in a file, and one broken entry must cost only
//! itself. Items come one at a time ([`Items`] is an iterator), so a reader
//! can stream a large file.

/// One piece of a field value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// `{...}`: the text inside the outer braces.
    Braced(&'a str),
    /// `"..."`: the text inside the quotes.
    Quoted(&'a str),
    /// A bare number.
    Number(&'a str),
    /// A bare name: an `@string` or a built-in month macro.
    Macro(&'a str),
}

/// A field: its name as written and its value's pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field<'a> {
    pub name: &'a str,
    pub pieces: Vec<Piece<'a>>,
}

/// What [`Items`] yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item<'a> {
    /// `@string{name = value, ...}` starting at a byte offset.
    Strings(usize, Vec<Field<'a>>),
    /// `@preamble{...}` starting at a byte offset.
    Preamble(usize, Vec<Piece<'a>>),
    /// An entry.
    Entry {
        /// Byte offset of the `@`.
        start: usize,
        /// Byte offset after the closing brace.
        end: usize,
        kind: &'a str,
        key: &'a str,
        fields: Vec<Field<'a>>,
    },
    /// A piece that could not be read: where it starts, its type, and why.
    Broken {
        start: usize,
        kind: &'a str,
        message: String,
    },
}

/// The items of a .bib text, in order.
pub(crate) struct Items<'a> {
    src: &'a str,
    pos: usize,
}

/// Reads `src` item by item.
pub(crate) fn items(src: &str) -> Items<'_> {
    Items { src, pos: 0 }
}

fn is_name_byte(b: u8) -> bool {
    // BibTeX's identifiers: anything printable but these.
    !(b.is_ascii_whitespace() || b"\"#%'(),={}@".contains(&b))
}

impl<'a> Iterator for Items<'a> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        loop {
            let rel = self.src.get(self.pos..)?.find('@')?;
            let start = self.pos + rel;
            let bytes = self.src.as_bytes();
            let mut j = start + 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let kind_start = j;
            while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                j += 1;
            }
            let kind = &self.src[kind_start..j];
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let close = match bytes.get(j) {
                Some(b'{') => b'}',
                Some(b'(') => b')',
                _ => {
                    // An `@` in text between entries is a comment.
                    self.pos = start + 1;
                    continue;
                }
            };
            if kind.is_empty() {
                self.pos = start + 1;
                continue;
            }
            // An entry ends before the next line that starts with `@`: one
            // that runs over it lost a brace, and must not swallow the rest.
            let limit = self.src[j..]
                .find("\n@")
                .map_or(self.src.len(), |p| j + p + 1);
            let mut p = Parser {
                src: &self.src[..limit],
                pos: j + 1,
                close,
            };
            let lower = kind.to_ascii_lowercase();
            let item = match lower.as_str() {
                "comment" => {
                    // Balanced braces, or to the end of the line.
                    let end = p.skip_balanced(close).unwrap_or_else(|| {
                        self.src[j..].find('\n').map_or(self.src.len(), |e| j + e)
                    });
                    self.pos = end.max(start + 1);
                    continue;
                }
                "string" => p.fields().map(|f| Item::Strings(start, f)),
                "preamble" => p.value().and_then(|v| {
                    p.skip_space();
                    p.expect_close().map(|_| Item::Preamble(start, v))
                }),
                _ => p.entry(start, kind),
            };
            return Some(match item {
                Ok(item) => {
                    self.pos = p.pos;
                    item
                }
                Err(message) => {
                    self.pos = limit.max(start + 1);
                    Item::Broken {
                        start,
                        kind,
                        message,
                    }
                }
            });
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    close: u8,
}

type Res<T> = Result<T, String>;

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    /// Skips to after the brace that closes the one already open; `None`
    /// when the text ends first.
    fn skip_balanced(&mut self, close: u8) -> Option<usize> {
        let open = if close == b')' { b'(' } else { b'{' };
        let mut depth = 1usize;
        for (k, &b) in self.src.as_bytes()[self.pos..].iter().enumerate() {
            if b == open {
                depth += 1;
            } else if b == close {
                depth -= 1;
                if depth == 0 {
                    self.pos += k + 1;
                    return Some(self.pos);
                }
            }
        }
        None
    }

    fn expect_close(&mut self) -> Res<()> {
        match self.peek() {
            Some(b) if b == self.close => {
                self.pos += 1;
                Ok(())
            }
            Some(b) => Err(format!("expected a closing brace, found '{}'", b as char)),
            None => Err("braces do not match".to_string()),
        }
    }

    fn name(&mut self) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(is_name_byte) {
            self.pos += 1;
        }
        &self.src[start..self.pos]
    }

    fn entry(&mut self, start: usize, kind: &'a str) -> Res<Item<'a>> {
        self.skip_space();
        // The key: up to a comma (or the closing brace of an empty entry).
        let key_start = self.pos;
        while let Some(b) = self.peek() {
            if b == b','
                || b == self.close
                || b == b'\n' && self.src[key_start..self.pos].contains('=')
            {
                break;
            }
            if b == b'{' || b == b'}' || b == b'"' {
                return Err(format!("unexpected '{}' in the citation key", b as char));
            }
            self.pos += 1;
        }
        let key = self.src[key_start..self.pos].trim();
        if key.contains(char::is_whitespace) || key.contains('=') {
            return Err("no citation key".to_string());
        }
        let fields = match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.fields()?
            }
            Some(_) => {
                self.expect_close()?;
                Vec::new()
            }
            None => return Err("braces do not match".to_string()),
        };
        Ok(Item::Entry {
            start,
            end: self.pos,
            kind,
            key,
            fields,
        })
    }

    /// `name = value, ...` up to and including the closing brace.
    fn fields(&mut self) -> Res<Vec<Field<'a>>> {
        let mut out = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => return Err("braces do not match".to_string()),
                Some(b) if b == self.close => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let name = self.name();
            if name.is_empty() {
                let b = self.peek().unwrap_or(b' ');
                return Err(format!("expected a field name, found '{}'", b as char));
            }
            self.skip_space();
            if self.peek() != Some(b'=') {
                return Err(format!("expected '=' after field \"{name}\""));
            }
            self.pos += 1;
            let pieces = self.value()?;
            out.push(Field { name, pieces });
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b) if b == self.close => {}
                None => return Err("braces do not match".to_string()),
                Some(b) => {
                    return Err(format!(
                        "expected ',' after field \"{name}\", found '{}'",
                        b as char
                    ))
                }
            }
        }
    }

    /// Pieces joined by `#`.
    fn value(&mut self) -> Res<Vec<Piece<'a>>> {
        let mut pieces = Vec::new();
        loop {
            self.skip_space();
            let piece = match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    Piece::Braced(self.delimited(b'}')?)
                }
                Some(b'"') => {
                    self.pos += 1;
                    Piece::Quoted(self.delimited(b'"')?)
                }
                Some(b) if b.is_ascii_digit() => {
                    let start = self.pos;
                    while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                        self.pos += 1;
                    }
                    Piece::Number(&self.src[start..self.pos])
                }
                Some(b) if is_name_byte(b) => Piece::Macro(self.name()),
                Some(b) => return Err(format!("expected a value, found '{}'", b as char)),
                None => return Err("braces do not match".to_string()),
            };
            pieces.push(piece);
            self.skip_space();
            if self.peek() == Some(b'#') {
                self.pos += 1;
            } else {
                return Ok(pieces);
            }
        }
    }

    /// The text up to `end` at brace depth 0 (after the opening delimiter),
    /// the delimiter consumed.
    fn delimited(&mut self, end: u8) -> Res<&'a str> {
        let start = self.pos;
        let mut depth = 0usize;
        let bytes = &self.src.as_bytes()[start..];
        for (k, &b) in bytes.iter().enumerate() {
            // `M\"uller` inside quotes is an accent, not the end, and `\{`
            // is a character, not a brace (as the biblatex crate reads them).
            if k > 0 && bytes[k - 1] == b'\\' && (b == b'"' || b == b'{' || b == b'}') {
                continue;
            }
            match b {
                b'{' => depth += 1,
                b'}' if depth > 0 => depth -= 1,
                _ if b == end && depth == 0 => {
                    self.pos = start + k + 1;
                    return Ok(&self.src[start..start + k]);
                }
                b'}' => return Err("braces do not match".to_string()),
                _ => {}
            }
        }
        Err("braces do not match".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_strings_and_pieces() {
        let src = "% comment @ here\n@String{acm = {ACM}}\n@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\n\
                   @Book(knuth73, year = \"{\\noopsort{1973b}}1973\", month = \"10~\" # jan, publisher = acm # { Press},\n  n = 12)\n\
                   @misc{empty}\n@article{broken, title = {x}\n@misc{after, title = {y}}";
        let all: Vec<Item> = items(src).collect();
        assert_eq!(all.len(), 6, "{all:#?}");
        assert!(matches!(&all[0], Item::Strings(_, f) if f[0].name == "acm"));
        assert!(matches!(&all[1], Item::Preamble(..)));
        let Item::Entry {
            kind, key, fields, ..
        } = &all[2]
        else {
            panic!("{:?}", all[2])
        };
        assert_eq!((*kind, *key), ("Book", "knuth73"));
        assert_eq!(
            fields[1].pieces,
            [Piece::Quoted("10~"), Piece::Macro("jan")]
        );
        assert_eq!(
            fields[2].pieces,
            [Piece::Macro("acm"), Piece::Braced(" Press")]
        );
        assert_eq!(fields[3].pieces, [Piece::Number("12")]);
        assert!(matches!(&all[3], Item::Entry { key: "empty", fields, .. } if fields.is_empty()));
        assert!(matches!(
            &all[4],
            Item::Broken {
                kind: "article",
                ..
            }
        ));
        assert!(matches!(&all[5], Item::Entry { key: "after", .. }));
    }

    #[test]
    fn unbalanced_and_deep_input_is_cheap() {
        let deep = format!(
            "@misc{{k, title = {}{}}}",
            "{".repeat(50_000),
            "}".repeat(50_000)
        );
        assert_eq!(items(&deep).count(), 1);
        assert!(matches!(
            items("@misc{k, title = {a}}}}}").next(),
            Some(Item::Entry { .. })
        ));
        assert!(matches!(
            items("@misc{k, title = }").next(),
            Some(Item::Broken { .. })
        ));
    }
}
