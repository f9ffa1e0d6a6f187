//! The recovery dialog: setting up (or changing) the recovery key, shown once and confirmed by
//! typing part of it back; and entering it on a new session to bring back the account's
//! secrets and history.

use crate::ui::failure::Failure;
use std::sync::Arc;

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Element, Font, Length};

use crate::fl;
use crate::model::recovery::{confirms, format_key, group_count};
use crate::secret::{Password, RecoveryKey, SecretText};
use crate::ui::widget::style;

/// The field where the key (or a part of it) is typed.
pub const FIELD: &str = "recovery-field";

#[derive(Debug)]
pub enum Recovery {
    /// The core is at work; the words say on what.
    Working(String),
    /// The new key, shown this once; what became of a copy or a save, in words.
    Showing { key: Arc<RecoveryKey>, replaced: bool, outcome: Option<Result<String, Failure>> },
    /// The user types back group `group` (from 0) of the key.
    Confirming { key: Arc<RecoveryKey>, group: usize, typed: SecretText, wrong: bool },
    /// The user types the key to recover this session.
    Entering { typed: SecretText, error: Option<String> },
    /// Everything lost: the warning, and the password the server asks before a new identity.
    Resetting { typed: SecretText, error: Option<String> },
    /// Finished, with what to tell.
    Done(String),
}

#[derive(Debug, Clone)]
pub enum Message {
    /// A new key from the core (set up or changed), or why not.
    Generated(Result<Arc<RecoveryKey>, Failure>, bool),
    Copy,
    /// The key is on the clipboard (for a minute), or why not.
    Copied(Result<(), Failure>),
    /// Save the key to a file the person chooses (a USB stick, a password manager's import).
    Save,
    /// Where the key was saved (`None`: the person cancelled), or why it was not.
    Saved(Result<Option<String>, Failure>),
    /// "I have stored it": on to typing part of it back.
    Stored,
    Typed(SecretText),
    Check,
    /// Back to the key, for someone who did not store it after all.
    ShowAgain,
    Recover,
    Recovered(Result<(), Failure>),
    /// "Reset my identity", with the password typed.
    Reset,
    /// The reset did not happen (a wrong password): back to the form.
    ResetRefused(Failure),
    Close,
}

/// What the dialog asks of the home screen.
#[derive(Debug, Clone)]
pub enum Event {
    /// Put this key on the clipboard, as a secret.
    Copy(Arc<RecoveryKey>),
    /// Write this key to a file the person picks.
    Save(Arc<RecoveryKey>),
    /// Recover this session with this key.
    Recover(Arc<RecoveryKey>),
    /// Make a new identity (and recovery key), confirmed with this password.
    ResetIdentity(Password),
    Close,
}

impl Recovery {
    /// Waiting for a new key (set up, or changed).
    pub fn generating() -> Self {
        Self::Working(fl!("recovery-ui-generating"))
    }

    /// Asking for the key, to recover this session.
    pub fn entering() -> Self {
        Self::Entering { typed: SecretText::default(), error: None }
    }

