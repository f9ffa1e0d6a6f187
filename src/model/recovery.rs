//! The account's recovery and trust posture as the front ends show it (recovery key, key backup,
//! cross-signing), and the pure rules for showing a recovery key and checking it was copied.

use serde::Serialize;
use zeroize::Zeroizing;

use crate::fl;

/// Whether the account's secrets can be brought back with a recovery key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecoveryState {
    /// Not known yet: the server has not been asked.
    Unknown,
    /// Set up, and this session holds every secret the key protects.
    Enabled,
    /// Not set up: losing every session means losing the history.
    Disabled,
    /// Set up on the account, but this session lacks some secrets: recover with the key.
    Incomplete,
}

/// The server-side backup of room keys, as this session sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BackupStatus {
    /// This session uploads its room keys to the backup (and can read them back).
    pub enabled: bool,
    /// A backup exists on the server; `None` when the server could not be asked.
    pub exists_on_server: Option<bool>,
    /// Every room key this session holds is in the backup; `None` when backup is off or the
    /// upload could not finish in time.
    pub all_keys_saved: Option<bool>,
}

/// The private cross-signing keys this session holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CrossSigningKeys {
    /// Signs the other two: the account's identity.
    pub master: bool,
    /// Signs this account's own sessions.
    pub self_signing: bool,
    /// Signs other people once verified.
    pub user_signing: bool,
}

impl CrossSigningKeys {
    pub fn complete(&self) -> bool {
        self.master && self.self_signing && self.user_signing
    }
}

/// What `doctor`, `recovery status` and the settings screen show about trust in this account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TrustStatus {
    pub recovery: RecoveryState,
    pub backup: BackupStatus,
    pub cross_signing: CrossSigningKeys,
    /// This session is signed by the account's identity (verified).
    pub session_verified: bool,
}

impl TrustStatus {
    /// One sentence per aspect, in the user's language, for people rather than programs.
    pub fn describe(&self) -> Vec<String> {
        let recovery = match self.recovery {
            RecoveryState::Enabled => fl!("recovery-state-enabled"),
            RecoveryState::Disabled => fl!("recovery-state-disabled"),
            RecoveryState::Incomplete => fl!("recovery-state-incomplete"),
            RecoveryState::Unknown => fl!("recovery-state-unknown"),
        };
        let backup = match (self.backup.enabled, self.backup.all_keys_saved) {
            (true, Some(true)) => fl!("recovery-backup-saved"),
            (true, _) => fl!("recovery-backup-pending"),
            (false, Some(_) | None) if self.backup.exists_on_server == Some(true) => {
                fl!("recovery-backup-elsewhere")
            }
            (false, _) => fl!("recovery-backup-off"),
        };
        let keys = if self.cross_signing.complete() {
            fl!("recovery-cross-signing-complete")
        } else {
            fl!("recovery-cross-signing-missing")
        };
        let session = if self.session_verified {
            fl!("recovery-session-verified")
        } else {
            fl!("recovery-session-unverified")
        };
        vec![recovery, backup, keys, session]
    }
}

/// How many characters the SDK puts in each group of a recovery key.
pub const KEY_GROUP: usize = 4;

/// The key as it should be shown: groups of four separated by single spaces, whatever spacing
/// it was given with. Zeroized when dropped, like the key itself.
pub fn format_key(key: &str) -> Zeroizing<String> {
    let chars: Zeroizing<Vec<char>> =
        Zeroizing::new(key.chars().filter(|c| !c.is_whitespace()).collect());
    let mut shown = Zeroizing::new(String::with_capacity(chars.len() * 5 / 4 + 1));
    for (index, group) in chars.chunks(KEY_GROUP).enumerate() {
        if index > 0 {
            shown.push(' ');
        }
        shown.extend(group.iter());
    }
    shown
}

/// How many groups the key has once formatted: the front end picks one to ask for.
pub fn group_count(key: &str) -> usize {
    key.chars().filter(|c| !c.is_whitespace()).count().div_ceil(KEY_GROUP)
}

/// Whether `typed` is the key's group number `group` (counted from 0), spaces ignored.
///
/// Letter case counts: the key is Base58, where `a` and `A` are different characters, so a
/// copy that differs only in case is a wrong copy, and accepting it would defeat the check.
pub fn confirms(key: &str, typed: &str, group: usize) -> bool {
    confirms_groups(key, typed, group..group + 1)
}

/// Whether `typed` is the run of groups `groups` of the key (counted from 0), spaces ignored.
pub fn confirms_groups(key: &str, typed: &str, groups: std::ops::Range<usize>) -> bool {
    if groups.is_empty() || groups.end > group_count(key) {
        return false;
    }
    let expected = key
        .chars()
        .filter(|c| !c.is_whitespace())
        .skip(groups.start * KEY_GROUP)
        .take(groups.len() * KEY_GROUP);
    let typed = typed.chars().filter(|c| !c.is_whitespace());
    // Compared character by character, so neither side is copied into a new string.
    expected.eq(typed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of a key the SDK gives (a made-up one): 12 groups, the last shorter.
    const KEY: &str = "EsTj 3yST y93F SLpB jJsz eAXc 2XzA ygD3 w69H fGaN TKBj jXEd";

    #[test]
    fn keys_are_shown_in_groups_of_four() {
        assert_eq!(format_key(KEY).as_str(), KEY);
        assert_eq!(format_key("EsTj3ySTy93F\nSLpB  jJ").as_str(), "EsTj 3yST y93F SLpB jJ");
        assert_eq!(format_key("").as_str(), "");
        assert_eq!(group_count(KEY), 12);
        assert_eq!(group_count("abcde"), 2);
    }

    #[test]
    fn a_typed_group_confirms_only_the_right_group() {
        assert!(confirms(KEY, "y93F", 2));
        assert!(confirms(KEY, " y9 3F\n", 2), "spaces do not count");
        assert!(!confirms(KEY, "y93f", 2), "case counts: Base58 tells a from A");
        assert!(!confirms(KEY, "y93F", 3), "another group");
        assert!(!confirms(KEY, "y93", 2), "part of the group");
        assert!(!confirms(KEY, "y93FS", 2), "more than the group");
        assert!(!confirms(KEY, "", 2));
        assert!(!confirms(KEY, "jXEd", 12), "no such group");
        assert!(confirms(KEY, "jXEd", 11));
    }

    #[test]
    fn several_groups_can_be_asked_for_at_once() {
        assert!(confirms_groups(KEY, "SLpB jJsz eAXc", 3..6));
        assert!(confirms_groups(KEY, "SLpBjJszeAXc", 3..6));
        assert!(!confirms_groups(KEY, "SLpB jJsz", 3..6));
        assert!(!confirms_groups(KEY, "", 3..3), "an empty range confirms nothing");
    }

    #[test]
    fn the_status_is_described_in_words() {
        let status = TrustStatus {
            recovery: RecoveryState::Enabled,
            backup: BackupStatus {
                enabled: true,
                exists_on_server: Some(true),
                all_keys_saved: Some(true),
            },
            cross_signing: CrossSigningKeys {
                master: true,
                self_signing: true,
                user_signing: true,
            },
            session_verified: true,
        };
        assert!(status.cross_signing.complete());
        assert_eq!(status.describe().len(), 4);
        let json = serde_json::to_value(status).expect("JSON");
        assert_eq!(json["recovery"], "enabled");
        assert_eq!(json["backup"]["enabled"], true);
        assert_eq!(json["cross_signing"]["user_signing"], true);
    }
}
