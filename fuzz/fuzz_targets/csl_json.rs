//! CSL-JSON import on arbitrary text: no panic; what we write we read back.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(parsed) = publist::parse::csl_json(text, "fuzz.json") {
            let json = publist::csl::to_csl_json(&parsed.references);
            let again = publist::parse::csl_json(&json, "again.json").expect("our own CSL-JSON");
            assert_eq!(again.references.len(), parsed.references.len());
        }
    }
});
