//! The lenient decoder of CSL-JSON values that both the CSL-JSON reader and
//! the CSL processor use, as lenient as citeproc-js: numbers or strings,
//! `date-parts` (numbers or strings), `raw` and `literal` dates, seasons,
//! particles written inside family or given names.

use serde_json::Value;

use crate::model::packed::Packed;

/// One person or organisation, as it is read: each part on its own, for
/// the particles to be read out of the others ([`parse_particles`]); then
/// held as a [`NameData`].
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NameParts {
    pub family: Option<Box<str>>,
    pub given: Option<Box<str>>,
    pub ndp: Option<Box<str>>,
    pub dp: Option<Box<str>>,
    pub suffix: Option<Box<str>>,
    pub literal: Option<Box<str>>,
    pub comma_suffix: bool,
    pub static_ordering: bool,
}

/// One person or organisation as the CSL processor holds it: the parts one
/// after the other in one text ([`Packed`]). Six boxed parts took 104
/// bytes and a box per part beside, for every name of every item held
/// while a bibliography is formatted (a third of the items' memory); this
/// is 32 bytes and one box.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NameData {
    /// Family, given, non-dropping particle, dropping particle, suffix,
    /// literal, in that order.
    /// Its tag holds the flags ([`COMMA_SUFFIX`], [`STATIC_ORDERING`]): two
    /// `bool`s beside it made the name 40 bytes.
    parts: Packed<5>,
}

/// The name's `comma-suffix` flag (a bit of its parts' tag).
const COMMA_SUFFIX: u8 = 1;
/// The name's `static-ordering` flag (kept as read: no rule of the
/// processor reads it yet, as none read the `bool` it was before).
const STATIC_ORDERING: u8 = 2;

impl From<NameParts> for NameData {
    fn from(n: NameParts) -> NameData {
        let parts = [&n.family, &n.given, &n.ndp, &n.dp, &n.suffix, &n.literal];
        let mut parts = Packed::new(&parts.map(|p| p.as_deref()));
        if n.comma_suffix {
            parts.tag |= COMMA_SUFFIX;
        }
        if n.static_ordering {
            parts.tag |= STATIC_ORDERING;
        }
        NameData { parts }
    }
}

impl NameData {
    /// A comma before the suffix (`comma-suffix`).
    pub fn comma_suffix(&self) -> bool {
        self.parts.tag & COMMA_SUFFIX != 0
    }

    pub fn family(&self) -> Option<&str> {
        self.parts.part(0)
    }

    pub fn given(&self) -> Option<&str> {
        self.parts.part(1)
    }

    /// The non-dropping particle.
    pub fn ndp(&self) -> Option<&str> {
        self.parts.part(2)
    }

    /// The dropping particle.
    pub fn dp(&self) -> Option<&str> {
        self.parts.part(3)
    }

    pub fn suffix(&self) -> Option<&str> {
        self.parts.part(4)
    }

    pub fn literal(&self) -> Option<&str> {
        self.parts.part(5)
    }

    /// Written family-first without spaces (Chinese, Japanese, Korean…).
    pub fn is_non_roman(&self) -> bool {
        let fields = [self.family(), self.given()];
        let chars = || fields.iter().flatten().flat_map(|f| f.chars());
        if fields.iter().flatten().all(|f| f.is_ascii()) {
            return false;
        }
        chars().next().is_some()
            && chars().all(|c| {
                !c.is_alphabetic()
                    || matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
            })
    }
}

/// A date or date range.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DateData {
    /// One or two dates as `[year, month, day]` (0 = absent); month 13–16 are seasons.
    pub parts: DatePair,
    pub season: Option<Box<str>>,
    pub circa: bool,
    pub literal: Option<Box<str>>,
}

/// The one or two dates of a date or range, inline: a `Vec` took 24 bytes
/// and a heap block for every date of every item (a date is 64 bytes now,
/// 80 and a block before). Read as a slice; a third date pushed is
/// dropped (CSL-JSON reads at most two: a date and a range's end).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DatePair {
    dates: [[i32; 3]; 2],
    len: u8,
}

