//! The core's start-up: restores the session, builds and starts the sync, makes the handle and
//! spawns the tasks that report on the event stream (the room list, the sync's state, new
//! sessions, verification requests). The one file that wires the features together.

use std::sync::{Arc, Weak};
use std::time::Duration;

use matrix_sdk_ui::sync_service::{State as SyncState, SyncService};
use tokio::sync::mpsc;

use super::event::{Event, Events};
use super::handle::{Handle, Inner, until_loaded};
use super::verification::flows::Flows;
use super::{MatrixError, Session};
use crate::model::SyncStatus;
use crate::policy::Policy;
use crate::profile::Profile;

/// Restores the profile's session and starts syncing. Events (the first is `Ready`) arrive
/// on the returned stream; a failure to start is a single `Failed` event.
pub fn run(profile: Profile, policy: Policy) -> Events {
    let (sender, receiver) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        match start_patiently(profile, policy).await {
            Ok((handle, mut events)) => {
                let _ = sender.send(Event::Ready(handle));
                // Until the front end stops listening; then the core's own tasks see that
                // nobody listens and let go of it.
                loop {
                    tokio::select! {
                        event = events.recv() => {
                            let Some(event) = event else { break };
                            if sender.send(event).is_err() {
                                break;
                            }
                        }
                        () = sender.closed() => break,
                    }
                }
            }
            Err(error) => {
                // Said in the log too: the window only shows it on the login screen.
                tracing::warn!(%error, "the session could not start");
                let _ = sender.send(Event::Failed(error));
            }
        }
    });
    receiver
}

/// How long a start that failed for a passing reason is tried again: at login the keychain's
/// daemon may still be starting, or busy unlocking the collection.
const START_RETRIES: [Duration; 4] = [
    Duration::from_millis(500),
    Duration::from_secs(1),
    Duration::from_secs(2),
    Duration::from_secs(4),
];

/// Starts, and tries again after a pause while the failure is one that passes (the keychain
/// did not answer, the store was busy), rather than sending the person to the login screen.
async fn start_patiently(
    profile: Profile,
    policy: Policy,
) -> Result<(Handle, Events), MatrixError> {
    let mut pauses = START_RETRIES.iter();
    loop {
        let (profile, policy) = (profile.clone(), policy.clone());
        // A panic while starting (in the SDK, the keychain's backend…) must not leave the
        // window waiting for ever: it is reported as a failure like any other.
        let started = tokio::spawn(async move { start(&profile, policy).await })
            .await
            .unwrap_or_else(|panic| Err(MatrixError::Crashed(panic.to_string())));
        match (started, pauses.next()) {
            (Err(error), Some(pause)) if error.passes() => {
                tracing::warn!(%error, "the session could not start yet; trying again");
                tokio::time::sleep(*pause).await;
            }
            (started, _) => return started,
        }
    }
}

/// Restores the profile's session, starts the sync and returns the handle with its events.
pub async fn start(profile: &Profile, policy: Policy) -> Result<(Handle, Events), MatrixError> {
    if let Some(record) = profile.read_account()? {
        super::auth::session_allowed(&policy, &record)?;
    }
    start_session(Session::restore(profile, &policy).await?, policy).await
}

/// Starts the sync over a session already at hand (right after a login).
pub async fn start_session(
    session: Session,
    policy: Policy,
) -> Result<(Handle, Events), MatrixError> {
    let client = session.client.clone();
    // The event cache feeds timelines and unread counts; it must listen before the sync starts.
    client.event_cache().subscribe().map_err(|e| MatrixError::Server(e.to_string()))?;
    let landed = super::landed::Landed::watch(&client);
    let sync = SyncService::builder(client.clone())
        .with_offline_mode()
        .build()
        .await
        .map_err(|e| MatrixError::Server(e.to_string()))?;
    // Messages left in the persistent send queue by an earlier run go out as soon as we sync.
    client.send_queue().respawn_tasks_for_rooms_with_unsent_requests().await;
    sync.start().await;
    // Created first: verification flows report on it from the start.
    let (sender, receiver) = mpsc::unbounded_channel();
    let flows = Flows::new({
        let sender = sender.clone();
        move |state| drop(sender.send(Event::Verification(state)))
    });
    let index = super::index::open(&session, &policy).await;
    let handle = Handle::new(session, sync, policy, flows, index, landed);
    super::index::spawn(&handle, sender.clone());
    super::verification::watch(&handle);
    tokio::spawn(report_sync(Arc::downgrade(&handle.inner), sender.clone()));
    tokio::spawn(report_loaded(handle.clone(), sender.clone()));
    tokio::spawn(super::devices::watch_sessions(handle.clone(), sender.clone()));
    tokio::spawn(report_rooms(handle.clone(), sender));
    Ok((handle, receiver))
}

