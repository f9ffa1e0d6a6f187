//! What a search finds and how far the index has got: plain types for both front ends.

use serde::Serialize;

/// A message that matched a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub room_id: String,
    pub room_name: String,
    pub event_id: String,
    pub sender_id: String,
    /// The sender's name in the room, when they have one.
    pub sender_name: Option<String>,
    /// Sent at, in milliseconds since the epoch (an edited message: when it was edited).
    pub sent: u64,
    pub body: String,
    /// Byte ranges of `body` holding the words searched for, to highlight.
    pub marks: Vec<(usize, usize)>,
}

impl SearchHit {
    /// The body cut into runs, each marked or not, in order: what a view highlights.
    pub fn runs(&self) -> Vec<(&str, bool)> {
        let mut runs = Vec::new();
        let mut at = 0;
        for &(start, end) in &self.marks {
            let (Some(before), Some(marked)) =
                (self.body.get(at..start), self.body.get(start..end))
            else {
                continue;
            };
            if !before.is_empty() {
                runs.push((before, false));
            }
            runs.push((marked, true));
            at = end;
        }
        if let Some(rest) = self.body.get(at..).filter(|rest| !rest.is_empty()) {
            runs.push((rest, false));
        }
        runs
    }
}

/// How far the crawler has read the history of the account's rooms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IndexProgress {
    /// Rooms whose whole history is indexed.
    pub rooms_done: usize,
    /// Rooms the account is in.
    pub rooms: usize,
    /// Messages in the index.
    pub messages: u64,
}

impl IndexProgress {
    pub fn complete(&self) -> bool {
        self.rooms_done >= self.rooms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(body: &str, marks: Vec<(usize, usize)>) -> SearchHit {
        SearchHit {
            room_id: "!r".into(),
            room_name: "R".into(),
            event_id: "$e".into(),
            sender_id: "@a:b".into(),
            sender_name: None,
            sent: 0,
            body: body.into(),
            marks,
        }
    }

    #[test]
    fn runs_alternate_plain_and_marked_text() {
        let found = hit("la réunion de jeudi", vec![(3, 11), (15, 20)]);
        assert_eq!(
            found.runs(),
            [("la ", false), ("réunion", true), (" de ", false), ("jeudi", true)]
        );
        assert_eq!(hit("abc", vec![]).runs(), [("abc", false)]);
        // A range that does not fall on the text's characters is left out, not a panic.
        assert_eq!(hit("é", vec![(1, 2)]).runs(), [("é", false)]);
    }
}
