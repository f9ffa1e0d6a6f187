//! The doctor's checks of the signed-in account while a sync runs: the sync itself, then the
//! encryption posture (cross-signing, recovery, key backup), whether this session is verified
//! and how many of the account's sessions are not. A sync of its own, without the app's
//! watchers: a diagnosis must not swallow the new-login alert the next start would raise.

use std::time::Duration;

use matrix_sdk::Client;
use matrix_sdk::encryption::recovery::RecoveryState;
use matrix_sdk_ui::room_list_service::State as ListState;
use matrix_sdk_ui::sync_service::{State as SyncState, SyncService};

use crate::fl;
use crate::model::CheckStatus;
use crate::policy::Policy;

/// How long the first sync may take before the doctor calls it unhealthy.
const SYNC_WAIT: Duration = Duration::from_secs(30);

/// How long to wait for the SDK to learn the recovery state after the first sync.
const STATE_WAIT: Duration = Duration::from_secs(10);

/// A finding: its status and the sentence for it.
pub(super) type Finding = (CheckStatus, String);

/// Starts a sync and waits for the room list's first answer. The returned service runs until
/// the caller stops it, so that what the other checks read is current.
pub(super) async fn sync(client: &Client) -> Result<(SyncService, String), String> {
    let sync = SyncService::builder(client.clone()).build().await.map_err(|e| e.to_string())?;
    sync.start().await;
    let mut list = sync.room_list_service().state();
    let mut states = sync.state();
    let first_answer = async {
        loop {
            if matches!(list.get(), ListState::Running) {
                return Ok(());
            }
            match states.get() {
                SyncState::Error(error) => return Err(error.to_string()),
                SyncState::Offline => return Err(fl!("doctor-sync-offline")),
                _ => {}
            }
            tokio::select! {
                state = list.next() => if state.is_none() { return Ok(()) },
                state = states.next() => if state.is_none() { return Ok(()) },
            }
        }
    };
    let outcome = tokio::time::timeout(SYNC_WAIT, first_answer)
        .await
        .unwrap_or_else(|_| Err(fl!("doctor-sync-timeout", seconds = SYNC_WAIT.as_secs())));
    match outcome {
        Ok(()) => Ok((sync, fl!("doctor-sync-ok", rooms = client.rooms().len()))),
        Err(cause) => {
            sync.stop().await;
            Err(fl!("doctor-sync-failed", cause = cause))
        }
    }
}

/// The private cross-signing keys this session holds: all three make it able to verify.
pub(super) async fn cross_signing(client: &Client) -> Finding {
    match client.encryption().cross_signing_status().await {
        Some(keys) if keys.is_complete() => (CheckStatus::Ok, fl!("doctor-cross-signing-ok")),
        Some(keys) if keys.has_master || keys.has_self_signing || keys.has_user_signing => {
            (CheckStatus::Warning, fl!("doctor-cross-signing-partial"))
        }
        _ => (CheckStatus::Warning, fl!("doctor-cross-signing-none")),
    }
}

/// Whether recovery is set up; a failure rather than a warning when the policy requires it.
pub(super) async fn recovery(client: &Client, policy: &Policy) -> Finding {
    let required = policy.require_recovery.value;
    let (ok, detail) = match known_recovery_state(client).await {
        RecoveryState::Enabled => return (CheckStatus::Ok, fl!("doctor-recovery-enabled")),
        RecoveryState::Disabled => (false, fl!("doctor-recovery-disabled")),
        RecoveryState::Incomplete => (false, fl!("doctor-recovery-incomplete")),
        RecoveryState::Unknown => (true, fl!("doctor-recovery-unknown")),
    };
    requirement(required && !ok, detail)
}

/// The server-side backup of room keys, as this session uses it.
pub(super) async fn backup(client: &Client) -> Finding {
    let backups = client.encryption().backups();
    if backups.are_enabled().await {
        return (CheckStatus::Ok, fl!("doctor-backup-on"));
    }
    match backups.fetch_exists_on_server().await {
        Ok(true) => (CheckStatus::Warning, fl!("doctor-backup-elsewhere")),
        Ok(false) => (CheckStatus::Warning, fl!("doctor-backup-off")),
        Err(error) => {
            (CheckStatus::Warning, fl!("doctor-backup-unknown", cause = error.to_string()))
        }
    }
}

/// This session is signed by the account's identity, as the account's other sessions see it
/// (the same rule as the sessions list); a failure when the policy requires verification.
pub(super) async fn verified(client: &Client, policy: &Policy) -> Finding {
    let own = client.encryption().get_own_device().await.ok().flatten();
    if own.is_some_and(|device| device.is_verified_with_cross_signing()) {
        return (CheckStatus::Ok, fl!("doctor-verified-ok"));
    }
    requirement(policy.require_session_verification.value, fl!("doctor-verified-no"))
}

/// How many of the account's other sessions are not verified (by the sessions list's rule:
/// `is_verified`, which ends the chain at an identity this session trusts).
pub(super) async fn sessions(client: &Client) -> Result<Finding, String> {
    let (Some(user), Some(this)) = (client.user_id(), client.device_id()) else {
        return Err(fl!("doctor-sessions-unknown"));
    };
    let listed = client.devices().await.map_err(|e| super::super::error::root_cause(&e))?;
    let keys = client.encryption().get_user_devices(user).await.map_err(|e| e.to_string())?;
    let others: Vec<_> = listed.devices.iter().filter(|d| d.device_id != this).collect();
    let unverified: Vec<String> = others
        .iter()
        .filter(|device| !keys.get(&device.device_id).is_some_and(|known| known.is_verified()))
        .map(|device| device.device_id.to_string())
        .collect();
    if unverified.is_empty() {
        return Ok((CheckStatus::Ok, fl!("doctor-sessions-ok", others = others.len())));
    }
    let detail = fl!(
        "doctor-sessions-unverified",
        count = unverified.len(),
        others = others.len(),
        devices = unverified.join(", ")
    );
    Ok((CheckStatus::Warning, detail))
}

/// A shortfall is a warning, or a failure naming the organisation when its policy requires
/// what is missing.
fn requirement(required: bool, detail: String) -> Finding {
    if required {
        (CheckStatus::Failed, format!("{detail} {}", fl!("doctor-required-by-policy")))
    } else {
        (CheckStatus::Warning, detail)
    }
}

/// The recovery state once the SDK has learnt it (until then it says `Unknown`).
async fn known_recovery_state(client: &Client) -> RecoveryState {
    let encryption = client.encryption();
    encryption.wait_for_e2ee_initialization_tasks().await;
    let recovery = encryption.recovery();
    let mut states = recovery.state_stream();
    let known = async {
        use futures_util::StreamExt as _;
        while let Some(state) = states.next().await {
            if state != RecoveryState::Unknown {
                return state;
            }
        }
        RecoveryState::Unknown
    };
    tokio::time::timeout(STATE_WAIT, known).await.unwrap_or(RecoveryState::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shortfall_fails_only_when_required() {
        assert_eq!(requirement(false, "x".into()).0, CheckStatus::Warning);
        let (status, detail) = requirement(true, "x".into());
        assert_eq!(status, CheckStatus::Failed);
        assert!(detail.starts_with("x ") && detail.len() > 2, "{detail}");
    }
}