/// Says once when the client has the server's whole room list.
async fn report_loaded(handle: Handle, sender: mpsc::UnboundedSender<Event>) {
    let closed = sender.clone();
    if until_loaded(&handle, async move { closed.closed().await }).await.complete() {
        // Send the list with it, so the front end's count is the complete one.
        let _ = sender.send(Event::Rooms(handle.rooms().await));
        let _ = sender.send(Event::RoomsLoaded);
    }
}

/// Sends the room list now and after every sync that touched a room.
async fn report_rooms(handle: Handle, sender: mpsc::UnboundedSender<Event>) {
    let mut updates = handle.inner.client.subscribe_to_all_room_updates();
    // A room's notification mode lives in the account's push rules, not in the room: a change
    // (here or from another client) is no room update, but the list shows it.
    let mut rules = handle.notification_settings().await.subscribe_to_changes();
    loop {
        if sender.send(Event::Rooms(handle.rooms().await)).is_err() {
            return;
        }
        tokio::select! {
            update = updates.recv() => match update {
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(_) => return,
            },
            changed = rules.recv() => match changed {
                Ok(()) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(_) => return,
            },
            // Nobody listens any more: let go of the core.
            () = sender.closed() => return,
        }
        // Previews are computed from the same sync a moment later, and syncs come in bursts:
        // wait a beat, then take one snapshot for all of it.
        tokio::time::sleep(Duration::from_millis(300)).await;
        while updates.try_recv().is_ok() || rules.try_recv().is_ok() {}
    }
}

/// Forwards sync state changes, restarting the sync after an error with a growing delay.
/// Holds the core weakly between states: once every handle is gone (the desktop app started
/// a new core to apply a setting), the core drops, its sync with it, and this ends.
async fn report_sync(weak: Weak<Inner>, sender: mpsc::UnboundedSender<Event>) {
    let Some(mut states) = weak.upgrade().map(|inner| inner.sync.state()) else { return };
    let mut delay = Duration::from_secs(1);
    // The state may have changed before anyone listened: start from the current one.
    let mut current = Some(states.get());
    while let Some(state) = match current.take() {
        Some(state) => Some(state),
        None => states.next().await,
    } {
        let Some(inner) = weak.upgrade() else { return };
        // Nobody may be listening (a command-line run): the sync still serves the handle.
        let _ = sender.send(Event::Sync(status(&state)));
        match state {
            // Offline mode retries by itself as soon as the server answers, which it does even
            // when our session is over: find out first, or the sync spins on 401s forever.
            SyncState::Offline | SyncState::Error(_) => {
                if let Some(ended) = session_over(&inner).await {
                    inner.sync.stop().await;
                    let _ = sender.send(Event::Failed(ended));
                    return;
                }
                if matches!(state, SyncState::Error(_)) {
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(60));
                    inner.sync.start().await;
                }
            }
            SyncState::Running => {
                delay = Duration::from_secs(1);
                // A send that failed while offline disabled the queue; the server is back.
                inner.client.send_queue().set_enabled(true).await;
            }
            _ => {}
        }
    }
}

/// The error to report when the server has ended this session.
async fn session_over(inner: &Inner) -> Option<MatrixError> {
    match inner.session.lock().await.check_with_server().await {
        Err(error @ (MatrixError::SoftLoggedOut(_) | MatrixError::LoggedOutByServer(_))) => {
            Some(error)
        }
        _ => None,
    }
}

fn status(state: &SyncState) -> SyncStatus {
    match state {
        SyncState::Idle => SyncStatus::Starting,
        SyncState::Running => SyncStatus::Running,
        SyncState::Offline => SyncStatus::Offline,
        SyncState::Terminated => SyncStatus::Stopped,
        SyncState::Error(error) => SyncStatus::Error(error.to_string()),
    }
}
