//! The policy in force: each key from the organisation's file if it sets it, else from the
//! user's settings, else the built-in secure default; with where each value came from.

use std::path::{Path, PathBuf};

use url::Url;

use super::file::{
    self, AnyKeyword, Homeservers, Layer, LogLevelKey, MediaPreviewsKey, NotificationContentKey,
    OnOffKey, PolicyError, Settings, UnencryptedSendKey, VerifiedOnlyKey,
};
use super::strict::{
    self, LogLevel, MediaPreviews, NotificationContent, PublicRoomDirectory, Reactions, Switch,
};

/// Where a value in force comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    User(PathBuf),
    Organisation(PathBuf),
    /// The organisation's recommendation, which the user's own setting may override.
    OrganisationDefault(PathBuf),
    /// The organisation's minimum: the user may choose a stricter value, never a weaker one.
    OrganisationMinimum(PathBuf),
}

/// A value in force and its origin. Values from the organisation cannot be changed by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Setting<T> {
    pub fn locked(&self) -> bool {
        matches!(self.source, Source::Organisation(_))
    }

    /// The organisation's file when the value in force is the organisation's (locked, a
    /// minimum or a recommendation): what a front end names beside the setting.
    pub fn organisation(&self) -> Option<&Path> {
        match &self.source {
            Source::Organisation(path)
            | Source::OrganisationMinimum(path)
            | Source::OrganisationDefault(path) => Some(path),
            Source::Default | Source::User(_) => None,
        }
    }
}

/// Which homeservers may be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeserverRule {
    Any,
    /// Host names, lowercased.
    Only(Vec<String>),
}

/// What happens when someone sends into a room without encryption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnencryptedSend {
    /// Allowed after an explicit consent for that room.
    Ask,
    /// Never.
    Forbid,
}

/// With whom message keys are shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifiedOnly {
    /// Every session of the room's members, except that a change of identity of someone you
    /// verified, or a session they did not verify, holds the message.
    Off,
    /// Only sessions you verified (or that people you verified have verified).
    On,
    /// On, by the organisation's decision: the user cannot turn it off.
    Forced,
}

impl VerifiedOnly {
    /// Whether keys go only to verified sessions.
    pub fn is_on(self) -> bool {
        !matches!(self, Self::Off)
    }

    /// The word used in the files and by the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::On => "on",
            Self::Forced => "forced",
        }
    }
}

/// Every rule in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub allowed_homeservers: Setting<HomeserverRule>,
    pub default_homeserver: Setting<Option<String>>,
    pub unencrypted_send: Setting<UnencryptedSend>,
    pub allow_unencrypted_room_creation: Setting<bool>,
    pub verified_only_sending: Setting<VerifiedOnly>,
    /// The login uses `default_homeserver` and no other (only the organisation sets it).
    pub lock_default_homeserver: Setting<bool>,
    pub require_recovery: Setting<bool>,
    pub require_session_verification: Setting<bool>,
    pub notification_content: Setting<NotificationContent>,
    pub public_room_directory: Setting<PublicRoomDirectory>,
    /// Reactions go out in clear: an organisation may turn them off.
    pub reactions: Setting<Reactions>,
    /// The local search index: an organisation may forbid keeping one on its laptops.
    pub local_search: Setting<Switch>,
    /// Asking the server's search too, for the rooms that are not encrypted.
    pub server_search: Setting<Switch>,
    /// Where pictures and other media in the timeline are fetched and shown without a click.
    pub media_previews: Setting<MediaPreviews>,
    /// The effective log level is clamped to this.
    pub log_level_max: Setting<LogLevel>,
    /// Minutes without use before the window hides its content; 0 is never.
    pub idle_lock_minutes: Setting<u32>,
    /// Whether the desktop app starts, behind its tray icon, when the user logs in. Not a
    /// matter of strictness: the organisation's value, when it sets one, is locked.
    pub start_at_login: Setting<Switch>,
    /// The organisation's file as read, when it sets anything: a change to the user's
    /// settings is checked against it.
    pub(super) organisation: Option<(PathBuf, Settings)>,
}

