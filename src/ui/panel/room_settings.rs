//! A room's settings, in a dialog over it: name and topic (saying plainly that the server
//! sees them), who can join, who can read the history, encryption (on for good, never off),
//! and leaving. What this account's power level does not allow is shown, not offered. A
//! change that lets more people in or read more, turning encryption on, and leaving each ask
//! first, in words.

use iced::widget::{button, checkbox, column, radio, row, text, text_input};
use iced::{Element, Length};

use crate::fl;
use crate::model::room_settings::{History, JoinRule, RoomSettings};
use crate::ui::failure::Failure;
use crate::ui::widget::style;

#[derive(Debug, Default)]
pub struct SettingsDialog {
    /// `None` until the settings arrive.
    settings: Option<RoomSettings>,
    name: String,
    topic: String,
    /// The change waiting for "Yes", with the warning it deserves.
    asking: Option<Change>,
    forget: bool,
    error: Option<String>,
}

/// One change of the room's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Rename(String),
    Topic(String),
    JoinRule(JoinRule),
    History(History),
    Guests(bool),
    Picture(Picture),
    Encrypt,
    Leave { forget: bool },
}

/// What is done to the room's picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    /// Choose a file and publish it.
    Pick,
    Remove,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(RoomSettings),
    Failed(Failure),
    Name(String),
    Topic(String),
    SaveName,
    SaveTopic,
    JoinRule(JoinRule),
    History(History),
    Guests(bool),
    Picture(Picture),
    Encrypt,
    Leave,
    Forget(bool),
    Confirm,
    Cancel,
    /// A change went through (the settings are fetched again), or why not.
    Done(Result<(), Failure>),
    Close,
}

/// What the dialog asks of the room pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Change(Change),
    Reload,
    Closed,
}

impl SettingsDialog {
    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Loaded(settings) => {
                self.name = settings.name.clone().unwrap_or_default();
                self.topic = settings.topic.clone().unwrap_or_default();
                self.settings = Some(settings);
                self.error = None;
            }
            Message::Failed(failure) | Message::Done(Err(failure)) => {
                self.error = Some(failure.to_string());
            }
            Message::Done(Ok(())) => return Some(Event::Reload),
            Message::Name(name) => self.name = name,
            Message::Topic(topic) => self.topic = topic,
            Message::SaveName => return Some(Event::Change(Change::Rename(self.name.clone()))),
            Message::SaveTopic => return Some(Event::Change(Change::Topic(self.topic.clone()))),
            Message::JoinRule(rule) => return self.change(Change::JoinRule(rule)),
            Message::History(history) => return self.change(Change::History(history)),
            Message::Guests(allowed) => return self.change(Change::Guests(allowed)),
            Message::Picture(picture) => return Some(Event::Change(Change::Picture(picture))),
            Message::Encrypt => self.asking = Some(Change::Encrypt),
            Message::Leave => self.asking = Some(Change::Leave { forget: self.forget }),
            Message::Forget(forget) => {
                self.forget = forget;
                if let Some(Change::Leave { forget: asked }) = &mut self.asking {
                    *asked = forget;
                }
            }
            Message::Confirm => return self.asking.take().map(Event::Change),
            Message::Cancel => self.asking = None,
            Message::Close => return Some(Event::Closed),
        }
        None
    }

    /// A change that opens the room or its history waits for "Yes"; one that closes it goes.
    fn change(&mut self, change: Change) -> Option<Event> {
        if warning(self.settings.as_ref()?, &change).is_some() {
            self.asking = Some(change);
            return None;
        }
        Some(Event::Change(change))
    }

    pub fn view(&self) -> Element<'_, Message> {
        let close = button(text(fl!("viewer-close")).size(12))
            .style(button::secondary)
            .on_press(Message::Close);
        let title = row![text(fl!("room-settings-title")).size(20).width(Length::Fill), close];
        let mut body = column![title].spacing(14);
        if let Some(error) = &self.error {
            body = body.push(style::error_box(error));
        }
        let Some(settings) = &self.settings else {
            let loading = text(fl!("room-settings-loading")).size(13).color(style::MUTED);
            return style::modal(body.push(loading), 560.0, style::dialog);
        };
        if let Some(change) = &self.asking {
            return style::modal(body.push(self.question(settings, change)), 560.0, style::dialog);
        }
        body = body
            .push(self.names(settings))
            .push(picture(settings))
            .push(join_rules(settings))
            .push(guests(settings))
            .push(histories(settings))
            .push(encryption(settings))
            .push(self.leaving());
        style::modal(iced::widget::scrollable(body), 560.0, style::dialog)
    }

    /// Name and topic, editable with the power to, and what the server sees.
    fn names(&self, settings: &RoomSettings) -> Element<'_, Message> {
        let field = |label: String,
                     value: &str,
                     allowed: bool,
                     on: fn(String) -> Message,
                     save: Message| {
            let mut input = text_input(&label, value).size(14);
            let mut button = button(text(fl!("room-settings-save")).size(13));
            if allowed {
                input = input.on_input(on).on_submit(save.clone());
                button = button.on_press(save);
            }
            row![text(label).size(14).width(140), input, button]
                .spacing(8)
                .align_y(iced::Alignment::Center)
        };
        let mut names = column![
            field(
                fl!("room-setting-name"),
                &self.name,
                settings.may.rename,
                Message::Name,
                Message::SaveName
            ),
            field(
                fl!("room-setting-topic"),
                &self.topic,
                settings.may.topic,
                Message::Topic,
                Message::SaveTopic
            ),
        ]
        .spacing(8);
        if !(settings.may.rename && settings.may.topic) {
            names = names.push(text(fl!("room-settings-no-power")).size(12).color(style::MUTED));
        }
        names.push(text(fl!("room-setting-server-sees")).size(12).style(style::caution_text)).into()
    }

    fn leaving(&self) -> Element<'_, Message> {
        let forget =
            checkbox(self.forget).label(fl!("room-settings-forget")).on_toggle(Message::Forget);
        let leave = button(text(fl!("room-settings-leave")).size(13))
            .style(button::danger)
            .on_press(Message::Leave);
        row![leave, forget].spacing(12).align_y(iced::Alignment::Center).into()
    }

    fn question<'a>(&self, settings: &RoomSettings, change: &Change) -> Element<'a, Message> {
        let (question, confirm) = match change {
            Change::Encrypt => (fl!("room-settings-ask-encrypt"), fl!("room-settings-encrypt")),
            Change::Leave { forget: true } => {
                (fl!("room-settings-ask-forget"), fl!("room-settings-leave"))
            }
            Change::Leave { forget: false } => {
                (fl!("room-settings-ask-leave"), fl!("room-settings-leave"))
            }
            other => (warning(settings, other).unwrap_or_default(), fl!("room-settings-apply")),
        };
        let buttons = row![
            button(text(fl!("consent-cancel"))).style(button::secondary).on_press(Message::Cancel),
            button(text(confirm)).style(button::danger).on_press(Message::Confirm),
        ]
        .spacing(12);
        column![text(question).size(15), buttons].spacing(14).into()
    }
}

