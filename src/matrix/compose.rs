//! Answering in a room beyond a plain message: replies, edits of one's own messages, reactions
//! and typing notices. Each goes through the same unencrypted-room guard as a message, and
//! out through the room's persistent send queue (the timeline hands it there).

use futures_util::StreamExt as _;
use matrix_sdk::room::edit::EditedContent;
use matrix_sdk::ruma::OwnedEventId;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContentWithoutRelation;
use matrix_sdk_ui::Timeline;
use matrix_sdk_ui::timeline::TimelineEventItemId;

use super::MatrixError;
use super::handle::Handle;
use crate::model::mention::Outgoing;

impl Handle {
    /// Replies to `event_id` with `out` (markdown, with its mentions), quoting it.
    pub async fn reply(
        &self,
        room: &str,
        event_id: &str,
        out: &Outgoing,
        consent: bool,
    ) -> Result<(), MatrixError> {
        let room = self.guarded(room, consent).await?;
        super::mention::may_call_room(&room, out).await?;
        let timeline = self.shared_timeline(&room).await?;
        let content = super::mention::content(out);
        timeline.send_reply(content, event_id_of(event_id)?).await.map_err(|e| failed(&e))
    }

    /// Replaces the text of one of this account's messages; the others see it marked edited.
    pub async fn edit(
        &self,
        room: &str,
        event_id: &str,
        text: &str,
        consent: bool,
    ) -> Result<(), MatrixError> {
        let room = self.guarded(room, consent).await?;
        let timeline = self.shared_timeline(&room).await?;
        let item = loaded(&timeline, event_id).await?;
        let content = RoomMessageEventContentWithoutRelation::text_markdown(text);
        timeline.edit(&item, EditedContent::RoomMessage(content)).await.map_err(|e| failed(&e))
    }

    /// Adds this account's reaction `key` to a message, or takes it back if it is there.
    pub async fn toggle_reaction(
        &self,
        room: &str,
        event_id: &str,
        key: &str,
        consent: bool,
    ) -> Result<(), MatrixError> {
        // Reactions go out in clear (the server sees who reacted to what): refused before
        // anything is asked of the server where the organisation turned them off.
        self.inner.policy.may_react()?;
        let room = self.guarded(room, consent).await?;
        let timeline = self.shared_timeline(&room).await?;
        let item = loaded(&timeline, event_id).await?;
        timeline.toggle_reaction(&item, key).await.map(drop).map_err(|e| failed(&e))
    }

    /// Deletes a message (a redaction): this account's own, or another member's where its
    /// power level allows. The redaction itself is not encrypted: the server, and anyone in
    /// the room, reads `reason`.
    pub async fn redact(
        &self,
        room: &str,
        event_id: &str,
        reason: Option<&str>,
    ) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        let event_id = event_id_of(event_id)?;
        let reason = reason.map(str::trim).filter(|reason| !reason.is_empty());
        room.redact(&event_id, reason, None).await.map(drop).map_err(|error| {
            use matrix_sdk::ruma::api::error::ErrorKind;
            match error.client_api_error_kind() {
                Some(ErrorKind::Forbidden) => MatrixError::RedactNotAllowed,
                _ => super::sdk_error(matrix_sdk::Error::Http(Box::new(error))),
            }
        })
    }

    /// Keeps what is written in a room's composer, in the encrypted store (never in a plain
    /// file), so that it is there again after switching rooms or restarting; an empty text
    /// forgets it.
    pub async fn save_draft(&self, room: &str, text: &str) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        if text.trim().is_empty() {
            return room.clear_composer_draft(None).await.map_err(super::sdk_error);
        }
        let draft = matrix_sdk::ComposerDraft {
            plain_text: text.to_owned(),
            html_text: None,
            draft_type: matrix_sdk::ComposerDraftType::NewMessage,
            attachments: Vec::new(),
        };
        room.save_composer_draft(draft, None).await.map_err(super::sdk_error)
    }

    /// What was left written in a room's composer, if anything.
    pub async fn draft(&self, room: &str) -> Result<Option<String>, MatrixError> {
        let room = self.room(room).await?;
        let draft = room.load_composer_draft(None).await.map_err(super::sdk_error)?;
        Ok(draft.map(|draft| draft.plain_text).filter(|text| !text.trim().is_empty()))
    }

    /// Tells the room whether this account is typing. The SDK sends only changes (and renews
    /// a long pause), so calling it on every keystroke is cheap. Never in a room without
    /// encryption: a typing notice is never encrypted, and there it would announce activity
    /// in a room the person may not even have consented to write in.
    pub async fn typing(&self, room: &str, typing: bool) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        if !room.encryption_state().is_encrypted() {
            return Ok(());
        }
        room.typing_notice(typing).await.map_err(super::sdk_error)
    }
}

/// How far back an edit or a reaction looks for its message, in pages of 50 events.
const SEARCH_PAGES: usize = 10;

/// The message as a timeline item id, once the timeline has loaded it (a command-line run
/// starts with only the newest events): edits and reactions need the original at hand.
async fn loaded(timeline: &Timeline, event_id: &str) -> Result<TimelineEventItemId, MatrixError> {
    let id = event_id_of(event_id)?;
    let (_, mut updates) = timeline.subscribe().await;
    let has = || async {
        let items = timeline.items().await;
        items.iter().any(|item| item.as_event().and_then(|e| e.event_id()) == Some(&id))
    };
    for _ in 0..SEARCH_PAGES {
        if has().await {
            return Ok(TimelineEventItemId::EventId(id));
        }
        let at_start = timeline.paginate_backwards(50).await.map_err(|e| failed(&e))?;
        // The timeline applies what pagination brought (or a sync reset) in the background.
        while let Ok(Some(_)) = tokio::time::timeout(super::timeline::QUIET, updates.next()).await {
        }
        if at_start && !has().await {
            break;
        }
    }
    if has().await {
        return Ok(TimelineEventItemId::EventId(id));
    }
    Err(MatrixError::SendFailed(crate::fl!("error-reply-target-missing")))
}

fn event_id_of(event_id: &str) -> Result<OwnedEventId, MatrixError> {
    OwnedEventId::try_from(event_id).map_err(|_| MatrixError::UnknownRoom(event_id.to_owned()))
}

fn failed(error: &(dyn std::error::Error + 'static)) -> MatrixError {
    MatrixError::SendFailed(super::error::root_cause(error))
}
