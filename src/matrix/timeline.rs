//! Reading a room: its messages as `model::Message`, with the trust of each and, when one
//! cannot be decrypted, the reason in words.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt as _;
use matrix_sdk::Room;
use matrix_sdk::deserialized_responses::{VerificationLevel, VerificationState};
use matrix_sdk::ruma::api::client::receipt::create_receipt::v3::ReceiptType;
use matrix_sdk::ruma::events::room::message::MessageType;
use matrix_sdk_crypto::types::events::UtdCause;
use matrix_sdk_ui::Timeline;
use matrix_sdk_ui::timeline::{
    EventSendState, EventTimelineItem, MsgLikeKind, RoomExt as _, TimelineDetails, TimelineItem,
};

use super::MatrixError;
use super::handle::Handle;
use crate::model::{Message, RoomDetails, RoomView, SendState, Trust, UndecryptableCause};

impl Handle {
    /// The last `limit` messages of a room, oldest first. Waits up to `settle` for messages
    /// whose keys may still arrive, so what is shown is what can be read now.
    pub async fn messages(
        &self,
        room: &str,
        limit: usize,
        settle: Duration,
    ) -> Result<Vec<Message>, MatrixError> {
        let room = self.room(room).await?;
        let timeline = timeline(&room).await?;
        let encrypted = room.encryption_state().is_encrypted();
        let (_, mut updates) = timeline.subscribe().await;
        let mut messages = Vec::new();
        // A sync landing during back-pagination can reset the timeline to its newest events;
        // page back again until what is loaded is either enough or truly the room's start.
        for _ in 0..FILL_ATTEMPTS {
            fill(&timeline, limit).await?;
            // The timeline applies what pagination brought in the background: let it settle.
            while let Ok(Some(_)) = tokio::time::timeout(QUIET, updates.next()).await {}
            let items: Vec<_> = timeline.items().await.into_iter().collect();
            messages = convert(&items, encrypted);
            if messages.len() >= limit || at_start(&items) {
                break;
            }
        }
        let deadline = tokio::time::Instant::now() + settle;
        while messages.iter().any(awaiting_key) {
            match tokio::time::timeout_at(deadline, updates.next()).await {
                Ok(Some(_)) => messages = convert(&timeline.items().await, encrypted),
                _ => break,
            }
        }
        let skip = messages.len().saturating_sub(limit);
        Ok(messages.split_off(skip))
    }

    /// Calls `on_message` for each new message of a room until `timeout` has passed.
    pub async fn follow(
        &self,
        room: &str,
        timeout: Duration,
        mut on_message: impl FnMut(&Message),
    ) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        let timeline = timeline(&room).await?;
        let encrypted = room.encryption_state().is_encrypted();
        let (items, mut updates) = timeline.subscribe().await;
        let mut seen: Vec<String> = convert(&items, encrypted).iter().filter_map(key).collect();
        let deadline = tokio::time::Instant::now() + timeout;
        while let Ok(Some(_)) = tokio::time::timeout_at(deadline, updates.next()).await {
            for message in convert(&timeline.items().await, encrypted) {
                if let Some(id) = key(&message).filter(|id| !seen.contains(id)) {
                    on_message(&message);
                    seen.push(id);
                }
            }
        }
        Ok(())
    }
}

/// A timeline with no update for this long has applied what it was given.
const QUIET: Duration = Duration::from_millis(400);

/// How many times `messages` pages back after the timeline was reset under it.
const FILL_ATTEMPTS: usize = 5;

/// How many messages an opened room shows before the user asks for older ones.
const SCREENFUL: usize = 30;

