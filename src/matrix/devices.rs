//! The sessions of this account: the server's list joined with what the crypto store knows of
//! each one's keys, renaming, signing out others (with the password when the server asks for
//! it), and the watcher that raises the new-login alert, live and for the time the app was
//! closed.

use std::path::PathBuf;
use std::time::Duration;

use futures_util::{FutureExt as _, Stream, StreamExt as _};
use matrix_sdk::HttpError;
use matrix_sdk::encryption::identities::DeviceUpdates;
use matrix_sdk::ruma::api::client::device::Device as ServerDevice;
use matrix_sdk::ruma::api::client::uiaa::{self, AuthType};
use matrix_sdk::ruma::{OwnedDeviceId, UserId};
use tokio::sync::mpsc::UnboundedSender;

use super::MatrixError;
use super::event::Event;
use super::handle::Handle;
use crate::model::sessions::{self, Device, KnownSessions};
use crate::profile::Profile;
use crate::secret::Password;

/// How often the watcher asks the server for the list even when nothing said a session was
/// added: the server's word (`device_lists`) comes at once, this is for a server that does
/// not give it.
const POLL: Duration = Duration::from_secs(300);

/// How soon to ask again when the server could not be asked (offline at start, say).
const RETRY: Duration = Duration::from_secs(30);

impl Handle {
    /// Every session of the account, this one first, then the most recently seen.
    ///
    /// Names, times and addresses come from the server's list (`/devices`), the only one that
    /// has sessions without keys. Verification comes from the crypto store:
    /// `is_verified_with_cross_signing()` for this session, `is_verified()` for the others.
    /// Not `is_cross_signed_by_owner()`: that trusts whichever identity the server serves now,
    /// and someone who has the password can reset the identity and sign their own session with
    /// it; `is_verified*` also require that this session trusts that identity, so the chain
    /// ends at something the person confirmed. This session is marked locally trusted by the
    /// SDK from birth (it holds its own keys), so for it only the cross-signing chain counts,
    /// as other sessions see it. A session unknown to the crypto store is not verified.
    pub async fn sessions(&self) -> Result<Vec<Device>, MatrixError> {
        match self.inner.client.devices().await {
            Ok(response) => self.with_trust(response.devices).await,
            Err(error) => Err(self.http_failure(&error).await),
        }
    }

    /// The server's list joined with the crypto store's verification state, sorted.
    async fn with_trust(&self, listed: Vec<ServerDevice>) -> Result<Vec<Device>, MatrixError> {
        let keys = self
            .inner
            .client
            .encryption()
            .get_user_devices(&self.own_user_id()?)
            .await
            .map_err(|e| MatrixError::Server(e.to_string()))?;
        let named: std::collections::HashSet<OwnedDeviceId> =
            listed.iter().map(|device| device.device_id.clone()).collect();
        let mut found: Vec<Device> = listed
            .into_iter()
            .map(|device| {
                let this_session = device.device_id.as_str() == self.device_id();
                let verified = keys.get(&device.device_id).is_some_and(|known| {
                    if this_session {
                        known.is_verified_with_cross_signing()
                    } else {
                        known.is_verified()
                    }
                });
                Device {
                    device_id: device.device_id.to_string(),
                    name: device.display_name.filter(|name| !name.trim().is_empty()),
                    verified,
                    this_session,
                    last_seen_ts: device.last_seen_ts.map(|ts| u64::from(ts.0)),
                    last_seen_ip: device.last_seen_ip,
                    keys_only: false,
                }
            })
            .collect();
        // Sessions whose keys the crypto store has but the server's list does not name: they
        // can still be sent room keys, so they are shown, marked (review L3).
        found.extend(keys.devices().filter(|known| !named.contains(known.device_id())).map(
            |known| Device {
                device_id: known.device_id().to_string(),
                name: known.display_name().map(str::to_owned),
                verified: known.is_verified(),
                this_session: false,
                last_seen_ts: None,
                last_seen_ip: None,
                keys_only: true,
            },
        ));
        sessions::sort(&mut found);
        Ok(found)
    }

