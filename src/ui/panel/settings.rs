//! The settings panel: the account's display name and picture, the app's language, theme and
//! notifications, and the two ways out (log out; log out and wipe this device).

use crate::ui::failure::Failure;
use crate::ui::panel::keywords::{self, Keywords};
use iced::widget::{Column, button, column, image, row, text, text_input, toggler};
use iced::{Alignment, Element};

use crate::fl;
use crate::model::recovery::{RecoveryState, TrustStatus};
use crate::preferences::{LanguageChoice, Preferences, ThemeChoice};
use crate::profile::Neighbour;
use crate::ui::widget::password::{self, ChangePassword};
use crate::ui::widget::style;

/// The display name field, so the panel can put the cursor in it.
pub const NAME: &str = "settings-name";

pub struct Settings {
    preferences: Preferences,
    /// What the name field holds.
    name: String,
    /// The name the server has, once it answered.
    saved_name: Option<String>,
    /// The outcome of the last name change: `Ok` says it is saved, `Err` why not.
    outcome: Option<Result<(), Failure>>,
    /// A new picture is being chosen, drawn or published.
    avatar_busy: bool,
    /// Why the last change of picture failed.
    avatar_problem: Option<Failure>,
    /// The other accounts (profiles) on this computer.
    neighbours: Vec<Neighbour>,
    /// Why another account's window could not be opened, or a setting not kept.
    problem: Option<Failure>,
    /// Verified-only sending: on or off, and whether the organisation has locked it.
    verified_only: (bool, bool),
    /// Starting at login: on or off, and whether the organisation has locked it.
    start_at_login: (bool, bool),
    /// Recovery and this session's trust, once the core has answered.
    trust: Option<Result<TrustStatus, Failure>>,
    /// The password form, while open (it shows instead of the panel).
    password: Option<ChangePassword>,
    /// The organisation turned reactions off.
    reactions_off: bool,
    /// The account's notification keywords.
    keywords: Keywords,
}

#[derive(Debug, Clone)]
pub enum Message {
    NameLoaded(Result<Option<String>, Failure>),
    NameEdited(String),
    SaveName,
    NameSaved(Result<(), Failure>),
    ChooseAvatar,
    RemoveAvatar,
    /// What became of a change of picture.
    AvatarChanged(Result<AvatarChange, Failure>),
    Theme(ThemeChoice),
    Language(LanguageChoice),
    Notifications(bool),
    /// Do not disturb for this many minutes (`None`: notify again now).
    Quiet(Option<u64>),
    /// Open this profile's window; `None`: a new profile, for another account.
    OpenProfile(Option<String>),
    /// Opening another account's window failed, or a setting could not be kept.
    Failed(Failure),
    VerifiedOnly(bool),
    StartAtLogin(bool),
    OpenSessions,
    /// Where recovery and this session's trust stand.
    Trust(Result<TrustStatus, Failure>),
    /// Set up recovery, or change its key (`true`).
    NewRecoveryKey(bool),
    /// Bring this session's secrets back with the recovery key.
    EnterRecoveryKey,
    /// Everything is lost: make a new identity.
    ResetIdentity,
    OpenPassword,
    Password(password::Message),
    LogOut {
        wipe: bool,
    },
    Keywords(keywords::Message),
    Close,
}

/// A change of the account's picture, once done.
#[derive(Debug, Clone)]
pub enum AvatarChange {
    /// This picture is published, already cut round to show.
    Published(image::Handle),
    Removed,
    /// The person closed the file dialog without choosing.
    Kept,
}

