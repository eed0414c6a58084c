//! JSON text as serde_json prints a `Value`, without building one: the
//! compact form of a value (object keys sorted and unique, the last of
//! equal keys kept, strings and numbers as serde_json writes them), and the
//! pretty form of such text. A `serde_json::Value` tree takes several
//! allocations per string and per object; reading a million items through
//! one and printing it again was half of `publist merge`'s time.
//!
//! Written here rather than taken from a crate: what must come out is
//! serde_json's own formatting of its own `Value`, byte for byte, which
//! serde_json itself only offers through the tree.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// An object key, borrowed from the text when it has no escapes.
pub(super) struct Key<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }
        d.deserialize_str(V).map(Key)
    }
}

/// The members of a JSON object, in the order of the text (equal keys
/// kept: the caller decides), each value as its text.
pub(super) fn members(text: &str) -> serde_json::Result<Vec<(Cow<'_, str>, &RawValue)>> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<(Cow<'de, str>, &'de RawValue)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(map.size_hint().unwrap_or(16));
            while let Some(Key(k)) = map.next_key::<Key>()? {
                out.push((k, map.next_value::<&RawValue>()?));
            }
            Ok(out)
        }
    }
    let mut d = serde_json::Deserializer::from_str(text);
    let members = d.deserialize_map(V)?;
    d.end()?;
    Ok(members)
}

/// The members of compact JSON text of an object ([`compact`]'s output) by
/// a plain scan of its bytes; `None` when a key has an escape (or the text
/// is not such an object): [`members`] reads it then.
pub(super) fn compact_members(text: &str) -> Option<Vec<(Cow<'_, str>, &str)>> {
    let b = text.as_bytes();
    if b.len() < 2 || b[0] != b'{' || b[b.len() - 1] != b'}' {
        return None;
    }
    let mut out = Vec::with_capacity(16);
    if b.len() == 2 {
        return Some(out);
    }
    let mut i = 1;
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_start = i + 1;
        let mut j = key_start;
        while j < b.len() && b[j] != b'"' {
            if b[j] == b'\\' {
                return None;
            }
            j += 1;
        }
        if b.get(j + 1) != Some(&b':') {
            return None;
        }
        let value_start = j + 2;
        let (mut k, mut depth) = (value_start, 0usize);
        loop {
            match b.get(k)? {
                b'"' => {
                    k += 1;
                    while *b.get(k)? != b'"' {
                        k += if b[k] == b'\\' { 2 } else { 1 };
                    }
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth == 0 => break,
                b'}' | b']' => depth -= 1,
                b',' if depth == 0 => break,
                _ => {}
            }
            k += 1;
        }
        out.push((Cow::Borrowed(&text[key_start..j]), &text[value_start..k]));
        if b[k] == b'}' {
            return (k == b.len() - 1).then_some(out);
        }
        i = k + 1;
    }
}

/// The positions of `members` in sorted key order, the last of equal keys
/// kept: the order of a `serde_json::Map` built from them.
pub(super) fn sorted<K: AsRef<str>, V>(members: &[(K, V)]) -> Vec<usize> {
    sorted_by(members, |m| m.0.as_ref())
}

/// [`sorted`] of any members, `name` giving each one's key.
pub(super) fn sorted_by<T>(members: &[T], name: impl Fn(&T) -> &str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    let key = |i: usize| name(&members[i]);
    if !order.windows(2).all(|w| key(w[0]) < key(w[1])) {
        order.sort_by(|&a, &b| key(a).cmp(key(b)).then(a.cmp(&b)));
        // Of a run of equal keys the last (in the text) stands.
        let mut kept: Vec<usize> = Vec::with_capacity(order.len());
        for i in order {
            match kept.last_mut() {
                Some(last) if key(*last) == key(i) => *last = i,
                _ => kept.push(i),
            }
        }
        order = kept;
    }
    order
}