impl Default for Policy {
    /// The built-in secure defaults.
    fn default() -> Self {
        fn default<T>(value: T) -> Setting<T> {
            Setting { value, source: Source::Default }
        }
        Self {
            allowed_homeservers: default(HomeserverRule::Any),
            default_homeserver: Setting { value: None, source: Source::Default },
            unencrypted_send: Setting { value: UnencryptedSend::Ask, source: Source::Default },
            allow_unencrypted_room_creation: Setting { value: false, source: Source::Default },
            // Off by default: on, anyone who has not verified every colleague's every session
            // would see most of their messages unreadable to them.
            verified_only_sending: Setting { value: VerifiedOnly::Off, source: Source::Default },
            lock_default_homeserver: default(false),
            require_recovery: default(false),
            require_session_verification: default(false),
            notification_content: default(NotificationContent::Show),
            public_room_directory: default(PublicRoomDirectory::On),
            reactions: default(Reactions::On),
            local_search: default(Switch::On),
            // As Element does: those rooms' messages are on the server in clear already, and
            // it finds what was said before this computer started indexing.
            server_search: default(Switch::On),
            // Strangers' media wait for a click: fetching tells their server you looked.
            media_previews: default(MediaPreviews::Private),
            // No cap of its own: the logging module already keeps the libraries' most verbose
            // levels off.
            log_level_max: default(LogLevel::Trace),
            idle_lock_minutes: default(0),
            start_at_login: default(Switch::Off),
            organisation: None,
        }
    }
}

impl Policy {
    /// Reads both files; a malformed one is an error, a missing one sets nothing.
    pub fn load(user: &Path, organisation: &Path) -> Result<Self, PolicyError> {
        let user_settings = file::read(user, Layer::User)?;
        let org_settings = file::read(organisation, Layer::Organisation)?;
        Ok(Self::merge(&user_settings, user, &org_settings, organisation))
    }

    /// The organisation's value where it sets one, else the user's, else the default. Two
    /// kinds of keys bend this: `verified_only_sending` (the organisation may only recommend)
    /// and the keys of `strict` (the organisation sets a minimum the user may exceed).
    pub fn merge(user: &Settings, user_path: &Path, org: &Settings, org_path: &Path) -> Self {
        let pick = |org_value: bool, user_value: bool| {
            if org_value {
                Source::Organisation(org_path.to_owned())
            } else if user_value {
                Source::User(user_path.to_owned())
            } else {
                Source::Default
            }
        };
        let defaults = Self::default();
        let (o, u) = (org.clone(), user.clone());
        Self {
            allowed_homeservers: Setting {
                source: pick(o.allowed_homeservers.is_some(), u.allowed_homeservers.is_some()),
                value: o
                    .allowed_homeservers
                    .or(u.allowed_homeservers)
                    .map_or(defaults.allowed_homeservers.value, rule),
            },
            default_homeserver: Setting {
                source: pick(o.default_homeserver.is_some(), u.default_homeserver.is_some()),
                value: o.default_homeserver.or(u.default_homeserver),
            },
            unencrypted_send: Setting {
                source: pick(o.unencrypted_send.is_some(), u.unencrypted_send.is_some()),
                value: match o.unencrypted_send.or(u.unencrypted_send) {
                    Some(UnencryptedSendKey::Forbid) => UnencryptedSend::Forbid,
                    Some(UnencryptedSendKey::Ask) | None => UnencryptedSend::Ask,
                },
            },
            allow_unencrypted_room_creation: Setting {
                source: pick(
                    o.allow_unencrypted_room_creation.is_some(),
                    u.allow_unencrypted_room_creation.is_some(),
                ),
                value: o
                    .allow_unencrypted_room_creation
                    .or(u.allow_unencrypted_room_creation)
                    .unwrap_or(defaults.allow_unencrypted_room_creation.value),
            },
            verified_only_sending: verified_only(
                u.verified_only_sending,
                user_path,
                o.verified_only_sending,
                org_path,
            ),
            lock_default_homeserver: Setting {
                value: o.lock_default_homeserver.unwrap_or(false),
                source: pick(o.lock_default_homeserver.is_some(), false),
            },
            require_recovery: strict::strictest(
                u.require_recovery,
                user_path,
                o.require_recovery,
                org_path,
                false,
            ),
            require_session_verification: strict::strictest(
                u.require_session_verification,
                user_path,
                o.require_session_verification,
                org_path,
                false,
            ),
            notification_content: strict::strictest(
                u.notification_content.map(notification_content),
                user_path,
                o.notification_content.map(notification_content),
                org_path,
                defaults.notification_content.value,
            ),
            public_room_directory: strict::strictest(
                u.public_room_directory.map(switch),
                user_path,
                o.public_room_directory.map(switch),
                org_path,
                defaults.public_room_directory.value,
            ),
            reactions: strict::strictest(
                u.reactions.map(switch),
                user_path,
                o.reactions.map(switch),
                org_path,
                defaults.reactions.value,
            ),
            local_search: strict::strictest(
                u.local_search.map(switch),
                user_path,
                o.local_search.map(switch),
                org_path,
                defaults.local_search.value,
            ),
            server_search: strict::strictest(
                u.server_search.map(switch),
                user_path,
                o.server_search.map(switch),
                org_path,
                defaults.server_search.value,
            ),
            media_previews: strict::strictest(
                u.media_previews.map(media_previews),
                user_path,
                o.media_previews.map(media_previews),
                org_path,
                defaults.media_previews.value,
            ),
            log_level_max: strict::strictest(
                u.log_level_max.map(log_level),
                user_path,
                o.log_level_max.map(log_level),
                org_path,
                defaults.log_level_max.value,
            ),
            idle_lock_minutes: strict::strictest(
                u.idle_lock_minutes.map(minutes),
                user_path,
                o.idle_lock_minutes.map(minutes),
                org_path,
                0,
            ),
            start_at_login: Setting {
                source: pick(o.start_at_login.is_some(), u.start_at_login.is_some()),
                value: o
                    .start_at_login
                    .or(u.start_at_login)
                    .map_or(defaults.start_at_login.value, switch),
            },
            organisation: (*org != Settings::default()).then(|| (org_path.to_owned(), org.clone())),
        }
    }

