//! The room list: invitations, direct messages and rooms, each flagged when not encrypted or
//! public, with unread counts and a filter by name. Only the entries near the view are built
//! (`shown`), so a thousand rooms draw as fast as twenty.

mod shown;

use iced::widget::{Space, button, column, container, row, scrollable, text, text_input};
use iced::{Element, Length};

use crate::fl;
use crate::model::{Membership, RoomSummary};
use crate::ui::widget::style;

#[derive(Debug, Clone, Default)]
pub struct RoomList {
    rooms: Vec<RoomSummary>,
    filter: String,
    selected: Option<String>,
    /// The server's whole list has arrived; until then the list says it is still loading.
    loaded: bool,
    order: Order,
    /// Where the list is scrolled to.
    view: shown::View,
    /// The space the list is narrowed to, by id.
    space: Option<String>,
}

/// The height of each kind of entry, its spacing included: fixed, so that the entries out of
/// view can stand in as space of their exact height.
const PROGRESS_HEIGHT: f32 = 32.0;
const HEADING_HEIGHT: f32 = 32.0;
const ROOM_HEIGHT: f32 = 56.0;
const INVITE_HEIGHT: f32 = 96.0;
/// Between one entry and the next.
const SPACING: f32 = 4.0;

/// One line of the list.
enum Entry<'a> {
    Progress,
    Heading(String),
    Invite(&'a RoomSummary),
    Room(&'a RoomSummary),
}

impl Entry<'_> {
    fn height(&self) -> f32 {
        match self {
            Self::Progress => PROGRESS_HEIGHT,
            Self::Heading(_) => HEADING_HEIGHT,
            Self::Invite(_) => INVITE_HEIGHT,
            Self::Room(_) => ROOM_HEIGHT,
        }
    }
}

/// How the rooms of each section follow each other.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// The room with the newest message first, as Element and Tchap do.
    #[default]
    Activity,
    /// Alphabetically, ignoring case.
    Name,
}

/// The filter box, which Ctrl+K focuses: type a few letters, Enter opens the first match.
pub const FILTER: &str = "room-filter";

#[derive(Debug, Clone)]
pub enum Message {
    Filter(String),
    /// Enter in the filter: open the first room that matches.
    OpenFirst,
    Select(String),
    Accept(String),
    Decline(String),
    /// Decline, and ignore whoever sent the invitation.
    Block(String),
    /// Sort the other way (by activity, or by name).
    ToggleOrder,
    /// The list was scrolled.
    Scrolled(scrollable::Viewport),
    /// Narrow the list to one space's rooms, or show them all again.
    Space(Option<String>),
    /// List the chosen space's rooms, joined or not.
    ExploreSpace,
}

/// What the list reports to the home screen.
#[derive(Debug, Clone)]
pub enum Event {
    Selected(String),
    Accept(String),
    Decline(String),
    /// Decline, and ignore whoever sent the invitation.
    Block(String),
    /// List this space's rooms (its id, its name), to join them.
    ExploreSpace(String, String),
}

impl RoomList {
    /// The rooms as the core lists them, put in the list's order once here rather than on
    /// every frame: a thousand rooms are sorted in well under a millisecond, drawn often.
    pub fn set_rooms(&mut self, rooms: Vec<RoomSummary>) {
        self.rooms = rooms;
        self.sort();
    }

    fn sort(&mut self) {
        match self.order {
            Order::Activity => self.rooms.sort_by(|a, b| {
                b.last_activity.cmp(&a.last_activity).then_with(|| a.name.cmp(&b.name))
            }),
            Order::Name => self.rooms.sort_by_cached_key(|room| room.name.to_lowercase()),
        }
    }

    /// The server's whole list is in: stop saying it is loading.
    pub fn set_loaded(&mut self) {
        self.loaded = true;
    }

    pub fn rooms(&self) -> &[RoomSummary] {
        &self.rooms
    }

    /// Everyone this account has a direct chat with, by Matrix ID.
    pub fn partners(&self) -> std::collections::HashSet<String> {
        self.rooms.iter().flat_map(|room| room.partners.iter().cloned()).collect()
    }

