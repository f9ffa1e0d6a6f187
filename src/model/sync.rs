//! Where the connection to the homeserver stands, for a status line.

use serde::Serialize;

/// The state of the background sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "reason")]
pub enum SyncStatus {
    /// Connecting, or loading the room list for the first time.
    Starting,
    /// Up to date and following the server.
    Running,
    /// The server cannot be reached; retrying by itself.
    Offline,
    /// Stopped by an error; retrying by itself with a growing delay.
    Error(String),
    /// Stopped on purpose.
    Stopped,
}