    /// Gives session `device_id` a new public name (anyone who shares a room with the account
    /// can read it).
    pub async fn rename_session(&self, device_id: &str, name: &str) -> Result<(), MatrixError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(MatrixError::SessionNameEmpty);
        }
        let device = self.known_device(device_id).await?;
        match self.inner.client.rename_device(&device, name).await {
            Ok(_) => Ok(()),
            Err(error) => Err(self.http_failure(&error).await),
        }
    }

    /// Signs out the sessions `device_ids` (ends them on the server: their tokens stop working
    /// and their keys are removed). Returns the ids signed out.
    ///
    /// The server confirms it is the account's owner asking (user-interactive auth): the first
    /// request goes without proof, and when the server asks for the password it is sent with
    /// the retry; without one, `NeedPassword` lets the front end ask and call again. This
    /// session is refused: ending it is logging out, which also clears this computer.
    pub async fn sign_out_sessions(
        &self,
        device_ids: &[String],
        password: Option<&Password>,
    ) -> Result<Vec<String>, MatrixError> {
        let mut wanted: Vec<String> = device_ids.iter().map(|id| id.trim().to_owned()).collect();
        wanted.sort();
        wanted.dedup();
        if wanted.iter().any(|id| id == self.device_id()) {
            return Err(MatrixError::SignOutThisSession);
        }
        if wanted.is_empty() {
            return Ok(wanted);
        }
        // The server ignores ids it does not know; a typo must not look like success.
        let listed = self.sessions().await?;
        if let Some(unknown) =
            wanted.iter().find(|id| !listed.iter().any(|session| &session.device_id == *id))
        {
            return Err(MatrixError::NoSuchSession(unknown.clone()));
        }
        let ids: Vec<OwnedDeviceId> = wanted.iter().map(|id| id.as_str().into()).collect();
        self.delete_devices(&ids, password).await?;
        Ok(wanted)
    }

    /// Signs out every session but this one. Returns the ids signed out (none if this is the
    /// only one).
    pub async fn sign_out_others(
        &self,
        password: Option<&Password>,
    ) -> Result<Vec<String>, MatrixError> {
        let others: Vec<String> = self
            .sessions()
            .await?
            .into_iter()
            .filter(|session| !session.this_session)
            .map(|session| session.device_id)
            .collect();
        self.sign_out_sessions(&others, password).await
    }

    /// `DELETE` through user-interactive auth: once bare, then with the password if that is
    /// what the server asks for.
    async fn delete_devices(
        &self,
        ids: &[OwnedDeviceId],
        password: Option<&Password>,
    ) -> Result<(), MatrixError> {
        let client = &self.inner.client;
        let error = match client.delete_devices(ids, None).await {
            Ok(_) => return Ok(()),
            Err(error) => error,
        };
        let Some(info) = error.as_uiaa_response() else {
            return Err(self.http_failure(&error).await);
        };
        if !offers_password(info) {
            return Err(MatrixError::SignOutAuth(auth_kinds(info)));
        }
        let Some(password) = password else { return Err(MatrixError::NeedPassword) };
        let user = uiaa::UserIdentifier::Matrix(uiaa::MatrixUserIdentifier::new(
            self.user_id().to_owned(),
        ));
        let mut step = uiaa::Password::new(user, password.expose().to_owned());
        step.session = info.session.clone();
        match client.delete_devices(ids, Some(uiaa::AuthData::Password(step))).await {
            Ok(_) => Ok(()),
            // The server asks again, with an error about the last try: the password was wrong.
            Err(error) if error.as_uiaa_response().is_some_and(|i| i.auth_error.is_some()) => {
                Err(MatrixError::WrongPassword)
            }
            Err(error) => Err(self.http_failure(&error).await),
        }
    }

    /// The id of a session of this account, refused in words if the server does not list it.
    async fn known_device(&self, device_id: &str) -> Result<OwnedDeviceId, MatrixError> {
        let device_id = device_id.trim();
        let listed = self.sessions().await?;
        if listed.iter().any(|session| session.device_id == device_id) {
            Ok(device_id.into())
        } else {
            Err(MatrixError::NoSuchSession(device_id.to_owned()))
        }
    }

    fn own_user_id(&self) -> Result<matrix_sdk::ruma::OwnedUserId, MatrixError> {
        UserId::parse(self.user_id())
            .map_err(|e| MatrixError::BadUserId(self.user_id().to_owned(), e.to_string()))
    }

    /// A failed request in words, recording the end of this session if that is what it means.
    async fn http_failure(&self, error: &HttpError) -> MatrixError {
        self.inner.session.lock().await.record_failure(error).await
    }
}

/// Whether one of the server's ways to confirm is the password alone.
fn offers_password(info: &uiaa::UiaaInfo) -> bool {
    info.flows.iter().any(|flow| flow.stages == [AuthType::Password])
}

/// What the server asks for instead of a password, named for the error message.
fn auth_kinds(info: &uiaa::UiaaInfo) -> String {
    let flows: Vec<String> = info
        .flows
        .iter()
        .map(|flow| flow.stages.iter().map(AuthType::as_str).collect::<Vec<_>>().join(" + "))
        .collect();
    flows.join(", ")
}

