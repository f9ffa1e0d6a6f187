//! Reads and writes an account's entries in the platform keychain, off the async threads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use keyring_core::{CredentialStore, Entry};
use zeroize::Zeroizing;

use super::{KeychainError, SessionSecret, StoreKey};

/// The service every Estafette entry is filed under.
const SERVICE: &str = "org.estafette.Estafette";

/// Whether the keychain's store is set for this process.
static STORE: Mutex<bool> = Mutex::new(false);

/// Connects to the platform keychain and makes it the store for every entry, once it is
/// reached. A keychain not reached is tried again at the next call: at a desktop login the
/// Secret Service may come up after the apps of the session, and the start waits for it.
pub fn init() -> Result<(), KeychainError> {
    install(platform_store)
}

/// Makes the store `make` gives the default, unless one already is.
fn install(
    make: impl FnOnce() -> Result<Arc<CredentialStore>, KeychainError>,
) -> Result<(), KeychainError> {
    let mut set = STORE.lock().unwrap_or_else(PoisonError::into_inner);
    if !*set {
        keyring_core::set_default_store(make()?);
        *set = true;
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn platform_store() -> Result<Arc<CredentialStore>, KeychainError> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn platform_store() -> Result<Arc<CredentialStore>, KeychainError> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn platform_store() -> Result<Arc<CredentialStore>, KeychainError> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn platform_store() -> Result<Arc<CredentialStore>, KeychainError> {
    Err(KeychainError::Unreachable(std::env::consts::OS.to_owned()))
}

/// The platform keychain this build stores secrets in, named for support.
pub fn backend() -> &'static str {
    if cfg!(target_os = "linux") {
        "Secret Service (D-Bus)"
    } else if cfg!(target_os = "macos") {
        "macOS Keychain"
    } else if cfg!(target_os = "windows") {
        "Windows Credential Manager"
    } else {
        "none"
    }
}

/// Proves the keychain can store a secret right now (not only that it answers): writes, reads
/// back and deletes a throwaway entry. A locked collection fails here, before anything else is
/// written anywhere.
pub async fn probe() -> Result<(), KeychainError> {
    blocking(|| {
        init()?;
        // Each probe has its own entry: several processes may probe the same keychain at once.
        let id = AccountSecrets::new_id();
        let entry = entry(&format!("probe/{id}"), "Estafette keychain check")?;
        let token = Zeroizing::new(format!("probe-{id}"));
        entry.set_password(&token)?;
        let read = Zeroizing::new(entry.get_password()?);
        entry.delete_credential()?;
        if read == token { Ok(()) } else { Err(KeychainError::Corrupt("probe".into())) }
    })
    .await
}

/// The keychain entries of one account, named by its random keychain id.
#[derive(Debug, Clone)]
pub struct AccountSecrets {
    id: String,
    label: String,
}

impl AccountSecrets {
    /// `label` is what the user sees in their keychain manager (the Matrix ID).
    pub fn new(id: &str, label: &str) -> Self {
        Self { id: id.to_owned(), label: label.to_owned() }
    }

    /// The id naming this account's entries.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// A fresh random id for a new account's entries.
    pub fn new_id() -> String {
        let key = StoreKey::generate();
        key.as_bytes()[..8].iter().map(|b| format!("{b:02x}")).collect()
    }

    pub async fn store_key(&self) -> Result<Option<StoreKey>, KeychainError> {
        self.key("store-key").await
    }

    pub async fn save_store_key(&self, key: &StoreKey) -> Result<(), KeychainError> {
        self.save_key("store-key", key).await
    }

    /// The key that seals the local search index (its own entry: forgetting the index, or a
    /// policy that forbids it, leaves the store's key alone).
    pub async fn search_key(&self) -> Result<Option<StoreKey>, KeychainError> {
        self.key("search-key").await
    }

    pub async fn save_search_key(&self, key: &StoreKey) -> Result<(), KeychainError> {
        self.save_key("search-key", key).await
    }

    /// A 32-byte key kept in the entry `kind`.
    async fn key(&self, kind: &'static str) -> Result<Option<StoreKey>, KeychainError> {
        let this = self.clone();
        blocking(move || {
            let Some(text) = this.read(kind)? else { return Ok(None) };
            StoreKey::decode(&text).map(Some).ok_or_else(|| this.corrupt(kind))
        })
        .await
    }

    async fn save_key(&self, kind: &'static str, key: &StoreKey) -> Result<(), KeychainError> {
        let (this, text) = (self.clone(), key.encode());
        blocking(move || this.write(kind, &text)).await
    }

    pub async fn delete_search_key(&self) -> Result<(), KeychainError> {
        let this = self.clone();
        blocking(move || this.delete("search-key")).await
    }

    pub async fn session(&self) -> Result<Option<SessionSecret>, KeychainError> {
        let this = self.clone();
        blocking(move || this.session_now()).await
    }

    /// The blocking read, for the SDK's synchronous session callbacks.
    pub fn session_now(&self) -> Result<Option<SessionSecret>, KeychainError> {
        let Some(text) = self.read("session")? else { return Ok(None) };
        serde_json::from_str(&text).map(Some).map_err(|_| self.corrupt("session"))
    }

    pub async fn save_session(&self, session: &SessionSecret) -> Result<(), KeychainError> {
        let (this, session) = (self.clone(), session.clone());
        blocking(move || this.save_session_now(&session)).await
    }

    /// For callers that must save before they return (the SDK's token-refresh callback runs
    /// synchronously and the old refresh token is dead as soon as it returns).
    pub fn save_session_now(&self, session: &SessionSecret) -> Result<(), KeychainError> {
        let json = serde_json::to_string(session).map_err(|_| self.corrupt("session"))?;
        self.write("session", &Zeroizing::new(json))
    }

    pub async fn delete_session(&self) -> Result<(), KeychainError> {
        let this = self.clone();
        blocking(move || this.delete("session")).await
    }

    /// Removes every entry of this account.
    pub async fn delete_all(&self) -> Result<(), KeychainError> {
        let this = self.clone();
        blocking(move || {
            this.delete("session")?;
            this.delete("search-key")?;
            this.delete("store-key")
        })
        .await
    }

    fn entry(&self, kind: &str) -> Result<Entry, KeychainError> {
        init()?;
        entry(&format!("{}/{kind}", self.id), &format!("Estafette {kind}: {}", self.label))
    }

    fn read(&self, kind: &str) -> Result<Option<Zeroizing<String>>, KeychainError> {
        match self.entry(kind)?.get_password() {
            Ok(text) => Ok(Some(Zeroizing::new(text))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    fn write(&self, kind: &str, text: &str) -> Result<(), KeychainError> {
        Ok(self.entry(kind)?.set_password(text)?)
    }

    fn delete(&self, kind: &str) -> Result<(), KeychainError> {
        match self.entry(kind)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }

    fn corrupt(&self, kind: &str) -> KeychainError {
        KeychainError::Corrupt(format!("{}/{kind}", self.id))
    }
}

/// An entry labelled for the user's keychain manager, on stores that take labels.
fn entry(user: &str, label: &str) -> Result<Entry, KeychainError> {
    let modifiers = HashMap::from([("label", label)]);
    match Entry::new_with_modifiers(SERVICE, user, &modifiers) {
        Err(keyring_core::Error::NotSupportedByStore(_)) => Ok(Entry::new(SERVICE, user)?),
        other => Ok(other?),
    }
}

/// Keychain calls block on D-Bus (or the platform API): keep them off the async worker threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, KeychainError> + Send + 'static,
) -> Result<T, KeychainError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|error| Err(KeychainError::Failed(error.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unit tests share keyring-core's in-memory store; integration tests use the real one.
    fn mock() {
        install(|| Ok(keyring_core::mock::Store::new().unwrap())).unwrap();
    }

    #[tokio::test]
    async fn entries_round_trip_and_delete() {
        mock();
        let secrets = AccountSecrets::new(&AccountSecrets::new_id(), "@a:b");
        assert_eq!(secrets.store_key().await.unwrap(), None);
        let key = StoreKey::generate();
        secrets.save_store_key(&key).await.unwrap();
        assert_eq!(secrets.store_key().await.unwrap(), Some(key));
        let session = SessionSecret {
            user_id: "@a:b".into(),
            device_id: "D".into(),
            access_token: "t".into(),
            refresh_token: None,
        };
        secrets.save_search_key(&StoreKey::generate()).await.unwrap();
        secrets.save_session(&session).await.unwrap();
        assert_eq!(secrets.session().await.unwrap(), Some(session));
        secrets.delete_all().await.unwrap();
        assert_eq!(secrets.session().await.unwrap(), None);
        assert_eq!(secrets.store_key().await.unwrap(), None);
        assert_eq!(secrets.search_key().await.unwrap(), None);
        probe().await.unwrap();
    }

    #[tokio::test]
    async fn accounts_do_not_share_entries() {
        mock();
        let (a, b) = (AccountSecrets::new("aaaa", "a"), AccountSecrets::new("bbbb", "b"));
        a.save_store_key(&StoreKey::generate()).await.unwrap();
        assert_eq!(b.store_key().await.unwrap(), None);
    }
}
