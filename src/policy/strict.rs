//! The keys where a user may be stricter than the organisation but never weaker: their values,
//! ordered from the weakest to the strictest, and the merge that keeps the stricter of the two.

use std::path::Path;

use super::merge::{Setting, Source};

/// What a desktop notification says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationContent {
    /// The room's name, and whether you were mentioned. Never the message's text.
    Show,
    /// Only that there is something new: not even the room.
    Hide,
}

impl NotificationContent {
    pub fn name(self) -> &'static str {
        match self {
            Self::Show => "show",
            Self::Hide => "hide",
        }
    }
}

/// A feature that shows the server (or others) something: on, or off, which is stricter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switch {
    On,
    Off,
}

/// Whether the server's directory of public rooms may be browsed and searched.
pub type PublicRoomDirectory = Switch;

/// Whether reactions may be sent: Matrix sends them in clear, so the server sees who reacted
/// to which message and how.
pub type Reactions = Switch;

impl Switch {
    pub fn name(self) -> &'static str {
        match self {
            Self::On => "on",
            Self::Off => "off",
        }
    }
}

/// Where pictures and other media in the timeline are fetched and shown without a click.
/// Fetching a stranger's media tells their server that you looked, and the file may be
/// hostile; elsewhere the user clicks "Show" first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaPreviews {
    /// In every room.
    All,
    /// Only in rooms that are encrypted and not public.
    Private,
    /// Nowhere: always a click.
    Off,
}

impl MediaPreviews {
    pub fn name(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Private => "private",
            Self::Off => "off",
        }
    }
}

/// How much detail the log may hold, from the least to the most: the logger's own levels.
pub use crate::logging::Level as LogLevel;

/// A value's place from the weakest (0) to the strictest (`STRICTEST`).
pub(super) trait Strictness: Copy {
    const STRICTEST: u32;
    fn rank(self) -> u32;
}

/// `require_recovery`, `require_session_verification`: requiring is stricter.
impl Strictness for bool {
    const STRICTEST: u32 = 1;
    fn rank(self) -> u32 {
        u32::from(self)
    }
}

impl Strictness for NotificationContent {
    const STRICTEST: u32 = 1;
    fn rank(self) -> u32 {
        match self {
            Self::Show => 0,
            Self::Hide => 1,
        }
    }
}

impl Strictness for Switch {
    const STRICTEST: u32 = 1;
    fn rank(self) -> u32 {
        match self {
            Self::On => 0,
            Self::Off => 1,
        }
    }
}

/// Fewer rooms where media come on their own is stricter.
impl Strictness for MediaPreviews {
    const STRICTEST: u32 = 2;
    fn rank(self) -> u32 {
        match self {
            Self::All => 0,
            Self::Private => 1,
            Self::Off => 2,
        }
    }
}

/// Less detail is stricter: a log holds less of what the user did.
impl Strictness for LogLevel {
    const STRICTEST: u32 = 4;
    fn rank(self) -> u32 {
        LogLevel::Trace as u32 - self as u32
    }
}

/// Idle lock minutes: 0 (never) is the weakest, then the sooner the stricter; 1 is strictest.
impl Strictness for u32 {
    const STRICTEST: u32 = u32::MAX;
    fn rank(self) -> u32 {
        if self == 0 { 0 } else { u32::MAX - (self - 1) }
    }
}

/// The organisation's value is a minimum: the user's own wins only when it is stricter. The
/// organisation's strictest value leaves the user nothing to choose, so it is a lock.
pub(super) fn strictest<T: Strictness>(
    user: Option<T>,
    user_path: &Path,
    org: Option<T>,
    org_path: &Path,
    default: T,
) -> Setting<T> {
    let setting = |value, source| Setting { value, source };
    match (org, user) {
        (Some(org), Some(user)) if user.rank() > org.rank() => {
            setting(user, Source::User(user_path.into()))
        }
        (Some(org), _) if org.rank() == T::STRICTEST => {
            setting(org, Source::Organisation(org_path.into()))
        }
        (Some(org), _) => setting(org, Source::OrganisationMinimum(org_path.into())),
        (None, Some(user)) => setting(user, Source::User(user_path.into())),
        (None, None) => setting(default, Source::Default),
    }
}

#[cfg(test)]
mod tests {
    use super::super::file;
    use super::super::merge::Policy;
    use super::*;

