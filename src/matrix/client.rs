//! Finds the homeserver and builds the SDK client over the profile's encrypted stores.

use std::time::Duration;

use matrix_sdk::config::RequestConfig;
use matrix_sdk::cross_process_lock::CrossProcessLockConfig;
use matrix_sdk::encryption::{BackupDownloadStrategy, EncryptionSettings};
use matrix_sdk::ruma::{OwnedUserId, UserId};
use matrix_sdk::{Client, ClientBuildError, SqliteStoreConfig};
use matrix_sdk_crypto::CollectStrategy;

use url::Url;

use super::MatrixError;
use super::error::root_cause;
use super::transport::http_client;
use crate::policy::{Policy, VerifiedOnly, transport};
use crate::profile::Profile;
use crate::secret::StoreKey;

/// Requests give up after a few quick retries: a person is waiting on the answer.
fn request_config() -> RequestConfig {
    RequestConfig::new()
        .timeout(Duration::from_secs(30))
        .retry_limit(3)
        .max_retry_time(Duration::from_secs(30))
}

/// Who is logging in: a full Matrix ID, or a bare user name on an explicit homeserver.
pub(crate) fn parse_user(user: &str) -> Result<Option<OwnedUserId>, MatrixError> {
    let user = user.trim();
    if !user.starts_with('@') {
        return if user.is_empty() || user.contains(':') {
            Err(MatrixError::BadUserId(user.to_owned(), crate::fl!("error-user-id-form")))
        } else {
            Ok(None)
        };
    }
    UserId::parse(user)
        .map(Some)
        .map_err(|error| MatrixError::BadUserId(user.to_owned(), error.to_string()))
}

/// The homeserver to talk to: the one given (checked), or the one the Matrix ID's server names
/// in its `.well-known`, checked again because that file could point anywhere. Returns a client
/// without a store that has reached the server, so nothing is written for a server that is
/// wrong, refused or down.
pub(crate) async fn discover(
    homeserver: Option<&str>,
    user: Option<&UserId>,
    shown_user: &str,
) -> Result<(Url, Client), MatrixError> {
    let builder = Client::builder().request_config(RequestConfig::short_retry());
    let (builder, target, shown) = match (homeserver, user) {
        (Some(url), _) => {
            let url = transport::check_homeserver(url)?;
            (builder.homeserver_url(url.as_str()), url.clone(), url.to_string())
        }
        (None, Some(user)) => {
            let server = user.server_name().as_str();
            let scheme = if transport::server_name_is_loopback(server) { "http" } else { "https" };
            let address = format!("{scheme}://{server}");
            let target = transport::check_homeserver(&address)?;
            (builder.server_name_or_homeserver_url(address), target, server.into())
        }
        (None, None) => return Err(MatrixError::NeedHomeserver(shown_user.to_owned())),
    };
    let http =
        http_client(&target).map_err(|e| MatrixError::Discovery(shown.clone(), root_cause(&e)))?;
    let client =
        builder.http_client(http).build().await.map_err(|error| build_error(&shown, error))?;
    let url = client.homeserver();
    transport::check_url(&url)?;
    Ok((url, client))
}

fn build_error(shown: &str, error: ClientBuildError) -> MatrixError {
    if let Some(refused) = super::transport::insecure_redirect(&error) {
        return transport::TransportError::PlainHttp(refused).into();
    }
    match error {
        ClientBuildError::SqliteStore(error) => MatrixError::StoreLocked(root_cause(&error)),
        other => MatrixError::Discovery(shown.to_owned(), root_cause(&other)),
    }
}

/// Who receives the keys of our messages. The SDK fixes it when the client is built, so a
/// change of setting applies from the next start.
///
/// - Verified-only sending on: `OnlyTrustedDevices`, keys only for sessions we verified or
///   that people we verified have signed. The SDK withholds from the others (they are told
///   "unverified") but does not refuse: a changed identity only makes that person's sessions
///   untrusted, so `send_text` checks for changed identities itself before queueing.
/// - Off: `ErrorOnVerifiedUserProblem`, keys for every session, but the SDK refuses to send
///   (the message is held, "wedged", in the queue) when someone we verified has changed
///   identity, or has a session they did not verify themselves. It is the only 0.18 strategy
///   that refuses on a changed identity without also excluding every session not signed by
///   its owner (`IdentityBasedStrategy`, which also stops a not-yet-verified session of ours
///   from sending at all). Our own account counts as verified: a session of ours that we did
///   not verify holds our messages too, the sign of a stranger's login.
fn recipient_strategy(verified_only: VerifiedOnly) -> CollectStrategy {
    if verified_only.is_on() {
        CollectStrategy::OnlyTrustedDevices
    } else {
        CollectStrategy::ErrorOnVerifiedUserProblem
    }
}

