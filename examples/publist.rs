//! The publist command-line tool, thin over the library.
//!
//! ```text
//! publist parse [--strict] FILE...   references as CSL-JSON on stdout
//! ```
//!
//! Diagnostics go to stderr as `file:line: severity: message`. Exit codes: 0 on
//! success, 1 when diagnostics were reported and `--strict` was given, 2 on
//! usage or I/O errors.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
publist: clean, typed references from publication lists

Usage:
  publist parse [--strict] [FILE...]   read CV files (markdown or text), print CSL-JSON

Files: CV text or markdown; `-` or no file reads standard input.
Options:
  --strict    exit with code 1 when any diagnostic was reported
  -h, --help  show this help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        "parse" => parse(&args[1..]),
        other => {
            eprintln!("publist: unknown command '{other}'\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> ExitCode {
    let mut strict = false;
    let mut files = Vec::new();
    for a in args {
        match a.as_str() {
            "--strict" => strict = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => {
                eprintln!("publist parse: unknown option '{s}'");
                return ExitCode::from(2);
            }
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        files.push("-".to_string());
    }
    let mut references = Vec::new();
    let mut diagnostics = 0;
    for file in &files {
        let parsed = if file == "-" {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                eprintln!("publist: <stdin>: {e}");
                return ExitCode::from(2);
            }
            publist::parse::cv_bytes(&bytes, "<stdin>")
        } else {
            publist::parse::cv_file(file)
        };
        match parsed {
            Ok(p) => {
                for d in &p.diagnostics {
                    eprintln!("{d}");
                }
                diagnostics += p.diagnostics.len();
                references.extend(p.references);
            }
            Err(e) => {
                eprintln!("publist: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!("{}", publist::csl::to_csl_json(&references));
    if strict && diagnostics > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
