//! An open room: its header, the warning banner when it is not encrypted, the messages with
//! their trust shields, and the composer that asks before a first message goes out in clear.

use iced::keyboard::{Key, key::Named};
use iced::widget::text_editor::{self, Binding, KeyPress};
use iced::widget::{button, column, container, row, scrollable, stack, text, tooltip};
use iced::{Element, Length};

use super::style;
use crate::fl;
use crate::model::rich::Span;
use crate::model::{Message as Msg, RoomDetails, RoomSummary, RoomView, SendState, Trust, time};

/// The open room.
#[derive(Debug)]
pub struct RoomPane {
    details: RoomDetails,
    messages: Vec<Msg>,
    composer: text_editor::Content,
    /// The consent dialog is open, holding the text it asks about.
    asking: Option<String>,
    /// The user consented to sending in clear in this room, for this session.
    consented: bool,
    /// The organisation forbids sending in clear.
    forbid: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Edit(text_editor::Action),
    Send,
    ConfirmClear,
    CancelClear,
    Loaded(RoomView),
    Failed(String),
    LoadOlder,
    /// Send again the failed message with this transaction id.
    Retry(String),
}

/// What the pane asks the home screen to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Send `text`; `consent` is true only after the user confirmed sending in clear.
    Send {
        room_id: String,
        text: String,
        consent: bool,
    },
    LoadOlder(String),
    Retry {
        room_id: String,
        local_id: String,
    },
}

impl RoomPane {
    /// Opens a room from its list entry, before its messages arrive.
    pub fn new(summary: &RoomSummary, forbid: bool) -> Self {
        let details = RoomDetails {
            room_id: summary.room_id.clone(),
            name: summary.name.clone(),
            topic: None,
            members: 0,
            encrypted: summary.encrypted,
            public: summary.public,
        };
        Self {
            details,
            messages: Vec::new(),
            composer: text_editor::Content::new(),
            asking: None,
            consented: false,
            forbid,
            error: None,
        }
    }