/// Appends the compact text serde_json prints for the `Value` of `text`.
pub(super) fn compact(text: &str, out: &mut Vec<u8>) -> serde_json::Result<()> {
    // A string without escapes and a plain integer are printed as written.
    let b = text.as_bytes();
    let plain_string = b.len() >= 2
        && b[0] == b'"'
        && b[b.len() - 1] == b'"'
        && !b[1..b.len() - 1]
            .iter()
            .any(|&c| c == b'"' || c == b'\\' || c < 0x20);
    let plain_integer = (1..=19).contains(&b.len())
        && b.iter().all(u8::is_ascii_digit)
        && (b[0] != b'0' || b.len() == 1);
    if plain_string || plain_integer {
        out.extend_from_slice(b);
        return Ok(());
    }
    // Arrays and objects of such values with keys in order: white space out.
    let mark = out.len();
    if matches!(b.first(), Some(b'[' | b'{')) {
        if minified(b, out) {
            return Ok(());
        }
        out.truncate(mark);
    }
    let mut d = serde_json::Deserializer::from_str(text);
    Canon(out).deserialize(&mut d)?;
    d.end()
}

/// Appends `b` without white space when that is what serde_json prints for
/// it: strings without escapes, integers without sign, fraction or exponent,
/// the keys of each object in strictly increasing order. `false` (with some
/// of it appended) for anything else.
fn minified(b: &[u8], out: &mut Vec<u8>) -> bool {
    // For each open array or object: whether an object, and the last key
    // written in it (its place in `out`).
    let mut open: Vec<(bool, Option<(usize, usize)>)> = Vec::with_capacity(8);
    // Whether the next string of the object on top is a key.
    let mut want_key = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\n' | b'\t' | b'\r' => {}
            b'{' | b'[' => {
                open.push((c == b'{', None));
                want_key = c == b'{';
                out.push(c);
            }
            b'}' | b']' => {
                open.pop();
                want_key = false;
                out.push(c);
            }
            b',' => {
                want_key = open.last().is_some_and(|o| o.0);
                out.push(c);
            }
            b':' => {
                want_key = false;
                out.push(c);
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j] != b'"' {
                    if b[j] == b'\\' || b[j] < 0x20 {
                        return false;
                    }
                    j += 1;
                }
                if j == b.len() {
                    return false;
                }
                out.push(b'"');
                let key_start = out.len();
                out.extend_from_slice(&b[start..j]);
                let key = (key_start, out.len());
                out.push(b'"');
                if want_key {
                    let Some(top) = open.last_mut() else {
                        return false;
                    };
                    if let Some((s, e)) = top.1 {
                        if out[s..e] >= out[key.0..key.1] {
                            return false;
                        }
                    }
                    top.1 = Some(key);
                    want_key = false;
                }
                i = j;
            }
            b'0'..=b'9' => {
                let mut j = i;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                let plain = matches!(
                    b.get(j),
                    None | Some(b',' | b']' | b'}' | b' ' | b'\n' | b'\t' | b'\r')
                );
                if !plain || j - i > 19 || (c == b'0' && j - i > 1) {
                    return false;
                }
                out.extend_from_slice(&b[i..j]);
                i = j;
                continue;
            }
            b't' if b[i..].starts_with(b"true") => {
                out.extend_from_slice(b"true");
                i += 4;
                continue;
            }
            b'f' if b[i..].starts_with(b"false") => {
                out.extend_from_slice(b"false");
                i += 5;
                continue;
            }
            b'n' if b[i..].starts_with(b"null") => {
                out.extend_from_slice(b"null");
                i += 4;
                continue;
            }
            _ => return false,
        }
        i += 1;
    }
    open.is_empty()
}

