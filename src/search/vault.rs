//! The index's files, encrypted at rest: a tantivy `Directory` that seals each file whole with
//! XChaCha20-Poly1305 under the key kept in the keychain, and opens it into memory when read.
//!
//! Tantivy writes a file once and never changes it (segments), or replaces it in one step
//! (`meta.json`): sealing a whole file at the end of its write fits that. The file's name is
//! the associated data, so one sealed file cannot be passed off as another. Nothing of a
//! message reaches the disk unsealed: a writer holds its bytes in memory until it is done.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore as _;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, OwnedBytes, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

/// What every sealed file starts with: the format, so a later one can be told apart.
const MAGIC: &[u8; 4] = b"EIX1";
const NONCE: usize = 24;

/// The folder of sealed files, and the opened ones tantivy holds.
#[derive(Clone)]
pub struct Vault {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    cipher: XChaCha20Poly1305,
    /// Files opened since start, by name: a segment is read many times and never changes.
    opened: Mutex<HashMap<PathBuf, OwnedBytes>>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("dir", &self.inner.dir).finish_non_exhaustive()
    }
}

impl Vault {
    /// The vault in `dir` (which must exist), sealed with `key`.
    pub fn new(dir: &Path, key: &[u8; 32]) -> Self {
        let cipher = XChaCha20Poly1305::new(key.into());
        let inner = Inner { dir: dir.to_owned(), cipher, opened: Mutex::default() };
        Self { inner: Arc::new(inner) }
    }

    fn path(&self, name: &Path) -> PathBuf {
        self.inner.dir.join(name)
    }

    fn opened(&self) -> MutexGuard<'_, HashMap<PathBuf, OwnedBytes>> {
        // A panic elsewhere while the map was held leaves it whole: keep using it.
        self.inner.opened.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn seal(&self, name: &Path, plain: &[u8]) -> io::Result<Vec<u8>> {
        let mut nonce = [0u8; NONCE];
        rand::rng().fill_bytes(&mut nonce);
        let aad = name.to_string_lossy();
        let payload = Payload { msg: plain, aad: aad.as_bytes() };
        let sealed = self
            .inner
            .cipher
            .encrypt(XNonce::from_slice(&nonce), payload)
            .map_err(|_| io::Error::other("the search index could not be sealed"))?;
        let mut file = Vec::with_capacity(MAGIC.len() + NONCE + sealed.len());
        file.extend_from_slice(MAGIC);
        file.extend_from_slice(&nonce);
        file.extend_from_slice(&sealed);
        Ok(file)
    }

    fn unseal(&self, name: &Path, file: &[u8]) -> io::Result<Vec<u8>> {
        let broken = || {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} is not a file of this search index", name.display()),
            )
        };
        let rest = file.strip_prefix(MAGIC.as_slice()).ok_or_else(broken)?;
        if rest.len() < NONCE {
            return Err(broken());
        }
        let (nonce, sealed) = rest.split_at(NONCE);
        let aad = name.to_string_lossy();
        let payload = Payload { msg: sealed, aad: aad.as_bytes() };
        self.inner.cipher.decrypt(XNonce::from_slice(nonce), payload).map_err(|_| broken())
    }

    /// Seals `plain` and puts it in place in one step (a temporary file, then a rename).
    fn store(&self, name: &Path, plain: &[u8]) -> io::Result<()> {
        let sealed = self.seal(name, plain)?;
        let path = self.path(name);
        let temporary = path.with_extension("sealing");
        {
            let mut file = private_file(&temporary)?;
            file.write_all(&sealed)?;
            file.sync_all()?;
        }
        fs::rename(&temporary, &path)
    }

    fn load(&self, name: &Path) -> Result<Vec<u8>, OpenReadError> {
        let path = self.path(name);
        let file = fs::read(&path).map_err(|error| match error.kind() {
            io::ErrorKind::NotFound => OpenReadError::FileDoesNotExist(name.to_owned()),
            _ => OpenReadError::wrap_io_error(error, path.clone()),
        })?;
        self.unseal(name, &file).map_err(|error| OpenReadError::wrap_io_error(error, path))
    }
}

