//! Whether the organisation's policy file can be trusted before a word of it is read: on
//! Linux and macOS the file and every folder above it belong to root, and nobody else may
//! write to them, so a user cannot swap the organisation's rules for their own. A symbolic
//! link is followed, and what it points to must pass the same test.

use std::path::Path;

use super::file::PolicyError;
use crate::fl;

/// Refuses a policy file that someone other than the system's administrator could have
/// written (or replaced, through a folder they can write). A missing file passes: it sets
/// nothing, and its folder is checked all the same, since whoever can write the folder can
/// also put a policy there.
#[cfg(unix)]
pub fn check(path: &Path) -> Result<(), PolicyError> {
    check_owned_by(path, &trusted_owners())
}

#[cfg(not(unix))]
pub fn check(_path: &Path) -> Result<(), PolicyError> {
    // Windows: the file lives under the known folder ProgramData, whose default ACL lets
    // standard users create files but not change those of the administrators.
    Ok(())
}

/// Root, and in debug builds (the test suite, which writes its own policy file and points
/// `ESTAFETTE_SYSTEM_POLICY` at it) also the user running them.
#[cfg(unix)]
fn trusted_owners() -> Vec<u32> {
    let mut owners = vec![0];
    if cfg!(debug_assertions) {
        // SAFETY: geteuid only reads the process's effective user id; it cannot fail.
        owners.push(unsafe { libc::geteuid() });
    }
    owners
}

#[cfg(unix)]
fn check_owned_by(path: &Path, owners: &[u32]) -> Result<(), PolicyError> {
    use std::os::unix::fs::MetadataExt as _;
    let refuse = |reason: String| PolicyError::Untrusted(path.to_owned(), reason);
    let unreadable =
        |error: std::io::Error| PolicyError::Unreadable(path.to_owned(), error.to_string());
    let target = match std::fs::symlink_metadata(path) {
        Ok(link) if link.file_type().is_symlink() => {
            if !owners.contains(&link.uid()) {
                return Err(refuse(fl!(
                    "policy-untrusted-owner",
                    path = shown(path),
                    uid = link.uid()
                )));
            }
            std::fs::canonicalize(path).map_err(unreadable)?
        }
        Ok(_) => std::fs::canonicalize(path).map_err(unreadable)?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            // Nothing to read; the folder that would hold it must still be the administrator's.
            return match path.parent().map(std::fs::canonicalize) {
                Some(Ok(folder)) => check_folders(&folder, owners).map_err(refuse),
                _ => Ok(()),
            };
        }
        Err(error) => return Err(unreadable(error)),
    };
    let meta = std::fs::metadata(&target).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(refuse(fl!("policy-untrusted-not-a-file", path = shown(&target))));
    }
    check_entry(&target, &meta, owners, false).map_err(refuse)?;
    match target.parent() {
        Some(folder) => check_folders(folder, owners).map_err(refuse),
        None => Ok(()),
    }
}

/// `folder` and each folder above it, up to `/`.
#[cfg(unix)]
fn check_folders(folder: &Path, owners: &[u32]) -> Result<(), String> {
    for ancestor in folder.ancestors() {
        let meta = std::fs::metadata(ancestor).map_err(|error| error.to_string())?;
        check_entry(ancestor, &meta, owners, true)?;
    }
    Ok(())
}

/// One file or folder: owned by a trusted user, and writable by nobody else. A folder anyone
/// may write to passes only with the sticky bit (as `/tmp`), which keeps others from removing
/// or renaming what they do not own.
#[cfg(unix)]
fn check_entry(
    path: &Path,
    meta: &std::fs::Metadata,
    owners: &[u32],
    folder: bool,
) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt as _;
    const STICKY: u32 = 0o1000;
    if !owners.contains(&meta.uid()) {
        return Err(fl!("policy-untrusted-owner", path = shown(path), uid = meta.uid()));
    }
    let mode = meta.mode();
    let shared = mode & 0o022 != 0;
    if shared && !(folder && mode & STICKY != 0) {
        let mode = format!("{:04o}", mode & 0o7777);
        return Err(fl!("policy-untrusted-writable", path = shown(path), mode = mode));
    }
    Ok(())
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    fn me() -> u32 {
        // SAFETY: as in `trusted_owners`.
        unsafe { libc::geteuid() }
    }

    fn chmod(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn a_private_file_of_a_trusted_owner_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("policy.toml");
        std::fs::write(&file, "").unwrap();
        chmod(&file, 0o644);
        assert_eq!(check_owned_by(&file, &[0, me()]), Ok(()));
        // Missing: nothing is set, the folder is still checked.
        assert_eq!(check_owned_by(&dir.path().join("none.toml"), &[0, me()]), Ok(()));
    }

    /// Review L9: a policy anyone may write, in a folder anyone may write, or belonging to
    /// another user, is refused with the file named.
    #[test]
    fn a_file_others_could_write_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("policy.toml");
        std::fs::write(&file, "").unwrap();
        for mode in [0o666, 0o620, 0o602] {
            chmod(&file, mode);
            let refused = check_owned_by(&file, &[0, me()]).unwrap_err();
            assert!(matches!(refused, PolicyError::Untrusted(..)), "{mode:o}: {refused}");
            assert!(refused.to_string().contains("policy.toml"), "{refused}");
        }
        chmod(&file, 0o644);
        chmod(dir.path(), 0o777);
        let refused = check_owned_by(&file, &[0, me()]).unwrap_err();
        assert!(refused.to_string().contains("0777"), "{refused}");
        // The sticky bit (as /tmp has) keeps others from replacing the file: accepted.
        chmod(dir.path(), 0o1777);
        assert_eq!(check_owned_by(&file, &[0, me()]), Ok(()));
        chmod(dir.path(), 0o700);
        // Owned by someone who is not trusted.
        let stranger = if me() == 0 { 4242 } else { 0 };
        assert!(check_owned_by(&file, &[stranger]).is_err());
    }

    #[test]
    fn a_link_leads_to_a_file_that_must_pass_too() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        std::fs::write(&real, "").unwrap();
        chmod(&real, 0o666);
        let link = dir.path().join("policy.toml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(matches!(check_owned_by(&link, &[0, me()]), Err(PolicyError::Untrusted(..))));
        chmod(&real, 0o600);
        assert_eq!(check_owned_by(&link, &[0, me()]), Ok(()));
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        let to_folder = dir.path().join("folder.toml");
        std::os::unix::fs::symlink(&folder, &to_folder).unwrap();
        assert!(check_owned_by(&to_folder, &[0, me()]).is_err(), "a folder is not a policy");
    }
}
