//! The LaTeX, HTML, markdown and text front ends on large hostile input: a
//! result in bounded time, every item accounted for, never a panic. Sizes are
//! 1 MB by default (seconds in a debug build); `benches/cv_limits.sh` runs
//! them at 10 MB in a release build and prints the timings (BENCHMARKS.md).
//! Timings are not asserted beyond a bound that catches a blow-up.

use std::time::{Duration, Instant};

/// Generous for a debug build on a shared 2-core machine: catches quadratic
/// behaviour or a hang, not a slowdown.
const BOUND: Duration = Duration::from_secs(60);

/// The size of the large inputs: `PUBLIST_LIMIT_MB` megabytes (1 by default).
fn big() -> usize {
    let mb = std::env::var("PUBLIST_LIMIT_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1);
    mb.max(1) * 1024 * 1024
}

/// The other hostile shapes: a fifth of that.
fn small() -> usize {
    big() / 5
}

fn repeat_to(piece: &str, size: usize) -> String {
    piece.repeat(size / piece.len() + 1)
}

/// Sections and entries in bounded time; the fields of the first
/// 64 KiB's items, every one accounted for.
fn check(name: &str, text: &str) {
    let t = Instant::now();
    let e = publist::cv::entries(text, name);
    let took = t.elapsed();
    eprintln!(
        "{name}: {:.1} MB, {} entries, {:?}",
        text.len() as f64 / 1e6,
        e.entries.len(),
        took
    );
    assert!(took < BOUND, "{name}: {took:?}");
    let mut cut = text.len().min(64 << 10);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let p = publist::cv::read(&text[..cut], name);
    assert_eq!(p.items, p.references.len() + p.errors().count(), "{name}");
}

#[test]
fn latex_large_and_hostile() {
    let items = repeat_to(
        "\\section{\\sc Publications}\n\\begin{enumerate}\n\\item Doe J (2021). ``T''. In: \\emph{J} 3:1--10 % c\n\\item \\href{http://x}{\\textbf{${}^\\dag$Roe}} {\\em X} \\'e\\\"o\n\\end{enumerate}\n",
        big(),
    );
    check("items.tex", &items);
    // Unclosed groups and commands everywhere, and deep nesting.
    check(
        "open.tex",
        &repeat_to("\\section{\\item[{\\href{\\begin{x", big()),
    );
    check(
        "deep.tex",
        &format!(
            "\\section{{Publications}}\\begin{{itemize}}\\item {}x{}",
            "{".repeat(big() / 2),
            "}".repeat(big() / 2)
        ),
    );
    check(
        "dollars.tex",
        &repeat_to("\\item $ {\\bf $ \\\\ % $\n", small()),
    );
}

#[cfg(feature = "html")]
#[test]
fn html_large_and_hostile() {
    let items = repeat_to(
        "<h2>Publications</h2><ol><li><b>Doe J</b> (2021). \"T\". In: <i>J</i> 3:1-10<br><a href=\"u\">x</a></li></ol>\n",
        big(),
    );
    check("items.html", &items);
    check(
        "nested.html",
        &format!(
            "<h2>Publications</h2>{}x",
            "<div><ul><li><b><a href=x>".repeat(small() / 26)
        ),
    );
    check("open.html", &repeat_to("<p <li <!-- <script>", small()));
}

#[test]
fn markdown_and_text_large_and_hostile() {
    check(
        "deep.md",
        &format!(
            "## Publications\n\n{}1. Doe J (2021). \"T\".\n",
            "> - ".repeat(small() / 4)
        ),
    );
    check(
        "defs.md",
        &repeat_to("## Publications\n2017\n:    Doe J. T. J. 1.\n\n", small()),
    );
    check(
        "one-line.txt",
        &format!(
            "PUBLICATIONS\n{}",
            "Doe, J. (2021). T. J, 1. ".repeat(small() / 25)
        ),
    );
    check(
        "lines.txt",
        &repeat_to("Doe, J. (2021). T. Journal, 1.\n", big()),
    );
}

mod random {
    use proptest::prelude::*;

    /// Pieces of the syntaxes the front ends read, shuffled into any order.
    const PIECES: &[&str] = &[
        "\\section{",
        "\\section*{\\sc Publications}",
        "}",
        "{",
        "\\begin{enumerate}",
        "\\end{enumerate}",
        "\\begin{thebibliography}{9}",
        "\\bibitem[",
        "]{k}",
        "\\item",
        "\\item[",
        "%",
        "\\%",
        "\n",
        "\n\n",
        "$",
        "${}^\\dag$",
        "\\href{",
        "\\emph{",
        "\\'",
        "\\\"{o}",
        "\\cventry{2020}{",
        "\\\\",
        "~",
        "--",
        "<h2>",
        "</h2>",
        "<li>",
        "</li>",
        "<ol start=\"x\">",
        "</ol>",
        "<p>",
        "<br>",
        "<a href=\"u\">",
        "</a>",
        "<em>",
        "</em>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "<title>",
        "</title>",
        "## Publications",
        "### 2024",
        "1. ",
        "[J5] ",
        "- ",
        ":    ",
        "2017",
        "**",
        "*",
        "Doe J (2021). \"T\". In: J 1:1",
        "Roe, R. 2019. Title. Journal 3.",
        "é",
        "\r",
    ];

    /// The syntaxes of this build (HTML needs the `html` feature).
    const EXTENSIONS: &[&str] = if cfg!(feature = "html") {
        &["a.tex", "a.html", "a.md", "a.txt"]
    } else {
        &["a.tex", "a.md", "a.txt"]
    };

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_mix_is_read_and_accounted(picks in prop::collection::vec(0..PIECES.len(), 0..80),
                                         ext in prop::sample::select(EXTENSIONS.to_vec())) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let e = publist::cv::entries(&text, ext);
            let lines = text.matches(['\n', '\r']).count() + 1;
            for entry in &e.entries {
                prop_assert!(entry.line >= 1 && entry.line <= lines, "{:?}", entry);
                prop_assert_eq!(entry.text.len(), entry.lines.len());
            }
            let p = publist::cv::read(&text, ext);
            prop_assert_eq!(p.items, e.entries.len());
            prop_assert_eq!(p.items, p.references.len() + p.errors().count());
        }
    }
}
