//! "Open this link?": asked before the browser opens a link whose text says something else
//! than where it goes, or whose address could pass for another. The real address is shown in
//! full, in a typeface where look-alike letters are easier to tell apart.

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length};

use crate::fl;
use crate::model::link::Doubt;
use crate::ui::widget::style;

/// The dialog, open on one address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkDialog {
    url: String,
    /// What the message showed in the link's place.
    shown: String,
    doubt: Doubt,
}

#[derive(Debug, Clone)]
pub enum Message {
    Open,
    Cancel,
}

/// What the dialog asks of the room pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Open(String),
    Closed,
}

impl LinkDialog {
    pub fn new(url: String, shown: String, doubt: Doubt) -> Self {
        Self { url, shown, doubt }
    }

    pub fn update(&mut self, message: Message) -> Event {
        match message {
            Message::Open => Event::Open(self.url.clone()),
            Message::Cancel => Event::Closed,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let why = match self.doubt {
            Doubt::TextDiffers => fl!("link-text-differs", shown = self.shown.as_str()),
            Doubt::LookAlike => fl!("link-look-alike"),
        };
        let target = container(text(self.url.as_str()).font(iced::Font::MONOSPACE).size(14))
            .padding(8)
            .width(Length::Fill)
            .style(style::tooltip_box);
        let buttons = row![
            button(text(fl!("consent-cancel"))).style(button::secondary).on_press(Message::Cancel),
            button(text(fl!("link-open"))).on_press(Message::Open),
        ]
        .spacing(12);
        let body = column![
            text(fl!("link-question")).size(17),
            text(why).size(13),
            text(fl!("link-goes-to")).size(13),
            target,
            buttons
        ]
        .spacing(12);
        style::modal(body, 520.0, style::dialog)
    }
}

#[cfg(test)]
mod tests {
    use iced_test::simulator;

    use super::*;

    #[test]
    fn the_real_address_is_shown_and_opened_only_when_confirmed() {
        let url = "https://evil.example/login";
        let mut dialog = LinkDialog::new(url.into(), "impots.gouv.fr".into(), Doubt::TextDiffers);
        let mut ui = simulator(dialog.view());
        assert!(ui.find(url).is_ok(), "the target in full");
        let why = fl!("link-text-differs", shown = "impots.gouv.fr");
        assert!(ui.find(why.as_str()).is_ok());
        let _ = ui.click(fl!("link-open").as_str());
        let clicked: Vec<Message> = ui.into_messages().collect();
        assert!(matches!(clicked.as_slice(), [Message::Open]), "{clicked:?}");
        assert_eq!(dialog.update(Message::Open), Event::Open(url.into()));
        assert_eq!(dialog.update(Message::Cancel), Event::Closed);
    }
}
