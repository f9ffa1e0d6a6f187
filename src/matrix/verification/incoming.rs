//! Requests from elsewhere: to-device from another session, or in a room from another person.
//! Each one found is tracked like an outgoing flow, so the front ends see it arrive.

use std::sync::Arc;

use matrix_sdk::Room;
use matrix_sdk::ruma::UserId;
use matrix_sdk::ruma::events::key::verification::done::OriginalSyncKeyVerificationDoneEvent;
use matrix_sdk::ruma::events::key::verification::request::ToDeviceKeyVerificationRequestEvent;
use matrix_sdk::ruma::events::room::message::{MessageType, OriginalSyncRoomMessageEvent};

use crate::matrix::handle::Handle;

/// Registers the handlers for incoming requests. They hold the core weakly: the client keeps
/// its handlers, and the core must still drop when the front end lets go of it.
pub(crate) fn watch(handle: &Handle) {
    let client = &handle.inner.client;
    let weak = Arc::downgrade(&handle.inner);
    client.add_event_handler(move |event: ToDeviceKeyVerificationRequestEvent| {
        let weak = weak.clone();
        async move {
            if let Some(inner) = weak.upgrade() {
                let flow = event.content.transaction_id.to_string();
                Handle { inner }.incoming(&event.sender, &flow).await;
            }
        }
    });
    let weak = Arc::downgrade(&handle.inner);
    client.add_event_handler(move |event: OriginalSyncRoomMessageEvent| {
        let weak = weak.clone();
        async move {
            if !matches!(event.content.msgtype, MessageType::VerificationRequest(_)) {
                return;
            }
            if let Some(inner) = weak.upgrade()
                // Our own requests come back in the room: they are tracked already.
                && event.sender.as_str() != inner.client.user_id().map_or("", |u| u.as_str())
            {
                Handle { inner }.incoming(&event.sender, event.event_id.as_str()).await;
            }
        }
    });
    // Our "done" in a room can leave after we finished (the SDK queues it), with a message key
    // the other side recorded before it trusted us. Once it is back from the server, start a
    // new key, so that our next message is known to come from a verified person.
    client.add_event_handler(
        |event: OriginalSyncKeyVerificationDoneEvent, room: Room| async move {
            if room.own_user_id() == event.sender
                && let Err(error) = room.discard_room_key().await
            {
                tracing::warn!(%error, "could not start a new message key after a verification");
            }
        },
    );
}

impl Handle {
    async fn incoming(&self, sender: &UserId, flow: &str) {
        let encryption = self.inner.client.encryption();
        let Some(request) = encryption.get_verification_request(sender, flow).await else {
            return;
        };
        // An old request replayed by the room's history, or answered by another session.
        if request.is_done() || request.is_cancelled() || request.is_passive() {
            return;
        }
        self.track(request);
    }
}
