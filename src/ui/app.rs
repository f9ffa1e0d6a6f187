//! The root of the desktop app: which screen shows, and the core's events as a subscription
//! keyed by the account alone, so that nothing else restarts it. The app outlives its window
//! (`background`).

mod background;
mod control;

use crate::ui::failure::Failure;
use std::hash::{Hash, Hasher};

use iced::futures::StreamExt as _;
use iced::widget::{container, text};
use iced::{Element, Length, Subscription, Task, Theme};

use super::Launch;
use super::screen::home::{self, Home};
use super::screen::lock::{self, Lock};
use super::screen::login::{self, Login};
use crate::fl;
use crate::matrix::{self, Event as CoreEvent};
use crate::model::AccountState;
use crate::preferences::{Preferences, ThemeChoice};
use crate::startup::{self, Milestone};

pub struct App {
    launch: Launch,
    screen: Screen,
    user: Option<String>,
    preferences: Preferences,
    /// The other profiles on this computer, for the login screen's account list.
    neighbours: Vec<crate::profile::Neighbour>,
    /// The last key or pointer use, for the idle lock.
    last_active: std::time::Instant,
    /// When that use was last noted in the profile (at most once a minute), so a restart
    /// after a long absence opens locked.
    noted_active: Option<std::time::Instant>,
    /// The idle lock, while the window's content is hidden.
    lock: Option<Lock>,
    /// How many times the core was started afresh in this window: part of the core
    /// subscription's identity, so a new number starts a new core.
    generation: u32,
    /// Open the settings again once the core is back (it restarted to apply one of them).
    reopen_settings: bool,
    /// The window, while it is open: closed, the app runs on behind the tray icon.
    window: Option<iced::window::Id>,
    /// Whether a tray shows Estafette's icon; `None` until the tray has answered.
    tray: Option<bool>,
    /// The window was closed where no tray can keep the app: it says, once, that this quits.
    asking_quit: bool,
}

/// The core goes with the app's state, inside the runtime's context (see `executor::context`).
impl Drop for App {
    fn drop(&mut self) {
        let _context = crate::ui::desktop::executor::context();
        self.screen = Screen::Starting;
        self.lock = None;
    }
}

enum Screen {
    /// Restoring the session and loading the room list.
    Starting,
    Login(Login),
    Home(Box<Signed>),
}

/// The home screen, and the core its requests go to.
struct Signed {
    home: Home,
    core: home::Core,
}

impl Signed {
    /// Hands the home screen's requests to the core and its event to the app.
    fn apply(&mut self, effects: home::Effects) -> (Task<Message>, Option<home::Event>) {
        let home::Effects { ui, core, up } = effects;
        (Task::batch([ui, self.core.perform(core)]).map(Message::Home), up)
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Login(login::Message),
    Home(home::Message),
    Core(CoreEvent),
    /// Tab / Shift+Tab: move to the next / previous field.
    Focus(bool),
    /// The window appeared (a startup milestone).
    WindowOpened,
    /// Open another profile (account) in its own window.
    OpenProfile(String),
    /// A key or the pointer was used.
    Active,
    /// Time to see whether the window has been idle too long.
    Tick,
    Lock(lock::Message),
    /// The core stopped to apply a new setting: start it again.
    Restart,
    /// The window's close button.
    CloseRequested(iced::window::Id),
    /// "Closing quits": quit (true) or keep the window.
    QuitAnswer(bool),
    Tray(crate::ui::desktop::tray::TrayEvent),
    /// Ctrl+Q.
    Quit,
}

impl App {
    pub fn boot(launch: Launch) -> (Self, Task<Message>) {
        let account = launch.profile.read_account().ok().flatten();
        let user = account.as_ref().map(|a| a.user_id.clone());
        let screen = match &account {
            Some(record) if record.state == AccountState::Active => Screen::Starting,
            Some(record) => Screen::Login(
                Login::new(
                    Some(record.user_id.clone()),
                    Some(fl!("error-soft-logged-out", user = record.user_id.as_str())),
                )
                .under(&launch.policy),
            ),
            None => Screen::Login(Login::new(None, None).under(&launch.policy)),
        };
        let focus = match &screen {
            Screen::Login(login) => login.focus_first().map(Message::Login),
            _ => Task::none(),
        };
        let preferences = Preferences::load(&launch.profile);
        let neighbours = launch.profile.neighbours();
        let last_active = std::time::Instant::now();
        let signed_in = matches!(screen, Screen::Starting);
        let lock = (signed_in && lock_due(&launch)).then(Lock::default);
        // A window that opens locked starts in the lock's password field.
        let focus =
            if lock.is_some() { iced::widget::operation::focus(lock::FIELD) } else { focus };
        if let Err(error) = background::follow_start_at_login(&launch) {
            tracing::warn!(%error, "the login entry could not follow the policy");
        }
        // In the background (at login), the window waits for the tray's icon to be clicked.
        let (window, opened) = if launch.background {
            (None, Task::none())
        } else {
            let (id, opened) = iced::window::open(background::settings());
            (Some(id), opened.discard())
        };
        let app = Self {
            launch,
            screen,
            user,
            preferences,
            neighbours,
            last_active,
            noted_active: None,
            lock,
            generation: 0,
            reopen_settings: false,
            window,
            tray: None,
            asking_quit: false,
        };
        (app, opened.chain(focus))
    }

