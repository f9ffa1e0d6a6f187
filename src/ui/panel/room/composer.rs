//! The composer under an open room: what is being written (a new message, a reply, an edit),
//! the uploads on their way, who is typing, and the keys that send (Enter) and paste a
//! picture (Ctrl+V). Drawn from the pane's state; its messages are the pane's.

use iced::keyboard::{Key, key::Named};
use iced::widget::text_editor::{Binding, KeyPress};
use iced::widget::{button, column, container, row, text};
use iced::{Element, Length};

use super::{COMPOSER, Message, RoomPane, Target};
use crate::fl;
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
    let editor = iced::widget::text_editor(&pane.composer)
        .id(COMPOSER)
        .placeholder(placeholder)
        .on_action(Message::Edit)
        .key_binding(enter_sends)
        .height(Length::Shrink);
    let send = button(text(fl!("composer-send"))).on_press(Message::Send);
    let attach = iced::widget::tooltip(
        button(text("📎").font(style::EMOJI)).style(button::secondary).on_press(Message::Attach),
        container(text(fl!("composer-attach"))).padding(6).style(style::tooltip_box),
        iced::widget::tooltip::Position::Top,
    );
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
    composer.push(row![attach, editor, send].spacing(8).align_y(iced::Alignment::End)).into()
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