    /// Warning about, then confirming, a new identity.
    pub fn resetting() -> Self {
        Self::Resetting { typed: SecretText::default(), error: None }
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Generated(Ok(key), replaced) => {
                *self = Self::Showing { key, replaced, outcome: None };
            }
            Message::ResetRefused(error) => {
                *self = Self::Resetting {
                    typed: SecretText::default(),
                    error: Some(error.to_string()),
                };
            }
            Message::Generated(Err(error), _) => *self = Self::Done(error.to_string()),
            Message::Copy => return self.copy().map(Event::Copy),
            Message::Copied(done) => self.outcome(done.map(|()| fl!("recovery-ui-copied"))),
            Message::Save => return self.copy().map(Event::Save),
            Message::Saved(Ok(None)) => {}
            Message::Saved(saved) => {
                self.outcome(
                    saved.map(|path| fl!("recovery-ui-saved", path = path.unwrap_or_default())),
                );
            }
            Message::Stored => self.ask_back(),
            Message::Typed(typed) => self.typed(typed),
            Message::Check => self.check(),
            Message::ShowAgain => self.show_again(),
            Message::Recover => return self.recover(),
            Message::Recovered(Ok(())) => *self = Self::Done(fl!("recovery-ui-recovered")),
            Message::Recovered(Err(error)) => {
                *self =
                    Self::Entering { typed: SecretText::default(), error: Some(error.to_string()) };
            }
            Message::Reset => return self.reset(),
            Message::Close => return Some(Event::Close),
        }
        None
    }

    /// The key, while it is shown.
    fn copy(&self) -> Option<Arc<RecoveryKey>> {
        let Self::Showing { key, .. } = self else { return None };
        Some(key.clone())
    }

    fn outcome(&mut self, said: Result<String, Failure>) {
        if let Self::Showing { outcome, .. } = self {
            *outcome = Some(said);
        }
    }

    /// Asks for one group of the key, chosen at random so it cannot be guessed in advance.
    fn ask_back(&mut self) {
        let Self::Showing { key, .. } = self else { return };
        let group = rand::random_range(0..group_count(key.expose()).max(1));
        *self = Self::Confirming {
            key: key.clone(),
            group,
            typed: SecretText::default(),
            wrong: false,
        };
    }

    fn show_again(&mut self) {
        if let Self::Confirming { key, .. } = self {
            *self = Self::Showing { key: key.clone(), replaced: false, outcome: None };
        }
    }

    fn typed(&mut self, new: SecretText) {
        match self {
            Self::Confirming { typed, wrong, .. } => {
                *typed = new;
                *wrong = false;
            }
            Self::Entering { typed, error } | Self::Resetting { typed, error } => {
                *typed = new;
                *error = None;
            }
            _ => {}
        }
    }

    fn check(&mut self) {
        let Self::Confirming { key, group, typed, wrong } = self else { return };
        if confirms(key.expose(), typed.expose(), *group) {
            *self = Self::Done(fl!("recovery-ui-stored"));
        } else {
            *wrong = true;
        }
    }

    fn recover(&mut self) -> Option<Event> {
        let Self::Entering { typed, .. } = self else { return None };
        if typed.expose().trim().is_empty() {
            return None;
        }
        let key = Arc::new(typed.take_recovery_key());
        *self = Self::Working(fl!("recovery-ui-recovering"));
        Some(Event::Recover(key))
    }

    fn reset(&mut self) -> Option<Event> {
        let Self::Resetting { typed, .. } = self else { return None };
        if typed.is_empty() {
            return None;
        }
        let password = typed.take_password();
        *self = Self::Working(fl!("recovery-ui-resetting"));
        Some(Event::ResetIdentity(password))
    }

    pub fn view(&self) -> Element<'_, Message> {
        let body = match self {
            Self::Working(what) => column![text(what.clone())],
            Self::Showing { key, replaced, outcome } => showing(key, *replaced, outcome.as_ref()),
            Self::Confirming { group, typed, wrong, .. } => confirming(*group, typed, *wrong),
            Self::Entering { typed, error } => entering(typed, error.as_deref()),
            Self::Resetting { typed, error } => resetting(typed, error.as_deref()),
            Self::Done(words) => column![
                text(words.clone()),
                button(text(fl!("settings-close"))).on_press(Message::Close)
            ],
        };
        let title = text(fl!("recovery-ui-title")).size(20);
        style::modal(column![title, body.spacing(12)].spacing(14), 560.0, style::dialog_plain)
    }
}

fn showing<'a>(
    key: &'a RecoveryKey,
    replaced: bool,
    outcome: Option<&'a Result<String, Failure>>,
) -> iced::widget::Column<'a, Message> {
    let intro = if replaced { fl!("recovery-ui-new-key") } else { fl!("recovery-ui-key") };
    let shown = text(format_key(key.expose()).to_string()).font(Font::MONOSPACE).size(18);
    let said: Option<Element<'a, Message>> = match outcome {
        Some(Ok(words)) => Some(text(words.clone()).size(13).style(style::safe_text).into()),
        Some(Err(error)) => Some(style::error_box(error)),
        None => None,
    };
    column![
        text(intro),
        container(shown).padding(12).width(Length::Fill).style(style::quote),
        row![
            button(text(fl!("recovery-ui-copy"))).style(button::secondary).on_press(Message::Copy),
            button(text(fl!("recovery-ui-save"))).style(button::secondary).on_press(Message::Save),
            button(text(fl!("recovery-ui-stored-it"))).on_press(Message::Stored),
        ]
        .spacing(8),
    ]
    .extend(said)
}

fn confirming(group: usize, typed: &SecretText, wrong: bool) -> iced::widget::Column<'_, Message> {
    let number = group + 1;
    let ask = fl!("recovery-ui-type-group", number = number);
    // Shown as typed: a group of four characters is checked by eye while it is typed.
    let field = text_input("", typed.expose())
        .id(FIELD)
        .on_input(|text| Message::Typed(SecretText::new(text)))
        .on_submit(Message::Check)
        .font(Font::MONOSPACE)
        .padding(8);
    let mut body = column![text(ask), field];
    if wrong {
        body = body.push(text(fl!("recovery-ui-group-wrong")).color(style::DANGER));
    }
    body.push(
        row![
            button(text(fl!("recovery-ui-check"))).on_press(Message::Check),
            button(text(fl!("recovery-ui-show-again")))
                .style(button::secondary)
                .on_press(Message::ShowAgain),
        ]
        .spacing(8),
    )
}

fn entering<'a>(
    typed: &'a SecretText,
    error: Option<&'a str>,
) -> iced::widget::Column<'a, Message> {
    let placeholder = fl!("recovery-ui-key-placeholder");
    let field = crate::ui::widget::secret_field::field(
        FIELD,
        &placeholder,
        typed,
        Message::Typed,
        Message::Recover,
    )
    .font(Font::MONOSPACE);
    let mut body = column![text(fl!("recovery-ui-enter")), field];
    if let Some(error) = error {
        body = body.push(style::error_box(error));
    }
    body.push(
        row![
            button(text(fl!("recovery-ui-recover"))).on_press(Message::Recover),
            button(text(fl!("consent-cancel"))).style(button::secondary).on_press(Message::Close),
        ]
        .spacing(8),
    )
}

