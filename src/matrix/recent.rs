//! The timelines of the rooms opened lately, the least recently opened let go beyond a
//! number: a working day of switching rooms keeps a few in memory, not every one ever opened
//! (measured: 40 rooms opened one after another took 127 → 145 MB, never given back).

use std::collections::VecDeque;

/// How many rooms keep their timeline after being left: enough to switch back and forth
/// between the conversations of the moment without waiting.
pub(crate) const KEPT: usize = 8;

/// Values by room id, the most recently used last.
#[derive(Debug)]
pub(crate) struct Recent<T> {
    entries: VecDeque<(String, T)>,
    keep: usize,
}

impl<T> Default for Recent<T> {
    fn default() -> Self {
        Self::keeping(KEPT)
    }
}

impl<T> Recent<T> {
    pub(crate) fn keeping(keep: usize) -> Self {
        Self { entries: VecDeque::new(), keep: keep.max(1) }
    }
}

impl<T: Clone> Recent<T> {
    /// The value for `room`, now the most recent.
    pub(crate) fn get(&mut self, room: &str) -> Option<T> {
        let at = self.entries.iter().position(|(id, _)| id == room)?;
        let entry = self.entries.remove(at)?;
        let value = entry.1.clone();
        self.entries.push_back(entry);
        Some(value)
    }

    /// Keeps `value` for `room` as the most recent, letting the least recent go beyond the
    /// number kept.
    pub(crate) fn insert(&mut self, room: String, value: T) {
        self.entries.retain(|(id, _)| *id != room);
        self.entries.push_back((room, value));
        while self.entries.len() > self.keep {
            self.entries.pop_front();
        }
    }

    #[cfg(test)]
    fn rooms(&self) -> Vec<&str> {
        self.entries.iter().map(|(id, _)| id.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_opened_room_goes_first() {
        let mut recent = Recent::keeping(2);
        recent.insert("!a".into(), 1);
        recent.insert("!b".into(), 2);
        assert_eq!(recent.get("!a"), Some(1), "opened again: now the most recent");
        recent.insert("!c".into(), 3);
        assert_eq!(recent.rooms(), ["!a", "!c"]);
        assert_eq!(recent.get("!b"), None, "let go");
        recent.insert("!a".into(), 4);
        assert_eq!(recent.rooms(), ["!c", "!a"], "replaced, not doubled");
    }
}
