//! .bib and CSL-JSON in and out without loss: one fixture per failure class
//! of real libraries (tests/fixtures/bib/lossless), and round trips over the
//! real libraries of ../shared/bib (skipped with a notice when absent).

use publist::bib::{self, Dialect, WriteOptions};
use publist::model::Original;
use publist::{Code, Reference};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let p = format!(
        "{}/tests/fixtures/bib/lossless/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn read(name: &str) -> publist::Parsed {
    bib::read(&fixture(name), name)
}

fn by_key<'a>(refs: &'a [Reference], key: &str) -> &'a Reference {
    refs.iter()
        .find(|r| r.sources[0].key.as_deref() == Some(key))
        .unwrap_or_else(|| panic!("no {key}"))
}

fn write(refs: &[Reference], dialect: Dialect) -> String {
    bib::write(
        refs,
        &WriteOptions {
            dialect,
            ..Default::default()
        },
    )
}

/// The CSL-JSON items of `refs`, by id.
fn csl(refs: &[Reference]) -> serde_json::Map<String, Value> {
    let items: Vec<Value> = serde_json::from_str(&publist::csl_json::write(refs)).unwrap();
    items
        .into_iter()
        .map(|i| (i["id"].as_str().unwrap().to_string(), i))
        .collect()
}

/// An entry of a written .bib file, as our reader keeps it.
fn entry(text: &str, key: &str) -> publist::model::BibEntry {
    let parsed = bib::read(text, "out.bib");
    match &by_key(&parsed.references, key).original {
        Some(Original::Bib(e)) => (**e).clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn theses_keep_their_university_and_type_and_reports_their_institution() {
    let refs = read("theses-reports.bib").references;
    let items = csl(&refs);
    assert_eq!(items["okafor2019"]["type"], "thesis");
    assert_eq!(items["okafor2019"]["publisher"], "University of Lagos");
    assert_eq!(items["okafor2019"]["genre"], "PhD thesis");
    assert_eq!(items["lind2021"]["genre"], "Master's thesis");
    assert_eq!(items["lind2021"]["publisher-place"], "Uppsala");
    assert_eq!(items["berg2020"]["publisher"], "Stockholm University");
    assert_eq!(items["ruiz2018"]["type"], "report");
    assert_eq!(
        items["ruiz2018"]["publisher"],
        "Institute for Coastal Studies"
    );
    assert_eq!(items["ruiz2018"]["number"], "TR-2018-07");

    // BibLaTeX as biber reads BibTeX: @thesis with type and institution.
    let biblatex = write(&refs, Dialect::BibLatex);
    let e = entry(&biblatex, "okafor2019");
    assert_eq!(e.entry_type, "thesis");
    assert_eq!(e.get("type"), Some("{phdthesis}"));
    assert_eq!(e.get("institution"), Some("{University of Lagos}"));
    assert_eq!(entry(&biblatex, "ruiz2018").entry_type, "report");
    assert_eq!(
        entry(&biblatex, "ruiz2018").get("institution"),
        Some("{Institute for Coastal Studies}")
    );
    // BibTeX: back to @phdthesis with school, the thesis type implied.
    let bibtex = write(&refs, Dialect::BibTex);
    let e = entry(&bibtex, "berg2020");
    assert_eq!(e.entry_type, "phdthesis");
    assert_eq!(e.get("school"), Some("{Stockholm University}"));
    assert_eq!(e.get("type"), None);
    assert_eq!(e.get("year"), Some("{2020}"));
    assert_eq!(e.get("month"), Some("{5}"));
    assert_eq!(entry(&bibtex, "ruiz2018").entry_type, "techreport");
}

#[test]
fn every_field_is_written_back_as_read_in_both_dialects() {
    let parsed = read("biblatex-fields.bib");
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    for dialect in [Dialect::BibLatex, Dialect::BibTex] {
        let text = write(&parsed.references, dialect);
        for r in &parsed.references {
            let Some(Original::Bib(original)) = &r.original else {
                panic!()
            };
            let out = entry(&text, &original.key);
            for (name, value) in &original.fields {
                let renamed = match (dialect, name.as_str()) {
                    (Dialect::BibTex, "location") => "address",
                    (Dialect::BibTex, "eprinttype") => "archiveprefix",
                    (Dialect::BibTex, "eprintclass") => "primaryclass",
                    _ => name.as_str(),
                };
                if dialect == Dialect::BibTex && name == "date" {
                    continue; // year/month (and the date itself when a range)
                }
                // BibTeX output is ASCII: UTF-8 letters become accent commands.
                let decoded = |v: &str| publist::text::latex::to_unicode(v);
                assert_eq!(
                    out.get(renamed).map(decoded),
                    Some(decoded(value)),
                    "{dialect:?} {} {name}\n{text}",
                    original.key
                );
                if dialect == Dialect::BibLatex {
                    assert_eq!(out.get(renamed), Some(value.as_str()));
                }
            }
        }
        // Ranges stay whole in BibTeX output too, beside year and month.
        let e = entry(&text, "nakamura2022");
        assert_eq!(e.get("date"), Some("{2022-09-12/2022-09-14}"));
        if dialect == Dialect::BibTex {
            assert_eq!(e.get("year"), Some("{2022}"));
        }
    }
    // Several ISBNs: all of them.
    let sappho = by_key(&parsed.references, "sappho");
    assert_eq!(sappho.ids.isbn.len(), 2);
}

#[test]
fn biblatex_fields_map_to_csl_variables() {
    let refs = read("biblatex-fields.bib").references;
    let items = csl(&refs);
    let s = &items["sappho"];
    assert_eq!(s["title"], "Gedichte: Griechisch und deutsch");
    assert_eq!(s["translator"][0]["family"], "Bauer");
    assert_eq!(s["edition"], "2");
    assert_eq!(s["language"], "ngerman");
    assert_eq!(s["keyword"], "poetry, antiquity");
    assert_eq!(s["abstract"], "Alle erhaltenen Fragmente, neu übersetzt.");
    assert_eq!(s["ISBN"], "978-3-15-018707-4 978-3-15-010732-4");
    let n = &items["nakamura2022"];
    assert_eq!(n["event-title"], "WRT 2022");
    assert_eq!(n["event-place"], "Kyoto");
    assert_eq!(
        n["event-date"]["date-parts"],
        serde_json::json!([[2022, 9, 12], [2022, 9, 14]])
    );
    assert_eq!(
        n["issued"]["date-parts"],
        serde_json::json!([[2022, 9, 12], [2022, 9, 14]])
    );
    assert_eq!(
        n["accessed"]["date-parts"],
        serde_json::json!([[2023, 1, 5]])
    );
    assert_eq!(n["title-short"], "Rough Paths");
    assert_eq!(n["custom"]["arxiv"], "2209.01234");
    let e = &items["essay"];
    assert_eq!(e["type"], "chapter");
    assert_eq!(e["container-author"][0]["family"], "Collected");
    assert_eq!(e["compiler"][1]["family"], "Petrov");
    assert_eq!(e["editor"][0]["family"], "Keller");
    assert_eq!(e["version"], "3.1");
    // A @software's repository is its URL.
    let p = &items["plotlib"];
    assert_eq!(p["type"], "software");
    assert_eq!(p["URL"], "https://github.com/example/plotlib");
    assert_eq!(p["version"], "1.2.0");
}

#[test]
fn two_hundred_authors_are_kept_whole() {
    let names: Vec<String> = (0..200).map(|i| format!("Member{i}, A.")).collect();
    let text = format!(
        "@article{{big, author = {{{}}}, title = {{Report}}, year = 2023}}",
        names.join(" and ")
    );
    let parsed = bib::read(&text, "big.bib");
    assert_eq!(parsed.references[0].authors.len(), 200);
    assert_eq!(parsed.references[0].authors[199].family(), "Member199");
    let items = csl(&parsed.references);
    assert_eq!(items["big"]["author"].as_array().unwrap().len(), 200);
}

#[test]
fn latex_becomes_text_and_is_written_back_unchanged() {
    let parsed = read("latex.bib");
    let w = by_key(&parsed.references, "wiersma2016");
    assert_eq!(w.authors[0].family(), "Wiersma");
    assert_eq!(w.authors[0].given(), Some("J. P. M."));
    assert_eq!(
        (w.authors[1].family(), w.authors[1].given()),
        ("Survey", Some("KiDS"))
    );
    // Zotero's escaped math stays the text it spells (`{{Omega}}` protected
    // as bibtex protects it); × and < are decoded.
    assert_eq!(
        w.title,
        r"Precise: Constraints on $\Omega$ from 5 × 5 tiles at 0.1 < z < 0.9"
    );
    assert_eq!(w.container.as_deref(), Some("Astron. Astrophys."));
    assert_eq!(w.links[0].url, "https://example.org/tiles--and--lensing");
    let items = csl(&parsed.references);
    assert_eq!(
        items["wiersma2016"]["URL"],
        "https://example.org/tiles--and--lensing"
    );
    assert_eq!(
        items["wiersma2016"]["title"],
        r#"<i>Precise</i>: Constraints on $\<span class="nocase">Omega</span>$ from 5 × 5 tiles at 0.1 < z < 0.9"#
    );
    let p = &items["protect2020"];
    assert_eq!(
        p["title"],
        r#"<span class="nocase">CRISPR</span> Screens for <span class="nocase">C#</span> and <span class="nocase">iOS</span> Apps"#
    );
    assert_eq!(p["author"][1]["family"], "van den Broek");
    assert!(p["author"][1].get("non-dropping-particle").is_none());
    assert_eq!(p["DOI"], "10.1000/ODD.2020.XYZ");
    let text = write(&parsed.references, Dialect::BibLatex);
    let e = entry(&text, "wiersma2016");
    assert_eq!(
        e.get("author"),
        Some(r"{J.{\hspace{0.167em}}P.{\hspace{0.167em}}M. Wiersma and Survey, {\relax KiDS}}")
    );
    assert_eq!(
        e.get("url"),
        Some("{https://example.org/tiles--and--lensing}")
    );
    assert_eq!(
        entry(&text, "protect2020").get("title"),
        Some(r"{{{CRISPR}} Screens for {C\#} and {{iOS}} Apps}")
    );
}

#[test]
fn an_arxiv_number_is_a_number_not_an_issue() {
    let refs = read("latex.bib").references;
    let items = csl(&refs);
    let p = &items["preprint2023"];
    assert_eq!(p["type"], "article");
    assert_eq!(p["number"], "arXiv:2303.01234");
    assert!(p.get("issue").is_none(), "{p}");
    assert_eq!(p["DOI"], "10.48550/arXiv.2303.01234");
    assert_eq!(p["custom"]["arxiv"], "2303.01234");
    // Written back as read: still @misc with its publisher and number.
    let e = entry(&write(&refs, Dialect::BibLatex), "preprint2023");
    assert_eq!(e.entry_type, "misc");
    assert_eq!(e.get("number"), Some("{arXiv:2303.01234}"));
    assert_eq!(e.get("eprintclass"), Some("{astro-ph.CO}"));
}

#[cfg(feature = "csl")]
#[test]
fn yaml_export_of_entries_hayagriva_cannot_read_falls_back_to_the_typed_fields() {
    let refs = read("idioms.bib").references;
    let yaml = publist::yaml::write(&refs).unwrap();
    assert!(yaml.contains("pratchett86:"), "{yaml}");
    assert!(yaml.contains("codd70:"), "{yaml}");
}

#[test]
fn bibtex_idioms_as_biber_reads_them() {
    let parsed = read("idioms.bib");
    let refs = &parsed.references;
    assert_eq!(refs.len(), 5, "{:?}", parsed.diagnostics);
    let p = by_key(refs, "pratchett86");
    let d = p.issued.unwrap();
    assert_eq!((d.year, d.month, d.day), (1986, Some(11), Some(24)));
    // No title: kept, with a warning.
    let hearsay = by_key(refs, "hearsay");
    assert_eq!(hearsay.title, "");
    assert_eq!(hearsay.authors[0].particle(), Some("van"));
    assert!(parsed
        .diagnostics
        .iter()
        .any(|d| d.code == Code::NoTitle && d.message.contains("hearsay")));
    // An undefined macro: kept as written, named in a warning.
    let undefined: Vec<&publist::Diagnostic> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UndefinedMacro)
        .collect();
    assert_eq!(undefined.len(), 1);
    assert!(undefined[0].message.contains("\"unknownmacro\""));
    let codd = by_key(refs, "codd70");
    assert_eq!(codd.container.as_deref(), Some("Communications of the ACM"));
    assert_eq!(codd.ids.issn.as_ref().unwrap().to_string(), "0001-0782");
    // A crossref key of another case is resolved.
    let chapter = by_key(refs, "chapter");
    assert_eq!(chapter.container.as_deref(), Some("Scientific Memoirs"));
    assert_eq!(chapter.editors[0].family(), "Menabrea");
    assert_eq!(chapter.year(), Some(1843));
    assert!(parsed.errors().next().is_none());

    let text = write(refs, Dialect::BibLatex);
    assert!(text.starts_with("@preamble{ \"\\providecommand{\\noopsort}[1]{}\" }"));
    let e = entry(&text, "pratchett86");
    assert_eq!(e.get("year"), Some(r"{{\noopsort{1986a}}1986}"));
    assert_eq!(e.get("month"), Some("{24~} # nov"));
    assert_eq!(
        entry(&text, "codd70").get("note"),
        Some("unknownmacro # { (reprinted)}")
    );
    assert_eq!(
        entry(&text, "codd70").get("journaltitle"),
        Some("{Communications of the ACM}")
    );
    // The child is written as it was: its parent's fields stay with the parent.
    let child = entry(&text, "chapter");
    assert_eq!(child.get("crossref"), Some("{COLLECTED1843}"));
    assert_eq!(child.get("booktitle"), None);
    assert_eq!(child.get("publisher"), None);
}

#[test]
fn latin1_and_windows_1252_are_decoded_with_a_warning() {
    let dir = format!("{}/tests/fixtures/bib/lossless", env!("CARGO_MANIFEST_DIR"));
    let latin = publist::read_file(format!("{dir}/latin1.bib")).unwrap();
    let r = &latin.references[0];
    assert_eq!(r.authors[0].family(), "Grün");
    assert_eq!(r.authors[0].given(), Some("Jürgen"));
    assert_eq!(r.authors[1].given(), Some("André"));
    assert_eq!(r.title, "Études");
    assert_eq!(latin.diagnostics[0].code, Code::Encoding);
    assert!(latin.diagnostics[0].message.contains("Latin-1"));
    let cp = bib::read_file(format!("{dir}/windows1252.bib")).unwrap();
    assert_eq!(cp.references[0].authors[0].family(), "Dvorák");
    assert_eq!(cp.references[0].authors[1].family(), "Šimek");
    assert_eq!(cp.references[0].authors[1].given(), Some("Žofie"));
    assert_eq!(cp.references[0].title, "“Quoted” – dashes");
    assert!(cp.diagnostics[0].message.contains("Windows-1252"));
}

#[test]
fn braced_and_biblatex_particles_read_as_the_same_person() {
    let refs = read("particles.bib").references;
    let (a, b) = (&refs[0].authors[1], &refs[1].authors[1]);
    assert_eq!((a.family(), a.particle()), ("van der Waals", None));
    assert_eq!((b.family(), b.particle()), ("Waals", Some("van der")));
    assert_eq!(a.full_family(), b.full_family());
    assert_eq!(refs[0].ids.doi, refs[1].ids.doi);
    assert_eq!(
        refs[1].ids.doi.as_ref().unwrap().as_written(),
        "10.1000/VDW.1873"
    );
}

#[test]
fn csl_json_keeps_every_type_variable_and_id() {
    let text = fixture("csl-everything.json");
    let input: Vec<Value> = serde_json::from_str(&text).unwrap();
    let parsed = publist::csl_json::read(&text, "x.json").unwrap();
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let out = csl(&parsed.references);
    for item in &input {
        let id = item["id"].as_str().unwrap();
        let o = &out[id];
        for (k, v) in item.as_object().unwrap() {
            assert_eq!(&o[k], v, "{id}: {k}");
        }
    }
    // And once more: publist's output reads back to the same output.
    let again =
        publist::csl_json::read(&publist::csl_json::write(&parsed.references), "y.json").unwrap();
    let out2 = csl(&again.references);
    for (id, o) in &out {
        for (k, v) in o.as_object().unwrap() {
            if k != "custom" {
                assert_eq!(&out2[id][k], v, "{id}: {k}");
            }
        }
    }
}

#[test]
fn csl_json_variables_map_to_biblatex_fields() {
    let text = fixture("csl-everything.json");
    let refs = publist::csl_json::read(&text, "x.json").unwrap().references;
    let out = write(&refs, Dialect::BibLatex);
    // Not a possible .bib key: a new one, reported.
    let keys = publist::keys::assign(&refs);
    assert_eq!(keys[0], "anon1999roe");
    assert_eq!(
        publist::keys::renames(&refs, &keys)[0].old,
        "Roe v Doe 1999"
    );
    let case = entry(&out, "anon1999roe");
    assert_eq!(case.entry_type, "jurisdiction");
    assert_eq!(case.get("institution"), Some("{2d Cir.}"));
    assert_eq!(entry(&out, "blog").entry_type, "online");
    assert_eq!(entry(&out, "blog").get("urldate"), Some("{2024-03-01}"));
    let rep = entry(&out, "rep");
    assert_eq!(rep.entry_type, "report");
    assert_eq!(rep.get("type"), Some("{Annual report}"));
    assert_eq!(rep.get("institution"), Some("{Survey Institute}"));
    assert_eq!(rep.get("number"), Some("{21}"));
    let conf = entry(&out, "conf");
    assert_eq!(conf.get("date"), Some("{2016/2017}"));
    assert_eq!(conf.get("eventtitle"), Some("{Music Conf}"));
    assert_eq!(conf.get("venue"), Some("{Bonn}"));
    assert_eq!(conf.get("translator"), Some("{Ito, Aya}"));
    assert_eq!(conf.get("doi"), Some("{10.1000/ABC.Def}"));
    assert_eq!(entry(&out, "news").get("edition"), Some("{Late}"));
}

#[test]
fn keys_are_kept_regenerated_on_request_and_renames_reported() {
    let refs = read("latex.bib").references;
    assert_eq!(
        publist::keys::assign(&refs),
        ["wiersma2016", "protect2020", "preprint2023"]
    );
    let fresh = publist::keys::KeyFormat {
        regenerate: true,
        ..Default::default()
    };
    let keys = publist::keys::assign_with(&refs, &fresh);
    assert_eq!(
        keys,
        ["wiersma2016precise", "ngata2020crispr", "asante2023lumen"]
    );
    let renamed = publist::keys::renames(&refs, &keys);
    assert_eq!(renamed.len(), 3);
    assert_eq!(renamed[1].old, "protect2020");
}

#[test]
fn writing_what_was_read_is_a_fixed_point() {
    for name in [
        "theses-reports.bib",
        "biblatex-fields.bib",
        "latex.bib",
        "idioms.bib",
        "particles.bib",
    ] {
        for dialect in [Dialect::BibLatex, Dialect::BibTex] {
            let once = write(&read(name).references, dialect);
            let twice = write(&bib::read(&once, "once.bib").references, dialect);
            assert_eq!(once, twice, "{name} {dialect:?}");
        }
    }
}

#[test]
fn real_libraries_keep_every_entry_key_and_field() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bib");
    let Ok(files) = std::fs::read_dir(dir) else {
        println!("SKIPPED: {dir} is absent; no real library was read");
        return;
    };
    let mut seen = 0;
    for path in files.map(|f| f.unwrap().path()) {
        let name = path.display().to_string();
        if name.ends_with(".json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let input: Vec<Value> = serde_json::from_str(&text).unwrap();
            let parsed = publist::csl_json::read(&text, &name).unwrap();
            assert_eq!(parsed.references.len(), input.len(), "{name}");
            let out = csl(&parsed.references);
            for item in &input {
                let id = item["id"].as_str().unwrap();
                for (k, v) in item.as_object().unwrap() {
                    assert_eq!(&out[id][k], v, "{name} {id} {k}");
                }
            }
            seen += 1;
            continue;
        }
        if !name.ends_with(".bib") {
            continue;
        }
        let parsed = publist::read_file(&path).unwrap();
        assert_eq!(
            parsed.items,
            parsed.references.len() + parsed.errors().count(),
            "{name}"
        );
        let keys = publist::keys::assign(&parsed.references);
        for (r, k) in parsed.references.iter().zip(&keys) {
            assert_eq!(r.sources[0].key.as_deref(), Some(k.as_str()), "{name}");
        }
        for dialect in [Dialect::BibLatex, Dialect::BibTex] {
            let text = write(&parsed.references, dialect);
            let back = bib::read(&text, "out.bib");
            assert_eq!(back.references.len(), parsed.references.len(), "{name}");
            for (a, b) in parsed.references.iter().zip(&back.references) {
                let (Some(Original::Bib(a)), Some(Original::Bib(b))) = (&a.original, &b.original)
                else {
                    panic!()
                };
                assert_eq!(a.key, b.key);
                if dialect == Dialect::BibLatex {
                    // Every field by its BibLaTeX name, the value as written.
                    for (n, v) in &a.fields {
                        let n = match n.as_str() {
                            "journal" => "journaltitle",
                            "address" => "location",
                            "school" => "institution",
                            "archiveprefix" => "eprinttype",
                            "primaryclass" => "eprintclass",
                            "annote" => "annotation",
                            "key" => "sortkey",
                            "pdf" => "file",
                            n => n,
                        };
                        assert_eq!(b.get(n), Some(v.as_str()), "{name} {} {n}", a.key);
                    }
                }
            }
        }
        seen += 1;
    }
    assert!(seen >= 6, "{seen} libraries");
}
