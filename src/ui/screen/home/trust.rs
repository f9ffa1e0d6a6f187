//! The home screen's trust layer: where recovery and this session's trust stand (the banners
//! and the screen the policy puts in front of an unverified session), the verification in
//! progress, the new-login alert, and the people of the open room whose identity changed.
//! Driven by the core's reports; what it needs done comes back as requests.

use iced::widget::{button, row, text};
use iced::{Alignment, Element, Length};

use super::request::{Asker, Request, Whom};
use crate::fl;
use crate::model::recovery::{RecoveryState, TrustStatus};
use crate::model::sessions::Device;
use crate::model::verification::{Stage, Verification};
use crate::policy::Policy;
use crate::ui::failure::Failure;
use crate::ui::panel::alert::{self, NewLogin};
use crate::ui::panel::verify::{self, VerifyDialog};
use crate::ui::widget::style;

#[derive(Debug, Clone)]
pub enum Message {
    /// Recovery and this session's trust, as the core sees them now.
    Status(Result<TrustStatus, Failure>),
    /// The core reports a flow's new stage (ours, or someone's request).
    Flow(Box<Verification>),
    /// The core noticed a new session on the account.
    NewSession(Device),
    Verify(verify::Message),
    Alert(alert::Message),
    Start(Whom),
    Started(Result<Verification, Failure>),
    /// The people of a room whose identity changed since verified.
    Identity(String, Result<Vec<String>, Failure>),
    Acknowledge(Vec<String>),
    Acknowledged(String, Result<(), Failure>),
    /// A banner's button: a new key (`Some(replace)`), or entering one (`None`).
    OpenRecovery(Option<bool>),
    LogOut,
}

/// What the trust layer tells the home screen.
#[derive(Debug, Clone)]
pub enum Event {
    /// This session or someone was just verified: the open room's shields change.
    Verified,
    /// Show this in the open room (or above everything without one).
    Failed(Failure),
    OpenRecovery(Option<bool>),
    LogOut,
    /// Move the keyboard to this field (the alert's password).
    Focus(&'static str),
}

/// The trust layer's state; `Home` keeps one.
#[derive(Default)]
pub struct Trust {
    status: Option<TrustStatus>,
    /// The verification in progress (or just ended), ours or someone's request.
    verify: Option<VerifyDialog>,
    /// The new-login alert, while a new session of the account waits for an answer.
    alert: Option<NewLogin>,
    /// The people of the open room whose identity changed since verified.
    changed: Vec<String>,
}

/// What the trust layer needs to know of the home screen around it.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub user_id: &'a str,
    /// The room open in the pane, if any.
    pub open_room: Option<&'a str>,
}

/// The requests to perform, and what to tell the home screen.
type Answer = (Vec<Request>, Option<Event>);

impl Trust {
    pub fn update(&mut self, message: Message, context: Context<'_>) -> Answer {
        match message {
            Message::Status(Ok(status)) => self.status = Some(status),
            Message::Status(Err(error)) => tracing::warn!(%error, "recovery state not known"),
            Message::Flow(state) => return self.flow(*state, context.user_id),
            Message::Started(Ok(state)) => return self.flow(state, context.user_id),
            Message::NewSession(session) => self.alert = Some(NewLogin::new(session)),
            Message::Verify(message) => return (self.verify_message(message), None),
            Message::Alert(message) => return self.alert_message(message),
            Message::Start(whom) => return (vec![Request::StartVerification(whom)], None),
            Message::Started(Err(error)) => return (Vec::new(), Some(Event::Failed(error))),
            Message::Identity(room_id, changed) => self.identity(&room_id, changed, context),
            Message::Acknowledge(users) => return (self.acknowledge(users, context), None),
            Message::Acknowledged(room_id, outcome) => {
                let failed = outcome.err().map(Event::Failed);
                return (vec![Request::CheckIdentity(room_id)], failed);
            }
            Message::OpenRecovery(new_key) => {
                return (Vec::new(), Some(Event::OpenRecovery(new_key)));
            }
            Message::LogOut => return (Vec::new(), Some(Event::LogOut)),
        }
        (Vec::new(), None)
    }

    /// A flow moved: the open dialog follows it; a new one (a request from elsewhere) takes
    /// the dialog's place unless another flow is still in progress there.
    fn flow(&mut self, state: Verification, user_id: &str) -> Answer {
        let done = state.stage == Stage::Done;
        match &mut self.verify {
            Some(dialog) if dialog.id() == state.id => dialog.set(state),
            Some(dialog) if !dialog.is_over() => return (Vec::new(), None),
            _ if state.stage.is_final() => return (Vec::new(), None),
            _ => self.verify = Some(VerifyDialog::new(state, user_id)),
        }
        // Verified: the banner, the open room's header and its shields change.
        if done { (vec![Request::CheckTrust], Some(Event::Verified)) } else { (Vec::new(), None) }
    }

    fn verify_message(&mut self, message: verify::Message) -> Vec<Request> {
        let Some(dialog) = &mut self.verify else { return Vec::new() };
        match dialog.update(message) {
            Some(verify::Event::Close) => self.close_verification(),
            Some(event) => vec![Request::Verification(event)],
            None => Vec::new(),
        }
    }

    /// Escape or Close: a flow still running is cancelled on both sides rather than left
    /// hanging on the other screen.
    pub fn close_verification(&mut self) -> Vec<Request> {
        match self.verify.take() {
            Some(dialog) if !dialog.is_over() => {
                vec![Request::CancelVerification(dialog.id().to_owned())]
            }
            _ => Vec::new(),
        }
    }

    /// Escape: the alert goes (the session stays listed in the sessions panel), and so does
    /// the verification.
    pub fn close_all(&mut self) -> Vec<Request> {
        self.alert = None;
        self.close_verification()
    }

