//! Recovery: the recovery key that protects the account's secrets on the server (secret
//! storage), the key backup it unlocks, and the identity reset for when everything is lost.
//! Built on the SDK's `recovery()` only: its docs warn that driving `secret_storage()` or
//! `backups()` directly as well breaks its assumptions (reading from the backup is fine).

use std::time::Duration;

use futures_util::StreamExt as _;
use matrix_sdk::encryption::CrossSigningResetAuthType;
use matrix_sdk::encryption::recovery::{RecoveryError, RecoveryState as SdkState};
use matrix_sdk::encryption::secret_storage::SecretStorageError;
use matrix_sdk::ruma::api::client::uiaa::{self, AuthType};

use super::error::root_cause;
use super::{Handle, MatrixError, sdk_error};
use crate::model::{BackupStatus, CrossSigningKeys, RecoveryState, TrustStatus};
use crate::secret::{Password, RecoveryKey};

/// How long the status waits for this session's room keys to reach the backup. A command-line
/// run is short: keys it received would otherwise be uploaded only by a later run.
const BACKUP_WAIT: Duration = Duration::from_secs(20);

/// How long to wait for the SDK to learn the recovery state after a start.
const STATE_WAIT: Duration = Duration::from_secs(10);

impl Handle {
    /// Where the account stands: recovery, key backup, cross-signing keys, this session's
    /// verification. Pushes room keys not yet in the backup first, so "all saved" is current.
    pub async fn recovery_status(&self) -> Result<TrustStatus, MatrixError> {
        let encryption = self.inner.client.encryption();
        let recovery = self.known_recovery_state().await;
        let backups = encryption.backups();
        let enabled = backups.are_enabled().await;
        let exists_on_server = match backups.fetch_exists_on_server().await {
            Ok(exists) => Some(exists),
            Err(error) => {
                tracing::warn!(cause = %root_cause(&error), "backup state not known");
                None
            }
        };
        let all_keys_saved =
            if enabled { Some(self.back_up_room_keys(BACKUP_WAIT).await) } else { None };
        let keys = encryption.cross_signing_status().await;
        let cross_signing = CrossSigningKeys {
            master: keys.as_ref().is_some_and(|k| k.has_master),
            self_signing: keys.as_ref().is_some_and(|k| k.has_self_signing),
            user_signing: keys.as_ref().is_some_and(|k| k.has_user_signing),
        };
        let own = encryption
            .get_own_device()
            .await
            .map_err(|e| MatrixError::RecoveryFailed(root_cause(&e)))?;
        Ok(TrustStatus {
            recovery,
            backup: BackupStatus { enabled, exists_on_server, all_keys_saved },
            cross_signing,
            session_verified: own.is_some_and(|device| device.is_cross_signed_by_owner()),
        })
    }

    /// Sets recovery up and returns the new recovery key, to show once. Waits until the room
    /// keys are in the backup, so the key is worth something as soon as it is shown.
    ///
    /// Refused when recovery is already set up: a second secret store would make the first
    /// key useless (that is `reset_recovery_key`), and a session that lacks the secrets would
    /// store an incomplete set for everyone (it must `recover` first). Refused too while the
    /// state cannot be learnt from the server.
    pub async fn enable_recovery(&self) -> Result<RecoveryKey, MatrixError> {
        match self.known_recovery_state().await {
            RecoveryState::Enabled => return Err(MatrixError::RecoveryAlreadyEnabled),
            RecoveryState::Incomplete => return Err(MatrixError::RecoverFirst),
            // Not knowing could mean a store exists: a new one would silently void its key.
            RecoveryState::Unknown => return Err(self.offline()),
            RecoveryState::Disabled => {}
        }
        let recovery = self.inner.client.encryption().recovery();
        let key = recovery.enable().wait_for_backups_to_upload().await.map_err(recovery_error)?;
        Ok(RecoveryKey::new(key))
    }

    /// Brings this session the account's secrets with the recovery key: cross-signing (this
    /// session becomes verified) and the key backup, from which the history of the rooms is
    /// fetched now, so it reads at once, here and in the next run.
    pub async fn recover(&self, key: &RecoveryKey) -> Result<(), MatrixError> {
        if key.is_empty() {
            return Err(MatrixError::WrongRecoveryKey);
        }
        let recovery = self.inner.client.encryption().recovery();
        recovery.recover(key.expose()).await.map_err(recovery_error)?;
        self.download_history().await;
        Ok(())
    }

