//! The account's picture on the home screen: fetched once the account is open (the toolbar
//! shows it), replaced or removed from the settings. The settings panel shows the same picture:
//! the home screen holds the one copy, here.

use iced::widget::{image, row, text};
use iced::{Alignment, Element};

use crate::ui::panel::settings::{self, AvatarChange};
use crate::ui::widget::style;

/// Pixels across of the round picture kept: sharp at the settings' size on a high-density
/// screen, scaled down for the toolbar.
pub const SIDE: u32 = 144;

#[derive(Debug, Clone)]
pub enum Message {
    /// The account's picture, fetched when the home screen opened; `None` without one.
    Fetched(Option<image::Handle>),
}

/// The picture, cut round, once fetched; `None` shows the initial.
#[derive(Debug, Default)]
pub struct Avatar {
    picture: Option<image::Handle>,
}

impl Avatar {
    pub fn update(&mut self, message: Message) {
        match message {
            Message::Fetched(picture) => self.picture = picture,
        }
    }

    /// Keeps the picture the settings just published or removed, before the panel hears of it
    /// (and even if it was closed meanwhile).
    pub fn note(&mut self, message: &settings::Message) {
        match message {
            settings::Message::AvatarChanged(Ok(AvatarChange::Published(picture))) => {
                self.picture = Some(picture.clone());
            }
            settings::Message::AvatarChanged(Ok(AvatarChange::Removed)) => self.picture = None,
            _ => {}
        }
    }

    pub fn picture(&self) -> Option<&image::Handle> {
        self.picture.as_ref()
    }

    /// What the settings button shows: the account's picture (or initial) and the gear, so
    /// the account this window is for is plain at a glance.
    pub fn button<'a, M: 'a>(&'a self, user_id: &str) -> Element<'a, M> {
        let picture = style::picture(self.picture.as_ref(), user_id, 22.0);
        row![picture, text("⚙")].spacing(6).align_y(Alignment::Center).into()
    }
}
