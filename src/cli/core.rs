//! Runs one command against the core: start it, let it sync enough to be current, act, stop.

use std::future::Future;
use std::process::ExitCode;
use std::time::Duration;

use super::output::fail;
use crate::fl;
use crate::matrix::{self, Handle, MatrixError};
use crate::policy::Policy;
use crate::profile::Profile;

tokio::task_local! {
    /// The running app's core, while it serves a command for the command line (`serve`).
    pub(super) static SERVED: Handle;
}

/// How long a command waits for the first sync before working from what it has.
const SYNC_WAIT: Duration = Duration::from_secs(30);

/// How long a command waits for queued messages to go out before it exits.
const FLUSH_WAIT: Duration = Duration::from_secs(10);

/// Starts the core, waits for the room list (or warns that the server cannot be reached),
/// runs `act`, then stops the sync and saves the tokens in use.
pub async fn with_core<F, Fut>(profile: &Profile, policy: &Policy, act: F) -> ExitCode
where
    F: FnOnce(Handle) -> Fut,
    Fut: Future<Output = Result<ExitCode, MatrixError>>,
{
    // Served by the running app: its core, already syncing, does the work, and stays up.
    if let Ok(handle) = SERVED.try_with(Handle::clone) {
        let outcome = act(handle.clone()).await;
        handle.flush_queue(FLUSH_WAIT).await;
        return outcome.unwrap_or_else(|error| fail(&error));
    }
    let handle = match matrix::start(profile, policy.clone()).await {
        // A short command raises no new-login alert: with nobody listening, the core leaves
        // new sessions unrecorded, for the desktop app or `devices watch` to raise.
        Ok((handle, events)) => {
            drop(events);
            handle
        }
        Err(error) => return fail(&error),
    };
    if let Err(error) = handle.synced(SYNC_WAIT).await {
        complain!("estafette: {}", fl!("warning-offline", cause = error.to_string()));
    }
    let outcome = act(handle.clone()).await;
    // Messages queued by this run or an earlier one go out before the process ends, if the
    // server lets them; those that cannot stay queued for the next run.
    handle.flush_queue(FLUSH_WAIT).await;
    let stopped = handle.shutdown().await;
    match (outcome, stopped) {
        (Ok(code), Ok(())) => code,
        (Err(error), _) | (Ok(_), Err(error)) => fail(&error),
    }
}
