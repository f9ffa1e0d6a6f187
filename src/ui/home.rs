//! The home screen: the room list beside the open room, driven through the core's handle.

use std::time::Duration;

use iced::task;
use iced::widget::{button, column, container, row, stack, text};
use iced::{Element, Length, Task};

mod avatar;
mod security;

pub use security::Message as SecurityMessage;

use super::alert::NewLogin;
use super::dialog::{self, Dialog};
use super::notify;
use super::recovery::{self, Recovery};
use super::room::{self, RoomPane};
use super::room_list::{self, RoomList};
use super::sessions::SessionsPanel;
use super::settings::{self, Settings};
use super::verify::VerifyDialog;
use crate::fl;
use crate::matrix::Handle;
use crate::model::notice::notices;
use crate::model::recovery::format_key;
use crate::model::recovery::{RecoveryState, TrustStatus};
use crate::model::{RoomSummary, SyncStatus};
use crate::policy::{NotificationContent, UnencryptedSend};
use crate::preferences::Preferences;
use crate::profile::Neighbour;

pub struct Home {
    handle: Handle,
    dialog: Option<Dialog>,
    /// The settings panel, while open.
    settings: Option<Settings>,
    /// The account's picture, cut round, once fetched; `None` shows the initial.
    avatar: Option<iced::widget::image::Handle>,
    preferences: Preferences,
    /// The other profiles on this computer, for the settings' account list.
    neighbours: Vec<Neighbour>,
    /// The recovery dialog, while open.
    recovery: Option<Recovery>,
    /// Recovery and this session's trust, for the banner asking to set it up or recover.
    trust: Option<TrustStatus>,
    /// The verification in progress (or just ended), ours or someone's request.
    verify: Option<VerifyDialog>,
    /// The new-login alert, while a new session of the account waits for an answer.
    alert: Option<NewLogin>,
    /// The sessions panel, while open.
    sessions: Option<SessionsPanel>,
    /// The people of the open room whose identity changed since verified.
    changed_identities: Vec<String>,
    /// Whether messages go only to verified sessions, as set now and by whom.
    verified_only: crate::policy::Setting<crate::policy::VerifiedOnly>,
    /// An error with no open room to show it in.
    problem: Option<String>,
    list: RoomList,
    pane: Option<RoomPane>,
    /// Stops following the previously open room.
    watching: Option<task::Handle>,
    status: SyncStatus,
    /// The idle lock hides the window: notifications name no room meanwhile.
    locked: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    List(room_list::Message),
    Room(room::Message),
    /// A command finished; an error is shown in the open room.
    Done(Result<(), String>),
    Dialog(dialog::Message),
    OpenDialog(Dialog),
    /// A room was created or a chat opened: show it.
    Opened(Result<String, String>),
    OpenSettings,
    Settings(settings::Message),
    /// The account's picture, fetched when the home screen opened.
    Avatar(Option<iced::widget::image::Handle>),
    Recovery(recovery::Message),
    /// Open the recovery dialog: a new key (`Some(replace)`), or entering one (`None`).
    OpenRecovery(Option<bool>),
    /// Recovery and this session's trust, as the core sees them now.
    Trust(Result<TrustStatus, String>),
    LoggedOut(Result<(), String>),
    /// Escape: close whatever dialog is open.
    Escape,
    /// Ctrl+K: jump to the room filter.
    QuickSwitch,
    /// A notification was closed; clicked ones carry their room.
    Clicked(Option<String>),
    /// Verification, sessions, new logins and identity changes.
    Security(security::Message),
    /// The verification dialog is closed (a flow still running is cancelled).
    CloseVerification,
    DismissProblem,
    /// Log out (from the screen the policy puts in front of an unverified session).
    LogOut,
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
}

