//! The people of a room, as the member panel and `estafette members` show them: who they are
//! (the Matrix ID always, since anyone can take a name), their role, where they stand, whether
//! this account verified them, and what this account may do to them. Every message sent goes
//! to every member's sessions: this is the room's first security question.

use serde::Serialize;

use super::Membership;
use crate::fl;

/// A power level: a number, or a room creator's, which from room version 12 outranks any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Power {
    Level(i64),
    Creator,
}

impl Power {
    /// The number for sentences and `--json`; a creator's is shown as "creator".
    pub fn words(self) -> String {
        match self {
            Self::Level(level) => level.to_string(),
            Self::Creator => fl!("role-creator"),
        }
    }
}

/// A member's power in words, with the levels Element and Tchap use: 100 and above an admin,
/// 50 and above a moderator, the room's default a member, anything else its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Creator,
    Admin,
    Moderator,
    Member,
    Custom(i64),
}

/// The levels behind the role names.
pub const ADMIN: i64 = 100;
pub const MODERATOR: i64 = 50;

impl Role {
    /// The role a power level is, in a room whose members have `default` unless told otherwise.
    pub fn of(power: Power, default: i64) -> Self {
        match power {
            Power::Creator => Self::Creator,
            Power::Level(level) if level >= ADMIN => Self::Admin,
            Power::Level(level) if level >= MODERATOR => Self::Moderator,
            Power::Level(level) if level == default => Self::Member,
            Power::Level(level) => Self::Custom(level),
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::Creator => fl!("role-creator"),
            Self::Admin => fl!("role-admin"),
            Self::Moderator => fl!("role-moderator"),
            Self::Member => fl!("role-member"),
            Self::Custom(level) => fl!("role-custom", level = level),
        }
    }
}

/// A role asked for by name or number (`estafette role ROOM @who admin|moderator|member|N`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleChoice {
    Admin,
    Moderator,
    /// The room's default level.
    Member,
    Level(i64),
}

impl RoleChoice {
    /// Reads "admin", "moderator", "member" (French too) or a number.
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_lowercase().as_str() {
            "admin" | "administrator" | "administrateur" => Some(Self::Admin),
            "moderator" | "mod" | "modérateur" | "moderateur" => Some(Self::Moderator),
            "member" | "membre" | "user" => Some(Self::Member),
            number => number.parse().ok().map(Self::Level),
        }
    }

    /// The level this choice is, in a room whose default is `default`.
    pub fn level(self, default: i64) -> i64 {
        match self {
            Self::Admin => ADMIN,
            Self::Moderator => MODERATOR,
            Self::Member => default,
            Self::Level(level) => level,
        }
    }
}

/// Whether this account verified a member, as the shield beside them says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonTrust {
    /// Their identity is signed by ours.
    Verified,
    /// Their identity was verified, and has changed since: it may not be the same person.
    Changed,
    /// Known identity, never verified.
    Unverified,
    /// No cross-signing identity published (an old client, or never encrypted).
    Unknown,
}

/// One of someone's sessions: a device that receives the keys to what is sent to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonSession {
    pub device_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its owner verified it (signed it with their identity).
    pub verified: bool,
}

/// What this account may do to one member, by the room's power levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct MemberActions {
    /// Let in someone who asked to join (an invitation answers their knock).
    pub admit: bool,
    pub kick: bool,
    pub ban: bool,
    pub unban: bool,
    pub change_role: bool,
}

/// One member of a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub user_id: String,
    /// Their display name in this room, cleaned of what hides or reorders text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub membership: Membership,
    /// Their picture's `mxc://` address, if their profile has one (public, never encrypted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    pub power: Power,
    pub role: Role,
    pub trust: PersonTrust,
    /// Who sent the invitation (Matrix ID), for someone invited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invited_by: Option<String>,
    /// Why they were banned, for someone banned, if the moderator said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// This is the account itself.
    pub me: bool,
    pub may: MemberActions,
}

