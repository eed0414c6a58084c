//! Text-case transformations (CSL 1.0.2 "Text-case"), on output nodes so that
//! `nocase` spans stay as written. Words with capitals inside ("iNNvestigate",
//! "NeurIPS", "PLoS") are never lowercased by title case; sentence case
//! lowers every word after the first, as citeproc-js does.

use hayagriva::citationberg::TextCase;

use super::{plain, Node};

/// English stop words title case leaves in lower case (the spec's list).
/// A stop word of title case (also skipped by citeproc-js's citation labels).
pub(crate) fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w.to_lowercase().as_str())
}

const STOP_WORDS: &[&str] = &[
    // The spec's list, and the words of citeproc-js's SKIP_WORDS (name
    // particles "de", "d'", "von", "van" included) that are single words.
    "al",
    "c",
    "ca",
    "d'",
    "de",
    "et",
    "v",
    "v.",
    "van",
    "vis-à-vis",
    "von",
    "vs.",
    "a",
    "about",
    "above",
    "across",
    "afore",
    "after",
    "against",
    "along",
    "alongside",
    "amid",
    "amidst",
    "among",
    "amongst",
    "an",
    "and",
    "anenst",
    "apropos",
    "apud",
    "around",
    "as",
    "aside",
    "astride",
    "at",
    "athwart",
    "atop",
    "barring",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "but",
    "by",
    "circa",
    "despite",
    "down",
    "during",
    "except",
    "for",
    "forenenst",
    "from",
    "given",
    "in",
    "inside",
    "into",
    "lest",
    "like",
    "modulo",
    "near",
    "next",
    "nor",
    "notwithstanding",
    "of",
    "off",
    "on",
    "onto",
    "or",
    "out",
    "over",
    "per",
    "plus",
    "pro",
    "qua",
    "sans",
    "since",
    "so",
    "than",
    "the",
    "through",
    "thru",
    "throughout",
    "thruout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "until",
    "unto",
    "up",
    "upon",
    "versus",
    "via",
    "vs",
    "with",
    "within",
    "without",
    "yet",
];

struct State {
    case: TextCase,
    english: bool,
    /// Turkish or Azerbaijani: dotted and dotless i case apart.
    turkic: bool,
    /// At the start of the text, or after a colon/full stop that opens a new phrase.
    word_start: bool,
    first_word: bool,
    after_colon: bool,
}

pub(crate) fn apply_case(nodes: Vec<Node>, case: TextCase, english: bool) -> Vec<Node> {
    apply_case_in(nodes, case, english, false)
}

/// [`apply_case`] for text in a Turkic language (`turkic`): "i" upper-cases
/// to "İ" and "I" lower-cases to "ı", as citeproc-js's locale-aware
/// toLocaleUpperCase with the item's language.
pub(crate) fn apply_case_in(
    nodes: Vec<Node>,
    case: TextCase,
    english: bool,
    turkic: bool,
) -> Vec<Node> {
    if matches!(case, TextCase::TitleCase) && !english {
        return nodes;
    }
    let mut st = State {
        case,
        english,
        turkic,
        word_start: true,
        first_word: true,
        after_colon: false,
    };
    let total_words = count_words(&nodes);
    let mut seen_words = 0usize;
    walk(nodes, &mut st, &mut seen_words, total_words)
}