#[cfg(unix)]
fn private_file(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> io::Result<fs::File> {
    fs::File::create(path)
}

impl Directory for Vault {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        if let Some(bytes) = self.opened().get(path) {
            return Ok(Arc::new(bytes.clone()));
        }
        let bytes = OwnedBytes::new(self.load(path)?);
        self.opened().insert(path.to_owned(), bytes.clone());
        Ok(Arc::new(bytes))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.opened().remove(path);
        fs::remove_file(self.path(path)).map_err(|error| match error.kind() {
            io::ErrorKind::NotFound => DeleteError::FileDoesNotExist(path.to_owned()),
            _ => DeleteError::IoError { io_error: Arc::new(error), filepath: path.to_owned() },
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        Ok(self.opened().contains_key(path) || self.path(path).exists())
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        if self.path(path).exists() {
            return Err(OpenWriteError::FileAlreadyExists(path.to_owned()));
        }
        let writer = Sealing { vault: self.clone(), name: path.to_owned(), bytes: Vec::new() };
        Ok(io::BufWriter::new(Box::new(writer)))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.load(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.opened().remove(path);
        self.store(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        #[cfg(unix)]
        fs::File::open(&self.inner.dir)?.sync_all()?;
        Ok(())
    }

    /// One writer per index in this process; the profile's lock keeps other processes out.
    /// A lock file would outlive a crash and block the index for good.
    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        let key = self.path(&lock.filepath);
        loop {
            if held().insert(key.clone()) {
                return Ok(DirectoryLock::from(Box::new(Held(key))));
            }
            if !lock.is_blocking {
                return Err(LockError::LockBusy);
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    /// The index is reloaded after each commit by its only writer: nothing to watch.
    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        Ok(WatchHandle::empty())
    }
}

/// The locks this process holds, by the lock file's path.
fn held() -> MutexGuard<'static, HashSet<PathBuf>> {
    static HELD: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    HELD.get_or_init(Mutex::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

struct Held(PathBuf);

impl Drop for Held {
    fn drop(&mut self) {
        held().remove(&self.0);
    }
}

/// A file being written: kept in memory, sealed and stored when tantivy says it is complete.
struct Sealing {
    vault: Vault,
    name: PathBuf,
    bytes: Vec<u8>,
}

impl Write for Sealing {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl TerminatingWrite for Sealing {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        let bytes = std::mem::take(&mut self.bytes);
        self.vault.store(&self.name, &bytes)?;
        self.vault.opened().insert(self.name.clone(), OwnedBytes::new(bytes));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(dir: &Path) -> Vault {
        Vault::new(dir, &[7; 32])
    }

    #[test]
    fn files_are_sealed_on_disk_and_read_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let vault = open(dir.path());
        let mut writer = vault.open_write(Path::new("seg.idx")).unwrap();
        writer.write_all(b"confidentiel: le budget").unwrap();
        writer.terminate().unwrap();
        vault.atomic_write(Path::new("meta.json"), b"{\"payload\":\"secret\"}").unwrap();
        for entry in fs::read_dir(dir.path()).unwrap() {
            let disk = fs::read(entry.unwrap().path()).unwrap();
            assert!(!disk.windows(6).any(|w| w == b"budget" || w == b"secret"));
        }
        // A new process (nothing opened yet) reads what the first one sealed.
        let again = open(dir.path());
        let read = again.open_read(Path::new("seg.idx")).unwrap().read_bytes().unwrap();
        assert_eq!(read.as_slice(), b"confidentiel: le budget");
        assert_eq!(again.atomic_read(Path::new("meta.json")).unwrap(), b"{\"payload\":\"secret\"}");
    }

    #[test]
    fn another_key_or_a_swapped_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        open(dir.path()).atomic_write(Path::new("a"), b"one").unwrap();
        let other = Vault::new(dir.path(), &[8; 32]);
        assert!(other.atomic_read(Path::new("a")).is_err());
        fs::copy(dir.path().join("a"), dir.path().join("b")).unwrap();
        assert!(open(dir.path()).atomic_read(Path::new("b")).is_err());
    }

    #[test]
    fn one_writer_lock_at_a_time_and_none_left_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let vault = open(dir.path());
        let lock = Lock { filepath: PathBuf::from(".lock"), is_blocking: false };
        let first = vault.acquire_lock(&lock).unwrap();
        assert!(matches!(vault.acquire_lock(&lock), Err(LockError::LockBusy)));
        drop(first);
        assert!(vault.acquire_lock(&lock).is_ok());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