/// The warning a change deserves: it lets more people in, or more people read.
fn warning(settings: &RoomSettings, change: &Change) -> Option<String> {
    match change {
        Change::JoinRule(rule) if settings.join_rule.opens(*rule) => {
            Some(fl!("room-setting-opens", rule = rule.label()))
        }
        Change::History(history) if settings.history.widens(*history) => {
            Some(fl!("room-setting-widens", history = history.label()))
        }
        Change::Guests(true) if !settings.guests => Some(fl!("room-setting-guests-on")),
        _ => None,
    }
}

fn join_rules(settings: &RoomSettings) -> Element<'_, Message> {
    let title = text(fl!("room-setting-join-rule")).size(15);
    if !settings.may.join_rule {
        return fixed(title, settings.join_rule.label());
    }
    let mut choices = column![title].spacing(4);
    for rule in [JoinRule::Invite, JoinRule::Knock, JoinRule::Public] {
        choices = choices
            .push(radio(rule.label(), rule, Some(settings.join_rule), Message::JoinRule).size(14));
    }
    choices.into()
}

/// The room's picture, changed or removed with the power to (the server sees it too).
fn picture(settings: &RoomSettings) -> Element<'_, Message> {
    let state =
        if settings.has_avatar { fl!("room-setting-yes") } else { fl!("room-setting-none") };
    let mut line = row![
        text(fl!("room-setting-picture")).size(14).width(140),
        text(state).size(14).color(style::MUTED).width(Length::Fill),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);
    if settings.may.avatar {
        let change = button(text(fl!("room-settings-picture-change")).size(13))
            .on_press(Message::Picture(Picture::Pick));
        line = line.push(change);
        if settings.has_avatar {
            let remove = button(text(fl!("room-settings-picture-remove")).size(13))
                .style(button::secondary)
                .on_press(Message::Picture(Picture::Remove));
            line = line.push(remove);
        }
    }
    line.into()
}

/// Whether guests may join: a switch with the power to, asking first before letting them in.
fn guests(settings: &RoomSettings) -> Element<'_, Message> {
    let mut switch = checkbox(settings.guests).label(fl!("room-setting-guests")).size(14);
    if settings.may.guests {
        switch = switch.on_toggle(Message::Guests);
    }
    switch.into()
}

fn histories(settings: &RoomSettings) -> Element<'_, Message> {
    let title = text(fl!("room-setting-history")).size(15);
    if !settings.may.history {
        return fixed(title, settings.history.label());
    }
    let mut choices = column![title].spacing(4);
    for history in [History::Joined, History::Invited, History::Shared, History::WorldReadable] {
        choices = choices.push(
            radio(history.label(), history, Some(settings.history), Message::History).size(14),
        );
    }
    choices.into()
}

/// A setting this account may not change: its value, and why it cannot be changed.
fn fixed<'a>(title: iced::widget::Text<'a>, value: String) -> Element<'a, Message> {
    let why = text(fl!("room-settings-no-power")).size(12).color(style::MUTED);
    column![title, text(value).size(14), why].spacing(4).into()
}

