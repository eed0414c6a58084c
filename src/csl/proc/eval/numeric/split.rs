//! Splitting a number variable: joiners, embedded labels, particles
//! (the regular expressions of citeproc-js's processNumber, by hand).

use super::{digits_then, NumEnv};

/// The length of the joiner at byte `i` of `s`, if one starts there:
/// `\s*&\s*`, `,\s+and\s+`, `\s+and\s+`, `;\s+`, `,\s+`, `\s*\\*[-–]+\s*`
/// (without the plain hyphen when `no_hyphen`).
fn joiner_at(s: &str, i: usize, and_word: Option<&str>, no_hyphen: bool) -> Option<usize> {
    let rest = &s[i..];
    let ws = |t: &str| t.len() - t.trim_start().len();
    let lead = ws(rest);
    // \s*&\s*
    if rest[lead..].starts_with('&') {
        let after = &rest[lead + 1..];
        return Some(lead + 1 + ws(after));
    }
    let word = |t: &str, w: &str| -> Option<usize> {
        let sp = ws(t);
        if sp == 0 || !t[sp..].starts_with(w) {
            return None;
        }
        let after = &t[sp + w.len()..];
        let sp2 = ws(after);
        (sp2 > 0).then_some(sp + w.len() + sp2)
    };
    // (Called at every character of every number: no list of the words.)
    for w in std::iter::once("and").chain(and_word) {
        if let Some(t) = rest.strip_prefix(',') {
            if let Some(n) = word(t, w) {
                return Some(1 + n);
            }
        }
        if let Some(n) = word(rest, w) {
            return Some(n);
        }
    }
    for p in [';', ','] {
        if let Some(t) = rest.strip_prefix(p) {
            let sp = ws(t);
            if sp > 0 {
                return Some(1 + sp);
            }
        }
    }
    let after_bs = rest[lead..].trim_start_matches('\\');
    let dashes = after_bs.len()
        - after_bs
            .trim_start_matches(|c| c == '–' || (c == '-' && !no_hyphen))
            .len();
    if dashes > 0 {
        let n = rest.len() - after_bs.len() + dashes;
        return Some(n + ws(&rest[n..]));
    }
    None
}

/// The value split into parts and joiners (parts at even positions).
pub(super) fn split_joiners(s: &str, env: &NumEnv, no_hyphen: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        if let Some(n) = joiner_at(s, i, env.and_word, no_hyphen).filter(|n| *n > 0) {
            out.push(s[start..i].to_string());
            out.push(s[i..i + n].to_string());
            i += n;
            start = i;
        } else {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push(s[start..].to_string());
    out
}

/// citeproc-js's label matches in one part: `(^| )WORD(\.| ) *` where WORD
/// is one to four lower-case letters or a longer label word.
pub(super) fn label_matches(s: &str) -> (Vec<String>, Vec<String>) {
    const LONG: &[&str] = &[
        "subpara", "subch", "amend", "bibliog", "annot", "illus", "princ", "intro", "sched",
        "subdiv", "subsec",
    ];
    let b = s.as_bytes();
    let (mut pieces, mut matches) = (Vec::new(), Vec::new());
    let (mut last, mut i) = (0, 0);
    while i < b.len() {
        let start = i;
        let w = if i == 0 {
            0
        } else if b[i] == b' ' {
            1
        } else {
            usize::MAX
        };
        if w != usize::MAX {
            let word_start = i + w;
            let run = s[word_start..]
                .bytes()
                .take_while(u8::is_ascii_lowercase)
                .count();
            let word = &s[word_start..word_start + run];
            let next = b.get(word_start + run).copied();
            if run > 0
                && (run <= 4 || LONG.contains(&word))
                && matches!(next, Some(b'.') | Some(b' '))
            {
                let mut end = word_start + run + 1;
                while b.get(end) == Some(&b' ') {
                    end += 1;
                }
                pieces.push(s[last..start].to_string());
                matches.push(s[start..end].to_string());
                last = end;
                i = end;
                continue;
            }
        }
        i += s[i..].chars().next().map_or(1, char::len_utf8);
    }
    pieces.push(s[last..].to_string());
    (pieces, matches)
}

/// `^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$`: the particle
/// and the value.
pub(super) fn particle_split(val: &str) -> (String, String) {
    let value_ok =
        |t: &str| digits_then(t, |c| c == '-' || c == ',' || c.is_ascii_alphabetic()).is_some();
    let d = val.len() - val.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let l = val[d..].len()
        - val[d..]
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if l > 0 {
        let z = val[d + l..].len() - val[d + l..].trim_start_matches('0').len();
        for z in (0..=z).rev() {
            let cut = d + l + z;
            if value_ok(&val[cut..]) {
                return (val[..cut].to_string(), val[cut..].to_string());
            }
        }
    }
    (String::new(), val.to_string())
}

/// `^(?:[a-z]{1,4}\.  *)*[0-9]+[,a-zA-Z]+$`
pub(super) fn subsection_head(s: &str) -> bool {
    let mut t = s;
    loop {
        let run = t.bytes().take_while(u8::is_ascii_lowercase).count();
        if (1..=4).contains(&run) && t[run..].starts_with(". ") {
            t = t[run + 2..].trim_start_matches(' ');
        } else {
            break;
        }
    }
    digits_then(t, |c| c == ',' || c.is_ascii_alphabetic()).is_some_and(|r| !r.is_empty())
}
