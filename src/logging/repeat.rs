//! Repeated lines held back: a library caught in an error loop logs the same line thousands of
//! times a second, which fills the disk and buries what support needs. Each distinct warning
//! or error (same call site, same fields) passes [`BURST`] times per [`WINDOW`], then waits.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash as _, Hasher as _};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer};

/// How many times one line may appear in a window.
pub const BURST: u32 = 10;
/// The window over which repeats are counted.
pub const WINDOW: Duration = Duration::from_secs(60);
/// Lines remembered before old windows are forgotten.
const REMEMBERED: usize = 4096;

/// A layer that disables an event when the same line was already logged `BURST` times in the
/// current window, for every output at once.
#[derive(Default)]
pub struct Repeats {
    seen: Mutex<HashMap<u64, (Instant, u32)>>,
}

impl Repeats {
    /// Whether the line `key` may be logged at `now`.
    fn allow(&self, key: u64, now: Instant) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        if seen.len() >= REMEMBERED {
            seen.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
        let entry = seen.entry(key).or_insert((now, 0));
        if now.duration_since(entry.0) >= WINDOW {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        entry.1 <= BURST
    }
}

impl<S: Subscriber> Layer<S> for Repeats {
    fn event_enabled(&self, event: &Event<'_>, _cx: Context<'_, S>) -> bool {
        // Loops that fill disks log warnings and errors; the rest pass without the hashing.
        if *event.metadata().level() > tracing::Level::WARN {
            return true;
        }
        let mut hasher = DefaultHasher::new();
        event.metadata().callsite().hash(&mut hasher);
        event.record(&mut Fields(&mut hasher));
        self.allow(hasher.finish(), Instant::now())
    }
}

/// Feeds every field of an event to the hasher.
struct Fields<'a>(&'a mut DefaultHasher);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        field.name().hash(self.0);
        format!("{value:?}").hash(self.0);
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        field.name().hash(self.0);
        value.hash(self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_passes_a_burst_per_window_then_waits() {
        let repeats = Repeats::default();
        let start = Instant::now();
        let passed = (0..1000).filter(|_| repeats.allow(7, start)).count();
        assert_eq!(passed, BURST as usize);
        // Another line is not held back by the first one's repeats.
        assert!(repeats.allow(8, start));
        // A new window lets it through again, a burst's worth.
        let later = start + WINDOW;
        assert_eq!((0..1000).filter(|_| repeats.allow(7, later)).count(), BURST as usize);
    }

    #[test]
    fn the_memory_of_lines_stays_bounded() {
        let repeats = Repeats::default();
        let start = Instant::now();
        for key in 0..(REMEMBERED as u64 * 3) {
            repeats.allow(key, start + WINDOW * (key as u32 / 100));
        }
        assert!(repeats.seen.lock().unwrap().len() <= REMEMBERED + 100);
    }
}
