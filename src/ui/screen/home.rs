//! The home screen: the room list beside the open room, the banners above them, and the
//! panels over them. Pure state: `update` returns what it wants done (`Effects`), which
//! `effects::Core` performs against the core, so every rule here is tested without a server.

use iced::widget::{button, column, container, row, stack, text};
use iced::{Element, Length, Task};

mod avatar;
pub mod effects;
mod manage;
mod overlay;
pub mod request;
#[cfg(test)]
mod tests;
pub mod trust;

pub use effects::Core;
pub use request::Request;

use avatar::Avatar;
use overlay::Overlay;
use request::Whom;
use trust::Trust;

use crate::fl;
use crate::model::notice::notices;
use crate::model::sessions::Device;
use crate::model::verification::Verification;
use crate::model::{RoomSummary, SyncStatus};
use crate::policy::{NotificationContent, Policy, UnencryptedSend};
use crate::preferences::Preferences;
use crate::profile::Neighbour;
use crate::ui::failure::Failure;
use crate::ui::panel::around;
use crate::ui::panel::directory::{self, Directory};
use crate::ui::panel::gallery::AutoLoad;
use crate::ui::panel::recovery::{self, Recovery};
use crate::ui::panel::room::{self, RoomPane};
use crate::ui::panel::room_list::{self, RoomList};
use crate::ui::panel::search::{self, Search};
use crate::ui::panel::sessions::{self, SessionsPanel};
use crate::ui::panel::settings::{self, Settings};
use crate::ui::panel::thread;
use crate::ui::widget::dialog::{self, Dialog};

/// Whose window this is: the account and this session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Me {
    pub user_id: String,
    pub device_id: String,
}

pub struct Home {
    me: Me,
    /// The policy the core runs under (a copy: the core is its owner).
    policy: Policy,
    preferences: Preferences,
    /// The other profiles on this computer, for the settings' account list.
    neighbours: Vec<Neighbour>,
    list: RoomList,
    pane: Option<RoomPane>,
    /// The one panel the user opened, if any.
    overlay: Option<Overlay>,
    /// Recovery, verification, new logins and identity changes.
    trust: Trust,
    avatar: Avatar,
    /// An error with no open room to show it in.
    problem: Option<Failure>,
    status: SyncStatus,
    /// The idle lock hides the window: notifications name no room meanwhile.
    locked: bool,
    /// How far the search index has read the rooms' history, once the crawler has said.
    indexing: Option<crate::model::search::IndexProgress>,
}

#[derive(Debug, Clone)]
pub enum Message {
    List(room_list::Message),
    Room(room::Message),
    /// A command finished; an error is shown in the open room.
    Done(Result<(), Failure>),
    Dialog(dialog::Message),
    OpenDialog(Dialog),
    /// A room was created or a chat opened: show it.
    Opened(Result<String, Failure>),
    OpenSettings,
    Settings(settings::Message),
    Sessions(sessions::Message),
    Avatar(avatar::Message),
    Recovery(recovery::Message),
    LoggedOut(Result<(), Failure>),
    /// Escape: close whatever dialog is open.
    Escape,
    /// Ctrl+K: jump to the room filter.
    QuickSwitch,
    /// A notification was closed; clicked ones carry their room.
    Clicked(Option<String>),
    /// Open this room (its id) on this message (a link to it).
    OpenAt(String, String),
    /// Recovery, verification, new logins and identity changes.
    Trust(trust::Message),
    /// The verification dialog is closed (a flow still running is cancelled).
    CloseVerification,
    DismissProblem,
    /// Log out (from the screen the policy puts in front of an unverified session).
    LogOut,
    /// Explore public rooms, or join one by its address.
    OpenDirectory,
    Directory(directory::Message),
    /// Ctrl+F (the open room) or Ctrl+Shift+F (`true`: every room): search the messages.
    OpenSearch(bool),
    Search(search::Message),
    /// This room was left from its settings: its pane closes.
    Left(Result<String, Failure>),
}

