//! Which rows of a long timeline are laid out: a window of at most `MAX` messages that slides
//! as the reader scrolls, so a room of 10 000 events costs what a room of 150 does.
//!
//! The timeline scrolls anchored at the bottom (the newest message). Under that anchor, rows
//! added or removed at the *top* of the content leave the view where it is, but a change at
//! the *bottom* moves it by the height added or removed. Heights are only known after layout,
//! so a bottom change is followed by one scroll of exactly the content's change in height,
//! read from the next viewport. Top and bottom never change in the same step.

/// Rows laid out when a room opens.
pub const INITIAL: usize = 60;
/// Rows added or removed in one step.
pub const STEP: usize = 50;
/// The most rows laid out at once.
pub const MAX: usize = 150;
/// How close (pixels) to an edge of the laid-out rows the view may come before the window moves.
const MARGIN: f32 = 600.0;

/// Where the reader is in the laid-out rows, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub from_top: f32,
    pub from_bottom: f32,
    pub content_height: f32,
}

/// What the pane must do after the window moved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// Nothing.
    Stay,
    /// Scroll by this many pixels (positive: towards older messages) to undo a jump.
    ScrollBy(f32),
    /// The oldest loaded message is in view: ask the server for older ones.
    LoadOlder,
}

/// The window over a list of `len` messages: the `rows` that end `below` messages before the
/// newest (0: the newest is laid out, and new messages stay in view as they arrive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    below: usize,
    rows: usize,
    /// The content height before a change at the bottom, until the next viewport shows it.
    settling: Option<u32>,
}

impl Default for Window {
    fn default() -> Self {
        Self { below: 0, rows: INITIAL, settling: None }
    }
}

impl Window {
    /// The indices of the rows to lay out.
    pub fn range(&self, len: usize) -> std::ops::Range<usize> {
        let end = len.saturating_sub(self.below);
        end.saturating_sub(self.rows)..end
    }

    /// Whether the newest message is laid out (and followed).
    pub fn at_newest(&self) -> bool {
        self.below == 0
    }

    /// `added` messages arrived after the newest: a reader who scrolled back keeps reading
    /// the same rows (they now end further from the newest).
    pub fn appended(&mut self, added: usize) {
        if !self.at_newest() {
            self.below += added;
        }
    }

    /// Lays out the rows from just above `index` (the first unread message) on, in a list of
    /// `len`: the view then goes to their top.
    pub fn reveal(&mut self, index: usize, len: usize) {
        let start = index.saturating_sub(2).min(len);
        let end = (start + INITIAL).min(len);
        *self = Self { below: len - end, rows: end - start, settling: None };
    }

    /// Back to the newest messages.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// The reader scrolled (or the content changed) in a list of `len` messages.
    pub fn scrolled(&mut self, view: View, len: usize) -> Action {
        if let Some(before) = self.settling {
            let now = view.content_height.round() as u32;
            if now == before {
                return Action::Stay;
            }
            self.settling = None;
            return Action::ScrollBy(view.content_height - before as f32);
        }
        let range = self.range(len);
        if view.from_top < MARGIN {
            return self.upwards(range.start, view);
        }
        if view.from_bottom < MARGIN && self.below > 0 {
            return self.downwards(view);
        }
        Action::Stay
    }

    /// Near the top: make room by dropping the newest rows (then undo the jump), or lay out
    /// older ones, or ask for older ones when all loaded are laid out.
    fn upwards(&mut self, start: usize, view: View) -> Action {
        if self.rows + STEP > MAX && self.rows > STEP {
            let extra = self.rows + STEP - MAX;
            self.rows -= extra;
            self.below += extra;
            return self.settle(view);
        }
        if start == 0 {
            return Action::LoadOlder;
        }
        self.rows += STEP.min(start);
        Action::Stay
    }

    /// Near the bottom of the laid-out rows but not of the room: make room by dropping the
    /// oldest rows (no jump), or lay out newer ones (then undo the jump).
    fn downwards(&mut self, view: View) -> Action {
        if self.rows + STEP > MAX && self.rows > STEP {
            self.rows = MAX - STEP;
            return Action::Stay;
        }
        let step = STEP.min(self.below);
        self.below -= step;
        self.rows += step;
        self.settle(view)
    }

