//! The login screen: Matrix ID (or homeserver and user name) and password, or the
//! organisation's account in the browser (single sign-on) when the server offers it, with
//! errors shown in words a person can act on.

use crate::ui::failure::Failure;
use std::time::Duration;

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use crate::fl;
use crate::matrix::{self, LoginRequest, SsoCancel, SsoRequest};
use crate::model::{Identity, IdentityProvider, LoginMethods};
use crate::policy::Policy;
use crate::profile::Profile;
use crate::secret::SecretText;
use crate::ui::widget::style;

const USER: &str = "login-user";
const PASSWORD: &str = "login-password";

/// How long typing must pause before the server is asked how it signs people in: one request
/// per server typed, not one per key.
const LOOKUP_PAUSE: Duration = Duration::from_millis(600);

/// What the person has typed, what the server offers, and the last error.
#[derive(Debug, Clone, Default)]
pub struct Login {
    user: String,
    homeserver: String,
    password: SecretText,
    error: Option<String>,
    busy: bool,
    /// The server the fields name (see [`server_key`]) and what it offers, once known.
    asked: String,
    methods: Option<LoginMethods>,
    /// Counts server changes, so a lookup for a server typed over is dropped.
    lookups: u64,
    /// Waiting for the browser to finish a single sign-on.
    sso: Option<SsoWait>,
    /// The organisation fixed the server: the field shows it and cannot be changed.
    locked: bool,
}

#[derive(Debug, Clone)]
struct SsoWait {
    cancel: SsoCancel,
    cancelling: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    User(String),
    Homeserver(String),
    Password(SecretText),
    Submit,
    Done(Result<Identity, Failure>),
    /// Typing paused: ask the server how it signs people in (if still the same lookup).
    Lookup(u64),
    /// The server's answer, for the server key it was asked for.
    Methods(String, Result<LoginMethods, Failure>),
    /// Sign in with this identity provider (its id; empty for the server's default).
    Sso(String),
    CancelSso,
}

/// What the login screen reports to the app.
#[derive(Debug, Clone)]
pub enum Event {
    LoggedIn(Identity),
}

impl Login {
    /// A fresh form; `user` is filled in when a session expired and only the password is asked.
    pub fn new(user: Option<String>, error: Option<String>) -> Self {
        let mut login = Self { user: user.unwrap_or_default(), error, ..Self::default() };
        login.asked = login.server_key();
        login
    }

    /// The form under `policy`: a server the organisation locked is filled in, read-only.
    pub fn under(mut self, policy: &Policy) -> Self {
        if let Some(server) = policy.locked_homeserver() {
            self.homeserver = server.to_owned();
            self.locked = true;
            self.asked = self.server_key();
        }
        self
    }

    /// Puts the cursor where typing starts (the password when the user is known), and asks
    /// the server already named how it signs people in.
    pub fn focus_first(&self) -> Task<Message> {
        let first = if self.user.is_empty() { USER } else { PASSWORD };
        let lookup = Task::done(Message::Lookup(self.lookups));
        Task::batch([iced::widget::operation::focus(first), lookup])
    }

