//! One pass over the text of a CSL-JSON item that gives both the variables
//! the typed model reads ([`Fields`], strings borrowed from the text) and the
//! compact text serde_json prints for each member's value, for the plain
//! JSON that items nearly always are: strings without escapes, integers
//! without sign, fraction or exponent, `true`, `false`, `null`, and arrays
//! and objects of those (the keys of a nested object in strictly increasing
//! order, as serde_json prints them). Anything else gives `None`, and the
//! caller takes serde_json's way ([`super::canon`], [`Fields::of_text`]),
//! which is exact for all JSON: this pass only ever gives what that way
//! gives, never something else.
//!
//! Written here rather than with serde_json: serde_json validates an item,
//! then each typed member is parsed again, then each value is printed again
//! in compact form; that was three quarters of the reading time of a large
//! file (BENCHMARKS.md, Scale).

use std::borrow::Cow;
use std::ops::Range;

use super::fields::{CustomFields, Fields, LinkFields, List, NameFields, SourceFields, Text};
use super::scan::{append, skip_spaces, special};
use crate::model::Date;

/// One member of the item's object, in the order of the text.
#[derive(Debug, Clone)]
pub(super) struct Member<'a> {
    pub key: &'a str,
    /// Where its value stands in the item's text.
    pub text: Range<usize>,
    /// Where its compact text stands in the output buffer.
    pub compact: Range<usize>,
}

/// Nesting deeper than this is left to serde_json.
const MAX_DEPTH: usize = 64;

/// Reads the item `text` (an object, white space around it allowed): its
/// members (appended to `members`, their compact text to `out` when
/// `keep`) and its typed variables. With `sorted`, the top-level keys must be strictly
/// increasing too (a compact source record). `None` outside the plain
/// subset, or when the text is not one JSON object.
pub(super) fn item<'a>(
    text: &'a str,
    sorted: bool,
    keep: bool,
    out: &mut Vec<u8>,
    members: &mut Vec<Member<'a>>,
) -> Option<Fields<'a>> {
    let mut p = Parser {
        s: text,
        b: text.as_bytes(),
        i: 0,
        out,
        copied: 0,
        keep,
    };
    if keep {
        p.out.reserve(text.len());
    }
    p.ws();
    p.eat(b'{')?;
    let mut f = Fields::default();
    p.ws();
    if p.peek()? == b'}' {
        p.i += 1;
    } else {
        loop {
            p.ws();
            let key = p.key()?;
            if sorted && members.last().is_some_and(|m| m.key >= key) {
                return None;
            }
            p.ws();
            p.eat(b':')?;
            p.ws();
            let (start, compact) = (p.i, p.mark());
            p.member(key, &mut f)?;
            members.push(Member {
                key,
                text: start..p.i,
                compact: compact..p.mark(),
            });
            p.ws();
            match p.next()? {
                b',' => continue,
                b'}' => break,
                _ => return None,
            }
        }
    }
    p.ws();
    (p.i == p.b.len()).then_some(f)
}

/// The compact text of what is read is the text without its white space:
/// the parser copies the runs between white space to `out` (when `keep`),
/// never a token at a time.
struct Parser<'a, 'o> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    out: &'o mut Vec<u8>,
    /// The text before this is in `out` (or was white space).
    copied: usize,
    keep: bool,
}

