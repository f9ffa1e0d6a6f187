//! DESIGN.md's boundaries, checked on the source: only `matrix` names the SDK, only `ui` (and
//! `main.rs`) names iced, only `secret` touches the keychain, only `search` names tantivy, and every module says what it owns.

// A test's helpers panic on purpose: that is how a failure is reported (Cargo.toml [lints]
// deny these outside tests; clippy.toml exempts #[test] functions, not their helpers).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
}

/// Files under `src/` (relative, with `/`) that use a path starting with one of `names`.
fn offenders(names: &[&str], allowed: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut bad = Vec::new();
    for path in sources(&src) {
        let rel = path.strip_prefix(&src).expect("under src").to_string_lossy().replace('\\', "/");
        if allowed.iter().any(|prefix| {
            rel == *prefix || rel.starts_with(&format!("{}/", prefix.trim_end_matches(".rs")))
        }) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read source");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if names.iter().any(|name| uses(code, name)) {
                bad.push(format!("src/{rel}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    bad
}

/// True when `code` names the crate `name` as a path (`name::`) or imports it.
fn uses(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = &code[at + name.len()..];
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && after.starts_with("::")
    })
}

#[test]
fn only_matrix_names_the_sdk() {
    let bad = offenders(
        &[
            "matrix_sdk",
            "matrix_sdk_ui",
            "matrix_sdk_base",
            "matrix_sdk_crypto",
            "ruma",
            "eyeball",
            "eyeball_im",
        ],
        &["matrix.rs"],
    );
    assert!(bad.is_empty(), "the SDK is named outside src/matrix:\n{}", bad.join("\n"));
}

#[test]
fn only_ui_names_iced() {
    let bad = offenders(&["iced", "iced_core", "iced_widget", "iced_test"], &["ui.rs", "main.rs"]);
    assert!(bad.is_empty(), "iced is named outside src/ui:\n{}", bad.join("\n"));
}

#[test]
fn only_search_names_the_index_library() {
    let bad = offenders(&["tantivy", "chacha20poly1305"], &["search.rs"]);
    assert!(bad.is_empty(), "tantivy is named outside src/search:\n{}", bad.join("\n"));
}

#[test]
fn only_secret_touches_the_keychain() {
    let bad = offenders(
        &[
            "keyring",
            "keyring_core",
            "zbus_secret_service_keyring_store",
            "apple_native_keyring_store",
            "windows_native_keyring_store",
        ],
        &["secret.rs"],
    );
    assert!(bad.is_empty(), "the keychain is touched outside src/secret:\n{}", bad.join("\n"));
}

/// Files under `src/<dir>` (and `src/<dir>.rs`) that name `crate::<name>`.
fn reaching(dir: &str, names: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = sources(&src.join(dir));
    files.push(src.join(format!("{dir}.rs")));
    let mut bad = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read source");
        for (number, line) in without_tests(&text).lines().enumerate() {
            if names.iter().any(|name| line.contains(&format!("crate::{name}"))) {
                bad.push(format!("{}:{}: {}", path.display(), number + 1, line.trim()));
            }
        }
    }
    bad
}

#[test]
fn the_command_line_does_not_name_the_window() {
    let bad = reaching("cli", &["ui"]);
    assert!(bad.is_empty(), "cli names ui:\n{}", bad.join("\n"));
}

#[test]
fn the_model_names_no_front_end_and_no_core() {
    let bad = reaching("model", &["matrix", "ui", "cli"]);
    assert!(bad.is_empty(), "model reaches up:\n{}", bad.join("\n"));
}

#[test]
fn every_module_says_what_it_owns() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let missing: Vec<_> = sources(&src)
        .into_iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            !text.lines().take(3).any(|line| line.starts_with("//!"))
        })
        .collect();
    assert!(missing.is_empty(), "modules without a //! line: {missing:?}");
}

#[test]
fn the_checker_itself_catches_a_crossing() {
    assert!(uses("use matrix_sdk::Client;", "matrix_sdk"));
    assert!(uses("let x = ruma::UserId::parse(s);", "ruma"));
    assert!(!uses("let my_ruma = 1;", "ruma"));
    assert!(!uses("mod matrix_sdk_notes;", "matrix_sdk"));
}

/// The modules of `dir` (the core's folder) and the ones each of them names, keyed by their
/// path below `dir` (`handle`, `verification/flows`). A name the facade re-exports (`super::
/// Handle` from `rooms.rs`) counts as the module it comes from. Test modules are left out:
/// they may reach anywhere.
fn module_graph(dir: &Path, facade: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let facade_text = std::fs::read_to_string(facade).expect("read the facade");
    let reexports = reexports(&facade_text);
    let test_only = test_only_modules(&facade_text);
    let mut graph = BTreeMap::new();
    for path in sources(dir) {
        let rel = path.strip_prefix(dir).expect("under dir").with_extension("");
        let module = rel.to_string_lossy().replace('\\', "/");
        if test_only.iter().any(|skip| module == *skip || module.starts_with(&format!("{skip}/"))) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read source");
        let code = without_tests(&text);
        let here: Vec<&str> = module.split('/').collect();
        let mut named = BTreeSet::new();
        for target in named_paths(&code) {
            if let Some(other) = resolve(dir, &here, &target, &reexports)
                && other != module
                && !module.starts_with(&format!("{other}/"))
            {
                named.insert(other);
            }
        }
        graph.insert(module, named);
    }
    graph
}

