//! What surrounds an open room's timeline: its header (name, encryption, members, the
//! person of a direct chat and whether they are verified), the warning banner of a room that
//! is not encrypted or is public, and the dialogs that ask before a message or a file goes out
//! in clear, or before a dropped file goes out at all.

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length};

use super::Message;
use crate::fl;
use crate::model::RoomDetails;
use crate::model::notify::NotifyMode;
use crate::ui::widget::style;

/// The room's name, whether it is encrypted, its members, the person of a direct chat.
pub(super) fn header(
    details: &RoomDetails,
    notify: NotifyMode,
    menu: bool,
) -> Element<'_, Message> {
    let state = if details.encrypted {
        text(fl!("room-header-encrypted")).style(style::safe_text)
    } else {
        text(fl!("room-header-unencrypted")).style(style::danger_text)
    };
    let mut info = row![text(details.name.clone()).size(22), state].spacing(12);
    if let Some(partner) = &details.partner {
        info = info.push(partner_trust(partner));
    }
    // Under the name, beside the topic, at the right end where they stay put whatever the
    // name's length or a side panel's width: how much it notifies (its label's width varies,
    // so it comes first), who is here, and the settings.
    let topic = text(details.topic.clone().unwrap_or_default()).size(13).width(Length::Fill);
    let bell = button(text(notify.to_string()).size(13))
        .style(button::secondary)
        .padding([3, 10])
        .on_press(Message::NotifyMenu);
    let bell = iced::widget::tooltip(
        bell,
        container(text(fl!("notify-mode-label")).size(12)).padding(6).style(style::tooltip_box),
        iced::widget::tooltip::Position::Bottom,
    );
    let mut second = row![topic, bell].spacing(8).align_y(iced::Alignment::Center);
    if details.members > 0 {
        let members = text(fl!("room-members", count = details.members)).size(13);
        let members = button(members).style(button::secondary).padding([3, 10]);
        second = second.push(members.on_press(Message::OpenMembers));
    }
    let settings = button(text(fl!("room-settings-open")).size(13))
        .style(button::secondary)
        .padding([3, 10])
        .on_press(Message::OpenSettings);
    let second = second.push(settings);
    let mut header = column![info.align_y(iced::Alignment::Center), second].spacing(2);
    if menu {
        header = header.push(notify_menu(notify));
    }
    header.into()
}

/// The three modes, the room's own marked; a choice is written into the push rules.
fn notify_menu(notify: NotifyMode) -> Element<'static, Message> {
    let mut choices =
        row![text(fl!("notify-mode-label")).size(13)].spacing(6).align_y(iced::Alignment::Center);
    for mode in NotifyMode::ALL {
        let look = if mode == notify { button::primary } else { button::secondary };
        let choice = button(text(mode.to_string()).size(13)).style(look).padding([3, 10]);
        choices = choices.push(choice.on_press(Message::Notify(mode)));
    }
    container(choices).align_right(Length::Fill).into()
}

/// "This room has been replaced", with the way to the new one.
pub(super) fn successor(details: &RoomDetails) -> Option<Element<'static, Message>> {
    let new = details.replaced_by.clone()?;
    let go = button(text(fl!("room-replaced-go")).size(13)).on_press(Message::GoToSuccessor(new));
    let line = row![text(fl!("room-replaced")).size(15).width(Length::Fill), go]
        .spacing(12)
        .align_y(iced::Alignment::Center);
    Some(container(line).padding(12).width(Length::Fill).style(style::caution_banner).into())
}

/// The warning nobody can miss; none in an encrypted private room.
pub(super) fn banner(details: &RoomDetails) -> Option<Element<'static, Message>> {
    let (message, look): (String, fn(&iced::Theme) -> container::Style) =
        match (details.encrypted, details.public) {
            (false, true) => (fl!("banner-public-unencrypted"), style::danger_banner),
            (false, false) => (fl!("banner-unencrypted"), style::danger_banner),
            (true, true) => (fl!("banner-public-encrypted"), style::caution_banner),
            (true, false) => return None,
        };
    Some(container(text(message).size(15)).padding(12).width(Length::Fill).style(look).into())
}

/// "Send this file to this room?", for a file dropped on the window.
pub(super) fn drop_dialog<'a>(
    details: &RoomDetails,
    path: &std::path::Path,
) -> Element<'a, Message> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = crate::model::text::clean_name(&name);
    let question = fl!("drop-question", file = name, room = details.name.as_str());
    ask(question, button(text(fl!("drop-send"))))
}

/// "Send this in clear?", before a first message or file in a room without encryption.
pub(super) fn consent_dialog<'a>(details: &RoomDetails) -> Element<'a, Message> {
    let question = if details.public {
        fl!("consent-public", room = details.name.as_str())
    } else {
        fl!("consent-private", room = details.name.as_str())
    };
    ask(question, button(text(fl!("consent-send"))).style(button::danger))
}

/// "Send this picture from the clipboard to this room?", after a paste.
pub(super) fn paste_dialog<'a>(details: &RoomDetails) -> Element<'a, Message> {
    let question = fl!("paste-question", room = details.name.as_str());
    ask(question, button(text(fl!("paste-send"))))
}

/// A question over the room, answered by Cancel or by `confirm`.
fn ask<'a>(question: String, confirm: iced::widget::Button<'a, Message>) -> Element<'a, Message> {
    let buttons = row![
        button(text(fl!("consent-cancel"))).style(button::secondary).on_press(Message::CancelClear),
        confirm.on_press(Message::ConfirmClear),
    ]
    .spacing(12);
    style::modal(column![text(question), buttons].spacing(16), 460.0, style::dialog)
}

/// In a direct chat: the person shows as verified, or the header offers to verify them.
fn partner_trust(partner: &crate::model::Partner) -> Element<'_, Message> {
    if partner.verified {
        return text(fl!("room-partner-verified")).style(style::safe_text).into();
    }
    button(text(fl!("room-partner-verify")).size(13))
        .style(button::secondary)
        .padding([3, 10])
        .on_press(Message::VerifyPartner(partner.user_id.clone()))
        .into()
}

/// The line above the first message that was unread when the room opened.
pub(super) fn unread_divider<'a>() -> Element<'a, Message> {
    let line = || container(iced::widget::rule::horizontal(1)).width(Length::Fill);
    let words = text(fl!("room-new-messages")).size(12).style(style::caution_text);
    row![line(), words, line()].spacing(8).align_y(iced::Alignment::Center).padding([4, 0]).into()
}
