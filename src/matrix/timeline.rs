//! Reading a room: its messages as `model::Message`, with the trust of each and, when one
//! cannot be decrypted, the reason in words.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt as _;
use matrix_sdk::Room;
use matrix_sdk::deserialized_responses::{VerificationLevel, VerificationState};
use matrix_sdk::ruma::api::client::receipt::create_receipt::v3::ReceiptType;
use matrix_sdk::ruma::events::room::message::{MessageType, Relation};
use matrix_sdk::ruma::events::room::power_levels::RoomPowerLevels;
use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent};
use matrix_sdk::ruma::{OwnedEventId, OwnedUserId};
use matrix_sdk_crypto::types::events::UtdCause;
use matrix_sdk_ui::Timeline;
use matrix_sdk_ui::timeline::{
    EventSendState, EventTimelineItem, InReplyToDetails, MsgLikeKind, RoomExt as _,
    TimelineDetails, TimelineItem, default_event_filter,
};

use super::MatrixError;
use super::handle::Handle;
use super::names::Names;
use crate::model::{
    ChatMessage, Reply, RoomDetails, RoomView, SendState, Trust, UndecryptableCause,
};

impl Handle {
    /// The last `limit` messages of a room, oldest first (with the room events among them, not
    /// counted, when `rows` asks). Waits up to `settle` for messages
    /// whose keys may still arrive, so what is shown is what can be read now.
    pub async fn messages(
        &self,
        room: &str,
        limit: usize,
        settle: Duration,
        rows: Rows,
    ) -> Result<Vec<ChatMessage>, MatrixError> {
        let room = self.room(room).await?;
        let timeline = timeline(&room).await?;
        let reading = Reading::of(self, &room).await;
        // Lazy loading leaves the senders of older messages without a name until the members
        // are fetched; names (and whether two of them look alike) matter here.
        timeline.fetch_members().await;
        let (_, mut updates) = timeline.subscribe().await;
        let mut messages = Vec::new();
        // A sync landing during back-pagination can reset the timeline to its newest events;
        // page back again until what is loaded is either enough or truly the room's start.
        for _ in 0..FILL_ATTEMPTS {
            fill(&timeline, limit).await?;
            // The timeline applies what pagination brought in the background: let it settle.
            while let Ok(Some(_)) = tokio::time::timeout(QUIET, updates.next()).await {}
            let items: Vec<_> = timeline.items().await.into_iter().collect();
            messages = convert(&items, &reading, rows);
            if messages.len() >= limit || at_start(&items) {
                break;
            }
            // Not all there: a busy machine may apply it later than the quiet spell. Wait for
            // its next update before paging again (only when short, so a full answer waits
            // for nothing).
            let _ = tokio::time::timeout(LATE, updates.next()).await;
        }
        if resolve_quotes(&timeline, &messages).await {
            let items: Vec<_> = timeline.items().await.into_iter().collect();
            messages = convert(&items, &reading, rows);
        }
        let deadline = tokio::time::Instant::now() + settle;
        while messages.iter().any(awaiting_key) {
            match tokio::time::timeout_at(deadline, updates.next()).await {
                Ok(Some(_)) => {
                    let items: Vec<_> = timeline.items().await.into_iter().collect();
                    messages = convert(&items, &reading, rows);
                }
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
        rows: Rows,
        mut on_message: impl FnMut(&ChatMessage),
    ) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        let timeline = timeline(&room).await?;
        let reading = Reading::of(self, &room).await;
        let (items, mut updates) = timeline.subscribe().await;
        let items: Vec<_> = items.into_iter().collect();
        let mut seen: Vec<String> =
            convert(&items, &reading, rows).iter().filter_map(key).collect();
        let deadline = tokio::time::Instant::now() + timeout;
        while let Ok(Some(_)) = tokio::time::timeout_at(deadline, updates.next()).await {
            let items: Vec<_> = timeline.items().await.into_iter().collect();
            for message in convert(&items, &reading, rows) {
                if let Some(id) = key(&message).filter(|id| !seen.contains(id)) {
                    on_message(&message);
                    seen.push(id);
                }
            }
        }
        Ok(())
    }
}

/// Where a followed room or thread sends what it shows.
pub(super) type Feed<T> = tokio::sync::mpsc::UnboundedSender<Result<T, Arc<MatrixError>>>;

/// What `feed` sends, as a stream, the feed running in a task of its own; the error it stops
/// on, if any, is the last item. Dropping the stream closes the channel: a feed watches for
/// that (`Feed::closed`) to let go of the core at once.
pub(super) fn followed<T, F, Fut>(
    feed: F,
) -> impl futures_util::Stream<Item = Result<T, Arc<MatrixError>>> + Send + 'static
where
    T: Send + 'static,
    F: FnOnce(Feed<T>) -> Fut,
    Fut: std::future::Future<Output = Result<(), MatrixError>> + Send + 'static,
{
    let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel();
    let fed = feed(sender.clone());
    tokio::spawn(async move {
        if let Err(error) = fed.await {
            let _ = sender.send(Err(Arc::new(error)));
        }
    });
    futures_util::stream::poll_fn(move |cx| receiver.poll_recv(cx))
}

/// Sends what `view` makes of `timeline`'s items, again at each of its updates, until the
/// timeline ends or nobody listens on `sender` any more (a thread, a message in its place).
pub(super) async fn feed_items<T>(
    timeline: &Timeline,
    sender: &Feed<T>,
    view: impl Fn(&[Arc<TimelineItem>]) -> T,
) -> Result<(), MatrixError> {
    let (_, mut updates) = timeline.subscribe().await;
    loop {
        let items: Vec<_> = timeline.items().await.into_iter().collect();
        if sender.send(Ok(view(&items))).is_err() {
            return Ok(());
        }
        tokio::select! {
            update = updates.next() => if update.is_none() { return Ok(()) },
            () = sender.closed() => return Ok(()),
        }
    }
}

/// A timeline with no update for this long has applied what it was given.
pub(crate) const QUIET: Duration = Duration::from_millis(400);

/// How long `messages` waits for a timeline still short of what it paged in to catch up.
const LATE: Duration = Duration::from_secs(2);

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
        let (handle, room) = (self.clone(), room.to_owned());
        followed(move |sender| async move { handle.feed_room(&room, &sender).await })
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

