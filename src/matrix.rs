//! The only code that names the Matrix SDK: builds the client over the encrypted stores, logs in,
//! restores, logs out, and turns what the SDK says into `model` types and clear errors.

mod around;
mod attach;
mod auth;
mod client;
mod compose;
mod device_lists;
mod devices;
mod directory;
mod doctor;
mod download;
mod error;
mod event;
mod faces;
mod handle;
mod happening;
#[cfg(test)]
mod hostile;
mod html;
mod identity;
mod index;
mod landed;
mod me;
mod members;
mod mention;
mod names;
mod notifications;
mod password;
mod people;
mod reauth;
mod recent;
mod recovery;
mod rooms;
mod send;
mod session;
mod settings;
mod spaces;
mod sso;
mod start;
mod thread;
mod timeline;
mod transport;
mod verification;

/// The stack of each thread that runs the core. The SDK parses a message's HTML into a tree
/// and drops it recursively, a stack frame per level of nesting (ruma-html, whose parser sets
/// no limit): one 64 KiB event of `<b>` nested 21 000 deep overflows the 2 MiB of a default
/// tokio worker, and the whole app aborts (review T1). 16 MiB holds the deepest body a
/// 64 KiB event can carry several times over; it is address space, used only when touched.
pub const WORKER_STACK: usize = 16 * 1024 * 1024;

/// A tokio runtime for the core: every worker with `WORKER_STACK` of stack.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    core_runtime().build()
}

/// The runtime for the core of the desktop app: as `runtime`, with its threads below the
/// window's (`process::lower_this_thread`), so that syncing and indexing history never take
/// the core from drawing.
pub fn runtime_below_the_window() -> std::io::Result<tokio::runtime::Runtime> {
    core_runtime().on_thread_start(crate::process::lower_this_thread).build()
}

fn core_runtime() -> tokio::runtime::Builder {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    builder.enable_all().thread_stack_size(WORKER_STACK);
    builder
}

/// The SDK's log targets whose `debug` lines carry message content (the send queue names an
/// attachment's file): logging keeps them at `info` at most.
pub const CONTENT_AT_DEBUG: &[&str] = &["matrix_sdk::send_queue::upload"];

pub use attach::{Transfer, TransferStep, file_to_send};
pub use auth::{LoginRequest, ServerLogout, login, login_methods, logout, session_allowed};
pub use doctor::doctor;
pub use download::PictureSize;
pub use error::MatrixError;
pub(crate) use error::sdk_error;
pub use event::{Event, Events};
pub use handle::{Handle, ListProgress};
pub use identity::UnverifiedSession;
pub use reauth::ProofWays;
pub use send::Sent;
pub use session::Session;
pub use sso::{SsoCancel, SsoRequest, login_sso, open_browser};
pub use start::{run, start, start_session};
pub use timeline::Rows;
pub use verification::{qr_png, qr_text};

#[cfg(test)]
mod tests {
    /// The desktop app's core runs below the window's thread, its blocking work too; the
    /// command line's runtime keeps the usual priority.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_desktop_cores_threads_run_below_the_window() {
        use crate::process::this_threads_nice as nice;
        let window = nice();
        let runtime = super::runtime_below_the_window().expect("a runtime");
        let worker = runtime.block_on(async { tokio::spawn(async { nice() }).await });
        let blocking = runtime.block_on(runtime.spawn_blocking(nice));
        assert!(worker.expect("ran") > window, "a worker runs below the window");
        assert!(blocking.expect("ran") > window, "so does blocking work");
        assert_eq!(nice(), window, "the window's thread keeps its priority");
        let plain = super::runtime().expect("a runtime");
        let worker = plain.block_on(async { tokio::spawn(async { nice() }).await });
        assert_eq!(worker.expect("ran"), window, "the command line's core is not lowered");
    }
}
