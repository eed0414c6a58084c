//! The house plan's rule "no import cycle between files" (DESIGN.md): the
//! files of `src/` that name each other's items (`crate::`, `super::`,
//! `self::` paths outside comments and test modules), with `mod.rs` and
//! `lib.rs` left out (they are the facades that re-export their children),
//! form no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/cv/items.rs` → `["cv", "items"]`; `src/cv/mod.rs` → `["cv"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The code of a file without its comments and its `mod tests`.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `crate::a::b`, `super::x`, `self::y` paths a file's code names.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            let segments = code[at..end].split("::").filter(|s| !s.is_empty());
            out.push(segments.map(str::to_string).collect());
        }
    }
    out
}

#[test]
fn no_import_cycle_between_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeMap<Vec<String>, PathBuf> = all
        .iter()
        .map(|f| (module_of(&src, f), f.clone()))
        .collect();
    let facade = |f: &Path| f.ends_with("mod.rs") || f.ends_with("lib.rs");
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for file in all.iter().filter(|f| !facade(f)) {
        let here = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        for path in paths(&code(&text)) {
            let (mut base, rest) = match path[0].as_str() {
                "crate" => (Vec::new(), &path[1..]),
                "self" => (here.clone(), &path[1..]),
                _ => {
                    let ups = path.iter().take_while(|s| *s == "super").count();
                    let keep = here.len().saturating_sub(ups);
                    (here[..keep].to_vec(), &path[ups..])
                }
            };
            base.extend(rest.iter().cloned());
            // The longest prefix that is a module of its own file.
            let target = (1..=base.len())
                .rev()
                .find_map(|k| modules.get(&base[..k]))
                .filter(|t| *t != file && !facade(t));
            if let Some(t) = target {
                edges.entry(file.clone()).or_default().insert(t.clone());
            }
        }
    }
    // A cycle is an edge a → b with a path b → ... → a.
    let reaches = |from: &PathBuf, to: &PathBuf| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(f) = stack.pop() {
            if &f == to {
                return true;
            }
            if seen.insert(f.clone()) {
                stack.extend(edges.get(&f).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut cycles = Vec::new();
    for (a, targets) in &edges {
        for b in targets {
            if reaches(b, a) {
                cycles.push(format!("{} -> {}", a.display(), b.display()));
            }
        }
    }
    assert!(edges.len() > 50, "the scan found the files' imports");
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}
