//! What the idle lock keeps across restarts, so that closing and reopening the app (or a
//! crash) does not lift it (review M4c): whether the window was locked, and when it was last
//! used. Neither file holds anything secret.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{Profile, ProfileError, write_private_file};

impl Profile {
    fn lock_flag(&self) -> PathBuf {
        self.data_dir.join("idle-locked")
    }

    fn activity_file(&self) -> PathBuf {
        self.data_dir.join("last-active")
    }

    /// The window was locked when it last closed: it opens locked, and the command line
    /// refuses until someone unlocks it.
    pub fn idle_locked(&self) -> bool {
        self.lock_flag().exists()
    }

    pub fn set_idle_locked(&self, locked: bool) -> Result<(), ProfileError> {
        let flag = self.lock_flag();
        if locked {
            return write_private_file(&flag, b"");
        }
        match fs::remove_file(&flag) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => {
                Err(ProfileError::io(flag, error))
            }
            _ => Ok(()),
        }
    }

    /// Notes that someone used the window at `at`.
    pub fn record_activity(&self, at: SystemTime) -> Result<(), ProfileError> {
        let seconds = at.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        write_private_file(&self.activity_file(), seconds.to_string().as_bytes())
    }

    /// When someone last used the window, as far as it was noted.
    pub fn last_activity(&self) -> Option<SystemTime> {
        let text = fs::read_to_string(self.activity_file()).ok()?;
        let seconds: u64 = text.trim().parse().ok()?;
        UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
    }

    /// Whether the window must open locked: it was locked when it closed, or nobody used it
    /// for longer than `limit` before it closed. A clock set back counts as no time passed.
    pub fn lock_due(&self, limit: Duration, now: SystemTime) -> bool {
        if self.idle_locked() {
            return true;
        }
        self.last_activity()
            .is_some_and(|last| now.duration_since(last).unwrap_or_default() > limit)
    }

    /// Forgets both, when the account is signed out.
    pub(super) fn remove_idle_state(&self) -> Result<(), ProfileError> {
        self.set_idle_locked(false)?;
        match fs::remove_file(self.activity_file()) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => {
                Err(ProfileError::io(self.activity_file(), error))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_survives_a_restart_and_idle_time_counts_while_closed() {
        let base = tempfile::tempdir().unwrap();
        let profile = Profile::locate(Some(base.path()), "p").unwrap();
        profile.create_dirs().unwrap();
        let limit = Duration::from_secs(300);
        let now = SystemTime::now();
        assert!(!profile.lock_due(limit, now), "never used: nothing to lock yet");
        profile.record_activity(now).unwrap();
        assert!(!profile.lock_due(limit, now + Duration::from_secs(60)));
        assert!(profile.lock_due(limit, now + Duration::from_secs(301)));
        // A clock put back is not idle time.
        assert!(!profile.lock_due(limit, now - Duration::from_secs(3600)));
        profile.set_idle_locked(true).unwrap();
        assert!(profile.idle_locked() && profile.lock_due(limit, now));
        profile.remove_idle_state().unwrap();
        assert!(!profile.idle_locked() && profile.last_activity().is_none());
    }
}
