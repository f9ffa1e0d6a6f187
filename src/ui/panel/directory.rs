//! Explore public rooms, and join a room by its address: the server's directory (or another
//! server's), searched by words, each room with its name, address, topic and size. A public
//! room is a room strangers may be in, so joining one from here asks first and says so. When
//! the organisation turns the directory off, only joining by address is offered.

use iced::widget::{button, column, container, row, scrollable, text, text_input};
use iced::{Element, Length};

use crate::fl;
use crate::model::directory::PublicRoom;
use crate::ui::failure::Failure;
use crate::ui::widget::style;

/// The search box, which takes the keyboard when the dialog opens.
pub const SEARCH: &str = "directory-search";

#[derive(Debug, Default)]
pub struct Directory {
    /// The organisation turned the directory off: only joining by address is offered.
    off: bool,
    /// Listing one space's rooms (its id and name) instead of the public directory.
    space: Option<(String, String)>,
    search: String,
    server: String,
    /// The last answer; `None` before the first.
    found: Option<Vec<PublicRoom>>,
    searching: bool,
    address: String,
    /// The public room waiting for "Join" in the warning.
    asking: Option<PublicRoom>,
    /// The rooms asked to join from here (their IDs), each awaiting a moderator.
    knocked: Vec<String>,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Search(String),
    Server(String),
    Find,
    Found(Result<Vec<PublicRoom>, Failure>),
    Address(String),
    JoinAddress,
    Ask(PublicRoom),
    Confirm,
    Cancel,
    /// A room already joined: just open it.
    Open(String),
    /// Ask to join a room one must knock on.
    Knock(PublicRoom),
    /// The knock went out (the room's ID), or why not.
    Knocked(Result<String, Failure>),
    /// List the rooms of this sub-space (one the account is in).
    Space(PublicRoom),
    Close,
}

/// What the dialog asks of the home screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Find {
        search: String,
        server: Option<String>,
    },
    /// List this space's rooms (answered with `Found`).
    SpaceRooms(String),
    /// Join this room (address or id) and open it.
    Join(String),
    /// Ask to join this room (address or id): answered with `Knocked`.
    Knock(String),
    Open(String),
    Closed,
}

impl Directory {
    /// The dialog, searching at once unless the directory is off.
    pub fn new(off: bool) -> (Self, Option<Event>) {
        let dialog = Self { off, searching: !off, ..Self::default() };
        let first = (!off).then_some(Event::Find { search: String::new(), server: None });
        (dialog, first)
    }

