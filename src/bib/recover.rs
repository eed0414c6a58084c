//! Recovery for .bib files the biblatex crate cannot take whole: splitting
//! into top-level entries, `@string`s that refer to themselves, and
//! `crossref`/`xdata` loops (the crate overflows its stack on both).

use biblatex::{Bibliography, Entry};

use crate::diagnostic::{Code, Diagnostic};
use crate::input::Parsed;
use crate::model::Location;

/// `@string` definitions that refer to themselves, directly or through other
/// `@string`s, blanked out (spaces, line breaks kept) with a warning each:
/// the biblatex crate expands such abbreviations until its stack overflows
/// (found by fuzzing). Every `@string` in the text is looked at, also one
/// the entry splitter would take for part of an entry.
pub(super) fn without_cyclic_strings<'a>(
    src: &'a str,
    source: &str,
) -> (std::borrow::Cow<'a, str>, Vec<Diagnostic>) {
    let lower = src.to_ascii_lowercase();
    let mut defs: Vec<(std::ops::Range<usize>, Assignments)> = Vec::new();
    for (at, _) in lower.match_indices("@string") {
        let rest = &src[at + 7..];
        let Some(open) = rest.find(['{', '(']) else {
            continue;
        };
        if !rest[..open].trim().is_empty() {
            continue;
        }
        let body_start = at + 7 + open + 1;
        // The body up to the matching close (or the end of the text).
        let mut depth = 1i32;
        let mut end = src.len();
        for (k, b) in src.as_bytes()[body_start..].iter().enumerate() {
            match b {
                b'{' | b'(' => depth += 1,
                b'}' | b')' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = body_start + k;
                break;
            }
        }
        defs.push((
            at..end.min(src.len()),
            string_assignments(&src[body_start..end]),
        ));
    }
    if defs.is_empty() {
        return (std::borrow::Cow::Borrowed(src), Vec::new());
    }
    let graph: std::collections::HashMap<&str, Vec<&str>> = defs
        .iter()
        .flat_map(|(_, d)| d.iter())
        .map(|(name, refs)| (name.as_str(), refs.iter().map(String::as_str).collect()))
        .collect();
    let mut out = src.to_string();
    let mut warnings = Vec::new();
    for (range, d) in &defs {
        let cyclic: Vec<&str> = d
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| reaches_itself(&graph, n))
            .collect();
        if cyclic.is_empty() {
            continue;
        }
        // Blank the definition, byte for byte (ASCII spaces, line breaks kept).
        let blank: String = src[range.clone()]
            .chars()
            .map(|c| {
                if c == '\n' {
                    c.to_string()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        out.replace_range(range.clone(), &blank);
        warnings.push(Diagnostic::warning(
            Code::CyclicString,
            Location::new(source, line_at(src, range.start)),
            format!(
                "@string \"{}\" refers to itself: definition not read",
                cyclic.join("\", \"")
            ),
        ));
    }
    if warnings.is_empty() {
        (std::borrow::Cow::Borrowed(src), warnings)
    } else {
        (std::borrow::Cow::Owned(out), warnings)
    }
}

/// Names defined by an `@string` and the abbreviations each one uses.
type Assignments = Vec<(String, Vec<String>)>;

/// The `name = value` pairs of an `@string` body (lower-cased names) and the
/// abbreviations each value uses (bare words outside braces and quotes).
fn string_assignments(body: &str) -> Assignments {
    let mut parts = Vec::new();
    let (mut depth, mut quoted, mut start) = (0i32, false, 0);
    for (k, b) in body.bytes().enumerate() {
        match b {
            b'{' if !quoted => depth += 1,
            b'}' if !quoted => depth -= 1,
            b'"' if depth == 0 => quoted = !quoted,
            b',' if depth == 0 && !quoted => {
                parts.push(&body[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    let mut defs = Vec::new();
    for p in parts {
        let Some((name, value)) = p.split_once('=') else {
            continue;
        };
        let (mut depth, mut quoted, mut tok) = (0i32, false, String::new());
        let mut refs = Vec::new();
        for c in value.chars() {
            let word = depth == 0 && !quoted && (c.is_alphanumeric() || "_-:./+".contains(c));
            if word {
                tok.push(c);
                continue;
            }
            match c {
                '{' if !quoted => depth += 1,
                '}' if !quoted => depth -= 1,
                '"' if depth == 0 => quoted = !quoted,
                _ => {}
            }
            if !tok.is_empty() {
                refs.push(std::mem::take(&mut tok).to_lowercase());
            }
        }
        if !tok.is_empty() {
            refs.push(tok.to_lowercase());
        }
        refs.retain(|t| !t.chars().all(|c| c.is_ascii_digit()));
        defs.push((name.trim().to_lowercase(), refs));
    }
    defs
}

/// Deepest brace nesting handed to the biblatex crate: its parser takes time
/// quadratic in the depth (20 s at 100,000 levels), and real fields use two
/// or three.
pub(super) const MAX_DEPTH: i32 = 128;

/// A top-level piece of a .bib file: `@type{...}` or `@type(...)`.
pub(super) struct Chunk<'a> {
    kind: String,
    /// Byte offset of the `@`.
    pub(super) start: usize,
    text: &'a str,
    /// Whether the braces of the entry match.
    pub(super) closed: bool,
    /// Deepest brace nesting.
    pub(super) depth: i32,
}

impl Chunk<'_> {
    pub(super) fn is_entry(&self) -> bool {
        !matches!(self.kind.as_str(), "string" | "preamble" | "comment")
    }

    /// The citation key: after the opening brace, up to the first comma.
    pub(super) fn key(&self) -> Option<&str> {
        let open = self.text.find(['{', '('])?;
        let rest = &self.text[open + 1..];
        Some(rest[..rest.find(',')?].trim())
    }

    /// The keys this entry inherits from (`crossref`, `xdata`).
    fn parents(&self) -> Vec<String> {
        let lower = self.text.to_ascii_lowercase();
        let mut out = Vec::new();
        for field in ["crossref", "xdata"] {
            for (pos, _) in lower.match_indices(field) {
                out.extend(inherited_keys(&self.text[pos + field.len()..]));
            }
        }
        out
    }
}

/// Keys of entries whose `crossref`/`xdata` chain loops back (the biblatex
/// crate follows such chains until the stack overflows).
pub(super) fn crossref_cycles(chunks: &[Chunk<'_>]) -> std::collections::HashSet<String> {
    // A key given to several entries inherits from all of their parents:
    // which of them the crate resolves is its business, a loop through any
    // of them must be caught.
    let mut parents: std::collections::HashMap<&str, Vec<String>> = Default::default();
    for c in chunks.iter().filter(|c| c.is_entry()) {
        if let Some(key) = c.key() {
            parents.entry(key).or_default().extend(c.parents());
        }
    }
    parents
        .keys()
        .filter(|start| reaches_itself(&parents, start))
        .map(|start| start.to_string())
        .collect()
}

/// Whether `start` leads back to itself in `graph` (key → the keys it names):
/// depth-first, each key visited once. The one search behind the
/// crossref/xdata guards and the `@string` guard.
fn reaches_itself<S: AsRef<str>>(
    graph: &std::collections::HashMap<&str, Vec<S>>,
    start: &str,
) -> bool {
    let mut stack = vec![start];
    let mut seen = std::collections::HashSet::new();
    while let Some(k) = stack.pop() {
        for next in graph.get(k).into_iter().flatten() {
            let next = next.as_ref();
            if next == start {
                return true;
            }
            if seen.insert(next) {
                stack.push(next);
            }
        }
    }
    false
}

/// The keys named by a `crossref`/`xdata` field, given the text after the
/// field name (`= {a, b}`, `= "a"`, `= a`); none when no `=` follows.
fn inherited_keys(after_name: &str) -> Vec<String> {
    let Some(rest) = after_name.trim_start().strip_prefix('=') else {
        return Vec::new();
    };
    let rest = rest.trim_start();
    let value = match rest.chars().next() {
        Some('{') => rest[1..].split('}').next(),
        Some('"') => rest[1..].split('"').next(),
        _ => rest.split([',', '}', '\n']).next(),
    };
    value
        .into_iter()
        .flat_map(|v| v.split(','))
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect()
}

/// Whether any `crossref`/`xdata` chain in `text` loops, read without any
/// structure: every `@type{key,` anywhere defines a key, and every
/// `crossref = ...`/`xdata = ...` belongs to the nearest key before it. This
/// over-approximates what the biblatex crate could see in broken input,
/// whose loops overflow its stack (found by fuzzing).
pub(super) fn has_inheritance_loop(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    if !lower.contains("crossref") && !lower.contains("xdata") {
        return false;
    }
    let bytes = text.as_bytes();
    // (position, key) of every entry opening.
    let mut keys: Vec<(usize, String)> = Vec::new();
    for (at, _) in text.match_indices('@') {
        let mut k = at + 1;
        while k < bytes.len()
            && (bytes[k].is_ascii_alphanumeric() || bytes[k] == b'_' || bytes[k] == b'-')
        {
            k += 1;
        }
        while k < bytes.len() && bytes[k].is_ascii_whitespace() {
            k += 1;
        }
        if k >= bytes.len() || !(bytes[k] == b'{' || bytes[k] == b'(') {
            continue;
        }
        let rest = &text[k + 1..];
        if let Some(end) = rest.find(',') {
            let key = rest[..end].trim();
            if !key.is_empty() {
                keys.push((at, key.to_string()));
            }
        }
    }
    // How the crate may see it instead: top-level `@` pieces running to the
    // brace that matches their opening one, whatever lines they cross.
    let mut extents: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut depth = 0i32;
    let mut k = 0;
    while k < bytes.len() {
        match bytes[k] {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            b'@' if depth <= 0 => {
                if let Some((_, key)) = keys.iter().find(|(at, _)| *at == k) {
                    let open = text[k..].find(['{', '(']).map_or(k, |o| k + o);
                    let (o, c) = if bytes.get(open) == Some(&b'(') {
                        (b'(', b')')
                    } else {
                        (b'{', b'}')
                    };
                    let mut d = 0i32;
                    let mut end = bytes.len();
                    for (j, &b) in bytes.iter().enumerate().skip(open) {
                        if b == o {
                            d += 1;
                        } else if b == c {
                            d -= 1;
                            if d == 0 {
                                end = j + 1;
                                break;
                            }
                        }
                    }
                    extents.push((k..end, key.as_str()));
                    depth = 0;
                    k = end;
                    continue;
                }
            }
            _ => {}
        }
        k += 1;
    }
    let mut graph: std::collections::HashMap<&str, Vec<String>> = Default::default();
    for field in ["crossref", "xdata"] {
        for (pos, _) in lower.match_indices(field) {
            // Owners: the nearest entry opening before, and the piece around it.
            let mut owners: Vec<&str> = keys
                .iter()
                .rev()
                .find(|(at, _)| *at < pos)
                .map(|(_, k)| k.as_str())
                .into_iter()
                .collect();
            owners.extend(
                extents
                    .iter()
                    .filter(|(r, _)| r.contains(&pos))
                    .map(|(_, k)| *k),
            );
            if owners.is_empty() {
                continue;
            }
            let targets = inherited_keys(&text[pos + field.len()..]);
            for owner in owners {
                graph
                    .entry(owner)
                    .or_default()
                    .extend(targets.iter().cloned());
            }
        }
    }
    graph.keys().any(|start| reaches_itself(&graph, start))
}

/// Splits a file into its top-level `@` pieces, matching braces (and
/// parentheses for `@type(...)`). An unclosed piece ends where the next line
/// starting with `@` begins.
pub(super) fn split_entries(src: &str) -> Vec<Chunk<'_>> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(rel) = src[i..].find('@') {
        let start = i + rel;
        let mut j = start + 1;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
            j += 1;
        }
        let kind = src[start + 1..j].to_ascii_lowercase();
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let (open, close) = match bytes.get(j) {
            Some(b'{') => (b'{', b'}'),
            Some(b'(') => (b'(', b')'),
            _ => {
                i = start + 1;
                continue;
            }
        };
        let mut depth = 0i32;
        let mut max_depth = 0i32;
        let mut end = None;
        let mut escaped = false;
        for (k, &b) in bytes.iter().enumerate().skip(j) {
            // `\{` and `\}` are characters, not braces.
            if escaped {
                escaped = false;
                continue;
            }
            if b == b'\\' {
                escaped = true;
                continue;
            }
            if b == open || (open == b'(' && b == b'{') {
                depth += 1;
                max_depth = max_depth.max(depth);
            } else if b == close || (open == b'(' && b == b'}') {
                depth -= 1;
                if depth == 0 {
                    end = Some(k + 1);
                    break;
                }
            }
        }
        // An entry that runs over a line starting with `@` lost a brace: it
        // ends there, so that it does not swallow the entries after it.
        let next_at_line = src[j..].find("\n@").map_or(src.len(), |p| j + p + 1);
        let (end, closed) = match end {
            Some(e) if e <= next_at_line => (e, true),
            _ => (next_at_line, false),
        };
        if kind != "comment" || closed {
            out.push(Chunk {
                kind,
                start,
                text: &src[start..end],
                closed,
                depth: max_depth,
            });
        }
        i = end.max(start + 1);
    }
    out
}

pub(super) fn line_at(src: &str, offset: usize) -> usize {
    src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parses the entries one by one, with the file's `@string`s before each;
/// `push` turns each entry read (with its start in `src`) into a reference.
pub(super) fn one_by_one(
    src: &str,
    chunks: &[Chunk<'_>],
    cyclic: &std::collections::HashSet<String>,
    source: &str,
    parsed: &mut Parsed,
    push: fn(&mut Parsed, &Entry, &str, usize, &str),
) {
    let prelude: String = chunks
        .iter()
        .filter(|c| c.kind == "string" && c.closed && c.depth <= MAX_DEPTH)
        .map(|c| format!("{}\n", c.text))
        .collect();
    let mut keys = std::collections::HashSet::new();
    for chunk in chunks.iter().filter(|c| c.is_entry()) {
        let line = line_at(src, chunk.start);
        if !chunk.closed {
            parsed.diagnostics.push(Diagnostic::error(
                Code::BrokenEntry,
                Location::new(source, line),
                format!("entry @{} is not closed: braces do not match", chunk.kind),
            ));
            continue;
        }
        if let Some(key) = chunk.key().filter(|k| cyclic.contains(*k)) {
            parsed.diagnostics.push(Diagnostic::error(
                Code::CrossrefLoop,
                Location::new(source, line),
                format!("entry \"{key}\" inherits from itself through crossref/xdata: not read"),
            ));
            continue;
        }
        if chunk.depth > MAX_DEPTH {
            parsed.diagnostics.push(Diagnostic::error(
                Code::BrokenEntry,
                Location::new(source, line),
                format!(
                    "entry @{} nests braces {} levels deep (at most {MAX_DEPTH} are read)",
                    chunk.kind, chunk.depth
                ),
            ));
            continue;
        }
        if has_inheritance_loop(chunk.text) {
            parsed.diagnostics.push(Diagnostic::error(
                Code::CrossrefLoop,
                Location::new(source, line),
                format!(
                    "entry @{} inherits from itself through crossref/xdata: not read",
                    chunk.kind
                ),
            ));
            continue;
        }
        let text = format!("{prelude}{}", chunk.text);
        match Bibliography::parse(&text) {
            Ok(bib) if bib.is_empty() => parsed.diagnostics.push(Diagnostic::error(
                Code::BrokenEntry,
                Location::new(source, line),
                format!(
                    "entry @{} starting on line {line} holds no readable entry",
                    chunk.kind
                ),
            )),
            Ok(bib) => {
                // The crate may find more than one entry in what the splitter
                // took for one (an `@` inside an unusual key): each is an item
                // (found by fuzzing).
                parsed.items += bib.len() - 1;
                for entry in bib.iter() {
                    if !keys.insert(entry.key.clone()) {
                        parsed.diagnostics.push(Diagnostic::error(
                            Code::DuplicateKey,
                            Location::new(source, line),
                            format!("duplicate key \"{}\": this entry was not read", entry.key),
                        ));
                        continue;
                    }
                    push(parsed, entry, src, chunk.start, source);
                }
            }
            Err(e) => {
                let at = e.span.start.saturating_sub(prelude.len());
                let err_line = line + chunk.text[..at.min(chunk.text.len())].matches('\n').count();
                parsed.diagnostics.push(Diagnostic::error(
                    Code::BrokenEntry,
                    Location::new(source, err_line),
                    format!(
                        "entry @{} starting on line {line} cannot be read: {}",
                        chunk.kind, e.kind
                    ),
                ));
            }
        }
    }
}
