//! The idle lock the organisation can require (`idle_lock_minutes`): after that long without
//! a key or the pointer, the window's content is hidden until the person proves again who
//! they are to the server: the account's password, checked by the server itself, or for an
//! account that signs in through the organisation (SSO), that sign-in again in the browser.
//! Logging out from the lock asks first, since it deletes this computer's keys.

use crate::ui::failure::Failure;
use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Length};

use crate::fl;
use crate::secret::{Password, SecretText};
use crate::ui::widget::secret_field;
use crate::ui::widget::style;

/// The password field, focused when the lock appears.
pub const FIELD: &str = "lock-password";

#[derive(Debug, Default)]
pub struct Lock {
    password: SecretText,
    busy: bool,
    error: Option<Failure>,
    /// How the server lets this account prove itself, once asked.
    ways: Option<Ways>,
    /// Waiting for the person to finish signing in in the browser.
    browser: bool,
    /// "Log out" was pressed: asking whether they mean it.
    confirming_logout: bool,
}

/// How the account can prove itself to unlock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ways {
    pub password: bool,
    pub sso: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Typed(SecretText),
    Unlock,
    /// The server's answer about the password, or about the browser's sign-in.
    Checked(Result<(), Failure>),
    /// What the server offers for proving who one is.
    Ways(Ways),
    /// Sign in again through the organisation, in the browser.
    Sso,
    /// The browser was opened on the organisation's sign-in, or why not.
    SsoOpened(Result<(), Failure>),
    /// The person says they finished signing in in the browser.
    SsoFinished,
    LogOut,
    ConfirmLogOut,
    CancelLogOut,
}

/// What the lock asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Check this password with the server.
    Check(Password),
    /// Open the organisation's sign-in in the browser.
    OpenSso,
    /// Ask the server whether the browser's sign-in was completed.
    CheckSso,
    Unlocked,
    LogOut,
}

