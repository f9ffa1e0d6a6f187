//! A timeline event as a change to the search index: a message's text (what the person wrote,
//! not a reply's quoted fallback), an edit's new text, a redaction.

use matrix_sdk::deserialized_responses::TimelineEvent;
use matrix_sdk::ruma::events::room::message::sanitize::remove_plain_reply_fallback;
use matrix_sdk::ruma::events::room::message::{MessageType, Relation};
use matrix_sdk::ruma::events::room::redaction::SyncRoomRedactionEvent;
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncTimelineEvent, SyncMessageLikeEvent,
};

use crate::search::{Change, Message};

/// The change `event` (of `room`) makes to the index, if any. An event this session could not
/// decrypt makes none: it is indexed when its key arrives and the event cache decrypts it.
pub(super) fn change(room: &str, event: &TimelineEvent) -> Option<Change> {
    if event.kind.is_utd() {
        return None;
    }
    let AnySyncTimelineEvent::MessageLike(event) = event.raw().deserialize().ok()? else {
        return None;
    };
    match event {
        AnySyncMessageLikeEvent::RoomMessage(SyncMessageLikeEvent::Original(message)) => {
            let sent = i64::from(message.origin_server_ts.get());
            let sender = message.sender.to_string();
            let content = message.content;
            if let Some(Relation::Replacement(replacement)) = &content.relates_to {
                let body = text(&replacement.new_content.msgtype)?;
                let id = replacement.event_id.to_string();
                let edited = Message { id, room: room.into(), sender, sent, version: sent, body };
                return Some(Change::Edit(edited));
            }
            let mut body = text(&content.msgtype)?;
            if matches!(content.relates_to, Some(Relation::Reply { .. })) {
                body = remove_plain_reply_fallback(&body).to_owned();
            }
            let id = message.event_id.to_string();
            Some(Change::Put(Message { id, room: room.into(), sender, sent, version: sent, body }))
        }
        AnySyncMessageLikeEvent::RoomMessage(SyncMessageLikeEvent::Redacted(message)) => {
            Some(Change::Remove(message.event_id.to_string()))
        }
        AnySyncMessageLikeEvent::RoomRedaction(SyncRoomRedactionEvent::Original(redaction)) => {
            let redacts = redaction.content.redacts.as_ref().or(redaction.redacts.as_ref())?;
            Some(Change::Remove(redacts.to_string()))
        }
        _ => None,
    }
}

/// The words of a message worth finding: its text, or a file's name or caption. A
/// verification request's body is a fallback for old clients, not something anyone wrote.
fn text(msgtype: &MessageType) -> Option<String> {
    let body = match msgtype {
        MessageType::VerificationRequest(_) | MessageType::Location(_) => return None,
        other => other.body(),
    };
    let body = body.trim();
    (!body.is_empty()).then(|| body.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use matrix_sdk::ruma::serde::Raw;

    fn event(json: serde_json::Value) -> TimelineEvent {
        TimelineEvent::from_plaintext(Raw::new(&json).unwrap().cast_unchecked())
    }

    fn message(id: &str, content: serde_json::Value) -> TimelineEvent {
        event(serde_json::json!({
            "type": "m.room.message", "event_id": id, "sender": "@bruno:example.org",
            "origin_server_ts": 1_700_000_000_000_u64, "content": content,
        }))
    }

    fn put(change: Option<Change>) -> Message {
        match change {
            Some(Change::Put(message) | Change::Edit(message)) => message,
            other => panic!("not a message: {other:?}"),
        }
    }

    #[test]
    fn a_message_is_indexed_by_its_own_words() {
        let plain = message("$1", serde_json::json!({"msgtype": "m.text", "body": "Budget 2027"}));
        let found = put(change("!r", &plain));
        assert_eq!((found.id.as_str(), found.body.as_str()), ("$1", "Budget 2027"));
        assert_eq!(found.version, 1_700_000_000_000);
        let reply = message(
            "$2",
            serde_json::json!({
                "msgtype": "m.text", "body": "> <@anne:example.org> la question\n\nla réponse",
                "m.relates_to": {"m.in_reply_to": {"event_id": "$1"}},
            }),
        );
        assert_eq!(put(change("!r", &reply)).body, "la réponse");
    }

    #[test]
    fn an_edit_names_the_original_and_a_redaction_removes() {
        let edit = message(
            "$3",
            serde_json::json!({
                "msgtype": "m.text", "body": "* nouveau",
                "m.new_content": {"msgtype": "m.text", "body": "nouveau"},
                "m.relates_to": {"rel_type": "m.replace", "event_id": "$1"},
            }),
        );
        assert!(
            matches!(change("!r", &edit), Some(Change::Edit(m)) if m.id == "$1" && m.body == "nouveau")
        );
        let redaction = event(serde_json::json!({
            "type": "m.room.redaction", "event_id": "$4", "sender": "@bruno:example.org",
            "origin_server_ts": 1, "redacts": "$1", "content": {"redacts": "$1"},
        }));
        assert_eq!(change("!r", &redaction), Some(Change::Remove("$1".into())));
    }

    #[test]
    fn what_nobody_wrote_is_not_indexed() {
        let request = message(
            "$5",
            serde_json::json!({
                "msgtype": "m.key.verification.request", "body": "wants to verify",
                "from_device": "D", "methods": [], "to": "@anne:example.org",
            }),
        );
        assert_eq!(change("!r", &request), None);
        let empty = message("$6", serde_json::json!({"msgtype": "m.text", "body": "  "}));
        assert_eq!(change("!r", &empty), None);
        let state = event(serde_json::json!({
            "type": "m.room.name", "event_id": "$7", "sender": "@b:c", "origin_server_ts": 1,
            "state_key": "", "content": {"name": "Secret"},
        }));
        assert_eq!(change("!r", &state), None);
    }
}
