//! Single sign-on: the person signs in on their organisation's page in the web browser, and the
//! server hands the app a one-time login token through a loopback address only this computer
//! can reach. The steps around it are the password login's, so nothing is written until the
//! server and the keychain have answered.

mod browser;

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use matrix_sdk::Client;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::utils::local_server::{
    LocalServerBuilder, LocalServerIpAddress, LocalServerResponse,
};
use tokio::sync::Notify;
use url::Url;

pub use browser::open as open_browser;

use super::auth::{self, Reached};
use super::error::root_cause;
use super::{MatrixError, Session, client};
use crate::fl;
use crate::model::{AccountRecord, AccountState};
use crate::policy::Policy;
use crate::profile::Profile;

/// How long the browser has to come back. Signing in may take a password, a second factor and
/// a phone call to IT, but a forgotten tab must not hold the login (and its port) for ever.
const SSO_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// What a person gives to sign in with their organisation's account.
pub struct SsoRequest<F> {
    /// An explicit homeserver; without it, the Matrix ID's server, the server of an expired
    /// session, or the organisation's default.
    pub homeserver: Option<String>,
    /// A Matrix ID (optional): finds the server, and only that person resumes an expired session.
    pub user: Option<String>,
    /// Which of the server's identity providers to use; `None` lets the server choose or ask.
    pub identity_provider: Option<String>,
    /// How this device is named in the account's session list.
    pub device_name: String,
    /// Shows the sign-in address to the person, normally by opening the browser on it. An error
    /// ends the login (say it in words); it is called only once the server has been checked.
    pub open: F,
    /// Stops the wait for the browser.
    pub cancel: SsoCancel,
}

/// Ends a single sign-on that is waiting for the browser; the login then cleans up after
/// itself and fails with [`MatrixError::SsoCancelled`]. Cloned into the front end's state.
#[derive(Debug, Clone, Default)]
pub struct SsoCancel(Arc<Notify>);

impl SsoCancel {
    pub fn cancel(&self) {
        // `notify_one` keeps the signal when nobody waits yet, so an early cancel is not lost.
        self.0.notify_one();
    }

    async fn cancelled(&self) {
        self.0.notified().await;
    }
}

/// Signs in through the homeserver's single sign-on and keeps the session in the keychain.
/// Nothing is written, and no browser opened, for a server that is wrong, refused, down or
/// without SSO, or when no keychain can hold the secrets.
pub async fn login_sso<F>(
    profile: &Profile,
    policy: &Policy,
    request: SsoRequest<F>,
) -> Result<Session, MatrixError>
where
    F: FnOnce(String) -> Result<(), String> + Send + 'static,
{
    let remembered = expired_session_server(profile, &request)?;
    let homeserver = request.homeserver.as_deref().or(remembered.as_deref());
    let Reached { url, probe, user_id } =
        auth::reach(policy, homeserver, request.user.as_deref()).await?;
    if auth::methods_of(&probe, &url).await?.sso.is_empty() {
        return Err(MatrixError::NoSso(url.to_string()));
    }
    drop(probe);
    crate::secret::probe().await?;
    let shown = request.user.as_deref().map(str::trim);
    // Only an expired session on this server is resumed, and only by its own user when one is
    // named; the server says who signed in, and `finish` refuses anyone else.
    let resumable = |record: &AccountRecord| {
        record.homeserver == url.as_str()
            && shown.is_none_or(|shown| auth::same_user(record, user_id.as_deref(), shown))
    };
    let label = shown.unwrap_or(url.as_str()).to_owned();
    let target = auth::prepare(profile, resumable, &label).await?;
    let client = client::build(profile, &url, &target.key).await?;
    let resumed = target.record.as_ref().map(|record| record.device_id.clone());
    let sent = sign_in(&client, &url, request, resumed.as_deref()).await;
    auth::settle(client, profile, &url, target, sent).await
}