impl Handle {
    /// Follows an open room: a new `RoomView` whenever its header or messages change. The
    /// stream ends when the caller drops it.
    pub fn watch_room(
        &self,
        room: &str,
    ) -> impl futures_util::Stream<Item = Result<RoomView, Arc<MatrixError>>> + Send + 'static {
        let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel();
        let (handle, room) = (self.clone(), room.to_owned());
        tokio::spawn(async move {
            if let Err(error) = handle.feed_room(&room, &sender).await {
                let _ = sender.send(Err(Arc::new(error)));
            }
        });
        futures_util::stream::poll_fn(move |cx| receiver.poll_recv(cx))
    }

    /// Sends again a message that failed: clears its error and wakes the room's queue.
    pub async fn retry(&self, room: &str, local_id: &str) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        let timeline = self.shared_timeline(&room).await?;
        let handle = timeline.items().await.iter().find_map(|item| {
            let event = item.as_event()?;
            let matches = event.transaction_id().is_some_and(|id| id.as_str() == local_id);
            matches.then(|| event.local_echo_send_handle()).flatten()
        });
        let handle =
            handle.ok_or_else(|| MatrixError::SendFailed(crate::fl!("error-retry-gone")))?;
        handle
            .unwedge()
            .await
            .map_err(|e| MatrixError::SendFailed(super::error::root_cause(&e)))?;
        room.send_queue().set_enabled(true);
        Ok(())
    }

    /// Loads `count` older messages of an open room; returns whether its start was reached.
    pub async fn load_older(&self, room: &str, count: u16) -> Result<bool, MatrixError> {
        let room = self.room(room).await?;
        let timeline = self.shared_timeline(&room).await?;
        timeline.paginate_backwards(count).await.map_err(|e| sdk_error_ui(&e))
    }

    async fn feed_room(
        &self,
        room: &str,
        sender: &tokio::sync::mpsc::UnboundedSender<Result<RoomView, Arc<MatrixError>>>,
    ) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        let timeline = self.shared_timeline(&room).await?;
        let (items, mut updates) = timeline.subscribe().await;
        let mut items: Vec<_> = items.into_iter().collect();
        // A room just joined or little used may hold nothing locally yet: fetch a screenful.
        if items.iter().filter(|item| is_message(item)).count() < SCREENFUL {
            let timeline = timeline.clone();
            tokio::spawn(async move { fill(&timeline, SCREENFUL).await });
        }
        loop {
            let details = details(&room).await;
            let messages = convert(&items, details.encrypted);
            let view = RoomView { details, messages, at_start: at_start(&items) };
            if sender.send(Ok(view)).is_err() {
                return Ok(());
            }
            // The room is on screen: what it shows is read. The receipt is private (only this
            // account's other sessions see it), so reading reveals nothing to the others.
            if let Err(error) = timeline.mark_as_read(ReceiptType::ReadPrivate).await {
                tracing::debug!(cause = %super::error::root_cause(&error), "read receipt not sent");
            }
            if updates.next().await.is_none() {
                return Ok(());
            }
            items = timeline.items().await.into_iter().collect();
        }
    }

    async fn shared_timeline(&self, room: &Room) -> Result<Arc<Timeline>, MatrixError> {
        let mut timelines = self.inner.timelines.lock().await;
        if let Some(timeline) = timelines.get(room.room_id().as_str()) {
            return Ok(timeline.clone());
        }
        let created = Arc::new(timeline(room).await?);
        timelines.insert(room.room_id().to_string(), created.clone());
        Ok(created)
    }
}

/// Whether the timeline shows the room's very first event.
fn at_start(items: &[Arc<TimelineItem>]) -> bool {
    items.first().is_some_and(|item| {
        matches!(
            item.as_virtual(),
            Some(matrix_sdk_ui::timeline::VirtualTimelineItem::TimelineStart)
        )
    })
}

async fn details(room: &Room) -> RoomDetails {
    RoomDetails {
        room_id: room.room_id().to_string(),
        name: super::rooms::name(room).await,
        topic: room.topic(),
        members: room.joined_members_count(),
        encrypted: room.encryption_state().is_encrypted(),
        public: room.is_public().unwrap_or(false),
    }
}

async fn timeline(room: &Room) -> Result<Timeline, MatrixError> {
    room.timeline().await.map_err(|e| MatrixError::Server(e.to_string()))
}

/// Paginates back until `limit` messages are loaded or the room's start is reached.
async fn fill(timeline: &Timeline, limit: usize) -> Result<(), MatrixError> {
    loop {
        let loaded = timeline.items().await.iter().filter(|i| is_message(i)).count();
        if loaded >= limit {
            return Ok(());
        }
        let at_start = timeline.paginate_backwards(50).await.map_err(|e| sdk_error_ui(&e))?;
        if at_start {
            return Ok(());
        }
    }
}

fn sdk_error_ui(error: &matrix_sdk_ui::timeline::Error) -> MatrixError {
    MatrixError::Server(super::error::root_cause(error))
}

/// A message that is undecryptable for now but whose key may still come.
fn awaiting_key(message: &Message) -> bool {
    message.trust == Trust::Undecryptable(UndecryptableCause::MissingKey)
}

/// Identifies a message across updates: its event id, once it has one.
fn key(message: &Message) -> Option<String> {
    message.event_id.clone()
}

fn is_message(item: &Arc<TimelineItem>) -> bool {
    item.as_event().is_some_and(|event| {
        matches!(
            event.content().as_msglike().map(|m| &m.kind),
            Some(MsgLikeKind::Message(_) | MsgLikeKind::UnableToDecrypt(_))
        )
    })
}