/// What the panel asks of the home screen and the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Apply and keep these preferences.
    Changed(Preferences),
    /// Set this display name on the server (the answer comes back as `NameSaved`).
    SaveName(String),
    /// Ask for a picture and publish it (the answer comes back as `AvatarChanged`).
    ChooseAvatar,
    RemoveAvatar,
    /// Open another profile's window (`None`: a new one).
    OpenProfile(Option<String>),
    /// Set up recovery, or (`true`) replace its key.
    NewRecoveryKey(bool),
    EnterRecoveryKey,
    ResetIdentity,
    /// Keep this choice of verified-only sending.
    VerifiedOnly(bool),
    /// Keep this choice of starting at login, and write or remove the login entry.
    StartAtLogin(bool),
    OpenSessions,
    /// Change the account's password (the answer comes back as `Password(Done(..))`).
    ChangePassword {
        current: crate::secret::Password,
        new: crate::secret::Password,
        sign_out_others: bool,
    },
    /// Put the cursor in this field.
    Focus(&'static str),
    LogOut {
        wipe: bool,
    },
    /// Add or remove a keyword (the list comes back as `Keywords(Loaded)`).
    Keywords(keywords::Event),
    Close,
}

impl Settings {
    /// The panel, until the server says what the display name is (`NameLoaded`).
    pub fn new(preferences: Preferences, neighbours: Vec<Neighbour>) -> Self {
        Self {
            preferences,
            name: String::new(),
            saved_name: None,
            outcome: None,
            avatar_busy: false,
            avatar_problem: None,
            neighbours,
            problem: None,
            verified_only: (false, false),
            start_at_login: (false, false),
            trust: None,
            password: None,
            reactions_off: false,
            keywords: Keywords::default(),
        }
    }

    /// Says in the privacy section whether the organisation turned reactions off.
    pub fn reactions(mut self, on: bool) -> Self {
        self.reactions_off = !on;
        self
    }

    /// Shows verified-only sending as the policy has it now.
    pub fn verified_only(
        mut self,
        setting: &crate::policy::Setting<crate::policy::VerifiedOnly>,
    ) -> Self {
        self.verified_only = (setting.value.is_on(), setting.locked());
        self
    }