    pub fn room_id(&self) -> &str {
        &self.details.room_id
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Edit(action) => self.composer.perform(action),
            Message::Send => return self.send(),
            Message::ConfirmClear => return self.confirm(),
            Message::CancelClear => self.asking = None,
            Message::Loaded(view) => self.loaded(view),
            Message::Failed(error) => self.error = Some(error),
            Message::LoadOlder => return Some(Event::LoadOlder(self.details.room_id.clone())),
            Message::Retry(local_id) => {
                return Some(Event::Retry { room_id: self.details.room_id.clone(), local_id });
            }
        }
        None
    }

    fn loaded(&mut self, view: RoomView) {
        self.details = view.details;
        self.messages = view.messages;
    }

    /// Sends what the composer holds: at once in an encrypted room, after consent otherwise.
    fn send(&mut self) -> Option<Event> {
        let text = self.composer.text().trim_end().to_owned();
        if text.trim().is_empty() || self.forbidden() {
            return None;
        }
        self.composer = text_editor::Content::new();
        if self.details.encrypted || self.consented {
            return Some(self.event(text));
        }
        self.asking = Some(text);
        None
    }

    fn confirm(&mut self) -> Option<Event> {
        let text = self.asking.take()?;
        self.consented = true;
        Some(self.event(text))
    }

    fn event(&self, text: String) -> Event {
        Event::Send { room_id: self.details.room_id.clone(), text, consent: self.consented }
    }

    fn forbidden(&self) -> bool {
        self.forbid && !self.details.encrypted
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut page = column![self.header()].spacing(8).padding(12);
        if let Some(banner) = self.banner() {
            page = page.push(banner);
        }
        if let Some(error) = &self.error {
            page = page.push(style::error_box(error));
        }
        page = page.push(self.timeline()).push(self.composer());
        match &self.asking {
            Some(_) => stack![page, self.consent_dialog()].into(),
            None => page.into(),
        }
    }

    fn header(&self) -> Element<'_, Message> {
        let details = &self.details;
        let state = if details.encrypted {
            text(fl!("room-header-encrypted")).color(style::SAFE)
        } else {
            text(fl!("room-header-unencrypted")).color(style::DANGER)
        };
        let mut info = row![text(details.name.clone()).size(22), state].spacing(12);
        if details.members > 0 {
            info = info.push(text(fl!("room-members", count = details.members)));
        }
        let mut header = column![info.align_y(iced::Alignment::Center)];
        if let Some(topic) = &details.topic {
            header = header.push(text(topic.clone()).size(13));
        }
        header.into()
    }

    /// The warning nobody can miss; none in an encrypted private room.
    fn banner(&self) -> Option<Element<'_, Message>> {
        let (message, look): (String, fn(&iced::Theme) -> container::Style) =
            match (self.details.encrypted, self.details.public) {
                (false, true) => (fl!("banner-public-unencrypted"), style::danger_banner),
                (false, false) => (fl!("banner-unencrypted"), style::danger_banner),
                (true, true) => (fl!("banner-public-encrypted"), style::caution_banner),
                (true, false) => return None,
            };
        Some(container(text(message).size(15)).padding(12).width(Length::Fill).style(look).into())
    }

    fn timeline(&self) -> Element<'_, Message> {
        let older =
            button(text(fl!("room-load-older"))).style(button::text).on_press(Message::LoadOlder);
        let mut list = column![older].spacing(6);
        let today = time::today();
        let mut shown_day = None;
        for message in &self.messages {
            let day = time::local_day(message.ts);
            if shown_day != Some(day) {
                shown_day = Some(day);
                list = list.push(day_divider(time::day_heading(day, today)));
            }
            list = list.push(message_row(message));
        }
        scrollable(list).height(Length::Fill).anchor_bottom().into()
    }

    fn composer(&self) -> Element<'_, Message> {
        if self.forbidden() {
            let note = text(fl!("composer-forbidden")).color(style::DANGER);
            return column![
                iced::widget::text_editor(&self.composer).placeholder(fl!("composer-disabled")),
                note
            ]
            .spacing(4)
            .into();
        }
        let placeholder = if self.details.encrypted {
            fl!("composer-placeholder")
        } else {
            fl!("composer-placeholder-unencrypted")
        };
        let editor = iced::widget::text_editor(&self.composer)
            .placeholder(placeholder)
            .on_action(Message::Edit)
            .key_binding(enter_sends)
            .height(Length::Shrink);
        let send = button(text(fl!("composer-send"))).on_press(Message::Send);
        row![editor, send].spacing(8).align_y(iced::Alignment::End).into()
    }

    fn consent_dialog(&self) -> Element<'_, Message> {
        let question = if self.details.public {
            fl!("consent-public", room = self.details.name.as_str())
        } else {
            fl!("consent-private", room = self.details.name.as_str())
        };
        let buttons = row![
            button(text(fl!("consent-cancel")))
                .style(button::secondary)
                .on_press(Message::CancelClear),
            button(text(fl!("consent-send"))).style(button::danger).on_press(Message::ConfirmClear),
        ]
        .spacing(12);
        let dialog = container(column![text(question), buttons].spacing(16))
            .padding(20)
            .max_width(460)
            .style(style::dialog);
        iced::widget::opaque(container(dialog).center(Length::Fill).style(super::style::backdrop))
    }
}

/// Enter sends, Shift+Enter breaks the line; every other key does what it always does.
fn enter_sends(press: KeyPress) -> Option<Binding<Message>> {
    if press.key == Key::Named(Named::Enter) && !press.modifiers.shift() {
        return Some(Binding::Custom(Message::Send));
    }
    Binding::from_key_press(press)
}

