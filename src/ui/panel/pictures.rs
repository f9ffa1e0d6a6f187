//! The pictures an open room shows inline, decoded, under a memory budget: a room of a
//! hundred photos keeps only the latest decoded ones, and one scrolled back into view is
//! decoded again from the encrypted media store (no new download).

use std::collections::{HashMap, VecDeque};

use iced::widget::image;

use crate::model::picture::Preview;

/// What the timeline draws in a picture's place.
#[derive(Debug, Clone)]
pub enum Slot {
    /// Asked for; a placeholder of its size meanwhile.
    Loading,
    Ready {
        handle: image::Handle,
        width: u32,
        height: u32,
    },
    /// It could not be fetched or read: the file card stays, with the reason.
    Failed(String),
}

/// The largest inline picture, in pixels: the timeline's column is about this wide.
pub const INLINE_WIDTH: u32 = 480;
pub const INLINE_HEIGHT: u32 = 360;

/// How much decoded pixel memory the pictures of one room may hold: about 45 inline ones,
/// several screens' worth (one scrolled back to after that is decoded again, from the
/// encrypted media store, in a few milliseconds).
pub const BUDGET: usize = 32 * 1024 * 1024;

#[derive(Debug)]
pub struct Pictures {
    slots: HashMap<String, Slot>,
    /// The decoded ones, oldest first, with their size in bytes: the first to go.
    decoded: VecDeque<(String, usize)>,
    used: usize,
    budget: usize,
}

impl Default for Pictures {
    fn default() -> Self {
        Self::with_budget(BUDGET)
    }
}

impl Pictures {
    pub fn with_budget(budget: usize) -> Self {
        Self { slots: HashMap::new(), decoded: VecDeque::new(), used: 0, budget }
    }

    pub fn slot(&self, event_id: &str) -> Option<&Slot> {
        self.slots.get(event_id)
    }

    /// Marks a picture as asked for; true when it must be fetched (not already there or on
    /// its way, and not failed).
    pub fn want(&mut self, event_id: &str) -> bool {
        if self.slots.contains_key(event_id) {
            return false;
        }
        self.slots.insert(event_id.to_owned(), Slot::Loading);
        true
    }

    /// Keeps a decoded picture, letting the oldest go while over the budget.
    pub fn loaded(&mut self, event_id: String, preview: Preview) {
        let bytes = preview.bytes();
        let (width, height) = (preview.width, preview.height);
        let handle = image::Handle::from_rgba(width, height, preview.rgba);
        self.forget(&event_id);
        self.slots.insert(event_id.clone(), Slot::Ready { handle, width, height });
        self.decoded.push_back((event_id, bytes));
        self.used += bytes;
        while self.used > self.budget && self.decoded.len() > 1 {
            if let Some((oldest, size)) = self.decoded.pop_front() {
                self.used -= size;
                self.slots.remove(&oldest);
            }
        }
    }

    pub fn failed(&mut self, event_id: String, reason: String) {
        self.forget(&event_id);
        self.slots.insert(event_id, Slot::Failed(reason));
    }

    /// The decoded pixel memory held now, in bytes.
    #[cfg(test)]
    pub fn used(&self) -> usize {
        self.used
    }

    fn forget(&mut self, event_id: &str) {
        if let Some(at) = self.decoded.iter().position(|(id, _)| id == event_id)
            && let Some((_, size)) = self.decoded.remove(at)
        {
            self.used -= size;
        }
        self.slots.remove(event_id);
    }
}

/// The size a picture of `dimensions` takes inline, scaled to fit (never up): the placeholder
/// before it loads has the same, so the timeline does not jump when it arrives.
pub fn inline_size(dimensions: Option<(u32, u32)>) -> (f32, f32) {
    let (width, height) = dimensions.filter(|(w, h)| *w > 0 && *h > 0).unwrap_or((320, 200));
    let scale = (INLINE_WIDTH as f32 / width as f32).min(INLINE_HEIGHT as f32 / height as f32);
    let scale = scale.min(1.0);
    ((width as f32 * scale).round(), (height as f32 * scale).round())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preview(side: u32) -> Preview {
        Preview { width: side, height: side, rgba: vec![0; (side * side * 4) as usize] }
    }

    #[test]
    fn the_oldest_pictures_go_first_beyond_the_budget() {
        let mut pictures = Pictures::with_budget(3 * 100 * 100 * 4);
        for n in 0..5 {
            let id = format!("$p{n}");
            assert!(pictures.want(&id));
            assert!(!pictures.want(&id), "asked once");
            pictures.loaded(id, preview(100));
        }
        assert_eq!(pictures.used(), 3 * 100 * 100 * 4);
        assert!(pictures.slot("$p0").is_none() && pictures.slot("$p1").is_none());
        assert!(matches!(pictures.slot("$p4"), Some(Slot::Ready { width: 100, .. })));
        assert!(pictures.want("$p0"), "one scrolled back into view is fetched again");
    }

    #[test]
    fn a_placeholder_has_the_size_the_picture_will_have() {
        assert_eq!(inline_size(Some((4000, 3000))), (480.0, 360.0));
        assert_eq!(inline_size(Some((1000, 4000))), (90.0, 360.0));
        assert_eq!(inline_size(Some((200, 100))), (200.0, 100.0), "never scaled up");
        assert_eq!(inline_size(None), (320.0, 200.0));
        assert_eq!(inline_size(Some((0, 10))), (320.0, 200.0));
    }
}