    /// Shows starting at login as the policy has it now.
    pub fn start_at_login(
        mut self,
        setting: &crate::policy::Setting<crate::policy::Switch>,
    ) -> Self {
        self.start_at_login = (setting.value == crate::policy::Switch::On, setting.locked());
        self
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::NameLoaded(Ok(name)) => {
                self.name = name.clone().unwrap_or_default();
                self.saved_name = name;
            }
            Message::NameLoaded(Err(error)) | Message::NameSaved(Err(error)) => {
                self.outcome = Some(Err(error));
            }
            Message::NameEdited(name) => {
                self.name = name;
                self.outcome = None;
            }
            Message::SaveName => return self.save_name(),
            Message::NameSaved(Ok(())) => {
                self.saved_name = Some(self.name.trim().to_owned());
                self.outcome = Some(Ok(()));
            }
            Message::ChooseAvatar => return self.change_avatar(Event::ChooseAvatar),
            Message::RemoveAvatar => return self.change_avatar(Event::RemoveAvatar),
            Message::AvatarChanged(outcome) => {
                self.avatar_busy = false;
                self.avatar_problem = outcome.err();
            }
            Message::Theme(theme) => return self.change(|p| p.theme = theme),
            Message::Language(language) => return self.change(|p| p.language = language),
            Message::Notifications(on) => return self.change(|p| p.notifications = on),
            Message::Quiet(minutes) => {
                let until = minutes.map(|m| crate::preferences::now_ms() + m * 60_000);
                return self.change(|p| p.quiet_until = until);
            }
            Message::OpenProfile(name) => return Some(Event::OpenProfile(name)),
            Message::Failed(error) => self.problem = Some(error),
            Message::Trust(trust) => self.trust = Some(trust),
            Message::NewRecoveryKey(replace) => return Some(Event::NewRecoveryKey(replace)),
            Message::EnterRecoveryKey => return Some(Event::EnterRecoveryKey),
            Message::ResetIdentity => return Some(Event::ResetIdentity),
            Message::VerifiedOnly(on) => {
                self.verified_only.0 = on;
                return Some(Event::VerifiedOnly(on));
            }
            Message::StartAtLogin(on) => {
                self.start_at_login.0 = on;
                return Some(Event::StartAtLogin(on));
            }
            Message::OpenSessions => return Some(Event::OpenSessions),
            Message::OpenPassword => {
                self.password = Some(ChangePassword::default());
                return Some(Event::Focus(ChangePassword::FIRST));
            }
            Message::Password(message) => return self.password_message(message),
            Message::LogOut { wipe } => return Some(Event::LogOut { wipe }),
            Message::Close => return Some(Event::Close),
            Message::Keywords(message) => {
                return self.keywords.update(message).map(Event::Keywords);
            }
        }
        None
    }

    fn password_message(&mut self, message: password::Message) -> Option<Event> {
        match self.password.as_mut()?.update(message)? {
            password::Event::Change { current, new, sign_out_others } => {
                Some(Event::ChangePassword { current, new, sign_out_others })
            }
            password::Event::Focus(field) => Some(Event::Focus(field)),
            password::Event::Close => {
                self.password = None;
                None
            }
        }
    }

    fn change(&mut self, edit: impl FnOnce(&mut Preferences)) -> Option<Event> {
        edit(&mut self.preferences);
        Some(Event::Changed(self.preferences))
    }

    /// One change of picture at a time.
    fn change_avatar(&mut self, event: Event) -> Option<Event> {
        if self.avatar_busy {
            return None;
        }
        self.avatar_busy = true;
        self.avatar_problem = None;
        Some(event)
    }

    /// Nothing to send when the name is what the server already has.
    fn save_name(&mut self) -> Option<Event> {
        let name = self.name.trim();
        (Some(name) != self.saved_name.as_deref()).then(|| Event::SaveName(name.to_owned()))
    }

    /// The panel; `picture` is the account's, when it has one.
    pub fn view<'a>(
        &'a self,
        user: &str,
        device: &str,
        picture: Option<&'a image::Handle>,
    ) -> Element<'a, Message> {
        if let Some(form) = &self.password {
            return form.view().map(Message::Password);
        }
        let panel = column![
            text(fl!("settings-title")).size(22),
            self.account(user, device, picture),
            self.appearance(),
            column![self.security(), self.sessions_and_sending()].spacing(6),
            self.notifications(),
            self.privacy(),
            self.accounts(),
            self.leaving(),
            row![
                iced::widget::space::horizontal(),
                button(text(fl!("settings-close")))
                    .style(button::secondary)
                    .on_press(Message::Close),
            ],
        ]
        .spacing(18);
        // Taller than a small laptop's window: it scrolls rather than losing its last sections.
        let panel = iced::widget::scrollable(panel.padding(iced::Padding::ZERO.right(12)));
        style::modal(panel, 560.0, style::dialog_plain)
    }

    fn account<'a>(
        &'a self,
        user: &str,
        device: &str,
        picture: Option<&'a image::Handle>,
    ) -> Element<'a, Message> {
        let field = text_input(&fl!("settings-name-placeholder"), &self.name)
            .id(NAME)
            .on_input(Message::NameEdited)
            .on_submit(Message::SaveName)
            .padding(6);
        let save = button(text(fl!("settings-name-save"))).on_press(Message::SaveName);
        let mut section = column![
            heading(fl!("settings-section-account")),
            text(fl!("settings-account", user = user, device = device)).size(13),
            self.picture(user, picture),
            text(fl!("settings-name")).size(13),
            row![field, save].spacing(8).align_y(Alignment::Center),
        ]
        .spacing(6);
        match &self.outcome {
            Some(Ok(())) => section = section.push(text(fl!("settings-name-saved")).size(12)),
            Some(Err(error)) => section = section.push(style::error_box(error)),
            None => {}
        }
        section
            .push(text(fl!("settings-profile-public")).size(12).style(style::caution_text))
            .into()
    }

    /// The picture, and the way to change or remove it.
    fn picture<'a>(
        &'a self,
        user: &str,
        picture: Option<&'a image::Handle>,
    ) -> Element<'a, Message> {
        let idle = |message| (!self.avatar_busy).then_some(message);
        let choose =
            button(text(fl!("settings-avatar-choose"))).on_press_maybe(idle(Message::ChooseAvatar));
        let mut buttons = row![choose].spacing(8);
        if picture.is_some() {
            let remove = button(text(fl!("settings-avatar-remove")))
                .style(button::secondary)
                .on_press_maybe(idle(Message::RemoveAvatar));
            buttons = buttons.push(remove);
        }
        let mut side = column![text(fl!("settings-avatar")).size(13), buttons].spacing(6);
        if self.avatar_busy {
            side = side.push(text(fl!("settings-avatar-busy")).size(12).color(style::MUTED));
        }
        if let Some(error) = &self.avatar_problem {
            side = side.push(style::error_box(error));
        }
        row![style::picture(picture, user, 72.0), side]
            .spacing(14)
            .align_y(Alignment::Center)
            .into()
    }

    fn appearance(&self) -> Element<'_, Message> {
        let theme = self.preferences.theme;
        let themes = [
            (ThemeChoice::System, fl!("settings-theme-system")),
            (ThemeChoice::Light, fl!("settings-theme-light")),
            (ThemeChoice::Dark, fl!("settings-theme-dark")),
        ]
        .map(|(value, label)| choice(label, value == theme, Message::Theme(value)));
        let language = self.preferences.language;
        let languages = [
            (LanguageChoice::System, fl!("settings-language-system")),
            (LanguageChoice::English, "English".to_owned()),
            (LanguageChoice::French, "Français".to_owned()),
        ]
        .map(|(value, label)| choice(label, value == language, Message::Language(value)));
        column![
            heading(fl!("settings-section-appearance")),
            text(fl!("settings-language")).size(13),
            row(languages).spacing(4),
            text(fl!("settings-theme")).size(13),
            row(themes).spacing(4),
        ]
        .spacing(6)
        .into()
    }

    fn notifications(&self) -> Element<'_, Message> {
        let switch = toggler(self.preferences.notifications)
            .label(fl!("settings-notifications-toggle"))
            .on_toggle(Message::Notifications);
        column![
            heading(fl!("settings-section-notifications")),
            switch,
            text(fl!("settings-notifications-note")).size(12).color(style::MUTED),
            self.quiet(),
            self.keywords.view().map(Message::Keywords),
            self.login_start(),
        ]
        .spacing(6)
        .into()
    }

    /// "Start Estafette when I log in", unless the organisation decided it.
    fn login_start(&self) -> Element<'_, Message> {
        let (on, locked) = self.start_at_login;
        let mut switch = toggler(on).label(fl!("settings-start-at-login"));
        if !locked {
            switch = switch.on_toggle(Message::StartAtLogin);
        }
        let mut part = column![switch].spacing(4);
        if locked {
            part = part.push(text(fl!("settings-locked")).size(12).style(style::caution_text));
        }
        part.push(text(fl!("settings-start-at-login-note")).size(12).color(style::MUTED)).into()
    }

    /// Do not disturb: off, or until when, with the ways to set it for a while.
    fn quiet(&self) -> Element<'_, Message> {
        let now = crate::preferences::now_ms();
        let state = match self.preferences.quiet_until.filter(|_| self.preferences.quiet(now)) {
            Some(until) => {
                let until = crate::model::time::moment(until, crate::model::time::today());
                fl!("quiet-until", until = until)
            }
            None => fl!("quiet-off"),
        };
        let choice = |label: String, minutes: Option<u64>| {
            button(text(label).size(12))
                .style(button::secondary)
                .padding([2, 8])
                .on_press(Message::Quiet(minutes))
        };
        let mut line = row![text(state).size(13)].spacing(8).align_y(iced::Alignment::Center);
        line = line.push(choice(fl!("quiet-hour"), Some(60)));
        line = line.push(choice(fl!("quiet-day"), Some(8 * 60)));
        if self.preferences.quiet(now) {
            line = line.push(choice(fl!("quiet-stop"), None));
        }
        line.into()
    }

    /// Recovery and this session's trust, with the one action each state calls for.
    fn security(&self) -> Element<'_, Message> {
        let mut section = column![heading(fl!("settings-section-security"))].spacing(6);
        let trust = match &self.trust {
            None => return section.push(text(fl!("settings-security-checking")).size(13)).into(),
            Some(Err(error)) => return section.push(style::error_box(error)).into(),
            Some(Ok(trust)) => trust,
        };
        let (words, action) = match trust.recovery {
            RecoveryState::Enabled => (
                fl!("settings-recovery-enabled"),
                Some((fl!("settings-recovery-change"), Message::NewRecoveryKey(true), false)),
            ),
            RecoveryState::Disabled => (
                fl!("settings-recovery-disabled"),
                Some((fl!("settings-recovery-set-up"), Message::NewRecoveryKey(false), true)),
            ),
            RecoveryState::Incomplete => (
                fl!("settings-recovery-incomplete"),
                Some((fl!("settings-recovery-enter"), Message::EnterRecoveryKey, true)),
            ),
            RecoveryState::Unknown => (fl!("settings-recovery-unknown"), None),
        };
        section = section.push(text(words).size(13));
        if let Some((label, message, urgent)) = action {
            let look = if urgent { button::primary } else { button::secondary };
            section = section.push(button(text(label)).style(look).on_press(message));
        }
        let session = if trust.session_verified {
            text(fl!("settings-session-verified")).size(13).style(style::safe_text)
        } else {
            text(fl!("settings-session-unverified")).size(13).style(style::caution_text)
        };
        section.push(session).into()
    }

    /// The way to the sessions panel, and who may read what this account sends.
    fn sessions_and_sending(&self) -> Element<'_, Message> {
        let manage = button(text(fl!("settings-sessions-manage")))
            .style(button::secondary)
            .on_press(Message::OpenSessions);
        let (on, locked) = self.verified_only;
        let mut switch = toggler(on).label(fl!("settings-verified-only"));
        if !locked {
            switch = switch.on_toggle(Message::VerifiedOnly);
        }
        let reset = button(text(fl!("recovery-ui-reset-open")))
            .style(button::danger)
            .on_press(Message::ResetIdentity);
        let password = button(text(fl!("password-open")))
            .style(button::secondary)
            .on_press(Message::OpenPassword);
        let mut part = column![row![manage, password].spacing(8), reset, switch].spacing(6);
        if locked {
            part = part.push(text(fl!("settings-locked")).size(12).style(style::caution_text));
        }
        part.push(text(fl!("settings-verified-only-note")).size(12).color(style::MUTED)).into()
    }

    /// What the server sees of what one does, though messages are encrypted: reactions,
    /// read receipts and typing notices travel in clear in Matrix.
    fn privacy(&self) -> Element<'_, Message> {
        let mut section = column![
            heading(fl!("settings-section-privacy")),
            text(fl!("settings-privacy-reactions")).size(13),
            text(fl!("settings-privacy-receipts")).size(13),
            text(fl!("settings-privacy-typing")).size(13),
        ]
        .spacing(6);
        if self.reactions_off {
            let off = text(fl!("settings-privacy-reactions-off")).size(12);
            section = section.push(off.style(style::caution_text));
        }
        section.into()
    }

    /// The other accounts on this computer, each opening in a window of its own.
    fn accounts(&self) -> Element<'_, Message> {
        let others = crate::ui::panel::accounts::list(&self.neighbours, |name| {
            Message::OpenProfile(Some(name))
        });
        let mut section = column![heading(fl!("settings-section-accounts")), others].spacing(6);
        let add = button(text(fl!("settings-account-add"))).on_press(Message::OpenProfile(None));
        section = section.push(add);
        if let Some(error) = &self.problem {
            section = section.push(style::error_box(error));
        }
        section.into()
    }

    fn leaving(&self) -> Element<'_, Message> {
        let buttons = row![
            button(text(fl!("settings-logout"))).on_press(Message::LogOut { wipe: false }),
            button(text(fl!("settings-logout-wipe")))
                .style(button::danger)
                .on_press(Message::LogOut { wipe: true }),
        ]
        .spacing(8);
        Column::new()
            .push(heading(fl!("settings-section-session")))
            .push(buttons)
            .push(text(fl!("settings-logout-wipe-note")).size(12).color(style::MUTED))
            .spacing(6)
            .into()
    }
}

