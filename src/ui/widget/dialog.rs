//! The "new room" and "new chat" dialogs. Both always create an encrypted conversation and
//! say so; Escape or Cancel closes them.

use crate::ui::failure::Failure;
use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Length};

use crate::fl;
use crate::model::{NewRoom, Person};
use crate::ui::widget::style;

/// An open dialog and what has been typed into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    NewRoom {
        name: String,
        topic: String,
        invite: String,
    },
    NewChat {
        user: String,
        /// The people the directory found for what `user` held when asked.
        found: Vec<Person>,
    },
}

/// How many characters before the directory is asked.
const SEARCH_FROM: usize = 2;

#[derive(Debug, Clone)]
pub enum Message {
    Name(String),
    Topic(String),
    Invite(String),
    User(String),
    /// The directory's answer for this text.
    Found(String, Result<Vec<Person>, Failure>),
    /// Start a chat with this person (their Matrix ID).
    Pick(String),
    Create,
    Cancel,
}

/// What the dialog asks the home screen to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    CreateRoom(NewRoom),
    OpenChat(String),
    /// Look this text up in the directory (and answer with `Found`).
    Search(String),
    Close,
}

impl Dialog {
    pub fn new_room() -> Self {
        Self::NewRoom { name: String::new(), topic: String::new(), invite: String::new() }
    }

    pub fn new_chat() -> Self {
        Self::chat_with(String::new())
    }

    /// The new-chat dialog with a person already filled in (from a link to them).
    pub fn chat_with(user: String) -> Self {
        Self::NewChat { user, found: Vec::new() }
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Cancel => Some(Event::Close),
            Message::Create => self_event(self),
            Message::Pick(user_id) => Some(Event::OpenChat(user_id)),
            Message::User(value) => {
                let search = value.trim().chars().count() >= SEARCH_FROM;
                let term = value.trim().to_owned();
                self.edit(Message::User(value));
                search.then_some(Event::Search(term))
            }
            Message::Found(term, found) => {
                self.found(&term, found);
                None
            }
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
            (Self::NewChat { user, found }, Message::User(value)) => {
                *user = value;
                found.clear();
            }
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
                // Matrix encrypts what is said, never the room's state: say so where it is typed.
                text(fl!("dialog-room-name-in-clear")).size(13).style(style::caution_text),
            ]
            .spacing(10)
            .into(),
            Self::NewChat { user, found } => {
                let field = text_input(&fl!("dialog-chat-user"), user)
                    .id(CHAT_FIELD)
                    .on_input(Message::User)
                    .on_submit(Message::Create);
                column![text(fl!("dialog-new-chat")).size(20), field, people(found)]
                    .spacing(10)
                    .into()
            }
        };
        let note = text(fl!("dialog-always-encrypted")).style(style::safe_text);
        let buttons = row![
            button(text(fl!("consent-cancel"))).style(button::secondary).on_press(Message::Cancel),
            button(text(fl!("dialog-create"))).on_press(Message::Create),
        ]
        .spacing(12);
        style::modal(column![body, note, buttons].spacing(14), 520.0, style::dialog_plain)
    }
}

/// The field where a name or Matrix ID is typed.
pub const CHAT_FIELD: &str = "dialog-chat-user";

impl Dialog {
    /// Keeps the directory's answer if it is for what the field holds now (answers to older
    /// keystrokes can arrive late).
    fn found(&mut self, term: &str, answer: Result<Vec<Person>, Failure>) {
        let Self::NewChat { user, found } = self else { return };
        if user.trim() != term {
            return;
        }
        match answer {
            Ok(people) => *found = people,
            // A directory that fails is no obstacle: the Matrix ID can still be typed.
            Err(error) => tracing::warn!(%error, "people search failed"),
        }
    }
}

/// The people found, each a button that opens the chat with them.
fn people(found: &[Person]) -> Element<'_, Message> {
    let rows = found.iter().map(|person| {
        let line = row![
            style::avatar(&person.label(), &person.user_id, 24.0),
            text(person.label()).size(14)
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        button(line)
            .style(button::text)
            .width(Length::Fill)
            .on_press(Message::Pick(person.user_id.clone()))
            .into()
    });
    iced::widget::Column::with_children(rows).spacing(2).into()
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
        // A Matrix ID opens that chat; a name opens one only when the directory found exactly
        // one person, shown with their Matrix ID: with several, the person clicks the one they
        // mean, never the first the server ranked (an impostor can rank first, review H3).
        Dialog::NewChat { user, .. } if user.trim().starts_with('@') => {
            Some(Event::OpenChat(user.trim().to_owned()))
        }
        Dialog::NewChat { found, .. } if found.len() == 1 => {
            found.first().map(|person| Event::OpenChat(person.user_id.clone()))
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
            assert!(ui.find(fl!("dialog-room-name-in-clear").as_str()).is_ok());
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
    fn typing_a_name_searches_the_directory_and_a_result_opens_the_chat() {
        let mut dialog = Dialog::new_chat();
        assert_eq!(dialog.update(Message::User("a".into())), None, "one letter is too little");
        let asked = dialog.update(Message::User("ann".into()));
        assert_eq!(asked, Some(Event::Search("ann".into())));
        let anne = Person { user_id: "@anne:x".into(), display_name: Some("Anne Martin".into()) };
        // An answer for an older keystroke is dropped.
        dialog.update(Message::Found("an".into(), Ok(vec![anne.clone()])));
        assert!(matches!(&dialog, Dialog::NewChat { found, .. } if found.is_empty()));
        dialog.update(Message::Found("ann".into(), Ok(vec![anne])));
        let clicked: Vec<_> = {
            let mut ui = simulator(dialog.view());
            let _ = ui.click("Anne Martin (@anne:x)");
            ui.into_messages().collect()
        };
        let events: Vec<_> = clicked.into_iter().filter_map(|m| dialog.update(m)).collect();
        assert_eq!(events, [Event::OpenChat("@anne:x".into())]);
    }

    /// Review H3: Enter on a name never picks the first of several people for the person.
    #[test]
    fn enter_opens_a_chat_only_with_the_one_person_found() {
        let anne = Person { user_id: "@anne:x".into(), display_name: Some("Anne Dupont".into()) };
        let fake =
            Person { user_id: "@mallory:y".into(), display_name: Some("Anne Dupont".into()) };
        let mut dialog = Dialog::new_chat();
        dialog.update(Message::User("anne".into()));
        dialog.update(Message::Found("anne".into(), Ok(vec![fake.clone(), anne.clone()])));
        assert_eq!(dialog.update(Message::Create), None, "two results: a click decides");
        {
            let mut ui = simulator(dialog.view());
            assert!(ui.find("Anne Dupont (@mallory:y)").is_ok(), "each with their Matrix ID");
            assert!(ui.find("Anne Dupont (@anne:x)").is_ok());
        }
        dialog.update(Message::Found("anne".into(), Ok(vec![anne])));
        assert_eq!(dialog.update(Message::Create), Some(Event::OpenChat("@anne:x".into())));
    }

    #[test]
    fn an_empty_form_creates_nothing_and_cancel_closes() {
        let mut dialog = Dialog::new_chat();
        assert_eq!(dialog.update(Message::Create), None);
        assert_eq!(dialog.update(Message::Cancel), Some(Event::Close));
    }
}
