//! The user's own choices of look and language, per profile. None of them touches security
//! (those are `policy` settings the organisation can lock), so a missing or damaged file only
//! means the defaults: following the system.

use serde::{Deserialize, Serialize};

use crate::profile::{Profile, ProfileError, write_private_file};

/// Light, dark, or whatever the desktop prefers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// The language of the app: the system's, or one of those shipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageChoice {
    #[default]
    System,
    English,
    French,
}

impl LanguageChoice {
    /// The language tag to load, or `None` to follow the system.
    pub fn tag(self) -> Option<&'static str> {
        match self {
            Self::System => None,
            Self::English => Some("en"),
            Self::French => Some("fr"),
        }
    }
}

/// What the user chose; every field has a default so older files still read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub theme: ThemeChoice,
    pub language: LanguageChoice,
    /// Desktop notifications for what each room's mode says notifies.
    pub notifications: bool,
    /// Do not disturb: no notification until then (milliseconds since the Unix epoch).
    pub quiet_until: Option<u64>,
    /// The window said once that, with no tray to keep Estafette in, closing it quits.
    pub told_no_tray: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            language: LanguageChoice::System,
            notifications: true,
            quiet_until: None,
            told_no_tray: false,
        }
    }
}

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> u64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    since.map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl Preferences {
    /// Whether "do not disturb" silences notifications at `now` (ms since the epoch).
    pub fn quiet(&self, now: u64) -> bool {
        self.quiet_until.is_some_and(|until| now < until)
    }

    /// The profile's preferences; the defaults when there are none or they cannot be read
    /// (a warning in the log says which).
    pub fn load(profile: &Profile) -> Self {
        let path = file(profile);
        let Ok(text) = std::fs::read_to_string(&path) else { return Self::default() };
        toml::from_str(&text).unwrap_or_else(|error| {
            tracing::warn!(path = %path.display(), %error, "preferences unreadable, defaults used");
            Self::default()
        })
    }

    /// Saves them for the next start (a private file, like everything in the profile).
    pub fn save(&self, profile: &Profile) -> Result<(), ProfileError> {
        // Serialising two enums cannot fail; an empty file would still mean the defaults.
        let text = toml::to_string(self).unwrap_or_default();
        write_private_file(&file(profile), text.as_bytes())
    }
}

fn file(profile: &Profile) -> std::path::PathBuf {
    profile.data_dir.join("preferences.toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_survive_a_restart_and_a_damaged_file_means_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile::locate(Some(dir.path()), "default").unwrap();
        profile.create_dirs().unwrap();
        assert_eq!(Preferences::load(&profile), Preferences::default());
        let chosen = Preferences {
            theme: ThemeChoice::Dark,
            language: LanguageChoice::French,
            notifications: false,
            quiet_until: Some(1_900_000_000_000),
            told_no_tray: true,
        };
        chosen.save(&profile).unwrap();
        assert_eq!(Preferences::load(&profile), chosen);
        std::fs::write(file(&profile), "theme = 42").unwrap();
        assert_eq!(Preferences::load(&profile), Preferences::default());
    }

    #[test]
    fn do_not_disturb_holds_until_its_time() {
        let quiet = Preferences { quiet_until: Some(1_000), ..Preferences::default() };
        assert!(quiet.quiet(999) && !quiet.quiet(1_000));
        assert!(!Preferences::default().quiet(0));
    }

    #[test]
    fn a_file_naming_only_the_theme_keeps_the_system_language() {
        let read: Preferences = toml::from_str("theme = \"light\"").unwrap();
        assert_eq!(read.theme, ThemeChoice::Light);
        assert_eq!(read.language, LanguageChoice::System);
        assert!(read.notifications, "notifications stay on unless turned off");
    }
}
