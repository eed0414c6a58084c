//! The publist command-line tool: arguments, input and output, exit codes;
//! everything else is the library's.

use std::{io::IsTerminal, io::Write, path::Path, process::ExitCode};

use clap::{arg, ArgMatches, Command};
use publist::bib::{Dialect, WriteOptions};
use publist::csl::{CvOptions, Engine, Formatter, GroupBy, Numbering, OutputFormat};
use publist::csl::{Page, PageOptions};
use publist::{Code, Diagnostic, Format, Library, Person, Reference};

#[path = "shared/allocator.rs"]
mod allocator;

const AFTER_HELP: &str = "\
Inputs: CV text, markdown, LaTeX or HTML; .bib; CSL-JSON; hayagriva YAML: by extension, else by
content. Exit codes: 0 success; 1 warnings or errors were reported and --strict asked to fail on
them; 2 a usage error (reported before any input is read) or an input or output error.";

/// The commands and their options; the help is written from these.
fn cli() -> Command {
    let common = [
        arg!(--strict [CODES] "Exit with 1 when warnings or errors were reported (with CODES, e.g. no-title,no-venue: these)")
            .require_equals(true)
            .default_missing_value("")
            .value_parser(codes),
        arg!(-o --output <FILE> "Write the output to FILE (`-`: standard output, the default)"),
        arg!([FILE] ... "The inputs, CV versions oldest first (`-`: standard input)").default_value("-"),
    ];
    let explain = arg!(--explain "Print the evidence for each merge and possible duplicate, and where each key went (stderr)");
    let no_merge = arg!(--"no-merge" "One entry per input item, without merging");
    let style = [
        arg!(--style <"NAME|PATH"> "A style by name (see `publist styles`; default: cv, built in) or a .csl file"),
        arg!(--locale <TAG> "Render in this locale (e.g. de-DE) instead of the style's default"),
        arg!(--"styles-dir" <DIR> "Where to find styles by name and the parents of dependent styles"),
        arg!(--"locales-dir" <DIR> "CSL locale files (locales-*.xml) to use before the built-in ones"),
        arg!(--engine <NAME> "The CSL processor: publist (default; follows citeproc-js) or hayagriva")
            .value_parser(str::parse::<Engine>),
        arg!(--highlight <NAMES> ... "Set these people in bold, e.g. \"Lapuschkin S; Bach S\"; repeatable")
            .value_parser(people),
        arg!(--to <FORMAT> "text, html or markdown [default: by -o's extension, else format: text, page: html]")
            .value_parser(str::parse::<OutputFormat>),
        explain.clone(),
        no_merge.clone(),
    ];
    let to = |help: &str| arg!(--to <FORMAT>).help(help.to_string());
    let data = to("Default: csl-json").value_parser(["csl-json", "yaml", "biblatex", "bibtex"]);
    let command = |name, about| Command::new(name).about(about).args(&common);
    Command::new("publist")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Clean, typed, deduplicated references from publication lists")
        .after_help(AFTER_HELP)
        .subcommands([
            command("parse", "Read the inputs, print one record per item (CSL-JSON unless --to says otherwise)")
                .arg(data.clone()),
            command("merge", "Read and merge the inputs: one record per work; custom.sources lists what it absorbed")
                .args([data, explain.clone()]),
            command("bib", "Read and merge the inputs, print BibLaTeX (or BibTeX)").args([
                to("biblatex (default), or bibtex: year/journal fields, ASCII with accent commands")
                    .value_parser(["biblatex", "bibtex"])
                    .default_value("biblatex"),
                arg!(--plain "Leave out publist's lossless extras (verba/verbb/verbc fields)"),
                arg!(--"regenerate-keys" "New keys for all records (author, year, title word), not the input's"),
                explain,
                no_merge,
            ]),
            command("format", "Read and merge the inputs, print a bibliography (or a CV) in a CSL style")
                .args(&style)
                .args([
                    arg!(--cv "Lay out as a CV: sections by kind, newest first, numbered per section"),
                    arg!(--links "Append each work's links (code, demo, page), as links in html and markdown"),
                    arg!(--citations "Print each reference's citation (what a citation-only style prints)")
                        .conflicts_with("cv"),
                ]),
            command("page", "Read and merge the inputs, write a publication page (HTML5, or Markdown)")
                .args(&style)
                .args([
                    arg!(--title <TITLE> "The page's title (default: Publications)"),
                    arg!(--"group-by" <BY> "Sections: kind (default), year or none")
                        .value_parser(str::parse::<GroupBy>),
                    arg!(--numbering <HOW> "reverse (default: newest = highest), forward, or style (its labels)")
                        .value_parser(str::parse::<Numbering>),
                    arg!(--"no-bibtex" "No collapsed BibTeX entry under each work"),
                    arg!(--"no-chart" "No chart of works per year"),
                ]),
            Command::new("styles").about("List the styles known by name, with their short names"),
        ])
}

