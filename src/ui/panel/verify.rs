//! The verification dialog: one flow, incoming or outgoing, from the request to "verified",
//! by seven emoji compared between two screens or by a QR code the other device scans. It
//! opens wherever the user is when a request arrives, and every stage says what to do next.

use crate::ui::failure::Failure;
use iced::widget::{Column, button, column, qr_code, row, text};
use iced::{Alignment, Element, Length};

use crate::fl;
use crate::model::verification::{Emoji, Method, Stage, Verification};
use crate::ui::widget::style;

pub struct VerifyDialog {
    state: Verification,
    /// Our own Matrix ID: a flow with it is between two sessions of this account.
    own_user: String,
    /// The code drawn from the payload the core gave, while it is shown.
    qr: Option<qr_code::Data>,
    /// A command sent and not answered yet: its buttons wait.
    busy: bool,
    error: Option<Failure>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Accept,
    StartEmoji,
    ShowQr,
    /// Read the other device's code from a picture.
    ScanPicture,
    /// Read the other device's code from the picture in the clipboard.
    ScanClipboard,
    /// Save the code we show as a picture (to send to a phone, or print).
    SaveQr,
    /// "They match".
    Match,
    /// "They don't match".
    Mismatch,
    /// The other device showed success after scanning our code.
    ScanConfirmed,
    Cancel,
    Close,
    /// The core answered a command.
    Answered(Result<(), Failure>),
}

/// What the dialog asks the core to do with its flow (by id), or to close it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Accept(String),
    StartEmoji(String),
    ShowQr(String),
    ScanPicture(String),
    ScanClipboard(String),
    /// Save this payload's code as a picture.
    SaveQr(Vec<u8>),
    Match(String),
    Mismatch(String),
    ScanConfirmed(String),
    Cancel(String),
    Close,
}

impl VerifyDialog {
    pub fn new(state: Verification, own_user: &str) -> Self {
        let mut dialog = Self {
            state: Verification::clone(&state),
            own_user: own_user.to_owned(),
            qr: None,
            busy: false,
            error: None,
        };
        dialog.set(state);
        dialog
    }

    /// The flow this dialog follows.
    pub fn id(&self) -> &str {
        &self.state.id
    }

    /// Whether the flow has ended (verified or stopped): another may take the dialog's place.
    pub fn is_over(&self) -> bool {
        self.state.stage.is_final()
    }

    /// The core says the flow moved on.
    pub fn set(&mut self, state: Verification) {
        self.qr = match &state.stage {
            Stage::ShowingQr(bytes) => qr_code::Data::new(bytes).ok(),
            _ => None,
        };
        self.busy = false;
        // An error said of the step before (an unreadable picture, say) is no longer news.
        if std::mem::discriminant(&state.stage) != std::mem::discriminant(&self.state.stage) {
            self.error = None;
        }
        self.state = state;
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        let id = self.state.id.clone();
        let event = match message {
            Message::Accept => Event::Accept(id),
            Message::StartEmoji => Event::StartEmoji(id),
            Message::ShowQr => Event::ShowQr(id),
            Message::ScanPicture => Event::ScanPicture(id),
            Message::ScanClipboard => Event::ScanClipboard(id),
            Message::SaveQr => match &self.state.stage {
                // Saving is no step of the flow: the buttons stay as they are.
                Stage::ShowingQr(bytes) => return Some(Event::SaveQr(bytes.clone())),
                _ => return None,
            },
            Message::Match => Event::Match(id),
            Message::Mismatch => Event::Mismatch(id),
            Message::ScanConfirmed => Event::ScanConfirmed(id),
            Message::Cancel => Event::Cancel(id),
            Message::Close => return Some(Event::Close),
            Message::Answered(outcome) => {
                self.busy = false;
                self.error = outcome.err();
                return None;
            }
        };
        self.busy = true;
        self.error = None;
        Some(event)
    }

