//! The shape of the code, checked: no import circles between the library's files, the app and
//! the whole-pipeline checks never import the command line, and only `src/io/fs.rs` touches
//! the file system (test code aside).
//!
//! A file depends on another when it names a path into it (`use crate::a::b::Item`,
//! `super::sibling::f()`, a grouped `use crate::a::{b::X, c}`). A module naming its own
//! descendants (declaring or re-exporting its children) is the module tree, not a dependency,
//! so it is not counted; a child naming its parent is.

#![allow(clippy::expect_used, reason = "a test stops at the first surprise")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a library file (`src/app/mod.rs` -> `["app"]`, `src/lib.rs` -> `[]`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    parts
}

/// The text without comments (doc links name paths that are not imports) and without test
/// code (from the first `#[cfg(test)]` on).
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a use tree or a qualified name starting at `rest` spells, each as segments.
fn paths(rest: &str) -> Vec<Vec<String>> {
    fn tree(s: &[char], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        loop {
            while *i < s.len() && s[*i].is_whitespace() {
                *i += 1;
            }
            if *i < s.len() && s[*i] == '{' {
                *i += 1;
                loop {
                    while *i < s.len() && (s[*i].is_whitespace() || s[*i] == ',') {
                        *i += 1;
                    }
                    if *i >= s.len() || s[*i] == '}' {
                        *i += 1;
                        return;
                    }
                    tree(s, i, &path, out);
                }
            }
            let start = *i;
            while *i < s.len() && (s[*i].is_alphanumeric() || s[*i] == '_') {
                *i += 1;
            }
            if *i > start {
                path.push(s[start..*i].iter().collect());
            }
            if s.get(*i) == Some(&':') && s.get(*i + 1) == Some(&':') {
                *i += 2;
                continue;
            }
            out.push(path);
            // Skip to the end of this subtree item (`as name`, generics).
            while *i < s.len() && !matches!(s[*i], ',' | '}' | ';' | '\n') {
                if s[*i] == '{' || s[*i] == '(' {
                    break;
                }
                *i += 1;
            }
            return;
        }
    }
    let chars: Vec<char> = rest.chars().collect();
    let mut out = Vec::new();
    tree(&chars, &mut 0, &[], &mut out);
    out
}

/// Each library file's module path and the modules it names outside its own subtree.
fn dependencies() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.retain(|f| !f.ends_with("main.rs"));
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut deps = BTreeMap::new();
    for file in &files {
        let me = module_of(&src, file);
        let is_mod_file = file.ends_with("mod.rs") || file.ends_with("lib.rs");
        let text = code(&std::fs::read_to_string(file).expect("read"));
        let mut mine = BTreeSet::new();
        for (at, _) in text.match_indices("::") {
            // A path starts at `crate::` or `super::` not preceded by an identifier character.
            let before = &text[..at];
            let word_start = before
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map_or(0, |p| p + 1);
            let word = &before[word_start..];
            let base: Vec<String> = match word {
                "crate" => Vec::new(),
                "super" => {
                    // `super` of a file `a/b.rs` (module a::b) is `a`; of `a/b/mod.rs` (a::b), `a`.
                    let mut m = me.clone();
                    m.pop();
                    let _ = is_mod_file;
                    m
                }
                _ => continue,
            };
            if before[..word_start].ends_with("::") {
                continue;
            }
            for p in paths(&text[at + 2..]) {
                let mut full = base.clone();
                full.extend(p);
                // The longest prefix that is a file of the library.
                let target = (0..=full.len())
                    .rev()
                    .map(|n| full[..n].to_vec())
                    .find(|m| modules.contains(m))
                    .unwrap_or_default();
                if !target.starts_with(&me) {
                    mine.insert(target);
                }
            }
        }
        deps.insert(me, mine);
    }
    deps
}

/// The strongly connected groups of more than one module (Tarjan).
fn circles(deps: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    struct T<'a> {
        deps: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on: BTreeSet<&'a Vec<String>>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a Vec<String>) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        let deps = t.deps;
        for w in deps.get(v).into_iter().flatten() {
            let Some((w, _)) = deps.get_key_value(w) else { continue };
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low[v];
                t.low.insert(v, lv.min(lw));
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low[v];
                t.low.insert(v, lv.min(iw));
            }
        }
        if t.low[v] == t.index[v] {
            let mut group = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                group.push(if w.is_empty() { "crate".to_owned() } else { w.join("::") });
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                t.out.push(group);
            }
        }
    }
    let mut t = T {
        deps,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in deps.keys() {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn the_checker_reads_use_trees_and_finds_circles() {
    assert_eq!(
        paths("ui::{ctx::{A, B}, views::file_window::X};"),
        vec![
            vec!["ui", "ctx", "A"],
            vec!["ui", "ctx", "B"],
            vec!["ui", "views", "file_window", "X"]
        ]
    );
    assert_eq!(
        paths("model::evaluate::Model::new(&s)"),
        vec![vec!["model", "evaluate", "Model", "new"]]
    );
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    let deps: BTreeMap<_, _> = [
        (m("a"), [m("b")].into()),
        (m("b"), [m("c")].into()),
        (m("c"), [m("a")].into()),
        (m("d"), [m("a")].into()),
    ]
    .into();
    assert_eq!(circles(&deps), vec![vec!["a".to_owned(), "b".into(), "c".into()]]);
}

#[test]
fn no_file_of_the_library_imports_another_that_imports_it_back() {
    let deps = dependencies();
    assert!(deps.len() > 50, "{} files read", deps.len());
    assert!(
        deps[&vec!["app".to_owned(), "files".to_owned()]].contains(&vec!["io".to_owned()]),
        "the checker sees imports"
    );
    let found = circles(&deps);
    assert!(found.is_empty(), "import circles: {found:#?}");
}

#[test]
fn the_app_and_the_checks_never_import_the_command_line() {
    let deps = dependencies();
    let offenders: Vec<_> = deps
        .iter()
        .filter(|(m, _)| m.first().is_some_and(|f| f == "app" || f == "checks"))
        .filter(|(_, d)| d.iter().any(|t| t.first().is_some_and(|f| f == "cli")))
        .map(|(m, _)| m.join("::"))
        .collect();
    assert!(offenders.is_empty(), "{offenders:?} import crate::cli");
}

#[test]
fn only_io_fs_touches_the_file_system() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let offenders: Vec<_> = files
        .iter()
        .filter(|f| {
            !f.ends_with("io/fs.rs") && !f.ends_with("tests.rs") && !f.components().any(|c| c.as_os_str() == "tests")
        })
        .filter(|f| code(&std::fs::read_to_string(f).expect("read")).contains("std::fs"))
        .map(|f| f.strip_prefix(&src).expect("under src").display().to_string())
        .collect();
    assert!(offenders.is_empty(), "std::fs outside src/io/fs.rs: {offenders:?}");
}