    fn merged(user: &str, org: &str) -> Policy {
        let read = |text| file::parse(Path::new("x.toml"), text).unwrap();
        Policy::merge(&read(user), Path::new("user.toml"), &read(org), Path::new("org.toml"))
    }

    fn user() -> Source {
        Source::User("user.toml".into())
    }

    fn org() -> Source {
        Source::Organisation("org.toml".into())
    }

    fn minimum() -> Source {
        Source::OrganisationMinimum("org.toml".into())
    }

    #[test]
    fn defaults_ask_for_nothing_more() {
        let policy = merged("", "");
        assert!(!policy.require_recovery.value);
        assert!(!policy.require_session_verification.value);
        assert_eq!(policy.notification_content.value, NotificationContent::Show);
        assert_eq!(policy.public_room_directory.value, PublicRoomDirectory::On);
        assert_eq!(policy.log_level_max.value, LogLevel::Trace);
        assert_eq!(policy.idle_lock_minutes.value, 0);
        assert_eq!(policy.idle_lock(), None);
        for source in [
            &policy.require_recovery.source,
            &policy.require_session_verification.source,
            &policy.notification_content.source,
            &policy.public_room_directory.source,
            &policy.log_level_max.source,
            &policy.idle_lock_minutes.source,
        ] {
            assert_eq!(source, &Source::Default);
        }
    }

    #[test]
    fn a_user_may_set_each_key_for_themselves() {
        let policy = merged(
            "require_recovery = true\nrequire_session_verification = true\n\
             notification_content = \"hide\"\npublic_room_directory = \"off\"\n\
             log_level_max = \"warn\"\nidle_lock_minutes = 10\n",
            "",
        );
        assert_eq!(policy.require_recovery, Setting { value: true, source: user() });
        assert_eq!(policy.require_session_verification, Setting { value: true, source: user() });
        assert_eq!(
            policy.notification_content,
            Setting { value: NotificationContent::Hide, source: user() }
        );
        assert_eq!(
            policy.public_room_directory,
            Setting { value: PublicRoomDirectory::Off, source: user() }
        );
        assert_eq!(policy.log_level_max, Setting { value: LogLevel::Warn, source: user() });
        assert_eq!(policy.idle_lock_minutes, Setting { value: 10, source: user() });
        assert_eq!(policy.idle_lock(), Some(std::time::Duration::from_secs(600)));
        // Nothing the user chose is locked: they may change their mind.
        assert!(!policy.require_recovery.locked() && !policy.idle_lock_minutes.locked());
        // Weaker than the default is the user's own business where the organisation is silent.
        let policy = merged("idle_lock_minutes = 0\nlog_level_max = \"trace\"", "");
        assert_eq!(policy.idle_lock_minutes, Setting { value: 0, source: user() });
    }

    #[test]
    fn the_organisations_strictest_value_is_locked() {
        let policy = merged(
            "require_recovery = false\nrequire_session_verification = false\n\
             notification_content = \"show\"\npublic_room_directory = \"on\"\n\
             log_level_max = \"trace\"\nidle_lock_minutes = 0\n",
            "require_recovery = true\nrequire_session_verification = true\n\
             notification_content = \"hide\"\npublic_room_directory = \"off\"\n\
             log_level_max = \"error\"\nidle_lock_minutes = 1\n",
        );
        assert_eq!(policy.require_recovery, Setting { value: true, source: org() });
        assert_eq!(policy.require_session_verification, Setting { value: true, source: org() });
        assert_eq!(
            policy.notification_content,
            Setting { value: NotificationContent::Hide, source: org() }
        );
        assert_eq!(
            policy.public_room_directory,
            Setting { value: PublicRoomDirectory::Off, source: org() }
        );
        assert_eq!(policy.log_level_max, Setting { value: LogLevel::Error, source: org() });
        assert_eq!(policy.idle_lock_minutes, Setting { value: 1, source: org() });
        assert!(policy.require_recovery.locked() && policy.idle_lock_minutes.locked());
        assert!(policy.notification_content.locked() && policy.log_level_max.locked());
    }