    /// Replaces the recovery key: the secrets are stored again under a new key, which is
    /// returned to show once; the old key stops working.
    pub async fn reset_recovery_key(&self) -> Result<RecoveryKey, MatrixError> {
        match self.known_recovery_state().await {
            RecoveryState::Enabled => {}
            RecoveryState::Disabled => return Err(MatrixError::RecoveryNotSetUp),
            // Without every secret here, the new store would lack some of them (the SDK does
            // not check this itself).
            RecoveryState::Incomplete => return Err(MatrixError::RecoverFirst),
            RecoveryState::Unknown => return Err(self.offline()),
        }
        let recovery = self.inner.client.encryption().recovery();
        let key = recovery.reset_key().await.map_err(recovery_error)?;
        Ok(RecoveryKey::new(key))
    }

    /// Starts the account's encryption identity afresh, for when the recovery key and every
    /// other session are lost: a new identity, a new backup, a new recovery key (returned, to
    /// show once). Everything verified before must be verified again, and the history
    /// encrypted before cannot be read any more. Warning the user is the front end's job.
    ///
    /// The server asks for the account's password to replace the identity.
    pub async fn reset_identity(&self, password: &Password) -> Result<RecoveryKey, MatrixError> {
        let encryption = self.inner.client.encryption();
        let recovery = encryption.recovery();
        if let Some(reset) = recovery.reset_identity().await.map_err(recovery_error)? {
            let auth = match reset.auth_type() {
                CrossSigningResetAuthType::Uiaa(info) if offers_password(info) => {
                    let user = uiaa::UserIdentifier::Matrix(uiaa::MatrixUserIdentifier::new(
                        self.user_id().to_owned(),
                    ));
                    let mut step = uiaa::Password::new(user, password.expose().to_owned());
                    step.session = info.session.clone();
                    uiaa::AuthData::Password(step)
                }
                other => {
                    reset.cancel().await;
                    return Err(MatrixError::IdentityResetAuth(auth_kinds(other)));
                }
            };
            reset.reset(Some(auth)).await.map_err(|error| match uiaa_refusal(&error) {
                true => MatrixError::WrongPassword,
                false => recovery_error(error),
            })?;
        }
        // The old secret storage was switched off by the reset; set recovery up again so the
        // new identity is protected from the start.
        let key = recovery.enable().wait_for_backups_to_upload().await.map_err(recovery_error)?;
        Ok(RecoveryKey::new(key))
    }

    /// Uploads the room keys not yet in the backup; returns whether all made it in time.
    pub async fn back_up_room_keys(&self, timeout: Duration) -> bool {
        let backups = self.inner.client.encryption().backups();
        match tokio::time::timeout(timeout, backups.wait_for_steady_state()).await {
            Ok(Ok(())) => true,
            Ok(Err(error)) => {
                tracing::warn!(%error, "room keys not all backed up");
                false
            }
            Err(_) => false,
        }
    }

    /// The recovery state once the SDK has checked it after the start (it checks in the
    /// background; until then it says `Unknown`).
    async fn known_recovery_state(&self) -> RecoveryState {
        let encryption = self.inner.client.encryption();
        encryption.wait_for_e2ee_initialization_tasks().await;
        let recovery = encryption.recovery();
        let mut states = recovery.state_stream();
        let known = async {
            while let Some(state) = states.next().await {
                if state != SdkState::Unknown {
                    return state;
                }
            }
            SdkState::Unknown
        };
        let state = tokio::time::timeout(STATE_WAIT, known).await.unwrap_or(SdkState::Unknown);
        model_state(state)
    }

    /// Fetches from the backup the room keys of every joined room that may be encrypted, so
    /// history sent before this session existed decrypts now and in later runs. Best effort:
    /// the timeline also fetches keys one by one when a message fails to decrypt.
    async fn download_history(&self) {
        let backups = self.inner.client.encryption().backups();
        for room in self.inner.client.joined_rooms() {
            let state = room.encryption_state();
            if !state.is_encrypted() && !state.is_unknown() {
                continue;
            }
            if let Err(error) = backups.download_room_keys_for_room(room.room_id()).await {
                tracing::warn!(room = %room.room_id(), cause = %root_cause(&error), "history keys not fetched");
            }
        }
    }
}