/// The server of the profile's expired session, when nothing else names one: signing in again
/// then needs no typing at all.
fn expired_session_server<F>(
    profile: &Profile,
    request: &SsoRequest<F>,
) -> Result<Option<String>, MatrixError> {
    if request.homeserver.is_some() || request.user.is_some() {
        return Ok(None);
    }
    let record = profile.read_account()?;
    Ok(record.filter(|r| r.state == AccountState::SoftLoggedOut).map(|r| r.homeserver))
}

/// Runs the SDK's SSO login on `client`: a loopback server on 127.0.0.1 and a random port,
/// the browser sent to the server's SSO page, then the login token it brings back exchanged
/// for a session. Stops on cancel or timeout.
async fn sign_in<F>(
    client: &Client,
    homeserver: &Url,
    request: SsoRequest<F>,
    resumed_device: Option<&str>,
) -> Result<(), MatrixError>
where
    F: FnOnce(String) -> Result<(), String> + Send + 'static,
{
    let SsoRequest { identity_provider, device_name, open, cancel, .. } = request;
    // The SDK's callback can only return its own error type: the words go through this slot.
    let browser_failure = Arc::new(Mutex::new(None::<String>));
    let slot = Arc::clone(&browser_failure);
    let open = move |url: String| async move {
        // Launching a program may wait a moment (see `browser`): not on an async thread.
        let opened = tokio::task::spawn_blocking(move || open(url))
            .await
            .unwrap_or_else(|error| Err(error.to_string()));
        opened.map_err(|cause| {
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(cause);
            matrix_sdk::Error::UnknownError("the browser could not be opened".into())
        })
    };
    // IPv4 only: the address Synapse's `sso.client_whitelist` and most setups name.
    let server = LocalServerBuilder::new()
        .ip_address(LocalServerIpAddress::Localhostv4)
        .response(LocalServerResponse::PlainText(fl!("sso-browser-done")));
    let mut builder = client
        .matrix_auth()
        .login_sso(open)
        .server_builder(server)
        .initial_device_display_name(&device_name)
        .request_refresh_token();
    if let Some(id) = &identity_provider {
        builder = builder.identity_provider_id(id);
    }
    if let Some(device_id) = resumed_device {
        // The same device ID brings back the same crypto identity from the store.
        builder = builder.device_id(device_id);
    }
    let stopped = tokio::select! {
        result = builder.send() => {
            let failure = browser_failure.lock().unwrap_or_else(PoisonError::into_inner).take();
            return match (result, failure) {
                (Ok(_), _) => Ok(()),
                (Err(_), Some(cause)) => Err(MatrixError::Browser(cause)),
                (Err(error), None) => Err(sso_error(homeserver, error)),
            };
        }
        () = cancel.cancelled() => MatrixError::SsoCancelled,
        () = tokio::time::sleep(SSO_TIMEOUT) => MatrixError::SsoTimedOut(SSO_TIMEOUT.as_secs() / 60),
    };
    // Dropping the SDK's future closed the loopback server. If the token had already been
    // exchanged, the stop came too late: the session exists, so it is kept, not orphaned.
    if client.matrix_auth().logged_in() { Ok(()) } else { Err(stopped) }
}

/// A failed SSO login in words: a refused login token is the SSO's failure, not a wrong password.
fn sso_error(homeserver: &Url, error: matrix_sdk::Error) -> MatrixError {
    match error {
        matrix_sdk::Error::Http(http) => match http.client_api_error_kind() {
            Some(ErrorKind::Forbidden) => MatrixError::SsoFailed(http.to_string()),
            _ => MatrixError::from_http(homeserver, &http),
        },
        other => MatrixError::SsoFailed(root_cause(&other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_cancel_before_anyone_waits_is_not_lost() {
        let cancel = SsoCancel::default();
        cancel.clone().cancel();
        tokio::time::timeout(Duration::from_secs(5), cancel.cancelled())
            .await
            .expect("the early cancel is kept");
    }
}