/// One message: its trust shield (with the reason in a tooltip), sender and text.
fn message_row(message: &Msg) -> Element<'_, Message> {
    let sender = message.sender_name.clone().unwrap_or_else(|| message.sender.clone());
    let body = message.body.clone().unwrap_or_else(|| message.trust.describe());
    let content: Element<'_, Message> = match &message.formatted {
        Some(spans) if !spans.is_empty() => formatted(spans),
        _ => text(body).width(Length::Fill).into(),
    };
    let mut line = row![
        text(time::clock(message.ts)).size(12),
        shield(&message.trust),
        text(sender).size(13),
        content
    ]
    .spacing(8);
    if let Some(state) = &message.send_state {
        line = line.push(text(send_state(state)).size(12));
        if let (SendState::Failed { .. }, Some(local_id)) = (state, &message.local_id) {
            let retry =
                button(text(fl!("send-retry")).size(12)).on_press(Message::Retry(local_id.clone()));
            line = line.push(retry);
        }
    }
    line.into()
}

/// A formatted body: bold, italic, code; a link is underlined and followed by its real target,
/// so a link's text cannot pretend to go somewhere else.
fn formatted(spans: &[Span]) -> Element<'_, Message> {
    let mut runs: Vec<iced::widget::text::Span<'_, ()>> = Vec::new();
    for run in spans {
        let mut font =
            if run.code { iced::Font::MONOSPACE } else { iced::Font::with_name("DejaVu Sans") };
        if run.bold {
            font.weight = iced::font::Weight::Bold;
        }
        if run.italic {
            font.style = iced::font::Style::Italic;
        }
        runs.push(iced::widget::span(run.text.as_str()).font(font).underline(run.link.is_some()));
        if let Some(target) = run.link.as_deref().filter(|target| *target != run.text) {
            runs.push(iced::widget::span(format!(" ({target})")).size(12));
        }
    }
    iced::widget::rich_text(runs).width(Length::Fill).into()
}

/// The heading that opens a new day in the timeline.
fn day_divider(label: String) -> Element<'static, Message> {
    container(text(label).size(13)).center_x(Length::Fill).padding([6, 0]).into()
}

/// The shield's symbol and colour, and the tooltip that says what it means.
pub fn shield(trust: &Trust) -> Element<'_, Message> {
    let (symbol, color) = match trust {
        Trust::Verified => ("✓", style::SAFE),
        Trust::Encrypted => ("•", style::SAFE),
        Trust::SentInClear | Trust::IdentityChanged => ("⚠", style::DANGER),
        Trust::Undecryptable(_) => ("✗", style::DANGER),
        Trust::UnverifiedIdentity | Trust::UnsignedDevice | Trust::UnknownDevice => {
            ("!", style::CAUTION)
        }
    };
    tooltip(
        text(symbol).color(color).width(14),
        container(text(trust.describe())).padding(8).max_width(320).style(style::tooltip_box),
        tooltip::Position::Right,
    )
    .into()
}

