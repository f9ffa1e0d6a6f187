//! A room's settings as the settings dialog and `estafette room-settings` show them: name,
//! topic and picture (which the server sees: only messages are end-to-end encrypted), who can
//! join, who can read the history, and whether the room was replaced by a newer one.

use serde::Serialize;

use crate::fl;

/// Who can join.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JoinRule {
    /// Only people invited.
    Invite,
    /// Anyone may ask; a moderator lets them in.
    Knock,
    /// Members of given rooms or spaces.
    Restricted,
    /// Anyone who has the link or finds the room.
    Public,
    /// A rule Estafette does not know.
    Other,
}

impl JoinRule {
    /// Reads the names the command line takes.
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim() {
            "invite" => Some(Self::Invite),
            "knock" => Some(Self::Knock),
            "public" => Some(Self::Public),
            _ => None,
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::Invite => fl!("join-rule-invite"),
            Self::Knock => fl!("join-rule-knock"),
            Self::Restricted => fl!("join-rule-restricted"),
            Self::Public => fl!("join-rule-public"),
            Self::Other => fl!("join-rule-other"),
        }
    }

    /// How many people may get in: a change up this scale opens the room.
    fn openness(self) -> u8 {
        match self {
            Self::Invite | Self::Other => 0,
            Self::Knock | Self::Restricted => 1,
            Self::Public => 2,
        }
    }

    /// Whether going from `self` to `to` lets more people in.
    pub fn opens(self, to: Self) -> bool {
        to.openness() > self.openness()
    }
}

/// Who can read the messages sent in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum History {
    /// Members, from when they joined.
    Joined,
    /// Members, from when they were invited.
    Invited,
    /// Members, all of it, including what was sent before they joined.
    Shared,
    /// Anyone, member or not.
    WorldReadable,
}

impl History {
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim() {
            "joined" => Some(Self::Joined),
            "invited" => Some(Self::Invited),
            "shared" => Some(Self::Shared),
            "world_readable" | "anyone" => Some(Self::WorldReadable),
            _ => None,
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::Joined => fl!("history-joined"),
            Self::Invited => fl!("history-invited"),
            Self::Shared => fl!("history-shared"),
            Self::WorldReadable => fl!("history-world"),
        }
    }

    /// Whether going from `self` to `to` lets more people read what was said.
    pub fn widens(self, to: Self) -> bool {
        to > self
    }
}

/// What this account may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SettingsActions {
    pub rename: bool,
    pub topic: bool,
    pub avatar: bool,
    pub join_rule: bool,
    pub history: bool,
    pub guests: bool,
    pub encryption: bool,
}

/// The room has been upgraded: its successor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replacement {
    pub room_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// This account is already in the new room.
    pub joined: bool,
}

/// A room's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomSettings {
    pub room_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub has_avatar: bool,
    pub join_rule: JoinRule,
    pub history: History,
    pub guests: bool,
    pub encrypted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<Replacement>,
    pub may: SettingsActions,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_a_room_is_told_apart_from_closing_it() {
        assert!(JoinRule::Invite.opens(JoinRule::Public));
        assert!(JoinRule::Invite.opens(JoinRule::Knock));
        assert!(!JoinRule::Public.opens(JoinRule::Invite));
        assert!(!JoinRule::Knock.opens(JoinRule::Restricted));
        assert!(History::Joined.widens(History::Shared));
        assert!(History::Shared.widens(History::WorldReadable));
        assert!(!History::Shared.widens(History::Joined));
    }

    #[test]
    fn the_command_line_names_read_back() {
        assert_eq!(JoinRule::parse("knock"), Some(JoinRule::Knock));
        assert_eq!(JoinRule::parse("restricted"), None, "needs rooms to name: not offered");
        assert_eq!(History::parse("anyone"), Some(History::WorldReadable));
        assert_eq!(History::parse("everyone"), None);
    }
}