    /// The server the login must use, when the organisation has locked it.
    pub fn locked_homeserver(&self) -> Option<&str> {
        self.default_homeserver.value.as_deref().filter(|_| self.lock_default_homeserver.value)
    }

    /// How long without use before the window hides its content, if ever.
    pub fn idle_lock(&self) -> Option<std::time::Duration> {
        let minutes = self.idle_lock_minutes.value;
        (minutes > 0).then(|| std::time::Duration::from_secs(u64::from(minutes) * 60))
    }

    /// Where the organisation's policy file is. Debug builds (the test suite) may point it
    /// elsewhere with `ESTAFETTE_SYSTEM_POLICY`; release builds always read the system path, so
    /// a user cannot swap the organisation's file for their own.
    pub fn organisation_path() -> PathBuf {
        #[cfg(debug_assertions)]
        if let Some(path) = std::env::var_os("ESTAFETTE_SYSTEM_POLICY") {
            return PathBuf::from(path);
        }
        platform_path()
    }
}

#[cfg(target_os = "macos")]
fn platform_path() -> PathBuf {
    PathBuf::from("/Library/Application Support/Estafette/policy.toml")
}

/// `ProgramData\\Estafette\\policy.toml`, the folder asked of Windows itself: never the
/// `%ProgramData%` variable, which any user can override with one of their own (review H2).
#[cfg(target_os = "windows")]
fn platform_path() -> PathBuf {
    program_data()
        .unwrap_or_else(|| PathBuf::from("C:\\ProgramData"))
        .join("Estafette")
        .join("policy.toml")
}

/// The machine's ProgramData folder, from the known-folder API.
#[cfg(target_os = "windows")]
fn program_data() -> Option<PathBuf> {
    use std::os::windows::ffi::OsStringExt as _;
    use windows_sys::Win32::System::Com::CoTaskMemFree;
    use windows_sys::Win32::UI::Shell::{
        FOLDERID_ProgramData, KF_FLAG_DEFAULT, SHGetKnownFolderPath,
    };
    let mut raw: windows_sys::core::PWSTR = std::ptr::null_mut();
    // SAFETY: the GUID is a constant, a null token means "this machine's folder", and `raw`
    // receives a string the shell allocated, read up to its terminating zero and then freed
    // with CoTaskMemFree as the API requires (also on failure, where it may be null).
    unsafe {
        let result = SHGetKnownFolderPath(
            &FOLDERID_ProgramData,
            KF_FLAG_DEFAULT as u32,
            std::ptr::null_mut(),
            &mut raw,
        );
        let path = if result >= 0 && !raw.is_null() {
            let length = (0..).take_while(|&i| *raw.add(i) != 0).count();
            let wide = std::slice::from_raw_parts(raw, length);
            Some(PathBuf::from(std::ffi::OsString::from_wide(wide)))
        } else {
            None
        };
        CoTaskMemFree(raw as *const core::ffi::c_void);
        path
    }
}

#[cfg(not(any(target_os = "macos", target_os = "windows")))]
fn platform_path() -> PathBuf {
    PathBuf::from("/etc/estafette/policy.toml")
}

