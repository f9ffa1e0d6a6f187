//! The idle lock the organisation can require (`idle_lock_minutes`): after that long without
//! a key or the pointer, the window's content is hidden until the account's password is given
//! again, checked by the server.

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::style;
use crate::fl;

/// The password field, focused when the lock appears.
pub const FIELD: &str = "lock-password";

#[derive(Debug, Default)]
pub struct Lock {
    password: String,
    busy: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Typed(String),
    Unlock,
    /// The server's answer about the password.
    Checked(Result<(), String>),
    LogOut,
}

/// What the lock asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Check this password with the server.
    Check(String),
    Unlocked,
    LogOut,
}

impl Lock {
    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Typed(password) => self.password = password,
            Message::Unlock if !self.password.is_empty() && !self.busy => {
                self.busy = true;
                self.error = None;
                return Some(Event::Check(std::mem::take(&mut self.password)));
            }
            Message::Unlock => {}
            Message::Checked(Ok(())) => return Some(Event::Unlocked),
            Message::Checked(Err(error)) => {
                self.busy = false;
                self.error = Some(error);
            }
            Message::LogOut => return Some(Event::LogOut),
        }
        None
    }

    /// Covers the whole window: nothing of the account shows behind it.
    pub fn view(&self, user: &str) -> Element<'_, Message> {
        let field = text_input(&fl!("lock-password"), &self.password)
            .id(FIELD)
            .secure(true)
            .on_input(Message::Typed)
            .on_submit(Message::Unlock)
            .padding(8);
        let unlock = button(text(fl!("lock-unlock")))
            .on_press_maybe((!self.busy).then_some(Message::Unlock));
        let mut body = column![
            text("🔒").font(style::EMOJI).size(40),
            text(fl!("lock-title")).size(22),
            text(fl!("lock-why", user = user)),
            row![field, unlock].spacing(8).align_y(Alignment::Center),
        ]
        .spacing(14)
        .align_x(Alignment::Center)
        .max_width(440);
        if let Some(error) = &self.error {
            body = body.push(style::error_box(error));
        }
        let log_out =
            button(text(fl!("settings-logout"))).style(button::secondary).on_press(Message::LogOut);
        body = body.push(log_out);
        container(body).center(Length::Fill).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    #[test]
    fn the_lock_hides_the_account_and_sends_the_password_once() {
        let mut lock = Lock::default();
        let mut ui = simulator(lock.view("@anne:x"));
        assert!(ui.find(fl!("lock-title").as_str()).is_ok());
        drop(ui);
        assert_eq!(lock.update(Message::Unlock), None, "nothing typed, nothing sent");
        lock.update(Message::Typed("secret".into()));
        assert_eq!(lock.update(Message::Unlock), Some(Event::Check("secret".into())));
        assert!(lock.password.is_empty(), "not kept once sent");
        assert_eq!(lock.update(Message::Unlock), None, "one check at a time");
        lock.update(Message::Checked(Err("wrong".into())));
        assert_eq!(lock.error.as_deref(), Some("wrong"));
        assert_eq!(lock.update(Message::Checked(Ok(()))), Some(Event::Unlocked));
    }
}