    /// Who is on the other side, in words: "your other session" or the person's ID.
    fn other(&self) -> String {
        if self.state.is_own(&self.own_user) {
            match &self.state.other_device {
                Some(device) => fl!("verify-own-session-named", device = device.as_str()),
                None => fl!("verify-own-session"),
            }
        } else {
            self.state.other_user.clone()
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let title = if self.state.is_own(&self.own_user) {
            match &self.state.other_device {
                // We asked to verify that one; otherwise it is this session being verified.
                Some(device) if self.state.we_started => {
                    fl!("verify-title-own-other", device = device.as_str())
                }
                _ => fl!("verify-title-own"),
            }
        } else {
            fl!("verify-title-person", who = self.state.other_user.as_str())
        };
        let mut body = Column::new().spacing(14).push(text(title).size(20));
        body = body.push(self.stage());
        if let Some(error) = &self.error {
            body = body.push(style::error_box(error));
        }
        style::modal(body, 640.0, style::dialog_plain)
    }

    fn stage(&self) -> Element<'_, Message> {
        let who = self.other();
        match &self.state.stage {
            Stage::Requested if self.state.we_started => {
                waiting(fl!("verify-waiting-accept", who = who))
            }
            Stage::Requested => self.incoming(who),
            Stage::Ready { methods } => self.choose(methods),
            Stage::Emoji(emoji) => self.emoji(emoji.as_ref()),
            Stage::ShowingQr(_) => self.showing_qr(),
            Stage::ScannedConfirm => self.scanned(),
            Stage::Confirmed => waiting(fl!("verify-waiting-other")),
            Stage::Done => self.finished(self.success(), true),
            Stage::Cancelled(reason) => self.finished(reason.text(), false),
        }
    }

    fn success(&self) -> String {
        if self.state.is_own(&self.own_user) {
            fl!("verify-success-own", who = self.other())
        } else {
            fl!("verify-success", who = self.state.other_user.as_str())
        }
    }

    /// Someone asks: accept or decline, with the warning a stranger's request deserves.
    fn incoming(&self, who: String) -> Element<'_, Message> {
        let words = if self.state.is_own(&self.own_user) {
            fl!("verify-incoming-own")
        } else {
            fl!("verify-incoming-person", who = who)
        };
        let buttons = row![
            self.act(fl!("verify-accept"), Message::Accept, button::primary),
            self.act(fl!("verify-decline"), Message::Cancel, button::secondary),
        ]
        .spacing(8);
        column![text(words), buttons].spacing(14).into()
    }

    /// Both sides are ready: emoji, or a QR code when both apps can.
    fn choose(&self, methods: &[Method]) -> Element<'_, Message> {
        let mut choices = row![].spacing(8);
        if methods.contains(&Method::Emoji) {
            choices = choices.push(self.act(
                fl!("verify-by-emoji"),
                Message::StartEmoji,
                button::primary,
            ));
        }
        if methods.contains(&Method::ShowQr) {
            choices =
                choices.push(self.act(fl!("verify-by-qr"), Message::ShowQr, button::secondary));
        }
        choices = choices.push(self.act(fl!("verify-cancel"), Message::Cancel, button::secondary));
        let mut page = column![text(fl!("verify-choose")), choices].spacing(14);
        if methods.contains(&Method::ScanQr) {
            // Their code, on a phone's screen or in a screenshot: from a file or pasted.
            let scan = row![
                self.act(fl!("verify-by-scan"), Message::ScanPicture, button::secondary),
                self.act(fl!("verify-by-paste"), Message::ScanClipboard, button::secondary),
            ]
            .spacing(8);
            page = page.push(column![text(fl!("verify-scan-note")).size(13), scan].spacing(8));
        }
        page.into()
    }

    /// The seven emoji, large, each named in the user's language, and the two answers.
    fn emoji(&self, emoji: &[Emoji; 7]) -> Element<'_, Message> {
        let cells = emoji.iter().map(|one| {
            column![
                text(one.symbol.clone()).font(style::EMOJI).size(44),
                text(one.name()).size(13).align_x(Alignment::Center),
            ]
            .align_x(Alignment::Center)
            .spacing(4)
            .width(Length::Fixed(78.0))
            .into()
        });
        let answers = row![
            self.act(fl!("verify-match"), Message::Match, button::success),
            self.act(fl!("verify-mismatch"), Message::Mismatch, button::danger),
        ]
        .spacing(8);
        column![
            text(fl!("verify-compare")),
            row(cells).spacing(4),
            text(fl!("verify-compare-note")).size(12).color(style::MUTED),
            answers
        ]
        .spacing(14)
        .into()
    }

    fn showing_qr(&self) -> Element<'_, Message> {
        let code: Element<'_, Message> = match &self.qr {
            Some(data) => qr_code(data).cell_size(5).into(),
            None => style::error_box(&fl!("verify-cancel-failed")),
        };
        let buttons = row![
            self.act(fl!("verify-qr-save"), Message::SaveQr, button::secondary),
            self.act(fl!("verify-cancel"), Message::Cancel, button::secondary),
        ]
        .spacing(8);
        column![text(fl!("verify-qr-show")), code, buttons]
            .spacing(14)
            .align_x(Alignment::Center)
            .into()
    }

    /// The other device scanned our code: only the person can see whether it shows success.
    fn scanned(&self) -> Element<'_, Message> {
        let buttons = row![
            self.act(fl!("verify-qr-scanned-yes"), Message::ScanConfirmed, button::success),
            self.act(fl!("verify-qr-scanned-no"), Message::Cancel, button::danger),
        ]
        .spacing(8);
        column![text(fl!("verify-qr-scanned")), buttons].spacing(14).into()
    }

    fn finished(&self, words: String, success: bool) -> Element<'_, Message> {
        let words = if success { text(words).style(style::safe_text) } else { text(words) };
        let close = button(text(fl!("verify-close"))).on_press(Message::Close);
        column![words, close].spacing(14).into()
    }

    /// A button that waits while a command is on its way.
    fn act<'a>(
        &self,
        label: String,
        message: Message,
        look: fn(&iced::Theme, button::Status) -> button::Style,
    ) -> Element<'a, Message> {
        button(text(label)).style(look).on_press_maybe((!self.busy).then_some(message)).into()
    }
}

