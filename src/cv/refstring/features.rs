//! The tagger's view of each token: its word, shape, punctuation, markup,
//! dictionary hits, position, and the same for its neighbours.
//!
//! The trainer (examples/train_refstring.rs) and the parser call the same
//! function, so a model and its features cannot drift apart.

use super::tokens::{
    Scanned, Token, BOLD, ID, ITALIC, LINE_START, LINK, QUOTED, SPACE_BEFORE, STAR,
};

/// Months in the languages lists are written in (prefix forms included).
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
];

/// Words of journal and proceedings names.
const VENUE_WORDS: &[&str] = &[
    "journal",
    "j",
    "proceedings",
    "proc",
    "conference",
    "conf",
    "symposium",
    "symp",
    "workshop",
    "review",
    "rev",
    "letters",
    "lett",
    "transactions",
    "trans",
    "annals",
    "ann",
    "bulletin",
    "bull",
    "quarterly",
    "acta",
    "international",
    "int",
    "intl",
    "society",
    "soc",
    "science",
    "sciences",
    "sci",
    "research",
    "res",
    "studies",
    "advances",
    "adv",
    "magazine",
    "mag",
    "zeitschrift",
    "revue",
    "revista",
    "archives",
    "arch",
    "communications",
    "commun",
    "reports",
    "rep",
    "nature",
    "physical",
    "phys",
    "chemistry",
    "chem",
    "biology",
    "biol",
    "medicine",
    "med",
    "ecology",
    "ecol",
    "psychology",
    "psychol",
    "linguistics",
    "ling",
    "engineering",
    "eng",
    "systems",
    "syst",
    "computing",
    "comput",
    "ieee",
    "acm",
    "american",
    "am",
    "european",
    "eur",
    "british",
    "br",
    "frontiers",
    "plos",
    "meeting",
    "congress",
    "forum",
    "series",
    "notes",
    "annual",
    "yearbook",
    "quarterly",
    "ser",
];

/// Words of publisher names.
const PUBLISHER_WORDS: &[&str] = &[
    "press",
    "publisher",
    "publishers",
    "publishing",
    "publications",
    "verlag",
    "editions",
    "éditions",
    "editorial",
    "springer",
    "elsevier",
    "wiley",
    "routledge",
    "sage",
    "pearson",
    "mcgraw-hill",
    "benjamins",
    "brill",
    "mouton",
    "gruyter",
    "blackwell",
    "academic",
    "university",
    "univ",
    "inc",
    "ltd",
    "co",
    "llc",
    "gmbh",
    "books",
    "taylor",
    "francis",
    "cambridge",
    "oxford",
    "mit",
    "princeton",
    "harvard",
    "chicago",
    "yale",
    "norton",
    "palgrave",
    "macmillan",
    "kluwer",
    "crc",
    "curran",
    "pmlr",
    "birkhäuser",
    "vieweg",
    "teubner",
    "nomos",
    "suhrkamp",
    "karger",
    "thieme",
    "lippincott",
    "saunders",
    "mosby",
];

/// Words of thesis and report genres.
const GENRE_WORDS: &[&str] = &[
    "thesis",
    "dissertation",
    "phd",
    "ph.d",
    "doctoral",
    "master's",
    "masters",
    "msc",
    "ma",
    "diploma",
    "habilitation",
    "report",
    "technical",
    "tech",
    "working",
    "paper",
    "preprint",
    "manuscript",
    "unpublished",
    "memo",
    "memorandum",
    "white",
    "discussion",
    "doktorarbeit",
];

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// A coarse shape: `Xx`, `x`, `X`, `d4`, `X.`, `Xx-Xx`, `d-d`, punctuation as itself.
fn shape(w: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    let mut digits = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            digits += 1;
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
        if out.len() > 8 {
            break;
        }
    }
    if out == "d" {
        out = format!("d{}", digits.min(6));
    }
    out
}

