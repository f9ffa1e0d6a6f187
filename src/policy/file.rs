//! One policy or settings file: every key optional, nothing unknown, each error naming the
//! file, the line and the key.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::fl;

/// The keys a settings or policy file may set. Absent keys leave the decision to the layer
/// below (user settings, then built-in defaults).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Homeservers that may be used: a list of server names or URLs' hosts, or `"any"`.
    pub allowed_homeservers: Option<Homeservers>,
    /// The homeserver offered at login.
    pub default_homeserver: Option<String>,
    /// `"ask"`: consent per room before sending in clear; `"forbid"`: never.
    pub unencrypted_send: Option<UnencryptedSendKey>,
    /// Whether a room may be created without encryption at all.
    pub allow_unencrypted_room_creation: Option<bool>,
    /// `"off"`, `"on"`: share message keys only with verified sessions; `"forced"`: on, and
    /// the user cannot turn it off (meant for the organisation's file).
    pub verified_only_sending: Option<VerifiedOnlyKey>,
}

/// `allowed_homeservers = "any"` or `allowed_homeservers = ["example.org", …]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Homeservers {
    Any(AnyKeyword),
    List(Vec<String>),
}

/// The single word `"any"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnyKeyword {
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnencryptedSendKey {
    Ask,
    Forbid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerifiedOnlyKey {
    Off,
    On,
    Forced,
}

/// A policy or settings file that cannot be used. The app refuses to start on one rather
/// than run with a weaker policy than intended.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("{}", fl!("policy-unreadable", path = .0.display().to_string(), cause = .1.as_str()))]
    Unreadable(PathBuf, String),
    #[error("{}", fl!("policy-invalid", path = .path.display().to_string(), line = .line, key = .key.as_str(), cause = .cause.as_str()))]
    Invalid { path: PathBuf, line: usize, key: String, cause: String },
    /// The organisation's policy sets this key for everyone: the user's setting cannot change it.
    #[error("{}", fl!("policy-locked", key = .key.as_str(), path = .path.display().to_string()))]
    Locked { key: String, path: PathBuf },
}

/// Reads `path`; a missing file is an empty one (nothing set), any other failure is an error.
pub fn read(path: &Path) -> Result<Settings, PolicyError> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(path, &text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(error) => Err(PolicyError::Unreadable(path.to_owned(), error.to_string())),
    }
}

/// Parses the text of `path`.
pub fn parse(path: &Path, text: &str) -> Result<Settings, PolicyError> {
    let settings: Settings = toml::from_str(text).map_err(|error| {
        let start = error.span().map_or(0, |span| span.start);
        let line = text[..start.min(text.len())].matches('\n').count() + 1;
        PolicyError::Invalid {
            path: path.to_owned(),
            line,
            key: key_at(text, start, error.message()),
            cause: error.message().to_owned(),
        }
    })?;
    validate(path, text, &settings)?;
    Ok(settings)
}

/// Rules the types alone cannot say.
fn validate(path: &Path, text: &str, settings: &Settings) -> Result<(), PolicyError> {
    let invalid = |key: &str, cause: String| PolicyError::Invalid {
        path: path.to_owned(),
        line: line_of_key(text, key),
        key: key.to_owned(),
        cause,
    };
    if let Some(Homeservers::List(list)) = &settings.allowed_homeservers {
        if list.is_empty() {
            return Err(invalid("allowed_homeservers", fl!("policy-empty-list")));
        }
        if let Some(bad) = list.iter().find(|entry| super::merge::host_of(entry).is_none()) {
            return Err(invalid(
                "allowed_homeservers",
                fl!("policy-bad-server", server = bad.as_str()),
            ));
        }
    }
    if let Some(url) = &settings.default_homeserver
        && let Err(error) = super::transport::check_homeserver(url)
    {
        return Err(invalid("default_homeserver", error.to_string()));
    }
    Ok(())
}

/// The key a parse error is about: the one on the error's line, or the one the message names
/// (unknown keys are reported at the table, not the line).
fn key_at(text: &str, offset: usize, message: &str) -> String {
    if let Some(named) = message.split('`').nth(1)
        && message.starts_with("unknown field")
    {
        return named.to_owned();
    }
    let line_start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or_default();
    line.split('=').next().unwrap_or_default().trim().to_owned()
}