impl Member {
    /// A member of the room at the default level, for tests.
    #[cfg(test)]
    pub fn joined(user_id: &str, name: &str) -> Self {
        Member {
            user_id: user_id.into(),
            name: Some(name.into()),
            membership: Membership::Joined,
            avatar_url: None,
            power: Power::Level(0),
            role: Role::Member,
            trust: PersonTrust::Unknown,
            invited_by: None,
            reason: None,
            me: false,
            may: MemberActions::default(),
        }
    }

    /// "Name (@id)" or the Matrix ID: the ID is always part of it.
    pub fn label(&self) -> String {
        super::person::named(self.name.as_deref(), &self.user_id, true)
    }

    /// Whether `filter` (already lower-case) is in their name or Matrix ID.
    pub fn matches(&self, filter: &str) -> bool {
        filter.is_empty()
            || self.user_id.to_lowercase().contains(filter)
            || self.name.as_ref().is_some_and(|name| name.to_lowercase().contains(filter))
    }
}

/// A room's members and what this account may do there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomMembers {
    pub room_id: String,
    /// Joined first, then invited, knocking and banned; by role, then by name within each.
    pub members: Vec<Member>,
    /// This account's own level.
    pub my_power: Power,
    /// The level members have unless the room says otherwise.
    pub default_level: i64,
    pub may_invite: bool,
    /// Whether this account may notify everyone with `@room`.
    pub may_call_room: bool,
}

impl RoomMembers {
    /// Puts the members in the panel's order: joined, invited, knocking, banned; within
    /// each, the most powerful first, then by name.
    pub fn sort(&mut self) {
        self.members.sort_by_cached_key(|member| {
            let name = member.name.as_deref().unwrap_or(&member.user_id).to_lowercase();
            (standing_rank(member.membership), std::cmp::Reverse(member.power), name)
        });
    }

    pub fn joined(&self) -> usize {
        self.members.iter().filter(|member| member.membership == Membership::Joined).count()
    }
}

fn standing_rank(membership: Membership) -> u8 {
    match membership {
        Membership::Joined => 0,
        Membership::Invited => 1,
        Membership::Knocked => 2,
        Membership::Banned => 3,
        Membership::Left => 4,
    }
}

/// Something the room's power levels do not let this account do, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAllowed {
    /// The action takes a level this account does not have.
    TooLow { action: MemberAction, needed: i64, mine: Power },
    /// The other member's level is not below this account's.
    Outranked { action: MemberAction, user: String, theirs: Power, mine: Power },
    /// A role above one's own cannot be given.
    AboveOwn { level: i64, mine: Power },
}

/// What was asked of a member, for the sentence that refuses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberAction {
    Invite,
    Kick,
    Ban,
    Unban,
    ChangeRole,
    Rename,
    Topic,
    Avatar,
    JoinRule,
    History,
    Guests,
    Encryption,
    /// Notifying everyone with `@room`.
    MentionRoom,
}

impl MemberAction {
    fn words(self) -> String {
        match self {
            Self::Invite => fl!("action-invite"),
            Self::Kick => fl!("action-kick"),
            Self::Ban => fl!("action-ban"),
            Self::Unban => fl!("action-unban"),
            Self::ChangeRole => fl!("action-role"),
            Self::Rename => fl!("action-rename"),
            Self::Topic => fl!("action-topic"),
            Self::Avatar => fl!("action-avatar"),
            Self::JoinRule => fl!("action-join-rule"),
            Self::History => fl!("action-history"),
            Self::Guests => fl!("action-guests"),
            Self::Encryption => fl!("action-encryption"),
            Self::MentionRoom => fl!("action-mention-room"),
        }
    }
}

