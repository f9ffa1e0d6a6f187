//! Changing one of the user's own settings: refused where the organisation has locked the key
//! or sets a stricter minimum, checked by the same parser as at start, written whole so a
//! crash never leaves half a file.

use std::path::Path;

use super::file::{self, Layer, PolicyError, Settings};
use super::merge::{Policy, Setting};
use crate::fl;

/// A key of the user's settings that the command line (and the settings screen) can change;
/// the command line's `policy set KEY` takes its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[clap(rename_all = "snake_case")]
pub enum UserKey {
    VerifiedOnlySending,
    RequireRecovery,
    RequireSessionVerification,
    NotificationContent,
    PublicRoomDirectory,
    Reactions,
    LocalSearch,
    ServerSearch,
    MediaPreviews,
    LogLevelMax,
    IdleLockMinutes,
    StartAtLogin,
}

impl UserKey {
    pub fn name(self) -> &'static str {
        match self {
            Self::VerifiedOnlySending => "verified_only_sending",
            Self::RequireRecovery => "require_recovery",
            Self::RequireSessionVerification => "require_session_verification",
            Self::NotificationContent => "notification_content",
            Self::PublicRoomDirectory => "public_room_directory",
            Self::Reactions => "reactions",
            Self::LocalSearch => "local_search",
            Self::ServerSearch => "server_search",
            Self::MediaPreviews => "media_previews",
            Self::LogLevelMax => "log_level_max",
            Self::IdleLockMinutes => "idle_lock_minutes",
            Self::StartAtLogin => "start_at_login",
        }
    }

    fn locked(self, policy: &Policy) -> Option<&Path> {
        match self {
            Self::VerifiedOnlySending => locked_by(&policy.verified_only_sending),
            Self::RequireRecovery => locked_by(&policy.require_recovery),
            Self::RequireSessionVerification => locked_by(&policy.require_session_verification),
            Self::NotificationContent => locked_by(&policy.notification_content),
            Self::PublicRoomDirectory => locked_by(&policy.public_room_directory),
            Self::Reactions => locked_by(&policy.reactions),
            Self::LocalSearch => locked_by(&policy.local_search),
            Self::ServerSearch => locked_by(&policy.server_search),
            Self::MediaPreviews => locked_by(&policy.media_previews),
            Self::LogLevelMax => locked_by(&policy.log_level_max),
            Self::IdleLockMinutes => locked_by(&policy.idle_lock_minutes),
            Self::StartAtLogin => locked_by(&policy.start_at_login),
        }
    }

    /// The value as the file types it: words for most keys, `true`/`false` and numbers where
    /// the key wants them. Anything else stays a word, which the parser then refuses by name.
    fn value(self, text: &str) -> toml::Value {
        let text = text.trim();
        match self {
            Self::RequireRecovery | Self::RequireSessionVerification => match text {
                "true" => toml::Value::Boolean(true),
                "false" => toml::Value::Boolean(false),
                other => toml::Value::String(other.to_owned()),
            },
            Self::IdleLockMinutes => text
                .parse::<i64>()
                .map_or_else(|_| toml::Value::String(text.to_owned()), toml::Value::Integer),
            _ => toml::Value::String(text.to_owned()),
        }
    }
}

/// The organisation's file that locks `setting`, if it is locked.
fn locked_by<T>(setting: &Setting<T>) -> Option<&Path> {
    match &setting.source {
        super::Source::Organisation(path) if setting.locked() => Some(path.as_path()),
        _ => None,
    }
}

/// Sets `key` to `value` in the user's settings file at `path`, keeping the other keys. The
/// policy in force (`policy`) says whether the organisation has locked it.
pub fn set_user_setting(
    policy: &Policy,
    path: &Path,
    key: UserKey,
    value: &str,
) -> Result<(), PolicyError> {
    if let Some(organisation) = key.locked(policy) {
        return Err(PolicyError::Locked {
            key: key.name().to_owned(),
            path: organisation.to_owned(),
        });
    }
    let unreadable =
        |error: &dyn std::fmt::Display| PolicyError::Unreadable(path.to_owned(), error.to_string());
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(unreadable(&error)),
    };
    // A broken file is reported as at start, rather than overwritten.
    file::parse_as(path, &text, Layer::User)?;
    let mut table: toml::Table = toml::from_str(&text).map_err(|e| unreadable(&e))?;
    table.insert(key.name().to_owned(), key.value(value));
    let updated = toml::to_string(&table).map_err(|e| unreadable(&e))?;
    // The value itself is checked the way the app will read it next time.
    let settings = file::parse_as(path, &updated, Layer::User)?;
    if key == UserKey::VerifiedOnlySending
        && settings.verified_only_sending == Some(file::VerifiedOnlyKey::Forced)
    {
        return Err(PolicyError::Invalid {
            path: path.to_owned(),
            line: 1,
            key: key.name().to_owned(),
            cause: fl!("policy-forced-is-for-organisations"),
        });
    }
    overridden(policy, &settings, path, key)?;
    let temporary = path.with_extension("toml.new");
    std::fs::write(&temporary, updated).map_err(|e| unreadable(&e))?;
    std::fs::rename(&temporary, path).map_err(|e| unreadable(&e))
}

