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
    /// With `default_homeserver` in the same file: the login uses that server and no other
    /// can be typed. Only the organisation's file may set it.
    pub lock_default_homeserver: Option<bool>,
    /// Recovery (the key that brings the encrypted history back) must be set up.
    pub require_recovery: Option<bool>,
    /// A new session must be verified before it is used: the step cannot be skipped.
    pub require_session_verification: Option<bool>,
    /// `"show"`: notifications name the room; `"hide"`: only that something is new.
    pub notification_content: Option<NotificationContentKey>,
    /// `"on"` or `"off"`: whether the server's directory of public rooms may be browsed.
    pub public_room_directory: Option<OnOffKey>,
    /// `"on"` or `"off"`: whether reactions may be sent (they are not encrypted).
    pub reactions: Option<OnOffKey>,
    /// `"on"` or `"off"`: whether messages are kept in a local, encrypted search index.
    pub local_search: Option<OnOffKey>,
    /// `"on"` or `"off"`: whether a search also asks the server, for the rooms that are not
    /// encrypted (the server reads those anyway, but then also learns what was searched).
    pub server_search: Option<OnOffKey>,
    /// `"all"`, `"private"` or `"off"`: where pictures and other media in the timeline are
    /// fetched and shown without a click.
    pub media_previews: Option<MediaPreviewsKey>,
    /// The most detailed log level allowed, whatever `--log-level` asks.
    pub log_level_max: Option<LogLevelKey>,
    /// Minutes without use before the window hides its content; 0 is never. Signed here only
    /// so that a negative number is reported in words rather than as a type error.
    pub idle_lock_minutes: Option<i64>,
    /// `"on"` or `"off"`: whether the desktop app starts, in the background, when the user
    /// logs in (an XDG autostart entry on Linux).
    pub start_at_login: Option<OnOffKey>,
}