fn send_state(state: &SendState) -> String {
    match state {
        SendState::Sending => fl!("send-state-sending"),
        SendState::Sent => String::new(),
        SendState::Failed { reason, .. } => fl!("send-state-failed", reason = reason.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::room_list::tests::room;
    use iced_test::simulator;

    fn typed(pane: &mut RoomPane, words: &str) {
        pane.composer = text_editor::Content::with_text(words);
    }

    #[test]
    fn an_unencrypted_room_shows_the_banner_and_an_encrypted_one_does_not() {
        let clear = RoomPane::new(&room("!a", "Open Lobby", false, true), false);
        let mut ui = simulator(clear.view());
        assert!(ui.find(fl!("banner-public-unencrypted").as_str()).is_ok());
        let private = RoomPane::new(&room("!b", "Notes", false, false), false);
        let mut ui = simulator(private.view());
        assert!(ui.find(fl!("banner-unencrypted").as_str()).is_ok());
        let safe = RoomPane::new(&room("!c", "Team", true, false), false);
        let mut ui = simulator(safe.view());
        assert!(ui.find(fl!("banner-unencrypted").as_str()).is_err());
        assert!(ui.find(fl!("banner-public-unencrypted").as_str()).is_err());
    }

    #[test]
    fn the_first_send_in_clear_asks_for_confirmation() {
        let mut pane = RoomPane::new(&room("!a", "Open Lobby", false, true), false);
        typed(&mut pane, "hello");
        assert_eq!(pane.update(Message::Send), None, "nothing goes out before consent");
        let question = fl!("consent-public", room = "Open Lobby");
        let clicked: Vec<_> = {
            let mut ui = simulator(pane.view());
            assert!(ui.find(question.as_str()).is_ok(), "the dialog asks");
            let _ = ui.click(fl!("consent-send").as_str());
            ui.into_messages().collect()
        };
        assert!(clicked.iter().any(|m| matches!(m, Message::ConfirmClear)));
        let sent = pane.update(Message::ConfirmClear);
        assert_eq!(
            sent,
            Some(Event::Send { room_id: "!a".into(), text: "hello".into(), consent: true })
        );
        // Consent holds for this room from then on.
        typed(&mut pane, "again");
        assert!(matches!(pane.update(Message::Send), Some(Event::Send { consent: true, .. })));
    }

    #[test]
    fn an_encrypted_room_sends_at_once() {
        let mut pane = RoomPane::new(&room("!c", "Team", true, false), false);
        typed(&mut pane, "hi");
        let sent = pane.update(Message::Send);
        assert_eq!(
            sent,
            Some(Event::Send { room_id: "!c".into(), text: "hi".into(), consent: false })
        );
    }

    #[test]
    fn the_forbid_policy_disables_the_composer() {
        let mut pane = RoomPane::new(&room("!a", "Open Lobby", false, true), true);
        {
            let mut ui = simulator(pane.view());
            assert!(ui.find(fl!("composer-forbidden").as_str()).is_ok());
            assert!(ui.find(fl!("composer-send").as_str()).is_err(), "no send button");
        }
        typed(&mut pane, "hello");
        assert_eq!(pane.update(Message::Send), None);
        assert!(pane.asking.is_none(), "not even asked: it is forbidden");
    }

    #[test]
    fn a_failed_message_offers_a_retry() {
        let message = Msg {
            event_id: None,
            local_id: Some("txn1".into()),
            sender: "@me:example.org".into(),
            sender_name: None,
            ts: 0,
            body: Some("hello".into()),
            formatted: None,
            encrypted: true,
            trust: Trust::Encrypted,
            edited: false,
            reply_to: None,
            reactions: Vec::new(),
            own: true,
            send_state: Some(SendState::Failed { reason: "refused".into(), retry: false }),
        };
        let mut ui = simulator(message_row(&message));
        let _ = ui.click(fl!("send-retry").as_str());
        let clicked: Vec<_> = ui.into_messages().collect();
        assert!(clicked.iter().any(|m| matches!(m, Message::Retry(id) if id == "txn1")));
    }

    #[test]
    fn an_unreadable_message_says_why() {
        let trust = Trust::Undecryptable(crate::model::UndecryptableCause::SentBeforeYouJoined);
        let message = Msg {
            event_id: Some("$e".into()),
            local_id: None,
            sender: "@bob:example.org".into(),
            sender_name: Some("Bob".into()),
            ts: 0,
            body: None,
            formatted: None,
            encrypted: true,
            trust: trust.clone(),
            edited: false,
            reply_to: None,
            reactions: Vec::new(),
            own: false,
            send_state: None,
        };
        // The row says why in place of the unreadable text, and so does the shield's tooltip.
        let mut ui = simulator(message_row(&message));
        assert!(ui.find(trust.describe().as_str()).is_ok());
        assert!(trust.describe().contains("before you joined"));
    }
}