    /// "Estafette — @user", after the number of rooms with something new, as Element shows
    /// it: the taskbar says there is news without the window being looked at.
    pub fn title(&self) -> String {
        let name = match &self.user {
            Some(user) => format!("Estafette — {user}"),
            None => "Estafette".into(),
        };
        let unread = match &self.screen {
            Screen::Home(signed) => signed.home.rooms_with_news(),
            _ => 0,
        };
        if unread > 0 { format!("({unread}) {name}") } else { name }
    }

    /// The user's choice, or (`None`) the system's light or dark preference.
    pub fn theme(&self) -> Option<Theme> {
        match self.preferences.theme {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some(Theme::Light),
            ThemeChoice::Dark => Some(Theme::Dark),
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        let task = self.route(message);
        self.show_tray();
        task
    }

    fn route(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Login(message) => self.login(message),
            // A click on a notification opens its room, and the window if it was closed.
            Message::Home(message @ home::Message::Clicked(Some(_))) => {
                let shown = self.show_window();
                Task::batch([shown, self.home(message)])
            }
            Message::Home(message) => self.home(message),
            Message::Core(event) => self.core(event),
            Message::Focus(forward) => focus_move(forward),
            Message::OpenProfile(name) => self.open_profile(Some(name)),
            Message::Active => {
                self.note_presence();
                Task::none()
            }
            Message::Tick => {
                self.note_activity();
                self.maybe_lock()
            }
            Message::Lock(message) => self.lock_message(message),
            Message::WindowOpened => {
                startup::reached(Milestone::WindowShown, None);
                Task::none()
            }
            Message::Restart => {
                self.generation += 1;
                self.reopen_settings = true;
                self.screen = Screen::Starting;
                Task::none()
            }
            Message::CloseRequested(id) => self.close_requested(id),
            Message::QuitAnswer(quit) => self.quit_answer(quit),
            Message::Tray(event) => self.tray_event(event),
            Message::Quit => iced::exit(),
        }
    }

    fn login(&mut self, message: login::Message) -> Task<Message> {
        let Screen::Login(login) = &mut self.screen else { return Task::none() };
        let (task, event) = login.update(message, &self.launch.profile, &self.launch.policy);
        if let Some(login::Event::LoggedIn(identity)) = event {
            self.user = Some(identity.user_id);
            self.screen = Screen::Starting;
        }
        task.map(Message::Login)
    }

    fn home(&mut self, message: home::Message) -> Task<Message> {
        let Screen::Home(signed) = &mut self.screen else { return Task::none() };
        let effects = signed.home.update(message);
        let (task, event) = signed.apply(effects);
        match event {
            Some(home::Event::LoggedOut) => {
                self.user = None;
                return self.show_login(None);
            }
            Some(home::Event::Preferences(preferences)) => self.keep(preferences),
            Some(home::Event::OpenProfile(name)) => return self.open_profile(name),
            Some(home::Event::VerifiedOnly(on)) => return self.verified_only(on),
            Some(home::Event::StartAtLogin(on)) => return self.start_at_login(on),
            None => {}
        }
        task
    }

