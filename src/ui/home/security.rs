//! The home screen's trust work: verification dialogs (ours and incoming), the new-login alert,
//! the sessions panel, the "verify this session" banner and the identity-change banner of the
//! open room. Kept apart from the room and settings plumbing of `home`.

use iced::widget::{button, row, text};
use iced::{Alignment, Element, Length, Task};

use super::{Home, Message as HomeMessage};
use crate::fl;
use crate::matrix::{Handle, MatrixError};
use crate::model::recovery::RecoveryState;
use crate::model::sessions::Session;
use crate::model::verification::Verification;
use crate::secret::Password;
use crate::ui::alert::{self, NewLogin};
use crate::ui::files;
use crate::ui::sessions::{self, Outcome, SessionsPanel, Target};
use crate::ui::style;
use crate::ui::verify::{self, VerifyDialog};

/// Whom to verify.
#[derive(Debug, Clone)]
pub enum Whom {
    /// This session, with any other session of the account.
    ThisSession,
    /// One session of our own account.
    OwnSession(String),
    /// Another person.
    Person(String),
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The core reports a flow's new stage (ours, or someone's request).
    Flow(Box<Verification>),
    /// The core noticed a new session on the account.
    NewSession(Session),
    Verify(verify::Message),
    Alert(alert::Message),
    Sessions(sessions::Message),
    Start(Whom),
    Started(Result<Verification, String>),
    /// The people of a room whose identity changed since verified.
    Identity(String, Result<Vec<String>, String>),
    Acknowledge(Vec<String>),
    Acknowledged(String, Result<(), String>),
}

impl Home {
    pub(super) fn security(&mut self, message: Message) -> Task<HomeMessage> {
        match message {
            Message::Flow(state) => self.flow(*state),
            Message::NewSession(session) => {
                self.alert = Some(NewLogin::new(session));
                Task::none()
            }
            Message::Verify(message) => self.verify_message(message),
            Message::Alert(message) => self.alert_message(message),
            Message::Sessions(message) => self.sessions_message(message),
            Message::Start(whom) => self.start(whom),
            Message::Started(Ok(state)) => self.flow(state),
            Message::Started(Err(error)) => {
                self.room_error(error);
                Task::none()
            }
            Message::Identity(room_id, changed) => {
                self.identity(room_id, changed);
                Task::none()
            }
            Message::Acknowledge(users) => self.acknowledge(users),
            Message::Acknowledged(room_id, outcome) => {
                if let Err(error) = outcome {
                    self.room_error(error);
                }
                self.check_identity(&room_id)
            }
        }
    }

    /// A flow moved: the open dialog follows it; a new one (a request from elsewhere) takes
    /// the dialog's place unless another flow is still in progress there.
    fn flow(&mut self, state: Verification) -> Task<HomeMessage> {
        let done = state.stage == crate::model::verification::Stage::Done;
        match &mut self.verify {
            Some(dialog) if dialog.id() == state.id => dialog.set(state),
            Some(dialog) if !dialog.is_over() => return Task::none(),
            _ if state.stage.is_final() => return Task::none(),
            _ => self.verify = Some(VerifyDialog::new(state, self.handle.user_id())),
        }
        if !done {
            return Task::none();
        }
        // Verified: the banner, the open room's header and its shields change.
        let open = self.pane.as_ref().map(|pane| pane.room_id().to_owned());
        let reopen = match open {
            Some(room_id) => self.open(&room_id),
            None => Task::none(),
        };
        Task::batch([self.check_trust(), reopen])
    }

    fn start(&mut self, whom: Whom) -> Task<HomeMessage> {
        let handle = self.handle.clone();
        let own = handle.user_id().to_owned();
        Task::perform(
            async move {
                let started = match whom {
                    Whom::ThisSession => handle.verify_user(&own).await,
                    Whom::OwnSession(device) => handle.verify_device(&own, &device).await,
                    Whom::Person(user) => handle.verify_user(&user).await,
                };
                started.map_err(|e| e.to_string())
            },
            |started| HomeMessage::Security(Message::Started(started)),
        )
    }

