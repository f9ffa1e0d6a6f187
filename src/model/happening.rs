//! What happened in a room besides what people wrote: who came and went, what changed in the
//! room's settings, a message deleted, and the kinds of event this app does not show, each as
//! one line in words. A row of the timeline that is not a message carries one of these.

use serde::Serialize;

use crate::fl;

/// One room event, with the people it names already as labels (see `person::named`). Who did
/// it is the row's sender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Happening {
    /// The message that stood here was deleted; `by` names who deleted it when that is not
    /// its sender (a moderator), `reason` what they gave.
    Deleted {
        by: Option<String>,
        reason: Option<String>,
    },
    /// `who` joined, left, was invited, removed or banned; `encrypted_room` when someone else
    /// joined an encrypted room, where they can read all that is sent from then on.
    Member {
        who: String,
        change: MemberChange,
        reason: Option<String>,
        encrypted_room: bool,
    },
    /// A member changed the name others see.
    Renamed {
        from: String,
        to: String,
    },
    /// A member changed their picture.
    NewPicture,
    Created,
    RoomName {
        name: Option<String>,
    },
    Topic {
        topic: Option<String>,
    },
    RoomPicture,
    /// Members' power levels changed: each as (who, from, to).
    Power {
        changes: Vec<(String, i64, i64)>,
    },
    /// End-to-end encryption was turned on: nothing sent from here on can be read by the server.
    EncryptionOn,
    /// Who may read the history written from here on.
    History {
        visibility: Visibility,
    },
    /// Who may join: `public` when anyone can, without an invitation.
    JoinRule {
        public: bool,
    },
    /// An event this app cannot show, in words (a poll's question, a location).
    Unsupported {
        what: Unsupported,
    },
}

/// A change of someone's membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberChange {
    Joined,
    Left,
    Invited,
    Kicked,
    Banned,
    Unbanned,
    InviteDeclined,
    InviteWithdrawn,
    Knocked,
    Other,
}

/// Who can read history from a point on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Anyone,
    Members,
    SinceInvited,
    SinceJoined,
}

/// A kind of event shown only as a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "text")]
pub enum Unsupported {
    Poll(String),
    Location(String),
    Call,
    /// Any other event, by its type.
    Other(String),
}

impl Happening {
    /// The line the timeline shows; `actor` is who did it (the row's sender).
    pub fn describe(&self, actor: &str) -> String {
        match self {
            Self::Deleted { by, reason } => deleted(by.as_deref(), reason.as_deref()),
            Self::Member { who, change, reason, encrypted_room } => {
                let line = member(actor, who, *change, *encrypted_room);
                with_reason(line, reason.as_deref())
            }
            Self::Renamed { from, to } => {
                fl!("happening-renamed", from = from.as_str(), to = to.as_str())
            }
            Self::NewPicture => fl!("happening-new-picture", who = actor),
            Self::Created => fl!("happening-created", who = actor),
            Self::RoomName { name: Some(name) } => {
                fl!("happening-room-name", who = actor, name = name.as_str())
            }
            Self::RoomName { name: None } => fl!("happening-room-name-removed", who = actor),
            Self::Topic { topic: Some(topic) } => {
                fl!("happening-topic", who = actor, topic = topic.as_str())
            }
            Self::Topic { topic: None } => fl!("happening-topic-removed", who = actor),
            Self::RoomPicture => fl!("happening-room-picture", who = actor),
            Self::Power { changes } => power(actor, changes),
            Self::EncryptionOn => fl!("happening-encryption-on", who = actor),
            Self::History { visibility } => history(actor, *visibility),
            Self::JoinRule { public: true } => fl!("happening-join-public", who = actor),
            Self::JoinRule { public: false } => fl!("happening-join-restricted", who = actor),
            Self::Unsupported { what } => what.describe(),
        }
    }

    /// Whether it is the room's doing (a line of its own), rather than the place of a message
    /// someone wrote (deleted, or of a kind shown only in words).
    pub fn is_room_event(&self) -> bool {
        !matches!(self, Self::Deleted { .. } | Self::Unsupported { .. })
    }

    /// Whether the line is one to notice: someone new can read the room, the room opened to
    /// anyone, or its history did. Shown in the caution colour.
    pub fn stands_out(&self) -> bool {
        match self {
            Self::Member { change: MemberChange::Joined, encrypted_room, .. } => *encrypted_room,
            Self::JoinRule { public } => *public,
            Self::History { visibility } => *visibility == Visibility::Anyone,
            _ => false,
        }
    }
}

