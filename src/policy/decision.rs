//! The security questions the core asks before acting: may this homeserver be used, may this
//! room be created or written to without encryption, may the public room directory be read,
//! may a room's media be fetched without a click.

use url::Url;

use super::merge::{HomeserverRule, Policy, UnencryptedSend, host_of};
use super::strict::{MediaPreviews, PublicRoomDirectory, Reactions, Switch};
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
    /// The organisation turned reactions off: they go out in clear.
    #[error("{}", fl!("refusal-reactions"))]
    Reactions,
    /// The organisation forbids keeping a search index on this computer.
    #[error("{}", fl!("refusal-local-search"))]
    LocalSearch,
    /// No index is allowed, and the server cannot read an encrypted room's messages.
    #[error("{}", fl!("refusal-encrypted-search", room = .0.as_str()))]
    EncryptedSearch(String),
    #[error("{}", fl!("refusal-unencrypted-room-creation"))]
    UnencryptedRoomCreation,
    #[error("{}", if *.public { fl!("refusal-consent-public", room = .room.as_str()) } else { fl!("refusal-consent", room = .room.as_str()) })]
    NeedsConsent { room: String, public: bool },
    #[error("{}", if *.public { fl!("refusal-forbidden-public", room = .room.as_str()) } else { fl!("refusal-forbidden", room = .room.as_str()) })]
    Forbidden { room: String, public: bool },
}

/// What a search may read (`Policy::search_reach`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchReach {
    /// The local index of every room, encrypted ones included.
    Index,
    /// No index: the server's search, which reads only the rooms that are not encrypted.
    ServerOnly,
}

/// How the homeserver of a login or a session was found: what the allow-list may accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found<'a> {
    /// Typed by the person (or from their own settings): its host must be on the list.
    Given,
    /// The organisation's own `default_homeserver`.
    Organisation,
    /// Named by the `.well-known` of this Matrix server name.
    DelegatedBy(&'a str),
}

impl Policy {
    /// A Matrix server name may be asked where its homeserver is (the first request of a
    /// login with a full Matrix ID) only when the list names it: no request, not even that
    /// one, goes to a server the organisation did not name.
    pub fn allows_server_name(&self, server_name: &str) -> Result<(), Refusal> {
        let HomeserverRule::Only(hosts) = &self.allowed_homeservers.value else {
            return Ok(());
        };
        match host_of(server_name) {
            Some(host) if hosts.contains(&host) => Ok(()),
            _ => Err(Refusal::Homeserver(server_name.to_owned())),
        }
    }

    /// A homeserver may be used when the rule allows any, when the list names its host, when
    /// it is the organisation's own default, or when the `.well-known` of a server name the
    /// list names delegated to it. A Matrix ID typed beside an address proves nothing: anyone
    /// can type `@anne:gouv.fr` next to a phishing server (review H1).
    pub fn allows_homeserver(&self, homeserver: &Url, found: Found<'_>) -> Result<(), Refusal> {
        let HomeserverRule::Only(hosts) = &self.allowed_homeservers.value else {
            return Ok(());
        };
        let host = homeserver.host_str().unwrap_or_default().to_ascii_lowercase();
        let allowed = hosts.contains(&host)
            || match found {
                Found::Given => false,
                Found::Organisation => true,
                Found::DelegatedBy(name) => self.allows_server_name(name).is_ok(),
            };
        if allowed { Ok(()) } else { Err(Refusal::Homeserver(host)) }
    }

