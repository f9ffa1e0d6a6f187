//! Every user-visible string exists in English and French: the two Fluent files have the same
//! message ids, every id the code asks for exists, and the French text is not left in English.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

/// The message ids defined in one language's file, in order, repeats included.
fn defined(lang: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("i18n").join(lang).join("estafette.ftl"))
        .expect("ftl file");
    text.lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id)
        .filter(|id| {
            !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(str::to_owned)
        .collect()
}

/// The message ids defined in one language's file.
fn ids(lang: &str) -> BTreeSet<String> {
    defined(lang).into_iter().collect()
}

/// The ids the code names through `fl!("…")`.
fn used() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for piece in text.split("fl!(\"").skip(1) {
                if let Some((id, _)) = piece.split_once('"') {
                    found.insert(id.to_owned());
                }
            }
        }
    }
    found
}

#[test]
fn english_and_french_define_the_same_messages() {
    let (en, fr) = (ids("en"), ids("fr"));
    let only_en: Vec<_> = en.difference(&fr).collect();
    let only_fr: Vec<_> = fr.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in French: {only_en:?}");
    assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
}

/// Fluent keeps the first of two messages with one id and only logs the second: a repeat
/// would make one of the two places that use it say the other's sentence.
#[test]
fn no_message_id_is_defined_twice() {
    for lang in ["en", "fr"] {
        let mut seen = BTreeSet::new();
        let twice: Vec<_> =
            defined(lang).into_iter().filter(|id| !seen.insert(id.clone())).collect();
        assert!(twice.is_empty(), "defined twice in {lang}: {twice:?}");
    }
}

#[test]
fn every_message_the_code_uses_exists() {
    let mut needed = used();
    needed.extend(estafette::cli::help_ids());
    for lang in ["en", "fr"] {
        let defined = ids(lang);
        let missing: Vec<_> = needed.difference(&defined).collect();
        assert!(missing.is_empty(), "used but missing in {lang}: {missing:?}");
    }
}

#[test]
fn french_is_translated() {
    let read = |lang: &str| {
        std::fs::read_to_string(root().join("i18n").join(lang).join("estafette.ftl")).expect("ftl")
    };
    let (en, fr) = (read("en"), read("fr"));
    let same: Vec<_> = en
        .lines()
        .filter(|line| line.contains(" = ") && line.len() > 40)
        .filter(|line| fr.lines().any(|f| f == *line))
        .collect();
    assert!(same.is_empty(), "left in English in the French file: {same:?}");
}

#[test]
fn the_binary_speaks_french_when_asked() {
    let data = tempfile::tempdir().expect("temp dir");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_estafette"))
        .env("ESTAFETTE_LANG", "fr")
        .arg("--data-dir")
        .arg(data.path())
        .args([
            "login",
            "--homeserver",
            "http://matrix.example.org",
            "--user",
            "a",
            "--password-stdin",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().expect("stdin").write_all(b"secret\n")?;
            child.wait_with_output()
        })
        .expect("run estafette");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("le http simple n'est pas chiffré"), "{stderr}");
}