fn waiting<'a>(words: String) -> Element<'a, Message> {
    let cancel =
        button(text(fl!("verify-cancel"))).style(button::secondary).on_press(Message::Cancel);
    column![text(words), cancel].spacing(14).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::verification::{CancelReason, Step};
    use crate::ui::testing::containing;
    use iced_test::simulator;

    fn flow(other: &str, we_started: bool) -> Verification {
        Verification::new("flow-1".into(), other.into(), we_started)
    }

    /// Dog, Cat, Lion, Horse, Unicorn, Pig, Elephant: the first seven of the spec's table.
    fn comparing() -> Verification {
        let mut state = flow("@bob:ministere.fr", true);
        state.apply(Step::Emoji([0, 1, 2, 3, 4, 5, 6]));
        state
    }

    /// Run in a process of its own (see below): the language is global to the process.
    #[test]
    #[ignore = "run by emoji_names_follow_the_language, one language per process"]
    fn emoji_screen_in_the_language_asked() {
        let Ok(language) = std::env::var("ESTAFETTE_TEST_LANGUAGE") else { return };
        crate::i18n::choose(Some(&language));
        let expected: &[&str] = match language.as_str() {
            "fr" => &["Chien", "Chat", "Lion", "Cheval", "Licorne", "Cochon", "Éléphant"],
            _ => &["Dog", "Cat", "Lion", "Horse", "Unicorn", "Pig", "Elephant"],
        };
        let dialog = VerifyDialog::new(comparing(), "@anne:ministere.fr");
        let mut ui = simulator(dialog.view());
        for name in expected {
            assert!(ui.find(*name).is_ok(), "{name} is shown in {language}");
        }
        for symbol in ["🐶", "🐱", "🦁", "🐎", "🦄", "🐷", "🐘"] {
            assert!(ui.find(symbol).is_ok(), "{symbol} is shown");
        }
        let answers = match language.as_str() {
            "fr" => ["Ils sont identiques", "Ils sont différents"],
            _ => ["They match", "They don't match"],
        };
        for answer in answers {
            assert!(ui.find(answer).is_ok(), "{answer}");
        }
    }

    #[test]
    fn emoji_names_follow_the_language() {
        let this = std::env::current_exe().unwrap();
        for language in ["en", "fr"] {
            let status = std::process::Command::new(&this)
                .args(["--exact", "ui::verify::tests::emoji_screen_in_the_language_asked"])
                .args(["--ignored", "--test-threads=1"])
                .env("ESTAFETTE_TEST_LANGUAGE", language)
                .status()
                .unwrap();
            assert!(status.success(), "the emoji screen in {language}");
        }
    }

    #[test]
    fn they_match_and_they_dont_match_answer_the_flow() {
        for (label, wanted) in [
            (fl!("verify-match"), Event::Match("flow-1".into())),
            (fl!("verify-mismatch"), Event::Mismatch("flow-1".into())),
        ] {
            let mut dialog = VerifyDialog::new(comparing(), "@anne:ministere.fr");
            let clicked: Vec<_> = {
                let mut ui = simulator(dialog.view());
                let _ = ui.click(label.as_str());
                ui.into_messages().collect()
            };
            let events: Vec<_> = clicked.into_iter().filter_map(|m| dialog.update(m)).collect();
            assert_eq!(events, [wanted]);
            let clicked: Vec<_> = {
                let mut ui = simulator(dialog.view());
                let _ = ui.click(label.as_str());
                ui.into_messages().collect()
            };
            assert!(clicked.is_empty(), "no second answer while the first is on its way");
        }
    }

    #[test]
    fn an_incoming_request_names_who_asks_and_can_be_declined() {
        let mut dialog = VerifyDialog::new(flow("@bob:ministere.fr", false), "@anne:ministere.fr");
        let clicked: Vec<_> = {
            let mut ui = simulator(dialog.view());
            assert!(ui.find(containing("@bob:ministere.fr")).is_ok());
            let _ = ui.click(fl!("verify-decline").as_str());
            ui.into_messages().collect()
        };
        let events: Vec<_> = clicked.into_iter().filter_map(|m| dialog.update(m)).collect();
        assert_eq!(events, [Event::Cancel("flow-1".into())]);
    }

    #[test]
    fn a_mismatch_says_what_it_may_mean() {
        let mut state = comparing();
        state.apply(Step::Cancelled(CancelReason::Mismatch));
        let dialog = VerifyDialog::new(state, "@anne:ministere.fr");
        assert!(dialog.is_over());
        let mut ui = simulator(dialog.view());
        assert!(ui.find(CancelReason::Mismatch.text().as_str()).is_ok());
    }

    #[test]
    fn a_shown_qr_code_is_drawn_from_the_payload() {
        let mut state = flow("@anne:ministere.fr", true);
        state.apply(Step::QrShown(b"MATRIX\x02\x00payload".to_vec()));
        let dialog = VerifyDialog::new(state, "@anne:ministere.fr");
        assert!(dialog.qr.is_some());
        let mut ui = simulator(dialog.view());
        assert!(ui.find(fl!("verify-qr-show").as_str()).is_ok());
    }

    #[test]
    fn the_other_code_can_be_read_from_a_picture_or_pasted() {
        use crate::model::verification::Method;
        for (label, wanted) in [
            (fl!("verify-by-scan"), Event::ScanPicture("flow-1".into())),
            (fl!("verify-by-paste"), Event::ScanClipboard("flow-1".into())),
        ] {
            let mut state = flow("@bob:ministere.fr", true);
            state.apply(Step::Ready(vec![Method::Emoji, Method::ShowQr, Method::ScanQr]));
            let mut dialog = VerifyDialog::new(state, "@anne:ministere.fr");
            let clicked: Vec<_> = {
                let mut ui = simulator(dialog.view());
                assert!(ui.find(fl!("verify-by-emoji").as_str()).is_ok());
                let _ = ui.click(label.as_str());
                ui.into_messages().collect()
            };
            let events: Vec<_> = clicked.into_iter().filter_map(|m| dialog.update(m)).collect();
            assert_eq!(events, [wanted]);
        }
    }
}
