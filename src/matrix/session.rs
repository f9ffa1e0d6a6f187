//! A signed-in account: its client restored from the keychain, tokens kept in step with the
//! server, and the end of the session (soft or hard) noticed and recorded.

use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::{Client, HttpError, RefreshTokenError, SessionChange, SessionMeta, SessionTokens};
use tokio::sync::broadcast;
use url::Url;

use super::{MatrixError, client};
use crate::model::{AccountRecord, AccountState, Identity};
use crate::policy::Policy;
use crate::profile::Profile;
use crate::secret::{AccountSecrets, SessionSecret};

/// A restored, usable session of one profile's account.
pub struct Session {
    pub(crate) client: Client,
    pub(crate) profile: Profile,
    pub(crate) record: AccountRecord,
    pub(crate) secrets: AccountSecrets,
    changes: broadcast::Receiver<SessionChange>,
}

/// How the server ended a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ended {
    /// The device and its keys still exist: the password brings the session back.
    Soft,
    /// The device is gone.
    Hard,
}

impl Session {
    /// Brings back the profile's account from the keychain alone: no password, no network.
    /// The policy sets who receives our messages' keys, fixed when the client is built.
    pub async fn restore(profile: &Profile, policy: &Policy) -> Result<Self, MatrixError> {
        let record = active_record(profile)?;
        let secrets = AccountSecrets::new(&record.keychain_id, &record.user_id);
        crate::secret::init()?;
        let key = secrets
            .store_key()
            .await?
            .ok_or_else(|| MatrixError::StoreKeyMissing(record.user_id.clone()))?;
        let stored = secrets
            .session()
            .await?
            .ok_or_else(|| MatrixError::SessionMissing(record.user_id.clone()))?;
        let homeserver = Url::parse(&record.homeserver)
            .map_err(|e| MatrixError::Discovery(record.homeserver.clone(), e.to_string()))?;
        let client = client::build(profile, &homeserver, &key, policy).await?;
        Self::start(client, profile.clone(), record, secrets, Some(&stored)).await
    }

    /// Wraps a client whose session is set (after a login) or sets it (on restore), then keeps
    /// the keychain in step with every token refresh.
    pub(crate) async fn start(
        client: Client,
        profile: Profile,
        record: AccountRecord,
        secrets: AccountSecrets,
        restore: Option<&SessionSecret>,
    ) -> Result<Self, MatrixError> {
        if let Some(stored) = restore {
            let session = to_sdk(stored)?;
            client
                .restore_session(session)
                .await
                .map_err(|e| MatrixError::Server(e.to_string()))?;
        }
        let changes = client.subscribe_to_session_changes();
        persist_refreshed_tokens(&client, &secrets)?;
        Ok(Self { client, profile, record, secrets, changes })
    }

    pub fn identity(&self) -> Identity {
        self.record.identity()
    }

    /// The fingerprint of this device's signing key, which the user can compare out of band.
    pub async fn device_key(&self) -> Option<String> {
        self.client.encryption().ed25519_key().await
    }

    /// Asks the server who this session is: proves the tokens still work (refreshing them if
    /// needed) and notices a session the server has ended.
    pub async fn check_with_server(&mut self) -> Result<Identity, MatrixError> {
        match self.client.whoami().await {
            Ok(_) => Ok(self.identity()),
            Err(error) => Err(self.record_failure(&error).await),
        }
    }

    /// Turns a failed request into the error to show. When the server ended the session, this
    /// also records the end: a soft end drops the tokens, a hard one forgets the device.
    pub(crate) async fn record_failure(&mut self, error: &HttpError) -> MatrixError {
        let Some(ended) = self.ended_by(error) else {
            return MatrixError::from_http(&self.client.homeserver(), error);
        };
        let user = self.record.user_id.clone();
        if let Err(error) = record_end(self, ended).await {
            return error;
        }
        match ended {
            Ended::Soft => MatrixError::SoftLoggedOut(user),
            Ended::Hard => MatrixError::LoggedOutByServer(user),
        }
    }

    /// Whether `error` means the server ended this session, and how. Only the server's own
    /// verdict counts: in SDK 0.18 a refresh that failed on the network is also announced as
    /// an unknown token, so a refresh failure must itself be a server answer.
    fn ended_by(&mut self, error: &HttpError) -> Option<Ended> {
        let announced = self.announced_end();
        match error {
            HttpError::RefreshToken(RefreshTokenError::MatrixAuth(inner)) => {
                inner.as_client_api_error()?;
                Some(announced.unwrap_or(Ended::Hard))
            }
            other => match other.client_api_error_kind()? {
                ErrorKind::UnknownToken(data) if data.soft_logout => Some(Ended::Soft),
                ErrorKind::UnknownToken(_) => Some(Ended::Hard),
                _ => None,
            },
        }
    }