fn count_words(nodes: &[Node]) -> usize {
    plain(nodes)
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn walk(nodes: Vec<Node>, st: &mut State, seen: &mut usize, total: usize) -> Vec<Node> {
    nodes
        .into_iter()
        .map(|n| match n {
            Node::Text(t) => Node::Text(transform(&t, st, seen, total)),
            Node::Tagged(tag, c) => Node::Tagged(tag, walk(c, st, seen, total)),
            Node::Quoted(k, c) => Node::Quoted(k, walk(c, st, seen, total)),
            Node::NoCase(c) => {
                // Words inside count as words but are left alone.
                let words = count_words(&c);
                *seen += words;
                if words > 0 {
                    st.first_word = false;
                    st.after_colon = false;
                }
                st.word_start = plain(&c).ends_with(char::is_whitespace);
                Node::NoCase(c)
            }
        })
        .collect()
}

fn transform(text: &str, st: &mut State, seen: &mut usize, total: usize) -> String {
    match st.case {
        TextCase::Lowercase if st.turkic => {
            return text.replace('I', "ı").replace('İ', "i").to_lowercase();
        }
        TextCase::Uppercase if st.turkic => return text.replace('i', "İ").to_uppercase(),
        TextCase::Lowercase => return text.to_lowercase(),
        TextCase::Uppercase => return text.to_uppercase(),
        _ => {}
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, st: &mut State, seen: &mut usize| {
        if word.is_empty() {
            return;
        }
        let has_alnum = word.chars().any(char::is_alphanumeric);
        if has_alnum {
            *seen += 1;
        }
        let is_last = *seen == total;
        out.push_str(&case_word(word, st, is_last));
        if has_alnum {
            st.first_word = false;
            st.after_colon = word.ends_with(':') || word.ends_with('?') || word.ends_with('!');
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_whitespace() {
            flush(&mut word, &mut out, st, seen);
            out.push(c);
            st.word_start = true;
        } else {
            word.push(c);
        }
    }
    // A word cut by a node boundary ("<i>Word</i>s") is finished here.
    flush(&mut word, &mut out, st, seen);
    out
}

fn upper_first(w: &str) -> String {
    let mut cs = w.chars();
    // Skip leading punctuation such as quotes or parentheses.
    let mut out = String::new();
    let mut done = false;
    for c in cs.by_ref() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else if !done && c.is_numeric() {
            // "41st" stays: the word starts with a number.
            done = true;
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out
}

fn is_lower_word(w: &str) -> bool {
    !w.chars().any(char::is_uppercase)
}

fn case_word(word: &str, st: &State, is_last: bool) -> String {
    match st.case {
        TextCase::CapitalizeFirst => {
            if st.first_word && is_lower_word(word) {
                upper_first(word)
            } else {
                word.to_string()
            }
        }
        TextCase::CapitalizeAll => {
            if is_lower_word(word) {
                upper_first(word)
            } else {
                word.to_string()
            }
        }
        // citeproc-js's sentence: the first word capitalised, every other
        // word in lower case (nocase spans stay as written).
        TextCase::SentenceCase => {
            if st.first_word {
                upper_first(word)
            } else {
                word.to_lowercase()
            }
        }
        TextCase::TitleCase if word.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            title_case_plain(word, st, is_last)
        }
        TextCase::TitleCase => title_case_parts(word, st, is_last),
        _ => word.to_string(),
    }
}

/// [`title_case_parts`] of a word of ASCII letters and digits (most
/// words), without splitting it: one part, its own first and last.
fn title_case_plain(w: &str, st: &State, is_last: bool) -> String {
    let edge = st.first_word || is_last || st.after_colon;
    let kept = w
        .bytes()
        .any(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        || (w.len() == 1 && !(st.first_word || st.after_colon))
        || (!edge && STOP_WORDS.contains(&w));
    if kept {
        w.to_string()
    } else {
        upper_first(w)
    }
}

/// A word in title case, each of its parts on its own.
fn title_case_parts(word: &str, st: &State, is_last: bool) -> String {
    let _ = st.english;
    // Words already in capitals stay (citeproc-js: "UK", "OC 1").
    let w = word;
    // Parts of a word between hyphens, dashes, slashes, periods,
    // brackets and inner punctuation: each on its own, as
    // citeproc-js's title case splits words at them
    // ("Scientist–Practitioner", "WRAL.Com", "8(b)(4)(Ii)").
    const SEPS: &[char] = &[
        '-', '–', '—', '/', '.', ',', ';', '?', '!', ':', '(', ')', '[', ']',
    ];
    let parts: Vec<&str> = w.split(SEPS).collect();
    let seps: Vec<char> = w.chars().filter(|c| SEPS.contains(c)).collect();
    let first = parts.iter().position(|p| !p.is_empty());
    let last = parts.iter().rposition(|p| !p.is_empty());
    let compound = parts.iter().filter(|p| !p.is_empty()).count() > 1;
    let mut out = String::with_capacity(w.len());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.extend(seps.get(i - 1));
        }
        if p.is_empty() {
            continue;
        }
        let head = Some(i) == first;
        let core: String = p
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let stop = STOP_WORDS.contains(&core.as_str());
        // In compounds, a stop word opening the compound is capitalised
        // ("Pro-Environmental"); inside it is not ("Out-of-Distribution").
        let edge = (head && (compound || st.first_word))
            || (is_last && Some(i) == last)
            || (st.after_colon && head);
        // A lone letter is capitalised only as the title's first
        // word, after a colon or before a hyphen ("X-Ray"; "d/b/a",
        // "07-x" stay), a lone Greek letter never ("of β"), and a
        // part with a digit stays ("3d-Printing"), as citeproc-js does.
        let mut letters = core.chars();
        let lone = match (letters.next(), letters.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        let lone_kept = lone.is_some_and(|c| {
            ('\u{0370}'..='\u{03FF}').contains(&c)
                || !((head && (st.first_word || st.after_colon)) || seps.get(i) == Some(&'-'))
        });
        let has_digit = p.chars().any(|c| c.is_ascii_digit());
        if !is_lower_word(p) || (stop && !edge) || lone_kept || has_digit {
            out.push_str(p);
        } else {
            out.push_str(&upper_first(p));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str, c: TextCase) -> String {
        plain(&apply_case(vec![Node::text(s)], c, true))
    }

    #[test]
    fn title_case_keeps_inner_capitals_and_stop_words() {
        assert_eq!(
            t(
                "iNNvestigate neural networks at NeurIPS and PLoS one",
                TextCase::TitleCase
            ),
            "iNNvestigate Neural Networks at NeurIPS and PLoS One"
        );
        assert_eq!(
            t("the war of the worlds", TextCase::TitleCase),
            "The War of the Worlds"
        );
        assert_eq!(t("what is it for", TextCase::TitleCase), "What Is It For");
        assert_eq!(
            t("human-understandable explanations", TextCase::TitleCase),
            "Human-Understandable Explanations"
        );
        // Capitals stay, as citeproc-js 2.4.63 prints them (checked with it).
        assert_eq!(
            t("ALL CAPS TITLE OF THINGS", TextCase::TitleCase),
            "ALL CAPS TITLE OF THINGS"
        );
        assert_eq!(t("UK", TextCase::TitleCase), "UK");
        // Lone letters, Greek letters and digits, as citeproc-js 2.4.63 prints them.
        for (input, cjs) in [
            (
                "saline solution of β-carotine",
                "Saline Solution of β-Carotine",
            ),
            ("07-x test", "07-x Test"),
            ("a 3d-printing guide", "A 3d-Printing Guide"),
            (
                "covid-19 in cat/mouse models",
                "Covid-19 in Cat/Mouse Models",
            ),
            ("a-b test", "A-b Test"),
            ("x-ray vision", "X-Ray Vision"),
            ("the t-cell", "The T-Cell"),
            ("07-xy", "07-Xy"),
            ("in x", "In x"),
            ("a x b", "A x b"),
            ("β decay", "β Decay"),
        ] {
            assert_eq!(t(input, TextCase::TitleCase), cjs, "{input}");
        }
    }

    #[test]
    fn capitalize_first_leaves_mixed_case_words() {
        assert_eq!(
            t("arXiv preprint", TextCase::CapitalizeFirst),
            "arXiv preprint"
        );
        assert_eq!(t("edited by", TextCase::CapitalizeFirst), "Edited by");
        assert_eq!(t("edited by", TextCase::CapitalizeAll), "Edited By");
        assert_eq!(t("A TITLE", TextCase::SentenceCase), "A title");
    }

    #[test]
    fn a_plain_word_takes_title_case_as_its_parts_would() {
        let words = [
            "a", "A", "x", "of", "Of", "the", "and", "word", "Word", "WORD", "iPhone", "3d", "x2",
            "on", "from", "between", "via", "to", "in", "as", "vs", "B2B", "zz",
        ];
        for w in words {
            for bits in 0..8u8 {
                let st = State {
                    case: TextCase::TitleCase,
                    english: true,
                    turkic: false,
                    word_start: true,
                    first_word: bits & 1 != 0,
                    after_colon: bits & 2 != 0,
                };
                let is_last = bits & 4 != 0;
                assert_eq!(
                    title_case_plain(w, &st, is_last),
                    title_case_parts(w, &st, is_last),
                    "{w} {bits}"
                );
            }
        }
    }
}
