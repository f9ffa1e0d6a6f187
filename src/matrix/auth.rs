//! Logging in and out: a password login that writes nothing until the server and the keychain
//! have both answered, the soft-logout return on the same device, and logouts that leave
//! nothing behind. The steps a login shares with single sign-on (`sso.rs`) live here.

use matrix_sdk::Client;
use matrix_sdk::ruma::api::client::session::get_login_types::v3::LoginType;
use matrix_sdk::ruma::{OwnedUserId, UserId};
use url::Url;

use super::handle::Handle;
use super::session::from_sdk;
use super::{MatrixError, Session, client};
use crate::model::{AccountRecord, AccountState, IdentityProvider, LoginMethods};
use crate::policy::{Found, Policy};
use crate::profile::Profile;
use crate::secret::{AccountSecrets, Password, StoreKey};

/// What a person gives to log in.
#[derive(Debug)]
pub struct LoginRequest {
    /// An explicit homeserver; without it the Matrix ID's server is asked through `.well-known`.
    pub homeserver: Option<String>,
    /// A full Matrix ID, or a bare user name when a homeserver is given.
    pub user: String,
    pub password: Password,
    /// How this device is named in the account's session list.
    pub device_name: String,
}

/// Where a login lands: a fresh device, or the device a soft logout left behind.
pub(super) struct Target {
    pub(super) record: Option<AccountRecord>,
    secrets: AccountSecrets,
    pub(super) key: StoreKey,
    /// The server name whose `.well-known` named the homeserver (kept with the account, for
    /// the policy to check again at every start).
    pub(super) delegated_by: Option<String>,
}

/// A homeserver found from what the person typed and allowed by the policy; nothing written.
pub(super) struct Reached {
    pub(super) url: Url,
    /// A client without a store that has reached the server.
    pub(super) probe: Client,
    pub(super) user_id: Option<OwnedUserId>,
    /// The server name whose `.well-known` named the homeserver, when it was found that way.
    pub(super) delegated_by: Option<String>,
}

/// Finds the homeserver (the one given, the Matrix ID's, or the organisation's default for a
/// bare user name or none) and checks it against the policy before any request reaches it:
/// a Matrix ID's server is asked only when the list names it, and an address typed beside a
/// Matrix ID is used only when listed itself or named by that Matrix ID's `.well-known`.
pub(super) async fn reach(
    policy: &Policy,
    homeserver: Option<&str>,
    user: Option<&str>,
) -> Result<Reached, MatrixError> {
    let user_id = match user {
        Some(user) => client::parse_user(user)?,
        None => None,
    };
    // The organisation's default for a bare user name, or its locked server for everyone.
    let homeserver = policy.login_homeserver(homeserver, user_id.is_none())?;
    if homeserver.is_none() && user.is_none() {
        return Err(MatrixError::NeedServer);
    }
    let shown = user.unwrap_or_default();
    let server_name = user_id.as_ref().map(|id| id.server_name().as_str().to_owned());
    let delegated_by = match (homeserver, &server_name) {
        (Some(given), _) => given_allowed(policy, given, server_name.as_deref()).await?,
        (None, Some(name)) => {
            policy.allows_server_name(name)?;
            Some(name.clone())
        }
        (None, None) => None,
    };
    let (url, probe) = client::discover(homeserver, user_id.as_deref(), shown).await?;
    let found = delegated_by.as_deref().map_or(Found::Given, Found::DelegatedBy);
    let found = if homeserver.is_some() && homeserver == policy.organisation_homeserver() {
        Found::Organisation
    } else {
        found
    };
    policy.allows_homeserver(&url, found)?;
    Ok(Reached { url, probe, user_id, delegated_by })
}

/// Whether an address given for the homeserver may be used, before it is contacted: listed
/// (or the organisation's own), or named by the `.well-known` of the Matrix ID's server when
/// the list names that server. Returns that server name when its delegation is what allowed it.
async fn given_allowed(
    policy: &Policy,
    given: &str,
    server_name: Option<&str>,
) -> Result<Option<String>, MatrixError> {
    let url = crate::policy::transport::check_homeserver(given)?;
    let found = if Some(given) == policy.organisation_homeserver() {
        Found::Organisation
    } else {
        Found::Given
    };
    let refusal = match policy.allows_homeserver(&url, found) {
        Ok(()) => return Ok(None),
        Err(refusal) => refusal,
    };
    let Some(name) = server_name.filter(|name| policy.allows_server_name(name).is_ok()) else {
        return Err(refusal.into());
    };
    // The listed server may say where its homeserver is: only its own word counts, and a
    // server that cannot say leaves the address refused.
    let Ok(Some(user)) = client::parse_user(&format!("@x:{name}")) else {
        return Err(refusal.into());
    };
    match client::discover(None, Some(&user), name).await {
        Ok((delegated, _)) if crate::policy::same_server(delegated.as_str(), url.as_str()) => {
            Ok(Some(name.to_owned()))
        }
        _ => Err(refusal.into()),
    }
}