/// Appends a string as serde_json writes it.
pub(super) fn string(s: &str, out: &mut Vec<u8>) {
    // Eight bytes at a time: most strings need no escape.
    if super::scan::special(s.as_bytes(), 0) < s.len() {
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// Writes the compact text of the value it is given.
struct Canon<'o>(&'o mut Vec<u8>);

impl<'de> DeserializeSeed<'de> for Canon<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Canon<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.0.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.0.extend_from_slice(v.to_string().as_bytes());
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.0.extend_from_slice(v.to_string().as_bytes());
        Ok(())
    }
    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        // What a Value holds for the number and prints (JSON text has no NaN).
        match serde_json::Number::from_f64(v) {
            Some(n) => self.0.extend_from_slice(n.to_string().as_bytes()),
            None => self.0.extend_from_slice(b"null"),
        }
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        string(v, self.0);
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.0.extend_from_slice(b"null");
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let out = self.0;
        out.push(b'[');
        let mut first = true;
        loop {
            if !first {
                out.push(b',');
            }
            if seq.next_element_seed(Canon(out))?.is_none() {
                if !first {
                    out.pop();
                }
                break;
            }
            first = false;
        }
        out.push(b']');
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let out = self.0;
        out.push(b'{');
        let start = out.len();
        let mut previous: Option<Cow<str>> = None;
        let mut in_order = true;
        while let Some(Key(k)) = map.next_key::<Key>()? {
            if previous.is_some() {
                out.push(b',');
            }
            string(&k, out);
            out.push(b':');
            map.next_value_seed(Canon(out))?;
            in_order &= previous.as_deref().is_none_or(|p| p < k.as_ref());
            previous = Some(k);
        }
        if !in_order {
            // Rare (keys out of order, or twice): sort what was written.
            let text = format!("{{{}}}", String::from_utf8_lossy(&out[start..]));
            let written = members(&text).map_err(de::Error::custom)?;
            let mut again = Vec::with_capacity(text.len());
            for (n, i) in sorted(&written).into_iter().enumerate() {
                if n > 0 {
                    again.push(b',');
                }
                string(&written[i].0, &mut again);
                again.push(b':');
                again.extend_from_slice(written[i].1.get().as_bytes());
            }
            out.truncate(start);
            out.extend_from_slice(&again);
        }
        out.push(b'}');
        Ok(())
    }
}

