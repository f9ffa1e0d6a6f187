//! The `estafette` binary: the command line, and (with no command) the desktop app.

use std::process::ExitCode;

fn main() -> ExitCode {
    // First of all: nothing this process will hold in memory may end up in a core dump.
    estafette::process::harden();
    estafette::allocator::give_memory_back();
    estafette::startup::begin();
    estafette::ui::prefer_software_renderer();
    restrict_new_files();
    match estafette::cli::main() {
        estafette::cli::Outcome::Exit(code) => code,
        estafette::cli::Outcome::Desktop(launch) => match estafette::ui::run(*launch) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("estafette: {error}");
                ExitCode::FAILURE
            }
        },
    }
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