fn deleted(by: Option<&str>, reason: Option<&str>) -> String {
    let line = match by {
        Some(by) => fl!("happening-deleted-by", who = by),
        None => fl!("happening-deleted"),
    };
    with_reason(line, reason)
}

fn with_reason(line: String, reason: Option<&str>) -> String {
    match reason.filter(|reason| !reason.trim().is_empty()) {
        Some(reason) => fl!("happening-reason", line = line, reason = reason),
        None => line,
    }
}

fn member(actor: &str, who: &str, change: MemberChange, encrypted: bool) -> String {
    match change {
        MemberChange::Joined if encrypted => fl!("happening-joined-encrypted", who = who),
        MemberChange::Joined => fl!("happening-joined", who = who),
        MemberChange::Left => fl!("happening-left", who = who),
        MemberChange::Invited => fl!("happening-invited", by = actor, who = who),
        MemberChange::Kicked => fl!("happening-kicked", by = actor, who = who),
        MemberChange::Banned => fl!("happening-banned", by = actor, who = who),
        MemberChange::Unbanned => fl!("happening-unbanned", by = actor, who = who),
        MemberChange::InviteDeclined => fl!("happening-invite-declined", who = who),
        MemberChange::InviteWithdrawn => fl!("happening-invite-withdrawn", by = actor, who = who),
        MemberChange::Knocked => fl!("happening-knocked", who = who),
        MemberChange::Other => fl!("happening-member-other", who = who),
    }
}

fn power(actor: &str, changes: &[(String, i64, i64)]) -> String {
    let parts: Vec<String> = changes
        .iter()
        .map(|(who, from, to)| fl!("happening-power-one", who = who.as_str(), from = from, to = to))
        .collect();
    if parts.is_empty() {
        fl!("happening-power", who = actor)
    } else {
        fl!("happening-power-changes", who = actor, changes = parts.join(", "))
    }
}

fn history(actor: &str, visibility: Visibility) -> String {
    match visibility {
        Visibility::Anyone => fl!("happening-history-anyone", who = actor),
        Visibility::Members => fl!("happening-history-members", who = actor),
        Visibility::SinceInvited => fl!("happening-history-invited", who = actor),
        Visibility::SinceJoined => fl!("happening-history-joined", who = actor),
    }
}

impl Unsupported {
    /// The placeholder, saying that another app can show it.
    pub fn describe(&self) -> String {
        match self {
            Self::Poll(question) => fl!("happening-poll", question = question.as_str()),
            Self::Location(place) => fl!("happening-location", place = place.as_str()),
            Self::Call => fl!("happening-call"),
            Self::Other(kind) => fl!("happening-other", kind = kind.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newcomer_to_an_encrypted_room_stands_out_and_says_what_they_can_read() {
        let joined = |encrypted_room| Happening::Member {
            who: "Zoé".into(),
            change: MemberChange::Joined,
            reason: None,
            encrypted_room,
        };
        assert!(joined(true).stands_out());
        assert!(!joined(false).stands_out());
        assert_ne!(joined(true).describe("Zoé"), joined(false).describe("Zoé"));
        assert!(joined(true).describe("Zoé").contains("Zoé"));
    }

    #[test]
    fn a_deletion_names_the_moderator_and_the_reason() {
        let by_sender = Happening::Deleted { by: None, reason: None };
        let by_moderator =
            Happening::Deleted { by: Some("Modo".into()), reason: Some("spam".into()) };
        let line = by_moderator.describe("Anne");
        assert!(line.contains("Modo") && line.contains("spam"), "{line}");
        assert!(!by_sender.describe("Anne").contains("Anne"));
    }

    #[test]
    fn power_changes_list_each_member() {
        let changes = Happening::Power { changes: vec![("Bob".into(), 0, 50)] };
        let line = changes.describe("Anne");
        assert!(line.contains("Bob") && line.contains("50"), "{line}");
    }

    #[test]
    fn a_room_opened_to_anyone_stands_out() {
        assert!(Happening::JoinRule { public: true }.stands_out());
        assert!(!Happening::JoinRule { public: false }.stands_out());
        assert!(Happening::History { visibility: Visibility::Anyone }.stands_out());
    }
}
