//! The `Handle` both front ends act on the running core with: the client, its sync, the
//! session and the policy it was started under. Cloneable and cheap; the features add their
//! methods in their own files (`impl Handle`), and `start` builds it.

use matrix_sdk::notification_settings::NotificationSettings;
use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::Client;
use matrix_sdk_ui::room_list_service::{RoomListLoadingState as LoadingState, State as ListState};
use matrix_sdk_ui::sync_service::{State as SyncState, SyncService};
use tokio::sync::Mutex;

use super::reauth::challenge::Challenge;
use super::verification::flows::Flows;
use super::{MatrixError, Session};
use crate::policy::Policy;

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
    /// The timelines of the rooms a front end opened lately, kept so paging back and coming
    /// back reuse them; the least recently opened are let go.
    pub(crate) timelines: Mutex<super::recent::Recent<Arc<matrix_sdk_ui::Timeline>>>,
    /// The timeline around one message (a search result), while the window shows it: its
    /// room, the message, and the timeline (the one `around` keeps).
    pub(crate) around: Mutex<Option<(String, String, Arc<matrix_sdk_ui::Timeline>)>>,
    /// The local search index, when the policy allows one and it could be opened.
    pub(crate) index: Option<Arc<crate::search::Index>>,
    /// The crawler that fills it from history.
    pub(crate) crawl: super::index::state::Crawl,
    /// The verification flows in progress, by flow id.
    pub(crate) verifications: Flows,
    /// The server's challenge the idle lock's sign-in in the browser answers.
    pub(crate) sso_check: Mutex<Option<Challenge>>,
    /// What the sync brought this run, which stopping waits for the event cache to keep.
    landed: super::landed::Landed,
    /// The account's push rules, read once and kept up to date by the sync (one listener
    /// for the room list, the timelines and the settings alike).
    notifications: tokio::sync::OnceCell<NotificationSettings>,
    user: String,
    device: String,
}

impl Handle {
    /// The handle on a session whose sync is built; `verifications` reports on the core's
    /// event stream, which the caller owns.
    pub(crate) fn new(
        session: Session,
        sync: SyncService,
        policy: Policy,
        verifications: Flows,
        index: Option<Arc<crate::search::Index>>,
        landed: super::landed::Landed,
    ) -> Self {
        let (user, device) = (session.record.user_id.clone(), session.record.device_id.clone());
        let inner = Inner {
            client: session.client.clone(),
            sync,
            policy,
            session: Mutex::new(session),
            timelines: Mutex::default(),
            around: Mutex::default(),
            index,
            crawl: super::index::state::Crawl::default(),
            verifications,
            sso_check: Mutex::default(),
            landed,
            notifications: tokio::sync::OnceCell::new(),
            user,
            device,
        };
        Self { inner: Arc::new(inner) }
    }

    /// The account's notification settings (push rules), made on first use.
    pub(crate) async fn notification_settings(&self) -> &NotificationSettings {
        let client = &self.inner.client;
        self.inner.notifications.get_or_init(|| client.notification_settings()).await
    }
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

pub(crate) fn progress(handle: &Handle, state: &LoadingState) -> ListProgress {
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
pub(crate) async fn until_loaded(
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
        self.inner.landed.kept(&self.inner.client).await;
        // A stopped core sends nothing more: should the desktop app start a new core in this
        // process (to apply a setting), only the new one may send what is still queued, once.
        self.inner.client.send_queue().set_enabled(false).await;
        self.inner.session.lock().await.flush().await
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
