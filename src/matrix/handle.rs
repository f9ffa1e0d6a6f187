//! The running core: one restored session, its background sync, and the `Handle` both front
//! ends use to act on it. Events flow out on a stream; the handle is cloneable and cheap.

use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::Client;
use matrix_sdk_ui::room_list_service::{RoomListLoadingState as LoadingState, State as ListState};
use matrix_sdk_ui::sync_service::{State as SyncState, SyncService};
use tokio::sync::{Mutex, mpsc};

use super::{MatrixError, Session};
use crate::model::{RoomSummary, SyncStatus};
use crate::policy::Policy;
use crate::profile::Profile;

/// What the core reports to a front end.
#[derive(Debug, Clone)]
pub enum Event {
    /// The core is up: act on it through this handle. Always the first event.
    Ready(Handle),
    /// The sync's state changed.
    Sync(SyncStatus),
    /// The room list changed: the whole list, sorted.
    Rooms(Vec<RoomSummary>),
    /// The server's room list has arrived in full (once per run): until then the list grows.
    RoomsLoaded,
    /// A new session of this account appeared, while the app ran or since it last ran: the
    /// new-login alert ("was this you?").
    NewSession(crate::model::sessions::Session),
    /// A verification (emoji or QR), incoming or outgoing, changed stage.
    Verification(Box<crate::model::verification::Verification>),
    /// The core could not start, or stopped for good.
    Failed(Arc<MatrixError>),
}

/// The stream of events a running core produces.
pub type Events = mpsc::UnboundedReceiver<Event>;

/// A cloneable handle on the running core.
#[derive(Clone)]
pub struct Handle {
    pub(crate) inner: Arc<Inner>,
}

impl std::fmt::Debug for Handle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handle").field("user", &self.inner.user).finish()
    }
}

pub(crate) struct Inner {
    pub(crate) client: Client,
    pub(crate) sync: SyncService,
    pub(crate) policy: Policy,
    pub(crate) session: Mutex<Session>,
    /// The timelines of the rooms a front end has opened, kept so paging back reuses them.
    pub(crate) timelines: Mutex<std::collections::HashMap<String, Arc<matrix_sdk_ui::Timeline>>>,
    /// The verification flows in progress, by flow id.
    pub(crate) verifications: super::verification::Flows,
    /// The server's challenge the idle lock's sign-in in the browser answers.
    pub(crate) sso_check: Mutex<Option<super::reauth::Challenge>>,
    user: String,
    device: String,
}

/// Restores the profile's session and starts syncing. Events (the first is `Ready`) arrive
/// on the returned stream; a failure to start is a single `Failed` event.
pub fn run(profile: Profile, policy: Policy) -> Events {
    let (sender, receiver) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        // A panic while starting (in the SDK, the keychain's backend…) must not leave the
        // window waiting for ever: it is reported as a failure like any other.
        let started = tokio::spawn(async move { start(&profile, policy).await })
            .await
            .unwrap_or_else(|panic| Err(MatrixError::Crashed(panic.to_string())));
        match started {
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
                let _ = sender.send(Event::Failed(Arc::new(error)));
            }
        }
    });
    receiver
}

/// Restores the profile's session, starts the sync and returns the handle with its events.
pub async fn start(profile: &Profile, policy: Policy) -> Result<(Handle, Events), MatrixError> {
    if let Some(record) = profile.read_account()? {
        super::auth::session_allowed(&policy, &record)?;
    }
    start_session(Session::restore(profile).await?, policy).await
}

/// Starts the sync over a session already at hand (right after a login).
pub async fn start_session(
    session: Session,
    policy: Policy,
) -> Result<(Handle, Events), MatrixError> {
    let client = session.client.clone();
    // The event cache feeds timelines and unread counts; it must listen before the sync starts.
    client.event_cache().subscribe().map_err(|e| MatrixError::Server(e.to_string()))?;
    let sync = SyncService::builder(client.clone())
        .with_offline_mode()
        .build()
        .await
        .map_err(|e| MatrixError::Server(e.to_string()))?;
    // Messages left in the persistent send queue by an earlier run go out as soon as we sync.
    client.send_queue().respawn_tasks_for_rooms_with_unsent_requests().await;
    sync.start().await;
    let (user, device) = (session.record.user_id.clone(), session.record.device_id.clone());
    // Created first: verification flows report on it from the start.
    let (sender, receiver) = mpsc::unbounded_channel();
    let inner = Arc::new(Inner {
        client,
        sync,
        policy,
        session: Mutex::new(session),
        timelines: Mutex::default(),
        verifications: super::verification::Flows::new(sender.clone()),
        sso_check: Mutex::default(),
        user,
        device,
    });
    let handle = Handle { inner: inner.clone() };
    super::verification::watch(&handle);
    tokio::spawn(report_sync(inner, sender.clone()));
    tokio::spawn(report_loaded(handle.clone(), sender.clone()));
    tokio::spawn(super::devices::watch_sessions(handle.clone(), sender.clone()));
    tokio::spawn(report_rooms(handle.clone(), sender));
    Ok((handle, receiver))
}

/// How much of the account's room list this client holds: sliding sync brings a long list in
/// batches of a hundred, so "the list is running" is not "every room is here".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListProgress {
    /// Rooms the client knows.
    pub loaded: usize,
    /// How many the server says the list holds, once it has said.
    pub total: Option<u32>,
    /// The server has answered for the list at least once.
    answered: bool,
}

impl ListProgress {
    /// Every room of the server's list is here.
    pub fn complete(&self) -> bool {
        self.answered && self.total.is_none_or(|total| self.loaded >= total as usize)
    }
}

