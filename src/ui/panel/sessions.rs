//! The sessions panel: every place the account is signed in, this one marked, each verified or
//! not, with when and where the server last saw it; rename, verify, sign out one, or sign out
//! all the others at once. The server may ask for the password before signing anything out.

use crate::ui::failure::Failure;
use iced::widget::{Column, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length};

use crate::fl;
use crate::model::sessions::Device;
use crate::model::time;
use crate::secret::{Password, SecretText};
use crate::ui::widget::style;

/// The password field, so the panel can put the cursor in it when the server asks.
pub const PASSWORD: &str = "sessions-password";
/// The rename field.
pub const NAME: &str = "sessions-name";

/// Which sessions a sign-out is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    One(String),
    /// Every session but this one.
    Others,
}

/// How a sign-out went: the core's answer, with the one case the front end must act on.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// These sessions are signed out.
    Done(Vec<String>),
    /// The server wants the account's password first; nothing was signed out.
    NeedPassword,
    Failed(Failure),
}

#[derive(Default)]
pub struct SessionsPanel {
    /// `None` until the server answered.
    sessions: Option<Vec<Device>>,
    /// The session being renamed, and the name typed so far.
    renaming: Option<(String, String)>,
    /// "Sign out all other sessions" was pressed: it asks once more.
    confirming_others: bool,
    /// A sign-out waiting for the password the server asked for.
    pending: Option<Target>,
    password: SecretText,
    busy: bool,
    error: Option<Failure>,
    /// What the last action did, in words.
    done: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Result<Vec<Device>, Failure>),
    Rename(String),
    NameEdited(String),
    SaveName,
    CancelRename,
    Renamed(Result<(), Failure>),
    Verify(String),
    SignOut(String),
    SignOutOthers,
    ConfirmOthers,
    CancelOthers,
    PasswordEdited(SecretText),
    SubmitPassword,
    SignedOut(Outcome),
    Close,
}

/// What the panel asks the home screen to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Rename {
        device_id: String,
        name: String,
    },
    Verify(String),
    SignOut {
        target: Target,
        password: Option<Password>,
    },
    /// Ask the core for the list again (after a change).
    Reload,
    /// Put the cursor in this field.
    Focus(&'static str),
    Close,
}

