//! The composer under an open room: what is being written (a new message, a reply, an edit),
//! the uploads on their way, who is typing, and the keys that send (Enter) and paste a
//! picture (Ctrl+V). Drawn from the pane's state; its messages are the pane's.

use iced::keyboard::{Key, key::Named};
use iced::widget::text_editor::{Binding, KeyPress};
use iced::widget::{button, column, container, row, text};
use iced::{Element, Length};

use std::path::PathBuf;

use iced::widget::text_editor;

use super::{COMPOSER, Event, Message, Pending, RoomPane, Target};
use crate::fl;
use crate::model::Reply;
use crate::model::attachment::Progress;
use crate::ui::panel::mention;
use crate::ui::widget::style;

pub(super) fn composer(pane: &RoomPane) -> Element<'_, Message> {
    if pane.forbidden() {
        let note = text(fl!("composer-forbidden")).color(style::DANGER);
        return column![
            iced::widget::text_editor(&pane.composer).placeholder(fl!("composer-disabled")),
            note
        ]
        .spacing(4)
        .into();
    }
    let placeholder = if pane.details.encrypted {
        fl!("composer-placeholder")
    } else {
        fl!("composer-placeholder-unencrypted")
    };
    let completing = pane.mention.is_open();
    let editor = iced::widget::text_editor(&pane.composer)
        .id(COMPOSER)
        .placeholder(placeholder)
        .on_action(Message::Edit)
        .key_binding(move |press| keys(press, completing))
        .height(Length::Shrink);
    let send = button(text(fl!("composer-send"))).on_press(Message::Send);
    let attach = iced::widget::tooltip(
        button(text("📎").font(style::EMOJI)).style(button::secondary).on_press(Message::Attach),
        container(text(fl!("composer-attach"))).padding(6).style(style::tooltip_box),
        iced::widget::tooltip::Position::Top,
    );
    // What shows above the editor comes and goes (uploads, who is typing, the reply bar, the
    // mention list): all in one column that is always there, so the editor keeps its place
    // in the widget tree, and with it the keyboard focus, whatever appears above it.
    let mut composer = column![].spacing(4);
    for (name, progress) in &pane.uploads {
        let line = text(fl!("upload-sending", name = name.as_str())).size(12);
        let mut upload = row![line].spacing(8).align_y(iced::Alignment::Center);
        if let Some(progress) = progress {
            upload = upload.push(crate::ui::panel::timeline::progress_line(*progress));
        }
        composer = composer.push(upload);
    }
    if !pane.typing.is_empty() {
        let names = pane.typing.join(", ");
        let line = fl!("composer-typing", names = names, count = pane.typing.len());
        composer = composer.push(text(line).size(12).color(style::MUTED));
    }
    if let Some(bar) = target_bar(pane) {
        composer = composer.push(bar);
    }
    if let Some(list) = pane.mention.view() {
        composer = composer.push(list.map(Message::Mention));
    }
    let line = row![attach, editor, send].spacing(8).align_y(iced::Alignment::End);
    column![composer, line].spacing(4).into()
}

/// Above the editor when replying or editing: what, and a way back.
fn target_bar(pane: &RoomPane) -> Option<Element<'_, Message>> {
    let label = match &pane.target {
        Target::New => return None,
        Target::Reply(reply) => fl!(
            "composer-replying",
            sender = reply.sender.clone().unwrap_or_default(),
            excerpt = reply.excerpt.clone().unwrap_or_default()
        ),
        Target::Edit(_) => fl!("composer-editing"),
    };
    let cancel = button(text(fl!("composer-cancel")).size(12))
        .style(button::secondary)
        .padding([2, 8])
        .on_press(Message::CancelTarget);
    let bar = row![text(label).size(13).width(Length::Fill), cancel]
        .spacing(8)
        .align_y(iced::Alignment::Center);
    Some(container(bar).padding([4, 8]).style(style::quote).into())
}

/// While the mention list is open it takes the arrows, Tab, Enter and Esc; otherwise
/// `enter_sends`.
fn keys(press: KeyPress, completing: bool) -> Option<Binding<Message>> {
    if completing && let Some(choice) = mention::Completion::key(&press) {
        return Some(Binding::Custom(Message::Mention(choice)));
    }
    enter_sends(press)
}

