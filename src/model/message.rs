//! Timeline messages as the front ends show them, with the trust the reader can place in each.

use serde::Serialize;

use crate::fl;

/// How far a message can be trusted, from the reader's side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "cause")]
pub enum Trust {
    /// Encrypted, from a device its owner verified, and the owner is verified by you.
    Verified,
    /// Encrypted, but the sender's identity is not verified by you.
    UnverifiedIdentity,
    /// Encrypted by a device its owner never verified (signed).
    UnsignedDevice,
    /// Encrypted by a device that is unknown or deleted.
    UnknownDevice,
    /// The key that encrypted it belongs to someone other than the sender the server names:
    /// it may be forged (a compromised server can do this). A danger, not a caution.
    ForgedSender,
    /// The sender's verified identity changed: it may not be the same person.
    IdentityChanged,
    /// Encrypted, no warning to give (e.g. your own messages before cross-signing).
    Encrypted,
    /// Sent without end-to-end encryption: the server could read it.
    SentInClear,
    /// Could not be decrypted, with the reason in words.
    Undecryptable(UndecryptableCause),
}

/// Why a message could not be decrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UndecryptableCause {
    /// The key has not arrived (yet).
    MissingKey,
    /// Sent before you joined the room; its keys were not shared with you.
    SentBeforeYouJoined,
    /// The sender refused to share the key with this device (not verified, or blocked).
    Withheld,
    /// The sender's device is not verified and you only accept verified senders.
    UnverifiedSender,
    /// History from before this device existed, and key backup is not set up.
    HistoryWithoutBackup,
    /// History from before this device existed, which is not verified to fetch it.
    HistoryOnUnverifiedDevice,
    /// The sender's identity changed and messages from it are refused.
    IdentityChanged,
}

/// Where an outgoing message stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "reason")]
pub enum SendState {
    /// Waiting in the persistent queue or on its way.
    Sending,
    /// Accepted by the server.
    Sent,
    /// Not sent, with the reason; `retry` tells whether retrying may help.
    Failed { reason: String, retry: bool },
}

/// One message of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChatMessage {
    /// Absent for a local echo the server has not accepted yet.
    pub event_id: Option<String>,
    /// The transaction id of a local echo, to retry it.
    pub local_id: Option<String>,
    pub sender: String,
    /// The sender's display name, without characters that hide or reorder text.
    pub sender_name: Option<String>,
    /// Another member of the room goes by a name that looks the same (the SDK folds
    /// confusable letters, invisible characters and names shaped like a Matrix ID): the
    /// Matrix ID must then be shown beside the name wherever it appears.
    pub sender_ambiguous: bool,
    /// Milliseconds since the Unix epoch, server time.
    pub ts: u64,
    /// The text, or `None` when it could not be decrypted.
    pub body: Option<String>,
    /// The formatted body as styled runs, when the message was formatted.
    pub formatted: Option<Vec<crate::model::rich::Span>>,
    pub encrypted: bool,
    /// It calls this account (a mention, `@room`, a keyword), by the push rules evaluated
    /// here, on the decrypted message: highlighted in the timeline.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub highlighted: bool,
    pub trust: Trust,
    pub edited: bool,
    /// The message this one answers.
    pub reply_to: Option<Reply>,
    /// The first message of the thread this one is a reply in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread_root: Option<String>,
    /// How many replies the thread this message starts has (0: it starts none).
    #[serde(skip_serializing_if = "is_zero")]
    pub thread_replies: u32,
    /// Each reaction key with who reacted.
    pub reactions: Vec<(String, Vec<String>)>,
    /// Whether this account's own reaction is among them, per key (to toggle it).
    pub reacted: Vec<String>,
    /// The other members whose read receipt is on this message.
    pub read_by: Vec<String>,
    pub own: bool,
    pub send_state: Option<SendState>,
    /// The file the message carries (its name is then also the body), with the upload's
    /// progress while one of this account's files goes out.
    pub attachment: Option<crate::model::attachment::Attachment>,
    /// What the row is when no one wrote it as a message: a room event, a deletion, an event
    /// this app does not show. Its line is then `Happening::describe`, never `body`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub happening: Option<crate::model::happening::Happening>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The message a reply answers, as far as it is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reply {
    pub event_id: String,
    /// Display name or Matrix ID, when the original is loaded.
    pub sender: Option<String>,
    /// The start of its text, when loaded and readable.
    pub excerpt: Option<String>,
}