    fn core(&mut self, event: CoreEvent) -> Task<Message> {
        match (event, &mut self.screen) {
            (CoreEvent::Ready(handle), _) => {
                startup::reached(Milestone::SessionRestored, None);
                let neighbours = self.launch.profile.neighbours();
                let me = home::Me {
                    user_id: handle.user_id().to_owned(),
                    device_id: handle.device_id().to_owned(),
                };
                let mut home = Home::new(me, handle.policy().clone(), self.preferences, neighbours);
                home.set_locked(self.lock.is_some());
                let mut signed = Signed { home, core: home::Core::new(handle) };
                let mut tasks = vec![signed.core.perform(Home::opening()).map(Message::Home)];
                if std::mem::take(&mut self.reopen_settings) {
                    let effects = signed.home.update(home::Message::OpenSettings);
                    tasks.push(signed.apply(effects).0);
                }
                if self.lock.is_some() {
                    tasks.push(proof_ways(signed.core.handle()));
                }
                self.screen = Screen::Home(Box::new(signed));
                return Task::batch(tasks);
            }
            (CoreEvent::Rooms(rooms), Screen::Home(signed)) => {
                startup::reached(Milestone::RoomListReady, Some(rooms.len()));
                let effects = signed.home.set_rooms(rooms);
                return signed.apply(effects).0;
            }
            (CoreEvent::RoomsLoaded, Screen::Home(signed)) => {
                startup::reached(Milestone::RoomListComplete, Some(signed.home.room_count()));
                signed.home.set_loaded();
            }
            (CoreEvent::Sync(status), Screen::Home(signed)) => signed.home.set_status(status),
            (CoreEvent::Indexing(progress), Screen::Home(signed)) => {
                signed.home.set_indexing(progress);
            }
            (CoreEvent::Verification(flow), Screen::Home(signed)) => {
                let effects = signed.home.verification(flow);
                return signed.apply(effects).0;
            }
            (CoreEvent::NewSession(session), Screen::Home(signed)) => {
                let effects = signed.home.new_session(session);
                return signed.apply(effects).0;
            }
            (CoreEvent::Failed(error), _) => return self.show_login(Some(ended_in_words(&error))),
            _ => {}
        }
        Task::none()
    }

    /// Applies new preferences (the next frame is drawn in the new language and theme) and
    /// keeps them for the next start.
    fn keep(&mut self, preferences: Preferences) {
        if preferences.language != self.preferences.language {
            crate::i18n::choose(preferences.language.tag());
        }
        self.preferences = preferences;
        if let Err(error) = preferences.save(&self.launch.profile) {
            tracing::warn!(%error, "preferences not saved");
        }
    }

    /// Hides the account once it has been idle longer than the organisation allows.
    fn maybe_lock(&mut self) -> Task<Message> {
        let Some(limit) = self.launch.policy.idle_lock() else { return Task::none() };
        if self.lock.is_some() || !matches!(self.screen, Screen::Home(_)) {
            return Task::none();
        }
        if self.last_active.elapsed() < limit {
            return Task::none();
        }
        self.engage_lock()
    }

    /// Puts the lock up, and keeps that it is up, so that a restart does not lift it.
    fn engage_lock(&mut self) -> Task<Message> {
        self.lock = Some(Lock::default());
        if let Err(error) = self.launch.profile.set_idle_locked(true) {
            tracing::warn!(%error, "the idle lock could not be kept for the next start");
        }
        let Screen::Home(signed) = &mut self.screen else { return Task::none() };
        signed.home.set_locked(true);
        Task::batch([iced::widget::operation::focus(lock::FIELD), proof_ways(signed.core.handle())])
    }

