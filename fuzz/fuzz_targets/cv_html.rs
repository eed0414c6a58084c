//! The CV reader's HTML front end on arbitrary text: no panic, every entry
//! accounted for, entries at lines of the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Bare carriage returns end lines too for the HTML tokenizer.
    let lines = text.matches(['\n', '\r']).count() + 1;
    let e = publist::cv::entries(text, "fuzz.html");
    for entry in &e.entries {
        assert!(entry.line >= 1 && entry.line <= lines, "{entry:?}");
        assert_eq!(entry.text.len(), entry.lines.len());
    }
    let parsed = publist::cv::read(text, "fuzz.html");
    assert_eq!(parsed.items, e.entries.len());
    assert_eq!(parsed.items, parsed.references.len() + parsed.errors().count());
});
