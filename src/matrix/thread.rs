//! A thread of a room: its messages as the side panel shows them, followed as they change, and
//! answering in it, through the SDK's thread-focused timeline (which puts the thread relation
//! and the reply fallback on what is sent), under the same gate as any message.

use std::sync::Arc;

use futures_util::StreamExt as _;
use matrix_sdk::ruma::OwnedEventId;

use matrix_sdk_ui::timeline::{RoomExt as _, TimelineFocus};

use super::MatrixError;
use super::handle::Handle;
use super::timeline::{Feed, Reading, Rows, convert, feed_items, followed};
use crate::model::ChatMessage;
use crate::model::mention::Outgoing;

impl Handle {
    /// Follows the thread that `root` starts: its messages (the root first) whenever they
    /// change. The stream ends when the caller drops it.
    pub fn watch_thread(
        &self,
        room: &str,
        root: &str,
    ) -> impl futures_util::Stream<Item = Result<Vec<ChatMessage>, Arc<MatrixError>>> + Send + 'static
    {
        let (handle, room, root) = (self.clone(), room.to_owned(), root.to_owned());
        followed(move |sender| async move { handle.feed_thread(&room, &root, &sender).await })
    }

    async fn feed_thread(
        &self,
        room: &str,
        root: &str,
        sender: &Feed<Vec<ChatMessage>>,
    ) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        let timeline = thread_timeline(&room, root).await?;
        let reading = Reading::of(self, &room).await;
        // The thread's older replies are fetched from the server as far as its root.
        let paging = timeline.clone();
        tokio::spawn(async move { while let Ok(false) = paging.paginate_backwards(50).await {} });
        feed_items(&timeline, sender, |items| convert(items, &reading, Rows::Messages)).await
    }

    /// The messages of the thread that `root` starts, the root first, fetched back to it.
    pub async fn thread_messages(
        &self,
        room: &str,
        root: &str,
    ) -> Result<Vec<ChatMessage>, MatrixError> {
        let room = self.room(room).await?;
        let timeline = thread_timeline(&room, root).await?;
        let (_, mut updates) = timeline.subscribe().await;
        let paged = |e: matrix_sdk_ui::timeline::Error| MatrixError::Server(e.to_string());
        while !timeline.paginate_backwards(50).await.map_err(paged)? {}
        // The timeline applies what pagination brought in the background: let it settle.
        let quiet = super::timeline::QUIET;
        while let Ok(Some(_)) = tokio::time::timeout(quiet, updates.next()).await {}
        let items: Vec<_> = timeline.items().await.into_iter().collect();
        let reading = Reading::of(self, &room).await;
        Ok(convert(&items, &reading, Rows::Messages))
    }

    /// Answers in the thread that `root` starts, with `out` (markdown, with its mentions).
    pub async fn send_in_thread(
        &self,
        room: &str,
        root: &str,
        out: &Outgoing,
        consent: bool,
    ) -> Result<(), MatrixError> {
        let room = self.guarded(room, consent).await?;
        super::mention::may_call_room(&room, out).await?;
        let timeline = thread_timeline(&room, root).await?;
        let content = super::mention::content(out).with_relation(None);
        timeline
            .send(content.into())
            .await
            .map(drop)
            .map_err(|e| MatrixError::SendFailed(super::error::root_cause(&e)))
    }
}

async fn thread_timeline(
    room: &matrix_sdk::Room,
    root: &str,
) -> Result<Arc<matrix_sdk_ui::Timeline>, MatrixError> {
    let root_event_id = OwnedEventId::try_from(root.trim())
        .map_err(|_| MatrixError::UnknownRoom(root.to_owned()))?;
    let timeline = room
        .timeline_builder()
        .with_focus(TimelineFocus::Thread { root_event_id })
        .build()
        .await
        .map_err(|e| MatrixError::Server(e.to_string()))?;
    Ok(Arc::new(timeline))
}
