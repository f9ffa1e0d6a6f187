//! The other profiles on this computer (one account each), and opening one in its own
//! window: a profile belongs to one process, so a second account runs beside the first.

use std::path::PathBuf;
use std::process::Command;

use super::{Profile, ProfileError, valid_name};

/// Another profile, and who is signed in to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbour {
    pub name: String,
    /// The Matrix ID, or `None` when nobody is signed in.
    pub user_id: Option<String>,
}

impl Profile {
    /// The folder that holds every profile beside this one.
    fn root(&self) -> Option<PathBuf> {
        match &self.base {
            Some(base) => Some(base.clone()),
            // Platform folders: …/profiles/<name>.
            None => self.data_dir.parent().map(PathBuf::from),
        }
    }

    /// The other profiles, sorted by name, with their accounts.
    pub fn neighbours(&self) -> Vec<Neighbour> {
        let Some(entries) = self.root().and_then(|root| std::fs::read_dir(root).ok()) else {
            return Vec::new();
        };
        let mut found: Vec<Neighbour> = entries
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| *name != self.name && valid_name(name))
            .filter_map(|name| {
                let other = Profile::locate(self.base.as_deref(), &name).ok()?;
                let account = other.read_account().ok()?;
                // A folder without data is not a profile (a stray cache, say).
                other
                    .data_dir
                    .is_dir()
                    .then(|| Neighbour { name, user_id: account.map(|record| record.user_id) })
            })
            .collect();
        found.sort_by(|a, b| a.name.cmp(&b.name));
        found
    }

    /// A profile name no profile uses yet, for another account.
    pub fn free_name(&self) -> String {
        let taken: Vec<String> = self.neighbours().into_iter().map(|n| n.name).collect();
        (2..)
            .map(|n| format!("account-{n}"))
            .find(|name| *name != self.name && !taken.contains(name))
            .unwrap_or_else(|| "account".into())
    }

    /// The command that opens the desktop app on profile `name` (same data folder as this).
    pub fn window_command(&self, name: &str) -> Result<Command, ProfileError> {
        let exe = std::env::current_exe().map_err(|e| ProfileError::io(PathBuf::from("."), e))?;
        let mut command = Command::new(exe);
        if let Some(base) = &self.base {
            command.arg("--data-dir").arg(base);
        }
        command.arg("--profile").arg(name);
        Ok(command)
    }

    /// Opens profile `name` in a window of its own, which lives on after this one closes.
    pub fn open_window(&self, name: &str) -> Result<(), ProfileError> {
        let mut command = self.window_command(name)?;
        command.stdin(std::process::Stdio::null());
        command.spawn().map(drop).map_err(|e| ProfileError::io(PathBuf::from(name), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AccountRecord, AccountState};

    fn record(user: &str) -> AccountRecord {
        AccountRecord {
            user_id: user.into(),
            device_id: "DEV".into(),
            homeserver: "https://example.org/".into(),
            keychain_id: "k".into(),
            state: AccountState::Active,
            delegated_by: None,
        }
    }

    #[test]
    fn the_other_profiles_are_listed_with_their_accounts() {
        let dir = tempfile::tempdir().unwrap();
        let here = Profile::locate(Some(dir.path()), "default").unwrap();
        let work = Profile::locate(Some(dir.path()), "work").unwrap();
        work.write_account(&record("@anne:ministere.fr")).unwrap();
        let empty = Profile::locate(Some(dir.path()), "spare").unwrap();
        empty.create_dirs().unwrap();
        here.create_dirs().unwrap();
        let expected = vec![
            Neighbour { name: "spare".into(), user_id: None },
            Neighbour { name: "work".into(), user_id: Some("@anne:ministere.fr".into()) },
        ];
        assert_eq!(here.neighbours(), expected);
        assert_eq!(here.free_name(), "account-2");
    }

    #[test]
    fn another_window_opens_on_the_same_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let here = Profile::locate(Some(dir.path()), "default").unwrap();
        let command = here.window_command("work").unwrap();
        let args: Vec<_> = command.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
        let base = dir.path().to_string_lossy().into_owned();
        assert_eq!(args, ["--data-dir", base.as_str(), "--profile", "work"]);
    }
}
