//! The "new room" and "new chat" dialogs. Both always create an encrypted conversation and
//! say so; Escape or Cancel closes them.

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Element, Length};

use super::style;
use crate::fl;
use crate::model::NewRoom;

/// An open dialog and what has been typed into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    NewRoom { name: String, topic: String, invite: String },
    NewChat { user: String },
}

#[derive(Debug, Clone)]
pub enum Message {
    Name(String),
    Topic(String),
    Invite(String),
    User(String),
    Create,
    Cancel,
}

/// What the dialog asks the home screen to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    CreateRoom(NewRoom),
    OpenChat(String),
    Close,
}

impl Dialog {
    pub fn new_room() -> Self {
        Self::NewRoom { name: String::new(), topic: String::new(), invite: String::new() }
    }

    pub fn new_chat() -> Self {
        Self::NewChat { user: String::new() }
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Cancel => Some(Event::Close),
            Message::Create => self_event(self),
            edit => {
                self.edit(edit);
                None
            }
        }
    }

    fn edit(&mut self, message: Message) {
        match (self, message) {
            (Self::NewRoom { name, .. }, Message::Name(value)) => *name = value,
            (Self::NewRoom { topic, .. }, Message::Topic(value)) => *topic = value,
            (Self::NewRoom { invite, .. }, Message::Invite(value)) => *invite = value,
            (Self::NewChat { user }, Message::User(value)) => *user = value,
            _ => {}
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let body: Element<'_, Message> = match self {
            Self::NewRoom { name, topic, invite } => column![
                text(fl!("dialog-new-room")).size(20),
                text_input(&fl!("dialog-room-name"), name)
                    .on_input(Message::Name)
                    .on_submit(Message::Create),
                text_input(&fl!("dialog-room-topic"), topic)
                    .on_input(Message::Topic)
                    .on_submit(Message::Create),
                text_input(&fl!("dialog-room-invite"), invite)
                    .on_input(Message::Invite)
                    .on_submit(Message::Create),
            ]
            .spacing(10)
            .into(),
            Self::NewChat { user } => column![
                text(fl!("dialog-new-chat")).size(20),
                text_input(&fl!("dialog-chat-user"), user)
                    .on_input(Message::User)
                    .on_submit(Message::Create),
            ]
            .spacing(10)
            .into(),
        };
        let note = text(fl!("dialog-always-encrypted")).color(style::SAFE);
        let buttons = row![
            button(text(fl!("consent-cancel"))).style(button::secondary).on_press(Message::Cancel),
            button(text(fl!("dialog-create"))).on_press(Message::Create),
        ]
        .spacing(12);
        let dialog = container(column![body, note, buttons].spacing(14))
            .padding(20)
            .max_width(460)
            .style(style::dialog_plain);
        iced::widget::opaque(container(dialog).center(Length::Fill).style(super::style::backdrop))
    }
}

/// The request the filled-in dialog makes, if it has what it needs.
fn self_event(dialog: &Dialog) -> Option<Event> {
    match dialog {
        Dialog::NewRoom { name, topic, invite } if !name.trim().is_empty() => {
            Some(Event::CreateRoom(NewRoom {
                name: name.trim().to_owned(),
                topic: Some(topic.trim().to_owned()).filter(|t| !t.is_empty()),
                invites: invite
                    .split([',', ' '])
                    .filter(|u| !u.is_empty())
                    .map(str::to_owned)
                    .collect(),
                encrypted: true,
            }))
        }
        Dialog::NewChat { user } if !user.trim().is_empty() => {
            Some(Event::OpenChat(user.trim().to_owned()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    #[test]
    fn a_new_room_is_always_encrypted_and_the_dialog_says_so() {
        let mut dialog = Dialog::new_room();
        {
            let mut ui = simulator(dialog.view());
            assert!(ui.find(fl!("dialog-always-encrypted").as_str()).is_ok());
        }
        dialog.update(Message::Name("Budget".into()));
        dialog.update(Message::Invite("@a:example.org, @b:example.org".into()));
        let Some(Event::CreateRoom(room)) = dialog.update(Message::Create) else {
            panic!("no room requested")
        };
        assert!(room.encrypted);
        assert_eq!(room.invites, vec!["@a:example.org", "@b:example.org"]);
    }

    #[test]
    fn an_empty_form_creates_nothing_and_cancel_closes() {
        let mut dialog = Dialog::new_chat();
        assert_eq!(dialog.update(Message::Create), None);
        assert_eq!(dialog.update(Message::Cancel), Some(Event::Close));
    }
}