/// "End-to-end encrypted", or the button that turns it on, saying it is for good.
fn encryption(settings: &RoomSettings) -> Element<'_, Message> {
    if settings.encrypted {
        return text(fl!("room-settings-encrypted")).size(14).style(style::safe_text).into();
    }
    let mut column =
        column![text(fl!("room-settings-not-encrypted")).size(14).style(style::danger_text)]
            .spacing(6);
    if settings.may.encryption {
        column = column
            .push(button(text(fl!("room-settings-encrypt")).size(13)).on_press(Message::Encrypt));
    }
    column.into()
}

#[cfg(test)]
mod tests {
    use iced_test::simulator;

    use super::*;
    use crate::model::room_settings::SettingsActions;

    fn settings(may: SettingsActions, encrypted: bool) -> RoomSettings {
        RoomSettings {
            room_id: "!r:x".into(),
            name: Some("Cellule".into()),
            topic: None,
            has_avatar: false,
            join_rule: JoinRule::Invite,
            history: History::Shared,
            guests: false,
            encrypted,
            replaced_by: None,
            may,
        }
    }

    fn shows(dialog: &SettingsDialog, words: &str) -> bool {
        simulator(dialog.view()).find(words).is_ok()
    }

    const ALL: SettingsActions = SettingsActions {
        rename: true,
        topic: true,
        avatar: true,
        join_rule: true,
        history: true,
        guests: true,
        encryption: true,
    };

    #[test]
    fn opening_the_room_to_anyone_asks_first_closing_it_does_not() {
        let mut dialog = SettingsDialog::default();
        dialog.update(Message::Loaded(settings(ALL, true)));
        assert_eq!(dialog.update(Message::JoinRule(JoinRule::Public)), None, "asks first");
        let warned = fl!("room-setting-opens", rule = JoinRule::Public.label());
        assert!(shows(&dialog, &warned));
        assert_eq!(
            dialog.update(Message::Confirm),
            Some(Event::Change(Change::JoinRule(JoinRule::Public)))
        );
        assert_eq!(
            dialog.update(Message::History(History::Joined)),
            Some(Event::Change(Change::History(History::Joined))),
            "fewer readers need no warning"
        );
    }

    #[test]
    fn letting_guests_in_asks_first_and_the_picture_is_changed_only_with_the_power() {
        let mut dialog = SettingsDialog::default();
        dialog.update(Message::Loaded(settings(ALL, true)));
        let mut ui = simulator(dialog.view());
        ui.click(fl!("room-setting-guests").as_str()).unwrap();
        ui.click(fl!("room-settings-picture-change").as_str()).unwrap();
        let clicked: Vec<Message> = ui.into_messages().collect();
        let [Message::Guests(true), Message::Picture(Picture::Pick)] = clicked.as_slice() else {
            panic!("{clicked:?}")
        };
        assert_eq!(dialog.update(Message::Guests(true)), None, "asks first");
        assert!(shows(&dialog, &fl!("room-setting-guests-on")));
        assert_eq!(dialog.update(Message::Confirm), Some(Event::Change(Change::Guests(true))));
        assert_eq!(
            dialog.update(Message::Picture(Picture::Pick)),
            Some(Event::Change(Change::Picture(Picture::Pick)))
        );
        assert!(!shows(&dialog, &fl!("room-settings-picture-remove")), "nothing to remove");

        let mut member = SettingsDialog::default();
        let mine = RoomSettings { has_avatar: true, ..settings(SettingsActions::default(), true) };
        member.update(Message::Loaded(mine));
        assert!(!shows(&member, &fl!("room-settings-picture-change")));
        let mut ui = simulator(member.view());
        let _ = ui.click(fl!("room-setting-guests").as_str());
        assert!(ui.into_messages().next().is_none(), "the switch is not offered without power");
    }

    #[test]
    fn the_dialog_says_the_server_sees_the_name_and_a_member_cannot_rename() {
        let mut dialog = SettingsDialog::default();
        dialog.update(Message::Loaded(settings(SettingsActions::default(), true)));
        let mut ui = simulator(dialog.view());
        assert!(ui.find(fl!("room-setting-server-sees").as_str()).is_ok());
        assert!(ui.find(fl!("room-settings-no-power").as_str()).is_ok());
        let _ = ui.click(fl!("room-settings-save").as_str());
        assert!(ui.into_messages().next().is_none(), "saving is not offered without the power");
    }

    #[test]
    fn encryption_is_turned_on_after_saying_it_is_for_good_and_leaving_asks() {
        let mut dialog = SettingsDialog::default();
        dialog.update(Message::Loaded(settings(ALL, false)));
        assert!(shows(&dialog, &fl!("room-settings-not-encrypted")));
        assert_eq!(dialog.update(Message::Encrypt), None);
        assert!(shows(&dialog, &fl!("room-settings-ask-encrypt")));
        assert_eq!(dialog.update(Message::Confirm), Some(Event::Change(Change::Encrypt)));
        dialog.update(Message::Forget(true));
        assert_eq!(dialog.update(Message::Leave), None);
        assert_eq!(
            dialog.update(Message::Confirm),
            Some(Event::Change(Change::Leave { forget: true }))
        );
    }
}
