//! Sending: the unencrypted-room guard decides first, then the SDK's persistent send queue
//! carries the message, so an outage or a restart delays it but never loses it.

use std::time::Duration;

use matrix_sdk::RoomState;
use matrix_sdk::send_queue::{LocalEcho, LocalEchoContent, RoomSendQueueUpdate};

use super::MatrixError;
use super::handle::Handle;
use crate::model::mention::Outgoing;

/// What became of a message handed to the core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// The server accepted it under this event id.
    Delivered(String),
    /// It waits in the persistent queue and goes out when the server can be reached, by this
    /// process or the next one.
    Queued,
}

impl Handle {
    /// The joined room, once every rule allows sending into it — the one gate for messages,
    /// replies, edits, reactions and files: a room without encryption needs `consent` and the
    /// policy's leave; under verified-only sending a changed identity holds it. Messages held
    /// earlier whose reason is gone are released first, to keep the order.
    pub(super) async fn guarded(
        &self,
        room: &str,
        consent: bool,
    ) -> Result<matrix_sdk::Room, MatrixError> {
        let room = self.room(room).await?;
        if room.state() != RoomState::Joined {
            return Err(MatrixError::UnknownRoom(room.room_id().to_string()));
        }
        let security = self.security(&room).await?;
        self.inner.policy.may_send(&security, consent)?;
        if self.inner.policy.verified_only_sending.value.is_on() {
            self.hold_on_identity_change(&room).await?;
        }
        self.retry_held(&room).await;
        Ok(room)
    }

    /// Sends `out` (markdown, with its mentions) to `room`. A room without encryption needs
    /// `consent` for that room, and the policy may refuse even then. Waits up to `wait` for
    /// the server's answer.
    pub async fn send_text(
        &self,
        room: &str,
        out: &Outgoing,
        consent: bool,
        wait: Duration,
    ) -> Result<Sent, MatrixError> {
        let room = self.guarded(room, consent).await?;
        super::mention::may_call_room(&room, out).await?;
        let queue = room.send_queue();
        let (_, mut updates) =
            queue.subscribe().await.map_err(|e| MatrixError::SendFailed(e.to_string()))?;
        let content = super::mention::content(out).with_relation(None);
        queue
            .send(content.into())
            .await
            .map_err(|e| MatrixError::SendFailed(super::error::root_cause(&e)))?;
        // The queue announced our local echo before `send` returned: that names the transaction.
        let mut transaction = None;
        while let Ok(update) = updates.try_recv() {
            if let RoomSendQueueUpdate::NewLocalEvent(echo) = update {
                transaction = Some(echo.transaction_id);
            }
        }
        let Some(transaction) = transaction else { return Ok(Sent::Queued) };
        let outcome = async {
            loop {
                match updates.recv().await {
                    Ok(RoomSendQueueUpdate::SentEvent { transaction_id, event_id })
                        if transaction_id == transaction =>
                    {
                        return Ok(Sent::Delivered(event_id.to_string()));
                    }
                    Ok(RoomSendQueueUpdate::SendError {
                        transaction_id,
                        error,
                        is_recoverable,
                    }) if transaction_id == transaction => {
                        return if is_recoverable {
                            Ok(Sent::Queued)
                        } else {
                            Err(super::identity::refusal(&room, &error).await)
                        };
                    }
                    Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(_) => return Ok(Sent::Queued),
                }
            }
        };
        tokio::time::timeout(wait, outcome).await.unwrap_or(Ok(Sent::Queued))
    }
}

/// How long `deliver_queue` waits before it starts a queue a network error stopped.
const RETRY: Duration = Duration::from_secs(1);

impl Handle {
    /// Waits, up to `timeout`, until no joined room has a message waiting in the queue, so a
    /// short-lived process does not stop while one it could deliver is still on its way.
    /// A queue a network error stopped is left for the next sync (offline, a command does
    /// not wait for nothing). Returns whether every queue is empty.
    pub async fn flush_queue(&self, timeout: Duration) -> bool {
        self.drain_queues(timeout, false).await
    }

    /// As `flush_queue`, for what the person asked to send now: a queue a network error
    /// stopped (a slow server's timeout too) is started again after a pause, until the
    /// deadline. Returns whether all went out; saying so when it did not would be a lie.
    pub async fn deliver_queue(&self, timeout: Duration) -> bool {
        self.drain_queues(timeout, true).await
    }

    async fn drain_queues(&self, timeout: Duration, restart: bool) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut empty = true;
        for room in self.inner.client.joined_rooms() {
            let queue = room.send_queue();
            let Ok((echoes, mut updates)) = queue.subscribe().await else { continue };
            let mut pending = movable(echoes);
            while !pending.is_empty() {
                if !queue.is_enabled() {
                    if !restart || tokio::time::Instant::now() + RETRY >= deadline {
                        empty = false;
                        break;
                    }
                    tokio::time::sleep(RETRY).await;
                    queue.set_enabled(true);
                }
                match tokio::time::timeout_at(deadline, updates.recv()).await {
                    Ok(Ok(_)) | Ok(Err(tokio::sync::broadcast::error::RecvError::Lagged(_))) => {
                        match queue.subscribe().await {
                            Ok((echoes, _)) => pending = movable(echoes),
                            Err(_) => break,
                        }
                    }
                    _ => return false,
                }
            }
        }
        empty
    }
}

/// The local echoes that may still go out by waiting: one the server or the SDK refused for
/// good (held, e.g. for a changed identity) waits for the user, not for the network.
fn movable(echoes: Vec<LocalEcho>) -> Vec<LocalEcho> {
    echoes
        .into_iter()
        .filter(|echo| {
            !matches!(&echo.content, LocalEchoContent::Event { send_error: Some(_), .. })
        })
        .collect()
}