/// The typed view of a value just read (containers are read generically).
enum Scalar<'a> {
    Str(&'a str),
    Int(&'a str),
    Other,
}

impl<'a> Scalar<'a> {
    /// As [`Text`] reads it: a string trimmed (blank is absent), an integer
    /// as written (serde_json prints a `u64` so), anything else absent.
    fn text(self) -> Text<'a> {
        match self {
            Scalar::Str(s) => {
                // Printable ASCII at both ends: nothing to trim.
                let b = s.as_bytes();
                let t = match (b.first(), b.last()) {
                    (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
                    _ => s.trim(),
                };
                Text((!t.is_empty()).then_some(Cow::Borrowed(t)))
            }
            Scalar::Int(s) => Text(Some(Cow::Borrowed(s))),
            Scalar::Other => Text(None),
        }
    }
}

impl<'a> Parser<'a, '_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.next()? == c).then_some(())
    }

    #[inline]
    fn ws(&mut self) {
        if matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.skip_ws();
        }
    }

    #[inline(never)]
    fn skip_ws(&mut self) {
        self.flush();
        loop {
            match self.b.get(self.i) {
                Some(b' ') => self.i = skip_spaces(self.b, self.i),
                Some(b'\n' | b'\t' | b'\r') => self.i += 1,
                _ => break,
            }
        }
        self.copied = self.i;
    }

    /// Copies what was read since the last white space.
    fn flush(&mut self) {
        if self.keep && self.copied < self.i {
            append(self.out, self.b, self.copied..self.i);
        }
        self.copied = self.i;
    }

    /// Where the compact text stands: everything read is in `out`.
    fn mark(&mut self) -> usize {
        self.flush();
        self.out.len()
    }

    /// A string without escapes or control characters, its text borrowed;
    /// not written.
    fn raw_string(&mut self) -> Option<&'a str> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.i + 1;
        let j = special(self.b, start);
        if self.b.get(j) != Some(&b'"') {
            return None;
        }
        self.i = j + 1;
        // Quotes are ASCII: the slice falls on character boundaries.
        Some(&self.s[start..j])
    }

    /// An object key.
    fn key(&mut self) -> Option<&'a str> {
        self.raw_string()
    }

    /// Any value of the subset, written compact.
    fn value(&mut self, depth: usize) -> Option<Scalar<'a>> {
        match self.peek()? {
            b'"' => self.raw_string().map(Scalar::Str),
            b'0'..=b'9' => {
                let start = self.i;
                let mut j = start;
                while self.b.get(j).is_some_and(u8::is_ascii_digit) {
                    j += 1;
                }
                let n = j - start;
                // A fraction or exponent follows; a leading zero; beyond
                // what every u64 holds: serde_json's way.
                if matches!(self.b.get(j), Some(b'.' | b'e' | b'E'))
                    || n > 19
                    || (n > 1 && self.b[start] == b'0')
                {
                    return None;
                }
                self.i = j;
                Some(Scalar::Int(&self.s[start..j]))
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'[' => {
                self.array(depth + 1, |p, d| p.value(d).map(|_| ()))?;
                Some(Scalar::Other)
            }
            b'{' => {
                self.object(depth + 1, |p, _, d| p.value(d).map(|_| ()))?;
                Some(Scalar::Other)
            }
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<Scalar<'a>> {
        if !self.b[self.i..].starts_with(word) {
            return None;
        }
        self.i += word.len();
        Some(Scalar::Other)
    }

    /// An array, each element read by `element`.
    fn array(
        &mut self,
        depth: usize,
        mut element: impl FnMut(&mut Self, usize) -> Option<()>,
    ) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.eat(b'[')?;
        self.ws();
        if self.peek()? == b']' {
            self.i += 1;
            return Some(());
        }
        loop {
            self.ws();
            element(self, depth)?;
            self.ws();
            match self.next()? {
                b',' => {}
                b']' => return Some(()),
                _ => return None,
            }
        }
    }

    /// An object with strictly increasing keys, each value read by
    /// `member(parser, key, depth)`.
    fn object(
        &mut self,
        depth: usize,
        mut member: impl FnMut(&mut Self, &'a str, usize) -> Option<()>,
    ) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.eat(b'{')?;
        self.ws();
        if self.peek()? == b'}' {
            self.i += 1;
            return Some(());
        }
        let mut last: Option<&str> = None;
        loop {
            self.ws();
            let key = self.key()?;
            if last.is_some_and(|l| l >= key) {
                return None;
            }
            last = Some(key);
            self.ws();
            self.eat(b':')?;
            self.ws();
            member(self, key, depth)?;
            self.ws();
            match self.next()? {
                b',' => {}
                b'}' => return Some(()),
                _ => return None,
            }
        }
    }

    /// A text variable.
    fn text(&mut self) -> Option<Text<'a>> {
        self.value(1).map(Scalar::text)
    }

    /// A list of objects read as `T` (`read` fills one from a member), as
    /// [`List`] reads it: elements that are not objects are skipped, a value
    /// that is not an array is no list.
    fn list<T: Default>(
        &mut self,
        read: impl Fn(&mut Self, &mut T, &'a str) -> Option<()> + Copy,
    ) -> Option<List<T>> {
        if self.peek()? != b'[' {
            self.value(1)?;
            return Some(List(None));
        }
        let mut items = Vec::new();
        self.array(1, |p, d| {
            if p.peek()? != b'{' {
                return p.value(d).map(|_| ());
            }
            let mut t = T::default();
            p.object(d + 1, |p, key, _| read(p, &mut t, key))?;
            items.push(t);
            Some(())
        })?;
        Some(List(Some(items)))
    }

    /// The value of the top-level member `key`, into `f` when it is a
    /// typed variable (the last of equal keys counts, as in a map).
    fn member(&mut self, key: &str, f: &mut Fields<'a>) -> Option<()> {
        match key {
            "id" => f.id = self.text()?,
            "type" => f.kind = self.text()?,
            "title" => f.title = self.text()?,
            "author" => f.author = self.list(name)?,
            "editor" => f.editor = self.list(name)?,
            "issued" => match self.date_parts() {
                Some(date) => {
                    f.issued = None;
                    f.issued_date = Some(date);
                }
                None => {
                    // Anything but plain date parts: through a Value.
                    let start = self.i;
                    self.value(1)?;
                    let v = serde_json::from_str(&self.s[start..self.i]).ok()?;
                    f.issued = Some(Cow::Owned(v));
                    f.issued_date = None;
                }
            },
            "container-title" => f.container_title = self.text()?,
            "collection-title" => f.collection_title = self.text()?,
            "volume" => f.volume = self.text()?,
            "issue" => f.issue = self.text()?,
            "page" => f.page = self.text()?,
            "number" => f.number = self.text()?,
            "publisher" => f.publisher = self.text()?,
            "publisher-place" => f.publisher_place = self.text()?,
            "DOI" => f.doi = self.text()?,
            "ISBN" => f.isbn = self.text()?,
            "ISSN" => f.issn = self.text()?,
            "note" => f.note = self.text()?,
            "URL" => f.url = self.text()?,
            "custom" => f.custom = self.custom()?,
            _ => {
                self.value(1)?;
            }
        }
        Some(())
    }

    /// `{"date-parts": [[y, m, d], ...]}` of plain integers below a
    /// billion, read to the model's date as `read::date` reads it (the first
    /// date that is not all zeros of the first two). `None`, with the parser
    /// where it was, for anything else.
    fn date_parts(&mut self) -> Option<Option<Date>> {
        let (at, written) = (self.i, self.mark());
        let read = (|| {
            let mut first: Option<[i32; 3]> = None;
            let mut seen = 0;
            self.object(1, |p, key, d| {
                if key != "date-parts" {
                    return None;
                }
                p.array(d + 1, |p, d| {
                    let mut part = [0i32; 3];
                    let mut k = 0;
                    p.array(d + 1, |p, _| {
                        let Scalar::Int(n) = p.value(d + 2)? else {
                            return None;
                        };
                        if n.len() > 9 {
                            return None;
                        }
                        if k < 3 {
                            part[k] = n.parse().ok()?;
                        }
                        k += 1;
                        Some(())
                    })?;
                    // Of the first two dates, the first not all zeros in
                    // its year and month.
                    if seen < 2 && first.is_none() && (part[0] != 0 || part[1] != 0) {
                        first = Some(part);
                    }
                    seen += 1;
                    Some(())
                })
            })?;
            Some(first)
        })();
        let Some(first) = read else {
            self.i = at;
            self.copied = at;
            self.out.truncate(written);
            return None;
        };
        Some(first.and_then(|[year, month, day]| {
            (year != 0).then(|| {
                let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m));
                let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d));
                Date {
                    year,
                    month,
                    day: month.and(day),
                }
            })
        }))
    }

    /// publist's `custom` object (it is not kept in the source record, so
    /// its keys may come in any order; a typed key twice is serde's error,
    /// and so `None`).
    fn custom(&mut self) -> Option<Option<CustomFields<'a>>> {
        if self.peek()? != b'{' {
            self.value(1)?;
            return Some(None);
        }
        self.eat(b'{')?;
        let mut c = CustomFields::default();
        let mut seen = 0u8;
        self.ws();
        if self.peek()? == b'}' {
            self.i += 1;
            return Some(Some(c));
        }
        loop {
            self.ws();
            let key = self.raw_string()?;
            self.ws();
            self.eat(b':')?;
            self.ws();
            let bit = match key {
                "arxiv" => 1,
                "openreview" => 2,
                "links" => 4,
                "sources" => 8,
                _ => 0,
            };
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            match key {
                "arxiv" => c.arxiv = self.text()?,
                "openreview" => c.openreview = self.text()?,
                "links" => c.links = self.unsorted_list(link)?,
                "sources" => c.sources = self.unsorted_list(source)?,
                _ => {
                    self.unsorted_value(2)?;
                }
            }
            self.ws();
            match self.next()? {
                b',' => {}
                b'}' => return Some(Some(c)),
                _ => return None,
            }
        }
    }

    /// Any value of the subset (keys in any order), not kept.
    fn unsorted_value(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'{' => {
                self.i += 1;
                self.ws();
                if self.peek()? == b'}' {
                    self.i += 1;
                    return Some(());
                }
                loop {
                    self.ws();
                    self.raw_string()?;
                    self.ws();
                    self.eat(b':')?;
                    self.ws();
                    self.unsorted_value(depth + 1)?;
                    self.ws();
                    match self.next()? {
                        b',' => {}
                        b'}' => return Some(()),
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.i += 1;
                self.ws();
                if self.peek()? == b']' {
                    self.i += 1;
                    return Some(());
                }
                loop {
                    self.ws();
                    self.unsorted_value(depth + 1)?;
                    self.ws();
                    match self.next()? {
                        b',' => {}
                        b']' => return Some(()),
                        _ => return None,
                    }
                }
            }
            _ => self.value(depth).map(|_| ()),
        }
    }

    /// A list of `custom`'s objects (keys in any order, a typed key twice
    /// is `None`), not kept.
    fn unsorted_list<T: Default>(
        &mut self,
        read: impl Fn(&mut T, &str, Text<'a>) -> Option<()> + Copy,
    ) -> Option<List<T>> {
        if self.peek()? != b'[' {
            self.unsorted_value(3)?;
            return Some(List(None));
        }
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek()? == b']' {
            self.i += 1;
            return Some(List(Some(items)));
        }
        loop {
            self.ws();
            if self.peek()? == b'{' {
                self.i += 1;
                let mut t = T::default();
                self.ws();
                if self.peek()? == b'}' {
                    self.i += 1;
                } else {
                    let mut seen: Vec<&str> = Vec::new();
                    loop {
                        self.ws();
                        let key = self.raw_string()?;
                        self.ws();
                        self.eat(b':')?;
                        self.ws();
                        if matches!(key, "url" | "kind" | "file" | "line" | "key") {
                            if seen.contains(&key) {
                                return None;
                            }
                            seen.push(key);
                            let text = self.value(4)?.text();
                            read(&mut t, key, text)?;
                        } else {
                            self.unsorted_value(4)?;
                        }
                        self.ws();
                        match self.next()? {
                            b',' => {}
                            b'}' => break,
                            _ => return None,
                        }
                    }
                }
                items.push(t);
            } else {
                self.unsorted_value(3)?;
            }
            self.ws();
            match self.next()? {
                b',' => {}
                b']' => return Some(List(Some(items))),
                _ => return None,
            }
        }
    }
}

/// A member of a CSL name.
fn name<'a>(p: &mut Parser<'a, '_>, n: &mut NameFields<'a>, key: &'a str) -> Option<()> {
    match key {
        "family" => n.family = p.text()?,
        "given" => n.given = p.text()?,
        "literal" => n.literal = p.text()?,
        "suffix" => n.suffix = p.text()?,
        "dropping-particle" => n.dropping_particle = p.text()?,
        "non-dropping-particle" => n.non_dropping_particle = p.text()?,
        _ => {
            p.value(3)?;
        }
    }
    Some(())
}

