//! CSL-JSON import on arbitrary text: no panic; what we write we read back.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(parsed) = publist::csl_json::read(text, "fuzz.json") {
            let json = publist::csl_json::write(&parsed.references);
            let again = publist::csl_json::read(&json, "again.json").expect("our own CSL-JSON");
            assert_eq!(again.references.len(), parsed.references.len());
        }
    }
});
