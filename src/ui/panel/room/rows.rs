//! The rows of the open room's timeline as laid out: the window over its messages, the day
//! headings, the "new messages" divider, the buttons to load older messages and to jump to
//! the first unread or back to the newest; and how each row is drawn.

use iced::widget::{button, column, container, scrollable, stack, text};
use iced::{Element, Length};

use super::{Message, RoomPane, TIMELINE, frame};
use crate::fl;
use crate::model::{ChatMessage, time};
use crate::ui::panel::timeline::{Look, continues, day_divider, message_row};

/// The laid-out window of the timeline; the button for older messages when its top is the
/// oldest loaded, and one back to the newest when the reader is far from them.
pub(super) fn timeline(pane: &RoomPane) -> Element<'_, Message> {
    let range = pane.window.range(pane.messages.len());
    let mut list = column![].spacing(6);
    if range.start == 0 {
        let older = if pane.loading_older {
            button(text(fl!("room-loading-older"))).style(button::text)
        } else {
            button(text(fl!("room-load-older"))).style(button::text).on_press(Message::LoadOlder)
        };
        list = list.push(older);
    }
    let today = time::today();
    let mut shown_day = None;
    let mut previous = None;
    let first_unread = pane.unread.first_unread(&pane.messages);
    let start = range.start;
    for (at, message) in pane.messages[range].iter().enumerate() {
        if first_unread == Some(start + at) {
            list = list.push(frame::unread_divider());
        }
        let day = time::local_day(message.ts);
        if shown_day != Some(day) {
            shown_day = Some(day);
            previous = None;
            list = list.push(day_divider(time::day_heading(day, today)));
        }
        list = list.push(message_row(message, look(pane, message, previous)));
        previous = Some(message);
    }
    let scroller = scrollable(list)
        .id(TIMELINE)
        .height(Length::Fill)
        .anchor_bottom()
        .on_scroll(Message::Scrolled);
    // Always a stack, so the scrollable keeps its place (and its offset) in the widget tree
    // whether or not the button is there.
    let mut timeline = stack![scroller];
    if first_unread.is_some_and(|index| index < start) {
        let jump = button(text(fl!("room-jump-unread")).size(13)).on_press(Message::JumpToUnread);
        timeline = timeline.push(container(jump).center_x(Length::Fill).padding(8));
    }
    if !pane.window.at_newest() {
        let newest = button(text(fl!("room-jump-newest")).size(13)).on_press(Message::JumpToNewest);
        let corner = container(newest).align_right(Length::Fill).align_bottom(Length::Fill);
        timeline = timeline.push(corner.padding(8));
    }
    timeline.into()
}

/// How a row of the timeline (or of the thread beside it) is drawn.
pub(super) fn look<'a>(
    pane: &'a RoomPane,
    message: &'a ChatMessage,
    previous: Option<&ChatMessage>,
) -> Look<'a> {
    let revealed = message.event_id.as_ref().is_some_and(|id| pane.revealed.contains(id));
    Look {
        picking: pane.picking.is_some() && pane.picking == message.event_id,
        continued: continues(previous, message),
        no_reactions: pane.no_reactions,
        revealed,
        may_delete_others: pane.details.can_delete_others,
        picture: message.event_id.as_deref().and_then(|id| pane.gallery.slot(id)),
        picture_held: !pane.gallery.automatic(message, &pane.details),
        thread_replies: message.event_id.as_deref().map_or(message.thread_replies, |id| {
            let live = pane.thread.as_ref().and_then(|thread| thread.replies_to(id));
            live.unwrap_or(0).max(message.thread_replies)
        }),
    }
}