impl std::fmt::Display for NotAllowed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words = match self {
            Self::TooLow { action, needed, mine } => fl!(
                "not-allowed-level",
                action = action.words(),
                needed = needed,
                mine = mine.words()
            ),
            Self::Outranked { action, user, theirs, mine } => fl!(
                "not-allowed-outranked",
                action = action.words(),
                user = user.as_str(),
                theirs = theirs.words(),
                mine = mine.words()
            ),
            Self::AboveOwn { level, mine } => {
                fl!("not-allowed-above-own", level = level, mine = mine.words())
            }
        };
        f.write_str(&words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_as_the_roles_people_know() {
        assert_eq!(Role::of(Power::Level(100), 0), Role::Admin);
        assert_eq!(Role::of(Power::Level(150), 0), Role::Admin);
        assert_eq!(Role::of(Power::Level(50), 0), Role::Moderator);
        assert_eq!(Role::of(Power::Level(0), 0), Role::Member);
        assert_eq!(Role::of(Power::Level(10), 0), Role::Custom(10));
        assert_eq!(Role::of(Power::Level(10), 10), Role::Member);
        assert_eq!(Role::of(Power::Creator, 0), Role::Creator);
    }

    #[test]
    fn a_creator_outranks_any_level() {
        assert!(Power::Creator > Power::Level(i64::MAX));
        assert!(Power::Level(100) > Power::Level(50));
    }

    #[test]
    fn a_role_is_asked_for_by_name_or_number() {
        assert_eq!(RoleChoice::parse("Admin"), Some(RoleChoice::Admin));
        assert_eq!(RoleChoice::parse("modérateur"), Some(RoleChoice::Moderator));
        assert_eq!(RoleChoice::parse("member").map(|c| c.level(5)), Some(5));
        assert_eq!(RoleChoice::parse("75"), Some(RoleChoice::Level(75)));
        assert_eq!(RoleChoice::parse("boss"), None);
    }

    fn member(id: &str, name: Option<&str>, membership: Membership, level: i64) -> Member {
        Member {
            user_id: id.into(),
            name: name.map(Into::into),
            membership,
            avatar_url: None,
            power: Power::Level(level),
            role: Role::of(Power::Level(level), 0),
            trust: PersonTrust::Unknown,
            invited_by: None,
            reason: None,
            me: false,
            may: MemberActions::default(),
        }
    }

    #[test]
    fn joined_come_first_the_powerful_first_then_by_name() {
        let mut room = RoomMembers {
            room_id: "!r:x".into(),
            members: vec![
                member("@zoe:x", Some("Zoé"), Membership::Invited, 0),
                member("@bob:x", Some("bob"), Membership::Joined, 0),
                member("@eve:x", None, Membership::Banned, 0),
                member("@ann:x", Some("Anne"), Membership::Joined, 0),
                member("@max:x", Some("Max"), Membership::Joined, 100),
            ],
            my_power: Power::Level(100),
            default_level: 0,
            may_invite: true,
            may_call_room: false,
        };
        room.sort();
        let order: Vec<&str> = room.members.iter().map(|m| m.user_id.as_str()).collect();
        assert_eq!(order, ["@max:x", "@ann:x", "@bob:x", "@zoe:x", "@eve:x"]);
        assert_eq!(room.joined(), 3);
    }

    #[test]
    fn a_filter_finds_a_name_or_an_id() {
        let anne = member("@adupont:gouv.fr", Some("Anne Dupont"), Membership::Joined, 0);
        assert!(anne.matches("dupont"));
        assert!(anne.matches("gouv"));
        assert!(anne.matches(""));
        assert!(!anne.matches("martin"));
        assert_eq!(anne.label(), "Anne Dupont (@adupont:gouv.fr)");
    }

    #[test]
    fn a_refusal_says_what_it_takes() {
        crate::i18n::init();
        let low =
            NotAllowed::TooLow { action: MemberAction::Ban, needed: 50, mine: Power::Level(0) };
        let words = low.to_string();
        assert!(words.contains("50") && words.contains('0'), "{words}");
        let outranked = NotAllowed::Outranked {
            action: MemberAction::Ban,
            user: "@boss:x".into(),
            theirs: Power::Level(100),
            mine: Power::Level(50),
        };
        assert!(outranked.to_string().contains("@boss:x"));
    }
}