    pub fn room(&self, room_id: &str) -> Option<&RoomSummary> {
        self.rooms.iter().find(|room| room.room_id == room_id)
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Filter(filter) => self.filter = filter,
            Message::OpenFirst => {
                let first = self.visible().find(|r| r.membership == Membership::Joined);
                let room_id = first.map(|room| room.room_id.clone())?;
                // The switch is done: the whole list again, not the one room it found.
                self.filter.clear();
                return self.select(room_id);
            }
            Message::Select(room_id) => return self.select(room_id),
            Message::Accept(room_id) => return Some(Event::Accept(room_id)),
            Message::Decline(room_id) => return Some(Event::Decline(room_id)),
            Message::Block(room_id) => return Some(Event::Block(room_id)),
            Message::ToggleOrder => {
                self.order = match self.order {
                    Order::Activity => Order::Name,
                    Order::Name => Order::Activity,
                };
                self.sort();
            }
            Message::Space(space) => {
                self.space = space;
                self.view = shown::View::default();
            }
            Message::ExploreSpace => {
                let space = self.room(self.space.as_deref()?)?;
                return Some(Event::ExploreSpace(space.room_id.clone(), space.name.clone()));
            }
            Message::Scrolled(viewport) => {
                let (offset, height) = (viewport.absolute_offset().y, viewport.bounds().height);
                self.view = shown::View { offset, height };
            }
        }
        None
    }

    /// Empties the filter, ready for a quick switch.
    pub fn clear_filter(&mut self) {
        self.filter.clear();
    }

    /// Highlights a room opened from elsewhere (a new room, a new chat).
    pub fn mark_selected(&mut self, room_id: &str) {
        self.selected = Some(room_id.to_owned());
    }

    fn select(&mut self, room_id: String) -> Option<Event> {
        self.selected = Some(room_id.clone());
        Some(Event::Selected(room_id))
    }

    /// The conversations whose name contains the filter, ignoring case, in the chosen space
    /// if there is one (spaces themselves are groups, not conversations).
    fn visible(&self) -> impl Iterator<Item = &RoomSummary> {
        let filter = self.filter.to_lowercase();
        let space = self.space.as_deref();
        self.rooms.iter().filter(move |room| {
            !(room.space && room.membership == Membership::Joined)
                && space.is_none_or(|space| room.in_spaces.iter().any(|s| s == space))
                && room.name.to_lowercase().contains(&filter)
        })
    }

    /// The switcher above the list: all rooms, or one joined space's; none without spaces.
    fn spaces(&self) -> Option<Element<'_, Message>> {
        let spaces: Vec<&RoomSummary> = self
            .rooms
            .iter()
            .filter(|room| room.space && room.membership == Membership::Joined)
            .collect();
        if spaces.is_empty() {
            return None;
        }
        let chip = |label: String, space: Option<String>| {
            let chosen = self.space == space;
            button(text(label).size(12))
                .style(if chosen { button::primary } else { button::secondary })
                .padding([2, 8])
                .on_press(Message::Space(space))
        };
        let mut chips = row![chip(fl!("list-all-spaces"), None)].spacing(4);
        for space in spaces {
            chips = chips.push(chip(space.name.clone(), Some(space.room_id.clone())));
        }
        let switcher = scrollable(chips).direction(scrollable::Direction::Horizontal(
            scrollable::Scrollbar::new().width(2).scroller_width(2),
        ));
        let mut column = column![switcher].spacing(4);
        if self.space.is_some() {
            let explore = button(text(fl!("list-space-rooms")).size(12))
                .style(button::text)
                .padding([2, 4])
                .on_press(Message::ExploreSpace);
            column = column.push(explore);
        }
        Some(column.into())
    }

    /// The list's entries in order: the loading line, invitations, direct chats, rooms.
    fn entries(&self) -> Vec<Entry<'_>> {
        let mut entries = Vec::new();
        if !self.loaded {
            entries.push(Entry::Progress);
        }
        let invites: Vec<_> =
            self.visible().filter(|r| r.membership == Membership::Invited).collect();
        if !invites.is_empty() {
            entries.push(Entry::Heading(fl!("list-invites")));
            entries.extend(invites.into_iter().map(Entry::Invite));
        }
        for (title, dm) in [(fl!("list-direct"), true), (fl!("list-rooms"), false)] {
            let mut rooms = self
                .visible()
                .filter(|r| r.membership == Membership::Joined && r.dm == dm)
                .map(Entry::Room)
                .peekable();
            if rooms.peek().is_some() {
                entries.push(Entry::Heading(title));
                entries.extend(rooms);
            }
        }
        entries
    }

    fn entry<'a>(&'a self, entry: Entry<'a>) -> Element<'a, Message> {
        let height = entry.height();
        let drawn = match entry {
            Entry::Progress => {
                let progress = fl!("list-loading", count = self.rooms.len());
                container(text(progress).size(13)).padding([6, 4]).into()
            }
            Entry::Heading(title) => heading(title),
            Entry::Invite(room) => invite_row(room),
            Entry::Room(room) => self.room_row(room),
        };
        container(drawn).height(Length::Fixed(height - SPACING)).clip(true).into()
    }

    pub fn view(&self) -> Element<'_, Message> {
        let entries = self.entries();
        let heights: Vec<f32> = entries.iter().map(Entry::height).collect();
        let (above, built, below) = shown::split(&heights, self.view);
        let mut list = column![Space::new().height(above)].spacing(SPACING);
        let built = entries.into_iter().skip(built.start).take(built.len());
        list = list.extend(built.map(|entry| self.entry(entry)));
        list = list.push(Space::new().height(below));
        let filter = text_input(&fl!("list-filter"), &self.filter)
            .id(FILTER)
            .on_input(Message::Filter)
            .on_submit(Message::OpenFirst)
            .padding(6);
        let order = match self.order {
            Order::Activity => fl!("list-order-activity"),
            Order::Name => fl!("list-order-name"),
        };
        let order = button(text(order).size(12))
            .style(button::text)
            .padding([2, 4])
            .on_press(Message::ToggleOrder);
        let list = scrollable(list).height(Length::Fill).on_scroll(Message::Scrolled);
        let mut whole = column![].spacing(4).padding(8);
        if let Some(spaces) = self.spaces() {
            whole = whole.push(spaces);
        }
        whole.push(filter).push(order).push(list).into()
    }

    fn room_row<'a>(&'a self, room: &'a RoomSummary) -> Element<'a, Message> {
        let mut title = row![text(room.name.clone()).width(Length::Fill)]
            .spacing(6)
            .align_y(iced::Alignment::Center);
        if room.unread > 0 {
            let mentions = room.highlights > 0;
            let count =
                if mentions { format!("@ {}", room.unread) } else { room.unread.to_string() };
            title = title.push(style::pill(count, mentions));
        }
        let mut about = row![security_badge(room)].spacing(4).align_y(iced::Alignment::Center);
        if let Some(preview) = &room.last_message {
            // One line: cut where the column ends rather than wrapped.
            let preview = text(preview.clone()).size(12).color(style::MUTED);
            about = about.push(preview.wrapping(iced::widget::text::Wrapping::None));
        }
        let entry =
            row![style::avatar(&room.name, &room.room_id, 34.0), column![title, about].spacing(2)]
                .spacing(10)
                .align_y(iced::Alignment::Center);
        let selected = self.selected.as_deref() == Some(room.room_id.as_str());
        button(entry)
            .width(Length::Fill)
            .padding([6, 8])
            .style(if selected { style::selected_row } else { button::text })
            .on_press(Message::Select(room.room_id.clone()))
            .into()
    }
}