impl SessionsPanel {
    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Loaded(Ok(mut sessions)) => {
                crate::model::sessions::sort(&mut sessions);
                self.sessions = Some(sessions);
            }
            Message::Loaded(Err(error)) | Message::Renamed(Err(error)) => self.fail(error),
            Message::Rename(id) => return self.start_rename(id),
            Message::NameEdited(name) => {
                if let Some((_, typed)) = &mut self.renaming {
                    *typed = name;
                }
            }
            Message::SaveName => return self.save_name(),
            Message::CancelRename => self.renaming = None,
            Message::Renamed(Ok(())) => {
                self.busy = false;
                return Some(Event::Reload);
            }
            Message::Verify(id) => return Some(Event::Verify(id)),
            Message::SignOut(id) => return self.sign_out(Target::One(id)),
            Message::SignOutOthers => self.confirming_others = true,
            Message::CancelOthers => self.confirming_others = false,
            Message::ConfirmOthers => return self.sign_out(Target::Others),
            Message::PasswordEdited(password) => self.password = password,
            Message::SubmitPassword => return self.submit_password(),
            Message::SignedOut(outcome) => return self.signed_out(outcome),
            Message::Close => return Some(Event::Close),
        }
        None
    }

    fn fail(&mut self, error: Failure) {
        self.busy = false;
        self.error = Some(error);
    }

    fn start_rename(&mut self, id: String) -> Option<Event> {
        let current = self.find(&id).map(Device::label).unwrap_or_default();
        self.renaming = Some((id, current));
        Some(Event::Focus(NAME))
    }

    fn save_name(&mut self) -> Option<Event> {
        let (device_id, name) = self.renaming.take()?;
        self.busy = true;
        self.error = None;
        Some(Event::Rename { device_id, name: name.trim().to_owned() })
    }

    fn sign_out(&mut self, target: Target) -> Option<Event> {
        self.confirming_others = false;
        self.busy = true;
        self.error = None;
        self.done = None;
        self.pending = Some(target.clone());
        Some(Event::SignOut { target, password: None })
    }

    fn submit_password(&mut self) -> Option<Event> {
        let target = self.pending.clone()?;
        if self.password.is_empty() {
            return None;
        }
        self.busy = true;
        // The typed password goes once to the core and is not kept here.
        Some(Event::SignOut { target, password: Some(self.password.take_password()) })
    }

    fn signed_out(&mut self, outcome: Outcome) -> Option<Event> {
        self.busy = false;
        match outcome {
            Outcome::Done(ids) => {
                self.pending = None;
                self.done = Some(fl!("sessions-ui-signed-out", count = ids.len()));
                Some(Event::Reload)
            }
            Outcome::NeedPassword => Some(Event::Focus(PASSWORD)),
            Outcome::Failed(error) => {
                self.pending = None;
                self.error = Some(error);
                None
            }
        }
    }

    fn find(&self, id: &str) -> Option<&Device> {
        self.sessions.as_ref()?.iter().find(|s| s.device_id == id)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut body = Column::new()
            .spacing(12)
            .push(text(fl!("sessions-ui-title")).size(20))
            .push(text(fl!("sessions-ui-intro")).size(13));
        body = match &self.sessions {
            None => body.push(text(fl!("sessions-ui-loading"))),
            Some(sessions) => body.push(self.list(sessions)),
        };
        if let Some(prompt) = self.password_prompt() {
            body = body.push(prompt);
        }
        if let Some(done) = &self.done {
            body = body.push(text(done.clone()).style(style::safe_text));
        }
        if let Some(error) = &self.error {
            body = body.push(style::error_box(error));
        }
        body = body.push(self.footer());
        style::modal(scrollable(body).height(Length::Shrink), 620.0, style::dialog_plain)
    }

    fn list<'a>(&'a self, sessions: &'a [Device]) -> Element<'a, Message> {
        let today = time::today();
        let rows = sessions.iter().map(|session| self.row(session, today));
        Column::with_children(rows).spacing(8).into()
    }

    /// One session: its name and status, when and where it was last seen, and its actions.
    fn row<'a>(&'a self, session: &'a Device, today: chrono::NaiveDate) -> Element<'a, Message> {
        let status: Element<'_, Message> = if session.this_session {
            text(fl!("sessions-ui-this")).size(13).style(style::safe_text).into()
        } else if session.verified {
            text(fl!("sessions-ui-verified")).size(13).style(style::safe_text).into()
        } else {
            text(fl!("sessions-ui-unverified")).size(13).style(style::caution_text).into()
        };
        let bold = iced::Font { weight: iced::font::Weight::Bold, ..style::UI };
        let title =
            row![text(session.label()).font(bold), status].spacing(10).align_y(Alignment::Center);
        let mut facts = vec![session.device_id.clone()];
        facts.extend(session.last_seen(today).map(|seen| fl!("sessions-ui-seen", when = seen)));
        facts.extend(session.last_seen_ip.clone());
        let facts = text(facts.join(" · ")).size(12).color(style::MUTED);
        let mut card = column![title, facts].spacing(4);
        if session.keys_only {
            card =
                card.push(text(fl!("sessions-ui-keys-only")).size(12).style(style::caution_text));
            return container(card).padding(10).width(Length::Fill).style(style::quote).into();
        }
        card = card.push(self.actions(session));
        container(card).padding(10).width(Length::Fill).style(style::quote).into()
    }

    fn actions<'a>(&'a self, session: &'a Device) -> Element<'a, Message> {
        if let Some((id, typed)) = &self.renaming
            && *id == session.device_id
        {
            let field = text_input(&fl!("sessions-ui-name-placeholder"), typed)
                .id(NAME)
                .on_input(Message::NameEdited)
                .on_submit(Message::SaveName)
                .padding(4);
            return row![
                field,
                button(text(fl!("sessions-ui-save"))).on_press(Message::SaveName),
                button(text(fl!("sessions-ui-cancel")))
                    .style(button::secondary)
                    .on_press(Message::CancelRename),
            ]
            .spacing(6)
            .into();
        }
        let ready = !self.busy;
        let id = &session.device_id;
        let mut actions = row![
            small(fl!("sessions-ui-rename"), button::secondary)
                .on_press_maybe(ready.then(|| Message::Rename(id.clone())))
        ]
        .spacing(6);
        if !session.this_session && !session.verified {
            actions = actions.push(
                small(fl!("sessions-ui-verify"), button::primary)
                    .on_press_maybe(ready.then(|| Message::Verify(id.clone()))),
            );
        }
        if !session.this_session {
            actions = actions.push(
                small(fl!("sessions-ui-sign-out"), button::danger)
                    .on_press_maybe(ready.then(|| Message::SignOut(id.clone()))),
            );
        }
        actions.into()
    }

    /// Shown once the server asked for the password.
    fn password_prompt(&self) -> Option<Element<'_, Message>> {
        self.pending.as_ref()?;
        if !self.busy && self.error.is_none() && self.done.is_none() {
            let placeholder = fl!("sessions-ui-password");
            let field = crate::ui::widget::secret_field::field(
                PASSWORD,
                &placeholder,
                &self.password,
                Message::PasswordEdited,
                Message::SubmitPassword,
            );
            let go = button(text(fl!("sessions-ui-continue"))).on_press(Message::SubmitPassword);
            let prompt = column![
                text(fl!("sessions-ui-password-why")).size(13),
                row![field, go].spacing(8).align_y(Alignment::Center)
            ]
            .spacing(6);
            return Some(prompt.into());
        }
        None
    }

    fn footer(&self) -> Element<'_, Message> {
        let others =
            self.sessions.as_ref().map_or(0, |all| all.iter().filter(|s| !s.this_session).count());
        let close =
            button(text(fl!("settings-close"))).style(button::secondary).on_press(Message::Close);
        if self.confirming_others {
            let ask = text(fl!("sessions-ui-others-confirm", count = others)).size(13);
            let buttons = row![
                button(text(fl!("sessions-ui-others-yes")))
                    .style(button::danger)
                    .on_press(Message::ConfirmOthers),
                button(text(fl!("sessions-ui-cancel")))
                    .style(button::secondary)
                    .on_press(Message::CancelOthers),
            ]
            .spacing(8);
            return column![ask, buttons].spacing(8).into();
        }
        let all = button(text(fl!("sessions-ui-others"))).style(button::danger).on_press_maybe(
            (others > 0 && !self.busy && self.pending.is_none()).then_some(Message::SignOutOthers),
        );
        row![all, iced::widget::space::horizontal(), close].spacing(8).into()
    }
}