fn link<'a>(l: &mut LinkFields<'a>, key: &str, t: Text<'a>) -> Option<()> {
    match key {
        "url" => l.url = t,
        "kind" => l.kind = t,
        _ => {}
    }
    Some(())
}

fn source<'a>(s: &mut SourceFields<'a>, key: &str, t: Text<'a>) -> Option<()> {
    match key {
        "file" => s.file = t,
        "line" => s.line = t,
        "key" => s.key = t,
        _ => {}
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_text_is_what_serde_json_prints() {
        for text in [
            "{\n  \"author\": [\n    {\"family\": \"Doe\", \"given\": \"J.\"}\n  ],\n  \"b\": [ 1 , 2 ],\t\"a\": {\"x\": {\"y\": [true, null, false, 0]}}, \"z\": \"é “q”\" }",
            r#"{"issued": {"date-parts": [[2020, 1]]}, "issued": {"date-parts": [["2020"]]}, "t": {}}"#,
        ] {
            let (mut out, mut members) = (Vec::new(), Vec::new());
            item(text, false, true, &mut out, &mut members).expect(text);
            for m in &members {
                let mut expected = Vec::new();
                super::super::canon::compact(&text[m.text.clone()], &mut expected).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&out[m.compact.clone()]),
                    String::from_utf8_lossy(&expected),
                    "{}",
                    m.key
                );
            }
        }
    }
}