impl Home {
    pub fn new(handle: Handle, preferences: Preferences, neighbours: Vec<Neighbour>) -> Self {
        let verified_only = handle.policy().verified_only_sending.clone();
        Self {
            handle,
            verify: None,
            alert: None,
            sessions: None,
            changed_identities: Vec::new(),
            verified_only,
            problem: None,
            neighbours,
            recovery: None,
            trust: None,
            dialog: None,
            settings: None,
            avatar: None,
            preferences,
            list: RoomList::default(),
            pane: None,
            watching: None,
            status: SyncStatus::Starting,
            locked: false,
        }
    }

    /// Takes the new room list, notifying what is new (never the text) outside the open room.
    pub fn set_rooms(&mut self, rooms: Vec<RoomSummary>) -> Task<Message> {
        let open = self.pane.as_ref().map(|pane| pane.room_id().to_owned());
        let mut news = notices(self.list.rooms(), &rooms, open.as_deref());
        self.list.set_rooms(rooms);
        if !self.preferences.notifications {
            news.clear();
        }
        // While the idle lock hides the window, a notification must not say where either.
        let hidden = self.locked
            || self.handle.policy().notification_content.value == NotificationContent::Hide;
        let shown = news.into_iter().map(|notice| notify::show(notice, hidden));
        Task::batch(shown.map(|clicked| clicked.map(Message::Clicked)))
    }

    /// The idle lock is up (or down again).
    pub fn set_locked(&mut self, locked: bool) {
        self.locked = locked;
    }

    /// The core's handle, for what the app does beside the home screen (the idle lock).
    pub fn handle(&self) -> Handle {
        self.handle.clone()
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

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let task = match message {
            Message::List(message) => match self.list.update(message) {
                Some(event) => self.list_event(event),
                None => Task::none(),
            },
            Message::Room(message) => self.room_message(message),
            Message::Done(Err(error)) => self.failed(error),
            Message::Done(Ok(())) => Task::none(),
            Message::Dialog(message) => self.dialog_message(message),
            Message::OpenDialog(dialog) => self.show(Some(dialog)),
            Message::Opened(Ok(room_id)) => self.open(&room_id),
            Message::Opened(Err(error)) => self.room_message(room::Message::Failed(error)),
            Message::OpenSettings => self.open_settings(),
            Message::Settings(message) => return self.settings_message(message),
            Message::Avatar(picture) => {
                self.avatar = picture;
                Task::none()
            }
            Message::Recovery(message) => self.recovery_message(message),
            Message::OpenRecovery(new_key) => self.open_recovery(new_key),
            Message::Trust(Ok(trust)) => {
                self.trust = Some(trust);
                Task::none()
            }
            Message::Trust(Err(error)) => {
                tracing::warn!(%error, "recovery state not known");
                Task::none()
            }
            Message::LoggedOut(Ok(())) => return (Task::none(), Some(Event::LoggedOut)),
            Message::LoggedOut(Err(error)) => self.room_message(room::Message::Failed(error)),
            Message::Escape => self.close_all(),
            Message::QuickSwitch => self.quick_switch(),
            Message::Clicked(Some(room_id)) => self.open(&room_id),
            Message::Clicked(None) => Task::none(),
            Message::Security(message) => self.security(message),
            Message::CloseVerification => self.close_verification(),
            Message::LogOut => self.log_out(false),
            Message::DismissProblem => {
                self.problem = None;
                Task::none()
            }
        };
        (task, None)
    }

    fn show(&mut self, dialog: Option<Dialog>) -> Task<Message> {
        let chat = matches!(dialog, Some(Dialog::NewChat { .. }));
        self.dialog = dialog;
        if chat { iced::widget::operation::focus(dialog::CHAT_FIELD) } else { Task::none() }
    }

    /// Asks the core where recovery and this session's trust stand (for the banner).
    pub fn check_trust(&self) -> Task<Message> {
        let handle = self.handle.clone();
        Task::perform(
            async move { handle.recovery_status().await.map_err(|e| e.to_string()) },
            Message::Trust,
        )
    }