/// Appends compact JSON text (as [`compact`] writes it) the way
/// serde_json's pretty printer prints its value, the value's first line
/// continuing a line indented by `level` steps of two spaces.
pub(super) fn pretty(compact: &[u8], level: usize, out: &mut Vec<u8>) {
    let newline = |out: &mut Vec<u8>, level: usize| {
        // A copy of constant length, cut to the indentation (no call).
        const INDENT: &[u8; 17] = b"\n                ";
        if level <= 8 {
            let end = out.len() + 1 + 2 * level;
            out.extend_from_slice(INDENT);
            out.truncate(end);
        } else {
            out.push(b'\n');
            out.resize(out.len() + 2 * level, b' ');
        }
    };
    let mut level = level;
    // Bytes from `run` on are copied as they are, up to the next byte the
    // printer puts white space around.
    let mut run = 0;
    let mut i = 0;
    while i < compact.len() {
        let b = compact[i];
        match b {
            b'"' => {
                let mut j = i + 1;
                loop {
                    j = super::scan::special(compact, j);
                    match compact.get(j) {
                        Some(b'"') | None => break,
                        Some(b'\\') => j += 2,
                        Some(_) => j += 1,
                    }
                }
                i = (j + 1).min(compact.len());
                continue;
            }
            b'{' | b'[' => {
                if matches!(compact.get(i + 1), Some(b'}' | b']')) {
                    i += 2;
                    continue;
                }
                super::scan::append(out, compact, run..i + 1);
                level += 1;
                newline(out, level);
            }
            b'}' | b']' => {
                super::scan::append(out, compact, run..i);
                level = level.saturating_sub(1);
                newline(out, level);
                out.push(b);
            }
            b',' => {
                super::scan::append(out, compact, run..i + 1);
                newline(out, level);
            }
            b':' => {
                super::scan::append(out, compact, run..i + 1);
                out.push(b' ');
            }
            _ => {
                i += 1;
                continue;
            }
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&compact[run.min(compact.len())..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn check(text: &str) {
        let value: Value = serde_json::from_str(text).unwrap();
        let mut out = Vec::new();
        compact(text, &mut out).unwrap();
        let expected = serde_json::to_string(&value).unwrap();
        assert_eq!(String::from_utf8_lossy(&out), expected, "compact of {text}");
        let mut printed = Vec::new();
        pretty(&out, 0, &mut printed);
        let expected = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&printed),
            expected,
            "pretty of {text}"
        );
    }

    #[test]
    fn compact_and_pretty_text_are_serde_jsons_own() {
        for text in [
            r#"{"b": 1, "a": [1, 2.50, -3, 1e3, -0, 0.1e-2, 18446744073709551615, -9223372036854775808]}"#,
            r#"{"z": {"y": {}, "x": []}, "a": "\u00e9\/\"\\\n\t\u0001 é", "a": "second"}"#,
            r#"[{"family": "A", "given": "B"}, {"given": "C", "family": "D", "given": "E"}, null, true, false]"#,
            r#"{"k\u0065y": 1, "key": 2, "": {"": [[], [{}]]}}"#,
            r#""just a string""#,
            "123456789012345678901234567890",
            r#"{"date-parts": [["2020", 5]], "raw": "2020-05"}"#,
            "[1.7976931348623157e308, 5e-324, 100000000000000000000.0, 0.30000000000000004]",
            "0",
            "9999999999999999999",
            "99999999999999999999",
            "-12",
            r#""plain""#,
            r#""with \"quote\"""#,
            r#""\u00e9""#,
            r#""""#,
            "[\n  {\n    \"family\": \"Doe\",\n    \"given\": \"J.\"\n  },\n  {\"family\": \"X\"}, [], {}, [0, 12, true, false, null]\n]",
            r#"{"date-parts": [[2020, 5, 1]], "raw": "x"}"#,
            r#"{"a": {"b": 1, "a": 2}}"#,
            r#"{"a": 1, "a": 2}"#,
            r#"[1.5, 2]"#,
            r#"[-1, 2e3, 10]"#,
        ] {
            check(text);
        }
    }

    #[test]
    fn compact_members_are_what_serde_reads() {
        for text in [
            r#"{"a":1,"b":[1,{"c":"}],"}],"d":{"e":"x\"y"},"f":"\\\\"}"#,
            "{}",
            r#"{"a":{}}"#,
        ] {
            let fast = compact_members(text).unwrap();
            let slow = members(text).unwrap();
            let slow: Vec<(&str, &str)> = slow.iter().map(|(k, v)| (k.as_ref(), v.get())).collect();
            let fast: Vec<(&str, &str)> = fast.iter().map(|(k, v)| (k.as_ref(), *v)).collect();
            assert_eq!(fast, slow, "{text}");
        }
        assert!(compact_members(r#"{"a\\u0062":1}"#).is_none());
        assert!(compact_members("[1]").is_none());
    }

    #[test]
    fn sorted_keeps_the_last_of_equal_keys() {
        let m = [("b", 0), ("a", 1), ("b", 2), ("c", 3), ("a", 4)];
        assert_eq!(sorted(&m), [4, 2, 3]);
        assert_eq!(sorted(&[("a", 0), ("b", 1)]), [0, 1]);
    }

    #[test]
    fn members_are_in_the_order_of_the_text() {
        let m = members(r#"{"b": [1, 2], "a\"": {"x": 1}, "b": 3}"#).unwrap();
        let got: Vec<(&str, &str)> = m.iter().map(|(k, v)| (k.as_ref(), v.get())).collect();
        assert_eq!(got, [("b", "[1, 2]"), ("a\"", r#"{"x": 1}"#), ("b", "3")]);
        assert!(members("[1]").is_err());
        assert!(members(r#"{"a": 1} x"#).is_err());
    }
}
