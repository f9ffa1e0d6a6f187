//! Which homeserver addresses may be used: `https` always, plain `http` only to this machine.

use std::net::IpAddr;

use url::{Host, Url};

use crate::fl;

/// Why a homeserver address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    #[error("{}", fl!("error-url-malformed", url = .0.as_str(), cause = .1.as_str()))]
    Malformed(String, String),
    #[error("{}", fl!("error-url-scheme", url = .0.as_str(), scheme = .1.as_str()))]
    Scheme(String, String),
    #[error("{}", fl!("error-url-plain-http", url = .0.as_str()))]
    PlainHttp(String),
}

/// Parses a homeserver address and checks it may be used. A bare host (`matrix.example.org`)
/// means `https://` on that host.
pub fn check_homeserver(input: &str) -> Result<Url, TransportError> {
    let input = input.trim();
    let with_scheme =
        if input.contains("://") { input.to_owned() } else { format!("https://{input}") };
    let url = Url::parse(&with_scheme)
        .map_err(|error| TransportError::Malformed(input.to_owned(), error.to_string()))?;
    check_url(&url)?;
    Ok(url)
}

/// Checks an already parsed address, e.g. one a server's `.well-known` pointed us to.
pub fn check_url(url: &Url) -> Result<(), TransportError> {
    let shown = url.as_str().to_owned();
    let Some(host) = url.host() else {
        return Err(TransportError::Malformed(shown, fl!("error-url-no-host")));
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(&host) => Ok(()),
        "http" => Err(TransportError::PlainHttp(shown)),
        other => Err(TransportError::Scheme(shown, other.to_owned())),
    }
}

/// True for 127.0.0.0/8, ::1 and the name `localhost`: traffic that never leaves the machine.
pub fn is_loopback<S: AsRef<str>>(host: &Host<S>) -> bool {
    match host {
        Host::Domain(name) => name.as_ref().eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

/// True when a Matrix server name (`host` or `host:port`) names this machine, so that its
/// `.well-known` may be fetched over plain `http`.
pub fn server_name_is_loopback(server_name: &str) -> bool {
    Url::parse(&format!("http://{server_name}/"))
        .ok()
        .and_then(|url| url.host().map(|host| is_loopback(&host)))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_accepted_anywhere() {
        assert!(check_homeserver("https://matrix.example.org").is_ok());
        assert_eq!(
            check_homeserver("matrix.example.org").unwrap().as_str(),
            "https://matrix.example.org/"
        );
    }

    #[test]
    fn plain_http_only_to_loopback() {
        for ok in
            ["http://127.0.0.1:8008", "http://127.3.4.5", "http://[::1]:80", "http://localhost"]
        {
            assert!(check_homeserver(ok).is_ok(), "{ok}");
        }
        for refused in [
            "http://matrix.example.org",
            "http://10.0.0.1",
            "http://[::2]",
            "http://localhost.evil.org",
        ] {
            assert!(
                matches!(check_homeserver(refused), Err(TransportError::PlainHttp(_))),
                "{refused}"
            );
        }
    }

    #[test]
    fn other_schemes_and_garbage_are_refused() {
        assert!(matches!(check_homeserver("ftp://example.org"), Err(TransportError::Scheme(..))));
        assert!(matches!(check_homeserver("https://"), Err(TransportError::Malformed(..))));
        assert!(matches!(
            check_homeserver("http://exa mple.org"),
            Err(TransportError::Malformed(..))
        ));
    }

    #[test]
    fn loopback_server_names() {
        assert!(server_name_is_loopback("localhost:8448"));
        assert!(server_name_is_loopback("127.0.0.1"));
        assert!(server_name_is_loopback("[::1]:8008"));
        assert!(!server_name_is_loopback("example.org"));
    }
}