    /// Opens the settings and asks the core for what they show: the display name, and where
    /// recovery stands.
    fn open_settings(&mut self) -> Task<Message> {
        let settings = Settings::new(self.preferences, self.neighbours.clone())
            .reactions(self.handle.policy().may_react().is_ok());
        self.settings = Some(settings.verified_only(&self.verified_only));
        let handle = self.handle.clone();
        let name = Task::perform(
            async move { handle.display_name().await.map_err(|e| e.to_string()) },
            |name| Message::Settings(settings::Message::NameLoaded(name)),
        );
        let handle = self.handle.clone();
        let trust = Task::perform(
            async move { handle.recovery_status().await.map_err(|e| e.to_string()) },
            |trust| Message::Settings(settings::Message::Trust(trust)),
        );
        Task::batch([name, trust, iced::widget::operation::focus(settings::NAME)])
    }

    /// Opens the recovery dialog: making a new key (`Some(replace)`), or entering one (`None`).
    fn open_recovery(&mut self, new_key: Option<bool>) -> Task<Message> {
        self.settings = None;
        let Some(replace) = new_key else {
            self.recovery = Some(Recovery::entering());
            return iced::widget::operation::focus(recovery::FIELD);
        };
        self.recovery = Some(Recovery::generating());
        let handle = self.handle.clone();
        Task::perform(
            async move {
                let key = if replace {
                    handle.reset_recovery_key().await
                } else {
                    handle.enable_recovery().await
                };
                key.map(std::sync::Arc::new).map_err(|e| e.to_string())
            },
            move |key| Message::Recovery(recovery::Message::Generated(key, replace)),
        )
    }

    fn recovery_message(&mut self, message: recovery::Message) -> Task<Message> {
        let Some(dialog) = &mut self.recovery else { return Task::none() };
        // Typing a part of the key back starts in its field.
        if matches!(message, recovery::Message::Stored) {
            dialog.update(message);
            return iced::widget::operation::focus(recovery::FIELD);
        }
        match dialog.update(message) {
            Some(recovery::Event::Copy(key)) => {
                let shown = format_key(key.expose());
                let lifetime = crate::clipboard::SECRET_LIFETIME;
                Task::perform(crate::clipboard::copy_secret(shown, lifetime), |copied| {
                    Message::Recovery(recovery::Message::Copied(copied))
                })
            }
            Some(recovery::Event::Save(key)) => Task::perform(save_key(key), |saved| {
                Message::Recovery(recovery::Message::Saved(saved))
            }),
            Some(recovery::Event::ResetIdentity(password)) => {
                let handle = self.handle.clone();
                Task::perform(
                    async move {
                        let key = handle.reset_identity(&password).await;
                        key.map(std::sync::Arc::new).map_err(|e| e.to_string())
                    },
                    |key| {
                        Message::Recovery(match key {
                            Ok(key) => recovery::Message::Generated(Ok(key), true),
                            Err(error) => recovery::Message::ResetRefused(error),
                        })
                    },
                )
            }
            Some(recovery::Event::Recover(key)) => {
                let handle = self.handle.clone();
                Task::perform(
                    async move { handle.recover(&key).await.map_err(|e| e.to_string()) },
                    |done| Message::Recovery(recovery::Message::Recovered(done)),
                )
            }
            Some(recovery::Event::Close) => {
                self.recovery = None;
                self.check_trust()
            }
            None => Task::none(),
        }
    }

