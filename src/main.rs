//! The `estafette` binary: the command line, and (with no command) the desktop app.

use std::process::ExitCode;

fn main() -> ExitCode {
    restrict_new_files();
    estafette::cli::main()
}

/// Every file and folder this process creates (stores, logs, their journals) is private to the
/// user from the start, whatever the login session's umask.
#[cfg(unix)]
fn restrict_new_files() {
    // SAFETY: umask only swaps the process file-mode mask; it cannot fail and touches no memory.
    unsafe {
        libc::umask(0o077);
    }
}

#[cfg(not(unix))]
fn restrict_new_files() {}