    fn settle(&mut self, view: View) -> Action {
        self.settling = Some(view.content_height.round() as u32);
        Action::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEN: usize = 10_000;

    fn at(from_top: f32, from_bottom: f32, content_height: f32) -> View {
        View { from_top, from_bottom, content_height }
    }

    #[test]
    fn the_first_unread_message_can_be_laid_out_far_back() {
        let mut window = Window::default();
        window.reveal(5_000, LEN);
        assert_eq!(window.range(LEN), 4_998..4_998 + INITIAL);
        assert!(!window.at_newest());
        window.reveal(LEN - 3, LEN);
        assert_eq!(window.range(LEN), LEN - 5..LEN, "near the end: up to the newest");
        assert!(window.at_newest());
    }

    #[test]
    fn a_room_opens_on_its_newest_rows_only() {
        let window = Window::default();
        assert_eq!(window.range(LEN), LEN - INITIAL..LEN);
        assert_eq!(window.range(10), 0..10);
    }

    #[test]
    fn scrolling_up_lays_out_older_rows_then_drops_the_newest_and_undoes_the_jump() {
        let mut window = Window::default();
        // Near the top: older rows are added above (no jump under a bottom anchor).
        assert_eq!(window.scrolled(at(10.0, 3000.0, 3500.0), LEN), Action::Stay);
        assert_eq!(window.range(LEN), LEN - INITIAL - STEP..LEN);
        // No room for another step: the newest rows go first, and the view is moved back by
        // what they measured once the next viewport shows it.
        assert_eq!(window.scrolled(at(10.0, 5000.0, 6000.0), LEN), Action::Stay);
        let dropped = INITIAL + 2 * STEP - MAX;
        assert_eq!(window.range(LEN), LEN - INITIAL - STEP..LEN - dropped);
        assert!(!window.at_newest());
        assert_eq!(window.scrolled(at(10.0, 5000.0, 6000.0), LEN), Action::Stay, "not laid out");
        assert_eq!(window.scrolled(at(10.0, 4600.0, 5600.0), LEN), Action::ScrollBy(-400.0));
        // Then older rows again.
        assert_eq!(window.scrolled(at(10.0, 4600.0, 5600.0), LEN), Action::Stay);
        assert_eq!(window.range(LEN).len(), MAX);
    }

    #[test]
    fn far_back_the_window_never_exceeds_its_limit_and_asks_for_older_messages() {
        let mut window = Window::default();
        let mut asked = false;
        for _ in 0..1000 {
            let height = window.range(LEN).len() as f32 * 40.0;
            match window.scrolled(at(0.0, height, height), LEN) {
                Action::LoadOlder => {
                    asked = true;
                    break;
                }
                // Bottom changes settle on the next viewport, whose height differs.
                Action::Stay | Action::ScrollBy(_) => {}
            }
            assert!(window.range(LEN).len() <= MAX);
            if window.settling.is_some() {
                let after = window.range(LEN).len() as f32 * 40.0;
                assert!(matches!(window.scrolled(at(0.0, after, after), LEN), Action::ScrollBy(_)));
            }
        }
        assert!(asked, "the top of the loaded history asks the server for more");
        assert_eq!(window.range(LEN).start, 0);
    }

    #[test]
    fn scrolling_back_down_returns_to_following_the_newest() {
        let mut window = Window { below: 120, rows: MAX, settling: None };
        let mut steps = 0;
        while !window.at_newest() && steps < 100 {
            steps += 1;
            let height = window.range(LEN).len() as f32 * 40.0;
            window.scrolled(at(height, 0.0, height), LEN);
            if window.settling.is_some() {
                let after = window.range(LEN).len() as f32 * 40.0;
                let undo = window.scrolled(at(height, 0.0, after), LEN);
                assert_eq!(undo, Action::ScrollBy(after - height));
            }
        }
        assert!(window.at_newest());
        assert_eq!(window.range(LEN).end, LEN);
    }

    #[test]
    fn new_messages_do_not_move_a_reader_who_scrolled_back() {
        let mut window = Window { below: 70, rows: MAX, settling: None };
        let before = window.range(LEN);
        window.appended(3);
        assert_eq!(window.range(LEN + 3), before);
        let mut following = Window::default();
        following.appended(3);
        assert_eq!(following.range(LEN + 3).end, LEN + 3);
    }
}