/// Unlike the other keys, the organisation has two words here: `"forced"` locks it on, while
/// `"on"` or `"off"` only recommend, and the user's own choice wins over a recommendation. A
/// user's own `"forced"` can only mean on.
fn verified_only(
    user: Option<VerifiedOnlyKey>,
    user_path: &Path,
    org: Option<VerifiedOnlyKey>,
    org_path: &Path,
) -> Setting<VerifiedOnly> {
    let word = |key| match key {
        VerifiedOnlyKey::Off => VerifiedOnly::Off,
        VerifiedOnlyKey::On | VerifiedOnlyKey::Forced => VerifiedOnly::On,
    };
    match (org, user) {
        (Some(VerifiedOnlyKey::Forced), _) => {
            Setting { value: VerifiedOnly::Forced, source: Source::Organisation(org_path.into()) }
        }
        (_, Some(key)) => Setting { value: word(key), source: Source::User(user_path.into()) },
        (Some(key), None) => {
            Setting { value: word(key), source: Source::OrganisationDefault(org_path.into()) }
        }
        (None, None) => Setting { value: VerifiedOnly::Off, source: Source::Default },
    }
}

fn notification_content(key: NotificationContentKey) -> NotificationContent {
    match key {
        NotificationContentKey::Show => NotificationContent::Show,
        NotificationContentKey::Hide => NotificationContent::Hide,
    }
}

fn switch(key: OnOffKey) -> Switch {
    match key {
        OnOffKey::On => Switch::On,
        OnOffKey::Off => Switch::Off,
    }
}

fn media_previews(key: MediaPreviewsKey) -> MediaPreviews {
    match key {
        MediaPreviewsKey::All => MediaPreviews::All,
        MediaPreviewsKey::Private => MediaPreviews::Private,
        MediaPreviewsKey::Off => MediaPreviews::Off,
    }
}

fn log_level(key: LogLevelKey) -> LogLevel {
    match key {
        LogLevelKey::Error => LogLevel::Error,
        LogLevelKey::Warn => LogLevel::Warn,
        LogLevelKey::Info => LogLevel::Info,
        LogLevelKey::Debug => LogLevel::Debug,
        LogLevelKey::Trace => LogLevel::Trace,
    }
}

/// The file's check keeps minutes within `0..=u32::MAX`; the clamp only restates it.
fn minutes(value: i64) -> u32 {
    u32::try_from(value.max(0)).unwrap_or(u32::MAX)
}

fn rule(homeservers: Homeservers) -> HomeserverRule {
    match homeservers {
        Homeservers::Any(AnyKeyword::Any) => HomeserverRule::Any,
        Homeservers::List(list) => {
            HomeserverRule::Only(list.iter().filter_map(|entry| host_of(entry)).collect())
        }
    }
}

