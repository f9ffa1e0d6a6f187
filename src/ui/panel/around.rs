//! A message in its place: what a click on a search result opens in the room pane, in place of
//! the live timeline. The message is framed among the messages before and after it; buttons
//! read further back or forward, and "Back to the latest" returns to the live conversation
//! (as in Element). The messages come from the core's event-focused timeline.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Length};

use crate::fl;
/// What the core gives: the messages around the one shown, and whether the room starts there.
use crate::model::Around as Context;
use crate::model::{ChatMessage, time};
use crate::ui::failure::Failure;
use crate::ui::panel::timeline::day_divider;
use crate::ui::widget::style;

/// The scrollable, so the pane can bring the message into view.
pub const LIST: &str = "around-list";

#[derive(Debug)]
pub struct Around {
    event_id: String,
    messages: Vec<ChatMessage>,
    /// The room's first message, or its newest, is among those shown.
    at_start: bool,
    at_end: bool,
    /// A step back (`false`) or forward (`true`) is on its way.
    stepping: Option<bool>,
    /// The message was brought into view once: later updates leave the reader's place alone.
    revealed: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Context),
    Failed(Failure),
    /// Read further back (`false`) or forward (`true`).
    Step(bool),
    /// The step's answer: whether the start (or the end) is reached.
    Stepped(bool, Result<bool, Failure>),
    Latest,
}

/// What the panel asks of the room pane.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Fetch more messages before (`later: false`) or after the ones shown.
    Step { event_id: String, later: bool },
    /// Scroll the list to this relative height, where the message is.
    Reveal(f32),
    /// Back to the live timeline.
    Latest,
}

impl Around {
    pub fn new(event_id: String) -> Self {
        Self {
            event_id,
            messages: Vec::new(),
            at_start: false,
            at_end: false,
            stepping: None,
            revealed: false,
            error: None,
        }
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Loaded(loaded) => {
                self.messages = loaded.messages;
                // Known from the first answer when the room is short; else learnt by a step.
                self.at_start |= loaded.at_start;
                self.error = None;
                return self.reveal();
            }
            Message::Failed(failure) => self.error = Some(failure.to_string()),
            Message::Step(later) if self.stepping.is_none() => {
                self.stepping = Some(later);
                return Some(Event::Step { event_id: self.event_id.clone(), later });
            }
            Message::Step(_) => {}
            Message::Stepped(later, result) => {
                self.stepping = None;
                match result {
                    Ok(reached) if later => self.at_end = reached,
                    Ok(reached) => self.at_start = reached,
                    Err(failure) => self.error = Some(failure.to_string()),
                }
            }
            Message::Latest => return Some(Event::Latest),
        }
        None
    }

    /// Once, when the message is there: where it is in the list, as a fraction of its height
    /// (rows are of different heights; the middle of the context is close enough to show it).
    fn reveal(&mut self) -> Option<Event> {
        if self.revealed {
            return None;
        }
        let at = self.messages.iter().position(|m| self.is_target(m))?;
        self.revealed = true;
        let last = self.messages.len().saturating_sub(1).max(1);
        Some(Event::Reveal(at as f32 / last as f32))
    }

    /// The messages shown, oldest first.
    pub fn messages(&self) -> &[ChatMessage] {
        &self.messages
    }

    fn is_target(&self, message: &ChatMessage) -> bool {
        message.event_id.as_deref() == Some(self.event_id.as_str())
    }

    /// The messages drawn by `row_of` (the room's own rows, so their actions work the same),
    /// the one opened on framed, with the steps and the way back to the latest.
    pub fn view<'a, M: Clone + 'a>(
        &'a self,
        row_of: impl Fn(&'a ChatMessage) -> Element<'a, M>,
        wrap: impl Fn(Message) -> M + Copy + 'a,
    ) -> Element<'a, M> {
        let latest = button(text(fl!("around-latest")).size(13)).on_press(wrap(Message::Latest));
        let bar = row![text(fl!("around-title")).size(14).width(Length::Fill), latest]
            .spacing(8)
            .align_y(iced::Alignment::Center);
        let mut page = column![container(bar).padding(8).style(style::tooltip_box)].spacing(8);
        if let Some(error) = &self.error {
            page = page.push(style::error_box(error));
        }
        let mut list = column![].spacing(6);
        if !self.messages.is_empty() && !self.at_start {
            list = list.push(self.step_button(false, wrap));
        }
        if self.messages.is_empty() && self.error.is_none() {
            list = list.push(text(fl!("around-loading")).size(13).color(style::MUTED));
        }
        let today = time::today();
        let mut shown_day = None;
        for message in &self.messages {
            let day = time::local_day(message.ts);
            if shown_day != Some(day) {
                shown_day = Some(day);
                list = list.push(day_divider(time::day_heading(day, today)));
            }
            let drawn = row_of(message);
            list = list.push(if self.is_target(message) {
                container(drawn).padding(4).style(style::focused_row).into()
            } else {
                drawn
            });
        }
        if !self.messages.is_empty() && !self.at_end {
            list = list.push(self.step_button(true, wrap));
        }
        page.push(scrollable(list).id(LIST).height(Length::Fill)).into()
    }

    fn step_button<'a, M: Clone + 'a>(
        &self,
        later: bool,
        wrap: impl Fn(Message) -> M,
    ) -> Element<'a, M> {
        let (label, busy) = match later {
            false => (fl!("around-earlier"), self.stepping == Some(false)),
            true => (fl!("around-later"), self.stepping == Some(true)),
        };
        let label = if busy { fl!("around-stepping") } else { label };
        let step = button(text(label).size(13)).style(button::text);
        let step = if busy { step } else { step.on_press(wrap(Message::Step(later))) };
        container(step).center_x(Length::Fill).into()
    }
}

#[cfg(test)]
mod tests;