    /// Marks an open room read up to its newest message, once the reader has seen it. The
    /// receipt is private (only this account's other sessions see it), so reading reveals
    /// nothing to the others.
    pub async fn mark_read(&self, room: &str) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        let timeline = self.shared_timeline(&room).await?;
        timeline.mark_as_read(ReceiptType::ReadPrivate).await.map(drop).map_err(super::sdk_error)
    }

    /// Loads `count` older messages of an open room; returns whether its start was reached.
    pub async fn load_older(&self, room: &str, count: u16) -> Result<bool, MatrixError> {
        let room = self.room(room).await?;
        let timeline = self.shared_timeline(&room).await?;
        timeline.paginate_backwards(count).await.map_err(|e| sdk_error_ui(&e))
    }

    async fn feed_room(&self, room: &str, sender: &Feed<RoomView>) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        let timeline = self.shared_timeline(&room).await?;
        let (items, mut updates) = timeline.subscribe().await;
        let mut items: Vec<_> = items.into_iter().collect();
        // A room just joined or little used may hold nothing locally yet: fetch a screenful.
        if items.iter().filter(|item| is_message(item)).count() < SCREENFUL {
            let timeline = timeline.clone();
            tokio::spawn(async move { fill(&timeline, SCREENFUL).await });
        }
        let (_typing_guard, mut typing_updates) = room.subscribe_to_typing_notifications();
        let mut typing = Vec::new();
        let mut fetched = HashSet::new();
        // Where the reader left off is where the receipt was as the room opened: read once,
        // not on every update (the window pins its divider there).
        let read_up_to = read_up_to(&room).await.map(|id| id.to_string());
        let mut reading = Reading::of(self, &room).await;
        loop {
            let details = details(&room).await;
            reading.encrypted = details.encrypted;
            let messages = convert(&items, &reading, Rows::WithEvents);
            fetch_quoted(&timeline, &messages, &mut fetched);
            let view = RoomView {
                details,
                messages,
                at_start: at_start(&items),
                typing: typing.clone(),
                read_up_to: read_up_to.clone(),
            };
            if sender.send(Ok(view)).is_err() {
                return Ok(());
            }
            tokio::select! {
                update = updates.next() => if update.is_none() { return Ok(()) },
                users = typing_updates.recv() => if let Ok(users) = users {
                    typing = self.typing_names(&room, users).await;
                },
                // The room is closed: let go of the core at once, not at its next message.
                () = sender.closed() => return Ok(()),
            }
            items = timeline.items().await.into_iter().collect();
        }
    }

    /// The display names of the other members typing.
    async fn typing_names(&self, room: &Room, users: Vec<OwnedUserId>) -> Vec<String> {
        let mut names = Vec::new();
        for user in users.iter().filter(|user| user.as_str() != self.user_id()) {
            let member = room.get_member_no_sync(user).await.ok().flatten();
            let name = member.and_then(|m| m.display_name().map(ToOwned::to_owned));
            let name = name.map(|n| crate::model::text::clean_name(&n)).filter(|n| !n.is_empty());
            names.push(name.unwrap_or_else(|| user.to_string()));
        }
        names
    }

    pub(crate) async fn shared_timeline(&self, room: &Room) -> Result<Arc<Timeline>, MatrixError> {
        let mut timelines = self.inner.timelines.lock().await;
        if let Some(timeline) = timelines.get(room.room_id().as_str()) {
            return Ok(timeline);
        }
        let created = Arc::new(timeline(room).await?);
        timelines.insert(room.room_id().to_string(), created.clone());
        // The members' names arrive as a timeline update: the room opens without waiting.
        let members = created.clone();
        tokio::spawn(async move { members.fetch_members().await });
        Ok(created)
    }
}