/// What the home screen reports to the app.
#[derive(Debug, Clone)]
pub enum Event {
    LoggedOut,
    /// The user changed a preference: apply it and keep it.
    Preferences(Preferences),
    /// Open another profile's window (`None`: a new profile).
    OpenProfile(Option<String>),
    /// Keep the user's choice of verified-only sending.
    VerifiedOnly(bool),
    /// Keep the user's choice of starting at login.
    StartAtLogin(bool),
}

/// What an update wants done: widget operations (focus, scroll), requests to the core, and
/// what to tell the app.
#[must_use]
pub struct Effects {
    pub ui: Task<Message>,
    pub core: Vec<Request>,
    pub up: Option<Event>,
}

impl Effects {
    pub fn none() -> Self {
        Self { ui: Task::none(), core: Vec::new(), up: None }
    }

    fn ui(task: Task<Message>) -> Self {
        Self { ui: task, ..Self::none() }
    }

    fn core(requests: impl IntoIterator<Item = Request>) -> Self {
        Self { core: requests.into_iter().collect(), ..Self::none() }
    }

    fn up(event: Event) -> Self {
        Self { up: Some(event), ..Self::none() }
    }

    /// Both: this one's and `other`'s work (the later event wins).
    fn and(mut self, other: Self) -> Self {
        self.ui = Task::batch([self.ui, other.ui]);
        self.core.extend(other.core);
        self.up = other.up.or(self.up);
        self
    }
}

impl Home {
    pub fn new(
        me: Me,
        policy: Policy,
        preferences: Preferences,
        neighbours: Vec<Neighbour>,
    ) -> Self {
        Self {
            me,
            policy,
            preferences,
            neighbours,
            list: RoomList::default(),
            pane: None,
            overlay: None,
            indexing: None,
            trust: Trust::default(),
            avatar: Avatar::default(),
            problem: None,
            status: SyncStatus::Starting,
            locked: false,
        }
    }

    /// What to ask as the screen opens: where trust stands, and the account's picture.
    pub fn opening() -> Vec<Request> {
        vec![Request::CheckTrust, Request::LoadAvatar]
    }

    /// Takes the new room list, notifying what is new (never the text) outside the open room.
    pub fn set_rooms(&mut self, rooms: Vec<RoomSummary>) -> Effects {
        let open = self.open_room().map(str::to_owned);
        let mut news = notices(self.list.rooms(), &rooms, open.as_deref());
        let read = crate::model::notice::read_since(self.list.rooms(), &rooms);
        if let Some(pane) = self.pane.as_mut() {
            let listed = rooms.iter().find(|room| room.room_id == pane.room_id());
            if let Some(summary) = listed {
                pane.set_notify(summary.notify);
            }
        }
        self.list.set_rooms(rooms);
        if !self.preferences.notifications || self.preferences.quiet(crate::preferences::now_ms()) {
            news.clear();
        }
        // While the idle lock hides the window, a notification must not say where either.
        let hidden =
            self.locked || self.policy.notification_content.value == NotificationContent::Hide;
        let withdrawn = read.into_iter().map(Request::Withdraw);
        Effects::core(
            news.into_iter().map(|notice| Request::Notify { notice, hidden }).chain(withdrawn),
        )
    }

    /// The core reports a verification's new stage.
    pub fn verification(&mut self, flow: Box<Verification>) -> Effects {
        self.trust_message(trust::Message::Flow(flow))
    }

    /// The core noticed a new session of the account.
    pub fn new_session(&mut self, session: Device) -> Effects {
        self.trust_message(trust::Message::NewSession(session))
    }

    /// The idle lock is up (or down again).
    pub fn set_locked(&mut self, locked: bool) {
        self.locked = locked;
    }

    /// The policy changed (a setting of the user's kept): the settings show it when next
    /// opened.
    pub fn set_policy(&mut self, policy: Policy) {
        self.policy = policy;
    }

