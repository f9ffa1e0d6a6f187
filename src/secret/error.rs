//! What can go wrong with the keychain, said so that a person knows the cause and the fix.

use crate::fl;

/// A keychain failure. None of these ever leads to storing a secret elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// No Secret Service (or platform keychain) answered.
    #[error("{}", fl!("keychain-unreachable", cause = .0.as_str()))]
    Unreachable(String),
    /// The keychain answered but refused: locked collection, or access denied.
    #[error("{}", fl!("keychain-locked", cause = .0.as_str()))]
    Locked(String),
    /// An entry exists but does not hold what Estafette wrote there.
    #[error("{}", fl!("keychain-corrupt", entry = .0.as_str()))]
    Corrupt(String),
    /// Any other refusal, with the keychain's own words.
    #[error("{}", fl!("keychain-failed", cause = .0.as_str()))]
    Failed(String),
}

impl From<keyring_core::Error> for KeychainError {
    fn from(error: keyring_core::Error) -> Self {
        use keyring_core::Error as E;
        match error {
            E::NoStorageAccess(cause) => Self::Locked(cause.to_string()),
            E::PlatformFailure(cause) => Self::Unreachable(cause.to_string()),
            E::NoDefaultStore => Self::Unreachable(fl!("keychain-no-store")),
            other => Self::Failed(other.to_string()),
        }
    }
}