impl DatePair {
    /// Appends a date, when fewer than two are held.
    pub fn push(&mut self, date: [i32; 3]) {
        if let Some(slot) = self.dates.get_mut(usize::from(self.len)) {
            *slot = date;
            self.len += 1;
        }
    }
}

impl std::ops::Deref for DatePair {
    type Target = [[i32; 3]];
    fn deref(&self) -> &[[i32; 3]] {
        &self.dates[..usize::from(self.len)]
    }
}

impl std::ops::DerefMut for DatePair {
    fn deref_mut(&mut self) -> &mut [[i32; 3]] {
        &mut self.dates[..usize::from(self.len)]
    }
}

impl DateData {
    pub fn year(&self) -> Option<i32> {
        self.parts.first().map(|p| p[0])
    }
}

/// A string, number or boolean as text (borrowed when a string).
pub(crate) fn scalar_text(v: &Value) -> Option<std::borrow::Cow<'_, str>> {
    match v {
        Value::String(s) => Some(s.as_str().into()),
        Value::Number(n) => Some(n.to_string().into()),
        Value::Bool(b) => Some(b.to_string().into()),
        _ => None,
    }
}

/// [`scalar_text`], owned.
pub(crate) fn scalar(v: &Value) -> Option<String> {
    scalar_text(v).map(std::borrow::Cow::into_owned)
}

pub(crate) fn text_field(map: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    map.get(key)
        .and_then(scalar_text)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

pub(crate) fn name(v: &Value) -> Option<NameData> {
    let map = v.as_object()?;
    let mut n = NameParts {
        family: text_field(map, "family").map(Into::into),
        given: text_field(map, "given").map(Into::into),
        ndp: text_field(map, "non-dropping-particle").map(Into::into),
        dp: text_field(map, "dropping-particle").map(Into::into),
        suffix: text_field(map, "suffix").map(Into::into),
        literal: text_field(map, "literal").map(Into::into),
        comma_suffix: map
            .get("comma-suffix")
            .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("true")),
        static_ordering: map
            .get("static-ordering")
            .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("true")),
    };
    if n.literal.is_none() && n.family.is_none() && n.given.is_none() {
        return None;
    }
    parse_particles(&mut n);
    Some(n.into())
}

/// Particles written inside the name fields, as citeproc-js 2.4.63 reads
/// them (`CSL.parseParticles`, run when a name has a family and a given
/// name and no non-dropping particle of its own): words opening the
/// family name that start with a lower-case letter are the non-dropping
/// particle ("van Gogh", "al-One", "d'Alembert", "in 't Horvath"; a
/// particle closing in an apostrophe and a space keeps the space: "de'
/// Frinkle"); what follows the first comma of the given name is a suffix
/// (a comma and "!" mark one printed after a comma: "John,! Jr."); lower-case
/// words closing the given name are the dropping particle ("Ludwig van").
/// A family name in double quotes is taken as written.
pub(crate) fn parse_particles(n: &mut NameParts) {
    if let Some(family) = &n.family {
        if family.starts_with('"') && family.ends_with('"') && family.len() > 1 {
            n.family = Some(family[1..family.len() - 1].into());
            return;
        }
    }
    if n.ndp.is_some() || n.family.is_none() || n.given.is_none() {
        return;
    }
    if let Some(family) = n.family.take() {
        let (particles, rest) = family_particles(&family);
        if !particles.is_empty() {
            n.ndp = Some(particles.into());
        }
        n.family = Some(rest.into());
    }
    if n.suffix.is_none() {
        if let Some(given) = n.given.take() {
            n.given = Some(match given.find(',') {
                Some(c) => {
                    let start = given[..c].trim_end().len();
                    let after = &given[c + 1..];
                    let bangs = after.len() - after.trim_start_matches('!').len();
                    let rest = after[bangs..].trim_start();
                    if bangs == 1 {
                        n.comma_suffix = true;
                    }
                    n.suffix = Some(rest).filter(|s| !s.is_empty()).map(Box::from);
                    given[..start].into()
                }
                None => given,
            });
        }
    }
    if n.dp.is_none() {
        if let Some(given) = n.given.take() {
            let (rest, particles) = given_particles(&given);
            if !particles.is_empty() {
                n.dp = Some(particles.into());
            }
            n.given = Some(rest.into());
        }
    }
}

