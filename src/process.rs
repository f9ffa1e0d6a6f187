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

/// How far below the window's thread the core's threads run: `nice` 10 (a tenth of the
/// core when both want it), not the idle class, so that the sync and the index still move
/// on a machine busy with something else.
#[cfg(any(target_os = "linux", target_os = "android"))]
const BACKGROUND_NICE: libc::c_int = 10;

/// Lowers the calling thread's priority, and so that of the threads it starts (Linux keeps
/// it per thread, and a new thread takes its creator's). The desktop app's core runs so:
/// its sync, decryption and the crawl of history that fills the search index yield the
/// core to the window whenever both want it (#18: frames under 8 ms while crawling).
/// Elsewhere, or when it fails, the thread keeps its priority.
pub fn lower_this_thread() {
    platform::lower_this_thread();
}

/// The calling thread's `nice` value (Linux), for the tests.
#[cfg(all(test, any(target_os = "linux", target_os = "android")))]
pub(crate) fn this_threads_nice() -> libc::c_int {
    // SAFETY: getpriority only reads the calling thread's nice value (who = 0 is this thread).
    unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
}

#[cfg(unix)]
mod platform {
    use super::Hardening;

    /// Lowers the calling thread's priority (on Linux `setpriority` with `who = 0` changes
    /// this thread only, not the process). A failure leaves it as it was: the work still runs.
    pub fn lower_this_thread() {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        // SAFETY: getpriority and setpriority take plain integers; they read and change the
        // calling thread's nice value. Never raised: a thread already lower stays so.
        unsafe {
            let now = libc::getpriority(libc::PRIO_PROCESS, 0);
            libc::setpriority(libc::PRIO_PROCESS, 0, now.max(super::BACKGROUND_NICE));
        }
    }

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

    pub fn lower_this_thread() {}

    // Windows keeps crash dumps only when Windows Error Reporting is set up to collect them
    // (LocalDumps): the MSI recipe leaves that off for Estafette.
    pub fn harden() {}

    pub fn hardening() -> Hardening {
        Hardening { no_core_dumps: false, not_traceable: false }
    }
}

#[cfg(test)]
mod tests {
    /// A thread that lowers itself runs below its creator, so do the threads it starts, and
    /// the creator keeps its priority.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[test]
    fn a_lowered_thread_and_those_it_starts_run_below_the_others() {
        let caller = super::this_threads_nice();
        let lowered = std::thread::spawn(|| {
            super::lower_this_thread();
            let started = std::thread::spawn(super::this_threads_nice).join().ok();
            (super::this_threads_nice(), started)
        });
        let (own, started) = lowered.join().expect("the thread ran");
        assert_eq!(own, caller.max(super::BACKGROUND_NICE));
        assert!(own > 0, "below the window's thread");
        assert_eq!(started, Some(own), "inherited by the threads it starts");
        assert_eq!(super::this_threads_nice(), caller, "the others are left as they were");
    }
}
