//! The security questions the core asks before acting: may this homeserver be used, may this
//! room be created or written to without encryption, may the public room directory be read.

use url::Url;

use super::merge::{HomeserverRule, Policy, UnencryptedSend, host_of};
use super::strict::PublicRoomDirectory;
use super::transport::check_homeserver;
use crate::fl;

/// What the core knows of a room when deciding whether a message may go out in clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomSecurity {
    pub name: String,
    pub encrypted: bool,
    /// Anyone can join (join rule `public`).
    pub public: bool,
}

/// Why the policy said no, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{}", fl!("refusal-homeserver", host = .0.as_str()))]
    Homeserver(String),
    /// The organisation fixed the login server; another was asked for.
    #[error("{}", fl!("refusal-homeserver-locked", server = .0.as_str()))]
    HomeserverLocked(String),
    #[error("{}", fl!("refusal-public-room-directory"))]
    PublicRoomDirectory,
    #[error("{}", fl!("refusal-unencrypted-room-creation"))]
    UnencryptedRoomCreation,
    #[error("{}", if *.public { fl!("refusal-consent-public", room = .room.as_str()) } else { fl!("refusal-consent", room = .room.as_str()) })]
    NeedsConsent { room: String, public: bool },
    #[error("{}", if *.public { fl!("refusal-forbidden-public", room = .room.as_str()) } else { fl!("refusal-forbidden", room = .room.as_str()) })]
    Forbidden { room: String, public: bool },
}

impl Policy {
    /// A homeserver may be used when the rule allows any, or lists its host or the Matrix
    /// server name the user logged in with.
    pub fn allows_homeserver(
        &self,
        homeserver: &Url,
        server_name: Option<&str>,
    ) -> Result<(), Refusal> {
        let HomeserverRule::Only(hosts) = &self.allowed_homeservers.value else {
            return Ok(());
        };
        let host = homeserver.host_str().unwrap_or_default().to_ascii_lowercase();
        let named = server_name.and_then(host_of);
        if hosts.contains(&host) || named.is_some_and(|name| hosts.contains(&name)) {
            Ok(())
        } else {
            Err(Refusal::Homeserver(server_name.map_or(host, str::to_owned)))
        }
    }

    /// The homeserver a login goes to: the one typed, else the default for a bare user name
    /// (`bare_user`). When the organisation has locked the default, always the default, and
    /// typing another is refused rather than silently ignored.
    pub fn login_homeserver<'a>(
        &'a self,
        typed: Option<&'a str>,
        bare_user: bool,
    ) -> Result<Option<&'a str>, Refusal> {
        let Some(locked) = self.locked_homeserver() else {
            let default = self.default_homeserver.value.as_deref().filter(|_| bare_user);
            return Ok(typed.or(default));
        };
        match typed {
            Some(typed) if !same_server(typed, locked) => {
                Err(Refusal::HomeserverLocked(locked.to_owned()))
            }
            _ => Ok(Some(locked)),
        }
    }

    /// Browsing or searching the server's directory of public rooms. Joining a room by its
    /// address is not browsing, and stays allowed.
    pub fn may_browse_public_rooms(&self) -> Result<(), Refusal> {
        match self.public_room_directory.value {
            PublicRoomDirectory::On => Ok(()),
            PublicRoomDirectory::Off => Err(Refusal::PublicRoomDirectory),
        }
    }

    /// Every room is created encrypted; one without encryption only where the policy allows.
    pub fn may_create_room(&self, encrypted: bool) -> Result<(), Refusal> {
        if encrypted || self.allow_unencrypted_room_creation.value {
            Ok(())
        } else {
            Err(Refusal::UnencryptedRoomCreation)
        }
    }

    /// A message may go into an encrypted room; into one without encryption only with the
    /// user's explicit consent for that room, and never when the policy forbids it.
    pub fn may_send(&self, room: &RoomSecurity, consent: bool) -> Result<(), Refusal> {
        if room.encrypted {
            return Ok(());
        }
        let (name, public) = (room.name.clone(), room.public);
        match (self.unencrypted_send.value, consent) {
            (UnencryptedSend::Forbid, _) => Err(Refusal::Forbidden { room: name, public }),
            (UnencryptedSend::Ask, false) => Err(Refusal::NeedsConsent { room: name, public }),
            (UnencryptedSend::Ask, true) => Ok(()),
        }
    }
}