/// The message this account's own read receipt is on, as the store keeps it (the private
/// receipt this app sends, else a public one another app sent).
async fn read_up_to(room: &Room) -> Option<OwnedEventId> {
    use matrix_sdk::ruma::events::receipt::{ReceiptThread, ReceiptType as Kind};
    let me = room.own_user_id();
    for kind in [Kind::ReadPrivate, Kind::Read] {
        for thread in [ReceiptThread::Unthreaded, ReceiptThread::Main] {
            if let Ok(Some((event_id, _))) = room.load_user_receipt(kind.clone(), thread, me).await
            {
                return Some(event_id);
            }
        }
    }
    None
}

/// The replies whose quoted message the timeline has not resolved yet, by their own event id
/// (the timeline fetches a quote through the reply that holds it).
fn unresolved_replies(messages: &[ChatMessage]) -> impl Iterator<Item = OwnedEventId> + '_ {
    messages
        .iter()
        .filter(|m| m.reply_to.as_ref().is_some_and(|reply| reply.sender.is_none()))
        .filter_map(|m| OwnedEventId::try_from(m.event_id.as_deref()?).ok())
}

/// Fetches the quotes of unresolved replies; returns whether there were any.
async fn resolve_quotes(timeline: &Timeline, messages: &[ChatMessage]) -> bool {
    let mut any = false;
    for reply in unresolved_replies(messages) {
        any = true;
        if let Err(error) = timeline.fetch_details_for_event(&reply).await {
            tracing::debug!(cause = %super::error::root_cause(&error), "quoted message not found");
        }
    }
    any
}

/// Asks the timeline, once per reply, for quotes it has not loaded; the answer arrives as a
/// timeline update.
fn fetch_quoted(timeline: &Arc<Timeline>, messages: &[ChatMessage], fetched: &mut HashSet<String>) {
    for reply in unresolved_replies(messages) {
        if !fetched.insert(reply.to_string()) {
            continue;
        }
        let timeline = timeline.clone();
        tokio::spawn(async move {
            if let Err(error) = timeline.fetch_details_for_event(&reply).await {
                tracing::debug!(cause = %super::error::root_cause(&error), "quoted message not found");
            }
        });
    }
}