    pub fn update(
        &mut self,
        message: Message,
        profile: &Profile,
        policy: &Policy,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::User(user) => {
                self.user = user;
                return (self.server_changed(), None);
            }
            Message::Homeserver(url) => {
                self.homeserver = url;
                return (self.server_changed(), None);
            }
            Message::Password(password) => self.password = password,
            Message::Submit => return (self.submit(profile, policy), None),
            Message::Done(result) => return (Task::none(), self.finished(result)),
            Message::Lookup(lookup) => return (self.look_up(lookup, policy), None),
            Message::Methods(key, result) => self.learned(&key, result),
            Message::Sso(provider) => return (self.start_sso(provider, profile, policy), None),
            Message::CancelSso => self.cancel_sso(),
        }
        (Task::none(), None)
    }

    /// The part of the form that decides the server: what a lookup is keyed on.
    fn server_key(&self) -> String {
        server_key(&self.homeserver, &self.user)
    }

    /// Forgets what the previous server offered and asks the new one after a pause.
    fn server_changed(&mut self) -> Task<Message> {
        let key = self.server_key();
        if key == self.asked {
            return Task::none();
        }
        self.asked = key;
        self.methods = None;
        self.lookups += 1;
        let lookup = self.lookups;
        // The timer is made inside the future, where iced's tokio runtime is current.
        let pause = async { tokio::time::sleep(LOOKUP_PAUSE).await };
        Task::perform(pause, move |()| Message::Lookup(lookup))
    }

    fn look_up(&mut self, lookup: u64, policy: &Policy) -> Task<Message> {
        let nothing_named = self.asked.is_empty() && policy.default_homeserver.value.is_none();
        if lookup != self.lookups || nothing_named {
            return Task::none();
        }
        let (homeserver, user) = self.server_fields();
        let (key, policy) = (self.asked.clone(), policy.clone());
        Task::perform(
            async move {
                let methods =
                    matrix::login_methods(&policy, homeserver.as_deref(), user.as_deref());
                methods.await.map_err(Failure::from)
            },
            move |result| Message::Methods(key.clone(), result),
        )
    }

    /// A lookup that failed is not shown: the person may still be typing, and logging in
    /// explains the same failure in words.
    fn learned(&mut self, key: &str, result: Result<LoginMethods, Failure>) {
        if key == self.asked {
            self.methods = result.ok();
        }
    }

    /// The homeserver and user fields as a login takes them: trimmed, `None` when empty.
    fn server_fields(&self) -> (Option<String>, Option<String>) {
        let filled = |field: &str| Some(field.trim().to_owned()).filter(|f| !f.is_empty());
        (filled(&self.homeserver), filled(&self.user))
    }

    fn submit(&mut self, profile: &Profile, policy: &Policy) -> Task<Message> {
        if self.busy || self.user.trim().is_empty() || self.password.is_empty() {
            return Task::none();
        }
        self.busy = true;
        self.error = None;
        let request = LoginRequest {
            homeserver: self.server_fields().0,
            user: self.user.trim().to_owned(),
            password: self.password.take_password(),
            device_name: fl!("device-name", host = crate::profile::host_name()),
        };
        let (profile, policy) = (profile.clone(), policy.clone());
        Task::perform(
            async move {
                // The session is closed again at once: the app's core restores it from the
                // keychain, so exactly one client ever owns the store.
                let session = matrix::login(&profile, &policy, request).await;
                session.map(|s| s.identity()).map_err(Failure::from)
            },
            Message::Done,
        )
    }

    fn start_sso(&mut self, provider: String, profile: &Profile, policy: &Policy) -> Task<Message> {
        if self.busy {
            return Task::none();
        }
        self.busy = true;
        self.error = None;
        let cancel = SsoCancel::default();
        self.sso = Some(SsoWait { cancel: cancel.clone(), cancelling: false });
        let (homeserver, user) = self.server_fields();
        let request = SsoRequest {
            homeserver,
            user,
            identity_provider: Some(provider).filter(|id| !id.is_empty()),
            device_name: fl!("device-name", host = crate::profile::host_name()),
            open: matrix::open_browser,
            cancel,
        };
        let (profile, policy) = (profile.clone(), policy.clone());
        Task::perform(
            async move {
                let session = matrix::login_sso(&profile, &policy, request).await;
                session.map(|s| s.identity()).map_err(Failure::from)
            },
            Message::Done,
        )
    }

    /// Asks the login to stop; the screen stays busy until it has cleaned up (`Done`), so a
    /// new attempt never races the old one's clean-up of the same profile.
    fn cancel_sso(&mut self) {
        if let Some(wait) = &mut self.sso {
            wait.cancel.cancel();
            wait.cancelling = true;
        }
    }

    fn finished(&mut self, result: Result<Identity, Failure>) -> Option<Event> {
        self.busy = false;
        let cancelled = self.sso.take().is_some_and(|wait| wait.cancelling);
        match result {
            Ok(identity) => Some(Event::LoggedIn(identity)),
            // The person asked for it: no error to read.
            Err(_) if cancelled => None,
            Err(error) => {
                self.error = Some(error.to_string());
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
                .on_input_maybe((!self.locked).then_some(Message::Homeserver))
                .on_submit(Message::Submit)
                .padding(8),
        ]
        .spacing(12)
        .max_width(420);
        if self.locked {
            let note =
                text(fl!("settings-locked")).size(12).style(crate::ui::widget::style::caution_text);
            form = form.push(note);
        }
        let offers = self.methods.as_ref();
        // Until the server has answered, the password form is what most servers want.
        let password = offers.is_none_or(|methods| methods.password);
        if password {
            let placeholder = fl!("login-password-placeholder");
            form = form.push(crate::ui::widget::secret_field::field(
                PASSWORD,
                &placeholder,
                &self.password,
                Message::Password,
                Message::Submit,
            ));
        }
        if let Some(error) = &self.error {
            form = form.push(style::error_box(error));
        }
        if let Some(wait) = &self.sso {
            return centred(form.push(self.waiting(wait)));
        }
        if password {
            let label = if self.busy { fl!("login-busy") } else { fl!("login-submit") };
            let submit = button(text(label)).padding([8, 16]);
            form = form.push(if self.busy { submit } else { submit.on_press(Message::Submit) });
        }
        let providers = offers.map(|methods| methods.sso.as_slice()).unwrap_or_default();
        if !providers.is_empty() && password {
            form = form.push(text(fl!("login-or")));
        }
        for provider in providers {
            let sso = button(text(sso_label(provider))).padding([8, 16]);
            let pressed = Message::Sso(provider.id.clone());
            form = form.push(if self.busy { sso } else { sso.on_press(pressed) });
        }
        centred(form)
    }

    /// While the browser has the person: what to do there, and a way out.
    fn waiting(&self, wait: &SsoWait) -> Element<'_, Message> {
        let cancel = if wait.cancelling {
            button(text(fl!("login-sso-cancelling"))).padding([8, 16])
        } else {
            button(text(fl!("login-sso-cancel"))).padding([8, 16]).on_press(Message::CancelSso)
        };
        column![
            text(fl!("login-sso-waiting")).size(20),
            text(fl!("login-sso-waiting-hint")),
            row![cancel],
        ]
        .spacing(12)
        .into()
    }
}

