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
    /// The Matrix server name whose `.well-known` named this homeserver at login, when it was
    /// found that way: the organisation's allow-list may name the server name rather than the
    /// homeserver's host, and that counts only for a homeserver the server name delegated to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegated_by: Option<String>,
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
            delegated_by: None,
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

/// How a homeserver lets people sign in, as far as Estafette can use it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoginMethods {
    /// The server takes a user name and a password.
    pub password: bool,
    /// Single sign-on through these identity providers; empty when the server offers none.
    pub sso: Vec<IdentityProvider>,
}

/// One way to sign in with an organisation's account (single sign-on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityProvider {
    /// The server's id for it; empty for a server that offers SSO without naming providers.
    pub id: String,
    /// What the server calls it, e.g. "Ministère de l'Intérieur" (or "CAS").
    pub name: String,
}

impl IdentityProvider {
    /// The provider a server means when it offers SSO without listing any.
    pub fn server_default() -> Self {
        Self { id: String::new(), name: String::new() }
    }

    /// The name worth showing a person: a protocol's name ("CAS", "SAML"…) says nothing to
    /// a civil servant, so it is left out and the caller says "your organisation's account".
    pub fn shown_name(&self) -> Option<&str> {
        const PROTOCOLS: [&str; 7] =
            ["cas", "saml", "sso", "oidc", "openid", "openid connect", "oauth"];
        let name = self.name.trim();
        let generic = name.is_empty() || PROTOCOLS.contains(&name.to_lowercase().as_str());
        (!generic).then_some(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocol_names_are_not_shown_as_provider_names() {
        let named = |name: &str| IdentityProvider { id: "x".into(), name: name.into() };
        assert_eq!(
            named("Ministère de l'Intérieur").shown_name(),
            Some("Ministère de l'Intérieur")
        );
        assert_eq!(named("CAS").shown_name(), None);
        assert_eq!(named(" saml ").shown_name(), None);
        assert_eq!(IdentityProvider::server_default().shown_name(), None);
    }
}
