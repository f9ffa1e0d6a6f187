//! The HTTP client every request goes through, built so that "https only, plain http only to
//! this machine" holds for every hop and not only for the address first typed (review L1):
//! a redirect to plain `http` anywhere but loopback is refused (the SDK's default client
//! follows any redirect, so a `.well-known` answering `302 http://…` would be fetched in
//! clear and a network attacker could choose the homeserver), the name `localhost` always
//! means 127.0.0.1 whatever the resolver says, and loopback traffic never goes to a proxy.
//! Everything else is the SDK's own default: TLS 1.2 at least, the system's trust store,
//! 30-second timeouts.

use std::net::SocketAddr;
use std::time::Duration;

use matrix_sdk::reqwest::{self, redirect, tls};
use url::Url;

use crate::policy::transport::is_loopback;

/// Redirects followed at most, as the SDK's default client does.
const MAX_REDIRECTS: usize = 10;

/// Why a redirect was not followed: it led to plain http off this machine.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::fl!("error-url-plain-http", url = .0.as_str()))]
pub(crate) struct InsecureRedirect(pub(crate) String);

/// Whether a redirect may lead to `url`: https anywhere, http only to loopback.
fn hop_allowed(url: &Url) -> bool {
    match (url.scheme(), url.host()) {
        ("https", Some(_)) => true,
        ("http", Some(host)) => is_loopback(&host),
        _ => false,
    }
}

/// The client for the homeserver at `target` (or a server name's `.well-known`): no proxy
/// for loopback traffic, where a proxy from the environment would only see it in clear.
pub(crate) fn http_client(target: &Url) -> Result<reqwest::Client, reqwest::Error> {
    let policy = redirect::Policy::custom(|attempt| {
        if attempt.previous().len() > MAX_REDIRECTS {
            attempt.error("too many redirects")
        } else if !hop_allowed(attempt.url()) {
            let refused = attempt.url().to_string();
            attempt.error(InsecureRedirect(refused))
        } else {
            attempt.follow()
        }
    });
    let mut builder = reqwest::Client::builder()
        .user_agent(concat!("Estafette/", env!("CARGO_PKG_VERSION")))
        .tls_version_min(tls::Version::TLS_1_2)
        .timeout(Duration::from_secs(30))
        .redirect(policy)
        .resolve("localhost", SocketAddr::from(([127, 0, 0, 1], 0)));
    if target.host().is_some_and(|host| is_loopback(&host)) {
        builder = builder.no_proxy();
    }
    builder.build()
}

/// The refused redirect behind an HTTP failure, if that is what it was.
pub(crate) fn insecure_redirect(error: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if let Some(refused) = error.downcast_ref::<InsecureRedirect>() {
            return Some(refused.0.clone());
        }
        cause = error.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_may_not_leave_https_except_to_loopback() {
        let hop = |url: &str| hop_allowed(&Url::parse(url).unwrap());
        assert!(hop("https://matrix.gouv.fr/_matrix/client/versions"));
        assert!(hop("http://127.0.0.1:8008/.well-known/matrix/client"));
        assert!(hop("http://[::1]/x") && hop("http://localhost:1/"));
        assert!(!hop("http://matrix.gouv.fr/.well-known/matrix/client"));
        assert!(!hop("http://10.0.0.1/"));
        assert!(!hop("http://localhost.evil.org/"));
        assert!(!hop("ftp://matrix.gouv.fr/"));
        assert!(!hop("file:///etc/passwd"));
    }
}