/// The room's security at a glance: a lock when encrypted (a globe too when public), and in
/// words, in red, when not encrypted, since that is what nobody may miss.
fn security_badge(room: &RoomSummary) -> Element<'static, Message> {
    let emoji = |symbol: &'static str| text(symbol).font(style::EMOJI).size(12);
    match (room.encrypted, room.public) {
        (false, public) => {
            let label =
                if public { fl!("badge-public-unencrypted") } else { fl!("badge-unencrypted") };
            text(label).color(style::DANGER).size(11).into()
        }
        (true, true) => explained(row![emoji("🌐"), emoji("🔒")].spacing(2), fl!("badge-public")),
        (true, false) => explained(emoji("🔒"), fl!("badge-encrypted")),
    }
}

/// An icon with its meaning in words when the pointer rests on it.
fn explained<'a>(icon: impl Into<Element<'a, Message>>, words: String) -> Element<'a, Message> {
    let words = container(text(words).size(12)).padding(6).style(style::tooltip_box);
    iced::widget::tooltip(icon, words, iced::widget::tooltip::Position::Bottom).into()
}

fn heading(title: String) -> Element<'static, Message> {
    container(text(title).size(13)).padding([6, 4]).into()
}

fn invite_row(room: &RoomSummary) -> Element<'_, Message> {
    let actions = row![
        button(text(fl!("invite-accept"))).on_press(Message::Accept(room.room_id.clone())),
        button(text(fl!("invite-decline")))
            .style(button::secondary)
            .on_press(Message::Decline(room.room_id.clone())),
        button(text(fl!("invite-block")))
            .style(button::danger)
            .on_press(Message::Block(room.room_id.clone())),
    ]
    .spacing(6);
    let name = row![security_badge(room), text(room.name.clone())]
        .spacing(6)
        .align_y(iced::Alignment::Center);
    let mut shown = column![name].spacing(4);
    if let Some(inviter) = &room.inviter {
        let from = fl!("list-invited-by", who = inviter.as_str());
        shown = shown.push(text(from).size(12).color(style::MUTED));
    }
    container(shown.push(actions)).padding([4, 10]).into()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use iced_test::simulator;

    pub fn room(id: &str, name: &str, encrypted: bool, public: bool) -> RoomSummary {
        RoomSummary { name: name.into(), encrypted, public, ..RoomSummary::pending(id) }
    }

    fn list() -> RoomList {
        let mut list = RoomList::default();
        list.set_rooms(vec![
            room("!a", "Budget 2027", true, false),
            room("!b", "Open Lobby", false, true),
            room("!c", "Team", true, false),
        ]);
        list
    }

    #[test]
    fn rooms_come_by_activity_first_and_by_name_on_request() {
        let at = |id: &str, name: &str, when: u64| RoomSummary {
            last_activity: when,
            ..room(id, name, true, false)
        };
        let mut list = RoomList::default();
        list.set_rooms(vec![at("!a", "alpha", 10), at("!b", "Bravo", 30), at("!c", "charlie", 20)]);
        let order =
            |list: &RoomList| list.rooms.iter().map(|r| r.room_id.clone()).collect::<Vec<_>>();
        assert_eq!(order(&list), ["!b", "!c", "!a"], "the newest message first");
        {
            let mut ui = simulator(list.view());
            let _ = ui.click(fl!("list-order-activity").as_str());
            let clicked: Vec<Message> = ui.into_messages().collect();
            assert!(matches!(clicked.as_slice(), [Message::ToggleOrder]), "{clicked:?}");
        }
        list.update(Message::ToggleOrder);
        assert_eq!(order(&list), ["!a", "!b", "!c"], "alphabetical, ignoring case");
        list.set_rooms(vec![at("!z", "zulu", 99), at("!a", "alpha", 1)]);
        assert_eq!(order(&list), ["!a", "!z"], "the order chosen holds for new lists");
    }

    #[test]
    fn an_invitation_says_who_sent_it() {
        let mut list = RoomList::default();
        let invited = RoomSummary {
            membership: Membership::Invited,
            inviter: Some("Marc (@marc:gouv.example)".into()),
            ..room("!i", "Cellule de crise", true, false)
        };
        list.set_rooms(vec![invited]);
        let from = fl!("list-invited-by", who = "Marc (@marc:gouv.example)");
        assert!(simulator(list.view()).find(from.as_str()).is_ok());
    }

    #[test]
    fn the_filter_narrows_the_list() {
        let mut list = list();
        list.update(Message::Filter("bud".into()));
        let mut ui = simulator(list.view());
        assert!(ui.find("Budget 2027").is_ok());
        assert!(ui.find("Team").is_err());
        assert!(ui.find("Open Lobby").is_err());
    }

    #[test]
    fn unencrypted_and_public_rooms_are_flagged() {
        let list = list();
        let mut ui = simulator(list.view());
        assert!(ui.find(fl!("badge-public-unencrypted").as_str()).is_ok());
    }

    #[test]
    fn enter_in_the_filter_opens_the_first_match() {
        let mut list = list();
        list.update(Message::Filter("te".into()));
        let event = list.update(Message::OpenFirst);
        assert!(matches!(event, Some(Event::Selected(ref id)) if id == "!c"), "{event:?}");
        assert!(list.filter.is_empty(), "the switch done, the whole list shows again");
    }

    #[test]
    fn the_list_says_it_is_loading_until_the_server_list_is_in() {
        let mut list = list();
        let loading = fl!("list-loading", count = 3);
        assert!(simulator(list.view()).find(loading.as_str()).is_ok());
        list.set_loaded();
        assert!(simulator(list.view()).find(loading.as_str()).is_err());
    }

    #[test]
    fn clicking_a_room_selects_it() {
        let list = list();
        let mut ui = simulator(list.view());
        let _ = ui.click("Team");
        let messages: Vec<_> = ui.into_messages().collect();
        assert!(messages.iter().any(|m| matches!(m, Message::Select(id) if id == "!c")));
    }
}