/// The client over the profile's stores: state and crypto in the data folder, event cache and
/// media in the cache folder, all four opened with the keychain's store key.
pub(crate) async fn build(
    profile: &Profile,
    homeserver: &Url,
    key: &StoreKey,
    policy: &Policy,
) -> Result<Client, MatrixError> {
    let verified_only = policy.verified_only_sending.value;
    tracing::info!(verified_only = verified_only.is_on(), "room keys go to sessions as chosen");
    transport::check_url(homeserver)?;
    profile.create_dirs()?;
    let config = SqliteStoreConfig::new(profile.store_dir()).key(Some(key.as_bytes()));
    let http = http_client(homeserver)
        .map_err(|e| MatrixError::Discovery(homeserver.to_string(), root_cause(&e)))?;
    let client = Client::builder()
        .homeserver_url(homeserver.as_str())
        .http_client(http)
        .sqlite_store_with_config_and_cache_path(config, Some(profile.store_cache_dir()))
        .request_config(request_config())
        // A login response may name another homeserver; we keep the one the policy checked.
        .respect_login_well_known(false)
        .handle_refresh_tokens()
        .with_encryption_settings(encryption_settings())
        .with_room_key_recipient_strategy(recipient_strategy(verified_only))
        // One process per profile is already certain (`Profile::lock`). The SDK's default
        // guards its stores against other processes with a lease renewed every 50 ms: a
        // database write twenty times a second, for ever, the whole of an idle window's CPU
        // and a laptop's disk kept awake.
        .cross_process_store_config(CrossProcessLockConfig::SingleProcess)
        .build()
        .await
        .map_err(|error| build_error(homeserver.as_str(), error))?;
    crate::profile::tighten_tree(&profile.data_dir)?;
    crate::profile::tighten_tree(&profile.cache_dir)?;
    Ok(client)
}

/// Encryption on from the first login: cross-signing set up, room keys backed up, and history
/// fetched from the backup when a message cannot be decrypted (the SDK's default, `Manual`,
/// leaves old messages unreadable on a new device).
fn encryption_settings() -> EncryptionSettings {
    EncryptionSettings {
        auto_enable_cross_signing: true,
        backup_download_strategy: BackupDownloadStrategy::AfterDecryptionFailure,
        auto_enable_backups: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verified_only_sending_shares_with_trusted_sessions_only() {
        let strategy = recipient_strategy;
        assert_eq!(strategy(VerifiedOnly::On), CollectStrategy::OnlyTrustedDevices);
        assert_eq!(strategy(VerifiedOnly::Forced), CollectStrategy::OnlyTrustedDevices);
        assert_eq!(strategy(VerifiedOnly::Off), CollectStrategy::ErrorOnVerifiedUserProblem);
    }

    #[test]
    fn users_are_full_ids_or_bare_names() {
        assert!(parse_user("@alice:example.org").unwrap().is_some());
        assert!(parse_user("alice").unwrap().is_none());
        assert!(matches!(parse_user("@alice"), Err(MatrixError::BadUserId(..))));
        assert!(matches!(parse_user("alice:example.org"), Err(MatrixError::BadUserId(..))));
        assert!(matches!(parse_user(""), Err(MatrixError::BadUserId(..))));
    }

    #[tokio::test]
    async fn bare_name_without_server_is_refused() {
        let result = discover(None, None, "alice").await;
        assert!(matches!(result, Err(MatrixError::NeedHomeserver(_))));
    }

    #[tokio::test]
    async fn plain_http_to_a_remote_host_is_refused_before_any_request() {
        let result = discover(Some("http://matrix.example.org"), None, "alice").await;
        assert!(matches!(result, Err(MatrixError::Transport(_))));
    }
}
