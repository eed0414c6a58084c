//! The reference-string parser: any text gives a parse (maybe with an empty
//! title and doubts), never a panic, in bounded time.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let p = publist::cv::refstring::parse(text, &Default::default());
        // The parse serialises (public types are Serialize).
        let _ = serde_json::to_string(&p).unwrap();
    }
});