fn is_year(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
    digits.len() == 4
        && w.len() <= 5
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(digits.parse::<u32>(), Ok(1500..=2099))
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 6 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// The lower-case word of a token, for dictionary look-ups.
fn lower(w: &str) -> String {
    w.trim_end_matches('.').to_lowercase()
}

/// Features for every token of `scanned` (after identifiers were merged).
pub(crate) fn features(scanned: &Scanned) -> Vec<Vec<String>> {
    let tokens = &scanned.tokens;
    let n = tokens.len();
    let words: Vec<&str> = tokens.iter().map(|t| scanned.text(t)).collect();
    let lowers: Vec<String> = words.iter().map(|w| lower(w)).collect();
    let shapes: Vec<String> = tokens
        .iter()
        .zip(&words)
        .map(|(t, w)| {
            if t.has(ID) {
                "ID".to_string()
            } else {
                shape(w)
            }
        })
        .collect();
    let segments = segment_features(scanned, &words);
    let mut out = Vec::with_capacity(n);
    // Running counts: periods, commas, years and italic runs seen so far.
    let mut periods = 0usize;
    let mut commas = 0usize;
    let mut years = 0usize;
    let mut quotes_closed = 0usize;
    let mut italic_runs = 0usize;
    for i in 0..n {
        let t: &Token = &tokens[i];
        let w = words[i];
        let lw = &lowers[i];
        let mut f: Vec<String> = Vec::with_capacity(40);
        f.push("b".into());
        if t.has(ID) {
            f.push("id".into());
        } else if w.chars().any(char::is_alphabetic) {
            f.push(format!("w={lw}"));
            if lw.chars().count() > 4 {
                let suffix: String = lw
                    .chars()
                    .rev()
                    .take(3)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                f.push(format!("suf={suffix}"));
            }
        } else if w.chars().all(|c| !c.is_alphanumeric()) {
            f.push(format!("p={w}"));
        }
        f.push(format!("s={}", shapes[i]));
        if is_year(w) {
            f.push("year".into());
        }
        if super::tokens::is_dotted_initials(w)
            || (w.chars().count() <= 2
                && w.chars().all(char::is_uppercase)
                && w.chars().any(char::is_alphabetic))
        {
            f.push("init".into());
        }
        if is_roman(w) {
            f.push("roman".into());
        }
        if in_list(MONTHS, lw) {
            f.push("month".into());
        }
        if in_list(VENUE_WORDS, lw) {
            f.push("venue".into());
        }
        if in_list(PUBLISHER_WORDS, lw) {
            f.push("pub".into());
        }
        if in_list(GENRE_WORDS, lw) {
            f.push("genre".into());
        }
        if matches!(
            lw.as_str(),
            "de" | "van"
                | "von"
                | "der"
                | "den"
                | "da"
                | "di"
                | "du"
                | "del"
                | "della"
                | "le"
                | "la"
                | "ten"
                | "ter"
                | "dos"
                | "das"
        ) {
            f.push("particle".into());
        }
        if matches!(
            lw.as_str(),
            "ed" | "eds" | "editor" | "editors" | "hrsg" | "hg" | "dir" | "coord" | "edited"
        ) {
            f.push("edword".into());
        }
        if matches!(
            lw.as_str(),
            "pp" | "p" | "pages" | "page" | "s" | "pg" | "art" | "article"
        ) {
            f.push("pgword".into());
        }
        if matches!(
            lw.as_str(),
            "vol" | "volume" | "vols" | "bd" | "jg" | "t" | "tome" | "band"
        ) {
            f.push("volword".into());
        }
        if matches!(
            lw.as_str(),
            "no" | "nr" | "issue" | "number" | "num" | "iss" | "heft" | "n"
        ) {
            f.push("noword".into());
        }
        if matches!(lw.as_str(), "in" | "dans" | "en" | "im") {
            f.push("inword".into());
        }
        if matches!(lw.as_str(), "and" | "&" | "und" | "et" | "y" | "e" | "with") {
            f.push("andword".into());
        }
        if matches!(lw.as_str(), "al" | "others") {
            f.push("alword".into());
        }
        if matches!(
            lw.as_str(),
            "ed" | "edn"
                | "edition"
                | "aufl"
                | "éd"
                | "ed."
                | "1st"
                | "2nd"
                | "3rd"
                | "4th"
                | "5th"
                | "6th"
        ) {
            f.push("editionword".into());
        }
        for (flag, name) in [
            (ITALIC, "it"),
            (BOLD, "bold"),
            (QUOTED, "q"),
            (LINK, "link"),
            (STAR, "star"),
            (LINE_START, "ls"),
        ] {
            if t.has(flag) {
                f.push(name.into());
            }
        }
        if !t.has(SPACE_BEFORE) {
            f.push("nosp".into());
        }
        let first_char = w.chars().next().unwrap_or(' ');
        if first_char.is_uppercase() {
            f.push("cap".into());
        }
        if w.chars().all(|c| c.is_ascii_digit()) {
            f.push(format!("num{}", w.len().min(5)));
        }
        // Position and running counts.
        f.push(format!("pos={}", (i * 8) / n.max(1)));
        if i == 0 {
            f.push("first".into());
        }
        if i + 1 == n {
            f.push("last".into());
        }
        f.push(format!("dots={}", periods.min(6)));
        f.push(format!("commas={}", commas.min(6)));
        f.push(format!("years={}", years.min(2)));
        f.push(format!("qc={}", quotes_closed.min(1)));
        f.push(format!("itr={}", italic_runs.min(2)));
        // Neighbours.
        for d in [-2i32, -1, 1, 2] {
            let j = i as i32 + d;
            if j < 0 || j >= n as i32 {
                f.push(format!("{d}:none"));
                continue;
            }
            let j = j as usize;
            f.push(format!("{d}:s={}", shapes[j]));
            if d.abs() == 1 {
                let wj = words[j];
                if tokens[j].has(ID) {
                    f.push(format!("{d}:id"));
                } else if wj.chars().any(char::is_alphanumeric) {
                    if !wj.chars().all(|c| c.is_ascii_digit()) {
                        f.push(format!("{d}:w={}", lowers[j]));
                    }
                } else {
                    f.push(format!("{d}:p={wj}"));
                }
                for (flag, name) in [(ITALIC, "it"), (QUOTED, "q"), (BOLD, "bold")] {
                    if tokens[j].has(flag) != t.has(flag) {
                        f.push(format!("{d}:{name}change"));
                    }
                }
                if is_year(wj) {
                    f.push(format!("{d}:year"));
                }
            }
        }
        if i >= 1 && i + 1 < n {
            f.push(format!("pn={}|{}", shapes[i - 1], shapes[i + 1]));
        }
        f.extend(segments[i].iter().cloned());
        // Update the running counts after this token.
        match w {
            "." => periods += 1,
            "," => commas += 1,
            "”" | "»" => quotes_closed += 1,
            "\"" if t.has(QUOTED) || (i > 0 && tokens[i - 1].has(QUOTED)) => quotes_closed += 1,
            _ => {}
        }
        if is_year(w) {
            years += 1;
        }
        if t.has(ITALIC) && (i == 0 || !tokens[i - 1].has(ITALIC)) {
            italic_runs += 1;
        }
        out.push(f);
    }
    out
}

/// Function words a title-case name leaves in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from", "de", "du",
    "des", "la", "le", "der", "die", "und", "für", "y", "e", "&",
];

