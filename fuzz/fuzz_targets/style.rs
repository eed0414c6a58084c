//! Style loading and rendering: arbitrary CSL XML, rendering two references.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else { return };
    let dir = std::env::temp_dir().join(format!("publist-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("s.csl");
    if std::fs::write(&path, xml).is_err() {
        return;
    }
    if let Ok(style) = publist::csl::load_style(path.to_str().unwrap_or(""), None) {
        let refs = publist::parse::cv(
            "## Journal Articles\n1. Bach S and Samek W (2015). \"T\". In: *PLoS ONE* 10(7):e0130140\n2. de Lange T (2016). \"U\". In: *J* 1:1-2\n",
            "s.md",
        )
        .references;
        let _ = publist::csl::Formatter::new(style).bibliography(&refs);
    }
});