/// Whether the timeline shows the room's very first event: the start marker, or, in a
/// timeline focused on one message (which has no marker), the room's creation.
pub(super) fn at_start(items: &[Arc<TimelineItem>]) -> bool {
    use matrix_sdk_ui::timeline::{
        AnyOtherStateEventContentChange as State, TimelineItemContent as Content,
        VirtualTimelineItem,
    };
    let marked = items
        .first()
        .is_some_and(|item| matches!(item.as_virtual(), Some(VirtualTimelineItem::TimelineStart)));
    marked
        || items.iter().find_map(|item| item.as_event()).is_some_and(|event| {
            matches!(event.content(), Content::OtherState(state)
                if matches!(state.content(), State::RoomCreate(_)))
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
        partner: partner(room).await,
        can_delete_others: can_delete_others(room).await,
        replaced_by: room.successor_room().map(|successor| successor.room_id.to_string()),
    }
}

/// Whether this account may delete others' messages; `false` when the levels cannot be read.
async fn can_delete_others(room: &Room) -> bool {
    let me = room.own_user_id();
    room.power_levels().await.is_ok_and(|levels| levels.user_can_redact_event_of_other(me))
}

/// The one other person of a direct chat, and whether we verified them (their identity is
/// signed by ours); `None` in a room, or a "direct" chat with several people.
async fn partner(room: &Room) -> Option<crate::model::Partner> {
    let targets = room.direct_targets();
    let [target] = targets.iter().collect::<Vec<_>>()[..] else { return None };
    let user = target.as_user_id()?.to_owned();
    let identity = room.client().encryption().get_user_identity(&user).await.ok().flatten();
    let verified = identity.is_some_and(|identity| identity.is_verified());
    Some(crate::model::Partner { user_id: user.to_string(), verified })
}

/// A room's timeline with every message in it, of kinds the SDK knows or not (review M1): the
/// SDK's default drops a message of an unknown kind from the timeline, so that someone could
/// say things no one in the room sees; here it shows as its text.
async fn timeline(room: &Room) -> Result<Timeline, MatrixError> {
    room.timeline_builder()
        .event_filter(|event, rules| default_event_filter(event, rules) || unknown_kind(event))
        .build()
        .await
        .map_err(|e| MatrixError::Server(e.to_string()))
}

/// A message (not an edit) of a kind the SDK does not know.
fn unknown_kind(event: &AnySyncTimelineEvent) -> bool {
    let AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(message)) = event
    else {
        return false;
    };
    message.as_original().is_some_and(|original| {
        matches!(original.content.msgtype, MessageType::_Custom(_))
            && !matches!(original.content.relates_to, Some(Relation::Replacement(_)))
    })
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
fn awaiting_key(message: &ChatMessage) -> bool {
    message.trust == Trust::Undecryptable(UndecryptableCause::MissingKey)
}

/// Identifies a message across updates: its event id, once it has one.
fn key(message: &ChatMessage) -> Option<String> {
    message.event_id.clone()
}

/// A message someone wrote (or its deleted place), as opposed to a room event: what a
/// screenful and `limit` count.
fn is_message(item: &Arc<TimelineItem>) -> bool {
    item.as_event().is_some_and(|event| {
        matches!(
            event.content().as_msglike().map(|m| &m.kind),
            Some(
                MsgLikeKind::Message(_)
                    | MsgLikeKind::UnableToDecrypt(_)
                    | MsgLikeKind::Redacted
                    | MsgLikeKind::Sticker(_)
            )
        )
    })
}

/// What a reading of the room returns: its messages only, or with the room events and the
/// kinds of event that can only be named. A deleted message is a message: its place stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    Messages,
    WithEvents,
}

impl Rows {
    fn keeps(self, item: &Arc<TimelineItem>) -> bool {
        is_message(item) || (self == Self::WithEvents && item.as_event().is_some())
    }
}

/// What converting a room's items needs to know besides the items.
struct Reader<'a> {
    room_encrypted: bool,
    /// This account, to tell its own reactions and leave out its own read receipt.
    me: &'a str,
    /// The senders seen in the items, their names and which of them another's looks like.
    names: Names,
    /// Who a message may call: this account, its keywords, who may call the whole room.
    callee: super::mention::Callee<'a>,
}

/// What reading a room's items needs besides them, gathered once per room opened.
pub(super) struct Reading {
    pub(super) encrypted: bool,
    me: String,
    levels: Option<RoomPowerLevels>,
    keywords: Vec<String>,
}

impl Reading {
    pub(super) async fn of(handle: &Handle, room: &matrix_sdk::Room) -> Self {
        let keywords = handle.notification_settings().await.enabled_keywords().await;
        Self {
            encrypted: room.encryption_state().is_encrypted(),
            me: handle.user_id().to_owned(),
            levels: room.power_levels().await.ok(),
            // Folded once here, not for every message read.
            keywords: keywords.iter().map(|k| crate::model::text::folded(k.trim())).collect(),
        }
    }
}

