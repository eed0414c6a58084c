//! The .bib round trip on arbitrary text: .bib → model → .bib → model is
//! stable. What the reader makes of the input, written (in either dialect)
//! and read again, is the same model, and writing that again gives the same
//! text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use publist::bib::{Dialect, WriteOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = publist::bib::read_bytes(data, "fuzz.bib") else {
        return;
    };
    for dialect in [Dialect::BibLatex, Dialect::BibTex] {
        let options = WriteOptions { dialect, ..Default::default() };
        let once = publist::bib::write(&parsed.references, &options);
        let back = publist::bib::read(&once, "once.bib");
        assert_eq!(back.references.len(), parsed.references.len(), "{once}");
        assert!(back.errors().next().is_none(), "{once}");
        let twice = publist::bib::write(&back.references, &options);
        let again = publist::bib::read(&twice, "twice.bib");
        assert_eq!(twice, publist::bib::write(&again.references, &options));
        for (a, b) in back.references.iter().zip(&again.references) {
            assert_eq!((&a.title, &a.authors, a.issued), (&b.title, &b.authors, b.issued), "{twice}");
        }
    }
});
