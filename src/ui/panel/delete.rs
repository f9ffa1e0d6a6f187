//! "Delete this message?": the dialog over the room before a redaction, with the optional
//! reason and, in words, what deleting does and does not do (the reason goes out unencrypted;
//! the server may keep the encrypted original a while).

use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Length};

use crate::fl;
use crate::ui::widget::style;

/// The dialog, open on one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteDialog {
    event_id: String,
    /// The message is another member's: deleting it is a moderator's act.
    others: bool,
    reason: String,
}

#[derive(Debug, Clone)]
pub enum Message {
    Reason(String),
    Confirm,
    Cancel,
}

/// What the dialog asks of the room pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Delete { event_id: String, reason: Option<String> },
    Closed,
}

impl DeleteDialog {
    pub fn new(event_id: String, others: bool) -> Self {
        Self { event_id, others, reason: String::new() }
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Reason(reason) => {
                self.reason = reason;
                None
            }
            Message::Confirm => {
                let reason = Some(self.reason.trim().to_owned()).filter(|r| !r.is_empty());
                Some(Event::Delete { event_id: self.event_id.clone(), reason })
            }
            Message::Cancel => Some(Event::Closed),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let question =
            if self.others { fl!("delete-question-other") } else { fl!("delete-question") };
        let reason = text_input(&fl!("delete-reason"), &self.reason)
            .on_input(Message::Reason)
            .on_submit(Message::Confirm)
            .width(Length::Fill);
        let buttons = row![
            button(text(fl!("consent-cancel"))).style(button::secondary).on_press(Message::Cancel),
            button(text(fl!("delete-confirm"))).style(button::danger).on_press(Message::Confirm),
        ]
        .spacing(12);
        let explained = text(fl!("delete-explained")).size(13);
        let body = column![text(question).size(17), explained, reason, buttons].spacing(14);
        style::modal(body, 480.0, style::dialog)
    }
}

#[cfg(test)]
mod tests {
    use iced_test::simulator;

    use super::*;

    #[test]
    fn the_reason_typed_goes_with_the_deletion() {
        let mut dialog = DeleteDialog::new("$e".into(), true);
        dialog.update(Message::Reason(" spam ".into()));
        let mut ui = simulator(dialog.view());
        assert!(ui.find(fl!("delete-question-other").as_str()).is_ok());
        assert!(ui.find(fl!("delete-explained").as_str()).is_ok(), "what deleting keeps, in words");
        let _ = ui.click(fl!("delete-confirm").as_str());
        let clicked: Vec<Message> = ui.into_messages().collect();
        assert!(matches!(clicked.as_slice(), [Message::Confirm]), "{clicked:?}");
        let asked = dialog.update(Message::Confirm);
        let reason = Some("spam".to_owned());
        assert_eq!(asked, Some(Event::Delete { event_id: "$e".into(), reason }));
    }

    #[test]
    fn an_empty_reason_is_none_and_cancel_closes() {
        let mut dialog = DeleteDialog::new("$e".into(), false);
        dialog.update(Message::Reason("   ".into()));
        assert_eq!(
            dialog.update(Message::Confirm),
            Some(Event::Delete { event_id: "$e".into(), reason: None })
        );
        assert_eq!(dialog.update(Message::Cancel), Some(Event::Closed));
    }
}
