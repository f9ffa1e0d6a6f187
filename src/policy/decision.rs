//! The security questions the core asks before acting: may this homeserver be used, may this
//! room be created or written to without encryption.

use url::Url;

use super::merge::{HomeserverRule, Policy, UnencryptedSend, host_of};
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