fn convert<'a>(
    items: impl IntoIterator<Item = &'a Arc<TimelineItem>>,
    room_encrypted: bool,
) -> Vec<Message> {
    items
        .into_iter()
        .filter(|item| is_message(item))
        .filter_map(|item| item.as_event())
        .map(|event| message(event, room_encrypted))
        .collect()
}

/// One event item as a model message.
fn message(event: &EventTimelineItem, room_encrypted: bool) -> Message {
    let content = event.content();
    let msglike = content.as_msglike();
    let text = content.as_message();
    let trust = trust(event, room_encrypted);
    Message {
        event_id: event.event_id().map(ToString::to_string),
        local_id: event.transaction_id().map(ToString::to_string),
        sender: event.sender().to_string(),
        sender_name: match event.sender_profile() {
            TimelineDetails::Ready(profile) => profile.display_name.clone(),
            _ => None,
        },
        ts: event.timestamp().0.into(),
        body: text.map(|m| m.body().to_owned()),
        formatted: text.and_then(|m| match m.msgtype() {
            MessageType::Text(text) => text.formatted.as_ref().map(|f| super::html::spans(&f.body)),
            _ => None,
        }),
        encrypted: !matches!(trust, Trust::SentInClear),
        edited: text.is_some_and(|m| m.is_edited()),
        reply_to: msglike.and_then(|m| m.in_reply_to.as_ref()).map(|r| r.event_id.to_string()),
        reactions: msglike
            .map(|m| {
                m.reactions
                    .iter()
                    .map(|(key, senders)| {
                        (key.clone(), senders.keys().map(ToString::to_string).collect())
                    })
                    .collect()
            })
            .unwrap_or_default(),
        own: event.is_own(),
        send_state: event.send_state().map(send_state),
        trust,
    }
}

/// The trust a reader can place in a message, strict: anything short of verified says why.
fn trust(event: &EventTimelineItem, room_encrypted: bool) -> Trust {
    if let Some(MsgLikeKind::UnableToDecrypt(encrypted)) =
        event.content().as_msglike().map(|m| &m.kind)
    {
        return Trust::Undecryptable(cause(encrypted));
    }
    if event.is_local_echo() {
        return if room_encrypted { Trust::Encrypted } else { Trust::SentInClear };
    }
    let Some(info) = event.encryption_info() else { return Trust::SentInClear };
    // Read the verification state itself: the SDK's strict shield folds an unsigned device and
    // a changed identity into "unverified identity", and those are the warnings that matter.
    match &info.verification_state {
        VerificationState::Verified => Trust::Verified,
        VerificationState::Unverified(level) => match level {
            VerificationLevel::UnverifiedIdentity => Trust::UnverifiedIdentity,
            VerificationLevel::VerificationViolation => Trust::IdentityChanged,
            VerificationLevel::UnsignedDevice => Trust::UnsignedDevice,
            VerificationLevel::None(_) | VerificationLevel::MismatchedSender => {
                Trust::UnknownDevice
            }
        },
    }
}

fn cause(encrypted: &matrix_sdk_ui::timeline::EncryptedMessage) -> UndecryptableCause {
    let matrix_sdk_ui::timeline::EncryptedMessage::MegolmV1AesSha2 { cause, .. } = encrypted else {
        return UndecryptableCause::MissingKey;
    };
    match cause {
        UtdCause::SentBeforeWeJoined => UndecryptableCause::SentBeforeYouJoined,
        UtdCause::VerificationViolation => UndecryptableCause::IdentityChanged,
        UtdCause::UnsignedDevice | UtdCause::UnknownDevice => UndecryptableCause::UnverifiedSender,
        UtdCause::HistoricalMessageAndBackupIsDisabled => UndecryptableCause::HistoryWithoutBackup,
        UtdCause::WithheldForUnverifiedOrInsecureDevice | UtdCause::WithheldBySender => {
            UndecryptableCause::Withheld
        }
        UtdCause::HistoricalMessageAndDeviceIsUnverified => {
            UndecryptableCause::HistoryOnUnverifiedDevice
        }
        UtdCause::Unknown => UndecryptableCause::MissingKey,
    }
}

fn send_state(state: &EventSendState) -> SendState {
    match state {
        EventSendState::NotSentYet { .. } => SendState::Sending,
        EventSendState::Sent { .. } => SendState::Sent,
        EventSendState::SendingFailed { error, is_recoverable } => SendState::Failed {
            reason: super::error::root_cause(error.as_ref()),
            retry: *is_recoverable,
        },
    }
}
