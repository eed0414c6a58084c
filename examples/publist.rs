//! The publist command-line tool, thin over the library.
//!
//! Diagnostics go to stderr as `file:line: severity: message`. Exit codes: 0 on
//! success, 1 when diagnostics were reported and `--strict` was given, 2 on
//! usage or I/O errors.

use std::io::{Read, Write};
use std::process::ExitCode;

use publist::bib::{Dialect, WriteOptions};
use publist::{Library, Parsed};

const USAGE: &str = "\
publist: clean, typed, deduplicated references from publication lists

Usage:
  publist parse [OPTIONS] [FILE...]   read the inputs, print CSL-JSON (one record per item)
  publist merge [OPTIONS] [FILE...]   read and merge: one record per work, as CSL-JSON
  publist bib   [OPTIONS] [FILE...]   read and merge, print BibLaTeX (or BibTeX)
  publist format --style NAME|PATH [OPTIONS] [FILE...]
                                      read and merge, print a bibliography in a CSL style
  publist styles                      list the styles of the built-in archive
  publist help COMMAND                the options of a command

Inputs: CV text or markdown, .bib files, CSL-JSON (.json) or hayagriva YAML
(.yml/.yaml) — by extension, or for standard input by content; `-` or no file
reads standard input. Give CV versions
oldest first: where versions disagree, the newest sound value wins.
";

const PARSE_HELP: &str = "\
publist parse [--to csl-json|yaml|biblatex|bibtex] [--strict[=CODES]] [-o FILE] [FILE...]
  Reads each input and prints its references (CSL-JSON unless --to says otherwise).
  --strict[=CODES]  exit with code 1 when any warning or error was reported (with CODES,
              a comma-separated list such as not-a-reference,no-title: one with these codes)
  -o FILE     write the output to FILE instead of standard output
";

const MERGE_HELP: &str = "\
publist merge [--to csl-json|yaml|biblatex|bibtex] [--strict[=CODES]] [--explain] [-o FILE] [FILE...]
  Reads the inputs (oldest first), merges them into one record per work and
  prints a CSL-JSON array; custom.sources lists every item a record absorbed.
  --explain   print the evidence for every merge and every possible duplicate,
              and where each input citation key went, on standard error
  --strict[=CODES]  exit with code 1 when any warning or error was reported (with CODES,
              a comma-separated list such as not-a-reference,no-title: one with these codes)
  -o FILE     write the output to FILE instead of standard output
";

const BIB_HELP: &str = "\
publist bib [--bibtex] [--plain] [--no-merge] [--explain] [--strict[=CODES]] [-o FILE] [FILE...]
  Reads and merges the inputs and prints them as BibLaTeX (biber).
  --bibtex    write BibTeX instead (year/journal fields, ASCII with accent commands);
              same as --to bibtex
  --plain     leave out publist's lossless extras (verba/verbb/verbc fields)
  --no-merge  one entry per input item, without merging
  --explain   as for merge
  --strict[=CODES]  exit with code 1 when any warning or error was reported (with CODES,
              a comma-separated list such as not-a-reference,no-title: one with these codes)
  -o FILE     write the output to FILE instead of standard output
";