    /// The organisation's own `default_homeserver`, when its file sets one.
    pub fn organisation_homeserver(&self) -> Option<&str> {
        self.default_homeserver.organisation().and(self.default_homeserver.value.as_deref())
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

    /// Reacting to a message, which Matrix sends unencrypted (the server sees who reacted to
    /// what, and how), unless the organisation turned reactions off.
    pub fn may_react(&self) -> Result<(), Refusal> {
        match self.reactions.value {
            Reactions::On => Ok(()),
            Reactions::Off => Err(Refusal::Reactions),
        }
    }

    /// Keeping the messages in a local search index (encrypted, but on this computer's disk).
    pub fn may_index_locally(&self) -> Result<(), Refusal> {
        match self.local_search.value {
            Switch::On => Ok(()),
            Switch::Off => Err(Refusal::LocalSearch),
        }
    }

    /// How far a search reaches: the local index (with the server's search of the rooms that
    /// are not encrypted, when it may be asked); with no index allowed, the server's search
    /// alone, so the rooms that are not encrypted can still be searched; with neither, nothing.
    pub fn search_reach(&self) -> Result<SearchReach, Refusal> {
        match (self.local_search.value, self.server_search.value) {
            (Switch::On, _) => Ok(SearchReach::Index),
            (Switch::Off, Switch::On) => Ok(SearchReach::ServerOnly),
            (Switch::Off, Switch::Off) => Err(Refusal::LocalSearch),
        }
    }

    /// Asking the server's own search for the rooms that are not encrypted: no refusal, only
    /// whether the search does it.
    pub fn asks_server_search(&self) -> bool {
        self.server_search.value == Switch::On
    }

    /// Whether pictures and other media in a room's timeline are fetched and shown without a
    /// click. Fetching a stranger's media tells their server that you looked, and the file
    /// may be hostile: with `private`, only rooms that are encrypted and not public (anyone
    /// may join a public one) show them on their own; elsewhere the user clicks "Show" first,
    /// unless the sender is someone they have a direct chat with (the room pane knows who).
    pub fn shows_media_automatically(&self, room_encrypted: bool, room_public: bool) -> bool {
        match self.media_previews.value {
            MediaPreviews::All => true,
            MediaPreviews::Private => room_encrypted && !room_public,
            MediaPreviews::Off => false,
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
pub fn same_server(a: &str, b: &str) -> bool {
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
    fn without_an_index_search_falls_back_to_the_server_unless_it_is_off_too() {
        let mut policy = Policy::default();
        assert_eq!(policy.search_reach(), Ok(SearchReach::Index));
        policy.server_search.value = Switch::Off;
        assert_eq!(policy.search_reach(), Ok(SearchReach::Index), "the index alone");
        policy.local_search.value = Switch::Off;
        assert_eq!(policy.search_reach(), Err(Refusal::LocalSearch));
        policy.server_search.value = Switch::On;
        assert_eq!(policy.search_reach(), Ok(SearchReach::ServerOnly));
        let refusal = Refusal::EncryptedSearch("Direction".into()).to_string();
        assert!(refusal.contains("Direction") && refusal.contains("local_search"), "{refusal}");
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
    fn reactions_can_be_switched_off() {
        let mut policy = Policy::default();
        assert!(policy.may_react().is_ok());
        policy.reactions.value = Reactions::Off;
        assert_eq!(policy.may_react(), Err(Refusal::Reactions));
    }

    #[test]
    fn media_come_on_their_own_only_where_the_policy_says() {
        // (encrypted and private, encrypted and public, unencrypted) for each value.
        for (value, expected) in [
            (MediaPreviews::All, [true, true, true]),
            (MediaPreviews::Private, [true, false, false]),
            (MediaPreviews::Off, [false, false, false]),
        ] {
            let mut policy = Policy::default();
            policy.media_previews.value = value;
            let shown = [
                policy.shows_media_automatically(true, false),
                policy.shows_media_automatically(true, true),
                policy.shows_media_automatically(false, false),
            ];
            assert_eq!(shown, expected, "{}", value.name());
            assert_eq!(
                policy.shows_media_automatically(false, true),
                value == MediaPreviews::All,
                "{}: unencrypted and public",
                value.name()
            );
        }
        // The default is private.
        assert!(Policy::default().shows_media_automatically(true, false));
        assert!(!Policy::default().shows_media_automatically(false, false));
    }

    /// Review H1: a server name counts only for the homeserver its `.well-known` named.
    #[test]
    fn homeservers_by_host_or_by_the_delegation_of_a_listed_server_name() {
        let mut policy = Policy::default();
        let url = Url::parse("https://matrix.gouv.fr").unwrap();
        let evil = Url::parse("https://matrix.gouv-fr.support").unwrap();
        assert!(policy.allows_homeserver(&evil, Found::Given).is_ok(), "any by default");
        policy.allowed_homeservers.value = HomeserverRule::Only(vec!["gouv.fr".into()]);
        assert!(policy.allows_homeserver(&url, Found::DelegatedBy("gouv.fr")).is_ok());
        assert!(policy.allows_homeserver(&url, Found::Given).is_err());
        // The phishing case: an explicit address beside a Matrix ID on the allowed domain.
        assert_eq!(
            policy.allows_homeserver(&evil, Found::Given),
            Err(Refusal::Homeserver("matrix.gouv-fr.support".into()))
        );
        assert!(policy.allows_homeserver(&evil, Found::DelegatedBy("evil.org")).is_err());
        assert!(policy.allows_server_name("gouv.fr").is_ok());
        assert_eq!(
            policy.allows_server_name("evil.org"),
            Err(Refusal::Homeserver("evil.org".into()))
        );
        assert!(policy.allows_server_name("GOUV.fr").is_ok(), "host names ignore case");
        // Listed hosts, and the organisation's own default, need no delegation.
        policy.allowed_homeservers.value = HomeserverRule::Only(vec!["matrix.gouv.fr".into()]);
        assert!(policy.allows_homeserver(&url, Found::Given).is_ok());
        assert!(policy.allows_homeserver(&evil, Found::Organisation).is_ok());
    }
}