    /// Notes in the profile, at most once a minute, that the window is in use.
    fn note_activity(&mut self) {
        const EVERY: std::time::Duration = std::time::Duration::from_secs(60);
        if self.launch.policy.idle_lock().is_none() || self.lock.is_some() {
            return;
        }
        let fresh = self
            .noted_active
            .is_none_or(|noted| noted.elapsed() >= EVERY && self.last_active > noted);
        if fresh {
            let at = std::time::SystemTime::now() - self.last_active.elapsed();
            if let Err(error) = self.launch.profile.record_activity(at) {
                tracing::info!(%error, "activity not noted");
            }
            self.noted_active = Some(std::time::Instant::now());
        }
    }

    fn lock_message(&mut self, message: lock::Message) -> Task<Message> {
        let Some(lock) = &mut self.lock else { return Task::none() };
        let event = lock.update(message);
        // The lock can be up before the core is (a window left locked): typing works, and a
        // check waits for the core.
        let handle = match &self.screen {
            Screen::Home(signed) => Some(signed.core.handle().clone()),
            _ => None,
        };
        let checked = |result: Result<(), crate::matrix::MatrixError>| {
            Message::Lock(lock::Message::Checked(result.map_err(Failure::from)))
        };
        let not_ready =
            || Task::done(Message::Lock(lock::Message::Checked(Err(Failure::NotReady))));
        match (event, handle) {
            (Some(lock::Event::Check(password)), Some(handle)) => {
                Task::perform(async move { handle.check_password(&password).await }, checked)
            }
            (Some(lock::Event::OpenSso), Some(handle)) => {
                Task::perform(async move { open_sso_check(&handle).await }, |opened| {
                    Message::Lock(lock::Message::SsoOpened(opened.map_err(Failure::from)))
                })
            }
            (Some(lock::Event::CheckSso), Some(handle)) => {
                Task::perform(async move { handle.check_sso().await }, checked)
            }
            (Some(lock::Event::Unlocked), _) => self.unlocked(),
            (Some(lock::Event::LogOut), Some(_)) => {
                let Screen::Home(signed) = &mut self.screen else { return Task::none() };
                self.lock = None;
                let effects = signed.home.update(home::Message::LogOut);
                signed.apply(effects).0
            }
            (Some(_), None) => not_ready(),
            (None, _) => Task::none(),
        }
    }

    /// The server confirmed who is there: the lock comes down, here and for the next start.
    fn unlocked(&mut self) -> Task<Message> {
        self.lock = None;
        if let Screen::Home(signed) = &mut self.screen {
            signed.home.set_locked(false);
        }
        self.last_active = std::time::Instant::now();
        self.noted_active = None;
        if let Err(error) = self.launch.profile.set_idle_locked(false) {
            tracing::warn!(%error, "the idle lock's mark could not be removed");
        }
        Task::none()
    }

    /// Keeps the user's choice of verified-only sending in their settings (refused where the
    /// organisation locked it), and applies it at once: the SDK takes the choice of who gets
    /// the room keys when the client is built, so the core stops and starts again with it.
    fn verified_only(&mut self, on: bool) -> Task<Message> {
        match self.keep_setting(crate::policy::UserKey::VerifiedOnlySending, on) {
            Ok(()) => self.restart_core(),
            Err(failure) => settings_failed(failure),
        }
    }

    /// Keeps `key` on or off in the user's settings (refused where the organisation locked
    /// it), and puts the policy read back from the files in force.
    fn keep_setting(&mut self, key: crate::policy::UserKey, on: bool) -> Result<(), Failure> {
        let profile = &self.launch.profile;
        let value = if on { "on" } else { "off" };
        let kept = crate::policy::set_user_setting(
            &self.launch.policy,
            &profile.settings_file(),
            key,
            value,
        )
        .and_then(|()| {
            crate::policy::Policy::load(
                &profile.settings_file(),
                &crate::policy::Policy::organisation_path(),
            )
        })?;
        self.launch.policy = kept;
        if let Screen::Home(signed) = &mut self.screen {
            signed.home.set_policy(self.launch.policy.clone());
        }
        Ok(())
    }

