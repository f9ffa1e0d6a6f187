//! "Start Estafette when I log in": the XDG autostart entry of a profile, written or removed so
//! that it matches the policy's `start_at_login`. The desktop app does this each time it starts
//! (an organisation's value takes hold then) and when the user flips the switch; the command
//! line's `policy set start_at_login` does it at once. macOS and Windows get theirs from the
//! packages (packaging/macos, packaging/windows), so nothing is written there.

use std::io;
use std::path::{Path, PathBuf};

use crate::profile::{DEFAULT_PROFILE, Profile, ProfileError};

/// The application's id, as in the desktop file and the icon's name.
const APP_ID: &str = "fr.estafette.Estafette";

/// Makes the login entry of `profile` say `on` (present) or not (absent). Returns where the
/// entry is, or `None` on a platform where the packages handle it.
pub fn apply(profile: &Profile, on: bool) -> Result<Option<PathBuf>, ProfileError> {
    if !cfg!(target_os = "linux") {
        return Ok(None);
    }
    let Some(dirs) = directories::BaseDirs::new() else {
        let error = io::Error::new(io::ErrorKind::NotFound, "no home folder");
        return Err(ProfileError::io(PathBuf::from("~/.config/autostart"), error));
    };
    let dir = dirs.config_dir().join("autostart");
    let program = std::env::current_exe().map_err(|error| ProfileError::io(dir.clone(), error))?;
    apply_in(&dir, profile, &program, on).map(Some)
}

/// `apply`, with the autostart folder and the program named: what the tests drive.
pub fn apply_in(
    dir: &Path,
    profile: &Profile,
    program: &Path,
    on: bool,
) -> Result<PathBuf, ProfileError> {
    let path = dir.join(file_name(&profile.name));
    write_or_remove(&path, &entry(profile, program), on)
        .map_err(|error| ProfileError::io(path.clone(), error))?;
    Ok(path)
}

/// The entry at `path` holds `text` when `on`, and is gone when not.
fn write_or_remove(path: &Path, text: &str, on: bool) -> io::Result<()> {
    if !on {
        return match std::fs::remove_file(path) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        };
    }
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // Written whole, then renamed: a session manager never reads half an entry.
    let temporary = path.with_extension("desktop.new");
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path)
}

/// One entry per profile, so that two accounts can both start at login.
fn file_name(profile: &str) -> String {
    if profile == DEFAULT_PROFILE {
        format!("{APP_ID}.desktop")
    } else {
        format!("{APP_ID}-{profile}.desktop")
    }
}

/// The entry's text: this program, this profile, behind the tray.
fn entry(profile: &Profile, program: &Path) -> String {
    let mut words = vec![program.display().to_string()];
    if let Some(base) = &profile.base {
        words.extend(["--data-dir".to_owned(), base.display().to_string()]);
    }
    if profile.name != DEFAULT_PROFILE {
        words.extend(["--profile".to_owned(), profile.name.clone()]);
    }
    words.push("--background".to_owned());
    let exec: Vec<String> = words.iter().map(|word| quote(word)).collect();
    format!(
        "[Desktop Entry]\nType=Application\nName=Estafette\nExec={}\nIcon={APP_ID}\n\
         Terminal=false\nNoDisplay=true\nX-GNOME-Autostart-enabled=true\n",
        exec.join(" ")
    )
}

/// A word of the `Exec` key, quoted as the Desktop Entry Specification says when it holds
/// anything but plain characters (a space in a home folder's name, say). `%` is doubled: the
/// key reserves it for field codes.
fn quote(word: &str) -> String {
    let plain = word.chars().all(|c| c.is_alphanumeric() || "-_./=:+,@%".contains(c));
    let word = word.replace('%', "%%");
    if plain && !word.is_empty() {
        return word;
    }
    let mut quoted = String::from('"');
    for c in word.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(name: &str, base: Option<&Path>) -> Profile {
        Profile::locate(base, name).unwrap()
    }

    #[test]
    fn the_entry_starts_this_profile_behind_the_tray_and_goes_when_turned_off() {
        let dir = tempfile::tempdir().unwrap();
        let autostart = dir.path().join("autostart");
        let base = dir.path().join("my data");
        let work = profile("travail", Some(&base));
        let program = Path::new("/opt/Estafette $1/estafette");
        let path = apply_in(&autostart, &work, program, true).unwrap();
        assert_eq!(path.file_name().unwrap(), "fr.estafette.Estafette-travail.desktop");
        let text = std::fs::read_to_string(&path).unwrap();
        let exec = text.lines().find_map(|line| line.strip_prefix("Exec=")).unwrap();
        let expected = format!(
            "\"/opt/Estafette \\$1/estafette\" --data-dir \"{}\" --profile travail --background",
            base.display()
        );
        assert_eq!(exec, expected);
        assert!(text.starts_with("[Desktop Entry]\nType=Application\n"), "{text}");
        // Again: the same entry, untouched.
        apply_in(&autostart, &work, program, true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        apply_in(&autostart, &work, program, false).unwrap();
        assert!(!path.exists());
        // Off when there is none is not an error.
        apply_in(&autostart, &work, program, false).unwrap();
    }

    #[test]
    fn the_default_profile_has_the_plain_name_and_no_options() {
        let dir = tempfile::tempdir().unwrap();
        let default = Profile {
            name: DEFAULT_PROFILE.to_owned(),
            data_dir: dir.path().join("d"),
            cache_dir: dir.path().join("c"),
            base: None,
        };
        let path = apply_in(dir.path(), &default, Path::new("/usr/bin/estafette"), true).unwrap();
        assert_eq!(path.file_name().unwrap(), "fr.estafette.Estafette.desktop");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\nExec=/usr/bin/estafette --background\n"), "{text}");
    }

    #[test]
    fn percent_signs_are_not_field_codes() {
        assert_eq!(quote("/home/a%u/estafette"), "/home/a%%u/estafette");
        assert_eq!(quote(""), "\"\"");
    }
}