/// Whether two homeserver addresses name the same server (scheme, host and port).
fn same_server(a: &str, b: &str) -> bool {
    match (check_homeserver(a), check_homeserver(b)) {
        (Ok(a), Ok(b)) => {
            a.scheme() == b.scheme()
                && a.host_str().map(str::to_ascii_lowercase)
                    == b.host_str().map(str::to_ascii_lowercase)
                && a.port_or_known_default() == b.port_or_known_default()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::merge::{Setting, Source};
    use super::*;

    fn room(encrypted: bool, public: bool) -> RoomSecurity {
        RoomSecurity { name: "Lobby".into(), encrypted, public }
    }

    fn forbidding() -> Policy {
        Policy {
            unencrypted_send: Setting { value: UnencryptedSend::Forbid, source: Source::Default },
            ..Policy::default()
        }
    }

    #[test]
    fn encrypted_rooms_need_nothing() {
        assert!(Policy::default().may_send(&room(true, true), false).is_ok());
        assert!(forbidding().may_send(&room(true, false), false).is_ok());
    }

    #[test]
    fn unencrypted_rooms_need_consent_and_say_when_public() {
        let policy = Policy::default();
        let refusal = policy.may_send(&room(false, true), false).unwrap_err();
        assert_eq!(refusal, Refusal::NeedsConsent { room: "Lobby".into(), public: true });
        assert!(refusal.to_string().contains("public"), "{refusal}");
        assert!(refusal.to_string().contains("Lobby"), "{refusal}");
        assert!(
            !policy
                .may_send(&room(false, false), false)
                .unwrap_err()
                .to_string()
                .contains("public")
        );
        assert!(policy.may_send(&room(false, true), true).is_ok());
    }

    #[test]
    fn forbid_wins_over_consent() {
        let refusal = forbidding().may_send(&room(false, true), true).unwrap_err();
        assert_eq!(refusal, Refusal::Forbidden { room: "Lobby".into(), public: true });
    }

    #[test]
    fn unencrypted_creation_only_when_allowed() {
        let mut policy = Policy::default();
        assert!(policy.may_create_room(true).is_ok());
        assert_eq!(policy.may_create_room(false), Err(Refusal::UnencryptedRoomCreation));
        policy.allow_unencrypted_room_creation.value = true;
        assert!(policy.may_create_room(false).is_ok());
    }

    #[test]
    fn the_login_server_is_the_typed_one_unless_the_organisation_locked_it() {
        let mut policy = Policy::default();
        assert_eq!(policy.login_homeserver(None, true), Ok(None));
        assert_eq!(
            policy.login_homeserver(Some("https://a.example"), true),
            Ok(Some("https://a.example"))
        );
        policy.default_homeserver.value = Some("https://matrix.gouv.fr".into());
        assert_eq!(policy.login_homeserver(None, true), Ok(Some("https://matrix.gouv.fr")));
        // A full Matrix ID names its own server when nothing is locked.
        assert_eq!(policy.login_homeserver(None, false), Ok(None));
        assert_eq!(policy.locked_homeserver(), None);

        policy.lock_default_homeserver.value = true;
        assert_eq!(policy.locked_homeserver(), Some("https://matrix.gouv.fr"));
        assert_eq!(policy.login_homeserver(None, false), Ok(Some("https://matrix.gouv.fr")));
        for same in ["matrix.gouv.fr", "https://MATRIX.gouv.fr/", "https://matrix.gouv.fr:443"] {
            assert_eq!(
                policy.login_homeserver(Some(same), true),
                Ok(Some("https://matrix.gouv.fr"))
            );
        }
        let refusal = policy.login_homeserver(Some("https://evil.example"), true).unwrap_err();
        assert_eq!(refusal, Refusal::HomeserverLocked("https://matrix.gouv.fr".into()));
        assert!(refusal.to_string().contains("https://matrix.gouv.fr"), "{refusal}");
        assert!(policy.login_homeserver(Some("https://matrix.gouv.fr:8448"), true).is_err());
    }

    #[test]
    fn the_public_room_directory_can_be_switched_off() {
        let mut policy = Policy::default();
        assert!(policy.may_browse_public_rooms().is_ok());
        policy.public_room_directory.value = PublicRoomDirectory::Off;
        assert_eq!(policy.may_browse_public_rooms(), Err(Refusal::PublicRoomDirectory));
    }

    #[test]
    fn homeservers_by_host_or_server_name() {
        let mut policy = Policy::default();
        let url = Url::parse("https://matrix.gouv.fr").unwrap();
        assert!(policy.allows_homeserver(&url, None).is_ok());
        policy.allowed_homeservers.value = HomeserverRule::Only(vec!["gouv.fr".into()]);
        assert!(policy.allows_homeserver(&url, Some("gouv.fr")).is_ok());
        assert!(policy.allows_homeserver(&url, None).is_err());
        let refusal =
            policy.allows_homeserver(&Url::parse("https://evil.org").unwrap(), Some("evil.org"));
        assert_eq!(refusal, Err(Refusal::Homeserver("evil.org".into())));
    }
}