/// What the sentence (the text between two periods) a token stands in looks
/// like: its length, whether it is in title case, whether numbers follow,
/// and how far from the end it is. A journal name after a title (`Title.
/// Fish and Fisheries. 114(12): 3252.`) is a short title-case sentence before
/// the numbers.
fn segment_features(scanned: &Scanned, words: &[&str]) -> Vec<Vec<String>> {
    let n = words.len();
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        let end_here = matches!(*w, "." | "?" | "!") && !scanned.tokens[i].has(QUOTED);
        if end_here || i + 1 == n {
            bounds.push((start, i));
            start = i + 1;
        }
    }
    let total = bounds.len();
    let mut out = vec![Vec::new(); n];
    for (k, &(a, b)) in bounds.iter().enumerate() {
        let content: Vec<&str> = words[a..=b]
            .iter()
            .copied()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let len = content.len();
        let len_bucket = match len {
            0 => "0",
            1 => "1",
            2 => "2",
            3 => "3",
            4..=6 => "4-6",
            7..=10 => "7-10",
            _ => "11+",
        };
        let caps = content
            .iter()
            .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let digits = words[a..=b]
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()));
        let next_digits = bounds.get(k + 1).is_some_and(|&(c, _)| {
            words[c]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_ascii_digit())
        });
        let from_end = (total - 1 - k).min(3);
        let mut f = vec![
            format!("seglen={len_bucket}"),
            format!("segk={}", k.min(4)),
            format!("segend={from_end}"),
        ];
        if caps && len > 0 {
            f.push(format!("segcaps{len_bucket}"));
        }
        if digits {
            f.push("segdigits".into());
        }
        if next_digits {
            f.push("segnextnum".into());
        }
        for slot in out.iter_mut().take(b + 1).skip(a) {
            slot.clone_from(&f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Nature"), "Xx");
        assert_eq!(shape("2019"), "d4");
        assert_eq!(shape("S.C."), "X.X.");
        assert_eq!(shape("e0130140"), "xd");
        assert!(is_year("2019a") && !is_year("20191") && !is_year("0123"));
    }
}
