//! Search the messages, encrypted ones included, in the local index: in the open room
//! (Ctrl+F) or in every room (Ctrl+Shift+F). Results come as one types, each with its sender,
//! time and room, the words found highlighted; a click opens the room. While the crawler is
//! still reading history, the panel says how far it has got, so that "nothing found" is not
//! taken for "nothing there". When the organisation allows no index, the panel searches the
//! rooms that are not encrypted through the server, and says so.

use iced::widget::{button, column, container, rich_text, row, scrollable, span, text, text_input};
use iced::{Element, Length};

use crate::fl;
use crate::model::search::{IndexProgress, SearchHit};
use crate::policy::{Refusal, SearchReach};
use crate::ui::failure::Failure;
use crate::ui::widget::style;

/// The search field, which takes the keyboard when the panel opens.
pub const FIELD: &str = "search-field";

/// How many results a search shows.
pub const LIMIT: usize = 50;

/// The room a search is limited to.
#[derive(Debug, Clone)]
pub struct Within {
    pub id: String,
    pub name: String,
    pub encrypted: bool,
}

#[derive(Debug)]
pub struct Search {
    /// The room searched; none: every room.
    room: Option<Within>,
    query: String,
    /// The answer to the current query; `None` before it.
    hits: Option<Vec<SearchHit>>,
    /// How far the policy lets a search reach, or why it allows none.
    reach: Result<SearchReach, Refusal>,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Query(String),
    /// The answer to a query (which may no longer be the one typed).
    Found(String, Result<Vec<SearchHit>, Failure>),
    /// Search every room rather than the open one.
    AllRooms,
    Open(SearchHit),
    Close,
}

/// What the panel asks of the home screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Find {
        query: String,
        room: Option<String>,
    },
    /// Open the room of this message, at the message.
    Open {
        room_id: String,
        event_id: String,
    },
    Closed,
}

impl Search {
    /// The panel for `room`, or for every room, as far as the policy's `reach` goes.
    pub fn new(room: Option<Within>, reach: Result<SearchReach, Refusal>) -> Self {
        Self { room, query: String::new(), hits: None, reach, error: None }
    }

    /// Why nothing can be searched here, if so: the policy allows no search at all, or allows
    /// only the server's, which cannot read the encrypted room chosen.
    fn refused(&self) -> Option<String> {
        match (&self.reach, &self.room) {
            (Err(refusal), _) => Some(refusal.to_string()),
            (Ok(SearchReach::ServerOnly), Some(room)) if room.encrypted => {
                Some(Refusal::EncryptedSearch(room.name.clone()).to_string())
            }
            _ => None,
        }
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Query(query) => {
                self.query = query;
                return self.find();
            }
            Message::Found(query, found) if query == self.query.trim() => match found {
                Ok(hits) => {
                    self.hits = Some(hits);
                    self.error = None;
                }
                Err(failure) => self.error = Some(failure.to_string()),
            },
            // An answer to what was typed before: the next one is on its way.
            Message::Found(..) => {}
            Message::AllRooms => {
                self.room = None;
                return self.find();
            }
            Message::Open(hit) => {
                return Some(Event::Open { room_id: hit.room_id, event_id: hit.event_id });
            }
            Message::Close => return Some(Event::Closed),
        }
        None
    }

    fn find(&mut self) -> Option<Event> {
        let query = self.query.trim().to_owned();
        if self.refused().is_some() || query.is_empty() {
            self.hits = None;
            return None;
        }
        Some(Event::Find { query, room: self.room.as_ref().map(|room| room.id.clone()) })
    }

    /// `progress`: how far the index has got, when the crawler has said.
    pub fn view(&self, progress: Option<IndexProgress>) -> Element<'_, Message> {
        let close = button(text(fl!("viewer-close")).size(12))
            .style(button::secondary)
            .on_press(Message::Close);
        let heading = match &self.room {
            Some(room) => fl!("search-title-room", room = room.name.as_str()),
            None => fl!("search-title-all"),
        };
        let mut title = row![text(heading).size(20).width(Length::Fill)].spacing(8);
        if self.room.is_some() {
            let all = button(text(fl!("search-all-rooms")).size(12))
                .style(button::secondary)
                .on_press(Message::AllRooms);
            title = title.push(all);
        }
        let mut body = column![title.push(close)].spacing(12);
        if let Some(refused) = self.refused() {
            let off = text(refused).size(13).color(style::MUTED);
            return style::modal(body.push(off), 680.0, style::dialog);
        }
        let field = text_input(&fl!("search-placeholder"), &self.query)
            .id(FIELD)
            .on_input(Message::Query)
            .size(14);
        body = body.push(field);
        if self.reach == Ok(SearchReach::ServerOnly) {
            body = body.push(text(fl!("search-server-only")).size(12).color(style::MUTED));
        }
        if let Some(progress) = progress.filter(|p| !p.complete()) {
            let line = fl!("search-indexing", done = progress.rooms_done, rooms = progress.rooms);
            body = body.push(text(line).size(12).color(style::MUTED));
        }
        if let Some(error) = &self.error {
            body = body.push(style::error_box(error));
        }
        style::modal(body.push(self.results()), 680.0, style::dialog)
    }

    fn results(&self) -> Element<'_, Message> {
        let Some(hits) = &self.hits else { return column![].into() };
        if hits.is_empty() {
            let none = fl!("search-nothing", query = self.query.trim());
            return text(none).size(13).color(style::MUTED).into();
        }
        let today = crate::model::time::today();
        let rows =
            hits.iter().fold(column![].spacing(6), |list, hit| list.push(self.result(hit, today)));
        scrollable(rows).height(Length::Fixed(420.0)).into()
    }

    fn result(&self, hit: &SearchHit, today: chrono::NaiveDate) -> Element<'_, Message> {
        let sender = hit.sender_name.as_deref().unwrap_or(&hit.sender_id);
        let mut about = format!("{sender} · {}", crate::model::time::moment(hit.sent, today));
        if self.room.is_none() {
            about = format!("{about} · {}", hit.room_name);
        }
        let words = hit.runs().into_iter().map(|(run, marked)| {
            let piece = span(run.to_owned());
            if marked { highlighted(piece) } else { piece }
        });
        let words: Vec<_> = words.collect();
        let content = column![
            text(about).size(12).color(style::MUTED),
            rich_text::<'_, (), _, _, _>(words).size(14).width(Length::Fill),
        ]
        .spacing(2);
        button(container(content).width(Length::Fill))
            .style(button::text)
            .width(Length::Fill)
            .on_press(Message::Open(hit.clone()))
            .into()
    }
}