    /// The dialog listing a space's rooms, asking for them at once.
    pub fn of_space(space_id: String, name: String) -> (Self, Event) {
        let ask = Event::SpaceRooms(space_id.clone());
        (Self { space: Some((space_id, name)), searching: true, ..Self::default() }, ask)
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Search(search) => self.search = search,
            Message::Server(server) => self.server = server,
            Message::Find if self.off => {}
            Message::Find => {
                self.searching = true;
                let server = Some(self.server.trim().to_owned()).filter(|s| !s.is_empty());
                return Some(Event::Find { search: self.search.trim().to_owned(), server });
            }
            Message::Found(found) => {
                self.searching = false;
                match found {
                    Ok(rooms) => {
                        self.found = Some(rooms);
                        self.error = None;
                    }
                    Err(failure) => self.error = Some(failure.to_string()),
                }
            }
            Message::Address(address) => self.address = address,
            Message::JoinAddress => {
                let Some(room) = crate::model::link::room_address(&self.address) else {
                    self.error = Some(fl!("directory-not-an-address"));
                    return None;
                };
                return Some(Event::Join(room));
            }
            // A space's room that is encrypted and not open to anyone needs no warning.
            Message::Ask(room) if room.encrypted == Some(true) && !room.open => {
                return Some(Event::Join(room.address().to_owned()));
            }
            Message::Ask(room) => self.asking = Some(room),
            Message::Confirm => {
                let room = self.asking.take()?;
                return Some(Event::Join(room.address().to_owned()));
            }
            Message::Cancel => self.asking = None,
            Message::Open(room_id) => return Some(Event::Open(room_id)),
            Message::Knock(room) => return Some(Event::Knock(room.address().to_owned())),
            Message::Knocked(Ok(room_id)) => {
                self.error = None;
                self.knocked.push(room_id);
            }
            Message::Knocked(Err(failure)) => self.error = Some(failure.to_string()),
            Message::Space(room) => {
                let name = room.title().to_owned();
                self.space = Some((room.room_id.clone(), name));
                self.searching = true;
                self.found = None;
                return Some(Event::SpaceRooms(room.room_id));
            }
            Message::Close => return Some(Event::Closed),
        }
        None
    }

    /// A join failed (the dialog stays open, saying why).
    pub fn failed(&mut self, failure: &Failure) {
        self.error = Some(failure.to_string());
    }

    pub fn view(&self) -> Element<'_, Message> {
        let close = button(text(fl!("viewer-close")).size(12))
            .style(button::secondary)
            .on_press(Message::Close);
        let heading = match &self.space {
            Some((_, name)) => fl!("directory-space-title", space = name.as_str()),
            None => fl!("directory-title"),
        };
        let title = row![text(heading).size(20).width(Length::Fill), close];
        let mut body = column![title].spacing(12);
        if let Some(error) = &self.error {
            body = body.push(style::error_box(error));
        }
        if let Some(room) = &self.asking {
            return style::modal(body.push(warning(room)), 620.0, style::dialog);
        }
        if self.space.is_some() {
            return style::modal(body.push(self.results()), 620.0, style::dialog);
        }
        body = body.push(self.by_address());
        if self.off {
            let off = text(fl!("refusal-public-room-directory")).size(13).color(style::MUTED);
            return style::modal(body.push(off), 620.0, style::dialog);
        }
        body = body.push(self.search_row()).push(self.results());
        style::modal(body, 620.0, style::dialog)
    }

    fn by_address(&self) -> Element<'_, Message> {
        let input = text_input(&fl!("directory-address"), &self.address)
            .on_input(Message::Address)
            .on_submit(Message::JoinAddress)
            .size(14);
        let join = button(text(fl!("directory-join")).size(13)).on_press(Message::JoinAddress);
        row![input, join].spacing(8).into()
    }

    fn search_row(&self) -> Element<'_, Message> {
        let search = text_input(&fl!("directory-search"), &self.search)
            .id(SEARCH)
            .on_input(Message::Search)
            .on_submit(Message::Find)
            .size(14);
        let server = text_input(&fl!("directory-server"), &self.server)
            .on_input(Message::Server)
            .on_submit(Message::Find)
            .size(14)
            .width(180);
        let find = button(text(fl!("directory-find")).size(13)).on_press(Message::Find);
        row![search, server, find].spacing(8).into()
    }

    fn results(&self) -> Element<'_, Message> {
        if self.searching {
            return text(fl!("directory-searching")).size(13).color(style::MUTED).into();
        }
        let Some(found) = &self.found else { return column![].into() };
        if found.is_empty() {
            return text(fl!("directory-none")).size(13).color(style::MUTED).into();
        }
        let rows = found.iter().fold(column![].spacing(6), |rows, room| {
            rows.push(entry(room, self.knocked.contains(&room.room_id)))
        });
        scrollable(rows).height(360).into()
    }
}

/// One public room: its name, address and size, its topic on one line, and what can be done:
/// open it (a joined sub-space: list its rooms), join it, or ask to join.
fn entry(room: &PublicRoom, knocked: bool) -> Element<'_, Message> {
    let mut about = column![text(room.title().to_owned()).size(15)].spacing(2);
    // The address when it has one; a room ID says nothing to a person.
    let mut facts: Vec<String> = room.alias.iter().cloned().collect();
    facts.push(fl!("room-members", count = room.members));
    if room.world_readable {
        facts.push(fl!("directory-world-readable"));
    }
    match room.encrypted {
        Some(true) => facts.push(fl!("room-encrypted")),
        Some(false) => facts.push(fl!("room-unencrypted")),
        None => {}
    }
    about = about.push(text(facts.join(" · ")).size(12).color(style::MUTED));
    if let Some(topic) = &room.topic {
        let line = crate::model::text::shortened(topic, 120)
            .map_or_else(|| topic.clone(), |(kept, _)| format!("{kept}…"));
        about = about.push(text(line.replace('\n', " ")).size(12));
    }
    let action: Element<'_, Message> = if room.joined && room.space {
        button(text(fl!("directory-space-rooms")).size(13))
            .style(button::secondary)
            .on_press(Message::Space(room.clone()))
            .into()
    } else if room.joined {
        button(text(fl!("directory-open")).size(13))
            .style(button::secondary)
            .on_press(Message::Open(room.room_id.clone()))
            .into()
    } else if knocked {
        text(fl!("directory-knocked")).size(12).color(style::MUTED).width(200).into()
    } else if room.knock && !room.open {
        button(text(fl!("directory-knock")).size(13)).on_press(Message::Knock(room.clone())).into()
    } else {
        button(text(fl!("directory-join")).size(13)).on_press(Message::Ask(room.clone())).into()
    };
    let line = row![about.width(Length::Fill), action].spacing(8).align_y(iced::Alignment::Center);
    container(line).padding(6).width(Length::Fill).into()
}

