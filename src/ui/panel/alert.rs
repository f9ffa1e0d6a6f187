//! The new-login alert: a session appeared on the account (while the app ran, or since it last
//! ran). It names the session and when, asks "was this you?", and offers the two answers that
//! matter: verify it, or sign it out — the latter in one click unless the server wants the
//! password again.

use iced::widget::{Column, button, row, text};
use iced::{Alignment, Element};

use crate::fl;
use crate::model::sessions::Device;
use crate::model::time;
use crate::secret::{Password, SecretText};
use crate::ui::failure::Failure;
use crate::ui::panel::sessions::{Outcome, PASSWORD, Target};
use crate::ui::widget::style;

pub struct NewLogin {
    session: Device,
    /// The server asked for the password before signing it out.
    asking_password: bool,
    password: SecretText,
    busy: bool,
    error: Option<Failure>,
    /// Signed out: the alert says so until closed.
    signed_out: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Verify,
    SignOut,
    PasswordEdited(SecretText),
    /// "It was me" / close.
    Dismiss,
    SignedOut(Outcome),
}

/// What the alert asks the home screen to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Verify(String),
    SignOut { target: Target, password: Option<Password> },
    Focus(&'static str),
    Dismiss,
}

impl NewLogin {
    pub fn new(session: Device) -> Self {
        Self {
            session,
            asking_password: false,
            password: SecretText::default(),
            busy: false,
            error: None,
            signed_out: false,
        }
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Verify => Some(Event::Verify(self.session.device_id.clone())),
            Message::SignOut => self.sign_out(),
            Message::PasswordEdited(password) => {
                self.password = password;
                None
            }
            Message::Dismiss => Some(Event::Dismiss),
            Message::SignedOut(outcome) => self.signed_out(outcome),
        }
    }

    fn sign_out(&mut self) -> Option<Event> {
        if self.asking_password && self.password.is_empty() {
            return None;
        }
        self.busy = true;
        self.error = None;
        let password = self.asking_password.then(|| self.password.take_password());
        let target = Target::One(self.session.device_id.clone());
        Some(Event::SignOut { target, password })
    }

    fn signed_out(&mut self, outcome: Outcome) -> Option<Event> {
        self.busy = false;
        match outcome {
            Outcome::Done(_) => self.signed_out = true,
            Outcome::NeedPassword => {
                self.asking_password = true;
                return Some(Event::Focus(PASSWORD));
            }
            Outcome::Failed(error) => self.error = Some(error),
        }
        None
    }

    pub fn view(&self) -> Element<'_, Message> {
        let when = self.session.last_seen(time::today());
        let when = when.unwrap_or_else(|| fl!("sessions-time-unknown"));
        let mut body = Column::new().spacing(14).push(text(fl!("alert-title")).size(20));
        if self.signed_out {
            body = body
                .push(
                    text(fl!("alert-signed-out", name = self.session.label()))
                        .style(style::safe_text),
                )
                .push(text(fl!("alert-signed-out-advice")).size(13))
                .push(button(text(fl!("verify-close"))).on_press(Message::Dismiss));
            return style::modal(body, 520.0, style::dialog);
        }
        let question = fl!(
            "alert-question",
            name = self.session.label(),
            id = self.session.device_id.as_str(),
            when = when
        );
        body = body.push(text(question)).push(text(fl!("alert-advice")).size(13));
        if let Some(ip) = &self.session.last_seen_ip {
            body = body.push(text(fl!("alert-ip", ip = ip.as_str())).size(13).color(style::MUTED));
        }
        if self.asking_password {
            let placeholder = fl!("sessions-ui-password");
            body = body.push(text(fl!("sessions-ui-password-why")).size(13)).push(
                crate::ui::widget::secret_field::field(
                    PASSWORD,
                    &placeholder,
                    &self.password,
                    Message::PasswordEdited,
                    Message::SignOut,
                ),
            );
        }
        if let Some(error) = &self.error {
            body = body.push(style::error_box(error));
        }
        let ready = !self.busy;
        let buttons = row![
            button(text(fl!("alert-sign-out")))
                .style(button::danger)
                .on_press_maybe(ready.then_some(Message::SignOut)),
            button(text(fl!("alert-verify"))).on_press_maybe(ready.then_some(Message::Verify)),
            iced::widget::space::horizontal(),
            button(text(fl!("alert-was-me")))
                .style(button::secondary)
                .on_press_maybe(ready.then_some(Message::Dismiss)),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        style::modal(body.push(buttons), 520.0, style::dialog)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    fn stranger() -> Device {
        Device {
            device_id: "EVILDEV".into(),
            name: Some("Firefox on Windows".into()),
            verified: false,
            this_session: false,
            last_seen_ts: Some(1_764_000_000_000),
            last_seen_ip: Some("203.0.113.9".into()),
            keys_only: false,
        }
    }

    #[test]
    fn the_alert_names_the_new_login_and_signs_it_out_in_one_click() {
        let mut alert = NewLogin::new(stranger());
        let clicked: Vec<_> = {
            let mut ui = simulator(alert.view());
            assert!(ui.find(fl!("alert-title").as_str()).is_ok());
            let words = ui.find(crate::ui::testing::containing("Firefox on Windows"));
            assert!(words.is_ok(), "the session's name is shown");
            assert!(ui.find(crate::ui::testing::containing("203.0.113.9")).is_ok());
            let _ = ui.click(fl!("alert-sign-out").as_str());
            ui.into_messages().collect()
        };
        let events: Vec<_> = clicked.into_iter().filter_map(|m| alert.update(m)).collect();
        let wanted = Event::SignOut { target: Target::One("EVILDEV".into()), password: None };
        assert_eq!(events, [wanted]);
    }

    #[test]
    fn when_the_server_wants_the_password_the_alert_asks_for_it_and_sends_it_once() {
        let mut alert = NewLogin::new(stranger());
        alert.update(Message::SignOut);
        let focus = alert.update(Message::SignedOut(Outcome::NeedPassword));
        assert_eq!(focus, Some(Event::Focus(PASSWORD)));
        assert_eq!(alert.update(Message::SignOut), None, "no password typed: nothing is sent");
        alert.update(Message::PasswordEdited(SecretText::new("hunter2".into())));
        let sent = alert.update(Message::SignOut);
        assert!(!format!("{sent:?}").contains("hunter2"), "never in a Debug");
        let wanted = Some(Event::SignOut {
            target: Target::One("EVILDEV".into()),
            password: Some(Password::new("hunter2".into())),
        });
        assert_eq!(sent, wanted);
        assert!(alert.password.is_empty(), "the password is not kept once sent");
        alert.update(Message::SignedOut(Outcome::Done(vec!["EVILDEV".into()])));
        let mut ui = simulator(alert.view());
        assert!(ui.find(crate::ui::testing::containing("Firefox on Windows")).is_ok());
        assert!(ui.find(fl!("alert-signed-out-advice").as_str()).is_ok());
    }

    #[test]
    fn verify_asks_for_that_session() {
        let mut alert = NewLogin::new(stranger());
        let clicked: Vec<_> = {
            let mut ui = simulator(alert.view());
            let _ = ui.click(fl!("alert-verify").as_str());
            ui.into_messages().collect()
        };
        let events: Vec<_> = clicked.into_iter().filter_map(|m| alert.update(m)).collect();
        assert_eq!(events, [Event::Verify("EVILDEV".into())]);
    }
}
