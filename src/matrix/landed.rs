//! What this run's sync brought to each room, so that stopping waits until the event cache
//! has kept it. The SDK saves the sync's position as soon as a response is handled, and
//! stores the response's events later, in a task of its own. A process that ends in between
//! (a command-line run exits as soon as its message is out) would leave the position past
//! events its cache never kept, or cut in half the cache's replacement of an event it held
//! already (removed, not yet put back). The next run syncs from that position: those events
//! would be missing for good. CI saw it as an edit that never showed.

use std::collections::HashMap;
use std::time::Duration;

use matrix_sdk::Client;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId};
use tokio::sync::{broadcast, mpsc, oneshot};

/// How long stopping waits for the event cache to keep what the sync brought.
const WAIT: Duration = Duration::from_secs(5);

/// How often the cache is asked again while it has not kept an event yet.
const POLL: Duration = Duration::from_millis(20);

/// The last event the sync brought to each joined room in this run.
type Last = HashMap<OwnedRoomId, OwnedEventId>;

/// Follows the sync's room updates from before the sync starts.
pub(crate) struct Landed {
    /// Asks the follower for what it has seen, once it has read every update sent so far.
    flush: mpsc::UnboundedSender<oneshot::Sender<Last>>,
}

impl Landed {
    /// Starts following `client`'s room updates; call it before the sync starts.
    pub(crate) fn watch(client: &Client) -> Self {
        let updates = client.subscribe_to_all_room_updates();
        let (flush, asks) = mpsc::unbounded_channel();
        tokio::spawn(follow(updates, asks));
        Self { flush }
    }

    /// Waits, up to `WAIT`, until each room's event cache holds the last event the sync
    /// brought it; call it once the sync is stopped.
    pub(crate) async fn kept(&self, client: &Client) {
        let (answer, seen) = oneshot::channel();
        if self.flush.send(answer).is_err() {
            return;
        }
        let wait = async {
            let Ok(last) = seen.await else { return };
            for (room, event) in last {
                let Some(room) = client.get_room(&room) else { continue };
                let Ok((cache, _drop)) = room.event_cache().await else { continue };
                // The read waits out a write in progress: an event replaced is back once found.
                while !matches!(cache.find_event(&event).await, Ok(Some(_))) {
                    tokio::time::sleep(POLL).await;
                }
            }
        };
        if tokio::time::timeout(WAIT, wait).await.is_err() {
            tracing::warn!("the event cache had not kept all this run's sync brought");
        }
    }
}

/// Records the last event of each joined room's updates; on an ask, reads what is left in
/// the channel first, and answers with everything recorded.
async fn follow(
    mut updates: broadcast::Receiver<matrix_sdk::sync::RoomUpdates>,
    mut asks: mpsc::UnboundedReceiver<oneshot::Sender<Last>>,
) {
    let mut last = Last::new();
    loop {
        tokio::select! {
            update = updates.recv() => match update {
                Ok(update) => record(&mut last, &update),
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => break,
            },
            ask = asks.recv() => {
                let Some(answer) = ask else { return };
                loop {
                    match updates.try_recv() {
                        Ok(update) => record(&mut last, &update),
                        Err(broadcast::error::TryRecvError::Lagged(_)) => {}
                        Err(_) => break,
                    }
                }
                let _ = answer.send(std::mem::take(&mut last));
            }
        }
    }
    // The client is gone: nothing more comes, but an ask may still.
    while let Some(answer) = asks.recv().await {
        let _ = answer.send(std::mem::take(&mut last));
    }
}

fn record(last: &mut Last, update: &matrix_sdk::sync::RoomUpdates) {
    for (room, joined) in &update.joined {
        if let Some(event) = joined.timeline.events.iter().rev().find_map(|e| e.event_id()) {
            last.insert(room.clone(), event);
        }
    }
}