/// "Join this public room?": strangers may be in it, and may read everything said there.
fn warning(room: &PublicRoom) -> Element<'_, Message> {
    let question = fl!("directory-ask-join", room = room.title());
    if !room.open && room.encrypted == Some(false) {
        let explained =
            text(fl!("directory-unencrypted-warning")).size(14).style(style::danger_text);
        return column![text(question).size(16), explained, confirm_buttons()].spacing(14).into();
    }
    let explained = text(fl!("directory-public-warning")).size(14).style(style::danger_text);
    column![text(question).size(16), explained, confirm_buttons()].spacing(14).into()
}

fn confirm_buttons() -> Element<'static, Message> {
    row![
        button(text(fl!("consent-cancel"))).style(button::secondary).on_press(Message::Cancel),
        button(text(fl!("directory-join"))).style(button::danger).on_press(Message::Confirm),
    ]
    .spacing(12)
    .into()
}

#[cfg(test)]
mod tests {
    use iced_test::simulator;

    use super::*;

    fn shows(dialog: &Directory, words: &str) -> bool {
        simulator(dialog.view()).find(words).is_ok()
    }

    fn room(name: &str, joined: bool) -> PublicRoom {
        PublicRoom {
            room_id: format!("!{name}:x"),
            alias: Some(format!("#{name}:x")),
            name: Some(name.into()),
            topic: Some("Bienvenue".into()),
            members: 12,
            world_readable: true,
            open: true,
            knock: false,
            space: false,
            joined,
            encrypted: None,
        }
    }

    #[test]
    fn a_room_one_must_ask_to_join_is_knocked_on_and_then_says_so() {
        let (mut dialog, _) = Directory::new(false);
        let asked = PublicRoom { open: false, knock: true, ..room("huis-clos", false) };
        dialog.update(Message::Found(Ok(vec![asked])));
        let mut ui = simulator(dialog.view());
        ui.click(fl!("directory-knock").as_str()).unwrap();
        let clicked: Vec<Message> = ui.into_messages().collect();
        let [Message::Knock(room)] = clicked.as_slice() else { panic!("{clicked:?}") };
        let event = dialog.update(Message::Knock(room.clone()));
        assert_eq!(event, Some(Event::Knock("#huis-clos:x".into())), "no join, a knock");
        dialog.update(Message::Knocked(Ok("!huis-clos:x".into())));
        assert!(shows(&dialog, &fl!("directory-knocked")));
        assert!(!shows(&dialog, &fl!("directory-knock")), "asked once");
    }

    #[test]
    fn a_joined_sub_space_lists_its_own_rooms() {
        let (mut dialog, _) = Directory::of_space("!top:x".into(), "Ministère".into());
        let sub = PublicRoom { space: true, ..room("Direction", true) };
        dialog.update(Message::Found(Ok(vec![sub.clone()])));
        assert!(shows(&dialog, &fl!("directory-space-rooms")));
        assert_eq!(
            dialog.update(Message::Space(sub)),
            Some(Event::SpaceRooms("!Direction:x".into()))
        );
        assert!(shows(&dialog, &fl!("directory-space-title", space = "Direction")));
    }

    #[test]
    fn joining_a_public_room_warns_first() {
        let (mut dialog, first) = Directory::new(false);
        assert_eq!(first, Some(Event::Find { search: String::new(), server: None }));
        dialog.update(Message::Found(Ok(vec![room("accueil", false), room("mine", true)])));
        assert!(shows(&dialog, "#accueil:x · 12 members · anyone can read it"));
        assert!(shows(&dialog, &fl!("directory-open")), "a joined room opens");
        assert_eq!(
            dialog.update(Message::Ask(room("accueil", false))),
            None,
            "asks, does not join"
        );
        assert!(shows(&dialog, &fl!("directory-public-warning")));
        assert_eq!(dialog.update(Message::Confirm), Some(Event::Join("#accueil:x".into())));
    }

    #[test]
    fn with_the_directory_off_only_an_address_can_be_joined() {
        let (mut dialog, first) = Directory::new(true);
        assert_eq!(first, None, "nothing is asked of the server");
        assert!(shows(&dialog, &fl!("refusal-public-room-directory")));
        assert!(!shows(&dialog, &fl!("directory-find")));
        assert_eq!(dialog.update(Message::Find), None);
        dialog.update(Message::Address("https://matrix.to/#/%23crise:gouv.fr".into()));
        assert_eq!(dialog.update(Message::JoinAddress), Some(Event::Join("#crise:gouv.fr".into())));
        dialog.update(Message::Address("@anne:gouv.fr".into()));
        assert_eq!(dialog.update(Message::JoinAddress), None, "a person is not a room");
    }

    #[test]
    fn a_search_asks_the_server_typed() {
        let (mut dialog, _) = Directory::new(false);
        dialog.update(Message::Search(" budget ".into()));
        dialog.update(Message::Server("matrix.org".into()));
        assert_eq!(
            dialog.update(Message::Find),
            Some(Event::Find { search: "budget".into(), server: Some("matrix.org".into()) })
        );
    }
}
