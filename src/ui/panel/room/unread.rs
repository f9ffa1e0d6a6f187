//! Where the reader left off in the open room: the "new messages" divider, pinned above the
//! first unread message when the room opens (it does not move while the room is read), and
//! when the newest message counts as seen, which is when the room is marked read (not when
//! it is merely opened, scrolled back in the history).

use crate::model::ChatMessage;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unread {
    /// The message after which the divider stands, once pinned.
    divider: Option<String>,
    pinned: bool,
    /// Where the read receipt was when the room opened (outer `None`: not known yet): the
    /// divider waits for that message to be loaded, even if the receipt moves meanwhile.
    anchor: Option<Option<String>>,
    /// The newest message already marked read.
    marked: Option<String>,
    /// The reader's view is at the bottom of the newest messages.
    away_from_bottom: bool,
}

impl Unread {
    /// Pins the divider after the message the read receipt was on when the room opened, when
    /// someone else wrote after it; waits while that message is not loaded yet (the room
    /// opens on its newest messages and pages back), up to the room's start.
    pub fn pin(&mut self, messages: &[ChatMessage], read_up_to: Option<&str>, at_start: bool) {
        if self.pinned || messages.is_empty() {
            return;
        }
        let anchor = self.anchor.get_or_insert_with(|| read_up_to.map(ToOwned::to_owned));
        let Some(read) = anchor.clone() else {
            self.pinned = true;
            return;
        };
        let Some(at) = messages.iter().position(|m| m.event_id.as_deref() == Some(&read)) else {
            self.pinned = at_start;
            return;
        };
        self.pinned = true;
        if messages[at + 1..].iter().any(|m| !m.own && m.happening.is_none()) {
            self.divider = Some(read);
        }
    }

    /// The message the divider follows.
    #[cfg(test)]
    pub fn divider(&self) -> Option<&str> {
        self.divider.as_deref()
    }

    /// The index of the first unread message in `messages`.
    pub fn first_unread(&self, messages: &[ChatMessage]) -> Option<usize> {
        let divider = self.divider.as_deref()?;
        let at = messages.iter().position(|m| m.event_id.as_deref() == Some(divider))?;
        (at + 1 < messages.len()).then_some(at + 1)
    }

    /// The reader scrolled: at the bottom of the newest messages, or away from it.
    pub fn scrolled(&mut self, at_bottom: bool) {
        self.away_from_bottom = !at_bottom;
    }

    /// Whether the newest message has just come into the reader's view (the window shows the
    /// newest rows and the view is at their bottom) and is not marked read yet.
    pub fn newly_seen(&mut self, messages: &[ChatMessage], newest_laid_out: bool) -> bool {
        if self.away_from_bottom || !newest_laid_out {
            return false;
        }
        let newest = messages.iter().rev().find_map(|m| m.event_id.clone());
        if newest.is_none() || newest == self.marked {
            return false;
        }
        self.marked = newest;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panel::room::tests::said;

    #[test]
    fn the_divider_stands_after_the_last_message_read_and_stays_there() {
        let messages = vec![said("$1", "@b:x", "old", false), said("$2", "@b:x", "new", false)];
        let mut unread = Unread::default();
        // The room opens on its newest message; the one read is not loaded yet.
        unread.pin(&messages[1..], Some("$1"), false);
        assert_eq!(unread.divider(), None, "waits for it");
        // The receipt moved meanwhile (the newest was seen): the divider stays where it was.
        unread.pin(&messages, Some("$2"), false);
        assert_eq!(unread.divider(), Some("$1"));
        assert_eq!(unread.first_unread(&messages), Some(1));
        unread.pin(&messages, Some("$2"), false);
        assert_eq!(unread.divider(), Some("$1"), "pinned when the room opened");
    }

    #[test]
    fn no_divider_when_all_is_read_or_only_ones_own_follows() {
        let mut read = Unread::default();
        read.pin(&[said("$1", "@b:x", "old", false)], Some("$1"), false);
        assert_eq!(read.divider(), None);
        let mut own = Unread::default();
        let mine = [said("$1", "@b:x", "old", false), said("$2", "@me:x", "mine", true)];
        own.pin(&mine, Some("$1"), false);
        assert_eq!(own.divider(), None);
        let mut gone = Unread::default();
        gone.pin(&[said("$9", "@b:x", "new", false)], Some("$1"), true);
        assert_eq!(gone.divider(), None, "the message read is not in the room any more");
        assert!(gone.pinned);
    }

    #[test]
    fn the_room_is_marked_read_once_its_newest_message_is_seen() {
        let mut messages = vec![said("$1", "@b:x", "hello", false)];
        let mut unread = Unread::default();
        assert!(!unread.newly_seen(&messages, false), "the newest rows are not laid out");
        unread.scrolled(false);
        assert!(!unread.newly_seen(&messages, true), "scrolled back in the history");
        unread.scrolled(true);
        assert!(unread.newly_seen(&messages, true));
        assert!(!unread.newly_seen(&messages, true), "once");
        messages.push(said("$2", "@b:x", "again", false));
        assert!(unread.newly_seen(&messages, true), "a new message, seen at the bottom");
    }
}
