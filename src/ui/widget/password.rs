//! Changing the account's password from the window, after a breach above all: the current
//! password, the new one twice, and "sign out all my other sessions", on by default, so that
//! whoever had the old password loses the sessions it opened. The server's answer in words.

use crate::ui::failure::Failure;
use iced::widget::{button, column, row, text, toggler};
use iced::{Element, Length};

use crate::fl;
use crate::secret::{Password, SecretText};
use crate::ui::widget::secret_field;
use crate::ui::widget::style;

const CURRENT: &str = "password-current";
const NEW: &str = "password-new";
const AGAIN: &str = "password-again";

#[derive(Debug)]
pub struct ChangePassword {
    current: SecretText,
    new: SecretText,
    again: SecretText,
    sign_out_others: bool,
    busy: bool,
    error: Option<Failure>,
    /// Changed: what to tell.
    done: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Current(SecretText),
    New(SecretText),
    Again(SecretText),
    SignOutOthers(bool),
    /// Enter in a field: on to the next, or submit from the last.
    Next(&'static str),
    Submit,
    /// The server's answer.
    Done(Result<(), Failure>),
    Close,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Change { current: Password, new: Password, sign_out_others: bool },
    Focus(&'static str),
    Close,
}

impl Default for ChangePassword {
    fn default() -> Self {
        Self {
            current: SecretText::default(),
            new: SecretText::default(),
            again: SecretText::default(),
            sign_out_others: true,
            busy: false,
            error: None,
            done: None,
        }
    }
}

impl ChangePassword {
    /// The field where typing starts.
    pub const FIRST: &'static str = CURRENT;

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Current(text) => self.current = text,
            Message::New(text) => self.new = text,
            Message::Again(text) => self.again = text,
            Message::SignOutOthers(on) => self.sign_out_others = on,
            Message::Next(field) => return Some(Event::Focus(field)),
            Message::Submit => return self.submit(),
            Message::Done(Ok(())) => {
                self.busy = false;
                self.done = Some(if self.sign_out_others {
                    fl!("password-changed-others")
                } else {
                    fl!("password-changed")
                });
            }
            Message::Done(Err(error)) => {
                self.busy = false;
                self.error = Some(error);
            }
            Message::Close => return Some(Event::Close),
        }
        None
    }

    /// Checks what only the window can (both typings agree, something changes), then hands
    /// the passwords over once; the fields are emptied.
    fn submit(&mut self) -> Option<Event> {
        if self.busy || self.current.is_empty() || self.new.is_empty() {
            return None;
        }
        if self.new != self.again {
            self.error = Some(crate::matrix::MatrixError::PasswordMismatch.into());
            return None;
        }
        if self.new == self.current {
            self.error = Some(crate::matrix::MatrixError::PasswordUnchanged.into());
            return None;
        }
        self.busy = true;
        self.error = None;
        self.again = SecretText::default();
        Some(Event::Change {
            current: self.current.take_password(),
            new: self.new.take_password(),
            sign_out_others: self.sign_out_others,
        })
    }

    pub fn view(&self) -> Element<'_, Message> {
        let title = text(fl!("password-title")).size(20);
        if let Some(done) = &self.done {
            let close = button(text(fl!("settings-close"))).on_press(Message::Close);
            let said = text(done.clone()).style(style::safe_text);
            return style::modal(column![title, said, close].spacing(14), 480.0, style::dialog);
        }
        let (current, new, again) =
            (fl!("password-current"), fl!("password-new"), fl!("password-again"));
        let mut body = column![
            title,
            text(fl!("password-why")).size(13),
            secret_field::field(
                CURRENT,
                &current,
                &self.current,
                Message::Current,
                Message::Next(NEW)
            ),
            secret_field::field(NEW, &new, &self.new, Message::New, Message::Next(AGAIN)),
            secret_field::field(AGAIN, &again, &self.again, Message::Again, Message::Submit),
            toggler(self.sign_out_others)
                .label(fl!("password-sign-out-others"))
                .on_toggle(Message::SignOutOthers),
        ]
        .spacing(10)
        .width(Length::Fill);
        if let Some(error) = &self.error {
            body = body.push(style::error_box(error));
        }
        let label = if self.busy { fl!("password-busy") } else { fl!("password-submit") };
        let submit = button(text(label)).on_press_maybe((!self.busy).then_some(Message::Submit));
        let cancel = button(text(fl!("sessions-ui-cancel")))
            .style(button::secondary)
            .on_press(Message::Close);
        body = body.push(row![submit, cancel].spacing(8));
        style::modal(body, 480.0, style::dialog)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    fn secret(text: &str) -> SecretText {
        SecretText::new(text.into())
    }

    #[test]
    fn the_new_password_is_typed_twice_and_others_are_signed_out_by_default() {
        let mut form = ChangePassword::default();
        {
            let mut ui = simulator(form.view());
            assert!(ui.find(fl!("password-why").as_str()).is_ok());
        }
        assert_eq!(form.update(Message::Submit), None, "nothing typed");
        form.update(Message::Current(secret("old")));
        form.update(Message::New(secret("new one")));
        form.update(Message::Again(secret("new on")));
        assert_eq!(form.update(Message::Submit), None, "the two typings differ");
        assert!(form.error.is_some());
        form.update(Message::Again(secret("new one")));
        let sent = form.update(Message::Submit);
        assert!(!format!("{sent:?}").contains("new one"), "never in a Debug");
        assert_eq!(
            sent,
            Some(Event::Change {
                current: Password::new("old".into()),
                new: Password::new("new one".into()),
                sign_out_others: true,
            })
        );
        assert!(form.current.is_empty() && form.new.is_empty(), "not kept once sent");
        assert_eq!(form.update(Message::Submit), None, "one change at a time");
        form.update(Message::Done(Err(crate::matrix::MatrixError::WrongCurrentPassword.into())));
        let mut ui = simulator(form.view());
        assert!(ui.find(fl!("error-wrong-current-password").as_str()).is_ok());
    }

    #[test]
    fn the_same_password_again_is_refused_and_others_can_be_kept() {
        let mut form = ChangePassword::default();
        form.update(Message::Current(secret("same")));
        form.update(Message::New(secret("same")));
        form.update(Message::Again(secret("same")));
        assert_eq!(form.update(Message::Submit), None);
        form.update(Message::New(secret("other")));
        form.update(Message::Again(secret("other")));
        form.update(Message::SignOutOthers(false));
        let sent = form.update(Message::Submit);
        assert!(matches!(sent, Some(Event::Change { sign_out_others: false, .. })));
        form.update(Message::Done(Ok(())));
        let mut ui = simulator(form.view());
        assert!(ui.find(fl!("password-changed").as_str()).is_ok());
    }
}
