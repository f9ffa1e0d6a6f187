//! Secret values: zeroized when dropped, `[redacted]` when printed, never serialised by accident.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore as _;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// The random 32-byte key that encrypts the account's SQLite stores.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct StoreKey([u8; 32]);

impl StoreKey {
    /// A fresh key from the operating system's random source.
    pub fn generate() -> Self {
        let mut key = [0u8; 32];
        rand::rng().fill_bytes(&mut key);
        Self(key)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Base64, because some keychains (KDE Wallet) store text only.
    pub(super) fn encode(&self) -> Zeroizing<String> {
        Zeroizing::new(STANDARD.encode(self.0))
    }

    pub(super) fn decode(text: &str) -> Option<Self> {
        let bytes = Zeroizing::new(STANDARD.decode(text.trim()).ok()?);
        let key: [u8; 32] = bytes.as_slice().try_into().ok()?;
        Some(Self(key))
    }
}

impl fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StoreKey([redacted])")
    }
}

/// A session as the keychain holds it: who and which device, and the tokens that prove it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct SessionSecret {
    pub user_id: String,
    pub device_id: String,
    pub access_token: String,
    pub refresh_token: Option<String>,
}

impl fmt::Debug for SessionSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionSecret")
            .field("user_id", &self.user_id)
            .field("device_id", &self.device_id)
            .field("access_token", &"[redacted]")
            .field("refresh_token", &self.refresh_token.as_ref().map(|_| "[redacted]"))
            .finish()
    }
}

/// A password typed by the user: held only as long as the login takes.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Password(String);

impl Password {
    /// Takes the text as typed, without the line ending a terminal or pipe adds.
    pub fn new(mut text: String) -> Self {
        let kept = text.trim_end_matches(['\r', '\n']).len();
        text.truncate(kept);
        Self(text)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Password {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for Password {}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password([redacted])")
    }
}

/// What a person types into a secret field (a password, a recovery key, a part of one), as
/// the desktop app holds it between keystrokes: each keystroke's copy is zeroized when the
/// next replaces it, and no `Debug` of a screen's state or message shows it.
#[derive(Clone, Default, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct SecretText(String);

impl SecretText {
    pub fn new(text: String) -> Self {
        Self(text)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text as a password, leaving this one empty.
    pub fn take_password(&mut self) -> Password {
        Password::new(std::mem::take(&mut self.0))
    }

    /// The text as a recovery key, leaving this one empty.
    pub fn take_recovery_key(&mut self) -> RecoveryKey {
        RecoveryKey::new(std::mem::take(&mut self.0))
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretText([redacted])")
    }
}

/// A recovery key, as the SDK gives it or the user types it back: it opens the account's secret
/// storage, so it is shown once and never logged; Estafette writes it to a file only where the
/// person asks, readable by them alone (`profile::write_private_file`).
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct RecoveryKey(String);

impl RecoveryKey {
    /// Takes the key as given, without the spaces or line endings around it (inner spaces are
    /// the display groups, which the SDK ignores).
    pub fn new(mut text: String) -> Self {
        let end = text.trim_end().len();
        text.truncate(end);
        let start = text.len() - text.trim_start().len();
        text.drain(..start);
        Self(text)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_and_round_trip() {
        let key = StoreKey::generate();
        assert_ne!(key, StoreKey::generate());
        assert_eq!(StoreKey::decode(&key.encode()), Some(key));
        assert_eq!(StoreKey::decode("c2hvcnQ="), None);
        assert_eq!(StoreKey::decode("not base64!"), None);
    }

    #[test]
    fn debug_output_hides_secrets() {
        let key = StoreKey::generate();
        let encoded = key.encode();
        assert!(!format!("{key:?}").contains(encoded.as_str()));
        let session = SessionSecret {
            user_id: "@a:b".into(),
            device_id: "DEV".into(),
            access_token: "syt_secret_access".into(),
            refresh_token: Some("syr_secret_refresh".into()),
        };
        let shown = format!("{session:?}");
        assert!(shown.contains("@a:b") && shown.contains("[redacted]"));
        assert!(!shown.contains("syt_secret_access") && !shown.contains("syr_secret_refresh"));
        assert_eq!(format!("{:?}", Password::new("hunter2\n".into())), "Password([redacted])");
    }

    #[test]
    fn recovery_keys_are_trimmed_and_hidden() {
        let key = RecoveryKey::new("\n EsTj 3yST y93F \r\n".into());
        assert_eq!(key.expose(), "EsTj 3yST y93F");
        assert_eq!(format!("{key:?}"), "RecoveryKey([redacted])");
        assert!(RecoveryKey::new(" \n".into()).is_empty());
    }

    #[test]
    fn passwords_lose_only_the_line_ending() {
        assert_eq!(Password::new(" pass word \r\n".into()).expose(), " pass word ");
    }
}