/// The host an allowed-homeserver entry names: `example.org`, `example.org:8448` or a URL.
pub(super) fn host_of(entry: &str) -> Option<String> {
    let entry = entry.trim();
    let text = if entry.contains("://") { entry.to_owned() } else { format!("https://{entry}") };
    let url = Url::parse(&text).ok()?;
    url.host_str().map(str::to_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(text: &str) -> Settings {
        file::parse(Path::new("x.toml"), text).unwrap()
    }

    fn merged(user: &str, org: &str) -> Policy {
        Policy::merge(
            &settings(user),
            Path::new("user.toml"),
            &settings(org),
            Path::new("org.toml"),
        )
    }

    #[test]
    fn defaults_are_secure() {
        let policy = merged("", "");
        assert_eq!(policy, Policy::default());
        assert_eq!(policy.unencrypted_send.value, UnencryptedSend::Ask);
        assert!(!policy.allow_unencrypted_room_creation.value);
        assert!(!policy.unencrypted_send.locked());
    }

    #[test]
    fn user_settings_apply_where_the_organisation_is_silent() {
        let policy =
            merged("unencrypted_send = \"forbid\"\nallow_unencrypted_room_creation = true", "");
        assert_eq!(policy.unencrypted_send.value, UnencryptedSend::Forbid);
        assert_eq!(policy.unencrypted_send.source, Source::User("user.toml".into()));
        assert!(policy.allow_unencrypted_room_creation.value);
    }

    #[test]
    fn the_organisation_wins_over_the_user() {
        let policy = merged(
            "unencrypted_send = \"ask\"\nallow_unencrypted_room_creation = true\nallowed_homeservers = \"any\"",
            "unencrypted_send = \"forbid\"\nallow_unencrypted_room_creation = false\nallowed_homeservers = [\"gouv.fr\"]",
        );
        assert_eq!(policy.unencrypted_send.value, UnencryptedSend::Forbid);
        assert!(!policy.allow_unencrypted_room_creation.value);
        assert_eq!(policy.allowed_homeservers.value, HomeserverRule::Only(vec!["gouv.fr".into()]));
        assert!(policy.unencrypted_send.locked() && policy.allowed_homeservers.locked());
    }

    #[test]
    fn the_organisation_can_also_loosen_what_the_user_tightened() {
        // The organisation's word is final in both directions: that is what "locked" means.
        let policy = merged("unencrypted_send = \"forbid\"", "unencrypted_send = \"ask\"");
        assert_eq!(policy.unencrypted_send.value, UnencryptedSend::Ask);
        assert!(policy.unencrypted_send.locked());
    }

    #[test]
    fn verified_only_sending_is_off_unless_someone_turns_it_on() {
        let policy = merged("", "");
        assert_eq!(policy.verified_only_sending.value, VerifiedOnly::Off);
        assert_eq!(policy.verified_only_sending.source, Source::Default);
        let policy = merged("verified_only_sending = \"on\"", "");
        assert_eq!(policy.verified_only_sending.value, VerifiedOnly::On);
        assert_eq!(policy.verified_only_sending.source, Source::User("user.toml".into()));
        assert!(!policy.verified_only_sending.locked());
    }

    #[test]
    fn forced_verified_only_sending_cannot_be_turned_off_by_the_user() {
        let policy =
            merged("verified_only_sending = \"off\"", "verified_only_sending = \"forced\"");
        assert_eq!(policy.verified_only_sending.value, VerifiedOnly::Forced);
        assert!(policy.verified_only_sending.value.is_on());
        assert!(policy.verified_only_sending.locked());
        assert_eq!(policy.verified_only_sending.source, Source::Organisation("org.toml".into()));
    }

    #[test]
    fn the_organisations_on_or_off_is_a_recommendation() {
        let policy = merged("", "verified_only_sending = \"on\"");
        assert_eq!(policy.verified_only_sending.value, VerifiedOnly::On);
        assert_eq!(
            policy.verified_only_sending.source,
            Source::OrganisationDefault("org.toml".into())
        );
        assert!(!policy.verified_only_sending.locked());
        let policy = merged("verified_only_sending = \"off\"", "verified_only_sending = \"on\"");
        assert_eq!(policy.verified_only_sending.value, VerifiedOnly::Off);
        // The user's "forced" is simply on: only the organisation locks.
        let policy = merged("verified_only_sending = \"forced\"", "");
        assert_eq!(policy.verified_only_sending.value, VerifiedOnly::On);
        assert!(!policy.verified_only_sending.locked());
    }

    #[test]
    fn default_homeserver_comes_from_either_layer() {
        let policy = merged("default_homeserver = \"https://a.example\"", "");
        assert_eq!(policy.default_homeserver.value.as_deref(), Some("https://a.example"));
        let policy = merged(
            "default_homeserver = \"https://a.example\"",
            "default_homeserver = \"https://b.example\"",
        );
        assert_eq!(policy.default_homeserver.value.as_deref(), Some("https://b.example"));
    }

    #[test]
    fn hosts_are_read_from_names_and_urls() {
        assert_eq!(host_of("Example.ORG").as_deref(), Some("example.org"));
        assert_eq!(host_of("example.org:8448").as_deref(), Some("example.org"));
        assert_eq!(host_of("https://matrix.example.org/").as_deref(), Some("matrix.example.org"));
        assert_eq!(host_of("not a host"), None);
    }

    #[test]
    fn load_reports_the_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let org = dir.path().join("policy.toml");
        std::fs::write(&org, "unencrypted_send = 3\n").unwrap();
        let error = Policy::load(&dir.path().join("settings.toml"), &org).unwrap_err();
        assert!(
            matches!(error, PolicyError::Invalid { ref key, line: 1, .. } if key == "unencrypted_send")
        );
        assert!(error.to_string().contains("policy.toml"));
    }
}

/// Review H2, on Windows: a user's own `ProgramData` variable does not move the policy.
#[cfg(all(test, target_os = "windows"))]
mod windows_tests {
    #[test]
    fn the_policy_path_ignores_the_environment() {
        let before = super::platform_path();
        // SAFETY: this test binary's only test that touches the environment.
        unsafe { std::env::set_var("ProgramData", std::env::temp_dir()) };
        assert_eq!(super::platform_path(), before);
        assert!(before.ends_with("Estafette\\policy.toml"), "{}", before.display());
    }
}