impl Reply {
    /// The longest excerpt a quote shows, in characters.
    pub const EXCERPT: usize = 120;

    /// Shortens `body` to its first line, at most `EXCERPT` characters.
    pub fn excerpt_of(body: &str) -> String {
        let first = body.lines().find(|line| !line.trim().is_empty()).unwrap_or_default();
        let mut excerpt: String = first.chars().take(Self::EXCERPT).collect();
        if first.chars().count() > Self::EXCERPT || body.lines().count() > 1 {
            excerpt.push('…');
        }
        excerpt
    }
}

impl ChatMessage {
    /// Who sent it, as a line or a sentence names them: see `person::named`.
    pub fn sender_label(&self) -> String {
        super::person::named(self.sender_name.as_deref(), &self.sender, self.sender_ambiguous)
    }
}

impl Trust {
    /// A stable machine name, for JSON output.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::UnverifiedIdentity => "unverified_identity",
            Self::UnsignedDevice => "unsigned_device",
            Self::UnknownDevice => "unknown_device",
            Self::ForgedSender => "forged_sender",
            Self::IdentityChanged => "identity_changed",
            Self::Encrypted => "encrypted",
            Self::SentInClear => "sent_in_clear",
            Self::Undecryptable(_) => "undecryptable",
        }
    }

    /// What the shield's tooltip says, in the user's language.
    pub fn describe(&self) -> String {
        match self {
            Self::Verified => fl!("trust-verified"),
            Self::UnverifiedIdentity => fl!("trust-unverified-identity"),
            Self::UnsignedDevice => fl!("trust-unsigned-device"),
            Self::UnknownDevice => fl!("trust-unknown-device"),
            Self::ForgedSender => fl!("trust-forged-sender"),
            Self::IdentityChanged => fl!("trust-identity-changed"),
            Self::Encrypted => fl!("trust-encrypted"),
            Self::SentInClear => fl!("trust-sent-in-clear"),
            Self::Undecryptable(cause) => cause.describe(),
        }
    }
}

impl UndecryptableCause {
    pub fn name(self) -> &'static str {
        match self {
            Self::MissingKey => "missing_key",
            Self::SentBeforeYouJoined => "sent_before_you_joined",
            Self::Withheld => "withheld",
            Self::UnverifiedSender => "unverified_sender",
            Self::HistoryWithoutBackup => "history_without_backup",
            Self::HistoryOnUnverifiedDevice => "history_on_unverified_device",
            Self::IdentityChanged => "identity_changed",
        }
    }

    /// Why the message cannot be read, in the user's language.
    pub fn describe(self) -> String {
        match self {
            Self::MissingKey => fl!("utd-missing-key"),
            Self::SentBeforeYouJoined => fl!("utd-sent-before-you-joined"),
            Self::Withheld => fl!("utd-withheld"),
            Self::UnverifiedSender => fl!("utd-unverified-sender"),
            Self::HistoryWithoutBackup => fl!("utd-history-without-backup"),
            Self::HistoryOnUnverifiedDevice => fl!("utd-history-on-unverified-device"),
            Self::IdentityChanged => fl!("utd-identity-changed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_the_first_line_shortened() {
        assert_eq!(Reply::excerpt_of("hello"), "hello");
        assert_eq!(Reply::excerpt_of("\nfirst\nsecond"), "first…");
        let long = "a".repeat(200);
        assert_eq!(Reply::excerpt_of(&long).chars().count(), Reply::EXCERPT + 1);
    }
}
