//! Changing the account's password, the first thing to do after a breach: the current one
//! proves who asks (the server's user-interactive auth), the new one is the server's to accept
//! or refuse by its rules, and by default every other session of the account is signed out,
//! so that whoever had the old password loses what it opened.

use matrix_sdk::HttpError;
use matrix_sdk::ruma::api::client::account::change_password;
use matrix_sdk::ruma::api::client::uiaa::{self, AuthData, AuthType};
use matrix_sdk::ruma::api::error::{ErrorBody, ErrorKind};

use super::MatrixError;
use super::handle::Handle;
use crate::secret::Password;

impl Handle {
    /// Changes the password from `current` to `new`; with `sign_out_others`, the server ends
    /// every other session of the account (this one stays). A wrong current password, a new
    /// one the server's rules refuse, or a server that does not allow changes: each in words.
    pub async fn change_password(
        &self,
        current: &Password,
        new: &Password,
        sign_out_others: bool,
    ) -> Result<(), MatrixError> {
        let first = self.send_password_change(new, sign_out_others, None).await;
        let info = match first {
            Ok(()) => return Ok(()),
            Err(error) => match error.as_uiaa_response() {
                Some(info) => info.clone(),
                None => return Err(self.password_failure(&error).await),
            },
        };
        if !info.flows.iter().any(|flow| flow.stages == [AuthType::Password]) {
            return Err(MatrixError::NoPasswordCheck);
        }
        let user = uiaa::UserIdentifier::Matrix(uiaa::MatrixUserIdentifier::new(
            self.user_id().to_owned(),
        ));
        let mut step = uiaa::Password::new(user, current.expose().to_owned());
        step.session = info.session;
        // The new password goes again with the answer: Synapse fails the request without it.
        match self.send_password_change(new, sign_out_others, Some(AuthData::Password(step))).await
        {
            Ok(()) => Ok(()),
            Err(error) if error.as_uiaa_response().is_some_and(|i| i.auth_error.is_some()) => {
                Err(MatrixError::WrongCurrentPassword)
            }
            Err(error) => Err(self.password_failure(&error).await),
        }
    }

    async fn send_password_change(
        &self,
        new: &Password,
        sign_out_others: bool,
        auth: Option<AuthData>,
    ) -> Result<(), HttpError> {
        let mut request = change_password::v3::Request::new(new.expose().to_owned());
        request.logout_devices = sign_out_others;
        request.auth = auth;
        self.inner.client.send(request).await.map(drop)
    }

    /// The server's refusal in words: its password rules say why a new password is refused.
    async fn password_failure(&self, error: &HttpError) -> MatrixError {
        if let Some(api) = error.as_client_api_error()
            && let ErrorBody::Standard(body) = &api.body
            && refuses_password(&body.kind)
        {
            return MatrixError::PasswordRefused(body.message.clone());
        }
        self.inner.session.lock().await.record_failure(error).await
    }
}

/// The error codes of a server's password rules: the spec's, and Synapse's own
/// (`M_PASSWORD_TOO_SHORT`, `M_PASSWORD_NO_DIGIT`…).
fn refuses_password(kind: &ErrorKind) -> bool {
    matches!(kind, ErrorKind::WeakPassword) || kind.errcode().as_str().starts_with("M_PASSWORD_")
}