/// Refuses a value the organisation's file would override at the next start: a lock, or a
/// value weaker than the organisation's minimum. Saying so now beats a setting that silently
/// does nothing.
fn overridden(
    policy: &Policy,
    settings: &Settings,
    path: &Path,
    key: UserKey,
) -> Result<(), PolicyError> {
    let Some((org_path, org)) = &policy.organisation else { return Ok(()) };
    let value_of = |policy: Policy| policy.rules().into_iter().find(|rule| rule.key == key.name());
    let asked = value_of(Policy::merge(settings, path, &Settings::default(), org_path));
    let in_force = value_of(Policy::merge(settings, path, org, org_path));
    match (asked, in_force) {
        (Some(asked), Some(in_force)) if asked.value != in_force.value => {
            let key = key.name().to_owned();
            Err(match in_force.source {
                "organisation_minimum" => {
                    PolicyError::Weaker { key, minimum: in_force.value, path: org_path.clone() }
                }
                _ => PolicyError::Locked { key, path: org_path.clone() },
            })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(user: &Path, org_text: &str) -> Policy {
        let dir = user.parent().unwrap();
        let org = dir.join("org.toml");
        std::fs::write(&org, org_text).unwrap();
        Policy::load(user, &org).unwrap()
    }

    #[test]
    fn a_setting_is_written_beside_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("settings.toml");
        std::fs::write(&user, "unencrypted_send = \"forbid\"\n").unwrap();
        let key = UserKey::VerifiedOnlySending;
        set_user_setting(&policy(&user, ""), &user, key, "on").unwrap();
        let loaded = policy(&user, "");
        assert!(loaded.verified_only_sending.value.is_on());
        assert_eq!(loaded.unencrypted_send.value, super::super::UnencryptedSend::Forbid);
        set_user_setting(&loaded, &user, key, "off").unwrap();
        assert!(!policy(&user, "").verified_only_sending.value.is_on());
    }

    #[test]
    fn a_key_the_organisation_forces_cannot_be_changed() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("settings.toml");
        let forced = policy(&user, "verified_only_sending = \"forced\"");
        let error =
            set_user_setting(&forced, &user, UserKey::VerifiedOnlySending, "off").unwrap_err();
        assert!(
            matches!(error, PolicyError::Locked { ref key, .. } if key == "verified_only_sending")
        );
        assert!(!user.exists(), "nothing written");
        // A recommendation is not a lock.
        let recommended = policy(&user, "verified_only_sending = \"on\"");
        set_user_setting(&recommended, &user, UserKey::VerifiedOnlySending, "off").unwrap();
    }

    #[test]
    fn starting_at_login_is_the_users_choice_unless_the_organisation_sets_it() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("settings.toml");
        let free = policy(&user, "");
        assert_eq!(free.start_at_login.value, super::super::Switch::Off, "off by default");
        set_user_setting(&free, &user, UserKey::StartAtLogin, "on").unwrap();
        assert_eq!(policy(&user, "").start_at_login.value, super::super::Switch::On);
        for (org, value) in [("on", super::super::Switch::On), ("off", super::super::Switch::Off)] {
            let forced = policy(&user, &format!("start_at_login = \"{org}\""));
            assert_eq!(forced.start_at_login.value, value, "the organisation's {org} wins");
            let error = set_user_setting(&forced, &user, UserKey::StartAtLogin, "off").unwrap_err();
            assert!(
                matches!(error, PolicyError::Locked { ref key, .. } if key == "start_at_login")
            );
        }
    }

    #[test]
    fn every_user_key_is_written_with_its_type() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("settings.toml");
        let free = policy(&user, "");
        for (key, value) in [
            (UserKey::RequireRecovery, "true"),
            (UserKey::RequireSessionVerification, "true"),
            (UserKey::NotificationContent, "hide"),
            (UserKey::PublicRoomDirectory, "off"),
            (UserKey::MediaPreviews, "off"),
            (UserKey::LogLevelMax, "warn"),
            (UserKey::IdleLockMinutes, "10"),
        ] {
            set_user_setting(&free, &user, key, value).unwrap();
        }
        let loaded = policy(&user, "");
        assert!(loaded.require_recovery.value && loaded.require_session_verification.value);
        assert_eq!(loaded.notification_content.value, super::super::NotificationContent::Hide);
        assert_eq!(loaded.public_room_directory.value, super::super::PublicRoomDirectory::Off);
        assert_eq!(loaded.media_previews.value, super::super::MediaPreviews::Off);
        assert_eq!(loaded.log_level_max.value, super::super::LogLevel::Warn);
        assert_eq!(loaded.idle_lock_minutes.value, 10);
        let text = std::fs::read_to_string(&user).unwrap();
        assert!(
            text.contains("idle_lock_minutes = 10") && text.contains("require_recovery = true")
        );
    }

    #[test]
    fn stricter_than_the_organisations_minimum_is_allowed_weaker_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("settings.toml");
        let org = "idle_lock_minutes = 15