fn model_state(state: SdkState) -> RecoveryState {
    match state {
        SdkState::Unknown => RecoveryState::Unknown,
        SdkState::Enabled => RecoveryState::Enabled,
        SdkState::Disabled => RecoveryState::Disabled,
        SdkState::Incomplete => RecoveryState::Incomplete,
    }
}

/// A recovery failure in words. Every way a key can fail to open the secret storage (not
/// Base58, wrong length or parity, MAC mismatch) is one answer for the user: not this key.
fn recovery_error(error: RecoveryError) -> MatrixError {
    match error {
        RecoveryError::SecretStorage(SecretStorageError::SecretStorageKey(_)) => {
            MatrixError::WrongRecoveryKey
        }
        RecoveryError::SecretStorage(SecretStorageError::MissingKeyInfo { .. }) => {
            MatrixError::RecoveryNotSetUp
        }
        // A backup made by another session that this one cannot open yet.
        RecoveryError::BackupExistsOnServer => MatrixError::RecoverFirst,
        RecoveryError::Sdk(error) => sdk_error(error),
        RecoveryError::SecretStorage(SecretStorageError::Sdk(error)) => sdk_error(error),
        other => MatrixError::RecoveryFailed(root_cause(&other)),
    }
}

/// Whether one of the server's ways to confirm the reset is the password alone.
fn offers_password(info: &uiaa::UiaaInfo) -> bool {
    info.flows.iter().any(|flow| flow.stages == [AuthType::Password])
}

/// What the server asks for instead, named for the error message.
fn auth_kinds(auth: &CrossSigningResetAuthType) -> String {
    match auth {
        CrossSigningResetAuthType::Uiaa(info) => {
            let stages: Vec<String> = info
                .flows
                .iter()
                .map(|flow| {
                    let names: Vec<&str> = flow.stages.iter().map(AuthType::as_str).collect();
                    names.join(" + ")
                })
                .collect();
            stages.join(", ")
        }
        CrossSigningResetAuthType::OAuth(_) => "OAuth 2.0".to_owned(),
    }
}

/// Whether the server refused the password the reset was confirmed with.
fn uiaa_refusal(error: &RecoveryError) -> bool {
    let RecoveryError::Sdk(matrix_sdk::Error::Http(http)) = error else { return false };
    http.as_uiaa_response().is_some_and(|info| info.auth_error.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_map_one_to_one() {
        assert_eq!(model_state(SdkState::Enabled), RecoveryState::Enabled);
        assert_eq!(model_state(SdkState::Disabled), RecoveryState::Disabled);
        assert_eq!(model_state(SdkState::Incomplete), RecoveryState::Incomplete);
        assert_eq!(model_state(SdkState::Unknown), RecoveryState::Unknown);
    }

    #[test]
    fn a_key_that_does_not_open_the_store_is_the_wrong_key() {
        use matrix_sdk_crypto::secret_storage::DecodeError;
        let error = RecoveryError::SecretStorage(SecretStorageError::SecretStorageKey(
            DecodeError::KeyLength(35, 3),
        ));
        assert!(matches!(recovery_error(error), MatrixError::WrongRecoveryKey));
        let error =
            RecoveryError::SecretStorage(SecretStorageError::MissingKeyInfo { key_id: None });
        assert!(matches!(recovery_error(error), MatrixError::RecoveryNotSetUp));
    }

    #[test]
    fn only_a_password_alone_flow_counts() {
        let password = uiaa::AuthFlow::new(vec![AuthType::Password]);
        let sso = uiaa::AuthFlow::new(vec![AuthType::Sso]);
        assert!(offers_password(&uiaa::UiaaInfo::new(vec![sso.clone(), password])));
        let only_sso = uiaa::UiaaInfo::new(vec![sso]);
        assert!(!offers_password(&only_sso));
        assert_eq!(auth_kinds(&CrossSigningResetAuthType::Uiaa(only_sso)), "m.login.sso");
    }
}
