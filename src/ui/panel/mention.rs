//! The composer's mention completion: typing `@` offers the room's members (name and Matrix
//! ID, so two people of one name are told apart), and `@room` to an account allowed to notify
//! the whole room. Up and Down move, Tab or Enter picks, Esc closes; a click picks too. What
//! is picked is remembered, so the message sent carries the mention (`m.mentions` and a link),
//! as long as its name is still in the text.

use iced::widget::{button, column, container, text, text_editor};
use iced::{Element, Length};

use crate::model::member::RoomMembers;
use crate::model::mention::{self, Candidate, Mention, Outgoing};
use crate::model::{Membership, person};
use crate::ui::widget::style;

/// The most members offered at once: type more to find others.
const SHOWN: usize = 8;

/// The completion's state for one room's composer.
#[derive(Debug, Default)]
pub struct Completion {
    /// The room's joined and invited members, once fetched.
    candidates: Option<Vec<Candidate>>,
    may_call_room: bool,
    /// The `@word` being typed, while there is one.
    typing: Option<Typing>,
    /// The offer highlighted by the arrow keys.
    chosen: usize,
    /// The mentions picked for the message being written.
    picked: Vec<Mention>,
    /// What the list offers for the word being typed: worked out when the word or the
    /// members change, not on every frame (a room may have thousands of members).
    offered: Vec<Offer>,
}

/// Where the `@word` under the cursor is: its line, the byte where its `@` starts, the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Typing {
    line: usize,
    at: usize,
    cursor: usize,
    query: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Next,
    Previous,
    /// Pick the highlighted offer (Tab, Enter).
    Accept,
    /// Pick this offer (a click).
    Choose(usize),
    Close,
}

/// What the composer must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Replace bytes `from..to` of `line` with `written` (and a space after it).
    Insert { line: usize, from: usize, to: usize, written: String },
}

/// One offer of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Offer {
    Room,
    Person(Candidate),
}

impl Completion {
    /// The room's members: who can be offered.
    pub fn set_members(&mut self, list: &RoomMembers) {
        let present = |m: &&crate::model::member::Member| {
            matches!(m.membership, Membership::Joined | Membership::Invited) && !m.me
        };
        let candidates = list
            .members
            .iter()
            .filter(present)
            .map(|m| Candidate { user_id: m.user_id.clone(), name: m.name.clone() })
            .collect();
        self.candidates = Some(candidates);
        self.may_call_room = list.may_call_room;
        self.offered = self.matching();
    }

    /// The keys the open list takes from its editor: arrows, Tab, Enter and Esc.
    pub fn key(press: &text_editor::KeyPress) -> Option<Message> {
        use iced::keyboard::{Key, key::Named};
        match press.key.as_ref() {
            Key::Named(Named::ArrowDown) => Some(Message::Next),
            Key::Named(Named::ArrowUp) => Some(Message::Previous),
            Key::Named(Named::Tab | Named::Enter) => Some(Message::Accept),
            Key::Named(Named::Escape) => Some(Message::Close),
            _ => None,
        }
    }

    /// Follows the composer after a change: `line` is the cursor's line and `cursor` its
    /// byte in it. Returns true when the members must be fetched first.
    pub fn follow(&mut self, line_index: usize, line: &str, cursor: usize) -> bool {
        let typing = mention::typing_at(line, cursor).map(|(at, query)| Typing {
            line: line_index,
            at,
            cursor,
            query: query.to_owned(),
        });
        let changed = typing.as_ref().map(|t| &t.query) != self.typing.as_ref().map(|t| &t.query);
        self.typing = typing;
        if changed {
            self.chosen = 0;
            self.offered = self.matching();
        }
        self.typing.is_some() && self.candidates.is_none()
    }

    /// Whether the list is on screen (it then takes Up, Down, Tab, Enter and Esc).
    pub fn is_open(&self) -> bool {
        self.typing.is_some() && !self.offers().is_empty()
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        let count = self.offers().len();
        match message {
            Message::Next if count > 0 => self.chosen = (self.chosen + 1) % count,
            Message::Previous if count > 0 => self.chosen = (self.chosen + count - 1) % count,
            Message::Accept => return self.pick(self.chosen),
            Message::Choose(index) => return self.pick(index),
            Message::Close => self.stop(),
            Message::Next | Message::Previous => {}
        }
        None
    }

    fn pick(&mut self, index: usize) -> Option<Event> {
        let mention = match self.offers().get(index)? {
            Offer::Room => Mention::Room,
            Offer::Person(candidate) => Mention::Person {
                user_id: candidate.user_id.clone(),
                name: candidate.written().to_owned(),
            },
        };
        let written = match &mention {
            Mention::Room => mention::ROOM.to_owned(),
            Mention::Person { name, .. } => name.clone(),
        };
        let typing = self.typing.clone()?;
        self.stop();
        self.picked.push(mention);
        Some(Event::Insert { line: typing.line, from: typing.at, to: typing.cursor, written })
    }