    #[test]
    fn the_organisation_overrides_a_weaker_user_value() {
        let policy = merged(
            "log_level_max = \"debug\"\nidle_lock_minutes = 60\n",
            "log_level_max = \"info\"\nidle_lock_minutes = 15\n",
        );
        assert_eq!(policy.log_level_max, Setting { value: LogLevel::Info, source: minimum() });
        assert_eq!(policy.idle_lock_minutes, Setting { value: 15, source: minimum() });
        // "Never" is the weakest idle lock of all.
        let policy = merged("idle_lock_minutes = 0", "idle_lock_minutes = 15");
        assert_eq!(policy.idle_lock_minutes, Setting { value: 15, source: minimum() });
        assert!(!policy.idle_lock_minutes.locked(), "the user may still choose sooner");
        assert_eq!(policy.idle_lock_minutes.organisation(), Some(Path::new("org.toml")));
    }

    #[test]
    fn a_user_may_be_stricter_than_the_organisations_minimum() {
        let policy = merged(
            "require_recovery = true\nnotification_content = \"hide\"\n\
             public_room_directory = \"off\"\nlog_level_max = \"warn\"\nidle_lock_minutes = 5\n",
            "require_recovery = false\nnotification_content = \"show\"\n\
             public_room_directory = \"on\"\nlog_level_max = \"info\"\nidle_lock_minutes = 15\n",
        );
        assert_eq!(policy.require_recovery, Setting { value: true, source: user() });
        assert_eq!(policy.notification_content.value, NotificationContent::Hide);
        assert_eq!(policy.public_room_directory.value, PublicRoomDirectory::Off);
        assert_eq!(policy.log_level_max, Setting { value: LogLevel::Warn, source: user() });
        assert_eq!(policy.idle_lock_minutes, Setting { value: 5, source: user() });
        // The organisation's own weaker word, alone, is a minimum and not a lock.
        let policy = merged("", "notification_content = \"show\"\nrequire_recovery = false");
        assert_eq!(
            policy.notification_content,
            Setting { value: NotificationContent::Show, source: minimum() }
        );
        assert_eq!(policy.require_recovery, Setting { value: false, source: minimum() });
        assert!(!policy.notification_content.locked());
    }

    #[test]
    fn media_previews_keep_the_stricter_of_the_user_and_the_organisation() {
        let policy = merged("", "");
        assert_eq!(
            policy.media_previews,
            Setting { value: MediaPreviews::Private, source: Source::Default }
        );
        // Weaker than the default is the user's own business where the organisation is silent.
        let policy = merged("media_previews = \"all\"", "");
        assert_eq!(policy.media_previews, Setting { value: MediaPreviews::All, source: user() });
        // Stricter than the organisation's minimum: the user's word wins.
        let policy = merged("media_previews = \"off\"", "media_previews = \"private\"");
        assert_eq!(policy.media_previews, Setting { value: MediaPreviews::Off, source: user() });
        // Weaker than the organisation's minimum: the minimum stays.
        let policy = merged("media_previews = \"all\"", "media_previews = \"private\"");
        assert_eq!(
            policy.media_previews,
            Setting { value: MediaPreviews::Private, source: minimum() }
        );
        assert!(!policy.media_previews.locked(), "the user may still choose off");
        // The organisation's "all" alone is a minimum, not a lock.
        let policy = merged("", "media_previews = \"all\"");
        assert_eq!(policy.media_previews, Setting { value: MediaPreviews::All, source: minimum() });
        // The organisation's "off" is the strictest: a lock, whatever the user says.
        for word in ["all", "private", "off"] {
            let policy =
                merged(&format!("media_previews = \"{word}\""), "media_previews = \"off\"");
            assert_eq!(policy.media_previews, Setting { value: MediaPreviews::Off, source: org() });
            assert!(policy.media_previews.locked(), "{word}");
        }
    }

    #[test]
    fn ranks_run_from_weakest_to_strictest() {
        assert!(0u32.rank() < 60u32.rank() && 60u32.rank() < 15u32.rank());
        assert_eq!(1u32.rank(), u32::STRICTEST);
        assert_eq!(u32::MAX.rank(), 1);
        assert!(LogLevel::Trace.rank() < LogLevel::Info.rank());
        assert_eq!(LogLevel::Error.rank(), LogLevel::STRICTEST);
        assert!(MediaPreviews::All.rank() < MediaPreviews::Private.rank());
        assert_eq!(MediaPreviews::Off.rank(), MediaPreviews::STRICTEST);
    }
}