    fn verify_message(&mut self, message: verify::Message) -> Task<HomeMessage> {
        let Some(dialog) = &mut self.verify else { return Task::none() };
        let Some(event) = dialog.update(message) else { return Task::none() };
        if let verify::Event::SaveQr(payload) = event {
            return save_qr(payload);
        }
        let handle = self.handle.clone();
        let work = async move {
            let outcome = match event {
                verify::Event::Accept(id) => handle.accept_verification(&id).await,
                verify::Event::StartEmoji(id) => handle.start_sas(&id).await,
                verify::Event::ShowQr(id) => handle.show_qr(&id).await.map(drop),
                verify::Event::ScanPicture(id) => {
                    return scanned(&handle, &id, scan_picture()).await;
                }
                verify::Event::ScanClipboard(id) => {
                    return scanned(&handle, &id, async {
                        Some(crate::clipboard::qr_code().await)
                    })
                    .await;
                }
                verify::Event::SaveQr(_) => return None,
                verify::Event::Match(id) => handle.confirm_sas(&id).await,
                verify::Event::Mismatch(id) => handle.mismatch_sas(&id).await,
                verify::Event::ScanConfirmed(id) => handle.confirm_qr_scanned(&id).await,
                verify::Event::Cancel(id) => handle.cancel_verification(&id).await,
                verify::Event::Close => return None,
            };
            Some(outcome.map_err(|e| e.to_string()))
        };
        Task::perform(work, |outcome| match outcome {
            Some(outcome) => {
                HomeMessage::Security(Message::Verify(verify::Message::Answered(outcome)))
            }
            None => HomeMessage::CloseVerification,
        })
    }

    /// Escape or Close: a flow still running is cancelled on both sides rather than left
    /// hanging on the other screen.
    pub(super) fn close_verification(&mut self) -> Task<HomeMessage> {
        let Some(dialog) = self.verify.take() else { return Task::none() };
        if dialog.is_over() {
            return Task::none();
        }
        let handle = self.handle.clone();
        let id = dialog.id().to_owned();
        Task::future(async move { handle.cancel_verification(&id).await }).discard()
    }

    fn alert_message(&mut self, message: alert::Message) -> Task<HomeMessage> {
        let Some(alert) = &mut self.alert else { return Task::none() };
        match alert.update(message) {
            Some(alert::Event::Verify(device)) => {
                self.alert = None;
                self.start(Whom::OwnSession(device))
            }
            Some(alert::Event::SignOut { target, password }) => {
                sign_out(&self.handle, target, password, |outcome| {
                    Message::Alert(alert::Message::SignedOut(outcome))
                })
            }
            Some(alert::Event::Focus(id)) => iced::widget::operation::focus(id),
            Some(alert::Event::Dismiss) => {
                self.alert = None;
                Task::none()
            }
            None => Task::none(),
        }
    }

    pub(super) fn open_sessions(&mut self) -> Task<HomeMessage> {
        self.settings = None;
        self.sessions = Some(SessionsPanel::default());
        self.load_sessions()
    }

    fn load_sessions(&self) -> Task<HomeMessage> {
        let handle = self.handle.clone();
        Task::perform(async move { handle.sessions().await.map_err(|e| e.to_string()) }, |list| {
            HomeMessage::Security(Message::Sessions(sessions::Message::Loaded(list)))
        })
    }

    fn sessions_message(&mut self, message: sessions::Message) -> Task<HomeMessage> {
        let Some(panel) = &mut self.sessions else { return Task::none() };
        match panel.update(message) {
            Some(sessions::Event::Rename { device_id, name }) => {
                let handle = self.handle.clone();
                Task::perform(
                    async move {
                        handle.rename_session(&device_id, &name).await.map_err(|e| e.to_string())
                    },
                    |done| {
                        HomeMessage::Security(Message::Sessions(sessions::Message::Renamed(done)))
                    },
                )
            }
            Some(sessions::Event::Verify(device)) => self.start(Whom::OwnSession(device)),
            Some(sessions::Event::SignOut { target, password }) => {
                sign_out(&self.handle, target, password, |outcome| {
                    Message::Sessions(sessions::Message::SignedOut(outcome))
                })
            }
            Some(sessions::Event::Reload) => self.load_sessions(),
            Some(sessions::Event::Focus(id)) => iced::widget::operation::focus(id),
            Some(sessions::Event::Close) => {
                self.sessions = None;
                Task::none()
            }
            None => Task::none(),
        }
    }

