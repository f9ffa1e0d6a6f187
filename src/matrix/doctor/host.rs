//! The doctor's checks of this computer, which need no account: the build, the system and
//! desktop, the policy in force, and whether the profile's folders are private.

use std::path::{Path, PathBuf};

use crate::fl;
use crate::model::{CheckStatus, DoctorReport};
use crate::policy::Policy;
use crate::profile::Profile;

/// The commit the release was built from, when the build said (`ESTAFETTE_GIT_COMMIT`, set by
/// the packaging scripts; a build script asking git would rebuild the crate on every commit).
const COMMIT: Option<&str> = option_env!("ESTAFETTE_GIT_COMMIT");

/// Which Estafette this is: version, release or debug build, platform, and commit if known.
pub(super) fn version(report: &mut DoctorReport) {
    let version = env!("CARGO_PKG_VERSION");
    let build = if cfg!(debug_assertions) { "debug" } else { "release" };
    let detail = match COMMIT.filter(|commit| !commit.is_empty()) {
        Some(commit) => fl!(
            "doctor-version-commit",
            version = version,
            build = build,
            target = target(),
            commit = commit
        ),
        None => fl!("doctor-version", version = version, build = build, target = target()),
    };
    report.push("version", CheckStatus::Ok, detail);
}

/// The platform in the shape of a target triple's parts (`x86_64-linux-gnu`): the full triple
/// is only known to build scripts.
fn target() -> String {
    let abi = if cfg!(target_env = "gnu") {
        "-gnu"
    } else if cfg!(target_env = "musl") {
        "-musl"
    } else if cfg!(target_env = "msvc") {
        "-msvc"
    } else {
        ""
    };
    format!("{}-{}{abi}", std::env::consts::ARCH, std::env::consts::OS)
}

/// The operating system's name and the desktop session, which support asks first.
pub(super) fn system(report: &mut DoctorReport) {
    let unknown = fl!("doctor-unknown");
    let os = os_name().unwrap_or_else(|| std::env::consts::OS.to_owned());
    let var = |name| std::env::var(name).ok().filter(|value: &String| !value.trim().is_empty());
    let desktop = var("XDG_CURRENT_DESKTOP").unwrap_or_else(|| unknown.clone());
    let session = var("XDG_SESSION_TYPE").unwrap_or(unknown);
    let detail = fl!("doctor-system", os = os, desktop = desktop, session = session);
    report.push("system", CheckStatus::Ok, detail);
}

/// `PRETTY_NAME` from os-release (Linux and the BSDs), the name a person would recognise.
fn os_name() -> Option<String> {
    ["/etc/os-release", "/usr/lib/os-release"]
        .iter()
        .find_map(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| pretty_name(&text))
}

fn pretty_name(os_release: &str) -> Option<String> {
    os_release.lines().find_map(|line| {
        let value = line.strip_prefix("PRETTY_NAME=")?.trim();
        let value = value.trim_matches('"').trim_matches('\'');
        (!value.is_empty()).then(|| value.to_owned())
    })
}

/// The policy in force, in one line: how many rules the organisation and the user set, and
/// from which files. The rules themselves go with the report.
pub(super) fn policy(report: &mut DoctorReport, policy: &Policy) {
    let rules = policy.rules();
    let from = |source: &str| rules.iter().filter(|rule| rule.source.starts_with(source)).count();
    let file = |source: &str| {
        rules.iter().find(|rule| rule.source.starts_with(source)).and_then(|rule| rule.path.clone())
    };
    let none = fl!("doctor-policy-no-file");
    let detail = fl!(
        "doctor-policy",
        organisation = from("organisation"),
        organisation_file = file("organisation").unwrap_or_else(|| none.clone()),
        user = from("user"),
        user_file = file("user").unwrap_or(none)
    );
    report.push("policy", CheckStatus::Ok, detail);
    report.policy = rules;
}

/// No core dump and no same-user tracing (`process::harden`): a debug build run with
/// `ESTAFETTE_ALLOW_DEBUGGER` is told apart from a protection that failed.
pub(super) fn hardening(report: &mut DoctorReport) {
    let now = crate::process::hardening();
    let (status, detail) = match (now.no_core_dumps, now.not_traceable) {
        (true, true) => (CheckStatus::Ok, fl!("doctor-hardening-ok")),
        (false, _) => (CheckStatus::Failed, fl!("doctor-hardening-core-dumps")),
        (true, false) => (CheckStatus::Failed, fl!("doctor-hardening-traceable")),
    };
    report.push("hardening", status, detail);
}