/// Enter sends, Shift+Enter breaks the line; Ctrl+V pastes text and then looks for a
/// picture on the clipboard (a screenshot); every other key does what it always does.
fn enter_sends(press: KeyPress) -> Option<Binding<Message>> {
    if press.key == Key::Named(Named::Enter) && !press.modifiers.shift() {
        return Some(Binding::Custom(Message::Send));
    }
    if press.key.as_ref() == Key::Character("v") && press.modifiers.command() {
        return Some(Binding::Sequence(vec![Binding::Paste, Binding::Custom(Message::PasteCheck)]));
    }
    Binding::from_key_press(press)
}

/// What the composer does: writing, replying, editing, sending (after consent in clear).
impl RoomPane {
    pub(super) fn edit(&mut self, action: text_editor::Action) -> Option<Event> {
        let typed = action.is_edit();
        self.composer.perform(action);
        if self.follow_mention() {
            // The first `@`: the members are fetched (once) for the completion.
            return Some(self.load_members());
        }
        let typing = !self.composer.text().trim().is_empty();
        typed.then(|| Event::Typing { room_id: self.details.room_id.clone(), typing })
    }

    /// Shows or hides the completion for the word under the cursor; true when the members
    /// must be fetched first.
    fn follow_mention(&mut self) -> bool {
        self.mention.follow_editor(&self.composer)
    }

    pub(super) fn mention_message(&mut self, message: mention::Message) {
        self.mention.update_editor(message, &mut self.composer);
    }
    pub(super) fn reply_to(&mut self, event_id: &str) {
        let Some(message) = self.find(event_id) else { return };
        let sender = message.sender_name.clone().unwrap_or_else(|| message.sender.clone());
        let excerpt = message.body.as_deref().map(Reply::excerpt_of);
        let reply = Reply { event_id: event_id.to_owned(), sender: Some(sender), excerpt };
        self.target = Target::Reply(reply);
        self.picking = None;
    }
    pub(super) fn edit_own(&mut self, event_id: &str) {
        let Some(body) = self.find(event_id).filter(|m| m.own).and_then(|m| m.body.clone()) else {
            return;
        };
        self.composer = text_editor::Content::with_text(&body);
        self.target = Target::Edit(event_id.to_owned());
        self.picking = None;
    }
    /// Sends what the composer holds: at once in an encrypted room, after consent otherwise.
    pub(super) fn send(&mut self) -> Option<Event> {
        let text = self.composer.text().trim_end().to_owned();
        if text.trim().is_empty() || self.forbidden() {
            return None;
        }
        self.composer = text_editor::Content::new();
        let out = self.mention.outgoing(text);
        self.ask_or_send(Pending::Text(out))
    }
    /// Sends a file the same way: at once in an encrypted room, after consent otherwise, never
    /// where the organisation forbids sending in clear.
    pub(super) fn attach(&mut self, path: PathBuf) -> Option<Event> {
        if self.forbidden() {
            self.error = Some(fl!("composer-forbidden"));
            return None;
        }
        self.ask_or_send(Pending::File(path))
    }
    pub(super) fn ask_or_send(&mut self, pending: Pending) -> Option<Event> {
        if self.details.encrypted || self.consented {
            return Some(self.event(pending));
        }
        self.asking = Some(pending);
        None
    }
    pub(super) fn confirm(&mut self) -> Option<Event> {
        let pending = self.asking.take()?;
        match pending {
            // The drop was meant: on as if picked, which in clear still asks for consent.
            Pending::Dropped(path) => return self.attach(path),
            Pending::Pasted(png) => return self.ask_or_send(Pending::Picture(png)),
            _ => {}
        }
        self.consented = true;
        Some(self.event(pending))
    }
    pub(super) fn uploading(&mut self, name: String, progress: Option<Progress>) {
        match self.uploads.iter_mut().find(|(shown, _)| *shown == name) {
            Some(upload) => upload.1 = progress.or(upload.1),
            None => self.uploads.push((name, progress)),
        }
    }
    pub(super) fn event(&mut self, pending: Pending) -> Event {
        let (room_id, consent) = (self.details.room_id.clone(), self.consented);
        match pending {
            Pending::Text(text) => {
                let target = std::mem::take(&mut self.target);
                Event::Send { room_id, text, consent, target }
            }
            Pending::File(path) | Pending::Dropped(path) => {
                Event::SendFile { room_id, path, consent }
            }
            Pending::Picture(png) | Pending::Pasted(png) => {
                Event::SendPicture { room_id, png, consent }
            }
        }
    }
    pub(super) fn forbidden(&self) -> bool {
        self.forbid && !self.details.encrypted
    }
}
