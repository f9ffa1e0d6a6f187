//! The only user of the OS keychain: an account's session tokens and its store key live there
//! and nowhere else. Every secret type zeroizes on drop and prints as `[redacted]`.

mod error;
mod keychain;
mod types;

pub use error::KeychainError;
pub use keychain::{AccountSecrets, backend, init, probe};
pub use types::{Password, RecoveryKey, SecretText, SessionSecret, StoreKey};
