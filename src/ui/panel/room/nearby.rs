//! Which laid-out rows are near what the reader sees: only their pictures are fetched, so a
//! room of fifty photos opened at its newest fetches and decodes a few screens' worth, not
//! all fifty at once. Heights are only known after layout, so each row's is estimated (a
//! picture's from its size, text from its length) and the estimates are scaled to the
//! content's real height.

use std::ops::Range;

use crate::model::ChatMessage;
use crate::ui::panel::gallery::is_picture;
use crate::ui::panel::pictures::inline_size;

/// The visible part of the timeline, in pixels counted from the bottom of the laid-out rows
/// (the timeline is anchored at the newest message).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seen {
    pub from_bottom: f32,
    pub height: f32,
    pub content_height: f32,
}

impl Default for Seen {
    /// Before the first viewport: the bottom of a window of a laptop's height.
    fn default() -> Self {
        Self { from_bottom: 0.0, height: 800.0, content_height: 0.0 }
    }
}

/// The indices among `rows` (oldest first) that lie within one screen of what is seen.
pub fn near(rows: &[ChatMessage], seen: Seen) -> Range<usize> {
    let estimates: Vec<f32> = rows.iter().map(estimated_height).collect();
    let total: f32 = estimates.iter().sum();
    let scale =
        if seen.content_height > 0.0 && total > 0.0 { seen.content_height / total } else { 1.0 };
    let (low, high) = (seen.from_bottom - seen.height, seen.from_bottom + 2.0 * seen.height);
    let (mut first, mut last) = (rows.len(), 0);
    let mut bottom = 0.0;
    for (index, estimate) in estimates.iter().enumerate().rev() {
        let top = bottom + estimate * scale;
        if top >= low && bottom <= high {
            first = first.min(index);
            last = last.max(index + 1);
        }
        bottom = top;
    }
    if first >= last { 0..0 } else { first..last }
}

/// About how tall a row is drawn: its picture, or its text wrapped in a column of about 80
/// characters, under the sender's name.
fn estimated_height(message: &ChatMessage) -> f32 {
    const LINE: f32 = 20.0;
    const FRAME: f32 = 36.0;
    if is_picture(message) {
        let dimensions = message.attachment.as_ref().and_then(|file| file.dimensions);
        return inline_size(dimensions).1 + FRAME;
    }
    let characters = message.body.as_deref().map_or(0, |body| body.chars().count());
    FRAME + LINE * (1 + characters / 80) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::panel::gallery::tests::picture;
    use crate::ui::panel::room::tests::said;

    fn photo(n: usize) -> ChatMessage {
        picture(&format!("$p{n}"), false)
    }

    #[test]
    fn at_the_newest_only_the_last_screens_of_fifty_photos_are_near() {
        let photos: Vec<ChatMessage> = (0..50).map(photo).collect();
        // Each is drawn 396 px high: 50 of them are 19 800 px of content.
        let seen = Seen { from_bottom: 0.0, height: 700.0, content_height: 19_800.0 };
        let near = near(&photos, seen);
        assert_eq!(near.end, 50, "the newest is seen");
        assert!((44..=46).contains(&near.start), "two screens' worth: {near:?}");
    }

    #[test]
    fn scrolled_back_the_rows_near_the_view_are_the_older_ones() {
        let photos: Vec<ChatMessage> = (0..50).map(photo).collect();
        let seen = Seen { from_bottom: 10_000.0, height: 700.0, content_height: 19_800.0 };
        let near = near(&photos, seen);
        assert!(near.end < 30 && near.start > 15, "{near:?}");
    }

    #[test]
    fn before_any_viewport_a_screen_of_text_is_near_and_nothing_breaks_on_none() {
        let texts: Vec<ChatMessage> =
            (0..100).map(|n| said(&format!("$t{n}"), "@m:x", "Bonjour", false)).collect();
        let near = near(&texts, Seen::default());
        assert_eq!(near.end, 100);
        assert!(near.start > 0, "not all hundred: {near:?}");
        assert_eq!(super::near(&[], Seen::default()), 0..0);
    }
}