    fn alert_message(&mut self, message: alert::Message) -> Answer {
        let Some(alert) = &mut self.alert else { return (Vec::new(), None) };
        let request = match alert.update(message) {
            Some(alert::Event::Verify(device)) => {
                self.alert = None;
                Request::StartVerification(Whom::OwnSession(device))
            }
            Some(alert::Event::SignOut { target, password }) => {
                Request::SignOut { target, password, asker: Asker::NewLogin }
            }
            Some(alert::Event::Focus(id)) => return (Vec::new(), Some(Event::Focus(id))),
            None => return (Vec::new(), None),
            Some(alert::Event::Dismiss) => {
                self.alert = None;
                return (Vec::new(), None);
            }
        };
        (vec![request], None)
    }

    fn identity(
        &mut self,
        room_id: &str,
        changed: Result<Vec<String>, Failure>,
        context: Context<'_>,
    ) {
        match changed {
            Ok(users) if context.open_room == Some(room_id) => self.changed = users,
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "identity changes not known"),
        }
    }

    /// A room was opened: its identity changes are asked afresh.
    pub fn room_opened(&mut self, room_id: &str) -> Request {
        self.changed.clear();
        Request::CheckIdentity(room_id.to_owned())
    }

    /// Accepts the new identities: their held messages go out, and they show as not verified
    /// until verified again.
    fn acknowledge(&mut self, users: Vec<String>, context: Context<'_>) -> Vec<Request> {
        let Some(room_id) = context.open_room else { return Vec::new() };
        vec![Request::AcceptIdentities { room_id: room_id.to_owned(), users }]
    }

    /// The verification dialog, and above it the new-login alert, when open.
    pub fn overlays(&self) -> impl Iterator<Item = Element<'_, Message>> {
        let verify = self.verify.as_ref().map(|d| d.view().map(Message::Verify));
        let alert = self.alert.as_ref().map(|a| a.view().map(Message::Alert));
        verify.into_iter().chain(alert)
    }

    /// Above everything while this session lacks the account's secrets (enter the key), or
    /// while the account has no recovery at all (set it up).
    pub fn recovery_banner(&self) -> Option<Element<'_, Message>> {
        if let Some(banner) = self.verify_banner() {
            return Some(banner);
        }
        let (words, label, new_key) = match self.status?.recovery {
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
        Some(strip(words, act.into(), style::caution_banner))
    }

    /// Asks to verify this session while it is not verified and recovery cannot do it alone.
    fn verify_banner(&self) -> Option<Element<'_, Message>> {
        let status = self.status?;
        if status.session_verified || status.recovery == RecoveryState::Unknown {
            return None;
        }
        let mut actions = row![
            button(text(fl!("banner-verify-with-session")))
                .style(button::secondary)
                .on_press(Message::Start(Whom::ThisSession))
        ]
        .spacing(8);
        if status.recovery != RecoveryState::Disabled {
            actions = actions.push(
                button(text(fl!("banner-verify-with-key")))
                    .style(button::secondary)
                    .on_press(Message::OpenRecovery(None)),
            );
        }
        Some(strip(fl!("banner-verify-session"), actions.into(), style::caution_banner))
    }

    /// In front of everything while the organisation requires what this session lacks: to be
    /// verified, or the account to have recovery. Only the ways to get there, and logging out.
    pub fn required(&self, policy: &Policy) -> Option<Element<'_, Message>> {
        let status = self.status?;
        let unverified = !status.session_verified && status.recovery != RecoveryState::Unknown;
        let (title, words, mut actions) = if policy.require_session_verification.value && unverified
        {
            let mut actions =
                vec![action(fl!("banner-verify-with-session"), Message::Start(Whom::ThisSession))];
            if status.recovery != RecoveryState::Disabled {
                actions.push(action(fl!("banner-verify-with-key"), Message::OpenRecovery(None)));
            }
            (fl!("required-verification-title"), fl!("required-verification"), actions)
        } else if policy.require_recovery.value && status.recovery == RecoveryState::Disabled {
            let set_up =
                action(fl!("settings-recovery-set-up"), Message::OpenRecovery(Some(false)));
            (fl!("required-recovery-title"), fl!("required-recovery"), vec![set_up])
        } else {
            return None;
        };
        let log_out =
            button(text(fl!("settings-logout"))).style(button::secondary).on_press(Message::LogOut);
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
    pub fn identity_banner(&self, room_open: bool) -> Option<Element<'_, Message>> {
        let users = &self.changed;
        if users.is_empty() || !room_open {
            return None;
        }
        let words = fl!("identity-banner", users = users.join(", "), count = users.len());
        let mut actions = row![
            button(text(fl!("identity-acknowledge")))
                .style(button::secondary)
                .on_press(Message::Acknowledge(users.clone()))
        ]
        .spacing(8);
        for user in users.iter().take(2) {
            actions = actions.push(
                button(text(fl!("identity-verify", user = user.as_str())))
                    .style(button::secondary)
                    .on_press(Message::Start(Whom::Person(user.clone()))),
            );
        }
        Some(strip(words, actions.into(), style::danger_banner))
    }
}

fn action<'a>(label: String, message: Message) -> Element<'a, Message> {
    button(text(label)).on_press(message).into()
}

/// A full-width banner: words on the left, actions on the right.
pub fn strip<'a, M: 'a>(
    words: String,
    actions: Element<'a, M>,
    look: fn(&iced::Theme) -> iced::widget::container::Style,
) -> Element<'a, M> {
    let line = row![text(words).size(14).width(Length::Fill), actions]
        .spacing(12)
        .align_y(Alignment::Center);
    iced::widget::container(line).padding([8, 12]).width(Length::Fill).style(look).into()
}
