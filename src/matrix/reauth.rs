//! Proving again to the server who one is, for the idle lock: the password, checked by the
//! server, or for an account that signs in through its organisation, that sign-in again in the
//! browser (the user-interactive auth's SSO fallback). Nothing on the account changes.
//!
//! The check rides on a request the server guards with user-interactive auth, made so that it
//! changes nothing once the server is satisfied: signing out no session at all. Synapse skips
//! that guard for a while after the last login or confirmation (`ui_auth.session_timeout`),
//! and a check the server skipped is no check: an unlock would then open for any password
//! (review M4). Then the guard of adding a third-party identifier is used, which Synapse never
//! skips, with an identifier session that does not exist, so that nothing is added either.

use matrix_sdk::HttpError;
use matrix_sdk::ruma::api::client::account::add_3pid;
use matrix_sdk::ruma::api::client::uiaa::{
    self, AuthData, AuthType, FallbackAcknowledgement, UiaaInfo,
};
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::{ClientSecret, OwnedDeviceId};

pub(crate) mod challenge;

use challenge::{Challenge, Probe};

use super::MatrixError;
use super::handle::Handle;

/// How this account can prove itself to the server now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProofWays {
    pub password: bool,
    pub sso: bool,
}

/// What a guarded request's answer says of the check.
enum Answer {
    /// The server was satisfied.
    Passed,
    /// The server asks (again): with the error of the last try, if any.
    Challenged(Box<UiaaInfo>),
    Failed(HttpError),
}

impl Handle {
    /// How the account can prove itself: the password, the organisation's sign-in, or both.
    pub async fn proof_ways(&self) -> Result<ProofWays, MatrixError> {
        let challenge = self.challenge().await?;
        Ok(ProofWays { password: challenge.password, sso: challenge.sso })
    }

    /// Checks the account's password with the server, to unlock a window the idle lock hid.
    /// `WrongPassword` when it is not the password; never a success the server did not give.
    pub async fn check_password(
        &self,
        password: &crate::secret::Password,
    ) -> Result<(), MatrixError> {
        let challenge = self.challenge().await?;
        if !challenge.password {
            return Err(MatrixError::NoPasswordCheck);
        }
        let user = uiaa::UserIdentifier::Matrix(uiaa::MatrixUserIdentifier::new(
            self.user_id().to_owned(),
        ));
        let mut step = uiaa::Password::new(user, password.expose().to_owned());
        step.session = challenge.session.clone();
        match self.ask(challenge.probe, Some(AuthData::Password(step))).await {
            Answer::Passed => Ok(()),
            Answer::Challenged(info) if info.auth_error.is_some() => {
                Err(MatrixError::WrongPassword)
            }
            Answer::Challenged(_) => Err(MatrixError::NoPasswordCheck),
            Answer::Failed(error) => Err(self.failure(&error).await),
        }
    }

    /// The page of the organisation's sign-in that confirms who one is, to open in the
    /// browser; `check_sso` then asks the server whether it was done.
    pub async fn sso_check_url(&self) -> Result<String, MatrixError> {
        let challenge = self.challenge().await?;
        let (true, Some(session)) = (challenge.sso, challenge.session.clone()) else {
            return Err(MatrixError::NoSsoCheck);
        };
        let mut url = self.inner.client.homeserver();
        url.set_path("/_matrix/client/v3/auth/m.login.sso/fallback/web");
        url.query_pairs_mut().clear().append_pair("session", &session);
        *self.inner.sso_check.lock().await = Some(challenge);
        Ok(url.to_string())
    }

    /// Whether the sign-in opened by `sso_check_url` was completed in the browser.
    pub async fn check_sso(&self) -> Result<(), MatrixError> {
        let Some(challenge) = self.inner.sso_check.lock().await.clone() else {
            return Err(MatrixError::NoSsoCheck);
        };
        let session = challenge.session.clone().unwrap_or_default();
        let acknowledged = AuthData::FallbackAcknowledgement(FallbackAcknowledgement::new(session));
        match self.ask(challenge.probe, Some(acknowledged)).await {
            Answer::Passed => {
                *self.inner.sso_check.lock().await = None;
                Ok(())
            }
            Answer::Challenged(_) => Err(MatrixError::SsoCheckNotDone),
            Answer::Failed(error) => Err(self.failure(&error).await),
        }
    }

    /// A challenge from the first guarded request the server does not wave through.
    async fn challenge(&self) -> Result<Challenge, MatrixError> {
        for probe in [Probe::NoDevices, Probe::NoThreePid] {
            match self.ask(probe, None).await {
                Answer::Challenged(info) => return Ok(challenge_of(probe, &info)),
                // Waved through: this request checks nothing now, try the next.
                Answer::Passed => tracing::info!(?probe, "the server skipped its check"),
                Answer::Failed(error) => {
                    tracing::info!(?probe, %error, "no check through this request");
                }
            }
        }
        Err(MatrixError::NoServerCheck)
    }

    /// Sends the probe with `auth`, and reads the answer.
    async fn ask(&self, probe: Probe, auth: Option<AuthData>) -> Answer {
        let client = &self.inner.client;
        let sent = match probe {
            Probe::NoDevices => {
                client.delete_devices(&[] as &[OwnedDeviceId], auth).await.map(drop)
            }
            Probe::NoThreePid => {
                // No identity server ever issued this session: nothing can be added.
                let never_issued = matrix_sdk::ruma::session_id!("estafette-confirm-only");
                let mut request =
                    add_3pid::v3::Request::new(ClientSecret::new(), never_issued.to_owned());
                request.auth = auth;
                client.send(request).await.map(drop)
            }
        };
        match sent {
            Ok(()) => Answer::Passed,
            Err(error) => match error.as_uiaa_response() {
                Some(info) => Answer::Challenged(Box::new(info.clone())),
                // Past the guard, the made-up identifier session is refused: the check passed.
                None if probe == Probe::NoThreePid
                    && matches!(
                        error.client_api_error_kind(),
                        Some(ErrorKind::ThreepidAuthFailed)
                    ) =>
                {
                    Answer::Passed
                }
                None => Answer::Failed(error),
            },
        }
    }

    async fn failure(&self, error: &HttpError) -> MatrixError {
        self.inner.session.lock().await.record_failure(error).await
    }
}

fn challenge_of(probe: Probe, info: &UiaaInfo) -> Challenge {
    let single = |kind: AuthType| info.flows.iter().any(|flow| flow.stages == [kind.clone()]);
    Challenge {
        probe,
        session: info.session.clone(),
        password: single(AuthType::Password),
        sso: single(AuthType::Sso),
    }
}