/// A word found: bold, on the mention tint.
fn highlighted(
    piece: iced::widget::text::Span<'static, ()>,
) -> iced::widget::text::Span<'static, ()> {
    let mut font = style::UI;
    font.weight = iced::font::Weight::Bold;
    piece.font(font).background(style::MENTION.1).border(iced::border::rounded(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn within(id: &str, encrypted: bool) -> Within {
        Within { id: id.into(), name: "Projet".into(), encrypted }
    }

    fn hit(room: &str) -> SearchHit {
        SearchHit {
            room_id: room.into(),
            room_name: "Projet".into(),
            event_id: "$e".into(),
            sender_id: "@bruno:example.org".into(),
            sender_name: Some("Bruno".into()),
            sent: 0,
            body: "La réunion de jeudi".into(),
            marks: vec![(3, 11)],
        }
    }

    #[test]
    fn typing_searches_the_room_then_every_room() {
        let mut panel = Search::new(Some(within("!r", false)), Ok(SearchReach::Index));
        assert_eq!(panel.update(Message::Query("  ".into())), None, "nothing to find yet");
        let asked = panel.update(Message::Query("réunion ".into()));
        assert_eq!(asked, Some(Event::Find { query: "réunion".into(), room: Some("!r".into()) }));
        let all = panel.update(Message::AllRooms);
        assert_eq!(all, Some(Event::Find { query: "réunion".into(), room: None }));
    }

    #[test]
    fn a_late_answer_to_an_older_query_is_dropped() {
        let mut panel = Search::new(None, Ok(SearchReach::Index));
        panel.update(Message::Query("reu".into()));
        panel.update(Message::Query("reunion".into()));
        panel.update(Message::Found("reu".into(), Ok(vec![hit("!old")])));
        assert!(panel.hits.is_none());
        panel.update(Message::Found("reunion".into(), Ok(vec![hit("!r")])));
        assert_eq!(panel.hits.as_ref().map(Vec::len), Some(1));
        let opened = panel.update(Message::Open(hit("!r")));
        assert_eq!(opened, Some(Event::Open { room_id: "!r".into(), event_id: "$e".into() }));
    }

    #[test]
    fn with_the_policy_off_nothing_is_asked() {
        let mut panel = Search::new(None, Err(Refusal::LocalSearch));
        assert_eq!(panel.update(Message::Query("budget".into())), None);
    }

    /// With no index allowed, the server is asked for the rooms that are not encrypted, and
    /// the panel says so; an encrypted room cannot be searched, every room still can.
    #[test]
    fn with_no_index_the_server_searches_the_rooms_in_clear() {
        use iced_test::simulator;
        let mut panel = Search::new(Some(within("!secret", true)), Ok(SearchReach::ServerOnly));
        assert_eq!(panel.update(Message::Query("budget".into())), None, "not that room");
        let refused = fl!("refusal-encrypted-search", room = "Projet");
        assert!(simulator(panel.view(None)).find(refused).is_ok(), "it says why");
        let all = panel.update(Message::AllRooms);
        assert_eq!(all, Some(Event::Find { query: "budget".into(), room: None }));
        let mut ui = simulator(panel.view(None));
        assert!(ui.find(fl!("search-server-only")).is_ok(), "it says what is searched");
        let mut clear = Search::new(Some(within("!clear", false)), Ok(SearchReach::ServerOnly));
        let asked = clear.update(Message::Query("budget".into()));
        assert_eq!(
            asked,
            Some(Event::Find { query: "budget".into(), room: Some("!clear".into()) })
        );
    }

    #[test]
    fn results_show_sender_room_and_the_words_found() {
        use iced_test::simulator;
        let mut panel = Search::new(None, Ok(SearchReach::Index));
        panel.update(Message::Query("reunion".into()));
        panel.update(Message::Found("reunion".into(), Ok(vec![hit("!r")])));
        let progress = IndexProgress { rooms_done: 3, rooms: 7, messages: 10 };
        let mut ui = simulator(panel.view(Some(progress)));
        let when = crate::model::time::moment(0, crate::model::time::today());
        let about = format!("Bruno · {when} · Projet");
        assert!(ui.find(fl!("search-indexing", done = 3, rooms = 7)).is_ok(), "the progress");
        assert!(ui.click(about.as_str()).is_ok(), "sender, time and room");
        let clicked: Vec<_> = ui.into_messages().collect();
        assert!(
            matches!(&clicked[..], [Message::Open(hit)] if hit.event_id == "$e"),
            "{clicked:?}"
        );
    }
}
