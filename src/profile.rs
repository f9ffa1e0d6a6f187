//! Where one account's files live: its data and cache folders, private to the user (0700, files 0600).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::fl;
use crate::model::AccountRecord;

mod idle;
mod others;
pub use others::Neighbour;

/// The name used when `--profile` is not given.
pub const DEFAULT_PROFILE: &str = "default";

/// One profile: an account's data and cache folders.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub data_dir: PathBuf,
    pub cache_dir: PathBuf,
    /// The `--data-dir` folder it was found under, if not the platform's.
    pub base: Option<PathBuf>,
}

/// Why a profile's folders could not be found or used. `Clone`, so that it can ride in the
/// UI's messages with its kind intact (the I/O cause is shared, not copied).
#[derive(Debug, Clone, thiserror::Error)]
pub enum ProfileError {
    #[error("{}", fl!("error-profile-name", name = .0.as_str()))]
    BadName(String),
    #[error("{}", fl!("error-no-home"))]
    NoHome,
    #[error("{}", fl!("error-io", path = .0.display().to_string(), cause = .1.to_string()))]
    Io(PathBuf, std::sync::Arc<io::Error>),
    #[error("{}", fl!("error-account-file", path = .0.display().to_string(), cause = .1.as_str()))]
    BadAccountFile(PathBuf, String),
    #[error("{}", fl!("error-profile-in-use", profile = .0.as_str()))]
    InUse(String),
}