/// A lower-case letter opens the particle (after any leading hyphens,
/// apostrophes and spaces).
fn opens_particle(s: &str) -> bool {
    s.trim_start_matches(|c: char| {
        c == '-' || c == '\'' || c == 'ʻ' || c == '’' || c.is_whitespace()
    })
    .chars()
    .next()
    .is_some_and(|c| c.to_uppercase().ne(std::iter::once(c)))
}

/// citeproc-js's PARTICLE_FAMILY_REGEXP `^([^ ]+(?:-|ʻ|’| |') *)(.+)$`,
/// repeated while the match opens with a lower-case letter.
fn family_particles(family: &str) -> (String, String) {
    let mut particles = String::new();
    let mut rest = family;
    loop {
        let word_end = rest.find(' ').unwrap_or(rest.len());
        let m1 = if word_end < rest.len() {
            // The first word and the spaces after it, when more follows.
            let after = rest[word_end..].trim_start_matches(' ');
            (!after.is_empty()).then(|| rest.len() - after.len())
        } else {
            // One word: up to its last hyphen or apostrophe before the end.
            rest.char_indices()
                .rev()
                .filter(|(i, c)| ['-', 'ʻ', '’', '\''].contains(c) && i + c.len_utf8() < rest.len())
                .map(|(i, c)| i + c.len_utf8())
                .next()
        };
        match m1 {
            Some(k) if opens_particle(&rest[..k]) => {
                particles.push_str(&rest[..k]);
                rest = &rest[k..];
            }
            _ => break,
        }
    }
    // trimLast: a particle closing in an apostrophe keeps its space.
    let trimmed = particles.trim();
    let keep_space = particles.ends_with(' ') && trimmed.ends_with(['\'', '’']);
    let particles = if keep_space {
        format!("{trimmed} ")
    } else {
        trimmed.to_string()
    };
    (particles, rest.to_string())
}

/// citeproc-js's PARTICLE_GIVEN_REGEXP on the reversed given name: its
/// last words while they open with a lower-case letter.
fn given_particles(given: &str) -> (String, String) {
    let mut rest = given;
    let mut list: Vec<&str> = Vec::new();
    loop {
        let body = rest.trim_end_matches(' ');
        let Some(space) = body.rfind(' ') else { break };
        let word = &body[space + 1..];
        // The match: the spaces before the word, the word, the spaces after.
        let start = body[..space].trim_end_matches(' ').len();
        if start == 0 || !opens_particle(word) {
            break;
        }
        list.push(&rest[start..]);
        rest = &rest[..start];
    }
    list.reverse();
    let particles: String = list.iter().map(|p| p.trim()).collect::<Vec<_>>().join(" ");
    (rest.to_string(), particles)
}

pub(crate) fn date(v: &Value) -> Option<DateData> {
    let mut d = DateData::default();
    match v {
        Value::String(s) => return raw_date(s),
        Value::Number(n) => {
            d.parts.push([n.as_i64()? as i32, 0, 0]);
            return Some(d);
        }
        _ => {}
    }
    let map = v.as_object()?;
    if let Some(Value::Array(parts)) = map.get("date-parts") {
        for p in parts.iter().take(2) {
            let Value::Array(p) = p else { continue };
            let mut out = [0; 3];
            for (i, x) in p.iter().take(3).enumerate() {
                out[i] = match x {
                    Value::Number(n) => n.as_i64().unwrap_or(0) as i32,
                    Value::String(s) => s.trim().parse().unwrap_or(0),
                    _ => 0,
                };
            }
            // A second date of zeros (or empty) is an open range: kept.
            if out[0] != 0 || out[1] != 0 || !d.parts.is_empty() {
                d.parts.push(out);
            }
        }
    }
    if d.parts.is_empty() {
        if let Some(raw) = map.get("raw").and_then(Value::as_str) {
            if let Some(r) = raw_date(raw) {
                d = r;
            }
        }
    }
    if let Some(lit) = text_field(map, "literal") {
        if d.parts.is_empty() {
            d.literal = Some(lit.into());
        }
    }
    if let Some(season) = map.get("season").and_then(scalar) {
        match season.parse::<i32>() {
            Ok(n @ 1..=4) => {
                if let Some(p) = d.parts.first_mut() {
                    if p[1] == 0 {
                        p[1] = 12 + n;
                    }
                }
            }
            _ => d.season = Some(season.into()),
        }
    }
    d.circa = map.get("circa").is_some_and(|v| match v {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_i64() != Some(0),
        Value::String(s) => !s.is_empty() && s != "0" && s != "false",
        _ => false,
    });
    if d.parts.is_empty() && d.literal.is_none() {
        return None;
    }
    Some(d)
}