/// One option of a choice, highlighted when it is the current one.
fn choice<'a>(label: String, selected: bool, message: Message) -> Element<'a, Message> {
    let look = if selected { button::primary } else { button::secondary };
    button(text(label)).style(look).padding([4, 12]).on_press(message).into()
}

fn heading<'a>(label: String) -> Element<'a, Message> {
    text(label).size(16).font(iced::Font { weight: iced::font::Weight::Bold, ..style::UI }).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    #[test]
    fn choosing_dark_and_french_is_reported_to_be_kept() {
        let mut settings = Settings::new(Preferences::default(), Vec::new());
        let clicked: Vec<_> = {
            let mut ui = simulator(settings.view("@anne:x", "DEV", None));
            assert!(ui.find(fl!("settings-theme-light").as_str()).is_ok());
            let _ = ui.click(fl!("settings-theme-dark").as_str());
            let _ = ui.click("Français");
            ui.into_messages().collect()
        };
        let mut last = None;
        for message in clicked {
            last = settings.update(message).or(last);
        }
        let Some(Event::Changed(chosen)) = last else { panic!("a change is reported") };
        assert_eq!((chosen.theme, chosen.language), (ThemeChoice::Dark, LanguageChoice::French));
    }

    #[test]
    fn do_not_disturb_silences_for_an_hour_and_can_be_ended() {
        let mut settings = Settings::new(Preferences::default(), Vec::new());
        let clicked: Vec<_> = {
            let view = settings.view("@anne:x", "DEV", None);
            let mut ui =
                iced_test::Simulator::with_size(Default::default(), (1024.0, 1600.0), view);
            assert!(ui.find(fl!("quiet-off").as_str()).is_ok());
            assert!(ui.click(fl!("quiet-hour").as_str()).is_ok());
            ui.into_messages().collect()
        };
        let before = crate::preferences::now_ms();
        let changed: Vec<Event> = clicked.into_iter().filter_map(|m| settings.update(m)).collect();
        let [Event::Changed(chosen)] = changed.as_slice() else { panic!("{changed:?}") };
        let until = chosen.quiet_until.expect("silenced");
        assert!(until >= before + 3_600_000 && chosen.quiet(before + 3_500_000), "{until}");
        let Some(Event::Changed(again)) = settings.update(Message::Quiet(None)) else {
            panic!("ended")
        };
        assert!(!again.quiet(before));
    }

    #[test]
    fn other_accounts_are_listed_and_open_in_their_own_window() {
        let neighbours = vec![Neighbour { name: "work".into(), user_id: Some("@anne:x".into()) }];
        let mut settings = Settings::new(Preferences::default(), neighbours);
        let clicked: Vec<_> = {
            // A tall window: the accounts section is below the fold of a laptop's.
            let size = (1024.0, 1600.0);
            let view = settings.view("@me:x", "DEV", None);
            let mut ui = iced_test::Simulator::with_size(Default::default(), size, view);
            assert!(ui.find("@anne:x").is_ok());
            let _ = ui.click(fl!("settings-account-open").as_str());
            let _ = ui.click(fl!("settings-account-add").as_str());
            ui.into_messages().collect()
        };
        let events: Vec<_> = clicked.into_iter().filter_map(|m| settings.update(m)).collect();
        assert_eq!(events, [Event::OpenProfile(Some("work".into())), Event::OpenProfile(None)]);
    }

    fn trust(recovery: RecoveryState, session_verified: bool) -> TrustStatus {
        use crate::model::recovery::{BackupStatus, CrossSigningKeys};
        TrustStatus {
            recovery,
            backup: BackupStatus {
                enabled: true,
                exists_on_server: Some(true),
                all_keys_saved: None,
            },
            cross_signing: CrossSigningKeys {
                master: true,
                self_signing: true,
                user_signing: true,
            },
            session_verified,
        }
    }

    #[test]
    fn security_offers_the_one_action_each_recovery_state_calls_for() {
        let cases = [
            (RecoveryState::Disabled, "settings-recovery-set-up", Event::NewRecoveryKey(false)),
            (RecoveryState::Enabled, "settings-recovery-change", Event::NewRecoveryKey(true)),
            (RecoveryState::Incomplete, "settings-recovery-enter", Event::EnterRecoveryKey),
        ];
        for (state, label, expected) in cases {
            let mut settings = Settings::new(Preferences::default(), Vec::new());
            settings.update(Message::Trust(Ok(trust(state, false))));
            let clicked: Vec<_> = {
                let mut ui = simulator(settings.view("@me:x", "DEV", None));
                assert!(ui.find(fl!("settings-session-unverified").as_str()).is_ok());
                let label = match label {
                    "settings-recovery-set-up" => fl!("settings-recovery-set-up"),
                    "settings-recovery-change" => fl!("settings-recovery-change"),
                    _ => fl!("settings-recovery-enter"),
                };
                let _ = ui.click(label.as_str());
                ui.into_messages().collect()
            };
            let events: Vec<_> = clicked.into_iter().filter_map(|m| settings.update(m)).collect();
            assert_eq!(events, [expected]);
        }
    }

    #[test]
    fn the_display_name_is_saved_only_when_changed() {
        let mut settings = Settings::new(Preferences::default(), Vec::new());
        settings.update(Message::NameLoaded(Ok(Some("Anne".into()))));
        assert_eq!(settings.update(Message::SaveName), None, "unchanged: nothing to send");
        settings.update(Message::NameEdited("Anne Dupont ".into()));
        assert_eq!(settings.update(Message::SaveName), Some(Event::SaveName("Anne Dupont".into())));
        settings.update(Message::NameSaved(Ok(())));
        let mut ui = simulator(settings.view("@anne:x", "DEV", None));
        assert!(ui.find(fl!("settings-name-saved").as_str()).is_ok());
    }

    #[test]
    fn a_picture_is_changed_one_at_a_time_and_removed_only_when_there_is_one() {
        let mut settings = Settings::new(Preferences::default(), Vec::new());
        {
            let mut ui = simulator(settings.view("@anne:x", "DEV", None));
            assert!(ui.find(fl!("settings-profile-public").as_str()).is_ok());
            assert!(ui.find(fl!("settings-avatar-remove").as_str()).is_err(), "nothing to remove");
        }
        assert!(matches!(settings.update(Message::ChooseAvatar), Some(Event::ChooseAvatar)));
        assert!(settings.update(Message::ChooseAvatar).is_none(), "one change at a time");
        assert!(settings.update(Message::RemoveAvatar).is_none());
        let refused = crate::matrix::MatrixError::NotAPicture("a.txt".into());
        settings.update(Message::AvatarChanged(Err(refused.clone().into())));
        let picture = image::Handle::from_rgba(1, 1, vec![0, 0, 255, 255]);
        let clicked: Vec<_> = {
            let mut ui = simulator(settings.view("@anne:x", "DEV", Some(&picture)));
            assert!(ui.find(refused.to_string().as_str()).is_ok());
            let _ = ui.click(fl!("settings-avatar-remove").as_str());
            ui.into_messages().collect()
        };
        let events: Vec<_> = clicked.into_iter().filter_map(|m| settings.update(m)).collect();
        assert!(matches!(events[..], [Event::RemoveAvatar]), "{events:?}");
    }
}