    /// Preferences changed elsewhere (do not disturb from the tray): notices follow them, and
    /// the settings show them when next opened.
    pub fn set_preferences(&mut self, preferences: Preferences) {
        self.preferences = preferences;
    }

    /// The rooms with unread messages that notify (a muted room's do not count).
    pub fn rooms_with_news(&self) -> usize {
        crate::model::notice::with_news(self.list.rooms())
    }

    /// A dialog is open: Escape closes it even from inside one of its fields.
    pub fn dialog_open(&self) -> bool {
        self.overlay.is_some()
    }

    pub fn room_count(&self) -> usize {
        self.list.rooms().len()
    }

    /// The server's whole room list is in.
    pub fn set_loaded(&mut self) {
        self.list.set_loaded();
    }

    pub fn set_status(&mut self, status: SyncStatus) {
        self.status = status;
    }

    fn open_room(&self) -> Option<&str> {
        self.pane.as_ref().map(RoomPane::room_id)
    }

    pub fn update(&mut self, message: Message) -> Effects {
        match message {
            Message::List(message) => match self.list.update(message) {
                Some(event) => self.list_event(event),
                None => Effects::none(),
            },
            Message::Room(message) => self.room_message(message),
            Message::Done(Err(error)) => self.failed(error),
            Message::Done(Ok(())) => Effects::none(),
            Message::Dialog(message) => self.dialog_message(message),
            Message::OpenDialog(dialog) => self.show(dialog),
            Message::Opened(Ok(room_id)) => {
                // Joined from the directory: it has done its work.
                self.overlay.take_if(|overlay| matches!(overlay, Overlay::Directory(_)));
                self.open(&room_id)
            }
            Message::Opened(Err(error)) if self.directory_open() => {
                if let Some(dialog) = self.overlay.as_mut().and_then(Overlay::directory) {
                    dialog.failed(&error);
                }
                Effects::none()
            }
            Message::Opened(Err(error)) | Message::LoggedOut(Err(error)) => self.failed(error),
            Message::OpenSettings => self.open_settings(),
            Message::Settings(message) => self.settings_message(message),
            Message::Sessions(message) => self.sessions_message(message),
            Message::Avatar(message) => {
                self.avatar.update(message);
                Effects::none()
            }
            Message::Recovery(message) => self.recovery_message(message),
            Message::LoggedOut(Ok(())) => Effects::up(Event::LoggedOut),
            Message::Escape => self.close_all(),
            Message::QuickSwitch => self.quick_switch(),
            Message::Clicked(Some(room_id)) => self.open(&room_id),
            Message::Clicked(None) => Effects::none(),
            Message::OpenAt(room_id, event_id) => self.open_at(&room_id, &event_id),
            Message::Trust(message) => self.trust_message(message),
            Message::CloseVerification => Effects::core(self.trust.close_verification()),
            Message::LogOut => Effects::core([Request::LogOut { wipe: false }]),
            Message::Left(Ok(room_id)) => {
                self.pane.take_if(|pane| pane.room_id() == room_id);
                Effects::none()
            }
            Message::Left(Err(error)) => self.failed(error),
            Message::OpenDirectory => self.open_directory(),
            Message::OpenSearch(everywhere) => self.open_search(everywhere),
            Message::Search(message) => self.search_message(message),
            Message::Directory(message) => self.directory_message(message),
            Message::DismissProblem => {
                self.problem = None;
                Effects::none()
            }
        }
    }

    fn show(&mut self, dialog: Dialog) -> Effects {
        let chat = matches!(dialog, Dialog::NewChat { .. });
        self.overlay = Some(Overlay::NewConversation(dialog));
        if chat {
            Effects::ui(iced::widget::operation::focus(dialog::CHAT_FIELD))
        } else {
            Effects::none()
        }
    }

