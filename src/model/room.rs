//! Rooms as the front ends show them: what they are called, whether they are encrypted or
//! public, and what is waiting in them.

use serde::Serialize;

/// One room of the room list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomSummary {
    pub room_id: String,
    pub name: String,
    /// A direct chat with one person.
    pub dm: bool,
    pub encrypted: bool,
    /// Anyone can join (join rule `public`).
    pub public: bool,
    /// Notifying unread messages.
    pub unread: u64,
    /// Mentions and keywords among them.
    pub highlights: u64,
    pub membership: Membership,
    /// The newest message, shortened, when it could be read.
    pub last_message: Option<String>,
    /// When the room's newest event was sent, in milliseconds since the epoch (0: unknown):
    /// the room list's order by activity.
    pub last_activity: u64,
    /// Who sent the invitation, for a room one is invited to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inviter: Option<String>,
    /// The people a direct chat is with, by Matrix ID: people one has talked to, whose
    /// pictures load in a public room too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// A space (a group of rooms), not a conversation.
    pub space: bool,
    /// The joined spaces that list this room, by id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub in_spaces: Vec<String>,
    /// How much it notifies (the user's choice, or the server's default for its kind).
    pub notify: crate::model::notify::NotifyMode,
}

impl RoomSummary {
    /// A room just created or joined that the room list has not caught up with: shown by its
    /// ID, as encrypted (what the app creates), until the list's summary fills it in.
    pub fn pending(room_id: &str) -> Self {
        Self {
            room_id: room_id.to_owned(),
            name: room_id.to_owned(),
            dm: false,
            encrypted: true,
            public: false,
            unread: 0,
            highlights: 0,
            membership: Membership::Joined,
            last_message: None,
            last_activity: 0,
            inviter: None,
            partners: Vec::new(),
            space: false,
            in_spaces: Vec::new(),
            notify: crate::model::notify::NotifyMode::default(),
        }
    }
}

/// Where the user stands in a room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    Joined,
    Invited,
    Left,
    Knocked,
    Banned,
}

/// A pending invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invite {
    pub room_id: String,
    pub name: String,
    /// Who invited, when the server says.
    pub inviter: Option<String>,
    pub dm: bool,
}

/// What to create: every room is encrypted unless the policy allows otherwise and the caller
/// asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRoom {
    pub name: String,
    pub topic: Option<String>,
    pub invites: Vec<String>,
    pub encrypted: bool,
}

/// What the header of an open room shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomDetails {
    pub room_id: String,
    pub name: String,
    pub topic: Option<String>,
    pub members: u64,
    pub encrypted: bool,
    pub public: bool,
    /// In a direct chat, the other person and whether we verified them.
    pub partner: Option<Partner>,
    /// This account's power level lets it delete other members' messages (a moderator).
    pub can_delete_others: bool,
    /// The room was upgraded: the id of the room that replaced it.
    pub replaced_by: Option<String>,
}

/// The other person of a direct chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub user_id: String,
    pub verified: bool,
}

/// A message in its place (a search result): the messages around it as loaded so far, oldest
/// first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Around {
    pub messages: Vec<crate::model::ChatMessage>,
    /// The room's first event is among them: there is nothing older to fetch.
    pub at_start: bool,
}

/// An open room: its header and the messages loaded so far, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomView {
    pub details: RoomDetails,
    pub messages: Vec<crate::model::ChatMessage>,
    /// The room's first event is loaded: there is nothing older to fetch.
    pub at_start: bool,
    /// The other members typing now, by name.
    pub typing: Vec<String>,
    /// The message this account's read receipt was on when the room was opened: what
    /// followed it was unread then.
    pub read_up_to: Option<String>,
}