fn codes(s: &str) -> Result<Vec<Code>, publist::UnknownCode> {
    s.split_terminator(',').map(str::parse).collect()
}

/// Names to highlight; a value that looks like an input file is a mistake.
fn people(s: &str) -> Result<Vec<Person>, String> {
    let file_like = Path::new(s).is_file() || Format::from_extension(s).is_some();
    let people = Some(publist::cv::names(s)).filter(|p| !p.is_empty() && !file_like);
    people.ok_or_else(|| format!("'{s}' is no list of names like \"Bach S; Samek W\""))
}

/// The value of option `id`, if the command has it and it was given (or has a default).
fn get<T: Clone + Send + Sync + 'static>(m: &ArgMatches, id: &str) -> Option<T> {
    m.try_get_one::<T>(id).ok().flatten().cloned()
}

fn main() -> ExitCode {
    let matches = match cli().try_get_matches() {
        Ok(m) => m,
        Err(e) if !e.use_stderr() => return ExitCode::from(u8::from(e.print().is_err())),
        Err(e) => {
            let text = e.render().to_string();
            let what = text.lines().next().unwrap_or_default();
            eprintln!("publist: {} (see --help)", what.replacen("error: ", "", 1));
            return ExitCode::from(2);
        }
    };
    let Some((name, m)) = matches.subcommand() else {
        return ExitCode::from(u8::from(cli().print_help().is_err()));
    };
    let mut hits = 0;
    if let Err(e) = run(name, m, &mut hits).and_then(|out| write(get(m, "output"), out)) {
        eprintln!("publist: {e}");
        return ExitCode::from(2);
    }
    ExitCode::from(u8::from(hits > 0))
}

/// What a command writes: text, records as CSL-JSON (left for the exit to free: 1M take 1 s), or a
/// bibliography written as it is rendered (never all held).
enum Output {
    Text(String),
    CslJson(std::mem::ManuallyDrop<Vec<Reference>>),
    Bibliography(Box<Formatter>, Vec<Reference>),
}