    /// Asks which people of `room_id` changed identity (shown above its timeline).
    pub(super) fn check_identity(&self, room_id: &str) -> Task<HomeMessage> {
        let handle = self.handle.clone();
        let room_id = room_id.to_owned();
        Task::perform(
            async move {
                let changed = handle.identity_changes(&room_id).await.map_err(|e| e.to_string());
                (room_id, changed)
            },
            |(room_id, changed)| HomeMessage::Security(Message::Identity(room_id, changed)),
        )
    }

    fn identity(&mut self, room_id: String, changed: Result<Vec<String>, String>) {
        let open = self.pane.as_ref().is_some_and(|pane| pane.room_id() == room_id);
        match changed {
            Ok(users) if open => self.changed_identities = users,
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "identity changes not known"),
        }
    }

    /// Accepts the new identities: their held messages go out, and they show as not verified
    /// until verified again.
    fn acknowledge(&mut self, users: Vec<String>) -> Task<HomeMessage> {
        let Some(room_id) = self.pane.as_ref().map(|pane| pane.room_id().to_owned()) else {
            return Task::none();
        };
        let handle = self.handle.clone();
        Task::perform(
            async move {
                let mut outcome = Ok(());
                for user in users {
                    if let Err(error) = handle.accept_identity(&user).await {
                        outcome = Err(error.to_string());
                    }
                }
                (room_id, outcome)
            },
            |(room_id, outcome)| HomeMessage::Security(Message::Acknowledged(room_id, outcome)),
        )
    }

    /// Asks to verify this session while it is not verified and recovery cannot do it alone.
    pub(super) fn verify_banner(&self) -> Option<Element<'_, HomeMessage>> {
        let trust = self.trust?;
        if trust.session_verified || trust.recovery == RecoveryState::Unknown {
            return None;
        }
        let mut actions = row![
            button(text(fl!("banner-verify-with-session")))
                .style(button::secondary)
                .on_press(HomeMessage::Security(Message::Start(Whom::ThisSession)))
        ]
        .spacing(8);
        if trust.recovery != RecoveryState::Disabled {
            actions = actions.push(
                button(text(fl!("banner-verify-with-key")))
                    .style(button::secondary)
                    .on_press(HomeMessage::OpenRecovery(None)),
            );
        }
        Some(strip(fl!("banner-verify-session"), actions.into(), style::caution_banner))
    }

    /// In front of everything while the organisation requires what this session lacks: to be
    /// verified, or the account to have recovery. Only the ways to get there, and logging out.
    pub(super) fn required(&self) -> Option<Element<'_, HomeMessage>> {
        let trust = self.trust?;
        let policy = self.handle.policy();
        let unverified = !trust.session_verified && trust.recovery != RecoveryState::Unknown;
        let (title, words, mut actions) = if policy.require_session_verification.value && unverified
        {
            let mut actions = vec![action(
                fl!("banner-verify-with-session"),
                HomeMessage::Security(Message::Start(Whom::ThisSession)),
            )];
            if trust.recovery != RecoveryState::Disabled {
                actions
                    .push(action(fl!("banner-verify-with-key"), HomeMessage::OpenRecovery(None)));
            }
            (fl!("required-verification-title"), fl!("required-verification"), actions)
        } else if policy.require_recovery.value && trust.recovery == RecoveryState::Disabled {
            let set_up =
                action(fl!("settings-recovery-set-up"), HomeMessage::OpenRecovery(Some(false)));
            (fl!("required-recovery-title"), fl!("required-recovery"), vec![set_up])
        } else {
            return None;
        };
        let log_out = button(text(fl!("settings-logout")))
            .style(button::secondary)
            .on_press(HomeMessage::LogOut);
        actions.push(log_out.into());
        let body = iced::widget::column![
            text(title).size(20),
            text(words),
            text(fl!("settings-locked")).size(12).style(style::caution_text),
            iced::widget::Row::with_children(actions).spacing(8),
        ]
        .spacing(14);
        Some(style::modal(body, 560.0, style::dialog_plain))
    }

    /// Above the open room's timeline while someone in it changed identity.
    pub(super) fn identity_banner(&self) -> Option<Element<'_, HomeMessage>> {
        let users = &self.changed_identities;
        if users.is_empty() || self.pane.is_none() {
            return None;
        }
        let words = fl!("identity-banner", users = users.join(", "), count = users.len());
        let mut actions = row![
            button(text(fl!("identity-acknowledge")))
                .style(button::secondary)
                .on_press(HomeMessage::Security(Message::Acknowledge(users.clone())))
        ]
        .spacing(8);
        for user in users.iter().take(2) {
            actions = actions.push(
                button(text(fl!("identity-verify", user = user.as_str())))
                    .style(button::secondary)
                    .on_press(HomeMessage::Security(Message::Start(Whom::Person(user.clone())))),
            );
        }
        Some(strip(words, actions.into(), style::danger_banner))
    }
}