    fn settings_message(&mut self, message: settings::Message) -> (Task<Message>, Option<Event>) {
        self.note_avatar_change(&message);
        let Some(panel) = &mut self.settings else { return (Task::none(), None) };
        match panel.update(message) {
            Some(settings::Event::Changed(preferences)) => {
                self.preferences = preferences;
                return (Task::none(), Some(Event::Preferences(preferences)));
            }
            Some(settings::Event::SaveName(name)) => {
                let handle = self.handle.clone();
                let save = Task::perform(
                    async move { handle.set_display_name(&name).await.map_err(|e| e.to_string()) },
                    |saved| Message::Settings(settings::Message::NameSaved(saved)),
                );
                return (save, None);
            }
            Some(settings::Event::ChooseAvatar) => return (self.choose_avatar(), None),
            Some(settings::Event::RemoveAvatar) => return (self.remove_avatar(), None),
            Some(settings::Event::NewRecoveryKey(replace)) => {
                return (self.open_recovery(Some(replace)), None);
            }
            Some(settings::Event::EnterRecoveryKey) => return (self.open_recovery(None), None),
            Some(settings::Event::ResetIdentity) => {
                self.settings = None;
                self.recovery = Some(Recovery::resetting());
                return (iced::widget::operation::focus(recovery::FIELD), None);
            }
            Some(settings::Event::OpenProfile(name)) => {
                return (Task::none(), Some(Event::OpenProfile(name)));
            }
            Some(settings::Event::LogOut { wipe }) => return (self.log_out(wipe), None),
            Some(settings::Event::OpenSessions) => return (self.open_sessions(), None),
            Some(settings::Event::ChangePassword { current, new, sign_out_others }) => {
                let handle = self.handle.clone();
                let change = Task::perform(
                    async move {
                        let changed = handle.change_password(&current, &new, sign_out_others);
                        changed.await.map_err(|e| e.to_string())
                    },
                    |done| {
                        let done = super::password::Message::Done(done);
                        Message::Settings(settings::Message::Password(done))
                    },
                );
                return (change, None);
            }
            Some(settings::Event::Focus(field)) => {
                return (iced::widget::operation::focus(field), None);
            }
            Some(settings::Event::VerifiedOnly(on)) => {
                return (Task::none(), Some(Event::VerifiedOnly(on)));
            }
            Some(settings::Event::Close) => self.settings = None,
            None => {}
        }
        (Task::none(), None)
    }

    fn quick_switch(&mut self) -> Task<Message> {
        self.dialog = None;
        self.settings = None;
        self.list.clear_filter();
        iced::widget::operation::focus(room_list::FILTER)
    }

    fn close_all(&mut self) -> Task<Message> {
        self.dialog = None;
        self.settings = None;
        self.recovery = None;
        self.sessions = None;
        self.alert = None;
        if let Some(pane) = &mut self.pane {
            pane.cancel();
        }
        self.close_verification()
    }

    /// A command failed: said in the open room, and the room's identities asked again, since a
    /// held message is the usual reason a send fails.
    fn failed(&mut self, error: String) -> Task<Message> {
        self.room_error(error);
        match &self.pane {
            Some(pane) => self.check_identity(pane.room_id()),
            None => Task::none(),
        }
    }

    /// Shows an error in the open room, or above everything when no room is open.
    fn room_error(&mut self, error: String) {
        match &mut self.pane {
            Some(pane) => drop(pane.update(room::Message::Failed(error))),
            None => self.problem = Some(error),
        }
    }

    fn dialog_message(&mut self, message: dialog::Message) -> Task<Message> {
        let Some(dialog) = &mut self.dialog else { return Task::none() };
        let request = dialog.update(message);
        if request.is_some() && !matches!(request, Some(dialog::Event::Search(_))) {
            self.dialog = None;
        }
        let handle = self.handle.clone();
        match request {
            Some(dialog::Event::CreateRoom(new)) => Task::perform(
                async move { handle.create_room(new).await.map_err(|e| e.to_string()) },
                Message::Opened,
            ),
            Some(dialog::Event::OpenChat(user)) => Task::perform(
                async move { handle.dm(&user).await.map_err(|e| e.to_string()) },
                Message::Opened,
            ),
            Some(dialog::Event::Search(term)) => {
                // A pause first: a fast typist's every letter need not reach the server.
                Task::perform(
                    async move {
                        tokio::time::sleep(Duration::from_millis(250)).await;
                        let found = handle.search_people(&term, 8).await.map_err(|e| e.to_string());
                        (term, found)
                    },
                    |(term, found)| Message::Dialog(dialog::Message::Found(term, found)),
                )
            }
            Some(dialog::Event::Close) | None => Task::none(),
        }
    }

