//! The reference-string parser on hostile and oversized input: a parse in
//! bounded time, never a panic.

use std::time::{Duration, Instant};

use publist::cv::refstring::{parse, Hints};

/// Generous for a debug build on a shared 2-core machine: catches a blow-up
/// (quadratic behaviour), not a slowdown.
const BOUND: Duration = Duration::from_secs(20);

fn timed(text: &str) -> publist::cv::refstring::Parse {
    let t = Instant::now();
    let p = parse(text, &Hints::default());
    assert!(
        t.elapsed() < BOUND,
        "{:?} on {} bytes",
        t.elapsed(),
        text.len()
    );
    p
}

#[test]
fn ten_megabytes_of_each_kind_of_trouble() {
    // Load the model first: its one-time set-up is not what is measured.
    parse("Smith, J. (2020). Title. *Journal*.", &Hints::default());
    let mb = 10 * 1024 * 1024;
    for unit in [
        "*a ",
        "[",
        "“",
        "http://x",
        "10.1234/",
        "arXiv:",
        "Smith, J., ",
        "(((",
        "\\*",
        "_a_ ",
    ] {
        let text = unit.repeat(mb / unit.len());
        let p = timed(&text);
        assert!(
            p.doubts.iter().any(|d| d.field == "item"),
            "the cut is reported"
        );
    }
}

#[test]
fn a_long_but_real_item_is_read_whole() {
    let authors: Vec<String> = (0..300).map(|i| format!("Author{i}, A.")).collect();
    let text = format!("{} (2020). A title. *Journal*, 1, 1–2.", authors.join(", "));
    let p = timed(&text);
    assert!(!p.doubts.iter().any(|d| d.field == "item"));
}
