//! The server's word that this account's list of sessions changed, as it happens (review L3):
//! a login by a script with a stolen password uploads no keys, so the crypto store's updates
//! never see it, and a poll every few minutes misses one that logs in, reads and logs out in
//! between. The server names the account in `device_lists.changed` as soon as a session is
//! added or removed; a sliding sync connection of its own asks for that and nothing else (no
//! rooms, and no to-device messages, which only the core's own sync may receive).

use std::time::Duration;

use futures_util::Stream;
use matrix_sdk::config::RequestConfig;
use matrix_sdk::ruma::api::client::sync::sync_events::v5;

use super::handle::Handle;

/// The connection's name, distinct from the core's own sliding sync.
const CONNECTION: &str = "estafette-dev";
/// How long the server may hold a request when nothing changes.
const LONG_POLL: Duration = Duration::from_secs(30);
/// How soon to ask again after a failure (offline, say).
const RETRY: Duration = Duration::from_secs(30);

/// How long the connection waits for the core's first look at the room list: the server is
/// busiest then, and the watcher's first look at the session list covers the start.
const SETTLE: Duration = Duration::from_secs(30);

/// A stream that yields each time the server says this account's sessions changed.
pub(super) fn own_changes(handle: Handle) -> impl Stream<Item = ()> + Send + Unpin + 'static {
    Box::pin(futures_util::stream::unfold((handle, None::<String>), |(handle, pos)| async move {
        let mut pos = pos;
        if pos.is_none() {
            handle.all_rooms_loaded(SETTLE).await;
        }
        loop {
            match next(&handle, pos.take()).await {
                Ok((next_pos, ours)) => {
                    pos = Some(next_pos);
                    if ours {
                        return Some(((), (handle, pos)));
                    }
                }
                Err(error) => {
                    tracing::info!(%error, "the session list's changes are not followed for now");
                    tokio::time::sleep(RETRY).await;
                }
            }
        }
    }))
}

/// One request: the next position, and whether this account's own list changed.
async fn next(
    handle: &Handle,
    pos: Option<String>,
) -> Result<(String, bool), matrix_sdk::HttpError> {
    let mut request = v5::Request::new();
    request.conn_id = Some(CONNECTION.to_owned());
    // The first request only opens the connection: answer at once.
    request.timeout = Some(if pos.is_some() { LONG_POLL } else { Duration::ZERO });
    request.pos = pos;
    request.extensions.e2ee.enabled = Some(true);
    let config = RequestConfig::new().timeout(LONG_POLL * 2);
    let response = handle.inner.client.send(request).with_request_config(config).await?;
    let me = handle.user_id();
    let ours = response.extensions.e2ee.device_lists.changed.iter().any(|user| user.as_str() == me);
    Ok((response.pos, ours))
}