/// Proof that this process alone uses a profile, held until it exits.
#[derive(Debug)]
pub struct ProfileLock(#[allow(dead_code)] fs::File);

impl ProfileError {
    /// A failure to read or write `path`.
    pub fn io(path: PathBuf, error: io::Error) -> Self {
        Self::Io(path, std::sync::Arc::new(error))
    }
}

impl Profile {
    /// Finds the folders of profile `name`: under `base/<name>/` when a base folder is given,
    /// else in the platform's data and cache folders (XDG on Linux).
    pub fn locate(base: Option<&Path>, name: &str) -> Result<Self, ProfileError> {
        if !valid_name(name) {
            return Err(ProfileError::BadName(name.to_owned()));
        }
        let (data_dir, cache_dir) = match base {
            Some(base) => {
                let root = absolute(&base.join(name))?;
                (root.join("data"), root.join("cache"))
            }
            None => {
                let dirs = directories::ProjectDirs::from("org", "Estafette", "estafette")
                    .ok_or(ProfileError::NoHome)?;
                (
                    dirs.data_dir().join("profiles").join(name),
                    dirs.cache_dir().join("profiles").join(name),
                )
            }
        };
        Ok(Self { name: name.to_owned(), data_dir, cache_dir, base: base.map(Path::to_owned) })
    }

    /// Makes this process the only one using the profile. Two processes would each refresh the
    /// session's tokens, and the server takes the older refresh token as stolen and ends the
    /// session; so a second window or command is refused with a clear message instead.
    pub fn lock(&self) -> Result<ProfileLock, ProfileError> {
        create_private_dir(&self.data_dir)?;
        let path = self.data_dir.join("lock");
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|error| ProfileError::io(path.clone(), error))?;
        match file.try_lock() {
            Ok(()) => Ok(ProfileLock(file)),
            Err(fs::TryLockError::WouldBlock) => Err(ProfileError::InUse(self.name.clone())),
            Err(fs::TryLockError::Error(error)) => Err(ProfileError::io(path, error)),
        }
    }

    /// Creates both folders (and mends their mode) so that only the user can enter them.
    pub fn create_dirs(&self) -> Result<(), ProfileError> {
        for dir in [&self.data_dir, &self.cache_dir, &self.store_dir(), &self.log_dir()] {
            create_private_dir(dir)?;
        }
        Ok(())
    }

    /// The SDK's state and crypto databases.
    pub fn store_dir(&self) -> PathBuf {
        self.data_dir.join("store")
    }

    /// The SDK's event cache and media databases.
    pub fn store_cache_dir(&self) -> PathBuf {
        self.cache_dir.join("store")
    }

    /// The local search index (sealed files; see `search`).
    pub fn search_dir(&self) -> PathBuf {
        self.data_dir.join("search")
    }

    /// Removes the search index's files (the policy forbids one, or its key is gone).
    pub fn remove_search_index(&self) -> Result<(), ProfileError> {
        remove_dir(&self.search_dir())
    }

    /// The user's own settings for this profile (the organisation's policy wins over them).
    pub fn settings_file(&self) -> PathBuf {
        self.data_dir.join("settings.toml")
    }

    pub fn log_dir(&self) -> PathBuf {
        self.data_dir.join("logs")
    }

    fn account_file(&self) -> PathBuf {
        self.data_dir.join("account.toml")
    }

    /// The account recorded in this profile, if any.
    pub fn read_account(&self) -> Result<Option<AccountRecord>, ProfileError> {
        let path = self.account_file();
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(ProfileError::io(path, error)),
        };
        toml::from_str(&text)
            .map(Some)
            .map_err(|error| ProfileError::BadAccountFile(path, error.to_string()))
    }

    /// Records the account, replacing the file in one step so a crash never leaves half of it.
    pub fn write_account(&self, record: &AccountRecord) -> Result<(), ProfileError> {
        self.create_dirs()?;
        let text = toml::to_string(record).map_err(|error| {
            ProfileError::BadAccountFile(self.account_file(), error.to_string())
        })?;
        write_private_file(&self.account_file(), text.as_bytes())
    }

    /// Forgets the account record (the account is signed out), and the idle lock's state.
    pub fn remove_account(&self) -> Result<(), ProfileError> {
        self.remove_idle_state()?;
        match fs::remove_file(self.account_file()) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => {
                Err(ProfileError::io(self.account_file(), error))
            }
            _ => Ok(()),
        }
    }

    /// Deletes the SDK stores and the search index, which belong to one device and are useless
    /// once it is signed out (their keys leave the keychain with it).
    pub fn remove_stores(&self) -> Result<(), ProfileError> {
        remove_dir(&self.search_dir())?;
        remove_dir(&self.store_dir())?;
        remove_dir(&self.store_cache_dir())
    }

    /// Deletes both folders and everything in them.
    pub fn remove_all(&self) -> Result<(), ProfileError> {
        remove_dir(&self.data_dir)?;
        remove_dir(&self.cache_dir)?;
        // With `--data-dir`, the profile's own parent folder is ours too: leave nothing behind.
        if let Some(parent) = self.data_dir.parent()
            && parent.file_name().is_some_and(|n| n == self.name.as_str())
        {
            let _ = fs::remove_dir(parent);
        }
        Ok(())
    }
}

/// The machine's name, so the session list says which computer a session is on.
pub fn host_name() -> String {
    let from_file = std::fs::read_to_string("/etc/hostname").ok();
    from_file
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "?".into())
}

fn valid_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn absolute(path: &Path) -> Result<PathBuf, ProfileError> {
    std::path::absolute(path).map_err(|error| ProfileError::io(path.to_owned(), error))
}

fn remove_dir(dir: &Path) -> Result<(), ProfileError> {
    match fs::remove_dir_all(dir) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => {
            Err(ProfileError::io(dir.to_owned(), error))
        }
        _ => Ok(()),
    }
}

/// Creates `dir` (and missing parents) with mode 0700, and tightens it if it already existed.
pub fn create_private_dir(dir: &Path) -> Result<(), ProfileError> {
    let io_err = |error| ProfileError::io(dir.to_owned(), error);
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(io_err)?;
    set_mode(dir, 0o700).map_err(io_err)
}