    /// Opens the settings and asks the core for what they show: the display name, and where
    /// recovery stands.
    fn open_settings(&mut self) -> Effects {
        let settings = Settings::new(self.preferences, self.neighbours.clone())
            .reactions(self.policy.may_react().is_ok())
            .verified_only(&self.policy.verified_only_sending)
            .start_at_login(&self.policy.start_at_login);
        self.overlay = Some(Overlay::Settings(Box::new(settings)));
        let focus = Effects::ui(iced::widget::operation::focus(settings::NAME));
        focus.and(Effects::core([Request::LoadSettings]))
    }

    /// Opens the recovery dialog: making a new key (`Some(replace)`), or entering one (`None`).
    fn open_recovery(&mut self, new_key: Option<bool>) -> Effects {
        let Some(replace) = new_key else {
            self.overlay = Some(Overlay::Recovery(Recovery::entering()));
            return Effects::ui(iced::widget::operation::focus(recovery::FIELD));
        };
        self.overlay = Some(Overlay::Recovery(Recovery::generating()));
        Effects::core([Request::NewRecoveryKey { replace }])
    }

    fn recovery_message(&mut self, message: recovery::Message) -> Effects {
        let Some(dialog) = self.overlay.as_mut().and_then(Overlay::recovery) else {
            return Effects::none();
        };
        // Typing a part of the key back starts in its field.
        if matches!(message, recovery::Message::Stored) {
            dialog.update(message);
            return Effects::ui(iced::widget::operation::focus(recovery::FIELD));
        }
        let request = match dialog.update(message) {
            Some(recovery::Event::Copy(key)) => Request::CopyRecoveryKey(key),
            Some(recovery::Event::Save(key)) => Request::SaveRecoveryKey(key),
            Some(recovery::Event::ResetIdentity(password)) => Request::ResetIdentity(password),
            Some(recovery::Event::Recover(key)) => Request::Recover(key),
            Some(recovery::Event::Close) => {
                self.overlay = None;
                Request::CheckTrust
            }
            None => return Effects::none(),
        };
        Effects::core([request])
    }

    fn settings_message(&mut self, message: settings::Message) -> Effects {
        self.avatar.note(&message);
        let Some(panel) = self.overlay.as_mut().and_then(Overlay::settings) else {
            return Effects::none();
        };
        let Some(event) = panel.update(message) else { return Effects::none() };
        match event {
            settings::Event::Changed(preferences) => {
                self.preferences = preferences;
                Effects::up(Event::Preferences(preferences))
            }
            settings::Event::SaveName(name) => Effects::core([Request::SetDisplayName(name)]),
            settings::Event::ChooseAvatar => Effects::core([Request::ChooseAvatar]),
            settings::Event::RemoveAvatar => Effects::core([Request::RemoveAvatar]),
            settings::Event::NewRecoveryKey(replace) => self.open_recovery(Some(replace)),
            settings::Event::EnterRecoveryKey => self.open_recovery(None),
            settings::Event::ResetIdentity => {
                self.overlay = Some(Overlay::Recovery(Recovery::resetting()));
                Effects::ui(iced::widget::operation::focus(recovery::FIELD))
            }
            settings::Event::OpenProfile(name) => Effects::up(Event::OpenProfile(name)),
            settings::Event::LogOut { wipe } => Effects::core([Request::LogOut { wipe }]),
            settings::Event::OpenSessions => self.open_sessions(),
            settings::Event::ChangePassword { current, new, sign_out_others } => {
                Effects::core([Request::ChangePassword { current, new, sign_out_others }])
            }
            settings::Event::Focus(field) => Effects::ui(iced::widget::operation::focus(field)),
            settings::Event::VerifiedOnly(on) => Effects::up(Event::VerifiedOnly(on)),
            settings::Event::StartAtLogin(on) => Effects::up(Event::StartAtLogin(on)),
            settings::Event::Keywords(change) => Effects::core([Request::Keywords(Some(change))]),
            settings::Event::Close => {
                self.overlay = None;
                Effects::none()
            }
        }
    }