    /// Stops the core cleanly (sync ended, tokens saved), then starts it again under the
    /// policy now in `launch`.
    fn restart_core(&mut self) -> Task<Message> {
        let Screen::Home(signed) = &self.screen else { return Task::none() };
        let handle = signed.core.handle().clone();
        Task::perform(async move { handle.shutdown().await }, |stopped| {
            if let Err(error) = stopped {
                tracing::warn!(%error, "the core did not stop cleanly before its restart");
            }
            Message::Restart
        })
    }

    /// Opens another account's window beside this one (a profile belongs to one process).
    fn open_profile(&mut self, name: Option<String>) -> Task<Message> {
        let profile = &self.launch.profile;
        let name = name.unwrap_or_else(|| profile.free_name());
        match profile.open_window(&name) {
            Ok(()) => Task::none(),
            Err(error) => {
                let failed = super::panel::settings::Message::Failed(error.into());
                Task::done(Message::Home(home::Message::Settings(failed)))
            }
        }
    }

    /// Back to the login screen (logged out, or the session ended), ready to type.
    fn show_login(&mut self, error: Option<String>) -> Task<Message> {
        let login = Login::new(self.user.clone(), error).under(&self.launch.policy);
        let focus = login.focus_first().map(Message::Login);
        self.screen = Screen::Login(login);
        focus
    }

    /// The core runs while an account is signed in; its identity is the profile's folder.
    pub fn subscription(&self) -> Subscription<Message> {
        // Keys no widget used: a field keeps its own (Escape leaves it, arrows move in it).
        // While locked only Tab moves between the lock's fields, and a dropped file is
        // refused: nothing reaches the hidden account (review M4b).
        let locked = self.lock.is_some();
        let keys = if locked {
            iced::keyboard::listen().filter_map(focus_keys)
        } else {
            iced::keyboard::listen().filter_map(shortcut)
        };
        let opened = iced::window::open_events().map(|_| Message::WindowOpened);
        let drops = if locked { Subscription::none() } else { iced::event::listen_with(dropped) };
        let window = Subscription::batch([
            iced::window::close_requests().map(Message::CloseRequested),
            crate::ui::desktop::tray::subscription().map(Message::Tray),
        ]);
        let served = match &self.screen {
            Screen::Home(signed) => {
                control::subscription(&self.launch, signed.core.handle(), self.generation)
            }
            _ => Subscription::none(),
        };
        // A dialog's field keeps Escape for itself; one press should still close the dialog,
        // as in Element, rather than first leaving the field.
        let escapes = match &self.screen {
            Screen::Home(signed) if !locked && signed.home.dialog_open() => {
                iced::event::listen_with(escape_in_field)
            }
            _ => Subscription::none(),
        };
        match self.screen {
            Screen::Starting | Screen::Home(_) => Subscription::batch([
                served,
                Subscription::run_with(Account(self.launch.clone(), self.generation), core_events),
                keys,
                opened,
                drops,
                self.idle_watch(),
                window,
                escapes,
            ]),
            Screen::Login(_) => Subscription::batch([keys, opened, window]),
        }
    }

    /// Key and pointer use, and a clock, while the organisation wants an idle lock.
    /// Presence: for the idle lock, and for the search crawler, which slows down while the
    /// person is using the app.
    fn idle_watch(&self) -> Subscription<Message> {
        let presence = iced::event::listen_with(activity);
        if self.launch.policy.idle_lock().is_none() {
            return presence;
        }
        Subscription::batch([
            presence,
            iced::time::every(std::time::Duration::from_secs(10)).map(|_| Message::Tick),
        ])
    }