/// `pub use handle::{Handle, ListProgress};` in the facade: each name and its module.
fn reexports(facade: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in facade.lines().map(str::trim) {
        let Some(rest) = line.strip_prefix("pub use ").or(line.strip_prefix("pub(crate) use "))
        else {
            continue;
        };
        let Some((module, items)) = rest.trim_end_matches(';').split_once("::") else { continue };
        for item in items.trim_matches(|c| c == '{' || c == '}').split(',') {
            names.insert(item.trim().to_owned(), module.to_owned());
        }
    }
    names
}

/// `#[cfg(test)] mod hostile;` in the facade: modules that exist only in the tests.
fn test_only_modules(facade: &str) -> Vec<String> {
    let lines: Vec<&str> = facade.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|pair| pair[0] == "#[cfg(test)]")
        .filter_map(|pair| pair[1].strip_prefix("mod ")?.strip_suffix(';').map(str::to_owned))
        .collect()
}

/// The code before the unit tests (which close every file that has them), comments dropped.
fn without_tests(text: &str) -> String {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
    code.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path into the core that `code` spells: `super::a::b`, `crate::matrix::a`, and each
/// branch of `use super::{a, b::c}`, as segments from where it starts (`super` kept).
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for start in ["super::", "crate::matrix::"] {
        for (at, _) in code.match_indices(start) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let root: Vec<String> =
                start.trim_end_matches("::").split("::").map(str::to_owned).collect();
            expand(&code[at + start.len()..], root, &mut found);
        }
    }
    found
}

/// Reads a path's rest (`a::b`, or a `{…}` group of such) after `prefix`.
fn expand(rest: &str, mut prefix: Vec<String>, found: &mut Vec<Vec<String>>) {
    let mut rest = rest;
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut branch = 0;
            for (at, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        expand(group[branch..at].trim_start(), prefix.clone(), found);
                        return;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(group[branch..at].trim_start(), prefix.clone(), found);
                        branch = at + 1;
                    }
                    _ => {}
                }
            }
            return;
        }
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if end == 0 {
            found.push(prefix);
            return;
        }
        prefix.push(rest[..end].to_owned());
        match rest[end..].strip_prefix("::") {
            Some(more) => rest = more,
            None => {
                found.push(prefix);
                return;
            }
        }
    }
}

/// The module of `dir` that `path`, spelled in module `here`, leads to; `None` for the facade
/// itself and for paths that leave the core.
fn resolve(
    dir: &Path,
    here: &[&str],
    path: &[String],
    reexports: &BTreeMap<String, String>,
) -> Option<String> {
    let mut module: Vec<String> = here.iter().map(|s| (*s).to_owned()).collect();
    let mut segments = path.iter().peekable();
    match segments.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segments.next();
            segments.next();
            module.clear();
        }
        _ => {
            while segments.peek().is_some_and(|s| *s == "super") {
                segments.next();
                module.pop()?;
            }
        }
    }
    for segment in segments {
        let mut deeper = module.clone();
        deeper.push(segment.clone());
        if dir.join(format!("{}.rs", deeper.join("/"))).is_file() {
            module = deeper;
            continue;
        }
        if module.is_empty() {
            module.push(reexports.get(segment)?.clone());
        }
        break;
    }
    (!module.is_empty()).then(|| module.join("/"))
}

/// One cycle of `graph`, as the modules along it, if it has any.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if !done.insert(node.to_owned()) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_core_depends_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = module_graph(&src.join("matrix"), &src.join("matrix.rs"));
    assert!(graph.contains_key("handle") && graph["start"].contains("handle"), "{graph:#?}");
    if let Some(found) = cycle(&graph) {
        panic!("src/matrix has an import cycle: {}", found.join(" → "));
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let dir = tempfile::tempdir().expect("temp dir");
    let core = dir.path().join("core");
    std::fs::create_dir_all(core.join("b")).expect("dirs");
    let write = |name: &str, text: &str| std::fs::write(core.join(name), text).expect("write");
    std::fs::write(dir.path().join("core.rs"), "mod a;\nmod b;\npub use a::Thing;\n")
        .expect("write");
    write("a.rs", "//! a\nuse super::{b::inner::Other, error};\n");
    write("b.rs", "//! b\nmod inner;\n");
    write("b/inner.rs", "//! inner\nfn f() -> crate::matrix::Thing { todo() }\n");
    write("error.rs", "//! error\n#[cfg(test)]\nmod tests {\n    use super::super::a::x;\n}\n");
    let graph = module_graph(&core, &dir.path().join("core.rs"));
    assert_eq!(graph["a"], BTreeSet::from(["b/inner".to_owned(), "error".to_owned()]));
    assert!(graph["error"].is_empty(), "a test module's imports count: {graph:?}");
    let found = cycle(&graph).expect("a → b/inner → a is a cycle");
    assert!(found.contains(&"a".to_owned()) && found.contains(&"b/inner".to_owned()), "{found:?}");
    write("b/inner.rs", "//! inner\nfn f() {}\n");
    assert_eq!(cycle(&module_graph(&core, &dir.path().join("core.rs"))), None);
}

#[test]
fn files_stay_under_eight_hundred_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let long: Vec<String> = sources(&src)
        .into_iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(&path).unwrap_or_default().lines().count();
            (lines > 800).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by responsibility (DESIGN.md, Style): {long:?}");
}
