//! An account as Estafette records it outside the keychain: who, on which server, in what state.

use serde::{Deserialize, Serialize};

/// Where an account stands. The tokens themselves are only ever in the keychain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountState {
    /// Tokens in the keychain, session usable.
    Active,
    /// The server ended the session but kept the device: the password alone brings it back,
    /// with the same device and its keys.
    SoftLoggedOut,
}

/// The non-secret part of an account, kept in the profile's `account.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRecord {
    pub user_id: String,
    pub device_id: String,
    pub homeserver: String,
    /// Names this account's keychain entries; random, so profiles and data folders never collide.
    pub keychain_id: String,
    pub state: AccountState,
}

impl AccountRecord {
    pub fn identity(&self) -> Identity {
        Identity {
            user_id: self.user_id.clone(),
            device_id: self.device_id.clone(),
            homeserver: self.homeserver.clone(),
        }
    }

    #[cfg(test)]
    pub fn sample() -> Self {
        Self {
            user_id: "@alice:example.org".into(),
            device_id: "ABCDEFGH".into(),
            homeserver: "https://matrix.example.org/".into(),
            keychain_id: "0123456789abcdef".into(),
            state: AccountState::Active,
        }
    }
}

/// Who this session is: what `whoami` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub user_id: String,
    pub device_id: String,
    pub homeserver: String,
}