    fn open_sessions(&mut self) -> Effects {
        self.overlay = Some(Overlay::Sessions(SessionsPanel::default()));
        Effects::core([Request::LoadSessions])
    }

    fn sessions_message(&mut self, message: sessions::Message) -> Effects {
        let Some(panel) = self.overlay.as_mut().and_then(Overlay::sessions) else {
            return Effects::none();
        };
        let Some(event) = panel.update(message) else { return Effects::none() };
        match event {
            sessions::Event::Rename { device_id, name } => {
                Effects::core([Request::RenameSession { device_id, name }])
            }
            sessions::Event::Verify(device) => {
                Effects::core([Request::StartVerification(Whom::OwnSession(device))])
            }
            sessions::Event::SignOut { target, password } => {
                let asker = request::Asker::Sessions;
                Effects::core([Request::SignOut { target, password, asker }])
            }
            sessions::Event::Reload => Effects::core([Request::LoadSessions]),
            sessions::Event::Focus(id) => Effects::ui(iced::widget::operation::focus(id)),
            sessions::Event::Close => {
                self.overlay = None;
                Effects::none()
            }
        }
    }

    fn trust_message(&mut self, message: trust::Message) -> Effects {
        let open_room = self.pane.as_ref().map(RoomPane::room_id);
        let context = trust::Context { user_id: &self.me.user_id, open_room };
        let (requests, event) = self.trust.update(message, context);
        let effects = Effects::core(requests);
        let Some(event) = event else { return effects };
        effects.and(match event {
            // The banner, the open room's header and its shields change: open it afresh.
            trust::Event::Verified => match self.open_room().map(str::to_owned) {
                Some(room_id) => self.open(&room_id),
                None => Effects::none(),
            },
            trust::Event::Failed(error) => {
                self.room_error(error);
                Effects::none()
            }
            trust::Event::OpenRecovery(new_key) => self.open_recovery(new_key),
            trust::Event::LogOut => Effects::core([Request::LogOut { wipe: false }]),
            trust::Event::Focus(id) => Effects::ui(iced::widget::operation::focus(id)),
        })
    }

    fn quick_switch(&mut self) -> Effects {
        self.overlay = None;
        self.list.clear_filter();
        Effects::ui(iced::widget::operation::focus(room_list::FILTER))
    }

    fn close_all(&mut self) -> Effects {
        self.overlay = None;
        let mut asked = self.trust.close_all();
        if let Some(pane) = &mut self.pane {
            // A thread beside the room goes first, and its following with it.
            if pane.close_thread() {
                asked.push(Request::Room(room::Event::StopThread));
            }
            pane.cancel();
        }
        Effects::core(asked)
    }

    /// A command failed: said in the open room; when trust was the reason (a held message),
    /// the room's identities are asked again for its banner.
    fn failed(&mut self, error: Failure) -> Effects {
        let recheck = error.is_about_trust();
        self.room_error(error);
        match self.open_room() {
            Some(room_id) if recheck => Effects::core([Request::CheckIdentity(room_id.to_owned())]),
            _ => Effects::none(),
        }
    }

    /// Shows an error in the open room, or above everything when no room is open.
    fn room_error(&mut self, error: Failure) {
        match &mut self.pane {
            Some(pane) => drop(pane.update(room::Message::Failed(error))),
            None => self.problem = Some(error),
        }
    }

    fn dialog_message(&mut self, message: dialog::Message) -> Effects {
        let Some(dialog) = self.overlay.as_mut().and_then(Overlay::dialog) else {
            return Effects::none();
        };
        match dialog.update(message) {
            // A search leaves the dialog open for its answer; anything else ends it.
            Some(search @ dialog::Event::Search(_)) => {
                Effects::core([Request::Conversation(search)])
            }
            Some(dialog::Event::Close) => {
                self.overlay = None;
                Effects::none()
            }
            Some(event) => {
                self.overlay = None;
                Effects::core([Request::Conversation(event)])
            }
            None => Effects::none(),
        }
    }