pub(super) fn convert(
    items: &[Arc<TimelineItem>],
    reading: &Reading,
    rows: Rows,
) -> Vec<ChatMessage> {
    let reader = Reader {
        room_encrypted: reading.encrypted,
        me: &reading.me,
        names: Names::of(items),
        callee: super::mention::Callee {
            user_id: &reading.me,
            keywords: &reading.keywords,
            levels: reading.levels.as_ref(),
        },
    };
    let mut messages: Vec<_> = items
        .iter()
        .filter(|item| rows.keeps(item))
        .filter_map(|item| item.as_event())
        .filter_map(|event| {
            let message = message(event, &reader);
            // A state event not worth a line (an alias, a pin) stays out.
            let shown = message.happening.is_some() || is_message_event(event);
            shown.then_some(message)
        })
        .collect();
    count_answers(&mut messages);
    messages
}

/// Raises each thread root's count of answers to the answers loaded after it. The SDK's count
/// is the server's, bundled with the root when it was received; a root kept in the event
/// cache from before its answers (its own sender's echo, say) would keep saying none after a
/// restart, as the SDK only recounts with its experimental thread support on.
fn count_answers(messages: &mut [ChatMessage]) {
    let mut answers: HashMap<String, u32> = HashMap::new();
    for root in messages.iter().filter_map(|m| m.thread_root.clone()) {
        *answers.entry(root).or_default() += 1;
    }
    for message in messages.iter_mut() {
        let loaded = message.event_id.as_ref().and_then(|id| answers.get(id));
        message.thread_replies = message.thread_replies.max(loaded.copied().unwrap_or(0));
    }
}

fn is_message_event(event: &EventTimelineItem) -> bool {
    matches!(
        event.content().as_msglike().map(|m| &m.kind),
        Some(MsgLikeKind::Message(_) | MsgLikeKind::Sticker(_) | MsgLikeKind::UnableToDecrypt(_))
    )
}

impl Reader<'_> {
    /// A name for a receipt or a reaction's tooltip: `Name (@id)` when ambiguous.
    fn name(&self, user: &str) -> String {
        self.names.label(user)
    }
}

/// The message a reply answers, with its sender and excerpt once the timeline has them.
fn reply(details: &InReplyToDetails, names: &Names) -> Reply {
    let (sender, excerpt) = match &details.event {
        TimelineDetails::Ready(event) => {
            let user = event.sender.as_str();
            let (name, flagged) = match &event.sender_profile {
                TimelineDetails::Ready(profile) => {
                    (profile.display_name.clone(), profile.display_name_ambiguous)
                }
                _ => (None, false),
            };
            // What the timeline knows of the sender beats what the quote carries alone.
            let name = names.name(user).or(name);
            let ambiguous = flagged || names.ambiguous(user);
            let sender = crate::model::person::named(name.as_deref(), user, ambiguous);
            let body = event.content.as_message().map(|m| Reply::excerpt_of(&plain(m)));
            let body = body.map(|b| crate::model::text::neutral(&b).into_owned());
            (Some(sender), body)
        }
        _ => (None, None),
    };
    Reply { event_id: details.event_id.to_string(), sender, excerpt }
}

/// A message's text without markup: the formatted body's words when there is one (the plain
/// body of a markdown message is its source, asterisks and all).
fn plain(message: &matrix_sdk_ui::timeline::Message) -> String {
    match message.msgtype() {
        MessageType::Text(text) => match &text.formatted {
            Some(formatted) => {
                super::html::spans(&formatted.body).into_iter().map(|s| s.text).collect()
            }
            None => text.body.clone(),
        },
        other => other.body().to_owned(),
    }
}

