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
        let refs = publist::cv::read(
            "## Journal Articles\n1. Bach S and Samek W (2015). \"T\". In: *PLoS ONE* 10(7):e0130140\n2. de Lange T (2016). \"U\". In: *J* 1:1-2\n",
            "s.md",
        )
        .references;
        // publist's processor (bibliography and citations), then hayagriva's.
        let items: Vec<serde_json::Value> = refs
            .iter()
            .enumerate()
            .map(|(i, r)| serde_json::to_value(publist::csl_json::to_csl(r, &format!("k{i}"))).unwrap_or_default())
            .collect();
        let p = publist::csl::Processor::new(style.clone(), &[], None);
        let cites = [vec![publist::csl::Cite::new("k0"), publist::csl::Cite::new("k1")], vec![publist::csl::Cite::new("k0")]];
        let _ = p.citations(&items, &cites, publist::csl::OutputFormat::Html);
        let f = publist::csl::Formatter::new(style);
        let _ = f.bibliography(&refs);
        let _ = f.with_engine(publist::csl::Engine::Hayagriva).bibliography(&refs);
    }
});
