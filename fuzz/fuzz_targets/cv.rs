//! The CV reader and the merge on arbitrary bytes: no panic, every item accounted for.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = publist::cv::read_bytes(data, "fuzz.md") {
        assert_eq!(parsed.items, parsed.references.len() + parsed.errors().count());
        let refs = parsed.references;
        let n = refs.len();
        let lib = publist::Library::merge(refs);
        assert!(lib.records.len() <= n);
        assert_eq!(lib.report.items.len(), lib.records.iter().map(|r| r.sources.len()).sum::<usize>());
    }
});