/// The profile's data and cache folders, and everything in them, are the user's alone:
/// folders 0700 and files 0600 (nothing for the group or others), owned by this user.
pub(super) fn folders(report: &mut DoctorReport, profile: &Profile) {
    let mut open = Vec::new();
    for root in [&profile.data_dir, &profile.cache_dir] {
        collect_open(root, &mut open);
    }
    let Some(first) = open.first() else {
        report.push("permissions", CheckStatus::Ok, fl!("doctor-permissions-ok"));
        return;
    };
    let detail = match first {
        Finding::Mode(path, mode) => fl!(
            "doctor-permissions-open",
            path = path.display().to_string(),
            mode = format!("{mode:04o}"),
            more = open.len().saturating_sub(1)
        ),
        Finding::Owner(path) => fl!(
            "doctor-permissions-owner",
            path = path.display().to_string(),
            more = open.len().saturating_sub(1)
        ),
    };
    report.push("permissions", CheckStatus::Failed, detail);
}

/// A file or folder of the profile that is not private.
#[derive(Debug, PartialEq, Eq)]
enum Finding {
    /// The group or others have some access.
    Mode(PathBuf, u32),
    /// Someone else owns it.
    Owner(PathBuf),
}

/// Walks `path` (not following links) and notes what is open to others.
#[cfg(unix)]
fn collect_open(path: &Path, found: &mut Vec<Finding>) {
    use std::os::unix::fs::MetadataExt as _;
    let Ok(metadata) = std::fs::symlink_metadata(path) else { return };
    if metadata.file_type().is_symlink() {
        return;
    }
    // SAFETY: geteuid only reads the process's effective user id; it cannot fail.
    let me = unsafe { libc::geteuid() };
    if metadata.uid() != me {
        found.push(Finding::Owner(path.to_owned()));
    } else if let Some(finding) = mode_finding(path, metadata.mode()) {
        found.push(finding);
    }
    if metadata.is_dir()
        && let Ok(entries) = std::fs::read_dir(path)
    {
        for entry in entries.flatten() {
            collect_open(&entry.path(), found);
        }
    }
}

/// Windows keeps other users out of the profile through the folders' ACLs, not modes.
#[cfg(not(unix))]
fn collect_open(_path: &Path, _found: &mut Vec<Finding>) {}

/// Any access for the group or others is a finding.
fn mode_finding(path: &Path, mode: u32) -> Option<Finding> {
    let permissions = mode & 0o7777;
    (permissions & 0o077 != 0).then(|| Finding::Mode(path.to_owned(), permissions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pretty_name_is_read_quoted_or_not() {
        let text = "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n";
        assert_eq!(pretty_name(text).as_deref(), Some("Debian GNU/Linux 12 (bookworm)"));
        assert_eq!(pretty_name("PRETTY_NAME=Alpine").as_deref(), Some("Alpine"));
        assert_eq!(pretty_name("NAME=x\nPRETTY_NAME=\"\""), None);
    }

    #[test]
    fn only_private_modes_pass() {
        let path = Path::new("/p");
        assert_eq!(mode_finding(path, 0o40700), None);
        assert_eq!(mode_finding(path, 0o100600), None);
        assert_eq!(mode_finding(path, 0o40755), Some(Finding::Mode(path.into(), 0o755)));
        assert_eq!(mode_finding(path, 0o100604), Some(Finding::Mode(path.into(), 0o604)));
    }

    #[test]
    fn the_target_names_architecture_and_system() {
        let target = target();
        assert!(target.starts_with(std::env::consts::ARCH), "{target}");
        assert!(target.contains(std::env::consts::OS), "{target}");
    }

    #[cfg(unix)]
    #[test]
    fn an_open_folder_is_named_and_fails_the_check() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile::locate(Some(dir.path()), "default").unwrap();
        profile.create_dirs().unwrap();
        let mut report = DoctorReport::default();
        folders(&mut report, &profile);
        assert_eq!(report.checks[0].status, CheckStatus::Ok, "{:?}", report.checks);
        let perms = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(&profile.data_dir, perms).unwrap();
        let mut report = DoctorReport::default();
        folders(&mut report, &profile);
        let check = &report.checks[0];
        assert_eq!(check.status, CheckStatus::Failed);
        assert!(check.detail.contains(&profile.data_dir.display().to_string()), "{}", check.detail);
        assert!(check.detail.contains("0755"), "{}", check.detail);
    }
}