fn centred(form: iced::widget::Column<'_, Message>) -> Element<'_, Message> {
    container(form.align_x(Alignment::Start)).center(Length::Fill).padding(24).into()
}

/// "Sign in with <provider>", or with "your organisation's account" when the provider's name
/// is only a protocol's.
fn sso_label(provider: &IdentityProvider) -> String {
    match provider.shown_name() {
        Some(name) => fl!("login-sso", provider = name),
        None => fl!("login-sso-organisation"),
    }
}

/// What decides the server: the homeserver field, else the Matrix ID's server name, else
/// nothing (the organisation's default, if any).
fn server_key(homeserver: &str, user: &str) -> String {
    let homeserver = homeserver.trim();
    if !homeserver.is_empty() {
        return homeserver.to_owned();
    }
    let user = user.trim();
    match user.strip_prefix('@').and_then(|id| id.split_once(':')) {
        Some((_, server)) => server.to_owned(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    fn offering(password: bool, sso: Vec<IdentityProvider>) -> Login {
        let mut login = Login::new(Some("@alice:gouv.example".into()), None);
        login.methods = Some(LoginMethods { password, sso });
        login
    }

    fn cas() -> IdentityProvider {
        IdentityProvider { id: "cas".into(), name: "CAS".into() }
    }

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
        let _ = login.finished(Err(crate::matrix::MatrixError::WrongPassword.into()));
        let mut ui = simulator(login.view());
        assert!(ui.find(wrong.as_str()).is_ok(), "the error is on screen");
    }

    #[test]
    fn a_refused_server_is_explained() {
        let mut login = Login::new(Some("@bob:evil.example".into()), None);
        let refused = crate::policy::Refusal::Homeserver("evil.example".into());
        let refusal = refused.to_string();
        let _ = login.finished(Err(crate::matrix::MatrixError::from(refused).into()));
        let mut ui = simulator(login.view());
        assert!(ui.find(refusal.as_str()).is_ok());
        assert!(ui.find("@bob:evil.example").is_ok(), "the user name is kept");
    }

    #[test]
    fn the_sso_button_appears_only_when_the_server_offers_sso() {
        let organisation = fl!("login-sso-organisation");
        let password_only = offering(true, vec![]);
        let mut ui = simulator(password_only.view());
        assert!(ui.find(organisation.as_str()).is_err(), "no SSO button without SSO");
        assert!(ui.find(fl!("login-submit").as_str()).is_ok());

        let unknown = Login::new(Some("@alice:gouv.example".into()), None);
        let mut ui = simulator(unknown.view());
        assert!(ui.find(organisation.as_str()).is_err(), "no SSO button before the server says");

        let both = offering(true, vec![cas()]);
        let mut ui = simulator(both.view());
        assert!(ui.find(organisation.as_str()).is_ok(), "a protocol name is not shown");
        assert!(ui.find(fl!("login-password-placeholder").as_str()).is_ok());
    }

    #[test]
    fn pressing_the_sso_button_asks_for_that_provider() {
        let named = IdentityProvider { id: "agentconnect".into(), name: "AgentConnect".into() };
        let login = offering(true, vec![cas(), named]);
        let mut ui = simulator(login.view());
        let label = fl!("login-sso", provider = "AgentConnect");
        let _ = ui.click(label.as_str());
        let messages: Vec<_> = ui.into_messages().collect();
        assert!(
            matches!(messages.as_slice(), [Message::Sso(id)] if id == "agentconnect"),
            "{messages:?}"
        );
    }

    #[test]
    fn a_server_without_passwords_shows_only_single_sign_on() {
        let login = offering(false, vec![cas()]);
        let mut ui = simulator(login.view());
        assert!(ui.find(fl!("login-password-placeholder").as_str()).is_err());
        assert!(ui.find(fl!("login-submit").as_str()).is_err());
        let _ = ui.click(fl!("login-sso-organisation").as_str());
        let messages: Vec<_> = ui.into_messages().collect();
        assert!(matches!(messages.as_slice(), [Message::Sso(id)] if id == "cas"), "{messages:?}");
    }

    #[test]
    fn while_the_browser_is_open_the_screen_says_so_and_can_cancel() {
        let mut login = offering(true, vec![cas()]);
        let cancel = SsoCancel::default();
        login.busy = true;
        login.sso = Some(SsoWait { cancel, cancelling: false });
        let mut ui = simulator(login.view());
        assert!(ui.find(fl!("login-sso-waiting").as_str()).is_ok());
        let _ = ui.click(fl!("login-sso-cancel").as_str());
        let messages: Vec<_> = ui.into_messages().collect();
        assert!(matches!(messages.as_slice(), [Message::CancelSso]), "{messages:?}");

        // Cancelled: the login's own "cancelled" error is not shown, and the form is back.
        login.cancel_sso();
        assert!(login.sso.as_ref().is_some_and(|wait| wait.cancelling));
        assert!(login.finished(Err(crate::matrix::MatrixError::SsoCancelled.into())).is_none());
        assert!(!login.busy && login.sso.is_none() && login.error.is_none());
    }

    #[test]
    fn a_failed_sso_is_explained_in_words() {
        let mut login = offering(true, vec![cas()]);
        login.busy = true;
        login.sso = Some(SsoWait { cancel: SsoCancel::default(), cancelling: false });
        let failure = fl!("error-sso-timeout", minutes = 10);
        let _ = login.finished(Err(crate::matrix::MatrixError::SsoTimedOut(10).into()));
        let mut ui = simulator(login.view());
        assert!(ui.find(failure.as_str()).is_ok());
        assert!(ui.find(fl!("login-sso-organisation").as_str()).is_ok(), "ready to try again");
    }

    #[test]
    fn the_server_is_known_from_either_field() {
        assert_eq!(server_key("", "@alice:gouv.fr"), "gouv.fr");
        assert_eq!(
            server_key(" https://matrix.gouv.fr ", "@alice:gouv.fr"),
            "https://matrix.gouv.fr"
        );
        assert_eq!(server_key("", "alice"), "");
        assert_eq!(server_key("", "@alice:localhost:8448"), "localhost:8448");
    }

    #[test]
    fn only_a_change_of_server_forgets_what_it_offers() {
        let mut login = offering(true, vec![cas()]);
        let _ = login.server_changed();
        assert!(login.methods.is_some(), "same server: the buttons stay");
        login.user = "@alice.martin:gouv.example".into();
        let _ = login.server_changed();
        assert!(login.methods.is_some(), "another name on the same server");
        login.homeserver = "https://other.example".into();
        let _ = login.server_changed();
        assert!(login.methods.is_none(), "another server: asked again");
        // An answer for a server typed over is dropped.
        login.learned("gouv.example", Ok(LoginMethods { password: true, sso: vec![cas()] }));
        assert!(login.methods.is_none());
        login.learned("https://other.example", Ok(LoginMethods::default()));
        assert!(login.methods.is_some());
    }

    #[test]
    fn a_server_locked_by_the_organisation_is_shown_and_cannot_be_changed() {
        use crate::policy::{Setting, Source};
        let org = Source::Organisation("/etc/estafette/policy.toml".into());
        let mut policy = Policy::default();
        let server = Some("https://matrix.ministere.gouv.fr".to_owned());
        policy.default_homeserver = Setting { value: server, source: org.clone() };
        policy.lock_default_homeserver = Setting { value: true, source: org };
        let login = Login::new(None, None).under(&policy);
        let mut ui = simulator(login.view());
        assert!(ui.find(fl!("settings-locked").as_str()).is_ok());
        assert!(ui.find("https://matrix.ministere.gouv.fr").is_ok(), "the server is shown");
        let free = Login::new(None, None).under(&Policy::default());
        let mut ui = simulator(free.view());
        assert!(ui.find(fl!("settings-locked").as_str()).is_err());
    }
}