/// Asks for the picture of the other device's code and reads it; `None` if none was picked.
async fn scan_picture() -> Option<Result<Vec<u8>, String>> {
    let path = match files::pick(fl!("verify-pick-title")).await {
        Ok(path) => path?,
        Err(error) => return Some(Err(error)),
    };
    let read = match tokio::fs::read(&path).await {
        Ok(file) => crate::model::qr::read_code(&file).map_err(|e| e.to_string()),
        Err(error) => Err(error.to_string()),
    };
    Some(read)
}

/// Hands the code `read` found to the flow; `None` (nothing was picked) leaves the choices.
async fn scanned(
    handle: &Handle,
    id: &str,
    read: impl std::future::Future<Output = Option<Result<Vec<u8>, String>>>,
) -> Option<Result<(), String>> {
    match read.await? {
        Ok(payload) => Some(handle.scan_qr(id, &payload).await.map_err(|e| e.to_string())),
        Err(error) => Some(Err(error)),
    }
}

/// Saves the code we show as a PNG where the person chooses.
fn save_qr(payload: Vec<u8>) -> Task<HomeMessage> {
    Task::future(async move {
        let picture = crate::matrix::qr_png(&payload)?;
        let path =
            files::save_as(fl!("verify-qr-save"), "estafette-qr.png".into()).await.ok()??;
        tokio::fs::write(path, picture).await.ok()
    })
    .discard()
}

fn action<'a>(label: String, message: HomeMessage) -> Element<'a, HomeMessage> {
    button(text(label)).on_press(message).into()
}

/// A full-width banner: words on the left, actions on the right.
pub(super) fn strip<'a>(
    words: String,
    actions: Element<'a, HomeMessage>,
    look: fn(&iced::Theme) -> iced::widget::container::Style,
) -> Element<'a, HomeMessage> {
    let line = row![text(words).size(14).width(Length::Fill), actions]
        .spacing(12)
        .align_y(Alignment::Center);
    iced::widget::container(line).padding([8, 12]).width(Length::Fill).style(look).into()
}

/// Signs sessions out; the server's wish for the password comes back as its own outcome.
fn sign_out(
    handle: &Handle,
    target: Target,
    password: Option<Password>,
    answer: fn(Outcome) -> Message,
) -> Task<HomeMessage> {
    let handle = handle.clone();
    Task::perform(
        async move {
            let signed = match target {
                Target::One(id) => handle.sign_out_sessions(&[id], password.as_ref()).await,
                Target::Others => handle.sign_out_others(password.as_ref()).await,
            };
            match signed {
                Ok(ids) => Outcome::Done(ids),
                Err(MatrixError::NeedPassword) => Outcome::NeedPassword,
                Err(error) => Outcome::Failed(error.to_string()),
            }
        },
        move |outcome| HomeMessage::Security(answer(outcome)),
    )
}