/// Whether the policy in force still allows the homeserver of an account signed in before
/// (review L2): the organisation may have narrowed its list, or locked another server, since.
/// Checked before a restored session sends anything.
pub fn session_allowed(policy: &Policy, record: &AccountRecord) -> Result<(), MatrixError> {
    let url = Url::parse(&record.homeserver)
        .map_err(|e| MatrixError::Discovery(record.homeserver.clone(), e.to_string()))?;
    if let Some(locked) = policy.locked_homeserver()
        && !crate::policy::same_server(locked, url.as_str())
    {
        return Err(crate::policy::Refusal::HomeserverLocked(locked.to_owned()).into());
    }
    let found = if policy
        .organisation_homeserver()
        .is_some_and(|own| crate::policy::same_server(own, url.as_str()))
    {
        Found::Organisation
    } else {
        record.delegated_by.as_deref().map_or(Found::Given, Found::DelegatedBy)
    };
    policy.allows_homeserver(&url, found).map_err(MatrixError::from)
}

/// How the server lets people sign in, asked before a login so the right form is shown. The
/// policy is checked first: a refused server is not even asked.
pub async fn login_methods(
    policy: &Policy,
    homeserver: Option<&str>,
    user: Option<&str>,
) -> Result<LoginMethods, MatrixError> {
    let reached = reach(policy, homeserver, user).await?;
    methods_of(&reached.probe, &reached.url).await
}

pub(super) async fn methods_of(
    probe: &Client,
    homeserver: &Url,
) -> Result<LoginMethods, MatrixError> {
    let types = probe
        .matrix_auth()
        .get_login_types()
        .await
        .map_err(|error| MatrixError::from_http(homeserver, &error))?;
    Ok(methods_from(&types.flows))
}

fn methods_from(flows: &[LoginType]) -> LoginMethods {
    let mut methods = LoginMethods::default();
    for flow in flows {
        match flow {
            LoginType::Password(_) => methods.password = true,
            LoginType::Sso(sso) if sso.identity_providers.is_empty() => {
                methods.sso.push(IdentityProvider::server_default());
            }
            LoginType::Sso(sso) => methods.sso.extend(
                sso.identity_providers
                    .iter()
                    .map(|idp| IdentityProvider { id: idp.id.clone(), name: idp.name.clone() }),
            ),
            _ => {}
        }
    }
    methods
}

/// Logs in with a password and keeps the session in the keychain. Nothing is written for a
/// server that is wrong, refused or down, or when no keychain can hold the secrets.
pub async fn login(
    profile: &Profile,
    policy: &Policy,
    request: LoginRequest,
) -> Result<Session, MatrixError> {
    let reached = reach(policy, request.homeserver.as_deref(), Some(&request.user)).await?;
    let Reached { url: homeserver, probe, user_id, delegated_by } = reached;
    ensure_password_login(&probe, &homeserver).await?;
    crate::secret::probe().await?;
    let shown = request.user.trim();
    let resumable = |record: &AccountRecord| same_user(record, user_id.as_deref(), shown);
    let mut target = prepare(profile, resumable, shown).await?;
    target.delegated_by = delegated_by;
    let client = client::build(profile, &homeserver, &target.key, policy).await?;
    let sent = send_login(&client, &request, target.record.as_ref()).await;
    settle(client, profile, &homeserver, target, sent).await
}

/// Refuses servers that do not take passwords before anything is written, pointing to single
/// sign-on when the server offers it.
async fn ensure_password_login(probe: &Client, homeserver: &Url) -> Result<(), MatrixError> {
    let methods = methods_of(probe, homeserver).await?;
    if methods.password {
        Ok(())
    } else if !methods.sso.is_empty() {
        Err(MatrixError::NoPasswordLoginUseSso(homeserver.to_string()))
    } else {
        Err(MatrixError::NoPasswordLogin(homeserver.to_string()))
    }
}