const FORMAT_HELP: &str = "\
publist format --style NAME|PATH [--to text|html|markdown] [--locale TAG]
               [--styles-dir DIR] [--locales-dir DIR] [--no-merge] [--strict[=CODES]] [-o FILE] [FILE...]
  Reads and merges the inputs and prints the bibliography one entry per line,
  in the style's order, numeric labels included.
  --style NAME|PATH  a style of the archive (see `publist styles`) or a .csl file;
                     a dependent style is resolved to its parent
  --to FORMAT        text (default), html or markdown
  --locale TAG       render in this locale (e.g. de-DE) instead of the style's default
  --styles-dir DIR   where to find styles by name and the parents of dependent styles
  --locales-dir DIR  CSL locale files (locales-*.xml) to use before the built-in ones
  --cv               lay out as a CV: sections by kind, newest first, numbered per section
  --highlight NAME   (with --cv) set this person in bold, e.g. \"Lapuschkin S; Bach S\"
                     for all their name variants; repeatable
  --links            (with --cv) append each work's links (code, demo, page)
  --engine NAME      publist (default: publist's own CSL processor) or hayagriva
";

const STYLES_HELP: &str = "\
publist styles
  Lists the names of the styles in the built-in archive.
";

#[derive(Default)]
struct Options {
    /// `Some(codes)` with `--strict`: the codes that count, or all when empty.
    strict: Option<Vec<publist::Code>>,
    explain: bool,
    bibtex: bool,
    plain: bool,
    no_merge: bool,
    style: Option<String>,
    to: Option<String>,
    locale: Option<String>,
    styles_dir: Option<String>,
    locales_dir: Option<String>,
    engine: Option<String>,
    cv: bool,
    links: bool,
    highlight: Vec<String>,
    output: Option<String>,
    files: Vec<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    };
    let help = match command.as_str() {
        "parse" => PARSE_HELP,
        "merge" => MERGE_HELP,
        "bib" => BIB_HELP,
        "format" => FORMAT_HELP,
        "styles" => STYLES_HELP,
        "-h" | "--help" => USAGE,
        "help" => {
            let page = match args.get(1).map(String::as_str) {
                Some("parse") => PARSE_HELP,
                Some("merge") => MERGE_HELP,
                Some("bib") => BIB_HELP,
                Some("format") => FORMAT_HELP,
                Some("styles") => STYLES_HELP,
                _ => USAGE,
            };
            print!("{page}");
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!("publist: unknown command '{other}'\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if help == USAGE {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if command == "styles" {
        if args.len() > 1 {
            print!("{STYLES_HELP}");
        } else {
            for name in publist::csl::archive_styles() {
                println!("{name}");
            }
        }
        return ExitCode::SUCCESS;
    }
    let options = match parse_options(command, &args[1..]) {
        Ok(Some(o)) => o,
        Ok(None) => {
            print!("{help}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("publist {command}: {message}\n\n{help}");
            return ExitCode::from(2);
        }
    };
    run(command, options)
}

/// `Ok(None)` when help was asked for.
fn parse_options(command: &str, args: &[String]) -> Result<Option<Options>, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "--strict" => o.strict = Some(Vec::new()),
            s if s.starts_with("--strict=") => {
                let codes = s["--strict=".len()..]
                    .split(',')
                    .map(str::parse::<publist::Code>);
                o.strict = Some(codes.collect::<Result<_, _>>().map_err(|e| e.to_string())?);
            }
            "--explain" if command != "parse" => o.explain = true,
            "--bibtex" if command == "bib" => o.bibtex = true,
            "--plain" if command == "bib" => o.plain = true,
            "--no-merge" if command == "bib" || command == "format" => o.no_merge = true,
            "--style" if command == "format" => o.style = Some(value(&mut it, a)?),
            "--to" => o.to = Some(value(&mut it, a)?),
            "--locale" if command == "format" => o.locale = Some(value(&mut it, a)?),
            "--styles-dir" if command == "format" => o.styles_dir = Some(value(&mut it, a)?),
            "--locales-dir" if command == "format" => o.locales_dir = Some(value(&mut it, a)?),
            "--cv" if command == "format" => o.cv = true,
            "--links" if command == "format" => o.links = true,
            "--engine" if command == "format" => o.engine = Some(value(&mut it, a)?),
            "--highlight" if command == "format" => o.highlight.push(value(&mut it, a)?),
            "-o" => o.output = Some(it.next().ok_or("-o needs a file name")?.clone()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}'")),
            _ => o.files.push(a.clone()),
        }
    }
    if o.files.is_empty() {
        o.files.push("-".to_string());
    }
    if command == "format" && o.style.is_none() {
        return Err("--style is required".to_string());
    }
    if let Some(to) = &o.to {
        let allowed: &[&str] = match command {
            "format" => &["text", "html", "markdown"],
            "bib" => &["biblatex", "bibtex"],
            _ => &["csl-json", "yaml", "biblatex", "bibtex"],
        };
        if !allowed.contains(&to.as_str()) {
            return Err(format!("--to takes {}, not '{to}'", allowed.join(", ")));
        }
    }
    Ok(Some(o))
}