    /// The crawler got further.
    pub fn set_indexing(&mut self, progress: crate::model::search::IndexProgress) {
        self.indexing = Some(progress);
    }

    fn open_search(&mut self, everywhere: bool) -> Effects {
        let room = self.pane.as_ref().filter(|_| !everywhere).map(|pane| {
            let id = pane.room_id().to_owned();
            let summary = self.list.room(&id);
            let name = summary.map_or_else(|| id.clone(), |room| room.name.clone());
            // Unknown counts as encrypted: the server's search is never asked for it.
            let encrypted = summary.is_none_or(|room| room.encrypted);
            search::Within { id, name, encrypted }
        });
        self.overlay = Some(Overlay::Search(Search::new(room, self.policy.search_reach())));
        Effects::ui(iced::widget::operation::focus(search::FIELD))
    }

    fn search_message(&mut self, message: search::Message) -> Effects {
        let Some(panel) = self.overlay.as_mut().and_then(Overlay::search) else {
            return Effects::none();
        };
        match panel.update(message) {
            Some(search::Event::Closed) => {
                self.overlay = None;
                Effects::none()
            }
            Some(search::Event::Open { room_id, event_id }) => {
                self.overlay = None;
                self.open_at(&room_id, &event_id)
            }
            Some(event) => Effects::core([Request::Search(event)]),
            None => Effects::none(),
        }
    }