/// The end of every login: the session saved when the server said yes; otherwise a fresh
/// device's key and stores are removed again (a resumed device keeps them for the next try).
pub(super) async fn settle(
    client: Client,
    profile: &Profile,
    homeserver: &Url,
    target: Target,
    sent: Result<(), MatrixError>,
) -> Result<Session, MatrixError> {
    match sent {
        Ok(()) => finish(client, profile, homeserver, target).await,
        Err(error) => {
            drop(client);
            if target.record.is_none() {
                super::session::forget(profile, &target.secrets).await?;
            }
            Err(error)
        }
    }
}

/// Picks the device to log into and puts its store key in the keychain before any store exists.
/// `resumable` says whether a soft-logged-out account may be resumed by this login; `label`
/// names a new account's key in the keychain until the server says who it is.
pub(super) async fn prepare(
    profile: &Profile,
    resumable: impl Fn(&AccountRecord) -> bool,
    label: &str,
) -> Result<Target, MatrixError> {
    match profile.read_account()? {
        Some(record) if record.state == AccountState::Active => {
            Err(MatrixError::AlreadyLoggedIn(record.user_id, profile.name.clone()))
        }
        Some(record) if !resumable(&record) => {
            Err(MatrixError::OtherAccount(record.user_id, profile.name.clone()))
        }
        Some(record) => {
            let secrets = AccountSecrets::new(&record.keychain_id, &record.user_id);
            let key = secrets
                .store_key()
                .await?
                .ok_or_else(|| MatrixError::StoreKeyMissing(record.user_id.clone()))?;
            Ok(Target { record: Some(record), secrets, key, delegated_by: None })
        }
        None => {
            // Stores left by an earlier device are unreadable without its key: start clean.
            profile.remove_stores()?;
            let secrets = AccountSecrets::new(&AccountSecrets::new_id(), label);
            let key = StoreKey::generate();
            secrets.save_store_key(&key).await?;
            Ok(Target { record: None, secrets, key, delegated_by: None })
        }
    }
}

/// A soft-logged-out account is resumed only by the same person; a bare user name matches its
/// local part.
pub(super) fn same_user(
    record: &AccountRecord,
    user_id: Option<&UserId>,
    shown_user: &str,
) -> bool {
    match user_id {
        Some(user_id) => user_id.as_str() == record.user_id,
        None => {
            record.user_id.strip_prefix('@').and_then(|id| id.split(':').next())
                == Some(shown_user.trim())
        }
    }
}

async fn send_login(
    client: &Client,
    request: &LoginRequest,
    resumed: Option<&AccountRecord>,
) -> Result<(), MatrixError> {
    let auth = client.matrix_auth();
    let mut builder = auth
        .login_username(request.user.trim(), request.password.expose())
        .initial_device_display_name(&request.device_name)
        .request_refresh_token();
    if let Some(record) = resumed {
        // The same device ID brings back the same crypto identity from the store.
        builder = builder.device_id(&record.device_id);
    }
    match builder.send().await {
        Ok(_) => Ok(()),
        Err(matrix_sdk::Error::Http(error)) => {
            Err(MatrixError::from_http(&client.homeserver(), &error))
        }
        Err(error) => Err(MatrixError::Server(super::error::root_cause(&error))),
    }
}

/// Saves the session and records the account. The caller starts the sync (`handle::start_session`),
/// which puts this device's keys on the server.
async fn finish(
    client: Client,
    profile: &Profile,
    homeserver: &Url,
    target: Target,
) -> Result<Session, MatrixError> {
    let stored = from_sdk(&client).ok_or_else(|| MatrixError::Server("no session".into()))?;
    if let Some(record) = &target.record
        && record.user_id != stored.user_id
    {
        return Err(MatrixError::OtherAccount(record.user_id.clone(), profile.name.clone()));
    }
    let secrets = AccountSecrets::new(target.secrets.id(), &stored.user_id);
    secrets.save_session(&stored).await?;
    let record = AccountRecord {
        user_id: stored.user_id.clone(),
        device_id: stored.device_id.clone(),
        homeserver: homeserver.to_string(),
        keychain_id: secrets.id().to_owned(),
        state: AccountState::Active,
        delegated_by: target.delegated_by.clone(),
    };
    profile.write_account(&record)?;
    let session = Session::start(client, profile.clone(), record, secrets, None).await?;
    // Cross-signing is bootstrapped right after the login; wait so the account is complete.
    session.client.encryption().wait_for_e2ee_initialization_tasks().await;
    session.flush().await?;
    Ok(session)
}