fn value<'a>(it: &mut impl Iterator<Item = &'a String>, option: &str) -> Result<String, String> {
    it.next()
        .cloned()
        .ok_or_else(|| format!("{option} needs a value"))
}

/// Reads one input (`-` is standard input); the library detects its format.
fn read_input(file: &str) -> Result<Parsed, String> {
    if file != "-" {
        return publist::read_file(file).map_err(|e| e.to_string());
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("<stdin>: {e}"))?;
    publist::read(&bytes, "<stdin>").map_err(|e| e.to_string())
}

fn run(command: &str, o: Options) -> ExitCode {
    let mut references = Vec::new();
    let mut strict_hits = 0;
    for file in &o.files {
        match read_input(file) {
            Ok(p) => {
                for d in &p.diagnostics {
                    eprintln!("{d}");
                }
                if let Some(codes) = &o.strict {
                    strict_hits += p
                        .diagnostics
                        .iter()
                        .filter(|d| match codes.is_empty() {
                            true => d.severity > publist::Severity::Note,
                            false => codes.contains(&d.code),
                        })
                        .count();
                }
                if references.is_empty() {
                    references = p.references; // no copy of the first file's list
                } else {
                    references.extend(p.references);
                }
            }
            Err(e) => {
                eprintln!("publist: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let merge = command == "merge" || (matches!(command, "bib" | "format") && !o.no_merge);
    if merge {
        let library = Library::merge(references);
        if o.explain {
            explain_merge(&library);
        }
        references = library.records;
    }
    // CSL-JSON is written as it is serialised, not built in memory first.
    let output = if command == "format" {
        match format(&o, &references) {
            Ok(text) => Some(text),
            Err(e) => {
                eprintln!("publist: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        let to = match (command, o.to.as_deref()) {
            ("bib", None) if o.bibtex => "bibtex",
            ("bib", None) => "biblatex",
            (_, Some(to)) => to,
            _ => "csl-json",
        };
        match to {
            "biblatex" | "bibtex" => {
                let options = WriteOptions {
                    dialect: if to == "bibtex" {
                        Dialect::BibTex
                    } else {
                        Dialect::BibLatex
                    },
                    plain: o.plain,
                    ..Default::default()
                };
                Some(publist::bib::write(&references, &options))
            }
            "yaml" => match publist::yaml::write(&references) {
                Ok(y) => Some(y),
                Err(e) => {
                    eprintln!("publist: {e}");
                    return ExitCode::from(2);
                }
            },
            _ => None,
        }
    };
    let write = |out: &mut dyn Write| match &output {
        Some(text) => out.write_all(text.as_bytes()),
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
            publist::csl_json::write_to(&references, &mut out)?;
            out.write_all(b"\n")?;
            out.flush()
        }
    };
    let written = match &o.output {
        Some(path) => std::fs::File::create(path)
            .and_then(|mut f| write(&mut f))
            .map_err(|e| format!("{path}: {e}")),
        None => write(&mut std::io::stdout().lock()).map_err(|e| format!("<stdout>: {e}")),
    };
    if let Err(e) = written {
        eprintln!("publist: {e}");
        return ExitCode::from(2);
    }
    if strict_hits > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn explain_merge(library: &Library) {
    let report = &library.report;
    let show = |e: &publist::merge::MatchEvidence| {
        let s = &e.signals;
        eprintln!(
            "  {}:{} \"{}\"\n  {}:{} \"{}\"\n    rule {:?}; title {:.2} (words {:.2}); authors {}/{}-{}, first {}; years {:?}{}{}{}",
            e.a.source, e.a.line, e.titles.0, e.b.source, e.b.line, e.titles.1, e.rule,
            s.title_similarity, s.title_words, s.common_authors, s.authors.0, s.authors.1,
            s.first_author, s.year_gap,
            s.shared_code.as_ref().map(|c| format!("; code {c}")).unwrap_or_default(),
            s.same_arxiv.as_ref().or(s.same_openreview.as_ref()).map(|c| format!("; id {c}")).unwrap_or_default(),
            e.held_apart.as_ref().map(|h| format!("; held apart: {h}")).unwrap_or_default(),
        );
    };
    eprintln!("merged ({} decisions):", report.merged.len());
    report.merged.iter().for_each(show);
    eprintln!(
        "possible duplicates, left apart ({}):",
        report.possible_duplicates.len()
    );
    report.possible_duplicates.iter().for_each(show);
    let keyed: Vec<_> = report.items.iter().filter(|m| m.key.is_some()).collect();
    if !keyed.is_empty() {
        let new_keys = publist::keys::assign(&library.records);
        eprintln!("citation keys ({}):", keyed.len());
        for m in keyed {
            let old = m.key.as_deref().unwrap_or("");
            eprintln!(
                "  {old} ({}:{}) -> {}",
                m.item.source, m.item.line, new_keys[m.record]
            );
        }
    }
}

fn format(o: &Options, references: &[publist::Reference]) -> Result<String, String> {
    use publist::csl::{load_locales, load_style, Formatter, OutputFormat};
    let style_name = o.style.as_deref().unwrap_or_default();
    let styles_dir = o.styles_dir.as_deref().map(std::path::Path::new);
    let style = load_style(style_name, styles_dir).map_err(|e| e.to_string())?;
    // Without a locales directory the formatter decodes only the archived
    // locales it needs.
    let locales = o.locales_dir.as_deref().map(|dir| {
        let (locales, errors) = load_locales(Some(std::path::Path::new(dir)));
        for e in errors {
            eprintln!("publist: {e}");
        }
        locales
    });
    let to = match o.to.as_deref() {
        Some("html") => OutputFormat::Html,
        Some("markdown") => OutputFormat::Markdown,
        _ => OutputFormat::Text,
    };
    let engine = match o.engine.as_deref() {
        None | Some("publist") => publist::csl::Engine::Publist,
        Some("hayagriva") => publist::csl::Engine::Hayagriva,
        Some(other) => return Err(format!("unknown engine '{other}' (publist or hayagriva)")),
    };
    let mut formatter = Formatter::new(style).with_format(to).with_engine(engine);
    if let Some(locales) = locales {
        formatter = formatter.with_locales(locales);
    }
    if let Some(tag) = &o.locale {
        formatter = formatter.with_locale(tag);
    }
    let mut out = String::new();
    if !o.cv {
        for entry in formatter.bibliography(references) {
            out.push_str(&entry.line());
            out.push('\n');
        }
        return Ok(out);
    }
    let options = publist::csl::CvOptions {
        highlight: o
            .highlight
            .iter()
            .flat_map(|h| publist::cv::names(h))
            .collect(),
        ..Default::default()
    };
    for (i, section) in formatter.cv(references, &options).iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match to {
            OutputFormat::Markdown => out.push_str(&format!("## {}\n\n", section.heading)),
            OutputFormat::Html => out.push_str(&format!("<h2>{}</h2>\n", section.heading)),
            OutputFormat::Text => out.push_str(&format!("{}\n\n", section.heading)),
        }
        for entry in &section.entries {
            match to {
                OutputFormat::Html => out.push_str(&format!("<p>{}</p>\n", entry.line())),
                _ => out.push_str(&format!("{}\n", entry.line())),
            }
        }
    }
    Ok(out)
}