    fn directory_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Directory(_)))
    }

    fn open_directory(&mut self) -> Effects {
        let off = self.policy.may_browse_public_rooms().is_err();
        let (dialog, first) = Directory::new(off);
        self.overlay = Some(Overlay::Directory(dialog));
        let focus = Effects::ui(iced::widget::operation::focus(directory::SEARCH));
        focus.and(Effects::core(first.map(Request::Directory)))
    }

    fn directory_message(&mut self, message: directory::Message) -> Effects {
        let Some(dialog) = self.overlay.as_mut().and_then(Overlay::directory) else {
            return Effects::none();
        };
        match dialog.update(message) {
            Some(directory::Event::Closed) => {
                self.overlay = None;
                Effects::none()
            }
            Some(directory::Event::Open(room_id)) => {
                self.overlay = None;
                self.open(&room_id)
            }
            Some(event) => Effects::core([Request::Directory(event)]),
            None => Effects::none(),
        }
    }

    fn list_event(&mut self, event: room_list::Event) -> Effects {
        match event {
            room_list::Event::Selected(room_id) => self.open(&room_id),
            room_list::Event::Accept(room_id) => Effects::core([Request::Join(room_id)]),
            room_list::Event::Decline(room_id) => Effects::core([Request::Decline(room_id)]),
            room_list::Event::Block(room_id) => Effects::core([Request::Block(room_id)]),
            room_list::Event::ExploreSpace(space_id, name) => {
                let (dialog, first) = Directory::of_space(space_id, name);
                self.overlay = Some(Overlay::Directory(dialog));
                Effects::core([Request::Directory(first)])
            }
        }
    }

    fn room_message(&mut self, message: room::Message) -> Effects {
        let effects = self.room_event(message);
        // The newest message came into view: now the room is read.
        match self.pane.as_mut().and_then(RoomPane::newly_read) {
            Some(room_id) => effects.and(Effects::core([Request::MarkRead(room_id)])),
            None => effects,
        }
    }

    fn room_event(&mut self, message: room::Message) -> Effects {
        let Some(pane) = &mut self.pane else { return Effects::none() };
        match pane.update(message) {
            Some(room::Event::Scroll(room::Scroll::By(pixels))) => {
                let offset = iced::widget::operation::AbsoluteOffset { x: 0.0, y: pixels };
                Effects::ui(iced::widget::operation::scroll_by(room::TIMELINE, offset))
            }
            Some(room::Event::Scroll(room::Scroll::Newest)) => {
                // Anchored at the bottom, the start of the offset is the newest message.
                let newest = iced::widget::operation::RelativeOffset::START;
                Effects::ui(iced::widget::operation::snap_to(room::TIMELINE, newest))
            }
            Some(room::Event::Scroll(room::Scroll::Oldest)) => {
                let oldest = iced::widget::operation::RelativeOffset::END;
                Effects::ui(iced::widget::operation::snap_to(room::TIMELINE, oldest))
            }
            Some(room::Event::RevealAround(at)) => {
                let at = iced::widget::operation::RelativeOffset { x: 0.0, y: at };
                let reveal = Effects::ui(iced::widget::operation::snap_to(around::LIST, at));
                // The first answer also brought the pictures to fetch.
                match pane.around_pictures() {
                    Some(load) => reveal.and(Effects::core([Request::Room(load)])),
                    None => reveal,
                }
            }
            Some(room::Event::VerifyPerson(user)) => {
                Effects::core([Request::StartVerification(Whom::Person(user))])
            }
            // Each change is kept as the room's draft (the store is encrypted), so nothing
            // written is lost to a room switch or a restart; a message sent leaves none.
            Some(event @ (room::Event::Typing { .. } | room::Event::Send { .. })) => {
                let room_id = pane.room_id().to_owned();
                let text = pane.draft();
                Effects::core([Request::Room(event), Request::SaveDraft { room_id, text }])
            }
            // The thread opened beside the room takes the keyboard.
            Some(event @ room::Event::WatchThread { .. }) => {
                let focus = Effects::ui(iced::widget::operation::focus(thread::COMPOSER));
                focus.and(Effects::core([Request::Room(event)]))
            }
            // Someone's words, no secret: the clipboard keeps them as any copied text.
            Some(room::Event::Copy(text)) => Effects::ui(iced::clipboard::write(text)),
            // A link to a person: the new-chat dialog, filled in, so a click alone creates
            // no chat and invites no one.
            Some(room::Event::OpenPerson(user)) => {
                self.overlay = Some(Overlay::NewConversation(Dialog::chat_with(user)));
                Effects::none()
            }
            Some(event) => Effects::core([Request::Room(event)]),
            None => Effects::none(),
        }
    }

    /// Opens a room on one of its messages, shown among those around it.
    fn open_at(&mut self, room_id: &str, event_id: &str) -> Effects {
        let opened = self.open(room_id);
        match self.pane.as_mut() {
            Some(pane) => opened.and(Effects::core([Request::Room(pane.show_message(event_id))])),
            None => opened,
        }
    }

    /// Opens a room and follows it until another one is opened.
    fn open(&mut self, room_id: &str) -> Effects {
        let summary = match self.list.room(room_id) {
            Some(summary) => summary.clone(),
            // Just created: the list has not caught up yet; its header fills in when it does.
            None => RoomSummary::pending(room_id),
        };
        self.list.mark_selected(room_id);
        let forbid = self.policy.unencrypted_send.value == UnencryptedSend::Forbid;
        let no_reactions = self.policy.may_react().is_err();
        let pictures = AutoLoad {
            private_rooms: self.policy.shows_media_automatically(true, false),
            open_rooms: self.policy.shows_media_automatically(false, true),
        };
        let pane = RoomPane::new(&summary, forbid).without_reactions(no_reactions);
        self.pane = Some(pane.with_pictures(pictures, self.list.partners()));
        // What the user types next is a message to this room, not more of the filter.
        let focus = Effects::ui(iced::widget::operation::focus(room::COMPOSER));
        let watch = Request::Watch(room_id.to_owned());
        let draft = Request::LoadDraft(room_id.to_owned());
        focus.and(Effects::core([watch, draft, self.trust.room_opened(room_id)]))
    }

    pub fn view(&self) -> Element<'_, Message> {
        let toolbar = row![
            button(text(fl!("home-new-room"))).on_press(Message::OpenDialog(Dialog::new_room())),
            button(text(fl!("home-new-chat"))).on_press(Message::OpenDialog(Dialog::new_chat())),
            iced::widget::tooltip(
                button(text("🧭").font(crate::ui::widget::style::EMOJI))
                    .style(button::secondary)
                    .on_press(Message::OpenDirectory),
                container(text(fl!("home-explore")))
                    .padding(6)
                    .style(crate::ui::widget::style::tooltip_box),
                iced::widget::tooltip::Position::Bottom,
            ),
            iced::widget::space::horizontal(),
            iced::widget::tooltip(
                button(self.avatar.button(&self.me.user_id))
                    .style(button::secondary)
                    .on_press(Message::OpenSettings),
                container(text(fl!("home-settings")))
                    .padding(6)
                    .style(crate::ui::widget::style::tooltip_box),
                iced::widget::tooltip::Position::Bottom,
            ),
        ]
        .spacing(6)
        .padding([8, 8]);
        let side = column![toolbar, self.list.view().map(Message::List)];
        let list = container(side).width(300).height(Length::Fill);
        let pane = match &self.pane {
            Some(pane) => pane.view().map(Message::Room),
            None => container(text(fl!("home-pick-a-room"))).center(Length::Fill).into(),
        };
        let banners = [
            self.problem_banner(),
            self.trust.recovery_banner().map(|b| b.map(Message::Trust)),
            self.trust.identity_banner(self.pane.is_some()).map(|b| b.map(Message::Trust)),
        ];
        let mut page = column(banners.into_iter().flatten());
        page = page.push(row![list, pane].height(Length::Fill));
        if let Some(status) = status_line(&self.status) {
            page = page.push(container(text(status).size(12)).padding([2, 8]));
        }
        stack(std::iter::once(page.into()).chain(self.overlays())).into()
    }

    /// The dialogs open over the page, the most urgent on top: a new login, then a
    /// verification, then what the user opened, then what the policy requires.
    fn overlays(&self) -> Vec<Element<'_, Message>> {
        let required = self.trust.required(&self.policy).map(|r| r.map(Message::Trust));
        let opened = self.overlay.as_ref().map(|overlay| self.overlay_view(overlay));
        let trust = self.trust.overlays().map(|o| o.map(Message::Trust));
        required.into_iter().chain(opened).chain(trust).collect()
    }

    fn overlay_view<'a>(&'a self, overlay: &'a Overlay) -> Element<'a, Message> {
        match overlay {
            Overlay::NewConversation(dialog) => dialog.view().map(Message::Dialog),
            Overlay::Settings(panel) => panel
                .view(&self.me.user_id, &self.me.device_id, self.avatar.picture())
                .map(Message::Settings),
            Overlay::Sessions(panel) => panel.view().map(Message::Sessions),
            Overlay::Recovery(dialog) => dialog.view().map(Message::Recovery),
            Overlay::Directory(dialog) => dialog.view().map(Message::Directory),
            Overlay::Search(panel) => panel.view(self.indexing).map(Message::Search),
        }
    }

    /// An error that had no open room to be shown in.
    fn problem_banner(&self) -> Option<Element<'_, Message>> {
        let problem = self.problem.as_ref()?;
        let close = button(text(fl!("verify-close")))
            .style(button::secondary)
            .on_press(Message::DismissProblem);
        Some(trust::strip(
            problem.to_string(),
            close.into(),
            crate::ui::widget::style::danger_banner,
        ))
    }
}

/// A line at the bottom while the connection is not simply working.
fn status_line(status: &SyncStatus) -> Option<String> {
    match status {
        SyncStatus::Running | SyncStatus::Stopped => None,
        SyncStatus::Starting => Some(fl!("status-starting")),
        SyncStatus::Offline => Some(fl!("status-offline")),
        SyncStatus::Error(reason) => Some(fl!("status-error", reason = reason.as_str())),
    }
}