/// Which file is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    User,
    Organisation,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotificationContentKey {
    Show,
    Hide,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnOffKey {
    On,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaPreviewsKey {
    All,
    Private,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogLevelKey {
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

/// The longest idle lock delay accepted; the number must fit the platform's timers.
pub const MAX_IDLE_MINUTES: i64 = u32::MAX as i64;

/// A policy or settings file that cannot be used. The app refuses to start on one rather
/// than run with a weaker policy than intended.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("{}", fl!("policy-unreadable", path = .0.display().to_string(), cause = .1.as_str()))]
    Unreadable(PathBuf, String),
    /// Someone other than the administrator could have written the organisation's file.
    #[error("{}", fl!("policy-untrusted", path = .0.display().to_string(), cause = .1.as_str()))]
    Untrusted(PathBuf, String),
    #[error("{}", fl!("policy-invalid", path = .path.display().to_string(), line = .line, key = .key.as_str(), cause = .cause.as_str()))]
    Invalid { path: PathBuf, line: usize, key: String, cause: String },
    /// The organisation's policy sets this key for everyone: the user's setting cannot change it.
    #[error("{}", fl!("policy-locked", key = .key.as_str(), path = .path.display().to_string()))]
    Locked { key: String, path: PathBuf },
    /// The organisation's policy sets a minimum for this key: the user may only be stricter.
    #[error("{}", fl!("policy-weaker", key = .key.as_str(), minimum = .minimum.as_str(), path = .path.display().to_string()))]
    Weaker { key: String, minimum: String, path: PathBuf },
}

/// Reads `path` as the `layer`'s file; a missing file is an empty one (nothing set), any other
/// failure is an error. The organisation's file is read only once `trust` has checked that
/// nobody but the administrator could have written it.
pub fn read(path: &Path, layer: Layer) -> Result<Settings, PolicyError> {
    if layer == Layer::Organisation {
        super::trust::check(path)?;
    }
    match std::fs::read_to_string(path) {
        Ok(text) => parse_as(path, &text, layer),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(error) => Err(PolicyError::Unreadable(path.to_owned(), error.to_string())),
    }
}

/// Parses the text of `path` as an organisation's policy file, where every key is allowed.
pub fn parse(path: &Path, text: &str) -> Result<Settings, PolicyError> {
    parse_as(path, text, Layer::Organisation)
}

/// Parses the text of `path` as the `layer`'s file.
pub fn parse_as(path: &Path, text: &str, layer: Layer) -> Result<Settings, PolicyError> {
    let settings: Settings = toml::from_str(text).map_err(|error| {
        let start = error.span().map_or(0, |span| span.start);
        let (line, key) = match unknown_key(error.message()) {
            // Unknown keys are reported at their table, not their line: find the line.
            Some(named) => (line_of_key(text, named), named.to_owned()),
            None => (line_at(text, start), key_at(text, start)),
        };
        PolicyError::Invalid { path: path.to_owned(), line, key, cause: error.message().to_owned() }
    })?;
    validate(path, text, &settings, layer)?;
    Ok(settings)
}

/// Rules the types alone cannot say.
fn validate(path: &Path, text: &str, settings: &Settings, layer: Layer) -> Result<(), PolicyError> {
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
    if let Some(lock) = settings.lock_default_homeserver {
        // A user locking their own login server would only lock themselves out of changing it.
        if layer == Layer::User {
            return Err(invalid("lock_default_homeserver", fl!("policy-organisation-only")));
        }
        if lock && settings.default_homeserver.is_none() {
            return Err(invalid("lock_default_homeserver", fl!("policy-lock-needs-default")));
        }
    }
    if let Some(minutes) = settings.idle_lock_minutes
        && !(0..=MAX_IDLE_MINUTES).contains(&minutes)
    {
        return Err(invalid("idle_lock_minutes", fl!("policy-bad-minutes", minutes = minutes)));
    }
    Ok(())
}

/// The key an "unknown field" error names.
fn unknown_key(message: &str) -> Option<&str> {
    message.starts_with("unknown field").then(|| message.split('`').nth(1)).flatten()
}

/// The line (from 1) holding byte `offset`.
fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The key on the line of byte `offset`: the one a wrong value or type is about.
fn key_at(text: &str, offset: usize) -> String {
    let line_start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or_default();
    line.split('=').next().unwrap_or_default().trim().to_owned()
}

/// The line (from 1) that sets `key`; 1 when none does.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |index| index + 1)
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
        assert_eq!((line, key.as_str()), (2, "allow_everything"));
        // A key that only starts like a known one is still unknown, on its own line.
        let (line, key, _) = error("\nidle_lock_minutes = 5\nidle_lock_minutes_max = 9\n");
        assert_eq!((line, key.as_str()), (3, "idle_lock_minutes_max"));
    }

    #[test]
    fn the_version_2_keys_parse() {
        let text = r#"
default_homeserver = "https://matrix.gouv.fr"
lock_default_homeserver = true
require_recovery = true
require_session_verification = false
notification_content = "hide"
public_room_directory = "off"
log_level_max = "warn"
idle_lock_minutes = 15
"#;
        let settings = parse(Path::new("p.toml"), text).unwrap();
        assert_eq!(settings.lock_default_homeserver, Some(true));
        assert_eq!(settings.require_recovery, Some(true));
        assert_eq!(settings.require_session_verification, Some(false));
        assert_eq!(settings.notification_content, Some(NotificationContentKey::Hide));
        assert_eq!(settings.public_room_directory, Some(OnOffKey::Off));
        assert_eq!(settings.log_level_max, Some(LogLevelKey::Warn));
        assert_eq!(settings.idle_lock_minutes, Some(15));
        for level in ["error", "warn", "info", "debug", "trace"] {
            let text = format!("log_level_max = \"{level}\"");
            assert!(parse(Path::new("p.toml"), &text).is_ok(), "{level}");
        }
        assert_eq!(
            parse(Path::new("p.toml"), "idle_lock_minutes = 0").unwrap().idle_lock_minutes,
            Some(0)
        );
    }

    #[test]
    fn the_version_2_keys_refuse_wrong_types_with_line_and_key() {
        for (text, key) in [
            ("\nrequire_recovery = \"yes\"", "require_recovery"),
            ("\nrequire_session_verification = 1", "require_session_verification"),
            ("\nlock_default_homeserver = \"true\"", "lock_default_homeserver"),
            ("\nnotification_content = true", "notification_content"),
            ("\npublic_room_directory = false", "public_room_directory"),
            ("\nmedia_previews = true", "media_previews"),
            ("\nlog_level_max = 3", "log_level_max"),
            ("\nidle_lock_minutes = \"15\"", "idle_lock_minutes"),
            ("\nidle_lock_minutes = 1.5", "idle_lock_minutes"),
        ] {
            let (line, named, _) = error(text);
            assert_eq!((line, named.as_str()), (2, key), "{text}");
        }
    }

    #[test]
    fn the_version_2_keys_refuse_bad_values_with_line_and_key() {
        for (text, key) in [
            ("\nnotification_content = \"partial\"", "notification_content"),
            ("\npublic_room_directory = \"sometimes\"", "public_room_directory"),
            ("\nlog_level_max = \"verbose\"", "log_level_max"),
        ] {
            let (line, named, _) = error(text);
            assert_eq!((line, named.as_str()), (2, key), "{text}");
        }
        let (line, key, cause) = error("unencrypted_send = \"ask\"\n\nidle_lock_minutes = -5\n");
        assert_eq!((line, key.as_str()), (3, "idle_lock_minutes"));
        assert!(cause.contains("-5"), "{cause}");
        let (_, key, _) = error("idle_lock_minutes = 99999999999");
        assert_eq!(key, "idle_lock_minutes");
    }

    #[test]
    fn media_previews_takes_three_words() {
        for (word, key) in [
            ("all", MediaPreviewsKey::All),
            ("private", MediaPreviewsKey::Private),
            ("off", MediaPreviewsKey::Off),
        ] {
            let text = format!("media_previews = \"{word}\"");
            let settings = parse(Path::new("p.toml"), &text).unwrap();
            assert_eq!(settings.media_previews, Some(key));
        }
        let (line, key, cause) = error("unencrypted_send = \"ask\"\nmedia_previews = \"some\"\n");
        assert_eq!((line, key.as_str()), (2, "media_previews"));
        assert!(cause.contains("private"), "the words it takes are named: {cause}");
        let (line, key, _) = error("\nmedia_previews = 1\n");
        assert_eq!((line, key.as_str()), (2, "media_previews"));
    }

    #[test]
    fn locking_the_login_server_needs_one_and_the_organisations_file() {
        let (line, key, cause) = error("require_recovery = true\nlock_default_homeserver = true\n");
        assert_eq!((line, key.as_str()), (2, "lock_default_homeserver"));
        assert!(cause.contains("default_homeserver"), "{cause}");
        let text = "default_homeserver = \"https://a.example\"\nlock_default_homeserver = true\n";
        assert!(parse(Path::new("p.toml"), text).is_ok());
        let user = parse_as(Path::new("settings.toml"), text, Layer::User).unwrap_err();
        assert!(
            matches!(user, PolicyError::Invalid { line: 2, ref key, .. } if key == "lock_default_homeserver"),
            "{user:?}"
        );
        assert!(user.to_string().contains("settings.toml"), "{user}");
        // Unlocking is as meaningless in the user's file as locking.
        let unlock = "lock_default_homeserver = false";
        assert!(parse_as(Path::new("settings.toml"), unlock, Layer::User).is_err());
        assert!(parse(Path::new("p.toml"), unlock).is_ok());
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
        let none = dir.path().join("none.toml");
        assert_eq!(read(&none, Layer::Organisation).unwrap(), Settings::default());
        assert!(matches!(read(dir.path(), Layer::User), Err(PolicyError::Unreadable(..))));
    }
}