impl Lock {
    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Typed(password) => self.password = password,
            Message::Unlock => return self.unlock(),
            Message::Checked(Ok(())) => return Some(Event::Unlocked),
            Message::Checked(Err(error)) => {
                self.busy = false;
                self.error = Some(error);
            }
            Message::Ways(ways) => self.ways = Some(ways),
            Message::Sso if !self.busy => {
                self.browser = true;
                self.error = None;
                return Some(Event::OpenSso);
            }
            Message::SsoFinished if self.browser && !self.busy => {
                self.busy = true;
                return Some(Event::CheckSso);
            }
            Message::SsoOpened(Ok(())) => {}
            Message::SsoOpened(Err(error)) => {
                self.browser = false;
                self.error = Some(error);
            }
            Message::Sso | Message::SsoFinished => {}
            Message::LogOut => self.confirming_logout = true,
            Message::CancelLogOut => self.confirming_logout = false,
            Message::ConfirmLogOut => return Some(Event::LogOut),
        }
        None
    }

    fn unlock(&mut self) -> Option<Event> {
        if self.password.is_empty() || self.busy {
            return None;
        }
        self.busy = true;
        self.error = None;
        Some(Event::Check(self.password.take_password()))
    }

    /// Covers the whole window: nothing of the account shows behind it.
    pub fn view(&self, user: &str) -> Element<'_, Message> {
        let mut body = column![
            text("🔒").font(style::EMOJI).size(40),
            text(fl!("lock-title")).size(22),
            text(fl!("lock-why", user = user)),
        ]
        .spacing(14)
        .align_x(Alignment::Center)
        .max_width(440);
        let ways = self.ways.unwrap_or(Ways { password: true, sso: false });
        if ways.password {
            body = body.push(self.password_row());
        }
        if ways.sso {
            body = body.push(self.sso_part());
        }
        if let Some(error) = &self.error {
            body = body.push(style::error_box(error));
        }
        body = body.push(self.logout_part());
        container(body).center(Length::Fill).into()
    }

    fn password_row(&self) -> Element<'_, Message> {
        let placeholder = fl!("lock-password");
        let field = secret_field::field(
            FIELD,
            &placeholder,
            &self.password,
            Message::Typed,
            Message::Unlock,
        );
        let unlock = button(text(fl!("lock-unlock")))
            .on_press_maybe((!self.busy).then_some(Message::Unlock));
        row![field, unlock].spacing(8).align_y(Alignment::Center).into()
    }

    fn sso_part(&self) -> Element<'_, Message> {
        let open =
            button(text(fl!("lock-sso"))).on_press_maybe((!self.busy).then_some(Message::Sso));
        if !self.browser {
            return open.into();
        }
        let done = button(text(fl!("lock-sso-finished")))
            .on_press_maybe((!self.busy).then_some(Message::SsoFinished));
        column![text(fl!("lock-sso-waiting")).size(13), row![open, done].spacing(8)]
            .spacing(8)
            .align_x(Alignment::Center)
            .into()
    }

    /// "Log out", and once pressed, what it costs and the two answers.
    fn logout_part(&self) -> Element<'_, Message> {
        if !self.confirming_logout {
            let log_out = button(text(fl!("settings-logout")))
                .style(button::secondary)
                .on_press(Message::LogOut);
            return log_out.into();
        }
        let warning = container(text(fl!("lock-logout-warning"))).padding(10);
        let answers = row![
            button(text(fl!("lock-logout-confirm")))
                .style(button::danger)
                .on_press(Message::ConfirmLogOut),
            button(text(fl!("sessions-ui-cancel")))
                .style(button::secondary)
                .on_press(Message::CancelLogOut),
        ]
        .spacing(8);
        column![warning.style(style::danger_banner), answers]
            .spacing(8)
            .align_x(Alignment::Center)
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    fn typed(text: &str) -> Message {
        Message::Typed(SecretText::new(text.into()))
    }

    #[test]
    fn the_lock_hides_the_account_and_sends_the_password_once() {
        let mut lock = Lock::default();
        let mut ui = simulator(lock.view("@anne:x"));
        assert!(ui.find(fl!("lock-title").as_str()).is_ok());
        drop(ui);
        assert_eq!(lock.update(Message::Unlock), None, "nothing typed, nothing sent");
        lock.update(typed("secret"));
        assert_eq!(
            lock.update(Message::Unlock),
            Some(Event::Check(Password::new("secret".into())))
        );
        assert!(lock.password.is_empty(), "not kept once sent");
        assert_eq!(lock.update(Message::Unlock), None, "one check at a time");
        lock.update(Message::Checked(Err(crate::matrix::MatrixError::WrongPassword.into())));
        let shown = lock.error.as_ref().map(ToString::to_string);
        assert_eq!(shown, Some(crate::matrix::MatrixError::WrongPassword.to_string()));
        assert_eq!(lock.update(Message::Checked(Ok(()))), Some(Event::Unlocked));
    }

    /// Review L5: what is typed never shows in a message's or the lock's `Debug`.
    #[test]
    fn the_typed_password_never_shows_in_debug_output() {
        let mut lock = Lock::default();
        let message = typed("hunter2");
        assert!(!format!("{message:?}").contains("hunter2"));
        lock.update(message);
        assert!(!format!("{lock:?}").contains("hunter2"));
        let event = lock.update(Message::Unlock);
        assert!(!format!("{event:?}").contains("hunter2"));
    }

    /// Review M5: a passer-by's click on "Log out" deletes nothing: it asks first, in words.
    #[test]
    fn logging_out_from_the_lock_asks_first() {
        let mut lock = Lock::default();
        assert_eq!(lock.update(Message::LogOut), None);
        {
            let mut ui = simulator(lock.view("@anne:x"));
            assert!(ui.find(fl!("lock-logout-warning").as_str()).is_ok());
        }
        lock.update(Message::CancelLogOut);
        assert!(!lock.confirming_logout);
        lock.update(Message::LogOut);
        let mut ui = simulator(lock.view("@anne:x"));
        let _ = ui.click(fl!("lock-logout-confirm").as_str());
        let clicked: Vec<_> = ui.into_messages().collect();
        assert!(matches!(clicked.as_slice(), [Message::ConfirmLogOut]), "{clicked:?}");
        assert_eq!(lock.update(Message::ConfirmLogOut), Some(Event::LogOut));
    }

    /// Review M5: an account that signs in through its organisation unlocks the same way.
    #[test]
    fn an_sso_account_unlocks_through_the_browser() {
        let mut lock = Lock::default();
        lock.update(Message::Ways(Ways { password: false, sso: true }));
        {
            let mut ui = simulator(lock.view("@anne:x"));
            assert!(ui.find(fl!("lock-password").as_str()).is_err(), "no password to type");
            assert!(ui.find(fl!("lock-sso").as_str()).is_ok());
        }
        assert_eq!(lock.update(Message::SsoFinished), None, "the browser was not opened yet");
        assert_eq!(lock.update(Message::Sso), Some(Event::OpenSso));
        assert_eq!(lock.update(Message::SsoFinished), Some(Event::CheckSso));
        assert_eq!(lock.update(Message::SsoFinished), None, "one check at a time");
        lock.update(Message::Checked(Err(crate::matrix::MatrixError::SsoCheckNotDone.into())));
        assert_eq!(lock.update(Message::SsoFinished), Some(Event::CheckSso));
    }
}