    fn log_out(&mut self, wipe: bool) -> Task<Message> {
        let handle = self.handle.clone();
        Task::perform(
            async move { handle.log_out(wipe).await.map(drop).map_err(|e| e.to_string()) },
            Message::LoggedOut,
        )
    }

    fn list_event(&mut self, event: room_list::Event) -> Task<Message> {
        match event {
            room_list::Event::Selected(room_id) => self.open(&room_id),
            room_list::Event::Accept(room_id) => {
                self.command(|h| async move { h.join(&room_id).await.map(drop) })
            }
            room_list::Event::Decline(room_id) => {
                self.command(|h| async move { h.leave(&room_id).await })
            }
        }
    }

    fn room_message(&mut self, message: room::Message) -> Task<Message> {
        let Some(pane) = &mut self.pane else { return Task::none() };
        match pane.update(message) {
            Some(room::Event::Send { room_id, text, consent, target }) => {
                self.command(move |h| send(h, room_id, text, consent, target))
            }
            Some(room::Event::React { room_id, event_id, key, consent }) => {
                self.command(move |h| async move {
                    h.toggle_reaction(&room_id, &event_id, &key, consent).await
                })
            }
            // Not being able to say one is typing is no error worth showing.
            Some(room::Event::Typing { room_id, typing }) => {
                let handle = self.handle.clone();
                Task::future(async move { handle.typing(&room_id, typing).await }).discard()
            }
            Some(room::Event::Retry { room_id, local_id }) => {
                self.command(|h| async move { h.retry(&room_id, &local_id).await })
            }
            Some(room::Event::Scroll(room::Scroll::By(pixels))) => {
                let offset = iced::widget::operation::AbsoluteOffset { x: 0.0, y: pixels };
                iced::widget::operation::scroll_by(room::TIMELINE, offset)
            }
            Some(room::Event::Scroll(room::Scroll::Newest)) => {
                // Anchored at the bottom, the start of the offset is the newest message.
                let newest = iced::widget::operation::RelativeOffset::START;
                iced::widget::operation::snap_to(room::TIMELINE, newest)
            }
            Some(room::Event::PickFile) => {
                Task::perform(super::files::pick(fl!("composer-attach")), |path| match path {
                    Ok(Some(path)) => Message::Room(room::Message::FileChosen(path)),
                    Ok(None) => Message::Done(Ok(())),
                    Err(error) => Message::Done(Err(error)),
                })
            }
            Some(room::Event::SendFile { room_id, path, consent }) => {
                self.send_file(room_id, path, consent)
            }
            Some(room::Event::Download { room_id, event_id, name }) => {
                let handle = self.handle.clone();
                Task::perform(
                    async move {
                        let Some(path) =
                            super::files::save_as(fl!("timeline-save-file"), name).await?
                        else {
                            return Ok(());
                        };
                        handle
                            .download(&room_id, &event_id, &path)
                            .await
                            .map(drop)
                            .map_err(|e| e.to_string())
                    },
                    Message::Done,
                )
            }
            Some(room::Event::VerifyPerson(user)) => {
                self.security(security::Message::Start(security::Whom::Person(user)))
            }
            Some(room::Event::LoadOlder(room_id)) => {
                self.command(|h| async move { h.load_older(&room_id, 30).await.map(drop) })
            }
            None => Task::none(),
        }
    }