    /// The message to send with `text`: the mentions picked go with it, and the next one
    /// starts without any.
    pub fn outgoing(&mut self, text: String) -> Outgoing {
        self.stop();
        Outgoing { text, mentions: std::mem::take(&mut self.picked) }.written()
    }

    /// Forgets the mentions picked (the composer was emptied or replaced).
    pub fn clear(&mut self) {
        self.stop();
        self.picked.clear();
    }

    /// No word is being completed any more.
    fn stop(&mut self) {
        self.typing = None;
        self.offered.clear();
    }

    fn offers(&self) -> &[Offer] {
        &self.offered
    }

    fn matching(&self) -> Vec<Offer> {
        let (Some(typing), Some(candidates)) = (&self.typing, &self.candidates) else {
            return Vec::new();
        };
        let mut offers = Vec::new();
        let room_word = &mention::ROOM[1..];
        if self.may_call_room && room_word.starts_with(&crate::model::text::folded(&typing.query)) {
            offers.push(Offer::Room);
        }
        let people = mention::matching(candidates, &typing.query, SHOWN - offers.len());
        offers.extend(people.into_iter().cloned().map(Offer::Person));
        offers
    }

    /// `follow`, for the word under `editor`'s cursor.
    pub fn follow_editor(&mut self, editor: &text_editor::Content) -> bool {
        let position = editor.cursor().position;
        let line = editor.line(position.line).map(|l| l.text.into_owned());
        self.follow(position.line, &line.unwrap_or_default(), position.column)
    }

    /// Handles `message` for `editor`: a pick replaces the typed `@word` with the name and a
    /// space.
    pub fn update_editor(&mut self, message: Message, editor: &mut text_editor::Content) {
        let Some(Event::Insert { line, from, to, written }) = self.update(message) else { return };
        editor.move_to(text_editor::Cursor {
            position: text_editor::Position { line, column: to },
            selection: Some(text_editor::Position { line, column: from }),
        });
        let inserted = std::sync::Arc::new(format!("{written} "));
        editor.perform(text_editor::Action::Edit(text_editor::Edit::Paste(inserted)));
    }

    /// The list above the composer, while a mention is being typed.
    pub fn view(&self) -> Option<Element<'_, Message>> {
        if !self.is_open() {
            return None;
        }
        let mut list = column![].spacing(2);
        for (index, offer) in self.offers().iter().enumerate() {
            let label = match offer {
                Offer::Room => crate::fl!("mention-room"),
                // The ID always: anyone can take a colleague's name.
                Offer::Person(candidate) => {
                    person::named(candidate.name.as_deref(), &candidate.user_id, true)
                }
            };
            let style = if index == self.chosen { button::primary } else { button::text };
            let line = button(text(label).size(13))
                .style(style)
                .width(Length::Fill)
                .padding([3, 8])
                .on_press(Message::Choose(index));
            list = list.push(line);
        }
        let hint = text(crate::fl!("mention-hint")).size(11).color(style::MUTED);
        Some(container(column![list, hint].spacing(4)).padding(6).style(style::dialog_plain).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::member::{Member, Power};

    fn completion(may_call_room: bool) -> Completion {
        let list = RoomMembers {
            room_id: "!r:x".into(),
            members: vec![
                Member::joined("@alice:x", "Alice"),
                Member::joined("@alain:x", "Alain"),
                Member::joined("@bob:x", "Bob"),
            ],
            my_power: Power::Level(0),
            default_level: 0,
            may_invite: false,
            may_call_room,
        };
        let mut completion = Completion::default();
        completion.set_members(&list);
        completion
    }

    #[test]
    fn an_at_sign_asks_for_the_members_once_then_offers_them() {
        let mut fresh = Completion::default();
        assert!(fresh.follow(0, "@", 1), "the members are fetched first");
        assert!(!fresh.is_open());
        let mut completion = completion(false);
        assert!(!completion.follow(0, "salut @al", 9));
        assert!(completion.is_open());
        assert_eq!(completion.offers().len(), 2);
        completion.update(Message::Next);
        let picked = completion.update(Message::Accept);
        assert_eq!(
            picked,
            Some(Event::Insert { line: 0, from: 6, to: 9, written: "Alain".into() })
        );
        assert!(!completion.is_open());
        let out = completion.outgoing("salut Alain ".into());
        assert_eq!(out.people(), ["@alain:x"]);
        assert!(completion.outgoing("encore".into()).mentions.is_empty());
    }

    #[test]
    fn at_room_is_offered_only_to_who_may_notify_the_room() {
        let mut allowed = completion(true);
        allowed.follow(0, "@ro", 3);
        assert_eq!(allowed.offers().first(), Some(&Offer::Room));
        let mut not = completion(false);
        not.follow(0, "@ro", 3);
        assert!(!not.offers().contains(&Offer::Room));
    }

    #[test]
    fn esc_closes_and_a_space_ends_the_word() {
        let mut completion = completion(false);
        completion.follow(0, "@b", 2);
        assert!(completion.is_open());
        completion.update(Message::Close);
        assert!(!completion.is_open());
        completion.follow(0, "@b ", 3);
        assert!(!completion.is_open());
        assert_eq!(completion.update(Message::Accept), None);
    }
}
