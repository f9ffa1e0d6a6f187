//! The login screen: Matrix ID (or homeserver and user name) and password, with errors shown
//! in words a person can act on.

use iced::widget::{button, column, container, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::style;
use crate::fl;
use crate::matrix::{self, LoginRequest};
use crate::model::Identity;
use crate::policy::Policy;
use crate::profile::Profile;
use crate::secret::Password;

const USER: &str = "login-user";
const PASSWORD: &str = "login-password";

/// What the person has typed, and the last error.
#[derive(Debug, Clone, Default)]
pub struct Login {
    user: String,
    homeserver: String,
    password: String,
    error: Option<String>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    User(String),
    Homeserver(String),
    Password(String),
    Submit,
    Done(Result<Identity, String>),
}

/// What the login screen reports to the app.
#[derive(Debug, Clone)]
pub enum Event {
    LoggedIn(Identity),
}

impl Login {
    /// A fresh form; `user` is filled in when a session expired and only the password is asked.
    pub fn new(user: Option<String>, error: Option<String>) -> Self {
        Self { user: user.unwrap_or_default(), error, ..Self::default() }
    }

    /// Puts the cursor where typing starts: the password when the user is known.
    pub fn focus_first(&self) -> Task<Message> {
        let first = if self.user.is_empty() { USER } else { PASSWORD };
        iced::widget::operation::focus(first)
    }

    pub fn update(
        &mut self,
        message: Message,
        profile: &Profile,
        policy: &Policy,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::User(user) => self.user = user,
            Message::Homeserver(url) => self.homeserver = url,
            Message::Password(password) => self.password = password,
            Message::Submit => return (self.submit(profile, policy), None),
            Message::Done(result) => return (Task::none(), self.finished(result)),
        }
        (Task::none(), None)
    }

    fn submit(&mut self, profile: &Profile, policy: &Policy) -> Task<Message> {
        if self.busy || self.user.trim().is_empty() || self.password.is_empty() {
            return Task::none();
        }
        self.busy = true;
        self.error = None;
        let request = LoginRequest {
            homeserver: Some(self.homeserver.trim().to_owned()).filter(|h| !h.is_empty()),
            user: self.user.trim().to_owned(),
            password: Password::new(std::mem::take(&mut self.password)),
            device_name: fl!("device-name", host = crate::profile::host_name()),
        };
        let (profile, policy) = (profile.clone(), policy.clone());
        Task::perform(
            async move {
                // The session is closed again at once: the app's core restores it from the
                // keychain, so exactly one client ever owns the store.
                let session = matrix::login(&profile, &policy, request).await;
                session.map(|s| s.identity()).map_err(|e| e.to_string())
            },
            Message::Done,
        )
    }

    fn finished(&mut self, result: Result<Identity, String>) -> Option<Event> {
        self.busy = false;
        match result {
            Ok(identity) => Some(Event::LoggedIn(identity)),
            Err(error) => {
                self.error = Some(error);
                None
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut form = column![
            text(fl!("login-title")).size(28),
            text(fl!("login-intro")),
            text_input(&fl!("login-user-placeholder"), &self.user)
                .id(USER)
                .on_input(Message::User)
                .on_submit(Message::Submit)
                .padding(8),
            text_input(&fl!("login-homeserver-placeholder"), &self.homeserver)
                .on_input(Message::Homeserver)
                .on_submit(Message::Submit)
                .padding(8),
            text_input(&fl!("login-password-placeholder"), &self.password)
                .id(PASSWORD)
                .secure(true)
                .on_input(Message::Password)
                .on_submit(Message::Submit)
                .padding(8),
        ]
        .spacing(12)
        .max_width(420);
        if let Some(error) = &self.error {
            form = form.push(style::error_box(error));
        }
        let label = if self.busy { fl!("login-busy") } else { fl!("login-submit") };
        let submit = button(text(label)).padding([8, 16]);
        form = form.push(if self.busy { submit } else { submit.on_press(Message::Submit) });
        container(form.align_x(Alignment::Start)).center(Length::Fill).padding(24).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    #[test]
    fn typing_fills_the_form_and_enter_submits() {
        let login = Login::default();
        let mut ui = simulator(login.view());
        let _ = ui.click(fl!("login-user-placeholder").as_str());
        let _ = ui.typewrite("@alice:example.org");
        let messages: Vec<_> = ui.into_messages().collect();
        assert!(
            messages.iter().any(|m| matches!(m, Message::User(u) if u == "@alice:example.org"))
        );
    }

    #[test]
    fn an_error_is_shown_in_words() {
        let mut login = Login::default();
        let wrong = fl!("error-wrong-password");
        let _ = login.finished(Err(wrong.clone()));
        let mut ui = simulator(login.view());
        assert!(ui.find(wrong.as_str()).is_ok(), "the error is on screen");
    }

    #[test]
    fn a_refused_server_is_explained() {
        let mut login = Login::new(Some("@bob:evil.example".into()), None);
        let refusal = crate::policy::Refusal::Homeserver("evil.example".into()).to_string();
        let _ = login.finished(Err(refusal.clone()));
        let mut ui = simulator(login.view());
        assert!(ui.find(refusal.as_str()).is_ok());
        assert!(ui.find("@bob:evil.example").is_ok(), "the user name is kept");
    }
}