    /// Opens a room and follows it until another one is opened.
    fn open(&mut self, room_id: &str) -> Task<Message> {
        let summary = match self.list.room(room_id) {
            Some(summary) => summary.clone(),
            // Just created: the list has not caught up yet; its header fills in when it does.
            None => RoomSummary {
                room_id: room_id.to_owned(),
                name: room_id.to_owned(),
                dm: false,
                encrypted: true,
                public: false,
                unread: 0,
                highlights: 0,
                membership: crate::model::Membership::Joined,
                last_message: None,
            },
        };
        let summary = &summary;
        self.list.mark_selected(room_id);
        let forbid = self.handle.policy().unencrypted_send.value == UnencryptedSend::Forbid;
        let no_reactions = self.handle.policy().may_react().is_err();
        self.pane = Some(RoomPane::new(summary, forbid).without_reactions(no_reactions));
        if let Some(previous) = self.watching.take() {
            previous.abort();
        }
        let (task, handle) = Task::run(self.handle.watch_room(room_id), |view| {
            Message::Room(match view {
                Ok(view) => room::Message::Loaded(view),
                Err(error) => room::Message::Failed(error.to_string()),
            })
        })
        .abortable();
        self.watching = Some(handle);
        self.changed_identities.clear();
        Task::batch([task, self.check_identity(room_id)])
    }

    /// Sends a file, its progress shown above the composer until it is in the room.
    fn send_file(&self, room_id: String, path: std::path::PathBuf, consent: bool) -> Task<Message> {
        use crate::matrix::TransferStep;
        use iced::futures::StreamExt as _;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let handle = self.handle.clone();
        let started = {
            let name = name.clone();
            async move {
                let step = room::Message::Upload(name, None);
                let steps = match handle.send_file(&room_id, &path, consent).await {
                    Ok(transfer) => transfer.into_stream().left_stream(),
                    Err(error) => {
                        let failed = Err(std::sync::Arc::new(error));
                        iced::futures::stream::once(async move { failed }).right_stream()
                    }
                };
                (step, steps)
            }
        };
        let stream = iced::futures::stream::once(started).flat_map(move |(first, steps)| {
            let name = name.clone();
            let steps = steps.map(move |step| match step {
                Ok(TransferStep::Progress(progress)) => {
                    room::Message::Upload(name.clone(), Some(progress))
                }
                Ok(TransferStep::Finished(_)) => room::Message::Uploaded(name.clone(), Ok(())),
                Err(error) => room::Message::Uploaded(name.clone(), Err(error.to_string())),
            });
            iced::futures::stream::once(async move { first }).chain(steps)
        });
        Task::run(stream, Message::Room)
    }