fn small<'a>(
    label: String,
    look: fn(&iced::Theme, button::Status) -> button::Style,
) -> button::Button<'a, Message> {
    button(text(label).size(13)).style(look).padding([3, 10])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::testing::containing;
    use iced_test::simulator;

    fn session(id: &str, verified: bool, this_session: bool) -> Device {
        Device {
            device_id: id.into(),
            name: Some(format!("Laptop {id}")),
            verified,
            this_session,
            last_seen_ts: None,
            last_seen_ip: Some("192.0.2.7".into()),
            keys_only: false,
        }
    }

    fn loaded() -> SessionsPanel {
        let mut panel = SessionsPanel::default();
        let list = vec![session("OTHER", false, false), session("MINE", true, true)];
        panel.update(Message::Loaded(Ok(list)));
        panel
    }

    fn click(panel: &mut SessionsPanel, label: &str) -> Vec<Event> {
        let clicked: Vec<_> = {
            let mut ui = simulator(panel.view());
            let _ = ui.click(label);
            ui.into_messages().collect()
        };
        clicked.into_iter().filter_map(|m| panel.update(m)).collect()
    }

    #[test]
    fn every_session_is_listed_with_this_one_first_and_marked() {
        let panel = loaded();
        let sessions = panel.sessions.as_ref().unwrap();
        assert_eq!(sessions[0].device_id, "MINE", "this session comes first");
        let mut ui = simulator(panel.view());
        assert!(ui.find(fl!("sessions-ui-this").as_str()).is_ok());
        assert!(ui.find(fl!("sessions-ui-unverified").as_str()).is_ok());
        assert!(ui.find(containing("192.0.2.7")).is_ok(), "where it was seen");
        assert!(ui.find("Laptop OTHER").is_ok());
    }

    #[test]
    fn signing_out_all_others_asks_once_more_then_goes() {
        let mut panel = loaded();
        assert!(click(&mut panel, &fl!("sessions-ui-others")).is_empty(), "asks first");
        let events = click(&mut panel, &fl!("sessions-ui-others-yes"));
        assert_eq!(events, [Event::SignOut { target: Target::Others, password: None }]);
        // The server wants the password: the panel asks, and sends it with the same target.
        let focus = panel.update(Message::SignedOut(Outcome::NeedPassword));
        assert_eq!(focus, Some(Event::Focus(PASSWORD)));
        panel.update(Message::PasswordEdited(SecretText::new("secret".into())));
        let retry = panel.update(Message::SubmitPassword);
        let wanted = Event::SignOut {
            target: Target::Others,
            password: Some(Password::new("secret".into())),
        };
        assert_eq!(retry, Some(wanted));
        let done = panel.update(Message::SignedOut(Outcome::Done(vec!["OTHER".into()])));
        assert_eq!(done, Some(Event::Reload), "the list is asked again");
        let mut ui = simulator(panel.view());
        assert!(ui.find(fl!("sessions-ui-signed-out", count = 1).as_str()).is_ok());
    }

    #[test]
    fn this_session_cannot_be_signed_out_from_here_and_another_can_be_verified() {
        let mut panel = loaded();
        let mut ui = simulator(panel.view());
        let sign_outs = ui.find(fl!("sessions-ui-sign-out").as_str());
        assert!(sign_outs.is_ok(), "the other session has a sign-out button");
        drop(ui);
        let events = click(&mut panel, &fl!("sessions-ui-verify"));
        assert_eq!(events, [Event::Verify("OTHER".into())]);
    }

    #[test]
    fn a_session_is_renamed_with_the_name_typed() {
        let mut panel = loaded();
        panel.update(Message::Rename("OTHER".into()));
        panel.update(Message::NameEdited(" Old laptop ".into()));
        let saved = panel.update(Message::SaveName);
        let wanted = Event::Rename { device_id: "OTHER".into(), name: "Old laptop".into() };
        assert_eq!(saved, Some(wanted));
    }
}
