//! The app crate's imports run one way. This reads every `crate::` path in `app/src` (use
//! lines and inline paths), resolves each to the file it names, and fails on
//! - an import circle between files, and
//! - an edge from a lower layer to a higher one (the ranks below: pages → components →
//!   server_fns → services → db → wire/domain).
//!
//! It reads source text, so it needs no database and no build of the app.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's floor: it may import its own floor and the ones below, never above.
fn rank(module: &str) -> u8 {
    match module {
        "domain" => 0,
        "i18n" => 1,
        "wire" | "error" | "settings" => 2,
        "markdown" | "media" | "views" => 3,
        "db" => 4,
        "mpesa" | "mail" | "sms" => 5,
        "state" => 6,
        "auth" | "notifications" => 7,
        "analytics" | "audit" | "catalog" | "checkout" | "payments" | "fulfilment"
        | "moderation" | "disputes" | "reviews" | "wishlist" => 8,
        "server_fns" => 9,
        "components" | "islands" => 10,
        "pages" => 11,
        "root" | "lib" => 12,
        other => panic!("app/src/{other} has no layer: give it one in tests/it/layers.rs"),
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("app/src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments (line comments and doc comments), so a path named in
/// prose is not an import.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // `//` inside a string (a URL) is rare in paths we care about; cutting there only
            // loses text after it.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a `crate::…` occurrence names, with `{a, b::c}` groups expanded.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let needle: Vec<char> = "crate::".chars().collect();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let preceded_by_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if chars[i..i + needle.len()] == needle[..] && !preceded_by_ident {
            let mut pos = i + needle.len();
            tree(&chars, &mut pos, Vec::new(), &mut out);
            i = pos.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn ident(chars: &[char], pos: &mut usize) -> String {
    let start = *pos;
    while *pos < chars.len() && (chars[*pos].is_alphanumeric() || chars[*pos] == '_') {
        *pos += 1;
    }
    chars[start..*pos].iter().collect()
}

fn skip_ws(chars: &[char], pos: &mut usize) {
    while *pos < chars.len() && chars[*pos].is_whitespace() {
        *pos += 1;
    }
}

/// Parses a use tree at `pos` (`a::b::{c, d::e}`), pushing each full path onto `out`.
fn tree(chars: &[char], pos: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    skip_ws(chars, pos);
    if *pos < chars.len() && chars[*pos] == '{' {
        *pos += 1;
        loop {
            skip_ws(chars, pos);
            if *pos >= chars.len() || chars[*pos] == '}' {
                *pos += 1;
                break;
            }
            tree(chars, pos, prefix.clone(), out);
            skip_ws(chars, pos);
            if *pos < chars.len() && chars[*pos] == ',' {
                *pos += 1;
            }
        }
        return;
    }
    let name = ident(chars, pos);
    if name.is_empty() {
        if !prefix.is_empty() {
            out.push(prefix);
        }
        return;
    }
    let mut path = prefix;
    path.push(name);
    if chars.get(*pos) == Some(&':') && chars.get(*pos + 1) == Some(&':') {
        *pos += 2;
        tree(chars, pos, path, out);
    } else {
        out.push(path);
    }
}

/// The file a path names: the longest prefix that is a module file.
fn resolve(root: &Path, path: &[String]) -> Option<PathBuf> {
    let mut found = None;
    let mut dir = root.to_path_buf();
    for segment in path {
        let file = dir.join(format!("{segment}.rs"));
        let module = dir.join(segment).join("mod.rs");
        if file.is_file() {
            found = Some(file);
        } else if module.is_file() {
            found = Some(module);
        } else {
            break;
        }
        dir = dir.join(segment);
    }
    found
}

fn name(root: &Path, file: &Path) -> String {
    file.strip_prefix(root)
        .expect("under src")
        .to_string_lossy()
        .into_owned()
}

fn top_module(name: &str) -> &str {
    let first = name.split('/').next().unwrap_or(name);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// File → the files it imports. A `mod.rs` also points at the children it re-exports
/// (`pub use child::…`), so a circle through a re-export is still seen.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let text = code(&std::fs::read_to_string(file).expect("readable source"));
        let from = name(&root, file);
        let targets = edges.entry(from.clone()).or_default();
        for path in crate_paths(&text) {
            if let Some(to) = resolve(&root, &path) {
                let to = name(&root, &to);
                if to != from && to != "lib.rs" {
                    targets.insert(to);
                }
            }
        }
        if file.file_name().is_some_and(|n| n == "mod.rs") {
            let dir = file.parent().expect("parent");
            for line in text.lines() {
                let line = line.trim();
                if let Some(rest) = line.strip_prefix("pub use ") {
                    let child = rest.split("::").next().unwrap_or_default();
                    let child = dir.join(format!("{child}.rs"));
                    if child.is_file() {
                        targets.insert(name(&root, &child));
                    }
                }
            }
        }
    }
    edges
}

/// Strongly connected components of more than one file (Tarjan).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
        w.index.insert(v, w.next);
        w.low.insert(v, w.next);
        w.next += 1;
        w.stack.push(v);
        w.on_stack.insert(v);
        let edges = w.edges;
        for to in edges.get(v).into_iter().flatten() {
            let to = to.as_str();
            if !w.index.contains_key(to) {
                visit(w, to);
                let low = w.low[v].min(w.low[to]);
                w.low.insert(v, low);
            } else if w.on_stack.contains(to) {
                let low = w.low[v].min(w.index[to]);
                w.low.insert(v, low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut component = Vec::new();
            while let Some(top) = w.stack.pop() {
                w.on_stack.remove(top);
                component.push(top.to_owned());
                if top == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                w.found.push(component);
            }
        }
    }
    let mut w = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !w.index.contains_key(v.as_str()) {
            visit(&mut w, v);
        }
    }
    w.found
}

#[test]
fn the_parser_reads_groups_and_inline_paths() {
    let paths = crate_paths(
        "use crate::{db::{orders, carts::lines}, wire::cart::CartView};\n\
         let x = crate::domain::media::photo_url(k); notcrate::x::y;",
    );
    let flat: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        flat,
        [
            "db::orders",
            "db::carts::lines",
            "wire::cart::CartView",
            "domain::media::photo_url"
        ]
    );
    let mut edges = BTreeMap::new();
    edges.insert("a.rs".to_owned(), BTreeSet::from(["b.rs".to_owned()]));
    edges.insert("b.rs".to_owned(), BTreeSet::from(["a.rs".to_owned()]));
    edges.insert("c.rs".to_owned(), BTreeSet::from(["a.rs".to_owned()]));
    assert_eq!(circles(&edges), [["a.rs", "b.rs"]]);
}

#[test]
fn app_imports_have_no_circle() {
    let found = circles(&graph());
    assert!(found.is_empty(), "import circles between files: {found:#?}");
}

#[test]
fn no_layer_imports_a_layer_above_it() {
    let mut upward = Vec::new();
    for (from, targets) in graph() {
        let floor = rank(top_module(&from));
        for to in targets {
            if rank(top_module(&to)) > floor {
                upward.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(upward.is_empty(), "upward imports: {upward:#?}");
}