    /// Runs a core command; its error, if any, is shown in the open room.
    fn command<F, Fut>(&self, act: F) -> Task<Message>
    where
        F: FnOnce(Handle) -> Fut,
        Fut: std::future::Future<Output = Result<(), crate::matrix::MatrixError>> + Send + 'static,
    {
        let work = act(self.handle.clone());
        Task::perform(async move { work.await.map_err(|e| e.to_string()) }, Message::Done)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let toolbar = row![
            button(text(fl!("home-new-room"))).on_press(Message::OpenDialog(Dialog::new_room())),
            button(text(fl!("home-new-chat"))).on_press(Message::OpenDialog(Dialog::new_chat())),
            iced::widget::space::horizontal(),
            iced::widget::tooltip(
                button(self.settings_button())
                    .style(button::secondary)
                    .on_press(Message::OpenSettings),
                container(text(fl!("home-settings"))).padding(6).style(super::style::tooltip_box),
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
        let banners = [self.problem_banner(), self.trust_banner(), self.identity_banner()];
        let mut page = column(banners.into_iter().flatten());
        page = page.push(row![list, pane].height(Length::Fill));
        if let Some(status) = status_line(&self.status) {
            page = page.push(container(text(status).size(12)).padding([2, 8]));
        }
        stack(std::iter::once(page.into()).chain(self.overlays())).into()
    }

    /// The dialogs open over the page, the most urgent on top: a new login, then a
    /// verification, then what the user opened.
    fn overlays(&self) -> Vec<Element<'_, Message>> {
        let user = (self.handle.user_id(), self.handle.device_id());
        let security = |message| Message::Security(message);
        [
            self.required(),
            self.dialog.as_ref().map(|d| d.view().map(Message::Dialog)),
            self.settings
                .as_ref()
                .map(|p| p.view(user.0, user.1, self.avatar.as_ref()).map(Message::Settings)),
            self.sessions
                .as_ref()
                .map(|p| p.view().map(move |m| security(security::Message::Sessions(m)))),
            self.recovery.as_ref().map(|d| d.view().map(Message::Recovery)),
            self.verify
                .as_ref()
                .map(|d| d.view().map(move |m| security(security::Message::Verify(m)))),
            self.alert
                .as_ref()
                .map(|a| a.view().map(move |m| security(security::Message::Alert(m)))),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// An error that had no open room to be shown in.
    fn problem_banner(&self) -> Option<Element<'_, Message>> {
        let problem = self.problem.as_ref()?;
        let close = button(text(fl!("verify-close")))
            .style(button::secondary)
            .on_press(Message::DismissProblem);
        Some(security::strip(problem.clone(), close.into(), super::style::danger_banner))
    }

    /// Above everything while this session lacks the account's secrets (enter the key), or
    /// while the account has no recovery at all (set it up).
    fn trust_banner(&self) -> Option<Element<'_, Message>> {
        if let Some(banner) = self.verify_banner() {
            return Some(banner);
        }
        let (words, label, new_key) = match self.trust?.recovery {
            RecoveryState::Incomplete => {
                (fl!("banner-recover"), fl!("settings-recovery-enter"), None)
            }
            RecoveryState::Disabled => {
                (fl!("banner-set-up-recovery"), fl!("settings-recovery-set-up"), Some(false))
            }
            RecoveryState::Enabled | RecoveryState::Unknown => return None,
        };
        let act =
            button(text(label)).style(button::secondary).on_press(Message::OpenRecovery(new_key));
        Some(security::strip(words, act.into(), super::style::caution_banner))
    }
}

/// Sends the composer's text as a new message, a reply or an edit; the timeline shows it at
/// once and follows its delivery. Typing stops with it.
async fn send(
    handle: Handle,
    room_id: String,
    text: String,
    consent: bool,
    target: room::Target,
) -> Result<(), crate::matrix::MatrixError> {
    let _ = handle.typing(&room_id, false).await;
    match target {
        room::Target::New => {
            handle.send_text(&room_id, &text, consent, Duration::ZERO).await.map(drop)
        }
        room::Target::Reply(reply) => handle.reply(&room_id, &reply.event_id, &text, consent).await,
        room::Target::Edit(event_id) => handle.edit(&room_id, &event_id, &text, consent).await,
    }
}

/// Writes the recovery key where the person chose, readable by them alone (review L4): the
/// file is written whole beside the target, synced, then renamed over it, so an existing file
/// of any mode is replaced by a private one, and a full or read-only disk is an error in
/// words rather than a silent half-written key. `None` when the person cancelled.
async fn save_key(
    key: std::sync::Arc<crate::secret::RecoveryKey>,
) -> Result<Option<String>, String> {
    let chosen =
        super::files::save_as(fl!("recovery-ui-save"), "estafette-recovery-key.txt".into());
    let Some(path) = chosen.await.map_err(|error| error.to_string())? else { return Ok(None) };
    let shown = format_key(key.expose());
    let contents =
        zeroize::Zeroizing::new(format!("{}\n\n{}\n", fl!("recovery-file-note"), shown.as_str()));
    let target = path.clone();
    tokio::task::spawn_blocking(move || {
        crate::profile::write_private_file(&target, contents.as_bytes())
    })
    .await
    .map_err(|error| error.to_string())?
    .map_err(|error| error.to_string())?;
    Ok(Some(path.display().to_string()))
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
