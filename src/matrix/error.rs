//! Every way the core can fail, each with one sentence a person can act on.

use crate::fl;
use crate::policy::Refusal;
use crate::policy::transport::TransportError;
use crate::profile::ProfileError;
use crate::secret::KeychainError;

/// A failure of the Matrix core, already in words for the user. `Clone` so that the front ends
/// carry it in their messages and decide by its kind; its Display is the sentence shown.
#[derive(Debug, Clone, thiserror::Error)]
pub enum MatrixError {
    #[error(transparent)]
    Transport(#[from] TransportError),
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// The search index failed (its files, its key): search is off until it works again.
    #[error("{}", fl!("error-search-index", cause = .0.as_str()))]
    Search(String),
    /// The policy allows an index but none could be opened this run (see the log).
    #[error("{}", fl!("error-search-unavailable"))]
    SearchUnavailable,
    /// The server does not give this message (its event id) or what is around it.
    #[error("{}", fl!("error-message-not-found", event = .0.as_str()))]
    MessageNotFound(String),
    #[error("{}", fl!("error-user-id", input = .0.as_str(), cause = .1.as_str()))]
    BadUserId(String, String),
    #[error("{}", fl!("error-need-homeserver", user = .0.as_str()))]
    NeedHomeserver(String),
    #[error("{}", fl!("error-discovery", server = .0.as_str(), cause = .1.as_str()))]
    Discovery(String, String),
    #[error("{}", fl!("error-unreachable", url = .0.as_str(), cause = .1.as_str()))]
    Unreachable(String, String),
    #[error("{}", fl!("error-no-password-login", url = .0.as_str()))]
    NoPasswordLogin(String),
    #[error("{}", fl!("error-no-password-login-sso", url = .0.as_str()))]
    NoPasswordLoginUseSso(String),
    #[error("{}", fl!("error-no-sso", url = .0.as_str()))]
    NoSso(String),
    #[error("{}", fl!("error-need-server"))]
    NeedServer,
    #[error("{}", fl!("error-browser", cause = .0.as_str()))]
    Browser(String),
    #[error("{}", fl!("error-sso-timeout", minutes = .0))]
    SsoTimedOut(u64),
    #[error("{}", fl!("error-sso-cancelled"))]
    SsoCancelled,
    #[error("{}", fl!("error-sso-failed", cause = .0.as_str()))]
    SsoFailed(String),
    /// The browser came back signed in as someone else than the person named.
    #[error("{}", fl!("error-sso-other-account", named = .0.as_str(), signed_in = .1.as_str()))]
    SsoOtherAccount(String, String),
    #[error("{}", fl!("error-wrong-password"))]
    WrongPassword,
    /// The current password given to change it is not the account's.
    #[error("{}", fl!("error-wrong-current-password"))]
    WrongCurrentPassword,
    /// The server's password rules refuse the new password; its own words say why.
    #[error("{}", fl!("error-password-refused", reason = .0.as_str()))]
    PasswordRefused(String),
    /// The two typings of the new password differ.
    #[error("{}", fl!("error-password-mismatch"))]
    PasswordMismatch,
    /// The new password is the current one.
    #[error("{}", fl!("error-password-unchanged"))]
    PasswordUnchanged,
    /// The server offers no way to check who one is now (it waves every guarded request
    /// through): an unlock is refused rather than granted unchecked.
    #[error("{}", fl!("error-no-server-check"))]
    NoServerCheck,
    /// The server does not check this account's password (it signs in through SSO).
    #[error("{}", fl!("error-no-password-check"))]
    NoPasswordCheck,
    /// The server offers no sign-in through the organisation to confirm who one is.
    #[error("{}", fl!("error-no-sso-check"))]
    NoSsoCheck,
    /// The organisation's sign-in was not completed in the browser (yet).
    #[error("{}", fl!("error-sso-check-not-done"))]
    SsoCheckNotDone,
    #[error("{}", fl!("error-not-logged-in", profile = .0.as_str()))]
    NotLoggedIn(String),
    #[error("{}", fl!("error-soft-logged-out", user = .0.as_str()))]
    SoftLoggedOut(String),
    #[error("{}", fl!("error-logged-out-by-server", user = .0.as_str()))]
    LoggedOutByServer(String),
    #[error("{}", fl!("error-already-logged-in", user = .0.as_str(), profile = .1.as_str()))]
    AlreadyLoggedIn(String, String),
    #[error("{}", fl!("error-other-account", existing = .0.as_str(), profile = .1.as_str()))]
    OtherAccount(String, String),
    #[error("{}", fl!("error-store-key-missing", user = .0.as_str()))]
    StoreKeyMissing(String),
    #[error("{}", fl!("error-session-missing", user = .0.as_str()))]
    SessionMissing(String),
    #[error("{}", fl!("error-store-locked", cause = .0.as_str()))]
    StoreLocked(String),
    #[error("{}", fl!("error-server", cause = .0.as_str()))]
    Server(String),
    #[error("{}", fl!("error-network", cause = .0.as_str()))]
    Network(String),
    #[error("{}", fl!("error-unknown-room", room = .0.as_str()))]
    UnknownRoom(String),
    /// Several of the user's rooms have that name: which one is meant must be said by its ID.
    #[error("{}", fl!("error-ambiguous-room", room = .0.as_str(), ids = .1.join(", "), count = .1.len()))]
    AmbiguousRoom(String, Vec<String>),
    #[error("{}", fl!("error-encryption-unknown", room = .0.as_str()))]
    EncryptionUnknown(String),
    #[error("{}", fl!("error-send-failed", cause = .0.as_str()))]
    SendFailed(String),
    #[error("{}", fl!("error-recovery-wrong-key"))]
    WrongRecoveryKey,
    #[error("{}", fl!("error-recovery-not-set-up"))]
    RecoveryNotSetUp,
    #[error("{}", fl!("error-recovery-already-enabled"))]
    RecoveryAlreadyEnabled,
    #[error("{}", fl!("error-recovery-recover-first"))]
    RecoverFirst,
    #[error("{}", fl!("error-recovery-failed", cause = .0.as_str()))]
    RecoveryFailed(String),
    #[error("{}", fl!("error-reset-identity-auth", kind = .0.as_str()))]
    IdentityResetAuth(String),
    /// Someone we verified has a new identity: nothing goes to them until the user accepts
    /// the change or verifies them again. Each entry names one person; `held` says whether the
    /// message waits in the queue (released by accepting) or was not taken at all.
    #[error("{}", fl!("error-identity-changed", users = .users.join(", "), count = .users.len(), held = if *.held { "yes" } else { "no" }))]
    IdentityChanged { users: Vec<String>, held: bool },
    /// Someone we verified has sessions they did not verify: the message is held. Each entry
    /// names the person and the session.
    #[error("{}", fl!("error-unverified-sessions", sessions = .sessions.join(", "), count = .sessions.len()))]
    UnverifiedSessions { sessions: Vec<String> },
    /// Sessions of our own account that we have not verified: held, since a stranger who got
    /// into the account would otherwise read along.
    #[error("{}", fl!("error-own-unverified", sessions = .sessions.join(", "), count = .sessions.len()))]
    OwnSessionsUnverified { sessions: Vec<String> },
    #[error("{}", fl!("error-session-not-verified"))]
    SessionNotVerified,
    #[error("{}", fl!("error-no-identity", user = .0.as_str()))]
    NoIdentity(String),
    /// The server asks for the password to sign sessions out and none was given: the front end
    /// asks for it and tries again.
    #[error("{}", fl!("error-sessions-need-password"))]
    NeedPassword,
    #[error("{}", fl!("error-sessions-other-auth", kind = .0.as_str()))]
    SignOutAuth(String),
    #[error("{}", fl!("error-sessions-this-session"))]
    SignOutThisSession,
    #[error("{}", fl!("error-sessions-unknown", id = .0.as_str()))]
    NoSuchSession(String),
    #[error("{}", fl!("error-sessions-name-empty"))]
    SessionNameEmpty,
    #[error("{}", fl!("error-verification-unknown", id = .0.as_str()))]
    VerificationUnknown(String),
    #[error("{}", fl!("error-verification-failed", cause = .0.as_str()))]
    VerificationFailed(String),
    #[error("{}", fl!("error-qr-invalid", cause = .0.as_str()))]
    QrInvalid(String),
    #[error("{}", fl!("error-device-unknown", user = .0.as_str(), device = .1.as_str()))]
    DeviceUnknown(String, String),
    #[error("{}", fl!("error-file-missing", path = .0.as_str()))]
    FileMissing(String),
    #[error("{}", fl!("error-file-not-a-file", path = .0.as_str()))]
    NotAFile(String),
    #[error("{}", fl!("error-file-unreadable", path = .0.as_str(), cause = .1.as_str()))]
    FileUnreadable(String, String),
    #[error("{}", fl!("error-file-too-large", name = .name.as_str(), size = crate::model::attachment::size_text(*.size), max = crate::model::attachment::size_text(*.limit)))]
    FileTooLarge { name: String, size: u64, limit: u64 },
    #[error("{}", fl!("error-not-an-attachment", event = .0.as_str()))]
    NotAnAttachment(String),
    #[error("{}", fl!("error-download-undecryptable", event = .0.as_str()))]
    DownloadUndecryptable(String),
    #[error("{}", fl!("error-download-failed", cause = .0.as_str()))]
    DownloadFailed(String),
    #[error("{}", fl!("error-file-write", path = .0.as_str(), cause = .1.as_str()))]
    FileWrite(String, String),
    #[error("{}", fl!("error-crashed", cause = .0.as_str()))]
    Crashed(String),
    #[error("{}", fl!("error-not-a-picture", path = .0.as_str()))]
    NotAPicture(String),
    #[error("{}", fl!("error-picture-too-large", path = .0.as_str()))]
    PictureTooLarge(String),
    #[error("{}", fl!("redact-not-allowed"))]
    RedactNotAllowed,
    /// The room's power levels do not let this account do that; the sentence says what it takes.
    #[error("{0}")]
    NotAllowed(crate::model::member::NotAllowed),
    /// A power level that is not a number Matrix accepts.
    #[error("{}", fl!("error-bad-level", level = .0.as_str()))]
    BadLevel(String),
    /// A role that is neither a name nor a number.
    #[error("{}", fl!("error-bad-role", role = .0.as_str()))]
    BadRole(String),
    /// A room's name cannot be empty.
    #[error("{}", fl!("error-room-name-empty"))]
    RoomNameEmpty,
    /// Encryption, once on, stays on: the SDK and the spec offer no way back, nor does Estafette.
    #[error("{}", fl!("error-already-encrypted"))]
    AlreadyEncrypted,
    /// A keyword must have a letter in it.
    #[error("{}", fl!("error-keyword-empty"))]
    KeywordEmpty,
    /// Not one of `all`, `mentions`, `mute`, `default`.
    #[error("{}", fl!("error-bad-notify-mode", input = .0.as_str()))]
    BadNotifyMode(String),
    /// A change that opens the room or its history to more people, asked without consent.
    #[error("{}", fl!("error-needs-consent", warning = .0.as_str()))]
    NeedsConsent(String),
    /// Not a Matrix server name.
    #[error("{}", fl!("error-unknown-server", server = .0.as_str()))]
    UnknownServer(String),
    /// A room that is not a space was named where a space is asked for.
    #[error("{}", fl!("error-not-a-space", room = .0.as_str()))]
    NotASpace(String),
}

/// An SDK failure in words: the server's refusal, or the network's failure to carry the request.
pub(crate) fn sdk_error(error: matrix_sdk::Error) -> MatrixError {
    match &error {
        matrix_sdk::Error::Http(http) if http.as_ruma_api_error().is_some() => {
            MatrixError::Server(http.to_string())
        }
        matrix_sdk::Error::Http(http) => MatrixError::Network(root_cause(http.as_ref())),
        other => MatrixError::Server(root_cause(other)),
    }
}

impl MatrixError {
    /// Whether trying again in a moment may work: the keychain did not answer or failed in
    /// passing, or the store was busy. Never a refusal, a missing secret or an ended session.
    pub(crate) fn passes(&self) -> bool {
        matches!(
            self,
            Self::Keychain(KeychainError::Unreachable(_) | KeychainError::Failed(_))
                | Self::StoreLocked(_)
        )
    }

