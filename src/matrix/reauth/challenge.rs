//! The server's challenge to prove who one is: which guarded request carries it, and which ways
//! of answering it the server offers. Plain data the handle keeps between the two halves of a
//! sign-in in the browser.

/// Which guarded request carries a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Probe {
    /// `POST /delete_devices` with no device.
    NoDevices,
    /// `POST /account/3pid/add` with an identifier session that does not exist.
    NoThreePid,
}

/// A challenge the server issued: answered with the password or through the browser.
#[derive(Debug, Clone)]
pub(crate) struct Challenge {
    pub(super) probe: Probe,
    pub(super) session: Option<String>,
    pub(super) password: bool,
    pub(super) sso: bool,
}