/// What a reset costs, said before anything happens, and the password to go ahead.
fn resetting<'a>(
    typed: &'a SecretText,
    error: Option<&'a str>,
) -> iced::widget::Column<'a, Message> {
    let placeholder = fl!("sessions-ui-password");
    let field = crate::ui::widget::secret_field::field(
        FIELD,
        &placeholder,
        typed,
        Message::Typed,
        Message::Reset,
    );
    let mut part = column![
        container(text(fl!("recovery-ui-reset-warning"))).padding(10).style(style::danger_banner),
        field,
    ];
    if let Some(error) = error {
        part = part.push(style::error_box(error));
    }
    part.push(
        row![
            button(text(fl!("recovery-ui-reset"))).style(button::danger).on_press(Message::Reset),
            button(text(fl!("sessions-ui-cancel")))
                .style(button::secondary)
                .on_press(Message::Close),
        ]
        .spacing(8),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_test::simulator;

    const KEY: &str = "EsTc 1234 abcd EFGH";

    fn typed(text: &str) -> Message {
        Message::Typed(SecretText::new(text.into()))
    }

    /// Review L5: neither the typed key nor a typed password shows in a `Debug` of the
    /// dialog, its messages or its events.
    #[test]
    fn what_is_typed_never_shows_in_debug_output() {
        let mut dialog = Recovery::entering();
        let message = typed(KEY);
        assert!(!format!("{message:?}").contains("1234"));
        dialog.update(message);
        assert!(!format!("{dialog:?}").contains("1234"));
        let event = dialog.update(Message::Recover);
        assert!(!format!("{event:?}").contains("1234"));
        let mut reset = Recovery::resetting();
        reset.update(typed("hunter2"));
        assert!(!format!("{:?}", reset.update(Message::Reset)).contains("hunter2"));
    }

    #[test]
    fn a_reset_warns_first_and_goes_only_with_the_password() {
        let mut dialog = Recovery::resetting();
        {
            let mut ui = simulator(dialog.view());
            assert!(ui.find(fl!("recovery-ui-reset-warning").as_str()).is_ok());
        }
        assert!(dialog.update(Message::Reset).is_none(), "no password, no reset");
        dialog.update(typed("secret"));
        let sent = dialog.update(Message::Reset);
        assert!(matches!(sent, Some(Event::ResetIdentity(p)) if p.expose() == "secret"));
        dialog.update(Message::ResetRefused(crate::matrix::MatrixError::WrongPassword.into()));
        let wrong = crate::matrix::MatrixError::WrongPassword.to_string();
        assert!(
            matches!(&dialog, Recovery::Resetting { error: Some(e), typed } if *e == wrong && typed.is_empty())
        );
    }

    #[test]
    fn a_new_key_is_shown_then_confirmed_by_typing_part_of_it_back() {
        let mut dialog = Recovery::generating();
        let key = Arc::new(RecoveryKey::new(KEY.into()));
        dialog.update(Message::Generated(Ok(key), false));
        {
            let mut ui = simulator(dialog.view());
            assert!(ui.find("EsTc 1234 abcd EFGH").is_ok(), "the key is shown, grouped");
        }
        assert!(matches!(dialog.update(Message::Copy), Some(Event::Copy(k)) if k.expose() == KEY));
        dialog.update(Message::Stored);
        let Recovery::Confirming { group, .. } = dialog else { panic!("asks for a group") };
        dialog.update(typed("zzzz"));
        dialog.update(Message::Check);
        assert!(matches!(dialog, Recovery::Confirming { wrong: true, .. }));
        let right = KEY.split(' ').nth(group).unwrap();
        dialog.update(typed(&right.to_lowercase()));
        dialog.update(Message::Check);
        assert!(
            matches!(dialog, Recovery::Confirming { wrong: true, .. })
                || right == right.to_lowercase(),
            "case counts"
        );
        dialog.update(typed(right));
        dialog.update(Message::Check);
        assert!(matches!(dialog, Recovery::Done(_)));
    }

    #[test]
    fn recovering_sends_the_typed_key_and_a_refusal_is_shown_in_words() {
        let mut dialog = Recovery::entering();
        assert!(dialog.update(Message::Recover).is_none(), "nothing typed, nothing sent");
        dialog.update(typed(&format!("  {KEY}\n")));
        let Some(Event::Recover(key)) = dialog.update(Message::Recover) else {
            panic!("the key goes to the core")
        };
        assert_eq!(key.expose(), KEY);
        dialog.update(Message::Recovered(Err(crate::matrix::MatrixError::WrongRecoveryKey.into())));
        let mut ui = simulator(dialog.view());
        assert!(ui.find(fl!("error-recovery-wrong-key").as_str()).is_ok());
    }
}
