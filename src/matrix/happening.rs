//! The timeline items that are not a message someone wrote, as `model::Happening`: room
//! events (members, name, topic, power, encryption, history), deletions, and the kinds of
//! event the window cannot show, so that none of them vanishes from the conversation.

use matrix_sdk::ruma::events::StateEventContentChange;
use matrix_sdk::ruma::events::room::history_visibility::HistoryVisibility;
use matrix_sdk::ruma::events::room::join_rules::JoinRule;
use matrix_sdk::ruma::events::room::message::MessageType;
use matrix_sdk_ui::timeline::{
    AnyOtherStateEventContentChange, EventTimelineItem, MembershipChange, MsgLikeKind, OtherState,
    RoomMembershipChange, TimelineItemContent,
};

use super::names::Names;
use crate::model::happening::{Happening, MemberChange, Unsupported, Visibility};
use crate::model::text::{clean_name, neutral};

/// What the item is, when it is not a message with a body: `None` for a message, and for the
/// state events not worth a line (aliases, pins, server ACLs, space links).
pub(super) fn of(
    event: &EventTimelineItem,
    names: &Names,
    encrypted_room: bool,
) -> Option<Happening> {
    match event.content() {
        TimelineItemContent::MsgLike(msglike) => match &msglike.kind {
            MsgLikeKind::Redacted => Some(deleted(event)),
            MsgLikeKind::Poll(poll) => {
                let question = poll.results().question;
                Some(unsupported(Unsupported::Poll(neutral(&question).into_owned())))
            }
            MsgLikeKind::Message(message) => match message.msgtype() {
                MessageType::Location(location) => {
                    let place = neutral(&location.body).into_owned();
                    Some(unsupported(Unsupported::Location(place)))
                }
                _ => None,
            },
            MsgLikeKind::LiveLocation(_) => Some(unsupported(Unsupported::Location(String::new()))),
            MsgLikeKind::Other(other) => {
                Some(unsupported(Unsupported::Other(other.event_type().to_string())))
            }
            // A sticker is drawn as the picture it is.
            MsgLikeKind::Sticker(_) | MsgLikeKind::UnableToDecrypt(_) => None,
        },
        // One's own arrival is no news to oneself: only another's stands out.
        TimelineItemContent::MembershipChange(change) => {
            member(change, names, encrypted_room && !event.is_own())
        }
        TimelineItemContent::ProfileChange(change) => {
            if let Some(name) = change.displayname_change() {
                let shown = |name: &Option<String>| {
                    name.as_deref().map(clean_name).filter(|n| !n.is_empty())
                };
                let from = shown(&name.old).unwrap_or_else(|| change.user_id().to_string());
                let to = shown(&name.new).unwrap_or_else(|| change.user_id().to_string());
                return Some(Happening::Renamed { from, to });
            }
            change.avatar_url_change().map(|_| Happening::NewPicture)
        }
        TimelineItemContent::OtherState(state) => other_state(state, names),
        TimelineItemContent::CallInvite | TimelineItemContent::RtcNotification { .. } => {
            Some(unsupported(Unsupported::Call))
        }
        TimelineItemContent::FailedToParseMessageLike { event_type, .. } => {
            Some(unsupported(Unsupported::Other(event_type.to_string())))
        }
        TimelineItemContent::FailedToParseState { .. } => None,
    }
}

fn unsupported(what: Unsupported) -> Happening {
    Happening::Unsupported { what }
}

/// A deleted message, naming who deleted it when a moderator did.
fn deleted(event: &EventTimelineItem) -> Happening {
    let redaction = event.original_json().and_then(|raw| {
        let value: serde_json::Value = raw.deserialize_as().ok()?;
        Some(value.get("unsigned")?.get("redacted_because")?.clone())
    });
    let by = redaction
        .as_ref()
        .and_then(|because| because.get("sender")?.as_str().map(ToOwned::to_owned))
        .filter(|by| by != event.sender().as_str());
    let reason = redaction
        .as_ref()
        .and_then(|because| because.get("content")?.get("reason")?.as_str().map(neutral))
        .map(std::borrow::Cow::into_owned);
    Happening::Deleted { by, reason }
}

