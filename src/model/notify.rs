//! How much a room notifies: every message, mentions and keywords only, or nothing. Kept in
//! the server's push rules (the account's other clients read the same), with the server's
//! defaults where the user chose nothing: direct chats every message, large rooms mentions.

use serde::Serialize;

use crate::fl;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotifyMode {
    #[default]
    All,
    Mentions,
    Mute,
}

impl NotifyMode {
    pub const ALL: [NotifyMode; 3] = [Self::All, Self::Mentions, Self::Mute];

    /// `all`, `mentions` or `mute`, as the command line takes them.
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_lowercase().as_str() {
            "all" => Some(Self::All),
            "mentions" | "mentions-and-keywords" => Some(Self::Mentions),
            "mute" | "muted" => Some(Self::Mute),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Mentions => "mentions",
            Self::Mute => "mute",
        }
    }

    /// Whether a new message notifies: `calls_me` when it mentions this account (or a
    /// keyword of its own).
    pub fn notifies(self, calls_me: bool) -> bool {
        match self {
            Self::All => true,
            Self::Mentions => calls_me,
            Self::Mute => false,
        }
    }
}

impl std::fmt::Display for NotifyMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words = match self {
            Self::All => fl!("notify-mode-all"),
            Self::Mentions => fl!("notify-mode-mentions"),
            Self::Mute => fl!("notify-mode-mute"),
        };
        f.write_str(&words)
    }
}

/// A room's setting: the mode, and whether it is the server's default (nothing chosen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RoomNotify {
    pub mode: NotifyMode,
    pub default: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_read_from_the_command_line_and_what_notifies() {
        assert_eq!(NotifyMode::parse(" Mute "), Some(NotifyMode::Mute));
        assert_eq!(NotifyMode::parse("mentions"), Some(NotifyMode::Mentions));
        assert_eq!(NotifyMode::parse("loud"), None);
        assert!(NotifyMode::All.notifies(false));
        assert!(NotifyMode::Mentions.notifies(true) && !NotifyMode::Mentions.notifies(false));
        assert!(!NotifyMode::Mute.notifies(true));
    }
}