    /// The server's answer to a request, or the network's failure to carry it.
    pub(crate) fn from_http(url: &url::Url, error: &matrix_sdk::HttpError) -> Self {
        use matrix_sdk::ruma::api::error::ErrorKind;
        match error.client_api_error_kind() {
            Some(ErrorKind::Forbidden) => Self::WrongPassword,
            Some(_) => Self::Server(server_words(error)),
            None if error.as_ruma_api_error().is_some() => Self::Server(server_words(error)),
            None => Self::Unreachable(url.to_string(), root_cause(error)),
        }
    }
}

/// The server's own message (status, code and text), which never holds a secret of ours.
fn server_words(error: &matrix_sdk::HttpError) -> String {
    error.to_string()
}

/// The innermost cause: "connection refused" says more than "error sending request".
pub(crate) fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only what may pass by itself is tried again at start: a locked keychain waits for the
    /// person, and a missing secret or an ended session will not come back by waiting.
    #[test]
    fn only_passing_failures_are_tried_again() {
        let unreachable = MatrixError::Keychain(KeychainError::Unreachable("no bus".into()));
        assert!(unreachable.passes());
        assert!(MatrixError::StoreLocked("busy".into()).passes());
        let locked = MatrixError::Keychain(KeychainError::Locked("locked".into()));
        assert!(!locked.passes());
        assert!(!MatrixError::StoreKeyMissing("@a:b".into()).passes());
        assert!(!MatrixError::LoggedOutByServer("@a:b".into()).passes());
    }
}