/// What a logout managed to do on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerLogout {
    /// The server ended the session.
    Ended,
    /// The server had already ended it (soft logout, or signed out elsewhere).
    AlreadyEnded,
}

/// Ends the session on the server, then removes its tokens, stores and keys here. With `wipe`,
/// the profile's folders go too, and a server that cannot be reached does not stop it.
pub async fn logout(
    profile: &Profile,
    policy: &Policy,
    wipe: bool,
) -> Result<ServerLogout, MatrixError> {
    let Some(record) = profile.read_account()? else {
        return if wipe {
            profile.remove_all()?;
            Ok(ServerLogout::AlreadyEnded)
        } else {
            Err(MatrixError::NotLoggedIn(profile.name.clone()))
        };
    };
    let secrets = AccountSecrets::new(&record.keychain_id, &record.user_id);
    let ended = end_on_server(profile, policy, &record).await;
    forget_after(profile, &secrets, ended, wipe).await
}

/// The local half of a logout, once the server was asked: without `wipe`, a server that could
/// not be told keeps everything (nothing is lost); with it, the wipe goes ahead regardless.
pub(crate) async fn forget_after(
    profile: &Profile,
    secrets: &AccountSecrets,
    ended: Result<ServerLogout, MatrixError>,
    wipe: bool,
) -> Result<ServerLogout, MatrixError> {
    let outcome = match ended {
        Ok(outcome) => outcome,
        Err(error) if !wipe => return Err(error),
        Err(error) => {
            tracing::warn!(%error, "wiping without ending the session on the server");
            ServerLogout::AlreadyEnded
        }
    };
    super::session::forget(profile, secrets).await?;
    if wipe {
        profile.remove_all()?;
    }
    Ok(outcome)
}

async fn end_on_server(
    profile: &Profile,
    policy: &Policy,
    record: &AccountRecord,
) -> Result<ServerLogout, MatrixError> {
    if record.state == AccountState::SoftLoggedOut {
        return Ok(ServerLogout::AlreadyEnded);
    }
    let mut session = match Session::restore(profile, policy).await {
        Ok(session) => session,
        Err(MatrixError::SessionMissing(_)) => return Ok(ServerLogout::AlreadyEnded),
        Err(error) => return Err(error),
    };
    end_session(&mut session).await
}

/// Asks the server to end `session`; one it had already ended counts as ended.
pub(crate) async fn end_session(session: &mut Session) -> Result<ServerLogout, MatrixError> {
    match session.client.matrix_auth().logout().await {
        Ok(_) => Ok(ServerLogout::Ended),
        Err(error) => match session.record_failure(&error).await {
            MatrixError::SoftLoggedOut(_) | MatrixError::LoggedOutByServer(_) => {
                Ok(ServerLogout::AlreadyEnded)
            }
            other => Err(other),
        },
    }
}

impl Handle {
    /// Logs out from the running app: stops the sync, ends the session on the server, and
    /// removes this device's secrets and stores (and, with `wipe`, every file of the profile).
    pub async fn log_out(&self, wipe: bool) -> Result<ServerLogout, MatrixError> {
        self.inner.sync.stop().await;
        let mut session = self.inner.session.lock().await;
        let ended = end_session(&mut session).await;
        let (profile, secrets) = (session.profile.clone(), session.secrets.clone());
        forget_after(&profile, &secrets, ended, wipe).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flows(json: serde_json::Value) -> Vec<LoginType> {
        serde_json::from_value(json).expect("login flows")
    }

    #[test]
    fn login_types_become_the_methods_the_app_can_offer() {
        let both = flows(serde_json::json!([
            {"type": "m.login.password"},
            {"type": "m.login.sso", "identity_providers": [{"id": "cas", "name": "CAS"}]},
            {"type": "m.login.token"},
        ]));
        let methods = methods_from(&both);
        assert!(methods.password);
        assert_eq!(methods.sso, vec![IdentityProvider { id: "cas".into(), name: "CAS".into() }]);

        // An SSO flow that names no provider still offers SSO, through the server's default.
        let unnamed = methods_from(&flows(serde_json::json!([{"type": "m.login.sso"}])));
        assert!(!unnamed.password);
        assert_eq!(unnamed.sso, vec![IdentityProvider::server_default()]);

        let password_only = methods_from(&flows(serde_json::json!([{"type": "m.login.password"}])));
        assert!(password_only.password && password_only.sso.is_empty());
    }
}
