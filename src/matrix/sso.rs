//! Single sign-on: the person signs in on their organisation's page in the web browser, and the
//! server hands the app a one-time login token through a loopback address only this computer
//! can reach. The steps around it are the password login's, so nothing is written until the
//! server and the keychain have answered.

mod loopback;

use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::Client;
use matrix_sdk::ruma::UserId;
use matrix_sdk::ruma::api::error::ErrorKind;
use tokio::sync::Notify;
use url::Url;

pub use crate::browser::open as open_browser;

use super::auth::{self, Reached};
use super::error::root_cause;
use super::{MatrixError, Session, client};
use crate::fl;
use crate::model::{AccountRecord, AccountState};
use crate::policy::Policy;
use crate::profile::Profile;
use loopback::Loopback;

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
    let Reached { url, probe, user_id, delegated_by } =
        auth::reach(policy, homeserver, request.user.as_deref()).await?;
    if auth::methods_of(&probe, &url).await?.sso.is_empty() {
        return Err(MatrixError::NoSso(url.to_string()));
    }
    drop(probe);
    crate::secret::probe().await?;
    let shown = request.user.as_deref().map(str::trim);
    // Only an expired session on this server is resumed, and only by its own user when one is
    // named; the server says who signed in, and `check_account` refuses anyone else.
    let resumable = |record: &AccountRecord| {
        record.homeserver == url.as_str()
            && shown.is_none_or(|shown| auth::same_user(record, user_id.as_deref(), shown))
    };
    let label = shown.unwrap_or(url.as_str()).to_owned();
    let mut target = auth::prepare(profile, resumable, &label).await?;
    target.delegated_by = delegated_by;
    let client = client::build(profile, &url, &target.key, policy).await?;
    let resumed = target.record.as_ref().map(|record| record.device_id.clone());
    let mut sent = sign_in(&client, &url, request, resumed.as_deref()).await;
    if sent.is_ok() {
        sent = check_account(&client, user_id.as_deref()).await;
    }
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

/// Signs in on `client` through the browser: the server's SSO page opened with a redirect to
/// our loopback listener (`loopback`), the login token it brings back exchanged for a session.
/// Stops on cancel or timeout.
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
    let loopback =
        Loopback::bind().await.map_err(|error| MatrixError::SsoFailed(error.to_string()))?;
    let redirect = loopback.redirect_url().map_err(|e| MatrixError::SsoFailed(e.to_string()))?;
    let auth = client.matrix_auth();
    let url = auth
        .get_sso_login_url(&redirect, identity_provider.as_deref())
        .await
        .map_err(|error| sso_error(homeserver, error))?;
    // Launching a program may wait a moment (see `browser`): not on an async thread.
    let opened = tokio::task::spawn_blocking(move || open(url))
        .await
        .unwrap_or_else(|error| Err(error.to_string()));
    opened.map_err(MatrixError::Browser)?;
    let done = fl!("sso-browser-done");
    let token = tokio::select! {
        token = loopback.login_token(&done) => {
            token.map_err(|error| MatrixError::SsoFailed(error.to_string()))?
        }
        () = cancel.cancelled() => return Err(MatrixError::SsoCancelled),
        () = tokio::time::sleep(SSO_TIMEOUT) => {
            return Err(MatrixError::SsoTimedOut(SSO_TIMEOUT.as_secs() / 60));
        }
    };
    let mut login =
        auth.login_token(&token).initial_device_display_name(&device_name).request_refresh_token();
    if let Some(device_id) = resumed_device {
        // The same device ID brings back the same crypto identity from the store.
        login = login.device_id(device_id);
    }
    login.send().await.map(drop).map_err(|error| sso_error(homeserver, error))
}

/// Refuses a sign-in that came back as someone other than the person named (the browser was
/// signed in to another account, or someone slipped in a token of theirs): the session just
/// opened is ended on the server again, so nothing is left of it.
async fn check_account(client: &Client, named: Option<&UserId>) -> Result<(), MatrixError> {
    let (Some(named), Some(signed_in)) = (named, client.user_id()) else { return Ok(()) };
    if named == signed_in {
        return Ok(());
    }
    let (named, signed_in) = (named.to_string(), signed_in.to_string());
    if let Err(error) = client.matrix_auth().logout().await {
        tracing::warn!(%error, "the session of the wrong account could not be ended");
    }
    Err(MatrixError::SsoOtherAccount(named, signed_in))
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