/// Writes `bytes` to `path` as a 0600 file, through a temporary file renamed into place.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), ProfileError> {
    let io_err = |error| ProfileError::io(path.to_owned(), error);
    let tmp = path.with_extension("tmp");
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&tmp).map_err(io_err)?;
    // A temporary file left by an earlier attempt keeps its mode on open: make it private.
    #[cfg(unix)]
    file.set_permissions(<fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o600))
        .map_err(io_err)?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(io_err)?;
    fs::rename(&tmp, path).map_err(io_err)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    // Per-user ACLs on the profile folder already keep other users out on Windows.
    Ok(())
}

/// Makes every file under `dir` 0600 and every folder 0700: the SDK creates its databases with
/// the process umask, which is usually more open than that.
pub fn tighten_tree(dir: &Path) -> Result<(), ProfileError> {
    let io_err = |error| ProfileError::io(dir.to_owned(), error);
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(io_err(error)),
    };
    for entry in entries {
        let entry = entry.map_err(io_err)?;
        let path = entry.path();
        if entry.file_type().map_err(io_err)?.is_dir() {
            set_mode(&path, 0o700).map_err(io_err)?;
            tighten_tree(&path)?;
        } else {
            set_mode(&path, 0o600).map_err(io_err)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names_are_plain_words() {
        assert!(valid_name("work"));
        assert!(valid_name("alice_2-test"));
        assert!(!valid_name(""));
        assert!(!valid_name("../etc"));
        assert!(!valid_name("a b"));
        assert!(!valid_name(&"x".repeat(65)));
    }

    #[test]
    fn folders_are_private_and_per_profile() {
        let base = tempfile::tempdir().unwrap();
        let work = Profile::locate(Some(base.path()), "work").unwrap();
        let home = Profile::locate(Some(base.path()), "home").unwrap();
        assert_ne!(work.data_dir, home.data_dir);
        work.create_dirs().unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&work.data_dir).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700);
        }
    }

    #[test]
    fn a_profile_is_used_by_one_process_at_a_time() {
        let base = tempfile::tempdir().unwrap();
        let profile = Profile::locate(Some(base.path()), "p").unwrap();
        let held = profile.lock().unwrap();
        // A second open file description, as another process would have.
        assert!(matches!(profile.lock(), Err(ProfileError::InUse(_))));
        drop(held);
        assert!(profile.lock().is_ok());
    }

    #[test]
    fn account_round_trips_through_a_private_file() {
        let base = tempfile::tempdir().unwrap();
        let profile = Profile::locate(Some(base.path()), "p").unwrap();
        assert!(profile.read_account().unwrap().is_none());
        let record = AccountRecord::sample();
        profile.write_account(&record).unwrap();
        assert_eq!(profile.read_account().unwrap(), Some(record));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(profile.account_file()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        profile.remove_all().unwrap();
        assert!(!base.path().join("p").exists());
    }

    /// Review L4 (the recovery key saved to a file): a target that existed with mode 0644 ends
    /// up 0600 with the new contents, as does a temporary file left by an earlier try; a
    /// folder that cannot be written is an error, not a silent success.
    #[cfg(unix)]
    #[test]
    fn a_private_file_replaces_an_open_one_and_failures_are_errors() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("key.txt");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        let leftover = dir.path().join("key.tmp");
        fs::write(&leftover, "").unwrap();
        fs::set_permissions(&leftover, fs::Permissions::from_mode(0o666)).unwrap();
        write_private_file(&target, b"new key").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new key");
        assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
        // A read-only folder (root ignores modes, so only where they apply).
        let locked = dir.path().join("locked");
        fs::create_dir(&locked).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o500)).unwrap();
        let denied = write_private_file(&locked.join("key.txt"), b"k");
        let root = fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0);
        if !root.unwrap_or(false) {
            assert!(matches!(denied, Err(ProfileError::Io(..))), "{denied:?}");
        }
        // A path whose folder does not exist fails for everyone.
        assert!(write_private_file(&dir.path().join("none/key.txt"), b"k").is_err());
    }
}