    /// The person did something (a key, the pointer): at most once a second for the core.
    fn note_presence(&mut self) {
        let was = std::mem::replace(&mut self.last_active, std::time::Instant::now());
        if was.elapsed() >= std::time::Duration::from_secs(1)
            && let Screen::Home(signed) = &self.screen
        {
            signed.core.handle().user_active();
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        if self.asking_quit {
            return self.quit_question();
        }
        if let Some(lock) = &self.lock {
            return lock.view(self.user.as_deref().unwrap_or_default()).map(Message::Lock);
        }
        match &self.screen {
            Screen::Starting => {
                container(text(fl!("status-loading")).size(18)).center(Length::Fill).into()
            }
            Screen::Login(login) => self.login_view(login),
            Screen::Home(signed) => signed.home.view().map(Message::Home),
        }
    }
}

impl App {
    /// The login form, and under it the other accounts on this computer, if any.
    fn login_view<'a>(&'a self, login: &'a Login) -> Element<'a, Message> {
        let form = login.view().map(Message::Login);
        if self.neighbours.is_empty() {
            return form;
        }
        let others = super::panel::accounts::list(&self.neighbours, Message::OpenProfile);
        let footer = iced::widget::column![text(fl!("login-other-accounts")).size(13), others]
            .spacing(6)
            .max_width(420);
        let footer = container(footer).center_x(Length::Fill);
        iced::widget::column![form, footer].padding(iced::Padding::ZERO.bottom(24)).into()
    }
}

/// Why the core stopped, for the login screen: a session the server ended (the password was
/// changed elsewhere, or every session signed out) is said plainly, with what is left here.
fn ended_in_words(error: &crate::matrix::MatrixError) -> String {
    match error {
        crate::matrix::MatrixError::LoggedOutByServer(user) => {
            fl!("login-ended-by-server", user = user.as_str())
        }
        other => other.to_string(),
    }
}

/// Whether the window must open locked: the organisation wants an idle lock, and the window
/// was locked when it closed or nobody used it for that long before.
fn lock_due(launch: &Launch) -> bool {
    let profile = &launch.profile;
    match launch.policy.idle_lock() {
        Some(limit) => profile.lock_due(limit, std::time::SystemTime::now()),
        None => {
            // No lock any more (the policy changed): nothing must stay locked.
            let _ = profile.set_idle_locked(false);
            false
        }
    }
}

/// Asks the server how the account can prove itself (password, organisation's sign-in), for
/// the lock to offer the right way.
fn proof_ways(handle: &crate::matrix::Handle) -> Task<Message> {
    let handle = handle.clone();
    Task::perform(async move { handle.proof_ways().await }, |ways| {
        Message::Lock(match ways {
            Ok(ways) => lock::Message::Ways(lock::Ways { password: ways.password, sso: ways.sso }),
            Err(error) => lock::Message::Checked(Err(error.into())),
        })
    })
}

/// Opens the server's page that confirms who one is through the organisation's sign-in.
async fn open_sso_check(handle: &crate::matrix::Handle) -> Result<(), crate::matrix::MatrixError> {
    let url = handle.sso_check_url().await?;
    crate::browser::open_later(url).await.map_err(crate::matrix::MatrixError::Browser)
}

fn focus_move(forward: bool) -> Task<Message> {
    if forward {
        iced::widget::operation::focus_next()
    } else {
        iced::widget::operation::focus_previous()
    }
}

/// Tab moves between fields (on every screen); Escape closes the open dialog; Ctrl+K jumps to
/// the room filter (the quick switcher); Ctrl+F searches the open room and Ctrl+Shift+F every
/// room; Ctrl+Q quits (closing the window only hides it).
fn shortcut(event: iced::keyboard::Event) -> Option<Message> {
    use iced::keyboard::{Event, Key, key::Named};
    let Event::KeyPressed { key, modifiers, .. } = event else { return None };
    match key.as_ref() {
        Key::Named(Named::Tab) => Some(Message::Focus(!modifiers.shift())),
        Key::Named(Named::Escape) => Some(Message::Home(home::Message::Escape)),
        Key::Character("k") if modifiers.command() => {
            Some(Message::Home(home::Message::QuickSwitch))
        }
        Key::Character("f" | "F") if modifiers.command() => {
            Some(Message::Home(home::Message::OpenSearch(modifiers.shift())))
        }
        Key::Character("q") if modifiers.command() => Some(Message::Quit),
        _ => None,
    }
}

/// Escape that a field captured (the ones no widget used come through `shortcut`).
fn escape_in_field(
    event: iced::Event,
    status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    use iced::keyboard::{Event, Key, key::Named};
    let iced::Event::Keyboard(Event::KeyPressed { key: Key::Named(Named::Escape), .. }) = event
    else {
        return None;
    };
    (status == iced::event::Status::Captured).then_some(Message::Home(home::Message::Escape))
}

/// Tab and Shift+Tab alone, for the lock's fields, and Ctrl+Q.
fn focus_keys(event: iced::keyboard::Event) -> Option<Message> {
    shortcut(event).filter(|message| matches!(message, Message::Focus(_) | Message::Quit))
}

/// Any key or pointer use counts as presence.
fn activity(
    event: iced::Event,
    _status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    match event {
        iced::Event::Keyboard(_) | iced::Event::Mouse(_) | iced::Event::Touch(_) => {
            Some(Message::Active)
        }
        _ => None,
    }
}

/// A file dropped on the window goes to the open room, which asks before sending it.
fn dropped(
    event: iced::Event,
    _status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    let iced::Event::Window(iced::window::Event::FileDropped(path)) = event else { return None };
    Some(Message::Home(home::Message::Room(super::panel::room::Message::FileDropped(path))))
}

/// The subscription's key: the profile's folder and the core's generation, and nothing else
/// that changes while it runs.
struct Account(Launch, u32);

impl Hash for Account {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.profile.data_dir.hash(state);
        self.1.hash(state);
    }
}

fn core_events(account: &Account) -> impl iced::futures::Stream<Item = Message> + use<> {
    let Launch { profile, policy, .. } = account.0.clone();
    let mut events = matrix::run(profile, policy);
    iced::futures::stream::poll_fn(move |cx| events.poll_recv(cx)).map(Message::Core)
}

/// Says in the settings panel why a setting was not kept.
fn settings_failed(failure: Failure) -> Task<Message> {
    let failed = super::panel::settings::Message::Failed(failure);
    Task::done(Message::Home(home::Message::Settings(failed)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AccountRecord, AccountState};
    use crate::policy::Policy;
    use crate::profile::Profile;
    use iced_test::simulator;

    /// Profile `name` under `dir`, with Anne signed in.
    fn signed_in(dir: &std::path::Path, name: &str) -> Profile {
        let profile = Profile::locate(Some(dir), name).unwrap();
        profile
            .write_account(&AccountRecord {
                user_id: "@anne:ministere.fr".into(),
                device_id: "DEV".into(),
                homeserver: "https://ministere.fr/".into(),
                keychain_id: "k".into(),
                state: AccountState::Active,
                delegated_by: None,
            })
            .unwrap();
        profile
    }

    #[test]
    fn the_login_screen_offers_the_other_accounts_on_this_computer() {
        let dir = tempfile::tempdir().unwrap();
        signed_in(dir.path(), "work");
        let profile = Profile::locate(Some(dir.path()), "default").unwrap();
        profile.create_dirs().unwrap();
        let (app, _) = App::boot(Launch { profile, policy: Policy::default(), background: false });
        let mut ui = simulator(app.view());
        assert!(ui.find(fl!("login-other-accounts").as_str()).is_ok());
        assert!(ui.find("@anne:ministere.fr").is_ok());
        let _ = ui.click(fl!("settings-account-open").as_str());
        let clicked: Vec<_> = ui.into_messages().collect();
        assert!(clicked.iter().any(|m| matches!(m, Message::OpenProfile(name) if name == "work")));
    }

    /// Review M4c: a window that was locked when it closed opens locked, before anything of
    /// the account is drawn; without the mark and with recent use, it opens as usual.
    #[test]
    fn a_window_left_locked_opens_locked() {
        let dir = tempfile::tempdir().unwrap();
        let profile = signed_in(dir.path(), "default");
        let mut policy = Policy::default();
        policy.idle_lock_minutes.value = 5;
        profile.record_activity(std::time::SystemTime::now()).unwrap();
        let (app, _) = App::boot(Launch {
            profile: profile.clone(),
            policy: policy.clone(),
            background: false,
        });
        assert!(app.lock.is_none(), "used a moment ago: open");
        profile.set_idle_locked(true).unwrap();
        let (app, _) = App::boot(Launch { profile, policy, background: false });
        let mut ui = simulator(app.view());
        assert!(ui.find(fl!("lock-title").as_str()).is_ok());
        assert!(ui.find(fl!("status-loading").as_str()).is_err(), "nothing else is drawn");
    }
}
