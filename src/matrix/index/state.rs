//! The crawler's state in the core, apart from the crawler itself so that the handle can hold
//! it without depending on what the crawler depends on.

use std::collections::HashSet;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// How recent an action counts as using the app.
const ACTIVE_FOR: Duration = Duration::from_secs(5);

/// The crawler's state in the core: one crawl at a time (the command line's `search` and the
/// background one take turns), and when the person last did something.
#[derive(Default)]
pub(crate) struct Crawl {
    run: tokio::sync::Mutex<ThisRun>,
    last_active: AtomicI64,
}

impl Crawl {
    /// The person did something: the crawler slows down for a while.
    pub(crate) fn touch(&self) {
        self.last_active.store(now_ms(), Ordering::Relaxed);
    }

    /// This run's knowledge, held for one piece of work at a time.
    pub(super) async fn this_run(&self) -> tokio::sync::MutexGuard<'_, ThisRun> {
        self.run.lock().await
    }

    pub(super) fn active(&self) -> bool {
        let since = now_ms() - self.last_active.load(Ordering::Relaxed);
        since < i64::try_from(ACTIVE_FOR.as_millis()).unwrap_or(i64::MAX)
    }
}

/// What the crawler knows only for this run.
#[derive(Default)]
pub(super) struct ThisRun {
    /// Rooms whose messages since the last run are read.
    pub(super) caught_up: HashSet<String>,
    /// Rooms the server would not page (left since, or forbidden): not retried this run.
    pub(super) skipped: HashSet<String>,
    /// Messages it could not decrypt that were fetched again this run.
    pub(super) retried: HashSet<String>,
    /// Rooms whose keys were asked of the backup this run.
    pub(super) keys_fetched: HashSet<String>,
}

impl ThisRun {
    /// A room whose history the server would not give: left alone for the rest of this run.
    pub(super) fn skip(&mut self, room: String, error: &dyn std::fmt::Display) {
        tracing::info!(%error, "a room's history cannot be read; skipped for this run");
        self.skipped.insert(room);
    }
}

fn now_ms() -> i64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    since.map_or(0, |since| i64::try_from(since.as_millis()).unwrap_or(i64::MAX))
}