/// Raises `NewSession` for each session of the account that appears: at start, those added
/// since the profile last ran; then, while it runs, those the server reports. The ids seen
/// are kept in the profile so that the next start can tell.
pub(crate) async fn watch_sessions(handle: Handle, sender: UnboundedSender<Event>) {
    // Listen before the first look, so a session added in between is not missed.
    let updates = match handle.inner.client.encryption().devices_stream().await {
        Ok(updates) => updates.boxed(),
        Err(error) => {
            tracing::warn!(%error, "no key updates: new sessions are noticed by polling only");
            futures_util::stream::pending().boxed()
        }
    };
    let profile = handle.inner.session.lock().await.profile.clone();
    let mut known = load_known(&profile);
    // A session that uploads keys shows in the key updates; any session added or removed, keys
    // or not, in the server's own word (`device_lists`).
    let keys = own_updates(updates, handle.user_id().to_owned());
    let mut updates =
        futures_util::stream::select(keys, super::device_lists::own_changes(handle.clone()));
    loop {
        let wait = match check(&handle, known.as_ref()).await {
            Some((record, new)) => {
                for session in new {
                    tracing::info!(device = %session.device_id, "new session of this account");
                    // Nobody listens (a short command): the session stays unrecorded, for the
                    // desktop app or `devices watch` to raise.
                    if sender.send(Event::NewSession(session)).is_err() {
                        return;
                    }
                }
                if known.as_ref() != Some(&record) {
                    save_known(&profile, &record);
                }
                known = Some(record);
                POLL
            }
            None => RETRY,
        };
        tokio::select! {
            update = updates.next() => if update.is_none() { return },
            () = tokio::time::sleep(wait) => {}
            // Nobody listens any more (the front end stopped, or logged out).
            () = sender.closed() => return,
        }
        // Key updates come in bursts (one per device, per sync): one look for all of them.
        tokio::time::sleep(Duration::from_millis(300)).await;
        while let Some(Some(())) = updates.next().now_or_never() {}
    }
}

/// The key updates that touch this account's own sessions.
fn own_updates(
    updates: impl Stream<Item = DeviceUpdates> + Send + 'static,
    user: String,
) -> impl Stream<Item = ()> + Send + Unpin + 'static {
    updates
        .filter(move |update| {
            let ours = update.new.keys().chain(update.changed.keys()).any(|u| u.as_str() == user);
            std::future::ready(ours)
        })
        .map(|_| ())
        .boxed()
}

/// Compares the server's list with what was known; returns the list to record once its new
/// sessions are raised, with those sessions. `None` if the server could not be asked (it is
/// asked again at the next update).
async fn check(
    handle: &Handle,
    known: Option<&KnownSessions>,
) -> Option<(KnownSessions, Vec<Device>)> {
    // Not `sessions()`: a failure here must not record the end of the session, which may be
    // a logout in progress; the sync's own watch notices a session the server ended.
    let listed = match handle.inner.client.devices().await {
        Ok(response) => response.devices,
        Err(error) => {
            tracing::warn!(cause = %super::error::root_cause(&error), "session list not fetched");
            return None;
        }
    };
    let current = match handle.with_trust(listed).await {
        Ok(current) => current,
        Err(error) => {
            tracing::warn!(%error, "session list not joined with keys");
            return None;
        }
    };
    let (user, device) = (handle.user_id(), handle.device_id());
    let new = sessions::since_last_run(known, user, device, &current);
    // Sessions signed out since are dropped from the record, so that the record stays the
    // server's list.
    Some((KnownSessions::of(user, device, &current), new))
}

/// Where a profile keeps the ids of the sessions it has seen.
fn known_file(profile: &Profile) -> PathBuf {
    profile.data_dir.join("known-sessions.json")
}

/// The list recorded by the last run; a damaged file counts as none (a first start: the list
/// is recorded again, without alerts).
fn load_known(profile: &Profile) -> Option<KnownSessions> {
    let text = std::fs::read_to_string(known_file(profile)).ok()?;
    serde_json::from_str(&text)
        .inspect_err(|error| tracing::warn!(%error, "known sessions file unreadable"))
        .ok()
}

fn save_known(profile: &Profile, record: &KnownSessions) {
    let saved = serde_json::to_vec(record).map_err(|error| error.to_string()).and_then(|bytes| {
        crate::profile::write_private_file(&known_file(profile), &bytes)
            .map_err(|error| error.to_string())
    });
    if let Err(error) = saved {
        tracing::warn!(%error, "known sessions not recorded");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_password_alone_flow_counts() {
        let password = uiaa::AuthFlow::new(vec![AuthType::Password]);
        let sso = uiaa::AuthFlow::new(vec![AuthType::Sso]);
        let both = uiaa::AuthFlow::new(vec![AuthType::Password, AuthType::EmailIdentity]);
        assert!(offers_password(&uiaa::UiaaInfo::new(vec![sso.clone(), password])));
        let info = uiaa::UiaaInfo::new(vec![sso, both]);
        assert!(!offers_password(&info));
        assert_eq!(auth_kinds(&info), "m.login.sso, m.login.password + m.login.email.identity");
    }
}
