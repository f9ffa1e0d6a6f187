//! Changing one of the user's own settings: refused where the organisation has locked the key,
//! checked by the same parser as at start, written whole so a crash never leaves half a file.

use std::path::Path;

use super::file::{self, PolicyError};
use super::merge::{Policy, Setting};
use crate::fl;

/// A key of the user's settings that the command line can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserKey {
    VerifiedOnlySending,
}

impl UserKey {
    pub fn name(self) -> &'static str {
        match self {
            Self::VerifiedOnlySending => "verified_only_sending",
        }
    }

    fn locked(self, policy: &Policy) -> Option<&Path> {
        match self {
            Self::VerifiedOnlySending => locked_by(&policy.verified_only_sending),
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
    file::parse(path, &text)?;
    let mut table: toml::Table = toml::from_str(&text).map_err(|e| unreadable(&e))?;
    table.insert(key.name().to_owned(), toml::Value::String(value.to_owned()));
    let updated = toml::to_string(&table).map_err(|e| unreadable(&e))?;
    // The value itself is checked the way the app will read it next time.
    let settings = file::parse(path, &updated)?;
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
    let temporary = path.with_extension("toml.new");
    std::fs::write(&temporary, updated).map_err(|e| unreadable(&e))?;
    std::fs::rename(&temporary, path).map_err(|e| unreadable(&e))
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