/// One event item as a model message.
fn message(event: &EventTimelineItem, reader: &Reader<'_>) -> ChatMessage {
    let room_encrypted = reader.room_encrypted;
    let content = event.content();
    let msglike = content.as_msglike();
    let text = content.as_message();
    let sticker = content.as_sticker().map(|sticker| sticker.content());
    let trust = trust(event, room_encrypted);
    ChatMessage {
        event_id: event.event_id().map(ToString::to_string),
        local_id: event.transaction_id().map(ToString::to_string),
        sender: event.sender().to_string(),
        sender_name: reader.names.name(event.sender().as_str()),
        sender_ambiguous: reader.names.ambiguous(event.sender().as_str()),
        ts: event.timestamp().0.into(),
        body: text
            .map(|m| m.body())
            .or(sticker.map(|s| s.body.as_str()))
            .map(|body| crate::model::text::neutral(body).into_owned()),
        formatted: text.and_then(|m| match m.msgtype() {
            MessageType::Text(text) => text.formatted.as_ref().map(|f| {
                let mut spans = super::html::spans(&f.body);
                crate::model::rich::mark_mine(&mut spans, reader.me);
                spans
            }),
            _ => None,
        }),
        highlighted: event.is_highlighted()
            || text.is_some_and(|m| {
                super::mention::calls(m.mentions(), m.body(), event.sender(), &reader.callee)
            }),
        encrypted: !matches!(trust, Trust::SentInClear),
        edited: text.is_some_and(|m| m.is_edited()),
        reply_to: msglike.and_then(|m| m.in_reply_to.as_ref()).map(|r| reply(r, &reader.names)),
        thread_root: msglike.and_then(|m| m.thread_root.as_ref()).map(ToString::to_string),
        thread_replies: msglike
            .and_then(|m| m.thread_summary.as_ref())
            .map_or(0, |summary| summary.num_replies),
        reactions: msglike
            .map(|m| {
                m.reactions
                    .iter()
                    .map(|(key, senders)| {
                        let shown = crate::model::text::neutral(key).into_owned();
                        (shown, senders.keys().map(|u| reader.name(u.as_str())).collect())
                    })
                    .collect()
            })
            .unwrap_or_default(),
        reacted: msglike
            .map(|m| {
                m.reactions
                    .iter()
                    .filter(|(_, senders)| senders.keys().any(|u| u.as_str() == reader.me))
                    .map(|(key, _)| key.clone())
                    .collect()
            })
            .unwrap_or_default(),
        read_by: event
            .read_receipts()
            .keys()
            .filter(|user| user.as_str() != reader.me)
            .map(|user| reader.name(user.as_str()))
            .collect(),
        own: event.is_own(),
        send_state: event.send_state().map(send_state),
        attachment: match sticker {
            Some(sticker) => {
                super::attach::attachment(&super::attach::sticker_picture(sticker), None)
            }
            None => text.and_then(|m| super::attach::attachment(m.msgtype(), event.send_state())),
        },
        happening: super::happening::of(event, &reader.names, room_encrypted),
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
    trust_of(&info.verification_state)
}

/// The trust of a decrypted message from its verification state. Read the state itself: the
/// SDK's strict shield folds an unsigned device and a changed identity into "unverified
/// identity", and those are the warnings that matter.
fn trust_of(state: &VerificationState) -> Trust {
    match state {
        VerificationState::Verified => Trust::Verified,
        VerificationState::Unverified(level) => match level {
            VerificationLevel::UnverifiedIdentity => Trust::UnverifiedIdentity,
            VerificationLevel::VerificationViolation => Trust::IdentityChanged,
            VerificationLevel::UnsignedDevice => Trust::UnsignedDevice,
            VerificationLevel::None(_) => Trust::UnknownDevice,
            // The session's owner is not the sender the event names (review M9).
            VerificationLevel::MismatchedSender => Trust::ForgedSender,
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

#[cfg(test)]
mod tests {
    use matrix_sdk::deserialized_responses::DeviceLinkProblem;

    use super::*;

    /// Review M9: a message whose key belongs to someone else than its sender is a danger,
    /// not the caution every unverified colleague gets.
    #[test]
    fn a_forged_sender_is_its_own_danger() {
        let unverified = |level| trust_of(&VerificationState::Unverified(level));
        assert_eq!(unverified(VerificationLevel::MismatchedSender), Trust::ForgedSender);
        assert_eq!(
            unverified(VerificationLevel::None(DeviceLinkProblem::MissingDevice)),
            Trust::UnknownDevice
        );
        assert_eq!(unverified(VerificationLevel::UnverifiedIdentity), Trust::UnverifiedIdentity);
        assert_eq!(trust_of(&VerificationState::Verified), Trust::Verified);
        assert_ne!(Trust::ForgedSender.describe(), Trust::UnknownDevice.describe());
    }
}