notification_content = \"show\"\nrequire_recovery = true";
        let managed = policy(&user, org);
        set_user_setting(&managed, &user, UserKey::IdleLockMinutes, "5").unwrap();
        set_user_setting(&managed, &user, UserKey::IdleLockMinutes, "15").unwrap();
        set_user_setting(&managed, &user, UserKey::NotificationContent, "hide").unwrap();
        for weaker in ["30", "0"] {
            let error =
                set_user_setting(&managed, &user, UserKey::IdleLockMinutes, weaker).unwrap_err();
            assert!(
                matches!(error, PolicyError::Weaker { ref key, ref minimum, .. } if key == "idle_lock_minutes" && minimum == "15"),
                "{weaker}: {error:?}"
            );
            assert!(error.to_string().contains("15"), "{error}");
        }
        let error =
            set_user_setting(&managed, &user, UserKey::RequireRecovery, "false").unwrap_err();
        assert!(matches!(error, PolicyError::Locked { ref key, .. } if key == "require_recovery"));
        let text = std::fs::read_to_string(&user).unwrap();
        assert!(
            text.contains("idle_lock_minutes = 15"),
            "the refused values were not written: {text}"
        );
    }

    #[test]
    fn media_previews_may_only_be_stricter_than_the_organisations() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("settings.toml");
        let managed = policy(&user, "media_previews = \"private\"");
        set_user_setting(&managed, &user, UserKey::MediaPreviews, "off").unwrap();
        set_user_setting(&managed, &user, UserKey::MediaPreviews, "private").unwrap();
        let error = set_user_setting(&managed, &user, UserKey::MediaPreviews, "all").unwrap_err();
        assert!(
            matches!(error, PolicyError::Weaker { ref key, ref minimum, .. } if key == "media_previews" && minimum == "private"),
            "{error:?}"
        );
        let text = std::fs::read_to_string(&user).unwrap();
        assert!(
            text.contains("media_previews = \"private\""),
            "the refused value was not written: {text}"
        );
        let locked = policy(&user, "media_previews = \"off\"");
        let error = set_user_setting(&locked, &user, UserKey::MediaPreviews, "all").unwrap_err();
        assert!(matches!(error, PolicyError::Locked { ref key, .. } if key == "media_previews"));
    }

    #[test]
    fn wrong_types_and_negative_minutes_name_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("settings.toml");
        let free = policy(&user, "");
        for (key, bad) in [
            (UserKey::RequireRecovery, "yes"),
            (UserKey::IdleLockMinutes, "-5"),
            (UserKey::IdleLockMinutes, "soon"),
            (UserKey::LogLevelMax, "verbose"),
            (UserKey::NotificationContent, "partial"),
            (UserKey::MediaPreviews, "some"),
        ] {
            let error = set_user_setting(&free, &user, key, bad).unwrap_err();
            assert!(
                matches!(error, PolicyError::Invalid { key: ref named, .. } if named == key.name()),
                "{bad}: {error:?}"
            );
        }
        assert!(!user.exists(), "nothing written");
    }

    #[test]
    fn bad_values_and_broken_files_are_refused_with_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("settings.toml");
        let free = policy(&user, "");
        for bad in ["sometimes", "forced"] {
            let error =
                set_user_setting(&free, &user, UserKey::VerifiedOnlySending, bad).unwrap_err();
            assert!(
                matches!(error, PolicyError::Invalid { ref key, .. } if key == "verified_only_sending"),
                "{bad}: {error:?}"
            );
        }
        std::fs::write(&user, "this is not toml\n").unwrap();
        let error = set_user_setting(&free, &user, UserKey::VerifiedOnlySending, "on").unwrap_err();
        assert!(matches!(error, PolicyError::Invalid { line: 1, .. }), "{error:?}");
        assert_eq!(std::fs::read_to_string(&user).unwrap(), "this is not toml\n");
    }
}
