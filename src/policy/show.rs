//! The policy in force as a list, key by key, with each value's origin: what `policy show`,
//! the doctor and the settings screen display (like Firefox's about:policies).

use serde::Serialize;

use super::merge::{HomeserverRule, Policy, Setting, Source, UnencryptedSend};

/// One rule in force, for people and programs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The key as written in the files.
    pub key: &'static str,
    /// The value in force, as it would be written in a file (a list joined by ", ").
    pub value: String,
    /// `default`, `user`, `organisation`, `organisation_default` (a recommendation the user
    /// may change) or `organisation_minimum` (the user may only choose stricter).
    pub source: &'static str,
    /// The file the value comes from; none for a built-in default.
    pub path: Option<String>,
    /// The organisation decided: the user's settings cannot change it.
    pub locked: bool,
}

impl Rule {
    fn of<T>(key: &'static str, setting: &Setting<T>, value: impl Into<String>) -> Self {
        let (source, path) = match &setting.source {
            Source::Default => ("default", None),
            Source::User(path) => ("user", Some(path)),
            Source::Organisation(path) => ("organisation", Some(path)),
            Source::OrganisationDefault(path) => ("organisation_default", Some(path)),
            Source::OrganisationMinimum(path) => ("organisation_minimum", Some(path)),
        };
        let path = path.map(|p| p.display().to_string());
        Self { key, value: value.into(), source, path, locked: setting.locked() }
    }
}

impl Policy {
    /// Every key, in the order of the documentation.
    pub fn rules(&self) -> Vec<Rule> {
        let homeservers = match &self.allowed_homeservers.value {
            HomeserverRule::Any => "any".to_owned(),
            HomeserverRule::Only(hosts) => hosts.join(", "),
        };
        let unencrypted = match self.unencrypted_send.value {
            UnencryptedSend::Ask => "ask",
            UnencryptedSend::Forbid => "forbid",
        };
        let default_homeserver = self.default_homeserver.value.clone().unwrap_or_default();
        vec![
            Rule::of("allowed_homeservers", &self.allowed_homeservers, homeservers),
            Rule::of("default_homeserver", &self.default_homeserver, default_homeserver),
            Rule::of(
                "lock_default_homeserver",
                &self.lock_default_homeserver,
                self.lock_default_homeserver.value.to_string(),
            ),
            Rule::of("unencrypted_send", &self.unencrypted_send, unencrypted),
            Rule::of(
                "allow_unencrypted_room_creation",
                &self.allow_unencrypted_room_creation,
                self.allow_unencrypted_room_creation.value.to_string(),
            ),
            Rule::of(
                "verified_only_sending",
                &self.verified_only_sending,
                self.verified_only_sending.value.name(),
            ),
            Rule::of(
                "require_recovery",
                &self.require_recovery,
                self.require_recovery.value.to_string(),
            ),
            Rule::of(
                "require_session_verification",
                &self.require_session_verification,
                self.require_session_verification.value.to_string(),
            ),
            Rule::of(
                "notification_content",
                &self.notification_content,
                self.notification_content.value.name(),
            ),
            Rule::of(
                "public_room_directory",
                &self.public_room_directory,
                self.public_room_directory.value.name(),
            ),
            Rule::of("reactions", &self.reactions, self.reactions.value.name()),
            Rule::of("local_search", &self.local_search, self.local_search.value.name()),
            Rule::of("server_search", &self.server_search, self.server_search.value.name()),
            Rule::of("media_previews", &self.media_previews, self.media_previews.value.name()),
            Rule::of("log_level_max", &self.log_level_max, self.log_level_max.value.name()),
            Rule::of(
                "idle_lock_minutes",
                &self.idle_lock_minutes,
                self.idle_lock_minutes.value.to_string(),
            ),
            Rule::of("start_at_login", &self.start_at_login, self.start_at_login.value.name()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::file;
    use super::*;

    #[test]
    fn every_key_is_listed_with_its_origin() {
        let read = |text| file::parse(Path::new("x.toml"), text).unwrap();
        let policy = Policy::merge(
            &read("idle_lock_minutes = 5\nnotification_content = \"hide\""),
            Path::new("/home/a/settings.toml"),
            &read(
                "default_homeserver = \"https://matrix.gouv.fr\"\nlock_default_homeserver = true\n\
                 idle_lock_minutes = 15\nrequire_recovery = true",
            ),
            Path::new("/etc/estafette/policy.toml"),
        );
        let rules = policy.rules();
        assert_eq!(rules.len(), 17, "one line per key");
        let find = |key| rules.iter().find(|rule| rule.key == key).unwrap();
        let locked = find("lock_default_homeserver");
        assert_eq!(
            (locked.value.as_str(), locked.source, locked.locked),
            ("true", "organisation", true)
        );
        assert_eq!(locked.path.as_deref(), Some("/etc/estafette/policy.toml"));
        let idle = find("idle_lock_minutes");
        assert_eq!((idle.value.as_str(), idle.source, idle.locked), ("5", "user", false));
        assert_eq!(idle.path.as_deref(), Some("/home/a/settings.toml"));
        let shown = find("notification_content");
        assert_eq!((shown.value.as_str(), shown.source), ("hide", "user"));
        assert_eq!(find("require_recovery").source, "organisation");
        let level = find("log_level_max");
        assert_eq!(
            (level.value.as_str(), level.source, level.path.as_deref()),
            ("trace", "default", None)
        );
        let media = find("media_previews");
        assert_eq!((media.value.as_str(), media.source), ("private", "default"));
        let json = serde_json::to_string(find("idle_lock_minutes")).unwrap();
        assert!(json.contains("\"source\":\"user\""), "{json}");
    }
}
