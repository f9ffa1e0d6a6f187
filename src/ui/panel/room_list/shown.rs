//! Which entries of a long room list are built: only those within a screen of the view, the
//! rest stand in as empty space of their height. A thousand rooms then cost what a screenful
//! does on every frame: their names are not shaped, laid out nor kept in memory while out of
//! sight. Every entry has a fixed height, so the space is exact and the scrollbar true.

use std::ops::Range;

/// The part of the list in view, in pixels from its top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub offset: f32,
    pub height: f32,
}

impl Default for View {
    /// Before the first scroll: the top of a window of a laptop's height.
    fn default() -> Self {
        Self { offset: 0.0, height: 800.0 }
    }
}

/// The entries to build out of ones of `heights`: the space above them, their range, and the
/// space below.
pub fn split(heights: &[f32], view: View) -> (f32, Range<usize>, f32) {
    // A list made shorter (filtered) is scrolled no further than its end, as the scrollable
    // shows it, which may not say so: a list that fits reports no scrolling at all.
    let total: f32 = heights.iter().sum();
    let offset = view.offset.min(total - view.height).max(0.0);
    let (low, high) = (offset - view.height, offset + 2.0 * view.height);
    let (mut above, mut below) = (0.0, 0.0);
    let (mut first, mut last) = (heights.len(), 0);
    let mut top = 0.0;
    for (index, height) in heights.iter().enumerate() {
        let bottom = top + height;
        if bottom < low {
            above += height;
        } else if top > high {
            below += height;
        } else {
            first = first.min(index);
            last = index + 1;
        }
        top = bottom;
    }
    if first >= last { (above, 0..0, below) } else { (above, first..last, below) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_top_of_a_thousand_rows_a_few_screens_are_built_and_the_rest_is_space() {
        let heights = vec![50.0; 1000];
        let (above, built, below) = split(&heights, View { offset: 0.0, height: 700.0 });
        assert_eq!((above, built.start), (0.0, 0));
        assert_eq!(built.end, 29, "the screen and the next");
        assert_eq!(below, 50.0 * (1000 - 29) as f32);
    }

    #[test]
    fn scrolled_down_the_rows_around_the_view_are_built_and_the_heights_add_up() {
        let heights: Vec<f32> = (0..1000).map(|n| if n % 100 == 0 { 30.0 } else { 50.0 }).collect();
        let view = View { offset: 20_000.0, height: 700.0 };
        let (above, built, below) = split(&heights, view);
        let inside: f32 = heights[built.clone()].iter().sum();
        assert_eq!(above + inside + below, heights.iter().sum::<f32>());
        assert!(above <= view.offset - view.height && above > view.offset - 2.0 * view.height);
        assert!(built.len() < 50, "{built:?}");
    }

    #[test]
    fn a_list_filtered_down_while_scrolled_far_builds_its_rows() {
        let view = View { offset: 20_000.0, height: 700.0 };
        assert_eq!(split(&[50.0; 3], view), (0.0, 0..3, 0.0));
        let (_, built, below) = split(&[50.0; 100], view);
        assert_eq!((built.end, below), (100, 0.0), "its end, in view");
    }

    #[test]
    fn an_empty_list_builds_nothing() {
        assert_eq!(split(&[], View::default()), (0.0, 0..0, 0.0));
    }
}