fn line_of_key(text: &str, key: &str) -> usize {
    text.lines().position(|line| line.trim_start().starts_with(key)).map_or(1, |index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, String, String) {
        match parse(Path::new("/etc/estafette/policy.toml"), text) {
            Err(PolicyError::Invalid { line, key, cause, .. }) => (line, key, cause),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn every_key_parses() {
        let text = r#"
allowed_homeservers = ["example.org", "https://matrix.gouv.fr"]
default_homeserver = "https://matrix.gouv.fr"
unencrypted_send = "forbid"
allow_unencrypted_room_creation = false
verified_only_sending = "forced"
"#;
        let settings = parse(Path::new("p.toml"), text).unwrap();
        assert_eq!(settings.verified_only_sending, Some(VerifiedOnlyKey::Forced));
        assert_eq!(settings.unencrypted_send, Some(UnencryptedSendKey::Forbid));
        assert_eq!(settings.allow_unencrypted_room_creation, Some(false));
        assert!(
            matches!(settings.allowed_homeservers, Some(Homeservers::List(ref l)) if l.len() == 2)
        );
        let any = parse(Path::new("p.toml"), "allowed_homeservers = \"any\"").unwrap();
        assert_eq!(any.allowed_homeservers, Some(Homeservers::Any(AnyKeyword::Any)));
        assert_eq!(parse(Path::new("p.toml"), "").unwrap(), Settings::default());
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let (line, key, _) = error("unencrypted_send = \"ask\"\nallow_everything = true\n");
        assert_eq!(key, "allow_everything");
        assert!(line >= 1);
    }

    #[test]
    fn wrong_type_names_key_and_line() {
        let (line, key, cause) =
            error("unencrypted_send = \"ask\"\nallow_unencrypted_room_creation = \"yes\"\n");
        assert_eq!((line, key.as_str()), (2, "allow_unencrypted_room_creation"));
        assert!(cause.contains("bool"), "{cause}");
    }

    #[test]
    fn wrong_value_names_key_and_line() {
        let (line, key, _) = error("\n\nunencrypted_send = \"sometimes\"\n");
        assert_eq!((line, key.as_str()), (3, "unencrypted_send"));
        let (_, key, _) = error("allowed_homeservers = \"all\"\n");
        assert_eq!(key, "allowed_homeservers");
    }

    #[test]
    fn verified_only_sending_takes_three_words() {
        for (word, key) in [
            ("off", VerifiedOnlyKey::Off),
            ("on", VerifiedOnlyKey::On),
            ("forced", VerifiedOnlyKey::Forced),
        ] {
            let text = format!("verified_only_sending = \"{word}\"");
            let settings = parse(Path::new("p.toml"), &text).unwrap();
            assert_eq!(settings.verified_only_sending, Some(key));
        }
        let (line, key, _) =
            error("unencrypted_send = \"ask\"\nverified_only_sending = \"always\"\n");
        assert_eq!((line, key.as_str()), (2, "verified_only_sending"));
        let (line, key, _) = error("\nverified_only_sending = true\n");
        assert_eq!((line, key.as_str()), (2, "verified_only_sending"));
    }

    #[test]
    fn malformed_toml_names_the_line() {
        let (line, _, _) = error("unencrypted_send = \"ask\"\nthis is not toml\n");
        assert_eq!(line, 2);
    }

    #[test]
    fn rules_beyond_types() {
        assert_eq!(error("allowed_homeservers = []").1, "allowed_homeservers");
        assert_eq!(error("allowed_homeservers = [\"not a server\"]").1, "allowed_homeservers");
        let (line, key, cause) = error("\ndefault_homeserver = \"http://matrix.example.org\"");
        assert_eq!((line, key.as_str()), (2, "default_homeserver"));
        assert!(cause.contains("plain http"), "{cause}");
    }

    #[test]
    fn missing_file_is_empty_and_unreadable_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(&dir.path().join("none.toml")).unwrap(), Settings::default());
        assert!(matches!(read(dir.path()), Err(PolicyError::Unreadable(..))));
    }
}