fn progress(handle: &Handle, state: &LoadingState) -> ListProgress {
    let loaded = handle.inner.client.rooms().len();
    match state {
        LoadingState::Loaded { maximum_number_of_rooms } => {
            ListProgress { loaded, total: *maximum_number_of_rooms, answered: true }
        }
        LoadingState::NotLoaded => ListProgress { loaded, total: None, answered: false },
    }
}

/// Waits until the client holds the server's whole room list, or `stop` resolves; returns
/// how far it got.
async fn until_loaded(
    handle: &Handle,
    stop: impl std::future::Future<Output = ()>,
) -> ListProgress {
    let Ok(all) = handle.inner.sync.room_list_service().all_rooms().await else {
        return progress(handle, &LoadingState::NotLoaded);
    };
    let mut loading = all.loading_state();
    let mut updates = handle.inner.client.subscribe_to_all_room_updates();
    tokio::pin!(stop);
    loop {
        let now = progress(handle, &loading.get());
        if now.complete() {
            return now;
        }
        tokio::select! {
            state = loading.next() => if state.is_none() { return now },
            update = updates.recv() => {
                if matches!(update, Err(tokio::sync::broadcast::error::RecvError::Closed)) {
                    return now;
                }
            }
            () = &mut stop => return now,
        }
    }
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
    loop {
        if sender.send(Event::Rooms(handle.rooms().await)).is_err() {
            return;
        }
        tokio::select! {
            update = updates.recv() => match update {
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(_) => return,
            },
            // Nobody listens any more: let go of the core.
            () = sender.closed() => return,
        }
        // Previews are computed from the same sync a moment later, and syncs come in bursts:
        // wait a beat, then take one snapshot for all of it.
        tokio::time::sleep(Duration::from_millis(300)).await;
        while updates.try_recv().is_ok() {}
    }
}

/// Forwards sync state changes, restarting the sync after an error with a growing delay.
/// Holds the core weakly between states: once every handle is gone (the desktop app started
/// a new core to apply a setting), the core drops, its sync with it, and this ends.
async fn report_sync(inner: Arc<Inner>, sender: mpsc::UnboundedSender<Event>) {
    let mut states = inner.sync.state();
    let weak = Arc::downgrade(&inner);
    drop(inner);
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
                    let _ = sender.send(Event::Failed(Arc::new(ended)));
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

impl Handle {
    /// Waits until the room list has been loaded from the server at least once, so that what
    /// the caller reads next is current. Gives up after `timeout`.
    /// Returns early with an error when the sync finds the server unreachable.
    pub async fn synced(&self, timeout: Duration) -> Result<(), MatrixError> {
        let mut list = self.inner.sync.room_list_service().state();
        let mut sync = self.inner.sync.state();
        let wait = async {
            loop {
                if matches!(list.get(), ListState::Running) {
                    return Ok(());
                }
                if matches!(sync.get(), SyncState::Offline | SyncState::Error(_)) {
                    return Err(self.offline());
                }
                tokio::select! {
                    state = list.next() => if state.is_none() { return Ok(()) },
                    state = sync.next() => if state.is_none() { return Ok(()) },
                }
            }
        };
        tokio::time::timeout(timeout, wait).await.unwrap_or_else(|_| Err(self.offline()))
    }

    /// Waits up to `timeout` for the whole room list (a command that lists rooms must not stop
    /// at the first batch), and says how far it got.
    /// Gives up at once when the server cannot be reached: the rest would not come.
    pub async fn all_rooms_loaded(&self, timeout: Duration) -> ListProgress {
        let mut sync = self.inner.sync.state();
        let unreachable = async move {
            loop {
                if matches!(sync.get(), SyncState::Offline | SyncState::Error(_)) {
                    return;
                }
                if sync.next().await.is_none() {
                    return;
                }
            }
        };
        let stop = async move {
            tokio::select! {
                () = tokio::time::sleep(timeout) => {}
                () = unreachable => {}
            }
        };
        until_loaded(self, stop).await
    }

    /// Stops the sync and makes sure the keychain holds the tokens in use.
    pub async fn shutdown(&self) -> Result<(), MatrixError> {
        self.inner.sync.stop().await;
        // A stopped core sends nothing more: should the desktop app start a new core in this
        // process (to apply a setting), only the new one may send what is still queued, once.
        self.inner.client.send_queue().set_enabled(false).await;
        self.inner.session.lock().await.flush().await
    }

    /// Logs out from the running app: stops the sync, ends the session on the server, and
    /// removes this device's secrets and stores (and, with `wipe`, every file of the profile).
    pub async fn log_out(&self, wipe: bool) -> Result<super::ServerLogout, MatrixError> {
        self.inner.sync.stop().await;
        let mut session = self.inner.session.lock().await;
        let ended = super::auth::end_session(&mut session).await;
        let (profile, secrets) = (session.profile.clone(), session.secrets.clone());
        super::auth::forget_after(&profile, &secrets, ended, wipe).await
    }

    pub fn policy(&self) -> &Policy {
        &self.inner.policy
    }

    pub fn user_id(&self) -> &str {
        &self.inner.user
    }

    pub fn device_id(&self) -> &str {
        &self.inner.device
    }

    /// The error to give when the server does not answer in time.
    pub(crate) fn offline(&self) -> MatrixError {
        MatrixError::Unreachable(
            self.inner.client.homeserver().to_string(),
            crate::fl!("error-timeout"),
        )
    }
}

/// Says when a core is gone: after the desktop app restarts the core to apply a setting, the
/// old one must not linger with its stores open.
impl Drop for Inner {
    fn drop(&mut self) {
        tracing::info!("core released");
    }
}
