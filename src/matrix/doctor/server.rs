//! The doctor's look at the homeserver: is it reachable, over which transport, and which
//! Matrix versions it speaks (`/_matrix/client/versions`, asked without the session).

use matrix_sdk::Client;
use matrix_sdk::config::RequestConfig;
use url::Url;

use crate::fl;
use crate::matrix::MatrixError;
use crate::policy::transport;

/// The feature flag of simplified sliding sync (MSC4186), which the sync needs.
const SLIDING_SYNC: &str = "org.matrix.simplified_msc3575";

/// The recorded homeserver answers `/versions` over a transport the policy accepts.
pub(super) async fn reach(homeserver: &str) -> Result<((), String), MatrixError> {
    let url = Url::parse(homeserver)
        .map_err(|e| MatrixError::Discovery(homeserver.to_owned(), e.to_string()))?;
    transport::check_url(&url)?;
    let client = Client::builder()
        .homeserver_url(url.as_str())
        .request_config(RequestConfig::short_retry())
        .build()
        .await
        .map_err(|e| MatrixError::Discovery(homeserver.to_owned(), e.to_string()))?;
    let answer = client
        .fetch_server_versions(None)
        .await
        .map_err(|error| MatrixError::from_http(&url, &error))?;
    let sliding = answer.unstable_features.get(SLIDING_SYNC).copied().unwrap_or(false);
    let detail = fl!(
        "doctor-homeserver-reached",
        url = url.as_str(),
        versions = versions(&answer.versions),
        transport = transport_words(&url),
        sliding_sync = if sliding { fl!("doctor-yes") } else { fl!("doctor-no") }
    );
    Ok(((), detail))
}

/// The oldest and newest versions the server speaks: the whole list runs to twenty entries.
fn versions(list: &[String]) -> String {
    match (list.first(), list.last()) {
        (Some(first), Some(last)) if first != last => format!("{first} … {last}"),
        (Some(only), _) => only.clone(),
        _ => fl!("doctor-unknown"),
    }
}

/// How the traffic travels: TLS with the certificate checked, or plain http that never
/// leaves this computer (the only plain http the transport rule lets through).
fn transport_words(url: &Url) -> String {
    let loopback = url.host().is_some_and(|host| transport::is_loopback(&host));
    match url.scheme() {
        "https" => fl!("doctor-tls-https"),
        "http" if loopback => fl!("doctor-tls-loopback"),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_shown_as_a_range() {
        let list = ["r0.0.1".to_owned(), "v1.1".to_owned(), "v1.12".to_owned()];
        assert_eq!(versions(&list), "r0.0.1 … v1.12");
        assert_eq!(versions(&list[1..2]), "v1.1");
    }

    #[test]
    fn the_transport_is_named() {
        let https = transport_words(&Url::parse("https://matrix.example.org").unwrap());
        let loopback = transport_words(&Url::parse("http://127.0.0.1:8008").unwrap());
        assert_ne!(https, loopback);
        assert!(https.contains("https"), "{https}");
    }
}
