//! A thread beside the open room: its first message and its replies, followed as they come,
//! and a composer that answers in it, with the room's mention completion (`@`). Opened from a
//! thread's first message or from a reply in it; Esc or Close closes it.

use iced::widget::{button, column, container, row, scrollable, text, text_editor};
use iced::{Element, Length};

use crate::fl;
use crate::model::ChatMessage;
use crate::model::member::RoomMembers;
use crate::model::mention::Outgoing;
use crate::ui::failure::Failure;
use crate::ui::panel::mention::{self, Completion};
use crate::ui::widget::style;

/// The widest the panel gets: the conversation keeps most of the window.
pub const WIDTH: f32 = 380.0;

/// The thread's composer, so opening the panel puts the keyboard there.
pub const COMPOSER: &str = "thread-composer";

#[derive(Debug)]
pub struct ThreadPanel {
    root: String,
    messages: Vec<ChatMessage>,
    composer: text_editor::Content,
    mention: Completion,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Vec<ChatMessage>),
    Failed(Failure),
    Edit(text_editor::Action),
    Mention(mention::Message),
    Send,
    Close,
}

/// What the panel asks of the room pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Answer in the thread with `out` (its text and whom it mentions).
    Send {
        root: String,
        out: Outgoing,
    },
    /// An `@` was typed: the room's members are needed for the completion.
    LoadMembers,
    Closed,
}

impl ThreadPanel {
    pub fn new(root: String) -> Self {
        Self {
            root,
            messages: Vec::new(),
            composer: text_editor::Content::new(),
            mention: Completion::default(),
            error: None,
        }
    }

    /// The room's members, for the completion.
    pub fn set_members(&mut self, list: &RoomMembers) {
        self.mention.set_members(list);
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Loaded(messages) => {
                self.messages = messages;
                self.error = None;
            }
            Message::Failed(failure) => self.error = Some(failure.to_string()),
            Message::Edit(action) => {
                self.composer.perform(action);
                if self.mention.follow_editor(&self.composer) {
                    return Some(Event::LoadMembers);
                }
            }
            Message::Mention(message) => self.mention.update_editor(message, &mut self.composer),
            Message::Send => {
                let text = self.composer.text().trim_end().to_owned();
                if text.trim().is_empty() {
                    return None;
                }
                self.composer = text_editor::Content::new();
                let out = self.mention.outgoing(text);
                return Some(Event::Send { root: self.root.clone(), out });
            }
            Message::Close => return Some(Event::Closed),
        }
        None
    }

    /// How many answers the thread has, as this panel follows it live, for the message that
    /// starts it: the room's own count comes with the root and lags behind.
    pub fn replies_to(&self, event_id: &str) -> Option<u32> {
        if event_id != self.root || self.messages.is_empty() {
            return None;
        }
        let answers = self.messages.iter().filter(|m| m.event_id.as_deref() != Some(event_id));
        Some(u32::try_from(answers.count()).unwrap_or(u32::MAX))
    }

    /// The thread's messages drawn by `row` (the room's own rows, so their actions work the
    /// same), and the composer below.
    pub fn view<'a, M: Clone + 'a>(
        &'a self,
        row_of: impl Fn(&'a ChatMessage) -> Element<'a, M>,
        wrap: impl Fn(Message) -> M + Copy + 'a,
    ) -> Element<'a, M> {
        let close = button(text(fl!("viewer-close")).size(12))
            .style(button::secondary)
            .on_press(wrap(Message::Close));
        let header = row![text(fl!("thread-title")).size(17).width(Length::Fill), close];
        let mut list = column![].spacing(6);
        if self.messages.is_empty() {
            list = list.push(text(fl!("thread-loading")).size(13).color(style::MUTED));
        }
        for message in &self.messages {
            list = list.push(row_of(message));
        }
        let completing = self.mention.is_open();
        let editor = text_editor(&self.composer)
            .id(COMPOSER)
            .placeholder(fl!("thread-placeholder"))
            .on_action(move |action| wrap(Message::Edit(action)))
            .key_binding(move |press| keys(press, completing, wrap))
            .height(Length::Shrink);
        let send = button(text(fl!("composer-send"))).on_press(wrap(Message::Send));
        let mut panel = column![header].spacing(8).padding(12);
        if let Some(error) = &self.error {
            panel = panel.push(style::error_box(error));
        }
        // Always there, empty or not, so the editor keeps its place (and the focus) when the
        // mention list comes and goes.
        let mut above = column![];
        if let Some(offers) = self.mention.view() {
            above = above.push(offers.map(move |message| wrap(Message::Mention(message))));
        }
        panel = panel
            .push(scrollable(list).height(Length::Fill).anchor_bottom())
            .push(above)
            .push(row![editor, send].spacing(8).align_y(iced::Alignment::End));
        container(panel).width(WIDTH).height(Length::Fill).style(style::tooltip_box).into()
    }
}

/// While the mention list is open it takes the arrows, Tab, Enter and Esc; otherwise Enter
/// answers and Shift+Enter breaks the line, as in the room's composer.
fn keys<M>(
    press: text_editor::KeyPress,
    completing: bool,
    wrap: impl Fn(Message) -> M,
) -> Option<text_editor::Binding<M>> {
    use iced::keyboard::{Key, key::Named};
    if completing && let Some(choice) = Completion::key(&press) {
        return Some(text_editor::Binding::Custom(wrap(Message::Mention(choice))));
    }
    if press.key == Key::Named(Named::Enter) && !press.modifiers.shift() {
        return Some(text_editor::Binding::Custom(wrap(Message::Send)));
    }
    text_editor::Binding::from_key_press(press)
}

#[cfg(test)]
mod tests {
    use iced_test::simulator;

    use super::*;
    use crate::ui::panel::room::tests::said;

    #[derive(Debug, Clone)]
    enum Outer {
        Thread(Message),
    }

    #[test]
    fn the_thread_shows_its_messages_and_answers_in_it() {
        let mut panel = ThreadPanel::new("$root".into());
        panel.update(Message::Loaded(vec![
            said("$root", "@b:x", "Ordre du jour ?", false),
            said("$r1", "@c:x", "Point 3 à ajouter", false),
        ]));
        {
            let row_of = |m: &ChatMessage| -> Element<'_, Outer> {
                text(m.body.clone().unwrap_or_default()).into()
            };
            let mut ui = simulator(panel.view(row_of, Outer::Thread));
            assert!(ui.find("Ordre du jour ?").is_ok() && ui.find("Point 3 à ajouter").is_ok());
            let _ = ui.click(fl!("viewer-close").as_str());
            let clicked: Vec<Outer> = ui.into_messages().collect();
            assert!(matches!(clicked.as_slice(), [Outer::Thread(Message::Close)]), "{clicked:?}");
        }
        assert_eq!(panel.update(Message::Send), None, "nothing written, nothing sent");
        panel.composer = text_editor::Content::with_text("D'accord");
        let sent = panel.update(Message::Send);
        let out = Outgoing::plain("D'accord");
        assert_eq!(sent, Some(Event::Send { root: "$root".into(), out }));
        assert!(panel.composer.text().trim().is_empty());
    }
}
