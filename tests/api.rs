//! The public API as embedders use it.

mod common;

use std::process::Command;

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn types_users_keep_are_send_and_sync() {
    assert_send_sync::<publist::Reference>();
    assert_send_sync::<publist::Parsed>();
    assert_send_sync::<publist::Library>();
    assert_send_sync::<publist::MergeReport>();
    assert_send_sync::<publist::Diagnostic>();
    assert_send_sync::<publist::Error>();
    assert_send_sync::<publist::bib::WriteOptions>();
    assert_send_sync::<publist::csl_json::CslItem>();
    #[cfg(feature = "csl")]
    {
        assert_send_sync::<publist::csl::Formatter>();
        assert_send_sync::<publist::csl::Processor>();
    }
}

#[test]
fn the_cv_to_bib_example_runs() {
    let out = std::env::temp_dir().join(format!("publist-cv-to-bib-{}.bib", std::process::id()));
    let status = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "cv_to_bib", "--"])
        .arg(&out)
        .args([
            "examples/data/cv/cv-2022.md",
            "examples/data/cv/cv-2025-06.md",
            "examples/data/cv/cv-2025-09.txt",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    common::assert_success(&status);
    let bib = std::fs::read_to_string(&out).unwrap();
    assert_eq!(bib.lines().filter(|l| l.starts_with('@')).count(), 96);
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(
        stderr.contains("possible duplicate, left apart"),
        "{stderr}"
    );
    assert!(stderr.ends_with(": 96 entries\n"), "{stderr}");
}

#[cfg(feature = "csl")]
#[test]
fn suppress_author_leaves_the_author_out_of_a_cite() {
    use publist::csl::{load_style, Cite, OutputFormat, Processor};
    let items = serde_json::json!([
        {"id": "a", "type": "book", "title": "A", "author": [{"family": "Doe", "given": "J."}], "issued": {"date-parts": [[2000]]}},
        {"id": "b", "type": "book", "title": "B", "author": [{"family": "Roe", "given": "R."}], "issued": {"date-parts": [[2001]]}}
    ]);
    let items = items.as_array().unwrap();
    let quiet = |id: &str| Cite {
        suppress_author: true,
        ..Cite::new(id)
    };
    for (style, full, suppressed) in [
        ("apa", "(Doe, 2000; Roe, 2001)", "(2000; Roe, 2001)"),
        (
            "chicago-author-date",
            "(Doe 2000; Roe 2001)",
            "(2000; Roe 2001)",
        ),
    ] {
        let p = Processor::new(
            load_style(style, None).unwrap(),
            &publist::hayagriva::archive::locales(),
            None,
        );
        let out = p.citations(
            items,
            &[vec![Cite::new("a"), Cite::new("b")]],
            OutputFormat::Text,
        );
        assert_eq!(out, [full], "{style}");
        let out = p.citations(
            items,
            &[vec![quiet("a"), Cite::new("b")]],
            OutputFormat::Text,
        );
        assert_eq!(out, [suppressed], "{style}");
    }
}