/// The name a line shows for `user`: what the timeline knows, else the event's own name.
fn label(user: &str, own_name: Option<String>, names: &Names) -> String {
    let name =
        names.name(user).or_else(|| own_name.map(|n| clean_name(&n))).filter(|n| !n.is_empty());
    crate::model::person::named(name.as_deref(), user, names.ambiguous(user))
}

fn member(change: &RoomMembershipChange, names: &Names, encrypted_room: bool) -> Option<Happening> {
    let who = label(change.user_id().as_str(), change.display_name(), names);
    let kind = match change.change()? {
        MembershipChange::Joined | MembershipChange::InvitationAccepted => MemberChange::Joined,
        MembershipChange::KnockAccepted => MemberChange::Joined,
        MembershipChange::Left => MemberChange::Left,
        MembershipChange::Invited => MemberChange::Invited,
        MembershipChange::Kicked => MemberChange::Kicked,
        MembershipChange::Banned | MembershipChange::KickedAndBanned => MemberChange::Banned,
        MembershipChange::Unbanned => MemberChange::Unbanned,
        MembershipChange::InvitationRejected => MemberChange::InviteDeclined,
        MembershipChange::InvitationRevoked => MemberChange::InviteWithdrawn,
        MembershipChange::Knocked => MemberChange::Knocked,
        MembershipChange::None => return None,
        MembershipChange::Error
        | MembershipChange::KnockRetracted
        | MembershipChange::KnockDenied
        | MembershipChange::NotImplemented => MemberChange::Other,
    };
    let reason = match change.content() {
        StateEventContentChange::Original { content, .. } => content.reason.as_deref().map(neutral),
        StateEventContentChange::Redacted(_) => None,
    };
    Some(Happening::Member {
        who,
        change: kind,
        reason: reason.map(|r| r.into_owned()),
        encrypted_room,
    })
}

fn other_state(state: &OtherState, names: &Names) -> Option<Happening> {
    use AnyOtherStateEventContentChange as S;
    let text = |s: &str| Some(neutral(s).into_owned()).filter(|s| !s.trim().is_empty());
    Some(match state.content() {
        S::RoomCreate(_) => Happening::Created,
        S::RoomName(StateEventContentChange::Original { content, .. }) => {
            Happening::RoomName { name: text(&content.name) }
        }
        S::RoomTopic(StateEventContentChange::Original { content, .. }) => {
            Happening::Topic { topic: text(&content.topic) }
        }
        S::RoomAvatar(_) => Happening::RoomPicture,
        S::RoomEncryption(_) => Happening::EncryptionOn,
        S::RoomPowerLevels(StateEventContentChange::Original { content, prev_content }) => {
            let before = prev_content.as_ref().map(|prev| (&prev.users, prev.users_default));
            Happening::Power {
                changes: power_changes(&content.users, content.users_default, before, names),
            }
        }
        S::RoomHistoryVisibility(StateEventContentChange::Original { content, .. }) => {
            let visibility = match content.history_visibility {
                HistoryVisibility::WorldReadable => Visibility::Anyone,
                HistoryVisibility::Invited => Visibility::SinceInvited,
                HistoryVisibility::Joined => Visibility::SinceJoined,
                _ => Visibility::Members,
            };
            Happening::History { visibility }
        }
        S::RoomJoinRules(StateEventContentChange::Original { content, .. }) => {
            Happening::JoinRule { public: matches!(content.join_rule, JoinRule::Public) }
        }
        _ => return None,
    })
}

type Levels = std::collections::BTreeMap<matrix_sdk::ruma::OwnedUserId, matrix_sdk::ruma::Int>;

/// Each member whose level differs between `before` and `after`, by name.
fn power_changes(
    after: &Levels,
    after_default: matrix_sdk::ruma::Int,
    before: Option<(&Levels, matrix_sdk::ruma::Int)>,
    names: &Names,
) -> Vec<(String, i64, i64)> {
    let Some((before, before_default)) = before else { return Vec::new() };
    let users: std::collections::BTreeSet<_> = after.keys().chain(before.keys()).collect();
    users
        .into_iter()
        .filter_map(|user| {
            let old = i64::from(*before.get(user).unwrap_or(&before_default));
            let new = i64::from(*after.get(user).unwrap_or(&after_default));
            (old != new).then(|| (label(user.as_str(), None, names), old, new))
        })
        .collect()
}
