//! The process's own protection, set before anything else runs: no core dump and no
//! same-user tracing, since the memory of a running client holds the session's tokens, the
//! store key, the room keys and decrypted messages. A crash must leave none of them in
//! `/var/lib/systemd/coredump`, apport or ABRT, and another program of the same user must not
//! read them through `ptrace` or `/proc/PID/mem`.

/// What the process's protection is, for the doctor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hardening {
    /// The core file size limit is zero, hard and soft: no dump is ever written.
    pub no_core_dumps: bool,
    /// Linux: the process is not dumpable, so same-user processes cannot trace it or read
    /// its memory (other systems: true when the equivalent was set).
    pub not_traceable: bool,
}

impl Hardening {
    pub fn complete(self) -> bool {
        self.no_core_dumps && self.not_traceable
    }
}

/// Turns core dumps and tracing off for the whole process. Debug builds keep them when
/// `ESTAFETTE_ALLOW_DEBUGGER` is set, for a developer with a debugger; release builds always
/// turn them off.
pub fn harden() {
    #[cfg(debug_assertions)]
    if std::env::var_os("ESTAFETTE_ALLOW_DEBUGGER").is_some() {
        return;
    }
    platform::harden();
}

/// The protection in force now.
pub fn hardening() -> Hardening {
    platform::hardening()
}

/// From now on, a panic goes to the log, not to stderr. Called once the work is done and the
/// runtime is about to be dropped: dropping it drops the SDK's background tasks, and one of
/// them can unwrap the `Cancelled` a blocking task returns at that moment (matrix-sdk-sqlite's
/// `set_kv`). Such a panic changes nothing already done; after a command's one line on stderr
/// it would only read as a crash. The log gets its place, never its payload, which may hold
/// anything.
pub fn teardown_panics_to_the_log() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(ToString::to_string).unwrap_or_default();
        let what = info.payload_as_str().unwrap_or_default();
        // At `info`: the file keeps it for support, the terminal (warnings) stays quiet.
        tracing::info!(target: "estafette::teardown", %place, what, "a background task panicked at shutdown");
    }));
}

#[cfg(unix)]
mod platform {
    use super::Hardening;

    pub fn harden() {
        let zero = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: setrlimit reads the struct it is given and changes only this process's
        // limits; a failure leaves them as they were (reported by the doctor).
        unsafe {
            libc::setrlimit(libc::RLIMIT_CORE, &zero);
        }
        #[cfg(any(target_os = "linux", target_os = "android"))]
        // SAFETY: PR_SET_DUMPABLE takes plain integers and changes a flag of this process.
        unsafe {
            libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
        }
        #[cfg(target_os = "macos")]
        // SAFETY: PT_DENY_ATTACH takes no address or data; it only marks this process.
        unsafe {
            libc::ptrace(libc::PT_DENY_ATTACH, 0, std::ptr::null_mut(), 0);
        }
    }

    pub fn hardening() -> Hardening {
        let mut limit = libc::rlimit { rlim_cur: 1, rlim_max: 1 };
        // SAFETY: getrlimit writes into the struct it is given.
        let read = unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) } == 0;
        let no_core_dumps = read && limit.rlim_cur == 0 && limit.rlim_max == 0;
        #[cfg(any(target_os = "linux", target_os = "android"))]
        // SAFETY: PR_GET_DUMPABLE only reads a flag of this process.
        let not_traceable = unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) } == 0;
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        let not_traceable = no_core_dumps;
        Hardening { no_core_dumps, not_traceable }
    }
}

#[cfg(not(unix))]
mod platform {
    use super::Hardening;

    // Windows keeps crash dumps only when Windows Error Reporting is set up to collect them
    // (LocalDumps): the MSI recipe leaves that off for Estafette.
    pub fn harden() {}

    pub fn hardening() -> Hardening {
        Hardening { no_core_dumps: false, not_traceable: false }
    }
}
