//! Startup milestones: logged once each at `info`, with the milliseconds since the process
//! started, so that benchmarks and support read from the log how long each step took.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();
/// The milestones already logged, one bit each: a window reopened or a second room list
/// snapshot is not a new startup.
static SEEN: AtomicU8 = AtomicU8::new(0);

/// A step of the desktop app's startup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestone {
    /// The window exists on screen.
    WindowShown,
    /// The saved session is restored and the sync started.
    SessionRestored,
    /// The first room list is on screen (from the local cache on a warm start).
    RoomListReady,
    /// The server's room list has been received in full.
    RoomListComplete,
}

impl Milestone {
    fn name(self) -> &'static str {
        match self {
            Self::WindowShown => "window-shown",
            Self::SessionRestored => "session-restored",
            Self::RoomListReady => "room-list-ready",
            Self::RoomListComplete => "room-list-complete",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Marks the process start; call first thing in `main`.
pub fn begin() {
    START.get_or_init(Instant::now);
}

/// Logs a milestone the first time it is reached, with the room count when there is one.
pub fn reached(milestone: Milestone, rooms: Option<usize>) {
    if SEEN.fetch_or(milestone.bit(), Ordering::Relaxed) & milestone.bit() != 0 {
        return;
    }
    let elapsed_ms = START.get_or_init(Instant::now).elapsed().as_millis() as u64;
    match rooms {
        Some(rooms) => {
            tracing::info!(milestone = milestone.name(), elapsed_ms, rooms, "startup")
        }
        None => tracing::info!(milestone = milestone.name(), elapsed_ms, "startup"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_milestone_has_its_own_bit() {
        let all = [
            Milestone::WindowShown,
            Milestone::SessionRestored,
            Milestone::RoomListReady,
            Milestone::RoomListComplete,
        ];
        let bits: u8 = all.iter().map(|m| m.bit()).fold(0, |a, b| a | b);
        assert_eq!(bits.count_ones() as usize, all.len());
    }
}