    /// The most recent unknown-token announcement, if the SDK made one.
    fn announced_end(&mut self) -> Option<Ended> {
        let mut ended = None;
        loop {
            match self.changes.try_recv() {
                Ok(SessionChange::UnknownToken(data)) => {
                    ended = Some(if data.soft_logout { Ended::Soft } else { Ended::Hard });
                }
                Ok(SessionChange::TokensRefreshed)
                | Err(broadcast::error::TryRecvError::Lagged(_)) => {}
                Err(_) => return ended,
            }
        }
    }

    /// Makes sure the keychain holds the tokens the client uses now, before the process ends.
    pub async fn flush(&self) -> Result<(), MatrixError> {
        if let Some(current) = from_sdk(&self.client) {
            let saved = self.secrets.session().await?;
            if saved.as_ref() != Some(&current) {
                self.secrets.save_session(&current).await?;
            }
        }
        Ok(())
    }
}

/// Deletes what belongs to one device: its tokens and store key in the keychain, its stores
/// and the account record. Logs stay, for support.
pub(crate) async fn forget(profile: &Profile, secrets: &AccountSecrets) -> Result<(), MatrixError> {
    secrets.delete_all().await?;
    profile.remove_stores()?;
    profile.remove_account()?;
    Ok(())
}

/// Records that the server ended `session`: a soft end keeps the device's stores and key for
/// the password to bring back; a hard end forgets the device.
async fn record_end(session: &mut Session, ended: Ended) -> Result<(), MatrixError> {
    match ended {
        Ended::Soft => {
            session.secrets.delete_session().await?;
            session.record.state = AccountState::SoftLoggedOut;
            session.profile.write_account(&session.record)?;
            Ok(())
        }
        Ended::Hard => forget(&session.profile, &session.secrets).await,
    }
}

/// The account of `profile`, if it has one that is signed in.
fn active_record(profile: &Profile) -> Result<AccountRecord, MatrixError> {
    match profile.read_account()? {
        None => Err(MatrixError::NotLoggedIn(profile.name.clone())),
        Some(record) if record.state == AccountState::SoftLoggedOut => {
            Err(MatrixError::SoftLoggedOut(record.user_id))
        }
        Some(record) => Ok(record),
    }
}

/// Saves rotated tokens in the keychain from inside the SDK's refresh, before the refreshed
/// request is retried: the old refresh token is dead from then on, so a crash a moment later
/// must not leave only the old one behind.
fn persist_refreshed_tokens(client: &Client, secrets: &AccountSecrets) -> Result<(), MatrixError> {
    let (save, reload) = (secrets.clone(), secrets.clone());
    client
        .set_session_callbacks(
            Box::new(move |_client| {
                let tokens = blocking_read(&reload)?;
                Ok(SessionTokens {
                    access_token: tokens.access_token.clone(),
                    refresh_token: tokens.refresh_token.clone(),
                })
            }),
            Box::new(move |client| {
                let session = from_sdk(&client).ok_or("no session to save")?;
                in_place(|| save.save_session_now(&session)).map_err(|e| e.to_string().into())
            }),
        )
        .map_err(|e| MatrixError::Server(e.to_string()))
}

type CallbackError = Box<dyn std::error::Error + Send + Sync>;

fn blocking_read(secrets: &AccountSecrets) -> Result<SessionSecret, CallbackError> {
    let session = in_place(|| secrets.session_now()).map_err(|e| e.to_string())?;
    Ok(session.ok_or("no session in the keychain")?)
}

/// Runs blocking keychain work from synchronous SDK callbacks without starving the runtime.
fn in_place<T>(work: impl FnOnce() -> T) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current().map(|handle| handle.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(work),
        _ => work(),
    }
}

/// The client's current session in the keychain's shape.
pub(crate) fn from_sdk(client: &Client) -> Option<SessionSecret> {
    let session = client.matrix_auth().session()?;
    Some(SessionSecret {
        user_id: session.meta.user_id.to_string(),
        device_id: session.meta.device_id.to_string(),
        access_token: session.tokens.access_token.clone(),
        refresh_token: session.tokens.refresh_token.clone(),
    })
}

fn to_sdk(stored: &SessionSecret) -> Result<MatrixSession, MatrixError> {
    let user_id = stored.user_id.as_str().try_into().map_err(|e: matrix_sdk::IdParseError| {
        MatrixError::BadUserId(stored.user_id.clone(), e.to_string())
    })?;
    Ok(MatrixSession {
        meta: SessionMeta { user_id, device_id: stored.device_id.as_str().into() },
        tokens: SessionTokens {
            access_token: stored.access_token.clone(),
            refresh_token: stored.refresh_token.clone(),
        },
    })
}