/// "2005-06-02", "2005/2006", "June 2005": the forms CSL-JSON raw dates take.
pub(crate) fn raw_date(s: &str) -> Option<DateData> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let one = |t: &str| -> Option<[i32; 3]> {
        let t = t.trim();
        let nums: Vec<&str> = t.split(['-', '/', '.']).filter(|x| !x.is_empty()).collect();
        if !nums.is_empty() && nums.iter().all(|x| x.chars().all(|c| c.is_ascii_digit())) {
            // More than three numbers are two dates ("2004-10-01/2004-10-14").
            if nums.len() > 3 {
                return None;
            }
            let v: Vec<i32> = nums.iter().filter_map(|x| x.parse().ok()).collect();
            // Digits too many for a number parse to nothing: no date (not a panic).
            let first = *v.first()?;
            if first > 31 || nums[0].len() == 4 {
                return Some([first, *v.get(1).unwrap_or(&0), *v.get(2).unwrap_or(&0)]);
            }
            return None;
        }
        // "June 2005", "15 June 2005"
        const MONTHS: [&str; 12] = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        let mut out = [0, 0, 0];
        for w in t.split([' ', ',']).filter(|w| !w.is_empty()) {
            let lw = w.to_lowercase();
            if let Some(m) = MONTHS.iter().position(|m| lw.starts_with(m)) {
                out[1] = m as i32 + 1;
            } else if let Ok(n) = w.parse::<i32>() {
                if n > 31 || w.len() == 4 {
                    out[0] = n;
                } else {
                    out[2] = n;
                }
            } else {
                return None;
            }
        }
        (out[0] != 0).then_some(out)
    };
    let mut d = DateData::default();
    if let Some(p) = one(s) {
        d.parts.push(p);
        return Some(d);
    }
    // Ranges: "2005/2006", "2005-06-01/2005-06-03"
    for sep in ["/", " - ", "–"] {
        if let Some((a, b)) = s.split_once(sep) {
            if let (Some(a), Some(b)) = (one(a), one(b)) {
                d.parts.push(a);
                d.parts.push(b);
                return Some(d);
            }
        }
    }
    d.literal = Some(s.into());
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_holds_one_or_two_dates_inline() {
        let mut parts = DatePair::default();
        assert!(parts.is_empty());
        parts.push([2005, 6, 0]);
        parts.push([2006, 0, 0]);
        // A third is no part of a CSL date (a date and a range's end).
        parts.push([2007, 0, 0]);
        assert_eq!(*parts, [[2005, 6, 0], [2006, 0, 0]]);
        parts[0][1] = 0;
        assert_eq!(parts.first(), Some(&[2005, 0, 0]));
        // Equal dates compare equal, whatever was dropped.
        let mut same = DatePair::default();
        same.push([2005, 0, 0]);
        same.push([2006, 0, 0]);
        assert_eq!(parts, same);
        // The forms CSL-JSON writes a range in.
        let range = date(&serde_json::json!({"date-parts": [[2005, 6], [2006]]}));
        assert_eq!(
            range.map(|d| d.parts.to_vec()),
            Some(vec![[2005, 6, 0], [2006, 0, 0]])
        );
        let raw = raw_date("2005-06-01/2005-06-03").map(|d| d.parts.to_vec());
        assert_eq!(raw, Some(vec![[2005, 6, 1], [2005, 6, 3]]));
        assert_eq!(std::mem::size_of::<DateData>(), 64);
        // What the processor's items hold per name.
        assert_eq!(std::mem::size_of::<NameData>(), 32);
    }
}
