//! .bib import on arbitrary text, and the writer on what it read: no panic;
//! what we write we read back.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let parsed = publist::bib::read(text, "fuzz.bib");
        assert_eq!(parsed.items, parsed.references.len() + parsed.errors().count());
        let written = publist::bib::write(&parsed.references, &Default::default());
        let again = publist::bib::read(&written, "again.bib");
        assert_eq!(again.references.len(), parsed.references.len(), "{written}");
    }
});
