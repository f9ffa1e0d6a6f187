//! One message in its place: the messages around an event (a search result, a link to a
//! message), through the SDK's event-focused timeline, and paging from there towards older
//! and newer messages. Such a timeline does not follow the sync: the window goes back to the
//! room's live timeline for what comes next.

use std::sync::Arc;

use futures_util::StreamExt as _;
use matrix_sdk::Room;
use matrix_sdk::ruma::OwnedEventId;
use matrix_sdk_ui::Timeline;
use matrix_sdk_ui::timeline::{RoomExt as _, TimelineEventFocusThreadMode, TimelineFocus};

use super::MatrixError;
use super::handle::Handle;
use super::timeline::{Feed, QUIET, Reading, Rows, at_start, convert, feed_items, followed};
use crate::model::{Around, ChatMessage};

/// How many events the server is asked for on each side of the message at first.
const CONTEXT: u16 = 12;

/// How many events a step towards older or newer messages asks for.
const STEP: u16 = 20;

impl Handle {
    /// Follows the messages around `event` in `room`: a new list whenever they change (a
    /// step back or forward, a late key). The stream ends when the caller drops it.
    pub fn watch_around(
        &self,
        room: &str,
        event: &str,
    ) -> impl futures_util::Stream<Item = Result<Around, Arc<MatrixError>>> + Send + 'static {
        let (handle, room, event) = (self.clone(), room.to_owned(), event.to_owned());
        followed(move |sender| async move { handle.feed_around(&room, &event, &sender).await })
    }

    async fn feed_around(
        &self,
        room: &str,
        event: &str,
        sender: &Feed<Around>,
    ) -> Result<(), MatrixError> {
        let room = self.room(room).await?;
        let timeline = self.focused(&room, event).await?;
        let reading = Reading::of(self, &room).await;
        feed_items(&timeline, sender, |items| Around {
            messages: convert(items, &reading, Rows::WithEvents),
            at_start: at_start(items),
        })
        .await
    }

    /// One step from the messages around `event` towards older ones (or newer ones, `later`);
    /// returns whether the room's start (or its newest message) is reached.
    pub async fn step_around(
        &self,
        room: &str,
        event: &str,
        later: bool,
    ) -> Result<bool, MatrixError> {
        let timeline = self.focused(&self.room(room).await?, event).await?;
        let stepped = if later {
            timeline.paginate_forwards(STEP).await
        } else {
            timeline.paginate_backwards(STEP).await
        };
        stepped.map_err(|e| MatrixError::Server(e.to_string()))
    }

    /// The messages around `event` as the server first gives them, once they settled.
    pub async fn messages_around(
        &self,
        room: &str,
        event: &str,
    ) -> Result<Vec<ChatMessage>, MatrixError> {
        let room = self.room(room).await?;
        let timeline = self.focused(&room, event).await?;
        let (_, mut updates) = timeline.subscribe().await;
        while let Ok(Some(_)) = tokio::time::timeout(QUIET, updates.next()).await {}
        let items: Vec<_> = timeline.items().await.into_iter().collect();
        Ok(convert(&items, &Reading::of(self, &room).await, Rows::WithEvents))
    }

    /// The timeline around `event`, made on first use and kept until another is asked for.
    async fn focused(&self, joined: &Room, event: &str) -> Result<Arc<Timeline>, MatrixError> {
        let room = joined.room_id().as_str();
        let mut kept = self.inner.around.lock().await;
        if let Some((r, e, timeline)) = kept.as_ref()
            && r == room
            && e == event
        {
            return Ok(timeline.clone());
        }
        let target = OwnedEventId::try_from(event.trim())
            .map_err(|_| MatrixError::MessageNotFound(event.to_owned()))?;
        // Threaded answers show in place, as they do in the room's own timeline.
        let thread_mode = TimelineEventFocusThreadMode::Automatic { hide_threaded_events: false };
        let focus = TimelineFocus::Event { target, num_context_events: CONTEXT, thread_mode };
        let timeline = joined.timeline_builder().with_focus(focus).build().await.map_err(|e| {
            tracing::info!(error = %e, "the message's context could not be read");
            MatrixError::MessageNotFound(event.to_owned())
        })?;
        let timeline = Arc::new(timeline);
        *kept = Some((room.to_owned(), event.to_owned(), timeline.clone()));
        Ok(timeline)
    }
}