fn write(path: Option<String>, output: Output) -> Result<(), String> {
    let path = path.filter(|p| p != "-");
    let out: Box<dyn Write> = match &path {
        Some(path) => Box::new(std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let written = match output {
        Output::Text(text) => out.write_all(text.as_bytes()),
        Output::CslJson(r) => publist::csl_json::write_to(&r, &mut out).and_then(|_| writeln!(out)),
        Output::Bibliography(f, refs) => f.write_bibliography_owned(refs, &mut out),
    };
    let written = written.and_then(|_| out.flush());
    written.map_err(|e| format!("{}: {e}", path.as_deref().unwrap_or("<stdout>")))
}

/// Each command checks its arguments (loads the style, ...) before it reads any input.
fn run(name: &str, m: &ArgMatches, hits: &mut usize) -> Result<Output, String> {
    let merge = name == "merge" || get::<bool>(m, "no-merge") == Some(false);
    let text = match name {
        "styles" => publist::csl::styles()
            .iter()
            .map(|n| n.join(" ") + "\n")
            .collect(),
        "parse" | "merge" | "bib" => {
            let (refs, plain) = (load(m, merge, hits)?, get(m, "plain") == Some(true));
            match get::<String>(m, "to").as_deref() {
                Some("yaml") => publist::yaml::write(&refs).map_err(|e| e.to_string())?,
                Some(d @ ("biblatex" | "bibtex")) => {
                    let mut options = WriteOptions::default();
                    (options.dialect, options.plain) = (d.parse().unwrap_or_default(), plain);
                    options.keys.regenerate = get(m, "regenerate-keys") == Some(true);
                    publist::bib::write(&refs, &options)
                }
                _ => return Ok(Output::CslJson(std::mem::ManuallyDrop::new(refs))),
            }
        }
        "format" => {
            let (cv, citations) = (m.get_flag("cv"), m.get_flag("citations"));
            let f = formatter(m, OutputFormat::Text)?.with_links(m.get_flag("links"));
            if !(f.has_bibliography() || cv || citations) {
                eprintln!(
                    "publist: note: the style has no bibliography: each work's citation follows"
                );
            }
            let refs = load(m, merge, hits)?;
            match (cv, citations) {
                (true, _) => f.cv_document(&refs, &CvOptions::default()),
                (_, true) => f.citations_document(&refs),
                _ => return Ok(Output::Bibliography(Box::new(f), refs)),
            }
        }
        _ => {
            let f = formatter(m, OutputFormat::Html)?;
            let options = PageOptions {
                title: get(m, "title").unwrap_or_else(|| "Publications".into()),
                group_by: get(m, "group-by").unwrap_or_default(),
                numbering: get(m, "numbering").unwrap_or_default(),
                bibtex: (!m.get_flag("no-bibtex")).then_some(Dialect::BibTex),
                chart: !m.get_flag("no-chart"),
                ..PageOptions::default()
            };
            Page::new(&f, &load(m, merge, hits)?, options).render(f.format())
        }
    };
    Ok(Output::Text(text))
}

/// The formatter the style options ask for (markup `--to`, else by -o's extension, else `to`).
fn formatter(m: &ArgMatches, to: OutputFormat) -> Result<Formatter, String> {
    let dir = |id| get::<String>(m, id).map(std::path::PathBuf::from);
    let style = get::<String>(m, "style").unwrap_or_else(|| "cv".into());
    let style = publist::csl::load_style(&style, dir("styles-dir").as_deref());
    let people = m.get_many::<Vec<Person>>("highlight").into_iter().flatten();
    let by_name = get::<String>(m, "output").and_then(|o| o.rsplit('.').next()?.parse().ok());
    let mut f = Formatter::new(style.map_err(|e| e.to_string())?)
        .with_highlight(people.flatten().cloned().collect())
        .with_format(get(m, "to").or(by_name).unwrap_or(to))
        .with_engine(get(m, "engine").unwrap_or_default());
    if let Some(dir) = dir("locales-dir") {
        let (locales, errors) = publist::csl::load_locales(Some(&dir));
        errors.iter().for_each(|e| eprintln!("publist: {e}"));
        f = f.with_locales(locales);
    }
    if let Some(tag) = get::<String>(m, "locale") {
        f = f.with_locale(&tag);
    }
    Ok(f)
}

/// Reads the inputs, prints their diagnostics (counting those --strict counts), merges when asked.
fn load(m: &ArgMatches, merge: bool, hits: &mut usize) -> Result<Vec<Reference>, String> {
    let strict = get::<Vec<Code>>(m, "strict");
    let files = m.get_many::<String>("FILE").into_iter().flatten();
    let size = |f: &String| std::fs::metadata(f).map_or(u64::MAX, |m| m.len()); // "-": unknown
    allocator::for_input_of(files.clone().map(size).fold(0, u64::saturating_add));
    let mut refs = Vec::new();
    for file in files {
        let parsed = if file == "-" {
            if std::io::stdin().is_terminal() {
                eprintln!("publist: reading standard input (end with Ctrl-D; see --help)");
            }
            publist::read_from(std::io::stdin().lock(), "<stdin>")
        } else {
            publist::read_file(file)
        };
        let parsed = parsed.map_err(|e| e.to_string())?;
        parsed.diagnostics.iter().for_each(|d| eprintln!("{d}"));
        let counted = |d: &&Diagnostic| strict.as_ref().is_some_and(|s| d.fails_strict(s));
        *hits += parsed.diagnostics.iter().filter(counted).count();
        match refs.is_empty() {
            true => refs = parsed.references, // the first file's list, not a copy
            false => refs.extend(parsed.references),
        }
    }
    if !merge {
        return Ok(refs);
    }
    let library = Library::merge(refs);
    if get::<bool>(m, "explain") == Some(true) {
        eprint!("{}", library.report.explain(&library.records));
    }
    Ok(library.records)
}
