//! DESIGN.md's boundaries, checked on the source: only `matrix` names the SDK, only `ui` (and
//! `main.rs`) names iced, only `secret` touches the keychain, and every module says what it owns.

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
